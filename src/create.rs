//! Writing a new dispute folder: the manifest and one side file per party, as `parallax new` and
//! the importers make them. Every file carries `$schema`, so editors check it as it is typed;
//! the files are checked by the loader in memory before anything is written, and no existing
//! file is ever replaced.

use crate::format::{FORMAT, Manifest, Side};
use crate::load::{Loader, MANIFEST, Report};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// The JSON Schema of narrative files, as bundled in the program.
pub const SCHEMA: &str = include_str!("../narratives/schema.json");

/// Where a new dispute keeps its copy of the schema, relative to the folder (a subfolder, so
/// that a folder read without its manifest does not take the schema for a side).
pub const SCHEMA_FILE: &str = "schema/parallax-1.schema.json";

/// Why a dispute folder could not be written.
#[derive(Debug, thiserror::Error)]
pub enum CreateError {
    /// A file the dispute needs is already there.
    #[error(
        "{path} already exists; parallax never replaces an analyst's file. Choose a new folder, or move it away"
    )]
    Exists {
        /// The file, as shown.
        path: String,
    },
    /// The files made do not load cleanly (the problems, one per line).
    #[error("the files made would not load:\n{0}")]
    Invalid(String),
    /// Writing failed.
    #[error(transparent)]
    Write(#[from] crate::export::ExportError),
    /// A party's id would name its side file as the manifest is named.
    #[error(
        "the party `{id}` would be written to {MANIFEST}, the manifest's file; give it another id (rename it in the table; a ClaimReview claimant, with --side NAME=ID) and import again"
    )]
    ManifestName {
        /// The party's id.
        id: String,
    },
    /// The folder holds side files already: a dispute of their own, which a new one would hide.
    #[error(
        "{folder} holds side files already ({files}): a dispute written there would hide them behind its own manifest. Choose a new folder, or move them away"
    )]
    Sides {
        /// The folder, as shown.
        folder: String,
        /// The side files' names.
        files: String,
    },
    /// Where the schema's folder or file goes, something else is.
    #[error(
        "{path} is {what}, where the dispute's copy of the schema goes ({SCHEMA_FILE}); move it away, or choose a new folder"
    )]
    SchemaInTheWay {
        /// The path, as shown.
        path: String,
        /// What is there.
        what: &'static str,
    },
    /// The folder could not be made.
    #[error("cannot create the folder {path}: {reason}")]
    Folder {
        /// The folder, as shown.
        path: String,
        /// What the system said.
        reason: String,
    },
}

/// Why a folder could not be made, and what to do: the system's words (`Permission denied
/// (os error 13)`) only when there is no advice to give.
fn not_made(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
            "permission denied; choose a folder you can write to".to_owned()
        }
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
            "the disk is full; free some space or choose another disk".to_owned()
        }
        _ => e.to_string(),
    }
}

/// A dispute about to be written: its manifest and its sides (each side's `file` is its file
/// name in the folder, and the manifest's `sides` lists them).
#[derive(Debug, Clone)]
pub struct Draft {
    /// The manifest, `dispute.json`.
    pub manifest: Manifest,
    /// The side files, in left-to-right order.
    pub sides: Vec<Side>,
    /// Leave the manifest out when it would add nothing to the side files (an import of a
    /// dispute that had none): see [`Draft::needs_manifest`].
    pub manifest_optional: bool,
}

/// A file with `$schema` first, then the file's own fields.
#[derive(Serialize)]
struct WithSchema<'a, T: Serialize> {
    #[serde(rename = "$schema")]
    schema: &'a str,
    #[serde(flatten)]
    inner: &'a T,
}

pub use crate::format::make_id;

/// The id a dispute folder's name makes (`My Dispute` gives `my-dispute`), the folder resolved
/// first so that `.` is named by its own name; empty when the name makes none.
pub fn id_of_folder(dir: &std::path::Path) -> String {
    let name = dir
        .canonicalize()
        .unwrap_or_else(|_| dir.to_path_buf())
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // A name that is an id once lower-cased stays as it is (`liar_2025`, not `liar-2025`).
    let lower = name.to_ascii_lowercase();
    if crate::format::is_id(&lower) {
        return lower;
    }
    make_id(&name, 128)
}

impl Draft {
    /// A draft with a manifest of this id and title, and no sides yet.
    pub fn new(id: &str, title: &str) -> Draft {
        Draft {
            manifest: Manifest {
                format: FORMAT.to_owned(),
                dispute: crate::format::DisputeInfo {
                    id: id.to_owned(),
                    title: Some(title.to_owned()),
                    summary: None,
                    period: None,
                },
                sides: Some(Vec::new()),
                topics: Vec::new(),
            },
            sides: Vec::new(),
            manifest_optional: false,
        }
    }

