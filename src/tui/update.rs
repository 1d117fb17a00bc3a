//! `update`: how each action changes the state. Pure: no terminal, no I/O, so key sequences are
//! tested on the state alone.

use super::app::{App, Detail, Focus, Overlay, Picker, Scroll, Step, TOPIC_LINES};
use super::strings;
use super::view::{self, detail};
use ratatui::layout::{Position, Rect};

/// Something the user asks for. Keys map to actions through `keys::BINDINGS`; mouse and resize
/// events become actions too, so every change of state goes through [`update`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Move up one: the previous topic, row, claim (detail) or entry (picker, help).
    Up,
    /// Move down one: the next topic, row, claim (detail) or entry (picker, help).
    Down,
    /// Up by one screen.
    PageUp,
    /// Down by one screen.
    PageDown,
    /// To the first topic, row or entry.
    First,
    /// To the last topic, row or entry.
    Last,
    /// Move the focus to the topic list.
    FocusTopics,
    /// Move the focus to the comparison.
    FocusComparison,
    /// Move the focus to the other region (topic list or comparison).
    NextPane,
    /// Move the focus back to the other region.
    PrevPane,
    /// Open what is selected: a topic's rows, a row in full, the picker's choice.
    Open,
    /// Go back: close an overlay or the detail view, or return to the topic list.
    Back,
    /// In the detail view, go to the claim the selected claim rebuts.
    FollowRebuttal,
    /// In the detail view, return to where the last rebuttal jump started.
    JumpBack,
    /// Swap the left and right sides.
    SwapSides,
    /// Open the party picker (disputes of more than two sides).
    PickParties,
    /// Show or hide the help overlay.
    Help,
    /// Leave the program.
    Quit,
    /// Suspend to the shell; `fg` brings the screen back.
    Suspend,
    /// Open the export dialog.
    Export,
    /// A key in the export dialog.
    ExportDialog(super::export::Input),
    /// Open the filter panel.
    Filters,
    /// Clear every filter.
    ClearFilters,
    /// A key in the filter panel.
    FilterPanel(super::filters::Input),
    /// Open the search line.
    Search,
    /// A key in the search line.
    SearchLine(super::search::Input),
    /// Go to the next hit of the search.
    NextHit,
    /// Go to the previous hit of the search.
    PrevHit,
    /// Keep only the rows with a hit, or all rows again.
    Narrow,
    /// The terminal changed size.
    Resize {
        /// Columns.
        width: u16,
        /// Lines.
        height: u16,
    },
    /// The mouse wheel turned over a point of the screen (positive: down).
    Scroll {
        /// Column of the pointer.
        column: u16,
        /// Line of the pointer.
        row: u16,
        /// Lines to scroll.
        lines: i16,
    },
    /// A click at a point of the screen.
    Click {
        /// Column of the pointer.
        column: u16,
        /// Line of the pointer.
        row: u16,
    },
}

impl Action {
    /// The action's name in snake_case, as a key map would name it.
    pub fn name(self) -> &'static str {
        match self {
            Action::Up => "up",
            Action::Down => "down",
            Action::PageUp => "page_up",
            Action::PageDown => "page_down",
            Action::First => "first",
            Action::Last => "last",
            Action::FocusTopics => "focus_topics",
            Action::FocusComparison => "focus_comparison",
            Action::NextPane => "next_pane",
            Action::PrevPane => "prev_pane",
            Action::Open => "open",
            Action::Back => "back",
            Action::FollowRebuttal => "follow_rebuttal",
            Action::JumpBack => "jump_back",
            Action::SwapSides => "swap_sides",
            Action::PickParties => "pick_parties",
            Action::Help => "help",
            Action::Quit => "quit",
            Action::Suspend => "suspend",
            Action::Export => "export",
            Action::ExportDialog(_) => "export_dialog",
            Action::Filters => "filters",
            Action::ClearFilters => "clear_filters",
            Action::FilterPanel(_) => "filter_panel",
            Action::Search => "search",
            Action::SearchLine(_) => "search_line",
            Action::NextHit => "next_hit",
            Action::PrevHit => "prev_hit",
            Action::Narrow => "narrow",
            Action::Resize { .. } => "resize",
            Action::Scroll { .. } => "scroll",
            Action::Click { .. } => "click",
        }
    }
}

