//! `parallax match`: suggested matches between the claims of the two compared sides that nobody
//! linked, best first, as plain lines or JSON. Like `search`, it exits 1 when there is none.

use super::{Failure, open, pair};
use crate::cli::{FilterArgs, InputArgs, PairArgs};
use crate::compare::Comparison;
use crate::edit::dismissed::Dismissed;
use crate::matching::{Options, Profiles, Suggestion, suggest, without_counterpart};
use crate::text;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct JsonSuggestion<'a> {
    left: &'a str,
    right: &'a str,
    point: Option<&'a str>,
    /// For a pair: the point the left claim answers already, which the right claim would join.
    left_point: Option<&'a str>,
    topic: &'a str,
    /// The right claim's topic: `topic` but for a cross-topic pair.
    right_topic: &'a str,
    cross_topic: bool,
    score: f64,
    reasons: Vec<String>,
    left_text: &'a str,
    right_text: &'a str,
}

/// How `match` prints.
#[derive(Debug, Clone, Copy, Default)]
pub struct MatchOutput {
    /// JSON instead of lines.
    pub json: bool,
    /// Each line followed by the two claims' texts.
    pub texts: bool,
    /// Every suggestion by score, best first (ties in the dispute's order), not grouped by
    /// left claim.
    pub best_first: bool,
}

/// The most chars of a claim's text `--texts` shows on its line.
const TEXT_CHARS: usize = 160;

#[derive(Serialize)]
struct JsonOut<'a> {
    /// The two parties compared, as `topics`, `show` and `timeline` name them.
    left: super::PartyJson<'a>,
    right: super::PartyJson<'a>,
    suggestions: Vec<JsonSuggestion<'a>>,
}

