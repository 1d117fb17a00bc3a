//! The comparison: how two sides' claims line up, topic by topic and row by row.
//!
//! This follows FORMAT.md's "Comparison" rules exactly; the one engine feeds the TUI, `show`,
//! search, filters and export. Where the rules leave a choice open, the choice is written here:
//! rule 3 is applied until nothing changes, so a chain of unpointed rebuttals that reaches a point
//! row joins it whole. Every typed relation (`contradicts`, `reframes`, `concedes`, `agrees`)
//! links claims as `rebuts` does, and `rebuts` reads as `contradicts`.
//!
//! Common ground: a row where the two sides agree (a claim `agrees` with one of the other side
//! in it, or, in a point row, each side has a claim rated corroborated) is marked, and each
//! topic's common-ground rows come first, as a lane of their own.

use crate::format::{Assessment, Claim, ClaimAt, Date, Dispute, Rating, RelationKind, ThinVec};
use compact_str::CompactString;
use foldhash::HashMap as Fast;
use std::collections::{HashMap, HashSet};

/// True when a claim dated `date` had been made by `as_of`: a date of month or year precision
/// counts from its last day, on both sides; an undated claim is kept (marked undated). Here,
/// below the query, so the comparison and the filters share it with no import circle.
pub fn said_by(date: Option<Date>, as_of: Date) -> bool {
    date.is_none_or(|d| d.last_day() <= as_of.last_day())
}

/// Which sides answer a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answered {
    /// Both compared sides have claims in the row.
    Both,
    /// Only the left side does.
    Left,
    /// Only the right side does.
    Right,
    /// Each side has a claim, but nobody said they answer each other: a [`RowKind::Packed`]
    /// row, which counts as one row of each side alone, or a [`RowKind::Suggested`] one (a
    /// machine's guess: "answered by both sides" keeps only rows the files link).
    Apart,
}

/// Why claims share a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// They answer the same point (rules 2 and 3).
    Point,
    /// They are joined by rebuttal links (rule 4).
    Rebuttal,
    /// A claim with no counterpart (rule 5).
    Single,
    /// Two claims nobody linked that the matcher pairs (see `crate::matching::with_suggested`);
    /// its heading holds the score and the reasons. Never made by the rules above.
    Suggested,
    /// Two unmatched claims, one of each side, put side by side only to use the width (see
    /// [`Comparison::packed`]): they do not answer each other. Never made by the rules above.
    Packed,
}

/// One link between two claims of a row: `from` relates to `to` as `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    /// The claim that relates.
    pub from: ClaimAt,
    /// The claim it relates to.
    pub to: ClaimAt,
    /// How (a `rebuts` link is [`RelationKind::Contradicts`]).
    pub kind: RelationKind,
}

/// One side's claims in a row: most rows hold one claim of a side, or none, so one is kept in
/// the row itself, with no allocation (a comparison has a row for about every other claim).
pub type Claims = smallvec::SmallVec<[ClaimAt; 1]>;

/// One line of the side-by-side comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Why these claims share the row.
    pub kind: RowKind,
    /// The point, for point rows.
    pub point: Option<CompactString>,
    /// The manifest's question for the point, when it has one.
    pub question: Option<Box<str>>,
    /// The left side's claims, in file order.
    pub left: Claims,
    /// The right side's claims, in file order.
    pub right: Claims,
    /// The links among the row's claims (most rows have none).
    pub links: ThinVec<Link>,
    /// Whether the two sides agree in the row (see [`Row::agreement`]).
    pub common: bool,
    /// How many of the left and of the right side's claims in the row a filter hides, so a
    /// side with none shown says the filters hide them rather than "no counterpart" (which
    /// reads as silence). Never counts what a date drops (that had not been said yet).
    pub hidden: [u32; 2],
}

