//! Exports that are safe on any path: only regular files or new paths are written, an
//! interrupted export leaves no temporary file, a full standard output says so, and a url
//! holding hidden characters is warned about and reaches no export raw.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/export/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn parallax() -> Command {
    Command::cargo_bin("parallax").unwrap()
}

/// The export's temporary files in `dir`.
fn leftovers(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(".parallax-export-"))
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn force_through_a_symbolic_link_replaces_its_file_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.md");
    let link = dir.path().join("latest.md");
    std::fs::write(&target, "old\n").unwrap();
    std::os::unix::fs::symlink(&target, &link).unwrap();
    parallax()
        .args(["export", &fixture("normal"), "-f", "md", "--force", "-o"])
        .arg(&link)
        .assert()
        .success();
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.starts_with('#'), "{written}");
    assert!(leftovers(dir.path()).is_empty());
}

/// A symbolic link whose file is not there yet is no file that exists: the export creates the
/// file it names and the link stays (it was refused as existing, and `--force` replaced the
/// link with a file); a missing folder on its way is the one named.
#[cfg(unix)]
#[test]
fn a_link_to_a_file_not_there_yet_creates_that_file() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("latest.md");
    std::os::unix::fs::symlink("reports/may.md", &link).unwrap();
    let export = || {
        let mut command = parallax();
        command
            .args(["export", &fixture("normal"), "-f", "md", "-o"])
            .arg(&link);
        command
    };
    export().assert().code(1).stderr(
        predicate::str::contains("reports").and(predicate::str::contains("does not exist")),
    );
    std::fs::create_dir(dir.path().join("reports")).unwrap();
    export().assert().success();
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    let written = std::fs::read_to_string(dir.path().join("reports/may.md")).unwrap();
    assert!(written.starts_with('#'), "{written}");
    assert!(leftovers(&dir.path().join("reports")).is_empty());
}

/// A file replaced keeps its mode whatever the umask: a group-writable file of a shared folder
/// stayed writable by its owner alone after one export.
/// A file replaced keeps its extended attributes: its access control list (the write access
/// `setfacl` gave a colleague, lost after one write) and a user attribute. Skipped, and said,
/// where the file system keeps no such attributes.
#[cfg(target_os = "linux")]
#[test]
fn a_replaced_file_keeps_its_access_control_list_and_attributes() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("shared.md");
    std::fs::write(&target, "old\n").unwrap();
    // user::rw- user:65534:rw- group::r-- mask::rw- other::r--, as the kernel stores it.
    let entries: [(u16, u16, u32); 5] = [
        (0x01, 6, u32::MAX),
        (0x02, 6, 65534),
        (0x04, 4, u32::MAX),
        (0x10, 6, u32::MAX),
        (0x20, 4, u32::MAX),
    ];
    let mut acl = 2u32.to_le_bytes().to_vec();
    for (tag, perm, id) in entries {
        acl.extend(tag.to_le_bytes());
        acl.extend(perm.to_le_bytes());
        acl.extend(id.to_le_bytes());
    }
    let set = xattr::set(&target, "system.posix_acl_access", &acl)
        .and_then(|()| xattr::set(&target, "user.team", b"river"));
    if let Err(e) = set {
        eprintln!("skipped: this file system keeps no extended attributes ({e})");
        return;
    }
    parallax()
        .args(["export", &fixture("normal"), "-f", "md", "--force", "-o"])
        .arg(&target)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&target).unwrap().starts_with('#'));
    assert_eq!(
        xattr::get(&target, "system.posix_acl_access").unwrap(),
        Some(acl),
        "the colleague's write access"
    );
    assert_eq!(
        xattr::get(&target, "user.team").unwrap().as_deref(),
        Some(&b"river"[..])
    );
}

#[cfg(unix)]
#[test]
fn a_replaced_file_keeps_its_mode_under_any_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("shared.md");
    std::fs::write(&target, "old\n").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o664)).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("parallax");
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg("umask 077; exec \"$0\" export \"$1\" -f md --force -o \"$2\"")
        .arg(&bin)
        .arg(fixture("normal"))
        .arg(&target)
        .status()
        .unwrap();
    assert!(status.success());
    assert!(std::fs::read_to_string(&target).unwrap().starts_with('#'));
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o664, "{mode:o}");
    assert!(leftovers(dir.path()).is_empty());
}

