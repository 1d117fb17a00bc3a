//! Word matching for prose, the way Meilisearch and Typesense match: a term matches a word of a
//! field when it is a prefix of the word, or when it is within a typo or two of one (one typo for
//! terms of 4–7 letters, two from 8). Letters scattered across a paragraph never match here; the
//! fuzzy matchers (`super::matcher`) keep that for short fields.
//!
//! Words are split as Unicode's word boundaries say (UAX #29: `India's` is one word, `cross-border`
//! two, each CJK ideograph one), with a fast path for ASCII. Case and accents are folded unless the
//! term asks for case (smart case): `cafe` finds "Café".

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Typos allowed in a term word: none below 4 chars, one for 4–7, two from 8; none in a word
/// holding a digit, since a typo in a number is another number (`2009` is not "2008").
pub fn typo_budget(word: impl IntoIterator<Item = char>) -> u8 {
    let mut len = 0;
    for c in word {
        if c.is_numeric() {
            return 0;
        }
        len += 1;
    }
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// One char in lower case, keeping the char count (and so every index) unchanged: a
/// case-insensitive comparison char by char.
pub(super) fn fold_case(c: char) -> char {
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(x), None) => x,
        _ => c,
    }
}

/// One char with its accent dropped and in lower case (`É` gives `e`), keeping the char count:
/// how a term in lower case, and the text it is matched against, are compared (accents are
/// ignored when case is).
pub(super) fn fold_char(c: char) -> char {
    fold_case(nucleo_matcher::chars::normalize(c))
}

/// What one typo adds to a match's cost (see [`Words::word_match`]).
pub const TYPO: u8 = 2;

/// A match's cost as [`Words::word_match`] gives it: two per typo, plus one when it covers only
/// a prefix of the word (`war` in "warning"), so a whole word ranks above a prefix, and a prefix
/// above a typo.
fn cost(typos: u8, whole: bool) -> u8 {
    typos.saturating_mul(TYPO).saturating_add(u8::from(!whole))
}

/// The typos in a match of cost `cost` (a prefix only is no typo).
pub fn typos_of(cost: u8) -> u8 {
    cost / TYPO
}

/// True when a match's cost says it covers only a prefix of a longer word (see [`cost`]).
pub fn is_prefix_only(cost: u8) -> bool {
    cost % TYPO == 1
}

/// The words of `text` with their byte ranges, in order.
pub fn split(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    each_word(text, |range, w| out.push((range, w)));
    out
}

/// Calls `f` with each word of `text` and its byte range, in order, as [`split`] gives them
/// (without gathering them: a one-shot search looks at each word once). It chooses between the
/// two walks once per text rather than going through [`word_ranges`], which chooses on every
/// word: a cold search calls this for every claim, and one iterator choosing per word (an
/// `Either` of the two walks) made it 3–9% slower.
pub fn each_word<'t>(text: &'t str, mut f: impl FnMut(Range<usize>, &'t str)) {
    if !text.is_ascii() {
        for (at, w) in text.unicode_word_indices() {
            f(at..at + w.len(), w);
        }
        return;
    }
    for (range, w) in (AsciiWords { text, at: 0 }) {
        f(range, w);
    }
}

/// The words of `text` with their byte ranges, in order, as [`split`] gives them, one at a
/// time (a caller that wants only the first match stops early).
pub fn word_ranges(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    let ascii = text.is_ascii();
    let unicode = (!ascii).then(|| {
        text.unicode_word_indices()
            .map(|(at, w)| (at..at + w.len(), w))
    });
    let ascii = ascii.then_some(AsciiWords { text, at: 0 });
    unicode
        .into_iter()
        .flatten()
        .chain(ascii.into_iter().flatten())
}

/// The words of an ASCII text as UAX #29 finds them there (the walk over any other text), so a
/// term and a field split alike whichever of the two walks each takes: a word is a run of letters,
/// digits and `_` holding a letter or digit; an apostrophe, `.` or `:` between two letters joins
/// them (`India's`, `U.S`, `e.g`), and an apostrophe, `.`, `,` or `;` between two digits
/// (`1.5`, `1,500`).
struct AsciiWords<'t> {
    text: &'t str,
    /// Where the next word is looked for.
    at: usize,
}

impl<'t> Iterator for AsciiWords<'t> {
    type Item = (Range<usize>, &'t str);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let b = self.text.as_bytes();
        let part = |at: usize| b.get(at).is_some_and(|&c| PART[usize::from(c)]);
        loop {
            let mut start = self.at;
            while start < b.len() && !part(start) {
                start += 1;
            }
            if start >= b.len() {
                self.at = start;
                return None;
            }
            let mut end = start + 1;
            loop {
                while part(end) {
                    end += 1;
                }
                // Most words end at a space: the joiners are looked at only after one.
                let join = match b.get(end) {
                    Some(&j @ (b'\'' | b'.' | b':' | b',' | b';')) => j,
                    _ => break,
                };
                let (Some(&before), Some(&after)) = (b.get(end - 1), b.get(end + 1)) else {
                    break;
                };
                let letters = before.is_ascii_alphabetic()
                    && after.is_ascii_alphabetic()
                    && matches!(join, b'\'' | b'.' | b':');
                let digits = before.is_ascii_digit()
                    && after.is_ascii_digit()
                    && matches!(join, b'\'' | b'.' | b',' | b';');
                if letters || digits {
                    end += 2;
                } else {
                    break;
                }
            }
            self.at = end;
            // A run of `_` alone is no word (looked at only when the run starts with one).
            let word = self.text.get(start..end)?;
            if b.get(start) != Some(&b'_') || word.bytes().any(|c| c.is_ascii_alphanumeric()) {
                return Some((start..end, word));
            }
        }
    }
}

/// ASCII letters, digits and `_`, the bytes a word is made of, by byte.
const PART: [bool; 256] = {
    let mut table = [false; 256];
    let mut c = 0;
    while c < 256 {
        table[c] = (c as u8).is_ascii_alphanumeric() || c == b'_' as usize;
        c += 1;
    }
    table
};

/// `word` as matching sees it: each grapheme cluster composed (NFC, so text decomposed by a PDF
/// or a Mac matches what is typed; NFKC when folding, so `ﬁ` is `fi` and `Ｆ` is `F`), accents
/// dropped and lower-cased when `fold` is true (see [`cluster_chars`]).
pub fn chars(word: &str, fold: bool) -> Vec<char> {
    let mut out = Vec::new();
    chars_into(word, fold, &mut out);
    out
}

