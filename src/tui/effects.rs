//! What the event loop does for `update` beyond the state: the clipboard sequence (OSC 52, the way
//! lazygit and helix copy over SSH), opening a source in the browser, and writing an accepted or
//! dismissed suggestion back beside the dispute.

use super::app::App;
use super::strings;
use super::suggest::Taken;
use base64::Engine;

/// The OSC 52 sequence that puts `text` on the terminal's clipboard. The text travels base64
/// encoded, so nothing in it reaches the terminal as a control character.
pub fn osc52(text: &str) -> String {
    let data = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{data}\x07")
}

/// Opens an http(s) address with the platform's opener (`update` has refused anything else);
/// false when it could not, and then the footer says why, first, so a narrow screen shows it
/// (the loop copies the address instead).
pub fn open_url(app: &mut App, url: &str) -> bool {
    let Err(e) = open::that_detached(url) else {
        return true;
    };
    let said = e.to_string();
    let why = if e.kind() == std::io::ErrorKind::NotFound {
        "no program to open it was found".to_owned()
    } else if let Some(program) = said
        .strip_prefix("Launcher \"")
        .and_then(|rest| rest.split_once('"'))
        .map(|(program, _)| program)
    {
        // `Launcher "xdg-open" "https://…" failed with ExitStatus(unix_wait_status(768))`: the
        // program is what the analyst can act on.
        format!("{} failed", crate::text::clean(program).text)
    } else {
        // The opener names the address again: the footer has no room for it twice.
        said.replace(url, "the address")
    };
    app.message = Some(strings::open_failed(&why));
    false
}

/// Gives two claims a common point in the files (as `parallax link` does), then reloads the
/// dispute from the bytes written; the footer says what was written or why nothing was. With
/// `relation` (from, kind, to) the relation chosen in the dialog goes in the same checked write.
pub fn link(
    app: &mut App,
    left: &str,
    right: &str,
    question: &str,
    relation: Option<(&str, crate::format::RelationKind, &str)>,
) {
    use super::state::Modal;
    use super::state::live::NotRead;
    // The dialog as typed, to give back if the write is refused (a file changed on disk).
    let dialog = app.modals.iter().find_map(|m| match m {
        Modal::Accept(a) => Some(a.clone()),
        _ => None,
    });
    app.modals.retain(|m| !matches!(m, Modal::Accept(_)));
    let Some(files) = &app.suggest.files else {
        app.message = Some(strings::write_failed(
            &crate::edit::EditError::Bundled.to_string(),
        ));
        return;
    };
    // Held from the check of the files to the write (see `edit::lock`).
    // A refusal worth trying again (the folder held by another parallax, a file that cannot
    // be read or written) leaves the dialog as typed.
    let give_back = |app: &mut App, dialog: Option<super::state::accept::Accept>| {
        if let Some(d) = dialog {
            app.modals.push(super::state::Modal::Accept(d));
        }
    };
    let held = match crate::edit::folder_of(&files.paths)
        .map(|f| crate::edit::lock::FolderLock::take(&f, false))
    {
        Some(Ok(held)) => held,
        Some(Err(e)) => {
            app.message = Some(strings::write_failed(&e.to_string()));
            give_back(app, dialog);
            return;
        }
        None => {
            app.message = Some(strings::write_failed(
                &crate::edit::EditError::Bundled.to_string(),
            ));
            return;
        }
    };
    let ws = match files.workspace(app.live.max_file, &app.dispute) {
        Ok(ws) => ws,
        Err(NotRead::Changed(file, gathered)) => {
            let paths = files.paths.clone();
            return reload_changed(app, &paths, &file, gathered, dialog);
        }
        Err(NotRead::Failed(e)) => {
            app.message = Some(strings::write_failed(&e.to_string()));
            give_back(app, dialog);
            return;
        }
    };
    let result = ws
        .link(&app.dispute, left, right, Some(question))
        .and_then(|plan| match relation {
            Some((from, kind, to)) => ws.relate(&app.dispute, plan, from, kind, to),
            None => Ok(plan),
        })
        .and_then(|plan| crate::edit::commit(&plan, &held).map(|()| plan));
    drop(held);
    match result {
        Ok(plan) => {
            let undo = crate::edit::undo::Undo::of(&ws.paths, &plan);
            let mut ws = ws;
            ws.applied(&plan);
            let files: Vec<String> = plan
                .writes
                .iter()
                .map(|w| w.path.display().to_string())
                .collect();
            match ws.reload() {
                Ok(dispute) => {
                    app.suggest.files = Some(super::state::live::Files::of(&ws));
                    // A manifest made beside side files opened one by one is read from now
                    // on (it is in the same folder, which the watcher already watches).
                    app.live.paths = read_from(&app.live.paths, &ws.paths);
                    app.reload(dispute);
                    // The accepted pair in view, in its new point row (not the row's top).
                    let placed = app
                        .dispute
                        .find_claim(left)
                        .and_then(|at| Some((app.locate(at)?, at)));
                    if let Some(((topic, row, _), at)) = placed {
                        app.reveal(topic, row, at);
                    }
                    let undo_key = app.keymap.key_for(
                        crate::tui::modal::screen::BINDINGS,
                        false,
                        crate::tui::action::Action::Undo,
                    );
                    let mut said = strings::accepted(
                        &plan.point,
                        &crate::text::clean(&files.join(", ")).text,
                        &undo_key,
                    );
                    if let Some(note) = plan.unlisted_note() {
                        said = strings::then(&said, &format!("{note}."));
                    }
                    app.message = Some(said);
                    app.suggest
                        .taken
                        .push(Taken::Accepted(left.to_owned(), Box::new(undo)));
                }
                Err(e) => app.message = Some(strings::write_failed(&e.to_string())),
            }
        }
        Err(crate::edit::EditError::Changed(file)) => {
            let paths = ws.paths.clone();
            let gathered = crate::load::gather(&paths, app.live.max_file);
            reload_changed(app, &paths, &file, gathered, dialog)
        }
        Err(e) => {
            app.message = Some(strings::write_failed(&e.to_string()));
            // The dialog stays as typed (a read-only file made writable, say, Enter tries
            // again), rather than losing the question.
            give_back(app, dialog);
        }
    }
}

