//! The configuration file, `config.toml` at the platform's config path (`~/.config/parallax/`
//! on Linux; `$PARALLAX_CONFIG` names another file). Read with the `toml` crate; an unknown
//! section, key or value is an error that names the file, the line and what is allowed, so a
//! typo never passes silently. Every setting is optional.

use crate::cli::ExportFormat;
use clap::ValueEnum;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The commented default file that `parallax config --default` prints.
pub const DEFAULT: &str = r##"# parallax configuration. Where it is read from: `parallax config --path`.
# Every setting is optional: remove the leading # to use one.

[theme]
# The colours of the two parties compared, left and right: a colour name (black, red, green,
# yellow, blue, magenta, cyan, gray, dark-gray, light-red, light-green, light-yellow,
# light-blue, light-magenta, light-cyan, white) or #rrggbb. NO_COLOR still turns colour off.
# left = "light-blue"
# right = "yellow"

[export]
# The format of `parallax export` when neither --format nor the file's extension names one:
# md, csv, json, html, claims-csv or claimreview; the screen's export dialog opens on it too
# when it is md, csv, json or html.
# format = "md"
# The folder a relative path typed in the screen's export dialog is taken from (default: the
# folder parallax was started in); ~ is your home folder, ~/exports a folder in it.
# folder = "~/exports"

[keys]
# Keys for the screen's actions, in place of their default keys, wherever the action has a key
# and nothing is typed (the comparison, a row in full, help, the party picker, link choices,
# the problems panel). A key is a character (x, E, ?), a name (Up, Down, Left, Right, PgUp,
# PgDn, Home, End, Tab, Shift-Tab, Enter, Esc, Backspace, Delete, Space, F1 to F12), or one of
# them after Ctrl- or Alt- (not Ctrl-I, Ctrl-M, Ctrl-[ or Ctrl-H: terminals send them as Tab,
# Enter, Esc and Backspace; not Alt-[ or Alt-O: they begin the escape sequences of other
# keys). Give a list for several keys, [] for none. Ctrl-C always quits and Ctrl-Z always
# suspends. `?` lists the keys in force; the README lists the actions.
# quit = ["q", "Ctrl-Q"]
# open-editor = "E"
# export = "x"
# dismiss = "X"
"##;

/// The settings in force.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Colours of the screen.
    #[serde(default)]
    pub theme: ThemeConfig,
    /// Defaults of `parallax export`.
    #[serde(default)]
    pub export: ExportConfig,
    /// `[keys]` as read: an action's name and its keys, with where they were written.
    #[serde(default, rename = "keys", deserialize_with = "keys_table")]
    keys_read: KeysRead,
    /// `[keys]`: the keys the file gives actions, in the file's order of names.
    #[serde(skip)]
    pub keys: Vec<KeySetting>,
}

/// `[keys]` as read: each action's name and its value, with where it was written.
type KeysRead = std::collections::BTreeMap<String, toml::Spanned<toml::Value>>;

/// Reads `[keys]`, saying what it must be when it is not a table (`keys = 3`).
fn keys_table<'de, D: serde::Deserializer<'de>>(d: D) -> Result<KeysRead, D::Error> {
    struct Table;
    impl<'de> serde::de::Visitor<'de> for Table {
        type Value = KeysRead;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a [keys] table")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<KeysRead, A::Error> {
            let mut out = KeysRead::new();
            while let Some((action, keys)) = map.next_entry()? {
                out.insert(action, keys);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Table)
}

/// One line of `[keys]`: an action's name and the keys given it, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeySetting {
    /// The action's name, as written.
    pub action: String,
    /// Its keys, as written (none: the action has no key).
    pub keys: Vec<String>,
    /// The 1-based line it is on.
    pub line: usize,
}

/// `[theme]`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a [theme] table")]
pub struct ThemeConfig {
    /// The left party's colour.
    pub left: Option<Colour>,
    /// The right party's colour.
    pub right: Option<Colour>,
}

