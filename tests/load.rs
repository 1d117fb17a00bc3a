//! Loading and diagnostics: every kind of error and warning, reported at its exact place.

mod common;

use parallax::load::{Code, Loader, Severity, load_paths};
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/load")
        .join(name)
}

/// A diagnostic as (severity, code, pointer, line, column).
type Found = (Severity, Code, Option<String>, Option<usize>, Option<usize>);

/// Loads the good side with one other file; returns the diagnostics of that other file (but
/// too few sides, which follows from its errors).
fn problems(name: &str) -> Vec<Found> {
    let path = fixture(name);
    let loaded = load_paths(&[fixture("good.json"), path.clone()]);
    let shown = path.display().to_string();
    loaded
        .report
        .diagnostics
        .iter()
        .filter(|d| d.file == shown && d.code != Code::TooFewSides)
        .map(|d| (d.severity, d.code, d.pointer.clone(), d.line, d.column))
        .collect()
}

fn one(name: &str, severity: Severity, code: Code, pointer: Option<&str>, line: usize) {
    let found = problems(name);
    // Every located problem has its column too (a minified file has one line).
    assert!(found.iter().all(|f| f.4.is_some()), "{name}: {found:?}");
    let found: Vec<_> = found
        .into_iter()
        .map(|(s, c, p, l, _)| (s, c, p, l))
        .collect();
    assert_eq!(
        found,
        vec![(severity, code, pointer.map(str::to_owned), Some(line))],
        "{name}"
    );
}

#[test]
fn each_error_is_reported_at_its_pointer_and_line() {
    use Code::*;
    use Severity::Error;
    one("wrong-format.json", Error, WrongFormat, Some("/format"), 2);
    one(
        "bad-reliability.json",
        Error,
        BadValue,
        Some("/sources/0/reliability/rating"),
        16,
    );
    one(
        "missing-field.json",
        Error,
        MissingField,
        Some("/topics/0/claims/0"),
        23,
    );
    one(
        "wrong-type.json",
        Error,
        WrongType,
        Some("/topics/0/claims"),
        22,
    );
    one(
        "bad-id.json",
        Error,
        BadId,
        Some("/topics/0/claims/0/id"),
        24,
    );
    one(
        "bad-date.json",
        Error,
        BadDate,
        Some("/topics/0/claims/0/date"),
        30,
    );
    one(
        "duplicate-id.json",
        Error,
        DuplicateId,
        Some("/topics/0/claims/1/id"),
        32,
    );
    one(
        "unknown-source.json",
        Error,
        UnknownSource,
        Some("/topics/0/claims/0/sources/1"),
        29,
    );
    one("bad-url.json", Error, BadUrl, Some("/sources/0/url"), 13);
    one(
        "empty-text.json",
        Error,
        EmptyText,
        Some("/topics/0/claims/0/text"),
        26,
    );
    one(
        "bad-value.json",
        Error,
        BadValue,
        Some("/sources/0/kind"),
        14,
    );
    one(
        "dispute-mismatch.json",
        Error,
        DisputeMismatch,
        Some("/dispute"),
        3,
    );
    one(
        "duplicate-party.json",
        Error,
        DuplicateParty,
        Some("/party/id"),
        5,
    );
    one(
        "duplicate-claim-across-sides.json",
        Error,
        DuplicateId,
        Some("/topics/0/claims/0/id"),
        24,
    );
}

#[test]
fn a_claim_id_used_by_another_side_names_that_sides_file() {
    let loaded = load_paths(&[
        fixture("good.json"),
        fixture("duplicate-claim-across-sides.json"),
    ]);
    let said = loaded
        .report
        .diagnostics
        .iter()
        .find(|d| d.code == Code::DuplicateId)
        .map(|d| d.message.clone())
        .unwrap_or_default();
    let good = fixture("good.json").display().to_string();
    // With the line and column of its use there, as a repeated key's first is given.
    assert!(
        said.ends_with(&format!("another side ({good}, line 24, column 11)")),
        "{said}"
    );
}

/// A claim, topic or source id used twice in one file names its first use by line and column,
/// as a repeated key does: it was named by a pointer (`is already used by /topics/0/claims/0`).
#[test]
fn an_id_used_twice_in_a_file_names_the_first_use_by_line() {
    let said: Vec<String> = load_paths(&[fixture("good.json"), fixture("duplicate-id.json")])
        .report
        .diagnostics
        .into_iter()
        .filter(|d| d.code == Code::DuplicateId)
        .map(|d| d.message)
        .collect();
    assert_eq!(
        said,
        ["claim id `r1` is already used (first at line 24, column 11)"],
        "{said:?}"
    );
    let text = red().replacen(
        "\"topics\": [",
        "\"topics\": [{\"id\": \"t1\", \"title\": \"Again\", \"claims\": []},",
        1,
    );
    let found = side_text_problems(&text);
    let repeat: Vec<&String> = found
        .iter()
        .filter(|(c, _)| *c == Code::DuplicateId)
        .map(|(_, m)| m)
        .collect();
    assert_eq!(repeat.len(), 1, "{found:?}");
    assert!(
        repeat[0].contains("id `t1` is already used (first at line 18, column 15)"),
        "{found:?}"
    );
    assert!(!repeat[0].contains("used by /topics/"), "{found:?}");
}

#[test]
fn an_export_named_as_a_side_file_is_said_to_be_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let export = dir.path().join("export.json");
    std::fs::write(
        &export,
        r#"{"format": "parallax-export/1", "dispute": {"id": "demo"}, "topics": []}"#,
    )
    .expect("written");
    let loaded = load_paths(&[fixture("good.json"), export]);
    let said: Vec<String> = loaded
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::WrongFormat)
        .map(|d| d.to_string())
        .collect();
    assert!(
        said.iter()
            .any(|s| s.contains("this is an export") && s.contains("name the dispute")),
        "{said:?}"
    );
    // Only that is said of the file: not its missing `party` and its unknown `left`, which
    // buried it.
    let of_export: Vec<&parallax::load::Diagnostic> = loaded
        .report
        .diagnostics
        .iter()
        .filter(|d| d.file.ends_with("export.json") && d.code != Code::TooFewSides)
        .collect();
    assert_eq!(of_export.len(), 1, "{of_export:?}");
}

#[test]
fn syntax_and_encoding_errors_give_line_and_column() {
    assert_eq!(
        problems("syntax.json"),
        vec![(Severity::Error, Code::Syntax, None, Some(4), Some(3))]
    );
    assert_eq!(
        problems("not-utf8.json"),
        vec![(Severity::Error, Code::NotUtf8, None, Some(3), Some(16))]
    );
}

#[test]
fn each_warning_is_reported_at_its_pointer_and_line() {
    use Code::*;
    use Severity::Warning;
    one(
        "unknown-field.json",
        Warning,
        UnknownField,
        Some("/topics/0/claims/0/mood"),
        30,
    );
    one(
        "unsourced.json",
        Warning,
        Unsourced,
        Some("/topics/0/claims/0"),
        23,
    );
    one(
        "unresolved-rebuttal.json",
        Warning,
        UnresolvedRebuttal,
        Some("/topics/0/claims/0/rebuts/1"),
        32,
    );
    one(
        "unknown-affiliation.json",
        Warning,
        UnknownAffiliation,
        Some("/sources/0/affiliation"),
        15,
    );
    one(
        "untrusted-text.json",
        Warning,
        UntrustedText,
        Some("/topics/0/claims/0/text"),
        26,
    );
}

#[test]
fn untrusted_text_warning_names_the_claim_and_code_points_and_flags_the_claim() {
    let loaded = load_paths(&[fixture("good.json"), fixture("untrusted-text.json")]);
    let d = &loaded.report.diagnostics[0];
    assert!(d.message.contains("claim `r1`"), "{}", d.message);
    assert!(d.message.contains("U+202E") && d.message.contains("U+001B"));
    let dispute = loaded.dispute.expect("both sides load with a warning");
    let at = dispute.find_claim("r1").expect("claim r1");
    let claim = dispute.claim(at).expect("claim");
    assert_eq!(claim.text, "Red ⟨U+202E⟩says␛[2J one.");
    assert_eq!(claim.flagged, vec!['\u{202e}', '\u{1b}']);
}

#[test]
fn manifest_warnings_name_topics_and_points_it_lacks() {
    let loaded = load_paths(&[fixture("manifest")]);
    let found: Vec<_> = loaded
        .report
        .diagnostics
        .iter()
        .map(|d| (d.code, d.pointer.clone().unwrap_or_default(), d.line))
        .collect();
    assert_eq!(
        found,
        vec![
            (
                Code::PointNotInManifest,
                "/topics/0/claims/1/point".to_owned(),
                Some(33)
            ),
            (
                Code::TopicNotInManifest,
                "/topics/1/id".to_owned(),
                Some(42)
            ),
        ]
    );
    assert!(loaded.dispute.is_some());
}

#[test]
fn every_error_of_a_file_is_collected_in_one_pass() {
    let codes: Vec<Code> = problems("many-errors.json")
        .into_iter()
        .map(|p| p.1)
        .collect();
    assert_eq!(
        codes,
        vec![Code::WrongFormat, Code::BadDate, Code::EmptyText]
    );
}

#[test]
fn a_file_with_errors_never_half_loads() {
    let loaded = load_paths(&[
        fixture("good.json"),
        fixture("bad-date.json"),
        fixture("red.json"),
    ]);
    let dispute = loaded.dispute.expect("good and red load");
    let parties: Vec<&str> = dispute.sides.iter().map(|s| s.party.id.as_str()).collect();
    assert_eq!(parties, vec!["blue", "red"]);
    // Only red.json's claim r1 exists: nothing of bad-date.json (also party red) got in.
    assert_eq!(dispute.claim_count(1), 1);
    // Its date, that it is red.json's party too and that its claim id r1 is red.json's too,
    // said at once (they were said only once its date was fixed); never an error of
    // red.json, which loads.
    let said: Vec<(Code, &str)> = loaded
        .report
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| (d.code, d.file.as_str()))
        .collect();
    assert_eq!(said.len(), 3, "{said:?}");
    assert!(
        said.iter().all(|(_, file)| file.ends_with("bad-date.json")),
        "{said:?}"
    );
    for code in [Code::DuplicateParty, Code::DuplicateId] {
        assert!(said.iter().any(|(c, _)| *c == code), "{said:?}");
    }
}

