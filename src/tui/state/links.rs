//! The link chooser's state: the links that can be followed, and the highlighted one.

use crate::format::ClaimAt;

/// One link: how it reads, and the claim it goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// `L1 ↳ rebuts India R2`.
    pub label: String,
    /// The claim it rebuts.
    pub target: ClaimAt,
}

/// The links to choose from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Links {
    /// The links, in the row's order.
    pub choices: Vec<Choice>,
    /// The highlighted one.
    pub cursor: usize,
}
