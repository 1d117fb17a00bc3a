//! Helpers the screen's tests share: opening a fixture at a size, pressing actions or keys as the
//! terminal reads them, and rendering the screen on a test terminal.
#![allow(dead_code)]

use parallax::load;
use parallax::tui::state::Modal;
use parallax::tui::state::export::Dialog;
use parallax::tui::state::filters::Panel;
use parallax::tui::terminal::{Host, event_loop};
use parallax::tui::theme::Theme;
use parallax::tui::{Action, App, Outcome, keys, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::Event;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::io;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The dispute of a fixture folder (or files), loaded.
pub fn dispute(path: &str) -> parallax::format::Dispute {
    load::load_paths(&[PathBuf::from(path)])
        .dispute
        .expect("the fixture loads")
}

/// The UI on a fixture, comparing its first two sides, at a size, without colour.
pub fn app_at(path: &str, width: u16, height: u16) -> App {
    sized(App::new(dispute(path), 0, 1, Theme::plain()), width, height)
}

/// The UI on the bundled dispute at a size.
pub fn bundled(width: u16, height: u16) -> App {
    let dispute = load::load_bundled()
        .dispute
        .expect("the bundled dispute loads");
    sized(App::new(dispute, 0, 1, Theme::plain()), width, height)
}

/// The UI on a copy of a fixture folder in a fresh temporary folder, opened as `parallax DIR`
/// opens it: editable (`E`) and reloaded when its files change. Returns the folder too (kept
/// alive by the caller).
pub fn editable(fixture: &str, width: u16, height: u16) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for entry in std::fs::read_dir(fixture).expect("the fixture folder") {
        let path = entry.expect("an entry").path();
        if let Some(name) = path.file_name() {
            std::fs::copy(&path, dir.path().join(name)).expect("copied");
        }
    }
    let paths = vec![dir.path().to_path_buf()];
    let (ws, dispute) = parallax::edit::Workspace::open(&paths).expect("the copy loads");
    let mut app = App::new(dispute, 0, 1, Theme::plain());
    app.suggest.files = Some(parallax::tui::state::live::Files::of(&ws));
    app.live.paths = paths;
    (dir, sized(app, width, height))
}

/// The app told its terminal's size.
pub fn sized(mut app: App, width: u16, height: u16) -> App {
    update(&mut app, Action::Resize { width, height });
    app
}

/// Applies actions, each of which must leave the program running.
pub fn press(app: &mut App, actions: &[Action]) {
    for &a in actions {
        assert_eq!(update(app, a), Outcome::Continue, "{a:?}");
    }
}

/// A left click at a cell of the screen, as the terminal reports one.
pub fn click(app: &mut App, column: u16, row: u16) -> Outcome {
    update(app, Action::Click { column, row })
}

/// Presses keys as the terminal reads them (through the active bindings table), carrying out an
/// export when one is asked for, as the event loop does. Returns the last outcome.
pub fn keys(app: &mut App, presses: &[KeyCode]) -> Outcome {
    let mut last = Outcome::Continue;
    for &code in presses {
        last = key(app, KeyEvent::new(code, KeyModifiers::NONE));
    }
    last
}

/// One key event, through the bindings, as the event loop handles it.
pub fn key(app: &mut App, event: KeyEvent) -> Outcome {
    let Some(action) = keys::action_in(app, event) else {
        return Outcome::Continue;
    };
    let outcome = update(app, action);
    if outcome == Outcome::Export {
        parallax::tui::modal::export::update::perform(app);
    }
    outcome
}

/// Presses keys as one burst of the event loop reads them: a query the keys change is left for
/// the loop's query worker (in `app.query_job`, see [`worker_answers`]), not run.
pub fn burst(app: &mut App, presses: &[KeyCode]) {
    app.search.fold = true;
    keys(app, presses);
    app.search.fold = false;
    parallax::tui::modal::search::update::settle_later(app);
}

/// The query worker's turn: runs the query the loop would hand it and shows the answer as the
/// loop does; false when none was asked or the answer was dropped.
pub fn worker_answers(app: &mut App) -> bool {
    let Some(job) = app.query_job.take() else {
        return false;
    };
    parallax::tui::update::query_ready(app, parallax::tui::session::search(job))
}

/// Types a text, one key per character.
pub fn typed(app: &mut App, s: &str) {
    let codes: Vec<KeyCode> = s.chars().map(KeyCode::Char).collect();
    keys(app, &codes);
}

/// The screen drawn on a test terminal of the app's size.
pub fn render(app: &App) -> Terminal<TestBackend> {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| view::draw(f, app)).expect("draws");
    t
}

