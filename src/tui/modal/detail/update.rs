//! A row in full: moving from claim to claim, scrolling, following a claim's rebuttal link to the
//! claim it answers (in whatever topic) and coming back.

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Binding;
use crate::tui::layout::{Regions, inset};
use crate::tui::modal::component::{Component, Step};
use crate::tui::modal::links::update::{self as links, Follow};
use crate::tui::state::Modal;
use crate::tui::state::detail::{Detail, RowInFull};
use crate::tui::strings;
use ratatui::Frame;

pub use super::bindings::BINDINGS;

/// Opens the selected row in full, or says there is none.
pub fn open(app: &mut App) -> Step {
    if app.current_row().is_none() {
        app.message = Some(
            crate::tui::modal::screen::nothing_shown(app)
                .unwrap_or_else(|| strings::NO_ROW.to_owned()),
        );
        return Step::Stay;
    }
    // At the claim a link or a hit went to, when it is in the row: the claim `y` would take.
    let cursor = crate::tui::modal::take::chosen_in_row(app)
        .and_then(|c| app.current_row()?.claims().position(|x| x == c))
        .unwrap_or(0);
    let mut at = Detail {
        topic: app.topic,
        row: app.row,
        cursor,
        scroll: 0,
    };
    if cursor > 0 {
        at.scroll = cursor_top(app, at);
    }
    Step::Open(Modal::Detail(RowInFull {
        at,
        back: Vec::new(),
    }))
}

/// The scroll that puts the selected claim of `d` at the top, as far as the content allows.
fn cursor_top(app: &App, d: Detail) -> usize {
    let (len, starts, vp) = layout(app, d);
    starts
        .get(d.cursor)
        .copied()
        .unwrap_or(0)
        .min(len.saturating_sub(vp))
}

/// The row in full's content height, the line each claim starts on, and its text's height.
fn layout(app: &App, d: Detail) -> (usize, Vec<usize>, usize) {
    let area = inset(app.regions().main);
    let content = super::view::content(app, d, usize::from(area.width));
    (
        content.lines.len(),
        content.starts,
        usize::from(area.height).max(1),
    )
}

/// The scroll that keeps the same text at the top after the terminal changed size: in the same
/// claim, the line that starts nearest the same number of characters into its lines, as they
/// wrap anew (a fraction of its lines crept a line a resize).
fn rescrolled(app: &App, d: Detail) -> usize {
    let (w, h) = app.last_size;
    let before = inset(
        crate::tui::layout::regions(ratatui::layout::Rect::new(0, 0, w, h), app.header_lines())
            .main,
    );
    let old = super::view::content(app, d, usize::from(before.width));
    let new = super::view::content(app, d, usize::from(inset(app.regions().main).width));
    // The claim the top line is in, and where it and the next begin.
    let Some(i) = old.starts.iter().rposition(|&s| s <= d.scroll) else {
        return d.scroll;
    };
    let span = |c: &super::view::Content| {
        let start = c.starts.get(i).copied().unwrap_or(0);
        let end = c.starts.get(i + 1).copied().unwrap_or(c.lines.len());
        start..end.max(start)
    };
    // A line's characters, without its indent, and the space its break took.
    let chars = |l: &ratatui::text::Line| -> usize {
        let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
        text.trim().chars().count() + 1
    };
    let (old_span, new_span) = (span(&old), span(&new));
    let read: usize = old
        .lines
        .get(old_span.start..d.scroll.min(old_span.end))
        .unwrap_or_default()
        .iter()
        .map(chars)
        .sum();
    let lines = new.lines.get(new_span.clone()).unwrap_or_default();
    let at = crate::tui::layout::nearest_start(read, lines.iter().map(chars).enumerate())
        .unwrap_or(new_span.len().saturating_sub(1));
    new_span.start + at
}

/// Selects the row's topic and row in the comparison beneath.
fn select_beneath(app: &mut App, d: Detail) {
    if app.topic != d.topic {
        app.select_topic(d.topic);
    }
    app.row = d.row;
    app.ensure_row_visible();
}

