//! `parallax` with no command, or a dispute path: the comparison screen. The command loads the
//! dispute and sets the screen up; `tui` itself knows nothing of the command line.

use super::{Failure, open_from, pair};
use crate::cli::OpenArgs;
use crate::tui::{Action, App, bindings, keymap, modal, state, strings, suggest, terminal, theme};
use std::io::Write;

/// Loads the dispute the arguments name (or the bundled one) and opens the UI on it. Load errors
/// are printed to `err` before the screen is taken, like every other command's. `config` is the
/// config file as the command line read it.
pub fn open(
    args: &OpenArgs,
    config: &crate::config::Config,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    // Each file is read once. With files, the screen keeps their fingerprints, so an accepted
    // suggestion is written back only over files that have not changed since.
    let paths = &args.input.paths;
    let gathered =
        (!paths.is_empty()).then(|| crate::load::gather(paths, args.input.read.max_file_size));
    // Nothing else needs the bytes: the load drops each side file's once it is checked.
    let prints = gathered.as_ref().map(state::live::Prints::of);
    let reading = gathered.as_ref().and_then(slow_to_load);
    if let Some(said) = &reading {
        write!(err, "{said}")?;
        err.flush()?;
    }
    let loaded = gathered.map_or_else(
        crate::load::load_bundled,
        crate::load::Gathered::into_loaded,
    );
    if reading.is_some() {
        // The line goes before what the load has to say, or the screen, takes its place.
        write!(err, "\r\x1b[2K")?;
    }
    let (dispute, _, warnings) = open_from(loaded, paths, err)?;
    let (left, right) = pair(&dispute, &args.pair)?;
    err.flush()?;
    // Only a fingerprint of the files is kept, not their bytes: a write reads them again.
    let files = prints.map(|p| state::live::Files::of_read(paths, p, &dispute));
    // Side files from several folders have no dispute folder, so no dismissals file.
    let writable = files.as_ref().is_some_and(|f| f.refused.is_none());
    let dismissed = match crate::edit::folder_of(&args.input.paths).filter(|_| writable) {
        Some(folder) => crate::edit::dismissed::Dismissed::open(&folder),
        None => (crate::edit::dismissed::Dismissed::default(), None),
    };
    let theme = theme::Theme::from_env().configured(&config.theme);
    let keymap = match crate::config::path() {
        Some(path) => bindings::keymap(&config.keys, &path),
        None => Ok(keymap::Keymap::default()),
    }
    .map_err(|e| Failure::Usage(e.to_string()))?;
    let mut app = App::new(dispute, left, right, theme);
    app.keymap = keymap;
    // Suggestions start hidden once most claims are linked: say which key shows them.
    if !app.suggest.on && suggest::unlinked_on_both_sides(app.shown()) {
        let key_for = |action| app.keymap.key_for(modal::screen::BINDINGS, false, action);
        let (key, help, quit) = (
            key_for(Action::ToggleSuggestions),
            key_for(Action::Help),
            key_for(Action::Quit),
        );
        app.message = strings::suggest_hint(&key, &help, &quit);
    }
    // The note on stderr is hidden by the screen: the footer says it too, as a reload does.
    if warnings > 0 {
        let said = strings::opened_with_warnings(warnings, paths);
        app.message = Some(match app.message.take() {
            Some(hint) => format!("{said} {hint}"),
            None => said,
        });
    }
    // No path, in a folder of a dispute of the analyst's own: likelier a path forgotten.
    if paths.is_empty()
        && let Some(file) = crate::load::dispute_here()
    {
        let said = strings::bundled_not_here(&file);
        app.message = Some(match app.message.take() {
            Some(other) => format!("{said} {other}"),
            None => said,
        });
    }
    // Side files named one by one leave out the manifest beside them (one an accepted
    // suggestion wrote, say): its titles and questions are missing from the screen, which
    // looks as if they were lost. Said at once, with the command that reads it.
    if let Some(folder) = manifest_beside(paths) {
        let said = strings::manifest_not_read(&folder);
        app.message = Some(match app.message.take() {
            Some(other) => format!("{said} {other}"),
            None => said,
        });
    }
    modal::export::update::configure(&mut app, &config.export);
    if files.is_some() {
        app.live.paths.clone_from(&args.input.paths);
    }
    app.live.max_file = args.input.read.max_file_size;
    app.suggest.files = files;
    // The opening's request, not yet sent, is given the dismissals; a file that does not
    // read is said, and keeps every dismissal from being written until it does.
    let (dismissed, unread) = dismissed;
    app.suggest.set_dismissed(dismissed);
    if let Some(e) = unread {
        app.message = Some(e.to_string());
    }
    app.mouse = !args.no_mouse;
    let mouse = app.mouse;
    terminal::run(&mut app, mouse)?;
    Ok(())
}

/// From this many bytes read, the screen takes seconds to come (about 3 s for 330 MB).
const SLOW_LOAD: usize = 32 << 20;

/// What stderr says while files this big load, so the terminal is not left blank and still
/// (only when stderr is a terminal, where the line is then cleared).
fn slow_to_load(gathered: &crate::load::Gathered) -> Option<String> {
    use std::io::IsTerminal;
    let size: usize = gathered.bytes()?.iter().map(|b| b.len()).sum();
    (size >= SLOW_LOAD && std::io::stderr().is_terminal()).then(|| {
        format!(
            "parallax: reading {} MB of side files…",
            size.div_ceil(1_000_000)
        )
    })
}

/// The folder of side files named one by one (every path a file, all in one folder, none the
/// manifest) when a manifest stands beside them, which such a read leaves out.
fn manifest_beside(paths: &[std::path::PathBuf]) -> Option<std::path::PathBuf> {
    if paths.is_empty() || paths.iter().any(|p| !p.is_file()) {
        return None;
    }
    let folder = crate::edit::folder_of(paths)?;
    let same = |p: &std::path::Path| {
        crate::edit::folder_of(std::slice::from_ref(&p.to_path_buf())).as_deref() == Some(&folder)
    };
    let manifest = |p: &std::path::Path| {
        p.file_name()
            .is_some_and(|n| n == std::ffi::OsStr::new(crate::load::MANIFEST))
    };
    (paths.iter().all(|p| same(p) && !manifest(p)) && folder.join(crate::load::MANIFEST).is_file())
        .then_some(folder)
}
