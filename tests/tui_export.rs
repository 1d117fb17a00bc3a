//! Exporting from the screen (`e`): the dialog chooses this topic or all topics and the format,
//! offers a file named after the dispute and the topic, takes a typed path, writes the comparison
//! the screen shows, never replaces a file without a `y`, and the footer says where the file went.

mod common;

use common::{dialog, keys, screen, typed};
use parallax::export::Format;
use parallax::tui::state::export::{Field, Scope, Stage};
use parallax::tui::text_field::Edit;
use parallax::tui::{Action, App, update};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;

/// The fixture's app at 80×24, exporting into `folder`.
fn app(folder: &Path) -> App {
    let mut app = common::app_at("tests/fixtures/tui/sample", 80, 24);
    app.export_folder = folder.to_path_buf();
    app
}

/// The screen's words as one line, borders and wrapping taken out: a notice wrapped in the
/// dialog reads whole.
fn said(app: &App) -> String {
    common::lines(app)
        .join(" ")
        .replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn path_text(app: &App) -> String {
    dialog(app)
        .map(|d| d.path.text().to_owned())
        .unwrap_or_default()
}

#[test]
fn e_opens_the_dialog_on_this_topic_in_markdown_and_esc_cancels() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = app(dir.path());
    keys(&mut a, &[KeyCode::Char('e')]);
    let d = dialog(&a).expect("the dialog is open");
    assert_eq!(
        (d.scope, d.format, d.field),
        (Scope::Topic, Format::Markdown, Field::Scope)
    );
    assert_eq!(
        path_text(&a),
        "river-water.md",
        "named after dispute and topic"
    );
    // q types into the dialog rather than quitting.
    keys(&mut a, &[KeyCode::Char('q'), KeyCode::Esc]);
    assert!(dialog(&a).is_none(), "Esc cancels");
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("dir").count(),
        0,
        "nothing written"
    );
}

#[test]
fn scope_and_format_change_the_offered_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = app(dir.path());
    keys(&mut a, &[KeyCode::Char('e'), KeyCode::Right]);
    assert_eq!(dialog(&a).map(|d| d.scope), Some(Scope::All));
    assert_eq!(path_text(&a), "river.md");
    keys(&mut a, &[KeyCode::Tab, KeyCode::Right]);
    assert_eq!(path_text(&a), "river.csv");
    keys(&mut a, &[KeyCode::Right, KeyCode::Right]);
    assert_eq!(path_text(&a), "river.html");
    keys(&mut a, &[KeyCode::Right]);
    assert_eq!(path_text(&a), "river.md", "the formats wrap around");
    keys(&mut a, &[KeyCode::Left, KeyCode::BackTab, KeyCode::Left]);
    assert_eq!(path_text(&a), "river-water.html");
    let d = dialog(&a).expect("open");
    assert_eq!((d.scope, d.format), (Scope::Topic, Format::Html));
}

#[test]
fn enter_writes_the_topic_on_screen_and_the_footer_says_where() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = app(dir.path());
    keys(&mut a, &[KeyCode::Char('e'), KeyCode::Enter]);
    assert!(dialog(&a).is_none(), "the dialog closes");
    let file = dir.path().join("river-water.md");
    let text = std::fs::read_to_string(&file).expect("the file is written");
    let topic = a.current_topic().expect("a topic").title.clone();
    assert!(text.contains(&topic), "{text}");
    let other = &a.cmp.topics[1].title;
    assert!(!text.contains(other.as_str()), "only the selected topic");
    // And it says so, as `export --topic water` does: it is not the whole comparison.
    assert!(
        text.contains("Selection (not the whole comparison): 5 of 9 claims · topic\\: water"),
        "{text}"
    );
    // With a filter of two topics in force, the one exported is named alone (it said both).
    a.query.filter.topics = vec!["water".to_owned(), "talks".to_owned()];
    a.requery();
    std::fs::remove_file(&file).expect("removed");
    keys(&mut a, &[KeyCode::Char('e'), KeyCode::Enter]);
    let text = std::fs::read_to_string(&file).expect("written again");
    assert!(
        text.contains(
            "Selection (not the whole comparison): 5 of 9 claims · topic\\: water · parties\\:"
        ),
        "{text}"
    );
    assert!(!text.contains("talks"), "{text}");
    let message = a.message.clone().expect("a footer message");
    assert!(message.starts_with("Exported Markdown to "), "{message}");
    assert!(message.contains("river-water.md"), "{message}");
    assert!(
        screen(&a).contains("Exported Markdown to"),
        "the footer shows it"
    );
}

