//! Suggested rows on the screen: shown by default while few claims are on a point, computed off the
//! event loop, accepted into the files (`a`) or dismissed for good (`x`).

mod common;

use common::{
    draft, enter_writes, finish_suggestions as finish, key, keys, screen, select_pair_of, sized,
    suggested_pairs, typed,
};
use parallax::compare::RowKind;
use parallax::edit::Workspace;
use parallax::edit::dismissed::Dismissed;
use parallax::tui::theme::Theme;
use parallax::tui::{App, Outcome};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};

/// The screen on the draft, as `parallax DIR` opens it: the files as read, the dismissals kept
/// beside them; the matcher's job run to its end (the loop's worker does this in the program).
fn open(dir: &Path) -> App {
    let (ws, dispute) = Workspace::open(&[dir.to_path_buf()]).expect("opens");
    let mut app = sized(App::new(dispute, 0, 1, Theme::plain()), 120, 40);
    app.suggest.files = Some(parallax::tui::state::live::Files::of(&ws));
    app.suggest.dismissed = Dismissed::read(dir).expect("reads");
    let base = app.base_comparison();
    app.suggest.ask(&app.dispute, &base);
    finish(&mut app);
    app
}

/// The draft with the fixture's manifest: it still asks "Who closed the dam gates first?", a
/// point no claim is on.
fn draft_with_manifest() -> tempfile::TempDir {
    let dir = draft();
    let from = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/match");
    std::fs::copy(from.join("dispute.json"), dir.path().join("dispute.json")).unwrap();
    dir
}

/// The screen on side files named one by one, as `parallax a.json b.json` opens it; the
/// matcher's job run to its end.
fn open_files(paths: &[PathBuf]) -> App {
    let (ws, dispute) = Workspace::open(paths).expect("opens");
    let mut app = sized(App::new(dispute, 0, 1, Theme::plain()), 120, 40);
    app.live.paths = paths.to_vec();
    app.suggest.files = Some(parallax::tui::state::live::Files::of(&ws));
    let base = app.base_comparison();
    app.suggest.ask(&app.dispute, &base);
    finish(&mut app);
    app
}

/// Selects the suggested row whose first left claim is `left`, in the topic
/// [`select_suggested`] selects.
fn select_suggested_from(app: &mut App, left: &str) {
    select_suggested(app);
    while app
        .current_row()
        .map(|r| app.dispute.claim(r.left[0]).unwrap().id.as_str())
        != Some(left)
    {
        app.row += 1;
    }
}

/// The claim ids of the selected row's first left and right claims.
fn selected_ids(app: &App) -> (String, String) {
    let row = app.current_row().expect("a row");
    let id = |at| app.dispute.claim(at).expect("a claim").id.to_string();
    (id(row.left[0]), id(row.right[0]))
}

/// Selects the topic `gates` (the first, in a dispute without it) and its first suggested row.
fn select_suggested(app: &mut App) {
    let t = app
        .shown()
        .topics
        .iter()
        .position(|t| t.id == "gates")
        .unwrap_or(0);
    app.select_topic(t);
    app.focus = parallax::tui::app::Focus::Comparison;
    app.row = app
        .rows()
        .iter()
        .position(|r| r.kind == RowKind::Suggested)
        .expect("a suggested row in the topic");
}

#[test]
fn suggested_rows_are_on_by_default_without_points_and_read_apart() {
    let dir = draft();
    let mut app = open(dir.path());
    assert!(app.suggest.on);
    let pairs = suggested_pairs(&app);
    assert!(
        pairs.contains(&("a-karvani".to_owned(), "b-karvani".to_owned())),
        "{pairs:?}"
    );
    // The counts follow, counting suggested rows apart from the rows both sides answer.
    assert!(app.counts.suggested >= 1);
    assert_eq!(app.counts.both, 0);
    assert!(screen(&app).contains(&format!("{} suggested", app.counts.suggested)));
    select_suggested(&mut app);
    let s = screen(&app);
    assert!(s.contains("≈ suggested"), "{s}");
    assert!(s.contains("shared names: Karvani"), "{s}");
    // m hides them, and the counts follow at once.
    keys(&mut app, &[KeyCode::Char('m')]);
    assert!(suggested_pairs(&app).is_empty());
    assert_eq!(app.counts.suggested, 0);
    assert!(!screen(&app).contains("≈ suggested"));
}

/// In a topic with no point yet, whose unmatched claims are packed side by side, the accept
/// dialog says they will stand one to a row once it writes (on LIAR a topic went from 136 rows
/// to 218 unannounced).
#[test]
fn the_accept_dialog_says_a_packed_topic_is_laid_out_anew() {
    let (dir, _) = common::dispute_of(&[
        (
            "a",
            serde_json::json!({"id": "a1", "text": "Beta shut the Karvani sluice at Tembla on 3 March."}),
        ),
        (
            "a",
            serde_json::json!({"id": "a2", "text": "Apples ripen in autumn orchards."}),
        ),
        (
            "b",
            serde_json::json!({"id": "b1", "text": "Nothing was shut at the Karvani sluice at Tembla on 3 March."}),
        ),
        (
            "b",
            serde_json::json!({"id": "b2", "text": "Engine oil prices rose sharply."}),
        ),
    ]);
    let mut app = open(dir.path());
    let kinds: Vec<RowKind> = app.rows().iter().map(|r| r.kind).collect();
    assert!(kinds.contains(&RowKind::Packed), "{kinds:?}");
    app.focus = parallax::tui::app::Focus::Comparison;
    app.row = kinds
        .iter()
        .position(|k| *k == RowKind::Suggested)
        .expect("a suggested row");
    keys(&mut app, &[KeyCode::Char('a')]);
    let shown = screen(&app);
    assert!(
        shown.contains("unmatched claims then stand one to a row"),
        "{shown}"
    );
    // Narrower, the dialog grows a line rather than cut the sentence (it was cut at 60 columns).
    for width in [50, 60, 80] {
        parallax::tui::update(
            &mut app,
            parallax::tui::Action::Resize { width, height: 30 },
        );
        let Some(parallax::tui::state::Modal::Accept(dialog)) = app.modal() else {
            panic!("the accept dialog")
        };
        let area = parallax::tui::modal::accept::update::area(&app, dialog, app.regions().main);
        let terminal = common::render(&app);
        let buffer = terminal.backend().buffer();
        let inside: Vec<String> = (area.y + 1..area.bottom() - 1)
            .map(|y| {
                (area.x + 1..area.right() - 1)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect();
        let said = inside
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            said.contains("its unmatched claims then stand one to a row."),
            "{width} columns: {inside:#?}"
        );
    }
}

#[test]
fn accepting_writes_a_point_beside_and_the_rows_update() {
    let dir = draft();
    let before = std::fs::read_to_string(dir.path().join("alpha.json")).unwrap();
    let mut app = open(dir.path());
    select_suggested(&mut app);
    keys(&mut app, &[KeyCode::Char('a')]);
    assert!(matches!(
        app.modal(),
        Some(parallax::tui::state::Modal::Accept(_))
    ));
    // The question is prefilled with a neutral default, selected: the analyst's own question,
    // typed, replaces it (it used to be typed onto its end).
    let Some(parallax::tui::state::Modal::Accept(dialog)) = app.modal() else {
        panic!("the accept dialog")
    };
    assert!(dialog.question.is_selected() && !dialog.question.text().is_empty());
    // With no manifest, the dialog says one is created (it said "the manifest gets the
    // question"), and that the topic, its first point coming, is laid out anew.
    let shown = screen(&app);
    assert!(shown.contains("dispute.json is"), "{shown}");
    assert!(shown.contains("created beside the side files"), "{shown}");
    assert!(!shown.contains("the manifest gets"), "{shown}");
    // Every claim of the topic is in a suggested pair: nothing is packed, nothing re-laid.
    assert!(!shown.contains("stand one to a row"), "{shown}");
    typed(&mut app, "Was the Karvani sluice shut?");
    let outcome = keys(&mut app, &[KeyCode::Enter]);
    let Outcome::Link {
        left,
        right,
        question,
        relation: None,
    } = outcome
    else {
        panic!("Enter asks the loop to write: {outcome:?}")
    };
    assert_eq!(question, "Was the Karvani sluice shut?");
    parallax::tui::effects::link(&mut app, &left, &right, &question, None);
    assert!(app.modal().is_none());
    // One line added to the side file; a manifest created beside the side files.
    let after = std::fs::read_to_string(dir.path().join("alpha.json")).unwrap();
    assert_eq!(after.lines().count(), before.lines().count() + 1);
    assert!(after.contains("\"point\": \"karvani-sluice-shut\""));
    assert!(dir.path().join("dispute.json").is_file());
    // The rows update at once: the pair is a point row with the question.
    finish(&mut app);
    let row = app
        .shown()
        .topics
        .iter()
        .flat_map(|t| &t.rows)
        .find(|r| r.point.as_deref() == Some("karvani-sluice-shut"))
        .expect("a point row");
    assert_eq!(
        row.question.as_deref(),
        Some("Was the Karvani sluice shut?")
    );
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("karvani-sluice-shut"))
    );
}

#[test]
fn accepting_over_a_file_changed_on_disk_writes_nothing_and_says_why() {
    let dir = draft();
    let mut app = open(dir.path());
    select_suggested(&mut app);
    let edited = std::fs::read_to_string(dir.path().join("beta.json"))
        .unwrap()
        .replace("invents a crisis", "invents a crisis again");
    std::fs::write(dir.path().join("beta.json"), &edited).unwrap();
    keys(&mut app, &[KeyCode::Char('a')]);
    key(
        &mut app,
        KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL),
    );
    typed(&mut app, "Who shut the sluice?");
    let (left, right, question) = common::enter_writes(&mut app);
    parallax::tui::effects::link(&mut app, &left, &right, &question, None);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("beta.json")).unwrap(),
        edited
    );
    assert!(!dir.path().join("dispute.json").exists());
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("changed on disk"), "{message}");
    // The screen read the files again: it shows the edit, and accepting now writes.
    assert!(message.contains("Reloaded"), "{message}");
    let at = app.dispute.find_claim("b-karvani").unwrap();
    assert!(app.dispute.claim(at).unwrap().text.contains("crisis again"));
    // The dialog is back with the question as typed: Enter, once the rows are back, writes it.
    finish(&mut app);
    let Some(parallax::tui::state::Modal::Accept(kept)) = app.modal() else {
        panic!("the accept dialog is given back: {:?}", app.modal())
    };
    assert_eq!(kept.question.text(), "Who shut the sluice?");
    let (left, right, question) = common::enter_writes(&mut app);
    assert_eq!(question, "Who shut the sluice?");
    parallax::tui::effects::link(&mut app, &left, &right, &question, None);
    let now = std::fs::read_to_string(dir.path().join("beta.json")).unwrap();
    assert!(now.contains("crisis again"), "the analyst's edit stays");
    assert!(dir.path().join("dispute.json").is_file());
}

