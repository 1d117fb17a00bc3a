//! Honest keys: in every mode, each key the footer and `?` help list (generated from the active
//! modal's bindings, as they are) changes the state or the screen. A key that would do nothing
//! where it is listed (a move at the end of a list, "back" with nowhere to go back to) fails here,
//! named with its mode. A one-line hint in the footer does not count as a change.

mod common;

use parallax::tui::keymap::GLOBAL;
use parallax::tui::modal::component;
use parallax::tui::text_field::Edit;
use parallax::tui::theme::Theme;
use parallax::tui::{Action, App, Outcome, keys, update};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;

const SAMPLE: &str = "tests/fixtures/tui/sample";

fn typed(s: &str) -> Vec<Action> {
    s.chars().map(|c| Action::Edit(Edit::Insert(c))).collect()
}

/// Every mode worth telling apart, as the keys that reach it from the first screen.
fn modes() -> Vec<(&'static str, Vec<Action>)> {
    let search = |rest: &[Action]| {
        let mut v = vec![Action::NextPane, Action::Search];
        v.extend(typed("gates"));
        v.extend_from_slice(rest);
        v
    };
    let filters = |rest: &[Action]| {
        let mut v = vec![Action::Filters];
        v.extend_from_slice(rest);
        v
    };
    vec![
        ("topic list, first topic", vec![]),
        ("topic list, last topic", vec![Action::Last]),
        ("topic list, middle topic", vec![Action::Down]),
        ("comparison, first row", vec![Action::NextPane]),
        ("comparison, last row", vec![Action::NextPane, Action::Last]),
        (
            "comparison, middle row",
            vec![Action::NextPane, Action::Down],
        ),
        (
            "comparison, one-row topic",
            vec![Action::Down, Action::Open],
        ),
        ("comparison, search in force", search(&[Action::Back])),
        ("row in full", vec![Action::NextPane, Action::Open]),
        (
            "row in full, last claim",
            vec![Action::NextPane, Action::Open, Action::Last],
        ),
        ("help", vec![Action::Help]),
        (
            "help, scrolled to its end",
            vec![Action::Help, Action::Last],
        ),
        ("picker", vec![Action::PickParties]),
        ("search line, empty", vec![Action::NextPane, Action::Search]),
        ("topic finder, empty", vec![Action::Search]),
        ("topic finder, typed", {
            let mut v = vec![Action::Search];
            v.extend(typed("the"));
            v
        }),
        ("topic finder, nothing found", {
            let mut v = vec![Action::Search];
            v.extend(typed("zebra"));
            v
        }),
        ("search line, typed", search(&[])),
        ("filters, parties", filters(&[])),
        ("filters, a party chosen", filters(&[Action::Toggle])),
        ("filters, topics", filters(&[Action::NextPane])),
        (
            "filters, finding a topic",
            filters(&[Action::NextPane, Action::Edit(Edit::Insert('/'))]),
        ),
        (
            "filters, dates",
            filters(&[
                Action::PrevPane,
                Action::PrevPane,
                Action::PrevPane,
                Action::PrevPane,
                Action::Edit(Edit::Insert('2')),
            ]),
        ),
        ("export, scope", vec![Action::Export]),
        ("export, file", vec![Action::Export, Action::PrevPane]),
        (
            "links chooser",
            vec![Action::Last, Action::Open, Action::FollowRebuttal],
        ),
    ]
}

fn open(mode: &[Action], size: (u16, u16)) -> App {
    static DISPUTE: std::sync::OnceLock<parallax::format::Dispute> = std::sync::OnceLock::new();
    let dispute = DISPUTE.get_or_init(|| common::dispute(SAMPLE)).clone();
    let mut app = common::sized(App::new(dispute, 0, 1, Theme::colored()), size.0, size.1);
    let dir = std::env::temp_dir().join("parallax-honest-keys");
    app.export_folder = dir;
    common::press(&mut app, mode);
    app
}

fn buffer(app: &App) -> Buffer {
    common::render(app).backend().buffer().clone()
}

/// What the analyst acts on, apart from the screen: where the selection and scroll are, the
/// open modals with their fields and the search line (a text cursor does not show in a test
/// buffer), the query, and whether suggested rows are asked for.
fn state(app: &App) -> String {
    format!(
        "{:?}",
        (
            app.focus,
            app.topic,
            app.topic_top,
            app.row,
            app.top,
            &app.modals,
            &app.back,
            &app.query,
            &app.search.field,
            app.suggest.on,
        )
    )
}

#[test]
fn every_key_listed_in_footer_or_help_changes_the_state_or_the_screen() {
    let mut failures = Vec::new();
    let mut tried = 0;
    for size in [(80, 24), (120, 40)] {
        for (name, mode) in modes() {
            let first = open(&mode, size);
            let listed: Vec<_> = component::working_where(&first, |_| true)
                .into_iter()
                .chain(GLOBAL)
                .flat_map(|b| b.keys.iter().map(move |&k| (k, b.help)))
                .collect();
            assert!(!listed.is_empty(), "{name}: no key listed");
            for (key, help) in listed {
                let mut app = open(&mode, size);
                let before = (buffer(&app), state(&app));
                let event = KeyEvent::new(key.code, key.mods);
                let Some(action) = keys::action_in(&app, event) else {
                    failures.push(format!("{name}: {key:?} ({help}) reads as nothing"));
                    continue;
                };
                tried += 1;
                if update(&mut app, action) != Outcome::Continue {
                    continue;
                }
                app.message = None;
                if (buffer(&app), state(&app)) == before {
                    failures.push(format!(
                        "{}x{} {name}: {} ({help}) changes nothing",
                        size.0,
                        size.1,
                        parallax::tui::keymap::label(key)
                    ));
                }
            }
        }
    }
    assert!(tried > 200, "only {tried} keys tried");
    assert!(
        failures.is_empty(),
        "keys listed where they do nothing:\n{}",
        failures.join("\n")
    );
}