/// [`chars`] into `out`, which is cleared first (a caller matching many words reuses it).
pub fn chars_into(word: &str, fold: bool, out: &mut Vec<char>) {
    out.clear();
    if word.is_ascii() {
        out.extend(
            word.bytes()
                .map(|b| char::from(if fold { b.to_ascii_lowercase() } else { b })),
        );
        return;
    }
    for g in word.graphemes(true) {
        cluster_chars(g, fold, |c| out.push(c));
    }
}

/// True when char `at` of `text` goes on with the word before it, as UAX #29 splits words
/// (`'s` of "Obama's", `S` of "U.S"): a phrase anchored to the field's start cannot end there,
/// nor one anchored to its end start there. A possessive `'s` after a word is no part of it
/// (`^"rick scott"` ends at "Rick Scott's").
pub(super) fn inside_word(text: &str, at: usize) -> bool {
    let Some((byte, _)) = text.char_indices().nth(at) else {
        return false;
    };
    // The first boundary at or after it: is it there? (No need to split the rest.)
    let bound = text
        .split_word_bound_indices()
        .map(|(i, _)| i)
        .find(|&i| i >= byte);
    if byte == 0 || bound == Some(byte) {
        return false;
    }
    let rest = text.get(byte..).unwrap_or_default();
    let possessive = ["'s", "\u{2019}s", "'S", "\u{2019}S"]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .is_some_and(|after| !after.starts_with(char::is_alphanumeric));
    !possessive
}

/// One grapheme cluster as matching sees it, char by char: composed (NFC; NFKC when folding),
/// invisible characters left out ([`is_ignorable`]), and when folding, accents dropped and case
/// lowered. Only accents fold (the marks of Latin, Greek and Cyrillic, and the optional vowel
/// points of Hebrew and Arabic): the vowel signs of Indic scripts are letters of their words, so
/// `जंग` (war) is not `जग` (world), nor `दल` the start of `दिल्ली`.
pub(super) fn cluster_chars(g: &str, fold: bool, mut out: impl FnMut(char)) {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    let one = |c: char| match c {
        // The typographer's quotes are the typist's (`Scott’s` is `Scott's`), as a query's are
        // (`pattern::straight_quotes`): `'“The` finds the text “The as typed.
        '\u{2018}' | '\u{2019}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' => '"',
        c if fold => nucleo_matcher::chars::to_lower_case(nucleo_matcher::chars::normalize(c)),
        c => c,
    };
    let keep = |c: char| !(is_ignorable(c) || (fold && is_accent(c)));
    let mut chars = g.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c < '\u{c0}'
    {
        // ASCII and Latin-1's signs: nothing to compose or fold away.
        out(one(c));
    } else if fold {
        // Taken apart (NFKD), accents dropped, put back together (NFC): `č`, `ё`, `ά` and
        // `ễ` fold to their letters whether written as one char or as a letter and marks.
        g.nfkd().filter(|&c| keep(c)).nfc().for_each(|c| match c {
            // German's sharp s is the `ss` a typist without it writes (`Strasse`, `Straße`).
            '\u{df}' | '\u{1e9e}' => {
                out('s');
                out('s');
            }
            c => out(one(c)),
        });
    } else if is_nfc_quick(g.chars()) == IsNormalized::Yes {
        g.chars().filter(|&c| keep(c)).for_each(|c| out(one(c)));
    } else {
        g.nfc().filter(|&c| keep(c)).for_each(|c| out(one(c)));
    }
}

/// A combining accent that folding drops: the diacritical marks (of Latin, Greek, Cyrillic),
/// and the vowel points and cantillation of Hebrew and Arabic, which most text leaves out.
fn is_accent(c: char) -> bool {
    matches!(c,
        '\u{300}'..='\u{36f}'
        | '\u{1ab0}'..='\u{1aff}'
        | '\u{1dc0}'..='\u{1dff}'
        | '\u{20d0}'..='\u{20ff}'
        | '\u{fe20}'..='\u{fe2f}'
        | '\u{591}'..='\u{5bd}'
        | '\u{5bf}'
        | '\u{5c1}'..='\u{5c2}'
        | '\u{5c4}'..='\u{5c5}'
        | '\u{5c7}'
        | '\u{610}'..='\u{61a}'
        | '\u{64b}'..='\u{65f}'
        | '\u{670}'
        | '\u{6d6}'..='\u{6dc}'
        | '\u{6df}'..='\u{6e4}'
        | '\u{6e7}'..='\u{6e8}'
        | '\u{6ea}'..='\u{6ed}')
}

/// Invisible in a word, so no part of it: a zero-width character ([`crate::text::is_zero_width`]:
/// zero-width space, non-joiner and joiner, word joiner, byte order mark), a soft hyphen
/// (U+00AD, a line-break hint that text copied from a web page or a PDF keeps inside its words),
/// or a variation selector. The one rule for the words of a text and for a query's terms
/// (`super::pattern::parse`): `tax` and a soft hyphen and `es` is `taxes`.
pub(super) fn is_ignorable(c: char) -> bool {
    crate::text::is_zero_width(c)
        || matches!(c, '\u{ad}' | '\u{fe00}'..='\u{fe0f}' | '\u{e0100}'..='\u{e01ef}')
}

/// The shortest term whose typos may fall in a prefix of a longer word: below it, a term with
/// a typo matches whole words only (`gore` found "Governor" and "Greg", `union` "uninsured").
pub const PREFIX_TYPOS_FROM: usize = 8;

/// How `term` matches `word` (a prefix of it when `prefix`), within `budget` typos: as
/// [`distance`] gives it, but a term shorter than [`PREFIX_TYPOS_FROM`] matches a prefix only as
/// written, and a whole word also when it is the term and a possessive `'s` (a phrase's
/// `"Rick Scott"` in "Rick Scott's").
fn measure(term: &[char], word: &[char], prefix: bool, budget: u8) -> Option<(u8, usize)> {
    let whole = || {
        distance(term, word, false, budget)
            .or_else(|| distance(term, possessive_stripped(word)?, false, budget))
    };
    if !prefix {
        return whole();
    }
    // Typos fall in the start of a longer word only: `presdent` is not "presence" (its start
    // `presenc` two typos off), nor `marriage` "married".
    if term.len() >= PREFIX_TYPOS_FROM {
        return if word.len() > term.len() {
            distance(term, word, true, budget)
        } else {
            whole()
        };
    }
    // The better of a whole word within the typos and a prefix as written, by the cost
    // [`Words::word_match`] gives them: two a typo, one for a prefix of a longer word.
    let cost =
        |&(typos, len): &(u8, usize)| 2 * u16::from(typos) + u16::from(!is_whole_chars(word, len));
    [whole(), distance(term, word, true, 0)]
        .into_iter()
        .flatten()
        .min_by_key(cost)
}