/// A new file gets what the umask leaves of read and write for all, as an editor or `touch`
/// makes one: group-writable in a team's folder (umask 002; it was 644 whatever the umask),
/// private under 077.
#[cfg(unix)]
#[test]
fn a_new_file_follows_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("parallax");
    for (umask, expected) in [("002", 0o664), ("022", 0o644), ("077", 0o600)] {
        let target = dir.path().join(format!("new-{umask}.md"));
        let status = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!(
                "umask {umask}; exec \"$0\" export \"$1\" -f md -o \"$2\""
            ))
            .arg(&bin)
            .arg(fixture("normal"))
            .arg(&target)
            .status()
            .unwrap();
        assert!(status.success());
        let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, expected, "umask {umask}: {mode:o}");
    }
}

#[cfg(unix)]
#[test]
fn force_does_not_replace_a_read_only_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("kept.md");
    std::fs::write(&target, "the analyst's own notes\n").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o444)).unwrap();
    parallax()
        .args(["export", &fixture("normal"), "-f", "md", "--force", "-o"])
        .arg(&target)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("it is read-only"));
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "the analyst's own notes\n"
    );
    assert!(leftovers(dir.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn force_refuses_a_fifo_and_a_character_device() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    parallax()
        .args(["export", &fixture("normal"), "-f", "md", "--force", "-o"])
        .arg(&fifo)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("it is a FIFO"))
        .stderr(predicate::str::contains("-o -"));
    use std::os::unix::fs::FileTypeExt;
    assert!(fifo.symlink_metadata().unwrap().file_type().is_fifo());
    assert!(leftovers(dir.path()).is_empty());

    parallax()
        .args(["export", &fixture("normal"), "-f", "md", "--force"])
        .args(["-o", "/dev/null"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("it is a character device"));
    assert!(
        Path::new("/dev/null")
            .metadata()
            .unwrap()
            .file_type()
            .is_char_device()
    );
    // `-` is standard output, whatever it is.
    parallax()
        .args(["export", &fixture("normal"), "-f", "md", "-o", "-"])
        .assert()
        .success()
        .stdout(predicate::str::contains("| --- | --- |"));
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_standard_output_is_named() {
    let full = std::fs::File::create("/dev/full").unwrap();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("parallax"))
        .args(["export", &fixture("normal"), "-f", "md"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("cannot write to standard output: the disk is full"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Starts an export of a large dispute into `dir`, sends `signal` while its temporary file
/// exists, and waits for the process. False when the export ended before the file was seen.
#[cfg(unix)]
fn interrupt_export(big: &Path, dir: &Path, signal: &str) -> bool {
    let out = dir.join("big.html");
    let _ = std::fs::remove_file(&out);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("parallax"))
        .args(["export", "-f", "html", "-o"])
        .arg(&out)
        .arg(big)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut seen = false;
    while child.try_wait().unwrap().is_none() {
        if !leftovers(dir).is_empty() {
            seen = true;
            let sent = std::process::Command::new("kill")
                .args([format!("-{signal}"), child.id().to_string()])
                .status()
                .unwrap();
            assert!(sent.success());
            break;
        }
    }
    let status = child.wait().unwrap();
    seen && !status.success()
}

#[cfg(unix)]
#[test]
fn no_temporary_file_survives_an_interrupted_export() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big");
    synth::write(&big, &synth::generate(20_000)).unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    // SIGHUP is what a closed terminal or a dropped SSH session sends.
    for signal in ["TERM", "INT", "HUP"] {
        let caught = (0..5).any(|_| interrupt_export(&big, &out, signal));
        assert!(caught, "SIG{signal} never reached an export mid-write");
        assert_eq!(leftovers(&out), Vec::<PathBuf>::new(), "after SIG{signal}");
        // The signal may come just after the rename: then the file is whole.
        if let Ok(page) = std::fs::read_to_string(out.join("big.html")) {
            assert!(
                page.trim_end().ends_with("</html>"),
                "no half file after SIG{signal}"
            );
        }
    }
    // SIGKILL cannot be caught: the next export into the folder removes what it left.
    // The kill may land just after the rename (the file is then whole, nothing is left over),
    // so try until one kill catches the temporary file in place.
    let caught =
        (0..10).any(|_| interrupt_export(&big, &out, "KILL") && leftovers(&out).len() == 1);
    assert!(
        caught,
        "SIGKILL never caught an export with its temporary file in place"
    );
    parallax()
        .args(["export", &fixture("normal"), "-o"])
        .arg(out.join("next.md"))
        .assert()
        .success();
    assert_eq!(
        leftovers(&out),
        Vec::<PathBuf>::new(),
        "the next export cleaned up"
    );
}

#[test]
fn a_url_with_hidden_characters_is_warned_about_and_percent_encoded_everywhere() {
    parallax()
        .args(["validate", &fixture("hidden-url")])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "warning[untrusted-text] at /sources/0/url",
        ))
        .stdout(predicate::str::contains(
            "U+202E, U+2066, U+200B, U+FEFF, U+00AD",
        ));
    let hidden = ['\u{202e}', '\u{2066}', '\u{200b}', '\u{feff}', '\u{ad}'];
    for format in ["md", "csv", "json", "html"] {
        let out = parallax()
            .args(["export", &fixture("hidden-url"), "-f", format])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let out = String::from_utf8(out).unwrap();
        assert!(
            !out.contains(hidden),
            "{format}: a hidden character went out raw"
        );
        assert!(
            out.contains("/news/%E2%80%AEgpj.exe%E2%81%A6%E2%80%8B%EF%BB%BF%C2%ADend"),
            "{format}: the url is there, percent-encoded"
        );
    }
    let html = parallax()
        .args(["export", &fixture("hidden-url"), "-f", "html"])
        .output()
        .unwrap()
        .stdout;
    assert!(
        String::from_utf8_lossy(&html)
            .contains(r#"href="https://example.org/news/%E2%80%AEgpj.exe"#),
        "the link's href is encoded too"
    );
}

/// `export -o` never replaces one of the dispute's own files, even with `--force`, by any path
/// to it: a side file would have held an export in place of the claims.
#[test]
fn export_never_replaces_a_file_of_the_dispute() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["dispute.json", "north.json", "south.json"] {
        std::fs::copy(Path::new(&fixture("normal")).join(f), dir.path().join(f)).unwrap();
    }
    let side = dir.path().join("north.json");
    let before = std::fs::read(&side).unwrap();
    for format in ["json", "claims-csv"] {
        parallax()
            .arg("export")
            .arg(dir.path())
            .args(["-f", format, "--force", "-o"])
            .arg(dir.path().join(".").join("north.json"))
            .assert()
            .code(1)
            .stderr(predicate::str::contains("one of the dispute's own files"));
    }
    assert_eq!(std::fs::read(&side).unwrap(), before);
    assert!(leftovers(dir.path()).is_empty());
}

/// Nor does it make one that is not there yet: an export written as the dismissals of a
/// dispute that has none, or as the manifest of a folder of side files, became that file, and
/// the dispute no longer opened ("has format parallax-export/1").
#[test]
fn export_never_becomes_a_file_the_dispute_would_read() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["north.json", "south.json"] {
        std::fs::copy(Path::new(&fixture("normal")).join(f), dir.path().join(f)).unwrap();
    }
    for name in ["dispute.json", ".parallax-dismissed.json"] {
        parallax()
            .arg("export")
            .arg(dir.path())
            .args(["-f", "json", "-o"])
            .arg(dir.path().join(name))
            .assert()
            .code(1)
            .stderr(predicate::str::contains("one of the dispute's own files"));
        assert!(!dir.path().join(name).exists(), "{name} was written");
    }
    parallax()
        .arg("validate")
        .arg(dir.path())
        .assert()
        .success();
    // Nor beside side files named one by one, where a manifest is read once the folder is.
    parallax()
        .arg("export")
        .arg(dir.path().join("north.json"))
        .arg(dir.path().join("south.json"))
        .args(["-f", "json", "-o"])
        .arg(dir.path().join("dispute.json"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("one of the dispute's own files"));
    assert!(!dir.path().join("dispute.json").exists());
    assert!(leftovers(dir.path()).is_empty());
}

/// An import stopped by a signal while it writes leaves no part of the dispute behind: the files
/// it had written are taken back, so the same import run again succeeds (a manifest left alone
/// made it refuse: "already exists").
#[cfg(unix)]
#[test]
fn an_interrupted_import_leaves_nothing_that_blocks_a_retry() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big");
    synth::write(&big, &synth::generate(20_000)).unwrap();
    let csv = dir.path().join("big.csv");
    parallax()
        .args(["export", "-f", "claims-csv", "-o"])
        .arg(&csv)
        .arg(&big)
        .assert()
        .success();
    let out = dir.path().join("imported");
    let written = |out: &Path| -> Vec<PathBuf> {
        std::fs::read_dir(out)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect()
    };
    let mut caught = false;
    for _ in 0..20 {
        let _ = std::fs::remove_dir_all(&out);
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("parallax"))
            .args(["import", "csv"])
            .arg(&csv)
            .arg("-o")
            .arg(&out)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let mut sent = false;
        while child.try_wait().unwrap().is_none() {
            if !written(&out).is_empty() {
                let _ = std::process::Command::new("kill")
                    .args(["-INT", &child.id().to_string()])
                    .status();
                sent = true;
                break;
            }
        }
        if !child.wait().unwrap().success() {
            // On a busy machine the signal (sent by a `kill` started after the first file
            // appeared) may come after the last file was in place: the import is whole then,
            // nothing half-written, and the run is tried again.
            let whole = written(&out).len() == 3
                && parallax()
                    .arg("validate")
                    .arg(&out)
                    .output()
                    .is_ok_and(|o| o.status.success());
            if whole {
                continue;
            }
            // Nothing half-written, not even the folder it made.
            assert_eq!(written(&out), Vec::<PathBuf>::new(), "nothing half-written");
            assert!(!out.exists(), "the folder it made is taken back too");
            caught = sent;
            if caught {
                break;
            }
        }
    }
    assert!(caught, "SIGINT never reached an import mid-write");
    parallax()
        .args(["import", "csv"])
        .arg(&csv)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    parallax().arg("validate").arg(&out).assert().success();
}

