//! The config file: `parallax config --default` prints a valid commented file, a typo is an
//! error naming its line, and the settings reach the export and the screen's colours.

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
    parallax(&file)
        .arg("config")
        .assert()
        .success()
        .stdout(predicate::str::contains("no such file"));
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
    parallax(&file)
        .args(["export", "-f", "md"])
        .arg(fixture())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("config file"));
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
