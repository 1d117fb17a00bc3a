//! Live reload and `E`: the real event loop, on a copy of a fixture folder, sees a file changed
//! by another program (a real file-change event through the watcher), reloads, and keeps the
//! selection; a file broken on disk keeps the last good dispute and shows the problems panel,
//! which goes once the file is fixed. `E` asks for the selected claim's file at its line.

mod common;

use common::{editable, keys, lines, press, rewrite, run_while};
use parallax::tui::state::Modal;
use parallax::tui::{Action, App, Outcome};
use ratatui::crossterm::event::KeyCode;

const FIXTURE: &str = "tests/fixtures/tui/sample";

fn selected_claim_id(app: &App) -> Option<String> {
    let at = app.current_row()?.claims().next()?;
    Some(app.dispute.claim(at)?.id.to_string())
}

/// The problems panel open on the screen, as it stands.
fn problems_panel(app: &App) -> parallax::tui::state::reload::Problems {
    app.modals
        .iter()
        .find_map(|m| match m {
            Modal::Reload(p) => Some(p.clone()),
            _ => None,
        })
        .expect("the problems panel is open")
}

#[test]
fn a_file_changed_on_disk_reloads_the_screen_and_keeps_the_selection() {
    let (dir, mut app) = editable(FIXTURE, 100, 30);
    // The second row of the first topic, in the comparison.
    press(&mut app, &[Action::FocusComparison, Action::Down]);
    let before = (app.topic, app.row, selected_claim_id(&app));
    assert_eq!(before.2.as_deref(), Some("a-treaty"));
    treaty_to_2040(&mut app, dir.path().join("alpha.json"));
    assert_eq!((app.topic, app.row, selected_claim_id(&app)), before);
    assert!(
        lines(&app).iter().any(|l| l.contains("until 2040")),
        "the screen shows the new text"
    );
}

/// A manifest that keeps its sides in a folder of their own (`"sides": ["parts/alpha.json"]`):
/// a side changed there reloads the screen too (only the manifest's folder was watched).
#[test]
fn a_side_file_in_a_folder_of_its_own_is_watched_too() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::create_dir(dir.path().join("parts")).expect("a folder");
    for side in ["alpha.json", "beta.json", "gamma.json"] {
        std::fs::copy(
            format!("{FIXTURE}/{side}"),
            dir.path().join("parts").join(side),
        )
        .expect("copied");
    }
    let manifest = std::fs::read_to_string(format!("{FIXTURE}/dispute.json"))
        .expect("the manifest")
        .replace(
            r#""sides": ["alpha.json", "beta.json", "gamma.json"]"#,
            r#""sides": ["parts/alpha.json", "parts/beta.json", "parts/gamma.json"]"#,
        );
    std::fs::write(dir.path().join("dispute.json"), manifest).expect("written");
    let app = common::open_folder(dir.path());
    let mut app = common::sized(app, 100, 30);
    treaty_to_2040(&mut app, dir.path().join("parts").join("alpha.json"));
}

/// Rewrites the treaty's year in `alpha` while the event loop runs; asserts the dispute was
/// reloaded from the changed file.
fn treaty_to_2040(app: &mut App, alpha: std::path::PathBuf) {
    run_while(app, move || write_2040(&alpha));
    assert_treaty_says_2040(app, "the dispute was reloaded from the changed file");
}

/// Saves the treaty's year as 2040 in `alpha`, as an editor would.
fn write_2040(alpha: &std::path::Path) {
    rewrite(
        alpha,
        "binds both sides until 2030",
        "binds both sides until 2040",
    );
}

/// Asserts the dispute on screen holds the treaty's new year (see [`write_2040`]).
fn assert_treaty_says_2040(app: &App, why: &str) {
    let claim = app
        .dispute
        .find_claim("a-treaty")
        .and_then(|at| app.dispute.claim(at));
    assert!(claim.is_some_and(|c| c.text.contains("2040")), "{why}");
}

/// Copies every file of folder `from` into folder `to`.
fn copy_files(from: &std::path::Path, to: &std::path::Path) {
    for entry in std::fs::read_dir(from).expect("the folder") {
        let path = entry.expect("an entry").path();
        std::fs::copy(&path, to.join(path.file_name().expect("a name"))).expect("copied");
    }
}

/// The dispute's folder deleted and put back (`git checkout` of another branch and back, a
/// copy restored) is watched again: its watch went with the folder, and no later change
/// reloaded the screen.
#[test]
fn a_folder_deleted_and_put_back_is_watched_again() {
    let (dir, mut app) = editable(FIXTURE, 100, 30);
    let folder = dir.path().to_path_buf();
    let keep = tempfile::tempdir().expect("a folder for the copy");
    let copy = keep.path().to_path_buf();
    run_while(&mut app, move || {
        copy_files(&folder, &copy);
        std::fs::remove_dir_all(&folder).expect("deleted");
        std::thread::sleep(std::time::Duration::from_millis(150));
        std::fs::create_dir(&folder).expect("made again");
        copy_files(&copy, &folder);
        std::thread::sleep(std::time::Duration::from_millis(150));
        write_2040(&folder.join("alpha.json"));
    });
    assert_treaty_says_2040(&app, "the change after the folder came back was read");
    assert!(app.live.broken.is_empty());
}

