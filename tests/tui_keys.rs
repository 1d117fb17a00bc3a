//! Driving the UI with key sequences, on the state alone: moving through topics and rows, the two
//! panes scrolling together, jumping to a rebutted claim and back, the party picker, swapping sides.

mod common;

use common::{bundled, lines, press, screen, sized};
use parallax::tui::app::Focus;
use parallax::tui::state::Modal;
use parallax::tui::state::picker::Choosing;
use parallax::tui::theme::Theme;
use parallax::tui::{Action, App, Outcome, update};

fn app(width: u16, height: u16) -> App {
    common::app_at("tests/fixtures/tui/sample", width, height)
}

fn topic_id(app: &App) -> &str {
    app.current_topic().map_or("", |t| t.id.as_str())
}

#[test]
fn arrows_move_through_topics_then_rows() {
    let mut a = app(100, 30);
    assert_eq!(a.focus, Focus::Topics);
    press(&mut a, &[Action::Down]);
    assert_eq!(topic_id(&a), "border");
    press(&mut a, &[Action::Last]);
    assert_eq!(topic_id(&a), "talks");
    press(&mut a, &[Action::First, Action::Open]);
    assert_eq!(a.focus, Focus::Comparison);
    press(&mut a, &[Action::Down, Action::Down]);
    assert_eq!(a.row, 2);
    press(&mut a, &[Action::Down]);
    assert_eq!(a.row, 2, "the last row stays selected");
    press(&mut a, &[Action::Up, Action::First]);
    assert_eq!(a.row, 0);
    press(&mut a, &[Action::Last]);
    assert_eq!(a.row, 2);
    press(&mut a, &[Action::PrevPane]);
    assert_eq!(a.focus, Focus::Topics);
    press(&mut a, &[Action::FocusComparison, Action::Back]);
    assert_eq!(a.focus, Focus::Topics, "Esc returns to the topic list");
    assert_eq!(update(&mut a, Action::Quit), Outcome::Quit);
}

#[test]
fn the_two_panes_scroll_together_and_stay_level() {
    let mut a = app(60, 16);
    press(&mut a, &[Action::NextPane]);
    let before = a.top;
    press(&mut a, &[Action::PageDown]);
    assert!(a.top > before, "page down scrolls");
    // The wheel over the right pane scrolls both.
    let right = a.regions().body;
    update(
        &mut a,
        Action::Scroll {
            column: right.right() - 2,
            row: right.y + 1,
            lines: -30,
        },
    );
    assert_eq!(a.top, Default::default());
    // Scrolled by lines, the left claim and the right one of a row still share their lines.
    for _ in 0..20 {
        update(
            &mut a,
            Action::Scroll {
                column: right.x + 1,
                row: right.y + 1,
                lines: 1,
            },
        );
        let screen = lines(&a);
        if let Some(l) = screen.iter().find(|l| l.contains("The treaty binds")) {
            assert!(l.contains("no counterpart"), "not level: {l}");
        }
        if let Some(l) = screen.iter().find(|l| l.contains("Beta's engineers were")) {
            assert!(l.contains("Our engineers were"), "not level: {l}");
        }
        let (first, last) = a.visible_rows();
        assert!(
            a.row >= first && a.row <= last,
            "the selection stays on screen"
        );
    }
}

#[test]
fn the_selected_row_is_always_on_screen() {
    let mut a = app(60, 14);
    press(&mut a, &[Action::NextPane]);
    for _ in 0..40 {
        press(&mut a, &[Action::Down]);
        let screen = lines(&a).join("\n");
        assert!(screen.contains(&format!("▶ {}.", a.row + 1)), "{screen}");
    }
    assert_eq!(a.row, 2);
    for _ in 0..40 {
        press(&mut a, &[Action::Up]);
    }
    assert_eq!((a.row, a.top), (0, Default::default()));
}

#[test]
fn a_rebuttal_link_jumps_to_the_claim_it_answers_and_back() {
    let mut a = app(100, 30);
    // The talks: Beta's b-later rebuts Alpha's a-border, in another topic.
    press(
        &mut a,
        &[Action::Last, Action::Open, Action::Last, Action::Open],
    );
    let d = a.detail().expect("detail is open");
    assert_eq!(topic_id(&a), "talks");
    assert!(lines(&a).join("\n").contains("Beta · b-later"));
    press(&mut a, &[Action::FollowRebuttal]);
    let jumped = a.detail().expect("still in detail");
    assert_eq!(topic_id(&a), "border", "the comparison follows the jump");
    let screen = lines(&a).join("\n");
    assert!(screen.contains("▶ Alpha · a-border"), "{screen}");
    press(&mut a, &[Action::JumpBack]);
    assert_eq!(a.detail(), Some(d));
    assert_eq!(topic_id(&a), "talks");
    assert_ne!(jumped, d);
    press(&mut a, &[Action::JumpBack]);
    assert!(a.message.is_some(), "nothing left to go back to is said");
    press(&mut a, &[Action::Back]);
    assert_eq!(a.detail(), None);
}

#[test]
fn a_rebuttal_within_the_row_moves_the_cursor() {
    let mut a = app(100, 30);
    press(&mut a, &[Action::Open, Action::Open, Action::Down]);
    assert_eq!(a.detail().map(|d| d.cursor), Some(1));
    press(&mut a, &[Action::FollowRebuttal]);
    assert_eq!(a.detail().map(|d| (d.row, d.cursor)), Some((0, 0)));
}

