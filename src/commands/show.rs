//! `parallax show` and `parallax topics`: the comparison and its table as plain text.

use super::{Failure, open, pair};
use crate::cli::{FilterArgs, InputArgs, PairArgs};
use crate::compare::Comparison;
use crate::format::Date;
use crate::plain;
use crate::query::Filter;
use std::io::Write;

/// Width used when the output is not a terminal and no `--width` is given.
pub const PIPE_WIDTH: usize = 100;

/// Prints the side-by-side comparison, or what the filters and `--query` keep of it.
pub fn show(
    input: &InputArgs,
    pair_args: &PairArgs,
    width: Option<usize>,
    filter_args: &FilterArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    check_width(width)?;
    let dispute = open(input, err)?;
    let (left, right) = pair(&dispute, pair_args)?;
    let cmp = Comparison::new(&dispute, left, right);
    let (outcome, labels) = super::narrow(filter_args, &dispute, &cmp, err)?;
    let shown = outcome.as_ref().map_or(&cmp, |o| &o.comparison);
    if width.is_none() {
        say_narrow_terminal(err)?;
    }
    let width = width.unwrap_or_else(terminal_width);
    if !labels.is_empty() {
        let kept = shown.counts();
        let line = format!(
            "Showing {} ({})",
            crate::query::claims_kept(&cmp.counts(), &kept),
            labels.join(" · ")
        );
        // Within the width, as every line of `show` is.
        for line in crate::text::wrap(&line, width) {
            writeln!(out, "{line}")?;
        }
        // A topic kept empty (neither side speaks to it) is no match either.
        if kept.left_claims + kept.right_claims == 0 {
            writeln!(err, "parallax: no claim matches {}", labels.join(" · "))?;
        }
    }
    if cmp.topics.is_empty() {
        // A dispute just made by `parallax new`: the headers alone would look like a fault.
        writeln!(
            err,
            "parallax: the dispute has no topic yet: add topics and claims (see \"Writing a new dispute\" in the README)"
        )?;
    }
    let mut out = std::io::BufWriter::new(out);
    plain::write_show(&mut out, &dispute, shown, width)?;
    out.flush()?;
    Ok(())
}

/// What `parallax topics` prints.
#[derive(Debug, Clone, Copy, Default)]
pub struct TopicsOptions {
    /// The tables of ratings by side and by who rated, instead of the topics.
    pub ratings: bool,
    /// Count only what had been said by then.
    pub as_of: Option<Date>,
    /// JSON instead of the table.
    pub json: bool,
    /// The table's total width (default: the terminal's; piped, `$COLUMNS`, else 100).
    pub width: Option<usize>,
}

/// Prints the topics table, or with `ratings` the tables of ratings by side and by who rated;
/// with `as_of`, the table counts only what had been said by then.
pub fn topics(
    input: &InputArgs,
    pair_args: &PairArgs,
    options: TopicsOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let TopicsOptions {
        ratings,
        as_of,
        json,
        width,
    } = options;
    check_width(width)?;
    let dispute = open(input, err)?;
    if ratings {
        out.write_all(crate::ratings::tables(&dispute).as_bytes())?;
        return Ok(());
    }
    let (left, right) = pair(&dispute, pair_args)?;
    let mut cmp = Comparison::new(&dispute, left, right);
    if let Some(date) = as_of {
        cmp = Filter {
            as_of: Some(date),
            ..Filter::default()
        }
        .apply(&dispute, &cmp);
        if !json {
            writeln!(out, "As of {date}")?;
        }
    }
    if json {
        crate::text::write_json(&mut *out, &topics_json(&dispute, &cmp, as_of))
            .map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else {
        if width.is_none() {
            say_narrow_terminal(err)?;
        }
        let width = width.unwrap_or_else(terminal_width);
        out.write_all(plain::topics_table(&dispute, &cmp, width).as_bytes())?;
    }
    Ok(())
}

/// One topic of `topics --json`.
#[derive(serde::Serialize)]
struct TopicJson<'a> {
    id: &'a str,
    title: &'a str,
    left_claims: usize,
    right_claims: usize,
    both: usize,
    left_only: usize,
    right_only: usize,
    common: usize,
    one_sided: bool,
}

/// `topics --json` as a whole.
#[derive(serde::Serialize)]
struct TopicsJson<'a> {
    left: super::PartyJson<'a>,
    right: super::PartyJson<'a>,
    /// The date the counts are as of, when `--as-of` gave one (as `timeline --json` says it).
    #[serde(skip_serializing_if = "Option::is_none")]
    as_of: Option<Date>,
    topics: Vec<TopicJson<'a>>,
}

/// `topics --json`: the two parties compared, then each topic with its id, neutral title,
/// claims per side, rows answered by both sides or one, and rows of common ground.
fn topics_json<'a>(
    dispute: &'a crate::format::Dispute,
    cmp: &'a Comparison,
    as_of: Option<Date>,
) -> TopicsJson<'a> {
    let topics: Vec<TopicJson> = cmp
        .topics
        .iter()
        .map(|t| {
            let mut c = crate::compare::Counts::default();
            c.add_rows(&t.rows);
            TopicJson {
                id: &t.id,
                title: &t.title,
                left_claims: c.left_claims,
                right_claims: c.right_claims,
                both: c.both,
                left_only: c.left_only,
                right_only: c.right_only,
                common: c.common,
                one_sided: t.one_sided(),
            }
        })
        .collect();
    TopicsJson {
        left: super::PartyJson::of(dispute, cmp.left),
        right: super::PartyJson::of(dispute, cmp.right),
        as_of,
        topics,
    }
}

/// A `--width` narrower than [`plain::MIN_WIDTH`] or wider than any terminal is a usage error,
/// for `show` and `topics` alike.
fn check_width(width: Option<usize>) -> Result<(), Failure> {
    match width {
        Some(w) if w < plain::MIN_WIDTH => Err(Failure::Usage(format!(
            "--width {w} is too narrow; give at least {}",
            plain::MIN_WIDTH
        ))),
        Some(w) if w > plain::MAX_WIDTH => Err(Failure::Usage(format!(
            "--width {w} is too wide; give a width from {} to {} columns",
            plain::MIN_WIDTH,
            plain::MAX_WIDTH
        ))),
        _ => Ok(()),
    }
}

/// A terminal narrower than the narrowest layout is said, so lines that wrap at its edge are
/// not taken for a fault: show and topics lay out at 40 columns at least.
fn say_narrow_terminal(err: &mut dyn Write) -> std::io::Result<()> {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal()
        && let Ok((w, _)) = ratatui::crossterm::terminal::size()
        && usize::from(w) < plain::MIN_WIDTH
    {
        writeln!(
            err,
            "parallax: the terminal is {w} columns wide, and the layout takes {} at least, so its lines wrap: widen the window, or page it with `less -S`",
            plain::MIN_WIDTH
        )?;
    }
    Ok(())
}

/// The terminal's width when stdout is one; piped, `$COLUMNS` when it holds a width (as `ls`
/// and `man` read it: `COLUMNS=160 parallax show | less`), else [`PIPE_WIDTH`].
fn terminal_width() -> usize {
    use std::io::IsTerminal;
    let fit = |w: usize| w.clamp(plain::MIN_WIDTH, plain::MAX_WIDTH);
    if std::io::stdout().is_terminal()
        && let Ok((w, _)) = ratatui::crossterm::terminal::size()
    {
        return fit(usize::from(w));
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|w| *w > 0)
        .map_or(PIPE_WIDTH, fit)
}
