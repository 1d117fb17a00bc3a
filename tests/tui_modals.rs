//! Every modal as the analyst sees it, at 80×24, 120×40 and 200×60: the comparison screen, the
//! help, the party picker, a row in full, the link chooser, the search line, the filter panel,
//! the export dialog and the topic finder. Each is opened by the keys a user would press.

mod common;

use parallax::tui::text_field::Edit;
use parallax::tui::{Action, App};

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 60)];

/// The ways into each modal, from the fixture's first screen.
fn modals() -> Vec<(&'static str, Vec<Action>)> {
    let typed = |s: &str| {
        s.chars()
            .map(|c| Action::Edit(Edit::Insert(c)))
            .collect::<Vec<_>>()
    };
    let mut search = vec![Action::NextPane, Action::Search];
    search.extend(typed("gates"));
    vec![
        ("comparison", vec![Action::NextPane]),
        ("help", vec![Action::Help]),
        ("picker", vec![Action::PickParties]),
        ("detail", vec![Action::NextPane, Action::Open]),
        (
            "links",
            vec![Action::Last, Action::Open, Action::FollowRebuttal],
        ),
        ("search", search),
        ("find_topic", {
            let mut v = vec![Action::Search];
            v.extend(typed("the"));
            v
        }),
        (
            "filters",
            vec![Action::Filters, Action::Down, Action::Toggle],
        ),
        ("export", vec![Action::Export, Action::NextPane]),
    ]
}

fn at(width: u16, height: u16, actions: &[Action]) -> App {
    let mut app = common::app_at("tests/fixtures/tui/sample", width, height);
    common::press(&mut app, actions);
    app
}

#[test]
fn every_modal_at_three_sizes() {
    for (name, actions) in modals() {
        for (w, h) in SIZES {
            let app = at(w, h, &actions);
            let s = common::screen(&app);
            if name != "comparison" {
                assert!(app.modal().is_some(), "{name} opens at {w}x{h}");
            }
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), s);
        }
    }
}

/// A view scrolled down says what is out of sight above, as it says what is below: the help's
/// first line, and a row in full's bottom border.
#[test]
fn scrolled_views_count_the_lines_out_of_sight() {
    let app = at(80, 24, &[Action::Help, Action::PageDown]);
    let lines = common::lines(&app);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("↑ ") && l.contains("more lines")),
        "no count of the lines above:\n{}",
        lines.join("\n")
    );
    let top = at(80, 24, &[Action::NextPane, Action::Open]);
    assert!(common::screen(&top).contains("↓ "), "no count below");
    let down = at(80, 24, &[Action::NextPane, Action::Open, Action::PageDown]);
    let screen = common::screen(&down);
    assert!(screen.contains("↑ "), "no count above:\n{screen}");
}

/// A message too long for the footer, under a row in full, takes rows of its own below the
/// view: the view's bottom border, and its count of the lines below, stay in sight (the
/// message was drawn over them, and nothing said more was below).
#[test]
fn a_long_message_under_a_row_in_full_leaves_its_count_in_sight() {
    let mut app = at(80, 24, &[Action::NextPane, Action::Open]);
    let message = "Reloaded: the files changed on disk (3 warning(s): `parallax validate \
                   some/long/folder/name` lists them, with where each is and what to do).";
    app.message = Some(message.to_owned());
    let lines = common::lines(&app);
    let border = lines
        .iter()
        .rposition(|l| l.contains('└'))
        .expect("the view's bottom border");
    assert!(
        lines[border].contains("↓ ") && lines[border].contains("more line"),
        "{}",
        lines.join("\n")
    );
    let below: String = lines[border + 1..lines.len() - 1].join(" ");
    let said = below.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        said.contains("lists them, with where each is and what to do)."),
        "{}",
        lines.join("\n")
    );
    // The footer line still gives the keys.
    assert!(
        lines[lines.len() - 1].contains("Esc"),
        "{}",
        lines.join("\n")
    );
}

/// Paging through the help shows every line of it: each page starts where the one before
/// stopped, though a page's first and last lines give way to the counts of lines out of sight.
#[test]
fn paging_through_the_help_skips_no_line() {
    // Spaces collapsed: a wide mark (`⌛`) is followed by a blank cell in one rendering and not
    // in the other.
    let inner = |l: &String| {
        l.trim_matches(|c: char| c == '│' || c.is_whitespace())
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    // Tall enough to show it all at once, in one column as at 80 wide; the help's lines are
    // those the screen beneath does not hold.
    let beneath: Vec<String> = common::lines(&at(80, 120, &[])).iter().map(inner).collect();
    let whole: Vec<String> = common::lines(&at(80, 120, &[Action::Help]))
        .iter()
        .map(inner)
        .filter(|l| !l.is_empty() && !l.contains('─') && !beneath.contains(l))
        .collect();
    assert!(whole.len() > 20, "{whole:#?}");
    let mut seen = String::new();
    let mut presses = vec![Action::Help];
    for _ in 0..10 {
        let screen = common::screen(&at(80, 24, &presses));
        seen.push_str(&screen.split_whitespace().collect::<Vec<_>>().join(" "));
        presses.push(Action::PageDown);
    }
    let missing: Vec<&String> = whole
        .iter()
        .filter(|l| !seen.contains(l.as_str()))
        .collect();
    assert!(missing.is_empty(), "never shown: {missing:#?}");
}

/// With `--no-mouse`, the help's notes say the mouse is off and the terminal's own selection
/// works (they said the wheel scrolls and a click selects, which it then does not).
#[test]
fn the_help_says_the_mouse_is_off_under_no_mouse() {
    use ratatui::crossterm::event::KeyCode::{Char, End};
    let mut app = common::bundled(120, 40);
    app.mouse = false;
    common::keys(&mut app, &[Char('?'), End]);
    let s = common::screen(&app);
    assert!(
        s.contains("Mouse: off (--no-mouse), so the terminal's own text selection"),
        "{s}"
    );
    assert!(!s.contains("a click selects a topic or a row"), "{s}");
    let mut app = common::bundled(120, 40);
    common::keys(&mut app, &[Char('?'), End]);
    let s = common::screen(&app);
    assert!(s.contains("a click"), "{s}");
    // Where the mouse works, and that the other dialogs take keys only (every help said the
    // mouse worked, and the filters, the as-of bar and the timeline ignore it).
    assert!(
        s.contains("(the topic list, the comparison, a row in full, this help)"),
        "{s}"
    );
    assert!(s.contains("Other dialogs take keys only."), "{s}");
}
