//! The export dialog (`e`): what to export (the selected topic or all topics), the format, and the
//! file, which is named after the dispute and the topic and goes in the current folder unless
//! another path is typed. It exports the comparison the screen shows, so the search and filters in
//! force apply. An existing file is never replaced without a `y` to "overwrite?".
//!
//! [`update`] is pure: pressing Enter only asks for the export ([`Outcome::Export`]); the event
//! loop then calls [`perform`], the one place that renders and writes the file.

use super::app::App;
use super::strings;
use super::text_field::{Edit, TextField};
use super::update::{Action, Outcome};
use crate::export::{self, ExportError, Format};
use std::path::{Path, PathBuf};

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

/// A key in the dialog, as the bindings table in `keys.rs` names it. Any other character types
/// into the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// The next field.
    NextField,
    /// The previous field.
    PrevField,
    /// The previous choice, or the path's cursor one left.
    Left,
    /// The next choice, or the path's cursor one right.
    Right,
    /// The path's start.
    Home,
    /// The path's end.
    End,
    /// Delete before the cursor.
    Backspace,
    /// Delete under the cursor.
    Delete,
    /// A typed character (at "overwrite?", `y` or `n`).
    Type(char),
    /// Export.
    Submit,
    /// Close the dialog (at "overwrite?": keep the file).
    Cancel,
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
    /// The file's path: relative to [`App::export_folder`] unless absolute; `~/` is the home folder.
    pub path: TextField,
    /// Whether the path was typed (then a change of scope or format only changes its extension).
    pub edited: bool,
    /// Where the dialog stands.
    pub stage: Stage,
    /// A line for the analyst: why the last export failed, or that a file was kept.
    pub note: Option<String>,
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

/// The selected topic's id, which "this topic" exports.
fn topic_id(app: &App) -> Option<String> {
    app.current_topic().map(|t| t.id.clone())
}

/// The file name offered for a scope and format.
pub fn default_name(app: &App, scope: Scope, format: Format) -> String {
    let topic = match scope {
        Scope::Topic => topic_id(app),
        Scope::All => None,
    };
    export::default_file_name(&app.dispute, topic.as_deref(), format)
}

/// Opens the dialog on the selected topic, in Markdown, with the file name it would get.
pub fn open(app: &mut App) {
    let scope = if app.current_topic().is_some() {
        Scope::Topic
    } else {
        Scope::All
    };
    let format = Format::Markdown;
    app.export = Some(Dialog {
        scope,
        format,
        field: Field::Scope,
        path: TextField::new(default_name(app, scope, format)),
        edited: false,
        stage: Stage::Editing,
        note: None,
    });
}

/// Applies an action to the open dialog. Only the dialog's keys (and Esc) act; the screen beneath
/// waits.
pub fn update(app: &mut App, action: Action) -> Outcome {
    let input = match action {
        Action::ExportDialog(input) => input,
        Action::Back => Input::Cancel,
        _ => return Outcome::Continue,
    };
    let Some(mut d) = app.export.take() else {
        return Outcome::Continue;
    };
    let (keep, outcome) = match d.stage {
        Stage::Confirm => confirm(&mut d, input),
        Stage::Editing | Stage::Writing { .. } => edit(app, &mut d, input),
    };
    if keep {
        app.export = Some(d);
    }
    outcome
}

/// At "overwrite?": `y` writes, `n` or Esc returns to the dialog with the file untouched.
fn confirm(d: &mut Dialog, input: Input) -> (bool, Outcome) {
    match input {
        Input::Type('y' | 'Y') => {
            d.stage = Stage::Writing { force: true };
            (true, Outcome::Export)
        }
        Input::Type('n' | 'N') | Input::Cancel => {
            d.stage = Stage::Editing;
            d.field = Field::File;
            d.note = Some(strings::export::KEPT.to_owned());
            (true, Outcome::Continue)
        }
        _ => (true, Outcome::Continue),
    }
}

fn edit(app: &App, d: &mut Dialog, input: Input) -> (bool, Outcome) {
    d.stage = Stage::Editing;
    let edit = match input {
        Input::Cancel => return (false, Outcome::Continue),
        Input::Submit => {
            if d.path.text().trim().is_empty() {
                d.field = Field::File;
                d.note = Some(strings::export::NO_FILE.to_owned());
                return (true, Outcome::Continue);
            }
            d.stage = Stage::Writing { force: false };
            return (true, Outcome::Export);
        }
        Input::NextField | Input::PrevField => {
            let order = [Field::Scope, Field::Format, Field::File];
            let at = order.iter().position(|&f| f == d.field).unwrap_or(0);
            let step = if input == Input::NextField { 1 } else { 2 };
            d.field = order[(at + step) % order.len()];
            return (true, Outcome::Continue);
        }
        Input::Left | Input::Right if d.field != Field::File => {
            choose(app, d, input == Input::Right);
            return (true, Outcome::Continue);
        }
        Input::Left => Edit::Left,
        Input::Right => Edit::Right,
        Input::Home => Edit::Home,
        Input::End => Edit::End,
        Input::Backspace => Edit::Backspace,
        Input::Delete => Edit::Delete,
        Input::Type(c) => Edit::Insert(c),
    };
    // Typing, wherever the focus is, edits the path.
    if matches!(edit, Edit::Insert(_) | Edit::Backspace | Edit::Delete) {
        d.field = Field::File;
    }
    if d.field == Field::File && d.path.apply(edit) {
        d.edited = true;
        d.note = None;
    }
    (true, Outcome::Continue)
}

