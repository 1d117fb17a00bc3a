//! The dispute's files on disk while the screen is open: `E` opens the selected claim's file in
//! the analyst's editor at the claim's line, and the dispute reloads when a file changes (on the
//! editor's return, or whenever the watcher sees a change). A reload that fails keeps the last
//! good dispute on screen and opens the problems panel. The [`Watcher`] belongs to the event loop
//! (`terminal`), which polls it; what here reads or runs anything is called from the loop only.

use super::action::EditorAt;
use super::app::App;
use super::state::Modal;
use super::state::live::{Files, Prints};
use super::state::reload::{Problem, Problems};
use notify::{RecursiveMode, Watcher as _};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

/// The editor the analyst chose: `$VISUAL`, else `$EDITOR`, else `vi` (as git and crontab do).
pub fn chosen_editor() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(std::env::var_os)
        .map(|v| v.to_string_lossy().trim().to_owned())
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "vi".to_owned())
}

/// The program and arguments that open `file` at `line` in `editor` (a command line, as
/// `$EDITOR` holds it: `code --wait`, `emacsclient -t`). Editors known to take `+LINE` get it;
/// those that take `FILE:LINE` (VS Code, Sublime, Helix, Zed) get that; any other opens the
/// file. `None` when the command line is empty or cannot be split.
pub fn editor_command(editor: &str, file: &Path, line: Option<usize>) -> Option<Vec<String>> {
    let mut words = shell_words::split(editor).ok()?;
    let program = words.first()?;
    let name = editor_name(program);
    // A relative path that starts as an option or a command does (`+d/alpha.json` is a vim
    // command, `-d/…` an option) is given as `./+d/…`: every editor reads that as a file.
    let file = match file.display().to_string() {
        f if f.starts_with(['-', '+']) => format!("./{f}"),
        f => f,
    };
    const PLUS_LINE: &[&str] = &[
        "vi",
        "vim",
        "nvim",
        "gvim",
        "mvim",
        "view",
        "nano",
        "pico",
        "emacs",
        "emacsclient",
        "micro",
        "kak",
        "joe",
        "jed",
        "mg",
        "ne",
        "jove",
        "vis",
        "ex",
    ];
    const COLON_LINE: &[&str] = &["hx", "helix", "subl", "zed", "zeditor"];
    const GOTO: &[&str] = &["code", "codium", "code-insiders", "vscodium", "cursor"];
    match line {
        Some(n) if PLUS_LINE.contains(&name.as_str()) => {
            words.push(format!("+{n}"));
            words.push(file);
        }
        Some(n) if COLON_LINE.contains(&name.as_str()) => words.push(format!("{file}:{n}")),
        Some(n) if GOTO.contains(&name.as_str()) => {
            words.push("--goto".to_owned());
            words.push(format!("{file}:{n}"));
        }
        _ => words.push(file),
    }
    Some(words)
}

/// The editor a program is, by its file's name, lower case and without an extension
/// (`vim.basic` is vim). Debian's `editor` and `x-editor` are links to the editor chosen
/// (`/etc/alternatives/editor` to nano, say): the link is followed, so that editor gets its line.
fn editor_name(program: &str) -> String {
    let stem = |p: &Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .map(|n| n.split('.').next().unwrap_or_default().to_owned())
            .unwrap_or_default()
    };
    let path = Path::new(program);
    let name = stem(path);
    if !matches!(name.as_str(), "editor" | "x-editor") {
        return name;
    }
    let found = if program.contains('/') {
        Some(path.to_path_buf())
    } else {
        std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|dir| dir.join(program))
                .find(|p| p.is_file())
        })
    };
    found
        .and_then(|p| std::fs::canonicalize(p).ok())
        .map_or(name, |p| stem(&p))
}

/// The line the editor opens `file` at: the one given, or the line `at`'s JSON pointer starts
/// on in the file as it is now (read by the loader's rule: a side file swapped for a pipe must
/// not block the screen). The error says which file could not be read.
pub fn editor_line(app: &App, file: &Path, at: &EditorAt) -> Result<Option<usize>, String> {
    match at {
        EditorAt::Line(line) => Ok(*line),
        EditorAt::Pointer(pointer) => {
            let bytes = crate::load::read_regular(file, app.live.max_file).map_err(|e| {
                let name = crate::text::clean(&file.display().to_string()).text;
                format!("cannot read {name}: {e}")
            })?;
            Ok(crate::load::line_of(
                &String::from_utf8_lossy(&bytes),
                pointer,
            ))
        }
    }
}

