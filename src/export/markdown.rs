//! Markdown export (GitHub-flavoured): a heading per topic, and for each row a two-column table,
//! left party | right party, one table line per claim pairing position (as in CSV).
//!
//! Every piece of dispute text goes through [`text`], which backslash-escapes every character
//! Markdown or GitHub would act on (`\ ` * _ [ ] ( ) < > | ! # ~ & $ { }`, a list marker at the
//! start) and turns newlines into `<br>`. `:` and the dot of `www.` are escaped too, since GitHub
//! turns bare addresses (`https://…`, `www.…`) into links. An escape does not stop cmark-gfm from
//! linking `name@host` (it looks for addresses after escapes are resolved), so every `@` follows
//! an empty comment, `<!-- -->`, which splits the text where no renderer shows anything. `<br>`
//! and that comment are the only HTML this file holds. So no text can open a link, an image,
//! HTML, a table cell or a new block. Links are made only for http(s) urls.

use super::Sink;
use super::model::{ClaimOut, Export, RowOut, SourceOut, TopicOut};
use std::fmt::Write;

/// The characters escaped wherever they appear (`@` is handled on its own: see the module doc).
const ACTIVE: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '(', ')', '<', '>', '|', '!', '#', '~', '&', '$', '{', '}', ':',
    '@',
];

/// What stands before every `@` of dispute text: an empty comment, so that GitHub's renderer
/// finds no address around it (`\@` is not enough).
const AT: &str = "<!-- -->@";

/// True when `s` holds `www.` in any case: GitHub links it as an address.
fn has_www(s: &str) -> bool {
    s.as_bytes()
        .windows(4)
        .any(|w| w.eq_ignore_ascii_case(b"www."))
}

/// Escapes dispute text for any inline position: a cell, a heading or a paragraph line.
#[cfg(test)]
fn text(s: &str) -> String {
    let mut bytes = Vec::new();
    let mut out = Sink::new(&mut bytes);
    push(&mut out, s);
    out.finish().ok();
    String::from_utf8(bytes).unwrap_or_default()
}

/// Appends dispute text escaped for any inline position: a cell, a heading or a paragraph line.
fn push(out: &mut Sink<'_>, s: &str) {
    // Fast path: most text holds nothing to escape.
    let plain = |b: u8| !(b.is_ascii_punctuation() && ACTIVE.contains(&char::from(b)));
    if !s.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '-' | '+' | '=' | ' ' | '\t'))
        && s.bytes()
            .all(|b| plain(b) && !matches!(b, b'\n' | b'\r' | b'\t'))
        && !has_www(s)
    {
        out.push_str(s);
        return;
    }
    let s = s.trim_start_matches([' ', '\t']);
    // A leading list, quote or setext marker would start a block when the text opens a line.
    if s.starts_with(['-', '+', '=']) {
        out.push('\\');
    }
    let mut leading_digits = true;
    let mut first = true;
    for (i, c) in s.char_indices() {
        let after_www = i >= 3
            && s.get(i - 3..i)
                .is_some_and(|w| w.eq_ignore_ascii_case("www"));
        match c {
            '\n' => out.push_str("<br>"),
            '\r' | '\t' => out.push(' '),
            '.' if (leading_digits && !first) || after_www => out.push_str("\\."),
            '@' => out.push_str(AT),
            c if ACTIVE.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
        leading_digits = leading_digits && c.is_ascii_digit();
        first = false;
    }
}

/// Appends dispute text in emphasis (`*` or `**`), its spaces at either end left outside: a
/// delimiter beside a space does not count, so `**a **` showed its asterisks. Text that is only
/// spaces is written as it is.
fn emphasised(out: &mut Sink<'_>, marker: &str, s: &str) {
    let inner = s.trim();
    if inner.is_empty() {
        push(out, s);
        return;
    }
    out.push_str(marker);
    push(out, inner);
    out.push_str(marker);
}

/// Appends a url, percent-encoding the characters Markdown or a table would read as syntax in
/// a link's destination. `_` and `*` stay: no emphasis is read there, and a server may not take
/// `%5F` for `_` (`?utm_source=`, `content_WS6810.html`). An `&` is written as the entity
/// `&amp;`: a reader decodes entities in a destination (`&#x40;` would become an `@` and send
/// the link to another host), GitHub's even after a backslash, and `%26` would be another query.
fn push_url(out: &mut Sink<'_>, u: &str) {
    for c in u.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '(' | ')' | '<' | '>' | '|' | '\\' | '`' | '"' | '\'' | '[' | ']' | ' ' => {
                out.with(|b| crate::text::push_percent_encoded(b, c));
            }
            c => out.push(c),
        }
    }
}

