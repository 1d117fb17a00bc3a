//! Reads are bounded and honest: only regular files, none over the size limit, whether named on
//! the command line or by a manifest. Every run has a timeout, so a read that blocks fails the
//! test instead of hanging it.

use assert_cmd::Command;
use std::path::PathBuf;
use std::time::Duration;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/load")
        .join(name)
}

/// `parallax` with these arguments, stopped after ten seconds (a run the timeout stops fails
/// the test): whether it succeeded, its standard output and its standard error.
fn bounded(args: &[&std::ffi::OsStr]) -> (bool, String, String) {
    let out = Command::cargo_bin("parallax")
        .expect("binary")
        .args(args)
        .timeout(Duration::from_secs(10))
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    // A run stopped by the timeout has no exit code.
    assert!(out.status.code().is_some(), "timed out: {stdout}{stderr}");
    (out.status.success(), stdout, stderr)
}

/// `parallax validate` with these arguments: whether it succeeded, and what it printed.
fn validate(args: &[&std::ffi::OsStr]) -> (bool, String) {
    let all: Vec<&std::ffi::OsStr> = std::iter::once("validate".as_ref())
        .chain(args.iter().copied())
        .collect();
    let (ok, stdout, _) = bounded(&all);
    (ok, stdout)
}

/// A named pipe called `name` in `dir`.
fn fifo(dir: &std::path::Path, name: &str) -> PathBuf {
    let fifo = dir.join(name);
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    fifo
}

#[test]
fn a_device_on_the_command_line_is_refused_at_once() {
    let good = fixture("good.json");
    for device in ["/dev/zero", "/dev/urandom"] {
        let (ok, text) = validate(&[good.as_os_str(), device.as_ref()]);
        assert!(!ok);
        assert!(
            text.contains(&format!("{device}: error[unreadable]"))
                && text.contains("not a regular file"),
            "{text}"
        );
    }
}

#[test]
fn a_fifo_on_the_command_line_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = fifo(dir.path(), "side.json");
    let good = fixture("good.json");
    let (ok, text) = validate(&[good.as_os_str(), fifo.as_os_str()]);
    assert!(!ok);
    assert!(text.contains("not a regular file"), "{text}");
}

/// A folder without a manifest reads every `*.json` in it: one that is a pipe, a link to a
/// device or to nothing, or a folder, is refused by name, not passed over (the side it stood
/// for would vanish from the comparison without a word).
#[cfg(unix)]
#[test]
fn a_json_in_a_folder_that_is_no_regular_file_is_refused_by_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    for side in ["good.json", "red.json"] {
        std::fs::copy(fixture(side), dir.path().join(side)).expect("copy");
    }
    assert!(validate(&[dir.path().as_os_str()]).0, "the two sides load");
    let x = dir.path().join("x.json");
    let make: [(&str, &dyn Fn()); 4] = [
        ("a pipe", &|| {
            fifo(dir.path(), "x.json");
        }),
        ("a link to a device", &|| {
            std::os::unix::fs::symlink("/dev/zero", &x).expect("link");
        }),
        ("a link to nothing", &|| {
            std::os::unix::fs::symlink("/no/such/file", &x).expect("link");
        }),
        ("a folder", &|| std::fs::create_dir(&x).expect("folder")),
    ];
    for (what, make) in make {
        make();
        let (ok, text) = validate(&[dir.path().as_os_str()]);
        assert!(!ok, "{what}: {text}");
        assert!(text.contains("x.json: error[unreadable]"), "{what}: {text}");
        if x.is_dir() {
            std::fs::remove_dir(&x).expect("rm");
        } else {
            std::fs::remove_file(&x).expect("rm");
        }
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_and_the_limit_can_be_raised() {
    let good = fixture("good.json");
    let red = fixture("red.json");
    let size = std::fs::metadata(&red).expect("fixture").len();
    let (ok, text) = validate(&[
        "--max-file-size".as_ref(),
        "100".as_ref(),
        good.as_os_str(),
        red.as_os_str(),
    ]);
    assert!(!ok);
    assert!(
        text.contains(&format!(
            "the file is {size} bytes, over the limit of 100 bytes"
        )) && text.contains("--max-file-size"),
        "{text}"
    );
    let (ok, text) = validate(&[
        "--max-file-size".as_ref(),
        "1M".as_ref(),
        good.as_os_str(),
        red.as_os_str(),
    ]);
    assert!(ok, "{text}");
}

/// An export saved in the dispute's folder is passed over as it always is, whatever its size:
/// over the limit it was refused, and the dispute with it ("1 error(s) in the input").
#[test]
fn an_export_over_the_size_limit_in_the_folder_is_passed_over() {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["good.json", "red.json"] {
        std::fs::copy(fixture(name), dir.path().join(name)).expect("copied");
    }
    let padding = " ".repeat(5000);
    std::fs::write(
        dir.path().join("comparison.json"),
        format!(r#"{{"format": "parallax-export/1", "dispute": {{"id": "demo"}},{padding}"topics": []}}"#),
    )
    .expect("written");
    let (ok, text) = validate(&[
        "--max-file-size".as_ref(),
        "2000".as_ref(),
        dir.path().as_os_str(),
    ]);
    assert!(ok, "{text}");
    assert!(!text.contains("comparison.json"), "{text}");
    // A side file over the limit is still refused.
    let (ok, text) = validate(&[
        "--max-file-size".as_ref(),
        "500".as_ref(),
        dir.path().as_os_str(),
    ]);
    assert!(
        !ok && text.contains("over the limit of 500 bytes"),
        "{text}"
    );
}

/// `parallax import csv` of `input` into a fresh folder, stopped after ten seconds: (success,
/// standard error).
fn import_csv(input: &std::path::Path, extra: &[&str]) -> (bool, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "import".as_ref(),
        "csv".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ];
    args.extend(extra.iter().map(|e| std::ffi::OsStr::new(*e)));
    let (ok, _, stderr) = bounded(&args);
    (ok, stderr)
}

#[test]
fn an_import_of_a_fifo_or_a_device_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = fifo(dir.path(), "claims.csv");
    for input in [fifo.as_path(), std::path::Path::new("/dev/zero")] {
        let (ok, text) = import_csv(input, &[]);
        assert!(!ok);
        assert!(
            text.contains("cannot read") && text.contains("not a regular file"),
            "{text}"
        );
    }
}

