//! Wrapping never breaks inside a date, an id or a URL: lines break at spaces only, and a URL
//! longer than a whole line starts a line of its own and is cut there only, so the layout holds,
//! in `show --width N` and on the screen.

mod common;

use assert_cmd::Command;
use parallax::text;
use parallax::tui::Action;

const NORTH: &str = "tests/fixtures/tui/pointless/north.json";
const SOUTH: &str = "tests/fixtures/tui/pointless/south.json";

/// The 300-character URL the fixture's quota claim and its first source hold.
fn long_url() -> String {
    let text = std::fs::read_to_string(NORTH).expect("the fixture");
    let start = text.find("https://example.org/archive/").expect("a URL");
    text[start..]
        .chars()
        .take_while(|c| *c != '"' && *c != ' ')
        .collect()
}

#[test]
fn show_at_60_columns_keeps_dates_ids_and_a_long_url_whole_where_they_fit() {
    let url = long_url();
    assert_eq!(url.len(), 300);
    let out = Command::cargo_bin("parallax")
        .expect("the binary is built")
        .args(["show", "--width", "60", NORTH, SOUTH])
        .output()
        .expect("runs");
    let s = String::from_utf8(out.stdout).expect("utf-8");
    for line in s.lines() {
        assert!(text::width(line) <= 60, "wider than 60: {line:?}");
    }
    // The left cells of the quota claim, read down: the URL starts a line and, cut only at
    // the column, reads whole again.
    let cells: Vec<&str> = s
        .lines()
        .skip_while(|l| !l.contains("Our quota was cut"))
        .take_while(|l| !l.trim().is_empty())
        .map(|l| l.split('│').next().unwrap_or("").trim_end())
        .collect();
    let at = cells
        .iter()
        .position(|c| c.starts_with("https://"))
        .expect("the URL starts a line");
    let joined: String = cells[at..].concat();
    assert!(joined.starts_with(&url), "{cells:#?}");
    assert!(
        cells.iter().any(|c| c.contains("2023-03-01;")),
        "{cells:#?}"
    );
    assert!(cells.iter().any(|c| c.contains("n-dredge")), "{cells:#?}");
}

#[test]
fn on_the_screen_at_80x24_a_long_url_keeps_every_border_in_place() {
    let mut app = common::app_at("tests/fixtures/tui/pointless", 80, 24);
    // The comparison of the topic whose claim holds the URL, then the row in full of the claim
    // whose source holds it.
    for actions in [
        vec![Action::NextTopic, Action::FocusComparison],
        vec![Action::First, Action::Open],
    ] {
        common::press(&mut app, &actions);
        let lines = common::lines(&app);
        assert_eq!(lines.len(), 24);
        for (y, line) in lines.iter().enumerate().skip(3).take(20) {
            assert_eq!(text::width(line), 80, "line {y}: {line:?}");
            assert!(
                line.starts_with('│') || line.starts_with('┌') || line.starts_with('└'),
                "line {y} lost its border: {line:?}"
            );
            assert!(
                line.ends_with('│') || line.ends_with('┐') || line.ends_with('┘'),
                "line {y} lost its border: {line:?}"
            );
        }
        assert!(
            lines
                .iter()
                .any(|l| l.contains("https://example.org/archive")),
            "{lines:#?}"
        );
    }
}

#[test]
fn show_at_its_narrowest_fits_headings_and_party_names_too() {
    // Long party names, a long dispute title, topic title and question: at 40 columns every
    // line fits, a name cut short ends in `…`, and a wrapped question reads whole.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let side = |id: &str, name: &str, text: &str| {
        serde_json::json!({
            "format": "parallax/1", "dispute": "long-names",
            "party": {"id": id, "name": name},
            "sources": [{"id": "s", "outlet": "Gazette", "url": "https://example.org/a"}],
            "topics": [{"id": "wages", "title": "Wages, pensions and the long argument over both",
                "claims": [{"id": format!("{id}-1"), "text": text, "point": "offer", "sources": ["s"]}]}]
        })
    };
    let manifest = serde_json::json!({
        "format": "parallax/1",
        "dispute": {"id": "long-names",
            "title": "The long and winding dispute between a union and a foundry company"},
        "sides": ["union.json", "company.json"],
        "topics": [{"id": "wages", "title": "Wages, pensions and the long argument over both",
            "points": [{"id": "offer", "question": "How large was the company's wage offer, all told?"}]}]
    });
    let files = [
        ("dispute.json", manifest),
        (
            "union.json",
            side("union", "Foundry Workers Union of Tembla", "A 2% rise."),
        ),
        (
            "company.json",
            side("company", "Meridian Foundry Limited", "Worth 5%."),
        ),
    ];
    for (name, json) in files {
        std::fs::write(dir.path().join(name), json.to_string()).expect("written");
    }
    let out = Command::cargo_bin("parallax")
        .expect("the binary is built")
        .args(["show", "--width", "40"])
        .arg(dir.path())
        .output()
        .expect("runs");
    let s = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for line in s.lines() {
        assert!(text::width(line) <= 40, "wider than 40: {line:?}\n{s}");
    }
    assert!(s.contains("FOUNDRY WORKERS U… │ MERIDIAN FOUNDRY…"), "{s}");
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("How large was the company's wage offer, all told?"),
        "{s}"
    );
    assert!(
        flat.contains("Wages, pensions and the long argument over both"),
        "{s}"
    );
}

