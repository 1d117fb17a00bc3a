//! A one-shot search over a loaded dispute, without an index: what a cold `parallax search`
//! runs once before it exits.
//!
//! Building the index (every prose field split into words and each word interned, 2.2 million
//! words at 100,000 claims) costs more than searching once, so here each claim's fields are
//! tested against the query's terms directly, on every core. A word is matched once per thread
//! (a memo by distinct word), and a word too short for any term is passed over unmatched. A
//! field many claims share (a source's outlet and title, a topic's titles, a point's question)
//! is matched once, the prose ones word by word through the same memo: their words repeat.
//! The ranking is the index's (`super::rank`): the same query gives the same hits in the same
//! order as [`super::Searcher::search_all`].

use super::rank::{self, Alive};
use super::search::{Field, Hit, Located, NO, Pattern, Prepared, cell, columns};
use super::words::{self, Compound};
use crate::format::{Claim, ClaimAt, Dispute, Side};
use rayon::prelude::*;
use std::collections::HashMap;

/// Each term's typos in one field, in the pattern's term order (`None`: no match).
type PerTerm = Vec<Option<u8>>;

/// Ranks every claim of `dispute` that `keep` accepts and that matches `pattern`, best first.
/// Each hit's text is the dispute's own string.
pub fn rank<'d>(
    pattern: &Pattern,
    dispute: &'d Dispute,
    keep: impl Fn(ClaimAt, &Claim) -> bool + Sync,
) -> Vec<Hit<Located<'d>>> {
    let terms: Vec<&Prepared> = pattern.ordered().collect();
    let positive = terms.iter().any(|p| !p.term.negated);
    let search = OneShot::new(&terms, dispute);
    let claims = Numbered::new(dispute);
    // Where each side's claims start, and how many it has, for each hit's `tie::tie`.
    let sides: Vec<(usize, usize)> = (0..dispute.sides.len())
        .scan(0, |start, s| {
            let len = dispute.claim_count(s);
            *start += len;
            Some((*start - len, len))
        })
        .collect();
    let places = rank::Places {
        claim: |e: usize| claims.at(e).map(|(at, _)| at),
        tie: |e: usize| {
            let side = sides
                .partition_point(|&(start, _)| start <= e)
                .saturating_sub(1);
            sides
                .get(side)
                .map_or(0, |&(start, len)| super::tie::tie(e - start, len))
        },
        text: |s: Located<'d>| s,
        own_text: |e: usize| claims.at(e).map(|(_, c)| Located::text(&c.text)),
    };
    // A few chunks per core, each with its memo: enough to even out the cores' loads, few
    // enough that each distinct word is matched only a few times. Each chunk's claims that
    // match become rows there, on its core, while the claim is at hand.
    let chunk = claims.count / (4 * rayon::current_num_threads()) + 1;
    let chunks: Vec<usize> = (0..claims.count).step_by(chunk).collect();
    let rows: Vec<rank::Rows<Located>> = chunks
        .par_iter()
        .map(|&from| {
            let mut memo = Memo::default();
            let mut rows = rank::Rows::with_capacity(chunk);
            for (entry, at, claim) in claims.from(from).take(chunk) {
                if keep(at, claim)
                    && let Some(a) = search.claim(&mut memo, entry, at, claim)
                {
                    rows.add(a, positive, &places);
                }
            }
            rows
        })
        .collect();
    rank::Rows::concat(rows)
        .hits(&places)
        .into_iter()
        .map(|(_, h)| h)
        .collect()
}

/// The dispute's claims by number (side by side, topic by topic, in file order, as the
/// dispute numbers them): no list of every claim is made.
struct Numbered<'d> {
    dispute: &'d Dispute,
    count: usize,
}

impl<'d> Numbered<'d> {
    fn new(dispute: &'d Dispute) -> Self {
        Numbered {
            dispute,
            count: dispute.claims_in_all(),
        }
    }

    /// Claim number `n`: its place and the claim.
    fn at(&self, n: usize) -> Option<(ClaimAt, &'d Claim)> {
        self.dispute.numbered_claim(n)
    }

