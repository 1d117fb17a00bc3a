//! Suggested matches: the engine finds what nobody linked and says why; `match` prints it;
//! `link` and accepting write it back without losing a byte; dismissals are remembered.

mod common;

use assert_cmd::Command;
use parallax::compare::{Comparison, RowKind};
use parallax::edit::dismissed::{Dismissed, Entry};
use parallax::edit::lock::FolderLock;
use parallax::edit::{EditError, Workspace, commit};
use parallax::format::Dispute;
use parallax::load::load_paths;
use parallax::matching::{Options, Profiles, Reason, Suggestion, suggest, topic_pairs};
use predicates::prelude::PredicateBooleanExt;
use std::path::{Path, PathBuf};

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/match")
}

fn load(path: &Path) -> Dispute {
    let loaded = load_paths(&[path.to_path_buf()]);
    assert_eq!(loaded.report.errors(), 0, "{:?}", loaded.report);
    loaded.dispute.expect("the fixture loads")
}

/// The fixture's two side files, without their manifest or points, in a temporary folder.
fn sides_without_points() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for name in ["alpha.json", "beta.json"] {
        let text = std::fs::read_to_string(fixture().join(name)).unwrap();
        let text = text.replace("          \"point\": \"who-closed\",\n", "");
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// A copy of the fixture folder in a temporary folder.
fn copy_fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for name in ["dispute.json", "alpha.json", "beta.json"] {
        std::fs::copy(fixture().join(name), dir.path().join(name)).expect("copy");
    }
    dir
}

fn suggestions(d: &Dispute) -> (Comparison, Vec<Suggestion>) {
    let cmp = Comparison::new(d, 0, 1);
    let p = Profiles::new(d, &cmp);
    let s = suggest(&cmp, &p, &Options::default());
    (cmp, s)
}

fn id(d: &Dispute, at: parallax::format::ClaimAt) -> &str {
    d.ids(at).2
}

fn parallax() -> Command {
    Command::cargo_bin("parallax").expect("the binary is built")
}

/// The screen's suggested rows are pairs of claims that are each other's best match: which side
/// is on the left must not change them.
#[test]
fn swapping_the_sides_suggests_the_same_rows() {
    let d = synth::dispute(4000).expect("the synthetic dispute loads");
    let pairs = |left: usize, right: usize| {
        let cmp = Comparison::new(&d, left, right);
        let p = Profiles::new(&d, &cmp);
        let opts = Options {
            min_score: 0.15,
            ..Options::default()
        };
        topic_pairs(&cmp, &p, &opts)
            .into_iter()
            .map(|s| (id(&d, s.left).to_owned(), id(&d, s.right).to_owned()))
            .collect::<std::collections::BTreeSet<_>>()
    };
    let forward = pairs(0, 1);
    let back: std::collections::BTreeSet<_> =
        pairs(1, 0).into_iter().map(|(l, r)| (r, l)).collect();
    assert!(forward.len() > 10, "only {} pairs", forward.len());
    let only_forward: Vec<_> = forward.difference(&back).collect();
    let only_back: Vec<_> = back.difference(&forward).collect();
    assert!(
        only_forward.is_empty() && only_back.is_empty(),
        "{} pairs; only left to right: {only_forward:?}; only right to left: {only_back:?}",
        forward.len()
    );
}

#[test]
fn a_pair_sharing_rare_names_and_dates_beats_one_sharing_common_words() {
    let d = load(&fixture());
    let (_, s) = suggestions(&d);
    let best = |left: &str| {
        s.iter()
            .find(|x| id(&d, x.left) == left)
            .expect("a suggestion for the claim")
    };
    let planted = best("a-karvani");
    assert_eq!(id(&d, planted.right), "b-karvani");
    // b-common shares more words with a-karvani (government, said, water), but only common ones.
    let common = s
        .iter()
        .find(|x| id(&d, x.left) == "a-karvani" && id(&d, x.right) == "b-common");
    assert!(common.is_none_or(|c| c.score < planted.score));
    // And the planted pair scores above the pair that shares only common words.
    let words_only = best("a-people");
    assert_eq!(id(&d, words_only.right), "b-common");
    assert!(
        planted.score > words_only.score,
        "{planted:?} vs {words_only:?}"
    );
    assert!((0.0..=1.0).contains(&planted.score));
}

#[test]
fn reasons_name_the_shared_names_numbers_outlet_and_days() {
    let d = load(&fixture());
    let (_, s) = suggestions(&d);
    let planted = s
        .iter()
        .find(|x| id(&d, x.left) == "a-karvani" && id(&d, x.right) == "b-karvani")
        .expect("the planted pair is suggested");
    let names = planted.reasons.iter().find_map(|r| match r {
        Reason::SharedNames(v) => Some(v.clone()),
        _ => None,
    });
    let names = names.expect("shared names are a reason");
    assert!(names.contains(&"Karvani".to_owned()) && names.contains(&"Tembla".to_owned()));
    assert!(
        planted
            .reasons
            .contains(&Reason::SharedNumbers(vec!["3".to_owned()]))
    );
    assert!(
        planted
            .reasons
            .contains(&Reason::SameOutlet(vec!["River Courier".to_owned()]))
    );
    assert!(planted.reasons.contains(&Reason::DaysApart(1)));
    assert!(!planted.cross_topic);
}

/// Two side files in a temporary folder: each claim's text as given, each note "FactDesk: ...".
fn sides_with_notes(left: &[&str], right: &[&str]) -> tempfile::TempDir {
    sides_noted(left, right, |_, _| "FactDesk: half-true".to_owned())
}

/// Two side files of one topic with these texts, the claims `left-0`, `left-1`, … and
/// `right-0`, …, each assessed with the note `note(left, i)` gives it.
fn sides_noted(
    left: &[&str],
    right: &[&str],
    note: impl Fn(bool, usize) -> String,
) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (party, texts) in [("left", left), ("right", right)] {
        let claims: Vec<serde_json::Value> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                serde_json::json!({"id": format!("{party}-{i}"), "text": t,
                    "assessment": {"rating": "disputed", "note": note(party == "left", i)}})
            })
            .collect();
        let side = serde_json::json!({"format": "parallax/1", "dispute": "d",
            "party": {"id": party, "name": party},
            "topics": [{"id": "t", "title": "T", "claims": claims}]});
        std::fs::write(dir.path().join(format!("{party}.json")), side.to_string()).expect("write");
    }
    dir
}

/// The suggestion for the planted pair (`left-0`, `right-0`) of [`sides_with_notes`].
fn planted_pair(dir: &Path) -> Suggestion {
    let d = load(dir);
    let (_, s) = suggestions(&d);
    s.into_iter()
        .find(|x| id(&d, x.left) == "left-0" && id(&d, x.right) == "right-0")
        .expect("the planted pair is suggested")
}

