//! The narrative format (`parallax/1`): the types of side files, the manifest, and a loaded dispute.
//!
//! These are the analyst's words: a dispute has sides, a side has topics, a topic has claims, a
//! claim cites sources. The loader (`crate::load`) builds them from files and checks every rule;
//! the types themselves serialise back to the same JSON shape (used by export and tests).

mod date;
mod era;
mod index;
pub mod verdicts;

pub(crate) use date::day_of;
pub use date::{Date, DateError};
pub use era::{Era, FAR_YEARS};
pub use index::ClaimIndex;

pub use compact_str::CompactString;
pub use thin_vec::ThinVec;

use foldhash::HashMap;
use serde::{Deserialize, Serialize};

/// The only format string this program reads and writes.
pub const FORMAT: &str = "parallax/1";

/// The format string of an export document (`parallax export -f json`); bumped on any
/// incompatible change. Here beside the side files' own, since a folder scan tells the two apart.
pub const EXPORT_FORMAT: &str = "parallax-export/1";

/// The name of a dispute folder's dismissals file (the pairs the analyst said are no match):
/// parallax's own, beside the manifest. Here, with the format's other names, because the files
/// a write must not replace and the files a reload watches both count it.
pub const DISMISSALS_FILE: &str = ".parallax-dismissed.json";

/// The affiliation value for an outlet that speaks for no party.
pub const INDEPENDENT: &str = "independent";

/// The question a point is made with when none is given (accepting a suggestion, `link`):
/// a placeholder for the analyst to replace, which `validate` warns of until then.
pub const PLACEHOLDER_QUESTION: &str = "What is at issue here?";

/// What an id is ([`is_id`]), in the words of every message about one that is not.
pub const ID_RULE: &str =
    "1 to 128 characters of a-z, 0-9, '-', '_', '.', starting with a letter or digit";

/// The most characters an id has.
pub const ID_MAX: usize = 128;

/// Makes an id from any text: lower case ASCII letters and digits, runs of anything else as one
/// `-`, at most `max` characters, cut at a word. Other letters and digits are written in ASCII
/// first (`état` gives `etat`, `Straße` `strasse`, `日本` `ri-ben`), as deunicode spells them;
/// other signs and emoji separate words. Empty when the text holds no letter or digit.
pub fn make_id(text: &str, max: usize) -> String {
    let mut id = String::new();
    let mut push = |c: char| {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    };
    for c in text.chars() {
        if c.is_ascii() || !c.is_alphanumeric() {
            // Signs and emoji separate words; they are not spelled out.
            push(c);
        } else {
            deunicode::deunicode_char(c)
                .unwrap_or(" ")
                .chars()
                .for_each(&mut push);
        }
    }
    if id.len() > max {
        let cut = id[..max].rfind('-').filter(|&i| i > 0).unwrap_or(max);
        id.truncate(cut);
    }
    id.trim_end_matches('-').to_owned()
}

/// True when `s` is an id: 1 to 128 characters of `a-z`, `0-9`, `-`, `_`, `.`, starting with a
/// letter or digit.
pub fn is_id(s: &str) -> bool {
    let bytes = s.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= ID_MAX
        && bytes[0].is_ascii_lowercase() | bytes[0].is_ascii_digit()
        && bytes.iter().all(|&b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_' || b == b'.'
        })
}

/// A source's short tag, outlet and date, and its reliability rating when one is given
/// (`OpIndia 2025-05-12 · partisan`), as every output names a source beside a claim.
pub fn source_tag(
    outlet: &str,
    date: Option<Date>,
    reliability: Option<ReliabilityRating>,
) -> String {
    let mut tag = match date {
        Some(date) => format!("{outlet} {date}"),
        None => outlet.to_owned(),
    };
    if let Some(r) = reliability {
        tag.push_str(" · ");
        tag.push_str(r.as_str());
    }
    tag
}

/// A party to the dispute: the teller of one side's story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Party {
    /// Unique among the loaded sides.
    pub id: String,
    /// The name shown to the analyst.
    pub name: String,
    /// Who this side's claims come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

/// What kind of publication a source is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantNames,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum SourceKind {
    /// A government, military or party statement.
    Official,
    /// News reporting.
    News,
    /// Commentary and opinion.
    Opinion,
    /// A fact-checking organisation.
    FactCheck,
    /// A social-media post.
    Social,
    /// Academic or think-tank work.
    Academic,
    /// Anything else.
    Other,
}

