//! The search syntax: a query string split into terms, fzf style, and the rule that decides when
//! a longer query can search only the previous hits (incremental narrowing).
//!
//! Terms are separated by whitespace and must all match (AND). A plain term matches words (a
//! prefix, or within a typo or two: `super::words`) in prose, and letters in order in short
//! fields. Marks: `'word` a substring, `^word` a prefix, `word$` a suffix, `^word$` the whole
//! field, `"a phrase"` words in sequence, and `!word` a term that must NOT match, by the same
//! rule as `word` but without typos (`obama !osama` keeps Obama; `!'x` for a substring). Smart case holds per term: a term with an
//! upper-case letter matches case-sensitively.

/// How a term matches a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TermKind {
    /// Words: in prose, a prefix of a word or within a typo or two of one; in short fields
    /// (speakers, tags, outlets), the term's characters in order, gaps allowed.
    Word,
    /// Words in sequence (`"a phrase"`), whole words without typos; while the closing quote is
    /// still missing (`open`), the last word may be a prefix.
    Phrase {
        /// No closing quote yet.
        open: bool,
    },
    /// The term as one contiguous piece (`'term`).
    Substring,
    /// The field starts with the term (`^term`).
    Prefix,
    /// The field ends with the term (`term$`).
    Suffix,
    /// The field is the term (`^term$`).
    Exact,
}

/// One whitespace-separated piece of a query.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Term {
    /// The text to match, without the syntax marks.
    pub text: String,
    /// How it matches.
    pub kind: TermKind,
    /// True for `!term`: a claim matches only when no field holds the term.
    pub negated: bool,
    /// Smart case: true when the term holds an upper-case letter.
    pub case_sensitive: bool,
    /// An anchored phrase closed by its quote (`^"united states"`, `"the states."$`): whole
    /// words, so at its open end the field's word ends (starts) too: `^"heal"` is not the start
    /// of "Health".
    pub whole_words: bool,
}

impl Term {
    /// Parses one raw term; `None` for a term with no text left (`!`, `'`, `^`, `""`).
    pub fn parse(raw: &str) -> Option<Term> {
        let (negated, rest) = match raw.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, raw),
        };
        // An anchored phrase (`^"united states"`, `"states."$`): the words as written, at the
        // field's start or end, or the whole field.
        let start = rest.strip_prefix("^\"");
        let end = start.unwrap_or(rest).strip_suffix("\"$");
        if start.is_some() || (end.is_some() && rest.starts_with('"')) {
            let inner = start.unwrap_or(rest);
            let inner = end.unwrap_or(inner);
            let inner = inner.strip_prefix('"').unwrap_or(inner);
            // `^"unite`, its quote not closed yet, may end inside a word, as an open phrase may.
            let closed = end.is_some() || inner.ends_with('"');
            let inner = inner.strip_suffix('"').unwrap_or(inner);
            let text = inner.split_whitespace().collect::<Vec<_>>().join(" ");
            let kind = match (start.is_some(), end.is_some()) {
                (true, true) => TermKind::Exact,
                (true, false) => TermKind::Prefix,
                _ => TermKind::Suffix,
            };
            return (!marks_only(&text)).then(|| Term {
                case_sensitive: text.chars().any(char::is_uppercase),
                text,
                kind,
                negated,
                whole_words: closed,
            });
        }
        if let Some(inner) = rest.strip_prefix('"') {
            // Punctuation pasted after the closing quote (`"liar-1685",`) is not searched for.
            let inner = inner
                .rfind('"')
                .filter(|&i| inner.get(i + 1..).is_some_and(|a| a.chars().all(is_pasted)))
                .and_then(|i| inner.get(..=i))
                .unwrap_or(inner);
            let (open, inner) = match inner.strip_suffix('"') {
                Some(closed) => (false, closed),
                None => (true, inner),
            };
            let text = inner.split_whitespace().collect::<Vec<_>>().join(" ");
            return (!marks_only(&text)).then(|| Term {
                case_sensitive: text.chars().any(char::is_uppercase),
                text,
                kind: TermKind::Phrase { open },
                negated,
                whole_words: !open,
            });
        }
        let (quoted, rest) = match rest.strip_prefix('\'') {
            Some(rest) => (true, rest),
            None => (false, rest),
        };
        let (prefix, rest) = match rest.strip_prefix('^') {
            Some(rest) => (true, rest),
            None => (false, rest),
        };
        // A lone `$` is an operator with nothing to end, as a lone `^` has nothing to start:
        // no term. Quoted (`'$`), it is a literal dollar.
        let (suffix, rest) = match rest.strip_suffix('$') {
            Some(inner) if !inner.is_empty() => (true, inner),
            Some(_) if !quoted => (false, ""),
            _ => (false, rest),
        };
        if marks_only(rest) {
            return None;
        }
        let kind = match (prefix, suffix) {
            (true, true) => TermKind::Exact,
            (true, false) => TermKind::Prefix,
            (false, true) => TermKind::Suffix,
            (false, false) if quoted => TermKind::Substring,
            (false, false) => TermKind::Word,
        };
        Some(Term {
            text: rest.to_owned(),
            kind,
            negated,
            case_sensitive: rest.chars().any(char::is_uppercase),
            whole_words: false,
        })
    }
}