#[test]
fn accepting_a_pair_that_answers_a_manifest_question_joins_its_point() {
    // The fixture with its manifest, its claims' points taken out: the manifest still asks
    // "Who closed the dam gates first?".
    let dir = draft_with_manifest();
    let manifest = std::fs::read(dir.path().join("dispute.json")).unwrap();
    let mut app = open(dir.path());
    let pairs = suggested_pairs(&app);
    assert!(
        pairs.contains(&("a-closed".to_owned(), "b-opened".to_owned())),
        "{pairs:?}"
    );
    select_suggested_from(&mut app, "a-closed");
    keys(&mut app, &[KeyCode::Char('a')]);
    // The dialog offers the question both answer, and says Enter joins its point.
    assert!(
        screen(&app).contains("join point `who-closed`"),
        "{}",
        screen(&app)
    );
    let (left, right, question) = common::enter_writes(&mut app);
    assert_eq!(question, "Who closed the dam gates first?");
    parallax::tui::effects::link(&mut app, &left, &right, &question, None);
    // Both claims join the point; the manifest already asks it, so it is not touched.
    assert_eq!(
        std::fs::read(dir.path().join("dispute.json")).unwrap(),
        manifest
    );
    for id in ["a-closed", "b-opened"] {
        let at = app.dispute.find_claim(id).unwrap();
        assert_eq!(
            app.dispute.claim(at).unwrap().point.as_deref(),
            Some("who-closed")
        );
    }
}

/// At 80 columns, long party names and speakers leave each claim its opening words in the
/// dialog: `Democratic Party speakers · American Bridge 21St Century: “Says Romne…` left too few
/// to tell the pair.
#[test]
fn the_accept_dialog_leaves_each_claim_its_words_beside_long_names() {
    let dir = draft();
    for (file, name) in [
        ("alpha.json", "Democratic Party speakers"),
        ("beta.json", "Republican Party speakers"),
    ] {
        let path = dir.path().join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let short = if file == "alpha.json" {
            "Alpha"
        } else {
            "Beta"
        };
        let text = text
            .replace(
                &format!("\"name\": \"{short}\""),
                &format!("\"name\": \"{name}\""),
            )
            .replace(
                "\"id\": \"a-closed\",",
                "\"id\": \"a-closed\", \"speaker\": \"American Bridge 21st Century Action Fund\",",
            );
        std::fs::write(&path, text).unwrap();
    }
    let mut app = open(dir.path());
    select_suggested_from(&mut app, "a-closed");
    let mut app = sized(app, 80, 24);
    keys(&mut app, &[KeyCode::Char('a')]);
    let shown = screen(&app);
    for words in [
        "“Beta closed the upstream gates first, and",
        "“The gates were opened as usual; Alpha",
    ] {
        assert!(shown.contains(words), "{shown}");
    }
    assert!(
        shown.contains("American Bridge"),
        "the speaker is named: {shown}"
    );
}

#[test]
fn the_accept_dialog_says_what_enter_writes_in_full_at_80_columns() {
    let dir = draft_with_manifest();
    let mut app = open(dir.path());
    select_suggested_from(&mut app, "a-closed");
    let mut app = sized(app, 80, 24);
    keys(&mut app, &[KeyCode::Char('a')]);
    let shown = screen(&app);
    // The sentence wraps instead of being cut at the dialog's edge.
    let inside: Vec<&str> = shown
        .lines()
        .filter(|l| l.contains("│   │"))
        .filter_map(|l| l.split('│').nth(2))
        .map(str::trim)
        .collect();
    let sentence = parallax::tui::strings::accept_joins("who-closed");
    assert!(inside.join(" ").contains(&sentence), "{shown}");
    insta::assert_snapshot!("accept_dialog_80x24", shown);
}

/// Kept unchanged, the placeholder question makes a point of its own each time: where a point
/// of the topic asks it already, the dialog says so, and to type the question instead.
#[test]
fn the_accept_dialog_says_when_the_placeholder_is_asked_already() {
    let dir = draft();
    let from = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/match");
    let manifest = std::fs::read_to_string(from.join("dispute.json"))
        .unwrap()
        .replace(
            "\"question\": \"Who closed the dam gates first?\"",
            "\"question\": \"What is at issue here?\"",
        );
    std::fs::write(dir.path().join("dispute.json"), manifest).unwrap();
    let mut app = open(dir.path());
    select_suggested(&mut app);
    keys(&mut app, &[KeyCode::Char('a')]);
    let said = |app: &App| {
        screen(app)
            .lines()
            .map(|l| l.trim_matches(|c: char| c == '│' || c == ' '))
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(
        said(&app).contains("A point here asks this placeholder already"),
        "{}",
        screen(&app)
    );
    // A question of its own: a new point, said as always.
    typed(&mut app, "Who opened the sluice?");
    assert!(
        !said(&app).contains("placeholder already"),
        "{}",
        screen(&app)
    );
}

/// After `x` the selection is on the next suggestion, ready for the next `a` or `x`, not on the
/// dismissed claims, which stand as unmatched rows at the end of the topic.
#[test]
fn after_a_dismissal_the_next_suggestion_is_selected() {
    let dir = draft();
    let mut app = open(dir.path());
    select_suggested(&mut app);
    let id = |app: &App, at| app.dispute.claim(at).unwrap().id.to_string();
    let row = app.current_row().unwrap();
    let dismissed = (id(&app, row.left[0]), id(&app, row.right[0]));
    let next = app.rows().get(app.row + 1).expect("a row after it");
    assert_eq!(next.kind, RowKind::Suggested);
    let next = (id(&app, next.left[0]), id(&app, next.right[0]));
    let Outcome::Dismiss { left, right } = keys(&mut app, &[KeyCode::Char('x')]) else {
        panic!("x asks the loop to remember the dismissal")
    };
    parallax::tui::effects::dismiss(&mut app, &left, &right);
    finish(&mut app);
    let row = app.current_row().unwrap();
    assert_eq!(row.kind, RowKind::Suggested);
    let selected = (id(&app, row.left[0]), id(&app, row.right[0]));
    assert_eq!(selected, next);
    assert_ne!(selected, dismissed);
}

/// After `x`, no suggestion is skipped: new pairs of the dismissed claims, which take the
/// dismissed row's place when the suggestions come back, are not jumped over (LIAR's Abortion:
/// the cursor went to row 4 past two new pairs at rows 2 and 3).
#[test]
fn after_a_dismissal_no_suggestion_before_the_selection_is_skipped() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Three claims a side on one topic, each pair alike in its words: dismissing the best
    // pair leaves its claims to pair with others.
    let side = |party: &str, texts: &[&str]| {
        let claims: Vec<serde_json::Value> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                serde_json::json!({"id": format!("{party}-{i}"), "text": t,
                    "date": "2024-05-01", "sources": ["s"]})
            })
            .collect();
        serde_json::json!({"format": "parallax/1", "dispute": "d",
            "party": {"id": party, "name": party},
            "sources": [{"id": "s", "outlet": "Gazette"}],
            "topics": [{"id": "gates", "title": "Gates", "claims": claims}]})
    };
    // a-0 pairs best with b-0, and next best with b-2, which nothing else wants; a-1 and b-1
    // pair weakly. Dismissing a-0 ⟷ b-0 brings a-0 ⟷ b-2, better than a-1 ⟷ b-1.
    let left = [
        "Sardar Malik said the Karvani dam gates were shut on 3 May by the river authority",
        "Farmers downstream lost their crops",
    ];
    let right = [
        "Sardar Malik said the Karvani dam gates were shut on 3 May by the river authority",
        "Crops were lost by farmers this season",
        "Sardar Malik said the Karvani dam gates were shut in May",
    ];
    std::fs::write(dir.path().join("a.json"), side("a", &left).to_string()).unwrap();
    std::fs::write(dir.path().join("b.json"), side("b", &right).to_string()).unwrap();
    let mut app = open(dir.path());
    select_suggested(&mut app);
    let from = app.row;
    let Outcome::Dismiss { left, right } = keys(&mut app, &[KeyCode::Char('x')]) else {
        panic!("x asks the loop to remember the dismissal")
    };
    parallax::tui::effects::dismiss(&mut app, &left, &right);
    finish(&mut app);
    let skipped = (from..app.row)
        .filter(|&i| {
            app.rows()
                .get(i)
                .is_some_and(|r| r.kind == RowKind::Suggested)
        })
        .count();
    assert_eq!(
        skipped, 0,
        "selected row {} after dismissing row {from}",
        app.row
    );
    assert_eq!(app.current_row().map(|r| r.kind), Some(RowKind::Suggested));
}

#[test]
fn a_dismissed_suggestion_stays_dismissed_after_a_restart() {
    let dir = draft();
    let mut app = open(dir.path());
    select_suggested(&mut app);
    let pair = selected_ids(&app);
    let Outcome::Dismiss { left, right } = keys(&mut app, &[KeyCode::Char('x')]) else {
        panic!("x asks the loop to remember the dismissal")
    };
    parallax::tui::effects::dismiss(&mut app, &left, &right);
    finish(&mut app);
    assert!(!suggested_pairs(&app).contains(&pair));
    // A new session on the same folder.
    let again = open(dir.path());
    assert!(!suggested_pairs(&again).contains(&pair));
    assert!(dir.path().join(".parallax-dismissed.json").is_file());
}

#[test]
fn accepting_with_a_relation_writes_it_beside_the_point() {
    let dir = draft();
    let mut app = open(dir.path());
    select_suggested(&mut app);
    let (left, right) = selected_ids(&app);
    keys(&mut app, &[KeyCode::Char('a')]);
    assert!(screen(&app).contains("Relation  none"), "none by default");
    // ↓ steps through: left contradicts right, right contradicts left, left reframes right,
    // right reframes left, left concedes right, right concedes left.
    keys(&mut app, &[KeyCode::Down; 6]);
    let s = screen(&app);
    assert!(s.contains(&format!("↳ {right} concedes {left}")), "{s}");
    let Outcome::Link {
        left: l,
        right: r,
        question,
        relation: Some((from, kind, to)),
    } = keys(&mut app, &[KeyCode::Enter])
    else {
        panic!("Enter asks the loop to write the point and the relation")
    };
    parallax::tui::effects::link(&mut app, &l, &r, &question, Some((&from, kind, &to)));
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("Linked"), "{message}");
    let (_, reloaded) = Workspace::open(&[dir.path().to_path_buf()]).expect("reopens");
    let at = reloaded.find_claim(&right).expect("the right claim");
    let claim = reloaded.claim(at).expect("its text");
    assert_eq!(claim.relations.len(), 1);
    assert_eq!(claim.relations[0].kind.as_str(), "concedes");
    assert_eq!(claim.relations[0].to, left);
    assert!(claim.point.is_some(), "and the point, in the same write");
    let row = app
        .shown()
        .topics
        .iter()
        .flat_map(|t| &t.rows)
        .find(|row| {
            row.claims()
                .any(|c| c == reloaded.find_claim(&left).unwrap())
        })
        .expect("the row");
    assert!(
        row.claims()
            .any(|c| app.dispute.claim(c).is_some_and(|c| c.id == right))
    );
}

