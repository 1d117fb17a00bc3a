//! The comparison screen as an analyst sees it: snapshots of the rendered screen at three sizes,
//! for the bundled dispute and for a small fixture (a one-sided topic, the help, the detail view,
//! the party picker), plus the too-small screen and NO_COLOR.

mod common;

use parallax::tui::theme::Theme;
use parallax::tui::{Action, App, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn fixture() -> App {
    App::new(
        common::dispute("tests/fixtures/tui/sample"),
        0,
        1,
        Theme::plain(),
    )
}

fn bundled() -> App {
    common::bundled(80, 24)
}

/// Renders the app on a test terminal of the given size, after the given actions.
fn screen(app: &mut App, width: u16, height: u16, actions: &[Action]) -> String {
    update(app, Action::Resize { width, height });
    for &a in actions {
        update(app, a);
    }
    common::screen(app)
}

#[test]
fn bundled_dispute_at_three_sizes() {
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let s = screen(&mut bundled(), w, h, &[]);
        insta::assert_snapshot!(format!("bundled_{w}x{h}"), s);
    }
}

#[test]
fn bundled_help_and_detail() {
    insta::assert_snapshot!(
        "bundled_help_80x24",
        screen(&mut bundled(), 80, 24, &[Action::Help])
    );
    insta::assert_snapshot!(
        "bundled_detail_120x40",
        screen(&mut bundled(), 120, 40, &[Action::NextPane, Action::Open])
    );
}

#[test]
fn fixture_comparison_at_three_sizes() {
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let s = screen(&mut fixture(), w, h, &[Action::NextPane]);
        insta::assert_snapshot!(format!("fixture_{w}x{h}"), s);
    }
}

#[test]
fn one_sided_topic_shows_no_counterpart_and_the_mark() {
    let s = screen(&mut fixture(), 120, 40, &[Action::Down]);
    assert!(s.contains("Beta: does not address this topic"), "{s}");
    assert!(s.contains("no counterpart"), "{s}");
    assert!(s.contains("* one side"), "{s}");
    insta::assert_snapshot!("fixture_one_sided_120x40", s);
}

#[test]
fn detail_view_shows_every_field() {
    let s = screen(&mut fixture(), 120, 40, &[Action::NextPane, Action::Open]);
    for needle in [
        "Alpha · a-cut",
        "speaker: Alpha's water minister",
        "date: 2024-03-02",
        "tags: dam, flow",
        "assessment: ⚑ disputed: Satellite images",
        "title: Dam gates closed",
        "author: R. Writer",
        "kind: news",
        "affiliation: alpha",
        "url: https://example.org/gazette/dam",
        "quote: “the gates were shut at dawn”",
        "locator: para 2",
        "Beta · b-cut",
        "↳ contradicts Alpha L1 · a-cut",
    ] {
        assert!(s.contains(needle), "missing {needle:?} in\n{s}");
    }
    insta::assert_snapshot!("fixture_detail_120x40", s);
}

#[test]
fn help_lists_the_keys_that_work_then_the_rest() {
    let mut app = fixture();
    let s = screen(&mut app, 120, 40, &[Action::Help]);
    // What help lists (its text wraps in two columns, so read it from the modal).
    let (listed, later): (Vec<&str>, Vec<&str>) = match app.modal() {
        Some(parallax::tui::state::Modal::Help(h)) => (
            h.keys.iter().map(|k| k.help).collect(),
            h.later.iter().map(|k| k.help).collect(),
        ),
        other => panic!("help is open, not {other:?}"),
    };
    update(&mut app, Action::Back);
    let beneath = parallax::tui::modal::component::active(&app);
    for b in parallax::tui::modal::screen::BINDINGS {
        let works = beneath.works(&app, b.action);
        assert_eq!(
            listed.contains(&b.help),
            works,
            "{:?} in help:\n{s}",
            b.help
        );
        // Every key of the part is listed: one that does nothing yet after the others.
        assert_eq!(later.contains(&b.help), !works, "{:?} listed later", b.help);
        if works {
            let start: String = b.help.chars().take(12).collect();
            assert!(s.contains(&start), "{:?} on the screen:\n{s}", b.help);
        }
    }
    insta::assert_snapshot!("fixture_help_120x40", s);
}