#[test]
fn all_topics_in_json_goes_where_typed() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("out")).expect("mkdir");
    let mut a = app(dir.path());
    keys(&mut a, &[KeyCode::Char('e'), KeyCode::Right, KeyCode::Tab]);
    keys(&mut a, &[KeyCode::Right, KeyCode::Right]);
    assert_eq!(path_text(&a), "river.json");
    keys(&mut a, &[KeyCode::Tab]);
    for _ in 0.."river.json".len() {
        keys(&mut a, &[KeyCode::Backspace]);
    }
    typed(&mut a, "out/both.json");
    keys(&mut a, &[KeyCode::Home, KeyCode::Delete]);
    typed(&mut a, "o");
    assert_eq!(path_text(&a), "out/both.json");
    keys(&mut a, &[KeyCode::Enter]);
    let json = std::fs::read_to_string(dir.path().join("out/both.json")).expect("written");
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let topics = value["topics"].as_array().expect("topics").len();
    assert_eq!(topics, a.cmp.topics.len(), "every topic");
    assert!(a.message.as_deref().unwrap_or("").contains("out/both.json"));
}

/// Spaces pasted at either end of the name are no part of it (a file ` report.json ` was
/// written, named so in the footer); `-`, standard output on the command line, is refused
/// here, where it would name a file `-`.
#[test]
fn a_typed_name_is_trimmed_and_a_dash_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = app(dir.path());
    keys(&mut a, &[KeyCode::Char('e'), KeyCode::Tab, KeyCode::Tab]);
    let offered = path_text(&a);
    for _ in 0..offered.chars().count() {
        keys(&mut a, &[KeyCode::Backspace]);
    }
    typed(&mut a, "-");
    keys(&mut a, &[KeyCode::Enter]);
    assert!(
        said(&a).contains("`-` is standard output on the command line"),
        "{}",
        said(&a)
    );
    assert!(!dir.path().join("-").exists());
    // A name refused is not offered again when the dialog opens next: the offered one is.
    keys(&mut a, &[KeyCode::Esc, KeyCode::Char('e')]);
    assert_eq!(path_text(&a), offered);
    keys(&mut a, &[KeyCode::Tab, KeyCode::Tab]);
    for _ in 0..offered.chars().count() {
        keys(&mut a, &[KeyCode::Backspace]);
    }
    typed(&mut a, " report.json ");
    keys(&mut a, &[KeyCode::Enter]);
    let json = std::fs::read_to_string(dir.path().join("report.json")).expect("written trimmed");
    assert!(json.starts_with('{'), "{json}");
    assert!(
        a.message.as_deref().unwrap_or("").contains("Exported JSON"),
        "{:?}",
        a.message
    );
}

#[test]
fn a_folder_gets_the_offered_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("exports")).expect("mkdir");
    let mut a = app(dir.path());
    keys(
        &mut a,
        &[
            KeyCode::Char('e'),
            KeyCode::Tab,
            KeyCode::Tab,
            KeyCode::Home,
        ],
    );
    typed(&mut a, "exports/");
    keys(&mut a, &[KeyCode::End, KeyCode::Enter]);
    // "exports/river-water.md" is a path in the folder; a bare folder gets the offered name too.
    assert!(dir.path().join("exports/river-water.md").is_file());
    keys(&mut a, &[KeyCode::Char('e'), KeyCode::Tab, KeyCode::Tab]);
    keys(&mut a, &vec![KeyCode::Backspace; 40]);
    typed(&mut a, "exports");
    keys(&mut a, &[KeyCode::Enter]);
    assert!(dialog(&a).is_some(), "the file exists, so it asks");
}

