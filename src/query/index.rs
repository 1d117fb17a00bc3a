//! The search index: the searchable fields of every claim, each distinct string once, prose
//! strings split into words of one vocabulary (see `super::search` for how it is searched).
//!
//! It is sized for the screen, which holds it beside the dispute: word ids take two bytes while
//! the vocabulary allows, a claim's field is one `u32`, and an index made for a shared dispute
//! ([`Index::shared`]) reads the claims' texts from the dispute instead of copying them.

use super::field::Field;
use super::words;
use crate::format::{Claim, ClaimAt, Dispute, ManifestTopic, Side, Topic};
use std::collections::HashMap;
use std::sync::Arc;

/// The searchable fields of every claim of a dispute, built once per loaded dispute.
#[derive(Default)]
pub struct Index {
    /// Every distinct field string, by string id.
    texts: Texts,
    /// Per string: true for prose, matched by its words.
    prose: Vec<bool>,
    /// A prose string's words, as ids into `vocab`: `tokens[token_starts[s]..token_starts[s + 1]]`.
    token_starts: Vec<u32>,
    tokens: Tokens,
    /// Every distinct word of the prose fields, as written.
    vocab: Vec<String>,
    /// Entry `i`'s fields are `fields[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    fields: Vec<Slot>,
    /// The string id of the first claim's id: claims' ids are the last strings, one per entry
    /// in entry order, after every field's (they are no field: a term matches an id only
    /// whole, looked up once per search, not string by string).
    ids_from: u32,
    /// The entry of the first claim of each side's topic, `first[side][topic]`, and after the
    /// side's last topic the entry after its last claim: entries are claims in the dispute's
    /// order, so this places every claim without a list of them.
    first: Vec<Vec<usize>>,
}

/// Where the strings' text is.
enum Texts {
    /// Copies, end to end so a scan reads memory in order: string `s` ends at `ends[s]` and
    /// starts where the one before ends.
    Own { arena: String, ends: Vec<usize> },
    /// The claims' texts read from the dispute, the other strings (few, and scanned on every
    /// keystroke) copied: string `s` is `arena[at[s].0..at[s].1]`, or with `at[s].0` at
    /// [`CLAIM_TEXT`], the text of the claim of entry `at[s].1`.
    Dispute {
        dispute: Arc<Dispute>,
        arena: String,
        at: Vec<(u32, u32)>,
    },
}

impl Default for Texts {
    fn default() -> Self {
        Texts::Own {
            arena: String::new(),
            ends: Vec::new(),
        }
    }
}

/// In [`Texts::Dispute`], where a string is a claim's text.
const CLAIM_TEXT: u32 = u32::MAX;

/// Word ids: two bytes each while the vocabulary has fewer than 65,536 words, else four.
enum Tokens {
    Narrow(Vec<u16>),
    Wide(Vec<u32>),
}

impl Default for Tokens {
    fn default() -> Self {
        Tokens::Narrow(Vec::new())
    }
}

impl Tokens {
    fn push(&mut self, id: u32) {
        match self {
            Tokens::Narrow(v) => match u16::try_from(id) {
                Ok(id) => v.push(id),
                Err(_) => {
                    let mut wide: Vec<u32> = v.iter().map(|&x| u32::from(x)).collect();
                    wide.push(id);
                    *self = Tokens::Wide(wide);
                }
            },
            Tokens::Wide(v) => v.push(id),
        }
    }

    fn len(&self) -> usize {
        match self {
            Tokens::Narrow(v) => v.len(),
            Tokens::Wide(v) => v.len(),
        }
    }

    fn shrink_to_fit(&mut self) {
        match self {
            Tokens::Narrow(v) => v.shrink_to_fit(),
            Tokens::Wide(v) => v.shrink_to_fit(),
        }
    }

    fn get(&self, a: usize, b: usize) -> WordIds<'_> {
        match self {
            Tokens::Narrow(v) => WordIds::Narrow(v.get(a..b).unwrap_or_default()),
            Tokens::Wide(v) => WordIds::Wide(v.get(a..b).unwrap_or_default()),
        }
    }
}

