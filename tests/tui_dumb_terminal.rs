//! `TERM=dumb` (Emacs's shell, a CI log): the screen does not open and write escape sequences
//! there, but says why and what to use instead.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::Read;
use std::sync::mpsc;
use std::time::Duration;

/// On a terminal whose TERM is dumb (Emacs's `M-x shell` gives a pseudo-terminal so), the
/// screen refuses to start, naming TERM=dumb, `parallax show` and how to override it, and
/// writes no escape sequence; it started and drew the screen as garbage.
#[test]
fn the_screen_refuses_a_dumb_terminal_and_points_to_show() {
    let config = tempfile::tempdir().unwrap();
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_parallax"));
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd.env("TERM", "dumb");
    cmd.env("XDG_CONFIG_HOME", config.path());
    cmd.env_remove("PARALLAX_CONFIG");
    let mut child = pty.slave.spawn_command(cmd).expect("the binary starts");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let (sent, got) = mpsc::channel();
    std::thread::spawn(move || {
        let mut output = Vec::new();
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            output.extend_from_slice(&buf[..n]);
            let _ = sent.send(output.clone());
        }
    });
    // Wait for the program to end; the screen, once open, never does by itself.
    let mut status = None;
    for _ in 0..200 {
        if let Ok(Some(s)) = child.try_wait() {
            status = Some(s);
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    if status.is_none() {
        let _ = child.kill();
        let _ = child.wait();
    }
    let mut output = Vec::new();
    while let Ok(more) = got.recv_timeout(Duration::from_millis(500)) {
        output = more;
    }
    let text = String::from_utf8_lossy(&output);
    let status = status.unwrap_or_else(|| panic!("the screen opened on TERM=dumb: {text:?}"));
    assert_eq!(status.exit_code(), 2, "{text:?}");
    assert!(
        text.contains("TERM=dumb") && text.contains("parallax show") && text.contains("set TERM"),
        "{text:?}"
    );
    assert!(!output.contains(&0x1b), "no escape sequence: {text:?}");
}

/// Without a terminal at all (a pipe), TERM=dumb or not, the message is the one that says a
/// terminal is needed: setting TERM would not help there.
#[test]
fn without_a_terminal_the_message_says_a_terminal_is_needed() {
    let config = tempfile::tempdir().unwrap();
    assert_cmd::Command::cargo_bin("parallax")
        .unwrap()
        .env("TERM", "dumb")
        .env("XDG_CONFIG_HOME", config.path())
        .env_remove("PARALLAX_CONFIG")
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "needs a terminal; to print the comparison",
        ));
}
