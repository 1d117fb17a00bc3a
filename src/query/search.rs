//! Fuzzy search over every claim: an index of the searchable fields, the ranked search itself,
//! and a [`Searcher`] that remembers the last query so that typing narrows instead of rescanning.
//!
//! A claim is searched through its fields: its text, speaker and tags, the outlet and title of
//! each source it cites, its topic's neutral title and its side's framing of the topic, and the
//! question of its point. Field strings are interned: the same outlet or topic title is scored
//! once per term, not once per claim. Each term of the query must match some field of a claim;
//! a claim's score is the sum of each term's best field score.

use super::matcher::{MatcherKind, Needle};
use super::pattern::{self, Term};
use crate::format::{ClaimAt, Dispute};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;

/// Where in a claim a search term matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    /// The claim's text.
    Text,
    /// Who made the claim.
    Speaker,
    /// One of its tags.
    Tag,
    /// The outlet of a source it cites.
    Outlet,
    /// The title of a source it cites.
    SourceTitle,
    /// The topic's neutral title.
    Topic,
    /// The side's own title for the topic.
    Framing,
    /// The question of the claim's point.
    Question,
}

impl Field {
    /// True for the fields a claim shares with its whole topic or point: the topic's titles and
    /// the point's question. A match there is one hit, not one per claim.
    pub fn is_topic_level(self) -> bool {
        matches!(self, Field::Topic | Field::Framing | Field::Question)
    }

    /// The field's name in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Text => "text",
            Field::Speaker => "speaker",
            Field::Tag => "tag",
            Field::Outlet => "outlet",
            Field::SourceTitle => "source-title",
            Field::Topic => "topic",
            Field::Framing => "framing",
            Field::Question => "question",
        }
    }
}

/// The searchable fields of every claim of a dispute, built once per loaded dispute. It
/// serialises, so `crate::cache` can keep it for large disputes.
#[derive(Default, Serialize, Deserialize)]
pub struct Index {
    /// Every distinct field string, end to end, so a scan reads memory in order.
    arena: String,
    /// Each string's byte range in `arena`, by string id.
    strings: Vec<(usize, usize)>,
    claims: Vec<ClaimAt>,
    /// Entry `i`'s fields are `fields[starts[i]..starts[i + 1]]`.
    starts: Vec<usize>,
    fields: Vec<(Field, u32)>,
    /// The entry of the first claim of each side's topic: `first[side][topic]`.
    first: Vec<Vec<usize>>,
}

impl Index {
    /// Indexes every claim of every side, in the dispute's order (side, topic, claim).
    pub fn new<'d>(dispute: &'d Dispute) -> Index {
        // Interning hashes every field of every claim, so the hash must be fast; the strings come
        // from other people's files, so it is seeded at random (foldhash) against collisions.
        let mut ids: HashMap<&'d str, u32, foldhash::fast::RandomState> = HashMap::default();
        let mut strings: Vec<(usize, usize)> = Vec::new();
        let mut arena = String::new();
        let mut intern = |s: &'d str| -> u32 {
            *ids.entry(s).or_insert_with(|| {
                strings.push((arena.len(), arena.len() + s.len()));
                arena.push_str(s);
                u32::try_from(strings.len() - 1).unwrap_or(u32::MAX)
            })
        };
        let mut index = Index {
            arena: String::new(),
            strings: Vec::new(),
            claims: Vec::new(),
            starts: vec![0],
            fields: Vec::new(),
            first: Vec::new(),
        };
        for side in &dispute.sides {
            let mut firsts = Vec::new();
            for topic in &side.topics {
                firsts.push(index.claims.len());
                let manifest = dispute.manifest_topic(&topic.id);
                let neutral = manifest.map_or(topic.title.as_str(), |m| m.title.as_str());
                for claim in &topic.claims {
                    let f = &mut index.fields;
                    f.push((Field::Text, intern(&claim.text)));
                    if let Some(s) = &claim.speaker {
                        f.push((Field::Speaker, intern(s)));
                    }
                    for tag in &claim.tags {
                        f.push((Field::Tag, intern(tag)));
                    }
                    for r in &claim.sources {
                        if let Some(src) = side.sources.get(r.index) {
                            f.push((Field::Outlet, intern(&src.outlet)));
                            if let Some(t) = &src.title {
                                f.push((Field::SourceTitle, intern(t)));
                            }
                        }
                    }
                    f.push((Field::Topic, intern(neutral)));
                    if topic.title != neutral {
                        f.push((Field::Framing, intern(&topic.title)));
                    }
                    let question = claim.point.as_deref().and_then(|p| {
                        manifest?
                            .points
                            .iter()
                            .find(|q| q.id == p)?
                            .question
                            .as_deref()
                    });
                    if let Some(q) = question {
                        f.push((Field::Question, intern(q)));
                    }
                    index.starts.push(f.len());
                }
                index
                    .claims
                    .extend((0..topic.claims.len()).map(|c| ClaimAt {
                        side: index.first.len(),
                        topic: firsts.len() - 1,
                        claim: c,
                    }));
            }
            index.first.push(firsts);
        }
        index.strings = strings;
        index.arena = arena;
        index
    }

    /// The number of claims indexed.
    pub fn len(&self) -> usize {
        self.claims.len()
    }

    /// True when the dispute has no claim.
    pub fn is_empty(&self) -> bool {
        self.claims.is_empty()
    }

    /// The entry number of a claim (its rank in the dispute's order).
    pub fn entry(&self, at: ClaimAt) -> Option<usize> {
        let first = *self.first.get(at.side)?.get(at.topic)?;
        let e = first + at.claim;
        (self.claims.get(e) == Some(&at)).then_some(e)
    }

    fn fields(&self, entry: usize) -> &[(Field, u32)] {
        let (Some(&a), Some(&b)) = (self.starts.get(entry), self.starts.get(entry + 1)) else {
            return &[];
        };
        self.fields.get(a..b).unwrap_or_default()
    }

    fn string(&self, id: u32) -> &str {
        // Ids and ranges come from interning, so they are always valid; "" is the fallback.
        self.strings
            .get(id as usize)
            .and_then(|&(a, b)| self.arena.get(a..b))
            .unwrap_or_default()
    }
}

