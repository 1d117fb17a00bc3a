//! What the screen keeps of the files it shows (plain data, no `App`, so `App` can hold it).

use std::path::PathBuf;

/// What the screen knows of the files it shows: the paths it was opened on (empty for the
/// bundled dispute, which has no files).
#[derive(Debug, Clone, Default)]
pub struct Live {
    /// The folder or files given on the command line.
    pub paths: Vec<PathBuf>,
}
