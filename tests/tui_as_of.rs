//! `t` on the screen: the date the comparison is seen as of, typed or stepped by a day and a
//! week, shown in the header, with the same superseded and undated marks as `show --as-of`; and
//! the common-ground rows, marked, styled and counted. As of a date, an assessment made later is
//! left out and marked (and the common ground it would make is not counted), a source published
//! later is marked, in the comparison and in the row in full.

mod common;

use parallax::tui::theme::Theme;
use parallax::tui::{Action, App};
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;

const FIXTURE: &str = "tests/fixtures/relations";

fn app() -> App {
    common::app_at(FIXTURE, 120, 40)
}

/// The selected topic's screen text, on the row `n` (1-based) of the harbour topic.
fn text(app: &App) -> String {
    common::lines(app).join("\n")
}

/// The screen's words, box edges and runs of spaces read as one space: a sentence wrapped in
/// a box reads whole.
fn read(app: &App) -> String {
    text(app)
        .replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn as_of(app: &App) -> Option<String> {
    app.query.filter.as_of.map(|d| d.to_string())
}

#[test]
fn typing_a_date_hides_later_claims_and_marks_superseded_and_undated_ones() {
    let mut app = app();
    common::keys(&mut app, &[KeyCode::Char('t')]);
    common::typed(&mut app, "2025-03-05");
    assert_eq!(as_of(&app).as_deref(), Some("2025-03-05"));
    let s = text(&app);
    assert!(
        s.contains("as of 2025-03-05"),
        "the header shows the date:\n{s}"
    );
    assert!(s.contains("Three East ships were held."));
    assert!(
        !s.contains("Five East ships"),
        "said on 10 March, later:\n{s}"
    );
    assert!(!s.contains("Seven East ships"), "said in April, later");
    assert!(
        s.contains("Ships were held for weeks."),
        "undated claims stay"
    );
    assert!(s.contains("undated"), "{s}");
    assert!(!s.contains("superseded"), "nothing replaced L1 yet");

    // Stepping on to 10 March: East's tally of five replaces its tally of three.
    common::keys(&mut app, &[KeyCode::Right; 5]);
    assert_eq!(as_of(&app).as_deref(), Some("2025-03-10"));
    let s = text(&app);
    assert!(s.contains("Five East ships were held."));
    assert!(s.contains("superseded (latest 2025-03-10)"), "{s}");
    common::keys(&mut app, &[KeyCode::Enter]);
    assert!(app.modal().is_none(), "Enter keeps the date and closes");
    assert!(text(&app).contains("as of 2025-03-10"));
}

#[test]
fn stepping_by_day_and_week_stays_within_the_dated_claims_and_esc_goes_back() {
    let mut app = app();
    common::keys(&mut app, &[KeyCode::Char('t'), KeyCode::End]);
    assert_eq!(
        as_of(&app).as_deref(),
        Some("2025-04-30"),
        "the last claim's day"
    );
    common::keys(&mut app, &[KeyCode::Left]);
    assert_eq!(as_of(&app).as_deref(), Some("2025-04-29"));
    common::keys(&mut app, &[KeyCode::Up]);
    assert_eq!(as_of(&app).as_deref(), Some("2025-04-22"));
    common::keys(&mut app, &[KeyCode::Down, KeyCode::Down]);
    assert_eq!(
        as_of(&app).as_deref(),
        Some("2025-04-30"),
        "no further than the last"
    );
    common::keys(&mut app, &[KeyCode::Home, KeyCode::Left]);
    assert_eq!(
        as_of(&app).as_deref(),
        Some("2025-03-01"),
        "no earlier than the first"
    );
    common::keys(&mut app, &[KeyCode::Esc]);
    assert_eq!(as_of(&app), None, "Esc puts back the date in force before");
    assert!(app.modal().is_none());
    assert!(!text(&app).contains("as of "));
}

#[test]
fn delete_shows_every_date_again_and_a_bad_date_is_not_applied() {
    let mut app = app();
    common::keys(&mut app, &[KeyCode::Char('t')]);
    common::typed(&mut app, "2025-03-02");
    common::keys(&mut app, &[KeyCode::Enter, KeyCode::Char('t')]);
    common::typed(&mut app, "2025-13");
    assert_eq!(
        as_of(&app).as_deref(),
        Some("2025"),
        "the last valid date typed stays"
    );
    assert!(text(&app).contains("Not a date yet"));
    // The message names the date still in force (the last valid one typed).
    let said = app.modal().map(|m| format!("{m:?}")).unwrap_or_default();
    assert!(said.contains("stays (2025)"), "{said}");
    common::keys(&mut app, &[KeyCode::Enter]);
    assert!(app.modal().is_some(), "Enter waits for a real date");
    common::keys(&mut app, &[KeyCode::Delete]);
    assert_eq!(as_of(&app), None);
    assert!(text(&app).contains("Seven East ships were held."));
    common::keys(&mut app, &[KeyCode::Char('x')]);
    assert!(text(&app).contains("digits and dashes"));
}

#[test]
fn the_screen_shows_the_same_rows_as_show_as_of() {
    let mut app = app();
    common::keys(&mut app, &[KeyCode::Char('t')]);
    common::typed(&mut app, "2025-03-10");
    let dispute = common::dispute(FIXTURE);
    let cmp = parallax::compare::Comparison::new(&dispute, 0, 1);
    let filter = parallax::query::Filter {
        as_of: "2025-03-10".parse().ok(),
        ..Default::default()
    };
    let cli = filter.apply(&dispute, &cmp);
    assert_eq!(
        app.shown().topics,
        cli.topics,
        "one rule for the CLI and the screen"
    );
    assert_eq!(app.shown().as_of, cli.as_of);
}

#[test]
fn common_ground_rows_are_marked_styled_and_counted() {
    let mut app = App::new(common::dispute(FIXTURE), 0, 1, Theme::colored());
    app = common::sized(app, 120, 40);
    let lines = common::lines(&app);
    let header = &lines[2];
    assert!(header.contains("2 ≡ common ground"), "{header}");
    let topics = lines.join("\n");
    assert!(
        topics.contains("≡1"),
        "the topic list counts them:\n{topics}"
    );
    common::press(&mut app, &[Action::NextPane, Action::Down]);
    let t = common::render(&app);
    let buf = t.backend().buffer();
    let (y, x) = (0..buf.area.height)
        .find_map(|y| {
            let line: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
            line.find("1. ≡ When did the closure begin?")
                .map(|i| (y, line[..i].chars().count() as u16))
        })
        .expect("the common-ground row's heading, first in its topic, with its mark");
    assert_eq!(buf[(x, y)].fg, Color::Green, "in a style of its own");
    let differ = common::lines(&app).join("\n");
    assert!(
        differ.contains("2. Who closed the harbour?"),
        "the other rows follow, unmarked"
    );
}

#[test]
fn the_bar_keys_are_in_readme_and_none_is_bound_twice() {
    use parallax::tui::modal::as_of::update::BINDINGS;
    common::readme_has_table("as-of bar", BINDINGS);
    assert_eq!(parallax::tui::keymap::no_key_twice(BINDINGS), None);
}

/// At 80 columns the bar's lines say their whole point: the span of dates, and that a date
/// typed half-way leaves the one in force.
#[test]
fn the_bar_says_its_point_in_full_at_80_columns() {
    let mut app = common::bundled(80, 24);
    common::keys(&mut app, &[ratatui::crossterm::event::KeyCode::Char('t')]);
    let s = common::screen(&app);
    assert!(s.contains("a month counts to its last day."), "{s}");
    common::keys(&mut app, &[ratatui::crossterm::event::KeyCode::End]);
    for _ in 0..12 {
        common::keys(&mut app, &[ratatui::crossterm::event::KeyCode::Backspace]);
    }
    common::typed(&mut app, "2025-1");
    let s = common::screen(&app);
    assert!(
        s.contains("Not a date yet, so the date in force stays"),
        "{s}"
    );
    // And why, whole: the bar grows a line rather than cut the reason.
    let note = app
        .modals
        .iter()
        .find_map(|m| match m {
            parallax::tui::state::Modal::AsOf(bar) => bar.note.clone(),
            _ => None,
        })
        .expect("a note");
    let shown: String = common::lines(&app)
        .iter()
        .map(|l| l.trim_matches(|c: char| c == ' ' || c == '│'))
        .collect::<Vec<_>>()
        .join(" ");
    let words = note.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(shown.contains(&words), "{note}\n{shown}");
}

/// The scuffle at the gate (see tests/as_of.rs): claims of 12 March, a verdict citing a report of
/// the 13th, one citing the inquiry of the 25th, one citing nothing.
const ASSESSED: &str = "tests/fixtures/assessed";

#[test]
fn as_of_a_date_a_later_assessment_is_left_out_and_marked_on_the_screen() {
    let mut app = common::app_at(ASSESSED, 260, 40);
    let s = text(&app);
    assert!(s.contains("Our reporter saw one bottle"), "{s}");
    assert!(s.contains("1 ≡ common ground"), "{s}");
    assert!(!s.contains("later") && !s.contains("undated"), "{s}");

    common::keys(&mut app, &[KeyCode::Char('t')]);
    common::typed(&mut app, "2026-03-12");
    common::keys(&mut app, &[KeyCode::Enter]);
    let s = text(&app);
    assert!(s.contains("as of 2026-03-12"), "{s}");
    assert!(
        s.contains("Pickets blocked a delivery lorry"),
        "the claim was made by then:\n{s}"
    );
    assert!(
        !s.contains("Our reporter saw") && !s.contains("⚑ disputed"),
        "its verdict was not:\n{s}"
    );
    assert!(s.contains("assessed later (2026-03-13)"), "{s}");
    assert!(s.contains("assessed later (2026-03-25)"), "{s}");
    assert!(
        s.contains("⚑ corroborated (by the dispute's compilers)")
            && s.contains("assessment undated"),
        "an undated verdict stays, marked:\n{s}"
    );
    // `⌛` is two cells wide: the screen's text holds a blank cell after it.
    assert!(
        s.contains("[Tembla Gazette 2026-03-13 · high · ⌛  published later]"),
        "{s}"
    );
    assert!(
        !s.contains("≡ common ground"),
        "the union's corroboration came on the 25th:\n{s}"
    );

    // The row in full says the same.
    let at = app.dispute.find_claim("c-pickets").expect("the claim");
    let (topic, row, _) = app.locate(at).expect("on screen");
    app.reveal(topic, row, at);
    common::press(&mut app, &[Action::Open]);
    let s = text(&app);
    assert!(s.contains("assessed later (2026-03-13)"), "{s}");
    assert!(!s.contains("Our reporter saw"), "{s}");
    assert!(s.contains("2. Tembla Gazette · ⌛  published later"), "{s}");
    assert!(!s.contains("1. Meridian press office ·"), "{s}");
}

#[test]
fn stepping_to_the_assessments_date_brings_it_and_the_common_ground_back() {
    let mut app = common::app_at(ASSESSED, 260, 40);
    common::keys(&mut app, &[KeyCode::Char('t')]);
    common::typed(&mut app, "2026-03-24");
    let s = text(&app);
    assert!(s.contains("Our reporter saw one bottle"), "{s}");
    assert!(!s.contains("published later"), "{s}");
    assert!(!s.contains("≡ common ground"), "{s}");
    // Stepping stops at the last claim's day (the 12th): type the 25th.
    common::keys(&mut app, &[KeyCode::Backspace]);
    common::typed(&mut app, "5");
    assert_eq!(as_of(&app).as_deref(), Some("2026-03-25"));
    let s = text(&app);
    assert!(!s.contains("assessed later"), "{s}");
    assert!(s.contains("⚑ corroborated (by Town inquiry)"), "{s}");
    assert!(s.contains("1 ≡ common ground"), "{s}");
}

/// `Esc` puts back the topic and row selected before, as well as the date: a date that hid the
/// selected topic had moved the selection to another.
#[test]
fn esc_goes_back_to_the_topic_a_date_had_hidden() {
    let mut app = common::bundled(200, 50);
    let last = app.shown().topics.len() - 1;
    app.select_topic(last);
    let topic = app.current_topic().map(|t| t.id.clone());
    common::keys(&mut app, &[KeyCode::Char('t')]);
    common::typed(&mut app, "2025-05");
    assert_ne!(
        app.current_topic().map(|t| t.id.clone()),
        topic,
        "the date hides the last topic"
    );
    common::keys(&mut app, &[KeyCode::Esc]);
    assert_eq!(as_of(&app), None);
    assert_eq!(app.current_topic().map(|t| t.id.clone()), topic);
}

/// A date that hid the selected topic and a date that shows it again bring it back, with no
/// `Esc`: stepping through time and back ended on another topic, unnoticed. A step past either
/// end of the dated claims says so (it was silent).
#[test]
fn a_date_that_shows_the_topic_again_goes_back_to_it() {
    let mut app = common::bundled(200, 50);
    let last = app.shown().topics.len() - 1;
    app.select_topic(last);
    let topic = app.current_topic().map(|t| t.id.clone());
    let id = |app: &App| app.current_topic().map(|t| t.id.clone());
    common::keys(&mut app, &[KeyCode::Char('t'), KeyCode::Home]);
    assert_ne!(id(&app), topic, "the first day hides the last topic");
    common::keys(&mut app, &[KeyCode::Left]);
    let first = as_of(&app).unwrap_or_default();
    assert!(
        app.message.clone().unwrap_or_default().contains(&format!(
            "Nothing is earlier: {first} is the first claim's day"
        )),
        "{}",
        app.message.clone().unwrap_or_default()
    );
    common::keys(&mut app, &[KeyCode::End]);
    assert_eq!(id(&app), topic, "the last day shows it again");
    common::keys(&mut app, &[KeyCode::Right]);
    assert!(
        app.message
            .clone()
            .unwrap_or_default()
            .contains("Nothing is later")
    );
    common::keys(&mut app, &[KeyCode::Home, KeyCode::Delete, KeyCode::Enter]);
    assert_eq!(as_of(&app), None);
    assert_eq!(id(&app), topic, "every date shows it again");
    // The timeline: back to one topic after every topic charts the topic it opened on.
    common::keys(&mut app, &[KeyCode::Char('T'), KeyCode::Tab, KeyCode::Home]);
    assert_ne!(id(&app), topic);
    common::keys(&mut app, &[KeyCode::Tab]);
    let charted = match app.modal() {
        Some(parallax::tui::state::Modal::Timeline(chart)) => chart.topic.clone(),
        _ => None,
    };
    assert_eq!(charted, topic);
    common::keys(&mut app, &[KeyCode::End]);
    assert_eq!(id(&app), topic);
}

/// In the event loop a date stepped shows at once, in the bar and in the header marked as on
/// its way, and the comparison follows from the loop's query worker: at a million claims it
/// takes half a second, and each key waited for it.
#[test]
fn a_date_stepped_in_the_loop_shows_at_once_and_the_comparison_follows() {
    let mut app = common::bundled(120, 40);
    common::keys(&mut app, &[KeyCode::Char('t'), KeyCode::End]);
    let last = as_of(&app).unwrap_or_default();
    let shown = |app: &App| app.shown().as_of.as_ref().map(|a| a.date.to_string());
    let counts = app.counts;
    common::burst(&mut app, &[KeyCode::Up]);
    let asked = as_of(&app).unwrap_or_default();
    assert_ne!(asked, last, "a week back");
    let s = text(&app);
    assert!(
        s.contains(&format!("Date {asked}")),
        "the bar shows it:\n{s}"
    );
    assert!(
        s.contains(&format!("as of {asked}…")),
        "the header marks it as coming:\n{s}"
    );
    assert_eq!(shown(&app), Some(last.clone()), "the comparison waits");
    assert_eq!(app.counts, counts);
    // A burst that acts on nothing (the mouse moved) leaves the query to the worker, rather
    // than wait for it: the next step would have waited too.
    common::burst(&mut app, &[]);
    assert!(app.query_pending());
    assert_eq!(shown(&app), Some(last.clone()));
    assert!(common::worker_answers(&mut app));
    let s = text(&app);
    assert!(s.contains(&format!("as of {asked}")), "{s}");
    assert!(!s.contains(&format!("{asked}…")), "{s}");
    assert_eq!(shown(&app), Some(asked.clone()));
    assert_ne!(app.counts, counts, "the counts follow the date");

    // Enter with a step still out keeps the date asked, shown: no key acts on the old one.
    common::burst(&mut app, &[KeyCode::Up]);
    let asked = as_of(&app).unwrap_or_default();
    assert_ne!(shown(&app), Some(asked.clone()));
    common::burst(&mut app, &[KeyCode::Enter]);
    assert!(app.modal().is_none());
    assert!(!app.query_pending());
    assert_eq!(shown(&app), Some(asked));
}

/// Stepped through time in bursts of keys, with the worker's answers coming after each, the
/// screen still goes back to the topic a date had hidden once a date shows it again, in the
/// bar and in the timeline.
#[test]
fn stepping_in_the_loop_goes_back_to_the_topic_a_date_had_hidden() {
    let mut app = common::bundled(200, 50);
    let last = app.shown().topics.len() - 1;
    app.select_topic(last);
    let topic = app.current_topic().map(|t| t.id.clone());
    let id = |app: &App| app.current_topic().map(|t| t.id.clone());
    common::keys(&mut app, &[KeyCode::Char('t')]);
    common::burst(&mut app, &[KeyCode::Home]);
    assert!(common::worker_answers(&mut app));
    assert_ne!(id(&app), topic, "the first day hides the last topic");
    common::burst(&mut app, &[KeyCode::End]);
    assert!(common::worker_answers(&mut app));
    assert_eq!(id(&app), topic, "the last day shows it again");
    // The timeline of every topic: its first bar is the first day.
    common::keys(
        &mut app,
        &[KeyCode::Enter, KeyCode::Char('T'), KeyCode::Tab],
    );
    common::burst(&mut app, &[KeyCode::Home]);
    assert!(common::worker_answers(&mut app));
    assert_ne!(id(&app), topic, "the first bar hides it");
    common::burst(&mut app, &[KeyCode::End]);
    assert!(common::worker_answers(&mut app));
    assert_eq!(id(&app), topic, "the last bar shows it again");
    // Esc with a step out goes back to the date and topic of before, at once.
    common::burst(&mut app, &[KeyCode::Home, KeyCode::Esc]);
    assert!(!app.query_pending());
    assert_eq!(id(&app), topic);
}

/// Backspace on the proposed date takes its last character, to type it anew: it emptied the
/// field, dropping the date in force, when an analyst who stepped to a date wanted to fix its
/// day (← and → step, so nothing else keeps the date to edit). Delete still clears it.
#[test]
fn backspace_on_the_proposed_date_takes_its_last_character() {
    let mut app = app();
    common::keys(
        &mut app,
        &[KeyCode::Char('t'), KeyCode::End, KeyCode::Enter],
    );
    let kept = as_of(&app).expect("a date in force");
    common::keys(&mut app, &[KeyCode::Char('t'), KeyCode::Backspace]);
    assert_eq!(as_of(&app), Some(kept.clone()), "the date in force stays");
    let shown = text(&app);
    assert!(shown.contains(&kept[..kept.len() - 1]), "{shown}");
    assert!(shown.contains("Not a date yet"), "{shown}");
    // The day typed anew.
    common::keys(&mut app, &[KeyCode::Backspace]);
    common::typed(&mut app, "15");
    assert_eq!(as_of(&app), Some(format!("{}15", &kept[..kept.len() - 2])));
    common::keys(&mut app, &[KeyCode::Delete]);
    assert_eq!(as_of(&app), None);
    assert!(text(&app).contains("every date"), "{}", text(&app));
}

/// A date before every dated claim, with the undated ones filtered out, empties the screen:
/// while the bar is open it says how to bring claims back from the bar (it said to press `F`,
/// which types nothing there); closed, `F`.
#[test]
fn a_date_that_empties_the_screen_says_how_to_get_claims_back() {
    let mut app = common::bundled(80, 24);
    // Undated claims stand at every date; `until` leaves them out.
    app.query.filter.until = Some("2025-12".parse().expect("a date"));
    app.requery();
    common::keys(&mut app, &[KeyCode::Char('t')]);
    common::typed(&mut app, "2024");
    assert!(app.shown().topics.is_empty());
    let said = read(&app);
    assert!(said.contains("No claim matches as of this date"), "{said}");
    assert!(!said.contains("Press F"), "{said}");
    common::keys(&mut app, &[KeyCode::Enter]);
    let said = read(&app);
    assert!(said.contains("Press F to clear them"), "{said}");
}

/// A date before the filter `since` is not put in force (nothing said by then could match, as
/// `--since` after `--as-of` is refused): the bar says why, and how to clear `since`, whole at
/// 80 columns; the screen keeps its claims.
#[test]
fn a_date_before_since_is_not_applied_and_the_bar_says_why() {
    let mut app = common::bundled(80, 24);
    app.query.filter.since = Some("2025-06".parse().expect("a date"));
    app.requery();
    common::keys(&mut app, &[KeyCode::Char('t')]);
    common::typed(&mut app, "2025-05-10");
    assert_ne!(as_of(&app).as_deref(), Some("2025-05-10"));
    assert!(
        !app.shown().topics.is_empty(),
        "the screen keeps its claims"
    );
    let said = read(&app);
    assert!(
        said.contains(
            "2025-05-10 is before the filter since 2025-06, so nothing could match; clear it in \
             the filters (f)."
        ),
        "{said}"
    );
    // Enter keeps the bar open and says it again; a later date applies.
    common::keys(&mut app, &[KeyCode::Enter]);
    assert!(
        app.modals
            .iter()
            .any(|m| matches!(m, parallax::tui::state::Modal::AsOf(_)))
    );
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("is before the filter since")),
        "{:?}",
        app.message
    );
    common::keys(&mut app, &[KeyCode::Backspace; 5]);
    common::typed(&mut app, "06-20");
    assert_eq!(as_of(&app).as_deref(), Some("2025-06-20"), "{}", text(&app));
}