/// One claim that matches the query.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The claim.
    pub claim: ClaimAt,
    /// The sum of each term's best field score; higher ranks first.
    pub score: u32,
    /// The field where the best-scoring term matched.
    pub field: Field,
    /// That field's text (cleaned at load), for snippets.
    pub text: Arc<str>,
    /// How many claims the hit stands for: 1 for a match in the claim's own fields; for a
    /// topic-level hit (its topic's titles, its point's question), every claim found only
    /// through that field, `claim` being the first of them.
    pub claims: usize,
}

impl Hit {
    /// True for a hit through a topic's title or framing or a point's question, which stands
    /// for every claim of its topic or point found that way.
    pub fn is_topic_level(&self) -> bool {
        self.field.is_topic_level()
    }
}

/// A search pattern prepared for one matcher: the parsed terms and their needles.
pub struct Pattern {
    /// The query as typed.
    pub query: String,
    /// Its terms.
    pub terms: Vec<Term>,
    needles: Vec<Box<dyn Needle>>,
}

impl Pattern {
    /// Parses `query` and prepares its terms for `matcher`.
    pub fn new(query: &str, matcher: MatcherKind) -> Pattern {
        let terms = pattern::parse(query);
        let m = matcher.matcher();
        let needles = terms.iter().map(|t| m.prepare(t)).collect();
        Pattern {
            query: query.to_owned(),
            terms,
            needles,
        }
    }

    /// True when the query holds no term: nothing to search for.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The byte ranges of `text` to highlight: every positive term that matches it, widened to
    /// whole grapheme clusters. Works on any text, so a view can highlight the claim it draws.
    pub fn highlight(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        let ranges = self
            .terms
            .iter()
            .zip(&self.needles)
            .filter(|(t, _)| !t.negated)
            .filter_map(|(_, n)| n.indices(text))
            .flat_map(|(_, chars)| super::highlight::grapheme_ranges(text, &chars))
            .collect();
        super::highlight::merge(ranges)
    }

    /// The `candidates` (index entries, ascending) that match every term, in the same order.
    /// Only yes or no per field, no scoring: the cheap test a view runs on every keystroke.
    pub fn matches(&self, index: &Index, candidates: &[usize]) -> Vec<usize> {
        let mut alive = candidates.to_vec();
        for (term, needle) in self.ordered() {
            if alive.is_empty() {
                break;
            }
            let found = per_string(index, &alive, |s| needle.is_match(s).then_some(0));
            alive.retain(|&e| {
                let any = index
                    .fields(e)
                    .iter()
                    .any(|&(_, s)| found.get(s as usize).is_some_and(|&x| x != u32::MAX));
                any != term.negated
            });
        }
        alive
    }

