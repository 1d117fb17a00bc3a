//! `parallax validate`: every error and warning of the input, as lines or as JSON.

use super::Failure;
use crate::cli::InputArgs;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct JsonReport<'a> {
    ok: bool,
    errors: usize,
    warnings: usize,
    diagnostics: &'a [crate::load::Diagnostic],
}

/// Prints the report; returns whether the input passes (no errors; no warnings under `strict`).
pub fn validate(
    input: &InputArgs,
    strict: bool,
    json: bool,
    out: &mut dyn Write,
) -> Result<bool, Failure> {
    let loaded = super::load(input);
    let report = &loaded.report;
    let ok = report.errors() == 0 && !(strict && report.warnings() > 0);
    if json {
        let doc = JsonReport {
            ok,
            errors: report.errors(),
            warnings: report.warnings(),
            diagnostics: &report.diagnostics,
        };
        serde_json::to_writer_pretty(&mut *out, &doc).map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(ok);
    }
    for d in &report.diagnostics {
        writeln!(out, "{d}")?;
    }
    if let Some(dispute) = &loaded.dispute {
        let claims: usize = (0..dispute.sides.len())
            .map(|s| dispute.claim_count(s))
            .sum();
        let parties: Vec<&str> = dispute.sides.iter().map(|s| s.party.id.as_str()).collect();
        writeln!(
            out,
            "{}: {} sides ({}), {} claims",
            dispute.id,
            dispute.sides.len(),
            parties.join(", "),
            claims
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