/// A date before `since` with a date in force says where to clear `since` whole at 80 columns:
/// two lines cut it at `(f…`, the one thing to do.
#[test]
fn a_date_before_since_says_where_to_clear_it_whole_at_80_columns() {
    let mut app = common::bundled(80, 24);
    app.query.filter.since = Some("2025-05-01".parse().expect("a date"));
    app.requery();
    common::keys(&mut app, &[KeyCode::Char('t')]);
    common::typed(&mut app, "2025-04-25");
    let said = read(&app);
    assert!(
        said.contains("the date in force stays (2025)")
            && said.contains("clear it in the filters (f)."),
        "{}",
        text(&app)
    );
}

/// At the first day the footer offers no step back, at the last none on (it offered them, and
/// they only said that nothing is earlier or later); a step still says so.
#[test]
fn the_footer_offers_only_the_steps_that_move() {
    let mut app = common::bundled(120, 30);
    // The footer offers each of `on` and none of `off`.
    let offers = |app: &App, on: &[&str], off: &[&str]| {
        let footer = common::lines(app).last().cloned().unwrap_or_default();
        assert!(
            on.iter().all(|k| footer.contains(k)) && !off.iter().any(|k| footer.contains(k)),
            "{footer}"
        );
    };
    common::keys(&mut app, &[KeyCode::Char('t'), KeyCode::Home]);
    offers(&app, &["day+", "week+"], &["day-", "week-"]);
    common::keys(&mut app, &[KeyCode::Left]);
    assert!(
        common::message_starts(&app, "Nothing is earlier"),
        "{:?}",
        app.message
    );
    common::keys(&mut app, &[KeyCode::End]);
    offers(&app, &["day-", "week-"], &["day+", "week+"]);
    common::keys(&mut app, &[KeyCode::Left]);
    offers(&app, &["day-", "day+"], &[]);
}

/// With a party kept by the filters, `End` goes to that party's last claim and the bar's hint
/// names its span (they were every side's, past what is shown).
#[test]
fn the_bar_steps_over_the_claims_the_filters_keep() {
    let mut all = common::bundled(80, 24);
    common::keys(&mut all, &[KeyCode::Char('t'), KeyCode::End]);
    let mut kept = common::bundled(80, 24);
    kept.query.filter.parties = vec!["india".to_owned()];
    kept.requery();
    common::keys(&mut kept, &[KeyCode::Char('t'), KeyCode::End]);
    let (last, india) = (as_of(&all).unwrap(), as_of(&kept).unwrap());
    assert!(
        india < last,
        "India's last claim {india}, every side's {last}"
    );
    let said = text(&kept);
    assert!(said.contains(&format!("to {india};")), "{said}");
}
