//! What the matcher sees of a claim: its words stemmed and classed (names, numbers, common
//! words), weighted by how rare they are in the dispute itself, and its dates and outlets.
//!
//! Nothing here knows one dispute's wording: the weights come from the claims loaded (an inverse
//! document frequency over every claim), and the classes from the shape of a word (a capital
//! inside a sentence, a digit).

use crate::format::{Claim, Dispute};
use foldhash::HashSet;
use rust_stemmers::{Algorithm, Stemmer};
use std::cell::RefCell;
use std::collections::HashMap;

/// What kind of word a term is; rarer kinds tell more about what a claim is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// An ordinary word.
    Common,
    /// A proper name: capitalised inside a sentence, or an acronym.
    Name,
    /// A number or a year.
    Number,
    /// One of the claim's tags.
    Tag,
}

/// A term of the dispute's vocabulary.
pub type Term = u32;

/// English function words: they carry no topic. General English, not any dispute's wording.
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at", "be",
    "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does",
    "during", "each", "for", "from", "had", "has", "have", "he", "her", "his", "how", "i", "if",
    "in", "into", "is", "it", "its", "may", "more", "most", "must", "no", "not", "of", "on", "one",
    "only", "or", "other", "our", "out", "over", "own", "said", "says", "she", "should", "so",
    "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "those", "through", "to", "under", "until", "up", "upon", "was", "we", "were", "what",
    "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you",
];

/// Contractions whose first part is not itself a function word as written.
const CONTRACTIONS: &[&str] = &["can't", "shan't", "won't"];

/// The endings of English contractions (`don't`, `we're`, `I'm`, `they've`, `it'll`, `he'd`).
const CONTRACTED: &[&str] = &["n't", "'re", "'ve", "'ll", "'d", "'m"];

/// Contractions as they are often typed, without the apostrophe (`dont`, `weve`: LIAR named
/// them as shared words). Only those that are no other word: not `well`, `were`, `shell`,
/// `hell`, `ill`, `id`, `wed`, `whore`, `lets`; nor `im`, which may be an acronym.
const UNMARKED: &[&str] = &[
    "arent", "cant", "couldnt", "couldve", "didnt", "doesnt", "dont", "hadnt", "hasnt", "havent",
    "isnt", "ive", "mustnt", "shant", "shouldnt", "shouldve", "thats", "theyll", "theyre",
    "theyve", "wasnt", "werent", "weve", "whats", "wont", "wouldnt", "wouldve", "youll", "youre",
    "youve",
];

/// True for a function word, or a contraction of one (`don't`, `hasn’t`, `we're`, `dont`): they
/// carry no topic, whichever apostrophe they are written with, or none.
pub fn is_function_word(lower: &str) -> bool {
    if STOPWORDS.binary_search(&lower).is_ok() || UNMARKED.binary_search(&lower).is_ok() {
        return true;
    }
    if !lower.contains(['\'', '’']) {
        return false;
    }
    let plain = lower.replace('’', "'");
    CONTRACTIONS.contains(&plain.as_str())
        || CONTRACTED.iter().any(|end| {
            plain
                .strip_suffix(end)
                .is_some_and(|base| STOPWORDS.binary_search(&base).is_ok())
        })
}

/// One word of a text, before weighting.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// The stem, lower case.
    pub stem: String,
    /// The word as written (for reasons).
    pub surface: String,
    /// Its class.
    pub class: Class,
}

/// Splits a text into words, stems them and classes them.
pub struct Tokenizer {
    stemmer: Stemmer,
}

