//! The comparison rules of FORMAT.md, one by one, on a fixture built to exercise each.

use parallax::compare::{Answered, Comparison, RowKind};
use parallax::format::Dispute;
use parallax::load::load_paths;
use std::path::PathBuf;

fn dispute() -> Dispute {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare");
    let loaded = load_paths(&[path]);
    assert_eq!(loaded.report.errors(), 0, "{:?}", loaded.report);
    loaded.dispute.expect("the fixture loads")
}

fn ids(d: &Dispute, claims: &[parallax::format::ClaimAt]) -> Vec<String> {
    claims
        .iter()
        .map(|&at| d.claim(at).map(|c| c.id.to_string()).unwrap_or_default())
        .collect()
}

/// A row as (kind, point, left claim ids, right claim ids).
type RowShape = (RowKind, Option<String>, Vec<String>, Vec<String>);

/// Each row of a topic as (kind, point, left ids, right ids).
fn rows(d: &Dispute, cmp: &Comparison, topic: &str) -> Vec<RowShape> {
    let t = cmp
        .topics
        .iter()
        .find(|t| t.id == topic)
        .expect("topic present");
    t.rows
        .iter()
        .map(|r| {
            (
                r.kind,
                r.point.as_deref().map(str::to_owned),
                ids(d, &r.left),
                ids(d, &r.right),
            )
        })
        .collect()
}

fn v(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

#[test]
fn topics_come_in_manifest_order_then_side_only_topics_left_file_first() {
    let d = dispute();
    let ab = Comparison::new(&d, 0, 1);
    let order: Vec<&str> = ab.topics.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(order, vec!["t1", "t-empty", "ta-only", "tb-only"]);
    let ba = Comparison::new(&d, 1, 0);
    let order: Vec<&str> = ba.topics.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(order, vec!["t1", "t-empty", "tb-only", "ta-only"]);
}

#[test]
fn a_topic_only_one_side_addresses_still_appears_and_a_manifest_topic_nobody_addresses_is_empty() {
    let d = dispute();
    let cmp = Comparison::new(&d, 0, 1);
    let tb = cmp
        .topics
        .iter()
        .find(|t| t.id == "tb-only")
        .expect("tb-only");
    assert!(tb.one_sided());
    assert_eq!(tb.left_title, None);
    assert_eq!(tb.right_title.as_deref(), Some("Only B"));
    assert_eq!(tb.rows[0].answered(), Answered::Right);
    let empty = cmp
        .topics
        .iter()
        .find(|t| t.id == "t-empty")
        .expect("t-empty");
    assert!(empty.rows.is_empty());
    assert_eq!(empty.title, "Nobody's topic");
}

#[test]
fn rows_follow_points_then_rebuttals_then_singles() {
    let d = dispute();
    let cmp = Comparison::new(&d, 0, 1);
    use RowKind::*;
    let p = |s: &str| Some(s.to_owned());
    assert_eq!(
        rows(&d, &cmp, "t1"),
        vec![
            // Rule 2 (manifest points in order) plus rule 3 (a3 rebuts b1, so it joins p1).
            (Point, p("p1"), v(&["a2", "a3"]), v(&["b1"])),
            // Rule 3 the other way: b2 rebuts a1, which sits in p2.
            (Point, p("p2"), v(&["a1"]), v(&["b2"])),
            // p3 is answered by neither: no row. Points only side files name come next,
            // in first appearance, left file first; points only one side answers.
            (Point, p("p4"), v(&["a6"]), v(&[])),
            (Point, p("p5"), v(&[]), v(&["b6"])),
            // Rule 4: a4 ↔ b3 and b4 → a4 form one group, transitively.
            (Rebuttal, None, v(&["a4"]), v(&["b3", "b4"])),
            // Rule 5: the rest alone, left first. a7's link to a third side is not followed.
            (Single, None, v(&["a5"]), v(&[])),
            (Single, None, v(&["a7"]), v(&[])),
            (Single, None, v(&[]), v(&["b5"])),
        ]
    );
}

#[test]
fn rows_know_their_question_answers_and_links() {
    let d = dispute();
    let cmp = Comparison::new(&d, 0, 1);
    let t1 = &cmp.topics[0];
    assert_eq!(t1.rows[0].question.as_deref(), Some("Question one?"));
    assert_eq!(t1.rows[0].answered(), Answered::Both);
    assert_eq!(t1.rows[2].question, None, "p4 is not in the manifest");
    assert_eq!(t1.rows[2].answered(), Answered::Left);
    let link = |r: usize| -> Vec<(String, String)> {
        t1.rows[r]
            .links
            .iter()
            .map(|l| (ids(&d, &[l.from])[0].clone(), ids(&d, &[l.to])[0].clone()))
            .collect()
    };
    assert_eq!(link(0), vec![("a3".into(), "b1".into())]);
    assert_eq!(link(1), vec![("b2".into(), "a1".into())]);
    assert_eq!(
        link(4),
        vec![("a4".into(), "b3".into()), ("b4".into(), "a4".into())]
    );
}

#[test]
fn links_across_topics_are_not_followed() {
    let d = dispute();
    let cmp = Comparison::new(&d, 0, 1);
    use RowKind::*;
    assert_eq!(
        rows(&d, &cmp, "ta-only"),
        vec![(Single, None, v(&["a8"]), v(&[]))]
    );
}

#[test]
fn any_pair_of_three_sides_can_be_compared() {
    let d = dispute();
    let cmp = Comparison::new(&d, 0, 2);
    use RowKind::*;
    let p = |s: &str| Some(s.to_owned());
    assert_eq!(
        rows(&d, &cmp, "t1"),
        vec![
            // Now a7's link to c1 is between the compared sides, and a3's to b1 is not.
            (Point, p("p1"), v(&["a2", "a7"]), v(&["c1"])),
            (Point, p("p2"), v(&["a1"]), v(&[])),
            (Point, p("p4"), v(&["a6"]), v(&[])),
            (Single, None, v(&["a3"]), v(&[])),
            (Single, None, v(&["a4"]), v(&[])),
            (Single, None, v(&["a5"]), v(&[])),
        ]
    );
}

#[test]
fn counts_add_up_rows_answered_by_both_or_one() {
    let d = dispute();
    let c = Comparison::new(&d, 0, 1).counts();
    assert_eq!((c.topics, c.left_claims, c.right_claims), (4, 8, 7));
    assert_eq!((c.both, c.left_only, c.right_only), (3, 4, 3));
}
