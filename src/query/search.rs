//! Search over every claim: an index of the searchable fields, the ranked search itself, and a
//! [`Searcher`] that remembers the last query so that typing narrows instead of rescanning.
//!
//! A claim is searched through its fields: its text, speaker and tags, the outlet and title of
//! each source it cites, its topic's neutral title and its side's framing of the topic, and the
//! question of its point. Field strings are interned: the same outlet or topic title is matched
//! once per term, not once per claim. Prose fields (text, titles, framing, question) are also
//! split into words with a vocabulary, so a plain term is matched once per distinct word
//! (`super::words`); short fields (speaker, tags, outlet) keep letters-in-order matching too.
//! Each term of the query must match some field of a claim.

pub use super::field::Field;
use super::hit::indexed;
pub use super::hit::{Focused, Hit, HitText, Located};
use super::index::{Index, WordIds};
use super::matcher::{MatcherKind, Needle};
use super::pattern::{self, Term, TermKind};
use super::rank::{self, Alive};
use super::words::{self, Words};
use crate::format::{ClaimAt, Dispute};
use rayon::prelude::*;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

/// How many claims a search found, for a header or a summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Claims matched through their own fields (text, speaker, tags, sources).
    pub claims: usize,
    /// Of those, the claims matched only through a typo.
    pub typo_only: usize,
    /// Claims matched only through their topic's titles or their point's question.
    pub topic_only: usize,
}

/// "no" where a string does not match a term.
pub(super) const NO: u8 = u8::MAX;

/// The cells a term's table holds for one word of text: one per term word, then for a term
/// with compounds ([`Words::has_compounds`]) one more: for a term of one word, the chars the
/// word takes as its head split in two ([`Words::split_head`]); for a term of several, how they
/// match the word written together ([`Words::joined_match`]). The index's tables and a
/// one-shot search's memo are laid out so.
pub(super) fn columns(w: &Words) -> usize {
    w.words.len() + usize::from(w.has_compounds())
}

/// The cell of column `column` ([`columns`]) for `word` (as [`words::chars`] gives it): typos,
/// a head's length, or [`NO`].
pub(super) fn cell(w: &Words, word: &[char], column: usize) -> u8 {
    let n = w.words.len();
    let found = match column.checked_sub(n) {
        None => w.word_match(column, word).map(|(t, _)| t),
        Some(_) if n > 1 => w.joined_match(word).map(|(t, _)| t),
        Some(_) => w.split_head(word).and_then(|k| u8::try_from(k).ok()),
    };
    found.filter(|&t| t != NO).unwrap_or(NO)
}

/// Every compound ([`words::Compound`]) of a term in a prose string's word ids, in order, with
/// its first word: none for a term without them ([`compound_in_ids`]).
fn compounds_in_ids<'a, T>(
    w: &'a Words,
    string: (&'a Index, &'a str),
    table: &'a [u8],
    ids: &'a [T],
    id: impl Fn(&T) -> usize + Copy + 'a,
) -> impl Iterator<Item = (usize, words::Compound)> + 'a {
    let places = if w.has_compounds() { ids.len() } else { 0 };
    (0..places).filter_map(move |at| Some((at, compound_in_ids(w, string, table, ids, id, at)?)))
}

/// The compound ([`words::Compound`]) at the `at`th of a prose string's word ids, read from a
/// term's table of the index's vocabulary ([`columns`]): written together in the word, or split
/// with its head there and its rest the next word (read from the vocabulary: heads are few).
fn compound_in_ids<T>(
    w: &Words,
    (index, text): (&Index, &str),
    table: &[u8],
    ids: &[T],
    id: impl Fn(&T) -> usize,
    at: usize,
) -> Option<words::Compound> {
    let (n, width) = (w.words.len(), columns(w));
    let v = id(ids.get(at)?);
    let here = *table.get(v * width + n)?;
    if here == NO {
        return None;
    }
    if n > 1 {
        let len = w.joined.as_ref().map_or(0, Vec::len);
        return Some(words::Compound {
            cost: here,
            span: 1,
            len,
        });
    }
    let k = here;
    let next = index.vocab().get(id(ids.get(at + 1)?))?;
    let (cost, len) = w.split_tail(usize::from(k), &words::chars(next, w.fold))?;
    // Only a space or a hyphen between the two: the string's words are its word ids, in order.
    let mut ranges = words::word_ranges(text).skip(at).map(|(r, _)| r);
    let (first, second) = (ranges.next()?, ranges.next()?);
    words::joins(text.get(first.end..second.start)?).then_some(words::Compound {
        cost,
        span: 2,
        len,
    })
}

/// The most words apart two letters of a term may be when matched in order in a short field:
/// the next word, or the one after.
const MOST_WORDS_APART: usize = 2;

/// Short words that initials pass over (`Ministry of External Affairs` is `mea`); after the
/// first letter they may give one too (`Department of Justice` is `doj`).
const PASSED_OVER: &[&str] = &[
    "a", "an", "and", "at", "de", "for", "in", "of", "on", "the", "to",
];

/// Articles: passed over, never a letter of initials (`aca` is no "a campaign ad").
const ARTICLES: &[&str] = &["a", "an", "the"];

/// Whether a word may give a letter of initials.
#[derive(Clone, Copy)]
enum Gives {
    Always,
    /// A short word initials pass over: not the first letter.
    AfterFirst,
    /// An article, or a word in lower case in a field that writes capitals.
    Never,
}

/// One term, prepared: the matcher's needle (short fields, and the literal kinds everywhere)
/// and, for plain terms and phrases, its words.
pub(super) struct Prepared {
    pub(super) term: Term,
    pub(super) needle: Box<dyn Needle>,
    pub(super) words: Option<Words>,
    /// The claim ids the term may be, typed whole (`liar-1685`, `^liar-1685$`, `"liar-1685"`),
    /// with or without punctuation pasted around it ([`Term::ids`]).
    pub(super) ids: Vec<String>,
}