/// What the event loop should do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Draw and wait for the next event.
    Continue,
    /// Restore the terminal and leave.
    Quit,
    /// Suspend to the shell, then redraw.
    Suspend,
    /// Write the export the dialog asked for (`export::perform`), then redraw.
    Export,
}

/// Applies one action to the state.
pub fn update(app: &mut App, action: Action) -> Outcome {
    if !matches!(action, Action::Resize { .. } | Action::Scroll { .. }) {
        app.message = None;
    }
    match action {
        Action::Quit => return Outcome::Quit,
        Action::Suspend => return Outcome::Suspend,
        Action::Resize { width, height } => {
            app.size = (width, height);
            app.forget_heights();
            app.ensure_topic_visible();
            app.ensure_row_visible();
            if let Some(d) = app.detail {
                scroll_detail(app, d, 0);
            }
        }
        _ if app.export.is_some() => return super::export::update(app, action),
        _ if app.filters.is_some() => return super::filters::update(app, action),
        _ if app.search.editing => match action {
            Action::SearchLine(input) => super::search::line_key(app, input),
            Action::Back => super::search::line_key(app, super::search::Input::Leave),
            Action::Narrow => super::search::toggle_narrow(app),
            _ => {}
        },
        Action::Scroll { column, row, lines } => {
            wheel(app, Position::new(column, row), isize::from(lines))
        }
        Action::Click { column, row } => click(app, Position::new(column, row)),
        _ => match app.overlay {
            Overlay::Help { scroll } => help_key(app, action, scroll),
            Overlay::Picker(p) => picker_key(app, action, p),
            Overlay::None => match app.detail {
                Some(d) => detail_key(app, action, d),
                None => main_key(app, action),
            },
        },
    }
    Outcome::Continue
}

fn main_key(app: &mut App, action: Action) {
    match action {
        Action::Help => app.overlay = Overlay::Help { scroll: 0 },
        Action::Export => super::export::open(app),
        Action::Filters => super::filters::open(app),
        Action::ClearFilters => super::filters::clear(app),
        Action::SwapSides => app.set_pair(app.cmp.right, app.cmp.left),
        Action::PickParties => {
            if app.dispute.sides.len() <= 2 {
                app.message = Some(strings::ONLY_TWO_SIDES.to_owned());
            } else {
                app.overlay = Overlay::Picker(Picker {
                    step: Step::Left,
                    cursor: app.cmp.left,
                    left: app.cmp.left,
                });
            }
        }
        Action::FocusTopics => app.focus = Focus::Topics,
        Action::FocusComparison => app.focus = Focus::Comparison,
        Action::NextPane | Action::PrevPane => {
            app.focus = match app.focus {
                Focus::Topics => Focus::Comparison,
                Focus::Comparison => Focus::Topics,
            }
        }
        Action::Search => super::search::open(app),
        Action::NextHit => super::search::step(app, true),
        Action::PrevHit => super::search::step(app, false),
        Action::Narrow if super::search::active(app) => super::search::toggle_narrow(app),
        Action::Narrow => app.message = Some(strings::search::NO_SEARCH.to_owned()),
        Action::Back if super::search::active(app) => super::search::clear(app),
        Action::Back => {
            if app.focus == Focus::Comparison {
                app.focus = Focus::Topics;
            }
        }
        Action::FollowRebuttal | Action::JumpBack => open_detail(app, action),
        _ => match app.focus {
            Focus::Topics => topics_key(app, action),
            Focus::Comparison => comparison_key(app, action),
        },
    }
}

fn topics_key(app: &mut App, action: Action) {
    let n = app.shown().topics.len();
    let page = app.topics_visible();
    let target = match action {
        Action::Up => app.topic.saturating_sub(1),
        Action::Down => app.topic + 1,
        Action::PageUp => app.topic.saturating_sub(page),
        Action::PageDown => app.topic + page,
        Action::First => 0,
        Action::Last => n.saturating_sub(1),
        Action::Open => {
            app.focus = Focus::Comparison;
            return;
        }
        _ => return,
    };
    let target = target.min(n.saturating_sub(1));
    if target != app.topic {
        app.select_topic(target);
    }
}

