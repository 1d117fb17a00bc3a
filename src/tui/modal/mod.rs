//! The modals: what can be open over the comparison screen, one folder each (its update with its
//! bindings, its view). Their states are in [`crate::tui::state`], which `App` holds, and
//! [`Modal`](crate::tui::state::Modal) names them; `App` keeps a short stack of them and the top
//! one takes the keys. [`component`] is the small interface they share, [`screen`] what they
//! know of the comparison screen beneath them.
//!
//! Adding a modal: its plain data in `state/NAME.rs` (no `App`) and a variant of `Modal` there;
//! a folder here with `update.rs` (its bindings table and `impl Component`) and `view.rs` (its
//! drawing); an arm in [`component::of`] and [`component::of_mut`]; and an action or key that
//! opens it.

pub mod accept;
pub mod as_of;
pub mod comparison;
pub mod component;
pub mod detail;
pub mod export;
pub mod filters;
pub mod find_topic;
pub mod help;
pub mod links;
pub mod picker;
pub mod reload;
pub mod screen;
pub mod search;
pub mod take;
pub mod timeline;
