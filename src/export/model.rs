//! The export document: a comparison resolved into plain data (parties, topics, rows, claims with
//! their sources looked up). Every format renders from this one shape, and JSON *is* this shape
//! (`parallax-export/1`, described by `narratives/export-schema.json`).

use crate::compare::{Answered, Assessed, Comparison, RowKind, Standing, TopicRows};
use crate::format::{
    Claim, ClaimAt, Date, Dispute, Rating, RelationKind, ReliabilityRating, SourceKind,
};
use crate::layout;
use crate::load::is_web_url;
use crate::plain;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

pub use crate::format::EXPORT_FORMAT;

/// A whole exported comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Export<'a> {
    /// Always [`EXPORT_FORMAT`].
    pub format: Cow<'a, str>,
    /// Which dispute the comparison is of.
    pub dispute: DisputeOut<'a>,
    /// The party on the left.
    pub left: PartyOut<'a>,
    /// The party on the right.
    pub right: PartyOut<'a>,
    /// What the comparison was narrowed to, when it was: the filters and search in force, as
    /// the header shows them (`party: india`, `search: ceasefire`). Empty for all of it, so a
    /// reader always knows whether they see the whole comparison.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub selection: Vec<Cow<'a, str>>,
    /// The date the comparison is seen as of, when one is in force: only what had been said
    /// by then is exported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    /// The exported topics, in the comparison's order.
    pub topics: Vec<TopicOut<'a>>,
}

/// The dispute's neutral description.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisputeOut<'a> {
    /// The dispute id.
    pub id: Cow<'a, str>,
    /// The neutral title.
    pub title: Cow<'a, str>,
    /// The neutral summary, when the manifest gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Cow<'a, str>>,
    /// The first date the dispute covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// The last date the dispute covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
}

/// One of the two compared parties.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyOut<'a> {
    /// The party id.
    pub id: Cow<'a, str>,
    /// The party's name.
    pub name: Cow<'a, str>,
    /// Who the side's claims come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Cow<'a, str>>,
}

/// One topic with its rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicOut<'a> {
    /// The topic id.
    pub id: Cow<'a, str>,
    /// The neutral title.
    pub title: Cow<'a, str>,
    /// The manifest's summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Cow<'a, str>>,
    /// The left side's own framing; absent when it does not address the topic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left_title: Option<Cow<'a, str>>,
    /// The right side's own framing; absent when it does not address the topic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub right_title: Option<Cow<'a, str>>,
    /// The rows, in the comparison's order.
    pub rows: Vec<RowOut<'a>>,
}

/// Why claims share a row (the comparison's [`RowKind`], spelled for data).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RowKindOut {
    /// They answer the same point.
    Point,
    /// They are joined by rebuttal links.
    Rebuttal,
    /// A claim with no counterpart.
    Single,
    /// Two claims the matcher suggests pairing (shown on the screen when suggestions are on).
    Suggested,
}

impl RowKindOut {
    /// The kind as exports spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            RowKindOut::Point => "point",
            RowKindOut::Rebuttal => "rebuttal",
            RowKindOut::Single => "single",
            RowKindOut::Suggested => "suggested",
        }
    }
}

/// Which sides answer a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnsweredOut {
    /// Both sides.
    Both,
    /// Only the left side.
    Left,
    /// Only the right side.
    Right,
}

impl AnsweredOut {
    /// The value as exports spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            AnsweredOut::Both => "both",
            AnsweredOut::Left => "left",
            AnsweredOut::Right => "right",
        }
    }
}

/// For serde: a count of zero is left out.
fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// One row: the claims of both sides that line up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RowOut<'a> {
    /// Why the claims share the row.
    pub kind: RowKindOut,
    /// The point, for point rows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub point: Option<Cow<'a, str>>,
    /// The manifest's question for the point.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<Cow<'a, str>>,
    /// The row's heading as every output shows it: the question, or what kind of row it is.
    pub heading: Cow<'a, str>,
    /// True when the two sides agree in the row (common ground); such rows come first.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub common_ground: bool,
    /// Which sides have claims in it (as exported: see `left_hidden`, `right_hidden`).
    pub answered: AnsweredOut,
    /// How many of the left side's claims in the row the filters hide.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub left_hidden: u32,
    /// How many of the right side's claims in the row the filters hide.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub right_hidden: u32,
    /// The left side's claims, in file order.
    pub left: Vec<ClaimOut<'a>>,
    /// The right side's claims, in file order.
    pub right: Vec<ClaimOut<'a>>,
}