    /// Whether the manifest holds anything the side files do not: a title other than the id, a
    /// summary or period, topics (neutral titles, questions), or an order of the sides other than
    /// their file names' (a folder without a manifest reads its sides in name order). Without
    /// one, every topic only the sides name would be warned about as missing from it.
    pub fn needs_manifest(&self) -> bool {
        let m = &self.manifest;
        let in_name_order = self.sides.is_sorted_by(|a, b| a.file <= b.file);
        !self.manifest_optional
            || m.dispute
                .title
                .as_deref()
                .is_some_and(|t| t != m.dispute.id)
            || m.dispute.summary.is_some()
            || m.dispute.period.is_some()
            || !m.topics.is_empty()
            || !in_name_order
    }

    /// The folder's files: relative name and bytes, the manifest first (when
    /// [`Draft::needs_manifest`]).
    pub fn files(&self) -> Vec<(String, Vec<u8>)> {
        self.files_with(self.needs_manifest())
    }

    /// The folder's files, the manifest first when `manifest`.
    fn files_with(&self, manifest_too: bool) -> Vec<(String, Vec<u8>)> {
        let mut manifest = self.manifest.clone();
        manifest.sides = Some(self.sides.iter().map(|s| s.file.clone()).collect());
        let mut files = Vec::new();
        if manifest_too {
            files.push((MANIFEST.to_owned(), json(&manifest)));
        }
        for side in &self.sides {
            files.push((side.file.clone(), json(side)));
        }
        files
    }

    /// Refuses when a side file of the draft is in `dir` already: an import checks it before it
    /// lists the records it could not use, so the refusal is not said after them as if the
    /// import had gone ahead.
    pub fn check_sides_free(&self, dir: &Path) -> Result<(), CreateError> {
        none_exists(dir, self.sides.iter().map(|s| s.file.as_str()))
    }

    /// Loads the files in memory, as `parallax validate` would read them from the folder.
    pub fn check(&self) -> Report {
        let files = self.files();
        let mut loader = Loader::new();
        let refs: Vec<(&str, &[u8], bool)> = files
            .iter()
            .map(|(name, bytes)| (name.as_str(), bytes.as_slice(), name == MANIFEST))
            .collect();
        loader.files(&refs);
        loader.finish().report
    }

    /// Writes the folder `dir` (made if missing): the manifest, the side files and the
    /// schema. Refuses, before writing anything, when the files would not load or when any of
    /// them exists. Returns the paths written, and a schema file kept that is not the program's.
    pub fn write(&self, dir: &Path) -> Result<Written, CreateError> {
        // Said as what it is: the load would call it a second manifest.
        if let Some(side) = self.sides.iter().find(|s| s.file == MANIFEST) {
            return Err(CreateError::ManifestName {
                id: side.party.id.to_string(),
            });
        }
        check_folder_free(dir)?;
        let report = self.check();
        if report.errors() > 0 {
            let lines: Vec<String> = report
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| d.to_string())
                .collect();
            return Err(CreateError::Invalid(lines.join("\n")));
        }
        // A folder holding other files a load would read as sides (`*.json`, or a manifest
        // already there) gets the manifest after all: it names the sides, so only they are read,
        // and one already there is refused below rather than followed.
        let others = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .any(|e| crate::load::is_dispute_file(&e.file_name()));
        let files = self.files_with(self.needs_manifest() || others);
        none_exists(dir, files.iter().map(|(name, _)| name.as_str()))?;
        let schema = dir.join(SCHEMA_FILE);
        let folder = crate::export::folder_of(&schema);
        // The folders this write makes, deepest first: the schema's, the dispute's and every
        // missing one above it (`create_dir_all` makes them all), up to the first that exists.
        // Taken back with the files, each only if empty.
        let made: Vec<PathBuf> = folder
            .ancestors()
            .take_while(|f| !f.as_os_str().is_empty() && f.symlink_metadata().is_err())
            .map(Path::to_path_buf)
            .collect();
        // The folder typed is named when it is the one missing, not the schema's under it.
        let named = if dir.exists() { &folder } else { dir };
        std::fs::create_dir_all(&folder).map_err(|e| CreateError::Folder {
            path: crate::export::shown_path(named),
            reason: not_made(&e),
        })?;
        // The schema is the program's own: one already there (from an earlier import) stays,
        // and is said to when it is not this program's (editors check the files against it).
        let mut planned: Vec<(PathBuf, &[u8])> = Vec::new();
        let mut kept = None;
        if schema.symlink_metadata().is_err() {
            planned.push((schema, SCHEMA.as_bytes()));
        } else if std::fs::read(&schema).map_or(true, |b| b != SCHEMA.as_bytes()) {
            kept = Some(schema);
        }
        planned.extend(
            files
                .iter()
                .map(|(name, bytes)| (dir.join(name), bytes.as_slice())),
        );
        // All or nothing: until the last file is in place, the files written are taken back on
        // a failure (a full disk) or a signal, so a half-written dispute never blocks the next
        // try. Each is recorded before it exists (none of them does yet: checked above).
        {
            let mut pending = crate::cleanup::lock();
            for path in planned.iter().map(|(p, _)| p).chain(&made) {
                pending.add(path);
            }
        }
        let mut written = Vec::new();
        let mut result = Ok(());
        for (path, bytes) in &planned {
            if let Err(e) = crate::export::write_file(path, bytes, false) {
                result = Err(e);
                break;
            }
            written.push(path.clone());
        }
        let mut pending = crate::cleanup::lock();
        for path in planned.iter().map(|(p, _)| p).chain(&made) {
            pending.forget(path);
        }
        if let Err(e) = result {
            for path in &written {
                let _ = std::fs::remove_file(path);
            }
            for folder in &made {
                let _ = std::fs::remove_dir(folder);
            }
            return Err(e.into());
        }
        Ok(Written {
            paths: written,
            kept,
            warnings: by_code(&report),
        })
    }
}