impl Prepared {
    fn new(term: &Term, matcher: MatcherKind) -> Prepared {
        let fold = !term.case_sensitive;
        let words = match term.kind {
            // A word left out is left out as written, as the start of a word or in another
            // inflection (`!taxes` drops "tax"), never through a typo: `obama !osama` keeps
            // the claims that say Obama.
            TermKind::Word => Words::new(&term.text, fold, !term.negated, true, true),
            TermKind::Phrase { open } => Words::new(&term.text, fold, false, open, false),
            _ => None,
        };
        // A plain term of punctuation alone (`--`) holds no word: it is found as written.
        let mut term = term.clone();
        if term.kind == TermKind::Word && words.is_none() {
            term.kind = TermKind::Substring;
        }
        Prepared {
            needle: matcher.matcher().prepare(&term),
            ids: term.ids(),
            term,
            words,
        }
    }

    /// The entries of the claims whose id the term may be ([`Prepared::ids`]).
    fn entries_of_ids(&self, index: &Index) -> Vec<usize> {
        self.ids
            .iter()
            .filter_map(|id| index.entry_of_id(id))
            .collect()
    }

    /// For each vocabulary word, its [`cell`]s for the term: entry `v * columns + c` for
    /// vocabulary word `v` and column `c` (see [`columns`]). Empty without words.
    fn table(&self, index: &Index) -> Vec<u8> {
        let Some(w) = &self.words else {
            return Vec::new();
        };
        let width = columns(w);
        index
            .vocab()
            .par_iter()
            .with_min_len(256)
            .flat_map_iter(|v| {
                let chars = words::chars(v, w.fold);
                (0..width).map(move |c| cell(w, &chars, c))
            })
            .collect()
    }

    /// Where the term's words sit in the words of prose string `s`: typos and the first
    /// word's index.
    fn in_tokens(&self, index: &Index, table: &[u8], s: u32) -> Option<(u8, usize)> {
        let string = (index, index.string(s));
        // One loop per width of word ids, so the scan does not ask the width at every word.
        match index.tokens(s) {
            WordIds::Narrow(t) => self.in_ids(string, table, t, |&v| usize::from(v)),
            WordIds::Wide(t) => self.in_ids(string, table, t, |&v| v as usize),
        }
    }

    /// Every place where the term's words sit in a prose string's words (see
    /// [`Words::starts_in`]), into `out`.
    fn starts_in_tokens(&self, index: &Index, table: &[u8], s: u32, out: &mut Vec<usize>) {
        let string = (index, index.string(s));
        let Some(w) = self.words.as_ref() else {
            out.clear();
            return;
        };
        let width = columns(w);
        let at = |v: usize, i: usize| {
            let t = *table.get(v * width + i)?;
            (t != NO).then_some((t, 0))
        };
        match index.tokens(s) {
            WordIds::Narrow(t) => w.starts_in(
                t.len(),
                |k, i| at(usize::from(*t.get(k)?), i),
                compounds_in_ids(w, string, table, t, |&v| usize::from(v)),
                out,
            ),
            WordIds::Wide(t) => w.starts_in(
                t.len(),
                |k, i| at(*t.get(k)? as usize, i),
                compounds_in_ids(w, string, table, t, |&v| v as usize),
                out,
            ),
        }
    }

    fn in_ids<T>(
        &self,
        string: (&Index, &str),
        table: &[u8],
        ids: &[T],
        id: impl Fn(&T) -> usize,
    ) -> Option<(u8, usize)> {
        let w = self.words.as_ref()?;
        let width = columns(w);
        w.find_in(
            ids.len(),
            |at, i| {
                let v = id(ids.get(at)?);
                let t = *table.get(v * width + i)?;
                (t != NO).then_some((t, 0))
            },
            compounds_in_ids(w, string, table, ids, &id),
        )
    }

    /// Whether the term matches string `s` of the index, and with how many typos, for the
    /// filter a view runs on every key: a piece of text's whole-word test ([`Prepared::typos_in`])
    /// only ranks, so it is left to the ranking.
    fn found(&self, index: &Index, table: &[u8], s: u32) -> Option<u8> {
        match self.words {
            None => self.needle.is_match(index.string(s)).then_some(0),
            Some(_) => self.typos(index, table, s),
        }
    }

    /// How the term matches string `s` of the index: its typos, or `None`.
    fn typos(&self, index: &Index, table: &[u8], s: u32) -> Option<u8> {
        if self.words.is_some() && index.is_prose(s) {
            return self.in_tokens(index, table, s).map(|(t, _)| t);
        }
        self.typos_in(index.string(s), false)
    }

    /// How the term matches a field's text, found without an index: its typos, or `None`.
    /// Prose is matched by its words; a short field by its words first, else (plain terms) by
    /// letters in order, which count as a typo: the term is not in it as written.
    pub(super) fn typos_in(&self, text: &str, prose: bool) -> Option<u8> {
        let Some(w) = &self.words else {
            if !self.needle.is_match(text) {
                return None;
            }
            // A piece of text found inside a word (`'war` in "Anwar", "award") is found with
            // no typo but not exactly, as a prefix is: a whole word ("an act of war") first.
            let inside = self.term.kind == TermKind::Substring && !self.whole_somewhere(text);
            return Some(u8::from(inside));
        };
        if prose {
            return w.find(text);
        }
        w.find(text).or_else(|| {
            // Letters in order count as a typo, and a word left out has none.
            (self.term.kind == TermKind::Word
                && !self.term.negated
                && self.needle.is_match(text)
                && self.letters_in_order(text).is_some())
            .then_some(words::TYPO)
        })
    }

    /// True when the term, a piece of text, stands somewhere in `text` with no letter or digit
    /// joined to it on either side where its own end is one.
    fn whole_somewhere(&self, text: &str) -> bool {
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let t = &self.term.text;
        let (starts, ends) = (word(t.chars().next()), word(t.chars().last()));
        self.ranges(text, false).iter().any(|r| {
            let before = text.get(..r.start).and_then(|s| s.chars().next_back());
            let after = text.get(r.end..).and_then(|s| s.chars().next());
            let joined = (starts && word(before)) || (ends && word(after));
            !joined
        })
    }

