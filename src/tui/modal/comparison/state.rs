//! The comparison screen's own state is the selection the whole UI shares (`App`'s topic, row,
//! focus and scroll), so the screen itself is a name only.

/// The comparison screen, beneath every modal.
#[derive(Debug, Clone, Copy, Default)]
pub struct Comparison;
