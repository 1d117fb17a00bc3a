//! The filter panel (`f`): party, topic, source outlet, kind and affiliation, tag, assessment,
//! dates, one-sided rows, unsourced and untrusted claims. The choices come from the loaded
//! dispute. Every change applies at once (the comparison behind is queried again), so `Esc` only
//! closes the panel and what is applied stays; `F` on the screen clears every filter.
//!
//! The panel holds only where the analyst is in it and what is being typed: what is chosen lives
//! in [`App::query`]'s filter, the one the pipeline runs.

use super::app::App;
use super::strings::filters as words;
use super::text_field::{Edit, TextField};
use super::update::{Action, Outcome};
use crate::format::{Date, DateError, Rating, SourceKind};
use crate::query::{AnsweredBy, Filter};

/// Choices a page key moves by.
const PAGE: usize = 10;

/// The panel's sections, in the order Tab visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Parties, by name.
    Party,
    /// Topics, by neutral title.
    Topic,
    /// Source outlets.
    Outlet,
    /// Source kinds.
    Kind,
    /// Source affiliations.
    Affiliation,
    /// Claim tags.
    Tag,
    /// Assessment ratings, and "no assessment".
    Rating,
    /// The date range, typed.
    Dates,
    /// Rows answered by both sides or by one.
    Rows,
    /// Unsourced claims, claims with untrusted text.
    Claims,
}

impl Section {
    /// Every section, in order.
    pub const ALL: [Section; 10] = [
        Section::Party,
        Section::Topic,
        Section::Outlet,
        Section::Kind,
        Section::Affiliation,
        Section::Tag,
        Section::Rating,
        Section::Dates,
        Section::Rows,
        Section::Claims,
    ];

    /// The section's name in the panel.
    pub fn name(self) -> &'static str {
        match self {
            Section::Party => words::PARTY,
            Section::Topic => words::TOPIC,
            Section::Outlet => words::OUTLET,
            Section::Kind => words::KIND,
            Section::Affiliation => words::AFFILIATION,
            Section::Tag => words::TAG,
            Section::Rating => words::RATING,
            Section::Dates => words::DATES,
            Section::Rows => words::ROWS,
            Section::Claims => words::CLAIMS,
        }
    }

    /// True for the sections of many choices, where typing finds a choice.
    pub fn is_list(self) -> bool {
        !matches!(self, Section::Dates | Section::Rows | Section::Claims)
    }

    fn index(self) -> usize {
        Section::ALL.iter().position(|&s| s == self).unwrap_or(0)
    }
}

/// What a choice stands for in the filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A party id.
    Party(String),
    /// A topic id.
    Topic(String),
    /// An outlet name.
    Outlet(String),
    /// A source kind.
    Kind(SourceKind),
    /// A party id or `independent`.
    Affiliation(String),
    /// A tag.
    Tag(String),
    /// A rating, or `None` for "no assessment".
    Rating(Option<Rating>),
    /// The date field "since".
    Since,
    /// The date field "until".
    Until,
    /// Which rows: all (`None`), answered by both, by one.
    Answered(Option<AnsweredBy>),
    /// Only claims citing no source.
    Unsourced,
    /// Only claims whose text held flagged characters.
    Untrusted,
}

/// One choice: what the panel shows and what it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Shown in the list (text from the loaded dispute, already cleaned).
    pub label: String,
    /// What it selects.
    pub value: Value,
}

/// A key in the panel, as the bindings table in `keys.rs` names it. Any other character types:
/// into the date field, or to find a choice in a long list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// The next section.
    NextSection,
    /// The previous section.
    PrevSection,
    /// The previous choice (or date field).
    Up,
    /// The next choice (or date field).
    Down,
    /// Some choices up.
    PageUp,
    /// Some choices down.
    PageDown,
    /// In a date: cursor left; elsewhere the previous section.
    Left,
    /// In a date: cursor right; elsewhere the next section.
    Right,
    /// The first choice; in a date, its start.
    Home,
    /// The last choice; in a date, its end.
    End,
    /// Select or unselect the choice.
    Toggle,
    /// Delete the character before the cursor (date, or the text finding a choice).
    Backspace,
    /// Clear the section's choices.
    Clear,
    /// Close the panel, once the dates typed are valid.
    Submit,
    /// Close the panel; what is applied stays.
    Close,
    /// A typed character.
    Type(char),
}

/// The panel's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Panel {
    /// The section keys act on.
    pub section: Section,
    /// The highlighted choice, an index into [`Panel::visible`].
    pub cursor: usize,
    /// Text typed to find a choice in the section's list.
    pub find: TextField,
    /// The "since" date as typed.
    pub since: TextField,
    /// The "until" date as typed.
    pub until: TextField,
    /// Why a typed date is not applied.
    pub note: Option<String>,
    /// Claims in the full comparison, for "N of M claims".
    pub total: usize,
    lists: Vec<Vec<Choice>>,
}

impl Panel {
    /// The choices of a section.
    pub fn choices(&self, section: Section) -> &[Choice] {
        self.lists.get(section.index()).map_or(&[][..], |l| &l[..])
    }

