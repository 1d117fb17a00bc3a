//! Search in the terminal UI: `/` opens a search line over the comparison; every keystroke
//! re-runs the query pipeline (`App::requery`) and the results list shows the hits, best first.
//! Enter jumps to a hit in its row; `n` and `N` step through the hits in reading order; `&` (or
//! Ctrl-N in the line) keeps only the rows with a hit. Esc leaves the line and keeps the search;
//! a second Esc clears it.
//!
//! Finding hits is cheap enough for every keystroke; scoring them is not (about 150 ms for 80,000
//! hits). A few hits are ranked at once; more are listed in reading order while a worker thread
//! ranks them after a pause in typing, and the list switches to the ranking when it arrives.

use super::app::{App, Focus, Scroll, layout_row};
use super::text_field::{Edit, TextField};
use crate::query::{Hit, HitAt, Outcome, Ranking};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

/// Up to this many hits are ranked on the keystroke itself (a few milliseconds).
pub const RANK_AT_ONCE: usize = 1_000;
/// How long typing must pause before the worker ranks many hits.
const PAUSE: Duration = Duration::from_millis(80);

/// A key in the search line, as the bindings table in `keys.rs` names it. Any other character
/// types into the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// A typed character.
    Type(char),
    /// Delete before the cursor.
    Backspace,
    /// Delete under the cursor.
    Delete,
    /// Cursor one left.
    Left,
    /// Cursor one right.
    Right,
    /// Cursor to the start.
    Home,
    /// Cursor to the end.
    End,
    /// Empty the line.
    Erase,
    /// The previous hit of the list.
    Up,
    /// The next hit of the list.
    Down,
    /// A page of hits up.
    PageUp,
    /// A page of hits down.
    PageDown,
    /// Jump to the chosen hit.
    Submit,
    /// Leave the line, keeping the search.
    Leave,
}

/// The hits as the results list orders them.
#[derive(Debug, Clone, Default)]
pub enum Ranked {
    /// No search, or not ranked yet: the list follows reading order.
    #[default]
    Pending,
    /// Best first, with the field each matched best.
    Ready(Vec<(Hit, HitAt)>),
}

/// The search's state in the UI.
#[derive(Debug, Default)]
pub struct Search {
    /// The search line is open and takes the keys.
    pub editing: bool,
    /// What is typed.
    pub field: TextField,
    /// The chosen entry of the results list.
    pub cursor: usize,
    /// The first entry the list shows.
    pub list_top: usize,
    /// The hit last jumped or stepped to, an index into the outcome's hits in reading order.
    pub current: Option<usize>,
    /// The results list's order.
    pub ranked: Ranked,
    /// While true (inside a burst of keys), typing does not re-run the query; [`settle`] does.
    pub fold: bool,
    dirty: bool,
    generation: u64,
    /// The hits (index entries) and scores of the last scoring, kept to re-place it when only
    /// the places changed (narrowing toggled).
    scored: Option<Scored>,
    worker: Option<Worker>,
    waiting: bool,
}

/// What a scoring was of (the query and the hits' index entries) and its result.
type Scored = (String, Vec<usize>, Vec<(usize, Hit)>);
type Done = (u64, Scored);

/// The ranking thread: takes the latest job after a pause, scores it, hands the result back.
#[derive(Debug)]
struct Worker {
    jobs: Sender<(u64, Ranking)>,
    done: Receiver<Done>,
}

impl Worker {
    fn spawn() -> Option<Worker> {
        let (jobs, inbox) = mpsc::channel::<(u64, Ranking)>();
        let (outbox, done) = mpsc::channel::<Done>();
        // Its own single-thread pool: scoring on the shared pool would queue the next
        // keystroke's search behind it.
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .thread_name(|_| "parallax-rank-pool".to_owned())
            .build()
            .ok()?;
        std::thread::Builder::new()
            .name("parallax-rank".to_owned())
            .spawn(move || {
                while let Ok(mut job) = inbox.recv() {
                    // Only the latest query matters: wait for typing to pause.
                    loop {
                        match inbox.recv_timeout(PAUSE) {
                            Ok(newer) => job = newer,
                            Err(RecvTimeoutError::Timeout) => break,
                            Err(RecvTimeoutError::Disconnected) => return,
                        }
                    }
                    let (generation, ranking) = job;
                    let scored = pool.install(|| ranking.run());
                    if outbox
                        .send((
                            generation,
                            (
                                ranking.query().to_owned(),
                                ranking.entries().to_vec(),
                                scored,
                            ),
                        ))
                        .is_err()
                    {
                        return;
                    }
                }
            })
            .ok()?;
        Some(Worker { jobs, done })
    }
}