    /// A plain term's letters in order in a short field, where its words are not: their char
    /// positions, when each letter after the first follows the one before closely (next to it,
    /// or one letter on) or starts a word, as in fzf's way of reading initials: `mea` in
    /// "Ministry of External Affairs", `crsbrdr` in `cross-border-terrorism`. A first letter
    /// inside a word starts only the term written whole there (`rat` in "Bharat"). Letters
    /// strewn through the field (`medation` across "Embassy of India, Moscow, and the
    /// delegation's MPs", `sa` in "Speaker 3", `war` from the middle of "a newspaper article")
    /// say nothing.
    ///
    /// Not for a term of one or two chars (`us` would be any "us" inside a name) nor one
    /// holding a digit (`2009` is not its digits strewn through "2000 to 2019").
    ///
    /// A term of three or four letters matches only as initials, each letter starting a word
    /// (`mea` in "Ministry of External Affairs"), or written whole: `cnn` found "Gerry
    /// Connolly", and `gore` "George".
    fn letters_in_order(&self, text: &str) -> Option<Vec<usize>> {
        let mut chars = self.term.text.chars();
        if chars.clone().nth(2).is_none() || chars.any(char::is_numeric) {
            return None;
        }
        if self.term.text.chars().nth(4).is_none() {
            return self.initials(text);
        }
        let (_, found) = self.needle.indices(text)?;
        self.in_order_at(text, &found)
            .or_else(|| {
                // The matcher may have chosen letters strewn from inside a word where the term
                // is also written whole: `ation` in "Bharat Times nation".
                super::matcher::written_whole(&self.term, text)
            })
            .or_else(|| {
                // Or other letters than the rule's: skim takes the second s of "cross" for
                // `crsbrdr`, two letters after the r. Whether the field matches is the rule's
                // answer, the same for every matcher.
                self.close_letters(text)
            })
    }

    /// The term's letters as the first letters of words of `text` that follow each other (a
    /// short word such as "of" or "the" passed over): their char positions, or `None`. `mea`
    /// in "Ministry of External Affairs", not `hbo` from "House … his bill … on".
    ///
    /// Initials are an acronym's: an article gives no letter and a short word not the first
    /// (`aca` is no "a campaign ad"), and in a field that writes capitals only capitalised
    /// words give letters (`cia` is no "claim in a Newsday article", `cnn` is "CNN").
    fn initials(&self, text: &str) -> Option<Vec<usize>> {
        let fold = !self.term.case_sensitive;
        let norm = |c: char| {
            if fold { super::words::fold_char(c) } else { c }
        };
        let term: Vec<char> = self.term.text.chars().map(norm).collect();
        let capitals = text.chars().any(char::is_uppercase);
        // Each word: where it starts (in chars), its first letter, whether it may give one,
        // and whether initials pass over it.
        let mut words: Vec<(usize, char, Gives, bool)> = Vec::new();
        // Char positions counted as the words go, not from the text's start for each word.
        let (mut at, mut counted) = (0, 0);
        for (start, w) in super::words::split(text).iter().map(|(r, w)| (r.start, *w)) {
            at += text.get(counted..start).map_or(0, |b| b.chars().count());
            counted = start;
            let written = w.chars().next().unwrap_or(' ');
            let passed = PASSED_OVER.iter().any(|p| p.eq_ignore_ascii_case(w));
            let gives = if ARTICLES.iter().any(|p| p.eq_ignore_ascii_case(w)) {
                Gives::Never
            } else if passed {
                Gives::AfterFirst
            } else if capitals && !written.is_uppercase() && !written.is_numeric() {
                Gives::Never
            } else {
                Gives::Always
            };
            words.push((at, norm(written), gives, passed));
        }
        (0..words.len()).find_map(|s| {
            let mut found = Vec::with_capacity(term.len());
            let mut k = 0;
            for &(at, first, gives, passed) in words.get(s..)? {
                let gives = match gives {
                    Gives::Always => true,
                    Gives::AfterFirst => k > 0,
                    Gives::Never => false,
                };
                match term.get(k) {
                    None => break,
                    Some(&t) if t == first && gives => {
                        found.push(at);
                        k += 1;
                    }
                    Some(_) if passed && k > 0 => {}
                    Some(_) => return None,
                }
            }
            (k == term.len()).then_some(found)
        })
    }

    /// The longest short field [`Self::close_letters`] looks through (in chars).
    const CLOSE_LETTERS_MOST: usize = 1024;

    /// Letters of the term in order in `text` as [`Self::letters_in_order`]'s rule allows them,
    /// chosen by the rule rather than by a matcher: the first at a word's start, each next one
    /// close to the one before (next to it or one letter on) or at a word's start. Their char
    /// positions, or `None` when no choice of letters keeps to the rule.
    fn close_letters(&self, text: &str) -> Option<Vec<usize>> {
        const NONE: u32 = u32::MAX;
        const FIRST: u32 = u32::MAX - 1;
        let fold = !self.term.case_sensitive;
        let norm = |c: char| {
            if fold { super::words::fold_char(c) } else { c }
        };
        let term: Vec<char> = self.term.text.chars().map(norm).collect();
        let chars: Vec<char> = text.chars().take(Self::CLOSE_LETTERS_MOST + 1).collect();
        let (n, m) = (chars.len(), term.len());
        if m == 0 || m > n || n > Self::CLOSE_LETTERS_MOST {
            return None;
        }
        let starts_word =
            |i: usize| i == 0 || chars.get(i - 1).is_none_or(|c| !c.is_alphanumeric());
        // Each char's word, counted from 1 at the first word's start.
        let mut word_of = Vec::with_capacity(n);
        let mut words = 0usize;
        for (i, c) in chars.iter().enumerate() {
            words += usize::from(starts_word(i) && c.is_alphanumeric());
            word_of.push(words);
        }
        let apart = |q: usize, i: usize| {
            word_of
                .get(i)
                .copied()
                .unwrap_or(0)
                .saturating_sub(word_of.get(q).copied().unwrap_or(0))
        };
        let same = |i: usize, k: usize| chars.get(i).map(|&c| norm(c)) == term.get(k).copied();
        // `before[k * n + i]`: where letter k - 1 is when letter k is at char i (`FIRST` for
        // the first letter, `NONE` where letter k cannot be at i).
        let mut before = vec![NONE; m * n];
        for i in (0..n).filter(|&i| same(i, 0) && starts_word(i)) {
            if let Some(b) = before.get_mut(i) {
                *b = FIRST;
            }
        }
        let at =
            |before: &[u32], k: usize, i: usize| before.get(k * n + i).is_some_and(|&b| b != NONE);
        for k in 1..m {
            // The latest char before i where letter k - 1 can be.
            let mut latest: Option<usize> = None;
            for i in 0..n {
                if i > 0 && at(&before, k - 1, i - 1) {
                    latest = Some(i - 1);
                }
                if !same(i, k) {
                    continue;
                }
                let close = [i.checked_sub(1), i.checked_sub(2)]
                    .into_iter()
                    .flatten()
                    .find(|&q| at(&before, k - 1, q));
                let from =
                    close.or(latest.filter(|&q| starts_word(i) && apart(q, i) <= MOST_WORDS_APART));
                if let (Some(q), Some(b)) = (from, before.get_mut(k * n + i)) {
                    *b = u32::try_from(q).unwrap_or(NONE);
                }
            }
        }
        // Back from the first place the last letter can be.
        let mut i = (0..n).find(|&i| at(&before, m - 1, i))?;
        let mut found = vec![0; m];
        for k in (0..m).rev() {
            *found.get_mut(k)? = i;
            match *before.get(k * n + i)? {
                FIRST | NONE => break,
                q => i = usize::try_from(q).ok()?,
            }
        }
        Some(found)
    }

