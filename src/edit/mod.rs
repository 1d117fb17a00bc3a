//! Writing back to the analyst's files: giving two claims a common point (and the manifest its
//! question), and remembering dismissed suggestions.
//!
//! The files belong to the analyst, so every write:
//! - changes only what it must (see [`json`]): the rest stays byte for byte;
//! - is checked by the loader, on the new bytes, before anything is replaced;
//! - is atomic: a temporary file in the same folder, then a rename;
//! - never replaces a file that changed on disk since it was read.

pub mod dismissed;
pub mod json;
pub mod lock;
pub mod relate;
pub mod undo;

use crate::format::{ClaimAt, Dispute, DisputeInfo, Manifest, ManifestTopic, Point, is_id};
use crate::load::{Loader, MANIFEST};
use json::Step;
use serde_json::json;
use std::path::{Path, PathBuf};

/// Why side files given from several folders cannot be written back: a manifest, the points it
/// holds and the dismissals each live in the one folder of a dispute.
pub const SPLIT: &str = "the side files are in different folders, so there is no one dispute folder for the manifest and the dismissals; put them in one folder (a dispute folder) and open that";

/// Why a write-back could not be made; nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    /// The bundled dispute lives inside the program.
    #[error(
        "The bundled dispute is built into the program and cannot be changed. For a copy to edit: parallax export -f claims-csv -o bundled.csv, then parallax import csv bundled.csv -o my-copy, and open my-copy."
    )]
    Bundled,
    /// The files do not load cleanly.
    #[error("{0}")]
    Load(String),
    /// A claim id is not in the dispute (quoted), with the id likely meant, when one is a typo
    /// away ([`unknown_claim`]).
    #[error("no claim `{0}` in this dispute{1}")]
    UnknownClaim(String, String),
    /// What was asked cannot be done; the message says why and what to do.
    #[error("{0}")]
    Refused(String),
    /// The dismissals file does not read as one: `why`, at a line and column (in characters).
    #[error(
        "{file} is not a dismissals file: at line {line}, column {column}, {why}; fix or delete it"
    )]
    Malformed {
        /// The file, as named.
        file: String,
        /// What is wrong, in the file's words.
        why: String,
        /// Where, from 1.
        line: usize,
        /// Where on the line, in characters from 1.
        column: usize,
    },
    /// What was asked is already so: nothing to write (a script that links twice succeeds).
    #[error("{0}")]
    Already(String),
    /// A file changed on disk since it was read.
    #[error(
        "{0} changed on disk since it was read; nothing was written. Try again: the files are read afresh."
    )]
    Changed(String),
    /// The edit would make the files invalid (a bug, or a file the editor cannot lay out).
    #[error("the change would leave {0} invalid, so nothing was written: {1}")]
    Invalid(String, String),
    /// Reading a file failed.
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
    /// Writing a file failed; the message names it and says what to do.
    #[error("{0}")]
    Write(String),
}

/// One file as it was read: its path and its bytes then.
#[derive(Debug, Clone)]
pub struct FileCopy {
    /// Where it is.
    pub path: PathBuf,
    /// What it held when read.
    pub bytes: Vec<u8>,
}

/// The files of a dispute on disk, as read, and the dispute loaded from exactly those bytes.
#[derive(Debug, Clone)]
pub struct Workspace {
    /// The paths it was opened from, to read the files again after they changed on disk.
    pub paths: Vec<PathBuf>,
    /// The folder the dispute lives in (the manifest's, or the side files').
    pub folder: PathBuf,
    /// The manifest, when there is one.
    pub manifest: Option<FileCopy>,
    /// The side files, in the dispute's side order.
    pub sides: Vec<FileCopy>,
}

/// One file to replace: what it held when read (`None`: it must not exist) and what it will hold.
#[derive(Debug, Clone)]
pub struct Write {
    /// The file.
    pub path: PathBuf,
    /// Its bytes when read, or `None` for a new file.
    pub before: Option<Vec<u8>>,
    /// Its new bytes.
    pub after: Vec<u8>,
}

/// A checked change, ready to write.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The files to write.
    pub writes: Vec<Write>,
    /// The point the two claims now share.
    pub point: String,
    /// The topic it belongs to.
    pub topic: String,
    /// True when the point is new (and the manifest holds its question).
    pub new_point: bool,
    /// The claim moved into the topic from another, when the two were in different topics.
    pub moved: Option<String>,
    /// The points the side files already use (`topic/point`) that a manifest this link creates
    /// does not list: it has no question to give them, so `validate` warns of each until its
    /// question is written in.
    pub unlisted: Vec<String>,
}

impl Plan {
    /// What to say of [`Plan::unlisted`], when a new manifest leaves points out: which, and
    /// that `validate` warns of them until their questions are written in.
    pub fn unlisted_note(&self) -> Option<String> {
        const SHOWN: usize = 3;
        let (first, rest) = self
            .unlisted
            .split_at_checked(SHOWN)
            .unwrap_or((&self.unlisted, &[]));
        if first.is_empty() {
            return None;
        }
        let named: Vec<String> = first
            .iter()
            .map(|p| format!("`{}`", crate::text::quote(p)))
            .collect();
        let more = match rest.len() {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        Some(format!(
            "{MANIFEST} has no question for the points the sides used before ({}{more}); \
             `parallax validate` warns of them until you add theirs there",
            named.join(", ")
        ))
    }
}

impl Workspace {
    /// Reads the files of the dispute at `paths` and loads them from the bytes read, so what is
    /// edited is exactly what was loaded. No paths: the bundled dispute, which cannot be edited.
    pub fn open(paths: &[PathBuf]) -> Result<(Workspace, Dispute), EditError> {
        Self::open_counting(paths).map(|(ws, dispute, _)| (ws, dispute))
    }

