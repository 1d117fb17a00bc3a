//! The filter panel's state: the sections, their choices, where the analyst is, and what is
//! being typed. What is chosen lives in `App::query`'s filter, the one the pipeline runs; the
//! functions here read and change that filter for one choice.

use crate::format::{Rating, RelationKind, SourceKind};
use crate::query::{AnsweredBy, CommonGround, Filter};
use crate::tui::strings::filters as words;
use crate::tui::text_field::TextField;

/// The panel's sections, in the order Tab visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Parties, by name.
    Party,
    /// Topics, by neutral title.
    Topic,
    /// Who made the claims.
    Speaker,
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
    /// How a claim relates to another party's claim.
    Relation,
    /// The date range, typed.
    Dates,
    /// Rows answered by both sides or by one.
    Rows,
    /// Only the rows where the sides agree, or every row but those.
    Common,
    /// Unsourced claims, claims with untrusted text.
    Claims,
}

impl Section {
    /// Every section, in order.
    pub const ALL: [Section; 13] = [
        Section::Party,
        Section::Topic,
        Section::Speaker,
        Section::Outlet,
        Section::Kind,
        Section::Affiliation,
        Section::Tag,
        Section::Rating,
        Section::Relation,
        Section::Dates,
        Section::Rows,
        Section::Common,
        Section::Claims,
    ];

    /// The section's name in the panel.
    pub fn name(self) -> &'static str {
        match self {
            Section::Party => words::PARTY,
            Section::Topic => words::TOPIC,
            Section::Speaker => words::SPEAKER,
            Section::Outlet => words::OUTLET,
            Section::Kind => words::KIND,
            Section::Affiliation => words::AFFILIATION,
            Section::Tag => words::TAG,
            Section::Rating => words::RATING,
            Section::Relation => words::RELATION,
            Section::Dates => words::DATES,
            Section::Rows => words::ROWS,
            Section::Common => words::COMMON,
            Section::Claims => words::CLAIMS,
        }
    }

    /// True for the sections of many choices, where typing finds a choice.
    pub fn is_list(self) -> bool {
        !matches!(
            self,
            Section::Dates | Section::Rows | Section::Common | Section::Claims
        )
    }

    /// True for a section whose choices may be chosen together (`Ctrl-A` chooses them all);
    /// the dates are typed, and rows and common ground take one choice.
    pub fn is_many(self) -> bool {
        !matches!(self, Section::Dates | Section::Rows | Section::Common)
    }

    /// The section's place in [`Section::ALL`].
    pub fn index(self) -> usize {
        Section::ALL.iter().position(|&s| s == self).unwrap_or(0)
    }
}

/// What a choice stands for in the filter.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Value {
    /// A party id.
    Party(String),
    /// A topic id.
    Topic(String),
    /// A speaker's name.
    Speaker(String),
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
    /// A relation kind.
    Relation(RelationKind),
    /// The date field "since".
    Since,
    /// The date field "until".
    Until,
    /// Which rows: all (`None`), answered by both, by one.
    Answered(Option<AnsweredBy>),
    /// Which rows by common ground: all (`None`), only those, all but those.
    Common(Option<CommonGround>),
    /// Only claims citing no source.
    Unsourced,
    /// Only claims whose text held flagged characters.
    Untrusted,
    /// Only claims resting only on sources rated low or partisan.
    WeakSources,
}

/// One choice: what the panel shows and what it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Shown in the list (text from the loaded dispute, already cleaned).
    pub label: String,
    /// What it selects.
    pub value: Value,
    /// Claims of the compared pair it keeps on its own (`None` for the date fields): shown
    /// beside it, and a choice keeping none is dimmed.
    pub claims: Option<usize>,
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
    /// True while keys type into the find (after `/` or a letter); `j` and `k` move otherwise.
    pub finding: bool,
    /// The "since" date as typed.
    pub since: TextField,
    /// The "until" date as typed.
    pub until: TextField,
    /// Why a typed date is not applied.
    pub note: Option<String>,
    /// Claims in the full comparison, for "N of M claims".
    pub total: usize,
    /// The first and last date of the compared claims (`None`: none is dated), said under the
    /// date fields, so a range that keeps nothing is understood.
    pub dated: Option<(crate::format::Date, crate::format::Date)>,
    /// The choices of every section, in [`Section::ALL`] order.
    pub lists: Vec<Vec<Choice>>,
    /// True while the choices are listed and counted on the loop's worker (a first opening at a
    /// million claims walks every claim, most of a second): the lists are empty until they come.
    pub listing: bool,
    /// Where the screen was when the panel opened, and with which filter: a choice tried and
    /// taken back returns there, not to the topic the choice moved the screen to.
    pub home: Home,
}