/// A claim with everything it cites resolved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimOut<'a> {
    /// The claim id.
    pub id: Cow<'a, str>,
    /// What the party claims.
    pub text: Cow<'a, str>,
    /// When it was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Who made it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Cow<'a, str>>,
    /// What it rests on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceOut<'a>>,
    /// Free labels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Cow<'a, str>>,
    /// The claims it answers, each described (whose, and where when not beside it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rebuts: Vec<RebutOut<'a>>,
    /// Every typed relation to another claim, `rebuts` included as `contradicts`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<RelationOut<'a>>,
    /// With a date in force, the date of the side's later claim in the row that replaced
    /// this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub superseded_by: Option<Date>,
    /// With a date in force, true when the claim has no date: it is kept, though when it was
    /// said is not known.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub undated: bool,
    /// A verdict on it; with a date in force, only one made by then (or undated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<AssessmentOut<'a>>,
    /// With a date in force, the date of an assessment made after it (dated by its latest
    /// source): it is left out of `assessment`, which was not known then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessed_later: Option<Date>,
    /// Code points (`U+202E`) that were replaced by visible markers in the claim's text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flagged: Vec<Cow<'a, str>>,
}

/// A rebuttal target of a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RebutOut<'a> {
    /// The claim id it rebuts.
    pub claim: Cow<'a, str>,
    /// How the target is described to a reader.
    pub description: Cow<'a, str>,
}

/// A typed relation of a claim to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelationOut<'a> {
    /// How the claim relates to the other.
    pub kind: RelationKind,
    /// The other claim's id.
    pub claim: Cow<'a, str>,
    /// How the relation is described to a reader (`↳ concedes India: in-jets`).
    pub description: Cow<'a, str>,
}

/// A cited source, resolved from its side's list, with the citation's own quote and locator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceOut<'a> {
    /// The source id in its side file.
    pub id: Cow<'a, str>,
    /// The outlet.
    pub outlet: Cow<'a, str>,
    /// Headline or title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Cow<'a, str>>,
    /// Publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// An http or https address; never any other scheme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Cow<'a, str>>,
    /// The author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<Cow<'a, str>>,
    /// What kind of publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<SourceKind>,
    /// The party it speaks for, or `independent`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<Cow<'a, str>>,
    /// How far it can be trusted, when the compilers judged it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliability: Option<ReliabilityOut<'a>>,
    /// The exact words cited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<Cow<'a, str>>,
    /// Where in the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<Cow<'a, str>>,
    /// With a date in force, true when the source was published after it: the claim cites
    /// it, but it was not there to read then.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub published_later: bool,
}

/// A source's reliability, as the side file gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReliabilityOut<'a> {
    /// The rating.
    pub rating: ReliabilityRating,
    /// Why, or what to use it for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

impl SourceOut<'_> {
    /// The short label readers see: outlet, date and reliability rating, and
    /// `⌛ published later` when it was published after the date in force.
    pub fn label(&self) -> String {
        let tag = crate::format::source_tag(
            &self.outlet,
            self.date,
            self.reliability.as_ref().map(|r| r.rating),
        );
        layout::cited_tag(&tag, self.published_later)
    }

    /// The url when it may become a link (http or https only).
    pub fn link(&self) -> Option<&str> {
        self.url.as_deref().filter(|u| is_web_url(u))
    }
}

/// A verdict with its sources resolved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessmentOut<'a> {
    /// How far the claim holds up.
    pub rating: Rating,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
    /// Who made the verdict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<Cow<'a, str>>,
    /// The sources of the verdict.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceOut<'a>>,
    /// With a date in force, true when the verdict cites no dated source, so when it was made
    /// is not known; it is kept, as an undated claim is.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub undated: bool,
}

impl ClaimOut<'_> {
    /// The "who and when" line, as the terminal shows it.
    pub fn speaker_line(&self) -> Option<String> {
        layout::who_when(self.speaker.as_deref(), self.date)
    }
}

/// Borrows a string of the dispute.
fn b(s: &str) -> Cow<'_, str> {
    Cow::Borrowed(s)
}

/// Borrows an optional string of the dispute.
fn ob<S: std::ops::Deref<Target = str>>(s: &Option<S>) -> Option<Cow<'_, str>> {
    s.as_deref().map(Cow::Borrowed)
}

