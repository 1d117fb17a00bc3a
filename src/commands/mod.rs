//! The commands: each turns checked options into output. Shared here: loading the dispute for a
//! command, choosing the pair of sides, and the errors that map to exit codes.

mod dismiss;
pub mod export;
pub mod help;
pub mod import;
mod link;
mod matches;
pub mod new;
pub mod open;
mod search;
mod show;
pub mod timeline;
mod validate;

pub use dismiss::{DismissOptions, dismiss};
pub use link::{Link, link};
pub use matches::{MatchOutput, matches};
pub use search::{Options as SearchOptions, dash_query, search};
pub use show::{TopicsOptions, show, topics};
pub use validate::validate;

use crate::cli::{FilterArgs, InputArgs, PairArgs};
use crate::compare::Comparison;
use crate::format::Dispute;
use crate::load::{self, Loaded};
use crate::query::Filter;
use std::io::Write;

/// Why a command stopped; each maps to an exit code.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// The command line asks for something impossible: exit 2.
    #[error("{0}")]
    Usage(String),
    /// The input has problems, already reported: exit 1.
    #[error("{0}")]
    Input(String),
    /// Writing an output file failed; the message names the path and what to do: exit 1.
    #[error("{0}")]
    Output(String),
    /// Writing failed: exit 1, or 0 for a closed pipe.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// A party as every `--json` output names it: its id and its name.
#[derive(serde::Serialize)]
pub struct PartyJson<'a> {
    pub id: &'a str,
    pub name: &'a str,
}

impl<'a> PartyJson<'a> {
    /// The party of side `side` of `dispute` (`?` for a side that is not there).
    pub fn of(dispute: &'a Dispute, side: usize) -> Self {
        dispute
            .sides
            .get(side)
            .map_or(PartyJson { id: "?", name: "?" }, |s| PartyJson {
                id: &s.party.id,
                name: &s.party.name,
            })
    }
}

/// With no path a command reads the bundled dispute; run in a folder that holds a dispute of its
/// own, that is likelier a path forgotten than a wish: said on stderr, naming the file that
/// shows it (`validate` said "ok" of the bundled dispute while the analyst's had errors).
pub fn note_bundled(paths: &[std::path::PathBuf], err: &mut dyn Write) -> std::io::Result<()> {
    if !paths.is_empty() {
        return Ok(());
    }
    match load::dispute_here() {
        Some(file) => writeln!(
            err,
            "parallax: note: no path was given, so this is the bundled dispute, not the one in this folder ({}); give `.` to read that one",
            crate::text::quote(&file)
        ),
        None => Ok(()),
    }
}

/// Loads what the paths name, or the bundled dispute when there are none.
pub fn load(input: &InputArgs) -> Loaded {
    if input.paths.is_empty() {
        load::load_bundled()
    } else {
        load::load_paths_limited(&input.paths, input.read.max_file_size)
    }
}

/// Loads a dispute for a command that shows it: any error stops it, after being reported.
pub fn open(input: &InputArgs, err: &mut dyn Write) -> Result<Dispute, Failure> {
    open_loaded(input, err).map(|(dispute, _, _)| dispute)
}

/// As [`open`], and also returns the files read and the number of warnings.
pub fn open_loaded(
    input: &InputArgs,
    err: &mut dyn Write,
) -> Result<(Dispute, Vec<String>, usize), Failure> {
    open_from(load(input), &input.paths, err)
}

