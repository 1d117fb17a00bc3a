//! Search in the terminal UI, on the state and on a test terminal: `/` opens the search line and
//! every keystroke updates the hits; ↑/↓ choose one and Enter jumps to it in its row; `n`/`N` step
//! through the hits and wrap round; Esc keeps the search and a second Esc clears it; narrowing
//! keeps only the rows with a hit; nothing found says so. Snapshots show the panel with its
//! highlights (marked «like this») on multi-byte text, and the message for no hit.

mod common;

use common::{press, render, screen};
use parallax::tui::app::Focus;
use parallax::tui::keys;
use parallax::tui::modal::search::update::{self as search, BINDINGS};
use parallax::tui::state::search::{RANK_AT_ONCE, Ranked, Scoring};
use parallax::tui::terminal::Ranker;
use parallax::tui::text_field::Edit;
use parallax::tui::theme::Theme;
use parallax::tui::{Action, App, update};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;

/// The screen on the query fixture, the comparison focused (there `/` searches the claims; in
/// the topic list it finds a topic).
fn app(width: u16, height: u16) -> App {
    let mut a = common::app_at("tests/fixtures/query", width, height);
    press(&mut a, &[Action::NextPane]);
    a
}

/// An action in the search line.
fn line(app: &mut App, action: Action) {
    press(app, &[action]);
}

/// `/` then the text, one key at a time.
fn search_for(app: &mut App, query: &str) {
    press(app, &[Action::FocusComparison, Action::Search]);
    type_in(app, query);
}

fn type_in(app: &mut App, text: &str) {
    for c in text.chars() {
        line(app, Action::Edit(Edit::Insert(c)));
    }
}

/// The screen as text, with every run of underlined (matched) cells inside « ».
fn marked(app: &App) -> String {
    let t = render(app);
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut on = false;
        let mut skip = 0;
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            if skip > 0 {
                // The cell behind a wide character.
                skip -= 1;
                continue;
            }
            skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
            let hit = cell.modifier.contains(Modifier::UNDERLINED);
            if hit != on {
                out.push(if hit { '«' } else { '»' });
                on = hit;
            }
            out.push_str(cell.symbol());
        }
        if on {
            out.push('»');
        }
        out.push('\n');
    }
    out
}

fn claim_id(app: &App, i: usize) -> String {
    let o = search::searched(app).expect("a search");
    let at = o.order[i].claim;
    app.dispute.claim(at).expect("claim").id.to_string()
}

fn current_id(app: &App) -> String {
    claim_id(app, app.search.current.expect("a current hit"))
}

#[test]
fn typing_updates_the_hits_on_every_keystroke() {
    let mut a = app(120, 40);
    press(&mut a, &[Action::Search]);
    assert!(a.searching());
    assert_eq!(search::hits(&a), 0);
    type_in(&mut a, "m");
    let wide = search::hits(&a);
    type_in(&mut a, "ediation");
    let hits = search::hits(&a);
    assert!(hits < wide, "{wide} then {hits}");
    let ids: Vec<String> = (0..hits).map(|i| claim_id(&a, i)).collect();
    assert_eq!(ids, ["pk-ceasefire-us", "pk-ceasefire-cjk"]);
    // Through the speaker, the outlet and the point's question too.
    for (query, id) in [
        ("misri", "in-ceasefire-bilateral"),
        ("guns fall", "in-ceasefire-when"),
        ("'Le Café", "in-strikes-naive"),
    ] {
        line(&mut a, Action::Edit(Edit::Erase));
        type_in(&mut a, query);
        let found: Vec<String> = (0..search::hits(&a)).map(|i| claim_id(&a, i)).collect();
        assert!(found.contains(&id.to_owned()), "{query}: {found:?}");
    }
    line(&mut a, Action::Edit(Edit::Backspace));
    assert_eq!(a.search.text(), "'Le Caf");
}

#[test]
fn keys_in_the_search_line_type_instead_of_acting() {
    let mut a = app(120, 40);
    press(&mut a, &[Action::Search]);
    let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
    for ch in ['q', 'n', '?', '&', '/'] {
        assert_eq!(
            keys::action_in(&a, key(KeyCode::Char(ch))),
            Some(Action::Edit(Edit::Insert(ch)))
        );
    }
    assert_eq!(
        keys::action_in(&a, KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        Some(Action::Quit)
    );
    assert_eq!(
        keys::action_in(&a, KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL)),
        Some(Action::Narrow)
    );
    // Ctrl-L draws the screen again wherever it is pressed, the search line too.
    let ctrl_l = KeyEvent::new(KeyCode::Char('l'), KeyModifiers::CONTROL);
    assert_eq!(keys::action_in(&a, ctrl_l), Some(Action::Redraw));
    assert_eq!(
        parallax::tui::update::update(&mut a, Action::Redraw),
        parallax::tui::action::Outcome::Redraw
    );
    line(&mut a, Action::Back);
    assert_eq!(
        keys::action_in(&a, key(KeyCode::Char('n'))),
        Some(Action::NextHit)
    );
}

#[test]
fn up_down_choose_and_enter_jumps_to_the_hit_in_its_row() {
    let mut a = app(120, 40);
    search_for(&mut a, "strikes");
    assert!(search::hits(&a) >= 3);
    line(&mut a, Action::Down);
    line(&mut a, Action::Down);
    line(&mut a, Action::Up);
    assert_eq!(a.search.cursor, 1);
    let (at, _) = search::entry(&a, 1).expect("an entry");
    line(&mut a, Action::Open);
    assert!(!a.searching(), "Enter closes the line");
    assert_eq!(a.focus, Focus::Comparison);
    assert_eq!((a.topic, a.row), (at.topic, at.row));
    assert_eq!(a.current_topic().map(|t| t.id.as_str()), Some("strikes"));
    let row = a.current_row().expect("a row");
    assert!(row.claims().any(|c| c == at.claim));
    let current = a.search.current.expect("the hit is current");
    assert_eq!(search::searched(&a).expect("search").order[current], at);
    // The hit claim is marked in the comparison, and the footer says which hit it is.
    let s = screen(&a);
    assert!(
        s.contains(&format!("hit {}/{}", current + 1, search::hits(&a))),
        "{s}"
    );
    assert!(s.contains("search: strikes"), "{s}");
}