/// The names a suggestion's reasons say the two claims share.
fn shared_names(s: &Suggestion) -> Vec<String> {
    s.reasons
        .iter()
        .find_map(|r| match r {
            Reason::SharedNames(v) => Some(v.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

#[test]
fn reasons_leave_out_names_every_claim_carries_and_words_a_quote_capitalises() {
    // Every note names "FactDesk"; "True" is capitalised once, in a quotation, and written in
    // lower case elsewhere; "Zarvonia" is a rare name the planted pair shares.
    let dir = sides_with_notes(
        &[
            "The minister called the Zarvonia dam report \"True to the letter\" on Monday.",
            "Farmers say the harvest was poor, which is true of every dry year.",
            "Prices of bread rose in the capital markets.",
            "Teachers walked out over pay and pensions.",
        ],
        &[
            "The Zarvonia dam report is true, the engineers' union confirmed.",
            "It is true that the railway closed two stations.",
            "A storm flooded the coastal road for a week.",
            "Hospitals hired nurses from abroad.",
        ],
    );
    let planted = planted_pair(dir.path());
    assert_eq!(
        shared_names(&planted),
        ["Zarvonia"],
        "{:?}",
        planted.reasons
    );
    let said = planted
        .reasons
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" · ");
    assert!(!said.contains("FactDesk"), "{said}");
}

/// A note written word for word on many claims is a label (LIAR's "PolitiFact: pants-fire",
/// on 647 of 9,837 claims): two claims that carry it share a rating, not a subject. LIAR's
/// suggestions said "also shared in notes or sources: pants, fire" 40 times. A note only the
/// pair shares is still read, and named.
#[test]
fn a_verdict_label_many_claims_carry_is_no_reason_and_a_shared_finding_is() {
    // 100 claims a side: the planted pair about a dam, the rest three made-up words each, no
    // two alike. The label is on 8 claims a side (16 of 200, more than √200); the rest carry
    // one every claim has.
    let made_up = |i: usize| -> String {
        let letter = |n: usize| char::from(b'a' + (n % 26) as u8);
        (0..3)
            .map(|k| {
                let n = i * 3 + k;
                format!("q{}{}{}on", letter(n), letter(n / 26), letter(n / 676))
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let texts = |first: &str, from: usize| -> Vec<String> {
        std::iter::once(first.to_owned())
            .chain((1..100).map(|i| made_up(from + i)))
            .collect()
    };
    let left = texts(
        "The Zarvonia dam was opened by the minister on Monday after talks.",
        0,
    );
    let right = texts(
        "The Zarvonia dam stayed shut all week, engineers at the site said.",
        5000,
    );
    let (left, right): (Vec<&str>, Vec<&str>) = (
        left.iter().map(String::as_str).collect(),
        right.iter().map(String::as_str).collect(),
    );
    let label = |_, i: usize| {
        if i < 8 {
            "Verdict: pants-fire"
        } else {
            "Verdict: true"
        }
        .to_owned()
    };
    let finding = |left, i: usize| {
        if i == 0 {
            "Satellite imagery shows the sluice gates closed.".to_owned()
        } else {
            label(left, i)
        }
    };
    let beyond = |s: &Suggestion| -> Vec<String> {
        s.reasons
            .iter()
            .find_map(|r| match r {
                Reason::BeyondTexts(v) => Some(v.clone()),
                _ => None,
            })
            .unwrap_or_default()
    };
    let labelled = planted_pair(sides_noted(&left, &right, label).path());
    assert!(
        labelled
            .reasons
            .iter()
            .all(|r| !r.to_string().contains("pants")),
        "{:?}",
        labelled.reasons
    );
    let found = beyond(&planted_pair(sides_noted(&left, &right, finding).path()));
    assert!(found.iter().any(|w| w == "imagery"), "{found:?}");
}

/// Two side files whose claims all cite one outlet ("a speech", as PolitiFact's venues are),
/// and the planted pair (`left-0`, `right-0`) also `rare`, an outlet no other claim cites.
fn sides_citing(rare: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let texts = [
        (
            "The Zarvonia dam was opened on Monday, the minister said.",
            "The Zarvonia dam stayed shut all week, engineers said.",
        ),
        (
            "Bread prices rose in the capital.",
            "Bread prices fell after the harvest.",
        ),
        (
            "Teachers walked out over pay.",
            "Teachers were paid in full.",
        ),
        (
            "The railway closed two stations.",
            "The railway opened a line.",
        ),
        ("Hospitals hired nurses.", "Hospitals lost nurses abroad."),
        (
            "The port handled more ships.",
            "The port handled fewer ships.",
        ),
    ];
    for (party, left) in [("left", true), ("right", false)] {
        let mut sources = vec![serde_json::json!({"id": "speech", "outlet": "a speech"})];
        if let Some(r) = rare {
            sources.push(serde_json::json!({"id": "rare", "outlet": r}));
        }
        let claims: Vec<serde_json::Value> = texts
            .iter()
            .enumerate()
            .map(|(i, (l, r))| {
                let cited = if i == 0 && rare.is_some() {
                    serde_json::json!(["speech", "rare"])
                } else {
                    serde_json::json!(["speech"])
                };
                serde_json::json!({"id": format!("{party}-{i}"),
                    "text": if left { l } else { r }, "sources": cited})
            })
            .collect();
        let side = serde_json::json!({"format": "parallax/1", "dispute": "d",
            "party": {"id": party, "name": party}, "sources": sources,
            "topics": [{"id": "t", "title": "T", "claims": claims}]});
        std::fs::write(dir.path().join(format!("{party}.json")), side.to_string()).expect("write");
    }
    dir
}

/// An outlet counts as a word does, by how few claims cite it: every claim citing "a speech"
/// makes it no reason and adds little to a score, while an outlet only the pair cites is named
/// and counts more. LIAR's suggestions named "same outlet: a speech", "a news release" or "an
/// interview" 539 times.
#[test]
fn an_outlet_every_claim_cites_is_no_reason_and_a_rare_one_is() {
    let common = planted_pair(sides_citing(None).path());
    let rare = planted_pair(sides_citing(Some("Zarvonia Gazette")).path());
    let outlets = |s: &Suggestion| {
        s.reasons
            .iter()
            .find_map(|r| match r {
                Reason::SameOutlet(v) => Some(v.clone()),
                _ => None,
            })
            .unwrap_or_default()
    };
    assert!(outlets(&common).is_empty(), "{:?}", common.reasons);
    assert_eq!(outlets(&rare), ["Zarvonia Gazette"], "{:?}", rare.reasons);
    assert!(
        rare.score > common.score + 0.03,
        "a shared rare outlet counts ({} against {})",
        rare.score,
        common.score
    );
}

/// `--best-first` lists the same suggestions by score, best first, instead of grouped by left
/// claim (the fixture's are not in score order that way: 0.454 comes before 0.430, 0.254, 0.343).
#[test]
fn match_best_first_lists_the_same_suggestions_by_score() {
    let lines = |extra: &[&str]| -> Vec<String> {
        let out = parallax()
            .arg("match")
            .args(extra)
            .arg(fixture())
            .output()
            .expect("runs");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_owned)
            .collect()
    };
    let grouped = lines(&[]);
    let best = lines(&["--best-first"]);
    let score = |l: &String| -> f32 { l.split_whitespace().next().unwrap().parse().unwrap() };
    assert!(
        grouped.windows(2).any(|w| score(&w[0]) < score(&w[1])),
        "the fixture's suggestions are not already by score: {grouped:?}"
    );
    assert!(
        best.windows(2).all(|w| score(&w[0]) >= score(&w[1])),
        "{best:?}"
    );
    let (mut a, mut b) = (grouped.clone(), best.clone());
    a.sort();
    b.sort();
    assert_eq!(a, b, "the same suggestions");
}

/// A word is a shared name only when both texts write it capitalised: "Pat Toomey" and an
/// airport's "pat-down" were said to share the name Pat.
#[test]
fn a_name_in_one_text_and_a_word_in_the_other_is_no_shared_name() {
    let dir = sides_with_notes(
        &[
            "Senator Pat Toomey spoke against the Zarvonia dam plan.",
            "Critics said Pat Toomey had the figures wrong.",
            "Prices of bread rose in the capital markets.",
        ],
        &[
            "Airport pat-down rules at Zarvonia were changed in March.",
            "A storm flooded the coastal road for a week.",
            "Hospitals hired nurses from abroad.",
        ],
    );
    let planted = planted_pair(dir.path());
    assert_eq!(
        shared_names(&planted),
        ["Zarvonia"],
        "{:?}",
        planted.reasons
    );
}

#[test]
fn a_claim_is_offered_the_point_row_it_fits_and_cross_topic_ones_are_marked() {
    let d = load(&fixture());
    let (cmp, s) = suggestions(&d);
    // Claims already in a row with the other side get no suggestion.
    assert!(!s.iter().any(|x| id(&d, x.left) == "a-closed"));
    let join = s
        .iter()
        .find(|x| x.point.as_deref() == Some("who-closed"))
        .expect("some claim is offered the point row");
    assert_eq!(id(&d, join.right), "b-opened");
    for x in &s {
        let (lt, rt) = (d.ids(x.left).1, d.ids(x.right).1);
        assert_eq!(x.cross_topic, lt != rt);
        assert_eq!(cmp.topics[x.topic].id, lt);
        assert_eq!(
            x.cross_topic,
            x.reasons.iter().any(|r| matches!(r, Reason::OtherTopic(_)))
        );
    }
}

#[test]
fn match_json_parses_and_names_claims_that_exist() {
    let out = parallax()
        .args(["match", "--json", "--min-score", "0"])
        .arg(fixture())
        .output()
        .expect("runs");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let list = v["suggestions"].as_array().expect("a list");
    assert!(!list.is_empty());
    let d = load(&fixture());
    // The pair compared, named as `topics --json` names it.
    for (end, side) in [("left", 0), ("right", 1)] {
        let party = &d.sides[side].party;
        assert_eq!(v[end]["id"].as_str(), Some(party.id.as_str()), "{end}");
        assert_eq!(v[end]["name"].as_str(), Some(party.name.as_str()), "{end}");
    }
    let mut per_left: std::collections::HashMap<String, Vec<f64>> = Default::default();
    for s in list {
        let (l, r) = (s["left"].as_str().unwrap(), s["right"].as_str().unwrap());
        let (la, ra) = (d.find_claim(l).unwrap(), d.find_claim(r).unwrap());
        assert_eq!((la.side(), ra.side()), (0, 1));
        assert_eq!(s["topic"].as_str(), Some(d.ids(la).1));
        assert_eq!(s["right_topic"].as_str(), Some(d.ids(ra).1));
        assert!(s["point"].is_null() || s["point"].is_string());
        assert!(s["reasons"].is_array() && s["cross_topic"].is_boolean());
        // Each claim's text, to judge the pair without looking the ids up.
        assert_eq!(
            s["left_text"].as_str(),
            d.claim(la).map(|c| c.text.as_str())
        );
        assert_eq!(
            s["right_text"].as_str(),
            d.claim(ra).map(|c| c.text.as_str())
        );
        per_left
            .entry(l.to_owned())
            .or_default()
            .push(s["score"].as_f64().unwrap());
    }
    for scores in per_left.values() {
        assert!(scores.len() <= 3);
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first");
    }
    // Plain output: one line a suggestion, score first; none at all exits 1.
    let plain = parallax()
        .arg("match")
        .arg(fixture())
        .output()
        .expect("runs");
    let text = String::from_utf8(plain.stdout).unwrap();
    assert!(
        text.lines()
            .any(|l| l.starts_with("0.") && pair_listed(l, "a-karvani", "b-karvani"))
    );
    parallax()
        .args(["match", "--min-score", "1"])
        .arg(fixture())
        .assert()
        .code(1);
    parallax()
        .args(["match", "--min-score", "2"])
        .arg(fixture())
        .assert()
        .code(2);
}

/// `link --dry-run` writes nothing and shows each file's change as a diff, its lines cleaned
/// for the terminal like any text from a file.
/// Runs `parallax ARGS DIR` (a `--dry-run`), which must succeed, and returns what it printed.
fn dry_run(args: &[&str], dir: &Path) -> String {
    let out = parallax().args(args).arg(dir).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn link_dry_run_shows_the_change_and_writes_nothing() {
    let dir = copy_fixture();
    let alpha = dir.path().join("alpha.json");
    // A right-to-left override in the claim's text, beside the line the diff adds.
    let text = std::fs::read_to_string(&alpha)
        .unwrap()
        .replace("Beta shut the Karvani", "Beta shut the \u{202e}Karvani");
    std::fs::write(&alpha, &text).unwrap();
    let before: Vec<Vec<u8>> = ["alpha.json", "beta.json", "dispute.json"]
        .iter()
        .map(|f| std::fs::read(dir.path().join(f)).unwrap())
        .collect();
    let shown = dry_run(
        &[
            "link",
            "--dry-run",
            "a-karvani",
            "b-karvani",
            "--question",
            "Was the Karvani sluice shut?",
        ],
        dir.path(),
    );
    assert!(
        shown.starts_with(
            "Would link a-karvani and b-karvani on the new point `karvani-sluice-shut`"
        ),
        "{shown}"
    );
    assert!(shown.contains("Nothing was written (--dry-run)"), "{shown}");
    assert!(
        shown.contains("+          \"point\": \"karvani-sluice-shut\","),
        "{shown}"
    );
    assert!(
        shown.contains("+          \"question\": \"Was the Karvani sluice shut?\""),
        "{shown}"
    );
    assert!(
        !shown.contains('\u{202e}') && shown.contains("⟨U+202E⟩"),
        "{shown}"
    );
    let after: Vec<Vec<u8>> = ["alpha.json", "beta.json", "dispute.json"]
        .iter()
        .map(|f| std::fs::read(dir.path().join(f)).unwrap())
        .collect();
    assert_eq!(before, after, "a dry run writes nothing");
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["alpha.json", "beta.json", "dispute.json"],
        "no file is added"
    );
}

#[test]
fn link_adds_only_the_point_lines_and_the_rows_update() {
    let dir = copy_fixture();
    let before_a = std::fs::read_to_string(dir.path().join("alpha.json")).unwrap();
    let before_b = std::fs::read_to_string(dir.path().join("beta.json")).unwrap();
    let before_m = std::fs::read_to_string(dir.path().join("dispute.json")).unwrap();
    parallax()
        .args([
            "link",
            "a-karvani",
            "b-karvani",
            "--question",
            "Was the Karvani sluice shut?",
        ])
        .arg(dir.path())
        .assert()
        .success();
    let after_a = std::fs::read_to_string(dir.path().join("alpha.json")).unwrap();
    let after_b = std::fs::read_to_string(dir.path().join("beta.json")).unwrap();
    let after_m = std::fs::read_to_string(dir.path().join("dispute.json")).unwrap();
    let point = "\"point\": \"karvani-sluice-shut\",";
    // Each side file gains exactly one line, after the claim's id, at the id's indentation.
    assert_eq!(
        after_a,
        before_a.replace(
            "          \"id\": \"a-karvani\",\n",
            &format!("          \"id\": \"a-karvani\",\n          {point}\n")
        )
    );
    assert_eq!(
        after_b,
        before_b.replace(
            "          \"id\": \"b-karvani\",\n",
            &format!("          \"id\": \"b-karvani\",\n          {point}\n")
        )
    );
    // The manifest gains the point after the topic's last one, in the same layout.
    assert_eq!(
        after_m,
        before_m.replace(
            "          \"question\": \"Who closed the dam gates first?\"\n        }\n",
            "          \"question\": \"Who closed the dam gates first?\"\n        },\n        {\n          \"id\": \"karvani-sluice-shut\",\n          \"question\": \"Was the Karvani sluice shut?\"\n        }\n"
        )
    );
    // It validates, and the two claims now share a point row.
    parallax()
        .arg("validate")
        .arg(dir.path())
        .assert()
        .success();
    let d = load(dir.path());
    let cmp = Comparison::new(&d, 0, 1);
    let gates = cmp.topics.iter().find(|t| t.id == "gates").unwrap();
    let row = gates
        .rows
        .iter()
        .find(|r| r.point.as_deref() == Some("karvani-sluice-shut"))
        .expect("a point row");
    assert_eq!(row.kind, RowKind::Point);
    assert_eq!(
        row.question.as_deref(),
        Some("Was the Karvani sluice shut?")
    );
    assert_eq!((row.left.len(), row.right.len()), (1, 1));
    // Linking the same pair again changes nothing and says why (a script re-run succeeds).
    parallax()
        .args(["link", "a-karvani", "b-karvani"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicates::str::contains("already share the point"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("alpha.json")).unwrap(),
        after_a
    );
}

#[test]
fn joining_a_point_row_writes_only_the_new_claims_point() {
    let dir = copy_fixture();
    let before_m = std::fs::read(dir.path().join("dispute.json")).unwrap();
    let before_b = std::fs::read(dir.path().join("beta.json")).unwrap();
    parallax()
        .args(["link", "a-people", "b-opened"])
        .arg(dir.path())
        .assert()
        .success();
    assert_eq!(
        std::fs::read(dir.path().join("dispute.json")).unwrap(),
        before_m
    );
    assert_eq!(
        std::fs::read(dir.path().join("beta.json")).unwrap(),
        before_b
    );
    let d = load(dir.path());
    let at = d.find_claim("a-people").unwrap();
    assert_eq!(d.claim(at).unwrap().point.as_deref(), Some("who-closed"));
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten() {
    let dir = copy_fixture();
    let (ws, d) = Workspace::open(&[dir.path().to_path_buf()]).expect("opens");
    let plan = ws.link(&d, "a-karvani", "b-karvani", None).expect("plans");
    // Someone edits a side file after it was read.
    let edited = std::fs::read_to_string(dir.path().join("beta.json"))
        .unwrap()
        .replace("Alpha invents a crisis", "Alpha invents a crisis, again");
    std::fs::write(dir.path().join("beta.json"), &edited).unwrap();
    let before_a = std::fs::read(dir.path().join("alpha.json")).unwrap();
    let held = FolderLock::take(dir.path(), true).expect("the folder's lock");
    let err = commit(&plan, &held).expect_err("refused");
    assert!(matches!(err, EditError::Changed(_)), "{err}");
    assert!(err.to_string().contains("beta.json"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("beta.json")).unwrap(),
        edited
    );
    assert_eq!(
        std::fs::read(dir.path().join("alpha.json")).unwrap(),
        before_a
    );
}

#[test]
fn the_screen_keeps_the_bytes_it_loaded_and_does_not_read_the_files_again() {
    // The screen reads each file once: the dispute shown and the bytes a write compares with
    // are the same read, so an edit made on disk in between is caught, not taken for the original.
    let dir = copy_fixture();
    let paths = [dir.path().to_path_buf()];
    let gathered = parallax::load::gather(&paths, parallax::load::DEFAULT_MAX_FILE);
    let d = gathered.load().dispute.expect("loads");
    let beta = dir.path().join("beta.json");
    let read = std::fs::read(&beta).unwrap();
    let edited = String::from_utf8(read.clone())
        .unwrap()
        .replace("Alpha invents a crisis", "Alpha invents a crisis, again");
    std::fs::write(&beta, &edited).unwrap();
    let ws = Workspace::from_read(&paths, gathered.into_files(), &d).expect("a workspace");
    let kept = ws
        .sides
        .iter()
        .find(|f| f.path.ends_with("beta.json"))
        .expect("beta is a side");
    assert_eq!(kept.bytes, read);
    let plan = ws.link(&d, "a-karvani", "b-karvani", None).expect("plans");
    let held = FolderLock::take(dir.path(), true).expect("the folder's lock");
    assert!(matches!(commit(&plan, &held), Err(EditError::Changed(_))));
    assert_eq!(std::fs::read_to_string(&beta).unwrap(), edited);
}

/// Whether `after` holds the lines of `before`, moved and with a comma more or less, plus the
/// lines holding `added`, and nothing else.
fn only_moved_lines(before: &str, after: &str, added: &str) -> bool {
    let bare = |l: &str| l.trim_end_matches(',').to_owned();
    let mut old: Vec<String> = before.lines().map(bare).collect();
    let mut new: Vec<String> = after
        .lines()
        .filter(|l| !l.contains(added))
        .map(bare)
        .collect();
    old.sort();
    new.sort();
    old == new
}

/// A side file that is a link into a read-only folder: the file written is the one it points
/// to, so that folder is the one checked and named (it named, and checked, the link's own
/// writable folder, and root wrote through it).
#[cfg(unix)]
#[test]
fn a_side_file_linked_into_a_read_only_folder_names_that_folder() {
    use std::os::unix::fs::PermissionsExt;
    let dir = copy_fixture();
    let real = dir.path().join("real");
    std::fs::create_dir(&real).unwrap();
    for name in ["alpha.json", "beta.json"] {
        std::fs::rename(dir.path().join(name), real.join(name)).unwrap();
        std::os::unix::fs::symlink(format!("real/{name}"), dir.path().join(name)).unwrap();
    }
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o555)).unwrap();
    let before = std::fs::read(real.join("alpha.json")).unwrap();
    let out = parallax()
        .args(["link", "a-karvani", "b-karvani", "--question", "Shut?"])
        .arg(dir.path())
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let said = String::from_utf8_lossy(&out);
    let real_shown = std::fs::canonicalize(&real).unwrap().display().to_string();
    assert!(
        said.contains(&format!("its folder {real_shown} may not be written")),
        "{said}"
    );
    assert!(
        !said.contains(&format!("chmod u+w {},", dir.path().display())),
        "{said}"
    );
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(std::fs::read(real.join("alpha.json")).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn a_read_only_side_file_is_not_replaced_and_nothing_is_written() {
    use std::os::unix::fs::PermissionsExt;
    let dir = copy_fixture();
    let beta = dir.path().join("beta.json");
    std::fs::set_permissions(&beta, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before: Vec<Vec<u8>> = ["alpha.json", "beta.json", "dispute.json"]
        .iter()
        .map(|f| std::fs::read(dir.path().join(f)).unwrap())
        .collect();
    parallax()
        .args(["link", "a-karvani", "b-karvani", "--question", "Shut?"])
        .arg(dir.path())
        .assert()
        .failure()
        .stderr(predicates::str::contains("beta.json is read-only"))
        .stderr(predicates::str::contains("chmod u+w"));
    // Not one of the plan's files changed, the writable ones included, and the mode stayed.
    for (f, was) in ["alpha.json", "beta.json", "dispute.json"]
        .iter()
        .zip(&before)
    {
        assert_eq!(&std::fs::read(dir.path().join(f)).unwrap(), was, "{f}");
    }
    let mode = std::fs::metadata(&beta).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o444);
}

/// `link` run as another user (`nobody`, through setpriv) on a dispute in a folder anyone may
/// write in. Returns what it said, or None where this cannot be set up (not run as root, or no
/// setpriv): only root can give the files their owners.
#[cfg(unix)]
fn link_as_nobody(dir: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    if std::fs::metadata(dir).ok()?.uid() != 0 {
        eprintln!("skipped: only root can give the files another owner");
        return None;
    }
    let out = std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(assert_cmd::cargo::cargo_bin("parallax"))
        .args(["link", "a-karvani", "b-karvani", "--question", "Shut?"])
        .arg(dir)
        .output()
        .ok()?;
    assert!(!out.status.success(), "{out:?}");
    Some(String::from_utf8_lossy(&out.stderr).into_owned())
}

/// A side file its mode lets be written, but not by this user (another's file in a shared
/// folder), is not replaced: the rename would have replaced it and made it the user's. And when
/// a rename is refused after others were done (a folder with the sticky bit lets only a file's
/// owner replace it), those done are put back: `link` wrote alpha.json and not beta.json.
#[cfg(unix)]
#[test]
fn a_side_file_of_another_user_is_not_replaced_and_a_refused_rename_undoes_the_others() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt, chown};
    let files = ["alpha.json", "beta.json", "dispute.json"];
    // Every file root's (mode 644) in a folder anyone may write in: refused before any write.
    let dir = copy_fixture();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let before: Vec<Vec<u8>> = files
        .iter()
        .map(|f| std::fs::read(dir.path().join(f)).unwrap())
        .collect();
    let Some(said) = link_as_nobody(dir.path()) else {
        return;
    };
    assert!(said.contains("may not be written by you"), "{said}");
    for (f, was) in files.iter().zip(&before) {
        let path = dir.path().join(f);
        assert_eq!(&std::fs::read(&path).unwrap(), was, "{f}");
        assert_eq!(
            std::fs::metadata(&path).unwrap().uid(),
            0,
            "{f} keeps its owner"
        );
    }
    // A shared folder with the sticky bit: every file but one is nobody's, and that one (which
    // anyone may write) may not be renamed over. Whichever the plan writes first, none changes.
    for others in files {
        let dir = copy_fixture();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o1777)).unwrap();
        for f in files {
            let path = dir.path().join(f);
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o666)).unwrap();
            if f != others {
                chown(&path, Some(65534), Some(65534)).unwrap();
            }
        }
        let said = link_as_nobody(dir.path()).expect("set up as above");
        assert!(
            said.contains("the system refused the rename"),
            "{others}: {said}"
        );
        for (f, was) in files.iter().zip(&before) {
            assert_eq!(
                &std::fs::read(dir.path().join(f)).unwrap(),
                was,
                "{others} refused: {f}"
            );
        }
    }
}

#[test]
fn link_across_topics_moves_the_right_claim_into_the_left_claims_topic() {
    let dir = copy_fixture();
    let beta_before = std::fs::read_to_string(dir.path().join("beta.json")).unwrap();
    let alpha_before = std::fs::read_to_string(dir.path().join("alpha.json")).unwrap();
    parallax()
        .args([
            "link",
            "a-karvani",
            "b-talks-water",
            "--question",
            "Was the sluice shut?",
        ])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "Moved b-talks-water into topic `gates`",
        ));
    let d = load(dir.path());
    for id in ["a-karvani", "b-talks-water"] {
        let at = d.find_claim(id).unwrap();
        assert_eq!(d.ids(at).1, "gates", "{id}");
        assert_eq!(d.claim(at).unwrap().point.as_deref(), Some("sluice-shut"));
    }
    let cmp = Comparison::new(&d, 0, 1);
    let gates = cmp.topics.iter().find(|t| t.id == "gates").unwrap();
    assert!(
        gates
            .rows
            .iter()
            .any(|r| r.point.as_deref() == Some("sluice-shut")
                && r.left.len() == 1
                && r.right.len() == 1)
    );
    // The moved claim's lines leave one topic and join the other; nothing else changes.
    let beta_after = std::fs::read_to_string(dir.path().join("beta.json")).unwrap();
    assert!(
        only_moved_lines(&beta_before, &beta_after, "\"point\": \"sluice-shut\""),
        "{beta_after}"
    );
    assert_eq!(beta_after.lines().count(), beta_before.lines().count() + 1);
    let alpha_after = std::fs::read_to_string(dir.path().join("alpha.json")).unwrap();
    assert_eq!(
        alpha_after.lines().count(),
        alpha_before.lines().count() + 1
    );
}