/// A broken file put back byte for byte (`git checkout`, an editor's undo) after the problems
/// panel was closed: the files load as shown, and the mark goes.
#[test]
fn a_broken_file_put_back_as_it_was_clears_the_mark() {
    let (dir, mut app) = editable(FIXTURE, 100, 30);
    let alpha = dir.path().join("alpha.json");
    let good = std::fs::read(&alpha).expect("readable");
    let broken = alpha.clone();
    run_while(&mut app, move || {
        rewrite(&broken, "\"id\": \"a-treaty\"", "\"id\": 7")
    });
    assert!(
        app.modals.iter().any(|m| matches!(m, Modal::Reload(_))),
        "{}",
        lines(&app).join("\n")
    );
    press(&mut app, &[Action::Back]);
    assert!(lines(&app).join("\n").contains("files on disk do not load"));
    run_while(&mut app, move || {
        std::fs::write(&alpha, good).expect("written")
    });
    let screen = lines(&app).join("\n");
    assert!(!screen.contains("do not load"), "{screen}");
}

/// A broken file put back byte for byte says so in the footer, whether the problems panel was
/// closed first or is still open (then it said the files had changed on disk, as if new).
#[test]
fn a_broken_file_put_back_says_it_is_back_with_the_panel_open_or_not() {
    for close_first in [true, false] {
        let (dir, mut app) = editable(FIXTURE, 100, 30);
        let alpha = dir.path().join("alpha.json");
        let good = std::fs::read(&alpha).expect("readable");
        rewrite(&alpha, "\"id\": \"a-treaty\"", "\"id\": 7");
        parallax::tui::live::reload(&mut app);
        assert!(app.modals.iter().any(|m| matches!(m, Modal::Reload(_))));
        if close_first {
            press(&mut app, &[Action::Back]);
        }
        std::fs::write(&alpha, good).expect("written");
        parallax::tui::live::reload(&mut app);
        assert!(!app.modals.iter().any(|m| matches!(m, Modal::Reload(_))));
        assert!(app.live.broken.is_empty());
        let said = common::footer_said(&app);
        assert!(
            said.contains("The files on disk load again: they are back to what is shown."),
            "closed first: {close_first}: {said}"
        );
    }
}

#[test]
fn a_broken_file_keeps_the_last_good_state_and_shows_where_until_it_is_fixed() {
    let (dir, mut app) = editable(FIXTURE, 100, 30);
    press(&mut app, &[Action::FocusComparison, Action::Down]);
    let alpha = dir.path().join("alpha.json");
    let good = std::fs::read_to_string(&alpha).expect("readable");
    let broken = alpha.clone();
    run_while(&mut app, move || {
        rewrite(&broken, "\"id\": \"a-treaty\"", "\"id\": 7")
    });
    let problems = problems_panel(&app);
    let first = problems.problems.first().expect("a problem");
    assert_eq!(first.file, alpha);
    assert_eq!(first.line, Some(20), "{}", first.text);
    assert!(first.text.contains("alpha.json:20"), "{}", first.text);
    // The last good dispute stays, selection and all.
    assert_eq!(selected_claim_id(&app).as_deref(), Some("a-treaty"));
    let screen = lines(&app).join("\n");
    assert!(screen.contains("The files do not load"), "{screen}");
    assert!(screen.contains("alpha.json:20"), "{screen}");
    assert!(
        screen.contains("2. Is the treaty still in force?"),
        "{screen}"
    );
    // Closed, the panel leaves a mark in the header: what is shown is not what is on disk.
    press(&mut app, &[Action::Back]);
    let screen = lines(&app).join("\n");
    assert!(!screen.contains("The files do not load"), "{screen}");
    assert!(screen.contains("files on disk do not load"), "{screen}");

    let fixed = alpha.clone();
    run_while(&mut app, move || {
        std::fs::write(&fixed, good.replace("2030", "2035")).expect("written")
    });
    assert!(
        !app.modals.iter().any(|m| matches!(m, Modal::Reload(_))),
        "the panel closes once the files load"
    );
    assert_eq!(selected_claim_id(&app).as_deref(), Some("a-treaty"));
    assert!(lines(&app).iter().any(|l| l.contains("until 2035")));
    assert!(
        !lines(&app).iter().any(|l| l.contains("do not load")),
        "the mark goes once the files load"
    );
}

