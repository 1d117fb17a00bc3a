//! `parallax export`: writes the comparison in one format to a file (atomically) or stdout.

use super::{Failure, open, pair};
use crate::cli::{ExportArgs, ExportFormat};
use crate::compare::Comparison;
use crate::export::{self, ExportError};
use crate::text;
use std::io::Write;
use std::path::Path;

impl From<ExportError> for Failure {
    fn from(e: ExportError) -> Self {
        match e {
            ExportError::UnknownTopic { .. } => Failure::Usage(e.to_string()),
            // `-o /dev/stdout`: the way to standard output is named.
            ExportError::NotAFile { .. } => {
                Failure::Output(format!("{e} (`-o -` writes to standard output)"))
            }
            _ => Failure::Output(e.to_string()),
        }
    }
}

/// The names of standard output an output path may be given as.
const STANDARD_OUTPUT: [&str; 4] = ["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"];

/// Exports the comparison chosen by `args`; a note on what was written goes to `err`.
/// `config` is the config file's `[export]`, as the command line read it.
pub fn export(
    args: &ExportArgs,
    config: &crate::config::ExportConfig,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    // `-o /dev/stdout` is standard output, as `-o -` is: replaced by a rename, it is a pipe's
    // `pipe:[…]` or the shell's redirected file, which is not the user's to refuse or replace.
    let target = args
        .output
        .as_deref()
        .filter(|p| !STANDARD_OUTPUT.iter().any(|s| *p == Path::new(s)));
    let configured = config.format.as_ref().map(|f| f.0);
    let chosen = match (
        args.format,
        target.and_then(ExportFormat::from_path),
        configured,
    ) {
        (Some(f), _, _) => f,
        (None, Some(f), _) => f,
        (None, None, Some(f)) => f,
        (None, None, None) => {
            return Err(Failure::Usage(
                "give --format md, csv, json, html, claims-csv or claimreview (or an output file ending in .md, .csv, .json or .html, or a default in the config file)"
                    .to_owned(),
            ));
        }
    };
    // `-o report.md -f csv`: the format given wins, but a name that says otherwise is likelier
    // a slip than a wish, and the file would open in the wrong program.
    // Said once the file is known to be one that may be written: before a refusal (a dispute's
    // own file) it only added a second message.
    let slip = match (
        args.format,
        target,
        target.and_then(ExportFormat::from_path),
    ) {
        (Some(given), Some(path), Some(named)) if given.file_kind() != named.file_kind() => {
            Some(format!(
                "parallax: warning: writing {} into {}, whose name says {}; rename it to end in .{} if that was a slip",
                given.file_kind().extension(),
                text::clean(&path.display().to_string()).text,
                named.file_kind().extension(),
                given.file_kind().extension()
            ))
        }
        // `-f csv -o x-claims.csv`: the comparison, in a file named as the claims table is.
        (Some(given), Some(path), Some(named))
            if given != named && named.comparison().is_none() =>
        {
            Some(format!(
                "parallax: warning: writing the comparison as {} into {}, whose name says the claims format {}; give -f {} if that was a slip",
                given.file_kind().extension(),
                text::clean(&path.display().to_string()).text,
                named.name(),
                named.name()
            ))
        }
        _ => None,
    };
    if args.review_url.is_some() && chosen != ExportFormat::ClaimReview {
        writeln!(
            err,
            "parallax: warning: --review-url is for --format claimreview (the page its reviews are published on); ignored"
        )?;
    }
    if args.bom && !matches!(chosen, ExportFormat::Csv | ExportFormat::ClaimsCsv) {
        return Err(Failure::Usage(
            "--bom is for the CSV formats (csv, claims-csv), which Excel reads as UTF-8 only \
             with it; a BOM would break Markdown, HTML and JSON"
                .to_owned(),
        ));
    }
    // `-o reports/`, a folder that is there: the file in it gets the name the screen's export
    // dialog offers, which the dispute's id makes, so the dispute is read first.
    let mut early = None;
    let named;
    let target = match target.filter(|p| p.is_dir()) {
        Some(folder) => {
            let dispute = open(&args.input, err)?;
            // By its components: `out//` names `out/name`, not `out//name`.
            named = folder
                .components()
                .collect::<std::path::PathBuf>()
                .join(file_name(&dispute, args, chosen));
            early = Some(dispute);
            Some(named.as_path())
        }
        None => target,
    };
    if let Some(path) = target {
        export::check_not_read_as_side(path, chosen.file_kind(), &args.input.paths)?;
    }
    let Some(format) = chosen.comparison() else {
        return claims(args, (chosen, early), target, slip.as_deref(), out, err);
    };
    if let Some(path) = target {
        // Checked early too, so a long export is not thrown away; the write checks again.
        export::check_target(path, args.force)?;
        // An interrupted export leaves no temporary file behind.
        crate::cleanup::remove_on_signal()?;
    }
    let dispute = match early {
        Some(dispute) => dispute,
        None => open(&args.input, err)?,
    };
    if let Some(path) = target {
        export::check_not_input(path, &export::dispute_files(&dispute, &args.input.paths))?;
    }
    if let Some(slip) = &slip {
        writeln!(err, "{slip}")?;
    }
    let (left, right) = pair(&dispute, &args.pair)?;
    let cmp = Comparison::new(&dispute, left, right);
    let (outcome, labels) = super::narrow(&args.filter, &dispute, &cmp, err)?;
    let shown = outcome.as_ref().map_or(&cmp, |o| &o.comparison);
    let kept = shown.counts();
    // A topic kept empty (neither side speaks to it) is no match either.
    if kept.left_claims + kept.right_claims == 0 && !labels.is_empty() {
        writeln!(err, "parallax: no claim matches {}", labels.join(" · "))?;
    }
    // One `--topic` names the file's topic; an export of one topic keeps its heading even when
    // the filters leave it empty.
    let topic = match args.filter.topics.as_slice() {
        [one] if shown.topics.iter().any(|t| &t.id == one) => Some(one.as_str()),
        _ => None,
    };
    let selection = crate::query::counted_labels(&cmp.counts(), &kept, &labels);
    let render = |w: &mut dyn Write| {
        bom(args.bom, w)?;
        export::render_to(format, &dispute, shown, topic, &selection, w)
    };
    deliver_with(render, format.extension(), target, args.force, out, err)
}