#[test]
fn link_across_topics_to_a_point_row_moves_the_claim_without_a_point_into_the_row() {
    let dir = copy_fixture();
    let manifest = std::fs::read(dir.path().join("dispute.json")).unwrap();
    parallax()
        .args(["link", "a-talks-water", "b-opened"])
        .arg(dir.path())
        .assert()
        .success();
    let d = load(dir.path());
    let at = d.find_claim("a-talks-water").unwrap();
    assert_eq!(d.ids(at).1, "gates");
    assert_eq!(d.claim(at).unwrap().point.as_deref(), Some("who-closed"));
    // The point exists: the manifest is not touched.
    assert_eq!(
        std::fs::read(dir.path().join("dispute.json")).unwrap(),
        manifest
    );
}

/// Side files without a manifest: joining a point they already use writes that one line and no
/// manifest (it would give the point the placeholder question); a new point's manifest says
/// which points the sides used before it leaves without a question, as `validate` then warns.
#[test]
fn link_without_a_manifest_writes_one_only_for_a_new_point_and_names_what_it_leaves_out() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["alpha.json", "beta.json"] {
        std::fs::copy(fixture().join(name), dir.path().join(name)).unwrap();
    }
    let manifest = dir.path().join("dispute.json");
    let beta = std::fs::read_to_string(dir.path().join("beta.json")).unwrap();
    // `link ARGS… DIR`, expected to succeed: what it said.
    let linked = |args: &[&str]| {
        let out = parallax()
            .arg("link")
            .args(args)
            .arg(dir.path())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8_lossy(&out).into_owned()
    };
    let said = linked(&["a-closed", "b-karvani"]);
    assert!(said.contains("on the point `who-closed`"), "{said}");
    assert!(!said.contains("dispute.json"), "{said}");
    assert!(!manifest.exists(), "no manifest for a point the sides had");
    let after = std::fs::read_to_string(dir.path().join("beta.json")).unwrap();
    assert_eq!(after.lines().count(), beta.lines().count() + 1);
    let validated = |dir: &Path| {
        let out = parallax().arg("validate").arg(dir).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let checked = validated(dir.path());
    assert!(!checked.contains("point-not-in-manifest"), "{checked}");
    // A question for that point: not used, and there is no manifest to edit it in.
    let said = linked(&["a-people", "b-opened", "--question", "Was it shut?"]);
    assert!(
        said.contains(
            "was there already; the side files have no dispute.json to hold its question"
        ),
        "{said}"
    );
    assert!(!manifest.exists());
    // A new point: the manifest is made, and says what it leaves out.
    let said = linked(&[
        "a-talks-geneva",
        "b-talks-geneva",
        "--question",
        "Did the Geneva talks fail?",
    ]);
    assert!(
        said.contains(
            "dispute.json has no question for the points the sides used before (`gates/who-closed`); \
             `parallax validate` warns of them until you add theirs there"
        ),
        "{said}"
    );
    assert!(manifest.exists());
    let warned: Vec<String> = validated(dir.path())
        .lines()
        .filter(|l| l.contains("point-not-in-manifest"))
        .map(str::to_owned)
        .collect();
    assert!(
        !warned.is_empty() && warned.iter().all(|l| l.contains("point `who-closed`")),
        "{warned:?}"
    );
}

#[test]
fn side_files_without_a_manifest_get_one_that_lists_them() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["alpha.json", "beta.json"] {
        std::fs::copy(fixture().join(name), dir.path().join(name)).unwrap();
    }
    parallax()
        .args(["link", "a-karvani", "b-karvani"])
        .arg(dir.path().join("alpha.json"))
        .arg(dir.path().join("beta.json"))
        .assert()
        .success();
    let text = std::fs::read_to_string(dir.path().join("dispute.json")).unwrap();
    let manifest: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        manifest["sides"],
        serde_json::json!(["alpha.json", "beta.json"])
    );
    // Laid out as the format shows it (as `parallax new` writes one), keys not alphabetised;
    // a topic the sides title alike keeps that title, one each side frames its own way gets
    // its id, not one side's framing.
    let at = |key: &str| text.find(&format!("\"{key}\"")).unwrap();
    assert!(
        at("format") < at("dispute") && at("dispute") < at("sides"),
        "{text}"
    );
    assert!(at("sides") < at("topics"), "{text}");
    let topics = manifest["topics"].as_array().unwrap();
    let title = |id: &str| {
        topics
            .iter()
            .find(|t| t["id"] == id)
            .map(|t| t["title"].clone())
            .unwrap()
    };
    assert_eq!(title("talks"), "The talks");
    assert_eq!(title("gates"), "gates");
    let first_topic = text.find("\"topics\"").unwrap();
    let rest = &text[first_topic..];
    assert!(
        rest.find("\"title\"").unwrap() < rest.find("\"points\"").unwrap(),
        "{text}"
    );
    let out = parallax()
        .args(["validate", "--json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let d = load(dir.path());
    let cmp = Comparison::new(&d, 0, 1);
    assert!(cmp.topics.iter().flat_map(|t| &t.rows).any(|r| {
        r.question.as_deref() == Some(parallax::edit::DEFAULT_QUESTION)
            && r.left.len() == 1
            && r.right.len() == 1
    }));
    // Naming the side files again: the manifest now beside them is not read, so the link is
    // refused with the way out, not taken for a file changed on disk; the folder works.
    let sides = ["alpha.json", "beta.json"].map(|f| std::fs::read(dir.path().join(f)).unwrap());
    parallax()
        .args(["link", "a-talks-geneva", "b-talks-geneva"])
        .arg(dir.path().join("alpha.json"))
        .arg(dir.path().join("beta.json"))
        .assert()
        .failure()
        .stderr(predicates::str::contains("exists beside the side files"))
        .stderr(predicates::str::contains("changed on disk").not());
    for (f, was) in ["alpha.json", "beta.json"].iter().zip(&sides) {
        assert_eq!(&std::fs::read(dir.path().join(f)).unwrap(), was, "{f}");
    }
    parallax()
        .args(["link", "a-talks-geneva", "b-talks-geneva"])
        .arg(dir.path())
        .assert()
        .success();
}

/// `dismiss` and `link` wait while another parallax writes in the folder, and say so on standard
/// error at once (they stood still without a word for up to 30 s), then write.
#[test]
fn a_command_waiting_for_another_writer_says_so_then_writes() {
    let dir = copy_fixture();
    for args in [
        &["dismiss", "a-karvani", "b-karvani"][..],
        &[
            "link",
            "a-talks-water",
            "b-talks-water",
            "--question",
            "Who?",
        ][..],
    ] {
        let held = std::fs::File::open(dir.path()).expect("the folder");
        held.lock().expect("the folder's lock");
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("parallax"));
        cmd.args(args).arg(dir.path());
        let run = std::thread::spawn(move || cmd.output().expect("runs"));
        std::thread::sleep(std::time::Duration::from_millis(700));
        assert!(!run.is_finished(), "{args:?} waits");
        drop(held);
        let out = run.join().expect("the command ends");
        assert!(out.status.success(), "{args:?}: {out:?}");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(
            said.contains("waiting for another parallax writing in")
                && said.contains("(at most 30 s)"),
            "{args:?}: {said}"
        );
    }
    assert!(dir.path().join(".parallax-dismissed.json").exists());
}

