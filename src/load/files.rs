//! Reading a dispute from disk: which files a path names, and reading each one honestly.
//!
//! Only regular files are read, wherever they are named (the command line, a folder, the
//! manifest's `sides`), and none larger than a limit: a device would be read until memory runs
//! out and a pipe would block forever, so both are refused before they are opened.

use super::{Loaded, Loader, MANIFEST};
use foldhash::HashMap;
use rayon::prelude::*;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// The largest file read unless the user raises the limit (`--max-file-size`): 1 GiB.
pub const DEFAULT_MAX_FILE: u64 = 1 << 30;

/// Why a named file was not read: what is wrong and what to do.
pub(super) struct Refusal {
    pub message: String,
    pub expected: String,
    /// The diagnostic's code: `unreadable` but for a link that leads out of the folder.
    pub code: super::Code,
}

/// One file to load, read from disk before the loader runs (the loader borrows the bytes, so a
/// large file is never copied).
enum Input {
    Manifest(String, Vec<u8>),
    Side(String, Vec<u8>),
    Refused(String, Refusal),
    /// A file named a second time (by the same canonical path), not read again: the name it
    /// was read by, and the words of the warning.
    Repeated(String, String),
    /// A side file the manifest's `sides` leaves out, not read: its name, and the warning.
    Unlisted(String, String),
}

/// The files already named in one gathering, by canonical path: each is read once, however
/// often the command line, a folder or the manifest's `sides` names it.
#[derive(Default)]
struct Seen {
    /// Canonical path to (the name it was read by, whether the manifest listed it).
    files: HashMap<PathBuf, (String, bool)>,
    /// Side files are read on every core at once (see [`gather_at_once`]).
    at_once: bool,
    /// Every path the command line names, resolved: a side file named there beside its
    /// folder's manifest is read, so it is no unlisted side.
    named: Vec<PathBuf>,
}

impl Seen {
    /// `None` the first time `path` is named (it is to be read); afterwards the warning that
    /// replaces the second read. A path that cannot be resolved is always read (its refusal
    /// names it).
    fn repeat(&mut self, path: &Path, listed: bool) -> Option<Input> {
        let key = std::fs::canonicalize(path).ok()?;
        let name = display(path);
        match self.files.get(&key) {
            None => {
                self.files.insert(key, (name, listed));
                None
            }
            Some((first, first_listed)) => {
                let mut notes = Vec::new();
                if listed || *first_listed {
                    notes.push("the manifest lists it".to_owned());
                }
                if name != *first {
                    notes.push(format!("also as {name}"));
                }
                let notes = if notes.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", notes.join("; "))
                };
                Some(Input::Repeated(
                    first.clone(),
                    format!("{first} is given twice{notes}; read once"),
                ))
            }
        }
    }
}

/// True when a manifest's `sides` entry names a file inside the dispute folder: relative, and
/// without `..` (an entry reaching elsewhere would let a manifest read any file on the disk).
pub fn inside_folder(entry: &str) -> bool {
    Path::new(entry)
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}

/// Loads a dispute from paths, each a dispute folder, a `dispute.json`, or a side file, reading
/// no file larger than [`DEFAULT_MAX_FILE`].
pub fn load_paths(paths: &[PathBuf]) -> Loaded {
    load_paths_limited(paths, DEFAULT_MAX_FILE)
}

/// As [`load_paths`], reading no file larger than `max_file` bytes.
pub fn load_paths_limited(paths: &[PathBuf], max_file: u64) -> Loaded {
    gather(paths, max_file).into_loaded()
}

/// The files that paths name, read but not yet parsed, so a command can look at their bytes
/// before paying for a load (`parallax search` rules out a query that no file holds).
pub struct Gathered {
    inputs: Vec<Input>,
    max_file: u64,
    alone: bool,
}

impl Gathered {
    /// Loads one side file named on its own as a dispute of one side (see [`one_side_file`]):
    /// for a command that compares nothing.
    pub fn alone(mut self) -> Self {
        self.alone = true;
        self
    }

    /// The bytes of every file read; `None` when none was read or one was refused (the load
    /// reports why).
    pub fn bytes(&self) -> Option<Vec<&[u8]>> {
        let all: Option<Vec<&[u8]>> = self
            .inputs
            .iter()
            .filter_map(|i| match i {
                Input::Manifest(_, b) | Input::Side(_, b) => Some(Some(b.as_slice())),
                Input::Refused(..) => Some(None),
                Input::Repeated(..) | Input::Unlisted(..) => None,
            })
            .collect();
        all.filter(|b| !b.is_empty())
    }

