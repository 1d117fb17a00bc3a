//! Filtering on the screen (`f`): the panel's choices come from the dispute, every choice applies
//! at once, the header lists the filters in force, the topic list counts what is left, `F` clears
//! everything, a bad date says why, an empty result says how to get out of it, and swapping sides
//! or exporting keeps the filters.

mod common;

use common::{keys, panel, screen, typed};
use parallax::format::RelationKind;
use parallax::query::{AnsweredBy, CommonGround, Filter};
use parallax::tui::state::filters::Section;
use parallax::tui::{Action, App, update};
use ratatui::crossterm::event::KeyCode;

/// India (left) and Pakistan (right): 10 claims over three topics, `water` India's alone.
fn app(width: u16, height: u16) -> App {
    common::app_at("tests/fixtures/query", width, height)
}

/// Opens the panel and moves to a section.
fn section(app: &mut App, target: Section) {
    if panel(app).is_none() {
        typed(app, "f");
    }
    for _ in 0..Section::ALL.len() {
        if panel(app).map(|p| p.section) == Some(target) {
            return;
        }
        keys(app, &[KeyCode::Tab]);
    }
    panic!("no section {target:?}");
}

/// Finds a choice by typing part of its name, and selects it.
fn choose(app: &mut App, target: Section, find: &str) {
    if panel(app).map(|p| p.section) == Some(target) {
        // Leaving and coming back forgets the text typed to find a choice.
        keys(app, &[KeyCode::Tab, KeyCode::BackTab]);
    }
    section(app, target);
    if !find.is_empty() {
        // Enter ends the typing, then Space selects the choice found.
        typed(app, find);
        keys(app, &[KeyCode::Enter]);
    }
    keys(app, &[KeyCode::Char(' ')]);
}

/// The topic list as (topic id, left claims, right claims).
fn topics(app: &App) -> Vec<(String, usize, usize)> {
    app.shown()
        .topics
        .iter()
        .zip(&app.topic_counts)
        .map(|(t, c)| (t.id.clone(), c.left_claims, c.right_claims))
        .collect()
}

fn t(id: &str, l: usize, r: usize) -> (String, usize, usize) {
    (id.to_owned(), l, r)
}

fn claims(app: &App) -> usize {
    app.counts.left_claims + app.counts.right_claims
}

#[test]
fn choosing_a_party_applies_at_once_and_the_header_says_so() {
    let mut a = app(120, 40);
    assert_eq!(claims(&a), 10);
    typed(&mut a, "f");
    let p = panel(&a).expect("f opens the panel");
    assert_eq!(p.section, Section::Party);
    let parties: Vec<&str> = p
        .choices(Section::Party)
        .iter()
        .map(|c| c.label.as_str())
        .collect();
    assert_eq!(parties, ["India (india)", "Pakistan (pakistan)"]);
    assert!(screen(&a).contains("10 of 10 claims remain, in 3 topics"));

    keys(&mut a, &[KeyCode::Char(' ')]);
    assert_eq!(a.query.filter.parties, ["india"]);
    assert_eq!(
        topics(&a),
        [t("ceasefire", 2, 0), t("strikes", 2, 0), t("water", 1, 0)]
    );
    assert_eq!(a.active_filters, ["party: india"]);
    assert!(screen(&a).contains("5 of 10 claims remain, in 3 topics"));

    keys(&mut a, &[KeyCode::Esc]);
    assert!(panel(&a).is_none(), "Esc closes the panel");
    assert_eq!(
        a.query.filter.parties,
        ["india"],
        "and keeps what is applied"
    );
    let s = screen(&a);
    assert!(s.contains("filters: party: india"), "{s}");
    assert!(s.contains("3 topics · claims 5 ⟷ 0"), "{s}");
    // The other side's pane says what the filter hides beside a claim it answered, and "no
    // counterpart" only where it said nothing.
    assert!(s.contains("│ 1 claim hidden by the filters"), "{s}");
    assert!(s.contains("│ no counterpart"), "{s}");
}

#[test]
fn a_kind_a_rating_and_typing_to_find_a_choice() {
    let mut a = app(120, 40);
    section(&mut a, Section::Outlet);
    typed(&mut a, "daw");
    let found: Vec<String> = panel(&a)
        .map(|p| p.visible().iter().map(|c| c.label.clone()).collect())
        .unwrap_or_default();
    assert_eq!(found, ["Dawn"], "typing narrows a long list");
    keys(
        &mut a,
        &[KeyCode::Backspace, KeyCode::Backspace, KeyCode::Backspace],
    );
    assert!(panel(&a).is_some_and(|p| p.visible().len() == 6));

    choose(&mut a, Section::Kind, "opinion");
    assert_eq!(a.active_filters, ["kind: opinion"]);
    assert_eq!(topics(&a), [t("strikes", 1, 0)], "only Le Café's claim");
    keys(&mut a, &[KeyCode::Delete]);
    assert!(a.query.filter.is_empty(), "Delete clears the section");

    choose(&mut a, Section::Rating, "disputed");
    assert_eq!(a.active_filters, ["rating: disputed"]);
    assert_eq!(topics(&a), [t("ceasefire", 0, 1), t("strikes", 1, 0)]);

    keys(&mut a, &[KeyCode::Char(' ')]);
    assert!(a.query.filter.is_empty(), "Space again unselects");
    choose(&mut a, Section::Rating, "no");
    assert_eq!(a.active_filters, ["rating: none"]);
    assert_eq!(claims(&a), 7);
}

#[test]
fn a_date_range_is_typed_and_checked() {
    let mut a = app(120, 40);
    section(&mut a, Section::Dates);
    typed(&mut a, "2025-05-0");
    let note = panel(&a).and_then(|p| p.note.clone());
    assert!(
        note.as_deref()
            .is_some_and(|n| n.contains("“2025-05-0”") && n.contains("YYYY-MM-DD")),
        "{note:?}"
    );
    typed(&mut a, "8");
    assert!(panel(&a).is_some_and(|p| p.note.is_none()));
    keys(&mut a, &[KeyCode::Down]);
    typed(&mut a, "2025-05-10");
    assert_eq!(a.active_filters, ["since 2025-05-08", "until 2025-05-10"]);
    // 2025-05 reaches into the range; 05-07 and undated claims go.
    assert_eq!(claims(&a), 5);
    assert_eq!(topics(&a), [t("ceasefire", 2, 1), t("strikes", 0, 2)]);
    keys(&mut a, &[KeyCode::Enter]);
    assert!(panel(&a).is_none(), "Enter closes once the dates are valid");
    assert!(screen(&a).contains("filters: since 2025-05-08 · until 2025-05-10"));
}

