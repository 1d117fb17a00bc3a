//! `update`: how each action changes the state. Pure: no terminal, no I/O, no thread, so key
//! sequences are tested on the state alone. The top modal (or the comparison screen) takes the
//! action; what it answers opens, closes or replaces modals, or asks the event loop for work.

use super::action::{Action, Outcome};
use super::app::App;
use super::modal::component::{self, Component, Step};
use super::modal::screen::SCREEN;
use super::state::Modal;
use super::strings;

/// Applies one action to the state.
pub fn update(app: &mut App, action: Action) -> Outcome {
    if !matches!(action, Action::Resize { .. } | Action::Scroll { .. }) {
        app.message = None;
    }
    if !matches!(action, Action::Resize { .. }) {
        app.resize_anchor = None;
    }
    match action {
        Action::Quit => return Outcome::Quit,
        Action::Suspend => return Outcome::Suspend,
        Action::Redraw => return Outcome::Redraw,
        Action::Resize { width, height } => {
            let searching = app.modals.iter().any(|m| matches!(m, Modal::Search(_)));
            let before = searching.then(|| super::modal::search::hits::page(app));
            app.resize(width, height);
            if let Some(before) = before {
                super::modal::search::update::resized(app, before);
            }
        }
        // Too small to show anything: keys typed blind would act unseen (into a dialog, say).
        _ if app.regions().too_small => return Outcome::Continue,
        Action::Unbound(key) => {
            let (place, help) = where_help(app);
            app.message = Some(strings::unbound(key, place, &help));
            return Outcome::Continue;
        }
        Action::UnboundKey(code, mods) => {
            let name = super::keymap::label(super::keymap::Key { code, mods });
            let (place, help) = where_help(app);
            app.message = Some(strings::unbound_named(&name, place, &help));
            return Outcome::Continue;
        }
        // A dialog that takes keys only: the click is said to do nothing there, as a key that
        // does nothing is, rather than be lost without a word.
        Action::Click { .. } if !component::active(app).clicks() => {
            let (place, help) = where_help(app);
            app.message = Some(strings::click_nothing(place, &help));
            return Outcome::Continue;
        }
        Action::PasteNowhere => {
            let search = app
                .keymap
                .key_for(super::modal::screen::BINDINGS, false, Action::Search);
            app.message = Some(strings::paste_nowhere(
                component::place(app, component::active(app)),
                &search,
            ));
            return Outcome::Continue;
        }
        _ => {}
    }
    let step = match app.modals.pop() {
        None => {
            let mut screen = SCREEN;
            screen.update(app, action)
        }
        Some(mut modal) => {
            let step = component::of_mut(&mut modal).update(app, action);
            match step {
                Step::Close | Step::Replace(_) | Step::CloseWith(_) => {}
                _ => app.modals.push(modal),
            }
            step
        }
    };
    match step {
        Step::Stay | Step::Close => Outcome::Continue,
        Step::CloseWith(action) => update(app, action),
        Step::Open(m) | Step::Replace(m) => {
            app.modals.push(m);
            Outcome::Continue
        }
        Step::Then(outcome) => outcome,
    }
}

/// Shows the query worker's answer, if it answers the latest query, and lets every open dialog
/// follow it (the filter panel puts back the place it opened on, under a help opened over it
/// too); true when it was shown.
pub fn query_ready(app: &mut App, answer: super::session::Answer) -> bool {
    let shown = app.query_ready(answer);
    if shown {
        let mut modals = std::mem::take(&mut app.modals);
        for modal in &mut modals {
            component::of_mut(modal).answered(app);
        }
        app.modals = modals;
    }
    shown
}

/// The part of the screen the keys act in, and the key in force that lists its keys there.
fn where_help(app: &App) -> (&'static str, String) {
    let active = component::active(app);
    // In the help its key closes it: it is no way to list the keys there.
    let help = if active.title() == strings::HELP_TITLE {
        String::new()
    } else {
        app.keymap
            .key_for(active.bindings(), active.types(), Action::Help)
    };
    (component::place(app, active), help)
}