/// `[export]`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, expecting = "an [export] table")]
pub struct ExportConfig {
    /// The default format.
    pub format: Option<FormatName>,
    /// The folder a relative path of the screen's export dialog is taken from.
    pub folder: Option<FolderName>,
}

impl ExportConfig {
    /// The export folder with `~` alone or a leading `~/` put in full, if one is set.
    pub fn folder(&self) -> Option<PathBuf> {
        let folder = self
            .folder
            .as_ref()
            .map(|f| f.0.as_str())
            .filter(|f| !f.trim().is_empty())?;
        let home = dirs::home_dir();
        match (folder.strip_prefix("~/"), home) {
            (Some(rest), Some(home)) => Some(home.join(rest)),
            (None, Some(home)) if folder == "~" => Some(home),
            _ => Some(PathBuf::from(folder)),
        }
    }
}

/// `[export] folder` as written, checked: `~user/…` (another user's home, which a shell would
/// look up) is refused rather than read as a folder named `~user` in the current one.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct FolderName(pub String);

impl TryFrom<String> for FolderName {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        let first = s
            .split(['/', std::path::MAIN_SEPARATOR])
            .next()
            .unwrap_or_default();
        if first.len() > 1 && first.starts_with('~') {
            return Err(format!(
                "the folder `{}` starts with `{}`, another user's home folder, which parallax does not look up; write the folder's full path, or `~/` for your own home folder",
                crate::text::clean(&s).text,
                crate::text::clean(first).text
            ));
        }
        Ok(FolderName(s))
    }
}

/// A format named in the file, checked against the formats `parallax export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct FormatName(pub ExportFormat);

impl TryFrom<String> for FormatName {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        ExportFormat::from_str(&s, true)
            .map(FormatName)
            .map_err(|_| {
                format!(
                    "unknown format `{}`; choose md, csv, json, html, claims-csv or claimreview",
                    crate::text::clean(&s).text
                )
            })
    }
}

/// A colour: one of the 16 terminal colours (by index, in the order [`NAMES`] lists them) or
/// an RGB value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub enum Colour {
    /// A terminal colour.
    Named(u8),
    /// `#rrggbb`.
    Rgb(u8, u8, u8),
}

/// The terminal colours' names, in ANSI order.
pub const NAMES: [&str; 16] = [
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "dark-gray",
    "light-red",
    "light-green",
    "light-yellow",
    "light-blue",
    "light-magenta",
    "light-cyan",
    "white",
];

impl TryFrom<String> for Colour {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        let name = s.trim().to_lowercase().replace(['_', ' '], "-");
        // British spelling, as the program's own words are.
        let name = name.replace("grey", "gray");
        if let Some(i) = NAMES.iter().position(|n| *n == name) {
            return Ok(Colour::Named(i as u8));
        }
        let hex = name.strip_prefix('#').filter(|h| h.len() == 6);
        let byte = |i: usize| hex.and_then(|h| u8::from_str_radix(h.get(i..i + 2)?, 16).ok());
        match (byte(0), byte(2), byte(4)) {
            (Some(r), Some(g), Some(b)) => Ok(Colour::Rgb(r, g, b)),
            _ => Err(format!(
                "unknown colour `{}`; write a name ({}) or #rrggbb",
                crate::text::clean(&s).text,
                NAMES.join(", ")
            )),
        }
    }
}