impl SourceKind {
    /// Every kind, in the format's order.
    pub const ALL: [SourceKind; 7] = [
        SourceKind::Official,
        SourceKind::News,
        SourceKind::Opinion,
        SourceKind::FactCheck,
        SourceKind::Social,
        SourceKind::Academic,
        SourceKind::Other,
    ];

    /// The kind as the format spells it.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Parses the format's spelling.
    pub fn parse(s: &str) -> Option<Self> {
        s.parse().ok()
    }
}

/// How far a claim has been checked.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantNames,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Rating {
    /// Not checked either way.
    Unverified,
    /// Supported by independent reporting.
    Corroborated,
    /// Contested by credible reporting.
    Disputed,
    /// Shown to be false.
    Refuted,
    /// Withdrawn by whoever made it.
    Retracted,
}

impl Rating {
    /// Every rating, in the format's order.
    pub const ALL: [Rating; 5] = [
        Rating::Unverified,
        Rating::Corroborated,
        Rating::Disputed,
        Rating::Refuted,
        Rating::Retracted,
    ];

    /// The rating as the format spells it.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Parses the format's spelling.
    pub fn parse(s: &str) -> Option<Self> {
        s.parse().ok()
    }
}

/// How far a source can be trusted, as the dispute's compilers judge it.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantNames,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum ReliabilityRating {
    /// A record of accuracy; usable on its own.
    High,
    /// Accurate on some matters, not on others.
    Mixed,
    /// Use only as corroboration.
    Low,
    /// Speaks for one side's cause.
    Partisan,
    /// Not judged.
    Unknown,
}

impl ReliabilityRating {
    /// Every rating, in the format's order.
    pub const ALL: [ReliabilityRating; 5] = [
        ReliabilityRating::High,
        ReliabilityRating::Mixed,
        ReliabilityRating::Low,
        ReliabilityRating::Partisan,
        ReliabilityRating::Unknown,
    ];

    /// The rating as the format spells it.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Parses the format's spelling.
    pub fn parse(s: &str) -> Option<Self> {
        s.parse().ok()
    }

    /// True for the ratings a claim should not rest on alone: `low` and `partisan`.
    pub fn is_weak(self) -> bool {
        matches!(self, ReliabilityRating::Low | ReliabilityRating::Partisan)
    }
}

/// A source's reliability: a rating and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reliability {
    /// How far the source can be trusted.
    pub rating: ReliabilityRating,
    /// Why, or what to use it for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How a claim relates to another party's claim.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantNames,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum RelationKind {
    /// It says the other claim is wrong (what `rebuts` means).
    Contradicts,
    /// It puts the same facts in another light.
    Reframes,
    /// It grants the other claim, or part of it.
    Concedes,
    /// It says the same.
    Agrees,
}

impl RelationKind {
    /// Every kind, in the format's order.
    pub const ALL: [RelationKind; 4] = [
        RelationKind::Contradicts,
        RelationKind::Reframes,
        RelationKind::Concedes,
        RelationKind::Agrees,
    ];

    /// The kind as the format spells it.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Parses the format's spelling.
    pub fn parse(s: &str) -> Option<Self> {
        s.parse().ok()
    }

    /// The verb as a sentence uses it before the other claim: "concedes", "agrees with".
    pub fn verb(self) -> &'static str {
        match self {
            RelationKind::Agrees => "agrees with",
            other => other.as_str(),
        }
    }

    /// The verb as a sentence uses it of the claim linked to: "contradicted by", "agreed with
    /// by".
    pub fn passive(self) -> &'static str {
        match self {
            RelationKind::Contradicts => "contradicted by",
            RelationKind::Reframes => "reframed by",
            RelationKind::Concedes => "conceded by",
            RelationKind::Agrees => "agreed with by",
        }
    }

    /// True when one claim cannot relate to another in both ways: it cannot both agree with a
    /// claim and contradict it. (A claim may contradict part of a claim and concede, or
    /// reframe, the rest.)
    pub fn conflicts_with(self, other: RelationKind) -> bool {
        matches!(
            (self, other),
            (RelationKind::Agrees, RelationKind::Contradicts)
                | (RelationKind::Contradicts, RelationKind::Agrees)
        )
    }
}

/// A typed link from a claim to another party's claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    /// How the claim relates to the other.
    pub kind: RelationKind,
    /// The other claim's id.
    pub to: CompactString,
}