/// Changes the scope or the format, and the path with it: the offered name while the path is
/// untouched, else only a known extension.
fn choose(app: &App, d: &mut Dialog, forward: bool) {
    match d.field {
        Field::Scope => {
            d.scope = match d.scope {
                Scope::All if app.current_topic().is_some() => Scope::Topic,
                _ => Scope::All,
            };
        }
        Field::Format => {
            let all = Format::ALL;
            let at = all.iter().position(|&f| f == d.format).unwrap_or(0);
            let step = if forward { 1 } else { all.len() - 1 };
            d.format = all[(at + step) % all.len()];
        }
        Field::File => return,
    }
    d.note = None;
    if !d.edited {
        d.path = TextField::new(default_name(app, d.scope, d.format));
    } else if Format::from_path(Path::new(d.path.text())).is_some() {
        let renamed = Path::new(d.path.text()).with_extension(d.format.extension());
        d.path = TextField::new(renamed.to_string_lossy());
    }
}

/// The file a typed path names: `~/` is the home folder, a relative path is in `folder`, and a
/// folder (or a path ending in `/`) gets the offered file name.
pub fn target(folder: &Path, typed: &str, offered: &str) -> PathBuf {
    let home = || std::env::var_os("HOME").map(PathBuf::from);
    let path = match typed.strip_prefix("~/").map(|rest| (home(), rest)) {
        Some((Some(home), rest)) => home.join(rest),
        _ if typed == "~" => home().unwrap_or_else(|| PathBuf::from(typed)),
        _ => PathBuf::from(typed),
    };
    let path = if path.is_absolute() {
        path
    } else {
        folder.join(path)
    };
    if typed.ends_with('/') || path.is_dir() {
        path.join(offered)
    } else {
        path
    }
}

/// Carries out the export the dialog asked for: renders the comparison on screen (the selected
/// topic or all of it) and writes the file. On success the dialog closes and the footer says where
/// the file went; an existing file asks "overwrite?"; a failure stays in the dialog, with what to
/// do, and in the footer.
pub fn perform(app: &mut App) {
    let Some(mut d) = app.export.take() else {
        return;
    };
    let Stage::Writing { force } = d.stage else {
        app.export = Some(d);
        return;
    };
    let offered = default_name(app, d.scope, d.format);
    let path = target(&app.export_folder, d.path.text(), &offered);
    let topic = match d.scope {
        Scope::Topic => topic_id(app),
        Scope::All => None,
    };
    let result = export::render(
        d.format,
        &app.dispute,
        app.shown(),
        topic.as_deref(),
        &selection(app),
    )
    .and_then(|bytes| export::write_file(&path, &bytes, force));
    let shown = export::shown_path(&path);
    match result {
        Ok(()) => {
            let what = match d.scope {
                Scope::Topic => {
                    strings::export::topic(app.current_topic().map_or("", |t| t.title.as_str()))
                }
                Scope::All => strings::export::all_topics(app.shown().topics.len()),
            };
            app.message = Some(strings::export::exported(
                &shown,
                format_name(d.format),
                &what,
            ));
            return;
        }
        Err(ExportError::Exists { .. }) => {
            d.stage = Stage::Confirm;
            d.note = Some(strings::export::exists(&shown));
            app.message = Some(strings::export::ask_overwrite(&shown));
        }
        Err(e) => {
            d.stage = Stage::Editing;
            d.field = Field::File;
            d.note = Some(e.to_string());
            app.message = Some(strings::export::failed(&e.to_string()));
        }
    }
    app.export = Some(d);
}

/// What narrows the comparison on screen, for the export to say: the filters in force, and the
/// search when it keeps only the rows with a hit.
fn selection(app: &App) -> Vec<String> {
    let mut labels = app.active_filters.clone();
    if let (true, Some(q)) = (app.query.narrow, app.query.search_text()) {
        labels.push(format!("search: {}", crate::text::clean(q).text));
    }
    labels
}
