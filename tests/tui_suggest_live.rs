//! Suggested rows while the files change on disk: after a reload (a side file saved, a pair
//! linked or dismissed from the shell) the suggestions are asked for again and come back without
//! a key, and an accept dialog whose pair is no longer suggested closes and says why.

mod common;

use common::{
    draft, finish_suggestions as finish, keys, lines, open_folder as open, rewrite, run_while,
    select_pair_of, suggested_pairs,
};
use parallax::tui::state::Modal;
use parallax::tui::{App, Outcome, strings};
use ratatui::crossterm::event::KeyCode;

/// Runs the program's command line, as the analyst would from the shell.
fn parallax(args: &[&str]) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .output()
        .expect("parallax runs");
    assert!(out.status.success(), "{args:?}: {out:?}");
}

fn header(app: &App) -> String {
    lines(app)
        .into_iter()
        .take(4)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A side file changed in another window, and the watcher's reload of it.
fn saved_elsewhere(app: &mut App, file: &std::path::Path, from: &str, to: &str) {
    rewrite(file, from, to);
    parallax::tui::live::reload(app);
}

fn footer(app: &App) -> String {
    common::footer_said(app)
}

#[test]
fn suggested_rows_come_back_by_themselves_after_a_file_changed_on_disk() {
    let dir = draft();
    let mut app = open(dir.path());
    let before = suggested_pairs(&app);
    assert!(!before.is_empty(), "the draft has suggestions");
    let n = before.len();
    assert!(header(&app).contains(&format!("{n} suggested")));
    let alpha = dir.path().join("alpha.json");
    // The loop runs, nobody presses a key, a side file is saved in another window.
    run_while(&mut app, move || {
        rewrite(&alpha, "went well for the people", "went well for all")
    });
    let at = app.dispute.find_claim("a-talks-water").expect("the claim");
    assert!(
        app.dispute
            .claim(at)
            .is_some_and(|c| c.text.contains("for all")),
        "the dispute was reloaded"
    );
    assert!(app.suggest.on, "m is still on");
    // The same pairs: the edit took a word from one claim, so two rows close in score may
    // change places.
    let sorted = |mut pairs: Vec<(String, String)>| {
        pairs.sort();
        pairs
    };
    assert_eq!(
        sorted(suggested_pairs(&app)),
        sorted(before),
        "the suggestions came back"
    );
    assert!(
        header(&app).contains(&format!("{n} suggested")),
        "{}",
        header(&app)
    );
}

#[test]
fn an_accept_dialog_whose_pair_was_linked_from_the_shell_closes_and_says_so() {
    let dir = draft();
    let mut app = open(dir.path());
    select_pair_of(&mut app, "a-karvani");
    keys(&mut app, &[KeyCode::Char('a')]);
    assert!(matches!(app.modal(), Some(Modal::Accept(_))));
    let folder = dir.path().to_string_lossy().into_owned();
    parallax(&[
        "link",
        "a-karvani",
        "b-karvani",
        "--question",
        "Was the sluice shut?",
        &folder,
    ]);
    // What the watcher does: the files are read again.
    parallax::tui::live::reload(&mut app);
    // Until the suggestions are back, Enter writes nothing: the pair may not be one any more.
    let written = std::fs::read(dir.path().join("alpha.json")).expect("readable");
    assert_eq!(keys(&mut app, &[KeyCode::Enter]), Outcome::Continue);
    assert!(matches!(app.modal(), Some(Modal::Accept(_))));
    assert!(
        footer(&app).contains("Enter once they are shown"),
        "{}",
        footer(&app)
    );
    finish(&mut app);
    assert!(app.modal().is_none(), "the dialog closed");
    assert_eq!(app.message.as_deref(), Some(strings::ACCEPT_NOT_SUGGESTED));
    assert!(
        footer(&app).contains("no longer suggested"),
        "{}",
        footer(&app)
    );
    assert_eq!(
        std::fs::read(dir.path().join("alpha.json")).expect("readable"),
        written,
        "nothing more was written"
    );
    // The pair is a point row now, and the other suggestions are shown again.
    assert!(!suggested_pairs(&app).contains(&("a-karvani".to_owned(), "b-karvani".to_owned())));
    assert!(!suggested_pairs(&app).is_empty());
}

#[test]
fn an_accept_dialog_whose_claim_is_gone_closes_at_the_reload() {
    let dir = draft();
    let mut app = open(dir.path());
    select_pair_of(&mut app, "a-karvani");
    keys(&mut app, &[KeyCode::Char('a')]);
    assert!(matches!(app.modal(), Some(Modal::Accept(_))));
    saved_elsewhere(
        &mut app,
        &dir.path().join("alpha.json"),
        "\"id\": \"a-karvani\"",
        "\"id\": \"a-karvani-sluice\"",
    );
    assert!(app.modal().is_none(), "the dialog closed");
    let said = footer(&app);
    assert!(said.contains("Reloaded"), "{said}");
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.ends_with(strings::ACCEPT_GONE)),
        "{:?}",
        app.message
    );
    // A question typed in the dialog is said back, not lost with it.
    saved_elsewhere(
        &mut app,
        &dir.path().join("alpha.json"),
        "\"id\": \"a-karvani-sluice\"",
        "\"id\": \"a-karvani\"",
    );
    finish(&mut app);
    select_pair_of(&mut app, "a-karvani");
    keys(&mut app, &[KeyCode::Char('a')]);
    assert!(matches!(app.modal(), Some(Modal::Accept(_))));
    common::typed(&mut app, "Who shut the sluice?");
    saved_elsewhere(
        &mut app,
        &dir.path().join("alpha.json"),
        "\"id\": \"a-karvani\"",
        "\"id\": \"a-karvani-sluice\"",
    );
    assert!(app.modal().is_none(), "the dialog closed");
    assert!(
        app.message.as_deref().is_some_and(|m| m.ends_with(&format!(
            "{} The question was: “Who shut the sluice?”.",
            strings::ACCEPT_GONE
        ))),
        "{:?}",
        app.message
    );
}