/// Each diagnostic of loading `folder`: its code and its file's name.
fn codes_by_file(folder: &std::path::Path) -> Vec<(Code, String)> {
    load_paths(&[folder.to_path_buf()])
        .report
        .diagnostics
        .iter()
        .map(|d| {
            let name = d.file.rsplit('/').next().unwrap_or_default();
            (d.code, name.to_owned())
        })
        .collect()
}

/// Files with errors of their own are checked against each other too: one run of `validate`
/// says that two of them have one party and that a third belongs to another dispute.
#[test]
fn files_with_errors_are_checked_against_each_other_at_once() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let bad_date = |text: &str| text.replace("\"2025-05-01\"", "\"2025-02-30\"");
    let red = red();
    std::fs::write(dir.path().join("a.json"), bad_date(&red)).expect("written");
    std::fs::write(
        dir.path().join("b.json"),
        bad_date(&red.replace("\"r1\"", "\"r2\"")),
    )
    .expect("written");
    let other = red
        .replace("\"dispute\": \"demo\"", "\"dispute\": \"other\"")
        .replace("\"red\"", "\"green\"")
        .replace("\"r1\"", "\"g1\"");
    std::fs::write(dir.path().join("c.json"), bad_date(&other)).expect("written");
    let codes = codes_by_file(dir.path());
    assert!(
        codes.contains(&(Code::DuplicateParty, "b.json".to_owned())),
        "{codes:?}"
    );
    assert!(
        codes.contains(&(Code::DisputeMismatch, "c.json".to_owned())),
        "{codes:?}"
    );
    // Under a manifest, a file with no error of its own but another dispute, and the party of
    // a file that failed before it: both said.
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("a.json"), bad_date(&red)).expect("written");
    let mismatched = red
        .replace("\"dispute\": \"demo\"", "\"dispute\": \"elsewhere\"")
        .replace("\"r1\"", "\"r4\"");
    std::fs::write(dir.path().join("d.json"), mismatched).expect("written");
    let manifest = serde_json::json!({"format": "parallax/1",
        "dispute": {"id": "demo", "title": "Demo"}, "sides": ["a.json", "d.json"]});
    std::fs::write(dir.path().join("dispute.json"), manifest.to_string()).expect("written");
    let said = codes_by_file(dir.path());
    for code in [Code::DisputeMismatch, Code::DuplicateParty] {
        assert!(said.contains(&(code, "d.json".to_owned())), "{said:?}");
    }
}

/// A side whose party name or dispute id is wrong is still checked against the others: its
/// party and claim ids taken by a side that loads are said in the same run (they were said
/// only once the name or the id was fixed, as errors of other fields already were).
#[test]
fn a_wrong_party_name_or_dispute_still_checks_the_side_against_the_others() {
    let red = red();
    for (what, broken) in [
        (
            "an empty name",
            red.replacen("\"name\": \"Red\"", "\"name\": \"\"", 1),
        ),
        (
            "a name of a number",
            red.replacen("\"name\": \"Red\"", "\"name\": 5", 1),
        ),
        (
            "a dispute not an id",
            red.replacen("\"dispute\": \"demo\"", "\"dispute\": \"Demo X\"", 1),
        ),
    ] {
        assert_ne!(broken, red, "{what}: the fixture changed");
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::write(dir.path().join("a.json"), &red).expect("written");
        std::fs::write(dir.path().join("b.json"), &broken).expect("written");
        let said = codes_by_file(dir.path());
        for code in [Code::DuplicateParty, Code::DuplicateId] {
            assert!(
                said.contains(&(code, "b.json".to_owned())),
                "{what}: {said:?}"
            );
        }
        assert!(
            !said.iter().any(|(c, _)| *c == Code::DisputeMismatch),
            "{what}: {said:?}"
        );
    }
}

/// A claim id that a file with errors of its own shares with a later file is said in the same
/// run, not once those errors are fixed: on the file with errors when the other loads, and on
/// the later file when neither does.
#[test]
fn a_claim_id_shared_with_a_file_with_errors_is_said_at_once() {
    let bad_date = |text: &str| text.replace("\"2025-05-01\"", "\"2025-02-30\"");
    let red = red();
    let green = red.replace("\"red\"", "\"green\"");
    // a.json and b.json, loaded as a folder.
    let two = |first: &str, second: &str| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::write(dir.path().join("a.json"), first).expect("written");
        std::fs::write(dir.path().join("b.json"), second).expect("written");
        load_paths(&[dir.path().to_path_buf()])
    };
    let id_errors = |first: &str, second: &str| {
        two(first, second)
            .report
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::DuplicateId)
            .map(|d| {
                let name = d.file.rsplit('/').next().unwrap_or_default().to_owned();
                (name, d.pointer.clone(), d.message.clone())
            })
            .collect::<Vec<_>>()
    };
    let said = id_errors(&bad_date(&red), &green);
    assert_eq!(said.len(), 1, "{said:?}");
    let (file, pointer, message) = &said[0];
    assert_eq!(file, "a.json", "{said:?}");
    assert!(
        pointer.as_deref().is_some_and(|p| p.ends_with("/id")),
        "{said:?}"
    );
    // The other use is located, as when the files are named the other way round.
    assert!(message.contains("by a side that loads ("), "{message}");
    assert!(message.contains("b.json, line "), "{message}");
    // At its own place in a.json, wherever the id stands in b.json.
    let place = |first: &str, second: &str| {
        two(first, second)
            .report
            .diagnostics
            .iter()
            .find(|d| d.code == Code::DuplicateId)
            .map(|d| (d.line, d.column))
    };
    let moved = format!("\n\n\n\n\n{}", green.replace('\n', "\n      "));
    let at = place(&bad_date(&red), &green);
    assert!(at.is_some_and(|(line, _)| line.is_some()), "{at:?}");
    assert_eq!(place(&bad_date(&red), &moved), at);
    let said = id_errors(&bad_date(&red), &bad_date(&green));
    assert_eq!(said.len(), 1, "{said:?}");
    let (file, _, message) = &said[0];
    assert_eq!(file, "b.json", "{said:?}");
    assert!(message.contains("a.json, which did not load"), "{message}");
    // A third file with errors that shares it with both: one error at its place, not two.
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("a.json"), bad_date(&red)).expect("written");
    std::fs::write(dir.path().join("b.json"), &green).expect("written");
    let blue = red.replace("\"red\"", "\"blue\"");
    std::fs::write(dir.path().join("c.json"), bad_date(&blue)).expect("written");
    let loaded = load_paths(&[dir.path().to_path_buf()]);
    let mut places: Vec<(String, Option<String>)> = loaded
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::DuplicateId)
        .map(|d| (d.file.clone(), d.pointer.clone()))
        .collect();
    let all = places.len();
    places.dedup();
    assert_eq!(places.len(), all, "{places:?}");
}

#[test]
fn fewer_than_two_sides_is_an_error() {
    let loaded = load_paths(&[fixture("good.json")]);
    assert!(loaded.dispute.is_none());
    assert_eq!(loaded.report.diagnostics[0].code, Code::TooFewSides);
}

#[test]
fn an_unreadable_file_is_reported_by_name() {
    let loaded = load_paths(&[fixture("good.json"), fixture("no-such-file.json")]);
    let d = &loaded.report.diagnostics[0];
    assert_eq!(d.code, Code::Unreadable);
    assert!(d.file.ends_with("no-such-file.json"));
    assert!(d.to_string().contains("no such file"));
}

#[test]
fn diagnostics_print_file_line_code_pointer_and_expectation() {
    let loaded = load_paths(&[fixture("good.json"), fixture("bad-date.json")]);
    let line = loaded.report.diagnostics[0].to_string();
    assert!(
        line.ends_with(
            "bad-date.json:30:11: error[bad-date] at /topics/0/claims/0/date: \"2025-02-30\" is not a real calendar date: February has 28 days; expected a real calendar date"
        ),
        "{line}"
    );
}

#[test]
fn in_memory_loading_matches_files() {
    let mut loader = Loader::new();
    let good = std::fs::read(fixture("good.json")).expect("fixture");
    let red = std::fs::read(fixture("red.json")).expect("fixture");
    loader.side("good.json", &good);
    loader.side("red.json", &red);
    let loaded = loader.finish();
    assert!(loaded.report.is_clean());
    assert_eq!(loaded.dispute.map(|d| d.sides.len()), Some(2));
}

#[test]
fn a_manifest_can_only_name_regular_files_as_sides() {
    // zero.json links to /dev/zero, which would never finish reading; it is reported, not read.
    let loaded = load_paths(&[fixture("manifest-device")]);
    let found: Vec<(Code, String)> = loaded
        .report
        .diagnostics
        .iter()
        .map(|d| (d.code, d.to_string()))
        .collect();
    let has = |code: Code, words: &[&str]| {
        found
            .iter()
            .any(|(c, text)| *c == code && words.iter().all(|w| text.contains(w)))
    };
    assert!(
        has(Code::Unreadable, &["zero.json", "not a regular file"]),
        "{found:?}"
    );
    assert!(
        has(Code::Unreadable, &["missing.json", "no such file"]),
        "{found:?}"
    );
    // The file not there says why the sides are too few.
    assert!(!has(Code::TooFewSides, &[]), "{found:?}");
    assert!(loaded.dispute.is_none());
}

