//! The filter panel (`f`): party, topic, source outlet, kind and affiliation, tag, assessment,
//! relation, dates, one-sided rows, common ground, unsourced and untrusted claims. The choices come from the loaded
//! dispute. Every change applies at once (the comparison behind is queried again), so `Esc` only
//! closes the panel and what is applied stays; `F` on the screen clears every filter.
//!
//! The panel holds only where the analyst is in it and what is being typed: what is chosen lives
//! in [`App::query`]'s filter, the one the pipeline runs.

use crate::compare::Comparison;
use crate::format::Dispute;
use crate::format::{Date, DateError, Rating, RelationKind, SourceKind};
use crate::query::{AnsweredBy, CommonGround, Filter};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Binding, c, ctrl, k, listed, shown};
use crate::tui::layout::Regions;
use crate::tui::modal::component::{Component, Step};
use crate::tui::state::Modal;
use crate::tui::state::filters::{
    Choice, Home, Panel, Section, Tallied, TallyJob, Value, clear_section, distinct, is_selected,
    toggle,
};
use crate::tui::strings::{filters as words, footer, help};
use crate::tui::text_field::{Edit, TextField};
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use std::sync::Arc;

/// Choices a page key moves by.
const PAGE: usize = 10;

/// Up to this many claims compared, the panel lists and counts its choices as it opens (about
/// 15 ms); above, in the screen, the loop's worker does, and the panel opens at once with its
/// lists to come (a million claims take most of a second).
pub const COUNT_AT_ONCE: usize = 20_000;

/// The bindings inside the filter panel while moving among choices, which the footer and README
/// list. `j` and `k` move; `/` or any other character (without Ctrl or Alt) starts a find in a
/// list, or types into a date.
pub const BINDINGS: &[Binding] = &[
    shown(
        &[k(KeyCode::Tab)],
        Action::NextPane,
        help::FILTER_NEXT_SECTION,
        footer::FILTER_SECTION,
    ),
    listed(
        &[k(KeyCode::BackTab)],
        Action::PrevPane,
        help::FILTER_PREV_SECTION,
    ),
    listed(&[k(KeyCode::Up), c('k')], Action::Up, help::FILTER_UP),
    listed(&[k(KeyCode::Down), c('j')], Action::Down, help::FILTER_DOWN),
    listed(&[k(KeyCode::PageUp)], Action::PageUp, help::FILTER_PAGE_UP),
    listed(
        &[k(KeyCode::PageDown)],
        Action::PageDown,
        help::FILTER_PAGE_DOWN,
    ),
    listed(
        &[k(KeyCode::Left)],
        Action::Edit(Edit::Left),
        help::FILTER_LEFT,
    ),
    listed(
        &[k(KeyCode::Right)],
        Action::Edit(Edit::Right),
        help::FILTER_RIGHT,
    ),
    listed(
        &[k(KeyCode::Home)],
        Action::Edit(Edit::Home),
        help::FILTER_HOME,
    ),
    listed(
        &[k(KeyCode::End)],
        Action::Edit(Edit::End),
        help::FILTER_END,
    ),
    shown(
        &[c(' ')],
        Action::Toggle,
        help::FILTER_TOGGLE,
        footer::FILTER_TOGGLE,
    ),
    shown(
        &[c('/')],
        Action::Search,
        help::FILTER_FIND,
        footer::FILTER_FIND,
    ),
    shown(
        &[ctrl('a')],
        Action::SelectFound,
        help::FILTER_SELECT_FOUND,
        footer::FILTER_SELECT_ALL,
    ),
    listed(
        &[k(KeyCode::Backspace)],
        Action::Edit(Edit::Backspace),
        help::FILTER_BACKSPACE,
    ),
    shown(
        &[k(KeyCode::Delete)],
        Action::Clear,
        help::FILTER_CLEAR,
        footer::FILTER_CLEAR,
    ),
    shown(
        &[k(KeyCode::Enter)],
        Action::Open,
        help::FILTER_SUBMIT,
        footer::FILTER_SUBMIT,
    ),
    shown(
        &[k(KeyCode::Esc)],
        Action::Back,
        help::FILTER_CLOSE,
        footer::FILTER_CLOSE,
    ),
    shown(
        &[k(KeyCode::F(1))],
        Action::Help,
        crate::tui::strings::help::HELP,
        crate::tui::strings::footer::HELP,
    ),
];

