//! Loading a dispute: from a folder, from side files, or from the copy bundled in the binary.
//!
//! Every problem is collected in one pass (see [`diagnostic`]); a file with errors never
//! half-loads: nothing of it reaches the [`Dispute`].

pub mod diagnostic;
mod files;
mod locate;
mod manifest;
mod pass;
mod places;
mod side;

pub use diagnostic::{Code, Diagnostic, Report, Severity};
pub use files::{
    DEFAULT_MAX_FILE, Gathered, LINK_LOOP, MEND_LOOP, ReadFile, dispute_here, folder_sides, gather,
    gather_at_once, inside_folder, is_dispute_file, is_link_loop, link_out_of, listed_sides,
    load_paths, load_paths_limited, one_side_file, read_failure, read_regular,
};
pub use locate::{char_column, line_of, place_of};
pub use side::{UrlProblem, is_web_url, url_problem};

use crate::format::{ClaimIndex, Dispute, INDEPENDENT, Manifest, Side};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use pass::Cx;
use rayon::prelude::*;
use std::path::Path;

/// A UTF-8 byte order mark: some editors start a file with one, and it is skipped (by the
/// loader and the imports alike).
pub const BOM: &str = "\u{feff}";

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
    /// The claims' years, found for the unlikely-date warning and handed to the dispute (the
    /// timeline's far dates), so they are not gathered twice.
    era: Option<crate::format::Era>,
    manifest: Option<(String, Manifest)>,
    manifest_seen: bool,
    sides: Vec<Side>,
    /// The loaded sides' parties (to their side's index) and claims (to their place), kept as
    /// sides are added so that checking a side against the others costs that side's size
    /// only; the claims become the dispute's index.
    parties: HashMap<String, usize>,
    claims: ClaimIndex,
    texts: HashMap<String, &'a str>,
    /// Files whose bytes were dropped after their check ([`Loader::side_owned`]), with the
    /// number of diagnostics then: a problem found in one later is located by reading it again.
    reread: HashMap<String, usize>,
    /// The largest file read again.
    max_file: u64,
    /// One side is a dispute: a single side file named on its own, for a command that compares
    /// nothing (`search`). Two are needed otherwise.
    pub alone: bool,
    order: Vec<String>,
    /// The side files given that did not load (refused, or with errors), in order: a claim
    /// that a link names but no loaded side holds may be in one of them.
    failed: Vec<String>,
    /// The party and dispute of each side file read with errors (file, party id, dispute id):
    /// checked against the others all the same, so one run of `validate` says every problem.
    unloaded: Vec<(String, String, String)>,
    /// The claim ids of the side files read with errors, to the file and pointer of their first
    /// use: a claim id one of them shares with another side is said now, not after the fix.
    unloaded_claims: HashMap<String, (String, String)>,
}

impl<'a> Loader<'a> {
    /// A loader with nothing loaded.
    pub fn new() -> Self {
        Self {
            max_file: DEFAULT_MAX_FILE,
            ..Self::default()
        }
    }

    /// Records a file that could not be read.
    pub fn unreadable(&mut self, name: &str, error: &std::io::Error) {
        self.refused(name, &files::io_refusal(error));
    }

    /// Records a file that was not read, and why.
    fn refused(&mut self, name: &str, why: &files::Refusal) {
        self.order.push(name.to_owned());
        if !is_manifest_name(name) {
            self.failed.push(name.to_owned());
        }
        self.diagnostics.push(
            Diagnostic::in_file(Severity::Error, why.code, name, why.message.as_str())
                .expected(why.expected.as_str()),
        );
    }

    /// Records a file named a second time and not read again (see `files::gather`).
    fn repeated(&mut self, name: &str, message: String) {
        self.diagnostics.push(Diagnostic::in_file(
            Severity::Warning,
            Code::RepeatedFile,
            name,
            message,
        ));
    }

    /// Records a side file of the folder that the manifest's `sides` leaves out (see
    /// `files::gather`).
    fn unlisted(&mut self, name: &str, message: String) {
        self.diagnostics.push(Diagnostic::in_file(
            Severity::Warning,
            Code::UnlistedSide,
            name,
            message,
        ));
    }

    /// Adds the manifest; returns its list of side files when it loaded and has one.
    pub fn manifest(&mut self, name: &str, bytes: &'a [u8]) -> Option<Vec<String>> {
        let read = (!self.manifest_seen).then(|| read_manifest(name, bytes));
        self.add_manifest(name, read)
    }

    /// Adds a manifest's reading (`None`: not read, since one was seen before).
    fn add_manifest(&mut self, name: &str, read: Option<ManifestRead<'a>>) -> Option<Vec<String>> {
        self.order.push(name.to_owned());
        let Some(read) = read.filter(|_| !self.manifest_seen) else {
            self.diagnostics.push(
                Diagnostic::in_file(
                    Severity::Error,
                    Code::SecondManifest,
                    name,
                    "a second manifest was given; only one dispute can be loaded at a time",
                )
                .expected("one dispute folder, or side files of one dispute"),
            );
            return None;
        };
        self.manifest_seen = true;
        let (text, mut diagnostics, manifest) = match read {
            FileRead::Refused(d) => {
                self.diagnostics.push(d);
                return None;
            }
            FileRead::Read(text, diagnostics, manifest) => (text, diagnostics, manifest),
        };
        self.texts.insert(name.to_owned(), text);
        let ok = !diagnostics.iter().any(Diagnostic::is_error);
        self.diagnostics.append(&mut diagnostics);
        let manifest = manifest.filter(|_| ok)?;
        let sides = manifest.sides.clone();
        self.manifest = Some((name.to_owned(), manifest));
        sides
    }

