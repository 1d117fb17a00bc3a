//! Export of a side-by-side comparison to a file an analyst can share: Markdown, CSV, JSON or a
//! self-contained HTML page. The exporters take an already-chosen (and filtered) [`Comparison`];
//! how it was filtered is none of their business. Every format follows FORMAT.md's "Untrusted
//! text" rules: the text of a dispute is data, never markup, formula or link.
//!
//! The public API used by the CLI and the TUI: [`render`], [`default_file_name`], [`write_file`].

mod csv;
pub use csv::writer as csv_writer;
mod html;
mod markdown;
pub mod model;
mod write;

pub use csv::COLUMNS as CSV_COLUMNS;
pub use model::{EXPORT_FORMAT, Export};
pub use write::{
    Counted, Prepared, check_not_input, check_not_read_as_side, check_target, dispute_files,
    prepare, prepare_bytes, through_link, write_file, write_file_with,
};

use crate::compare::Comparison;
use crate::format::Dispute;
use std::io::Write;
use std::path::PathBuf;

/// The formats a comparison can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// GitHub-flavoured Markdown: a heading per topic, a two-column table per row.
    Markdown,
    /// CSV: one record per claim pairing of a row, for spreadsheets.
    Csv,
    /// JSON (`parallax-export/1`), for programs.
    Json,
    /// One self-contained HTML page, the two parties side by side.
    Html,
}

impl Format {
    /// Every format, in the order help lists them.
    pub const ALL: [Format; 4] = [Format::Markdown, Format::Csv, Format::Json, Format::Html];

    /// The file extension, without the dot; also the name `--format` takes.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Html => "html",
        }
    }

    /// The format a file name's extension implies, if any (`.md`, `.markdown`, `.csv`, `.json`,
    /// `.html`, `.htm`).
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}

/// Why an export failed. The TUI matches on [`ExportError::Exists`] to ask before replacing.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The target file exists and replacing it was not asked for.
    #[error("{path} already exists; give --force to replace it, or choose another file")]
    Exists {
        /// The target, as shown to the analyst.
        path: String,
    },
    /// The target exists and is not a regular file: a FIFO, a device, a socket.
    #[error("will not write to {path}: it is {what}; only regular files or new paths are written")]
    NotAFile {
        /// The target, as shown.
        path: String,
        /// What it is.
        what: &'static str,
    },
    /// The target is a read-only file: replacing it through a rename would get around that.
    #[error(
        "will not replace {path}: it is read-only; make it writable (chmod u+w) if it should change, or write elsewhere"
    )]
    ReadOnly {
        /// The target, as shown.
        path: String,
    },
    /// The target is a file its mode lets be written, but not by this user (another's file, an
    /// immutable one): the rename would replace it all the same where the folder allows.
    #[error(
        "will not replace {path}: you may not write it (it is another user's, or immutable); ask its owner, or write elsewhere"
    )]
    NotPermitted {
        /// The target, as shown.
        path: String,
    },
    /// The folder the file would go in does not exist.
    #[error(
        "cannot write {path}: the folder {folder} does not exist; {make} or choose another path"
    )]
    NoFolder {
        /// The target, as shown.
        path: String,
        /// The first folder of its path that does not exist, as shown: named once, so a long
        /// path still fits a dialog.
        folder: String,
        /// What to create: that folder, or it and the folders under it.
        make: &'static str,
    },
    /// A path ending in `/` (a folder's name) where no folder is: an export is a file.
    #[error(
        "cannot write {path}: a path ending in / names a folder, and there is no folder {folder}; give a file name (create the folder first, or leave out the /)"
    )]
    FolderNamed {
        /// The target, as shown.
        path: String,
        /// The folder named, as shown.
        folder: String,
    },
    /// A file stands where a folder of the path should be.
    #[error("cannot write {path}: {file} is a file, not a folder; choose another path")]
    FileForFolder {
        /// The target, as shown.
        path: String,
        /// The file in the way, as shown.
        file: String,
    },
    /// The folder or file may not be written.
    #[error(
        "cannot write {path}: permission denied; choose a folder you can write to (any existing file there is unchanged)"
    )]
    PermissionDenied {
        /// The target, as shown.
        path: String,
    },
    /// The target is one of the files the dispute is read from: an export over a side file
    /// would put an export where the analyst's claims were.
    #[error(
        "will not write to {path}: it is one of the dispute's own files (a side file, the manifest or the dismissals); choose another file"
    )]
    OwnFile {
        /// The target, as shown.
        path: String,
    },
    /// Text that is not JSON, named `.json` in a folder of side files without a manifest, where
    /// every `*.json` is read as a side.
    #[error(
        "will not write {kind} to {path}: in {folder}, a folder of side files without a manifest, every .json file is read as a side, so the dispute would no longer load; end the name in .{kind}, or write it elsewhere"
    )]
    ReadAsSide {
        /// The target, as shown.
        path: String,
        /// Its folder, as shown.
        folder: String,
        /// The format's extension.
        kind: &'static str,
    },
    /// The disk is full.
    #[error(
        "cannot write {path}: the disk is full; free some space or write elsewhere (any existing file there is unchanged)"
    )]
    DiskFull {
        /// The target, as shown.
        path: String,
    },
    /// Any other write failure.
    #[error("cannot write {path}: {reason}; any existing file there is unchanged")]
    Write {
        /// The target, as shown.
        path: String,
        /// What the system said.
        reason: String,
    },
    /// `--topic` names no topic of the comparison.
    #[error(
        "no topic `{id}` in this comparison; {}",
        if known.is_empty() {
            "it has no topic yet".to_owned()
        } else {
            crate::text::nearest_topic(id, known.iter().map(String::as_str).collect())
        }
    )]
    UnknownTopic {
        /// The id asked for, cleaned for display.
        id: String,
        /// The topic ids there are.
        known: Vec<String>,
    },
    /// Encoding the output failed (should not happen with in-memory buffers).
    #[error("cannot encode the export: {0}")]
    Encode(String),
}

