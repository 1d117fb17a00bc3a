//! Every claim's place by id, without a second copy of the ids.
//!
//! A map from id strings would copy every id and hold a 48-byte bucket per claim (about a third
//! of the input at a million claims). This index holds a 4-byte claim number per bucket and
//! compares a candidate against the claim itself, so its ids are read where the sides keep them.

use super::{ClaimAt, Side};
use hashbrown::HashTable;
use std::hash::BuildHasher;

/// The claims of a list of sides by id; the first claim of an id keeps its place.
#[derive(Debug, Clone, Default)]
pub struct ClaimIndex {
    hasher: foldhash::fast::RandomState,
    /// Claim numbers (claims counted side by side, topic by topic, in file order), each with
    /// its id's hash, so growing the table reads no id again.
    table: HashTable<(u32, u32)>,
    /// The first claim number of each indexed topic, with its side and topic, in order.
    starts: Vec<(u32, u32, u32)>,
    /// How many claims are numbered.
    count: u32,
}

impl ClaimIndex {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the claims of `sides[s]`, which must come after every side already added.
    pub fn add_side(&mut self, sides: &[Side], s: usize) {
        self.add(sides, s, true);
    }

    /// As [`ClaimIndex::add_side`], for a side whose claim ids are known to be unique, within
    /// it and against every side already added (the loader has checked them): no id is looked
    /// up before it is added.
    pub fn add_unique_side(&mut self, sides: &[Side], s: usize) {
        self.add(sides, s, false);
    }

    /// Adds the claims of `sides[s]`; with `check`, a claim whose id is already indexed is
    /// left out, so the first claim of an id keeps its place.
    fn add(&mut self, sides: &[Side], s: usize, check: bool) {
        let Some(side) = sides.get(s) else {
            return;
        };
        let Self {
            hasher,
            table,
            starts,
            count,
        } = self;
        let claims: usize = side.topics.iter().map(|t| t.claims.len()).sum();
        table.reserve(claims, |&(_, h)| widen(h));
        for (t, topic) in side.topics.iter().enumerate() {
            starts.push((*count, as_u32(s), as_u32(t)));
            for claim in &topic.claims {
                let id = claim.id.as_str();
                let h = hash(hasher, id);
                let taken = check && lookup(table, starts, sides, h, id).is_some();
                if !taken {
                    table.insert_unique(widen(h), (*count, h), |&(_, h)| widen(h));
                }
                *count += 1;
            }
        }
    }

    /// The place of claim number `n` (claims counted side by side, topic by topic, in file
    /// order).
    pub fn place(&self, n: usize) -> Option<ClaimAt> {
        place(&self.starts, u32::try_from(n).ok()?).filter(|_| n < self.count as usize)
    }

    /// How many claims are numbered.
    pub fn count(&self) -> usize {
        self.count as usize
    }

    /// The place of the claim with this id among `sides` (the sides the index was built from).
    pub fn find(&self, sides: &[Side], id: &str) -> Option<ClaimAt> {
        let h = hash(&self.hasher, id);
        let n = lookup(&self.table, &self.starts, sides, h, id)?;
        place(&self.starts, n)
    }
}

/// The place of claim number `n`, from the first number of each topic.
fn place(starts: &[(u32, u32, u32)], n: u32) -> Option<ClaimAt> {
    let i = starts.partition_point(|&(first, _, _)| first <= n);
    let &(first, side, topic) = starts.get(i.checked_sub(1)?)?;
    Some(ClaimAt::new(
        side as usize,
        topic as usize,
        (n - first) as usize,
    ))
}

/// The number of the claim with id `id`, of hash `h`, in `table`. The kept hash is compared
/// first: a claim is read (far in memory) only when all 32 bits agree.
fn lookup(
    table: &HashTable<(u32, u32)>,
    starts: &[(u32, u32, u32)],
    sides: &[Side],
    h: u32,
    id: &str,
) -> Option<u32> {
    table
        .find(widen(h), |&(n, kept)| {
            kept == h && id_of(starts, sides, n) == Some(id)
        })
        .map(|&(n, _)| n)
}

fn id_of<'s>(starts: &[(u32, u32, u32)], sides: &'s [Side], n: u32) -> Option<&'s str> {
    let at = place(starts, n)?;
    let claim = sides
        .get(at.side())?
        .topics
        .get(at.topic())?
        .claims
        .get(at.claim())?;
    Some(claim.id.as_str())
}

/// An id's hash, in the 32 bits the table keeps.
fn hash(hasher: &foldhash::fast::RandomState, id: &str) -> u32 {
    (hasher.hash_one(id) >> 32) as u32
}

/// A kept hash as the table's 64 bits: both halves, so the buckets (low bits) and the tags
/// (top bits) each see all of it.
fn widen(h: u32) -> u64 {
    u64::from(h) << 32 | u64::from(h)
}

/// A count or position as a claim number; more than four billion claims cannot be read (the
/// files would be over a hundred gigabytes), so the cap is never reached in practice.
fn as_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{Claim, Party, Topic};

    fn side(topics: &[(&str, &[&str])]) -> Side {
        Side {
            format: crate::format::FORMAT.to_owned(),
            dispute: "d".to_owned(),
            party: Party {
                id: "p".to_owned(),
                name: "P".to_owned(),
                summary: None,
            },
            sources: Vec::new(),
            topics: topics
                .iter()
                .map(|(id, claims)| Topic {
                    id: (*id).to_owned(),
                    title: (*id).to_owned(),
                    claims: claims
                        .iter()
                        .map(|c| Claim {
                            id: (*c).into(),
                            point: None,
                            text: "t".to_owned(),
                            date: None,
                            speaker: None,
                            sources: Default::default(),
                            tags: Default::default(),
                            rebuts: Default::default(),
                            relations: Default::default(),
                            assessment: None,
                            flagged: Default::default(),
                        })
                        .collect(),
                })
                .collect(),
            file: String::new(),
        }
    }

    #[test]
    fn finds_each_claim_across_sides_and_empty_topics() {
        let sides = vec![
            side(&[("t0", &["a", "b"]), ("empty", &[]), ("t2", &["c"])]),
            side(&[("t0", &[]), ("t1", &["d", "a"])]),
        ];
        let mut index = ClaimIndex::new();
        index.add_side(&sides, 0);
        index.add_side(&sides, 1);
        let at = |side, topic, claim| Some(ClaimAt::new(side, topic, claim));
        assert_eq!(
            index.find(&sides, "a"),
            at(0, 0, 0),
            "the first of an id keeps it"
        );
        assert_eq!(index.find(&sides, "b"), at(0, 0, 1));
        assert_eq!(index.find(&sides, "c"), at(0, 2, 0));
        assert_eq!(index.find(&sides, "d"), at(1, 1, 0));
        assert_eq!(index.find(&sides, "e"), None);
    }
}