#[test]
fn an_import_keeps_to_the_size_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = dir.path().join("claims.csv");
    std::fs::write(
        &csv,
        "side,topic,text\na,t,One claim of a\nb,t,One claim of b\n",
    )
    .expect("write");
    let size = std::fs::metadata(&csv).expect("csv").len();
    let (ok, text) = import_csv(&csv, &["--max-file-size", "20"]);
    assert!(!ok);
    assert!(
        text.contains(&format!(
            "the file is {size} bytes, over the limit of 20 bytes"
        )),
        "{text}"
    );
    let (ok, text) = import_csv(&csv, &[]);
    assert!(ok, "{text}");
}

/// A folder named where a side file was meant (`dir.json`), holding nothing to load, is named
/// in the error, not left to a count of the sides that loaded.
#[test]
fn a_folder_with_nothing_to_load_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("left.json");
    std::fs::create_dir(&folder).expect("folder");
    let good = fixture("good.json");
    let (ok, out) = validate(&[folder.as_os_str(), good.as_os_str()]);
    assert!(!ok);
    let line = out
        .lines()
        .find(|l| l.contains("left.json"))
        .unwrap_or_else(|| panic!("the folder is not named:\n{out}"));
    assert!(line.contains("no side files"), "{line}");
}

/// A manifest listing a side twice (`./b.json` and `b.json`) is a `repeated-file` warning, as
/// every file named twice is; itself, an error at the entry. Each side is read once: no error
/// on the files for what the manifest did.
#[test]
fn a_side_listed_twice_or_the_manifest_listed_as_a_side_is_read_once_and_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let from = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/match");
    for f in ["alpha.json", "beta.json", "dispute.json"] {
        std::fs::copy(from.join(f), dir.path().join(f)).expect("copy");
    }
    let manifest = dir.path().join("dispute.json");
    let mut m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&manifest).expect("read")).expect("json");
    m["sides"] = serde_json::json!(["alpha.json", "./beta.json", "beta.json", "dispute.json"]);
    std::fs::write(&manifest, serde_json::to_vec_pretty(&m).expect("json")).expect("write");
    let (ok, out) = validate(&[dir.path().as_os_str()]);
    assert!(!ok, "{out}");
    assert!(
        out.contains(
            "warning[repeated-file] at /sides/2: side file \"beta.json\" is listed twice (first at /sides/1)"
        ),
        "{out}"
    );
    assert!(
        out.contains("at /sides/3: lists the manifest itself"),
        "{out}"
    );
    assert!(!out.contains("duplicate-party"), "{out}");
    assert!(out.contains("failed: 1 error(s)"), "{out}");
}
