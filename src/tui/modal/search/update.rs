//! Search on the screen: `/` opens the search line over the comparison; every keystroke re-runs
//! the query pipeline (`App::requery`) and the results list shows the hits, best first. Enter
//! jumps to a hit in its row; `n` and `N` step through the hits in reading order; `&` (or Ctrl-N
//! in the line) keeps only the rows with a hit. Esc leaves the line and keeps the search; a second
//! Esc clears it.

pub use super::hits::{active, current, entry, hits, list_len, page, searched};
use crate::format::ClaimAt;
use crate::query::HitAt;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Binding, ctrl, k, listed, shown};
use crate::tui::layout::Regions;
use crate::tui::modal::component::{Component, Step};
use crate::tui::state::search::SearchLine;
use crate::tui::strings::{self, footer, help};
use crate::tui::text_field::{Edit, TextField};
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;

/// The bindings in the search line, which its footer, the help and README list. Any other
/// character (without Ctrl or Alt) types into the line.
pub const BINDINGS: &[Binding] = &[
    listed(&[k(KeyCode::Up)], Action::Up, help::SEARCH_UP),
    shown(
        &[k(KeyCode::Down)],
        Action::Down,
        help::SEARCH_DOWN,
        footer::SEARCH_CHOOSE,
    ),
    listed(&[k(KeyCode::PageUp)], Action::PageUp, help::SEARCH_PAGE_UP),
    listed(
        &[k(KeyCode::PageDown)],
        Action::PageDown,
        help::SEARCH_PAGE_DOWN,
    ),
    shown(
        &[k(KeyCode::Enter)],
        Action::Open,
        help::SEARCH_SUBMIT,
        footer::SEARCH_SUBMIT,
    ),
    shown(
        &[k(KeyCode::Esc)],
        Action::Back,
        help::SEARCH_LEAVE,
        footer::SEARCH_LEAVE,
    ),
    shown(
        &[ctrl('n')],
        Action::Narrow,
        help::SEARCH_NARROW,
        footer::SEARCH_NARROW,
    ),
    listed(&[ctrl('u')], Action::Edit(Edit::Erase), help::SEARCH_ERASE),
    listed(
        &[k(KeyCode::Left)],
        Action::Edit(Edit::Left),
        help::SEARCH_LEFT,
    ),
    listed(
        &[k(KeyCode::Right)],
        Action::Edit(Edit::Right),
        help::SEARCH_RIGHT,
    ),
    listed(
        &[k(KeyCode::Home)],
        Action::Edit(Edit::Home),
        help::SEARCH_HOME,
    ),
    listed(
        &[k(KeyCode::End)],
        Action::Edit(Edit::End),
        help::SEARCH_END,
    ),
    listed(
        &[k(KeyCode::Backspace)],
        Action::Edit(Edit::Backspace),
        help::SEARCH_BACKSPACE,
    ),
    listed(
        &[k(KeyCode::Delete)],
        Action::Edit(Edit::Delete),
        help::SEARCH_DELETE,
    ),
    shown(
        &[k(KeyCode::F(1))],
        Action::Help,
        crate::tui::strings::help::HELP,
        crate::tui::strings::footer::HELP,
    ),
];

/// Opens the search line on the search in force (or an empty one).
pub fn open(app: &mut App) -> Step {
    app.search.field.apply(Edit::End);
    Step::Open(crate::tui::state::Modal::Search(SearchLine))
}

/// Clears the search: no hits, no narrowing.
pub fn clear(app: &mut App) {
    app.search.field = TextField::default();
    app.query.narrow = false;
    app.search.dirty = true;
    settle(app);
}

