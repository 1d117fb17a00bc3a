//! Suggested rows with a search in force: the search shows the suggestions as they are now, so a
//! dismissed pair never shows, and after an accept the search and its narrowing run again on the
//! new dispute, the suggestions found again included.

mod common;

use common::{
    draft, finish_suggestions as finish, key, keys, lines, open_folder as open, press,
    select_pair_of, suggested_pairs, typed,
};
use parallax::tui::{Action, App, Outcome};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// `/` in the comparison, the text, then `Esc`: the search stays in force, the line closes.
fn search(app: &mut App, text: &str) {
    press(app, &[Action::FocusComparison]);
    keys(app, &[KeyCode::Char('/')]);
    typed(app, text);
    keys(app, &[KeyCode::Esc]);
}

/// `/`, the text, `Ctrl-N` (only the rows with a hit), then `Esc`.
fn search_narrowed(app: &mut App, text: &str) {
    press(app, &[Action::FocusComparison]);
    keys(app, &[KeyCode::Char('/')]);
    typed(app, text);
    key(
        app,
        KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL),
    );
    keys(app, &[KeyCode::Esc]);
}

fn header(app: &App) -> String {
    lines(app)
        .into_iter()
        .take(5)
        .collect::<Vec<_>>()
        .join("\n")
}

fn karvani() -> (String, String) {
    ("a-karvani".to_owned(), "b-karvani".to_owned())
}

#[test]
fn a_dismissed_pair_does_not_show_in_a_search() {
    let dir = draft();
    let mut app = open(dir.path());
    // A search made before the dismissal, then cleared.
    search(&mut app, "government");
    assert_eq!(app.query.search.as_deref(), Some("government"));
    keys(&mut app, &[KeyCode::Esc]);
    assert!(app.query.search.is_none(), "the search is cleared");
    select_pair_of(&mut app, "a-karvani");
    let Outcome::Dismiss { left, right } = keys(&mut app, &[KeyCode::Char('x')]) else {
        panic!("x asks the loop to remember the dismissal")
    };
    parallax::tui::effects::dismiss(&mut app, &left, &right);
    finish(&mut app);
    let without = suggested_pairs(&app);
    assert!(!without.contains(&karvani()), "{without:?}");
    // Searching for the pair's words finds its claims, each on a row of its own.
    search(&mut app, "Karvani");
    assert_eq!(app.query.search.as_deref(), Some("Karvani"));
    let shown = suggested_pairs(&app);
    assert!(!shown.contains(&karvani()), "{shown:?}");
    assert_eq!(shown, without, "the suggestions as they are, searched");
    let n = shown.len();
    assert!(
        header(&app).contains(&format!("{n} suggested")),
        "{}",
        header(&app)
    );
}

#[test]
fn after_an_accept_in_a_narrowed_search_the_search_runs_again_with_the_suggestions() {
    let dir = draft();
    let mut app = open(dir.path());
    search_narrowed(&mut app, "government");
    assert!(app.query.narrow, "narrowed to the rows with a hit");
    let before = suggested_pairs(&app);
    assert!(before.contains(&karvani()), "{before:?}");
    assert!(before.len() >= 2, "another suggestion to keep: {before:?}");
    select_pair_of(&mut app, "a-karvani");
    keys(&mut app, &[KeyCode::Char('a')]);
    let (left, right, question) = common::enter_writes(&mut app);
    parallax::tui::effects::link(&mut app, &left, &right, &question, None);
    finish(&mut app);
    // The search and its narrowing stay in force, on the new dispute.
    assert_eq!(app.query.search.as_deref(), Some("government"));
    assert!(app.query.narrow);
    let after = suggested_pairs(&app);
    assert!(!after.contains(&karvani()), "accepted: {after:?}");
    assert!(
        !after.is_empty(),
        "the other suggestions are back: {after:?}"
    );
    // The screen shows what a screen opened on the files now shows, with the same search.
    let mut fresh = open(dir.path());
    if !fresh.suggest.on {
        // The sides have a point now: suggested rows start hidden, m shows them.
        keys(&mut fresh, &[KeyCode::Char('m')]);
        finish(&mut fresh);
    }
    search_narrowed(&mut fresh, "government");
    assert_eq!(after, suggested_pairs(&fresh));
    assert_eq!(app.counts, fresh.counts);
    assert_eq!(header(&app), header(&fresh));
}
