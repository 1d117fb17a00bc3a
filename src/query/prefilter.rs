//! A quick test on the files' bytes, before anything is parsed: can any claim match the query?
//! A cold `parallax search` for a word that no file holds (`zqx`) then answers after reading the
//! files, without loading, checking and indexing every claim.
//!
//! The test only ever rules out: it says "no" only when some positive term has no chance in
//! any file, and "maybe" otherwise. Each rule below is a necessary condition for a term to
//! match any field, checked on the bytes as matching would see them (case and accents folded,
//! JSON escapes decoded):
//! - a word with `k` typos allowed leaves one of `2k + 1` pieces of it intact (a typo touches at
//!   most two neighbouring letters, so at most `2k` pieces), so one piece occurs in the bytes;
//! - letters in order (short fields) lie within one JSON string;
//! - a literal term (`'`, `^`, `$`, a phrase) holds each run of its letters and digits as written.
//!
//! Anything these rules do not cover (a term with letters beyond ASCII, a file that is not
//! UTF-8) answers "maybe", and the full search decides.

use super::pattern::{Term, TermKind};
use super::words;
use aho_corasick::AhoCorasick;
use rayon::prelude::*;
use std::borrow::Cow;

/// At most this many starts of letters in order are tried before the test gives up ("maybe").
const IN_ORDER_TRIES: usize = 1 << 16;

/// False when no claim in files with these bytes can match every positive term of `terms`;
/// true when one might.
pub fn may_match(terms: &[Term], files: &[&[u8]]) -> bool {
    let positive: Vec<&Term> = terms.iter().filter(|t| !t.negated).collect();
    if positive.is_empty() {
        return true;
    }
    // A term found in the bytes as they are needs no more for a "maybe" (most searches run
    // find something): the bytes are folded, which reads every byte of every file first, only
    // for a term not found so.
    let raw: Vec<Cow<'_, [u8]>> = files.iter().map(|b| Cow::Borrowed(*b)).collect();
    let mut folded_texts: Option<Option<Vec<Cow<'_, [u8]>>>> = None;
    positive.iter().all(|t| {
        if term_may_match(t, &raw) {
            return true;
        }
        // Each file on its own core: the bytes of a large dispute take milliseconds to read
        // through.
        let texts =
            folded_texts.get_or_insert_with(|| files.par_iter().map(|b| folded(b)).collect());
        match texts {
            // Folded as they are (ASCII without `\u` escapes): the answer is the one above.
            Some(texts) if texts.iter().all(|t| matches!(t, Cow::Borrowed(_))) => false,
            Some(texts) => term_may_match(t, texts),
            None => true,
        }
    })
}

/// One positive term: can it match anything in `texts` (as [`folded`] gives them)?
fn term_may_match(term: &Term, texts: &[Cow<'_, [u8]>]) -> bool {
    if !term.text.is_ascii() {
        return true;
    }
    let lower = term.text.to_ascii_lowercase();
    let runs: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|r| !r.is_empty())
        .collect();
    if runs.is_empty() {
        return true;
    }
    let any = |pieces: &[&str]| contains_any(texts, pieces);
    match term.kind {
        TermKind::Word => {
            let by_words = words::split(&lower).iter().all(|(_, w)| {
                // A possessive term finds its stem (`india's` finds "India said"), with the
                // typos the whole term allows.
                let budget = words::typo_budget(w.chars());
                let w = w.strip_suffix("'s").filter(|s| !s.is_empty()).unwrap_or(w);
                // (A contraction, `it's`, keeps its `'s` in matching; its stem's pieces are
                // then a weaker test, never a wrong "no".)
                let pieces = pieces(w, budget);
                // A word of the same stem begins with the stem's first letters
                // (`words::Words::snowball`), which a typo's pieces may not hold.
                let head = w.get(..3).filter(|_| w.len() > 3);
                pieces.is_empty() || any(&pieces) || head.is_some_and(|h| any(&[h]))
            });
            let letters: Vec<u8> = runs.concat().into_bytes();
            by_words || texts.par_iter().any(|t| in_order(t, &letters))
        }
        _ => runs.iter().all(|r| any(&[r])),
    }
}