/// What [`Draft::write`] did.
#[derive(Debug)]
pub struct Written {
    /// The files written, in order.
    pub paths: Vec<PathBuf>,
    /// A schema file already in the folder that is not this program's, left as it was.
    pub kept: Option<PathBuf>,
    /// The warnings the files load with, by code, most first (`validate` lists them).
    pub warnings: Vec<(&'static str, usize)>,
}

/// A report's warnings counted by code, most first (then by name).
fn by_code(report: &Report) -> Vec<(&'static str, usize)> {
    let mut counts: std::collections::BTreeMap<&'static str, usize> =
        std::collections::BTreeMap::new();
    for d in report.diagnostics.iter().filter(|d| !d.is_error()) {
        *counts.entry(d.code.name()).or_default() += 1;
    }
    let mut out: Vec<(&'static str, usize)> = counts.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    out
}

impl Written {
    /// The notice for a schema kept that is not the program's, if one was.
    pub fn kept_notice(&self) -> Option<String> {
        self.kept.as_ref().map(|path| {
            format!(
                "kept {}, which was there already and is not this program's schema: editors \
                 check the new files against it (delete it and write the dispute again, in an \
                 empty folder, for the current one)",
                crate::export::shown_path(path)
            )
        })
    }
}

/// A file's JSON: `$schema` first, two-space indents, a final newline.
fn json<T: Serialize>(value: &T) -> Vec<u8> {
    let with = WithSchema {
        schema: SCHEMA_FILE,
        inner: value,
    };
    // Serialising the format's own types to memory cannot fail: every key is a string.
    let mut out = serde_json::to_vec_pretty(&with).unwrap_or_default();
    out.push(b'\n');
    out
}

/// Refuses a folder that holds a dispute's manifest already: a dispute written there would have
/// to replace it, which parallax never does. A command that reads much before it writes (an
/// import) asks first; writing checks every file again.
pub fn check_folder_free(dir: &Path) -> Result<(), CreateError> {
    // The nearest part of the path that exists must be a folder (`afile/sub` cannot be made).
    if let Some(there) = dir.ancestors().find(|p| p.symlink_metadata().is_ok())
        && !there.is_dir()
    {
        let what = if there.is_file() {
            "a file, not a folder"
        } else if there.is_symlink() {
            "a link to nothing"
        } else {
            "not a folder"
        };
        return Err(CreateError::Folder {
            path: crate::export::shown_path(dir),
            reason: format!(
                "{} is {what}; give the path of a new folder",
                crate::export::shown_path(there)
            ),
        });
    }
    // Where the schema goes, something else: said, not left to the system ("File exists"),
    // and a pipe there is never read.
    let schema = dir.join(SCHEMA_FILE);
    for (path, folder) in [(crate::export::folder_of(&schema), true), (schema, false)] {
        if let Some(what) = other_than(&path, folder) {
            return Err(CreateError::SchemaInTheWay {
                path: crate::export::shown_path(&path),
                what,
            });
        }
    }
    let manifest = dir.join(MANIFEST);
    if manifest.symlink_metadata().is_ok() {
        return Err(CreateError::Exists {
            path: crate::export::shown_path(&manifest),
        });
    }
    let sides = side_files_in(dir);
    if !sides.is_empty() {
        return Err(CreateError::Sides {
            folder: crate::export::shown_path(dir),
            files: sides.join(", "),
        });
    }
    writable(dir)
}

/// A folder made read-only is not written in, not even to make a folder (root may write
/// anything): the nearest folder that exists of those the write makes or fills decides, as it
/// does for an export. Asked before the input is read, so its problems do not read as if the
/// import had gone ahead.
fn writable(dir: &Path) -> Result<(), CreateError> {
    let folder = crate::export::folder_of(&dir.join(SCHEMA_FILE));
    if let Some(parent) = folder.ancestors().find(|a| a.exists())
        && std::fs::metadata(parent).is_ok_and(|m| m.permissions().readonly())
    {
        let why = format!(
            "{} is read-only; make it writable (chmod u+w) or choose another folder",
            crate::export::shown_path(parent)
        );
        // The folder there already (or its schema folder): it is its files that cannot be
        // written, not the folder that cannot be made.
        if parent == dir || dir.is_dir() {
            return Err(CreateError::Write(crate::export::ExportError::Write {
                path: crate::export::shown_path(dir),
                reason: why,
            }));
        }
        return Err(CreateError::Folder {
            path: crate::export::shown_path(dir),
            reason: why,
        });
    }
    Ok(())
}

/// What is at `path` when it is there and not a folder (`folder`) or not a file, links followed.
fn other_than(path: &Path, folder: bool) -> Option<&'static str> {
    path.symlink_metadata().ok()?;
    match std::fs::metadata(path) {
        Ok(m) if (folder && m.is_dir()) || (!folder && m.is_file()) => None,
        Ok(m) if m.is_dir() => Some("a folder, not a file"),
        Ok(m) if m.is_file() => Some("a file, not a folder"),
        Ok(_) => Some("a device, pipe or socket"),
        Err(_) => Some("a link to nothing"),
    }
}

/// Refuses when a file of one of these names is in `dir` (a link, even to nothing, counts).
fn none_exists<'n>(
    dir: &Path,
    names: impl IntoIterator<Item = &'n str>,
) -> Result<(), CreateError> {
    for name in names {
        let path = dir.join(name);
        if path.symlink_metadata().is_ok() {
            return Err(CreateError::Exists {
                path: crate::export::shown_path(&path),
            });
        }
    }
    Ok(())
}

