//! The config file: `parallax config --default` prints a valid commented file, a typo is an
//! error naming its line, and the settings reach the export and the screen's colours.

mod common;

use assert_cmd::Command;
use parallax::config::{Colour, ThemeConfig};
use parallax::tui::theme::{Pane, Theme};
use predicates::prelude::*;
use ratatui::style::Color;

fn parallax(config: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("parallax").unwrap();
    cmd.env("PARALLAX_CONFIG", config);
    cmd
}

fn fixture() -> String {
    format!(
        "{}/tests/fixtures/export/normal",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn the_default_file_is_valid_and_its_settings_apply() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    let default = parallax(&file)
        .args(["config", "--default"])
        .output()
        .unwrap();
    let text = String::from_utf8(default.stdout).unwrap();
    assert!(text.contains("[theme]") && text.contains("# format = \"md\""));
    // Named by PARALLAX_CONFIG but not written yet: an error, not the defaults in silence.
    parallax(&file)
        .arg("config")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("which does not exist"));
    parallax(&file)
        .args(["config", "--path"])
        .assert()
        .success()
        .stdout(predicate::str::contains("config.toml"));
    // Uncommented and set to HTML, it is valid and sets the export's default format.
    let set = text.replace("# format = \"md\"", "format = \"html\"");
    std::fs::write(&file, set).unwrap();
    parallax(&file)
        .arg("config")
        .assert()
        .success()
        .stdout(predicate::str::contains("ok"));
    parallax(&file)
        .arg("export")
        .arg(fixture())
        .assert()
        .success()
        .stdout(predicate::str::starts_with("<!DOCTYPE html>"));
}

#[test]
fn an_unknown_key_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, "[theme]\nleft = \"blue\"\nmiddle = \"red\"\n").unwrap();
    parallax(&file)
        .arg("config")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("line 3"))
        .stderr(predicate::str::contains("middle"));
    // The screen reads `[theme]`: it stops (before it needs a terminal).
    parallax(&file)
        .arg(fixture())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("config file"))
        .stderr(predicate::str::contains("middle"));
}

#[test]
fn the_theme_colours_the_parties() {
    let theme = Theme::colored().configured(&ThemeConfig {
        left: Some(Colour::Named(1)),
        right: Some(Colour::Rgb(255, 128, 0)),
    });
    assert_eq!(theme.party(Pane::Left).fg, Some(Color::Indexed(1)));
    assert_eq!(theme.party(Pane::Right).fg, Some(Color::Rgb(255, 128, 0)));
    let plain = Theme::plain().configured(&ThemeConfig {
        left: Some(Colour::Named(1)),
        right: None,
    });
    assert_eq!(plain.party(Pane::Left).fg, None, "NO_COLOR still wins");
}

/// A colour is read as people write it: any case, `_` or a space for `-`, and grey spelt
/// either way (`grey` was refused while `gray` was taken).
#[test]
fn colour_names_are_read_as_people_write_them() {
    for (written, index) in [
        ("gray", 7),
        ("Grey", 7),
        ("dark grey", 8),
        ("Light_Blue", 12),
        (" red", 1),
    ] {
        assert_eq!(
            Colour::try_from(written.to_owned()),
            Ok(Colour::Named(index)),
            "{written}"
        );
    }
    assert!(Colour::try_from("purple".to_owned()).is_err());
}

/// Every mistake of `[keys]` is said in one run, each at its line, in order: a key that is
/// none, an action that is none, a clash (one run per mistake was a chore).
#[test]
fn every_mistake_in_the_keys_is_said_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    // What `parallax config` says of a file of this text, having failed (exit 1).
    let refused = |text: &str| {
        std::fs::write(&file, text).unwrap();
        let out = parallax(&file).arg("config").output().unwrap();
        let said = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(1), "{said}");
        said
    };
    let said = refused("[keys]\nquit = \"Ctrl-\"\nexprot = \"E\"\nexport = \"x\"\n");
    let at = |what: &str| said.find(what).unwrap_or_else(|| panic!("{what}: {said}"));
    let (key, action, clash) = (
        at("line 2: the keys of `quit`: `Ctrl-` is not a key"),
        at("line 3: `exprot` is not an action; did you mean `export`?"),
        at("line 4: `x` would do two things"),
    );
    assert!(key < action && action < clash, "{said}");
    // A mistake in another section does not hide them: the screen's check says both, and
    // two sections' mistakes are said together too.
    let said = refused(
        "[theme]\nleft = \"red\"\nfoo = 1\n[export]\nformat = \"pdf\"\n[keys]\nexprot = \"E\"\n",
    );
    for what in [
        "line 3: unknown field `foo`",
        "line 5: unknown format `pdf`",
        "line 7: `exprot` is not an action",
    ] {
        assert!(said.contains(what), "{what}: {said}");
    }
    // Every mistake of one section too, a line each: not only the first of `[theme]`.
    let said = refused(
        "[theme]\nleft = \"purple\"\nright = \"#zzzzzz\"\ncolour = \"x\"\n[export]\nformat = \"pdf\"\nfolder = 3\n",
    );
    assert!(said.contains(", 5 mistakes:\n"), "{said}");
    for what in [
        "\n  line 2: unknown colour `purple`",
        "\n  line 3: unknown colour `#zzzzzz`",
        "\n  line 4: unknown field `colour`",
        "\n  line 6: unknown format `pdf`",
        "\n  line 7: invalid type: integer `3`, expected a string",
    ] {
        assert!(said.contains(what), "{what}: {said}");
    }
    // A name that is no action is said to be none, whatever its value, and the keys after it
    // are still read.
    let said = refused("[keys]\nbogus = 1\nquit = \"Ctrl-\"\nhelp = 2\n");
    for what in [
        "line 2: `bogus` is not an action",
        "line 3: the keys of `quit`: `Ctrl-` is not a key",
        "line 4: the keys of `help` must be a key or a list of keys",
    ] {
        assert!(said.contains(what), "{what}: {said}");
    }
    assert!(!said.contains("the keys of `bogus`"), "{said}");
}