/// A prose string's words, as vocabulary ids.
#[derive(Clone, Copy)]
pub(super) enum WordIds<'a> {
    /// Ids of two bytes.
    Narrow(&'a [u16]),
    /// Ids of four bytes.
    Wide(&'a [u32]),
}

/// One field of a claim: its kind in the top four bits, its string id below (268 million
/// strings).
#[derive(Clone, Copy)]
struct Slot(u32);

const KIND_SHIFT: u32 = 28;
const STRING_MASK: u32 = (1 << KIND_SHIFT) - 1;

impl Slot {
    fn new(field: Field, string: u32) -> Slot {
        Slot((field as u32) << KIND_SHIFT | string.min(STRING_MASK))
    }

    /// The field and its string id: the top bits name a field, so this is one look-up
    /// (it runs for every field of every claim a keystroke searches).
    fn get(self) -> (Field, u32) {
        let kind = KINDS
            .get((self.0 >> KIND_SHIFT) as usize)
            .copied()
            .unwrap_or(Field::Text);
        (kind, self.string())
    }

    fn string(self) -> u32 {
        self.0 & STRING_MASK
    }
}

/// The fields by their number (`Field as u8`).
const KINDS: [Field; 9] = [
    Field::Text,
    Field::Speaker,
    Field::Tag,
    Field::Outlet,
    Field::SourceTitle,
    Field::Note,
    Field::Topic,
    Field::Framing,
    Field::Question,
];

/// A claim's searchable fields in order: its text, speaker, tags, the outlet and title of each
/// source it cites, its assessment's note, its topic's neutral title, the side's framing of the topic where it differs,
/// and its point's question.
fn claim_fields<'d>(
    side: &'d Side,
    topic: &'d Topic,
    claim: &'d Claim,
    neutral: &'d str,
    question: Option<&'d str>,
) -> impl Iterator<Item = (Field, &'d str)> {
    let sources = claim
        .sources
        .iter()
        .filter_map(|r| side.sources.get(r.index))
        .flat_map(|src| {
            std::iter::once((Field::Outlet, src.outlet.as_str()))
                .chain(src.title.as_deref().map(|t| (Field::SourceTitle, t)))
        });
    std::iter::once((Field::Text, claim.text.as_str()))
        .chain(claim.speaker.as_deref().map(|s| (Field::Speaker, s)))
        .chain(claim.tags.iter().map(|t| (Field::Tag, t.as_str())))
        .chain(sources)
        .chain(note(claim).map(|n| (Field::Note, n)))
        .chain(std::iter::once((Field::Topic, neutral)))
        .chain((topic.title != neutral).then_some((Field::Framing, topic.title.as_str())))
        .chain(question.map(|q| (Field::Question, q)))
}

/// The note of a claim's assessment, if it has one.
pub(super) fn note(claim: &Claim) -> Option<&str> {
    claim.assessment.as_ref()?.note.as_deref()
}

/// A topic's neutral title: its manifest topic's, else the side's own.
fn neutral<'d>(topic: &'d Topic, manifest: Option<&'d ManifestTopic>) -> &'d str {
    manifest.map_or(topic.title.as_str(), |m| m.title.as_str())
}

impl Index {
    /// Indexes every claim of every side, in the dispute's order (side, topic, claim), with a
    /// copy of every distinct string: an index that outlives the dispute (or is stored).
    pub fn new(dispute: &Dispute) -> Index {
        let mut arena = String::new();
        let mut ends = Vec::new();
        let mut index = Index::build(dispute, |s, _, _| {
            arena.push_str(s);
            ends.push(arena.len());
        });
        index.ids_from = u32::try_from(ends.len()).unwrap_or(u32::MAX);
        for claim in dispute
            .sides
            .iter()
            .flat_map(|s| &s.topics)
            .flat_map(|t| &t.claims)
        {
            arena.push_str(&claim.id);
            ends.push(arena.len());
        }
        arena.shrink_to_fit();
        ends.shrink_to_fit();
        index.texts = Texts::Own { arena, ends };
        index
    }

