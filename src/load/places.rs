//! Where a side's topics and claims stand in its file. A side read without errors keeps every
//! topic and claim, each at its own index. One with errors leaves some out (a claim with no
//! text, a topic with no id, a topic id used twice). The checks made after the read (claim ids
//! used twice, in the file and across files) still see the ids left out, and name every claim
//! at its place in the file, not at its index among those kept.

use crate::format::{CompactString, Topic};

/// A claim as the checks after the read know it: kept (its topic's and its own index in the
/// side), or left out (`LEFT`, then its index among those left out). Two `u32`s, not an enum
/// of twelve bytes: a table of one per claim is built at the load's peak.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Key(u32, u32);

/// The first half of the key of a claim left out.
const LEFT: u32 = u32::MAX;

/// A claim read but left out of its side: its place in the file, and its id when it had one.
#[derive(Debug)]
struct LeftOut {
    topic: usize,
    claim: usize,
    id: Option<CompactString>,
}

/// See the module's doc. Empty for a side read without errors.
#[derive(Debug, Default)]
pub(super) struct Places {
    /// The place in the file of each kept topic, in order.
    topics: Vec<usize>,
    /// The claims left out, sorted by place.
    left: Vec<LeftOut>,
}

impl Places {
    /// Notes that the topic at `place` in the file is kept, as the next kept topic.
    pub fn keep_topic(&mut self, place: usize) {
        self.topics.push(place);
    }

    /// Notes that claim `claim` of the topic at `topic` in the file was left out.
    pub fn leave_claim(&mut self, topic: usize, claim: usize, id: Option<CompactString>) {
        self.left.push(LeftOut { topic, claim, id });
    }

    /// Notes that the topic at `topic` in the file was left out, with the claims read in it.
    pub fn leave_topic(&mut self, topic: usize, claims: impl IntoIterator<Item = CompactString>) {
        // Its claims left out already are the last entries (a topic is read whole before the
        // next); the others take the places between them.
        let start = self.left.partition_point(|l| l.topic < topic);
        let own = self.left.len() - start;
        for (c, id) in claims.into_iter().enumerate() {
            let claim = skip_over(self.left.get(start..start + own).unwrap_or_default(), c);
            self.left.push(LeftOut {
                topic,
                claim,
                id: Some(id),
            });
        }
        if let Some(tail) = self.left.get_mut(start..) {
            tail.sort_by_key(|l| l.claim);
        }
    }

    /// The place in the file, as (topic, claim), of the claim of `key`.
    pub fn place(&self, key: Key) -> (usize, usize) {
        match key {
            Key(LEFT, k) => self
                .left
                .get(k as usize)
                .map_or((0, 0), |l| (l.topic, l.claim)),
            Key(t, c) => {
                let topic = self.topic(t as usize);
                let start = self.left.partition_point(|l| l.topic < topic);
                let end = self.left.partition_point(|l| l.topic <= topic);
                let own = self.left.get(start..end).unwrap_or_default();
                (topic, skip_over(own, c as usize))
            }
        }
    }

    /// The JSON pointer of the id of the claim of `key`.
    pub fn id_pointer(&self, key: Key) -> String {
        let (t, c) = self.place(key);
        format!("/topics/{t}/claims/{c}/id")
    }

    /// The id of the claim of `key`, if it had one.
    pub fn id<'a>(&'a self, topics: &'a [Topic], key: Key) -> Option<&'a str> {
        match key {
            Key(LEFT, k) => self.left.get(k as usize)?.id.as_deref(),
            Key(t, c) => {
                let claim = topics.get(t as usize)?.claims.get(c as usize)?;
                Some(claim.id.as_str())
            }
        }
    }

    /// Every claim of the file with an id, kept or left out, in file order.
    pub fn claims<'a>(&'a self, topics: &'a [Topic]) -> impl Iterator<Item = (Key, &'a str)> {
        InFile {
            places: self,
            topics,
            t: 0,
            c: 0,
            file_c: 0,
            k: 0,
        }
        .filter_map(|key| Some((key, self.id(topics, key)?)))
    }

    /// The place in the file of kept topic `t`.
    fn topic(&self, t: usize) -> usize {
        self.topics.get(t).copied().unwrap_or(t)
    }
}

