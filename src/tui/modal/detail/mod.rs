//! The detail modal: its state, its update with its bindings, its view.

pub mod bindings;
pub mod state;
pub mod update;
pub mod view;