#[test]
fn the_party_picker_chooses_both_sides() {
    let mut a = app(100, 30);
    press(&mut a, &[Action::PickParties]);
    assert!(matches!(a.modal(), Some(Modal::Picker(_))));
    press(&mut a, &[Action::Last, Action::Open]);
    // The right side's step starts on the current right side (Beta); choose Alpha.
    press(&mut a, &[Action::First, Action::Open]);
    assert_eq!((a.cmp.left, a.cmp.right), (2, 0));
    assert_eq!(a.modal(), None);
    let screen = lines(&a).join("\n");
    assert!(screen.contains("■ Gamma (left)"), "{screen}");
    assert!(screen.contains("■ Alpha (right)"), "{screen}");
}

/// Long party names alike in their first words (two ministries of one government) are shown
/// whole where the screen has room, marks included: the picker was 48 columns at any size, so
/// both read `Government of the Republic of India, Minist…`.
#[test]
fn the_picker_widens_for_long_party_names() {
    let mut dispute = common::dispute("tests/fixtures/tui/sample");
    let names = [
        "Government of the Republic of India, Ministry of External Affairs",
        "Government of the Republic of India, Ministry of Defence",
    ];
    for (side, name) in dispute.sides.iter_mut().zip(names) {
        side.party.name = name.to_owned();
    }
    let mut a = sized(App::new(dispute, 0, 1, Theme::plain()), 200, 50);
    press(&mut a, &[Action::PickParties]);
    let shown = lines(&a).join("\n");
    for name in names {
        assert!(shown.contains(name), "{name}:\n{shown}");
    }
    assert!(shown.contains("(currently left)"), "{shown}");
}

#[test]
fn the_picker_does_not_offer_the_left_side_for_the_right_and_esc_goes_back_a_step() {
    let mut a = app(100, 30);
    press(&mut a, &[Action::PickParties, Action::Open]);
    let screen = lines(&a).join("\n");
    assert!(screen.contains("Choose the right side"), "{screen}");
    assert!(
        !screen.contains("Alpha (currently left)") && !screen.contains("Alpha (was left)"),
        "the left side is not offered: {screen}"
    );
    // The side that was right is said to have been: its place is being chosen anew.
    assert!(screen.contains("Beta (was right)"), "{screen}");
    assert!(!screen.contains("currently"), "{screen}");
    press(&mut a, &[Action::First]);
    let Some(Modal::Picker(p)) = a.modal() else {
        panic!("the picker stays open");
    };
    assert_eq!(p.cursor, 1, "the first side offered is Beta, not Alpha");
    // Esc goes back to the left side, on the side chosen; a second Esc cancels.
    press(&mut a, &[Action::Back]);
    let Some(Modal::Picker(p)) = a.modal() else {
        panic!("back to the first step");
    };
    assert_eq!((p.step, p.cursor), (Choosing::Left, 0));
    press(&mut a, &[Action::Back]);
    assert_eq!(a.modal(), None);
    assert_eq!((a.cmp.left, a.cmp.right), (0, 1));
}

#[test]
fn swapping_sides_keeps_the_place() {
    let mut a = app(100, 30);
    press(&mut a, &[Action::Last, Action::NextPane, Action::Down]);
    let claim = a.current_row().and_then(|r| r.claims().next());
    press(&mut a, &[Action::SwapSides]);
    assert_eq!((a.cmp.left, a.cmp.right), (1, 0));
    assert_eq!(topic_id(&a), "talks");
    assert!(
        a.current_row()
            .is_some_and(|r| r.claims().any(|c| Some(c) == claim))
    );
    let screen = lines(&a).join("\n");
    assert!(screen.contains("■ Beta (left)"), "{screen}");
}

#[test]
fn help_opens_and_closes() {
    let mut a = app(100, 30);
    press(&mut a, &[Action::Help]);
    assert!(matches!(a.modal(), Some(Modal::Help(_))));
    press(&mut a, &[Action::Down, Action::Back]);
    assert_eq!(a.modal(), None);
}

/// `?` lists every key of the part: those that work now first, then, under their own heading,
/// those that do nothing there yet (`n` before a search, `↑` on the first row), so a new user
/// finds them before needing them.
#[test]
fn help_lists_the_keys_that_do_nothing_yet_after_the_others() {
    let mut a = bundled(80, 24);
    press(&mut a, &[Action::FocusComparison, Action::Help]);
    let Some(Modal::Help(h)) = a.modal() else {
        panic!("the help is open")
    };
    let now: Vec<&str> = h.keys.iter().map(|k| k.help).collect();
    let later: Vec<&str> = h.later.iter().map(|k| k.help).collect();
    let next_hit = parallax::tui::strings::help::NEXT_HIT;
    assert!(later.contains(&next_hit), "{later:?}");
    assert!(!now.contains(&next_hit), "{now:?}");
    assert!(now.contains(&parallax::tui::strings::help::QUIT), "{now:?}");
    // Scrolled down, the heading is on the screen at 80×24.
    let mut all = String::new();
    for _ in 0..10 {
        all.push_str(&screen(&a));
        press(&mut a, &[Action::PageDown]);
    }
    assert!(all.contains("Keys that do nothing here yet:"), "{all}");
}