#[test]
fn a_manifest_side_outside_its_folder_is_refused_by_name() {
    let loaded = load_paths(&[fixture("manifest-outside")]);
    let outside: Vec<(Option<&str>, String)> = loaded
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::OutsideFolder)
        .map(|d| (d.pointer.as_deref(), d.to_string()))
        .collect();
    assert_eq!(outside.len(), 2, "{outside:?}");
    assert_eq!(outside[0].0, Some("/sides/1"));
    assert!(outside[0].1.contains("\"../good.json\""), "{outside:?}");
    assert!(outside[0].1.contains("dispute.json:4:"), "{outside:?}");
    assert!(outside[1].1.contains("\"/etc/hostname\""), "{outside:?}");
    // Neither file was read: only the manifest and red.json are named.
    assert_eq!(loaded.files.len(), 2, "{:?}", loaded.files);
    assert!(loaded.dispute.is_none());
    // Every diagnostic names one file (a script opens it): too few sides names the file kept
    // out in its message ("dispute.json, red.json" was its file).
    for d in &loaded.report.diagnostics {
        assert!(std::path::Path::new(&d.file).is_file(), "{d}");
    }
    assert!(
        loaded
            .report
            .diagnostics
            .iter()
            .any(|d| d.code == Code::TooFewSides
                && d.file.ends_with("dispute.json")
                && d.message.contains("dispute.json did not"))
    );
}

/// Loads one in-memory side beside the good fixture; returns its diagnostics as printed.
fn side_text_problems(text: &str) -> Vec<(Code, String)> {
    side_bytes_problems(text.as_bytes())
}

/// The problems of a side file of these bytes, loaded beside a good one (but too few sides,
/// which follows from its errors: see `too_few_sides_names_the_file_kept_out`).
fn side_bytes_problems(bytes: &[u8]) -> Vec<(Code, String)> {
    let good = std::fs::read(fixture("good.json")).expect("fixture");
    let mut loader = Loader::new();
    loader.side("good.json", &good);
    loader.side("other.json", bytes);
    loader
        .finish()
        .report
        .diagnostics
        .iter()
        .filter(|d| d.file == "other.json" && d.code != Code::TooFewSides)
        .map(|d| (d.code, d.to_string()))
        .collect()
}

fn red() -> String {
    std::fs::read_to_string(fixture("red.json")).expect("fixture")
}

#[test]
fn a_repeated_key_is_an_error_naming_both_lines() {
    let text = red().replacen(
        "\"name\": \"Red\"",
        "\"name\": \"Red\",\n    \"name\": \"Rot\"",
        1,
    );
    let found = side_text_problems(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, Code::DuplicateKey);
    assert!(
        found[0]
            .1
            .starts_with("other.json:7:5: error[duplicate-key] at /party/name:"),
        "{found:?}"
    );
    assert!(
        found[0].1.contains("(first at line 6, column 5)"),
        "{found:?}"
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let found = side_text_problems(&format!("\u{feff}{}", red()));
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn an_oversized_id_or_key_is_shortened_in_messages() {
    let long = "X".repeat(50_000);
    let text = red()
        .replacen("\"id\": \"r1\"", &format!("\"id\": \"{long}\""), 1)
        .replacen("\"text\"", &format!("\"{long}\": 1, \"text\""), 1);
    let found = side_text_problems(&text);
    let codes: Vec<Code> = found.iter().map(|f| f.0).collect();
    assert!(codes.contains(&Code::BadId), "{codes:?}");
    assert!(codes.contains(&Code::UnknownField), "{codes:?}");
    for (_, line) in &found {
        assert!(line.len() < 600, "{} characters: {line:.200}", line.len());
        if line.contains("XXXX") {
            assert!(line.contains("… (50000 characters)"), "{line:.300}");
        }
    }
}

#[test]
fn a_second_manifest_has_its_own_code() {
    let manifest = std::fs::read(fixture("manifest/dispute.json")).expect("fixture");
    let mut loader = Loader::new();
    let _ = loader.manifest("a/dispute.json", &manifest);
    let _ = loader.manifest("b/dispute.json", &manifest);
    let loaded = loader.finish();
    let second: Vec<&str> = loaded
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::SecondManifest)
        .map(|d| d.file.as_str())
        .collect();
    assert_eq!(second, ["b/dispute.json"]);
}

/// A tab or a CRLF in a text is laid out (spaces, a line break), not hidden: no warning that
/// would list no code point.
#[test]
fn a_tab_or_crlf_in_a_text_is_laid_out_without_a_warning() {
    let text = red();
    let at = text.find("\"text\": \"").expect("a claim text") + "\"text\": \"".len();
    let text = format!(
        "{}Tab\\there, CRLF\\r\\nthere. {}",
        &text[..at],
        &text[at..]
    );
    let found = side_text_problems(&text);
    assert!(found.is_empty(), "{found:?}");
}

/// JSON nested too deep is not a missing comma: the expectation says what is wrong.
#[test]
fn nesting_too_deep_is_said_as_such() {
    let deep = format!("{{\"format\": {}{}}}", "[".repeat(300), "]".repeat(300));
    let found = side_text_problems(&deep);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].1.contains("recursion limit"), "{found:?}");
    assert!(
        found[0].1.contains("nested fewer than 128 levels"),
        "{found:?}"
    );
    assert!(!found[0].1.contains("missing comma"), "{found:?}");
}

/// A comma left after the last field or item (a hand edit) is said as such, in an object or
/// a list, on the bracket's line or the line before it: not as a missing comma.
#[test]
fn a_trailing_comma_is_said_as_such() {
    let text = red();
    // Each edit, and text just before its comma, where the error is said to be (an editor
    // goes there; it was at the bracket, a line below).
    for (what, edited, before) in [
        (
            "}",
            text.replacen(
                "\"format\": \"parallax/1\"",
                "\"format\": \"parallax/1\", }",
                1,
            ),
            "\"format\": \"parallax/1\"",
        ),
        (
            "]",
            text.replacen("    }\n  ],", "    },\n  ],", 1),
            "    }",
        ),
        ("}", text.replacen("{", "{\"x\": 1,\n}", 1), "{\"x\": 1"),
    ] {
        let found = side_text_problems(&edited);
        assert_eq!(found.len(), 1, "{found:?}");
        let comma = edited.find(&format!("{before},")).expect("the edit") + before.len();
        let line = edited[..comma].matches('\n').count() + 1;
        let column = comma - edited[..comma].rfind('\n').map_or(0, |i| i + 1) + 1;
        assert!(
            found[0]
                .1
                .starts_with(&format!("other.json:{line}:{column}: ")),
            "{line}:{column} {found:?}"
        );
        assert!(
            found[0]
                .1
                .contains(&format!("a comma before `{what}` with nothing after it")),
            "{found:?}"
        );
        assert!(!found[0].1.contains("missing comma"), "{found:?}");
    }
}

/// Two commas in a row (a field deleted by hand) are said as such, at the second: it was
/// "key must be a string … check for a missing comma", the opposite of what to do.
#[test]
fn two_commas_in_a_row_are_said_as_such() {
    let text = red();
    for edited in [
        text.replacen(
            "\"format\": \"parallax/1\",",
            "\"format\": \"parallax/1\",,",
            1,
        ),
        text.replacen(
            "\"format\": \"parallax/1\",",
            "\"format\": \"parallax/1\",\n  ,",
            1,
        ),
        text.replacen("\"s1\"\n          ]", "\"s1\", , \"s1\"\n          ]", 1),
    ] {
        assert_ne!(edited, text);
        let found = side_text_problems(&edited);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1.contains("two commas in a row"), "{found:?}");
        assert!(!found[0].1.contains("missing comma"), "{found:?}");
    }
    // A comma before the first field or item is said as such too.
    for (edited, opening) in [
        (text.replacen("\"sources\": [", "\"sources\": [,", 1), '['),
        (text.replacen("{", "{,", 1), '{'),
    ] {
        let found = side_text_problems(&edited);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .1
                .contains(&format!("a comma just after `{opening}`, before anything")),
            "{found:?}"
        );
        assert!(!found[0].1.contains("missing comma"), "{found:?}");
    }
}

/// A date written with one-digit parts or other separators, its meaning plain, is said with
/// how to write it; a spreadsheet's day number is said to be one (both were only "is not
/// written as YYYY, YYYY-MM or YYYY-MM-DD").
#[test]
fn a_date_written_otherwise_is_said_with_how_to_write_it() {
    let text = red();
    for (date, said) in [
        (
            "2024-3-5",
            "\"2024-3-5\" is not written as YYYY, YYYY-MM or YYYY-MM-DD: write `2024-03-05`",
        ),
        ("2025/05/03", "write `2025-05-03`"),
        ("2025-5", "write `2025-05`"),
        (
            "45780",
            "\"45780\" is a spreadsheet's day number: format the column as text (YYYY-MM-DD) before saving",
        ),
    ] {
        let (bad, found) = bad_dates(&text, date);
        assert_eq!(bad.len(), 1, "{date}: {found:?}");
        assert!(bad[0].contains(said), "{date}: {found:?}");
    }
}

/// The `bad-date` messages of the red fixture (`text`) with its first date written as `date`,
/// and every problem found.
fn bad_dates(text: &str, date: &str) -> (Vec<String>, Vec<(Code, String)>) {
    let edited = text.replacen(
        "\"date\": \"2025-05-01\"",
        &format!("\"date\": \"{date}\""),
        1,
    );
    assert_ne!(edited, text);
    let found = side_text_problems(&edited);
    let bad = found
        .iter()
        .filter(|(c, _)| *c == Code::BadDate)
        .map(|(_, m)| m.clone())
        .collect();
    (bad, found)
}

