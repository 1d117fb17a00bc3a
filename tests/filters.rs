//! Filters: each constraint and their combinations, on the comparison that every view draws,
//! and the filter flags of `parallax show`.

mod common;

use assert_cmd::Command;
use parallax::compare::Comparison;
use parallax::format::{Date, Dispute, Rating, SourceKind};
use parallax::query::{AnsweredBy, Filter, FilterError};
use predicates::prelude::*;
use std::path::PathBuf;

const FIXTURE: &str = "tests/fixtures/query";

fn dispute() -> Dispute {
    let loaded = parallax::load::load_paths(&[PathBuf::from(FIXTURE)]);
    assert_eq!(loaded.report.errors(), 0, "{:?}", loaded.report);
    loaded
        .dispute
        .unwrap_or_else(|| panic!("the fixture loads"))
}

/// The claim ids the filter keeps, sorted.
fn kept(f: &Filter) -> Vec<String> {
    let d = dispute();
    let cmp = Comparison::new(&d, 0, 1);
    let out = f.apply(&d, &cmp);
    let mut ids: Vec<String> = out
        .topics
        .iter()
        .flat_map(|t| &t.rows)
        .flat_map(|r| r.left.iter().chain(&r.right))
        .filter_map(|&at| d.claim(at).map(|c| c.id.to_string()))
        .collect();
    ids.sort();
    ids
}

fn date(s: &str) -> Option<Date> {
    s.parse().ok()
}

#[test]
fn an_empty_filter_keeps_the_comparison_unchanged() {
    let d = dispute();
    let cmp = Comparison::new(&d, 0, 1);
    assert_eq!(Filter::default().apply(&d, &cmp), cmp);
    assert!(Filter::default().describe().is_empty());
}

#[test]
fn party_keeps_that_partys_claims() {
    let f = Filter {
        parties: vec!["india".into()],
        ..Filter::default()
    };
    let ids = kept(&f);
    assert_eq!(ids.len(), 5);
    assert!(ids.iter().all(|id| id.starts_with("in-")));
}

#[test]
fn topic_keeps_that_topic() {
    let f = Filter {
        topics: vec!["water".into()],
        ..Filter::default()
    };
    assert_eq!(kept(&f), ["in-water-treaty"]);
}

#[test]
fn source_outlet_matches_whole_names_in_any_case() {
    let f = |o: &str| Filter {
        outlets: vec![o.into()],
        ..Filter::default()
    };
    assert_eq!(
        kept(&f("dawn")),
        ["pk-ceasefire-us", "pk-strikes-scattered"]
    );
    assert_eq!(kept(&f("le café")), ["in-strikes-naive"]);
    assert!(kept(&f("daw")).is_empty());
}

#[test]
fn kind_and_affiliation_must_hold_for_one_source() {
    let official = Filter {
        kinds: vec![SourceKind::Official],
        ..Filter::default()
    };
    assert_eq!(
        kept(&official),
        [
            "in-ceasefire-bilateral",
            "in-strikes-targets",
            "pk-strikes-civilians",
            "pk-strikes-untrusted"
        ]
    );
    let pakistani = Filter {
        affiliations: vec!["pakistan".into()],
        ..Filter::default()
    };
    assert_eq!(
        kept(&pakistani),
        ["pk-strikes-civilians", "pk-strikes-untrusted"]
    );
    let both = Filter {
        kinds: vec![SourceKind::News],
        outlets: vec!["ISPR".into()],
        ..Filter::default()
    };
    assert!(kept(&both).is_empty());
}

#[test]
fn tags_and_ratings() {
    let tag = Filter {
        tags: vec!["mediation".into()],
        ..Filter::default()
    };
    assert_eq!(kept(&tag), ["pk-ceasefire-cjk", "pk-ceasefire-us"]);
    let disputed = Filter {
        ratings: vec![Some(Rating::Disputed)],
        ..Filter::default()
    };
    assert_eq!(kept(&disputed), ["in-strikes-targets", "pk-ceasefire-us"]);
    let unassessed = Filter {
        ratings: vec![None],
        ..Filter::default()
    };
    assert_eq!(kept(&unassessed).len(), 7);
}