/// The bindings while a find is typed: every character types, the arrows move among the choices
/// found.
pub const FINDING: &[Binding] = &[
    shown(
        &[k(KeyCode::Tab)],
        Action::NextPane,
        help::FILTER_NEXT_SECTION,
        footer::FILTER_SECTION,
    ),
    listed(
        &[k(KeyCode::BackTab)],
        Action::PrevPane,
        help::FILTER_PREV_SECTION,
    ),
    listed(&[k(KeyCode::Up)], Action::Up, help::FILTER_FIND_UP),
    listed(&[k(KeyCode::Down)], Action::Down, help::FILTER_FIND_DOWN),
    listed(&[k(KeyCode::PageUp)], Action::PageUp, help::FILTER_PAGE_UP),
    listed(
        &[k(KeyCode::PageDown)],
        Action::PageDown,
        help::FILTER_PAGE_DOWN,
    ),
    shown(
        &[ctrl('a')],
        Action::SelectFound,
        help::FILTER_SELECT_FOUND,
        footer::FILTER_SELECT_FOUND,
    ),
    listed(
        &[k(KeyCode::Backspace)],
        Action::Edit(Edit::Backspace),
        help::FILTER_FIND_BACKSPACE,
    ),
    shown(
        &[k(KeyCode::Enter)],
        Action::Open,
        help::FILTER_FIND_DONE,
        footer::FILTER_FIND_DONE,
    ),
    shown(
        &[k(KeyCode::Esc)],
        Action::Back,
        help::FILTER_FIND_CANCEL,
        footer::FILTER_FIND_CANCEL,
    ),
    shown(
        &[k(KeyCode::F(1))],
        Action::Help,
        crate::tui::strings::help::HELP,
        crate::tui::strings::footer::HELP,
    ),
];

/// The choices of every section, from the loaded dispute and the full comparison.
fn lists(d: &Dispute, cmp: &Comparison) -> Vec<Vec<Choice>> {
    let choice = |label: String, value: Value| Choice {
        label,
        value,
        claims: None,
    };
    let sources = || d.sides.iter().flat_map(|s| s.sources.iter());
    let claims = || {
        d.sides
            .iter()
            .flat_map(|s| s.topics.iter().flat_map(|t| t.claims.iter()))
    };
    let party_name = |id: &str| {
        d.sides
            .iter()
            .find(|s| s.party.id == id)
            .map(|s| s.party.name.clone())
    };
    Section::ALL
        .iter()
        .map(|&section| match section {
            Section::Party => d
                .sides
                .iter()
                .map(|s| {
                    choice(
                        words::party(&s.party.name, &s.party.id),
                        Value::Party(s.party.id.clone()),
                    )
                })
                .collect(),
            Section::Topic => cmp
                .topics
                .iter()
                .map(|t| choice(t.title.clone(), Value::Topic(t.id.clone())))
                .collect(),
            Section::Speaker => distinct(claims().filter_map(|c| c.speaker.as_deref()))
                .into_iter()
                .map(|s| choice(s.clone(), Value::Speaker(s)))
                .collect(),
            Section::Outlet => distinct(sources().map(|s| s.outlet.as_str()))
                .into_iter()
                .map(|o| choice(o.clone(), Value::Outlet(o)))
                .collect(),
            Section::Kind => SourceKind::ALL
                .iter()
                .filter(|k| sources().any(|s| s.kind == Some(**k)))
                .map(|&k| choice(k.as_str().to_owned(), Value::Kind(k)))
                .collect(),
            Section::Affiliation => {
                let mut ids: Vec<String> =
                    sources().filter_map(|s| s.affiliation.clone()).collect();
                ids.sort();
                ids.dedup();
                // Parties first, in their order, then the rest (`independent`).
                ids.sort_by_key(|id| d.side_index(id).unwrap_or(usize::MAX));
                ids.into_iter()
                    .map(|id| {
                        let label =
                            party_name(&id).map_or_else(|| id.clone(), |n| words::party(&n, &id));
                        choice(label, Value::Affiliation(id))
                    })
                    .collect()
            }
            Section::Tag => distinct(claims().flat_map(|c| c.tags.iter().map(|t| t.as_str())))
                .into_iter()
                .map(|t| choice(t.clone(), Value::Tag(t)))
                .collect(),
            Section::Rating => {
                let mut out: Vec<Choice> = Rating::ALL
                    .iter()
                    .filter(|r| {
                        claims().any(|c| c.assessment.as_ref().map(|a| a.rating) == Some(**r))
                    })
                    .map(|&r| choice(r.as_str().to_owned(), Value::Rating(Some(r))))
                    .collect();
                if claims().any(|c| c.assessment.is_none()) {
                    out.push(choice(words::NO_ASSESSMENT.to_owned(), Value::Rating(None)));
                }
                out
            }
            // Every kind, so the analyst sees the four; the ones no claim uses are dimmed.
            Section::Relation => RelationKind::ALL
                .iter()
                .map(|&k| choice(k.as_str().to_owned(), Value::Relation(k)))
                .collect(),
            Section::Dates => vec![
                choice(words::SINCE.to_owned(), Value::Since),
                choice(words::UNTIL.to_owned(), Value::Until),
            ],
            Section::Rows => vec![
                choice(words::ALL_ROWS.to_owned(), Value::Answered(None)),
                choice(
                    words::BOTH_SIDES.to_owned(),
                    Value::Answered(Some(AnsweredBy::Both)),
                ),
                choice(
                    words::ONE_SIDE.to_owned(),
                    Value::Answered(Some(AnsweredBy::OneSided)),
                ),
            ],
            Section::Common => vec![
                choice(words::ALL_ROWS.to_owned(), Value::Common(None)),
                choice(
                    words::COMMON_ONLY.to_owned(),
                    Value::Common(Some(CommonGround::Only)),
                ),
                choice(
                    words::COMMON_HIDDEN.to_owned(),
                    Value::Common(Some(CommonGround::Hide)),
                ),
            ],
            Section::Claims => vec![
                choice(words::UNSOURCED.to_owned(), Value::Unsourced),
                choice(words::UNTRUSTED.to_owned(), Value::Untrusted),
                choice(words::WEAK_SOURCES.to_owned(), Value::WeakSources),
            ],
        })
        .collect()
}