#[test]
fn a_key_clash_or_an_unknown_action_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, "[keys]\nquit = \"Q\"\nexport = \"x\"\n").unwrap();
    parallax(&file)
        .arg("config")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("line 3"))
        .stderr(predicate::str::contains("`x` would do two things"));
    std::fs::write(&file, "[keys]\nexprot = \"x\"\n").unwrap();
    parallax(&file)
        .arg("config")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("line 2"))
        .stderr(predicate::str::contains(
            "`exprot` is not an action; did you mean `export`? The actions are",
        ));
    // `_` for `-`, a `-` left out, or capitals: the name meant, before the whole list.
    for (written, meant) in [
        ("open_editor", "open-editor"),
        ("openeditor", "open-editor"),
        ("Toggle_Suggestions", "toggle-suggestions"),
    ] {
        std::fs::write(&file, format!("[keys]\n{written} = \"F4\"\n")).unwrap();
        parallax(&file)
            .arg("config")
            .assert()
            .code(1)
            .stderr(predicate::str::contains(format!(
                "line 2: `{written}` is not an action; did you mean `{meant}`? The actions are"
            )));
    }
    // Nothing near: the list alone.
    std::fs::write(&file, "[keys]\nsplode = \"x\"\n").unwrap();
    parallax(&file)
        .arg("config")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "`splode` is not an action; the actions are",
        ))
        .stderr(predicate::str::contains("did you mean").not());
}

#[test]
fn keys_from_the_file_act_and_show_in_the_footer_and_help() {
    use parallax::tui::state::Modal;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let path = std::path::Path::new("c.toml");
    let config =
        parallax::config::parse("[keys]\nhelp = \"F1\"\nquit = [\"Q\", \"Ctrl-Q\"]\n", path)
            .unwrap();
    let mut app = common::bundled(120, 70);
    app.keymap = parallax::tui::bindings::keymap(&config.keys, path).unwrap();
    let footer = common::lines(&app).last().cloned().unwrap_or_default();
    assert!(
        footer.contains("F1  help") && footer.contains("Q  quit"),
        "{footer}"
    );
    assert!(!footer.contains("?  help"), "{footer}");
    // `?` no longer opens help; F1 does, and help lists the keys in force.
    common::keys(&mut app, &[KeyCode::Char('?')]);
    assert!(app.modals.is_empty());
    common::keys(&mut app, &[KeyCode::F(1)]);
    let Some(Modal::Help(help)) = app.modals.last() else {
        panic!("F1 opens help");
    };
    let quit = help.keys.iter().find(|k| k.help == "quit").unwrap();
    assert_eq!(quit.keys, "Q Ctrl-Q");
    assert!(common::screen(&app).contains("Q Ctrl-Q"));
    // Q quits from the help too (it takes the remapped quit as well).
    let ctrl_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert_eq!(common::key(&mut app, ctrl_q), parallax::tui::Outcome::Quit);
}

/// `[export] format` is the format the screen's export dialog first opens on, as it is the
/// default of `parallax export`; one the dialog does not offer leaves it on Markdown.
#[test]
fn the_export_dialog_opens_on_the_configured_format() {
    use parallax::export::Format;
    use ratatui::crossterm::event::KeyCode;
    let path = std::path::Path::new("c.toml");
    for (format, opened, name) in [
        ("html", Format::Html, ".html"),
        ("claimreview", Format::Markdown, ".md"),
    ] {
        let config =
            parallax::config::parse(&format!("[export]\nformat = \"{format}\"\n"), path).unwrap();
        let mut app = common::bundled(120, 40);
        parallax::tui::modal::export::update::configure(&mut app, &config.export);
        common::keys(&mut app, &[KeyCode::Char('e')]);
        let dialog = common::dialog(&app).expect("the dialog");
        assert_eq!(dialog.format, opened, "{format}");
        assert!(dialog.path.text().contains(name), "{}", dialog.path.text());
    }
}

#[test]
fn readme_names_every_action_keys_can_be_given() {
    let readme = common::readme();
    let names: Vec<String> = parallax::tui::bindings::action_names()
        .iter()
        .map(|n| format!("`{n}`"))
        .collect();
    let listed = readme
        .split("The actions, by the names `[keys]` gives them: ")
        .nth(1)
        .and_then(|rest| rest.split(" (what each does").next())
        .unwrap_or_default()
        .replace('\n', " ");
    let listed: Vec<&str> = listed.split(", ").collect();
    let mut sorted_names = names.clone();
    sorted_names.sort();
    let mut sorted_listed: Vec<String> = listed.iter().map(|s| s.to_string()).collect();
    sorted_listed.sort();
    assert_eq!(sorted_listed, sorted_names, "README's list of actions");
}

