//! `T` on the screen: the timeline of the selected topic, the two parties' bars above and below
//! one axis, assessments and the date in force marked; moving along it sets the as-of date.
//! Snapshots at 80×24 and 200×60, in colour and with NO_COLOR (the styles are part of the
//! colour snapshots), and the counts checked against `parallax timeline --json`.

mod common;

use assert_cmd::Command;
use parallax::tui::state::Modal;
use parallax::tui::state::timeline::Chart;
use parallax::tui::theme::Theme;
use parallax::tui::{Action, App};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const FIXTURE: &str = "tests/fixtures/relations";

fn app(theme: Theme, width: u16, height: u16) -> App {
    common::sized(
        App::new(common::dispute(FIXTURE), 0, 1, theme),
        width,
        height,
    )
}

fn chart(app: &App) -> &Chart {
    app.modals
        .iter()
        .rev()
        .find_map(|m| match m {
            Modal::Timeline(c) => Some(c.as_ref()),
            _ => None,
        })
        .expect("the timeline is open")
}

fn as_of(app: &App) -> Option<String> {
    app.query.filter.as_of.map(|d| d.to_string())
}

#[test]
fn the_timeline_at_two_sizes_in_colour_and_without() {
    for (w, h) in [(80, 24), (200, 60)] {
        for (name, theme) in [("colour", Theme::colored()), ("no_color", Theme::plain())] {
            let mut app = app(theme, w, h);
            common::keys(&mut app, &[KeyCode::Char('T')]);
            common::keys(&mut app, &[KeyCode::End, KeyCode::Left, KeyCode::Left]);
            let t = common::render(&app);
            insta::assert_snapshot!(
                format!("timeline_{w}x{h}_{name}"),
                format!("{:?}", t.backend().buffer())
            );
        }
    }
}

#[test]
fn the_bundled_dispute_counts_per_week() {
    let mut app = common::bundled(80, 24);
    common::keys(&mut app, &[KeyCode::Char('T'), KeyCode::Tab]);
    insta::assert_snapshot!("timeline_bundled_all_80x24", common::screen(&app));
}