    /// [`Self::letters_in_order`] for the positions the matcher found.
    fn in_order_at(&self, text: &str, found: &[usize]) -> Option<Vec<usize>> {
        // One walk over the text beside the ascending positions found: a cold search asks this
        // of a field of every claim, so no copy of the text's characters is made.
        let mut next = found.iter().peekable();
        let mut last: Option<usize> = None;
        let mut in_word = false;
        // True while the term is read whole from a first letter inside a word.
        let mut inside = false;
        // Words begun so far, and at the letter matched last: a jump to a word's start may
        // pass over one word at most (`senate` reached from "speech" to "Texas").
        let (mut words, mut last_word) = (0usize, 0usize);
        for (i, c) in text.chars().enumerate() {
            let starts = !in_word && c.is_alphanumeric();
            words += usize::from(starts);
            if next.peek() == Some(&&i) {
                next.next();
                match last {
                    None => inside = in_word,
                    // From inside a word, only the next letter on.
                    Some(l) if inside && i != l + 1 => return None,
                    // Neither close nor at a word's start: strewn.
                    Some(l) if i > l + 2 && in_word => return None,
                    Some(l) if i > l + 2 && words > last_word + MOST_WORDS_APART => return None,
                    Some(_) => {}
                }
                last = Some(i);
                last_word = words;
            }
            in_word = c.is_alphanumeric();
        }
        Some(found.to_vec())
    }

    /// The byte ranges of `text` that the term matches, as a field of kind `field`.
    fn ranges(&self, text: &str, prose: bool) -> Vec<std::ops::Range<usize>> {
        self.ranges_with(text, prose, |w| w.ranges(text))
    }

    /// As [`Prepared::ranges`], with `by_words(words)` finding the term's words in the text
    /// ([`Words::ranges`], or [`Words::ranges_by`] remembering how words matched).
    fn ranges_with(
        &self,
        text: &str,
        prose: bool,
        by_words: impl FnOnce(&Words) -> Vec<std::ops::Range<usize>>,
    ) -> Vec<std::ops::Range<usize>> {
        if let Some(w) = &self.words {
            let found = by_words(w);
            if !found.is_empty() || prose || self.term.kind != TermKind::Word {
                return found;
            }
            // A plain term found by its letters in order: the rule that found it.
            return self
                .letters_in_order(text)
                .map(|chars| super::highlight::grapheme_ranges(text, &chars))
                .unwrap_or_default();
        }
        let found = |text: &str| {
            self.needle
                .indices(text)
                .map(|(_, chars)| super::highlight::grapheme_ranges(text, &chars))
                .unwrap_or_default()
        };
        if self.term.kind != TermKind::Substring {
            return found(text);
        }
        // A piece of text is marked wherever it is (`'taxes` in "own taxes and raise taxes"),
        // as a term of words is: each search goes on after the last piece found.
        let mut all: Vec<std::ops::Range<usize>> = Vec::new();
        let mut from = 0;
        while let Some(rest) = text.get(from..) {
            let here = found(rest);
            let Some(end) = here.last().map(|r| r.end) else {
                break;
            };
            all.extend(here.into_iter().map(|r| r.start + from..r.end + from));
            if end == 0 {
                break;
            }
            from += end;
        }
        all
    }
}

/// A search pattern prepared for one matcher: the parsed terms, ready to match.
pub struct Pattern {
    /// The query as typed.
    pub query: String,
    /// Its terms.
    pub terms: Vec<Term>,
    prepared: Vec<Prepared>,
}

impl Pattern {
    /// Parses `query` and prepares its terms for `matcher`.
    pub fn new(query: &str, matcher: MatcherKind) -> Pattern {
        let terms = pattern::parse(query);
        let mut prepared: Vec<Prepared> = terms.iter().map(|t| Prepared::new(t, matcher)).collect();
        // Two plain terms next to each other also match the two written together: `health
        // care` finds "healthcare" (`Words::join`).
        for i in 1..prepared.len() {
            let (before, after) = prepared.split_at_mut(i);
            let (Some(b), Some(a)) = (before.last_mut(), after.first_mut()) else {
                continue;
            };
            let plain = |p: &Prepared| p.term.kind == TermKind::Word && !p.term.negated;
            if plain(b)
                && plain(a)
                && let (Some(bw), Some(aw)) = (b.words.as_mut(), a.words.as_mut())
            {
                Words::join(bw, aw);
            }
        }
        Pattern {
            query: query.to_owned(),
            terms,
            prepared,
        }
    }

