//! The command line end to end: exit codes, `validate`, `topics`, and the layout of `show`.

mod common;

use assert_cmd::Command;
use parallax::text;
use predicates::prelude::*;

fn parallax() -> Command {
    Command::cargo_bin("parallax").expect("the binary is built")
}

/// What a command refused with a usage error (exit 2) said on standard error.
fn usage_error(command: &mut Command) -> String {
    let out = command.assert().code(2).get_output().stderr.clone();
    String::from_utf8_lossy(&out).into_owned()
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// `parallax validate` of these paths: its exit code and what it said on standard output.
fn validate(paths: &[&std::path::Path]) -> (Option<i32>, String) {
    let out = parallax()
        .arg("validate")
        .args(paths)
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn stdout_of(args: &[&str]) -> String {
    let out = parallax().args(args).output().expect("runs");
    String::from_utf8(out.stdout).expect("utf-8 output")
}

#[test]
fn exit_codes_tell_ok_bad_input_and_usage_apart() {
    parallax()
        .args(["validate", &fixture("compare")])
        .assert()
        .code(0);
    parallax()
        .args(["validate", "--strict", &fixture("compare")])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "warning(s) (strict: warnings fail)",
        ));
    parallax()
        .args([
            "validate",
            &fixture("load/good.json"),
            &fixture("load/bad-date.json"),
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[bad-date]"));
    parallax()
        .args([
            "show",
            &fixture("load/good.json"),
            &fixture("load/syntax.json"),
        ])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("syntax.json:4:3: error[syntax]"));
    parallax().args(["show", "--no-such-flag"]).assert().code(2);
    for command in ["show", "topics"] {
        parallax()
            .args([command, "--width", "10", &fixture("compare")])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("at least 40"));
    }
    parallax()
        .args(["show", "--left", "zz", &fixture("compare")])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("choose one of: a, b, c"));
    parallax()
        .args(["topics", "--left", "a", "--right", "a", &fixture("compare")])
        .assert()
        .code(2);
}

/// A value typed with a line break or a tab (a claim id, a party, a tag, a file name) is quoted
/// on one line, the break shown as `␊`: it split the message over two lines, the second
/// starting mid-value.
#[test]
fn a_value_with_a_line_break_is_quoted_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let m = common::copy_fixture("match", dir.path(), "m")
        .to_string_lossy()
        .into_owned();
    for (args, says) in [
        (vec!["dismiss", "a-people", "b\nx", &m], "no claim `b␊x`"),
        (vec!["show", "--left", "a\nb", &m], "no party `a␊b`"),
        (vec!["search", &m, "war", "--tag", "a\tb"], "no tag `a␉b`"),
        (vec!["show", "--since", "2025\nx", &m], "'2025␊x'"),
        (vec!["a\nb"], "a␊b: no such file or folder"),
    ] {
        let out = parallax().args(&args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        let line = err
            .lines()
            .find(|l| l.contains(says))
            .unwrap_or_else(|| panic!("{args:?}: {err}"));
        assert!(
            line.starts_with("parallax: ") || line.starts_with("error: "),
            "{line}"
        );
    }
}

/// `-` (standard input to many tools) is said not to be read, not "no such file or folder …
/// check the path".
#[test]
fn a_dash_for_standard_input_is_said_not_to_be_read() {
    let side = std::fs::read("tests/fixtures/match/alpha.json").unwrap();
    let out = parallax()
        .args(["validate", "-"])
        .write_stdin(side)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    // `validate` prints its report on standard output.
    let err = String::from_utf8_lossy(&out.stdout);
    assert!(err.contains("standard input is not read"), "{err}");
    assert!(!err.contains("check the path"), "{err}");
}

/// A number flag given something else says what it expects, in words: Rust's own parse
/// errors ("invalid digit found in string", "invalid float literal") said nothing of the flag.
#[test]
fn a_number_flag_given_a_word_says_what_it_expects() {
    for (args, says) in [
        (&["show", "--width", "abc"][..], "expected a whole number"),
        (&["topics", "--width", "4.5"], "expected a whole number"),
        (&["show", "--width", ""], "expected a whole number"),
        (
            &["match", "--limit", "99999999999999999999"],
            "expected a whole number up to",
        ),
        (
            &["match", "--min-score", "abc"],
            "expected a number from 0 to 1",
        ),
    ] {
        let out = parallax().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(
            !err.contains("invalid digit") && !err.contains("literal"),
            "{args:?}: {err}"
        );
    }
    // A sign is a number's own: `+80` is 80.
    let plus = stdout_of(&["show", "--width", "+80", &fixture("compare")]);
    assert!(plus.lines().all(|l| text::width(l) <= 80), "{plus}");
}

/// Piped, `show` and `topics` take their width from `$COLUMNS` when it holds one (they were
/// 100 columns whatever it said, so `COLUMNS=160 parallax show | less` was not widened);
/// brought within 40 to 1000, and 100 when it holds no number. `--width` still wins.
#[test]
fn piped_output_takes_its_width_from_columns() {
    // The bundled dispute: its topic titles fill a wide table.
    let widest = |command: &str, columns: Option<&str>, extra: &[&str]| {
        let mut run = parallax();
        run.env_remove("COLUMNS").arg(command).args(extra);
        if let Some(c) = columns {
            run.env("COLUMNS", c);
        }
        let out = run.output().expect("runs");
        assert!(out.status.success(), "{out:?}");
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        text.lines().map(text::width).max().unwrap_or(0)
    };
    for command in ["show", "topics"] {
        assert_eq!(widest(command, None, &[]), 100, "{command}");
        assert!(widest(command, Some("160"), &[]) > 100, "{command}");
        assert_eq!(widest(command, Some("70"), &[]), 70, "{command}");
        assert_eq!(widest(command, Some("wide"), &[]), 100, "{command}");
        assert_eq!(
            widest(command, Some("160"), &["--width", "90"]),
            90,
            "{command}"
        );
    }
    assert_eq!(widest("show", Some("160"), &[]), 160);
    assert_eq!(widest("show", Some("5"), &[]), 40);
}

/// Arguments refused with what was meant: a width too large to count says the range (it said
/// "up to 18446744073709551615"), five digits that are no recent day are not taken for a
/// spreadsheet's day number (`10000`), and `--relation rebuts` is contradicts, as the help
/// says (it was an unknown relation).
#[test]
fn odd_arguments_are_answered_with_what_was_meant() {
    for command in ["show", "topics"] {
        let said = usage_error(parallax().args([command, "--width", "99999999999999999999"]));
        assert!(
            said.contains("too wide; give a width from 40 to 1000 columns"),
            "{command}: {said}"
        );
    }
    let said = usage_error(parallax().args(["topics", "--as-of", "10000"]));
    assert!(!said.contains("day number"), "{said}");
    assert!(said.contains("YYYY-MM-DD"), "{said}");
    let said = usage_error(parallax().args(["topics", "--as-of", "45780"]));
    assert!(said.contains("day number"), "{said}");
    let rebuts = stdout_of(&["show", "--relation", "rebuts", "--topic", "ceasefire"]);
    let contradicts = stdout_of(&["show", "--relation", "contradicts", "--topic", "ceasefire"]);
    assert_eq!(rebuts, contradicts);
    assert!(rebuts.contains("relation: contradicts"), "{rebuts}");
}

#[test]
fn show_refuses_a_width_over_1000_and_says_the_range() {
    // Unbounded, a huge width laid every row out at that width until memory ran out; the
    // timeout turns such a regression into a failure rather than a hung test run.
    parallax()
        .args(["show", "--width", "100000000", "--topic", "ceasefire"])
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("--width 100000000 is too wide"))
        .stderr(predicate::str::contains("from 40 to 1000 columns"));
    let widest = stdout_of(&["show", "--width", "1000", &fixture("compare")]);
    assert!(widest.lines().any(|l| text::width(l) > 100), "{widest}");
    // The narrowest: every line fits, a topic neither side speaks to included.
    let narrowest = stdout_of(&[
        "show",
        "--width",
        "40",
        "--left",
        "india",
        "--right",
        "third-parties",
    ]);
    assert!(narrowest.contains("neither side makes"), "{narrowest}");
    assert!(
        narrowest.lines().all(|l| text::width(l) <= 40),
        "{narrowest}"
    );
}