/// A source as a link (http(s) only) or plain text, with its quote and locator.
fn source(out: &mut Sink<'_>, s: &SourceOut) {
    match s.link() {
        Some(u) => {
            out.push('[');
            push(out, &s.label());
            out.push_str("](");
            push_url(out, u);
            out.push(')');
        }
        None => push(out, &s.label()),
    }
    if let Some(q) = &s.quote {
        out.push_str(" “");
        push(out, q);
        out.push('”');
    }
    if let Some(l) = &s.locator {
        out.push_str(" (");
        push(out, l);
        out.push(')');
    }
}

fn sources(out: &mut Sink<'_>, list: &[SourceOut]) {
    for (i, s) in list.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        source(out, s);
    }
}

/// One claim as the content of a single table cell, its parts joined by `<br>`.
fn claim(out: &mut Sink<'_>, c: &ClaimOut) {
    push(out, &c.text);
    if let Some(s) = c.speaker_line() {
        out.push_str("<br>");
        emphasised(out, "*", &s);
    }
    if c.sources.is_empty() {
        out.push_str("<br>Sources: *unsourced*");
    } else {
        out.push_str("<br>Sources: ");
        sources(out, &c.sources);
    }
    if let Some(a) = &c.assessment {
        let _ = write!(out, "<br>**Assessment: {}**", a.rating.as_str());
        if let Some(by) = &a.by {
            out.push_str(" (by ");
            push(out, by);
            out.push(')');
        }
        if let Some(n) = &a.note {
            out.push_str(" — ");
            push(out, n);
        }
        if !a.sources.is_empty() {
            out.push_str(" (per ");
            sources(out, &a.sources);
            out.push(')');
        }
        if a.undated {
            out.push_str("<br>*assessment undated*");
        }
    }
    if let Some(d) = c.assessed_later {
        let _ = write!(out, "<br>*assessed later ({d})*");
    }
    if let Some(d) = c.superseded_by {
        let _ = write!(out, "<br>*superseded (latest {d})*");
    }
    if c.undated {
        out.push_str("<br>*undated*");
    }
    for r in &c.relations {
        out.push_str("<br>");
        push(out, &r.description);
    }
    if !c.flagged.is_empty() {
        out.push_str("<br>⚠ hidden characters replaced: ");
        push(out, &c.flagged.join(" "));
    }
    out.push_str("<br>claim ");
    push(out, &c.id);
}

/// A row's table head: the parties' names.
fn table_head(out: &mut Sink<'_>, doc: &Export) {
    out.push_str("\n\n| ");
    push(out, &doc.left.name);
    out.push_str(" | ");
    push(out, &doc.right.name);
    out.push_str(" |\n| --- | --- |\n");
}

/// Claims without a counterpart, one after another: one heading and one table, each claim a
/// line in its party's column.
fn unmatched(out: &mut Sink<'_>, doc: &Export, rows: &[RowOut]) -> std::io::Result<()> {
    out.push_str("### ");
    push(out, &super::unmatched_heading(rows.len()));
    table_head(out, doc);
    for r in rows {
        for c in &r.left {
            out.push_str("| ");
            claim(out, c);
            out.push_str(" |  |\n");
        }
        for c in &r.right {
            out.push_str("|  | ");
            claim(out, c);
            out.push_str(" |\n");
        }
        out.check()?;
    }
    out.push('\n');
    Ok(())
}

fn row(out: &mut Sink<'_>, doc: &Export, r: &RowOut) {
    out.push_str("### ");
    push(out, &r.heading);
    table_head(out, doc);
    // A side with claims shown and more hidden says so on the line under its last claim.
    let lines = |claims: usize, hidden: u32| claims + usize::from(claims > 0 && hidden > 0);
    let height = lines(r.left.len(), r.left_hidden)
        .max(lines(r.right.len(), r.right_hidden))
        .max(1);
    for i in 0..height {
        for (side, hidden) in [(&r.left, r.left_hidden), (&r.right, r.right_hidden)] {
            out.push_str("| ");
            match side.get(i) {
                Some(c) => claim(out, c),
                None if i == 0 => {
                    out.push('*');
                    out.push_str(&crate::layout::silent(hidden));
                    out.push('*');
                }
                None if i == side.len() => {
                    if let Some(more) = crate::layout::also_hidden(hidden) {
                        out.push('*');
                        out.push_str(&more);
                        out.push('*');
                    }
                }
                None => {}
            }
            out.push(' ');
        }
        out.push_str("|\n");
    }
    out.push('\n');
}