/// Narrows a comparison to one topic (or keeps it whole with `None`).
pub fn select_topic(cmp: &Comparison, topic: Option<&str>) -> Result<Comparison, ExportError> {
    let Some(id) = topic else {
        return Ok(cmp.clone());
    };
    match cmp.topics.iter().find(|t| t.id == id) {
        Some(t) => Ok(cmp.with_topics(vec![t.clone()])),
        None => Err(ExportError::UnknownTopic {
            id: crate::text::quote(id),
            known: cmp.topics.iter().map(|t| t.id.clone()).collect(),
        }),
    }
}

/// Renders a comparison (or its one topic `topic`) in a format, as the bytes of the file.
/// `selection` names the filters and search that narrowed it (empty: the whole comparison); the
/// document says so, so that a reader never takes a selection for the whole.
pub fn render(
    format: Format,
    dispute: &Dispute,
    cmp: &Comparison,
    topic: Option<&str>,
    selection: &[String],
) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::new();
    render_to(format, dispute, cmp, topic, selection, &mut out)?;
    Ok(out)
}

/// The selection's label for the parties a dispute of more than two sides leaves out of a
/// comparison of two (`parties: India and Pakistan of 3; not compared: Third parties, 70
/// claims`): a reader of the file would take the two for the whole dispute.
/// The selection's label for suggested rows (the screen's, exported with `m` on): pairs the
/// matcher proposed and nobody confirmed, so a reader does not take them for the parties' own
/// answers to each other.
fn suggested(cmp: &Comparison) -> Option<String> {
    let n = cmp
        .topics
        .iter()
        .flat_map(|t| &t.rows)
        .filter(|r| r.kind == crate::compare::RowKind::Suggested)
        .count();
    match n {
        0 => None,
        1 => Some(
            "1 suggested pair, marked ≈, which the matcher proposed and nobody confirmed"
                .to_owned(),
        ),
        n => Some(format!(
            "{n} suggested pairs, marked ≈, which the matcher proposed and nobody confirmed"
        )),
    }
}

