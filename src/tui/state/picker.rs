//! The party picker's state.

/// Which side the party picker is choosing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choosing {
    /// The left side, first.
    Left,
    /// Then the right side.
    Right,
}

/// The party picker: the step, the highlighted side, and the left side once chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Picker {
    /// What is being chosen.
    pub step: Choosing,
    /// The highlighted side, an index into the dispute's sides.
    pub cursor: usize,
    /// The left side chosen in the first step.
    pub left: usize,
}

impl Picker {
    /// True when side `i` is offered now: every side for the left, the others for the right.
    pub fn offers(&self, i: usize) -> bool {
        self.step == Choosing::Left || i != self.left
    }
}
