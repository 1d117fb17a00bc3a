//! End to end: the real binary in a pseudo-terminal. It opens, navigates, survives resizes down
//! to a too-small window, quits cleanly, and shows hostile text as inert markers: the window title
//! and clipboard are untouched and the screen is neither cleared nor garbled. `e` exports a file;
//! `/` searches and Enter jumps to a hit.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);

fn nz(n: u16) -> std::num::NonZero<u16> {
    std::num::NonZero::new(n.max(1)).unwrap_or(std::num::NonZero::<u16>::MIN)
}

/// Records what the program asked of the terminal beyond drawing.
#[derive(Default)]
struct Seen {
    titles: Vec<Vec<u8>>,
    clipboard: Vec<Vec<u8>>,
}

impl vt100::Callbacks for Seen {
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.titles.push(name.to_vec());
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _: &[u8], data: &[u8]) {
        self.clipboard.push(data.to_vec());
    }
}

struct Session {
    master: Box<dyn portable_pty::MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser<Seen>,
    raw: Vec<u8>,
}

/// A test that fails mid-way must not leave the program running behind it.
impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

impl Session {
    fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        Session::start_with(args, &[], cols, rows)
    }

    /// As [`Session::start`], with these environment variables set.
    fn start_with(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Session {
        Session::spawn(args, env, env!("CARGO_MANIFEST_DIR").as_ref(), cols, rows)
    }

    /// As [`Session::start`], run in the folder `cwd`.
    fn start_in(cwd: &std::path::Path, args: &[&str], cols: u16, rows: u16) -> Session {
        Session::spawn(args, &[], cwd, cols, rows)
    }

    fn spawn(
        args: &[&str],
        env: &[(&str, &str)],
        cwd: &std::path::Path,
        cols: u16,
        rows: u16,
    ) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_parallax"));
        cmd.args(args);
        cmd.cwd(cwd);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        for (name, value) in env {
            cmd.env(name, value);
        }
        let child = pty.slave.spawn_command(cmd).expect("the binary starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        let (tx, output) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            master: pty.master,
            writer,
            child,
            output,
            parser: vt100::Parser::new_with_callbacks(nz(rows), nz(cols), 0, Seen::default()),
            raw: Vec::new(),
        }
    }

    fn pump(&mut self, wait: Duration) {
        if let Ok(bytes) = self.output.recv_timeout(wait) {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
        while let Ok(bytes) = self.output.try_recv() {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until the screen satisfies `ok`, or fails with the screen as it is.
    fn wait_for(&mut self, what: &str, ok: impl Fn(&str) -> bool) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            self.pump(Duration::from_millis(50));
            if ok(&self.screen()) {
                return;
            }
        }
        panic!(
            "timed out waiting for {what}; the screen:\n{}",
            self.screen()
        );
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
        self.parser.set_size(nz(rows), nz(cols));
    }

    /// Waits for the program to exit and returns its exit code.
    fn exit_code(&mut self) -> u32 {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            self.pump(Duration::from_millis(50));
            if let Ok(Some(status)) = self.child.try_wait() {
                self.pump(Duration::from_millis(100));
                return status.exit_code();
            }
        }
        let _ = self.child.kill();
        panic!("the program did not exit; the screen:\n{}", self.screen());
    }
}