#[test]
fn a_click_selects_a_topic_and_a_row() {
    let mut a = app(100, 30);
    let topics = a.regions().topics_inner;
    common::click(&mut a, topics.x + 2, topics.y + 2);
    assert_eq!(topic_id(&a), "border");
    common::click(&mut a, topics.x + 2, topics.y);
    let body = a.regions().body;
    let screen = lines(&a);
    let y = screen
        .iter()
        .position(|l| l.contains("▸ 2."))
        .expect("row 2 heading on screen");
    common::click(&mut a, body.x + 3, u16::try_from(y).expect("fits") + 1);
    assert_eq!((a.focus, a.row), (Focus::Comparison, 1));
}

/// A click in a dialog that takes keys only (the timeline, the filters, export) says so and
/// where the keys are listed, as a key that does nothing does: it passed without a word, and
/// the dialog's radio buttons looked clickable. Nothing beneath is chosen.
#[test]
fn a_click_in_a_dialog_of_keys_says_it_takes_keys_only() {
    for (open, place) in [
        (Action::Timeline, "Timeline"),
        (Action::Filters, "Filters"),
        (Action::Export, "Export"),
    ] {
        let mut a = app(100, 30);
        let first = topic_id(&a).to_owned();
        update(&mut a, open);
        let topics = a.regions().topics_inner;
        common::click(&mut a, topics.x + 2, topics.y + 2);
        let said = a.message.clone().unwrap_or_default();
        assert!(
            said.contains(&format!(
                "A click does nothing in “{place}”: it takes keys only;"
            )) && said.ends_with("lists them."),
            "{place}: {said}"
        );
        assert_eq!(topic_id(&a), first, "{place}: the click chose no topic");
    }
    // On the comparison a click still selects.
    let mut a = app(100, 30);
    let topics = a.regions().topics_inner;
    common::click(&mut a, topics.x + 2, topics.y + 2);
    assert!(a.message.is_none(), "{:?}", a.message);
}

#[test]
fn only_two_sides_means_no_picker() {
    let mut a = common::bundled(100, 30);
    let two = a.dispute.sides.len() == 2;
    update(&mut a, Action::PickParties);
    assert_eq!(matches!(a.modal(), Some(Modal::Picker(_))), !two);
}

#[test]
fn the_readme_key_table_matches_the_bindings() {
    use parallax::tui::modal::{detail, help, links, picker, screen};
    common::readme_has_table("link choice", links::update::BINDINGS);
    common::readme_has_table("comparison", screen::BINDINGS);
    common::readme_has_table("everywhere", parallax::tui::keymap::GLOBAL);
    common::readme_has_table("row in full", detail::update::BINDINGS);
    common::readme_has_table("party picker", picker::update::BINDINGS);
    common::readme_has_table("help", help::update::BINDINGS);
    common::readme_has_table(
        "topic finder",
        parallax::tui::modal::find_topic::update::BINDINGS,
    );
    common::readme_has_table(
        "accept dialog",
        parallax::tui::modal::accept::update::BINDINGS,
    );
}

/// A row in full with its second claim selected, made smaller: that claim stays in sight (the
/// text at the top stayed, and the claim fell below the window, unmarked).
#[test]
fn a_row_in_full_made_smaller_keeps_its_selected_claim_in_sight() {
    let mut a = bundled(200, 50);
    press(
        &mut a,
        &[Action::FocusComparison, Action::Open, Action::Down],
    );
    assert!(matches!(a.modal(), Some(Modal::Detail(_))));
    assert!(
        lines(&a).iter().any(|l| l.contains("(L2)")),
        "{:?}",
        lines(&a)
    );
    press(
        &mut a,
        &[Action::Resize {
            width: 80,
            height: 24,
        }],
    );
    let shown = lines(&a);
    assert!(shown.iter().any(|l| l.contains("(L2)")), "{shown:#?}");
}

#[test]
fn scrolling_deep_then_widening_the_terminal_keeps_the_scroll_inside_its_row() {
    // At 50 columns the bundled dispute's first row wraps very tall; scroll down inside it,
    // then widen so it shrinks under the scroll.
    let mut a = App::new(
        parallax::load::load_bundled().dispute.expect("bundled"),
        0,
        1,
        Theme::plain(),
    );
    press(
        &mut a,
        &[
            Action::Resize {
                width: 50,
                height: 14,
            },
            Action::Open,
        ],
    );
    for _ in 0..60 {
        press(&mut a, &[Action::Down]);
    }
    assert!(a.top.line > 0, "the scroll is inside a row");
    press(
        &mut a,
        &[Action::Resize {
            width: 200,
            height: 60,
        }],
    );
    let rows = a.rows().len();
    assert!(a.top.row < rows);
    assert!(
        a.top.line < a.row_height(a.top.row),
        "the scroll sits on a line of its row"
    );
    // A click anywhere on the panes picks an existing row and never underflows.
    for y in 0..60 {
        let _ = common::click(&mut a, 120, y);
        assert!(a.row < rows);
    }
    let _ = lines(&a);
}

#[test]
fn no_key_is_bound_twice_in_any_modal() {
    use parallax::tui::modal::{detail, export, filters, help, picker, screen, search};
    for table in [
        screen::BINDINGS,
        detail::update::BINDINGS,
        help::update::BINDINGS,
        picker::update::BINDINGS,
        parallax::tui::modal::links::update::BINDINGS,
        search::update::BINDINGS,
        filters::update::BINDINGS,
        export::update::BINDINGS,
        parallax::tui::modal::accept::update::BINDINGS,
    ] {
        assert_eq!(parallax::tui::keymap::no_key_twice(table), None);
    }
}