#[cfg(unix)]
#[test]
fn a_config_path_that_is_a_fifo_or_a_device_is_refused_not_read_forever() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("config.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    // Read as before, the FIFO blocked forever and /dev/zero filled memory: the timeout makes
    // such a regression fail instead of hang.
    for path in [fifo.as_path(), std::path::Path::new("/dev/zero")] {
        parallax(path)
            .arg("config")
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(1)
            .stderr(predicate::str::contains(format!(
                "cannot read the config file {}",
                path.display()
            )))
            .stderr(predicate::str::contains("not a regular file"))
            .stderr(predicate::str::contains("parallax config --default"));
    }
    // Larger than any config needs: refused too, saying the limit.
    let big = dir.path().join("big.toml");
    std::fs::write(&big, "#".repeat(2 << 20)).unwrap();
    parallax(&big)
        .arg("config")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("over the limit of 1048576 bytes"));
}

/// A mistake in a section stops only the commands that use it: `[theme]` and `[keys]` are the
/// screen's, `[export]` is the export's and the screen's, and the other commands read no setting
/// (a key clash made every command exit 2, `source <(parallax completions bash)` in a shell's
/// startup file too). `config` itself still reports it, and exits 1, as the README says.
#[test]
fn a_mistake_in_a_section_stops_only_the_commands_that_use_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    let fixture = fixture();
    for (i, (text, line, said)) in [
        (
            "[keys]\nhelp = \"?\"\nexport = \"x\"\n",
            "line 3",
            "would do two things",
        ),
        ("[theme]\nleft = \"#12345\"\n", "line 2", "unknown colour"),
    ]
    .into_iter()
    .enumerate()
    {
        std::fs::write(&file, text).unwrap();
        let new_dir = dir.path().join(format!("new-dispute-{i}"));
        let new_dir = new_dir.to_str().unwrap();
        let commands: [&[&str]; 10] = [
            &["show", &fixture],
            &["validate", &fixture],
            &["topics", &fixture],
            &["search", &fixture, "ceasefire"],
            &["timeline", &fixture],
            &["match", &fixture],
            &["export", "-f", "md", &fixture],
            &[
                "new", new_dir, "--title", "T", "--side", "a:A", "--side", "b:B",
            ],
            &["completions", "bash"],
            &["man"],
        ];
        for args in commands {
            let out = parallax(&file).args(args).output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                matches!(out.status.code(), Some(0 | 1)) && !err.contains("config file"),
                "{text} {args:?}: {err}"
            );
        }
        assert!(std::path::Path::new(new_dir).exists(), "`new` wrote it");
        // The screen uses the section: it stops, naming the line (before it needs a terminal).
        parallax(&file)
            .arg(&fixture)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(line))
            .stderr(predicate::str::contains(said))
            .stderr(predicate::str::contains("parallax config --default"));
        parallax(&file)
            .arg("config")
            .assert()
            .code(1)
            .stderr(predicate::str::contains(line))
            .stderr(predicate::str::contains(said));
    }
    // A mistake in `[export]` stops the export, even with --format given, and not `show`;
    // said as `config` says it, and as two mistakes are (the export printed the TOML crate's
    // block of the line and a caret).
    std::fs::write(&file, "[export]\nformat = \"pdf\"\n").unwrap();
    for args in [
        &["export", &fixture][..],
        &["export", "-f", "md", &fixture],
        &["config"],
    ] {
        parallax(&file)
            .args(args)
            .assert()
            .stdout("")
            .stderr(predicate::str::contains("line 2: unknown format `pdf`"))
            .stderr(predicate::str::contains("TOML parse error").not());
    }
    for args in [&["export", &fixture][..], &["export", "-f", "md", &fixture]] {
        parallax(&file).args(args).assert().code(2);
    }
    parallax(&file).args(["show", &fixture]).assert().success();
    // A file that is no TOML at all stops the export too: its `[export]` cannot be read.
    std::fs::write(&file, "[export\n").unwrap();
    parallax(&file)
        .args(["export", "-f", "md", &fixture])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("line 1"));
    parallax(&file)
        .args(["completions", "bash"])
        .assert()
        .success();
}

/// On a new account (no config folder yet), the command `parallax config` suggests works as
/// written: run in a shell, it writes a config file that then checks out, in a folder whose
/// name holds a space too (macOS's "Application Support": the words made two folders).
#[test]
fn the_suggested_command_writes_a_config_on_a_new_account() {
    let home = tempfile::tempdir().unwrap();
    for xdg in [
        home.path().join("fresh"),
        home.path().join("Application Support"),
    ] {
        suggested_command_writes_a_config(&xdg);
    }
    assert!(!home.path().join("Application").exists());
}