    /// True when the query holds no term: nothing to search for.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The byte ranges of `text` to highlight, taken as prose (a claim's text, a title): every
    /// positive term's words, widened to whole grapheme clusters. Works on any text, so a view
    /// can highlight the claim it draws.
    pub fn highlight(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        self.highlight_field(Field::Text, text)
    }

    /// As [`Pattern::highlight`], for a field of kind `field`: in a short field (speaker, tag,
    /// outlet), letters in order are highlighted where no word matches.
    pub fn highlight_field(&self, field: Field, text: &str) -> Vec<std::ops::Range<usize>> {
        let ranges = self
            .prepared
            .iter()
            .filter(|p| !p.term.negated)
            .flat_map(|p| p.ranges(text, field.is_prose()))
            .collect();
        super::highlight::merge(ranges)
    }

    /// Where a snippet of a field of kind `field` is centred (see [`Highlighter::focus`]). For
    /// one text (the screen asks per row it draws): nothing is remembered, so nothing is kept.
    pub fn focus(&self, field: Field, text: &str) -> Option<usize> {
        let mut once = Highlighter {
            pattern: self,
            seen: vec![Vec::new(); self.prepared.len()],
        };
        once.focus(field, text)
    }

    /// A highlighter for many texts (one per thread), which remembers how each word matched.
    pub fn highlighter(&self) -> Highlighter<'_> {
        Highlighter {
            pattern: self,
            seen: self
                .prepared
                .iter()
                .map(|p| {
                    let n = p.words.as_ref().map_or(0, |w| w.words.len());
                    vec![HashMap::default(); n]
                })
                .collect(),
        }
    }

    /// The entries of the claims whose id a term may be ([`Prepared::ids`]), ascending.
    fn entries_of_ids(&self, index: &Index) -> Vec<usize> {
        let mut entries: Vec<usize> = self
            .ordered()
            .filter(|p| !p.term.negated)
            .flat_map(|p| p.entries_of_ids(index))
            .collect();
        entries.sort_unstable();
        entries.dedup();
        entries
    }

    /// Positive terms first (they narrow most), then negated ones.
    pub(super) fn ordered(&self) -> impl Iterator<Item = &Prepared> {
        let all = || self.prepared.iter();
        all()
            .filter(|p| !p.term.negated)
            .chain(all().filter(|p| p.term.negated))
    }

    /// The `candidates` (index entries, ascending) that match every term, in the same order,
    /// and how many of them are claims' own hits, typos, topic-level. Only yes or no per field,
    /// no ranking: the cheap test a view runs on every keystroke.
    pub fn matches(&self, index: &Index, candidates: &[usize]) -> (Vec<usize>, Counts) {
        // Per candidate still alive: a positive term matched its own fields; a term needed typos.
        let mut alive: Vec<(usize, bool, bool)> =
            candidates.iter().map(|&e| (e, false, false)).collect();
        let mut positive = false;
        for p in self.ordered() {
            if alive.is_empty() {
                break;
            }
            positive |= !p.term.negated;
            let table = p.table(index);
            let entries: Vec<usize> = alive.iter().map(|a| a.0).collect();
            let found = per_string(index, &entries, |s| p.found(index, &table, s));
            let id_of = p.entries_of_ids(index);
            alive.retain_mut(|(e, own, typo)| {
                // The best match in the claim's own fields, and in its topic's or point's.
                let (mut in_own, mut in_topic) = (NO, NO);
                if id_of.contains(e) {
                    in_own = 0;
                }
                for (f, s) in index.fields(*e) {
                    let t = found.get(s as usize).copied().unwrap_or(NO);
                    let best = if f.is_topic_level() {
                        &mut in_topic
                    } else {
                        &mut in_own
                    };
                    *best = (*best).min(t);
                }
                if p.term.negated {
                    return in_own == NO && in_topic == NO;
                }
                // Its own fields decide whether it needed a typo, as they rank it.
                let best = if in_own != NO { in_own } else { in_topic };
                *own |= in_own != NO;
                *typo |= words::typos_of(best) > 0;
                best != NO
            });
        }
        let mut counts = Counts::default();
        for &(_, own, typo) in &alive {
            if own || !positive {
                counts.claims += 1;
                counts.typo_only += usize::from(typo);
            } else {
                counts.topic_only += 1;
            }
        }
        (alive.into_iter().map(|a| a.0).collect(), counts)
    }

    /// Ranks the `candidates` (index entries, ascending) that match every term: the one
    /// ranking order every view shows.
    ///
    /// First the claims whose own fields (text, speaker, tags, sources) hold a term, ranked by
    /// how many terms match exactly, then the fewest typos, then how close together the terms
    /// sit in the claim's text, then the field (text first), then the dispute's order. Then the
    /// topic-level hits: claims matched only through their topic's titles or their point's
    /// question are folded into one hit per side, topic, field and text, so a topic's framing
    /// counts once, not once per claim.
    pub fn rank(&self, index: &Arc<Index>, candidates: &[usize]) -> Vec<(usize, Hit)> {
        let mut alive: Vec<Alive<u32>> = candidates.iter().map(|&e| Alive::new(e)).collect();
        let mut positive = false;
        // The positive terms of words, with their tables: for proximity once all have matched.
        let mut worded: Vec<(&Prepared, Vec<u8>)> = Vec::new();
        for p in self.ordered() {
            if alive.is_empty() {
                break;
            }
            positive |= !p.term.negated;
            let table = p.table(index);
            let entries: Vec<usize> = alive.iter().map(|a| a.entry).collect();
            let found = per_string(index, &entries, |s| p.typos(index, &table, s));
            let typos =
                |s: u32| Some(found.get(s as usize).copied().unwrap_or(NO)).filter(|&t| t != NO);
            let id_of = p.entries_of_ids(index);
            alive.retain_mut(|a| {
                let id = id_of
                    .contains(&a.entry)
                    .then(|| (Field::Id, index.id_string(a.entry), Some(0)));
                let (own, topic) = rank::best_of(
                    index
                        .fields(a.entry)
                        .map(|(f, s)| (f, s, typos(s)))
                        .chain(id),
                );
                if p.term.negated {
                    return own.is_none() && topic.is_none();
                }
                // Where in the text, for proximity.
                let at = index.fields(a.entry).next().and_then(|(_, s)| {
                    typos(s)?;
                    p.in_tokens(index, &table, s).map(|(_, at)| at)
                });
                a.add(own, topic, at)
            });
            if !p.term.negated && p.words.is_some() {
                worded.push((p, table));
            }
        }
        // Two terms of words or more: how close they sit, by every place of each.
        if worded.len() > 1 {
            let mut starts = Vec::new();
            for a in &mut alive {
                let Some((_, s)) = index
                    .fields(a.entry)
                    .next()
                    .filter(|&(_, s)| index.is_prose(s))
                else {
                    continue;
                };
                let mut places = Vec::new();
                for (p, table) in &worded {
                    p.starts_in_tokens(index, table, s, &mut starts);
                    if !starts.is_empty() {
                        places.push(std::mem::take(&mut starts));
                    }
                }
                if places.len() > 1 {
                    a.narrow(&places);
                }
            }
        }
        let places = rank::Places {
            claim: |e: usize| index.claim(e),
            tie: |e: usize| index.tie(e),
            text: |s: u32| indexed(index, s),
            own_text: |e: usize| index.fields(e).next().map(|(_, s)| s),
        };
        rank::hits(alive, positive, &places)
    }
}

