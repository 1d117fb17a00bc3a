//! The comparison screen's keys and mouse: moving through topics and rows, scrolling the two
//! panes together, and opening the modals (a row in full, help, the picker, search, filters,
//! export).

use crate::tui::action::Action;
use crate::tui::app::{App, Focus, Scroll};
use crate::tui::keymap::Binding;
use crate::tui::layout::{Regions, TOPIC_LINES};
use crate::tui::modal::component::{Component, Step};
use crate::tui::modal::links::update::{self as links, Follow};
use crate::tui::modal::screen::BINDINGS;
use crate::tui::modal::screen::Comparison;
use crate::tui::modal::{
    accept, as_of, detail, export, filters, find_topic, help, picker, reload, search, take,
    timeline,
};
use crate::tui::strings;
use ratatui::Frame;
use ratatui::layout::Position;

impl Component for Comparison {
    fn title(&self) -> &'static str {
        strings::COMPARISON_TITLE
    }

    fn bindings(&self) -> &'static [Binding] {
        BINDINGS
    }

    fn clicks(&self) -> bool {
        true
    }

    fn works(&self, app: &App, action: Action) -> bool {
        let searching = search::update::active(app);
        let in_list = app.focus == Focus::Topics;
        let (topics, rows) = (app.shown().topics.len(), app.rows().len());
        let (at_top, at_end) = if in_list {
            (app.topic == 0, app.topic + 1 >= topics)
        } else {
            (app.at_first_line(), app.at_last_line())
        };
        match action {
            Action::Up | Action::PageUp | Action::First => !at_top,
            Action::Down | Action::PageDown | Action::Last => !at_end,
            Action::FocusTopics => !in_list,
            Action::FocusComparison => in_list,
            Action::Back => searching || !in_list,
            Action::NextTopic => app.topic + 1 < topics,
            Action::PrevTopic => app.topic > 0,
            Action::NextRow => app.row + 1 < rows || (in_list && rows > 0),
            Action::PrevRow => app.row > 0 || (in_list && rows > 0),
            Action::NextHit | Action::PrevHit | Action::Narrow => searching,
            Action::PickParties => app.dispute.sides.len() > 2,
            Action::JumpBack => !app.back.is_empty(),
            Action::ClearFilters => !app.query.filter.is_empty(),
            Action::FollowRebuttal => app
                .current_row()
                .is_some_and(|r| r.claims().any(|c| links::leads_to_compared(app, c))),
            Action::OpenSource => {
                take::selected_in_row(app).is_some_and(|at| take::has_address(app, at))
            }
            Action::Accept | Action::Dismiss
                if !app
                    .current_row()
                    .is_some_and(|r| r.kind == crate::compare::RowKind::Suggested) =>
            {
                false
            }
            // Accepting writes the files: the bundled dispute has none (`a` says so).
            Action::Accept => app.suggest.files.is_some(),
            Action::Dismiss => true,
            Action::Open | Action::Copy | Action::CopyId => !app.rows().is_empty(),
            Action::OpenEditor => !app.rows().is_empty() && app.suggest.files.is_some(),
            Action::Undo => !app.suggest.taken.is_empty(),
            Action::ShowProblems => !app.live.broken.is_empty(),
            Action::NextSuggested => app
                .suggested_places()
                .iter()
                .any(|&at| at != (app.topic, app.row)),
            _ => true,
        }
    }

    fn update(&mut self, app: &mut App, action: Action) -> Step {
        // A move past an edge does nothing: the footer says so, as for every key that cannot.
        if let Some(edge) = edge(app, action).filter(|_| !self.works(app, action)) {
            app.message = Some(edge);
            return Step::Stay;
        }
        match action {
            Action::Help => return help::update::open(app, self),
            Action::Export => return export::update::open(app),
            Action::Filters => return filters::update::open(app),
            Action::Search if app.focus == Focus::Topics && !app.shown().topics.is_empty() => {
                return find_topic::update::open(app);
            }
            Action::Search => return search::update::open(app),
            Action::PickParties => return picker::update::open(app),
            Action::Open if app.focus == Focus::Comparison => return detail::update::open(app),
            Action::ClearFilters => filters::update::clear(app),
            Action::Accept => return accept::update::open(app),
            Action::AsOf => return as_of::update::open(app),
            Action::Timeline => return timeline::update::open(app),
            Action::ShowProblems => return reload::update::open(app),
            Action::Dismiss => return accept::update::dismiss(app),
            Action::Undo if app.suggest.taken.is_empty() => {
                app.message = Some(strings::nothing_to_undismiss(
                    app.suggest.dismissed.path.is_some(),
                ));
            }
            Action::Undo => return Step::Then(crate::tui::action::Outcome::Undo),
            Action::ToggleSuggestions => {
                app.toggle_suggestions();
                let key = app
                    .keymap
                    .key_for(BINDINGS, false, Action::ToggleSuggestions);
                let said = strings::suggestions_toggled(app.suggest.on, &key);
                app.suggest.announced = app.suggest.on.then(|| (said.clone(), key));
                app.message = Some(said);
            }
            Action::NextSuggested => next_suggested(app),
            Action::SwapSides => app.set_pair(app.cmp.right, app.cmp.left),
            Action::FocusTopics => app.focus = Focus::Topics,
            Action::FocusComparison => app.focus = Focus::Comparison,
            Action::NextPane | Action::PrevPane => {
                app.focus = match app.focus {
                    Focus::Topics => Focus::Comparison,
                    Focus::Comparison => Focus::Topics,
                }
            }
            Action::NextHit => search::update::step(app, true),
            Action::PrevHit => search::update::step(app, false),
            Action::Narrow if search::update::active(app) => search::update::toggle_narrow(app),
            Action::Narrow => {
                let key = app.keymap.key_for(BINDINGS, false, Action::Search);
                app.message = Some(strings::search::no_search(&key));
            }
            Action::Back if search::update::active(app) => search::update::clear(app),
            Action::Back => app.focus = Focus::Topics,
            Action::FollowRebuttal => return follow(app),
            Action::Copy | Action::CopyId | Action::OpenSource => {
                let claim = take::selected_in_row(app);
                return take::take(app, claim, action);
            }
            Action::OpenEditor => {
                let claim = take::selected_in_row(app);
                return take::edit(app, claim);
            }
            Action::FollowTo(at) => go_to(app, at),
            Action::JumpBack => match app.back.pop() {
                Some(place) => app.restore(place),
                None => {
                    let key = |action| app.keymap.key_for(BINDINGS, false, action);
                    app.message = Some(strings::nothing_back_here(
                        &key(Action::JumpBack),
                        &key(Action::FollowRebuttal),
                    ));
                }
            },
            Action::NextRow | Action::PrevRow => {
                let n = app.rows().len();
                if n > 0 {
                    app.focus = Focus::Comparison;
                    app.row = if action == Action::NextRow {
                        (app.row + 1).min(n - 1)
                    } else {
                        app.row.saturating_sub(1)
                    };
                    app.ensure_row_visible();
                }
            }
            Action::NextTopic | Action::PrevTopic => {
                let n = app.shown().topics.len();
                let target = if action == Action::NextTopic {
                    (app.topic + 1).min(n.saturating_sub(1))
                } else {
                    app.topic.saturating_sub(1)
                };
                if target != app.topic {
                    app.select_topic(target);
                }
            }
            Action::Scroll { column, row, lines } => {
                wheel(app, Position::new(column, row), isize::from(lines))
            }
            Action::Click { column, row } => click(app, Position::new(column, row)),
            _ => match app.focus {
                Focus::Topics => topics_key(app, action),
                Focus::Comparison => comparison_key(app, action),
            },
        }
        Step::Stay
    }

    fn draw(&self, frame: &mut Frame, app: &App, regions: &Regions) {
        super::topics::draw(frame, app, regions);
        // The search line's panel covers the comparison: no need to lay it out beneath.
        if !app.searching() {
            super::panes::draw(frame, app, regions);
        }
    }
}