#[test]
fn the_bars_are_the_counts_parallax_timeline_prints() {
    let mut app = app(Theme::plain(), 120, 40);
    common::keys(&mut app, &[KeyCode::Char('T')]);
    let topic = chart(&app).topic.clone().expect("the selected topic");
    let out = Command::cargo_bin("parallax")
        .expect("built")
        .args(["timeline", FIXTURE, "--json", "--topic", &topic])
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let bins: Vec<(String, u64, u64)> = json["bins"]
        .as_array()
        .expect("bins")
        .iter()
        .map(|b| {
            (
                b["start"].as_str().unwrap_or("").to_owned(),
                b["left"].as_u64().unwrap_or(0),
                b["right"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let shown: Vec<(String, u64, u64)> = chart(&app)
        .counts
        .bins
        .iter()
        .map(|b| (b.start.to_string(), b.left as u64, b.right as u64))
        .collect();
    assert!(!shown.is_empty());
    assert_eq!(shown, bins);
    assert_eq!(
        chart(&app).counts.assessments.len(),
        json["assessments"].as_array().map_or(0, Vec::len)
    );
}

#[test]
fn moving_along_the_bars_sets_the_date_and_esc_puts_it_back() {
    let mut app = app(Theme::plain(), 120, 40);
    common::keys(&mut app, &[KeyCode::Char('t')]);
    common::typed(&mut app, "2025-03-20");
    common::keys(&mut app, &[KeyCode::Enter, KeyCode::Char('T')]);
    assert_eq!(
        chart(&app)
            .cursor
            .map(|i| chart(&app).counts.bins[i].start.to_string())
            .as_deref(),
        Some("2025-03-20"),
        "it opens on the date in force"
    );
    common::keys(&mut app, &[KeyCode::End]);
    assert_eq!(as_of(&app).as_deref(), Some("2025-04-30"));
    assert!(common::lines(&app).join("\n").contains("as of 2025-04-30"));
    common::keys(&mut app, &[KeyCode::Left]);
    assert_eq!(as_of(&app).as_deref(), Some("2025-04-29"));
    let seven = |app: &App| {
        app.shown()
            .topics
            .iter()
            .flat_map(|t| &t.rows)
            .flat_map(|r| r.claims())
            .any(|at| {
                app.dispute
                    .claim(at)
                    .is_some_and(|c| c.text.starts_with("Seven"))
            })
    };
    assert!(
        !seven(&app),
        "the April claim (placed on the 30th) is not said yet"
    );
    common::keys(&mut app, &[KeyCode::Esc]);
    assert_eq!(
        as_of(&app).as_deref(),
        Some("2025-03-20"),
        "Esc puts back the date before"
    );
    assert!(app.modal().is_none());
    common::keys(
        &mut app,
        &[KeyCode::Char('T'), KeyCode::Delete, KeyCode::Enter],
    );
    assert_eq!(
        as_of(&app),
        None,
        "Delete shows every date; Enter keeps that"
    );
    assert!(seven(&app));
}

#[test]
fn tab_counts_every_topic_and_back() {
    let mut app = app(Theme::plain(), 120, 40);
    common::keys(&mut app, &[KeyCode::Char('T')]);
    let one: usize = chart(&app)
        .counts
        .bins
        .iter()
        .map(|b| b.left + b.right)
        .sum();
    common::keys(&mut app, &[KeyCode::Tab]);
    assert_eq!(chart(&app).topic, None);
    let all: usize = chart(&app)
        .counts
        .bins
        .iter()
        .map(|b| b.left + b.right)
        .sum();
    assert!(all > one, "{all} > {one}");
    assert!(
        common::lines(&app)
            .join("\n")
            .contains("Timeline: every topic")
    );
    common::keys(&mut app, &[KeyCode::Tab]);
    assert!(chart(&app).topic.is_some());
}

/// `↑` and `↓` chart the topic above or below, selecting it in the list beside the chart, so
/// every topic is reached without closing the timeline (the list stood still on the one it
/// opened on); at an end they say so. `Esc` still goes back to the topic of before, and
/// `Enter` keeps the one charted.
#[test]
fn up_and_down_chart_the_topic_above_or_below() {
    let mut app = common::bundled(100, 30);
    let ids: Vec<String> = app.cmp.topics.iter().map(|t| t.id.clone()).collect();
    common::keys(&mut app, &[KeyCode::Char('T')]);
    common::keys(&mut app, &[KeyCode::Down, KeyCode::Down]);
    assert_eq!(chart(&app).topic.as_deref(), Some(ids[2].as_str()));
    assert_eq!(
        app.current_topic().map(|t| t.id.clone()),
        Some(ids[2].clone())
    );
    let title = app.cmp.topics[2].title.clone();
    let cut: String = title.chars().take(12).collect();
    assert!(common::lines(&app).join("\n").contains(&cut), "{title}");
    common::keys(&mut app, &[KeyCode::Up, KeyCode::Up, KeyCode::Up]);
    assert_eq!(chart(&app).topic.as_deref(), Some(ids[0].as_str()));
    assert_eq!(app.message.as_deref(), Some("Already at the first topic."));
    // From every topic, a step goes back to one.
    common::keys(&mut app, &[KeyCode::Tab, KeyCode::Down]);
    assert!(chart(&app).topic.is_some());
    // Esc: the date and the topic of before.
    common::keys(
        &mut app,
        &[KeyCode::Down, KeyCode::Right, KeyCode::Right, KeyCode::Esc],
    );
    assert!(app.modals.is_empty());
    assert_eq!(as_of(&app), None);
    assert_eq!(
        app.current_topic().map(|t| t.id.clone()),
        Some(ids[0].clone())
    );
    // Enter: the topic charted stays selected.
    let last = ids.len() - 1;
    common::keys(&mut app, &[KeyCode::Char('T')]);
    for _ in 0..ids.len() + 2 {
        common::keys(&mut app, &[KeyCode::Down]);
    }
    assert_eq!(app.message.as_deref(), Some("Already at the last topic."));
    common::keys(&mut app, &[KeyCode::Enter]);
    assert_eq!(
        app.current_topic().map(|t| t.id.clone()),
        Some(ids[last].clone())
    );
}

#[test]
fn the_chart_keys_are_in_readme_and_none_is_bound_twice() {
    use parallax::tui::modal::timeline::update::BINDINGS;
    common::readme_has_table("timeline", BINDINGS);
    assert_eq!(parallax::tui::keymap::no_key_twice(BINDINGS), None);
    let _ = Action::Timeline;
}

#[test]
fn the_topic_list_shows_a_sparkline_per_topic_while_the_timeline_is_open() {
    let mut app = common::bundled(80, 24);
    let has_spark = |app: &App| {
        common::lines(app)
            .iter()
            .any(|l| l.starts_with("│  12 ⟷ 20 ") && l.contains('█'))
    };
    assert!(!has_spark(&app), "not while the chart is closed");
    common::keys(&mut app, &[KeyCode::Char('T')]);
    assert!(has_spark(&app), "{}", common::screen(&app));
    let sparks = &chart(&app).sparks;
    assert_eq!(sparks.len(), app.cmp.topics.len());
    let dispute = &app.dispute;
    for topic in &app.cmp.topics {
        let id = &topic.id;
        let line = sparks.get(id).expect("a sparkline for every topic");
        let dated = topic
            .rows
            .iter()
            .flat_map(|r| r.claims())
            .filter(|&at| dispute.claim(at).is_some_and(|c| c.date.is_some()))
            .count();
        assert_eq!(
            line.iter().sum::<usize>(),
            dated,
            "every dated claim of {id}, once"
        );
    }
}

/// Claims on six days in a row: a sparkline of six cells, none empty (twelve cells drew a quiet
/// day after each, days nobody was silent on).
#[test]
fn a_sparkline_of_fewer_days_than_cells_has_a_cell_a_day() {
    let dir = tempfile::tempdir().unwrap();
    for (id, name) in [("a", "A"), ("b", "B")] {
        let claims: Vec<_> = (1..=6)
            .map(|d| {
                serde_json::json!({"id": format!("{id}-{d}"), "text": format!("Day {d}."),
                    "date": format!("2025-05-0{d}"), "sources": ["s"]})
            })
            .collect();
        let side = serde_json::json!({
            "format": "parallax/1", "dispute": "d", "party": {"id": id, "name": name},
            "sources": [{"id": "s", "outlet": "O", "url": "https://example.org/"}],
            "topics": [{"id": "t", "title": "T", "claims": claims}]
        });
        std::fs::write(dir.path().join(format!("{id}.json")), side.to_string()).unwrap();
    }
    let mut app = common::app_at(dir.path().to_str().unwrap(), 80, 24);
    common::keys(&mut app, &[KeyCode::Char('T')]);
    assert_eq!(
        chart(&app).sparks.get("t").map(Vec::as_slice),
        Some(&[2, 2, 2, 2, 2, 2][..])
    );
    assert!(
        common::lines(&app).iter().any(|l| l.contains("██████")),
        "{}",
        common::screen(&app)
    );
}

/// With every date shown, `←` steps back from the end: to the bar before the last. On the last
/// bar `→`, and on the first `←`, say there is nothing further instead of doing nothing.
#[test]
fn the_arrows_step_from_the_end_and_say_when_nothing_is_further() {
    let mut app = common::bundled(80, 24);
    common::keys(&mut app, &[KeyCode::Char('T')]);
    let bins = chart(&app).counts.bins.len();
    assert!(bins >= 3, "{bins} bars");
    // Before a bar is chosen, every date is shown: `→` says so, and how to step back (it said
    // "this is the last bar" with no bar marked).
    common::keys(&mut app, &[KeyCode::Right]);
    assert_eq!(chart(&app).cursor, None);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.starts_with("Every date is shown") && m.contains('←')),
        "{:?}",
        app.message
    );
    common::keys(&mut app, &[KeyCode::Left]);
    assert_eq!(chart(&app).cursor, Some(bins - 2));
    common::keys(&mut app, &[KeyCode::Right]);
    assert_eq!(chart(&app).cursor, Some(bins - 1));
    common::keys(&mut app, &[KeyCode::Right]);
    assert_eq!(chart(&app).cursor, Some(bins - 1));
    assert!(
        common::message_starts(&app, "Nothing is later"),
        "{:?}",
        app.message
    );
    common::keys(&mut app, &[KeyCode::Home, KeyCode::Left]);
    assert_eq!(chart(&app).cursor, Some(0));
    assert!(
        common::message_starts(&app, "Nothing is earlier"),
        "{:?}",
        app.message
    );
    // `g` and `G` at their edge say so too (they were silent), and help lists them, with ←,
    // among the keys that do nothing here yet.
    app.message = None;
    common::keys(&mut app, &[KeyCode::Char('g')]);
    assert_eq!(
        app.message.as_deref(),
        Some("Nothing is earlier: this is the first bar.")
    );
    // The end of the help, and two lines back: the heading of the keys that do nothing yet.
    common::keys(
        &mut app,
        &[KeyCode::Char('?'), KeyCode::End, KeyCode::Up, KeyCode::Up],
    );
    let help = common::screen(&app);
    let later = help
        .split("Keys that do nothing here yet")
        .nth(1)
        .unwrap_or_else(|| panic!("{help}"));
    assert!(
        later.contains("the first bar") && later.contains("the bar before"),
        "{help}"
    );
    common::keys(&mut app, &[KeyCode::Esc, KeyCode::Char('G')]);
    app.message = None;
    common::keys(&mut app, &[KeyCode::Char('G')]);
    assert!(
        common::message_starts(&app, "Nothing is later: this is the last bar"),
        "{:?}",
        app.message
    );
}

/// At 80 columns a long topic title gives way with `…`; the bucket and the position stay.
#[test]
fn a_long_topic_title_is_cut_with_an_ellipsis_and_the_bucket_stays() {
    let mut app = common::bundled(80, 24);
    common::keys(
        &mut app,
        &[KeyCode::Down, KeyCode::Down, KeyCode::Char('T')],
    );
    for extra in [&[][..], &[KeyCode::Left][..]] {
        common::keys(&mut app, extra);
        let s = common::screen(&app);
        let top = s
            .lines()
            .find(|l| l.contains("Timeline:"))
            .unwrap_or_else(|| panic!("no timeline:\n{s}"));
        assert!(top.contains("…") && top.contains("· per week"), "{top}");
    }
}

#[test]
fn a_topic_without_dates_says_why_in_full_at_80_columns() {
    // No claim is dated: no chart, and the reason is wrapped in the panel, not cut with `…`.
    let mut a = common::sized(
        App::new(
            common::dispute("tests/fixtures/compare"),
            0,
            1,
            Theme::plain(),
        ),
        80,
        24,
    );
    common::keys(&mut a, &[KeyCode::Char('T')]);
    let shown = common::screen(&a);
    // The panel's lines, read across the wrap.
    let flat = shown
        .lines()
        .filter_map(|l| l.split_once("││").map(|(_, panel)| panel))
        .map(|panel| {
            panel
                .trim_end_matches(['"', ' '])
                .trim_end_matches('│')
                .trim()
        })
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        flat.contains("No claim here has a date, so there is nothing to place in time."),
        "{shown}"
    );
    assert!(flat.contains("Undated, not on the axis"), "{shown}");
    // No bars, so no legend naming them.
    assert!(!flat.contains("above"), "{shown}");
}

#[test]
fn esc_selects_again_the_topic_and_row_a_date_moved_away_from() {
    // The bundled dispute, "Aircraft lost…" (the fifth topic), row 5; every topic counted, then
    // the first bar: that topic is not said yet, so the selection moves to another.
    let mut app = common::bundled(80, 24);
    for _ in 0..4 {
        common::keys(&mut app, &[KeyCode::Down]);
    }
    common::keys(&mut app, &[KeyCode::Tab]);
    for _ in 0..4 {
        common::keys(&mut app, &[KeyCode::Char(']')]);
    }
    let before = (app.current_topic().map(|t| t.id.clone()), app.row);
    assert_eq!(before.1, 4);
    common::keys(&mut app, &[KeyCode::Char('T'), KeyCode::Tab, KeyCode::Home]);
    assert_ne!(
        app.current_topic().map(|t| t.id.clone()),
        before.0,
        "the first bar hides the topic"
    );
    common::keys(&mut app, &[KeyCode::Esc]);
    assert_eq!(as_of(&app), None);
    assert_eq!((app.current_topic().map(|t| t.id.clone()), app.row), before);
}

#[test]
fn a_narrow_timeline_keeps_the_topic_in_its_border_and_the_title_says_it_is_cut() {
    let mut app = common::bundled(50, 14);
    common::keys(&mut app, &[KeyCode::Char('T')]);
    let s = common::screen(&app);
    assert!(s.contains("The Pahalgam"), "{s}");
    common::keys(&mut app, &[KeyCode::Home]);
    let first = common::lines(&app).first().cloned().unwrap_or_default();
    assert!(first.contains('…') && first.contains("as of"), "{first}");
}

/// Both parties' bars are drawn to one scale at every height, the smallest included: a count
/// stands as tall above the axis as the same count below it, and no party's bars vanish.
#[test]
fn equal_counts_stand_equally_tall_on_both_sides_at_every_height() {
    for h in 12..=30 {
        let mut app = app(Theme::plain(), 200, h);
        common::keys(&mut app, &[KeyCode::Char('T'), KeyCode::Tab]);
        let bins: Vec<(usize, usize)> = chart(&app)
            .counts
            .bins
            .iter()
            .map(|b| (b.left, b.right))
            .collect();
        let grid: Vec<Vec<char>> = common::lines(&app)
            .iter()
            .map(|l| l.chars().collect())
            .collect();
        // The axis: the line with the longest run of `─` and `⚑`, one cell group per bar.
        let run = |l: &Vec<char>| {
            let start = l.iter().position(|&c| c == '─' || c == '⚑')?;
            let len = l[start..]
                .iter()
                .take_while(|&&c| c == '─' || c == '⚑')
                .count();
            Some((start, len))
        };
        let (axis, (x0, len)) = grid
            .iter()
            .enumerate()
            .filter_map(|(y, l)| Some((y, run(l)?)))
            .max_by_key(|(_, (_, len))| *len)
            .expect("an axis");
        assert_eq!(len % bins.len(), 0, "every bar in sight at 200 columns");
        let cols = len / bins.len();
        // Bars rise from the axis to the legend's line at most (its `█` is no bar).
        let top = grid
            .iter()
            .position(|l| l.iter().collect::<String>().contains(" above · "))
            .map_or(0, |y| y + 1);
        let tall = |i: usize, bar: char, rows: &mut dyn Iterator<Item = usize>| {
            rows.take_while(|&y| grid[y].get(x0 + i * cols) == Some(&bar))
                .count()
        };
        let heights: Vec<(usize, usize)> = (0..bins.len())
            .map(|i| {
                (
                    tall(i, '█', &mut (top..axis).rev()),
                    tall(i, '▓', &mut (axis + 1..grid.len())),
                )
            })
            .collect();
        for (i, &(l, _)) in bins.iter().enumerate() {
            assert_eq!(heights[i].0 > 0, l > 0, "height {h}: bar {i} above");
            for (j, &(_, r)) in bins.iter().enumerate() {
                assert_eq!(heights[j].1 > 0, r > 0, "height {h}: bar {j} below");
                if l == r {
                    assert_eq!(
                        heights[i].0, heights[j].1,
                        "height {h}: {l} claims above (bar {i}) and below (bar {j})"
                    );
                }
            }
        }
    }
}

/// At 80 columns the line under the dates says what the selected bar holds without a cut: a
/// week too long to say as `… to …` is said as `week of …`.
#[test]
fn the_selected_bar_is_said_whole_at_80_columns() {
    let mut app = common::bundled(80, 24);
    common::keys(&mut app, &[KeyCode::Char('T'), KeyCode::Tab, KeyCode::End]);
    let bars = chart(&app).counts.bins.len();
    assert!(bars > 1);
    let mut seen_assessed = false;
    for _ in 0..bars {
        let lines = common::lines(&app);
        let line = lines
            .iter()
            .find(|l| l.contains(": India "))
            .cloned()
            .unwrap_or_default();
        let said = line.trim_end_matches([' ', '│']);
        assert!(!said.ends_with('…'), "cut: {said}");
        assert!(said.contains("Pakistan "), "{said}");
        seen_assessed |= said.contains("assessed");
        common::keys(&mut app, &[KeyCode::Left]);
    }
    assert!(seen_assessed, "some bar holds assessments");
}

/// Two side files in a fresh folder, loaded: alpha's and beta's claims (JSON arrays) and
/// alpha's sources.
fn two_sides(alpha: &str, sources: &str, beta: &str) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let side = |party: &str, sources: &str, claims: &str| {
        format!(
            "{{\"format\":\"parallax/1\",\"dispute\":\"e\",\"party\":{{\"id\":\"{party}\",\"name\":\"{party}\"}},\"sources\":{sources},\"topics\":[{{\"id\":\"t\",\"title\":\"T\",\"claims\":{claims}}}]}}"
        )
    };
    let beta_sources = r#"[{"id":"s","outlet":"Beta Times","date":"2020-01-06"}]"#;
    std::fs::write(dir.path().join("alpha.json"), side("alpha", sources, alpha)).expect("written");
    std::fs::write(
        dir.path().join("beta.json"),
        side("beta", beta_sources, beta),
    )
    .expect("written");
    let loaded = parallax::load::load_paths(&[dir.path().to_path_buf()]);
    let dispute = loaded.dispute.expect("the dispute loads");
    let app = common::sized(App::new(dispute, 0, 1, Theme::plain()), 80, 24);
    (dir, app)
}