/// Words whose `'s` is a contraction (`it's`, `that's`, `let's`), not a possessive: such a
/// term is not cut to its first part, which would find every `it`.
const CONTRACTED_S: &[&str] = &[
    "he", "here", "how", "it", "let", "she", "that", "there", "what", "when", "where", "who", "why",
];

/// True for the first part of an `'s` contraction (see [`CONTRACTED_S`]), in any case.
fn is_contracted(stem: &[char]) -> bool {
    let lower: String = stem.iter().map(|&c| fold_case(c)).collect();
    CONTRACTED_S.contains(&lower.as_str())
}

/// `word` without a possessive `'s` at its end, when it has one.
fn possessive_stripped(word: &[char]) -> Option<&[char]> {
    match word {
        [rest @ .., '\'' | '\u{2019}', 's' | 'S'] if !rest.is_empty() => Some(rest),
        _ => None,
    }
}

/// The fewest typos (insertions, deletions, substitutions, swaps of two neighbours) that turn
/// `term` into `word` (`prefix` false) or into some prefix of `word` (`prefix` true), when at
/// most `budget`; else `None`. Also the length in chars of the word's part that matched.
pub fn distance(term: &[char], word: &[char], prefix: bool, budget: u8) -> Option<(u8, usize)> {
    let k = usize::from(budget);
    let (m, n) = (term.len(), word.len());
    if !prefix && n.abs_diff(m) > k {
        return None;
    }
    if budget == 0 {
        return if prefix {
            word.starts_with(term).then_some((0, m))
        } else {
            (word == term).then_some((0, m))
        };
    }
    // Only word prefixes up to m + k chars can be within the budget.
    let n = if prefix { n.min(m + k) } else { n };
    let big = m + n + 1;
    let width = n + 1;
    // Three rows of the dynamic programme (optimal string alignment distance), end to end: on
    // the stack for words of usual length (this runs for every word of every hit's snippet).
    let mut stack = [0usize; 3 * 48];
    let mut heap = Vec::new();
    let rows: &mut [usize] = if 3 * width <= stack.len() {
        &mut stack[..3 * width]
    } else {
        heap.resize(3 * width, 0);
        &mut heap
    };
    rows.fill(big);
    for (j, cell) in rows.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    let (mut prev2, mut prev, mut cur) = (2 * width, 0usize, width);
    for i in 1..=m {
        let tc = term.get(i - 1).copied();
        let mut row_min = big;
        for j in 0..width {
            let v = if j == 0 {
                i
            } else {
                let wc = word.get(j - 1).copied();
                let sub = rows[prev + j - 1] + usize::from(tc != wc);
                let mut v = sub.min(rows[prev + j] + 1).min(rows[cur + j - 1] + 1);
                if i > 1
                    && j > 1
                    && tc == word.get(j - 2).copied()
                    && term.get(i - 2).copied() == wc
                {
                    v = v.min(rows[prev2 + j - 2] + 1);
                }
                v
            };
            rows[cur + j] = v;
            row_min = row_min.min(v);
        }
        if row_min > k {
            return None;
        }
        (prev2, prev, cur) = (prev, cur, prev2);
    }
    let last = &rows[prev..prev + width];
    let found = if prefix {
        // The best prefix; among equals, the longest, so a highlight covers the word's match.
        (0..width)
            .filter(|&j| last[j] <= k)
            .min_by_key(|&j| (last[j], std::cmp::Reverse(j)))
            .map(|j| (last[j], j))
    } else {
        (last[n] <= k).then_some((last[n], n))
    };
    found.map(|(d, j)| (u8::try_from(d).unwrap_or(u8::MAX), j))
}

/// A term of words to find in sequence: a plain term (`ceasefire`, `cross-border`) or a phrase
/// (`"united states"`). The last word may be a prefix of a word; the others must be whole words.
#[derive(Debug, Clone)]
pub struct Words {
    /// The term's words, as [`chars`] gives them.
    pub words: Vec<Vec<char>>,
    /// Typos allowed for each word (none in a phrase).
    pub budgets: Vec<u8>,
    /// Fold case and accents (a term without an upper-case letter).
    pub fold: bool,
    /// The last word may be a prefix.
    pub last_prefix: bool,
    /// Per word: the length of its stem when it is typed with a possessive that also finds
    /// the stem (plain terms, not phrases; not a contraction such as `it's`).
    pub stems: Vec<Option<usize>>,
    /// Per word: its English Snowball stem, for a plain term in lower case of four letters or
    /// more that is itself an inflection of it ([`inflection_of`]): a word of the same stem that
    /// is one too matches, as a prefix does (`taxes` finds "tax", `countries` "country"), which
    /// neither a prefix nor a typo reaches.
    pub snowball: Vec<Option<Vec<char>>>,
    /// A plain term of one word of letters (`preexisting`, `healthcare`) also matches two words
    /// in a row that spell it (`pre-existing`, `health care`), as Meilisearch splits a word:
    /// each whole, of [`SPLIT_MIN`] letters or more, with nothing but a space or a hyphen
    /// between them ([`joins`]). No typos.
    pub split: bool,
    /// The one word a plain term's several words spell written together, matched with no
    /// typos, whole or (the last word may be a prefix) as a word's start: `pre-existing` typed
    /// finds "preexisting".
    pub joined: Option<Vec<char>>,
    /// A plain term of one word next to another in the query (`health care`): the two written
    /// together, each of [`SPLIT_MIN`] letters or more, which it also matches, whole as no
    /// typo and exact (`care` finds "healthcare", as `health` does), or as a word's start.
    pub joined_with: Vec<Vec<char>>,
    /// For a term split in two whose first two chars are ASCII letters: those two as bytes,
    /// and the bits that fold case, for [`Words::may_head`]'s test of a word's first two bytes.
    head_key: Option<(u16, u16)>,
    /// A plain term of one word of [`SPLIT_MIN`] letters or more, which its neighbour in the
    /// query may be joined to ([`Words::join`]).
    joinable: bool,
}

