//! Ratings counted by side and by who made them: the tables `parallax topics --ratings` prints,
//! so a count of refuted claims on one side can be read against who did the rating.

use crate::compare::Comparison;
use crate::format::{Dispute, Rating};
use crate::text;
use std::collections::BTreeMap;
use std::fmt::Write;

/// The label for assessments that do not say who made them.
pub const UNNAMED: &str = "(not named)";

/// Claims per rating, in [`Rating::ALL`]'s order, then claims without an assessment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally(pub [usize; 6]);

impl Tally {
    /// The slot of a rating: its place in [`Rating::ALL`], or the last for "not assessed".
    fn slot(rating: Option<Rating>) -> usize {
        rating
            .and_then(|r| Rating::ALL.iter().position(|&x| x == r))
            .unwrap_or(5)
    }

    /// Counts one claim of a rating (`None`: not assessed).
    pub fn add(&mut self, rating: Option<Rating>) {
        if let Some(n) = self.0.get_mut(Self::slot(rating)) {
            *n += 1;
        }
    }

    /// The number of claims of one rating (`None`: not assessed).
    pub fn get(&self, rating: Option<Rating>) -> usize {
        self.0.get(Self::slot(rating)).copied().unwrap_or(0)
    }

    /// Claims with an assessment.
    pub fn assessed(&self) -> usize {
        self.0.iter().take(5).sum()
    }
}

/// Counts some claims of a comparison by rating (a topic's claims on one side, for the
/// screen's summary line); as of the comparison's date, an assessment made later does not count.
pub fn tally(
    dispute: &Dispute,
    cmp: &Comparison,
    claims: impl IntoIterator<Item = crate::format::ClaimAt>,
) -> Tally {
    let mut t = Tally::default();
    for at in claims {
        if let Some(claim) = dispute.claim(at) {
            t.add(cmp.assessed(dispute, at, claim).shown().map(|a| a.rating));
        }
    }
    t
}

/// A tally in a line at most `width` columns wide, only the ratings some claim has: the
/// ratings' names (`2 corroborated · 1 refuted · 3 not assessed`), or their first three
/// letters when the names do not fit (`2 cor · 1 ref · 3 n/a`, closer still if need be),
/// else cut with `…`.
pub fn summary(t: &Tally, width: usize) -> String {
    let slots = Rating::ALL.iter().map(|&r| Some(r)).chain([None]);
    let named: Vec<(usize, &str, &str)> = slots
        .filter_map(|r| {
            let n = t.get(r);
            let (long, short) = match r {
                Some(r) => (r.as_str(), r.as_str().get(..3).unwrap_or("")),
                None => ("not assessed", "n/a"),
            };
            (n > 0).then_some((n, long, short))
        })
        .collect();
    let join = |short: bool, sep: &str| {
        named
            .iter()
            .map(|&(n, long, abbr)| format!("{n} {}", if short { abbr } else { long }))
            .collect::<Vec<_>>()
            .join(sep)
    };
    [join(false, " · "), join(true, " · "), join(true, "·")]
        .into_iter()
        .find(|s| text::width(s) <= width)
        .unwrap_or_else(|| {
            // As many whole counts as fit, then `…`: never a count cut short (`11…` for 114).
            let mut out = String::new();
            for &(n, _, abbr) in &named {
                let next = format!("{}{n} {abbr}", if out.is_empty() { "" } else { "·" });
                if text::width(&out) + text::width(&next) + 1 > width {
                    break;
                }
                out.push_str(&next);
            }
            if width > 0 {
                out.push('…');
            }
            out
        })
}

/// The ratings of one side, in all and by who made them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideRatings {
    /// The party's name.
    pub party: String,
    /// Every claim of the side by rating, unassessed ones included.
    pub all: Tally,
    /// The assessed claims by who made the assessment ([`UNNAMED`] when unsaid), by name.
    pub by: BTreeMap<String, Tally>,
}

/// The "assessed by" of a side none of whose claims is assessed.
pub const NOBODY: &str = "(none assessed)";