    /// The focused section's choices that hold the text typed to find one (any case).
    pub fn visible(&self) -> Vec<&Choice> {
        let find = self.find.text().to_lowercase();
        self.choices(self.section)
            .iter()
            .filter(|c| find.is_empty() || c.label.to_lowercase().contains(&find))
            .collect()
    }

    /// The highlighted choice.
    pub fn current(&self) -> Option<&Choice> {
        self.visible().get(self.cursor).copied()
    }

    /// The date field being typed in, if the cursor is on one.
    pub fn date_field(&self) -> Option<Value> {
        match (self.section, self.cursor) {
            (Section::Dates, 0) => Some(Value::Since),
            (Section::Dates, _) => Some(Value::Until),
            _ => None,
        }
    }
}

/// True when the filter has the choice selected.
pub fn is_selected(filter: &Filter, value: &Value) -> bool {
    match value {
        Value::Party(id) => filter.parties.contains(id),
        Value::Topic(id) => filter.topics.contains(id),
        Value::Outlet(o) => filter.outlets.contains(o),
        Value::Kind(k) => filter.kinds.contains(k),
        Value::Affiliation(a) => filter.affiliations.contains(a),
        Value::Tag(t) => filter.tags.contains(t),
        Value::Rating(r) => filter.ratings.contains(r),
        Value::Since => filter.since.is_some(),
        Value::Until => filter.until.is_some(),
        Value::Answered(a) => filter.answered == *a,
        Value::Unsourced => filter.unsourced,
        Value::Untrusted => filter.untrusted,
    }
}

fn flip<T: PartialEq + Clone>(list: &mut Vec<T>, value: &T) {
    match list.iter().position(|x| x == value) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(value.clone()),
    }
}

/// Selects or unselects a choice (a radio choice for rows).
pub fn toggle(filter: &mut Filter, value: &Value) {
    match value {
        Value::Party(id) => flip(&mut filter.parties, id),
        Value::Topic(id) => flip(&mut filter.topics, id),
        Value::Outlet(o) => flip(&mut filter.outlets, o),
        Value::Kind(k) => flip(&mut filter.kinds, k),
        Value::Affiliation(a) => flip(&mut filter.affiliations, a),
        Value::Tag(t) => flip(&mut filter.tags, t),
        Value::Rating(r) => flip(&mut filter.ratings, r),
        Value::Since | Value::Until => {}
        Value::Answered(a) => filter.answered = *a,
        Value::Unsourced => filter.unsourced = !filter.unsourced,
        Value::Untrusted => filter.untrusted = !filter.untrusted,
    }
}

/// Clears one section of the filter.
pub fn clear_section(filter: &mut Filter, section: Section) {
    match section {
        Section::Party => filter.parties.clear(),
        Section::Topic => filter.topics.clear(),
        Section::Outlet => filter.outlets.clear(),
        Section::Kind => filter.kinds.clear(),
        Section::Affiliation => filter.affiliations.clear(),
        Section::Tag => filter.tags.clear(),
        Section::Rating => filter.ratings.clear(),
        Section::Dates => {
            filter.since = None;
            filter.until = None;
        }
        Section::Rows => filter.answered = None,
        Section::Claims => {
            filter.unsourced = false;
            filter.untrusted = false;
        }
    }
}

/// Sorted by lower case, and without repeats that differ only by case.
fn distinct(mut values: Vec<String>) -> Vec<String> {
    values.sort_by_key(|v| (v.to_lowercase(), v.clone()));
    values.dedup_by(|a, b| a.to_lowercase() == b.to_lowercase());
    values
}

/// The choices of every section, from the loaded dispute and the full comparison.
fn lists(app: &App) -> Vec<Vec<Choice>> {
    let d = &app.dispute;
    let choice = |label: String, value: Value| Choice { label, value };
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
            Section::Topic => app
                .cmp
                .topics
                .iter()
                .map(|t| choice(t.title.clone(), Value::Topic(t.id.clone())))
                .collect(),
            Section::Outlet => distinct(sources().map(|s| s.outlet.clone()).collect())
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
            Section::Tag => distinct(claims().flat_map(|c| c.tags.iter().cloned()).collect())
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
            Section::Claims => vec![
                choice(words::UNSOURCED.to_owned(), Value::Unsourced),
                choice(words::UNTRUSTED.to_owned(), Value::Untrusted),
            ],
        })
        .collect()
}

fn date_text(date: Option<Date>) -> TextField {
    TextField::new(date.map(|d| d.to_string()).unwrap_or_default())
}

/// Opens the panel on its first section, the dates as applied.
pub fn open(app: &mut App) {
    let c = app.cmp.counts();
    app.filters = Some(Panel {
        section: Section::Party,
        cursor: 0,
        find: TextField::default(),
        since: date_text(app.query.filter.since),
        until: date_text(app.query.filter.until),
        note: None,
        total: c.left_claims + c.right_claims,
        lists: lists(app),
    });
}