/// True when what stands between two words of a text makes them one word written apart: a
/// space (or any run of white space) or one hyphen, not a stop or a comma ("cease. Fire" is
/// no "ceasefire", "now, here" no "nowhere").
pub fn joins(between: &str) -> bool {
    matches!(between, "-" | "\u{2010}" | "\u{2011}")
        || (!between.is_empty() && between.chars().all(char::is_whitespace))
}

/// The fewest letters either part of a word split in two has ([`Words::split`]): `e-mail` is
/// not `email`, so that `abroad` does not find "a broad coalition".
pub const SPLIT_MIN: usize = 2;

/// A match of a whole term that reading a text word by word cannot see: a compound written
/// apart or together ([`Words::split`], [`Words::joined`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Compound {
    /// Its cost: never exact (see [`typos_of`]), so the term as written ranks first.
    pub cost: u8,
    /// The words of the text it covers: one (written together) or two (apart).
    pub span: usize,
    /// The chars of the last of them it covers.
    pub len: usize,
}

/// The shortest stem by which words are matched ([`Words::snowball`]): a word must begin with
/// its first letters before its stem is worked out.
const STEM_HEAD: usize = 3;

/// True when `form` is a plain inflection of the word whose Snowball stem is `stem`: the stem
/// with nothing, `s`, `es`, `e`, `ed` or `d` after it (`tax`, `taxes`, `taxed`; `state`,
/// `states`, `stated`), or for a stem ending in `i` from a `y`, the `y` form or `ies`, `ied`
/// (`country`, `countries`). Snowball stems derivations too (`evening` and "even", `university`
/// and "universe", `harry` and "Harris"): those are other words, and do not match. Of two
/// forms matched, one must be the bare word ([`Words::same_stem`]).
fn inflection_of(form: &[char], stem: &[char]) -> bool {
    let Some(rest) = form.strip_prefix(stem) else {
        // `country`: the stem `countri` with its `i` a `y`.
        return stem.split_last().is_some_and(|(&last, head)| {
            last == 'i' && form.strip_prefix(head) == Some(&['y'][..])
        });
    };
    let rest: String = rest.iter().collect();
    if stem.last() == Some(&'i') {
        matches!(rest.as_str(), "es" | "ed")
    } else {
        matches!(rest.as_str(), "" | "s" | "es" | "e" | "ed" | "d")
    }
}

/// The English Snowball stem of a word of letters (as [`chars`] gives it, folded); `None` for
/// a word holding anything else (a number, a word of another script is stemmed as it is).
fn snowball_stem(word: &[char]) -> Option<Vec<char>> {
    if !word.iter().all(|c| c.is_alphabetic()) {
        return None;
    }
    let text: String = word.iter().collect();
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    Some(stemmer.stem(&text).chars().collect())
}

