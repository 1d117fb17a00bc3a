//! Side files with no manifest and no points still use the width: a topic's unmatched claims
//! are packed side by side (each pane on its own, marked as not answering each other), a
//! summary line counts each side's claims by rating, and suggested rows, when they come, take
//! the claims they pair while the rest stays packed.

mod common;

use common::{finish_suggestions, press, screen};
use parallax::compare::{Answered, Comparison, RowKind};
use parallax::tui::{Action, App};

const POINTLESS: &str = "tests/fixtures/tui/pointless";

/// The screen on the point-less fixture before any suggestion came back, the comparison focused.
fn open(width: u16, height: u16) -> App {
    let mut app = common::app_at(POINTLESS, width, height);
    press(&mut app, &[Action::NextPane]);
    app
}

fn ids(app: &App, claims: &[parallax::format::ClaimAt]) -> Vec<String> {
    claims
        .iter()
        .map(|&at| app.dispute.claim(at).expect("a claim").id.to_string())
        .collect()
}

/// Every claim of the comparison, sorted: packing neither loses nor repeats one.
fn all_claims(cmp: &Comparison) -> Vec<parallax::format::ClaimAt> {
    let mut v: Vec<_> = cmp
        .topics
        .iter()
        .flat_map(|t| &t.rows)
        .flat_map(|r| r.claims())
        .collect();
    v.sort_unstable_by_key(|c| (c.side(), c.topic(), c.claim()));
    v
}

#[test]
fn unmatched_claims_of_both_sides_share_rows_marked_as_not_answering_each_other() {
    let app = open(120, 40);
    let rows = app.rows();
    let kinds: Vec<RowKind> = rows.iter().map(|r| r.kind).collect();
    // Three northern and three southern claims, none matched: three packed rows, not six.
    assert_eq!(kinds, vec![RowKind::Packed; 3]);
    assert_eq!(ids(&app, &rows[0].left), ["n-dredge"]);
    assert_eq!(ids(&app, &rows[0].right), ["s-lights"]);
    assert!(rows.iter().all(|r| r.answered() == Answered::Apart));
    // Counted as what they are: one row of each side alone, never as answered by both.
    assert_eq!((app.counts.both, app.counts.left_only), (0, 4));
    let s = screen(&app);
    assert!(s.contains("Unmatched claims side by side: they do not answer each other"));
    // At 80 columns the heading is said shorter, not cut.
    let narrow = screen(&open(80, 24));
    assert!(
        narrow.contains("Unmatched, side by side: neither answers the other"),
        "{narrow}"
    );
    assert!(
        s.contains(" ┊ R1 "),
        "a broken line keeps the two apart:\n{s}"
    );
    assert!(
        s.contains("⚑ 1 corroborated · 1 disputed · 1 refuted"),
        "the ratings summary of the left side:\n{s}"
    );
}

#[test]
fn packing_loses_no_claim_and_an_export_undoes_it() {
    let app = open(120, 40);
    let base = app.base_comparison();
    assert_eq!(all_claims(&app.cmp), all_claims(&base));
    let unpacked = app.cmp.unpacked();
    assert_eq!(all_claims(&unpacked), all_claims(&base));
    // In the rules' order, as `parallax export` writes them: the left side's, then the right's.
    assert_eq!(unpacked, base);
    assert!(
        unpacked
            .topics
            .iter()
            .flat_map(|t| &t.rows)
            .all(|r| r.kind == RowKind::Single && r.claims().count() == 1)
    );
}

/// Whichever side has more claims alone, an export of the packed screen lists them as
/// `parallax export` does: the left side's in file order, then the right side's.
#[test]
fn unpacking_puts_the_claims_back_in_the_rules_order() {
    use parallax::compare::{Claims, Row, TopicRows};
    use parallax::format::ClaimAt;
    let alone = |side: usize, claim: usize| Row {
        kind: RowKind::Single,
        point: None,
        question: None,
        left: if side == 0 {
            Claims::from_elem(ClaimAt::new(0, 0, claim), 1)
        } else {
            Claims::new()
        },
        right: if side == 1 {
            Claims::from_elem(ClaimAt::new(1, 0, claim), 1)
        } else {
            Claims::new()
        },
        links: Default::default(),
        common: false,
        hidden: [0, 0],
    };
    for (lefts, rights) in [(3, 1), (1, 3), (2, 2), (0, 2), (2, 0)] {
        let rows: Vec<Row> = (0..lefts)
            .map(|c| alone(0, c))
            .chain((0..rights).map(|c| alone(1, c)))
            .collect();
        let mut topic = TopicRows {
            id: "t".into(),
            title: "T".into(),
            summary: None,
            in_manifest: false,
            left_title: Some("T".into()),
            right_title: Some("T".into()),
            rows: rows.clone(),
        };
        topic.pack();
        assert_eq!(topic.unpacked_rows(), rows, "{lefts} left, {rights} right");
    }
}

#[test]
fn a_topic_with_points_is_not_packed() {
    let app = common::app_at("tests/fixtures/tui/sample", 120, 40);
    assert!(
        app.cmp
            .topics
            .iter()
            .flat_map(|t| &t.rows)
            .all(|r| r.kind != RowKind::Packed)
    );
}

#[test]
fn suggested_rows_take_the_claims_they_pair_and_the_rest_stays_packed() {
    let mut app = open(120, 40);
    finish_suggestions(&mut app);
    let rows = app.rows();
    let suggested: Vec<_> = rows
        .iter()
        .filter(|r| r.kind == RowKind::Suggested)
        .collect();
    assert_eq!(suggested.len(), 1, "{rows:?}");
    assert_eq!(ids(&app, &suggested[0].left), ["n-fees"]);
    assert_eq!(ids(&app, &suggested[0].right), ["s-fees"]);
    let packed: Vec<_> = rows.iter().filter(|r| r.kind == RowKind::Packed).collect();
    assert_eq!(packed.len(), 2);
    assert!(packed.iter().all(|r| r.claims().all(|c| {
        let id = &app.dispute.claim(c).expect("a claim").id;
        id != "n-fees" && id != "s-fees"
    })));
    assert_eq!(all_claims(&app.cmp), all_claims(&app.base_comparison()));
}

#[test]
fn packed_rows_at_two_sizes() {
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("packed_{w}x{h}"), screen(&open(w, h)));
    }
    let mut app = open(120, 40);
    finish_suggestions(&mut app);
    insta::assert_snapshot!("packed_with_a_suggestion_120x40", screen(&app));
}

/// At every width, each side's ratings count keeps a space or the rule before the border and
/// the pane divider (one side ran into the border while the other was closed up).
#[test]
fn the_ratings_rule_never_runs_into_a_border() {
    let mut checked = 0;
    for width in 60..=160 {
        let s = screen(&open(width, 30));
        let Some(line) = s.lines().find(|l| l.contains('⚑')) else {
            continue;
        };
        checked += 1;
        let chars: Vec<char> = line.trim_end_matches(['"', ' ']).chars().collect();
        for (i, c) in chars.iter().enumerate().skip(1) {
            if matches!(c, '│' | '┼') && chars.get(i - 1).is_some_and(|p| p.is_alphanumeric()) {
                panic!("counts run into a border at {width} columns: {line}");
            }
        }
    }
    assert!(checked > 50, "the rule shows at most widths");
}
