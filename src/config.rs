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
# md, csv, json, html, claims-csv or claimreview.
# format = "md"
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
}

/// `[theme]`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeConfig {
    /// The left party's colour.
    pub left: Option<Colour>,
    /// The right party's colour.
    pub right: Option<Colour>,
}

/// `[export]`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportConfig {
    /// The default format.
    pub format: Option<FormatName>,
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
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file exists but cannot be read.
    #[error("cannot read the config file {path}: {reason}")]
    Unreadable {
        /// The file, as shown.
        path: String,
        /// What the system said.
        reason: String,
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
    if let Some(p) = std::env::var_os("PARALLAX_CONFIG").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    dirs::config_dir().map(|d| d.join("parallax").join("config.toml"))
}

/// Parses a configuration's text; `path` names it in errors.
pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
    toml::from_str(text).map_err(|e| ConfigError::Invalid {
        path: crate::export::shown_path(path),
        message: crate::text::clean(&e.to_string()).text,
    })
}

/// The configuration in force: the file's, or the defaults when there is none.
pub fn load() -> Result<Config, ConfigError> {
    let Some(path) = path() else {
        return Ok(Config::default());
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&text, &path),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(e) => Err(ConfigError::Unreadable {
            path: crate::export::shown_path(&path),
            reason: e.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