/// A read-only file is said to be at Enter: no question whose answer could not count.
#[cfg(unix)]
#[test]
fn a_read_only_file_is_refused_without_asking() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("river-water.md");
    std::fs::write(&file, "keep me").expect("write");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let mut a = app(dir.path());
    keys(&mut a, &[KeyCode::Char('e'), KeyCode::Enter]);
    let d = dialog(&a).expect("still open");
    assert_eq!(d.stage, Stage::Editing, "no question asked");
    assert!(screen(&a).contains("read-only"), "{}", screen(&a));
    assert!(!screen(&a).contains("Overwrite"), "{}", screen(&a));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "keep me");
}

#[test]
fn an_existing_file_is_replaced_only_after_y() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("river-water.md");
    std::fs::write(&file, "keep me").expect("write");
    let mut a = app(dir.path());
    keys(&mut a, &[KeyCode::Char('e'), KeyCode::Enter]);
    let d = dialog(&a).expect("still open");
    assert_eq!(d.stage, Stage::Confirm);
    assert!(screen(&a).contains("Overwrite it? y / n"), "{}", screen(&a));
    // The footer asks first and names the file after, so at 80 columns the keys stay.
    let s = screen(&a);
    let footer = s.lines().last().unwrap_or_default();
    assert!(footer.contains("Overwrite? y / n"), "{footer}");
    keys(&mut a, &[KeyCode::Enter, KeyCode::Char('x')]);
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "keep me");
    // Once the question has left the footer, the footer offers its answers, not the dialog's
    // keys (it said "Enter export" while only y or n could answer).
    a.message = None;
    let s = screen(&a);
    let footer = s.lines().last().unwrap_or_default();
    assert!(
        footer.contains("y  overwrite") && footer.contains("n  keep it"),
        "{footer}"
    );
    assert!(!footer.contains("export"), "{footer}");
    keys(&mut a, &[KeyCode::Char('n')]);
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        "keep me",
        "n keeps it"
    );
    let d = dialog(&a).expect("back in the dialog");
    assert_eq!(d.stage, Stage::Editing);
    assert_eq!(path_text(&a), "river-water.md", "n typed nothing");
    keys(&mut a, &[KeyCode::Enter, KeyCode::Esc]);
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        "keep me",
        "Esc keeps it"
    );
    keys(&mut a, &[KeyCode::Enter, KeyCode::Char('y')]);
    assert!(dialog(&a).is_none());
    let text = std::fs::read_to_string(&file).expect("read");
    assert_ne!(text, "keep me", "y replaces it");
    assert!(a.message.as_deref().unwrap_or("").starts_with("Exported"));
}

#[test]
fn a_failure_says_what_to_do_and_keeps_the_dialog() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = app(dir.path());
    keys(
        &mut a,
        &[
            KeyCode::Char('e'),
            KeyCode::Tab,
            KeyCode::Tab,
            KeyCode::Home,
        ],
    );
    typed(&mut a, "missing/");
    keys(&mut a, &[KeyCode::Enter]);
    let message = a.message.clone().expect("a footer message");
    assert!(message.starts_with("Not exported:"), "{message}");
    assert!(message.contains("does not exist"), "{message}");
    let d = dialog(&a).expect("the dialog stays");
    assert_eq!(d.field, Field::File, "ready to fix the path");
    assert!(d.note.is_some());
    // An empty path asks for a name.
    keys(&mut a, &vec![KeyCode::Backspace; 40]);
    keys(&mut a, &vec![KeyCode::Delete; 40]);
    keys(&mut a, &[KeyCode::Enter]);
    assert_eq!(path_text(&a), "");
    assert!(dialog(&a).and_then(|d| d.note.clone()).is_some());
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
}

/// A long path under a missing folder: the dialog and the footer say which folder to create,
/// whole at 80×24, the path named once.
#[test]
fn a_missing_folder_deep_in_a_long_path_is_named_whole_at_80x24() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = app(dir.path());
    keys(&mut a, &[KeyCode::Char('e'), KeyCode::Tab, KeyCode::Tab]);
    typed(
        &mut a,
        "exports/weekly-briefings/2025/india-pakistan/second-draft/for-review/ceasefire.md",
    );
    keys(&mut a, &[KeyCode::Enter]);
    let note = dialog(&a).and_then(|d| d.note.clone()).expect("a note");
    let folder = format!("{}/exports", dir.path().display());
    assert!(
        note.contains(&format!("the folder {folder} does not exist")),
        "{note}"
    );
    assert!(
        said(&a).contains("(mkdir -p) or choose another path"),
        "the advice is on screen whole:\n{}",
        screen(&a)
    );
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
}

