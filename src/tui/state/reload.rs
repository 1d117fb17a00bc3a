//! The problems panel's state.

use std::path::PathBuf;

/// One problem that stopped a reload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The loader's message: file, line, what is wrong and what was expected (already inert).
    pub text: String,
    /// The file it is in.
    pub file: PathBuf,
    /// Its 1-based line, where known.
    pub line: Option<usize>,
}

/// The problems of the last reload and how far the panel is scrolled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems {
    /// The errors, in file order.
    pub problems: Vec<Problem>,
    /// Lines scrolled off above.
    pub scroll: usize,
}
