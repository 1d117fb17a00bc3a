//! CSV export: one record per row and claim pairing position. A row with two left claims and one
//! right claim gives two records: left claim 1 beside right claim 1, then left claim 2 beside
//! blanks. A topic with no rows gives one record with only the topic filled, so silence stays
//! visible. Every cell a spreadsheet would read as a formula (starting `=`, `+`, `-`, `@`, tab or
//! CR) gets a leading `'`.

use super::ExportError;
use super::model::{ClaimOut, Export, SourceOut};
use std::borrow::Cow;

/// The header, in order; README-export.md documents each column.
pub const COLUMNS: [&str; 28] = [
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
    "left_assessment",
    "left_assessment_note",
    "left_rebuts",
    "left_flagged",
    "right_party",
    "right_claim_id",
    "right_claim",
    "right_speaker",
    "right_date",
    "right_sources",
    "right_assessment",
    "right_assessment_note",
    "right_rebuts",
    "right_flagged",
];

/// A cell as written: a would-be formula gets a leading `'`.
pub(crate) fn neutralise(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

fn source(s: &SourceOut) -> String {
    match s.link() {
        Some(u) => format!("{} <{u}>", s.label()),
        None => s.label(),
    }
}

/// The nine cells of one side of a record: claim id, text, speaker, date, sources, rating, note,
/// rebutted ids, flagged code points.
fn side(c: Option<&ClaimOut>) -> [String; 9] {
    let Some(c) = c else {
        return Default::default();
    };
    [
        c.id.clone(),
        c.text.clone(),
        c.speaker.clone().unwrap_or_default(),
        c.date.as_ref().map(ToString::to_string).unwrap_or_default(),
        c.sources.iter().map(source).collect::<Vec<_>>().join("; "),
        c.assessment
            .as_ref()
            .map(|a| a.rating.as_str().to_owned())
            .unwrap_or_default(),
        c.assessment
            .as_ref()
            .and_then(|a| a.note.clone())
            .unwrap_or_default(),
        c.rebuts
            .iter()
            .map(|r| r.claim.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        c.flagged.join(" "),
    ]
}

/// Renders the document as CSV bytes (UTF-8, header first, `\n` line ends).
pub fn render(doc: &Export) -> Result<Vec<u8>, ExportError> {
    let encode = |e: csv::Error| ExportError::Encode(e.to_string());
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    w.write_record(COLUMNS)
        .map_err(encode)?;
    let mut record: Vec<String> = Vec::with_capacity(COLUMNS.len());
    let write = |w: &mut csv::Writer<Vec<u8>>, record: &[String]| {
        w.write_record(record.iter().map(|c| neutralise(c).into_owned()))
            .map_err(encode)
    };
    for t in &doc.topics {
        if t.rows.is_empty() {
            record.clear();
            record.extend([t.id.clone(), t.title.clone()]);
            record.extend(std::iter::repeat_n(String::new(), 6));
            record.push(doc.left.id.clone());
            record.extend(std::iter::repeat_n(String::new(), 9));
            record.push(doc.right.id.clone());
            record.extend(std::iter::repeat_n(String::new(), 9));
            write(&mut w, &record)?;
        }
        for (r, row) in t.rows.iter().enumerate() {
            let height = row.left.len().max(row.right.len()).max(1);
            for i in 0..height {
                record.clear();
                record.extend([
                    t.id.clone(),
                    t.title.clone(),
                    (r + 1).to_string(),
                    row.kind.as_str().to_owned(),
                    row.point.clone().unwrap_or_default(),
                    row.question.clone().unwrap_or_default(),
                    row.answered.as_str().to_owned(),
                    (i + 1).to_string(),
                    doc.left.id.clone(),
                ]);
                record.extend(side(row.left.get(i)));
                record.push(doc.right.id.clone());
                record.extend(side(row.right.get(i)));
                write(&mut w, &record)?;
            }
        }
    }
    w.into_inner().map_err(|e| ExportError::Encode(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        for s in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(s), format!("'{s}"));
        }
        assert_eq!(neutralise("plain"), "plain");
        assert_eq!(neutralise(""), "");
    }
}
