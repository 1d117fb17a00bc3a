//! `parallax search`: the query pipeline's hits, best first, as plain lines or JSON. Like grep,
//! it exits 1 when nothing matches.

use super::{Failure, open_loaded, pair};
use crate::cache;
use crate::format::ClaimAt;

/// Names a hit: its party, topic and claim ids (from the dispute, or from a cache entry).
type Place<'a> = dyn Fn(ClaimAt) -> (&'a str, &'a str, &'a str) + 'a;
use crate::cli::{FilterArgs, InputArgs, PairArgs};
use crate::compare::Comparison;
use crate::query::{self, Hit, Pattern, Query, Searcher, highlight};
use crate::text;
use rayon::prelude::*;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

/// How many chars of a field a plain line shows around the first match.
const SNIPPET_CHARS: usize = 100;

#[derive(Serialize)]
struct JsonHit<'a> {
    party: &'a str,
    topic: &'a str,
    claim: &'a str,
    score: u32,
    field: &'a str,
    text: &'a str,
    /// Byte ranges of `text` to highlight, whole grapheme clusters.
    matches: Vec<[usize; 2]>,
}

/// Prints the hits; returns whether there was any. `args` are the paths, then the query. A
/// plain search (no filter, no pair) of a large dispute uses and refreshes [`cache`].
pub fn search(
    mut args: Vec<PathBuf>,
    pair_args: &PairArgs,
    filter_args: &FilterArgs,
    json: bool,
    use_cache: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<bool, Failure> {
    let query_os = args
        .pop()
        .ok_or_else(|| Failure::Usage("give a query to search for".to_owned()))?;
    let query_text = query_os
        .to_str()
        .ok_or_else(|| Failure::Usage("the query is not valid UTF-8 text".to_owned()))?;
    if filter_args.query.is_some() {
        return Err(Failure::Usage(
            "`search` takes its query as the last argument, not --query".to_owned(),
        ));
    }
    let input = &InputArgs { paths: args };
    if query::pattern::parse(query_text).is_empty() {
        return Err(Failure::Usage(format!(
            "the query `{}` holds no term to search for",
            text::clean(query_text).text
        )));
    }
    let one_comparison = pair_args.left.is_some()
        || pair_args.right.is_some()
        || filter_args.one_sided
        || filter_args.both_sides;
    let cacheable =
        use_cache && !one_comparison && !input.paths.is_empty() && filter_args.filter().is_empty();
    if cacheable && let Some(cached) = cache::read(&input.paths) {
        super::warnings_note(err, cached.warnings)?;
        let searcher = Searcher::from_index(cached.index, filter_args.matcher);
        let (pattern, hits) = searcher.search_all(query_text, |_| true);
        let found = report(
            &|at| cached.names.place(at),
            &pattern,
            &hits,
            &[],
            query_text,
            json,
            out,
            err,
        )?;
        // The process ends after this command: see the end of the function.
        std::mem::forget((searcher, hits, cached.names));
        return Ok(found);
    }
    let started = std::time::SystemTime::now();
    let (dispute, files, warnings) = open_loaded(input, err)?;
    let (pattern, hits, labels) = if one_comparison {
        let (left, right) = pair(&dispute, pair_args)?;
        let cmp = Comparison::new(&dispute, left, right);
        let filter = super::filter(filter_args, &dispute, Some(&cmp))?;
        let labels = filter.describe();
        let q = Query {
            filter,
            search: Some(query_text.to_owned()),
            // Only the ranked hits are printed: no narrowed comparison is needed.
            narrow: false,
        };
        let outcome = query::apply(&dispute, &cmp, &q, filter_args.matcher);
        let hits: Vec<Hit> = outcome.ranked().into_iter().map(|(h, _)| h).collect();
        (outcome.pattern, hits, labels)
    } else {
        let filter = super::filter(filter_args, &dispute, None)?;
        let searcher = Searcher::new(&dispute, filter_args.matcher);
        if cacheable {
            cache::write(
                &input.paths,
                &files,
                started,
                &dispute,
                searcher.index(),
                warnings,
            );
        }
        let (pattern, hits) = searcher.search_all(query_text, |at| {
            dispute
                .claim(at)
                .is_some_and(|c| filter.keeps_claim(&dispute, at, c))
        });
        // The process ends after this command: leave the index to the OS (see below).
        std::mem::forget(searcher);
        (Some(pattern), hits, filter.describe())
    };
    let Some(pattern) = pattern else {
        return Ok(false);
    };
    let found = report(
        &|at| dispute.ids(at),
        &pattern,
        &hits,
        &labels,
        query_text,
        json,
        out,
        err,
    )?;
    // `search` is a one-shot command and the process ends next: its hundreds of thousands of
    // allocations are left to the OS instead of being freed one by one (as rustc does with its
    // arenas). This is a measurable part of a search over a large dispute.
    std::mem::forget((dispute, hits, pattern));
    Ok(found)
}

/// Prints the hits as lines or JSON, or says on stderr that nothing matched; returns whether
/// anything did.
#[allow(clippy::too_many_arguments)]
fn report<'a>(
    place: &Place<'a>,
    pattern: &Pattern,
    hits: &[Hit],
    labels: &[String],
    query_text: &str,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<bool, Failure> {
    if json {
        write_json(place, pattern, hits, out)?;
    } else {
        write_lines(place, pattern, hits, out)?;
    }
    if hits.is_empty() {
        let with = if labels.is_empty() {
            String::new()
        } else {
            format!(" with {}", labels.join(" · "))
        };
        writeln!(
            err,
            "parallax: no claim matches `{}`{with}",
            text::clean(query_text).text
        )?;
    }
    Ok(!hits.is_empty())
}

fn write_lines<'a>(
    place: &Place<'a>,
    pattern: &Pattern,
    hits: &[Hit],
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let places: Vec<_> = hits.iter().map(|h| place(h.claim)).collect();
    let pw = places.iter().map(|p| text::width(p.0)).max().unwrap_or(0);
    let tw = places.iter().map(|p| text::width(p.1)).max().unwrap_or(0);
    let sw = hits
        .iter()
        .map(|h| h.score.to_string().len())
        .max()
        .unwrap_or(0);
    // Snippets cost a highlight each: build the lines on every core, then write in order.
    let lines: Vec<String> = hits
        .par_iter()
        .zip(&places)
        .map(|(hit, (party, topic, _))| {
            // Plain lines show no highlight: the ranges only place the window of a long field,
            // and a field that fits whole needs none.
            let ranges = if hit.text.len() > SNIPPET_CHARS {
                pattern.highlight(&hit.text)
            } else {
                Vec::new()
            };
            let snippet: String = highlight::snippet(&hit.text, &ranges, SNIPPET_CHARS)
                .into_iter()
                .map(|(s, _)| s)
                .collect();
            let field = match hit.field {
                query::Field::Text => String::new(),
                f => format!("{}: ", f.as_str()),
            };
            format!(
                "{party:<pw$}  {topic:<tw$}  {:>sw$}  {field}{snippet}\n",
                hit.score
            )
        })
        .collect();
    for line in lines {
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

fn write_json<'a>(
    place: &Place<'a>,
    pattern: &Pattern,
    hits: &[Hit],
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let docs: Vec<JsonHit> = hits
        .iter()
        .map(|hit| {
            let (party, topic, claim) = place(hit.claim);
            JsonHit {
                party,
                topic,
                claim,
                score: hit.score,
                field: hit.field.as_str(),
                text: &hit.text,
                matches: pattern
                    .highlight(&hit.text)
                    .into_iter()
                    .map(|r| [r.start, r.end])
                    .collect(),
            }
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &docs).map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(())
}
