//! A row in full's state: which row, the selected claim, the scroll, and where links were
//! followed from; and how it is found again when the comparison beneath it changes.

use crate::compare::Comparison;
use crate::format::{ClaimAt, Dispute};

/// One place in a row in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detail {
    /// The topic, an index into the comparison's topics.
    pub topic: usize,
    /// The row within the topic.
    pub row: usize,
    /// The selected claim, an index into the row's claims (left side first).
    pub cursor: usize,
    /// Lines scrolled off above.
    pub scroll: usize,
}

/// The row in full: where it is, and the places links were followed from, most recent last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowInFull {
    /// The row shown.
    pub at: Detail,
    /// Where `b` returns to.
    pub back: Vec<Detail>,
}

/// What finds a row in full again once the comparison beneath it changed (the files reloaded,
/// a query run, suggested rows found or accepted): the row's point, else its claims by id, as
/// row and claim indexes do not outlive the comparison they index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// The id of the row's topic.
    topic: String,
    /// The row's point, for a point row.
    point: Option<String>,
    /// The id of the selected claim.
    selected: Option<String>,
    /// The ids of the row's claims.
    claims: Vec<String>,
    /// Whether the row was a suggested pair.
    suggested: bool,
    /// Where the row in full was.
    at: Detail,
}

impl Anchor {
    /// The anchor of `d`, a place in `cmp` (a comparison of `dispute`); `None` when it is not one.
    pub fn of(d: Detail, dispute: &Dispute, cmp: &Comparison) -> Option<Anchor> {
        let topic = cmp.topics.get(d.topic)?;
        let row = topic.rows.get(d.row)?;
        let id = |at: ClaimAt| dispute.claim(at).map(|c| c.id.to_string());
        Some(Anchor {
            topic: topic.id.clone(),
            point: row.point.as_deref().map(str::to_owned),
            selected: row.claims().nth(d.cursor).and_then(id),
            claims: row.claims().filter_map(id).collect(),
            suggested: row.kind == crate::compare::RowKind::Suggested,
            at: d,
        })
    }

    /// The pair, when the row was a suggested pair that `d` (where the row was found again in
    /// `cmp`) no longer holds whole: the matcher pairs its claims otherwise now.
    fn pair_gone(&self, d: Detail, dispute: &Dispute, cmp: &Comparison) -> Option<Lost> {
        // Most rows in full are no suggested pair: nothing is copied for them.
        if !self.suggested {
            return None;
        }
        let lost = Lost {
            selected: self.selected.clone()?,
            claims: self.claims.clone(),
        };
        (!lost.stands(d, dispute, cmp)).then_some(lost)
    }

    /// The same row in `cmp` (a comparison of `dispute`, which may be another dispute read from
    /// the same files): the row of the same point in the same topic, else the row holding the
    /// selected claim, else one holding another of its claims. The selected claim stays selected
    /// and the scroll stays where it was; `None` when the row is gone.
    pub fn find(&self, dispute: &Dispute, cmp: &Comparison) -> Option<Detail> {
        let by_point = self.point.as_ref().and_then(|point| {
            let t = cmp.topics.iter().position(|t| t.id == self.topic)?;
            let r = cmp
                .topics
                .get(t)?
                .rows
                .iter()
                .position(|r| r.point.as_deref() == Some(point.as_str()))?;
            Some((t, r))
        });
        let selected = self
            .selected
            .as_deref()
            .and_then(|id| dispute.find_claim(id));
        let (topic, row) = by_point.or_else(|| {
            selected
                .into_iter()
                .chain(self.claims.iter().filter_map(|id| dispute.find_claim(id)))
                .find_map(|at| crate::layout::locate(dispute, cmp, at))
        })?;
        let r = cmp.topics.get(topic)?.rows.get(row)?;
        let found = selected.and_then(|at| r.claims().position(|c| c == at));
        let last = r.claims().count().saturating_sub(1);
        Some(Detail {
            topic,
            row,
            cursor: found.unwrap_or_else(|| self.at.cursor.min(last)),
            scroll: if found.is_some() { self.at.scroll } else { 0 },
        })
    }
}

/// Rows in full taken off the stack while the comparison beneath them changes.
#[derive(Debug, Default)]
pub struct Held(Vec<Taken>);

/// One row in full taken off the stack: its place there and the anchors that find it (and its
/// way back) again.
#[derive(Debug)]
struct Taken {
    index: usize,
    row: RowInFull,
    at: Option<Anchor>,
    back: Vec<Option<Anchor>>,
}

impl Held {
    /// Holds a row in full that was at `index` in the stack.
    pub fn hold(&mut self, index: usize, row: RowInFull, dispute: &Dispute, cmp: &Comparison) {
        let at = Anchor::of(row.at, dispute, cmp);
        let back = row
            .back
            .iter()
            .map(|&d| Anchor::of(d, dispute, cmp))
            .collect();
        self.0.push(Taken {
            index,
            row,
            at,
            back,
        });
    }

    /// The rows in full found again in `cmp`, each with its place in the stack, bottom first; a
    /// row that is gone is left out, and so is a way back to a row that is gone. With them, the
    /// selected claim of a suggested pair shown whose pair no longer stands (the row in full
    /// follows that claim to where it is now, which may be beside another claim).
    pub fn found(self, dispute: &Dispute, cmp: &Comparison) -> Found {
        let mut gone = None;
        let rows = self
            .0
            .into_iter()
            .filter_map(|t| {
                let mut row = t.row;
                let anchor = t.at?;
                row.at = anchor.find(dispute, cmp)?;
                if let Some(lost) = anchor.pair_gone(row.at, dispute, cmp) {
                    gone = Some(lost);
                }
                row.back = t
                    .back
                    .iter()
                    .filter_map(|a| a.as_ref()?.find(dispute, cmp))
                    .collect();
                Some((t.index, row))
            })
            .collect();
        Found { rows, gone }
    }
}

/// Rows in full found again: see [`Held::found`].
#[derive(Debug)]
pub struct Found {
    /// Each row in full with its place in the stack, bottom first.
    pub rows: Vec<(usize, RowInFull)>,
    /// A suggested pair shown in full that no longer stands, if any.
    pub gone: Option<Lost>,
}

/// A suggested pair a row in full showed, no longer found whole where the row in full is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lost {
    /// The id of the claim the row in full follows.
    pub selected: String,
    /// The ids of the pair's claims.
    claims: Vec<String>,
}

impl Lost {
    /// Whether the row at `d` in `cmp` holds the whole pair again: suggested, or linked since
    /// (not two claims packed side by side, which do not answer each other).
    pub fn stands(&self, d: Detail, dispute: &Dispute, cmp: &Comparison) -> bool {
        let Some(row) = cmp.topics.get(d.topic).and_then(|t| t.rows.get(d.row)) else {
            return false;
        };
        row.kind != crate::compare::RowKind::Packed
            && self.claims.iter().all(|id| {
                dispute
                    .find_claim(id)
                    .is_some_and(|at| row.claims().any(|c| c == at))
            })
    }
}
