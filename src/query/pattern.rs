//! The search syntax: a query string split into terms, fzf style, and the rule that decides when
//! a longer query can search only the previous hits (incremental narrowing).
//!
//! Terms are separated by whitespace and must all match (AND). Each term is fuzzy unless marked:
//! `'word` a substring, `^word` a prefix, `word$` a suffix, `^word$` the whole field, and
//! `!word` a term that must NOT match (a substring unless `^` or `$` say otherwise). Smart case
//! holds per term: a term with an upper-case letter matches case-sensitively.

/// How a term matches a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    /// The term's characters in order, gaps allowed.
    Fuzzy,
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The text to match, without the syntax marks.
    pub text: String,
    /// How it matches.
    pub kind: TermKind,
    /// True for `!term`: a claim matches only when no field holds the term.
    pub negated: bool,
    /// Smart case: true when the term holds an upper-case letter.
    pub case_sensitive: bool,
}

impl Term {
    /// Parses one raw term; `None` for a term with no text left (`!`, `'`, `^`).
    pub fn parse(raw: &str) -> Option<Term> {
        let (negated, rest) = match raw.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, raw),
        };
        let (quoted, rest) = match rest.strip_prefix('\'') {
            Some(rest) => (true, rest),
            None => (false, rest),
        };
        let (prefix, rest) = match rest.strip_prefix('^') {
            Some(rest) => (true, rest),
            None => (false, rest),
        };
        // A lone `$` is a literal dollar, not an empty suffix.
        let (suffix, rest) = match rest.strip_suffix('$') {
            Some(inner) if !inner.is_empty() => (true, inner),
            _ => (false, rest),
        };
        if rest.is_empty() {
            return None;
        }
        let kind = match (prefix, suffix) {
            (true, true) => TermKind::Exact,
            (true, false) => TermKind::Prefix,
            (false, true) => TermKind::Suffix,
            (false, false) if quoted || negated => TermKind::Substring,
            (false, false) => TermKind::Fuzzy,
        };
        Some(Term {
            text: rest.to_owned(),
            kind,
            negated,
            case_sensitive: rest.chars().any(char::is_uppercase),
        })
    }
}

/// Splits a query into its terms; empty when the query holds nothing to match.
pub fn parse(query: &str) -> Vec<Term> {
    query.split_whitespace().filter_map(Term::parse).collect()
}

/// True when every claim that matches `new` also matches `old`, so a search for `new` may look
/// only at `old`'s hits. That holds when `new` only adds characters at the end of `old` and the
/// term being extended cannot widen: a negated term (`!ab` matches more than `!a`) or a term
/// closed by `$` (`a$b` is not a suffix any more) can, so those fall back to a full search.
pub fn narrows(old: &str, new: &str) -> bool {
    if old.is_empty() || !new.starts_with(old) || parse(old).is_empty() {
        return false;
    }
    if old.ends_with(char::is_whitespace) {
        return true;
    }
    let Some(last) = old.split_whitespace().next_back() else {
        return false;
    };
    match Term::parse(last) {
        Some(term) => !term.negated && !matches!(term.kind, TermKind::Suffix | TermKind::Exact),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(raw: &str) -> Option<(TermKind, bool, String)> {
        Term::parse(raw).map(|t| (t.kind, t.negated, t.text))
    }

    #[test]
    fn marks_choose_the_kind() {
        assert_eq!(kind("fire"), Some((TermKind::Fuzzy, false, "fire".into())));
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
        assert_eq!(
            kind("!fire"),
            Some((TermKind::Substring, true, "fire".into()))
        );
        assert_eq!(
            kind("!^fire"),
            Some((TermKind::Prefix, true, "fire".into()))
        );
        assert_eq!(kind("$"), Some((TermKind::Fuzzy, false, "$".into())));
        assert_eq!(kind("!"), None);
        assert_eq!(kind("^"), None);
    }

    #[test]
    fn smart_case_is_per_term() {
        let terms = parse("India ceasefire");
        assert!(terms.first().is_some_and(|t| t.case_sensitive));
        assert!(terms.get(1).is_some_and(|t| !t.case_sensitive));
    }

    #[test]
    fn narrowing_only_where_it_is_sound() {
        assert!(narrows("cea", "ceas"));
        assert!(narrows("cea", "cea fire"));
        assert!(narrows("cea ", "cea !x"));
        assert!(narrows("^ce", "^cea"));
        assert!(narrows("cea", "cea$"));
        assert!(!narrows("!ce", "!cea"));
        assert!(!narrows("ce$", "ce$a"));
        assert!(!narrows("cea", "ce"));
        assert!(!narrows("", "a"));
        assert!(!narrows("!", "!a"));
        assert!(!narrows("abc", "xabc"));
    }
}