/// Words seen, and how one term word matched each.
type WordsSeen = HashMap<String, Option<(u8, usize)>, foldhash::fast::RandomState>;

/// Highlights many texts for one pattern as [`Pattern::highlight_field`] does, remembering how
/// each term word matched each word seen: the same words recur from one hit to the next.
pub struct Highlighter<'p> {
    pattern: &'p Pattern,
    /// Per term, per term word: each word seen, and how the term word matched it.
    seen: Vec<Vec<WordsSeen>>,
}

impl Highlighter<'_> {
    /// The byte ranges of `text` to highlight, as a field of kind `field`.
    pub fn field(&mut self, field: Field, text: &str) -> Vec<std::ops::Range<usize>> {
        let mut ranges = Vec::new();
        for (p, seen) in self.pattern.prepared.iter().zip(&mut self.seen) {
            if p.term.negated {
                continue;
            }
            ranges.extend(p.ranges_with(text, field.is_prose(), |w| {
                w.ranges_by(text, |i, word| seen_match(seen, w, i, word))
            }));
        }
        super::highlight::merge(ranges)
    }

    /// Where a snippet of the field is centred: at the best match of a positive term, the
    /// first of those with the fewest typos that covers a whole word (a prefix match only where
    /// no whole word matches as well). So `mediation` shows the text around "mediation", not
    /// around an earlier "meditation" it reaches through a typo, and `bill` around "bill", not
    /// "billion"; `health care` shows an exact "health" before a "care" reached through a typo.
    /// A plain `search` line needs only this, to place its window on a long field. A term
    /// matched another way (an exact term, letters in order in a short field) counts by its
    /// first match, letters in order as a typo.
    pub fn focus(&mut self, field: Field, text: &str) -> Option<usize> {
        let prose = field.is_prose();
        // Two terms of words or more in prose: where they sit closest, as ranking measures
        // them, so the snippet shows what ranked the claim ("the Bush tax cuts", not an
        // earlier "tax plan").
        if prose && let Some(at) = self.closest(text) {
            return Some(at);
        }
        // The best place of each term: (anchored, typos, a prefix only, byte).
        let mut best: Option<(bool, u8, bool, usize)> = None;
        for (p, seen) in self.pattern.prepared.iter().zip(&mut self.seen) {
            if p.term.negated {
                continue;
            }
            let found = match &p.words {
                Some(w) if w.words.len() == 1 => {
                    let shortest = w.shortest();
                    let mut found: Option<(u8, bool, usize)> = None;
                    // The head of the term split in two, with where it starts and ends
                    // (`Words::split`): only a space or a hyphen may follow it.
                    let mut head: Option<(usize, Range<usize>)> = None;
                    for (range, word) in words::word_ranges(text) {
                        let tail = head.take().filter(|(_, h)| {
                            words::joins(text.get(h.end..range.start).unwrap_or_default())
                        });
                        if tail.is_some() || w.may_head(word) {
                            let chars = words::chars(word, w.fold);
                            if let Some((k, h)) = tail
                                && let Some((t, _)) = w.split_tail(k, &chars)
                                && found.is_none_or(|f| t < f.0)
                            {
                                found = Some((t, words::is_prefix_only(t), h.start));
                            }
                            head = w.split_head(&chars).map(|k| (k, range.clone()));
                        }
                        if word.len() < shortest {
                            continue;
                        }
                        // The cost's low bit says a prefix only (`words::typos_of`): the word is
                        // not measured again.
                        let Some((t, _)) = seen_match(seen, w, 0, word) else {
                            continue;
                        };
                        let here = (t, words::is_prefix_only(t), range.start);
                        if found.is_none_or(|f| t < f.0) {
                            found = Some(here);
                            if t == 0 {
                                break;
                            }
                        }
                    }
                    found
                }
                Some(w) => w
                    .best_place_by(text, |i, word| seen_match(seen, w, i, word))
                    .map(|(t, at)| (t, false, at)),
                None => None,
            };
            // No word matched: the rule that found it instead (letters in order in a short
            // field, or the exact text of a term without words).
            let found = found.or_else(|| {
                if p.words.is_some() && (prose || p.term.kind != TermKind::Word) {
                    return None;
                }
                let ranges = p.ranges_with(text, prose, |_| Vec::new());
                let cost = if p.words.is_some() { words::TYPO } else { 0 };
                ranges.first().map(|r| (cost, false, r.start))
            });
            // A term anchored at the field's start or end says where it is already: the
            // snippet goes to another term's place when there is one (`'obamacare ^Says`
            // showed the "Says …" every such claim starts with, not "Obamacare").
            let anchored = matches!(
                p.term.kind,
                TermKind::Prefix | TermKind::Suffix | TermKind::Exact
            );
            let found = found.map(|(t, prefix, at)| (anchored, t, prefix, at));
            best = match (best, found) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
        }
        best.map(|(_, _, _, at)| at)
    }
}