fn comparison_key(app: &mut App, action: Action) {
    let n = app.rows().len();
    if n == 0 {
        if action == Action::Open {
            app.message = Some(strings::NO_ROW.to_owned());
        }
        return;
    }
    let vp = app.viewport() as isize;
    match action {
        Action::Down => {
            let start = app.row_start(app.row);
            let h = app.row_height(app.row) as isize;
            if start + h > vp && app.max_top() > app.top {
                app.scroll_by(1);
            } else if app.row + 1 < n {
                app.row += 1;
                app.ensure_row_visible();
            }
        }
        Action::Up => {
            if app.row_start(app.row) < 0 || (app.top.row == app.row && app.top.line > 0) {
                app.scroll_by(-1);
            } else if app.row > 0 {
                app.row -= 1;
                app.ensure_row_visible();
            }
        }
        Action::PageDown => {
            if app.max_top() <= app.top {
                app.row = n - 1;
            } else {
                app.scroll_by(vp - 1);
                select_at_top(app);
            }
        }
        Action::PageUp => {
            if app.top == Scroll::default() {
                app.row = 0;
            } else {
                app.scroll_by(1 - vp);
                select_at_top(app);
            }
        }
        Action::First => {
            app.row = 0;
            app.top = Scroll::default();
        }
        Action::Last => {
            app.row = n - 1;
            app.ensure_row_visible();
        }
        Action::Open => open_detail(app, action),
        _ => {}
    }
}

/// After a page scroll: selects the first row whose heading is on screen.
fn select_at_top(app: &mut App) {
    let n = app.rows().len();
    let row = app.top.row;
    app.row = if app.top.line > 0 && row + 1 < n && app.row_start(row + 1) < app.viewport() as isize
    {
        row + 1
    } else {
        row
    };
}

/// Keeps the selection on screen after the panes scrolled under it.
fn follow_scroll(app: &mut App) {
    let (first, last) = app.visible_rows();
    if app.row < first {
        app.row = first;
    } else if app.row > last {
        app.row = last;
    }
}

fn open_detail(app: &mut App, action: Action) {
    if action != Action::Open {
        return;
    }
    if app.current_row().is_none() {
        app.message = Some(strings::NO_ROW.to_owned());
        return;
    }
    app.detail = Some(Detail {
        topic: app.topic,
        row: app.row,
        cursor: 0,
        scroll: 0,
    });
}

/// The detail view's content height and the line each claim starts on.
fn detail_layout(app: &App, d: Detail) -> (usize, Vec<usize>, usize) {
    let area = app.regions().detail_inner;
    let content = detail::content(app, d, usize::from(area.width));
    (
        content.lines.len(),
        content.starts,
        usize::from(area.height).max(1),
    )
}

/// Scrolls the detail view by `delta` lines, within its content.
fn scroll_detail(app: &mut App, mut d: Detail, delta: isize) {
    let (len, _, vp) = detail_layout(app, d);
    let max = len.saturating_sub(vp);
    d.scroll = d.scroll.saturating_add_signed(delta).min(max);
    app.detail = Some(d);
}

fn detail_key(app: &mut App, action: Action, mut d: Detail) {
    let (len, starts, vp) = detail_layout(app, d);
    let claims = starts.len();
    let max = len.saturating_sub(vp);
    // The content depends on the cursor (the selected claim shows how to follow its rebuttal),
    // so the claim's place is taken from the layout with the cursor already moved.
    let show_cursor = |d: &mut Detail| {
        let (len, starts, vp) = detail_layout(app, *d);
        if let Some(&s) = starts.get(d.cursor)
            && (s < d.scroll || s >= d.scroll + vp)
        {
            d.scroll = s.min(len.saturating_sub(vp));
        }
    };
    match action {
        Action::Back => {
            app.detail = None;
            return;
        }
        Action::Help => {
            app.overlay = Overlay::Help { scroll: 0 };
            return;
        }
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
        Action::FollowRebuttal => {
            follow(app, d);
            return;
        }
        Action::JumpBack => {
            match app.back.pop() {
                Some(prev) => show_detail(app, prev),
                None => app.message = Some(strings::NOTHING_BACK.to_owned()),
            }
            return;
        }
        _ => {}
    }
    app.detail = Some(d);
}

/// Opens the detail view of `d`, selecting its topic and row in the comparison beneath.
fn show_detail(app: &mut App, d: Detail) {
    if app.topic != d.topic {
        app.select_topic(d.topic);
    }
    app.row = d.row;
    app.ensure_row_visible();
    app.detail = Some(d);
}