/// Reads the dispute's files again (once, within `--max-file-size`). Unchanged bytes change
/// nothing; a dispute that loads replaces the one on screen, keeping the topic, row and selection
/// where they still are (and closes a problems panel); one that does not keeps the last good
/// dispute and opens (or refreshes) the problems panel. Does nothing for the bundled dispute.
pub fn reload(app: &mut App) {
    if app.live.paths.is_empty() {
        return;
    }
    // Dismissals made or undone outside the screen (`parallax dismiss`, an entry or the file
    // deleted) are in force before the suggestions are asked for again.
    let dismissals = reread_dismissals(app);
    let gathered = crate::load::gather(&app.live.paths, app.live.max_file);
    // Most events change nothing (the editor quit without saving, parallax's own write-back):
    // the files' fingerprints are compared before anything is parsed.
    if app
        .suggest
        .files
        .as_ref()
        .is_some_and(|f| f.same(&gathered))
    {
        // The bytes on screen are back (`git checkout`, an editor's undo), the problems panel
        // open or closed: they load, as they did, so the panel and the mark that the files do
        // not load go, with nothing to parse.
        let was_broken = !std::mem::take(&mut app.live.broken).is_empty() | problems_open(app);
        if was_broken {
            app.modals.retain(|m| !matches!(m, Modal::Reload(_)));
            app.message = Some(words::BACK_AS_SHOWN.to_owned());
        }
        if let Some((changed, said)) = dismissals {
            if changed {
                app.suggest_again();
            }
            app.message = Some(said);
        }
        return;
    }
    match load(&app.live.paths, gathered) {
        Ok((dispute, files, warnings)) => {
            app.modals.retain(|m| !matches!(m, Modal::Reload(_)));
            app.live.broken.clear();
            app.suggest.files = files;
            app.message = None;
            app.reload(dispute);
            refresh_modals(app);
            // What the reload closed (an accept dialog whose claims are gone) is said after.
            let reloaded = words::reloaded(warnings, &app.live.paths);
            app.message = Some(match app.message.take() {
                Some(closed) => format!("{reloaded} {closed}"),
                None => reloaded,
            });
        }
        Err(mut problems) => {
            // A side file of the dispute on screen gone from disk is said first, by its name:
            // in a folder without a manifest the load saw only one side left, and blamed it;
            // with one, it said the file listed is not there, in the words of a first load.
            if let Some(files) = &app.suggest.files {
                let gone: Vec<&PathBuf> = files
                    .sides
                    .iter()
                    .filter(|p| p.symlink_metadata().is_err())
                    .collect();
                problems.retain(|q| !gone.contains(&&q.file));
                // A side gone is why the sides are too few: said once, by its name, not also
                // blamed on the file left (`expected … two or more side files`).
                if !gone.is_empty() {
                    problems.retain(|q| !q.text.contains("[too-few-sides]"));
                }
                let gone: Vec<Problem> = gone
                    .into_iter()
                    .map(|p| Problem {
                        text: words::side_gone(p),
                        file: p.clone(),
                        line: None,
                    })
                    .collect();
                problems.splice(0..0, gone);
            }
            show_problems(app, problems)
        }
    }
}

/// Reads the dismissals file of the dispute's folder again. When it says otherwise than the
/// dismissals in force, they are replaced (a file that does not read keeps them); returns what
/// the footer says then, true when they were replaced; `None` when nothing changed.
fn reread_dismissals(app: &mut App) -> Option<(bool, String)> {
    let folder = crate::edit::folder_of(&app.live.paths)?;
    let read = crate::edit::dismissed::Dismissed::read(&folder);
    let was_broken = std::mem::replace(&mut app.live.dismissals_broken, read.is_err());
    match read {
        Ok(now) if now.entries == app.suggest.dismissed.entries => {
            // A file that did not read when the screen opened reads now: dismissals go to it.
            if now.path != app.suggest.dismissed.path {
                app.suggest.set_dismissed(now);
            }
            // Back as it was read: said, so the error shown last is not taken to stand.
            was_broken.then(|| (false, words::DISMISSALS_BACK.to_owned()))
        }
        Ok(now) => {
            app.suggest.set_dismissed(now);
            Some((true, words::DISMISSALS_RELOADED.to_owned()))
        }
        Err(e) => Some((false, words::dismissals_unread(&e.to_string()))),
    }
}

