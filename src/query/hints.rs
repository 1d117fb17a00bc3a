//! Notes on a query written as another search engine (or a spreadsheet's filter) would read it:
//! what it finds here instead, and how to write what was meant. The one wording `parallax search`
//! prints after its hits, `show` and `export` print for their `--query`, and the screen's
//! search shows over them.

/// The quotes that open a phrase, inside which `-`, `AND`, `$` or `%` are text as written.
const PHRASE_QUOTES: [char; 4] = ['"', '“', '”', '„'];

/// A note on a plain term holding `$` or `%` (`$1.5`, `40%`): words hold letters and digits
/// only, so it finds `1.5` or `40` wherever they stand ("No. 1", "40 years"); quoted as a
/// piece of text (`'$1.5`), it is found as written.
pub fn symbols_dropped(query: &str) -> Option<String> {
    if query.contains(PHRASE_QUOTES) {
        return None;
    }
    query.split_whitespace().find_map(|t| {
        let (not, bare) = match t.strip_prefix('!') {
            Some(rest) => ("!", rest),
            None => ("", t),
        };
        // `'…` is a piece of text already, and `^…` or `…$` the field's start or end as written.
        if bare.starts_with(['\'', '^']) || bare.ends_with('$') {
            return None;
        }
        let words: String = bare.chars().filter(|c| !matches!(c, '$' | '%')).collect();
        (words.len() < bare.len() && words.chars().any(char::is_alphanumeric)).then(|| {
            format!(
                "`{}` finds the words of `{}`: `$` and `%` are no part of a word; for the text as written, write `{not}'{}`",
                crate::text::quote(t),
                crate::text::quote(&words),
                crate::text::quote(bare)
            )
        })
    })
}

/// A note on a query written in another search engine's syntax: `-word` (which finds the word;
/// `!word` leaves it out) and `AND`, `OR`, `NOT` (words to find, not operators).
pub fn foreign_syntax(query: &str) -> Option<String> {
    // Inside a phrase, a `-` or an `AND` is text as written.
    if query.contains(PHRASE_QUOTES) {
        return None;
    }
    let terms: Vec<&str> = query.split_whitespace().collect();
    if let Some(t) = terms.iter().find(|t| {
        t.strip_prefix('-')
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_alphabetic)
    }) {
        let word = t.trim_start_matches('-');
        return Some(format!(
            "`{}` finds the word `{}`: a `-` leaves nothing out; to leave out claims that hold \
             it, write `!{}`",
            crate::text::quote(t),
            crate::text::quote(word),
            crate::text::quote(word)
        ));
    }
    let operators: Vec<&str> = terms
        .iter()
        .copied()
        .filter(|t| matches!(*t, "AND" | "OR" | "NOT"))
        .collect();
    (!operators.is_empty()).then(|| {
        format!(
            "{} {} searched for as {}, not {}: every term must match, and `!word` leaves \
             claims with a word out",
            operators
                .iter()
                .map(|o| format!("`{o}`"))
                .collect::<Vec<_>>()
                .join(", "),
            if operators.len() == 1 { "is" } else { "are" },
            if operators.len() == 1 {
                "a word"
            } else {
                "words"
            },
            if operators.len() == 1 {
                "an operator"
            } else {
                "operators"
            },
        )
    })
}

/// Field names a query may prefix a word with elsewhere (`speaker:modi`, `tag:mediation`).
const FIELD_NAMES: &[&str] = &[
    "author", "claim", "date", "outlet", "party", "point", "question", "side", "source", "speaker",
    "tag", "tags", "text", "title", "topic",
];

/// A note on a term prefixed with a field's name (`speaker:modi`): there are no field prefixes,
/// and a colon between letters keeps it one word, which no claim holds.
pub fn field_prefix(query: &str) -> Option<String> {
    if query.contains(PHRASE_QUOTES) {
        return None;
    }
    query.split_whitespace().find_map(|t| {
        let (field, word) = t.trim_start_matches('!').split_once(':')?;
        let field = field.to_lowercase();
        (FIELD_NAMES.contains(&field.as_str()) && !word.is_empty()).then(|| {
            // A speaker is found by the whole field: `^"barack obama"$` is the claims whose
            // speaker is so named (or whose other field is the name alone).
            let instead = if matches!(field.as_str(), "speaker" | "author") {
                format!(
                    "search `{0}`, or a speaker's whole name as `^\"{0}\"$` for the claims \
                     that speaker made",
                    crate::text::quote(word.trim_matches('"'))
                )
            } else {
                format!(
                    "search `{}`, and keep a party, tag or source with the filters",
                    crate::text::quote(word)
                )
            };
            format!(
                "`{}` is searched as one word: there are no field prefixes; every term is \
                 looked for in every field (text, speaker, tags, sources, topic), so {instead}",
                crate::text::quote(t),
            )
        })
    })
}

/// What fzf's OR is here, in the words of every place that says it: `parallax search` refuses
/// a query holding one, and the rest ([`or_bar`]) say what was searched instead.
pub const OR_BAR: &str = "`|` (fzf's OR) is not supported: every term must match";

/// A note on fzf's OR, a bar between spaces (`obama | clinton`, see
/// [`super::pattern::has_or_bar`]): not an OR here, and the bar is one more term, searched as
/// text. Said by `show --query`, `export --query` and the screen, which search such a query.
pub fn or_bar(query: &str) -> Option<String> {
    super::pattern::has_or_bar(query).then(|| format!("{OR_BAR}, and a `|` is searched as text"))
}

/// Every note on `query`, in the order they are said: a spaced `|` first.
pub fn all(query: &str) -> Vec<String> {
    or_bar(query)
        .into_iter()
        .chain(all_but_or_bar(query))
        .collect()
}

/// [`all`] but the note on a spaced `|`, for a place that says it already (the screen's line
/// that no claim matches).
pub fn all_but_or_bar(query: &str) -> Vec<String> {
    [
        foreign_syntax(query),
        field_prefix(query),
        symbols_dropped(query),
    ]
    .into_iter()
    .flatten()
    .collect()
}