/// Opened with a date before every bar, no bar is selected (the first one said "1/13" and
/// held the week after the date); `→` goes to the first bar and `←` says nothing is earlier.
#[test]
fn a_date_before_every_bar_selects_none_and_right_goes_to_the_first() {
    let mut app = app(Theme::plain(), 120, 40);
    common::keys(&mut app, &[KeyCode::Char('t')]);
    common::typed(&mut app, "2024");
    common::keys(&mut app, &[KeyCode::Enter, KeyCode::Char('T')]);
    assert_eq!(chart(&app).cursor, None);
    assert_eq!(as_of(&app).as_deref(), Some("2024"));
    common::keys(&mut app, &[KeyCode::Left]);
    assert_eq!(chart(&app).cursor, None);
    assert_eq!(as_of(&app).as_deref(), Some("2024"), "nothing is earlier");
    common::keys(&mut app, &[KeyCode::Right]);
    assert_eq!(chart(&app).cursor, Some(0));
    let first = chart(&app).counts.bins[0].end.to_string();
    assert_eq!(as_of(&app), Some(first));
}

/// An assessment made before the first claim (an undated claim's verdict citing a report of
/// 1960) counts on the first bar on the screen, as `parallax timeline` counts it.
#[test]
fn an_assessment_before_the_first_claim_counts_on_the_first_bar() {
    let (_dir, mut app) = two_sides(
        r#"[{"id":"a1","text":"Dated.","date":"2020-01-05","sources":["old"]},
            {"id":"a5","text":"Undated.","sources":["old"],"assessment":{"rating":"corroborated","sources":["old"]}}]"#,
        r#"[{"id":"old","outlet":"Old Report","date":"1960-09-19"}]"#,
        r#"[{"id":"b1","text":"Beta.","date":"2020-01-06","sources":["s"]}]"#,
    );
    common::keys(&mut app, &[KeyCode::Char('T'), KeyCode::Home]);
    assert_eq!(chart(&app).counts.assessed_per_bin().first(), Some(&1));
    let lines = common::lines(&app);
    let said = lines
        .iter()
        .find(|l| l.contains("2020-01-05: alpha 1"))
        .expect("the first bar is said");
    assert!(said.contains("⚑ 1 assessed"), "{said}");
}

