//! Search: ranking, the fzf term syntax, smart case, highlights on multi-byte text, narrowing
//! while typing, hit locations for a view, and the headless `parallax search` command.

mod common;

use assert_cmd::Command;
use parallax::compare::{Comparison, RowKind};
use parallax::format::Dispute;
use parallax::query::{self, MatcherKind, Query, Session, highlight};
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

/// The claim ids of the hits, best first, over every side.
fn ids_with(d: &Dispute, q: &str, m: MatcherKind) -> Vec<String> {
    let searcher = query::Searcher::new(d, m);
    let (_, hits) = searcher.search_all(q, |_| true);
    hits.iter()
        .filter_map(|h| d.claim(h.claim).map(|c| c.id.to_string()))
        .collect()
}

/// The speakers the hits of `q` were found through, best first.
fn speakers_found(searcher: &query::Searcher, q: &str) -> Vec<String> {
    searcher
        .search_all(q, |_| true)
        .1
        .iter()
        .filter(|h| h.field == query::Field::Speaker)
        .map(|h| h.text.to_string())
        .collect()
}

fn ids(d: &Dispute, q: &str) -> Vec<String> {
    ids_with(d, q, MatcherKind::Nucleo)
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn letters_scattered_across_prose_do_not_match() {
    let d = dispute();
    for m in MatcherKind::ALL {
        // The text's own words first, then the claims found only through their topic's title.
        let hits = ids_with(&d, "ceasefire", m);
        assert_eq!(
            hits,
            [
                "in-ceasefire-bilateral",
                "pk-ceasefire-us",
                "in-ceasefire-when",
                "pk-ceasefire-cjk"
            ],
            "{m:?}"
        );
        // "Certain early assessments show everyone fired back" holds c…e…a…s…e…f…i…r…e.
        assert!(!hits.contains(&"pk-strikes-scattered".to_owned()), "{m:?}");
        // "The strikes killed civilians" holds k…l…c…v…l; no word is like it.
        assert!(ids_with(&d, "klcvl", m).is_empty(), "{m:?}");
    }
}

#[test]
fn a_term_with_a_typo_finds_the_claim() {
    let d = dispute();
    let searcher = query::Searcher::new(&d, MatcherKind::Nucleo);
    for (q, id) in [
        ("ceasfire", "in-ceasefire-bilateral"),
        ("medation", "pk-ceasefire-us"),
        ("bilaterlly", "in-ceasefire-bilateral"),
        ("civilains", "pk-strikes-civilians"),
    ] {
        let (_, hits) = searcher.search_all(q, |_| true);
        let hit = hits.iter().find(|h| d.ids(h.claim).2 == id);
        assert!(hit.is_some_and(|h| h.typos > 0), "{q}: {hits:?}");
    }
    // A word's start is no typo at all.
    assert!(ids(&d, "cesefire").contains(&"in-ceasefire-bilateral".to_owned()));
    let (_, hits) = searcher.search_all("mediat", |_| true);
    assert!(
        hits.iter()
            .any(|h| d.ids(h.claim).2 == "pk-ceasefire-us" && h.typos == 0)
    );
}

#[test]
fn exact_words_rank_above_typos_and_the_counts_say_so() {
    let d = dispute();
    let cmp = Comparison::new(&d, 0, 1);
    let mut session = Session::new(&d, MatcherKind::Nucleo);
    let q = Query {
        search: Some("ceasfire".into()),
        ..Query::default()
    };
    let outcome = session.run(&d, &cmp, &q);
    assert_eq!(outcome.counts.claims, 2, "{:?}", outcome.counts);
    assert_eq!(outcome.counts.typo_only, 2);
    assert_eq!(outcome.counts.topic_only, 2);
    // "mediation" as written in one claim's text and tag, and within a typo in none.
    let searcher = query::Searcher::new(&d, MatcherKind::Nucleo);
    let (_, hits) = searcher.search_all("ceasefire bilateraly", |_| true);
    assert_eq!(hits.first().map(|h| h.typos), Some(1));
    let (_, hits) = searcher.search_all("ceasefire agreed", |_| true);
    assert_eq!(
        hits.first().map(|h| d.ids(h.claim).2),
        Some("in-ceasefire-bilateral")
    );
}

#[test]
fn a_phrase_matches_words_in_sequence() {
    let d = dispute();
    // The claim's text, then Pakistan's framing of the topic ("… by the United States").
    let both = ["pk-ceasefire-us", "pk-ceasefire-cjk"];
    assert_eq!(ids(&d, "\"united states\""), both);
    assert_eq!(ids(&d, "\"United States\""), both);
    assert!(ids(&d, "\"states united\"").is_empty());
    assert!(
        ids(&d, "\"united state\"").is_empty(),
        "whole words once closed"
    );
    assert_eq!(ids(&d, "\"united sta"), both, "a prefix while open");
    assert!(!ids(&d, "ceasefire !\"united states\"").contains(&"pk-ceasefire-us".to_owned()));
}

/// A phrase anchored to a field's start or end is whole words, as a phrase is: `^"nine terr"`
/// is not the start of "Nine terror camps…" (while its quote is open, the last word may be a
/// prefix). Both matchers, the index and the one-shot search agree.
#[test]
fn an_anchored_phrase_is_whole_words() {
    let d = dispute();
    let targets = ["in-strikes-targets".to_owned()];
    let treaty = ["in-water-treaty".to_owned()];
    for m in MatcherKind::ALL {
        let ids = |q: &str| ids_with(&d, q, m);
        assert_eq!(ids("^\"nine terror\""), targets, "{m:?}");
        assert_eq!(ids("^\"Nine\""), targets, "{m:?}");
        assert!(ids("^\"nine terr\"").is_empty(), "{m:?}");
        assert!(ids("^\"nin\"").is_empty(), "{m:?}");
        assert_eq!(ids("^\"nine terr"), targets, "{m:?}: open, a prefix");
        assert_eq!(ids("\"in abeyance.\"$"), treaty, "{m:?}");
        assert!(ids("\"eyance.\"$").is_empty(), "{m:?}");
        // Unquoted, an anchor is a field's start or end as written.
        assert_eq!(ids("^nine terr"), targets, "{m:?}");
        assert_eq!(ids("eyance.$"), treaty, "{m:?}");
    }
    let pattern = query::Pattern::new("^\"nine terr\"", MatcherKind::Nucleo);
    assert!(query::oneshot::rank(&pattern, &d, |_, _| true).is_empty());
    let pattern = query::Pattern::new("^\"nine terror\"", MatcherKind::Nucleo);
    assert_eq!(query::oneshot::rank(&pattern, &d, |_, _| true).len(), 1);
}

/// A word of the field as UAX #29 splits words goes on past an apostrophe or a period inside
/// it (`Obama's`, `U.S`): an anchored phrase does not end or start inside one, but a
/// possessive `'s` after the phrase's last word is no part of it.
#[test]
fn an_anchored_phrase_does_not_end_inside_a_word_with_an_apostrophe_or_a_period() {
    let claim = |party, id, text| (party, serde_json::json!({"id": id, "text": text}));
    let (_dir, d) = common::dispute_of(&[
        claim("a", "a-plan", "Under Obama's plan."),
        claim("a", "a-us", "U.S. Rep. Allen West said so."),
        claim("a", "a-scott", "Rick Scott's company grew."),
        claim("a", "a-over", "It\u{2019}s over."),
        claim("b", "b-1", "Nothing here."),
    ]);
    for m in MatcherKind::ALL {
        let ids = |q: &str| ids_with(&d, q, m);
        assert!(ids("\"s plan.\"$").is_empty(), "{m:?}");
        assert_eq!(ids("\"obama's plan.\"$"), ["a-plan"], "{m:?}");
        assert!(ids("^\"u\"").is_empty(), "{m:?}");
        assert_eq!(ids("^\"u.s.\""), ["a-us"], "{m:?}");
        assert!(ids("\"s over.\"$").is_empty(), "{m:?}");
        assert_eq!(ids("^\"rick scott\""), ["a-scott"], "{m:?}: a possessive");
    }
}

/// The curly apostrophe is the straight one in an exact term too, whichever is typed and
/// whichever the text holds, with both matchers (nucleo found nothing for `'India’s`).
#[test]
fn a_curly_apostrophe_in_an_exact_term_is_the_straight_one() {
    let d = parallax::load::load_bundled()
        .dispute
        .unwrap_or_else(|| panic!("the bundled dispute loads"));
    for m in MatcherKind::ALL {
        let straight = sorted(ids_with(&d, "'India's", m));
        assert!(!straight.is_empty(), "{m:?}");
        assert_eq!(
            sorted(ids_with(&d, "'India\u{2019}s", m)),
            straight,
            "{m:?}"
        );
        assert_eq!(
            sorted(ids_with(&d, "'india\u{2019}s", m)),
            sorted(ids_with(&d, "'india's", m)),
            "{m:?}"
        );
        // Smart quotes turn a typed `'` into `‘`: the exact mark all the same.
        assert_eq!(
            sorted(ids_with(&d, "\u{2018}India\u{2019}s", m)),
            straight,
            "{m:?}"
        );
    }
    // Alone, it is the exact mark with nothing after it: no term, as `'` alone.
    assert!(query::pattern::parse("\u{2019}").is_empty());
    assert!(query::pattern::parse("\u{2018}").is_empty());
}

#[test]
fn every_term_must_match_some_field() {
    let d = dispute();
    assert_eq!(
        sorted(ids(&d, "ceasefire mediation")),
        ["pk-ceasefire-cjk", "pk-ceasefire-us"]
    );
    // The speaker and the tag are different fields of the same claim.
    assert_eq!(ids(&d, "sharif mediation"), ["pk-ceasefire-us"]);
}

#[test]
fn negated_terms_exclude() {
    let d = dispute();
    assert_eq!(
        sorted(ids(&d, "ceasefire !mediation")),
        ["in-ceasefire-bilateral", "in-ceasefire-when"]
    );
}

/// `!x` drops the claims holding the word x as written, or a word it begins: `!war` dropped a
/// claim saying "brazen lies" because a field held "thwarted" (a piece of a word), and
/// `pakistan !pakistani` dropped every claim, "Pakistan" being a typo from "Pakistani". `!'x`
/// drops any piece of text "x".
#[test]
fn a_negated_term_drops_the_word_as_written() {
    let bundled = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("narratives/india-pakistan-2025");
    let loaded = parallax::load::load_paths(std::slice::from_ref(&bundled));
    let total = loaded
        .dispute
        .map(|d| d.claims().count())
        .unwrap_or_default();
    assert!(total > 200, "{total}");
    // The claims a query finds (a topic-level hit stands for several) and its own hits' ids.
    let found = |q: &str| -> (usize, Vec<String>) {
        let out = Command::cargo_bin("parallax")
            .unwrap()
            .args(["search", "--json"])
            .arg(&bundled)
            .arg(q)
            .output()
            .unwrap();
        let hits: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap_or_default();
        let claims = hits
            .iter()
            .filter_map(|h| h["claims"].as_u64())
            .sum::<u64>();
        let own = hits
            .iter()
            .filter(|h| h["claims"] == 1)
            .filter_map(|h| h["claim"].as_str().map(str::to_owned))
            .collect();
        (claims as usize, own)
    };
    // Terms no claim reaches through a typo: `x` and `!x` split the claims between them.
    for term in ["war", "ceasefire", "Trump"] {
        let ((with, own), (without, not)) = (found(term), found(&format!("!{term}")));
        assert_eq!(with + without, total, "{term}");
        assert!(own.iter().all(|id| !not.contains(id)), "{term}");
    }
    // A word left out is left out as written: "Pakistan" is a typo away from "Pakistani",
    // and `pakistan !pakistani` found nothing.
    let with = found("pakistan").0;
    let both = found("pakistan \"pakistani\"").0;
    let without = found("pakistan !pakistani").0;
    assert!(without > 0);
    assert_eq!(without + both, with);
    // Its other inflections go with it: `rafale !rafales` leaves no claim saying "Rafale".
    assert!(found("rafale").0 > 0);
    assert_eq!(found("rafale !rafales").0, 0);
    // A misspelling no claim holds leaves out nothing, though `medation` finds "mediation".
    assert!(found("medation").0 > 0);
    assert_eq!(found("!medation").0, total);
    let (brazen, _) = found("brazen !war");
    assert_eq!(
        brazen,
        found("brazen").0,
        "no claim saying \"brazen\" holds the word war"
    );
    // A piece of a word: "thwarted" holds "war".
    assert!(found("brazen !'war").0 < brazen);
}

/// A plain term finds the other inflections of its word, as people read prose (English
/// Snowball stems): `taxes` finds "tax" and `countries` "country", no typo and marked, which
/// neither a prefix nor a typo reaches (`taxes` found no claim saying only "tax"). A stem's
/// other words are other words: `evening` does not find "even", `university` "universe", nor
/// `units` "United".
/// A phrase is matched as written, and a word left out drops its inflections too.
#[test]
fn a_plain_term_finds_the_other_inflections_of_its_word() {
    let dir = common::one_claim_sides(
        ("t", "T"),
        &[("a", "A"), ("b", "B")],
        "Even the universe knows the country raised a tax, United.",
        serde_json::json!({}),
    );
    let hits = |q: &str| -> Vec<serde_json::Value> {
        let out = Command::cargo_bin("parallax")
            .unwrap()
            .args(["search", "--json"])
            .arg(dir.path())
            .arg(q)
            .output()
            .unwrap();
        serde_json::from_slice(&out.stdout).unwrap_or_default()
    };
    for (q, at) in [("taxes", [45, 48]), ("countries", [28, 35])] {
        let found = hits(q);
        assert_eq!(found.len(), 2, "{q}: {found:?}");
        assert!(found.iter().all(|h| h["typos"] == 0), "{q}: {found:?}");
        assert_eq!(found[0]["matches"], serde_json::json!([at]), "{q}");
    }
    // Nor do two inflected forms of a stem, which may be two words' (`units`, "United").
    for q in ["evening", "university", "units", "\"taxes\"", "tax !taxes"] {
        assert!(hits(q).is_empty(), "{q}: {:?}", hits(q));
    }
}

/// A piece of text (`'the`) is marked wherever the field holds it, as a term of words is: only
/// its first place was, so "raise taxes" read as unmatched beside "own taxes".
#[test]
fn a_piece_of_text_is_marked_everywhere_it_is() {
    let out = Command::cargo_bin("parallax")
        .unwrap()
        .args(["search", "--json", FIXTURE, "'the"])
        .output()
        .unwrap();
    let hits: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    let hit = hits
        .iter()
        .find(|h| h["claim"] == "in-ceasefire-bilateral")
        .expect("a hit");
    assert_eq!(
        hit["text"],
        "The ceasefire was agreed bilaterally between the two militaries."
    );
    assert_eq!(hit["matches"], serde_json::json!([[0, 3], [45, 48]]));
}

#[test]
fn exact_prefix_and_suffix_terms() {
    let d = dispute();
    for m in MatcherKind::ALL {
        assert!(ids_with(&d, "'klcvl", m).is_empty(), "{m:?}");
        assert_eq!(
            sorted(ids_with(&d, "'terror", m)),
            ["in-strikes-targets", "pk-strikes-civilians"],
            "{m:?}"
        );
        assert_eq!(ids_with(&d, "^Nine", m), ["in-strikes-targets"], "{m:?}");
        assert!(ids_with(&d, "^NINE", m).is_empty(), "{m:?}");
        assert_eq!(
            ids_with(&d, "'Kashmir", m),
            ["pk-strikes-untrusted"],
            "{m:?}"
        );
        assert_eq!(
            ids_with(&d, "Kashmir.$", m),
            ["pk-strikes-untrusted"],
            "{m:?}"
        );
        assert!(ids_with(&d, "^camps", m).is_empty(), "{m:?}");
        assert_eq!(ids_with(&d, "abeyance.$", m), ["in-water-treaty"], "{m:?}");
        assert_eq!(ids_with(&d, "^jets$", m), ["pk-strikes-untrusted"], "{m:?}");
    }
}

#[test]
fn smart_case() {
    let d = dispute();
    assert_eq!(ids(&d, "sharif"), ["pk-ceasefire-us"]);
    assert_eq!(ids(&d, "Sharif"), ["pk-ceasefire-us"]);
    assert!(ids(&d, "SHARIF").is_empty());
}

#[test]
fn hits_come_from_speaker_tag_outlet_title_topic_and_question() {
    let d = dispute();
    let searcher = query::Searcher::new(&d, MatcherKind::Nucleo);
    // The first hit's field, or the first topic-level one's (those come after claims' own).
    let field = |q: &str| {
        let (_, hits) = searcher.search_all(q, |_| true);
        let topic = hits.iter().find(|h| h.is_topic_level());
        topic.or(hits.first()).map(|h| h.field.as_str())
    };
    assert_eq!(field("misri"), Some("speaker"));
    assert_eq!(field("^bilateral$"), Some("tag"));
    assert_eq!(field("'ministry of"), Some("outlet"));
    assert_eq!(field("diplomacy"), Some("source-title"));
    assert_eq!(field("'dispute"), Some("topic"));
    assert_eq!(field("sindoor"), Some("framing"));
    assert_eq!(field("^what"), Some("question"));
}

/// The highlighted pieces of `text` for query `q`.
fn marked(q: &str, m: MatcherKind, text: &str) -> Vec<String> {
    let p = query::Pattern::new(q, m);
    highlight::segments(text, &p.highlight(text))
        .into_iter()
        .filter(|(_, hit)| *hit)
        .map(|(s, _)| s)
        .collect()
}

#[test]
fn highlights_cover_whole_graphemes_on_multi_byte_text() {
    // Precomposed é: nucleo's normalisation lets `cafe` find it.
    assert_eq!(marked("cafe", MatcherKind::Nucleo, "Le Café"), ["Café"]);
    // A combining diaeresis stays with its letter, for both matchers.
    for m in MatcherKind::ALL {
        assert_eq!(
            marked("naive", m, "Only a nai\u{308}ve observer"),
            ["nai\u{308}ve"],
            "{m:?}"
        );
        assert_eq!(
            marked("停火", m, "停火协议在五月十日生效。"),
            ["停火"],
            "{m:?}"
        );
    }
    // A decomposed é at the end of a match is highlighted with its accent.
    assert_eq!(
        marked("'cafe", MatcherKind::Nucleo, "Le Cafe\u{301} noir"),
        ["Cafe\u{301}"]
    );
}

#[test]
fn highlight_byte_ranges_fall_on_char_boundaries() {
    let text = "停火协议在五月十日生效。";
    let p = query::Pattern::new("协议 生效", MatcherKind::Nucleo);
    let ranges = p.highlight(text);
    assert_eq!(ranges, vec![6..12, 27..33]);
    assert!(ranges.iter().all(|r| text.get(r.clone()).is_some()));
}

#[test]
fn typing_narrows_to_the_same_hits_as_a_fresh_search() {
    let d = dispute();
    let cmp = Comparison::new(&d, 0, 1);
    // A term typed into a claim's id finds that claim once whole, which its pieces did not.
    let id = d.claims().nth(3).map(|(_, c)| c.id.to_string()).unwrap();
    for typed in [
        "ceasefire !med".to_owned(),
        format!("'{id}"),
        format!("^{id}"),
        format!("\"{id}\","),
    ] {
        typed_key_by_key(&d, &cmp, &typed);
    }
}

fn typed_key_by_key(d: &parallax::format::Dispute, cmp: &Comparison, typed: &str) {
    let mut session = Session::new(d, MatcherKind::Nucleo);
    for end in (1..=typed.len()).filter(|&e| typed.is_char_boundary(e)) {
        let q = Query {
            search: Some(typed[..end].to_owned()),
            narrow: true,
            ..Query::default()
        };
        let live = session.run(d, cmp, &q);
        let fresh = query::apply(d, cmp, &q, MatcherKind::Nucleo);
        let claims =
            |o: &query::Results| o.ranked().iter().map(|(h, _)| h.claim).collect::<Vec<_>>();
        assert_eq!(
            claims(&live),
            claims(&fresh),
            "after typing {:?}",
            &typed[..end]
        );
        assert_eq!(live.comparison, fresh.comparison);
    }
}

#[test]
fn hits_know_their_topic_row_and_claim() {
    let d = dispute();
    let cmp = Comparison::new(&d, 0, 1);
    let q = Query {
        search: Some("'terror".to_owned()),
        narrow: false,
        ..Query::default()
    };
    let out = query::apply(&d, &cmp, &q, MatcherKind::Nucleo);
    // Without narrowing every row stays; the hits are marked.
    assert_eq!(*out.comparison, cmp);
    assert_eq!(out.order.len(), 2);
    for at in out.order.iter() {
        let topic = &out.comparison.topics[at.topic];
        assert_eq!(topic.id, "strikes");
        let row = &topic.rows[at.row];
        assert!(row.left.contains(&at.claim) || row.right.contains(&at.claim));
        assert!(out.is_hit(at.claim));
    }
    // Both hits answer the same point: one row, left side first.
    assert_eq!(out.order[0].row, out.order[1].row);
    assert_eq!(out.order[0].claim.side(), 0);
    // Next and previous wrap round.
    assert_eq!(out.step(None, true), Some(0));
    assert_eq!(out.step(Some(1), true), Some(0));
    assert_eq!(out.step(Some(0), false), Some(1));
    assert_eq!(out.hit_from(0, 0), Some(0));
    assert_eq!(out.hit_from(out.comparison.topics.len(), 0), Some(0));
}

#[test]
fn narrowing_keeps_only_rows_with_a_hit() {
    let d = dispute();
    let cmp = Comparison::new(&d, 0, 1);
    let q = Query {
        search: Some("'terror".to_owned()),
        narrow: true,
        ..Query::default()
    };
    let out = query::apply(&d, &cmp, &q, MatcherKind::Nucleo);
    assert_eq!(out.comparison.topics.len(), 1);
    assert_eq!(out.comparison.topics[0].rows.len(), 1);
    assert_eq!(out.ranked().len(), 2);
    assert_eq!(out.order.len(), 2);
}

fn parallax() -> Command {
    Command::cargo_bin("parallax").unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn search_prints_ranked_hits_one_per_line() {
    let out = parallax()
        .args(["search", FIXTURE, "ceasefire"])
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{stdout}");
    assert!(lines[0].starts_with("india"), "{stdout}");
    assert!(lines[0].contains("The ceasefire was agreed bilaterally"));
    assert!(lines[1].contains("United States mediation"));
    // Claims found only through their topic's title come last, as topic-level hits.
    assert!(lines[2].contains("topic (1 claim): "), "{stdout}");
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains("2 claims match; 2 topic-level hits"),
        "{stderr}"
    );
    assert!(!stdout.contains('\u{1b}'), "no colour");
}

#[test]
fn search_json_lists_hits_with_highlight_ranges() {
    let out = parallax()
        .args(["search", FIXTURE, "停火", "--json"])
        .assert()
        .success();
    let v: serde_json::Value =
        serde_json::from_slice(&out.get_output().stdout).unwrap_or_else(|e| panic!("{e}"));
    let first = &v[0];
    assert_eq!(first["party"], "pakistan");
    assert_eq!(first["claim"], "pk-ceasefire-cjk");
    assert_eq!(first["field"], "text");
    assert_eq!(first["matches"][0], serde_json::json!([0, 6]));
}

#[test]
fn search_with_no_hit_says_so_and_exits_1() {
    parallax()
        .args(["search", FIXTURE, "zqxzqx"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("no claim matches `zqxzqx`"));
    // A pasted page is echoed by its start and its length, not whole.
    let long = "zqxzqx ".repeat(2_000);
    let out = parallax()
        .args(["search", FIXTURE, long.as_str()])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.len() < 400, "{said}");
    assert!(said.contains("… (14000 characters)"), "{said}");
    parallax()
        .args([
            "search",
            FIXTURE,
            "ceasefire",
            "--party",
            "india",
            "--tag",
            "terror",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no claim matches `ceasefire` under the filters (party: india · tag: terror)",
        ));
}

#[test]
fn search_applies_filters_and_the_chosen_matcher() {
    parallax()
        .args([
            "search",
            FIXTURE,
            "ceasefire",
            "--party",
            "pakistan",
            "--matcher",
            "skim",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("india").not())
        .stdout(predicate::str::contains("United States mediation"));
    parallax()
        .args(["search", FIXTURE, "ceasefire", "--both-sides"])
        .assert()
        .success()
        .stdout(predicate::str::contains("bilaterally"))
        .stdout(predicate::str::contains("Certain early").not());
}

#[test]
fn search_rejects_a_bad_matcher_or_an_empty_query() {
    parallax()
        .args(["search", FIXTURE, "x", "--matcher", "grep"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("choose one of: nucleo, skim"));
    parallax()
        .args(["search", FIXTURE, "!"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("holds no term"));
}

#[test]
fn a_query_of_operators_only_is_a_usage_error() {
    for query in ["$", "^$", "^", "!", "'", "!$", "! ^ $"] {
        parallax()
            .args(["search", query])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(format!(
                "the query `{query}` holds no term to search for"
            )))
            .stderr(predicate::str::contains("no claim matches").not());
    }
    // Quoted, a dollar is text to find.
    parallax()
        .args(["search", "'$"])
        .assert()
        .stderr(predicate::str::contains("holds no term").not());
}

/// The quick answer when no file's bytes can hold the query says which files went unchecked
/// ("so they were not checked" named nothing).
#[test]
fn the_quick_answer_says_the_files_were_not_checked() {
    parallax()
        .args(["search", FIXTURE, "zzzzqqq"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no claim matches"))
        .stderr(predicate::str::contains(
            "no file holds it, so the files were not checked for problems (`parallax validate",
        ));
}

/// An empty query or path (a script's unset variable) is said to be empty, as a blank query
/// is said to hold no term: it was clap's "a value is required … but none was supplied".
#[test]
fn an_empty_query_or_path_says_it_is_empty() {
    parallax()
        .args(["search", FIXTURE, ""])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("the query is empty"));
    parallax()
        .args(["search", "", "ceasefire"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "an empty argument stands where a dispute's path goes",
        ));
}

/// `show` and `export` narrowed by a `--query` that holds no term (an empty variable in a
/// script) would print everything as if narrowed: they refuse it, as `search` does.
/// fzf's OR (`a | b`) is not a search of ours: said, with a search per alternative, rather than
/// searched for as text that no claim holds.
#[test]
fn an_or_bar_is_a_usage_error_that_says_what_to_do() {
    parallax()
        .args(["search", "modi | sharif"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("`|` (fzf's OR) is not supported"))
        .stderr(predicate::str::contains(
            "parallax search \"modi\", then parallax search \"sharif\"",
        ));
    // Each search suggested names the dispute given, so it runs as it is.
    parallax()
        .args(["search", FIXTURE, "modi | sharif"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "parallax search {FIXTURE} \"modi\", then parallax search {FIXTURE} \"sharif\""
        )));
    // With nothing on one side of a bar, no empty search is suggested.
    for query in ["|", "a | ", "it's | \"x\""] {
        parallax()
            .args(["search", query])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "to find a bar as text, quote it: '|",
            ))
            .stderr(predicate::str::contains("\"\"").not());
    }
    // Inside a term, a bar is text: a search that finds nothing says so.
    parallax()
        .args(["search", "zqxw|jobs"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("a `|` is searched as text"));
    // Quoted, a bar is text to find, as with every operator.
    parallax()
        .args(["search", "'|"])
        .assert()
        .stderr(predicate::str::contains("OR").not());
}

#[test]
fn show_and_export_refuse_a_query_with_no_term() {
    for args in [
        vec!["show", "--query", ""],
        vec!["show", "--query", "^"],
        vec!["export", "-f", "json", "--query", " "],
        vec!["export", "-f", "csv", "--query", "! $"],
    ] {
        parallax()
            .args(&args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("holds no term to search for"));
    }
    parallax()
        .args(["show", "--query", "'$"])
        .assert()
        .stderr(predicate::str::contains("holds no term").not());
}

#[test]
fn search_never_prints_raw_control_characters() {
    let out = parallax()
        .args(["search", FIXTURE, "jets"])
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(stdout.contains("⟨U+202E⟩"), "{stdout}");
    assert!(!stdout.contains('\u{202e}'));
}

#[test]
fn a_matching_topic_framing_is_one_hit_not_one_per_claim() {
    let d = dispute();
    let searcher = query::Searcher::new(&d, MatcherKind::Nucleo);
    // "Operation Sindoor" is India's framing of the strikes topic, which holds two claims.
    let (_, hits) = searcher.search_all("sindoor", |_| true);
    assert_eq!(hits.len(), 1, "{hits:?}");
    let hit = &hits[0];
    assert_eq!(hit.field.as_str(), "framing");
    assert_eq!(hit.claims, 2);
    assert_eq!(d.ids(hit.claim).1, "strikes");
}

#[test]
fn every_plain_hit_line_names_a_claim_that_exists() {
    let d = dispute();
    for q in ["ceasefire", "sindoor", "mea", "the", "^what", "!zzz"] {
        let out = parallax().args(["search", FIXTURE, q]).assert().success();
        let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        assert!(!stdout.is_empty(), "{q}");
        for line in stdout.lines() {
            let cols: Vec<&str> = line.split_whitespace().collect();
            let (party, topic, claim) = (cols[0], cols[1], cols[2]);
            let found = d.sides.iter().any(|s| {
                s.party.id == party
                    && s.topics
                        .iter()
                        .any(|t| t.id == topic && t.claims.iter().any(|c| c.id == claim))
            });
            assert!(found, "`{q}`: {line}");
        }
    }
}

#[test]
fn plain_lines_show_no_score_unless_asked() {
    let plain = parallax()
        .args(["search", FIXTURE, "ceasefire"])
        .assert()
        .success();
    let line = String::from_utf8_lossy(&plain.get_output().stdout).into_owned();
    let first = line.lines().next().unwrap_or_default().to_owned();
    assert!(
        first.ends_with("text: The ceasefire was agreed bilaterally between the two militaries.")
    );
    let cols: Vec<&str> = first.split_whitespace().collect();
    assert_eq!(
        cols[..4],
        ["india", "ceasefire", "in-ceasefire-bilateral", "text:"]
    );
    let scored = parallax()
        .args(["search", FIXTURE, "ceasefire", "--score"])
        .assert()
        .success();
    let line = String::from_utf8_lossy(&scored.get_output().stdout).into_owned();
    let cols: Vec<&str> = line.split_whitespace().collect();
    // The score says how the hit ranked, not a packed number (it was `4294902271`).
    assert_eq!(
        cols[3..7],
        ["typos=0", "apart=0", "exact=1", "text:"],
        "{line}"
    );
    let typo = parallax()
        .args(["search", FIXTURE, "ceasfire", "--score"])
        .assert()
        .success();
    let line = String::from_utf8_lossy(&typo.get_output().stdout).into_owned();
    let cols: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(cols[3..6], ["typos=1", "apart=0", "exact=0"], "{line}");
    // `--json` carries the same parts (it had the packed score and the typos alone).
    let json = parallax()
        .args(["search", FIXTURE, "ceasefire bilaterally", "--json"])
        .assert()
        .success();
    let hits: serde_json::Value = serde_json::from_slice(&json.get_output().stdout).expect("JSON");
    let first = &hits[0];
    assert_eq!(first["claim"], "in-ceasefire-bilateral", "{first}");
    assert_eq!(
        (&first["typos"], &first["apart"], &first["exact"]),
        (&0.into(), &3.into(), &2.into()),
        "{first}"
    );
}

/// A mistyped dispute path as the only argument is a usage error (exit 2) that says so, not a
/// search of the bundled dispute for its text (exit 1, which a script reads as "no hits");
/// words with a slash, an exact term, and any text after a dispute's path are searched for.
#[test]
fn a_mistyped_path_is_named_not_searched_for() {
    let missing = format!("{FIXTURE}/nope.json");
    let upper = format!("{FIXTURE}/nope.JSON");
    for args in [vec![missing.as_str()], vec![upper.as_str()], vec!["./nope"]] {
        let out = parallax().arg("search").args(&args).output().expect("runs");
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {said}");
        assert!(
            said.contains("looks like a path, and no such file or folder is here"),
            "{said}"
        );
    }
    for query in ["24/7", "'nope.json", "nope.json", "./nope"] {
        let out = parallax()
            .args(["search", FIXTURE, query])
            .output()
            .expect("runs");
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{query}: {said}");
        assert!(said.contains("no claim matches"), "{said}");
    }
}

#[test]
fn a_forgotten_query_is_named_not_searched_for() {
    parallax()
        .args(["search", FIXTURE])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a dispute path, not a query"));
    // Side files named one by one, the query forgotten: the last file is not taken for it
    // (it was searched for as text, in the files before it).
    let sides = ["india.json", "pakistan.json"].map(|f| format!("{FIXTURE}/{f}"));
    parallax()
        .args(["search", &sides[0], &sides[1]])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a dispute path, not a query"))
        // The command suggested names both files, so it runs as it is.
        .stderr(predicate::str::contains(format!(
            "(parallax search {} {} QUERY)",
            sides[0], sides[1]
        )));
    let help = parallax()
        .args(["search", "--help"])
        .output()
        .expect("runs");
    let help = String::from_utf8_lossy(&help.stdout).into_owned();
    assert!(!help.contains("--query"), "search rejects --query: {help}");
}

#[test]
fn words_given_unquoted_are_a_usage_error_that_says_to_quote_them() {
    // `united` names nothing on disk: it was read as a missing dispute (exit 1, as a file
    // error), though it is the first word of the query.
    let dir = tempfile::tempdir().expect("a temporary folder");
    common::copy_fixture("query", dir.path(), "dispute");
    let run = |args: &[&str]| {
        let out = parallax()
            .current_dir(dir.path())
            .arg("search")
            .args(args)
            .output()
            .expect("runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, err) = run(&["united", "states"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("quote them together: parallax search \"united states\""),
        "{err}"
    );
    let (code, err) = run(&["dispute", "border", "talks"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("parallax search dispute \"border talks\""),
        "the dispute is kept in the command: {err}"
    );
    // The query before the dispute: the dispute is named first in the command suggested.
    let (code, err) = run(&["ceasefire", "dispute"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains(
            "name the dispute first, then the query: parallax search dispute \"ceasefire\""
        ),
        "{err}"
    );
    // The command suggested runs as shown: a query a shell would expand goes in single
    // quotes, and so does a path with a space.
    let (_, err) = run(&["dispute", "!border", "talks"]);
    assert!(
        err.contains("parallax search dispute '!border talks'"),
        "{err}"
    );
    std::fs::rename(dir.path().join("dispute"), dir.path().join("my dispute")).expect("renamed");
    let (_, err) = run(&["my dispute", "border", "talks"]);
    assert!(
        err.contains("parallax search 'my dispute' \"border talks\""),
        "{err}"
    );
    std::fs::rename(dir.path().join("my dispute"), dir.path().join("dispute")).expect("renamed");
    // Quoted, the words are searched for.
    let (code, err) = run(&["dispute", "border talks"]);
    assert!(matches!(code, Some(0 | 1)), "{err}");
    // The options given are kept in the command suggested, each with its value, where they
    // stood (they were dropped: the command shown searched every side, unfiltered).
    let (_, err) = run(&["--one-sided", "dispute", "border", "--as-of=2025", "talks"]);
    assert!(
        err.contains("parallax search --one-sided --as-of=2025 dispute \"border talks\""),
        "{err}"
    );
    let (_, err) = run(&["--party", "my side", "ceasefire", "dispute"]);
    assert!(
        err.contains("the query: parallax search --party 'my side' dispute \"ceasefire\""),
        "{err}"
    );
}

#[test]
fn a_query_that_is_also_a_folder_name_is_searched_for_after_a_dispute_path() {
    // A dispute folder named `ceasefire`, searched for the word: the first argument is the
    // dispute, so the last is the query, not a forgotten one.
    let dir = tempfile::tempdir().expect("a temporary folder");
    common::copy_fixture("query", dir.path(), "ceasefire");
    let out = parallax()
        .current_dir(dir.path())
        .args(["search", "ceasefire", "ceasefire"])
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        stdout.contains("The ceasefire was agreed bilaterally"),
        "{stdout}"
    );
    // Alone, the folder's name is still a forgotten query.
    parallax()
        .current_dir(dir.path())
        .args(["search", "ceasefire"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`ceasefire` is a dispute path, not a query: give what to search for after it \
             (parallax search ceasefire QUERY)",
        ));
    // A folder that holds no JSON (`docs`, a cache) is a word like any other: here searched
    // for in the bundled dispute, as when no folder of that name is there.
    let words = tempfile::tempdir().expect("a temporary folder");
    std::fs::create_dir(words.path().join("mediation")).expect("a folder");
    std::fs::write(words.path().join("mediation/notes.txt"), "not JSON").expect("a file");
    let out = parallax()
        .current_dir(words.path())
        .args(["search", "mediation"])
        .assert()
        .success();
    assert!(
        String::from_utf8_lossy(&out.get_output().stdout).contains("mediation"),
        "the bundled dispute searched"
    );
    // A file of another kind named alone is no query either: said, with what to do (it
    // searched the bundled dispute for `notes.txt`, and exited 1, "no claim matches").
    let out = parallax()
        .current_dir(words.path().join("mediation"))
        .args(["search", "notes.txt"])
        .output()
        .expect("runs");
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(
        said.contains(
            "`notes.txt` is a file here, not a dispute (side files and manifests are .json \
             files), and no query follows it: give what to search for after the dispute \
             (parallax search DISPUTE QUERY); to search for this text itself, quote it as an \
             exact term: parallax search \"'notes.txt\""
        ),
        "{said}"
    );
    // After a dispute's path, it is the query.
    parallax()
        .current_dir(words.path().join("mediation"))
        .args([
            "search",
            &format!("{}/{FIXTURE}", env!("CARGO_MANIFEST_DIR")),
            "notes.txt",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no claim matches"));
    // Once it holds a side file, it is a dispute whose query was forgotten.
    std::fs::write(words.path().join("mediation/a.json"), "{}").expect("a file");
    parallax()
        .current_dir(words.path())
        .args(["search", "mediation"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a dispute path, not a query"));
}

/// The dispute of `folder`, and queries from its words ([`mistyped_queries`]) with `extra`.
fn dispute_and_queries(folder: &str, extra: &[&str]) -> (Dispute, Vec<String>) {
    let d = parallax::load::load_paths(&[PathBuf::from(folder)])
        .dispute
        .unwrap_or_else(|| panic!("{folder} loads"));
    let mut queries = mistyped_queries(&d);
    queries.extend(extra.iter().map(|q| (*q).to_owned()));
    (d, queries)
}

/// Queries made from a dispute's own words, as a user mistypes them: whole words, first
/// letters, a letter dropped, two letters swapped, every other letter of a short field, and
/// letter triples that are mostly in no word.
fn mistyped_queries(d: &Dispute) -> Vec<String> {
    let mut fields: Vec<String> = Vec::new();
    for side in &d.sides {
        for topic in &side.topics {
            fields.push(topic.title.clone());
            for claim in &topic.claims {
                fields.push(claim.text.clone());
                fields.extend(claim.speaker.as_deref().map(str::to_owned));
                fields.extend(claim.tags.iter().map(|t| t.to_string()));
            }
        }
        fields.extend(side.sources.iter().map(|s| s.outlet.clone()));
    }
    let mut out = std::collections::BTreeSet::new();
    for f in &fields {
        let short: String = f
            .chars()
            .step_by(2)
            .filter(|c| c.is_alphanumeric())
            .collect();
        out.insert(short.chars().take(6).collect::<String>());
        for (_, w) in query::words::split(f) {
            let c: Vec<char> = w.chars().collect();
            out.insert(w.to_owned());
            out.insert(c.iter().take(3).collect());
            if c.len() >= 5 {
                let mut dropped = c.clone();
                dropped.remove(c.len() / 2);
                out.insert(dropped.iter().collect());
                let mut swapped = c.clone();
                swapped.swap(1, 2);
                out.insert(swapped.iter().collect());
                out.insert(format!("'{}", c.iter().skip(1).take(4).collect::<String>()));
            }
        }
    }
    let all: Vec<String> = out.into_iter().filter(|q| !q.trim().is_empty()).collect();
    // A sample, so the test stays quick on a large dispute, and letters rarely seen together.
    let step = (all.len() / 300).max(1);
    let mut queries: Vec<String> = all.into_iter().step_by(step).collect();
    queries.extend(["qqq", "jjj", "zqx", "'qqqq", "^zqxj", "\"zzz qqq\""].map(String::from));
    queries
}

#[test]
fn the_quick_test_on_the_bytes_never_rules_out_a_query_that_finds_claims() {
    for folder in [FIXTURE, "narratives/india-pakistan-2025"] {
        let gathered = parallax::load::gather(&[PathBuf::from(folder)], 1 << 30);
        let bytes = gathered
            .bytes()
            .unwrap_or_else(|| panic!("{folder} is read"));
        let d = gathered
            .load()
            .dispute
            .unwrap_or_else(|| panic!("{folder} loads"));
        let searcher = query::Searcher::new(&d, MatcherKind::Nucleo);
        let (mut found, mut ruled_out) = (0, 0);
        for q in mistyped_queries(&d) {
            let may = query::prefilter::may_match(&query::pattern::parse(&q), &bytes);
            if searcher.search_all(&q, |_| true).1.is_empty() {
                ruled_out += usize::from(!may);
            } else {
                found += 1;
                assert!(may, "{folder}: `{q}` finds claims but was ruled out");
            }
        }
        assert!(found > 50, "{folder}: {found} queries found claims");
        assert!(ruled_out > 0, "{folder}: no query was ruled out");
    }
}

#[test]
fn a_one_shot_search_ranks_as_the_index_does() {
    // `parallax search` ranks without an index; the TUI uses one. Both must
    // give the same hits in the same order, with or without a filter.
    for folder in [FIXTURE, "narratives/india-pakistan-2025"] {
        let (d, mut queries) = dispute_and_queries(
            folder,
            &[
                "ceasefire !india",
                "\"united states\" talks",
                "^pak",
                "fire$",
                "!'the",
                "India ceasfire",
                "'sea f",
                "\"open end",
                "-- fire",
            ],
        );
        // Claims' ids, found only whole: one of an odd claim, one of an even.
        queries.extend(d.claims().take(2).map(|(_, c)| c.id.to_string()));
        let odd = |at: parallax::format::ClaimAt| at.claim() % 2 == 1;
        for m in MatcherKind::ALL {
            let searcher = query::Searcher::new(&d, m);
            for q in &queries {
                let pattern = query::Pattern::new(q, m);
                let indexed = searcher.search_all(q, |_| true).1;
                let once = query::oneshot::rank(&pattern, &d, |_, _| true);
                assert_eq!(once, indexed, "{folder} {m:?} `{q}`");
                let indexed = searcher.search_all(q, odd).1;
                let once = query::oneshot::rank(&pattern, &d, |at, _| odd(at));
                assert_eq!(once, indexed, "{folder} {m:?} `{q}`, odd claims only");
            }
        }
    }
}

#[test]
fn a_one_shot_hit_knows_the_place_its_snippet_shows() {
    // For a query of one term, the one-shot search keeps where the term matched in a claim's
    // text, and a plain line's snippet is placed there without the text being read again: it
    // must be the place the highlighter would find (the first of the cheapest matches).
    for folder in [FIXTURE, "narratives/india-pakistan-2025"] {
        let (d, queries) = dispute_and_queries(
            folder,
            &[
                "cease fire",
                "ceasefire !india",
                "\"united states\"",
                "u.s",
                "'sea",
                "fire$",
            ],
        );
        let mut carried = 0;
        for q in &queries {
            let pattern = query::Pattern::new(q, MatcherKind::Nucleo);
            for hit in query::oneshot::rank(&pattern, &d, |_, _| true) {
                let Some(at) = hit.text.at else { continue };
                carried += 1;
                assert_eq!(
                    pattern.focus(hit.field, &hit.text),
                    usize::try_from(at).ok(),
                    "{folder} `{q}`: {:?}",
                    hit.text.text
                );
            }
        }
        assert!(
            carried > 100,
            "{folder}: {carried} hits carried their place"
        );
    }
}

#[test]
fn a_cold_search_for_what_no_file_holds_answers_without_loading() {
    // The file is broken past its first bytes: the quick test answers before it is parsed.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let side = dir.path().join("a.json");
    std::fs::write(
        &side,
        "{\"party\": {\"id\": \"a\", \"name\": \"A\"}, \"topics\": [",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    parallax()
        .args(["search"])
        .arg(&side)
        .arg("zqx")
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("no claim matches `zqx`"));
    parallax()
        .args(["search", "--json", FIXTURE, "zqx"])
        .assert()
        .code(1)
        .stdout("[]\n");
    // A term that might match loads the files, and their errors are reported: a failure (2),
    // which a script tells apart from "no claim matches" (1), as grep's.
    parallax()
        .args(["search"])
        .arg(&side)
        .arg("party")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error"));
}

/// The screen's index reads its strings from the dispute instead of copying them: every search
/// finds the same hits, in the same order, with the same texts, as the index that owns them.
#[test]
fn the_screens_index_finds_what_the_owning_index_finds() {
    let bundled = parallax::load::load_bundled().dispute;
    let mut fields = std::collections::BTreeSet::new();
    for d in [Some(dispute()), bundled].into_iter().flatten() {
        let d = std::sync::Arc::new(d);
        let owning = query::Searcher::new(&d, MatcherKind::Nucleo);
        let shared = query::Searcher::shared(std::sync::Arc::clone(&d), MatcherKind::Nucleo);
        // A word of every kind of field, found by words, as written and by its start.
        let mut words: Vec<String> = Vec::new();
        for (_, c) in d.claims().take(40) {
            let side_sources = d.sides.iter().flat_map(|s| &s.sources);
            let fields = [c.text.as_str()]
                .into_iter()
                .chain(c.speaker.as_deref())
                .chain(c.tags.iter().map(|t| t.as_str()))
                .chain(
                    side_sources
                        .flat_map(|s| [Some(s.outlet.as_str()), s.title.as_deref()])
                        .flatten(),
                )
                .map(str::to_owned)
                .collect::<Vec<_>>();
            words.extend(
                fields
                    .iter()
                    .filter_map(|f| f.split_whitespace().next().map(str::to_owned)),
            );
        }
        for t in d.manifest_topics.iter() {
            words.push(t.title.split_whitespace().next().unwrap_or("").to_owned());
            for p in &t.points {
                words.extend(
                    p.question
                        .as_deref()
                        .and_then(|q| q.split_whitespace().last())
                        .map(str::to_owned),
                );
            }
        }
        words.sort();
        words.dedup();
        for w in words.iter().filter(|w| !w.is_empty()) {
            for q in [w.clone(), format!("'{w}"), format!("^{w}"), format!("!{w}")] {
                let (_, a) = owning.search_all(&q, |_| true);
                let (_, b) = shared.search_all(&q, |_| true);
                assert_eq!(a, b, "query {q:?}");
                fields.extend(a.iter().map(|h| h.field));
            }
        }
    }
    // Hits came through every kind of field (an assessment's note too, on the bundled dispute).
    assert_eq!(fields.len(), 9, "{fields:?}");
}

#[test]
fn a_ranking_in_parts_shows_the_best_so_far_and_ends_as_one_ranking() {
    // The screen ranks many hits a part at a time and shows the best found so far meanwhile:
    // the best shown must be the best of the claims scored, and the end the one full ranking.
    for folder in [FIXTURE, "narratives/india-pakistan-2025"] {
        let (d, queries) =
            dispute_and_queries(folder, &["ceasefire !india", "!'the", "India ceasfire"]);
        let cmp = Comparison::new(&d, 0, 1);
        let mut session = Session::new(&d, MatcherKind::Nucleo);
        let (mut parted, mut topic_level) = (0, 0);
        for q in &queries {
            let query = Query {
                search: Some(q.clone()),
                ..Query::default()
            };
            let Some(ranking) = session.run(&d, &cmp, &query).ranking() else {
                continue;
            };
            let whole = ranking.run();
            topic_level += usize::from(whole.iter().any(|(_, h)| h.is_topic_level()));
            for size in [1, 3, 7] {
                let mut steps = ranking.steps(size);
                let mut parts = 0;
                while steps.step() {
                    parts += 1;
                    // The best so far: the whole ranking of the claims scored so far.
                    let scored = &ranking.entries()[..steps.done()];
                    let expected: Vec<_> = whole
                        .iter()
                        .filter(|(e, _)| scored.binary_search(e).is_ok())
                        .take(5)
                        .cloned()
                        .collect();
                    assert_eq!(steps.best(5), expected, "{folder} `{q}` in parts of {size}");
                }
                parted += usize::from(parts > 1);
                assert_eq!(steps.done(), steps.of());
                assert_eq!(steps.finish(), whole, "{folder} `{q}` in parts of {size}");
            }
        }
        assert!(
            parted > 20,
            "{folder}: only {parted} rankings came in parts"
        );
        assert!(topic_level > 0, "{folder}: no query had a topic-level hit");
    }
}

#[test]
fn letters_strewn_through_a_short_field_do_not_match_but_initials_do() {
    // fzf's letters in order stay for short fields, read as fzf users read them: initials and
    // letters close together. Strewn through a long speaker's name they said nothing.
    let d = parallax::load::load_paths(&[PathBuf::from("narratives/india-pakistan-2025")])
        .dispute
        .unwrap_or_else(|| panic!("the bundled dispute loads"));
    let searcher = query::Searcher::new(&d, MatcherKind::Nucleo);
    let speakers = |q: &str| speakers_found(&searcher, q);
    let strewn = speakers("medation");
    assert!(
        strewn.iter().all(|s| !s.contains("delegation's MPs")),
        "{strewn:?}"
    );
    assert!(
        speakers("ceas")
            .iter()
            .all(|s| !s.contains("Director General"))
    );
    // From a first letter inside a word, only the term written whole there: `waraj` is in
    // "Swarajya"; `war` is not in "Vinay Mohan Kwatra, …" (its w and a, then an r two letters
    // on), and, of three letters, matches a short field as initials only.
    let outlets: Vec<String> = searcher
        .search_all("waraj", |_| true)
        .1
        .iter()
        .filter(|h| h.field == query::Field::Outlet)
        .map(|h| h.text.to_string())
        .collect();
    assert!(outlets.iter().any(|o| o == "Swarajya"), "{outlets:?}");
    assert!(
        speakers("war").iter().all(|s| !s.contains("Kwatra")),
        "{:?}",
        speakers("war")
    );
    // Initials and close letters still find their field.
    assert!(
        !speakers("mea").is_empty(),
        "mea: the Ministry of External Affairs"
    );
    let tags: Vec<String> = searcher
        .search_all("crsbrdr", |_| true)
        .1
        .iter()
        .map(|h| h.text.to_string())
        .collect();
    assert!(
        tags.iter().any(|t| t == "cross-border-terrorism"),
        "{tags:?}"
    );
}

/// Narrowed, a packed row (two unmatched claims put side by side) keeps only its hit: the
/// other claim does not answer it, and the screen would show it as if it matched.
#[test]
fn narrowing_a_packed_row_keeps_only_its_hit() {
    let dir = tempfile::tempdir().unwrap();
    let side = |party: &str, texts: [&str; 2]| {
        format!(
            r#"{{"format": "parallax/1", "dispute": "d", "party": {{"id": "{party}", "name": "{party}"}},
                "topics": [{{"id": "t", "title": "T", "claims": [
                    {{"id": "{party}1", "text": "{}"}}, {{"id": "{party}2", "text": "{}"}}]}}]}}"#,
            texts[0], texts[1]
        )
    };
    let files = [
        (
            "a.json",
            side("a", ["The dam held water.", "The road was closed."]),
        ),
        (
            "b.json",
            side("b", ["Nothing happened.", "The water rose."]),
        ),
    ];
    for (name, text) in &files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let d = parallax::load::load_paths(&[dir.path().join("a.json"), dir.path().join("b.json")])
        .dispute
        .unwrap();
    let cmp = Comparison::new(&d, 0, 1).packed();
    let packed = cmp.topics[0]
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Packed);
    assert_eq!(packed.count(), 2, "two unmatched pairs packed");
    let q = Query {
        search: Some("'water".to_owned()),
        narrow: true,
        ..Query::default()
    };
    let out = query::apply(&d, &cmp, &q, MatcherKind::Nucleo);
    let texts: Vec<Vec<&str>> = out.comparison.topics[0]
        .rows
        .iter()
        .map(|r| {
            r.left
                .iter()
                .chain(&r.right)
                .filter_map(|&at| d.claim(at))
                .map(|c| c.text.as_str())
                .collect()
        })
        .collect();
    assert_eq!(texts, [["The dam held water."], ["The water rose."]]);
    assert!(
        out.comparison.topics[0]
            .rows
            .iter()
            .all(|r| r.kind == RowKind::Single),
        "a packed row with one claim left is a claim alone"
    );
    assert_eq!(out.order.len(), 2);
}

/// A query that only a topic's own words match says no claim matched through its own fields,
/// not "0 claims match" before the claims it found.
#[test]
fn only_topic_level_hits_are_said_as_such() {
    let out = parallax().args(["search", "abeyance$"]).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("parallax: no claim matches through its own fields; 1 topic-level hit"),
        "{err}"
    );
    assert!(!err.contains("more claim"), "{err}");
}

/// A term in lower case ignores accents in every kind of term, its own as well as the text's:
/// `día` finds what `dia` finds, and `'cafe` and `'café` both find "Café" (an accented term lost
/// its typos and short-field matches, and an exact one found only its own spelling).
#[test]
fn a_lower_case_term_ignores_its_own_accents_as_well_as_the_texts() {
    for (with, without, text) in [
        ("café", "cafe", "Lunch at Le Cafe with Jason Chaffetz"),
        ("'café", "'cafe", "Lunch at Le Café"),
        ("'día", "'dia", "Al Día editorial board"),
        ("día", "dia", "Al Dia editorial board"),
    ] {
        let m = MatcherKind::Nucleo;
        assert_eq!(
            marked(with, m, text),
            marked(without, m, text),
            "{with} in {text}"
        );
        assert!(!marked(with, m, text).is_empty(), "{with} in {text}");
    }
    // With a capital, case and accents count.
    assert!(marked("Día", MatcherKind::Nucleo, "Al Dia editorial board").is_empty());
}

/// A dispute of claims given as (party, id, text, speaker), loaded.
fn spoken(claims: &[(&str, &str, &str, &str)]) -> (tempfile::TempDir, Dispute) {
    let claims: Vec<(&str, serde_json::Value)> = claims
        .iter()
        .map(|&(party, id, text, speaker)| {
            (
                party,
                serde_json::json!({"id": id, "text": text, "speaker": speaker}),
            )
        })
        .collect();
    common::dispute_of(&claims)
}

/// A number is searched as written, and a term of two letters only as a word's start: typos
/// and letters in order made `2009` find 2008 and 2010, and `us` every name with "us" inside.
#[test]
fn numbers_and_two_letter_terms_find_only_what_they_say() {
    let (_dir, d) = spoken(&[
        (
            "a",
            "a-1",
            "Unemployment rose in 2009, the first year.",
            "Russ Feingold",
        ),
        (
            "b",
            "b-1",
            "Unemployment fell in 2008 and in 2010.",
            "Gus Bilirakis",
        ),
        (
            "c",
            "c-1",
            "Spending doubled in 20091 units of account.",
            "Us Weekly",
        ),
    ]);
    for m in MatcherKind::ALL {
        // A number is matched whole: not 2008, nor the start of 20091.
        assert_eq!(ids_with(&d, "2009", m), ["a-1"], "{m:?}");
        assert_eq!(ids_with(&d, "us", m), ["c-1"], "{m:?}");
        // A word of letters keeps its typo: `unemploymnt` finds both.
        assert_eq!(
            sorted(ids_with(&d, "unemploymnt", m)),
            ["a-1", "b-1"],
            "{m:?}"
        );
    }
}

/// What a fact-checker types finds what it says, in a field of plain ASCII and in one with an
/// accent or a curly quote alike: a decimal or a dotted abbreviation is one word, a number is
/// whole, the curly apostrophe is the straight one, a phrase keeps a possessive, and a short
/// term's typo never falls in the start of a longer word.
#[test]
fn numbers_abbreviations_apostrophes_and_short_typos_as_written() {
    let (_dir, d) = spoken(&[
        (
            "a",
            "a-1",
            "Unemployment cost 1.5 million jobs in the U.S. last year.",
            "Rick Scott",
        ),
        (
            "a",
            "a-2",
            "Müller says 1.5 million jobs were lost in the U.S. — a “loss”.",
            "Gore",
        ),
        (
            "a",
            "a-3",
            "Spending rose by 1.53 million and $1,500 a head.",
            "Greg Abbott",
        ),
        (
            "b",
            "b-1",
            "Rick Scott’s company paid the fine; Governor Perry agreed.",
            "Ann O’Neil",
        ),
        (
            "b",
            "b-2",
            "The union said uninsured workers lost out.",
            "John Boehner",
        ),
    ]);
    for m in MatcherKind::ALL {
        let found = |q: &str| sorted(ids_with(&d, q, m));
        // Beside an accent or not, `1.5` is one word and matched whole (not "1.53", "$1,500").
        assert_eq!(found("1.5"), ["a-1", "a-2"], "{m:?}");
        assert_eq!(found("\"1.5 million\""), ["a-1", "a-2"], "{m:?}");
        assert_eq!(found("1,500"), ["a-3"], "{m:?}");
        assert_eq!(found("U.S."), ["a-1", "a-2"], "{m:?}");
        // The curly apostrophe is the straight one, with no typo.
        let searcher = query::Searcher::new(&d, m);
        let (_, hits) = searcher.search_all("O'Neil", |_| true);
        assert!(
            hits.iter()
                .any(|h| d.ids(h.claim).2 == "b-1" && h.typos == 0),
            "{m:?}: {hits:?}"
        );
        // A phrase keeps a possessive, straight or curly.
        assert_eq!(found("\"Rick Scott\""), ["a-1", "b-1"], "{m:?}");
        assert_eq!(found("\"Rick Scott's\""), ["b-1"], "{m:?}");
        // A short term's typo is a whole word's: `gore` is not "Governor" nor "Greg".
        assert_eq!(found("gore"), ["a-2"], "{m:?}");
        assert_eq!(found("union"), ["b-2"], "{m:?}");
    }
}

/// A typographer's quote typed in an exact or anchored term finds the text that holds it, as
/// the straight one does: the query's quotes were made straight and the text's were not, so
/// `'“The Road` found only a straight `"The Road`, and `'“` no claim holding `“`.
#[test]
fn curly_quotes_in_an_exact_term_find_the_text_that_holds_them() {
    let (_dir, d) = said(&[
        (
            "curly",
            "In the video “The Road We’ve Traveled” he said so.",
        ),
        ("single", "As his book ‘American Dreams’ tells it."),
        ("straight", "In the video \"The Road\" he said nothing."),
        ("ends", "It said “Smokes.”"),
    ]);
    for m in MatcherKind::ALL {
        let found = |q: &str| sorted(ids_with(&d, q, m));
        assert_eq!(found("'“The Road"), ["curly", "straight"], "{m:?}");
        assert_eq!(found("'\"The Road"), ["curly", "straight"], "{m:?}");
        assert_eq!(found("'“"), ["curly", "ends", "straight"], "{m:?}");
        assert_eq!(found("'‘American"), ["single"], "{m:?}");
        assert_eq!(found("Smokes.”$"), ["ends"], "{m:?}");
    }
}

/// Terms closer together rank first, measured by the places where they sit closest, not by
/// each term's first place: "the Bush tax cuts" came after "cuts … a new income tax" because
/// its first "tax" came early. The index and the one-shot search agree.
#[test]
fn terms_side_by_side_rank_first_wherever_each_first_appears() {
    let (_dir, d) = said(&[
        (
            "apart",
            "Cuts to schools came with a new income tax, he said.",
        ),
        (
            "beside",
            "His tax plan gives the wealthy more than the Bush tax cuts did.",
        ),
        ("also-apart", "A tax on sugar, and spending cuts."),
    ]);
    ranks_everywhere(&d, "tax cuts", &["beside", "also-apart", "apart"]);
}

/// `q` finds the claims `ids`, in that order, with each matcher, and the one-shot search ranks
/// it as the index does.
fn ranks_everywhere(d: &Dispute, q: &str, ids: &[&str]) {
    for m in MatcherKind::ALL {
        assert_eq!(ids_with(d, q, m), ids, "{m:?}");
        let pattern = query::Pattern::new(q, m);
        let once = query::oneshot::rank(&pattern, d, |_, _| true);
        let indexed = query::Searcher::new(d, m).search_all(q, |_| true).1;
        assert_eq!(once, indexed, "{m:?}");
    }
}

/// As Meilisearch ranks: fewer typos, then terms closer together, and only then more terms
/// matched exactly. "drones … denied" side by side (a prefix) comes before "drone" and
/// "denied" a sentence apart (both exact), and a claim found through a typo comes last however
/// exact its other term is: `wild fire` found "wildfires" after notes that said "pants-fire"
/// beside a "will" in the text.
#[test]
fn terms_side_by_side_rank_above_exact_terms_apart_and_typos_last() {
    let (_dir, d) = said(&[
        (
            "apart",
            "The drone was seen over the border at night, and the army denied it.",
        ),
        ("typo", "The drone was denid by the army."),
        ("beside", "Drones denied, said the army."),
        ("other", "Nothing here."),
    ]);
    ranks_everywhere(&d, "drone denied", &["beside", "apart", "typo"]);
}

/// A term anchored at the field's start or end says where it is: the snippet of a long field
/// goes to the other term (`'obamacare ^Says` showed only "Says …", the start every such claim
/// shares, and never the word that made the hit).
#[test]
fn the_snippet_goes_to_a_term_that_is_not_anchored() {
    let filler = "and the budget office said so in its long report to the committee ".repeat(4);
    let text = format!("Says the plan, {filler}would repeal Obamacare by the spring.");
    let (dir, _d) = said(&[("long", &text), ("other", "Nothing here.")]);
    for query in ["'obamacare ^Says", "^Says obamacare", "obamacare spring.$"] {
        let out = assert_cmd::Command::cargo_bin("parallax")
            .unwrap()
            .args(["search"])
            .arg(dir.path())
            .arg(query)
            .output()
            .unwrap();
        let line = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(line.contains("repeal Obamacare"), "{query}: {line}");
    }
}

/// The snippet shows where the terms sit closest, as ranking measured them: centred on the
/// first "tax", the line of a claim ranked for "the Bush tax cuts" showed neither word.
#[test]
fn the_snippet_shows_the_terms_where_they_sit_closest() {
    let filler = "and the budget office said so in its long report to the committee ".repeat(4);
    let text =
        format!("His tax plan was new, {filler}yet it cost more than the Bush tax cuts did.");
    let (dir, _d) = said(&[("long", &text), ("other", "Nothing here.")]);
    let out = assert_cmd::Command::cargo_bin("parallax")
        .unwrap()
        .args(["search"])
        .arg(dir.path())
        .arg("tax cuts")
        .output()
        .unwrap();
    let line = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(line.contains("Bush tax cuts"), "{line}");
}

/// One term is near no other: how close terms sit decides nothing, and a claim whose text
/// holds the term only as a prefix ("Obamas") does not rank above one found as a whole word in
/// another field, as if the second were "far apart".
#[test]
fn one_term_is_ranked_by_its_field_not_by_where_it_sits() {
    let (_dir, d) = spoken(&[
        ("a", "speaker", "Taxes rose in the spring.", "Barack Obama"),
        ("a", "prefix", "The Obamas travelled abroad.", "Obama"),
        ("b", "other", "Nothing here.", "Someone"),
    ]);
    for m in MatcherKind::ALL {
        assert_eq!(ids_with(&d, "obama", m), ["speaker", "prefix"], "{m:?}");
        let pattern = query::Pattern::new("obama", m);
        let once = query::oneshot::rank(&pattern, &d, |_, _| true);
        let indexed = query::Searcher::new(&d, m).search_all("obama", |_| true).1;
        assert_eq!(once, indexed, "{m:?}");
    }
}

/// The claims of `texts`, one per id, said by party `a` (the last by `b`), as a dispute.
fn said(texts: &[(&str, &str)]) -> (tempfile::TempDir, Dispute) {
    let claims: Vec<(&str, serde_json::Value)> = texts
        .iter()
        .enumerate()
        .map(|(i, &(id, text))| {
            let party = if i + 1 == texts.len() { "b" } else { "a" };
            (party, serde_json::json!({"id": id, "text": text}))
        })
        .collect();
    common::dispute_of(&claims)
}

/// Indic vowel signs are letters of their words, not accents: folding them away made `जंग`
/// (war) find `जग` (world) and `दल` (party) the start of `दिल्ली` (Delhi).
#[test]
fn hindi_vowel_signs_tell_words_apart() {
    let (_dir, d) = said(&[
        ("world", "सारा जग जानता है"),
        ("delhi", "दिल्ली में बारिश हुई"),
        ("war", "यह जंग है"),
    ]);
    assert_eq!(ids(&d, "जंग"), ["war"]);
    assert_eq!(ids(&d, "जग"), ["world"]);
    assert_eq!(ids(&d, "'जग"), ["world"]);
    assert!(ids(&d, "दल").is_empty());
    assert_eq!(ids(&d, "दिल्ली"), ["delhi"]);
}

/// Text decomposed by a PDF or a Mac (`u` and a combining diaeresis) is found by what is typed,
/// in every kind of term and with a capital letter (which turns folding off).
#[test]
fn decomposed_text_matches_what_is_typed() {
    let (_dir, d) = said(&[
        ("composed", "Z\u{fc}rich and Caf\u{e9} M\u{fc}ller"),
        ("decomposed", "Zu\u{308}rich and Cafe\u{301} Mu\u{308}ller"),
    ]);
    for q in ["Zürich", "'Müller", "^Zürich", "\"Café Müller\"", "müller"] {
        assert_eq!(
            sorted(ids(&d, q)),
            ["composed", "decomposed"],
            "`{q}` finds both forms"
        );
    }
    let typos = query::Searcher::new(&d, MatcherKind::Nucleo)
        .search_all("Zürich", |_| true)
        .1
        .iter()
        .filter(|h| h.typos > 0)
        .count();
    assert_eq!(typos, 0, "neither form is a typo away");
}

/// An accent pasted as a combining mark (a Mac gives `cafe` and U+0301) is the accent typed
/// as one char, in every engine and every kind of term: read as five letters, `café` so pasted
/// was matched as letters in order in a speaker and found "Lincoln Chafee".
#[test]
fn an_accent_pasted_as_a_combining_mark_is_the_accent_typed() {
    let (dir, d) = spoken(&[
        ("a", "cafe", "They met at the Caf\u{e9} Central.", "Someone"),
        ("a", "chafee", "He spoke at length.", "Lincoln Chafee"),
        ("b", "other", "Nothing here.", "Another"),
    ]);
    let shared = query::Searcher::shared(std::sync::Arc::new(d.clone()), MatcherKind::Nucleo);
    for (pasted, typed) in [
        ("cafe\u{301}", "caf\u{e9}"),
        ("Cafe\u{301}", "Caf\u{e9}"),
        ("'cafe\u{301}", "'caf\u{e9}"),
        ("^Cafe\u{301}", "^Caf\u{e9}"),
        ("\"cafe\u{301} central\"", "\"caf\u{e9} central\""),
        ("!cafe\u{301}", "!caf\u{e9}"),
    ] {
        assert_eq!(
            query::pattern::parse(pasted),
            query::pattern::parse(typed),
            "`{pasted}` is read as `{typed}`"
        );
        for m in MatcherKind::ALL {
            assert_eq!(
                ids_with(&d, pasted, m),
                ids_with(&d, typed, m),
                "`{pasted}` {m:?}"
            );
            let pattern = query::Pattern::new(pasted, m);
            let once = query::oneshot::rank(&pattern, &d, |_, _| true);
            let indexed = query::Searcher::new(&d, m).search_all(typed, |_| true).1;
            assert_eq!(once, indexed, "`{pasted}` cold, {m:?}");
        }
        let (_, hits) = shared.search_all(pasted, |_| true);
        let (_, typed_hits) = shared.search_all(typed, |_| true);
        assert_eq!(hits, typed_hits, "`{pasted}` on the screen's index");
    }
    assert_eq!(ids(&d, "cafe\u{301}"), ["cafe"], "not Chafee");
    // The command, cold: the same lines.
    let run = |q: &str| {
        let out = cold_search(dir.path(), q);
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let typed = run("caf\u{e9}");
    assert!(
        typed.contains("cafe") && !typed.contains("chafee"),
        "{typed}"
    );
    assert_eq!(run("cafe\u{301}"), typed);
}

/// Ligatures and full-width letters (text copied from PDFs and East Asian layouts) are found by
/// the plain letters, by a word and by an exact term alike (the quick test on the bytes ruled
/// `'financial` out); a word pasted with its zero-width non-joiner (Persian) is the word without
/// it, and an emoji's joiner or a lone variation selector is no term of its own.
#[test]
fn compatibility_forms_and_pasted_joiners_are_found() {
    let (dir, d) = said(&[
        ("ligature", "a \u{fb01}nancial report"),
        ("wide", "\u{ff26}\u{ff55}\u{ff4c}\u{ff4c} width"),
        (
            "persian",
            "\u{622}\u{62a}\u{634}\u{628}\u{633} \u{628}\u{631}\u{642}\u{631}\u{627}\u{631} \u{627}\u{633}\u{62a}",
        ),
        (
            "emoji",
            "a family \u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467} photo",
        ),
    ]);
    assert_eq!(ids(&d, "financial"), ["ligature"]);
    assert_eq!(ids(&d, "'financial"), ["ligature"]);
    assert_eq!(ids(&d, "full"), ["wide"]);
    assert_eq!(
        ids(&d, "\u{622}\u{62a}\u{634}\u{200c}\u{628}\u{633}"),
        ["persian"]
    );
    assert!(
        ids(&d, "\u{1f469}\u{200d}\u{1f680}").is_empty(),
        "no joined emoji here"
    );
    assert!(query::pattern::parse("\u{fe0f}").is_empty());
    let out = cold_search(dir.path(), "'financial");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("ligature"),
        "the cold search finds it too: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A word written as one or as two is found either way, as Meilisearch splits and joins words:
/// `preexisting` finds "pre-existing" (LIAR's 15 claims about pre-existing conditions were out
/// of its reach), `pre-existing` finds "preexisting", `e-mail` "email", and `health care` and
/// `home owners` find "healthcare" and "homeowners". A word split in two is two whole words
/// of two letters or more with only a space or a hyphen between them: `abroad` does not find
/// "A broad coalition", `onto` not "on top", `ceasefire` not "cease. Fire". The term as typed
/// ranks first. The index, the one-shot search and the highlights agree.
#[test]
fn a_word_written_as_one_or_as_two_is_found_either_way() {
    let claim = |id: &str, text| {
        let party = if id.starts_with("a-") { "a" } else { "b" };
        (party, serde_json::json!({"id": id, "text": text}))
    };
    let (_dir, d) = common::dispute_of(&[
        claim(
            "a-apart",
            "Insurers dropped people with pre-existing conditions.",
        ),
        claim(
            "a-together",
            "Insurers dropped people with preexisting conditions.",
        ),
        claim("a-joined", "The healthcare law passed in March."),
        claim("a-spaced", "The health care law passed in March."),
        claim("a-homeowners", "Most homeowners paid more."),
        claim("a-homeland", "The Homeland agency told gun owners so."),
        claim("b-far", "Health insurers cut the care budget."),
        claim("b-mail", "She sent an email to the board."),
        claim("b-broad", "A broad coalition formed."),
        claim("b-top", "The bill was put on top of the pile."),
        claim("b-stop", "They agreed to cease. Fire broke out later."),
        claim("b-ceasefire", "The ceasefire held."),
    ]);
    for m in MatcherKind::ALL {
        let found = |q: &str| ids_with(&d, q, m);
        assert_eq!(found("preexisting"), ["a-together", "a-apart"], "{m:?}");
        assert_eq!(found("pre-existing"), ["a-apart", "a-together"], "{m:?}");
        assert_eq!(found("healthcare"), ["a-joined", "a-spaced"], "{m:?}");
        assert_eq!(
            found("health care"),
            ["a-spaced", "a-joined", "b-far"],
            "{m:?}: both words as typed side by side, then both in one word, then far apart"
        );
        assert_eq!(
            found("home owners"),
            ["a-homeowners", "a-homeland"],
            "{m:?}: one word holding both before a prefix of one"
        );
        assert_eq!(found("health-care"), ["a-spaced", "a-joined"], "{m:?}");
        // Two terms join as the second is typed; a split's second word must be whole.
        assert_eq!(
            sorted(found("health ca")),
            ["a-joined", "a-spaced", "b-far"],
            "{m:?}"
        );
        assert_eq!(found("preexist"), ["a-together"], "{m:?}");
        assert_eq!(found("e-mail"), ["b-mail"], "{m:?}");
        assert_eq!(found("ceasefire"), ["b-ceasefire"], "{m:?}");
        assert!(found("abroad").is_empty(), "{m:?}");
        assert!(found("onto").is_empty(), "{m:?}: a whole word, not a start");
        assert_eq!(found("on top"), ["b-top"], "{m:?}");
        for q in [
            "preexisting",
            "pre-existing",
            "health care",
            "home owners",
            "e-mail",
        ] {
            let searcher = query::Searcher::new(&d, m);
            let pattern = query::Pattern::new(q, m);
            let once = query::oneshot::rank(&pattern, &d, |_, _| true);
            assert_eq!(once, searcher.search_all(q, |_| true).1, "{m:?} `{q}`");
        }
        assert_eq!(
            marked("preexisting", m, "with pre-existing conditions"),
            ["pre", "existing"],
            "{m:?}"
        );
        assert!(
            marked("ceasefire", m, "to cease. Fire broke out").is_empty(),
            "{m:?}"
        );
        assert_eq!(
            marked("pre-exis", m, "with preexisting conditions"),
            ["preexis"],
            "{m:?}"
        );
        assert_eq!(
            marked("health care", m, "the healthcare law"),
            ["healthcare"],
            "{m:?}"
        );
    }
    // Typed a key at a time, narrowing as it goes, each step finds what a fresh search does.
    let cmp = Comparison::new(&d, 0, 1);
    for typed in ["health care", "pre-existing", "preexisting", "home owners"] {
        typed_key_by_key(&d, &cmp, typed);
    }
    // The plain search's line shows where it was found.
    let out = cold_search(_dir.path(), "preexisting");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("a-apart"), "{said}");
    assert!(said.contains("pre-existing conditions"), "{said}");
}

/// `parallax search DIR QUERY`, as typed: what it printed.
fn cold_search(dir: &std::path::Path, query: &str) -> std::process::Output {
    parallax()
        .args(["search"])
        .arg(dir)
        .arg(query)
        .output()
        .expect("runs")
}

/// A word pasted with an invisible character inside (a soft hyphen from a web page, a
/// zero-width space, joiner or non-joiner, a word joiner, a byte order mark) is the word without
/// it, in every kind of term: a soft hyphen became the marker `tax⟨U+00AD⟩es`, which no text of
/// taxes holds. A zero-width space is dropped too, not read as a break: `tax` and one and
/// `cuts` is `taxcuts`.
#[test]
fn a_word_pasted_with_an_invisible_character_inside_is_the_word() {
    let (dir, d) = said(&[
        ("taxes", "New taxes were levied."),
        ("joined", "The taxcuts bill passed."),
        ("other", "Nothing here."),
    ]);
    for hidden in [
        '\u{ad}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}',
    ] {
        for (pasted, typed) in [
            (format!("tax{hidden}es"), "taxes"),
            (format!("'tax{hidden}es"), "'taxes"),
            (format!("\"new tax{hidden}es\""), "\"new taxes\""),
            (format!("^New{hidden}"), "^New"),
            (format!("tax{hidden}cuts"), "taxcuts"),
        ] {
            assert_eq!(
                query::pattern::parse(&pasted),
                query::pattern::parse(typed),
                "{pasted:?} is read as `{typed}`"
            );
            assert_eq!(ids(&d, &pasted), ids(&d, typed), "{pasted:?}");
            assert!(!ids(&d, &pasted).is_empty(), "{pasted:?} finds a claim");
        }
    }
    let out = cold_search(dir.path(), "tax\u{ad}es");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("taxes"),
        "the command finds it: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Accents fold whatever their encoding: letters outside Latin-1 (`č`, `ё`, `ά`, `ễ`), one
/// char or a letter and marks.
#[test]
fn accents_fold_beyond_latin_one_in_either_encoding() {
    let (_dir, d) = said(&[
        (
            "czech",
            "\u{10c}e\u{161}tina and \u{451}\u{43b}\u{43a}\u{430}",
        ),
        (
            "czech-nfd",
            "C\u{30c}es\u{30c}tina and \u{435}\u{308}\u{43b}\u{43a}\u{430}",
        ),
        (
            "greek",
            "\u{3b5}\u{3bb}\u{3bb}\u{3ac}\u{3b4}\u{3b1} Vi\u{1ec7}t",
        ),
    ]);
    assert_eq!(sorted(ids(&d, "cestina")), ["czech", "czech-nfd"]);
    assert_eq!(
        sorted(ids(&d, "\u{435}\u{43b}\u{43a}\u{430}")),
        ["czech", "czech-nfd"]
    );
    assert_eq!(
        ids(&d, "\u{3b5}\u{3bb}\u{3bb}\u{3b1}\u{3b4}\u{3b1}"),
        ["greek"]
    );
    assert_eq!(ids(&d, "viet"), ["greek"]);
}

/// German's sharp s is the `ss` typed without it, either way round, and highlighted whole:
/// `strasse` found "Straße" only as a typo, and `'strasse` not at all.
#[test]
fn a_sharp_s_is_the_double_s_typed_without_it() {
    let (_dir, d) = said(&[
        ("sharp", "Die Stra\u{df}e war gesperrt."),
        ("double", "Die Strasse war gesperrt."),
        ("other", "Die Strase war gesperrt."),
    ]);
    for q in ["'strasse", "'stra\u{df}e", "^\"die strasse\""] {
        assert_eq!(sorted(ids(&d, q)), ["double", "sharp"], "{q}");
    }
    assert_eq!(
        marked("strasse", MatcherKind::Nucleo, "Die Stra\u{df}e war"),
        ["Stra\u{df}e"]
    );
}

/// A term typed with its possessive finds the word without it, as `Scott` finds "Scott's":
/// `India's`, copied from a claim, missed "India said no." (and `Pakistan's` found "Pakistan"
/// only as two typos). In the index and in a cold `parallax search` alike.
#[test]
fn a_possessive_term_finds_the_word_without_it() {
    let (dir, d) = said(&[
        ("plain", "India said no."),
        ("possessive", "India's army moved."),
        ("long", "Pakistan said no."),
        ("other", "Trump spoke."),
    ]);
    // The word as typed first; its stem after.
    assert_eq!(ids(&d, "India's"), ["possessive", "plain"]);
    // A contraction is not cut: `it's` is not every `it`.
    let (_c, contracted) = said(&[("it", "It was late."), ("its", "It's late.")]);
    assert_eq!(ids(&contracted, "it's"), ["its"]);
    let (_, hits) =
        query::Searcher::new(&d, MatcherKind::Nucleo).search_all("Pakistan's", |_| true);
    assert_eq!(hits.len(), 1);
    assert!(
        hits.iter().all(|h| h.typos == 0),
        "no typo: the stem as typed"
    );
    let out = cold_search(dir.path(), "india's");
    let lines = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        lines.contains(" plain ") && lines.contains(" possessive "),
        "{lines}"
    );
}

/// A query in another engine's syntax says how it was read: `-obama` found the word obama (the
/// same claims as `obama`) and `OR` was a word no claim holds, each without a word.
#[test]
fn another_engines_syntax_is_said() {
    let said = |q: &str| {
        let out = parallax().args(["search", q]).output().unwrap();
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let minus = said("ceasefire -Trump");
    assert!(
        minus.contains("`-Trump` finds the word `Trump`: a `-` leaves nothing out; to leave out claims that hold it, write `!Trump`"),
        "{minus}"
    );
    let or = said("ceasefire OR truce");
    assert!(
        or.contains("`OR` is searched for as a word, not an operator"),
        "{or}"
    );
    assert!(or.contains("no claim matches"), "{or}");
    // Both at once are both said, and why a capital `AND` finds nothing.
    let both = said("ceasefire -Trump AND truce");
    assert!(both.contains("write `!Trump`"), "{both}");
    assert!(
        both.contains("`AND` is searched for as a word, not an operator (in capitals, it matches only capitals)"),
        "{both}"
    );
    // Inside a phrase a `-` or an `AND` is text; a hyphenated word, or lower-case "or", is no
    // other syntax.
    assert!(!said("\"ceasefire -Trump\" \"rock AND roll\"").contains("operator"));
    assert!(!said("\"ceasefire -Trump\"").contains("leaves nothing out"));
    assert!(!said("cease-fire or").contains("operator"));
    assert!(!said("cease-fire").contains("leaves nothing out"));
    // `$` and `%` are no part of a word: `$1` finds every "1", said so, with the way to find it
    // as written; a piece of text, or a last `$` that ends the field, is no such term.
    let dollar = said("$300");
    assert!(
        dollar.contains("`$300` finds the words of `300`: `$` and `%` are no part of a word; for the text as written, write `'$300`"),
        "{dollar}"
    );
    assert!(said("40%").contains("write `'40%`"));
    assert!(!said("'$300").contains("no part of a word"));
    assert!(!said("ceasefire$").contains("no part of a word"));
    // Anchored, it is found as written; left out, the way to leave it out as written.
    assert!(!said("^$300").contains("no part of a word"));
    assert!(!said("300%$").contains("no part of a word"));
    assert!(said("ceasefire !$300").contains("write `!'$300`"));
}

/// A query that starts with `-`, which the command line reads as an option, is said to be one,
/// with the command that searches it (after `--`) and how it would be read; `--query` takes
/// it as it is, and `show` and `export` say how it was read, as `search` does.
#[test]
fn a_query_starting_with_a_dash_is_said() {
    let out = parallax()
        .args(["search", "-Trump ceasefire"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("`-Trump ceasefire` starts with `-`, so it was read as an option")
            && said.contains("put `--` before it: parallax search -- \"-Trump ceasefire\""),
        "{said}"
    );
    assert!(said.contains("write `!Trump`"), "{said}");
    // The command suggested runs, and finds what `Trump ceasefire` finds.
    let run = |args: &[&str]| parallax().args(args).output().unwrap();
    let dashed = run(&["search", "--", "-Trump ceasefire"]);
    assert_eq!(dashed.status.code(), Some(0));
    assert_eq!(dashed.stdout, run(&["search", "Trump ceasefire"]).stdout);
    for command in [&["show"][..], &["export", "--format", "md"]] {
        let out = run(&[command, &["--query", "-Trump"]].concat());
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{command:?}: {said}");
        assert!(
            said.contains("a `-` leaves nothing out"),
            "{command:?}: {said}"
        );
    }
}

/// Every command suggested for a query that starts with `-` runs the first time: the words
/// given unquoted after it are part of it, the options go before `--`, and a suggestion made
/// for a query given after `--` keeps the `--` (it dropped it: `parallax search "-x
/// ceasefire"`, the option error again).
#[test]
fn a_command_suggested_for_a_dashed_query_runs_as_it_is() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let run = |args: &[String]| {
        parallax()
            .current_dir(dir.path())
            .args(args)
            .output()
            .expect("runs")
    };
    // The command a refusal suggests: after its last `: parallax `, to the end of the line
    // or the `;` after it.
    let suggested = |said: &str| -> Vec<String> {
        let first = said.lines().next().unwrap_or_default();
        let at = first.rfind(": parallax ").map_or(0, |i| i + 11);
        let tail = first.get(at..).unwrap_or_default();
        let command = tail.split("; ").next().unwrap_or_default();
        shell_words::split(command).expect("one command")
    };
    let words = |args: &[&str]| args.iter().map(|a| a.to_string()).collect::<Vec<_>>();
    for given in [
        words(&["search", "-x", "ceasefire"]),
        words(&["search", "--json", "-x", "ceasefire"]),
        words(&["search", "-x", "ceasefire", "--json"]),
        words(&["search", "--", "-x", "ceasefire"]),
        words(&["search", "ceasefire", "-x"]),
    ] {
        let out = run(&given);
        let said = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(2), "{given:?}: {said}");
        let command = suggested(&said);
        assert_eq!(
            command.first().map(String::as_str),
            Some("search"),
            "{said}"
        );
        let again = run(&command);
        assert_eq!(
            again.status.code(),
            Some(0),
            "{given:?} -> {command:?}: {}",
            String::from_utf8_lossy(&again.stderr)
        );
        assert!(String::from_utf8_lossy(&again.stdout).contains("ceasefire"));
    }
}

/// `show --query` and `export --query` say that a spaced `|` is no OR, as `parallax search`
/// and the screen say it: they searched `modi | sharif` for a bar as text, without a word.
#[test]
fn show_and_export_say_a_spaced_bar_is_no_or() {
    let note =
        "`|` (fzf's OR) is not supported: every term must match, and a `|` is searched as text";
    let run = |args: &[&str]| parallax().args(args).output().expect("runs");
    for command in [&["show"][..], &["export", "--format", "md"]] {
        let out = run(&[command, &["--query", "modi | sharif"]].concat());
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{command:?}: {said}");
        assert!(
            said.contains(&format!("parallax: {note}")),
            "{command:?}: {said}"
        );
        // A bar inside a term is text, and no OR was meant.
        let out = run(&[command, &["--query", "modi|sharif"]].concat());
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(!said.contains("fzf's OR"), "{command:?}: {said}");
    }
    // `search` refuses it, in the same words.
    let out = run(&["search", "modi | sharif"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(note.split(", and").next().unwrap_or(note)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A filter of rows (`--common-ground`, `--one-sided`…) compares two parties: when none were
/// chosen, the search says which two it searched, as the bundled dispute's third parties'
/// claims are left out (they vanished without a word).
#[test]
fn a_filter_of_rows_says_which_two_parties_it_searched() {
    for flag in ["--no-common-ground", "--one-sided"] {
        let out = parallax()
            .args(["search", "strike", flag])
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!(
                "searched india ⟷ pakistan only: {flag} judges the rows of two parties"
            )),
            "{err}"
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(!stdout.contains("third-parties"), "{stdout}");
    }
    let out = parallax()
        .args([
            "search",
            "strike",
            "--no-common-ground",
            "--left",
            "india",
            "--right",
            "third-parties",
        ])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("searched"), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("third-parties"));
}

/// A claim's own text ranks it: a topic titled "Strikes" gives the claim "They did not strike
/// the temple" no exact match over a claim saying "strikes" elsewhere, and a typo in its text
/// ("ceasfire") is counted as one though the topic's title spells the word right.
#[test]
fn a_topics_title_gives_its_claims_no_rank_their_text_lacks() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let side = |party: &str, topics: serde_json::Value| {
        let side = serde_json::json!({
            "format": "parallax/1", "dispute": "d",
            "party": {"id": party, "name": party.to_uppercase()},
            "sources": [{"id": "s", "outlet": "Wire"}],
            "topics": topics
        });
        std::fs::write(dir.path().join(format!("{party}.json")), side.to_string())
            .expect("written");
    };
    let claim =
        |id: &str, text: &str| serde_json::json!({"id": id, "text": text, "sources": ["s"]});
    side(
        "a",
        serde_json::json!([
            {"id": "strikes", "title": "Strikes news", "claims": [
                claim("a-strike", "They did not strike the temple."),
                claim("a-typo-here", "A ceasfire was agreed.")]},
            {"id": "other", "title": "Other matters", "claims": [
                claim("a-strikes", "The strikes hit a depot."),
                claim("a-ceasefire", "A ceasfire was agreed too.")]}
        ]),
    );
    side(
        "b",
        serde_json::json!([{"id": "cease", "title": "Ceasefire", "claims": [
            claim("b-typo-there", "B said a ceasfire came.")]}]),
    );
    let d = parallax::load::load_paths(&[dir.path().to_path_buf()])
        .dispute
        .expect("loads");
    let found = ids(&d, "strikes");
    assert_eq!(
        found.first().map(String::as_str),
        Some("a-strikes"),
        "{found:?}"
    );
    let searcher = query::Searcher::new(&d, MatcherKind::Nucleo);
    let (_, hits) = searcher.search_all("ceasefire", |_| true);
    let typos: Vec<(String, u8)> = hits
        .iter()
        .filter(|h| !h.is_topic_level())
        .filter_map(|h| Some((d.claim(h.claim)?.id.to_string(), h.typos)))
        .collect();
    assert_eq!(typos.len(), 3, "{typos:?}");
    assert!(
        typos.iter().all(|(_, t)| *t > 0),
        "each needed its typo: {typos:?}"
    );
    // The count the screen and the command give says so too.
    let mut session = Session::new(&d, MatcherKind::Nucleo);
    let q = Query {
        search: Some("ceasefire".into()),
        ..Query::default()
    };
    let counts = session.run(&d, &Comparison::new(&d, 0, 1), &q).counts;
    assert_eq!((counts.claims, counts.typo_only), (3, 3), "{counts:?}");
}

/// An accent typed alone (a dead key pressed once, a stray paste) is no term: it found every
/// claim, each letter it could sit on matching it. With a letter it is searched as written.
#[test]
fn a_lone_combining_accent_is_no_term() {
    for q in [
        "\u{301}",
        "^\u{301}",
        "'\u{301}",
        "\"\u{301}\"",
        "!\u{301}",
        "\u{301}\u{308}$",
    ] {
        let p = query::Pattern::new(q, MatcherKind::Nucleo);
        assert!(p.is_empty(), "{q:?} holds no term");
    }
    parallax()
        .args(["search", FIXTURE, "\u{301}"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("holds no term"));
    assert!(!query::Pattern::new("cafe\u{301}", MatcherKind::Nucleo).is_empty());
}

/// A field's name before a colon (`speaker:modi`) is one word no claim holds: the command says
/// there are no field prefixes and what to search instead.
#[test]
fn a_field_prefix_is_said_to_be_one_word() {
    parallax()
        .args(["search", FIXTURE, "speaker:modi"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("there are no field prefixes"))
        .stderr(predicate::str::contains("search `modi`"));
    // A speaker is isolated by the whole field: the note names the dispute's speaker whose
    // name holds the word, anchored, and that query finds the claims it says, again and again.
    for _ in 0..2 {
        let out = parallax()
            .args(["search", FIXTURE, "speaker:misri"])
            .output()
            .expect("runs");
        let said = String::from_utf8_lossy(&out.stderr).into_owned();
        let (query, rest) = said
            .split_once("or `^")
            .and_then(|(_, rest)| rest.split_once("` for the "))
            .unwrap_or_else(|| panic!("a speaker's whole name: {said}"));
        let n = rest.split_whitespace().next().unwrap_or_default();
        assert!(query.contains("misri") && query.ends_with('$'), "{said}");
        let out = parallax()
            .args(["search", FIXTURE, &format!("^{query}")])
            .output()
            .expect("runs");
        let found = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "^{query}: {found}");
        assert!(found.contains(&format!("{n} claim")), "{n}: {found}");
    }
    // Other fields name the filter that keeps them.
    parallax()
        .args(["search", FIXTURE, "tag:mediation"])
        .assert()
        .stderr(predicate::str::contains(
            "(`--tag mediation`; on the screen, `f`)",
        ));
    parallax()
        .args(["search", FIXTURE, "speaker:zzyzx"])
        .assert()
        .stderr(predicate::str::contains(
            "search `zzyzx`: no speaker's name holds it",
        ));
    // A tag no claim has is not offered as a filter, which would refuse it next.
    parallax()
        .args(["search", FIXTURE, "tag:zzyzx"])
        .assert()
        .stderr(predicate::str::contains(
            "so search `zzyzx` (no claim is tagged `zzyzx`)",
        ))
        .stderr(predicate::str::contains("--tag").not());
}

/// A claim id pasted with the punctuation around it (from a sentence, a list, a quotation)
/// finds its claim as the bare id does, in every engine: on the screen (owning and shared
/// index), cold, and the command; `liar-1685,` found nothing.
#[test]
fn a_claim_id_pasted_with_punctuation_finds_that_claim() {
    let d = std::sync::Arc::new(dispute());
    let (at, claim) = d.claims().nth(3).expect("a fourth claim");
    let id = claim.id.to_string();
    let shared = query::Searcher::shared(std::sync::Arc::clone(&d), MatcherKind::Nucleo);
    for q in [
        format!("{id},"),
        format!("({id})"),
        format!("{id}."),
        format!("\"{id}\""),
        format!("\u{201c}{id}\u{201d}"),
        format!("[{}];", id.to_uppercase()),
        // Copied quoted from a list: the comma after the quote is pasted too.
        format!("\"{id}\","),
        format!("\"{id}\");"),
    ] {
        assert_eq!(ids(&d, &q), std::slice::from_ref(&id), "`{q}`");
        let (_, hits) = shared.search_all(&q, |_| true);
        assert_eq!(hits.first().map(|h| h.claim), Some(at), "`{q}`");
        assert_eq!(hits.first().map(|h| h.field.as_str()), Some("id"), "`{q}`");
        let pattern = query::Pattern::new(&q, MatcherKind::Nucleo);
        let once = query::oneshot::rank(&pattern, &d, |_, _| true);
        assert_eq!(once, hits, "`{q}` cold");
        assert!(
            !ids(&d, &format!("!{q}")).contains(&id),
            "`!{q}` leaves it out"
        );
    }
    let out = parallax()
        .args(["search", FIXTURE])
        .arg(format!("({id})"))
        .output()
        .expect("runs");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains(&format!("id: {id}")),
        "{out:?}"
    );
    // Still no piece of an id: `'` asks for text as written.
    assert!(!ids(&d, &format!("'{id},")).contains(&id));
}

#[test]
fn a_claim_id_typed_whole_finds_that_claim_and_a_piece_of_it_does_not() {
    // An analyst with an id from `match`, an export or a colleague finds its claim, as every
    // search finds it: on the screen (owning and shared index), cold, and with a filter.
    let d = std::sync::Arc::new(dispute());
    let cmp = Comparison::new(&d, 0, 1);
    let (at, claim) = d.claims().nth(3).expect("a fourth claim");
    let id = claim.id.to_string();
    let other = d
        .claims()
        .nth(4)
        .map(|(_, c)| c.id.to_string())
        .expect("a fifth claim");
    let shared = query::Searcher::shared(std::sync::Arc::clone(&d), MatcherKind::Nucleo);
    // fzf's operators take it whole too (`'liar-1685` found nothing).
    for q in [
        id.clone(),
        id.to_uppercase(),
        format!("^{id}$"),
        format!("'{id}"),
        format!("^{id}"),
        format!("{id}$"),
    ] {
        assert_eq!(ids(&d, &q), std::slice::from_ref(&id), "`{q}`");
        let (_, hits) = shared.search_all(&q, |_| true);
        assert_eq!(hits.first().map(|h| h.claim), Some(at), "`{q}`");
        assert_eq!(hits.first().map(|h| h.field.as_str()), Some("id"), "`{q}`");
        assert_eq!(hits.first().map(|h| h.typos), Some(0), "`{q}`");
        let pattern = query::Pattern::new(&q, MatcherKind::Nucleo);
        let once = query::oneshot::rank(&pattern, &d, |_, _| true);
        assert_eq!(once, hits, "`{q}` cold");
        let mut session = Session::new(&d, MatcherKind::Nucleo);
        let query = Query {
            search: Some(q.clone()),
            ..Query::default()
        };
        let counts = session.run(&d, &cmp, &query).counts;
        assert_eq!(
            (counts.claims, counts.typo_only),
            (1, 0),
            "`{q}`: {counts:?}"
        );
    }
    // Every term must match: the id and a word its claim does not hold find nothing.
    assert!(ids(&d, &format!("{id} {other}")).is_empty());
    // Left out, it drops its claim; a piece of it is no id.
    assert!(!ids(&d, &format!("!{id}")).contains(&id));
    let piece = &id[..id.len() - 2];
    assert!(!ids(&d, piece).contains(&id), "`{piece}` found {id}");
    assert!(!ids(&d, &format!("'{piece}")).contains(&id));
}

/// Three or four letters match a short field as an acronym's initials, not as the first
/// letters of any words: an article gives no letter (`aca` is no "a campaign ad"), a short
/// word not the first, and where the field writes capitals only capitalised words give one
/// (`cia` is no "claim in a Newsday article"); `doj` and `mea` still find their ministries.
#[test]
fn initials_are_an_acronyms_not_any_words_first_letters() {
    let speakers = [
        "a campaign ad",
        "a claim in a Newsday article",
        "Central Intelligence Agency",
        "Department of Justice",
        "Ministry of External Affairs",
    ];
    let claims: Vec<(&str, serde_json::Value)> = speakers
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let party = if i % 2 == 0 { "a" } else { "b" };
            (
                party,
                serde_json::json!({"id": format!("c{i}"), "text": "Words.", "speaker": s}),
            )
        })
        .collect();
    let mut claims = claims;
    claims.sort_by_key(|(p, _)| *p);
    let (_dir, d) = common::dispute_of(&claims);
    let searcher = query::Searcher::new(&d, MatcherKind::Nucleo);
    let found = |q: &str| speakers_found(&searcher, q);
    assert_eq!(found("aca"), Vec::<String>::new());
    assert_eq!(found("cia"), vec!["Central Intelligence Agency"]);
    assert_eq!(found("doj"), vec!["Department of Justice"]);
    assert_eq!(found("mea"), vec!["Ministry of External Affairs"]);
}

/// `show --query` and `export --query` say how many of the claims kept were found only
/// through a typo, as `search` does: `iran` finds "Iraq", which a count alone hides.
#[test]
fn show_and_export_say_the_claims_a_query_found_only_through_a_typo() {
    let (dir, _) = common::dispute_of(&[
        (
            "a",
            serde_json::json!({"id": "a1", "text": "The Iran deal holds."}),
        ),
        (
            "a",
            serde_json::json!({"id": "a2", "text": "Nothing here."}),
        ),
        (
            "b",
            serde_json::json!({"id": "b1", "text": "The Iraq war ended."}),
        ),
    ]);
    for args in [&["show"][..], &["export", "-f", "md"]] {
        let out = Command::cargo_bin("parallax")
            .expect("the binary")
            .args(args)
            .arg(dir.path())
            .args(["--query", "iran"])
            .output()
            .expect("runs");
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(
            said.contains("1 claim only through a typo"),
            "{args:?}: {said}"
        );
    }
}

/// A claim's assessment note is searched as prose, as its text is: a fact-checker's reasons
/// ("could not be independently verified") or verdict find the claim, shown as `note: …`, in
/// every engine (the index, shared or owning, and the cold one-shot search); a claim whose own
/// text holds the word ranks first.
#[test]
fn an_assessment_note_is_searched_as_prose() {
    let mut d = dispute();
    let note = "Inspectors said the zorblat figures could not be independently verified.";
    let (first, second) = {
        let mut claims = d.claims().map(|(_, c)| c.id.to_string());
        (claims.next().unwrap(), claims.nth(2).unwrap())
    };
    for side in &mut d.sides {
        for claim in side.topics.iter_mut().flat_map(|t| &mut t.claims) {
            if claim.id.as_str() == first {
                claim.assessment = Some(Box::new(parallax::format::Assessment {
                    rating: parallax::format::Rating::Disputed,
                    note: Some(note.to_owned()),
                    by: None,
                    sources: Vec::new(),
                    indices: Vec::new(),
                }));
            }
            if claim.id.as_str() == second {
                claim.text = "The zorblat figures were published in May.".into();
            }
        }
    }
    let d = std::sync::Arc::new(d);
    for q in ["zorblat", "independently verified", "\"could not be\""] {
        let shared = query::Searcher::shared(std::sync::Arc::clone(&d), MatcherKind::Nucleo);
        let (_, hits) = shared.search_all(q, |_| true);
        let found: Vec<(String, &str)> = hits
            .iter()
            .map(|h| (d.claim(h.claim).unwrap().id.to_string(), h.field.as_str()))
            .collect();
        assert!(found.contains(&(first.clone(), "note")), "`{q}`: {found:?}");
        let pattern = query::Pattern::new(q, MatcherKind::Nucleo);
        let once = query::oneshot::rank(&pattern, &d, |_, _| true);
        assert_eq!(once, hits, "`{q}` cold");
        assert_eq!(ids(&d, q), ids_with(&d, q, MatcherKind::Skim), "`{q}`");
    }
    // The text before the note: the claim that says it ranks above the one rated with it.
    assert_eq!(ids(&d, "zorblat"), [second, first]);
}

/// Hits of equal score are not listed side by side in blocks: one side's all came first (on
/// LIAR, `obama` listed 140 Democratic claims before the first Republican one). Each side's
/// hits interleave by how far through the side each stands, in every view.
#[test]
fn equal_hits_of_two_sides_interleave() {
    let text = serde_json::json!("They cut the tax.");
    let claims: Vec<(&str, serde_json::Value)> = ["a1", "a2", "a3", "a4", "b1", "b2", "b3", "b4"]
        .iter()
        .map(|&id| (&id[..1], serde_json::json!({"id": id, "text": text})))
        .collect();
    let (_dir, d) = common::dispute_of(&claims);
    ranks_everywhere(&d, "tax", &["a1", "b1", "a2", "b2", "a3", "b3", "a4", "b4"]);
}

/// A piece of text (`'war`) found as a whole word ranks before one found inside a word
/// ("Anwar", "award"): exact, as a plain term's whole word is (they ranked level).
#[test]
fn a_quoted_piece_of_text_ranks_whole_words_first() {
    let out = parallax()
        .args([
            "search", "--left", "india", "--right", "pakistan", "--score", "'war",
        ])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    // The claims' own hits (topic-level hits, `framing (13 claims): …`, come after them).
    let exact: Vec<(u8, &str)> = said
        .lines()
        .filter(|l| !l.contains("claims): ") && !l.contains("claim): "))
        .filter_map(|l| {
            let e = l.split("exact=").nth(1)?.split_whitespace().next()?;
            Some((e.parse().ok()?, l))
        })
        .collect();
    assert!(
        exact.iter().any(|(e, l)| *e == 0 && l.contains("Anwar")),
        "{said}"
    );
    assert!(
        exact.iter().any(|(e, l)| *e == 1 && l.contains("of war")),
        "{said}"
    );
    assert!(
        exact.windows(2).all(|w| w[0].0 >= w[1].0),
        "whole words first: {said}"
    );
}

/// `search` keeps no cache on disk: a large dispute searched again writes nothing under the
/// cache folders (a first search that built and wrote an index for later ones took about as
/// long as `fzf --filter`, twice a search's time), and `--no-cache`, in scripts of that time,
/// is still accepted, unlisted, and changes nothing.
#[test]
fn a_search_writes_nothing_and_no_cache_is_still_accepted() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (data, home) = (tmp.path().join("d"), tmp.path().join("home"));
    synth::write(&data, &synth::generate(10_000)).expect("the synthetic dispute is written");
    std::fs::create_dir(&home).expect("home");
    // Dated a minute back: files modified a moment before a search were never cached.
    let past = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    for entry in std::fs::read_dir(&data).expect("folder") {
        let file = std::fs::File::open(entry.expect("entry").path()).expect("open");
        file.set_modified(past).expect("dated");
    }
    let d = data.to_str().expect("utf-8 path");
    let search = |args: &[&str]| {
        parallax()
            .env("HOME", &home)
            .env("XDG_CACHE_HOME", home.join(".cache"))
            .env("PARALLAX_CACHE_DIR", home.join("parallax"))
            .arg("search")
            .args(args)
            .output()
            .expect("runs")
    };
    let first = search(&[d, "ceasefire radar"]);
    assert!(first.status.success(), "{first:?}");
    assert!(!first.stdout.is_empty());
    for args in [
        &[d, "ceasefire radar"][..],
        &["--no-cache", d, "ceasefire radar"],
    ] {
        let again = search(args);
        assert_eq!(again.status.code(), first.status.code(), "{args:?}");
        assert_eq!(again.stdout, first.stdout, "{args:?}");
    }
    let written: Vec<_> = std::fs::read_dir(&home)
        .expect("home")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    assert!(written.is_empty(), "{written:?}");
    let help = search(&["--help"]);
    assert!(!String::from_utf8_lossy(&help.stdout).contains("cache"));
}

/// `--max-file-size` refuses a file too large before anything answers from it, the quick test
/// for a query no file holds included: a failure (2), no hit printed.
#[test]
fn max_file_size_refuses_the_files_even_when_the_pre_check_would_answer() {
    for query in ["ceasefire", "zzqqxx"] {
        let out = parallax()
            .args(["search", "--max-file-size", "100", FIXTURE, query])
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{query}: {stderr}");
        assert!(out.stdout.is_empty(), "{query}");
        assert!(
            stderr.contains("over the limit of 100 bytes"),
            "{query}: {stderr}"
        );
        assert!(stderr.contains("--max-file-size"), "{query}: {stderr}");
        assert!(!stderr.contains("no claim matches"), "{query}: {stderr}");
    }
}

/// A hit in a point's question names the point in `--json` (the claims it stands for are that
/// point's), so a script can tell two question hits of one topic apart; other hits name none.
#[test]
fn a_question_hit_names_its_point_in_json() {
    let folder = "narratives/india-pakistan-2025";
    let d = parallax::load::load_paths(&[PathBuf::from(folder)])
        .dispute
        .expect("the bundled dispute loads");
    let out = parallax()
        .args(["search", "--json", folder, "responsible"])
        .output()
        .expect("runs");
    let hits: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    let point_of = |claim: &str| {
        d.sides
            .iter()
            .flat_map(|s| &s.topics)
            .flat_map(|t| &t.claims)
            .find(|c| c.id.as_str() == claim)
            .and_then(|c| c.point.as_deref().map(str::to_owned))
    };
    let mut questions = 0;
    for h in &hits {
        let claim = h["claim"].as_str().expect("a claim id");
        if h["field"] == "question" {
            questions += 1;
            let point = h["point"].as_str().expect("a question hit names its point");
            assert_eq!(Some(point.to_owned()), point_of(claim), "{h}");
        } else {
            assert!(h.get("point").is_none(), "{h}");
        }
    }
    assert!(questions > 1, "{hits:?}");
}

/// The claim ids of the hits a plain search printed through the claims' own fields (topic-level
/// hits, `framing (3 claims): …`, left out), each with its party.
fn own_hits(stdout: &[u8]) -> std::collections::BTreeSet<(String, String)> {
    String::from_utf8_lossy(stdout)
        .lines()
        .filter_map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            match cols.as_slice() {
                [party, _, claim, field, ..] if field.ends_with(':') => {
                    Some((party.to_string(), claim.to_string()))
                }
                _ => None,
            }
        })
        .collect()
}

/// One side file named on its own is searched as a dispute of one side (a search compares
/// nothing): it found nothing before, said to need two sides. Its links to the other sides'
/// claims lead nowhere here and are not counted as warnings; a pair or a filter of rows, which
/// compare two parties, still needs them.
#[test]
fn a_side_file_alone_is_searched_on_its_own() {
    let folder = "narratives/india-pakistan-2025";
    let file = "narratives/india-pakistan-2025/pakistan.json";
    let search = |args: &[&str]| parallax().arg("search").args(args).output().expect("runs");
    let alone = search(&[file, "ceasefire"]);
    let said = String::from_utf8_lossy(&alone.stderr);
    assert_eq!(alone.status.code(), Some(0), "{said}");
    assert!(!said.contains("warning"), "{said}");
    let mine = own_hits(&alone.stdout);
    assert!(!mine.is_empty());
    let whole = search(&[folder, "ceasefire"]);
    let pakistan: std::collections::BTreeSet<_> = own_hits(&whole.stdout)
        .into_iter()
        .filter(|(party, _)| party == "pakistan")
        .collect();
    assert_eq!(mine, pakistan, "the same claims as in the whole dispute");
    // With a filter, through the other load.
    let one = search(&[
        "--speaker",
        "Ishaq Dar, Foreign Minister",
        file,
        "ceasefire",
    ]);
    assert_eq!(one.status.code(), Some(0), "{one:?}");
    assert!(own_hits(&one.stdout).is_subset(&mine));
    let paired = search(&["--left", "pakistan", file, "ceasefire"]);
    assert_eq!(paired.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&paired.stderr).contains("too-few-sides"));
}