/// As [`open_loaded`], from a load already made of `paths` (named in the advice to validate).
pub fn open_from(
    loaded: Loaded,
    paths: &[std::path::PathBuf],
    err: &mut dyn Write,
) -> Result<(Dispute, Vec<String>, usize), Failure> {
    let report = &loaded.report;
    if report.errors() > 0 {
        for d in report.diagnostics.iter().filter(|d| d.is_error()) {
            writeln!(err, "{d}")?;
        }
        // Every error is said above: `validate` would add only the warnings.
        let them = if report.errors() == 1 { "it" } else { "them" };
        let advice = if report.lacks_only_sides() {
            // One side file named alone: `validate` of it would find nothing to fix.
            "Give the paths it expects.".to_owned()
        } else if report.warnings() > 0 {
            format!(
                "Fix {them}, or run `{}` for the full report.",
                crate::load::validate_command(paths)
            )
        } else {
            format!("Fix {them}: each error says where.")
        };
        return Err(Failure::Input(format!(
            "{} error(s) in the input; nothing was done. {advice}",
            report.errors(),
        )));
    }
    warnings_note(err, report.warnings(), paths)?;
    let warnings = report.warnings();
    let dispute = loaded
        .dispute
        .ok_or_else(|| Failure::Input("no dispute could be loaded".to_owned()))?;
    Ok((dispute, loaded.files, warnings))
}

/// Tells, on stderr, that the input read from `paths` has warnings that `validate` shows.
pub fn warnings_note(
    err: &mut dyn Write,
    warnings: usize,
    paths: &[std::path::PathBuf],
) -> std::io::Result<()> {
    if warnings > 0 {
        writeln!(
            err,
            "parallax: {warnings} warning(s) in the input; run `{}` to see them.",
            crate::load::validate_command(paths)
        )?;
    }
    Ok(())
}

/// Refuses an option's value holding a control or hidden character: it would go into the
/// analyst's files as it is (or silently changed), where the file's own reader would flag it.
/// `option` names it as typed (`--question`, `--side india:India`).
pub fn refuse_hidden(option: &str, value: &str, what: &str) -> Result<(), Failure> {
    match crate::text::not_one_line(value) {
        Some(c) => Err(Failure::Usage(format!(
            "{option} holds the character {} (a control or hidden character): \
             “{}”; write the {what} without it, on one line",
            crate::text::code_point(c),
            crate::text::one_line(value)
        ))),
        None => Ok(()),
    }
}

/// Refuses a folder to make (`new DIR`, `import -o`) whose path holds a control or hidden
/// character: the path goes into every message and the command offered after it.
pub fn refuse_hidden_folder(option: &str, dir: &std::path::Path) -> Result<(), Failure> {
    for part in dir.components() {
        if let std::path::Component::Normal(name) = part {
            refuse_hidden(option, &name.to_string_lossy(), "folder's name")?;
        }
    }
    Ok(())
}

/// The dispute's title as `--title` gives it: trimmed, and refused when blank or holding a
/// control or hidden character.
pub fn checked_title(title: &str) -> Result<&str, Failure> {
    let title = title.trim();
    if title.is_empty() {
        return Err(Failure::Usage(
            "--title: give the dispute a title".to_owned(),
        ));
    }
    refuse_hidden("--title", title, "title")?;
    Ok(title)
}

/// Chooses the left and right sides: the given party ids, else the first two sides in order.
pub fn pair(dispute: &Dispute, args: &PairArgs) -> Result<(usize, usize), Failure> {
    let find = |id: &str| {
        dispute.side_index(id).ok_or_else(|| {
            let ids: Vec<&str> = dispute.sides.iter().map(|s| s.party.id.as_str()).collect();
            Failure::Usage(format!(
                "no party `{}` in this dispute; choose one of: {}",
                crate::text::quote(id),
                ids.join(", ")
            ))
        })
    };
    let right = args.right.as_deref().map(find).transpose()?;
    let left = match args.left.as_deref() {
        Some(id) => find(id)?,
        None => (0..dispute.sides.len())
            .find(|&i| Some(i) != right)
            .unwrap_or(0),
    };
    let right = match right {
        Some(r) => r,
        None => (0..dispute.sides.len()).find(|&i| i != left).unwrap_or(0),
    };
    if left == right {
        return Err(Failure::Usage(
            "--left and --right name the same party; choose two different sides".to_owned(),
        ));
    }
    Ok((left, right))
}