impl Term {
    /// The claim ids the term may be, in lower case as ids are written: its text when that is
    /// an id, whatever its kind (`liar-1685`, `"liar-1685"`, `'liar-1685`, `^liar-1685`,
    /// `liar-1685$`, `^liar-1685$`: an id is found typed whole, with fzf's operators too), and
    /// for a plain term, a phrase or a whole-field term, its text without the punctuation pasted
    /// around it (`liar-1685,`, `(liar-1685)`, `liar-1685.`), from its first letter or digit to
    /// its last, when that is one: an id starts with a letter or digit, and one ending in `.`,
    /// `-` or `_` is rare beside a sentence's full stop (`'liar-1685,` asks for the text as
    /// written). A piece of an id (`'liar-16`) finds no claim by its id, so a term grown into
    /// an id does not narrow the hits of the shorter one (see [`narrows`]).
    pub fn ids(&self) -> Vec<String> {
        let typed = self.text.to_ascii_lowercase();
        if !matches!(
            self.kind,
            TermKind::Word | TermKind::Phrase { .. } | TermKind::Exact
        ) {
            return crate::format::is_id(&typed)
                .then_some(typed)
                .into_iter()
                .collect();
        }
        let trimmed = typed.trim_matches(|c: char| !c.is_ascii_alphanumeric());
        let mut ids = Vec::new();
        if crate::format::is_id(&typed) {
            ids.push(typed.clone());
        }
        if trimmed != typed && crate::format::is_id(trimmed) {
            ids.push(trimmed.to_owned());
        }
        ids
    }
}

/// True for a term with nothing to find: empty, or only combining marks (an accent typed alone,
/// a dead key pressed once), which every letter they could sit on would match: the whole
/// dispute came back for a lone U+0301.
fn marks_only(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || unicode_normalization::char::is_combining_mark(c))
}

/// Punctuation that comes pasted with a quoted term from a list or a sentence (`"a",`,
/// `"b".`, `"c");`): not an operator (`$` anchors a phrase's end), not part of a word.
fn is_pasted(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ':' | ')' | ']' | '}' | '!' | '?')
}

/// True when the query holds fzf's OR, a bar between spaces (`modi | sharif`), which this
/// search does not have: every term must match. The one rule the command and the screen say.
pub fn has_or_bar(query: &str) -> bool {
    query.split_whitespace().any(|t| t == "|")
}

/// Splits a query into its terms; empty when the query holds nothing to match.
pub fn parse(query: &str) -> Vec<Term> {
    let query = normalised(query);
    // A term given twice asks nothing more (every term must match): each is matched once, so a
    // pasted paragraph that repeats its words costs what its distinct words cost.
    let mut terms: Vec<Term> = Vec::new();
    let mut seen = foldhash::HashSet::default();
    for term in raw_terms(&query).into_iter().filter_map(Term::parse) {
        if seen.insert(term.clone()) {
            terms.push(term);
        }
    }
    terms
}

/// The query as its terms are read from it, one rule for every engine (cold, cached index,
/// screen) and for [`narrows`]. Characters invisible in a word (zero-width ones, the soft
/// hyphen, selectors: [`super::words::is_ignorable`]) are left out, as matching leaves them out
/// of a word (`آتش‌بس` typed with its zero-width non-joiner is `آتشبس`, `tax` and a soft hyphen
/// and `es` is `taxes`, not the `tax⟨U+00AD⟩es` cleaning made of it; an emoji's joiner made the
/// marker's `U 200D` a term that every joined emoji matched). Any other hidden character
/// is cleaned as the texts were on load, so a query never holds what the screen would not
/// show. Typographer's quotes are the typist's ([`straight_quotes`]). Last, it is composed
/// (NFC): an accent pasted as a combining mark (`cafe` and U+0301, as a Mac gives it) is the
/// term typed with `é`, which counts one char where the other counted two (the rules that
/// go by a term's length read `café` as five letters and found "Chafee").
fn normalised(query: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    let mut query = Cow::Borrowed(query);
    if query.chars().any(super::words::is_ignorable) {
        query = Cow::Owned(
            query
                .chars()
                .filter(|&c| !super::words::is_ignorable(c))
                .collect(),
        );
    }
    if let Some(cleaned) = crate::text::clean_if_needed(&query) {
        query = Cow::Owned(cleaned.text);
    }
    if let Cow::Owned(straight) = straight_quotes(&query) {
        query = Cow::Owned(straight);
    }
    if is_nfc_quick(query.chars()) != IsNormalized::Yes {
        query = Cow::Owned(query.nfc().collect());
    }
    query
}