    /// Adds files in order, each side file's pass (the bulk of the work) and the first
    /// manifest's running on every core at once; the checks between files run in order
    /// afterwards.
    pub fn files(&mut self, files: &[(&str, &'a [u8], bool)]) {
        let first = files.iter().position(|&(_, _, manifest)| manifest);
        let (manifest, sides): (Option<ManifestRead<'a>>, Vec<Option<SideRead<'a>>>) = rayon::join(
            || {
                let (name, bytes, _) = files.get(first?)?;
                (!self.manifest_seen).then(|| read_manifest(name, bytes))
            },
            || {
                files
                    .par_iter()
                    .map(|&(name, bytes, manifest)| (!manifest).then(|| read_side(name, bytes)))
                    .collect()
            },
        );
        let mut manifest = manifest;
        for ((name, _, is_manifest), read) in files.iter().zip(sides) {
            match read {
                Some(read) => {
                    if let Some(text) = self.add_side(name, read) {
                        self.texts.insert((*name).to_owned(), text);
                    }
                }
                None if *is_manifest => {
                    self.add_manifest(name, manifest.take());
                }
                None => {}
            }
        }
    }

    /// Adds one side file, checking it against the manifest and the sides already loaded.
    pub fn side(&mut self, name: &str, bytes: &'a [u8]) {
        let read = read_side(name, bytes);
        if let Some(text) = self.add_side(name, read) {
            self.texts.insert(name.to_owned(), text);
        }
    }

    /// As [`Loader::side`], for bytes the loader may drop once the file is checked: the lines
    /// of its problems are found now, and those found later (links to other sides) from a
    /// second read of the file. A large dispute so never holds more than one side file's bytes.
    pub fn side_owned(&mut self, name: &str, bytes: Vec<u8>) {
        let start = self.diagnostics.len();
        let read = read_side(name, &bytes);
        if let Some(text) = self.add_side(name, read) {
            // Only this file's: a check against a side that did not load before it reports
            // in that side's file, located later from a second read of it.
            let indices: Vec<usize> = (start..self.diagnostics.len())
                .filter(|&i| {
                    self.diagnostics
                        .get(i)
                        .is_some_and(|d| d.needs_line() && d.file == name)
                })
                .collect();
            if !indices.is_empty() {
                self.locate_in(text, indices);
            }
            self.reread.insert(name.to_owned(), self.diagnostics.len());
        }
    }

    /// Adds a side file's reading, checking the side against the sides already loaded;
    /// returns the file's text when it was read.
    fn add_side<'t>(&mut self, name: &str, read: SideRead<'t>) -> Option<&'t str> {
        self.order.push(name.to_owned());
        let (text, mut diagnostics, side) = match read {
            FileRead::Refused(d) => {
                self.diagnostics.push(d);
                self.failed.push(name.to_owned());
                return None;
            }
            FileRead::Read(text, diagnostics, side) => (text, diagnostics, side),
        };
        let (side, places) = match side {
            Some((side, places)) => (Some(side), places),
            None => (None, places::Places::default()),
        };
        let has_errors = |d: &[Diagnostic]| d.iter().any(Diagnostic::is_error);
        // A side with errors of its own is checked against the others too, so fixing them does
        // not bring new errors to light on the next run; the errors of the checks go to the
        // file that has errors already, never to one that loads.
        if let Some(side) = side.as_ref() {
            let broken = has_errors(&diagnostics);
            diagnostics.extend(self.check_against_loaded(side, &places, broken));
        }
        let ok = !has_errors(&diagnostics);
        match side.as_ref() {
            Some(side) if !ok => {
                // A side that fails, by its own errors or the checks, against the files that
                // failed before it.
                let named = diagnostics.iter().any(|d| d.code == Code::DuplicateParty);
                if let Some((other, _, _)) = self
                    .unloaded
                    .iter()
                    .find(|(_, party, _)| *party == side.party.id.as_str())
                    .filter(|_| !named)
                {
                    diagnostics.push(party_used_twice(
                        &side.file,
                        &side.party.id,
                        ("is also the party of a side that did not load", other),
                        "a party id unique among the sides",
                    ));
                }
                self.unloaded.push((
                    side.file.clone(),
                    side.party.id.to_string(),
                    side.dispute.to_string(),
                ));
                diagnostics.extend(self.claims_of_unloaded(side, &places));
            }
            Some(side) => {
                for (file, _, _) in self
                    .unloaded
                    .iter()
                    .filter(|(_, party, _)| *party == side.party.id.as_str())
                {
                    self.diagnostics.push(party_used_twice(
                        file,
                        &side.party.id,
                        ("is also the party of a side that loads", &side.file),
                        "a party id unique among the sides",
                    ));
                }
                self.claims_against_unloaded(side);
            }
            None => {}
        }
        self.diagnostics.append(&mut diagnostics);
        if !ok || side.is_none() {
            self.failed.push(name.to_owned());
        }
        if let Some(side) = side.filter(|_| ok) {
            self.parties
                .entry(side.party.id.clone())
                .or_insert(self.sides.len());
            self.sides.push(side);
            // Its ids were checked unique, within it and against the sides already loaded.
            self.claims
                .add_unique_side(&self.sides, self.sides.len() - 1);
        }
        Some(text)
    }

