//! The accept dialog's state.

use crate::tui::text_field::TextField;

/// Accepting one suggested pair: the two claims' ids and the question being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accept {
    /// The left claim's id.
    pub left: String,
    /// The right claim's id.
    pub right: String,
    /// The new point's question, prefilled with a neutral default.
    pub question: TextField,
}