/// A chart of more bars than the pane holds marks the side where bars are out of view, and
/// keeps the bars beside the selected one in view.
#[test]
fn bars_out_of_view_are_marked_at_the_ends() {
    let (_dir, mut app) = two_sides(
        r#"[{"id":"a1","text":"Early.","date":"2025-01-01","sources":["s"]}]"#,
        r#"[{"id":"s","outlet":"Alpha Post","date":"2025-01-01"}]"#,
        r#"[{"id":"b1","text":"Late.","date":"2025-03-03","sources":["s"]}]"#,
    );
    let ends = |app: &App| {
        common::lines(app)
            .into_iter()
            .find(|l| l.contains("││") && l.contains("2025-0") && !l.contains(':'))
            .expect("the dates at the ends")
    };
    common::keys(&mut app, &[KeyCode::Char('T')]);
    let bars = chart(&app).counts.bins.len();
    assert!(bars > 56, "{bars} bars, more than the pane's columns");
    assert!(ends(&app).contains("◂ 2025-"), "{}", ends(&app));
    assert!(!ends(&app).contains('▸'), "{}", ends(&app));
    // One step back from the end: the last bar stays in view.
    common::keys(&mut app, &[KeyCode::End, KeyCode::Left]);
    assert!(ends(&app).contains("2025-03-03"), "{}", ends(&app));
    common::keys(&mut app, &[KeyCode::Home]);
    assert!(ends(&app).contains("2025-01-01"), "{}", ends(&app));
    assert!(
        ends(&app).trim_end_matches([' ', '│']).ends_with('▸'),
        "{}",
        ends(&app)
    );
}