/// Whether a point row of these two claims alone would be common ground ([`Row::agreement`]),
/// with their links to each other and the relation about to be written (from the left claim
/// when its flag is true): what accepting a suggested pair makes of it, said before it is.
pub fn pair_agrees(
    dispute: &Dispute,
    left: ClaimAt,
    right: ClaimAt,
    relation: Option<(bool, RelationKind)>,
) -> bool {
    let mut links = Vec::new();
    for (from, to) in [(left, right), (right, left)] {
        if let (Some(claim), Some(target)) = (dispute.claim(from), dispute.claim(to)) {
            links.extend(
                claim
                    .links()
                    .filter(|&(_, id)| id == target.id.as_str())
                    .map(|(kind, _)| Link { from, to, kind }),
            );
        }
    }
    if let Some((from_left, kind)) = relation {
        let (from, to) = if from_left {
            (left, right)
        } else {
            (right, left)
        };
        links.push(Link { from, to, kind });
    }
    Row {
        kind: RowKind::Point,
        point: None,
        question: None,
        left: smallvec::smallvec![left],
        right: smallvec::smallvec![right],
        links: links.into(),
        common: false,
        hidden: [0, 0],
    }
    .agreement(dispute, None)
}

impl Row {
    /// True when the two sides agree in the row: one side's claim `agrees` with the other's,
    /// or, in a point row, each side has a claim rated corroborated and no claim of the row
    /// contradicts or rebuts another; never when a claim of the row both agrees with and
    /// contradicts one claim (see [`RelationKind::conflicts_with`]).
    /// The one rule behind [`Row::common`], applied again when a date drops claims (what had
    /// not been said by then); a filter that hides claims keeps it, since common ground is
    /// judged on the whole row. As of a date (`as_of`), an assessment made after it does not
    /// count (see [`assessed`]).
    pub fn agreement(&self, dispute: &Dispute, as_of: Option<Date>) -> bool {
        if self.left.is_empty() || self.right.is_empty() {
            return false;
        }
        let agrees: HashSet<(ClaimAt, ClaimAt)> = self
            .links
            .iter()
            .filter(|l| l.kind == RelationKind::Agrees)
            .map(|l| (l.from, l.to))
            .collect();
        let conflicted = !agrees.is_empty()
            && self.links.iter().any(|l| {
                agrees.contains(&(l.from, l.to)) && l.kind.conflicts_with(RelationKind::Agrees)
            });
        if conflicted {
            return false;
        }
        if !agrees.is_empty() {
            return true;
        }
        let corroborated = |side: &[ClaimAt]| {
            side.iter().any(|&at| {
                dispute.claim(at).is_some_and(|c| {
                    assessed(dispute, at, c, as_of)
                        .shown()
                        .is_some_and(|a| a.rating == Rating::Corroborated)
                })
            })
        };
        // Both sides' claims rated true is no agreement when one of them contradicts (or
        // rebuts) the other in the row.
        let in_row = |at: &ClaimAt| self.left.contains(at) || self.right.contains(at);
        let opposed = self.links.iter().any(|l| {
            l.kind.conflicts_with(RelationKind::Agrees) && in_row(&l.from) && in_row(&l.to)
        });
        self.kind == RowKind::Point
            && !opposed
            && corroborated(&self.left)
            && corroborated(&self.right)
    }

    /// Which sides have claims in the row as it stands (a side whose claims a filter hides
    /// has none: the row is shown, and counted, as one-sided).
    pub fn answered(&self) -> Answered {
        match (self.left.is_empty(), self.right.is_empty()) {
            (false, false) if matches!(self.kind, RowKind::Packed | RowKind::Suggested) => {
                Answered::Apart
            }
            (false, false) => Answered::Both,
            (false, true) => Answered::Left,
            _ => Answered::Right,
        }
    }

    /// How many of one side's claims in the row (`true` for the left) a filter hides.
    pub fn hidden_on(&self, left: bool) -> u32 {
        self.hidden[usize::from(!left)]
    }