    /// A side that did not load against the claim ids of the sides that did not load before
    /// it (those that loaded were checked already); its ids are kept for the sides after it.
    /// Its claims left out for errors of their own count too (`places`).
    fn claims_of_unloaded(&mut self, side: &Side, places: &places::Places) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (key, id) in places.claims(&side.topics) {
            let pointer = places.id_pointer(key);
            // One error for one id: a loaded side's use of it was said already.
            let said = self.claims.find(&self.sides, id).is_some();
            match self.unloaded_claims.get(id) {
                Some((file, _)) if *file != side.file && !said => out.push(
                    Diagnostic::at(
                        Severity::Error,
                        Code::DuplicateId,
                        &side.file,
                        &pointer,
                        format!(
                            "claim id `{}` is also used by {file}, which did not load",
                            crate::text::quote(id)
                        ),
                    )
                    .expected("a claim id unique across every side"),
                ),
                Some(_) => {}
                None => {
                    self.unloaded_claims
                        .insert(id.to_owned(), (side.file.clone(), pointer));
                }
            }
        }
        out
    }

    /// A side that loads against the claim ids of the sides that did not: the error goes to
    /// the file that has errors already, as a shared party's does.
    fn claims_against_unloaded(&mut self, side: &Side) {
        if self.unloaded_claims.is_empty() {
            return;
        }
        let claims = side.topics.iter().enumerate().flat_map(|(t, topic)| {
            topic
                .claims
                .iter()
                .enumerate()
                .map(move |(c, claim)| (t, c, claim))
        });
        for (t, c, claim) in claims {
            if let Some((file, pointer)) = self.unloaded_claims.get(claim.id.as_str()) {
                self.diagnostics.push(
                    Diagnostic::at(
                        Severity::Error,
                        Code::DuplicateId,
                        file,
                        pointer,
                        format!(
                            "claim id `{}` is also used by a side that loads",
                            crate::text::quote(&claim.id),
                        ),
                    )
                    .expected("a claim id unique across every side")
                    .first_at(&side.file, &format!("/topics/{t}/claims/{c}/id")),
                );
            }
        }
    }

    /// The checks between files: same dispute, distinct parties, claim ids unique across sides.
    /// For a side that has errors already (`broken`), the first side that did not load sets the
    /// dispute when no manifest or loaded side does (its party is checked against theirs by
    /// [`Loader::add_side`], as for any side that fails).
    fn check_against_loaded(
        &self,
        side: &Side,
        places: &places::Places,
        broken: bool,
    ) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let mut error = |code, pointer: &str, message: String, expected: &str| {
            out.push(
                Diagnostic::at(Severity::Error, code, &side.file, pointer, message)
                    .expected(expected),
            );
        };
        let expected = self
            .manifest
            .as_ref()
            .map(|(_, m)| (m.dispute.id.as_str(), "the manifest"))
            .or_else(|| {
                self.sides
                    .first()
                    .map(|s| (s.dispute.as_str(), s.file.as_str()))
            })
            .or_else(|| {
                let (file, _, dispute) = self
                    .unloaded
                    .iter()
                    .find(|(_, _, dispute)| !dispute.is_empty())
                    .filter(|_| broken)?;
                Some((dispute.as_str(), file.as_str()))
            });
        // An empty dispute is one written wrong, reported already (see `SideFields::finish`).
        if let Some((id, from)) = expected
            && !side.dispute.is_empty()
            && side.dispute != id
        {
            error(
                Code::DisputeMismatch,
                "/dispute",
                format!(
                    "dispute `{}` differs from `{}` of {from}",
                    crate::text::quote(&side.dispute),
                    crate::text::quote(id)
                ),
                &format!(
                    "`{}`: every side of one comparison belongs to the same dispute",
                    crate::text::quote(id)
                ),
            );
        }
        if let Some(other) = self
            .parties
            .get(&side.party.id)
            .and_then(|&i| self.sides.get(i))
        {
            out.push(party_used_twice(
                &side.file,
                &side.party.id,
                ("is already loaded from a side", &other.file),
                "a party id unique among the loaded sides",
            ));
        }
        let taken = &self.claims;
        for (key, id) in places.claims(&side.topics) {
            if let Some(at) = taken.find(&self.sides, id) {
                let mut d = Diagnostic::at(
                    Severity::Error,
                    Code::DuplicateId,
                    &side.file,
                    &places.id_pointer(key),
                    format!(
                        "claim id `{}` is already used by another side",
                        crate::text::quote(id)
                    ),
                )
                .expected("a claim id unique across every side");
                if let Some(other) = self.sides.get(at.side()) {
                    let pointer = format!("/topics/{}/claims/{}/id", at.topic(), at.claim());
                    d = d.first_at(&other.file, &pointer);
                }
                out.push(d);
            }
        }
        out
    }

    /// Runs the checks that need every side, fills in lines, and builds the dispute.
    pub fn finish(mut self) -> Loaded {
        // A file given or found that could not be read or parsed (a path not there, `show
        // a.json b.jsn`, a pipe from `<(…)`, a folder with no side files, a side file that is not
        // JSON) says by its own error why the sides are too few: a `too-few-sides` after it adds
        // nothing, and `validate` counts the one error.
        let unread = self.diagnostics.iter().any(|d| {
            d.is_error() && matches!(d.code, Code::Unreadable | Code::NotUtf8 | Code::Syntax)
        });
        let least = if self.alone { 1 } else { 2 };
        if self.sides.len() < least && !unread {
            // The files kept out by their own errors: said to be why (a good file was named
            // instead, as if it were at fault).
            let mut failed: Vec<&String> = self
                .order
                .iter()
                .filter(|f| {
                    self.diagnostics
                        .iter()
                        .any(|d| d.is_error() && &d.file == *f)
                })
                .collect();
            // The manifest is no side: named only when its errors alone kept sides out (a
            // side it lists outside the folder).
            if failed.iter().any(|f| !is_manifest_name(f)) {
                failed.retain(|f| !is_manifest_name(f));
            }
            // Said of one file, as every diagnostic is (a script opens `file`): the manifest,
            // else the first file kept out by its errors, else the first file read; the message
            // names the others.
            let kept_out = || {
                let names: Vec<&str> = failed.iter().take(3).map(|f| f.as_str()).collect();
                let more = match failed.len().saturating_sub(3) {
                    0 => String::new(),
                    n => format!(" and {n} more"),
                };
                let whose = if failed.len() == 1 { "its" } else { "their" };
                format!(" ({}{more} did not: see {whose} errors)", names.join(", "))
            };
            let (file, of) = match (&self.manifest, self.order.as_slice()) {
                (Some((n, _)), _) if !failed.is_empty() => (n.clone(), kept_out()),
                // `sides` listing one file twice: one side, said where the fix goes.
                (Some((n, _)), _)
                    if self.diagnostics.iter().any(|d| {
                        d.code == Code::RepeatedFile
                            && d.file == *n
                            && d.pointer
                                .as_deref()
                                .is_some_and(|p| p.starts_with("/sides/"))
                    }) =>
                {
                    (
                        n.clone(),
                        " (`sides` lists a file twice, and it is one side)".to_owned(),
                    )
                }
                (Some((n, _)), _) => (n.clone(), String::new()),
                (None, _) if !failed.is_empty() => (
                    failed.first().map(|f| f.to_string()).unwrap_or_default(),
                    kept_out(),
                ),
                (None, []) => ("(input)".to_owned(), String::new()),
                // The same file named twice is one side, not two (its warning says so too).
                (None, [a])
                    if self
                        .diagnostics
                        .iter()
                        .any(|d| d.code == Code::RepeatedFile && d.file == *a) =>
                {
                    (
                        a.clone(),
                        format!(" ({a} was named twice, and is one side)"),
                    )
                }
                (None, [a]) => (a.clone(), String::new()),
                (None, [a, b, c, rest @ ..]) if !rest.is_empty() => (
                    a.clone(),
                    format!(" (files read: {a}, {b}, {c} and {} more)", rest.len()),
                ),
                (None, names) => (
                    names.first().cloned().unwrap_or_default(),
                    format!(" (files read: {})", names.join(", ")),
                ),
            };
            self.diagnostics.push(
                Diagnostic::in_file(
                    Severity::Error,
                    Code::TooFewSides,
                    &file,
                    format!(
                        "{} side(s) loaded without errors{of}; a comparison needs two",
                        self.sides.len()
                    ),
                )
                .expected(match failed.len() {
                    0 if self.manifest.is_some() => {
                        "two or more side files listed in the manifest's `sides`"
                    }
                    0 => "a dispute folder, or two or more side files",
                    1 => "that file fixed (each of its errors says where)",
                    _ => "those files fixed (each of their errors says where)",
                }),
            );
        }
        self.cross_side_warnings();
        self.sources_of_other_files();
        self.locate();
        let order: HashMap<&str, usize> = self
            .order
            .iter()
            .enumerate()
            .rev()
            .map(|(i, n)| (n.as_str(), i))
            .collect();
        // File, line, column, then pointer: the order a reader meets them in the file, not
        // the order of the checks. Too few sides is the outcome of the other errors, so it
        // comes after them all.
        self.diagnostics.sort_by(|a, b| {
            let key = |d: &Diagnostic| {
                (
                    d.code == Code::TooFewSides,
                    order.get(d.file.as_str()).copied().unwrap_or(usize::MAX),
                    d.line.unwrap_or(0),
                    d.column.unwrap_or(0),
                )
            };
            key(a).cmp(&key(b)).then_with(|| a.pointer.cmp(&b.pointer))
        });
        let era = self.era;
        let dispute = (self.sides.len() >= least).then(|| {
            let d = Dispute::with_claims(self.manifest.map(|(_, m)| m), self.sides, self.claims);
            match era {
                Some(era) => d.knowing_era(era),
                None => d,
            }
        });
        Loaded {
            dispute,
            report: Report {
                diagnostics: self.diagnostics,
            },
            files: self.order,
        }
    }

    /// A citation of a source another side file declares (each file lists its own): the
    /// `unknown-source` error names that file, and what to do.
    fn sources_of_other_files(&mut self) {
        if !self
            .diagnostics
            .iter()
            .any(|d| d.code == Code::UnknownSource)
        {
            return;
        }
        // Each source id's files, once: a file citing thousands of undeclared sources is not
        // compared with every side's list for each.
        let mut declared: HashMap<&str, Vec<&str>> = HashMap::default();
        for s in &self.sides {
            for src in &s.sources {
                declared.entry(src.id.as_str()).or_default().push(&s.file);
            }
        }
        for d in self
            .diagnostics
            .iter_mut()
            .filter(|d| d.code == Code::UnknownSource)
        {
            let other = side::undeclared_source(&d.message)
                .and_then(|id| Some((id, declared.get(id)?)))
                .and_then(|(id, files)| Some((id, files.iter().find(|f| **f != d.file)?)));
            if let Some((id, file)) = other {
                d.message = side::declared_elsewhere(id, file);
            }
        }
    }

    /// Warnings about links between files: rebuttals, affiliations, and the manifest's coverage.
    fn cross_side_warnings(&mut self) {
        let owner = |id: &str| {
            let at = self.claims.find(&self.sides, id)?;
            Some(self.sides.get(at.side())?.party.id.as_str())
        };
        let parties: HashSet<&str> = self.sides.iter().map(|s| s.party.id.as_str()).collect();
        let failed = names_list(&self.failed);
        // The manifest's topics and their points by id, so each check is a lookup, not a scan.
        let manifest: Option<HashMap<&str, HashSet<&str>>> =
            self.manifest.as_ref().map(|(_, m)| {
                m.topics
                    .iter()
                    .map(|t| {
                        (
                            t.id.as_str(),
                            t.points.iter().map(|p| p.id.as_str()).collect(),
                        )
                    })
                    .collect()
            });
        // A date far from the claims' middle year is asked about, as a mistyped year
        // (`0205-05-01`) validates and then would stretch the timeline over centuries.
        let era = crate::format::Era::of(&self.sides);
        self.era = Some(era);
        let far = |d: &crate::format::Date| era.is_far(d);
        // Side by side in order: on both cores this saved 2 ms at 100k claims but raised the
        // screen's peak at a million by 61 MiB (BENCHMARKS.md).
        let per_side = |side: &Side| {
            let mut out = Vec::new();
            // What a mistyped party, topic or point id most likely meant, said after its
            // message when one id is nearest (the ids come from hash sets: a tie said one at
            // random); for the first few of a side only, and while the ids compared stay under
            // a budget, so a side of 100,000 unlisted topics or points is not compared with
            // 100,000 listed ones each (100 guesses among 100,000 points took 2.9 s).
            // The ids are gathered only for a guess, not on every load.
            let (guessed, compared) = (std::cell::Cell::new(0usize), std::cell::Cell::new(0));
            let meant = |ids: &mut dyn Iterator<Item = &str>, id: &str| {
                const GUESSES: usize = 100;
                const COMPARED: usize = 1_000_000;
                guessed.set(guessed.get() + 1);
                (guessed.get() <= GUESSES && compared.get() < COMPARED)
                    .then(|| {
                        let ids: Vec<&str> = ids.collect();
                        compared.set(compared.get() + ids.len());
                        crate::text::nearest_unique_name(&ids, id)
                    })
                    .flatten()
                    .map(|n| format!(" (did you mean `{}`?)", crate::text::quote(n)))
                    .unwrap_or_default()
            };
            let unlikely = |pointer: String, d: &crate::format::Date| {
                let m = era.middle().unwrap_or(d.year);
                Diagnostic::at(
                    Severity::Warning,
                    Code::UnlikelyDate,
                    &side.file,
                    &pointer,
                    format!(
                        "the date {d} is {} years from most of the dispute's dates (around {m}); is the year mistyped?",
                        d.year.abs_diff(m)
                    ),
                )
                .expected("a date in the dispute's years, or this one if it is right")
            };
            // The first link that may point into a file that did not load, and how many do.
            let mut waiting: Option<(String, String, usize)> = None;
            let warn = |code, pointer: String, message: String, expected: &str| {
                Diagnostic::at(Severity::Warning, code, &side.file, &pointer, message)
                    .expected(expected)
            };
            for (i, source) in side.sources.iter().enumerate() {
                if let Some(d) = source.date.filter(far) {
                    out.push(unlikely(format!("/sources/{i}/date"), &d));
                }
                if let Some(a) = &source.affiliation
                    && a != INDEPENDENT
                    && !parties.contains(a.as_str())
                {
                    out.push(warn(
                        Code::UnknownAffiliation,
                        format!("/sources/{i}/affiliation"),
                        format!(
                            "affiliation `{}` names no loaded party{}",
                            crate::text::quote(a),
                            meant(&mut parties.iter().copied().chain([INDEPENDENT]), a)
                        ),
                        "a loaded party id, or `independent`",
                    ));
                }
            }
            for (t, topic) in side.topics.iter().enumerate() {
                let listed = manifest.as_ref().map(|m| m.get(topic.id.as_str()));
                if let Some(None) = listed {
                    out.push(warn(
                        Code::TopicNotInManifest,
                        format!("/topics/{t}/id"),
                        format!(
                            "topic `{}` is not in the manifest{}",
                            crate::text::quote(&topic.id),
                            meant(
                                &mut manifest.iter().flat_map(|m| m.keys().copied()),
                                &topic.id
                            )
                        ),
                        "the topic listed in dispute.json with a neutral title",
                    ));
                }
                let mut warned_points: HashSet<&str> = HashSet::new();
                for (c, claim) in topic.claims.iter().enumerate() {
                    if let Some(d) = claim.date.filter(far) {
                        out.push(unlikely(format!("/topics/{t}/claims/{c}/date"), &d));
                    }
                    if let (Some(Some(points)), Some(point)) = (listed, &claim.point)
                        && !points.contains(point.as_str())
                        && warned_points.insert(point.as_str())
                    {
                        out.push(warn(
                            Code::PointNotInManifest,
                            format!("/topics/{t}/claims/{c}/point"),
                            format!(
                                "point `{}` of topic `{}` is not in the manifest{}",
                                crate::text::quote(point),
                                crate::text::quote(&topic.id),
                                meant(&mut points.iter().copied(), point)
                            ),
                            "the point listed under its topic in dispute.json with a question",
                        ));
                    }
                    // Each link's place is spelled only when it is warned about.
                    let rebuts = claim
                        .rebuts
                        .iter()
                        .enumerate()
                        .map(|(r, target)| ("rebuts", ("rebuts", ""), r, target.as_str()));
                    let related = claim.relations.iter().enumerate().map(|(r, rel)| {
                        (rel.kind.verb(), ("relations", "/to"), r, rel.to.as_str())
                    });
                    for (verb, (list, to), r, target) in rebuts.chain(related) {
                        let (message, expected) = match owner(target) {
                            // Every side of a manifest loaded: the id is nobody's, most
                            // likely a typo of a claim the other sides make on the topic.
                            None if failed.is_empty() => (
                                format!(
                                    "claim `{}` {verb} `{}`, which {}{}",
                                    crate::text::quote(&claim.id),
                                    crate::text::quote(target),
                                    if self.manifest.is_some() {
                                        "no claim of the dispute has as its id"
                                    } else {
                                        "no loaded side holds"
                                    },
                                    meant(
                                        &mut self
                                            .sides
                                            .iter()
                                            .filter(|s| s.party.id != side.party.id)
                                            .flat_map(|s| &s.topics)
                                            .filter(|o| o.id == topic.id)
                                            .flat_map(|o| o.claims.iter().map(|c| c.id.as_str())),
                                        target
                                    )
                                ),
                                if self.manifest.is_some() {
                                    "the id of another party's claim"
                                } else {
                                    "the id of another party's claim (load that side too)"
                                }
                                .to_owned(),
                            ),
                            // A side given but not loaded may hold it: said once for the
                            // file, below, not once a link (dozens buried the one error).
                            None => {
                                let first = format!(
                                    "claim `{}` {verb} `{}`",
                                    crate::text::quote(&claim.id),
                                    crate::text::quote(target)
                                );
                                let at = format!("/topics/{t}/claims/{c}/{list}/{r}{to}");
                                waiting.get_or_insert((at, first, 0)).2 += 1;
                                continue;
                            }
                            Some(_) if target == claim.id => (
                                format!("claim `{}` {verb} itself", crate::text::quote(&claim.id)),
                                "the id of another party's claim".to_owned(),
                            ),
                            Some(p) if p == side.party.id => (
                                format!(
                                    "claim `{}` {verb} `{}`, a claim of its own party",
                                    crate::text::quote(&claim.id),
                                    crate::text::quote(target)
                                ),
                                "the id of another party's claim: a claim answers another \
                                 side, so no other side loaded would resolve this link"
                                    .to_owned(),
                            ),
                            Some(_) => continue,
                        };
                        out.push(warn(
                            Code::UnresolvedRebuttal,
                            format!("/topics/{t}/claims/{c}/{list}/{r}{to}"),
                            message,
                            &expected,
                        ));
                    }
                }
            }
            if let Some((at, first, n)) = waiting {
                let message = match n {
                    1 => format!(
                        "{first}, which no loaded side holds; it may be in {failed}, which did not load"
                    ),
                    n => format!(
                        "{first}, and {} more links of this file, name claims no loaded side holds; \
                         they may be in {failed}, which did not load",
                        n - 1
                    ),
                };
                out.push(warn(
                    Code::UnresolvedRebuttal,
                    at,
                    message,
                    "the id of another party's claim (fix that file's errors first)",
                ));
            }
            out
        };
        let out: Vec<Vec<Diagnostic>> = self.sides.iter().map(per_side).collect();
        self.diagnostics.extend(out.into_iter().flatten());
    }

    /// Fills in the line of every diagnostic that has a pointer: a second look at the text of
    /// each file with problems, only. A repeated key gets the line of its repeat, and its
    /// message the line of the first.
    fn locate(&mut self) {
        let mut by_file: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, d) in self.diagnostics.iter().enumerate() {
            if d.needs_line() {
                by_file.entry(d.file.as_str()).or_default().push(i);
            }
        }
        // The file names copied once each, so that the diagnostics can be changed.
        let by_file: Vec<(String, Vec<usize>)> = by_file
            .into_iter()
            .map(|(file, indices)| (file.to_owned(), indices))
            .collect();
        for (file, mut indices) in by_file {
            if let Some(text) = self.texts.get(file.as_str()) {
                self.locate_in(text, indices);
            } else if let Some(&located) = self.reread.get(&file) {
                indices.retain(|&i| i >= located);
                if !indices.is_empty()
                    && let Ok(bytes) = files::read_bounded(Path::new(&file), self.max_file)
                    && let Ok(text) = decode(&file, &bytes)
                {
                    self.locate_in(text, indices);
                }
            }
        }
        self.place_first_uses();
    }

    /// Ends the message of each problem that repeats a first use (a duplicate id) with that
    /// use's line and column, and its file when it is another: ` (first at line 3, column 11)`,
    /// ` (b.json, line 3, column 11)`. A place that cannot be found is said by its pointer, or
    /// its file.
    fn place_first_uses(&mut self) {
        let mut by_file: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, d) in self.diagnostics.iter().enumerate() {
            if let Some((file, _)) = &d.first {
                by_file.entry(file.clone()).or_default().push(i);
            }
        }
        for (file, indices) in by_file {
            let reread;
            let text = match self.texts.get(file.as_str()) {
                Some(text) => Some(*text),
                None if self.reread.contains_key(&file) => {
                    reread = files::read_bounded(Path::new(&file), self.max_file).ok();
                    reread
                        .as_deref()
                        .and_then(|bytes| decode(&file, bytes).ok())
                }
                None => None,
            };
            let locator = text.map(locate::Locator::new);
            let pointers: Vec<String> = indices
                .iter()
                .filter_map(|&i| Some(self.diagnostics.get(i)?.first.as_ref()?.1.clone()))
                .collect();
            let lines = locator
                .as_ref()
                .map(|l| l.lines(pointers.iter().map(String::as_str)));
            for i in indices {
                let Some(d) = self.diagnostics.get_mut(i) else {
                    continue;
                };
                let Some((first_file, pointer)) = d.first.take() else {
                    continue;
                };
                let place = locator
                    .as_ref()
                    .zip(lines.as_ref())
                    .and_then(|(locator, lines)| Some(locator.place(lines.line(&pointer)?)));
                let same = first_file == d.file;
                let said = match (place, same) {
                    (Some((line, column)), true) => {
                        format!(" (first at line {line}, column {column})")
                    }
                    (Some((line, column)), false) => {
                        format!(" ({}, line {line}, column {column})", first_file)
                    }
                    (None, true) => format!(
                        " (first at {})",
                        pointer.strip_suffix("/id").unwrap_or(&pointer)
                    ),
                    (None, false) => format!(" ({first_file})"),
                };
                d.message.push_str(&said);
            }
        }
    }

    /// Fills in the lines of the diagnostics at `indices`, all of one file whose text is `text`.
    fn locate_in(&mut self, text: &str, indices: Vec<usize>) {
        let pointers = indices
            .iter()
            .filter_map(|&i| self.diagnostics.get(i)?.pointer.as_deref());
        let locator = locate::Locator::new(text);
        let lines = locator.lines(pointers);
        let mut repeats: HashMap<&str, usize> = HashMap::new();
        let mut updates: Vec<(usize, Option<usize>, Option<usize>)> = Vec::new();
        for i in indices {
            let Some(d) = self.diagnostics.get(i) else {
                continue;
            };
            let Some(pointer) = d.pointer.as_deref() else {
                continue;
            };
            if d.line.is_some() {
                continue;
            }
            if d.code == Code::DuplicateKey {
                let n = repeats.entry(pointer).or_insert(0);
                *n += 1;
                let all = lines.all(pointer);
                updates.push((i, all.get(*n).copied(), all.first().copied()));
            } else {
                updates.push((i, lines.line(pointer), None));
            }
        }
        for (i, at, first) in updates {
            if let Some(d) = self.diagnostics.get_mut(i) {
                // The line, and the column too: in a file of one line (minified JSON) the line
                // alone finds nothing.
                let place = at.map(|at| locator.place(at));
                d.line = place.map(|p| p.0);
                d.column = place.map(|p| p.1);
                if let Some(first) = first {
                    let (line, column) = locator.place(first);
                    d.message
                        .push_str(&format!(" (first at line {line}, column {column})"));
                }
            }
        }
    }
}