fn suggested_command_writes_a_config(xdg: &std::path::Path) {
    let bin = assert_cmd::cargo::cargo_bin("parallax");
    let run = |args: &[&str]| {
        std::process::Command::new(&bin)
            .args(args)
            .env("XDG_CONFIG_HOME", xdg)
            .env_remove("PARALLAX_CONFIG")
            .output()
            .unwrap()
    };
    let said = String::from_utf8(run(&["config"]).stdout).unwrap();
    let command = said
        .split('`')
        .nth(1)
        .unwrap_or_else(|| panic!("a command in {said}"))
        .replace("&& parallax ", &format!("&& {} ", bin.display()));
    let status = std::process::Command::new("sh")
        .args(["-c", &command])
        .env("XDG_CONFIG_HOME", xdg)
        .env_remove("PARALLAX_CONFIG")
        .status()
        .unwrap();
    assert!(status.success(), "{command}");
    let checked = String::from_utf8(run(&["config"]).stdout).unwrap();
    assert!(checked.ends_with(": ok\n"), "{checked}");
}

#[test]
fn a_config_file_that_parallax_config_names_must_exist() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("missing.toml");
    let shown = file.display().to_string();
    let said = format!(
        "parallax: PARALLAX_CONFIG names {shown}, which does not exist. Write one there with \
         `parallax config --default > {shown}`, or unset PARALLAX_CONFIG to use the defaults."
    );
    parallax(&file)
        .arg("config")
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(said.as_str()));
    // The commands that use a setting stop; the others read no file.
    for args in [&["export", "-f", "md", &fixture()][..], &[&fixture()]] {
        parallax(&file)
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(said.as_str()));
    }
    for args in [
        &["show", &fixture()][..],
        &["validate", &fixture()],
        &["man"],
    ] {
        parallax(&file).args(args).assert().success();
    }
    // What the message advises works, and `--default` and `--path` need no file.
    let default = parallax(&file)
        .args(["config", "--default"])
        .output()
        .unwrap();
    assert!(default.status.success());
    std::fs::write(&file, default.stdout).unwrap();
    parallax(&file)
        .arg("config")
        .assert()
        .success()
        .stdout(predicate::str::ends_with(": ok\n"));
}

#[test]
fn a_section_of_the_wrong_type_is_named_as_the_table_it_must_be() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    for (text, table) in [
        ("theme = 3\n", "[theme]"),
        ("export = \"html\"\n", "[export]"),
        ("keys = 3\n", "[keys]"),
    ] {
        std::fs::write(&file, text).unwrap();
        let out = parallax(&file).arg("config").output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{text}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("line 1"), "{err}");
        assert!(
            err.contains(&format!("expected a {table} table"))
                || err.contains(&format!("expected an {table} table")),
            "{err}"
        );
        assert!(!err.contains("Config"), "no Rust type name: {err}");
    }
}

/// PARALLAX_CONFIG naming a file in a folder that is not there: the command suggested makes the
/// folder first, and run as shown it writes a config that checks ok (it failed: no folder).
#[test]
fn a_missing_config_in_a_missing_folder_gets_a_command_that_works() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("new folder/parallax/config.toml");
    let out = parallax(&file).arg("config").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    let command = said
        .split('`')
        .nth(1)
        .unwrap_or_else(|| panic!("a command in {said}"));
    assert!(command.starts_with("mkdir -p "), "{said}");
    let bin = assert_cmd::cargo::cargo_bin("parallax");
    let command = command.replace("&& parallax ", &format!("&& {} ", bin.display()));
    let status = std::process::Command::new("sh")
        .args(["-c", &command])
        .status()
        .unwrap();
    assert!(status.success(), "{command}");
    let checked = parallax(&file).arg("config").output().unwrap();
    assert!(
        String::from_utf8_lossy(&checked.stdout).ends_with(": ok\n"),
        "{checked:?}"
    );
}

/// `[export] folder = "~"` is the home folder, as `~/exports` is a folder in it (it was read as
/// a folder named `~` in the current one, and the dialog said `the folder ~ does not exist`);
/// `~root/x`, another user's home, is refused with what to write instead, not made a folder.
#[test]
fn an_export_folder_of_tilde_alone_is_the_home_folder() {
    use ratatui::crossterm::event::KeyCode;
    let home = dirs::home_dir().expect("a home folder");
    let path = std::path::Path::new("c.toml");
    let config = parallax::config::parse("[export]\nfolder = \"~\"\n", path).unwrap();
    let mut app = common::bundled(160, 40);
    parallax::tui::modal::export::update::configure(&mut app, &config.export);
    common::keys(&mut app, &[KeyCode::Char('e')]);
    let s = common::screen(&app);
    assert!(
        s.contains(&format!("A relative path is in {};", home.display())),
        "{s}"
    );
    assert_eq!(
        parallax::tui::modal::export::update::target(&app.export_folder, "a.md", "b.md"),
        home.join("a.md")
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, "[export]\nfolder = \"~root/exports\"\n").unwrap();
    parallax(&file)
        .arg("config")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("line 2"))
        .stderr(predicate::str::contains("another user's home folder"))
        .stderr(predicate::str::contains("write the folder's full path"));
}