/// Suggested rows on screen go out with the export, as shown: the dialog says so, and which
/// key hides them; with them hidden it says nothing of them.
#[test]
fn the_dialog_says_suggested_rows_go_out_and_how_to_hide_them() {
    let mut a = common::app_at("tests/fixtures/tui/pointless", 80, 24);
    common::finish_suggestions(&mut a);
    // The topic holding the suggested row.
    while !a
        .rows()
        .iter()
        .any(|r| r.kind == parallax::compare::RowKind::Suggested)
    {
        let before = a.topic;
        update(&mut a, Action::Down);
        assert_ne!(a.topic, before, "a topic with a suggested row");
    }
    keys(&mut a, &[KeyCode::Char('e')]);
    assert!(
        said(&a).contains("Suggested rows (≈) go out too, as the matcher's guesses (row kind `suggested`); m hides them."),
        "{}",
        screen(&a)
    );
    // On the smallest screen the warning stays; where the file goes gives way first.
    keys(&mut a, &[KeyCode::Esc]);
    let mut a = common::sized(a, 50, 12);
    keys(&mut a, &[KeyCode::Char('e')]);
    assert!(said(&a).contains("Suggested rows (≈)"), "{}", screen(&a));
    assert!(said(&a).contains("m hides them."), "{}", screen(&a));
    assert!(said(&a).contains("File"), "{}", screen(&a));
    keys(&mut a, &[KeyCode::Esc, KeyCode::Char('m')]);
    keys(&mut a, &[KeyCode::Char('e')]);
    assert!(!said(&a).contains("Suggested rows"), "{}", screen(&a));
}

/// A narrowed search and suggested rows both said at 80×24, each whole (the search's was cut
/// with `…` to make room), and still said while the dialog asks before replacing a file (both
/// went, and the file was replaced unawares).
#[test]
fn the_search_and_suggested_notices_stay_whole_and_stay_while_asking() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = common::app_at("tests/fixtures/tui/pointless", 80, 24);
    a.export_folder = dir.path().to_path_buf();
    common::finish_suggestions(&mut a);
    update(&mut a, Action::NextPane);
    update(&mut a, Action::Search);
    typed(&mut a, "overnight");
    keys(&mut a, &[KeyCode::Enter]);
    update(&mut a, Action::Narrow);
    assert!(
        a.rows()
            .iter()
            .any(|r| r.kind == parallax::compare::RowKind::Suggested),
        "{}",
        screen(&a)
    );
    let search = "Search “overnight” in force, narrowed: only the rows with a hit are exported.";
    let suggested = "Suggested rows (≈) go out too, as the matcher's guesses (row kind `suggested`); m hides them.";
    keys(&mut a, &[KeyCode::Char('e')]);
    assert!(said(&a).contains(search), "{}", screen(&a));
    assert!(said(&a).contains(suggested), "{}", screen(&a));
    let name = path_text(&a);
    std::fs::write(dir.path().join(&name), "keep me").expect("write");
    keys(&mut a, &[KeyCode::Enter]);
    assert!(said(&a).contains("Overwrite it? y / n"), "{}", screen(&a));
    assert!(said(&a).contains(search), "{}", screen(&a));
    assert!(said(&a).contains(suggested), "{}", screen(&a));
}

/// A file exported with suggested rows says so at its head, as its selection, and the HTML
/// sets their headings apart: they read as the parties' own answers to each other.
#[test]
fn an_export_with_suggested_rows_says_they_are_the_matchers() {
    let mut a = common::app_at("tests/fixtures/tui/pointless", 80, 24);
    common::finish_suggestions(&mut a);
    let n = a
        .shown()
        .topics
        .iter()
        .flat_map(|t| &t.rows)
        .filter(|r| r.kind == parallax::compare::RowKind::Suggested)
        .count();
    assert!(n > 0, "the fixture has suggested rows");
    let label = match n {
        1 => {
            "1 suggested pair, marked ≈, which the matcher proposed and nobody confirmed".to_owned()
        }
        n => format!(
            "{n} suggested pairs, marked ≈, which the matcher proposed and nobody confirmed"
        ),
    };
    let render = |a: &App, format| {
        let bytes = parallax::export::render(format, &a.dispute, a.shown(), None, &[]).unwrap();
        String::from_utf8(bytes).unwrap()
    };
    let md = render(&a, Format::Markdown);
    assert!(
        md.contains(&format!("Selection (not the whole comparison): {label}")),
        "{md}"
    );
    let html = render(&a, Format::Html);
    assert!(html.contains(&label), "{html}");
    assert_eq!(html.matches("<th class=\"question suggested\"").count(), n);
    let json = render(&a, Format::Json);
    assert!(json.contains(&label), "{json}");
    keys(&mut a, &[KeyCode::Char('m')]);
    let md = render(&a, Format::Markdown);
    assert!(!md.contains("suggested pair"), "{md}");
}

