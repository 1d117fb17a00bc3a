//! The detail modal: its update with its bindings and its view; its state is
//! [`crate::tui::state::detail`].

pub mod bindings;
pub mod update;
pub mod view;
