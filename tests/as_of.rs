//! As of a date: `--as-of` shows only what had been said by then, marks each side's earlier
//! claims in a point row as superseded, keeps undated claims (marked), and counts a date given
//! to the month from the month's end.

use assert_cmd::Command;
use parallax::format::Date;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/relations")
}

fn run(args: &[&str]) -> String {
    let dir = fixture();
    let mut all = vec![args[0], dir.to_str().expect("UTF-8 path")];
    all.extend(&args[1..]);
    let out = Command::cargo_bin("parallax")
        .expect("the binary is built")
        .args(&all)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{all:?}: {out:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Every claim of the fixture as (id, text, date), read from the files.
fn claims() -> Vec<(String, String, Option<Date>)> {
    let mut out = Vec::new();
    for file in ["east.json", "west.json"] {
        let text = std::fs::read_to_string(fixture().join(file)).expect("readable");
        let side: Value = serde_json::from_str(&text).expect("JSON");
        for topic in side["topics"].as_array().expect("topics") {
            for c in topic["claims"].as_array().expect("claims") {
                out.push((
                    c["id"].as_str().expect("id").to_owned(),
                    c["text"].as_str().expect("text").to_owned(),
                    c["date"].as_str().map(|d| d.parse().expect("a date")),
                ));
            }
        }
    }
    out
}

#[test]
fn show_as_of_hides_every_later_claim_and_marks_the_superseded_ones() {
    for as_of in [
        "2025-03-01",
        "2025-03-05",
        "2025-03-31",
        "2025-04-15",
        "2025-04",
    ] {
        let date: Date = as_of.parse().expect("a date");
        let out = run(&["show", "--width", "240", "--as-of", as_of]);
        assert!(out.contains(&format!("As of {as_of}")), "{out}");
        for (id, text, said) in claims() {
            let by_then = said.is_none_or(|d| d.last_day() <= date.last_day());
            assert_eq!(
                out.contains(&text),
                by_then,
                "as of {as_of}: {id} ({said:?})"
            );
        }
    }
    // By the end of March, East had said three ships, then five: the first is superseded.
    let out = run(&["show", "--width", "240", "--as-of", "2025-03-31"]);
    let lines: Vec<&str> = out.lines().collect();
    let three = lines
        .iter()
        .position(|l| l.contains("Three East ships were held."))
        .expect("the first tally");
    assert!(
        lines[three..three + 3]
            .iter()
            .any(|l| l.starts_with("⌛ superseded (latest 2025-03-10)")),
        "{out}"
    );
    let five = lines
        .iter()
        .position(|l| l.contains("Five East ships were held."))
        .expect("the current tally");
    assert!(
        !lines[five..five + 4]
            .iter()
            .any(|l| l.contains("superseded"))
    );
    assert_eq!(
        out.matches("⌛ undated").count(),
        1,
        "the undated claim is kept, marked"
    );
    // Without a date in force nothing is marked.
    let out = run(&["show", "--width", "240"]);
    assert!(!out.contains('⌛'));
}

#[test]
fn a_claim_dated_to_the_month_counts_from_the_months_end() {
    let mid = run(&["show", "--width", "240", "--as-of", "2025-04-29"]);
    assert!(!mid.contains("Seven East ships were held."));
    let end = run(&["show", "--width", "240", "--as-of", "2025-04-30"]);
    assert!(end.contains("Seven East ships were held."));
    assert!(end.contains("⌛ superseded (latest 2025-04)"));
}

#[test]
fn common_ground_is_judged_as_of_the_date() {
    // East dated its account of the start on 2 March, West on 3 March; each is rated
    // corroborated citing Harbour Wire, East's copy of 3 March, West's of 4 March. So on
    // 3 March both had spoken but West's verdict was not made yet: no common ground until
    // the 4th.
    let before = run(&["topics", "--as-of", "2025-03-02"]);
    let said = run(&["topics", "--as-of", "2025-03-03"]);
    let assessed = run(&["topics", "--as-of", "2025-03-04"]);
    let blockade = |out: &str| {
        out.lines()
            .find(|l| l.contains("The harbour blockade"))
            .map(|l| l.split_whitespace().last().unwrap_or_default().to_owned())
    };
    assert_eq!(blockade(&before).as_deref(), Some("0"), "{before}");
    assert_eq!(blockade(&said).as_deref(), Some("0"), "{said}");
    assert_eq!(blockade(&assessed).as_deref(), Some("1"), "{assessed}");
    assert!(before.starts_with("As of 2025-03-02"));
}

#[test]
fn export_and_search_take_the_date_too() {
    let json = run(&["export", "--format", "json", "--as-of", "2025-03-31"]);
    let doc: Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(doc["as_of"], "2025-03-31");
    let superseded: Vec<(&str, &str)> = doc["topics"]
        .as_array()
        .expect("topics")
        .iter()
        .flat_map(|t| t["rows"].as_array().expect("rows"))
        .flat_map(|r| {
            let l = r["left"].as_array().expect("left");
            let rt = r["right"].as_array().expect("right");
            l.iter().chain(rt)
        })
        .filter_map(|c| Some((c["id"].as_str()?, c["superseded_by"].as_str()?)))
        .collect();
    assert_eq!(superseded, vec![("e-ships-1", "2025-03-10")]);

    let hits = run(&["search", "--json", "--as-of", "2025-03-31", "ships held"]);
    let hits: Value = serde_json::from_str(&hits).expect("JSON");
    let mut found: Vec<&str> = hits
        .as_array()
        .expect("hits")
        .iter()
        .filter_map(|h| h["claim"].as_str())
        .collect();
    found.sort_unstable();
    assert_eq!(
        found,
        ["e-ships-1", "e-ships-2", "e-ships-undated", "w-ships"]
    );
}
