//! The export document: a comparison resolved into plain data (parties, topics, rows, claims with
//! their sources looked up). Every format renders from this one shape, and JSON *is* this shape
//! (`parallax-export/1`, described by `narratives/export-schema.json`).

use crate::compare::{Answered, Comparison, RowKind};
use crate::format::{Claim, ClaimAt, Date, Dispute, Rating, SourceKind};
use crate::layout;
use crate::load::is_web_url;
use crate::plain;
use serde::{Deserialize, Serialize};

/// The format string of an export document; bumped on any incompatible change.
pub const EXPORT_FORMAT: &str = "parallax-export/1";

/// A whole exported comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Export {
    /// Always [`EXPORT_FORMAT`].
    pub format: String,
    /// Which dispute the comparison is of.
    pub dispute: DisputeOut,
    /// The party on the left.
    pub left: PartyOut,
    /// The party on the right.
    pub right: PartyOut,
    /// The exported topics, in the comparison's order.
    pub topics: Vec<TopicOut>,
}

/// The dispute's neutral description.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisputeOut {
    /// The dispute id.
    pub id: String,
    /// The neutral title.
    pub title: String,
    /// The neutral summary, when the manifest gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
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
pub struct PartyOut {
    /// The party id.
    pub id: String,
    /// The party's name.
    pub name: String,
    /// Who the side's claims come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

/// One topic with its rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicOut {
    /// The topic id.
    pub id: String,
    /// The neutral title.
    pub title: String,
    /// The manifest's summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The left side's own framing; absent when it does not address the topic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left_title: Option<String>,
    /// The right side's own framing; absent when it does not address the topic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub right_title: Option<String>,
    /// The rows, in the comparison's order.
    pub rows: Vec<RowOut>,
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
}

impl RowKindOut {
    /// The kind as exports spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            RowKindOut::Point => "point",
            RowKindOut::Rebuttal => "rebuttal",
            RowKindOut::Single => "single",
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

/// One row: the claims of both sides that line up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RowOut {
    /// Why the claims share the row.
    pub kind: RowKindOut,
    /// The point, for point rows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub point: Option<String>,
    /// The manifest's question for the point.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// The row's heading as every output shows it: the question, or what kind of row it is.
    pub heading: String,
    /// Which sides answer it.
    pub answered: AnsweredOut,
    /// The left side's claims, in file order.
    pub left: Vec<ClaimOut>,
    /// The right side's claims, in file order.
    pub right: Vec<ClaimOut>,
}

/// A claim with everything it cites resolved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimOut {
    /// The claim id.
    pub id: String,
    /// What the party claims.
    pub text: String,
    /// When it was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Who made it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// What it rests on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceOut>,
    /// Free labels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The claims it answers, each described (whose, and where when not beside it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rebuts: Vec<RebutOut>,
    /// A verdict on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<AssessmentOut>,
    /// Code points (`U+202E`) that were replaced by visible markers in the claim's text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flagged: Vec<String>,
}

/// A rebuttal target of a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RebutOut {
    /// The claim id it rebuts.
    pub claim: String,
    /// How the target is described to a reader.
    pub description: String,
}

/// A cited source, resolved from its side's list, with the citation's own quote and locator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceOut {
    /// The source id in its side file.
    pub id: String,
    /// The outlet.
    pub outlet: String,
    /// Headline or title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// An http or https address; never any other scheme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// What kind of publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<SourceKind>,
    /// The party it speaks for, or `independent`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// The exact words cited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Where in the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
}

impl SourceOut {
    /// The short label readers see: outlet and date.
    pub fn label(&self) -> String {
        match &self.date {
            Some(d) => format!("{} {d}", self.outlet),
            None => self.outlet.clone(),
        }
    }

    /// The url when it may become a link (http or https only).
    pub fn link(&self) -> Option<&str> {
        self.url.as_deref().filter(|u| is_web_url(u))
    }
}

/// A verdict with its sources resolved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessmentOut {
    /// How far the claim holds up.
    pub rating: Rating,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The sources of the verdict.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceOut>,
}

impl ClaimOut {
    /// The "who and when" line, as the terminal shows it.
    pub fn speaker_line(&self) -> Option<String> {
        match (&self.speaker, &self.date) {
            (Some(s), Some(d)) => Some(format!("— {s}, {d}")),
            (Some(s), None) => Some(format!("— {s}")),
            (None, Some(d)) => Some(format!("— {d}")),
            (None, None) => None,
        }
    }
}