impl Default for Tokenizer {
    fn default() -> Self {
        Tokenizer {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }
}

/// The pieces of a text that may be words, each with whether it starts a sentence (after a full
/// stop, question or exclamation mark, colon or semicolon, or at the start).
pub fn pieces(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut stop = true;
    let mut push = |from: usize, to: usize, stop: &mut bool| {
        let piece = text.get(from..to).unwrap_or("");
        let piece = piece.trim_matches(|c| c == '\'' || c == '’');
        let piece = piece
            .strip_suffix("'s")
            .or_else(|| piece.strip_suffix("’s"))
            .unwrap_or(piece);
        if !piece.is_empty() {
            out.push((piece, *stop));
            *stop = false;
        }
    };
    let mut last = None;
    for (i, c) in text.char_indices() {
        // A thousands separator, decimal point or slash between digits keeps a number whole:
        // 40,000, 2.8 and 9/11 are one number each, not 40 and 000, 2 and 8, or 9 and 11.
        let in_number = matches!(c, ',' | '.' | '/')
            && last.is_some_and(|l: char| l.is_ascii_digit())
            && text
                .get(i + 1..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(|n| n.is_ascii_digit());
        last = Some(c);
        if c.is_alphanumeric() || c == '\'' || c == '’' || (in_number && start.is_some()) {
            start.get_or_insert(i);
        } else {
            if let Some(s) = start.take() {
                push(s, i, &mut stop);
            }
            if matches!(c, '.' | '?' | '!' | ';' | ':') {
                stop = true;
            }
        }
    }
    if let Some(s) = start {
        push(s, text.len(), &mut stop);
    }
    out
}

/// The class of a piece as written: a digit makes a number; a capital inside a sentence, or two
/// capitals anywhere (an acronym), a name.
pub fn class_of(piece: &str, sentence_start: bool) -> Class {
    if piece.chars().any(|c| c.is_ascii_digit()) {
        return Class::Number;
    }
    let first_upper = piece.chars().next().is_some_and(char::is_uppercase);
    let capitals = piece.chars().filter(|c| c.is_uppercase()).count();
    if first_upper && (capitals >= 2 || !sentence_start) {
        Class::Name
    } else {
        Class::Common
    }
}

impl Tokenizer {
    /// The stem of a lower-cased word, or `None` for a word that carries no meaning (a function
    /// word, a single letter). Numbers keep their digits (without thousands commas).
    pub fn stem(&self, lower: &str) -> Option<String> {
        let has_digit = lower.chars().any(|c| c.is_ascii_digit());
        if has_digit {
            return Some(lower.replace(',', ""));
        }
        if lower.chars().count() < 2 || is_function_word(lower) {
            return None;
        }
        Some(self.stemmer.stem(lower).into_owned())
    }

    /// The words of `text` that carry meaning, stemmed and classed.
    pub fn words(&self, text: &str) -> Vec<Word> {
        pieces(text)
            .into_iter()
            .filter_map(|(piece, starts)| {
                let stem = self.stem(&piece.to_lowercase())?;
                Some(Word {
                    stem,
                    surface: piece.to_owned(),
                    class: class_of(piece, starts),
                })
            })
            .collect()
    }
}

/// A fast hash map: the vocabulary is looked up once for every word of every claim.
type Map<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// The terms of every claim and question, interned, with how many documents hold each.
#[derive(Debug, Default)]
pub struct Vocabulary {
    /// The term of each stem, by the class it is keyed under: common words (and names), numbers,
    /// tags.
    ids: [Map<String, Term>; 3],
    /// Each lower-cased word seen, with its term (`None`: not a meaningful word), so a word is
    /// stemmed once however often it is written.
    words: Map<String, Option<Term>>,
    /// Documents holding each term.
    pub df: Vec<u32>,
    /// The class of each term (names settled by [`Vocabulary::settle`]).
    pub class: Vec<Class>,
    /// Terms weighed as common words though they are numbers: one or two digits alone (`97`,
    /// `25`), which count anything (percent, ages, a bill's number), so sharing one says little.
    plain: Vec<bool>,
    /// How often each term was written as a name (capitalised inside a sentence, or an acronym)
    /// and how often in lower case: what [`Vocabulary::settle`] decides by.
    votes: Vec<[u32; 2]>,
    /// Documents counted.
    pub docs: u32,
}

impl Vocabulary {
    /// The term of a (class, stem), added when new. Names and common words share a stem space:
    /// "Attack" at a sentence start and "attack" inside one are the same word.
    pub fn intern(&mut self, class: Class, stem: &str) -> Term {
        let key = match class {
            Class::Common | Class::Name => 0,
            Class::Number => 1,
            Class::Tag => 2,
        };
        if let Some(&t) = self.ids[key].get(stem) {
            return t;
        }
        let t = self.df.len() as Term;
        self.ids[key].insert(stem.to_owned(), t);
        self.df.push(0);
        self.class.push(if class == Class::Name {
            Class::Common
        } else {
            class
        });
        self.votes.push([0, 0]);
        self.plain.push(
            class == Class::Number && stem.len() <= 2 && stem.bytes().all(|b| b.is_ascii_digit()),
        );
        t
    }

    /// The term of a word in lower case, interning its stem when new; `None` for a word that
    /// carries no meaning. `class` is how this one was written ([`class_of`]) and `lower_case`
    /// whether it began with a small letter: the votes for whether the term is a name.
    pub fn lowered(
        &mut self,
        tokenizer: &Tokenizer,
        lower: &str,
        class: Class,
        lower_case: bool,
    ) -> Option<Term> {
        let term = match self.words.get(lower) {
            Some(t) => *t,
            None => {
                let t = tokenizer.stem(lower).map(|stem| self.intern(class, &stem));
                self.words.insert(lower.to_owned(), t);
                t
            }
        }?;
        if let Some(v) = self.votes.get_mut(term as usize) {
            match class {
                Class::Name => v[0] += 1,
                Class::Common if lower_case => v[1] += 1,
                _ => {}
            }
        }
        Some(term)
    }

    /// Decides which words are names: those written as names more often than in lower case.
    /// A common word that a quotation or a heading capitalises now and then ("Don't", "True")
    /// stays common; a capital at a sentence's start is no vote either way.
    pub fn settle(&mut self) {
        for (c, [name, lower]) in self.class.iter_mut().zip(&self.votes) {
            if matches!(c, Class::Common | Class::Name) {
                *c = if name > lower {
                    Class::Name
                } else {
                    Class::Common
                };
            }
        }
    }

    /// The class a term is weighed as: a word written as a name even once counts as one, since
    /// a capital inside a sentence marks what a claim is about (the reasons name only settled
    /// names, see [`Vocabulary::settle`]).
    pub fn weighed_class(&self, t: Term) -> Class {
        match self.class.get(t as usize) {
            Some(Class::Common | Class::Name) => {
                if self.votes.get(t as usize).is_some_and(|v| v[0] > 0) {
                    Class::Name
                } else {
                    Class::Common
                }
            }
            Some(Class::Number) if self.plain.get(t as usize) == Some(&true) => Class::Common,
            Some(c) => *c,
            None => Class::Common,
        }
    }

    /// Counts one document's distinct terms.
    pub fn count(&mut self, terms: impl IntoIterator<Item = Term>) {
        self.docs += 1;
        for t in terms {
            if let Some(df) = self.df.get_mut(t as usize) {
                *df += 1;
            }
        }
    }

    /// The BM25 inverse document frequency of a term: near 0 for a word in every claim.
    pub fn idf(&self, t: Term) -> f32 {
        let n = self.docs as f32;
        let df = self.df.get(t as usize).copied().unwrap_or(0) as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }
}

/// A sparse vector: (term, weight), sorted by term, of unit length.
pub type Vector = Vec<(Term, f32)>;

/// The dot product of two sorted sparse vectors.
pub fn dot(a: &[(Term, f32)], b: &[(Term, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

thread_local! {
    /// A vector spread over the vocabulary, reused by each thread (see [`with_spread`]).
    static SPREAD: RefCell<Vec<f32>> = const { RefCell::new(Vec::new()) };
}

/// Calls `f` with a function giving the dot product of `a` with any vector: the same sums as
/// [`dot`], in the same order, but one look-up per term of the other vector instead of a merge
/// of both, since `a` is spread over a dense array for the call. For one vector against many.
pub fn with_spread<R>(a: &[(Term, f32)], f: impl FnOnce(&dyn Fn(&[(Term, f32)]) -> f32) -> R) -> R {
    SPREAD.with(|cell| {
        let Ok(mut dense) = cell.try_borrow_mut() else {
            return f(&|b| dot(a, b));
        };
        let need = a.last().map_or(0, |(t, _)| *t as usize + 1);
        if dense.len() < need {
            dense.resize(need, 0.0);
        }
        for &(t, w) in a {
            if let Some(x) = dense.get_mut(t as usize) {
                *x = w;
            }
        }
        let spread = &*dense;
        // A term `a` lacks adds 0.0, which leaves the sum exactly as it was.
        let out = f(&|b| {
            let mut sum = 0.0;
            for &(t, w) in b {
                if let Some(&x) = spread.get(t as usize) {
                    sum += x * w;
                }
            }
            sum
        });
        for &(t, _) in a {
            if let Some(x) = dense.get_mut(t as usize) {
                *x = 0.0;
            }
        }
        out
    })
}

/// Scales a vector to unit length (a zero vector stays zero).
pub fn normalise(v: &mut Vector) {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in v.iter_mut() {
            *w /= norm;
        }
    }
}

/// The most of one text the matcher reads: a claim is a paraphrase, and what it is about shows
/// in its beginning. A whole report pasted into one claim (millions of words) would otherwise
/// take gigabytes and minutes to profile.
pub const MATCH_TEXT_BYTES: usize = 1 << 16;

/// The first [`MATCH_TEXT_BYTES`] of `text`, cut at a space so no word is cut.
pub fn matched_part(text: &str) -> &str {
    if text.len() <= MATCH_TEXT_BYTES {
        return text;
    }
    let end = crate::text::floor_boundary(text, MATCH_TEXT_BYTES);
    let head = text.get(..end).unwrap_or_default();
    head.rfind(char::is_whitespace)
        .map_or(head, |at| head.get(..at).unwrap_or(head))
}

/// A claim's assessment note, if it has one.
pub fn note(claim: &Claim) -> Option<&str> {
    claim.assessment.as_ref()?.note.as_deref()
}

/// The notes that are labels, not findings: each written word for word on more than √N of the
/// `n` compared claims (LIAR's "PolitiFact: pants-fire" is on 647 of 9,837). Two claims that
/// share one share a rating, not a subject, so the matcher does not read them; a note shared
/// by a handful of claims (one finding about one event) is read. The same √N as an outlet
/// named as a reason.
pub fn label_notes<'a>(notes: impl Iterator<Item = &'a str>, n: usize) -> HashSet<&'a str> {
    let mut on: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
    for note in notes {
        *on.entry(note).or_default() += 1;
    }
    let most = (n as f64).sqrt();
    on.into_iter()
        .filter(|&(_, k)| k as f64 > most)
        .map(|(note, _)| note)
        .collect()
}

/// A claim's text fields, as the matcher reads them: the text counts fully, the assessment
/// note less, and not at all when it is one of `labels` ([`label_notes`]).
pub fn claim_texts<'a>(claim: &'a Claim, labels: &HashSet<&str>) -> [(&'a str, f32); 2] {
    let note = note(claim).filter(|n| !labels.contains(n)).unwrap_or("");
    [(matched_part(&claim.text), 1.0), (matched_part(note), 0.3)]
}

/// The titles of the sources a claim cites and the quotes it takes from them: what the claim
/// rests on often names what it is about.
pub fn cited_texts<'a>(dispute: &'a Dispute, side: usize, claim: &'a Claim) -> Vec<(&'a str, f32)> {
    let Some(side) = dispute.sides.get(side) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for r in &claim.sources {
        if let Some(title) = side.sources.get(r.index).and_then(|s| s.title.as_deref()) {
            out.push((matched_part(title), 1.0));
        }
        if let Some(quote) = r.quote() {
            out.push((matched_part(quote), 1.0));
        }
    }
    out
}

/// The outlets a claim cites, as written.
pub fn outlets<'a>(dispute: &'a Dispute, side: usize, claim: &'a Claim) -> Vec<&'a str> {
    let Some(side) = dispute.sides.get(side) else {
        return Vec::new();
    };
    let mut out: Vec<&str> = claim
        .sources
        .iter()
        .filter_map(|r| side.sources.get(r.index))
        .map(|s| s.outlet.as_str())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Days since 1970-01-01 of a (year, month, day) (the civil-from-days algorithm, inverted).
pub fn day_number((y, m, d): (u16, u8, u8)) -> i64 {
    let (y, m, d) = (i64::from(y), i64::from(m), i64::from(d));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_with_a_thousands_comma_a_decimal_point_or_a_slash_is_one_piece() {
        let text = "It cost $40,000 and 2.8 billion. Then 3, 4 and 5.Next 9/11 and/or";
        let got: Vec<(&str, bool)> = pieces(text);
        let words: Vec<&str> = got.iter().map(|(w, _)| *w).collect();
        assert_eq!(
            words,
            [
                "It", "cost", "40,000", "and", "2.8", "billion", "Then", "3", "4", "and", "5",
                "Next", "9/11", "and", "or"
            ]
        );
        // The full stop after "billion" still starts a sentence; the decimal point does not.
        assert!(got.iter().any(|&(w, start)| w == "Then" && start));
        assert!(got.iter().any(|&(w, start)| w == "billion" && !start));
    }

    /// One or two digits (`97` percent, bill `97`) count anything: sharing one weighs as a common
    /// word does, not as a name; a year or a longer number keeps a number's weight.
    #[test]
    fn a_number_of_one_or_two_digits_weighs_as_a_common_word() {
        let mut v = Vocabulary::default();
        let t = Tokenizer::default();
        let mut term = |w: &str| v.lowered(&t, w, class_of(w, false), false).expect("a term");
        let (short, year, long) = (term("97"), term("2025"), term("2.5"));
        assert_eq!(v.weighed_class(short), Class::Common);
        assert_eq!(v.weighed_class(year), Class::Number);
        assert_eq!(v.weighed_class(long), Class::Number);
        // Still named as a number in the reasons.
        assert_eq!(v.class.get(short as usize), Some(&Class::Number));
    }

    #[test]
    fn a_text_longer_than_the_matcher_reads_is_cut_at_a_space_never_in_a_word() {
        let short = "Pakistan asked for the ceasefire.";
        assert_eq!(matched_part(short), short);
        // Words of a two-byte letter, so a cut at the byte limit would fall inside one.
        let long = "ééééééé ".repeat(MATCH_TEXT_BYTES / 8);
        let part = matched_part(&long);
        assert!(part.len() <= MATCH_TEXT_BYTES && part.len() > MATCH_TEXT_BYTES - 32);
        assert!(long.starts_with(part));
        assert!(part.ends_with("ééééééé"), "{:?}", &part[part.len() - 20..]);
    }

    #[test]
    fn names_numbers_and_stems() {
        let t = Tokenizer::default();
        let words = t.words("Officials in Geneva said talks resumed on 12 March. Talks failed.");
        let classes: Vec<(&str, Class)> = words
            .iter()
            .map(|w| (w.surface.as_str(), w.class))
            .collect();
        assert!(classes.contains(&("Geneva", Class::Name)));
        assert!(classes.contains(&("12", Class::Number)));
        assert!(classes.contains(&("March", Class::Name)));
        // Sentence starts are not names.
        assert!(classes.contains(&("Officials", Class::Common)));
        assert!(classes.contains(&("Talks", Class::Common)));
        let talks: Vec<&str> = words
            .iter()
            .filter(|w| w.surface.eq_ignore_ascii_case("talks"))
            .map(|w| w.stem.as_str())
            .collect();
        assert_eq!(talks, ["talk", "talk"]);
        assert!(!words.iter().any(|w| w.surface == "in" || w.surface == "on"));
    }

    #[test]
    fn a_word_is_a_name_when_written_as_one_more_often_than_in_lower_case() {
        let t = Tokenizer::default();
        let mut v = Vocabulary::default();
        // "True" once inside a sentence (a quotation), "true" twice: a common word.
        let truth = v.lowered(&t, "true", Class::Name, false);
        v.lowered(&t, "true", Class::Common, true);
        v.lowered(&t, "true", Class::Common, true);
        // "Geneva" twice inside a sentence, once at a sentence start (no vote): a name.
        let geneva = v.lowered(&t, "geneva", Class::Name, false);
        v.lowered(&t, "geneva", Class::Name, false);
        v.lowered(&t, "geneva", Class::Common, false);
        v.settle();
        let class = |term: Option<Term>| term.and_then(|t| v.class.get(t as usize).copied());
        assert_eq!(class(truth), Some(Class::Common));
        assert_eq!(class(geneva), Some(Class::Name));
        // Weighed as a name all the same: it was capitalised inside a sentence once.
        assert_eq!(truth.map(|x| v.weighed_class(x)), Some(Class::Name));
    }

    #[test]
    fn contractions_of_function_words_carry_no_topic() {
        let t = Tokenizer::default();
        for w in [
            "don't",
            "doesn’t",
            "hasn't",
            "we're",
            "i'm",
            "they've",
            "can't",
            "won't",
            "dont",
            "weve",
            "doesnt",
            "theyre",
        ] {
            assert_eq!(t.stem(w), None, "{w}");
        }
        // Words a contraction without its apostrophe would look like stay words.
        for w in [
            "kashmir's",
            "o'brien",
            "rock'n'roll",
            "well",
            "shell",
            "hell",
            "ant",
        ] {
            assert!(t.stem(w).is_some(), "{w}");
        }
    }

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(UNMARKED.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn day_numbers_count_days() {
        assert_eq!(day_number((1970, 1, 1)), 0);
        assert_eq!(day_number((2025, 5, 10)) - day_number((2025, 4, 22)), 18);
        assert_eq!(day_number((2024, 3, 1)) - day_number((2024, 2, 28)), 2);
    }
}