/// The problems panel closed with `Esc` comes back with `!`, as the header's mark says, on the
/// same problems; once the files load, `!` says there is nothing to show.
#[test]
fn the_problems_panel_closed_comes_back_with_its_key() {
    let (dir, mut app) = editable(FIXTURE, 100, 30);
    let alpha = dir.path().join("alpha.json");
    let good = std::fs::read(&alpha).expect("readable");
    rewrite(&alpha, "\"id\": \"a-treaty\"", "\"id\": 7");
    parallax::tui::live::reload(&mut app);
    let shown = problems_panel(&app);
    press(&mut app, &[Action::Down, Action::Back]);
    let screen = lines(&app).join("\n");
    assert!(
        screen.contains("files on disk do not load: last good state (! shows why)"),
        "{screen}"
    );
    keys(&mut app, &[KeyCode::Char('!')]);
    assert_eq!(problems_panel(&app).problems, shown.problems);
    assert!(lines(&app).join("\n").contains("alpha.json:20"));
    press(&mut app, &[Action::Back]);
    std::fs::write(&alpha, good).expect("written");
    parallax::tui::live::reload(&mut app);
    keys(&mut app, &[KeyCode::Char('!')]);
    assert!(!app.modals.iter().any(|m| matches!(m, Modal::Reload(_))));
    assert!(
        common::footer_said(&app).contains("No problems to show"),
        "{}",
        common::footer_said(&app)
    );
}

#[test]
fn a_save_that_changes_no_byte_reloads_nothing() {
    let (dir, mut app) = editable(FIXTURE, 100, 30);
    let alpha = dir.path().join("alpha.json");
    run_while(&mut app, move || rewrite(&alpha, "2030", "2030"));
    assert_eq!(app.message, None, "nothing changed, nothing is said");
    // A third side that breaks keeps the screen as it was, though two sides would still load.
    let gamma = dir.path().join("gamma.json");
    assert!(gamma.exists(), "the fixture has a third side");
    run_while(&mut app, move || rewrite(&gamma, "\"format\"", "\"formt\""));
    assert!(
        app.modals.iter().any(|m| matches!(m, Modal::Reload(_))),
        "the problems panel is open"
    );
    assert_eq!(app.dispute.sides.len(), 3, "the last good dispute stays");
}

/// The file `E` asks for and the line the event loop opens it at, found in the file as it is
/// when the editor starts (update reads no file).
fn editor_at(app: &App, outcome: Outcome) -> (std::path::PathBuf, Option<usize>) {
    let Outcome::Editor { file, at } = outcome else {
        panic!("E asks for the editor, not {outcome:?}");
    };
    let line = parallax::tui::live::editor_line(app, &file, &at).expect("the file is readable");
    (file, line)
}