/// Files named in a message: `a`, `a or b`, `a, b or c`, and past three `a, b, c or 2 more`.
fn names_list(names: &[String]) -> String {
    const SHOWN: usize = 3;
    let shown: Vec<&str> = names.iter().take(SHOWN).map(String::as_str).collect();
    let more = names.len().saturating_sub(SHOWN);
    match (shown.split_last(), more) {
        (None, _) => String::new(),
        (Some((last, [])), 0) => (*last).to_owned(),
        (Some((last, rest)), 0) => format!("{} or {last}", rest.join(", ")),
        (Some(_), more) => format!("{} or {more} more", shown.join(", ")),
    }
}

/// One file read on its own: its text, problems and what it holds (a side, the manifest), or
/// why it could not be read.
enum FileRead<'a, T> {
    Read(&'a str, Vec<Diagnostic>, Option<T>),
    Refused(Diagnostic),
}

/// The manifest, read on its own.
type ManifestRead<'a> = FileRead<'a, Manifest>;

/// A side file, read on its own.
/// A side file's reading: the side, with where its claims stand in the file.
type SideRead<'a> = FileRead<'a, (Side, places::Places)>;

/// Reads one file in one typed pass (see `pass`) with the reader of its kind.
fn read_file<'a, T>(
    name: &str,
    bytes: &'a [u8],
    reader: fn(&mut Cx, &str) -> Result<Option<T>, serde_json::Error>,
) -> FileRead<'a, T> {
    let text = match decode(name, bytes) {
        Ok(text) => text,
        Err(d) => return FileRead::Refused(*d),
    };
    // ClaimReview named as a side file: what it is, and how to read it, is the one thing said
    // (its `@context` and missing fields made four errors and no hint).
    if files::is_claimreview_like(bytes) {
        return FileRead::Refused(
            Diagnostic::in_file(
                Severity::Error,
                Code::WrongFormat,
                name,
                "this is ClaimReview (JSON-LD), not a side file",
            )
            .expected(format!(
                "a side file (\"parallax/1\"); to read its reviews: parallax import claimreview {} -o FOLDER",
                crate::text::shell_path(&crate::text::one_line(name))
            )),
        );
    }
    let mut cx = Cx::new(name);
    let read = reader(&mut cx, text);
    match (read, cx.deferred.take()) {
        (Ok(_), Some((at, e))) => {
            let offset = at.saturating_sub(text.as_ptr() as usize).min(text.len());
            FileRead::Refused(syntax_error_at(name, text, &e, offset))
        }
        (Ok(read), None) => {
            let mut diagnostics = cx.diagnostics;
            // An export named as a side file: its fields are an export's, not ours to judge, so
            // that is the one thing said of it (ten problems buried it).
            let export = |d: &Diagnostic| {
                d.code == Code::WrongFormat && d.message.starts_with(pass::AN_EXPORT)
            };
            if diagnostics.iter().any(export) {
                diagnostics.retain(export);
            }
            FileRead::Read(text, diagnostics, read)
        }
        (Err(e), _) => FileRead::Refused(syntax_error(name, text, &e)),
    }
}

