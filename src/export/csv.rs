//! CSV export: one record per row and claim pairing position. A row with two left claims and one
//! right claim gives two records: left claim 1 beside right claim 1, then left claim 2 beside
//! blanks. A topic with no rows gives one record with only the topic filled, so silence stays
//! visible. Every cell a spreadsheet would read as a formula (starting `=`, `+`, `-`, `@`, tab or
//! CR) gets a leading `'`.

use super::ExportError;
use super::model::{ClaimOut, Export, SourceOut, TopicOut};
use std::borrow::Cow;

/// The header, in order; README.md documents each column.
pub const COLUMNS: [&str; 41] = [
    "topic_id",
    "topic",
    "row",
    "row_kind",
    "point",
    "question",
    "answered",
    "pair",
    "left_party",
    "left_claim_id",
    "left_claim",
    "left_speaker",
    "left_date",
    "left_sources",
    "left_source_reliability",
    "left_assessment",
    "left_assessment_by",
    "left_assessment_note",
    "left_rebuts",
    "left_flagged",
    "right_party",
    "right_claim_id",
    "right_claim",
    "right_speaker",
    "right_date",
    "right_sources",
    "right_source_reliability",
    "right_assessment",
    "right_assessment_by",
    "right_assessment_note",
    "right_rebuts",
    "right_flagged",
    "common_ground",
    "left_relations",
    "right_relations",
    "left_superseded_by",
    "right_superseded_by",
    "left_assessed_later",
    "right_assessed_later",
    "left_hidden",
    "right_hidden",
];

/// The CSV writer of every CSV parallax writes: records end in `\n`, and the buffer is large.
/// The csv crate looks through the rest of a quoted cell for its next `"` each time it fills its
/// buffer, so a cell of 50 MB cost seconds through the default 8 KiB (7.5 s, against 0.3 s).
pub fn writer(out: &mut dyn std::io::Write) -> csv::Writer<&mut dyn std::io::Write> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .buffer_capacity(1 << 20)
        .from_writer(out)
}

/// A cell as written: a would-be formula gets a leading `'`.
pub(crate) fn neutralise(s: &str) -> Cow<'_, str> {
    // Leading spaces too: some spreadsheets trim them before they read a formula.
    if s.starts_with(['\t', '\r']) || s.trim_start().starts_with(['=', '+', '-', '@']) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

fn sources(list: &[SourceOut]) -> String {
    let mut out = String::new();
    for (i, s) in list.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        out.push_str(&in_list(&s.label()));
        if let Some(u) = s.link() {
            out.push_str(" <");
            out.push_str(&in_list(u));
            out.push('>');
        }
    }
    out
}

