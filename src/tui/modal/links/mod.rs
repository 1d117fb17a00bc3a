//! The choice of a rebuttal link to follow, when a claim or a row has several.

pub mod update;
pub mod view;
