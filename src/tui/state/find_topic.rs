//! The topic finder's state: what is typed, the topics it leaves (indices into the topics on
//! screen), the one chosen among them, and the topic selected when it opened.

use crate::query::words::Words;
use crate::text;
use crate::tui::text_field::TextField;

/// The topic finder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindTopic {
    /// What is typed.
    pub field: TextField,
    /// The topics whose titles hold every word typed, in list order (all of them when nothing
    /// is typed).
    pub found: Vec<usize>,
    /// The chosen entry of `found`.
    pub cursor: usize,
    /// The first entry of `found` the list shows.
    pub top: usize,
    /// The topic selected when the finder opened: Esc goes back to it.
    pub before: usize,
}

/// The topics among `titles` whose title holds every word of `typed`, ignoring case, as a
/// piece of the title or as the start of one of its words within the search's typos
/// (`ceasfire` finds "The 10 May ceasefire"; see `query::words`); all of them when nothing is
/// typed.
pub fn matching<'a>(titles: impl Iterator<Item = &'a str>, typed: &str) -> Vec<usize> {
    // Each word's typo matcher is made when a title first needs it: a pasted paragraph is
    // matched a character at a time, and most titles fail at its first word.
    let words: Vec<(&str, String, std::cell::OnceCell<Option<Words>>)> = typed
        .split_whitespace()
        .map(|w| (w, fold(w), std::cell::OnceCell::new()))
        .collect();
    titles
        .enumerate()
        .filter(|(_, title)| {
            let folded = fold(title);
            words.iter().all(|(raw, w, typo)| {
                folded.contains(w.as_str())
                    || typo
                        .get_or_init(|| Words::new(raw, true, true, true, true))
                        .as_ref()
                        .is_some_and(|t| t.find(title).is_some())
            })
        })
        .map(|(i, _)| i)
        .collect()
}

/// Text as the finder compares it: cleaned for the terminal, lower case.
fn fold(s: &str) -> String {
    text::clean(s).text.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::matching;

    #[test]
    fn every_word_must_be_in_the_title_in_any_case() {
        let titles = ["Abortion", "Health care", "Abortion and health", "Taxes"];
        let found = |typed| matching(titles.iter().copied(), typed);
        assert_eq!(found("abor"), vec![0, 2]);
        assert_eq!(found("HEALTH abor"), vec![2]);
        assert_eq!(found(""), vec![0, 1, 2, 3]);
        assert!(found("zebra").is_empty());
        // Within the search's typos, as the claim search forgives them.
        assert_eq!(found("abortoin"), vec![0, 2]);
        assert_eq!(found("helth"), vec![1, 2]);
        assert!(found("xaxes").is_empty(), "not at the first letter");
    }
}
