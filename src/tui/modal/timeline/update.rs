//! The timeline's keys: `←` and `→` move a bar (a day or a week) and put its last day in force as
//! the as-of date, `Home` and `End` go to the first and last bar, `↑` and `↓` chart the topic
//! above or below, `Tab` counts every topic or the selected one again, `Delete` shows every date; `Enter` (or the key that opened it, `T`) keeps the date, `Esc` puts back
//! the one in force before.

use crate::query::Filter;
use crate::timeline::{MAX_DAYS, Timeline};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Binding, c, k, listed, shown};
use crate::tui::layout::Regions;
use crate::tui::modal::as_of::update::set;
use crate::tui::modal::component::{Component, Step};
use crate::tui::state::Modal;
use crate::tui::state::timeline::Chart;
use crate::tui::strings::timeline as words;
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use std::borrow::Cow;

/// The timeline's keys.
pub const BINDINGS: &[Binding] = &[
    shown(
        &[k(KeyCode::Left), c('h')],
        Action::StepDate(-1),
        words::BACK,
        words::FOOTER_BACK,
    ),
    shown(
        &[k(KeyCode::Right), c('l')],
        Action::StepDate(1),
        words::ON,
        words::FOOTER_ON,
    ),
    listed(&[k(KeyCode::Home), c('g')], Action::First, words::FIRST),
    listed(&[k(KeyCode::End), c('G')], Action::Last, words::LAST),
    listed(&[k(KeyCode::Up), c('k')], Action::Up, words::TOPIC_UP),
    listed(&[k(KeyCode::Down), c('j')], Action::Down, words::TOPIC_DOWN),
    shown(
        &[k(KeyCode::Tab)],
        Action::NextPane,
        words::SCOPE,
        words::FOOTER_SCOPE,
    ),
    shown(
        &[k(KeyCode::Delete)],
        Action::Clear,
        words::CLEAR,
        words::FOOTER_CLEAR,
    ),
    shown(
        &[k(KeyCode::Enter)],
        Action::Open,
        words::KEEP,
        words::FOOTER_KEEP,
    ),
    // The key that opens the timeline closes it too: the one the config file gives.
    listed(&[c('T')], Action::Timeline, words::KEEP),
    shown(
        &[k(KeyCode::Esc)],
        Action::Back,
        words::CANCEL,
        words::FOOTER_CANCEL,
    ),
    shown(
        &[c('?')],
        Action::Help,
        crate::tui::strings::help::HELP,
        crate::tui::strings::footer::HELP,
    ),
    shown(
        &[c('q')],
        Action::Quit,
        crate::tui::strings::help::QUIT,
        crate::tui::strings::footer::QUIT,
    ),
];

/// The counts of one topic (or of every topic, `None`): the comparison as the filters and a
/// narrowed search leave it, at every date, so the chart stays whole while the date moves.
pub fn count(app: &App, topic: Option<&str>) -> Timeline {
    let filter = Filter {
        as_of: None,
        topics: topic.map_or_else(|| app.query.filter.topics.clone(), |t| vec![t.to_owned()]),
        ..app.query.filter.clone()
    };
    Timeline::new(&app.dispute, &every_date(app, &filter), MAX_DAYS)
}

/// The comparison `filter` keeps, narrowed as the screen is to the rows with a hit when the
/// search in force narrows it: what the screen shows, at every date. With nothing to keep out,
/// the full comparison itself (a copy of a million claims' rows took a tenth of a second).
fn every_date<'a>(app: &'a App, filter: &Filter) -> Cow<'a, crate::compare::Comparison> {
    let narrowed = app
        .outcome
        .as_ref()
        .filter(|_| app.query.narrow && app.query.search_text().is_some());
    match narrowed {
        None if filter.is_empty() => Cow::Borrowed(&app.cmp),
        None => Cow::Owned(filter.apply(&app.dispute, &app.cmp)),
        Some(o) => Cow::Owned(o.narrow_alike(filter.apply(&app.dispute, &app.cmp))),
    }
}

/// Cells of a topic's sparkline in the topic list.
pub const SPARK_CELLS: usize = 12;

/// Every topic's sparkline, at every date, on one shared axis.
fn sparks(app: &App) -> foldhash::HashMap<String, Vec<usize>> {
    let filter = Filter {
        as_of: None,
        ..app.query.filter.clone()
    };
    let cmp = every_date(app, &filter);
    crate::timeline::sparklines(&app.dispute, &cmp, SPARK_CELLS)
        .into_iter()
        .collect()
}

