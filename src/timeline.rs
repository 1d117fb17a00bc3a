//! The timeline: how many claims each compared side made per day (or per week, month or year as
//! the span grows), with the dates of the assessments. One count feeds `parallax timeline`, the HTML
//! export's chart and the screen's chart.
//!
//! A claim dated only to the month counts on the month's last day, one dated to the year on
//! 31 December, as everywhere a date is placed in time. An assessment has no date of its own: it
//! is placed at the latest date of the sources it cites (when it could first have been made; see
//! [`crate::format::Assessment::date`], the one rule a date in force judges assessments by too),
//! and never before its claim's date. The axis runs on to the last assessment when it came
//! after the last claim; one made before the first claim is counted on the first bar.

use crate::compare::{Comparison, TopicRows};

/// At most this many bars before a timeline counts by a longer bucket: two months of days, a
/// year of weeks, five years of months.
pub const MAX_DAYS: usize = 62;
use crate::format::{ClaimAt, Date, Dispute, Rating};
use crate::query::filter::said_by;
use serde::Serialize;

/// How long one bar of the timeline is: the shortest that keeps the bars to a readable number
/// (a typo's year `0205` among dates of 2025 makes years, not 600,000 days).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Bucket {
    /// One day.
    Day,
    /// Seven days, Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

/// What a timeline with no dated claim says in place of its bucket.
pub const NO_DATED_CLAIM: &str = "no dated claim";

impl Bucket {
    /// The buckets, shortest first: a timeline takes the first that is few enough bars.
    const ALL: [Bucket; 4] = [Bucket::Day, Bucket::Week, Bucket::Month, Bucket::Year];

    /// The number of the bar holding day number `n` (bars count on from any origin).
    fn key(self, n: i32) -> Option<i32> {
        Some(match self {
            Bucket::Day => n,
            // Weeks start on Monday: the Julian day number of a Monday is a multiple of 7.
            Bucket::Week => n.div_euclid(7),
            Bucket::Month => {
                let d = time::Date::from_julian_day(n).ok()?;
                d.year() * 12 + i32::from(u8::from(d.month())) - 1
            }
            Bucket::Year => time::Date::from_julian_day(n).ok()?.year(),
        })
    }

    /// The first and last day numbers of bar number `k`.
    fn days_of(self, k: i32) -> Option<(i32, i32)> {
        let first_of = |year: i32, month: u8| {
            let month = time::Month::try_from(month).ok()?;
            time::Date::from_calendar_date(year, month, 1)
                .ok()
                .map(|d| d.to_julian_day())
        };
        match self {
            Bucket::Day => Some((k, k)),
            Bucket::Week => Some((k * 7, k * 7 + 6)),
            Bucket::Month => {
                let (year, month) = (k.div_euclid(12), u8::try_from(k.rem_euclid(12)).ok()? + 1);
                let first = first_of(year, month)?;
                let last = match month {
                    12 => first + 30,
                    _ => first_of(year, month + 1)? - 1,
                };
                Some((first, last))
            }
            Bucket::Year => Some((first_of(k, 1)?, first_of(k, 12)? + 30)),
        }
    }

    /// The chart's unit, as its title says it: `per week`.
    pub fn per(self) -> &'static str {
        match self {
            Bucket::Day => "per day",
            Bucket::Week => "per week",
            Bucket::Month => "per month",
            Bucket::Year => "per year",
        }
    }

    /// [`Bucket::per`] with what a reader may not guess: where a week starts.
    pub fn per_in_full(self) -> &'static str {
        match self {
            Bucket::Week => "per week (Monday to Sunday)",
            other => other.per(),
        }
    }

    /// A bar's name in a table's first column: its day, its week's Monday, `2025-05`, `2025`.
    pub fn short(self, bin: &Bin) -> String {
        match self {
            Bucket::Day | Bucket::Week => bin.start.to_string(),
            Bucket::Month => Date {
                day: None,
                ..bin.start
            }
            .to_string(),
            Bucket::Year => Date {
                month: None,
                day: None,
                ..bin.start
            }
            .to_string(),
        }
    }

    /// A bar's name said in full: a week is `2025-05-05 to 2025-05-11`, the rest as
    /// [`Bucket::short`].
    pub fn when(self, bin: &Bin) -> String {
        match self {
            Bucket::Week => format!("{} to {}", bin.start, bin.end),
            other => other.short(bin),
        }
    }

    /// The heading of a table's first column.
    pub fn column(self) -> &'static str {
        match self {
            Bucket::Day => "day",
            Bucket::Week => "week of",
            Bucket::Month => "month",
            Bucket::Year => "year",
        }
    }
}

