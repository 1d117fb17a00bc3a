//! The accept dialog's state.

use crate::format::{Dispute, RelationKind};
use crate::matching::Suggestion;
use crate::tui::strings;
use crate::tui::text_field::TextField;

/// Accepting one suggested pair: the two claims' ids and the question being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accept {
    /// The left claim's id.
    pub left: String,
    /// The right claim's id.
    pub right: String,
    /// The new point's question, prefilled with a neutral default.
    pub question: TextField,
    /// The relation written with the point, chosen with ↑ and ↓: whether the left claim is the
    /// one that relates (else the right one), and how. `None` (the default): no relation.
    pub relation: Option<(bool, RelationKind)>,
    /// The questions the topic's points ask (the placeholder left out), which `Tab` steps
    /// through after [`Accept::own`].
    pub questions: Vec<String>,
    /// The question of the analyst's own in the round: the one the dialog opened with when no
    /// point asks it (the placeholder), or the last one typed, kept to come back to.
    pub own: Option<String>,
    /// Where the field is in the round (`own` first, when there is one, then `questions`).
    pub choice: usize,
}

impl Accept {
    /// Why the dialog can no longer write its pair, once the files changed under it: a claim of
    /// the pair is gone from `dispute`, or the matcher, asked again, no longer suggests the pair
    /// (`pairs`, known once nothing is `pending`). `None` while the pair can still be written.
    pub fn stale(
        &self,
        dispute: &Dispute,
        pairs: &[Suggestion],
        pending: bool,
    ) -> Option<&'static str> {
        let (Some(left), Some(right)) = (
            dispute.find_claim(&self.left),
            dispute.find_claim(&self.right),
        ) else {
            return Some(strings::ACCEPT_GONE);
        };
        let suggested = pairs.iter().any(|s| s.left == left && s.right == right);
        (!pending && !suggested).then_some(strings::ACCEPT_NOT_SUGGESTED)
    }

    /// The question in the field when the analyst typed it (not a proposal left as it was, nor
    /// one a point of the topic asks, nor empty): what is lost if the dialog closes by itself,
    /// so the footer says it back.
    pub fn typed(&self) -> Option<&str> {
        let text = self.question.text().trim();
        let given = self.question.is_selected() || self.questions.iter().any(|q| q == text);
        (!text.is_empty() && !given).then_some(text)
    }

    /// The round `Tab` steps through: [`Accept::own`], then the topic's questions.
    pub fn round(&self) -> Vec<&str> {
        self.own
            .iter()
            .chain(&self.questions)
            .map(String::as_str)
            .collect()
    }

    /// The next (`forward`) or previous question of the round, in the field, selected so
    /// typing replaces it. A question typed or edited first becomes the analyst's own, at the
    /// round's start, so `Tab` past the last question brings it back; the topic's questions
    /// stay as they are asked.
    pub fn step_question(&mut self, forward: bool) {
        let text = self.question.text().to_owned();
        if self.round().get(self.choice).copied() != Some(text.as_str()) {
            match self.questions.iter().position(|q| *q == text) {
                Some(i) => self.choice = i + usize::from(self.own.is_some()),
                None => {
                    self.own = Some(text);
                    self.choice = 0;
                }
            }
        }
        let round: Vec<String> = self.round().into_iter().map(str::to_owned).collect();
        let n = round.len();
        if n < 2 {
            return;
        }
        self.choice = if forward {
            (self.choice + 1) % n
        } else {
            (self.choice + n - 1) % n
        };
        if let Some(q) = round.get(self.choice) {
            self.question = TextField::proposed(q.clone());
        }
    }
}

/// The questions of the points of `topic` that ask something (not the placeholder), each once,
/// in the manifest's order.
pub fn topic_questions(dispute: &Dispute, topic: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let points = dispute.manifest_topic(topic).map_or(&[][..], |t| &t.points);
    for q in points.iter().filter_map(|p| p.question.as_deref()) {
        let asks = !crate::edit::is_placeholder(q) && !crate::edit::asks_nothing(q);
        if asks && !out.iter().any(|o| crate::edit::same_question(o, q)) {
            out.push(q.to_owned());
        }
    }
    out
}

/// The relations the dialog offers, in the order ↓ steps through them: none, then each kind
/// from the left claim and from the right one.
pub fn relations() -> Vec<Option<(bool, RelationKind)>> {
    std::iter::once(None)
        .chain(
            RelationKind::ALL
                .iter()
                .flat_map(|&k| [Some((true, k)), Some((false, k))]),
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dialog(questions: &[&str], first: &str) -> Accept {
        let questions: Vec<String> = questions.iter().map(|q| (*q).to_owned()).collect();
        let at = questions.iter().position(|q| q == first);
        Accept {
            left: "l".to_owned(),
            right: "r".to_owned(),
            question: TextField::proposed(first.to_owned()),
            relation: None,
            own: at.is_none().then(|| first.to_owned()),
            choice: at.unwrap_or(0),
            questions,
        }
    }

    fn steps(a: &mut Accept, forward: &[bool]) -> Vec<String> {
        forward
            .iter()
            .map(|&f| {
                a.step_question(f);
                a.question.text().to_owned()
            })
            .collect()
    }

    /// Opened on a question a point asks, then typed over: every question of the topic stays in
    /// the round, the prefilled one too, and what was typed comes back after the last.
    #[test]
    fn a_question_typed_over_the_prefill_joins_the_round_and_loses_none() {
        let mut a = dialog(&["A?", "B?"], "A?");
        a.question = TextField::proposed("Mine?".to_owned());
        assert_eq!(
            steps(&mut a, &[true, true, true, false, false]),
            ["A?", "B?", "Mine?", "B?", "A?"]
        );
    }

    /// Opened on the placeholder (no point asks it): it is the analyst's own until replaced.
    #[test]
    fn the_placeholder_is_the_rounds_own_question() {
        let mut a = dialog(&["A?"], "What is at issue here?");
        assert_eq!(
            steps(&mut a, &[true, true]),
            ["A?", "What is at issue here?"]
        );
        let mut none = dialog(&[], "What is at issue here?");
        assert_eq!(steps(&mut none, &[true]), ["What is at issue here?"]);
    }
}