/// Keeps only the rows with a hit, or all rows again.
pub fn toggle_narrow(app: &mut App) {
    // The hit the analyst is on stays on screen, scrolled to, in the comparison laid out anew
    // (`&` on a tall row's third claim showed the row from its top, the hit out of sight).
    let in_row = |at: &ClaimAt| {
        app.current_row()
            .is_some_and(|r| r.claims().any(|c| c == *at))
    };
    let hit = crate::tui::modal::take::chosen_in_row(app).or_else(|| {
        app.search
            .current
            .and_then(|i| app.outcome.as_ref()?.order.get(i))
            .map(|h| h.claim)
            .filter(in_row)
    });
    app.query.narrow = !app.query.narrow;
    app.search.dirty = false;
    run(app, false);
    if app.search.text().trim().is_empty() {
        app.message = Some(
            if app.query.narrow {
                strings::search::NARROW_WAITS
            } else {
                strings::search::NARROW_OFF
            }
            .to_owned(),
        );
    }
    if let Some(at) = hit
        && let Some((topic, row, _)) = app.locate(at)
    {
        let focus = app.focus;
        app.reveal(topic, row, at);
        app.focus = focus;
    }
}

/// Runs the line's text as the query; `typing` lets a narrowed comparison be kept meanwhile
/// (see `Session::typing`); otherwise it is rebuilt exactly.
fn run(app: &mut App, typing: bool) {
    app.session.typing(typing);
    take_line(app);
    app.requery();
}

/// The line's text as the query's search (none when it holds only spaces).
fn take_line(app: &mut App) {
    let text = app.search.field.text();
    app.query.search = (!text.trim().is_empty()).then(|| text.to_owned());
}

/// Re-runs the query if typing changed it since the last run.
pub fn settle(app: &mut App) {
    let typing = app.searching();
    settle_as(app, typing);
}

/// What the loop calls after a burst of keys: a search typed in the open line, or a query left
/// for later (a date stepped, see `App::requery_later`), is asked of the loop's query worker
/// (the key shows at once, the comparison follows); anything else that changed the search runs
/// now. A query already out with the worker is left to it: a burst that changed nothing (the
/// mouse moved) does not wait for it, and the keys that read its answer wait in `update`.
pub fn settle_later(app: &mut App) {
    if app.search.dirty {
        if app.searching() {
            app.search.dirty = false;
            take_line(app);
            app.ask_query(true);
        } else {
            settle(app);
        }
    } else if app.query_stale {
        app.ask_query(false);
    }
}

/// [`settle`], knowing whether the line is still being typed in. A search still out with the
/// worker is run now, so a key acts on the hits of the text as typed.
fn settle_as(app: &mut App, typing: bool) {
    if app.search.dirty {
        app.search.dirty = false;
        run(app, typing);
    } else if app.query_pending() || app.query_stale {
        // The line's text is the query's already (taken when it was asked).
        app.session.typing(typing);
        app.settle_query();
    }
}

/// The worker's ranking came back: the list switches to it if it is for the hits on screen.
pub fn ranked(app: &mut App, done: crate::tui::state::search::Done) -> bool {
    let outcome = app.outcome.as_ref();
    let changed = app.search.receive(done, outcome);
    if changed {
        keep_cursor_visible(app);
    }
    changed
}

/// Shows a hit: its topic, its row selected and on screen with the claim in view, the
/// comparison focused; it becomes the current hit.
pub fn go(app: &mut App, at: HitAt) {
    app.reveal(at.topic, at.row, at.claim);
    app.search.current =
        searched(app).and_then(|o| o.order.iter().position(|h| h.claim == at.claim));
}

/// `n` / `N`: the next or previous hit in reading order, wrapping round. Without a current hit,
/// the first from the selected row on (or the last before it).
pub fn step(app: &mut App, forward: bool) {
    let current = current(app);
    let Some(o) = searched(app) else {
        let key = app
            .keymap
            .key_for(crate::tui::modal::screen::BINDINGS, false, Action::Search);
        app.message = Some(strings::search::no_search(&key));
        return;
    };
    let next = match current {
        Some(i) => o.step(Some(i), forward),
        None => {
            let from = o.hit_from(app.topic, app.row);
            if forward {
                from
            } else {
                from.and_then(|i| o.step(Some(i), false))
            }
        }
    };
    let Some(i) = next else {
        app.message = Some(strings::search::no_hit(app.search.text()));
        return;
    };
    if let Some(&at) = o.order.get(i) {
        go(app, at);
    }
}

/// After a resize with the search open, the list `before` entries tall: grown, the list shows as many more
/// entries above as it gained rows, so a list scrolled at a small size shows its first hits
/// again (its top stayed where the small size had put it); shrunk, the hit chosen stays in
/// sight.
pub fn resized(app: &mut App, before: usize) {
    let after = page(app);
    let s = &mut app.search;
    s.list_top = s.list_top.saturating_sub(after.saturating_sub(before));
    keep_cursor_visible(app);
}