/// `M`: the next suggested row after the selected one, in this topic or the next that has one,
/// round to the first (the footer says so). [`edge`] says why there is none to go to.
fn next_suggested(app: &mut App) {
    let all = app.suggested_places();
    let here = (app.topic, app.row);
    let Some(&(t, r)) = all.iter().find(|&&at| at > here).or_else(|| all.first()) else {
        return;
    };
    let first = app
        .shown()
        .topics
        .get(t)
        .and_then(|topic| topic.rows.get(r))
        .and_then(|row| row.claims().next());
    if let Some(claim) = first {
        app.reveal(t, r, claim);
    }
    if (t, r) <= here {
        app.message = Some(strings::SUGGESTED_WRAPPED.to_owned());
    }
}

/// What the footer says when a move meets an edge (`None`: not a move).
fn edge(app: &App, action: Action) -> Option<String> {
    let in_list = app.focus == Focus::Topics;
    let next_topic = || app.keymap.key_for(BINDINGS, false, Action::NextTopic);
    let said = match action {
        Action::PrevTopic
        | Action::NextTopic
        | Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::First
        | Action::Last
        | Action::PrevRow
        | Action::NextRow
            if app.shown().topics.is_empty() =>
        {
            return crate::tui::modal::screen::nothing_shown(app);
        }
        Action::NextSuggested if app.suggested_places().is_empty() => {
            let key = app
                .keymap
                .key_for(BINDINGS, false, Action::ToggleSuggestions);
            strings::no_suggested_row(app.suggest.on, app.suggest.pending, &key)
        }
        Action::NextSuggested => strings::ONLY_SUGGESTED.to_owned(),
        Action::PrevTopic => strings::edge::FIRST_TOPIC.to_owned(),
        Action::NextTopic => strings::edge::LAST_TOPIC.to_owned(),
        Action::Up | Action::PageUp | Action::First if in_list => {
            strings::edge::FIRST_TOPIC.to_owned()
        }
        Action::Down | Action::PageDown | Action::Last if in_list => {
            strings::edge::LAST_TOPIC.to_owned()
        }
        Action::Up | Action::PageUp | Action::First | Action::PrevRow => {
            strings::edge::TOP.to_owned()
        }
        Action::Down | Action::PageDown | Action::Last | Action::NextRow => {
            strings::edge::end(app.topic + 1 < app.shown().topics.len(), &next_topic())
        }
        _ => return None,
    };
    Some(said)
}

