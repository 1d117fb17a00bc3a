//! The as-of bar's state: the date as typed, the date in force when it opened (Esc goes back to
//! it), and the span of the comparison's dated claims (where stepping starts and stops).

use crate::format::Date;
use crate::tui::text_field::TextField;

/// The as-of bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AsOfBar {
    /// The date as typed or stepped to; empty: no date in force.
    pub field: TextField,
    /// The date in force when the bar opened.
    pub before: Option<Date>,
    /// The topic (by id) and row selected when the bar opened: `Esc` goes back to them, as a
    /// date that hid the topic moved the selection.
    pub selected: (Option<String>, usize),
    /// The first and last day a claim of the comparison was made, if any is dated.
    pub span: Option<(Date, Date)>,
    /// Why the typed text is not applied, when it is not a date.
    pub note: Option<String>,
}