#[test]
fn claims_are_numbered_and_a_rebuttal_names_its_target_as_the_reader_sees_it() {
    let a = app(120, 40);
    let s = lines(&a).join("\n");
    assert!(s.contains("L1 Beta closed the upstream"), "{s}");
    assert!(s.contains("R1 The gates were opened"), "{s}");
    assert!(s.contains("↳ contradicts Alpha L1 "), "{s}");
    assert!(
        !s.contains("a-cut"),
        "the id is kept for the row in full: {s}"
    );
}

#[test]
fn r_follows_a_link_from_the_comparison_and_b_comes_back() {
    let mut a = app(120, 40);
    // The talks, second row: Beta's b-later rebuts Alpha's a-border, in another topic.
    press(&mut a, &[Action::Last, Action::Open, Action::NextRow]);
    assert_eq!((topic_id(&a), a.row), ("talks", 1));
    press(&mut a, &[Action::FollowRebuttal]);
    assert_eq!(topic_id(&a), "border");
    let target = a.dispute.find_claim("a-border").expect("a-border");
    assert!(
        a.current_row()
            .is_some_and(|r| r.claims().any(|c| c == target))
    );
    press(&mut a, &[Action::JumpBack]);
    assert_eq!((topic_id(&a), a.row), ("talks", 1), "b returns");
    press(&mut a, &[Action::JumpBack]);
    assert!(a.message.is_some(), "nothing more to go back to is said");
    // A filter or a search set and cleared in between (the comparison shown is made again)
    // keeps the way back.
    press(&mut a, &[Action::FollowRebuttal]);
    assert_eq!(topic_id(&a), "border");
    let parties: Vec<String> = a.dispute.sides.iter().map(|s| s.party.id.clone()).collect();
    a.query.filter.parties = parties;
    a.requery();
    a.query.filter.parties.clear();
    a.requery();
    press(&mut a, &[Action::JumpBack]);
    assert_eq!((topic_id(&a), a.row), ("talks", 1), "b still returns");
}

#[test]
fn a_row_with_several_links_offers_a_choice() {
    let mut a = app(120, 40);
    press(&mut a, &[Action::Last, Action::Open, Action::PrevRow]);
    press(&mut a, &[Action::FollowRebuttal]);
    let Some(Modal::Links(links)) = a.modal() else {
        panic!("a choice of links opens: {:?}", a.modal());
    };
    let labels: Vec<&str> = links.choices.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        ["L1 ↳ contradicts Beta R1", "R1 ↳ contradicts Alpha L1"]
    );
    let chosen = links.choices[1].target;
    let screen = lines(&a).join("\n");
    assert!(screen.contains("Follow which link?"), "{screen}");
    press(&mut a, &[Action::Down, Action::Open]);
    assert_eq!(a.modal(), None, "the choice closes");
    assert!(
        a.current_row()
            .is_some_and(|r| r.claims().any(|c| c == chosen))
    );
    assert_eq!(a.back.len(), 1, "b can return");
    // Esc cancels a choice without moving.
    press(&mut a, &[Action::FollowRebuttal, Action::Back]);
    assert_eq!(a.modal(), None);
    assert_eq!(a.back.len(), 1);
}

#[test]
fn the_claim_a_link_goes_to_is_the_one_copied_edited_and_opened() {
    // The Pahalgam attack, row 5: India's L1 and L2 both contradict Pakistan's R1, in the row.
    let mut a = bundled(80, 24);
    press(&mut a, &[Action::NextPane]);
    press(&mut a, &[Action::NextRow; 4]);
    let first = a.current_row().and_then(|r| r.claims().next());
    let target = a
        .dispute
        .find_claim("pk-pahalgam-attack-denies-militant-links")
        .expect("R1");
    assert_ne!(first, Some(target));
    press(&mut a, &[Action::FollowRebuttal]);
    assert!(
        matches!(a.modal(), Some(Modal::Links(_))),
        "{:?}",
        a.modal()
    );
    press(&mut a, &[Action::Down, Action::Open]);
    assert_eq!(
        parallax::tui::modal::take::selected_in_row(&a),
        Some(target),
        "the row's selected claim is the one followed to"
    );
    assert_eq!(
        update(&mut a, Action::CopyId),
        Outcome::Copy("pk-pahalgam-attack-denies-militant-links".to_owned())
    );
    // The row in full opens at it.
    press(&mut a, &[Action::Open]);
    let s = screen(&a);
    assert!(s.contains("3/3"), "{s}");
    assert!(
        s.contains("▶ Pakistan · pk-pahalgam-attack-denies-militant-links (R1)"),
        "{s}"
    );
    // Another row: its first claim is selected again.
    press(&mut a, &[Action::Back, Action::NextRow]);
    assert_eq!(
        parallax::tui::modal::take::selected_in_row(&a),
        a.current_row().and_then(|r| r.claims().next())
    );
}