/// The screen as text, as snapshots keep it.
pub fn screen(app: &App) -> String {
    render(app).backend().to_string()
}

/// The screen's lines, without the snapshot's quotes.
pub fn lines(app: &App) -> Vec<String> {
    let t = render(app);
    let buf = t.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_owned())
                .collect()
        })
        .collect()
}

/// True when the message in the footer starts with `start`.
pub fn message_starts(app: &App, start: &str) -> bool {
    app.message.as_deref().is_some_and(|m| m.starts_with(start))
}

/// What the bottom of the screen says: the footer line, and a message too long for it drawn
/// whole above it, as one line of words (borders and wrapping taken out).
pub fn footer_said(app: &App) -> String {
    let lines = lines(app);
    let from = lines.len().saturating_sub(6);
    lines[from..]
        .iter()
        .map(|l| l.trim_matches(|c: char| c == ' ' || c == '│' || c == '─'))
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The open export dialog, if any.
pub fn dialog(app: &App) -> Option<&Dialog> {
    app.modals.iter().rev().find_map(|m| match m {
        Modal::Export(d) => Some(d.as_ref()),
        _ => None,
    })
}

/// The open filter panel, if any.
pub fn panel(app: &App) -> Option<&Panel> {
    app.modals.iter().rev().find_map(|m| match m {
        Modal::Filters(p) => Some(p.as_ref()),
        _ => None,
    })
}

/// README.md's text.
pub fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README")
}

/// Asserts README holds a bindings table exactly as the bindings give it.
pub fn readme_has_table(name: &str, bindings: &[parallax::tui::keymap::Binding]) {
    let table = parallax::tui::keymap::markdown_table_of(bindings);
    assert!(
        readme().contains(&table),
        "README's {name} key table differs; it should be:\n{table}"
    );
}

/// The Chromium installed, or `None` (the test says SKIPPED).
fn chromium() -> Option<&'static str> {
    let browser = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            std::process::Command::new(b)
                .arg("--version")
                .output()
                .is_ok()
        });
    if browser.is_none() {
        eprintln!("SKIPPED: chromium not found (install it to render the HTML export)");
    }
    browser
}

/// An HTML page as headless Chromium draws it: the screenshot's width, height and RGB pixels,
/// row by row. `None` (the test says SKIPPED) when no Chromium is installed.
pub fn chromium_pixels(html: &str, width: u32, height: u32) -> Option<(u32, u32, Vec<[u8; 3]>)> {
    let browser = chromium()?;
    let dir = tempfile::tempdir().expect("a temp dir");
    let page = dir.path().join("export.html");
    std::fs::write(&page, html).expect("written");
    let shot = dir.path().join("shot.png");
    let profile = dir.path().join("profile");
    let status = std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("--window-size={width},{height}"))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(shot.exists(), "no screenshot: {status:?}");
    let file = std::fs::File::open(&shot).expect("the screenshot opens");
    let mut reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("a sane size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    assert_eq!(info.bit_depth, png::BitDepth::Eight, "8-bit screenshots");
    let step = info.color_type.samples();
    let pixels = buf[..info.buffer_size()]
        .chunks(step)
        .map(|p| {
            [
                p[0],
                p.get(1).copied().unwrap_or(p[0]),
                p.get(2).copied().unwrap_or(p[0]),
            ]
        })
        .collect();
    Some((info.width, info.height, pixels))
}

/// What a script run in an HTML page once headless Chromium has laid it out at `width`
/// pixels finds: `expression`'s value, as text. The page's Content-Security-Policy (which
/// forbids scripts) is taken out for the test. `None` (the test says SKIPPED) when no Chromium
/// is installed.
pub fn chromium_eval(html: &str, width: u32, expression: &str) -> Option<String> {
    let browser = chromium()?;
    let policy = html
        .lines()
        .find(|l| l.contains("Content-Security-Policy"))
        .unwrap_or_default();
    let page = html.replacen(policy, "", 1).replacen(
        "</body>",
        &format!(
            "<script>addEventListener('load', () => {{ const p = document.createElement('pre'); \
             p.id = 'said'; p.textContent = String({expression}); document.body.append(p); }});\
             </script></body>"
        ),
        1,
    );
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = dir.path().join("export.html");
    std::fs::write(&file, page).expect("written");
    let out = std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--window-size={width},800"))
        .arg("--dump-dom")
        .arg(format!("file://{}", file.display()))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&out.stdout);
    let said = dom
        .split("<pre id=\"said\">")
        .nth(1)
        .and_then(|s| s.split("</pre>").next())
        .unwrap_or_else(|| panic!("the script ran: {dom}"));
    Some(
        said.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&"),
    )
}

