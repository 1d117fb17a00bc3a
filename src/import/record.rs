//! The claims table: the columns `import csv` reads and `export --format claims-csv` writes, one
//! claim per record (a claim with several sources takes one record per source). The `record`
//! column gives other kinds of record (the dispute, a side, a topic, a point, a source), so a
//! dispute goes out and comes back whole. The ClaimReview importer fills the same records, so
//! every import goes through one builder.

use std::borrow::Cow;

/// A column of the claims table, in the order `claims-csv` writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Record,
    Side,
    SideName,
    Topic,
    TopicTitle,
    SideTopicTitle,
    Point,
    Question,
    Id,
    Text,
    Speaker,
    Date,
    Tags,
    Rebuts,
    Relations,
    Rating,
    Note,
    By,
    SourceRole,
    SourceId,
    SourceOutlet,
    SourceTitle,
    SourceUrl,
    SourceDate,
    SourceAuthor,
    SourceKind,
    SourceAffiliation,
    SourceReliability,
    SourceReliabilityNote,
    SourceQuote,
    SourceLocator,
    Title,
    Summary,
    PeriodFrom,
    PeriodTo,
}

impl Col {
    /// Every column, in the written order.
    pub const ALL: [Col; 35] = [
        Col::Record,
        Col::Side,
        Col::SideName,
        Col::Topic,
        Col::TopicTitle,
        Col::SideTopicTitle,
        Col::Point,
        Col::Question,
        Col::Id,
        Col::Text,
        Col::Speaker,
        Col::Date,
        Col::Tags,
        Col::Rebuts,
        Col::Relations,
        Col::Rating,
        Col::Note,
        Col::By,
        Col::SourceRole,
        Col::SourceId,
        Col::SourceOutlet,
        Col::SourceTitle,
        Col::SourceUrl,
        Col::SourceDate,
        Col::SourceAuthor,
        Col::SourceKind,
        Col::SourceAffiliation,
        Col::SourceReliability,
        Col::SourceReliabilityNote,
        Col::SourceQuote,
        Col::SourceLocator,
        Col::Title,
        Col::Summary,
        Col::PeriodFrom,
        Col::PeriodTo,
    ];

    /// The column's name in a header row.
    pub fn name(self) -> &'static str {
        match self {
            Col::Record => "record",
            Col::Side => "side",
            Col::SideName => "side_name",
            Col::Topic => "topic",
            Col::TopicTitle => "topic_title",
            Col::SideTopicTitle => "side_topic_title",
            Col::Point => "point",
            Col::Question => "question",
            Col::Id => "id",
            Col::Text => "text",
            Col::Speaker => "speaker",
            Col::Date => "date",
            Col::Tags => "tags",
            Col::Rebuts => "rebuts",
            Col::Relations => "relations",
            Col::Rating => "rating",
            Col::Note => "note",
            Col::By => "by",
            Col::SourceRole => "source_role",
            Col::SourceId => "source_id",
            Col::SourceOutlet => "source_outlet",
            Col::SourceTitle => "source_title",
            Col::SourceUrl => "source_url",
            Col::SourceDate => "source_date",
            Col::SourceAuthor => "source_author",
            Col::SourceKind => "source_kind",
            Col::SourceAffiliation => "source_affiliation",
            Col::SourceReliability => "source_reliability",
            Col::SourceReliabilityNote => "source_reliability_note",
            Col::SourceQuote => "source_quote",
            Col::SourceLocator => "source_locator",
            Col::Title => "title",
            Col::Summary => "summary",
            Col::PeriodFrom => "period_from",
            Col::PeriodTo => "period_to",
        }
    }

    /// Where a ClaimReview holds what the column is read from, as a problem names it
    /// (`claimReviewed`); a column no review gives is named as a cell.
    pub fn review_property(self) -> String {
        match self {
            Col::Side => "the claimant's `identifier`",
            Col::SideName => "the claimant's name (`itemReviewed.author`)",
            Col::Topic | Col::TopicTitle => "--topic",
            Col::Id => "`identifier`",
            Col::Text => "`claimReviewed`",
            Col::Speaker => "the speaker's name (`itemReviewed.author`)",
            Col::Date => "`itemReviewed.datePublished`",
            Col::Tags => "`keywords`",
            Col::Rating => "`reviewRating`",
            Col::Note => "`reviewBody` or `ratingExplanation`",
            Col::By => "the review's `author`",
            Col::SourceId => "a source's `identifier`",
            Col::SourceOutlet => "a source's `publisher`",
            Col::SourceTitle => "a source's `headline` or `name`",
            Col::SourceUrl => "a source's `url`",
            Col::SourceDate => "a source's `datePublished`",
            Col::SourceAuthor => "a source's `author`",
            other => return format!("the {} cell", other.name()),
        }
        .to_owned()
    }

    /// A source's property as a review writes it (`datePublished`), for a report on a source
    /// read from a review; a column a review gives no value is named as the column.
    pub fn review_key(self) -> &'static str {
        match self {
            Col::SourceOutlet => "publisher",
            Col::SourceTitle => "headline",
            Col::SourceUrl => "url",
            Col::SourceDate => "datePublished",
            Col::SourceAuthor => "author",
            other => other.name(),
        }
    }

    /// The column a header cell names: its name in any case, with spaces or `-` for `_`, or a
    /// common other name (`party`, `claim`, `outlet`, `url`, `assessment`…).
    pub fn from_header(cell: &str) -> Option<Col> {
        let key = header_key(cell);
        ALIASES
            .iter()
            .find(|(alias, _)| *alias == key)
            .map(|&(_, col)| col)
            .or_else(|| Col::ALL.into_iter().find(|c| c.name() == key))
    }
}