#[test]
fn n_and_shift_n_step_through_the_hits_and_wrap_round() {
    let mut a = app(120, 40);
    search_for(&mut a, "mediation");
    line(&mut a, Action::Back);
    assert!(search::active(&a), "Esc keeps the search");
    press(&mut a, &[Action::NextHit]);
    assert_eq!(current_id(&a), "pk-ceasefire-us");
    press(&mut a, &[Action::NextHit]);
    assert_eq!(current_id(&a), "pk-ceasefire-cjk");
    press(&mut a, &[Action::NextHit]);
    assert_eq!(current_id(&a), "pk-ceasefire-us", "n wraps round");
    press(&mut a, &[Action::PrevHit]);
    assert_eq!(current_id(&a), "pk-ceasefire-cjk", "N wraps round");
    assert!(screen(&a).contains("hit 2/2"));
    assert_eq!(a.focus, Focus::Comparison);
    assert_eq!(a.current_topic().map(|t| t.id.as_str()), Some("ceasefire"));
}

/// `n` steps from where the selection is, as in less and vim: after moving away from the hit
/// last visited (`G`, `g`), it went on from that hit, skipping those in between, and the footer
/// still named it though the selection was elsewhere.
#[test]
fn n_steps_from_the_selection_once_it_moved_away_from_the_hit() {
    let mut a = app(120, 40);
    search_for(&mut a, "strikes");
    line(&mut a, Action::Back);
    let order = search::searched(&a).expect("a search").order.clone();
    assert!(order.len() >= 3, "{order:?}");
    // To the last hit, then up to the first row of its topic.
    press(&mut a, &[Action::PrevHit]);
    let last = order.len() - 1;
    assert_eq!(a.search.current, Some(last));
    assert!(screen(&a).contains(&format!("hit {}/{}", last + 1, order.len())));
    press(&mut a, &[Action::First]);
    assert!(a.row < order[last].row, "g moved the selection up");
    let s = screen(&a);
    assert!(!s.contains(&format!("hit {}/", last + 1)), "{s}");
    assert!(s.contains(&format!("{} claims found", order.len())), "{s}");
    // `n` goes to the first hit from the selected row on, not round to the first of all.
    let from = order
        .iter()
        .position(|h| (h.topic, h.row) >= (a.topic, a.row))
        .expect("a hit below");
    press(&mut a, &[Action::NextHit]);
    assert_eq!(a.search.current, Some(from));
    assert_eq!((a.topic, a.row), (order[from].topic, order[from].row));
}

/// The hit list scrolled at a small size fills again when the screen grows: its first hits
/// stayed out of sight, with blank lines below the last.
#[test]
fn the_hit_list_scrolled_small_fills_again_when_the_screen_grows() {
    let mut a = app(120, 40);
    search_for(&mut a, "strikes");
    let n = search::list_len(&a);
    assert!(n >= 3, "{n}");
    let first = |a: &App| {
        let (at, _) = search::entry(a, 0).expect("an entry");
        a.dispute.claim(at.claim).expect("a claim").text.clone()
    };
    let text = first(&a);
    let snippet: String = text.chars().take(28).collect();
    assert!(screen(&a).contains(&snippet), "{}", screen(&a));
    let mut a = common::sized(a, 50, 12);
    line(&mut a, Action::Down);
    line(&mut a, Action::Down);
    assert!(a.search.list_top > 0, "scrolled at 50×12");
    let a = common::sized(a, 120, 40);
    let s = screen(&a);
    assert!(s.contains(&snippet), "the first hit is back in sight: {s}");
}

/// A long list scrolled at a small size shows its first hits again when the screen grows,
/// with the hit chosen still in sight (its top stayed where the small size put it, hits 1 to 11
/// out of sight with room for them).
#[test]
fn a_long_hit_list_shows_its_first_hits_again_when_the_screen_grows() {
    let mut a = common::bundled(80, 24);
    search_for(&mut a, "pakistan");
    assert!(search::list_len(&a) > 40, "{}", search::list_len(&a));
    for _ in 0..12 {
        line(&mut a, Action::Down);
    }
    let mut a = common::sized(a, 60, 14);
    line(&mut a, Action::Down);
    assert!(a.search.list_top > 0, "scrolled at 60×14");
    let a = common::sized(a, 80, 60);
    assert!(
        search::page(&a) > a.search.cursor,
        "room for the first hits and the chosen"
    );
    assert_eq!(a.search.list_top, 0, "the first hits are back in sight");
    assert!(
        screen(&a).contains("▶ "),
        "the chosen hit is in sight: {}",
        screen(&a)
    );
}

/// Narrowing turned on in an empty search line says it waits for a search, and off again says
/// so: it came on silently, and the next search was narrowed unawares.
#[test]
fn narrowing_an_empty_line_says_what_it_will_do() {
    let mut a = app(120, 40);
    search_for(&mut a, "");
    line(&mut a, Action::Narrow);
    assert!(a.query.narrow);
    assert!(
        common::message_starts(&a, "Narrowing on: once you type"),
        "{:?}",
        a.message
    );
    line(&mut a, Action::Narrow);
    assert!(!a.query.narrow);
    assert!(
        common::message_starts(&a, "Narrowing off"),
        "{:?}",
        a.message
    );
}

#[test]
fn esc_keeps_the_search_and_a_second_esc_clears_it() {
    let mut a = app(120, 40);
    search_for(&mut a, "jets");
    press(&mut a, &[Action::Back]);
    assert!(!a.searching());
    assert!(search::active(&a));
    assert!(screen(&a).contains("search: jets · 1 claim"));
    press(&mut a, &[Action::NextHit]);
    assert_eq!(current_id(&a), "pk-strikes-untrusted");
    // `/` again shows the same search.
    press(&mut a, &[Action::Search]);
    assert_eq!(a.search.text(), "jets");
    press(&mut a, &[Action::Back, Action::Back]);
    assert!(!search::active(&a), "the second Esc clears it");
    assert!(a.outcome.is_none());
    assert!(!screen(&a).contains("search:"));
    press(&mut a, &[Action::NextHit]);
    assert_eq!(a.message.as_deref(), Some("No search: press / to search."));
}

