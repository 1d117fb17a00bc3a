//! Dates as the format writes them: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, always a real calendar date.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A date of year, month or day precision.
///
/// Dates order by their first day, then by precision, so `2025-05` sorts before `2025-05-01`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    /// The year, 0 to 9999.
    pub year: u16,
    /// The month, 1 to 12, when given.
    pub month: Option<u8>,
    /// The day of the month, when given (only with a month).
    pub day: Option<u8>,
}

/// Why a string is not a date. The one wording of the date rule, so every reader (validate,
/// the imports, the options and the screen) says the same, with the date meant when it is plain.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// The shape is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; with the date `meant` when only the
    /// writing is off (`2024-3-5`, `2025/05/03`, `2025.5`, `May 3, 2025`, `3 May 2025`,
    /// `2025-05-03T10:00:00Z`, `2025-05-03 `; see [`meant`]).
    #[error("is not written as YYYY, YYYY-MM or YYYY-MM-DD{}", write_instead(.meant))]
    Shape { meant: Option<Date> },
    /// Five digits (`45780`): the day number a spreadsheet saves for a date cell, counted from
    /// 1900 (or 1904), so no date can be told for sure (see `is_day_number`).
    #[error("is a spreadsheet's day number: format the column as text (YYYY-MM-DD) before saving")]
    DayNumber,
    /// A month by name and a day, with no year (`May 3`, `3 May`): no date can be told.
    #[error("names a day of a month but no year: write it with its year, YYYY-MM-DD")]
    NoYear,
    /// The shape is right but the day or month does not exist: said why (`there is no month
    /// 13`, `2023 is not a leap year`, `April has 30 days`).
    #[error("is not a real calendar date: {}", unreal(*.year, *.month, *.day))]
    NotReal { year: u16, month: u8, day: u8 },
}

impl DateError {
    /// True when the message says how a date is written (`YYYY-MM-DD`), so a caller adds no
    /// reminder of it.
    pub fn says_how_written(&self) -> bool {
        !matches!(self, DateError::NotReal { .. })
    }
}

/// Why a date of this year, month and day (0 for a date of a month) is no day of the calendar.
fn unreal(year: u16, month: u8, day: u8) -> String {
    let name = |m: u8| {
        let names = MONTHS
            .get(usize::from(m).saturating_sub(1))
            .copied()
            .unwrap_or("");
        let mut cs = names.chars();
        cs.next()
            .map(|c| c.to_ascii_uppercase().to_string() + cs.as_str())
            .unwrap_or_default()
    };
    if !(1..=12).contains(&month) {
        // A day written before its month (`2026-13-01`, day 13 of January): the date meant.
        let swapped = (1..=12).contains(&day) && month <= days_in_month(year, day);
        if swapped {
            format!(
                "there is no month {month:02} (month and day swapped? write `{year:04}-{day:02}-{month:02}`)"
            )
        } else {
            format!("there is no month {month:02}")
        }
    } else if day == 0 {
        "there is no day 00".to_owned()
    } else if month == 2 && day == 29 {
        format!("{year:04} is not a leap year")
    } else {
        format!("{} has {} days", name(month), days_in_month(year, month))
    }
}