#[test]
fn a_dismissal_survives_a_restart() {
    let dir = copy_fixture();
    let mut dismissed = Dismissed::read(dir.path()).expect("no file yet is fine");
    assert!(dismissed.entries.is_empty());
    dismissed
        .add(
            Entry {
                left: "a-karvani".to_owned(),
                right: "b-karvani".to_owned(),
                point: None,
                topic: None,
            },
            true,
        )
        .expect("saved");
    // A new session reads it back, and `match` leaves the pair out.
    let again = Dismissed::read(dir.path()).expect("reads");
    assert_eq!(again.entries, dismissed.entries);
    let out = parallax()
        .args(["match", "--json", "--min-score", "0"])
        .arg(dir.path())
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let pairs: Vec<(&str, &str)> = v["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["left"].as_str().unwrap(), s["right"].as_str().unwrap()))
        .collect();
    assert!(!pairs.contains(&("a-karvani", "b-karvani")));
    assert!(pairs.iter().any(|(l, _)| *l == "a-karvani"));
}

#[test]
fn the_bundled_dispute_cannot_be_linked() {
    parallax()
        .args(["link", "in-a", "pk-b"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("built into the program"));
}

#[test]
fn link_with_a_question_the_manifest_asks_joins_that_point() {
    let dir = copy_fixture();
    let manifest = std::fs::read(dir.path().join("dispute.json")).unwrap();
    // Asked in other case and spacing, without its question mark: the same question.
    parallax()
        .args(["link", "a-karvani", "b-karvani", "--question"])
        .arg(" who closed  the dam gates FIRST ")
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicates::str::contains("the point `who-closed`"));
    // No second point asking the same question: the manifest is untouched.
    assert_eq!(
        std::fs::read(dir.path().join("dispute.json")).unwrap(),
        manifest
    );
    let d = load(dir.path());
    for id in ["a-karvani", "b-karvani"] {
        let at = d.find_claim(id).unwrap();
        assert_eq!(d.claim(at).unwrap().point.as_deref(), Some("who-closed"));
    }
}

#[test]
fn dismiss_on_the_command_line_keeps_a_pair_out_of_match() {
    let dir = copy_fixture();
    let pairs = |dir: &Path| -> Vec<(String, String)> {
        let out = parallax()
            .args(["match", "--json", "--min-score", "0"])
            .arg(dir)
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["suggestions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                (
                    s["left"].as_str().unwrap().to_owned(),
                    s["right"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let pair = ("a-karvani".to_owned(), "b-karvani".to_owned());
    assert!(pairs(dir.path()).contains(&pair));
    parallax()
        .args(["dismiss", "a-karvani", "b-karvani"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicates::str::contains(".parallax-dismissed.json"));
    assert!(!pairs(dir.path()).contains(&pair));
    // The screen reads the same file.
    let kept = Dismissed::read(dir.path()).unwrap();
    assert_eq!(kept.entries.len(), 1);
    // Again: nothing new, and said so.
    parallax()
        .args(["dismiss", "a-karvani", "b-karvani"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicates::str::contains("Already dismissed"));
    // Dismissing joining a row: the right claim's point row.
    parallax()
        .args(["dismiss", "--row", "a-people", "b-opened"])
        .arg(dir.path())
        .assert()
        .success();
    assert!(
        !pairs(dir.path())
            .iter()
            .any(|(l, r)| l == "a-people" && r == "b-opened")
    );
    // Taken back without --row: not that dismissal, and said which flag takes the row back;
    // the other way round too.
    let undo = |args: &[&str]| -> String {
        let out = parallax().args(args).arg(dir.path()).output().unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let said = undo(&["dismiss", "--undo", "a-people", "b-opened"]);
    assert!(said.contains("Not dismissed"), "{said}");
    assert!(said.contains("a-people joining point"), "{said}");
    assert!(said.contains("add --row to take that back"), "{said}");
    undo(&["dismiss", "--undo", "--row", "a-people", "b-opened"]);
    undo(&["dismiss", "a-people", "b-opened"]);
    let said = undo(&["dismiss", "--undo", "--row", "a-people", "b-opened"]);
    assert!(
        said.contains("a-people with b-opened is: leave out --row to take that back"),
        "{said}"
    );
    undo(&["dismiss", "--row", "a-people", "b-opened"]);
    // Unknown ids are a usage error (2), and nothing is written.
    let before = std::fs::read(dir.path().join(".parallax-dismissed.json")).unwrap();
    parallax()
        .args(["dismiss", "a-karvani", "no-such-claim"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no-such-claim"));
    assert_eq!(
        std::fs::read(dir.path().join(".parallax-dismissed.json")).unwrap(),
        before
    );
}

/// `dismiss --undo` takes a dismissal back from the command line, as `u` does on the screen:
/// the pair is suggested again, the other dismissals stay byte for byte, and the file a
/// dismissal made goes with the last of them; `--dry-run` shows the change and writes nothing.
#[test]
fn dismiss_undo_takes_a_dismissal_back() {
    let dir = copy_fixture();
    let file = dir.path().join(".parallax-dismissed.json");
    let run = |args: &[&str]| -> String {
        let out = parallax().args(args).arg(dir.path()).output().unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let matched = |dir: &Path| -> String {
        let out = parallax().arg("match").arg(dir).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let before = matched(dir.path());
    let listed = |text: &str| {
        text.lines()
            .any(|l| pair_listed(l, "a-karvani", "b-karvani"))
    };
    assert!(listed(&before), "{before}");
    run(&["dismiss", "a-karvani", "b-karvani"]);
    let one = std::fs::read(&file).unwrap();
    run(&["dismiss", "a-people", "b-common"]);
    assert!(!listed(&matched(dir.path())));
    let two = std::fs::read(&file).unwrap();
    let said = run(&["dismiss", "--undo", "--dry-run", "b-common", "a-people"]);
    assert!(said.contains("Would take back the dismissal of"), "{said}");
    assert!(said.contains("-      \"left\": \"a-people\","), "{said}");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        two,
        "--dry-run wrote nothing"
    );
    // Taken back in either order of the ids, as a pair is dismissed.
    let said = run(&["dismiss", "--undo", "b-common", "a-people"]);
    assert!(said.contains("Dismissal taken back"), "{said}");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        one,
        "the other kept byte for byte"
    );
    let said = run(&["dismiss", "--undo", "a-people", "b-common"]);
    assert!(said.contains("Not dismissed"), "{said}");
    // The dry run names the file it would delete.
    let said = run(&["dismiss", "--undo", "--dry-run", "a-karvani", "b-karvani"]);
    assert!(
        said.contains(&format!(
            "would delete {} (it holds nothing else)",
            file.display()
        )),
        "{said}"
    );
    let said = run(&["dismiss", "--undo", "a-karvani", "b-karvani"]);
    assert!(said.contains("is deleted"), "{said}");
    assert!(!file.exists(), "the file the dismissals made is gone");
    assert_eq!(matched(dir.path()), before);
    // With no file, nothing is dismissed: said so, not that the pair is not in a file that is
    // not there.
    let said = run(&["dismiss", "--undo", "a-karvani", "b-karvani"]);
    assert!(
        said.contains("Not dismissed: no suggestion is dismissed here yet")
            && said.contains(".parallax-dismissed.json does not exist"),
        "{said}"
    );
    assert!(!file.exists(), "nothing written");
}

/// One side file named alone (the other forgotten): the message says two are needed, and does
/// not send the analyst to `validate`, which checks one file on its own and passes it.
#[test]
fn one_side_file_named_alone_is_not_sent_to_validate() {
    let dir = copy_fixture();
    let alpha = dir.path().join("alpha.json");
    for args in [
        &["match"][..],
        &["link", "a-karvani", "b-karvani"],
        &["dismiss", "a-karvani", "b-karvani"],
    ] {
        let out = parallax().args(args).arg(&alpha).output().unwrap();
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?}: {said}");
        assert!(said.contains("a comparison needs two"), "{args:?}: {said}");
        assert!(!said.contains("validate"), "{args:?}: {said}");
    }
}

/// `link` and `dismiss` read as `match` does: `--max-file-size`, which the loader's refusal of a
/// file too large names, is taken by them too.
#[test]
fn link_and_dismiss_take_the_file_size_limit_their_refusal_names() {
    for command in ["link", "dismiss"] {
        let dir = copy_fixture();
        let run = |limit: &str| {
            parallax()
                .args([command, "a-karvani", "b-karvani", "--max-file-size", limit])
                .arg(dir.path())
                .output()
                .unwrap()
        };
        let small = run("100");
        let said = String::from_utf8_lossy(&small.stderr);
        assert_eq!(small.status.code(), Some(1), "{command}: {said}");
        assert!(
            said.contains("over the limit of 100 bytes"),
            "{command}: {said}"
        );
        assert!(said.contains("--max-file-size"), "{command}: {said}");
        let enough = run("1M");
        assert!(enough.status.success(), "{command}: {enough:?}");
    }
}

/// `link` and `dismiss` whose summary cannot be printed (standard output on a full disk) say
/// the files were written: the command did its work, and is not to be run again for nothing.
#[cfg(target_os = "linux")]
#[test]
fn a_summary_that_cannot_be_printed_says_the_files_were_written() {
    for (command, changed) in [
        ("link", "alpha.json"),
        ("dismiss", ".parallax-dismissed.json"),
    ] {
        let dir = copy_fixture();
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args([command, "a-karvani", "b-karvani"])
            .arg(dir.path())
            .stdout(full)
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{command}: {said}");
        assert!(
            said.contains(&format!("wrote {}", dir.path().join(changed).display()))
                && said.contains("but could not say so: cannot write to standard output"),
            "{command}: {said}"
        );
    }
}

/// A read-only dismissals file is not deleted by taking back its last dismissal, as it is not
/// replaced by taking back one of several.
#[test]
fn dismiss_undo_leaves_a_read_only_file_alone_even_when_it_would_empty_it() {
    use std::os::unix::fs::PermissionsExt;
    let dir = copy_fixture();
    let file = dir.path().join(".parallax-dismissed.json");
    parallax()
        .args(["dismiss", "a-karvani", "b-karvani"])
        .arg(dir.path())
        .assert()
        .success();
    let held = std::fs::read(&file).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = parallax()
        .args(["dismiss", "--undo", "a-karvani", "b-karvani"])
        .arg(dir.path())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains("is read-only: make it writable (chmod u+w)"),
        "{said}"
    );
    assert_eq!(
        std::fs::read(&file).unwrap(),
        held,
        "the file is kept as it was"
    );
}

#[test]
fn a_dismissal_is_appended_and_the_rest_of_the_file_stays_as_it_was() {
    let dir = copy_fixture();
    let file = dir.path().join(".parallax-dismissed.json");
    // Written by a newer program, or by hand: a note on an entry and a field of the file's own.
    let before = "{\n  \"format\": \"parallax-dismissed/1\",\n  \"dismissed\": [\n    {\"left\": \"a-people\", \"right\": \"b-opened\", \"point\": null, \"note\": \"mine\"}\n  ],\n  \"extra\": 1\n}\n";
    std::fs::write(&file, before).unwrap();
    // The screen read the file before another window dismissed a pair.
    let mut seen = Dismissed::read(dir.path()).expect("reads");
    parallax()
        .args(["dismiss", "a-talks-water", "b-talks-water"])
        .arg(dir.path())
        .assert()
        .success();
    seen.add(
        Entry {
            left: "a-karvani".to_owned(),
            right: "b-karvani".to_owned(),
            point: None,
            topic: None,
        },
        true,
    )
    .expect("saves");
    let after = std::fs::read_to_string(&file).unwrap();
    // Every line of the file before is still there, in order, and nothing was lost.
    let mut lines = after.lines();
    for line in before.lines() {
        assert!(
            lines.any(|l| l.trim_end_matches(',') == line.trim_end_matches(',')),
            "{line} in\n{after}"
        );
    }
    let v: serde_json::Value = serde_json::from_str(&after).unwrap();
    let lefts: Vec<&str> = v["dismissed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["left"].as_str().unwrap())
        .collect();
    assert_eq!(lefts, ["a-people", "a-talks-water", "a-karvani"]);
    assert_eq!(v["dismissed"][0]["note"], "mine");
    assert_eq!(v["extra"], 1);
    assert_eq!(seen.entries.len(), 3);
}

/// Runs `parallax ARGS… dir` once for each `args` at the same time; returns each one's output.
fn all_at_once(dir: &Path, runs: &[Vec<&str>]) -> Vec<std::process::Output> {
    let bin = assert_cmd::cargo::cargo_bin("parallax");
    let children: Vec<_> = runs
        .iter()
        .map(|args| {
            std::process::Command::new(&bin)
                .args(args)
                .arg(dir)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("parallax starts")
        })
        .collect();
    children
        .into_iter()
        .map(|c| c.wait_with_output().expect("parallax ends"))
        .collect()
}

/// Dismissals made at the same moment by several commands are all kept: each waits for the
/// other's write, and reads the file as it left it.
#[test]
fn dismissals_made_at_once_are_all_kept() {
    let dir = copy_fixture();
    let lefts = [
        "a-closed",
        "a-karvani",
        "a-people",
        "a-talks-water",
        "a-talks-geneva",
    ];
    let rights = [
        "b-opened",
        "b-common",
        "b-karvani",
        "b-talks-water",
        "b-talks-geneva",
    ];
    let runs: Vec<Vec<&str>> = lefts
        .iter()
        .flat_map(|l| rights.iter().map(move |r| vec!["dismiss", *l, *r]))
        // Already on one point: no suggestion to dismiss.
        .filter(|run| run[1..] != ["a-closed", "b-opened"])
        .collect();
    for out in all_at_once(dir.path(), &runs) {
        assert!(out.status.success(), "{out:?}");
    }
    let kept = Dismissed::read(dir.path()).expect("reads");
    assert_eq!(kept.entries.len(), runs.len(), "{:?}", kept.entries);
}

/// A pair dismissed in the other order is already dismissed: no second entry.
#[test]
fn a_pair_dismissed_in_the_other_order_is_already_dismissed() {
    let dir = copy_fixture();
    parallax()
        .args(["dismiss", "a-karvani", "b-karvani"])
        .arg(dir.path())
        .assert()
        .success();
    parallax()
        .args(["dismiss", "b-karvani", "a-karvani"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicates::str::contains("Already dismissed"));
    assert_eq!(Dismissed::read(dir.path()).unwrap().entries.len(), 1);
    // Written by one rule: every entry's fields in the same order.
    let text = std::fs::read_to_string(dir.path().join(".parallax-dismissed.json")).unwrap();
    parallax()
        .args(["dismiss", "a-people", "b-common"])
        .arg(dir.path())
        .assert()
        .success();
    let after = std::fs::read_to_string(dir.path().join(".parallax-dismissed.json")).unwrap();
    let order = |entry: &str| {
        let at = |k: &str| entry.find(&format!("\"{k}\"")).expect("the field");
        (at("left") < at("right"), at("left") < at("point"))
    };
    let entries: Vec<&str> = after.split("\"left\"").skip(1).collect();
    assert_eq!(entries.len(), 2, "{after}");
    assert!(text.contains("a-karvani"));
    let first = order(&format!("\"left\"{}", entries[0]));
    let second = order(&format!("\"left\"{}", entries[1]));
    assert_eq!(first, second, "{after}");
}

/// Links made at the same moment in a folder of side files with no manifest yet: each waits
/// for the other, so every pair is linked and the files agree (every point is in the
/// manifest the first link made).
#[test]
fn links_made_at_once_all_land_and_the_files_agree() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for name in ["alpha.json", "beta.json"] {
        std::fs::copy(fixture().join(name), dir.path().join(name)).expect("copy");
    }
    let pairs = [
        ("a-people", "b-common"),
        ("a-karvani", "b-karvani"),
        ("a-talks-water", "b-talks-water"),
        ("a-talks-geneva", "b-talks-geneva"),
    ];
    let runs: Vec<Vec<&str>> = pairs.iter().map(|(l, r)| vec!["link", *l, *r]).collect();
    for out in all_at_once(dir.path(), &runs) {
        assert!(out.status.success(), "{out:?}");
    }
    let report = parallax()
        .arg("validate")
        .arg(dir.path())
        .assert()
        .success();
    let report = String::from_utf8_lossy(&report.get_output().stdout).into_owned();
    let d = load(dir.path());
    for (l, r) in pairs {
        let point = |id| d.claim(d.find_claim(id).unwrap()).unwrap().point.clone();
        let Some(p) = point(l) else {
            panic!("{l} has no point")
        };
        assert_eq!(point(r).as_ref(), Some(&p), "{l} and {r}");
        // The manifest that the links made lists it.
        assert!(
            !report.contains(&format!("point `{p}` of topic")),
            "{report}"
        );
    }
}

/// A side file saved with a byte order mark (Windows Notepad) is linked like any other, and
/// keeps its mark; a dismissals file with one is read.
#[test]
fn a_file_with_a_byte_order_mark_is_linked_and_keeps_it() {
    let dir = copy_fixture();
    let alpha = dir.path().join("alpha.json");
    let before = std::fs::read(&alpha).unwrap();
    std::fs::write(&alpha, [b"\xef\xbb\xbf".as_slice(), &before].concat()).unwrap();
    parallax()
        .args([
            "link",
            "a-karvani",
            "b-karvani",
            "--question",
            "Was the sluice shut?",
        ])
        .arg(dir.path())
        .assert()
        .success();
    let after = std::fs::read(&alpha).unwrap();
    assert!(after.starts_with(b"\xef\xbb\xbf{"), "the mark stays");
    let added: Vec<&str> = std::str::from_utf8(&after)
        .unwrap()
        .lines()
        .filter(|l| !std::str::from_utf8(&before).unwrap().contains(*l))
        .collect();
    assert_eq!(
        added,
        ["\u{feff}{", "          \"point\": \"sluice-shut\","]
    );
    let dismissals = dir.path().join(".parallax-dismissed.json");
    std::fs::write(
        &dismissals,
        "\u{feff}{\"format\": \"parallax-dismissed/1\", \"dismissed\": []}\n",
    )
    .unwrap();
    parallax()
        .args(["dismiss", "a-people", "b-common"])
        .arg(dir.path())
        .assert()
        .success();
    assert_eq!(Dismissed::read(dir.path()).unwrap().entries.len(), 1);
}

/// The placeholder question asks nothing: two pairs linked without a question get a point each
/// (named after the topic, as the screen names one accepted with the placeholder), and the
/// matcher never says that claims "both answer" it.
#[test]
fn pairs_linked_without_a_question_get_a_point_each() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for name in ["alpha.json", "beta.json"] {
        std::fs::copy(fixture().join(name), dir.path().join(name)).expect("copy");
    }
    // The screen's accept offers the placeholder: it names the point as no question does.
    let (ws, d) = Workspace::open(&[dir.path().to_path_buf()]).expect("opens");
    let offered = ws
        .link(
            &d,
            "a-talks-water",
            "b-talks-water",
            Some(parallax::edit::DEFAULT_QUESTION),
        )
        .expect("plans");
    assert_eq!(offered.point, "talks-point");
    link_all(
        dir.path(),
        &[
            ("a-talks-water", "b-talks-water"),
            ("a-talks-geneva", "b-talks-geneva"),
        ],
    );
    let d = load(dir.path());
    let point = |id| d.claim(d.find_claim(id).unwrap()).unwrap().point.clone();
    assert_eq!(point("a-talks-water").as_deref(), Some("talks-point"));
    assert_eq!(point("a-talks-geneva").as_deref(), Some("talks-point-2"));
    let out = parallax()
        .args(["match", "--min-score", "0"])
        .arg(dir.path())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(!said.contains("What is at issue here?"), "{said}");
}

/// The README's example of `parallax match` is what the command prints.
#[test]
fn the_readmes_match_example_is_what_match_prints() {
    let out = parallax()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["match", "tests/fixtures/match"])
        .output()
        .unwrap();
    let printed = String::from_utf8_lossy(&out.stdout).into_owned();
    let readme =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let example = format!("$ parallax match tests/fixtures/match\n{printed}```");
    assert!(readme.contains(&example), "README should show:\n{example}");
}

/// Every suggestion `match` makes can be accepted: on the bundled dispute, `link` writes each
/// one (on a fresh copy), never refusing a pair whose claims answer two different points.
#[test]
fn every_suggestion_of_the_bundled_dispute_can_be_linked() {
    let bundled = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("narratives/india-pakistan-2025");
    let out = parallax()
        .args(["match", "--json"])
        .arg(&bundled)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let suggestions = v["suggestions"].as_array().unwrap();
    assert!(suggestions.len() > 5, "{}", suggestions.len());
    for s in suggestions {
        let dir = tempfile::tempdir().unwrap();
        for entry in std::fs::read_dir(&bundled).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
        let (l, r) = (s["left"].as_str().unwrap(), s["right"].as_str().unwrap());
        let done = parallax()
            .args(["link", l, r])
            .arg(dir.path())
            .output()
            .unwrap();
        assert!(
            done.status.success(),
            "{l} {r}: {}",
            String::from_utf8_lossy(&done.stderr)
        );
    }
}

/// A question given for a pair that joins a point already there is not used, and `link` says
/// so rather than dropping it silently.
#[test]
fn a_question_for_a_point_already_there_is_said_to_be_unused() {
    let dir = copy_fixture();
    parallax()
        .args([
            "link",
            "a-people",
            "b-opened",
            "--question",
            "Is the sky green?",
        ])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "“Is the sky green?” was not used: the point `who-closed` was there already",
        ));
    let manifest = std::fs::read_to_string(dir.path().join("dispute.json")).unwrap();
    assert!(!manifest.contains("sky green"));
}

#[test]
fn a_question_with_a_control_character_is_refused_and_nothing_written() {
    let dir = copy_fixture();
    let before = std::fs::read_to_string(dir.path().join("dispute.json")).unwrap();
    parallax()
        .args([
            "link",
            "a-people",
            "b-opened",
            "--question",
            "Who \u{1b}[31mwon?",
        ])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("U+001B"))
        .stderr(predicates::str::contains("\u{1b}").not());
    let after = std::fs::read_to_string(dir.path().join("dispute.json")).unwrap();
    assert_eq!(before, after);
}

#[test]
fn a_new_points_id_keeps_the_short_words_that_carry_meaning() {
    let dir = copy_fixture();
    let shown = dry_run(
        &[
            "link",
            "--dry-run",
            "a-karvani",
            "b-karvani",
            "--question",
            "Did the UN tax oil in the war?",
        ],
        dir.path(),
    );
    assert!(
        shown.starts_with("Would link a-karvani and b-karvani on the new point `un-tax-oil-war`"),
        "{shown}"
    );
}

/// Writes the files into `dir` and returns what `parallax match` prints for it.
fn match_in<const N: usize>(dir: &Path, files: [(&str, serde_json::Value); N]) -> String {
    for (name, json) in files {
        std::fs::write(dir.join(name), json.to_string()).expect("written");
    }
    let out = Command::cargo_bin("parallax")
        .expect("the binary is built")
        .arg("match")
        .arg(dir)
        .output()
        .expect("runs");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn a_reason_found_only_in_a_note_or_source_is_named_as_such() {
    // The reasons are there to be checked by reading the two claims: "180" and "posts" are in
    // the union claim's assessment note, not its text, so they are not "shared numbers".
    let dir = tempfile::tempdir().expect("a temporary folder");
    let side = |id: &str, text: &str, note: Option<&str>| {
        let mut claim = serde_json::json!({
            "id": format!("{id}-1"), "text": text, "date": "2026-02-01", "sources": ["s"]
        });
        if let Some(note) = note {
            claim["assessment"] =
                serde_json::json!({"rating": "disputed", "note": note, "by": "Gazette"});
        }
        serde_json::json!({
            "format": "parallax/1", "dispute": "d", "party": {"id": id, "name": id},
            "sources": [{"id": "s", "outlet": "Gazette", "url": "https://example.org/a"}],
            "topics": [{"id": "jobs", "title": "Jobs", "claims": [claim]}]
        })
    };
    let files = [
        (
            "union.json",
            side(
                "union",
                "Management plans to cut jobs at the Tembla plants.",
                Some("A leaked memo lists 180 posts."),
            ),
        ),
        (
            "company.json",
            side(
                "company",
                "Only 180 posts at the Tembla plant will go, by attrition.",
                None,
            ),
        ),
    ];
    let line = match_in(dir.path(), files);
    assert!(line.contains("shared names: Tembla"), "{line}");
    // One word in two spellings (plants, plant) is one term, shared by both texts.
    assert!(line.contains("shared words: plant"), "{line}");
    assert!(
        line.contains("also shared in notes or sources: 180, posts"),
        "{line}"
    );
    assert!(!line.contains("shared numbers"), "{line}");
}

#[test]
fn a_question_is_not_answered_through_the_topics_own_word_alone() {
    topics_own_word_case(false);
}

/// A word that tells little (a fact-checker's verdict, `true`, in the notes of the question's
/// claims and of two others) let the topic's own word count in full: on LIAR, after one pair was linked on
/// "Where does the speaker stand?", 103 suggestions said both claims answer it.
#[test]
fn a_question_is_not_answered_through_the_topics_own_word_beside_a_verdict() {
    topics_own_word_case(true);
}

fn topics_own_word_case(verdicts: bool) {
    // Every claim of the topic says `abortion`; one pair is linked on a question about Romney.
    // Two claims that share only the topic's word with it do not "both answer" it.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let side = |id: &str, texts: &[&str]| {
        let claims: Vec<serde_json::Value> = texts
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let mut c = serde_json::json!({
                    "id": format!("{id}-{i}"), "text": text, "sources": ["s"]
                });
                if i == 0 {
                    c["point"] = serde_json::json!("romney");
                }
                // The linked claim's verdict is half true; the other's true.
                if verdicts && i < 2 {
                    let note = if i == 0 {
                        "Checker: half-true"
                    } else {
                        "Checker: true"
                    };
                    c["assessment"] = serde_json::json!({"rating": "disputed", "note": note});
                }
                c
            })
            .collect();
        // Many claims elsewhere, so that `abortion` is a rare word in the dispute, as on LIAR.
        let others: Vec<serde_json::Value> = (0..40)
            .map(|i| {
                serde_json::json!({
                    "id": format!("{id}-jobs-{i}"), "sources": ["s"],
                    "text": format!("The jobs report for month {i} shows growth in sector {i}.")
                })
            })
            .collect();
        serde_json::json!({
            "format": "parallax/1", "dispute": "d", "party": {"id": id, "name": id},
            "sources": [{"id": "s", "outlet": "Gazette", "url": "https://example.org/a"}],
            "topics": [
                {"id": "abortion", "title": "Abortion", "claims": claims},
                {"id": "jobs", "title": "Jobs", "claims": others}
            ]
        })
    };
    let manifest = serde_json::json!({
        "format": "parallax/1",
        "dispute": {"id": "d", "title": "Abortion statements"},
        "sides": ["dem.json", "rep.json"],
        "topics": [{"id": "abortion", "title": "Abortion",
            "points": [{"id": "romney", "question": "Did Romney flip-flop on abortion?"}]},
            {"id": "jobs", "title": "Jobs"}]
    });
    let dem = side(
        "dem",
        &[
            "Romney flip-flopped on abortion.",
            "On abortion.",
            "Voters care about abortion rights.",
            "The state abortion bill passed the senate.",
        ],
    );
    let rep = side(
        "rep",
        &[
            "Romney changed his stance on abortion twice.",
            "On abortion.",
            "Abortion clinics closed across the county.",
            "Abortion funding was cut from the budget.",
        ],
    );
    let text = match_in(
        dir.path(),
        [
            ("dispute.json", manifest),
            ("dem.json", dem),
            ("rep.json", rep),
        ],
    );
    let pair = text
        .lines()
        .find(|l| l.contains("dem-1") && l.contains("rep-1"))
        .unwrap_or_else(|| panic!("the two 'On abortion.' claims are suggested:\n{text}"));
    assert!(!pair.contains("both answer"), "{text}");
}

/// A point made from one linked pair is mostly that pair's words: two claims sharing one of
/// them (a name) do not "both answer" its question. On LIAR, linking one pair on
/// "Did Perry's Texas program serve women through Planned Parenthood?" had 100 suggestions say
/// both answer it, through `health` (health-care bills) or `Planned Parenthood` (defunding it).
/// `parallax match` on a folder (`dir`) of one topic, `care`, whose point `program` asks "Did
/// the Lone Star program serve women through Family Choice clinics?": each side's first claim
/// (of `dem` and `rep`) is on it, the others on no point.
fn program_match(dir: &Path, dem: &[&str], rep: &[&str]) -> String {
    let side = |id: &str, texts: &[&str]| {
        let claims: Vec<serde_json::Value> = texts
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let mut c = serde_json::json!({
                    "id": format!("{id}-{i}"), "text": text, "sources": ["s"]
                });
                if i == 0 {
                    c["point"] = serde_json::json!("program");
                }
                c
            })
            .collect();
        serde_json::json!({
            "format": "parallax/1", "dispute": "d", "party": {"id": id, "name": id},
            "sources": [{"id": "s", "outlet": "Gazette", "url": "https://example.org/a"}],
            "topics": [{"id": "care", "title": "Care", "claims": claims}]
        })
    };
    let manifest = serde_json::json!({
        "format": "parallax/1",
        "dispute": {"id": "d", "title": "Care statements"},
        "sides": ["dem.json", "rep.json"],
        "topics": [{"id": "care", "title": "Care", "points": [{"id": "program",
            "question": "Did the Lone Star program serve women through Family Choice clinics?"}]}]
    });
    match_in(
        dir,
        [
            ("dispute.json", manifest),
            ("dem.json", side("dem", dem)),
            ("rep.json", side("rep", rep)),
        ],
    )
}