#[test]
fn show_with_filters_keeps_every_line_within_its_width() {
    // The filters' summary, the as-of line and a side's "3 claims hidden by the filters" are
    // laid out as any text is: they ran past a narrow width (116 columns at `--width 40`).
    let filters = [
        "--topic",
        "ceasefire",
        "--tag",
        "mediation",
        "--rating",
        "disputed",
        "--since",
        "2025-05-10",
        "--as-of",
        "2025-05-12",
    ];
    for width in [40, 47, 60, 61] {
        let w = width.to_string();
        for args in [&filters[..], &["--party", "india"][..]] {
            let mut all = vec!["show", "--width", &w];
            all.extend_from_slice(args);
            let shown = stdout_of(&all);
            assert!(shown.contains("hidden by"), "{shown}");
            let wide: Vec<&str> = shown.lines().filter(|l| text::width(l) > width).collect();
            assert!(wide.is_empty(), "{args:?} at {width}: {wide:#?}");
        }
    }
}

#[test]
fn the_tui_refuses_without_a_terminal_and_points_to_show() {
    parallax()
        .arg(fixture("compare"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("parallax show"));
}

#[test]
fn validate_json_is_machine_readable() {
    let out = stdout_of(&[
        "validate",
        "--json",
        &fixture("load/good.json"),
        &fixture("load/bad-date.json"),
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["ok"], false);
    assert_eq!(v["errors"], 2, "the bad date, and too few sides left");
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"], "bad-date");
    assert_eq!(d["pointer"], "/topics/0/claims/0/date");
    assert_eq!(d["line"], 30);
}

#[test]
fn topics_lists_claims_per_side_and_rows_by_both_or_one() {
    let out = stdout_of(&["topics", &fixture("compare")]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0].split_whitespace().collect::<Vec<_>>(),
        [
            "id", "topic", "A", "B", "both", "A", "only", "B", "only", "common"
        ]
    );
    // Each row starts with the topic's id, what --topic takes.
    let row = |title: &str| -> Vec<String> {
        let line = lines.iter().find(|l| l.contains(title)).expect("topic row");
        let at = line.find(title).unwrap_or(0);
        let id = line[..at].trim().to_owned();
        std::iter::once(id)
            .chain(
                line[at + title.len()..]
                    .split_whitespace()
                    .map(str::to_owned),
            )
            .collect()
    };
    assert_eq!(row("Topic one"), ["t1", "7", "6", "3", "3", "2", "0"]);
    assert_eq!(row("Only B *"), ["tb-only", "0", "1", "0", "0", "1", "0"]);
    assert!(out.contains("* only one of the two sides addresses this topic"));
}

#[test]
fn topics_fits_its_width_cutting_titles_and_party_names_not_counts() {
    // The bundled dispute's titles are long: at 80 columns every line fits, a cut title or
    // party name ends in `…`, and the counts are whole (the same as at 200 columns).
    let narrow = stdout_of(&["topics", "--width", "80"]);
    let wide = stdout_of(&["topics", "--width", "200"]);
    for line in narrow.lines().filter(|l| !l.starts_with('*')) {
        assert!(text::width(line) <= 80, "wider than 80: {line:?}\n{narrow}");
    }
    assert!(narrow.contains('…'), "{narrow}");
    assert!(wide.lines().all(|l| !l.contains('…')), "{wide}");
    let counts = |out: &str| -> Vec<Vec<String>> {
        out.lines()
            .map(|l| {
                let cells: Vec<String> = l.split_whitespace().map(str::to_owned).collect();
                cells[cells.len().saturating_sub(6)..].to_vec()
            })
            .filter(|c| c.len() == 6 && c.iter().all(|n| n.parse::<usize>().is_ok()))
            .collect()
    };
    assert_eq!(counts(&narrow).len(), 12, "{narrow}");
    assert_eq!(counts(&narrow), counts(&wide));
    // A cut title keeps its one-side mark.
    let one_sided = |out: &str| {
        out.lines()
            .filter(|l| l.ends_with('0') && l.contains(" * "))
            .count()
    };
    assert_eq!(one_sided(&narrow), one_sided(&wide), "{narrow}");
    assert!(one_sided(&wide) > 0, "{wide}");
    // Too narrow for the names: a legend names the columns.
    assert!(narrow.starts_with("L: India\nR: Pakistan\n"), "{narrow}");
    // The total's label is never cut: it has the id's column too, and more when ids are short.
    for out in [&narrow, &stdout_of(&["topics", "--width", "60"])] {
        assert!(
            out.lines().any(|l| l.starts_with("total (11 topics) ")),
            "{out}"
        );
    }
    let short = common::one_claim_sides(
        ("t", "A topic with a long title"),
        &[("a", "Alpha"), ("b", "Beta")],
        "Text.",
        serde_json::json!({}),
    );
    let out = parallax()
        .args(["topics", "--width", "40"])
        .arg(short.path())
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.lines().any(|l| l.starts_with("total (1 topic) ")),
        "{out}"
    );
    parallax()
        .args(["topics", "--width", "1001"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--width 1001 is too wide"));
}

/// The column where the separator stands on every two-column line.
fn separator_columns(out: &str) -> Vec<usize> {
    out.lines()
        .filter_map(|l| l.find(" │ ").map(|i| text::width(&l[..i])))
        .collect()
}

/// A name, a title or a speaker is one line wherever it is shown: a line break in it is a space,
/// so neither the `topics` table (whose heads spilled over three lines) nor `show` glues or
/// splits its words; a claim's text keeps its line break.
#[test]
fn a_line_break_in_a_name_or_title_is_a_space() {
    let dir = common::one_claim_sides(
        ("t", "Neutral\ntitle"),
        &[("a", "Party\u{2028}A"), ("b", "Party\r\nB")],
        "first line\nsecond line",
        serde_json::json!({"speaker": "Sp\neaker"}),
    );
    let topics = common::parallax_on_path(dir.path(), "topics", &[]);
    let lines: Vec<&str> = topics.lines().collect();
    assert!(
        lines
            .first()
            .is_some_and(|l| l.contains("Party A") && l.contains("Party B")),
        "{topics}"
    );
    assert!(
        lines.get(1).is_some_and(|l| l.contains("Neutral title")),
        "{topics}"
    );
    let show = common::parallax_on_path(dir.path(), "show", &["--width", "100"]);
    for said in ["Neutral title", "Party A", "Sp eaker"] {
        assert!(show.contains(said), "{said} in {show}");
    }
    let first = common::line_with(&show, "first line");
    assert!(!first.contains("second"), "{show}");
    assert!(show.contains("second line"), "{show}");
}

#[test]
fn show_lays_out_two_level_columns_at_any_width() {
    for width in [60usize, 120] {
        let out = stdout_of(&["show", "--width", &width.to_string(), &fixture("compare")]);
        for line in out.lines() {
            assert!(text::width(line) <= width, "too wide at {width}: {line:?}");
        }
        let cols = separator_columns(&out);
        assert!(cols.len() > 10);
        assert!(
            cols.iter().all(|&c| c == (width - 3) / 2),
            "columns drift at {width}"
        );
        insta::assert_snapshot!(format!("show_compare_{width}"), out);
    }
}

#[test]
fn show_puts_each_rows_question_above_it_and_marks_the_silent_side() {
    let out = stdout_of(&["show", "--width", "100", &fixture("compare")]);
    let q = out.find("▸ 1. Question one?").expect("question heading");
    let a2 = out.find("Claim a2.").expect("claim a2");
    let b1 = out.find("Claim b1.").expect("claim b1");
    assert!(q < a2 && q < b1);
    // a2 and b1 answer the same question: they stand on the same line.
    let line = out.lines().find(|l| l.contains("Claim a2.")).expect("line");
    assert!(line.contains("Claim b1."), "{line}");
    let single = out.lines().find(|l| l.contains("Claim a5.")).expect("line");
    assert!(single.ends_with("no counterpart"), "{single}");
    assert!(out.contains("[Wire]"), "source tags show outlet (and date)");
}

#[test]
fn untrusted_text_is_inert_in_show_output() {
    let out = parallax()
        .args(["show", "--width", "140", &fixture("untrusted")])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8(out.stdout).expect("utf-8");
    let bad = |c: char| {
        (c < ' ' && c != '\n')
            || ('\u{7f}'..='\u{9f}').contains(&c)
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}'..='\u{200f}' | '\u{061c}' | '\u{2060}' | '\u{feff}')
    };
    assert!(
        !s.chars().any(bad),
        "a control character reached the output"
    );
    // Each ESC is marked; the text of its sequence stays in view, inert.
    assert!(s.contains("Title change␛]0;HACKED␇ and clear␛[2J␛[H here."));
    assert!(s.contains("Clipboard ␛]52;c;ZXZpbA==␇"));
    assert!(s.contains("⟨U+202E⟩gnp.exe⟨U+202C⟩"));
    assert!(s.contains("Mr ⟨U+200B⟩Hidden"));
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert!(err.contains("warning(s)"));
}

/// A sentence spelled in tag characters (ASCII's shape, drawn as nothing) and the other
/// invisible characters are flagged and shown as markers: "Visible⟨hidden⟩ end" showed as
/// "Visible end", `validate` said nothing and `--untrusted` did not find it.
#[test]
fn a_sentence_in_tag_characters_is_flagged_and_shown() {
    let tags: String = "HI"
        .chars()
        .filter_map(|c| char::from_u32(0xe0000 + c as u32))
        .collect();
    let text = format!("Visible{tags} end, \u{fff9}note\u{fffb} and a\u{3164}filler");
    let dir = common::one_claim_sides(
        ("t", "T"),
        &[("a", "A"), ("b", "B")],
        &text,
        serde_json::json!({}),
    );
    let (_, err) = validate(&[dir.path()]);
    assert!(
        err.contains("warning[untrusted-text]")
            && err.contains("U+E0048, U+E0049, U+FFF9, U+FFFB, U+3164"),
        "{err}"
    );
    let out = parallax()
        .args(["show", "--width", "120"])
        .arg(dir.path())
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("Visible⟨U+E0048⟩⟨U+E0049⟩ end"), "{shown}");
    assert!(
        !shown.contains(['\u{e0048}', '\u{fff9}', '\u{3164}']),
        "{shown}"
    );
    parallax()
        .args(["search", "--untrusted"])
        .arg(dir.path())
        .arg("Visible")
        .assert()
        .success();
    // The flag of England is tag characters after a black flag: an emoji, shown and not flagged.
    let england = "\u{1f3f4}\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}";
    let dir = common::one_claim_sides(
        ("t", "T"),
        &[("a", "A"), ("b", "B")],
        &format!("Come on {england}"),
        serde_json::json!({}),
    );
    let (_, said) = validate(&[dir.path()]);
    assert!(said.contains("0 warning(s)"), "{said}");
}

