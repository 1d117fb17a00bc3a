//! Dismissed suggestions, remembered in `.parallax-dismissed.json` beside the dispute so they do
//! not come back:
//!
//! ```json
//! {"format": "parallax-dismissed/1",
//!  "dismissed": [{"left": "claim-a", "right": "claim-b", "point": null}]}
//! ```
//!
//! Each entry is one suggestion the analyst dismissed: a pair of claims, and the point row when
//! the suggestion was to join one. A pair is dismissed in either order.

use super::EditError;
use crate::matching::Options;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The file's name, in the dispute's folder.
pub const FILE: &str = crate::format::DISMISSALS_FILE;

/// How many times a dismissal is appended again to a file that changed while it was written.
const TRIES: usize = 5;

/// The format string of the file.
pub const FORMAT: &str = "parallax-dismissed/1";

/// One dismissed suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The left claim's id.
    pub left: String,
    /// The right claim's id.
    pub right: String,
    /// The point row the left claim would have joined, when the suggestion was to join one.
    #[serde(default)]
    pub point: Option<String>,
    /// The topic of that point row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
struct File {
    format: String,
    #[serde(default)]
    dismissed: Vec<Entry>,
}

/// The dismissals of one dispute folder.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dismissed {
    /// Where they are kept; `None` for the bundled dispute (kept for this session only).
    pub path: Option<PathBuf>,
    /// The entries, oldest first.
    pub entries: Vec<Entry>,
}

impl Entry {
    /// True when `other` dismisses the same suggestion: the same pair in either order, or the
    /// same claim joining the same point row.
    pub fn same(&self, other: &Entry) -> bool {
        match (&self.point, &other.point) {
            (None, None) => {
                (self.left == other.left && self.right == other.right)
                    || (self.left == other.right && self.right == other.left)
            }
            (Some(a), Some(b)) => a == b && self.left == other.left && self.topic == other.topic,
            _ => false,
        }
    }
}

impl Dismissed {
    /// True when the suggestion `entry` dismisses is dismissed already.
    pub fn holds(&self, entry: &Entry) -> bool {
        self.entries.iter().any(|e| e.same(entry))
    }

    /// Reads the dismissals kept in `folder` (none when the file does not exist).
    pub fn read(folder: &Path) -> Result<Dismissed, EditError> {
        let path = folder.join(FILE);
        let entries = read_file(&path)?
            .map(|(_, f)| f.dismissed)
            .unwrap_or_default();
        Ok(Dismissed {
            path: Some(path),
            entries,
        })
    }

    /// The dismissals of `folder` for a screen: as [`Dismissed::read`] reads them; or, when the
    /// file does not read, none in force and why, the file's place kept so that a dismissal is
    /// refused with that reason rather than kept nowhere.
    pub fn open(folder: &Path) -> (Dismissed, Option<EditError>) {
        match Dismissed::read(folder) {
            Ok(d) => (d, None),
            Err(e) => (
                Dismissed {
                    path: Some(folder.join(FILE)),
                    entries: Vec::new(),
                },
                Some(e),
            ),
        }
    }

    /// Adds an entry and saves it (atomically), when there is a file. The entry is appended to
    /// the file as it is on disk now: every other line stays as it is (fields this program
    /// does not know included), and a dismissal another window made since is kept.
    /// `patient`: wait for another parallax writing in the folder (see [`super::lock`]).
    pub fn add(&mut self, entry: Entry, patient: bool) -> Result<(), EditError> {
        if self.holds(&entry) {
            return Ok(());
        }
        let Some(path) = self.path.clone() else {
            self.entries.push(entry);
            return Ok(());
        };
        // Another parallax adding one now waits: each reads the file as the other left it.
        let _held = match path.parent() {
            Some(folder) => Some(super::lock::FolderLock::take(folder, patient)?),
            None => None,
        };
        // A file changed by hand (or by an editor) while the new one was written is read
        // again and the entry appended to it; after a few tries, nothing is written.
        for _ in 0..TRIES {
            if let Some(back) = self.save(&path, plan(&path, &entry)?)? {
                self.entries = back;
                return Ok(());
            }
        }
        Err(EditError::Changed(path.display().to_string()))
    }

