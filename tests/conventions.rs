//! The conventions of a terminal tool: shell completions and a manual page, generated from the
//! command line itself.

use assert_cmd::Command;

fn parallax() -> Command {
    Command::cargo_bin("parallax").unwrap()
}

fn have(tool: &str) -> bool {
    std::process::Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn bash_completes_a_subcommand_and_a_format() {
    if !have("bash") {
        eprintln!("skipped: no bash");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let complete = |words: &str, cword: usize| {
        bash_complete(dir.path(), words, cword)
            .lines()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(complete("parallax exp", 1).trim(), "export");
    // `search` refuses --query (its query is the last argument): it is not offered there,
    // while `show` still takes it.
    let search = complete("parallax search --", 2);
    assert!(
        search.contains("--json") && !search.contains("--query"),
        "{search}"
    );
    assert!(complete("parallax show --", 2).contains("--query"));
    let formats = complete("parallax export --format ''", 3);
    assert!(
        formats.contains("claims-csv") && formats.contains("html"),
        "{formats}"
    );
}

/// What bash offers for `words` with the cursor on word `cword`, a choice a line, as bash calls
/// the script (the command, the word being completed, the word before it), in `dir`.
fn bash_complete(dir: &std::path::Path, words: &str, cword: usize) -> String {
    let script = dir.join("parallax.bash");
    if !script.exists() {
        let out = parallax().args(["completions", "bash"]).output().unwrap();
        assert!(out.status.success());
        std::fs::write(&script, &out.stdout).unwrap();
    }
    let line = format!(
        "source '{}'; COMP_WORDS=({words}); COMP_CWORD={cword}; \
         _parallax parallax \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; \
         printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display()
    );
    let out = std::process::Command::new("bash")
        .current_dir(dir)
        .args(["-c", &line])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// Tab where a command takes a path offers no options (bash typed the `-` they share, where a
/// dispute's folder goes), so bash completes file names there; a command's subcommands are
/// still offered; a file name with a space after `-o` is one choice, not two.
#[test]
fn bash_completes_paths_where_a_command_takes_one() {
    if !have("bash") {
        eprintln!("skipped: no bash");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("file one.json"), "").unwrap();
    let complete = |words: &str, cword: usize| bash_complete(dir.path(), words, cword);
    for command in ["show", "validate", "export", "match"] {
        let offered = complete(&format!("parallax {command} ''"), 2);
        assert_eq!(offered.trim(), "", "{command}: {offered}");
    }
    assert_eq!(complete("parallax show data ''", 3).trim(), "");
    // A command of options alone still offers them, and `completions` its shells.
    assert!(complete("parallax man ''", 2).lines().any(|l| l == "--dir"));
    assert!(
        complete("parallax completions ''", 2)
            .lines()
            .any(|l| l == "zsh")
    );
    let import = complete("parallax import ''", 2);
    for sub in ["csv", "claimreview"] {
        assert!(import.lines().any(|l| l == sub), "{import}");
    }
    assert!(complete("parallax ''", 1).lines().any(|l| l == "show"));
    assert!(
        complete("parallax show --l", 2)
            .lines()
            .any(|l| l == "--left")
    );
    assert_eq!(complete("parallax export -o fi", 3), "file one.json\n");
}

/// A party or topic id, a tag, a date or a question is no file name: bash offers none there,
/// while the options that take a path still complete file names.
#[test]
fn bash_completion_offers_no_file_names_for_ids_and_words() {
    let out = parallax().args(["completions", "bash"]).output().unwrap();
    let script = String::from_utf8(out.stdout).unwrap();
    let case = |flag: &str| -> Vec<String> {
        script
            .split(&format!("{flag})"))
            .skip(1)
            .filter_map(|after| after.lines().nth(1).map(str::to_owned))
            .collect()
    };
    for flag in [
        "--left",
        "--right",
        "--topic",
        "--tag",
        "--as-of",
        "--question",
        "--title",
    ] {
        let lines = case(flag);
        assert!(!lines.is_empty(), "{flag} has no case in the script");
        for line in lines {
            assert!(!line.contains("compgen -f"), "{flag} offers files: {line}");
        }
    }
    // The line after the flag's case names every file as one word; the next completes.
    // (`import --output`, another name for its `--out`, completes folders, as `--out` does.)
    let output: Vec<&str> = script.split("--output)").skip(1).collect();
    assert!(!output.is_empty());
    assert!(
        output
            .iter()
            .any(|after| after.lines().take(3).any(|l| l.contains("compgen -f"))),
        "export's --output still completes file names"
    );
    // A folder to write into (`man --dir`, `import --out`) completes folders only.
    for flag in ["--dir", "--out"] {
        let lines = case(flag);
        assert!(!lines.is_empty(), "{flag} has no case in the script");
        for line in &lines {
            assert!(!line.contains("compgen -f"), "{flag} offers files: {line}");
        }
        assert!(
            script.contains(&format!("{flag})\n                    COMPREPLY=()\n                    if [[ \"${{BASH_VERSINFO[0]}}\" -ge 4 ]]; then\n                        compopt -o plusdirs")),
            "{flag} completes folders"
        );
    }
}

#[test]
fn bash_completion_offers_the_values_of_rating_kind_relation_and_matcher() {
    let out = parallax().args(["completions", "bash"]).output().unwrap();
    assert!(out.status.success());
    let script = String::from_utf8(out.stdout).unwrap();
    let wanted = [
        (
            "--rating",
            "unverified corroborated disputed refuted retracted none",
        ),
        (
            "--kind",
            "official news opinion fact-check social academic other",
        ),
        ("--relation", "contradicts reframes concedes agrees"),
        ("--matcher", "nucleo skim"),
    ];
    for (flag, values) in wanted {
        // Each command's case for the flag completes its values, not file names.
        let cases: Vec<&str> = script
            .split(&format!("{flag})"))
            .skip(1)
            .filter_map(|after| after.lines().nth(1))
            .collect();
        assert!(!cases.is_empty(), "{flag} has no case in the script");
        for line in cases {
            assert!(
                line.contains(&format!("compgen -W \"{values}\"")),
                "{flag}: {line}"
            );
        }
    }
    if !have("bash") {
        eprintln!("skipped the bash run: no bash");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("parallax.bash");
    std::fs::write(&file, &script).unwrap();
    let line = format!(
        "source '{}'; COMP_WORDS=(parallax search --rating ''); COMP_CWORD=3; \
         _parallax parallax '' --rating; echo \"${{COMPREPLY[@]}}\"",
        file.display()
    );
    let out = std::process::Command::new("bash")
        .args(["-c", &line])
        .output()
        .unwrap();
    let offered = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        offered.trim(),
        "unverified corroborated disputed refuted retracted none"
    );
}

#[test]
fn every_shell_gets_a_script() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = parallax().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains("export") && text.contains("import"),
            "{shell}"
        );
    }
    parallax().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn the_manual_page_renders() {
    let out = parallax().arg("man").output().unwrap();
    assert!(out.status.success());
    let roff = String::from_utf8(out.stdout).unwrap();
    assert!(
        roff.starts_with(".ie") || roff.contains(".TH parallax 1"),
        "a roff page"
    );
    for word in ["validate", "export", "import", "completions"] {
        assert!(roff.contains(word), "the page names `{word}`");
    }
    // The name once, and what clap cannot say: the exit codes and the environment.
    assert!(roff.contains("parallax \\- Compare two parties"), "{roff}");
    // ASCII, as groff reads it without preconv: a `…` is roff's escape for it (a raw one made
    // groff warn "invalid input character").
    assert!(roff.is_ascii() && roff.contains("\\[u2026]"), "{roff}");
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("parallax.1");
    std::fs::write(&page, &roff).unwrap();
    let rendered = if have("man") {
        std::process::Command::new("man")
            .arg("-l")
            .arg(&page)
            .env("MANPAGER", "cat")
            .env("MANWIDTH", "80")
            .output()
    } else if have("groff") {
        std::process::Command::new("groff")
            .args(["-man", "-Tutf8"])
            .arg(&page)
            .output()
    } else {
        eprintln!("skipped rendering: neither man nor groff is installed");
        return;
    };
    let rendered = rendered.unwrap();
    assert!(rendered.status.success());
    let text = String::from_utf8_lossy(&rendered.stdout);
    assert!(
        text.contains("SYNOPSIS") && text.contains("SUBCOMMANDS"),
        "{text}"
    );
    for section in [
        "EXIT STATUS",
        "ENVIRONMENT",
        "PARALLAX_CONFIG",
        "NO_COLOR",
        "128 + n",
    ] {
        assert!(text.contains(section), "the page says {section}: {text}");
    }
    // `search` and `match` exit 2 on a failure (their 1 is "none found"), as the page says: a
    // script reading it took a broken dispute for no hits.
    let squeezed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        squeezed.contains("for search and match, only that nothing was found")
            && squeezed.contains("for search and match, any failure too"),
        "{squeezed}"
    );
    let broken = tempfile::tempdir().unwrap();
    // Broken past the word searched, so the quick no-match test does not answer first.
    std::fs::write(broken.path().join("a.json"), "{\"text\": \"x\"").unwrap();
    for command in ["search", "match"] {
        let mut args = vec![command];
        args.push(broken.path().to_str().unwrap());
        if command == "search" {
            args.push("x");
        }
        parallax().args(&args).assert().code(2);
    }
}

#[test]
fn man_dir_writes_every_page_the_main_page_refers_to() {
    let dir = tempfile::tempdir().unwrap();
    parallax()
        .args(["man", "--dir"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout("")
        .stderr(predicates::prelude::PredicateBooleanExt::and(
            predicates::str::starts_with("parallax: wrote "),
            predicates::str::contains(" manual pages into"),
        ));
    let main = std::fs::read_to_string(dir.path().join("parallax.1")).unwrap();
    let printed = String::from_utf8(parallax().arg("man").output().unwrap().stdout).unwrap();
    assert_eq!(
        printed, main,
        "`parallax man` prints the main page --dir writes"
    );
    // Each page named (as `parallax\-show(1)`) in any page is there: the main page's
    // SUBCOMMANDS, and the pages of subcommands' subcommands.
    let mut text = String::new();
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        text.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    assert!(
        !text.contains("parallax\\-help(1)"),
        "no help page is generated"
    );
    let mut named = 0;
    for part in text.split("parallax\\-").skip(1) {
        let Some(name) = part.split("(1)").next().filter(|n| !n.contains(' ')) else {
            continue;
        };
        let page = dir
            .path()
            .join(format!("parallax-{}.1", name.replace("\\-", "-")));
        assert!(
            page.exists(),
            "{} is referred to but missing",
            page.display()
        );
        named += 1;
    }
    assert!(named >= 10, "the main page names the commands' pages");
    for page in [
        "parallax-show.1",
        "parallax-import.1",
        "parallax-import-csv.1",
    ] {
        assert!(dir.path().join(page).exists(), "{page}");
        // Each page says the exit codes and the environment, as the main one does.
        let roff = std::fs::read_to_string(dir.path().join(page)).unwrap();
        assert!(
            roff.contains(".SH \"EXIT STATUS\"") && roff.contains(".SH ENVIRONMENT"),
            "{page}"
        );
    }
    if have("man") {
        let out = std::process::Command::new("man")
            .arg("-l")
            .arg(dir.path().join("parallax-import-csv.1"))
            .env("MANPAGER", "cat")
            .output()
            .unwrap();
        assert!(out.status.success());
        assert!(String::from_utf8_lossy(&out.stdout).contains("SYNOPSIS"));
    }
    parallax()
        .args(["man", "--dir", "/no/such/folder"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("/no/such/folder does not exist"));
    let file = tempfile::NamedTempFile::new().unwrap();
    parallax()
        .args(["man", "--dir"])
        .arg(file.path())
        .assert()
        .code(1)
        .stderr(predicates::str::contains("is not a folder"))
        // `mkdir -p` would fail there: a file holds the name.
        .stderr(predicates::prelude::PredicateBooleanExt::not(
            predicates::str::contains("mkdir"),
        ));
}

#[cfg(unix)]
#[test]
fn man_dir_replaces_a_page_only_with_force_and_never_writes_to_a_fifo() {
    let dir = tempfile::tempdir().unwrap();
    parallax()
        .args(["man", "--dir"])
        .arg(dir.path())
        .assert()
        .success();
    let show = dir.path().join("parallax-show.1");
    std::fs::write(&show, "my own page").unwrap();
    parallax()
        .args(["man", "--dir"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicates::str::contains("already exists; give --force"));
    assert_eq!(std::fs::read_to_string(&show).unwrap(), "my own page");
    // A FIFO in a page's place is refused at once, with --force too (it would block forever).
    let new = dir.path().join("parallax-new.1");
    std::fs::remove_file(&new).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&new)
        .status()
        .unwrap();
    assert!(made.success());
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("parallax"))
        .args(["man", "--force", "--dir"])
        .arg(dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("man --dir blocked on a FIFO");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("it is a FIFO"), "{said}");
    // `man` has no -o: what to do is said in its own terms.
    assert!(!said.contains("-o -"), "{said}");
    assert!(said.contains("name another folder with --dir"), "{said}");
    assert_eq!(
        std::fs::read_to_string(&show).unwrap(),
        "my own page",
        "no page is written when one target is refused"
    );
    std::fs::remove_file(&new).unwrap();
    parallax()
        .args(["man", "--force", "--dir"])
        .arg(dir.path())
        .assert()
        .success();
    assert!(std::fs::read_to_string(&show).unwrap().contains(".TH"));
}

#[cfg(target_os = "linux")]
#[test]
fn a_completion_script_that_cannot_be_written_is_an_error_not_a_crash() {
    for shell in ["bash", "zsh", "fish"] {
        let full = std::fs::File::create("/dev/full").unwrap();
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("parallax"))
            .args(["completions", shell])
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{shell}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("the disk is full"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Every command that prints, its output going to a full disk: exit 1 and say so, at once
/// (`show` of the bundled dispute once spun for ever after its first failed write).
#[cfg(target_os = "linux")]
#[test]
fn every_command_stops_when_its_output_cannot_be_written() {
    let commands: [&[&str]; 9] = [
        &["show"],
        &["show", "--width", "40"],
        &["topics"],
        &["timeline"],
        &["search", "ceasefire"],
        &["match"],
        &["export", "-f", "md"],
        &["export", "-f", "html"],
        &["validate", "--json"],
    ];
    for args in commands {
        let full = std::fs::File::create("/dev/full").unwrap();
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("parallax"))
            .args(args)
            .stdout(full)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // A guard, so that a command that spins fails the test rather than hanging it.
        let started = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() {
            if started.elapsed() > std::time::Duration::from_secs(60) {
                child.kill().unwrap();
                panic!("{args:?} went on for a minute after its output failed");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let out = child.wait_with_output().unwrap();
        // `search` and `match` exit 1 when they find nothing, so their failures exit 2.
        let failed = if matches!(args[0], "search" | "match") {
            2
        } else {
            1
        };
        assert_eq!(out.status.code(), Some(failed), "{args:?}");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains("the disk is full"), "{args:?}: {said}");
        // Nothing is counted as found that could not be written.
        assert!(!said.contains("claims match"), "{args:?}: {said}");
    }
}

#[cfg(unix)]
#[test]
fn every_command_ends_quietly_when_its_reader_has_gone() {
    // `parallax … | head -1` where head has already left: exit 0, nothing on stderr.
    let commands: [&[&str]; 8] = [
        &["timeline", "--json"],
        &["timeline"],
        &["validate", "--json"],
        &["topics", "--json"],
        &["search", "--json", "ceasefire"],
        &["match", "--json"],
        &["completions", "zsh"],
        &["man"],
    ];
    for args in commands {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("parallax"))
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// `man --dir` into a folder holding the pages already says what `man` takes: another folder
/// with --dir (it said "or choose another file", and `man` takes no file).
#[test]
fn man_dir_twice_says_to_choose_another_folder() {
    let dir = tempfile::tempdir().unwrap();
    let run = || parallax().args(["man", "--dir"]).arg(dir.path()).assert();
    run().success();
    run()
        .code(1)
        .stderr(predicates::str::contains(
            "already exists; give --force to replace the pages, or choose another folder with --dir",
        ))
        .stderr(predicates::prelude::PredicateBooleanExt::not(
            predicates::str::contains("another file"),
        ));
}

/// `--help` and `--version`, of parallax or of a command, whose output cannot be written: exit 1
/// and say so, as every other command does (they exited 0 without a word).
#[cfg(target_os = "linux")]
#[test]
fn help_and_version_that_cannot_be_written_say_so() {
    let commands: [&[&str]; 4] = [
        &["--help"],
        &["--version"],
        &["show", "--help"],
        &["help", "export"],
    ];
    for args in commands {
        let full = std::fs::File::create("/dev/full").unwrap();
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("parallax"))
            .args(args)
            .stdout(full)
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {said}");
        assert!(
            said.contains("cannot write to standard output: the disk is full"),
            "{args:?}: {said}"
        );
    }
    // Written, they still end well.
    parallax().arg("--version").assert().success();
    parallax()
        .args(["show", "--help"])
        .assert()
        .success()
        .stdout(predicates::str::contains("Usage: parallax show"));
}

#[test]
fn the_manual_page_lists_every_key_of_the_screen_and_the_files_it_keeps() {
    let roff = String::from_utf8(parallax().arg("man").output().unwrap().stdout).unwrap();
    assert!(
        roff.contains(".SH KEYS") && roff.contains(".SH FILES"),
        "{roff}"
    );
    if !have("man") {
        eprintln!("skipped rendering: man is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("parallax.1");
    std::fs::write(&page, &roff).unwrap();
    let out = std::process::Command::new("man")
        .arg("-l")
        .arg(&page)
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "250")
        .env("LC_ALL", "C.UTF-8")
        .output()
        .unwrap();
    assert!(out.status.success());
    // Spaces as man spreads them do not matter; each key and what it does, in order, do.
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = squeeze(&String::from_utf8_lossy(&out.stdout));
    let keys = text
        .split(" KEYS ")
        .nth(1)
        .and_then(|k| k.split(" FILES ").next())
        .expect("a KEYS section before FILES");
    for (place, table) in parallax::tui::bindings::every_table() {
        let mut expected = squeeze(place);
        for b in table {
            expected.push(' ');
            expected.push_str(&squeeze(&format!(
                "{} {}",
                parallax::tui::keymap::labels(b),
                b.help
            )));
        }
        assert!(keys.contains(&expected), "KEYS lacks {expected:?}:\n{keys}");
    }
    for file in ["config.toml", ".parallax-dismissed.json"] {
        assert!(
            text.split(" FILES ")
                .nth(1)
                .is_some_and(|f| f.contains(file)),
            "FILES names {file}: {text}"
        );
    }
}

/// Standard output opened for reading only (`1<file`, a script's slip): Rust's own standard
/// output takes every write there for a success, so each command exited 0 having written
/// nothing. Each says so and exits 1 (2 for `search`, whose 1 means nothing found).
#[cfg(unix)]
#[test]
fn a_standard_output_not_open_for_writing_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("read-only-here");
    std::fs::write(&file, "").unwrap();
    let commands: [(&[&str], i32); 6] = [
        (&["show"], 1),
        (&["export", "-f", "csv", "-o", "-"], 1),
        (&["topics", "--json"], 1),
        (&["search", "ceasefire"], 2),
        (&["--help"], 1),
        (&["--version"], 1),
    ];
    for (args, code) in commands {
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("parallax"))
            .args(args)
            .stdout(std::fs::File::open(&file).unwrap())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
        assert!(
            stderr.contains("cannot write to standard output: it is not open for writing"),
            "{args:?}: {stderr}"
        );
    }
}