fn date_text(date: Option<Date>) -> TextField {
    TextField::proposed(date.map(|d| d.to_string()).unwrap_or_default())
}

/// Opens the panel on its first section, the dates as applied.
pub fn open(app: &mut App) -> Step {
    Step::Open(Modal::Filters(Box::new(panel(app))))
}

/// After the files changed on disk: the choices, their counts, the total and the dated span
/// are the new dispute's (they said `246 of 245 claims remain`); the section, the place, what
/// was typed and the way back stay.
pub fn refresh(app: &mut App, p: &mut Panel) {
    let fresh = panel(app);
    p.lists = fresh.lists;
    p.listing = fresh.listing;
    p.total = fresh.total;
    p.dated = fresh.dated;
    p.cursor = p.cursor.min(p.visible().len().saturating_sub(1));
}

/// Every section's choices, counted, and the span of their dates.
type Counted = (Vec<Vec<Choice>>, Option<(Date, Date)>);

/// Every section's choices, counted for the screen's pair and date in force, and the span of
/// their dates: those of the last panel again while the pair and date are those it counted
/// (known by the `Arc`s themselves: a `Weak` keeps its address from being reused), so the panel
/// opens again at once on a million claims; else listed and counted anew, now, or by the loop's
/// worker (`None`) when the comparison is large and the panel opens in the loop's burst of keys.
fn counted(app: &mut App) -> Option<Counted> {
    if let Some(t) = app.tallied.as_ref().filter(|t| counts_for(app, t)) {
        return Some((t.lists.clone(), t.dated));
    }
    let job = screens_job(app);
    let c = app.cmp.counts();
    if app.search.fold && c.left_claims + c.right_claims > COUNT_AT_ONCE {
        // The worker's answer comes to the panel through `tally_ready`; one already out for
        // this comparison is not asked again.
        if !app.tallying {
            app.tally_job = Some(job);
        }
        return None;
    }
    let t = tally(job);
    let out = (t.lists.clone(), t.dated);
    app.tallied = Some(t);
    Some(out)
}

/// The counting of the screen's dispute, pair and date in force.
fn screens_job(app: &App) -> TallyJob {
    TallyJob {
        dispute: Arc::clone(&app.dispute),
        cmp: Arc::clone(&app.cmp),
        as_of: app.query.filter.as_of,
    }
}