    /// Takes a dismissal back (undo): every entry that dismisses the same suggestion is removed
    /// from the file as it is on disk now, atomically, every other line left as it is. Nothing
    /// is written when the file holds none (deleted there since): then `false`.
    pub fn remove(&mut self, entry: &Entry, patient: bool) -> Result<bool, EditError> {
        let Some(path) = self.path.clone() else {
            let before = self.entries.len();
            self.entries.retain(|e| !e.same(entry));
            return Ok(self.entries.len() < before);
        };
        let _held = match path.parent() {
            Some(folder) => Some(super::lock::FolderLock::take(folder, patient)?),
            None => None,
        };
        for _ in 0..TRIES {
            let planned = plan_removal(&path, entry)?;
            let removed = matches!(planned, Planned::Write { .. } | Planned::Delete { .. });
            if let Some(back) = self.save(&path, planned)? {
                self.entries = back;
                return Ok(removed);
            }
        }
        Err(EditError::Changed(path.display().to_string()))
    }

    /// What taking `entry` back would write, without writing: the file's path, its bytes now
    /// and after, and whether the file would go instead (it holds nothing else, and was made so
    /// by a dismissal). `None` when nothing would be written (the file holds no such entry).
    pub fn preview_removal(
        &self,
        entry: &Entry,
    ) -> Result<Option<(super::Write, bool)>, EditError> {
        let Some(path) = self.path.as_deref() else {
            return Ok(None);
        };
        Ok(match plan_removal(path, entry)? {
            Planned::Held(_) => None,
            Planned::Delete { read } => Some((
                super::Write {
                    path: path.to_owned(),
                    before: Some(read.0),
                    after: Vec::new(),
                },
                true,
            )),
            Planned::Write { read, bytes, .. } => Some((
                super::Write {
                    path: path.to_owned(),
                    before: read.map(|(text, _)| text),
                    after: bytes,
                },
                false,
            )),
        })
    }

    /// What adding `entry` would write, without writing: the file's path, its bytes now
    /// (`None`: no file yet) and after. `None` when nothing would be written (the entry is
    /// held already, or the dismissals live in memory only).
    pub fn preview(&self, entry: &Entry) -> Result<Option<super::Write>, EditError> {
        let Some(path) = self.path.as_deref() else {
            return Ok(None);
        };
        Ok(match plan(path, entry)? {
            Planned::Held(_) | Planned::Delete { .. } => None,
            Planned::Write { read, bytes, .. } => Some(super::Write {
                path: path.to_owned(),
                before: read.map(|(text, _)| text),
                after: bytes,
            }),
        })
    }

    /// Writes what was planned over the file at `path`: the entries after, or `None` when the
    /// file changed on disk while the new one was being written (nothing was written then).
    fn save(&self, path: &Path, planned: Planned) -> Result<Option<Vec<Entry>>, EditError> {
        let (read, bytes, back) = match planned {
            Planned::Held(now) => return Ok(Some(now)),
            Planned::Write { read, bytes, back } => (read, bytes, back),
            Planned::Delete { read: (was, _) } => {
                // A file (or folder) its owner made read-only is not deleted either.
                crate::export::check_target(path, true).map_err(|e| super::write_error(path, e))?;
                return match crate::load::read_regular(path, crate::load::DEFAULT_MAX_FILE) {
                    Ok(now) if now == was => std::fs::remove_file(path)
                        .map(|()| Some(Vec::new()))
                        .map_err(|e| EditError::Io(path.display().to_string(), e)),
                    Ok(_) => Ok(None),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                    Err(e) => Err(EditError::Io(path.display().to_string(), e)),
                };
            }
        };
        let replace = read.is_some();
        let prepared = crate::export::prepare_bytes(path, &bytes, replace)
            .map_err(|e| super::write_error(path, e))?;
        // Checked again right before the rename: the file is still as it was read.
        let still = match crate::load::read_regular(path, crate::load::DEFAULT_MAX_FILE) {
            Ok(now) => read.as_ref().is_some_and(|(was, _)| *was == now),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => read.is_none(),
            Err(e) => return Err(EditError::Io(path.display().to_string(), e)),
        };
        if !still {
            return Ok(None);
        }
        prepared
            .persist()
            .map_err(|e| super::write_error(path, e))?;
        Ok(Some(back.dismissed))
    }

