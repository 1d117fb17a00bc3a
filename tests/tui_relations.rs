//! `r` on the screen follows every kind of relation, not only `rebuts`: a row whose claims
//! reframe and contradict each other offers both, named by their kind; a `concedes` link alone
//! is followed at once.

mod common;

use parallax::tui::state::Modal;
use ratatui::crossterm::event::KeyCode;

const FIXTURE: &str = "tests/fixtures/relations";

#[test]
fn r_offers_every_kind_of_relation_of_the_row() {
    let mut app = common::app_at(FIXTURE, 120, 40);
    common::keys(
        &mut app,
        &[KeyCode::Tab, KeyCode::Char(']'), KeyCode::Char(']')],
    );
    assert_eq!(
        app.current_row()
            .and_then(|r| r.question.clone())
            .as_deref(),
        Some("How many ships were held?")
    );
    common::keys(&mut app, &[KeyCode::Char('r')]);
    let Some(Modal::Links(links)) = app.modal() else {
        panic!("several relations: a choice ({:?})", app.message)
    };
    let labels: Vec<&str> = links.choices.iter().map(|c| c.label.as_str()).collect();
    assert!(labels.iter().any(|l| l.contains("reframes")), "{labels:?}");
    assert!(
        labels.iter().any(|l| l.contains("contradicts")),
        "{labels:?}"
    );
}

#[test]
fn r_follows_a_lone_concession_at_once_and_b_comes_back() {
    let mut app = common::app_at(FIXTURE, 120, 40);
    common::keys(
        &mut app,
        &[KeyCode::Char('}'), KeyCode::Tab, KeyCode::Char(']')],
    );
    assert_eq!(app.current_topic().map(|t| t.id.as_str()), Some("talks"));
    let before = app.place();
    common::keys(&mut app, &[KeyCode::Char('r')]);
    assert!(app.modal().is_none(), "one link: no choice");
    // Followed; the claim it concedes to sits in the same row, and the footer says so.
    let said = app.message.clone().unwrap_or_default();
    assert!(said.contains("is in this row"), "{said:?}");
    assert_eq!(app.back.len(), 1);
    common::keys(&mut app, &[KeyCode::Char('b')]);
    assert_eq!(app.place(), before);
}

/// A linked claim of a compared party that the filters leave out is said to be hidden by them,
/// not to be on a side that is not compared.
#[test]
fn a_link_to_a_claim_the_filters_hide_says_so() {
    let mut app = common::bundled(80, 24);
    common::keys(
        &mut app,
        &[
            KeyCode::Char('f'),
            KeyCode::Char(' '),
            KeyCode::Esc,
            KeyCode::Down,
            KeyCode::Down,
            KeyCode::Char('r'),
        ],
    );
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.contains("hidden by the filters; press f"),
        "{message}"
    );
    assert!(!message.contains("not compared"), "{message}");
}

/// `r` on a claim whose every link the filters hide says why for the first and how many more
/// cannot be followed either (it named the first alone, as though the rest could be).
#[test]
fn r_with_every_link_hidden_counts_the_others() {
    let mut app = common::bundled(200, 40);
    app.query.filter.parties = vec!["india".to_owned()];
    app.requery();
    let at = app
        .dispute
        .find_claim("in-pahalgam-attack-epicentre-of-terror")
        .expect("the claim");
    let (topic, row, _) = app.locate(at).expect("on screen");
    app.reveal(topic, row, at);
    common::keys(&mut app, &[KeyCode::Tab, KeyCode::Char('r')]);
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.contains("is hidden by the filters; press f"),
        "{message}"
    );
    // Each target counted once, though two claims of the row may link to it.
    let targets: std::collections::BTreeSet<String> = app
        .current_row()
        .expect("a row")
        .claims()
        .filter_map(|at| app.dispute.claim(at))
        .flat_map(|c| c.links().map(|(_, t)| t.to_string()).collect::<Vec<_>>())
        .collect();
    let more = targets.len() - 1;
    assert!(more > 0, "{targets:?}");
    let end = if more == 1 {
        " 1 other link cannot be followed either.".to_owned()
    } else {
        format!(" {more} other links cannot be followed either.")
    };
    assert!(message.ends_with(&end), "{message} / {targets:?}");
}

/// The row in full names a target with no row on screen by its id once, not twice.
#[test]
fn the_row_in_full_names_a_hidden_target_once() {
    let mut app = common::bundled(100, 40);
    let mut presses = vec![KeyCode::Char('t')];
    presses.extend("2025-04-22".chars().map(KeyCode::Char));
    presses.extend([KeyCode::Enter, KeyCode::Tab, KeyCode::Enter]);
    common::keys(&mut app, &presses);
    let screen = common::lines(&app).join("\n");
    let hidden = "in-pahalgam-attack-trf-let-front";
    assert!(screen.contains("(not shown now)"), "{screen}");
    assert_eq!(screen.matches(hidden).count(), 1, "{screen}");
}

