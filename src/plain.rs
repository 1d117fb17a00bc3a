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
        (_, Some(q), _) => q.to_string(),
        (RowKind::Point, None, Some(p)) => format!("Point: {p}"),
        (RowKind::Rebuttal, _, _) => "Claims that answer each other".to_owned(),
        (RowKind::Packed, _, _) => PACKED_HEADING.to_owned(),
        _ => "Unmatched claim".to_owned(),
    }
}

/// Joins two columns of lines side by side, each padded to `col` columns.
fn columns(out: &mut String, left: &[Line], right: &[Line], col: usize) {
    for (l, r) in left.iter().zip(right) {
        pair(out, &l.text, &r.text, col);
    }
}

/// Writes one line of two columns: `left` padded to `col` columns, the separator, `right`.
fn pair(out: &mut String, left: &str, right: &str, col: usize) {
    let start = out.len();
    out.push_str(&text::fit(left, col));
    out.push_str(SEPARATOR);
    out.push_str(right);
    let kept = out.get(start..).map_or(0, |line| line.trim_end().len());
    out.truncate(start + kept);
    out.push('\n');
}

/// One side of a row laid out first, its lines kept one after another in one string, to be set
/// beside the other side's lines as they come.
#[derive(Default)]
struct Kept {
    text: String,
    ends: Vec<usize>,
}

impl layout::Sink for Kept {
    fn line(&mut self, _: layout::LineKind, text: &str, _: Option<crate::format::ClaimAt>) {
        self.text.push_str(text);
        self.ends.push(self.text.len());
    }
}

impl Kept {
    fn get(&self, i: usize) -> &str {
        let start = i.checked_sub(1).and_then(|j| self.ends.get(j)).copied();
        let end = self.ends.get(i).copied();
        end.and_then(|end| self.text.get(start.unwrap_or(0)..end))
            .unwrap_or_default()
    }
}

/// Writes each line of the side laid out second beside the kept side's line at its height, and
/// gives the output to `spill` as it grows.
struct Beside<'a> {
    out: &'a mut String,
    kept: &'a Kept,
    kept_left: bool,
    next: usize,
    col: usize,
    spill: &'a mut dyn FnMut(&mut String) -> bool,
    failed: bool,
}

impl Beside<'_> {
    fn put(&mut self, other: &str) {
        if self.failed {
            return;
        }
        let kept = self.kept.get(self.next);
        self.next += 1;
        let (left, right) = if self.kept_left {
            (kept, other)
        } else {
            (other, kept)
        };
        pair(self.out, left, right, self.col);
        if self.out.len() >= SPILL {
            self.failed = !(self.spill)(self.out);
        }
    }
}

impl layout::Sink for Beside<'_> {
    fn line(&mut self, _: layout::LineKind, text: &str, _: Option<crate::format::ClaimAt>) {
        self.put(text);
    }
}