/// A key a terminal cannot send as itself (`Ctrl-I` arrives as Tab, `Ctrl-M` as Enter, `Ctrl-[`
/// as Esc; Ctrl does nothing to Enter or Shift-Tab; Alt-[ and Alt-O begin other keys' escape
/// sequences) or with a modifier written twice is refused,
/// by `parallax config` and at startup, naming the key, the action and why: it was said to be ok
/// and listed by `?`, and could never act.
#[test]
fn a_key_no_terminal_sends_as_itself_is_refused_naming_why() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    for (keys, action, why) in [
        (
            "export = \"Ctrl-I\"",
            "export",
            "terminals send Ctrl-I as Tab",
        ),
        (
            "filters = [\"f\", \"Ctrl-M\"]",
            "filters",
            "terminals send Ctrl-M as Enter",
        ),
        ("help = \"Ctrl-[\"", "help", "terminals send Ctrl-[ as Esc"),
        (
            "copy = \"Ctrl-H\"",
            "copy",
            "Ctrl-H is the code of Backspace on many terminals",
        ),
        (
            "open = \"Ctrl-Enter\"",
            "open",
            "terminals send Ctrl-Enter as Enter",
        ),
        (
            "prev-pane = \"Ctrl-Shift-Tab\"",
            "prev-pane",
            "terminals send Ctrl-Shift-Tab as Shift-Tab",
        ),
        ("copy = \"Ctrl-Ctrl-x\"", "copy", "has Ctrl- twice, a typo"),
        // Esc [ and Esc O begin other keys' sequences: Alt-[ swallowed the key after it.
        ("search = \"Alt-[\"", "search", "Alt-[ sends Esc ["),
        (
            "filters = [\"f\", \"Alt-O\"]",
            "filters",
            "Alt-O sends Esc O",
        ),
    ] {
        std::fs::write(&file, format!("[keys]\n{keys}\n")).unwrap();
        let key = keys.split('"').rev().nth(1).unwrap();
        let said = |out: std::process::Output| String::from_utf8(out.stderr).unwrap();
        // `config`, and the screen (on the bundled dispute) before it needs a terminal.
        for (args, code) in [(vec!["config"], 1), (vec![], 2)] {
            let out = parallax(&file).args(&args).output().unwrap();
            assert_eq!(out.status.code(), Some(code), "{keys} {args:?}");
            let e = said(out);
            assert!(
                e.contains("line 2")
                    && e.contains(&format!("the keys of `{action}`"))
                    && e.contains(&format!("`{key}`"))
                    && e.contains(why),
                "{keys}: {e}"
            );
        }
    }
    // Ctrl with a letter, Space or a named key other than those arrives as itself.
    std::fs::write(
        &file,
        "[keys]\nexport = [\"Ctrl-E\", \"Ctrl-Up\", \"Alt-Enter\"]\nfilters = [\"Ctrl-Space\", \"Alt-o\", \"Alt-]\"]\n",
    )
    .unwrap();
    parallax(&file).arg("config").assert().success();
}

/// The app on `app`'s dispute with the keys of a `[keys]` table in force.
/// What the screen says of a `[keys]` section (`keys`, its lines after the heading) it refuses.
fn keys_refused(keys: &str) -> String {
    let path = std::path::Path::new("c.toml");
    let config = parallax::config::parse(&format!("[keys]\n{keys}"), path).unwrap();
    parallax::tui::bindings::keymap(&config.keys, path)
        .unwrap_err()
        .to_string()
}

fn with_keys(mut app: parallax::tui::App, keys: &str) -> parallax::tui::App {
    let path = std::path::Path::new("c.toml");
    let config = parallax::config::parse(&format!("[keys]\n{keys}"), path).unwrap();
    app.keymap = parallax::tui::bindings::keymap(&config.keys, path).unwrap();
    app
}