/// The bracket closed right after a comma, when a syntax error at `column` (serde_json's,
/// counted in bytes from 1) of `row` is one: `{"a": 1,}` or `[1, 2,]`; `said`: serde_json
/// said so itself (the comma on a line before).
fn trailing_comma(row: Option<&str>, column: usize, said: bool) -> Option<char> {
    let row = row?.as_bytes();
    let close = *row.get(column.checked_sub(1)?)?;
    let before = row.get(..column - 1)?;
    let comma = said || before.iter().rev().find(|b| !b.is_ascii_whitespace()) == Some(&b',');
    (comma && matches!(close, b'}' | b']')).then_some(char::from(close))
}

/// The bytes of `text` before byte `column` (from 1) of line `line`, and where the last one
/// that is no blank (line breaks too) stands among them.
fn last_non_blank(text: &str, line: usize, column: usize) -> Option<(&[u8], usize)> {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.checked_sub(1)?)
        .map(str::len)
        .sum();
    let before = text.as_bytes().get(..start + column.checked_sub(1)?)?;
    let at = before.iter().rposition(|b| !b.is_ascii_whitespace())?;
    Some((before, at))
}

/// The byte before byte `column` of line `line`, past blanks: `,` of `,,`, `[` of `[,`.
fn before_blanks(text: &str, line: usize, column: usize) -> Option<u8> {
    let (before, at) = last_non_blank(text, line, column)?;
    before.get(at).copied()
}