/// The other names a header may give a column, as [`header_key`] writes them.
const ALIASES: [(&str, Col); 25] = [
    ("party", Col::Side),
    ("party_id", Col::Side),
    ("side_id", Col::Side),
    ("party_name", Col::SideName),
    ("topic_id", Col::Topic),
    ("point_id", Col::Point),
    ("claim_id", Col::Id),
    ("claim", Col::Text),
    ("claim_text", Col::Text),
    ("statement", Col::Text),
    ("claim_date", Col::Date),
    ("date_of_claim", Col::Date),
    ("speaker_name", Col::Speaker),
    ("tag", Col::Tags),
    ("assessment", Col::Rating),
    ("assessment_rating", Col::Rating),
    ("verdict", Col::Rating),
    ("assessment_note", Col::Note),
    ("notes", Col::Note),
    ("assessment_by", Col::By),
    ("assessed_by", Col::By),
    ("outlet", Col::SourceOutlet),
    ("source", Col::SourceOutlet),
    ("url", Col::SourceUrl),
    ("link", Col::SourceUrl),
];

impl Col {
    /// The column a header cell parallax does not read most likely meant, to suggest it: a
    /// name a letter or two from a column's (`Txt`, `Speakr`, `Sides`) or from one of the other
    /// names [`Col::from_header`] reads, or a common word for one (`ruling` for `rating`).
    pub fn near_header(cell: &str) -> Option<Col> {
        let key = header_key(cell);
        let synonym = match key.as_str() {
            "ruling" | "truth_rating" => Some(Col::Rating),
            "claimant" | "said_by" => Some(Col::Speaker),
            "publisher" => Some(Col::SourceOutlet),
            _ => None,
        };
        synonym.or_else(|| {
            let names: Vec<&str> = Col::ALL
                .iter()
                .map(|c| c.name())
                .chain(ALIASES.iter().map(|(alias, _)| *alias))
                .collect();
            crate::text::nearest_name(&names, &key).and_then(Col::from_header)
        })
    }
}