    /// The row's claims, left side first.
    pub fn claims(&self) -> impl Iterator<Item = ClaimAt> + '_ {
        self.left.iter().chain(self.right.iter()).copied()
    }

    /// A claim alone in a row of its own (rule 5).
    fn alone(left: Claims, right: Claims) -> Row {
        Row {
            kind: RowKind::Single,
            point: None,
            question: None,
            left,
            right,
            links: ThinVec::new(),
            common: false,
            hidden: [0, 0],
        }
    }

    /// True for a claim alone in its row on one side (rule 5).
    pub fn alone_on(&self, left: bool) -> bool {
        self.kind == RowKind::Single
            && self.left.is_empty() != left
            && self.right.is_empty() == left
    }
}

/// One topic of the comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicRows {
    /// The topic id.
    pub id: String,
    /// The neutral title: the manifest's, else the first framing a compared side gives it.
    pub title: String,
    /// The manifest's summary.
    pub summary: Option<String>,
    /// Whether the manifest lists the topic.
    pub in_manifest: bool,
    /// The left side's own title for the topic, when it addresses it.
    pub left_title: Option<String>,
    /// The right side's own title for the topic, when it addresses it.
    pub right_title: Option<String>,
    /// The rows, in the rules' order.
    pub rows: Vec<Row>,
}

impl TopicRows {
    /// Packs this topic's unmatched claims side by side, as [`Comparison::packed`] says; a
    /// topic with a point row is left as it is.
    pub fn pack(&mut self) {
        if self.rows.iter().any(|r| r.kind == RowKind::Point) {
            return;
        }
        let rights: Vec<ClaimAt> = self
            .rows
            .iter()
            .filter(|r| r.alone_on(false))
            .flat_map(|r| r.right.iter().copied())
            .collect();
        let lefts = self.rows.iter().filter(|r| r.alone_on(true)).count();
        let pairs = lefts.min(rights.len());
        if pairs == 0 {
            return;
        }
        let mut rights = rights.into_iter();
        let (mut left_seen, mut right_seen) = (0, 0);
        let rows = std::mem::take(&mut self.rows);
        for mut row in rows {
            if row.alone_on(true) && left_seen < pairs {
                left_seen += 1;
                row.kind = RowKind::Packed;
                row.right.extend(rights.next());
            } else if row.alone_on(false) && right_seen < pairs {
                right_seen += 1;
                continue;
            }
            self.rows.push(row);
        }
    }
    /// The rows as the rules made them, undoing [`TopicRows::pack`]: each packed row's left
    /// claim alone where the row stands, and their right claims alone after the left side's
    /// last, where rule 5 put them (the left side's, then the right's).
    pub fn unpacked_rows(&self) -> Vec<Row> {
        let mut rows = Vec::with_capacity(self.rows.len());
        let mut rights = Vec::new();
        let mut after = 0;
        for row in &self.rows {
            if row.kind == RowKind::Packed {
                rows.extend(
                    row.left
                        .iter()
                        .map(|&c| Row::alone(smallvec::smallvec![c], Claims::new())),
                );
                rights.extend(
                    row.right
                        .iter()
                        .map(|&c| Row::alone(Claims::new(), smallvec::smallvec![c])),
                );
                after = rows.len();
            } else {
                rows.push(row.clone());
            }
        }
        // After the left side's claims alone that were not packed (it had more of them).
        while rows.get(after).is_some_and(|r| r.alone_on(true)) {
            after += 1;
        }
        rows.splice(after..after, rights);
        rows
    }

    /// The same topic holding other rows: what a filter or a search keeps of it.
    pub fn with_rows(&self, rows: Vec<Row>) -> TopicRows {
        TopicRows {
            id: self.id.clone(),
            title: self.title.clone(),
            summary: self.summary.clone(),
            in_manifest: self.in_manifest,
            left_title: self.left_title.clone(),
            right_title: self.right_title.clone(),
            rows,
        }
    }

    /// True when exactly one of the compared sides addresses the topic.
    pub fn one_sided(&self) -> bool {
        self.left_title.is_some() != self.right_title.is_some()
    }
}

/// Two sides compared, topic by topic.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The left side's index in the dispute.
    pub left: usize,
    /// The right side's index in the dispute.
    pub right: usize,
    /// The topics, in the rules' order.
    pub topics: Vec<TopicRows>,
    /// The date the comparison is seen as of, when one is in force (see [`AsOf`]).
    pub as_of: Option<AsOf>,
}