impl Search {
    /// The search text in force, if any (blank counts as none).
    pub fn text(&self) -> &str {
        self.field.text()
    }
}

/// The outcome when it holds a search.
pub fn searched(app: &App) -> Option<&Outcome> {
    app.outcome.as_ref().filter(|o| o.pattern.is_some())
}

/// True when a search is in force (its hits are marked, `n` and `N` step through them).
pub fn active(app: &App) -> bool {
    searched(app).is_some()
}

/// The number of hits of the search in force.
pub fn hits(app: &App) -> usize {
    searched(app).map_or(0, |o| o.order.len())
}

/// The results list's entry `i`: where the hit sits, and its score and best field once ranked.
pub fn entry(app: &App, i: usize) -> Option<(HitAt, Option<&Hit>)> {
    match &app.search.ranked {
        Ranked::Ready(list) => list.get(i).map(|(h, at)| (*at, Some(h))),
        Ranked::Pending => searched(app)?.order.get(i).map(|&at| (at, None)),
    }
}

/// True while the worker is ranking for the list (the event loop then wakes up to show it).
pub fn ranking(app: &App) -> bool {
    app.search.waiting
}

/// Opens the search line on the search in force (or an empty one).
pub fn open(app: &mut App) {
    app.search.editing = true;
    app.search.field.apply(Edit::End);
}

/// Clears the search: no hits, no narrowing.
pub fn clear(app: &mut App) {
    app.search.field = TextField::default();
    app.search.editing = false;
    app.query.narrow = false;
    app.search.dirty = true;
    settle(app);
}

/// Keeps only the rows with a hit, or all rows again.
pub fn toggle_narrow(app: &mut App) {
    app.query.narrow = !app.query.narrow;
    app.search.dirty = false;
    exact(app);
}

/// Runs the query with the narrowed comparison rebuilt exactly (see `Session::typing`).
fn exact(app: &mut App) {
    run(app, false);
}

/// Runs the line's text as the query; `typing` lets a narrowed comparison be kept meanwhile.
fn run(app: &mut App, typing: bool) {
    app.session.typing(typing);
    let text = app.search.field.text();
    app.query.search = (!text.trim().is_empty()).then(|| text.to_owned());
    app.requery();
}

/// Leaves the search line; a narrowed comparison kept while typing is made exact.
fn leave(app: &mut App) {
    app.search.editing = false;
    if app.query.narrow {
        exact(app);
    }
}

/// Re-runs the query if typing changed it since the last run.
pub fn settle(app: &mut App) {
    if app.search.dirty {
        settle_now(app);
    }
}

fn settle_now(app: &mut App) {
    app.search.dirty = false;
    run(app, app.search.editing);
}

/// After the query ran: the list starts again at the top, the current hit stays the same claim
/// if it is still a hit, and the hits are ranked (now or by the worker).
pub fn refresh(app: &mut App) {
    let current = app.search.current.and_then(|i| {
        let o = searched(app)?;
        o.order.get(i).map(|h| h.claim)
    });
    let s = &mut app.search;
    s.generation += 1;
    s.cursor = 0;
    s.list_top = 0;
    s.waiting = false;
    s.ranked = Ranked::Pending;
    let Some(outcome) = app.outcome.as_ref().filter(|o| o.pattern.is_some()) else {
        s.current = None;
        return;
    };
    s.current = current.and_then(|c| outcome.order.iter().position(|h| h.claim == c));
    let Some(ranking) = outcome.ranking() else {
        return;
    };
    // Narrowing toggled: the same hits in other places, so the scores still hold.
    if let Some((query, entries, scored)) = &s.scored
        && query == ranking.query()
        && entries == ranking.entries()
    {
        s.ranked = Ranked::Ready(outcome.place(scored.clone()));
        return;
    }
    if ranking.len() <= RANK_AT_ONCE {
        let scored = ranking.run();
        s.ranked = Ranked::Ready(outcome.place(scored.clone()));
        s.scored = Some((
            ranking.query().to_owned(),
            ranking.entries().to_vec(),
            scored,
        ));
        return;
    }
    if s.worker.is_none() {
        s.worker = Worker::spawn();
    }
    let generation = s.generation;
    let sent = s
        .worker
        .as_ref()
        .is_some_and(|w| w.jobs.send((generation, ranking)).is_ok());
    if sent {
        s.waiting = true;
    } else {
        s.worker = None;
    }
}

