//! `parallax timeline`: each side's claims per day, or per week over a long span, and the dates
//! of the assessments, counted again here straight from the side files.

mod common;

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn timeline_json(dir: &Path, extra: &[&str]) -> Value {
    let out = Command::cargo_bin("parallax")
        .expect("the binary is built")
        .arg("timeline")
        .arg(dir)
        .arg("--json")
        .args(extra)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// The last day a date string covers, as a `time::Date`.
fn last_day(s: &str) -> time::Date {
    let mut parts = s.split('-').map(|p| p.parse::<u16>().expect("digits"));
    let year = i32::from(parts.next().expect("a year"));
    let month = parts.next().map_or(12, |m| m as u8);
    let month = time::Month::try_from(month).expect("a month");
    let day = parts.next().map_or_else(|| month.length(year), |d| d as u8);
    time::Date::from_calendar_date(year, month, day).expect("a real date")
}

/// The first day of the bar of `bucket` (`day`, `week`, `month` or `year`) holding `day`;
/// weeks start on Monday.
fn bar_start(day: time::Date, bucket: &str) -> time::Date {
    let first_of = |month| time::Date::from_calendar_date(day.year(), month, 1).expect("a date");
    match bucket {
        "day" => day,
        "week" => day - time::Duration::days(i64::from(day.weekday().number_days_from_monday())),
        "month" => first_of(day.month()),
        "year" => first_of(time::Month::January),
        other => panic!("no bucket {other}"),
    }
}

/// Claims per (bar start, side) and the undated ones, counted from the files of `sides` (left
/// first), for one topic or all, in bars of `bucket`.
fn count_from_files(
    dir: &Path,
    sides: [&str; 2],
    topic: Option<&str>,
    bucket: &str,
) -> (BTreeMap<(String, usize), usize>, [usize; 2]) {
    let mut counts = BTreeMap::new();
    let mut undated = [0, 0];
    for (side, file) in sides.iter().enumerate() {
        let text = std::fs::read_to_string(dir.join(file)).expect("readable");
        let doc: Value = serde_json::from_str(&text).expect("JSON");
        for t in doc["topics"].as_array().expect("topics") {
            if topic.is_some_and(|id| t["id"] != id) {
                continue;
            }
            for c in t["claims"].as_array().expect("claims") {
                let Some(date) = c["date"].as_str() else {
                    undated[side] += 1;
                    continue;
                };
                let day = bar_start(last_day(date), bucket);
                *counts.entry((day.to_string(), side)).or_insert(0) += 1;
            }
        }
    }
    (counts, undated)
}

fn count_from_json(doc: &Value) -> (BTreeMap<(String, usize), usize>, [usize; 2]) {
    let mut counts = BTreeMap::new();
    for bin in doc["bins"].as_array().expect("bins") {
        for (side, key) in ["left", "right"].iter().enumerate() {
            let n = bin[key].as_u64().expect("a count") as usize;
            if n > 0 {
                let start = bin["start"].as_str().expect("a start").to_owned();
                counts.insert((start, side), n);
            }
        }
    }
    let undated = [
        doc["undated"]["left"].as_u64().expect("a count") as usize,
        doc["undated"]["right"].as_u64().expect("a count") as usize,
    ];
    (counts, undated)
}

#[test]
fn per_day_counts_equal_a_count_made_from_the_files() {
    let dir = root().join("tests/fixtures/relations");
    let doc = timeline_json(&dir, &[]);
    assert_eq!(doc["bucket"], "day", "two months fit in days");
    assert_eq!(
        count_from_json(&doc),
        count_from_files(&dir, ["east.json", "west.json"], None, "day")
    );
    let bins = doc["bins"].as_array().expect("bins");
    assert_eq!(bins[0]["start"], "2025-03-01");
    assert_eq!(
        bins.last().map(|b| b["start"].clone()),
        Some(Value::from("2025-04-30")),
        "a claim dated 2025-04 counts on the month's last day"
    );
    // Each assessment sits at the latest date of the sources it cites.
    let marks: Vec<(&str, &str, &str)> = doc["assessments"]
        .as_array()
        .expect("assessments")
        .iter()
        .map(|a| {
            (
                a["date"].as_str().unwrap_or_default(),
                a["claim"].as_str().unwrap_or_default(),
                a["side"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        marks,
        [
            ("2025-03-03", "e-start", "left"),
            ("2025-03-04", "w-start", "right")
        ]
    );
}

#[test]
fn a_long_span_counts_per_week_and_a_topic_alone() {
    let dir = root().join("narratives/india-pakistan-2025");
    let doc = timeline_json(&dir, &["--topic", "ceasefire"]);
    assert_eq!(doc["bucket"], "week");
    assert_eq!(
        count_from_json(&doc),
        count_from_files(
            &dir,
            ["india.json", "pakistan.json"],
            Some("ceasefire"),
            "week"
        )
    );
    for bin in doc["bins"].as_array().expect("bins") {
        let start = last_day(bin["start"].as_str().expect("a start"));
        assert_eq!(start.weekday(), time::Weekday::Monday);
    }
}

/// A span of more than 62 weeks counts per month, and one of decades per year: a few bars, not
/// hundreds of thousands of days, each still the count the files give. A typo's year centuries
/// from the rest is off the axis, counted.
#[test]
fn a_longer_span_counts_per_month_decades_per_year_and_a_typo_year_off_the_axis() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let dir = common::copy_fixture("relations", tmp.path(), "relations");
    let east = dir.join("east.json");
    common::rewrite(&east, r#""date": "2025-04""#, r#""date": "2026-09""#);
    let doc = timeline_json(&dir, &[]);
    assert_eq!(doc["bucket"], "month", "March 2025 to September 2026");
    assert_eq!(
        count_from_json(&doc),
        count_from_files(&dir, ["east.json", "west.json"], None, "month")
    );
    let bins = doc["bins"].as_array().expect("bins");
    assert_eq!(
        bins.len(),
        19,
        "every month from March 2025 to September 2026"
    );
    assert_eq!(bins[0]["start"], "2025-03-01");
    assert_eq!(bins[0]["end"], "2025-03-31");
    assert_eq!(
        bins[11]["end"], "2026-02-28",
        "a month ends on its own last day"
    );
    let table = common::parallax_on_path(&dir, "timeline", &[]);
    assert!(table.contains("· per month"), "{table}");
    assert!(table.contains("\nmonth "), "{table}");
    assert!(
        table.contains("\n2026-09 "),
        "a month is named YYYY-MM: {table}"
    );

    // A year over a century from the rest (a mistyped 2025) is counted but kept off the axis:
    // the bars stay days, not years over eighteen centuries of nothing.
    common::rewrite(&east, r#""date": "2026-09""#, r#""date": "0205-05-07""#);
    let doc = timeline_json(&dir, &[]);
    assert_eq!(doc["bucket"], "day", "March 2025 alone is on the axis");
    assert_eq!(
        (&doc["far"]["left"], &doc["far"]["right"]),
        (&1.into(), &0.into())
    );
    let (mut from_files, undated) = count_from_files(&dir, ["east.json", "west.json"], None, "day");
    assert_eq!(from_files.remove(&("0205-05-07".to_owned(), 0)), Some(1));
    assert_eq!(count_from_json(&doc), (from_files, undated));
    let table = common::parallax_on_path(&dir, "timeline", &[]);
    assert!(
        table.contains(
            "\ndated over 100 years from most claims (around 2025), not on the axis: East 1 ⚑0, West 0 ⚑0; is the year mistyped?"
        ),
        "{table}"
    );
    assert!(!table.contains("0205"), "no bar of the year 0205: {table}");

    // Decades apart but within the century: a bar a year, the empty ones said in one line,
    // not 84 lines of zeros.
    common::rewrite(&east, r#""date": "0205-05-07""#, r#""date": "1940-05-07""#);
    let doc = timeline_json(&dir, &[]);
    assert_eq!(doc["bucket"], "year");
    assert_eq!(
        count_from_json(&doc),
        count_from_files(&dir, ["east.json", "west.json"], None, "year")
    );
    let bins = doc["bins"].as_array().expect("bins");
    assert_eq!(bins.len(), 2025 - 1940 + 1, "one bar a year, no more");
    assert_eq!(bins[0]["start"], "1940-01-01");
    assert_eq!(bins[0]["end"], "1940-12-31");
    let table = common::parallax_on_path(&dir, "timeline", &[]);
    assert!(table.contains("\n1940 "), "{table}");
    assert!(
        table.contains("\n…           84 empty years, 1941 to 2024\n"),
        "{table}"
    );
    assert!(table.lines().count() < 10, "{table}");
    // A party's long name is cut in the table's heading, so its lines fit a terminal.
    common::rewrite(
        &east,
        r#""name": "East""#,
        r#""name": "The Government of the Eastern Republic and its officials""#,
    );
    let table = common::parallax_on_path(&dir, "timeline", &[]);
    let heading = common::line_with(&table, "assessed");
    assert!(heading.contains("The Government of the E…"), "{table}");
    assert!(
        table.lines().skip(1).all(|l| l.chars().count() <= 80),
        "{table}"
    );
}

#[test]
fn as_of_counts_only_what_had_been_said() {
    let dir = root().join("tests/fixtures/relations");
    let doc = timeline_json(&dir, &["--as-of", "2025-03-10"]);
    let bins = doc["bins"].as_array().expect("bins");
    assert_eq!(
        bins.last().map(|b| b["start"].clone()),
        Some(Value::from("2025-03-10"))
    );
    assert_eq!(doc["as_of"], "2025-03-10");
    let out = Command::cargo_bin("parallax")
        .expect("the binary is built")
        .args(["timeline", "--topic", "nope"])
        .arg(&dir)
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown topic is a usage error"
    );
}

/// Every assessment is accounted for: placed on the axis at its latest source's date, or
/// counted apart when none of its sources is dated (26 of the bundled dispute's 69 went
/// missing).
#[test]
fn every_assessment_is_on_the_axis_or_counted_as_undated() {
    let dir = root().join("narratives/india-pakistan-2025");
    let doc = timeline_json(&dir, &[]);
    for (side, (key, file)) in [("left", "india.json"), ("right", "pakistan.json")]
        .into_iter()
        .enumerate()
    {
        let text = std::fs::read_to_string(dir.join(file)).expect("readable");
        let d: Value = serde_json::from_str(&text).expect("JSON");
        let assessed = d["topics"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|t| t["claims"].as_array().into_iter().flatten())
            .filter(|c| c.get("assessment").is_some_and(|a| !a.is_null()))
            .count();
        let placed = doc["assessments"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|a| a["side"] == key)
            .count();
        let apart = doc["undated_assessments"][key].as_u64().expect("a count") as usize;
        assert!(apart > 0, "{file}: some assessments cite no dated source");
        assert_eq!(placed + apart, assessed, "{file} (side {side})");
    }
    let table = common::parallax_on_path(&dir, "timeline", &[]);
    assert!(
        table.contains("assessed, with no dated source: India "),
        "{table}"
    );
}

/// With no dated claim, the timeline says so where it would name its bucket (it said `per day`
/// over an axis with nothing on it), on the command line and on the screen.
#[test]
fn a_timeline_with_no_dated_claim_says_so_not_per_day() {
    let dir = common::one_claim_sides(
        ("t", "T"),
        &[("north", "north"), ("south", "south")],
        "Undated.",
        serde_json::json!({}),
    );
    let out = Command::cargo_bin("parallax")
        .expect("the binary")
        .arg("timeline")
        .arg(dir.path())
        .output()
        .expect("runs");
    let said = String::from_utf8(out.stdout).unwrap();
    let head = said.lines().next().unwrap_or_default();
    assert!(head.ends_with("· no dated claim"), "{said}");
    assert!(
        !said.contains("per day") && !said.contains("\nday "),
        "{said}"
    );
    assert!(said.contains("undated"), "{said}");
    // With a date in force too: nothing is dated at all, by then or ever.
    let out = Command::cargo_bin("parallax")
        .expect("the binary")
        .arg("timeline")
        .arg(dir.path())
        .args(["--as-of", "2030"])
        .output()
        .expect("runs");
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.lines()
            .next()
            .unwrap_or_default()
            .ends_with("· no dated claim"),
        "{said}"
    );
    // A date in force before every dated claim: the claims are there, not yet said.
    let out = Command::cargo_bin("parallax")
        .expect("the binary")
        .args(["timeline", "--as-of", "2024-12"])
        .output()
        .expect("runs");
    let said = String::from_utf8(out.stdout).unwrap();
    let head = said.lines().next().unwrap_or_default();
    assert!(
        head.ends_with("· as of 2024-12 · no claim dated by then"),
        "{said}"
    );
    let mut app = common::app_at(dir.path().to_str().unwrap(), 80, 24);
    common::keys(&mut app, &[ratatui::crossterm::event::KeyCode::Char('T')]);
    let screen = common::screen(&app);
    assert!(
        screen.contains("no dated claim") && !screen.contains("per day"),
        "{screen}"
    );
}

/// An assessment citing only a report older than its claim is placed at the claim (it was made
/// once the claim was), and one made after the last claim gets a bar of its own: each was
/// missing from the table, and drawn on the wrong bar in HTML. One of an undated claim citing
/// a report older than every dated claim is counted on the first bar and said so (it was
/// missing; running the axis back to it squashed a weekly axis into years).
#[test]
fn every_dated_assessment_has_its_bar() {
    let dir = tempfile::tempdir().unwrap();
    let side = |id: &str, old: &str, claims: serde_json::Value| {
        serde_json::json!({"format": "parallax/1", "dispute": "tl",
            "party": {"id": id, "name": id.to_uppercase()},
            "sources": [{"id": "s", "outlet": "O", "date": "2024-03-01"},
                        {"id": "old", "outlet": "Stats office", "date": old}],
            "topics": [{"id": "t", "title": "T", "claims": claims}]})
    };
    let a = side(
        "a",
        "2023-06-01",
        serde_json::json!([
            {"id": "a-0", "text": "One.", "date": "2024-03-01", "sources": ["s"]},
            {"id": "a-1", "text": "Two.", "date": "2024-03-09", "sources": ["s"],
             "assessment": {"rating": "refuted", "sources": ["old"]}},
            {"id": "a-2", "text": "Undated.", "sources": ["s"],
             "assessment": {"rating": "disputed", "sources": ["old"]}}]),
    );
    let b = side(
        "b",
        "2024-07-01",
        serde_json::json!([{"id": "b-0", "text": "Three.", "date": "2024-03-03",
            "sources": ["s"], "assessment": {"rating": "refuted", "sources": ["old"]}}]),
    );
    std::fs::write(dir.path().join("a.json"), a.to_string()).unwrap();
    std::fs::write(dir.path().join("b.json"), b.to_string()).unwrap();
    let json = timeline_json(dir.path(), &[]);
    let dates: Vec<&str> = json["assessments"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["date"].as_str())
        .collect();
    assert_eq!(dates, ["2023-06-01", "2024-03-09", "2024-07-01"]);
    let bins = json["bins"].as_array().unwrap();
    let last_end = bins.last().and_then(|b| b["end"].as_str()).unwrap();
    assert!(last_end >= "2024-07-01", "{json}");
    let first_start = bins.first().and_then(|b| b["start"].as_str()).unwrap();
    assert!(
        first_start > "2024-01-01",
        "the axis starts at the claims: {json}"
    );
    let table = Command::cargo_bin("parallax")
        .unwrap()
        .arg("timeline")
        .arg(dir.path())
        .output()
        .unwrap();
    let table = String::from_utf8_lossy(&table.stdout);
    assert!(
        table.contains(
            "assessed before the first claim: ⚑ 1 (the first on 2023-06-01), counted on the first bar"
        ),
        "{table}"
    );
    // Each on a bar: the early one on the first.
    let on_bars: usize = table
        .lines()
        .filter(|l| l.starts_with("20"))
        .filter_map(|l| l.split("⚑ ").nth(1)?.trim().parse::<usize>().ok())
        .sum();
    assert_eq!(on_bars, 3, "{table}");
}

/// The middle year is that of the dated claims: among thousands of undated claims, a mistyped
/// year is still the one far off (a sample of every n-th claim held only it, so every real
/// date was taken for far and left off the axis).
#[test]
fn among_many_undated_claims_the_mistyped_year_is_the_far_one() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let claim = |i: usize, date: Option<&str>| {
        let mut c = serde_json::json!({"id": format!("a-{i}"), "text": format!("Claim {i}."), "sources": ["s"]});
        if let Some(d) = date {
            c["date"] = d.into();
        }
        c
    };
    let mut claims: Vec<Value> = (0..8192).map(|i| claim(i, None)).collect();
    claims[0] = claim(0, Some("0205-05-01"));
    claims[1] = claim(1, Some("2025-05-01"));
    claims[3] = claim(3, Some("2025-05-02"));
    let side = |id: &str, claims: Vec<Value>| {
        serde_json::json!({
            "format": "parallax/1", "dispute": "d", "party": {"id": id, "name": id},
            "sources": [{"id": "s", "outlet": "Gazette"}],
            "topics": [{"id": "t", "title": "T", "claims": claims}]
        })
        .to_string()
    };
    std::fs::write(tmp.path().join("a.json"), side("a", claims)).expect("written");
    let b = vec![
        serde_json::json!({"id": "b-1", "text": "B.", "sources": ["s"], "date": "2025-05-03"}),
    ];
    std::fs::write(tmp.path().join("b.json"), side("b", b)).expect("written");
    let doc = timeline_json(tmp.path(), &[]);
    assert_eq!(doc["bucket"], "day");
    assert_eq!(
        (&doc["far"]["left"], &doc["far"]["right"]),
        (&1.into(), &0.into())
    );
    assert_eq!(
        doc["bins"].as_array().map(Vec::len),
        Some(3),
        "1 to 3 May 2025"
    );
}

/// With no dated claim there are no bars, so the JSON names no bucket (not `day`, which reads
/// as if days were counted); the undated claims are counted.
#[test]
fn no_dated_claim_names_no_bucket() {
    let dir = common::one_claim_sides(
        ("t", "T"),
        &[("east", "East"), ("west", "West")],
        "Said with no date.",
        serde_json::json!({}),
    );
    let doc = timeline_json(dir.path(), &[]);
    assert_eq!(doc["bucket"], Value::Null, "{doc}");
    assert_eq!(doc["bins"], serde_json::json!([]));
    assert_eq!(doc["undated"], serde_json::json!({"left": 1, "right": 1}));
}