#[test]
fn dates_overlap_and_undated_claims_go() {
    let since = Filter {
        since: date("2025-05-10"),
        ..Filter::default()
    };
    // `2025-05` (the whole month) reaches 10 May; the undated claim goes.
    assert_eq!(
        kept(&since),
        [
            "in-ceasefire-bilateral",
            "in-ceasefire-when",
            "pk-ceasefire-cjk",
            "pk-ceasefire-us"
        ]
    );
    let until = Filter {
        until: date("2025-04"),
        ..Filter::default()
    };
    assert_eq!(kept(&until), ["in-water-treaty"]);
    let day = Filter {
        since: date("2025-05-07"),
        until: date("2025-05-07"),
        ..Filter::default()
    };
    assert_eq!(
        kept(&day),
        [
            "in-ceasefire-when",
            "in-strikes-targets",
            "pk-strikes-civilians"
        ]
    );
}

#[test]
fn answered_keeps_rows_by_who_answers_them() {
    let both = Filter {
        answered: Some(AnsweredBy::Both),
        ..Filter::default()
    };
    assert_eq!(
        kept(&both),
        [
            "in-ceasefire-bilateral",
            "in-strikes-targets",
            "pk-ceasefire-us",
            "pk-strikes-civilians"
        ]
    );
    let one = Filter {
        answered: Some(AnsweredBy::OneSided),
        ..Filter::default()
    };
    assert_eq!(kept(&one).len(), 6);
}

#[test]
fn unsourced_and_untrusted() {
    let unsourced = Filter {
        unsourced: true,
        ..Filter::default()
    };
    assert_eq!(kept(&unsourced), ["in-water-treaty"]);
    let untrusted = Filter {
        untrusted: true,
        ..Filter::default()
    };
    assert_eq!(kept(&untrusted), ["pk-strikes-untrusted"]);
    // Together they are alternatives, as the screen's Claims section offers them.
    let either = Filter {
        unsourced: true,
        untrusted: true,
        ..Filter::default()
    };
    assert_eq!(kept(&either), ["in-water-treaty", "pk-strikes-untrusted"]);
    // Named as the alternatives they are, where the header and exports list the filters.
    assert_eq!(either.describe(), ["either unsourced or untrusted text"]);
}

#[test]
fn constraints_combine() {
    let f = Filter {
        parties: vec!["pakistan".into()],
        topics: vec!["strikes".into()],
        kinds: vec![SourceKind::Official],
        since: date("2025-05-08"),
        ..Filter::default()
    };
    assert_eq!(kept(&f), ["pk-strikes-untrusted"]);
    // Values of one constraint are alternatives.
    let either = Filter {
        tags: vec!["jets".into(), "water".into()],
        ..Filter::default()
    };
    assert_eq!(kept(&either), ["in-water-treaty", "pk-strikes-untrusted"]);
}

#[test]
fn filtering_drops_empty_rows_and_topics_keeps_order_and_recounts() {
    let d = dispute();
    let cmp = Comparison::new(&d, 0, 1);
    let f = Filter {
        tags: vec!["terror".into(), "water".into(), "bilateral".into()],
        ..Filter::default()
    };
    let out = f.apply(&d, &cmp);
    let topics: Vec<&str> = out.topics.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(topics, ["ceasefire", "strikes", "water"]);
    assert!(out.topics.iter().all(|t| t.rows.len() == 1));
    let counts = out.counts();
    assert_eq!((counts.left_claims, counts.right_claims), (3, 0));
    assert_eq!(counts.left_only, 3);
    // Two of the rows had a right claim, which the tags hide: those say how many.
    let hidden = out.topics.iter().filter(|t| t.rows[0].hidden_on(false) > 0);
    assert_eq!(hidden.count(), 2);
    // The rebuttal link lost its other end, so it goes too.
    assert!(out.topics[0].rows[0].links.is_empty());
}

#[test]
fn unknown_party_or_topic_lists_the_choices() {
    let d = dispute();
    let cmp = Comparison::new(&d, 0, 1);
    let f = Filter {
        parties: vec!["china".into()],
        ..Filter::default()
    };
    assert_eq!(
        f.check(&d, Some(&cmp)),
        Err(FilterError::UnknownParty {
            id: "china".into(),
            choices: "india, pakistan".into()
        })
    );
    let f = Filter {
        topics: vec!["ceasfire".into()],
        ..Filter::default()
    };
    // Every topic, the likeliest first.
    let said = f
        .check(&d, None)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(said.contains("choose one of: ceasefire, "), "{said}");
    assert!(said.contains("strikes") && said.contains("water"), "{said}");
}

