//! The filters modal: its state, its update with its bindings, its view.

pub mod counts;
pub mod state;
pub mod update;
pub mod view;
