//! How many claims of the compared pair each filter choice keeps on its own, counted in one pass
//! over the comparison (not one filter run per choice), so the panel opens at once on big data.

use crate::compare::Comparison;
use crate::format::{Dispute, RelationKind, SourceKind};
use crate::query::filter::{Related, rests_on_weak_sources};
use crate::query::{AnsweredBy, CommonGround};
use crate::tui::state::filters::{Choice, Section, Tally, Value};
use foldhash::HashMap;

/// What a choice is counted under: its value, with an outlet in lower case (as the filter
/// compares outlets); nothing for the date fields, which keep no count.
fn key(value: &Value) -> Option<Value> {
    match value {
        Value::Outlet(o) => Some(Value::Outlet(o.to_lowercase())),
        Value::Since | Value::Until => None,
        v => Some(v.clone()),
    }
}

/// Each source of a side by the keys it is counted under: its outlet (case folded) and
/// affiliation as numbers into `Folded`, so a claim's sources count without allocating.
struct Folded<'d> {
    outlets: Vec<String>,
    affiliations: Vec<&'d str>,
    /// Per side, per source: what it counts under.
    sides: Vec<Vec<Keys>>,
}

/// A source's outlet and affiliation (as numbers into [`Folded`]) and its kind.
type Keys = (usize, Option<SourceKind>, Option<usize>);

impl<'d> Folded<'d> {
    fn of(dispute: &'d Dispute) -> Self {
        let mut outlet_at: HashMap<String, usize> = HashMap::default();
        let mut affiliation_at: HashMap<&'d str, usize> = HashMap::default();
        let (mut outlets, mut affiliations) = (Vec::new(), Vec::new());
        let sides = dispute
            .sides
            .iter()
            .map(|side| {
                side.sources
                    .iter()
                    .map(|s| {
                        let folded = s.outlet.to_lowercase();
                        let n = outlets.len();
                        let outlet = *outlet_at.entry(folded).or_insert_with_key(|k| {
                            outlets.push(k.clone());
                            n
                        });
                        let affiliation = s.affiliation.as_deref().map(|a| {
                            let n = affiliations.len();
                            *affiliation_at.entry(a).or_insert_with(|| {
                                affiliations.push(a);
                                n
                            })
                        });
                        (outlet, s.kind, affiliation)
                    })
                    .collect()
            })
            .collect();
        Folded {
            outlets,
            affiliations,
            sides,
        }
    }
}

