//! As of a date: `--as-of` shows only what had been said by then, marks each side's earlier
//! claims in a point row as superseded, keeps undated claims (marked), and counts a date given
//! to the month from the month's end. What was attached to a claim later is not passed off as
//! known then: an assessment made after the date (dated by its latest source, as the timeline
//! places it) is left out and marked, and does not count; a source published later stays
//! cited, marked.

mod common;

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

/// Every claim of a JSON export, row by row, left side then right.
fn exported_claims(doc: &Value) -> impl Iterator<Item = &Value> {
    doc["topics"]
        .as_array()
        .expect("topics")
        .iter()
        .flat_map(|t| t["rows"].as_array().expect("rows"))
        .flat_map(|r| {
            let l = r["left"].as_array().expect("left");
            l.iter().chain(r["right"].as_array().expect("right"))
        })
}

#[test]
fn export_and_search_take_the_date_too() {
    let json = run(&["export", "--format", "json", "--as-of", "2025-03-31"]);
    let doc: Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(doc["as_of"], "2025-03-31");
    let superseded: Vec<(&str, &str)> = exported_claims(&doc)
        .filter_map(|c| Some((c["id"].as_str()?, c["superseded_by"].as_str()?)))
        .collect();
    assert_eq!(superseded, vec![("e-ships-1", "2025-03-10")]);
    // The undated claim is kept and said to be undated in every format a reader reads.
    let undated: Vec<&str> = exported_claims(&doc)
        .filter(|c| c["undated"] == true)
        .filter_map(|c| c["id"].as_str())
        .collect();
    assert_eq!(undated, ["e-ships-undated"]);
    let md = run(&["export", "--format", "md", "--as-of", "2025-03-31"]);
    assert_eq!(md.matches("<br>*undated*").count(), 1, "{md}");
    let html = run(&["export", "--format", "html", "--as-of", "2025-03-31"]);
    assert_eq!(html.matches("⌛ undated").count(), 1, "{html}");
    let whole = run(&["export", "--format", "md"]);
    assert!(!whole.contains("<br>*undated*"), "{whole}");

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

/// The scuffle at the gate: every claim made on 12 March, citing sources of the 12th and 13th;
/// Tembla Gazette's verdict cites its report of the 13th, the town inquiry's its report of the
/// 25th, the compilers' verdict no source at all.
const ASSESSED: &str = "assessed";

fn show(args: &[&str]) -> String {
    let mut all = vec!["--width", "240"];
    all.extend(args);
    common::parallax_on(ASSESSED, "show", &all)
}

/// The right-hand column of the line of `out` holding `needle`.
fn right_of<'a>(out: &'a str, needle: &str) -> &'a str {
    common::line_with(out, needle)
        .split('│')
        .nth(1)
        .unwrap_or_default()
}

#[test]
fn an_assessment_made_later_is_left_out_and_marked_and_an_undated_one_kept() {
    let whole = show(&[]);
    assert!(
        whole.contains(
            "⚑ disputed (by Tembla Gazette): Our reporter saw one bottle thrown after guards advanced."
        ),
        "without a date the verdict is shown:\n{whole}"
    );
    assert!(whole.contains("⚑ corroborated (by Town inquiry)"));
    assert!(!whole.contains('⌛'), "and nothing is marked:\n{whole}");

    let early = show(&["--as-of", "2026-03-12"]);
    assert!(
        early.contains("Pickets blocked a delivery lorry and threw bottles at staff."),
        "the claim was made by then:\n{early}"
    );
    assert!(
        !early.contains("Our reporter saw") && !early.contains("⚑ disputed"),
        "its verdict rests on a report of the 13th, not written yet:\n{early}"
    );
    assert!(
        !early.contains("⚑ corroborated (by Town inquiry)"),
        "{early}"
    );
    // Each left-out verdict is marked under its own claim, with its date.
    let lines: Vec<&str> = early.lines().collect();
    let pickets = lines
        .iter()
        .position(|l| l.contains("Pickets blocked a delivery lorry"))
        .expect("the claim");
    assert!(
        lines[pickets..pickets + 4]
            .iter()
            .any(|l| right_of(l, "⌛").starts_with(" ⌛ assessed later (2026-03-13)")),
        "{early}"
    );
    assert!(
        common::line_with(&early, "⌛ assessed later (2026-03-25)")
            .starts_with("⌛ assessed later (2026-03-25)"),
        "the inquiry's verdict on the left claim:\n{early}"
    );
    // The compilers' verdict cites nothing: kept, as an undated claim is, and marked.
    assert!(early.contains("⚑ corroborated (by the dispute's compilers)"));
    assert_eq!(early.matches("⌛ assessment undated").count(), 1, "{early}");

    // From the day of its latest source on, the verdict is there.
    let on = show(&["--as-of", "2026-03-13"]);
    assert!(on.contains("Our reporter saw one bottle"), "{on}");
    assert!(!on.contains("⌛ assessed later (2026-03-13)"));
    assert!(on.contains("⌛ assessed later (2026-03-25)"));
}