/// Under the date fields the panel says over which days the claims run, and, when none of them
/// is dated, that a range keeps none (on LIAR a typed year emptied the screen unexplained).
#[test]
fn the_dates_section_says_the_span_of_dates_or_that_there_is_none() {
    let mut dated = app(120, 40);
    section(&mut dated, Section::Dates);
    let shown = screen(&dated);
    assert!(
        shown.contains("Claims are dated 2025-04-23 to 2025-05-31."),
        "{shown}"
    );
    let (_dir, dispute) = common::dispute_of(&[
        ("a", serde_json::json!({"id": "a1", "text": "One."})),
        ("b", serde_json::json!({"id": "b1", "text": "Two."})),
    ]);
    let mut undated = common::sized(
        App::new(dispute, 0, 1, parallax::tui::theme::Theme::plain()),
        80,
        24,
    );
    section(&mut undated, Section::Dates);
    let shown = screen(&undated);
    assert!(
        shown.contains("No claim of these two sides has a date"),
        "{shown}"
    );
}

/// The date field being edited is marked, so it shows without colour too (only its label's style
/// told them apart).
#[test]
fn the_date_field_being_edited_is_marked() {
    let mut a = app(80, 24);
    section(&mut a, Section::Dates);
    let marked = |a: &App| {
        let shown = screen(a);
        (shown.contains("▸ since"), shown.contains("▸ until"))
    };
    assert_eq!(marked(&a), (true, false));
    keys(&mut a, &[KeyCode::Down]);
    assert_eq!(marked(&a), (false, true));
}

#[test]
fn an_invalid_date_says_why_and_is_not_applied() {
    let mut a = app(120, 40);
    section(&mut a, Section::Dates);
    typed(&mut a, "2025-13");
    keys(&mut a, &[KeyCode::Enter]);
    let p = panel(&a).expect("Enter with a bad date keeps the panel open");
    assert!(
        p.note
            .as_deref()
            .is_some_and(|n| n.contains("is not a real calendar date")),
        "{:?}",
        p.note
    );
    assert_eq!(a.query.filter.since, None);
    assert!(screen(&a).contains("is not a real calendar date"));
    // At 80 columns the note wraps rather than losing what to type.
    let mut narrow = app(80, 24);
    section(&mut narrow, Section::Dates);
    typed(&mut narrow, "2025-13");
    keys(&mut narrow, &[KeyCode::Enter]);
    let shown = screen(&narrow);
    assert!(shown.contains("is not a real calendar date"), "{shown}");
    assert!(
        !shown
            .lines()
            .any(|l| l.contains('…') && (l.contains("calendar") || l.contains("YYYY"))),
        "{shown}"
    );
    assert!(shown.contains("claims remain"), "{shown}");

    keys(&mut a, &[KeyCode::Delete]);
    typed(&mut a, "2025-06");
    keys(&mut a, &[KeyCode::Down]);
    typed(&mut a, "2025-05");
    let note = panel(&a).and_then(|p| p.note.clone());
    assert_eq!(
        note.as_deref(),
        Some(
            "since 2025-06 comes after until 2025-05: nothing could match; until 2025-05 not applied."
        )
    );
    assert_eq!(
        a.active_filters,
        ["since 2025-06"],
        "the until that reverses the range is not applied; the since stays"
    );
    // Closed there, the since is still in force, and the panel opened again shows it.
    keys(&mut a, &[KeyCode::Esc]);
    assert!(
        common::footer_said(&a).contains("until 2025-05 not applied"),
        "{}",
        screen(&a)
    );
    assert_eq!(a.active_filters, ["since 2025-06"]);
    section(&mut a, Section::Dates);
    assert_eq!(
        panel(&a).map(|p| p.since.text().to_owned()).as_deref(),
        Some("2025-06")
    );
    keys(&mut a, &[KeyCode::Down]);
    typed(&mut a, "2025-05");
    // The date in force stays wherever the cursor goes next: Enter from the since field keeps
    // the since, not the until typed after it.
    keys(&mut a, &[KeyCode::Up, KeyCode::Enter]);
    assert_eq!(a.active_filters, ["since 2025-06"]);
    assert!(panel(&a).is_some(), "the note keeps the panel open");
    keys(&mut a, &[KeyCode::Down]);
    keys(&mut a, &[KeyCode::Backspace]);
    typed(&mut a, "7");
    assert_eq!(a.active_filters, ["since 2025-06", "until 2025-07"]);

    keys(&mut a, &[KeyCode::Backspace]);
    keys(&mut a, &[KeyCode::Esc]);
    assert!(panel(&a).is_none(), "Esc closes even with a bad date");
    assert_eq!(
        a.active_filters,
        ["since 2025-06"],
        "what was not a date is not applied"
    );
}

#[test]
fn one_sided_rows_unsourced_and_untrusted_claims() {
    let mut a = app(120, 40);
    section(&mut a, Section::Rows);
    keys(&mut a, &[KeyCode::Down, KeyCode::Down, KeyCode::Char(' ')]);
    assert_eq!(a.query.filter.answered, Some(AnsweredBy::OneSided));
    assert_eq!(a.active_filters, ["one-sided rows"]);
    assert_eq!(
        topics(&a),
        [t("ceasefire", 1, 1), t("strikes", 1, 2), t("water", 1, 0)]
    );
    keys(&mut a, &[KeyCode::Up, KeyCode::Char(' ')]);
    assert_eq!(a.query.filter.answered, Some(AnsweredBy::Both));
    assert_eq!(topics(&a), [t("ceasefire", 1, 1), t("strikes", 1, 1)]);
    keys(&mut a, &[KeyCode::Delete]);

    section(&mut a, Section::Claims);
    keys(&mut a, &[KeyCode::Char(' ')]);
    assert_eq!(a.active_filters, ["unsourced"]);
    assert_eq!(topics(&a), [t("water", 1, 0)]);
    keys(
        &mut a,
        &[KeyCode::Char(' '), KeyCode::Down, KeyCode::Char(' ')],
    );
    assert_eq!(a.active_filters, ["untrusted text"]);
    assert_eq!(topics(&a), [t("strikes", 0, 1)]);
    // Both chosen: either, as two tags keep either.
    keys(&mut a, &[KeyCode::Up, KeyCode::Char(' ')]);
    assert_eq!(a.active_filters, ["either unsourced or untrusted text"]);
    assert_eq!(topics(&a), [t("strikes", 0, 1), t("water", 1, 0)]);
}

/// `Ctrl-A` chooses every choice of a section that takes several, found or not, and its help
/// lists it among the keys that work there; where one choice is taken it is listed as doing
/// nothing, and does nothing.
#[test]
fn ctrl_a_chooses_every_choice_where_several_may_be_chosen() {
    use parallax::tui::modal::component::Component;
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};
    let ctrl_a = KeyEvent::new(KeyCode::Char('a'), KeyModifiers::CONTROL);
    let mut a = app(120, 40);
    section(&mut a, Section::Party);
    assert!(panel(&a).expect("the panel").works(&a, Action::SelectFound));
    common::key(&mut a, ctrl_a);
    assert_eq!(a.query.filter.parties.len(), 2, "{:?}", a.query.filter);
    section(&mut a, Section::Rows);
    assert!(!panel(&a).expect("the panel").works(&a, Action::SelectFound));
    let before = a.query.filter.clone();
    common::key(&mut a, ctrl_a);
    assert_eq!(a.query.filter, before);
}

