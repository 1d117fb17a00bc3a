//! Filters: which claims and rows of a comparison an analyst wants to see.
//!
//! Every constraint is optional; an empty [`Filter`] keeps everything. Values within one
//! constraint are alternatives (`--party india --party pakistan` keeps both); different
//! constraints must all hold. Claim constraints keep claims; the row constraint (`answered`)
//! keeps rows, judged on the full comparison before claims are dropped. A row left with no claim
//! disappears, and so does a topic left with no row; topics keep their order.
//!
//! A date in force (`as_of`) comes before everything else: each row is first cut to what had
//! been said by then, and the row constraints (`answered`, `common`) and common ground are
//! judged on that row. An assessment made after the date (dated by its latest source, see
//! [`crate::compare::assessed`]) does not count, for common ground or for `ratings`.

use crate::compare::{Answered, AsOf, Claims, Comparison, Link, Row, RowKind, kept};
use crate::format::{
    Claim, ClaimAt, Date, Dispute, Rating, RelationKind, Source, SourceKind, ThinVec,
};
use std::collections::HashMap;

/// Which rows to keep by who answers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AnsweredBy {
    /// Rows where both compared sides have a claim.
    Both,
    /// Rows only one of the two sides answers.
    OneSided,
}

impl AnsweredBy {
    /// Who answers `row`: both compared sides, or one (a packed or suggested row counts as one
    /// row of each side alone).
    pub fn of(row: &Row) -> AnsweredBy {
        match row.answered() {
            Answered::Both => AnsweredBy::Both,
            _ => AnsweredBy::OneSided,
        }
    }
}

/// Which rows to keep by whether the two sides agree in them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CommonGround {
    /// Only the rows where the sides agree.
    Only,
    /// Every row but those.
    Hide,
}

impl CommonGround {
    /// True when a row (judged whole, as of the date in force) is kept by this choice.
    pub fn keeps(self, row: &Row) -> bool {
        match self {
            CommonGround::Only => row.common,
            CommonGround::Hide => !row.common,
        }
    }
}

/// True when the claim relates to another claim as `kind` (a `rebuts` link counts as
/// contradicts).
pub fn relates(claim: &Claim, kind: RelationKind) -> bool {
    claim.links().any(|(k, _)| k == kind)
}

/// The claims that other claims relate to, by kind: with them, a relation is kept at both its
/// ends, the claim that contradicts and the claim it contradicts (the one end alone read "no
/// counterpart" across from the claim it answers). The rule `--relation` and the screen's
/// relation choices share.
#[derive(Debug, Default)]
pub struct Related<'d> {
    targets: foldhash::HashSet<(RelationKind, &'d str)>,
}

impl<'d> Related<'d> {
    /// Every claim of the dispute that another relates to.
    pub fn of(dispute: &'d Dispute) -> Self {
        let targets = dispute
            .sides
            .iter()
            .flat_map(|s| s.topics.iter().flat_map(|t| &t.claims))
            .flat_map(Claim::links)
            .collect();
        Related { targets }
    }

    /// True when the claim is at either end of a relation of `kind`.
    pub fn either_end(&self, claim: &Claim, kind: RelationKind) -> bool {
        relates(claim, kind) || self.targets.contains(&(kind, claim.id.as_str()))
    }
}

/// The as-of rule, kept with the comparison (which judges common ground by it) and named here
/// too, where the filters apply it.
pub use crate::compare::said_by;

