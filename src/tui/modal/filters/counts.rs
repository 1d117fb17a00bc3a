//! How many claims of the compared pair each filter choice keeps on its own, counted in one pass
//! over the comparison (not one filter run per choice), so the panel opens at once on big data.

use crate::compare::{Answered, Comparison};
use crate::format::{Dispute, RelationKind, SourceKind};
use crate::query::filter::{Related, rests_on_weak_sources};
use crate::query::{AnsweredBy, CommonGround};
use crate::tui::state::filters::{Choice, Section, Value};
use std::collections::{HashMap, HashSet};

/// What a choice is counted under: its value, outlets by their lower case (as the filter
/// compares them).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Party(String),
    Topic(String),
    Outlet(String),
    Kind(SourceKind),
    Affiliation(String),
    Tag(String),
    Rating(Option<crate::format::Rating>),
    Relation(RelationKind),
    /// Every row (`None`), rows answered by both sides (`Some(true)`) or by one.
    Answered(Option<bool>),
    /// Rows by common ground: kept by this choice (`None` stands for every row).
    Common(Option<CommonGround>),
    Unsourced,
    Untrusted,
    Weak,
}

fn key(value: &Value) -> Option<Key> {
    Some(match value {
        Value::Party(p) => Key::Party(p.clone()),
        Value::Topic(t) => Key::Topic(t.clone()),
        Value::Outlet(o) => Key::Outlet(o.to_lowercase()),
        Value::Kind(k) => Key::Kind(*k),
        Value::Affiliation(a) => Key::Affiliation(a.clone()),
        Value::Tag(t) => Key::Tag(t.clone()),
        Value::Rating(r) => Key::Rating(*r),
        Value::Relation(k) => Key::Relation(*k),
        Value::Common(c) => Key::Common(*c),
        Value::Answered(a) => Key::Answered(a.map(|a| a == AnsweredBy::Both)),
        Value::Unsourced => Key::Unsourced,
        Value::Untrusted => Key::Untrusted,
        Value::WeakSources => Key::Weak,
        Value::Since | Value::Until => return None,
    })
}

/// Counts every key once per claim of the comparison.
fn tally(dispute: &Dispute, cmp: &Comparison) -> HashMap<Key, usize> {
    let mut n: HashMap<Key, usize> = HashMap::new();
    let related = Related::of(dispute);
    let mut add = |k: Key| *n.entry(k).or_default() += 1;
    for topic in &cmp.topics {
        for row in &topic.rows {
            let both = row.answered() == Answered::Both;
            for at in row.claims() {
                let (Some(side), Some(claim)) = (dispute.sides.get(at.side()), dispute.claim(at))
                else {
                    continue;
                };
                add(Key::Party(side.party.id.clone()));
                add(Key::Topic(topic.id.clone()));
                add(Key::Answered(None));
                add(Key::Answered(Some(both)));
                add(Key::Common(None));
                for c in [CommonGround::Only, CommonGround::Hide] {
                    if c.keeps(row) {
                        add(Key::Common(Some(c)));
                    }
                }
                for k in RelationKind::ALL {
                    if related.either_end(claim, k) {
                        add(Key::Relation(k));
                    }
                }
                add(Key::Rating(
                    cmp.assessed(dispute, at, claim).shown().map(|a| a.rating),
                ));
                let tags: HashSet<&str> = claim.tags.iter().map(|t| t.as_str()).collect();
                for t in tags {
                    add(Key::Tag(t.to_owned()));
                }
                let mut seen = HashSet::new();
                for r in &claim.sources {
                    let Some(s) = side.sources.get(r.index) else {
                        continue;
                    };
                    seen.insert(Key::Outlet(s.outlet.to_lowercase()));
                    if let Some(k) = s.kind {
                        seen.insert(Key::Kind(k));
                    }
                    if let Some(a) = &s.affiliation {
                        seen.insert(Key::Affiliation(a.clone()));
                    }
                }
                for k in seen {
                    add(k);
                }
                if claim.sources.is_empty() {
                    add(Key::Unsourced);
                }
                if !claim.flagged.is_empty() {
                    add(Key::Untrusted);
                }
                if rests_on_weak_sources(&side.sources, claim) {
                    add(Key::Weak);
                }
            }
        }
    }
    n
}

/// Fills in each choice's count of claims, for the pair `cmp` compares.
pub fn count(dispute: &Dispute, cmp: &Comparison, lists: &mut [Vec<Choice>]) {
    let n = tally(dispute, cmp);
    for (section, list) in Section::ALL.iter().zip(lists.iter_mut()) {
        if *section == Section::Dates {
            continue;
        }
        for c in list.iter_mut() {
            c.claims = key(&c.value).map(|k| n.get(&k).copied().unwrap_or(0));
        }
    }
}