impl Date {
    /// The first day the date covers, as (year, month, day).
    pub fn first_day(&self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day the date covers, as (year, month, day).
    pub fn last_day(&self) -> (u16, u8, u8) {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        (self.year, month, day)
    }

    /// The two dates when a range from `from` to `to` ends before it starts (nothing can fall
    /// in it): `from`'s first day after `to`'s last, so `2025-05-10` to `2025-05` is not.
    pub fn reversed(from: Option<Date>, to: Option<Date>) -> Option<(Date, Date)> {
        match (from, to) {
            (Some(f), Some(t)) if f.first_day() > t.last_day() => Some((f, t)),
            _ => None,
        }
    }
}

/// The advice of a [`DateError::Shape`]: the date as it is written.
fn write_instead(meant: &Option<Date>) -> String {
    meant.map_or_else(String::new, |d| format!(": write `{d}`"))
}

/// The date a string not written as the format says plainly means, to suggest it: the year
/// first with other separators or one-digit parts (`2024-3-5`, `2025/05/03`), an English
/// month by name in either order (`May 3, 2025`, `3 May 2025`, `7-May-2025`, `Sept. 2025`), the date of an
/// ISO date-time (`2025-05-03T10:00:00Z`) and a date with spaces around it; always a real date.
/// `None` for anything else, and for what could mean two dates (`05/03/2025`: which is the
/// month?).
fn meant(s: &str) -> Option<Date> {
    let s = s.trim();
    let s = day_of(s);
    Date::written(s)
        .ok()
        .or_else(|| numbers(s))
        .or_else(|| named(s))
        // A spreadsheet's day and month name apart by `-` (`7-May-2025`, `May-2025`).
        .or_else(|| {
            s.contains(|c: char| c.is_ascii_alphabetic())
                .then(|| named(&s.replace('-', " ")))
                .flatten()
        })
        .or_else(|| year_last(s))
        .or_else(|| basic(s))
}

/// [`meant`] for a day and a month of one or two digits before a year of four, apart by the
/// same `/`, `.` or `-` (a spreadsheet's own date), only where the order cannot be mistaken:
/// one number over 12 is the day (`22/04/2025`, `04/22/2025`), or both are the same
/// (`05/05/2025`). `05/03/2025` is the 5th of March in Britain and the 3rd of May in the
/// United States: no date is suggested.
fn year_last(s: &str) -> Option<Date> {
    let sep = s.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<&str> = s.split(sep).collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    let number = |p: &str| {
        (matches!(p.len(), 1 | 2) && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u8>().ok())
            .flatten()
    };
    let (a, b, year) = (number(a)?, number(b)?, digits(y, 4).ok()?);
    let (month, day) = match (a > 12, b > 12) {
        (true, false) => (b, a),
        (false, true) => (a, b),
        (false, false) if a == b => (a, b),
        _ => return None,
    };
    real(year, month, Some(day))
}

/// [`meant`] for ISO 8601's basic form, eight digits with no separator (`20250506`).
fn basic(s: &str) -> Option<Date> {
    if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let part = |r: std::ops::Range<usize>| s.get(r).and_then(|p| p.parse::<u16>().ok());
    let month = u8::try_from(part(4..6)?).ok()?;
    let day = u8::try_from(part(6..8)?).ok()?;
    real(part(0..4)?, month, Some(day))
}

/// [`meant`] for a year first, then a month and a day of one or two digits, each after one
/// separator (`-`, `/` or `.`, the same each time).
fn numbers(s: &str) -> Option<Date> {
    let sep = s.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let mut parts = s.split(sep);
    let year = digits(parts.next()?, 4).ok()?;
    let number = |p: &str| {
        (matches!(p.len(), 1 | 2) && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u8>().ok())
            .flatten()
    };
    let month = number(parts.next()?)?;
    let day = match parts.next() {
        Some(d) => Some(number(d)?),
        None => None,
    };
    if parts.next().is_some() {
        return None;
    }
    real(year, month, day)
}

/// [`meant`] for a month named in English, whole or by its first three letters (`Sept` too),
/// in any case, with an optional full stop: month, day, year (`May 3, 2025`), day, month, year
/// (`3 May 2025`, `3rd May, 2025`) or month and year (`May 2025`); words apart by spaces, with
/// a comma after any but the last.
fn named(s: &str) -> Option<Date> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let last = words.len().checked_sub(1)?;
    let mut parts = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let w = if i < last {
            w.strip_suffix(',').unwrap_or(w)
        } else {
            w
        };
        if w.is_empty() || w.contains(',') {
            return None;
        }
        parts.push(w);
    }
    let year = |w: &str| digits(w, 4).ok();
    match parts.as_slice() {
        [m, y] => real(year(y)?, month_named(m)?, None),
        [m, d, y] if month_named(m).is_some() => {
            real(year(y)?, month_named(m)?, Some(day_number(d)?))
        }
        [d, m, y] => real(year(y)?, month_named(m)?, Some(day_number(d)?)),
        _ => None,
    }
}

/// True for a month by name and a day with no year (`May 3`, `3rd May`, `May 3,`).
fn lacks_year(s: &str) -> bool {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    match words.as_slice() {
        [a, b] => {
            (month_named(a).is_some() && day_number(b).is_some())
                || (day_number(a).is_some() && month_named(b).is_some())
        }
        _ => false,
    }
}

/// The month an English name or its abbreviation names (`May`, `sep.`, `Sept`, `SEPTEMBER`).
fn month_named(w: &str) -> Option<u8> {
    let w = w.strip_suffix('.').unwrap_or(w).to_ascii_lowercase();
    let at = MONTHS.iter().position(|m| {
        *m == w || (w.len() == 3 && m.starts_with(w.as_str())) || (w == "sept" && *m == "september")
    })?;
    u8::try_from(at + 1).ok()
}