impl Words {
    /// The words of `text`; `typos` allows typos (plain terms), `last_prefix` a prefix match
    /// of the last word. `None` when `text` holds no word (punctuation only).
    /// `plain`: a plain term (negated too): words of the same stem match
    /// ([`Words::snowball`]), and compounds written apart or together ([`Words::split`],
    /// [`Words::joined`]).
    pub fn new(
        text: &str,
        fold: bool,
        typos: bool,
        last_prefix: bool,
        plain: bool,
    ) -> Option<Words> {
        let words: Vec<Vec<char>> = split(text).iter().map(|(_, w)| chars(w, fold)).collect();
        if words.is_empty() {
            return None;
        }
        let budgets = words
            .iter()
            .map(|w| {
                if typos {
                    typo_budget(w.iter().copied())
                } else {
                    0
                }
            })
            .collect();
        // A number is matched whole: `1.5` is not the start of "1.53", nor `19` of "1990".
        let last_prefix = last_prefix
            && !words
                .last()
                .is_some_and(|w| w.iter().any(|c| c.is_numeric()));
        let stems = words
            .iter()
            .map(|w| {
                possessive_stripped(w)
                    .filter(|s| typos && !is_contracted(s))
                    .map(<[char]>::len)
            })
            .collect();
        let snowball = words
            .iter()
            .map(|w| {
                (plain && fold && w.len() > STEM_HEAD)
                    .then(|| snowball_stem(w))
                    .flatten()
                    .filter(|s| s.len() >= STEM_HEAD && inflection_of(w, s))
            })
            .collect();
        let letters = |w: &Vec<char>| w.iter().all(|c| c.is_alphabetic());
        let joinable = plain
            && words.len() == 1
            && words.iter().all(letters)
            && words.iter().all(|w| w.len() >= SPLIT_MIN);
        let split = joinable && words.iter().all(|w| w.len() >= 2 * SPLIT_MIN);
        let joined =
            (plain && words.len() > 1 && words.iter().all(letters)).then(|| words.concat());
        let head_key = match words.first().map(Vec::as_slice) {
            Some([a, b, ..]) if split && a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                let mask = if fold { 0x2020 } else { 0 };
                let key = u16::from_le_bytes([*a as u8, *b as u8]);
                Some((key | mask, mask))
            }
            _ => None,
        };
        Some(Words {
            words,
            budgets,
            fold,
            last_prefix,
            stems,
            snowball,
            split,
            joined,
            joined_with: Vec::new(),
            head_key,
            joinable,
        })
    }

    /// Two plain terms next to each other in the query (`health care`): each also matches the
    /// two written together in one word ([`Words::joined_with`]), as Meilisearch joins the
    /// words of a query.
    pub fn join(first: &mut Words, second: &mut Words) {
        if first.joinable && second.joinable && first.fold == second.fold {
            let both = [first.words.concat(), second.words.concat()].concat();
            first.joined_with.push(both.clone());
            second.joined_with.push(both);
        }
    }

    /// True when the term also matches as a compound that no one of its words matches alone:
    /// split in two words of the text ([`Words::split`]), or its several words written together
    /// ([`Words::joined`]; a term of one word written together with its neighbour in the query
    /// is a match of that word, [`Words::word_match`]).
    pub fn has_compounds(&self) -> bool {
        self.split || (self.joined.is_some() && self.words.len() > 1)
    }

    /// The term written together in `word` (as [`chars`] gives it): see [`Words::joined`].
    pub fn joined_match(&self, word: &[char]) -> Option<(u8, usize)> {
        let joined = self.joined.as_deref()?;
        let whole = word == joined;
        (whole || (self.last_prefix && word.len() > joined.len() && word.starts_with(joined)))
            .then_some((cost(0, false), joined.len()))
    }

    /// True when `word` may begin the term split in two ([`Words::split`]), as far as its first
    /// two chars tell: a quick test, on every word of a text, before [`Words::split_head`]
    /// reads it.
    #[inline]
    pub fn may_head(&self, word: &str) -> bool {
        // Two bytes compared at once, case folded by a bit: a letter's case bit set makes it
        // lower case, and anything else it makes no letter of the key.
        if let Some((key, mask)) = self.head_key {
            return match word.as_bytes() {
                [a, b, ..] => u16::from_le_bytes([*a, *b]) | mask == key,
                _ => false,
            };
        }
        let Some(term) = self.words.first().filter(|_| self.split) else {
            return false;
        };
        let fold = |b: u8| if self.fold { b.to_ascii_lowercase() } else { b };
        match word.as_bytes() {
            [a, b, ..] if a.is_ascii() && b.is_ascii() => {
                term.first() == Some(&char::from(fold(*a)))
                    && term.get(1) == Some(&char::from(fold(*b)))
            }
            [_, _, ..] => {
                let first = word
                    .chars()
                    .next()
                    .map(|c| if self.fold { fold_char(c) } else { c });
                term.first().copied() == first
            }
            _ => false,
        }
    }

    /// The chars `word` (as [`chars`] gives it) takes of the term when it begins the term split
    /// in two ([`Words::split`]): the term starts with it, and as many chars are left.
    pub fn split_head(&self, word: &[char]) -> Option<usize> {
        let term = self.words.first().filter(|_| self.split)?;
        (word.len() >= SPLIT_MIN && word.len() + SPLIT_MIN <= term.len() && term.starts_with(word))
            .then_some(word.len())
    }

    /// How the rest of the term after a head of `k` chars ([`Words::split_head`]) matches the
    /// next word of the text: whole only, so that `onto` does not find "on top" (a term is a
    /// prefix of the words it finds, but a word split in two is a word written whole).
    pub fn split_tail(&self, k: usize, word: &[char]) -> Option<(u8, usize)> {
        let rest = self.words.first().filter(|_| self.split)?.get(k..)?;
        (word == rest).then_some((cost(0, false), rest.len()))
    }

    /// The fewest bytes a word needs for one of the term's words to match it (a word has at
    /// least as many bytes as chars, and a term word of `m` chars with `k` typos needs `m - k`;
    /// only a few symbols, such as `㌀`, fold to more chars than their bytes).
    pub fn shortest(&self) -> usize {
        self.words
            .iter()
            .zip(&self.budgets)
            .zip(&self.stems)
            .map(|((w, &k), stem)| {
                // A plain possessive term finds its stem, two chars shorter (see
                // [`Words::word_match`]).
                stem.unwrap_or(w.len())
                    .min(w.len().saturating_sub(usize::from(k)))
            })
            .zip(&self.snowball)
            .map(|(n, s)| s.as_ref().map_or(n, |s| n.min(s.len())))
            .min()
            .unwrap_or(0)
    }

    /// How the term's word `i` matches `word` (already as [`chars`] gives it): the match's
    /// cost (two per typo, one more for a prefix of a longer word: see [`typos_of`]) and the
    /// matched length in chars. Every count of typos in matching is such a cost, so everything
    /// that keeps the best match keeps a whole word before a prefix.
    /// A term of one word also matches it written together with its neighbour in the query
    /// ([`Words::joined_with`]: `care` and `health` match "healthcare").
    pub fn word_match(&self, i: usize, word: &[char]) -> Option<(u8, usize)> {
        // The same stem is no typo: it is taken over a match through typos.
        let found = match self.spelled(i, word) {
            Some(found) if found.0 == 0 => return Some(found),
            Some(found) if typos_of(found.0) == 0 => Some(found),
            found => self.same_stem(i, word).or(found),
        };
        if self.joined_with.is_empty() || i != 0 {
            return found;
        }
        match (found, self.joined_one(word)) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// How a term of one word matches `word` written together with its neighbour in the
    /// query ([`Words::joined_with`]): whole is exact, a start a prefix.
    fn joined_one(&self, word: &[char]) -> Option<(u8, usize)> {
        self.joined_with
            .iter()
            .filter_map(|j| {
                if word == j.as_slice() {
                    Some((cost(0, true), j.len()))
                } else {
                    (self.last_prefix && word.len() > j.len() && word.starts_with(j))
                        .then_some((cost(0, false), j.len()))
                }
            })
            .min()
    }

    /// A word of the same Snowball stem as the term's word `i`, which begins as the stem does:
    /// matched as a prefix is (no typo, not exact).
    fn same_stem(&self, i: usize, word: &[char]) -> Option<(u8, usize)> {
        let stem = self.snowball.get(i)?.as_ref()?;
        if word.get(..STEM_HEAD) != stem.get(..STEM_HEAD) {
            return None;
        }
        let term = self.words.get(i)?;
        // One of the two is the word itself, bare (`tax`, `missile`, `country`): two inflected
        // forms of a stem may be forms of two words (`units` and "united").
        let bare = |form: &[char]| {
            form == stem.as_slice()
                || form.strip_prefix(stem.as_slice()) == Some(&['e'][..])
                || stem.split_last().is_some_and(|(&last, head)| {
                    last == 'i' && form.strip_prefix(head) == Some(&['y'][..])
                })
        };
        ((bare(word) || bare(term))
            && inflection_of(word, stem)
            && snowball_stem(word).as_ref() == Some(stem))
        .then_some((cost(0, false), word.len()))
    }

    /// [`Words::word_match`] by the letters as written: whole, a prefix, within typos.
    fn spelled(&self, i: usize, word: &[char]) -> Option<(u8, usize)> {
        let term = self.words.get(i)?;
        let prefix = self.last_prefix && i + 1 == self.words.len();
        let budget = self.budgets.get(i).copied().unwrap_or(0);
        // A plain term typed with its possessive finds the word without it (`India's` finds
        // "India said"), as the word with one is found by the term without (`Scott` finds
        // "Scott's"); a phrase is matched as written.
        if let Some(&Some(stem)) = self.stems.get(i)
            && term.get(..stem) == Some(word)
        {
            // Not exact: the word as typed, possessive and all, ranks first.
            return Some((cost(0, false), word.len()));
        }
        // Each typo adds at most one char: a shorter word cannot match (most words, quickly).
        if word.len() + usize::from(budget) < term.len() {
            return None;
        }
        // A typo at the first letter counts twice, as Meilisearch counts it: people rarely
        // miss a word's first letter, and forgiving it lets a short term match unrelated
        // words (`iran` would find "ran", `guns` "runs").
        let first_differs = term.first() != word.first();
        let budget = if first_differs {
            budget.checked_sub(1)?
        } else {
            budget
        };
        let (found, len) = measure(term, word, prefix, budget)?;
        // A term written with a capital asks for case (smart case), and a typo must not undo
        // that: when the same match needs fewer typos once case is folded, one of its typos
        // was a change of case (`Ceasefire` and "ceasefire"), and it is no match.
        if !self.fold && found > 0 {
            let folded = |cs: &[char]| -> Vec<char> { cs.iter().map(|&c| fold_case(c)).collect() };
            if measure(&folded(term), &folded(word), prefix, budget)
                .is_some_and(|(less, _)| less < found)
            {
                return None;
            }
        }
        let typos = found.saturating_add(u8::from(first_differs));
        Some((cost(typos, is_whole_chars(word, len)), len))
    }

    /// Where the term matches in a sequence of words, each given by `at(word index, term word)`
    /// (typos and matched length, or `None`), or as one of `compounds` (its first word and the
    /// compound, in order): the fewest typos and the index of the first word.
    pub fn find_in(
        &self,
        len: usize,
        mut at: impl FnMut(usize, usize) -> Option<(u8, usize)>,
        compounds: impl IntoIterator<Item = (usize, Compound)>,
    ) -> Option<(u8, usize)> {
        let n = self.words.len();
        let mut best: Option<(u8, usize)> = None;
        for start in 0..(len + 1).saturating_sub(n) {
            let mut typos = 0u8;
            let all = (0..n).all(|i| match at(start + i, i) {
                Some((t, _)) => {
                    typos = typos.saturating_add(t);
                    true
                }
                None => false,
            });
            if all && best.is_none_or(|b| typos < b.0) {
                best = Some((typos, start));
                if typos == 0 {
                    return best;
                }
            }
        }
        // A compound is never exact: it counts only where nothing cheaper, or as cheap and
        // earlier, matched.
        for (start, c) in compounds {
            if best.is_none_or(|b| (c.cost, start) < b) {
                best = Some((c.cost, start));
            }
        }
        best
    }

    /// Every place where the term matches in a sequence of words read as [`Words::find_in`]
    /// reads them, with or without typos, compounds too: the index of its first word, in
    /// order, into `out`.
    pub fn starts_in(
        &self,
        len: usize,
        mut at: impl FnMut(usize, usize) -> Option<(u8, usize)>,
        compounds: impl IntoIterator<Item = (usize, Compound)>,
        out: &mut Vec<usize>,
    ) {
        out.clear();
        let n = self.words.len();
        out.extend(
            (0..(len + 1).saturating_sub(n))
                .filter(|&start| (0..n).all(|i| at(start + i, i).is_some())),
        );
        let before = out.len();
        out.extend(compounds.into_iter().map(|(start, _)| start));
        if out.len() > before {
            out.sort_unstable();
            out.dedup();
        }
    }

    /// Every compound of the term in `text` (split into `split`), in order, with its first
    /// word: none for a term without them. A word is read only when it may be part of one:
    /// one that may begin the term split in two ([`Words::may_head`]) and the word after it,
    /// or one long enough to hold the term's words written together.
    pub fn compounds_of(
        &self,
        text: &str,
        split: &[(Range<usize>, &str)],
    ) -> Vec<(usize, Compound)> {
        let mut out = Vec::new();
        if !self.has_compounds() {
            return out;
        }
        if self.words.len() > 1 {
            let least = self.joined.as_ref().map_or(usize::MAX, Vec::len);
            for (w, (_, word)) in split.iter().enumerate() {
                if word.len() >= least
                    && let Some((cost, len)) = self.joined_match(&chars(word, self.fold))
                {
                    out.push((w, Compound { cost, span: 1, len }));
                }
            }
            return out;
        }
        for (w, pair) in split.windows(2).enumerate() {
            let [(a, head), (b, tail)] = pair else {
                continue;
            };
            if self.may_head(head)
                && joins(text.get(a.end..b.start).unwrap_or_default())
                && let Some(k) = self.split_head(&chars(head, self.fold))
                && let Some((cost, len)) = self.split_tail(k, &chars(tail, self.fold))
            {
                out.push((w, Compound { cost, span: 2, len }));
            }
        }
        out
    }

    /// The words of a split text as [`chars`] gives them, except that a word too short for
    /// any term word (see [`Words::shortest`]) is left empty, unread: it matches none.
    fn chars_of(&self, split: &[(Range<usize>, &str)]) -> Vec<Vec<char>> {
        let shortest = self.shortest();
        split
            .iter()
            .map(|(_, w)| {
                if w.len() < shortest {
                    Vec::new()
                } else {
                    chars(w, self.fold)
                }
            })
            .collect()
    }

    /// Matches the term in `text`: the fewest typos, or `None`.
    pub fn find(&self, text: &str) -> Option<u8> {
        if self.words.len() == 1 {
            // One word: the fewest typos over the text's words, each read once into one buffer;
            // a word too short to match is read only when it may begin or end a compound.
            let shortest = self.shortest();
            let (mut best, mut chars, mut head) = (None, Vec::new(), None);
            for (range, word) in word_ranges(text) {
                // A split's head, and where it ends: only a space or a hyphen may follow it.
                let tail: Option<usize> = head
                    .take()
                    .filter(|&(_, end)| joins(text.get(end..range.start).unwrap_or_default()))
                    .map(|(k, _)| k);
                let long = word.len() >= shortest;
                if !long && tail.is_none() && !self.may_head(word) {
                    continue;
                }
                chars_into(word, self.fold, &mut chars);
                let mut found = long
                    .then(|| self.word_match(0, &chars))
                    .flatten()
                    .map(|(t, _)| t);
                if self.split {
                    let compound = tail
                        .and_then(|k| self.split_tail(k, &chars))
                        .map(|(t, _)| t);
                    found = found.min(compound).or(found).or(compound);
                    head = self.split_head(&chars).map(|k| (k, range.end));
                }
                if let Some(t) = found
                    && best.is_none_or(|b| t < b)
                {
                    best = Some(t);
                    if t == 0 {
                        break;
                    }
                }
            }
            return best;
        }
        let split = split(text);
        let words = self.chars_of(&split);
        self.find_in(
            words.len(),
            |w, i| self.word_match(i, words.get(w)?),
            self.compounds_of(text, &split),
        )
        .map(|(t, _)| t)
    }

    /// The byte ranges of `text` that every match of the term covers (the matched part of each
    /// word), for highlighting.
    pub fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        // Each word of the text is turned into chars once, not once per place it is tried at.
        let split = split(text);
        let words = self.chars_of(&split);
        let compounds = self.compounds_of(text, &split);
        self.ranges_in(&split, |i, w| self.word_match(i, words.get(w)?), &compounds)
    }

    /// As [`Words::ranges`], with `at(i, word)` saying how the term's word `i` matches a word
    /// of the text, as [`Words::word_match`] would (a caller highlighting many texts remembers
    /// the answers: the same words recur). Words too short for any term word are not asked.
    pub fn ranges_by(
        &self,
        text: &str,
        mut at: impl FnMut(usize, &str) -> Option<(u8, usize)>,
    ) -> Vec<Range<usize>> {
        let split = split(text);
        let shortest = self.shortest();
        let compounds = self.compounds_of(text, &split);
        self.ranges_in(
            &split,
            |i, w| {
                let (_, word) = split.get(w)?;
                if word.len() < shortest {
                    return None;
                }
                at(i, word)
            },
            &compounds,
        )
    }

    /// Where the term matches best in `text`: the byte where the first of its places with the
    /// fewest typos starts, and those typos; `at` as for [`Words::ranges_by`].
    pub fn best_place_by(
        &self,
        text: &str,
        mut at: impl FnMut(usize, &str) -> Option<(u8, usize)>,
    ) -> Option<(u8, usize)> {
        let split = split(text);
        let shortest = self.shortest();
        let (typos, start) = self.find_in(
            split.len(),
            |w, i| {
                let (_, word) = split.get(w)?;
                if word.len() < shortest {
                    return None;
                }
                at(i, word)
            },
            self.compounds_of(text, &split),
        )?;
        Some((typos, split.get(start).map_or(0, |(r, _)| r.start)))
    }

    /// The ranges of [`Words::ranges`] in a split text, with `at(i, w)` saying how the term's
    /// word `i` matches the text's word `w`, and `compounds` the compounds found in it
    /// ([`Words::compounds_of`]).
    fn ranges_in(
        &self,
        split: &[(Range<usize>, &str)],
        mut at: impl FnMut(usize, usize) -> Option<(u8, usize)>,
        compounds: &[(usize, Compound)],
    ) -> Vec<Range<usize>> {
        let n = self.words.len();
        let mut out = Vec::new();
        // The matched length of each term word at the place tried, reused from place to place.
        let mut lens: Vec<usize> = Vec::with_capacity(n);
        for start in 0..split.len() {
            lens.clear();
            let all = start + n <= split.len()
                && (0..n).all(|i| match at(i, start + i) {
                    Some((_, len)) => {
                        lens.push(len);
                        true
                    }
                    None => false,
                });
            if !all {
                // A compound: its first word whole when it spans two, the last as matched.
                let Some(&(_, c)) = compounds.iter().find(|(w, _)| *w == start) else {
                    continue;
                };
                lens.clear();
                lens.extend(
                    split
                        .get(start..start + c.span - 1)
                        .into_iter()
                        .flatten()
                        .map(|(_, word)| {
                            if self.fold {
                                chars(word, true).len()
                            } else {
                                word.chars().count()
                            }
                        }),
                );
                lens.push(c.len);
            }
            for (w, &len) in (start..).zip(&lens) {
                if let Some((range, word)) = split.get(w) {
                    out.push(range.start..range.start + byte_len(word, len, self.fold));
                }
            }
        }
        out
    }
}

