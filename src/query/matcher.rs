//! The matchers behind search: one small trait and two implementations, nucleo-matcher (the
//! default, see README.md and BENCHMARKS.md for the measurements) and fuzzy-matcher's SkimMatcherV2.
//!
//! A matcher prepares a [`Term`] once into a [`Needle`], which then scores many fields. Match
//! positions are char indices into the field; `crate::query::highlight` turns them into whole
//! grapheme clusters for drawing.

use super::pattern::{Term, TermKind};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};
use nucleo_matcher::{Config, Utf32Str};
use std::cell::RefCell;
use unicode_segmentation::UnicodeSegmentation;

/// A prepared term that scores fields. Shared between the threads of one search.
pub trait Needle: Send + Sync {
    /// The score when the field matches (higher is better), else `None`.
    fn score(&self, haystack: &str) -> Option<u32>;
    /// The score and the matched positions, as char indices into `haystack`.
    fn indices(&self, haystack: &str) -> Option<(u32, Vec<usize>)>;
    /// Whether the field matches, without scoring: what a view needs on every keystroke.
    fn is_match(&self, haystack: &str) -> bool {
        self.score(haystack).is_some()
    }
}

/// A quick yes or no for ASCII text and an ASCII needle, the same answer both matchers give:
/// a fuzzy term matches when its letters appear in order, a substring when it appears whole.
/// `None` when the quick answer does not apply (non-ASCII text, or another kind of term).
fn quick_match(haystack: &str, needle: &[u8], kind: TermKind, fold: bool) -> Option<bool> {
    if !haystack.is_ascii() || needle.is_empty() {
        return None;
    }
    let hay = haystack.as_bytes();
    // memchr finds each next letter (either case when folding) at SIMD speed.
    let find = |from: usize, n: u8| -> Option<usize> {
        let rest = hay.get(from..)?;
        let upper = n.to_ascii_uppercase();
        let at = if fold && upper != n {
            memchr::memchr2(n, upper, rest)
        } else {
            memchr::memchr(n, rest)
        };
        at.map(|i| from + i)
    };
    match kind {
        TermKind::Word => {
            let mut from = 0;
            for &n in needle {
                match find(from, n) {
                    Some(i) => from = i + 1,
                    None => return Some(false),
                }
            }
            Some(true)
        }
        TermKind::Substring => {
            let (&first, tail) = needle.split_first()?;
            let mut from = 0;
            while let Some(i) = find(from, first) {
                let fits = hay.get(i + 1..i + 1 + tail.len()).is_some_and(|w| {
                    w.iter().zip(tail).all(|(&h, &n)| {
                        if fold {
                            h.to_ascii_lowercase() == n
                        } else {
                            h == n
                        }
                    })
                });
                if fits {
                    return Some(true);
                }
                from = i + 1;
            }
            Some(false)
        }
        _ => None,
    }
}

/// The needle of a term as quick_match wants it: ASCII, lower-cased unless case-sensitive.
fn quick_needle(term: &Term) -> Option<Vec<u8>> {
    term.text.is_ascii().then(|| {
        if term.case_sensitive {
            term.text.as_bytes().to_vec()
        } else {
            term.text.to_ascii_lowercase().into_bytes()
        }
    })
}

/// A fuzzy matcher: prepares terms for matching.
pub trait Matcher: Send + Sync {
    /// Prepares one term (its kind and case rule included).
    fn prepare(&self, term: &Term) -> Box<dyn Needle>;
}

/// Which matcher a search uses (`--matcher`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "kebab-case")]
pub enum MatcherKind {
    /// nucleo-matcher: the fzf algorithm, with Unicode normalisation (`cafe` finds `café`).
    #[default]
    Nucleo,
    /// fuzzy-matcher's SkimMatcherV2.
    Skim,
}

impl MatcherKind {
    /// Every matcher, the default first.
    pub const ALL: [MatcherKind; 2] = [MatcherKind::Nucleo, MatcherKind::Skim];

    /// The name `--matcher` takes.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The matcher itself.
    pub fn matcher(self) -> &'static dyn Matcher {
        match self {
            MatcherKind::Nucleo => &NucleoMatcher,
            MatcherKind::Skim => &SkimMatcher,
        }
    }
}

