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
    /// The questions `Tab` steps through: the one the dialog opened with, then each question
    /// of the topic's points (the placeholder left out), each in its place as last edited.
    pub questions: Vec<String>,
    /// Which of `questions` the field holds (as edited since).
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

    /// The next (`forward`) or previous question of [`Accept::questions`], in the field,
    /// selected so typing replaces it; what was typed stays in its place, to come back to.
    pub fn step_question(&mut self, forward: bool) {
        let n = self.questions.len();
        if n < 2 {
            return;
        }
        if let Some(q) = self.questions.get_mut(self.choice) {
            self.question.text().clone_into(q);
        }
        self.choice = if forward {
            (self.choice + 1) % n
        } else {
            (self.choice + n - 1) % n
        };
        if let Some(q) = self.questions.get(self.choice) {
            self.question = TextField::proposed(q.clone());
        }
    }
}

/// The questions of the points of `topic` that ask something (not the placeholder), each once,
/// in the manifest's order, less `first`.
pub fn topic_questions(dispute: &Dispute, topic: &str, first: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let points = dispute.manifest_topic(topic).map_or(&[][..], |t| &t.points);
    for q in points.iter().filter_map(|p| p.question.as_deref()) {
        let asks = !crate::edit::is_placeholder(q) && !crate::edit::asks_nothing(q);
        if asks
            && !crate::edit::same_question(q, first)
            && !out.iter().any(|o| crate::edit::same_question(o, q))
        {
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