/// Opened by its two side files, a draft gets its manifest on the first accept: from then on the
/// screen reads that manifest, so the question typed stays on screen when the files are read
/// again (the watcher sees the write), and the other suggestions stay shown.
#[test]
fn accepting_on_side_files_opened_one_by_one_keeps_the_question_and_the_suggestions() {
    let dir = draft();
    let paths = vec![dir.path().join("alpha.json"), dir.path().join("beta.json")];
    let mut app = open_files(&paths);
    let before = suggested_pairs(&app).len();
    assert!(before >= 2, "two suggestions or more to begin with");
    select_suggested(&mut app);
    let (left, right) = selected_ids(&app);
    parallax::tui::effects::link(&mut app, &left, &right, "Was the sluice shut?", None);
    assert!(dir.path().join("dispute.json").is_file());
    // What the watcher does after the write: the files are read again, as they now are.
    parallax::tui::live::reload(&mut app);
    finish(&mut app);
    let questions: Vec<_> = app
        .shown()
        .topics
        .iter()
        .flat_map(|t| &t.rows)
        .filter_map(|r| r.question.as_deref())
        .collect();
    assert!(questions.contains(&"Was the sluice shut?"), "{questions:?}");
    assert!(common::message_starts(&app, "Linked"), "{:?}", app.message);
    assert!(app.suggest.on);
    assert_eq!(suggested_pairs(&app).len(), before - 1);
}

/// While the matcher looks for suggestions (seconds on a large dispute), the footer says so;
/// the mark goes when they are shown.
#[test]
fn the_footer_says_suggestions_are_being_found_until_they_are() {
    let dir = draft();
    let (ws, dispute) = Workspace::open(&[dir.path().to_path_buf()]).expect("opens");
    let mut app = sized(App::new(dispute, 0, 1, Theme::plain()), 120, 40);
    app.suggest.files = Some(parallax::tui::state::live::Files::of(&ws));
    let base = app.base_comparison();
    app.suggest.ask(&app.dispute, &base);
    assert!(screen(&app).contains("finding suggestions…"));
    finish(&mut app);
    assert!(!screen(&app).contains("finding suggestions…"));
}

/// After an accept the accepted claims are in view: on the bundled dispute, a suggestion that
/// joins a tall point row leaves the screen on the accepted left claim, not on the row's top.
#[test]
fn after_an_accept_the_accepted_claim_is_in_view() {
    let bundled = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/narratives/india-pakistan-2025"
    );
    let (_dir, mut app) = common::editable(bundled, 80, 24);
    keys(&mut app, &[KeyCode::Char('m')]);
    finish(&mut app);
    // Each suggested row in turn, until one whose accept lands below the top of a tall row.
    let mut seen_one = false;
    for _ in 0..3 {
        let Some((t, r)) = app
            .shown()
            .topics
            .iter()
            .enumerate()
            .find_map(|(t, topic)| {
                topic
                    .rows
                    .iter()
                    .position(|r| r.kind == RowKind::Suggested)
                    .map(|r| (t, r))
            })
        else {
            break;
        };
        app.select_topic(t);
        app.focus = parallax::tui::app::Focus::Comparison;
        app.row = r;
        keys(&mut app, &[KeyCode::Char('a')]);
        let Outcome::Link {
            left,
            right,
            question,
            relation,
        } = keys(&mut app, &[KeyCode::Enter])
        else {
            panic!("Enter asks the loop to write")
        };
        assert!(relation.is_none());
        parallax::tui::effects::link(&mut app, &left, &right, &question, None);
        finish(&mut app);
        let at = app.dispute.find_claim(&left).expect("the claim");
        let text: String = app
            .dispute
            .claim(at)
            .unwrap()
            .text
            .chars()
            .take(12)
            .collect();
        let shown = screen(&app);
        assert!(shown.contains(&text), "{left} ({text}) in view:\n{shown}");
        seen_one = true;
    }
    assert!(seen_one, "the bundled dispute has suggestions");
}

#[test]
fn a_suggested_pair_half_filtered_out_is_shown_as_the_one_claim_left() {
    // With only one party's claims kept, no suggested row keeps both its claims: each claim
    // left reads as unmatched, not as a "suggested" row that `a` and `x` then refuse.
    let dir = draft();
    let mut app = open(dir.path());
    assert!(
        !suggested_pairs(&app).is_empty(),
        "the draft has suggestions"
    );
    let left = app.dispute.sides[0].party.id.clone();
    app.query.filter.parties = vec![left];
    app.requery();
    let half: Vec<_> = app
        .shown()
        .topics
        .iter()
        .flat_map(|t| &t.rows)
        .filter(|r| r.kind == RowKind::Suggested && (r.left.is_empty() || r.right.is_empty()))
        .collect();
    assert!(half.is_empty(), "{} half suggested rows", half.len());
    assert!(suggested_pairs(&app).is_empty());
    // Nor is any row headed as a suggestion, on the screen or in an export.
    let headed = app
        .shown()
        .topics
        .iter()
        .flat_map(|t| &t.rows)
        .filter(|r| parallax::plain::row_heading(r).contains("suggested"))
        .count();
    assert_eq!(headed, 0, "rows still headed as suggested");
    assert!(!screen(&app).contains("≈ suggested"), "{}", screen(&app));
}

#[test]
fn a_filter_that_breaks_some_pairs_keeps_the_suggestions_first() {
    // LIAR's Abortion with only refuted claims kept: the claims whose pair the filter broke
    // stood alone between the suggestions left.
    let dir = tempfile::tempdir().expect("temp dir");
    let side = |party: &str, claims: &[(&str, &str)]| {
        let claims: Vec<serde_json::Value> = claims
            .iter()
            .enumerate()
            .map(|(i, (text, rating))| {
                serde_json::json!({"id": format!("{party}-{i}"), "text": text,
                    "date": "2024-05-01", "sources": ["s"],
                    "assessment": {"rating": rating, "by": "Checker", "date": "2024-06-01"}})
            })
            .collect();
        serde_json::json!({"format": "parallax/1", "dispute": "d",
            "party": {"id": party, "name": party},
            "sources": [{"id": "s", "outlet": "Gazette"}],
            "topics": [{"id": "gates", "title": "Gates", "claims": claims}]})
    };
    let pairs = [
        ("The Karvani dam gates were shut on 3 May", "refuted"),
        (
            "Farmers downstream lost their crops in the drought",
            "corroborated",
        ),
        ("The river authority raised water prices twice", "refuted"),
    ];
    std::fs::write(dir.path().join("a.json"), side("a", &pairs).to_string()).unwrap();
    let theirs: Vec<(&str, &str)> = pairs.iter().map(|(t, _)| (*t, "refuted")).collect();
    std::fs::write(dir.path().join("b.json"), side("b", &theirs).to_string()).unwrap();
    let mut app = open(dir.path());
    assert!(
        suggested_pairs(&app).len() >= 2,
        "{:?}",
        suggested_pairs(&app)
    );
    app.query.filter.ratings = vec![Some(parallax::format::Rating::Refuted)];
    app.requery();
    for t in &app.shown().topics {
        let kinds: Vec<RowKind> = t.rows.iter().map(|r| r.kind).collect();
        let first_alone = kinds.iter().position(|k| *k != RowKind::Suggested);
        let last_suggested = kinds.iter().rposition(|k| *k == RowKind::Suggested);
        if let (Some(a), Some(s)) = (first_alone, last_suggested) {
            assert!(s < a, "a suggestion after an unmatched row: {kinds:?}");
        }
    }
}

#[test]
fn swapping_sides_keeps_the_selected_suggested_pair() {
    // The pair is suggested the other way round too: once the suggestions are back after `s`,
    // the same two claims are selected, not another row.
    let dir = draft();
    let mut app = open(dir.path());
    select_suggested(&mut app);
    let pair = |app: &App| {
        app.current_row()
            .filter(|r| r.kind == RowKind::Suggested)
            .map(|r| {
                let mut claims: Vec<_> = r.claims().collect();
                claims.sort();
                claims
            })
    };
    let before = pair(&app).expect("a suggested row is selected");
    keys(&mut app, &[KeyCode::Char('s')]);
    finish(&mut app);
    assert_eq!(pair(&app), Some(before));
}

/// Right after `s`, before the matcher answers, the suggested rows are there, mirrored: the
/// header never reads every claim as one-sided, and the selection stays on its pair (on LIAR
/// it read "5684 left only" and sat on an unmatched row for a quarter second). The matcher's
/// answer then agrees.
#[test]
fn swapping_sides_shows_the_suggested_rows_at_once() {
    let dir = draft();
    let mut app = open(dir.path());
    select_suggested(&mut app);
    let before = suggested_pairs(&app);
    let selected = app.current_row().map(|r| (r.left.clone(), r.right.clone()));
    let counts = (app.counts.suggested, app.counts.both);
    keys(&mut app, &[KeyCode::Char('s')]);
    let mut mirrored: Vec<(String, String)> = suggested_pairs(&app)
        .into_iter()
        .map(|(l, r)| (r, l))
        .collect();
    let mut expected = before.clone();
    mirrored.sort();
    expected.sort();
    assert_eq!(mirrored, expected);
    assert_eq!((app.counts.suggested, app.counts.both), counts);
    assert_eq!(
        app.current_row().map(|r| (r.right.clone(), r.left.clone())),
        selected
    );
    let shown_now = suggested_pairs(&app);
    finish(&mut app);
    assert_eq!(suggested_pairs(&app), shown_now, "the matcher agrees");
}

/// Enter in the accept dialog right after `s`, before the matcher answers, waits for it and
/// says why without blaming the files (it said "after the files changed", and none had).
#[test]
fn enter_right_after_a_swap_waits_for_the_suggestions_without_blaming_the_files() {
    let dir = draft();
    let mut app = open(dir.path());
    select_suggested(&mut app);
    keys(&mut app, &[KeyCode::Char('s'), KeyCode::Char('a')]);
    assert!(app.suggest.pending, "the matcher has not answered yet");
    keys(&mut app, &[KeyCode::Enter]);
    let said = app.message.clone().unwrap_or_default();
    assert!(
        said.contains("Still looking for suggested matches"),
        "{said}"
    );
    assert!(!said.contains("files changed"), "{said}");
    assert!(
        !dir.path().join("dispute.json").exists(),
        "nothing written yet"
    );
}