/// Runs the suggested-rows job the state asks for, as the event loop's worker would, and feeds
/// the answer back.
pub fn finish_suggestions(app: &mut App) {
    if let Some(job) = app.suggest.take_job() {
        let (generation, pairs) = parallax::tui::suggest::run(&job);
        app.suggestions_ready(generation, pairs);
    }
}

/// A terminal where nothing is typed until `quit_at`, when Ctrl-C is. Meanwhile the loop waits, as
/// it does on a real terminal, and polls its watcher.
pub struct Idle {
    pub quit_at: Instant,
}

impl Host for Idle {
    fn read(&mut self) -> io::Result<Event> {
        std::thread::sleep(self.quit_at.saturating_duration_since(Instant::now()));
        // Ctrl-C quits in every modal, even one that types (where `q` is a letter).
        Ok(Event::Key(KeyEvent::new(
            KeyCode::Char('c'),
            KeyModifiers::CONTROL,
        )))
    }
    fn pending(&mut self) -> io::Result<bool> {
        Ok(Instant::now() >= self.quit_at)
    }
    fn suspend(&mut self) -> io::Result<()> {
        Ok(())
    }
    fn copy(&mut self, _: &str) -> io::Result<()> {
        Ok(())
    }
}

/// Runs the event loop while `change` runs on another thread (after the loop has started), and
/// until the changes had time to settle; returns once the loop quit.
pub fn run_while(app: &mut App, change: impl FnOnce() + Send + 'static) {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).expect("terminal");
    let changer = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        change();
    });
    let mut host = Idle {
        quit_at: Instant::now() + Duration::from_millis(1500),
    };
    event_loop(&mut terminal, app, &mut host).expect("the loop ends with q");
    changer.join().expect("the change was made");
}

/// The match fixture's side files without their points, alone in a temporary folder (no
/// manifest), as a first draft looks.
pub fn draft() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let from = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/match");
    for name in ["alpha.json", "beta.json"] {
        let text = std::fs::read_to_string(from.join(name)).unwrap();
        let text = text.replace("          \"point\": \"who-closed\",\n", "");
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// The screen on a folder as `parallax DIR` opens it: live (reloaded when its files change),
/// the dismissals kept beside them read; the opening's suggestions found.
pub fn open_folder(dir: &std::path::Path) -> App {
    let paths = vec![dir.to_path_buf()];
    let (ws, dispute) = parallax::edit::Workspace::open(&paths).expect("opens");
    let mut app = sized(App::new(dispute, 0, 1, Theme::plain()), 120, 40);
    app.suggest.files = Some(parallax::tui::state::live::Files::of(&ws));
    app.live.paths = paths;
    app.suggest
        .set_dismissed(parallax::edit::dismissed::Dismissed::read(dir).expect("reads"));
    finish_suggestions(&mut app);
    app
}

/// The suggested rows on screen, as pairs of claim ids.
pub fn suggested_pairs(app: &App) -> Vec<(String, String)> {
    let id = |at| {
        app.dispute
            .claim(at)
            .map(|c| c.id.to_string())
            .unwrap_or_default()
    };
    app.shown()
        .topics
        .iter()
        .flat_map(|t| &t.rows)
        .filter(|r| r.kind == parallax::compare::RowKind::Suggested)
        .filter_map(|r| Some((id(*r.left.first()?), id(*r.right.first()?))))
        .collect()
}

/// Selects the suggested row of `left`, in the comparison.
pub fn select_pair_of(app: &mut App, left: &str) {
    let at = app.dispute.find_claim(left).expect("the claim");
    let (topic, row, _) = app.locate(at).expect("on screen");
    app.reveal(topic, row, at);
    assert_eq!(
        app.current_row().map(|r| r.kind),
        Some(parallax::compare::RowKind::Suggested),
        "{left} is in a suggested row"
    );
}

/// Replaces `from` by `to` in a file, as an editor would save it: a new file renamed over it.
pub fn rewrite(path: &std::path::Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("readable");
    assert!(text.contains(from), "{from} is in {}", path.display());
    let tmp = path.with_extension("json.new");
    std::fs::write(&tmp, text.replace(from, to)).expect("written");
    std::fs::rename(&tmp, path).expect("renamed");
}

/// A copy of a fixture folder (`tests/fixtures/NAME`) as `dir/as_name`, to edit or to name as a
/// user would; returns its path.
pub fn copy_fixture(name: &str, dir: &std::path::Path, as_name: &str) -> PathBuf {
    let from = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let to = dir.join(as_name);
    std::fs::create_dir_all(&to).expect("a folder for the copy");
    for entry in std::fs::read_dir(&from).expect("the fixture folder") {
        let entry = entry.expect("an entry");
        if entry.file_type().expect("its type").is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copied");
        }
    }
    to
}