/// Clears every filter (the `F` key); the search, if any, stays.
pub fn clear(app: &mut App) {
    if app.query.filter.is_empty() {
        app.message = Some(words::NOTHING_TO_CLEAR.to_owned());
        return;
    }
    app.query.filter = Filter::default();
    app.requery();
    app.message = Some(words::CLEARED.to_owned());
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
/// does a range that ends before it starts. Returns why, when a date is not applied, so what is
/// applied is always what the panel shows as valid.
fn apply_dates(filter: &mut Filter, p: &Panel) -> Option<String> {
    let bad = |name: &str, field: &TextField, e: DateError| {
        words::bad_date(name, &crate::text::clean(field.text()).text, &e.to_string())
    };
    let mut note = None;
    filter.since = parse_date(p.since.text()).unwrap_or_else(|e| {
        note = Some(bad(words::SINCE, &p.since, e));
        None
    });
    filter.until = parse_date(p.until.text()).unwrap_or_else(|e| {
        note = note.take().or(Some(bad(words::UNTIL, &p.until, e)));
        None
    });
    if let Some((s, u)) = filter.reversed_dates() {
        filter.since = None;
        filter.until = None;
        note = Some(words::since_after_until(&s.to_string(), &u.to_string()));
    }
    note
}

/// Applies an action to the open panel. Only the panel's keys (and Esc) act; the screen beneath
/// waits.
pub fn update(app: &mut App, action: Action) -> Outcome {
    let input = match action {
        Action::FilterPanel(input) => input,
        Action::Back => Input::Close,
        _ => return Outcome::Continue,
    };
    let Some(mut p) = app.filters.take() else {
        return Outcome::Continue;
    };
    let before = app.query.filter.clone();
    let keep = key(app, &mut p, input);
    if app.query.filter != before {
        app.requery();
    }
    if keep {
        app.filters = Some(p);
    }
    Outcome::Continue
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
}

/// Applies one key; returns whether the panel stays open.
fn key(app: &mut App, p: &mut Panel, input: Input) -> bool {
    let n = p.visible().len();
    let last = n.saturating_sub(1);
    let date = p.date_field();
    let edit = |p: &mut Panel, e: Edit| match p.date_field() {
        Some(Value::Since) => p.since.apply(e),
        Some(_) => p.until.apply(e),
        None => false,
    };
    match input {
        Input::Close => return false,
        Input::Submit => {
            p.note = apply_dates(&mut app.query.filter, p);
            return p.note.is_some();
        }
        Input::NextSection => go(p, true),
        Input::PrevSection => go(p, false),
        Input::Left | Input::Right | Input::Home | Input::End if date.is_some() => {
            let e = match input {
                Input::Left => Edit::Left,
                Input::Right => Edit::Right,
                Input::Home => Edit::Home,
                _ => Edit::End,
            };
            edit(p, e);
        }
        Input::Left => go(p, false),
        Input::Right => go(p, true),
        Input::Up => p.cursor = p.cursor.saturating_sub(1),
        Input::Down => p.cursor = (p.cursor + 1).min(last),
        Input::PageUp => p.cursor = p.cursor.saturating_sub(PAGE),
        Input::PageDown => p.cursor = (p.cursor + PAGE).min(last),
        Input::Home => p.cursor = 0,
        Input::End => p.cursor = last,
        Input::Toggle => {
            if let Some(c) = p.current().cloned() {
                toggle(&mut app.query.filter, &c.value);
            }
        }
        Input::Clear => {
            clear_section(&mut app.query.filter, p.section);
            if p.section == Section::Dates {
                p.since = TextField::default();
                p.until = TextField::default();
                p.note = None;
            }
        }
        Input::Backspace | Input::Type(_) => {
            let e = match input {
                Input::Type(c) => Edit::Insert(c),
                _ => Edit::Backspace,
            };
            if date.is_some() {
                if edit(p, e) {
                    p.note = apply_dates(&mut app.query.filter, p);
                }
            } else if p.section.is_list() && p.find.apply(e) {
                p.cursor = 0;
            }
        }
    }
    p.cursor = p.cursor.min(p.visible().len().saturating_sub(1));
    true
}

/// The short summary of a section beside its name: what is chosen, or "any".
pub fn summary(p: &Panel, filter: &Filter, section: Section) -> String {
    let chosen: Vec<&str> = p
        .choices(section)
        .iter()
        .filter(|c| is_selected(filter, &c.value))
        .map(|c| c.label.as_str())
        .collect();
    match section {
        Section::Dates => {
            let mut out = Vec::new();
            if let Some(d) = filter.since {
                out.push(format!("{} {d}", words::SINCE));
            }
            if let Some(d) = filter.until {
                out.push(format!("{} {d}", words::UNTIL));
            }
            if out.is_empty() {
                words::ANY.to_owned()
            } else {
                out.join(" ")
            }
        }
        Section::Rows => chosen
            .first()
            .copied()
            .unwrap_or(words::ALL_ROWS)
            .to_owned(),
        _ if chosen.is_empty() => words::ANY.to_owned(),
        _ => chosen.join(", "),
    }
}