/// A source's label or url as [`sources`] lists it: the characters that would split the list
/// (`;`) or end a url early (`<`, `>`) are percent-encoded (a url holds no space: the loader
/// refuses one), so the cell splits at `; ` into exactly the sources cited, as
/// `left_source_reliability` counts them.
fn in_list(s: &str) -> Cow<'_, str> {
    let breaks = |c: char| matches!(c, ';' | '<' | '>');
    if !s.contains(breaks) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if breaks(c) {
            crate::text::push_percent_encoded(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The reliability rating of each source, in the order of [`sources`]; `not rated` where the
/// file gives none.
fn reliability(list: &[SourceOut]) -> String {
    let ratings: Vec<&str> = list
        .iter()
        .map(|s| {
            s.reliability
                .as_ref()
                .map_or("not rated", |r| r.rating.as_str())
        })
        .collect();
    ratings.join("; ")
}

/// Writes one record cell by cell, each neutralised.
struct Record<'w, 'o> {
    w: &'w mut csv::Writer<&'o mut dyn std::io::Write>,
}

impl Record<'_, '_> {
    fn cell(&mut self, s: &str) -> Result<&mut Self, ExportError> {
        self.w
            .write_field(neutralise(s).as_bytes())
            .map_err(encode)?;
        Ok(self)
    }

    fn blanks(&mut self, n: usize) -> Result<&mut Self, ExportError> {
        for _ in 0..n {
            self.cell("")?;
        }
        Ok(self)
    }

    /// The eleven cells of one side: claim id, text, speaker, date, sources, their reliability,
    /// rating, who rated, note, rebutted ids, flagged code points; blanks when the side has no
    /// claim at this position.
    fn side(&mut self, c: Option<&ClaimOut>) -> Result<&mut Self, ExportError> {
        let Some(c) = c else {
            return self.blanks(11);
        };
        let rebuts: Vec<&str> = c.rebuts.iter().map(|r| r.claim.as_ref()).collect();
        self.cell(&c.id)?
            .cell(&c.text)?
            .cell(c.speaker.as_deref().unwrap_or_default())?
            .cell(&c.date.map(|d| d.to_string()).unwrap_or_default())?
            .cell(&sources(&c.sources))?
            .cell(&reliability(&c.sources))?
            .cell(c.assessment.as_ref().map_or("", |a| a.rating.as_str()))?
            .cell(
                c.assessment
                    .as_ref()
                    .and_then(|a| a.by.as_deref())
                    .unwrap_or_default(),
            )?
            .cell(
                c.assessment
                    .as_ref()
                    .and_then(|a| a.note.as_deref())
                    .unwrap_or_default(),
            )?
            .cell(&rebuts.join(" "))?
            .cell(&c.flagged.join(" "))
    }

    /// The cells added after the first 28 (so older readers' columns keep their places):
    /// whether the row is common ground, then each side's relations (`concedes:id`, separated
    /// by spaces), the date of the claim that superseded it, and the date of an assessment
    /// made after the date in force (left out of the assessment's cells).
    fn extra(
        &mut self,
        common: bool,
        left: Option<&ClaimOut>,
        right: Option<&ClaimOut>,
    ) -> Result<&mut Self, ExportError> {
        let relations = |c: Option<&ClaimOut>| {
            c.map_or_else(String::new, |c| {
                let all: Vec<String> = c
                    .relations
                    .iter()
                    .map(|r| format!("{}:{}", r.kind.as_str(), r.claim))
                    .collect();
                all.join(" ")
            })
        };
        let superseded = |c: Option<&ClaimOut>| {
            c.and_then(|c| c.superseded_by)
                .map(|d| d.to_string())
                .unwrap_or_default()
        };
        let later = |c: Option<&ClaimOut>| {
            c.and_then(|c| c.assessed_later)
                .map(|d| d.to_string())
                .unwrap_or_default()
        };
        self.cell(if common { "yes" } else { "" })?
            .cell(&relations(left))?
            .cell(&relations(right))?
            .cell(&superseded(left))?
            .cell(&superseded(right))?
            .cell(&later(left))?
            .cell(&later(right))
    }

    fn end(&mut self) -> Result<(), ExportError> {
        self.w.write_record(None::<&[u8]>).map_err(encode)
    }
}

fn encode(e: csv::Error) -> ExportError {
    ExportError::Encode(e.to_string())
}

/// Writes the document's `topics` to `out` as CSV (UTF-8, header first, `\n` line ends),
/// record by record.
pub fn render_to<'a>(
    doc: &Export<'a>,
    topics: impl Iterator<Item = TopicOut<'a>>,
    out: &mut dyn std::io::Write,
) -> Result<(), ExportError> {
    let mut w = writer(out);
    w.write_record(COLUMNS).map_err(encode)?;
    let mut rec = Record { w: &mut w };
    for t in topics {
        if t.rows.is_empty() {
            rec.cell(&t.id)?
                .cell(&t.title)?
                .blanks(6)?
                .cell(&doc.left.id)?
                .blanks(11)?
                .cell(&doc.right.id)?
                .blanks(11)?
                .blanks(9)?
                .end()?;
        }
        for (r, row) in t.rows.iter().enumerate() {
            let height = row.left.len().max(row.right.len()).max(1);
            for i in 0..height {
                rec.cell(&t.id)?
                    .cell(&t.title)?
                    .cell(&(r + 1).to_string())?
                    .cell(row.kind.as_str())?
                    .cell(row.point.as_deref().unwrap_or_default())?
                    .cell(row.question.as_deref().unwrap_or_default())?
                    .cell(row.answered.as_str())?
                    .cell(&(i + 1).to_string())?
                    .cell(&doc.left.id)?
                    .side(row.left.get(i))?
                    .cell(&doc.right.id)?
                    .side(row.right.get(i))?
                    .extra(row.common_ground, row.left.get(i), row.right.get(i))?
                    .cell(&hidden(row.left_hidden))?
                    .cell(&hidden(row.right_hidden))?
                    .end()?;
            }
        }
    }
    w.flush().map_err(|e| ExportError::Encode(e.to_string()))
}

/// A count of claims the filters hide, blank for none.
fn hidden(n: u32) -> String {
    if n == 0 { String::new() } else { n.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        for s in [
            "=1+1",
            "+1",
            "-1",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "    =HYPERLINK(1)",
        ] {
            assert_eq!(neutralise(s), format!("'{s}"));
        }
        assert_eq!(neutralise("plain"), "plain");
        assert_eq!(neutralise(""), "");
    }
}