impl Highlighter<'_> {
    /// The byte where the narrowest span of words holding a place of every positive term of
    /// words found in `text` starts (see [`rank::narrowest`]), when two terms or more are.
    fn closest(&mut self, text: &str) -> Option<usize> {
        let worded = |p: &&Prepared| p.words.is_some() && !p.term.negated;
        if self.pattern.prepared.iter().filter(worded).count() < 2 {
            return None;
        }
        let split: Vec<(std::ops::Range<usize>, &str)> = words::word_ranges(text).collect();
        let mut places: Vec<Vec<usize>> = Vec::new();
        for (p, seen) in self.pattern.prepared.iter().zip(&mut self.seen) {
            let Some(w) = p.words.as_ref().filter(|_| !p.term.negated) else {
                continue;
            };
            let mut starts = Vec::new();
            w.starts_in(
                split.len(),
                |k, i| seen_match(seen, w, i, split.get(k)?.1),
                w.compounds_of(text, &split),
                &mut starts,
            );
            if !starts.is_empty() {
                places.push(starts);
            }
        }
        if places.len() < 2 {
            return None;
        }
        let (first, _) = rank::narrowest(&places)?;
        split.get(first).map(|(r, _)| r.start)
    }
}

/// How the term's word `i` matches a word of a text, remembered in `seen` (the same words
/// recur from hit to hit); a `seen` without a slot for `i` remembers nothing.
fn seen_match(seen: &mut [WordsSeen], w: &Words, i: usize, word: &str) -> Option<(u8, usize)> {
    let Some(seen) = seen.get_mut(i) else {
        return w.word_match(i, &words::chars(word, w.fold));
    };
    if let Some(&found) = seen.get(word) {
        return found;
    }
    let found = w.word_match(i, &words::chars(word, w.fold));
    seen.insert(word.to_owned(), found);
    found
}

