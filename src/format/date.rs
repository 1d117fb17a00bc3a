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
    /// writing is off (`2024-3-5`, `2025/05/03`, `2025.5`: the year first, then the month and
    /// the day, one separator).
    #[error("is not written as YYYY, YYYY-MM or YYYY-MM-DD{}", write_instead(.meant))]
    Shape { meant: Option<Date> },
    /// Five digits (`45780`): the day number a spreadsheet saves for a date cell, counted from
    /// 1900 (or 1904), so no date can be told for sure.
    #[error("is a spreadsheet's day number: format the column as text (YYYY-MM-DD) before saving")]
    DayNumber,
    /// The shape is right but the day or month does not exist.
    #[error("is not a real calendar date")]
    NotReal,
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

/// The date a string not written as the format says plainly means: a four-digit year, then a
/// month and a day of one or two digits, each after one separator (`-`, `/` or `.`, the same
/// each time); a real date. `None` for anything else (`05/03/2025`: which is the month?).
fn meant(s: &str) -> Option<Date> {
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
    if parts.next().is_some() || !(1..=12).contains(&month) {
        return None;
    }
    if day.is_some_and(|d| d == 0 || d > days_in_month(year, month)) {
        return None;
    }
    Some(Date {
        year,
        month: Some(month),
        day,
    })
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
            DateError::Shape { .. } if s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit()) => {
                DateError::DayNumber
            }
            DateError::Shape { .. } => DateError::Shape { meant: meant(s) },
            e => e,
        })
    }
}

impl Date {
    /// The date `s` is, written exactly as the format says.
    fn written(s: &str) -> Result<Self, DateError> {
        let mut parts = s.split('-');
        let year = digits(parts.next().unwrap_or(""), 4)?;
        let month = parts.next().map(|m| digits(m, 2)).transpose()?;
        let day = parts.next().map(|d| digits(d, 2)).transpose()?;
        if parts.next().is_some() {
            return Err(DateError::Shape { meant: None });
        }
        let month = month.map(|m| m as u8);
        let day = day.map(|d| d as u8);
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(DateError::NotReal);
            }
            if let Some(d) = day
                && (d == 0 || d > days_in_month(year, m))
            {
                return Err(DateError::NotReal);
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

    #[test]
    fn rejects_unreal_and_misshapen_dates() {
        assert_eq!("2025-02-29".parse::<Date>(), Err(DateError::NotReal));
        assert_eq!("2025-13".parse::<Date>(), Err(DateError::NotReal));
        let shape = Err(DateError::Shape { meant: None });
        assert_eq!("25-01-01".parse::<Date>(), shape);
        assert_eq!("2025-01-01-01".parse::<Date>(), shape);
        assert_eq!("05/03/2025".parse::<Date>(), shape);
        assert_eq!("2025-02-30".parse::<Date>(), Err(DateError::NotReal));
        assert_eq!("2025/2/30".parse::<Date>(), shape);
        assert_eq!("2025-05/03".parse::<Date>(), shape);
        assert_eq!("45780".parse::<Date>(), Err(DateError::DayNumber));
    }

    #[test]
    fn a_plain_date_written_otherwise_is_said_as_written() {
        for (given, meant) in [
            ("2025-1-01", "2025-01-01"),
            ("2024-3-5", "2024-03-05"),
            ("2025/05/03", "2025-05-03"),
            ("2025.5.3", "2025-05-03"),
            ("2025-5", "2025-05"),
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