/// `validate --json` quotes an unknown key as written, escaped: U+009B (the one-byte start of a
/// terminal's control sequence), DEL and U+202E reached the terminal raw; the JSON reads back
/// the same key.
#[test]
fn validate_json_escapes_what_must_not_reach_the_terminal() {
    let dir = common::one_claim_sides(
        ("t", "T"),
        &[("a", "A"), ("b", "B")],
        "x",
        serde_json::json!({}),
    );
    let key = "x\u{9b}2J\u{7f}\u{202e}";
    let side = dir.path().join("a.json");
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&side).unwrap()).unwrap();
    doc["party"][key] = serde_json::json!(1);
    std::fs::write(&side, doc.to_string()).unwrap();
    let out = parallax()
        .args(["validate", "--json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(!said.contains(['\u{9b}', '\u{7f}', '\u{202e}']), "{said}");
    assert!(said.contains("x\\u009b2J\\u007f\\u202e"), "{said}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["diagnostics"][0]["pointer"].as_str(),
        Some(format!("/party/{key}").as_str())
    );
}

#[test]
fn the_bundled_dispute_opens_from_any_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    parallax()
        .current_dir(dir.path())
        .args(["topics"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("India"));
}

#[test]
fn topics_json_gives_ids_titles_and_counts() {
    let out = stdout_of(&["topics", &fixture("compare"), "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["left"]["id"], "a");
    assert_eq!(v["left"]["name"], "A");
    let topics = v["topics"].as_array().expect("topics");
    let one = topics.iter().find(|t| t["id"] == "t1").expect("topic one");
    assert_eq!(one["title"], "Topic one");
    assert_eq!(
        [&one["left_claims"], &one["right_claims"], &one["both"]],
        [7, 6, 3]
    );
    assert!(topics.iter().any(|t| t["one_sided"] == true));
}

#[test]
fn validate_counts_columns_from_1() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let file = tmp.path().join("side.json");
    std::fs::write(&file, "{\n  \"format\": x\n}").expect("write");
    let out = parallax()
        .args(["validate"])
        .arg(&file)
        .output()
        .expect("runs");
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    // The `x` is the 13th character of line 2.
    assert!(report.contains("side.json:2:13: error[syntax]"), "{report}");
    // A file cut short after a newline: the end is column 1 of the next line, never column 0.
    std::fs::write(&file, "{\n  \"format\": 1,\n").expect("write");
    let out = parallax()
        .args(["validate"])
        .arg(&file)
        .output()
        .expect("runs");
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(report.contains("side.json:3:1: error[syntax]"), "{report}");
}

#[test]
fn show_never_wraps_inside_a_date_or_an_id() {
    for width in [50, 60, 72, 90, 100] {
        let out = stdout_of(&["show", "--width", &width.to_string(), &fixture("compare")]);
        let tui = stdout_of(&[
            "show",
            "--width",
            &width.to_string(),
            "tests/fixtures/tui/sample",
        ]);
        for line in out.lines().chain(tui.lines()) {
            for column in line.split(" │ ") {
                assert!(
                    !column.trim_end().ends_with('-'),
                    "at {width}: a line breaks at a hyphen: {line:?}"
                );
            }
        }
    }
}

/// An option before the command makes the command's name a path: said as such, not as a
/// missing terminal or a file that does not exist.
#[test]
fn an_option_before_the_command_is_named_as_the_reason() {
    parallax()
        .args(["--max-file-size", "10M", "validate", &fixture("normal")])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`validate` was read as a dispute path",
        ))
        .stderr(predicate::str::contains("parallax validate [OPTIONS]"));
    // `--` asks for the word to be read as a path: there is no such file, and no option is
    // to blame.
    parallax()
        .args(["--", "show"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("show: no such file or folder"))
        .stderr(predicate::str::contains("option").not());
    // A `--` after the command's name is not why it was read as a path: the option before it is.
    parallax()
        .args(["--left", "india", "show", "--", "somewhere"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`show` was read as a dispute path",
        ));
}

/// A mistyped command is named as one, with the command meant; a path that does not exist is
/// said to, whether or not a terminal runs it (not "needs a terminal").
#[test]
fn a_mistyped_command_or_a_missing_path_is_said_at_once() {
    parallax()
        .arg("showw")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`showw` is neither a command nor a file or folder here; did you mean `parallax show`?",
        ));
    parallax()
        .arg("no-such-dispute-folder")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no-such-dispute-folder: no such file or folder",
        ))
        .stderr(predicate::str::contains("needs a terminal").not());
}

/// Another tool's word for a command is answered with the command: `parallax stats` said
/// `stats: no such file or folder`, and `lint` named `link`, a letter away.
#[test]
fn another_tools_word_for_a_command_names_the_command() {
    let tmp = tempfile::tempdir().unwrap();
    for (word, command) in [
        ("stats", "topics"),
        ("lint", "validate"),
        ("grep", "search"),
    ] {
        parallax()
            .current_dir(tmp.path())
            .arg(word)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!(
                "`{word}` is neither a command nor a file or folder here; did you mean `parallax {command}`?"
            )));
    }
}