#[test]
fn a_claim_sharing_one_word_with_a_linked_pair_does_not_answer_its_question() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let text = program_match(
        dir.path(),
        &[
            "Almost half of the women who get health screenings from the Lone Star Health Program get them at a Family Choice health center.",
            "Congress voted to cut off Family Choice funding.",
            "Voters care about schools and roads.",
            "The state budget passed the senate in May.",
        ],
        &[
            "Most women served by the Lone Star Health Program got care from a provider other than a Family Choice clinic.",
            "Family Choice keeps getting federal funding.",
            "Teachers want smaller classes.",
            "The governor vetoed the transport budget.",
        ],
    );
    // The two claims on funding are suggested as a pair, for the word they share, and neither
    // is said to answer the program's question, beside each other or beside its claim.
    let pair = text
        .lines()
        .find(|l| l.contains("dem-1") && l.contains("rep-1"))
        .unwrap_or_else(|| panic!("the two funding claims are suggested:\n{text}"));
    assert!(pair.contains("shared words: funding"), "{text}");
    assert!(!text.contains("both answer"), "{text}");
}

/// A claim kept out of a point row (`dismiss --row`) is not offered that point another way:
/// beside a claim of no point, the pair no longer "both answer" its question, and `link`
/// without a question makes a new point rather than join the one dismissed (both did).
#[test]
fn a_claim_kept_out_of_a_point_row_is_not_joined_to_it_through_a_pair() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let before = program_match(
        dir.path(),
        &[
            "Almost half of the women who get health screenings from the Lone Star Health Program get them at a Family Choice health center.",
            "Women in the Lone Star Health Program chose Family Choice clinics for screenings.",
            "Voters care about schools and roads.",
            "The state budget passed the senate in May.",
        ],
        &[
            "Most women served by the Lone Star Health Program got care from a provider other than a Family Choice clinic.",
            "Lone Star Health Program women mostly went to providers other than Family Choice clinics.",
            "Teachers want smaller classes.",
            "The governor vetoed the transport budget.",
        ],
    );
    let pair = |text: &str| common::line_with(text, "dem-1  rep-1").to_owned();
    assert!(pair(&before).contains("both answer"), "{before}");
    let run = |args: &[&str]| {
        let out = Command::cargo_bin("parallax")
            .expect("the binary is built")
            .args(args)
            .arg(dir.path())
            .output()
            .expect("runs");
        assert!(out.status.success(), "{args:?}: {out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    run(&["dismiss", "--row", "dem-1", "rep-0"]);
    let after = run(&["match"]);
    assert!(
        !pair(&after).is_empty(),
        "still suggested as a pair: {after}"
    );
    assert!(!pair(&after).contains("both answer"), "{after}");
    let linked = run(&["link", "--dry-run", "dem-1", "rep-1"]);
    assert!(linked.contains("on the new point"), "{linked}");
    assert!(!linked.contains("`program`"), "{linked}");
}

/// Side files without a manifest: `link` says the manifest it writes is new, and that the new
/// point's question is the placeholder, with how to give a real one.
#[test]
fn link_says_a_new_manifest_and_a_placeholder_question() {
    let dir = sides_without_points();
    let out = parallax()
        .args(["link", "a-karvani", "b-karvani"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(said.contains("dispute.json (new)"), "{said}");
    assert!(
        said.contains("its question is the placeholder “What is at issue here?” (give --question"),
        "{said}"
    );
}

/// The placeholder question typed by hand, in any case and without its `?`, is the placeholder:
/// its point is named after the topic and said to ask nothing (`issue-here` was made, a point
/// like any other that later pairs would be said to answer).
#[test]
fn the_placeholder_typed_by_hand_is_the_placeholder() {
    let dir = sides_without_points();
    let out = parallax()
        .args([
            "link",
            "a-karvani",
            "b-karvani",
            "--question",
            "what is at  issue here",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(said.contains("on the new point `gates-point`"), "{said}");
    assert!(said.contains("its question is the placeholder"), "{said}");
    let d = load(dir.path());
    let point = d
        .claim(d.find_claim("a-karvani").unwrap())
        .unwrap()
        .point
        .clone();
    assert_eq!(point.as_deref(), Some("gates-point"));
}

/// `dismiss --dry-run` writes nothing and shows the dismissals file it would write.
#[test]
fn dismiss_dry_run_shows_the_change_and_writes_nothing() {
    let dir = copy_fixture();
    let said = dry_run(
        &["dismiss", "--dry-run", "a-karvani", "b-karvani"],
        dir.path(),
    );
    assert!(
        said.starts_with("Would dismiss a-karvani with b-karvani"),
        "{said}"
    );
    assert!(said.contains(".parallax-dismissed.json (new)"), "{said}");
    assert!(said.contains("+      \"left\": \"a-karvani\","), "{said}");
    assert!(
        !dir.path().join(".parallax-dismissed.json").exists(),
        "nothing written"
    );
}

/// A side file of `n` claims in one topic, none on a point; claim `k` says `special` instead.
fn one_topic_side(party: &str, n: usize, special: (usize, &str)) -> serde_json::Value {
    let claims: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            let text = if i == special.0 {
                special.1.to_owned()
            } else {
                format!("Statement {i} of the {party} side on the matter at hand.")
            };
            serde_json::json!({"id": format!("{party}-{i}"), "text": text})
        })
        .collect();
    serde_json::json!({
        "format": "parallax/1",
        "dispute": "big",
        "party": {"id": party, "name": party},
        "sources": [],
        "topics": [{"id": "t", "title": "One topic", "claims": claims}]
    })
}

#[test]
fn a_topic_too_large_to_score_every_pair_still_finds_the_pair_sharing_a_rare_name() {
    // 1,100 × 1,000 claims in one topic: over a million pairs, so candidates come from the
    // distinctive words claims share. The two claims naming the Zorvanian sluice still meet.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let left = one_topic_side(
        "left",
        1_100,
        (700, "Zorvanian engineers shut the Qelmar sluice."),
    );
    let right = one_topic_side(
        "right",
        1_000,
        (300, "The Qelmar sluice was shut by Zorvanian engineers."),
    );
    for (name, side) in [("left.json", left), ("right.json", right)] {
        std::fs::write(dir.path().join(name), side.to_string()).expect("written");
    }
    let d = load(dir.path());
    let the_pair = |s: &Suggestion| {
        d.claim(s.left).is_some_and(|c| c.id == "left-700")
            && d.claim(s.right).is_some_and(|c| c.id == "right-300")
    };
    let (cmp, found) = suggestions(&d);
    assert!(found.iter().any(the_pair), "{} suggestions", found.len());
    // The screen pairs each claim with its best partner the same way.
    let p = Profiles::new(&d, &cmp);
    let pairs = topic_pairs(&cmp, &p, &Options::default());
    assert!(pairs.iter().any(the_pair), "{} pairs", pairs.len());
}

#[test]
fn a_claims_fit_keeps_its_best_questions_only() {
    // A topic of 200 points: each claim keeps at most a few shares, not one per point.
    let files = synth::stress(synth::Shape::Points, 400);
    let d = synth::load(&files).dispute.expect("loads");
    let cmp = Comparison::new(&d, 0, 1);
    let p = Profiles::new(&d, &cmp);
    assert!(p.questions.iter().any(|qs| qs.len() > 100));
    assert!(
        p.claims
            .iter()
            .all(|c| c.fit.len() <= parallax::matching::FIT_KEPT)
    );
}

/// `null` is what the format reads as absent: a claim's `"point": null`, a manifest topic's
/// `"points": null` and a claim's `"relations": null` are set in place, never given a second key
/// that would leave the file invalid.
#[test]
fn a_null_point_points_or_relations_is_set_in_place() {
    let dir = copy_fixture();
    let (alpha, manifest) = (
        dir.path().join("alpha.json"),
        dir.path().join("dispute.json"),
    );
    rewrite_file(
        &alpha,
        "\"id\": \"a-karvani\",\n",
        "\"id\": \"a-karvani\",\n          \"point\": null,\n",
    );
    rewrite_file(
        &alpha,
        "\"id\": \"a-talks-geneva\",\n",
        "\"id\": \"a-talks-geneva\",\n          \"relations\": null,\n",
    );
    rewrite_file(&manifest, "\"points\": []", "\"points\": null");
    parallax()
        .arg("validate")
        .arg(dir.path())
        .assert()
        .success();
    link_all(
        dir.path(),
        &[
            ("a-karvani", "b-karvani"),
            ("a-talks-geneva", "b-talks-geneva"),
        ],
    );
    let text = std::fs::read_to_string(&alpha).unwrap();
    assert!(
        !text.contains("\"point\": null"),
        "the null took the point:\n{text}"
    );
    let d = load(dir.path());
    let point = |id| d.claim(d.find_claim(id).unwrap()).unwrap().point.clone();
    assert!(point("a-karvani").is_some());
    assert_eq!(point("a-karvani"), point("b-karvani"));
    let m = std::fs::read_to_string(&manifest).unwrap();
    assert!(!m.contains("\"points\": null"), "{m}");
    // The relation goes where the null was.
    let d = load(dir.path());
    let (ws, _) = Workspace::open(&[dir.path().to_path_buf()]).expect("opens");
    let plan = ws
        .link(&d, "a-people", "b-opened", None)
        .expect("a plan to start from");
    let plan = ws
        .relate(
            &d,
            plan,
            "a-talks-geneva",
            parallax::format::RelationKind::Contradicts,
            "b-talks-geneva",
        )
        .expect("the relation is planned");
    let held = FolderLock::take(dir.path(), true).expect("the folder's lock");
    commit(&plan, &held).expect("written");
    let text = std::fs::read_to_string(&alpha).unwrap();
    assert!(!text.contains("\"relations\": null"), "{text}");
    assert_eq!(text.matches("\"relations\"").count(), 1, "{text}");
    parallax()
        .arg("validate")
        .arg(dir.path())
        .assert()
        .success();
    let d = load(dir.path());
    let claim = d.claim(d.find_claim("a-talks-geneva").unwrap()).unwrap();
    assert_eq!(claim.relations.len(), 1);
}

/// Links each pair with `parallax link`, in turn, in the folder `dir`; each must succeed.
/// The manifest's `topics` is optional: a link into a manifest without it (or with
/// `"topics": null`) makes it a list of the topic, instead of refusing ("the file has no
/// /topics").
#[test]
fn a_manifest_without_topics_gets_them_from_a_link() {
    for without in ["", "  \"topics\": null,\n"] {
        let dir = copy_fixture();
        let manifest = dir.path().join("dispute.json");
        let mut m: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&manifest).unwrap()).unwrap();
        m.as_object_mut().unwrap().remove("topics");
        let text = serde_json::to_string_pretty(&m).unwrap();
        let text = text.replacen("{\n", &format!("{{\n{without}"), 1);
        std::fs::write(&manifest, text).unwrap();
        parallax()
            .arg("validate")
            .arg(dir.path())
            .assert()
            .success();
        parallax()
            .args([
                "link",
                "a-talks-water",
                "b-talks-water",
                "--question",
                "Talks?",
            ])
            .arg(dir.path())
            .assert()
            .success();
        let d = load(dir.path());
        let point = |id| d.claim(d.find_claim(id).unwrap()).unwrap().point.clone();
        assert!(point("a-talks-water").is_some());
        assert_eq!(point("a-talks-water"), point("b-talks-water"));
        let m = std::fs::read_to_string(&manifest).unwrap();
        assert!(m.contains("\"question\": \"Talks?\""), "{m}");
        assert_eq!(m.matches("\"topics\"").count(), 1, "{m}");
    }
}