/// Every message that names a key names the key in force: remapped, `n` said `press / to
/// search`, `B` said `b returns after r followed a link`, `P` said `press s to swap them`, the
/// uncompared side `press p`, the export dialog `& narrows`, the timeline `Home goes to the
/// first` and the help `k, ↑ or PgUp` and `Esc, ? or F1 closes this help`.
#[test]
fn messages_that_name_a_key_name_the_key_in_force() {
    use ratatui::crossterm::event::KeyCode::{self, Char, Enter, Esc, Right, Tab};
    let remapped = "search = \"F3\"\nswap-sides = \"S\"\njump-back = \"B\"\n\
                    follow-rebuttal = \"R\"\npick-parties = \"P\"\nnarrow = \"A\"\n\
                    first = \"H\"\nup = [\"Up\", \"w\"]\nback = [\"Esc\", \"W\"]\n";
    let mut app = with_keys(common::bundled(120, 40), remapped);
    let said = |app: &mut parallax::tui::App, keys: &[KeyCode]| {
        common::keys(app, keys);
        common::footer_said(app)
    };
    assert!(
        said(&mut app, &[Char('n')]).contains("No search: press F3 to search."),
        "{}",
        common::footer_said(&app)
    );
    assert!(said(&mut app, &[Char('A')]).contains("press F3 to search"));
    assert!(
        said(&mut app, &[Char('B')])
            .contains("Nothing to go back to: B returns after R followed a link."),
        "{}",
        common::footer_said(&app)
    );
    // A row in full whose claim links to a side not compared (third parties).
    let mut keys = vec![Tab];
    keys.extend([Char('J'); 6]);
    keys.extend([Enter, Char('R')]);
    let s = said(&mut app, &keys);
    assert!(
        s.contains("The linked claim `")
            && s.contains("` is on a side that is not compared; press P to choose the parties."),
        "{s}"
    );
    common::keys(&mut app, &[Esc]);
    // A row in full whose claim links to a side compared: the hint under the link.
    let mut full = with_keys(common::bundled(120, 40), remapped);
    common::keys(&mut full, &[Tab, Char('J'), Enter]);
    let s = common::screen(&full);
    assert!(
        s.contains("R: go to the claim it relates to · B: back"),
        "{s}"
    );
    // The export dialog, with a search in force not narrowed.
    common::keys(&mut app, &[KeyCode::F(3)]);
    common::typed(&mut app, "ceasefire");
    common::keys(&mut app, &[Enter, Char('e')]);
    let s = common::screen(&app);
    assert!(s.contains("not narrowed (A narrows)"), "{s}");
    common::keys(&mut app, &[Esc]);
    // The timeline, stepped on past its last bar.
    common::keys(&mut app, &[Char('T'), Right]);
    let s = common::footer_said(&app);
    assert!(s.contains("H goes to the first."), "{s}");
    common::keys(&mut app, &[Esc]);
    // The help: the keys that scroll it back and close it.
    let mut small = with_keys(common::bundled(80, 24), remapped);
    common::keys(&mut small, &[Char('?'), KeyCode::PageDown]);
    let s = common::screen(&small);
    assert!(s.contains("↑, w or PgUp to scroll back"), "{s}");
    common::keys(&mut small, &[KeyCode::End]);
    let s = common::screen(&small);
    assert!(s.contains("Esc, W, ? or F1 closes this help."), "{s}");
    // A dispute of two sides: the key that swaps them.
    let mut two = with_keys(
        common::app_at("tests/fixtures/export/normal", 120, 40),
        remapped,
    );
    let s = said(&mut two, &[Char('P')]);
    assert!(
        s.contains("This dispute has only two sides: press S to swap them."),
        "{s}"
    );
}

/// An action given no key (`help = []`) is not offered by the footer or listed by help with a
/// blank where its key would be; `quit = []` leaves Ctrl-C, which the footer then names; a
/// message does not name a key that is not there.
#[test]
fn an_action_with_no_key_is_offered_nowhere_and_ctrl_c_still_quits() {
    use ratatui::crossterm::event::KeyCode::{Char, F};
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};
    let mut app = with_keys(
        common::bundled(120, 40),
        "help = []\nquit = []\ntoggle-suggestions = []\n",
    );
    let footer = |app: &parallax::tui::App| common::lines(app).last().cloned().unwrap();
    let f = footer(&app);
    assert!(f.contains(" Ctrl-C  quit"), "{f}");
    assert!(!f.contains("  help") && !f.contains("   quit"), "{f}");
    // Keys left out at 60 columns: no `…` says help lists them, as no key opens it.
    let mut narrow = with_keys(common::bundled(60, 24), "help = []\n");
    common::keys(&mut narrow, &[ratatui::crossterm::event::KeyCode::Tab]);
    let f = footer(&narrow);
    assert!(f.contains("quit") && !f.contains('…'), "{f}");
    let mut narrow = common::bundled(60, 24);
    common::keys(&mut narrow, &[ratatui::crossterm::event::KeyCode::Tab]);
    assert!(
        footer(&narrow).contains('…'),
        "the default keys left out say so"
    );
    // The help over the export dialog (whose F1 stays): its footer, and its list.
    common::keys(&mut app, &[Char('e'), F(1)]);
    let f = footer(&app);
    assert!(f.contains("Esc  close  Ctrl-C  quit"), "{f}");
    common::keys(&mut app, &[ratatui::crossterm::event::KeyCode::Esc]);
    common::keys(&mut app, &[ratatui::crossterm::event::KeyCode::Esc]);
    assert!(app.modals.is_empty());
    // `a` away from a suggested row: no key shows them, so none is named.
    common::keys(&mut app, &[Char('a')]);
    assert_eq!(
        app.message.as_deref(),
        Some("Select a suggested row (≈) first.")
    );
    let ctrl_c = KeyEvent::new(Char('c'), KeyModifiers::CONTROL);
    assert_eq!(common::key(&mut app, ctrl_c), parallax::tui::Outcome::Quit);
    // Help lists no line of quit without a key; Ctrl-C's is there.
    let mut app = with_keys(
        common::bundled(120, 60),
        "quit = []
",
    );
    common::keys(&mut app, &[Char('?')]);
    let blank = |l: &String| {
        l.trim_matches(|c: char| c == '│' || c == ' ' || c == '"')
            .starts_with("quit")
    };
    let lines = common::lines(&app);
    assert!(!lines.iter().any(blank), "{}", common::screen(&app));
    assert!(
        lines.iter().any(|l| l
            .split_whitespace()
            .collect::<Vec<_>>()
            .windows(2)
            .any(|w| w == ["Ctrl-C", "quit"])),
        "{}",
        common::screen(&app)
    );
}