/// Loads files read for `paths`: the dispute, what to keep of the files, and the number of
/// warnings; or the errors, for the problems panel.
pub fn load(
    paths: &[PathBuf],
    gathered: crate::load::Gathered,
) -> Result<(crate::format::Dispute, Option<Files>, usize), Vec<Problem>> {
    // As opening does: the files are fingerprinted, then loaded dropping each one's bytes.
    let prints = Prints::of(&gathered);
    let loaded = gathered.into_loaded();
    match loaded.dispute {
        Some(d) if loaded.report.errors() == 0 => {
            let files = Files::of_read(paths, prints, &d);
            Ok((d, Some(files), loaded.report.warnings()))
        }
        _ => Err(problems_of(&loaded.report, paths)),
    }
}

/// The errors of a load, for the problems panel (never empty).
fn problems_of(report: &crate::load::Report, paths: &[PathBuf]) -> Vec<Problem> {
    let mut problems: Vec<Problem> = report
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| Problem {
            text: d.to_string(),
            file: PathBuf::from(&d.file),
            line: d.line,
        })
        .collect();
    if problems.is_empty() {
        problems.push(Problem {
            text: words::TOO_FEW_SIDES.to_owned(),
            file: paths.first().cloned().unwrap_or_default(),
            line: None,
        });
    }
    problems
}

fn problems_open(app: &App) -> bool {
    app.modals.iter().any(|m| matches!(m, Modal::Reload(_)))
}

/// Opens the problems panel, or refreshes the one open (keeping it where it is in the stack).
fn show_problems(app: &mut App, problems: Vec<Problem>) {
    app.live.broken.clone_from(&problems);
    // The same problems again (the watcher's reload of a save already read after the editor):
    // the panel stays as it is, scrolled where it was, and so does what the footer says (how
    // the editor ended).
    if app
        .modals
        .iter()
        .any(|m| matches!(m, Modal::Reload(p) if p.problems == problems))
    {
        return;
    }
    // The footer shows the panel's keys, not an older message.
    app.message = None;
    let fresh = Problems {
        problems,
        scroll: 0,
    };
    match app.modals.iter_mut().find_map(|m| match m {
        Modal::Reload(p) => Some(p),
        _ => None,
    }) {
        Some(open) => *open = fresh,
        None => app.modals.push(Modal::Reload(fresh)),
    }
}

/// How long the files must stay quiet after a change before the dispute reloads: an editor's
/// save is several events (a temporary file, a rename), and the reload waits for the last.
const SETTLE: Duration = Duration::from_millis(120);

/// Watches the folders of the dispute's files (the paths it was opened on, and the folder of
/// each side file, not their subfolders) and says when a JSON file
/// in them changed and then stayed quiet for [`SETTLE`]. Its thread is `notify`'s; the event
/// loop owns it and polls it.
pub struct Watcher {
    watcher: notify::RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
    changed: Option<Instant>,
    /// The folders watched, as the system names them (links resolved): a folder deleted and
    /// put back (`git checkout`, `rm -rf` and a copy) is watched again when it reappears in
    /// its parent, which is watched for that.
    folders: Vec<PathBuf>,
}

impl std::fmt::Debug for Watcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watcher")
            .field("changed", &self.changed)
            .finish()
    }
}