#[test]
fn brackets_move_by_row_and_braces_by_topic_whatever_the_row_height() {
    // At 60×16 the bundled dispute's first row is taller than the screen.
    let mut a = common::bundled(60, 16);
    press(&mut a, &[Action::NextPane, Action::Down]);
    assert_eq!(a.row, 0, "j scrolls inside the tall row");
    assert!(a.top.line > 0);
    press(&mut a, &[Action::NextRow]);
    assert_eq!(a.row, 1, "] goes to the next row at once");
    let screen = lines(&a).join("\n");
    assert!(screen.contains("▶ 2."), "its heading shows: {screen}");
    press(&mut a, &[Action::PrevRow]);
    assert_eq!(a.row, 0);
    let first = a.topic;
    press(&mut a, &[Action::NextTopic]);
    assert_eq!(a.topic, first + 1);
    press(&mut a, &[Action::PrevTopic]);
    assert_eq!(a.topic, first);
}

/// A topic list scrolled down at 80x24 shows its first topics again once the terminal is tall
/// enough for them all (it kept its scroll, the first topics hidden above an empty end).
#[test]
fn a_taller_terminal_shows_the_topics_the_list_had_scrolled_past() {
    let mut a = sized(bundled(80, 24), 80, 24);
    let n = a.shown().topics.len();
    for _ in 1..n {
        press(&mut a, &[Action::Down]);
    }
    assert!(a.topic_top > 0, "at 80x24 the last topic scrolls the list");
    let a = sized(a, 200, 60);
    assert_eq!(a.topic_top, 0, "every topic fits in 60 lines");
    let first: String = a.shown().topics[0].title.chars().take(20).collect();
    let shown = screen(&a);
    assert!(shown.contains(&first), "{shown}");
}

/// A move that meets an edge does nothing, and the footer says so (with the key that goes on,
/// where there is one) rather than leave the key looking broken.
#[test]
fn a_move_at_an_edge_says_where_it_stands() {
    let mut a = app(100, 30);
    let said = |a: &mut App, action| {
        a.message = None;
        press(a, &[action]);
        a.message.clone().unwrap_or_default()
    };
    assert_eq!(said(&mut a, Action::Up), "Already at the first topic.");
    assert_eq!(
        said(&mut a, Action::PrevTopic),
        "Already at the first topic."
    );
    press(&mut a, &[Action::NextPane]);
    assert_eq!(
        said(&mut a, Action::First),
        "Already at the top of this topic."
    );
    press(&mut a, &[Action::Last]);
    assert_eq!(
        said(&mut a, Action::Down),
        "Already at the end of this topic; } goes to the next."
    );
    press(&mut a, &[Action::NextPane, Action::Last]);
    assert_eq!(said(&mut a, Action::Down), "Already at the last topic.");
    // A move that moves says nothing.
    assert_eq!(said(&mut a, Action::Up), "");

    // The row in full and the help say their edges too.
    press(&mut a, &[Action::NextPane, Action::First, Action::Open]);
    assert!(
        matches!(a.modal(), Some(Modal::Detail(_))),
        "{:?}",
        a.modal()
    );
    assert_eq!(said(&mut a, Action::Up), "Already at the top of this row.");
    press(&mut a, &[Action::Last]);
    assert_eq!(
        said(&mut a, Action::Down),
        "Already at the end of this row."
    );
    press(&mut a, &[Action::Help]);
    assert!(matches!(a.modal(), Some(Modal::Help(_))), "{:?}", a.modal());
    assert_eq!(said(&mut a, Action::Up), "Already at the top of the help.");
    press(&mut a, &[Action::Last]);
    assert_eq!(
        said(&mut a, Action::Down),
        "Already at the end of the help."
    );
}

#[test]
fn a_search_typed_in_a_row_in_full_opens_the_search_line_and_never_runs_its_letters_as_keys() {
    // `r` would follow a link and `q` quit, had the letters of `/iraq` been taken as keys.
    let mut app = bundled(80, 24);
    press(&mut app, &[Action::NextPane, Action::Open]);
    assert!(matches!(app.modals.last(), Some(Modal::Detail(_))));
    let outcome = common::keys(&mut app, &[ratatui::crossterm::event::KeyCode::Char('/')]);
    assert_eq!(outcome, Outcome::Continue);
    common::typed(&mut app, "iraq");
    assert!(
        matches!(app.modals.last(), Some(Modal::Search(_))),
        "{:?}",
        app.modals
    );
    assert_eq!(app.search.field.text(), "iraq");
}

/// The topic finder with nothing found shows the topic it was opened on, not the last topic an
/// earlier letter found (`'ama` left "Florida amendments" beside `0/0`).
#[test]
fn the_topic_finder_finding_nothing_shows_the_topic_it_opened_on() {
    let mut app = bundled(80, 24);
    let start = app.topic;
    press(&mut app, &[Action::Search]);
    common::typed(&mut app, "wat");
    assert_ne!(app.topic, start, "a topic found: the Indus waters");
    common::typed(&mut app, "zzzq");
    assert!(matches!(app.modals.last(), Some(Modal::FindTopic(_))));
    assert_eq!(app.topic, start, "{}", screen(&app));
}