/// What each side had said by a date: the date, and the claims that a later claim of the same
/// side in the same point row replaced.
#[derive(Debug, Clone, PartialEq)]
pub struct AsOf {
    /// The date in force; a claim dated only to the month counts from the month's end.
    pub date: Date,
    /// Each superseded claim, with the date of the side's current position in its row.
    pub superseded: HashMap<ClaimAt, Date>,
}

/// Where a claim stands as of the date in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// The side's latest claim in its row (or no date is in force).
    Current,
    /// A later claim of the same side in the row, made on this date, replaced it.
    Superseded(Date),
    /// The claim has no date, so when it was said is unknown; it is kept.
    Undated,
}

/// A claim's assessment as of the date in force. An assessment has no date of its own: it is
/// dated by the latest source it cites ([`Assessment::date`], as the timeline places it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Assessed<'c> {
    /// The claim has no assessment.
    Not,
    /// Shown: made by the date in force, or no date is in force.
    Made(&'c Assessment),
    /// Shown, but a date is in force and the assessment cites no dated source, so when it
    /// was made is unknown; it is kept, as an undated claim is.
    Undated(&'c Assessment),
    /// Made after the date in force, on this date: not shown, and it does not count (not for
    /// common ground, nor for a rating filter).
    Later(Date),
}

impl<'c> Assessed<'c> {
    /// The assessment when it is shown and counts.
    pub fn shown(self) -> Option<&'c Assessment> {
        match self {
            Assessed::Made(a) | Assessed::Undated(a) => Some(a),
            Assessed::Not | Assessed::Later(_) => None,
        }
    }
}

/// The assessment of the claim at `at` as of `as_of` (`None`: every date).
pub fn assessed<'c>(
    dispute: &Dispute,
    at: ClaimAt,
    claim: &'c Claim,
    as_of: Option<Date>,
) -> Assessed<'c> {
    let Some(a) = claim.assessment.as_deref() else {
        return Assessed::Not;
    };
    let Some(as_of) = as_of else {
        return Assessed::Made(a);
    };
    let sources = dispute.sides.get(at.side()).map_or(&[][..], |s| &s.sources);
    match a.date(sources) {
        None => Assessed::Undated(a),
        Some(d) if said_by(Some(d), as_of) => Assessed::Made(a),
        Some(d) => Assessed::Later(d),
    }
}

/// True when a source dated `date` was published after `as_of`, the date in force: a claim
/// made by then may cite it (the files record sources as they are now), but it was not there
/// to read yet. An undated source is not later.
pub fn published_later(date: Option<Date>, as_of: Option<Date>) -> bool {
    as_of.is_some_and(|as_of| date.is_some_and(|d| !said_by(Some(d), as_of)))
}

/// Counts shown in headers and `topics`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Topics.
    pub topics: usize,
    /// Claims of the left side.
    pub left_claims: usize,
    /// Claims of the right side.
    pub right_claims: usize,
    /// Rows both sides answer.
    pub both: usize,
    /// Rows only the left side answers.
    pub left_only: usize,
    /// Rows only the right side answers.
    pub right_only: usize,
    /// Rows where the two sides agree (common ground).
    pub common: usize,
    /// Suggested rows: pairs the matcher proposes, not (yet) linked; counted apart from `both`.
    pub suggested: usize,
}

impl Counts {
    /// Adds one topic's rows.
    pub fn add_rows<'a>(&mut self, rows: impl IntoIterator<Item = &'a Row>) {
        for row in rows {
            self.left_claims += row.left.len();
            self.right_claims += row.right.len();
            self.common += usize::from(row.common);
            if row.kind == RowKind::Suggested {
                self.suggested += 1;
                continue;
            }
            match row.answered() {
                Answered::Both => self.both += 1,
                Answered::Left => self.left_only += 1,
                Answered::Right => self.right_only += 1,
                Answered::Apart => {
                    self.left_only += 1;
                    self.right_only += 1;
                }
            }
        }
    }
}