#[test]
fn one_key_clears_every_filter() {
    let mut a = app(120, 40);
    let before = screen(&a);
    choose(&mut a, Section::Party, "pak");
    choose(&mut a, Section::Tag, "jets");
    section(&mut a, Section::Dates);
    typed(&mut a, "2025-05");
    keys(&mut a, &[KeyCode::Esc]);
    assert_eq!(a.active_filters.len(), 3);
    assert_eq!(claims(&a), 1);
    assert_eq!(
        parallax::tui::keymap::key_for(
            parallax::tui::modal::screen::BINDINGS,
            Action::ClearFilters
        ),
        "F"
    );
    typed(&mut a, "F");
    assert!(a.query.filter.is_empty());
    assert!(a.outcome.is_none());
    assert!(a.active_filters.is_empty());
    assert_eq!(claims(&a), 10);
    assert!(screen(&a).contains("Filters cleared"));
    // The party filter hid the first topic, where the selection was: it is back there, and
    // all but the footer's message is as before.
    assert_eq!(a.topic, 0);
    let all_but_footer =
        |s: &str| -> Vec<String> { s.lines().rev().skip(1).map(String::from).collect() };
    assert_eq!(
        all_but_footer(&screen(&a)),
        all_but_footer(&before),
        "the screen is as before the filters"
    );
}

/// A typed date not shaped as one is told the shapes once (they were said twice), and a date
/// that is not real is told them after why.
#[test]
fn a_bad_date_says_the_shapes_once() {
    let mut a = app(120, 40);
    section(&mut a, Section::Dates);
    typed(&mut a, "xyz");
    let note = panel(&a).and_then(|p| p.note.clone()).unwrap_or_default();
    assert_eq!(
        note.matches("YYYY, YYYY-MM or YYYY-MM-DD").count(),
        1,
        "{note}"
    );
    assert!(
        note.starts_with("since: “xyz” is not written as YYYY"),
        "{note}"
    );
    keys(&mut a, &[KeyCode::Delete]);
    typed(&mut a, "2025-02-30");
    let note = panel(&a).and_then(|p| p.note.clone()).unwrap_or_default();
    assert!(
        note.contains("February has 28 days (type YYYY, YYYY-MM or YYYY-MM-DD); not applied."),
        "{note}"
    );
}

/// Clearing the filters under a narrowed search says the search still keeps only its hits:
/// "every claim is shown" was untrue while it hid most rows.
#[test]
fn clearing_filters_under_a_narrowed_search_says_the_search_still_narrows() {
    let mut a = app(120, 40);
    choose(&mut a, Section::Party, "pak");
    while panel(&a).is_some() {
        keys(&mut a, &[KeyCode::Esc]);
    }
    common::press(&mut a, &[Action::FocusComparison, Action::Search]);
    typed(&mut a, "ceasefire");
    keys(&mut a, &[KeyCode::Enter, KeyCode::Char('&')]);
    assert!(a.query.narrow);
    keys(&mut a, &[KeyCode::Char('F')]);
    assert!(a.query.filter.is_empty());
    assert_eq!(
        a.message.as_deref(),
        Some(
            "Filters cleared; the search still keeps only the rows with a hit (& shows every row)."
        )
    );
    assert!(screen(&a).contains("the search still keeps only the rows with a hit"));
    assert!(claims(&a) < 10, "the search still narrows");
    // Not narrowed, every claim is shown.
    keys(&mut a, &[KeyCode::Char('&')]);
    choose(&mut a, Section::Party, "pak");
    while panel(&a).is_some() {
        keys(&mut a, &[KeyCode::Esc]);
    }
    keys(&mut a, &[KeyCode::Char('F')]);
    assert_eq!(
        a.message.as_deref(),
        Some("Filters cleared: every claim is shown.")
    );
    assert_eq!(claims(&a), 10);
}

#[test]
fn nothing_left_says_how_to_clear_and_nothing_breaks() {
    let mut a = app(120, 40);
    keys(&mut a, &[KeyCode::Right, KeyCode::End]);
    choose(&mut a, Section::Party, "pak");
    choose(&mut a, Section::Claims, "");
    assert!(a.shown().topics.is_empty());
    assert_eq!(a.row, 0);
    assert!(screen(&a).contains("0 of 10 claims remain, in 0 topics"));
    keys(&mut a, &[KeyCode::Esc]);
    let s = screen(&a);
    assert!(
        s.contains("No claim matches the filters. Press F to clear them."),
        "{s}"
    );
    // The empty pane is still named, not left with a blank title.
    assert!(s.contains("┌ Comparison ─"), "{s}");
    for code in [
        KeyCode::Down,
        KeyCode::End,
        KeyCode::PageDown,
        KeyCode::Enter,
        KeyCode::Tab,
        KeyCode::Down,
        KeyCode::Enter,
        KeyCode::Char('s'),
    ] {
        keys(&mut a, &[code]);
        screen(&a);
    }
    typed(&mut a, "F");
    assert_eq!(claims(&a), 10);
}

#[test]
fn the_selection_stays_valid_after_filtering() {
    let mut a = app(120, 40);
    keys(&mut a, &[KeyCode::Down, KeyCode::Right, KeyCode::End]);
    assert_eq!(a.current_topic().map(|t| t.id.as_str()), Some("strikes"));
    assert_eq!(a.row, 3);
    choose(&mut a, Section::Rows, "");
    // Rows: "all rows" is first; choose "answered by both sides".
    keys(&mut a, &[KeyCode::Down, KeyCode::Char(' ')]);
    assert_eq!(a.query.filter.answered, Some(AnsweredBy::Both));
    assert_eq!(a.current_topic().map(|t| t.id.as_str()), Some("strikes"));
    assert!(
        a.row < a.rows().len(),
        "row {} of {}",
        a.row,
        a.rows().len()
    );
    keys(&mut a, &[KeyCode::Esc]);
    screen(&a);
}

#[test]
fn swapping_sides_keeps_the_filters() {
    let mut a = app(120, 40);
    choose(&mut a, Section::Party, "india");
    keys(&mut a, &[KeyCode::Esc]);
    typed(&mut a, "s");
    assert_eq!((a.cmp.left, a.cmp.right), (1, 0));
    assert_eq!(a.query.filter.parties, ["india"]);
    assert_eq!(a.active_filters, ["party: india"]);
    assert_eq!(
        topics(&a),
        [t("ceasefire", 0, 2), t("strikes", 0, 2), t("water", 0, 1)]
    );
    let s = screen(&a);
    assert!(s.contains("claims 0 ⟷ 5"), "{s}");
    assert!(s.contains("filters: party: india"), "{s}");
}