/// Runs the query pipeline that `show`, `export` and the TUI share: the filters and `--query` of
/// `args` narrow the comparison. Returns the outcome and the labels of what is in force; no
/// outcome when nothing narrows (the comparison itself is shown, without a copy of it). A
/// query in another engine's syntax (`-obama`) is said on `err`, as `parallax search` says it.
pub fn narrow(
    args: &FilterArgs,
    dispute: &Dispute,
    cmp: &Comparison,
    err: &mut dyn Write,
) -> Result<(Option<crate::query::Results>, Vec<String>), Failure> {
    let filter = filter(args, dispute, Some(cmp))?;
    // An empty `--query ""` (a script's variable left empty) or one of bare operators would
    // narrow nothing, and all would be shown as if it had: refused, as `search` refuses it.
    if let Some(q) = &args.query
        && crate::query::pattern::parse(q).is_empty()
    {
        return Err(Failure::Usage(format!(
            "--query `{}` holds no term to search for; give a word, or leave --query out to \
             keep every claim",
            crate::text::quote(q)
        )));
    }
    for hint in args
        .query
        .iter()
        .flat_map(|q| crate::query::hints::all(q, Some(dispute)))
    {
        writeln!(err, "parallax: {hint}")?;
    }
    let query = crate::query::Query {
        filter,
        search: args.query.clone(),
        narrow: true,
    };
    if query.filter.is_empty() && query.search_text().is_none() {
        return Ok((None, Vec::new()));
    }
    let outcome = crate::query::apply(dispute, cmp, &query, args.matcher);
    let mut labels = query.filter.describe();
    if let Some(p) = &outcome.pattern {
        labels.push(crate::query::narrowed_label(
            &p.query,
            outcome.counts.typo_only,
        ));
    }
    Ok((Some(outcome), labels))
}

/// The checked filter of the flags: party and topic ids must exist (in `cmp`'s topics, or any
/// topic of the dispute without one), and `--since` must not come after `--until`.
pub fn filter(
    args: &FilterArgs,
    dispute: &Dispute,
    cmp: Option<&Comparison>,
) -> Result<Filter, Failure> {
    let mut filter = args.filter();
    for topic in &mut filter.topics {
        *topic = topic_id(dispute, topic);
    }
    filter
        .check(dispute, cmp)
        .map_err(|e| Failure::Usage(e.to_string()))?;
    // Dates asked of a dispute without one (PolitiFact's statements): said, rather than
    // answered with nothing, which reads like a finding.
    if let Some(flag) = [
        (filter.since.is_some(), "--since"),
        (filter.until.is_some(), "--until"),
    ]
    .into_iter()
    .find_map(|(given, flag)| given.then_some(flag))
        && !dispute
            .sides
            .iter()
            .flat_map(|s| &s.topics)
            .flat_map(|t| &t.claims)
            .any(|c| c.date.is_some())
    {
        return Err(Failure::Usage(format!(
            "{flag}: no claim in this dispute is dated, so none could match; leave it out"
        )));
    }
    if let Some((since, until)) = filter.reversed_dates() {
        return Err(Failure::Usage(format!(
            "--since {since} comes after --until {until}; nothing could match"
        )));
    }
    if let Some((since, as_of)) = filter.since_after_as_of() {
        return Err(Failure::Usage(format!(
            "--since {since} comes after --as-of {as_of}; nothing said by then could match"
        )));
    }
    Ok(filter)
}

/// The topic `--topic` names: the one titled so, else the id in lower case (ids are lower
/// case in every file, so `Ceasefire` can only mean `ceasefire`); a topic the dispute lacks
/// stays as given, so the error quotes what was typed.
pub fn topic_id(dispute: &Dispute, given: &str) -> String {
    if let Some(id) = topic_titled(dispute, given) {
        return id;
    }
    let id = given.to_ascii_lowercase();
    let known = dispute
        .manifest_topics
        .iter()
        .map(|t| &t.id)
        .chain(dispute.sides.iter().flat_map(|s| &s.topics).map(|t| &t.id))
        .any(|t| *t == id);
    if known { id } else { given.to_owned() }
}

