//! The export dialog's state: what to export, the format, the file, and where the dialog stands.

use crate::export::Format;
use crate::tui::strings;
use crate::tui::text_field::TextField;

/// What the dialog exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The topic selected on screen.
    Topic,
    /// Every topic of the comparison.
    All,
}

/// The dialog's fields, in the order Tab visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// This topic or all topics.
    Scope,
    /// Markdown, CSV, JSON or HTML.
    Format,
    /// The file's path.
    File,
}

/// Where the dialog stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Choosing and typing.
    Editing,
    /// The file exists: "overwrite? y/n".
    Confirm,
    /// Enter (or `y`) was pressed; the event loop is to write the file.
    Writing {
        /// Replace an existing file (the analyst said yes).
        force: bool,
    },
}

/// The dialog's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dialog {
    /// What to export.
    pub scope: Scope,
    /// The format.
    pub format: Format,
    /// The field keys act on.
    pub field: Field,
    /// The file's path: relative to `App::export_folder` unless absolute; `~/` is the home folder.
    pub path: TextField,
    /// Whether the path was typed (then a change of scope or format only changes its extension).
    pub edited: bool,
    /// Where the dialog stands.
    pub stage: Stage,
    /// A line for the analyst: why the last export failed, or that a file was kept.
    pub note: Option<String>,
    /// True while the format is the one the typed name's extension chose (`report.csv`): the
    /// format line says so.
    pub named: bool,
}

/// Every format, with the name the dialog shows.
pub fn format_name(format: Format) -> &'static str {
    match format {
        Format::Markdown => strings::export::MARKDOWN,
        Format::Csv => strings::export::CSV,
        Format::Json => strings::export::JSON,
        Format::Html => strings::export::HTML,
    }
}

/// The dialog's last choices, kept while the program runs so the next export starts from them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remembered {
    /// What was exported.
    pub scope: Scope,
    /// The format.
    pub format: Format,
    /// The path as typed, when it was typed (an offered name is offered afresh).
    pub path: Option<String>,
}

impl Dialog {
    /// What the next opening starts from.
    pub fn remembered(&self) -> Remembered {
        Remembered {
            scope: self.scope,
            format: self.format,
            // A name refused (`-`, empty) is not offered again: the offered one is.
            path: (self.edited && self.refusal().is_none()).then(|| self.path.text().to_owned()),
        }
    }

    /// Why the path typed cannot name the file, before anything is written: empty, `-` (standard
    /// output on the command line), or holding a control or hidden character.
    pub fn refusal(&self) -> Option<String> {
        let text = self.path.text();
        if text.trim().is_empty() {
            Some(strings::export::NO_FILE.to_owned())
        } else if text.trim() == "-" {
            Some(strings::export::DASH.to_owned())
        } else {
            crate::text::not_one_line(text).map(strings::export::hidden_in_name)
        }
    }
}
