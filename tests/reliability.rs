//! Source reliability and who made an assessment: loaded, shown beside every source and rating
//! in `show` and every export, and filterable ("claims resting only on low or partisan sources").

mod common;

use assert_cmd::Command;
use parallax::compare::Comparison;
use parallax::export::{self, Format};
use parallax::format::{Dispute, ReliabilityRating};
use parallax::query::Filter;
use std::path::{Path, PathBuf};

const FIXTURE: &str = "tests/fixtures/reliability";

fn dispute() -> Dispute {
    let loaded = parallax::load::load_paths(&[PathBuf::from(FIXTURE)]);
    assert!(
        loaded.report.diagnostics.is_empty(),
        "{:?}",
        loaded.report.diagnostics
    );
    loaded
        .dispute
        .unwrap_or_else(|| panic!("the fixture loads"))
}

fn parallax() -> Command {
    Command::cargo_bin("parallax").unwrap_or_else(|e| panic!("the binary is built: {e}"))
}

fn stdout(args: &[&str]) -> String {
    let out = parallax()
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("{e}"))
}

fn render(format: Format) -> String {
    let d = dispute();
    let cmp = Comparison::new(&d, 0, 1);
    let bytes = export::render(format, &d, &cmp, None, &[]).unwrap_or_else(|e| panic!("{e}"));
    String::from_utf8(bytes).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn reliability_and_who_assessed_load_without_a_warning() {
    let d = dispute();
    let north = &d.sides[0];
    let blog = north.sources.iter().find(|s| s.id == "blog");
    let rel = blog.and_then(|s| s.reliability.as_ref());
    assert_eq!(rel.map(|r| r.rating), Some(ReliabilityRating::Low));
    assert_eq!(
        rel.and_then(|r| r.note.as_deref()),
        Some("Anonymous; use only as corroboration.")
    );
    let at = d.find_claim("n-rated").unwrap_or_else(|| panic!("n-rated"));
    let by = d
        .claim(at)
        .and_then(|c| c.assessment.as_ref())
        .and_then(|a| a.by.as_deref());
    assert_eq!(by, Some("Harbour Check"));
}

#[test]
fn show_tags_each_source_with_its_reliability_and_each_rating_with_who_made_it() {
    let out = stdout(&["show", FIXTURE, "--width", "200"]);
    assert!(out.contains("[Harbour Blog 2025-03-02 · low]"), "{out}");
    assert!(
        out.contains("[North Herald 2025-03-03 · partisan]"),
        "{out}"
    );
    assert!(out.contains("[Wire 2025-03-01 · high]"), "{out}");
    assert!(
        out.contains("[South Daily 2025-03-02]"),
        "unrated: no mark\n{out}"
    );
    assert!(
        out.contains("⚑ disputed (by Harbour Check): Only one wreck was found."),
        "{out}"
    );
    assert!(out.contains("⚑ unverified (by the compilers)"), "{out}");
}

#[test]
fn the_weak_sources_filter_keeps_claims_resting_only_on_low_or_partisan_sources() {
    let d = dispute();
    let cmp = Comparison::new(&d, 0, 1);
    let f = Filter {
        weak_sources: true,
        ..Filter::default()
    };
    let mut ids: Vec<String> = f
        .apply(&d, &cmp)
        .topics
        .iter()
        .flat_map(|t| &t.rows)
        .flat_map(|r| r.left.iter().chain(&r.right))
        .filter_map(|&at| d.claim(at).map(|c| c.id.to_string()))
        .collect();
    ids.sort();
    // n-mixed also cites a high source; s-unrated cites an unrated one.
    assert_eq!(ids, ["n-rated", "n-weak", "s-weak"]);
    assert_eq!(f.describe(), ["only low or partisan sources"]);

    let out = stdout(&["show", FIXTURE, "--weak-sources", "--width", "160"]);
    assert!(out.contains("only low or partisan sources"), "{out}");
    assert!(out.contains("South's boats entered the harbour"), "{out}");
    assert!(!out.contains("The boats left before dawn"), "{out}");
    assert!(!out.contains("Only a patrol boat"), "{out}");
}

#[test]
fn json_export_carries_reliability_and_who_assessed_and_matches_its_schema() {
    let json = render(Format::Json);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    let schema_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("narratives/export-schema.json");
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(schema_path).unwrap_or_else(|e| panic!("{e}")),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let validator = jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{e}"));
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let claims: Vec<serde_json::Value> = value["topics"][0]["rows"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|r| {
            let side = |k: &str| r[k].as_array().cloned().unwrap_or_default();
            side("left").into_iter().chain(side("right"))
        })
        .collect();
    let claim = |id: &str| {
        claims
            .iter()
            .find(|c| c["id"] == id)
            .unwrap_or_else(|| panic!("{id} exported"))
    };
    let weak = claim("n-weak");
    assert_eq!(weak["sources"][0]["reliability"]["rating"], "low");
    assert_eq!(
        weak["sources"][0]["reliability"]["note"],
        "Anonymous; use only as corroboration."
    );
    assert_eq!(weak["sources"][1]["reliability"]["rating"], "partisan");
    assert!(
        claim("s-unrated")["sources"][0]
            .get("reliability")
            .is_none()
    );
    assert_eq!(claim("n-rated")["assessment"]["by"], "Harbour Check");
}

#[test]
fn csv_export_has_a_reliability_column_and_a_who_assessed_column_per_side() {
    let csv = render(Format::Csv);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap_or_else(|e| panic!("{e}")).clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("column {name}"))
    };
    let records: Vec<csv::StringRecord> = reader.records().filter_map(Result::ok).collect();
    let row = |side: &str, id: &str| {
        records
            .iter()
            .find(|r| r.get(col(&format!("{side}_claim_id"))) == Some(id))
            .unwrap_or_else(|| panic!("{id} exported"))
            .clone()
    };
    let cell = |side: &str, id: &str, name: &str| {
        row(side, id)
            .get(col(&format!("{side}_{name}")))
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(
        cell("left", "n-weak", "source_reliability"),
        "low; partisan"
    );
    assert_eq!(cell("left", "n-mixed", "source_reliability"), "high; low");
    assert_eq!(
        cell("right", "s-unrated", "source_reliability"),
        "not rated"
    );
    assert_eq!(cell("left", "n-rated", "assessment_by"), "Harbour Check");
    assert_eq!(cell("right", "s-weak", "assessment_by"), "the compilers");
    assert_eq!(cell("left", "n-weak", "assessment_by"), "");
}