impl Comparison {
    /// The comparison with each point-less topic's unmatched claims packed side by side, to use
    /// the width: the first left claim alone in its row beside the first right one, and so on,
    /// each pair one [`RowKind::Packed`] row where the left claim's row was; what is left over
    /// stays alone. A topic with a point row is left as it is: there the rows are the analyst's
    /// own pairing, and packing would blur it. Suggested rows take their claims first (merge
    /// them before packing).
    pub fn packed(mut self) -> Comparison {
        for topic in &mut self.topics {
            topic.pack();
        }
        self
    }

    /// The comparison as the rules made it, every packed row split back into its claims alone
    /// (what an export of the screen writes).
    pub fn unpacked(&self) -> Comparison {
        Comparison {
            topics: self
                .topics
                .iter()
                .map(|t| t.with_rows(t.unpacked_rows()))
                .collect(),
            left: self.left,
            right: self.right,
            as_of: self.as_of.clone(),
        }
    }

    /// Compares side `left` with side `right` of a dispute.
    pub fn new(dispute: &Dispute, left: usize, right: usize) -> Comparison {
        let index = |s: usize| -> Fast<&str, usize> {
            dispute.sides.get(s).map_or_else(Fast::default, |side| {
                side.topics
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (t.id.as_str(), i))
                    .collect()
            })
        };
        let (li, ri) = (index(left), index(right));
        let mut order: Vec<&str> = dispute
            .manifest_topics
            .iter()
            .map(|t| t.id.as_str())
            .collect();
        let mut seen: foldhash::HashSet<&str> = order.iter().copied().collect();
        for s in [left, right] {
            if let Some(side) = dispute.sides.get(s) {
                for t in &side.topics {
                    if seen.insert(&t.id) {
                        order.push(&t.id);
                    }
                }
            }
        }
        let topics = order
            .into_iter()
            .map(|id| {
                let lt = li.get(id).map(|&t| (t, &dispute.sides[left].topics[t]));
                let rt = ri.get(id).map(|&t| (t, &dispute.sides[right].topics[t]));
                let manifest = dispute.manifest_topic(id);
                let title = manifest
                    .map(|m| m.title.clone())
                    .or_else(|| lt.map(|(_, t)| t.title.clone()))
                    .or_else(|| rt.map(|(_, t)| t.title.clone()))
                    .unwrap_or_else(|| id.to_owned());
                let points: Vec<(&str, Option<&str>)> = manifest
                    .map(|m| {
                        m.points
                            .iter()
                            .map(|p| (p.id.as_str(), p.question.as_deref()))
                            .collect()
                    })
                    .unwrap_or_default();
                let l = lt.map_or(&[][..], |(_, t)| &t.claims[..]);
                let r = rt.map_or(&[][..], |(_, t)| &t.claims[..]);
                let at = |side: usize, topic: Option<(usize, _)>| {
                    move |c: usize| ClaimAt::new(side, topic.map_or(0, |(t, _)| t), c)
                };
                let mut rows = rows(&points, l, r, at(left, lt), at(right, rt));
                common_first(dispute, &mut rows);
                TopicRows {
                    id: id.to_owned(),
                    title,
                    summary: manifest.and_then(|m| m.summary.clone()),
                    in_manifest: manifest.is_some(),
                    left_title: lt.map(|(_, t)| t.title.clone()),
                    right_title: rt.map(|(_, t)| t.title.clone()),
                    rows,
                }
            })
            .collect();
        Comparison {
            left,
            right,
            topics,
            as_of: None,
        }
    }

    /// The same two sides and date in force, holding other topics: what a filter, a search or
    /// a choice of topic keeps of it.
    pub fn with_topics(&self, topics: Vec<TopicRows>) -> Comparison {
        Comparison {
            left: self.left,
            right: self.right,
            topics,
            as_of: self.as_of.clone(),
        }
    }

    /// Where a claim stands as of the date in force ([`Standing::Current`] without one).
    pub fn standing(&self, at: ClaimAt, claim: &Claim) -> Standing {
        match &self.as_of {
            None => Standing::Current,
            Some(as_of) => match as_of.superseded.get(&at) {
                Some(&by) => Standing::Superseded(by),
                None if claim.date.is_none() => Standing::Undated,
                None => Standing::Current,
            },
        }
    }

    /// The claim's assessment as of the date in force (see [`assessed`]).
    pub fn assessed<'c>(&self, dispute: &Dispute, at: ClaimAt, claim: &'c Claim) -> Assessed<'c> {
        assessed(dispute, at, claim, self.as_of_date())
    }

    /// The date in force, if any.
    pub fn as_of_date(&self) -> Option<Date> {
        self.as_of.as_ref().map(|a| a.date)
    }

    /// True when a cited source dated `date` was published after the date in force.
    pub fn published_later(&self, date: Option<Date>) -> bool {
        published_later(date, self.as_of_date())
    }

    /// Counts over every topic.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts {
            topics: self.topics.len(),
            ..Counts::default()
        };
        for topic in &self.topics {
            counts.add_rows(&topic.rows);
        }
        counts
    }
}

