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
