//! HTML export: one self-contained page. Inline CSS only, no script, no font, image or any other
//! request (a Content-Security-Policy of `default-src 'none'` says so to the browser too). The two
//! parties stand side by side in colour-blind-safe blue and orange, named in a legend and in every
//! column head so colour is never the only cue; each comparison row is one table row, so the
//! sides stay level. Every string is escaped with `html-escape`; links are made only for http(s)
//! urls and carry `rel="noopener noreferrer"`.

use super::Sink;
use super::model::{ClaimOut, Export, RowOut, SourceOut, TopicOut};
use crate::compare::Comparison;
use crate::format::Dispute;
use crate::timeline::{MAX_DAYS, Timeline};
use std::fmt::Write;

/// The timelines a page shows: the whole comparison's under the header, each topic's in its
/// section. Counted by [`Timeline`], as `parallax timeline` and the screen count them.
#[derive(Debug, Clone)]
pub struct Charts {
    /// Every topic together.
    pub all: Timeline,
    /// Each topic, by id (a map: a page of many topics looks each one up).
    pub topics: foldhash::HashMap<String, Timeline>,
}

impl Charts {
    /// Counts the timelines of the comparison exported.
    pub fn new(dispute: &Dispute, cmp: &Comparison) -> Charts {
        let as_of = cmp.as_of.as_ref().map(|a| a.date);
        Charts {
            all: Timeline::new(dispute, cmp, MAX_DAYS),
            topics: cmp
                .topics
                .iter()
                .map(|t| {
                    let chart =
                        Timeline::of_topics(dispute, std::slice::from_ref(t), as_of, MAX_DAYS);
                    (t.id.clone(), chart)
                })
                .collect(),
        }
    }
}

/// What the page holds, known before it is written: its topics with each side's claims, for
/// the contents under the header, and its claims, so a relation links to the claim it names
/// only when the page holds that claim (a filtered page may not).
#[derive(Debug, Clone, Default)]
pub struct Contents<'a> {
    /// Each topic's id, title, and the left and the right side's claims.
    topics: Vec<(&'a str, &'a str, usize, usize)>,
    /// The ids of the claims on the page.
    claims: foldhash::HashSet<&'a str>,
}

impl<'a> Contents<'a> {
    /// The contents of the comparison exported.
    pub fn new(dispute: &'a Dispute, cmp: &'a Comparison) -> Contents<'a> {
        let mut claims = foldhash::HashSet::default();
        let topics = cmp
            .topics
            .iter()
            .map(|t| {
                let mut counts = crate::compare::Counts::default();
                counts.add_rows(&t.rows);
                let ats = t.rows.iter().flat_map(|r| r.left.iter().chain(&r.right));
                claims.extend(
                    ats.filter_map(|&at| dispute.claim(at))
                        .map(|c| c.id.as_str()),
                );
                (
                    t.id.as_str(),
                    t.title.as_str(),
                    counts.left_claims,
                    counts.right_claims,
                )
            })
            .collect();
        Contents { topics, claims }
    }
}