/// The text of `file`'s 1-based `line`, or nothing.
fn line_text(file: &std::path::Path, line: Option<usize>) -> String {
    let text = std::fs::read_to_string(file).expect("readable");
    line.and_then(|l| text.lines().nth(l.checked_sub(1)?))
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn e_asks_for_the_selected_claims_file_at_its_line() {
    let (dir, mut app) = editable(FIXTURE, 100, 30);
    press(&mut app, &[Action::FocusComparison, Action::Down]);
    let outcome = keys(&mut app, &[KeyCode::Char('E')]);
    let (file, line) = editor_at(&app, outcome);
    assert_eq!(file, dir.path().join("alpha.json"));
    let at = line_text(&file, line);
    assert!(at.contains("\"a-treaty\""), "line {line:?} is {at}");
    // In a row in full, the claim under the cursor: in the first row, the right side's, second.
    keys(&mut app, &[KeyCode::Up, KeyCode::Enter, KeyCode::Down]);
    let outcome = keys(&mut app, &[KeyCode::Char('E')]);
    let (file, line) = editor_at(&app, outcome);
    assert_eq!(file, dir.path().join("beta.json"));
    let at = line_text(&file, line);
    assert!(at.contains("\"b-cut\""), "line {line:?} is {at}");
}

/// The line is found when the editor starts, in the file as it is then: a claim moved down by
/// an edit made between the key and the editor's start is still found.
#[test]
fn e_finds_the_claims_line_in_the_file_as_it_is_when_the_editor_starts() {
    let (dir, mut app) = editable(FIXTURE, 100, 30);
    press(&mut app, &[Action::FocusComparison, Action::Down]);
    let outcome = keys(&mut app, &[KeyCode::Char('E')]);
    let alpha = dir.path().join("alpha.json");
    let text = std::fs::read_to_string(&alpha).expect("readable");
    std::fs::write(&alpha, format!("\n\n\n{text}")).expect("written");
    let (file, line) = editor_at(&app, outcome);
    let at = line_text(&file, line);
    assert!(at.contains("\"a-treaty\""), "line {line:?} is {at}");
}

/// A side file that begins with a byte-order mark (as Notepad saves it) is opened at the
/// claim's line too: the editor was given the file alone, and opened it at the top.
#[test]
fn e_finds_the_claims_line_in_a_file_with_a_byte_order_mark() {
    let (dir, mut app) = editable(FIXTURE, 100, 30);
    let alpha = dir.path().join("alpha.json");
    let text = std::fs::read_to_string(&alpha).expect("readable");
    std::fs::write(&alpha, format!("\u{feff}{text}")).expect("written");
    press(&mut app, &[Action::FocusComparison, Action::Down]);
    let outcome = keys(&mut app, &[KeyCode::Char('E')]);
    let (file, line) = editor_at(&app, outcome);
    assert_eq!(file, alpha);
    let at = line_text(&file, line);
    assert!(at.contains("\"a-treaty\""), "line {line:?} is {at}");
}

#[test]
fn e_on_the_bundled_dispute_says_it_has_no_file() {
    let mut app = common::bundled(100, 30);
    press(&mut app, &[Action::FocusComparison]);
    assert_eq!(keys(&mut app, &[KeyCode::Char('E')]), Outcome::Continue);
    let footer = common::footer_said(&app);
    assert!(footer.contains("bundled dispute"), "{footer}");
}

#[test]
fn readme_lists_the_problems_panels_keys() {
    common::readme_has_table(
        "problems panel",
        parallax::tui::modal::reload::update::BINDINGS,
    );
}

#[test]
fn a_reload_keeps_to_the_max_file_size_the_screen_was_opened_with() {
    let (dir, mut app) = editable(FIXTURE, 100, 30);
    let alpha = dir.path().join("alpha.json");
    let size = std::fs::metadata(&alpha).expect("the file").len();
    // As `--max-file-size` given at start: the file as it is fits, a longer one does not.
    app.live.max_file = size + 10;
    let before = selected_claim_id(&app);
    let grown = alpha.clone();
    run_while(&mut app, move || {
        rewrite(
            &grown,
            "binds both sides until 2030",
            "binds both sides until 2030 and for a good many years after that",
        )
    });
    let problems = problems_panel(&app);
    let first = problems.problems.first().expect("a problem");
    assert_eq!(first.file, alpha, "{}", first.text);
    assert!(first.text.contains("max-file-size"), "{}", first.text);
    // The last good dispute stays.
    assert_eq!(selected_claim_id(&app), before);
    assert!(app.dispute.find_claim("a-treaty").is_some());
}

#[test]
fn the_files_opened_as_the_program_opens_them_are_seen_unchanged_until_one_changes() {
    use parallax::tui::state::live::{Files, Prints};
    let (dir, app) = editable(FIXTURE, 100, 30);
    let paths = vec![dir.path().to_path_buf()];
    // As `parallax DIR` opens them: fingerprinted, then loaded without keeping their bytes.
    let gathered = parallax::load::gather(&paths, parallax::load::DEFAULT_MAX_FILE);
    let prints = Prints::of(&gathered);
    let dispute = gathered.into_loaded().dispute.expect("loads");
    let files = Files::of_read(&paths, prints, &dispute);
    assert_eq!(files.refused, None, "editable");
    let kept = app.suggest.files.as_ref().expect("editable");
    assert_eq!(
        files.sides, kept.sides,
        "the same side files, in side order"
    );
    let again = || parallax::load::gather(&paths, parallax::load::DEFAULT_MAX_FILE);
    assert!(files.same(&again()));
    rewrite(&dir.path().join("alpha.json"), "2030", "2031");
    assert!(!files.same(&again()), "a changed byte is seen");
}

/// The ids of the claims of the row shown in full, and of its selected claim; `None` when no
/// row in full is open.
fn row_in_full(app: &App) -> Option<(Vec<String>, String)> {
    let d = app.detail()?;
    let row = app.shown().topics.get(d.topic)?.rows.get(d.row)?;
    let id = |at| app.dispute.claim(at).map(|c| c.id.to_string());
    let ids = row.claims().filter_map(id).collect();
    Some((ids, row.claims().nth(d.cursor).and_then(id)?))
}

/// A terminal where keys are typed one after another (then `q`), and where `E`'s editor saves
/// the file with `edit` instead of taking the terminal.
struct Scripted {
    keys: std::collections::VecDeque<KeyCode>,
    edit: Option<Box<dyn FnOnce()>>,
    /// The editor's exit status, as `wait` gives it.
    status: i32,
}

impl parallax::tui::terminal::Host for Scripted {
    fn read(&mut self) -> std::io::Result<ratatui::crossterm::event::Event> {
        let code = self.keys.pop_front().unwrap_or(KeyCode::Char('q'));
        Ok(ratatui::crossterm::event::Event::Key(
            ratatui::crossterm::event::KeyEvent::new(
                code,
                ratatui::crossterm::event::KeyModifiers::NONE,
            ),
        ))
    }
    fn pending(&mut self) -> std::io::Result<bool> {
        Ok(true)
    }
    fn suspend(&mut self) -> std::io::Result<()> {
        Ok(())
    }
    fn copy(&mut self, _: &str) -> std::io::Result<()> {
        Ok(())
    }
    fn run(&mut self, _: &mut std::process::Command) -> std::io::Result<std::process::ExitStatus> {
        use std::os::unix::process::ExitStatusExt;
        if let Some(edit) = self.edit.take() {
            edit();
        }
        Ok(std::process::ExitStatus::from_raw(self.status))
    }
}

/// `E` on the selected claim through the event loop, with an editor that does `edit` and ends
/// with the raw wait `status`: whether an editor was started, and the last frame (before `q`)
/// as one string.
fn after_e(app: &mut App, edit: impl FnOnce() + 'static, status: i32) -> (bool, String) {
    let ran = std::rc::Rc::new(std::cell::Cell::new(false));
    let flag = std::rc::Rc::clone(&ran);
    let mut host = Scripted {
        keys: [KeyCode::Char('E')].into_iter().collect(),
        edit: Some(Box::new(move || {
            flag.set(true);
            edit();
        })),
        status,
    };
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).expect("terminal");
    parallax::tui::terminal::event_loop(&mut terminal, app, &mut host).expect("ends with q");
    let buffer = terminal.backend().buffer();
    (
        ran.get(),
        buffer.content().iter().map(|c| c.symbol()).collect(),
    )
}

