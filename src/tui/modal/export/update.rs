//! The export dialog (`e`): what to export (the selected topic or all topics), the format, and the
//! file, which is named after the dispute and the topic and goes in the current folder unless
//! another path is typed. It exports the comparison the screen shows, so the search and filters in
//! force apply. An existing file is never replaced without a `y` to "overwrite?".
//!
//! [`update`] is pure: pressing Enter only asks for the export ([`Outcome::Export`]); the event
//! loop then calls [`perform`], the one place that renders and writes the file.

use crate::export::{self, ExportError, Format};
use crate::tui::action::{Action, Outcome};
use crate::tui::app::App;
use crate::tui::keymap::{Binding, c, ctrl, k, listed, shown};
use crate::tui::layout::Regions;
use crate::tui::modal::component::{Component, Step};
use crate::tui::state::Modal;
use crate::tui::state::export::{Dialog, Field, Scope, Stage, format_name};
use crate::tui::strings::{self, footer, help};
use crate::tui::text_field::{Edit, TextField};
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use std::path::{Path, PathBuf};

/// The bindings inside the export dialog, which the dialog's footer and README list. Any other
/// character (without Ctrl or Alt) types into the path.
pub const BINDINGS: &[Binding] = &[
    shown(
        &[k(KeyCode::Tab), k(KeyCode::Down)],
        Action::NextPane,
        help::EXPORT_NEXT_FIELD,
        footer::EXPORT_FIELD,
    ),
    listed(
        &[k(KeyCode::BackTab), k(KeyCode::Up)],
        Action::PrevPane,
        help::EXPORT_PREV_FIELD,
    ),
    listed(
        &[k(KeyCode::Left)],
        Action::Edit(Edit::Left),
        help::EXPORT_LEFT,
    ),
    listed(
        &[k(KeyCode::Right)],
        Action::Edit(Edit::Right),
        help::EXPORT_RIGHT,
    ),
    listed(
        &[k(KeyCode::Home)],
        Action::Edit(Edit::Home),
        help::EXPORT_HOME,
    ),
    listed(
        &[k(KeyCode::End)],
        Action::Edit(Edit::End),
        help::EXPORT_END,
    ),
    listed(
        &[k(KeyCode::Backspace)],
        Action::Edit(Edit::Backspace),
        help::EXPORT_BACKSPACE,
    ),
    listed(
        &[k(KeyCode::Delete)],
        Action::Edit(Edit::Delete),
        help::EXPORT_DELETE,
    ),
    listed(&[ctrl('u')], Action::Edit(Edit::Erase), help::EXPORT_ERASE),
    shown(
        &[k(KeyCode::Enter)],
        Action::Open,
        help::EXPORT_SUBMIT,
        footer::EXPORT_SUBMIT,
    ),
    shown(
        &[k(KeyCode::Esc)],
        Action::Back,
        help::EXPORT_CANCEL,
        footer::EXPORT_CANCEL,
    ),
    shown(
        &[k(KeyCode::F(1))],
        Action::Help,
        crate::tui::strings::help::HELP,
        crate::tui::strings::footer::HELP,
    ),
];

/// The keys at "Overwrite it? y / n", which the footer then lists instead of the dialog's.
pub const CONFIRM: &[Binding] = &[
    shown(
        &[c('y'), c('Y')],
        Action::Open,
        help::EXPORT_OVERWRITE,
        footer::EXPORT_OVERWRITE,
    ),
    shown(
        &[c('n'), c('N'), k(KeyCode::Esc)],
        Action::Back,
        help::EXPORT_KEEP,
        footer::EXPORT_KEEP,
    ),
    shown(
        &[k(KeyCode::F(1))],
        Action::Help,
        crate::tui::strings::help::HELP,
        crate::tui::strings::footer::HELP,
    ),
];

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

/// The config file's `[export]` for the dialog: its folder, and its format as the one the
/// dialog first opens on (when it is one of the dialog's four).
pub fn configure(app: &mut App, config: &crate::config::ExportConfig) {
    if let Some(folder) = config.folder() {
        app.export_folder = folder;
    }
    if let Some(format) = config.format.and_then(|f| f.0.comparison()) {
        app.last_export = Some(crate::tui::state::export::Remembered {
            scope: Scope::Topic,
            format,
            path: None,
        });
    }
}