/// `T` with no topic left on screen says there is none to chart and how to bring them back (it
/// said "No row to open here.", the words of Enter).
#[test]
fn t_with_no_topic_left_says_why_and_how_to_undo_it() {
    let mut a = app(Theme::plain(), 80, 24);
    common::press(&mut a, &[Action::FocusComparison, Action::Search]);
    common::typed(&mut a, "zzqxqz");
    common::press(&mut a, &[Action::Narrow, Action::Back]);
    assert!(
        a.shown().topics.is_empty(),
        "the narrowed search leaves nothing"
    );
    common::keys(&mut a, &[KeyCode::Char('T')]);
    let said = common::footer_said(&a);
    assert!(said.contains("No topic to chart."), "{said}");
    assert!(said.contains("No claim matches the search."), "{said}");
    assert!(!said.contains("No row to open"), "{said}");
}

/// Parties with long names (LIAR's `Democratic Party speakers`) at 80 columns: the line that
/// says what the selected bar holds, and the undated line, name the parties by their ids rather
/// than cut the right party's count off.
#[test]
fn long_party_names_give_way_to_ids_so_no_count_is_cut() {
    let mut dispute = parallax::load::load_bundled()
        .dispute
        .expect("the bundled dispute loads");
    for side in &mut dispute.sides {
        side.party.name = format!("{} speakers and their spokespeople", side.party.name);
    }
    let mut app = common::sized(App::new(dispute, 0, 1, Theme::plain()), 80, 24);
    common::keys(&mut app, &[KeyCode::Char('T'), KeyCode::Tab, KeyCode::End]);
    let s = common::screen(&app);
    let line = s
        .lines()
        .find(|l| l.contains(": india "))
        .unwrap_or_else(|| panic!("the selected bar's line, by ids:\n{s}"));
    let bar = chart(&app)
        .cursor
        .and_then(|i| chart(&app).counts.bins.get(i));
    let right = bar.map(|b| b.right).unwrap_or_default();
    assert!(line.contains(&format!("pakistan {right}")), "{line}");
    assert!(!line.contains('…'), "{line}");
    if let Some(undated) = s.lines().find(|l| l.contains("Undated, not on the axis")) {
        assert!(undated.contains(": india "), "{undated}");
        assert!(!undated.contains('…'), "{undated}");
    }
}

