//! The problems panel's keys: scroll, open the first problem in the editor, close (the last good
//! dispute stays; the panel comes back at the next failed reload, or with `!`).

use crate::tui::action::{Action, EditorAt, Outcome};
use crate::tui::app::App;
use crate::tui::keymap::{Binding, c, k, listed, shown};
use crate::tui::layout::Regions;
use crate::tui::modal::component::{Component, Step};
use crate::tui::modal::help;
use crate::tui::state::Modal;
use crate::tui::state::reload::Problems;
use crate::tui::strings::{self, footer, help as words};
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;

/// The panel's keys.
pub const BINDINGS: &[Binding] = &[
    listed(&[k(KeyCode::Up), c('k')], Action::Up, words::HELP_UP),
    listed(&[k(KeyCode::Down), c('j')], Action::Down, words::HELP_DOWN),
    shown(
        &[c('E')],
        Action::OpenEditor,
        words::EDIT_PROBLEM,
        footer::EDIT,
    ),
    shown(
        &[k(KeyCode::Esc)],
        Action::Back,
        words::CLOSE_PROBLEMS,
        footer::CLOSE,
    ),
    shown(&[c('?')], Action::Help, words::HELP, footer::HELP),
    shown(&[c('q')], Action::Quit, words::QUIT, footer::QUIT),
];

/// Opens the panel again on why the files on disk do not load, or says there is nothing wrong.
pub fn open(app: &mut App) -> Step {
    if app.live.broken.is_empty() {
        app.message = Some(strings::NO_PROBLEMS.to_owned());
        return Step::Stay;
    }
    Step::Open(Modal::Reload(Problems {
        problems: app.live.broken.clone(),
        scroll: 0,
    }))
}

impl Component for Problems {
    fn title(&self) -> &'static str {
        strings::PROBLEMS_TITLE
    }

    fn bindings(&self) -> &'static [Binding] {
        BINDINGS
    }

    fn update(&mut self, app: &mut App, action: Action) -> Step {
        match action {
            Action::Back => return Step::Close,
            Action::Help => return help::update::open(app, self),
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => {
                self.scroll = (self.scroll + 1).min(super::view::max_scroll(app, self));
            }
            Action::OpenEditor => {
                if let Some(p) = self.problems.first() {
                    return Step::Then(Outcome::Editor {
                        file: p.file.clone(),
                        at: EditorAt::Line(p.line),
                    });
                }
            }
            _ => {}
        }
        Step::Stay
    }

    fn draw(&self, frame: &mut Frame, app: &App, regions: &Regions) {
        super::view::draw(frame, app, self, regions.main);
    }
}
