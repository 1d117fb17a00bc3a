//! The accept dialog's keys: type the question, Enter writes, Esc cancels.

use crate::compare::RowKind;
use crate::tui::action::{Action, Outcome};
use crate::tui::app::App;
use crate::tui::keymap::{Binding, ctrl, k, listed, shown};
use crate::tui::layout::Regions;
use crate::tui::modal::component::{Component, Step};
use crate::tui::state::Modal;
use crate::tui::state::accept::Accept;
use crate::tui::strings::{self, footer, help};
use crate::tui::text_field::{Edit, TextField};
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;

/// The dialog's keys (any other character types into the question).
pub const BINDINGS: &[Binding] = &[
    shown(
        &[k(KeyCode::Enter)],
        Action::Open,
        help::ACCEPT_SUBMIT,
        footer::ACCEPT_SUBMIT,
    ),
    shown(
        &[k(KeyCode::Esc)],
        Action::Back,
        help::ACCEPT_CANCEL,
        footer::ACCEPT_CANCEL,
    ),
    shown(
        &[k(KeyCode::Down)],
        Action::Down,
        help::ACCEPT_RELATION_NEXT,
        footer::ACCEPT_RELATION,
    ),
    listed(&[k(KeyCode::Up)], Action::Up, help::ACCEPT_RELATION_PREV),
    shown(
        &[k(KeyCode::Tab)],
        Action::NextPane,
        help::ACCEPT_QUESTION_NEXT,
        footer::ACCEPT_QUESTION,
    ),
    listed(
        &[k(KeyCode::BackTab)],
        Action::PrevPane,
        help::ACCEPT_QUESTION_PREV,
    ),
    listed(
        &[k(KeyCode::Left)],
        Action::Edit(Edit::Left),
        help::ACCEPT_LEFT,
    ),
    listed(
        &[k(KeyCode::Right)],
        Action::Edit(Edit::Right),
        help::ACCEPT_RIGHT,
    ),
    listed(
        &[k(KeyCode::Home)],
        Action::Edit(Edit::Home),
        help::ACCEPT_HOME,
    ),
    listed(
        &[k(KeyCode::End)],
        Action::Edit(Edit::End),
        help::ACCEPT_END,
    ),
    listed(
        &[k(KeyCode::Backspace)],
        Action::Edit(Edit::Backspace),
        help::ACCEPT_BACKSPACE,
    ),
    listed(
        &[k(KeyCode::Delete)],
        Action::Edit(Edit::Delete),
        help::ACCEPT_DELETE,
    ),
    listed(&[ctrl('u')], Action::Edit(Edit::Erase), help::ACCEPT_ERASE),
    shown(
        &[k(KeyCode::F(1))],
        Action::Help,
        crate::tui::strings::help::HELP,
        crate::tui::strings::footer::HELP,
    ),
];

/// Why nothing can be accepted into these files, said before a question is typed: side files
/// from several folders, or named one by one beside a manifest they leave out.
fn refusal(files: &crate::tui::state::live::Files) -> Option<String> {
    if let Some(why) = &files.refused {
        return Some(why.clone());
    }
    if files.has_manifest() {
        return None;
    }
    let folder = crate::edit::folder_of(&files.paths)?;
    crate::edit::manifest_left_out(&folder, &files.sides).map(|e| e.to_string())
}

/// Opens the dialog on the selected suggested row, or says why not.
pub fn open(app: &mut App) -> Step {
    match selected_pair(app) {
        // Said before a question is typed, not after: there is no file to write it to.
        Some(_) if app.suggest.files.is_none() => {
            app.message = Some(crate::edit::EditError::Bundled.to_string());
            Step::Stay
        }
        // As `x` and `u` are: the files on disk do not load, so nothing typed could be written.
        Some(_) if !app.live.broken.is_empty() => {
            app.message = Some(strings::write_while_broken(&app.live.paths));
            Step::Stay
        }
        Some(_) if let Some(why) = app.suggest.files.as_ref().and_then(refusal) => {
            app.message = Some(strings::write_failed(&why));
            Step::Stay
        }
        Some((left, right)) => {
            let first =
                fitting_question(app).unwrap_or_else(|| crate::edit::DEFAULT_QUESTION.to_owned());
            // The topic's questions, for Tab: the pair may answer one the matcher did not see,
            // and joining its point needs the question exactly as it is written.
            let topic = app
                .dispute
                .find_claim(&left)
                .map(|at| app.dispute.ids(at).1);
            let questions = topic
                .map(|t| crate::tui::state::accept::topic_questions(&app.dispute, t))
                .unwrap_or_default();
            // The question opened with is in the round: as the topic's, or as the analyst's own.
            let (own, choice) = match questions.iter().position(|q| *q == first) {
                Some(i) => (None, i),
                None => (Some(first.clone()), 0),
            };
            Step::Open(Modal::Accept(Accept {
                question: TextField::proposed(first),
                left,
                right,
                relation: None,
                questions,
                own,
                choice,
            }))
        }
        None => {
            app.message = Some(strings::not_suggested(&toggle_key(app)));
            Step::Stay
        }
    }
}

