//! The terminal hangs up while the screen is open (its window is closed): the program ends, rather
//! than staying behind and spinning on the dead terminal.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::Read;
use std::sync::mpsc;
use std::time::{Duration, Instant};

#[test]
fn closing_the_terminal_window_ends_the_program() {
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
    cmd.env("TERM", "xterm-256color");
    let mut child = pty.slave.spawn_command(cmd).expect("the binary starts");
    drop(pty.slave);

    // Read until the bundled dispute is on the screen, then let go of the reader: the terminal
    // hangs up only once every handle on its master side is closed.
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let (drawn, seen) = mpsc::channel();
    std::thread::spawn(move || {
        let mut output = Vec::new();
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            output.extend_from_slice(&buf[..n]);
            if String::from_utf8_lossy(&output).contains("India") {
                let _ = drawn.send(());
                return;
            }
        }
    });
    let opened = seen.recv_timeout(Duration::from_secs(20)).is_ok();
    if !opened {
        let _ = child.kill();
    }
    assert!(opened, "the screen never showed the bundled dispute");

    drop(pty.master);
    let start = Instant::now();
    let mut ended = None;
    while start.elapsed() < Duration::from_secs(10) {
        if let Ok(Some(status)) = child.try_wait() {
            ended = Some(status);
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    if ended.is_none() {
        let _ = child.kill();
        let _ = child.wait();
    }
    let status = ended.expect("the program still runs 10 s after its terminal hung up");
    assert!(
        !status.success(),
        "a hang-up is not a clean quit: {status:?}"
    );
}
