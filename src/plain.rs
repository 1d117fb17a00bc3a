//! Plain-text output for the headless commands: the side-by-side comparison of `show` and the
//! table of `topics`. Everything here is cleaned text, laid out by column width; no colour and no
//! control character is ever written.

use crate::compare::{Comparison, Counts, Row, RowKind, TopicRows};
use crate::format::Dispute;
use crate::layout::{self, Line};
use crate::text;
use std::fmt::Write;

/// The narrowest layout `show` accepts: two columns of 18 and a separator.
pub const MIN_WIDTH: usize = 40;
/// The widest width `show --width` takes: wider than any terminal, and a bound on the memory a
/// row laid out at that width takes.
pub const MAX_WIDTH: usize = 1000;

const SEPARATOR: &str = " │ ";

/// The heading of a row of unmatched claims packed side by side.
pub const PACKED_HEADING: &str = "Unmatched claims side by side: they do not answer each other";
/// [`PACKED_HEADING`] where it would be cut (the screen at 80 columns).
pub const PACKED_HEADING_SHORT: &str = "Unmatched, side by side: neither answers the other";

/// The heading of a row: its question, or what kind of row it is.
pub fn row_heading(row: &Row) -> String {
    match (row.kind, &row.question, &row.point) {
        (_, Some(q), _) => q.clone(),
        (RowKind::Point, None, Some(p)) => format!("Point: {p}"),
        (RowKind::Rebuttal, _, _) => "Claims that answer each other".to_owned(),
        (RowKind::Packed, _, _) => PACKED_HEADING.to_owned(),
        _ => "Unmatched claim".to_owned(),
    }
}