#[test]
fn a_source_published_later_stays_cited_and_is_marked() {
    let early = show(&["--as-of", "2026-03-12"]);
    assert!(
        early.contains("[Meridian press office 2026-03-12] [Tembla Gazette 2026-03-13 · high · ⌛ published later]"),
        "{early}"
    );
    assert!(
        early.contains("[Picket Line Blog 2026-03-13 · partisan · ⌛ published later]"),
        "{early}"
    );
    assert_eq!(early.matches("published later").count(), 2, "{early}");
    let on = show(&["--as-of", "2026-03-13"]);
    assert!(on.contains("[Tembla Gazette 2026-03-13 · high]"), "{on}");
    assert!(!on.contains("published later"), "{on}");
    assert!(!show(&[]).contains("published later"));
}

#[test]
fn common_ground_and_ratings_wait_for_the_assessment() {
    // Both sides rate the injuries corroborated; the union's verdict cites the inquiry of
    // 25 March, so before then the row is not common ground.
    let common = |args: &[&str]| {
        let out = common::parallax_on(ASSESSED, "topics", args);
        let line = common::line_with(&out, "The picket line on 12 March").to_owned();
        line.split_whitespace()
            .last()
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(common(&[]), "1");
    assert_eq!(common(&["--as-of", "2026-03-20"]), "0");
    assert_eq!(common(&["--as-of", "2026-03-25"]), "1");
    // For scripts, the JSON says which date its counts are as of, and has no date without one.
    let json = |args: &[&str]| -> Value {
        let out = common::parallax_on(ASSESSED, "topics", &[&["--json"], args].concat());
        serde_json::from_str(&out).expect("JSON")
    };
    assert_eq!(json(&["--as-of", "2026-03-20"])["as_of"], "2026-03-20");
    assert!(json(&[]).get("as_of").is_none());
    let lane = show(&["--as-of", "2026-03-20"]);
    assert!(!lane.contains("Common ground"), "{lane}");
    assert!(show(&["--as-of", "2026-03-25"]).contains("┄┄ Common ground (1)"));

    // `--rating` judges the verdicts known then.
    let rated = show(&["--rating", "corroborated", "--as-of", "2026-03-20"]);
    assert!(
        rated.contains("Two guards and three pickets were hurt."),
        "{rated}"
    );
    assert!(
        !rated.contains("Three pickets were treated for injuries."),
        "the union's verdict came on the 25th:\n{rated}"
    );
    let unrated = show(&["--rating", "none", "--as-of", "2026-03-20"]);
    assert!(
        unrated.contains("Three pickets were treated for injuries."),
        "{unrated}"
    );
    let later = show(&["--rating", "corroborated", "--as-of", "2026-03-25"]);
    assert!(
        later.contains("Three pickets were treated for injuries."),
        "{later}"
    );
}

#[test]
fn exports_and_the_timeline_carry_the_marks() {
    let json = common::parallax_on(
        ASSESSED,
        "export",
        &["--format", "json", "--as-of", "2026-03-12"],
    );
    let doc: Value = serde_json::from_str(&json).expect("JSON");
    let claims: Vec<&Value> = exported_claims(&doc).collect();
    let claim = |id: &str| {
        *claims
            .iter()
            .find(|c| c["id"] == id)
            .expect("the claim is exported")
    };
    let pickets = claim("c-pickets");
    assert_eq!(pickets["assessment"], Value::Null, "{pickets}");
    assert_eq!(pickets["assessed_later"], "2026-03-13");
    let later: Vec<(&str, bool)> = pickets["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .map(|s| {
            (
                s["outlet"].as_str().unwrap_or_default(),
                s["published_later"] == true,
            )
        })
        .collect();
    assert_eq!(
        later,
        [("Meridian press office", false), ("Tembla Gazette", true)]
    );
    assert_eq!(claim("u-hurt")["assessed_later"], "2026-03-25");
    assert_eq!(claim("c-hurt")["assessment"]["undated"], true);
    assert_eq!(claim("c-hurt")["assessment"]["rating"], "corroborated");
    let schema_path = common::fixture_path("../../narratives/export-schema.json");
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).expect("the schema"))
            .expect("JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let whole = common::parallax_on(ASSESSED, "export", &["--format", "json"]);
    for field in ["assessed_later", "published_later", "undated"] {
        assert!(!whole.contains(field), "without a date, no {field}");
    }

    let md = common::parallax_on(
        ASSESSED,
        "export",
        &["--format", "markdown", "--as-of", "2026-03-12"],
    );
    assert!(
        md.contains("Tembla Gazette 2026-03-13 · high · ⌛ published later"),
        "{md}"
    );
    assert!(md.contains("*assessed later (2026-03-13)*"), "{md}");
    assert!(md.contains("*assessment undated*"), "{md}");
    assert!(!md.contains("Our reporter saw"), "{md}");

    let html = common::parallax_on(
        ASSESSED,
        "export",
        &["--format", "html", "--as-of", "2026-03-12"],
    );
    assert!(html.contains("⌛ assessed later (2026-03-13)"), "{html}");
    assert!(html.contains("· ⌛ published later"), "{html}");
    assert!(html.contains("⌛ assessment undated"), "{html}");
    assert!(!html.contains("Our reporter saw"), "{html}");

    let csv = common::parallax_on(
        ASSESSED,
        "export",
        &["--format", "csv", "--as-of", "2026-03-12"],
    );
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().expect("a header").clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .expect("a documented column")
    };
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a record")).collect();
    let row = records
        .iter()
        .find(|r| &r[col("right_claim_id")] == "c-pickets")
        .expect("the row");
    assert_eq!(&row[col("right_assessed_later")], "2026-03-13");
    assert_eq!(&row[col("right_assessment")], "");
    assert!(
        row[col("right_sources")]
            .ends_with("Tembla Gazette 2026-03-13 · high · ⌛ published later")
    );

    // The timeline as of a date places only the verdicts made by then.
    let t = common::parallax_on(ASSESSED, "timeline", &["--json", "--as-of", "2026-03-20"]);
    let t: Value = serde_json::from_str(&t).expect("JSON");
    let marks: Vec<&str> = t["assessments"]
        .as_array()
        .expect("assessments")
        .iter()
        .filter_map(|m| m["claim"].as_str())
        .collect();
    assert_eq!(marks, ["c-pickets"]);
}