/// Whether `t` counted the screen's dispute, pair and date in force.
fn counts_for(app: &App, t: &Tallied) -> bool {
    t.dispute.ptr_eq(&Arc::downgrade(&app.dispute))
        && t.cmp.ptr_eq(&Arc::downgrade(&app.cmp))
        && t.as_of == app.query.filter.as_of
}

/// Lists and counts every section's choices for the job's comparison and date: the panel's
/// first opening, which walks every claim (on the loop's worker for a large comparison).
pub fn tally(job: TallyJob) -> Tallied {
    // With a date in force, each choice counts the claims said by then, as the screen shows
    // them (the filter's one rule cuts the comparison to that date).
    let by_date = job.as_of.map(|date| {
        let only_date = Filter {
            as_of: Some(date),
            ..Filter::default()
        };
        only_date.apply(&job.dispute, &job.cmp)
    });
    let n = super::counts::tally(&job.dispute, by_date.as_ref().unwrap_or(&job.cmp));
    let mut lists = lists(&job.dispute, &job.cmp);
    super::counts::count(&n, &mut lists);
    Tallied {
        dispute: Arc::downgrade(&job.dispute),
        cmp: Arc::downgrade(&job.cmp),
        as_of: job.as_of,
        lists,
        dated: crate::timeline::span(&job.dispute, &job.cmp),
    }
}

/// The loop's worker counted the choices: an open panel waiting for them shows them (true: the
/// screen changed). Counts of a comparison no longer the screen's are dropped, and a panel
/// still waiting asks for the screen's.
pub fn tally_ready(app: &mut App, t: Tallied) -> bool {
    app.tallying = false;
    let waiting = |m: &Modal| matches!(m, Modal::Filters(p) if p.listing);
    if !counts_for(app, &t) {
        if app.modals.iter().any(waiting) {
            app.tally_job = Some(screens_job(app));
        }
        return false;
    }
    let mut changed = false;
    for m in &mut app.modals {
        if let Modal::Filters(p) = m
            && p.listing
        {
            p.lists = t.lists.clone();
            p.dated = t.dated;
            p.listing = false;
            p.cursor = p.cursor.min(p.visible().len().saturating_sub(1));
            changed = true;
        }
    }
    app.tallied = Some(t);
    changed
}

/// The panel on its first section, the dates as applied.
fn panel(app: &mut App) -> Panel {
    let counted = counted(app);
    let listing = counted.is_none();
    let (lists, dated) = counted.unwrap_or_else(|| (vec![Vec::new(); Section::ALL.len()], None));
    let c = app.cmp.counts();
    Panel {
        section: Section::Party,
        cursor: 0,
        find: TextField::default(),
        finding: false,
        since: date_text(app.query.filter.since),
        until: date_text(app.query.filter.until),
        note: None,
        total: c.left_claims + c.right_claims,
        dated,
        lists,
        listing,
        home: Home {
            filter: app.query.filter.clone(),
            topic: (
                app.current_topic()
                    .map(|t| t.id.clone())
                    .unwrap_or_default(),
                app.topic,
            ),
            row: app.row,
            topic_top: app.topic_top,
            top: (app.top.row, app.top.line),
        },
    }
}

/// Back where the panel opened, when the filter is again the one in force then (a choice
/// tried and taken back) and the topic is still there.
fn go_home(app: &mut App, home: &Home) {
    let (id, topic) = &home.topic;
    if app.query.filter != home.filter || app.shown().topics.get(*topic).is_none_or(|t| &t.id != id)
    {
        return;
    }
    app.topic = *topic;
    app.row = home.row;
    app.topic_top = home.topic_top;
    app.top = crate::tui::app::Scroll {
        row: home.top.0,
        line: home.top.1,
    };
    // The comparison is the one shown then, so the place is valid as it was.
    app.ensure_topic_visible();
}

/// Clears every filter (the `F` key); the search, if any, stays.
pub fn clear(app: &mut App) {
    if app.query.filter.is_empty() {
        app.message = Some(words::NOTHING_TO_CLEAR.to_owned());
        return;
    }
    app.query.filter = Filter::default();
    app.requery();
    app.message = Some(if app.query.narrow && app.query.search_text().is_some() {
        let key = app.keymap.key_for(
            crate::tui::modal::screen::BINDINGS,
            false,
            crate::tui::action::Action::Narrow,
        );
        words::cleared_narrowed(&key)
    } else {
        words::CLEARED.to_owned()
    });
}