/// Writes the document's head, then `topics`, to `w`, one topic at a time (only one topic's
/// text is held).
pub fn render_to<'a>(
    doc: &Export<'a>,
    topics: impl Iterator<Item = TopicOut<'a>>,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut out = Sink::new(w);
    out.push_str("# ");
    push(&mut out, &doc.dispute.title);
    out.push_str("\n\n");
    if let Some(s) = &doc.dispute.summary {
        push(&mut out, s);
        out.push_str("\n\n");
    }
    if doc.dispute.from.is_some() || doc.dispute.to.is_some() {
        let d = |d: Option<crate::format::Date>| d.map_or("…".to_owned(), |d| d.to_string());
        let _ = write!(
            out,
            "Period: {} to {}\n\n",
            d(doc.dispute.from),
            d(doc.dispute.to)
        );
    }
    out.push_str("Left: ");
    emphasised(&mut out, "**", &doc.left.name);
    out.push_str(" · Right: ");
    emphasised(&mut out, "**", &doc.right.name);
    out.push_str("\n\n");
    if !doc.selection.is_empty() {
        out.push_str("Selection (not the whole comparison): ");
        push(&mut out, &doc.selection.join(" · "));
        out.push_str("\n\n");
    }
    let mut any = false;
    for t in topics {
        any = true;
        out.check()?;
        out.push_str("## ");
        push(&mut out, &t.title);
        out.push_str("\n\n");
        if let Some(s) = &t.summary {
            push(&mut out, s);
            out.push_str("\n\n");
        }
        for (i, (name, title)) in [
            (&doc.left.name, &t.left_title),
            (&doc.right.name, &t.right_title),
        ]
        .into_iter()
        .enumerate()
        {
            if i > 0 {
                out.push_str("<br>");
            }
            push(&mut out, name);
            match title {
                Some(title) => {
                    out.push_str(": “");
                    push(&mut out, title);
                    out.push('”');
                }
                None => out.push_str(": *does not address this topic*"),
            }
        }
        out.push_str("\n\n");
        if t.rows.is_empty() {
            out.push_str("*Neither side makes a claim on this topic.*\n\n");
        }
        let common = t.rows.iter().filter(|r| r.common_ground).count();
        let mut i = 0;
        while let Some(r) = t.rows.get(i) {
            if let Some(lane) = crate::plain::lane_before(common, i) {
                out.push_str("**");
                push(&mut out, &lane);
                out.push_str("**\n\n");
            }
            let run = super::unmatched_run(&t.rows, i);
            if run > 1 {
                let rows = t.rows.get(i..i + run).unwrap_or_default();
                unmatched(&mut out, doc, rows)?;
                i += run;
                continue;
            }
            row(&mut out, doc, r);
            out.check()?;
            i += 1;
        }
    }
    if !any {
        out.push('*');
        push(&mut out, super::no_topic(doc));
        out.push_str("*\n");
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_addresses_do_not_become_links_on_github() {
        assert_eq!(
            text("see https://evil.example now"),
            "see https\\://evil.example now"
        );
        assert_eq!(text("visit WWW.evil.example"), "visit WWW\\.evil.example");
        assert_eq!(text("write to a@b.org"), "write to a<!-- -->@b.org");
        assert_eq!(text("plain words"), "plain words");
    }

    #[test]
    fn escapes_everything_active() {
        assert_eq!(text("a | b"), "a \\| b");
        assert_eq!(text("x\ny"), "x<br>y");
        assert_eq!(text("[a](javascript:x)"), "\\[a\\]\\(javascript\\:x\\)");
        assert_eq!(text("<img src=x>"), "\\<img src=x\\>");
        assert_eq!(text("- item"), "\\- item");
        assert_eq!(text("12. item"), "12\\. item");
        assert_eq!(text("a.b"), "a.b");
        let mut u = Vec::new();
        let mut out = Sink::new(&mut u);
        push_url(&mut out, "https://x.org/a_(b)|c*d");
        out.finish().ok();
        assert_eq!(u, b"https://x.org/a_%28b%29%7Cc*d");
    }
}
