//! Typed relations and common ground: every relation kind loads, is validated, lines claims up,
//! and reaches every export; rows where the sides agree form a lane of their own, counted and
//! filterable.

use assert_cmd::Command;
use parallax::compare::Comparison;
use parallax::export::{self, Export, Format};
use parallax::format::{Dispute, RelationKind};
use parallax::load::{self, Code, Severity};
use parallax::query::{CommonGround, Filter};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn harbour() -> (Dispute, Comparison) {
    let loaded = load::load_paths(&[fixture("relations")]);
    assert!(
        loaded.report.diagnostics.is_empty(),
        "{:?}",
        loaded.report.diagnostics
    );
    let dispute = loaded.dispute.expect("the fixture loads");
    let cmp = Comparison::new(&dispute, 0, 1);
    (dispute, cmp)
}

fn parallax() -> Command {
    Command::cargo_bin("parallax").expect("the binary is built")
}

fn stdout_of(args: &[&str]) -> String {
    let out = parallax().args(args).output().expect("runs");
    assert!(out.status.success(), "{args:?}: {:?}", out);
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Every (claim, kind, target) the side files state, read straight from the JSON: `rebuts`
/// as contradicts.
fn relations_in_files() -> BTreeSet<(String, String, String)> {
    let mut out = BTreeSet::new();
    for file in ["east.json", "west.json"] {
        let text = std::fs::read_to_string(fixture("relations").join(file)).expect("readable");
        let side: Value = serde_json::from_str(&text).expect("JSON");
        for topic in side["topics"].as_array().expect("topics") {
            for claim in topic["claims"].as_array().expect("claims") {
                let id = claim["id"].as_str().expect("id").to_owned();
                for r in claim["rebuts"].as_array().into_iter().flatten() {
                    let to = r.as_str().expect("id").to_owned();
                    out.insert((id.clone(), "contradicts".to_owned(), to));
                }
                for r in claim["relations"].as_array().into_iter().flatten() {
                    let kind = r["kind"].as_str().expect("kind").to_owned();
                    let to = r["to"].as_str().expect("to").to_owned();
                    out.insert((id.clone(), kind, to));
                }
            }
        }
    }
    out
}

#[test]
fn every_relation_kind_round_trips_through_load_and_json_export() {
    let (dispute, cmp) = harbour();
    let stated = relations_in_files();
    let kinds: BTreeSet<&str> = stated.iter().map(|(_, k, _)| k.as_str()).collect();
    let all: BTreeSet<&str> = RelationKind::ALL.iter().map(|k| k.as_str()).collect();
    assert_eq!(kinds, all, "the fixture uses every kind");

    let loaded: BTreeSet<(String, String, String)> = dispute
        .claims()
        .flat_map(|(_, c)| {
            c.links()
                .map(|(k, to)| (c.id.to_string(), k.as_str().to_owned(), to.to_owned()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(loaded, stated, "load keeps every relation");

    let bytes = export::render(Format::Json, &dispute, &cmp, None, &[]).expect("renders");
    let doc: Export = serde_json::from_slice(&bytes).expect("the export reads back");
    let exported: BTreeSet<(String, String, String)> = doc
        .topics
        .iter()
        .flat_map(|t| &t.rows)
        .flat_map(|r| r.left.iter().chain(&r.right))
        .flat_map(|c| {
            c.relations
                .iter()
                .map(|r| {
                    (
                        c.id.to_string(),
                        r.kind.as_str().to_owned(),
                        r.claim.to_string(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(exported, stated, "JSON export carries every relation");
}

#[test]
fn related_claims_share_a_row_and_the_row_knows_how() {
    let (dispute, cmp) = harbour();
    let talks = cmp.topics.iter().find(|t| t.id == "talks").expect("talks");
    let find = |id: &str| dispute.find_claim(id).expect("loaded");
    let row = talks
        .rows
        .iter()
        .find(|r| r.left.contains(&find("e-waters")))
        .expect("a row");
    assert_eq!(
        row.right.as_slice(),
        [find("w-waters")],
        "concedes lines them up"
    );
    assert_eq!(row.links.len(), 1);
    assert_eq!(row.links[0].kind, RelationKind::Concedes);
}

#[test]
fn a_bad_relation_kind_is_an_error_and_an_unknown_target_a_warning() {
    let text = std::fs::read_to_string(fixture("relations/east.json")).expect("readable");
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("east.json");
    std::fs::write(
        &bad,
        text.replacen("\"kind\": \"agrees\"", "\"kind\": \"likes\"", 1)
            .replacen("\"to\": \"w-waters\"", "\"to\": \"w-nowhere\"", 1),
    )
    .expect("written");
    let loaded = load::load_paths(&[bad, fixture("relations/west.json")]);
    let found: Vec<(Severity, Code, Option<String>)> = loaded
        .report
        .diagnostics
        .iter()
        .map(|d| (d.severity, d.code, d.pointer.clone()))
        .collect();
    assert!(
        found.contains(&(
            Severity::Error,
            Code::BadValue,
            Some("/topics/1/claims/0/relations/0/kind".to_owned())
        )),
        "{found:?}"
    );
    // The file with an error does not load, so the warning is checked on a file without one.
    let dir2 = tempfile::tempdir().expect("temp dir");
    let unresolved = dir2.path().join("east.json");
    std::fs::write(
        &unresolved,
        text.replacen("\"to\": \"w-waters\"", "\"to\": \"w-nowhere\"", 1),
    )
    .expect("written");
    let loaded = load::load_paths(&[unresolved, fixture("relations/west.json")]);
    let d = loaded
        .report
        .diagnostics
        .iter()
        .find(|d| d.code == Code::UnresolvedRebuttal)
        .expect("a warning");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(
        d.pointer.as_deref(),
        Some("/topics/1/claims/1/relations/0/to")
    );
    assert!(d.message.contains("concedes `w-nowhere`"), "{}", d.message);
}

#[test]
fn exports_write_the_relations_word() {
    let (dispute, cmp) = harbour();
    for format in [Format::Markdown, Format::Html] {
        let bytes = export::render(format, &dispute, &cmp, None, &[]).expect("renders");
        let mut text = String::from_utf8(bytes).expect("UTF-8");
        if format == Format::Markdown {
            // What a reader sees: the text of the rendered Markdown.
            text = pulldown_cmark::Parser::new_ext(&text, pulldown_cmark::Options::ENABLE_TABLES)
                .filter_map(|e| match e {
                    pulldown_cmark::Event::Text(t) => Some(t.into_string()),
                    _ => None,
                })
                .collect();
        }
        for word in [
            "concedes West: w-waters",
            "agrees with West: w-venue",
            "reframes East: e-ships-1",
            "contradicts East: e-closed",
        ] {
            assert!(text.contains(word), "{format:?} lacks {word}");
        }
    }
    let bytes = export::render(Format::Csv, &dispute, &cmp, None, &[]).expect("renders");
    let mut reader = csv::Reader::from_reader(&bytes[..]);
    let headers = reader.headers().expect("headers").clone();
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let (left_rel, right_rel, common) = (
        col("left_relations"),
        col("right_relations"),
        col("common_ground"),
    );
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    let concede = records
        .iter()
        .find(|r| &r[col("left_claim_id")] == "e-waters")
        .expect("the conceding claim");
    assert_eq!(&concede[left_rel], "concedes:w-waters");
    let closed = records
        .iter()
        .find(|r| &r[col("right_claim_id")] == "w-closed")
        .expect("the rebutting claim");
    assert_eq!(
        &closed[right_rel], "contradicts:e-closed",
        "rebuts reads as contradicts"
    );
    let agreed: BTreeSet<&str> = records
        .iter()
        .filter(|r| &r[common] == "yes")
        .map(|r| &r[col("left_claim_id")])
        .collect();
    assert_eq!(agreed, BTreeSet::from(["e-start", "e-venue"]));
}

/// A relation whose target a filter hides says so in every export, as `show` says it is not
/// shown now: `(not in this selection)` (the exports named the target as if it were there to
/// find, and then said `(not shown now)`, which a file read later cannot mean).
#[test]
fn an_export_says_a_relation_target_the_filter_hides_is_not_shown() {
    let dir = fixture("relations");
    let dir = dir.to_str().expect("a UTF-8 path");
    let shown = stdout_of(&["show", dir, "--party", "west"]);
    assert!(
        shown.contains("↳ contradicts East: e-closed (not shown now)"),
        "{shown}"
    );
    for format in ["md", "html", "json"] {
        let out = stdout_of(&["export", dir, "--party", "west", "-f", format]);
        let out = out.replace('\\', "");
        assert!(
            out.contains("contradicts East: e-closed (not in this selection)"),
            "{format}: {out}"
        );
    }
    // Unfiltered, the target is there: nothing is said.
    let out = stdout_of(&["export", dir, "-f", "json"]);
    assert!(!out.contains("not in this selection"), "{out}");
}

#[test]
fn common_ground_comes_from_an_agrees_relation_and_from_two_corroborated_claims() {
    let (dispute, cmp) = harbour();
    for topic in &cmp.topics {
        let first = &topic.rows[0];
        assert!(
            first.common,
            "{}: the common ground lane comes first",
            topic.id
        );
        assert_eq!(
            topic.rows.iter().filter(|r| r.common).count(),
            1,
            "{}",
            topic.id
        );
    }
    let question = |t: usize| cmp.topics[t].rows[0].point.as_deref();
    assert_eq!(question(0), Some("start"), "both sides corroborated");
    assert_eq!(question(1), Some("venue"), "an agrees relation");
    assert_eq!(cmp.counts().common, 2);

    // A corroborated claim on one side only is no common ground.
    let mut one_sided = dispute.clone();
    if let Some(c) = one_sided.sides[1].topics[0].claims[2].assessment.as_mut() {
        c.rating = parallax::format::Rating::Disputed;
    }
    let cmp = Comparison::new(&one_sided, 0, 1);
    assert_eq!(cmp.counts().common, 1);
}

#[test]
fn a_filter_keeps_only_the_common_ground_or_hides_it() {
    let (dispute, cmp) = harbour();
    let only = Filter {
        common: Some(CommonGround::Only),
        ..Filter::default()
    }
    .apply(&dispute, &cmp);
    let rows: Vec<_> = only.topics.iter().flat_map(|t| &t.rows).collect();
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r.common));
    let hidden = Filter {
        common: Some(CommonGround::Hide),
        ..Filter::default()
    }
    .apply(&dispute, &cmp);
    let counts = hidden.counts();
    assert_eq!(counts.common, 0);
    assert_eq!(counts.both + counts.left_only + counts.right_only, 3);

    let dir = fixture("relations");
    let dir = dir.to_str().expect("UTF-8 path");
    let out = stdout_of(&["show", dir, "--common-ground"]);
    assert!(out.contains("Common ground (1)"), "{out}");
    assert!(out.contains("The closure began on 1 March."));
    assert!(!out.contains("West's navy closed the harbour."));
    let out = stdout_of(&["show", dir, "--no-common-ground"]);
    assert!(!out.contains("Common ground"), "{out}");
    assert!(out.contains("West's navy closed the harbour."));
}

#[test]
fn the_relation_filter_keeps_claims_that_relate_that_way() {
    let dir = fixture("relations");
    let dir = dir.to_str().expect("UTF-8 path");
    let out = stdout_of(&["show", dir, "--relation", "concedes"]);
    assert!(out.contains("West's ships kept to West's own waters"));
    assert!(!out.contains("Geneva hosted"), "{out}");
    let out = stdout_of(&["show", dir, "--relation", "contradicts"]);
    assert!(
        out.contains("East's mines closed the harbour."),
        "rebuts counts"
    );
    assert!(out.contains("Five East ships were held."));
    assert!(!out.contains("Three East ships"), "{out}");
    // Both ends of a relation: the claim rebutted stands across from its rebuttal, not "no
    // counterpart".
    assert!(
        out.contains("West's navy closed the harbour."),
        "the claim contradicted is kept: {out}"
    );
    parallax()
        .args(["show", dir, "--relation", "likes"])
        .assert()
        .code(2);
}

#[test]
fn topics_and_the_table_count_the_common_ground() {
    let dir = fixture("relations");
    let out = stdout_of(&["topics", dir.to_str().expect("UTF-8 path")]);
    let header = out.lines().next().expect("a header");
    assert!(header.trim_end().ends_with("common"), "{header}");
    let total = out
        .lines()
        .find(|l| l.trim_start().starts_with("total"))
        .expect("a total");
    assert!(total.trim_end().ends_with(" 2"), "{total}");
}

#[test]
fn a_claim_that_agrees_with_and_contradicts_one_claim_is_warned_and_no_common_ground() {
    let dir = tempfile::tempdir().expect("temp dir");
    for file in ["dispute.json", "east.json", "west.json"] {
        std::fs::copy(fixture("relations").join(file), dir.path().join(file)).expect("copied");
    }
    let east = dir.path().join("east.json");
    let text = std::fs::read_to_string(&east).expect("readable");
    let both = r#""relations": [{"kind": "agrees", "to": "w-venue"}, {"kind": "contradicts", "to": "w-venue"}]"#;
    std::fs::write(
        &east,
        text.replacen(
            r#""relations": [{"kind": "agrees", "to": "w-venue"}]"#,
            both,
            1,
        ),
    )
    .expect("written");
    let west = dir.path().join("west.json");
    let text = std::fs::read_to_string(&west).expect("readable");
    std::fs::write(
        &west,
        text.replacen(
            r#""rebuts": ["e-closed"]"#,
            r#""rebuts": ["e-closed", "e-closed"]"#,
            1,
        ),
    )
    .expect("written");
    let folder = dir.path().display().to_string();
    let out = stdout_of(&["validate", &folder]);
    assert!(
        out.contains(
            "warning[repeated-relation] at /topics/1/claims/0/relations/1: claim `e-venue` \
             contradicts `w-venue`, which it already agrees with; expected agrees or \
             contradicts for one claim, not both"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "warning[repeated-relation] at /topics/0/claims/0/rebuts/1: claim `w-closed` rebuts \
             `e-closed` twice; expected each link to a claim once (remove the repeat)"
        ),
        "{out}"
    );
    parallax()
        .args(["validate", "--strict", &folder])
        .assert()
        .code(1);
    // The talks' agreement was its only common ground: it is none now.
    let show = stdout_of(&["show", &folder, "--topic", "talks", "--width", "100"]);
    assert!(!show.contains("Common ground"), "{show}");
    let topics = stdout_of(&["topics", &folder, "--json"]);
    let topics: Value = serde_json::from_str(&topics).expect("JSON");
    let talks = topics["topics"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["id"] == "talks"))
        .expect("the talks");
    assert_eq!(talks["common"], 0, "{talks}");
}

#[test]
fn two_true_claims_one_contradicting_the_other_are_no_common_ground() {
    // Both `start` claims are rated corroborated: common ground. Once the east claim says it
    // contradicts the west one, the row is where they differ, whatever the ratings.
    let dir = tempfile::tempdir().expect("temp dir");
    for file in ["dispute.json", "east.json", "west.json"] {
        std::fs::copy(fixture("relations").join(file), dir.path().join(file)).expect("copied");
    }
    let folder = dir.path().display().to_string();
    let show = stdout_of(&["show", &folder, "--common-ground", "--width", "100"]);
    assert!(show.contains("When did the closure begin?"), "{show}");
    let east = dir.path().join("east.json");
    let text = std::fs::read_to_string(&east).expect("readable");
    let opposed = text.replacen(
        r#""id": "e-start", "point": "start","#,
        r#""id": "e-start", "point": "start", "relations": [{"kind": "contradicts", "to": "w-start"}],"#,
        1,
    );
    assert_ne!(
        opposed, text,
        "the fixture's e-start is where the test expects it"
    );
    std::fs::write(&east, opposed).expect("written");
    let out = parallax()
        .args(["show", &folder, "--common-ground", "--width", "100"])
        .output()
        .expect("runs");
    let shown = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(!shown.contains("When did the closure begin?"), "{shown}");
}