    /// As [`Workspace::open`], also returning the number of warnings the files load with.
    /// A file with errors fails the whole open, even when the other sides would load without it.
    pub fn open_counting(paths: &[PathBuf]) -> Result<(Workspace, Dispute, usize), EditError> {
        Self::open_within(paths, crate::load::DEFAULT_MAX_FILE)
    }

    /// As [`Workspace::open`], refusing files larger than `max_file` bytes (`--max-file-size`).
    pub fn open_limited(
        paths: &[PathBuf],
        max_file: u64,
    ) -> Result<(Workspace, Dispute), EditError> {
        Self::open_within(paths, max_file).map(|(ws, dispute, _)| (ws, dispute))
    }

    fn open_within(
        paths: &[PathBuf],
        max_file: u64,
    ) -> Result<(Workspace, Dispute, usize), EditError> {
        if paths.is_empty() {
            return Err(EditError::Bundled);
        }
        // Each file is read once: the dispute is loaded from those bytes, which are kept.
        let gathered = crate::load::gather(paths, max_file);
        let loaded = gathered.load();
        let dispute = match loaded.dispute {
            Some(d) if loaded.report.errors() == 0 => d,
            _ => return Err(EditError::Load(load_failure(&loaded.report, paths))),
        };
        let ws = Workspace::from_read(paths, gathered.into_files(), &dispute)?;
        Ok((ws, dispute, loaded.report.warnings()))
    }