#[test]
fn export_uses_the_comparison_on_screen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = app(dir.path());
    // Swap the sides: the export's left party follows the screen.
    update(&mut a, Action::SwapSides);
    keys(&mut a, &[KeyCode::Char('e'), KeyCode::Tab, KeyCode::Right]);
    keys(&mut a, &[KeyCode::Right, KeyCode::Enter]);
    let json = std::fs::read_to_string(dir.path().join("river-water.json")).expect("written");
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let left = &a.dispute.sides[a.cmp.left].party.id;
    assert_eq!(value["left"]["id"].as_str(), Some(left.as_str()), "{json}");
}

#[test]
fn ctrl_c_still_quits_in_the_dialog() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = app(dir.path());
    keys(&mut a, &[KeyCode::Char('e')]);
    let action = parallax::tui::keys::action_in(
        &a,
        KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
    );
    assert_eq!(action, Some(Action::Quit));
    assert_eq!(
        parallax::tui::keys::action_in(&a, KeyEvent::new(KeyCode::Char('s'), KeyModifiers::NONE)),
        Some(Action::Edit(Edit::Insert('s'))),
        "letters type, they do not swap sides"
    );
}

#[test]
fn the_dialog_at_80x24() {
    // Nothing is written: the folder is only named.
    let mut a = app(Path::new("exports"));
    keys(&mut a, &[KeyCode::Char('e')]);
    insta::assert_snapshot!("dialog_80x24", screen(&a));
    keys(&mut a, &[KeyCode::Tab, KeyCode::Right, KeyCode::Tab]);
    insta::assert_snapshot!("dialog_csv_file_80x24", screen(&a));
}

#[test]
fn the_dialog_names_the_folder_a_relative_path_goes_to() {
    let mut a = app(Path::new("."));
    keys(&mut a, &[KeyCode::Char('e')]);
    let s = screen(&a);
    assert!(
        s.contains("A relative path is in the current folder"),
        "{s}"
    );
    // The config file's export folder, as `[export] folder` sets it.
    let mut a = app(Path::new("/srv/reports"));
    keys(&mut a, &[KeyCode::Char('e')]);
    let s = screen(&a);
    assert!(s.contains("A relative path is in /srv/reports;"), "{s}");
}

#[test]
fn the_readme_lists_the_dialog_keys() {
    common::readme_has_table(
        "export dialog",
        parallax::tui::modal::export::update::BINDINGS,
    );
    common::readme_has_table(
        "export overwrite",
        parallax::tui::modal::export::update::CONFIRM,
    );
}

#[test]
fn the_dialog_remembers_its_last_choices_while_the_program_runs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = app(dir.path());
    // All topics, CSV, then cancel.
    keys(
        &mut a,
        &[
            KeyCode::Char('e'),
            KeyCode::Right,
            KeyCode::Tab,
            KeyCode::Right,
            KeyCode::Esc,
        ],
    );
    keys(&mut a, &[KeyCode::Char('e')]);
    let d = dialog(&a).expect("open again");
    assert_eq!((d.scope, d.format), (Scope::All, Format::Csv));
    assert_eq!(path_text(&a), "river.csv");
    // A typed path is kept too. The proposed name is selected: typing replaces it, and End
    // keeps it to edit.
    keys(&mut a, &[KeyCode::Tab, KeyCode::Tab]);
    typed(&mut a, "notes.csv");
    keys(&mut a, &[KeyCode::Esc, KeyCode::Char('e')]);
    assert_eq!(path_text(&a), "notes.csv");
    keys(&mut a, &[KeyCode::Tab, KeyCode::Tab, KeyCode::End]);
    typed(&mut a, "x");
    assert_eq!(path_text(&a), "notes.csvx");
    // A path emptied and left is not kept: the name is offered again.
    for _ in 0..20 {
        keys(&mut a, &[KeyCode::Backspace]);
    }
    assert_eq!(path_text(&a), "");
    keys(&mut a, &[KeyCode::Esc, KeyCode::Char('e')]);
    assert_eq!(path_text(&a), "river.csv");
}

