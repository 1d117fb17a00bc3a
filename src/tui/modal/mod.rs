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

/// Puts the terminal's cursor at `at` for the open modal `mine` names, when it has the keys: a
/// line under the help opened from it (F1) shows none, as the help takes the keys and a cursor
/// blinking in its text reads as a place to type.
pub fn place_cursor(
    frame: &mut ratatui::Frame,
    app: &crate::tui::app::App,
    mine: fn(&crate::tui::state::Modal) -> bool,
    at: ratatui::layout::Position,
) {
    if app.modals.last().is_some_and(mine) {
        frame.set_cursor_position(at);
    }
}
