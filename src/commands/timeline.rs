//! `parallax timeline`: each compared side's claims per day (per week, month or year over a long
//! span) and the assessment dates, as a table or as JSON for scripts.

use super::{Failure, PartyJson, open, pair, topic_id};
use crate::cli::TimelineArgs;
use crate::compare::Comparison;
use crate::format::Date;
use crate::query::Filter;
use crate::text;
use crate::timeline::{Bucket, MAX_DAYS, Timeline};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct UndatedJson {
    left: usize,
    right: usize,
}

impl From<[usize; 2]> for UndatedJson {
    fn from([left, right]: [usize; 2]) -> Self {
        UndatedJson { left, right }
    }
}

#[derive(Serialize)]
struct TimelineJson<'a> {
    left: PartyJson<'a>,
    right: PartyJson<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    topic: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    as_of: Option<Date>,
    /// `null` when no claim is dated: there are no bins to be days or weeks of.
    bucket: Option<Bucket>,
    bins: &'a [crate::timeline::Bin],
    assessments: &'a [crate::timeline::Mark],
    undated: UndatedJson,
    undated_assessments: UndatedJson,
    far: UndatedJson,
    far_assessments: UndatedJson,
}

/// Prints the timeline of the comparison `args` choose.
pub fn timeline(
    args: &TimelineArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let dispute = open(&args.input, err)?;
    let (left, right) = pair(&dispute, &args.pair)?;
    let cmp = Comparison::new(&dispute, left, right);
    // A title given as the topic, as the filters of `show` take one, names its topic's id.
    let topic = args.topic.as_ref().map(|t| topic_id(&dispute, t));
    let filter = Filter {
        topics: topic.iter().cloned().collect(),
        as_of: args.as_of,
        ..Filter::default()
    };
    filter
        .check(&dispute, Some(&cmp))
        .map_err(|e| Failure::Usage(e.to_string()))?;
    let shown = filter.apply(&dispute, &cmp);
    let t = Timeline::new(&dispute, &shown, MAX_DAYS);
    let party = |s: usize| PartyJson::of(&dispute, s);
    if args.json {
        let doc = TimelineJson {
            left: party(left),
            right: party(right),
            topic: topic.as_deref(),
            as_of: args.as_of,
            bucket: (!t.bins.is_empty()).then_some(t.bucket),
            bins: &t.bins,
            assessments: &t.assessments,
            undated: t.undated.into(),
            undated_assessments: t.undated_assessments.into(),
            far: t.far.into(),
            far_assessments: t.far_assessments.into(),
        };
        crate::text::write_json(&mut *out, &doc).map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    let (ln, rn) = (party(left).name, party(right).name);
    let mut head = format!("Timeline: {ln} ⟷ {rn}");
    if let Some(topic) = &topic {
        head.push_str(&format!(" · topic {}", text::clean(topic).text));
    }
    if let Some(date) = args.as_of {
        head.push_str(&format!(" · as of {date}"));
    }
    // Before every dated claim, the claims are there, only not yet said.
    let dated = || dispute.claims().any(|(_, c)| c.date.is_some());
    let per = match args.as_of {
        Some(_) if t.bins.is_empty() && dated() => "no claim dated by then",
        _ => t.per_in_full(),
    };
    head.push_str(&format!(" · {per}"));
    writeln!(out, "{head}")?;
    let first = if t.bins.is_empty() {
        ""
    } else {
        t.bucket.column()
    };
    // A long party name is cut (`The Government of…`), so the table stays within a terminal.
    let cut = |name: &str| text::ellipsis(name, NAME_COLUMNS).trim_end().to_owned();
    let (lc, rc) = (cut(ln), cut(rn));
    let (lw, rw) = (text::width(&lc).max(5), text::width(&rc).max(5));
    writeln!(
        out,
        "{first:<10}  {lc:>lw$}  {rc:>rw$}  assessed",
        lw = lw,
        rw = rw
    )?;
    let first_day = t.bins.first().map(|b| b.start);
    let assessed_per_bin = t.assessed_per_bin();
    // Past 62 bars (years: a mistyped year far from the rest), a run of empty bars is one line,
    // not thousands of zeros.
    let gaps = if t.bins.len() > MAX_DAYS {
        empty_runs(&t.bins, &assessed_per_bin)
    } else {
        Vec::new()
    };
    // The first bar counts what was assessed before it too (see `crate::timeline`).
    for (i, (bin, &assessed)) in t.bins.iter().zip(&assessed_per_bin).enumerate() {
        if let Some(run) = gaps.iter().find(|r| r.contains(&i)) {
            if i == run.start {
                let last = t.bins.get(run.end - 1).unwrap_or(bin);
                writeln!(
                    out,
                    "{:<10}  {} empty {}s, {} to {}",
                    "…",
                    run.len(),
                    t.bucket.column().trim_end_matches(" of"),
                    t.bucket.short(bin),
                    t.bucket.short(last)
                )?;
            }
            continue;
        }
        let mark = if assessed > 0 {
            format!("  ⚑ {assessed}")
        } else {
            String::new()
        };
        writeln!(
            out,
            "{:<10}  {:>lw$}  {:>rw$}{mark}",
            t.bucket.short(bin),
            bin.left,
            bin.right,
            lw = lw,
            rw = rw
        )?;
    }
    if t.undated != [0, 0] {
        writeln!(
            out,
            "{:<10}  {:>lw$}  {:>rw$}",
            "undated",
            t.undated[0],
            t.undated[1],
            lw = lw,
            rw = rw
        )?;
    }
    let early: Vec<&crate::timeline::Mark> = t
        .assessments
        .iter()
        .filter(|a| first_day.is_some_and(|f| a.date < f))
        .collect();
    if let Some(earliest) = early.first() {
        writeln!(
            out,
            "assessed before the first claim: ⚑ {} (the first on {}), counted on the first bar",
            early.len(),
            earliest.date
        )?;
    }
    if t.undated_assessments != [0, 0] {
        let [l, r] = t.undated_assessments;
        writeln!(
            out,
            "assessed, with no dated source: {ln} {l}, {rn} {r} (not on the axis: when they were made is not known)"
        )?;
    }
    if t.far != [0, 0] || t.far_assessments != [0, 0] {
        let [l, r] = t.far;
        let [al, ar] = t.far_assessments;
        let middle = dispute
            .era()
            .middle()
            .map(|y| format!(" (around {y:04})"))
            .unwrap_or_default();
        writeln!(
            out,
            "dated over {} years from most claims{middle}, not on the axis: {ln} {l} ⚑{al}, {rn} {r} ⚑{ar}; is the year mistyped? `parallax validate` says where",
            crate::format::FAR_YEARS
        )?;
    }
    if t.bins.is_empty() && t.undated == [0, 0] && t.far == [0, 0] {
        writeln!(out, "(no claim)")?;
    }
    Ok(())
}

/// The widest a party's name is in the table's heading.
const NAME_COLUMNS: usize = 24;

/// The runs of more than two bars in a row with no claim and no assessment.
fn empty_runs(bins: &[crate::timeline::Bin], assessed: &[usize]) -> Vec<std::ops::Range<usize>> {
    let empty = |i: usize| {
        bins.get(i).is_some_and(|b| b.left == 0 && b.right == 0)
            && assessed.get(i).is_none_or(|&a| a == 0)
    };
    let mut runs = Vec::new();
    let mut i = 0;
    while i < bins.len() {
        let start = i;
        while i < bins.len() && empty(i) {
            i += 1;
        }
        if i - start > 2 {
            runs.push(start..i);
        }
        i = i.max(start + 1);
    }
    runs
}