#[test]
fn a_pair_dismissed_from_the_shell_goes_from_the_screen_by_itself() {
    let dir = draft();
    let mut app = open(dir.path());
    let karvani = ("a-karvani".to_owned(), "b-karvani".to_owned());
    let before = suggested_pairs(&app);
    assert!(before.contains(&karvani), "{before:?}");
    let folder = dir.path().to_string_lossy().into_owned();
    run_while(&mut app, move || {
        parallax(&["dismiss", "a-karvani", "b-karvani", &folder])
    });
    let after = suggested_pairs(&app);
    assert!(!after.contains(&karvani), "{after:?}");
    assert_eq!(after.len(), before.len() - 1, "the others stay: {after:?}");
    assert!(header(&app).contains(&format!("{} suggested", after.len())));
}

/// While the files on disk do not load, `x` writes nothing and says why: its write reloaded
/// the broken files, their problems panel covered the footer, and a second `x` dismissed the
/// next pair unseen.
#[test]
fn a_dismissal_while_the_files_do_not_load_writes_nothing_and_says_why() {
    let dir = draft();
    let mut app = open(dir.path());
    let alpha = dir.path().join("alpha.json");
    run_while(&mut app, move || {
        rewrite(&alpha, "\"id\": \"a-people\"", "\"id\": 7")
    });
    assert!(app.modals.iter().any(|m| matches!(m, Modal::Reload(_))));
    keys(&mut app, &[KeyCode::Esc]);
    select_pair_of(&mut app, "a-karvani");
    let Outcome::Dismiss { left, right } = keys(&mut app, &[KeyCode::Char('x')]) else {
        panic!("x asks the loop to remember the dismissal")
    };
    parallax::tui::effects::dismiss(&mut app, &left, &right);
    assert!(
        !dir.path().join(".parallax-dismissed.json").exists(),
        "nothing is written"
    );
    let said = footer(&app);
    assert!(said.contains("Nothing was written"), "{said}");
    assert!(said.contains("do not load"), "{said}");
    assert!(
        suggested_pairs(&app).contains(&("a-karvani".to_owned(), "b-karvani".to_owned())),
        "the pair is still suggested"
    );
}