    /// Positive terms first (they narrow most), then negated ones.
    fn ordered(&self) -> impl Iterator<Item = (&Term, &dyn Needle)> {
        let all = || {
            self.terms
                .iter()
                .zip(self.needles.iter().map(|n| n.as_ref()))
        };
        all()
            .filter(|(t, _)| !t.negated)
            .chain(all().filter(|(t, _)| t.negated))
    }

    /// Scores and ranks the `candidates` (index entries, ascending) that match every term: the
    /// one ranking order every view shows. First the claims whose own fields (text, speaker,
    /// tags, sources) hold a term, best first; then the topic-level hits: claims matched only
    /// through their topic's titles or their point's question are folded into one hit per side,
    /// topic, field and text, so a topic's framing counts once, not once per claim. Ties keep
    /// the field order (text first), then the dispute's order.
    pub fn rank(&self, index: &Index, candidates: &[usize]) -> Vec<(usize, Hit)> {
        const NONE: u32 = u32::MAX;
        struct Alive {
            entry: usize,
            score: u32,
            /// True when a positive term matched one of the claim's own fields.
            own: bool,
            /// The best match (score, field, string) among the claim's own fields.
            best_own: (u32, Field, u32),
            /// The best match among the topic-level fields.
            best_topic: (u32, Field, u32),
        }
        let mut alive: Vec<Alive> = candidates
            .iter()
            .map(|&entry| Alive {
                entry,
                score: 0,
                own: false,
                best_own: (0, Field::Text, NONE),
                best_topic: (0, Field::Topic, NONE),
            })
            .collect();
        let mut positive = false;
        for (term, needle) in self.ordered() {
            if alive.is_empty() {
                break;
            }
            positive |= !term.negated;
            let scores = per_string(
                index,
                &alive.iter().map(|a| a.entry).collect::<Vec<_>>(),
                |s| needle.score(s),
            );
            alive.retain_mut(|a| {
                // The first field wins a tie, so the claim's own text comes first.
                let pick = |best: Option<(u32, Field, u32)>, x: (u32, Field, u32)| match best {
                    Some(b) if b.0 >= x.0 => Some(b),
                    _ => Some(x),
                };
                let (mut own, mut topic) = (None, None);
                for &(f, s) in index.fields(a.entry) {
                    let score = scores.get(s as usize).copied().unwrap_or(NONE);
                    if score == NONE {
                        continue;
                    }
                    if f.is_topic_level() {
                        topic = pick(topic, (score, f, s));
                    } else {
                        own = pick(own, (score, f, s));
                    }
                }
                if term.negated {
                    return own.is_none() && topic.is_none();
                }
                let best = match (own, topic) {
                    (Some(o), Some(t)) => o.0.max(t.0),
                    (Some(o), None) => o.0,
                    (None, Some(t)) => t.0,
                    (None, None) => return false,
                };
                a.score = a.score.saturating_add(best);
                if let Some(o) = own {
                    a.own = true;
                    if o.0 > a.best_own.0 || a.best_own.2 == NONE {
                        a.best_own = o;
                    }
                }
                if let Some(t) = topic
                    && (t.0 > a.best_topic.0 || a.best_topic.2 == NONE)
                {
                    a.best_topic = t;
                }
                true
            });
        }
        let hit = |entry: usize, score: u32, field: Field, string: u32, claims: usize| {
            let claim = *index.claims.get(entry)?;
            Some((
                entry,
                Hit {
                    claim,
                    score,
                    field,
                    text: Arc::from(index.string(string)),
                    claims,
                },
            ))
        };
        let mut hits: Vec<(usize, Hit)> = Vec::new();
        // Topic-level hits by (side, topic, field, string): the first claim and how many.
        /// A side's topic, the field and its string.
        type Group = (usize, usize, Field, u32);
        // For each group: its first entry, its score, how many claims.
        let mut groups: HashMap<Group, (usize, u32, usize)> = HashMap::new();
        for a in alive {
            if a.own || !positive {
                let (field, string) = if a.best_own.2 == NONE {
                    // Only negated terms: the claim is shown by its text.
                    let text = index.fields(a.entry).first().map_or(NONE, |&(_, s)| s);
                    (Field::Text, text)
                } else {
                    (a.best_own.1, a.best_own.2)
                };
                hits.extend(hit(a.entry, a.score, field, string, 1));
            } else if let Some(at) = index.claims.get(a.entry) {
                let (_, field, string) = a.best_topic;
                groups
                    .entry((at.side, at.topic, field, string))
                    .and_modify(|g| g.2 += 1)
                    .or_insert((a.entry, a.score, 1));
            }
        }
        let key = |(e, h): &(usize, Hit)| (std::cmp::Reverse(h.score), h.field, *e);
        hits.sort_unstable_by_key(key);
        let mut topics: Vec<(usize, Hit)> = groups
            .into_iter()
            .filter_map(|((_, _, field, string), (entry, score, claims))| {
                hit(entry, score, field, string, claims)
            })
            .collect();
        topics.sort_unstable_by_key(key);
        hits.extend(topics);
        hits
    }
}

