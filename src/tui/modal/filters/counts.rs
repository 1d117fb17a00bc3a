//! How many claims of the compared pair each filter choice keeps on its own, counted in one pass
//! over the comparison (not one filter run per choice), so the panel opens at once on big data.

use crate::compare::Comparison;
use crate::format::{Dispute, RelationKind};
use crate::query::filter::{Related, rests_on_weak_sources};
use crate::query::{AnsweredBy, CommonGround};
use crate::tui::state::filters::{Choice, Section, Value};
use std::collections::{HashMap, HashSet};

/// What a choice is counted under: its value, with an outlet in lower case (as the filter
/// compares outlets); nothing for the date fields, which keep no count.
fn key(value: &Value) -> Option<Value> {
    match value {
        Value::Outlet(o) => Some(Value::Outlet(o.to_lowercase())),
        Value::Since | Value::Until => None,
        v => Some(v.clone()),
    }
}

/// Counts every key once per claim of the comparison.
fn tally(dispute: &Dispute, cmp: &Comparison) -> HashMap<Value, usize> {
    let mut n: HashMap<Value, usize> = HashMap::new();
    let related = Related::of(dispute);
    let mut add = |k: Value| *n.entry(k).or_default() += 1;
    for topic in &cmp.topics {
        for row in &topic.rows {
            let answered = AnsweredBy::of(row);
            for at in row.claims() {
                let (Some(side), Some(claim)) = (dispute.sides.get(at.side()), dispute.claim(at))
                else {
                    continue;
                };
                add(Value::Party(side.party.id.clone()));
                add(Value::Topic(topic.id.clone()));
                add(Value::Answered(None));
                add(Value::Answered(Some(answered)));
                add(Value::Common(None));
                for c in [CommonGround::Only, CommonGround::Hide] {
                    if c.keeps(row) {
                        add(Value::Common(Some(c)));
                    }
                }
                for k in RelationKind::ALL {
                    if related.either_end(claim, k) {
                        add(Value::Relation(k));
                    }
                }
                add(Value::Rating(
                    cmp.assessed(dispute, at, claim).shown().map(|a| a.rating),
                ));
                let tags: HashSet<&str> = claim.tags.iter().map(|t| t.as_str()).collect();
                for t in tags {
                    add(Value::Tag(t.to_owned()));
                }
                let mut seen = HashSet::new();
                for r in &claim.sources {
                    let Some(s) = side.sources.get(r.index) else {
                        continue;
                    };
                    seen.insert(Value::Outlet(s.outlet.to_lowercase()));
                    if let Some(k) = s.kind {
                        seen.insert(Value::Kind(k));
                    }
                    if let Some(a) = &s.affiliation {
                        seen.insert(Value::Affiliation(a.clone()));
                    }
                }
                for k in seen {
                    add(k);
                }
                if claim.sources.is_empty() {
                    add(Value::Unsourced);
                }
                if !claim.flagged.is_empty() {
                    add(Value::Untrusted);
                }
                if rests_on_weak_sources(&side.sources, claim) {
                    add(Value::WeakSources);
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