/// Opens the timeline of the selected topic, on the bar of the date in force.
pub fn open(app: &mut App) -> Step {
    let Some(topic) = app.current_topic() else {
        // Why there is no topic: the query left none (and how to undo it), or there is none.
        let why = crate::tui::modal::screen::nothing_shown(app)
            .unwrap_or_else(|| crate::tui::strings::NO_TOPICS.to_owned());
        app.message = Some(crate::tui::strings::no_topic_to_chart(&why));
        return Step::Stay;
    };
    let (id, title) = (topic.id.clone(), topic.title.clone());
    let sparks = sparks(app);
    Step::Open(Modal::Timeline(Box::new(chart(
        app,
        Some(id),
        title,
        sparks,
    ))))
}

/// After the files changed on disk: the bars and the topic list's sparklines are the new
/// dispute's (they stayed as the timeline opened); the topic, the cursor on the date in force,
/// and the way back stay.
pub fn refresh(app: &App, c: &mut Chart) {
    let fresh = chart(app, c.topic.clone(), c.title.clone(), sparks(app));
    c.counts = fresh.counts;
    c.cursor = fresh.cursor;
    c.sparks = fresh.sparks;
}

/// A chart of a topic (or every topic), its cursor on the date in force, with the topic list's
/// sparklines (the same for every topic, so made once when the timeline opens).
fn chart(
    app: &App,
    topic: Option<String>,
    title: String,
    sparks: foldhash::HashMap<String, Vec<usize>>,
) -> Chart {
    let counts = count(app, topic.as_deref());
    let before = app.query.filter.as_of;
    Chart {
        // A date before every bar selects none (the first bar is later than it).
        cursor: before
            .filter(|&d| !before_bars(&counts, Some(d)))
            .and_then(|d| counts.bin_of(d)),
        counts,
        topic,
        title,
        before,
        selected: app.selection(),
        showing: app.selection(),
        sparks,
    }
}

/// True when the date in force, `as_of`, comes before the first bar's first day.
fn before_bars(counts: &crate::timeline::Timeline, as_of: Option<crate::format::Date>) -> bool {
    match (as_of, counts.bins.first()) {
        (Some(d), Some(first)) => d.last_day() < first.start.first_day(),
        _ => false,
    }
}

impl Chart {
    /// Moves to bar `i` and puts its last day in force.
    fn go(&mut self, app: &mut App, i: usize) {
        let Some(bin) = self.counts.bins.get(i) else {
            return;
        };
        self.cursor = Some(i);
        set(app, Some(bin.end));
    }
}

