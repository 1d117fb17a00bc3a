//! What the screen keeps of the files it shows (plain data, no `App`, so `App` can hold it): the
//! paths, and a fingerprint of each file as read rather than its bytes (at a million claims those
//! are hundreds of megabytes, needed only to write back). A write, `E` and a reload read the
//! files again and compare fingerprints, so nothing is written over a file changed since.

use crate::edit::{EditError, Workspace};
use crate::format::Dispute;
use crate::load::{DEFAULT_MAX_FILE, Gathered};
use std::hash::BuildHasher;
use std::path::{Path, PathBuf};

/// What the screen knows of the files it shows: the paths it was opened on (empty for the
/// bundled dispute, which has no files) and the largest file it reads.
#[derive(Debug, Clone)]
pub struct Live {
    /// The folder or files given on the command line.
    pub paths: Vec<PathBuf>,
    /// The largest file read, as `--max-file-size` gave it; reloads keep to it too.
    pub max_file: u64,
    /// Why the files on disk did not load at the last reload (empty when they load): the screen
    /// shows the last good state, the header says so once the problems panel is closed, and `!`
    /// opens the panel again on these.
    pub broken: Vec<crate::tui::state::reload::Problem>,
    /// The dismissals file did not read at the last reload: the dismissals read before stay in
    /// force until it reads again, which is said.
    pub dismissals_broken: bool,
}

impl Default for Live {
    fn default() -> Self {
        Live {
            paths: Vec::new(),
            max_file: DEFAULT_MAX_FILE,
            broken: Vec::new(),
            dismissals_broken: false,
        }
    }
}

/// The files of an editable dispute as last read: where each is and a fingerprint of its bytes.
#[derive(Debug, Clone)]
pub struct Files {
    /// The paths the dispute was opened from.
    pub paths: Vec<PathBuf>,
    /// The side files, in the dispute's side order.
    pub sides: Vec<PathBuf>,
    /// Each file read (manifest and sides) with the fingerprint of its bytes.
    read: Prints,
    /// Why nothing can be written back to these files (side files from several folders):
    /// they are still watched, and `E` opens them.
    pub refused: Option<String>,
}

/// A file's length and hash (seeded per run: the files come from other people).
type Print = (usize, u64);

impl Files {
    /// What to keep of a workspace's files.
    pub fn of(ws: &Workspace) -> Files {
        let hasher = foldhash::quality::RandomState::default();
        let files = ws
            .manifest
            .iter()
            .chain(&ws.sides)
            .map(|f| (f.path.clone(), print(&hasher, &f.bytes)))
            .collect();
        Files {
            paths: ws.paths.clone(),
            sides: ws.sides.iter().map(|f| f.path.clone()).collect(),
            read: Prints { files, hasher },
            refused: None,
        }
    }

    /// What to keep of files read for `paths`, from their fingerprints taken before the load
    /// dropped their bytes ([`Prints`]). Files that cannot be written back (the sides in several
    /// folders) are kept all the same, with the reason, to be watched and opened in an editor.
    pub fn of_read(paths: &[PathBuf], read: Prints, dispute: &Dispute) -> Files {
        let named = read
            .files
            .iter()
            .map(|(path, _)| crate::load::ReadFile {
                // Each path was made from the name the load gave the file: no loss.
                name: path.to_string_lossy().into_owned(),
                manifest: path.file_name().is_some_and(|n| n == crate::load::MANIFEST),
                bytes: Vec::new(),
            })
            .collect();
        match Workspace::from_read(paths, named, dispute) {
            Ok(ws) => Files {
                paths: ws.paths,
                sides: ws.sides.into_iter().map(|f| f.path).collect(),
                read,
                refused: None,
            },
            // Each side's file is the name the load gave it.
            Err(e) => Files {
                paths: paths.to_vec(),
                sides: dispute
                    .sides
                    .iter()
                    .map(|s| PathBuf::from(&s.file))
                    .collect(),
                read,
                refused: Some(e.to_string()),
            },
        }
    }

    /// True when a manifest was read with the side files.
    pub fn has_manifest(&self) -> bool {
        self.read
            .files
            .iter()
            .any(|(p, _)| p.file_name().is_some_and(|n| n == crate::load::MANIFEST))
    }

    /// True when a new read holds the same files, each with the same bytes: none kept changed,
    /// and no other file was read.
    pub fn same(&self, gathered: &Gathered) -> bool {
        gathered.files().count() == self.read.files.len() && self.changed(gathered).is_none()
    }

    /// The first file kept that a new read lacks or holds other bytes in.
    fn changed(&self, gathered: &Gathered) -> Option<String> {
        let now: Vec<(&str, &[u8])> = gathered.files().collect();
        let hasher = &self.read.hasher;
        self.read
            .files
            .iter()
            .find(|(p, f)| {
                !now.iter()
                    .any(|(name, b)| Path::new(name) == p && print(hasher, b) == *f)
            })
            .map(|(p, _)| p.display().to_string())
    }

    /// The files read again, to write over: refused ([`NotRead::Changed`]) when one changed
    /// since it was read, so nothing is written over what the screen has not shown.
    pub fn workspace(&self, max_file: u64, dispute: &Dispute) -> Result<Workspace, NotRead> {
        let gathered = crate::load::gather(&self.paths, max_file);
        if let Some(file) = self.changed(&gathered) {
            return Err(NotRead::Changed(file, gathered));
        }
        Workspace::from_read(&self.paths, gathered.into_files(), dispute).map_err(NotRead::Failed)
    }
}

/// Why [`Files::workspace`] gives no files to write over.
pub enum NotRead {
    /// A file changed since it was read (its name), with the files as read now: the screen
    /// shows them without reading them again.
    Changed(String, Gathered),
    /// Another problem.
    Failed(EditError),
}

/// The name and fingerprint of each file read, taken before the load drops their bytes.
#[derive(Debug, Clone)]
pub struct Prints {
    files: Vec<(PathBuf, Print)>,
    hasher: foldhash::quality::RandomState,
}

impl Prints {
    /// Fingerprints the files read.
    pub fn of(gathered: &Gathered) -> Prints {
        let hasher = foldhash::quality::RandomState::default();
        let files = gathered
            .files()
            .map(|(name, bytes)| (PathBuf::from(name), print(&hasher, bytes)))
            .collect();
        Prints { files, hasher }
    }
}

fn print(hasher: &foldhash::quality::RandomState, bytes: &[u8]) -> Print {
    (bytes.len(), hasher.hash_one(bytes))
}