/// A query with typographer's double quotes (`“a phrase”`, `„a phrase“`, as a document or a
/// web page gives them when pasted) written as the typist's `"`: a phrase either way; and its
/// single quotes (`‘`, `’`, as smart quotes turn a typed `'` into) as `'`, in a term
/// (`'India’s` finds "India's") and as the exact mark (`‘ceasefire`) alike.
fn straight_quotes(query: &str) -> std::borrow::Cow<'_, str> {
    const CURLY: [char; 4] = ['\u{201C}', '\u{201D}', '\u{201E}', '\u{201F}'];
    const SINGLE: [char; 2] = ['\u{2018}', '\u{2019}'];
    if query.contains(CURLY) || query.contains(SINGLE) {
        std::borrow::Cow::Owned(query.replace(CURLY, "\"").replace(SINGLE, "'"))
    } else {
        std::borrow::Cow::Borrowed(query)
    }
}

/// The raw terms of a query: split at whitespace, except inside a phrase (`"…"` or `!"…"`,
/// which runs to its closing quote or the end of the query).
fn raw_terms(query: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = query.trim_start();
    while !rest.is_empty() {
        let body = rest.strip_prefix('!').unwrap_or(rest);
        let body = body
            .strip_prefix('^')
            .filter(|b| b.starts_with('"'))
            .unwrap_or(body);
        let end = if let Some(inner) = body.strip_prefix('"') {
            let closing = inner.find('"').map_or(inner.len(), |i| i + 1);
            // `"states."$`: the anchor belongs to the phrase.
            let anchored = inner.get(closing..).is_some_and(|after| {
                after.starts_with('$')
                    && after
                        .get(1..)
                        .and_then(|a| a.chars().next())
                        .is_none_or(char::is_whitespace)
            }) && inner.get(..closing).is_some_and(|p| p.ends_with('"'));
            // `"liar-1685",` pasted from a list: punctuation alone after the closing quote
            // goes with the phrase (which leaves it out), not into a term of its own that
            // every hit would have to hold.
            let pasted = inner
                .get(closing..)
                .filter(|_| !anchored && inner.get(..closing).is_some_and(|p| p.ends_with('"')))
                .map_or(0, |after| {
                    let piece = after
                        .find(char::is_whitespace)
                        .map_or(after, |i| after.get(..i).unwrap_or_default());
                    if piece.chars().all(is_pasted) {
                        piece.len()
                    } else {
                        0
                    }
                });
            rest.len() - inner.len() + closing + usize::from(anchored) + pasted
        } else {
            rest.find(char::is_whitespace).unwrap_or(rest.len())
        };
        let (term, tail) = rest.split_at(end.min(rest.len()));
        out.push(term);
        rest = tail.trim_start();
    }
    out
}