/// After `x` and after accepting, the other suggested rows stay on screen while the matcher
/// looks again (at 100,000 claims every one of them went for 2.5 s, the selection on an
/// unmatched claim); the dismissed or accepted pair is gone at once, and the matcher's answer
/// then agrees.
#[test]
fn dismissing_or_accepting_keeps_the_other_suggested_rows_at_once() {
    let dir = draft();
    let mut app = open(dir.path());
    select_suggested(&mut app);
    let before = suggested_pairs(&app);
    assert!(before.len() >= 3, "{before:?}");
    let Outcome::Dismiss { left, right } = keys(&mut app, &[KeyCode::Char('x')]) else {
        panic!("x asks the loop to remember the dismissal")
    };
    parallax::tui::effects::dismiss(&mut app, &left, &right);
    assert!(app.suggest.pending, "the matcher looks again");
    let kept: Vec<(String, String)> = before
        .iter()
        .filter(|p| **p != (left.clone(), right.clone()))
        .cloned()
        .collect();
    assert_eq!(suggested_pairs(&app), kept);
    assert_eq!(app.current_row().map(|r| r.kind), Some(RowKind::Suggested));
    // `x` again before the matcher answers: the same.
    let Outcome::Dismiss {
        left: second,
        right: its,
    } = keys(&mut app, &[KeyCode::Char('x')])
    else {
        panic!("x on the suggestion kept on screen")
    };
    parallax::tui::effects::dismiss(&mut app, &second, &its);
    let kept: Vec<(String, String)> = kept
        .into_iter()
        .filter(|p| *p != (second.clone(), its.clone()))
        .collect();
    assert!(!kept.is_empty());
    assert_eq!(suggested_pairs(&app), kept);
    finish(&mut app);
    let now = suggested_pairs(&app);
    assert!(!now.contains(&(left, right)) && !now.contains(&(second, its)));
    // Accepting: the pair becomes a point row, the others stay while the matcher confirms.
    let before = suggested_pairs(&app);
    let (left, right) = before.first().cloned().expect("a suggestion left");
    select_pair_of(&mut app, &left);
    keys(&mut app, &[KeyCode::Char('a')]);
    typed(&mut app, "Who shut the water off?");
    let (l, r, question) = enter_writes(&mut app);
    assert_eq!((&l, &r), (&left, &right));
    parallax::tui::effects::link(&mut app, &l, &r, &question, None);
    assert!(app.suggest.pending, "the matcher looks again");
    let others: Vec<(String, String)> = before.iter().skip(1).cloned().collect();
    assert!(!others.is_empty());
    assert_eq!(suggested_pairs(&app), others);
    finish(&mut app);
    assert!(!suggested_pairs(&app).contains(&(left, right)));
}

/// A question with no word (`?`) asks nothing: Enter writes nothing and says what to write.
#[test]
fn the_accept_dialog_refuses_a_question_with_no_word() {
    let dir = draft();
    let mut app = accepting(dir.path());
    typed(&mut app, "?");
    enter_refuses(&mut app, "Write the question both claims answer.");
}

/// The accept dialog open on the first suggested row of the draft in `dir`.
fn accepting(dir: &Path) -> App {
    let mut app = open(dir);
    select_suggested(&mut app);
    keys(&mut app, &[KeyCode::Char('a')]);
    app
}

/// Enter in the accept dialog writes nothing, keeps the dialog and says `why`.
fn enter_refuses(app: &mut App, why: &str) {
    let outcome = keys(app, &[KeyCode::Enter]);
    assert!(!matches!(outcome, Outcome::Link { .. }), "{outcome:?}");
    assert!(app.modal().is_some(), "the dialog stays");
    assert!(screen(app).contains(why), "{}", screen(app));
}

/// A question pasted with an escape sequence (coloured terminal output) shows it as a marker and
/// is refused, as `link --question` refuses it: the paste dropped the ESC and the accept wrote
/// `Did it [1mreally[0m happen?` into the manifest.
#[test]
fn the_accept_dialog_refuses_a_pasted_escape_sequence() {
    let dir = draft();
    let mut app = accepting(dir.path());
    let paste = parallax::tui::terminal::pasted(&app, "Did it \u{1b}[1mreally\u{1b}[0m happen?");
    common::press(&mut app, &paste);
    assert!(
        screen(&app).contains("Did it ␛[1mreally␛[0m happen?"),
        "{}",
        screen(&app)
    );
    enter_refuses(&mut app, "The question holds U+001B");
}

/// On a suggested row at 80 columns the footer offers `a` and `x`, the keys that act on it
/// (they were listed only in help).
#[test]
fn the_footer_offers_accept_and_dismiss_on_a_suggested_row() {
    let dir = draft();
    let mut app = sized(open(dir.path()), 80, 24);
    select_suggested(&mut app);
    let shown = screen(&app);
    let footer = shown.lines().last().unwrap_or_default();
    assert!(
        footer.contains("a  accept") && footer.contains("x  dismiss"),
        "{footer}"
    );
    // The keys left out for room are signed, not silently gone.
    assert!(footer.contains("x  dismiss  … "), "{footer}");
}

/// At 50 columns both keys of a suggested row stay, beside help and quit: the sign that keys
/// were left out gives way first (`x dismiss` went, though the README says both stay).
#[test]
fn a_narrow_footer_keeps_accept_and_dismiss_on_a_suggested_row() {
    let dir = draft();
    for width in [50, 52, 54] {
        let mut app = sized(open(dir.path()), width, 16);
        select_suggested(&mut app);
        let shown = screen(&app);
        let footer = shown.lines().last().unwrap_or_default();
        for key in ["a  accept", "x  dismiss", "?  help", "q  quit"] {
            assert!(footer.contains(key), "{width} columns: {footer}");
        }
    }
    // A topic of 300 rows: the place on the right (`row 1/300`) gives way to them too.
    let claims: Vec<(&str, serde_json::Value)> =
        [("alpha", "was shut"), ("beta", "was never shut")]
            .into_iter()
            .flat_map(|(party, says)| {
                (1..=150).map(move |n| {
                    let text = format!("The Karvani sluice {n} {says} on day {n}.");
                    (
                        party,
                        serde_json::json!({"id": format!("{party}-{n}"), "text": text}),
                    )
                })
            })
            .collect();
    let (many, _) = common::dispute_of(&claims);
    let mut app = sized(open(many.path()), 50, 16);
    select_suggested(&mut app);
    let mut wide = sized(open(many.path()), 120, 16);
    select_suggested(&mut wide);
    let place = format!("row {}/", wide.row + 1);
    assert!(
        screen(&wide).contains(&place),
        "the place is shown where there is room: {}",
        screen(&wide)
    );
    let shown = screen(&app);
    let footer = shown.lines().last().unwrap_or_default();
    for key in ["a  accept", "x  dismiss", "?  help", "q  quit"] {
        assert!(footer.contains(key), "{footer}");
    }
    // Between, the way back gives way before the place does, not the place before it (a
    // search in force makes the place longer: `150 claims found · row 1/300`).
    for width in 50..=72 {
        let mut app = sized(open(many.path()), width, 16);
        select_suggested(&mut app);
        keys(&mut app, &[KeyCode::Char('/')]);
        typed(&mut app, "sluice");
        keys(&mut app, &[KeyCode::Esc]);
        select_suggested(&mut app);
        let shown = screen(&app);
        let footer = shown.lines().last().unwrap_or_default();
        for key in ["a  accept", "x  dismiss", "?  help", "q  quit"] {
            assert!(footer.contains(key), "{width}: {footer}");
        }
        assert!(
            footer.contains("row ") || !footer.contains("Esc"),
            "{width}: {footer}"
        );
    }
}

/// The screen opens at the top of its first topic, and stays there as the suggestions come
/// (it followed the topic's first claim to the last row, where its suggestion put it).
#[test]
fn the_first_topic_opens_at_its_first_row_once_suggested() {
    let dir = draft();
    let app = open(dir.path());
    assert_eq!((app.topic, app.row), (0, 0));
    assert_eq!(
        app.current_row().map(|r| r.kind),
        Some(RowKind::Suggested),
        "the first row is the best suggestion"
    );
}

/// `x` on the last suggestion of a topic, with unmatched rows after it, selects the suggestion
/// before it: the next thing to accept or dismiss, not an unmatched row.
#[test]
fn after_dismissing_the_last_suggestion_the_one_before_is_selected() {
    let dir = draft();
    let mut app = open(dir.path());
    select_suggested(&mut app);
    // Dismiss the first suggestion, so its claims stand unmatched after the last one.
    let Outcome::Dismiss { left, right } = keys(&mut app, &[KeyCode::Char('x')]) else {
        panic!("x asks the loop to remember the dismissal")
    };
    parallax::tui::effects::dismiss(&mut app, &left, &right);
    finish(&mut app);
    let last = app
        .rows()
        .iter()
        .rposition(|r| r.kind == RowKind::Suggested)
        .expect("a suggested row");
    assert!(
        last + 1 < app.rows().len(),
        "unmatched rows after the last suggestion"
    );
    app.row = last;
    let id = |app: &App, at| app.dispute.claim(at).unwrap().id.to_string();
    let Outcome::Dismiss { left, right } = keys(&mut app, &[KeyCode::Char('x')]) else {
        panic!("x asks the loop to remember the dismissal")
    };
    parallax::tui::effects::dismiss(&mut app, &left, &right);
    finish(&mut app);
    let row = app.current_row().expect("a row");
    assert_eq!(
        row.kind,
        RowKind::Suggested,
        "row {} of {}",
        app.row,
        app.rows().len()
    );
    assert_ne!(
        (id(&app, row.left[0]), id(&app, row.right[0])),
        (left, right)
    );
}

#[test]
fn the_bundled_dispute_says_whole_at_80_columns_that_a_dismissal_lasts_the_session() {
    let mut a = common::bundled(80, 24);
    keys(&mut a, &[KeyCode::Char('m')]);
    common::finish_suggestions(&mut a);
    let (left, _) = common::suggested_pairs(&a)
        .into_iter()
        .next()
        .expect("the bundled dispute has suggestions");
    common::select_pair_of(&mut a, &left);
    let Outcome::Dismiss { left, right } = keys(&mut a, &[KeyCode::Char('x')]) else {
        panic!("x asks the loop to remember the dismissal")
    };
    parallax::tui::effects::dismiss(&mut a, &left, &right);
    let footer = common::footer_said(&a);
    assert!(
        footer.contains("Dismissed until you quit: the bundled dispute keeps no files (u undoes)."),
        "{footer}"
    );
}