/// The bytes as matching sees them: the file itself when it is ASCII without `\u` escapes
/// (its escapes add only letters, which can only make the test say "maybe"); else a copy with
/// `\u` escapes decoded, letters folded as matching folds them, hidden characters written as
/// the letters of their markers, and other characters dropped. `None` when not UTF-8.
fn folded(bytes: &[u8]) -> Option<Cow<'_, [u8]>> {
    if bytes.is_ascii() && memchr::memmem::find(bytes, b"\\u").is_none() {
        return Some(Cow::Borrowed(bytes));
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let mut out = Vec::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let push = |out: &mut Vec<u8>, c: char| {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase() as u8);
        } else if crate::text::is_hidden(c) {
            // Cleaning shows it as `⟨U+202E⟩`: those letters and digits can be matched.
            out.extend(crate::text::code_point(c).to_ascii_lowercase().bytes());
        } else {
            // Every letter the char folds to (`ﬁ` is `fi`).
            for f in words::chars(c.encode_utf8(&mut [0; 4]), true) {
                if f.is_ascii_alphanumeric() {
                    out.push(f as u8);
                }
            }
        }
    };
    while let Some(c) = chars.next() {
        if c != '\\' {
            push(&mut out, c);
            continue;
        }
        // An escape: `\u` and four hex digits is a character (maybe half of a pair); any other
        // escape stands for punctuation or a control, never a letter.
        if chars.next() != Some('u') {
            continue;
        }
        let hex: String = (0..4).filter_map(|_| chars.next()).collect();
        let Ok(unit) = u32::from_str_radix(&hex, 16) else {
            continue;
        };
        let c = if (0xd800..0xdc00).contains(&unit) {
            let mut rest = chars.clone();
            let low = (rest.next() == Some('\\') && rest.next() == Some('u'))
                .then(|| (0..4).filter_map(|_| rest.next()).collect::<String>())
                .and_then(|h| u32::from_str_radix(&h, 16).ok())
                .filter(|l| (0xdc00..0xe000).contains(l));
            match low {
                Some(low) => {
                    chars = rest;
                    char::from_u32(0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00))
                }
                None => None,
            }
        } else {
            char::from_u32(unit)
        };
        if let Some(c) = c {
            push(&mut out, c);
        }
    }
    Some(Cow::Owned(out))
}

/// `word` cut into `2 * budget + 1` pieces of near-equal length; one of them survives `budget`
/// typos intact. Empty when the word is too short for that (no piece need survive).
fn pieces(word: &str, budget: u8) -> Vec<&str> {
    let n = 2 * usize::from(budget) + 1;
    let len = word.len();
    if len < n {
        return Vec::new();
    }
    (0..n)
        .filter_map(|i| word.get(i * len / n..(i + 1) * len / n))
        .collect()
}

/// True when some text holds one of `pieces`, ASCII case ignored.
fn contains_any(texts: &[Cow<'_, [u8]>], pieces: &[&str]) -> bool {
    let Ok(ac) = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(pieces)
    else {
        return true;
    };
    texts.par_iter().any(|t| ac.is_match(t.as_ref()))
}

/// True when `letters` (lower-case ASCII) occur in order within one JSON string of `text`,
/// case ignored; also true when that takes too many tries to tell.
fn in_order(text: &[u8], letters: &[u8]) -> bool {
    let Some((&first, rest)) = letters.split_first() else {
        return true;
    };
    let mut at = 0;
    let mut tries = 0;
    let from = |a: usize, b: usize| text.get(a..b).unwrap_or_default();
    while let Some(i) = memchr::memchr2(first, first.to_ascii_uppercase(), from(at, text.len())) {
        tries += 1;
        if tries > IN_ORDER_TRIES {
            return true;
        }
        let start = at + i + 1;
        let end = string_end(text, start);
        let mut pos = start;
        let found = rest.iter().all(|&l| {
            match memchr::memchr2(l, l.to_ascii_uppercase(), from(pos, end)) {
                Some(j) => {
                    pos += j + 1;
                    true
                }
                None => false,
            }
        });
        if found {
            return true;
        }
        // Later starts in the same string find no more.
        at = end;
    }
    false
}

/// Where the JSON string holding byte `from` ends: its closing quote (one not escaped by a
/// backslash), or the end of the text.
fn string_end(text: &[u8], from: usize) -> usize {
    let mut at = from;
    while let Some(i) = memchr::memchr(b'"', text.get(at..).unwrap_or_default()) {
        let quote = at + i;
        let backslashes = text
            .get(..quote)
            .unwrap_or_default()
            .iter()
            .rev()
            .take_while(|&&b| b == b'\\')
            .count();
        if backslashes % 2 == 0 {
            return quote;
        }
        at = quote + 1;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn may(query: &str, file: &str) -> bool {
        may_match(&super::super::pattern::parse(query), &[file.as_bytes()])
    }

    #[test]
    fn a_word_no_file_holds_is_ruled_out() {
        let file = r#"{"text": "Ceasefire announced on 10 May", "speaker": "Qasim Khan"}"#;
        assert!(!may("zqx", file));
        assert!(!may("ceasefire zqx", file));
        assert!(may("ceasefire", file));
        assert!(may("!zqx", file));
    }

    #[test]
    fn whatever_the_search_finds_is_kept() {
        let file = r#"{"text": "Ceasefire announced", "speaker": "Qasim Khan", "t": "Caf\u00e9 na\u0131ve"}"#;
        // A typo, a prefix, case.
        assert!(may("ceasfire", file));
        assert!(may("ANNOUN", file));
        // Letters in order within one string (a short field's fuzzy match).
        assert!(may("qkn", file));
        assert!(!may("qxn", file));
        // Escaped accents fold.
        assert!(may("'cafe", file));
        assert!(may("\"announced\"", file));
        // Letters in order never span two strings.
        assert!(!may("nnq", r#"{"a": "n", "b": "nq"}"#));
        // An escaped quote does not end a string.
        assert!(may("aqz", r#"{"a": "a \"q\" z"}"#));
    }

    #[test]
    fn raw_accents_and_hidden_characters_fold_as_matching_sees_them() {
        assert!(may("resume", "{\"t\": \"Résumé\"}"));
        assert!(may("u202e", "{\"t\": \"a\u{202e}b\"}"));
    }
}