#[test]
fn markdown_and_html_exports_show_reliability_and_who_assessed() {
    let md = render(Format::Markdown);
    assert!(md.contains("Harbour Blog 2025-03-02 · low"), "{md}");
    assert!(md.contains("[Wire 2025-03-01 · high](https"), "{md}");
    assert!(
        md.contains("**Assessment: disputed** (by Harbour Check)"),
        "{md}"
    );
    let html = render(Format::Html);
    assert!(
        html.contains("<bdi>North Herald</bdi> 2025-03-03 · partisan"),
        "{html}"
    );
    assert!(
        html.contains("Assessment: disputed (by <bdi>Harbour Check</bdi>)"),
        "{html}"
    );
}

#[test]
fn topics_ratings_counts_each_sides_ratings_and_who_made_them() {
    let out = stdout(&["topics", FIXTURE, "--ratings"]);
    let lines: Vec<Vec<&str>> = out
        .lines()
        .map(|l| {
            l.split("  ")
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect()
        })
        .collect();
    let has = |row: &[&str]| lines.iter().any(|l| l.as_slice() == row);
    assert!(out.starts_with("Ratings by side\n"), "{out}");
    // side, unverified, corroborated, disputed, refuted, retracted, not assessed, claims
    assert!(has(&["North", "0", "0", "1", "0", "0", "2", "3"]), "{out}");
    assert!(has(&["South", "1", "0", "0", "0", "0", "1", "2"]), "{out}");
    assert!(out.contains("\nRatings by who made them\n"), "{out}");
    assert!(
        has(&["North", "Harbour Check", "0", "0", "1", "0", "0", "1"]),
        "{out}"
    );
    assert!(
        has(&["South", "the compilers", "1", "0", "0", "0", "0", "1"]),
        "{out}"
    );
}

/// A side none of whose claims is assessed has its line of noughts in the table by who made
/// them (it was left out, as if not counted).
#[test]
fn topics_ratings_counts_a_side_nobody_assessed() {
    let (dir, _) = common::dispute_of(&[
        (
            "alpha",
            serde_json::json!({"id": "a1", "text": "A.", "assessment": {"rating": "refuted", "by": "Checker", "sources": ["s"]}}),
        ),
        ("beta", serde_json::json!({"id": "b1", "text": "B."})),
    ]);
    let out = common::parallax_on_path(dir.path(), "topics", &["--ratings"]);
    let by_who = out
        .split("Ratings by who made them")
        .nth(1)
        .unwrap_or_default();
    let line = common::line_with(by_who, "BETA");
    let cells: Vec<&str> = line
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(
        cells,
        ["BETA", "(none assessed)", "0", "0", "0", "0", "0", "0"],
        "{out}"
    );
}

/// `--ratings` counts every claim of every side and keeps every name whole: asked for with a
/// date, a width or a pair of sides it would not honour, it says so (they were ignored, even a
/// party that does not exist).
#[test]
fn topics_ratings_with_a_date_or_a_width_is_refused_not_ignored() {
    for (flag, value) in [
        ("--as-of", "2024-01-01"),
        ("--width", "40"),
        ("--left", "foo"),
        ("--right", "north"),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(["topics", FIXTURE, "--ratings", flag, value])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2), "{flag}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(flag), "{err}");
    }
}