/// Dismisses the selected suggested row, or says why not.
pub fn dismiss(app: &mut App) -> Step {
    match selected_pair(app) {
        Some((left, right)) => Step::Then(Outcome::Dismiss { left, right }),
        None => {
            app.message = Some(strings::not_suggested(&toggle_key(app)));
            Step::Stay
        }
    }
}

/// The claim ids of the selected row, when it is a suggested one.
fn selected_pair(app: &App) -> Option<(String, String)> {
    let row = app.current_row().filter(|r| r.kind == RowKind::Suggested)?;
    let (l, r) = (*row.left.first()?, *row.right.first()?);
    Some((
        app.dispute.claim(l)?.id.to_string(),
        app.dispute.claim(r)?.id.to_string(),
    ))
}

/// The manifest question both claims of the selected suggested row answer, if any: accepting
/// with it unchanged joins that question's point.
fn fitting_question(app: &App) -> Option<String> {
    let row = app.current_row().filter(|r| r.kind == RowKind::Suggested)?;
    let (l, r) = (*row.left.first()?, *row.right.first()?);
    app.suggest
        .pairs
        .iter()
        .find(|s| s.left == l && s.right == r)?
        .question
        .clone()
}

/// Where the dialog sits.
pub fn area(app: &App, a: &Accept, main: Rect) -> Rect {
    super::view::layout(app, a, main).0
}

impl Component for Accept {
    fn title(&self) -> &'static str {
        strings::ACCEPT_TITLE
    }

    fn bindings(&self) -> &'static [Binding] {
        BINDINGS
    }

    fn types(&self) -> bool {
        true
    }

    /// `Tab` is offered only where the topic's points ask another question.
    fn works(&self, _app: &App, action: Action) -> bool {
        !matches!(action, Action::NextPane | Action::PrevPane) || self.round().len() > 1
    }

    fn update(&mut self, app: &mut App, action: Action) -> Step {
        // F1: help in a field where `?` is typed.
        if action == Action::Help {
            return crate::tui::modal::help::update::open(app, self);
        }
        match action {
            Action::Back => Step::Close,
            Action::Open if crate::edit::asks_nothing(self.question.text()) => {
                app.message = Some(strings::EMPTY_QUESTION.to_owned());
                Step::Stay
            }
            // An escape sequence pasted in, a bidirectional mark: refused, as `link --question`
            // refuses it, rather than written into the manifest.
            Action::Open if let Some(c) = crate::text::not_one_line(self.question.text()) => {
                app.message = Some(strings::hidden_in_question(c));
                Step::Stay
            }
            Action::Up | Action::Down => {
                let all = crate::tui::state::accept::relations();
                let at = all.iter().position(|r| *r == self.relation).unwrap_or(0);
                let n = all.len();
                let next = if action == Action::Down {
                    at + 1
                } else {
                    at + n - 1
                };
                self.relation = all.get(next % n).copied().flatten();
                Step::Stay
            }
            Action::NextPane | Action::PrevPane if self.questions.is_empty() => {
                app.message = Some(strings::ACCEPT_NO_QUESTIONS.to_owned());
                Step::Stay
            }
            Action::NextPane | Action::PrevPane => {
                self.step_question(action == Action::NextPane);
                Step::Stay
            }
            Action::Open if app.suggest.pending => {
                app.message = Some(strings::ACCEPT_WAIT.to_owned());
                Step::Stay
            }
            Action::Open
                if let Some(why) =
                    self.stale(&app.dispute, &app.suggest.pairs, app.suggest.pending) =>
            {
                app.message = Some(why.to_owned());
                Step::Close
            }
            Action::Open => {
                let (left, right) = (self.left.clone(), self.right.clone());
                let question = self.question.text().trim().to_owned();
                let relation = self.relation.map(|(from_left, kind)| {
                    if from_left {
                        (left.clone(), kind, right.clone())
                    } else {
                        (right.clone(), kind, left.clone())
                    }
                });
                let outcome = Outcome::Link {
                    left,
                    right,
                    question,
                    relation,
                };
                // The loop writes, then closes the dialog (see `effects::link`).
                Step::Then(outcome)
            }
            Action::Edit(edit) => {
                self.question.apply(edit);
                Step::Stay
            }
            _ => Step::Stay,
        }
    }

    fn draw(&self, frame: &mut Frame, app: &App, regions: &Regions) {
        super::view::draw(frame, app, self, regions.main);
    }
}

/// The key in force that shows or hides the suggested rows.
fn toggle_key(app: &App) -> String {
    app.keymap.key_for(
        crate::tui::modal::screen::BINDINGS,
        false,
        Action::ToggleSuggestions,
    )
}
