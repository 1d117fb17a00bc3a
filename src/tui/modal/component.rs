//! The one interface every modal (and the comparison screen beneath them) offers: its bindings,
//! its update and its drawing. Which one takes a key is decided here, in one `match`.

use super::screen::SCREEN;
use crate::tui::action::{Action, Outcome};
use crate::tui::app::App;
use crate::tui::keymap::Binding;
use crate::tui::layout::Regions;
use crate::tui::state::Modal;
use ratatui::Frame;

/// What the stack of modals does after a modal's update.
#[derive(Debug)]
pub enum Step {
    /// The modal stays open.
    Stay,
    /// The modal closes.
    Close,
    /// Another modal opens on top of this one.
    Open(Modal),
    /// This modal gives way to another.
    Replace(Modal),
    /// The modal stays and the event loop is asked to do something.
    Then(Outcome),
    /// The modal closes and the one beneath (or the comparison screen) takes this action: a
    /// choice made in a small modal acts where it was asked for.
    CloseWith(Action),
}

/// A move past an edge of a scrolling view (`c`): one up (a line, a page, to the first) when
/// it cannot work says `top` in the footer, one down `end`, and true is returned, so the
/// update does nothing else; any other action, or a move that works, returns false.
pub fn stopped_at_edge(
    c: &dyn Component,
    app: &mut App,
    action: Action,
    top: &'static str,
    end: &'static str,
) -> bool {
    let said = match action {
        Action::Up | Action::PageUp | Action::First => top,
        Action::Down | Action::PageDown | Action::Last => end,
        _ => return false,
    };
    if c.works(app, action) {
        return false;
    }
    app.message = Some(said.to_owned());
    true
}

/// A modal: its keys, how it changes the state, how it is drawn.
pub trait Component {
    /// Its name, as help heads its keys.
    fn title(&self) -> &'static str;
    /// Its bindings, in the order help lists them.
    fn bindings(&self) -> &'static [Binding];
    /// Whether a listed action can do anything now; the footer and help list only those.
    fn works(&self, _app: &App, _action: Action) -> bool {
        true
    }
    /// True when characters that are not bound type into the modal's input.
    fn types(&self) -> bool {
        false
    }
    /// True when a paste types into its input now (not into a choice or a y/n question).
    fn takes_paste(&self) -> bool {
        self.types()
    }
    /// True when a click acts in it (selects a topic or a row); elsewhere a click is said to do
    /// nothing, rather than pass unremarked.
    fn clicks(&self) -> bool {
        false
    }
    /// True when it covers everything between header and footer (nothing beneath is drawn).
    fn covers(&self) -> bool {
        false
    }
    /// The action of a key it takes beyond its table and the config file's keys (the help
    /// opened from a line by `F1` takes `F1` back as its way out).
    fn extra_key(&self, _key: crate::tui::keymap::Key) -> Option<Action> {
        None
    }
    /// Applies an action. Pure: anything beyond the state is asked of the loop by
    /// [`Step::Then`].
    fn update(&mut self, app: &mut App, action: Action) -> Step;
    /// A query it left for the loop's worker (see `App::requery_later`) came back and is
    /// shown: what it does once its query has run, it does now.
    fn answered(&mut self, _app: &mut App) {}
    /// Draws the modal over what is beneath.
    fn draw(&self, frame: &mut Frame, app: &App, regions: &Regions);
}

/// A modal as its interface.
pub fn of(modal: &Modal) -> &dyn Component {
    match modal {
        Modal::Help(m) => m,
        Modal::Picker(m) => m,
        Modal::Detail(m) => m,
        Modal::Search(m) => m,
        Modal::Filters(m) => m.as_ref(),
        Modal::Export(m) => m.as_ref(),
        Modal::Links(m) => m,
        Modal::Accept(m) => m,
        Modal::AsOf(m) => m,
        Modal::Timeline(m) => m.as_ref(),
        Modal::Reload(m) => m,
        Modal::FindTopic(m) => m,
    }
}

/// A modal as its interface, to update it.
pub fn of_mut(modal: &mut Modal) -> &mut dyn Component {
    match modal {
        Modal::Help(m) => m,
        Modal::Picker(m) => m,
        Modal::Detail(m) => m,
        Modal::Search(m) => m,
        Modal::Filters(m) => m.as_mut(),
        Modal::Export(m) => m.as_mut(),
        Modal::Links(m) => m,
        Modal::Accept(m) => m,
        Modal::AsOf(m) => m,
        Modal::Timeline(m) => m.as_mut(),
        Modal::Reload(m) => m,
        Modal::FindTopic(m) => m,
    }
}

/// The one that takes the keys now: the top modal, else the comparison screen.
pub fn active(app: &App) -> &dyn Component {
    app.modal().map_or(&SCREEN as &dyn Component, of)
}

/// The name of the part of the screen `c` is, as help heads its keys and messages name it: the
/// comparison screen has two panes, and with the topic list focused it is "Topics".
pub fn place(app: &App, c: &dyn Component) -> &'static str {
    match c.title() {
        crate::tui::strings::COMPARISON_TITLE if app.focus == crate::tui::app::Focus::Topics => {
            crate::tui::strings::TOPICS
        }
        title => title,
    }
}

/// The bindings `keep` chooses that work now, in help order; `works` is asked only of those (the
/// footer, drawn every frame, asks only of the bindings it has a label for).
pub fn working_where(app: &App, keep: impl Fn(&Binding) -> bool) -> Vec<&'static Binding> {
    let c = active(app);
    c.bindings()
        .iter()
        .filter(|b| keep(b) && c.works(app, b.action))
        .collect()
}
