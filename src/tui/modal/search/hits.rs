//! The search in force as the screen reads it: its hits, the results list's entries, and where
//! the results panel sits. Both the search line's update and its view read these.

use crate::query::{Hit, HitAt, Results};
use crate::tui::app::App;
use crate::tui::layout::Regions;
use ratatui::layout::Rect;

/// The outcome when it holds a search.
pub fn searched(app: &App) -> Option<&Results> {
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

/// The current hit while the selection is still on its row. Once the selection moves away
/// (`j`, `G`, a click, the filters cleared) there is none: `n` steps from where the selection
/// is, as `n` in less and vim does, and the footer names no hit the selection is not on.
pub fn current(app: &App) -> Option<usize> {
    let i = app.search.current?;
    let h = searched(app)?.order.get(i)?;
    ((h.topic, h.row) == (app.topic, app.row)).then_some(i)
}

/// The entries of the results list: the ranked hits once ranked (claims found only through a
/// topic's title fold into one entry), the best so far while many are ranked, else the hits
/// in reading order.
pub fn list_len(app: &App) -> usize {
    app.search
        .ranked
        .list()
        .map_or_else(|| hits(app), <[_]>::len)
}

/// The results list's entry `i`: where the hit sits, and its score and best field once ranked.
pub fn entry(app: &App, i: usize) -> Option<(HitAt, Option<&Hit>)> {
    match app.search.ranked.list() {
        Some(list) => list.get(i).map(|(h, at)| (*at, Some(h))),
        None => searched(app)?.order.get(i).map(|&at| (at, None)),
    }
}

/// Lines above the results list: the search line, the count, a rule.
pub const TOP: u16 = 3;
/// Lines per hit: party and topic, then the snippet.
pub const PER_HIT: usize = 2;

/// Where the panel sits: over the comparison.
pub fn area(regions: &Regions) -> Rect {
    regions.comparison
}

/// Entries of the results list on screen at once (below the notes on the query, if any).
pub fn page(app: &App) -> usize {
    let panel = area(&app.regions());
    let notes = notes(
        app.search.text().trim(),
        usize::from(panel.width.saturating_sub(2)),
    );
    let inner = panel
        .height
        .saturating_sub(2 + TOP)
        .saturating_sub(u16::try_from(notes.len()).unwrap_or(u16::MAX));
    (usize::from(inner) / PER_HIT).max(1)
}

/// The entry of the results list drawn at `point`, if one is (as the view lays the list out:
/// the line typed, what was found, the notes, a rule, then each entry's lines).
pub fn entry_at(app: &App, point: ratatui::layout::Position) -> Option<usize> {
    let inner = area(&app.regions()).inner(ratatui::layout::Margin::new(1, 1));
    if !inner.contains(point) || app.search.text().trim().is_empty() {
        return None;
    }
    let noted = notes(app.search.text().trim(), usize::from(inner.width)).len();
    let line = usize::from(point.y).checked_sub(usize::from(inner.y) + usize::from(TOP) + noted)?;
    let (first, shown) = window(app, inner.height, noted);
    let i = first + line / PER_HIT;
    (line / PER_HIT < shown && i < list_len(app)).then_some(i)
}

/// The results list's window in a panel whose inside is `height` lines, under `noted` lines of
/// notes: its first entry and how many entries show. Never past the last page: a list scrolled
/// at a small size fills again when the screen grows (its first hits stayed out of sight,
/// blank lines below). The view draws it; a click is read against it.
pub fn window(app: &App, height: u16, noted: usize) -> (usize, usize) {
    let shown = usize::from(height).saturating_sub(usize::from(TOP) + noted) / PER_HIT;
    let first = app.search.list_top.min(list_len(app).saturating_sub(shown));
    (first, shown)
}

/// The most lines the notes on a query take above the hits (the rest is cut with `…`).
const NOTE_LINES: usize = 2;

/// The notes on a query written in another engine's syntax (`-trump`, `OR`, `speaker:modi`,
/// `$1.5`, a spaced `|`), as `parallax search` says them, wrapped to `width`: shown above the
/// hits, which are not what such a query meant.
pub fn notes(query: &str, width: usize) -> Vec<String> {
    // Not the dispute: looking a speaker up in every claim is no work for each key.
    let said = crate::query::hints::all(query, None);
    if said.is_empty() {
        return Vec::new();
    }
    crate::text::wrap_at_most(&said.join(" "), width, NOTE_LINES)
}