/// After a write was refused because a file changed on disk: shows the files as `gathered`
/// read them since, so the analyst sees what is there now and can accept again. The accept
/// `dialog` comes back as it was typed (it closes by itself if its pair is gone).
fn reload_changed(
    app: &mut App,
    paths: &[std::path::PathBuf],
    file: &str,
    gathered: crate::load::Gathered,
    dialog: Option<super::state::accept::Accept>,
) {
    match super::live::load(paths, gathered) {
        Ok((dispute, files, _)) => {
            app.suggest.files = files;
            app.reload(dispute);
            let file = crate::text::clean(file).text;
            app.message = Some(match dialog {
                Some(d) => {
                    app.modals.push(super::state::Modal::Accept(d));
                    strings::reloaded_kept(&file)
                }
                None => strings::reloaded_after(&file),
            });
        }
        Err(problems) => {
            let again = problems
                .first()
                .map(|p| p.text.as_str())
                .unwrap_or_default();
            app.message = Some(strings::write_failed(&format!(
                "{} changed on disk, and reading the files again failed: {again}",
                crate::text::clean(file).text
            )));
            // The question typed waits, as typed, for the files to be fixed.
            if let Some(d) = dialog {
                app.modals.push(super::state::Modal::Accept(d));
            }
        }
    }
}

/// Refuses a write of the dismissals while the files on disk do not load (the header's mark):
/// the write would reload them, and their problems panel would cover what the key did, so a
/// second press dismissed the next pair unseen. True when refused (the footer says why).
fn refused_while_broken(app: &mut App) -> bool {
    let broken = !app.live.broken.is_empty();
    if broken {
        app.message = Some(strings::write_while_broken(&app.live.paths));
    }
    broken
}

/// Remembers a dismissed suggestion (in the dismissals file when the dispute has a folder) and
/// looks for suggestions again without it.
pub fn dismiss(app: &mut App, left: &str, right: &str) {
    if refused_while_broken(app) {
        return;
    }
    // Side files from several folders: no folder to keep the dismissal in, as `dismiss` says.
    if let Some(why) = app
        .suggest
        .files
        .as_ref()
        .and_then(|f| f.refused.as_deref())
    {
        app.message = Some(strings::write_failed(why));
        return;
    }
    let entry = crate::edit::dismissed::Entry {
        left: left.to_owned(),
        right: right.to_owned(),
        point: None,
        topic: None,
    };
    let kept = app.suggest.dismissed.path.is_some();
    match app.suggest.dismissed.add(entry.clone(), false) {
        Ok(()) => {
            app.suggest.taken.push(Taken::Dismissed(entry));
            let place = app.current_topic().map(|t| (t.id.clone(), app.row));
            app.step_past_row();
            app.ensure_row_visible();
            app.suggest_again();
            let waiting = app.current_row().and_then(|r| r.claims().next());
            app.suggest.resume = place.map(|(topic, row)| (topic, row, waiting));
            let undo = app.keymap.key_for(
                crate::tui::modal::screen::BINDINGS,
                false,
                crate::tui::action::Action::Undo,
            );
            app.message = Some(strings::dismissed(kept, &undo));
        }
        Err(e) => app.message = Some(strings::write_failed(&e.to_string())),
    }
}

/// Takes back the last dismissal or accept made on this screen (`u`), and looks for the
/// suggestions again, so the pair comes back where it was, selected.
pub fn undo(app: &mut App) {
    if refused_while_broken(app) {
        return;
    }
    match app.suggest.taken.pop() {
        Some(Taken::Dismissed(entry)) => undismiss(app, entry),
        Some(Taken::Accepted(left, undo)) => unlink(app, left, *undo),
        None => {}
    }
}