/// A publication a side cites.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Unique within its side file.
    pub id: String,
    /// The outlet that published it.
    pub outlet: String,
    /// Headline or title, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication date, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// An http or https address, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The author, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// What kind of publication it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<SourceKind>,
    /// The party the outlet speaks for, or `independent`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// How far the source can be trusted, when the compilers judged it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliability: Option<Reliability>,
}

impl Source {
    /// The short tag shown beside a claim: outlet, date and reliability rating.
    pub fn tag(&self) -> String {
        source_tag(
            &self.outlet,
            self.date,
            self.reliability.as_ref().map(|r| r.rating),
        )
    }
}

/// A claim's citation of one of its side's sources. Written as the source's id alone where it
/// quotes nothing and names no place (`"sources": ["s1"]`, as files are written by hand), as
/// `{"id", "quote", "locator"}` where it does.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SourceRef {
    /// The source's id in the same side file.
    pub id: CompactString,
    /// Its quote and locator, boxed together: most citations have neither, and a claim's list
    /// of citations stays small. Read them with [`SourceRef::quote`] and
    /// [`SourceRef::locator`].
    #[serde(flatten)]
    pub cited: Option<Box<Cited>>,
    /// The index of the source in its side's `sources`, resolved at load.
    #[serde(skip)]
    pub index: usize,
}

/// A claim's citations. Every claim cites at least one source and most cite one: it is kept in
/// the claim itself, with no allocation (a claim's own list took 56 bytes more, and one
/// allocation, for each claim).
pub type SourceRefs = smallvec::SmallVec<[SourceRef; 1]>;

/// What a citation quotes from its source, and where.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Cited {
    /// The exact words the claim rests on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<Box<str>>,
    /// Where in the source: a paragraph, page or timestamp.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<Box<str>>,
}

impl SourceRef {
    /// A citation of source `id` (at `index` in its side's `sources`), boxing the quote and
    /// locator only when there is one.
    pub fn new(
        id: CompactString,
        quote: Option<Box<str>>,
        locator: Option<Box<str>>,
        index: usize,
    ) -> Self {
        let cited =
            (quote.is_some() || locator.is_some()).then(|| Box::new(Cited { quote, locator }));
        Self { id, cited, index }
    }

    /// The exact words the claim rests on.
    pub fn quote(&self) -> Option<&str> {
        self.cited.as_ref()?.quote.as_deref()
    }

    /// Where in the source: a paragraph, page or timestamp.
    pub fn locator(&self) -> Option<&str> {
        self.cited.as_ref()?.locator.as_deref()
    }
}

impl Serialize for SourceRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let (quote, locator) = (self.quote(), self.locator());
        if quote.is_none() && locator.is_none() {
            return s.serialize_str(&self.id);
        }
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &self.id)?;
        if let Some(q) = quote {
            m.serialize_entry("quote", q)?;
        }
        if let Some(l) = locator {
            m.serialize_entry("locator", l)?;
        }
        m.end()
    }
}

/// A verdict on a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// How far the claim holds up.
    pub rating: Rating,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Who made the verdict: a fact-checker, an outlet, the dispute's compilers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// Source ids of the same file that support the verdict.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// The index of each of those sources in its side's `sources`, resolved at load (as
    /// [`SourceRef::index`] is), so nothing searches the list by id later.
    #[serde(skip)]
    pub indices: Vec<usize>,
}

impl Assessment {
    /// When the verdict could first have been made: an assessment has no date of its own, so it
    /// is dated by the latest of the sources it cites (`sources`, its side's list), each date
    /// counted from its last day. `None` when it cites no dated source. The one rule the
    /// timeline places assessments by and a date in force judges them by.
    pub fn date(&self, sources: &[Source]) -> Option<Date> {
        self.indices
            .iter()
            .filter_map(|&i| sources.get(i)?.date)
            .max_by_key(Date::last_day)
    }
}