#[test]
fn a_search_in_force_is_named_in_the_dialog() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = app(dir.path());
    update(&mut a, Action::NextPane);
    update(&mut a, Action::Search);
    typed(&mut a, "gates");
    keys(&mut a, &[KeyCode::Esc, KeyCode::Char('e')]);
    let s = screen(&a);
    assert!(
        s.contains("Search “gates” in force, not narrowed (& narrows)"),
        "the dialog says every row goes out, and how to narrow, at 80 columns: {s}"
    );
    keys(
        &mut a,
        &[KeyCode::Esc, KeyCode::Char('&'), KeyCode::Char('e')],
    );
    let s = screen(&a);
    assert!(
        s.contains("Search “gates” in force, narrowed"),
        "and that only the hits' rows go out: {s}"
    );
}

/// A topic title too long for the dialog at 80 columns ends in one `…`, right after the text.
#[test]
fn a_long_topic_title_is_cut_with_one_ellipsis() {
    let mut a = common::bundled(80, 24);
    keys(&mut a, &[KeyCode::Char('e')]);
    let s = screen(&a);
    let line = s
        .lines()
        .find(|l| l.contains("this topic:"))
        .unwrap_or_else(|| panic!("no scope line:\n{s}"));
    assert!(line.contains('…'), "the title is not cut: {line}");
    assert!(!line.contains("……") && !line.contains("… …"), "{line}");
}

#[test]
fn the_scope_choices_keep_their_closing_mark_on_every_topic() {
    // A long topic title is cut to fit, and the `▸` that says more choices follow stays.
    for width in [80, 100] {
        let mut a = common::bundled(width, 24);
        let topics = a.shown().topics.len();
        for t in 0..topics {
            keys(&mut a, &[KeyCode::Char('e')]);
            let shown = screen(&a);
            let line = shown
                .lines()
                .find(|l| l.contains('◂'))
                .expect("the focused scope field");
            let after = line.split_once('◂').map_or("", |(_, rest)| rest);
            assert!(
                after.contains('▸'),
                "topic {t} at {width} columns: {line}\n{shown}"
            );
            keys(&mut a, &[KeyCode::Esc, KeyCode::Down]);
        }
    }
}

#[test]
fn a_typed_extension_chooses_its_format() {
    // Markdown is offered; a name typed as `.csv` writes CSV, and the dialog says why.
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = app(dir.path());
    keys(&mut a, &[KeyCode::Char('e'), KeyCode::Tab, KeyCode::Tab]);
    typed(&mut a, "notes.csv");
    assert_eq!(dialog(&a).map(|d| d.format), Some(Format::Csv));
    let format_line = |a: &App| {
        screen(a)
            .lines()
            .find(|l| l.contains("Format "))
            .unwrap_or_default()
            .to_owned()
    };
    assert!(format_line(&a).contains("● CSV"), "{}", format_line(&a));
    assert!(
        format_line(&a).contains("as the name says"),
        "{}",
        format_line(&a)
    );
    // It stays while the name keeps saying so, and the line under the fields still says what
    // is exported.
    keys(&mut a, &[KeyCode::Home]);
    typed(&mut a, "my-");
    assert!(format_line(&a).contains("as the name says"));
    assert!(screen(&a).contains("The comparison as shown"));
    keys(&mut a, &[KeyCode::Enter]);
    let written = std::fs::read(dir.path().join("my-notes.csv")).expect("written");
    let mut reader = csv::Reader::from_reader(written.as_slice());
    let headers = reader.headers().expect("a CSV header").clone();
    assert!(headers.iter().any(|h| h == "topic"), "{headers:?}");
}