/// What to keep of a comparison. See the module documentation for how constraints combine.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Party ids: keep the claims of these parties.
    pub parties: Vec<String>,
    /// Topic ids: keep these topics.
    pub topics: Vec<String>,
    /// Speakers, matched whole and ignoring case: keep claims made by one of them.
    pub speakers: Vec<String>,
    /// Outlet names, matched whole and ignoring case: keep claims citing one of them.
    pub outlets: Vec<String>,
    /// Keep claims citing a source of one of these kinds.
    pub kinds: Vec<SourceKind>,
    /// Keep claims citing a source with one of these affiliations (a party id or `independent`).
    pub affiliations: Vec<String>,
    /// Keep claims with one of these tags.
    pub tags: Vec<String>,
    /// Keep claims with one of these ratings; `None` stands for "no assessment".
    pub ratings: Vec<Option<Rating>>,
    /// Keep claims whose date reaches this date or later; undated claims go.
    pub since: Option<Date>,
    /// Keep claims whose date reaches this date or earlier; undated claims go.
    pub until: Option<Date>,
    /// Keep rows answered by both sides, or by one.
    pub answered: Option<AnsweredBy>,
    /// Keep claims that cite no source (or that have another mark set here).
    pub unsourced: bool,
    /// Keep claims whose text held flagged characters (the "untrusted text" flag).
    pub untrusted: bool,
    /// Keep claims resting only on sources rated `low` or `partisan`.
    pub weak_sources: bool,
    /// Keep claims that relate to another claim in one of these ways (`rebuts` counts as
    /// contradicts).
    pub relations: Vec<RelationKind>,
    /// Keep only the rows where the two sides agree, or hide them.
    pub common: Option<CommonGround>,
    /// Show only what had been said by this date (undated claims kept).
    pub as_of: Option<Date>,
}

/// A filter that names something the dispute does not have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FilterError {
    /// `--party` names no loaded party.
    #[error("no party `{id}` in this dispute; choose one of: {choices}")]
    UnknownParty {
        /// The id given.
        id: String,
        /// The party ids, comma-separated.
        choices: String,
    },
    /// `--party` names a party the comparison does not show: it could only ever match nothing.
    #[error(
        "party `{id}` is not in this comparison ({left} ⟷ {right}); to see its claims, compare it: --left {id} or --right {id}"
    )]
    NotCompared {
        /// The id given.
        id: String,
        /// The compared parties' ids.
        left: String,
        /// See `left`.
        right: String,
    },
    /// `--topic` names no topic of the comparison.
    #[error("no topic `{id}` here, by id or title; {choices}")]
    UnknownTopic {
        /// The id given.
        id: String,
        /// The topic ids to choose from, or that there is none.
        choices: String,
    },
    /// `--tag`, `--source` or `--affiliation` names a value no claim or source uses: it could
    /// only ever match nothing, which reads like an answer.
    #[error("no {what} `{value}` in this dispute; {choices}")]
    UnknownValue {
        /// What kind of value: `tag`, `source`, `affiliation`.
        what: &'static str,
        /// The value given.
        value: String,
        /// The values in use, the likeliest first.
        choices: String,
    },
}

impl Filter {
    /// True when the party filter leaves out every claim of the party `id`.
    pub fn hides_party(&self, id: &str) -> bool {
        !self.parties.is_empty() && !self.parties.iter().any(|p| p == id)
    }

    /// True when the filter keeps everything.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// True when the filter can drop claims or rows (anything but a topic choice).
    fn drops_claims(&self) -> bool {
        let topics_only = Filter {
            topics: self.topics.clone(),
            ..Filter::default()
        };
        *self != topics_only
    }

    /// The `since` and `until` dates when the first comes after the second: a range nothing
    /// can fall in.
    pub fn reversed_dates(&self) -> Option<(Date, Date)> {
        Date::reversed(self.since, self.until)
    }

    /// The `since` date and the date in force when the first comes after the second: nothing
    /// said by then can reach into the range.
    pub fn since_after_as_of(&self) -> Option<(Date, Date)> {
        Date::reversed(self.since, self.as_of)
    }