/// The place in its topic of the `c`th (from 0) claim kept there, `taken` being the claims of
/// the topic left out, in order.
fn skip_over(taken: &[LeftOut], c: usize) -> usize {
    // Before `taken[j]` stand `taken[j] - j` claims kept: those taken with at most `c` kept
    // before them come first. A binary search, so a file of many is not read quadratically.
    let (mut lo, mut hi) = (0, taken.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match taken.get(mid) {
            Some(l) if l.claim.saturating_sub(mid) <= c => lo = mid + 1,
            _ => hi = mid,
        }
    }
    c + lo
}

/// Walks the kept claims and those left out together, in file order.
struct InFile<'a> {
    places: &'a Places,
    topics: &'a [Topic],
    /// The next kept claim: its topic, its index there, and its index in the file's topic.
    t: usize,
    c: usize,
    file_c: usize,
    /// The next claim left out.
    k: usize,
}

impl Iterator for InFile<'_> {
    type Item = Key;
    fn next(&mut self) -> Option<Key> {
        while let Some(topic) = self.topics.get(self.t)
            && self.c >= topic.claims.len()
        {
            (self.t, self.c, self.file_c) = (self.t + 1, 0, 0);
        }
        let kept = self
            .topics
            .get(self.t)
            .map(|_| (self.places.topic(self.t), self.file_c));
        let left = self.places.left.get(self.k).map(|l| (l.topic, l.claim));
        match (kept, left) {
            (Some(kept), Some(left)) if left <= kept => {
                if left == kept {
                    self.file_c += 1;
                }
                self.k += 1;
                Some(Key(LEFT, u32::try_from(self.k - 1).ok()?))
            }
            (None, Some(_)) => {
                self.k += 1;
                Some(Key(LEFT, u32::try_from(self.k - 1).ok()?))
            }
            (Some(_), _) => {
                // A side of `LEFT` topics or more is past any file the loader reads.
                let key = Key(
                    u32::try_from(self.t).ok().filter(|&t| t != LEFT)?,
                    u32::try_from(self.c).ok()?,
                );
                (self.c, self.file_c) = (self.c + 1, self.file_c + 1);
                Some(key)
            }
            (None, None) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A topic left out with one of its claims left out before: its other claims take the
    /// places around that one, and every claim is walked in file order.
    #[test]
    fn a_topic_left_out_keeps_each_claim_at_its_place() {
        let mut places = Places::default();
        places.keep_topic(0);
        places.leave_claim(1, 1, Some("y".into()));
        places.leave_claim(1, 3, None);
        places.leave_topic(1, ["x".into(), "z".into(), "w".into()]);
        let left: Vec<(usize, usize, Option<&str>)> = places
            .left
            .iter()
            .map(|l| (l.topic, l.claim, l.id.as_deref()))
            .collect();
        assert_eq!(
            left,
            [
                (1, 0, Some("x")),
                (1, 1, Some("y")),
                (1, 2, Some("z")),
                (1, 3, None),
                (1, 4, Some("w"))
            ]
        );
        let pointers: Vec<String> = places
            .claims(&[])
            .map(|(key, _)| places.id_pointer(key))
            .collect();
        assert_eq!(
            pointers,
            [
                "/topics/1/claims/0/id",
                "/topics/1/claims/1/id",
                "/topics/1/claims/2/id",
                "/topics/1/claims/4/id"
            ]
        );
    }

    /// A kept claim's place skips the claims of its topic left out before it.
    #[test]
    fn a_kept_claim_is_counted_past_those_left_out() {
        let mut places = Places::default();
        places.keep_topic(2);
        for at in [0, 2, 3] {
            places.leave_claim(2, at, None);
        }
        let at: Vec<(usize, usize)> = (0..3).map(|c| places.place(Key(0, c))).collect();
        assert_eq!(at, [(2, 1), (2, 4), (2, 5)]);
    }
}