#[test]
fn narrowing_keeps_only_the_rows_with_a_hit() {
    let mut a = app(120, 40);
    let all_topics = a.shown().topics.len();
    search_for(&mut a, "escalation");
    assert_eq!(search::hits(&a), 1);
    assert_eq!(
        a.shown().topics.len(),
        all_topics,
        "only marked, not narrowed"
    );
    press(&mut a, &[Action::Narrow]);
    assert!(a.query.narrow);
    let shown = a.shown();
    assert_eq!(shown.topics.len(), 1);
    assert_eq!(shown.topics[0].id, "strikes");
    assert_eq!(shown.topics[0].rows.len(), 1);
    line(&mut a, Action::Back);
    assert!(screen(&a).contains("search: escalation (narrowed) · 1 claim"));
    // `&` in the comparison toggles it back; a new search keeps narrowing on.
    press(&mut a, &[Action::Narrow]);
    assert_eq!(a.shown().topics.len(), all_topics);
    press(&mut a, &[Action::Narrow, Action::Search]);
    line(&mut a, Action::Edit(Edit::Erase));
    type_in(&mut a, "the");
    // While typing, rows whose hits are gone may stay; leaving the line makes it exact.
    line(&mut a, Action::Back);
    let topics: Vec<&str> = a.shown().topics.iter().map(|t| t.id.as_str()).collect();
    assert!(topics.len() > 1, "{topics:?}");
    for t in &a.shown().topics {
        for row in &t.rows {
            assert!(
                row.claims()
                    .any(|c| search::searched(&a).expect("search").is_hit(c))
            );
        }
    }
}

#[test]
fn no_hit_says_so_with_a_hint_never_a_blank_pane() {
    let mut a = app(120, 40);
    search_for(&mut a, "zqxj");
    assert_eq!(search::hits(&a), 0);
    let s = screen(&a);
    assert!(s.contains("no claim matches “zqxj”"), "{s}");
    assert!(s.contains("a typo forgiven (negot, goverment)"), "{s}");
    insta::assert_snapshot!("no_hit_120x40", s);
    line(&mut a, Action::Open);
    assert!(a.searching(), "Enter with no hit stays in the line");
    assert_eq!(a.message.as_deref(), Some("no claim matches “zqxj”"));
}

/// fzf's OR finds nothing here, and the screen says why, as `parallax search` does.
#[test]
fn an_or_bar_finding_nothing_says_it_is_not_supported() {
    let mut a = app(120, 40);
    search_for(&mut a, "modi | sharif");
    assert_eq!(search::hits(&a), 0);
    let s = screen(&a);
    assert!(s.contains("`|` (fzf's OR) is not supported"), "{s}");
    // At 80 columns the reason wraps, whole, rather than being cut; a bar inside a term is
    // said to be text.
    for (query, end) in [
        ("modi | sharif", "every term must match"),
        ("zqxw|jobs", "as text"),
    ] {
        let mut a = app(80, 24);
        search_for(&mut a, query);
        let s = screen(&a);
        assert!(s.contains(end), "{query}: {s}");
    }
}

#[test]
fn the_panel_highlights_whole_characters_of_multi_byte_text() {
    let mut a = app(120, 40);
    search_for(&mut a, "naive");
    let m = marked(&a);
    // The diaeresis is a combining mark: the ï is highlighted as one character with it.
    assert!(m.contains("«nai\u{308}ve»"), "{m}");
    insta::assert_snapshot!("panel_naive_120x40", m);
    line(&mut a, Action::Edit(Edit::Erase));
    type_in(&mut a, "停火");
    let m = marked(&a);
    assert!(m.contains("«停火»"), "{m}");
    insta::assert_snapshot!("panel_cjk_120x40", m);
    // Once jumped to, the comparison highlights the matched characters of the hit claim.
    line(&mut a, Action::Open);
    let m = marked(&a);
    assert!(m.contains("«停火»"), "{m}");
    assert!(!a.searching());
    insta::assert_snapshot!("comparison_at_hit_120x40", m);
}

/// At 80 columns long counts are cut, but never the mark that says the topics are narrowed.
#[test]
fn the_narrowed_mark_survives_a_narrow_header() {
    let mut a = common::bundled(80, 24);
    common::keys(&mut a, &[KeyCode::Tab, KeyCode::Char('/')]);
    common::typed(&mut a, "ceasfire");
    press(&mut a, &[Action::Narrow]);
    line(&mut a, Action::Back);
    let s = screen(&a);
    let header = s
        .lines()
        .find(|l| l.contains("search: ceasfire"))
        .unwrap_or_else(|| panic!("no search line:\n{s}"));
    assert!(header.contains("(narrowed)"), "{header}");
}

#[test]
fn the_panel_lists_party_topic_and_snippet() {
    let mut a = app(120, 40);
    search_for(&mut a, "'Sharif");
    let s = screen(&a);
    assert!(s.contains("Pakistan · The ceasefire"), "{s}");
    assert!(s.contains("speaker: Shehbaz Sharif"), "{s}");
    assert!(s.contains("best first · 1 claim"), "{s}");
    insta::assert_snapshot!("panel_speaker_120x40", marked(&a));
}

#[test]
fn the_readme_search_key_table_matches_the_bindings() {
    common::readme_has_table("search line", BINDINGS);
}