/// Takes the worker's ranking if it is for the hits on screen; true when the list changed.
pub fn collect(app: &mut App) -> bool {
    let Some(worker) = &app.search.worker else {
        return false;
    };
    let mut latest = None;
    while let Ok(done) = worker.done.try_recv() {
        latest = Some(done);
    }
    let Some((generation, scored)) = latest else {
        return false;
    };
    if generation != app.search.generation {
        return false;
    }
    let Some(outcome) = searched(app) else {
        return false;
    };
    let placed = outcome.place(scored.2.clone());
    let s = &mut app.search;
    s.ranked = Ranked::Ready(placed);
    s.scored = Some(scored);
    s.waiting = false;
    s.cursor = 0;
    s.list_top = 0;
    true
}

/// Waits up to `timeout` for the worker's ranking (benchmarks and tests; the event loop polls).
pub fn wait_for_ranking(app: &mut App, timeout: Duration) -> bool {
    let start = std::time::Instant::now();
    while app.search.waiting && start.elapsed() < timeout {
        if collect(app) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    !app.search.waiting
}

/// Shows a hit: its topic, its row selected and on screen with the claim in view, the
/// comparison focused.
pub fn go(app: &mut App, at: HitAt) {
    app.detail = None;
    if app.topic != at.topic {
        app.select_topic(at.topic);
    }
    app.row = at.row;
    app.focus = Focus::Comparison;
    app.ensure_row_visible();
    // In a row taller than the screen, scroll to the claim (the row's heading stays pinned).
    let widths = app.widths();
    let offset = app.current_row().and_then(|r| {
        let (left, right) = layout_row(&app.dispute, app.shown(), r, widths);
        left.iter()
            .zip(&right)
            .position(|(l, r)| l.claim == Some(at.claim) || r.claim == Some(at.claim))
    });
    if let Some(offset) = offset {
        let bottom = app.viewport().saturating_sub(1) as isize;
        if app.row_start(app.row) + 1 + offset as isize >= bottom {
            app.top = Scroll {
                row: app.row,
                line: offset,
            };
            app.scroll_by(0);
        }
    }
    app.search.current =
        searched(app).and_then(|o| o.order.iter().position(|h| h.claim == at.claim));
}

/// `n` / `N`: the next or previous hit in reading order, wrapping round. Without a current hit,
/// the first from the selected row on (or the last before it).
pub fn step(app: &mut App, forward: bool) {
    let Some(o) = searched(app) else {
        app.message = Some(super::strings::search::NO_SEARCH.to_owned());
        return;
    };
    let next = match app.search.current {
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
        app.message = Some(super::strings::search::no_hit(app.search.text()));
        return;
    };
    if let Some(&at) = o.order.get(i) {
        go(app, at);
    }
}

/// Entries of the results list on screen at once (set by the view's size).
pub fn page(app: &App) -> usize {
    super::view::search::entries_visible(app).max(1)
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

/// A key while the search line is open.
pub fn line_key(app: &mut App, input: Input) {
    let edit = match input {
        Input::Type(c) => Some(Edit::Insert(c)),
        Input::Backspace => Some(Edit::Backspace),
        Input::Delete => Some(Edit::Delete),
        Input::Left => Some(Edit::Left),
        Input::Right => Some(Edit::Right),
        Input::Home => Some(Edit::Home),
        Input::End => Some(Edit::End),
        _ => None,
    };
    if let Some(edit) = edit {
        if app.search.field.apply(edit) {
            app.search.dirty = true;
            if !app.search.fold {
                settle(app);
            }
        }
        return;
    }
    settle(app);
    collect(app);
    let n = hits(app);
    let last = n.saturating_sub(1);
    let page = page(app);
    match input {
        Input::Erase => {
            app.search.field = TextField::default();
            app.search.dirty = true;
            settle(app);
        }
        Input::Up => app.search.cursor = app.search.cursor.saturating_sub(1),
        Input::Down => app.search.cursor = (app.search.cursor + 1).min(last),
        Input::PageUp => app.search.cursor = app.search.cursor.saturating_sub(page),
        Input::PageDown => app.search.cursor = (app.search.cursor + page).min(last),
        Input::Submit => {
            if n == 0 {
                app.message = Some(super::strings::search::no_hit(app.search.text()));
                return;
            }
            if let Some((at, _)) = entry(app, app.search.cursor) {
                leave(app);
                // Leaving may rebuild the narrowed comparison: find the claim again.
                let at = searched(app)
                    .and_then(|o| o.order.iter().find(|h| h.claim == at.claim).copied())
                    .unwrap_or(at);
                go(app, at);
            }
        }
        Input::Leave => leave(app),
        _ => {}
    }
    keep_cursor_visible(app);
}