/// One bar: the claims of each side made within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Bin {
    /// The bar's first day.
    pub start: Date,
    /// The bar's last day.
    pub end: Date,
    /// Claims of the left side.
    pub left: usize,
    /// Claims of the right side.
    pub right: usize,
}

/// An assessment placed in time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mark {
    /// The latest date of the sources it cites.
    pub date: Date,
    /// The claim assessed.
    pub claim: String,
    /// Which side made the claim: `left` or `right`.
    pub side: &'static str,
    /// The verdict.
    pub rating: Rating,
}

/// The claims of two sides over time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timeline {
    /// How long each bar is.
    pub bucket: Bucket,
    /// The bars, from the first dated claim's to the last one's, empty ones included.
    pub bins: Vec<Bin>,
    /// The dated assessments, by date.
    pub assessments: Vec<Mark>,
    /// Claims without a date, left and right: they have no place on the axis.
    pub undated: [usize; 2],
    /// Assessments whose sources carry no date, left and right: no place on the axis either,
    /// but counted, so none goes missing from the total.
    pub undated_assessments: [usize; 2],
    /// Claims dated more than a century from the dispute's middle year ([`Era`](crate::format::Era)), left and
    /// right: a mistyped year, most likely, counted but kept off the axis, which it would
    /// stretch over centuries of empty bars.
    pub far: [usize; 2],
    /// Assessments dated that far, left and right (see [`Timeline::far`]).
    pub far_assessments: [usize; 2],
}

/// A day as a count of days, for arithmetic; `None` for dates `time` cannot hold.
fn day_number(date: Date) -> Option<i32> {
    let (y, m, d) = date.last_day();
    let month = time::Month::try_from(m).ok()?;
    time::Date::from_calendar_date(i32::from(y), month, d)
        .ok()
        .map(|d| d.to_julian_day())
}

/// The date of a day number.
fn from_number(n: i32) -> Option<Date> {
    let d = time::Date::from_julian_day(n).ok()?;
    Some(Date {
        year: u16::try_from(d.year()).ok()?,
        month: Some(u8::from(d.month())),
        day: Some(d.day()),
    })
}

/// The day a claim or source date is placed on: its last day.
pub fn placed(date: Date) -> Option<Date> {
    from_number(day_number(date)?)
}

impl Timeline {
    /// Counts the claims of a comparison (as shown: filtered, narrowed, as of a date) per day,
    /// or per week when the days would be more than `max_bins` bars.
    pub fn new(dispute: &Dispute, cmp: &Comparison, max_bins: usize) -> Timeline {
        let as_of = cmp.as_of.as_ref().map(|a| a.date);
        Timeline::of_topics(dispute, &cmp.topics, as_of, max_bins)
    }