#[test]
fn e_from_a_row_in_full_comes_back_to_the_row_in_full() {
    let (dir, mut app) = editable(FIXTURE, 100, 30);
    press(&mut app, &[Action::FocusComparison, Action::Down]);
    let alpha = dir.path().join("alpha.json");
    // Enter opens the row in full, E the editor, which saves a change; then the screen is
    // looked at (q quits from where it is).
    let mut host = Scripted {
        keys: [KeyCode::Enter, KeyCode::Char('E'), KeyCode::Char('?')]
            .into_iter()
            .collect(),
        edit: Some(Box::new(move || {
            rewrite(
                &alpha,
                "binds both sides until 2030",
                "binds both sides until 2045",
            )
        })),
        status: 0,
    };
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).expect("terminal");
    parallax::tui::terminal::event_loop(&mut terminal, &mut app, &mut host).expect("ends with q");
    assert!(host.edit.is_none(), "the editor ran");
    let at = app.dispute.find_claim("a-treaty").expect("the claim");
    assert!(
        app.dispute
            .claim(at)
            .is_some_and(|c| c.text.contains("2045")),
        "reloaded"
    );
    // `?` opened the help over the row in full, which is still beneath it.
    assert!(
        matches!(app.modal(), Some(Modal::Help(_))),
        "{:?}",
        app.modal()
    );
    let (ids, selected) = row_in_full(&app).expect("the row in full is still open");
    assert_eq!(selected, "a-treaty");
    assert!(ids.contains(&"a-treaty".to_owned()), "{ids:?}");
}

#[test]
fn a_file_changed_on_disk_keeps_the_row_in_full_open_on_its_row() {
    let (dir, mut app) = editable(FIXTURE, 100, 30);
    press(
        &mut app,
        &[Action::FocusComparison, Action::Down, Action::Down],
    );
    keys(&mut app, &[KeyCode::Enter]);
    let before = row_in_full(&app).expect("a row in full");
    assert_eq!(before.1, "a-extra");
    let index = app.detail().map(|d| d.row);
    // A point is added above it: the row moves down one, and is found again by its claims.
    let alpha = dir.path().join("alpha.json");
    run_while(&mut app, move || {
        rewrite(
            &alpha,
            "        {\"id\": \"a-extra\",",
            "        {\"id\": \"a-new\", \"point\": \"short\", \"text\": \"Water was short all spring.\", \"sources\": [\"wire\"]},\n        {\"id\": \"a-extra\",",
        )
    });
    assert!(app.dispute.find_claim("a-new").is_some(), "reloaded");
    assert_eq!(
        row_in_full(&app),
        Some(before),
        "the same row, the same claim selected"
    );
    assert_eq!(app.detail().map(|d| d.row), index.map(|r| r + 1));
    let screen = lines(&app).join("\n");
    assert!(screen.contains("Beta's engineers were seen"), "{screen}");
    // The comparison beneath is on the same row.
    assert_eq!(
        app.detail().map(|d| (d.topic, d.row)),
        Some((app.topic, app.row))
    );
}

#[test]
fn an_editor_that_fails_is_named_in_the_footer() {
    // `EDITOR=false`: it ends at once with exit status 1 (a raw wait status of 256).
    let said = after_an_editor_ending_with(256);
    assert!(said.contains("ended with exit status 1"), "{said}");
}

/// The last frame drawn (before `q`) after `E` on a claim runs an editor whose raw wait status
/// is `status`, as one string.
fn after_an_editor_ending_with(status: i32) -> String {
    let (_dir, mut app) = editable(FIXTURE, 100, 30);
    press(&mut app, &[Action::FocusComparison, Action::Down]);
    after_e(&mut app, || {}, status).1
}

/// An editor ended by a signal (Ctrl-C in it, `kill`) is said with the signal's name: "ended
/// on a signal" named none.
#[test]
fn an_editor_ended_by_a_signal_names_it() {
    // A raw wait status of 2: ended by signal 2.
    let said = after_an_editor_ending_with(2);
    assert!(said.contains("ended on signal 2 (SIGINT)"), "{said}");
}

