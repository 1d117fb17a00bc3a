//! Which key does what now: the active modal's bindings table (the comparison screen's when no
//! modal is open) with the keys the config file gives, then typing for a modal with an input,
//! then the keys that act everywhere.

use super::action::Action;
use super::app::App;
use super::keymap::{self, EDITING, GLOBAL};
use super::modal::component;
use super::text_field::Edit;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The action a key press triggers where the keys act now. A character with no meaning there
/// becomes [`Action::Unbound`], so the footer can say so.
pub fn action_in(app: &App, event: KeyEvent) -> Option<Action> {
    let key = keymap::normalise(event);
    let active = component::active(app);
    let found = app.keymap.find(active.bindings(), active.types(), key);
    let editing = || active.types().then(|| keymap::find(EDITING, key)).flatten();
    if let Some(b) = found.or_else(editing).or_else(|| keymap::find(GLOBAL, key)) {
        return Some(b.action);
    }
    if let Some(action) = active.extra_key(key) {
        return Some(action);
    }
    match key.code {
        KeyCode::Char(ch)
            if !key
                .mods
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(if active.types() {
                Action::Edit(Edit::Insert(ch))
            } else {
                Action::Unbound(ch)
            })
        }
        KeyCode::Modifier(_) | KeyCode::Null => None,
        _ => Some(Action::UnboundKey(key.code, key.mods)),
    }
}