/// A typed date: empty is no limit.
fn parse_date(text: &str) -> Result<Option<Date>, DateError> {
    let t = text.trim();
    if t.is_empty() {
        Ok(None)
    } else {
        t.parse().map(Some)
    }
}

/// Applies the dates as typed: a field that is not a date (yet) applies no limit, and neither
/// does the date being typed when it puts the range's end before its start. Returns why, when a date is not applied, so what is
/// applied is always what the panel shows as valid.
fn apply_dates(filter: &mut Filter, p: &Panel) -> Option<String> {
    let bad = |name: &str, field: &TextField, e: DateError| {
        words::bad_date(name, &crate::text::clean(field.text()).text, &e)
    };
    let mut note = None;
    let was = (filter.since, filter.until);
    filter.since = parse_date(p.since.text()).unwrap_or_else(|e| {
        note = Some(bad(words::SINCE, &p.since, e));
        None
    });
    filter.until = parse_date(p.until.text()).unwrap_or_else(|e| {
        note = note.take().or(Some(bad(words::UNTIL, &p.until, e)));
        None
    });
    if let Some((s, u)) = filter.reversed_dates() {
        // The date just typed is the one not applied; the one in force before stays (both
        // went, and a since applied before was lost as the panel closed). Neither or both in
        // force before: the one being edited gives way.
        let kept_since = match (was.0 == Some(s), was.1 == Some(u)) {
            (true, false) => true,
            (false, true) => false,
            _ => p.date_field() != Some(Value::Since),
        };
        if kept_since {
            filter.until = None;
        } else {
            filter.since = None;
        }
        note = Some(words::since_after_until(
            &s.to_string(),
            &u.to_string(),
            kept_since,
        ));
    } else if let Some((s, at)) = filter.since_after_as_of() {
        filter.since = None;
        note = Some(words::since_after_as_of(&s.to_string(), &at.to_string()));
    }
    note
}

/// Moves to another section, forgetting the text typed to find a choice.
fn go(p: &mut Panel, forward: bool) {
    let n = Section::ALL.len();
    let at = p.section.index();
    let next = if forward {
        (at + 1) % n
    } else {
        (at + n - 1) % n
    };
    p.section = Section::ALL[next];
    p.cursor = 0;
    p.find = TextField::default();
    p.finding = false;
}

/// Selects every choice found, or unselects them all when all are selected already.
fn select_found(filter: &mut Filter, p: &Panel) {
    let found: Vec<Value> = p.visible().iter().map(|c| c.value.clone()).collect();
    let all = found.iter().all(|v| is_selected(filter, v));
    for v in &found {
        if all || !is_selected(filter, v) {
            toggle(filter, v);
        }
    }
}

impl Component for Panel {
    fn title(&self) -> &'static str {
        words::TITLE
    }

    fn bindings(&self) -> &'static [Binding] {
        if self.finding { FINDING } else { BINDINGS }
    }

    fn types(&self) -> bool {
        true
    }

    fn works(&self, app: &App, action: Action) -> bool {
        let p = self;
        // The choices shown are found again on each call: only the keys that need them ask.
        let n = || p.visible().len();
        let field = match p.date_field() {
            Some(Value::Since) => Some(&p.since),
            Some(_) => Some(&p.until),
            None => None,
        };
        let list = p.section.is_list();
        match action {
            Action::Up | Action::PageUp => p.cursor > 0,
            Action::Down | Action::PageDown => p.cursor + 1 < n(),
            Action::Edit(e) => match (field, e) {
                (Some(f), _) => f.moves(e),
                (None, Edit::Left | Edit::Right) => true,
                (None, Edit::WordLeft | Edit::WordRight) => false,
                (None, Edit::Home) => p.cursor > 0,
                (None, Edit::End) => p.cursor + 1 < n(),
                (None, _) => list && p.find.moves(e),
            },
            Action::Toggle => field.is_none() && n() > 0,
            Action::Search => list && !p.finding,
            Action::SelectFound => p.section.is_many() && n() > 0,
            Action::Clear => {
                let mut cleared = app.query.filter.clone();
                clear_section(&mut cleared, p.section);
                cleared != app.query.filter
            }
            Action::Open => p.finding || apply_dates(&mut app.query.filter.clone(), p).is_none(),
            _ => true,
        }
    }

    fn update(&mut self, app: &mut App, action: Action) -> Step {
        // F1: help in a field where `?` is typed.
        if action == Action::Help {
            return crate::tui::modal::help::update::open(app, self);
        }
        let before = app.query.filter.clone();
        let keep = key(app, self, action);
        let changed = app.query.filter != before;
        if changed {
            // In the loop the choice shows at once and the comparison follows (see
            // `answered`): at a million claims a choice took a few hundred milliseconds.
            app.requery_later();
        }
        if !keep {
            // Closed, the screen shows what the filters make: no key acts on the old one.
            app.settle_query();
        }
        if (changed || !keep) && !app.query_stale && !app.query_pending() {
            go_home(app, &self.home);
        }
        if keep { Step::Stay } else { Step::Close }
    }

    fn answered(&mut self, app: &mut App) {
        go_home(app, &self.home);
    }

    fn draw(&self, frame: &mut Frame, app: &App, regions: &Regions) {
        super::view::draw(frame, app, self, regions.main);
    }
}