/// Why the configuration could not be used.
/// The shell command that writes a default config file at `file`, making its folder first
/// when there is none yet (a new account); each path one shell word, so it runs as shown
/// (macOS puts the file under "Application Support").
pub fn write_command(file: &Path) -> String {
    let word = |p: &Path| crate::text::shell_path(&crate::export::shown_path(p));
    let make = file
        .parent()
        .filter(|f| !f.as_os_str().is_empty() && !f.exists())
        .map_or_else(String::new, |folder| {
            format!("mkdir -p {} && ", word(folder))
        });
    format!("{make}parallax config --default > {}", word(file))
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file exists but cannot be read.
    #[error(
        "cannot read the config file {path}: {reason}. The config file must be a readable regular file of at most 1 MiB; `parallax config --default` prints a valid one."
    )]
    Unreadable {
        /// The file, as shown.
        path: String,
        /// What the system said.
        reason: String,
    },
    /// `$PARALLAX_CONFIG` names a file that does not exist: the user asked for settings that
    /// are not there, so nothing runs without them.
    #[error(
        "PARALLAX_CONFIG names {path}, which does not exist. Write one there with `{command}`, or unset PARALLAX_CONFIG to use the defaults."
    )]
    Missing {
        /// The file, as shown.
        path: String,
        /// The command that writes one there ([`write_command`]).
        command: String,
    },
    /// The file is not valid, or names something unknown.
    #[error(
        "config file {path}, {message}Fix the file, or see a valid one with `parallax config --default`."
    )]
    Invalid {
        /// The file, as shown.
        path: String,
        /// The parser's message: the line, the column and what is wrong.
        message: String,
    },
}

/// Where the configuration file is: `$PARALLAX_CONFIG`, else `parallax/config.toml` in the
/// platform's config folder. `None` when there is no such folder.
pub fn path() -> Option<PathBuf> {
    named().or_else(|| dirs::config_dir().map(|d| d.join("parallax").join("config.toml")))
}

/// The file `$PARALLAX_CONFIG` names, if it is set (and not empty).
fn named() -> Option<PathBuf> {
    std::env::var_os("PARALLAX_CONFIG")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
}

/// The error for a file the `toml` crate could not read as asked, as every mistake is said:
/// `line 2: unknown format `pdf`…` (the crate's own block of the line and a caret said one
/// mistake otherwise than two).
fn not_valid(e: &toml::de::Error, text: &str, path: &Path) -> ConfigError {
    invalid_lines(path, &[at(e, text)])
}

/// Parses a configuration's text; `path` names it in errors.
pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
    parse_checking(text, path, &|_| Vec::new())
}

/// What checks a `[keys]` that reads: its mistakes at their lines (the screen's keymap).
pub type KeysCheck<'a> = &'a dyn Fn(&[KeySetting]) -> Vec<(usize, String)>;

/// [`parse`], with the keys checked by `check`. A file with mistakes in more than one place
/// names them all in one run: each section is read again alone, the others blanked (so the
/// lines stay), and a section that fails each of its entries alone; a `[keys]` that reads is
/// checked too, though another section failed.
pub fn parse_checking(text: &str, path: &Path, check: KeysCheck) -> Result<Config, ConfigError> {
    let first = match typed(text) {
        Ok((config, malformed)) => {
            let mut problems = check(&config.keys);
            add_malformed(&mut problems, malformed, check);
            return if problems.is_empty() {
                Ok(config)
            } else {
                Err(invalid_lines(path, &problems))
            };
        }
        Err(first) => first,
    };
    let mut problems = Vec::new();
    let mut keys = Vec::new();
    let mut malformed = Vec::new();
    for section in sections(text) {
        let problem = match typed(&section) {
            Ok((config, bad)) => {
                keys.extend(config.keys);
                malformed.extend(bad);
                continue;
            }
            Err(e) => at(&e, &section),
        };
        // Each entry alone says its own mistake (`left = "purple"` and `right = "#zzz"`).
        let mut found = Vec::new();
        for piece in entries(&section) {
            match typed(&piece) {
                Ok((config, bad)) => {
                    keys.extend(config.keys);
                    malformed.extend(bad);
                }
                Err(e) => found.push(at(&e, &piece)),
            }
        }
        // What the section says stands: a mistake no entry shows alone (a key written twice).
        if !found.iter().any(|(line, _)| *line == problem.0) {
            found.push(problem);
        }
        problems.extend(found);
    }
    keys.sort_by_key(|k| k.line);
    problems.extend(check(&keys));
    add_malformed(&mut problems, malformed, check);
    if problems.len() <= 1 {
        return Err(not_valid(&first, text, path));
    }
    problems.sort_by_key(|(line, _)| *line);
    problems.dedup();
    Err(invalid_lines(path, &problems))
}