/// Opens the dialog with the last choices made while the program runs (the selected topic, in
/// Markdown, the first time), and the file name it would get unless one was typed.
pub fn open(app: &mut App) -> Step {
    let last = app.last_export.clone();
    let scope = match last.as_ref().map(|l| l.scope) {
        Some(Scope::All) => Scope::All,
        _ if app.current_topic().is_some() => Scope::Topic,
        _ => Scope::All,
    };
    let format = last.as_ref().map_or(Format::Markdown, |l| l.format);
    // A path emptied and left is not one: the name is offered again.
    let typed = last.and_then(|l| l.path).filter(|p| !p.trim().is_empty());
    Step::Open(Modal::Export(Box::new(Dialog {
        scope,
        format,
        field: Field::Scope,
        edited: typed.is_some(),
        path: TextField::proposed(typed.unwrap_or_else(|| default_name(app, scope, format))),
        stage: Stage::Editing,
        note: None,
        named: false,
    })))
}

impl Component for Dialog {
    fn title(&self) -> &'static str {
        strings::export::TITLE
    }

    fn bindings(&self) -> &'static [Binding] {
        match self.stage {
            Stage::Confirm => CONFIRM,
            Stage::Editing | Stage::Writing { .. } => BINDINGS,
        }
    }

    fn types(&self) -> bool {
        true
    }

    fn takes_paste(&self) -> bool {
        self.field == Field::File && matches!(self.stage, Stage::Editing)
    }

    fn works(&self, app: &App, action: Action) -> bool {
        let file = self.field == Field::File;
        match action {
            Action::Edit(Edit::Left | Edit::Right) if !file => {
                self.field == Field::Format || app.current_topic().is_some()
            }
            Action::Edit(
                e @ (Edit::Home
                | Edit::End
                | Edit::Left
                | Edit::Right
                | Edit::WordLeft
                | Edit::WordRight),
            ) => file && self.path.moves(e),
            Action::Edit(e) => self.path.moves(e),
            _ => true,
        }
    }

    fn update(&mut self, app: &mut App, action: Action) -> Step {
        // F1: help in a field where `?` is typed.
        if action == Action::Help {
            return crate::tui::modal::help::update::open(app, self);
        }
        let (keep, outcome) = match self.stage {
            Stage::Confirm => confirm(self, action),
            Stage::Editing | Stage::Writing { .. } => edit(app, self, action),
        };
        app.last_export = Some(self.remembered());
        match (keep, outcome) {
            (false, _) => Step::Close,
            (true, Outcome::Continue) => Step::Stay,
            (true, outcome) => Step::Then(outcome),
        }
    }

    fn draw(&self, frame: &mut Frame, app: &App, regions: &Regions) {
        super::view::draw(frame, app, self, regions.main);
    }
}

/// At "overwrite?": `y` writes, `n` or Esc returns to the dialog with the file untouched.
fn confirm(d: &mut Dialog, action: Action) -> (bool, Outcome) {
    match action {
        Action::Open | Action::Edit(Edit::Insert('y' | 'Y')) => {
            d.stage = Stage::Writing { force: true };
            (true, Outcome::Export)
        }
        Action::Edit(Edit::Insert('n' | 'N')) | Action::Back => {
            d.stage = Stage::Editing;
            d.field = Field::File;
            d.note = Some(strings::export::KEPT.to_owned());
            (true, Outcome::Continue)
        }
        _ => (true, Outcome::Continue),
    }
}