    /// Checks party and topic ids against the dispute: topics against the comparison's, or,
    /// without one, against every topic of the dispute.
    pub fn check(&self, dispute: &Dispute, cmp: Option<&Comparison>) -> Result<(), FilterError> {
        let mut topic_ids: Vec<&str> = match cmp {
            Some(cmp) => cmp.topics.iter().map(|t| t.id.as_str()).collect(),
            None => dispute
                .manifest_topics
                .iter()
                .map(|t| t.id.as_str())
                .chain(
                    dispute
                        .sides
                        .iter()
                        .flat_map(|s| s.topics.iter().map(|t| t.id.as_str())),
                )
                .collect(),
        };
        let mut seen = std::collections::HashSet::new();
        topic_ids.retain(|id| seen.insert(*id));
        for id in &self.parties {
            if dispute.side_index(id).is_none() {
                let choices: Vec<&str> =
                    dispute.sides.iter().map(|s| s.party.id.as_str()).collect();
                return Err(FilterError::UnknownParty {
                    id: crate::text::quote(id),
                    choices: choices.join(", "),
                });
            }
        }
        if let Some(cmp) = cmp {
            let party = |s: usize| dispute.sides.get(s).map_or("", |s| s.party.id.as_str());
            let shown = [party(cmp.left), party(cmp.right)];
            if let Some(id) = self.parties.iter().find(|id| !shown.contains(&id.as_str())) {
                // A loaded party's id: whole, as the command it suggests needs it.
                return Err(FilterError::NotCompared {
                    id: crate::text::clean(id).text,
                    left: shown[0].to_owned(),
                    right: shown[1].to_owned(),
                });
            }
        }
        for id in &self.topics {
            if !topic_ids.contains(&id.as_str()) {
                return Err(FilterError::UnknownTopic {
                    id: crate::text::quote(id),
                    choices: if topic_ids.is_empty() {
                        "this dispute has no topic yet".to_owned()
                    } else {
                        crate::text::nearest_topic(id, topic_ids.iter().copied().collect())
                    },
                });
            }
        }
        self.check_values(dispute)
    }

    /// Every tag, outlet and affiliation asked for is used somewhere in the dispute (matched
    /// as [`Filter::keeps`] matches them).
    fn check_values(&self, dispute: &Dispute) -> Result<(), FilterError> {
        use std::collections::BTreeSet;
        let sources = || dispute.sides.iter().flat_map(|s| &s.sources);
        let unknown = |what, value: &str, in_use: BTreeSet<&str>| FilterError::UnknownValue {
            what,
            value: crate::text::quote(value),
            choices: crate::text::nearest(value, in_use),
        };
        // The first value asked for that none in use matches, in any case (as outlets are).
        let all_used = |what, asked: &[String], in_use: BTreeSet<&str>| match asked
            .iter()
            .find(|v| !in_use.iter().any(|u| same_text(v, u)))
        {
            Some(v) => Err(unknown(what, v, in_use)),
            None => Ok(()),
        };
        if !self.tags.is_empty() {
            let claims = dispute.claims().map(|(_, c)| c);
            all_used(
                "tag",
                &self.tags,
                claims
                    .flat_map(|c| c.tags.iter().map(|t| t.as_str()))
                    .collect(),
            )?;
        }
        if !self.speakers.is_empty() {
            let claims = dispute.claims().map(|(_, c)| c);
            all_used(
                "speaker",
                &self.speakers,
                claims.filter_map(|c| c.speaker.as_deref()).collect(),
            )?;
        }
        if let Some(o) = self
            .outlets
            .iter()
            .find(|o| !sources().any(|s| same_text(o, &s.outlet)))
        {
            // `--source "a speech,a tweet"`: the other lists split at commas, but an outlet's
            // name may hold one, so each is given on its own.
            let parts: Vec<&str> = o.split(',').map(str::trim).collect();
            if parts.len() > 1
                && parts
                    .iter()
                    .all(|p| sources().any(|s| same_text(p, &s.outlet)))
            {
                let flags: Vec<String> = parts
                    .iter()
                    .map(|p| {
                        format!(
                            "--source {}",
                            shell_words::quote(&crate::text::clean(p).text)
                        )
                    })
                    .collect();
                return Err(FilterError::UnknownValue {
                    what: "source",
                    value: crate::text::quote(o),
                    choices: format!(
                        "an outlet's name may hold a comma, so each is given on its own: {}",
                        flags.join(" ")
                    ),
                });
            }
            return Err(unknown(
                "source",
                o,
                sources().map(|s| s.outlet.as_str()).collect(),
            ));
        }
        if let Some(a) = self
            .affiliations
            .iter()
            .find(|a| !sources().any(|s| s.affiliation.as_ref() == Some(*a)))
        {
            return Err(unknown(
                "affiliation",
                a,
                sources().filter_map(|s| s.affiliation.as_deref()).collect(),
            ));
        }
        Ok(())
    }

