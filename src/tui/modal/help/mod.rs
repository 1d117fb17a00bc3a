//! The help modal: its update with its bindings and its view; its state is
//! [`crate::tui::state::help`].

pub mod update;
pub mod view;
