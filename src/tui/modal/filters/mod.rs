//! The filters modal: its update with its bindings and its view; its state is
//! [`crate::tui::state::filters`].

pub mod counts;
pub mod update;
pub mod view;
