//! The as-of bar's keys: type a date, or step it a day (←, →) or a week (↑, ↓); Home and End go
//! to the first and last day a claim was made, Delete shows every date again. Each change
//! applies at once; Enter keeps it, Esc goes back to the date in force before.

use crate::format::Date;
use crate::timeline;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Binding, k, listed, shown};
use crate::tui::layout::Regions;
use crate::tui::modal::component::{Component, Step};
use crate::tui::state::Modal;
use crate::tui::state::as_of::AsOfBar;
use crate::tui::strings::as_of as words;
use crate::tui::text_field::{Edit, TextField};
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;

/// The bar's keys (digits and `-` type the date).
pub const BINDINGS: &[Binding] = &[
    shown(
        &[k(KeyCode::Left)],
        Action::StepDate(-1),
        words::DAY_BACK,
        words::FOOTER_DAY_BACK,
    ),
    shown(
        &[k(KeyCode::Right)],
        Action::StepDate(1),
        words::DAY_ON,
        words::FOOTER_DAY_ON,
    ),
    shown(
        &[k(KeyCode::Up), k(KeyCode::PageUp)],
        Action::StepDate(-7),
        words::WEEK_BACK,
        words::FOOTER_WEEK_BACK,
    ),
    shown(
        &[k(KeyCode::Down), k(KeyCode::PageDown)],
        Action::StepDate(7),
        words::WEEK_ON,
        words::FOOTER_WEEK_ON,
    ),
    listed(&[k(KeyCode::Home)], Action::First, words::FIRST),
    listed(&[k(KeyCode::End)], Action::Last, words::LAST),
    shown(
        &[k(KeyCode::Delete)],
        Action::Clear,
        words::CLEAR,
        words::FOOTER_CLEAR,
    ),
    listed(
        &[k(KeyCode::Backspace)],
        Action::Edit(Edit::Backspace),
        words::BACKSPACE,
    ),
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
        &[k(KeyCode::F(1))],
        Action::Help,
        crate::tui::strings::help::HELP,
        crate::tui::strings::footer::HELP,
    ),
];

/// Opens the bar on the date in force.
pub fn open(app: &mut App) -> Step {
    let before = app.query.filter.as_of;
    let selected = app.selection();
    Step::Open(Modal::AsOf(AsOfBar {
        field: TextField::proposed(before.map(|d| d.to_string()).unwrap_or_default()),
        before,
        selected,
        span: span(app),
        note: None,
    }))
}

/// After the files changed on disk: the span of dated claims (the hint, `Home`, `End`) is the
/// new dispute's; the date typed stays.
pub fn refresh(app: &App, bar: &mut AsOfBar) {
    bar.span = span(app);
}

/// The first and last day a claim was made, of the claims the other filters keep (`--party
/// india`: India's), so `Home` and `End` and the bar's hint are about what is shown.
fn span(app: &App) -> Option<(Date, Date)> {
    let filter = crate::query::Filter {
        as_of: None,
        ..app.query.filter.clone()
    };
    if filter.is_empty() {
        return timeline::span(&app.dispute, &app.cmp);
    }
    timeline::span(&app.dispute, &filter.apply(&app.dispute, &app.cmp))
}

/// Puts a date in force (or none), as `--as-of` does: the comparison, the header and the counts
/// follow (in the loop, once its worker has run the query: the key is drawn at once).
pub fn set(app: &mut App, date: Option<Date>) {
    if app.query.filter.as_of != date {
        app.query.filter.as_of = date;
        app.requery_later();
    }
}

/// The date `days` from `from`, kept within the span of dated claims.
pub fn stepped(from: Date, days: i32, span: Option<(Date, Date)>) -> Date {
    let to = timeline::shift(from, days);
    match span {
        Some((first, _)) if to.last_day() < first.last_day() => first,
        Some((_, last)) if to.last_day() > last.last_day() => last,
        _ => to,
    }
}

impl AsOfBar {
    /// Shows `date` in the field and puts it in force.
    fn go(&mut self, app: &mut App, date: Option<Date>) {
        self.field = TextField::proposed(date.map(|d| d.to_string()).unwrap_or_default());
        self.note = None;
        self.put(app, date);
    }

    /// Puts `date` in force, unless it comes before the `since` filter (nothing said by then
    /// could match): then the date in force stays, and the note says why and what to do.
    fn put(&mut self, app: &mut App, date: Option<Date>) {
        let filter = crate::query::Filter {
            as_of: date,
            ..app.query.filter.clone()
        };
        match filter.since_after_as_of() {
            Some((since, at)) => {
                let kept = app.query.filter.as_of.map(|d| d.to_string());
                let key =
                    app.keymap
                        .key_for(crate::tui::modal::screen::BINDINGS, false, Action::Filters);
                self.note = Some(words::before_since(
                    &at.to_string(),
                    &since.to_string(),
                    kept.as_deref(),
                    &key,
                ));
            }
            None => set(app, date),
        }
    }