/// Marks the rows where the sides agree and moves them first, keeping the order within each
/// lane. Used when the comparison is built and again when a filter or a date drops claims.
pub fn common_first(dispute: &Dispute, rows: &mut [Row]) {
    for row in rows.iter_mut() {
        row.common = row.agreement(dispute, None);
    }
    rows.sort_by_key(|row| !row.common);
}

/// Where a claim of the topic sits while rows are built.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    Free,
    Row(usize),
}

/// Builds one topic's rows from the two sides' claims (rules 2 to 5).
fn rows(
    points: &[(&str, Option<&str>)],
    l: &[Claim],
    r: &[Claim],
    lat: impl Fn(usize) -> ClaimAt,
    rat: impl Fn(usize) -> ClaimAt,
) -> Vec<Row> {
    // Claims are numbered 0..l.len() for the left, then l.len().. for the right.
    let n = l.len();
    let claim = |i: usize| if i < n { &l[i] } else { &r[i - n] };
    let at = |i: usize| if i < n { lat(i) } else { rat(i - n) };
    let total = n + r.len();

    // Rule 2: point rows, the manifest's points first, then others in first appearance. One pass
    // groups the claims by point, so a topic with many points stays linear.
    let mut order: Vec<(&str, Option<&str>)> = points.to_vec();
    let listed: foldhash::HashSet<&str> = points.iter().map(|(id, _)| *id).collect();
    let mut members: Fast<&str, Vec<usize>> = Fast::default();
    for i in 0..total {
        if let Some(p) = claim(i).point.as_deref() {
            let seen = members.contains_key(p);
            members.entry(p).or_default().push(i);
            if !seen && !listed.contains(p) {
                order.push((p, None));
            }
        }
    }
    let mut rows: Vec<Row> = Vec::new();
    let mut place = vec![Place::Free; total];
    for (point, question) in &order {
        let Some(members) = members.get(point) else {
            continue;
        };
        for &i in members {
            place[i] = Place::Row(rows.len());
        }
        rows.push(Row {
            kind: RowKind::Point,
            point: Some((*point).into()),
            question: question.map(Into::into),
            left: Claims::new(),
            right: Claims::new(),
            links: ThinVec::new(),
            common: false,
            hidden: [0, 0],
        });
    }

    // The rebuttal links between the two sides within this topic, as (from, to).
    let left_ids: Fast<&str, usize> = l
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let right_ids: Fast<&str, usize> = r
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), n + i))
        .collect();
    let mut edges: Vec<(usize, usize, RelationKind)> = Vec::new();
    for i in 0..total {
        let other = if i < n { &right_ids } else { &left_ids };
        for (kind, target) in claim(i).links() {
            if let Some(&j) = other.get(target) {
                edges.push((i, j, kind));
            }
        }
    }
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); total];
    for &(a, b, _) in &edges {
        neighbours[a].push(b);
        neighbours[b].push(a);
    }

    // Rule 3: unpointed claims linked to a claim in a point row join the first such row, and
    // so on outwards, one step of links at a time: a claim joins the first row among its
    // neighbours placed in the step before. Each claim and link is looked at once per step it
    // borders, so a long chain stays linear.
    let free = |i: usize, place: &[Place]| place[i] == Place::Free && claim(i).point.is_none();
    let mut frontier: Vec<usize> = (0..total).filter(|&i| place[i] != Place::Free).collect();
    while !frontier.is_empty() {
        let mut joined: Vec<(usize, usize)> = Vec::new();
        for &j in &frontier {
            let Place::Row(row) = place[j] else { continue };
            for &i in &neighbours[j] {
                if free(i, &place) {
                    joined.push((i, row));
                }
            }
        }
        joined.sort_unstable();
        joined.dedup_by_key(|(i, _)| *i);
        frontier = joined.iter().map(|&(i, _)| i).collect();
        for (i, row) in joined {
            place[i] = Place::Row(row);
        }
    }

    // Rule 4: groups of remaining claims joined by links, one row per group.
    for i in 0..n {
        if place[i] != Place::Free || neighbours[i].iter().all(|&j| place[j] != Place::Free) {
            continue;
        }
        let row = rows.len();
        rows.push(Row {
            kind: RowKind::Rebuttal,
            point: None,
            question: None,
            left: Claims::new(),
            right: Claims::new(),
            links: ThinVec::new(),
            common: false,
            hidden: [0, 0],
        });
        let mut stack = vec![i];
        place[i] = Place::Row(row);
        while let Some(k) = stack.pop() {
            for &j in &neighbours[k] {
                if place[j] == Place::Free {
                    place[j] = Place::Row(row);
                    stack.push(j);
                }
            }
        }
    }

    // Rule 5: every remaining claim alone, left side first.
    for slot in place.iter_mut() {
        if *slot == Place::Free {
            *slot = Place::Row(rows.len());
            rows.push(Row {
                kind: RowKind::Single,
                point: None,
                question: None,
                left: Claims::new(),
                right: Claims::new(),
                links: ThinVec::new(),
                common: false,
                hidden: [0, 0],
            });
        }
    }

    // Fill the rows in file order, then their links. Each side's list is sized first: most
    // rows hold one claim, and a list grown from empty keeps room for four.
    let mut sizes = vec![(0usize, 0usize); rows.len()];
    for (i, slot) in place.iter().enumerate() {
        if let Place::Row(row) = *slot {
            let size = &mut sizes[row];
            if i < n {
                size.0 += 1;
            } else {
                size.1 += 1;
            }
        }
    }
    for (row, (l, r)) in rows.iter_mut().zip(sizes) {
        row.left.reserve_exact(l);
        row.right.reserve_exact(r);
    }
    for (i, slot) in place.iter().enumerate() {
        if let Place::Row(row) = *slot {
            let side = if i < n {
                &mut rows[row].left
            } else {
                &mut rows[row].right
            };
            side.push(at(i));
        }
    }
    for (a, b, kind) in edges {
        if let (Place::Row(x), Place::Row(y)) = (place[a], place[b])
            && x == y
        {
            rows[x].links.push(Link {
                from: at(a),
                to: at(b),
                kind,
            });
        }
    }
    for row in &mut rows {
        row.links.shrink_to_fit();
    }
    exact(rows)
}

/// The list moved to one of its exact length. Grown by pushes, a list keeps up to half again as
/// much room (and four places for one), and the allocator shrinks a block in place, so
/// `shrink_to_fit` would keep it.
pub(crate) fn exact<T>(mut list: Vec<T>) -> Vec<T> {
    if list.len() == list.capacity() {
        return list;
    }
    let mut exact = Vec::with_capacity(list.len());
    exact.append(&mut list);
    exact
}

/// What `kept` yields of a list of `at_most` items, in a list of its exact length: room for
/// them all first, so that a list kept whole is made once, not grown and then moved.
pub(crate) fn kept<T>(kept: impl Iterator<Item = T>, at_most: usize) -> Vec<T> {
    let mut list = Vec::with_capacity(at_most);
    list.extend(kept);
    exact(list)
}