/// No suggestion at a high `--min-score` says that none scores so high, with how many left
/// claims wait for a counterpart: it said "every claim of the left side has a counterpart, or
/// none scores 1 or more" where no claim had one.
#[test]
fn no_suggestion_says_why_not_both_reasons() {
    parallax()
        .arg("match")
        .arg(fixture())
        .args(["--min-score", "1"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "none of the 4 claim(s) of the left side without a counterpart has one scoring 1 or more",
        ))
        .stderr(predicates::prelude::PredicateBooleanExt::not(
            predicates::str::contains("every claim of the left side has a counterpart"),
        ));
    // Dismissed pairs are left out, and said to be: they may score more.
    let dir = copy_fixture();
    parallax()
        .args(["dismiss", "a-karvani", "b-karvani"])
        .arg(dir.path())
        .assert()
        .success();
    parallax()
        .arg("match")
        .arg(dir.path())
        .args(["--min-score", "0.45"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "the 1 dismissed in .parallax-dismissed.json are left out",
        ));
}

fn link_all(dir: &Path, pairs: &[(&str, &str)]) {
    for (l, r) in pairs {
        parallax().args(["link", l, r]).arg(dir).assert().success();
    }
}

fn rewrite_file(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} in {}", path.display());
    std::fs::write(path, text.replace(from, to)).unwrap();
}