/// Runs `score` on every distinct field string of the given entries, using every core; the
/// result is indexed by string id, [`NO`] where the string does not match or was not needed.
fn per_string(
    index: &Index,
    entries: &[usize],
    score: impl Fn(u32) -> Option<u8> + Sync,
) -> Vec<u8> {
    // Ascending string ids, so the scan reads the arena in order.
    let needed: Vec<u32> = if entries.len() == index.len() {
        (0..u32::try_from(index.strings()).unwrap_or(u32::MAX)).collect()
    } else {
        let mut seen = vec![false; index.strings()];
        for &e in entries {
            for s in index.strings_of(e) {
                if let Some(slot) = seen.get_mut(s as usize) {
                    *slot = true;
                }
            }
        }
        (0..u32::try_from(seen.len()).unwrap_or(u32::MAX))
            .filter(|&s| seen.get(s as usize) == Some(&true))
            .collect()
    };
    let found: Vec<(u32, u8)> = needed
        .par_iter()
        .with_min_len(512)
        .filter_map(|&s| Some((s, score(s)?)))
        .collect();
    let mut scores = vec![NO; index.strings()];
    for (s, score) in found {
        if let Some(slot) = scores.get_mut(s as usize) {
            *slot = score.min(NO - 1);
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

    /// As [`Searcher::new`], with an index that reads the strings from the dispute instead of
    /// copying them (see [`Index::shared`]).
    pub fn shared(dispute: Arc<Dispute>, matcher: MatcherKind) -> Searcher {
        Searcher::from_index(Index::shared(dispute), matcher)
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

    /// The `candidates` (entries, ascending) that match `query`, ascending, unranked, and their
    /// counts. When the
    /// last search had the same candidates and `query` extends its query, only its hits are
    /// searched again.
    pub fn search(&mut self, query: &str, candidates: &[usize]) -> (Pattern, Vec<usize>, Counts) {
        let pattern = Pattern::new(query, self.matcher);
        let narrowed = self
            .last
            .as_ref()
            .filter(|last| pattern::narrows(&last.query, query) && last.candidates == candidates);
        let (hits, counts) = match narrowed {
            Some(last) => {
                // A term grown into a claim's id finds that claim, which the shorter term
                // may not have (`'liar-168` to `'liar-1685`): it is looked at too.
                let mut look = last.hits.clone();
                for e in pattern.entries_of_ids(&self.index) {
                    if candidates.binary_search(&e).is_ok()
                        && let Err(at) = look.binary_search(&e)
                    {
                        look.insert(at, e);
                    }
                }
                pattern.matches(&self.index, &look)
            }
            None => pattern.matches(&self.index, candidates),
        };
        self.last = Some(Last {
            query: query.to_owned(),
            candidates: candidates.to_vec(),
            hits: hits.clone(),
        });
        (pattern, hits, counts)
    }

    /// Ranks every claim of the dispute that `keep` accepts and that matches `query`, best
    /// first, with no session state: what `parallax search` prints.
    pub fn search_all(&self, query: &str, keep: impl Fn(ClaimAt) -> bool) -> (Pattern, Vec<Hit>) {
        let pattern = Pattern::new(query, self.matcher);
        let candidates: Vec<usize> = (0..self.index.len())
            .filter(|&e| self.index.claim(e).is_some_and(&keep))
            .collect();
        let ranked = pattern.rank(&self.index, &candidates);
        (pattern, ranked.into_iter().map(|(_, h)| h).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_written_whole_in_a_short_field_matches_whatever_letters_the_matcher_chose() {
        // `ation` is written whole in "nation"; the matcher may prefer the a of "Bharat" and the
        // "Ti" of "Times", which the rule for letters inside a word refuses.
        for kind in [MatcherKind::Nucleo, MatcherKind::Skim] {
            let pattern = Pattern::new("ation", kind);
            let p = pattern.prepared.first().expect("one term");
            assert!(
                p.typos_in("Bharat Times nation", false).is_some(),
                "{kind:?}"
            );
            // With a capital, as written only.
            let capital = Pattern::new("Ation", kind);
            let p = capital.prepared.first().expect("one term");
            assert!(
                p.typos_in("Bharat Times nation", false).is_none(),
                "{kind:?}"
            );
        }
    }

    #[test]
    fn every_matcher_finds_letters_in_order_by_the_same_rule() {
        // Skim picks the second s of "cross" for `crsbrdr`, two letters after its r; the rule
        // finds the first. Both matchers agree on what matches, as the README says.
        let fields = [
            ("cross-border-terrorism", "crsbrdr", true),
            ("cross-border-terrorism", "crsbrdrtr", true),
            ("Ministry of External Affairs", "mea", true),
            ("Ministry of External Affairs", "mysxa", false),
            ("a newspaper article", "war", false),
            // Three or four letters: initials, or written whole.
            ("Gerry Connolly", "cnn", false),
            ("George W. Bush", "gore", false),
            ("Al Gore", "gore", true),
            ("CNN's State of the Union", "cnn", true),
            ("Bharat Express", "rat", false),
            ("Bharat Express", "harat", true),
            ("'About' page of the campaign", "abc", false),
            ("Garcia", "cia", false),
            // Initials of words that follow each other, short ones passed over.
            ("Colorado, Nevada and New Mexico", "cnn", true),
            (
                "House hearing on his bill allowing carry on campuses",
                "hbo",
                false,
            ),
            ("a tweet promoting Equal Pay Day", "tpp", false),
            // A jump to a word's start passes over one word at most.
            (
                "a speech at National Right to Life convention, Grapevine, Texas",
                "senate",
                false,
            ),
        ];
        for kind in [MatcherKind::Nucleo, MatcherKind::Skim] {
            for (field, query, matches) in fields {
                let pattern = Pattern::new(query, kind);
                let p = pattern.prepared.first().expect("one term");
                assert_eq!(
                    p.typos_in(field, false).is_some(),
                    matches,
                    "{kind:?}: {query} in {field}"
                );
            }
        }
    }

    /// A snippet is centred on a highlighted match; with no typo in play that is the first
    /// one, on every field of every bundled claim.
    #[test]
    fn the_focus_is_a_highlighted_match_and_the_first_without_typos() {
        let d = crate::load::load_bundled()
            .dispute
            .expect("the bundled dispute loads");
        let mut texts: Vec<&str> = d.claims().map(|(_, c)| c.text.as_str()).collect();
        texts.extend(d.claims().filter_map(|(_, c)| c.speaker.as_deref()));
        texts.extend([
            "Café talks, then the cafe closed: Kashmir's ceasefire.",
            "Ministry of External Affairs",
            "cross-border-terrorism",
            "the CEASEFIRE held; a ceasfire, ceasefires",
        ]);
        // Each query, and whether its focus is its first highlight (an exact term, no typos).
        let queries = [
            ("ceasefire", false),
            ("ceasfire", false),
            ("mea", false),
            ("'mediation", true),
            ("^oper", true),
            ("talks$", true),
            ("\"indus waters\"", true),
            ("cafe kashmir", false),
            ("CEASEFIRE", false),
            ("pakistan !india", false),
            ("united sta", false),
            ("crsbrdr", false),
        ];
        let mut checked = 0;
        for (q, no_typos) in queries {
            let pattern = Pattern::new(q, MatcherKind::default());
            let mut quick = pattern.highlighter();
            for text in &texts {
                for field in [Field::Text, Field::Speaker, Field::SourceTitle] {
                    let ranges = pattern.highlight_field(field, text);
                    let focus = quick.focus(field, text);
                    assert_eq!(focus.is_some(), !ranges.is_empty(), "`{q}` in {text:?}");
                    let Some(at) = focus else { continue };
                    assert!(
                        ranges.iter().any(|r| r.contains(&at)),
                        "`{q}`: {at} is not highlighted in {text:?}"
                    );
                    if no_typos {
                        let first = ranges.first().map(|r| r.start);
                        assert_eq!(first, Some(at), "`{q}` in {text:?}");
                    }
                    checked += 1;
                }
            }
        }
        assert!(
            checked > 100,
            "only {checked} fields matched: the test checks too little"
        );
    }

    /// `mediation` shows the text around "mediation", not around an earlier "meditation"
    /// that it reaches only through a typo; with no exact match, the first close one.
    #[test]
    fn the_snippet_centres_on_the_best_match_not_the_first() {
        let text = format!(
            "A long meditation on the talks came first. {}Then the mediation offer was made.",
            "Filler words about nothing in particular. ".repeat(4)
        );
        let mediation = text.find("mediation").unwrap_or(0);
        let pattern = Pattern::new("mediation", MatcherKind::default());
        assert_eq!(pattern.focus(Field::Text, &text), Some(mediation));
        let plain = crate::query::highlight::snippet_text(&text, mediation, 60);
        assert!(plain.contains("mediation offer"), "{plain}");
        let typo_only = text.replace("the mediation offer", "the medation offer");
        let meditation = typo_only.find("meditation").unwrap_or(usize::MAX);
        assert_eq!(pattern.focus(Field::Text, &typo_only), Some(meditation));
        // Several terms: the earliest of their best places.
        let two = Pattern::new("mediation offer", MatcherKind::default());
        assert_eq!(two.focus(Field::Text, &text), Some(mediation));
        let phrase = Pattern::new("\"the mediation\"", MatcherKind::default());
        let the = text.find("the mediation").unwrap_or(0);
        assert_eq!(phrase.focus(Field::Text, &text), Some(the));
        // A whole word before a prefix of a longer one.
        let bill = "A billion-dollar plan came first; the bill itself passed later.";
        let pattern = Pattern::new("bill", MatcherKind::default());
        assert_eq!(pattern.focus(Field::Text, bill), bill.find("bill itself"));
        // A possessive is the word itself.
        let india = "Indian officials spoke first; India's army said nothing.";
        let pattern = Pattern::new("india", MatcherKind::default());
        assert_eq!(pattern.focus(Field::Text, india), india.find("India's"));
        // An exact term before another term's typo.
        let care = "We are told, at great length, that the health plan works.";
        let pattern = Pattern::new("health care", MatcherKind::default());
        assert_eq!(pattern.focus(Field::Text, care), care.find("health"));
    }
}