/// `E` in the problems panel when the first problem's file is gone from disk (deleted or
/// moved since it was read) starts no editor: given the path, an editor made a new file there
/// (`vim liar3` where the dispute's folder had been).
#[test]
fn e_on_a_file_gone_from_disk_starts_no_editor() {
    let (dir, mut app) = editable(FIXTURE, 100, 30);
    let alpha = dir.path().join("alpha.json");
    let gone = alpha.clone();
    run_while(&mut app, move || {
        std::fs::remove_file(&gone).expect("deleted")
    });
    let first = problems_panel(&app)
        .problems
        .first()
        .cloned()
        .expect("a problem");
    assert_eq!(first.file, alpha, "{}", first.text);
    let (ran, _) = after_e(&mut app, || {}, 0);
    assert!(!ran, "no editor was started");
    assert!(!alpha.exists());
}

/// `E` on a claim whose side file has grown past `--max-file-size` since it was read starts no
/// editor, and says which file it could not read (the line is looked for when the editor would
/// start, by the loader's rule).
#[test]
fn e_on_a_file_too_large_to_read_starts_no_editor_and_says_why() {
    let (_dir, mut app) = editable(FIXTURE, 100, 30);
    app.live.max_file = 16;
    press(&mut app, &[Action::FocusComparison, Action::Down]);
    let (ran, said) = after_e(&mut app, || {}, 0);
    assert!(!ran, "no editor was started");
    assert!(
        said.contains("cannot read") && said.contains("alpha.json"),
        "{said}"
    );
}

/// A side file deleted from a folder without a manifest is named as gone, first: the load saw
/// one side left and blamed it ("republican.json: too-few-sides … expected a dispute folder").
#[test]
fn a_side_file_deleted_from_a_folder_without_a_manifest_is_named_as_gone() {
    let dir = common::draft();
    let mut app = common::open_folder(dir.path());
    let alpha = dir.path().join("alpha.json");
    let gone = alpha.clone();
    run_while(&mut app, move || {
        std::fs::remove_file(&gone).expect("deleted")
    });
    let first = problems_panel(&app)
        .problems
        .first()
        .cloned()
        .expect("a problem");
    assert_eq!(first.file, alpha);
    assert!(
        first.text.contains("alpha.json: no longer there"),
        "{}",
        first.text
    );
    assert!(lines(&app).join("\n").contains("no longer there"));
    // The one problem: the side left is not blamed for being alone.
    assert_eq!(
        problems_panel(&app).problems.len(),
        1,
        "{}",
        common::screen(&app)
    );
}

/// A panel of more problems than it has room for says how many lines are out of sight, on
/// its bottom border, and scrolls to the last problem and no further.
#[test]
fn a_problems_panel_too_short_for_its_text_says_what_is_out_of_sight() {
    let (dir, mut app) = editable(FIXTURE, 80, 24);
    let alpha = dir.path().join("alpha.json");
    run_while(&mut app, move || {
        rewrite(&alpha, "\"text\": \"", "\"text\": 7, \"said\": \"")
    });
    let problems = problems_panel(&app);
    let last = problems.problems.last().expect("problems");
    let screen = lines(&app);
    let border = |screen: &[String]| {
        screen
            .iter()
            .rev()
            .find(|l| l.contains('└'))
            .cloned()
            .unwrap_or_default()
    };
    assert!(
        border(&screen).contains("more lines"),
        "{}",
        screen.join("\n")
    );
    press(&mut app, &[Action::Down; 60]);
    let screen = lines(&app);
    assert!(
        border(&screen).contains("lines above") && !border(&screen).contains("below"),
        "{}",
        screen.join("\n")
    );
    let tail: String = last
        .text
        .chars()
        .rev()
        .take(12)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    assert!(
        screen.join(" ").contains(tail.trim()),
        "the last problem's end ({tail}) is in sight: {}",
        screen.join("\n")
    );
    // No scrolling past the end: one step up shows a line below at once.
    press(&mut app, &[Action::Up]);
    assert!(
        border(&lines(&app)).contains("below"),
        "{}",
        lines(&app).join("\n")
    );
    // A key with no use here names the panel as a name, not mid-sentence capitalised.
    common::keys(&mut app, &[ratatui::crossterm::event::KeyCode::Enter]);
    let said = common::footer_said(&app);
    assert!(
        said.contains("Enter does nothing in “The files do not load”;"),
        "{said}"
    );
}