#[test]
fn party_picker_lists_the_sides() {
    let s = screen(&mut fixture(), 80, 24, &[Action::PickParties]);
    assert!(s.contains("Choose the left side"), "{s}");
    assert!(s.contains("Gamma"), "{s}");
    insta::assert_snapshot!("fixture_picker_80x24", s);
}

#[test]
fn a_tiny_terminal_says_how_big_it_must_be() {
    let mut app = fixture();
    update(
        &mut app,
        Action::Resize {
            width: 0,
            height: 0,
        },
    );
    let mut terminal = Terminal::new(TestBackend::new(0, 0)).expect("test terminal");
    terminal
        .draw(|f| view::draw(f, &app))
        .expect("draws on nothing");
    for (w, h) in [(10, 3), (49, 30), (120, 11), (1, 1)] {
        let s = screen(&mut fixture(), w, h, &[Action::Down, Action::Open]);
        if w >= 20 && h >= 3 {
            assert!(s.contains("50×12"), "{w}x{h}: {s}");
        }
    }
}

#[test]
fn header_shows_active_filters_when_there_are_some() {
    let mut app = fixture();
    app.active_filters = vec!["tag: dam".to_owned()];
    let s = screen(&mut app, 80, 24, &[]);
    assert!(s.contains("filters: tag: dam"), "{s}");
}

/// A large draft (LIAR's 137 topics, 1,049 suggested rows) keeps every count in the header at
/// 80 columns: the longest form gives way to shorter ones, never to a cut.
#[test]
fn the_header_keeps_every_count_of_a_large_draft_at_80_columns() {
    let c = parallax::compare::Counts {
        topics: 137,
        left_claims: 4150,
        right_claims: 5687,
        both: 0,
        left_only: 3101,
        right_only: 4638,
        common: 0,
        suggested: 1049,
    };
    let line = parallax::tui::strings::counts(
        &c,
        "Democratic Party speakers",
        "Republican Party speakers",
        80,
    );
    assert!(parallax::text::width(&line) <= 80, "{line}");
    for n in ["137", "4150", "5687", "1049", "3101", "4638"] {
        assert!(line.contains(n), "{n} is missing from {line}");
    }
    // Once a pair is accepted, the common ground is counted too.
    let accepted = parallax::compare::Counts {
        both: 1,
        common: 1,
        suggested: 0,
        left_only: 4149,
        right_only: 5686,
        ..c
    };
    let line = parallax::tui::strings::counts(&accepted, "Democrats", "Republicans", 80);
    assert!(parallax::text::width(&line) <= 80, "{line}");
    assert!(
        line.starts_with("≡1 · ") && line.contains("4149 ⟷ 5686"),
        "{line}"
    );
    // Accepted with the other suggestions still shown: the topics' number gives way last (the
    // topic list's title has it).
    let both = parallax::compare::Counts {
        suggested: 1041,
        left_only: 3108,
        right_only: 4645,
        ..accepted
    };
    let line = parallax::tui::strings::counts(&both, "Democrats", "Republicans", 80);
    assert!(parallax::text::width(&line) <= 80, "{line}");
    for n in ["≡1", "4150", "5687", "1041 ≈", "3108", "4645"] {
        assert!(line.contains(n), "{n} is missing from {line}");
    }
    // Narrower than the shortest form, the counts end at a whole count and `…`, never inside
    // a number (`13 ⟷ 1…` read as one).
    let bundled = parallax::compare::Counts {
        topics: 11,
        left_claims: 102,
        right_claims: 143,
        both: 47,
        left_only: 13,
        right_only: 17,
        common: 2,
        suggested: 5,
    };
    for width in 30..=60 {
        let line = parallax::tui::strings::counts(&bundled, "India", "Pakistan", width);
        assert!(parallax::text::width(&line) <= width, "{width}: {line}");
        // Every number shown is one of the counts, whole.
        for n in line
            .split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty())
        {
            assert!(
                ["11", "102", "143", "47", "13", "17", "2", "5"].contains(&n),
                "{width}: cut inside a count ({n}): {line}"
            );
        }
    }
    let wide = parallax::tui::strings::counts(&c, "Democrats", "Republicans", 200);
    assert!(
        wide.contains("1049 suggested") && wide.contains("3101 Democrats only"),
        "{wide}"
    );
}

