//! Suggested matches: which claims of the two compared sides answer each other, though nobody
//! linked them, with a score in [0, 1] and reasons an analyst can check.
//!
//! The engine is pure and deterministic: no terminal, no network, no model. It combines signals
//! that can be explained (see [`profile`] and [`score`]):
//! - word weights learned from the dispute itself (BM25's inverse document frequency), over
//!   Snowball stems, with names, numbers and tags weighted above common words;
//! - the manifest's point questions, and the claims already on each point;
//! - dates, shared outlets, rebuttal links;
//! - one-to-one consistency within a topic: a claim that is clearly another claim's partner
//!   counts less as a partner for the rest.
//!
//! A suggestion either joins a left claim to an existing point row (its `point` is set, and its
//! right claim is the row's best match) or pairs it with a right claim that has no point.

mod features;
mod profile;
mod rank;
mod score;

pub use features::{Class, Tokenizer, Word, is_function_word};
pub use profile::{FIT_KEPT, Profiles};
pub use rank::{Options, shown_score, standing, suggest, topic_pairs, without_counterpart};
pub use score::{Signals, Weights};

/// The neutral question a new point is offered with, for the analyst to replace. It asks
/// nothing yet: two claims are never judged to answer it, and a point id is not made of it.
pub const DEFAULT_QUESTION: &str = crate::format::PLACEHOLDER_QUESTION;

/// True when two questions are one as a reader takes them: letter case, spacing and the
/// closing `?`, `.` or `!` aside (`who closed the dam gates first` asks what
/// "Who closed the dam gates first?" asks, and gets no second point).
pub fn same_question(a: &str, b: &str) -> bool {
    let plain = |q: &str| -> Vec<String> {
        q.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '?' | '.' | '!'))
            .split_whitespace()
            .map(str::to_lowercase)
            .collect()
    };
    plain(a) == plain(b)
}

/// True for the placeholder question however it is written (`what is at issue here`): it names
/// nothing, so no pair is said to answer it and its point is named after the topic.
pub fn is_placeholder(question: &str) -> bool {
    same_question(question, DEFAULT_QUESTION)
}

/// The manifest question that the claims `left` and `right` (of two sides, one topic) both
/// answer, as the matcher judges it: what accepting them on the screen offers to join. Only two
/// claims of one topic that both lack a point can share one (see `Workspace::link`), so the
/// matcher is not run for any other pair.
/// A point row the analyst kept the left claim out of (`dismiss --row`) is not offered.
pub fn fitting_question(
    dispute: &Dispute,
    (left, right): (ClaimAt, ClaimAt),
    kept_out: &std::collections::HashSet<(String, String, String)>,
) -> Option<String> {
    let no_point = |at| dispute.claim(at).is_some_and(|c| c.point.is_none());
    let (_, topic, left_id) = dispute.ids(left);
    if topic != dispute.ids(right).1 || !no_point(left) || !no_point(right) {
        return None;
    }
    let cmp = Comparison::new(dispute, left.side(), right.side());
    let p = Profiles::new(dispute, &cmp);
    let (a, b) = (*p.index.get(&left)?, *p.index.get(&right)?);
    let q = score::shared_question(&p, a, b)?;
    let out = (left_id.to_owned(), topic.to_owned(), q.point.clone());
    (!kept_out.contains(&out)).then(|| q.text.clone()).flatten()
}

/// The marker of a suggested row's heading, so it reads apart without colour.
pub const SUGGESTED_MARK: &str = "≈ suggested";

/// The comparison with each suggested pair (as [`topic_pairs`] finds them) merged into one
/// [`RowKind::Suggested`] row, placed after the topic's point rows and common ground, and before
/// the rows of one claim each (where the analyst looks first), best first; the two claims' rows of their own go.
/// The heading carries the marker, the score and one line of reasons.
pub fn with_suggested(cmp: &Comparison, pairs: &[Suggestion]) -> Comparison {
    let mut out = cmp.clone();
    // The pairs grouped by topic in one pass (not filtered again for every topic).
    let mut by_topic: Vec<Vec<&Suggestion>> = vec![Vec::new(); out.topics.len()];
    for s in pairs {
        if let Some(slot) = by_topic.get_mut(s.topic) {
            slot.push(s);
        }
    }
    for (topic, mut mine) in out.topics.iter_mut().zip(by_topic) {
        mine.sort_by(|a, b| b.score.total_cmp(&a.score));
        if mine.is_empty() {
            continue;
        }
        let paired: std::collections::HashSet<ClaimAt> =
            mine.iter().flat_map(|s| [s.left, s.right]).collect();
        topic
            .rows
            .retain(|r| !(r.kind == RowKind::Single && r.claims().all(|c| paired.contains(&c))));
        // After the point rows and after common ground, which comes first whatever its kind
        // (a relation row of agreement too): a guess is never shown as common ground.
        let after = topic
            .rows
            .iter()
            .rposition(|r| r.kind == RowKind::Point || r.common)
            .map_or(0, |i| i + 1);
        let rows = mine.iter().map(|s| Row {
            kind: RowKind::Suggested,
            point: None,
            question: Some(heading(s).into()),
            left: smallvec::smallvec![s.left],
            right: smallvec::smallvec![s.right],
            links: ThinVec::new(),
            common: false,
            hidden: [0, 0],
        });
        topic.rows.splice(after..after, rows);
    }
    out
}