/// True when a match of `len` chars (as [`Words::word_match`] measures it, of a word as
/// [`chars`] gives it) covers the whole of `word`, or all of it but a
/// possessive `'s` (`India's` for `india`), not only a prefix of a longer word.
fn is_whole_chars(word: &[char], len: usize) -> bool {
    match word.get(len..).unwrap_or_default() {
        [] => true,
        [apostrophe, s] => matches!(apostrophe, '\'' | '\u{2019}') && matches!(s, 's' | 'S'),
        _ => false,
    }
}

/// The bytes of `word` that its first `n` chars (as [`chars`] gives them) take, to the end of
/// the grapheme cluster the last of them is in.
fn byte_len(word: &str, n: usize, fold: bool) -> usize {
    if word.is_ascii() {
        return n.min(word.len());
    }
    let mut count = 0;
    for (b, g) in word.grapheme_indices(true) {
        if count >= n {
            return b;
        }
        cluster_chars(g, fold, |_| count += 1);
    }
    word.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<char> {
        chars(s, true)
    }

    #[test]
    fn typos_by_length() {
        assert_eq!(typo_budget("war".chars()), 0);
        assert_eq!(typo_budget("iran".chars()), 1);
        assert_eq!(typo_budget("sharifs".chars()), 1);
        assert_eq!(typo_budget("ceasfire".chars()), 2);
        assert_eq!(typo_budget("2009".chars()), 0);
        assert_eq!(typo_budget("covid19".chars()), 0);
    }

    #[test]
    fn prefixes_and_typos() {
        assert_eq!(
            distance(&c("mediat"), &c("mediation"), true, 1),
            Some((0, 6))
        );
        assert_eq!(
            distance(&c("ceasfire"), &c("ceasefire"), true, 2),
            Some((1, 9))
        );
        assert_eq!(
            distance(&c("medation"), &c("mediation"), true, 2),
            Some((1, 9))
        );
        assert_eq!(distance(&c("cfire"), &c("ceasefire"), true, 1), None);
        assert_eq!(distance(&c("teh"), &c("the"), false, 1), Some((1, 3)));
        assert_eq!(distance(&c("fire"), &c("fired"), false, 0), None);
        assert_eq!(distance(&c("fire"), &c("fired"), true, 0), Some((0, 4)));
    }

    #[test]
    fn words_split_as_a_reader_would() {
        let w: Vec<&str> = split("India's cross-border fire, 10 May.")
            .into_iter()
            .map(|(_, w)| w)
            .collect();
        assert_eq!(w, ["India's", "cross", "border", "fire", "10", "May"]);
        let w: Vec<&str> = split("rock'n'roll 1990's 'quoted' a''b end'")
            .into_iter()
            .map(|(_, w)| w)
            .collect();
        assert_eq!(w, ["rock'n'roll", "1990", "s", "quoted", "a", "b", "end"]);
        assert_eq!(chars("Café", true), c("cafe"));
        assert_eq!(chars("nai\u{308}ve", true), c("naive"));
    }

    /// The ASCII walk splits as UAX #29 does, so a term and a field split alike whichever walk
    /// each takes (`1.5` was two words in an ASCII field and one beside an accent).
    #[test]
    fn ascii_text_splits_as_uax29_does() {
        let samples = [
            "India's cross-border fire, 10 May.",
            "rock'n'roll 1990's 'quoted' a''b end'",
            "lost 1.5 million, $1,500 and 2.8% in the U.S. e.g. today",
            "a:b 12:30 1;2 3'000 x.y.z 1.2.3 a1.b 1a.2 __init__ _ __ a_b_ _9",
            "9/11 O'Neil N.H. 50% $10,000 e-mail a..b 1..2 .5 5. ,5 'a' a' 'a",
        ];
        let mut all: Vec<String> = samples.iter().map(|s| (*s).to_owned()).collect();
        // Every pair of the characters that matter, between letters and digits.
        let parts = ["a", "1", "_", "'", ".", ":", ",", ";", " ", "-"];
        for x in parts {
            for y in parts {
                for z in parts {
                    all.push(format!("b{x}{y}{z}2 2{x}{y}{z}b {x}{y}{z}"));
                }
            }
        }
        for text in &all {
            let ascii: Vec<(usize, &str)> = (AsciiWords { text, at: 0 })
                .map(|(r, w)| (r.start, w))
                .collect();
            let unicode: Vec<(usize, &str)> = text.unicode_word_indices().collect();
            assert_eq!(ascii, unicode, "{text:?}");
        }
    }

    proptest::proptest! {
        /// Any short ASCII text of the characters that matter splits as UAX #29 does.
        #[test]
        fn any_ascii_text_splits_as_uax29_does(text in "[a-zA-Z0-9_'.:,; \\-@`\\[{]{0,48}") {
            let ascii: Vec<(usize, &str)> = (AsciiWords { text: &text, at: 0 })
                .map(|(r, w)| (r.start, w))
                .collect();
            let unicode: Vec<(usize, &str)> = text.unicode_word_indices().collect();
            proptest::prop_assert_eq!(ascii, unicode);
        }
    }

    #[test]
    fn a_term_of_several_words_matches_them_in_sequence() {
        let w = Words::new("united sta", true, false, true, false);
        assert!(
            w.as_ref()
                .is_some_and(|w| w.find("The United States said") == Some(1)),
            "no typo; a prefix of the last word costs one"
        );
        assert!(w.is_some_and(|w| w.find("States united").is_none()));
    }

    #[test]
    fn a_term_with_a_capital_keeps_its_case_through_its_typos() {
        let find = |term: &str, text: &str| {
            Words::new(term, false, true, true, true).and_then(|w| w.find(text))
        };
        assert_eq!(find("Ceasefire", "the ceasefire held"), None);
        assert_eq!(find("Ceasefire", "the Ceasefire held"), Some(0));
        assert_eq!(find("Ceasfire", "the Ceasefire held"), Some(TYPO));
        assert_eq!(find("Ceasfire", "the ceasefire held"), None);
        assert_eq!(find("CeaseFire", "the Ceasefire held"), None);
        assert_eq!(find("Operation", "the operation began"), None);
        assert_eq!(find("Sharif", "SHARIF said"), None);
    }

    #[test]
    fn a_typo_at_the_first_letter_counts_twice() {
        let find = |term: &str, text: &str| {
            Words::new(term, true, true, true, true).and_then(|w| w.find(text))
        };
        // One typo allowed: not at the first letter.
        assert_eq!(find("iran", "he ran for office"), None);
        assert_eq!(find("guns", "the runs"), None);
        assert_eq!(find("cfire", "Pakistani fire"), None);
        assert_eq!(find("iarn", "sanctions on Iran"), Some(TYPO));
        // Two allowed (8 letters or more): a first-letter typo uses both.
        assert_eq!(find("xeasefire", "the ceasefire held"), Some(2 * TYPO));
        assert_eq!(find("xeasfire", "the ceasefire held"), None);
    }

    /// A long term's typos fall in the start of a longer word only: a word no longer than the
    /// term must be within the typos whole.
    #[test]
    fn typos_in_a_start_need_a_longer_word() {
        let find = |term: &str, text: &str| {
            Words::new(term, true, true, true, true).and_then(|w| w.find(text))
        };
        assert_eq!(find("presdent", "their presence there"), None);
        assert_eq!(find("marriage", "they married"), None);
        assert_eq!(find("presdent", "the president"), Some(TYPO));
        assert_eq!(find("ceasfire", "ceasefires held"), Some(TYPO + 1));
    }

    #[test]
    fn a_whole_word_costs_less_than_a_prefix_and_a_prefix_less_than_a_typo() {
        let find = |term: &str, text: &str| {
            Words::new(term, true, true, true, true).and_then(|w| w.find(text))
        };
        assert_eq!(find("war", "an act of war"), Some(0));
        assert_eq!(find("war", "an early-warning plane"), Some(1));
        assert_eq!(
            find("india", "India's strikes"),
            Some(0),
            "a possessive is whole"
        );
        assert_eq!(find("ceasfire", "the ceasefire held"), Some(TYPO));
        assert_eq!(find("ceasfire", "ceasefires held"), Some(TYPO + 1));
        assert_eq!(typos_of(TYPO + 1), 1);
        // The best word of the text wins, wherever it is.
        assert_eq!(find("war", "warning of war"), Some(0));
    }
}