/// `[keys]` lines whose value is no key nor list of keys: a name that is no action says so
/// first (`bogus = 1`), else the value's shape is the mistake.
fn add_malformed(
    problems: &mut Vec<(usize, String)>,
    malformed: Vec<KeySetting>,
    check: KeysCheck,
) {
    for setting in malformed {
        let line = setting.line;
        let named = check(std::slice::from_ref(&setting));
        if named.is_empty() {
            problems.push((
                line,
                format!(
                    "the keys of `{}` must be a key or a list of keys, like \"q\" or [\"q\", \"Ctrl-Q\"]",
                    crate::text::clean(&setting.action).text
                ),
            ));
        } else {
            problems.extend(named);
        }
    }
}

/// The text of a section once for each of its entries: its header and that entry, everything
/// else blanked (lines and columns stay). Empty when the section does not parse as TOML or
/// holds more than one table: then the section's own mistake is all that is said.
fn entries(section: &str) -> Vec<String> {
    let Ok(table) = toml::de::DeTable::parse(section) else {
        return Vec::new();
    };
    let table = table.into_inner();
    let header = section
        .lines()
        .scan(0, |at, line| {
            let start = *at;
            *at += line.len() + 1;
            Some((start, line))
        })
        .find(|(_, l)| l.trim_start().starts_with('['))
        .map(|(start, line)| start..start + line.len());
    let inner = match (&header, table.len()) {
        (None, _) => &table,
        (Some(_), 1) => match table.values().next().map(|v| v.get_ref()) {
            Some(toml::de::DeValue::Table(t)) => t,
            _ => return Vec::new(),
        },
        _ => return Vec::new(),
    };
    inner
        .iter()
        .map(|(key, value)| key.span().start..value.span().end)
        .filter(|range| range.start < range.end)
        .map(|range| {
            section
                .char_indices()
                .map(|(i, c)| {
                    let kept =
                        range.contains(&i) || header.as_ref().is_some_and(|h| h.contains(&i));
                    if kept || c == '\n' { c } else { ' ' }
                })
                .collect()
        })
        .collect()
}

/// The line and words of the mistake `e` in `text`.
fn at(e: &toml::de::Error, text: &str) -> (usize, String) {
    let line = e.span().map_or(1, |s| line_at(text, s.start));
    (line, e.message().trim_end_matches('.').to_owned())
}

/// The line (from 1) of byte `offset` of `text`.
fn line_at(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map_or(1, |before| before.matches('\n').count() + 1)
}