/// As of 10 May 2025, Pakistan had said nothing on the bundled dispute's diplomatic outreach:
/// the topic is India's alone then, marked so (it counted India 1, Pakistan 0 with no mark).
#[test]
fn a_topic_one_side_had_not_spoken_on_yet_is_one_sided_then() {
    // The bundled dispute's `diplomatic-outreach` in `topics --json`, with these arguments.
    let outreach = |args: &[&str]| -> Value {
        let out = Command::cargo_bin("parallax")
            .unwrap()
            .arg("topics")
            .arg("--json")
            .args(args)
            .output()
            .unwrap();
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        json["topics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == "diplomatic-outreach")
            .cloned()
            .expect("the topic, as India had spoken on it")
    };
    let then = outreach(&["--as-of", "2025-05-10"]);
    assert_eq!(then["right_claims"], 0);
    assert_eq!(then["one_sided"], true);
    // Later, when both had spoken, it is not.
    assert_eq!(outreach(&[])["one_sided"], false);
    // A side whose claims another filter hides had spoken all the same: by 10 June both had,
    // and keeping India's claims alone keeps Pakistan's framing of the topic, as it does with
    // no date (it was exported as "does not address this topic").
    let exported = |args: &[&str]| -> Value {
        let out = Command::cargo_bin("parallax")
            .unwrap()
            .args([
                "export",
                "-f",
                "json",
                "--topic",
                "diplomatic-outreach",
                "--party",
            ])
            .arg("india")
            .args(args)
            .output()
            .unwrap();
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        json["topics"][0].clone()
    };
    let framing = exported(&[])["right_title"].clone();
    assert!(framing.is_string(), "{framing}");
    let dated = exported(&["--as-of", "2025-06-10"]);
    assert_eq!(dated["right_title"], framing);
    // Before Pakistan had spoken on it, its framing is not there yet.
    assert!(exported(&["--as-of", "2025-05-10"])["right_title"].is_null());
}
