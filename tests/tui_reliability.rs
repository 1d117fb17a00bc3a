//! Source reliability and who made an assessment on the screen: the source tags of the
//! comparison, the row in full, and the filter panel's "only low or partisan sources".

mod common;

use common::{keys, panel, screen, typed};
use parallax::tui::Action;
use parallax::tui::state::filters::Section;
use ratatui::crossterm::event::KeyCode;

const FIXTURE: &str = "tests/fixtures/reliability";

#[test]
fn tags_and_the_row_in_full_show_reliability_and_who_assessed() {
    let mut app = common::app_at(FIXTURE, 160, 50);
    let s = screen(&app);
    assert!(s.contains("[Harbour Blog 2025-03-02 · low]"), "{s}");
    assert!(s.contains("[South Daily 2025-03-02]"), "{s}");
    // The third row holds the assessed claims of both sides.
    common::press(
        &mut app,
        &[Action::NextPane, Action::Down, Action::Down, Action::Open],
    );
    let s = screen(&app);
    for needle in [
        "assessment: ⚑ disputed (by Harbour Check): Only one wreck was found.",
        "reliability: partisan: Campaigns for North's government.",
        "assessment: ⚑ unverified (by the compilers)",
        "reliability: low",
    ] {
        assert!(s.contains(needle), "missing {needle:?} in\n{s}");
    }
}

#[test]
fn the_filter_panel_keeps_claims_resting_only_on_low_or_partisan_sources() {
    let mut app = common::app_at(FIXTURE, 160, 50);
    typed(&mut app, "f");
    for _ in 0..Section::ALL.len() {
        if panel(&app).map(|p| p.section) == Some(Section::Claims) {
            break;
        }
        keys(&mut app, &[KeyCode::Tab]);
    }
    assert_eq!(panel(&app).map(|p| p.section), Some(Section::Claims));
    // The third choice, after unsourced and untrusted claims.
    keys(
        &mut app,
        &[
            KeyCode::Down,
            KeyCode::Down,
            KeyCode::Char(' '),
            KeyCode::Esc,
        ],
    );
    assert_eq!(app.active_filters, ["only low or partisan sources"]);
    let s = screen(&app);
    assert!(s.contains("only low or partisan sources"), "{s}");
    assert!(s.contains("South's boats entered the harbour"), "{s}");
    assert!(!s.contains("The boats left before dawn"), "{s}");
    assert!(!s.contains("Only a patrol boat"), "{s}");
}