/// A message as long as the footer keeps a gap before the position (`row 1/4`).
#[test]
fn a_long_footer_message_keeps_a_gap_before_the_position() {
    let mut app = common::bundled(80, 24);
    common::keys(&mut app, &[ratatui::crossterm::event::KeyCode::Tab]);
    app.message = Some(format!(
        "Linked on point `x`; wrote {}",
        "a/b.json, ".repeat(10)
    ));
    let s = common::screen(&app);
    let last = s
        .lines()
        .last()
        .unwrap_or_default()
        .trim_matches('"')
        .trim_end();
    let position = last.rsplit("  ").next().unwrap_or_default();
    assert!(
        position.starts_with("row ") || position.starts_with("topic "),
        "no gap before the position: {last}"
    );
}

/// Below the smallest size the screen only says how big it must be, so keys typed then do
/// nothing unseen: `/` opens no search line that would show once the window grows.
#[test]
fn keys_typed_while_the_window_is_too_small_do_nothing() {
    let mut app = common::bundled(40, 10);
    assert!(app.regions().too_small);
    common::keys(
        &mut app,
        &[
            ratatui::crossterm::event::KeyCode::Tab,
            ratatui::crossterm::event::KeyCode::Char('/'),
            ratatui::crossterm::event::KeyCode::Char('x'),
        ],
    );
    let app = common::sized(app, 100, 30);
    assert!(app.modal().is_none(), "{:?}", app.modal());
    assert!(!common::screen(&app).contains("┌ Search"));
}

/// The help's heading names the pane whose keys it lists: the topic list as the screen opens,
/// the comparison once it has the focus.
#[test]
fn the_help_heading_names_the_focused_pane() {
    let topics = screen(&mut bundled(), 80, 24, &[Action::Help]);
    assert!(topics.contains("Keys in Topics:"), "{topics}");
    let comparison = screen(&mut bundled(), 80, 24, &[Action::NextPane, Action::Help]);
    assert!(comparison.contains("Keys in Comparison:"), "{comparison}");
    assert!(comparison.contains("to the topic list"), "{comparison}");
}

/// On a small screen the footer gives up the way on and back before help and quit, as the
/// README says.
#[test]
fn a_narrow_footer_keeps_help_and_quit_last() {
    let mut app = common::bundled(50, 12);
    common::keys(&mut app, &[ratatui::crossterm::event::KeyCode::Tab]);
    let s = common::screen(&app);
    let last = s.lines().last().unwrap_or_default();
    assert!(
        last.contains("?  help") && last.contains("q  quit"),
        "{last}"
    );
    assert!(last.contains('…'), "{last}");
}

/// The count of lines out of sight reads as English at one line too.
#[test]
fn one_line_out_of_sight_is_a_line() {
    use parallax::tui::strings::hidden_lines;
    assert_eq!(hidden_lines(1, 0).as_deref(), Some(" ↑ 1 line above "));
    assert_eq!(hidden_lines(0, 1).as_deref(), Some(" ↓ 1 more line "));
    assert_eq!(hidden_lines(0, 5).as_deref(), Some(" ↓ 5 more lines "));
    assert_eq!(hidden_lines(0, 0), None);
}