#[test]
fn export_writes_the_filtered_comparison() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = app(120, 40);
    a.export_folder = dir.path().to_path_buf();
    choose(&mut a, Section::Party, "pak");
    keys(&mut a, &[KeyCode::Esc]);
    typed(&mut a, "e");
    // All topics, then export.
    keys(&mut a, &[KeyCode::Right, KeyCode::Enter]);
    let msg = a.message.clone().unwrap_or_default();
    assert!(msg.starts_with("Exported Markdown"), "{msg}");
    let file = std::fs::read_dir(dir.path())
        .expect("folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .next()
        .expect("a file");
    let text = std::fs::read_to_string(file).expect("reads");
    assert!(text.contains("United States mediation"), "{text}");
    assert!(
        !text.contains("agreed bilaterally"),
        "India's claims are filtered out: {text}"
    );
    assert!(!text.contains("Indus Waters"), "{text}");
    assert!(
        text.contains("Selection (not the whole comparison): 5 of 10 claims · party\\: pakistan"),
        "the file says it holds a selection: {text}"
    );
}

#[test]
fn the_panel_and_the_header_at_120x40() {
    let mut a = app(120, 40);
    choose(&mut a, Section::Party, "india");
    choose(&mut a, Section::Kind, "official");
    section(&mut a, Section::Tag);
    insta::assert_snapshot!("panel_120x40", screen(&a));
    keys(&mut a, &[KeyCode::Esc]);
    insta::assert_snapshot!("header_with_filters_120x40", screen(&a));
}

#[test]
fn the_readme_lists_the_panel_keys() {
    common::readme_has_table(
        "filter panel",
        parallax::tui::modal::filters::update::BINDINGS,
    );
    common::readme_has_table(
        "filter panel while finding",
        parallax::tui::modal::filters::update::FINDING,
    );
}

#[test]
fn the_panel_draws_at_any_size_in_every_section() {
    let mut a = app(120, 40);
    choose(&mut a, Section::Outlet, "a");
    for (w, h) in [(50, 12), (60, 16), (80, 24), (200, 60), (49, 11)] {
        update(
            &mut a,
            Action::Resize {
                width: w,
                height: h,
            },
        );
        for _ in 0..Section::ALL.len() {
            keys(&mut a, &[KeyCode::Tab, KeyCode::End, KeyCode::PageUp]);
            let s = screen(&a);
            assert!(!s.is_empty());
        }
    }
}

/// Checks that every choice's count is what choosing that one choice leaves, through the real
/// filter (the one `show`, `search` and `export` run).
fn counts_agree_with_the_filter(a: &mut App) {
    typed(a, "f");
    let lists: Vec<_> = Section::ALL
        .iter()
        .filter(|s| **s != Section::Dates)
        .flat_map(|&s| panel(a).map(|p| p.choices(s).to_vec()).unwrap_or_default())
        .collect();
    assert!(lists.len() > 20, "{} choices", lists.len());
    for c in lists {
        let mut filter = parallax::query::Filter::default();
        parallax::tui::state::filters::toggle(&mut filter, &c.value);
        let kept = filter.apply(&a.dispute, &a.cmp).counts();
        assert_eq!(
            c.claims,
            Some(kept.left_claims + kept.right_claims),
            "{}",
            c.label
        );
    }
    keys(a, &[KeyCode::Esc]);
}

#[test]
fn each_choice_counts_the_claims_it_keeps_and_a_choice_keeping_none_is_dimmed() {
    counts_agree_with_the_filter(&mut app(120, 40));
    counts_agree_with_the_filter(&mut common::app_at("tests/fixtures/relations", 120, 40));

    // Three sides, two compared: the third party keeps nothing here, and is dimmed.
    let mut b = common::sized(
        App::new(
            common::dispute("tests/fixtures/tui/sample"),
            0,
            1,
            parallax::tui::theme::Theme::colored(),
        ),
        120,
        40,
    );
    typed(&mut b, "f");
    let p = panel(&b).expect("panel");
    let counts: Vec<(String, Option<usize>)> = p
        .choices(Section::Party)
        .iter()
        .map(|c| (c.label.clone(), c.claims))
        .collect();
    assert_eq!(
        counts,
        [
            ("Alpha (alpha)".to_owned(), Some(5)),
            ("Beta (beta)".to_owned(), Some(4)),
            ("Gamma (gamma)".to_owned(), Some(0)),
        ]
    );
    let t = common::render(&b);
    let buf = t.backend().buffer();
    let gamma = (0..buf.area.height)
        .find_map(|y| {
            let line: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
            let x = line.find("Gamma")?;
            Some(buf[(u16::try_from(line[..x].chars().count()).ok()?, y)].style())
        })
        .expect("Gamma is listed");
    assert_eq!(
        gamma.fg,
        parallax::tui::theme::Theme::colored().dim().fg,
        "dimmed"
    );
}

#[test]
fn j_and_k_move_slash_finds_and_ctrl_a_selects_everything_found() {
    let mut a = app(120, 40);
    section(&mut a, Section::Outlet);
    keys(&mut a, &[KeyCode::Char('j'), KeyCode::Char('j')]);
    assert_eq!(panel(&a).map(|p| p.cursor), Some(2), "j moves down");
    keys(&mut a, &[KeyCode::Char('k')]);
    assert_eq!(panel(&a).map(|p| p.cursor), Some(1), "k moves up");
    // `/` starts a find; now j and k type.
    typed(&mut a, "/");
    assert!(panel(&a).is_some_and(|p| p.finding));
    typed(&mut a, "n");
    let found: Vec<String> = panel(&a)
        .map(|p| p.visible().iter().map(|c| c.label.clone()).collect())
        .unwrap_or_default();
    assert!(found.len() >= 2, "{found:?}");
    assert!(
        screen(&a).contains("select all found"),
        "the footer offers it"
    );
    common::key(
        &mut a,
        ratatui::crossterm::event::KeyEvent::new(
            KeyCode::Char('a'),
            ratatui::crossterm::event::KeyModifiers::CONTROL,
        ),
    );
    let mut chosen = a.query.filter.outlets.clone();
    chosen.sort();
    let mut want = found.clone();
    want.sort();
    assert_eq!(chosen, want, "every outlet found is selected");
    // Again: all unselected.
    common::key(
        &mut a,
        ratatui::crossterm::event::KeyEvent::new(
            KeyCode::Char('a'),
            ratatui::crossterm::event::KeyModifiers::CONTROL,
        ),
    );
    assert!(a.query.filter.outlets.is_empty());
    // A letter starts a find too; Esc brings every choice back, a second Esc closes.
    keys(&mut a, &[KeyCode::Esc]);
    assert!(panel(&a).is_some_and(|p| !p.finding && p.visible().len() == 6));
    typed(&mut a, "d");
    assert!(panel(&a).is_some_and(|p| p.finding && p.find.text() == "d"));
    keys(&mut a, &[KeyCode::Esc, KeyCode::Esc]);
    assert!(panel(&a).is_none());
}

