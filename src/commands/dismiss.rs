//! `parallax dismiss`: dismiss a suggested match without the screen, for scripts. It keeps what
//! `x` on the screen keeps (see `crate::edit::dismissed`), so neither `match` nor the screen
//! suggests the pair again.

use super::Failure;
use crate::edit::dismissed::{Dismissed, Entry, FILE};
use crate::edit::{EditError, Workspace, folder_of};
use crate::text;
use std::io::Write;
use std::path::PathBuf;

/// What `dismiss` is asked to do beside the pair.
#[derive(Debug, Clone, Copy, Default)]
pub struct DismissOptions {
    /// The left claim joining the right claim's point row, not the pair.
    pub row: bool,
    /// Say what would be written, and write nothing.
    pub dry_run: bool,
    /// Take the dismissal back instead.
    pub undo: bool,
    /// The largest input file read (`--max-file-size`).
    pub max_file: u64,
}

/// Remembers the suggestion of `left` and `right` (or, with `row`, of `left` joining the point
/// row of `right`) as dismissed beside the dispute at `paths`, and says so; with `undo`, takes
/// that dismissal back; with `dry_run`, says what would be written and writes nothing.
pub fn dismiss(
    (left, right): (&str, &str),
    opts: DismissOptions,
    paths: &[PathBuf],
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let DismissOptions {
        row,
        dry_run,
        undo,
        max_file,
    } = opts;
    super::ids_before_path("dismiss", (left, right), paths)?;
    let (_, dispute) = Workspace::open_limited(paths, max_file).map_err(|e| match e {
        EditError::Bundled | EditError::Refused(_) => Failure::Usage(e.to_string()),
        other => Failure::Input(other.to_string()),
    })?;
    let find = |id: &str, other: &str| {
        dispute.find_claim(id).ok_or_else(|| {
            Failure::Usage(crate::edit::unknown_claim(&dispute, id, other).to_string())
        })
    };
    let (la, ra) = (find(left, right)?, find(right, left)?);
    if la == ra {
        return Err(Failure::Usage(format!(
            "`{}` is named twice; a suggestion pairs two claims, one of each party",
            text::clean(left).text
        )));
    }
    if la.side() == ra.side() {
        return Err(Failure::Usage(format!(
            "`{}` and `{}` are claims of the same party; a suggestion pairs claims of two parties",
            text::clean(left).text,
            text::clean(right).text
        )));
    }
    // A pair already on one point is no suggestion: nothing to keep from coming back (a
    // dismissal made before they were linked can still be taken back).
    if !undo && let Some(a) = crate::edit::shared_point(&dispute, la, ra) {
        writeln!(
            out,
            "Already linked: `{}` and `{}` share the point `{}`; nothing to dismiss",
            text::clean(left).text,
            text::clean(right).text,
            text::clean(a).text
        )?;
        return Ok(());
    }
    let (point, topic) = if row {
        let point = dispute.claim(ra).and_then(|c| c.point.as_deref().map(str::to_owned)).ok_or_else(|| {
            Failure::Usage(format!(
                "`{}` has no point, so there is no row to dismiss; leave out --row to dismiss the pair",
                text::clean(right).text
            ))
        })?;
        (Some(point), Some(dispute.ids(ra).1.to_owned()))
    } else {
        (None, None)
    };
    let folder = folder_of(paths).ok_or_else(|| Failure::Usage(EditError::Bundled.to_string()))?;
    let mut dismissed = Dismissed::read(&folder).map_err(|e| Failure::Input(e.to_string()))?;
    let entry = Entry {
        left: left.to_owned(),
        right: right.to_owned(),
        point: point.clone(),
        topic,
    };
    if undo {
        // The same ids dismissed the other way (the row without --row, or the pair with it):
        // named when this one is not held, with the flag that takes it back.
        let (point, topic) = match &entry.point {
            Some(_) => (None, None),
            None => (
                dispute
                    .claim(ra)
                    .and_then(|c| c.point.as_deref().map(str::to_owned)),
                Some(dispute.ids(ra).1.to_owned()),
            ),
        };
        let other = Entry {
            point,
            topic,
            ..entry.clone()
        };
        let other = (other.point != entry.point && dismissed.holds(&other)).then_some(other);
        return take_back(&folder, &mut dismissed, (&entry, other), dry_run, out);
    }
    let known = dismissed.holds(&entry);
    let preview = if dry_run {
        dismissed
            .preview(&entry)
            .map_err(|e| Failure::Input(e.to_string()))?
    } else {
        if !known {
            super::say_if_waiting(&folder);
        }
        dismissed
            .add(entry, true)
            .map_err(|e| Failure::Output(e.to_string()))?;
        None
    };
    let what = described(&Entry {
        left: left.to_owned(),
        right: right.to_owned(),
        point,
        topic: None,
    });
    let file = folder.join(FILE);
    if let Some(p) = preview {
        writeln!(
            out,
            "Would dismiss {what}; would write {}{}",
            text::clean(&file.display().to_string()).text,
            if p.before.is_none() { " (new)" } else { "" }
        )?;
        writeln!(
            out,
            "Nothing was written (--dry-run). The change to the file:"
        )?;
        super::write_diff(out, &p.path, p.before.as_deref(), &p.after)?;
        return Ok(());
    }
    let said = if known {
        format!(
            "Already dismissed: {what} (in {})",
            text::clean(&file.display().to_string()).text
        )
    } else {
        format!(
            "Dismissed {what}; kept in {}",
            text::clean(&file.display().to_string()).text
        )
    };
    // Flushed here: a summary that cannot be printed says the file was written.
    writeln!(out, "{said}")
        .and_then(|()| out.flush())
        .map_err(|e| super::written_anyway(e, [file.as_path()]))
}

