//! Fact-checkers' rating words (`False`, `Pants on Fire`, `Four Pinocchios`) and the rating each
//! means in parallax: what `import` reads a review's or a cell's word as, and what `validate`
//! names when a side file gives one of them as its rating.

use super::Rating;

/// The rating words of fact-checkers, by what they mean in parallax. Compared in lower case,
/// without punctuation.
const TABLE: &[(Rating, &[&str])] = &[
    (
        Rating::Refuted,
        &[
            "false",
            "pants on fire",
            "pants fire",
            "incorrect",
            "fake",
            "wrong",
            "untrue",
            "not true",
            "fabricated",
            "baseless",
            "hoax",
            "debunked",
            "scam",
            "four pinocchios",
            "bottomless pinocchio",
            "altered",
            "misattributed",
        ],
    ),
    (
        Rating::Disputed,
        &[
            "misleading",
            "mostly false",
            "barely true",
            "half true",
            "partly false",
            "partially false",
            "partly true",
            "partially true",
            "mixture",
            "mixed",
            "exaggerated",
            "missing context",
            "lacks context",
            "needs context",
            "out of context",
            "distorted",
            "miscaptioned",
            "disputed",
            "three pinocchios",
            "two pinocchios",
        ],
    ),
    (
        Rating::Corroborated,
        &[
            "true",
            "mostly true",
            "correct",
            "accurate",
            "confirmed",
            "verified",
            "corroborated",
            "one pinocchio",
            "geppetto checkmark",
            "correct attribution",
        ],
    ),
    (Rating::Retracted, &["retracted", "withdrawn"]),
    (
        Rating::Unverified,
        &[
            "unproven",
            "unverified",
            "unsubstantiated",
            "no evidence",
            "research in progress",
            "not proven",
            "unsupported",
        ],
    ),
];

/// The parallax rating of a fact-checker's word, if the table has it or it is a rating's own
/// name (`Refuted`, as the export writes it).
pub fn rating_of(word: &str) -> Option<Rating> {
    let key: String = word
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    key.parse().ok().or_else(|| {
        TABLE
            .iter()
            .find(|(_, words)| words.contains(&key.as_str()))
            .map(|(r, _)| *r)
    })
}