#[test]
fn relation_and_common_ground_choices_filter_as_the_command_line_does() {
    let mut a = common::app_at("tests/fixtures/relations", 120, 40);
    // The four kinds are offered; each keeps what `--relation KIND` keeps.
    section(&mut a, Section::Relation);
    let labels: Vec<String> = panel(&a)
        .expect("panel")
        .choices(Section::Relation)
        .iter()
        .map(|c| c.label.clone())
        .collect();
    assert_eq!(labels, ["contradicts", "reframes", "concedes", "agrees"]);
    choose(&mut a, Section::Relation, "conc");
    assert_eq!(a.query.filter.relations, [RelationKind::Concedes]);
    assert_eq!(a.active_filters, ["relation: concedes"]);
    let cli = Filter {
        relations: vec![RelationKind::Concedes],
        ..Filter::default()
    };
    let expected = cli.apply(&a.dispute, &a.cmp).counts();
    assert!(expected.left_claims + expected.right_claims > 0);
    assert_eq!(a.counts, expected, "the screen keeps what --relation keeps");
    keys(&mut a, &[KeyCode::Delete]);
    assert!(a.query.filter.is_empty());

    // Common ground: only those rows, then every row but those (a radio choice).
    let rows = |a: &App| -> Vec<bool> {
        a.shown()
            .topics
            .iter()
            .flat_map(|t| t.rows.iter().map(|r| r.common))
            .collect()
    };
    assert!(rows(&a).contains(&true) && rows(&a).contains(&false));
    section(&mut a, Section::Common);
    keys(&mut a, &[KeyCode::Down, KeyCode::Char(' ')]);
    assert_eq!(a.query.filter.common, Some(CommonGround::Only));
    assert_eq!(a.active_filters, ["common ground only"]);
    assert!(!rows(&a).is_empty() && rows(&a).iter().all(|&c| c));
    keys(&mut a, &[KeyCode::Down, KeyCode::Char(' ')]);
    assert_eq!(a.query.filter.common, Some(CommonGround::Hide));
    assert!(!rows(&a).is_empty() && rows(&a).iter().all(|&c| !c));
    let cli = Filter {
        common: Some(CommonGround::Hide),
        ..Filter::default()
    };
    assert_eq!(a.counts, cli.apply(&a.dispute, &a.cmp).counts());
    let s = screen(&a);
    assert!(s.contains("Common ground  hide common ground"), "{s}");

    // With a relation too, the export dialog names both.
    choose(&mut a, Section::Relation, "contra");
    keys(&mut a, &[KeyCode::Esc]);
    typed(&mut a, "e");
    let s = screen(&a);
    assert!(
        s.contains("As shown, with the filters: relation: contradicts · common ground"),
        "{s}"
    );
}

#[test]
fn a_relation_no_claim_uses_is_dimmed() {
    // The query fixture links claims only with `rebuts`, which counts as contradicts.
    let theme = parallax::tui::theme::Theme::colored();
    let mut a = common::sized(
        App::new(common::dispute("tests/fixtures/query"), 0, 1, theme),
        120,
        40,
    );
    section(&mut a, Section::Relation);
    let counts: Vec<(String, Option<usize>)> = panel(&a)
        .expect("panel")
        .choices(Section::Relation)
        .iter()
        .map(|c| (c.label.clone(), c.claims))
        .collect();
    assert!(counts.iter().any(|(_, n)| *n == Some(0)), "{counts:?}");
    let t = common::render(&a);
    let buf = t.backend().buffer();
    let dimmed = |word: &str| {
        (0..buf.area.height).find_map(|y| {
            let line: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
            let x = line.find(&format!("] {word}"))? + 2;
            Some(
                buf[(u16::try_from(line[..x].chars().count()).ok()?, y)]
                    .style()
                    .fg,
            )
        })
    };
    let dim = theme.dim().fg;
    for (label, n) in &counts {
        // The highlighted choice (the first) takes the cursor's style instead.
        if label != "contradicts" {
            assert_eq!(dimmed(label) == Some(dim), *n == Some(0), "{label} {n:?}");
        }
    }
}

/// A since date after the date in force (`t`) is not applied, and the panel says why: nothing
/// said by then could match (the screen emptied as if no claim existed).
#[test]
fn a_since_date_after_the_date_in_force_is_not_applied() {
    let mut a = app(80, 24);
    a.query.filter.as_of = Some("2025-05-08".parse().expect("a date"));
    a.requery();
    section(&mut a, Section::Dates);
    typed(&mut a, "2025-06");
    let note = panel(&a).and_then(|p| p.note.clone()).unwrap_or_default();
    assert!(note.contains("date in force, 2025-05-08"), "{note}");
    assert_eq!(a.query.filter.since, None);
    assert!(!a.shown().topics.is_empty());
    keys(&mut a, &[KeyCode::Backspace]);
    typed(&mut a, "5");
    assert_eq!(a.active_filters, ["since 2025-05", "as of 2025-05-08"]);
}

/// With a date in force, each choice counts the claims said by then (it counted every claim).
#[test]
fn the_panel_counts_what_was_said_by_the_date_in_force() {
    let mut a = app(120, 40);
    let date: parallax::format::Date = "2025-05-08".parse().expect("a date");
    a.query.filter.as_of = Some(date);
    a.requery();
    typed(&mut a, "f");
    let p = panel(&a).expect("f opens the panel");
    let counted: usize = p
        .choices(Section::Party)
        .iter()
        .filter_map(|c| c.claims)
        .sum();
    let said = a
        .dispute
        .claims()
        .filter(|(_, c)| parallax::query::filter::said_by(c.date, date))
        .count();
    assert!(
        said < a.dispute.claims().count(),
        "the date leaves claims out"
    );
    assert_eq!(counted, said);
    assert_eq!(claims(&a), said, "as the header counts them");
}