fn keep_cursor_visible(app: &mut App) {
    let page = page(app);
    let s = &mut app.search;
    if s.cursor < s.list_top {
        s.list_top = s.cursor;
    } else if s.cursor >= s.list_top + page {
        s.list_top = s.cursor + 1 - page;
    }
}

impl Component for SearchLine {
    fn title(&self) -> &'static str {
        strings::search::TITLE
    }

    fn bindings(&self) -> &'static [Binding] {
        BINDINGS
    }

    fn types(&self) -> bool {
        true
    }

    fn clicks(&self) -> bool {
        true
    }

    fn works(&self, app: &App, action: Action) -> bool {
        let (cursor, n) = (app.search.cursor, list_len(app));
        match action {
            Action::Edit(edit) => app.search.field.moves(edit),
            Action::Up | Action::PageUp => cursor > 0,
            Action::Down | Action::PageDown => cursor + 1 < n,
            Action::Open | Action::Narrow => n > 0,
            _ => true,
        }
    }

    fn update(&mut self, app: &mut App, action: Action) -> Step {
        // F1: help in a field where `?` is typed.
        if action == Action::Help {
            return crate::tui::modal::help::update::open(app, self);
        }
        if let Action::Edit(edit) = action
            && edit != Edit::Erase
        {
            if app.search.field.apply(edit) {
                app.search.dirty = true;
                if !app.search.fold {
                    settle_as(app, true);
                }
            }
            return Step::Stay;
        }
        settle_as(app, true);
        let n = list_len(app);
        let last = n.saturating_sub(1);
        let page = page(app);
        let step = match action {
            // A click on an entry selects it; on the entry selected, goes to it, as Enter.
            Action::Click { column, row } => {
                match super::hits::entry_at(app, ratatui::layout::Position::new(column, row)) {
                    Some(i) if i == app.search.cursor => return self.update(app, Action::Open),
                    Some(i) => app.search.cursor = i,
                    None => {}
                }
                Step::Stay
            }
            Action::Scroll { column, row, lines }
                if super::hits::area(&app.regions())
                    .contains(ratatui::layout::Position::new(column, row)) =>
            {
                app.search.cursor = app
                    .search
                    .cursor
                    .saturating_add_signed(isize::from(lines))
                    .min(last);
                Step::Stay
            }
            Action::Edit(_) => {
                app.search.field = TextField::default();
                app.search.dirty = true;
                settle_as(app, true);
                Step::Stay
            }
            Action::Narrow => {
                toggle_narrow(app);
                Step::Stay
            }
            Action::Up => {
                app.search.cursor = app.search.cursor.saturating_sub(1);
                Step::Stay
            }
            Action::Down => {
                app.search.cursor = (app.search.cursor + 1).min(last);
                Step::Stay
            }
            Action::PageUp => {
                app.search.cursor = app.search.cursor.saturating_sub(page);
                Step::Stay
            }
            Action::PageDown => {
                app.search.cursor = (app.search.cursor + page).min(last);
                Step::Stay
            }
            Action::Open => {
                if n == 0 {
                    app.message = Some(strings::search::no_hit(app.search.text()));
                    return Step::Stay;
                }
                let Some((at, _)) = entry(app, app.search.cursor) else {
                    return Step::Stay;
                };
                leave(app);
                // Leaving may rebuild the narrowed comparison: find the claim again.
                let at = searched(app)
                    .and_then(|o| o.order.iter().find(|h| h.claim == at.claim).copied())
                    .unwrap_or(at);
                go(app, at);
                return Step::Close;
            }
            Action::Back => {
                leave(app);
                return Step::Close;
            }
            _ => Step::Stay,
        };
        keep_cursor_visible(app);
        step
    }

    fn draw(&self, frame: &mut Frame, app: &App, regions: &Regions) {
        super::view::draw(frame, app, regions);
    }
}

/// Leaves the search line; a narrowed comparison kept while typing is made exact.
fn leave(app: &mut App) {
    if app.query.narrow {
        run(app, false);
    }
}