/// The text once for each section (the lines before the first header, then each `[header]`
/// and its lines), every other line blanked: read alone, each says its own mistakes at their
/// lines.
fn sections(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut starts = vec![0];
    starts.extend(
        lines
            .iter()
            .enumerate()
            .filter(|(i, l)| *i > 0 && l.trim_start().starts_with('['))
            .map(|(i, _)| i),
    );
    let ends = starts.iter().skip(1).copied().chain([lines.len()]);
    starts
        .iter()
        .zip(ends)
        .map(|(&from, to)| {
            lines
                .iter()
                .enumerate()
                .map(|(i, l)| if (from..to).contains(&i) { *l } else { "" })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
}

/// The configuration of `text`, or its first mistake; with it the `[keys]` lines whose value
/// is no key nor list of keys (`quit = 3`), left out of its keys.
fn typed(text: &str) -> Result<(Config, Vec<KeySetting>), toml::de::Error> {
    let mut config: Config = toml::from_str(text)?;
    let mut keys = Vec::new();
    let mut malformed = Vec::new();
    for (action, value) in std::mem::take(&mut config.keys_read) {
        let line = line_at(text, value.span().start);
        let list = match value.get_ref() {
            toml::Value::String(one) => Some(vec![one.clone()]),
            toml::Value::Array(many) => {
                many.iter().map(|v| v.as_str().map(str::to_owned)).collect()
            }
            _ => None,
        };
        let setting = |keys| KeySetting { action, keys, line };
        match list {
            Some(list) => keys.push(setting(list)),
            None => malformed.push(setting(Vec::new())),
        }
    }
    keys.sort_by_key(|k| k.line);
    config.keys = keys;
    Ok((config, malformed))
}

/// The error for a problem at a line of the file at `path`.
pub fn invalid(path: &Path, line: usize, what: &str) -> ConfigError {
    invalid_lines(path, &[(line, what.to_owned())])
}

/// The error for problems at lines of the file at `path`, all said at once, in order of line,
/// so one run names every mistake.
pub fn invalid_lines(path: &Path, problems: &[(usize, String)]) -> ConfigError {
    let mut problems = problems.to_vec();
    problems.sort_by_key(|(line, _)| *line);
    let said =
        |(line, what): &(usize, String)| format!("line {line}: {}.", crate::text::clean(what).text);
    // Several mistakes are listed a line each, so each can be read and fixed in turn.
    let message = match problems.as_slice() {
        [one] => format!("{} ", said(one)),
        many => format!(
            "{} mistakes:\n{}\n",
            many.len(),
            many.iter()
                .map(|p| format!("  {}", said(p)))
                .collect::<Vec<_>>()
                .join("\n")
        ),
    };
    ConfigError::Invalid {
        path: crate::export::shown_path(path),
        message,
    }
}

/// `[export]` alone, as `parallax export` reads the file: the other sections are the screen's,
/// and a mistake in one of them (a key clash in `[keys]`) is no reason for an export to stop.
#[derive(Deserialize)]
struct ExportOnly {
    #[serde(default)]
    export: ExportConfig,
}

/// The configuration in force: the file's, or the defaults when there is none at the
/// platform's path. A file that `$PARALLAX_CONFIG` names must exist.
pub fn load() -> Result<Config, ConfigError> {
    load_checking(&|_| Vec::new())
}

/// [`load`], with the keys checked by `check` (see [`parse_checking`]).
pub fn load_checking(check: KeysCheck) -> Result<Config, ConfigError> {
    match read()? {
        Some((text, path)) => parse_checking(&text, &path, check),
        None => Ok(Config::default()),
    }
}

/// The file's `[export]` (the defaults when there is no file), checked as [`load`] checks it;
/// the rest of the file is read only as far as TOML needs.
pub fn load_export() -> Result<ExportConfig, ConfigError> {
    match read()? {
        Some((text, path)) => toml::from_str::<ExportOnly>(&text)
            .map(|only| only.export)
            .map_err(|e| not_valid(&e, &text, &path)),
        None => Ok(ExportConfig::default()),
    }
}

/// The text of the config file in force and its path; `None` when there is none at the
/// platform's path. A file that `$PARALLAX_CONFIG` names must exist.
fn read() -> Result<Option<(String, PathBuf)>, ConfigError> {
    let Some(path) = path() else {
        return Ok(None);
    };
    let unreadable = |reason: String| ConfigError::Unreadable {
        path: crate::export::shown_path(&path),
        reason,
    };
    // Read as side files are: a pipe or a device (`/dev/zero`) is refused, not read forever.
    match crate::load::read_regular(&path, MAX_SIZE) {
        Ok(bytes) => {
            let text = String::from_utf8(bytes)
                .map_err(|_| unreadable("it is not UTF-8 text".to_owned()))?;
            Ok(Some((text, path)))
        }
        // A link to nothing (dotfiles moved) is a config meant and not found, not no config.
        Err(e)
            if e.kind() == std::io::ErrorKind::NotFound
                && std::fs::symlink_metadata(&path).is_ok() =>
        {
            // A relative target is read from the link's folder, and shown so.
            let to = std::fs::read_link(&path)
                .map(|to| match path.parent() {
                    Some(folder) if to.is_relative() => folder.join(to),
                    _ => to,
                })
                .map(|to| format!(" to {}", crate::export::shown_path(&to)))
                .unwrap_or_default();
            Err(unreadable(format!(
                "it is a link{to}, which does not exist; mend the link or remove it"
            )))
        }
        Err(e) if crate::load::is_link_loop(&e) => Err(unreadable(format!(
            "{}; {}",
            crate::load::LINK_LOOP,
            crate::load::MEND_LOOP
        ))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && named().is_some() => {
            Err(ConfigError::Missing {
                path: crate::export::shown_path(&path),
                command: write_command(&path),
            })
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        // A file where a folder on the way should be (`parallax` a file, not the folder).
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => {
            let file = path.ancestors().skip(1).find(|a| a.is_file()).map_or_else(
                || "a part of its path".to_owned(),
                crate::export::shown_path,
            );
            Err(unreadable(format!(
                "{file} is a file, where a folder on the way to it should be; move that file \
                 away, or name another config file with PARALLAX_CONFIG"
            )))
        }
        // The default place in a home the user may not enter (`sudo -u nobody` keeps
        // `HOME=/root`): whether a file is there cannot be known, and none can be read.
        Err(e) if named().is_none() && behind_a_closed_folder(e.kind(), &path) => Ok(None),
        Err(e) => Err(unreadable(e.to_string())),
    }
}

/// True when a file could not be read because a folder on its way may not be entered, rather
/// than because the file itself may not be read.
fn behind_a_closed_folder(kind: std::io::ErrorKind, path: &Path) -> bool {
    let denied = std::io::ErrorKind::PermissionDenied;
    // The file's own folder closed (`parallax/` at 700, another's) denies even a look at the
    // file; a folder further up closed denies a look at its folder.
    kind == denied
        && (std::fs::symlink_metadata(path).is_err_and(|e| e.kind() == denied)
            || path
                .parent()
                .is_some_and(|folder| std::fs::metadata(folder).is_err()))
}

/// The largest config file read: far more than every setting takes.
pub const MAX_SIZE: u64 = 1 << 20;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_config_behind_a_folder_that_cannot_be_entered_is_no_config() {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("no-such-folder").join("config.toml");
        let denied = std::io::ErrorKind::PermissionDenied;
        assert!(behind_a_closed_folder(denied, &gone));
        // The folder can be entered: the file itself is unreadable, and that is said.
        assert!(!behind_a_closed_folder(
            denied,
            &dir.path().join("config.toml")
        ));
        assert!(!behind_a_closed_folder(
            std::io::ErrorKind::InvalidData,
            &gone
        ));
    }

    #[test]
    fn the_default_file_is_valid_and_sets_nothing() {
        assert_eq!(parse(DEFAULT, Path::new("d")).unwrap(), Config::default());
        let uncommented: String = DEFAULT
            .lines()
            .map(|l| {
                l.strip_prefix("# ")
                    .filter(|l| l.contains(" = "))
                    .unwrap_or(l)
            })
            .collect::<Vec<_>>()
            .join("\n");
        let c = parse(&uncommented, Path::new("d")).unwrap();
        assert_eq!(c.theme.left, Some(Colour::Named(12)));
        assert_eq!(c.export.format, Some(FormatName(ExportFormat::Markdown)));
    }

    #[test]
    fn an_unknown_key_or_value_names_its_line() {
        let e = parse(
            "[theme]\nleft = \"blue\"\nmiddle = \"red\"\n",
            Path::new("c.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("line 3") && e.contains("middle"), "{e}");
        let e = parse("[export]\n\nformat = \"pdf\"\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("line 3") && e.contains("unknown format `pdf`"),
            "{e}"
        );
        let e = parse("[theme]\nright = \"#12345\"\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2") && e.contains("unknown colour"), "{e}");
        assert_eq!(
            parse("[theme]\nright = \"#FF8000\"\n", Path::new("c"))
                .unwrap()
                .theme
                .right,
            Some(Colour::Rgb(255, 128, 0))
        );
    }
}
