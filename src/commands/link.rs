//! `parallax link`: accept a match without the screen, for scripts. It writes exactly what
//! accepting a suggestion on the screen writes (see `crate::edit`).

use super::Failure;
use crate::edit::lock::FolderLock;
use crate::edit::{EditError, Workspace, commit, folder_of};
use crate::text;
use std::io::Write;
use std::path::PathBuf;

/// Gives claims `left` and `right` a common point in the files at `paths`, and says what was
/// written.
pub fn link(
    left: &str,
    right: &str,
    question: Option<&str>,
    paths: &[PathBuf],
    out: &mut dyn Write,
) -> Result<(), Failure> {
    if question.is_some_and(|q| q.trim().is_empty()) {
        return Err(Failure::Usage(
            "--question is empty; write the question the two claims answer".to_owned(),
        ));
    }
    // Held from the read to the write: another parallax writing here waits (see `edit::lock`).
    let folder = folder_of(paths)
        .ok_or(EditError::Bundled)
        .map_err(failure)?;
    let held = FolderLock::take(&folder).map_err(failure)?;
    let (ws, dispute) = Workspace::open(paths).map_err(failure)?;
    // An interrupted write leaves no temporary file behind.
    crate::cleanup::remove_on_signal()?;
    // Without a question, the one both claims answer (as the screen offers it), if any.
    let fitting = match (
        question,
        dispute.find_claim(left),
        dispute.find_claim(right),
    ) {
        (None, Some(l), Some(r)) => crate::matching::fitting_question(&dispute, l, r),
        _ => None,
    };
    let given = question;
    let question = question.or(fitting.as_deref());
    let plan = match ws.link(&dispute, left, right, question) {
        Ok(plan) => plan,
        Err(EditError::Already(what)) => {
            writeln!(out, "Already linked: {}", text::clean(&what).text)?;
            return Ok(());
        }
        Err(e) => return Err(failure(e)),
    };
    commit(&plan, &held).map_err(failure)?;
    let files: Vec<String> = plan
        .writes
        .iter()
        .map(|w| w.path.display().to_string())
        .collect();
    if let Some(id) = &plan.moved {
        writeln!(
            out,
            "Moved {} into topic `{}`, beside the claim it answers",
            text::clean(id).text,
            plan.topic
        )?;
    }
    // A question given for a point that already existed asks nothing new: say it was not used.
    let unused = match given {
        Some(q)
            if !plan.new_point
                && crate::edit::point_asking(&dispute, &plan.topic, q).as_deref()
                    != Some(plan.point.as_str()) =>
        {
            format!(
                " (--question “{}” was not used: the point `{}` was there already; edit its question \
             in the manifest)",
                text::clean(q).text,
                plan.point
            )
        }
        _ => String::new(),
    };
    writeln!(
        out,
        "Linked {} and {} on {} point `{}` of topic `{}`; wrote {}{unused}",
        text::clean(left).text,
        text::clean(right).text,
        if plan.new_point { "the new" } else { "the" },
        plan.point,
        plan.topic,
        text::clean(&files.join(", ")).text
    )?;
    Ok(())
}

/// The exit code of each kind of failure: a request that cannot be done is a usage error (2);
/// files that do not load, changed on disk, or could not be written are 1.
fn failure(e: EditError) -> Failure {
    match e {
        EditError::Bundled | EditError::UnknownClaim(_) | EditError::Refused(_) => {
            Failure::Usage(e.to_string())
        }
        EditError::Load(_) => Failure::Input(e.to_string()),
        EditError::Already(_)
        | EditError::Changed(_)
        | EditError::Invalid(..)
        | EditError::Io(..)
        | EditError::Write(_) => Failure::Output(e.to_string()),
    }
}