/// An open filter panel, timeline or as-of bar counts the dispute again when the files change
/// on disk: they kept the old files' numbers (the panel said `246 of 245 claims remain`, the
/// timeline's bars and the bar's dated span were as they opened) while the footer said
/// `Reloaded`.
#[test]
fn open_panels_count_the_files_again_after_a_reload() {
    let earlier = "2023-01-15".parse::<parallax::format::Date>().ok();
    for key in ['f', 'T', 't'] {
        let (dir, mut app) = editable(FIXTURE, 120, 40);
        press(&mut app, &[Action::FocusComparison]);
        keys(&mut app, &[KeyCode::Char(key)]);
        let alpha = dir.path().join("alpha.json");
        run_while(&mut app, move || {
            rewrite(
                &alpha,
                "\"date\": \"2024-03-02\", \"speaker\"",
                "\"date\": \"2023-01-15\", \"speaker\"",
            )
        });
        let first = match app.modals.last() {
            Some(Modal::Filters(p)) => p.dated.map(|d| d.0),
            Some(Modal::AsOf(bar)) => bar.span.map(|d| d.0),
            // The first bar holds the new date (a bar may be a week or a month).
            Some(Modal::Timeline(c)) => c
                .counts
                .bins
                .first()
                .and_then(|b| earlier.filter(|&d| b.start <= d && d <= b.end)),
            other => panic!("{key} stays open over the reload: {other:?}"),
        };
        assert_eq!(
            first, earlier,
            "{key}: the first dated claim is the new one"
        );
    }
}

/// An editor that ends badly after breaking the file: the problems panel opens, and the
/// footer says how the editor ended too (it was lost under the panel's reload).
#[test]
fn an_editor_that_fails_and_breaks_the_file_is_named_beside_the_problems() {
    let (dir, mut app) = editable(FIXTURE, 100, 30);
    press(&mut app, &[Action::FocusComparison, Action::Down]);
    let alpha = dir.path().join("alpha.json");
    let breaks = move || rewrite(&alpha, "\"format\"", "\"formt\"");
    let (ran, said) = after_e(&mut app, breaks, 3 << 8);
    assert!(ran);
    assert!(
        app.modals.iter().any(|m| matches!(m, Modal::Reload(_))),
        "the problems panel is open"
    );
    assert!(said.contains("ended with exit status 3"), "{said}");
}

/// The watcher's reload of a save already read (after the editor) finds the same problems: the
/// panel stays as it was, scrolled where it was, and the footer keeps what it said (how the
/// editor ended: it was wiped, so the panel's keys were all that showed).
#[test]
fn a_reload_that_finds_the_same_problems_keeps_the_panel_and_the_message() {
    let (dir, mut app) = editable(FIXTURE, 100, 30);
    rewrite(&dir.path().join("alpha.json"), "\"format\"", "\"formt\"");
    parallax::tui::live::reload(&mut app);
    let panel = problems_panel(&app);
    app.message = Some("The editor `vi` ended with exit status 3.".to_owned());
    parallax::tui::live::reload(&mut app);
    assert_eq!(problems_panel(&app), panel);
    assert_eq!(
        app.message.as_deref(),
        Some("The editor `vi` ended with exit status 3.")
    );
    // Other problems replace the panel's, and the footer gives way to its keys.
    rewrite(&dir.path().join("beta.json"), "\"format\"", "\"formt\"");
    parallax::tui::live::reload(&mut app);
    assert_ne!(problems_panel(&app), panel);
    assert_eq!(app.message, None);
}

/// A side file a manifest lists, deleted, is named as gone in the words of the folder without
/// one, and is the one problem: the comparison's want of a second side follows from it.
#[test]
fn a_side_file_the_manifest_lists_deleted_is_the_one_problem() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let folder = common::copy_fixture("relations", dir.path(), "harbour");
    let mut app = common::open_folder(&folder);
    let west = folder.join("west.json");
    let gone = west.clone();
    run_while(&mut app, move || {
        std::fs::remove_file(&gone).expect("deleted")
    });
    let problems = problems_panel(&app).problems.clone();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].file, west);
    assert!(
        problems[0].text.contains("west.json: no longer there"),
        "{}",
        problems[0].text
    );
    assert!(lines(&app).join("\n").contains("1 error(s)"));
}

/// The files as they are on disk, loaded as the screen reloads them.
fn reloaded(app: &mut App, dir: &std::path::Path) {
    let d = common::dispute(dir.to_str().expect("a UTF-8 path"));
    app.reload(d);
}

/// alpha.json without the claim `id` of its first topic, `water`.
fn remove_from_water(dir: &std::path::Path, id: &str) {
    let file = dir.join("alpha.json");
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("read")).expect("JSON");
    let claims = v["topics"][0]["claims"].as_array_mut().expect("claims");
    let before = claims.len();
    claims.retain(|c| c["id"] != id);
    assert_eq!(claims.len(), before - 1, "{id} was in water");
    std::fs::write(&file, serde_json::to_string_pretty(&v).expect("JSON")).expect("written");
}

/// alpha.json without its first claim, `a-cut` (first of the topic `water`).
fn remove_a_cut(dir: &std::path::Path) {
    remove_from_water(dir, "a-cut");
}

