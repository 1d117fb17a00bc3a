//! The dialog that accepts a suggested row: the analyst types the new point's question.

pub mod update;
pub mod view;