/// The first `wordN` on screen in the comparison's panes.
fn first_word(a: &App) -> Option<usize> {
    lines(a).iter().find_map(|l| {
        let at = l.find("word")?;
        let digits: String = l[at + 4..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().ok()
    })
}

/// Two sides of one claim each, of 3,000 words (`word1 word2 …`): a row far taller than a pane.
fn tall_row() -> tempfile::TempDir {
    let text: String = (1..=3000).map(|i| format!("word{i} ")).collect();
    common::one_claim_sides(
        ("t", "T"),
        &[("a", "A"), ("b", "B")],
        text.trim_end(),
        serde_json::json!({}),
    )
}

#[test]
fn a_resize_keeps_the_reader_where_they_were_inside_a_tall_row() {
    let dir = tall_row();
    let path = dir.path().to_str().expect("a UTF-8 path");
    for (from, to) in [(80, 120), (120, 80)] {
        let mut a = common::app_at(path, from, 30);
        press(&mut a, &[Action::NextPane]);
        for _ in 0..200 {
            press(&mut a, &[Action::Down]);
        }
        let before = first_word(&a).expect("a word on screen");
        assert!(before > 300, "scrolled into the claim: word{before}");
        a = sized(a, to, 30);
        let after = first_word(&a).expect("a word on screen");
        // The same part of the text, give or take the lines that wrap anew.
        assert!(
            after.abs_diff(before) < before / 10,
            "{from}→{to} columns: word{before} before, word{after} after"
        );
        // Too small to draw for a while (45×15), then back: the place waited (it went back
        // about 540 words).
        a = sized(a, 45, 15);
        a = sized(a, to, 30);
        assert_eq!(
            first_word(&a),
            Some(after),
            "through a size too small to draw"
        );
        // The row in full keeps its place the same way.
        press(&mut a, &[Action::Open]);
        for _ in 0..200 {
            press(&mut a, &[Action::PageDown]);
        }
        let before = first_word(&a).expect("a word in the row in full");
        a = sized(a, 45, 15);
        a = sized(a, from, 30);
        let after = first_word(&a).expect("a word in the row in full");
        assert!(
            after.abs_diff(before) < before / 10,
            "row in full, {to}→{from} columns: word{before} before, word{after} after"
        );
    }
}

#[test]
fn resizing_back_and_forth_does_not_creep() {
    // Each resize kept the line holding the top character, a little before it: four round
    // trips took the top back a dozen words, in the comparison and in the row in full.
    let dir = tall_row();
    let path = dir.path().to_str().expect("a UTF-8 path");
    let mut a = common::app_at(path, 80, 30);
    press(&mut a, &[Action::NextPane]);
    for _ in 0..200 {
        press(&mut a, &[Action::Down]);
    }
    for in_full in [false, true] {
        if in_full {
            press(&mut a, &[Action::Open, Action::PageDown, Action::PageDown]);
        }
        let start = first_word(&a).expect("a word on screen");
        for _ in 0..4 {
            a = sized(a, 200, 30);
            a = sized(a, 80, 30);
        }
        let end = first_word(&a).expect("a word on screen");
        assert!(
            end.abs_diff(start) <= 4,
            "in full: {in_full}; word{start} became word{end}"
        );
    }
}

/// Round trips between sizes, with no key between, come back to the very line read before:
/// each found the place anew from the size before, and the rounding took the view up about a
/// line a trip (on the bundled dispute, a search for "nobel" jumped to, after many trips the
/// claim found sat at the pane's foot).
#[test]
fn round_trips_of_resizes_come_back_to_the_same_line() {
    let mut a = bundled(80, 24);
    press(&mut a, &[Action::FocusComparison, Action::Search]);
    for c in "nobel".chars() {
        press(
            &mut a,
            &[Action::Edit(parallax::tui::text_field::Edit::Insert(c))],
        );
    }
    press(&mut a, &[Action::Open]);
    // Where the claim found stands on screen (the topic list may scroll on the way).
    let found = |a: &App| {
        lines(a)
            .iter()
            .position(|l| l.contains("R6 Pakistan would formally"))
    };
    let start = (a.top, found(&a));
    assert!(start.0.line > 0, "the hit is inside a tall row");
    assert!(start.1.is_some(), "{}", screen(&a));
    for (w, h) in [(120, 40), (50, 12), (200, 50), (40, 10), (97, 31)] {
        for _ in 0..6 {
            a = sized(a, w, h);
            a = sized(a, 80, 24);
        }
        assert_eq!((a.top, found(&a)), start, "after trips through {w}×{h}");
    }
}

/// Scrolled into a row that a bigger terminal shows whole, then back: the place read is found
/// again (it went to the row's top, where the bigger terminal had left it).
#[test]
fn a_resize_through_a_size_showing_the_whole_row_keeps_the_place() {
    let text: String = (1..=150).map(|i| format!("word{i} ")).collect();
    let dir = common::one_claim_sides(
        ("t", "T"),
        &[("a", "A"), ("b", "B")],
        text.trim_end(),
        serde_json::json!({}),
    );
    let path = dir.path().to_str().expect("a UTF-8 path");
    let mut a = common::app_at(path, 80, 24);
    press(&mut a, &[Action::NextPane]);
    for _ in 0..12 {
        press(&mut a, &[Action::Down]);
    }
    let before = first_word(&a).expect("a word on screen");
    assert!(before > 20, "scrolled into the claim: word{before}");
    a = sized(a, 200, 50);
    assert_eq!(a.top.line, 0, "the whole row shows");
    a = sized(a, 80, 24);
    let after = first_word(&a).expect("a word on screen");
    assert!(
        after.abs_diff(before) <= 4,
        "word{before} before, word{after} after"
    );
    // A key in between forgets it: the row is read from where the key left it.
    a = sized(a, 200, 50);
    press(&mut a, &[Action::First]);
    a = sized(a, 80, 24);
    assert_eq!(a.top.line, 0);
}

/// The finder's title gives way to its count with `…` (`Find topi 63/137` was cut mid-word),
/// and stays whole when both fit.
#[test]
fn the_topic_finders_title_is_cut_with_an_ellipsis_beside_a_long_count() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (party, name) in [("a", "A"), ("b", "B")] {
        let topics: Vec<serde_json::Value> = (0..120)
            .map(|i| {
                serde_json::json!({"id": format!("t{i}"), "title": format!("Topic {i}"),
                    "claims": [{"id": format!("{party}-{i}"), "text": "x", "sources": ["s"]}]})
            })
            .collect();
        let side = serde_json::json!({"format": "parallax/1", "dispute": "d",
            "party": {"id": party, "name": name},
            "sources": [{"id": "s", "outlet": "O", "url": "https://example.org/"}],
            "topics": topics});
        std::fs::write(dir.path().join(format!("{party}.json")), side.to_string())
            .expect("written");
    }
    let mut app = common::open_folder(dir.path());
    app = sized(app, 80, 24);
    press(&mut app, &[Action::Search]);
    let title = |app: &App| lines(app)[3].chars().take(20).collect::<String>();
    assert!(
        title(&app).starts_with("┌ Find topic 1/120 ┐"),
        "{}",
        title(&app)
    );
    for _ in 0..106 {
        press(&mut app, &[Action::Down]);
    }
    assert!(
        title(&app).starts_with("┌ Find to… 107/120 ┐"),
        "{}",
        title(&app)
    );
}