/// A linked claim said after the date in force is said to be, with the key that changes the
/// date (the filter panel has no date in force to change).
#[test]
fn a_link_to_a_claim_said_after_the_date_in_force_says_so() {
    let mut app = common::bundled(80, 24);
    let mut presses = vec![KeyCode::Char('t')];
    presses.extend("2025-04-22".chars().map(KeyCode::Char));
    presses.extend([KeyCode::Enter, KeyCode::Tab, KeyCode::Char('r')]);
    common::keys(&mut app, &presses);
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.contains("was said after 2025-04-22, the date in force; press t"),
        "{message}"
    );
}

#[test]
fn r_on_a_link_within_the_row_says_the_claim_is_there() {
    // The talks' first row: the east claim agrees with the west claim beside it. Going there
    // barely moves the screen, so `r` also says where it is rather than seem to do nothing.
    let mut app = common::app_at(FIXTURE, 120, 40);
    common::keys(&mut app, &[KeyCode::Char('}'), KeyCode::Tab]);
    assert_eq!(app.current_topic().map(|t| t.id.as_str()), Some("talks"));
    let before = app.place();
    common::keys(&mut app, &[KeyCode::Char('r')]);
    let said = app.message.clone().unwrap_or_default();
    assert!(said.starts_with("R1, the claim it relates to"), "{said:?}");
    assert_eq!(
        (app.place().topic, app.place().row),
        (before.topic, before.row)
    );
}

/// In a row in full, `r` on a link to a side not compared says to press `p`, and `p` there
/// does it: it closes the row in full and opens the party picker (it did nothing, though the
/// message named it).
#[test]
fn p_in_a_row_in_full_opens_the_party_picker_the_message_names() {
    use parallax::tui::state::Modal;
    use ratatui::crossterm::event::KeyCode::{Char, Enter, Tab};
    let mut app = common::bundled(120, 40);
    let mut keys = vec![Tab];
    keys.extend([Char('J'); 6]);
    keys.extend([Enter, Char('r')]);
    common::keys(&mut app, &keys);
    let said = common::footer_said(&app);
    assert!(said.contains("press p to choose the parties"), "{said}");
    common::keys(&mut app, &[Char('p')]);
    assert!(
        matches!(app.modals.as_slice(), [Modal::Picker(_)]),
        "{:?}",
        app.modals.len()
    );
    assert!(common::screen(&app).contains("Choose the left side"));
}

/// A claim answered from another topic says so in its row in full: Pakistan's claim in "Who
/// came out ahead diplomatically" read as unanswered, though India's claim in another topic
/// contradicts it. A link from a claim of the same row is not said twice: its own line says it.
#[test]
fn the_row_in_full_names_the_claims_that_answer_it_from_elsewhere() {
    let mut app = common::bundled(100, 40);
    common::keys(
        &mut app,
        &[KeyCode::Char('G'), KeyCode::Tab, KeyCode::Enter],
    );
    assert_eq!(
        app.current_topic().map(|t| t.id.as_str()),
        Some("diplomatic-outcome")
    );
    let screen = common::lines(&app).join("\n");
    assert!(
        screen.contains(
            "↲ contradicted by India L1, row 6 of “Diplomatic outreach after the fighting”"
        ),
        "{screen}"
    );
    // West's `w-closed` rebuts East's `e-closed` in the same row: East's claim in full does not
    // repeat it.
    let mut app = common::app_at(FIXTURE, 120, 40);
    common::keys(
        &mut app,
        &[KeyCode::Tab, KeyCode::Char(']'), KeyCode::Enter],
    );
    let screen = common::lines(&app).join("\n");
    assert!(screen.contains("↳ contradicts East L1"), "{screen}");
    assert!(!screen.contains("↲"), "{screen}");
}

/// `b` in a row in full opened after following a link on the comparison goes back to where the
/// link was followed (it said "Nothing to go back to"), closing the row in full.
#[test]
fn b_in_a_row_in_full_goes_back_past_a_link_followed_on_the_comparison() {
    let mut app = common::app_at(FIXTURE, 120, 40);
    common::keys(
        &mut app,
        &[KeyCode::Char('}'), KeyCode::Tab, KeyCode::Char(']')],
    );
    let before = app.place();
    common::keys(&mut app, &[KeyCode::Char('r'), KeyCode::Enter]);
    assert!(matches!(app.modal(), Some(Modal::Detail(_))));
    common::keys(&mut app, &[KeyCode::Char('b')]);
    assert!(app.modal().is_none(), "{:?}", app.message);
    assert_eq!(app.place(), before);
    assert!(app.back.is_empty());
}