/// The months by name, in lower case.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A day of the month written with one or two digits, with or without its English ordinal
/// ending (`3`, `03`, `3rd`).
fn day_number(w: &str) -> Option<u8> {
    let lower = w.to_ascii_lowercase();
    let n = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|end| lower.strip_suffix(end))
        .unwrap_or(&lower);
    (matches!(n.len(), 1 | 2) && n.bytes().all(|b| b.is_ascii_digit()))
        .then(|| n.parse().ok())
        .flatten()
}

/// The date of `year`, `month` and `day` when it is real.
fn real(year: u16, month: u8, day: Option<u8>) -> Option<Date> {
    if !(1..=12).contains(&month) || day.is_some_and(|d| d == 0 || d > days_in_month(year, month)) {
        return None;
    }
    Some(Date {
        year,
        month: Some(month),
        day,
    })
}

/// The day of a date-time, as spreadsheets, pandas and schema.org write one
/// (`2025-05-10T00:00:00Z`, `2025-05-10 14:30`): the date before the `T` or space when what
/// follows is a time of day; anything else is kept whole, so that a value that is no date is
/// reported as it was written (`2025-05-03garbage` is no date).
pub(crate) fn day_of(s: &str) -> &str {
    match s.split_once(['T', 't', ' ']) {
        Some((day, time)) if is_time(time.trim_start()) => day,
        _ => s,
    }
}

/// An ISO 8601 time of day as schema.org writes one: `HH:MM`, optional `:SS` and fraction,
/// then an optional `Z` or `±HH:MM` offset; or a spreadsheet's twelve-hour clock, `2:30 PM`
/// (`H:MM`, optional `:SS`, then `AM` or `PM` in any case).
fn is_time(t: &str) -> bool {
    let upper = t.to_ascii_uppercase();
    if let Some(clock) = upper
        .strip_suffix("AM")
        .or_else(|| upper.strip_suffix("PM"))
    {
        let mut parts = clock.trim_end().split(':');
        let digits = |p: &&str| p.bytes().all(|b| b.is_ascii_digit());
        let hour = parts
            .next()
            .filter(|h| matches!(h.len(), 1 | 2) && digits(h));
        let hour_ok = hour
            .and_then(|h| h.parse::<u8>().ok())
            .is_some_and(|h| (1..=12).contains(&h));
        let rest_ok = parts
            .by_ref()
            .take(2)
            .all(|p| p.len() == 2 && digits(&p) && p.parse::<u8>().is_ok_and(|n| n <= 59));
        let minutes = clock.trim_end().matches(':').count();
        return hour_ok && rest_ok && matches!(minutes, 1 | 2) && parts.next().is_none();
    }
    let two = |s: &str, max: u32| {
        s.len() == 2
            && s.bytes().all(|b| b.is_ascii_digit())
            && s.parse::<u32>().is_ok_and(|n| n <= max)
    };
    let (clock, offset) = match t.find(['Z', '+', '-']) {
        Some(i) => t.split_at(i),
        None => (t, ""),
    };
    let offset_ok = match offset {
        "" | "Z" => true,
        o => {
            let o = o.get(1..).unwrap_or_default();
            let (h, m) = o
                .split_once(':')
                .unwrap_or((o.get(..2).unwrap_or(o), o.get(2..).unwrap_or("")));
            two(h, 23) && (m.is_empty() || two(m, 59))
        }
    };
    let mut parts = clock.splitn(3, ':');
    let (Some(h), Some(m)) = (parts.next(), parts.next()) else {
        return false;
    };
    let seconds_ok = match parts.next() {
        None => true,
        Some(s) => {
            let (whole, frac) = s.split_once('.').unwrap_or((s, "0"));
            two(whole, 60) && !frac.is_empty() && frac.bytes().all(|b| b.is_ascii_digit())
        }
    };
    two(h, 23) && two(m, 59) && seconds_ok && offset_ok
}

/// A spreadsheet's day number: five digits naming a day from 1970 to 2099 (25569 to 73050),
/// and the fraction of a day a date-time cell adds (`45780`, `45780.5`). Below, five digits are
/// more likely a year mistyped (`10000`, `20255`) than a day of the 1920s.
fn is_day_number(s: &str) -> bool {
    let (whole, frac) = s.split_once('.').unwrap_or((s, "0"));
    whole.len() == 5
        && whole
            .parse::<u32>()
            .is_ok_and(|n| (25_569..=73_050).contains(&n))
        && !frac.is_empty()
        && frac.bytes().all(|b| b.is_ascii_digit())
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn digits(s: &str, len: usize) -> Result<u16, DateError> {
    if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError::Shape { meant: None });
    }
    s.parse().map_err(|_| DateError::Shape { meant: None })
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Date::written(s).map_err(|e| match e {
            DateError::Shape { .. } if is_day_number(s) => DateError::DayNumber,
            DateError::Shape { .. } if lacks_year(s) => DateError::NoYear,
            DateError::Shape { .. } => DateError::Shape { meant: meant(s) },
            e => e,
        })
    }
}