    /// The workspace of a dispute loaded from `files`, the bytes [`crate::load::gather`] read
    /// for `paths`: kept as they are, so a write replaces only files still holding them.
    pub fn from_read(
        paths: &[PathBuf],
        files: Vec<crate::load::ReadFile>,
        dispute: &Dispute,
    ) -> Result<Workspace, EditError> {
        let mut manifest = None;
        let mut by_name = std::collections::HashMap::new();
        for f in files {
            let copy = FileCopy {
                path: PathBuf::from(&f.name),
                bytes: f.bytes,
            };
            if f.manifest {
                manifest = Some(copy);
            } else {
                by_name.insert(f.name, copy);
            }
        }
        let sides = dispute
            .sides
            .iter()
            .map(|s| {
                by_name.remove(&s.file).ok_or_else(|| {
                    EditError::Refused(format!(
                        "the side file {} was not read with the others; open the dispute again",
                        s.file
                    ))
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let folder = match &manifest {
            Some(m) => parent(&m.path),
            None => {
                let folders: Vec<PathBuf> = sides.iter().map(|s| parent(&s.path)).collect();
                let first = folders
                    .first()
                    .cloned()
                    .unwrap_or_else(|| PathBuf::from("."));
                if folders.iter().any(|f| !same_folder(f, &first)) {
                    return Err(EditError::Refused(SPLIT.to_owned()));
                }
                first
            }
        };
        Ok(Workspace {
            paths: paths.to_vec(),
            folder,
            manifest,
            sides,
        })
    }

    /// After a plan was committed: the files now hold what it wrote (a new manifest included).
    pub fn applied(&mut self, plan: &Plan) {
        for w in &plan.writes {
            if let Some(f) = self.sides.iter_mut().find(|f| f.path == w.path) {
                f.bytes = w.after.clone();
            } else if let Some(m) = self.manifest.as_mut().filter(|m| m.path == w.path) {
                m.bytes = w.after.clone();
            } else if w.before.is_none() {
                self.manifest = Some(FileCopy {
                    path: w.path.clone(),
                    bytes: w.after.clone(),
                });
                // Side files named one by one are read without a manifest: from now on the
                // dispute is opened by the one just made, so what it holds is read back, and
                // its sides are named as a load through it names them (folder/file).
                self.paths = vec![w.path.clone()];
                for side in &mut self.sides {
                    if let Some(name) = side.path.file_name() {
                        side.path = self.folder.join(name);
                    }
                }
            }
        }
    }

    /// The dispute loaded from the bytes held (after [`Workspace::applied`]).
    pub fn reload(&self) -> Result<Dispute, EditError> {
        self.load(None)
    }

    /// Loads the files from bytes: the ones read, with `changes` in place of some.
    fn load(&self, changes: Option<&[Write]>) -> Result<Dispute, EditError> {
        let bytes_of = |path: &Path, original: &[u8]| -> Vec<u8> {
            changes
                .and_then(|c| c.iter().find(|w| w.path == path))
                .map_or_else(|| original.to_vec(), |w| w.after.clone())
        };
        let new_manifest = changes.and_then(|c| {
            c.iter()
                .find(|w| w.before.is_none())
                .map(|w| (w.path.clone(), w.after.clone()))
        });
        let manifest = self
            .manifest
            .as_ref()
            .map(|m| (m.path.clone(), bytes_of(&m.path, &m.bytes)))
            .or(new_manifest);
        let sides: Vec<(String, Vec<u8>)> = self
            .sides
            .iter()
            .map(|s| (s.path.display().to_string(), bytes_of(&s.path, &s.bytes)))
            .collect();
        let mut loader = Loader::new();
        let manifest_name = manifest.as_ref().map(|(p, _)| p.display().to_string());
        let refs: Vec<(&str, &[u8], bool)> = manifest_name
            .as_deref()
            .zip(manifest.as_ref())
            .map(|(name, (_, bytes))| (name, bytes.as_slice(), true))
            .into_iter()
            .chain(sides.iter().map(|(n, b)| (n.as_str(), b.as_slice(), false)))
            .collect();
        loader.files(&refs);
        let loaded = loader.finish();
        match loaded.dispute {
            Some(d) if loaded.report.errors() == 0 => Ok(d),
            _ => Err(EditError::Load(load_failure(&loaded.report, &self.paths))),
        }
    }

    /// Plans giving the claims `left` and `right` (of two sides, in one topic) a common point:
    /// the point one of them has; else the topic's point whose manifest question is `question`;
    /// else a new one with `question` (or a neutral default) added to the manifest, created
    /// beside the side files when there is none. Checked by the loader.
    pub fn link(
        &self,
        dispute: &Dispute,
        left: &str,
        right: &str,
        question: Option<&str>,
    ) -> Result<Plan, EditError> {
        let find = |id: &str, other: &str| {
            dispute
                .find_claim(id)
                .ok_or_else(|| unknown_claim(dispute, id, other))
        };
        let (la, ra) = (find(left, right)?, find(right, left)?);
        if la == ra {
            return Err(EditError::Refused(format!(
                "`{left}` is named twice; link two claims, one of each party"
            )));
        }
        if la.side() == ra.side() {
            return Err(EditError::Refused(format!(
                "`{left}` and `{right}` are claims of the same party; link claims of two parties"
            )));
        }
        let (_, ltopic, _) = dispute.ids(la);
        let (_, rtopic, _) = dispute.ids(ra);
        let (lp, rp) = (
            dispute
                .claim(la)
                .and_then(|c| c.point.as_deref().map(str::to_owned)),
            dispute
                .claim(ra)
                .and_then(|c| c.point.as_deref().map(str::to_owned)),
        );
        // Claims of two topics: the one without a point moves into the other's topic (the
        // right claim, when neither has one), since a point joins claims of one topic.
        let moving = match (ltopic == rtopic, &lp, &rp) {
            (true, _, _) | (false, Some(_), Some(_)) => None,
            (false, None, Some(_)) => Some(la),
            (false, _, None) => Some(ra),
        };
        let topic = match moving {
            Some(at) if at == la => rtopic.to_owned(),
            _ => ltopic.to_owned(),
        };
        if let Some(a) = shared_point(dispute, la, ra) {
            return Err(EditError::Already(format!(
                "`{left}` and `{right}` already share the point `{a}`; nothing to do"
            )));
        }
        let (point, to_mark, new_point) = match (lp, rp) {
            (Some(a), Some(b)) => {
                return Err(EditError::Refused(format!(
                    "`{left}` answers point `{a}` (topic `{ltopic}`) and `{right}` point `{b}` (topic `{rtopic}`); change one of them by hand"
                )));
            }
            (Some(a), None) => (a, vec![ra], false),
            (None, Some(b)) => (b, vec![la], false),
            (None, None) => match question.and_then(|q| point_asking(dispute, &topic, q)) {
                // A point of the topic already asks this question: join it.
                Some(p) => (p, vec![la, ra], false),
                None => (new_point_id(dispute, &topic, question), vec![la, ra], true),
            },
        };
        let question = question.unwrap_or(DEFAULT_QUESTION).to_owned();
        let mut writes: Vec<Write> = Vec::new();
        for at in to_mark {
            let file = self
                .sides
                .get(at.side())
                .ok_or_else(|| EditError::Load("a side file was not read".to_owned()))?;
            let (previous, text) = planned(&writes, file);
            // A `"point": null` there (the format reads it as absent) takes the point.
            let after = json::set_property(&text, &claim_path(at), "id", "point", &json!(point))
                .map_err(|e| EditError::Invalid(file.path.display().to_string(), e.to_string()))?;
            plan_write(&mut writes, previous, file, after.into_bytes());
        }
        if let Some(at) = moving {
            writes = self.move_claim(dispute, at, &topic, writes)?;
        }
        // Only a new point goes into the manifest: a point already there, listed or not, is
        // the claims' own, and a manifest made for it would give it the placeholder question.
        let mut unlisted = Vec::new();
        if new_point {
            let (write, left_out) = self.manifest_write(dispute, &topic, &point, &question)?;
            writes.push(write);
            unlisted = left_out;
        }
        let loaded = self.load(Some(&writes)).map_err(|e| {
            EditError::Invalid(
                writes
                    .iter()
                    .map(|w| w.path.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                e.to_string(),
            )
        })?;
        let shared = |id: &str| {
            loaded
                .find_claim(id)
                .and_then(|at| loaded.claim(at))
                .and_then(|c| c.point.as_deref().map(str::to_owned))
        };
        let topic_of = |id: &str| loaded.find_claim(id).map(|at| loaded.ids(at).1.to_owned());
        if shared(left).as_deref() != Some(point.as_str())
            || shared(right) != shared(left)
            || topic_of(left) != topic_of(right)
        {
            return Err(EditError::Invalid(
                "the side files".to_owned(),
                "the claims do not share the point after the change".to_owned(),
            ));
        }
        Ok(Plan {
            writes,
            point,
            topic,
            new_point,
            moved: moving.map(|at| dispute.ids(at).2.to_owned()),
            unlisted,
        })
    }

    /// The writes with the claim at `at` (its point already given) moved to the end of topic
    /// `topic` in its side file, the topic added to the file (with the title the other sides
    /// give it) when the file lacks it.
    fn move_claim(
        &self,
        dispute: &Dispute,
        at: ClaimAt,
        topic: &str,
        mut writes: Vec<Write>,
    ) -> Result<Vec<Write>, EditError> {
        let file = self
            .sides
            .get(at.side())
            .ok_or_else(|| EditError::Load("a side file was not read".to_owned()))?;
        let invalid = |e: json::JsonEditError| {
            EditError::Invalid(file.path.display().to_string(), e.to_string())
        };
        let (previous, mut text) = planned(&writes, file);
        let side = dispute
            .sides
            .get(at.side())
            .ok_or_else(|| EditError::Load("a side file was not read".to_owned()))?;
        let target = match side.topics.iter().position(|t| t.id == topic) {
            Some(k) => k,
            None => {
                let title = dispute
                    .manifest_topic(topic)
                    .map(|t| t.title.clone())
                    .or_else(|| side_title(dispute, topic))
                    .unwrap_or_else(|| topic.to_owned());
                // Its keys in the order the format shows them: id, title, claims.
                #[derive(serde::Serialize)]
                struct NewTopic<'a> {
                    id: &'a str,
                    title: &'a str,
                    claims: [serde_json::Value; 0],
                }
                let new_topic = NewTopic {
                    id: topic,
                    title: &title,
                    claims: [],
                };
                text = json::append_element(&text, &[Step::Key("topics")], &new_topic)
                    .map_err(invalid)?;
                side.topics.len()
            }
        };
        let from = claim_path(at);
        let to = [
            Step::Key("topics"),
            Step::Index(target),
            Step::Key("claims"),
        ];
        let after = json::move_element(&text, &from, &to).map_err(invalid)?;
        plan_write(&mut writes, previous, file, after.into_bytes());
        Ok(writes)
    }

    /// The manifest's change: the point (with its question) added under its topic; the topic
    /// added when the manifest lacks it; a new manifest listing the sides when there is none,
    /// with the points it leaves out (see [`Plan::unlisted`]).
    fn manifest_write(
        &self,
        dispute: &Dispute,
        topic: &str,
        point: &str,
        question: &str,
    ) -> Result<(Write, Vec<String>), EditError> {
        let entry = Point {
            id: point.to_owned(),
            question: Some(question.to_owned()),
        };
        let Some(file) = &self.manifest else {
            let named: Vec<PathBuf> = self.sides.iter().map(|f| f.path.clone()).collect();
            if let Some(refused) = manifest_left_out(&self.folder, &named) {
                return Err(refused);
            }
            return Ok(self.new_manifest(dispute, topic, entry));
        };
        let text = String::from_utf8_lossy(&file.bytes).into_owned();
        let invalid = |e: json::JsonEditError| {
            EditError::Invalid(file.path.display().to_string(), e.to_string())
        };
        let after = match dispute.manifest_topics.iter().position(|t| t.id == topic) {
            Some(k) => {
                let topic_path = [Step::Key("topics"), Step::Index(k)];
                // A list there gets the point; a `"points": null` (read as absent), or none,
                // becomes a list of it.
                if has_list(&text, &topic_path, "points") {
                    let path = [Step::Key("topics"), Step::Index(k), Step::Key("points")];
                    json::append_element(&text, &path, &entry).map_err(invalid)?
                } else {
                    json::set_property(&text, &topic_path, "", "points", &[entry])
                        .map_err(invalid)?
                }
            }
            None => {
                // Its keys in the format's order (id, title, points), as its neighbours have them.
                let new_topic = ManifestTopic {
                    id: topic.to_owned(),
                    title: neutral_title(dispute, topic),
                    summary: None,
                    points: vec![entry],
                };
                // A manifest may leave `topics` out (or null): it becomes a list of the topic.
                if has_list(&text, &[], "topics") {
                    json::append_element(&text, &[Step::Key("topics")], &new_topic)
                        .map_err(invalid)?
                } else {
                    json::set_property(&text, &[], "", "topics", &[new_topic]).map_err(invalid)?
                }
            }
        };
        let write = Write {
            path: file.path.clone(),
            before: Some(file.bytes.clone()),
            after: after.into_bytes(),
        };
        Ok((write, Vec::new()))
    }

    /// A manifest for side files that have none: it lists them and names every topic they use,
    /// with the new point and its question; and the points the sides use already, which it
    /// leaves out (it has no question to give them), as `topic/point` in first appearance.
    fn new_manifest(&self, dispute: &Dispute, topic: &str, entry: Point) -> (Write, Vec<String>) {
        let mut topics: Vec<ManifestTopic> = Vec::new();
        let mut seen: foldhash::HashSet<&str> = foldhash::HashSet::default();
        let mut points: foldhash::HashSet<(&str, &str)> = foldhash::HashSet::default();
        let mut unlisted: Vec<String> = Vec::new();
        for side in &dispute.sides {
            for t in &side.topics {
                for p in t.claims.iter().filter_map(|c| c.point.as_deref()) {
                    if points.insert((&t.id, p)) {
                        unlisted.push(format!("{}/{p}", t.id));
                    }
                }
                if !seen.insert(&t.id) {
                    continue;
                }
                let mut points = Vec::new();
                if t.id == topic {
                    points.push(entry.clone());
                }
                topics.push(ManifestTopic {
                    id: t.id.to_string(),
                    title: neutral_title(dispute, &t.id),
                    summary: None,
                    points,
                });
            }
        }
        let sides: Vec<String> = self
            .sides
            .iter()
            .map(|s| {
                s.path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
            })
            .collect();
        // The format's own type: its keys in the format's order (format, dispute, sides,
        // topics), as `parallax new` writes them.
        let manifest = Manifest {
            format: crate::format::FORMAT.to_owned(),
            dispute: DisputeInfo {
                id: dispute.id.to_string(),
                title: Some(dispute.title.to_string()),
                summary: None,
                period: None,
            },
            sides: Some(sides),
            topics,
        };
        let mut after = serde_json::to_vec_pretty(&manifest).unwrap_or_default();
        after.push(b'\n');
        let write = Write {
            path: self.folder.join(MANIFEST),
            before: None,
            after,
        };
        (write, unlisted)
    }
}

/// Writes a plan: first checks that no file changed on disk since it was read (and that a new
/// file still does not exist), then replaces each file atomically.
/// `_held` is the lock of the dispute's folder ([`lock::FolderLock`]), held from before the
/// files were read or checked until now, so no other parallax writes in between.
pub fn commit(plan: &Plan, _held: &lock::FolderLock) -> Result<(), EditError> {
    let unchanged = || -> Result<(), EditError> {
        for w in &plan.writes {
            unchanged_since_read(w)?;
        }
        Ok(())
    };
    unchanged()?;
    // A new manifest still names every side file of its folder (one may have come since).
    for w in plan.writes.iter().filter(|w| w.before.is_none()) {
        if let (Some(folder), Some(sides)) = (w.path.parent(), crate::load::listed_sides(&w.after))
        {
            let folder = if folder.as_os_str().is_empty() {
                Path::new(".")
            } else {
                folder
            };
            if let Some(refused) = sides_left_out(folder, &sides) {
                return Err(refused);
            }
        }
    }
    // Every target is checked before any is written (a read-only side file, a folder gone), so
    // a plan is not left half done.
    for w in &plan.writes {
        crate::export::check_target(&w.path, w.before.is_some())
            .map_err(|e| write_error(&w.path, e))?;
    }
    // Each new file is written in full beside its target first; the targets are checked once
    // more, then the renames follow at once: an editor's save landing while megabytes were
    // written is caught, and the time left between the last check and the renames is a few
    // milliseconds.
    let mut prepared = Vec::with_capacity(plan.writes.len());
    for w in &plan.writes {
        let p = crate::export::prepare_bytes(&w.path, &w.after, w.before.is_some())
            .map_err(|e| write_error(&w.path, e))?;
        prepared.push((w, p));
    }
    unchanged()?;
    // A rename can still be refused after others were done (a shared folder with the sticky bit
    // lets only a file's owner replace it): those done are put back, so a plan is never left
    // half done.
    let mut done: Vec<&Write> = Vec::with_capacity(prepared.len());
    for (w, p) in prepared {
        if let Err(e) = p.persist() {
            return Err(put_back(&done, w, e));
        }
        done.push(w);
    }
    Ok(())
}

/// True when the folder of the file `path` replaces (through a link, its target's) has the
/// sticky bit, which lets only a file's owner replace it.
fn in_sticky_folder(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let folder = crate::export::folder_of(&crate::export::through_link(path));
        std::fs::metadata(folder).is_ok_and(|m| m.permissions().mode() & 0o1000 != 0)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Undoes the renames of `done` after `failed` could not be renamed (with `e`): each replaced
/// file gets its bytes back, each new one goes. The error says what could not be put back.
fn put_back(done: &[&Write], failed: &Write, e: crate::export::ExportError) -> EditError {
    let reason = match e {
        crate::export::ExportError::PermissionDenied { path } if in_sticky_folder(&failed.path) => {
            format!(
                "cannot replace {path}: the system refused the rename (a shared folder with the sticky bit lets only a file's owner replace it); ask its owner, or work on a copy of the dispute"
            )
        }
        // Not the folder, whose mode was checked: the file's own attributes (`chattr +a`).
        crate::export::ExportError::PermissionDenied { path } => format!(
            "cannot replace {path}: the system refused the rename, so the file is likely append-only or immutable (`lsattr` shows an `a` or an `i`), which no one may replace; ask whoever set it to lift it (`chattr -a`), or work on a copy of the dispute"
        ),
        other => write_error(&failed.path, other).to_string(),
    };
    let kept: Vec<String> = done
        .iter()
        .rev()
        .filter(|w| {
            let undone = match &w.before {
                Some(before) => write_atomic(&w.path, before, true).is_ok(),
                None => std::fs::remove_file(&w.path).is_ok(),
            };
            !undone
        })
        .map(|w| w.path.display().to_string())
        .collect();
    if kept.is_empty() {
        EditError::Write(reason)
    } else {
        EditError::Write(format!(
            "{reason}; {} could not be put back as it was and holds the change",
            kept.join(", ")
        ))
    }
}

/// Fails with [`EditError::Changed`] when the file of `w` is no longer as it was read (or, for
/// a new file, now exists).
fn unchanged_since_read(w: &Write) -> Result<(), EditError> {
    let name = w.path.display().to_string();
    // Read by the loader's rule (a pipe swapped in is refused, not read forever), and no
    // further than the bytes it had: a file that grew has changed.
    let limit = w
        .before
        .as_ref()
        .map_or(crate::load::DEFAULT_MAX_FILE, |b| b.len() as u64);
    match (&w.before, crate::load::read_regular(&w.path, limit)) {
        (Some(before), Ok(now)) if &now == before => Ok(()),
        (None, Err(e)) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        (None, _) => Err(EditError::Changed(format!("{name} (it now exists)"))),
        (Some(_), Ok(_)) => Err(EditError::Changed(name)),
        (Some(_), Err(e)) if e.kind() == std::io::ErrorKind::FileTooLarge => {
            Err(EditError::Changed(name))
        }
        (Some(_), Err(e)) => Err(EditError::Io(name, e)),
    }
}

/// Writes a file atomically, through the one atomic writer (`export::write`): a temporary file
/// in the same folder, then a rename. `replace: false` refuses a file that exists.
pub fn write_atomic(path: &Path, bytes: &[u8], replace: bool) -> Result<(), EditError> {
    crate::export::write_file(path, bytes, replace).map_err(|e| write_error(path, e))
}

fn write_error(path: &Path, e: crate::export::ExportError) -> EditError {
    match e {
        crate::export::ExportError::Exists { .. } => {
            EditError::Changed(format!("{} (it now exists)", path.display()))
        }
        crate::export::ExportError::ReadOnly { path } => EditError::Write(format!(
            "{path} is read-only: make it writable (chmod u+w) and try again"
        )),
        crate::export::ExportError::NotPermitted { path } => EditError::Write(format!(
            "{path} may not be written by you (it is another user's, or immutable): ask its owner, or work on a copy of the dispute"
        )),
        // The file is writable (a read-only one is said above): its folder is not, and the
        // file is replaced through a new one written beside it.
        crate::export::ExportError::PermissionDenied { path: shown } => {
            let written = crate::export::through_link(path);
            let folder = crate::export::shown_path(&crate::export::folder_of(&written));
            // A file not there yet would be made in the folder, not replaced.
            let how = if path.symlink_metadata().is_ok() {
                "the file is replaced through a new file written beside it"
            } else {
                "the file would be made there"
            };
            EditError::Write(format!(
                "cannot write {shown}: its folder {folder} may not be written, and {how}; make the folder writable (chmod u+w {folder}, or ask its owner) and try again"
            ))
        }
        other => EditError::Write(other.to_string()),
    }
}

/// The error for a claim id the dispute does not hold, naming the id meant when one is at most
/// two typos away (a letter dropped, doubled, changed or two swapped: `pk-aircraft-six-as-fcat`).
/// `other`, the id named beside it, is of one party: an id of another party is meant before one
/// of that party, which the pair would be refused for next (`A-PEOPLE` beside `a-karvani`
/// meant `b-people`, not `a-people`). Past 200,000 claims none is looked for: comparing the id
/// with each would take seconds.
pub fn unknown_claim(dispute: &Dispute, id: &str, other: &str) -> EditError {
    const MOST: usize = 2;
    let beside = dispute.find_claim(other).map(|at| at.side());
    let meant = (id.len() <= crate::format::ID_MAX && dispute.claims_in_all() <= 200_000)
        .then(|| {
            let id = id.to_lowercase();
            dispute
                .claims()
                .map(|(at, c)| (at.side(), c.id.as_str()))
                .filter(|(_, c)| c.len().abs_diff(id.len()) <= MOST)
                .map(|(side, c)| (strsim::osa_distance(&id, c), Some(side) == beside, c))
                // None away is the id in other case (`A3` for `a3`): the one meant.
                .filter(|&(d, _, c)| d <= if c.len() <= 8 { 1 } else { MOST })
                .min_by_key(|&(d, same, _)| (same, d))
                .map(|(_, same, c)| {
                    // Said so, when only an id of the other's party is near: the pair would be
                    // refused for it next.
                    let party = if same {
                        format!(
                            ", a claim of the same party as `{}` (a pair needs one of each)",
                            crate::text::quote(other)
                        )
                    } else {
                        String::new()
                    };
                    format!("; did you mean `{c}`{party}?")
                })
        })
        .flatten();
    EditError::UnknownClaim(crate::text::quote(id), meant.unwrap_or_default())
}

/// Side files named one by one leave out the manifest beside them in `folder` (made by an earlier
/// link, say): it would not be read, and a new one cannot replace it. The refusal, when there
/// is one; the screen says it before a question is typed.
pub fn manifest_left_out(folder: &Path, named: &[PathBuf]) -> Option<EditError> {
    let beside = folder.join(MANIFEST);
    if beside.symlink_metadata().is_err() {
        let names: Vec<String> = named.iter().filter_map(|p| file_name(p)).collect();
        return sides_left_out(folder, &names);
    }
    Some(EditError::Refused(format!(
        "{} exists beside the side files, but side files named one by one are read without it, \
         so the new point cannot go into it: list these side files in its `sides` if they are \
         not, then open the folder (`parallax link LEFT RIGHT {}`, or the screen on the folder)",
        beside.display(),
        folder.display()
    )))
}

/// A manifest made for the side files `named` (file names) would leave out the folder's other
/// side files: a read of the folder takes every side file, one through a manifest only those it
/// lists, so writing it would drop them from the dispute without a word. The refusal, when so.
fn sides_left_out(folder: &Path, named: &[String]) -> Option<EditError> {
    let others: Vec<String> = crate::load::folder_sides(folder)
        .iter()
        .filter_map(|p| file_name(p))
        .filter(|n| !named.contains(n))
        .collect();
    let first = others.first()?;
    let more = match others.len() {
        1 => String::new(),
        n => format!(" and {} more", n - 1),
    };
    Some(EditError::Refused(format!(
        "{} holds side files not opened with these ({first}{more}); a manifest listing only \
         these would leave them out of the dispute the folder holds, so none is made: open the \
         folder (`parallax link LEFT RIGHT {}`, or the screen on the folder), or move them away",
        folder.display(),
        folder.display()
    )))
}

fn file_name(path: &Path) -> Option<String> {
    path.file_name().map(|n| n.to_string_lossy().into_owned())
}

/// The folder of the dispute at `paths`, where files beside it (the dismissals) live: a folder
/// given, or the folder of the first file. `None` for the bundled dispute. A path that is not
/// there (a folder deleted while the screen shows it) is a folder unless it is named as the
/// dispute's files are (`*.json`): its parent would take the dismissals of another dispute.
pub fn folder_of(paths: &[PathBuf]) -> Option<PathBuf> {
    let first = paths.first()?;
    let file = match first.symlink_metadata() {
        Ok(_) => !first.is_dir(),
        Err(_) => first
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json")),
    };
    Some(if file { parent(first) } else { first.clone() })
}

fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn same_folder(a: &Path, b: &Path) -> bool {
    a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

/// True when the object at `path` has the property `key` holding a list (even an empty one);
/// false when it is absent or `null`, which the format reads alike.
fn has_list(text: &str, path: &[Step], key: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(value) = serde_json::from_str::<serde_json::Value>(text).ok() else {
        return false;
    };
    let mut node = &value;
    for step in path {
        node = match step {
            Step::Key(k) => match node.get(k) {
                Some(n) => n,
                None => return false,
            },
            Step::Index(i) => match node.get(i) {
                Some(n) => n,
                None => return false,
            },
        };
    }
    node.get(key).is_some_and(serde_json::Value::is_array)
}

/// A neutral title for a topic the manifest does not name: the title every side gives it when
/// they agree, else its id (one side's framing is not neutral; the analyst writes the title).
fn neutral_title(dispute: &Dispute, topic: &str) -> String {
    let mut titles = dispute
        .sides
        .iter()
        .flat_map(|s| &s.topics)
        .filter(|t| t.id == topic)
        .map(|t| t.title.as_str());
    match titles.next() {
        Some(first) if titles.all(|t| t == first) => first.to_owned(),
        _ => topic.to_owned(),
    }
}

fn side_title(dispute: &Dispute, topic: &str) -> Option<String> {
    dispute
        .sides
        .iter()
        .flat_map(|s| &s.topics)
        .find(|t| t.id == topic)
        .map(|t| t.title.clone())
}

/// What a load's errors of the files at `paths` say, in short.
fn load_failure(report: &crate::load::Report, paths: &[PathBuf]) -> String {
    let first = report
        .diagnostics
        .iter()
        .find(|d| d.is_error())
        .map(|d| d.to_string())
        .unwrap_or_else(|| "fewer than two sides loaded".to_owned());
    // One side file named alone: the error says what to name; `validate` would pass the file.
    if report.lacks_only_sides() {
        return format!("{first}; nothing was written");
    }
    format!(
        "the files do not load cleanly ({} error(s); first: {first}); run `{}` and fix them first",
        report.errors(),
        crate::load::validate_command(paths)
    )
}

/// The point of a topic whose manifest question is `question` (ignoring surrounding space).
/// None for the placeholder question: each pair accepted with it gets a point of its own.
pub fn point_asking(dispute: &Dispute, topic: &str, question: &str) -> Option<String> {
    if is_placeholder(question) {
        return None;
    }
    dispute
        .manifest_topic(topic)?
        .points
        .iter()
        .find(|p| {
            p.question
                .as_deref()
                .is_some_and(|q| same_question(q, question))
        })
        .map(|p| p.id.clone())
}

/// True when a point of `topic` asks the placeholder question already: a second pair accepted
/// with it unchanged would stand under the same words as a point of its own.
pub fn placeholder_asked(dispute: &Dispute, topic: &str) -> bool {
    dispute.manifest_topic(topic).is_some_and(|t| {
        t.points
            .iter()
            .any(|p| p.question.as_deref().is_some_and(is_placeholder))
    })
}

pub use crate::matching::{is_placeholder, same_question};

pub use crate::matching::DEFAULT_QUESTION;

/// True for a question that holds no letter or digit (empty, `?`, `...`): it asks nothing, so
/// no point is made of it (`link --question "?"` made the point `TOPIC-point` asking "?").
pub fn asks_nothing(question: &str) -> bool {
    !question.chars().any(char::is_alphanumeric)
}

/// The point two claims share, when both answer it in one topic: they are linked already, so
/// there is nothing to link or to dismiss.
pub fn shared_point(
    dispute: &Dispute,
    a: crate::format::ClaimAt,
    b: crate::format::ClaimAt,
) -> Option<&str> {
    let point = |at| dispute.claim(at).and_then(|c| c.point.as_deref());
    let (pa, pb) = (point(a)?, point(b)?);
    (pa == pb && dispute.ids(a).1 == dispute.ids(b).1).then_some(pa)
}

/// A new point id for a topic: the question's first four words that carry meaning (not
/// function words such as "did", "the", "in": `Did the UN tax oil?` gives `un-tax-oil`), else
/// the topic's id and `point`; unique in the topic.
pub fn new_point_id(dispute: &Dispute, topic: &str, question: Option<&str>) -> String {
    // The placeholder question names nothing: its point is named after the topic.
    // Letters beyond ASCII spelled in it first, as for every id made from text (`Über Ärger`
    // gives `uber-arger`).
    let spelled = crate::create::make_id(
        question.filter(|q| !is_placeholder(q)).unwrap_or(""),
        usize::MAX,
    );
    let words: Vec<&str> = spelled
        .split('-')
        .filter(|w| w.len() > 1 && !crate::matching::is_function_word(w))
        .take(4)
        .collect();
    let base = if words.is_empty() {
        format!("{topic}-point")
    } else {
        words.join("-")
    };
    let mut base = base;
    base.truncate(100);
    let taken = |id: &str| {
        dispute
            .manifest_topic(topic)
            .is_some_and(|t| t.points.iter().any(|p| p.id == id))
            || dispute
                .sides
                .iter()
                .flat_map(|s| &s.topics)
                .filter(|t| t.id == topic)
                .flat_map(|t| &t.claims)
                .any(|c| c.point.as_deref() == Some(id))
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) || !is_id(&id) {
        id = format!("{base}-{n}");
        n += 1;
        if n > 10_000 {
            break;
        }
    }
    id
}

/// Where a claim sits in its side file, as a path of JSON steps.
fn claim_path(at: ClaimAt) -> [Step<'static>; 4] {
    [
        Step::Key("topics"),
        Step::Index(at.topic()),
        Step::Key("claims"),
        Step::Index(at.claim()),
    ]
}

/// A file's text as planned so far (its pending write's, or as read), and that write's place.
fn planned(writes: &[Write], file: &FileCopy) -> (Option<usize>, String) {
    let i = writes.iter().position(|w| w.path == file.path);
    let bytes = i
        .and_then(|i| writes.get(i))
        .map_or(&file.bytes, |w| &w.after);
    (i, String::from_utf8_lossy(bytes).into_owned())
}

/// Plans `after` as a file's new bytes: in its pending write at `i`, or as a new write.
fn plan_write(writes: &mut Vec<Write>, i: Option<usize>, file: &FileCopy, after: Vec<u8>) {
    match i.and_then(|i| writes.get_mut(i)) {
        Some(w) => w.after = after,
        None => writes.push(Write {
            path: file.path.clone(),
            before: Some(file.bytes.clone()),
            after,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A dispute folder deleted while the screen shows it is still the folder: its parent
    /// took the dismissals pressed then, beside another dispute, and kept them after the
    /// folder was put back.
    #[test]
    fn the_folder_of_a_folder_gone_is_itself() {
        let dir = tempfile::tempdir().expect("a folder");
        let gone = dir.path().join("river");
        assert_eq!(folder_of(std::slice::from_ref(&gone)), Some(gone.clone()));
        let side = gone.join("alpha.json");
        assert_eq!(folder_of(&[side]), Some(gone));
        let here = dir.path().join("north.json");
        std::fs::write(&here, "{}").expect("written");
        assert_eq!(folder_of(&[here]), Some(dir.path().to_path_buf()));
        assert_eq!(
            folder_of(&[dir.path().to_path_buf()]),
            Some(dir.path().to_path_buf())
        );
    }

    #[test]
    fn a_folder_that_may_not_be_written_is_named_with_what_to_do() {
        let path = Path::new("disputes/river/alpha.json");
        let said = write_error(
            path,
            crate::export::ExportError::PermissionDenied {
                path: crate::export::shown_path(path),
            },
        )
        .to_string();
        assert!(
            said.contains("its folder disputes/river may not be written")
                && said.contains("chmod u+w disputes/river"),
            "{said}"
        );
        assert!(!said.contains("choose a folder"), "{said}");
    }
}