    /// The claims from number `n` on, each with its number and place.
    fn from(&self, n: usize) -> impl Iterator<Item = (usize, ClaimAt, &'d Claim)> + '_ {
        let start = self.at(n).map(|(at, _)| at);
        let sides = &self.dispute.sides;
        start
            .into_iter()
            .flat_map(move |start| {
                sides
                    .iter()
                    .enumerate()
                    .skip(start.side())
                    .flat_map(move |(s, side)| {
                        let first = if s == start.side() { start.topic() } else { 0 };
                        side.topics
                            .iter()
                            .enumerate()
                            .skip(first)
                            .flat_map(move |(t, topic)| {
                                let skip = if (s, t) == (start.side(), start.topic()) {
                                    start.claim()
                                } else {
                                    0
                                };
                                topic
                                    .claims
                                    .iter()
                                    .enumerate()
                                    .skip(skip)
                                    .map(move |(claim, c)| (ClaimAt::new(s, t, claim), c))
                            })
                    })
            })
            .zip(n..)
            .map(|((at, c), number)| (number, at, c))
    }
}

/// The query's terms and what is matched once for the whole dispute.
struct OneShot<'p, 'd> {
    dispute: &'d Dispute,
    terms: &'p [&'p Prepared],
    /// Where each term's words start in a memoised word's row (`None`: a term without words).
    offsets: Vec<Option<usize>>,
    /// The length of a word's row: every term's cells ([`columns`]).
    width: usize,
    /// The terms that may be found split in two words ([`words::Words::split`]), by index:
    /// the text's words are watched for their heads as they are read.
    splits: Vec<(usize, &'p words::Words)>,
    /// Two positive terms of words or more: how close they sit is measured (see
    /// [`OneShot::narrow`]); decided once, not for every claim.
    near: bool,
    /// The query's one positive term is of words: where it first matches best in a claim's
    /// text is the place a snippet of the text centres on ([`super::Highlighter::focus`], for a
    /// lone term the first of its cheapest matches, as here), so it is kept with the hit.
    carry: bool,
    /// No term word matches a word of fewer bytes than this.
    shortest: usize,
    /// Per side: how the terms match its sources' outlets and titles.
    sources: Vec<SourceMatches>,
    /// Per manifest topic: its points' questions.
    questions: Vec<Questions<'d>>,
    /// Per side: each topic's fields shared by its claims.
    topics: Vec<Vec<TopicFields<'d>>>,
}

/// How each term matches each source of a side, a row of terms per source (a table in one
/// piece: a claim's sources are looked up in it, and the source itself is read only when it
/// matches).
#[derive(Default)]
struct SourceMatches {
    outlet: Vec<Option<u8>>,
    title: Vec<Option<u8>>,
}

/// A topic's fields that its claims share: its neutral title, the side's framing when it
/// differs, and (through its manifest topic) its points' questions.
struct TopicFields<'d> {
    neutral: (&'d str, PerTerm),
    framing: Option<(&'d str, PerTerm)>,
    /// Its manifest topic, as a place in [`OneShot::questions`].
    manifest: Option<usize>,
}

/// A manifest topic's points by id: the question of the first point of that id, if it has one.
type Questions<'d> = foldhash::HashMap<&'d str, Option<(&'d str, PerTerm)>>;

/// A word as the memo's key: compared in at most two loads of eight bytes when it has 8 to 16
/// (most of the words a term is matched against), not through a call to `memcmp`, and hashed
/// by its bytes alone. The memo looks up a million words at 100,000 claims.
#[derive(Clone, Copy)]
struct Word<'d>(&'d str);

impl PartialEq for Word<'_> {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (self.0.as_bytes(), other.0.as_bytes());
        let n = a.len();
        if n != b.len() {
            return false;
        }
        if !(8..=16).contains(&n) {
            return a == b;
        }
        // The first eight bytes and the last eight (overlapping when shorter than 16).
        let eight = |s: &[u8], at: usize| {
            s.get(at..at + 8)
                .and_then(|e| <[u8; 8]>::try_from(e).ok())
                .map(u64::from_le_bytes)
        };
        eight(a, 0) == eight(b, 0) && eight(a, n - 8) == eight(b, n - 8)
    }
}

impl Eq for Word<'_> {}

impl std::hash::Hash for Word<'_> {
    #[inline]
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write(self.0.as_bytes());
    }
}

/// A word of a claim's text with no row in the memo: too short for any term word.
const NO_ROW: u32 = u32::MAX;