    /// Puts the dismissals into the matcher's options.
    pub fn apply(&self, opts: &mut Options) {
        for e in &self.entries {
            match (&e.point, &e.topic) {
                (Some(point), Some(topic)) => {
                    opts.dismissed_rows
                        .insert((e.left.clone(), topic.clone(), point.clone()));
                }
                _ => {
                    opts.dismissed_pairs
                        .insert((e.left.clone(), e.right.clone()));
                }
            }
        }
    }
}

/// The dismissals file at `path`, its bytes and what they hold; `None` when it does not exist.
fn read_file(path: &Path) -> Result<Option<(Vec<u8>, File)>, EditError> {
    let name = path.display().to_string();
    // Read and written only inside the folder, as its side files are: a link out of it would
    // have dismissals written to a file elsewhere.
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if let Some(target) = crate::load::link_out_of(folder, path) {
        return Err(EditError::Refused(format!(
            "{name} is a link to {}, outside the dispute folder; the dismissals are kept only \
             inside it: replace the link with the file itself",
            crate::text::quote(&target.display().to_string())
        )));
    }
    let bytes = match crate::load::read_regular(path, crate::load::DEFAULT_MAX_FILE) {
        Ok(b) => b,
        // A link to nothing is not a missing file: writing a new one would replace the link.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && path.is_symlink() => {
            return Err(EditError::Refused(format!(
                "{name} is a link to a file that does not exist ({}); remove the link or \
                 restore its file",
                std::fs::read_link(path)
                    .map(|t| crate::text::clean(&t.display().to_string()).text)
                    .unwrap_or_default()
            )));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(EditError::Io(name, e)),
    };
    // A byte order mark (Windows Notepad) is skipped, as the loader skips it.
    let json = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    let file: File = serde_json::from_slice(json).map_err(|e| {
        // serde's own words name Rust's types ("expected struct File"): said in the file's.
        let text = String::from_utf8_lossy(json);
        let (line, column) = (
            e.line(),
            crate::load::char_column(&text, e.line(), e.column()),
        );
        let why = match e.classify() {
            // serde's words for what is wrong, without its own place (said in characters).
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                let said = e.to_string();
                let said = said
                    .rsplit_once(" at line ")
                    .map_or(said.as_str(), |(s, _)| s);
                format!("it is not valid JSON ({said})")
            }
            _ => format!(
                "it does not fit its form, {{\"format\": \"{FORMAT}\", \
                 \"dismissed\": [{{\"left\": ID, \"right\": ID}}, …]}}"
            ),
        };
        EditError::Malformed {
            file: name.clone(),
            why,
            line,
            column,
        }
    })?;
    if file.format != FORMAT {
        return Err(EditError::Refused(format!(
            "{name} has format `{}`, expected `{FORMAT}`; fix or delete it",
            crate::text::clean(&file.format).text
        )));
    }
    Ok(Some((bytes, file)))
}

/// The file a first dismissal starts from: the form, with an empty list.
fn fresh() -> String {
    format!("{{\n  \"format\": \"{FORMAT}\",\n  \"dismissed\": []\n}}\n")
}

/// [`fresh`] with one entry appended and taken out again, as the removal leaves it.
fn emptied() -> String {
    let added = super::json::append_element(
        &fresh(),
        &[super::json::Step::Key("dismissed")],
        &serde_json::json!({}),
    );
    added
        .and_then(|text| {
            super::json::remove_element(
                &text,
                &[
                    super::json::Step::Key("dismissed"),
                    super::json::Step::Index(0),
                ],
            )
        })
        .unwrap_or_else(|_| fresh())
}