fn party(dispute: &Dispute, side: usize) -> PartyOut {
    match dispute.sides.get(side) {
        Some(s) => PartyOut {
            id: s.party.id.clone(),
            name: s.party.name.clone(),
            summary: s.party.summary.clone(),
        },
        None => PartyOut {
            id: String::new(),
            name: "?".to_owned(),
            summary: None,
        },
    }
}

/// Resolves a source of side `side` by its index or id, with a citation's quote and locator.
fn source(
    dispute: &Dispute,
    side: usize,
    index: Option<usize>,
    id: &str,
    quote: Option<&String>,
    locator: Option<&String>,
) -> SourceOut {
    let sources = dispute.sides.get(side).map_or(&[][..], |s| &s.sources[..]);
    let found = index
        .and_then(|i| sources.get(i))
        .filter(|s| s.id == id)
        .or_else(|| sources.iter().find(|s| s.id == id));
    match found {
        Some(s) => SourceOut {
            id: s.id.clone(),
            outlet: s.outlet.clone(),
            title: s.title.clone(),
            date: s.date.clone(),
            url: s.url.clone().filter(|u| is_web_url(u)),
            author: s.author.clone(),
            kind: s.kind,
            affiliation: s.affiliation.clone(),
            quote: quote.cloned(),
            locator: locator.cloned(),
        },
        None => SourceOut {
            id: id.to_owned(),
            outlet: id.to_owned(),
            title: None,
            date: None,
            url: None,
            author: None,
            kind: None,
            affiliation: None,
            quote: quote.cloned(),
            locator: locator.cloned(),
        },
    }
}

fn claim(dispute: &Dispute, cmp: &Comparison, at: ClaimAt, c: &Claim) -> ClaimOut {
    ClaimOut {
        id: c.id.clone(),
        text: c.text.clone(),
        date: c.date.clone(),
        speaker: c.speaker.clone(),
        sources: c
            .sources
            .iter()
            .map(|r| {
                source(
                    dispute,
                    at.side,
                    Some(r.index),
                    &r.id,
                    r.quote.as_ref(),
                    r.locator.as_ref(),
                )
            })
            .collect(),
        tags: c.tags.clone(),
        rebuts: c
            .rebuts
            .iter()
            .map(|target| RebutOut {
                claim: target.clone(),
                description: layout::rebut_line(dispute, at, target, cmp),
            })
            .collect(),
        assessment: c.assessment.as_ref().map(|a| AssessmentOut {
            rating: a.rating,
            note: a.note.clone(),
            sources: a
                .sources
                .iter()
                .map(|id| source(dispute, at.side, None, id, None, None))
                .collect(),
        }),
        flagged: c
            .flagged
            .iter()
            .map(|&ch| crate::text::code_point(ch))
            .collect(),
    }
}

/// Builds the export document of a comparison (every topic it holds, in order).
pub fn build(dispute: &Dispute, cmp: &Comparison) -> Export {
    let claims = |ats: &[ClaimAt]| -> Vec<ClaimOut> {
        ats.iter()
            .filter_map(|&at| dispute.claim(at).map(|c| claim(dispute, cmp, at, c)))
            .collect()
    };
    let topics = cmp
        .topics
        .iter()
        .map(|t| TopicOut {
            id: t.id.clone(),
            title: t.title.clone(),
            summary: t.summary.clone(),
            left_title: t.left_title.clone(),
            right_title: t.right_title.clone(),
            rows: t
                .rows
                .iter()
                .map(|row| RowOut {
                    kind: match row.kind {
                        RowKind::Point => RowKindOut::Point,
                        RowKind::Rebuttal => RowKindOut::Rebuttal,
                        RowKind::Single => RowKindOut::Single,
                    },
                    point: row.point.clone(),
                    question: row.question.clone(),
                    heading: plain::row_heading(row),
                    answered: match row.answered() {
                        Answered::Both => AnsweredOut::Both,
                        Answered::Left => AnsweredOut::Left,
                        Answered::Right => AnsweredOut::Right,
                    },
                    left: claims(&row.left),
                    right: claims(&row.right),
                })
                .collect(),
        })
        .collect();
    Export {
        format: EXPORT_FORMAT.to_owned(),
        dispute: DisputeOut {
            id: dispute.id.clone(),
            title: dispute.title.clone(),
            summary: dispute.summary.clone(),
            from: dispute.period.as_ref().and_then(|p| p.from.clone()),
            to: dispute.period.as_ref().and_then(|p| p.to.clone()),
        },
        left: party(dispute, cmp.left),
        right: party(dispute, cmp.right),
        topics,
    }
}
