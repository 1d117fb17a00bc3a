//! Loading a dispute: from a folder, from side files, or from the copy bundled in the binary.
//!
//! Every problem is collected in one pass (see [`diagnostic`]); a file with errors never
//! half-loads: nothing of it reaches the [`Dispute`].

pub mod diagnostic;
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
}

/// Collects files one at a time, then checks them against each other.
#[derive(Default)]
pub struct Loader {
    diagnostics: Vec<Diagnostic>,
    manifest: Option<(String, Manifest)>,
    manifest_seen: bool,
    sides: Vec<Side>,
    claim_ids: HashSet<String>,
    texts: HashMap<String, String>,
    order: Vec<String>,
}

impl Loader {
    /// A loader with nothing loaded.
    pub fn new() -> Self {
        Self::default()
    }

    /// Parses bytes as UTF-8 JSON, reporting a syntax error with its line and column.
    fn parse(&mut self, name: &str, bytes: &[u8]) -> Option<serde_json::Value> {
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
                self.texts.insert(name.to_owned(), text.to_owned());
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
            _ => format!("cannot read the file: {error}"),
        };
        self.diagnostics.push(
            Diagnostic::in_file(Severity::Error, Code::Unreadable, name, message)
                .expected("a readable file (check the path)"),
        );
    }

    /// Adds the manifest; returns its list of side files when it loaded and has one.
    pub fn manifest(&mut self, name: &str, bytes: &[u8]) -> Option<Vec<String>> {
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
    pub fn side(&mut self, name: &str, bytes: &[u8]) {
        let Some(value) = self.parse(name, bytes) else {
            return;
        };
        let mut w = Walker::new(name);
        let side = side::read(&mut w, value);
        if let Some(side) = side.as_ref().filter(|_| !w.has_errors()) {
            self.check_against_loaded(&mut w, side);
        }
        let ok = !w.has_errors();
        self.diagnostics.append(&mut w.diagnostics);
        if let Some(side) = side.filter(|_| ok) {
            for topic in &side.topics {
                for claim in &topic.claims {
                    self.claim_ids.insert(claim.id.clone());
                }
            }
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
            w.error(
                Code::DisputeMismatch,
                "/dispute",
                format!("dispute `{}` differs from `{id}` of {from}", side.dispute),
                &format!("`{id}`: every side of one comparison belongs to the same dispute"),
            );
        }
        if let Some(other) = self.sides.iter().find(|s| s.party.id == side.party.id) {
            w.error(
                Code::DuplicateParty,
                "/party/id",
                format!(
                    "party `{}` is already loaded from {}",
                    side.party.id, other.file
                ),
                "a party id unique among the loaded sides",
            );
        }
        for (t, topic) in side.topics.iter().enumerate() {
            for (c, claim) in topic.claims.iter().enumerate() {
                if self.claim_ids.contains(&claim.id) {
                    w.error(
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
                .map(|(n, _)| n.clone())
                .or_else(|| self.order.first().cloned())
                .unwrap_or_else(|| "(input)".to_owned());
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

/// Loads a dispute from paths: each a dispute folder, a `dispute.json`, or a side file.
pub fn load_paths(paths: &[PathBuf]) -> Loaded {
    let mut loader = Loader::new();
    for path in paths {
        if path.is_dir() {
            load_folder(&mut loader, path, None);
        } else if path.file_name().is_some_and(|n| n == MANIFEST) {
            let folder = path.parent().unwrap_or(Path::new("."));
            load_folder(&mut loader, folder, Some(path));
        } else {
            read_side(&mut loader, path);
        }
    }
    loader.finish()
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

fn read_side(loader: &mut Loader, path: &Path) {
    match std::fs::read(path) {
        Ok(bytes) => loader.side(&display(path), &bytes),
        Err(e) => loader.unreadable(&display(path), &e),
    }
}

/// Loads a folder: its manifest if present, then the sides it lists, or every other `*.json`
/// in name order.
fn load_folder(loader: &mut Loader, folder: &Path, manifest: Option<&Path>) {
    let manifest_path = manifest.map_or_else(|| folder.join(MANIFEST), Path::to_path_buf);
    let listed = if manifest_path.exists() {
        match std::fs::read(&manifest_path) {
            Ok(bytes) => loader.manifest(&display(&manifest_path), &bytes),
            Err(e) => {
                loader.unreadable(&display(&manifest_path), &e);
                None
            }
        }
    } else {
        None
    };
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
                    loader.unreadable(&display(folder), &e);
                    Vec::new()
                }
            };
            found.sort();
            found
        }
    };
    for file in files {
        read_side(loader, &file);
    }
}