/// The id of the one topic titled `title` (in any case), when no topic
/// has it as its id: `--topic "The 10 May ceasefire"` is the topic `ceasefire`. The manifest's
/// titles and each side's own are read; spaces count as one, typographic quotes as plain ones.
pub fn topic_titled(dispute: &Dispute, title: &str) -> Option<String> {
    // Spaces count as one, and a typographic quote as the plain one (`China’s` pasted from a
    // page is `China's`).
    let words = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace(['‘', '’'], "'")
            .replace(['“', '”'], "\"")
    };
    let wanted = words(title).to_lowercase();
    let manifest = dispute
        .manifest_topics
        .iter()
        .map(|t| (t.id.as_str(), t.title.as_str()));
    let sides = dispute
        .sides
        .iter()
        .flat_map(|s| &s.topics)
        .map(|t| (t.id.as_str(), t.title.as_str()));
    let all: Vec<(&str, &str)> = manifest.chain(sides).collect();
    if all.iter().any(|(id, _)| *id == title) {
        return None;
    }
    let mut ids: Vec<&str> = all
        .iter()
        .filter(|(_, t)| words(t).to_lowercase() == wanted)
        .map(|(id, _)| *id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    match ids.as_slice() {
        [id] => Some((*id).to_owned()),
        _ => None,
    }
}

/// A summary that could not be printed after the analyst's files were written (`link`,
/// `dismiss`): said with the files written, so the command is not taken to have failed and run
/// again. A closed pipe stays quiet, as for every command.
pub fn written_anyway<'a>(
    e: std::io::Error,
    written: impl IntoIterator<Item = &'a std::path::Path>,
) -> Failure {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return Failure::Io(e);
    }
    let files: Vec<String> = written.into_iter().map(crate::export::shown_path).collect();
    Failure::Output(format!(
        "wrote {}, but could not say so: {e}",
        files.join(", ")
    ))
}

/// Standard output for the commands: its write errors say that standard output failed (a full
/// disk behind `> file` otherwise reads like a problem of the input). A closed pipe keeps its
/// kind, so it still ends the program quietly.
pub struct Stdout<W>(pub W);

impl<W: Write> Write for Stdout<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf).map_err(stdout_error)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush().map_err(stdout_error)
    }
}

/// Standard output as the commands write it: on Unix a file of its own descriptor, since Rust's
/// `Stdout` takes a write to a closed standard output (`>&-`) or to one opened only for reading
/// (`1<file`) for a success (it drops EBADF), so a script saw exit 0 and got nothing.
pub enum RawStdout {
    /// Descriptor 1, duplicated.
    File(std::fs::File),
    /// Descriptor 1 is not open.
    Closed,
    /// Rust's own, where descriptors are not Unix's.
    Std(std::io::Stdout),
}

impl RawStdout {
    /// Standard output, as it is now.
    pub fn new() -> RawStdout {
        #[cfg(unix)]
        {
            use std::os::fd::AsFd;
            match std::io::stdout().as_fd().try_clone_to_owned() {
                Ok(fd) => RawStdout::File(fd.into()),
                Err(_) => RawStdout::Closed,
            }
        }
        #[cfg(not(unix))]
        {
            RawStdout::Std(std::io::stdout())
        }
    }
}

impl Default for RawStdout {
    fn default() -> Self {
        RawStdout::new()
    }
}

/// What a write to a standard output that is not open for writing says.
const NOT_OPEN: &str = "it is not open for writing (closed, or opened for reading); give it a \
file or a pipe";

impl Write for RawStdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            RawStdout::File(f) => f.write(buf).map_err(not_open),
            RawStdout::Closed => Err(std::io::Error::other(NOT_OPEN)),
            RawStdout::Std(s) => s.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            RawStdout::File(f) => f.flush().map_err(not_open),
            RawStdout::Closed => Ok(()),
            RawStdout::Std(s) => s.flush(),
        }
    }
}

/// EBADF from a write to descriptor 1: it was opened for reading only.
fn not_open(e: std::io::Error) -> std::io::Error {
    #[cfg(unix)]
    const EBADF: i32 = 9;
    #[cfg(unix)]
    if e.raw_os_error() == Some(EBADF) {
        return std::io::Error::other(NOT_OPEN);
    }
    e
}