/// The UTF-8 byte order mark, first, when `--bom` asks for it.
fn bom(wanted: bool, w: &mut dyn Write) -> Result<(), ExportError> {
    if wanted {
        w.write_all("\u{feff}".as_bytes())
            .map_err(|e| ExportError::Encode(e.to_string()))?;
    }
    Ok(())
}

/// Writes an export to standard output as it is rendered; a failed write (a closed pipe) is
/// reported as the write's failure, not as the renderer's.
fn stream(
    out: &mut dyn Write,
    render: impl FnOnce(&mut dyn Write) -> Result<(), export::ExportError>,
) -> Result<(), Failure> {
    let mut w = export::Counted::new(std::io::BufWriter::with_capacity(1 << 16, out));
    let rendered = render(&mut w);
    let flushed = w.flush();
    if let Some(e) = w.take_failure() {
        return Err(e.into());
    }
    rendered?;
    Ok(flushed?)
}

/// Streams an export to standard output, or to `target` (atomically) with a line saying so.
fn deliver_with(
    render: impl FnOnce(&mut dyn Write) -> Result<(), export::ExportError>,
    name: &str,
    target: Option<&Path>,
    force: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    match target {
        None => stream(out, render),
        Some(path) => {
            let size = export::write_file_with(path, force, render)?;
            wrote(path, size, name, err)
        }
    }
}