/// The screen on side files named one by one, as `parallax FILE FILE` opens them (fingerprinted,
/// then loaded), its suggestions found and the first selected; with that suggestion's left claim.
fn on_first_suggestion_of_files(paths: Vec<PathBuf>) -> (App, String) {
    use parallax::tui::state::live::{Files, Prints};
    let gathered = parallax::load::gather(&paths, parallax::load::DEFAULT_MAX_FILE);
    let prints = Prints::of(&gathered);
    let dispute = gathered.into_loaded().dispute.expect("loads");
    let files = Files::of_read(&paths, prints, &dispute);
    let mut a = sized(App::new(dispute, 0, 1, Theme::plain()), 120, 40);
    a.suggest.files = Some(files);
    a.live.paths = paths;
    finish(&mut a);
    let (left, _) = common::suggested_pairs(&a)
        .into_iter()
        .next()
        .expect("the drafts have suggestions");
    select_pair_of(&mut a, &left);
    (a, left)
}

/// Side files named from two folders have no dispute folder: `a` and `x` say so, as `link`
/// and `dismiss` do, and write nothing (`x` wrote the dismissals beside the first file, which
/// `dismiss` refuses; `a` said "the bundled dispute").
#[test]
fn a_and_x_on_side_files_from_two_folders_say_there_is_no_dispute_folder() {
    let draft = draft();
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for (folder, file) in [("one", "alpha.json"), ("two", "beta.json")] {
        std::fs::create_dir(dir.path().join(folder)).unwrap();
        let to = dir.path().join(folder).join(file);
        std::fs::copy(draft.path().join(file), &to).unwrap();
        paths.push(to);
    }
    let (mut a, _) = on_first_suggestion_of_files(paths);
    assert!(
        a.suggest
            .files
            .as_ref()
            .is_some_and(|f| f.refused.is_some())
    );
    keys(&mut a, &[KeyCode::Char('a')]);
    assert!(common::dialog(&a).is_none(), "no question to type");
    assert!(
        a.message
            .as_deref()
            .is_some_and(|m| m.contains("different folders")),
        "{:?}",
        a.message
    );
    let Outcome::Dismiss { left, right } = keys(&mut a, &[KeyCode::Char('x')]) else {
        panic!("x asks the loop to remember the dismissal")
    };
    parallax::tui::effects::dismiss(&mut a, &left, &right);
    let footer = common::footer_said(&a);
    assert!(footer.contains("different folders"), "{footer}");
    for folder in ["one", "two"] {
        assert!(
            !dir.path()
                .join(folder)
                .join(".parallax-dismissed.json")
                .exists()
        );
    }
    assert_eq!(
        common::suggested_pairs(&a).first().map(|p| &p.0),
        Some(&left)
    );
}

/// Side files named one by one beside a manifest they leave out: `a` says at once that the
/// point cannot go in (the dialog promised a new dispute.json, then Enter refused it).
#[test]
fn a_on_side_files_named_beside_a_manifest_says_so_before_the_question() {
    let dir = draft();
    let manifest = dir.path().join("dispute.json");
    std::fs::write(
        &manifest,
        "{\"format\": \"parallax/1\", \"dispute\": {\"id\": \"river\", \"title\": \"River\"}}\n",
    )
    .unwrap();
    let before = std::fs::read(&manifest).unwrap();
    let paths = vec![dir.path().join("alpha.json"), dir.path().join("beta.json")];
    let (mut a, _) = on_first_suggestion_of_files(paths);
    keys(&mut a, &[KeyCode::Char('a')]);
    assert!(common::dialog(&a).is_none(), "no question to type");
    let said = a.message.clone().unwrap_or_default();
    assert!(
        said.contains("dispute.json exists beside the side files"),
        "{said}"
    );
    assert_eq!(std::fs::read(&manifest).unwrap(), before);
}

#[test]
fn a_message_too_long_for_the_footer_is_shown_whole_above_it() {
    // `a` on the bundled dispute says at once, before any question is typed, that there is no
    // file to write to and what to do instead: more than 80 columns, so it is drawn whole over
    // the bottom of the screen.
    let mut a = common::bundled(80, 24);
    keys(&mut a, &[KeyCode::Char('m')]);
    finish(&mut a);
    let (left, _) = common::suggested_pairs(&a)
        .into_iter()
        .next()
        .expect("the bundled dispute has suggestions");
    common::select_pair_of(&mut a, &left);
    keys(&mut a, &[KeyCode::Char('a')]);
    assert!(a.modal().is_none(), "no dialog: {:?}", a.modal());
    let message = a.message.clone().expect("a message");
    assert!(message.chars().count() > 80, "{message}");
    let shown: String = common::lines(&a)
        .iter()
        .map(|l| l.trim_matches(|c: char| c == ' ' || c == '│'))
        .collect::<Vec<_>>()
        .join(" ");
    let words: String = message.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(shown.contains(&words), "{message}\n{shown}");
    assert!(message.contains("built into the program"), "{message}");
    // Its rule closes the two panes above it, each with its corners.
    let lines = common::lines(&a);
    let rule = lines
        .iter()
        .rev()
        .find(|l| l.starts_with('└'))
        .expect("a rule under the panes");
    assert!(rule.trim_end().ends_with('┘'), "{rule}");
    assert!(rule.contains("┘└"), "{rule}");
    // The next key clears it.
    keys(&mut a, &[KeyCode::Char(']')]);
    assert!(!common::screen(&a).contains("built into the program"));
}

#[test]
fn a_refused_write_keeps_the_accept_dialog_as_typed() {
    let dir = draft();
    let mut app = open(dir.path());
    select_suggested(&mut app);
    keys(&mut app, &[KeyCode::Char('a')]);
    typed(&mut app, "Was the sluice shut?");
    let Outcome::Link { left, right, .. } = keys(&mut app, &[KeyCode::Enter]) else {
        panic!("Enter asks the loop to write")
    };
    // A write the edit refuses (here a relation of a claim to its own party's claim): nothing is
    // written, the footer says why, and the question typed is still there to try again.
    let before = std::fs::read_to_string(dir.path().join("alpha.json")).unwrap();
    let relation = Some((
        left.as_str(),
        parallax::format::RelationKind::Contradicts,
        left.as_str(),
    ));
    parallax::tui::effects::link(&mut app, &left, &right, "Was the sluice shut?", relation);
    let message = app.message.clone().unwrap_or_default();
    assert!(message.starts_with("Nothing was written"), "{message}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("alpha.json")).unwrap(),
        before
    );
    let Some(parallax::tui::state::Modal::Accept(dialog)) = app.modal() else {
        panic!("the dialog stays: {message}")
    };
    assert_eq!(dialog.question.text(), "Was the sluice shut?");
}

/// At 80 columns a relation between two long ids keeps both: it wraps onto the line below.
#[test]
fn the_accept_dialog_keeps_both_ids_of_a_long_relation() {
    let mut app = common::bundled(80, 24);
    app.modals.push(parallax::tui::state::Modal::Accept(
        parallax::tui::state::accept::Accept {
            left: "in-aircraft-embassy-out-of-context".to_owned(),
            right: "pk-aircraft-five-jets-and-a-drone".to_owned(),
            question: parallax::tui::text_field::TextField::proposed("What was lost?"),
            relation: Some((true, parallax::format::RelationKind::Contradicts)),
            questions: Vec::new(),
            own: Some("What was lost?".to_owned()),
            choice: 0,
        },
    ));
    let shown = screen(&app);
    let lines: Vec<&str> = shown.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("in-aircraft-embassy-out-of-context contradicts"))
        .unwrap_or_else(|| panic!("no relation line: {shown}"));
    let both = lines[at..(at + 2).min(lines.len())].join("\n");
    assert!(both.contains("pk-aircraft-five-jets-and-a-drone"), "{both}");
}

/// A file changed on disk that no longer loads: nothing is written, the footer says where the
/// files fail, and the question typed waits in the dialog for them to be fixed.
#[test]
fn accepting_over_a_file_broken_on_disk_keeps_the_question_typed() {
    let dir = draft();
    let mut app = open(dir.path());
    select_suggested(&mut app);
    keys(&mut app, &[KeyCode::Char('a')]);
    key(
        &mut app,
        KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL),
    );
    typed(&mut app, "My careful question");
    let (left, right, question) = common::enter_writes(&mut app);
    let beta = dir.path().join("beta.json");
    let broken = std::fs::read_to_string(&beta).unwrap().replacen(
        "\"text\": \"",
        "\"text\": 7, \"was\": \"",
        1,
    );
    std::fs::write(&beta, &broken).unwrap();
    parallax::tui::effects::link(&mut app, &left, &right, &question, None);
    assert_eq!(std::fs::read_to_string(&beta).unwrap(), broken);
    let message = app.message.clone().unwrap_or_default();
    assert!(message.starts_with("Nothing was written"), "{message}");
    assert!(
        message.contains("reading the files again failed"),
        "{message}"
    );
    let Some(parallax::tui::state::Modal::Accept(kept)) = app.modal() else {
        panic!("the accept dialog is given back: {:?}", app.modal())
    };
    assert_eq!(kept.question.text(), "My careful question");
}

/// After `x` on a topic's last suggested row, the row selected next is on screen from its
/// heading (it was left scrolled, its claims' first lines above the panes).
#[test]
fn after_a_dismissal_the_selected_row_is_in_view_from_its_heading() {
    let mut app = common::bundled(80, 24);
    let press = |app: &mut App, c: char, n: usize| {
        for _ in 0..n {
            keys(app, &[KeyCode::Char(c)]);
        }
    };
    press(&mut app, 'm', 1);
    finish(&mut app);
    press(&mut app, '}', 4);
    press(&mut app, 'l', 1);
    // The aircraft topic's one suggested row, after its two point rows.
    press(&mut app, ']', 2);
    let Outcome::Dismiss { left, right } = keys(&mut app, &[KeyCode::Char('x')]) else {
        panic!("x on a suggested row: {}", screen(&app))
    };
    parallax::tui::effects::dismiss(&mut app, &left, &right);
    finish(&mut app);
    let row = app.row;
    assert!(
        app.row_start(row) >= 0,
        "row {row} starts above the panes: {}",
        screen(&app)
    );
    assert!(screen(&app).contains('▶'), "{}", screen(&app));
}

#[test]
fn m_says_whether_suggested_rows_are_now_shown_or_hidden() {
    let mut app = common::bundled(80, 24);
    assert!(
        !app.suggest.on,
        "hidden at first: the bundled sides have points"
    );
    keys(&mut app, &[KeyCode::Char('m')]);
    assert!(app.suggest.on);
    assert!(
        common::footer_said(&app).contains("Suggested rows shown"),
        "{}",
        screen(&app)
    );
    // Once they come, how many: as many as the header counts.
    common::finish_suggestions(&mut app);
    let found = app.suggested_places().len();
    assert!(found > 0);
    let said = match found {
        1 => "1 suggested row shown (≈); m hides it.".to_owned(),
        n => format!("{n} suggested rows shown (≈); m hides them."),
    };
    assert!(
        common::footer_said(&app).contains(&said),
        "{}",
        screen(&app)
    );
    keys(&mut app, &[KeyCode::Char('m')]);
    assert!(common::footer_said(&app).contains("Suggested rows hidden; m shows them"));
}