/// A size too large to count is said to be, not "not a size", which reads as a typo.
#[test]
fn a_size_too_large_to_count_is_said_to_be() {
    for size in ["99999999999G", "99999999999999999999999"] {
        parallax()
            .args(["validate", "--max-file-size", size])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!(
                "`{size}` is too large a size to count"
            )));
    }
    parallax()
        .args(["validate", "--max-file-size", "12Q"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`12Q` is not a size"));
}

#[test]
fn a_file_named_twice_is_read_once_with_one_warning() {
    let manifest = fixture("query/dispute.json");
    let india = fixture("query/india.json");
    let pakistan = fixture("query/pakistan.json");
    // The manifest and a side file it lists: the side is not loaded a second time.
    let out = stdout_of(&["validate", &manifest, &india]);
    let warning = format!("{india} is given twice (the manifest lists it); read once");
    assert_eq!(out.matches(&warning).count(), 1, "{out}");
    assert!(!out.contains("duplicate-party"), "{out}");
    assert!(!out.contains("already used by another side"), "{out}");
    assert_eq!(
        out.matches("warning[unsourced]").count(),
        1,
        "each warning once: {out}"
    );
    assert!(
        out.contains("query-test: 2 sides (india, pakistan)"),
        "{out}"
    );
    parallax()
        .args(["validate", &manifest, &india])
        .assert()
        .code(0);
    // The same side file twice on the command line.
    parallax()
        .args(["validate", &india, &pakistan, &india])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(format!(
            "{india}: warning[repeated-file]: {india} is given twice; read once"
        )))
        .stdout(predicate::str::contains("error[").not());
    // One side file named twice and nothing else: too few sides says why, not only how many.
    parallax()
        .args(["validate", &india, &india])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "error[too-few-sides]: 1 side(s) loaded without errors ({india} was named twice, \
             and is one side)"
        )));
    // The same folder twice: no second manifest.
    let folder = fixture("query");
    let out = stdout_of(&["validate", &folder, &folder]);
    assert!(
        out.contains(&format!("{manifest} is given twice; read once")),
        "{out}"
    );
    assert!(!out.contains("second-manifest"), "{out}");
}

/// A side file left in a dispute's folder that the manifest's `sides` does not list is not
/// read: it was passed over without a word, and its claims were simply missing. It is said,
/// with how to add it; parallax's own exports and reports there are not side files, and a side
/// named on the command line beside the manifest is read, so it is not said.
#[test]
fn a_side_file_the_manifest_does_not_list_is_said() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for f in ["dispute.json", "india.json", "pakistan.json"] {
        std::fs::copy(format!("{}/{f}", fixture("query")), dir.path().join(f)).unwrap();
    }
    let extra = dir.path().join("china.json");
    let china = std::fs::read_to_string(dir.path().join("pakistan.json"))
        .unwrap()
        .replacen("\"id\": \"pakistan\"", "\"id\": \"china\"", 1)
        .replace("\"pk-", "\"cn-");
    std::fs::write(&extra, china).unwrap();
    let folder = dir.path().to_str().unwrap();
    let export = dir.path().join("export.json");
    parallax()
        .args(["export", folder, "-f", "json", "-o"])
        .arg(&export)
        .assert()
        .success();
    let report = stdout_of(&["validate", "--json", folder]);
    std::fs::write(dir.path().join("report.json"), report).unwrap();
    // The format's schema, copied beside the files for an editor, names `parallax/1` too.
    let schema = format!("{}/narratives/schema.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(&schema, dir.path().join("schema.json")).unwrap();
    let out = stdout_of(&["validate", folder]);
    assert_eq!(out.matches("warning[unlisted-side]").count(), 1, "{out}");
    assert!(
        out.contains(&format!(
            "{}: warning[unlisted-side]: a side file in the dispute's folder that \
             dispute.json's `sides` does not list, so it is not read; to compare it, add \
             \"china.json\" to `sides`",
            extra.display()
        )),
        "{out}"
    );
    assert!(out.contains("2 sides (india, pakistan)"), "{out}");
    let named = stdout_of(&[
        "validate",
        &format!("{folder}/dispute.json"),
        extra.to_str().unwrap(),
    ]);
    assert!(!named.contains("unlisted-side"), "{named}");
    assert!(named.contains("3 sides"), "{named}");
    // Without the manifest the schema is no side either: the folder loads.
    std::fs::remove_file(dir.path().join("dispute.json")).unwrap();
    std::fs::remove_file(&extra).unwrap();
    parallax()
        .args(["validate", folder])
        .assert()
        .success()
        .stdout(predicate::str::contains("schema.json").not());
}

#[test]
fn a_link_into_a_side_that_failed_to_load_names_that_file_not_load_it_too() {
    let good = fixture("load/good.json");
    let red = fixture("load/unresolved-rebuttal.json");
    let broken = fixture("load/syntax.json");
    // Without the broken file: the other side may simply not be given.
    let out = stdout_of(&["validate", &good, &red]);
    assert!(
        out.contains(
            "claim `r1` rebuts `ghost`, which no loaded side holds; \
             expected the id of another party's claim (load that side too)"
        ),
        "{out}"
    );
    // The broken file was given: it may hold `ghost`, and loading it again is no advice.
    let out = stdout_of(&["validate", &good, &red, &broken]);
    assert!(
        out.contains(&format!(
            "warning[unresolved-rebuttal] at /topics/0/claims/0/rebuts/1: claim `r1` rebuts \
             `ghost`, which no loaded side holds; it may be in {broken}, which did not load; \
             expected the id of another party's claim (fix that file's errors first)"
        )),
        "{out}"
    );
    assert!(out.contains("error[syntax]"), "{out}");
    assert!(!out.contains("load that side too"), "{out}");
}

/// Many links into a file that did not load are one warning for the file, not one each: the
/// broken file's own error is not buried under dozens of warnings it caused.
#[test]
fn many_links_into_a_side_that_failed_to_load_are_said_once() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("narratives/india-pakistan-2025");
    let india = std::fs::read_to_string(root.join("india.json")).expect("readable");
    let cut = dir.path().join("india.json");
    std::fs::write(&cut, &india[..india.len() / 2]).expect("written");
    let pakistan = root.join("pakistan.json").display().to_string();
    let out = stdout_of(&["validate", &cut.display().to_string(), &pakistan]);
    let unresolved: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("unresolved-rebuttal"))
        .collect();
    assert_eq!(unresolved.len(), 1, "{out}");
    assert!(
        unresolved[0].contains("more links of this file, name claims no loaded side holds"),
        "{out}"
    );
    assert!(
        unresolved[0].contains(&format!("they may be in {}", cut.display())),
        "{out}"
    );
    assert!(out.contains("error[syntax]"), "{out}");
}

#[test]
fn a_claim_linked_to_its_own_party_is_not_told_to_load_another_side() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let text = std::fs::read_to_string(fixture("load/unresolved-rebuttal.json")).expect("fixture");
    // `r1` rebuts `r2`, a claim of Red itself.
    let text = text.replace("\"ghost\"", "\"r2\"").replace(
        "      ]\n    }\n  ]\n}",
        "      ,{\"id\": \"r2\", \"text\": \"Red says two.\", \"sources\": [\"s1\"]}]\n    }\n  ]\n}",
    );
    let red = dir.path().join("red.json");
    std::fs::write(&red, text).expect("written");
    let red = red.display().to_string();
    parallax()
        .args(["validate", &fixture("load/good.json"), &red])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "claim `r1` rebuts `r2`, a claim of its own party; expected the id of another \
             party's claim: a claim answers another side, so no other side loaded would \
             resolve this link",
        ))
        .stdout(predicate::str::contains("load that side too").not());
}

/// Records each write `show` makes, and refuses every one after the first `fail_after`.
struct Recorder {
    writes: Vec<usize>,
    fail_after: usize,
}