impl Watcher {
    /// Starts watching the folders of the paths the screen was opened on; `None` for the
    /// bundled dispute, or when the platform cannot watch (the footer says so).
    pub fn start(app: &mut App) -> Option<Watcher> {
        if app.live.paths.is_empty() {
            return None;
        }
        let mut folders: Vec<PathBuf> = app
            .live
            .paths
            .iter()
            .map(|p| {
                if p.is_dir() {
                    p.clone()
                } else {
                    crate::export::folder_of(p)
                }
            })
            .collect();
        // A manifest may list sides in a folder of their own (`"sides": ["parts/a.json"]`).
        if let Some(files) = &app.suggest.files {
            folders.extend(files.sides.iter().map(|p| crate::export::folder_of(p)));
        }
        let mut folders: Vec<PathBuf> = folders
            .into_iter()
            .map(|f| f.canonicalize().unwrap_or(f))
            .collect();
        folders.sort();
        folders.dedup();
        let (tx, events) = mpsc::channel();
        let started = notify::recommended_watcher(tx).and_then(|mut w| {
            for folder in &folders {
                w.watch(folder, RecursiveMode::NonRecursive)?;
            }
            // The parents, for a folder that goes and comes back; one that cannot be watched
            // (no parent, no permission) only means that case is not seen.
            for parent in folders.iter().filter_map(|f| f.parent()) {
                let _ = w.watch(parent, RecursiveMode::NonRecursive);
            }
            Ok(w)
        });
        match started {
            Ok(w) => Some(Watcher {
                watcher: w,
                events,
                changed: None,
                folders,
            }),
            Err(e) => {
                app.message = Some(words::cannot_watch(&e.to_string()));
                None
            }
        }
    }

    /// Takes the events waiting; true once a change has settled (and then not again until
    /// the next change).
    pub fn settled(&mut self) -> bool {
        while let Ok(event) = self.events.try_recv() {
            let Ok(event) = event else { continue };
            if event.kind.is_access() {
                continue;
            }
            for path in &event.paths {
                if self.folders.contains(path) {
                    // A watched folder come back (or gone): watched again, and read again.
                    if path.is_dir() {
                        let _ = self.watcher.watch(path, RecursiveMode::NonRecursive);
                    }
                    self.changed = Some(Instant::now());
                } else if path
                    .parent()
                    .is_some_and(|p| self.folders.iter().any(|f| f == p))
                    && relevant(path)
                {
                    self.changed = Some(Instant::now());
                }
            }
        }
        match self.changed {
            Some(at) if at.elapsed() >= SETTLE => {
                self.changed = None;
                true
            }
            _ => false,
        }
    }
}

/// A path whose change may change the screen: a file of the dispute (the loader's rule), or
/// the dismissals file.
fn relevant(path: &Path) -> bool {
    let Some(name) = path.file_name() else {
        return false;
    };
    // In any case: on a file system that ignores case, `dispute.JSON` is the manifest.
    name == crate::edit::dismissed::FILE || crate::load::is_dispute_file(&name.to_ascii_lowercase())
}

/// The words of this module.
mod words {
    /// A side file of the dispute on screen that is no longer on disk.
    pub fn side_gone(path: &std::path::Path) -> String {
        format!(
            "{}: no longer there (deleted or moved); it was a side of the dispute on screen: put it back (git checkout, undo the move), and the screen reloads",
            crate::text::inline(&crate::export::shown_path(path))
        )
    }
    pub const TOO_FEW_SIDES: &str =
        "fewer than two sides loaded: each side file must hold a valid side";

    /// The files on disk were broken, and are back to what the screen shows.
    pub const BACK_AS_SHOWN: &str = "The files on disk load again: they are back to what is shown.";

    /// After the dismissals file changed on disk.
    pub const DISMISSALS_RELOADED: &str =
        "Reloaded the dismissed suggestions: .parallax-dismissed.json changed on disk.";

    /// The dismissals file that did not read reads again, holding what it held before.
    pub const DISMISSALS_BACK: &str = "The dismissals file reads again: .parallax-dismissed.json holds the dismissals read before.";

    /// The dismissals file changed on disk and does not read.
    pub fn dismissals_unread(why: &str) -> String {
        format!(
            "{}; the dismissals read before stay in force.",
            crate::text::clean(why).text
        )
    }

    /// After a reload.
    pub fn reloaded(warnings: usize, paths: &[std::path::PathBuf]) -> String {
        match warnings {
            0 => "Reloaded: the files changed on disk.".to_owned(),
            n => format!(
                "Reloaded: the files changed on disk ({n} warning(s): `{}` lists them).",
                crate::load::validate_command(paths)
            ),
        }
    }