/// `m` on a dispute with nothing to suggest says so once the matcher is done, rather than
/// leaving "as they are found" in the footer for good.
#[test]
fn m_says_when_no_suggested_row_was_found() {
    let mut app = common::app_at("tests/fixtures/relations", 80, 24);
    keys(&mut app, &[KeyCode::Char('m')]);
    assert!(app.suggest.on);
    common::finish_suggestions(&mut app);
    assert!(
        common::footer_said(&app).contains("No suggested rows found; `parallax match` lists"),
        "{}",
        screen(&app)
    );
}

/// Suggestions start shown while a dispute is mostly a draft: a first accepted pair (two of ten
/// claims on a point) does not hide the rest the next time the folder is opened. The bundled
/// dispute, mostly linked, opens without them.
#[test]
fn suggestions_start_shown_until_most_claims_are_linked() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let from = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/match");
    for name in ["alpha.json", "beta.json"] {
        std::fs::copy(from.join(name), dir.path().join(name)).expect("copied");
    }
    let app = open(dir.path());
    assert!(app.suggest.on, "one point among ten claims: still a draft");
    assert!(!suggested_pairs(&app).is_empty());
    assert!(!common::bundled(80, 24).suggest.on);
}

/// `u` takes back the last dismissal made on the screen: out of the file (the rest of it as it
/// was), and the pair suggested again; with nothing dismissed here, it says it does nothing.
#[test]
fn u_brings_back_the_last_dismissed_suggestion() {
    let dir = draft();
    let file = dir.path().join(".parallax-dismissed.json");
    std::fs::write(
        &file,
        "{\n  \"format\": \"parallax-dismissed/1\",\n  \"note\": \"kept\",\n  \"dismissed\": [\n    {\"left\": \"a-people\", \"right\": \"b-opened\"}\n  ]\n}\n",
    )
    .expect("written");
    let before = std::fs::read_to_string(&file).expect("read");
    let mut app = open(dir.path());
    select_suggested(&mut app);
    let pairs = suggested_pairs(&app);
    let Outcome::Dismiss { left, right } = keys(&mut app, &[KeyCode::Char('x')]) else {
        panic!("x asks the loop to remember the dismissal")
    };
    parallax::tui::effects::dismiss(&mut app, &left, &right);
    assert!(common::footer_said(&app).contains("(u undoes)"));
    finish(&mut app);
    assert!(!suggested_pairs(&app).contains(&(left.clone(), right.clone())));
    assert!(
        std::fs::read_to_string(&file)
            .expect("read")
            .contains(&left)
    );
    undo(&mut app);
    assert!(common::footer_said(&app).contains("Dismissal undone"));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), before);
    finish(&mut app);
    assert_eq!(suggested_pairs(&app), pairs);
    // The pair brought back is selected, for another look.
    let row = app.current_row().expect("a row");
    assert_eq!(row.kind, RowKind::Suggested);
    assert_eq!(app.dispute.claim(row.left[0]).unwrap().id.as_str(), left);
    // A dismissal whose entry was deleted by hand since: `u` says so, and writes nothing.
    select_suggested(&mut app);
    let Outcome::Dismiss { left, right } = keys(&mut app, &[KeyCode::Char('x')]) else {
        panic!("x asks the loop to remember the dismissal")
    };
    parallax::tui::effects::dismiss(&mut app, &left, &right);
    std::fs::write(&file, &before).expect("the entry deleted by hand");
    undo(&mut app);
    assert!(
        common::footer_said(&app).contains("Nothing to take back"),
        "{}",
        common::footer_said(&app)
    );
    assert_eq!(std::fs::read_to_string(&file).expect("read"), before);
    finish(&mut app);
    // Nothing left to take back: the key says so and changes nothing.
    assert!(matches!(
        keys(&mut app, &[KeyCode::Char('u')]),
        Outcome::Continue
    ));
    assert!(common::footer_said(&app).contains("Nothing dismissed or accepted here to take back"));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), before);
}

/// A dismissal that made the dismissals file, taken back, takes the file away too: the folder
/// is as it was (`git status` clean), not left with an empty list nobody wrote.
#[test]
fn undoing_the_dismissal_that_made_the_file_leaves_no_file() {
    let dir = draft();
    let file = dir.path().join(".parallax-dismissed.json");
    let mut app = open(dir.path());
    select_suggested(&mut app);
    let Outcome::Dismiss { left, right } = keys(&mut app, &[KeyCode::Char('x')]) else {
        panic!("x asks the loop to remember the dismissal")
    };
    parallax::tui::effects::dismiss(&mut app, &left, &right);
    assert!(file.exists(), "x wrote the dismissal");
    undo(&mut app);
    // Said as done: the file is deleted, not "taken out of" (it said so of a file gone).
    assert!(
        common::footer_said(&app)
            .contains("Dismissal undone: .parallax-dismissed.json held only it and is deleted"),
        "{}",
        common::footer_said(&app)
    );
    assert!(!file.exists(), "the file x made is gone again");
    // A file the analyst had, emptied by an undo, stays: it is theirs.
    std::fs::write(
        &file,
        "{\"format\": \"parallax-dismissed/1\", \"dismissed\": []}\n",
    )
    .expect("written");
    finish(&mut app);
    select_suggested(&mut app);
    let Outcome::Dismiss { left, right } = keys(&mut app, &[KeyCode::Char('x')]) else {
        panic!("x asks the loop to remember the dismissal")
    };
    parallax::tui::effects::dismiss(&mut app, &left, &right);
    undo(&mut app);
    assert!(
        common::footer_said(&app).contains("Dismissal undone: taken out of"),
        "{}",
        common::footer_said(&app)
    );
    let kept = std::fs::read_to_string(&file).expect("the analyst's file stays");
    assert!(kept.contains("\"dismissed\": []"), "{kept}");
}

/// A dismissals file that does not read (a hand edit left a trailing comma, or a link to
/// nothing): `x` says why and writes nothing, rather than keep the dismissal for the session
/// only as if the dispute were the bundled one, and lose it on quitting.
#[test]
fn x_over_a_dismissals_file_that_does_not_read_says_why() {
    for broken in ["trailing comma", "dangling link"] {
        let dir = draft();
        let file = dir.path().join(".parallax-dismissed.json");
        if broken == "dangling link" {
            std::os::unix::fs::symlink(dir.path().join("nowhere.json"), &file).expect("link");
        } else {
            std::fs::write(
                &file,
                "{\"format\": \"parallax-dismissed/1\", \"dismissed\": [{\"left\": \"a\", \"right\": \"b\"},]}",
            )
            .expect("written");
        }
        let (ws, dispute) = Workspace::open(&[dir.path().to_path_buf()]).expect("opens");
        let mut app = sized(App::new(dispute, 0, 1, Theme::plain()), 120, 40);
        app.suggest.files = Some(parallax::tui::state::live::Files::of(&ws));
        let (dismissed, unread) = Dismissed::open(dir.path());
        assert!(
            unread.is_some(),
            "{broken}: the screen says the file does not read"
        );
        app.suggest.set_dismissed(dismissed);
        finish(&mut app);
        select_suggested(&mut app);
        let Outcome::Dismiss { left, right } = keys(&mut app, &[KeyCode::Char('x')]) else {
            panic!("x asks the loop to remember the dismissal")
        };
        parallax::tui::effects::dismiss(&mut app, &left, &right);
        let said = common::footer_said(&app);
        assert!(!said.contains("bundled"), "{broken}: {said}");
        assert!(
            said.contains(".parallax-dismissed.json"),
            "{broken}: the file is named: {said}"
        );
        assert!(
            suggested_pairs(&app).contains(&(left, right)),
            "{broken}: the pair is still suggested"
        );
    }
}

/// "Answered by both sides" keeps the rows the files link, never a machine's guess: with
/// suggestions shown it kept every ≈ row (2,038 claims on LIAR against the 2 the CLI's
/// `--both-sides` gives), and `m` changed what the same filter kept.
#[test]
fn answered_by_both_sides_keeps_no_suggested_row() {
    let dir = draft();
    let mut app = open(dir.path());
    assert!(!suggested_pairs(&app).is_empty());
    let claims = |app: &App| -> usize {
        app.shown()
            .topics
            .iter()
            .flat_map(|t| &t.rows)
            .map(|r| r.left.len() + r.right.len())
            .sum()
    };
    typed(&mut app, "f");
    for _ in 0..parallax::tui::state::filters::Section::ALL.len() {
        if common::panel(&app).map(|p| p.section)
            == Some(parallax::tui::state::filters::Section::Rows)
        {
            break;
        }
        keys(&mut app, &[KeyCode::Tab]);
    }
    keys(&mut app, &[KeyCode::Down, KeyCode::Char(' ')]);
    assert_eq!(
        app.query.filter.answered,
        Some(parallax::query::AnsweredBy::Both)
    );
    let panel = screen(&app);
    let line = panel
        .lines()
        .find(|l| l.contains("(•) answered by both sides"))
        .unwrap_or_default();
    assert!(
        line.trim_end_matches(['"', ' ', '│']).ends_with(" 0"),
        "the draft links no pair: {panel}"
    );
    assert!(suggested_pairs(&app).is_empty(), "no ≈ row is kept");
    let shown = claims(&app);
    keys(&mut app, &[KeyCode::Esc]);
    keys(&mut app, &[KeyCode::Char('m')]);
    assert_eq!(claims(&app), shown, "the same rows with suggestions hidden");
}

/// A folder made read-only is not written in, whoever runs the program (root may write
/// anything: `x` on the screen wrote the dismissals into a read-only dispute folder): `dismiss`
/// and `export` say how to make it writable, and nothing appears in it.
#[cfg(unix)]
#[test]
fn a_read_only_folder_is_not_written_in() {
    use std::os::unix::fs::PermissionsExt;
    let dir = draft();
    let folder = dir.path();
    let before: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    let dismiss = assert_cmd::Command::cargo_bin("parallax")
        .unwrap()
        .args(["dismiss", "a-karvani", "b-karvani"])
        .arg(folder)
        .output()
        .unwrap();
    let export = assert_cmd::Command::cargo_bin("parallax")
        .unwrap()
        .arg("export")
        .arg(folder)
        .args(["-f", "md", "-o"])
        .arg(folder.join("x.md"))
        .output()
        .unwrap();
    let after: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    let said = String::from_utf8_lossy(&dismiss.stderr);
    assert_eq!(dismiss.status.code(), Some(1), "{said}");
    assert!(said.contains("chmod u+w"), "{said}");
    let said = String::from_utf8_lossy(&export.stderr);
    assert_eq!(export.status.code(), Some(1), "{said}");
    assert!(said.contains("permission denied"), "{said}");
    assert_eq!(before, after);
}