/// A date written in words (`May 3, 2025`, `3 May 2025`), as an ISO date-time or with a space
/// after it is said with the exact date to write, once: they got only the rule, said twice ("is
/// not written as YYYY, YYYY-MM or YYYY-MM-DD; expected a date written YYYY, YYYY-MM or
/// YYYY-MM-DD"). A date that is day first or month first (`12/05/2024`) is never guessed.
#[test]
fn a_date_whose_meaning_is_plain_is_said_with_the_date_to_write() {
    let text = red();
    for (date, said) in [
        (
            "May 3, 2025",
            "\"May 3, 2025\" is not written as YYYY, YYYY-MM or YYYY-MM-DD: write `2025-05-03`",
        ),
        ("3 May 2025", "write `2025-05-03`"),
        ("3 may, 2025", "write `2025-05-03`"),
        ("Sep. 30 2025", "write `2025-09-30`"),
        ("September 2025", "write `2025-09`"),
        ("2025-05-03T10:00:00Z", "write `2025-05-03`"),
        ("2025-05-03 10:00", "write `2025-05-03`"),
        ("2025-05-03 ", "write `2025-05-03`"),
        (" 2025/5/3", "write `2025-05-03`"),
    ] {
        let (bad, found) = bad_dates(&text, date);
        assert_eq!(bad.len(), 1, "{date}: {found:?}");
        assert!(bad[0].contains(said), "{date}: {found:?}");
        assert_eq!(bad[0].matches("YYYY-MM-DD").count(), 1, "{date}: {found:?}");
    }
    for date in [
        "12/05/2024",
        "May 32, 2025",
        "Feb 29 2025",
        "3 Mai 2025",
        "2025-05-03T25:00",
    ] {
        let edited = text.replacen(
            "\"date\": \"2025-05-01\"",
            &format!("\"date\": \"{date}\""),
            1,
        );
        let found = side_text_problems(&edited);
        let bad: Vec<&String> = found
            .iter()
            .filter(|(c, _)| *c == Code::BadDate)
            .map(|(_, m)| m)
            .collect();
        assert_eq!(bad.len(), 1, "{date}: {found:?}");
        assert!(!bad[0].contains("write `"), "{date}: {found:?}");
        assert!(
            bad[0].contains("expected a date such as `2025-05-03`"),
            "{date}: {found:?}"
        );
    }
}

/// A comment, a string in single quotes and two objects joined (JSON as another language or
/// a paste writes it; README's `new` example holds comments) are each said as what they are,
/// with what to do: they were said as "key must be a string", a missing comma.
#[test]
fn a_comment_single_quotes_or_a_second_object_are_said_as_such() {
    let text = red();
    let last = text.trim_end().lines().count();
    for (edited, said) in [
        (
            text.replacen(
                "\"format\": \"parallax/1\",",
                "\"format\": \"parallax/1\", // the format",
                1,
            ),
            "a comment, `// the format`: JSON has no comments; expected the comment deleted"
                .to_owned(),
        ),
        (
            text.replacen("\"format\"", "'format'", 1),
            "a string in single quotes, `'format'`: JSON strings take double quotes".to_owned(),
        ),
        (
            format!("{text}{text}"),
            format!("a second value after the first one, which ends at {last}:1: a side file"),
        ),
    ] {
        let found = side_text_problems(&edited);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1.contains(&said), "{found:?}");
        assert!(!found[0].1.contains("missing comma"), "{found:?}");
    }
    // A `#` after a backslash in a string is a bad escape, no comment.
    let escape = side_text_problems(&text.replacen("\"parallax/1\"", "\"parallax\\#1\"", 1));
    assert!(!escape[0].1.contains("comment"), "{escape:?}");
}

/// An empty file, a file cut short and a raw control character in a string are each said as
/// what they are, with what to do, not as a missing comma.
#[test]
fn an_empty_a_cut_off_and_a_raw_control_character_are_said_as_such() {
    let empty = side_text_problems(" \n");
    assert_eq!(empty.len(), 1, "{empty:?}");
    assert!(empty[0].1.contains("the file is empty"), "{empty:?}");
    let text = red();
    let cut = side_text_problems(&text[..text.len() / 2]);
    assert_eq!(cut.len(), 1, "{cut:?}");
    assert!(cut[0].1.contains("ends before its JSON does"), "{cut:?}");
    assert!(cut[0].1.contains("cut off"), "{cut:?}");
    let raw = side_text_problems(&text.replacen("\"text\": \"", "\"text\": \"\u{0}", 1));
    assert_eq!(raw.len(), 1, "{raw:?}");
    assert!(raw[0].1.contains("`\\u0000`"), "{raw:?}");
    for found in [empty, cut, raw] {
        assert!(!found[0].1.contains("missing comma"), "{found:?}");
    }
}

/// A side file saved as UTF-16 (Windows' "Unicode"), with a byte order mark or without one, is
/// named as UTF-16 with how to save it, not as bad JSON at line 1.
#[test]
fn a_utf16_file_is_named_as_such() {
    let units: Vec<u16> = red().encode_utf16().collect();
    let le: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
    let be_bom: Vec<u8> = [0xfeff_u16]
        .iter()
        .chain(&units)
        .flat_map(|u| u.to_be_bytes())
        .collect();
    for bytes in [le, be_bom] {
        let said = side_bytes_problems(&bytes);
        assert_eq!(said.len(), 1, "{said:?}");
        assert_eq!(said[0].0, Code::NotUtf8, "{said:?}");
        assert!(said[0].1.contains("UTF-16"), "{said:?}");
        assert!(said[0].1.contains("saved as UTF-8"), "{said:?}");
    }
}

/// A `sources` entry of the wrong kind is its error alone: the claim is not also said to cite
/// no source.
#[test]
fn a_source_of_the_wrong_kind_is_not_also_no_source() {
    let text = red().replacen(
        "\"sources\": [\n            \"s1\"\n          ]",
        "\"sources\": [{\"id\": 5}]",
        1,
    );
    let found = side_text_problems(&text);
    let codes: Vec<Code> = found.iter().map(|f| f.0).collect();
    assert_eq!(codes, [Code::WrongType], "{found:?}");
}

/// A text of characters that show nothing (a zero-width space, a direction mark) is empty, as
/// one of blanks is: it loaded with only an untrusted-text warning, a claim that says nothing.
/// A word with such a character beside it is text, warned about.
#[test]
fn a_text_that_shows_nothing_is_empty() {
    let text = red();
    let first = text
        .split("\"text\": \"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a claim text")
        .to_owned();
    for (hidden, named) in [
        ("\\u200b", "(U+200B)"),
        ("\\u200b\\u200e \\u200b", "(U+200B, U+200E)"),
    ] {
        let found = side_text_problems(&text.replacen(&first, hidden, 1));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, Code::EmptyText, "{found:?}");
        assert!(
            found[0].1.contains(&format!(
                "is empty but for characters that show nothing {named}"
            )),
            "{found:?}"
        );
    }
    let found = side_text_problems(&text.replacen(&first, "a\\u200b", 1));
    let codes: Vec<Code> = found.iter().map(|f| f.0).collect();
    assert_eq!(codes, [Code::UntrustedText], "{found:?}");
}

/// A source that repeats an id and has a problem of its own gets both reported in one pass.
#[test]
fn a_repeated_source_id_is_reported_even_when_that_source_has_another_problem() {
    let text = red().replacen(
        "  \"sources\": [\n",
        "  \"sources\": [\n    {\"id\": \"s1\", \"outlet\": \"\"},\n",
        1,
    );
    let found = side_text_problems(&text);
    let codes: Vec<Code> = found.iter().map(|f| f.0).collect();
    assert!(codes.contains(&Code::EmptyText), "{found:?}");
    assert!(codes.contains(&Code::DuplicateId), "{found:?}");
}

#[test]
fn a_bad_url_names_what_is_wrong_with_it() {
    let with_url = |url: &str| {
        side_text_problems(&red().replacen(
            "\"url\": \"https://example.org/a\"",
            &format!("\"url\": {}", serde_json::to_string(url).expect("a string")),
            1,
        ))
    };
    let found = with_url("https://fwu.example.org/bulletin 0201");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, Code::BadUrl);
    assert!(
        found[0].1.ends_with(
            "error[bad-url] at /sources/0/url: \"https://fwu.example.org/bulletin 0201\" holds a \
             space at character 33; expected a url without spaces or control characters (write \
             a space as %20)"
        ),
        "{found:?}"
    );
    let found = with_url("https://a.example/\tb");
    assert!(
        found[0].1.contains("holds a tab (U+0009) at character 19"),
        "{found:?}"
    );
    let found = with_url("https://a.example/\u{1}b");
    assert!(
        found[0]
            .1
            .contains("holds a control character (U+0001) at character 19"),
        "{found:?}"
    );
    let found = with_url("https://");
    assert!(
        found[0].1.contains("has no address after the scheme"),
        "{found:?}"
    );
    let found = with_url("ftp://a.example/b");
    assert!(
        found[0].1.contains(
            "is not an http or https url; expected an address starting with http:// or https://"
        ),
        "{found:?}"
    );
    // What a browser cannot open, as the URL standard says (they passed).
    for (url, why) in [
        ("https://[::1", "invalid IPv6 address"),
        ("https://example.org:99999/", "invalid port number"),
        ("https://user@:80/", "empty host"),
    ] {
        let found = with_url(url);
        assert_eq!(found.len(), 1, "{url}: {found:?}");
        assert!(
            found[0]
                .1
                .contains(&format!("is not an address a browser can open: {why}")),
            "{found:?}"
        );
    }
    // Addresses a browser opens pass: a path and a host not in ASCII.
    for url in [
        "https://ur.wikipedia.org/wiki/پاکستان",
        "https://例子.测试/",
        "https://[::1]:8080/x",
    ] {
        assert!(with_url(url).is_empty(), "{url}: {:?}", with_url(url));
    }
}

/// Every diagnostic code is listed where users look for it: the README's "Problems parallax
/// reports" and the format reference's table.
#[test]
fn every_code_is_documented() {
    use strum::IntoEnumIterator;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for doc in ["README.md", "docs/format.md"] {
        let text = std::fs::read_to_string(root.join(doc)).expect("readable");
        let missing: Vec<&str> = Code::iter()
            .map(Code::name)
            .filter(|name| {
                !text
                    .lines()
                    .any(|l| l.starts_with('|') && l.contains(&format!("`{name}`")))
            })
            .collect();
        assert!(missing.is_empty(), "{doc} lists no {missing:?}");
    }
}

