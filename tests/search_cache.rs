//! The cached search index of large disputes: used while nothing changed, never stale, never
//! required.

use assert_cmd::Command;
use std::path::Path;

/// Writes a synthetic dispute of `claims` claims (about 330 bytes of JSON a claim).
fn generate(dir: &Path, claims: usize) {
    synth::write(dir, &synth::generate(claims)).expect("the synthetic dispute is written");
}

/// Dates a folder and its files a minute back: a file modified during or just before a load is
/// never cached, in case it changed while it was read.
fn settle(dir: &Path) {
    let past = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .expect("folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    paths.push(dir.to_path_buf());
    for p in paths {
        let f = std::fs::File::open(&p).expect("open");
        f.set_modified(past).expect("set the modification time");
    }
}

/// Runs `parallax search` with the cache in `cache`; returns (exit code, stdout, stderr).
fn search(cache: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("parallax")
        .expect("binary")
        .env("PARALLAX_CACHE_DIR", cache)
        .arg("search")
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn entries(cache: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(cache)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default()
}

#[test]
fn a_large_dispute_is_cached_and_the_cache_gives_the_same_hits() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (data, cache) = (tmp.path().join("d"), tmp.path().join("cache"));
    generate(&data, 10_000);
    let d = data.to_str().expect("utf-8 path");
    let fresh = search(&cache, &[d, "ceasefire radar"]);
    assert!(
        entries(&cache).is_empty(),
        "files modified a moment ago are not cached"
    );
    settle(&data);
    let first = search(&cache, &[d, "ceasefire radar"]);
    assert_eq!(first, fresh);
    assert_eq!(first.0, 0);
    assert_eq!(entries(&cache).len(), 1, "the first search keeps the index");
    let second = search(&cache, &[d, "ceasefire radar"]);
    assert_eq!(
        second, first,
        "the cached index finds the same hits, in the same order"
    );
    let uncached = search(&cache, &["--no-cache", d, "ceasefire radar"]);
    assert_eq!(uncached, first);
    let json = search(&cache, &["--json", d, "'Speaker 4"]);
    let json_uncached = search(&cache, &["--no-cache", "--json", d, "'Speaker 4"]);
    assert_eq!(json, json_uncached);
}

#[test]
fn a_changed_file_is_read_again() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (data, cache) = (tmp.path().join("d"), tmp.path().join("cache"));
    generate(&data, 10_000);
    let d = data.to_str().expect("utf-8 path");
    assert_eq!(
        search(&cache, &[d, "'zebra"]).0,
        1,
        "nothing mentions zebras yet"
    );
    let left = data.join("left.json");
    let text = std::fs::read_to_string(&left).expect("read");
    let changed = text.replacen("\"text\":\"", "\"text\":\"A zebra crossed the border. ", 1);
    std::fs::write(&left, changed).expect("write");
    let (code, out, _) = search(&cache, &[d, "'zebra"]);
    assert_eq!(code, 0, "the edit is seen, not the stale index");
    assert!(out.contains("A zebra crossed the border."));
    settle(&data);
    let cached = search(&cache, &[d, "'zebra"]);
    assert_eq!(
        (cached.0, cached.1),
        (code, out),
        "the index is rebuilt from the edited file"
    );
    std::fs::write(&left, "{ \"zebra\": not json").expect("write");
    let (code, _, err) = search(&cache, &[d, "'zebra"]);
    assert_eq!(code, 2, "a failure, not \"no hits\" (1)");
    assert!(
        err.contains("error[syntax]"),
        "a broken file is reported: {err}"
    );
    // A word that no file holds is answered from the bytes, and says the files went unchecked.
    let (code, _, err) = search(&cache, &[d, "'okapi"]);
    assert_eq!(code, 1);
    assert!(err.contains("no claim matches `'okapi`"), "{err}");
    assert!(
        err.contains(&format!("`parallax validate {d}` checks")),
        "{err}"
    );
}

#[test]
fn a_corrupt_cache_is_ignored() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (data, cache) = (tmp.path().join("d"), tmp.path().join("cache"));
    generate(&data, 10_000);
    settle(&data);
    let d = data.to_str().expect("utf-8 path");
    let first = search(&cache, &[d, "treaty"]);
    assert_eq!(entries(&cache).len(), 1);
    for entry in entries(&cache) {
        std::fs::write(entry, b"not a cache entry").expect("write");
    }
    assert_eq!(search(&cache, &[d, "treaty"]), first);
}