impl std::io::Write for Recorder {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.writes.len() >= self.fail_after {
            return Err(std::io::Error::new(
                std::io::ErrorKind::BrokenPipe,
                "closed",
            ));
        }
        self.writes.push(buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn show_writes_a_topic_of_many_rows_as_it_goes_and_stops_when_writing_fails() {
    // Every claim in one topic: the output is written in pieces, not held whole.
    let files = synth::stress(synth::Shape::Points, 4_000);
    let dispute = synth::load(&files).dispute.expect("loads");
    let cmp = parallax::compare::Comparison::new(&dispute, 0, 1);
    let whole = parallax::plain::show(&dispute, &cmp, 100);
    let mut out = Recorder {
        writes: Vec::new(),
        fail_after: usize::MAX,
    };
    parallax::plain::write_show(&mut out, &dispute, &cmp, 100).expect("written");
    assert_eq!(out.writes.iter().sum::<usize>(), whole.len());
    assert!(
        out.writes.len() > 4 && out.writes.iter().all(|&n| n < 1 << 17),
        "{} bytes in {} writes",
        whole.len(),
        out.writes.len()
    );
    // A closed pipe (`parallax show | head`) ends the work at once.
    let mut closed = Recorder {
        writes: Vec::new(),
        fail_after: 1,
    };
    assert!(parallax::plain::write_show(&mut closed, &dispute, &cmp, 100).is_err());
    assert_eq!(closed.writes.len(), 1, "no write after the failed one");
}

/// A usage error names the program `parallax` however the binary was called or copied as.
#[test]
fn the_usage_line_says_parallax_whatever_the_binary_is_called() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let copy = dir.path().join("base");
    std::fs::copy(env!("CARGO_BIN_EXE_parallax"), &copy).expect("copied");
    for args in [&["import", "csv"][..], &["show", "--nope"][..]] {
        // A copy just written may be "busy" for a moment: another test's thread forked while
        // the copy's file was open for writing, and the child holds it until it execs.
        let mut tries = 0;
        let out = loop {
            match std::process::Command::new(&copy).args(args).output() {
                Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy && tries < 50 => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                other => break other.expect("runs"),
            }
        };
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains("Usage: parallax "), "{args:?}: {said}");
        assert!(!said.contains("Usage: base"), "{args:?}: {said}");
    }
}

/// An argument holding an escape sequence or a hidden character is quoted in clap's message
/// with markers, as every message shows such text: never raw, and never stripped to another
/// value (`2025` said to be invalid).
#[test]
fn a_bad_argument_with_an_escape_sequence_is_quoted_with_markers() {
    for (args, quoted) in [
        (vec!["show", "--as-of", "2025\u{1b}[31m"], "'2025␛[31m'"),
        (vec!["completions", "\u{1b}[31mzsh"], "'␛[31mzsh'"),
        (vec!["show", "--as-of", "2025\u{200b}"], "'2025⟨U+200B⟩'"),
    ] {
        let out = parallax().args(&args).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&format!("invalid value {quoted}")), "{err}");
        assert!(!err.contains(['\u{1b}', '\u{200b}']), "{err:?}");
    }
    // A date of the wrong shape is told the forms once.
    let out = parallax()
        .args(["show", "--as-of", "2025-1"])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.matches("YYYY-MM-DD").count(), 1, "{err}");
}

/// Ids are lower case in every file, so a party or topic given with capitals means the same id.
#[test]
fn party_and_topic_ids_are_read_in_any_case() {
    let out = parallax()
        .args([
            "show",
            "--left",
            "Pakistan",
            "--party",
            "PAKISTAN",
            "--topic",
            "Ceasefire",
        ])
        .args(["--width", "100"])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("The 10 May ceasefire"), "{shown}");
    assert!(!shown.contains("══ The Pahalgam attack"), "{shown}");
    assert!(shown.contains("Pakistan ⟷ India"), "{shown}");
}

/// `validate --json` says what the plain summary line says of a dispute that loads: its id,
/// its sides' parties and how many claims (it had only the counts of problems).
#[test]
fn validate_json_names_the_dispute_it_loaded() {
    let out = parallax()
        .args(["validate", "--json"])
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        v["dispute"],
        serde_json::json!({
            "id": "india-pakistan-2025",
            "sides": ["india", "pakistan", "third-parties"],
            "claims": 315
        })
    );
    let plain = stdout_of(&["validate"]);
    assert!(
        plain.contains("india-pakistan-2025: 3 sides (india, pakistan, third-parties), 315 claims"),
        "{plain}"
    );
    // A dispute that does not load has none.
    let out = parallax()
        .args(["validate", "--json", &fixture("load/syntax.json")])
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(v.get("dispute").is_none(), "{v}");
}

/// A file name holding a line break is shown with `␊` in a diagnostic, as a quoted value is
/// (it showed a space: `fn/in x.json`, another file's name).
#[test]
fn a_line_break_in_a_file_name_is_shown_as_a_marker() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let side = dir.path().join("in\nx.json");
    std::fs::copy(fixture("load/bad-date.json"), &side).expect("copied");
    let (_, said) = validate(&[&side]);
    assert!(said.contains("in␊x.json:"), "{said}");
    assert!(!said.contains("in x.json"), "{said}");
}

/// One side file named alone is checked on its own: its own problems only, its links to other
/// sides' claims counted in a note, no "too few sides" (a wall of warnings and a failure).
#[test]
fn validate_checks_one_side_file_on_its_own() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let side = common::copy_fixture("compare", dir.path(), "d").join("a.json");
    let (code, said) = validate(&[&side]);
    assert_eq!(code, Some(0), "{said}");
    assert!(!said.contains("too-few-sides"), "{said}");
    assert!(!said.contains("unresolved-rebuttal"), "{said}");
    assert!(said.contains("checked on its own: 4 link(s)"), "{said}");
    // `validate --json` of the side alone, as a script reads it.
    let report = |side: &std::path::Path| -> serde_json::Value {
        let json = parallax()
            .args(["validate", "--json"])
            .arg(side)
            .output()
            .expect("runs");
        serde_json::from_slice(&json.stdout).expect("JSON")
    };
    let v = report(&side);
    assert_eq!(v["unchecked_links"], 4);
    // A source affiliated with another side's party is held back as the links are: a
    // correct file passes `--strict` (it got `unknown-affiliation … names no loaded party`).
    common::rewrite(
        &side,
        "\"outlet\": \"Wire\"",
        "\"outlet\": \"Wire\", \"affiliation\": \"b\"",
    );
    let out = parallax()
        .args(["validate", "--strict"])
        .arg(&side)
        .output()
        .expect("runs");
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(!said.contains("unknown-affiliation"), "{said}");
    assert!(
        said.contains(
            "checked on its own: 4 link(s) to other sides' claims not followed, 1 source \
             affiliation(s) naming another party not checked; give the dispute's folder"
        ),
        "{said}"
    );
    let v = report(&side);
    assert_eq!(v["unchecked_affiliations"], 1);
    // With the dispute's folder, the affiliation is checked, and names a loaded party.
    let folder = side.parent().expect("the fixture's folder");
    let out = parallax()
        .args(["validate", "--strict"])
        .arg(folder)
        .output()
        .expect("runs");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(!said.contains("unknown-affiliation"), "{said}");
    // Its own errors are said all the same, and fail.
    common::rewrite(&side, "\"id\": \"a1\",", "\"id\": \"A 1\",");
    parallax().arg("validate").arg(&side).assert().code(1);
    // A mistyped name is said to be missing, and that alone.
    let (code, said) = validate(&[&dir.path().join("nothere.json")]);
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("error[unreadable]"), "{said}");
    assert!(!said.contains("too-few-sides"), "{said}");
    assert!(said.contains("failed: 1 error(s)"), "{said}");
    // So is one of two.
    let (_, said) = validate(&[&side, &dir.path().join("d/b.jsn")]);
    assert!(said.contains("b.jsn: error[unreadable]"), "{said}");
    assert!(!said.contains("too-few-sides"), "{said}");
    // ClaimReview (parallax's own export of it) is named as such, with the command that reads
    // it, not as four errors of missing and unknown fields.
    let reviews = dir.path().join("reviews.json");
    parallax()
        .args(["export", "-f", "claimreview", "-o"])
        .arg(&reviews)
        .assert()
        .success();
    let (code, said) = validate(&[&reviews]);
    assert_eq!(code, Some(1), "{said}");
    assert!(
        said.contains("this is ClaimReview (JSON-LD), not a side file"),
        "{said}"
    );
    assert!(said.contains("parallax import claimreview "), "{said}");
    assert!(said.contains("failed: 1 error(s)"), "{said}");
    // So are the other forms fact-checkers publish it in: a list of reviews, a review whose
    // `@type` comes first, the Fact Check Tools API's answer, a saved page (they got "is an
    // array", four missing fields, or "invalid JSON").
    let review =
        r#"{"@type": "ClaimReview", "@context": "https://schema.org", "claimReviewed": "x"}"#;
    for (name, text) in [
        ("list.json", format!("[{review}]")),
        ("typed.json", review.to_owned()),
        (
            "api.json",
            r#"{"claims": [{"text": "x", "claimReview": [{"textualRating": "False"}]}]}"#
                .to_owned(),
        ),
        (
            "page.html",
            format!("<!doctype html><script type=\"application/ld+json\">{review}</script>"),
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("written");
        let (_, said) = validate(&[&path]);
        assert!(
            said.contains("this is ClaimReview (JSON-LD), not a side file")
                && said.contains("failed: 1 error(s)"),
            "{name}: {said}"
        );
    }
}

