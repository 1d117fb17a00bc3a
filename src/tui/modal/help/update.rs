//! The help (`?`): the keys of what is beneath that work there now, generated from its bindings
//! table and the keys that act everywhere, then a few notes. It scrolls, and says when there is
//! more.

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Binding, EDITING, GLOBAL, c, k, listed, shown};
use crate::tui::layout::Regions;
use crate::tui::modal::component::{Component, Step};
use crate::tui::state::Modal;
use crate::tui::state::help::{Help, KeyLine};
use crate::tui::strings::{self, footer, help};
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;

/// `F1`, which opens the help from a line that types whatever the config file says.
const F1: crate::tui::keymap::Key = k(KeyCode::F(1));

/// The help's own keys.
pub const BINDINGS: &[Binding] = &[
    shown(
        &[k(KeyCode::Down), c('j')],
        Action::Down,
        help::HELP_DOWN,
        footer::SCROLL,
    ),
    listed(&[k(KeyCode::Up), c('k')], Action::Up, help::HELP_UP),
    listed(&[k(KeyCode::PageDown)], Action::PageDown, help::PAGE_DOWN),
    listed(&[k(KeyCode::PageUp)], Action::PageUp, help::PAGE_UP),
    listed(&[k(KeyCode::Home), c('g')], Action::First, help::HELP_FIRST),
    listed(&[k(KeyCode::End), c('G')], Action::Last, help::HELP_LAST),
    shown(&[k(KeyCode::Esc)], Action::Back, help::CLOSE, footer::CLOSE),
    // The key that opens the help closes it: the one the config file gives (`help = "F2"`).
    listed(&[c('?'), k(KeyCode::F(1))], Action::Help, help::CLOSE),
    shown(&[c('q')], Action::Quit, help::QUIT, footer::QUIT),
];

/// The keys in force of the help's own actions that `which` picks, as help names them (for its
/// lines that say how to scroll or close it).
fn keys_of(app: &App, which: impl Fn(Action) -> bool) -> Vec<String> {
    BINDINGS
        .iter()
        .filter(|b| which(b.action))
        .flat_map(|b| app.keymap.keys(b, false))
        .map(|&k| crate::tui::keymap::label(k))
        .collect()
}

/// Opens the help over `beneath`, listing the keys that work there now (then the rest of its
/// keys, which do nothing there yet): its table in order, with
/// the keys that act everywhere (Ctrl-C, Ctrl-Z) beside its own way out, so the ways to leave stay
/// together near the top rather than last.
pub fn open(app: &App, beneath: &dyn Component) -> Step {
    let table = beneath.bindings();
    let cut = table
        .iter()
        .position(|b| b.action == Action::Quit)
        .map_or(table.len(), |i| i + 1);
    let (before, after) = table.split_at(cut);
    let (keys, later): (Vec<&Binding>, Vec<&Binding>) = before
        .iter()
        .chain(GLOBAL)
        .chain(after)
        // A line that types takes the shell's editing keys too.
        .chain(if beneath.types() { EDITING } else { &[] })
        .partition(|b| beneath.works(app, b.action));
    // An action with no key in force (`help = []`) is not listed: nothing would do it.
    // A key the config gives an action that a key acting everywhere does already (`quit =
    // "Ctrl-C"`) is listed once, on the line of the key acting everywhere.
    let lines = |bindings: Vec<&Binding>| {
        bindings
            .iter()
            .map(|b| {
                let everywhere = GLOBAL
                    .iter()
                    .any(|g| g.action == b.action && g.keys == b.keys);
                let keys: Vec<String> = app
                    .keymap
                    .keys(b, beneath.types())
                    .iter()
                    .filter(|&&k| {
                        everywhere
                            || !GLOBAL
                                .iter()
                                .any(|g| g.action == b.action && g.keys.contains(&k))
                    })
                    .map(|&k| crate::tui::keymap::label(k))
                    .collect();
                KeyLine {
                    keys: keys.join(" "),
                    help: b.help,
                }
            })
            .filter(|l| !l.keys.is_empty())
            .collect()
    };
    let (keys, later) = (lines(keys), lines(later));
    // The comparison screen has two panes: the heading names the one whose keys are listed.
    let title = crate::tui::modal::component::place(app, beneath);
    let scroll_keys = keys_of(app, |a| matches!(a, Action::Down | Action::PageDown));
    let from_typing = beneath.types();
    let mut close_keys = keys_of(app, |a| matches!(a, Action::Back | Action::Help));
    let f1 = crate::tui::keymap::label(F1);
    // Said only where F1 is not another key of the help's (`down = ["j", "F1"]`).
    if from_typing && !close_keys.contains(&f1) && app.keymap.find(BINDINGS, false, F1).is_none() {
        close_keys.push(f1);
    }
    Step::Open(Modal::Help(Help {
        scroll: 0,
        title,
        keys,
        later,
        scroll_keys,
        back_keys: keys_of(app, |a| matches!(a, Action::Up | Action::PageUp)),
        close_keys,
        from_typing,
    }))
}

impl Component for Help {
    fn title(&self) -> &'static str {
        strings::HELP_TITLE
    }

    fn bindings(&self) -> &'static [Binding] {
        BINDINGS
    }

    fn extra_key(&self, key: crate::tui::keymap::Key) -> Option<Action> {
        (self.from_typing && key == F1).then_some(Action::Help)
    }

    fn works(&self, app: &App, action: Action) -> bool {
        let max = super::view::max_scroll(app, self);
        match action {
            Action::Down | Action::PageDown | Action::Last => self.scroll < max,
            Action::Up | Action::PageUp | Action::First => self.scroll > 0,
            _ => true,
        }
    }

    fn update(&mut self, app: &mut App, action: Action) -> Step {
        // A move past an edge does nothing: the footer says so, as the comparison does.
        if crate::tui::modal::component::stopped_at_edge(
            self,
            app,
            action,
            strings::edge::HELP_TOP,
            strings::edge::HELP_END,
        ) {
            return Step::Stay;
        }
        let max = super::view::max_scroll(app, self);
        // A page on: the first and last lines shown give way to the "more above" and "more
        // below" notes, so a page moves two lines less than it shows, and no key goes unseen.
        let page = super::view::page(app, self).saturating_sub(2).max(1);
        self.scroll = match action {
            Action::Help | Action::Back => return Step::Close,
            Action::Down => self.scroll + 1,
            Action::Up => self.scroll.saturating_sub(1),
            Action::PageDown => self.scroll + page,
            Action::PageUp => self.scroll.saturating_sub(page),
            Action::First => 0,
            Action::Last => max,
            Action::Scroll { lines, .. } => self.scroll.saturating_add_signed(isize::from(lines)),
            _ => self.scroll,
        }
        .min(max);
        Step::Stay
    }

    fn draw(&self, frame: &mut Frame, app: &App, regions: &Regions) {
        super::view::draw(frame, app, self, regions);
    }
}