    /// Short labels for a header, one per constraint: `party: india`, `since 2025-05-01`.
    /// Values typed on the command line are cleaned, so the labels are safe to print.
    pub fn describe(&self) -> Vec<String> {
        let mut out = Vec::new();
        // Four or more values are counted first: a long list cut at the screen's edge (115
        // outlets chosen at once) would not say how many are in force.
        let mut list = |name: &str, values: Vec<String>| {
            let counted = match values.len() {
                0 => return,
                1..=3 => String::new(),
                n => format!(" ({n})"),
            };
            out.push(format!(
                "{name}{counted}: {}",
                crate::text::clean(&crate::text::join_names(&values)).text
            ));
        };
        list("party", self.parties.clone());
        list("topic", self.topics.clone());
        list("speaker", self.speakers.clone());
        list("source", self.outlets.clone());
        list(
            "kind",
            self.kinds.iter().map(|k| k.as_str().to_owned()).collect(),
        );
        list("affiliation", self.affiliations.clone());
        list("tag", self.tags.clone());
        list(
            "rating",
            self.ratings
                .iter()
                .map(|r| r.map_or("none", Rating::as_str).to_owned())
                .collect(),
        );
        list(
            "relation",
            self.relations
                .iter()
                .map(|k| k.as_str().to_owned())
                .collect(),
        );
        if let Some(d) = self.since {
            out.push(format!("since {d}"));
        }
        if let Some(d) = self.until {
            out.push(format!("until {d}"));
        }
        match self.answered {
            Some(AnsweredBy::Both) => out.push("answered by both sides".to_owned()),
            Some(AnsweredBy::OneSided) => out.push("one-sided rows".to_owned()),
            None => {}
        }
        // The three marks are alternatives: two or three chosen are one label that says so.
        let marks: Vec<&str> = [
            (self.unsourced, "unsourced"),
            (self.untrusted, "untrusted text"),
            (self.weak_sources, "only low or partisan sources"),
        ]
        .into_iter()
        .filter_map(|(on, name)| on.then_some(name))
        .collect();
        match marks.as_slice() {
            [] => {}
            [one] => out.push((*one).to_owned()),
            [first @ .., last] => {
                out.push(format!("either {} or {last}", first.join(", ")));
            }
        }
        match self.common {
            Some(CommonGround::Only) => out.push("common ground only".to_owned()),
            Some(CommonGround::Hide) => out.push("common ground hidden".to_owned()),
            None => {}
        }
        if let Some(d) = self.as_of {
            out.push(format!("as of {d}"));
        }
        out
    }

