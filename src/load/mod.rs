//! Loading a dispute: from a folder, from side files, or from the copy bundled in the binary.
//!
//! Every problem is collected in one pass (see [`diagnostic`]); a file with errors never
//! half-loads: nothing of it reaches the [`Dispute`].

pub mod diagnostic;
mod fast;
mod locate;
mod manifest;
mod side;
mod walk;

pub use diagnostic::{Code, Diagnostic, Report, Severity};
pub use side::is_web_url;

use crate::format::{Dispute, INDEPENDENT, Manifest, Side};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use walk::Walker;

/// The bundled dispute's folder name, as messages name its files.
pub const BUNDLED_NAME: &str = "india-pakistan-2025";

/// The bundled dispute's files, compiled into the binary.
const BUNDLED: &[(&str, &str)] = &[
    (
        "dispute.json",
        include_str!("../../narratives/india-pakistan-2025/dispute.json"),
    ),
    (
        "india.json",
        include_str!("../../narratives/india-pakistan-2025/india.json"),
    ),
    (
        "pakistan.json",
        include_str!("../../narratives/india-pakistan-2025/pakistan.json"),
    ),
    (
        "third-parties.json",
        include_str!("../../narratives/india-pakistan-2025/third-parties.json"),
    ),
];

/// The name of the manifest in a dispute folder.
pub const MANIFEST: &str = "dispute.json";

/// What a load produced: the dispute when two or more sides loaded, and every problem.
#[derive(Debug)]
pub struct Loaded {
    /// The dispute built from the files without errors, when there are at least two.
    pub dispute: Option<Dispute>,
    /// Every error and warning, in file order.
    pub report: Report,
    /// The files read, as their names appear in messages, in the order they were read.
    pub files: Vec<String>,
}

/// Collects files one at a time, then checks them against each other.
#[derive(Default)]
pub struct Loader<'a> {
    diagnostics: Vec<Diagnostic>,
    manifest: Option<(String, Manifest)>,
    manifest_seen: bool,
    sides: Vec<Side>,
    texts: HashMap<String, &'a str>,
    order: Vec<String>,
}

impl<'a> Loader<'a> {
    /// A loader with nothing loaded.
    pub fn new() -> Self {
        Self::default()
    }