/// The panel's counts are kept for the next opening only while the date in force and the pair
/// compared are those counted: opened before a date is set, and again after, it counts what was
/// said by then; after the sides are swapped, the parties' counts follow them.
#[test]
fn the_panel_counts_again_after_the_date_or_the_pair_changes() {
    let mut a = common::sized(
        App::new(
            common::dispute("tests/fixtures/tui/sample"),
            0,
            1,
            parallax::tui::theme::Theme::colored(),
        ),
        120,
        40,
    );
    let party_counts = |a: &App| -> Vec<Option<usize>> {
        panel(a)
            .expect("the panel is open")
            .choices(Section::Party)
            .iter()
            .map(|c| c.claims)
            .collect()
    };
    typed(&mut a, "f");
    let whole = party_counts(&a);
    keys(&mut a, &[KeyCode::Esc]);
    typed(&mut a, "f");
    assert_eq!(party_counts(&a), whole, "opened again, the same counts");
    keys(&mut a, &[KeyCode::Esc]);
    // The pair changes: the third party, not compared before, keeps claims now.
    a.set_pair(0, 2);
    typed(&mut a, "f");
    let other = party_counts(&a);
    assert_ne!(other, whole);
    assert_eq!(
        other.get(1),
        Some(&Some(0)),
        "beta is not compared: {other:?}"
    );
    keys(&mut a, &[KeyCode::Esc]);
    a.set_pair(0, 1);
    let date: parallax::format::Date = "2024-03-03".parse().expect("a date");
    let before: usize = whole.iter().flatten().sum();
    let said = a
        .cmp
        .topics
        .iter()
        .flat_map(|t| &t.rows)
        .flat_map(|r| r.claims())
        .filter_map(|at| a.dispute.claim(at))
        .filter(|c| parallax::query::filter::said_by(c.date, date))
        .count();
    assert!(said < before, "the date leaves claims out");
    a.query.filter.as_of = Some(date);
    a.requery();
    typed(&mut a, "f");
    assert_eq!(party_counts(&a).iter().flatten().sum::<usize>(), said);
}

/// At 80 columns the Claims choices stay readable, a choice made or not: the left column
/// gives way to the choices' labels before it widens for its own summary.
#[test]
fn the_claims_choices_stay_readable_at_80_columns() {
    let mut app = common::bundled(80, 24);
    let mut presses = vec![ratatui::crossterm::event::KeyCode::Char('f')];
    // The Claims section, the last.
    presses.extend(vec![
        ratatui::crossterm::event::KeyCode::Tab;
        Section::ALL.len() - 1
    ]);
    common::keys(&mut app, &presses);
    assert!(common::screen(&app).contains("untrusted text: held hidden"));
    common::keys(
        &mut app,
        &[
            ratatui::crossterm::event::KeyCode::Down,
            ratatui::crossterm::event::KeyCode::Char(' '),
        ],
    );
    let s = common::screen(&app);
    assert!(s.contains("[x] untrusted text: held hidden"), "{s}");
}

#[test]
fn every_filter_in_force_shows_in_the_header_a_long_one_cut() {
    let mut a = app(80, 24);
    let outlets: Vec<String> = (1..=40).map(|i| format!("\"Outlet number {i}\"")).collect();
    a.active_filters = vec![
        format!("source: {}", outlets.join(", ")),
        "since 2025-01-01".to_owned(),
    ];
    let said = screen(&a);
    let line = said
        .lines()
        .find(|l| l.contains("filters: "))
        .unwrap_or_else(|| panic!("no filters line: {said}"));
    assert!(line.contains("source: \"Outlet number 1\""), "{line}");
    assert!(line.contains("… · since 2025-01-01"), "{line}");
}

/// The bundled dispute at 80×24, on its third topic's third row: the first outlet narrows that
/// topic away.
fn third_topic_third_row() -> App {
    let mut a = common::bundled(80, 24);
    keys(
        &mut a,
        &[KeyCode::Tab, KeyCode::Char('J'), KeyCode::Char('J')],
    );
    keys(&mut a, &[KeyCode::Char('j'), KeyCode::Char('j')]);
    a
}

/// Where the screen stands: the topic, the row and the scroll.
fn place(a: &App) -> (Option<String>, usize, parallax::tui::app::Scroll) {
    (a.current_topic().map(|t| t.id.clone()), a.row, a.top)
}

#[test]
fn a_choice_tried_and_taken_back_returns_to_where_the_panel_opened() {
    // The bundled dispute, on its third topic's third row; the first outlet narrows that topic
    // away, and taking the choice back must not leave the screen on the topic it moved to.
    let mut a = third_topic_third_row();
    let home = place(&a);
    section(&mut a, Section::Outlet);
    keys(&mut a, &[KeyCode::Char(' ')]);
    assert_ne!(place(&a), home, "the outlet moved the screen");
    keys(&mut a, &[KeyCode::Char(' ')]);
    assert!(a.query.filter.is_empty());
    keys(&mut a, &[KeyCode::Esc]);
    assert_eq!(place(&a), home);
}

/// A filter that leaves nothing on the screen, then `F`: the selection is back on the topic and
/// claim it was on (it went to the first topic's first row).
#[test]
fn clearing_a_filter_that_emptied_the_screen_finds_the_place_again() {
    let mut a = common::bundled(80, 24);
    keys(
        &mut a,
        &[KeyCode::Char('}'), KeyCode::Char('}'), KeyCode::Char('}')],
    );
    keys(&mut a, &[KeyCode::Char(']'), KeyCode::Char(']')]);
    let (topic, row) = (a.topic, a.row);
    assert!(
        topic > 0 && row > 0,
        "somewhere past the start: {topic} {row}"
    );
    let before = a.selection();
    // Dated 1990: nothing in the dispute (as "since 2010" leaves nothing of LIAR, undated).
    a.query.filter.since = Some("1990".parse().expect("a date"));
    a.query.filter.until = Some("1991".parse().expect("a date"));
    a.requery();
    assert!(a.shown().topics.is_empty(), "nothing dated 1990");
    update(&mut a, Action::ClearFilters);
    assert_eq!(a.selection(), before);
    assert_eq!((a.topic, a.row), (topic, row));
}

/// A filter that hides the selected topic moves the selection to the nearest topic still
/// shown, the next one in order (it went to the last); `F` then brings it back to the topic and
/// row it was on, unless another topic was chosen meanwhile.
#[test]
fn a_filter_that_hides_the_topic_selects_the_next_and_f_comes_back() {
    let mut a = common::bundled(80, 24);
    let order: Vec<String> = a.shown().topics.iter().map(|t| t.id.clone()).collect();
    let at = order
        .iter()
        .position(|t| t == "diplomatic-outreach")
        .expect("the bundled dispute's outreach topic");
    // A tag no claim of that topic holds, held before and after it.
    let d = a.dispute.clone();
    let holding = |tag: &str| -> Vec<usize> {
        order
            .iter()
            .enumerate()
            .filter(|(_, id)| {
                d.sides.iter().any(|s| {
                    s.topics
                        .iter()
                        .filter(|t| &t.id == *id)
                        .any(|t| t.claims.iter().any(|c| c.tags.iter().any(|x| x == tag)))
                })
            })
            .map(|(i, _)| i)
            .collect()
    };
    let tags: std::collections::BTreeSet<String> = d
        .claims()
        .flat_map(|(_, c)| c.tags.iter().map(|t| t.to_string()))
        .collect();
    let (tag, held) = tags
        .iter()
        .map(|t| (t.clone(), holding(t)))
        .find(|(_, held)| {
            !held.contains(&at)
                && held.iter().any(|&i| i < at)
                && held.iter().filter(|&&i| i > at).count() > 1
        })
        .expect("a tag held around the topic but not in it");
    let next = held.iter().find(|&&i| i > at).map(|&i| order[i].clone());
    a.select_topic(at);
    keys(&mut a, &[KeyCode::Right, KeyCode::Down, KeyCode::Down]);
    let before = a.selection();
    assert_eq!(before.0.as_deref(), Some("diplomatic-outreach"));
    a.query.filter.tags = vec![tag.clone()];
    a.requery();
    assert_eq!(a.selection().0, next, "{tag}: the next topic still shown");
    update(&mut a, Action::ClearFilters);
    assert_eq!(a.selection(), before, "back where it was");
    // A topic chosen while the filter hid the place: that choice stays.
    a.query.filter.tags = vec![tag];
    a.requery();
    keys(&mut a, &[KeyCode::Left, KeyCode::Up]);
    let chosen = a.selection();
    assert_ne!(chosen.0, next, "another topic was chosen");
    update(&mut a, Action::ClearFilters);
    assert_eq!(a.selection().0, chosen.0);
}