/// The row in full offers `r` only for a link it can follow: a claim whose one link goes to a
/// side not compared (a third party's) no longer says "r: go to the claim it relates to", nor
/// does its footer list `r  follow link`.
#[test]
fn the_row_in_full_offers_r_only_for_a_link_it_can_follow() {
    let mut app = bundled(120, 50);
    let hint = "r: go to the claim it relates to";
    let footer = "follow link";
    let shows_hint = |app: &mut App, id: &str| {
        let at = app.dispute.find_claim(id).expect("the claim");
        let (topic, row, _) = app.locate(at).expect("on screen");
        app.reveal(topic, row, at);
        press(app, &[Action::Open]);
        assert!(matches!(app.modal(), Some(Modal::Detail(_))));
        let s = screen(app);
        press(app, &[Action::Back]);
        assert_eq!(
            s.contains(hint),
            s.contains(footer),
            "hint and footer agree: {s}"
        );
        s.contains(hint)
    };
    let linked_elsewhere = app
        .dispute
        .find_claim("in-ceasefire-dgmo-understanding")
        .and_then(|at| app.dispute.claim(at))
        .map(|c| c.links().map(|(_, t)| t.to_owned()).collect::<Vec<_>>())
        .expect("the claim");
    assert!(
        linked_elsewhere.iter().all(|t| t.starts_with("tp-")),
        "its links go to third parties only: {linked_elsewhere:?}"
    );
    assert!(!shows_hint(&mut app, "in-ceasefire-dgmo-understanding"));
    // A claim linked to the other compared side still offers it.
    let followable = app
        .dispute
        .sides
        .first()
        .into_iter()
        .flat_map(|s| s.topics.iter().flat_map(|t| &t.claims))
        .find(|c| c.links().any(|(_, t)| t.starts_with("pk-")))
        .map(|c| c.id.to_string())
        .expect("an India claim linked to a Pakistan claim");
    assert!(shows_hint(&mut app, &followable));
}

/// A message too long for the footer is drawn over the bottom of the screen: it no longer
/// hides the selected topic (the list showed "5/11" with the fifth topic under the message),
/// taking the comparison's columns only when it would.
#[test]
fn a_long_message_never_hides_the_selected_topic() {
    for height in 14..22 {
        let mut app = bundled(50, height);
        app.focus = Focus::Topics;
        let visible = app.topics_visible();
        for _ in 1..visible {
            press(&mut app, &[Action::Down]);
        }
        let title = app
            .current_topic()
            .map(|t| t.title.clone())
            .expect("a topic");
        let start: String = title.chars().take(8).collect();
        common::key(
            &mut app,
            ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char(
                'Z',
            )),
        );
        let s = screen(&app);
        assert!(s.contains("does nothing"), "the message shows: {s}");
        assert!(s.contains("here."), "whole, to its end: {s}");

        assert!(
            s.lines().any(|l| l.contains(&format!("▶ {start}"))),
            "the selected topic shows at {height} lines:\n{s}"
        );
    }
    // A message of more than four lines in the comparison's columns is shown whole too (it
    // was cut at four there: the files an accept wrote were lost).
    let mut app = bundled(50, 24);
    app.focus = Focus::Topics;
    for _ in 1..app.topics_visible() {
        press(&mut app, &[Action::Down]);
    }
    app.message = Some(
        "Linked on point `a-point`; wrote one.json, two.json, three.json, four.json, five.json, \
         six.json, seven.json, eight.json, nine.json, ten.json and the-last.json"
            .to_owned(),
    );
    let s = screen(&app);
    assert!(s.contains("the-last.json"), "{s}");
    assert!(s.lines().any(|l| l.contains('▶')), "{s}");
    // Over the whole width too: a reload's error with its advice took six lines at 80
    // columns, and was cut at four with `…`.
    let mut app = bundled(80, 24);
    let long = format!(
        "Nothing was written: {} and the end of it.",
        "the files changed on disk, and reading them again failed; ".repeat(6)
    );
    app.message = Some(long);
    let s = screen(&app);
    assert!(s.contains("and the end of it."), "{s}");
}