    /// [`Timeline::new`] over some topics of a comparison (one section of an export) seen as
    /// of `as_of`: an assessment made after it is left out.
    pub fn of_topics(
        dispute: &Dispute,
        topics: &[TopicRows],
        as_of: Option<Date>,
        max_bins: usize,
    ) -> Timeline {
        let mut days: Vec<(i32, usize)> = Vec::new();
        let mut undated = [0, 0];
        let mut undated_assessments = [0, 0];
        let (mut far, mut far_assessments) = ([0, 0], [0, 0]);
        let era = dispute.era();
        let mut assessments = Vec::new();
        let mut note = |at: ClaimAt, side: usize| {
            let Some(claim) = dispute.claim(at) else {
                return;
            };
            match claim.date.and_then(day_number) {
                _ if claim.date.is_some_and(|d| era.is_far(&d)) => far[side] += 1,
                Some(n) => days.push((n, side)),
                None => undated[side] += 1,
            }
            let Some(a) = &claim.assessment else { return };
            let sources = dispute.sides.get(at.side()).map_or(&[][..], |s| &s.sources);
            // Dated by the one rule (`Assessment::date`); one made after the date in force
            // was not known then.
            let Some(made) = a.date(sources) else {
                undated_assessments[side] += 1;
                return;
            };
            // Never before the claim it judges: a verdict citing only an older report (a
            // statistic of the year before) was made once the claim was.
            let made = claim
                .date
                .filter(|c| c.last_day() > made.last_day())
                .unwrap_or(made);
            // One made after the date in force was not known then, far or not.
            if as_of.is_some_and(|as_of| !said_by(Some(made), as_of)) {
                return;
            }
            if era.is_far(&made) {
                far_assessments[side] += 1;
                return;
            }
            let date = Some(made)
                .filter(|&d| as_of.is_none_or(|as_of| said_by(Some(d), as_of)))
                .and_then(placed);
            if let Some(date) = date {
                assessments.push(Mark {
                    date,
                    claim: claim.id.to_string(),
                    side: if side == 0 { "left" } else { "right" },
                    rating: a.rating,
                });
            }
        };
        for row in topics.iter().flat_map(|t| &t.rows) {
            row.left.iter().for_each(|&at| note(at, 0));
            row.right.iter().for_each(|&at| note(at, 1));
        }
        assessments.sort_by(|a, b| (a.date, &a.claim).cmp(&(b.date, &b.claim)));
        // The axis runs from the first claim to the last, or to the last assessment when one
        // came later, so every dated assessment has its bar; one made before the first claim
        // (an undated claim's verdict citing an old report, a treaty of 1960) is counted on the
        // first bar, rather than stretching the axis back over decades. With no dated claim,
        // the axis is the assessments'.
        let marks = || assessments.iter().filter_map(|m| day_number(m.date));
        let (Some(first), Some(last)) = (
            days.iter().map(|d| d.0).min().or_else(|| marks().min()),
            days.iter().map(|d| d.0).chain(marks()).max(),
        ) else {
            return Timeline {
                bucket: Bucket::Day,
                bins: Vec::new(),
                assessments,
                undated,
                undated_assessments,
                far,
                far_assessments,
            };
        };
        // The shortest bucket that keeps the bars to `max_bins`; years whatever their number.
        let count = |b: Bucket| Some(b.key(last)? - b.key(first)? + 1);
        let bucket = Bucket::ALL
            .into_iter()
            .find(|&b| count(b).is_some_and(|c| usize::try_from(c).unwrap_or(0) <= max_bins.max(1)))
            .unwrap_or(Bucket::Year);
        let first_key = bucket.key(first).unwrap_or(0);
        let last_key = bucket.key(last).unwrap_or(first_key);
        let mut bins: Vec<Bin> = (first_key..=last_key)
            .filter_map(|k| {
                let (s, e) = bucket.days_of(k)?;
                Some(Bin {
                    start: from_number(s)?,
                    end: from_number(e)?,
                    left: 0,
                    right: 0,
                })
            })
            .collect();
        for (n, side) in days {
            let i = bucket
                .key(n)
                .and_then(|k| usize::try_from(k - first_key).ok())
                .unwrap_or(0);
            if let Some(bin) = bins.get_mut(i) {
                if side == 0 {
                    bin.left += 1;
                } else {
                    bin.right += 1;
                }
            }
        }
        Timeline {
            bucket,
            bins,
            assessments,
            undated,
            undated_assessments,
            far,
            far_assessments,
        }
    }

    /// How many assessments each bar holds, by [`Timeline::bin_of`]: one made before the first
    /// claim counts on the first bar, as `parallax timeline` and the screen both say.
    pub fn assessed_per_bin(&self) -> Vec<usize> {
        let mut per = vec![0; self.bins.len()];
        for a in &self.assessments {
            if let Some(n) = self.bin_of(a.date).and_then(|i| per.get_mut(i)) {
                *n += 1;
            }
        }
        per
    }

    /// The index of the bar holding a date (clamped to the first or last bar); `None` when the
    /// timeline is empty.
    pub fn bin_of(&self, date: Date) -> Option<usize> {
        let first = self.bins.first()?;
        let key = |d: Date| self.bucket.key(day_number(d)?);
        let i = key(date)? - key(first.start)?;
        Some(
            usize::try_from(i.max(0))
                .unwrap_or(0)
                .min(self.bins.len() - 1),
        )
    }