/// One thing one party says about a topic. A dispute holds millions of them, so its lists
/// are [`ThinVec`]s (one word, and no allocation when empty) and its ids [`CompactString`]s
/// (kept inline up to 24 bytes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Unique across every loaded side.
    pub id: CompactString,
    /// The question this claim answers; claims of different sides with the same topic and point
    /// answer the same question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub point: Option<CompactString>,
    /// What the party claims, cleaned of control characters.
    pub text: String,
    /// When the claim was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Who made it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<CompactString>,
    /// What it rests on.
    #[serde(default, skip_serializing_if = "SourceRefs::is_empty")]
    pub sources: SourceRefs,
    /// Free labels.
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    pub tags: ThinVec<CompactString>,
    /// Claim ids of other parties that this claim answers.
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    pub rebuts: ThinVec<CompactString>,
    /// Typed links to other parties' claims.
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    pub relations: ThinVec<Relation>,
    /// A verdict on the claim, when one was made (boxed: most claims have none, and the
    /// claim stays small).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<Box<Assessment>>,
    /// Code points that were replaced by markers anywhere in the claim's own text fields.
    #[serde(skip)]
    pub flagged: ThinVec<char>,
}

impl Claim {
    /// Every link of the claim to another claim: each `rebuts` as `contradicts`, then its
    /// `relations`, in file order. The one reading of links the comparison and views share.
    pub fn links(&self) -> impl Iterator<Item = (RelationKind, &str)> {
        self.rebuts
            .iter()
            .map(|t| (RelationKind::Contradicts, t.as_str()))
            .chain(self.relations.iter().map(|r| (r.kind, r.to.as_str())))
    }

    /// The links that repeat or contradict an earlier link of the claim to the same claim, each
    /// as (its place in [`Claim::links`], the earlier link's place): `rebuts` the same id twice,
    /// or `agrees` and `contradicts` (or `rebuts`) to one claim. The one rule the loader warns
    /// by (`repeated-relation`).
    pub fn doubtful_links(&self) -> Vec<(usize, usize)> {
        let mut seen: foldhash::HashMap<&str, Vec<(usize, RelationKind)>> =
            foldhash::HashMap::default();
        let mut out = Vec::new();
        for (i, (kind, to)) in self.links().enumerate() {
            let earlier = seen.entry(to).or_default();
            if let Some(&(j, _)) = earlier
                .iter()
                .find(|&&(_, k)| k == kind || k.conflicts_with(kind))
            {
                out.push((i, j));
            }
            earlier.push((i, kind));
        }
        out
    }
}

/// One side's claims on one topic, under its own title.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    /// Shared with the other sides and the manifest.
    pub id: String,
    /// This side's own framing of the topic.
    pub title: String,
    /// The claims, in file order.
    pub claims: Vec<Claim>,
}

/// One party's file: its sources and its claims, topic by topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Side {
    /// Always [`FORMAT`].
    pub format: String,
    /// The dispute's id.
    pub dispute: String,
    /// Who tells this side.
    pub party: Party,
    /// What this side cites.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// The side's topics, in file order.
    pub topics: Vec<Topic>,
    /// Where the side was read from, for messages.
    #[serde(skip)]
    pub file: String,
}

/// A date range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Period {
    /// The first date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// The last date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
}

/// The manifest's description of the dispute.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DisputeInfo {
    /// The dispute's id, shared by every side.
    pub id: String,
    /// A neutral title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// A neutral summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The time the dispute covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
}

/// A question that claims of several sides answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// Unique within its topic.
    pub id: String,
    /// The neutral question; absent for points only a side file names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
}

/// A topic as the manifest names it: neutral title, summary and questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManifestTopic {
    /// Shared with the side files.
    pub id: String,
    /// The neutral title.
    pub title: String,
    /// A neutral summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The questions, in order.
    #[serde(default)]
    pub points: Vec<Point>,
}

impl ManifestTopic {
    /// The question of each point by id; where ids repeat, the first point of an id counts.
    pub fn questions_by_point(&self) -> HashMap<&str, Option<&str>> {
        let points = self.points.iter().rev();
        points
            .map(|q| (q.id.as_str(), q.question.as_deref()))
            .collect()
    }
}

/// `dispute.json`: neutral titles, the sides' order, topic order and questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always [`FORMAT`].
    pub format: String,
    /// The dispute.
    pub dispute: DisputeInfo,
    /// Side files relative to the folder, left to right.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sides: Option<Vec<String>>,
    /// Topics in order.
    #[serde(default)]
    pub topics: Vec<ManifestTopic>,
}