    /// The platform cannot watch the folder.
    pub fn cannot_watch(why: &str) -> String {
        format!(
            "Cannot watch the files for changes ({}); the screen reloads after E only.",
            crate::text::clean(why).text
        )
    }
}

/// After the files changed on disk (the new dispute on screen): each open modal that counts or
/// charts the dispute counts it again (the filter panel's choices, the timeline's bars, the
/// as-of bar's span), so none shows the old files' numbers as the footer says `Reloaded`.
fn refresh_modals(app: &mut App) {
    let mut modals = std::mem::take(&mut app.modals);
    for m in &mut modals {
        match m {
            Modal::Filters(p) => super::modal::filters::update::refresh(app, p),
            Modal::Timeline(c) => super::modal::timeline::update::refresh(app, c),
            Modal::AsOf(bar) => super::modal::as_of::update::refresh(app, bar),
            _ => {}
        }
    }
    // What a refresh opened meanwhile (nothing does) goes on top, not lost.
    modals.append(&mut app.modals);
    app.modals = modals;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editors_that_take_a_line_get_it_and_others_open_the_file() {
        let f = Path::new("/d/india.json");
        let cmd = |e: &str, l| editor_command(e, f, l).unwrap_or_default().join(" ");
        assert_eq!(cmd("vim", Some(12)), "vim +12 /d/india.json");
        assert_eq!(
            cmd("/usr/bin/nano", Some(3)),
            "/usr/bin/nano +3 /d/india.json"
        );
        assert_eq!(
            cmd("emacsclient -t", Some(7)),
            "emacsclient -t +7 /d/india.json"
        );
        assert_eq!(
            cmd("code --wait", Some(9)),
            "code --wait --goto /d/india.json:9"
        );
        assert_eq!(cmd("hx", Some(4)), "hx /d/india.json:4");
        assert_eq!(cmd("ed", Some(4)), "ed /d/india.json");
        assert_eq!(cmd("vim", None), "vim /d/india.json");
        assert_eq!(
            cmd("'/opt/my editor/vim' -n", Some(2)),
            "/opt/my editor/vim -n +2 /d/india.json"
        );
        // A folder named `+d` or `-d`: its file is no command and no option to the editor.
        let odd = |f: &str, e: &str| {
            editor_command(e, Path::new(f), Some(13))
                .unwrap_or_default()
                .join(" ")
        };
        assert_eq!(odd("+d/alpha.json", "vim"), "vim +13 ./+d/alpha.json");
        assert_eq!(odd("-d/alpha.json", "ed"), "ed ./-d/alpha.json");
        assert_eq!(odd("-d/alpha.json", "hx"), "hx ./-d/alpha.json:13");
        assert!(editor_command("  ", f, Some(1)).is_none());
        // Debian's `editor` link is followed to the editor it names: the words after the
        // program, for a link `name` to a program `target`.
        let dir = tempfile::tempdir().expect("temp dir");
        let args = |name: &str, target: &str| {
            let target = dir.path().join(target);
            std::fs::write(&target, "").expect("written");
            let link = dir.path().join(name);
            std::os::unix::fs::symlink(&target, &link).expect("linked");
            let editor = shell_words::quote(&link.display().to_string()).into_owned();
            editor_command(&editor, f, Some(5)).unwrap_or_default()[1..].join(" ")
        };
        assert_eq!(args("editor", "nano.basic"), "+5 /d/india.json");
        // A link to an editor that takes no line opens the file alone.
        assert_eq!(args("x-editor", "ed"), "/d/india.json");
        assert!(editor_command("vim 'unclosed", f, Some(1)).is_none());
    }

    #[test]
    fn only_visible_json_files_matter() {
        assert!(relevant(Path::new("/d/india.json")));
        assert!(relevant(Path::new("/d/dispute.JSON")));
        assert!(!relevant(Path::new("/d/.india.json.swp")));
        assert!(!relevant(Path::new("/d/.parallax-export-1.tmp")));
        assert!(!relevant(Path::new("/d/notes.md")));
        assert!(relevant(Path::new("/d/.parallax-dismissed.json")));
        assert!(!relevant(Path::new("/d/.parallax-dismissed.json.tmp")));
    }
}