/// The key the file gives an action that opens a popup acts there too, and the default no
/// longer does: with `help = "F2"`, F2 in the help said `F2 does nothing in “Keys”.` while `?`
/// closed it; with `timeline = "F5"`, F5 in the timeline did nothing while `T` kept the date;
/// with `follow-rebuttal = "R"`, R in the choice of links did nothing while `r` followed one.
#[test]
fn a_remapped_key_that_opens_a_popup_closes_it_and_the_default_does_not() {
    use parallax::tui::state::Modal;
    use ratatui::crossterm::event::KeyCode::{Char, End, F, Tab};
    let keys = "help = \"F2\"\ntimeline = \"F5\"\nfollow-rebuttal = \"R\"\n";
    let mut app = with_keys(common::bundled(80, 24), keys);
    common::keys(&mut app, &[F(2)]);
    assert!(matches!(app.modal(), Some(Modal::Help(_))));
    common::keys(&mut app, &[End]);
    let s = common::screen(&app);
    assert!(s.contains("Esc or F2 closes this help."), "{s}");
    common::keys(&mut app, &[Char('?')]);
    assert!(
        matches!(app.modal(), Some(Modal::Help(_))),
        "? acts no more"
    );
    assert_eq!(app.message.as_deref(), Some("? does nothing in “Keys”."));
    common::keys(&mut app, &[F(2)]);
    assert_eq!(app.modal(), None, "F2 closes the help");
    // From the search line F1 opens the help whatever the file gives (`?` types there): F1
    // closes it too, and the help says so (it said `F1 does nothing in “Keys”`).
    common::keys(&mut app, &[Tab, Char('/'), F(1)]);
    assert!(
        matches!(app.modal(), Some(Modal::Help(_))),
        "{}",
        common::screen(&app)
    );
    common::keys(&mut app, &[End]);
    let s = common::screen(&app);
    assert!(s.contains("Esc, F2 or F1 closes this help."), "{s}");
    common::keys(&mut app, &[F(1)]);
    assert!(
        matches!(app.modal(), Some(Modal::Search(_))),
        "{}",
        common::screen(&app)
    );
    common::keys(
        &mut app,
        &[
            ratatui::crossterm::event::KeyCode::Esc,
            ratatui::crossterm::event::KeyCode::Esc,
        ],
    );
    // Opened from the comparison, F1 is no key of the help.
    common::keys(&mut app, &[F(2), F(1)]);
    assert!(matches!(app.modal(), Some(Modal::Help(_))));
    common::keys(&mut app, &[F(2)]);
    assert_eq!(app.modal(), None);
    common::keys(&mut app, &[F(5)]);
    assert!(matches!(app.modal(), Some(Modal::Timeline(_))));
    common::keys(&mut app, &[Char('T')]);
    assert!(
        matches!(app.modal(), Some(Modal::Timeline(_))),
        "T acts no more"
    );
    common::keys(&mut app, &[F(5)]);
    assert_eq!(
        app.modal(),
        None,
        "F5 keeps the date and closes the timeline"
    );
    // A row whose claims have several links: R offers them, and R follows the one chosen.
    let mut app = with_keys(common::app_at("tests/fixtures/relations", 120, 40), keys);
    common::keys(&mut app, &[Tab, Char(']'), Char(']'), Char('R')]);
    assert!(matches!(app.modal(), Some(Modal::Links(_))));
    common::keys(&mut app, &[Char('r')]);
    assert!(
        matches!(app.modal(), Some(Modal::Links(_))),
        "r acts no more"
    );
    common::keys(&mut app, &[Char('R')]);
    assert_eq!(app.modal(), None, "R follows the link chosen");
    // The timeline follows the file for its actions: a key given one must not clash there.
    let e = keys_refused("timeline = \"Delete\"\n");
    assert!(
        e.contains("line 2")
            && e.contains("`Delete` is the timeline's own key, for “no date: show what was said at any time”, and cannot be changed; give `timeline` another key"),
        "{e}"
    );
    // Not "would do two things: step-date and first", naming an action the file cannot give.
    let e = keys_refused("focus-topics = [\"Left\", \"H\"]\nfirst = [\"h\", \"Home\"]\n");
    assert!(
        e.contains("line 3: `h` is the timeline's own key")
            && e.contains("give `first` another key"),
        "{e}"
    );
    assert!(!e.contains("step-date"), "{e}");
    // An arrow is named as the file writes it too; Ctrl-Z acts everywhere, not in one place.
    let e = keys_refused("focus-comparison = \"L\"\nopen = \"Right\"\nundo = \"Ctrl-Z\"\n");
    assert!(
        e.contains("line 3: `→` (Right) is the timeline's own key, for “the bar after"),
        "{e}"
    );
    assert!(
        e.contains("line 4: `Ctrl-Z` acts everywhere, for “suspend to the shell (fg to return)”, and cannot be changed; give `undo` another key"),
        "{e}"
    );
}