/// Runs `score` on every distinct field string of the given entries, using every core; the
/// result is indexed by string id, `u32::MAX` where the string does not match or was not needed.
fn per_string(
    index: &Index,
    entries: &[usize],
    score: impl Fn(&str) -> Option<u32> + Sync,
) -> Vec<u32> {
    // Ascending string ids, so the scan reads the arena in order.
    let needed: Vec<u32> = if entries.len() == index.claims.len() {
        (0..u32::try_from(index.strings.len()).unwrap_or(u32::MAX)).collect()
    } else {
        let mut seen = vec![false; index.strings.len()];
        for &e in entries {
            for &(_, s) in index.fields(e) {
                if let Some(slot) = seen.get_mut(s as usize) {
                    *slot = true;
                }
            }
        }
        (0..u32::try_from(seen.len()).unwrap_or(u32::MAX))
            .filter(|&s| seen.get(s as usize) == Some(&true))
            .collect()
    };
    let found: Vec<(u32, u32)> = needed
        .par_iter()
        .with_min_len(512)
        .filter_map(|&s| Some((s, score(index.string(s))?)))
        .collect();
    let mut scores = vec![u32::MAX; index.strings.len()];
    for (s, score) in found {
        if let Some(slot) = scores.get_mut(s as usize) {
            *slot = score.min(u32::MAX - 1);
        }
    }
    scores
}

/// A search session: the index and the last query with its hits, so that a query that grows by
/// keystrokes searches only the previous hits (see [`pattern::narrows`]).
pub struct Searcher {
    index: Arc<Index>,
    matcher: MatcherKind,
    last: Option<Last>,
}

struct Last {
    query: String,
    candidates: Vec<usize>,
    hits: Vec<usize>,
}

impl Searcher {
    /// Indexes a dispute for searching with `matcher`.
    pub fn new(dispute: &Dispute, matcher: MatcherKind) -> Searcher {
        Searcher {
            index: Arc::new(Index::new(dispute)),
            matcher,
            last: None,
        }
    }

    /// A searcher over an index built earlier (kept by `crate::cache`).
    pub fn from_index(index: Index, matcher: MatcherKind) -> Searcher {
        Searcher {
            index: Arc::new(index),
            matcher,
            last: None,
        }
    }

    /// Forgets the last query, so the next search scans every candidate.
    pub fn forget(&mut self) {
        self.last = None;
    }

    /// The index behind the session.
    pub fn index(&self) -> &Arc<Index> {
        &self.index
    }

    /// The matcher in use.
    pub fn matcher(&self) -> MatcherKind {
        self.matcher
    }

    /// The `candidates` (entries, ascending) that match `query`, ascending, unscored. When the
    /// last search had the same candidates and `query` extends its query, only its hits are
    /// searched again.
    pub fn search(&mut self, query: &str, candidates: &[usize]) -> (Pattern, Vec<usize>) {
        let pattern = Pattern::new(query, self.matcher);
        let narrowed = self
            .last
            .as_ref()
            .filter(|last| pattern::narrows(&last.query, query) && last.candidates == candidates);
        let hits = match narrowed {
            Some(last) => pattern.matches(&self.index, &last.hits),
            None => pattern.matches(&self.index, candidates),
        };
        self.last = Some(Last {
            query: query.to_owned(),
            candidates: candidates.to_vec(),
            hits: hits.clone(),
        });
        (pattern, hits)
    }

    /// Ranks every claim of the dispute that `keep` accepts and that matches `query`, best
    /// first, with no session state: what `parallax search` prints.
    pub fn search_all(&self, query: &str, keep: impl Fn(ClaimAt) -> bool) -> (Pattern, Vec<Hit>) {
        let pattern = Pattern::new(query, self.matcher);
        let candidates: Vec<usize> = (0..self.index.len())
            .filter(|&e| self.index.claims.get(e).is_some_and(|&at| keep(at)))
            .collect();
        let hits = pattern.matches(&self.index, &candidates);
        let ranked = pattern.rank(&self.index, &hits);
        (pattern, ranked.into_iter().map(|(_, h)| h).collect())
    }
}