impl Date {
    /// The date `s` is, written exactly as the format says. Inlined: every claim's date is
    /// parsed through it on load.
    #[inline]
    fn written(s: &str) -> Result<Self, DateError> {
        let (year, month, day) = match s.as_bytes() {
            // A whole day, as nearly every date is written: read by its bytes, not split.
            &[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1]
                if [y0, y1, y2, y3, m0, m1, d0, d1]
                    .iter()
                    .all(u8::is_ascii_digit) =>
            {
                let n = |d: &[u8]| d.iter().fold(0u16, |n, d| n * 10 + u16::from(d - b'0'));
                (n(&[y0, y1, y2, y3]), Some(n(&[m0, m1])), Some(n(&[d0, d1])))
            }
            _ => {
                let mut parts = s.split('-');
                let year = digits(parts.next().unwrap_or(""), 4)?;
                let month = parts.next().map(|m| digits(m, 2)).transpose()?;
                let day = parts.next().map(|d| digits(d, 2)).transpose()?;
                if parts.next().is_some() {
                    return Err(DateError::Shape { meant: None });
                }
                (year, month, day)
            }
        };
        let month = month.map(|m| m as u8);
        let day = day.map(|d| d as u8);
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(DateError::NotReal {
                    year,
                    month: m,
                    day: day.unwrap_or(0),
                });
            }
            if let Some(d) = day
                && (d == 0 || d > days_in_month(year, m))
            {
                return Err(DateError::NotReal {
                    year,
                    month: m,
                    day: d,
                });
            }
        }
        Ok(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_three_precisions() {
        assert_eq!(
            "2025".parse::<Date>().map(|d| d.to_string()),
            Ok("2025".into())
        );
        assert_eq!(
            "2025-05".parse::<Date>().map(|d| d.to_string()),
            Ok("2025-05".into())
        );
        assert_eq!(
            "2024-02-29".parse::<Date>().map(|d| d.to_string()),
            Ok("2024-02-29".into())
        );
    }

    /// A whole day (read by its bytes) is a date exactly when its month and day exist, and
    /// reads back as written; anything else is refused as a day that is not real.
    #[test]
    fn every_whole_day_reads_as_its_parts() {
        for year in [0, 1900, 2000, 2024, 2025, 9999] {
            for month in 0..=13u8 {
                for day in 0..=32u8 {
                    let written = format!("{year:04}-{month:02}-{day:02}");
                    let real = (1..=12).contains(&month)
                        && (1..=days_in_month(year, month)).contains(&day);
                    match written.parse::<Date>() {
                        Ok(d) => {
                            assert!(real, "{written} read as a date");
                            assert_eq!(d.to_string(), written);
                            assert_eq!((d.year, d.month, d.day), (year, Some(month), Some(day)));
                        }
                        Err(e) => {
                            assert!(!real, "{written} refused: {e:?}");
                            assert!(matches!(e, DateError::NotReal { .. }), "{written}: {e:?}");
                        }
                    }
                }
            }
        }
        // Not a whole day: another shape, read part by part.
        for s in [
            "2025-05-1",
            "2025-5-01",
            "+025-05-01",
            "2025-05-01 ",
            "２025-05-01",
        ] {
            assert!(s.parse::<Date>().is_err(), "{s}");
        }
    }

    #[test]
    fn rejects_unreal_and_misshapen_dates() {
        // Each date that is no day, and why it is not.
        for (date, why) in [
            ("2025-02-29", "2025 is not a leap year"),
            ("0100-02-29", "0100 is not a leap year"),
            ("2025-13", "there is no month 13"),
            (
                "2026-13-01",
                "there is no month 13 (month and day swapped? write `2026-01-13`)",
            ),
            (
                "2026-31-12",
                "there is no month 31 (month and day swapped? write `2026-12-31`)",
            ),
            ("2026-32-12", "there is no month 32"),
            ("2026-31-02", "there is no month 31"),
            ("2025-04-31", "April has 30 days"),
            ("2025-05-00", "there is no day 00"),
            ("2025-02-30", "February has 28 days"),
        ] {
            assert_eq!(
                date.parse::<Date>().map_err(|e| e.to_string()),
                Err(format!("is not a real calendar date: {why}")),
                "{date}"
            );
        }
        let shape = Err(DateError::Shape { meant: None });
        assert_eq!("25-01-01".parse::<Date>(), shape);
        assert_eq!("2025-01-01-01".parse::<Date>(), shape);
        assert_eq!("05/03/2025".parse::<Date>(), shape);
        assert_eq!("2025/2/30".parse::<Date>(), shape);
        assert_eq!("2025-05/03".parse::<Date>(), shape);
        assert_eq!("45780".parse::<Date>(), Err(DateError::DayNumber));
        assert_eq!("45780.5".parse::<Date>(), Err(DateError::DayNumber));
        assert_eq!("45780.".parse::<Date>(), shape);
        // Five digits no day of 1970 to 2099: a year mistyped, not a day of the 1920s.
        assert_eq!("10000".parse::<Date>(), shape);
        assert_eq!("20255".parse::<Date>(), shape);
        assert_eq!("99999".parse::<Date>(), shape);
        // A month and a day, no year: said so, no year guessed.
        for no_year in ["May 3", "3 May", "3rd May", "Sept. 14", "May 3,"] {
            assert_eq!(no_year.parse::<Date>(), Err(DateError::NoYear), "{no_year}");
        }
        assert_eq!("May 2025".parse::<Date>().map(|d| d.to_string()).ok(), None);
        assert_eq!("May".parse::<Date>(), shape);
    }

    #[test]
    fn a_plain_date_written_otherwise_is_said_as_written() {
        for (given, meant) in [
            ("2025-1-01", "2025-01-01"),
            ("2024-3-5", "2024-03-05"),
            ("2025/05/03", "2025-05-03"),
            ("2025.5.3", "2025-05-03"),
            ("2025-5", "2025-05"),
            ("May 3, 2025", "2025-05-03"),
            ("3 May 2025", "2025-05-03"),
            ("3rd MAY, 2025", "2025-05-03"),
            ("7-May-2025", "2025-05-07"),
            ("07-may-2025", "2025-05-07"),
            ("Sep-2025", "2025-09"),
            ("Sept 30, 2025", "2025-09-30"),
            ("feb. 2024", "2024-02"),
            ("2025-05-03T10:00:00Z", "2025-05-03"),
            ("2025-05-03t10:00+05:30", "2025-05-03"),
            ("2025-05-03 ", "2025-05-03"),
            ("\t2025-05\n", "2025-05"),
            ("22/04/2025", "2025-04-22"),
            ("04/22/2025", "2025-04-22"),
            ("5.5.2025", "2025-05-05"),
            ("31-12-2024", "2024-12-31"),
            ("20250506", "2025-05-06"),
            ("2025-05-06 2:30 PM", "2025-05-06"),
            ("2025-05-06 11:05:09am", "2025-05-06"),
        ] {
            let said = given.parse::<Date>().map_err(|e| e.to_string());
            assert_eq!(
                said,
                Err(format!(
                    "is not written as YYYY, YYYY-MM or YYYY-MM-DD: write `{meant}`"
                )),
                "{given}"
            );
        }
    }

    #[test]
    fn a_date_that_could_mean_two_or_none_is_not_guessed() {
        for given in [
            "12/05/2024",
            "05/03/2025",
            "May 2025 3",
            "May 32, 2025",
            "Feb 29, 2025",
            "3 Mai 2025",
            "Ma 3 2025",
            "May, 3, 2025,",
            "2025-05-03T25:00",
            "2025-05-03 noon",
            "2025-05-06 13:30 PM",
            "2025-05-06 0:30 AM",
            "2025-05-06 +2:30 PM",
            "2025-05-06 2:+5 PM",
            "31/02/2025",
            "22/14/2025",
            "20251306",
            "2025050",
            "",
            " ",
        ] {
            assert_eq!(
                given.parse::<Date>(),
                Err(DateError::Shape { meant: None }),
                "{given:?}"
            );
        }
    }

    #[test]
    fn month_covers_its_days() {
        let d: Date = "2024-02".parse().unwrap_or(Date {
            year: 0,
            month: None,
            day: None,
        });
        assert_eq!(d.first_day(), (2024, 2, 1));
        assert_eq!(d.last_day(), (2024, 2, 29));
    }
}