/// A header cell as it is read: trimmed, without a byte-order mark, in lower case, with `_` for
/// a space or `-`. Two cells with one key name one column.
pub fn header_key(cell: &str) -> String {
    cell.trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

/// What a record describes, from its `record` cell (empty: a claim), read in any case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "lowercase", ascii_case_insensitive)]
pub enum Kind {
    /// A claim, or one more source of the claim above (the default).
    Claim,
    /// The dispute: its id, title, summary and period.
    Dispute,
    /// A party: its id, name and summary (and its place among the sides).
    Side,
    /// A topic: its neutral title and summary; with a side, that side's own title.
    Topic,
    /// A point of a topic and its question.
    Point,
    /// A source of a side, cited or not, with its id.
    Source,
    /// A `record` cell naming none of these (no cell reads as it: a cell is never blank).
    #[strum(serialize = "")]
    Unknown,
}

impl Kind {
    /// The word the `record` column holds.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// Whether a record of this kind reads the column; `with_side` for a record that names a
    /// side (a `topic` record then gives that side's topic, not the manifest's). A record of an
    /// unknown kind is skipped, so is said to read every column.
    pub fn reads(self, col: Col, with_side: bool) -> bool {
        use Col::{
            Id, PeriodFrom, PeriodTo, Point, Question, Record, Side, SideName, SideTopicTitle,
            SourceAffiliation, SourceAuthor, SourceDate, SourceId, SourceKind, SourceOutlet,
            SourceReliability, SourceReliabilityNote, SourceTitle, SourceUrl, Summary, Title,
            Topic, TopicTitle,
        };
        match self {
            Kind::Claim => !matches!(col, Title | Summary | PeriodFrom | PeriodTo),
            Kind::Dispute => matches!(col, Record | Id | Title | Summary | PeriodFrom | PeriodTo),
            Kind::Side => matches!(col, Record | Side | SideName | Summary),
            Kind::Topic if with_side => matches!(
                col,
                Record | Side | SideName | Topic | TopicTitle | SideTopicTitle
            ),
            Kind::Topic => matches!(col, Record | Topic | TopicTitle | Summary),
            Kind::Point => matches!(col, Record | Topic | Point | Question),
            Kind::Source => matches!(
                col,
                Record
                    | Side
                    | SideName
                    | SourceId
                    | SourceOutlet
                    | SourceTitle
                    | SourceUrl
                    | SourceDate
                    | SourceAuthor
                    | SourceKind
                    | SourceAffiliation
                    | SourceReliability
                    | SourceReliabilityNote
            ),
            Kind::Unknown => true,
        }
    }

    /// Whether a record of this kind is skipped without the column: a claim's side, topic and
    /// text (only the side when it gives an id, as a further source of a claim may), a side's
    /// or a source's side, a topic's topic, a point's topic and point.
    pub fn needs(self, col: Col, has_id: bool) -> bool {
        match self {
            Kind::Claim if has_id => col == Col::Side,
            Kind::Claim => matches!(col, Col::Side | Col::Topic | Col::Text),
            Kind::Side | Kind::Source => col == Col::Side,
            Kind::Topic => col == Col::Topic,
            Kind::Point => matches!(col, Col::Topic | Col::Point),
            Kind::Dispute | Kind::Unknown => false,
        }
    }
}

/// One record: a cell per column, `None` when empty or absent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Record {
    cells: Vec<Option<String>>,
}

impl Record {
    /// The cell of a column.
    pub fn get(&self, col: Col) -> Option<&str> {
        self.cells.get(col as usize).and_then(|c| c.as_deref())
    }

    /// Sets a cell; text that shows nothing (blanks, hidden characters) counts as empty.
    pub fn set(&mut self, col: Col, value: impl Into<String>) {
        let value: String = value.into();
        if self.cells.len() < Col::ALL.len() {
            self.cells.resize(Col::ALL.len(), None);
        }
        if let Some(cell) = self.cells.get_mut(col as usize) {
            *cell = (!crate::text::shows_nothing(&value)).then_some(value);
        }
    }

    /// True when no cell holds anything.
    pub fn is_empty(&self) -> bool {
        self.cells.iter().all(Option::is_none)
    }

    /// The kind of record: `claim` unless the `record` cell says otherwise.
    pub fn kind(&self) -> Kind {
        match self.get(Col::Record) {
            None => Kind::Claim,
            Some(k) => k.trim().parse().unwrap_or(Kind::Unknown),
        }
    }

    /// True when a source cell (other than its role) holds something.
    pub fn has_source(&self) -> bool {
        Col::ALL
            .iter()
            .filter(|c| c.name().starts_with("source_") && **c != Col::SourceRole)
            .any(|&c| self.get(c).is_some())
    }
}

/// True when a spreadsheet would read the cell as a formula, or it is one guarded already
/// (`'=…`), so that guarding and unguarding give back exactly the text.
fn needs_guard(s: &str) -> bool {
    s.starts_with(['\t', '\r'])
        || s.trim_start().starts_with(['=', '+', '-', '@'])
        || s.strip_prefix('\'').is_some_and(needs_guard)
}

/// A cell as written: one a spreadsheet would read as a formula gets a leading `'`.
pub fn guard(s: &str) -> Cow<'_, str> {
    if needs_guard(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// A cell as read: the `'` that [`guard`] adds is taken off again.
pub fn unguard(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guarding_round_trips_every_text() {
        for s in [
            "=1+2", "'=x", "''=x", "plain", "'quoted'", " -3", "\tx", "@a", "'",
        ] {
            assert_eq!(unguard(&guard(s)), s, "{s:?}");
        }
        assert_eq!(guard("=1"), "'=1");
        assert_eq!(unguard("'plain"), "'plain");
    }

    #[test]
    fn headers_are_read_in_any_spelling() {
        assert_eq!(Col::from_header("Source URL"), Some(Col::SourceUrl));
        assert_eq!(Col::from_header("\u{feff}side"), Some(Col::Side));
        assert_eq!(Col::from_header("source-outlet"), Some(Col::SourceOutlet));
        assert_eq!(Col::from_header("Party"), Some(Col::Side));
        assert_eq!(Col::from_header("colour"), None);
    }
}