/// What adding (or removing) an entry means for the file: nothing (it is held already, or not
/// there to remove: the entries as they are), or these bytes to write over the file as read
/// (`read`: its bytes and dismissals).
enum Planned {
    Held(Vec<Entry>),
    /// The file goes (it was made by a dismissal now taken back).
    Delete {
        read: (Vec<u8>, File),
    },
    Write {
        read: Option<(Vec<u8>, File)>,
        bytes: Vec<u8>,
        back: File,
    },
}

/// Reads the file at `path` as it is now and makes its bytes without the entries that dismiss
/// what `entry` dismisses, checked to read back without them. Writes nothing.
fn plan_removal(path: &Path, entry: &Entry) -> Result<Planned, EditError> {
    let Some((bytes, now)) = read_file(path)? else {
        return Ok(Planned::Held(Vec::new()));
    };
    let held: Vec<usize> = now
        .dismissed
        .iter()
        .enumerate()
        .filter(|(_, e)| e.same(entry))
        .map(|(i, _)| i)
        .collect();
    if held.is_empty() {
        return Ok(Planned::Held(now.dismissed));
    }
    use super::json::{Step, remove_element};
    let mut text = String::from_utf8_lossy(&bytes).into_owned();
    // From the last, so the places of those before stay as read.
    for &i in held.iter().rev() {
        text = remove_element(&text, &[Step::Key("dismissed"), Step::Index(i)])
            .map_err(|e| EditError::Invalid(path.display().to_string(), e.to_string()))?;
    }
    let written = text.into_bytes();
    // The last dismissal taken back from a file this program made for it: the file goes, so
    // the folder is as it was before the first `x`.
    if held.len() == now.dismissed.len() && written == emptied().as_bytes() {
        return Ok(Planned::Delete { read: (bytes, now) });
    }
    let json = written
        .strip_prefix("\u{feff}".as_bytes())
        .unwrap_or(&written);
    let back: File = serde_json::from_slice(json)
        .map_err(|e| EditError::Invalid(path.display().to_string(), e.to_string()))?;
    if back.dismissed.iter().any(|e| e.same(entry))
        || back.dismissed.len() + held.len() != now.dismissed.len()
    {
        return Err(EditError::Invalid(
            path.display().to_string(),
            "the dismissal did not come out alone".to_owned(),
        ));
    }
    Ok(Planned::Write {
        read: Some((bytes, now)),
        bytes: written,
        back,
    })
}

/// Reads the file at `path` as it is now and makes its bytes with `entry` appended, checked to
/// read back as the dismissals with this one among them. Writes nothing.
fn plan(path: &Path, entry: &Entry) -> Result<Planned, EditError> {
    let value = serde_json::to_value(entry).unwrap_or_default();
    // The file is read once, as it is now; a new file starts as an empty list.
    let read = read_file(path)?;
    let (text, now) = match &read {
        Some((text, now)) => (
            String::from_utf8_lossy(text).into_owned(),
            now.dismissed.clone(),
        ),
        None => (fresh(), Vec::new()),
    };
    if now.iter().any(|e| e.same(entry)) {
        return Ok(Planned::Held(now));
    }
    use super::json::{Step, append_element, set_property};
    let bytes = append_element(&text, &[Step::Key("dismissed")], &value)
        // A file without the list yet gets it after its format.
        .or_else(|_| set_property(&text, &[], "format", "dismissed", &[&value]))
        .map_err(|e| EditError::Invalid(path.display().to_string(), e.to_string()))?
        .into_bytes();
    // What is written must read back as the dismissals, this one among them.
    let json = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    let back: File = serde_json::from_slice(json)
        .map_err(|e| EditError::Invalid(path.display().to_string(), e.to_string()))?;
    if !back.dismissed.contains(entry) {
        return Err(EditError::Invalid(
            path.display().to_string(),
            "the dismissal did not go in".to_owned(),
        ));
    }
    Ok(Planned::Write { read, bytes, back })
}