/// A few bars spread over a wide screen: the bundled dispute's 13 weekly bars of its first
/// topic fill most of the pane at 200 columns (at three columns a bar they took 42 of about
/// 150, at six 78, the rest of the pane empty). The legend gives the scale, and the line under
/// the bars dates bars between the ends, each under its bar, so the chart reads without
/// stepping along it.
#[test]
fn few_bars_spread_over_a_wide_pane() {
    let mut app = common::bundled(200, 50);
    common::keys(&mut app, &[KeyCode::Char('T')]);
    let pane = app.regions().comparison;
    let inner = usize::from(pane.width.saturating_sub(2));
    let lines = common::lines(&app);
    let left = usize::from(pane.x) + 1;
    // The columns holding a bar's cell, in the pane.
    let mut first = usize::MAX;
    let mut last = 0;
    for line in &lines {
        for (i, ch) in line.chars().enumerate().skip(left) {
            if ch == '█' || ch == '▓' {
                first = first.min(i);
                last = last.max(i);
            }
        }
    }
    assert!(last > first, "bars drawn:\n{}", lines.join("\n"));
    assert!(
        last - first + 1 > inner * 9 / 10,
        "{} of {inner} columns:\n{}",
        last - first + 1,
        lines.join("\n")
    );
    // Neighbouring bars stand apart: no run of a party's cells is wider than one bar (three
    // weeks in a row drew one block 33 columns wide).
    for line in &lines {
        for bar in ['█', '▓'] {
            let widest = line
                .split(|c| c != bar)
                .map(|run| run.chars().count())
                .max()
                .unwrap_or(0);
            assert!(
                widest <= 11,
                "{widest} columns of {bar}:\n{}",
                lines.join("\n")
            );
        }
    }
    let counts = &chart(&app).counts;
    let screen = lines.join("\n");
    assert!(
        screen.contains(&format!("· tallest bar {}", counts.peak())),
        "{screen}"
    );
    // The dates line: the first bar's start, then bars' starts, then the last bar's end.
    let dates = lines
        .iter()
        .find(|l| l.contains(&counts.bins[0].start.to_string()) && !l.contains("move"))
        .expect("a line of dates");
    let said: Vec<&str> = dates
        .split(|c: char| !(c.is_ascii_digit() || c == '-'))
        .filter(|w| w.len() == 10)
        .collect();
    assert!(said.len() >= 5, "{dates}");
    let starts: Vec<String> = counts.bins.iter().map(|b| b.start.to_string()).collect();
    for date in &said[..said.len() - 1] {
        assert!(
            starts.iter().any(|s| s == date),
            "{date} starts no bar: {dates}"
        );
    }
    let end = counts.bins.last().map(|b| b.end.to_string());
    assert_eq!(said.last().map(|d| d.to_string()), end, "{dates}");
}