/// A filter that leaves nothing on the screen, then other parties chosen (`p`) that the filter
/// keeps claims of: the selection is back on the topic it was on (it went to the first topic).
#[test]
fn other_parties_after_a_filter_emptied_the_screen_find_the_place_again() {
    let mut a = common::bundled(80, 24);
    keys(
        &mut a,
        &[KeyCode::Char('}'), KeyCode::Char('}'), KeyCode::Char('}')],
    );
    let topic = a.current_topic().map(|t| t.id.clone());
    // Third parties' claims only: none between India and Pakistan.
    a.query.filter.parties = vec!["third-parties".to_owned()];
    a.requery();
    assert!(a.shown().topics.is_empty(), "no third party compared");
    // The screen says why: the party kept is not compared (it said only "No claim matches").
    let wide = common::sized(a, 200, 30);
    let said = screen(&wide);
    assert!(
        said.contains(
            "No claim matches the filters: the party filter keeps Third parties, and this \
             comparison is India ⟷ Pakistan. Press F to clear the filters."
        ),
        "{said}"
    );
    let mut a = common::sized(wide, 80, 24);
    // Third parties on the left, Pakistan kept on the right.
    keys(
        &mut a,
        &[
            KeyCode::Char('p'),
            KeyCode::Char('G'),
            KeyCode::Enter,
            KeyCode::Enter,
        ],
    );
    assert!(!a.shown().topics.is_empty(), "third parties compared");
    assert_eq!(a.current_topic().map(|t| t.id.clone()), topic);
}

/// With the party filter hiding one compared party, the header counts the rows without saying
/// the other answers them alone: `47 Pakistan only` under `answered by both sides` read as 47
/// rows India left unanswered.
#[test]
fn a_party_hidden_by_the_filter_is_not_counted_as_unanswered() {
    for width in [200, 80] {
        let mut a = app(width, 24);
        choose(&mut a, Section::Party, "pak");
        let header: Vec<String> = common::lines(&a).into_iter().take(4).collect();
        let counts = &header[2];
        assert!(!counts.contains("only"), "{width}: {counts}");
        assert!(counts.contains("India hidden"), "{width}: {counts}");
        let rows = a.shown().topics.iter().map(|t| t.rows.len()).sum::<usize>();
        assert!(
            counts.contains(&format!("rows {rows} (")),
            "{width}: {counts}"
        );
    }
    // Both parties kept: counted by side as before.
    let mut a = app(200, 24);
    choose(&mut a, Section::Party, "pak");
    choose(&mut a, Section::Party, "ind");
    assert!(
        common::lines(&a)[2].contains("India only"),
        "{}",
        screen(&a)
    );
}

/// On a screen the filters emptied, a move or `Enter` says why nothing is there and how to
/// bring it back, not an edge it is at ("Already at the last topic", "No row to open here").
#[test]
fn keys_on_an_emptied_screen_say_why_it_is_empty() {
    let mut a = common::bundled(80, 24);
    a.query.filter.since = Some("1990".parse().expect("a date"));
    a.query.filter.until = Some("1991".parse().expect("a date"));
    a.requery();
    assert!(a.shown().topics.is_empty());
    for key in [
        KeyCode::Char('j'),
        KeyCode::Tab,
        KeyCode::Char('j'),
        KeyCode::Enter,
    ] {
        keys(&mut a, &[key]);
        if key == KeyCode::Tab {
            continue;
        }
        let said = a.message.clone().unwrap_or_default();
        assert!(
            said.contains("No claim matches the filters"),
            "{key:?}: {said}"
        );
    }
}

/// `Esc` closes the panel with a date typed that is not applied (half typed): the footer says
/// it was not, rather than the date vanishing unsaid.
#[test]
fn esc_with_a_date_not_applied_says_so() {
    let mut a = app(80, 24);
    section(&mut a, Section::Dates);
    typed(&mut a, "2025-1");
    keys(&mut a, &[KeyCode::Esc]);
    assert!(panel(&a).is_none());
    assert_eq!(a.query.filter.since, None);
    let said = a.message.clone().unwrap_or_default();
    assert!(
        said.contains("“2025-1”") && said.contains("not applied"),
        "{said}"
    );
    // A date applied closes without a word.
    section(&mut a, Section::Dates);
    typed(&mut a, "2024");
    keys(&mut a, &[KeyCode::Esc]);
    assert!(a.query.filter.since.is_some());
    assert!(
        !a.message
            .clone()
            .unwrap_or_default()
            .contains("not applied")
    );
}

/// In a section of a few fixed choices (rows), a letter and select-all say what works there
/// (they did nothing, unsaid).
#[test]
fn keys_that_do_nothing_in_a_section_of_fixed_choices_say_so() {
    let mut a = app(80, 24);
    section(&mut a, Section::Rows);
    typed(&mut a, "x");
    let said = a.message.clone().unwrap_or_default();
    assert!(
        said.contains("Typing finds a choice in the lists only"),
        "{said}"
    );
    let before = a.query.filter.clone();
    update(&mut a, Action::SelectFound);
    let said = a.message.clone().unwrap_or_default();
    assert!(said.contains("This section takes one choice"), "{said}");
    assert_eq!(a.query.filter, before);
    section(&mut a, Section::Dates);
    update(&mut a, Action::SelectFound);
    let said = a.message.clone().unwrap_or_default();
    assert!(said.contains("The dates are typed here"), "{said}");
}

/// A find that keeps no choice quotes what was typed, so a space typed after a word (to tick
/// the choice, say, where Space types) is seen as the reason.
#[test]
fn a_find_that_keeps_nothing_quotes_what_was_typed() {
    let mut a = app(120, 40);
    section(&mut a, Section::Tag);
    typed(&mut a, "/");
    typed(&mut a, "terror ");
    let screen = common::screen(&a);
    assert!(screen.contains("no choice holds “terror ”"), "{screen}");
}