    /// Each file read, by the name the load gives it, with its bytes (refused files left out).
    pub fn files(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.inputs.iter().filter_map(|i| match i {
            Input::Manifest(name, b) | Input::Side(name, b) => Some((name.as_str(), b.as_slice())),
            Input::Refused(..) | Input::Repeated(..) | Input::Unlisted(..) => None,
        })
    }

    /// Loads the dispute from the files read, keeping their bytes (side files are parsed on
    /// every core).
    pub fn load(&self) -> Loaded {
        load_inputs(&self.inputs, self.alone)
    }

    /// Loads the dispute from the files read, dropping each side file's bytes as soon as it is
    /// checked: the peak is the dispute and one side file, not the dispute and every file.
    /// Side files are parsed one after another.
    pub fn into_loaded(self) -> Loaded {
        let mut inputs = self.inputs;
        // Manifests are small, and kept to the end, when the lines of their problems are found.
        let manifests: Vec<Vec<u8>> = inputs
            .iter_mut()
            .filter_map(|i| match i {
                Input::Manifest(_, bytes) => Some(std::mem::take(bytes)),
                _ => None,
            })
            .collect();
        let mut manifests = manifests.iter();
        let mut loader = Loader::new();
        loader.max_file = self.max_file;
        loader.alone = self.alone;
        for input in inputs {
            match input {
                Input::Manifest(name, _) => {
                    if let Some(bytes) = manifests.next() {
                        loader.manifest(&name, bytes);
                    }
                }
                Input::Side(name, bytes) => loader.side_owned(&name, bytes),
                Input::Refused(name, why) => loader.refused(&name, &why),
                Input::Repeated(name, message) => loader.repeated(&name, message),
                Input::Unlisted(name, message) => loader.unlisted(&name, message),
            }
        }
        loader.finish()
    }

    /// The files read, named as the load names them, for a caller that keeps their bytes (the
    /// screen writes back over exactly what it loaded, without reading the files again).
    pub fn into_files(self) -> Vec<ReadFile> {
        self.inputs
            .into_iter()
            .filter_map(|i| match i {
                Input::Manifest(name, bytes) => Some(ReadFile {
                    name,
                    manifest: true,
                    bytes,
                }),
                Input::Side(name, bytes) => Some(ReadFile {
                    name,
                    manifest: false,
                    bytes,
                }),
                Input::Refused(..) | Input::Repeated(..) | Input::Unlisted(..) => None,
            })
            .collect()
    }
}