/// nucleo-matcher, through its [`Atom`]s.
pub struct NucleoMatcher;

struct NucleoNeedle {
    atom: Atom,
    term: Term,
    quick: Option<Vec<u8>>,
    /// For a literal kind, what matches a field that is not ASCII: nucleo-matcher 0.3.1's
    /// substring match misses a match that ends a non-ASCII field ("Dassault Aviation" after an
    /// "É"), so such fields are matched char by char, as the skim matcher matches them all.
    literal: Option<Literal>,
}

thread_local! {
    /// nucleo's matcher holds scratch memory and needs `&mut`: one per thread.
    static NUCLEO: RefCell<(nucleo_matcher::Matcher, Vec<char>)> =
        RefCell::new((nucleo_matcher::Matcher::new(Config::DEFAULT), Vec::new()));
}

impl Matcher for NucleoMatcher {
    fn prepare(&self, term: &Term) -> Box<dyn Needle> {
        // nucleo-matcher 0.3.1 compares the whole ASCII field, not the prefix or suffix, when
        // matching case-sensitively, so `^Nine` would never match: those go char by char, as
        // does an anchored phrase, whose open end must be a word's (nucleo cannot say).
        if (term.case_sensitive || term.whole_words)
            && matches!(term.kind, TermKind::Prefix | TermKind::Suffix)
        {
            return Box::new(Literal::new(term));
        }
        let kind = match term.kind {
            TermKind::Word => AtomKind::Fuzzy,
            TermKind::Substring | TermKind::Phrase { .. } => AtomKind::Substring,
            TermKind::Prefix => AtomKind::Prefix,
            TermKind::Suffix => AtomKind::Postfix,
            TermKind::Exact => AtomKind::Exact,
        };
        let case = if term.case_sensitive {
            CaseMatching::Respect
        } else {
            CaseMatching::Ignore
        };
        // A term in lower case ignores accents: given without them, so that nucleo's smart
        // normalisation folds the text's (`día` finds "dia" as `dia` finds "Día").
        let text: String = if term.case_sensitive {
            term.text.clone()
        } else {
            // (As words fold it: `ß` is `ss`, not nucleo's `s`.)
            super::words::chars(&term.text, true).into_iter().collect()
        };
        Box::new(NucleoNeedle {
            atom: Atom::new(&text, case, Normalization::Smart, kind, false),
            term: term.clone(),
            quick: quick_needle(term),
            literal: (term.kind != TermKind::Word).then(|| Literal::new(term)),
        })
    }
}

/// Fills `buf` with the first char of each grapheme cluster, as nucleo expects for non-ASCII
/// text, so a combining mark never splits a match. (Built here rather than by
/// `Utf32Str::new`, which hands back the raw bytes when every cluster starts with ASCII.)
fn utf32<'a>(haystack: &'a str, buf: &'a mut Vec<char>) -> Utf32Str<'a> {
    if haystack.is_ascii() {
        return Utf32Str::Ascii(haystack.as_bytes());
    }
    buf.clear();
    buf.extend(haystack.graphemes(true).filter_map(|g| g.chars().next()));
    Utf32Str::Unicode(buf)
}

impl Needle for NucleoNeedle {
    fn score(&self, haystack: &str) -> Option<u32> {
        if let Some(literal) = self.literal.as_ref().filter(|_| !haystack.is_ascii()) {
            return literal.score(haystack);
        }
        NUCLEO.with(|cell| {
            let mut guard = cell.borrow_mut();
            let (matcher, buf) = &mut *guard;
            self.atom
                .score(utf32(haystack, buf), matcher)
                .map(u32::from)
        })
    }