/// `M` goes to the next suggested row wherever it is, round from the last to the first; with
/// the rows hidden it says which key shows them, and on the only one that it is.
#[test]
fn capital_m_goes_to_the_next_suggested_row_in_any_topic() {
    let mut app = common::bundled(80, 24);
    keys(&mut app, &[KeyCode::Char('M')]);
    assert!(
        common::footer_said(&app).contains("Suggested rows are hidden; m shows them."),
        "{}",
        screen(&app)
    );
    // The bundled dispute, mostly linked, has its one suggested row in a later topic.
    keys(&mut app, &[KeyCode::Char('m')]);
    common::finish_suggestions(&mut app);
    let all = app.suggested_places();
    let first = *all
        .first()
        .expect("the bundled dispute has a suggested row");
    assert!(first.0 > app.topic, "a later topic: {first:?}");
    keys(&mut app, &[KeyCode::Char('M')]);
    assert_eq!((app.topic, app.row), first, "{}", screen(&app));
    assert!(screen(&app).contains("≈ suggested"), "{}", screen(&app));
    if all.len() == 1 {
        keys(&mut app, &[KeyCode::Char('M')]);
        assert!(common::footer_said(&app).contains("This is the only suggested row."));
    }
    // A draft has several: each in turn, then round to the first.
    let dir = common::draft();
    let mut app = common::open_folder(dir.path());
    let all = app.suggested_places();
    assert!(all.len() > 1, "{all:?}");
    for &at in all
        .iter()
        .skip(usize::from(all.first() == Some(&(app.topic, app.row))))
    {
        keys(&mut app, &[KeyCode::Char('M')]);
        assert_eq!((app.topic, app.row), at);
    }
    keys(&mut app, &[KeyCode::Char('M')]);
    assert_eq!(
        Some(&(app.topic, app.row)),
        all.first(),
        "round to the first"
    );
    assert!(common::footer_said(&app).contains("Back to the first suggested row."));
}

/// A suggested row is judged by reading it in full (`Enter`): `a` and `x` work there, closing
/// it and acting on the row, as they do on the comparison (they did nothing, and said so).
#[test]
fn a_and_x_act_on_a_suggested_row_read_in_full() {
    let in_full = |app: &App| matches!(app.modal(), Some(parallax::tui::state::Modal::Detail(_)));
    let dir = draft();
    let mut app = open(dir.path());
    select_suggested(&mut app);
    keys(&mut app, &[KeyCode::Enter]);
    assert!(in_full(&app));
    keys(&mut app, &[KeyCode::Char('a')]);
    assert!(
        matches!(app.modal(), Some(parallax::tui::state::Modal::Accept(_))),
        "{}",
        screen(&app)
    );
    keys(&mut app, &[KeyCode::Esc]);
    let row = &app.rows()[app.row];
    let ids = |at: &[parallax::format::ClaimAt]| {
        app.dispute
            .claim(at[0])
            .map(|c| c.id.to_string())
            .expect("a claim")
    };
    let pair = (ids(&row.left), ids(&row.right));
    keys(&mut app, &[KeyCode::Enter]);
    let outcome = keys(&mut app, &[KeyCode::Char('x')]);
    assert_eq!(
        outcome,
        Outcome::Dismiss {
            left: pair.0,
            right: pair.1
        }
    );
    assert!(app.modal().is_none(), "{}", screen(&app));
    // On a row that is no suggestion, they are not offered there.
    let mut app = common::bundled(80, 24);
    app.focus = parallax::tui::app::Focus::Comparison;
    keys(&mut app, &[KeyCode::Enter]);
    assert!(in_full(&app));
    keys(&mut app, &[KeyCode::Char('a')]);
    assert!(in_full(&app), "{}", common::footer_said(&app));
    assert!(common::footer_said(&app).contains("Select a suggested row (≈) first"));
}

/// The selected suggested pair, accepted as the dialog writes it: its claims' ids.
fn accept_selected(app: &mut App, question: &str) -> (String, String) {
    keys(app, &[KeyCode::Char('a')]);
    typed(app, question);
    let (left, right, question) = common::enter_writes(app);
    parallax::tui::effects::link(app, &left, &right, &question, None);
    (left, right)
}

/// An accept made by mistake is taken back with `u`: every file is as it was before, byte for
/// byte (the manifest the accept made is gone again), and the pair is suggested and selected
/// again. `u` takes back the last thing done first: the accept, then the dismissal before it.
#[test]
fn u_takes_back_an_accept_and_the_files_are_as_they_were() {
    let dir = draft();
    let read = |name: &str| std::fs::read(dir.path().join(name)).ok();
    let (alpha, beta) = (read("alpha.json"), read("beta.json"));
    let mut app = open(dir.path());
    select_suggested(&mut app);
    let pairs = suggested_pairs(&app);
    let Outcome::Dismiss { left, right } = keys(&mut app, &[KeyCode::Char('x')]) else {
        panic!("x asks the loop to remember the dismissal")
    };
    parallax::tui::effects::dismiss(&mut app, &left, &right);
    let dismissed = (left, right);
    finish(&mut app);
    select_suggested(&mut app);
    let accepted = accept_selected(&mut app, "Was the Karvani sluice shut?");
    assert!(read("dispute.json").is_some(), "the accept made a manifest");
    assert_ne!(read("alpha.json"), alpha);
    let said = common::footer_said(&app);
    assert!(said.contains("(u undoes)"), "{said}");
    finish(&mut app);
    assert!(!suggested_pairs(&app).contains(&accepted));
    undo(&mut app);
    let said = common::footer_said(&app);
    assert!(said.contains("Accept undone"), "{said}");
    assert!(
        said.contains("dispute.json, which it made, is deleted"),
        "{said}"
    );
    assert_eq!(read("alpha.json"), alpha);
    assert_eq!(read("beta.json"), beta);
    assert_eq!(read("dispute.json"), None);
    finish(&mut app);
    // The pair is a suggestion again, and selected, to accept it as it should have been.
    assert!(suggested_pairs(&app).contains(&accepted));
    let row = app.current_row().expect("a row");
    assert_eq!(row.kind, RowKind::Suggested);
    assert_eq!(
        app.dispute.claim(row.left[0]).unwrap().id.as_str(),
        accepted.0
    );
    // Then the dismissal before it.
    undo(&mut app);
    assert!(common::footer_said(&app).contains("Dismissal undone"));
    finish(&mut app);
    assert!(suggested_pairs(&app).contains(&dismissed));
    assert_eq!(suggested_pairs(&app), pairs);
    assert_eq!(read(".parallax-dismissed.json"), None);
}

/// An accept whose file was edited since (in an editor, or by another link) is not taken back:
/// the edit is never written over, and the footer says what to do instead.
#[test]
fn u_does_not_take_back_an_accept_over_a_file_edited_since() {
    // Whether or not the screen has read the edit yet (the watcher reloads it).
    for seen in [false, true] {
        edited_since_the_accept(seen);
    }
}

fn edited_since_the_accept(seen: bool) {
    let dir = draft();
    let mut app = open(dir.path());
    select_suggested(&mut app);
    accept_selected(&mut app, "Was the Karvani sluice shut?");
    finish(&mut app);
    let beta = dir.path().join("beta.json");
    let accepted = std::fs::read_to_string(&beta).unwrap();
    let edited = accepted.replace("invents a crisis", "invents a crisis again");
    std::fs::write(&beta, &edited).unwrap();
    let manifest = std::fs::read(dir.path().join("dispute.json")).unwrap();
    let alpha = std::fs::read(dir.path().join("alpha.json")).unwrap();
    if seen {
        parallax::tui::live::reload(&mut app);
        finish(&mut app);
    }
    undo(&mut app);
    let said = common::footer_said(&app);
    assert!(said.contains("Nothing was taken back"), "{said}");
    assert!(
        said.contains("beta.json changed on disk since the accept"),
        "{said}"
    );
    // Every file the accept wrote is named: the point must come out of each.
    for name in ["alpha.json", "beta.json", "dispute.json"] {
        assert!(said.contains(name), "{name}: {said}");
    }
    assert_eq!(std::fs::read_to_string(&beta).unwrap(), edited);
    assert_eq!(std::fs::read(dir.path().join("alpha.json")).unwrap(), alpha);
    assert_eq!(
        std::fs::read(dir.path().join("dispute.json")).unwrap(),
        manifest
    );
    // The screen shows the files as they are now.
    let at = app.dispute.find_claim("b-karvani").unwrap();
    assert!(app.dispute.claim(at).unwrap().text.contains("crisis again"));
    // The accept is still the next to take back: with the edit put back, `u` takes it back.
    std::fs::write(&beta, &accepted).unwrap();
    parallax::tui::live::reload(&mut app);
    finish(&mut app);
    undo(&mut app);
    let said = common::footer_said(&app);
    assert!(said.contains("Accept undone"), "{said}");
    assert!(!dir.path().join("dispute.json").exists());
}

/// A folder opened: the accept made a manifest in it, and the screen reads the folder as
/// given, so advice names it as typed (it named `…/dispute.json`, a path never typed); the
/// folder reads the manifest, and after `u` the side files alone.
#[test]
fn an_accept_in_a_folder_keeps_the_folder_as_given() {
    let dir = draft();
    let paths = vec![dir.path().to_path_buf()];
    let mut app = open_files(&paths);
    select_suggested(&mut app);
    accept_selected(&mut app, "Was the sluice shut?");
    assert!(dir.path().join("dispute.json").exists());
    assert_eq!(app.live.paths, paths);
    parallax::tui::live::reload(&mut app);
    finish(&mut app);
    assert!(
        app.dispute.sides.iter().any(|s| s
            .topics
            .iter()
            .any(|t| t.claims.iter().any(|c| c.point.is_some()))),
        "the folder read the point the accept wrote"
    );
    undo(&mut app);
    assert!(!dir.path().join("dispute.json").exists());
    assert_eq!(app.live.paths, paths);
}

/// Side files opened one by one: the accept made a manifest, which the screen then opened the
/// dispute by; taken back, the manifest is gone and the screen reads the two files again, so a
/// second accept writes beside them as the first did.
#[test]
fn u_takes_back_an_accept_on_side_files_opened_one_by_one() {
    let dir = draft();
    let paths = vec![dir.path().join("alpha.json"), dir.path().join("beta.json")];
    let mut app = open_files(&paths);
    let alpha = std::fs::read(&paths[0]).unwrap();
    select_suggested(&mut app);
    accept_selected(&mut app, "Was the sluice shut?");
    assert_eq!(app.live.paths, vec![dir.path().join("dispute.json")]);
    parallax::tui::live::reload(&mut app);
    finish(&mut app);
    undo(&mut app);
    let said = common::footer_said(&app);
    assert!(said.contains("Accept undone"), "{said}");
    assert!(!dir.path().join("dispute.json").exists());
    assert_eq!(std::fs::read(&paths[0]).unwrap(), alpha);
    assert_eq!(app.live.paths, paths);
    // The watcher's reload after the write finds the files as the screen shows them.
    parallax::tui::live::reload(&mut app);
    finish(&mut app);
    select_suggested(&mut app);
    accept_selected(&mut app, "Was the sluice shut?");
    let said = app.message.clone().unwrap_or_default();
    assert!(said.starts_with("Linked"), "{said}");
    assert!(dir.path().join("dispute.json").is_file());
}