/// Long names are each cut with `…`, never `(left)` or `(right)`: both sides stay said at
/// every width (at 50 columns the cut fell inside `(left)`).
#[test]
fn long_party_names_share_the_legend_each_cut_with_an_ellipsis() {
    let dir = common::one_claim_sides(
        ("t", "T"),
        &[
            ("dem", "Democratic Party speakers and their surrogates"),
            ("rep", "Republican Party speakers and their surrogates"),
        ],
        "A claim.",
        serde_json::json!({}),
    );
    for width in [50, 60, 80] {
        let app = common::app_at(dir.path().to_str().unwrap(), width, 20);
        let lines = common::lines(&app);
        let legend = lines.iter().find(|l| l.contains('⟷')).expect("the legend");
        assert!(legend.starts_with("■ Democratic"), "{legend:?}");
        assert!(legend.contains("… (left) ⟷ ■ Republican"), "{legend:?}");
        assert!(legend.trim_end().ends_with("… (right)"), "{legend:?}");
    }
}

/// An assessment line is drawn in its rating's colour, as the detail view draws it: every
/// rating was bright red, and red reads as "false" even on a corroborated claim.
#[test]
fn assessment_lines_take_their_ratings_colour() {
    let app = common::sized(
        App::new(
            common::dispute("tests/fixtures/assessed"),
            0,
            1,
            Theme::colored(),
        ),
        160,
        50,
    );
    let t = common::render(&app);
    let buf = t.backend().buffer();
    let colour_of = |word: &str| {
        (0..buf.area.height).find_map(|y| {
            let line: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
            let at = line.find(&format!("⚑ {word}"))?;
            Some(buf[(line[..at].chars().count() as u16, y)].fg)
        })
    };
    let corroborated = colour_of("corroborated").expect("a corroborated claim in view");
    let disputed = colour_of("disputed").expect("a disputed claim in view");
    assert_eq!(corroborated, ratatui::style::Color::Green);
    assert_ne!(corroborated, disputed);
}

/// A dispute with no topic yet (as `parallax new` writes one) says what to do next, naming its
/// side files, rather than an empty pane; a search on it is not said to be why nothing shows.
#[test]
fn an_empty_dispute_says_what_to_do_next() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (id, name) in [("alpha", "Alpha"), ("beta", "Beta")] {
        let side = serde_json::json!({
            "format": "parallax/1", "dispute": "fresh",
            "party": {"id": id, "name": name}, "sources": [], "topics": []
        });
        std::fs::write(dir.path().join(format!("{id}.json")), side.to_string()).expect("written");
    }
    let mut app = common::sized(common::open_folder(dir.path()), 80, 24);
    let shown = common::screen(&app);
    assert!(shown.contains("Nothing to compare yet"), "{shown}");
    assert!(shown.contains("(alpha.json, beta.json)"), "{shown}");
    assert!(shown.contains("import csv FILE -o FOLDER"), "{shown}");
    common::typed(&mut app, "/abc");
    common::keys(&mut app, &[ratatui::crossterm::event::KeyCode::Enter]);
    let shown = common::screen(&app);
    assert!(shown.contains("│no topics."), "{shown}");
    assert!(!shown.contains("No claim matches the search."), "{shown}");
}