fn party(dispute: &Dispute, side: usize) -> PartyOut<'_> {
    match dispute.sides.get(side) {
        Some(s) => PartyOut {
            id: b(&s.party.id),
            name: b(&s.party.name),
            summary: ob(&s.party.summary),
        },
        None => PartyOut {
            id: b(""),
            name: b("?"),
            summary: None,
        },
    }
}

/// Resolves a source of side `side` by the index the loader resolved its id to, with a
/// citation's quote and locator, marked when published after the date in force of `cmp`.
fn source<'a>(
    dispute: &'a Dispute,
    cmp: &Comparison,
    side: usize,
    index: usize,
    id: &'a str,
    quote: Option<&'a str>,
    locator: Option<&'a str>,
) -> SourceOut<'a> {
    let sources = dispute.sides.get(side).map_or(&[][..], |s| &s.sources[..]);
    let found = sources.get(index).filter(|s| s.id == id);
    match found {
        Some(s) => SourceOut {
            id: b(&s.id),
            outlet: b(&s.outlet),
            title: ob(&s.title),
            date: s.date,
            url: ob(&s.url).filter(|u| is_web_url(u)),
            author: ob(&s.author),
            kind: s.kind,
            affiliation: ob(&s.affiliation),
            reliability: s.reliability.as_ref().map(|r| ReliabilityOut {
                rating: r.rating,
                note: ob(&r.note),
            }),
            quote: quote.map(Cow::Borrowed),
            locator: locator.map(Cow::Borrowed),
            published_later: cmp.published_later(s.date),
        },
        None => SourceOut {
            id: b(id),
            outlet: b(id),
            title: None,
            date: None,
            url: None,
            author: None,
            kind: None,
            affiliation: None,
            reliability: None,
            quote: quote.map(Cow::Borrowed),
            locator: locator.map(Cow::Borrowed),
            published_later: false,
        },
    }
}

fn claim<'a>(
    dispute: &'a Dispute,
    (cmp, targets): (&Comparison, &layout::Targets),
    at: ClaimAt,
    c: &'a Claim,
) -> ClaimOut<'a> {
    let assessed = cmp.assessed(dispute, at, c);
    let standing = cmp.standing(at, c);
    ClaimOut {
        id: b(&c.id),
        text: b(&c.text),
        date: c.date,
        speaker: ob(&c.speaker),
        sources: c
            .sources
            .iter()
            .map(|r| {
                source(
                    dispute,
                    cmp,
                    at.side(),
                    r.index,
                    &r.id,
                    r.quote(),
                    r.locator(),
                )
            })
            .collect(),
        tags: c.tags.iter().map(|t| b(t)).collect(),
        rebuts: c
            .rebuts
            .iter()
            .map(|target| RebutOut {
                claim: b(target),
                description: Cow::Owned(layout::relation_line(
                    dispute,
                    at,
                    RelationKind::Contradicts,
                    target,
                    (cmp, targets),
                )),
            })
            .collect(),
        relations: c
            .links()
            .map(|(kind, target)| RelationOut {
                kind,
                claim: b(target),
                description: Cow::Owned(layout::relation_line(
                    dispute,
                    at,
                    kind,
                    target,
                    (cmp, targets),
                )),
            })
            .collect(),
        superseded_by: match standing {
            Standing::Superseded(by) => Some(by),
            _ => None,
        },
        undated: standing == Standing::Undated,
        assessment: assessed.shown().map(|a| AssessmentOut {
            rating: a.rating,
            note: ob(&a.note),
            by: ob(&a.by),
            sources: a
                .sources
                .iter()
                .zip(&a.indices)
                .map(|(id, &i)| source(dispute, cmp, at.side(), i, id, None, None))
                .collect(),
            undated: matches!(assessed, Assessed::Undated(_)),
        }),
        assessed_later: match assessed {
            Assessed::Later(on) => Some(on),
            _ => None,
        },
        flagged: c
            .flagged
            .iter()
            .map(|&ch| Cow::Owned(crate::text::code_point(ch)))
            .collect(),
    }
}

/// Builds the export document of a comparison (every topic it holds, in order). The document
/// borrows the dispute's and comparison's text rather than copying it.
pub fn build<'a>(dispute: &'a Dispute, cmp: &'a Comparison) -> Export<'a> {
    let mut doc = head(dispute, cmp);
    let targets = layout::Targets::new(dispute, cmp);
    doc.topics = cmp
        .topics
        .iter()
        .map(|t| topic(dispute, (cmp, &targets), t))
        .collect();
    doc
}