/// Where a claim sits in a dispute: side, topic within the side, claim within the topic.
/// Held in twelve bytes, not 24: the comparison's rows and the search's hits hold one per
/// claim, hundreds of thousands of them. Each number saturates at `u32::MAX`, which no file
/// within the size limit can reach (a claim takes more than one byte).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ClaimAt {
    side: u32,
    topic: u32,
    claim: u32,
}

impl ClaimAt {
    /// The claim `claim` of topic `topic` of side `side`.
    pub fn new(side: usize, topic: usize, claim: usize) -> Self {
        let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        ClaimAt {
            side: small(side),
            topic: small(topic),
            claim: small(claim),
        }
    }

    /// Index into [`Dispute::sides`].
    pub fn side(self) -> usize {
        self.side as usize
    }

    /// Index into that side's topics.
    pub fn topic(self) -> usize {
        self.topic as usize
    }

    /// Index into that topic's claims.
    pub fn claim(self) -> usize {
        self.claim as usize
    }
}

/// A loaded, checked dispute: the manifest (if any) and two or more sides.
#[derive(Debug, Clone)]
pub struct Dispute {
    /// The dispute's id.
    pub id: String,
    /// The neutral title: the manifest's, or the id.
    pub title: String,
    /// The manifest's summary.
    pub summary: Option<String>,
    /// The manifest's period.
    pub period: Option<Period>,
    /// The manifest's topics (empty without a manifest).
    pub manifest_topics: Vec<ManifestTopic>,
    /// Whether a manifest was loaded.
    pub has_manifest: bool,
    /// The sides, in the manifest's (or the command line's) order.
    pub sides: Vec<Side>,
    claims: ClaimIndex,
    /// The position of each manifest topic, by id: the comparison and the search index look
    /// one up for every topic.
    manifest_index: HashMap<String, usize>,
    /// The links made to each linked claim, by its id: gathered once, at the first question
    /// ([`Dispute::links_to`]), so the row in full of a large dispute does not read every claim
    /// at each frame.
    incoming: std::sync::OnceLock<HashMap<String, Vec<(ClaimAt, RelationKind)>>>,
    /// The claims' middle year, found at the first question ([`Dispute::era`]).
    era: std::sync::OnceLock<Era>,
}

impl Dispute {
    /// Builds a dispute from checked parts; the loader is the only caller that checks them.
    pub fn new(manifest: Option<Manifest>, sides: Vec<Side>) -> Dispute {
        let mut claims = ClaimIndex::new();
        for s in 0..sides.len() {
            claims.add_side(&sides, s);
        }
        Dispute::with_claims(manifest, sides, claims)
    }

