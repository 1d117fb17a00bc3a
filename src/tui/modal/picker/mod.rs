//! The picker modal: its update with its bindings and its view; its state is
//! [`crate::tui::state::picker`].

pub mod update;
pub mod view;