#[test]
fn a_tag_or_source_nobody_uses_is_refused_with_the_nearest_in_use() {
    // `--tag terrorism` could only ever match nothing: that reads like an answer, so it is a
    // usage error naming the tags in use, the likeliest first; a tag in use still filters.
    parallax()
        .args(["show", FIXTURE, "--tag", "terrorism"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no tag `terrorism` in this dispute; choose one of: terror,",
        ));
    parallax()
        .args(["show", FIXTURE, "--source", "press trust"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no source `press trust` in this dispute",
        ));
    parallax()
        .args(["show", FIXTURE, "--affiliation", "nobody"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no affiliation `nobody`"));
    parallax()
        .args(["show", FIXTURE, "--tag", "terror"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Showing 1 of"));
}

/// `--speaker` keeps the claims of one speaker (the whole name as written, any case; repeated
/// for more), and a name nobody in the dispute uses is refused with the likeliest, told apart
/// by semicolons since a speaker's name may hold a comma.
#[test]
fn a_speaker_keeps_their_claims_and_an_unknown_one_is_refused_with_the_nearest() {
    let out = parallax()
        .args([
            "show",
            FIXTURE,
            "--speaker",
            "shehbaz sharif, prime minister",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let shown = String::from_utf8_lossy(&out.stdout);
    let d = dispute();
    let by = |who: &str| {
        d.claims()
            .filter(|(_, c)| c.speaker.as_deref() == Some(who))
            .count()
    };
    let n = by("Shehbaz Sharif, Prime Minister");
    assert!(n > 0);
    assert!(
        shown.contains(&format!(
            "Showing {n} of {} claims (speaker: shehbaz sharif, prime minister)",
            d.claims().count()
        )),
        "{shown}"
    );
    assert!(!shown.contains("Vikram Misri"), "{shown}");
    let both = parallax()
        .args([
            "show",
            FIXTURE,
            "--speaker",
            "Shehbaz Sharif, Prime Minister",
            "--speaker",
            "Vikram Misri, Foreign Secretary",
        ])
        .output()
        .unwrap();
    let both = String::from_utf8_lossy(&both.stdout);
    let m = n + by("Vikram Misri, Foreign Secretary");
    assert!(
        both.contains(&format!(
            "Showing {m} of {} claims (speaker: Shehbaz Sharif, Prime Minister; Vikram Misri, \
             Foreign Secretary)",
            d.claims().count()
        )),
        "{both}"
    );
    parallax()
        .args(["show", FIXTURE, "--speaker", "Sharif"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no speaker `Sharif` in this dispute; choose one of: Shehbaz Sharif, Prime \
             Minister; ",
        ));
}

/// `--source` is the one list not split at commas (an outlet's name may hold one): outlets
/// given as one comma-separated value are refused with the flags to give instead, which work.
#[test]
fn sources_given_with_a_comma_are_said_to_go_one_per_flag() {
    parallax()
        .args(["show", FIXTURE, "--source", "Dawn, PTI"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no source `Dawn, PTI` in this dispute; an outlet's name may hold a comma, so each \
             is given on its own: --source Dawn --source PTI",
        ));
    parallax()
        .args(["show", FIXTURE, "--source", "Dawn", "--source", "PTI"])
        .assert()
        .success()
        .stdout(predicate::str::contains("source: Dawn, PTI"));
}

#[test]
fn describe_gives_short_labels() {
    let f = Filter {
        parties: vec!["india".into()],
        ratings: vec![Some(Rating::Disputed), None],
        since: date("2025-05-01"),
        answered: Some(AnsweredBy::OneSided),
        untrusted: true,
        ..Filter::default()
    };
    assert_eq!(
        f.describe(),
        [
            "party: india",
            "rating: disputed, none",
            "since 2025-05-01",
            "one-sided rows",
            "untrusted text"
        ]
    );
}

fn parallax() -> Command {
    Command::cargo_bin("parallax").unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn show_with_filter_flags_prints_only_what_they_keep() {
    parallax()
        .args([
            "show", FIXTURE, "--party", "india", "--topic", "strikes", "--width", "100",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Showing 2 of 10 claims (party: india · topic: strikes)",
        ))
        .stdout(predicate::str::contains("Nine terror camps"))
        .stdout(predicate::str::contains("killed civilians").not())
        .stdout(predicate::str::contains("The ceasefire").not());
}

#[test]
fn show_with_a_query_keeps_rows_with_a_hit() {
    parallax()
        .args(["show", FIXTURE, "--query", "abeyance", "--width", "100"])
        .assert()
        .success()
        .stdout(predicate::str::contains("search: abeyance"))
        .stdout(predicate::str::contains("Indus Waters Treaty is held"))
        .stdout(predicate::str::contains("Nine terror camps").not());
}

#[test]
fn show_says_when_nothing_is_left() {
    parallax()
        .args(["show", FIXTURE, "--unsourced", "--party", "pakistan"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "no claim matches party: pakistan · unsourced",
        ));
    // A topic neither compared side speaks to stays, empty (the silence is information), and
    // nothing left is said all the same.
    for command in ["show", "export"] {
        let mut args = vec![
            command,
            "--right",
            "third-parties",
            "--topic",
            "diplomatic-outcome",
        ];
        if command == "export" {
            args.extend(["-f", "md"]);
        }
        parallax()
            .args(&args)
            .assert()
            .success()
            .stderr(predicate::str::contains(
                "no claim matches topic: diplomatic-outcome",
            ));
    }
}

#[test]
fn bad_filter_values_are_usage_errors() {
    parallax()
        .args(["show", FIXTURE, "--since", "2025-13"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a real calendar date"));
    parallax()
        .args(["show", FIXTURE, "--kind", "blog"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("choose one of: official, news"));
    parallax()
        .args(["show", FIXTURE, "--rating", "false"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("retracted, none"));
    parallax()
        .args(["show", FIXTURE, "--party", "china"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("choose one of: india, pakistan"));
    parallax()
        .args(["show", FIXTURE, "--topic", "waters"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("choose one of: water, "));
    parallax()
        .args(["show", FIXTURE, "--since", "2025-06", "--until", "2025-05"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("comes after"));
    // Nothing said by the date in force can reach into a range that starts after it.
    parallax()
        .args([
            "show",
            FIXTURE,
            "--since",
            "2025-06",
            "--as-of",
            "2025-05-01",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--since 2025-06 comes after --as-of 2025-05-01",
        ));
    parallax()
        .args([
            "show",
            FIXTURE,
            "--since",
            "2025-05",
            "--as-of",
            "2025-05-01",
        ])
        .assert()
        .success();
    parallax()
        .args(["show", FIXTURE, "--one-sided", "--both-sides"])
        .assert()
        .code(2);
}

/// Common ground is agreement in view: with one party's claims only, a row where the sides
/// agree shows one side, and is neither headed nor counted as common ground.
#[test]
fn one_partys_claims_hold_no_common_ground() {
    let all = parallax().arg("show").output().unwrap();
    assert!(String::from_utf8_lossy(&all.stdout).contains("Common ground"));
    let one = parallax()
        .args(["show", "--party", "india"])
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&one.stdout);
    assert!(!shown.contains("Common ground"), "{shown}");
    assert!(!shown.contains('≡'), "{shown}");
}

/// A tag is matched in any case, as an outlet is; a value nothing uses lists those in use the
/// likeliest first, by a word too (`Reutrs` finds "AsiaOne (Reuters)" first).
#[test]
fn tags_match_in_any_case_and_suggestions_come_likeliest_first() {
    let kept = |tag: &str| {
        let out = parallax().args(["show", "--tag", tag]).output().unwrap();
        assert!(out.status.success(), "{tag}");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .split(" (")
            .next()
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(kept("MEDIATION"), kept("mediation"));
    let out = parallax()
        .args(["show", "--source", "Reutrs"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("those in use include: AsiaOne (Reuters), "),
        "{err}"
    );
}

/// `--party` naming a side the comparison does not show is said to be that, with how to show
/// it, rather than answered with nothing; a search across every side still takes it.
#[test]
fn a_party_outside_the_comparison_says_how_to_compare_it() {
    for args in [
        &["show", "--party", "third-parties"][..],
        &[
            "search",
            "ceasefire",
            "--party",
            "third-parties",
            "--one-sided",
        ][..],
    ] {
        Command::cargo_bin("parallax")
            .expect("the binary")
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "party `third-parties` is not in this comparison (india ⟷ pakistan); to see its claims, compare it: --left third-parties",
            ));
    }
    Command::cargo_bin("parallax")
        .expect("the binary")
        .args(["search", "ceasefire", "--party", "third-parties"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("third-parties"));
}

/// `--since` or `--until` on a dispute where no claim is dated says so, rather than answering
/// with nothing (which reads like a finding).
#[test]
fn dates_asked_of_a_dispute_without_any_are_a_usage_error() {
    let dir = common::one_claim_sides(
        ("t", "T"),
        &[("north", "north"), ("south", "south")],
        "Undated tax claim.",
        serde_json::json!({}),
    );
    for (command, flag) in [("search", "--since"), ("show", "--until")] {
        let mut cmd = Command::cargo_bin("parallax").expect("the binary");
        cmd.arg(command).arg(dir.path());
        if command == "search" {
            cmd.arg("tax");
        }
        cmd.args([flag, "2010"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!(
                "{flag}: no claim in this dispute is dated"
            )));
    }
}

/// Every filter value that is a fixed word or an id is read in any case, as `--party India`
/// is: `--affiliation Pakistan`, `--rating Corroborated`, `--kind News`, `--relation Agrees`
/// and `--matcher Skim` were refused, the first while listing `pakistan` as a choice.
#[test]
fn filter_words_and_ids_are_read_in_any_case() {
    for (flag, typed) in [
        ("--affiliation", "Pakistan"),
        ("--rating", "Corroborated"),
        ("--kind", "News"),
        ("--relation", "Agrees"),
        ("--matcher", "Skim"),
    ] {
        let show = |value: &str| {
            let out = parallax()
                .args(["show", flag, value])
                .output()
                .expect("runs");
            assert!(out.status.success(), "{flag} {value}: {out:?}");
            out.stdout
        };
        assert_eq!(show(typed), show(&typed.to_lowercase()), "{flag} {typed}");
    }
}

/// A side whose claims in a row a filter hides did answer the row: its cell says how many the
/// filters hide (not "no counterpart", which a reader takes for silence), and exports carry
/// the count beside `answered`, which is of the claims shown.
#[test]
fn a_side_the_filter_hides_is_said_hidden_not_silent() {
    let args = ["--party", "india", "--topic", "strikes"];
    let shown = common::parallax_on("query", "show", &[&args[..], &["--width", "100"]].concat());
    let hit = common::line_with(&shown, "Nine terror camps");
    assert!(
        hit.trim_end().ends_with("│ 1 claim hidden by the filters"),
        "{shown}"
    );
    // A claim with no counterpart at all keeps the words that say so.
    let alone = common::line_with(&shown, "Only a na");
    assert!(alone.trim_end().ends_with("│ no counterpart"), "{shown}");

    let csv = common::parallax_on(
        "query",
        "export",
        &[&args[..], &["-f", "csv", "-o", "-"]].concat(),
    );
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a record")).collect();
    let headers = reader.headers().expect("a header").clone();
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let first = records.first().expect("a record");
    assert_eq!(&first[col("answered")], "left", "{csv}");
    assert_eq!(&first[col("right_hidden")], "1", "{csv}");
    assert_eq!(&first[col("left_hidden")], "", "{csv}");
    assert_eq!(&first[col("right_claim")], "", "{csv}");

    let json = common::parallax_on(
        "query",
        "export",
        &[&args[..], &["-f", "json", "-o", "-"]].concat(),
    );
    let doc: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let row = &doc["topics"][0]["rows"][0];
    assert_eq!(row["right_hidden"], 1, "{json}");
    assert_eq!(row["right"], serde_json::json!([]), "{json}");
    assert!(
        doc["topics"][0]["rows"][1].get("right_hidden").is_none(),
        "{json}"
    );
    let schema =
        std::fs::read_to_string(common::fixture_path("../../narratives/export-schema.json"))
            .expect("the export schema");
    let schema: serde_json::Value = serde_json::from_str(&schema).expect("JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");

    for format in ["md", "html"] {
        let out = common::parallax_on(
            "query",
            "export",
            &[&args[..], &["-f", format, "-o", "-"]].concat(),
        );
        assert!(
            out.contains("1 claim hidden by the filters"),
            "{format}: {out}"
        );
    }
}

/// A side with claims shown in a row and more that the filters hide says how many more, in the
/// Markdown and HTML exports and in `show`, as the CSV and JSON count them: with `--rating
/// refuted`, two of Pakistan's nine claims on the delegations read as its whole answer.
#[test]
fn a_side_partly_hidden_by_the_filters_says_how_many_more() {
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(args)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{args:?}: {out:?}");
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let json = run(&["export", "--rating", "refuted", "-f", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let mut partly = Vec::new();
    for row in doc["topics"]
        .as_array()
        .expect("topics")
        .iter()
        .flat_map(|t| t["rows"].as_array().expect("rows"))
    {
        for side in ["left", "right"] {
            let shown = row[side].as_array().map_or(0, Vec::len);
            let hidden = row[format!("{side}_hidden")].as_u64().unwrap_or(0);
            if shown > 0 && hidden > 0 {
                partly.push(hidden);
            }
        }
    }
    assert!(
        !partly.is_empty(),
        "the bundled dispute has such rows: {json}"
    );
    let said = |n: &u64| match n {
        1 => "and 1 more claim hidden by the filters".to_owned(),
        n => format!("and {n} more claims hidden by the filters"),
    };
    for format in ["md", "html"] {
        let out = run(&["export", "--rating", "refuted", "-f", format]);
        let found = out.matches("more claim").count();
        assert_eq!(found, partly.len(), "{format}");
        for n in &partly {
            assert!(out.contains(&said(n)), "{format}: {}", said(n));
        }
    }
    let show = run(&["show", "--rating", "refuted", "--width", "200"]);
    for n in &partly {
        assert!(show.contains(&said(n)), "show: {}", said(n));
    }
}

/// As of a date, what a side had not said yet is not hidden by the filter: a row's hidden
/// count is of the claims said by then, and a side that had said nothing is "no counterpart".
#[test]
fn claims_not_said_by_the_date_are_not_counted_hidden() {
    use serde_json::json;
    let (_dir, d) = common::dispute_of(&[
        (
            "a",
            json!({"id": "a1", "text": "A says", "point": "p", "date": "2025-05-01"}),
        ),
        (
            "b",
            json!({"id": "b1", "text": "B early", "point": "p", "date": "2025-05-02"}),
        ),
        (
            "b",
            json!({"id": "b2", "text": "B later", "point": "p", "date": "2025-05-09"}),
        ),
        (
            "b",
            json!({"id": "b3", "text": "B latest", "point": "p", "date": "2025-05-20"}),
        ),
    ]);
    let cmp = Comparison::new(&d, 0, 1);
    let hidden = |as_of: &str| {
        let f = Filter {
            parties: vec!["a".into()],
            as_of: date(as_of),
            ..Filter::default()
        };
        let out = f.apply(&d, &cmp);
        let row = &out.topics[0].rows[0];
        assert!(row.right.is_empty());
        row.hidden_on(false)
    };
    assert_eq!(hidden("2025-05-01"), 0);
    assert_eq!(hidden("2025-05-10"), 2);
    assert_eq!(hidden("2025-05-31"), 3);
}

/// A label of four or more values counts them first, so a list cut at the screen's edge still
/// says how many are in force (115 outlets chosen at once showed three names and no count).
#[test]
fn a_long_list_of_values_is_counted_in_its_label() {
    let filter = parallax::query::Filter {
        outlets: ["Dawn", "Zee News", "Bharat Express", "The Express Tribune"]
            .map(String::from)
            .to_vec(),
        tags: vec!["ceasefire".to_owned()],
        ..Default::default()
    };
    assert_eq!(
        filter.describe(),
        [
            "source (4): Dawn, Zee News, Bharat Express, The Express Tribune",
            "tag: ceasefire"
        ]
    );
}