#[test]
fn open_navigate_resize_and_quit() {
    let mut s = Session::start(&["tests/fixtures/tui/sample"], 100, 30);
    s.wait_for("the comparison", |t| {
        t.contains("Sharing the river") && t.contains("Who cut the flow first?")
    });
    assert!(
        s.parser.screen().alternate_screen(),
        "runs on the alternate screen"
    );
    assert_ne!(
        s.parser.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "captures the mouse by default"
    );
    s.send("j");
    s.wait_for("the one-sided topic", |t| {
        t.contains("▶ The border incident") && t.contains("Beta: does not address this topic")
    });
    s.send("\t\r");
    s.wait_for("the detail view", |t| {
        t.contains("Row in full") && t.contains("Alpha · a-border")
    });
    s.send("\x1b");
    s.wait_for("the comparison again", |t| !t.contains("Row in full"));
    s.send("?");
    s.wait_for("the help", |t| t.contains("swap the left and right sides"));
    s.send("?");
    s.resize(60, 16);
    s.wait_for("a narrower layout", |t| {
        t.contains("Topics")
            && !t.contains("swap the left")
            && t.lines().all(|l| l.chars().count() <= 60)
    });
    for (w, h) in [(40, 10), (70, 20), (30, 8)] {
        s.resize(w, h);
    }
    s.wait_for("the too-small message", |t| {
        t.contains("needs at least") && t.contains("Ctrl-C")
    });
    s.resize(100, 30);
    s.wait_for("the full screen back", |t| {
        t.contains("▶ The border incident")
    });
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert!(
        !s.parser.screen().alternate_screen(),
        "the terminal is restored"
    );
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_the_screen_returns_intact() {
    let mut s = Session::start(&["tests/fixtures/tui/sample"], 100, 30);
    s.wait_for("the comparison", |t| t.contains("Sharing the river"));
    s.send("j");
    s.wait_for("the second topic", |t| t.contains("▶ The border incident"));
    // In the test's pseudo-terminal the program's process group has no shell to stop it for,
    // so the kernel drops SIGTSTP at once: this exercises leaving and restoring the screen.
    let before = s.raw.len();
    s.send("\x1a");
    // The shell gets the screen and the cursor back, then the program takes them again.
    let left_and_came_back = |raw: &[u8]| {
        let text = String::from_utf8_lossy(raw);
        text.find("\x1b[?1049l").is_some_and(|i| {
            let after = &text[i..];
            after
                .find("\x1b[?25h")
                .is_some_and(|j| after[j..].contains("\x1b[?1049h"))
        })
    };
    let start = Instant::now();
    while !left_and_came_back(&s.raw[before..]) && start.elapsed() < TIMEOUT {
        s.pump(Duration::from_millis(50));
    }
    assert!(
        left_and_came_back(&s.raw[before..]),
        "the screen was not left and restored"
    );
    s.wait_for("the screen back", |t| {
        t.contains("▶ The border incident") && t.contains("Beta: does not address this topic")
    });
    assert!(s.parser.screen().alternate_screen());
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

#[test]
fn no_mouse_leaves_the_mouse_alone() {
    let mut s = Session::start(&["--no-mouse", "tests/fixtures/tui/sample"], 100, 30);
    s.wait_for("the comparison", |t| t.contains("Sharing the river"));
    assert_eq!(
        s.parser.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
    // The help says so, rather than that the wheel scrolls and a click selects.
    s.send("?");
    s.send("\x1b[F");
    s.wait_for("the help's mouse note", |t| {
        t.contains("Mouse: off (--no-mouse)")
    });
    s.send("\x03");
    assert_eq!(s.exit_code(), 0, "Ctrl-C quits");
}

#[test]
fn hostile_text_is_shown_as_markers() {
    let mut s = Session::start(&["tests/fixtures/tui/hostile"], 120, 40);
    // The escape sequences are inert; a string sequence's text stays in view.
    s.wait_for("the comparison", |t| {
        t.contains("Sets the title ␛]0;PWNED␇ here.")
    });
    // The warnings said on stderr before the screen opened are said in its footer too.
    s.wait_for("the warnings", |t| {
        t.contains("warning(s): `parallax validate tests/fixtures/tui/hostile` lists them")
    });
    s.send("\tG");
    // The whole frame, not the first rows of it to arrive.
    s.wait_for("the last row", |t| {
        t.contains("⟨U+202E⟩txet⟨U+202C⟩")
            && t.contains("日本語")
            && t.contains("Clears the screen")
    });
    let screen = s.screen();
    assert!(screen.contains("Copies ␛]52;c;aGVsbG8=␇"), "{screen}");
    assert!(
        screen.contains("Clears the screen ␛[2J␛[H now."),
        "{screen}"
    );
    assert!(
        screen.contains("hostile"),
        "the header is still drawn: {screen}"
    );
    assert!(
        screen.contains("Topics"),
        "the screen was not cleared: {screen}"
    );
    // Wide characters keep the separator in its column.
    let wide = screen
        .lines()
        .find(|l| l.contains("日本語"))
        .expect("the wide claim is on screen");
    let plain = screen
        .lines()
        .find(|l| l.contains("Clears the screen"))
        .expect("the clear claim");
    let col = |l: &str| {
        let before = l.split(" │ ").next().unwrap_or("");
        parallax::text::width(before)
    };
    assert_eq!(col(wide), col(plain), "\n{wide}\n{plain}");
    let seen = s.parser.callbacks();
    assert!(
        seen.titles.is_empty(),
        "the title was set: {:?}",
        seen.titles
    );
    assert!(seen.clipboard.is_empty(), "the clipboard was written");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

#[test]
fn e_exports_to_a_typed_folder_and_the_footer_says_where() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().display().to_string();
    let mut s = Session::start(&["tests/fixtures/tui/sample"], 110, 30);
    s.wait_for("the comparison", |t| t.contains("Sharing the river"));
    s.send("e");
    s.wait_for("the export dialog", |t| t.contains("river-water.md"));
    // Tab twice to the file, Home, then the folder in front of the offered name.
    s.send(&format!("\t\t\x1b[H{folder}/"));
    s.wait_for("the typed path", |t| t.contains("/river-water.md"));
    s.send("\r");
    s.wait_for("the footer", |t| t.contains("Exported Markdown to"));
    let text = std::fs::read_to_string(dir.path().join("river-water.md")).expect("written");
    assert!(text.contains("Sharing the river"), "{text}");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

#[test]
fn without_a_terminal_it_points_to_show() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("tests/fixtures/tui/sample")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("parallax show"));
}

/// The footer's `hit k/n`.
fn hit_in_footer(screen: &str) -> Option<(usize, usize)> {
    let footer = screen.lines().last()?;
    let (_, rest) = footer.split_once("hit ")?;
    let (k, rest) = rest.split_once('/')?;
    let n: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((k.parse().ok()?, n.parse().ok()?))
}

#[test]
fn slash_searches_the_bundled_dispute_and_enter_jumps_to_the_hit() {
    let mut s = Session::start(&[], 160, 45);
    s.wait_for("the comparison", |t| t.contains("Topics"));
    // In the topic list `/` finds a topic; in the comparison it searches the claims.
    s.send("\t");
    s.send("/");
    s.wait_for("the search line", |t| t.contains("Type to search claims"));
    s.send("ceasefire");
    s.wait_for("the ranked hits", |t| {
        t.contains("/ ceasefire")
            && t.contains(" claims")
            && t.contains("best first")
            && t.contains("▶ ")
    });
    s.send("\r");
    s.wait_for("the comparison at the hit", |t| {
        !t.contains("┌ Search") && t.contains("search: ceasefire") && hit_in_footer(t).is_some()
    });
    let at = s.screen();
    assert!(at.to_lowercase().contains("ceasefire"), "{at}");
    let Some((hit, hits)) = hit_in_footer(&at) else {
        panic!("no hit k/n in the footer:\n{at}");
    };
    s.send("n");
    let next = format!("hit {}/{hits}", hit % hits + 1);
    s.wait_for(&next, |t| t.contains(&next));
    s.send("\x1b");
    s.wait_for("the search cleared", |t| !t.contains("search: ceasefire"));
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

/// The help opened with F1 from a line one types in (the search line, the as-of bar) hides the
/// terminal's cursor, and closing it shows the cursor on the line again: it blinked inside the
/// help's text, where nothing can be typed.
#[test]
fn the_help_over_a_typing_line_hides_the_cursor() {
    let mut s = Session::start(&[], 80, 24);
    s.wait_for("the comparison", |t| t.contains("Topics"));
    let cursor_shown = |s: &mut Session, shown: bool| {
        let start = Instant::now();
        while s.parser.screen().hide_cursor() == shown && start.elapsed() < TIMEOUT {
            s.pump(Duration::from_millis(50));
        }
        s.parser.screen().hide_cursor() != shown
    };
    for (open, line) in [("t", "As of"), ("\t/", "Search")] {
        s.send(open);
        s.wait_for(line, |t| t.contains(&format!("┌ {line}")));
        assert!(cursor_shown(&mut s, true), "{}", s.screen());
        s.send("\x1bOP");
        s.wait_for("the help", |t| t.contains("┌ Keys"));
        assert!(cursor_shown(&mut s, false), "{}", s.screen());
        s.send("\x1bOP");
        s.wait_for(line, |t| {
            !t.contains("┌ Keys") && t.contains(&format!("┌ {line}"))
        });
        assert!(cursor_shown(&mut s, true), "{}", s.screen());
        s.send("\x1b");
        s.wait_for("the comparison", |t| !t.contains(&format!("┌ {line}")));
    }
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

/// `show` and `topics` on a terminal narrower than their narrowest layout say why their lines
/// wrap (they wrapped unexplained); with `--width` given, nothing is said.
#[test]
fn show_on_a_narrow_terminal_says_why_its_lines_wrap() {
    // A small dispute, so what is printed fits the window and the note stays in sight.
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tui/sample");
    for command in ["show", "topics"] {
        let mut s = Session::start(&[command, sample], 30, 200);
        let said = |t: &str| t.replace('\n', "");
        s.wait_for("the note", |t| {
            said(t).contains("the terminal is 30 columns wide, and the layout takes 40 at least")
        });
        assert_eq!(s.exit_code(), 0);
        let mut s = Session::start(&[command, sample, "--width", "40"], 30, 200);
        assert_eq!(s.exit_code(), 0);
        s.pump(Duration::from_millis(200));
        assert!(
            !said(&s.screen()).contains("the terminal is"),
            "{}",
            s.screen()
        );
    }
}

#[test]
fn ending_signals_restore_the_terminal_before_the_program_ends() {
    for (signal, code) in [("TERM", 143), ("HUP", 129), ("INT", 130), ("QUIT", 131)] {
        let mut s = Session::start(&["tests/fixtures/tui/sample"], 100, 30);
        s.wait_for("the comparison", |t| t.contains("Sharing the river"));
        assert!(s.parser.screen().alternate_screen());
        let before = s.raw.len();
        let pid = s.child.process_id().expect("a pid");
        let killed = std::process::Command::new("kill")
            .args([format!("-{signal}"), pid.to_string()])
            .status()
            .expect("kill runs");
        assert!(killed.success());
        assert_eq!(
            s.exit_code(),
            code,
            "SIG{signal}: the shell's code for the signal"
        );
        let after = String::from_utf8_lossy(&s.raw[before..]).into_owned();
        for (what, seq) in [
            ("the alternate screen left", "\x1b[?1049l"),
            ("the cursor shown", "\x1b[?25h"),
            ("the mouse released", "\x1b[?1000l"),
        ] {
            assert!(after.contains(seq), "SIG{signal}: not {what}: {after:?}");
        }
        assert!(!s.parser.screen().alternate_screen());
        assert_eq!(
            s.parser.screen().mouse_protocol_mode(),
            vt100::MouseProtocolMode::None
        );
    }
}

#[test]
fn y_copies_the_selected_claim_with_osc52_and_the_footer_confirms() {
    use base64::Engine;
    let mut s = Session::start(&["tests/fixtures/tui/sample"], 120, 40);
    s.wait_for("the comparison", |t| t.contains("Sharing the river"));
    s.send("\ty");
    s.wait_for("the footer's confirmation", |t| t.contains("Sent Alpha L1"));
    let copied = s.parser.callbacks().clipboard.clone();
    assert_eq!(copied.len(), 1, "one OSC 52 sequence");
    let text = base64::engine::general_purpose::STANDARD
        .decode(&copied[0])
        .expect("base64");
    let text = String::from_utf8(text).expect("UTF-8");
    assert!(
        text.contains("Beta closed the upstream gates on 1 March"),
        "{text}"
    );
    assert!(text.contains("Alpha") && text.contains("a-cut"), "{text}");
    s.send("Y");
    s.wait_for("the id copied", |t| t.contains("Sent the id a-cut"));
    let ids = s.parser.callbacks().clipboard.clone();
    let id = base64::engine::general_purpose::STANDARD
        .decode(ids.last().expect("a second copy"))
        .expect("base64");
    assert_eq!(id, b"a-cut");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

#[test]
fn o_without_a_browser_says_why_first_and_copies_the_address() {
    use base64::Engine;
    // No opener on the PATH, as on a server: at 80 columns the footer still shows why.
    let empty = tempfile::tempdir().expect("a temporary folder");
    let path = empty.path().to_string_lossy().into_owned();
    let mut s = Session::start_with(
        &["tests/fixtures/tui/sample"],
        &[("PATH", path.as_str())],
        80,
        24,
    );
    s.wait_for("the comparison", |t| t.contains("Sharing the river"));
    s.send("\to");
    s.wait_for("the footer's reason", |t| t.contains("No browser opened ("));
    let copied = s.parser.callbacks().clipboard.clone();
    let url = base64::engine::general_purpose::STANDARD
        .decode(copied.last().expect("the address copied"))
        .expect("base64");
    let url = String::from_utf8(url).expect("UTF-8");
    assert!(url.starts_with("https://"), "{url}");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

#[test]
fn a_closing_bracket_crosses_a_tall_row_at_once() {
    let mut s = Session::start(&[], 60, 16);
    s.wait_for("the comparison", |t| t.contains("▶ 1."));
    s.send("\tjjj");
    s.wait_for("still on the first row, scrolled", |t| {
        t.lines().last().is_some_and(|l| l.contains("row 1/"))
    });
    s.send("]");
    s.wait_for("the second row selected", |t| t.contains("▶ 2."));
    let footer = s.screen().lines().last().unwrap_or("").to_owned();
    assert!(footer.contains("row 2/"), "{footer}");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

/// Copies the sample dispute (`tests/fixtures/tui/sample`) into `dir`, to edit or name file by
/// file.
fn copy_sample(dir: &std::path::Path) {
    for file in ["alpha.json", "beta.json", "gamma.json", "dispute.json"] {
        std::fs::copy(format!("tests/fixtures/tui/sample/{file}"), dir.join(file)).expect("copied");
    }
}

/// A big dispute takes seconds to load: while it does, the terminal says what is being read
/// (not a blank, still screen), and the line is gone once the screen is up and after it quits.
#[test]
fn a_big_dispute_says_it_is_being_read_until_the_screen_comes() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    copy_sample(dir.path());
    let alpha = dir.path().join("alpha.json");
    let text = std::fs::read_to_string(&alpha).expect("readable");
    let long = format!(
        "Beta's soldiers crossed the border {}",
        "again ".repeat(6_000_000)
    );
    std::fs::write(
        &alpha,
        text.replacen("Beta's soldiers crossed the border", &long, 1),
    )
    .expect("written");
    let folder = dir.path().display().to_string();
    let mut s = Session::start(&[&folder], 100, 30);
    s.wait_for("the comparison", |t| t.contains("Sharing the river"));
    let said = String::from_utf8_lossy(&s.raw).into_owned();
    let reading = said
        .find("parallax: reading 37 MB of side files…")
        .unwrap_or_else(|| panic!("no notice in {:?}", said.get(..300)));
    let screen_up = said.find("\x1b[?1049h").expect("the alternate screen");
    assert!(reading < screen_up, "said before the screen came");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert!(!s.screen().contains("reading"), "{}", s.screen());
}

/// A copy of the sample dispute with an "editor" script beside it, whose body (after `#!/bin/sh`)
/// is `body(seen)`, `seen` being a file it may note things in; the screen opened on the copy
/// with `VISUAL` naming the script (as `name`), on the second row of the first topic, where `E`
/// asks for the editor. Returns the folder, the session and `seen`.
fn with_editor(
    name: &str,
    body: impl Fn(&str) -> String,
) -> (tempfile::TempDir, Session, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    copy_sample(dir.path());
    let editor = dir.path().join(name);
    let seen = dir.path().join("seen");
    std::fs::write(
        &editor,
        format!("#!/bin/sh\n{}", body(&seen.display().to_string())),
    )
    .expect("written");
    let mut perms = std::fs::metadata(&editor).expect("metadata").permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
    std::fs::set_permissions(&editor, perms).expect("executable");
    let folder = dir.path().display().to_string();
    let editor = editor.display().to_string();
    let mut s = Session::start_with(&[&folder], &[("VISUAL", &editor)], 100, 30);
    s.wait_for("the comparison", |t| t.contains("Who cut the flow first?"));
    s.send("lj");
    s.wait_for("the second row", |t| t.contains("row 2/3"));
    (dir, s, seen)
}

#[test]
fn e_hands_the_terminal_to_the_editor_at_the_claims_line_and_reloads_on_return() {
    // The "editor", named vi so it is given the line: notes its arguments and whether it had
    // the terminal in its normal mode, then edits.
    let (dir, mut s, seen) = with_editor("vi", |seen| {
        format!(
            "echo \"$@\" > '{seen}'\nstty -a | grep -o ' icanon' >> '{seen}'\nsed -i 's/until 2030/until 2077/' \"$2\"\n"
        )
    });
    let folder = dir.path().display().to_string();
    s.send("E");
    s.wait_for("the reloaded claim", |t| {
        t.contains("until 2077") && t.contains("Reloaded")
    });
    assert!(s.parser.screen().alternate_screen(), "the screen is back");
    let seen = std::fs::read_to_string(&seen).expect("the editor ran");
    assert!(
        seen.starts_with(&format!("+20 {folder}/alpha.json")),
        "{seen}"
    );
    assert!(
        seen.contains(" icanon"),
        "the editor had the terminal in its normal mode: {seen}"
    );
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

/// An editor that leaves the terminal's modes set (killed mid-way, or careless): colours, autowrap
/// off, application cursor keys and keypad. The screen takes the terminal back reset: the
/// comparison is not drawn on the editor's blue, and the shell gets autowrap and its keys back.
#[test]
fn the_modes_an_editor_leaves_set_are_reset_when_it_ends() {
    let (_dir, mut s, _) = with_editor("vi", |_| {
        "printf '\\033[?1049h\\033[31;44m\\033[?7l\\033[?1h\\033='\nsed -i 's/until 2030/until 2077/' \"$2\"\n"
            .to_owned()
    });
    s.send("E");
    s.wait_for("the screen again", |t| t.contains("until 2077"));
    s.pump(Duration::from_millis(300));
    let screen = s.parser.screen();
    assert!(screen.alternate_screen(), "the screen is back");
    assert_eq!(screen.bgcolor(), vt100::Color::Default, "no blue left set");
    assert!(
        !screen.application_cursor(),
        "cursor keys as the shell has them"
    );
    assert!(
        !screen.application_keypad(),
        "the keypad as the shell has it"
    );
    // No cell of the comparison is drawn on the editor's blue.
    let (rows, cols) = screen.size();
    let (rows, cols) = (u16::from(rows), u16::from(cols));
    let blue = (0..rows)
        .flat_map(|r| (0..cols).map(move |c| (r, c)))
        .filter(|&(r, c)| {
            screen
                .cell(r, c)
                .is_some_and(|cell| cell.bgcolor() == vt100::Color::Idx(4))
        })
        .count();
    assert_eq!(blue, 0, "{}", s.screen());
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    // Autowrap is back on: a long line wraps rather than overwriting the last column.
    let mut after = vt100::Parser::new(nz(5), nz(10), 0);
    after.process(&s.raw);
    after.process(b"\x1b[2J\x1b[H0123456789ABC");
    assert!(
        after.screen().contents().contains("ABC"),
        "{}",
        after.screen().contents()
    );
}

/// After `E`, the shell's prompt comes back where it was, below what the shell had printed:
/// the modes reset on the shell's screen moved its cursor home (the scrolling region and origin
/// mode do), and the prompt was drawn over the top of the window.
#[test]
fn after_the_editor_the_shells_cursor_stays_where_it_was() {
    let (_dir, mut s, _) = with_editor("vi", |_| {
        "sed -i 's/until 2030/until 2077/' \"$2\"\n".to_owned()
    });
    s.send("E");
    s.wait_for("the screen again", |t| t.contains("until 2077"));
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    // The shell's screen as the user's terminal shows it: five lines the shell printed, then
    // all the program wrote.
    let mut shell = vt100::Parser::new(nz(30), nz(100), 0);
    shell.process(b"1\r\n2\r\n3\r\n4\r\n5\r\n");
    shell.process(&s.raw);
    assert!(!shell.screen().alternate_screen());
    assert_eq!(
        shell.screen().cursor_position(),
        (5, 0),
        "{:?}",
        String::from_utf8_lossy(&s.raw)
    );
}

/// Side files given from two folders (as the README says to read files outside one folder):
/// `E` opens the claim's file and the screen reloads, as in a dispute folder. It said "The
/// bundled dispute is built into the program" and nothing was watched.
#[test]
fn side_files_from_two_folders_open_in_the_editor_and_reload() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (one, two) = (dir.path().join("one"), dir.path().join("two"));
    for (folder, file) in [(&one, "alpha.json"), (&two, "beta.json")] {
        std::fs::create_dir(folder).expect("a folder");
        std::fs::copy(
            format!("tests/fixtures/tui/sample/{file}"),
            folder.join(file),
        )
        .expect("copied");
    }
    let seen = dir.path().join("seen");
    let editor = dir.path().join("vi");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\necho \"$@\" > '{}'\nsed -i 's/until 2030/until 2077/' \"$2\"\n",
            seen.display()
        ),
    )
    .expect("written");
    let mut perms = std::fs::metadata(&editor).expect("metadata").permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
    std::fs::set_permissions(&editor, perms).expect("executable");
    let alpha = one.join("alpha.json").display().to_string();
    let beta = two.join("beta.json").display().to_string();
    let editor = editor.display().to_string();
    let mut s = Session::start_with(&[&alpha, &beta], &[("VISUAL", &editor)], 100, 30);
    s.wait_for("the comparison", |t| t.contains("Point: treaty"));
    s.send("lj");
    s.wait_for("the second row", |t| t.contains("row 2/"));
    s.send("E");
    s.wait_for("the reloaded claim", |t| {
        t.contains("until 2077") && t.contains("Reloaded")
    });
    let seen = std::fs::read_to_string(&seen).expect("the editor ran");
    assert!(seen.starts_with(&format!("+20 {alpha}")), "{seen}");
    // A change made outside the screen is seen too.
    let text = std::fs::read_to_string(&beta).expect("readable");
    std::fs::write(
        &beta,
        text.replacen("Alpha's false alarm", "Alpha's big alarm", 1),
    )
    .expect("written");
    s.wait_for("the second reload", |t| t.contains("Alpha's big alarm"));
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

/// While the editor has the terminal, Ctrl-C is the editor's (the program goes on), and SIGTERM
/// reaches the editor too: the program waits for it to end, then gives the terminal back and
/// ends with the signal's code. Ending first left the editor running on the shell's terminal.
#[test]
fn an_ending_signal_while_the_editor_runs_ends_the_editor_first() {
    // An "editor" that puts the terminal in its raw mode, runs until it is told to end, notes
    // what it was told, and ends without putting the terminal back (as vim killed does).
    let (_dir, mut s, seen) = with_editor("ed", |seen| {
        format!(
            "trap 'echo TERM >> \"{seen}\"; exit 0' TERM\nstty raw -echo\necho started > \"{seen}\"\nwhile :; do sleep 0.05; done\n"
        )
    });
    s.send("E");
    let read = || std::fs::read_to_string(&seen).unwrap_or_default();
    let start = Instant::now();
    while !read().contains("started") && start.elapsed() < TIMEOUT {
        s.pump(Duration::from_millis(50));
    }
    assert!(read().contains("started"), "the editor runs");
    let pid = s.child.process_id().expect("a pid").to_string();
    let kill = |signal: &str| {
        std::process::Command::new("kill")
            .args([signal, &pid])
            .status()
            .expect("kill runs")
            .success()
    };
    assert!(kill("-INT"));
    // Longer than the program gives its own loop to end on a signal.
    let start = Instant::now();
    while start.elapsed() < Duration::from_millis(1500) {
        s.pump(Duration::from_millis(50));
    }
    assert!(
        matches!(s.child.try_wait(), Ok(None)),
        "Ctrl-C is the editor's: the program goes on"
    );
    assert!(!read().contains("TERM"), "and the editor was not ended");
    assert!(kill("-TERM"));
    assert_eq!(s.exit_code(), 143, "SIGTERM's code");
    assert_eq!(
        read(),
        "started\nTERM\n",
        "the editor was told to end before the program ended"
    );
    assert!(
        !s.parser.screen().alternate_screen(),
        "the terminal is given back"
    );
    // In the shell's modes, not the editor's raw ones: lines and echo as before.
    let modes = format!("{:?}", s.master.get_termios());
    let has = |flag: &str| {
        modes
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| w == flag)
    };
    assert!(has("ICANON") && has("ECHO"), "{modes}");
}

/// Presses `E`, waits until the editor has written its pid (the first line of `seen`), sends
/// the program SIGTERM and waits for it to end; the editor's pid.
fn terminate_while_editing(s: &mut Session, seen: &std::path::Path) -> String {
    s.send("E");
    let read = || std::fs::read_to_string(seen).unwrap_or_default();
    let start = Instant::now();
    while read().trim().is_empty() && start.elapsed() < TIMEOUT {
        s.pump(Duration::from_millis(50));
    }
    let editor = read().lines().next().unwrap_or_default().trim().to_owned();
    assert!(!editor.is_empty(), "the editor runs");
    let pid = s.child.process_id().expect("a pid").to_string();
    assert!(
        std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .expect("kill runs")
            .success()
    );
    assert_eq!(s.exit_code(), 143, "SIGTERM's code");
    editor
}

/// True while process `pid` is there.
fn alive(pid: &str) -> bool {
    std::process::Command::new("kill")
        .args(["-0", pid])
        .status()
        .expect("kill runs")
        .success()
}

/// An editor deaf to SIGTERM is not left behind: after its grace the program ends it, then
/// gives the terminal back and ends with the signal's code.
#[test]
fn an_editor_that_ignores_sigterm_is_ended_and_not_left_behind() {
    let (_dir, mut s, seen) = with_editor("ed", |seen| {
        format!("trap '' TERM\necho $$ > \"{seen}\"\nwhile :; do sleep 0.05; done\n")
    });
    let editor = terminate_while_editing(&mut s, &seen);
    assert!(!alive(&editor), "the editor {editor} was ended");
}

/// An editor started through a wrapper (Debian's sensible-editor, a script that runs it) is
/// the wrapper's child: SIGTERM reaches it too, so it is not left running on the shell's
/// terminal once the wrapper and the program have ended; and the program waits for it as for
/// the wrapper (this editor takes a while to save), or its end cut the saving short.
#[test]
fn an_ending_signal_reaches_an_editor_a_wrapper_started() {
    let (_dir, mut s, seen) = with_editor("ed", |seen| {
        format!(
            "printf '%s\\n' 'trap \"sleep 0.4; echo TERM >> $1; exit 0\" TERM' 'echo $$ > $1' 'while :; do sleep 0.05; done' > \"{seen}.inner\"\nsh \"{seen}.inner\" \"{seen}\"\necho after >> \"{seen}\"\n"
        )
    });
    let editor = terminate_while_editing(&mut s, &seen);
    let read = || std::fs::read_to_string(&seen).unwrap_or_default();
    let start = Instant::now();
    while alive(&editor) && start.elapsed() < Duration::from_secs(3) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        !alive(&editor),
        "the wrapped editor {editor} was ended: {:?}",
        read()
    );
    assert!(read().contains("TERM"), "it was told to end: {:?}", read());
}

/// A terminal without bracketed paste sends a paste as keys, more than one read of them: every
/// key arrives without another key pressed (the rest of a read over 1 KiB waited for one).
#[test]
fn keys_of_a_long_paste_without_brackets_all_arrive() {
    let mut s = Session::start(&[], 120, 30);
    s.wait_for("the comparison", |t| t.contains("Topics"));
    s.send("/");
    s.wait_for("the search line", |t| t.contains("Esc  cancel"));
    let words: Vec<String> = (0..600).map(|i| format!("w{i}")).collect();
    let typed = words.join(" ");
    assert!(typed.len() > 2048, "more than two reads of 1 KiB");
    s.send(&typed);
    s.wait_for("the last word typed", |t| t.contains("w598 w599"));
}

/// A paste is text, never keys: pasted into the search line, its Enter and `q` are typed as
/// text (the screen neither jumps nor quits); pasted where nothing takes text, it is left out
/// and the footer says so. The terminal is asked for bracketed paste, and given it back.
#[test]
fn a_paste_types_text_and_never_acts_as_keys() {
    let mut s = Session::start(&[], 160, 45);
    s.wait_for("the comparison", |t| t.contains("Topics"));
    assert!(
        s.raw.windows(8).any(|w| w == b"\x1b[?2004h"),
        "bracketed paste is asked for"
    );
    s.send("\t");
    s.send("\x1b[200~quit now\x1b[201~");
    s.wait_for("the footer on a paste with no field", |t| {
        t.contains("the paste was left out")
    });
    s.send("/");
    s.wait_for("the search line", |t| t.contains("Type to search claims"));
    s.send("\x1b[200~ceasefire\rq uit\x1b[201~");
    s.wait_for("the pasted text in the line", |t| {
        t.contains("/ ceasefire q uit")
    });
    // One key at a time: an Esc arriving with the next key is read as Alt and that key.
    s.send("\x1b");
    s.wait_for("the search line closed", |t| !t.contains("┌ Search"));
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert!(
        s.raw.windows(8).any(|w| w == b"\x1b[?2004l"),
        "bracketed paste is given back"
    );
}

/// A dispute whose sides have points opens with its suggestions hidden: the footer says that `m`
/// shows them, and `m` does. The hint takes the footer's keys' place on the first screen, so at
/// 80 columns it names help and quit too (a new user's first screen said neither).
#[test]
fn opening_with_suggestions_hidden_says_m_shows_them() {
    let mut s = Session::start(&[], 80, 24);
    s.wait_for("the hint", |t| {
        t.contains("m shows suggested matches for claims nobody linked; ? help, q quit.")
    });
    s.send("\t");
    s.send("m");
    // At 80 columns the header counts them as `1 ≈`.
    s.wait_for("the suggested rows counted", |t| t.contains(" ≈,"));
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

/// While another parallax writes in the folder, a dismissal on the screen is refused at once,
/// saying why (the screen stood still for up to 30 s, its keys queued behind the wait, Ctrl-C
/// too); pressed again once the other has written, it goes through. Keys go on working between.
#[test]
fn a_write_while_another_writer_writes_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/match");
    for name in ["alpha.json", "beta.json"] {
        let text = std::fs::read_to_string(from.join(name)).expect("fixture");
        let text = text.replace("          \"point\": \"who-closed\",\n", "");
        std::fs::write(dir.path().join(name), text).expect("written");
    }
    // Another parallax writing: it holds the folder's lock.
    let held = std::fs::File::open(dir.path()).expect("the folder");
    held.lock().expect("the folder's lock");
    let folder = dir.path().to_str().expect("a UTF-8 path");
    let mut s = Session::start(&[folder], 120, 40);
    s.wait_for("the suggested rows", |t| t.contains("≈ suggested"));
    s.send("\t");
    s.send("x");
    s.wait_for("the refusal said", |t| {
        t.contains("Nothing was written: another parallax is writing in")
            && t.contains("right now; try again in a moment")
    });
    assert!(!dir.path().join(".parallax-dismissed.json").exists());
    // The screen answers keys at once: the selection moves down and back.
    s.send("j");
    s.wait_for("the next row", |t| t.contains("row 2/"));
    s.send("k");
    s.wait_for("the row before", |t| t.contains("row 1/"));
    drop(held);
    s.send("x");
    s.wait_for("the dismissal written", |t| {
        t.contains("Dismissed; kept in")
    });
    assert!(
        dir.path().join(".parallax-dismissed.json").exists(),
        "written once the lock was free"
    );
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

/// Side files named one by one beside a manifest (one an accepted suggestion wrote, say) are
/// read without it: the screen says so at once, with the command that reads the folder, rather
/// than show points by their ids as if the questions were lost.
#[test]
fn side_files_named_beside_a_manifest_say_it_is_not_read() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    copy_sample(dir.path());
    let alpha = dir.path().join("alpha.json").display().to_string();
    let beta = dir.path().join("beta.json").display().to_string();
    let mut s = Session::start(&[&alpha, &beta], 200, 40);
    s.wait_for("the note", |t| {
        t.contains("dispute.json is not read when side files are named one by one")
    });
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    // The folder itself: nothing to say.
    let folder = dir.path().display().to_string();
    let mut s = Session::start(&[&folder], 200, 40);
    s.wait_for("the comparison", |t| t.contains("Who cut the flow first?"));
    assert!(!s.screen().contains("is not read"), "{}", s.screen());
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

/// `parallax` with no path, in a folder that holds a dispute of its own: the bundled dispute
/// opens, as always, and the footer says so and how to open the folder's (a path forgotten read
/// as the bundled dispute, with nothing said).
#[test]
fn no_path_in_a_dispute_folder_says_the_bundled_dispute_is_shown() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui/sample");
    for name in ["dispute.json", "alpha.json", "beta.json"] {
        std::fs::copy(from.join(name), dir.path().join(name)).expect("copied");
    }
    let mut s = Session::start_in(dir.path(), &[], 200, 30);
    s.wait_for("the note", |t| {
        t.contains("India and Pakistan")
            && t.contains("not the one in this folder (dispute.json): quit and run `parallax .`")
    });
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}