/// A dismissals file that does not read is said in its own terms (its form, where it breaks),
/// never in the program's type names, and left as it is.
#[test]
fn a_dismissals_file_that_does_not_read_says_its_form() {
    let dir = copy_fixture();
    let file = dir.path().join(".parallax-dismissed.json");
    for (text, says) in [
        (
            "[]",
            "at line 1, column 2, it does not fit its form, {\"format\": \"parallax-dismissed/1\"",
        ),
        (
            "{\"format\": ",
            "at line 1, column 11, it is not valid JSON (EOF while parsing a value)",
        ),
    ] {
        std::fs::write(&file, text).unwrap();
        let out = parallax()
            .args(["dismiss", "a-people", "b-opened"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{text}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{err}");
        assert!(!err.contains("struct"), "{err}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    }
}

/// `validate` checks the dismissals too: a file `match` would refuse is an error (exit 1), and
/// a dismissal naming a claim the dispute no longer has a warning at its line.
#[test]
fn validate_checks_the_dismissals_file() {
    let dir = copy_fixture();
    let file = dir.path().join(".parallax-dismissed.json");
    std::fs::write(&file, "{\"format\": ").unwrap();
    let out = parallax().arg("validate").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stdout);
    // At its line and column, as an editor jumps to them, and so in `--json`.
    assert!(
        said.contains(".parallax-dismissed.json:1:11: error[bad-dismissals]"),
        "{said}"
    );
    assert!(
        said.contains("not valid JSON (EOF while parsing a value); fix or delete it"),
        "{said}"
    );
    let json = parallax()
        .args(["validate", "--json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let bad = report["diagnostics"]
        .as_array()
        .and_then(|all| all.iter().find(|d| d["code"] == "bad-dismissals"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        (bad["line"].as_u64(), bad["column"].as_u64()),
        (Some(1), Some(11)),
        "{bad}"
    );
    std::fs::write(
        &file,
        "{\"format\": \"parallax-dismissed/1\",\n \"dismissed\": [\n  \
         {\"left\": \"a-people\", \"right\": \"b-opened\"},\n  \
         {\"left\": \"a-renamed\", \"right\": \"b-opened\"}\n]}\n",
    )
    .unwrap();
    let out = parallax().arg("validate").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let said = String::from_utf8_lossy(&out.stdout);
    let stale: Vec<&str> = said
        .lines()
        .filter(|l| l.contains("stale-dismissal"))
        .collect();
    assert_eq!(stale.len(), 1, "{said}");
    assert!(
        stale[0].contains(".parallax-dismissed.json:4:4: warning[stale-dismissal]"),
        "{said}"
    );
    assert!(stale[0].contains("`a-renamed`"), "{said}");
}

/// A question is one line of plain text: a control or hidden character, a line break or a tab
/// included, is refused before anything is read or written.
#[test]
fn link_refuses_a_question_with_a_control_character() {
    let dir = copy_fixture();
    let files = || -> Vec<Vec<u8>> {
        let mut names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        names.sort();
        names.iter().map(|p| std::fs::read(p).unwrap()).collect()
    };
    let before = files();
    for question in [
        "Why\nthen?",
        "Why\tthen?",
        "Why\u{1b}[31m then?",
        "Why\u{202e} then?",
    ] {
        parallax()
            .args(["link", "a-karvani", "b-karvani", "--question", question])
            .arg(dir.path())
            .assert()
            .code(2)
            .stderr(predicates::str::contains(
                "--question holds the character U+",
            ));
    }
    // A question with no word asks nothing: no point is made of it.
    for (question, said) in [
        ("?", "--question “?” holds no word"),
        ("  ", "--question is empty"),
    ] {
        parallax()
            .args(["link", "a-karvani", "b-karvani", "--question", question])
            .arg(dir.path())
            .assert()
            .code(2)
            .stderr(predicates::str::contains(said));
    }
    assert_eq!(files(), before, "nothing written");
    // Claims linked already need no question: run again, the link still succeeds.
    parallax()
        .args(["link", "a-closed", "b-opened", "--question", "?"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicates::str::contains("Already linked"));
}

/// Two claims already on one point are no suggestion: `dismiss` says so and writes nothing.
#[test]
fn dismissing_a_pair_already_linked_says_so_and_writes_nothing() {
    let dir = copy_fixture();
    let out = parallax()
        .args(["dismiss", "a-closed", "b-opened"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.contains("Already linked: `a-closed` and `b-opened` share the point `who-closed`"),
        "{said}"
    );
    assert!(!dir.path().join(".parallax-dismissed.json").exists());
}

/// A dismissals file that is a link to nothing is said to be one (it read as a missing file,
/// and the write then refused as if the file had changed on disk).
#[cfg(unix)]
#[test]
fn a_dismissals_file_linking_to_nothing_is_named_as_such() {
    let dir = copy_fixture();
    let file = dir.path().join(".parallax-dismissed.json");
    std::os::unix::fs::symlink(dir.path().join("gone.json"), &file).unwrap();
    let out = parallax()
        .args(["dismiss", "a-people", "b-opened"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("is a link to a file that does not exist") && !err.contains("changed on disk"),
        "{err}"
    );
    assert!(file.is_symlink() && !dir.path().join("gone.json").exists());
}

/// One claim named twice is said to be that, not "claims of the same party".
#[test]
fn one_claim_named_twice_is_said_to_be_one_claim() {
    let dir = copy_fixture();
    for command in ["link", "dismiss"] {
        let out = parallax()
            .args([command, "--dry-run", "a-karvani", "a-karvani"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{command}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("`a-karvani` is named twice"),
            "{command}: {err}"
        );
    }
}

/// A question in letters beyond ASCII gives a point id spelled from them, not one with the
/// letters dropped (`Über Ärger` gave `ber-rger`).
#[test]
fn a_question_beyond_ascii_names_its_point_in_ascii_letters() {
    let dir = sides_without_points();
    let out = parallax()
        .args(["link", "--dry-run", "--question", "Über Ärger beim Zoll?"])
        .args(["a-karvani", "b-karvani"])
        .arg(dir.path())
        .output()
        .unwrap();
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(said.contains("new point `uber-arger-beim-zoll`"), "{said}");
}

#[test]
fn a_negative_min_score_is_said_out_of_range() {
    let out = parallax()
        .args(["match", "--min-score", "-0.1"])
        .arg(fixture())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--min-score -0.1 is out of range"), "{err}");
}

/// Every suggestion says what its two texts share, or that they share nothing worth naming,
/// whatever else it gives (a date or an outlet alone read as the whole case for a pair).
#[test]
fn every_suggestion_says_what_its_texts_share_or_that_they_share_nothing() {
    let out = parallax()
        .args(["match", "--min-score", "0"])
        .output()
        .unwrap();
    let said = String::from_utf8(out.stdout).unwrap();
    let mut nothing = 0;
    for line in said.lines() {
        let shares = [
            "shared names:",
            "shared numbers:",
            "shared tags:",
            "shared words:",
        ]
        .iter()
        .any(|s| line.contains(s));
        let none = line.contains("no shared names, numbers or words");
        assert!(shares != none, "{line}");
        nothing += usize::from(none && line.contains("apart"));
    }
    assert!(nothing > 0, "a pair with only its dates in common: {said}");
}

/// Every name and word a reason names is in both claims' texts as it is written there: where
/// the two write one term differently, the reason gives the left claim's form, then the right
/// one's (`pregnancies (pregnancy)`), so each can be found by reading.
#[test]
fn every_named_name_and_word_is_written_in_both_texts() {
    use parallax::matching::Reason;
    let (_dir, d) = common::dispute_of(&[
        (
            "a",
            serde_json::json!({"id": "a-1",
            "text": "Nearly half of all pregnancies are unintended, the study found."}),
        ),
        (
            "b",
            serde_json::json!({"id": "b-1",
            "text": "An unintended pregnancy costs the state little, the study said."}),
        ),
    ]);
    let (_, found) = suggestions(&d);
    let s = found.first().expect("a suggestion");
    let (left, right) = (
        d.claim(s.left).expect("left").text.to_lowercase(),
        d.claim(s.right).expect("right").text.to_lowercase(),
    );
    let mut named = 0;
    for r in &s.reasons {
        if let Reason::SharedNames(v) | Reason::SharedWords(v) = r {
            for n in v {
                let (l, rt) = match n.split_once(" (") {
                    Some((l, rt)) => (l.to_owned(), rt.trim_end_matches(')').to_owned()),
                    None => (n.clone(), n.clone()),
                };
                assert!(left.contains(&l.to_lowercase()), "{n} in {left}");
                assert!(right.contains(&rt.to_lowercase()), "{n} in {right}");
                named += 1;
            }
        }
    }
    assert!(named >= 2, "{:?}", s.reasons);
    assert!(
        s.reasons
            .iter()
            .any(|r| r.to_string().contains("pregnancies (pregnancy)")),
        "{:?}",
        s.reasons
    );
}

/// `--texts` puts each claim's text, on one line, under its suggestion.
#[test]
fn match_texts_shows_both_claims_under_each_suggestion() {
    let out = parallax()
        .args(["match", "--texts", "--min-score", "0"])
        .arg(fixture())
        .output()
        .expect("runs");
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let lines: Vec<&str> = stdout.lines().collect();
    let d = load(&fixture());
    assert_eq!(lines.len() % 3, 0, "{stdout}");
    for three in lines.chunks(3) {
        let ids: Vec<&str> = three[0].split_whitespace().skip(2).take(2).collect();
        for (id, line, side) in [(ids[0], three[1], "L"), (ids[1], three[2], "R")] {
            let text = d
                .find_claim(id)
                .and_then(|at| d.claim(at))
                .map(|c| c.text.split_whitespace().collect::<Vec<_>>().join(" "))
                .expect("the claim");
            let shown = line
                .trim_start()
                .strip_prefix(&format!("{side} "))
                .expect("L or R");
            assert!(
                text.starts_with(shown.trim_end_matches('…')),
                "{shown} / {text}"
            );
        }
    }
}

/// A topic whose common ground is a relation row (one side's claim `agrees` with the other's)
/// keeps it first once suggested rows are merged in: a machine's guess never stands in the
/// common-ground lane of the screen or of what it exports.
#[test]
fn suggested_rows_come_after_common_ground_of_a_relation() {
    let (_dir, d) = common::dispute_of(&[
        (
            "a",
            serde_json::json!({"id": "a-patrol",
            "text": "Our patrols at Kelm bridge stayed on our side of the river.",
            "relations": [{"kind": "agrees", "to": "b-patrol"}]}),
        ),
        (
            "a",
            serde_json::json!({"id": "a-mines",
            "text": "Beta laid mines on the Ostrava road near Kelm."}),
        ),
        (
            "b",
            serde_json::json!({"id": "b-patrol",
            "text": "Alpha patrols stayed on their side of the river at Kelm."}),
        ),
        (
            "b",
            serde_json::json!({"id": "b-mines",
            "text": "The mines on the Ostrava road are Alpha's own."}),
        ),
    ]);
    let cmp = Comparison::new(&d, 0, 1);
    let p = Profiles::new(&d, &cmp);
    let pairs = topic_pairs(&cmp, &p, &Options::default());
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    let merged = parallax::matching::with_suggested(&cmp, &pairs);
    let rows = &merged.topics[0].rows;
    let kinds: Vec<(RowKind, bool)> = rows.iter().map(|r| (r.kind, r.common)).collect();
    assert_eq!(
        kinds,
        [(RowKind::Rebuttal, true), (RowKind::Suggested, false)],
        "common ground first, then the guess"
    );
}

/// A folder of three side files and no manifest, its side files copied from the fixture (the
/// third is `beta.json` under another party).
fn three_sides_without_manifest() -> tempfile::TempDir {
    let dir = sides_without_points();
    let beta = std::fs::read_to_string(dir.path().join("beta.json")).expect("beta");
    let gamma = beta.replace("\"beta\"", "\"gamma\"").replace("b-", "c-");
    std::fs::write(dir.path().join("gamma.json"), gamma).expect("written");
    dir
}

/// Linking side files named one by one writes a manifest beside them; where the folder holds a
/// side file not named, that manifest would drop it from the folder's dispute without a word:
/// it is refused, naming the file, and nothing is written.
#[test]
fn link_on_side_files_named_one_by_one_keeps_the_folders_other_sides() {
    let dir = three_sides_without_manifest();
    let d = dir.path();
    let before = std::fs::read(d.join("alpha.json")).expect("alpha");
    parallax()
        .arg("link")
        .args(["a-karvani", "b-karvani"])
        .arg(d.join("alpha.json"))
        .arg(d.join("beta.json"))
        .assert()
        .failure()
        .stderr(predicates::str::contains("gamma.json"))
        .stderr(predicates::str::contains("open the folder"));
    assert!(!d.join("dispute.json").exists());
    assert_eq!(std::fs::read(d.join("alpha.json")).expect("alpha"), before);
    // The folder opened whole lists every side in the manifest it makes.
    parallax()
        .arg("link")
        .args(["a-karvani", "b-karvani"])
        .arg(d)
        .assert()
        .success();
    let manifest = std::fs::read_to_string(d.join("dispute.json")).expect("made");
    assert!(manifest.contains("gamma.json"), "{manifest}");
}

/// A side file that comes into the folder after the change was planned (the screen's dialog was
/// open) is caught when it is written: the new manifest would leave it out.
#[test]
fn a_side_file_added_before_the_write_keeps_the_new_manifest_from_being_made() {
    let dir = sides_without_points();
    let d = dir.path();
    let named = [d.join("alpha.json"), d.join("beta.json")];
    let (ws, dispute) = Workspace::open(&named).expect("opens");
    let plan = ws
        .link(&dispute, "a-karvani", "b-karvani", None)
        .expect("planned");
    let beta = std::fs::read_to_string(d.join("beta.json")).expect("beta");
    std::fs::write(d.join("gamma.json"), beta.replace("\"beta\"", "\"gamma\"")).expect("gamma");
    let held = FolderLock::take(d, true).expect("the folder's lock");
    let err = commit(&plan, &held).expect_err("refused");
    assert!(err.to_string().contains("gamma.json"), "{err}");
    assert!(!d.join("dispute.json").exists());
}

/// `match` exits 1 when it suggests nothing, so its failures exit 2, as grep's do: a script
/// tells files that do not load, or a full disk, from "no suggestion".
#[test]
fn match_fails_with_2_not_the_1_of_no_suggestion() {
    let dir = copy_fixture();
    std::fs::write(dir.path().join("beta.json"), "{").expect("broken");
    parallax()
        .arg("match")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("error[syntax]"));
    #[cfg(target_os = "linux")]
    {
        let full = std::fs::File::create("/dev/full").expect("/dev/full");
        let status = std::process::Command::new(assert_cmd::cargo::cargo_bin("parallax"))
            .arg("match")
            .arg(fixture())
            .stdout(full)
            .stderr(std::process::Stdio::null())
            .status()
            .expect("runs");
        assert_eq!(status.code(), Some(2), "a full disk");
    }
}

/// A score `match --json` writes (rounded to three decimals) is one `--min-score` takes: each
/// suggestion is still listed when the minimum is its own score as written.
#[test]
fn every_score_written_passes_its_own_min_score() {
    let json = |min: &str| -> serde_json::Value {
        let out = parallax()
            .arg("match")
            .arg(fixture())
            .args(["--json", "--min-score", min])
            .output()
            .expect("runs");
        serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null)
    };
    let all = json("0.1");
    let listed = all["suggestions"].as_array().cloned().unwrap_or_default();
    assert!(!listed.is_empty());
    for s in &listed {
        let score = s["score"].to_string();
        let again = json(&score);
        let pairs: Vec<(String, String)> = again["suggestions"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|t| (t["left"].to_string(), t["right"].to_string()))
            .collect();
        assert!(
            pairs.contains(&(s["left"].to_string(), s["right"].to_string())),
            "{s} with --min-score {score}: {pairs:?}"
        );
    }
}

/// A left claim that answers a point no right claim answers yet, paired with a right claim of no
/// point: `link` gives the right claim that point, and `match` says so (`[left's point P]`,
/// `"left_point"`), not a pair both would get a new point for.
#[test]
fn a_pair_whose_left_claim_has_a_point_says_the_right_one_joins_it() {
    let (dir, _) = common::dispute_of(&[
        (
            "a",
            serde_json::json!({"id": "a-howlong", "point": "how-long",
            "text": "The water at Marden was cut off for twelve days."}),
        ),
        (
            "b",
            serde_json::json!({"id": "b-cutoff",
            "text": "Water returned to Marden after three days."}),
        ),
    ]);
    parallax()
        .arg("match")
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "a-howlong  b-cutoff  [left's point how-long]",
        ));
    let out = parallax()
        .arg("match")
        .arg(dir.path())
        .arg("--json")
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["suggestions"][0]["left_point"], "how-long", "{json}");
    assert_eq!(json["suggestions"][0]["point"], serde_json::Value::Null);
    parallax()
        .args(["link", "--dry-run", "a-howlong", "b-cutoff"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicates::str::contains("on the point `how-long`"));
}

/// A point made with the placeholder question asks nothing: linking one pair with it leaves the
/// other pairs of its topic scored as before (its point's words and claims made them seem to
/// answer it: on LIAR, one placeholder point drew 43 join suggestions, up from none).
#[test]
fn a_placeholder_point_changes_no_other_pairs_score() {
    let score = |dir: &Path, left: &str| -> Option<f64> {
        let out = parallax()
            .arg("match")
            .arg(dir)
            .arg("--json")
            .output()
            .expect("runs");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).ok()?;
        json["suggestions"]
            .as_array()?
            .iter()
            .find(|s| s["left"] == left && s["right"] == "b-talks-water")
            .and_then(|s| s["score"].as_f64())
    };
    let dir = copy_fixture();
    let before = score(dir.path(), "a-talks-water").expect("suggested before");
    parallax()
        .args(["link", "a-talks-geneva", "b-talks-geneva"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicates::str::contains("placeholder"));
    let after = score(dir.path(), "a-talks-water").expect("suggested after");
    assert_eq!(after, before);
}

/// A side file made append-only (`chattr +a`) cannot be replaced: the refusal names that, not a
/// sticky folder the dispute's folder is not. Skipped, and said, where `chattr` cannot set it.
#[cfg(target_os = "linux")]
#[test]
fn an_append_only_side_file_is_named_as_such() {
    struct Lifted(PathBuf);
    impl Drop for Lifted {
        fn drop(&mut self) {
            let _ = std::process::Command::new("chattr")
                .arg("-a")
                .arg(&self.0)
                .status();
        }
    }
    let dir = copy_fixture();
    let alpha = dir.path().join("alpha.json");
    let set = std::process::Command::new("chattr")
        .arg("+a")
        .arg(&alpha)
        .output()
        .is_ok_and(|o| o.status.success());
    if !set {
        eprintln!("skipped: chattr +a cannot be set here");
        return;
    }
    let _lifted = Lifted(alpha.clone());
    let before = std::fs::read(&alpha).expect("alpha");
    let out = parallax()
        .args(["link", "a-karvani", "b-karvani", "--question", "Shut?"])
        .arg(dir.path())
        .output()
        .expect("runs");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{said}");
    assert!(said.contains("append-only"), "{said}");
    assert!(!said.contains("sticky"), "{said}");
    assert_eq!(std::fs::read(&alpha).expect("alpha"), before);
}

/// The filters of `show` narrow `match`: `--topic` keeps the pairs one of whose claims is in
/// the topic, `--query` those one of whose claims it finds; a mistyped topic names the ones
/// there are, and filters that leave none say so (exit 1). Scores are written as
/// `--min-score` compares them.
#[test]
fn match_is_narrowed_by_the_filters_of_show() {
    let run = |args: &[&str]| {
        let out = parallax()
            .arg("match")
            .args(args)
            .arg(fixture())
            .output()
            .expect("runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let pairs = |stdout: &str| -> Vec<(String, String)> {
        stdout
            .lines()
            .filter_map(|l| {
                let mut w = l.split_whitespace().skip(2);
                Some((w.next()?.to_owned(), w.next()?.to_owned()))
            })
            .collect()
    };
    let (_, all, _) = run(&[]);
    let all = pairs(&all);
    let d = load(&fixture());
    let topic_of = |id: &str| {
        let at = d.find_claim(id).expect("a claim");
        d.sides[at.side()].topics[at.topic()].id.clone()
    };
    let (code, talks, _) = run(&["--topic", "talks"]);
    assert_eq!(code, Some(0));
    let talks = pairs(&talks);
    let expected: Vec<_> = all
        .iter()
        .filter(|(l, r)| topic_of(l) == "talks" || topic_of(r) == "talks")
        .cloned()
        .collect();
    assert!(!talks.is_empty() && talks.len() < all.len(), "{talks:?}");
    assert_eq!(talks, expected);
    let (code, geneva, _) = run(&["--query", "Vantresk"]);
    assert_eq!(code, Some(0));
    assert_eq!(
        pairs(&geneva),
        vec![("a-talks-geneva".to_owned(), "b-talks-geneva".to_owned())]
    );
    let (code, _, said) = run(&["--topic", "talk"]);
    assert_eq!(code, Some(2));
    assert!(
        said.contains("no topic `talk`") && said.contains("talks"),
        "{said}"
    );
    let (code, _, said) = run(&["--query", "zzyzx"]);
    assert_eq!(code, Some(1));
    assert!(
        said.contains("no suggestion among the claims the filters keep"),
        "{said}"
    );
    // 0.254 is listed so, and `--min-score 0.254` keeps it (two decimals said 0.25).
    let (_, stdout, _) = run(&["--min-score", "0.254"]);
    assert!(stdout.contains("0.254  talks  a-talks-water"), "{stdout}");
}

/// Each plain line names the left claim's topic after the score: with `--best-first` the
/// topics mix, and ids alone (LIAR's `liar-338`) say nothing of where a pair is.
#[test]
fn each_suggestion_line_names_its_topic() {
    let out = parallax()
        .args(["match", "--best-first"])
        .arg(fixture())
        .output()
        .expect("runs");
    assert!(out.status.success());
    let d = load(&fixture());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let mut topics = std::collections::HashSet::new();
    for line in stdout.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        let (Some(topic), Some(left)) = (words.get(1), words.get(2)) else {
            panic!("a short line: {line}");
        };
        let at = d.find_claim(left).expect("the left claim's id");
        assert_eq!(*topic, d.sides[at.side()].topics[at.topic()].id, "{line}");
        topics.insert(*topic);
    }
    assert!(
        topics.len() > 1,
        "the fixture's suggestions span topics: {stdout}"
    );
}

/// A pair linked without a question gets the placeholder, which `validate` warns of at its
/// line, so `--strict` (a CI's check) fails until the analyst writes the question.
#[test]
fn a_placeholder_question_is_warned_of_until_it_is_replaced() {
    let dir = copy_fixture();
    parallax()
        .args(["link", "a-people", "b-common"])
        .arg(dir.path())
        .assert()
        .success();
    let out = parallax()
        .args(["validate", "--strict"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stdout);
    let line = said
        .lines()
        .find(|l| l.contains("warning[placeholder-question]"))
        .unwrap_or_else(|| panic!("{said}"));
    assert!(line.contains("dispute.json:"), "{line}");
    assert!(line.contains("still asks the placeholder"), "{line}");
    rewrite_file(
        &dir.path().join("dispute.json"),
        "What is at issue here?",
        "Are the people worried?",
    );
    let out = parallax()
        .arg("validate")
        .arg(dir.path())
        .output()
        .expect("runs");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("placeholder-question"));
}

/// A mistyped path is one error to `link`, as to `validate` (it said "2 error(s)", counting the
/// two sides that could then not be compared).
#[test]
fn link_counts_a_missing_path_as_one_error_as_validate_does() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let missing = dir.path().join("nope");
    Command::cargo_bin("parallax")
        .expect("the binary")
        .arg("link")
        .args(["a-karvani", "b-karvani"])
        .arg(&missing)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("(1 error(s); first:"))
        .stderr(predicates::str::contains("no such file or folder"));
}

/// `dismiss` in a read-only folder with no dismissals file yet says the file would be made
/// there (it said the file "is replaced through a new file written beside it", of no file).
#[test]
fn dismiss_in_a_read_only_folder_says_the_file_would_be_made() {
    use std::os::unix::fs::PermissionsExt;
    let dir = copy_fixture();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let out = parallax()
        .args(["dismiss", "a-karvani", "b-karvani"])
        .arg(dir.path())
        .output()
        .unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{said}");
    assert!(
        said.contains("may not be written, and the file would be made there"),
        "{said}"
    );
    assert!(!said.contains("replaced"), "{said}");
    assert!(!dir.path().join(".parallax-dismissed.json").exists());
}

/// `parallax match` lines up its columns as `search` does: every pair's claims, point and
/// reasons start in the same column, so a long list reads down (they ran on unaligned).
#[test]
fn match_lines_its_columns_up() {
    let json = Command::cargo_bin("parallax")
        .unwrap()
        .args(["match", "--json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let pairs = json["suggestions"].as_array().unwrap();
    assert!(pairs.len() > 3);
    let plain = Command::cargo_bin("parallax")
        .unwrap()
        .arg("match")
        .output()
        .unwrap();
    let plain = String::from_utf8(plain.stdout).unwrap();
    let lines: Vec<&str> = plain.lines().collect();
    assert_eq!(lines.len(), pairs.len());
    let column = |line: &str, id: &str| line.find(&format!("  {id} ")).map(|i| i + 2);
    for key in ["left", "right"] {
        let at: std::collections::BTreeSet<Option<usize>> = lines
            .iter()
            .zip(pairs)
            .map(|(l, p)| column(l, p[key].as_str().unwrap_or_default()))
            .collect();
        assert_eq!(at.len(), 1, "{key}: {at:?}\n{plain}");
        assert!(at.iter().all(Option::is_some), "{key}\n{plain}");
    }
    // Every line has the same columns, a pair of no point `-` in the point's (it left the
    // column out: `awk -F'  +'` counted 5 fields on some lines, 6 on others).
    fn columns(line: &str) -> Vec<&str> {
        line.split("  ")
            .filter(|f| !f.trim().is_empty())
            .map(str::trim)
            .collect()
    }
    for (line, pair) in lines.iter().zip(pairs) {
        let fields = columns(line);
        assert_eq!(fields.len(), 6, "{line}");
        let point = match (pair["point"].as_str(), pair["left_point"].as_str()) {
            (Some(p), _) => format!("[point {p}]"),
            (None, Some(p)) => format!("[left's point {p}]"),
            (None, None) => "-".to_owned(),
        };
        assert_eq!(fields.get(4), Some(&point.as_str()), "{line}");
    }
    assert!(pairs.iter().any(|p| p["point"].is_null()), "{plain}");
    assert!(pairs.iter().any(|p| !p["point"].is_null()), "{plain}");
}

/// True when a line of `parallax match` lists the pair `left` and `right`, one after the other
/// in their columns.
fn pair_listed(line: &str, left: &str, right: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.windows(2).any(|w| w == [left, right])
}