/// A dismissed suggestion as the messages name it: `a3 with b7`, or `a3 joining point `p``.
fn described(entry: &Entry) -> String {
    match &entry.point {
        Some(p) => format!(
            "{} joining point `{}`",
            text::clean(&entry.left).text,
            text::clean(p).text
        ),
        None => format!(
            "{} with {}",
            text::clean(&entry.left).text,
            text::clean(&entry.right).text
        ),
    }
}

/// Takes the dismissal of `entry` back (`dismiss --undo`): every entry dismissing the same
/// suggestion leaves the file, every other line as it is, and the file goes when a dismissal
/// made it and nothing else is left in it, as `u` on the screen does.
/// `other`: the same ids dismissed the other way (as a row, or as a pair), when that is held.
fn take_back(
    folder: &std::path::Path,
    dismissed: &mut Dismissed,
    (entry, other): (&Entry, Option<Entry>),
    dry_run: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let what = described(entry);
    let file = folder.join(FILE);
    let shown = text::clean(&file.display().to_string()).text;
    // Where nothing was dismissed yet, said so rather than naming a file that is not there.
    if !dismissed.holds(entry) && file.symlink_metadata().is_err() {
        writeln!(
            out,
            "Not dismissed: no suggestion is dismissed here yet ({shown} does not exist); nothing to take back"
        )?;
        return Ok(());
    }
    if !dismissed.holds(entry) {
        let instead = other.map_or_else(String::new, |o| {
            let flag = if o.point.is_some() {
                "add --row"
            } else {
                "leave out --row"
            };
            format!("; {} is: {flag} to take that back", described(&o))
        });
        writeln!(
            out,
            "Not dismissed: {what} is not in {shown}; nothing to take back{instead}"
        )?;
        return Ok(());
    }
    if dry_run {
        let preview = dismissed
            .preview_removal(entry)
            .map_err(|e| Failure::Input(e.to_string()))?;
        if let Some((w, deleted)) = preview {
            let how = if deleted {
                format!("would delete {shown} (it holds nothing else)")
            } else {
                format!("would write {shown}")
            };
            writeln!(out, "Would take back the dismissal of {what}; {how}")?;
            writeln!(
                out,
                "Nothing was written (--dry-run). The change to the file:"
            )?;
            super::write_diff(out, &w.path, w.before.as_deref(), &w.after)?;
        }
        return Ok(());
    }
    super::say_if_waiting(folder);
    let removed = dismissed
        .remove(entry, true)
        .map_err(|e| Failure::Output(e.to_string()))?;
    if !removed {
        writeln!(
            out,
            "Not dismissed: {what} is not in {shown}; nothing to take back"
        )?;
    } else if file.exists() {
        writeln!(
            out,
            "Dismissal taken back: {what} can be suggested again; {shown} keeps the others"
        )?;
    } else {
        writeln!(
            out,
            "Dismissal taken back: {what} can be suggested again; {shown} held nothing else and is deleted"
        )?;
    }
    Ok(())
}
