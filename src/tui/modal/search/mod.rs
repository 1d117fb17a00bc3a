//! The search modal: its update with its bindings and its view; its state is
//! [`crate::tui::state::search`].

pub mod hits;
pub mod update;
pub mod view;