/// What the footer says when `file`, which the accept `undo` wrote, changed since: every file
/// the accept wrote is named, as the point must come out of each.
fn not_unlinked(app: &App, file: &str, undo: &crate::edit::undo::Undo) -> String {
    let files: Vec<String> = undo
        .replaced()
        .chain(undo.created())
        .map(|p| crate::text::clean(&p.display().to_string()).text)
        .collect();
    strings::not_unlinked(
        &crate::text::clean(file).text,
        &crate::text::clean(&undo.point).text,
        &files.join(", "),
        &app.keymap.key_for(
            crate::tui::modal::screen::BINDINGS,
            false,
            crate::tui::action::Action::Undo,
        ),
    )
}

/// Takes a dismissal back: out of the dismissals file.
fn undismiss(app: &mut App, entry: crate::edit::dismissed::Entry) {
    let kept = app.suggest.dismissed.path.is_some();
    match app.suggest.dismissed.remove(&entry, false) {
        Ok(removed) => {
            app.suggest_again();
            let waiting = app.current_row().and_then(|r| r.claims().next());
            app.suggest.restore = Some((entry.left.clone(), waiting));
            // The file goes when it held only this dismissal (made by it).
            let deleted = app
                .suggest
                .dismissed
                .path
                .as_deref()
                .is_some_and(|p| p.symlink_metadata().is_err());
            app.message = Some(if removed {
                strings::undismissed(kept, deleted)
            } else {
                strings::UNDISMISSED_ALREADY.to_owned()
            });
        }
        Err(e) => {
            app.suggest.taken.push(Taken::Dismissed(entry));
            app.message = Some(strings::write_failed(&e.to_string()));
        }
    }
}

/// Takes an accept back: each file the link wrote gets back what it held, if it still holds
/// what the link wrote (see `edit::undo`); then the files are read again.
fn unlink(app: &mut App, left: String, undo: crate::edit::undo::Undo) {
    use super::state::live::NotRead;
    let Some(files) = &app.suggest.files else {
        return;
    };
    let held = match crate::edit::folder_of(&files.paths)
        .map(|f| crate::edit::lock::FolderLock::take(&f, false))
    {
        Some(Ok(held)) => held,
        Some(Err(e)) => {
            app.message = Some(strings::write_failed(&e.to_string()));
            app.suggest
                .taken
                .push(Taken::Accepted(left, Box::new(undo)));
            return;
        }
        None => return,
    };
    let ws = match files.workspace(app.live.max_file, &app.dispute) {
        Ok(ws) => ws,
        // Changed since the screen read it: shown as it is now, and not written over.
        Err(NotRead::Changed(file, gathered)) => {
            let paths = files.paths.clone();
            drop(held);
            reload_changed(app, &paths, &file, gathered, None);
            app.message = Some(not_unlinked(app, &file, &undo));
            // Still the next to take back: put back as it was, the file lets it be.
            app.suggest
                .taken
                .push(Taken::Accepted(left, Box::new(undo)));
            return;
        }
        Err(NotRead::Failed(e)) => {
            app.message = Some(strings::write_failed(&e.to_string()));
            app.suggest
                .taken
                .push(Taken::Accepted(left, Box::new(undo)));
            return;
        }
    };
    let result = crate::edit::undo::take_back(ws, &undo, &held);
    drop(held);
    match result {
        Ok(ws) => match ws.reload() {
            Ok(dispute) => {
                app.suggest.files = Some(super::state::live::Files::of(&ws));
                app.live.paths = read_from(&app.live.paths, &ws.paths);
                app.reload(dispute);
                let waiting = app.current_row().and_then(|r| r.claims().next());
                app.suggest.restore = Some((left, waiting));
                let shown = |p: &std::path::Path| crate::text::clean(&p.display().to_string()).text;
                let files: Vec<String> = undo.replaced().map(shown).collect();
                let made = undo.created().map(shown);
                app.message = Some(strings::unlinked(&files.join(", "), made.as_deref()));
            }
            Err(e) => app.message = Some(strings::write_failed(&e.to_string())),
        },
        // A file the link wrote holds something else now: never written over. The accept
        // stays the next to take back, for when the file is put back as it was.
        Err(crate::edit::EditError::Changed(file)) => {
            app.message = Some(not_unlinked(app, &file, &undo));
            app.suggest
                .taken
                .push(Taken::Accepted(left, Box::new(undo)));
        }
        Err(e) => {
            app.message = Some(strings::write_failed(&e.to_string()));
            app.suggest
                .taken
                .push(Taken::Accepted(left, Box::new(undo)));
        }
    }
}

/// The paths the screen reads after a write (`written`: the workspace's): a folder the
/// analyst opened stays as given, since it reads the manifest an accept made in it as well as
/// its side files, so advice names it as typed (`parallax validate liar`, not
/// `liar/dispute.json`); side files named one by one give way to the manifest made beside them.
fn read_from(
    given: &[std::path::PathBuf],
    written: &[std::path::PathBuf],
) -> Vec<std::path::PathBuf> {
    match given {
        [folder] if folder.is_dir() => given.to_vec(),
        _ => written.to_vec(),
    }
}