/// Matches already made by one thread: short fields by text, prose words by word.
#[derive(Default)]
struct Memo<'d> {
    /// A short field's (or a note's: `true`) row in `short_table`.
    shorts: HashMap<(&'d str, bool), usize, foldhash::fast::RandomState>,
    /// Per memoised short field, one entry per term: its typos.
    short_table: Vec<Option<u8>>,
    /// A word's row in `table`.
    words: HashMap<Word<'d>, usize, foldhash::fast::RandomState>,
    /// Per memoised word, `width` entries: how each term word matches it (typos, or [`NO`]).
    table: Vec<u8>,
    /// The claim at hand: its text's words' rows ([`NO_ROW`] for a word too short for any
    /// term), its short fields with their rows, and its
    /// fields as one term matched them (kept from claim to claim to reuse their memory).
    rows: Vec<u32>,
    /// Where each of those words starts in the text, when [`OneShot::carry`].
    starts: Vec<u32>,
    /// The compounds of terms found split in the claim's text: (term, first word, compound).
    split: Vec<(usize, usize, Compound)>,
    /// Per term, the chars of it the word just read took as a split's head, and where that
    /// word ends in the text.
    heads: Vec<Option<(usize, usize)>>,
    claim_shorts: Vec<(Field, &'d str, usize)>,
    fields: Vec<(Field, &'d str, Option<u8>)>,
}

impl<'p, 'd> OneShot<'p, 'd> {
    fn new(terms: &'p [&'p Prepared], dispute: &'d Dispute) -> Self {
        let mut offsets = Vec::new();
        let mut width = 0;
        let mut shortest = usize::MAX;
        for p in terms {
            offsets.push(p.words.as_ref().map(|w| {
                shortest = shortest.min(w.shortest());
                width += columns(w);
                width - columns(w)
            }));
        }
        let mut search = OneShot {
            dispute,
            questions: Vec::new(),
            near: terms
                .iter()
                .filter(|p| p.words.is_some() && !p.term.negated)
                .count()
                > 1,
            carry: {
                let mut positive = terms.iter().filter(|p| !p.term.negated);
                positive.next().is_some_and(|p| p.words.is_some()) && positive.next().is_none()
            },
            splits: terms
                .iter()
                .enumerate()
                .filter_map(|(i, p)| Some((i, p.words.as_ref().filter(|w| w.split)?)))
                .collect(),
            terms,
            offsets,
            width,
            shortest,
            sources: Vec::new(),
            topics: Vec::new(),
        };
        search.sources = search.sources();
        search.questions = search.questions();
        search.topics = search.topics();
        search
    }

    /// Per side: how the terms match its sources' outlets and titles.
    fn sources(&self) -> Vec<SourceMatches> {
        self.dispute
            .sides
            .par_iter()
            .map(|side| {
                let mut m = SourceMatches::default();
                let mut memo = Memo::default();
                // An outlet is matched once: many sources share one.
                let mut outlets: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
                let width = self.terms.len();
                for s in &side.sources {
                    let at = m.outlet.len();
                    match outlets.get(s.outlet.as_str()) {
                        Some(&first) => m.outlet.extend_from_within(first..first + width),
                        None => {
                            outlets.insert(&s.outlet, at);
                            m.outlet.extend(self.field_typos(&s.outlet, false));
                        }
                    }
                    match s.title.as_deref() {
                        Some(t) => m.title.extend(self.prose(&mut memo, t)),
                        None => m.title.extend(std::iter::repeat_n(None, width)),
                    }
                }
                m
            })
            .collect()
    }

    /// Each manifest topic's questions, by point id (the first point of an id counts).
    fn questions(&self) -> Vec<Questions<'d>> {
        self.dispute
            .manifest_topics
            .par_iter()
            .map_init(Memo::default, |memo, m| {
                m.questions_by_point()
                    .into_iter()
                    .map(|(id, q)| (id, q.map(|t| (t, self.prose(memo, t)))))
                    .collect()
            })
            .collect()
    }

    /// Per side, each topic's fields shared by its claims.
    fn topics(&self) -> Vec<Vec<TopicFields<'d>>> {
        let dispute = self.dispute;
        dispute
            .sides
            .iter()
            .map(|side| {
                side.topics
                    .par_iter()
                    .map_init(Memo::default, |memo, topic| {
                        let at = dispute.manifest_topic_index(&topic.id);
                        let manifest = at.and_then(|i| dispute.manifest_topics.get(i));
                        let neutral = manifest.map_or(topic.title.as_str(), |m| m.title.as_str());
                        let framing = (topic.title != neutral)
                            .then(|| (topic.title.as_str(), self.prose(memo, &topic.title)));
                        TopicFields {
                            neutral: (neutral, self.prose(memo, neutral)),
                            framing,
                            manifest: at,
                        }
                    })
                    .collect()
            })
            .collect()
    }

    /// How each term matches `text` as one field, matched whole (a short field, or a note as
    /// prose: `prose`), in the terms' order: typos, or `None`.
    fn field_typos<'t>(
        &'t self,
        text: &'t str,
        prose: bool,
    ) -> impl Iterator<Item = Option<u8>> + 't {
        self.terms
            .iter()
            .map(move |p| p.typos_in(text, prose).map(|t| t.min(NO - 1)))
    }

    /// How each term matches a prose field a topic's or a source's claims share (a title, a
    /// framing, a question), its words read through `memo` as a claim's text is: such fields
    /// repeat their words, and each distinct word is matched once per thread.
    fn prose(&self, memo: &mut Memo<'d>, text: &'d str) -> PerTerm {
        self.read_words(memo, text);
        (0..self.terms.len())
            .map(|i| self.text_match(memo, i, text).map(|(t, _)| t))
            .collect()
    }

    /// One claim against every term: the claim as ranking sees it, or `None` when a term rules
    /// it out.
    fn claim(
        &self,
        memo: &mut Memo<'d>,
        entry: usize,
        at: ClaimAt,
        claim: &'d Claim,
    ) -> Option<Alive<Located<'d>>> {
        self.read_words(memo, &claim.text);
        // The short fields (speaker, tags, note), each with its row: in the memo's scratch.
        let mut shorts = std::mem::take(&mut memo.claim_shorts);
        shorts.clear();
        if let Some(s) = claim.speaker.as_deref() {
            shorts.push((Field::Speaker, s, memo.short(self, s, false)));
        }
        for t in &claim.tags {
            shorts.push((Field::Tag, t.as_str(), memo.short(self, t, false)));
        }
        // A note is prose, matched by its words; many claims may share one (a fact-checker's
        // verdict), so it is matched once per thread too.
        if let Some(n) = super::index::note(claim) {
            shorts.push((Field::Note, n, memo.short(self, n, true)));
        }
        memo.claim_shorts = shorts;
        let mut fields = std::mem::take(&mut memo.fields);
        let alive = self.judge(memo, &mut fields, entry, at, claim);
        memo.fields = fields;
        alive
    }

    /// Reads `text`'s words into the memo's scratch: each word's row in the memo
    /// ([`NO_ROW`] for a word too short for any term), and the compounds of the terms found
    /// split in two.
    fn read_words(&self, memo: &mut Memo<'d>, text: &'d str) {
        let (mut rows, mut starts, mut split, mut heads) = (
            std::mem::take(&mut memo.rows),
            std::mem::take(&mut memo.starts),
            std::mem::take(&mut memo.split),
            std::mem::take(&mut memo.heads),
        );
        rows.clear();
        starts.clear();
        split.clear();
        heads.clear();
        heads.resize(self.terms.len(), None);
        let mut pending = false;
        if self.width > 0 {
            // Four bytes a word, not sixteen: a claim may hold millions of words.
            words::each_word(text, |range, w| {
                let at = rows.len();
                let row = memo.row(self, w).and_then(|r| u32::try_from(r).ok());
                rows.push(row.unwrap_or(NO_ROW));
                if self.carry {
                    starts.push(u32::try_from(range.start).unwrap_or(u32::MAX));
                }
                // Most words neither follow a head nor may be one: only those are read again.
                if !self.splits.is_empty()
                    && (pending || self.splits.iter().any(|(_, s)| s.may_head(w)))
                {
                    pending = self.split_words(w, (text, range, at), &mut heads, &mut split);
                }
            });
        }
        (memo.rows, memo.starts, memo.split, memo.heads) = (rows, starts, split, heads);
    }

    /// How term `i` matches the text whose words were read last ([`OneShot::read_words`]): its
    /// typos and the index of its first word (0 for a term without words).
    fn text_match(&self, memo: &Memo<'d>, i: usize, text: &str) -> Option<(u8, usize)> {
        let p = self.terms.get(i)?;
        match (p.words.as_ref(), self.offsets.get(i).copied().flatten()) {
            (Some(w), Some(offset)) => w
                .find_in(
                    memo.rows.len(),
                    |word, j| self.cell_at(memo, offset, word, j),
                    self.compounds(memo, i, w, offset),
                )
                .map(|(t, at)| (t.min(NO - 1), at)),
            _ => p.typos_in(text, true).map(|t| (t.min(NO - 1), 0)),
        }
    }

    /// [`OneShot::claim`], once the memo holds the claim's words and short fields.
    fn judge(
        &self,
        memo: &Memo<'d>,
        fields: &mut Vec<(Field, &'d str, Option<u8>)>,
        entry: usize,
        at: ClaimAt,
        claim: &'d Claim,
    ) -> Option<Alive<Located<'d>>> {
        let side: &Side = self.dispute.sides.get(at.side())?;
        let topic = self.topics.get(at.side())?.get(at.topic())?;
        let sources = self.sources.get(at.side())?;
        let text = claim.text.as_str();
        let question = claim
            .point
            .as_deref()
            .and_then(|p| self.questions.get(topic.manifest?)?.get(p)?.as_ref());
        let mut alive = Alive::new(entry);
        for (i, p) in self.terms.iter().enumerate() {
            let in_text = self.text_match(memo, i, text);
            let of = |per: &PerTerm| per.get(i).copied().flatten();
            let width = self.terms.len();
            // Only the fields that match are listed: the best of them is wanted.
            fields.clear();
            if let Some((t, _)) = in_text {
                fields.push((Field::Text, text, Some(t)));
            }
            for &(f, s, row) in &memo.claim_shorts {
                let t = memo.short_table.get(row * width + i).copied().flatten();
                if t.is_some() {
                    fields.push((f, s, t));
                }
            }
            for r in &claim.sources {
                let at = r.index * width + i;
                let outlet = sources.outlet.get(at).copied().flatten();
                let title = sources.title.get(at).copied().flatten();
                if outlet.is_none() && title.is_none() {
                    continue;
                }
                let Some(src) = side.sources.get(r.index) else {
                    continue;
                };
                if outlet.is_some() {
                    fields.push((Field::Outlet, src.outlet.as_str(), outlet));
                }
                if let (Some(t), Some(_)) = (src.title.as_deref(), title) {
                    fields.push((Field::SourceTitle, t, title));
                }
            }
            let topic_fields = [
                Some((Field::Topic, topic.neutral.0, of(&topic.neutral.1))),
                topic
                    .framing
                    .as_ref()
                    .map(|(s, per)| (Field::Framing, *s, of(per))),
                question.map(|(s, per)| (Field::Question, *s, of(per))),
            ];
            fields.extend(topic_fields.into_iter().flatten().filter(|f| f.2.is_some()));
            if p.ids.iter().any(|id| *id == claim.id.as_str()) {
                fields.push((Field::Id, claim.id.as_str(), Some(0)));
            }
            // Where the text's match starts, for its snippet: known here for the query's one
            // term (see `OneShot::carry`).
            let text_at = in_text
                .filter(|_| self.carry)
                .and_then(|(_, word)| memo.starts.get(word).copied());
            let (own, top) = rank::best_of(fields.iter().map(|&(f, s, t)| {
                let at = text_at.filter(|_| f == Field::Text);
                (f, Located { text: s, at }, t)
            }));
            if p.term.negated {
                if own.is_some() || top.is_some() {
                    return None;
                }
                continue;
            }
            // Where in the text, for proximity: only a term of words has a place there.
            let place = in_text.filter(|_| p.words.is_some()).map(|(_, at)| at);
            if !alive.add(own, top, place) {
                return None;
            }
        }
        self.narrow(memo, &mut alive);
        Some(alive)
    }

    /// How the term word `j` of the term whose cells start at `offset` matches the claim's
    /// `word`th word, from the memo: typos (and no length: ranking needs none), or `None`.
    fn cell_at(
        &self,
        memo: &Memo<'d>,
        offset: usize,
        word: usize,
        j: usize,
    ) -> Option<(u8, usize)> {
        let row = *memo.rows.get(word).filter(|&&r| r != NO_ROW)? as usize;
        let t = *memo.table.get(row * self.width + offset + j)?;
        (t != NO).then_some((t, 0))
    }

    /// The compounds of term `i` (words `w`, its cells at `offset`) in the claim's text, in
    /// order, with their first words: its several words written together in one (that word's
    /// cell), or its one word split in two (found as the words were read,
    /// [`OneShot::split_words`]).
    fn compounds<'m>(
        &'m self,
        memo: &'m Memo<'d>,
        i: usize,
        w: &'m words::Words,
        offset: usize,
    ) -> impl Iterator<Item = (usize, Compound)> + 'm {
        let n = w.words.len();
        let joined = (n > 1 && w.has_compounds()).then(|| {
            memo.rows.iter().enumerate().filter_map(move |(at, &row)| {
                let cost = *memo
                    .table
                    .get((row != NO_ROW).then_some(row as usize)? * self.width + offset + n)?;
                let len = w.joined.as_ref().map_or(0, Vec::len);
                (cost != NO).then_some((at, Compound { cost, span: 1, len }))
            })
        });
        let split = memo
            .split
            .iter()
            .filter(move |&&(term, _, _)| term == i)
            .map(|&(_, at, c)| (at, c));
        joined.into_iter().flatten().chain(split)
    }

    /// Reads the text's word `word`, the `at`th, for each term that may be found split in two
    /// ([`words::Words::split`]): the rest of a term whose head the word before was, into
    /// `split` as (term, first word, compound); and whether it is a head itself, into `heads`.
    /// A word is read only when it follows a head or may be one by its first two chars. True
    /// when the word is a head of some term.
    fn split_words(
        &self,
        word: &str,
        (text, range, at): (&str, std::ops::Range<usize>, usize),
        heads: &mut [Option<(usize, usize)>],
        split: &mut Vec<(usize, usize, Compound)>,
    ) -> bool {
        let mut any = false;
        for &(i, w) in &self.splits {
            let Some(head) = heads.get_mut(i) else {
                continue;
            };
            // Only a space or a hyphen between a head and the rest (`words::joins`).
            let tail = head
                .take()
                .filter(|&(_, end)| words::joins(text.get(end..range.start).unwrap_or_default()))
                .map(|(k, _)| k);
            if tail.is_none() && !w.may_head(word) {
                continue;
            }
            let chars = words::chars(word, w.fold);
            if let Some(k) = tail
                && let Some((cost, len)) = w.split_tail(k, &chars)
            {
                let compound = Compound { cost, span: 2, len };
                split.push((i, at.saturating_sub(1), compound));
            }
            *head = w.split_head(&chars).map(|k| (k, range.end));
            any |= head.is_some();
        }
        any
    }

    /// With two or more terms of words in the claim's text, measures how close they sit by
    /// every place of each, not only its first (see [`Alive::narrow`]).
    fn narrow(&self, memo: &Memo<'d>, alive: &mut Alive<Located<'d>>) {
        if !self.near {
            return;
        }
        let rows = &memo.rows;
        let mut places: Vec<Vec<usize>> = Vec::new();
        for (i, p) in self.terms.iter().enumerate() {
            let (Some(w), Some(offset)) =
                (p.words.as_ref(), self.offsets.get(i).copied().flatten())
            else {
                continue;
            };
            if p.term.negated {
                continue;
            }
            let mut starts = Vec::new();
            w.starts_in(
                rows.len(),
                |word, j| self.cell_at(memo, offset, word, j),
                self.compounds(memo, i, w, offset),
                &mut starts,
            );
            if !starts.is_empty() {
                places.push(starts);
            }
        }
        if places.len() > 1 {
            alive.narrow(&places);
        }
    }
}