/// Prints the suggestions for the left claims no right claim answers yet, at most `limit` each
/// and scoring at least `min_score`, skipping those dismissed beside the dispute and those
/// neither of whose claims the filters keep. Returns whether there was any.
pub fn matches(
    input: &InputArgs,
    pair_args: &PairArgs,
    filter: &FilterArgs,
    (min_score, limit): (f32, usize),
    shown: MatchOutput,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<bool, Failure> {
    if !(0.0..=1.0).contains(&min_score) {
        return Err(Failure::Usage(format!(
            "--min-score {min_score} is out of range; give a score from 0 to 1"
        )));
    }
    if limit == 0 {
        return Err(Failure::Usage(
            "--limit 0 would show nothing; give 1 or more".to_owned(),
        ));
    }
    let dispute = open(input, err)?;
    let (left, right) = pair(&dispute, pair_args)?;
    let mut opts = Options {
        limit,
        min_score,
        ..Options::default()
    };
    let mut dismissed = 0;
    if let Some(folder) = crate::edit::folder_of(&input.paths) {
        let read = Dismissed::read(&folder).map_err(|e| Failure::Input(e.to_string()))?;
        dismissed = read.entries.len();
        read.apply(&mut opts);
    }
    let cmp = Comparison::new(&dispute, left, right);
    let (narrowed, labels) = super::narrow(filter, &dispute, &cmp, err)?;
    let profiles = Profiles::new(&dispute, &cmp);
    let mut found = suggest(&cmp, &profiles, &opts);
    // A pair is the filters' when either claim is: `--topic` keeps the answers from other
    // topics to its claims, and `--party` of either side keeps every pair.
    if let Some(narrowed) = &narrowed {
        let kept: std::collections::HashSet<crate::format::ClaimAt> = narrowed
            .comparison
            .topics
            .iter()
            .flat_map(|t| &t.rows)
            .flat_map(|r| r.left.iter().chain(&r.right))
            .copied()
            .collect();
        found.retain(|s| kept.contains(&s.left) || kept.contains(&s.right));
    }
    if shown.best_first {
        // Stable: equal scores keep the dispute's order. Compared as printed, so the order
        // read is the order of the scores shown.
        found.sort_by(|a, b| {
            crate::matching::shown_score(b.score).total_cmp(&crate::matching::shown_score(a.score))
        });
    }
    let narrowed_by = if labels.is_empty() {
        String::new()
    } else {
        format!(" among the claims the filters keep ({})", labels.join("; "))
    };
    let id = |s: &Suggestion| (dispute.ids(s.left).2, dispute.ids(s.right).2);
    let topic = |s: &Suggestion| cmp.topics.get(s.topic).map_or("?", |t| t.id.as_str());
    let text = |at| dispute.claim(at).map_or("", |c| c.text.as_str());
    // A pair whose left claim answers a point no right claim answers yet: `link` gives the right
    // claim that point, not a new one to both.
    let left_point = |s: &Suggestion| {
        (s.point.is_none() && !s.cross_topic)
            .then(|| dispute.claim(s.left)?.point.as_deref())
            .flatten()
    };
    if shown.json {
        let suggestions = found
            .iter()
            .map(|s| JsonSuggestion {
                left: id(s).0,
                right: id(s).1,
                point: s.point.as_deref(),
                left_point: left_point(s),
                topic: topic(s),
                right_topic: dispute.ids(s.right).1,
                cross_topic: s.cross_topic,
                score: crate::matching::shown_score(s.score),
                reasons: s.reasons.iter().map(ToString::to_string).collect(),
                left_text: text(s.left),
                right_text: text(s.right),
            })
            .collect();
        let parties = JsonOut {
            left: super::PartyJson::of(&dispute, left),
            right: super::PartyJson::of(&dispute, right),
            suggestions,
        };
        crate::text::write_json(&mut *out, &parties).map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else {
        // `-` for no point, so every line has the same columns (`awk -F'  +'` counts them).
        let point = |s: &crate::matching::Suggestion| match (s.point.as_deref(), left_point(s)) {
            (Some(p), _) => format!("[point {p}]"),
            (None, Some(p)) => format!("[left's point {p}]"),
            (None, None) => "-".to_owned(),
        };
        // The columns aligned, as `search` aligns its own: topic, the two claims, the point.
        let widest = |w: &dyn Fn(&crate::matching::Suggestion) -> usize| {
            found.iter().map(w).max().unwrap_or(0)
        };
        let widths = [
            widest(&|s| text::width(topic(s))),
            widest(&|s| text::width(id(s).0)),
            widest(&|s| text::width(id(s).1)),
            widest(&|s| text::width(&point(s))),
        ];
        let pad =
            |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(text::width(s))));
        for s in &found {
            let (l, r) = id(s);
            let reasons: Vec<String> = s.reasons.iter().map(ToString::to_string).collect();
            let [tw, lw, rw, pw] = widths;
            // Written as `--min-score` compares it and `--json` writes it: three decimals (two
            // showed 0.098 as 0.10, which `--min-score 0.10` then left out).
            writeln!(
                out,
                "{:.3}  {}  {}  {}  {}  {}",
                crate::matching::shown_score(s.score),
                pad(topic(s), tw),
                pad(l, lw),
                pad(r, rw),
                pad(&point(s), pw),
                text::inline(&reasons.join(" · "))
            )?;
            if shown.texts {
                for (side, at) in [("L", s.left), ("R", s.right)] {
                    let line = text(at).split_whitespace().collect::<Vec<_>>().join(" ");
                    let cut = text::ellipsis(&line, TEXT_CHARS);
                    writeln!(out, "      {side} {}", cut.trim_end())?;
                }
            }
        }
        if found.is_empty() && !narrowed_by.is_empty() {
            writeln!(
                err,
                "parallax: no suggestion{narrowed_by}; `parallax match` without them lists every one"
            )?;
        } else if found.is_empty() {
            let (l, r) = (cmp.counts().left_claims, cmp.counts().right_claims);
            let empty = [(l, left), (r, right)]
                .into_iter()
                .find(|&(n, _)| n == 0)
                .map(|(_, side)| {
                    dispute
                        .sides
                        .get(side)
                        .map_or("?", |s| s.party.name.as_str())
                });
            match (empty, without_counterpart(&cmp, &profiles)) {
                // Nothing to match with (a dispute just made by `parallax new`).
                (Some(party), _) => writeln!(
                    err,
                    "parallax: no suggestion; {} has no claim yet: add claims to both sides (see \"Writing a new dispute\" in the README)",
                    text::inline(party)
                )?,
                (None, 0) => writeln!(
                    err,
                    "parallax: no suggestion; every claim of the left side has a counterpart"
                )?,
                (None, n) => {
                    let left_out = if dismissed > 0 {
                        format!(
                            "; the {dismissed} dismissed in {} are left out",
                            crate::edit::dismissed::FILE
                        )
                    } else {
                        String::new()
                    };
                    writeln!(
                        err,
                        "parallax: no suggestion; none of the {n} claim(s) of the left side without a counterpart has one scoring {min_score} or more (lower --min-score to see weaker ones){left_out}"
                    )?
                }
            }
        }
    }
    Ok(!found.is_empty())
}