/// Counts every side's claims by rating, and its assessments by who made them.
pub fn count(dispute: &Dispute) -> Vec<SideRatings> {
    let mut out: Vec<SideRatings> = dispute
        .sides
        .iter()
        .map(|s| SideRatings {
            party: s.party.name.clone(),
            all: Tally::default(),
            by: BTreeMap::new(),
        })
        .collect();
    for (at, claim) in dispute.claims() {
        let Some(side) = out.get_mut(at.side()) else {
            continue;
        };
        let rating = claim.assessment.as_ref().map(|a| a.rating);
        side.all.add(rating);
        if let Some(a) = &claim.assessment {
            let who = a.by.clone().unwrap_or_else(|| UNNAMED.to_owned());
            side.by.entry(who).or_default().add(rating);
        }
    }
    out
}

/// Lays out rows of cells: the first `left` columns left-aligned, the rest right-aligned.
fn table(out: &mut String, headers: &[String], rows: &[Vec<String>], left: usize) {
    let mut widths: Vec<usize> = headers.iter().map(|h| text::width(h)).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(text::width(cell)).min(40);
        }
    }
    let line = |cells: &[String]| {
        let mut s = String::new();
        for (i, (cell, &w)) in cells.iter().zip(&widths).enumerate() {
            if i > 0 {
                s.push_str("  ");
            }
            if i < left {
                s.push_str(&text::fit(cell, w));
            } else {
                s.push_str(&" ".repeat(w.saturating_sub(text::width(cell))));
                s.push_str(cell);
            }
        }
        s.trim_end().to_owned()
    };
    let _ = writeln!(out, "{}", line(headers));
    for row in rows {
        let _ = writeln!(out, "{}", line(row));
    }
}

fn counts(t: &Tally) -> impl Iterator<Item = String> + '_ {
    t.0.iter().take(5).map(|n| n.to_string())
}

/// The two tables: ratings by side, then ratings by side and by who made them.
pub fn tables(dispute: &Dispute) -> String {
    let sides = count(dispute);
    let ratings = Rating::ALL.iter().map(|r| r.as_str().to_owned());
    let mut out = String::from("Ratings by side\n");
    let mut headers = vec!["side".to_owned()];
    headers.extend(ratings.clone());
    headers.extend(["not assessed".to_owned(), "claims".to_owned()]);
    let rows: Vec<Vec<String>> = sides
        .iter()
        .map(|s| {
            let mut row = vec![s.party.clone()];
            row.extend(counts(&s.all));
            row.push(s.all.get(None).to_string());
            row.push(s.all.0.iter().sum::<usize>().to_string());
            row
        })
        .collect();
    table(&mut out, &headers, &rows, 1);
    out.push_str("\nRatings by who made them\n");
    let mut headers = vec!["side".to_owned(), "assessed by".to_owned()];
    headers.extend(ratings);
    headers.push("assessed".to_owned());
    let rows: Vec<Vec<String>> = sides
        .iter()
        .flat_map(|s| {
            let by = s.by.iter().map(|(who, t)| {
                let mut row = vec![s.party.clone(), who.clone()];
                row.extend(counts(t));
                row.push(t.assessed().to_string());
                row
            });
            // A side nobody assessed has its line of noughts: counted, not left out.
            let none = s.by.is_empty().then(|| {
                let mut row = vec![s.party.clone(), NOBODY.to_owned()];
                row.extend(counts(&Tally::default()));
                row.push("0".to_owned());
                row
            });
            by.chain(none)
        })
        .collect();
    if sides.iter().all(|s| s.by.is_empty()) {
        out.push_str("(no claim is assessed)\n");
    } else {
        table(&mut out, &headers, &rows, 2);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_names_the_ratings_some_claim_has_and_shortens_them_to_fit() {
        let mut t = Tally::default();
        for r in [
            Some(Rating::Corroborated),
            Some(Rating::Corroborated),
            Some(Rating::Refuted),
            None,
        ] {
            t.add(r);
        }
        assert_eq!(
            summary(&t, 80),
            "2 corroborated · 1 refuted · 1 not assessed"
        );
        assert_eq!(summary(&t, 25), "2 cor · 1 ref · 1 n/a");
        assert_eq!(summary(&t, 20), "2 cor·1 ref·1 n/a");
        // Too narrow for all: the counts that fit whole, then `…`, never a count cut short.
        assert_eq!(summary(&t, 12), "2 cor·1 ref…");
        assert_eq!(summary(&t, 10), "2 cor…");
        let mut many = Tally::default();
        (0..120).for_each(|_| many.add(Some(Rating::Corroborated)));
        (0..114).for_each(|_| many.add(Some(Rating::Disputed)));
        assert_eq!(summary(&many, 14), "120 cor…");
        assert_eq!(summary(&Tally::default(), 10), "");
    }
}