/// True when every claim that matches `new` also matches `old`, so a search for `new` may look
/// only at `old`'s hits. That holds when `new` only adds characters at the end of `old` and the
/// term being extended cannot widen, or adds a term after them (every term must match). A
/// negated term (`!ab` matches more than `!a`), a term closed by `$` (`a$b` is not a suffix any
/// more) and a plain word can widen, so those fall back to a full search: a word is matched
/// whole within its typos or as a prefix as written (`helth` finds "health", `helt` does not),
/// and in a short field as initials from three letters, as letters in order from five (`mea`
/// finds "Ministry of External Affairs", `me` does not). Typed a key at a time, such a term
/// lost those hits.
pub fn narrows(old: &str, new: &str) -> bool {
    // Compared as their terms are read: `cafe` then a combining accent is `café`, no longer
    // `cafe` grown.
    let (old, new) = (normalised(old), normalised(new));
    let (old, new) = (old.as_ref(), new.as_ref());
    if old.is_empty() || !new.starts_with(old) || parse(old).is_empty() {
        return false;
    }
    let (Some(&last), Some(&grown)) = (
        raw_terms(old).last(),
        raw_terms(new).get(raw_terms(old).len() - 1),
    ) else {
        return false;
    };
    if grown == last || (old.ends_with(char::is_whitespace) && !last.ends_with(char::is_whitespace))
    {
        // The last term as it was, new ones after it (a space inside an open phrase is part of
        // it, below).
        return true;
    }
    let Some(term) = Term::parse(last) else {
        return false;
    };
    match term.kind {
        _ if term.negated => false,
        TermKind::Suffix | TermKind::Exact => false,
        TermKind::Word => false,
        // A term grown into a claim's id (`"liar-168` to `"liar-1685"`) finds that claim by
        // it, which the shorter term may not have found: the search narrowed adds the claims
        // of the new term's ids to the hits it looks at (`Session::search`).
        TermKind::Phrase { .. } => {
            Term::parse(grown).is_some_and(|g| matches!(g.kind, TermKind::Phrase { .. }))
        }
        _ => Term::parse(grown).is_some_and(|g| g.kind == term.kind),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(raw: &str) -> Option<(TermKind, bool, String)> {
        Term::parse(raw).map(|t| (t.kind, t.negated, t.text))
    }

    #[test]
    fn a_term_given_twice_is_matched_once() {
        let texts = |q: &str| -> Vec<String> { parse(q).into_iter().map(|t| t.text).collect() };
        assert_eq!(texts("war peace war 'war"), ["war", "peace", "war"]);
        assert_eq!(parse("war !war").len(), 2, "a negation is another term");
        assert_eq!(parse(&"obama ".repeat(500)).len(), 1);
    }

    #[test]
    fn marks_choose_the_kind() {
        assert_eq!(kind("fire"), Some((TermKind::Word, false, "fire".into())));
        assert_eq!(
            kind("\"a  phrase\""),
            Some((TermKind::Phrase { open: false }, false, "a phrase".into()))
        );
        assert_eq!(
            kind("!\"a phr"),
            Some((TermKind::Phrase { open: true }, true, "a phr".into()))
        );
        assert_eq!(
            kind("'fire"),
            Some((TermKind::Substring, false, "fire".into()))
        );
        assert_eq!(
            kind("^fire"),
            Some((TermKind::Prefix, false, "fire".into()))
        );
        assert_eq!(
            kind("fire$"),
            Some((TermKind::Suffix, false, "fire".into()))
        );
        assert_eq!(
            kind("^fire$"),
            Some((TermKind::Exact, false, "fire".into()))
        );
        // `!fire` drops what `fire` finds; `!'fire` any piece of text "fire".
        assert_eq!(kind("!fire"), Some((TermKind::Word, true, "fire".into())));
        assert_eq!(
            kind("!'fire"),
            Some((TermKind::Substring, true, "fire".into()))
        );
        assert_eq!(
            kind("!^fire"),
            Some((TermKind::Prefix, true, "fire".into()))
        );
        assert_eq!(kind("$"), None);
        assert_eq!(kind("^$"), None);
        assert_eq!(kind("!$"), None);
        assert_eq!(kind("'$"), Some((TermKind::Substring, false, "$".into())));
        assert_eq!(kind("!"), None);
        assert_eq!(kind("^"), None);
    }

    #[test]
    fn an_anchor_on_a_phrase_anchors_the_phrase() {
        // Each was a phrase with its anchor dropped, or a prefix holding the quote.
        let terms = |q: &str| -> Vec<(TermKind, String)> {
            parse(q).into_iter().map(|t| (t.kind, t.text)).collect()
        };
        assert_eq!(
            terms("^\"united  states\" fire"),
            [
                (TermKind::Prefix, "united states".to_owned()),
                (TermKind::Word, "fire".to_owned())
            ]
        );
        assert_eq!(
            terms("\"said the states.\"$"),
            [(TermKind::Suffix, "said the states.".to_owned())]
        );
        assert_eq!(terms("!^\"jets\"$"), [(TermKind::Exact, "jets".to_owned())]);
        assert!(parse("!^\"jets\"$").iter().all(|t| t.negated));
        assert_eq!(
            terms("^\"united"),
            [(TermKind::Prefix, "united".to_owned())]
        );
        // A dollar inside the phrase, or after a space, is no anchor.
        assert_eq!(
            terms("\"a$b\" $"),
            [(TermKind::Phrase { open: false }, "a$b".to_owned())]
        );
    }

    #[test]
    fn punctuation_pasted_around_an_id_is_no_part_of_it() {
        let ids = |q: &str| -> Vec<String> { parse(q).iter().flat_map(Term::ids).collect() };
        for q in [
            "liar-1685",
            "LIAR-1685",
            "\"liar-1685\"",
            "^liar-1685$",
            "(liar-1685)",
            "liar-1685,",
            "\"liar-1685,\"",
        ] {
            assert_eq!(ids(q), ["liar-1685"], "`{q}`");
        }
        // An id may end in `.`: as typed, or without it.
        assert_eq!(ids("liar-1685."), ["liar-1685.", "liar-1685"]);
        // fzf's operators take an id whole, never trimmed: `'` asks for the text as written.
        assert_eq!(ids("'liar-1685"), ["liar-1685"]);
        assert_eq!(ids("^liar-1685"), ["liar-1685"]);
        assert!(ids("'liar-1685,").is_empty(), "a piece of text");
        assert!(ids("\"liar 1685\"").is_empty(), "two words");
    }

    #[test]
    fn smart_case_is_per_term() {
        let terms = parse("India ceasefire");
        assert!(terms.first().is_some_and(|t| t.case_sensitive));
        assert!(terms.get(1).is_some_and(|t| !t.case_sensitive));
    }

    #[test]
    fn phrases_keep_their_spaces() {
        let terms = parse("ceasefire \"united states\" !\"not this\" \"open end");
        let texts: Vec<&str> = terms.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            texts,
            ["ceasefire", "united states", "not this", "open end"]
        );
    }

    /// A phrase pasted from a document, in typographer's quotes, is a phrase: it was read as
    /// loose words (`“care health”` found 1,156 LIAR claims, `"care health"` none).
    #[test]
    fn curly_double_quotes_make_a_phrase() {
        for curly in ["“care health”", "„care health“", "“care health"] {
            let terms = parse(curly);
            assert_eq!(terms.len(), 1, "{curly}: {terms:?}");
            assert!(
                matches!(terms[0].kind, TermKind::Phrase { .. }),
                "{curly}: {terms:?}"
            );
            assert_eq!(terms[0].text, "care health");
        }
        assert_eq!(parse("!“a b”"), parse("!\"a b\""));
    }

    /// Punctuation pasted after a closing quote goes with the phrase and is not searched for:
    /// `"liar-1685",` made a second term `,` that the claim's text had to hold.
    #[test]
    fn punctuation_after_a_closing_quote_is_no_term() {
        for q in ["\"in the end\",", "\"in the end\");", "\"in the end\"."] {
            let terms = parse(q);
            assert_eq!(terms.len(), 1, "{q}: {terms:?}");
            assert_eq!(terms[0].text, "in the end", "{q}");
            assert_eq!(terms[0].kind, TermKind::Phrase { open: false }, "{q}");
        }
        // Anything else after it is a term of its own, as before.
        assert_eq!(parse("\"in the end\",x").len(), 2);
        assert_eq!(parse("\"in the end\"$")[0].kind, TermKind::Suffix);
    }

    #[test]
    fn narrowing_only_where_it_is_sound() {
        // A word grown may match more: `helth` is one typo from "health", `helt` two; `ceasf`
        // one from "ceaxf", which `ceas` neither starts nor is one typo from.
        assert!(!narrows("ceas", "ceasf"));
        assert!(!narrows("helt", "helth"));
        assert!(!narrows("me", "mea"), "initials from three letters");
        assert!(!narrows("cea", "ceas"), "4 letters allow a typo");
        assert!(!narrows("ceasefi", "ceasefir"), "8 letters allow two");
        assert!(narrows("'cea", "'ceas"));
        assert!(narrows("\"united st", "\"united sta"));
        assert!(narrows("\"united ", "\"united s"));
        assert!(narrows("\"united sta", "\"united sta\""));
        // Grown into an id: narrowed, the id's claim added (see `Session::search`).
        assert!(narrows("\"liar-16", "\"liar-168"));
        assert!(narrows("\"liar-168", "\"liar-168\""));
        assert!(narrows("'liar-16", "'liar-168"));
        assert!(
            narrows("\"liar-168\"", "\"liar-168\","),
            "pasted punctuation"
        );
        assert!(narrows("cea", "cea"));
        assert!(narrows("cea", "cea fire"));
        assert!(narrows("cea ", "cea !x"));
        assert!(narrows("^ce", "^cea"));
        assert!(!narrows("ceas", "ceas$"), "a suffix is not a word's prefix");
        assert!(!narrows("!ce", "!cea"));
        assert!(!narrows("ce$", "ce$a"));
        assert!(!narrows("cea", "ce"));
        assert!(!narrows("", "a"));
        assert!(!narrows("!", "!a"));
        assert!(!narrows("abc", "xabc"));
        // A combining accent typed after a letter makes another letter: `'Café` is no piece
        // of `'Cafe`.
        assert!(!narrows("'Cafe", "'Cafe\u{301}"));
    }
}