/// Counts every key once per claim of the comparison: a million claims in a fraction of a
/// second, since nothing is allocated or hashed by text per claim but its tags.
pub(super) fn tally(dispute: &Dispute, cmp: &Comparison) -> Tally {
    let related = Related::of(dispute);
    let folded = Folded::of(dispute);
    // Keys with no text, counted in a map of their own; the rest by number.
    let mut plain: HashMap<Value, usize> = HashMap::default();
    let mut parties = vec![0usize; dispute.sides.len()];
    let mut topics = vec![0usize; cmp.topics.len()];
    let mut outlets = vec![0usize; folded.outlets.len()];
    let mut affiliations = vec![0usize; folded.affiliations.len()];
    let mut tags: HashMap<&str, usize> = HashMap::default();
    let mut speakers: HashMap<&str, usize> = HashMap::default();
    // What one claim counts under, each once (two sources of one outlet count once).
    let (mut its_tags, mut its_outlets, mut its_kinds, mut its_affiliations) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (t, topic) in cmp.topics.iter().enumerate() {
        for row in &topic.rows {
            let answered = AnsweredBy::of(row);
            let common = [CommonGround::Only, CommonGround::Hide].map(|c| (c, c.keeps(row)));
            for at in row.claims() {
                let (Some(side), Some(claim)) = (dispute.sides.get(at.side()), dispute.claim(at))
                else {
                    continue;
                };
                let mut add = |k: Value| *plain.entry(k).or_default() += 1;
                if let Some(n) = parties.get_mut(at.side()) {
                    *n += 1;
                }
                if let Some(n) = topics.get_mut(t) {
                    *n += 1;
                }
                add(Value::Answered(Some(answered)));
                for (c, _) in common.iter().filter(|(_, keeps)| *keeps) {
                    add(Value::Common(Some(*c)));
                }
                for k in RelationKind::ALL {
                    if related.either_end(claim, k) {
                        add(Value::Relation(k));
                    }
                }
                add(Value::Rating(
                    cmp.assessed(dispute, at, claim).shown().map(|a| a.rating),
                ));
                if let Some(who) = claim.speaker.as_deref() {
                    *speakers.entry(who).or_default() += 1;
                }
                its_tags.clear();
                its_tags.extend(claim.tags.iter().map(|t| t.as_str()));
                its_tags.sort_unstable();
                its_tags.dedup();
                for t in &its_tags {
                    *tags.entry(t).or_default() += 1;
                }
                its_outlets.clear();
                its_kinds.clear();
                its_affiliations.clear();
                let known = folded.sides.get(at.side()).map_or(&[][..], Vec::as_slice);
                for r in &claim.sources {
                    let Some(&(outlet, kind, affiliation)) = known.get(r.index) else {
                        continue;
                    };
                    its_outlets.push(outlet);
                    its_kinds.extend(kind);
                    its_affiliations.extend(affiliation);
                }
                for list in [&mut its_outlets, &mut its_affiliations] {
                    list.sort_unstable();
                    list.dedup();
                }
                its_kinds.sort_unstable_by_key(|k: &SourceKind| k.as_str());
                its_kinds.dedup();
                for &o in &its_outlets {
                    if let Some(n) = outlets.get_mut(o) {
                        *n += 1;
                    }
                }
                for &a in &its_affiliations {
                    if let Some(n) = affiliations.get_mut(a) {
                        *n += 1;
                    }
                }
                for &k in &its_kinds {
                    add(Value::Kind(k));
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
    // Every claim counts under "all rows" and "all common ground".
    let all: usize = parties.iter().sum();
    plain.insert(Value::Answered(None), all);
    plain.insert(Value::Common(None), all);
    let named = dispute
        .sides
        .iter()
        .zip(parties)
        .map(|(s, n)| (Value::Party(s.party.id.clone()), n))
        .chain(
            cmp.topics
                .iter()
                .zip(topics)
                .map(|(t, n)| (Value::Topic(t.id.clone()), n)),
        )
        .chain(
            folded
                .outlets
                .into_iter()
                .zip(outlets)
                .map(|(o, n)| (Value::Outlet(o), n)),
        )
        .chain(
            folded
                .affiliations
                .into_iter()
                .zip(affiliations)
                .map(|(a, n)| (Value::Affiliation(a.to_owned()), n)),
        )
        .chain(tags.into_iter().map(|(t, n)| (Value::Tag(t.to_owned()), n)));
    plain.extend(named);
    // A speaker is chosen in any case (`Obama` keeps `obama`'s claims too): each spelling
    // counts the claims of all, since the panel lists one of them.
    let mut any_case: HashMap<String, usize> = HashMap::default();
    for (who, n) in &speakers {
        *any_case.entry(who.to_lowercase()).or_default() += n;
    }
    plain.extend(speakers.into_keys().map(|who| {
        let n = any_case.get(&who.to_lowercase()).copied().unwrap_or(0);
        (Value::Speaker(who.to_owned()), n)
    }));
    plain
}

/// Fills in each choice's count of claims from a tally.
pub(super) fn count(n: &Tally, lists: &mut [Vec<Choice>]) {
    for (section, list) in Section::ALL.iter().zip(lists.iter_mut()) {
        if *section == Section::Dates {
            continue;
        }
        for c in list.iter_mut() {
            c.claims = key(&c.value).map(|k| n.get(&k).copied().unwrap_or(0));
        }
    }
}
