//! The export modal: its update with its bindings and its view; its state is
//! [`crate::tui::state::export`].

pub mod update;
pub mod view;