/// While the files on disk do not load, `a` says so before a question is typed, as `x` does: it
/// opened the dialog, and only its Enter said that reading the files again had failed.
#[test]
fn an_accept_while_the_files_do_not_load_is_refused_before_the_question() {
    let dir = draft();
    let mut app = open(dir.path());
    let alpha = dir.path().join("alpha.json");
    run_while(&mut app, move || {
        rewrite(&alpha, "\"id\": \"a-people\"", "\"id\": 7")
    });
    keys(&mut app, &[KeyCode::Esc]);
    select_pair_of(&mut app, "a-karvani");
    keys(&mut app, &[KeyCode::Char('a')]);
    assert!(
        !app.modals.iter().any(|m| matches!(m, Modal::Accept(_))),
        "no dialog opens"
    );
    let said = footer(&app);
    assert!(said.contains("Nothing was written"), "{said}");
    assert!(said.contains("do not load"), "{said}");
}

#[test]
fn deleting_the_dismissals_file_brings_the_dismissed_pairs_back() {
    let dir = draft();
    let mut app = open(dir.path());
    let karvani = ("a-karvani".to_owned(), "b-karvani".to_owned());
    let before = suggested_pairs(&app);
    select_pair_of(&mut app, "a-karvani");
    let Outcome::Dismiss { left, right } = keys(&mut app, &[KeyCode::Char('x')]) else {
        panic!("x asks the loop to remember the dismissal")
    };
    parallax::tui::effects::dismiss(&mut app, &left, &right);
    finish(&mut app);
    assert!(!suggested_pairs(&app).contains(&karvani));
    let file = dir.path().join(".parallax-dismissed.json");
    assert!(file.is_file());
    // The analyst undoes the dismissal from the shell while the screen is open.
    run_while(&mut app, move || {
        std::fs::remove_file(&file).expect("deleted")
    });
    assert_eq!(suggested_pairs(&app), before, "the pair is suggested again");
    assert!(app.suggest.dismissed.entries.is_empty());
}

#[test]
fn a_change_to_the_dismissals_file_alone_says_so_and_asks_again() {
    let dir = draft();
    let mut app = open(dir.path());
    let folder = dir.path().to_string_lossy().into_owned();
    parallax(&["dismiss", "a-karvani", "b-karvani", &folder]);
    // What the watcher does once the file settled.
    parallax::tui::live::reload(&mut app);
    let said = footer(&app);
    assert!(
        said.contains("Reloaded the dismissed suggestions: .parallax-dismissed.json changed"),
        "{said}"
    );
    assert!(app.suggest.pending, "suggestions are asked for again");
    finish(&mut app);
    assert!(!suggested_pairs(&app).contains(&("a-karvani".to_owned(), "b-karvani".to_owned())));
    // Broken, then put back as it was: the footer says it reads again (the error stayed).
    let file = dir.path().join(".parallax-dismissed.json");
    let was = std::fs::read(&file).expect("read");
    std::fs::write(&file, "garbage").expect("written");
    parallax::tui::live::reload(&mut app);
    assert!(
        footer(&app).contains("the dismissals read before stay in force"),
        "{}",
        footer(&app)
    );
    std::fs::write(&file, &was).expect("written");
    parallax::tui::live::reload(&mut app);
    assert!(
        footer(&app).contains("The dismissals file reads again"),
        "{}",
        footer(&app)
    );
    // Once said, a reload that finds it unchanged says nothing more.
    app.message = None;
    parallax::tui::live::reload(&mut app);
    assert!(!footer(&app).contains("reads again"), "{}", footer(&app));
}

