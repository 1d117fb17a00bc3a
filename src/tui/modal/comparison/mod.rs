//! The comparison screen: the topic list and the two panes, beneath every modal. What the
//! modals need of it (its keys, its name as a component, what it says when nothing is shown) is
//! in [`super::screen`], below them, since the screen opens them.

pub mod panes;
pub mod topics;
pub mod update;