#[test]
fn a_long_search_or_filter_notice_wraps_whole_in_the_dialog() {
    // The dialog is 76 columns at most: a notice longer than that takes another line.
    let mut a = common::bundled(200, 50);
    update(&mut a, Action::NextPane);
    update(&mut a, Action::Search);
    typed(&mut a, "ceasefire");
    keys(&mut a, &[KeyCode::Esc, KeyCode::Char('e')]);
    let lines = common::lines(&a);
    let at = lines
        .iter()
        .position(|l| l.contains("Search “ceasefire” in force, not narrowed (& narrows):"))
        .expect("the notice");
    // The dialog's columns: from its left border on that line (each cell is one char here).
    let left = lines[at]
        .find("│ Search")
        .map(|b| lines[at][..b].chars().count())
        .expect("the dialog's border");
    let inside = |l: &str| -> String {
        let rest: String = l.chars().skip(left).collect();
        rest.split('│').nth(1).unwrap_or_default().trim().to_owned()
    };
    let notice = format!("{} {}", inside(&lines[at]), inside(&lines[at + 1]));
    assert_eq!(
        notice,
        "Search “ceasefire” in force, not narrowed (& narrows): every row is exported."
    );
}

#[test]
fn a_narrow_dialog_shortens_markdown_so_every_format_can_be_read() {
    let mut app = common::app_at("tests/fixtures/tui/sample", 50, 12);
    keys(&mut app, &[KeyCode::Char('e')]);
    let s = screen(&app);
    let line = s.lines().find(|l| l.contains("Format")).unwrap_or_default();
    assert!(line.contains("● MD") && line.contains("○ HTML "), "{line}");
    let mut wide = common::app_at("tests/fixtures/tui/sample", 80, 24);
    keys(&mut wide, &[KeyCode::Char('e')]);
    assert!(screen(&wide).contains("● Markdown"));
}

/// On a narrow screen the topic's title gives way, so the focused scope still shows both its
/// arrows: the `▸` says there is another choice (at 50 columns it ran off the dialog).
#[test]
fn a_narrow_dialog_keeps_both_arrows_of_the_scope() {
    for w in [50, 52, 56, 64, 80] {
        let mut app = common::bundled(w, 12);
        keys(&mut app, &[KeyCode::Char('e')]);
        let s = screen(&app);
        let line = s.lines().find(|l| l.contains("What")).unwrap_or_default();
        let all = line.find("all topics").unwrap_or(usize::MAX);
        assert!(
            line.contains('◂') && line.rfind('▸').is_some_and(|at| at > all),
            "{w} columns: {line}"
        );
    }
}

/// On a narrow screen, where a relative path goes wraps inside the dialog rather than running
/// out of it.
#[test]
fn where_a_path_goes_wraps_on_a_narrow_screen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = common::sized(app(dir.path()), 60, 20);
    keys(&mut a, &[KeyCode::Char('e')]);
    let s = screen(&a);
    assert!(s.contains("home folder."), "{s}");
}

/// The export dialog never writes over one of the dispute's own files, even after `y`: a side
/// file would have held an export in place of the analyst's claims.
#[test]
fn an_export_over_a_side_file_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    for f in ["alpha.json", "beta.json", "dispute.json"] {
        std::fs::copy(
            Path::new("tests/fixtures/match").join(f),
            dir.path().join(f),
        )
        .expect("copied");
    }
    let side = dir.path().join("alpha.json");
    let before = std::fs::read_to_string(&side).expect("read");
    let mut a = common::open_folder(dir.path());
    a.export_folder = dir.path().to_path_buf();
    keys(&mut a, &[KeyCode::Char('e')]);
    for _ in 0..path_text(&a).chars().count() {
        update(&mut a, Action::Edit(Edit::Backspace));
    }
    typed(&mut a, "alpha.json");
    keys(&mut a, &[KeyCode::Enter]);
    assert!(
        common::footer_said(&a).contains("one of the dispute's own files"),
        "{}",
        screen(&a)
    );
    let d = dialog(&a).expect("the dialog stays");
    assert_eq!(d.stage, Stage::Editing, "no overwrite asked");
    assert_eq!(std::fs::read_to_string(&side).expect("read"), before);
}