/// A config that is a link to nothing (dotfiles moved) is a config meant and not found: said,
/// with where the link points, not taken for no config with the defaults in silence.
#[cfg(unix)]
#[test]
fn a_config_linked_to_nothing_says_so() {
    let xdg = tempfile::tempdir().unwrap();
    let folder = xdg.path().join("parallax");
    std::fs::create_dir_all(&folder).unwrap();
    let gone = xdg.path().join("dotfiles/parallax.toml");
    std::os::unix::fs::symlink(&gone, folder.join("config.toml")).unwrap();
    let run = |args: &[&str]| {
        Command::cargo_bin("parallax")
            .unwrap()
            .args(args)
            .env("XDG_CONFIG_HOME", xdg.path())
            .env_remove("PARALLAX_CONFIG")
            .output()
            .unwrap()
    };
    let said = format!(
        "it is a link to {}, which does not exist; mend the link or remove it",
        gone.display()
    );
    let checked = run(&["config"]);
    assert_eq!(checked.status.code(), Some(1));
    let err = String::from_utf8_lossy(&checked.stderr);
    assert!(err.contains(&said), "{err}");
    assert!(checked.stdout.is_empty());
    // The screen does not open on the defaults either.
    let screen = run(&[&fixture()]);
    assert_eq!(screen.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&screen.stderr).contains(&said));
    // A relative link is read from the link's folder, and said so.
    std::fs::remove_file(folder.join("config.toml")).unwrap();
    std::os::unix::fs::symlink("../dotfiles/parallax.toml", folder.join("config.toml")).unwrap();
    let err = String::from_utf8_lossy(&run(&["config"]).stderr).into_owned();
    let said = format!(
        "it is a link to {}, which does not exist",
        folder.join("../dotfiles/parallax.toml").display()
    );
    assert!(err.contains(&said), "{err}");
}

/// `parallax config` with the config at its place under `xdg`: its message, checked to fail.
fn config_check_fails(xdg: &std::path::Path) -> String {
    let checked = Command::cargo_bin("parallax")
        .unwrap()
        .arg("config")
        .env("XDG_CONFIG_HOME", xdg)
        .env_remove("PARALLAX_CONFIG")
        .output()
        .unwrap();
    assert_eq!(checked.status.code(), Some(1));
    String::from_utf8_lossy(&checked.stderr).into_owned()
}

/// A config that is a link to itself (or a circle of links) says so and what to mend, not the
/// system's "Too many levels of symbolic links".
#[cfg(unix)]
#[test]
fn a_config_whose_links_loop_says_so() {
    let xdg = tempfile::tempdir().unwrap();
    let folder = xdg.path().join("parallax");
    std::fs::create_dir_all(&folder).unwrap();
    std::os::unix::fs::symlink("config.toml", folder.join("config.toml")).unwrap();
    let err = config_check_fails(xdg.path());
    assert!(
        err.contains("its symbolic links lead round in a loop")
            && err.contains("point the link at a file"),
        "{err}"
    );
    assert!(!err.contains("os error"), "{err}");
}

/// A file where the config's folder should be (`parallax` a file) is named, not said as the
/// system's "Not a directory".
#[test]
fn a_file_in_the_place_of_the_config_folder_is_named() {
    let xdg = tempfile::tempdir().unwrap();
    std::fs::write(xdg.path().join("parallax"), "hi").unwrap();
    let err = config_check_fails(xdg.path());
    let said = format!(
        "{} is a file, where a folder on the way to it should be",
        xdg.path().join("parallax").display()
    );
    assert!(err.contains(&said), "{err}");
    assert!(!err.contains("os error"), "{err}");
}

/// `parallax config` says when `[export] folder` is no folder (missing, or a file): the file is
/// valid, but the export dialog would refuse at Enter.
#[test]
fn an_export_folder_that_is_no_folder_is_noted_by_the_check() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    let note = |folder: &std::path::Path| -> String {
        std::fs::write(
            &file,
            format!("[export]\nfolder = {:?}\n", folder.display().to_string()),
        )
        .unwrap();
        let out = parallax(&file).arg("config").output().unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let missing = dir.path().join("nope");
    assert!(
        note(&missing).contains(&format!(
            "[export] folder {} does not exist",
            missing.display()
        )),
        "{}",
        note(&missing)
    );
    assert!(note(&file).contains("is no folder"), "{}", note(&file));
    assert!(!note(dir.path()).contains("note:"), "{}", note(dir.path()));
}

/// A key the file gives quit that quits everywhere already (`quit = "Ctrl-C"`) is listed once
/// in the help, on the line of Ctrl-C (it was listed twice, `Ctrl-C  quit` above `Ctrl-C  quit`).
#[test]
fn a_key_that_acts_everywhere_given_to_its_action_is_listed_once() {
    use ratatui::crossterm::event::KeyCode::Char;
    for (keys, quit_lines) in [
        ("quit = \"Ctrl-C\"\n", vec!["Ctrl-C"]),
        ("quit = [\"Ctrl-C\", \"Q\"]\n", vec!["Q", "Ctrl-C"]),
    ] {
        let mut app = with_keys(common::bundled(120, 60), keys);
        common::keys(&mut app, &[Char('?')]);
        let Some(parallax::tui::state::Modal::Help(help)) = app.modals.last() else {
            panic!("? opens help");
        };
        let quits: Vec<&str> = help
            .keys
            .iter()
            .filter(|k| k.help == "quit")
            .map(|k| k.keys.as_str())
            .collect();
        assert_eq!(quits, quit_lines, "{keys}");
    }
}