#[test]
fn small_disputes_and_filtered_searches_are_not_cached() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let cache = tmp.path().join("cache");
    let small = format!("{}/tests/fixtures/compare", env!("CARGO_MANIFEST_DIR"));
    assert_eq!(search(&cache, &[&small, "claim"]).0, 0);
    assert!(
        entries(&cache).is_empty(),
        "a small dispute loads faster than a cache is read"
    );
    let data = tmp.path().join("d");
    generate(&data, 10_000);
    settle(&data);
    let d = data.to_str().expect("utf-8 path");
    assert_eq!(search(&cache, &["--party", "left", d, "treaty"]).0, 0);
    assert!(
        entries(&cache).is_empty(),
        "a filtered search reads the files"
    );
}

#[test]
fn an_edit_that_keeps_the_size_and_the_time_is_seen() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (data, cache) = (tmp.path().join("d"), tmp.path().join("cache"));
    generate(&data, 10_000);
    settle(&data);
    let d = data.to_str().expect("utf-8 path");
    assert_eq!(search(&cache, &[d, "treaty"]).0, 0);
    assert_eq!(entries(&cache).len(), 1);
    assert_eq!(search(&cache, &[d, "'zebra"]).0, 1, "no zebra yet");
    // Same length, same modification time: only the bytes differ.
    let left = data.join("left.json");
    let text = std::fs::read_to_string(&left).expect("read");
    let at = text.find("\"text\":\"").expect("a claim text") + 8;
    let mut edited = text.clone();
    edited.replace_range(at..at + 5, "zebra");
    assert_eq!(edited.len(), text.len());
    let when = std::fs::metadata(&left)
        .and_then(|m| m.modified())
        .expect("time");
    let write_keeping_time = |bytes: &str| {
        std::fs::write(&left, bytes).expect("write");
        std::fs::File::options()
            .write(true)
            .open(&left)
            .and_then(|f| f.set_modified(when))
            .expect("restore the time");
    };
    write_keeping_time(&edited);
    let (code, out, _) = search(&cache, &[d, "'zebra"]);
    assert_eq!(code, 0, "the edit is seen: {out}");
    // A same-size edit that breaks the JSON is reported, never answered from the cache.
    write_keeping_time(&edited.replacen('{', "[", 1));
    let (code, _, err) = search(&cache, &[d, "'zebra"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("error["), "{err}");
}

#[test]
fn a_damaged_entry_is_ignored_and_the_answer_stays_right() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (data, cache) = (tmp.path().join("d"), tmp.path().join("cache"));
    generate(&data, 10_000);
    settle(&data);
    let d = data.to_str().expect("utf-8 path");
    let truth = search(&cache, &["--no-cache", d, "treaty radar"]);
    assert_eq!(search(&cache, &[d, "treaty radar"]), truth);
    let entry = entries(&cache).pop().expect("an entry");
    let good = std::fs::read(&entry).expect("read");
    // Bytes flipped anywhere: the checksum refuses the entry, the files are read instead.
    for at in [9, 40, good.len() / 3, good.len() / 2, good.len() - 1] {
        let mut bad = good.clone();
        bad[at] ^= 0x5a;
        std::fs::write(&entry, &bad).expect("write");
        assert_eq!(search(&cache, &[d, "treaty radar"]), truth, "byte {at}");
    }
}

#[cfg(unix)]
#[test]
fn an_entry_that_is_a_pipe_or_a_link_to_a_device_does_not_hang() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (data, cache) = (tmp.path().join("d"), tmp.path().join("cache"));
    generate(&data, 10_000);
    settle(&data);
    let d = data.to_str().expect("utf-8 path");
    let truth = search(&cache, &["--no-cache", d, "treaty"]);
    search(&cache, &[d, "treaty"]);
    let entry = entries(&cache).pop().expect("an entry");
    std::fs::remove_file(&entry).expect("remove");
    std::os::unix::fs::symlink("/dev/zero", &entry).expect("link");
    assert_eq!(search(&cache, &[d, "treaty"]), truth, "a link to /dev/zero");
    std::fs::remove_file(&entry).expect("remove");
    let made = std::process::Command::new("mkfifo")
        .arg(&entry)
        .status()
        .is_ok_and(|s| s.success());
    if made {
        assert_eq!(search(&cache, &[d, "treaty"]), truth, "a pipe");
    }
}

