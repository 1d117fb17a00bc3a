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
    if let Some(w) = width
        && w < plain::MIN_WIDTH
    {
        return Err(Failure::Usage(format!(
            "--width {w} is too narrow; give at least {}",
            plain::MIN_WIDTH
        )));
    }
    let dispute = open(input, err)?;
    let (left, right) = pair(&dispute, pair_args)?;
    let cmp = Comparison::new(&dispute, left, right);
    let (outcome, labels) = super::narrow(filter_args, &dispute, &cmp)?;
    let width = width.unwrap_or_else(terminal_width);
    if !labels.is_empty() {
        let (all, kept) = (cmp.counts(), outcome.comparison.counts());
        writeln!(
            out,
            "Showing {} of {} claims ({})",
            kept.left_claims + kept.right_claims,
            all.left_claims + all.right_claims,
            labels.join(" · ")
        )?;
        if outcome.comparison.topics.is_empty() {
            writeln!(err, "parallax: no claim matches {}", labels.join(" · "))?;
        }
    }
    out.write_all(plain::show(&dispute, &outcome.comparison, width).as_bytes())?;
    Ok(())
}

/// Prints the topics table, or with `ratings` the tables of ratings by side and by who rated;
/// with `as_of`, the table counts only what had been said by then.
pub fn topics(
    input: &InputArgs,
    pair_args: &PairArgs,
    ratings: bool,
    as_of: Option<Date>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
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
        writeln!(out, "As of {date}")?;
    }
    out.write_all(plain::topics_table(&dispute, &cmp).as_bytes())?;
    Ok(())
}

/// The terminal's width when stdout is one, else [`PIPE_WIDTH`].
fn terminal_width() -> usize {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        ratatui::crossterm::terminal::size()
            .map(|(w, _)| usize::from(w).max(plain::MIN_WIDTH))
            .unwrap_or(PIPE_WIDTH)
    } else {
        PIPE_WIDTH
    }
}