/// The line and byte column (from 1) of the comma just before byte `column` of line `line`
/// of `text`, with only blanks (line breaks too) between: the comma of `,,` or of `, ]`.
fn comma_before(text: &str, line: usize, column: usize) -> Option<(usize, usize)> {
    let (before, at) = last_non_blank(text, line, column)?;
    if before.get(at) != Some(&b',') {
        return None;
    }
    let upto = before.get(..at)?;
    let line = upto.iter().filter(|b| **b == b'\n').count() + 1;
    let column = at - upto.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1) + 1;
    Some((line, column))
}

/// What is wrong at byte `column` (from 1) of `row` when it opens what JSON does not have,
/// as other languages write it: a comment (`//`, `/*`, `#`), or a string in single quotes.
/// Said as such, with what to do, rather than as a missing comma.
fn not_json_at(row: Option<&str>, column: usize) -> Option<(String, &'static str)> {
    let rest = row?.get(column.checked_sub(1)?..)?.trim_end_matches('\r');
    if rest.starts_with("//") || rest.starts_with('#') {
        let comment = crate::text::quote(rest);
        return Some((
            format!("a comment, `{comment}`: JSON has no comments"),
            "the comment deleted, to the line's end",
        ));
    }
    if rest.starts_with("/*") {
        return Some((
            "a `/* … */` comment: JSON has no comments".to_owned(),
            "the comment deleted, from `/*` to `*/`",
        ));
    }
    // A word processor's, a chat app's or a Mac's quotes, pasted in: said, not a missing comma.
    if let Some(quote) = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '“' | '”' | '„' | '‘' | '’' | '«' | '»'))
    {
        return Some((
            format!(
                "a typographer's quote, `{quote}`: JSON strings take straight double quotes (word processors and chat apps curl them)"
            ),
            "every quote of the string typed as a straight \" (turn off smart quotes)",
        ));
    }
    if rest.starts_with('\'') {
        let end = rest
            .get(1..)
            .and_then(|r| r.find('\''))
            .map_or(rest.len(), |i| i + 2);
        let string = crate::text::quote(rest.get(..end).unwrap_or(rest));
        return Some((
            format!("a string in single quotes, `{string}`: JSON strings take double quotes"),
            "the string in double quotes (\"…\")",
        ));
    }
    None
}