/// The files of `dir` that are side files of this format: a folder holding them is a dispute
/// already, read without a manifest, and a dispute written there would hide them behind its own
/// manifest. Other JSON files (an analyst's notes) are no sides.
fn side_files_in(dir: &Path) -> Vec<String> {
    use std::io::Read;
    /// How much of a file is looked at: a side file names its format at its start.
    const HEAD: u64 = 64 * 1024;
    // The format's name as a JSON string, whatever the file's state past its start (a syntax
    // error further on, a byte order mark, a link to a side): read only its start, so a large
    // unrelated file costs nothing.
    let names_format = |path: &Path| {
        let mut head = Vec::new();
        std::fs::File::open(path)
            .and_then(|f| f.take(HEAD).read_to_end(&mut head))
            .is_ok()
            && memchr::memmem::find(&head, format!("\"{}\"", crate::format::FORMAT).as_bytes())
                .is_some()
    };
    let mut found: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| crate::load::is_dispute_file(&e.file_name()))
        .filter(|e| e.path().is_file() && names_format(&e.path()))
        .map(|e| crate::text::one_line(&e.file_name().to_string_lossy()))
        .collect();
    found.sort();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder that may not be made says what to do, not the system's `os error 13` (tests
    /// run as root here, where no folder is refused).
    #[test]
    fn a_folder_not_made_says_what_to_do() {
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(
            not_made(&denied),
            "permission denied; choose a folder you can write to"
        );
        let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        assert!(not_made(&full).starts_with("the disk is full"));
    }

    #[test]
    fn ids_are_made_from_any_text() {
        assert_eq!(
            make_id("The Ceasefire of 10 May!", 128),
            "the-ceasefire-of-10-may"
        );
        assert_eq!(make_id("  Café -- naïve  ", 128), "cafe-naive");
        assert_eq!(make_id("État islamique", 128), "etat-islamique");
        assert_eq!(make_id("Straße", 128), "strasse");
        assert_eq!(make_id("日本", 128), "ri-ben");
        assert_eq!(make_id("Łódź – 🙂 ✓", 128), "lodz");
        assert_eq!(make_id("alpha beta gamma", 12), "alpha-beta");
        assert_eq!(make_id("!!!", 10), "");
    }
}
