//! `parallax link`: accept a match without the screen, for scripts. It writes exactly what
//! accepting a suggestion on the screen writes (see `crate::edit`).

use super::Failure;
use crate::edit::lock::FolderLock;
use crate::edit::{EditError, Workspace, commit, folder_of};
use crate::text;
use std::io::Write;
use std::path::PathBuf;

/// What `parallax link` is asked to do.
#[derive(Debug, Clone, Copy)]
pub struct Link<'a> {
    /// The left claim's id.
    pub left: &'a str,
    /// The right claim's id.
    pub right: &'a str,
    /// The question of a new point, if given.
    pub question: Option<&'a str>,
    /// Write nothing; say what would be written, with each file's change as a diff.
    pub dry_run: bool,
    /// The largest input file read (`--max-file-size`).
    pub max_file: u64,
}

/// Gives claims `left` and `right` a common point in the files at `paths`, and says what was
/// written (with `dry_run`, what would be, and writes nothing).
pub fn link(wanted: &Link<'_>, paths: &[PathBuf], out: &mut dyn Write) -> Result<(), Failure> {
    let Link {
        left,
        right,
        question,
        dry_run,
        max_file,
    } = *wanted;
    super::ids_before_path("link", (left, right), paths)?;
    // A control or hidden character would go into the manifest (and the point's id) as it is:
    // refused, as the file's own reader would flag it.
    if let Some(q) = question {
        super::refuse_hidden("--question", q, "question")?;
    }
    // Held from the read to the write: another parallax writing here waits (see `edit::lock`).
    let folder = folder_of(paths)
        .ok_or(EditError::Bundled)
        .map_err(failure)?;
    // A dry run only reads: the files are replaced whole (see `edit::commit`), so it never
    // reads half a write, and it waits for no other parallax.
    let held = match dry_run {
        true => None,
        false => {
            super::say_if_waiting(&folder);
            Some(FolderLock::take(&folder, true).map_err(failure)?)
        }
    };
    let (ws, dispute) = Workspace::open_limited(paths, max_file).map_err(failure)?;
    // An interrupted write leaves no temporary file behind.
    if !dry_run {
        crate::cleanup::remove_on_signal()?;
    }
    // Without a question, the one both claims answer (as the screen offers it), if any.
    let fitting = match (
        question,
        dispute.find_claim(left),
        dispute.find_claim(right),
    ) {
        (None, Some(l), Some(r)) => {
            // Not a point the left claim was kept out of (`dismiss --row`), as `match` says.
            let mut opts = crate::matching::Options::default();
            if let Some(read) =
                folder_of(paths).and_then(|f| crate::edit::dismissed::Dismissed::read(&f).ok())
            {
                read.apply(&mut opts);
            }
            crate::matching::fitting_question(&dispute, (l, r), &opts.dismissed_rows)
        }
        _ => None,
    };
    let given = question;
    // One with no word is not written (see below): the plan is made as without one.
    let question = question
        .filter(|q| !crate::edit::asks_nothing(q))
        .or(fitting.as_deref());
    let plan = match ws.link(&dispute, left, right, question) {
        Ok(plan) => plan,
        Err(EditError::Already(what)) => {
            writeln!(out, "Already linked: {}", text::clean(&what).text)?;
            return Ok(());
        }
        Err(e) => return Err(failure(e)),
    };
    // A question with no word would ask nothing of a new point (claims linked already, or a
    // point one has, need none: a list of links run again still succeeds).
    if let Some(q) = given.filter(|q| plan.new_point && crate::edit::asks_nothing(q)) {
        let what = if q.trim().is_empty() {
            "is empty".to_owned()
        } else {
            format!("“{}” holds no word", text::clean(q.trim()).text)
        };
        return Err(Failure::Usage(format!(
            "--question {what}; write the question the two claims answer"
        )));
    }
    if let Some(held) = &held {
        commit(&plan, held).map_err(failure)?;
    }
    // Once the files are written, what is said is gathered first: a summary that cannot be
    // printed then says the files were written, so the link is not taken to have failed.
    let mut said = Vec::new();
    {
        let out: &mut dyn Write = if dry_run { &mut *out } else { &mut said };
        summary(
            &plan,
            (left, right, question, given),
            &dispute,
            dry_run,
            out,
        )?;
    }
    if !dry_run {
        // Flushed here: a full disk behind `>` is found now, not after the command returns.
        out.write_all(&said)
            .and_then(|()| out.flush())
            .map_err(|e| super::written_anyway(e, plan.writes.iter().map(|w| w.path.as_path())))?;
    }
    Ok(())
}