    /// What the relation constraint needs to know of the dispute: nothing when there is none
    /// (then no claim's links are gathered).
    pub fn related<'d>(&self, dispute: &'d Dispute) -> Related<'d> {
        if self.relations.is_empty() {
            Related::default()
        } else {
            Related::of(dispute)
        }
    }

    /// True when the claim at `at` passes every claim constraint; `related` is
    /// [`Filter::related`] of the same dispute.
    pub fn keeps_claim(
        &self,
        dispute: &Dispute,
        related: &Related,
        at: ClaimAt,
        claim: &Claim,
    ) -> bool {
        let Some(side) = dispute.sides.get(at.side()) else {
            return false;
        };
        if self.hides_party(&side.party.id) {
            return false;
        }
        if !self.topics.is_empty()
            && !side
                .topics
                .get(at.topic())
                .is_some_and(|t| self.topics.contains(&t.id))
        {
            return false;
        }
        // A value asked for names the claim's, in any case.
        let named = |asked: &[String], value: &str| asked.iter().any(|s| same_text(s, value));
        if !self.speakers.is_empty()
            && !claim
                .speaker
                .as_deref()
                .is_some_and(|who| named(&self.speakers, who))
        {
            return false;
        }
        if !self.tags.is_empty() && !claim.tags.iter().any(|t| named(&self.tags, t)) {
            return false;
        }
        // As of a date, an assessment made later is not there to rate the claim.
        if !self.ratings.is_empty()
            && !self.ratings.contains(
                &crate::compare::assessed(dispute, at, claim, self.as_of)
                    .shown()
                    .map(|a| a.rating),
            )
        {
            return false;
        }
        if self.since.is_some() || self.until.is_some() {
            let Some(date) = claim.date else {
                return false;
            };
            if self.since.is_some_and(|s| date.last_day() < s.first_day())
                || self.until.is_some_and(|u| date.first_day() > u.last_day())
            {
                return false;
            }
        }
        // The three marks of a claim are alternatives, as the screen's Claims section offers
        // them: an unsourced claim rests on no source, so all three at once would keep none.
        if (self.unsourced || self.untrusted || self.weak_sources)
            && !((self.unsourced && claim.sources.is_empty())
                || (self.untrusted && !claim.flagged.is_empty())
                || (self.weak_sources && rests_on_weak_sources(&side.sources, claim)))
        {
            return false;
        }
        if self.as_of.is_some_and(|d| !said_by(claim.date, d)) {
            return false;
        }
        if !self.relations.is_empty()
            && !self.relations.iter().any(|&k| related.either_end(claim, k))
        {
            return false;
        }
        if !self.outlets.is_empty() || !self.kinds.is_empty() || !self.affiliations.is_empty() {
            // One cited source must satisfy every source constraint at once.
            let fits = claim.sources.iter().any(|r| {
                side.sources.get(r.index).is_some_and(|s| {
                    (self.outlets.is_empty()
                        || self.outlets.iter().any(|o| same_text(o, &s.outlet)))
                        && (self.kinds.is_empty()
                            || s.kind.is_some_and(|k| self.kinds.contains(&k)))
                        && (self.affiliations.is_empty()
                            || s.affiliation
                                .as_ref()
                                .is_some_and(|a| self.affiliations.contains(a)))
                })
            });
            if !fits {
                return false;
            }
        }
        true
    }

    /// True when the row passes the row constraints (judged on the whole row, as of the date
    /// in force).
    pub fn keeps_row(&self, row: &Row) -> bool {
        self.answered.is_none_or(|a| a == AnsweredBy::of(row))
            && self.common.is_none_or(|c| c.keeps(row))
    }

    /// The comparison with only what the filter keeps; an empty filter returns it unchanged.
    pub fn apply(&self, dispute: &Dispute, cmp: &Comparison) -> Comparison {
        if self.is_empty() {
            return cmp.clone();
        }
        let drops = self.drops_claims();
        let related = self.related(dispute);
        let keep = |at: &ClaimAt| {
            dispute
                .claim(*at)
                .is_some_and(|c| self.keeps_claim(dispute, &related, *at, c))
        };
        let mut superseded = HashMap::new();
        let topics = cmp
            .topics
            .iter()
            .filter(|t| self.topics.is_empty() || self.topics.contains(&t.id))
            .filter_map(|t| {
                // Whether the filter (or the date) split a suggested or packed pair.
                let broke = std::cell::Cell::new(false);
                // Whether each side had said anything on the topic by the date, whatever the
                // other filters keep of it.
                let said = (std::cell::Cell::new(false), std::cell::Cell::new(false));
                let rows = t.rows.iter().filter_map(|r| {
                    let dated = match self.as_of {
                        Some(date) => {
                            let row = as_of(dispute, r, date)?;
                            supersede(dispute, &row, &mut superseded);
                            std::borrow::Cow::Owned(row)
                        }
                        None => std::borrow::Cow::Borrowed(r),
                    };
                    said.0.set(said.0.get() || !dated.left.is_empty());
                    said.1.set(said.1.get() || !dated.right.is_empty());
                    if !self.keeps_row(&dated) {
                        return None;
                    }
                    let row = keep_claims(&dated, keep)?;
                    if row.kind != r.kind {
                        broke.set(true);
                    }
                    Some(row)
                });
                let mut rows = kept(rows, t.rows.len());
                if self.as_of.is_some() {
                    rows.sort_by_key(|row| !row.common);
                }
                let mut topic = t.with_rows(rows);
                // As of a date, a side that had said nothing on the topic had not addressed it
                // yet: the topic is one side's then (`*`, `one_sided`). A side whose claims only
                // the other filters hide (`--party`, `--rating`) had addressed it.
                if self.as_of.is_some() {
                    if !said.0.get() {
                        topic.left_title = None;
                    }
                    if !said.1.get() {
                        topic.right_title = None;
                    }
                }
                // A suggested or packed pair the filter broke leaves a claim alone where the
                // pair stood: the suggestions stay first, and the claims left alone are
                // packed side by side again after them, as unfiltered.
                if broke.get() {
                    topic.rows.sort_by_key(|r| {
                        (
                            !r.common,
                            matches!(r.kind, RowKind::Single | RowKind::Packed),
                        )
                    });
                    // Packed again only where the comparison was packed to begin with.
                    if t.rows.iter().any(|r| r.kind == RowKind::Packed) {
                        topic.pack();
                    }
                }
                (!drops || !topic.rows.is_empty()).then_some(topic)
            })
            .collect();
        let mut out = cmp.with_topics(topics);
        if let Some(date) = self.as_of {
            out.as_of = Some(AsOf { date, superseded });
        }
        out
    }
}