/// A claim removed above the selected one in its file moves the selected claim's place there:
/// the selection stays on its claim, found by id (it landed on the row below).
#[test]
fn a_claim_removed_above_the_selected_one_keeps_the_selection_on_its_claim() {
    let (dir, mut app) = editable(FIXTURE, 100, 30);
    press(
        &mut app,
        &[Action::FocusComparison, Action::Down, Action::Down],
    );
    let before = selected_claim_id(&app);
    assert_eq!(before.as_deref(), Some("a-extra"));
    remove_a_cut(dir.path());
    reloaded(&mut app, dir.path());
    assert_eq!(selected_claim_id(&app), before);
}

/// The places `b` returns to outlive a reload (a save with `E` emptied them): found again by
/// their topic and claim in the files as they are now.
#[test]
fn a_reload_keeps_where_b_goes_back_to() {
    let (dir, mut app) = editable(FIXTURE, 100, 30);
    while app.current_topic().map(|t| t.id.as_str()) != Some("talks") {
        press(&mut app, &[Action::Down]);
    }
    press(&mut app, &[Action::FocusComparison]);
    while selected_claim_id(&app).as_deref() != Some("b-later") {
        let row = app.row;
        press(&mut app, &[Action::Down]);
        assert_ne!(app.row, row, "a row with b-later");
    }
    press(&mut app, &[Action::FollowRebuttal]);
    assert_eq!(app.current_topic().map(|t| t.id.as_str()), Some("border"));
    remove_a_cut(dir.path());
    reloaded(&mut app, dir.path());
    assert_eq!(app.back.len(), 1, "{}", common::screen(&app));
    press(&mut app, &[Action::JumpBack]);
    assert_eq!(app.current_topic().map(|t| t.id.as_str()), Some("talks"));
    assert_eq!(selected_claim_id(&app).as_deref(), Some("b-later"));
}

/// The last topic selected, with its id and the ids of every topic in order.
fn on_last_topic(app: &mut App) -> (String, Vec<String>) {
    let all: Vec<String> = app.shown().topics.iter().map(|t| t.id.clone()).collect();
    while app.topic != all.len() - 1 {
        press(app, &[Action::Down]);
    }
    (all[all.len() - 1].clone(), all)
}

fn selected_topic_id(app: &App) -> String {
    app.current_topic()
        .map(|t| t.id.clone())
        .unwrap_or_default()
}

/// The selected topic renamed in every file (its claims kept): the selection follows it under
/// its new id rather than jumping to a neighbour.
#[test]
fn a_topic_renamed_on_reload_stays_selected() {
    let (dir, mut app) = editable(FIXTURE, 100, 30);
    let (last, _) = on_last_topic(&mut app);
    let topic = app.topic;
    for f in ["alpha.json", "beta.json", "dispute.json"] {
        let path = dir.path().join(f);
        if path.exists() {
            rewrite(&path, &format!("\"id\": \"{last}\""), "\"id\": \"renamed\"");
        }
    }
    reloaded(&mut app, dir.path());
    assert_eq!(
        selected_topic_id(&app),
        "renamed",
        "{}",
        common::screen(&app)
    );
    assert_eq!(app.topic, topic);
}

/// The selected topic deleted from every file: the selection goes to the nearest topic still
/// there, not back to the first.
#[test]
fn a_topic_gone_on_reload_gives_way_to_the_nearest() {
    let (dir, mut app) = editable(FIXTURE, 100, 30);
    let (gone, all) = on_last_topic(&mut app);
    for f in ["alpha.json", "beta.json", "dispute.json"] {
        let path = dir.path().join(f);
        if !path.exists() {
            continue;
        }
        let mut v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("JSON");
        if let Some(topics) = v["topics"].as_array_mut() {
            topics.retain(|t| t["id"] != gone.as_str());
        }
        std::fs::write(&path, serde_json::to_string_pretty(&v).expect("JSON")).expect("written");
    }
    reloaded(&mut app, dir.path());
    let now: Vec<String> = app.shown().topics.iter().map(|t| t.id.clone()).collect();
    assert!(!now.contains(&gone), "{now:?}");
    assert_ne!(app.topic, 0, "not back to the first: {now:?}");
    assert_eq!(
        Some(&selected_topic_id(&app)),
        all.get(all.len() - 2),
        "the one before it in the old order"
    );
}

/// The selected claim deleted in its file: the selection stays where it stood in its topic, not
/// at the topic's top.
#[test]
fn the_selected_claim_deleted_leaves_the_selection_where_it_stood() {
    let (dir, mut app) = editable(FIXTURE, 100, 30);
    press(
        &mut app,
        &[Action::FocusComparison, Action::Down, Action::Down],
    );
    assert_eq!(selected_claim_id(&app).as_deref(), Some("a-extra"));
    let (topic, row) = (app.topic, app.row);
    assert!(row > 0);
    remove_from_water(dir.path(), "a-extra");
    reloaded(&mut app, dir.path());
    assert_eq!(app.topic, topic);
    let rows = app.rows().len();
    assert_eq!(app.row, row.min(rows - 1), "{}", common::screen(&app));
}