/// `r` on the comparison screen: follows the selected row's one link, or offers a choice.
fn follow(app: &mut App) -> Step {
    let Some(row) = app.current_row() else {
        app.message = Some(strings::NO_ROW.to_owned());
        return Step::Stay;
    };
    let claims: Vec<_> = row.claims().collect();
    let (choices, why) = links::of(app, row, (app.topic, app.row), &claims);
    match links::follow(app, choices, why, strings::ROW_REBUTS_NOTHING) {
        // The claim it relates to is in the row already: the row barely moves, so the footer
        // says where it is.
        Follow::Go(at)
            if app
                .locate(at)
                .is_some_and(|(t, r, _)| (t, r) == (app.topic, app.row)) =>
        {
            let label = app
                .current_row()
                .and_then(|row| crate::layout::label(row, at))
                .unwrap_or_default();
            go_to(app, at);
            let open = app.keymap.key_for(BINDINGS, false, Action::Open);
            app.message = Some(strings::link_in_this_row(&label, &open));
            Step::Stay
        }
        Follow::Go(at) => {
            go_to(app, at);
            Step::Stay
        }
        Follow::Step(step) => step,
    }
}

/// Shows the claim `at` in its row; `b` comes back here.
fn go_to(app: &mut App, at: crate::format::ClaimAt) {
    let Some((topic, row, _)) = app.locate(at) else {
        return;
    };
    app.back.push(app.place());
    app.reveal(topic, row, at);
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
                // Where the row above ends, on screen.
                let end = app.row_start(app.row);
                app.row -= 1;
                // A row taller than the screen is entered at its end, the screen full of it, and
                // read upward line by line from there, as `j` reads one downward: shown from its
                // heading, the rest of it was skipped.
                if app.row_height(app.row) as isize > vp {
                    app.scroll_by(end - vp);
                } else {
                    app.ensure_row_visible();
                }
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

fn wheel(app: &mut App, at: Position, lines: isize) {
    let regions = app.regions();
    if regions.topics.contains(at) {
        let n = app.shown().topics.len();
        let max = n.saturating_sub(app.topics_visible());
        app.topic_top = app.topic_top.saturating_add_signed(lines).min(max);
    } else if regions.comparison.contains(at) {
        app.scroll_by(lines);
        follow_scroll(app);
    }
}

fn click(app: &mut App, at: Position) {
    let regions = app.regions();
    if regions.topics_inner.contains(at) {
        let i = app.topic_top + usize::from(at.y - regions.topics_inner.y) / TOPIC_LINES;
        if i < app.shown().topics.len() {
            app.focus = Focus::Topics;
            if i != app.topic {
                app.select_topic(i);
            }
        }
    } else if regions.body.contains(at) {
        app.focus = Focus::Comparison;
        if let Some(row) = app.row_at_line(usize::from(at.y - regions.body.y)) {
            app.row = row;
        }
    } else if regions.comparison.contains(at) {
        app.focus = Focus::Comparison;
    }
}