/// `dismiss` or `link` with one claim id forgotten takes the dispute's path for the second id:
/// said so, with the order to write them in (it went on to the bundled dispute, and said that
/// cannot be changed).
#[test]
fn a_path_given_for_a_claim_id_is_named() {
    let dir = tempfile::tempdir().unwrap();
    for command in ["dismiss", "link"] {
        let said = usage_error(
            parallax()
                .current_dir(dir.path())
                .args([command, "a3", "."]),
        );
        assert!(
            said.contains(&format!(
                "`.` is a path, not a claim id: name both claims, then the dispute: parallax {command} LEFT_ID RIGHT_ID ."
            )),
            "{said}"
        );
        assert!(!said.contains("bundled"), "{said}");
    }
    // The dispute first, as `show` and `search` take it: the order to write them in (it said
    // the files do not load, and to validate the second claim id).
    std::fs::create_dir(dir.path().join("po")).unwrap();
    // Between the ids too.
    let orders: [[&str; 3]; 2] = [["po", "in-a", "pk-b"], ["in-a", "po", "pk-b"]];
    for command in ["dismiss", "link"] {
        for order in orders {
            let said = usage_error(parallax().current_dir(dir.path()).arg(command).args(order));
            assert!(
                said.contains(&format!(
                    "`po` is the dispute: name both claims first, then the dispute: parallax {command} in-a pk-b po"
                )),
                "{order:?}: {said}"
            );
        }
    }
    // With side files after it: a `/` is in no id (it was read as a dispute of one side file).
    let said = usage_error(parallax().args(["link", "a1", "./one.json", "./two.json"]));
    assert!(
        said.contains("`./one.json` is a path, not a claim id: name both claims, then the dispute: parallax link LEFT_ID RIGHT_ID ./one.json ./two.json"),
        "{said}"
    );
}

/// `--topic` takes a topic's whole title too, as the topic list and the screen show it (any
/// case, spaces as one): it said "no topic `the 10 may ceasefire`", and `timeline` still did
/// after `show` took titles.
#[test]
fn topic_takes_a_title_as_well_as_an_id() {
    let commands: [&[&str]; 3] = [
        &["show", "--width", "100"],
        &["timeline"],
        &["timeline", "--json"],
    ];
    for command in commands {
        let run = |topic: &str| {
            parallax()
                .args(command)
                .args(["--topic", topic])
                .output()
                .expect("runs")
        };
        let by_id = run("ceasefire");
        assert!(by_id.status.success(), "{command:?}");
        for title in ["The 10 May ceasefire", "the  10 MAY ceasefire"] {
            let out = run(title);
            assert!(
                out.status.success(),
                "{command:?} {title}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert_eq!(out.stdout, by_id.stdout, "{command:?} {title}");
        }
    }
    // A title pasted with a typographic apostrophe is the title written with a plain one.
    let show = |topic: &str| {
        parallax()
            .args(["show", "--width", "100", "--topic", topic])
            .output()
            .expect("runs")
    };
    let pasted = show("China’s role in the conflict");
    assert!(pasted.status.success(), "{pasted:?}");
    assert_eq!(pasted.stdout, show("china-role").stdout);
}

/// A topic the dispute lacks is quoted as typed (it was quoted lower-cased, `cease fire` for
/// `Cease Fire`, as if the analyst had typed that), while an id in capitals still names its
/// topic.
#[test]
fn a_missing_topic_is_quoted_as_typed() {
    let runs: [&[&str]; 3] = [
        &["timeline", "--topic", "Cease Fire"],
        &["export", "-f", "md", "--topic", "Cease Fire"],
        &["show", "--topic", "Cease Fire"],
    ];
    for args in runs {
        let said = usage_error(parallax().args(args));
        assert!(
            said.contains("no topic `Cease Fire` here, by id or title; choose one of: ceasefire"),
            "{args:?}: {said}"
        );
    }
    let shown = |topic: &str| {
        parallax()
            .args(["show", "--width", "100", "--topic", topic])
            .output()
            .expect("runs")
    };
    let upper = shown("CEASEFIRE");
    assert!(upper.status.success(), "{upper:?}");
    assert_eq!(upper.stdout, shown("ceasefire").stdout);
}

/// A mistyped `--topic` lists the likeliest topics first (the whole list was in file order,
/// 137 topics long on a real dispute, the one meant somewhere inside).
#[test]
fn a_mistyped_topic_names_the_likeliest_first() {
    let runs: [&[&str]; 3] = [
        &["timeline", "--topic", "sindoor"],
        &["export", "-f", "md", "--topic", "sindoor"],
        &["search", "--topic", "sindoor", "drone"],
    ];
    for args in runs {
        let said = usage_error(parallax().args(args));
        assert!(
            said.contains(
                "no topic `sindoor` here, by id or title; choose one of: operation-sindoor, "
            ),
            "{args:?}: {said}"
        );
    }
    // A list cut short (more than twelve topics) says where every topic is listed.
    let dir = tempfile::tempdir().unwrap();
    for (id, name) in [("a", "A"), ("b", "B")] {
        let topics: Vec<serde_json::Value> = (1..=14)
            .map(|t| {
                serde_json::json!({"id": format!("topic-{t}"), "title": format!("Topic {t}"),
                    "claims": [{"id": format!("{id}-{t}"), "text": "A claim.", "sources": ["s"]}]})
            })
            .collect();
        let side = serde_json::json!({"format": "parallax/1", "dispute": "d",
            "party": {"id": id, "name": name},
            "sources": [{"id": "s", "outlet": "O", "url": "https://example.org/"}],
            "topics": topics});
        std::fs::write(dir.path().join(format!("{id}.json")), side.to_string()).unwrap();
    }
    let said = usage_error(
        parallax()
            .arg("show")
            .arg(dir.path())
            .args(["--topic", "topic-99"]),
    );
    assert!(
        said.contains("(14 in all); `parallax topics` lists them all"),
        "{said}"
    );
}

/// An id given on the command line is quoted as a file's is: cut at 80 characters with its
/// length (`--left`, `--topic`, `--party`, `link` and `dismiss` echoed 128 characters whole).
/// A topic asked of a dispute with none says so (it said "choose one of:" and nothing).
#[test]
fn an_id_given_on_the_command_line_is_cut_in_messages() {
    let long = format!("k{}", "j".repeat(127));
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("fresh");
    parallax()
        .args(["new", fresh.to_str().unwrap(), "--title", "T"])
        .args(["--side", "a:A", "--side", "b:B"])
        .assert()
        .success();
    let runs: Vec<Vec<&str>> = vec![
        vec!["show", "--left", &long],
        vec!["timeline", "--topic", &long],
        vec!["export", "-f", "md", "--party", &long],
        vec!["match", "--left", &long],
        vec!["dismiss", &long, "b-1", fresh.to_str().unwrap()],
        vec!["link", &long, "b-1", fresh.to_str().unwrap(), "--dry-run"],
    ];
    // What a failing command says on stderr.
    let refused = |args: &[&str]| {
        let out = parallax()
            .args(args)
            .assert()
            .failure()
            .get_output()
            .stderr
            .clone();
        String::from_utf8_lossy(&out).into_owned()
    };
    for args in runs {
        let said = refused(&args);
        assert!(said.contains("… (128 characters)"), "{args:?}: {said}");
        assert!(!said.contains(&long), "{args:?}: {said}");
    }
    let said = refused(&["timeline", fresh.to_str().unwrap(), "--topic", "foo"]);
    assert!(said.contains("this dispute has no topic yet"), "{said}");
}

/// A file given where the kind of import goes (`import claims.csv`) is said with the command
/// that reads it (clap said "unrecognized subcommand", its tip `claimreview` for a table too);
/// each import's help says what it needs, and no option's help repeats its default.
#[test]
fn an_import_without_its_kind_names_the_command_that_reads_the_file() {
    let said = usage_error(parallax().args(["import", "claims.csv", "-o", "x"]));
    assert!(
        said.contains("say which import reads it: `parallax import csv claims.csv -o x`"),
        "{said}"
    );
    let said = usage_error(parallax().args(["import", "fact checks.json", "-o", "x"]));
    assert!(
        said.contains("`parallax import claimreview 'fact checks.json' -o x`"),
        "{said}"
    );
    // Help as one line: clap wraps it to the terminal's width.
    let help = |args: &[&str]| {
        stdout_of(args)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let csv = help(&["import", "csv", "--help"]);
    assert!(csv.contains("side, topic and text are required"), "{csv}");
    let reviews = help(&["import", "claimreview", "--help"]);
    assert!(
        reviews.contains("a fact-check page saved as HTML"),
        "{reviews}"
    );
    for command in ["validate", "show", "import csv"] {
        let mut args: Vec<&str> = command.split(' ').collect();
        args.push("--help");
        let said = help(&args);
        assert!(said.contains("[default: 1G]"), "{command}: {said}");
        assert!(!said.contains("Default 1G"), "{command}: {said}");
    }
}

/// An option another command takes (`timeline --since`) is said to be theirs, not passed on as
/// clap's tip (`use '-- --since'`) would have it, as a path that then does not exist.
#[test]
fn an_option_of_other_commands_names_them() {
    let out = parallax()
        .args(["timeline", "--since", "2025-05"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "`parallax timeline` takes no --since; it is an option of show, search, match, export"
        ),
        "{err}"
    );
    assert!(!err.contains("-- --since"), "{err}");
    // A subcommand's own options count, and its siblings are named by their full names.
    let out = parallax()
        .args(["import", "csv", "t.csv", "-o", "x", "--topic", "t"])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("`parallax import csv` takes no --topic; it is an option of show, search, match, export, timeline, import claimreview"),
        "{err}"
    );
    let out = parallax()
        .args(["show", "--strict"])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("it is an option of validate, import csv, import claimreview"),
        "{err}"
    );
    // A mistyped option keeps clap's own suggestion.
    let out = parallax()
        .args(["show", "--sinc", "2025"])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("a similar argument exists: '--since'"),
        "{err}"
    );
    // `--out` and `--output` are one option in `export` and `import` alike (import took only
    // `--out`, export only `--output`), and another command is told both are theirs.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let written = dir.path().join("x.md");
    parallax()
        .args(["export", "-f", "md", "--out"])
        .arg(&written)
        .assert()
        .success();
    assert!(written.is_file());
    let csv = dir.path().join("claims.csv");
    parallax()
        .args(["export", "-f", "claims-csv", "--output"])
        .arg(&csv)
        .assert()
        .success();
    let imported = dir.path().join("again");
    parallax()
        .args(["import", "csv"])
        .arg(&csv)
        .arg("--output")
        .arg(&imported)
        .assert()
        .success();
    assert!(imported.join("dispute.json").is_file());
    for flag in ["--out", "--output"] {
        let err = usage_error(parallax().args(["show", flag, "x"]));
        assert!(
            err.contains(&format!(
                "takes no {flag}; it is an option of export, import csv, import claimreview"
            )),
            "{err}"
        );
    }
}