/// What `link` says it did (or, with `dry_run`, would do), with each file's diff on a dry run.
fn summary(
    plan: &crate::edit::Plan,
    (left, right, question, given): (&str, &str, Option<&str>, Option<&str>),
    dispute: &crate::format::Dispute,
    dry_run: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    // A file that did not exist (a manifest made beside side files) is said to be new.
    let files: Vec<String> = plan
        .writes
        .iter()
        .map(|w| match w.before {
            Some(_) => w.path.display().to_string(),
            None => format!("{} (new)", w.path.display()),
        })
        .collect();
    if let Some(id) = &plan.moved {
        writeln!(
            out,
            "{} {} into topic `{}`, beside the claim it answers",
            if dry_run { "Would move" } else { "Moved" },
            text::clean(id).text,
            plan.topic
        )?;
    }
    // A question given for a point that already existed asks nothing new: say it was not used.
    let unused = match given {
        Some(q)
            if !plan.new_point
                && crate::edit::point_asking(dispute, &plan.topic, q).as_deref()
                    != Some(plan.point.as_str()) =>
        {
            // Without a manifest there is no question to edit: say where one would go.
            let edit = if dispute.has_manifest {
                "edit its question in the manifest"
            } else {
                "the side files have no dispute.json to hold its question; write one with the \
                 point under its topic's `points`"
            };
            format!(
                " (--question “{}” was not used: the point `{}` was there already; {edit})",
                text::clean(q).text,
                plan.point
            )
        }
        // The placeholder asks nothing: say so, and how to ask.
        _ if plan.new_point && question.is_none_or(crate::edit::is_placeholder) => format!(
            "; its question is the placeholder “{}” (give --question, or edit it in the manifest)",
            crate::edit::DEFAULT_QUESTION
        ),
        _ => String::new(),
    };
    writeln!(
        out,
        "{} {} and {} on {} point `{}` of topic `{}`; {} {}{unused}",
        if dry_run { "Would link" } else { "Linked" },
        text::clean(left).text,
        text::clean(right).text,
        if plan.new_point { "the new" } else { "the" },
        plan.point,
        plan.topic,
        if dry_run { "would write" } else { "wrote" },
        text::clean(&files.join(", ")).text
    )?;
    if let Some(note) = plan.unlisted_note() {
        writeln!(out, "{note}")?;
    }
    if dry_run {
        writeln!(
            out,
            "Nothing was written (--dry-run). The change to each file:"
        )?;
        write_diffs(plan, out)?;
    }
    Ok(())
}

/// Each file's change as a unified diff (see [`super::write_diff`]).
fn write_diffs(plan: &crate::edit::Plan, out: &mut dyn Write) -> std::io::Result<()> {
    for w in &plan.writes {
        super::write_diff(out, &w.path, w.before.as_deref(), &w.after)?;
    }
    Ok(())
}

/// The exit code of each kind of failure: a request that cannot be done is a usage error (2);
/// files that do not load, changed on disk, or could not be written are 1.
fn failure(e: EditError) -> Failure {
    match e {
        EditError::Bundled | EditError::UnknownClaim(..) | EditError::Refused(_) => {
            Failure::Usage(e.to_string())
        }
        EditError::Load(_) | EditError::Malformed { .. } => Failure::Input(e.to_string()),
        EditError::Already(_)
        | EditError::Changed(_)
        | EditError::Invalid(..)
        | EditError::Io(..)
        | EditError::Write(_) => Failure::Output(e.to_string()),
    }
}