/// A topic's counts too wide for the topic list at 80 columns are shortened (`1.2k`), not cut
/// off at its edge: `  1212 ⟷ 1212 ≡1200` lost the last digit of its common-ground count to
/// the border, and a suggested count after it went unseen. Counts that fit stay in full.
#[test]
fn counts_too_wide_for_the_topic_list_are_shortened_not_cut() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let n = 1200;
    let points: Vec<serde_json::Value> = (0..n)
        .map(|i| serde_json::json!({"id": format!("p{i}"), "question": format!("Question {i}?")}))
        .collect();
    let manifest = serde_json::json!({
        "format": "parallax/1", "dispute": {"id": "d", "title": "D"},
        "sides": ["a.json", "b.json"],
        "topics": [
            {"id": "big", "title": "Big", "points": points},
            {"id": "small", "title": "Small"}
        ]
    });
    std::fs::write(dir.path().join("dispute.json"), manifest.to_string()).expect("written");
    for party in ["a", "b"] {
        // Both sides' claims on each point rated corroborated: common ground, `≡`.
        let mut claims: Vec<serde_json::Value> = (0..n)
            .map(|i| {
                serde_json::json!({"id": format!("{party}-{i}"), "text": format!("Claim {i}."),
                    "point": format!("p{i}"), "sources": ["s"],
                    "assessment": {"rating": "corroborated", "by": "a desk"}})
            })
            .collect();
        // And twelve pairs on no point that answer each other: suggested rows.
        let dam = if party == "a" {
            "opened on Monday"
        } else {
            "stayed shut all week"
        };
        for name in [
            "Zarvonia", "Belmora", "Quistan", "Dravel", "Ostrava", "Pelmina", "Korvath",
            "Marnesse", "Tavrin", "Ulmeck", "Vespora", "Wyndal",
        ] {
            claims.push(
                serde_json::json!({"id": format!("{party}-{}", name.to_lowercase()),
                "text": format!("The {name} dam {dam}, the {name} water board said."),
                "sources": ["s"]}),
            );
        }
        let small = [
            serde_json::json!({"id": format!("{party}-small"), "text": "One.",
            "sources": ["s"]}),
        ];
        let side = serde_json::json!({
            "format": "parallax/1", "dispute": "d",
            "party": {"id": party, "name": party.to_uppercase()},
            "sources": [{"id": "s", "outlet": "O", "url": "https://example.org/"}],
            "topics": [
                {"id": "big", "title": "Big", "claims": claims},
                {"id": "small", "title": "Small", "claims": small}
            ]
        });
        std::fs::write(dir.path().join(format!("{party}.json")), side.to_string())
            .expect("written");
    }
    let loaded = parallax::load::load_paths(&[dir.path().to_path_buf()]);
    assert_eq!(loaded.report.errors(), 0, "{:?}", loaded.report);
    let mut app = App::new(loaded.dispute.expect("loads"), 0, 1, Theme::plain());
    let at = |app: &mut App, width, height| -> Vec<String> {
        screen(app, width, height, &[])
            .lines()
            .map(str::to_owned)
            .collect()
    };
    // A line of the screen holds `needle`, or the screen is shown.
    let has = |lines: &[String], needle: &str| {
        assert!(
            lines.iter().any(|l| l.contains(needle)),
            "{needle}:\n{}",
            lines.join("\n")
        );
    };
    let lines = at(&mut app, 80, 24);
    has(&lines, "\"│1.2k⟷1.2k ≡1.2k   │");
    // The other topic's counts fit, in full.
    has(&lines, "\"│  1 ⟷ 1   ");
    // Wide enough, in full.
    let wide = at(&mut app, 200, 40);
    has(&wide, "  1212 ⟷ 1212 ≡1200 ");
    // With the suggested row shown as well (`s`: most claims are linked, so it starts
    // hidden), what does not fit gives way to `…`.
    app.toggle_suggestions();
    common::finish_suggestions(&mut app);
    let wide = at(&mut app, 200, 40);
    has(&wide, "  1212 ⟷ 1212 ≡1200 ≈12 ");
    let lines = at(&mut app, 80, 24);
    has(&lines, "\"│1.2k⟷1.2k ≡1.2k … │");
}

/// A narrow topic list with thousands of topics: its title gives way to the position, cut with
/// `…`, not mid-word (`┌ Topi 10000/10000 ┐`).
#[test]
fn the_topic_list_title_gives_way_to_its_position() {
    let loaded = synth::load(&synth::stress(synth::Shape::Topics, 10_000));
    let dispute = loaded.dispute.expect("the topics load");
    let mut app = common::sized(App::new(dispute, 0, 1, Theme::plain()), 80, 24);
    common::press(&mut app, &[Action::Last]);
    let top = common::lines(&app)
        .into_iter()
        .find(|l| l.contains("10000/10000"))
        .expect("the topic list's border");
    assert!(top.starts_with("┌ Top… 10000/10000 ┐"), "{top}");
}