/// In the event loop a choice shows at once and the comparison follows from the loop's query
/// worker (at a million claims a choice held its key a few hundred milliseconds); meanwhile the
/// panel's count says it is of the choices before. Taken back, the choice still returns the
/// screen to where the panel opened, once the worker answers.
#[test]
fn in_the_loop_a_choice_shows_at_once_and_the_comparison_follows() {
    let mut a = third_topic_third_row();
    let home = place(&a);
    let all = claims(&a);
    section(&mut a, Section::Outlet);
    common::burst(&mut a, &[KeyCode::Char(' ')]);
    assert!(!a.query.filter.outlets.is_empty(), "the choice is made");
    assert!(a.query_pending());
    let s = screen(&a);
    assert!(s.contains("[x]"), "the mark shows at once:\n{s}");
    assert!(
        s.contains(&format!("{all} of {all} claims remain")) && s.contains("· counting…"),
        "{s}"
    );
    assert_eq!(claims(&a), all, "the comparison waits");
    assert!(common::worker_answers(&mut a));
    assert!(claims(&a) < all, "the comparison follows");
    assert!(!screen(&a).contains("counting…"));
    assert_ne!(place(&a), home, "the outlet moved the screen");
    // Taken back, and the help opened over the panel before the answer comes.
    common::burst(&mut a, &[KeyCode::Char(' ')]);
    assert!(a.query.filter.is_empty());
    common::burst(&mut a, &[KeyCode::F(1)]);
    assert!(a.query_pending());
    assert!(common::worker_answers(&mut a));
    assert_eq!(place(&a), home, "taken back: where the panel opened");
    common::keys(&mut a, &[KeyCode::Esc]);
    assert!(panel(&a).is_some(), "the help closed, back in the panel");
    // Closed with a choice still out: the screen shows what the choices make.
    common::burst(&mut a, &[KeyCode::Char(' '), KeyCode::Esc]);
    assert!(panel(&a).is_none());
    assert!(!a.query_pending());
    assert!(claims(&a) < all);
}

/// The Speaker section lists who made the claims, each with the claims they keep, and keeps a
/// speaker's claims, as `--speaker` does.
#[test]
fn a_speaker_chosen_keeps_their_claims() {
    let mut a = app(120, 40);
    section(&mut a, Section::Speaker);
    let p = panel(&a).expect("the panel");
    let listed: Vec<(String, Option<usize>)> = p
        .choices(Section::Speaker)
        .iter()
        .map(|c| (c.label.clone(), c.claims))
        .collect();
    assert_eq!(
        listed,
        [
            ("Shehbaz Sharif, Prime Minister".to_owned(), Some(1)),
            ("Vikram Misri, Foreign Secretary".to_owned(), Some(1)),
        ]
    );
    choose(&mut a, Section::Speaker, "shehbaz");
    assert_eq!(a.query.filter.speakers, ["Shehbaz Sharif, Prime Minister"]);
    assert_eq!(claims(&a), 1);
    let s = screen(&a);
    assert!(
        s.contains("filters: speaker: Shehbaz Sharif, Prime Minister"),
        "{s}"
    );
    assert!(s.contains("1 of 10 claims remain, in 1 topic"), "{s}");
}

/// A speaker written in two cases is one choice, counting the claims of both, and keeps both,
/// as `--speaker` matches any case.
#[test]
fn a_speaker_written_in_two_cases_is_one_choice_counting_both() {
    let mut d = common::dispute("tests/fixtures/query");
    let misri = d
        .sides
        .iter_mut()
        .flat_map(|s| s.topics.iter_mut())
        .flat_map(|t| t.claims.iter_mut())
        .find(|c| c.speaker.as_deref() == Some("Vikram Misri, Foreign Secretary"))
        .expect("a claim by Misri");
    misri.speaker = Some("SHEHBAZ SHARIF, PRIME MINISTER".into());
    let mut a = common::sized(
        App::new(d, 0, 1, parallax::tui::theme::Theme::plain()),
        120,
        40,
    );
    section(&mut a, Section::Speaker);
    let p = panel(&a).expect("the panel");
    let listed: Vec<Option<usize>> = p
        .choices(Section::Speaker)
        .iter()
        .map(|c| c.claims)
        .collect();
    assert_eq!(listed, [Some(2)], "one choice for both spellings");
    keys(&mut a, &[KeyCode::Char(' ')]);
    assert_eq!(claims(&a), 2);
}

/// On a large comparison the panel opens at once in the screen's loop, and the loop's worker
/// lists and counts its choices (a first opening at a million claims walked every claim, most
/// of a second, before the panel showed): until they come the lists say so, and then they are
/// the ones counted at once.
#[test]
fn a_large_comparisons_panel_opens_at_once_and_its_choices_follow() {
    use parallax::tui::modal::filters::update::{COUNT_AT_ONCE, tally, tally_ready};
    use parallax::tui::theme::Theme;
    let large = || {
        let dispute = synth::dispute(COUNT_AT_ONCE + 2_000).expect("the synthetic dispute loads");
        common::sized(App::new(dispute, 0, 1, Theme::plain()), 100, 30)
    };
    let mut a = large();
    common::burst(&mut a, &[KeyCode::Char('f')]);
    assert!(panel(&a).is_some(), "the panel opens at once");
    let waiting = screen(&a);
    assert!(
        waiting.contains("listing and counting the choices…"),
        "{waiting}"
    );
    assert!(!waiting.contains("[ ]"), "{waiting}");
    assert!(
        !waiting.contains("0/0"),
        "no position among no choices yet:\n{waiting}"
    );
    let job = a.tally_job.take().expect("the worker is asked to count");
    assert!(tally_ready(&mut a, tally(job)), "the lists follow");
    let counted = screen(&a);
    assert!(!counted.contains("listing and counting"), "{counted}");
    // Counted at once, outside the loop: the same panel.
    let mut b = large();
    typed(&mut b, "f");
    assert!(b.tally_job.is_none());
    assert_eq!(counted, screen(&b));
    // Opened again: the counts kept, nothing asked.
    common::burst(&mut a, &[KeyCode::Esc]);
    common::burst(&mut a, &[KeyCode::Char('f')]);
    assert!(a.tally_job.is_none());
    assert_eq!(screen(&a), counted);
}

/// A comparison of ordinary size lists its choices as the panel opens, in the loop too: no
/// worker, no flicker of an empty list.
#[test]
fn an_ordinary_comparisons_panel_opens_with_its_choices() {
    let mut a = app(100, 30);
    common::burst(&mut a, &[KeyCode::Char('f')]);
    assert!(a.tally_job.is_none());
    let s = screen(&a);
    assert!(
        s.contains("[ ]") && !s.contains("listing and counting"),
        "{s}"
    );
}