/// Joins two columns of lines side by side, each padded to `col` columns.
fn columns(out: &mut String, left: &[Line], right: &[Line], col: usize) {
    for (l, r) in left.iter().zip(right) {
        let line = format!("{}{SEPARATOR}{}", text::fit(&l.text, col), r.text);
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

fn rule(out: &mut String, title: &str, width: usize) {
    // A title too long for one line wraps under itself; the rule fills its last line.
    let lines = text::wrap(title, width.saturating_sub(4).max(1));
    let last = lines.len().saturating_sub(1);
    for (i, line) in lines.iter().enumerate() {
        let head = format!("{} {line} ", if i == 0 { "══" } else { "  " });
        if i < last {
            let _ = writeln!(out, "{}", head.trim_end());
        } else {
            let fill = width.saturating_sub(text::width(&head));
            let _ = writeln!(out, "{head}{}", "═".repeat(fill));
        }
    }
}

/// Writes `text` wrapped to `width`, its first line after `lead` and the rest under the text.
fn hanging(out: &mut String, lead: &str, text: &str, width: usize) {
    let indent = text::width(lead);
    let lines = text::wrap(text, width.saturating_sub(indent).max(1));
    for (i, line) in lines.iter().enumerate() {
        let pad = if i == 0 {
            lead.to_owned()
        } else {
            " ".repeat(indent)
        };
        let _ = writeln!(out, "{pad}{line}");
    }
}

/// The lane that row `i` of a topic opens, if any: a topic's common-ground rows come first,
/// under "Common ground (N)", and the rows after them under "Where they differ" (`common`: how
/// many of the topic's rows are common ground; none, no lanes). Every output that lists rows
/// names the lanes this way.
pub fn lane_before(common: usize, i: usize) -> Option<String> {
    match i {
        _ if common == 0 => None,
        0 => Some(format!("Common ground ({common})")),
        i if i == common => Some("Where they differ".to_owned()),
        _ => None,
    }
}

/// Draws the label of a lane of rows: the common ground, then where the sides differ.
fn lane(out: &mut String, title: &str, width: usize) {
    let head = format!("┄┄ {title} ");
    let fill = width.saturating_sub(text::width(&head));
    let _ = writeln!(out, "{head}{}", "┄".repeat(fill));
}

/// Renders one topic of a comparison at a total width.
pub fn topic(out: &mut String, dispute: &Dispute, cmp: &Comparison, t: &TopicRows, width: usize) {
    let index = cmp.topics.iter().position(|x| x.id == t.id).unwrap_or(0);
    topic_at(out, dispute, cmp, (index, t), width, None, &mut |_| true);
}

/// What [`write_show`] holds before it writes: a topic of a hundred thousand rows is written as
/// it is laid out, not held whole.
const SPILL: usize = 1 << 16;

/// Renders the topic at `index` of a comparison (`t`) at a total width. Once `out` holds
/// [`SPILL`] bytes, `spill` is given it to write and empty; when it says no (the writing
/// failed), the rest of the topic is not laid out.
fn topic_at(
    out: &mut String,
    dispute: &Dispute,
    cmp: &Comparison,
    (topic_index, t): (usize, &TopicRows),
    width: usize,
    targets: Option<&layout::Targets>,
    spill: &mut dyn FnMut(&mut String) -> bool,
) {
    let col = (width - text::width(SEPARATOR)) / 2;
    let name = |s: usize| dispute.sides.get(s).map_or("?", |s| s.party.name.as_str());
    rule(out, &t.title, width);
    if let Some(summary) = &t.summary {
        for line in text::wrap(summary, width) {
            let _ = writeln!(out, "{line}");
        }
    }
    let framing = |side: usize, title: &Option<String>| {
        let s = match title {
            Some(title) => format!("{}: “{title}”", name(side)),
            None => format!("{}: does not address this topic", name(side)),
        };
        text::wrap(&s, col)
            .into_iter()
            .map(|text| Line {
                kind: layout::LineKind::Text,
                text,
                claim: None,
            })
            .collect::<Vec<_>>()
    };
    let mut l = framing(cmp.left, &t.left_title);
    let mut r = framing(cmp.right, &t.right_title);
    layout::level(&mut l, &mut r);
    columns(out, &l, &r, col);
    if t.rows.is_empty() {
        // Wrapped, as every line of `show` fits its width.
        let _ = writeln!(out);
        for line in text::wrap("(neither side makes a claim on this topic)", width.max(1)) {
            let _ = writeln!(out, "{line}");
        }
    }
    let common = t.rows.iter().filter(|r| r.common).count();
    for (i, row) in t.rows.iter().enumerate() {
        if let Some(title) = lane_before(common, i) {
            let _ = writeln!(out);
            lane(out, &title, width);
        }
        let _ = writeln!(out);
        hanging(out, &format!("▸ {}. ", i + 1), &row_heading(row), width);
        let place = (topic_index, i);
        let (l, r) = layout::row_lines(dispute, cmp, row, place, (col, col), targets);
        columns(out, &l, &r, col);
        if out.len() >= SPILL && !spill(out) {
            return;
        }
    }
    let _ = writeln!(out);
}

/// Renders a whole comparison (already narrowed by the query pipeline when filters apply).
pub fn show(dispute: &Dispute, cmp: &Comparison, width: usize) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = write_show(&mut out, dispute, cmp, width);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes a whole comparison to `to` as it is laid out, topic by topic, so the output is never
/// held in memory whole.
pub fn write_show(
    to: &mut dyn std::io::Write,
    dispute: &Dispute,
    cmp: &Comparison,
    width: usize,
) -> std::io::Result<()> {
    let width = width.max(MIN_WIDTH);
    let mut out = String::new();
    let name = |s: usize| dispute.sides.get(s).map_or("?", |s| s.party.name.as_str());
    hanging(&mut out, "", &dispute.title, width);
    hanging(
        &mut out,
        "",
        &format!("{} ⟷ {}", name(cmp.left), name(cmp.right)),
        width,
    );
    if let Some(as_of) = &cmp.as_of {
        let _ = writeln!(out, "As of {}: what each side had said by then", as_of.date);
    }
    if let Some(summary) = &dispute.summary {
        for line in text::wrap(summary, width) {
            let _ = writeln!(out, "{line}");
        }
    }
    let _ = writeln!(out);
    let col = (width - text::width(SEPARATOR)) / 2;
    let head = format!(
        "{}{SEPARATOR}{}",
        text::ellipsis(&name(cmp.left).to_uppercase(), col),
        text::ellipsis(&name(cmp.right).to_uppercase(), col)
    );
    let _ = writeln!(out, "{}", head.trim_end());
    let _ = writeln!(out);
    // Every relation's target placed once, rather than searched for per relation.
    let targets = layout::Targets::new(dispute, cmp);
    let mut failed: Option<std::io::Error> = None;
    let mut spill = |out: &mut String, failed: &mut Option<std::io::Error>| {
        if failed.is_none()
            && let Err(e) = to.write_all(out.as_bytes())
        {
            *failed = Some(e);
        }
        out.clear();
        failed.is_none()
    };
    for t in cmp.topics.iter().enumerate() {
        topic_at(&mut out, dispute, cmp, t, width, Some(&targets), &mut |o| {
            spill(o, &mut failed)
        });
        if failed.is_some() || (out.len() >= SPILL && !spill(&mut out, &mut failed)) {
            break;
        }
    }
    spill(&mut out, &mut failed);
    failed.map_or(Ok(()), Err)
}

/// Renders the `topics` table: claims per side, rows answered by both or one, and the rows of
/// common ground.
pub fn topics_table(dispute: &Dispute, cmp: &Comparison, width: usize) -> String {
    // One row per topic: its id (what --topic takes), its neutral title, then the counts.
    let name = |s: usize| {
        dispute
            .sides
            .get(s)
            .map_or("?".to_owned(), |s| s.party.name.clone())
    };
    let (ln, rn) = (name(cmp.left), name(cmp.right));
    let headers = [
        "id".to_owned(),
        "topic".to_owned(),
        ln.clone(),
        rn.clone(),
        "both".to_owned(),
        format!("{ln} only"),
        format!("{rn} only"),
        "common".to_owned(),
    ];
    let mut rows: Vec<[String; 8]> = Vec::new();
    let mut total = Counts::default();
    for t in &cmp.topics {
        let mut c = Counts::default();
        c.add_rows(&t.rows);
        total.add_rows(&t.rows);
        let mark = if t.one_sided() { " *" } else { "" };
        rows.push([
            t.id.clone(),
            format!("{}{mark}", t.title),
            c.left_claims.to_string(),
            c.right_claims.to_string(),
            c.both.to_string(),
            c.left_only.to_string(),
            c.right_only.to_string(),
            c.common.to_string(),
        ]);
    }
    rows.push([
        String::new(),
        format!(
            "total ({} topic{})",
            cmp.topics.len(),
            if cmp.topics.len() == 1 { "" } else { "s" }
        ),
        total.left_claims.to_string(),
        total.right_claims.to_string(),
        total.both.to_string(),
        total.left_only.to_string(),
        total.right_only.to_string(),
        total.common.to_string(),
    ]);
    let mut widths = headers.clone().map(|h| text::width(&h));
    for r in &rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(text::width(cell));
        }
    }
    widths[1] = widths[1].min(60);
    // Too wide: the headers named after the parties give way first (to ten columns), then the
    // titles (to twelve); then the parties are named `L` and `R` in a legend above the table,
    // and the titles give way further (to six). Counts and ids stay whole; a name or title cut
    // short ends in `…`, and an "only" header keeps its "only".
    let width = width.max(MIN_WIDTH);
    let total = |w: &[usize; 8]| w.iter().sum::<usize>() + 2 * (w.len() - 1);
    let named = [2, 3, 5, 6];
    // The widest cell of each column, measured once (the shrinking below asks many times).
    let widest: [usize; 8] =
        std::array::from_fn(|col| rows.iter().map(|r| text::width(&r[col])).max().unwrap_or(0));
    let counts = |col: usize| widest.get(col).copied().unwrap_or(0);
    // One column at a time, the widest first, so the two parties' names are cut alike.
    let shrink = |widths: &mut [usize; 8], cols: &[usize], least: usize| {
        while total(widths) > width {
            // A count stays whole; a title may be cut.
            let floor = |col: usize| least.max(if col == 1 { 0 } else { counts(col) });
            let Some(&col) = cols
                .iter()
                .filter(|&&c| widths[c] > floor(c))
                .max_by_key(|&&c| widths[c])
            else {
                break;
            };
            widths[col] -= 1;
        }
    };
    let titles = widths[1];
    shrink(&mut widths, &named, 10);
    shrink(&mut widths, &[1], 12);
    let legend = total(&widths) > width;
    let cut = |name: &str, w: usize| text::ellipsis(name, w).trim_end().to_owned();
    let only = |name: &str, w: usize| match text::width(&format!("{name} only")) {
        n if n <= w => format!("{name} only"),
        _ => format!("{} only", cut(name, w.saturating_sub(5).max(1))),
    };
    let headers = if legend {
        for col in named {
            widths[col] = counts(col).max(if col > 4 { 6 } else { 1 });
        }
        // The room the names gave back goes to the titles.
        widths[1] = titles;
        shrink(&mut widths, &[1], 6);
        [
            headers[0].clone(),
            headers[1].clone(),
            "L".to_owned(),
            "R".to_owned(),
            headers[4].clone(),
            "L only".to_owned(),
            "R only".to_owned(),
            headers[7].clone(),
        ]
    } else {
        [
            headers[0].clone(),
            headers[1].clone(),
            cut(&ln, widths[2]),
            cut(&rn, widths[3]),
            headers[4].clone(),
            only(&ln, widths[5]),
            only(&rn, widths[6]),
            headers[7].clone(),
        ]
    };
    for (w, h) in widths.iter_mut().zip(&headers) {
        *w = (*w).max(text::width(h));
    }
    let mut out = String::new();
    if legend {
        for (mark, name) in [("L", &ln), ("R", &rn)] {
            hanging(&mut out, &format!("{mark}: "), name, width);
        }
    }
    let line = |cells: &[String; 8]| {
        // Ids are checked at load (FORMAT.md), so they print as they are.
        let mut s = format!(
            "{}{}",
            cells[0],
            " ".repeat(widths[0].saturating_sub(text::width(&cells[0])))
        );
        s.push_str("  ");
        // A cut title keeps its one-side mark.
        let title = match cells[1].strip_suffix(" *") {
            Some(t) if text::width(&cells[1]) > widths[1] => {
                format!(
                    "{} *",
                    text::ellipsis(t, widths[1].saturating_sub(2)).trim_end()
                )
            }
            _ => cells[1].clone(),
        };
        s.push_str(&text::ellipsis(&title, widths[1]));
        for (cell, &w) in cells.iter().zip(&widths).skip(2) {
            let pad = w.saturating_sub(text::width(cell));
            s.push_str("  ");
            s.push_str(&" ".repeat(pad));
            s.push_str(cell);
        }
        s
    };
    let _ = writeln!(out, "{}", line(&headers));
    for (i, r) in rows.iter().enumerate() {
        if i + 1 == rows.len() {
            let total_width = widths.iter().sum::<usize>() + 2 * (widths.len() - 1);
            let _ = writeln!(out, "{}", "─".repeat(total_width));
        }
        let _ = writeln!(out, "{}", line(r));
    }
    if cmp.topics.iter().any(TopicRows::one_sided) {
        let _ = writeln!(out, "* only one of the two sides addresses this topic");
    }
    out
}