/// Where the first JSON value of `text` (from byte `offset`) ends: the line and column (in
/// characters, from 1) of its last character, when it is a whole value.
fn first_value_end(text: &str, offset: usize) -> Option<(usize, usize)> {
    let part = text.get(offset..)?;
    let mut values = serde_json::Deserializer::from_str(part).into_iter::<serde::de::IgnoredAny>();
    values.next()?.ok()?;
    let end = offset + values.byte_offset();
    let before = text.get(..end)?;
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .chars()
        .count();
    Some((line, column.max(1)))
}

/// Reads the manifest.
fn read_manifest<'a>(name: &str, bytes: &'a [u8]) -> ManifestRead<'a> {
    read_file(name, bytes, manifest::read)
}

/// Reads one side file.
fn read_side<'a>(name: &str, bytes: &'a [u8]) -> SideRead<'a> {
    read_file(name, bytes, side::read)
}

/// A file's bytes as UTF-8 text without a byte order mark, or the error naming where the
/// text stops being UTF-8.
fn decode<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str, Box<Diagnostic>> {
    // Checked first: UTF-16 text of ASCII letters is valid UTF-8 too, with a zero byte between.
    match std::str::from_utf8(bytes) {
        _ if crate::text::is_utf16(bytes) => {
            let d = Diagnostic::in_file(
                Severity::Error,
                Code::NotUtf8,
                name,
                "the file is UTF-16 text (Windows' \"Unicode\"), not UTF-8",
            )
            .expected("the file saved as UTF-8 (in Notepad: Save as, Encoding UTF-8)");
            Err(Box::new(d))
        }
        Ok(t) => Ok(t.strip_prefix(BOM).unwrap_or(t)),
        Err(_) => {
            let (line, column, byte) = crate::text::not_utf8(bytes).unwrap_or((1, 1, 0));
            let mut d = Diagnostic::in_file(
                Severity::Error,
                Code::NotUtf8,
                name,
                format!(
                    "the file is not valid UTF-8: the byte {byte:#04X} (Windows-1252 or Latin-1 \
                     text, most likely)"
                ),
            )
            .expected("a UTF-8 text file (re-save it as UTF-8)");
            d.line = Some(line);
            d.column = Some(column);
            Err(Box::new(d))
        }
    }
}

/// A JSON syntax error, at its line and column (in characters) in `text`.
fn syntax_error(name: &str, text: &str, e: &serde_json::Error) -> Diagnostic {
    syntax_error_at(name, text, e, 0)
}