#[test]
fn a_misspelled_field_is_named_with_the_field_it_likely_meant() {
    let text = red().replacen("\"text\": \"Red says one.\"", "\"text\": \"Red says one.\", \"speeker\": \"Someone\", \"Date\": \"2025\", \"mood\": \"calm\"", 1);
    let found = side_text_problems(&text);
    let line = |key: &str| {
        found
            .iter()
            .find(|(code, line)| *code == Code::UnknownField && line.contains(&format!("/{key}:")))
            .map(|(_, line)| line.clone())
            .unwrap_or_else(|| panic!("no warning for {key}: {found:?}"))
    };
    let fields = "expected one of this object's fields: `id`, `point`, `text`, `date`, \
                  `speaker`, `sources`, `tags`, `rebuts`, `relations`, `assessment` (a newer \
                  program may know this one)";
    assert!(
        line("speeker").ends_with(&format!(
            "warning[unknown-field] at /topics/0/claims/0/speeker: unknown field `speeker` is \
             ignored (did you mean `speaker`?); {fields}"
        )),
        "{found:?}"
    );
    assert!(line("Date").contains("(did you mean `date`?)"), "{found:?}");
    // Nothing near: no guess, and the fields are listed rather than a file the user lacks.
    let mood = line("mood");
    assert!(!mood.contains("did you mean"), "{mood}");
    assert!(mood.ends_with(fields), "{mood}");
    assert!(
        !found.iter().any(|(_, l)| l.contains("docs/format.md")),
        "{found:?}"
    );
}

/// A period that ends before it starts is a warning at the period, naming both dates; a period
/// whose end is a whole month is judged by the month's last day, and so is not reversed.
#[test]
fn a_reversed_period_is_a_warning() {
    let periods = |from: &str, to: &str| {
        let dir = tempfile::tempdir().unwrap();
        for f in ["blue.json", "red.json"] {
            std::fs::copy(fixture("manifest").join(f), dir.path().join(f)).unwrap();
        }
        let manifest = std::fs::read_to_string(fixture("manifest").join("dispute.json")).unwrap();
        let manifest = manifest.replace(
            "\"title\": \"Demo\"",
            &format!("\"title\": \"Demo\", \"period\": {{\"from\": \"{from}\", \"to\": \"{to}\"}}"),
        );
        std::fs::write(dir.path().join("dispute.json"), manifest).unwrap();
        let loaded = load_paths(&[dir.path().to_path_buf()]);
        assert!(loaded.dispute.is_some(), "a warning does not stop the load");
        loaded
            .report
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::ReversedPeriod)
            .map(|d| (d.severity, d.pointer.clone(), d.line, d.message.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        periods("2025-06-30", "2025-04-22"),
        vec![(
            Severity::Warning,
            Some("/dispute/period".to_owned()),
            Some(5),
            "the period ends on 2025-04-22, before it starts on 2025-06-30".to_owned()
        )]
    );
    assert_eq!(periods("2025-04-22", "2025-06-30"), vec![]);
    assert_eq!(periods("2025-05-10", "2025-05"), vec![]);
    assert_eq!(periods("2025-05-10", "2025-05-10"), vec![]);
}

/// A link in a dispute folder that leads out of it is refused by name before it is read, as a
/// `../` entry is: a folder from someone else cannot make parallax read another file. A link
/// that stays inside the folder is read as usual.
#[test]
fn a_link_in_a_folder_that_leads_out_of_it_is_refused() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let folder = tmp.path().join("dispute");
    std::fs::create_dir(&folder).expect("a folder");
    std::fs::copy(fixture("good.json"), folder.join("good.json")).expect("copied");
    std::fs::copy(fixture("red.json"), tmp.path().join("red.json")).expect("copied");
    std::os::unix::fs::symlink("../red.json", folder.join("red.json")).expect("a link");
    let loaded = load_paths(std::slice::from_ref(&folder));
    let out: Vec<String> = loaded
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::OutsideFolder)
        .map(|d| d.to_string())
        .collect();
    assert_eq!(out.len(), 1, "{:?}", loaded.report.diagnostics);
    assert!(out[0].contains("red.json"), "{out:?}");
    assert!(out[0].contains("outside the dispute folder"), "{out:?}");
    assert!(loaded.dispute.is_none(), "red.json was not read");

    // Inside the folder, a link is a file like any other.
    std::fs::remove_file(folder.join("red.json")).expect("removed");
    std::fs::rename(tmp.path().join("red.json"), folder.join("red.side")).expect("moved");
    std::os::unix::fs::symlink("red.side", folder.join("red.json")).expect("a link");
    let loaded = load_paths(std::slice::from_ref(&folder));
    assert_eq!(loaded.report.errors(), 0, "{:?}", loaded.report.diagnostics);
    assert!(loaded.dispute.is_some());

    // The folder's manifest and its dismissals file are read (and written) only from inside
    // it too: links out of it are refused, and the files they lead to are left alone.
    let elsewhere = tmp.path().join("elsewhere.json");
    std::fs::write(&elsewhere, r#"{"format": "parallax/1", "secret": 1}"#).expect("written");
    std::os::unix::fs::symlink(&elsewhere, folder.join("dispute.json")).expect("a link");
    let loaded = load_paths(std::slice::from_ref(&folder));
    let out = messages(&loaded);
    assert!(
        out.iter()
            .any(|d| d.contains("dispute.json: error[outside-folder]")),
        "{out:?}"
    );
    assert!(
        !out.iter().any(|d| d.contains("secret")),
        "not read: {out:?}"
    );
    assert!(loaded.dispute.is_none());
    std::os::unix::fs::symlink(&elsewhere, folder.join(".parallax-dismissed.json"))
        .expect("a link");
    let refused = parallax::edit::dismissed::Dismissed::read(&folder);
    assert!(
        refused
            .as_ref()
            .is_err_and(|e| e.to_string().contains("outside the dispute folder")),
        "{:?}",
        refused.map(|d| d.path)
    );
}

/// A side file whose links loop is refused by name with what to mend, not the system's "Too
/// many levels of symbolic links (os error 40)".
#[test]
fn a_side_file_whose_links_loop_says_so() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let looped = tmp.path().join("red.json");
    std::os::unix::fs::symlink("red.json", &looped).expect("a link");
    let loaded = load_paths(&[fixture("good.json"), looped]);
    let said: Vec<String> = loaded
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::Unreadable)
        .map(|d| d.to_string())
        .collect();
    assert_eq!(said.len(), 1, "{:?}", loaded.report.diagnostics);
    assert!(said[0].contains("red.json"), "{said:?}");
    assert!(said[0].contains("lead round in a loop"), "{said:?}");
    assert!(said[0].contains("`ls -l` shows where it leads"), "{said:?}");
    assert!(!said[0].contains("os error"), "{said:?}");
}

/// A mistyped year (`0205` for 2025) is a warning at the date; a date a lifetime away (a claim
/// quoting 1950) is not. Both validated silently, and the timeline then ran over eighteen
/// centuries of empty years.
#[test]
fn a_year_far_from_the_rest_is_asked_about() {
    let dir = tempfile::tempdir().unwrap();
    for (id, odd) in [("a", "0205-05-01"), ("b", "1950")] {
        let claims: Vec<serde_json::Value> = (1..=5)
            .map(|d| {
                serde_json::json!({"id": format!("{id}-{d}"), "text": "Said.",
                "date": format!("2025-05-0{d}"), "sources": ["s"]})
            })
            .chain([
                serde_json::json!({"id": format!("{id}-odd"), "text": "Said.",
                "date": odd, "sources": ["s"]}),
            ])
            .collect();
        let side = serde_json::json!({"format": "parallax/1", "dispute": "d",
            "party": {"id": id, "name": id},
            "sources": [{"id": "s", "outlet": "O", "url": "https://example.org/"}],
            "topics": [{"id": "t", "title": "T", "claims": claims}]});
        std::fs::write(dir.path().join(format!("{id}.json")), side.to_string()).unwrap();
    }
    let loaded = load_paths(&[dir.path().to_path_buf()]);
    let far: Vec<String> = loaded
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::UnlikelyDate)
        .map(|d| d.to_string())
        .collect();
    assert_eq!(far.len(), 1, "{far:?}");
    assert!(
        far[0].contains("a.json:1:")
            && far[0].contains("warning[unlikely-date] at /topics/0/claims/5/date")
            && far[0].contains("the date 0205-05-01 is 1820 years from"),
        "{far:?}"
    );
    assert!(loaded.dispute.is_some(), "a warning: the dispute loads");
}

/// The one dated claim's mistyped year is asked about, not its source's right one: the middle
/// year counts the sources' dates too (it was the claim's alone, so `0205` was the middle and
/// the source's 2024 was said to be 1819 years off).
#[test]
fn a_lone_dated_claims_typo_is_asked_about_not_its_source() {
    let dir = tempfile::tempdir().unwrap();
    for (id, date) in [("a", Some("0205-03-05")), ("b", None)] {
        let mut claim = serde_json::json!({"id": format!("{id}-1"), "text": "Said.",
            "sources": ["s"]});
        if let Some(d) = date {
            claim["date"] = d.into();
        }
        let side = serde_json::json!({"format": "parallax/1", "dispute": "d",
            "party": {"id": id, "name": id},
            "sources": [{"id": "s", "outlet": "O", "url": "https://example.org/",
                "date": "2024-03-05"}],
            "topics": [{"id": "t", "title": "T", "claims": [claim]}]});
        std::fs::write(dir.path().join(format!("{id}.json")), side.to_string()).unwrap();
    }
    let far = said_of(dir.path(), Code::UnlikelyDate);
    assert_eq!(far.len(), 1, "{far:?}");
    assert!(
        far[0].contains("at /topics/0/claims/0/date")
            && far[0].contains("the date 0205-03-05 is 1819 years from")
            && far[0].contains("(around 2024)"),
        "{far:?}"
    );
}

/// A Latin-1 byte after accented letters is placed in characters, as an editor counts them, and
/// named, so the analyst can find it and knows what the file was saved as.
#[test]
fn a_byte_that_is_not_utf8_is_named_at_its_column_in_characters() {
    let text = red().replacen("\"name\": \"Red\"", "\"name\": \"Rouge café MARK\"", 1);
    let (before, after) = text.split_once("MARK").expect("the marker");
    let line = before.lines().count();
    let column = before.lines().last().map_or(0, |l| l.chars().count()) + 1;
    let bytes = [before.as_bytes(), &[0xe9], after.as_bytes()].concat();
    let said = side_bytes_problems(&bytes);
    assert_eq!(said.len(), 1, "{said:?}");
    assert_eq!(said[0].0, Code::NotUtf8, "{said:?}");
    assert!(said[0].1.contains(&format!(":{line}:{column}")), "{said:?}");
    assert!(said[0].1.contains("0xE9"), "{said:?}");
}