/// One topic of the export document: what [`build`] makes of each, apart, so an export can
/// write topic after topic without holding them all.
/// `targets`: the comparison's relation targets ([`layout::Targets::new`]), made once for
/// every topic.
pub fn topic<'a>(
    dispute: &'a Dispute,
    (cmp, targets): (&'a Comparison, &layout::Targets),
    t: &'a TopicRows,
) -> TopicOut<'a> {
    let claims = |ats: &[ClaimAt]| -> Vec<ClaimOut<'a>> {
        ats.iter()
            .filter_map(|&at| {
                dispute
                    .claim(at)
                    .map(|c| claim(dispute, (cmp, targets), at, c))
            })
            .collect()
    };
    TopicOut {
        id: b(&t.id),
        title: b(&t.title),
        summary: ob(&t.summary),
        left_title: ob(&t.left_title),
        right_title: ob(&t.right_title),
        rows: t
            .rows
            .iter()
            .map(|row| RowOut {
                kind: match row.kind {
                    RowKind::Point => RowKindOut::Point,
                    RowKind::Rebuttal => RowKindOut::Rebuttal,
                    // The screen's packing is undone before an export (see
                    // `Comparison::unpacked`); a packed row left in reads as unmatched.
                    RowKind::Single | RowKind::Packed => RowKindOut::Single,
                    RowKind::Suggested => RowKindOut::Suggested,
                },
                point: ob(&row.point),
                question: ob(&row.question),
                heading: match &row.question {
                    Some(q) => b(q),
                    None => Cow::Owned(plain::row_heading(row)),
                },
                common_ground: row.common,
                answered: match row.answered() {
                    Answered::Both | Answered::Apart => AnsweredOut::Both,
                    Answered::Left => AnsweredOut::Left,
                    Answered::Right => AnsweredOut::Right,
                },
                left_hidden: row.hidden_on(true),
                right_hidden: row.hidden_on(false),
                left: claims(&row.left),
                right: claims(&row.right),
            })
            .collect(),
    }
}

/// An export document serialised with its topics made one at a time as they are written
/// (the same JSON as [`Export`]'s), so a JSON export never holds every topic.
pub struct Streamed<'d, 'a, I> {
    doc: &'d Export<'a>,
    topics: std::cell::RefCell<Option<I>>,
}

impl<'d, 'a, I: Iterator<Item = TopicOut<'a>>> Streamed<'d, 'a, I> {
    /// The head `doc` (its own topics unused) followed by `topics`.
    pub fn new(doc: &'d Export<'a>, topics: I) -> Self {
        Streamed {
            doc,
            topics: std::cell::RefCell::new(Some(topics)),
        }
    }
}

impl<'a, I: Iterator<Item = TopicOut<'a>>> Serialize for Streamed<'_, 'a, I> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let d = self.doc;
        let mut m = s.serialize_struct("Export", 7)?;
        m.serialize_field("format", &d.format)?;
        m.serialize_field("dispute", &d.dispute)?;
        m.serialize_field("left", &d.left)?;
        m.serialize_field("right", &d.right)?;
        if d.selection.is_empty() {
            m.skip_field("selection")?;
        } else {
            m.serialize_field("selection", &d.selection)?;
        }
        match &d.as_of {
            Some(date) => m.serialize_field("as_of", date)?,
            None => m.skip_field("as_of")?,
        }
        m.serialize_field("topics", &Lazy(&self.topics))?;
        m.end()
    }
}

/// A sequence written from an iterator taken on first use.
struct Lazy<'r, I>(&'r std::cell::RefCell<Option<I>>);

impl<'a, I: Iterator<Item = TopicOut<'a>>> Serialize for Lazy<'_, I> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let topics = self.0.borrow_mut().take();
        s.collect_seq(topics.into_iter().flatten())
    }
}

/// The export document without its topics (see [`topic`]).
pub fn head<'a>(dispute: &'a Dispute, cmp: &'a Comparison) -> Export<'a> {
    Export {
        format: b(EXPORT_FORMAT),
        dispute: DisputeOut {
            id: b(&dispute.id),
            title: b(&dispute.title),
            summary: ob(&dispute.summary),
            from: dispute.period.as_ref().and_then(|p| p.from),
            to: dispute.period.as_ref().and_then(|p| p.to),
        },
        left: party(dispute, cmp.left),
        right: party(dispute, cmp.right),
        selection: Vec::new(),
        as_of: cmp.as_of.as_ref().map(|a| a.date),
        topics: Vec::new(),
    }
}