    /// What each bar counts (`per week`), or, with no dated claim to place, that there is none:
    /// a bucket said of an empty axis reads as if claims had been counted in it.
    pub fn per(&self) -> &'static str {
        if self.bins.is_empty() {
            NO_DATED_CLAIM
        } else {
            self.bucket.per()
        }
    }

    /// [`Timeline::per`] with where a week starts.
    pub fn per_in_full(&self) -> &'static str {
        if self.bins.is_empty() {
            NO_DATED_CLAIM
        } else {
            self.bucket.per_in_full()
        }
    }

    /// The most claims one side made in one bar: the chart's scale.
    pub fn peak(&self) -> usize {
        self.bins
            .iter()
            .map(|b| b.left.max(b.right))
            .max()
            .unwrap_or(0)
    }
}

/// Each topic's claims (both sides together) over `cells` equal spans (at most one a day) of
/// one axis shared by all topics, from the comparison's first dated claim to its last: a
/// sparkline per topic, by id.
pub fn sparklines(dispute: &Dispute, cmp: &Comparison, cells: usize) -> Vec<(String, Vec<usize>)> {
    // One pass over the claims: each topic's days on the axis (where its run ends in `days`),
    // and the span they make; at a million claims two passes took a quarter of a second.
    let mut days = Vec::new();
    let mut ends = Vec::with_capacity(cmp.topics.len());
    for t in &cmp.topics {
        days.extend(
            t.rows
                .iter()
                .flat_map(|r| r.claims())
                .filter_map(|at| on_axis(dispute, at)),
        );
        ends.push(days.len());
    }
    let span = days
        .iter()
        .fold(None, |acc: Option<(i32, i32)>, &n| match acc {
            None => Some((n, n)),
            Some((a, b)) => Some((a.min(n), b.max(n))),
        });
    // Fewer days than cells: a cell a day, so no cell stands for a day that is not there (six
    // days in twelve cells drew a quiet cell after each).
    let length = span.map_or(1, |(first, last)| i64::from(last - first) + 1);
    let cells = usize::try_from(length)
        .map_or(cells, |d| cells.min(d))
        .max(1);
    let mut start = 0;
    cmp.topics
        .iter()
        .zip(ends)
        .map(|(t, end)| {
            let mut line = vec![0; cells];
            if let Some((first, _)) = span {
                for &n in days.get(start..end).unwrap_or_default() {
                    let i = i64::from(n - first) * cells as i64 / length;
                    if let Some(c) = usize::try_from(i).ok().and_then(|i| line.get_mut(i)) {
                        *c += 1;
                    }
                }
            }
            start = end;
            (t.id.clone(), line)
        })
        .collect()
}

/// The day number of a claim's date, unless it has none or is too far from the rest to place
/// (see [`Timeline::far`]).
fn on_axis(dispute: &Dispute, at: ClaimAt) -> Option<i32> {
    let date = dispute.claim(at)?.date?;
    if dispute.era().is_far(&date) {
        return None;
    }
    day_number(date)
}

/// The first and last day on which a claim of the comparison was made (each date placed on its
/// last day, one too far from the rest left out); `None` when no claim is dated. Where the
/// screen's as-of steps start and stop.
pub fn span(dispute: &Dispute, cmp: &Comparison) -> Option<(Date, Date)> {
    let days = cmp
        .topics
        .iter()
        .flat_map(|t| &t.rows)
        .flat_map(|r| r.claims())
        .filter_map(|at| on_axis(dispute, at));
    let (first, last) = days.fold(None, |acc: Option<(i32, i32)>, n| match acc {
        None => Some((n, n)),
        Some((a, b)) => Some((a.min(n), b.max(n))),
    })?;
    Some((from_number(first)?, from_number(last)?))
}

/// The day `days` after `date` (before, when negative), as a full date; `date` itself when
/// the result cannot be a date.
pub fn shift(date: Date, days: i32) -> Date {
    day_number(date)
        .and_then(|n| from_number(n + days))
        .unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap_or(Date {
            year: 0,
            month: None,
            day: None,
        })
    }

    #[test]
    fn a_month_or_year_is_placed_on_its_last_day() {
        assert_eq!(placed(d("2024-02")), Some(d("2024-02-29")));
        assert_eq!(placed(d("2025")), Some(d("2025-12-31")));
    }

    #[test]
    fn shifting_crosses_months_and_years() {
        assert_eq!(shift(d("2025-12-31"), 1), d("2026-01-01"));
        assert_eq!(shift(d("2025-03-01"), -1), d("2025-02-28"));
        assert_eq!(shift(d("2025-05"), 7), d("2025-06-07"));
    }
}