/// A synthetic dispute of 3,000 claims at 120×40, `ceasefire` typed in the search line: more
/// hits than are ranked at once, so they go to the ranking worker.
fn searched_for_ceasefire() -> App {
    let dispute = synth::dispute(3_000).expect("the synthetic dispute loads");
    let mut a = App::new(dispute, 0, 1, Theme::plain());
    update(
        &mut a,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    search_for(&mut a, "ceasefire");
    a
}

#[test]
fn many_hits_are_listed_in_reading_order_then_ranked_in_the_background() {
    let mut a = searched_for_ceasefire();
    let hits = search::hits(&a);
    assert!(hits > RANK_AT_ONCE, "{hits}");
    assert!(matches!(a.search.ranked, Ranked::Pending));
    assert!(screen(&a).contains("in reading order, ranking…"));
    // Before ranking, the list is the reading order.
    let first = search::entry(&a, 0).expect("an entry").0;
    assert_eq!(first, search::searched(&a).expect("search").order[0]);
    // The event loop's worker ranks them; its answer comes back as an event.
    assert!(Ranker::default().wait(&mut a, std::time::Duration::from_secs(30)));
    let Ranked::Ready(list) = &a.search.ranked else {
        panic!("ranked");
    };
    // Claims found only through their topic's title fold into one hit each, after the rest.
    assert!(!list.is_empty() && list.len() <= hits);
    let own: Vec<u32> = list
        .iter()
        .filter(|(h, _)| !h.is_topic_level())
        .map(|(h, _)| h.score)
        .collect();
    assert!(own.windows(2).all(|w| w[0] >= w[1]));
    assert!(screen(&a).contains("best first"));
}

#[test]
fn a_long_ranking_lists_the_best_so_far_while_it_goes_on() {
    // At a million claims ranking takes most of a second: the worker hands back the best of
    // each part scored, and the list shows them, keeping the chosen place, until all are ranked.
    let mut a = searched_for_ceasefire();
    let (generation, ranking) = a.search.take_job().expect("many hits go to the worker");
    let mut steps = ranking.steps(400);
    assert!(steps.step());
    let order = || std::sync::Arc::clone(ranking.order());
    let first = ranking.place_few(steps.best(200));
    let part = Scoring::Part(first.clone(), steps.done(), steps.of());
    assert!(search::ranked(&mut a, (generation, order(), part)));
    let shown = screen(&a);
    let percent = steps.done() * 100 / steps.of();
    assert!(
        shown.contains(&format!("ranking, {percent}% scored: best so far")),
        "{shown}"
    );
    let listed = |a: &App| -> Vec<_> {
        (0..search::list_len(a))
            .filter_map(|i| search::entry(a, i).and_then(|(_, h)| h.map(|h| h.claim)))
            .collect()
    };
    let claims = |hits: &[(parallax::query::Hit, parallax::query::HitAt)]| -> Vec<_> {
        hits.iter().map(|(h, _)| h.claim).collect()
    };
    assert_eq!(listed(&a), claims(&first));
    // The analyst moves down the list; the next part keeps the claim chosen.
    line(&mut a, Action::Down);
    line(&mut a, Action::Down);
    let chosen = search::entry(&a, 2).expect("a third entry").0.claim;
    assert!(steps.step());
    let part = Scoring::Part(ranking.place_few(steps.best(200)), steps.done(), steps.of());
    assert!(search::ranked(&mut a, (generation, order(), part)));
    let at = |a: &App| search::entry(a, a.search.cursor).map(|(at, _)| at.claim);
    assert_eq!(at(&a), Some(chosen));
    assert!(a.search.ranking(), "still ranking");
    // An answer for an older search is dropped.
    let stale = Scoring::Part(Vec::new(), 1, 2);
    assert!(!search::ranked(&mut a, (generation - 1, order(), stale)));
    // The whole ranking replaces the best so far; it is the ranking done at once. Placed
    // against another outcome's hits (the outcome changed meanwhile), it is placed again.
    let whole = ranking.place(steps.finish());
    let done = Scoring::Whole((
        ranking.query().to_owned(),
        ranking.entries().to_vec(),
        whole.clone(),
    ));
    let elsewhere: std::sync::Arc<Vec<parallax::query::HitAt>> = std::sync::Arc::default();
    assert!(search::ranked(&mut a, (generation, elsewhere, done)));
    assert!(!a.search.ranking());
    assert_eq!(claims(&whole), claims(&ranking.place(ranking.run())));
    assert_eq!(listed(&a), claims(&whole));
    assert_eq!(at(&a), Some(chosen));
    assert!(screen(&a).contains("best first"));
}

#[test]
fn a_line_of_bare_operators_searches_nothing_anywhere() {
    let mut a = app(120, 40);
    search_for(&mut a, "^");
    let s = screen(&a);
    assert!(s.contains("“^” holds no term to search for"), "{s}");
    assert!(!s.contains("no claim matches"), "{s}");
    let mut a = app(120, 40);
    search_for(&mut a, "! '");
    press(&mut a, &[Action::Back]);
    assert!(
        a.outcome.is_none(),
        "no search runs, as in `show` and `search`"
    );
    assert!(!screen(&a).contains("search:"));
}

#[test]
fn the_count_says_how_many_claims_matched_only_through_a_typo() {
    let mut a = app(120, 40);
    search_for(&mut a, "ceasfire");
    let s = screen(&a);
    // The total first (as the footer counts), then the claims found by their own fields.
    assert!(
        s.contains(
            "4 claims: 2 by their own fields (2 only through a typo), 2 only through a topic"
        ),
        "{s}"
    );
    // Each entry names the row it sits in, and claims found through a topic title fold.
    assert!(s.contains("India · The ceasefire · row 1"), "{s}");
    assert!(s.contains("topic · 1 claim"), "{s}");
}

#[test]
fn a_narrow_screen_gives_the_counts_in_short_rather_than_cutting_them() {
    let mut a = app(60, 24);
    search_for(&mut a, "ceasfire");
    let s = screen(&a);
    // The long wording would be cut after "2 by their own…", losing the rest.
    assert!(s.contains("4 claims: 2 own (2 typo), 2 via topic"), "{s}");
    assert!(!s.contains("by their own"), "{s}");
}

/// A terminal where a user types `keys` one at a time, `gap` apart (nothing else waiting), then
/// `q`; it keeps every frame the loop draws.
struct Typist {
    keys: std::collections::VecDeque<KeyCode>,
    gap: std::time::Duration,
}

impl parallax::tui::terminal::Host for Typist {
    fn read(&mut self) -> std::io::Result<ratatui::crossterm::event::Event> {
        std::thread::sleep(self.gap);
        let code = self.keys.pop_front().unwrap_or(KeyCode::Char('q'));
        Ok(ratatui::crossterm::event::Event::Key(KeyEvent::new(
            code,
            KeyModifiers::NONE,
        )))
    }
    fn pending(&mut self) -> std::io::Result<bool> {
        Ok(false)
    }
    fn suspend(&mut self) -> std::io::Result<()> {
        Ok(())
    }
    fn copy(&mut self, _: &str) -> std::io::Result<()> {
        Ok(())
    }
}

/// Runs the real event loop on `app` while `keys` are typed `gap_ms` apart, then `q`.
fn typed_in_loop(app: &mut App, keys: &[KeyCode], gap_ms: u64) {
    let (w, h) = app.size;
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("terminal");
    let mut host = Typist {
        keys: keys.iter().copied().collect(),
        gap: std::time::Duration::from_millis(gap_ms),
    };
    parallax::tui::terminal::event_loop(&mut terminal, app, &mut host).expect("the loop ends");
}

fn chars(s: &str) -> Vec<KeyCode> {
    s.chars().map(KeyCode::Char).collect()
}

#[test]
fn in_the_event_loop_a_search_typed_key_by_key_finds_what_the_state_finds_and_enter_jumps_to_it() {
    // The loop hands a search typed in the line to its worker (the key shows at once, the hits
    // follow); typed slowly (each answer back before the next key) or fast (answers overtaken,
    // Enter arriving before the last one), the hits and the jump are those of the text as typed.
    for gap in [60, 0] {
        let mut a = app(120, 40);
        let mut keys = chars("/mediation");
        keys.push(KeyCode::Enter);
        typed_in_loop(&mut a, &keys, gap);
        let mut b = app(120, 40);
        search_for(&mut b, "mediation");
        press(&mut b, &[Action::Open]);
        assert!(!a.searching(), "Enter left the line (gap {gap} ms)");
        assert_eq!(a.search.text(), "mediation");
        assert_eq!(search::hits(&a), search::hits(&b), "gap {gap} ms");
        assert_eq!(current_id(&a), current_id(&b), "gap {gap} ms");
        assert_eq!((a.topic, a.row), (b.topic, b.row), "gap {gap} ms");
    }
}

#[test]
fn a_screen_that_never_searches_or_filters_never_builds_the_search_index() {
    // The index costs a third of the dispute's memory: moving about does not build it, opening
    // the search line does (on the loop's worker).
    let mut a = app(120, 40);
    typed_in_loop(&mut a, &[KeyCode::Down, KeyCode::Up, KeyCode::Tab], 20);
    assert!(a.session.unbuilt(), "no index after moving about");
    typed_in_loop(&mut a, &[KeyCode::Char('/'), KeyCode::Esc], 20);
    let start = std::time::Instant::now();
    while !a.session.ready() && start.elapsed() < std::time::Duration::from_secs(10) {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(
        a.session.ready(),
        "the index is built once the search line opened"
    );
}

#[test]
fn the_claim_chosen_in_reading_order_stays_chosen_when_the_ranked_list_comes() {
    let mut a = searched_for_ceasefire();
    let (generation, ranking) = a.search.take_job().expect("many hits go to the worker");
    let mut steps = ranking.steps(400);
    assert!(steps.step());
    let best = steps.best(200);
    // The analyst picks, in reading order, a claim that is among the best so far.
    let wanted = best.get(7).expect("eight best").1.claim;
    let order = &search::searched(&a).expect("a search").order;
    let i = order
        .iter()
        .position(|h| h.claim == wanted)
        .expect("in reading order");
    a.search.cursor = i;
    let part = Scoring::Part(ranking.place_few(best), steps.done(), steps.of());
    let order = std::sync::Arc::clone(ranking.order());
    assert!(search::ranked(&mut a, (generation, order, part)));
    assert_eq!(a.search.cursor, 7, "the same claim, in its ranked place");
    let shown = screen(&a);
    assert!(shown.contains("8/200 so far"), "{shown}");
}

#[test]
fn at_80_columns_each_hit_still_names_its_row_and_speaker() {
    // The topic's title gives way first: the row and the speaker are what tell hits apart.
    let mut a = common::bundled(80, 24);
    search_for(&mut a, "'ceasefire");
    let shown = screen(&a);
    let lines: Vec<&str> = shown.lines().collect();
    let prompt = lines
        .iter()
        .position(|l| l.contains("/ 'ceasefire"))
        .expect("the search line");
    let page = search::page(&a).min(search::list_len(&a));
    assert!(page > 2, "{page} hits on screen");
    let mut speakers = 0;
    for i in 0..page {
        let (at, _) = search::entry(&a, i).expect("an entry");
        // Under the line and the count and a rule, two lines per hit: its head first.
        let head = lines.get(prompt + 3 + 2 * i).copied().unwrap_or_default();
        // The claim's label in its row, as the pane marks it (`L2`): a row may hold several
        // claims of one side.
        let row = a
            .shown()
            .topics
            .get(at.topic)
            .and_then(|t| t.rows.get(at.row))
            .expect("the hit's row");
        let label = parallax::layout::label(row, at.claim).expect("the claim is in its row");
        assert!(
            head.contains(&format!(" · row {} {label} ", at.row + 1)),
            "hit {i}:\n{shown}"
        );
        if let Some(who) = a.dispute.claim(at.claim).and_then(|c| c.speaker.clone()) {
            let start: String = who.chars().take(6).collect();
            assert!(head.contains(&start), "hit {i} by {who}:\n{shown}");
            speakers += 1;
        }
    }
    assert!(speakers > 2, "{speakers} hits name a speaker");
}

#[test]
fn while_the_text_as_typed_is_searched_no_old_count_stands_beside_it() {
    // The loop searches a typed key on its worker; until the answer comes the header and the
    // footer say so, rather than pair the new text with the last text's count.
    let mut a = app(120, 30);
    search_for(&mut a, "gate");
    let before = screen(&a);
    assert!(before.contains("search: gate · "), "{before}");
    a.query.search = Some("gatez".to_owned());
    a.ask_query(true);
    assert!(a.query_pending());
    let shown = screen(&a);
    assert!(shown.contains("search: gatez · searching…"), "{shown}");
    let footer = shown.lines().last().unwrap_or_default();
    assert!(
        footer.contains("searching…") && !footer.contains("found"),
        "{footer}"
    );
    // The first search, before any answer: the same (both were blank at 100,000 claims).
    let mut a = app(120, 30);
    a.query.search = Some("gate".to_owned());
    a.ask_query(true);
    assert!(a.query_pending());
    let shown = screen(&a);
    assert!(shown.contains("search: gate · searching…"), "{shown}");
    let footer = shown.lines().last().unwrap_or_default();
    assert!(footer.contains("searching…"), "{footer}");
}

/// A narrowed search that leaves nothing says how to get every row back, and how to search
/// again, as filters that leave nothing say how to clear them.
#[test]
fn a_narrowed_search_that_leaves_nothing_says_the_way_back() {
    let mut a = app(120, 30);
    search_for(&mut a, "zqxwv");
    line(&mut a, Action::Narrow);
    // In the line `&` and `/` are letters: it names its own key, and changing the search.
    let typing = screen(&a);
    assert!(typing.contains("Press Ctrl-N to show every"), "{typing}");
    assert!(typing.contains("change the"), "{typing}");
    assert!(!typing.contains("Press & to"), "{typing}");
    line(&mut a, Action::Back);
    let shown = screen(&a);
    assert!(
        shown.contains("No claim matches the search. Press & to show every row again, or / to"),
        "{shown}"
    );
    press(&mut a, &[Action::Narrow]);
    let shown = screen(&a);
    assert!(!shown.contains("No claim matches the search"), "{shown}");
    // Typed down to no hit from a narrowed search with hits: the rows go at once, not when the
    // line is left (the rows of the last hits stayed on screen under "no claim matches").
    let mut a = app(120, 30);
    search_for(&mut a, "escalation");
    line(&mut a, Action::Narrow);
    assert_eq!(a.shown().topics.len(), 1);
    type_in(&mut a, " zqxwv");
    assert!(a.shown().topics.is_empty(), "{}", screen(&a));
    let typing = screen(&a);
    assert!(typing.contains("Press Ctrl-N to show every"), "{typing}");
}

/// In the search line `?` is typed: F1 opens the help, which lists the keys the footer leaves
/// out at 80 columns; Esc comes back to the line as it was.
#[test]
fn f1_opens_the_help_where_a_question_mark_is_typed() {
    let mut a = app(80, 24);
    common::keys(&mut a, &[KeyCode::Char('/'), KeyCode::Char('?')]);
    assert_eq!(a.search.text(), "?", "? types");
    assert!(screen(&a).contains("F1  help"), "{}", screen(&a));
    common::keys(&mut a, &[KeyCode::F(1)]);
    let s = screen(&a);
    assert!(s.contains("Ctrl-N"), "{s}");
    common::keys(&mut a, &[KeyCode::Esc]);
    assert_eq!(a.search.text(), "?");
    assert!(search::active(&a));
    // The key that opened the help closes it (it said "F1 does nothing in “Keys”").
    common::keys(&mut a, &[KeyCode::F(1)]);
    assert!(screen(&a).contains("Ctrl-N"));
    common::keys(&mut a, &[KeyCode::F(1)]);
    assert!(!screen(&a).contains("Ctrl-N"), "{}", screen(&a));
    assert!(a.message.is_none(), "{:?}", a.message);
    assert_eq!(a.search.text(), "?");
}

#[test]
fn a_long_search_is_cut_in_the_header_never_its_count_or_the_narrowing_mark() {
    let mut a = app(80, 24);
    // Every word must match: one word, said many times, is a long query with a hit.
    search_for(&mut a, &"escalation ".repeat(12));
    press(&mut a, &[Action::Narrow]);
    line(&mut a, Action::Back);
    let said = screen(&a);
    let header = said
        .lines()
        .find(|l| l.contains("search: "))
        .unwrap_or_else(|| panic!("no search line: {said}"));
    assert!(header.contains("escala… (narrowed) · 1 claim"), "{header}");
}

/// A hit names its party by id when the party's name would leave the topic a few letters, so
/// the topic stays readable at 80 columns.
#[test]
fn a_hit_of_a_long_named_party_keeps_its_topic_readable() {
    let dir = common::one_claim_sides(
        ("health", "Health care and insurance"),
        &[
            ("dem", "Democratic Party speakers and surrogates"),
            ("rep", "Republican Party speakers and surrogates"),
        ],
        "Premiums rose.",
        serde_json::json!({"speaker": "Rich Smith"}),
    );
    let mut a = common::app_at(dir.path().to_str().unwrap(), 80, 24);
    search_for(&mut a, "premiums");
    let s = screen(&a);
    assert!(
        s.contains("dem · Health care and insurance · row 1 L1 · Rich Smith"),
        "{s}"
    );
}

/// At 80 columns a hit keeps enough of its topic's title to name it (`The 10…` named none);
/// the speaker's end gives way instead.
#[test]
fn a_hit_names_its_topic_at_80_columns() {
    let mut a = common::bundled(80, 24);
    search_for(&mut a, "mediation");
    let s = screen(&a);
    assert!(s.contains("The 10 May ceasef"), "{s}");
    assert!(s.contains("row 7 L2 · Vikram Misri"), "{s}");
}

/// A word typed a key at a time finds what it finds typed at once: `helth` finds "health" one
/// typo away, though `helt`, a key before, does not (each key searched only the hits of the
/// one before, and `helth` found 10 claims of LIAR's 1,254).
#[test]
fn a_word_typed_key_by_key_finds_what_it_finds_at_once() {
    let (_dir, dispute) = common::dispute_of(&[
        (
            "a",
            serde_json::json!({"id": "a1", "text": "Health care costs rose sharply."}),
        ),
        (
            "a",
            serde_json::json!({"id": "a2", "text": "Help arrived late."}),
        ),
        (
            "b",
            serde_json::json!({"id": "b1", "text": "The health law passed."}),
        ),
        (
            "b",
            serde_json::json!({"id": "b2", "text": "Rush Holt spoke."}),
        ),
    ]);
    let mut a = common::sized(App::new(dispute, 0, 1, Theme::plain()), 120, 40);
    search_for(&mut a, "helt");
    let before: Vec<String> = (0..search::hits(&a)).map(|i| claim_id(&a, i)).collect();
    assert!(!before.contains(&"a1".to_owned()), "{before:?}");
    type_in(&mut a, "h");
    let mut found: Vec<String> = (0..search::hits(&a)).map(|i| claim_id(&a, i)).collect();
    found.sort();
    assert_eq!(found, ["a1", "b1"]);
}

/// A pasted control or hidden character in the search shows as a marker in the header as in
/// the line: the header sent U+FFF9 to the terminal raw (a stray border drawn), and an
/// escape sequence lost its ESC there (`cease[31mfire`).
#[test]
fn the_header_shows_a_pasted_hidden_character_as_a_marker() {
    let mut a = app(100, 30);
    press(&mut a, &[Action::FocusComparison, Action::Search]);
    let paste = parallax::tui::terminal::pasted(&a, "cease\u{1b}[31mfire\u{fff9}");
    press(&mut a, &paste);
    press(&mut a, &[Action::Back]);
    let shown = screen(&a);
    let header = shown
        .lines()
        .find(|l| l.contains("search: "))
        .unwrap_or_default();
    assert!(header.contains("search: cease␛[31mfire⟨U+FFF9⟩"), "{shown}");
    assert!(!shown.contains(['\u{fff9}', '\u{1b}']), "{shown}");
}

/// A query in another engine's syntax is said on the screen as `parallax search` says it: over
/// the hits (`-trump` finds the word, `!trump` leaves it out), and where nothing matches
/// (`speaker:modi` is one word); a spaced `|` is said to be no OR even where a claim holds one.
#[test]
fn another_engines_syntax_is_said_over_the_hits_and_without_them() {
    let flat = |app: &App| {
        common::screen(app)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut a = common::bundled(120, 40);
    search_for(&mut a, "ceasefire -trump");
    let s = flat(&a);
    assert!(s.contains("a `-` leaves nothing out"), "{s}");
    assert!(s.contains("write `!trump`"), "{s}");
    assert!(
        a.search.cursor == 0 && common::screen(&a).contains("▶"),
        "hits still listed"
    );
    let mut a = common::bundled(120, 40);
    search_for(&mut a, "speaker:modi");
    let s = flat(&a);
    assert!(s.contains("no claim matches"), "{s}");
    assert!(s.contains("there are no field prefixes"), "{s}");
    let mut a = common::bundled(120, 40);
    search_for(&mut a, "|");
    let s = flat(&a);
    assert!(s.contains("fzf's OR) is not supported"), "{s}");
}

/// The shell's editing keys work in the search line: Ctrl-W takes back a word, Alt-B and
/// Ctrl-← go a word left, Ctrl-K cuts to the end, Ctrl-A and Ctrl-E go to the ends, and the
/// search follows each change. They answered "… does nothing in Search" before.
#[test]
fn the_shells_editing_keys_work_in_the_search_line() {
    let mut a = app(120, 40);
    search_for(&mut a, "water treaty abeyance");
    let key = |a: &mut App, code: KeyCode, mods: KeyModifiers| {
        common::key(a, KeyEvent::new(code, mods));
    };
    key(&mut a, KeyCode::Char('w'), KeyModifiers::CONTROL);
    assert_eq!(a.search.field.text(), "water treaty ");
    key(&mut a, KeyCode::Char('b'), KeyModifiers::ALT);
    key(&mut a, KeyCode::Left, KeyModifiers::CONTROL);
    assert_eq!(a.search.field.cursor(), 0);
    key(&mut a, KeyCode::Char('f'), KeyModifiers::ALT);
    key(&mut a, KeyCode::Char('k'), KeyModifiers::CONTROL);
    assert_eq!(a.search.field.text(), "water");
    key(&mut a, KeyCode::Char('a'), KeyModifiers::CONTROL);
    type_in(&mut a, "\"");
    key(&mut a, KeyCode::Char('e'), KeyModifiers::CONTROL);
    type_in(&mut a, " treaty\"");
    assert_eq!(a.search.field.text(), "\"water treaty\"");
    assert!(
        screen(&a).contains("search: \"water treaty\""),
        "{}",
        screen(&a)
    );
    assert!(a.message.is_none(), "{:?}", a.message);
    // Help lists them with the line's own keys; keys as wide as their column have a line of
    // their own, never touching what they do (`Ctrl-W Alt-Backspacedelete…`).
    key(&mut a, KeyCode::F(1), KeyModifiers::NONE);
    let s = screen(&a);
    assert!(s.contains("delete the word before the cursor"), "{s}");
    let keys = s
        .lines()
        .find(|l| l.contains("Alt-Backspace"))
        .unwrap_or_else(|| panic!("{s}"));
    assert!(!keys.contains("delete"), "{keys}");
}

#[test]
fn the_readme_editing_key_table_matches_the_bindings() {
    common::readme_has_table("editing", parallax::tui::keymap::EDITING);
}

/// A search that matches only a third side's claims says so on the screen: only the two sides
/// compared are searched, and `p` compares another (it said "no claim matches" alone, while
/// `parallax search` lists the third side's claim).
#[test]
fn no_hit_in_a_dispute_of_three_sides_says_only_two_are_searched() {
    let mut a = common::bundled(200, 40);
    press(&mut a, &[Action::FocusComparison, Action::Search]);
    type_in(&mut a, "trappier");
    let s = screen(&a);
    assert!(s.contains("no claim matches"), "{s}");
    assert!(
        s.contains("Only the claims of India and Pakistan are searched, of 3 sides."),
        "{s}"
    );
    assert!(
        s.contains("Press Esc, then p, to compare another (the search stays)."),
        "{s}"
    );
    // Said so, it works: Esc leaves the line with the search, and p opens the choice of parties
    // (in the line, p typed).
    common::keys(&mut a, &[KeyCode::Esc, KeyCode::Char('p')]);
    assert_eq!(a.query.search_text(), Some("trappier"));
    assert!(
        matches!(a.modal(), Some(parallax::tui::state::Modal::Picker(_))),
        "{}",
        screen(&a)
    );
    // Two sides only: no such note.
    let mut two = app(100, 30);
    search_for(&mut two, "zzzzqqq");
    assert!(
        !screen(&two).contains("are searched, of"),
        "{}",
        screen(&two)
    );
}

/// `&` keeps the hit the analyst is on in sight: on the bundled dispute at 100×30, every hit of
/// `ceasfire !trump` in turn, narrowed, still shows its claim's opening words (the last one's
/// tall row was shown from its top, the hit below the window).
#[test]
fn narrowing_keeps_the_current_hit_in_sight() {
    let mut a = common::bundled(100, 30);
    search_for(&mut a, "ceasfire !trump");
    line(&mut a, Action::Back);
    let n = search::hits(&a);
    assert!(n > 3, "{n} hits");
    for i in 0..n {
        // The i-th hit (`n`), narrowed, then back to every row for the next.
        press(&mut a, &[Action::NextHit]);
        let hit = parallax::tui::modal::take::selected_in_row(&a).expect("a hit");
        let text = a.dispute.claim(hit).expect("its claim").text.clone();
        let opening: String = text
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        press(&mut a, &[Action::Narrow]);
        assert!(a.query.narrow);
        let shown = screen(&a).replace('\n', " ");
        let shown = shown.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            shown.contains(&opening),
            "hit {i}: `{opening}` not in sight:\n{}",
            screen(&a)
        );
        press(&mut a, &[Action::Narrow]);
    }
}

/// Ctrl-H erases the character before the cursor, as Backspace does: it is the code Backspace
/// sends on terminals set so (`stty erase ^H`, PuTTY), where it did nothing but say
/// `Ctrl-H does nothing in "Search"`.
#[test]
fn ctrl_h_erases_as_backspace_does() {
    let mut a = app(80, 24);
    search_for(&mut a, "jetz");
    common::key(
        &mut a,
        KeyEvent::new(KeyCode::Char('h'), KeyModifiers::CONTROL),
    );
    assert_eq!(a.search.text(), "jet");
    assert!(
        a.message
            .as_deref()
            .is_none_or(|m| !m.contains("does nothing")),
        "{:?}",
        a.message
    );
}

/// Only what a search looks through is marked: a relation line (`↳ contradicts India …`) and
/// an as-of standing line name a party or a date, no field of the claim, so a term they hold is
/// not marked there as if the claim matched it.
#[test]
fn relation_lines_are_not_marked_as_hits() {
    let mut a = common::bundled(200, 50);
    press(&mut a, &[Action::NextPane]);
    search_for(&mut a, "India");
    line(&mut a, Action::Back);
    let mut seen = 0;
    for _ in 0..search::hits(&a) {
        press(&mut a, &[Action::NextHit]);
        for l in marked(&a).lines() {
            for pane in l.split('│') {
                if pane.trim_start().starts_with('↳') {
                    seen += 1;
                    assert!(!pane.contains('«'), "{pane}");
                }
            }
        }
    }
    assert!(seen > 0, "a relation line was shown");
}

/// The mouse in the results list: a click on an entry selects it, a click on the entry
/// selected goes to it as `Enter` does, and the wheel over the list moves the selection.
#[test]
fn a_click_selects_a_hit_and_a_second_click_goes_to_it() {
    let mut a = app(120, 40);
    search_for(&mut a, "strikes");
    assert!(search::list_len(&a) >= 3);
    let lines = common::lines(&a);
    // Below the line typed, the selected entry's first line carries the mark (the topic
    // list's is beside); the next entry is PER_HIT lines below.
    let typed = lines
        .iter()
        .position(|l| l.contains("/ strikes"))
        .expect("the line typed");
    let column = lines[typed].find("/ strikes").expect("found");
    let x = u16::try_from(lines[typed][..column].chars().count()).expect("x");
    let y = typed
        + lines[typed..]
            .iter()
            .position(|l| l.chars().skip(usize::from(x)).any(|c| c == '▶'))
            .expect("the selected entry");
    let below = u16::try_from(y + parallax::tui::modal::search::hits::PER_HIT).expect("y");
    common::click(&mut a, x + 3, below);
    assert_eq!(a.search.cursor, 1, "{}", common::footer_said(&a));
    assert!(a.searching(), "one click only selects");
    press(
        &mut a,
        &[Action::Scroll {
            column: x + 3,
            row: below,
            lines: 1,
        }],
    );
    assert_eq!(a.search.cursor, 2, "the wheel moves the selection");
    press(
        &mut a,
        &[Action::Scroll {
            column: x + 3,
            row: below,
            lines: -1,
        }],
    );
    let (at, _) = search::entry(&a, 1).expect("an entry");
    common::click(&mut a, x + 3, below);
    assert!(!a.searching(), "a click on the entry selected goes to it");
    assert_eq!((a.topic, a.row), (at.topic, at.row));
    // A click above the list (on the line typed) chooses nothing.
    search_for(&mut a, "strikes");
    let typed_at = common::lines(&a)
        .iter()
        .position(|l| l.contains("/ strikes"))
        .expect("the line typed");
    common::click(&mut a, x + 3, u16::try_from(typed_at).expect("y"));
    assert_eq!(a.search.cursor, 0);
    assert!(a.searching());
}