impl<'d> Memo<'d> {
    /// A short field's row in the short table (a note's, matched as prose: `prose`), matched
    /// once per thread.
    fn short(&mut self, search: &OneShot<'_, 'd>, text: &'d str, prose: bool) -> usize {
        if let Some(&row) = self.shorts.get(&(text, prose)) {
            return row;
        }
        let row = self.short_table.len() / search.terms.len().max(1);
        self.short_table.extend(search.field_typos(text, prose));
        self.shorts.insert((text, prose), row);
        row
    }

    /// A prose word's row in the table, matched against every term word once per thread;
    /// `None` for a word too short for any of them.
    fn row(&mut self, search: &OneShot<'_, 'd>, word: &'d str) -> Option<usize> {
        if word.len() < search.shortest {
            return None;
        }
        if let Some(&row) = self.words.get(&Word(word)) {
            return Some(row);
        }
        let row = self.table.len() / search.width.max(1);
        let (mut folded, mut exact) = (None, None);
        for p in search.terms {
            let Some(w) = &p.words else { continue };
            let chars = if w.fold { &mut folded } else { &mut exact };
            let chars: &Vec<char> = chars.get_or_insert_with(|| words::chars(word, w.fold));
            self.table
                .extend((0..columns(w)).map(|c| cell(w, chars, c)));
        }
        self.words.insert(Word(word), row);
        Some(row)
    }
}