/// The screen's pairs of a comparison, seen with its sides swapped (`cmp` is the swapped
/// comparison): the same two claims, left and right exchanged, in the topic that holds the new
/// left claim. Pairs are mutual best matches, scored half each way, so the swapped comparison
/// suggests the same ones; the screen shows these at once while the matcher confirms them. A
/// pair that joins a point row or another topic is left to the matcher.
pub fn mirrored(pairs: &[Suggestion], cmp: &Comparison) -> Vec<Suggestion> {
    let topic_of = topics_of(cmp, |_| true);
    pairs
        .iter()
        .filter(|s| s.point.is_none() && !s.cross_topic)
        .filter_map(|s| {
            Some(Suggestion {
                left: s.right,
                right: s.left,
                topic: *topic_of.get(&s.right)?,
                ..s.clone()
            })
        })
        .collect()
}

/// The screen's pairs carried over to the dispute read again (after a write, or an edit on
/// disk), shown while the matcher confirms them: the same two claims, found by id in `new`,
/// where both still stand unmatched in one topic of `cmp` (its comparison). A pair that joins
/// a point row or another topic, or whose claims were linked or removed, is left to the matcher.
pub fn carried(
    pairs: &[Suggestion],
    old: &Dispute,
    new: &Dispute,
    cmp: &Comparison,
) -> Vec<Suggestion> {
    let unmatched = topics_of(cmp, |r| r.kind == RowKind::Single);
    pairs
        .iter()
        .filter(|s| s.point.is_none() && !s.cross_topic)
        .filter_map(|s| {
            let left = new.find_claim(old.ids(s.left).2)?;
            let right = new.find_claim(old.ids(s.right).2)?;
            let topic = *unmatched.get(&left)?;
            (unmatched.get(&right) == Some(&topic)).then(|| Suggestion {
                left,
                right,
                topic,
                ..s.clone()
            })
        })
        .collect()
}

/// The topic (its place in `cmp`) of each claim in a row of `cmp` that `keep` accepts.
fn topics_of(
    cmp: &Comparison,
    keep: impl Fn(&Row) -> bool,
) -> std::collections::HashMap<ClaimAt, usize> {
    let keep = &keep;
    cmp.topics
        .iter()
        .enumerate()
        .flat_map(|(t, topic)| {
            topic
                .rows
                .iter()
                .filter(move |r| keep(r))
                .flat_map(move |r| r.claims().map(move |c| (c, t)))
        })
        .collect()
}

/// A suggested row's heading: marker, score, reasons.
pub fn heading(s: &Suggestion) -> String {
    let mut h = format!("{SUGGESTED_MARK} {:.2}", s.score);
    for r in &s.reasons {
        h.push_str(" · ");
        h.push_str(&r.to_string());
    }
    h
}

use crate::compare::{Comparison, Row, RowKind};
use crate::format::{ClaimAt, Dispute, ThinVec};
use std::fmt;

/// One suggested match between a left and a right claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// The left claim.
    pub left: ClaimAt,
    /// The right claim: the partner, or the best match in the point row to join.
    pub right: ClaimAt,
    /// The point row the left claim would join, when the right claim has a point.
    pub point: Option<String>,
    /// The index of the left claim's topic in the comparison.
    pub topic: usize,
    /// True when the right claim sits in another topic.
    pub cross_topic: bool,
    /// How good the match looks, 0 to 1.
    pub score: f32,
    /// Why, strongest first.
    pub reasons: Vec<Reason>,
    /// The manifest's question both claims answer, when they answer one: accepting the pair
    /// joins that question's point rather than making a new one.
    pub question: Option<String>,
}

/// One reason for a suggestion, checkable by reading the two claims.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// Both name these people, places or organisations.
    SharedNames(Vec<String>),
    /// Both hold these numbers.
    SharedNumbers(Vec<String>),
    /// Both carry these tags.
    SharedTags(Vec<String>),
    /// Both use these rarer words.
    SharedWords(Vec<String>),
    /// Both answer this question of the manifest.
    Question(String),
    /// Both cite these outlets.
    SameOutlet(Vec<String>),
    /// Both are dated this many days apart (0: the same day).
    DaysApart(i64),
    /// One already rebuts the other (or links to it by a typed relation).
    Rebuts(String),
    /// One already rebuts (or relates to) this claim, which sits in the row.
    RebutsInRow(String),
    /// The right claim sits in another topic (its id).
    OtherTopic(String),
    /// Names, numbers or words both share that are not in both claims' texts: they come from
    /// an assessment note, a cited source's title or a quote, which count for less.
    BeyondTexts(Vec<String>),
    /// The two texts share no name, number, tag or word worth naming: said whatever else is,
    /// so a date or an outlet is never read as the whole case for a pair.
    NothingShared,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::NothingShared => write!(f, "no shared names, numbers or words"),
            Reason::SharedNames(v) => write!(f, "shared names: {}", v.join(", ")),
            Reason::SharedNumbers(v) => write!(f, "shared numbers: {}", v.join(", ")),
            Reason::SharedTags(v) => write!(f, "shared tags: {}", v.join(", ")),
            Reason::SharedWords(v) => write!(f, "shared words: {}", v.join(", ")),
            Reason::Question(q) => write!(f, "both answer “{q}”"),
            Reason::SameOutlet(v) => write!(f, "same outlet: {}", v.join(", ")),
            Reason::DaysApart(0) => write!(f, "same day"),
            Reason::DaysApart(1) => write!(f, "1 day apart"),
            Reason::DaysApart(n) => write!(f, "{n} days apart"),
            Reason::Rebuts(id) => write!(f, "already linked to {id}"),
            Reason::RebutsInRow(id) => write!(f, "already linked to {id} in that row"),
            Reason::OtherTopic(id) => write!(f, "other topic: {id}"),
            Reason::BeyondTexts(v) => {
                write!(f, "also shared in notes or sources: {}", v.join(", "))
            }
        }
    }
}