    /// Parses bytes as UTF-8 JSON, reporting a syntax error with its line and column.
    fn parse(&mut self, name: &str, bytes: &'a [u8]) -> Option<serde_json::Value> {
        self.order.push(name.to_owned());
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let good = bytes.get(..e.valid_up_to()).unwrap_or_default();
                let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
                let column =
                    good.len() - good.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
                let mut d = Diagnostic::in_file(
                    Severity::Error,
                    Code::NotUtf8,
                    name,
                    "the file is not valid UTF-8",
                )
                .expected("a UTF-8 text file (re-save it as UTF-8)");
                d.line = Some(line);
                d.column = Some(column);
                self.diagnostics.push(d);
                return None;
            }
        };
        match serde_json::from_str(text) {
            Ok(v) => {
                self.texts.insert(name.to_owned(), text);
                Some(v)
            }
            Err(e) => {
                let message = e.to_string();
                let message = match message.rfind(" at line ") {
                    Some(i) => message.get(..i).unwrap_or(&message).to_owned(),
                    None => message,
                };
                let mut d = Diagnostic::in_file(
                    Severity::Error,
                    Code::Syntax,
                    name,
                    format!("invalid JSON: {message}"),
                )
                .expected("valid JSON (check for a missing comma, quote or bracket here)");
                d.line = Some(e.line());
                d.column = Some(e.column());
                self.diagnostics.push(d);
                None
            }
        }
    }

    /// Records a file that could not be read.
    pub fn unreadable(&mut self, name: &str, error: &std::io::Error) {
        self.order.push(name.to_owned());
        let message = match error.kind() {
            std::io::ErrorKind::NotFound => "no such file or folder".to_owned(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
            std::io::ErrorKind::InvalidInput => error.to_string(),
            _ => format!("cannot read the file: {error}"),
        };
        self.diagnostics.push(
            Diagnostic::in_file(Severity::Error, Code::Unreadable, name, message)
                .expected("a readable file (check the path)"),
        );
    }

    /// Adds the manifest; returns its list of side files when it loaded and has one.
    pub fn manifest(&mut self, name: &str, bytes: &'a [u8]) -> Option<Vec<String>> {
        if self.manifest_seen {
            self.order.push(name.to_owned());
            self.diagnostics.push(
                Diagnostic::in_file(
                    Severity::Error,
                    Code::DuplicateId,
                    name,
                    "a second manifest was given; only one dispute can be loaded at a time",
                )
                .expected("one dispute folder, or side files of one dispute"),
            );
            return None;
        }
        self.manifest_seen = true;
        let value = self.parse(name, bytes)?;
        let mut w = Walker::new(name);
        let manifest = manifest::read(&mut w, value);
        let ok = !w.has_errors();
        self.diagnostics.append(&mut w.diagnostics);
        let manifest = manifest.filter(|_| ok)?;
        let sides = manifest.sides.clone();
        self.manifest = Some((name.to_owned(), manifest));
        sides
    }

    /// Adds one side file, checking it against the manifest and the sides already loaded.
    pub fn side(&mut self, name: &str, bytes: &'a [u8]) {
        let fast = prepare(name, bytes);
        self.add_side(name, bytes, fast);
    }

    /// Adds several side files, in order. Their typed parse (the bulk of the work for clean
    /// files) runs on every core; the checks between files run in order afterwards.
    pub fn sides(&mut self, files: &[(&str, &'a [u8])]) {
        use rayon::prelude::*;
        let prepared: Vec<Option<(&'a str, Side)>> = files
            .par_iter()
            .map(|(name, bytes)| prepare(name, bytes))
            .collect();
        for ((name, bytes), fast) in files.iter().zip(prepared) {
            self.add_side(name, bytes, fast);
        }
    }

    /// Adds a side, parsed already by the fast path or (when `fast` is `None`) to be walked.
    fn add_side(&mut self, name: &str, bytes: &'a [u8], fast: Option<(&'a str, Side)>) {
        let mut w = Walker::new(name);
        let side = match fast {
            Some((text, side)) => {
                self.order.push(name.to_owned());
                self.texts.insert(name.to_owned(), text);
                Some(side)
            }
            None => {
                let Some(value) = self.parse(name, bytes) else {
                    return;
                };
                side::read(&mut w, value)
            }
        };
        if let Some(side) = side.as_ref().filter(|_| !w.has_errors()) {
            self.check_against_loaded(&mut w, side);
        }
        let ok = !w.has_errors();
        self.diagnostics.append(&mut w.diagnostics);
        if let Some(side) = side.filter(|_| ok) {
            self.sides.push(side);
        }
    }

    /// The checks between files: same dispute, distinct parties, claim ids unique across sides.
    fn check_against_loaded(&self, w: &mut Walker, side: &Side) {
        let expected = self
            .manifest
            .as_ref()
            .map(|(_, m)| (m.dispute.id.as_str(), "the manifest"))
            .or_else(|| {
                self.sides
                    .first()
                    .map(|s| (s.dispute.as_str(), s.file.as_str()))
            });
        if let Some((id, from)) = expected
            && side.dispute != id
        {
            w.error_at(
                Code::DisputeMismatch,
                "/dispute",
                format!("dispute `{}` differs from `{id}` of {from}", side.dispute),
                &format!("`{id}`: every side of one comparison belongs to the same dispute"),
            );
        }
        if let Some(other) = self.sides.iter().find(|s| s.party.id == side.party.id) {
            w.error_at(
                Code::DuplicateParty,
                "/party/id",
                format!(
                    "party `{}` is already loaded from {}",
                    side.party.id, other.file
                ),
                "a party id unique among the loaded sides",
            );
        }
        let taken: HashSet<&str> = self
            .sides
            .iter()
            .flat_map(|s| &s.topics)
            .flat_map(|t| &t.claims)
            .map(|c| c.id.as_str())
            .collect();
        for (t, topic) in side.topics.iter().enumerate() {
            for (c, claim) in topic.claims.iter().enumerate() {
                if taken.contains(claim.id.as_str()) {
                    w.error_at(
                        Code::DuplicateId,
                        &format!("/topics/{t}/claims/{c}/id"),
                        format!("claim id `{}` is already used by another side", claim.id),
                        "a claim id unique across every side",
                    );
                }
            }
        }
    }

    /// Runs the checks that need every side, fills in lines, and builds the dispute.
    pub fn finish(mut self) -> Loaded {
        if self.sides.len() < 2 {
            let file = self
                .manifest
                .as_ref()
                .map_or_else(|| "(input)".to_owned(), |(n, _)| n.clone());
            self.diagnostics.push(
                Diagnostic::in_file(
                    Severity::Error,
                    Code::TooFewSides,
                    &file,
                    format!(
                        "{} side(s) loaded without errors; a comparison needs two",
                        self.sides.len()
                    ),
                )
                .expected("a dispute folder, or two or more side files"),
            );
        }
        self.cross_side_warnings();
        self.locate();
        let order: HashMap<&str, usize> = self
            .order
            .iter()
            .enumerate()
            .rev()
            .map(|(i, n)| (n.as_str(), i))
            .collect();
        self.diagnostics.sort_by_key(|d| {
            (
                order.get(d.file.as_str()).copied().unwrap_or(usize::MAX),
                d.line.unwrap_or(0),
            )
        });
        let dispute = (self.sides.len() >= 2)
            .then(|| Dispute::new(self.manifest.map(|(_, m)| m), self.sides));
        Loaded {
            dispute,
            report: Report {
                diagnostics: self.diagnostics,
            },
            files: self.order,
        }
    }

    /// Warnings about links between files: rebuttals, affiliations, and the manifest's coverage.
    fn cross_side_warnings(&mut self) {
        let mut owner: HashMap<&str, &str> = HashMap::new();
        for side in &self.sides {
            for topic in &side.topics {
                for claim in &topic.claims {
                    owner.insert(claim.id.as_str(), side.party.id.as_str());
                }
            }
        }
        let parties: HashSet<&str> = self.sides.iter().map(|s| s.party.id.as_str()).collect();
        let manifest = self.manifest.as_ref().map(|(_, m)| m);
        let mut out = Vec::new();
        for side in &self.sides {
            let warn = |code, pointer: String, message: String, expected: &str| {
                Diagnostic::at(Severity::Warning, code, &side.file, &pointer, message)
                    .expected(expected)
            };
            for (i, source) in side.sources.iter().enumerate() {
                if let Some(a) = &source.affiliation
                    && a != INDEPENDENT
                    && !parties.contains(a.as_str())
                {
                    out.push(warn(
                        Code::UnknownAffiliation,
                        format!("/sources/{i}/affiliation"),
                        format!("affiliation `{a}` names no loaded party"),
                        "a loaded party id, or `independent`",
                    ));
                }
            }
            for (t, topic) in side.topics.iter().enumerate() {
                let listed = manifest.map(|m| m.topics.iter().find(|mt| mt.id == topic.id));
                if let Some(None) = listed {
                    out.push(warn(
                        Code::TopicNotInManifest,
                        format!("/topics/{t}/id"),
                        format!("topic `{}` is not in the manifest", topic.id),
                        "the topic listed in dispute.json with a neutral title",
                    ));
                }
                let mut warned_points: HashSet<&str> = HashSet::new();
                for (c, claim) in topic.claims.iter().enumerate() {
                    if let (Some(Some(mt)), Some(point)) = (listed, &claim.point)
                        && !mt.points.iter().any(|p| &p.id == point)
                        && warned_points.insert(point.as_str())
                    {
                        out.push(warn(
                            Code::PointNotInManifest,
                            format!("/topics/{t}/claims/{c}/point"),
                            format!(
                                "point `{point}` of topic `{}` is not in the manifest",
                                topic.id
                            ),
                            "the point listed under its topic in dispute.json with a question",
                        ));
                    }
                    for (r, target) in claim.rebuts.iter().enumerate() {
                        let problem = match owner.get(target.as_str()) {
                            None => Some(format!(
                                "claim `{}` rebuts `{target}`, which no loaded side holds",
                                claim.id
                            )),
                            Some(&p) if p == side.party.id => Some(format!(
                                "claim `{}` rebuts `{target}`, a claim of its own party",
                                claim.id
                            )),
                            Some(_) => None,
                        };
                        if let Some(message) = problem {
                            out.push(warn(
                                Code::UnresolvedRebuttal,
                                format!("/topics/{t}/claims/{c}/rebuts/{r}"),
                                message,
                                "the id of another party's claim (load that side too)",
                            ));
                        }
                    }
                }
            }
        }
        self.diagnostics.extend(out);
    }

    /// Fills in the line of every diagnostic that has a pointer.
    fn locate(&mut self) {
        let mut files: Vec<&str> = self
            .diagnostics
            .iter()
            .filter(|d| d.pointer.is_some() && d.line.is_none())
            .map(|d| d.file.as_str())
            .collect();
        files.sort_unstable();
        files.dedup();
        let mut lines: HashMap<(String, String), Option<usize>> = HashMap::new();
        for file in files {
            let Some(text) = self.texts.get(file) else {
                continue;
            };
            let locator = locate::Locator::new(text);
            for d in self.diagnostics.iter().filter(|d| d.file == file) {
                if let Some(p) = &d.pointer {
                    lines.insert((file.to_owned(), p.clone()), locator.line(p));
                }
            }
        }
        for d in &mut self.diagnostics {
            if let Some(p) = &d.pointer
                && let Some(line) = lines.get(&(d.file.clone(), p.clone()))
            {
                d.line = *line;
            }
        }
    }
}

/// The fast path for one side file: its text and side when it is clean (see `fast`).
fn prepare<'a>(name: &str, bytes: &'a [u8]) -> Option<(&'a str, Side)> {
    let text = std::str::from_utf8(bytes).ok()?;
    Some((text, fast::read(text, name)?))
}

/// Loads the dispute bundled in the binary.
pub fn load_bundled() -> Loaded {
    let mut loader = Loader::new();
    let name = |f: &str| format!("{BUNDLED_NAME}/{f}");
    let read = |f: &str| BUNDLED.iter().find(|(n, _)| *n == f).map(|(_, t)| *t);
    let sides = read(MANIFEST).and_then(|t| loader.manifest(&name(MANIFEST), t.as_bytes()));
    for file in sides.unwrap_or_default() {
        match read(&file) {
            Some(text) => loader.side(&name(&file), text.as_bytes()),
            None => loader.unreadable(
                &name(&file),
                &std::io::Error::from(std::io::ErrorKind::NotFound),
            ),
        }
    }
    loader.finish()
}

/// One file to load, read from disk before the loader runs (the loader borrows the bytes, so a
/// large file is never copied).
enum Input {
    Manifest(String, Vec<u8>),
    Side(String, Vec<u8>),
    Unreadable(String, std::io::Error),
}

/// Loads a dispute from paths: each a dispute folder, a `dispute.json`, or a side file.
pub fn load_paths(paths: &[PathBuf]) -> Loaded {
    let mut inputs = Vec::new();
    for path in paths {
        if path.is_dir() {
            gather_folder(&mut inputs, path, None);
        } else if path.file_name().is_some_and(|n| n == MANIFEST) {
            let folder = path.parent().unwrap_or(Path::new("."));
            gather_folder(&mut inputs, folder, Some(path));
        } else {
            inputs.push(read(path, Input::Side));
        }
    }
    let mut loader = Loader::new();
    let mut run: Vec<(&str, &[u8])> = Vec::new();
    for input in &inputs {
        if let Input::Side(name, bytes) = input {
            run.push((name, bytes));
            continue;
        }
        loader.sides(&std::mem::take(&mut run));
        match input {
            Input::Manifest(name, bytes) => {
                loader.manifest(name, bytes);
            }
            Input::Unreadable(name, e) => loader.unreadable(name, e),
            Input::Side(..) => {}
        }
    }
    loader.sides(&run);
    loader.finish()
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

fn read(path: &Path, kind: fn(String, Vec<u8>) -> Input) -> Input {
    match std::fs::read(path) {
        Ok(bytes) => kind(display(path), bytes),
        Err(e) => Input::Unreadable(display(path), e),
    }
}

/// The `sides` list of a manifest, read without checking the rest (the loader does that).
fn listed_sides(bytes: &[u8]) -> Option<Vec<String>> {
    #[derive(serde::Deserialize)]
    struct Sides {
        sides: Option<Vec<String>>,
    }
    serde_json::from_slice::<Sides>(bytes).ok()?.sides
}

/// Gathers a folder: its manifest if present, then the sides it lists, or every other `*.json`
/// in name order.
fn gather_folder(inputs: &mut Vec<Input>, folder: &Path, manifest: Option<&Path>) {
    let manifest_path = manifest.map_or_else(|| folder.join(MANIFEST), Path::to_path_buf);
    let mut listed = None;
    if manifest_path.is_file() {
        let input = read(&manifest_path, Input::Manifest);
        if let Input::Manifest(_, bytes) = &input {
            listed = listed_sides(bytes);
        }
        inputs.push(input);
    }
    let files: Vec<PathBuf> = match listed {
        Some(names) => names.iter().map(|n| folder.join(n)).collect(),
        None => {
            let mut found: Vec<PathBuf> = match std::fs::read_dir(folder) {
                Ok(entries) => entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| {
                        p.extension().is_some_and(|e| e == "json")
                            && p.file_name().is_some_and(|n| n != MANIFEST)
                            && p.is_file()
                    })
                    .collect(),
                Err(e) => {
                    inputs.push(Input::Unreadable(display(folder), e));
                    Vec::new()
                }
            };
            found.sort();
            found
        }
    };
    for file in files {
        // The manifest comes from other people: a `sides` entry naming a device, a pipe or a
        // folder would hang or fail the read, so only regular files are read.
        if file.is_file() {
            inputs.push(read(&file, Input::Side));
        } else {
            let why = if file.exists() {
                "not a regular file; the manifest's `sides` must name side files"
            } else {
                "no such file (listed in the manifest's `sides`)"
            };
            let e = std::io::Error::new(std::io::ErrorKind::InvalidInput, why);
            inputs.push(Input::Unreadable(display(&file), e));
        }
    }
}