impl Component for Chart {
    fn title(&self) -> &'static str {
        words::TITLE
    }

    fn bindings(&self) -> &'static [Binding] {
        BINDINGS
    }

    fn works(&self, app: &App, action: Action) -> bool {
        let last = self.counts.bins.len().saturating_sub(1);
        let before = || before_bars(&self.counts, app.query.filter.as_of);
        match action {
            Action::StepDate(_) | Action::First | Action::Last if self.counts.bins.is_empty() => {
                false
            }
            // At an edge a move says where it stands, and help lists it with the keys that do
            // nothing there yet.
            Action::First => self.cursor != Some(0),
            Action::Last => self.cursor != Some(last),
            Action::StepDate(n) => match (self.cursor, n < 0) {
                (None, back) => back != before(),
                (Some(i), true) => i > 0,
                (Some(i), false) => i < last,
            },
            Action::Clear => app.query.filter.as_of.is_some(),
            // From every topic, either goes back to one.
            Action::Up => self.topic.is_none() || app.topic > 0,
            Action::Down => self.topic.is_none() || app.topic + 1 < app.shown().topics.len(),
            _ => true,
        }
    }

    fn update(&mut self, app: &mut App, action: Action) -> Step {
        let last = self.counts.bins.len().saturating_sub(1);
        // Only a new date may leave its query for the loop's worker: the rest act on the
        // comparison the date in force makes.
        if !matches!(
            action,
            Action::StepDate(_) | Action::First | Action::Last | Action::Clear
        ) {
            app.settle_query();
        }
        match action {
            Action::Back => {
                set(app, self.before);
                app.settle_query();
                app.reselect(&self.selected);
                return Step::Close;
            }
            Action::Open | Action::Timeline => return Step::Close,
            Action::Help => return crate::tui::modal::help::update::open(app, self),
            Action::StepDate(_) | Action::First | Action::Last if self.counts.bins.is_empty() => {
                app.message = Some(words::NO_DATES.to_owned());
            }
            // With every date shown the screen stands after the last bar: `←` goes to the bar
            // before the last (the last shows what every date shows, as far as the bars go).
            // With a date before every bar, the first bar is the next one and none is earlier.
            Action::StepDate(n)
                if self.cursor.is_none() && before_bars(&self.counts, app.query.filter.as_of) =>
            {
                if n < 0 {
                    let date = app
                        .query
                        .filter
                        .as_of
                        .map(|d| d.to_string())
                        .unwrap_or_default();
                    app.message = Some(words::before_every_bar(&date));
                } else {
                    self.go(app, 0);
                }
            }
            Action::StepDate(n) => match (self.cursor, n < 0) {
                (None, true) => self.go(app, last.saturating_sub(1)),
                (Some(0), true) => app.message = Some(words::NOTHING_EARLIER.to_owned()),
                (Some(i), true) => self.go(app, i - 1),
                (Some(i), false) if i < last => self.go(app, i + 1),
                (None, false) => {
                    let first = app.keymap.key_for(BINDINGS, false, Action::First);
                    app.message = Some(words::every_date_shown(&first));
                }
                (Some(_), false) => app.message = Some(words::NOTHING_LATER.to_owned()),
            },
            Action::First if self.cursor == Some(0) => {
                app.message = Some(words::NOTHING_EARLIER.to_owned());
            }
            Action::Last if self.cursor == Some(last) => {
                app.message = Some(words::NOTHING_LATER.to_owned());
            }
            Action::First => self.go(app, 0),
            Action::Last => self.go(app, last),
            Action::Clear if app.query.filter.as_of.is_none() => {
                app.message = Some(words::EVERY_DATE_ALREADY.to_owned());
            }
            Action::Clear => {
                self.cursor = None;
                set(app, None);
            }
            Action::Up | Action::Down => {
                let at = app.topic;
                let next = match (self.topic.is_some(), action == Action::Up) {
                    // From every topic: the selected one again, as `Tab` goes back to it.
                    (false, _) => Some(at),
                    (true, true) => at.checked_sub(1),
                    (true, false) => Some(at + 1).filter(|&i| i < app.shown().topics.len()),
                };
                match next {
                    None if action == Action::Up => {
                        app.message = Some(crate::tui::strings::edge::FIRST_TOPIC.to_owned());
                    }
                    None => app.message = Some(crate::tui::strings::edge::LAST_TOPIC.to_owned()),
                    Some(i) => {
                        app.select_topic(i);
                        let Some(t) = app.current_topic() else {
                            return Step::Stay;
                        };
                        let (id, title) = (t.id.clone(), t.title.clone());
                        let next = chart(app, Some(id), title, std::mem::take(&mut self.sparks));
                        *self = Chart {
                            before: self.before,
                            selected: std::mem::take(&mut self.selected),
                            ..next
                        };
                    }
                }
            }
            Action::NextPane => {
                // Back to one topic: the one charted last, even where the date in force hides
                // it now (another topic was charted), else the one shown.
                let opened = self
                    .showing
                    .0
                    .as_ref()
                    .and_then(|id| app.cmp.topics.iter().find(|t| &t.id == id));
                let (topic, title) = match &self.topic {
                    Some(_) => (None, words::EVERY_TOPIC.to_owned()),
                    None => match opened.or_else(|| app.current_topic()) {
                        Some(t) => (Some(t.id.clone()), t.title.clone()),
                        None => return Step::Stay,
                    },
                };
                let next = chart(app, topic, title, std::mem::take(&mut self.sparks));
                *self = Chart {
                    before: self.before,
                    selected: std::mem::take(&mut self.selected),
                    showing: std::mem::take(&mut self.showing),
                    ..next
                };
            }
            _ => {}
        }
        // Back on the topic and row charted, once the date shows it again.
        app.reselect(&self.showing);
        Step::Stay
    }

    fn draw(&self, frame: &mut Frame, app: &App, regions: &Regions) {
        super::view::draw(frame, app, self, regions.comparison);
    }
}