/// With the topic list focused (help heads its keys "Keys in Topics:"), a key that does
/// nothing and a paste name Topics, not the comparison beside it.
#[test]
fn messages_of_the_topic_list_name_topics() {
    use ratatui::crossterm::event::KeyCode;
    let mut a = common::bundled(120, 40);
    assert_eq!(a.focus, Focus::Topics);
    common::keys(&mut a, &[KeyCode::Char('Z')]);
    assert_eq!(
        a.message.as_deref(),
        Some("Z does nothing in “Topics”; ? lists the keys that work here.")
    );
    for action in parallax::tui::terminal::pasted(&a, "some text") {
        parallax::tui::update(&mut a, action);
    }
    assert_eq!(
        a.message.as_deref(),
        Some("Nothing takes text in “Topics”, so the paste was left out; / opens the search line.")
    );
    // In the comparison, the comparison is named.
    common::keys(&mut a, &[KeyCode::Tab, KeyCode::Char('Z')]);
    assert_eq!(
        a.message.as_deref(),
        Some("Z does nothing in “Comparison”; ? lists the keys that work here.")
    );
}

/// `k` from the row below into a row taller than the screen enters it at its end and reads it
/// upward a line at a time, as `j` reads one downward: it showed the row from its heading, so
/// everything below the first screen of it was skipped.
#[test]
fn k_reads_a_tall_row_upward_from_its_end() {
    // At 60×16 the bundled dispute's first row is taller than the screen.
    let mut a = common::bundled(60, 16);
    press(&mut a, &[Action::NextPane, Action::NextRow]);
    assert_eq!(a.row, 1);
    let vp = a.viewport() as isize;
    assert!(a.row_height(0) as isize > vp, "the first row is tall");
    press(&mut a, &[Action::Up]);
    assert_eq!(a.row, 0, "k selects the row above");
    // Its end is at the foot of the screen: the line before the next row's heading.
    assert_eq!(a.row_start(1), vp, "the screen ends where the row does");
    let top = a.top;
    press(&mut a, &[Action::Up]);
    assert_eq!(a.row, 0, "k scrolls inside the tall row");
    assert_eq!(a.row_start(1), vp + 1, "one line up");
    assert!(a.top < top);
    // Read to its heading, a line at a time.
    let mut presses = 0;
    while a.top.line > 0 && presses < 200 {
        press(&mut a, &[Action::Up]);
        presses += 1;
    }
    assert_eq!(a.row, 0);
    assert_eq!(presses as isize, a.row_height(0) as isize - vp - 1);
}

/// A claim chosen in the row in full stays the row's selected claim once it closes: `j` to the
/// right claim, `Esc`, and `Y` copies that claim's id (it copied the left one's), with nothing
/// chosen when the row in full closes on its first claim.
#[test]
fn the_claim_chosen_in_a_row_in_full_stays_chosen_after_esc() {
    let mut a = bundled(120, 40);
    press(&mut a, &[Action::FocusComparison]);
    let row = a.current_row().expect("a row");
    let (first, second) = {
        let mut claims = row.claims();
        (claims.next().expect("a claim"), claims.next().expect("two"))
    };
    let id = |at| a.dispute.claim(at).expect("a claim").id.to_string();
    let (first_id, second_id) = (id(first), id(second));
    press(&mut a, &[Action::Open, Action::Back]);
    assert_eq!(a.chosen, None, "nothing chosen on the first claim");
    assert_eq!(update(&mut a, Action::CopyId), Outcome::Copy(first_id));
    press(&mut a, &[Action::Open]);
    // Down scrolls a tall row's claim before it moves on: as many as it takes.
    for _ in 0..40 {
        if a.detail().is_some_and(|d| d.cursor == 1) {
            break;
        }
        press(&mut a, &[Action::Down]);
    }
    assert_eq!(a.detail().map(|d| d.cursor), Some(1));
    press(&mut a, &[Action::Back]);
    assert!(a.detail().is_none());
    assert_eq!(update(&mut a, Action::CopyId), Outcome::Copy(second_id));
}

/// A window too small to draw says what it needs and how to quit whole: at 20×5 the message
/// was cut before "quit", and it named only Ctrl-C though `q` quits there too.
#[test]
fn a_window_too_small_says_how_to_quit_whole() {
    let said = |w: u16, h: u16| {
        let app = common::bundled(w, h);
        common::lines(&app)
            .iter()
            .map(|l| l.trim())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let roomy = said(40, 10);
    assert!(
        roomy.contains("needs at least 50×12") && roomy.contains("press q or Ctrl-C to quit."),
        "{roomy}"
    );
    let tiny = said(20, 5);
    assert!(
        tiny.contains("Needs 50×12") && tiny.contains("q to quit."),
        "{tiny}"
    );
    // In the search line `q` types: Ctrl-C alone is said.
    let mut typing = common::bundled(80, 24);
    press(&mut typing, &[Action::Search]);
    let typing = sized(typing, 40, 10);
    let said = lines(&typing).join(" ");
    assert!(said.contains("press Ctrl-C to quit"), "{said}");
}