/// `-o` naming a folder that is there writes the file the screen's export dialog would name in
/// it (the dispute's id, the one topic's, what a claims format holds), and says which; it said
/// "it is a folder; give a file name". The name taken is refused like any file that exists.
#[test]
fn an_export_into_a_folder_names_its_file_as_the_dialog_does() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let run = |args: &[&str]| {
        Command::cargo_bin("parallax")
            .expect("the binary is built")
            .arg("export")
            .args(args)
            .output()
            .expect("runs")
    };
    let folder = dir.path().to_str().expect("UTF-8").to_owned();
    let with_slash = format!("{folder}/");
    // Slashes doubled at the end are one in the path said and written.
    let two_slashes = format!("{folder}//");
    for (args, name) in [
        (
            &["-f", "md", "-o", &with_slash][..],
            "india-pakistan-2025.md",
        ),
        (
            &[
                "-f",
                "html",
                "-o",
                &folder,
                "--topic",
                "The 10 May ceasefire",
            ],
            "india-pakistan-2025-ceasefire.html",
        ),
        (
            &["-f", "claims-csv", "-o", &folder],
            "india-pakistan-2025-claims.csv",
        ),
        (
            &["-f", "claimreview", "-o", &two_slashes],
            "india-pakistan-2025-claimreview.json",
        ),
    ] {
        let out = run(args);
        assert!(out.status.success(), "{args:?}: {out:?}");
        let file = dir.path().join(name);
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(
            said.contains(&format!("wrote {}", file.display())),
            "{said}"
        );
        // What `-o -` writes, the file holds.
        let mut to_stdout: Vec<&str> = args.to_vec();
        let o = to_stdout.iter().position(|a| *a == "-o").expect("-o");
        to_stdout[o + 1] = "-";
        let expected = run(&to_stdout).stdout;
        assert_eq!(std::fs::read(&file).expect("written"), expected, "{args:?}");
    }
    // Again: the file is there now, and is not replaced without --force.
    std::fs::write(dir.path().join("india-pakistan-2025.md"), "mine").expect("written");
    let again = run(&["-f", "md", "-o", &folder]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    assert_eq!(
        std::fs::read(dir.path().join("india-pakistan-2025.md")).expect("kept"),
        b"mine"
    );
}