#[test]
fn max_file_size_refuses_the_files_even_when_the_cache_or_the_pre_check_would_answer() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (data, cache) = (tmp.path().join("d"), tmp.path().join("cache"));
    generate(&data, 10_000);
    settle(&data);
    let d = data.to_str().expect("utf-8 path");
    let first = search(&cache, &[d, "ceasefire"]);
    assert_eq!(first.0, 0);
    assert_eq!(
        entries(&cache).len(),
        1,
        "the cache holds the dispute's index"
    );
    let uncached = search(
        &cache,
        &["--no-cache", "--max-file-size", "100", d, "ceasefire"],
    );
    assert_eq!(uncached.0, 2);
    assert!(
        uncached.2.contains("over the limit of 100 bytes"),
        "{}",
        uncached.2
    );
    // A query the cache would answer (hits), and one the pre-check would rule out (no file
    // holds it): both refuse the files as --no-cache does, printing no hit.
    for query in ["ceasefire", "zzqqxx"] {
        let (code, stdout, stderr) = search(&cache, &["--max-file-size", "100", d, query]);
        assert_eq!(code, 2, "{query}: {stderr}");
        assert_eq!(stdout, "", "{query}");
        assert!(
            stderr.contains("over the limit of 100 bytes"),
            "{query}: {stderr}"
        );
        assert!(stderr.contains("--max-file-size"), "{query}: {stderr}");
        assert!(!stderr.contains("no claim matches"), "{query}: {stderr}");
    }
}

/// The cache does not grow without end: a new entry keeps the seven most recently used others
/// and none unused for 30 days, and a temporary file left by a write that never finished goes
/// after a day. A link or a file of another name in the folder is left alone. Using an entry
/// marks it used. (Each entry holds a dispute's texts: copies of folders searched once and
/// deleted since stayed forever.)
#[test]
fn the_cache_keeps_the_entries_in_use_and_deletes_the_rest() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (data, cache) = (tmp.path().join("d"), tmp.path().join("cache"));
    generate(&data, 10_000);
    settle(&data);
    std::fs::create_dir_all(&cache).expect("cache folder");
    let day = std::time::Duration::from_secs(24 * 60 * 60);
    let now = std::time::SystemTime::now();
    let aged = |name: &str, days: u32| {
        let path = cache.join(name);
        std::fs::write(&path, "an old entry").expect("written");
        let f = std::fs::File::options()
            .append(true)
            .open(&path)
            .expect("open");
        f.set_modified(now - day * days).expect("dated");
        path
    };
    // Ten entries used 1 to 10 days ago, one 40 days ago.
    let old: Vec<_> = (1..=10)
        .map(|d| aged(&format!("search-{d:016x}.bin"), d))
        .collect();
    let ancient = aged("search-00000000000000ff.bin", 40);
    let leftover = aged(".tmpAbC123", 2);
    let fresh_tmp = aged(".tmpDeF456", 0);
    let other = aged("notes.txt", 90);
    let target = aged("target.bin", 90);
    std::os::unix::fs::symlink(&target, cache.join("search-000000000000abcd.bin")).expect("link");
    let d = data.to_str().expect("utf-8 path");
    let (code, _, _) = search(&cache, &[d, "ceasefire"]);
    assert_eq!(code, 0);
    let kept: Vec<_> = old.iter().filter(|p| p.exists()).collect();
    assert_eq!(
        kept,
        old.iter().take(7).collect::<Vec<_>>(),
        "the seven most recent stay"
    );
    assert!(!ancient.exists() && !leftover.exists());
    assert!(fresh_tmp.exists(), "a write may still be under way");
    assert!(other.exists() && target.exists());
    assert!(
        cache
            .join("search-000000000000abcd.bin")
            .symlink_metadata()
            .is_ok()
    );
    let new: Vec<_> = entries(&cache)
        .into_iter()
        .filter(|p| p.is_file() && !old.contains(p) && p.extension().is_some_and(|e| e == "bin"))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("search-"))
        })
        .filter(|p| p.symlink_metadata().is_ok_and(|m| m.is_file()))
        .collect();
    assert_eq!(new.len(), 1, "{new:?}");
    // Used again, the entry is marked used.
    let f = std::fs::File::options()
        .append(true)
        .open(&new[0])
        .expect("open");
    f.set_modified(now - day * 20).expect("dated");
    drop(f);
    let (code, _, _) = search(&cache, &[d, "ceasefire"]);
    assert_eq!(code, 0);
    let used = std::fs::metadata(&new[0])
        .and_then(|m| m.modified())
        .expect("modified");
    assert!(used > now - day, "the entry read was marked used");
}