/// A folder of two sides whose one row pairs a claim of `lines` short lines with a short one.
fn long_claim_folder(lines: usize) -> tempfile::TempDir {
    let text: String = (1..=lines).map(|i| format!("line {i}\n")).collect();
    claim_folder(&text)
}

/// A folder of two sides whose one row pairs a claim of `text` with a short one.
fn claim_folder(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let side = |id: &str, claim: serde_json::Value| {
        serde_json::json!({
            "format": "parallax/1", "dispute": "long",
            "party": {"id": id, "name": id},
            "sources": [{"id": "s", "outlet": "Gazette", "url": "https://example.org/a"}],
            "topics": [{"id": "t", "title": "T", "claims": [claim]}]
        })
        .to_string()
    };
    let north = side(
        "north",
        serde_json::json!({"id": "n1", "text": text, "sources": ["s"]}),
    );
    let south = side(
        "south",
        serde_json::json!({"id": "s1", "text": "Short.", "sources": ["s"], "rebuts": ["n1"]}),
    );
    std::fs::write(dir.path().join("north.json"), north).expect("written");
    std::fs::write(dir.path().join("south.json"), south).expect("written");
    dir
}

#[test]
fn the_screen_cuts_a_claim_of_thousands_of_lines_and_says_how_much_is_left_while_show_prints_it_whole()
 {
    let dir = long_claim_folder(3000);
    let path = dir.path().to_str().expect("a UTF-8 path");
    let mut app = common::app_at(path, 80, 24);
    // The row in full, at its end: the text stops at the screen's limit, with what is left.
    common::press(
        &mut app,
        &[Action::FocusComparison, Action::Open, Action::Last],
    );
    let screen = common::screen(&app);
    let shown = parallax::layout::SCREEN_TEXT_LINES;
    assert!(screen.contains(&format!("line {shown}")), "{screen}");
    let left: usize = (shown + 1..=3000)
        .map(|i| format!("line {i}\n").len())
        .sum();
    assert!(
        screen.contains(&format!("cut here: {left} more characters")),
        "{screen}"
    );
    assert!(!screen.contains(&format!("line {}", shown + 1)), "{screen}");
    // `show` gives every line.
    let out = Command::cargo_bin("parallax")
        .expect("the binary is built")
        .args(["show", "--width", "80", path])
        .output()
        .expect("runs");
    let s = String::from_utf8(out.stdout).expect("utf-8");
    assert!(s.contains("line 3000"), "{s}");
    assert!(!s.contains("cut here"));
}

/// Emoji drawn in two columns but written as a one-column character and a variation selector
/// (`❤️`, `⚖️`, common in quoted posts) are wrapped as drawn: every word of the claim is on
/// the screen and in `show` (a line of them ran past the pane, which cut its last words).
#[test]
fn emoji_with_a_variation_selector_lose_no_word() {
    let words: Vec<String> = (1..=12).map(|i| format!("w{i}")).collect();
    let text = format!("{} END", words.join(" ❤️ ⚖️ "));
    let dir = claim_folder(&text);
    let mut app = common::app_at(&dir.path().to_string_lossy(), 80, 24);
    common::press(&mut app, &[Action::FocusComparison]);
    let screen = common::lines(&app).join("\n");
    let out = Command::cargo_bin("parallax")
        .expect("the binary is built")
        .args(["show", "--width", "80"])
        .arg(dir.path())
        .output()
        .expect("runs");
    let show = String::from_utf8_lossy(&out.stdout);
    for shown in [&screen, &show.to_string()] {
        for w in words.iter().chain([&"END".to_owned()]) {
            let whole = shown.split(|c: char| !c.is_alphanumeric()).any(|t| t == w);
            assert!(whole, "{w} is missing:\n{shown}");
        }
    }
}