/// At 80 columns, long party names give way to the ids in the legend, which alone says which
/// party is above the axis: it kept only the left name, cut (`█ The Government of the…`).
#[test]
fn the_legend_names_both_parties_by_id_when_the_names_are_long() {
    let mut dispute = common::dispute(FIXTURE);
    let names = [
        "The Government of the Eastern Republic and its officials",
        "The Western Republic's Inter-Services Public Relations",
    ];
    for (side, name) in dispute.sides.iter_mut().zip(names) {
        side.party.name = name.to_owned();
    }
    let mut app = common::sized(App::new(dispute, 0, 1, Theme::plain()), 80, 24);
    common::keys(&mut app, &[KeyCode::Char('T')]);
    let shown = common::lines(&app).join("\n");
    assert!(
        shown.contains("█ east above · ▓ west below · ⚑ assessed"),
        "{shown}"
    );
    // With room, the names in full.
    let app = common::sized(app, 200, 50);
    let shown = common::lines(&app).join("\n");
    assert!(
        shown.contains(&format!("█ {} above · ▓ {} below", names[0], names[1])),
        "{shown}"
    );
}

/// `←` with a date before every bar says the date is before the first bar (it said "this is the
/// first bar" with none selected); `Delete` with no date in force says every date is shown (it
/// said nothing).
#[test]
fn keys_that_cannot_move_the_date_say_why() {
    let mut app = app(Theme::plain(), 120, 40);
    common::keys(&mut app, &[KeyCode::Char('T'), KeyCode::Delete]);
    assert_eq!(
        app.message.as_deref(),
        Some("Every date is shown already: no date is in force.")
    );
    common::keys(&mut app, &[KeyCode::Esc, KeyCode::Char('t')]);
    common::typed(&mut app, "1900");
    common::keys(
        &mut app,
        &[KeyCode::Enter, KeyCode::Char('T'), KeyCode::Left],
    );
    assert_eq!(
        app.message.as_deref(),
        Some("Nothing is earlier: 1900 is before the first bar; → goes to it.")
    );
}

/// A claim dated centuries from the rest (a mistyped year) is kept off the axis and said under
/// it: the bars stay days (they were years over eighteen centuries, every real claim in one),
/// and the first bar is the first real day.
#[test]
fn a_mistyped_year_is_off_the_axis_and_said_under_it() {
    let (_dir, mut app) = two_sides(
        r#"[{"id":"a1","text":"Dated.","date":"2020-01-05","sources":["s"]},
            {"id":"a2","text":"Mistyped.","date":"0202-01-05","sources":["s"]}]"#,
        r#"[{"id":"s","outlet":"Alpha Post","date":"2020-01-05"}]"#,
        r#"[{"id":"b1","text":"Beta.","date":"2020-01-06","sources":["s"]}]"#,
    );
    common::keys(&mut app, &[KeyCode::Char('T'), KeyCode::Home]);
    let counts = &chart(&app).counts;
    assert_eq!(counts.per(), "per day");
    assert_eq!(counts.bins.len(), 2, "5 and 6 January 2020");
    assert_eq!(counts.far, [1, 0]);
    assert_eq!(as_of(&app).as_deref(), Some("2020-01-05"));
    let shown = common::lines(&app).join("\n");
    assert!(
        shown.contains("Far off the axis (a mistyped year?): alpha 1, beta 0"),
        "{shown}"
    );
    assert!(!shown.contains("0202"), "{shown}");
}

/// Far-off and undated claims both: at 80×24 each count is said whole on a line of its own
/// (one line cut the undated count away behind `(over 100 yea…`), and the footer offers the
/// help, as every footer does.
#[test]
fn far_off_and_undated_claims_are_both_said_at_80_columns() {
    let (_dir, mut app) = two_sides(
        r#"[{"id":"a1","text":"Dated.","date":"2020-01-05","sources":["s"]},
            {"id":"a2","text":"Mistyped.","date":"0202-01-05","sources":["s"]},
            {"id":"a3","text":"Undated.","sources":["s"]}]"#,
        r#"[{"id":"s","outlet":"Alpha Post","date":"2020-01-05"}]"#,
        r#"[{"id":"b1","text":"Beta.","date":"2020-01-06","sources":["s"]}]"#,
    );
    common::keys(&mut app, &[KeyCode::Char('T')]);
    let shown = common::lines(&app).join("\n");
    assert!(
        shown.contains("Far off the axis (a mistyped year?): alpha 1, beta 0"),
        "{shown}"
    );
    assert!(
        shown.contains("Undated, not on the axis: alpha 1, beta 0"),
        "{shown}"
    );
    let footer = common::lines(&app).last().cloned().unwrap_or_default();
    assert!(footer.contains("?  help"), "{footer}");
}