#[test]
fn a_row_in_full_stays_open_while_the_suggestions_are_found_again() {
    let dir = draft();
    let mut app = open(dir.path());
    select_pair_of(&mut app, "a-karvani");
    keys(&mut app, &[KeyCode::Enter, KeyCode::Down]);
    let shown = |app: &App| {
        let d = app.detail()?;
        let row = app.shown().topics.get(d.topic)?.rows.get(d.row)?;
        let at = row.claims().nth(d.cursor)?;
        Some(app.dispute.claim(at)?.id.to_string())
    };
    assert_eq!(shown(&app).as_deref(), Some("b-karvani"));
    saved_elsewhere(
        &mut app,
        &dir.path().join("alpha.json"),
        "went well for the people",
        "went well for all",
    );
    assert_eq!(
        shown(&app).as_deref(),
        Some("b-karvani"),
        "open at the reload"
    );
    finish(&mut app);
    assert_eq!(
        shown(&app).as_deref(),
        Some("b-karvani"),
        "and once they are back"
    );
    let screen = lines(&app).join("\n");
    assert!(screen.contains("Row in full"), "{screen}");
}

/// A row in full of a suggested pair whose pair no longer stands after an edit says so: it
/// followed the selected claim to where it stands now, beside another claim or none, and the
/// footer said only that the files reloaded.
#[test]
fn a_row_in_full_whose_pair_is_no_longer_suggested_says_so() {
    let dir = draft();
    let mut app = open(dir.path());
    select_pair_of(&mut app, "a-karvani");
    keys(&mut app, &[KeyCode::Enter, KeyCode::Down]);
    saved_elsewhere(
        &mut app,
        &dir.path().join("beta.json"),
        "Nothing was shut at Karvani or Tembla on 3 March; Alpha invents a crisis.",
        "Our orchards had a mild spring, the farmers' union said.",
    );
    finish(&mut app);
    assert!(
        !suggested_pairs(&app).contains(&("a-karvani".to_owned(), "b-karvani".to_owned())),
        "the edit broke the pair"
    );
    assert!(app.detail().is_some(), "the row in full stays open");
    let said = footer(&app);
    assert!(said.contains("no longer suggested"), "{said}");
    assert!(said.contains("b-karvani where it stands"), "{said}");
}

#[test]
fn a_suggested_pair_selected_at_the_top_stays_selected_when_the_suggestions_come_again() {
    // Row 1 of a topic selected, a suggested pair: after an edit the suggestions are found
    // again and that pair may rank lower. The selection follows the pair, so `a` accepts the
    // pair on screen before, not whichever came first now (the rule that keeps a screen just
    // opened at the top moved it to another pair).
    let dir = draft();
    let mut app = open(dir.path());
    let (topic, first) = app
        .shown()
        .topics
        .iter()
        .enumerate()
        .find_map(|(t, topic)| {
            let suggested = topic
                .rows
                .iter()
                .filter(|r| r.kind == parallax::compare::RowKind::Suggested)
                .count();
            let first = topic.rows.first()?;
            (suggested > 1 && first.kind == parallax::compare::RowKind::Suggested)
                .then(|| (t, first.claims().next()))
        })
        .expect("a topic whose first row is one of two suggested rows or more");
    let first = first.expect("a claim in the row");
    app.select_topic(topic);
    assert_eq!(app.row, 0);
    assert_eq!(
        app.current_row().and_then(|r| r.claims().next()),
        Some(first)
    );
    // The suggestions come again, the selected pair now the weakest of them.
    let mut pairs = app.suggest.pairs.clone();
    let lowest = pairs.iter().map(|p| p.score).fold(1.0_f32, f32::min);
    for p in pairs.iter_mut().filter(|p| p.left == first) {
        p.score = lowest / 2.0;
    }
    let generation = app.suggest.generation;
    app.suggestions_ready(generation, pairs);
    assert_ne!(app.row, 0, "the pair went down its topic");
    assert_eq!(
        app.current_row().and_then(|r| r.claims().next()),
        Some(first),
        "the selection followed it"
    );
}