/// A line break typed inside a string is said to be one, at the end of the line the string is
/// on (serde_json found it at the start of the next line, as "control character"); a table
/// named where a side file goes is said to be one, with the command that reads it; problems on
/// one line come in the order of their columns.
#[test]
fn a_line_break_in_a_string_a_table_and_one_lines_problems_are_placed_as_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = dir.path().join("broken.json");
    std::fs::write(
        &broken,
        "{\"format\": \"parallax/1\",\n \"dispute\": \"a\nb\"}\n",
    )
    .expect("written");
    let table = dir.path().join("claims.csv");
    std::fs::write(&table, "side,topic,text\na,t,x\n").expect("written");
    let loaded = load_paths(&[broken, table]);
    let d = &loaded.report.diagnostics;
    let syntax: Vec<&parallax::load::Diagnostic> =
        d.iter().filter(|d| d.code == Code::Syntax).collect();
    let line_break = syntax
        .iter()
        .find(|d| d.file.ends_with("broken.json"))
        .expect("the broken file's error");
    assert_eq!((line_break.line, line_break.column), (Some(2), Some(15)));
    assert!(line_break.message.contains("a line break inside a string"));
    // With Windows line ends, the carriage return is met first: the same, at the same place.
    let crlf = dir.path().join("crlf.json");
    std::fs::write(
        &crlf,
        "{\"format\": \"parallax/1\",\r\n \"dispute\": \"a\r\nb\"}\r\n",
    )
    .expect("written");
    let loaded_crlf = load_paths(&[crlf]);
    let d = loaded_crlf
        .report
        .diagnostics
        .iter()
        .find(|d| d.code == Code::Syntax)
        .expect("the error");
    assert_eq!((d.line, d.column), (Some(2), Some(15)), "{d:?}");
    assert!(d.message.contains("a line break inside a string"), "{d:?}");
    let csv = syntax
        .iter()
        .find(|d| d.file.ends_with("claims.csv"))
        .expect("the table's error");
    assert!(
        csv.expected
            .as_deref()
            .is_some_and(|e| e.contains("parallax import csv")),
        "{csv:?}"
    );
    // Two unknown fields on one line: the first column first.
    let side = dir.path().join("side.json");
    let good = std::fs::read_to_string(fixture("good.json")).expect("the fixture");
    let two = good.replacen("{", "{\"zz\": 1, \"aa\": 2, ", 1);
    std::fs::write(&side, two).expect("written");
    let loaded = load_paths(&[fixture("good.json"), side]);
    let columns: Vec<Option<usize>> = loaded
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::UnknownField)
        .map(|d| d.column)
        .collect();
    assert_eq!(columns.len(), 2, "{:?}", loaded.report.diagnostics);
    assert!(columns[0] < columns[1], "{columns:?}");
}

/// A side whose `topics` come before its `sources` (or have none) is read after the rest; what
/// that read refuses (a lone surrogate escape, a number out of range, nesting too deep) is the
/// file's syntax error at its line, as when `sources` come first. Such a side lost every claim
/// and `validate` said ok.
#[test]
fn a_syntax_error_in_topics_before_sources_is_reported_not_dropped() {
    let side = |claim: &str| {
        format!(
            "{{\"format\": \"parallax/1\", \"dispute\": \"demo\",\n\
             \"party\": {{\"id\": \"red\", \"name\": \"Red\"}},\n\
             \"topics\": [{{\"id\": \"t1\", \"title\": \"T\", \"claims\": [\n\
             {{\"id\": \"r1\", {claim}, \"sources\": [\"s1\"]}}]}}],\n\
             \"sources\": [{{\"id\": \"s1\", \"outlet\": \"Daily\"}}]}}"
        )
    };
    let deep = format!("\"tags\": {}{}", "[".repeat(200), "]".repeat(200));
    for (claim, said, column) in [
        (
            "\"text\": \"one \\ud800 two\"",
            "a lone UTF-16 surrogate escape `\\ud800`",
            27,
        ),
        ("\"text\": \"x\", \"date\": 1e400", "a number too large", 0),
        (&deep, "recursion limit", 0),
    ] {
        let found = side_text_problems(&side(claim));
        let syntax: Vec<&String> = found
            .iter()
            .filter(|(c, _)| *c == Code::Syntax)
            .map(|(_, s)| s)
            .collect();
        assert_eq!(syntax.len(), 1, "{claim}: {found:?}");
        assert!(syntax[0].contains(said), "{claim}: {found:?}");
        assert!(!syntax[0].contains("missing comma"), "{claim}: {found:?}");
        // On the claim's line (the fourth), at the escape itself when there is one.
        let at = if column > 0 {
            format!("other.json:4:{column}:")
        } else {
            "other.json:4:".to_owned()
        };
        assert!(syntax[0].starts_with(&at), "{claim}: {found:?}");
    }
    // With `sources` first the surrogate is said the same way.
    let first = red().replacen("\"Red says one.\"", "\"one \\ud800 two\"", 1);
    let found = side_text_problems(&first);
    assert!(
        found
            .iter()
            .any(|(c, s)| *c == Code::Syntax && s.contains("lone UTF-16 surrogate")),
        "{found:?}"
    );
}

/// A valid id may be 128 characters long: every message quoting one cuts it at 80 with its
/// length, as for a bad id (the untrusted-text warning, "cites no source", links to no claim
/// and unknown sources printed it whole).
#[test]
fn a_long_valid_id_is_shortened_in_every_message() {
    let long = format!("r{}", "x".repeat(127));
    let target = format!("t{}", "y".repeat(127));
    let source = format!("s{}", "z".repeat(127));
    let text = red()
        .replacen("\"id\": \"r1\"", &format!("\"id\": \"{long}\""), 1)
        .replacen("Red says one.", "Red says \\u200d one.", 1)
        .replacen(
            "\"sources\": [\n            \"s1\"\n          ]",
            &format!("\"sources\": [], \"rebuts\": [\"{target}\"], \"tags\": [\"a\"]"),
            1,
        );
    let mut found = side_text_problems(&text);
    let bad_source = red().replacen("\"s1\"\n          ]", &format!("\"{source}\"]"), 1);
    found.extend(side_text_problems(&bad_source));
    let codes: Vec<Code> = found.iter().map(|f| f.0).collect();
    for code in [
        Code::UntrustedText,
        Code::Unsourced,
        Code::UnresolvedRebuttal,
        Code::UnknownSource,
    ] {
        assert!(codes.contains(&code), "{code:?} in {found:?}");
    }
    for (code, line) in &found {
        for id in [&long, &target, &source] {
            assert!(
                !line.contains(id.as_str()),
                "{code:?} quotes it whole: {line}"
            );
        }
        assert!(line.contains("… (128 characters)"), "{code:?}: {line}");
    }
}

/// Too few sides because a side file's errors kept it out is said of that file, as the cause,
/// not of the good file beside it (it read `good.json: error[too-few-sides]`).
#[test]
fn too_few_sides_names_the_file_kept_out() {
    let good = std::fs::read(fixture("good.json")).expect("fixture");
    let wrong = red().replace("\"parallax/1\"", "\"parallax/9\"");
    let mut loader = Loader::new();
    loader.side("good.json", &good);
    loader.side("broken.json", wrong.as_bytes());
    let report = loader.finish().report;
    let few: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::TooFewSides)
        .map(|d| d.to_string())
        .collect();
    assert_eq!(few.len(), 1, "{few:?}");
    assert!(few[0].starts_with("broken.json: "), "{few:?}");
    assert!(
        few[0].contains("broken.json did not: see its errors"),
        "{few:?}"
    );
    assert!(few[0].contains("that file fixed"), "{few:?}");
    // In a folder it is said of the manifest, naming the side file kept out too (it said
    // "those files" and named none).
    let dir = tempfile::tempdir().expect("a temporary folder");
    for name in ["dispute.json", "east.json", "west.json"] {
        std::fs::copy(
            fixture(&format!("../relations/{name}")),
            dir.path().join(name),
        )
        .expect("copied");
    }
    common::rewrite(
        &dir.path().join("west.json"),
        "\"parallax/1\"",
        "\"parallax/9\"",
    );
    let loaded = load_paths(&[dir.path().to_path_buf()]);
    let few: Vec<&parallax::load::Diagnostic> = loaded
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::TooFewSides)
        .collect();
    assert_eq!(few.len(), 1, "{few:?}");
    assert!(few[0].file.ends_with("dispute.json"), "{few:?}");
    assert!(few[0].message.contains("west.json did not"), "{few:?}");
}

/// Quotes curled by a word processor or a chat app are said as such, at the column of the quote
/// an editor shows (a character of three bytes was counted to its last byte: one column early).
#[test]
fn a_curly_quote_is_said_as_such_at_its_own_column() {
    let text = red().replacen("\"parallax/1\"", "“parallax/1”", 1);
    let (line, row) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains('“'))
        .expect("the edited line");
    let column = row.chars().position(|c| c == '“').expect("the quote") + 1;
    let mut loader = Loader::new();
    loader.side("other.json", text.as_bytes());
    let report = loader.finish().report;
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.code == Code::Syntax)
        .unwrap_or_else(|| panic!("{:?}", report.diagnostics));
    assert_eq!((d.line, d.column), (Some(line + 1), Some(column)), "{d:?}");
    assert!(
        d.message.contains("a typographer's quote, `“`")
            && d.message.contains("straight double quotes"),
        "{d:?}"
    );
}