    fn indices(&self, haystack: &str) -> Option<(u32, Vec<usize>)> {
        if let Some(literal) = self.literal.as_ref().filter(|_| !haystack.is_ascii()) {
            return literal.indices(haystack);
        }
        let (score, clusters) = NUCLEO.with(|cell| {
            let mut guard = cell.borrow_mut();
            let (matcher, buf) = &mut *guard;
            let mut found = Vec::new();
            let score = self
                .atom
                .indices(utf32(haystack, buf), matcher, &mut found)?;
            Some((u32::from(score), found))
        })?;
        if haystack.is_ascii() {
            return Some((score, clusters.into_iter().map(|i| i as usize).collect()));
        }
        // Positions are cluster indices here: turn each into its cluster's first char.
        let mut starts = Vec::new();
        let mut chars = 0;
        for g in haystack.graphemes(true) {
            starts.push(chars);
            chars += g.chars().count();
        }
        let mut out: Vec<usize> = clusters
            .into_iter()
            .filter_map(|i| starts.get(i as usize).copied())
            .collect();
        out.sort_unstable();
        out.dedup();
        Some((score, out))
    }

    fn is_match(&self, haystack: &str) -> bool {
        self.quick
            .as_deref()
            .and_then(|n| quick_match(haystack, n, self.term.kind, !self.term.case_sensitive))
            .unwrap_or_else(|| self.score(haystack).is_some())
    }
}

/// fuzzy-matcher's SkimMatcherV2 for fuzzy terms; the literal kinds are matched directly.
pub struct SkimMatcher;

struct SkimNeedle(SkimMatcherV2, String, Option<Vec<u8>>, bool);

impl Matcher for SkimMatcher {
    fn prepare(&self, term: &Term) -> Box<dyn Needle> {
        match term.kind {
            TermKind::Word => {
                let m = SkimMatcherV2::default();
                let m = if term.case_sensitive {
                    m.respect_case()
                } else {
                    m.ignore_case()
                };
                Box::new(SkimNeedle(
                    m,
                    term.text.clone(),
                    quick_needle(term),
                    !term.case_sensitive,
                ))
            }
            _ => Box::new(Literal::new(term)),
        }
    }
}

impl Needle for SkimNeedle {
    fn score(&self, haystack: &str) -> Option<u32> {
        self.0
            .fuzzy_match(haystack, &self.1)
            .map(|s| u32::try_from(s.max(0)).unwrap_or(0))
    }

    fn indices(&self, haystack: &str) -> Option<(u32, Vec<usize>)> {
        self.0
            .fuzzy_indices(haystack, &self.1)
            .map(|(s, i)| (u32::try_from(s.max(0)).unwrap_or(0), i))
    }

    fn is_match(&self, haystack: &str) -> bool {
        self.2
            .as_deref()
            .and_then(|n| quick_match(haystack, n, TermKind::Word, self.3))
            .unwrap_or_else(|| self.score(haystack).is_some())
    }
}

/// Where `term` is written whole in `haystack`: the positions of its chars, case folded as a
/// literal term folds it (smart case), at the first place an exact (`'`) term finds it.
pub fn written_whole(term: &Term, haystack: &str) -> Option<Vec<usize>> {
    let literal = Literal::new(&Term {
        kind: TermKind::Substring,
        ..term.clone()
    });
    if literal.needle.is_empty() {
        return None;
    }
    literal.indices(haystack).map(|(_, at)| at)
}

/// A substring, prefix, suffix or whole-field term, matched char by char.
struct Literal {
    needle: Vec<char>,
    kind: TermKind,
    fold: bool,
    /// An anchored phrase: no letter or digit of the field touches its open end.
    whole_words: bool,
}

impl Literal {
    fn new(term: &Term) -> Literal {
        let fold = !term.case_sensitive;
        let mut needle = Vec::new();
        for g in term.text.graphemes(true) {
            super::words::cluster_chars(g, fold, |c| needle.push(c));
        }
        Literal {
            needle,
            kind: term.kind,
            fold,
            whole_words: term.whole_words,
        }
    }

