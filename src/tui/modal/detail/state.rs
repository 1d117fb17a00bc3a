//! A row in full's state: which row, the selected claim, the scroll, and where links were
//! followed from.

/// One place in a row in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detail {
    /// The topic, an index into the comparison's topics.
    pub topic: usize,
    /// The row within the topic.
    pub row: usize,
    /// The selected claim, an index into the row's claims (left side first).
    pub cursor: usize,
    /// Lines scrolled off above.
    pub scroll: usize,
}

/// The row in full: where it is, and the places links were followed from, most recent last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowInFull {
    /// The row shown.
    pub at: Detail,
    /// Where `b` returns to.
    pub back: Vec<Detail>,
}
