//! The loader's diagnostics on every fixture, kept as a snapshot.
//!
//! The snapshot was written by the loader before it became one typed pass (a `Value` walker
//! beside a typed fast path), so the new loader is held to every code, pointer, line and
//! message the old one gave. `tests/fixtures/loader/` adds the awkward cases: fields in an
//! unusual order, a whole file on one line, repeated keys at every depth, nulls, wrong types
//! and oversized values.

use parallax::load::{DEFAULT_MAX_FILE, Loaded, gather, load_paths};
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// Every input the fixtures make: each folder with a manifest, loaded whole, and each JSON
/// file other than a manifest, loaded alone.
fn inputs(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixture folder")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    if dir.join("dispute.json").is_file() {
        out.push(dir.to_path_buf());
    }
    for path in entries {
        if path.is_dir() {
            inputs(&path, out);
        } else if path.extension().is_some_and(|e| e == "json")
            && path.file_name().is_some_and(|n| n != "dispute.json")
        {
            out.push(path);
        }
    }
}

/// The diagnostics of one load, one per line, with the fixture folder's path taken out.
fn report(path: &Path, root: &str) -> String {
    lines(&load_paths(&[path.to_path_buf()]), root)
}

/// The diagnostics of a load, one per line.
fn lines(loaded: &Loaded, root: &str) -> String {
    let mut out = String::new();
    for d in &loaded.report.diagnostics {
        let line = format!(
            "{:?} {} {} {} {}:{} {} | {}",
            d.severity,
            <&str>::from(d.code),
            d.file,
            d.pointer.as_deref().unwrap_or("-"),
            d.line.map_or("-".to_owned(), |l| l.to_string()),
            d.column.map_or("-".to_owned(), |c| c.to_string()),
            d.message,
            d.expected.as_deref().unwrap_or("-"),
        );
        writeln!(out, "{}", line.replace(root, "")).expect("write");
    }
    out
}

#[test]
fn every_fixture_gives_the_diagnostics_it_always_gave() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut all = Vec::new();
    inputs(&root, &mut all);
    assert!(all.len() > 80, "the fixtures are found ({})", all.len());
    let prefix = format!("{}/", root.display());
    let mut text = String::new();
    for path in &all {
        let name = path.display().to_string().replace(&prefix, "");
        writeln!(text, "== {name}\n{}", report(path, &prefix)).expect("write");
    }
    insta::assert_snapshot!(text);
}

/// The two ways of loading files read from disk (dropping each side file once it is checked,
/// as the commands do, or keeping every file's bytes, as the screen does) report the same.
#[test]
fn dropping_files_as_they_are_checked_reports_the_same() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut all = Vec::new();
    inputs(&root, &mut all);
    for path in &all {
        let paths = [path.clone()];
        let kept = gather(&paths, DEFAULT_MAX_FILE).load();
        let dropped = gather(&paths, DEFAULT_MAX_FILE).into_loaded();
        assert_eq!(lines(&kept, ""), lines(&dropped, ""), "{}", path.display());
        assert_eq!(kept.dispute.is_some(), dropped.dispute.is_some());
    }
}

/// Two dispute folders at once: both ways of loading name the second manifest, and report the
/// same (the parallel way reads the first manifest beside the side files).
#[test]
fn two_dispute_folders_report_the_same_either_way() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let paths = [root.join("compare"), root.join("query")];
    let kept = gather(&paths, DEFAULT_MAX_FILE).load();
    let dropped = gather(&paths, DEFAULT_MAX_FILE).into_loaded();
    let prefix = format!("{}/", root.display());
    assert_eq!(lines(&kept, &prefix), lines(&dropped, &prefix));
    let second: Vec<String> = kept
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == parallax::load::Code::SecondManifest)
        .map(|d| d.file.replace(&prefix, ""))
        .collect();
    assert_eq!(second, ["query/dispute.json"]);
}