    /// As [`Dispute::new`], with every claim's place by id already found (the loader finds
    /// them as it checks ids, so they are not gathered twice): `claims` indexes `sides`.
    pub fn with_claims(
        manifest: Option<Manifest>,
        sides: Vec<Side>,
        claims: ClaimIndex,
    ) -> Dispute {
        let (id, title, summary, period, topics, has_manifest) = match manifest {
            Some(m) => (
                m.dispute.id.clone(),
                m.dispute.title.unwrap_or(m.dispute.id),
                m.dispute.summary,
                m.dispute.period,
                m.topics,
                true,
            ),
            None => {
                let id = sides.first().map(|s| s.dispute.clone()).unwrap_or_default();
                (id.clone(), id, None, None, Vec::new(), false)
            }
        };
        let manifest_index = topics
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.clone(), i))
            .collect();
        Dispute {
            id,
            title,
            summary,
            period,
            manifest_topics: topics,
            has_manifest,
            sides,
            claims,
            manifest_index,
            incoming: std::sync::OnceLock::new(),
            era: std::sync::OnceLock::new(),
        }
    }

    /// The dispute with its claims' years already found (the loader finds them for its
    /// warnings): [`Dispute::era`] then gathers nothing.
    pub fn knowing_era(self, era: Era) -> Dispute {
        let _ = self.era.set(era);
        self
    }

    /// The years the claims were made in: which dates are too far from them to place on a
    /// timeline (a mistyped year, most likely; `validate` asks about each).
    pub fn era(&self) -> Era {
        *self.era.get_or_init(|| Era::of(&self.sides))
    }

    /// Finds a claim by id across every side.
    pub fn find_claim(&self, id: &str) -> Option<ClaimAt> {
        self.claims.find(&self.sides, id)
    }

    /// How many claims the dispute holds, every side's.
    pub fn claims_in_all(&self) -> usize {
        self.claims.count()
    }

    /// Claim number `n`, counted side by side, topic by topic, in file order (the order of
    /// [`Dispute::claims`]): its place and the claim.
    pub fn numbered_claim(&self, n: usize) -> Option<(ClaimAt, &Claim)> {
        let at = self.claims.place(n)?;
        Some((at, self.claim(at)?))
    }

    /// The claim at a position.
    pub fn claim(&self, at: ClaimAt) -> Option<&Claim> {
        self.sides
            .get(at.side())?
            .topics
            .get(at.topic())?
            .claims
            .get(at.claim())
    }

    /// The party, topic and claim ids of a claim ("?" where a position is unknown).
    pub fn ids(&self, at: ClaimAt) -> (&str, &str, &str) {
        let side = self.sides.get(at.side());
        let topic = side.and_then(|s| s.topics.get(at.topic()));
        let claim = topic.and_then(|t| t.claims.get(at.claim()));
        (
            side.map_or("?", |s| s.party.id.as_str()),
            topic.map_or("?", |t| t.id.as_str()),
            claim.map_or("?", |c| c.id.as_str()),
        )
    }

    /// The side index of a party id.
    pub fn side_index(&self, party: &str) -> Option<usize> {
        self.sides.iter().position(|s| s.party.id == party)
    }

    /// The manifest topic with this id.
    pub fn manifest_topic(&self, id: &str) -> Option<&ManifestTopic> {
        self.manifest_topics.get(self.manifest_topic_index(id)?)
    }

    /// The place in [`Dispute::manifest_topics`] of the manifest topic with this id.
    pub fn manifest_topic_index(&self, id: &str) -> Option<usize> {
        self.manifest_index.get(id).copied()
    }

    /// Every claim with its position, side by side, in file order.
    pub fn claims(&self) -> impl Iterator<Item = (ClaimAt, &Claim)> {
        self.sides.iter().enumerate().flat_map(|(s, side)| {
            side.topics.iter().enumerate().flat_map(move |(t, topic)| {
                topic
                    .claims
                    .iter()
                    .enumerate()
                    .map(move |(c, claim)| (ClaimAt::new(s, t, c), claim))
            })
        })
    }

    /// The claims that link to the claim `id` (`rebuts` it, or relate to it), each with how:
    /// what a reader of that claim should know answers it. In file order.
    pub fn links_to(&self, id: &str) -> &[(ClaimAt, RelationKind)] {
        let incoming = self.incoming.get_or_init(|| {
            let mut by_target: HashMap<String, Vec<(ClaimAt, RelationKind)>> = HashMap::default();
            for (at, claim) in self.claims() {
                for (kind, to) in claim.links() {
                    by_target.entry(to.to_owned()).or_default().push((at, kind));
                }
            }
            by_target
        });
        incoming.get(id).map_or(&[], Vec::as_slice)
    }

    /// The number of claims on each side.
    pub fn claim_count(&self, side: usize) -> usize {
        self.sides
            .get(side)
            .map(|s| s.topics.iter().map(|t| t.claims.len()).sum())
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A citation is written as the format has it, its quote and locator beside its id, and as
    /// its id alone when it has neither (they are boxed apart only in memory).
    #[test]
    fn a_citation_writes_its_quote_and_locator_beside_its_id() {
        let bare = SourceRef::new("s1".into(), None, None, 0);
        assert!(bare.cited.is_none());
        assert_eq!(
            serde_json::to_string(&bare).ok().as_deref(),
            Some(r#""s1""#)
        );
        let quoted = SourceRef::new("s1".into(), Some("we shut the gates".into()), None, 3);
        assert_eq!(quoted.quote(), Some("we shut the gates"));
        assert_eq!(quoted.locator(), None);
        let both = SourceRef::new("s2".into(), Some("q".into()), Some("para 2".into()), 1);
        assert_eq!(
            serde_json::to_string(&both).ok().as_deref(),
            Some(r#"{"id":"s2","quote":"q","locator":"para 2"}"#)
        );
    }

    #[test]
    fn ids_follow_the_format() {
        assert!(is_id("pk-ceasefire.1_a"));
        assert!(is_id("9a"));
        assert!(!is_id(""));
        assert!(!is_id("-a"));
        assert!(!is_id("Upper"));
        assert!(!is_id("a b"));
        assert!(!is_id(&"a".repeat(129)));
        assert!(is_id(&"a".repeat(128)));
    }
}
