//! `parallax validate`: every error and warning of the input, as lines or as JSON.

use super::Failure;
use crate::cli::InputArgs;
use crate::edit::EditError;
use crate::edit::dismissed::{Dismissed, FILE, FORMAT};
use crate::format::Dispute;
use crate::load::{Code, Diagnostic, Severity};
use crate::text;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct JsonReport<'a> {
    ok: bool,
    errors: usize,
    warnings: usize,
    diagnostics: &'a [crate::load::Diagnostic],
    /// One side file checked on its own: the links to other sides' claims not followed.
    #[serde(skip_serializing_if = "Option::is_none")]
    unchecked_links: Option<usize>,
    /// One side file checked on its own: the sources' affiliations to other sides' parties
    /// not checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    unchecked_affiliations: Option<usize>,
    /// The dispute, when it loads: what the plain report's summary line says.
    #[serde(skip_serializing_if = "Option::is_none")]
    dispute: Option<Summary<'a>>,
}

/// A loaded dispute in brief: its id, its sides' party ids, how many claims they hold.
#[derive(Serialize)]
struct Summary<'a> {
    id: &'a str,
    sides: Vec<&'a str>,
    claims: usize,
}

impl<'a> Summary<'a> {
    fn of(dispute: &'a crate::format::Dispute) -> Self {
        Summary {
            id: dispute.id.as_str(),
            sides: dispute.sides.iter().map(|s| s.party.id.as_str()).collect(),
            claims: (0..dispute.sides.len())
                .map(|s| dispute.claim_count(s))
                .sum(),
        }
    }
}

/// Prints the report; returns whether the input passes (no errors; no warnings under `strict`).
pub fn validate(
    input: &InputArgs,
    strict: bool,
    json: bool,
    out: &mut dyn Write,
) -> Result<bool, Failure> {
    let mut loaded = super::load(input);
    if let Some(folder) = crate::edit::folder_of(&input.paths) {
        let dismissals = dismissals(&folder, loaded.dispute.as_ref());
        loaded.report.diagnostics.extend(dismissals);
    }
    // One side file named alone (an analyst checking the file they edit): it is checked on its
    // own. That one file is no comparison, and that its links to other sides' claims lead
    // nowhere here, or that its sources' affiliations name no party loaded, say nothing about
    // the file: they are left out, and counted in a note.
    // A single path that is no folder, mistyped or unreadable, is said as such alone: that
    // no comparison can be made of it adds nothing.
    let single = crate::load::one_side_file(&input.paths);
    let alone = single && input.paths.iter().all(|p| p.is_file());
    let (unchecked_links, unchecked_affiliations) = if single {
        let report = &mut loaded.report;
        report.diagnostics.retain(|d| d.code != Code::TooFewSides);
        report.set_aside_other_sides()
    } else {
        (0, 0)
    };
    let report = &loaded.report;
    let ok = report.errors() == 0 && !(strict && report.warnings() > 0);
    if json {
        let doc = JsonReport {
            ok,
            errors: report.errors(),
            warnings: report.warnings(),
            diagnostics: &report.diagnostics,
            unchecked_links: alone.then_some(unchecked_links),
            unchecked_affiliations: alone.then_some(unchecked_affiliations),
            dispute: loaded.dispute.as_ref().map(Summary::of),
        };
        crate::text::write_json(&mut *out, &doc).map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(ok);
    }
    for d in &report.diagnostics {
        writeln!(out, "{d}")?;
    }
    if alone && (unchecked_links > 0 || unchecked_affiliations > 0) {
        let mut held = Vec::new();
        if unchecked_links > 0 {
            held.push(format!(
                "{unchecked_links} link(s) to other sides' claims not followed"
            ));
        }
        if unchecked_affiliations > 0 {
            held.push(format!(
                "{unchecked_affiliations} source affiliation(s) naming another party not checked"
            ));
        }
        writeln!(
            out,
            "checked on its own: {}; give the dispute's folder, or every side file, to check them",
            held.join(", ")
        )?;
    }
    if let Some(summary) = loaded.dispute.as_ref().map(Summary::of) {
        writeln!(
            out,
            "{}: {} sides ({}), {} claims",
            summary.id,
            summary.sides.len(),
            summary.sides.join(", "),
            summary.claims
        )?;
    }
    let verdict = if ok { "ok" } else { "failed" };
    let strict_note = if strict {
        " (strict: warnings fail)"
    } else {
        ""
    };
    writeln!(
        out,
        "{verdict}: {} error(s), {} warning(s){strict_note}",
        report.errors(),
        report.warnings()
    )?;
    Ok(ok)
}

/// The problems of the dismissed suggestions kept beside the dispute, which `match` and the
/// screen read: a file they would refuse is an error here too, and a dismissal naming a claim
/// the dispute does not have (renamed or deleted since) a warning.
fn dismissals(folder: &std::path::Path, dispute: Option<&Dispute>) -> Vec<Diagnostic> {
    let file = folder.join(FILE).display().to_string();
    // The message names the form it expects where it matters: what is added is who writes
    // the file.
    let expected =
        format!("a `{FORMAT}` file, as `x` on the screen or `parallax dismiss` writes it");
    let kept = match Dismissed::read(folder) {
        Ok(kept) => kept,
        // Said at its line and column, as the loader says a side file's syntax error.
        Err(EditError::Malformed {
            why, line, column, ..
        }) => {
            let mut d = Diagnostic::in_file(
                Severity::Error,
                Code::BadDismissals,
                &file,
                format!("the file is not a dismissals file: {why}; fix or delete it"),
            )
            .expected(expected);
            d.line = Some(line);
            d.column = Some(column);
            return vec![d];
        }
        Err(e) => {
            // The message names the file, which the diagnostic names already.
            let said = e.to_string();
            let said = said
                .strip_prefix(&file)
                .map_or_else(|| said.clone(), |rest| format!("the file{rest}"));
            let d = Diagnostic::in_file(Severity::Error, Code::BadDismissals, &file, said)
                .expected(expected);
            return vec![d];
        }
    };
    let Some(dispute) = dispute else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let text = crate::load::read_regular(&folder.join(FILE), crate::load::DEFAULT_MAX_FILE)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    for (i, entry) in kept.entries.iter().enumerate() {
        for (field, id) in [("left", &entry.left), ("right", &entry.right)] {
            if dispute.find_claim(id).is_none() {
                let pointer = format!("/dismissed/{i}/{field}");
                let mut d = Diagnostic::at(
                    Severity::Warning,
                    Code::StaleDismissal,
                    &file,
                    &pointer,
                    format!(
                        "the dismissed suggestion names no claim `{}` of this dispute; it \
                         dismisses nothing",
                        text::quote(id)
                    ),
                )
                .expected("the claim's id as it is now, or the entry deleted");
                (d.line, d.column) = crate::load::place_of(&text, &pointer).unzip();
                found.push(d);
            }
        }
    }
    found
}