    /// Applies the text as typed: a date applies at once; anything else waits, saying why.
    fn typed(&mut self, app: &mut App) {
        let text = self.field.text().trim();
        if text.is_empty() {
            self.note = None;
            set(app, None);
            return;
        }
        match text.parse::<Date>() {
            Ok(d) => {
                self.note = None;
                self.put(app, Some(d));
            }
            Err(e) => {
                let typed = crate::text::clean(text).text;
                let kept = app.query.filter.as_of.map(|d| d.to_string());
                self.note = Some(words::not_a_date(&typed, &e.to_string(), kept.as_deref()));
            }
        }
    }
}

impl Component for AsOfBar {
    fn title(&self) -> &'static str {
        words::TITLE
    }

    fn bindings(&self) -> &'static [Binding] {
        BINDINGS
    }

    fn types(&self) -> bool {
        true
    }

    fn works(&self, app: &App, action: Action) -> bool {
        match action {
            // At either end a step says where it stands; the footer offers only the steps
            // that move (it offered `← day-` on the first day).
            Action::StepDate(days) => self.span.is_some_and(|(first, last)| {
                let from = app.query.filter.as_of.unwrap_or(last);
                stepped(from, days, self.span) != from
                    && !(days < 0 && from.last_day() < first.last_day())
            }),
            Action::First | Action::Last => self.span.is_some(),
            Action::Clear => app.query.filter.as_of.is_some() || !self.field.text().is_empty(),
            _ => true,
        }
    }

    fn update(&mut self, app: &mut App, action: Action) -> Step {
        // F1: help in a field where `?` is typed.
        if action == Action::Help {
            return crate::tui::modal::help::update::open(app, self);
        }
        // Only a new date may leave its query for the loop's worker: the rest act on the
        // comparison the date in force makes.
        if !matches!(
            action,
            Action::StepDate(_) | Action::First | Action::Last | Action::Clear | Action::Edit(_)
        ) {
            app.settle_query();
        }
        match action {
            Action::Back => {
                set(app, self.before);
                app.settle_query();
                // The topic and row selected before, where the date had moved away from them.
                app.reselect(&self.selected);
                return Step::Close;
            }
            Action::Open if self.note.is_some() => {
                app.message = self.note.clone();
            }
            Action::Open => return Step::Close,
            Action::StepDate(days) => match self.span {
                Some((first, last)) => {
                    let from = app.query.filter.as_of.unwrap_or(last);
                    let to = stepped(from, days, self.span);
                    // At either end of the dated claims a step goes nowhere: said, as the
                    // timeline says it at its first and last bar.
                    if to == from && days != 0 {
                        app.message = Some(if days < 0 {
                            words::at_first(&first.to_string())
                        } else {
                            words::at_last(&last.to_string())
                        });
                    }
                    self.go(app, Some(to));
                }
                None => app.message = Some(words::NO_DATES.to_owned()),
            },
            Action::First | Action::Last => match self.span {
                Some((first, last)) => {
                    let to = if action == Action::First { first } else { last };
                    self.go(app, Some(to));
                }
                None => app.message = Some(words::NO_DATES.to_owned()),
            },
            Action::Clear => self.go(app, None),
            Action::Edit(Edit::Insert(c)) if !(c.is_ascii_digit() || c == '-') => {
                self.note = Some(words::ONLY_DIGITS.to_owned());
            }
            // Backspace on a date put there (on opening, after a step) takes its last
            // character, as ← and → step and cannot keep the date to edit: `2025-09-29` after
            // End, its day mistaken, becomes `2025-09-2` to type the day again, not every date
            // (Delete is that).
            Action::Edit(Edit::Backspace) if self.field.is_selected() => {
                self.field.apply(Edit::End);
                if self.field.apply(Edit::Backspace) {
                    self.typed(app);
                }
            }
            // A date put there is a proposal: the first character typed starts a new date (see
            // `TextField::proposed`).
            Action::Edit(edit) if self.field.apply(edit) => self.typed(app),
            _ => {}
        }
        // Back on the topic and row selected when the bar opened, once the date shows it again
        // (a date before its first claim had moved the screen to another topic).
        app.reselect(&self.selected);
        Step::Stay
    }

    fn draw(&self, frame: &mut Frame, app: &App, regions: &Regions) {
        super::view::draw(frame, app, self, regions.main);
    }
}