/// A row cut to what had been said by `date`, its common ground judged again; `None` when
/// nothing of it had been said.
fn as_of(dispute: &Dispute, row: &Row, date: Date) -> Option<Row> {
    let said = |at: &ClaimAt| dispute.claim(*at).is_some_and(|c| said_by(c.date, date));
    let mut cut = keep_claims(row, said)?;
    // What had not been said by the date is not hidden: the side had not answered yet.
    cut.hidden = row.hidden;
    cut.common = cut.agreement(dispute, Some(date));
    Some(cut)
}

/// Records, for a point row, each side's claims that a later claim of the same side replaced,
/// with the date of that latest claim. Undated claims are neither current nor superseded.
fn supersede(dispute: &Dispute, row: &Row, out: &mut HashMap<ClaimAt, Date>) {
    if row.kind != RowKind::Point {
        return;
    }
    for side in [&row.left, &row.right] {
        let dated: Vec<(ClaimAt, Date)> = side
            .iter()
            .filter_map(|&at| Some((at, dispute.claim(at)?.date?)))
            .collect();
        let Some(latest) = dated.iter().map(|(_, d)| *d).max_by_key(Date::last_day) else {
            continue;
        };
        for (at, d) in dated {
            if d.last_day() < latest.last_day() {
                out.insert(at, latest);
            }
        }
    }
}

/// True when a claim cites at least one source and every source it cites is rated `low` or
/// `partisan`: nothing of better standing backs it.
pub fn rests_on_weak_sources(sources: &[Source], claim: &Claim) -> bool {
    !claim.sources.is_empty()
        && claim.sources.iter().all(|r| {
            sources
                .get(r.index)
                .and_then(|s| s.reliability.as_ref())
                .is_some_and(|rel| rel.rating.is_weak())
        })
}

/// The row with only the claims `keep` keeps, and the links among them; `None` when no claim
/// is left.
pub(super) fn keep_claims(r: &Row, keep: impl Fn(&ClaimAt) -> bool) -> Option<Row> {
    let left: Claims = r.left.iter().copied().filter(&keep).collect();
    let right: Claims = r.right.iter().copied().filter(&keep).collect();
    if left.is_empty() && right.is_empty() {
        return None;
    }
    let has = |at: &ClaimAt| left.contains(at) || right.contains(at);
    let links: ThinVec<Link> = r
        .links
        .iter()
        .copied()
        .filter(|l| has(&l.from) && has(&l.to))
        .collect();
    // A suggested or packed pair with one of its two claims filtered out is no pair any more:
    // the claim left is an unmatched claim (and `a` or `x` has nothing to pair it with), and
    // the heading that described the pair (`≈ suggested 0.41 · …`) goes with it.
    let unpaired = matches!(r.kind, RowKind::Suggested | RowKind::Packed)
        && (left.is_empty() || right.is_empty());
    // Common ground is agreement in view: a row left with one side (a party filter, a claim
    // filter) shows nothing to agree with, and is counted as one-sided.
    let common = r.common && !left.is_empty() && !right.is_empty();
    let (kind, point, question) = if unpaired {
        (RowKind::Single, None, None)
    } else {
        (r.kind, r.point.clone(), r.question.clone())
    };
    // What `keep` left out of each side is hidden, not unsaid: the side still answers the row.
    // The other claim of a broken pair was a guess or a neighbour, never a counterpart.
    let hidden = |was: usize, now: usize, before: u32| {
        if unpaired {
            0
        } else {
            u32::try_from(was.saturating_sub(now))
                .unwrap_or(u32::MAX)
                .saturating_add(before)
        }
    };
    let hidden = [
        hidden(r.left.len(), left.len(), r.hidden[0]),
        hidden(r.right.len(), right.len(), r.hidden[1]),
    ];
    Some(Row {
        kind,
        point,
        question,
        left,
        right,
        links,
        common,
        hidden,
    })
}

/// Case-insensitive equality of whole texts.
fn same_text(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}
