//! The years a dispute's claims were made in, to tell a mistyped year (`0205-05-01`) from the
//! rest: `validate` asks about such a date, and the timeline leaves it off its axis rather than
//! stretch the axis over centuries of empty years. One rule for both.

use super::{Date, Side};

/// How far a date's year may be from the middle year of the dispute's dates before it is taken
/// for a mistyped one: a claim quoting a statement of a century ago stays on the axis.
pub const FAR_YEARS: u16 = 100;

/// The middle year of a dispute's dated claims and sources; `None` when none is dated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Era {
    middle: Option<u16>,
}

impl Era {
    /// The middle year of the claims' and sources' dates, each one's year counted (a sample of
    /// every n-th claim could hold only the one mistyped date among thousands undated, and
    /// take its year for the middle; the sources count too, so the one dated claim's mistyped
    /// year is not taken for the middle and its right source's asked about): one pass, and a
    /// linear selection.
    pub fn of(sides: &[Side]) -> Era {
        let claims = sides
            .iter()
            .flat_map(|s| s.topics.iter().flat_map(|t| &t.claims))
            .filter_map(|c| c.date);
        let sources = sides.iter().flat_map(|s| &s.sources).filter_map(|s| s.date);
        let mut years: Vec<u16> = claims.chain(sources).map(|d| d.year).collect();
        let middle = (!years.is_empty()).then(|| {
            let at = years.len() / 2;
            *years.select_nth_unstable(at).1
        });
        Era { middle }
    }

    /// The middle year, when a claim is dated.
    pub fn middle(self) -> Option<u16> {
        self.middle
    }

    /// Whether a date is more than [`FAR_YEARS`] from the middle year.
    pub fn is_far(self, date: &Date) -> bool {
        self.middle
            .is_some_and(|m| date.year.abs_diff(m) > FAR_YEARS)
    }
}
