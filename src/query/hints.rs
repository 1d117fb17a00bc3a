//! Notes on a query written as another search engine (or a spreadsheet's filter) would read it:
//! what it finds here instead, and how to write what was meant. The one wording `parallax search`
//! prints after its hits, `show` and `export` print for their `--query`, and the screen's
//! search shows over them.

use crate::format::Dispute;
use std::collections::HashMap;

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

/// The notes on a query written in another search engine's syntax, each said: `-word` (which
/// finds the word; `!word` leaves it out) and `AND`, `OR`, `NOT` (words to find, not operators).
pub fn foreign_syntax(query: &str) -> Vec<String> {
    // Inside a phrase, a `-` or an `AND` is text as written.
    if query.contains(PHRASE_QUOTES) {
        return Vec::new();
    }
    let terms: Vec<&str> = query.split_whitespace().collect();
    let minus = terms
        .iter()
        .find(|t| {
            t.strip_prefix('-')
                .and_then(|rest| rest.chars().next())
                .is_some_and(char::is_alphabetic)
        })
        .map(|t| {
            let word = t.trim_start_matches('-');
            format!(
                "`{}` finds the word `{}`: a `-` leaves nothing out; to leave out claims that \
                 hold it, write `!{}`",
                crate::text::quote(t),
                crate::text::quote(word),
                crate::text::quote(word)
            )
        });
    let operators: Vec<&str> = terms
        .iter()
        .copied()
        .filter(|t| matches!(*t, "AND" | "OR" | "NOT"))
        .collect();
    let one = operators.len() == 1;
    let words = (!operators.is_empty()).then(|| {
        format!(
            "{} {} searched for as {}, not {} (in capitals, {} only capitals): every term must \
             match, and `!word` leaves claims with a word out",
            operators
                .iter()
                .map(|o| format!("`{o}`"))
                .collect::<Vec<_>>()
                .join(", "),
            if one { "is" } else { "are" },
            if one { "a word" } else { "words" },
            if one { "an operator" } else { "operators" },
            if one { "it matches" } else { "they match" },
        )
    });
    minus.into_iter().chain(words).collect()
}

/// Field names a query may prefix a word with elsewhere (`speaker:modi`, `tag:mediation`).
const FIELD_NAMES: &[&str] = &[
    "author", "claim", "date", "outlet", "party", "point", "question", "side", "source", "speaker",
    "tag", "tags", "text", "title", "topic",
];

/// A note on a term prefixed with a field's name (`speaker:modi`): there are no field prefixes,
/// and a colon between letters keeps it one word, which no claim holds. With the dispute, a
/// speaker's word names the speaker whose whole name finds their claims.
pub fn field_prefix(query: &str, dispute: Option<&Dispute>) -> Option<String> {
    if query.contains(PHRASE_QUOTES) {
        return None;
    }
    query.split_whitespace().find_map(|t| {
        let (field, word) = prefixed(t)?;
        let shown = crate::text::quote(word);
        let instead = match field.as_str() {
            "speaker" | "author" => speaker_instead(word.trim_matches('"'), dispute),
            "tag" | "tags" => tag_instead(word.trim_matches('"'), dispute),
            "party" | "side" => format!(
                "search `{shown}`, or keep a party's claims with the filters (`--party ID`; on the screen, `f`)"
            ),
            "outlet" | "source" => format!(
                "search `{shown}`, or keep the claims citing an outlet with the filters (`--source OUTLET`; on the screen, `f`)"
            ),
            "topic" => format!(
                "search `{shown}`, or keep a topic with the filters (`--topic ID`; on the screen, `f`)"
            ),
            "date" => format!(
                "search `{shown}`, or keep a span of dates with the filters (`--since DATE`, `--until DATE`; on the screen, `f`)"
            ),
            _ => format!("search `{shown}`"),
        };
        Some(format!(
            "`{}` is searched as one word: there are no field prefixes; every term is looked \
             for in every field (text, speaker, tags, sources, topic), so {instead}",
            crate::text::quote(t),
        ))
    })
}

/// True when the query prefixes a word with `speaker:`, `author:` or `tag:`, which
/// [`field_prefix`] answers from the dispute: a speaker of it, or whether a claim has the tag.
pub fn asks_the_dispute(query: &str) -> bool {
    !query.contains(PHRASE_QUOTES)
        && query
            .split_whitespace()
            .filter_map(prefixed)
            .any(|(field, _)| matches!(field.as_str(), "speaker" | "author" | "tag" | "tags"))
}

/// A term's field name (lower case) and word, when it is written `field:word` (or `!field:word`)
/// with a field's name another engine knows.
fn prefixed(term: &str) -> Option<(String, &str)> {
    let (field, word) = term.trim_start_matches('!').split_once(':')?;
    let field = field.to_lowercase();
    (FIELD_NAMES.contains(&field.as_str()) && !word.is_empty()).then_some((field, word))
}

/// What `speaker:WORD` should have been: the word alone, or the whole name of the speaker who
/// made most claims among those whose name holds the word, anchored (`^"barack obama"$`), which
/// finds the claims that speaker made.
/// What to do instead of `tag:word`: the tag filter where a claim has the tag (any case), as
/// the filter then keeps something; else the search alone (the filter was offered for a tag
/// no claim has, and refused it next).
fn tag_instead(word: &str, dispute: Option<&Dispute>) -> String {
    let shown = crate::text::quote(word);
    let tagged = dispute.is_none_or(|d| {
        d.claims()
            .any(|(_, c)| c.tags.iter().any(|t| t.eq_ignore_ascii_case(word)))
    });
    if tagged {
        format!(
            "search `{shown}`, or keep the claims tagged so with the filters (`--tag {shown}`; on the screen, `f`)"
        )
    } else {
        format!("search `{shown}` (no claim is tagged `{shown}`)")
    }
}

fn speaker_instead(word: &str, dispute: Option<&Dispute>) -> String {
    let shown = crate::text::quote(word);
    let Some(dispute) = dispute else {
        return format!(
            "search `{shown}`, or a speaker's whole name as `^\"first last\"$` for the claims \
             that speaker made"
        );
    };
    let wanted = word.to_lowercase();
    let mut made: HashMap<&str, usize> = HashMap::new();
    for (_, claim) in dispute.claims() {
        let Some(speaker) = claim.speaker.as_deref() else {
            continue;
        };
        let holds = speaker
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.to_lowercase() == wanted);
        // A name holding a double quote cannot be written inside an anchored phrase.
        if holds && !speaker.contains(PHRASE_QUOTES) {
            *made.entry(speaker).or_default() += 1;
        }
    }
    let best = made
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)));
    match best {
        Some((name, n)) => format!(
            "search `{shown}`, or `^\"{}\"$` for the {n} claim(s) {} made",
            crate::text::quote(&name.to_lowercase()),
            crate::text::quote(name)
        ),
        None => format!("search `{shown}`: no speaker's name holds it"),
    }
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
pub fn all(query: &str, dispute: Option<&Dispute>) -> Vec<String> {
    or_bar(query)
        .into_iter()
        .chain(all_but_or_bar(query, dispute))
        .collect()
}

/// [`all`] but the note on a spaced `|`, for a place that says it already (the screen's line
/// that no claim matches).
pub fn all_but_or_bar(query: &str, dispute: Option<&Dispute>) -> Vec<String> {
    foreign_syntax(query)
        .into_iter()
        .chain(
            [field_prefix(query, dispute), symbols_dropped(query)]
                .into_iter()
                .flatten(),
        )
        .collect()
}