/// A mistyped word or id is answered with the one it most likely meant: a source kind, a
/// reliability rating, a party named as an affiliation, a topic or point of the manifest.
#[test]
fn a_mistyped_word_or_id_says_what_it_likely_meant() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let folder = common::copy_fixture("match", dir.path(), "river");
    let alpha = folder.join("alpha.json");
    let text = std::fs::read_to_string(&alpha).expect("the side");
    let text = text
        .replacen("\"kind\": \"news\"}", "\"kind\": \"nwes\", \"affiliation\": \"betta\", \"reliability\": {\"rating\": \"hihg\"}}", 1)
        .replacen("\"point\": \"who-closed\"", "\"point\": \"who-closd\"", 1)
        .replacen("\"id\": \"talks\"", "\"id\": \"talk\"", 1);
    std::fs::write(&alpha, text).expect("written");
    let said = |loaded: &parallax::load::Loaded| -> String {
        loaded
            .report
            .diagnostics
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let loaded = load_paths(std::slice::from_ref(&folder));
    let errors = said(&loaded);
    assert!(
        errors.contains("\"nwes\" is not a source kind (did you mean `news`?)"),
        "{errors}"
    );
    assert!(
        errors.contains("\"hihg\" is not a reliability rating (did you mean `high`?)"),
        "{errors}"
    );
    // With the words right, the ids are checked against the dispute.
    let text = std::fs::read_to_string(&alpha).expect("the side");
    std::fs::write(&alpha, text.replace("nwes", "news").replace("hihg", "high")).expect("written");
    let warnings = said(&load_paths(std::slice::from_ref(&folder)));
    for meant in [
        "affiliation `betta` names no loaded party (did you mean `beta`?)",
        "point `who-closd` of topic `gates` is not in the manifest (did you mean `who-closed`?)",
        "topic `talk` is not in the manifest (did you mean `talks`?)",
    ] {
        assert!(warnings.contains(meant), "{meant}\n{warnings}");
    }
    // `independent`, the one affiliation that is no party, is meant too; an id written in
    // capitals is told the id it likely is.
    let text = std::fs::read_to_string(&alpha).expect("the side");
    std::fs::write(&alpha, text.replace("\"betta\"", "\"indepedent\"")).expect("written");
    let warnings = said(&load_paths(std::slice::from_ref(&folder)));
    let meant = "affiliation `indepedent` names no loaded party (did you mean `independent`?)";
    assert!(warnings.contains(meant), "{warnings}");
    let text = std::fs::read_to_string(&alpha).expect("the side");
    std::fs::write(
        &alpha,
        text.replace("\"id\": \"talk\"", "\"id\": \"Talks\""),
    )
    .expect("written");
    let errors = said(&load_paths(&[folder]));
    assert!(
        errors.contains("\"Talks\" is not an id (like `talks`)"),
        "{errors}"
    );
}

/// Every diagnostic of a load, as printed.
fn messages(loaded: &parallax::load::Loaded) -> Vec<String> {
    loaded
        .report
        .diagnostics
        .iter()
        .map(|d| d.to_string())
        .collect()
}

/// A fact-checker's word given as a rating (`false`, `Pants on Fire`) names the rating it is
/// in this format, as `import` reads it: "not a rating" with the list alone left the analyst to
/// guess that `false` is `refuted`. A typo of a rating still names the rating.
#[test]
fn a_fact_checkers_word_as_a_rating_names_the_rating_meant() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let folder = common::copy_fixture("match", dir.path(), "river");
    let alpha = folder.join("alpha.json");
    let text = std::fs::read_to_string(&alpha).expect("the side");
    let rated = |rating: &str| {
        text.replacen(
            "\"id\": \"a-karvani\",",
            &format!("\"id\": \"a-karvani\", \"assessment\": {{\"rating\": \"{rating}\"}},"),
            1,
        )
    };
    for (rating, said) in [
        (
            "false",
            "\"false\" is not a rating (a fact-checker's \"false\" is `refuted` in this format)",
        ),
        (
            "Pants on Fire",
            "(a fact-checker's \"Pants on Fire\" is `refuted` in this format)",
        ),
        (
            "Mostly True",
            "(a fact-checker's \"Mostly True\" is `corroborated` in this format)",
        ),
        (
            "refutd",
            "\"refutd\" is not a rating (did you mean `refuted`?)",
        ),
    ] {
        std::fs::write(&alpha, rated(rating)).expect("written");
        let errors = messages(&load_paths(std::slice::from_ref(&folder)));
        assert!(
            errors.iter().any(|e| e.contains(said)),
            "{said}\n{errors:#?}"
        );
    }
}

/// A side file of these lines (each claim on a line of its own), loaded beside the good one:
/// its problems as (code, pointer, line, message).
fn side_lines_problems(lines: &[&str]) -> Vec<(Code, Option<String>, Option<usize>, String)> {
    let good = std::fs::read(fixture("good.json")).expect("fixture");
    let text = lines.join("\n");
    let mut loader = Loader::new();
    loader.side("good.json", &good);
    loader.side("other.json", text.as_bytes());
    loader
        .finish()
        .report
        .diagnostics
        .into_iter()
        .filter(|d| d.file == "other.json" && d.code != Code::TooFewSides)
        .map(|d| (d.code, d.pointer, d.line, d.message))
        .collect()
}

/// A claim or topic left out for an error of its own still counts in the file: the ids after
/// it are named at their own places (they were numbered one short, and "first at" pointed at
/// the wrong line), and its own id is still checked for repeats.
#[test]
fn ids_after_a_broken_claim_or_topic_are_named_at_their_own_places() {
    let found = side_lines_problems(&[
        r#"{"format": "parallax/1", "dispute": "demo", "party": {"id": "red", "name": "Red"},"#,
        r#" "sources": [{"id": "s1", "outlet": "Daily"}], "topics": ["#,
        r#"  {"id": "t1", "title": "One", "claims": ["#,
        r#"   {"id": "c0", "text": "", "sources": ["s1"]},"#,
        r#"   {"id": "c1", "text": "First.", "sources": ["s1"]},"#,
        r#"   {"id": "c1", "text": "Again.", "sources": ["s1"]}]},"#,
        r#"  {"title": "No id", "claims": ["#,
        r#"   {"id": "c2", "text": "In a topic without an id.", "sources": ["s1"]}]},"#,
        r#"  {"id": "t2", "title": "Two", "claims": ["#,
        r#"   {"id": "c0", "text": "The broken claim's id.", "sources": ["s1"]},"#,
        r#"   {"id": "c2", "text": "The topic without an id's.", "sources": ["s1"]},"#,
        r#"   {"id": "b1", "text": "The good side's.", "sources": ["s1"]}]}]}"#,
    ]);
    let repeats: Vec<(Option<&str>, Option<usize>, &str)> = found
        .iter()
        .filter(|(code, ..)| *code == Code::DuplicateId)
        .map(|(_, pointer, line, message)| (pointer.as_deref(), *line, message.as_str()))
        .collect();
    assert_eq!(
        repeats,
        [
            (
                Some("/topics/0/claims/2/id"),
                Some(6),
                "claim id `c1` is already used (first at line 5, column 5)"
            ),
            (
                Some("/topics/2/claims/0/id"),
                Some(10),
                "claim id `c0` is already used (first at line 4, column 5)"
            ),
            (
                Some("/topics/2/claims/1/id"),
                Some(11),
                "claim id `c2` is already used (first at line 8, column 5)"
            ),
            (
                Some("/topics/2/claims/2/id"),
                Some(12),
                "claim id `b1` is already used by another side (good.json, line 24, column 11)"
            ),
        ],
        "{found:#?}"
    );
}

/// A side with errors read before the good side: the good side's use of one of its ids is
/// said in the broken file, at the place there of the claim that uses it.
#[test]
fn a_broken_sides_id_taken_by_a_later_side_is_named_at_its_own_place() {
    let broken = [
        r#"{"format": "parallax/1", "dispute": "demo", "party": {"id": "red", "name": "Red"},"#,
        r#" "sources": [{"id": "s1", "outlet": "Daily"}], "topics": ["#,
        r#"  {"id": "t1", "title": "One", "claims": ["#,
        r#"   {"id": "c0", "text": "", "sources": ["s1"]},"#,
        r#"   {"id": "b1", "text": "The good side's.", "sources": ["s1"]}]}]}"#,
    ]
    .join("\n");
    let good = std::fs::read(fixture("good.json")).expect("fixture");
    let mut loader = Loader::new();
    loader.side("broken.json", broken.as_bytes());
    loader.side("good.json", &good);
    let said: Vec<(Option<String>, Option<usize>)> = loader
        .finish()
        .report
        .diagnostics
        .into_iter()
        .filter(|d| d.code == Code::DuplicateId)
        .map(|d| (d.pointer, d.line))
        .collect();
    assert_eq!(said, [(Some("/topics/0/claims/1/id".into()), Some(5))]);
}

/// Claims written under a manifest's topic, or questions under a side's, are said to belong in
/// the other file: "unknown field" alone left a newcomer's claims silently unshown.
#[test]
fn a_field_of_the_other_file_says_where_it_goes() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let folder = common::copy_fixture("match", dir.path(), "river");
    common::rewrite(
        &folder.join("dispute.json"),
        "\"id\": \"gates\",",
        "\"id\": \"gates\", \"claims\": [],",
    );
    common::rewrite(
        &folder.join("alpha.json"),
        "\"id\": \"talks\",",
        "\"id\": \"talks\", \"points\": [],",
    );
    // Claims at the top of a side file, beside its topics.
    common::rewrite(
        &folder.join("beta.json"),
        "\"topics\":",
        "\"claims\": [], \"topics\":",
    );
    let said = messages(&load_paths(&[folder])).join("\n");
    for place in [
        "field `claims` is ignored here: a party's claims go in its side file, under a topic of the same id",
        "field `claims` is ignored here: a side's claims go inside its topics, each under `topics[].claims`",
        "field `points` is ignored here: a topic's questions go in the manifest (dispute.json)",
    ] {
        assert!(said.contains(place), "{place}\n{said}");
    }
}

/// A claim citing a source that another side file declares is told so, and what to do: each
/// file lists its own sources ("is not declared in this file's `sources`" alone left a newcomer
/// looking for a typo).
#[test]
fn a_source_of_another_side_file_is_named_as_such() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let folder = common::copy_fixture("match", dir.path(), "river");
    let beta = folder.join("beta.json");
    let text = std::fs::read_to_string(&beta).expect("read");
    let cited = text.replacen(
        "\"sources\": [\"courier-0304\"]",
        "\"sources\": [\"courier-0303\"]",
        1,
    );
    assert_ne!(cited, text, "a citation to change");
    std::fs::write(&beta, cited).expect("written");
    let said = messages(&load_paths(&[folder])).join("\n");
    assert!(
        said.contains("source `courier-0303` is not declared in this file's `sources`: it is one of")
            && said.contains("alpha.json's, and each side file lists its own sources; copy its entry into this file's `sources`"),
        "{said}"
    );
}