fn edit(app: &App, d: &mut Dialog, action: Action) -> (bool, Outcome) {
    d.stage = Stage::Editing;
    let edit = match action {
        Action::Back => return (false, Outcome::Continue),
        Action::Open => {
            // On the command line `-` is standard output; here it would name a file `-`; an
            // escape sequence pasted in would name the file with it.
            if let Some(why) = d.refusal() {
                d.field = Field::File;
                d.note = Some(why);
                return (true, Outcome::Continue);
            }
            d.stage = Stage::Writing { force: false };
            return (true, Outcome::Export);
        }
        Action::NextPane | Action::PrevPane => {
            let order = [Field::Scope, Field::Format, Field::File];
            let at = order.iter().position(|&f| f == d.field).unwrap_or(0);
            let step = if action == Action::NextPane { 1 } else { 2 };
            d.field = order[(at + step) % order.len()];
            return (true, Outcome::Continue);
        }
        Action::Edit(e @ (Edit::Left | Edit::Right)) if d.field != Field::File => {
            choose(app, d, e == Edit::Right);
            return (true, Outcome::Continue);
        }
        Action::Edit(e) => e,
        _ => return (true, Outcome::Continue),
    };
    // Typing, wherever the focus is, edits the path.
    if matches!(
        edit,
        Edit::Insert(_)
            | Edit::Backspace
            | Edit::Delete
            | Edit::Erase
            | Edit::DeleteWordBack
            | Edit::DeleteToEnd
    ) {
        d.field = Field::File;
    }
    if d.field == Field::File && d.path.apply(edit) {
        d.edited = true;
        d.note = None;
        // A name ending in another format's extension (`report.csv`) chooses that format, so
        // what is written is what the name says; the format line says so while it holds.
        match Format::from_path(Path::new(d.path.text().trim())) {
            Some(named) if named != d.format => {
                d.format = named;
                d.named = true;
            }
            Some(_) => {}
            None => d.named = false,
        }
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
    d.named = false;
    if !d.edited {
        d.path = TextField::proposed(default_name(app, d.scope, d.format));
    } else if Format::from_path(Path::new(d.path.text())).is_some() {
        let renamed = Path::new(d.path.text()).with_extension(d.format.extension());
        d.path = TextField::new(renamed.to_string_lossy());
    }
}

/// The file a typed path names: `~/` is the home folder, a relative path is in `folder`, and a
/// folder (or a path ending in `/`) gets the offered file name. Spaces at either end (a paste's)
/// are no part of it.
pub fn target(folder: &Path, typed: &str, offered: &str) -> PathBuf {
    let typed = typed.trim();
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
    let Some(Modal::Export(mut d)) = app.modals.pop() else {
        return;
    };
    let Stage::Writing { force } = d.stage else {
        app.modals.push(Modal::Export(d));
        return;
    };
    let offered = default_name(app, d.scope, d.format);
    let path = target(&app.export_folder, d.path.text(), &offered);
    let topic = match d.scope {
        Scope::Topic => topic_id(app),
        Scope::All => None,
    };
    // Never over the files the screen shows: a side file would hold an export.
    let own = export::dispute_files(&app.dispute, &app.live.paths);
    // Unmatched claims packed side by side on the screen are exported each alone, as the rules
    // made them.
    let result = export::check_not_input(&path, &own)
        .and_then(|()| {
            export::render(
                d.format,
                &app.dispute,
                &app.shown().unpacked(),
                topic.as_deref(),
                &selection(app, topic.as_deref()),
            )
        })
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
    app.modals.push(Modal::Export(d));
}

/// What narrows the comparison on screen, for the export to say: the topic when only it is
/// exported, the filters in force, and the search when it keeps only the rows with a hit.
fn selection(app: &App, topic: Option<&str>) -> Vec<String> {
    let mut labels = app.active_filters.clone();
    // One topic is a selection too, labelled as `export --topic` labels it.
    if let Some(id) = topic {
        let one = crate::query::Filter {
            topics: vec![id.to_owned()],
            ..Default::default()
        };
        // In place of a topic filter's label: only this one of its topics is exported.
        let prefix = "topic: ";
        labels.retain(|l| !l.starts_with(prefix));
        for label in one.describe().into_iter().rev() {
            labels.insert(0, label);
        }
    }
    if let (true, Some(q)) = (app.query.narrow, app.query.search_text()) {
        let typo_only = app.outcome.as_ref().map_or(0, |o| o.counts.typo_only);
        labels.push(crate::query::narrowed_label(q, typo_only));
    }
    // Counted as `export` counts: the claims in the file of the whole comparison's.
    let kept = match topic {
        Some(id) => {
            let mut kept = crate::compare::Counts::default();
            let rows = app.shown().topics.iter().filter(|t| t.id == id);
            kept.add_rows(rows.flat_map(|t| &t.rows));
            kept
        }
        None => app.shown().counts(),
    };
    crate::query::counted_labels(&app.cmp.counts(), &kept, &labels)
}