fn others_left_out(dispute: &Dispute, cmp: &Comparison) -> Option<String> {
    let name = |s: usize| dispute.sides.get(s).map_or("?", |s| s.party.name.as_str());
    let others: Vec<String> = (0..dispute.sides.len())
        .filter(|&s| s != cmp.left && s != cmp.right)
        .map(|s| {
            let n = dispute.claim_count(s);
            let claims = if n == 1 { "claim" } else { "claims" };
            format!("{}, {n} {claims}", name(s))
        })
        .collect();
    (!others.is_empty()).then(|| {
        format!(
            "parties: {} and {} of {}; not compared: {}",
            name(cmp.left),
            name(cmp.right),
            dispute.sides.len(),
            others.join("; ")
        )
    })
}

/// As [`render`], written to `w` as it is rendered (one topic at a time for Markdown and HTML,
/// record by record for CSV, value by value for JSON), so the whole file is never held.
pub fn render_to(
    format: Format,
    dispute: &Dispute,
    cmp: &Comparison,
    topic: Option<&str>,
    selection: &[String],
    w: &mut dyn std::io::Write,
) -> Result<(), ExportError> {
    let one;
    let cmp = match topic {
        None => cmp,
        Some(_) => {
            one = select_topic(cmp, topic)?;
            &one
        }
    };
    let mut doc = model::head(dispute, cmp);
    doc.selection = selection.iter().map(|s| s.as_str().into()).collect();
    doc.selection
        .extend(others_left_out(dispute, cmp).map(Into::into));
    doc.selection.extend(suggested(cmp).map(Into::into));
    let targets = crate::layout::Targets::new(dispute, cmp);
    let topics = cmp
        .topics
        .iter()
        .map(|t| model::topic(dispute, (cmp, &targets), t));
    match format {
        Format::Markdown => markdown::render_to(&doc, topics, w).map_err(encode),
        Format::Csv => csv::render_to(&doc, topics, w),
        Format::Json => {
            // The serialiser writes many small pieces: a buffer of its own takes them without
            // a dynamic call each, and hands `w` large blocks.
            let mut buffered = std::io::BufWriter::with_capacity(1 << 16, w);
            let streamed = model::Streamed::new(&doc, topics);
            serde_json::to_writer_pretty(&mut buffered, &streamed)
                .map_err(|e| ExportError::Encode(e.to_string()))?;
            buffered.write_all(b"\n").map_err(encode)?;
            buffered.flush().map_err(encode)
        }
        Format::Html => {
            let charts = html::Charts::new(dispute, cmp);
            let page = html::Contents::new(dispute, cmp);
            html::render_to(&doc, topics, Some(&charts), &page, w).map_err(encode)
        }
    }
}

fn encode(e: std::io::Error) -> ExportError {
    ExportError::Encode(e.to_string())
}

/// The longest stem of an offered file name, in bytes.
const MAX_STEM: usize = 190;

/// The file name an export is offered under: the dispute id, the topic id when one topic is
/// exported, and the format's extension (`india-pakistan-2025-ceasefire.md`). Ids are safe file
/// names by the format's rules; anything else is replaced by `-`.
pub fn default_file_name(dispute: &Dispute, topic: Option<&str>, format: Format) -> String {
    let safe = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect::<String>()
            .trim_start_matches('.')
            .to_owned()
    };
    let mut stem = safe(&dispute.id);
    if stem.is_empty() {
        stem = "comparison".to_owned();
    }
    if let Some(t) = topic.map(safe).filter(|t| !t.is_empty()) {
        stem.push('-');
        stem.push_str(&t);
    }
    // A file system takes names of 255 bytes at most: two long ids (128 characters each) are
    // cut, well within it (the stem is ASCII by now).
    stem.truncate(MAX_STEM);
    let stem = stem.trim_end_matches('-');
    format!("{stem}.{}", format.extension())
}