/// A required field missing beside one field the object does not know (`q` written for
/// `question`) names that one as likely it, misnamed: the two messages said nothing of each
/// other. With two unknown fields, which one is meant is not guessed.
#[test]
fn a_missing_field_names_the_unknown_one_likely_meant() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let folder = common::copy_fixture("match", dir.path(), "river");
    common::rewrite(&folder.join("dispute.json"), "\"question\"", "\"q\"");
    let said = messages(&load_paths(std::slice::from_ref(&folder))).join("\n");
    assert!(
        said.contains("missing required field `question` (the object has `q`, which is no field of it: is that `question` misnamed?)"),
        "{said}"
    );
    common::rewrite(
        &folder.join("dispute.json"),
        "\"q\"",
        "\"q\": \"x\", \"qq\"",
    );
    let said = messages(&load_paths(&[folder])).join("\n");
    assert!(said.contains("missing required field `question`"), "{said}");
    assert!(!said.contains("misnamed"), "{said}");
}

/// With every side of a manifest loaded, a link to an id no claim has is a typo, not a side to
/// load: the message says so and names the other party's claim on the topic it most likely
/// meant; a claim that links to itself is told so, not that the target is its party's.
#[test]
fn a_mistyped_link_is_told_the_claim_it_likely_meant() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let folder = common::copy_fixture("relations", dir.path(), "harbour");
    common::rewrite(
        &folder.join("west.json"),
        "\"rebuts\": [\"e-closed\"]",
        "\"rebuts\": [\"e-closd\"]",
    );
    common::rewrite(
        &folder.join("east.json"),
        "{\"kind\": \"agrees\", \"to\": \"w-venue\"}",
        "{\"kind\": \"agrees\", \"to\": \"e-venue\"}",
    );
    // `show` says the id was not found: there is no side left to load.
    let shown = common::parallax_on_path(&folder, "show", &["--width", "200"]);
    assert!(
        common::line_with(&shown, "e-closd").contains("↳ contradicts e-closd (not found)"),
        "{shown}"
    );
    let said: Vec<String> = load_paths(&[folder])
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::UnresolvedRebuttal)
        .map(|d| {
            format!(
                "{} | {}",
                d.message,
                d.expected.as_deref().unwrap_or_default()
            )
        })
        .collect();
    assert_eq!(
        said,
        [
            "claim `e-venue` agrees with itself | the id of another party's claim",
            "claim `w-closed` rebuts `e-closd`, which no claim of the dispute has as its id \
             (did you mean `e-closed`?) | the id of another party's claim",
        ]
    );
}

/// Too few sides names the side files kept out, never the manifest beside them (it is no
/// side); a side the manifest lists that is not there is one error, as the same path named on
/// the command line is.
#[test]
fn too_few_sides_names_sides_only_and_a_missing_one_is_one_error() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let folder = common::copy_fixture("relations", dir.path(), "harbour");
    common::rewrite(
        &folder.join("dispute.json"),
        "\"id\": \"talks\"",
        "\"id\": \"blockade\"",
    );
    common::rewrite(&folder.join("east.json"), "\"id\": \"east\"", "\"id\": 7");
    let few = said_of(&folder, Code::TooFewSides);
    assert_eq!(few.len(), 1, "{few:?}");
    assert!(
        few[0].contains("east.json did not: see its errors"),
        "{few:?}"
    );
    assert!(!few[0].contains("dispute.json did not"), "{few:?}");
    assert!(!few[0].contains("dispute.json,"), "{few:?}");

    for name in ["dispute.json", "east.json"] {
        std::fs::copy(
            common::fixture_path("relations").join(name),
            folder.join(name),
        )
        .expect("put back");
    }
    std::fs::remove_file(folder.join("west.json")).expect("deleted");
    let counted = |paths: &[std::path::PathBuf]| {
        let out = assert_cmd::Command::cargo_bin("parallax")
            .expect("the binary")
            .arg("validate")
            .args(paths)
            .output()
            .expect("runs");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .last()
            .unwrap_or_default()
            .to_owned()
    };
    let whole = counted(std::slice::from_ref(&folder));
    assert!(whole.contains("1 error(s)"), "{whole}");
    let named = counted(&[folder.join("east.json"), folder.join("west.json")]);
    assert!(named.contains("1 error(s)"), "{named}");
}

/// A side the manifest lists that is not there says more when it can: a name that differs
/// only in case from the file saved, a link whose target is gone; and a manifest listing one
/// file twice is told that is why its sides are too few.
#[test]
fn a_missing_listed_side_says_why_when_it_can() {
    let said = said_of;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let case = common::copy_fixture("relations", dir.path(), "case");
    common::rewrite(&case.join("dispute.json"), "\"west.json\"", "\"West.json\"");
    // On a file system that ignores case (macOS's, Windows'), `West.json` is the file: there
    // is nothing to say.
    if !case.join("West.json").exists() {
        let found = said(&case, Code::Unreadable);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("`west.json` there differs only in case")
                && found[0]
                    .contains("expected the name in `sides` written as the file's, \"west.json\""),
            "{found:?}"
        );
    }

    #[cfg(unix)]
    {
        let link = common::copy_fixture("relations", dir.path(), "link");
        std::fs::remove_file(link.join("west.json")).expect("removed");
        std::os::unix::fs::symlink("gone.json", link.join("west.json")).expect("a link");
        let found = said(&link, Code::Unreadable);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("a link to nothing: its target, gone.json, is not there"),
            "{found:?}"
        );
        assert!(said(&link, Code::TooFewSides).is_empty());
    }

    let twice = common::copy_fixture("relations", dir.path(), "twice");
    common::rewrite(
        &twice.join("dispute.json"),
        "\"west.json\"",
        "\"east.json\"",
    );
    let found = said(&twice, Code::TooFewSides);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("(`sides` lists a file twice, and it is one side)"),
        "{found:?}"
    );
}

/// The diagnostics of one code that loading the folder gives, as `validate` prints them.
fn said_of(folder: &std::path::Path, code: Code) -> Vec<String> {
    load_paths(&[folder.to_path_buf()])
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d| d.to_string())
        .collect()
}

/// A party id two sides share is located in the other file too, whether it loads or not, as a
/// claim id used twice is (it named the file alone).
#[test]
fn a_party_used_twice_names_where_the_other_use_is() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let folder = common::copy_fixture("relations", dir.path(), "harbour");
    common::rewrite(
        &folder.join("west.json"),
        "\"id\": \"west\", \"name\": \"West\"",
        "\"id\": \"east\", \"name\": \"West\"",
    );
    let east = folder.join("east.json");
    let line = std::fs::read_to_string(&east)
        .expect("readable")
        .lines()
        .position(|l| l.contains("\"party\""))
        .expect("a party")
        + 1;
    let said = said_of(&folder, Code::DuplicateParty);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains(&format!("east.json, line {line}, column ")),
        "{said:?}"
    );
    // The first file does not load (a date of its own is wrong): the error is its own, and
    // names where the side that loads says the same.
    common::rewrite(
        &east,
        "\"2025-03-01\", \"sources\"",
        "\"2025-02-30\", \"sources\"",
    );
    let said = said_of(&folder, Code::DuplicateParty);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].starts_with(&format!("{}:", east.display())),
        "{said:?}"
    );
    assert!(
        said[0].contains(&format!("west.json, line {line}, column ")),
        "{said:?}"
    );
}

/// A mistyped id is answered with the id it most likely meant, however long (the bundled
/// dispute's ids run to 50 letters, and ones over 32 were given no guess), and so is a
/// mistyped source id.
#[test]
fn long_and_source_ids_mistyped_are_given_the_id_they_meant() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let from =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("narratives/india-pakistan-2025");
    for f in [
        "dispute.json",
        "india.json",
        "pakistan.json",
        "third-parties.json",
    ] {
        std::fs::copy(from.join(f), dir.path().join(f)).expect("copied");
    }
    let india = dir.path().join("india.json");
    common::rewrite(
        &india,
        "\"tp-pahalgam-attack-trf-retraction\"",
        "\"tp-pahalgam-attack-trf-retractoin\"",
    );
    let rebuts = said_of(dir.path(), Code::UnresolvedRebuttal);
    assert_eq!(rebuts.len(), 1, "{rebuts:?}");
    assert!(
        rebuts[0].contains("(did you mean `tp-pahalgam-attack-trf-retraction`?)"),
        "{rebuts:?}"
    );
    common::rewrite(
        &india,
        "              \"newindianexpress-trf-denies-role\",",
        "              \"newindianexpress-trf-denies-rol\",",
    );
    let sources = said_of(dir.path(), Code::UnknownSource);
    assert_eq!(sources.len(), 1, "{sources:?}");
    assert!(
        sources[0].contains(
            "source `newindianexpress-trf-denies-rol` is not declared in this file's `sources` \
             (did you mean `newindianexpress-trf-denies-role`?)"
        ),
        "{sources:?}"
    );
}

/// The folder above a dispute, opened by mistake (the project's `narratives/`, holding only
/// schemas beside the dispute's folder), names the folder to open: it said only that no side
/// loaded, with nothing on what to open instead.
#[test]
fn the_folder_above_a_dispute_names_the_folder_to_open() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let said = said_of(&root.join("narratives"), Code::Unreadable);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains("no side files (*.json) in it, but a folder of them")
            && said[0].contains("expected that folder: ")
            && said[0].ends_with("narratives/india-pakistan-2025"),
        "{said:?}"
    );
    // An empty folder says only what it lacks.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let said = said_of(dir.path(), Code::Unreadable);
    assert!(
        said.iter()
            .any(|d| d.contains("expected a dispute folder, or the side files themselves")),
        "{said:?}"
    );
}