/// Writes a row's two sides as columns while they are laid out: the side with less text first,
/// kept, then the other beside it line by line, so a claim of millions of lines is written as
/// it is wrapped, never held. False when `spill` failed.
fn row_columns(
    out: &mut String,
    (dispute, cmp): (&Dispute, &Comparison),
    (row, place): (&Row, (usize, usize)),
    col: usize,
    targets: &layout::Targets,
    spill: &mut dyn FnMut(&mut String) -> bool,
) -> bool {
    let size = |claims: &[crate::format::ClaimAt]| -> usize {
        claims
            .iter()
            .filter_map(|&at| dispute.claim(at))
            .map(|c| c.text.len())
            .sum()
    };
    let kept_left = size(&row.left) <= size(&row.right);
    let mut kept = Kept::default();
    let at = (row, place);
    layout::row_side(&mut kept, (dispute, cmp), at, kept_left, col, targets);
    let mut beside = Beside {
        out,
        kept: &kept,
        kept_left,
        next: 0,
        col,
        spill,
        failed: false,
    };
    layout::row_side(&mut beside, (dispute, cmp), at, !kept_left, col, targets);
    // A failed write stops the lines (`put` then writes nothing, and counts none).
    while !beside.failed && beside.next < kept.ends.len() {
        beside.put("");
    }
    !beside.failed
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
        let own;
        let targets = match targets {
            Some(t) => t,
            None => {
                own = layout::Targets::of_row(row, place);
                &own
            }
        };
        if !row_columns(out, (dispute, cmp), (row, place), col, targets, spill) {
            return;
        }
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
        let line = format!("As of {}: what each side had said by then", as_of.date);
        hanging(&mut out, "", &line, width);
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
    // The total's label is never cut, as counts and ids are not: it has the id's column and
    // the title's, and the title's grows when the two are too narrow for it.
    let label = rows.last().map_or(0, |r| text::width(&r[1]));
    widths[1] = widths[1].max(label.saturating_sub(widths[0] + 2));
    let mut out = String::new();
    if legend {
        for (mark, name) in [("L", &ln), ("R", &rn)] {
            hanging(&mut out, &format!("{mark}: "), name, width);
        }
    }
    let line = |cells: &[String; 8]| {
        let mut s = if cells[0].is_empty() {
            // The total's label, with no id, has the id's column too: `total (137 topics)`.
            text::ellipsis(&cells[1], widths[0] + 2 + widths[1])
        } else {
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
            s
        };
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A dispute of two sides whose rows pair a long claim (paragraphs, one of them longer than
    /// a piece of `text::wrap_each`) with a short one, the long one on either side.
    fn long_and_short() -> Dispute {
        let long: String = (0..30_000).map(|i| format!("word{} ", i % 97)).collect();
        let text = format!("First paragraph.\n{long}\n\nAfter a blank line.");
        let side = |party: &str, claims: serde_json::Value| {
            serde_json::json!({
                "format": "parallax/1", "dispute": "d",
                "party": {"id": party, "name": party},
                "sources": [{"id": "s", "kind": "news", "outlet": "O", "url": "https://example.org/"}],
                "topics": [{"id": "t", "title": "T", "claims": claims}]
            })
            .to_string()
        };
        let north = side(
            "north",
            serde_json::json!([
                {"id": "n1", "text": text, "sources": ["s"]},
                {"id": "n2", "text": "Short.\nTwo lines.", "sources": ["s"]}
            ]),
        );
        let south = side(
            "south",
            serde_json::json!([
                {"id": "s1", "text": "Short answer.", "sources": ["s"], "rebuts": ["n1"]},
                {"id": "s2", "text": text, "sources": ["s"], "rebuts": ["n2"]}
            ]),
        );
        let mut loader = crate::load::Loader::new();
        loader.side("north.json", north.as_bytes());
        loader.side("south.json", south.as_bytes());
        let loaded = loader.finish();
        assert_eq!(loaded.report.errors(), 0, "{:?}", loaded.report);
        loaded.dispute.expect("two sides")
    }

    /// Each row of `d` written as `show` writes it (laid out as it is written, spilled as it
    /// grows) and as the screen's layout gives its lines: the same text, at several widths.
    fn streamed_as_laid_out(d: &Dispute) -> usize {
        let cmp = Comparison::new(d, 0, 1);
        let targets = layout::Targets::new(d, &cmp);
        let mut rows = 0;
        for (t, topic) in cmp.topics.iter().enumerate() {
            for (i, row) in topic.rows.iter().enumerate() {
                for col in [18, 37, 80] {
                    let (l, r) = layout::row_lines(d, &cmp, row, (t, i), (col, col), None, None);
                    let mut held = String::new();
                    columns(&mut held, &l, &r, col);
                    let (mut streamed, mut spilled) = (String::new(), String::new());
                    let mut spill = |o: &mut String| {
                        spilled.push_str(o);
                        o.clear();
                        true
                    };
                    let at = (row, (t, i));
                    assert!(row_columns(
                        &mut streamed,
                        (d, &cmp),
                        at,
                        col,
                        &targets,
                        &mut spill
                    ));
                    spilled.push_str(&streamed);
                    assert_eq!(spilled, held, "row {i} of topic {t} at {col} columns");
                }
                rows += 1;
            }
        }
        rows
    }

    #[test]
    fn the_screen_lays_out_a_long_claim_up_to_its_limit_and_says_what_was_cut() {
        let d = long_and_short();
        let cmp = Comparison::new(&d, 0, 1);
        let topic = cmp.topics.first().expect("a topic");
        let row = topic.rows.first().expect("a row");
        let (left, right) = layout::row_lines(&d, &cmp, row, (0, 0), (37, 37), None, Some(10));
        let texts: Vec<&str> = left.iter().map(|l| l.text.as_str()).collect();
        let note = texts
            .iter()
            .position(|t| t.contains("cut here"))
            .expect("a note where the text was cut");
        assert_eq!(note, 10, "{texts:#?}");
        assert!(
            texts.iter().any(|t| t.starts_with('[')),
            "its sources still shown"
        );
        assert!(right.iter().any(|l| l.text.contains("Short answer.")));
    }

    #[test]
    fn show_writes_each_row_as_the_screen_lays_it_out_whichever_side_is_longer() {
        assert_eq!(streamed_as_laid_out(&long_and_short()), 2);
        let bundled = crate::load::load_bundled()
            .dispute
            .expect("the bundled dispute");
        assert!(streamed_as_laid_out(&bundled) > 20);
    }
}
