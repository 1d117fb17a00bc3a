//! `parallax dismiss`: dismiss a suggested match without the screen, for scripts. It keeps what
//! `x` on the screen keeps (see `crate::edit::dismissed`), so neither `match` nor the screen
//! suggests the pair again.

use super::Failure;
use crate::edit::dismissed::{Dismissed, Entry, FILE};
use crate::edit::{EditError, Workspace, folder_of};
use crate::text;
use std::io::Write;
use std::path::PathBuf;

/// Remembers the suggestion of `left` and `right` (or, with `row`, of `left` joining the point
/// row of `right`) as dismissed beside the dispute at `paths`, and says so; with `dry_run`,
/// says what would be written and writes nothing.
pub fn dismiss(
    (left, right): (&str, &str),
    row: bool,
    dry_run: bool,
    paths: &[PathBuf],
    out: &mut dyn Write,
) -> Result<(), Failure> {
    super::ids_before_path("dismiss", (left, right), paths)?;
    let (_, dispute) = Workspace::open(paths).map_err(|e| match e {
        EditError::Bundled | EditError::Refused(_) => Failure::Usage(e.to_string()),
        other => Failure::Input(other.to_string()),
    })?;
    let find = |id: &str| {
        dispute
            .find_claim(id)
            .ok_or_else(|| Failure::Usage(crate::edit::unknown_claim(&dispute, id).to_string()))
    };
    let (la, ra) = (find(left)?, find(right)?);
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
    // A pair already on one point is no suggestion: nothing to keep from coming back.
    if let Some(a) = crate::edit::shared_point(&dispute, la, ra) {
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
    let what = match &point {
        Some(p) => format!(
            "{} joining point `{}`",
            text::clean(left).text,
            text::clean(p).text
        ),
        None => format!(
            "{} with {}",
            text::clean(left).text,
            text::clean(right).text
        ),
    };
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
    if known {
        writeln!(
            out,
            "Already dismissed: {what} (in {})",
            text::clean(&file.display().to_string()).text
        )?;
    } else {
        writeln!(
            out,
            "Dismissed {what}; kept in {}",
            text::clean(&file.display().to_string()).text
        )?;
    }
    Ok(())
}