/// At 50×13 the legend names both parties by id, without its words, and the selected bar's
/// line says both counts by the parties' bars (the legend was `… above · … below`, and
/// Pakistan's count was cut).
#[test]
fn a_narrow_timeline_names_both_parties_and_both_counts() {
    let mut app = common::bundled(50, 13);
    common::keys(
        &mut app,
        &[KeyCode::Char('T'), KeyCode::Left, KeyCode::Left],
    );
    let lines = common::lines(&app);
    let shown = lines.join("\n");
    assert!(
        lines.iter().any(|l| l.contains("█ india · ▓ pakistan")),
        "{shown}"
    );
    let counts = &chart(&app).counts;
    let bar = chart(&app)
        .cursor
        .and_then(|i| counts.bins.get(i))
        .expect("a bar is selected");
    let said = format!(
        "{}: █ {} ▓ {}",
        counts.bucket.short(bar),
        bar.left,
        bar.right
    );
    assert!(lines.iter().any(|l| l.contains(&said)), "{said}\n{shown}");
}

/// Every claim a timeline counts: its bars, the undated and those dated off the axis.
fn charted(c: &Chart) -> usize {
    let t = &c.counts;
    t.bins.iter().map(|b| b.left + b.right).sum::<usize>()
        + t.undated.iter().sum::<usize>()
        + t.far.iter().sum::<usize>()
}

#[test]
fn a_narrowed_search_charts_only_the_rows_it_shows_at_every_date() {
    let mut app = common::bundled(120, 40);
    // `/` in the comparison (in the topic list it finds a topic).
    common::keys(&mut app, &[KeyCode::Tab, KeyCode::Char('/')]);
    common::typed(&mut app, "airbase");
    // Ctrl-N narrows from the search line.
    common::key(
        &mut app,
        KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL),
    );
    common::keys(&mut app, &[KeyCode::Esc]);
    assert!(app.query.narrow);
    let topic = app.current_topic().expect("a topic with a hit").clone();
    let shown: usize = topic.rows.iter().map(|r| r.claims().count()).sum();
    let whole = app
        .cmp
        .topics
        .iter()
        .find(|t| t.id == topic.id)
        .expect("in the comparison");
    let all: usize = whole.rows.iter().map(|r| r.claims().count()).sum();
    assert!(
        shown < all,
        "the search narrows the topic: {shown} of {all}"
    );
    common::keys(&mut app, &[KeyCode::Char('T')]);
    assert_eq!(
        charted(chart(&app)),
        shown,
        "the chart counts what the screen shows"
    );
    let bars = chart(&app).counts.bins.clone();
    // A date in force hides the later hits from the screen, not from the chart: charting the
    // topic again (every topic, then it again) counts the same bars.
    common::keys(&mut app, &[KeyCode::Home]);
    assert!(as_of(&app).is_some());
    common::keys(&mut app, &[KeyCode::Tab, KeyCode::Tab]);
    assert_eq!(chart(&app).topic.as_deref(), Some(topic.id.as_str()));
    assert_eq!(chart(&app).counts.bins, bars);
}

/// The legend explains `⚑` only where the chart draws one: a dispute with no assessment shows
/// bars and no `⚑ assessed` (it said so of a chart with none).
#[test]
fn the_legend_names_the_assessment_mark_only_where_one_is_drawn() {
    let mut app = app(Theme::plain(), 100, 30);
    common::keys(&mut app, &[KeyCode::Char('T')]);
    assert!(
        common::screen(&app).contains("⚑ assessed"),
        "the fixture's chart has an assessment"
    );
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let dir = common::copy_fixture("relations", tmp.path(), "relations");
    common::each_claim(&dir, |c| {
        c.as_object_mut().map(|o| o.remove("assessment"));
    });
    let mut app = common::sized(
        App::new(
            common::dispute(dir.to_str().expect("UTF-8")),
            0,
            1,
            Theme::plain(),
        ),
        100,
        30,
    );
    common::keys(&mut app, &[KeyCode::Char('T')]);
    let s = common::screen(&app);
    assert!(s.contains("▓ West below") && !s.contains('⚑'), "{s}");
}

/// A topic whose every claim (and assessment) is dated says so under the chart in words, not
/// as "Undated, not on the axis: India 0, Pakistan 0".
#[test]
fn a_topic_with_every_claim_dated_says_so_in_words() {
    let mut app = common::bundled(120, 40);
    let n = app.shown().topics.len();
    let mut seen = (false, false);
    for t in 0..n {
        app.select_topic(t);
        common::keys(&mut app, &[KeyCode::Char('T')]);
        let c = chart(&app);
        let none = c.counts.undated == [0, 0]
            && c.counts.undated_assessments == [0, 0]
            && c.counts.far == [0, 0]
            && c.counts.far_assessments == [0, 0]
            && !c.counts.bins.is_empty();
        let s = common::screen(&app);
        if none {
            assert!(
                s.contains("Every claim here is dated and on the axis."),
                "{s}"
            );
            assert!(!s.contains("Undated, not on the axis"), "{s}");
            seen.0 = true;
        } else if c.counts.undated != [0, 0] {
            assert!(s.contains("Undated, not on the axis"), "{s}");
            seen.1 = true;
        }
        common::keys(&mut app, &[KeyCode::Esc]);
    }
    assert_eq!(
        seen,
        (true, true),
        "a topic of each kind in the bundled dispute"
    );
}