/// `Tab` in the accept dialog steps through the questions the topic's points ask, so a pair the
/// matcher did not see answer one joins its point without the question retyped exactly;
/// `Shift-Tab` steps back, and what was typed comes back in its place.
#[test]
fn tab_in_the_accept_dialog_offers_the_topics_questions() {
    let dir = draft_with_manifest();
    let mut app = open(dir.path());
    select_suggested(&mut app);
    // A pair that answers no question of the manifest: the dialog opens on the placeholder.
    while app.current_row().is_some_and(|r| {
        let l = app.dispute.claim(r.left[0]).unwrap().id.as_str();
        r.kind != RowKind::Suggested || l != "a-karvani"
    }) {
        app.row += 1;
    }
    keys(&mut app, &[KeyCode::Char('a')]);
    let question = |app: &App| match app.modal() {
        Some(parallax::tui::state::Modal::Accept(a)) => a.question.text().to_owned(),
        other => panic!("the accept dialog: {other:?}"),
    };
    assert_eq!(question(&app), parallax::edit::DEFAULT_QUESTION);
    typed(&mut app, "Was the sluice shut?");
    keys(&mut app, &[KeyCode::Tab]);
    assert_eq!(question(&app), "Who closed the dam gates first?");
    // The dialog says Enter joins that point.
    let shown = screen(&app);
    assert!(shown.contains("Both join point `who-closed`"), "{shown}");
    // Round to what was typed, then back.
    keys(&mut app, &[KeyCode::Tab]);
    assert_eq!(question(&app), "Was the sluice shut?");
    keys(&mut app, &[KeyCode::BackTab]);
    assert_eq!(question(&app), "Who closed the dam gates first?");
    let (left, right, question) = common::enter_writes(&mut app);
    parallax::tui::effects::link(&mut app, &left, &right, &question, None);
    let alpha = std::fs::read_to_string(dir.path().join("alpha.json")).unwrap();
    assert!(alpha.contains("\"point\": \"who-closed\""), "{alpha}");
    let said = app.message.clone().unwrap_or_default();
    assert!(said.contains("who-closed"), "{said}");
}

/// The topic list counts each topic's suggested rows (`≈2`), so where they are shows before `M`
/// goes there; hidden (`m`), the count goes too.
#[test]
fn the_topic_list_counts_each_topics_suggested_rows() {
    let dir = draft();
    let mut app = open(dir.path());
    let n = app
        .shown()
        .topics
        .first()
        .expect("a topic")
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Suggested)
        .count();
    assert!(n > 0, "the draft's first topic has suggested rows");
    // The first topic's counts: the first line of the list's column that has them.
    let counts = |app: &App| -> String {
        screen(app)
            .lines()
            .filter_map(|l| l.split('│').nth(1))
            .find(|cell| cell.contains('⟷'))
            .expect("the first topic's counts")
            .to_owned()
    };
    assert!(counts(&app).contains(&format!("≈{n}")), "{}", counts(&app));
    keys(&mut app, &[KeyCode::Char('m')]);
    assert!(!counts(&app).contains('≈'), "{}", counts(&app));
}

/// Presses `u`, which asks the event loop to take the last dismissal or accept back, and does
/// what the loop does with it.
fn undo(app: &mut App) {
    let Outcome::Undo = keys(app, &[KeyCode::Char('u')]) else {
        panic!("u asks the loop to take the last change back")
    };
    parallax::tui::effects::undo(app);
}

/// The footer offers `a` only where accepting can write: on the bundled dispute (no file) it
/// always refused, and is left out there, `x` still offered; a row in full of a suggested row
/// offers `a` and `x`, which work there, as the comparison does.
#[test]
fn the_footer_offers_accept_where_it_can_write_and_in_a_row_in_full() {
    let footer = |app: &App| screen(app).lines().last().unwrap_or_default().to_owned();
    let dir = draft();
    let mut app = open(dir.path());
    select_suggested(&mut app);
    let said = footer(&app);
    assert!(
        said.contains("a  accept") && said.contains("x  dismiss"),
        "{said}"
    );
    keys(&mut app, &[KeyCode::Enter]);
    assert!(app.detail().is_some(), "the row in full");
    let said = footer(&app);
    assert!(
        said.contains("a  accept") && said.contains("x  dismiss"),
        "{said}"
    );
    // Without files, as the bundled dispute is: `a` says why, and the footer does not offer it.
    app.suggest.files = None;
    let said = footer(&app);
    assert!(
        !said.contains("accept") && said.contains("x  dismiss"),
        "{said}"
    );
    keys(&mut app, &[KeyCode::Esc]);
    let said = footer(&app);
    assert!(
        !said.contains("accept") && said.contains("x  dismiss"),
        "{said}"
    );
    keys(&mut app, &[KeyCode::Char('a')]);
    let said = common::footer_said(&app);
    assert!(said.contains("bundled dispute"), "{said}");
}

/// Accepting a pair whose claims are both rated corroborated makes a row of common ground
/// (≡): the dialog says so before it writes, and not once a contradiction is chosen with it
/// (on LIAR the row turned ≡ unannounced).
#[test]
fn the_accept_dialog_says_when_the_row_will_be_common_ground() {
    let rated = serde_json::json!({"rating": "corroborated"});
    let (dir, _) = common::dispute_of(&[
        (
            "a",
            serde_json::json!({"id": "a1", "text": "Beta shut the Karvani sluice at Tembla on 3 March.", "assessment": rated}),
        ),
        (
            "b",
            serde_json::json!({"id": "b1", "text": "The Karvani sluice at Tembla was shut on 3 March.", "assessment": rated}),
        ),
    ]);
    let mut app = open(dir.path());
    app.focus = parallax::tui::app::Focus::Comparison;
    app.row = app
        .rows()
        .iter()
        .position(|r| r.kind == RowKind::Suggested)
        .expect("a suggested row");
    keys(&mut app, &[KeyCode::Char('a')]);
    let said = |app: &parallax::tui::App| {
        let shown = common::lines(app).join(" ").replace('│', " ");
        shown.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    assert!(
        said(&app).contains("The row will show as ≡ common ground"),
        "{}",
        screen(&app)
    );
    // On the smallest screen the warning stays, with the question typed and the relation;
    // the ids, the blank line and the rest of what Enter writes give way (the whole of it went).
    let mut small = common::sized(app, 50, 12);
    let shown = said(&small);
    assert!(
        shown.contains("The row will show as ≡ common ground"),
        "{}",
        screen(&small)
    );
    assert!(shown.contains("Question"), "{}", screen(&small));
    assert!(shown.contains("Relation"), "{}", screen(&small));
    // The cursor stays on the question's line, wherever that line now is.
    let mut terminal = common::render(&small);
    let cursor = terminal.get_cursor_position().expect("a cursor");
    let row = common::lines(&small)
        .iter()
        .position(|l| l.contains("Question"))
        .expect("the question's line");
    assert_eq!(usize::from(cursor.y), row, "{}", screen(&small));
    // Left contradicts right: the sides do not agree in the row.
    let mut app = common::sized(small, 80, 24);
    keys(&mut app, &[KeyCode::Down]);
    assert!(!said(&app).contains("common ground"), "{}", screen(&app));
    small = common::sized(app, 50, 12);
    assert!(
        !said(&small).contains("common ground"),
        "{}",
        screen(&small)
    );
}

/// The keys a script gives the event loop: `now`, all waiting at once (a burst typed ahead),
/// then `later`, one at a time; Ctrl-C when both are done.
struct Script {
    now: std::collections::VecDeque<ratatui::crossterm::event::Event>,
    later: std::collections::VecDeque<ratatui::crossterm::event::Event>,
}

impl parallax::tui::terminal::Host for Script {
    fn read(&mut self) -> std::io::Result<ratatui::crossterm::event::Event> {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        Ok(self
            .now
            .pop_front()
            .or_else(|| self.later.pop_front())
            .unwrap_or(ratatui::crossterm::event::Event::Key(ctrl_c)))
    }
    fn pending(&mut self) -> std::io::Result<bool> {
        Ok(!self.now.is_empty())
    }
    fn suspend(&mut self) -> std::io::Result<()> {
        Ok(())
    }
    fn copy(&mut self, _: &str) -> std::io::Result<()> {
        Ok(())
    }
}

/// Keys pressed while an accept writes the files are dropped, not acted on a pair the analyst
/// has not seen yet (an `x` typed behind `Enter` dismissed the next suggested pair), and the
/// footer says so.
#[test]
fn keys_pressed_while_an_accept_writes_are_dropped() {
    use ratatui::crossterm::event::Event;
    let dir = draft();
    let mut app = open(dir.path());
    let pairs = suggested_pairs(&app);
    select_pair_of(&mut app, &pairs[0].0);
    let press = |code: KeyCode, mods: KeyModifiers| Event::Key(KeyEvent::new(code, mods));
    let mut now: std::collections::VecDeque<Event> = [
        press(KeyCode::Char('a'), KeyModifiers::NONE),
        press(KeyCode::Char('u'), KeyModifiers::CONTROL),
    ]
    .into_iter()
    .collect();
    now.extend(
        "Who shut it?"
            .chars()
            .map(|c| press(KeyCode::Char(c), KeyModifiers::NONE)),
    );
    now.push_back(press(KeyCode::Enter, KeyModifiers::NONE));
    now.push_back(press(KeyCode::Char('x'), KeyModifiers::NONE));
    let mut host = Script {
        now,
        later: Default::default(),
    };
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).expect("terminal");
    parallax::tui::terminal::event_loop(&mut terminal, &mut app, &mut host).expect("quits");
    assert!(dir.path().join("dispute.json").exists(), "the accept wrote");
    assert!(
        !dir.path().join(".parallax-dismissed.json").exists(),
        "the x typed during the write dismissed nothing"
    );
    // The last screen drawn, before the Ctrl-C that ended the script.
    let drawn: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect::<String>();
    let said = drawn.split_whitespace().collect::<Vec<_>>().join(" ");
    // Said after the accept's own message, each a sentence of its own.
    assert!(
        said.contains("(u undoes). A key pressed while writing was ignored."),
        "{said}"
    );
}