/// A mistyped path given to a command that shows or writes the dispute is said once, as
/// `validate` says it: not followed by `too-few-sides` (two errors for one mistake), nor by
/// advice to run `validate` for a report already printed whole; `export` is not told
/// "nothing is shown".
#[test]
fn a_mistyped_path_is_one_error_in_every_command() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let nope = dir.path().join("nope");
    for args in [
        vec!["show"],
        vec!["topics"],
        vec!["timeline"],
        vec!["export", "-f", "md"],
    ] {
        let out = parallax().args(&args).arg(&nope).output().expect("runs");
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {said}");
        assert_eq!(said.matches("error[").count(), 1, "{args:?}: {said}");
        assert!(said.contains("error[unreadable]"), "{args:?}: {said}");
        assert!(
            said.contains(
                "1 error(s) in the input; nothing was done. Fix it: each error says where."
            ),
            "{args:?}: {said}"
        );
        assert!(!said.contains("validate"), "{args:?}: {said}");
    }
}

/// A side file that could not be read or parsed says why on its own, as a path mistyped does:
/// no `too-few-sides` after it ("expected those files fixed", or "that file fixed" of a
/// folder). A pipe (`<(cat a.json)`) is told what to do, as `-` is.
#[cfg(unix)]
#[test]
fn a_side_not_read_or_parsed_is_its_own_one_error() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let fifo = dir.path().join("pipe.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let two = dir.path().join("two");
    std::fs::create_dir(&two).expect("a folder");
    std::fs::copy(fixture("load/good.json"), two.join("a.json")).expect("copied");
    std::fs::write(two.join("b.json"), "{\"format\": \"parallax/1\",").expect("written");
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).expect("a folder");
    let good = fixture("load/good.json");
    let cases: [(Vec<std::ffi::OsString>, &str); 3] = [
        (
            vec![good.clone().into(), fifo.clone().into()],
            "expected a side file (a regular JSON file: save the input to a file first)",
        ),
        (vec![two.clone().into()], "error[syntax]"),
        (
            vec![empty.clone().into()],
            "a folder with no dispute.json and no side files",
        ),
    ];
    for (paths, cause) in cases {
        let out = parallax()
            .arg("show")
            .args(&paths)
            .timeout(std::time::Duration::from_secs(20))
            .output()
            .expect("runs");
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{paths:?}: {said}");
        assert!(said.contains(cause), "{paths:?}: {said}");
        assert!(!said.contains("too-few-sides"), "{paths:?}: {said}");
        assert_eq!(said.matches("error[").count(), 1, "{paths:?}: {said}");
    }
}

/// The advice to run `validate` names the dispute it was given: `parallax validate` alone checks
/// the bundled dispute, and says it is clean.
#[test]
fn the_advice_to_validate_names_the_dispute() {
    let hostile = fixture("tui/hostile");
    parallax()
        .args(["show", &hostile])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "run `parallax validate {hostile}` to see them"
        )));
    let dir = tempfile::tempdir().expect("a temporary folder");
    let broken = dir.path().join("my side.json");
    std::fs::write(&broken, "{").expect("written");
    let quoted = format!("'{}'", broken.display());
    parallax()
        .arg("show")
        .arg(&broken)
        .arg(format!("{hostile}/left.json"))
        .assert()
        .failure()
        .stderr(predicate::str::contains(format!(
            "run `parallax validate {quoted} {hostile}/left.json` for the full report"
        )));
}

/// `--version` after a command is parallax's own (clap's tip pointed to `--relation`, with a
/// usage line reading as if it were required); `--no-mouse`, the screen's, is said to be the
/// screen's (clap's bare `unexpected argument`), and an option the screen shares (`--left`)
/// names the screen among those that take it.
#[test]
fn version_and_the_screens_options_are_named_as_theirs() {
    let refused = |args: &[&str]| {
        let out = parallax().args(args).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    for command in ["show", "search", "export"] {
        let err = refused(&[command, "--version"]);
        assert!(
            err.contains(&format!(
                "--version is an option of parallax itself, not of `parallax {command}`: `parallax --version` prints the version"
            )),
            "{err}"
        );
        assert!(!err.contains("--relation"), "{err}");
    }
    let err = refused(&["show", "--no-mouse"]);
    assert!(
        err.contains(
            "`parallax show` takes no --no-mouse; it is an option of the screen: `parallax [PATH] --no-mouse`"
        ),
        "{err}"
    );
    let err = refused(&["validate", "--left", "india"]);
    assert!(
        err.contains("it is an option of topics, show, search, match, export, timeline and of the screen: `parallax [PATH] --left`"),
        "{err}"
    );
}

/// A command's name in capitals (`SHOW`, caps lock on) is named as the command meant, as
/// `Show` is (it was said to be no such file or folder).
#[test]
fn a_command_in_capitals_is_named_as_the_command_meant() {
    for word in ["SHOW", "Show", "VALIDATE", "TOPICS"] {
        let meant = word.to_lowercase();
        parallax()
            .arg(word)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!(
                "`{word}` is neither a command nor a file or folder here; did you mean `parallax {meant}`?"
            )));
    }
}