/// The path of a fixture folder (`tests/fixtures/NAME`).
pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Runs `parallax COMMAND FIXTURE ARGS…` on a fixture folder, as a user would type it; asserts
/// it succeeds and returns what it printed.
pub fn parallax_on(fixture: &str, command: &str, args: &[&str]) -> String {
    parallax_on_path(&fixture_path(fixture), command, args)
}

/// [`parallax_on`] on any folder.
pub fn parallax_on_path(dir: &std::path::Path, command: &str, args: &[&str]) -> String {
    let out = assert_cmd::Command::cargo_bin("parallax")
        .expect("the binary is built")
        .arg(command)
        .arg(dir)
        .args(args)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{command} {args:?}: {out:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// `Enter` in the accept dialog: asserts it asks the loop to write a point without a relation,
/// and returns the pair and the question.
pub fn enter_writes(app: &mut App) -> (String, String, String) {
    match keys(app, &[KeyCode::Enter]) {
        Outcome::Link {
            left,
            right,
            question,
            relation: None,
        } => (left, right, question),
        other => panic!("Enter asks the loop to write, without a relation: {other:?}"),
    }
}

/// The line of `out` holding `needle`, or an empty one.
pub fn line_with<'a>(out: &'a str, needle: &str) -> &'a str {
    out.lines().find(|l| l.contains(needle)).unwrap_or_default()
}

/// A dispute of the claims given, each `(party id, claim)` (a JSON object with its `id`, `text`
/// and any other field; it cites the source `s`), loaded: one side file per party (its name the
/// id in capitals), all claims in one topic `t`. The folder is kept with the dispute.
pub fn dispute_of(
    claims: &[(&str, serde_json::Value)],
) -> (tempfile::TempDir, parallax::format::Dispute) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut parties: Vec<&str> = claims.iter().map(|(p, _)| *p).collect();
    parties.dedup();
    for party in parties {
        let mine: Vec<serde_json::Value> = claims
            .iter()
            .filter(|(p, _)| *p == party)
            .map(|(_, c)| {
                let mut c = c.clone();
                if let Some(o) = c.as_object_mut() {
                    o.insert("sources".to_owned(), serde_json::json!(["s"]));
                }
                c
            })
            .collect();
        let side = serde_json::json!({
            "format": "parallax/1", "dispute": "d",
            "party": {"id": party, "name": party.to_uppercase()},
            "sources": [{"id": "s", "outlet": "O", "url": "https://example.org/"}],
            "topics": [{"id": "t", "title": "T", "claims": mine}]
        });
        std::fs::write(dir.path().join(format!("{party}.json")), side.to_string())
            .expect("written");
    }
    let loaded = load::load_paths(&[dir.path().to_path_buf()]);
    let dispute = loaded.dispute.expect("the dispute loads");
    (dir, dispute)
}

/// A folder of one side file per party (`id`, `name`), each with one source `s` and one topic
/// (`topic`: its id and title) holding one claim `{id}-1` with `text` and the extra fields of
/// `claim` (a JSON object: a speaker, a date).
pub fn one_claim_sides(
    topic: (&str, &str),
    parties: &[(&str, &str)],
    text: &str,
    claim: serde_json::Value,
) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (id, name) in parties {
        let mut c = serde_json::json!({"id": format!("{id}-1"), "text": text, "sources": ["s"]});
        if let (Some(c), Some(extra)) = (c.as_object_mut(), claim.as_object()) {
            c.extend(extra.clone());
        }
        let side = serde_json::json!({
            "format": "parallax/1", "dispute": "d",
            "party": {"id": id, "name": name},
            "sources": [{"id": "s", "outlet": "O", "url": "https://example.org/"}],
            "topics": [{"id": topic.0, "title": topic.1, "claims": [c]}]
        });
        std::fs::write(dir.path().join(format!("{id}.json")), side.to_string()).expect("written");
    }
    dir
}

/// Rewrites every claim of the side files in `dir` (every `*.json` with `topics` but the
/// manifest) with `f`.
pub fn each_claim(dir: &std::path::Path, f: impl Fn(&mut serde_json::Value)) {
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .expect("the folder")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json") && !p.ends_with("dispute.json"))
        .collect();
    files.sort();
    for path in files {
        let mut doc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("readable")).expect("JSON");
        let Some(topics) = doc["topics"].as_array_mut() else {
            continue;
        };
        for t in topics {
            for c in t["claims"].as_array_mut().into_iter().flatten() {
                f(c);
            }
        }
        std::fs::write(&path, doc.to_string()).expect("written");
    }
}
