//! The comparison screen: the topic list and the two panes, beneath every modal.

pub mod bindings;
pub mod panes;
pub mod state;
pub mod topics;
pub mod update;