/// The page's style: screen and print.
const STYLE: &str = r#"
:root { --left: #0072b2; --right: #e69f00; --ink: #1a1a1a; --muted: #555; --rule: #ccc; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 78rem; padding: 1.5rem; color: var(--ink); background: #fff;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; margin: 0 0 .4rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .4rem; border-bottom: 2px solid var(--rule); padding-bottom: .2rem; }
.legend { display: flex; gap: 1rem; flex-wrap: wrap; margin: .8rem 0; padding: 0; list-style: none; }
.legend li { padding: .2rem .6rem; border-radius: .3rem; font-weight: 600; }
.legend .left, th.left { border-left: .45rem solid var(--left); background: #e6f1f8; }
.legend .right, th.right { border-left: .45rem dashed var(--right); background: #fdf3de; }
.muted, .framing, .silent { color: var(--muted); }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: .6rem 0 1rem; }
th, td { vertical-align: top; text-align: left; padding: .5rem .6rem; overflow-wrap: anywhere; }
thead th { font-size: 1rem; }
td.left { border-left: .3rem solid var(--left); }
td.right { border-left: .3rem dashed var(--right); }
tbody { break-inside: avoid; page-break-inside: avoid; }
th.question { background: #f3f3f3; font-weight: 600; border-top: 1px solid var(--rule); }
th.question.suggested { background: #fff; font-weight: 400; font-style: italic; border-top: 1px dashed var(--rule); }
th.lane { text-align: left; font-weight: 600; font-size: 0.9em; letter-spacing: 0.03em; text-transform: uppercase; color: var(--muted); padding-top: 1em; }
.claim { margin: 0 0 .8rem; }
.claim:last-child { margin-bottom: 0; }
.claim p { margin: 0 0 .25rem; }
.claim .text { font-size: 1rem; }
.claim .speaker { font-style: italic; color: var(--muted); }
.claim ul { margin: .1rem 0 .25rem; padding-left: 1.1rem; }
.assessment { font-weight: 600; }
.assessment .per { font-weight: normal; }
.rating-refuted, .rating-retracted { color: #a0001a; }
.rating-corroborated { color: #00603f; }
.flag { color: #7a4b00; }
.id { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .8rem; color: var(--muted); }
a { color: #00508a; }
nav.contents ol { columns: 18rem 3; margin: .3rem 0 0; padding-left: 2.2rem; }
nav.contents h2 { font-size: 1rem; margin: 1rem 0 0; }
nav.contents .count { color: var(--muted); font-size: .9em; white-space: nowrap; }
figure.timeline { margin: .6rem 0 1rem; overflow-x: auto; }
figure.timeline figcaption { color: var(--muted); font-size: .9rem; }
figure.timeline svg { width: 100%; min-width: 36rem; height: auto; max-height: 12rem; display: block; }
.timeline .l { fill: var(--left); }
.timeline .r { fill: var(--right); }
.timeline .axis { stroke: var(--ink); stroke-width: 1; }
.timeline .mark { fill: #a0001a; }
.timeline .grid { stroke: var(--rule); stroke-width: .5; stroke-dasharray: 2 3; }
.timeline text.marks { font-size: 9px; font-weight: 600; fill: #a0001a; paint-order: stroke; stroke: #fff; stroke-width: 2.5px; }
.timeline .asof { stroke: var(--ink); stroke-width: 1.5; stroke-dasharray: 4 3; }
.timeline text { font-size: 11px; fill: var(--muted); }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  a[href]::after { content: " <" attr(href) ">"; font-size: .8em; overflow-wrap: anywhere; }
  a[href^='#']::after { content: none; }
}
"#;

/// Escapes text for element content.
fn text(out: &mut Sink<'_>, s: &str) {
    let mut first = true;
    for line in s.split('\n') {
        if !first {
            out.push_str("<br>");
        }
        first = false;
        for piece in super::pieces(line) {
            out.with(|b| {
                html_escape::encode_safe_to_string(piece, b);
            });
        }
    }
}

/// Escapes a value for a double-quoted attribute.
fn attr(out: &mut Sink<'_>, s: &str) {
    for piece in super::pieces(s) {
        out.with(|b| {
            html_escape::encode_double_quoted_attribute_to_string(piece, b);
        });
    }
}

/// A value from the file set apart from the text around it (`<bdi>`): a name written right to
/// left (`الجزيرة`) next to a date or a comma drew them reordered (`2024-05-03` as
/// `03-05-2024`, the comma before the name).
fn value(out: &mut Sink<'_>, s: &str) {
    out.push_str("<bdi>");
    text(out, s);
    out.push_str("</bdi>");
}

/// A source's label (its outlet, date and rating), the outlet set apart (see [`value`]).
fn label(out: &mut Sink<'_>, s: &SourceOut) {
    let label = s.label();
    match label.strip_prefix(s.outlet.as_ref()) {
        Some(rest) => {
            value(out, &s.outlet);
            text(out, rest);
        }
        None => text(out, &label),
    }
}

/// A source: a link (http(s) only) or plain text, then its title, quote and locator.
fn source(out: &mut Sink<'_>, s: &SourceOut) {
    match s.link() {
        Some(u) => {
            out.push_str("<a href=\"");
            attr(out, u);
            out.push_str("\" rel=\"noopener noreferrer\">");
            label(out, s);
            out.push_str("</a>");
        }
        None => label(out, s),
    }
    if let Some(t) = &s.title {
        out.push_str(": ");
        value(out, t);
    }
    if let Some(q) = &s.quote {
        out.push_str(" “");
        value(out, q);
        out.push('”');
    }
    if let Some(l) = &s.locator {
        out.push_str(" (");
        value(out, l);
        out.push(')');
    }
}

fn claim(out: &mut Sink<'_>, page: &Contents, c: &ClaimOut) {
    out.push_str("<div class=\"claim\" id=\"claim-");
    attr(out, &c.id);
    // A claim in Arabic or Urdu is laid out right to left, one in English left to right.
    out.push_str("\"><p class=\"text\" dir=\"auto\">");
    text(out, &c.text);
    out.push_str("</p>");
    if c.speaker.is_some() || c.date.is_some() {
        // As `speaker_line` words it, the speaker set apart from the date (see `value`).
        out.push_str("<p class=\"speaker\">— ");
        if let Some(s) = &c.speaker {
            value(out, s);
        }
        if let Some(d) = c.date {
            let comma = if c.speaker.is_some() { ", " } else { "" };
            let _ = write!(out, "{comma}{d}");
        }
        out.push_str("</p>");
    }
    if c.sources.is_empty() {
        out.push_str("<p class=\"muted\">unsourced</p>");
    } else {
        out.push_str("<ul class=\"sources\">");
        for s in &c.sources {
            out.push_str("<li>");
            source(out, s);
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    if let Some(a) = &c.assessment {
        out.push_str("<p class=\"assessment rating-");
        attr(out, a.rating.as_str());
        out.push_str("\">⚑ Assessment: ");
        text(out, a.rating.as_str());
        if let Some(by) = &a.by {
            out.push_str(" (by ");
            value(out, by);
            out.push(')');
        }
        if let Some(n) = &a.note {
            out.push_str(" — ");
            value(out, n);
        }
        for (i, s) in a.sources.iter().enumerate() {
            out.push_str(if i == 0 {
                " <span class=\"per\">(per "
            } else {
                "; "
            });
            source(out, s);
        }
        if !a.sources.is_empty() {
            out.push_str(")</span>");
        }
        out.push_str("</p>");
        if a.undated {
            let _ = write!(
                out,
                "<p class=\"muted\">{}</p>",
                crate::layout::ASSESSMENT_UNDATED
            );
        }
    }
    if let Some(d) = c.assessed_later {
        let _ = write!(
            out,
            "<p class=\"muted\">{}</p>",
            crate::layout::assessed_later(d)
        );
    }
    if let Some(d) = c.superseded_by {
        let _ = write!(out, "<p class=\"muted\">⌛ superseded (latest {d})</p>");
    }
    if c.undated {
        let _ = write!(out, "<p class=\"muted\">{}</p>", crate::layout::UNDATED);
    }
    for r in &c.relations {
        out.push_str("<p class=\"relation relation-");
        attr(out, r.kind.as_str());
        out.push_str("\">");
        // A link to the claim it names, when the page holds it (same page: the policy allows it).
        if page.claims.contains(&*r.claim) {
            out.push_str("<a href=\"#claim-");
            attr(out, &r.claim);
            out.push_str("\">");
            text(out, &r.description);
            out.push_str("</a>");
        } else {
            text(out, &r.description);
        }
        out.push_str("</p>");
    }
    if !c.flagged.is_empty() {
        out.push_str("<p class=\"flag\">⚠ hidden characters replaced: ");
        text(out, &c.flagged.join(" "));
        out.push_str("</p>");
    }
    out.push_str("<p class=\"id\">");
    text(out, &c.id);
    out.push_str("</p></div>");
}

fn side(out: &mut Sink<'_>, page: &Contents, class: &str, (claims, hidden): (&[ClaimOut], u32)) {
    let _ = write!(out, "<td class=\"{class}\">");
    if claims.is_empty() {
        out.push_str("<p class=\"silent\">");
        out.push_str(&crate::layout::silent(hidden));
        out.push_str("</p>");
    }
    for c in claims {
        claim(out, page, c);
    }
    if let Some(more) = crate::layout::also_hidden(hidden).filter(|_| !claims.is_empty()) {
        out.push_str("<p class=\"silent\">");
        out.push_str(&more);
        out.push_str("</p>");
    }
    out.push_str("</td>");
}

/// Claims without a counterpart, one after another: one heading, each claim a line in its
/// party's column.
fn unmatched(out: &mut Sink<'_>, page: &Contents, rows: &[RowOut]) -> std::io::Result<()> {
    out.push_str("<tbody><tr><th class=\"question\" colspan=\"2\" scope=\"colgroup\">");
    text(out, &super::unmatched_heading(rows.len()));
    out.push_str("</th></tr>");
    for r in rows {
        for (class, other, claims) in [("left", "right", &r.left), ("right", "left", &r.right)] {
            for c in claims {
                out.push_str("<tr>");
                let empty = format!("<td class=\"{other}\"></td>");
                if class == "right" {
                    out.push_str(&empty);
                }
                let _ = write!(out, "<td class=\"{class}\">");
                claim(out, page, c);
                out.push_str("</td>");
                if class == "left" {
                    out.push_str(&empty);
                }
                out.push_str("</tr>");
            }
        }
        out.check()?;
    }
    out.push_str("</tbody>\n");
    Ok(())
}

fn row(out: &mut Sink<'_>, page: &Contents, r: &RowOut) {
    // A suggested pair's heading looks unlike a question the parties answer.
    let class = if matches!(r.kind, super::model::RowKindOut::Suggested) {
        "question suggested"
    } else {
        "question"
    };
    let _ = write!(
        out,
        "<tbody><tr><th class=\"{class}\" colspan=\"2\" scope=\"colgroup\">"
    );
    text(out, &r.heading);
    out.push_str("</th></tr><tr>");
    side(out, page, "left", (&r.left, r.left_hidden));
    side(out, page, "right", (&r.right, r.right_hidden));
    out.push_str("</tr></tbody>\n");
}

/// The timeline's drawing area, in SVG user units.
const CHART_W: f64 = 720.0;
const CHART_H: f64 = 150.0;
/// Room under the bars for the dates.
const CHART_FOOT: f64 = 18.0;
/// Room left of the bars for the scale (the tallest bar's count).
const SCALE_W: f64 = 30.0;
/// About how wide a character of the chart's dates is, in user units (11px text).
const DATE_CHAR_W: f64 = 6.6;
/// The assessments a mark's tooltip names before it counts the rest.
const MARK_NAMES: usize = 12;

/// The caption's count of what has no place on the axis: undated claims, and assessments none
/// of whose sources is dated, each side's, when there are any.
fn off_axis(out: &mut Sink<'_>, doc: &Export, t: &Timeline) {
    let far = format!(
        "Dated over {} years from the rest (a mistyped year?)",
        crate::format::FAR_YEARS
    );
    let far_assessed = format!(
        "Assessed over {} years from the rest",
        crate::format::FAR_YEARS
    );
    for ([l, r], what) in [
        (t.undated, "Undated"),
        (t.undated_assessments, "Assessed with no dated source"),
        (t.far, far.as_str()),
        (t.far_assessments, far_assessed.as_str()),
    ] {
        if l + r > 0 {
            text(
                out,
                &format!(
                    ". {what}, not on the axis: {} {l}, {} {r}",
                    doc.left.name, doc.right.name
                ),
            );
        }
    }
}

/// A timeline as inline SVG (no script, no request): the left party's claims per day, week, month or year as
/// bars above one axis, the right party's below, the assessments as marks on the axis, the date
/// the export is seen as of as a dashed line, and the first and last dates under the axis. Each
/// bar carries its counts as a tooltip; the figure's caption says what is where, so colour is
/// never the only cue.
fn timeline(out: &mut Sink<'_>, doc: &Export, t: &Timeline, whole: bool) {
    if t.bins.is_empty() {
        // No chart; the page's own figure still says what it would have counted, so undated
        // claims and assessments are never left unmentioned (a topic's says nothing).
        if whole
            && t.undated
                .iter()
                .chain(&t.undated_assessments)
                .chain(&t.far)
                .chain(&t.far_assessments)
                .any(|&n| n > 0)
        {
            out.push_str("<figure class=\"timeline\">\n<figcaption>");
            text(out, "No claim here has a date, so there is no timeline");
            off_axis(out, doc, t);
            out.push_str("</figcaption>\n</figure>\n");
        }
        return;
    }
    let n = t.bins.len() as f64;
    // The bars stand right of the scale.
    let slot = (CHART_W - SCALE_W) / n;
    // A bar is never wider than its slot (1,800 yearly bars spilled past the right edge), and
    // never thinner than a unit, so a lone count among many bars still shows.
    let bar = (slot * 0.8).max(1.0);
    let half = CHART_H / 2.0;
    let peak = t.peak().max(1) as f64;
    let per = t.bucket.per_in_full();
    out.push_str("<figure class=\"timeline\">\n<figcaption>");
    // `▲` is explained where the chart draws one.
    let marked = t.assessments.iter().any(|a| t.bin_of(a.date).is_some());
    text(
        out,
        &format!(
            "Claims {per}: {} above the line, {} below{}",
            doc.left.name,
            doc.right.name,
            if marked {
                "; ▲ an assessment was made then"
            } else {
                ""
            }
        ),
    );
    if let Some(d) = &doc.as_of {
        text(out, &format!("; dashed: as of {d}"));
    }
    off_axis(out, doc, t);
    out.push_str("</figcaption>\n");
    let _ = write!(
        out,
        "<svg viewBox=\"0 0 {CHART_W} {}\" role=\"img\" aria-label=\"",
        CHART_H + CHART_FOOT
    );
    attr(out, &format!("Timeline of claims {per}"));
    out.push_str("\">\n");
    for (i, b) in t.bins.iter().enumerate() {
        let x = (SCALE_W + i as f64 * slot + (slot - bar) / 2.0).clamp(SCALE_W, CHART_W - bar);
        let when = t.bucket.when(b);
        for (count, class, name) in [
            (b.left, "l", &doc.left.name),
            (b.right, "r", &doc.right.name),
        ] {
            if count == 0 {
                continue;
            }
            let h = (count as f64 / peak * (half - 4.0)).max(1.5);
            let y = if class == "l" { half - h } else { half };
            let _ = write!(
                out,
                "<rect class=\"{class}\" x=\"{x:.2}\" y=\"{y:.2}\" width=\"{bar:.2}\" height=\"{h:.2}\"><title>"
            );
            text(out, &format!("{when}: {name} {count}"));
            out.push_str("</title></rect>\n");
        }
    }
    // The scale: the tallest bar's count at its top, above the axis and below it (one scale
    // for both parties), each on a faint line across the chart.
    // The tallest bar reaches 4 units short of the chart's edge (a bar is at most `half - 4`).
    let top = 4.0;
    for y in [top, CHART_H - top] {
        let _ = writeln!(
            out,
            "<line class=\"grid\" x1=\"{SCALE_W}\" y1=\"{y}\" x2=\"{CHART_W}\" y2=\"{y}\"></line>"
        );
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            SCALE_W - 4.0,
            y + 4.0,
            t.peak()
        );
    }
    let _ = writeln!(
        out,
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">0</text>",
        SCALE_W - 4.0,
        half + 4.0
    );
    let _ = writeln!(
        out,
        "<line class=\"axis\" x1=\"{SCALE_W}\" y1=\"{half}\" x2=\"{CHART_W}\" y2=\"{half}\"></line>"
    );
    // One mark a bar, however many assessments were made in it (seven drawn on one spot read
    // as one): its count beside it when more than one, each named in its tooltip.
    let mut marks: Vec<(usize, Vec<&crate::timeline::Mark>)> = Vec::new();
    for a in &t.assessments {
        let Some(i) = t.bin_of(a.date) else { continue };
        match marks.iter_mut().find(|(bin, _)| *bin == i) {
            Some((_, all)) => all.push(a),
            None => marks.push((i, vec![a])),
        }
    }
    for (i, all) in &marks {
        // Within the chart: a mark is 8 wide, about its middle.
        let x = (SCALE_W + *i as f64 * slot + slot / 2.0).clamp(SCALE_W + 4.0, CHART_W - 4.0);
        let _ = write!(
            out,
            "<path class=\"mark\" d=\"M{:.2} {:.2} l4 7 h-8 z\"><title>",
            x,
            half - 3.5
        );
        let named: Vec<String> = all
            .iter()
            .take(MARK_NAMES)
            .map(|a| format!("{}: {} {}", a.date, a.claim, a.rating.as_str()))
            .collect();
        // One line: `text` would break lines with `<br>`, which a tooltip does not hold.
        let mut said = named.join("; ");
        if all.len() > MARK_NAMES {
            said.push_str(&format!("; and {} more", all.len() - MARK_NAMES));
        }
        if all.len() > 1 {
            said = format!("{} assessments: {said}", all.len());
        }
        text(out, &said);
        out.push_str("</title></path>\n");
        if all.len() > 1 {
            let _ = writeln!(
                out,
                "<text class=\"marks\" x=\"{:.2}\" y=\"{:.2}\" text-anchor=\"middle\">{}</text>",
                x,
                half - 6.0,
                all.len()
            );
        }
    }
    // After the bar holding the date (its claims were said by then), in the gap before the
    // next one; within the chart after the last bar.
    if let Some(i) = doc.as_of.and_then(|d| t.bin_of(d)) {
        let x = (SCALE_W + (i + 1) as f64 * slot).min(CHART_W - 1.0);
        let _ = writeln!(
            out,
            "<line class=\"asof\" x1=\"{x:.2}\" y1=\"0\" x2=\"{x:.2}\" y2=\"{CHART_H}\"></line>"
        );
    }
    // The first bar's first day and the last one's last day at the ends; between them, bars'
    // first days wherever one fits clear of its neighbours, so the axis reads without hovering.
    if let (Some(first), Some(last)) = (t.bins.first(), t.bins.last()) {
        let y = CHART_H + CHART_FOOT - 4.0;
        let wide = |s: &str| s.chars().count() as f64 * DATE_CHAR_W;
        let (start, end) = (first.start.to_string(), last.end.to_string());
        let _ = write!(out, "<text x=\"{SCALE_W}\" y=\"{y}\">{start}</text>");
        let mut free = SCALE_W + wide(&start) + 12.0;
        let stop = CHART_W - wide(&end) - 12.0;
        // The last bar's day is said at the right end already (a day's bar ends where it
        // starts: it was said twice).
        let inner = t.bins.len().saturating_sub(1);
        for (i, b) in t.bins.iter().enumerate().take(inner).skip(1) {
            let label = t.bucket.short(b);
            let x = SCALE_W + i as f64 * slot;
            if x >= free && x + wide(&label) <= stop {
                let _ = write!(out, "<text x=\"{x:.2}\" y=\"{y}\">{label}</text>");
                free = x + wide(&label) + 12.0;
            }
        }
        // One bar of one day (every claim said the same day): its day once, not at both ends.
        if end != start {
            let _ = writeln!(
                out,
                "<text x=\"{CHART_W}\" y=\"{y}\" text-anchor=\"end\">{end}</text>"
            );
        }
    }
    out.push_str("</svg>\n</figure>\n");
}

fn topic(
    out: &mut Sink<'_>,
    (doc, page): (&Export, &Contents),
    t: &TopicOut,
    chart: Option<&Timeline>,
) -> std::io::Result<()> {
    out.push_str("<section class=\"topic\" id=\"topic-");
    attr(out, &t.id);
    out.push_str("\"><h2>");
    text(out, &t.title);
    out.push_str("</h2>\n");
    if let Some(s) = &t.summary {
        out.push_str("<p>");
        text(out, s);
        out.push_str("</p>\n");
    }
    if let Some(chart) = chart {
        timeline(out, doc, chart, false);
    }
    out.push_str("<table><thead><tr>");
    for (class, name, title) in [
        ("left", &doc.left.name, &t.left_title),
        ("right", &doc.right.name, &t.right_title),
    ] {
        let _ = write!(out, "<th class=\"{class}\" scope=\"col\">");
        text(out, name);
        out.push_str("<br><span class=\"framing\">");
        match title {
            Some(title) => {
                out.push('“');
                text(out, title);
                out.push('”');
            }
            None => out.push_str("does not address this topic"),
        }
        out.push_str("</span></th>");
    }
    out.push_str("</tr></thead>\n");
    if t.rows.is_empty() {
        out.push_str(
            "<tbody><tr><td colspan=\"2\" class=\"muted\">Neither side makes a claim on this topic.</td></tr></tbody>\n",
        );
    }
    let common = t.rows.iter().filter(|r| r.common_ground).count();
    let mut i = 0;
    while let Some(r) = t.rows.get(i) {
        if let Some(lane) = crate::plain::lane_before(common, i) {
            out.push_str("<tbody><tr><th class=\"lane\" colspan=\"2\" scope=\"colgroup\">");
            text(out, &lane);
            out.push_str("</th></tr></tbody>\n");
        }
        let run = super::unmatched_run(&t.rows, i);
        if run > 1 {
            let rows = t.rows.get(i..i + run).unwrap_or_default();
            unmatched(out, page, rows)?;
            i += run;
            continue;
        }
        i += 1;
        row(out, page, r);
        out.check()?;
    }
    out.push_str("</table></section>\n");
    Ok(())
}

/// The page's topics, each a link to its section with each side's claims (`12 ⟷ 20`), when
/// there are two or more: a page of 137 topics is long to scroll through.
fn contents(out: &mut Sink<'_>, doc: &Export, page: &Contents) {
    if page.topics.len() < 2 {
        return;
    }
    out.push_str("<nav class=\"contents\" aria-labelledby=\"contents\"><h2 id=\"contents\">Topics</h2><ol>\n");
    for (id, title, left, right) in &page.topics {
        out.push_str("<li><a href=\"#topic-");
        attr(out, id);
        out.push_str("\">");
        text(out, title);
        out.push_str("</a> <span class=\"count\" title=\"");
        attr(
            out,
            &format!("{} {left}, {} {right}", doc.left.name, doc.right.name),
        );
        let _ = writeln!(out, "\">{left} ⟷ {right}</span></li>");
    }
    out.push_str("</ol></nav>\n");
}

/// Writes the document's head, then `topics`, to `w` as one HTML page, with its timelines when
/// given, one topic at a time (only one topic's markup is held).
pub fn render_to<'a>(
    doc: &Export<'a>,
    topics: impl Iterator<Item = TopicOut<'a>>,
    charts: Option<&Charts>,
    page: &Contents,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut out = Sink::new(w);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'\">\n",
    );
    out.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"parallax\">\n<title>");
    text(&mut out, &doc.dispute.title);
    out.push_str(" — ");
    text(&mut out, &doc.left.name);
    out.push_str(" and ");
    text(&mut out, &doc.right.name);
    // A selection's page is told apart from the whole's in tabs, bookmarks and saved names.
    if !doc.selection.is_empty() {
        out.push_str(" · ");
        text(&mut out, &doc.selection.join(" · "));
    }
    out.push_str("</title>\n<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<header>\n<h1>");
    text(&mut out, &doc.dispute.title);
    out.push_str("</h1>\n");
    if let Some(s) = &doc.dispute.summary {
        out.push_str("<p>");
        text(&mut out, s);
        out.push_str("</p>\n");
    }
    if doc.dispute.from.is_some() || doc.dispute.to.is_some() {
        let d = |d: &Option<crate::format::Date>| {
            d.as_ref().map_or("…".to_owned(), |d| d.to_string())
        };
        out.push_str("<p class=\"muted\">");
        text(
            &mut out,
            &format!("Period: {} to {}", d(&doc.dispute.from), d(&doc.dispute.to)),
        );
        out.push_str("</p>\n");
    }
    out.push_str(
        "<ul class=\"legend\" aria-label=\"Legend\"><li class=\"left\">Left (blue, solid): ",
    );
    text(&mut out, &doc.left.name);
    out.push_str("</li><li class=\"right\">Right (orange, dashed): ");
    text(&mut out, &doc.right.name);
    out.push_str("</li></ul>\n");
    if !doc.selection.is_empty() {
        out.push_str("<p class=\"muted\">");
        text(
            &mut out,
            &format!(
                "Selection (not the whole comparison): {}",
                doc.selection.join(" · ")
            ),
        );
        out.push_str("</p>\n");
    }
    if let Some(c) = charts {
        timeline(&mut out, doc, &c.all, true);
    }
    contents(&mut out, doc, page);
    out.push_str("</header>\n<main>\n");
    let mut any = false;
    for t in topics {
        any = true;
        out.check()?;
        // A page of one topic: its chart would repeat the page's.
        let chart = charts
            .filter(|c| c.topics.len() > 1)
            .and_then(|c| c.topics.get(&*t.id));
        topic(&mut out, (doc, page), &t, chart)?;
    }
    if !any {
        out.push_str("<p class=\"muted\">");
        text(&mut out, super::no_topic(doc));
        out.push_str("</p>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out.finish()
}
