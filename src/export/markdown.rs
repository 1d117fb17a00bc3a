//! Markdown export (GitHub-flavoured): a heading per topic, and for each row a two-column table,
//! left party | right party, one table line per claim pairing position (as in CSV).
//!
//! Every piece of dispute text goes through [`text`], which backslash-escapes every character
//! Markdown or GitHub would act on (`\ ` * _ [ ] ( ) < > | ! # ~ & $ { }`, a list marker at the
//! start) and turns newlines into `<br>`, the only HTML this file ever contains. So no text can
//! open a link, an image, HTML, a table cell or a new block. Links are made only for http(s) urls.

use super::model::{ClaimOut, Export, RowOut, SourceOut};
use std::fmt::Write;

/// The characters escaped wherever they appear.
const ACTIVE: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '(', ')', '<', '>', '|', '!', '#', '~', '&', '$', '{', '}',
];

/// Escapes dispute text for any inline position: a cell, a heading or a paragraph line.
pub(crate) fn text(s: &str) -> String {
    let s = s.trim_start_matches([' ', '\t']);
    let mut out = String::with_capacity(s.len() + 8);
    // A leading list, quote or setext marker would start a block when the text opens a line.
    let mut chars = s.chars().peekable();
    if let Some(&c) = chars.peek()
        && matches!(c, '-' | '+' | '=')
    {
        out.push('\\');
    }
    let mut leading_digits = true;
    for c in chars {
        match c {
            '\n' => out.push_str("<br>"),
            '\r' | '\t' => out.push(' '),
            '.' if leading_digits && !out.is_empty() => out.push_str("\\."),
            c if ACTIVE.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
        leading_digits = leading_digits && c.is_ascii_digit();
    }
    out
}

/// Percent-encodes the characters of a url that Markdown or a table would read as syntax.
fn url(u: &str) -> String {
    let mut out = String::with_capacity(u.len());
    for c in u.chars() {
        match c {
            '(' | ')' | '<' | '>' | '|' | '\\' | '`' | '"' | '\'' | '[' | ']' | ' ' | '*' | '_' => {
                let _ = write!(out, "%{:02X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// A source as a link (http(s) only) or plain text, with its quote and locator.
fn source(s: &SourceOut) -> String {
    let label = text(&s.label());
    let mut out = match s.link() {
        Some(u) => format!("[{label}]({})", url(u)),
        None => label,
    };
    if let Some(q) = &s.quote {
        let _ = write!(out, " “{}”", text(q));
    }
    if let Some(l) = &s.locator {
        let _ = write!(out, " ({})", text(l));
    }
    out
}

/// One claim as the content of a single table cell.
fn claim(c: &ClaimOut) -> String {
    let mut parts = vec![text(&c.text)];
    if let Some(s) = c.speaker_line() {
        parts.push(format!("*{}*", text(&s)));
    }
    if c.sources.is_empty() {
        parts.push("Sources: *unsourced*".to_owned());
    } else {
        let list: Vec<String> = c.sources.iter().map(source).collect();
        parts.push(format!("Sources: {}", list.join("; ")));
    }
    if let Some(a) = &c.assessment {
        let mut s = format!("**Assessment: {}**", a.rating.as_str());
        if let Some(n) = &a.note {
            let _ = write!(s, " — {}", text(n));
        }
        if !a.sources.is_empty() {
            let list: Vec<String> = a.sources.iter().map(source).collect();
            let _ = write!(s, " ({})", list.join("; "));
        }
        parts.push(s);
    }
    for r in &c.rebuts {
        parts.push(text(&r.description));
    }
    if !c.flagged.is_empty() {
        parts.push(format!(
            "⚠ hidden characters replaced: {}",
            text(&c.flagged.join(" "))
        ));
    }
    parts.push(format!("claim {}", text(&c.id)));
    parts.join("<br>")
}

fn row(out: &mut String, doc: &Export, r: &RowOut) {
    let _ = writeln!(out, "### {}\n", text(&r.heading));
    let _ = writeln!(
        out,
        "| {} | {} |\n| --- | --- |",
        text(&doc.left.name),
        text(&doc.right.name)
    );
    let height = r.left.len().max(r.right.len()).max(1);
    for i in 0..height {
        let cell = |side: &[ClaimOut]| match side.get(i) {
            Some(c) => claim(c),
            None if i == 0 => "*no counterpart*".to_owned(),
            None => String::new(),
        };
        let _ = writeln!(out, "| {} | {} |", cell(&r.left), cell(&r.right));
    }
    out.push('\n');
}

/// Renders the whole document.
pub fn render(doc: &Export) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", text(&doc.dispute.title));
    if let Some(s) = &doc.dispute.summary {
        let _ = writeln!(out, "{}\n", text(s));
    }
    if doc.dispute.from.is_some() || doc.dispute.to.is_some() {
        let d = |d: &Option<crate::format::Date>| d.as_ref().map_or("…".to_owned(), |d| d.to_string());
        let _ = writeln!(
            out,
            "Period: {} to {}\n",
            d(&doc.dispute.from),
            d(&doc.dispute.to)
        );
    }
    let _ = writeln!(
        out,
        "Left: **{}** · Right: **{}**\n",
        text(&doc.left.name),
        text(&doc.right.name)
    );
    for t in &doc.topics {
        let _ = writeln!(out, "## {}\n", text(&t.title));
        if let Some(s) = &t.summary {
            let _ = writeln!(out, "{}\n", text(s));
        }
        let framing = |name: &str, title: &Option<String>| match title {
            Some(title) => format!("{}: “{}”", text(name), text(title)),
            None => format!("{}: *does not address this topic*", text(name)),
        };
        let _ = writeln!(
            out,
            "{}<br>{}\n",
            framing(&doc.left.name, &t.left_title),
            framing(&doc.right.name, &t.right_title)
        );
        if t.rows.is_empty() {
            let _ = writeln!(out, "*Neither side makes a claim on this topic.*\n");
        }
        for r in &t.rows {
            row(&mut out, doc, r);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_active() {
        assert_eq!(text("a | b"), "a \\| b");
        assert_eq!(text("x\ny"), "x<br>y");
        assert_eq!(text("[a](javascript:x)"), "\\[a\\]\\(javascript:x\\)");
        assert_eq!(text("<img src=x>"), "\\<img src=x\\>");
        assert_eq!(text("- item"), "\\- item");
        assert_eq!(text("12. item"), "12\\. item");
        assert_eq!(text("a.b"), "a.b");
        assert_eq!(url("https://x.org/a_(b)|c"), "https://x.org/a%5F%28b%29%7Cc");
    }
}