impl RowInFull {
    /// `r`: follows the selected claim's link, or offers a choice among its links.
    fn follow(&mut self, app: &mut App) -> Step {
        let d = self.at;
        let Some(row) = app
            .shown()
            .topics
            .get(d.topic)
            .and_then(|t| t.rows.get(d.row))
        else {
            return Step::Stay;
        };
        let Some(claim) = row.claims().nth(d.cursor) else {
            return Step::Stay;
        };
        let (choices, why) = links::of(app, row, (d.topic, d.row), &[claim]);
        match links::follow(app, choices, why, strings::REBUTS_NOTHING) {
            Follow::Go(at) => {
                self.go_to(app, at);
                Step::Stay
            }
            Follow::Step(step) => step,
        }
    }

    /// Shows the row of the claim `at`, that claim selected; `b` comes back.
    fn go_to(&mut self, app: &mut App, at: crate::format::ClaimAt) {
        let d = self.at;
        let Some((topic, row, cursor)) = app.locate(at) else {
            return;
        };
        self.back.push(d);
        let mut next = Detail {
            topic,
            row,
            cursor,
            scroll: 0,
        };
        next.scroll = cursor_top(app, next);
        select_beneath(app, next);
        self.at = next;
    }
}

impl Component for RowInFull {
    fn title(&self) -> &'static str {
        strings::DETAIL_TITLE
    }

    fn bindings(&self) -> &'static [Binding] {
        BINDINGS
    }

    fn works(&self, app: &App, action: Action) -> bool {
        let d = self.at;
        let (len, starts, vp) = layout(app, d);
        let at_top = d.cursor == 0 && d.scroll == 0;
        let at_end = d.cursor + 1 >= starts.len() && d.scroll >= len.saturating_sub(vp);
        let claim = || {
            app.shown()
                .topics
                .get(d.topic)
                .and_then(|t| t.rows.get(d.row))
                .and_then(|r| r.claims().nth(d.cursor))
        };
        match action {
            Action::Up | Action::PageUp | Action::First => !at_top,
            Action::Down | Action::PageDown | Action::Last => !at_end,
            Action::JumpBack => !self.back.is_empty() || !app.back.is_empty(),
            Action::FollowRebuttal => claim().is_some_and(|at| links::leads_to_compared(app, at)),
            Action::OpenSource => {
                claim().is_some_and(|at| crate::tui::modal::take::has_address(app, at))
            }
            Action::OpenEditor => app.suggest.files.is_some(),
            Action::PickParties => app.dispute.sides.len() > 2,
            // Accepting writes the files: the bundled dispute has none (`a` says so).
            Action::Accept => suggested(app, d) && app.suggest.files.is_some(),
            Action::Dismiss => suggested(app, d),
            _ => true,
        }
    }

    fn covers(&self) -> bool {
        true
    }

    fn update(&mut self, app: &mut App, action: Action) -> Step {
        // A move past an edge does nothing: the footer says so, as the comparison does.
        if crate::tui::modal::component::stopped_at_edge(
            self,
            app,
            action,
            strings::edge::ROW_TOP,
            strings::edge::ROW_END,
        ) {
            return Step::Stay;
        }
        let mut d = self.at;
        let (len, starts, vp) = layout(app, d);
        let claims = starts.len();
        let max = len.saturating_sub(vp);
        // The content depends on the cursor (the selected claim shows how to follow its
        // rebuttal), so the claim's place is taken from the layout with the cursor already moved.
        let show_cursor = |d: &mut Detail| {
            let (len, starts, vp) = layout(app, *d);
            if let Some(&s) = starts.get(d.cursor)
                && (s < d.scroll || s >= d.scroll + vp)
            {
                d.scroll = s.min(len.saturating_sub(vp));
            }
        };
        match action {
            Action::Back => {
                keep_chosen(app, self.at);
                return Step::Close;
            }
            Action::Search => return Step::CloseWith(Action::Search),
            Action::PickParties => return Step::CloseWith(Action::PickParties),
            Action::Accept | Action::Dismiss if !suggested(app, self.at) => {
                let key = app.keymap.key_for(
                    crate::tui::modal::screen::BINDINGS,
                    false,
                    Action::ToggleSuggestions,
                );
                app.message = Some(strings::not_suggested(&key));
            }
            Action::Accept => return Step::CloseWith(Action::Accept),
            Action::Dismiss => return Step::CloseWith(Action::Dismiss),
            Action::Help => return crate::tui::modal::help::update::open(app, self),
            Action::Down if d.cursor + 1 < claims => {
                d.cursor += 1;
                show_cursor(&mut d);
            }
            Action::Down => d.scroll = (d.scroll + 1).min(max),
            Action::Up if d.cursor > 0 => {
                d.cursor -= 1;
                show_cursor(&mut d);
            }
            Action::Up => d.scroll = d.scroll.saturating_sub(1),
            Action::PageDown => {
                d.scroll = (d.scroll + vp.saturating_sub(1)).min(max);
                d.cursor = starts.iter().rposition(|&s| s <= d.scroll).unwrap_or(0);
            }
            Action::PageUp => {
                d.scroll = d.scroll.saturating_sub(vp.saturating_sub(1));
                d.cursor = starts.iter().rposition(|&s| s <= d.scroll).unwrap_or(0);
            }
            Action::First => {
                d.cursor = 0;
                d.scroll = 0;
            }
            Action::Last => {
                d.cursor = claims.saturating_sub(1);
                d.scroll = max;
            }
            Action::Scroll { lines, .. } => {
                d.scroll = d.scroll.saturating_add_signed(isize::from(lines)).min(max);
            }
            // Too small to draw: the place waits for a size that draws.
            Action::Resize { .. } if app.regions().too_small => {}
            Action::Resize { .. } => {
                d.scroll = rescrolled(app, d).min(max);
                // The same text at the top, unless the selected claim is then out of sight
                // (scrolled past it, or below the smaller window): then its start. (The layout
                // above is already at the new size: the screen took it before this row in full.)
                let start = starts.get(d.cursor).copied().unwrap_or(0);
                let end = starts.get(d.cursor + 1).copied().unwrap_or(len);
                if end <= d.scroll || start >= d.scroll + vp {
                    d.scroll = start.min(max);
                }
            }
            Action::FollowRebuttal => return self.follow(app),
            Action::Copy | Action::CopyId | Action::OpenSource | Action::OpenEditor => {
                let claim = app
                    .shown()
                    .topics
                    .get(d.topic)
                    .and_then(|t| t.rows.get(d.row))
                    .and_then(|r| r.claims().nth(d.cursor));
                if action == Action::OpenEditor {
                    return crate::tui::modal::take::edit(app, claim);
                }
                return crate::tui::modal::take::take(app, claim, action);
            }
            Action::FollowTo(at) => {
                self.go_to(app, at);
                return Step::Stay;
            }
            Action::JumpBack => {
                match self.back.pop() {
                    Some(prev) => {
                        select_beneath(app, prev);
                        self.at = prev;
                    }
                    // A link followed on the comparison before this row was opened in full:
                    // back there, as `b` on the comparison goes.
                    None => match app.back.pop() {
                        Some(place) => {
                            app.restore(place);
                            return Step::Close;
                        }
                        None => app.message = Some(strings::NOTHING_BACK.to_owned()),
                    },
                }
                return Step::Stay;
            }
            _ => {}
        }
        self.at = d;
        Step::Stay
    }

    fn draw(&self, frame: &mut Frame, app: &App, regions: &Regions) {
        super::view::draw(frame, app, self.at, regions);
    }
}

/// True when the row shown is a suggested row and the comparison's selected one, which the
/// comparison's `a` and `x` act on.
fn suggested(app: &App, d: crate::tui::state::detail::Detail) -> bool {
    (app.topic, app.row) == (d.topic, d.row)
        && app
            .current_row()
            .is_some_and(|r| r.kind == crate::compare::RowKind::Suggested)
}

/// On closing the row in full: the claim under its cursor, when another than the row's first
/// was chosen there, stays the row's selected claim, the one `y`, `Y`, `o` and `E` take in the
/// comparison (`j` to the right claim, `Esc`, `Y` copied the left one's id).
fn keep_chosen(app: &mut App, d: Detail) {
    if (app.topic, app.row) != (d.topic, d.row) {
        return;
    }
    let claim = app.current_row().and_then(|r| r.claims().nth(d.cursor));
    let chose = d.cursor > 0 || crate::tui::modal::take::chosen_in_row(app).is_some();
    if let Some(claim) = claim.filter(|_| chose) {
        app.chosen = Some(claim);
    }
}