/// An argument that is not UTF-8 (a Latin-1 file name) beside a command-line mistake gets the
/// message about the mistake, not a crash: the code that explains an unknown option or a file
/// given in the kind of import's place read the arguments as UTF-8 and panicked.
#[cfg(unix)]
#[test]
fn a_non_utf8_argument_beside_a_mistake_does_not_crash() {
    use std::os::unix::ffi::OsStrExt;
    let latin1 = std::ffi::OsStr::from_bytes(b"caf\xe9.csv");
    for args in [
        vec![
            std::ffi::OsStr::new("show"),
            std::ffi::OsStr::new("--bogus"),
            latin1,
        ],
        vec![
            std::ffi::OsStr::new("import"),
            latin1,
            std::ffi::OsStr::new("-o"),
        ],
    ] {
        let out = Command::cargo_bin("parallax")
            .unwrap()
            .args(&args)
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {said}");
        assert!(!said.contains("panicked"), "{args:?}: {said}");
    }
}

/// A path that starts with `-` is given in a pasted command after `./`: `parallax validate
/// '-d x'` was read as an option (`unexpected argument '-d'`).
#[test]
fn a_command_to_paste_names_a_path_starting_with_a_dash_so_it_runs() {
    let dir = tempfile::tempdir().unwrap();
    let dashed = dir.path().join("-d x");
    std::fs::create_dir(&dashed).unwrap();
    for side in ["left.json", "right.json"] {
        std::fs::copy(
            std::path::Path::new(&fixture("untrusted")).join(side),
            dashed.join(side),
        )
        .unwrap();
    }
    let out = parallax()
        .current_dir(dir.path())
        .args(["show", "--", "-d x"])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("run `parallax validate './-d x'` to see them"),
        "{said}"
    );
    // As pasted: it runs, and lists the warnings.
    parallax()
        .current_dir(dir.path())
        .args(["validate", "./-d x"])
        .assert()
        .success()
        .stdout(predicate::str::contains("warning[untrusted-text]"));
    assert_eq!(parallax::text::shell_path("-x"), "./-x");
    assert_eq!(parallax::text::shell_path("a b"), "'a b'");
}

/// A claim id mistyped in `link` or `dismiss` names the id likely meant, as a mistyped topic or
/// action does: the analyst copied it by hand from `match` and slipped a letter.
#[test]
fn a_mistyped_claim_id_names_the_one_meant() {
    let dir = tempfile::tempdir().unwrap();
    let m = common::copy_fixture("match", dir.path(), "m")
        .to_string_lossy()
        .into_owned();
    for command in ["link", "dismiss"] {
        let said = usage_error(parallax().args([command, "a-people", "b-kravani", &m]));
        assert!(
            said.contains("no claim `b-kravani` in this dispute; did you mean `b-karvani`?"),
            "{command}: {said}"
        );
        // Typed in capitals (ids are lower case): the id in lower case.
        let said = usage_error(parallax().args([command, "A-PEOPLE", "b-karvani", &m]));
        assert!(
            said.contains("no claim `A-PEOPLE` in this dispute; did you mean `a-people`?"),
            "{command}: {said}"
        );
        // Near only a claim of the other id's party: said so, as the pair would be refused for
        // it next (the guess led into a second error unsaid).
        let said = usage_error(parallax().args([command, "a-karvani", "A-PEOPLE", &m]));
        assert!(
            said.contains(
                "did you mean `a-people`, a claim of the same party as `a-karvani` (a pair needs \
                 one of each)?"
            ),
            "{command}: {said}"
        );
        // Nothing near: no guess.
        let said = usage_error(parallax().args([command, "a-people", "zzzz", &m]));
        assert!(
            said.contains("no claim `zzzz` in this dispute") && !said.contains("did you mean"),
            "{command}: {said}"
        );
    }
}

/// A command's JSON report redirected into a folder of side files (no manifest: every `*.json`
/// is read) works, though the shell made the file empty before parallax read the folder, and
/// the saved reports are not taken for sides by the next command.
#[test]
fn json_reports_saved_beside_the_side_files_are_not_read_as_sides() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let folder = common::copy_fixture("match", dir.path(), "river");
    std::fs::remove_file(folder.join("dispute.json")).expect("no manifest");
    let runs: [(&str, &[&str]); 5] = [
        ("hits.json", &["search", "--json", "sluice"]),
        ("report.json", &["validate", "--json"]),
        ("pairs.json", &["match", "--json"]),
        ("topics.json", &["topics", "--json"]),
        ("timeline.json", &["timeline", "--json"]),
    ];
    for (file, args) in runs {
        let (command, rest) = args.split_first().expect("a command");
        let out = std::fs::File::create(folder.join(file)).expect("the redirect");
        let status = std::process::Command::new(assert_cmd::cargo::cargo_bin("parallax"))
            .arg(command)
            .arg(&folder)
            .args(rest)
            .stdout(out)
            .status()
            .expect("runs");
        let saved = std::fs::read_to_string(folder.join(file)).unwrap_or_default();
        assert!(status.success(), "{file}: {saved}");
        assert!(saved.len() > 2, "{file} holds the report: {saved}");
    }
    parallax()
        .arg("validate")
        .arg(&folder)
        .assert()
        .success()
        .stdout(predicate::str::contains("2 sides (alpha, beta)"));
}

/// `parallax help --help` prints the commands' list, as `parallax --help` does (it was clap's
/// `unrecognized subcommand '--help'`, exit 2).
#[test]
fn help_of_help_is_the_help() {
    let run = |args: &[&str]| {
        let out = Command::cargo_bin("parallax")
            .unwrap()
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (code, help) = run(&["--help"]);
    assert_eq!(code, Some(0));
    for flag in ["--help", "-h"] {
        assert_eq!(run(&["help", flag]), (Some(0), help.clone()), "help {flag}");
    }
}

/// A command given no path in a folder holding a dispute of its own reads the bundled dispute,
/// as always, and says so on stderr, with the path to give (`validate` said "ok" of the bundled
/// dispute while the folder's had errors); elsewhere nothing is said.
#[test]
fn no_path_in_a_dispute_folder_notes_the_bundled_dispute() {
    let dir = tempfile::tempdir().unwrap();
    let note = "no path was given, so this is the bundled dispute, not the one in this folder";
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui/sample");
    // Side files alone show it too, by a side file's name.
    for name in ["alpha.json", "beta.json"] {
        std::fs::copy(fixture.join(name), dir.path().join(name)).unwrap();
    }
    for args in [
        vec!["validate"],
        vec!["show"],
        vec!["search", "ceasefire"],
        vec!["timeline"],
    ] {
        parallax()
            .current_dir(dir.path())
            .args(&args)
            .assert()
            .success()
            .stderr(predicate::str::contains(format!(
                "{note} (alpha.json); give `.`"
            )));
    }
    std::fs::copy(
        fixture.join("dispute.json"),
        dir.path().join("dispute.json"),
    )
    .unwrap();
    parallax()
        .current_dir(dir.path())
        .args(["link", "a-cut", "b-cut"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!("{note} (dispute.json)")));
    // With the path, or in a folder of no dispute, nothing is said.
    parallax()
        .current_dir(dir.path())
        .args(["validate", "."])
        .assert()
        .stderr(predicate::str::contains(note).not());
    let empty = tempfile::tempdir().unwrap();
    parallax()
        .current_dir(empty.path())
        .arg("validate")
        .assert()
        .success()
        .stderr(predicate::str::contains(note).not());
}