/// Applies one action; returns whether the panel stays open.
fn key(app: &mut App, p: &mut Panel, action: Action) -> bool {
    let n = p.visible().len();
    let last = n.saturating_sub(1);
    let date = p.date_field();
    let edit = |p: &mut Panel, e: Edit| match p.date_field() {
        Some(Value::Since) => p.since.apply(e),
        Some(_) => p.until.apply(e),
        None => false,
    };
    match action {
        Action::Back if p.finding => {
            p.finding = false;
            p.find = TextField::default();
            p.cursor = 0;
        }
        // A date typed that is not applied (half typed, or after the other) is forgotten as
        // the panel closes: said, so it is not thought to be in force.
        Action::Back => {
            if let Some(note) = apply_dates(&mut app.query.filter.clone(), p) {
                app.message = Some(note);
            }
            return false;
        }
        Action::Open if p.finding => p.finding = false,
        Action::Open => {
            p.note = apply_dates(&mut app.query.filter, p);
            return p.note.is_some();
        }
        Action::Search if p.section.is_list() => p.finding = true,
        Action::SelectFound if p.section.is_many() => select_found(&mut app.query.filter, p),
        Action::NextPane => go(p, true),
        Action::PrevPane => go(p, false),
        Action::Edit(
            e @ (Edit::Left
            | Edit::Right
            | Edit::Home
            | Edit::End
            | Edit::WordLeft
            | Edit::WordRight),
        ) if date.is_some() => {
            edit(p, e);
        }
        Action::Edit(Edit::Left) => go(p, false),
        Action::Edit(Edit::Right) => go(p, true),
        Action::Up => p.cursor = p.cursor.saturating_sub(1),
        Action::Down => p.cursor = (p.cursor + 1).min(last),
        Action::PageUp => p.cursor = p.cursor.saturating_sub(PAGE),
        Action::PageDown => p.cursor = (p.cursor + PAGE).min(last),
        Action::Edit(Edit::Home) => p.cursor = 0,
        Action::Edit(Edit::End) => p.cursor = last,
        Action::Toggle => {
            if let Some(c) = p.current().cloned() {
                toggle(&mut app.query.filter, &c.value);
            }
        }
        Action::Clear => {
            clear_section(&mut app.query.filter, p.section);
            if p.section == Section::Dates {
                p.since = TextField::default();
                p.until = TextField::default();
                p.note = None;
            }
        }
        Action::Edit(
            e @ (Edit::Backspace
            | Edit::Insert(_)
            | Edit::Delete
            | Edit::DeleteWordBack
            | Edit::DeleteToEnd),
        ) => {
            if date.is_some() {
                if edit(p, e) {
                    p.note = apply_dates(&mut app.query.filter, p);
                }
            } else if p.section.is_list() && p.find.apply(e) {
                p.finding = p.finding || matches!(e, Edit::Insert(_));
                p.cursor = 0;
            } else if !p.section.is_list() && matches!(e, Edit::Insert(_)) {
                // A letter in a section of a few fixed choices finds nothing: said, as any
                // key that does nothing is.
                app.message = Some(words::NO_FINDING_HERE.to_owned());
            }
        }
        Action::SelectFound if date.is_some() => {
            app.message = Some(words::DATES_TYPED.to_owned());
        }
        Action::SelectFound => app.message = Some(words::ONE_CHOICE.to_owned()),
        _ => {}
    }
    p.cursor = p.cursor.min(p.visible().len().saturating_sub(1));
    true
}
