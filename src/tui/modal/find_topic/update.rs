//! The topic finder's keys: typing filters the topics, ↑ ↓ move among those left (each shows at
//! once), Enter keeps it, Esc goes back, Tab turns the words into a search of the claims.

use crate::tui::action::Action;
use crate::tui::app::{App, Focus};
use crate::tui::keymap::{Binding, ctrl, k, listed, shown};
use crate::tui::layout::Regions;
use crate::tui::modal::component::{Component, Step};
use crate::tui::modal::search;
use crate::tui::state::Modal;
use crate::tui::state::find_topic::{FindTopic, matching};
use crate::tui::strings::find_topic as words;
use crate::tui::text_field::{Edit, TextField};
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;

/// The finder's keys; any other character types into its line.
pub const BINDINGS: &[Binding] = &[
    shown(
        &[k(KeyCode::Down)],
        Action::Down,
        words::DOWN,
        words::FOOTER_MOVE,
    ),
    listed(&[k(KeyCode::Up)], Action::Up, words::UP),
    listed(&[k(KeyCode::PageDown)], Action::PageDown, words::PAGE_DOWN),
    listed(&[k(KeyCode::PageUp)], Action::PageUp, words::PAGE_UP),
    shown(
        &[k(KeyCode::Enter)],
        Action::Open,
        words::KEEP,
        words::FOOTER_KEEP,
    ),
    shown(
        &[k(KeyCode::Esc)],
        Action::Back,
        words::CANCEL,
        words::FOOTER_CANCEL,
    ),
    shown(
        &[k(KeyCode::Tab)],
        Action::Search,
        words::SEARCH_CLAIMS,
        words::FOOTER_SEARCH_CLAIMS,
    ),
    listed(&[ctrl('u')], Action::Edit(Edit::Erase), words::ERASE),
    listed(
        &[k(KeyCode::Backspace)],
        Action::Edit(Edit::Backspace),
        words::BACKSPACE,
    ),
    listed(
        &[k(KeyCode::Delete)],
        Action::Edit(Edit::Delete),
        words::DELETE,
    ),
    listed(&[k(KeyCode::Left)], Action::Edit(Edit::Left), words::LEFT),
    listed(
        &[k(KeyCode::Right)],
        Action::Edit(Edit::Right),
        words::RIGHT,
    ),
    listed(&[k(KeyCode::Home)], Action::Edit(Edit::Home), words::HOME),
    listed(&[k(KeyCode::End)], Action::Edit(Edit::End), words::END),
    shown(
        &[k(KeyCode::F(1))],
        Action::Help,
        crate::tui::strings::help::HELP,
        crate::tui::strings::footer::HELP,
    ),
];

/// Opens the finder over the topic list, every topic listed and the selected one chosen.
pub fn open(app: &mut App) -> Step {
    app.focus = Focus::Topics;
    let found = matching(titles(app), "");
    let cursor = found.iter().position(|&t| t == app.topic).unwrap_or(0);
    let mut finder = FindTopic {
        field: TextField::default(),
        found,
        cursor,
        top: 0,
        before: app.topic,
    };
    finder.keep_visible(app);
    Step::Open(Modal::FindTopic(finder))
}

/// The titles of the topics on screen, in list order.
fn titles(app: &App) -> impl Iterator<Item = &str> {
    app.shown().topics.iter().map(|t| t.title.as_str())
}

impl FindTopic {
    /// Filters again after the text changed; the chosen topic stays chosen while it is left.
    fn refilter(&mut self, app: &mut App) {
        let chosen = self.found.get(self.cursor).copied();
        self.found = matching(titles(app), self.field.text());
        self.cursor = chosen
            .and_then(|c| self.found.iter().position(|&t| t == c))
            .unwrap_or(0);
        self.top = 0;
        self.show(app);
    }

    /// Shows the chosen topic in the comparison, and keeps it in the finder's window; with no
    /// topic found, the one selected when the finder opened (not the last one found).
    fn show(&mut self, app: &mut App) {
        let topic = self.found.get(self.cursor).copied().unwrap_or(self.before);
        if topic != app.topic {
            app.select_topic(topic);
        }
        self.keep_visible(app);
    }

    fn keep_visible(&mut self, app: &App) {
        let page = super::view::page(app);
        if self.cursor < self.top {
            self.top = self.cursor;
        } else if self.cursor >= self.top + page {
            self.top = self.cursor + 1 - page;
        }
    }
}

impl Component for FindTopic {
    fn title(&self) -> &'static str {
        words::TITLE
    }

    fn bindings(&self) -> &'static [Binding] {
        BINDINGS
    }

    fn types(&self) -> bool {
        true
    }

    fn works(&self, _app: &App, action: Action) -> bool {
        match action {
            Action::Edit(edit) => self.field.moves(edit),
            Action::Up | Action::PageUp => self.cursor > 0,
            Action::Down | Action::PageDown => self.cursor + 1 < self.found.len(),
            Action::Open => !self.found.is_empty(),
            Action::Back => true,
            Action::Search => !self.field.text().trim().is_empty(),
            _ => true,
        }
    }

    fn update(&mut self, app: &mut App, action: Action) -> Step {
        // F1: help in a field where `?` is typed.
        if action == Action::Help {
            return crate::tui::modal::help::update::open(app, self);
        }
        let last = self.found.len().saturating_sub(1);
        let page = super::view::page(app);
        match action {
            Action::Edit(edit) => {
                if self.field.apply(edit) {
                    self.refilter(app);
                }
                return Step::Stay;
            }
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(last),
            Action::PageUp => self.cursor = self.cursor.saturating_sub(page),
            Action::PageDown => self.cursor = (self.cursor + page).min(last),
            Action::Open if self.found.is_empty() => {
                app.message = Some(words::nothing_found(self.field.text()));
                return Step::Stay;
            }
            Action::Open => {
                self.show(app);
                return Step::Close;
            }
            Action::Back => {
                if app.topic != self.before {
                    app.select_topic(self.before);
                }
                return Step::Close;
            }
            Action::Search => {
                if app.topic != self.before {
                    app.select_topic(self.before);
                }
                app.search.field = TextField::new(self.field.text());
                app.search.dirty = true;
                search::update::settle(app);
                return match search::update::open(app) {
                    Step::Open(m) => Step::Replace(m),
                    other => other,
                };
            }
            _ => return Step::Stay,
        }
        self.show(app);
        Step::Stay
    }

    fn draw(&self, frame: &mut Frame, app: &App, regions: &Regions) {
        super::view::draw(frame, app, self, regions.topics);
    }
}