/// Refuses a dispute's path given in a claim id's place (`parallax dismiss a3 .`, one id
/// forgotten): without it the command went on to the bundled dispute and said it cannot change.
fn ids_before_path(
    command: &str,
    (left, right): (&str, &str),
    paths: &[std::path::PathBuf],
) -> Result<(), Failure> {
    // The dispute named first, as `show` and `search` take it (`link DIR A B`): the folder is
    // there and what follows the ids is not, so it is an id. Said with the order to write them in.
    // So too between them (`link A DIR B`).
    let exists = |s: &str| std::path::Path::new(s).exists();
    if let [last] = paths
        && !last.exists()
        && let Some((dispute, id)) = match (exists(left), exists(right)) {
            (true, false) => Some((left, right)),
            (false, true) => Some((right, left)),
            _ => None,
        }
    {
        let last = last.to_string_lossy();
        return Err(Failure::Usage(format!(
            "`{}` is the dispute: name both claims first, then the dispute: parallax {command} {} {} {}",
            crate::text::quote(dispute),
            crate::text::quote(id),
            crate::text::quote(&last),
            crate::text::quote(dispute)
        )));
    }
    // A `/` is in no id; a name that is there on disk is taken for one only when no path follows.
    let path_like = |s: &str| s.contains('/') || (paths.is_empty() && exists(s));
    let Some(path) = [left, right].into_iter().find(|s| path_like(s)) else {
        return Ok(());
    };
    // The dispute as given: the paths in the ids' places, then those after them.
    let dispute: Vec<String> = [left, right]
        .into_iter()
        .filter(|s| path_like(s))
        .map(crate::text::quote)
        .chain(
            paths
                .iter()
                .map(|p| crate::text::quote(&p.to_string_lossy())),
        )
        .collect();
    Err(Failure::Usage(format!(
        "`{}` is a path, not a claim id: name both claims, then the dispute: parallax {command} LEFT_ID RIGHT_ID {}",
        crate::text::quote(path),
        dispute.join(" ")
    )))
}

/// Says on standard error that a write waits, when another parallax is writing in `folder` (see
/// [`crate::edit::lock`]): a command that stood still for up to half a minute without a word
/// looked hung.
fn say_if_waiting(folder: &std::path::Path) {
    use crate::edit::lock::{FolderLock, WAIT};
    if FolderLock::busy(folder) {
        let _ = writeln!(
            std::io::stderr(),
            "parallax: waiting for another parallax writing in {} (at most {} s)…",
            crate::export::shown_path(folder),
            WAIT.as_secs()
        );
    }
}

/// Names standard output in a write error, with what to do about a full disk.
pub fn stdout_error(e: std::io::Error) -> std::io::Error {
    use std::io::ErrorKind;
    let what = match e.kind() {
        ErrorKind::BrokenPipe => return e,
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => {
            "the disk is full; free some space or write elsewhere".to_owned()
        }
        _ => e.to_string(),
    };
    std::io::Error::new(e.kind(), format!("cannot write to standard output: {what}"))
}

/// A file's change as a unified diff (a new file's against `/dev/null`), for a dry run; every
/// line is cleaned for the terminal, since a file's text comes from other people (FORMAT.md,
/// "Untrusted text").
fn write_diff(
    out: &mut dyn std::io::Write,
    path: &std::path::Path,
    before: Option<&[u8]>,
    after: &[u8],
) -> std::io::Result<()> {
    let old_text = String::from_utf8_lossy(before.unwrap_or_default());
    let new_text = String::from_utf8_lossy(after);
    let name = path.display().to_string();
    let old = if before.is_some() {
        name.as_str()
    } else {
        "/dev/null"
    };
    let diff = similar::TextDiff::from_lines(old_text.as_ref(), new_text.as_ref());
    let shown = diff
        .unified_diff()
        .context_radius(3)
        .header(old, &name)
        .to_string();
    for line in shown.lines() {
        writeln!(out, "{}", crate::text::clean(line).text)?;
    }
    Ok(())
}