/// One file as [`Gathered`] read it.
pub struct ReadFile {
    /// Its path as the load names it (a side's `file`).
    pub name: String,
    /// True for the manifest.
    pub manifest: bool,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// True when `paths` name one side file alone: one path that is no folder and no manifest.
/// `validate` checks it on its own; `search` searches it as a dispute of one side.
pub fn one_side_file(paths: &[PathBuf]) -> bool {
    matches!(paths, [p] if !p.is_dir() && p.file_name().is_none_or(|n| n != MANIFEST))
}

/// Reads the files that `paths` name (as [`load_paths_limited`] does), without parsing them.
pub fn gather(paths: &[PathBuf], max_file: u64) -> Gathered {
    gather_with(paths, max_file, false)
}

/// As [`gather`], reading the side files on every core at once: for a one-shot command that
/// then parses them on every core ([`Gathered::load`]). A cold `parallax search` of 100,000
/// claims answers 8% sooner. A load that parses the sides one by one
/// ([`Gathered::into_loaded`]) reads them one by one: the bytes read on other threads are
/// freed late, and `validate` of a million claims peaked 20% higher (see BENCHMARKS.md).
pub fn gather_at_once(paths: &[PathBuf], max_file: u64) -> Gathered {
    gather_with(paths, max_file, true)
}

fn gather_with(paths: &[PathBuf], max_file: u64, at_once: bool) -> Gathered {
    let mut inputs = Vec::new();
    let mut sides = Vec::new();
    let mut seen = Seen {
        at_once,
        named: paths
            .iter()
            .filter_map(|p| std::fs::canonicalize(p).ok())
            .collect(),
        ..Seen::default()
    };
    for path in paths {
        if path.is_dir() {
            inputs.extend(read_sides(&std::mem::take(&mut sides), max_file, &mut seen));
            gather_folder(&mut inputs, path, None, max_file, &mut seen);
        } else if path.file_name().is_some_and(|n| n == MANIFEST) {
            inputs.extend(read_sides(&std::mem::take(&mut sides), max_file, &mut seen));
            let folder = path.parent().unwrap_or(Path::new("."));
            gather_folder(&mut inputs, folder, Some(path), max_file, &mut seen);
        } else {
            sides.push((path.clone(), false));
        }
    }
    inputs.extend(read_sides(&sides, max_file, &mut seen));
    Gathered {
        inputs,
        max_file,
        alone: false,
    }
}

/// Whether a folder's file of this name is part of its dispute: a `*.json` file that is not
/// hidden (editors' and parallax's own temporary files are). The manifest, `dispute.json`, is
/// one; without it, the others are the sides. The one rule for the loader, `new` and the
/// screen's watcher.
pub fn is_dispute_file(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    !name.starts_with('.')
        && Path::new(name.as_ref())
            .extension()
            .is_some_and(|e| e == "json")
}

/// Reads side files, in order (on every core at once when `seen.at_once`). Each is
/// `(path, listed)`: a file listed in a manifest that is missing is said to be so. A file named
/// before is not read again.
fn read_sides(files: &[(PathBuf, bool)], max: u64, seen: &mut Seen) -> Vec<Input> {
    let repeats: Vec<Option<Input>> = files
        .iter()
        .map(|(file, listed)| seen.repeat(file, *listed))
        .collect();
    let one = |((file, listed), repeat): (&(PathBuf, bool), Option<Input>)| {
        if let Some(repeat) = repeat {
            return repeat;
        }
        match read(file, Input::Side, max) {
            Input::Refused(name, mut why) if *listed && !file.exists() => {
                why.message = "no such file (listed in the manifest's `sides`)".to_owned();
                if let Some((message, expected)) = missing_because(file) {
                    why.message = message;
                    why.expected = expected;
                }
                Input::Refused(name, why)
            }
            input => input,
        }
    };
    if seen.at_once {
        files.par_iter().zip(repeats).map(one).collect()
    } else {
        files.iter().zip(repeats).map(one).collect()
    }
}

/// Why a side file the manifest lists is not there, when more can be said than that: a link
/// whose target is gone, or a file whose name differs only in case (`Beta.json` listed,
/// `beta.json` saved: one file on macOS and Windows, two names here).
fn missing_because(file: &Path) -> Option<(String, String)> {
    let listed = "listed in the manifest's `sides`";
    if let Ok(target) = std::fs::read_link(file) {
        // A link to itself, or round a loop, has a target that is there, and leads nowhere.
        let at = file
            .parent()
            .map_or_else(|| target.clone(), |p| p.join(&target));
        let why = if at.symlink_metadata().is_ok() {
            "leads round a loop of links"
        } else {
            "is not there"
        };
        return Some((
            format!(
                "a link to nothing: its target, {}, {why} ({listed})",
                crate::text::inline(&target.display().to_string())
            ),
            "the link's target put back, or the link replaced by the side file".to_owned(),
        ));
    }
    let name = file.file_name()?.to_str()?;
    let folder = file.parent().filter(|p| !p.as_os_str().is_empty());
    let entries = std::fs::read_dir(folder.unwrap_or(Path::new("."))).ok()?;
    let found = entries
        .take(10_000)
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .find(|n| n != name && n.to_lowercase() == name.to_lowercase())?;
    let found = crate::text::quote(&found);
    Some((
        format!("no such file ({listed}); `{found}` there differs only in case"),
        format!("the name in `sides` written as the file's, \"{found}\""),
    ))
}

fn load_inputs(inputs: &[Input], alone: bool) -> Loaded {
    let mut loader = Loader::new();
    loader.alone = alone;
    let mut run: Vec<(&str, &[u8], bool)> = Vec::new();
    for input in inputs {
        match input {
            Input::Side(name, bytes) => run.push((name, bytes, false)),
            Input::Manifest(name, bytes) => run.push((name, bytes, true)),
            Input::Refused(name, why) => {
                loader.files(&std::mem::take(&mut run));
                loader.refused(name, why);
            }
            Input::Repeated(name, message) => loader.repeated(name, message.clone()),
            Input::Unlisted(name, message) => loader.unlisted(name, message.clone()),
        }
    }
    loader.files(&run);
    loader.finish()
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

fn read(path: &Path, kind: fn(String, Vec<u8>) -> Input, max_file: u64) -> Input {
    match read_bounded(path, max_file) {
        Ok(bytes) => kind(display(path), bytes),
        Err(why) => Input::Refused(display(path), why),
    }
}

/// Why a file was not read by [`read_within`].
enum Unread {
    /// The system refused (no such file, permission, an error while reading).
    Io(std::io::Error),
    /// Not a regular file: a folder (`true`), or a device, pipe or socket (`false`).
    NotRegular(bool),
    /// Larger than the limit: its length.
    TooLarge(u64),
}

impl Unread {
    fn message(&self, max: u64) -> String {
        match self {
            Unread::Io(e) => e.to_string(),
            Unread::NotRegular(true) => {
                "a folder, not a regular file; only files are read".to_owned()
            }
            Unread::NotRegular(false) => {
                "a device, pipe or socket, not a regular file; only files are read".to_owned()
            }
            Unread::TooLarge(len) => {
                format!("the file is {len} bytes, over the limit of {max} bytes")
            }
        }
    }
}

/// The one rule for reading a file: a regular file of at most `max` bytes. Anything else is
/// refused before it is opened, and the opened file is checked again, so a file swapped in
/// between is refused too.
fn read_within(path: &Path, max: u64) -> Result<Vec<u8>, Unread> {
    let regular = |meta: &std::fs::Metadata| {
        if meta.is_file() {
            Ok(())
        } else if meta.is_dir() {
            Err(Unread::NotRegular(true))
        } else {
            Err(Unread::NotRegular(false))
        }
    };
    let meta = std::fs::metadata(path).map_err(Unread::Io)?;
    regular(&meta)?;
    if meta.len() > max {
        return Err(Unread::TooLarge(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(Unread::Io)?;
    let meta = file.metadata().map_err(Unread::Io)?;
    regular(&meta)?;
    let capacity = usize::try_from(meta.len().min(max)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Unread::Io)?;
    if bytes.len() as u64 > max {
        return Err(Unread::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// `-` is standard input to many tools, not to this one: said, not "no such file".
const NOT_STDIN: &str = "`-` is no file: standard input is not read";

/// What to do with input that is no file (`-`, a pipe such as `<(…)`, a device): said wherever
/// such input is refused.
const SAVE_FIRST: &str = "save the input to a file first";

/// What to do about a file over the limit.
const TOO_LARGE: &str = "a smaller file, or a higher limit with --max-file-size";

/// True when the read of `path` failed because it is `-`, taken for standard input.
fn is_stdin(path: &Path, error: &std::io::Error) -> bool {
    error.kind() == std::io::ErrorKind::NotFound && path == Path::new("-")
}

/// Reads a dispute's file by the one rule, refusing it in the loader's words.
pub(super) fn read_bounded(path: &Path, max: u64) -> Result<Vec<u8>, Refusal> {
    read_within(path, max).map_err(|why| match why {
        Unread::Io(e) if is_stdin(path, &e) => Refusal {
            message: NOT_STDIN.to_owned(),
            expected: format!("the path of a side file or dispute folder ({SAVE_FIRST})"),
            code: super::Code::Unreadable,
        },
        Unread::Io(e) => io_refusal(&e),
        Unread::NotRegular(folder) => Refusal {
            message: why.message(max),
            expected: if folder {
                "a side file (a regular JSON file)".to_owned()
            } else {
                format!("a side file (a regular JSON file: {SAVE_FIRST})")
            },
            code: super::Code::Unreadable,
        },
        Unread::TooLarge(_) => Refusal {
            message: why.message(max),
            expected: TOO_LARGE.to_owned(),
            code: super::Code::Unreadable,
        },
    })
}

/// Reads any other file parallax reads (an import's input, a side file read again before a
/// write or to find a claim's line, the dismissals file) by the same rule as the loader: a
/// pipe or a device is refused rather than read forever. A refusal is an `io::Error` of kind
/// `InvalidInput` (not a regular file) or `FileTooLarge`, saying what is wrong.
pub fn read_regular(path: &Path, max: u64) -> std::io::Result<Vec<u8>> {
    read_within(path, max).map_err(|why| match why {
        Unread::Io(e) => e,
        Unread::NotRegular(_) => {
            std::io::Error::new(std::io::ErrorKind::InvalidInput, why.message(max))
        }
        Unread::TooLarge(_) => {
            std::io::Error::new(std::io::ErrorKind::FileTooLarge, why.message(max))
        }
    })
}

/// A failed read of `path` by [`read_regular`] as a command with `--max-file-size` says it
/// outside a load (`import`): what is wrong, and what to do, in the words the loader's
/// `unreadable` error uses.
pub fn read_failure(path: &Path, error: &std::io::Error) -> String {
    match error.kind() {
        _ if is_stdin(path, error) => {
            format!("{NOT_STDIN}; expected the path of a file ({SAVE_FIRST})")
        }
        _ if is_link_loop(error) => format!("{LINK_LOOP}; {MEND_LOOP}"),
        std::io::ErrorKind::NotFound | std::io::ErrorKind::PermissionDenied => {
            let why = io_refusal(error);
            format!("{}; expected {}", why.message, why.expected)
        }
        std::io::ErrorKind::FileTooLarge => format!("{error}; expected {TOO_LARGE}"),
        // A refusal of ours (not a regular file) says what to do already.
        _ => error.to_string(),
    }
}

/// True when a path's symbolic links lead round in a loop (ELOOP): the system's words for it
/// ("Too many levels of symbolic links") do not say what to mend.
pub fn is_link_loop(error: &std::io::Error) -> bool {
    error.raw_os_error() == Some(nix::errno::Errno::ELOOP as i32)
}

/// What is wrong with a path whose links loop ([`is_link_loop`]).
pub const LINK_LOOP: &str = "its symbolic links lead round in a loop and never reach a file";

/// What to do about a link loop.
pub const MEND_LOOP: &str = "point the link at a file (`ls -l` shows where it leads), or remove it";

/// The words for a failed read.
pub(super) fn io_refusal(error: &std::io::Error) -> Refusal {
    let check = "a readable file (check the path)";
    let (message, expected) = match error.kind() {
        _ if is_link_loop(error) => (
            LINK_LOOP.to_owned(),
            "a link that ends at a file (`ls -l` shows where it leads)",
        ),
        std::io::ErrorKind::NotFound => ("no such file or folder".to_owned(), check),
        // The path is right: the file (or a folder on the way) may not be read by this user.
        std::io::ErrorKind::PermissionDenied => (
            "permission denied".to_owned(),
            "a file you may read: chmod u+r it (u+x on its folders), or run as its owner",
        ),
        _ => (format!("cannot read the file: {error}"), check),
    };
    Refusal {
        message,
        expected: expected.to_owned(),
        code: super::Code::Unreadable,
    }
}

/// The `sides` list of a manifest, read by the manifest's own reader (the loader checks the rest).
pub fn listed_sides(bytes: &[u8]) -> Option<Vec<String>> {
    let bytes = bytes.strip_prefix(super::BOM.as_bytes()).unwrap_or(bytes);
    super::manifest::sides(std::str::from_utf8(bytes).ok()?)
}

/// Gathers a folder: its manifest if present, then the sides it lists, or every other `*.json`
/// in name order but hidden ones (`.parallax-dismissed.json`, an editor's backup), which are not
/// sides. A `*.json` that is no regular file (a pipe, a device, a folder, a link to nothing) is
/// refused by name, as anywhere else, not passed over: the side it stood for would vanish.
fn gather_folder(
    inputs: &mut Vec<Input>,
    folder: &Path,
    manifest: Option<&Path>,
    max: u64,
    seen: &mut Seen,
) {
    let before = inputs.len();
    let manifest_path = manifest.map_or_else(|| folder.join(MANIFEST), Path::to_path_buf);
    let mut listed = None;
    // A manifest found in the folder is read only from inside it, as its sides are (one named
    // on the command line is read where it leads).
    let within = std::fs::canonicalize(folder).ok();
    let link_out = |file: &Path| leads_out_of(within.as_deref()?, file);
    if manifest.is_none()
        && let Some(target) = link_out(&manifest_path)
    {
        inputs.push(outside(
            &manifest_path,
            &target,
            "a folder's manifest is read only from inside it",
        ));
        return;
    }
    if manifest.is_some() || manifest_path.symlink_metadata().is_ok() {
        // The same manifest again: its folder is gathered already, sides and all.
        if let Some(repeat) = seen.repeat(&manifest_path, false) {
            inputs.push(repeat);
            return;
        }
        let input = read(&manifest_path, Input::Manifest, max);
        if let Input::Manifest(_, bytes) = &input {
            listed = listed_sides(bytes);
        }
        inputs.push(input);
    }
    if let Some(names) = &listed {
        inputs.extend(unlisted_sides(folder, &manifest_path, names, &seen.named));
    }
    let by_manifest = listed.is_some();
    let files: Vec<PathBuf> = match listed {
        // An entry outside the folder is reported by the manifest's reader, and left out of
        // its list: it is never read.
        Some(names) => names.iter().map(|n| folder.join(n)).collect(),
        None => {
            let found: Vec<PathBuf> = match json_files(folder) {
                Ok(found) => found,
                Err(e) => {
                    inputs.push(Input::Refused(display(folder), io_refusal(&e)));
                    Vec::new()
                }
            };
            // A folder named with nothing to load: said here, not left to a count of sides.
            if found.is_empty() && inputs.len() == before {
                inputs.push(nothing_to_load(folder));
            }
            found
        }
    };
    // A link in the folder that leads out of it is refused before it is read, as a `../`
    // entry is: a folder from someone else cannot make parallax read a file of yours.
    let mut kept = Vec::with_capacity(files.len());
    for f in files {
        match link_out(&f) {
            Some(target) => inputs.push(outside(
                &f,
                &target,
                "a folder's side files are read only from inside it",
            )),
            None => kept.push(f),
        }
    }
    // A folder's own exports and reports are not sides: the screen saves its JSON exports to
    // the folder it was opened from, an analyst saves `search --json` there, and the next load
    // must not take one for a side file. Each is told by its start, before it is read whole:
    // one over the size limit is passed over as the others are, not refused. Only regular
    // files are looked at (a pipe is never opened: its read refuses it).
    let ours = |f: &Path| {
        std::fs::metadata(f).is_ok_and(|m| m.is_file())
            && head(f).is_some_and(|h| is_output(&h) || is_schema(&h))
    };
    let files: Vec<(PathBuf, bool)> = kept
        .into_iter()
        .filter(|f| by_manifest || !ours(f))
        .map(|f| (f, by_manifest))
        .collect();
    // Only schemas and exports in it (the project's `narratives/`): nothing to load either.
    if files.is_empty() && !by_manifest && inputs.len() == before {
        inputs.push(nothing_to_load(folder));
    }
    inputs.extend(read_sides(&files, max, seen));
}

/// A folder with nothing to load in it, and the dispute folders inside it, named: the folder
/// above a dispute opened by mistake (`parallax narratives`) says which to open.
fn nothing_to_load(folder: &Path) -> Input {
    let mut inside: Vec<String> = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.is_dir() && (p.join(MANIFEST).is_file() || json_files(p).is_ok_and(|f| !f.is_empty()))
        })
        .map(|p| display(&p))
        .collect();
    inside.sort();
    let (message, expected) = match inside.as_slice() {
        [] => (
            "a folder with no dispute.json and no side files (*.json) in it".to_owned(),
            "a dispute folder, or the side files themselves".to_owned(),
        ),
        [one] => (
            "a folder with no dispute.json and no side files (*.json) in it, but a folder of them"
                .to_owned(),
            format!("that folder: {one}"),
        ),
        many => (
            format!(
                "a folder with no dispute.json and no side files (*.json) in it, but {} folders of them",
                many.len()
            ),
            format!(
                "one of those folders: {}{}",
                many.iter().take(3).cloned().collect::<Vec<_>>().join(", "),
                if many.len() > 3 { ", …" } else { "" }
            ),
        ),
    };
    Input::Refused(
        display(folder),
        Refusal {
            message,
            expected,
            code: super::Code::Unreadable,
        },
    )
}

/// The side files in `folder` that its manifest's `sides` (`names`) leaves out: never read as
/// sides, so each is said, with how to add it. A file is taken for a side when its first 4 KiB
/// hold the format's `"parallax/1"` and it is not one of parallax's exports or reports; only
/// regular files in the folder are looked at, and not those the command line `named`.
fn unlisted_sides(
    folder: &Path,
    manifest: &Path,
    names: &[String],
    named: &[PathBuf],
) -> Vec<Input> {
    let Ok(found) = json_files(folder) else {
        return Vec::new();
    };
    let listed: Vec<PathBuf> = names
        .iter()
        .filter_map(|n| std::fs::canonicalize(folder.join(n)).ok())
        .chain(named.iter().cloned())
        .collect();
    let shown_manifest = manifest
        .file_name()
        .map_or_else(|| MANIFEST.into(), |n| n.to_string_lossy().into_owned());
    found
        .into_iter()
        .filter(|f| f.symlink_metadata().is_ok_and(|m| m.is_file()))
        .filter(|f| {
            std::fs::canonicalize(f).is_ok_and(|c| !listed.contains(&c))
                && head(f).is_some_and(|h| {
                    h.windows(12).any(|w| w == b"\"parallax/1\"")
                        && !is_output(&h)
                        && !is_schema(&h)
                })
        })
        .map(|f| {
            let name = f
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            Input::Unlisted(
                display(&f),
                format!(
                    "a side file in the dispute's folder that {shown_manifest}'s `sides` does \
                     not list, so it is not read; to compare it, add \"{name}\" to `sides` \
                     (or move it out of the folder)"
                ),
            )
        })
        .collect()
}

/// True for a JSON Schema document (its first 4 KiB name `json-schema.org`), such as the
/// format's `schema.json` copied beside the side files for an editor to check them: no side.
fn is_schema(bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(4096)).unwrap_or(bytes);
    let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    has(b"\"https://json-schema.org/") || has(b"\"http://json-schema.org/")
}

/// The first 4 KiB of a file, if it reads.
fn head(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut out = Vec::with_capacity(4096);
    std::fs::File::open(path)
        .ok()?
        .take(4096)
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

/// The files a folder without a manifest offers as its sides, in name order: every visible
/// `*.json` but `dispute.json` and the one this command writes to (its exports and reports are
/// told apart once read).
fn json_files(folder: &Path) -> std::io::Result<Vec<PathBuf>> {
    let output = standard_output();
    let mut found: Vec<PathBuf> = std::fs::read_dir(folder)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| is_dispute_file(n) && n != MANIFEST)
                && (output.is_none() || file_id(p) != output)
        })
        .collect();
    found.sort();
    Ok(found)
}

/// The file (device and inode) this process's standard output writes to, when it is one:
/// `parallax search DIR --json > DIR/hits.json` has the shell make `hits.json` empty before
/// parallax reads the folder, which then read it as a side and failed on it.
#[cfg(unix)]
fn standard_output() -> Option<(u64, u64)> {
    use std::os::fd::AsFd;
    use std::os::unix::fs::MetadataExt;
    let fd = std::io::stdout().as_fd().try_clone_to_owned().ok()?;
    let meta = std::fs::File::from(fd).metadata().ok()?;
    meta.is_file().then(|| (meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn standard_output() -> Option<(u64, u64)> {
    None
}

/// The device and inode of the file at `path`, followed through links.
#[cfg(unix)]
fn file_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_id(_: &Path) -> Option<(u64, u64)> {
    None
}

/// The file that makes the current folder a dispute of its own, for a command given no path
/// (which reads the bundled dispute): its manifest, or else a side file (`"parallax/1"` in its
/// first 4 KiB), by its name. Only regular files are opened, so a pipe cannot stall it.
pub fn dispute_here() -> Option<String> {
    use std::io::Read;
    let here = Path::new(".");
    if here.join(MANIFEST).is_file() {
        return Some(MANIFEST.to_owned());
    }
    json_files(here)
        .ok()?
        .into_iter()
        .filter(|p| p.is_file())
        .take(64)
        .find(|p| {
            let mut bytes = Vec::new();
            std::fs::File::open(p)
                .and_then(|f| f.take(4096).read_to_end(&mut bytes))
                .is_ok()
                && memchr::memmem::find(&bytes, b"\"parallax/1\"").is_some()
        })
        .and_then(|p| Some(p.file_name()?.to_string_lossy().into_owned()))
}

/// The side files a read of `folder` (which has no manifest) would take: its visible `*.json`
/// but the manifest and parallax's exports and reports (only each file's start is read to tell). A folder
/// that cannot be listed gives none.
pub fn folder_sides(folder: &Path) -> Vec<PathBuf> {
    use std::io::Read;
    let start = |path: &Path| -> Vec<u8> {
        let mut bytes = Vec::new();
        if let Ok(f) = std::fs::File::open(path) {
            // The first field is all an export is told by; a side file's can be no longer.
            let _ = f.take(4096).read_to_end(&mut bytes);
        }
        bytes
    };
    json_files(folder)
        .unwrap_or_default()
        .into_iter()
        .filter(|p| !is_output(&start(p)))
        .collect()
}

/// Where `file` leads when it is a link (or lies under one) to a regular file outside `folder`:
/// the one rule for the files a dispute folder holds (its sides, its manifest, its dismissals).
/// A file that does not resolve, or leads to no regular file (a device, a pipe), gives `None`:
/// its read refuses it as what it is.
pub fn link_out_of(folder: &Path, file: &Path) -> Option<PathBuf> {
    leads_out_of(&std::fs::canonicalize(folder).ok()?, file)
}

/// [`link_out_of`] for a folder already resolved (`within`, its canonical path): a folder's
/// files are checked against it resolved once.
fn leads_out_of(within: &Path, file: &Path) -> Option<PathBuf> {
    let target = std::fs::canonicalize(file).ok()?;
    (!target.starts_with(within) && target.is_file()).then_some(target)
}

/// The refusal of a file in a folder that is a link to `target` outside it; `rule` says what is
/// read only from inside (`a folder's side files are read only from inside it`).
fn outside(file: &Path, target: &Path, rule: &str) -> Input {
    Input::Refused(
        display(file),
        Refusal {
            message: format!(
                "a link to {}, outside the dispute folder; {rule}",
                crate::text::quote(&display(target))
            ),
            expected: "the file itself in the folder, in place of the link".to_owned(),
            code: super::Code::OutsideFolder,
        },
    )
}

/// The bytes of a JSON object from its first field on (after `{` and white space, a byte
/// order mark skipped); `None` when the text does not start as an object.
fn first_field(bytes: &[u8]) -> Option<&[u8]> {
    let skip = |b: &[u8]| -> usize { b.iter().take_while(|c| c.is_ascii_whitespace()).count() };
    let b = bytes.strip_prefix(super::BOM.as_bytes()).unwrap_or(bytes);
    let b = b.get(skip(b)..)?.strip_prefix(b"{")?;
    b.get(skip(b)..)
}

/// True for ClaimReview JSON-LD as `export -f claimreview` writes it: an object whose first
/// field is `"@context"`.
pub(super) fn is_claimreview(bytes: &[u8]) -> bool {
    first_field(bytes).is_some_and(|b| b.starts_with(b"\"@context\""))
}

/// True for ClaimReview in the other forms fact-checkers publish it, given as a side file: a
/// list of reviews, a review whose `@type` comes first, the Fact Check Tools API's answer
/// (`claims`, each with its `claimReview`), or a saved page holding it. Only the start of a
/// JSON file is looked at; a page (no side file starts with `<`) is looked through.
pub(super) fn is_claimreview_like(bytes: &[u8]) -> bool {
    if is_claimreview(bytes) {
        return true;
    }
    let b = bytes.strip_prefix(super::BOM.as_bytes()).unwrap_or(bytes);
    let b = b
        .get(b.iter().take_while(|c| c.is_ascii_whitespace()).count()..)
        .unwrap_or_default();
    let head = b.get(..b.len().min(4096)).unwrap_or(b);
    let has = |within: &[u8], needle: &[u8]| within.windows(needle.len()).any(|w| w == needle);
    let ours = has(head, b"\"parallax/1\"");
    match b.first() {
        Some(b'[') => !ours && (has(head, b"\"@context\"") || has(head, b"\"ClaimReview\"")),
        Some(b'{') => {
            !ours
                && ((has(head, b"\"@type\"") && has(head, b"\"ClaimReview\""))
                    || (has(head, b"\"claims\"") && has(head, b"\"claimReview\"")))
        }
        Some(b'<') => has(b, b"ClaimReview"),
        _ => false,
    }
}

/// True for a file parallax wrote, which a folder holds beside the side files: an export (JSON
/// whose first field is `"format": "parallax-export/1"`, or the ClaimReview export's
/// `"@context"`), or a command's JSON report saved there: `validate --json` (first field
/// `"ok"`), `match --json` (`"suggestions"`), `topics` and `timeline --json` (`"left"`), and
/// `search --json` (a list, of hits that start with `"party"`). No side starts so. Only the
/// start of the file is looked at.
fn is_output(bytes: &[u8]) -> bool {
    if is_claimreview(bytes) {
        return true;
    }
    let skip = |b: &[u8]| -> usize { b.iter().take_while(|c| c.is_ascii_whitespace()).count() };
    let start = bytes.strip_prefix(super::BOM.as_bytes()).unwrap_or(bytes);
    if let Some(list) = start.get(skip(start)..).and_then(|b| b.strip_prefix(b"[")) {
        let list = list.get(skip(list)..).unwrap_or_default();
        return list.starts_with(b"]")
            || first_field(list).is_some_and(|b| b.starts_with(b"\"party\""));
    }
    let Some(b) = first_field(bytes) else {
        return false;
    };
    if [&b"\"ok\""[..], b"\"suggestions\"", b"\"left\""]
        .iter()
        .any(|name| b.starts_with(name))
    {
        return true;
    }
    let Some(b) = first_field(bytes) else {
        return false;
    };
    let skip = |b: &[u8]| -> usize { b.iter().take_while(|c| c.is_ascii_whitespace()).count() };
    let Some(b) = b.strip_prefix(b"\"format\"") else {
        return false;
    };
    let b = b.get(skip(b)..).unwrap_or_default();
    let Some(b) = b.strip_prefix(b":") else {
        return false;
    };
    let b = b.get(skip(b)..).unwrap_or_default();
    b.starts_with(format!("\"{}\"", crate::format::EXPORT_FORMAT).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file that may not be read is at the right path: the advice is to make it readable,
    /// not to check the path (tests run as root, whom no mode stops, so the error is made).
    #[test]
    fn permission_denied_says_how_to_read_it() {
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let said = read_failure(Path::new("a.csv"), &denied);
        assert!(said.contains("chmod u+r"), "{said}");
        assert!(!said.contains("check the path"), "{said}");
        let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert!(read_failure(Path::new("a.csv"), &missing).contains("check the path"));
    }

    #[test]
    fn sides_stay_inside_the_folder() {
        assert!(inside_folder("a.json"));
        assert!(inside_folder("sub/a.json"));
        assert!(inside_folder("./a.json"));
        assert!(!inside_folder("../a.json"));
        assert!(!inside_folder("sub/../../a.json"));
        assert!(!inside_folder("/etc/passwd"));
    }

    #[test]
    fn a_folder_holds_its_dispute_in_visible_json_files() {
        let is = |n: &str| is_dispute_file(std::ffi::OsStr::new(n));
        assert!(is("india.json"));
        assert!(is(MANIFEST));
        assert!(
            !is(".india.json"),
            "an editor's or parallax's temporary file"
        );
        assert!(!is("india.json.swp"));
        assert!(!is("notes.md"));
        assert!(!is("india.JSON"), "`*.json`, as FORMAT.md has it");
    }
}