/// The line saying an export was written to a file.
fn wrote(path: &Path, size: u64, name: &str, err: &mut dyn Write) -> Result<(), Failure> {
    writeln!(
        err,
        "parallax: wrote {} ({size} bytes, {name})",
        export::shown_path(path)
    )?;
    Ok(())
}

/// The name of the file an export into a folder writes: the dispute's id, the topic's when one
/// `--topic` is given, and for the claims formats what they hold (`…-claims.csv`,
/// `…-claimreview.json`, not to be taken for the comparison's), as the screen's dialog names one.
fn file_name(dispute: &crate::format::Dispute, args: &ExportArgs, format: ExportFormat) -> String {
    let part = match (format, args.filter.topics.as_slice()) {
        (ExportFormat::ClaimsCsv, _) => Some("claims".to_owned()),
        (ExportFormat::ClaimReview, _) => Some("claimreview".to_owned()),
        (_, [one]) => Some(super::topic_id(dispute, one)),
        _ => None,
    };
    export::default_file_name(dispute, part.as_deref(), format.file_kind())
}

/// Exports every claim of the dispute in a claims format (`claims-csv`, `claimreview`): these
/// carry the dispute, not a comparison, so filters and the choice of sides do not apply.
/// `(format, dispute)`: the claims format, and the dispute when it was read already.
fn claims(
    args: &ExportArgs,
    (format, early): (ExportFormat, Option<crate::format::Dispute>),
    target: Option<&Path>,
    slip: Option<&str>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let narrowed = !args.filter.filter().describe().is_empty()
        || args.filter.query.is_some()
        || args.pair.left.is_some()
        || args.pair.right.is_some();
    if narrowed {
        return Err(Failure::Usage(
            "claims-csv and claimreview export every claim of every side; leave out the filters, --query, --left and --right".to_owned(),
        ));
    }
    if let Some(path) = target {
        export::check_target(path, args.force)?;
        crate::cleanup::remove_on_signal()?;
    }
    let dispute = match early {
        Some(dispute) => dispute,
        None => open(&args.input, err)?,
    };
    if let Some(path) = target {
        export::check_not_input(path, &export::dispute_files(&dispute, &args.input.paths))?;
    }
    if let Some(slip) = slip {
        writeln!(err, "{slip}")?;
    }
    if format == ExportFormat::ClaimsCsv {
        // Streamed, record by record, like the comparison formats.
        let render = |w: &mut dyn Write| {
            bom(args.bom, w)?;
            crate::import::csv::write(&dispute, w).map_err(|e| ExportError::Encode(e.to_string()))
        };
        return deliver_with(render, "claims-csv", target, args.force, out, err);
    }
    let mut without = Vec::new();
    let render = |w: &mut dyn Write| {
        without = crate::import::claimreview::write(&dispute, args.review_url.as_deref(), w)
            .map_err(|e| ExportError::Encode(e.to_string()))?;
        Ok(())
    };
    deliver_with(render, "claimreview", target, args.force, out, err)?;
    let assessed = dispute
        .sides
        .iter()
        .flat_map(|s| &s.topics)
        .flat_map(|t| &t.claims)
        .any(|c| c.assessment.is_some());
    if !assessed {
        writeln!(
            err,
            "parallax: no claim has an assessment, so there is no review to write: the ClaimReview graph is empty (a review is a claim's assessment)"
        )?;
    }
    if !without.is_empty() {
        writeln!(
            err,
            "parallax: {} review(s) have no url, which Google's fact-check tools require, as their assessment and claim cite no web page ({}); give --review-url with the page you publish them on",
            without.len(),
            crate::text::clean(&first_few(&without)).text
        )?;
    }
    Ok(())
}

/// The first few of a list of ids for a message, and how many more: a message about every claim
/// of a large dispute stays one line.
fn first_few(ids: &[String]) -> String {
    const SHOWN: usize = 5;
    let shown: Vec<&str> = ids.iter().take(SHOWN).map(String::as_str).collect();
    match ids.len().saturating_sub(SHOWN) {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
}