    /// As [`Index::new`], reading the claims' texts from the dispute instead of copying them:
    /// the screen's index, which lives beside its dispute.
    pub fn shared(dispute: Arc<Dispute>) -> Index {
        let mut arena = String::new();
        let mut at = Vec::new();
        let mut index = Index::build(&dispute, |s, field, entry| {
            let n = |x: usize| u32::try_from(x).unwrap_or(CLAIM_TEXT - 1);
            if field == Field::Text {
                at.push((CLAIM_TEXT, n(entry)));
            } else {
                let start = n(arena.len());
                arena.push_str(s);
                at.push((start, n(arena.len())));
            }
        });
        // The claims' ids are read from the dispute, by entry: nothing is kept for them.
        index.ids_from = u32::try_from(at.len()).unwrap_or(u32::MAX);
        arena.shrink_to_fit();
        at.shrink_to_fit();
        index.texts = Texts::Dispute { dispute, arena, at };
        index
    }

    /// Indexes the dispute, calling `new_string(text, field, entry)` for each distinct string,
    /// in id order, with the field and the claim's entry where it was first seen.
    fn build<'d>(dispute: &'d Dispute, mut new_string: impl FnMut(&'d str, Field, usize)) -> Index {
        // Interning hashes every field of every claim, so the hash must be fast; the strings come
        // from other people's files, so it is seeded at random (foldhash) against collisions.
        type Map<'d> = HashMap<(&'d str, bool), u32, foldhash::fast::RandomState>;
        let mut ids: Map<'d> = HashMap::default();
        let mut vocab_ids: HashMap<&'d str, u32, foldhash::fast::RandomState> = HashMap::default();
        let claims = dispute
            .sides
            .iter()
            .flat_map(|s| &s.topics)
            .map(|t| t.claims.len());
        let mut starts = Vec::with_capacity(claims.sum::<usize>() + 1);
        starts.push(0);
        let mut index = Index {
            token_starts: vec![0],
            starts,
            ..Index::default()
        };
        // Each manifest topic's questions by point id, so that each claim finds its own by one
        // look-up, not a scan of every point of its topic.
        let questions: Vec<_> = dispute
            .manifest_topics
            .iter()
            .map(ManifestTopic::questions_by_point)
            .collect();
        let to_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        for side in &dispute.sides {
            let mut firsts = Vec::with_capacity(side.topics.len() + 1);
            for topic in &side.topics {
                firsts.push(index.starts.len() - 1);
                let at = dispute.manifest_topic_index(&topic.id);
                let neutral = neutral(topic, at.and_then(|i| dispute.manifest_topics.get(i)));
                let questions = at.and_then(|i| questions.get(i));
                for claim in &topic.claims {
                    let entry = index.starts.len() - 1;
                    let question = claim
                        .point
                        .as_deref()
                        .and_then(|p| questions?.get(p).copied().flatten());
                    for (field, s) in claim_fields(side, topic, claim, neutral, question) {
                        let is_prose = field.is_prose();
                        let next = to_u32(index.prose.len());
                        let mut add = |index: &mut Index| {
                            new_string(s, field, entry);
                            index.prose.push(is_prose);
                            if is_prose {
                                // Word by word, with no list of them made per string.
                                words::each_word(s, |_, w| {
                                    let id = *vocab_ids.entry(w).or_insert_with(|| {
                                        index.vocab.push(w.to_owned());
                                        to_u32(index.vocab.len() - 1)
                                    });
                                    index.tokens.push(id);
                                });
                            }
                            index.token_starts.push(to_u32(index.tokens.len()));
                            next
                        };
                        // A claim's text is its own (two claims rarely say the same words):
                        // it is not looked up, which would cost a map entry per claim.
                        let id = if field == Field::Text {
                            add(&mut index)
                        } else {
                            *ids.entry((s, is_prose)).or_insert_with(|| add(&mut index))
                        };
                        index.fields.push(Slot::new(field, id));
                    }
                    index.starts.push(to_u32(index.fields.len()));
                }
            }
            firsts.push(index.starts.len() - 1);
            index.first.push(firsts);
        }
        // The maps go before the lists are trimmed, so the two are never held together.
        drop((ids, vocab_ids));
        index.prose.shrink_to_fit();
        index.token_starts.shrink_to_fit();
        index.tokens.shrink_to_fit();
        index.vocab.shrink_to_fit();
        index.starts.shrink_to_fit();
        index.fields.shrink_to_fit();
        index
    }

    /// The bytes each part holds, for `examples/search_memory.rs`.
    pub fn memory(&self) -> Vec<(&'static str, usize)> {
        use std::mem::size_of_val;
        let texts = match &self.texts {
            Texts::Own { arena, ends } => arena.capacity() + ends.capacity() * size_of::<usize>(),
            Texts::Dispute { arena, at, .. } => {
                arena.capacity() + at.capacity() * size_of::<(u32, u32)>()
            }
        };
        let tokens = match &self.tokens {
            Tokens::Narrow(v) => v.capacity() * 2,
            Tokens::Wide(v) => v.capacity() * 4,
        };
        let vocab: usize = self.vocab.iter().map(String::capacity).sum();
        vec![
            ("texts", texts),
            ("prose", self.prose.capacity()),
            ("token starts", self.token_starts.capacity() * 4),
            ("tokens", tokens),
            ("vocab", size_of_val(self.vocab.as_slice()) + vocab),
            ("starts", self.starts.capacity() * 4),
            ("fields", self.fields.capacity() * size_of::<Slot>()),
        ]
    }

    /// The number of claims indexed.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// True when the dispute has no claim.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The number of distinct strings.
    pub(super) fn strings(&self) -> usize {
        self.prose.len()
    }

    /// Every distinct word of the prose fields.
    pub(super) fn vocab(&self) -> &[String] {
        &self.vocab
    }

    /// Where the entry's claim stands in its side ([`super::tie::tie`]).
    pub(super) fn tie(&self, entry: usize) -> u32 {
        let side = self
            .first
            .partition_point(|f| f.first().is_some_and(|&e| e <= entry))
            .saturating_sub(1);
        match self.first.get(side).map(|f| (f.first(), f.last())) {
            Some((Some(&start), Some(&end))) => {
                super::tie::tie(entry.saturating_sub(start), end.saturating_sub(start))
            }
            _ => 0,
        }
    }

    /// The claim of an entry.
    pub(super) fn claim(&self, entry: usize) -> Option<ClaimAt> {
        if entry >= self.len() {
            return None;
        }
        // The last side, then the last topic, that starts at or before the entry: a side or a
        // topic without claims starts where the next one does, so it is never the one found.
        let side = self
            .first
            .partition_point(|f| f.first().is_some_and(|&e| e <= entry))
            .checked_sub(1)?;
        let firsts = self.first.get(side)?;
        let topic = firsts.partition_point(|&e| e <= entry).checked_sub(1)?;
        let start = *firsts.get(topic)?;
        // The side's end is not a topic.
        (topic + 1 < firsts.len()).then_some(ClaimAt::new(side, topic, entry - start))
    }

    /// The entry number of a claim (its rank in the dispute's order).
    pub fn entry(&self, at: ClaimAt) -> Option<usize> {
        let firsts = self.first.get(at.side())?;
        let (&start, &end) = (firsts.get(at.topic())?, firsts.get(at.topic() + 1)?);
        let e = start.checked_add(at.claim())?;
        (e < end).then_some(e)
    }

    /// The entry of the claim whose id is `id`, if any.
    pub(super) fn entry_of_id(&self, id: &str) -> Option<usize> {
        match &self.texts {
            Texts::Dispute { dispute, .. } => self.entry(dispute.find_claim(id)?),
            // A stored index has no map of ids: one look at each, once per search.
            Texts::Own { .. } => (0..self.len()).find(|&e| self.string(self.id_string(e)) == id),
        }
    }

    /// The string id of an entry's claim id.
    pub(super) fn id_string(&self, entry: usize) -> u32 {
        self.ids_from
            .saturating_add(u32::try_from(entry).unwrap_or(u32::MAX))
    }

    /// An entry's fields, in the claim's order (its text first), with their string ids.
    pub(super) fn fields(&self, entry: usize) -> impl Iterator<Item = (Field, u32)> + '_ {
        self.slots(entry).iter().map(|s| s.get())
    }

    /// The string ids of an entry's fields.
    pub(super) fn strings_of(&self, entry: usize) -> impl Iterator<Item = u32> + '_ {
        self.slots(entry).iter().map(|s| s.string())
    }

    fn slots(&self, entry: usize) -> &[Slot] {
        let at = |i: usize| self.starts.get(i).map(|&x| x as usize);
        match (at(entry), at(entry + 1)) {
            (Some(a), Some(b)) => self.fields.get(a..b).unwrap_or_default(),
            _ => &[],
        }
    }

    /// True when the index's text is as loading leaves it (nothing to clean): an index read
    /// back from a cache must pass this before it is used.
    pub fn is_clean(&self) -> bool {
        let texts = match &self.texts {
            Texts::Own { arena, .. } => crate::text::is_clean(arena),
            Texts::Dispute { .. } => true,
        };
        texts && self.vocab.iter().all(|w| crate::text::is_clean(w))
    }

    /// A prose string's words as vocabulary ids (empty for a short field).
    pub(super) fn tokens(&self, id: u32) -> WordIds<'_> {
        let at = |i: usize| self.token_starts.get(i).map(|&x| x as usize);
        match (at(id as usize), at(id as usize + 1)) {
            (Some(a), Some(b)) => self.tokens.get(a, b),
            _ => self.tokens.get(0, 0),
        }
    }

    pub(super) fn is_prose(&self, id: u32) -> bool {
        self.prose.get(id as usize).copied().unwrap_or(false)
    }

    /// The text of string `id` ("" for an id no build makes).
    pub(super) fn string(&self, id: u32) -> &str {
        let id = id as usize;
        match &self.texts {
            Texts::Own { arena, ends } => {
                let start = match id.checked_sub(1) {
                    Some(before) => ends.get(before).copied(),
                    None => Some(0),
                };
                start
                    .zip(ends.get(id).copied())
                    .and_then(|(a, b)| arena.get(a..b))
                    .unwrap_or_default()
            }
            Texts::Dispute { dispute, .. } if id >= self.ids_from as usize => self
                .claim(id - self.ids_from as usize)
                .and_then(|c| dispute.claim(c))
                .map_or("", |c| c.id.as_str()),
            Texts::Dispute { dispute, arena, at } => match at.get(id) {
                Some(&(CLAIM_TEXT, entry)) => self
                    .claim(entry as usize)
                    .and_then(|c| dispute.claim(c))
                    .map_or("", |c| c.text.as_str()),
                Some(&(a, b)) => arena.get(a as usize..b as usize).unwrap_or_default(),
                None => "",
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every claim has its entry and back, with topics and sides that hold no claim among them.
    #[test]
    fn entries_and_claims_agree_around_empty_topics_and_sides() {
        let mut d = crate::load::load_bundled()
            .dispute
            .expect("the bundled dispute loads");
        let empty = |id: &str| Topic {
            id: id.to_owned(),
            title: id.to_owned(),
            claims: Vec::new(),
        };
        let mut bare = d.sides.first().expect("a side").clone();
        bare.topics.clear();
        if let Some(side) = d.sides.first_mut() {
            side.topics.insert(0, empty("before"));
            side.topics.insert(2, empty("between"));
            side.topics.push(empty("after"));
        }
        d.sides.insert(1, bare.clone());
        d.sides.push(bare);
        let index = Index::new(&d);
        let mut n = 0;
        for (at, _) in d.claims() {
            assert_eq!(index.entry(at), Some(n), "{at:?}");
            assert_eq!(index.claim(n), Some(at), "entry {n}");
            n += 1;
        }
        assert_eq!(index.len(), n);
        assert_eq!(index.claim(n), None);
        let past = ClaimAt::new(0, 1, d.sides[0].topics[1].claims.len());
        assert_eq!(index.entry(past), None);
    }

    #[test]
    fn a_slot_gives_back_its_field_and_string() {
        for (i, &kind) in KINDS.iter().enumerate() {
            assert_eq!(kind as usize, i);
            assert_eq!(Field::from_repr(kind as u8), Some(kind));
            assert_eq!(Slot::new(kind, 12345).get(), (kind, 12345));
        }
    }
}