/// Goes to the claim the selected claim rebuts (its first link to a loaded claim).
fn follow(app: &mut App, d: Detail) {
    let claim = app
        .shown()
        .topics
        .get(d.topic)
        .and_then(|t| t.rows.get(d.row))
        .and_then(|r| r.claims().nth(d.cursor))
        .and_then(|at| app.dispute.claim(at));
    let Some(claim) = claim else { return };
    let Some(target) = claim.rebuts.first().cloned() else {
        app.message = Some(strings::REBUTS_NOTHING.to_owned());
        return;
    };
    let Some(at) = app.dispute.find_claim(&target) else {
        app.message = Some(strings::not_loaded(&target));
        return;
    };
    let Some((topic, row, cursor)) = app.locate(at) else {
        app.message = Some(strings::not_compared(&target));
        return;
    };
    app.back.push(d);
    let mut next = Detail {
        topic,
        row,
        cursor,
        scroll: 0,
    };
    let (len, starts, vp) = detail_layout(app, next);
    next.scroll = starts
        .get(cursor)
        .copied()
        .unwrap_or(0)
        .min(len.saturating_sub(vp));
    show_detail(app, next);
}

fn help_key(app: &mut App, action: Action, scroll: usize) {
    let max = view::help::height().saturating_sub(usize::from(app.regions().help_inner.height));
    let scroll = match action {
        Action::Help | Action::Back => {
            app.overlay = Overlay::None;
            return;
        }
        Action::Down => scroll + 1,
        Action::Up => scroll.saturating_sub(1),
        Action::PageDown => scroll + 10,
        Action::PageUp => scroll.saturating_sub(10),
        Action::First => 0,
        Action::Last => max,
        _ => scroll,
    };
    app.overlay = Overlay::Help {
        scroll: scroll.min(max),
    };
}

fn picker_key(app: &mut App, action: Action, mut p: Picker) {
    let n = app.dispute.sides.len();
    match action {
        Action::Back => {
            app.overlay = Overlay::None;
            return;
        }
        Action::Up => p.cursor = p.cursor.saturating_sub(1),
        Action::Down => p.cursor = (p.cursor + 1).min(n.saturating_sub(1)),
        Action::First => p.cursor = 0,
        Action::Last => p.cursor = n.saturating_sub(1),
        Action::Open => match p.step {
            Step::Left => {
                p.left = p.cursor;
                p.step = Step::Right;
                p.cursor = if app.cmp.right != p.left {
                    app.cmp.right
                } else {
                    (0..n).find(|&i| i != p.left).unwrap_or(0)
                };
            }
            Step::Right if p.cursor == p.left => {
                app.message = Some(strings::SAME_SIDE.to_owned());
            }
            Step::Right => {
                app.overlay = Overlay::None;
                app.set_pair(p.left, p.cursor);
                return;
            }
        },
        _ => {}
    }
    app.overlay = Overlay::Picker(p);
}

fn inside(area: Rect, at: Position) -> bool {
    area.contains(at)
}

fn wheel(app: &mut App, at: Position, lines: isize) {
    let regions = app.regions();
    match (app.overlay, app.detail) {
        (Overlay::Help { .. }, _) => {
            let action = if lines > 0 { Action::Down } else { Action::Up };
            for _ in 0..lines.unsigned_abs() {
                if let Overlay::Help { scroll } = app.overlay {
                    help_key(app, action, scroll);
                }
            }
        }
        (Overlay::Picker(_), _) => {}
        (Overlay::None, Some(d)) => scroll_detail(app, d, lines),
        (Overlay::None, None) => {
            if inside(regions.topics, at) {
                let n = app.shown().topics.len();
                let max = n.saturating_sub(app.topics_visible());
                app.topic_top = app.topic_top.saturating_add_signed(lines).min(max);
            } else if inside(regions.comparison, at) {
                app.scroll_by(lines);
                follow_scroll(app);
            }
        }
    }
}

fn click(app: &mut App, at: Position) {
    if app.overlay != Overlay::None || app.detail.is_some() {
        return;
    }
    let regions = app.regions();
    if inside(regions.topics_inner, at) {
        let i = app.topic_top + usize::from(at.y - regions.topics_inner.y) / TOPIC_LINES;
        if i < app.shown().topics.len() {
            app.focus = Focus::Topics;
            if i != app.topic {
                app.select_topic(i);
            }
        }
    } else if inside(regions.body, at) {
        app.focus = Focus::Comparison;
        if let Some(row) = app.row_at_line(usize::from(at.y - regions.body.y)) {
            app.row = row;
        }
    } else if inside(regions.comparison, at) {
        app.focus = Focus::Comparison;
    }
}