    /// The score and the char indices of `haystack` the term covers. The haystack is read as
    /// words are ([`super::words::cluster_chars`]: composed, accents folded as the term is), so
    /// text decomposed by a PDF or a Mac matches what is typed.
    fn find(&self, haystack: &str) -> Option<(u32, Vec<usize>)> {
        // Each char as matched, with the index in `haystack` of its cluster's first char.
        let (mut hay, mut from) = (Vec::new(), Vec::new());
        let mut at = 0;
        for g in haystack.graphemes(true) {
            super::words::cluster_chars(g, self.fold, |c| {
                hay.push(c);
                from.push(at);
            });
            at += g.chars().count();
        }
        let n = self.needle.len();
        let at = |i: usize| {
            hay.get(i..i + n)
                .is_some_and(|w| w == self.needle.as_slice())
        };
        // An anchored phrase is whole words: the field's char at `i` (where it ends, or
        // starts) must begin a word of the field, not go on with one (`Obama's`, `U.S`).
        let word_goes_on = |i: usize| {
            self.whole_words
                && from
                    .get(i)
                    .is_some_and(|&c| super::words::inside_word(haystack, c))
        };
        let start = match self.kind {
            TermKind::Prefix => (at(0) && !word_goes_on(n)).then_some(0),
            TermKind::Suffix => hay
                .len()
                .checked_sub(n)
                .filter(|&i| at(i) && !word_goes_on(i)),
            TermKind::Exact => (hay.len() == n && at(0)).then_some(0),
            TermKind::Substring | TermKind::Word | TermKind::Phrase { .. } => {
                (0..=hay.len().saturating_sub(n)).find(|&i| at(i))
            }
        }?;
        // Like fzf: a match at a word start scores more than one inside a word.
        let boundary = start == 0 || hay.get(start - 1).is_some_and(|c| !c.is_alphanumeric());
        let score = 16 * n as u32 + if boundary { 8 } else { 0 };
        let mut chars: Vec<usize> = from.get(start..start + n).unwrap_or_default().to_vec();
        chars.dedup();
        Some((score, chars))
    }
}

impl Needle for Literal {
    fn score(&self, haystack: &str) -> Option<u32> {
        self.find(haystack).map(|(s, _)| s)
    }

    fn indices(&self, haystack: &str) -> Option<(u32, Vec<usize>)> {
        self.find(haystack)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(s: &str) -> Term {
        Term::parse(s).unwrap_or(Term {
            text: String::new(),
            kind: TermKind::Word,
            negated: false,
            case_sensitive: false,
            whole_words: false,
        })
    }

    #[test]
    fn both_matchers_agree_on_what_matches() {
        for kind in MatcherKind::ALL {
            let m = kind.matcher();
            let yes = |q: &str, h: &str| m.prepare(&term(q)).score(h).is_some();
            assert!(yes("cfire", "ceasefire"), "{kind:?}");
            assert!(!yes("zqx", "ceasefire"), "{kind:?}");
            assert!(yes("'fire", "ceasefire"), "{kind:?}");
            assert!(!yes("'cfire", "ceasefire"), "{kind:?}");
            assert!(yes("^cease", "ceasefire"), "{kind:?}");
            assert!(!yes("^fire", "ceasefire"), "{kind:?}");
            assert!(yes("fire$", "ceasefire"), "{kind:?}");
            assert!(yes("^ceasefire$", "Ceasefire"), "{kind:?}");
            assert!(!yes("Cease", "ceasefire"), "{kind:?}");
            // A literal at the end of a field that is not ASCII.
            let field = "Éric Trappier, CEO of Dassault Aviation";
            assert!(yes("'aviation", field), "{kind:?}");
            assert!(yes("'Aviation", field), "{kind:?}");
            assert!(yes("'Ağacı", "Evrim Ağacı"), "{kind:?}");
            assert!(yes("aviation$", field), "{kind:?}");
            assert!(!yes("'aviations", field), "{kind:?}");
        }
    }

    #[test]
    fn quick_answers_agree_with_scoring() {
        let fields = [
            "Ceasefire talks",
            "the sea fire",
            "nothing here",
            "CEASE fire",
            "fire",
        ];
        for kind in MatcherKind::ALL {
            for q in ["cfire", "Cfire", "'fire", "'sea f", "ceasefire", "zz"] {
                let n = kind.matcher().prepare(&term(q));
                for f in fields {
                    assert_eq!(n.is_match(f), n.score(f).is_some(), "{kind:?} {q} {f}");
                }
            }
        }
    }

    #[test]
    fn nucleo_positions_are_char_indices() {
        let n = MatcherKind::Nucleo.matcher().prepare(&term("ve"));
        // "nai" + combining diaeresis + "ve": 'v' is char 4.
        assert_eq!(n.indices("nai\u{308}ve").map(|(_, i)| i), Some(vec![4, 5]));
    }
}