/// How a path is named in messages: cleaned, so a hostile name cannot reach the terminal raw.
pub fn shown_path(path: &std::path::Path) -> String {
    crate::text::one_line(&path.display().to_string())
}

/// The folder a file goes in (`.` for a bare file name).
pub(crate) fn folder_of(path: &std::path::Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// How much rendered text a renderer holds before it hands it on ([`Sink`]): a topic of 100,000
/// rows, or a claim of millions of lines, is written as it is rendered, not held whole.
const SPILL: usize = 64 * 1024;

/// What a document without a topic says where its topics would be: that the selection kept
/// none (it was a bare heading), or that the dispute has none yet.
pub(crate) fn no_topic(doc: &model::Export) -> &'static str {
    if doc.selection.is_empty() {
        "The dispute has no topic yet."
    } else {
        "No claim matches this selection."
    }
}

/// How many rows from `i` on are claims without a counterpart, one after another: Markdown and
/// HTML write such a run as one table under one heading ([`unmatched_heading`]), a claim a
/// line in its party's column, rather than a heading and a table for each claim.
pub(crate) fn unmatched_run(rows: &[model::RowOut], i: usize) -> usize {
    rows.get(i..).map_or(0, |rest| {
        rest.iter()
            .take_while(|r| r.kind == model::RowKindOut::Single && !r.common_ground)
            .count()
    })
}

/// The heading of a run of `n` claims without a counterpart.
pub(crate) fn unmatched_heading(n: usize) -> String {
    format!("{n} unmatched claims, none with a counterpart")
}

/// Rendered text on its way to a writer, handed on each time it holds [`SPILL`] bytes, even in
/// the middle of a cell: a claim of millions of lines is never held whole (its table cell was
/// built whole, and grew by doubling, before it was written).
pub(crate) struct Sink<'w> {
    buf: String,
    w: &'w mut dyn std::io::Write,
    /// The first write that failed: nothing more is written, and [`Sink::check`] gives it.
    failed: Option<std::io::Error>,
}

impl<'w> Sink<'w> {
    pub(crate) fn new(w: &'w mut dyn std::io::Write) -> Self {
        Sink {
            buf: String::with_capacity(SPILL + SPILL / 4),
            w,
            failed: None,
        }
    }

    pub(crate) fn push(&mut self, c: char) {
        self.buf.push(c);
        self.spill();
    }

    /// Appends `s`, a piece of at most [`SPILL`] bytes at a time.
    pub(crate) fn push_str(&mut self, s: &str) {
        for piece in pieces(s) {
            self.buf.push_str(piece);
            self.spill();
        }
    }

    /// Lets `f` append to the text held (an escaper that writes to a `String`), then hands it
    /// on if it is full. `f` should append at most about [`SPILL`] bytes.
    pub(crate) fn with(&mut self, f: impl FnOnce(&mut String)) {
        f(&mut self.buf);
        self.spill();
    }

    fn spill(&mut self) {
        if self.buf.len() >= SPILL {
            if self.failed.is_none()
                && let Err(e) = self.w.write_all(self.buf.as_bytes())
            {
                self.failed = Some(e);
            }
            self.buf.clear();
        }
    }

    /// The first failed write, if any: a renderer asks between rows, so a closed pipe stops it.
    pub(crate) fn check(&mut self) -> std::io::Result<()> {
        self.failed.take().map_or(Ok(()), Err)
    }

    /// Writes what is held; the first failed write, if any.
    pub(crate) fn finish(mut self) -> std::io::Result<()> {
        self.check()?;
        self.w.write_all(self.buf.as_bytes())
    }
}

impl std::fmt::Write for Sink<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.push_str(s);
        Ok(())
    }
}

/// `s` in pieces of at most [`SPILL`] bytes, cut between chars.
pub(crate) fn pieces(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let (piece, after) = rest.split_at(crate::text::floor_boundary(rest, SPILL));
        rest = after;
        Some(piece)
    })
}