/// A JSON syntax error found in the part of `text` that starts `offset` bytes in (serde_json
/// placed it in that part), at its line and column in the whole text.
fn syntax_error_at(name: &str, text: &str, e: &serde_json::Error, offset: usize) -> Diagnostic {
    let before = text.get(..offset).unwrap_or_default();
    let lines_before = before.matches('\n').count();
    let (at_line, at_column) = if e.line() <= 1 {
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        (lines_before + 1, offset - start + e.column())
    } else {
        (lines_before + e.line(), e.column())
    };
    let message = e.to_string();
    let message = match message.rfind(" at line ") {
        Some(i) => message.get(..i).unwrap_or(&message).to_owned(),
        None => message,
    };
    let row_of = |line: usize| text.split('\n').nth(line.saturating_sub(1));
    // A line break is read before it is found wrong: serde_json places it at the start of
    // the next line; it belongs at the end of the line the string is on.
    // In a file of CRLF line ends, the carriage return is met first, at the line's end.
    let at_cr = row_of(at_line)
        .is_some_and(|row| at_column > 0 && row.as_bytes().get(at_column - 1) == Some(&b'\r'));
    let line_break =
        message.starts_with("control character") && ((at_column == 0 && at_line > 1) || at_cr);
    let mut escape_at = None;
    let mut moved = None;
    // What to do depends on what went wrong: a comma is missing in only some of these.
    let (message, expected) = if message.contains("recursion limit") {
        // Valid JSON that no narrative needs.
        (message, "values nested fewer than 128 levels deep")
    } else if e.classify() == serde_json::error::Category::Eof && text.trim().is_empty() {
        (
            "the file is empty".to_owned(),
            "a JSON object: a side or a manifest (`parallax new` starts a dispute with both)",
        )
    } else if e.classify() == serde_json::error::Category::Eof {
        (
            format!("the file ends before its JSON does ({message})"),
            "the rest of the file (was it cut off while copied or saved?), or the closing \
             brackets it lacks",
        )
    } else if message.starts_with("control character") && line_break {
        (
            "a line break inside a string (a JSON string holds none as typed)".to_owned(),
            "the string closed on its line, or `\\n` written for the new line",
        )
    } else if message.starts_with("control character") {
        (
            message,
            "the character escaped inside a string: `\\n` for a new line, `\\t` for a tab, \
             `\\u` and its four-digit code for others (`\\u0000`)",
        )
    } else if message.contains("surrogate") || message.contains("end of hex escape") {
        // Half of a UTF-16 pair (`\ud800` alone), as a faulty export writes it; serde_json
        // says "unexpected end of hex escape", which reads as a typing slip.
        let found = row_of(at_line)
            .and_then(|row| row.get(..at_column.min(row.len())))
            .and_then(|row| row.rfind("\\u").and_then(|i| Some((i, row.get(i..i + 6)?))));
        // Placed at the escape, not after it.
        escape_at = found.map(|(i, _)| i + 1);
        let escape = found
            .map(|(_, e)| format!(" `{}`", crate::text::quote(e)))
            .unwrap_or_default();
        (
            format!(
                "a lone UTF-16 surrogate escape{escape}: half of a character's pair, with no \
                 other half after it"
            ),
            "the escape removed, or followed by its other half (`\\ud83d\\ude00` is one \
             character); re-exporting the text as UTF-8 fixes it at its source",
        )
    } else if message.contains("number out of range") {
        (
            "a number too large to read".to_owned(),
            "a smaller number: no field of a narrative takes one this large (a date is \
             written as text, \"2025-05-10\")",
        )
    } else if let Some((what, delete)) = (message.starts_with("expected ")
        || message == "key must be a string"
        || message == "trailing characters")
        .then(|| not_json_at(row_of(at_line), at_column))
        .flatten()
    {
        // A comment or a single quote where a value, a key or a comma goes (not in a string,
        // as `"\#"`, a bad escape, is): JSON as another language writes it, not a slip.
        (what, delete)
    } else if message == "trailing characters"
        && let Some((line, column)) = first_value_end(text, offset)
    {
        // Two objects joined (`{…}{…}`, a file pasted after another), or text after one.
        let second = row_of(at_line)
            .and_then(|row| row.as_bytes().get(at_column.checked_sub(1)?))
            .is_some_and(|b| matches!(b, b'{' | b'['));
        if second {
            (
                format!(
                    "a second value after the first one, which ends at {line}:{column}: a \
                     side file or a manifest is one object"
                ),
                "the file cut at the end of its first value (the other one saved in a file of \
                 its own)",
            )
        } else {
            (
                format!(
                    "text after the file's JSON, which ends at {line}:{column}: a side file or a \
                     manifest is one object"
                ),
                "the text after it deleted",
            )
        }
    } else if let Some(opening) = row_of(at_line)
        .and_then(|row| row.as_bytes().get(at_column.checked_sub(1)?))
        .filter(|b| **b == b',')
        .and_then(|_| before_blanks(text, at_line, at_column))
        .filter(|b| matches!(b, b',' | b'[' | b'{'))
    {
        // `"a": 1,, "b": 2`, `[1,,2]` or `[,1]`: said at the comma, not as a missing one.
        if opening == b',' {
            (
                "two commas in a row".to_owned(),
                "one of them deleted (a comma goes between two fields or items)",
            )
        } else {
            (
                format!(
                    "a comma just after `{}`, before anything",
                    char::from(opening)
                ),
                "the comma deleted (a comma goes between two fields or items)",
            )
        }
    } else if let Some(close) =
        trailing_comma(row_of(at_line), at_column, message == "trailing comma")
    {
        // serde_json's "key must be a string" or "value should come here" at `}` or `]`:
        // said at the comma, where an editor should take the user, not at the bracket.
        moved = comma_before(text, at_line, at_column);
        (
            format!("a comma before `{close}` with nothing after it"),
            "the comma removed (JSON allows no comma after the last field or item)",
        )
    } else if let Some(wanted) = message.strip_prefix("expected ") {
        // serde_json's "expected `,` or `}`" would read "expected … ; expected …".
        (
            format!("{wanted} should come here"),
            "valid JSON (check for a missing comma, quote or bracket just before)",
        )
    } else {
        (
            message,
            "valid JSON (check for a missing comma, quote or bracket here)",
        )
    };
    // A table given where a side file goes: said, with the command that reads it.
    let table = [".csv", ".tsv"]
        .iter()
        .any(|ext| name.to_ascii_lowercase().ends_with(ext));
    let expected = if table {
        "a side file in JSON; this is a table: `parallax import csv FILE -o FOLDER` makes a \
         dispute of it"
    } else {
        expected
    };
    let mut d = Diagnostic::in_file(
        Severity::Error,
        Code::Syntax,
        name,
        format!("invalid JSON: {message}"),
    )
    .expected(expected);
    if line_break {
        let line = if at_cr { at_line } else { at_line - 1 };
        let row = row_of(line).unwrap_or_default();
        d.line = Some(line);
        d.column = Some(row.trim_end_matches('\r').chars().count() + 1);
        return d;
    }
    let (at_line, at_column) = moved.unwrap_or((at_line, at_column));
    d.line = Some(at_line);
    // serde_json counts bytes, and says column 0 at the end of a file ending in a newline.
    d.column = Some(locate::char_column(
        text,
        at_line,
        escape_at.unwrap_or(at_column),
    ));
    d
}

/// The `duplicate-party` error of `file`, whose party `id` another side has: `(how, other)`
/// says how (`is also the party of a side that loads`) and which file, located in it too, as
/// a claim id used twice is.
fn party_used_twice(
    file: &str,
    id: &str,
    (how, other): (&str, &str),
    expected: &str,
) -> Diagnostic {
    Diagnostic::at(
        Severity::Error,
        Code::DuplicateParty,
        file,
        "/party/id",
        format!("party `{}` {how}", crate::text::quote(id)),
    )
    .expected(expected)
    .first_at(other, "/party/id")
}

/// True when a file read is named as the manifest is (`dispute.json`): not a side.
fn is_manifest_name(name: &str) -> bool {
    Path::new(name).file_name().is_some_and(|n| n == MANIFEST)
}

/// The command that lists every problem of the dispute read from `paths`, each path one shell
/// word (`parallax validate liar`); the bundled dispute's is `parallax validate`. Advice that
/// names the command names the dispute: without its path, `validate` checks the bundled one.
pub fn validate_command(paths: &[std::path::PathBuf]) -> String {
    std::iter::once("parallax validate".to_owned())
        .chain(
            paths
                .iter()
                .map(|p| crate::text::shell_path(&crate::text::one_line(&p.display().to_string()))),
        )
        .collect::<Vec<_>>()
        .join(" ")
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