/// The screen's place when the filter panel opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Home {
    /// The filter in force then.
    pub filter: Filter,
    /// The selected topic's id and index, the selected row, the first topic of the list.
    pub topic: (String, usize),
    pub row: usize,
    pub topic_top: usize,
    /// The panes' scroll: the row at the top and its lines scrolled off.
    pub top: (usize, usize),
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
        Value::Speaker(s) => filter.speakers.contains(s),
        Value::Outlet(o) => filter.outlets.contains(o),
        Value::Kind(k) => filter.kinds.contains(k),
        Value::Affiliation(a) => filter.affiliations.contains(a),
        Value::Tag(t) => filter.tags.contains(t),
        Value::Rating(r) => filter.ratings.contains(r),
        Value::Relation(k) => filter.relations.contains(k),
        Value::Since => filter.since.is_some(),
        Value::Until => filter.until.is_some(),
        Value::Answered(a) => filter.answered == *a,
        Value::Common(c) => filter.common == *c,
        Value::Unsourced => filter.unsourced,
        Value::Untrusted => filter.untrusted,
        Value::WeakSources => filter.weak_sources,
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

/// Selects or unselects a choice (a radio choice for rows and common ground).
pub fn toggle(filter: &mut Filter, value: &Value) {
    match value {
        Value::Party(id) => flip(&mut filter.parties, id),
        Value::Topic(id) => flip(&mut filter.topics, id),
        Value::Speaker(s) => flip(&mut filter.speakers, s),
        Value::Outlet(o) => flip(&mut filter.outlets, o),
        Value::Kind(k) => flip(&mut filter.kinds, k),
        Value::Affiliation(a) => flip(&mut filter.affiliations, a),
        Value::Tag(t) => flip(&mut filter.tags, t),
        Value::Rating(r) => flip(&mut filter.ratings, r),
        Value::Relation(k) => flip(&mut filter.relations, k),
        Value::Since | Value::Until => {}
        Value::Answered(a) => filter.answered = *a,
        Value::Common(c) => filter.common = *c,
        Value::Unsourced => filter.unsourced = !filter.unsourced,
        Value::Untrusted => filter.untrusted = !filter.untrusted,
        Value::WeakSources => filter.weak_sources = !filter.weak_sources,
    }
}

/// Clears one section of the filter.
pub fn clear_section(filter: &mut Filter, section: Section) {
    match section {
        Section::Party => filter.parties.clear(),
        Section::Topic => filter.topics.clear(),
        Section::Speaker => filter.speakers.clear(),
        Section::Outlet => filter.outlets.clear(),
        Section::Kind => filter.kinds.clear(),
        Section::Affiliation => filter.affiliations.clear(),
        Section::Tag => filter.tags.clear(),
        Section::Rating => filter.ratings.clear(),
        Section::Relation => filter.relations.clear(),
        Section::Dates => {
            filter.since = None;
            filter.until = None;
        }
        Section::Rows => filter.answered = None,
        Section::Common => filter.common = None,
        Section::Claims => {
            filter.unsourced = false;
            filter.untrusted = false;
            filter.weak_sources = false;
        }
    }
}

/// How many claims each choice keeps on its own.
pub type Tally = foldhash::HashMap<Value, usize>;

/// What the loop's worker lists and counts the filter panel's choices of: the dispute, the pair
/// compared and the date in force.
#[derive(Debug, Clone)]
pub struct TallyJob {
    pub dispute: std::sync::Arc<crate::format::Dispute>,
    pub cmp: std::sync::Arc<crate::compare::Comparison>,
    pub as_of: Option<crate::format::Date>,
}

/// The filter panel's choices as last counted, and what they counted: the dispute, the pair
/// compared and the date in force.
#[derive(Debug, Clone)]
pub struct Tallied {
    /// The dispute counted.
    pub dispute: std::sync::Weak<crate::format::Dispute>,
    /// The comparison counted.
    pub cmp: std::sync::Weak<crate::compare::Comparison>,
    /// The date in force then.
    pub as_of: Option<crate::format::Date>,
    /// Every section's choices, counted.
    pub lists: Vec<Vec<Choice>>,
    /// The first and last date of the compared claims.
    pub dated: Option<(crate::format::Date, crate::format::Date)>,
}

/// Sorted by lower case, and without repeats that differ only by case.
pub fn distinct<'a>(values: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    // Each value folded once (a million sources name a few hundred outlets).
    let unique: foldhash::HashSet<&str> = values.into_iter().collect();
    let mut folded: Vec<(String, &str)> =
        unique.into_iter().map(|v| (v.to_lowercase(), v)).collect();
    folded.sort_unstable();
    folded.dedup_by(|a, b| a.0 == b.0);
    folded.into_iter().map(|(_, v)| v.to_owned()).collect()
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
        Section::Rows | Section::Common => chosen
            .first()
            .copied()
            .unwrap_or(words::ALL_ROWS)
            .to_owned(),
        _ if chosen.is_empty() => words::ANY.to_owned(),
        _ => chosen.join(", "),
    }
}
