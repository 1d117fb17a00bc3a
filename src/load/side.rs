//! Reading a side file: a party's sources and claims, topic by topic, in one typed pass.

use super::diagnostic::{Code, Diagnostic, Severity};
use super::pass::{
    self, Cx, DateWant, Fields, FormatWant, Id, Items, List, OPTIONAL_LINE, OPTIONAL_TEXT,
    REQUIRED_LINE, REQUIRED_TEXT, SchemaWant, ShortText, Want, Word, object, require,
};
use super::places::{Key, Places};
use crate::format::{
    Assessment, Claim, CompactString, FORMAT, Party, Rating, Relation, RelationKind, Reliability,
    ReliabilityRating, Side, Source, SourceKind, SourceRef, SourceRefs, ThinVec, Topic,
};
use foldhash::{HashMap, HashMapExt};
use serde::de::{Deserializer, MapAccess, SeqAccess};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::collections::hash_map::Entry;

/// A side's sources by id, to their index in its `sources`. The ids are `CompactString`s, kept
/// in the table itself up to 24 bytes: a claim's source is found with one read of memory, not
/// two (the table, then the id's own allocation), which at a million claims is a tenth of the load.
type Index = foldhash::HashMap<CompactString, usize>;

/// Reads a whole side file, with where its claims stand in it. `Err` is a syntax error; the
/// side is complete only when `cx` recorded no error.
pub(super) fn read(cx: &mut Cx, text: &str) -> Result<Option<(Side, Places)>, serde_json::Error> {
    pass::parse(cx, text, SideWant)
}

struct SideWant;

impl<'de> Want<'de> for SideWant {
    type Out = (Side, Places);
    fn expected(&self) -> Cow<'static, str> {
        "an object".into()
    }
    fn map<A: MapAccess<'de>>(
        self,
        cx: &mut Cx,
        map: A,
    ) -> Result<Option<(Side, Places)>, A::Error> {
        object(cx, map, SideFields::default())
    }
}

#[derive(Default)]
struct SideFields<'de> {
    dispute: Option<String>,
    party: Option<Party>,
    sources: Option<(Vec<Source>, Index)>,
    topics: (Vec<Topic>, Places),
    /// `topics` met before `sources`: read once the sources are known.
    later: Option<&'de RawValue>,
}

impl<'de> Fields<'de> for SideFields<'de> {
    type Out = (Side, Places);
    const NAMES: &'static [&'static str] =
        &["format", "dispute", "party", "sources", "topics", "$schema"];
    const ELSEWHERE: &'static [(&'static str, &'static str)] = &[
        (
            "claims",
            "a side's claims go inside its topics, each under `topics[].claims` with the topic's `id` (`\"topics\": [{\"id\": \"t\", \"claims\": […]}]`); these are not read",
        ),
        (
            "points",
            "a topic's questions go in the manifest (dispute.json), under the topic of the same id",
        ),
    ];

    fn field<D: Deserializer<'de>>(&mut self, cx: &mut Cx, i: usize, d: D) -> Result<(), D::Error> {
        match i {
            0 => {
                pass::read(cx, d, FormatWant)?;
            }
            1 => self.dispute = pass::read(cx, d, Id)?.map(String::from),
            2 => self.party = pass::read(cx, d, PartyWant)?,
            3 => {
                let sources = pass::read(cx, d, SourcesWant)?.unwrap_or_default();
                let index = sources
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (CompactString::from(s.id.as_str()), i))
                    .collect();
                self.sources = Some((sources, index));
            }
            4 => match &self.sources {
                Some((_, index)) => {
                    self.topics = pass::read(cx, d, TopicsWant { index })?.unwrap_or_default();
                }
                None => self.later = Some(serde::Deserialize::deserialize(d)?),
            },
            _ => {
                pass::read(cx, d, SchemaWant)?;
            }
        }
        Ok(())
    }

    fn finish(mut self, cx: &mut Cx, present: u32) -> Option<(Side, Places)> {
        let (sources, index) = self.sources.take().unwrap_or_default();
        if let Some(raw) = self.later {
            let mut de = serde_json::Deserializer::from_str(raw.get());
            let read = cx.field("topics", |cx| {
                pass::read(cx, &mut de, TopicsWant { index: &index })
            });
            // Skipped, the topics were only checked for brackets and quotes: what the typed
            // read refuses (a lone surrogate escape, a number out of range, deep nesting) is
            // the file's syntax error, not a side with no claims.
            match read {
                Ok(topics) => self.topics = topics.unwrap_or_default(),
                Err(e) => cx.deferred = Some((raw.get().as_ptr() as usize, e)),
            }
        }
        require(cx, Self::NAMES, present, &[0, 1, 2, 4]);
        let (topics, places) = self.topics;
        duplicate_claims(cx, &topics, &places);
        // A dispute id that is wrong (reported already) leaves it empty, no id's spelling, so
        // the side is still checked against the others (its party, its claim ids) and one run
        // says every problem; such a side never loads.
        let side = Side {
            format: FORMAT.to_owned(),
            dispute: self.dispute.unwrap_or_default(),
            party: self.party?,
            sources,
            topics,
            file: cx.file.to_owned(),
        };
        Some((side, places))
    }
}

/// Reports claim ids used twice in the file, those of claims left out for errors of their own
/// too. The table keeps each claim's key (two `u32`s), not its id: it is built while both side
/// files' bytes are alive, at the load's peak.
fn duplicate_claims(cx: &mut Cx, topics: &[Topic], places: &Places) {
    use std::hash::BuildHasher;
    let hasher = foldhash::fast::RandomState::default();
    let claims = topics.iter().map(|t| t.claims.len()).sum();
    let mut seen: hashbrown::HashTable<Key> = hashbrown::HashTable::with_capacity(claims);
    for (key, id) in places.claims(topics) {
        let h = hasher.hash_one(id);
        match seen.find(h, |&k| places.id(topics, k) == Some(id)) {
            None => {
                seen.insert_unique(h, key, |&k| {
                    hasher.hash_one(places.id(topics, k).unwrap_or_default())
                });
            }
            Some(&first) => {
                let d = Diagnostic::at(
                    Severity::Error,
                    Code::DuplicateId,
                    cx.file,
                    &places.id_pointer(key),
                    format!("claim id `{}` is already used", crate::text::quote(id)),
                )
                .expected("a claim id unique across every side")
                .first_at(cx.file, &places.id_pointer(first));
                cx.diagnostics.push(d);
            }
        }
    }
}

/// Reports an id used before in the same list (`list` names the list, e.g. `/topics`);
/// true for a first use.
pub(super) fn first_use(
    cx: &mut Cx,
    seen: &mut HashMap<CompactString, usize>,
    id: &str,
    i: usize,
    list: &str,
    expected: &str,
) -> bool {
    match seen.entry(CompactString::from(id)) {
        Entry::Vacant(slot) => {
            slot.insert(i);
            true
        }
        Entry::Occupied(first) => {
            let at = format!("{}/id", cx.here());
            let d = Diagnostic::at(
                Severity::Error,
                Code::DuplicateId,
                cx.file,
                &at,
                format!("id `{}` is already used", crate::text::quote(id)),
            )
            .expected(expected)
            .first_at(cx.file, &format!("{list}/{}/id", first.get()));
            cx.diagnostics.push(d);
            false
        }
    }
}

struct PartyWant;

impl<'de> Want<'de> for PartyWant {
    type Out = Party;
    fn expected(&self) -> Cow<'static, str> {
        "an object".into()
    }
    fn map<A: MapAccess<'de>>(self, cx: &mut Cx, map: A) -> Result<Option<Party>, A::Error> {
        object(cx, map, PartyFields::default())
    }
}

#[derive(Default)]
struct PartyFields {
    id: Option<String>,
    name: Option<String>,
    summary: Option<String>,
}

impl<'de> Fields<'de> for PartyFields {
    type Out = Party;
    const NAMES: &'static [&'static str] = &["id", "name", "summary"];
    fn field<D: Deserializer<'de>>(&mut self, cx: &mut Cx, i: usize, d: D) -> Result<(), D::Error> {
        match i {
            0 => self.id = pass::read(cx, d, Id)?.map(String::from),
            1 => self.name = pass::read(cx, d, REQUIRED_LINE)?,
            _ => self.summary = pass::read(cx, d, OPTIONAL_TEXT)?,
        }
        Ok(())
    }
    fn finish(self, cx: &mut Cx, present: u32) -> Option<Party> {
        require(cx, Self::NAMES, present, &[0, 1]);
        // A name that is wrong (reported already) stands as the id, so the side is still
        // checked against the others; such a side never loads.
        let id = self.id?;
        Some(Party {
            name: self.name.unwrap_or_else(|| id.to_string()),
            id,
            summary: self.summary,
        })
    }
}

struct SourcesWant;

impl<'de> Want<'de> for SourcesWant {
    type Out = Vec<Source>;
    fn expected(&self) -> Cow<'static, str> {
        "an array".into()
    }
    fn seq<A: SeqAccess<'de>>(self, cx: &mut Cx, seq: A) -> Result<Option<Vec<Source>>, A::Error> {
        let mut list = SourceList::default();
        pass::items(cx, seq, &mut list)?;
        list.out.shrink_to_fit();
        Ok(Some(list.out))
    }
}

#[derive(Default)]
struct SourceList {
    seen: HashMap<CompactString, usize>,
    out: Vec<Source>,
}

impl<'de> Items<'de> for SourceList {
    fn item<D: Deserializer<'de>>(&mut self, cx: &mut Cx, i: usize, d: D) -> Result<(), D::Error> {
        // An id is checked for repeats even when its source has problems of its own, so one
        // pass reports both.
        let Some((id, source)) = pass::read(cx, d, SourceWant)? else {
            return Ok(());
        };
        let first = id.as_deref().is_none_or(|id| {
            first_use(
                cx,
                &mut self.seen,
                id,
                i,
                "/sources",
                "an id unique within the file",
            )
        });
        if let Some(source) = source.filter(|_| first) {
            self.out.push(source);
        }
        Ok(())
    }
}

struct SourceWant;

/// A source's id as read (for the repeat check), and the source when it is valid.
type SourceRead = (Option<String>, Option<Source>);

impl<'de> Want<'de> for SourceWant {
    type Out = SourceRead;
    fn expected(&self) -> Cow<'static, str> {
        "an object".into()
    }
    fn map<A: MapAccess<'de>>(self, cx: &mut Cx, map: A) -> Result<Option<SourceRead>, A::Error> {
        object(cx, map, SourceFields::default())
    }
}

#[derive(Default)]
struct SourceFields {
    id: Option<String>,
    outlet: Option<String>,
    title: Option<String>,
    date: Option<crate::format::Date>,
    url: Option<String>,
    author: Option<String>,
    kind: Option<SourceKind>,
    affiliation: Option<String>,
    reliability: Option<Reliability>,
}

impl<'de> Fields<'de> for SourceFields {
    type Out = SourceRead;
    const NAMES: &'static [&'static str] = &[
        "id",
        "outlet",
        "title",
        "date",
        "url",
        "author",
        "kind",
        "affiliation",
        "reliability",
    ];
    fn field<D: Deserializer<'de>>(&mut self, cx: &mut Cx, i: usize, d: D) -> Result<(), D::Error> {
        match i {
            0 => self.id = pass::read(cx, d, Id)?.map(String::from),
            1 => self.outlet = pass::read(cx, d, REQUIRED_LINE)?,
            2 => self.title = pass::read(cx, d, OPTIONAL_LINE)?,
            3 => self.date = pass::read(cx, d, DateWant)?,
            4 => self.url = pass::read(cx, d, UrlWant)?,
            5 => self.author = pass::read(cx, d, OPTIONAL_LINE)?,
            6 => {
                self.kind = pass::read(cx, d, Word::of("a source kind"))?;
            }
            7 => self.affiliation = pass::read(cx, d, Id)?.map(String::from),
            _ => self.reliability = pass::read(cx, d, ReliabilityWant)?,
        }
        Ok(())
    }
    fn finish(self, cx: &mut Cx, present: u32) -> Option<SourceRead> {
        require(cx, Self::NAMES, present, &[0, 1]);
        let source = match (&self.id, self.outlet) {
            (Some(id), Some(outlet)) => Some(Source {
                id: id.clone(),
                outlet,
                title: self.title,
                date: self.date,
                url: self.url,
                author: self.author,
                kind: self.kind,
                affiliation: self.affiliation,
                reliability: self.reliability,
            }),
            _ => None,
        };
        Some((self.id, source))
    }
}

/// A source's `reliability`: a rating and an optional note.
struct ReliabilityWant;

impl<'de> Want<'de> for ReliabilityWant {
    type Out = Reliability;
    fn expected(&self) -> Cow<'static, str> {
        "an object".into()
    }
    fn map<A: MapAccess<'de>>(self, cx: &mut Cx, map: A) -> Result<Option<Reliability>, A::Error> {
        object(cx, map, ReliabilityFields::default())
    }
}

#[derive(Default)]
struct ReliabilityFields {
    rating: Option<ReliabilityRating>,
    note: Option<String>,
}

impl<'de> Fields<'de> for ReliabilityFields {
    type Out = Reliability;
    const NAMES: &'static [&'static str] = &["rating", "note"];
    fn field<D: Deserializer<'de>>(&mut self, cx: &mut Cx, i: usize, d: D) -> Result<(), D::Error> {
        match i {
            0 => {
                self.rating = pass::read(cx, d, Word::of("a reliability rating"))?;
            }
            _ => self.note = pass::read(cx, d, OPTIONAL_TEXT)?,
        }
        Ok(())
    }
    fn finish(self, cx: &mut Cx, present: u32) -> Option<Reliability> {
        require(cx, Self::NAMES, present, &[0]);
        Some(Reliability {
            rating: self.rating?,
            note: self.note,
        })
    }
}

/// True for an absolute http or https url with something after the scheme; every other
/// scheme (`javascript:`, `data:`, `file:`) is rejected at load and never becomes a link.
pub fn is_web_url(s: &str) -> bool {
    url_problem(s).is_none()
}

/// What keeps a string from being a web url (see [`is_web_url`]), for a message that names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlProblem {
    /// It does not start with `http://` or `https://`.
    Scheme,
    /// Nothing follows the scheme.
    Empty,
    /// A space or a control character, at this position (in characters, from 1).
    Character(char, usize),
    /// What a browser would refuse (`https://[::1`, a port of 99999), as the `url` crate,
    /// which follows the WHATWG URL standard browsers do, says.
    Invalid(url::ParseError),
}

impl UrlProblem {
    /// What is wrong with `url` (quoted in the message) and what was expected.
    pub fn describe(self, url: &str) -> (String, &'static str) {
        let url = crate::text::quote(url);
        match self {
            UrlProblem::Scheme => (
                format!("\"{url}\" is not an http or https url"),
                "an address starting with http:// or https://",
            ),
            UrlProblem::Empty => (
                format!("\"{url}\" has no address after the scheme"),
                "an address after http:// or https://",
            ),
            UrlProblem::Character(c, at) => {
                let what = if c == ' ' {
                    "a space".to_owned()
                } else if c == '\t' {
                    "a tab (U+0009)".to_owned()
                } else if c.is_whitespace() {
                    format!("a blank ({})", crate::text::code_point(c))
                } else {
                    format!("a control character ({})", crate::text::code_point(c))
                };
                (
                    format!("\"{url}\" holds {what} at character {at}"),
                    "a url without spaces or control characters (write a space as %20)",
                )
            }
            UrlProblem::Invalid(e) => (
                format!("\"{url}\" is not an address a browser can open: {e}"),
                "a url as a browser reads it, such as https://example.org/page",
            ),
        }
    }
}

/// The one rule for a web url: `None` when `s` is one, else what is wrong first.
pub fn url_problem(s: &str) -> Option<UrlProblem> {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    let scheme = if lower.starts_with("https://") {
        8
    } else if lower.starts_with("http://") {
        7
    } else {
        return Some(UrlProblem::Scheme);
    };
    if s.get(scheme..).is_none_or(str::is_empty) {
        return Some(UrlProblem::Empty);
    }
    s.chars()
        .enumerate()
        .find(|(_, c)| c.is_whitespace() || c.is_control())
        .map(|(i, c)| UrlProblem::Character(c, i + 1))
        .or_else(|| url::Url::parse(s).err().map(UrlProblem::Invalid))
}

/// A source's `url`: http or https only, with hidden characters percent-encoded.
struct UrlWant;

impl<'de> Want<'de> for UrlWant {
    type Out = String;
    fn expected(&self) -> Cow<'static, str> {
        "a url (a string)".into()
    }
    fn string(self, cx: &mut Cx, s: Cow<'de, str>) -> Option<String> {
        if let Some(problem) = url_problem(&s) {
            let (message, expected) = problem.describe(&s);
            cx.error(Code::BadUrl, message, expected);
            return None;
        }
        let escaped = crate::text::escape_url(&s);
        if !escaped.flagged.is_empty() {
            let points: Vec<String> = escaped
                .flagged
                .iter()
                .map(|&c| crate::text::code_point(c))
                .collect();
            cx.warn(
                Code::UntrustedText,
                format!(
                    "url holds bidirectional or invisible characters ({}); they are percent-encoded: {}",
                    points.join(", "),
                    escaped.text
                ),
                "a url of visible characters",
            );
        }
        Some(escaped.text)
    }
}

struct TopicsWant<'i> {
    index: &'i Index,
}

impl<'de> Want<'de> for TopicsWant<'_> {
    type Out = (Vec<Topic>, Places);
    fn expected(&self) -> Cow<'static, str> {
        "an array".into()
    }
    fn seq<A: SeqAccess<'de>>(
        self,
        cx: &mut Cx,
        seq: A,
    ) -> Result<Option<(Vec<Topic>, Places)>, A::Error> {
        let mut list = TopicList {
            index: self.index,
            seen: HashMap::new(),
            out: Vec::new(),
            places: Places::default(),
            scratch: Vec::new(),
        };
        pass::items(cx, seq, &mut list)?;
        list.out.shrink_to_fit();
        Ok(Some((list.out, list.places)))
    }
}

struct TopicList<'i> {
    index: &'i Index,
    seen: HashMap<CompactString, usize>,
    out: Vec<Topic>,
    places: Places,
    /// Where each topic's claims are gathered before they are moved to a list of their exact
    /// length (a list grown by doubling keeps up to half its room spare, and the allocator
    /// shrinks a block in place, so a shrunk list would keep it).
    scratch: Vec<Claim>,
}

impl<'de> Items<'de> for TopicList<'_> {
    fn item<D: Deserializer<'de>>(&mut self, cx: &mut Cx, i: usize, d: D) -> Result<(), D::Error> {
        let want = TopicWant {
            index: self.index,
            scratch: &mut self.scratch,
            places: &mut self.places,
            at: i,
        };
        let expected = "an id unique within the file (put all of a topic's claims under one entry)";
        if let Some(topic) = pass::read(cx, d, want)? {
            if first_use(cx, &mut self.seen, &topic.id, i, "/topics", expected) {
                self.places.keep_topic(i);
                self.out.push(topic);
            } else {
                self.places
                    .leave_topic(i, topic.claims.into_iter().map(|c| c.id));
            }
        }
        Ok(())
    }
}

struct TopicWant<'i> {
    index: &'i Index,
    scratch: &'i mut Vec<Claim>,
    places: &'i mut Places,
    /// The topic's place in the file.
    at: usize,
}

impl<'de> Want<'de> for TopicWant<'_> {
    type Out = Topic;
    fn expected(&self) -> Cow<'static, str> {
        "an object".into()
    }
    fn map<A: MapAccess<'de>>(self, cx: &mut Cx, map: A) -> Result<Option<Topic>, A::Error> {
        let fields = TopicFields {
            index: self.index,
            scratch: self.scratch,
            places: self.places,
            at: self.at,
            id: None,
            title: None,
            claims: Vec::new(),
        };
        object(cx, map, fields)
    }
}

struct TopicFields<'i> {
    index: &'i Index,
    scratch: &'i mut Vec<Claim>,
    places: &'i mut Places,
    at: usize,
    id: Option<String>,
    title: Option<String>,
    claims: Vec<Claim>,
}

impl<'de> Fields<'de> for TopicFields<'_> {
    type Out = Topic;
    const NAMES: &'static [&'static str] = &["id", "title", "claims"];
    const ELSEWHERE: &'static [(&'static str, &'static str)] = &[
        (
            "points",
            "a topic's questions go in the manifest (dispute.json), under the topic of the same id",
        ),
        (
            "summary",
            "a topic's neutral summary goes in the manifest (dispute.json); a side's own framing of it is `title`",
        ),
    ];
    fn field<D: Deserializer<'de>>(&mut self, cx: &mut Cx, i: usize, d: D) -> Result<(), D::Error> {
        match i {
            0 => self.id = pass::read(cx, d, Id)?.map(String::from),
            1 => self.title = pass::read(cx, d, REQUIRED_LINE)?,
            _ => {
                let want = ClaimsWant {
                    index: self.index,
                    scratch: self.scratch,
                    places: self.places,
                    at: self.at,
                };
                self.claims = pass::read(cx, d, want)?.unwrap_or_default();
            }
        }
        Ok(())
    }
    fn finish(self, cx: &mut Cx, present: u32) -> Option<Topic> {
        require(cx, Self::NAMES, present, &[0, 1, 2]);
        match (self.id, self.title) {
            (Some(id), Some(title)) => Some(Topic {
                id,
                title,
                claims: self.claims,
            }),
            _ => {
                let ids = self.claims.into_iter().map(|c| c.id);
                self.places.leave_topic(self.at, ids);
                None
            }
        }
    }
}

struct ClaimsWant<'i> {
    index: &'i Index,
    scratch: &'i mut Vec<Claim>,
    places: &'i mut Places,
    at: usize,
}

impl<'de> Want<'de> for ClaimsWant<'_> {
    type Out = Vec<Claim>;
    fn expected(&self) -> Cow<'static, str> {
        "an array".into()
    }
    fn seq<A: SeqAccess<'de>>(self, cx: &mut Cx, seq: A) -> Result<Option<Vec<Claim>>, A::Error> {
        self.scratch.clear();
        let mut list = ClaimList {
            index: self.index,
            out: self.scratch,
            places: self.places,
            at: self.at,
        };
        pass::items(cx, seq, &mut list)?;
        Ok(Some(list.out.drain(..).collect()))
    }
}

struct ClaimList<'i> {
    index: &'i Index,
    out: &'i mut Vec<Claim>,
    places: &'i mut Places,
    /// The topic's place in the file.
    at: usize,
}

impl<'de> Items<'de> for ClaimList<'_> {
    fn item<D: Deserializer<'de>>(&mut self, cx: &mut Cx, i: usize, d: D) -> Result<(), D::Error> {
        match pass::read(cx, d, ClaimWant { index: self.index })? {
            Some(Ok(claim)) => self.out.push(claim),
            Some(Err(id)) => self.places.leave_claim(self.at, i, id),
            None => self.places.leave_claim(self.at, i, None),
        }
        Ok(())
    }
}

/// A claim, or the id of one left out for an error of its own (when its id was good).
type ClaimRead = Result<Claim, Option<CompactString>>;

struct ClaimWant<'i> {
    index: &'i Index,
}

impl<'de> Want<'de> for ClaimWant<'_> {
    type Out = ClaimRead;
    fn expected(&self) -> Cow<'static, str> {
        "an object".into()
    }
    fn map<A: MapAccess<'de>>(self, cx: &mut Cx, map: A) -> Result<Option<ClaimRead>, A::Error> {
        cx.take_flagged();
        let fields = ClaimFields {
            index: self.index,
            start: cx.diagnostics.len(),
            id: None,
            point: None,
            text: None,
            date: None,
            speaker: None,
            sources: SourceRefs::new(),
            tags: ThinVec::new(),
            rebuts: ThinVec::new(),
            relations: ThinVec::new(),
            assessment: None,
        };
        object(cx, map, fields)
    }
}

struct ClaimFields<'i> {
    index: &'i Index,
    /// The first diagnostic recorded inside the claim: its text warnings name the claim.
    start: usize,
    id: Option<CompactString>,
    point: Option<CompactString>,
    text: Option<String>,
    date: Option<crate::format::Date>,
    speaker: Option<CompactString>,
    sources: SourceRefs,
    tags: ThinVec<CompactString>,
    rebuts: ThinVec<CompactString>,
    relations: ThinVec<Relation>,
    assessment: Option<Assessment>,
}

impl<'de> Fields<'de> for ClaimFields<'_> {
    type Out = ClaimRead;
    const NAMES: &'static [&'static str] = &[
        "id",
        "point",
        "text",
        "date",
        "speaker",
        "sources",
        "tags",
        "rebuts",
        "relations",
        "assessment",
    ];
    fn field<D: Deserializer<'de>>(&mut self, cx: &mut Cx, i: usize, d: D) -> Result<(), D::Error> {
        match i {
            0 => self.id = pass::read(cx, d, Id)?,
            1 => self.point = pass::read(cx, d, Id)?,
            2 => self.text = pass::read(cx, d, REQUIRED_TEXT)?,
            3 => self.date = pass::read(cx, d, DateWant)?,
            4 => self.speaker = pass::read(cx, d, ShortText)?,
            5 => {
                let want = RefsWant { index: self.index };
                self.sources = pass::read(cx, d, want)?.unwrap_or_default();
            }
            6 => self.tags = pass::read(cx, d, List(Id))?.unwrap_or_default(),
            7 => self.rebuts = pass::read(cx, d, List(Id))?.unwrap_or_default(),
            8 => self.relations = pass::read(cx, d, List(RelationWant))?.unwrap_or_default(),
            _ => {
                let want = AssessmentWant { index: self.index };
                self.assessment = pass::read(cx, d, want)?;
            }
        }
        Ok(())
    }
    fn finish(self, cx: &mut Cx, present: u32) -> Option<ClaimRead> {
        require(cx, Self::NAMES, present, &[0, 2]);
        let flagged = cx.take_flagged();
        let Some(id) = self.id else {
            return Some(Err(None));
        };
        // Text warnings inside the claim name it, wherever its id stands in the object.
        for d in cx.diagnostics.iter_mut().skip(self.start) {
            if d.code == Code::UntrustedText {
                d.message
                    .insert_str(0, &format!("claim `{}`: ", crate::text::quote(&id)));
            }
        }
        // A citation of an unknown source, or a `sources` entry of the wrong kind, is an error
        // of its own: not also "cites no source".
        let miscited = cx.diagnostics.iter().skip(self.start).any(|d| {
            d.code == Code::UnknownSource
                || (d.is_error()
                    && d.pointer
                        .as_deref()
                        .is_some_and(|p| p.ends_with("/sources") || p.contains("/sources/")))
        });
        if self.sources.is_empty() && !miscited {
            cx.warn(
                Code::Unsourced,
                format!("claim `{}` cites no source", crate::text::quote(&id)),
                "at least one source id in `sources`",
            );
        }
        let Some(text) = self.text else {
            return Some(Err(Some(id)));
        };
        let claim = Claim {
            id,
            point: self.point,
            text,
            date: self.date,
            speaker: self.speaker,
            sources: self.sources,
            tags: self.tags,
            rebuts: self.rebuts,
            relations: self.relations,
            assessment: self.assessment.map(Box::new),
            flagged: flagged.into(),
        };
        repeated_relations(cx, &claim);
        Some(Ok(claim))
    }
}

/// Warns about each link of `claim` that repeats or contradicts an earlier one to the same
/// claim (see [`Claim::doubtful_links`]), at the repeat.
fn repeated_relations(cx: &mut Cx, claim: &Claim) {
    let doubtful = claim.doubtful_links();
    if doubtful.is_empty() {
        return;
    }
    let here = cx.here();
    let links: Vec<(RelationKind, &str)> = claim.links().collect();
    let rebuts = claim.rebuts.len();
    // How the file says the link: `rebuts` for a `rebuts` entry, else the relation's verb.
    let verb = |i: usize, kind: RelationKind| if i < rebuts { "rebuts" } else { kind.verb() };
    for (i, j) in doubtful {
        let (Some(&(kind, to)), Some(&(earlier, _))) = (links.get(i), links.get(j)) else {
            continue;
        };
        let pointer = match i.checked_sub(rebuts) {
            None => format!("{here}/rebuts/{i}"),
            Some(r) => format!("{here}/relations/{r}"),
        };
        let (now, before) = (verb(i, kind), verb(j, earlier));
        let message = if now == before {
            format!(
                "claim `{}` {now} `{}` twice",
                crate::text::quote(&claim.id),
                crate::text::quote(to)
            )
        } else {
            format!(
                "claim `{}` {now} `{}`, which it already {before}",
                crate::text::quote(&claim.id),
                crate::text::quote(to)
            )
        };
        let expected = if kind == earlier {
            "each link to a claim once (remove the repeat)"
        } else {
            "agrees or contradicts for one claim, not both (a `rebuts` entry contradicts)"
        };
        cx.report(
            Severity::Warning,
            Code::RepeatedRelation,
            &pointer,
            message,
            expected,
        );
    }
}

/// A claim's `relations` entry: `{"kind", "to"}`, a relation kind and another claim's id.
#[derive(Clone, Copy)]
struct RelationWant;

impl<'de> Want<'de> for RelationWant {
    type Out = Relation;
    fn expected(&self) -> Cow<'static, str> {
        "an object".into()
    }
    fn map<A: MapAccess<'de>>(self, cx: &mut Cx, map: A) -> Result<Option<Relation>, A::Error> {
        object(cx, map, RelationFields::default())
    }
}

#[derive(Default)]
struct RelationFields {
    kind: Option<RelationKind>,
    to: Option<CompactString>,
}

impl<'de> Fields<'de> for RelationFields {
    type Out = Relation;
    const NAMES: &'static [&'static str] = &["kind", "to"];
    fn field<D: Deserializer<'de>>(&mut self, cx: &mut Cx, i: usize, d: D) -> Result<(), D::Error> {
        match i {
            0 => {
                self.kind = pass::read(cx, d, Word::of("a relation kind"))?;
            }
            _ => self.to = pass::read(cx, d, Id)?,
        }
        Ok(())
    }
    fn finish(self, cx: &mut Cx, present: u32) -> Option<Relation> {
        require(cx, Self::NAMES, present, &[0, 1]);
        Some(Relation {
            kind: self.kind?,
            to: self.to?,
        })
    }
}

/// What an `unknown-source` message says before and after the source's id: written by
/// [`unknown_source`], read back by [`undeclared_source`] once every side is loaded.
const UNDECLARED: (&str, &str) = ("source `", "` is not declared in this file's `sources`");

/// The source id an `unknown-source` message names.
pub(super) fn undeclared_source(message: &str) -> Option<&str> {
    let (start, end) = UNDECLARED;
    Some(message.strip_prefix(start)?.split_once(end)?.0)
}

/// The `unknown-source` message of a source `id` that the side file `file` declares.
pub(super) fn declared_elsewhere(id: &str, file: &str) -> String {
    let (start, end) = UNDECLARED;
    format!(
        "{start}{id}{end}: it is one of {file}'s, and each side file lists its own sources; copy its entry into this file's `sources`"
    )
}

/// A claim or assessment names a source the file does not declare: said with the declared id it
/// most likely meant, while the file has few problems (a file citing thousands of undeclared
/// sources is not compared with its whole list for each).
fn unknown_source(cx: &mut Cx, index: &Index, id: &str, at: &str) {
    const GUESSES: usize = 100;
    let meant = (cx.diagnostics.len() < GUESSES)
        .then(|| {
            let ids: Vec<&str> = index.keys().map(CompactString::as_str).collect();
            crate::text::nearest_unique_name(&ids, id)
        })
        .flatten()
        .map(|n| format!(" (did you mean `{}`?)", crate::text::quote(n)))
        .unwrap_or_default();
    let (start, end) = UNDECLARED;
    cx.report(
        Severity::Error,
        Code::UnknownSource,
        at,
        format!("{start}{}{end}{meant}", crate::text::quote(id)),
        "the id of a source listed in this file",
    );
}

/// A claim's `sources`: each a source id, or `{"id", "quote", "locator"}`.
struct RefsWant<'i> {
    index: &'i Index,
}

impl<'de> Want<'de> for RefsWant<'_> {
    type Out = SourceRefs;
    fn expected(&self) -> Cow<'static, str> {
        "an array".into()
    }
    fn seq<A: SeqAccess<'de>>(self, cx: &mut Cx, seq: A) -> Result<Option<SourceRefs>, A::Error> {
        let mut list = RefList {
            index: self.index,
            out: SourceRefs::with_capacity(seq.size_hint().unwrap_or(0)),
        };
        pass::items(cx, seq, &mut list)?;
        list.out.shrink_to_fit();
        Ok(Some(list.out))
    }
}

struct RefList<'i> {
    index: &'i Index,
    out: SourceRefs,
}

impl<'de> Items<'de> for RefList<'_> {
    fn item<D: Deserializer<'de>>(&mut self, cx: &mut Cx, _: usize, d: D) -> Result<(), D::Error> {
        let Some((id, quote, locator, in_object)) = pass::read(cx, d, RefWant)? else {
            return Ok(());
        };
        match self.index.get(id.as_str()) {
            Some(&index) => self.out.push(SourceRef::new(id, quote, locator, index)),
            None => {
                let at = cx.here();
                let at = if in_object { format!("{at}/id") } else { at };
                unknown_source(cx, self.index, &id, &at);
            }
        }
        Ok(())
    }
}

/// One entry of a claim's `sources`: its id, quote and locator, and whether it was an object.
type RawRef = (CompactString, Option<Box<str>>, Option<Box<str>>, bool);

struct RefWant;

impl<'de> Want<'de> for RefWant {
    type Out = RawRef;
    fn expected(&self) -> Cow<'static, str> {
        "an id (a string)".into()
    }
    fn string(self, cx: &mut Cx, s: Cow<'de, str>) -> Option<RawRef> {
        cx.id(s).map(|id| (id, None, None, false))
    }
    fn map<A: MapAccess<'de>>(self, cx: &mut Cx, map: A) -> Result<Option<RawRef>, A::Error> {
        object(cx, map, RefFields::default())
    }
}

#[derive(Default)]
struct RefFields {
    id: Option<CompactString>,
    quote: Option<Box<str>>,
    locator: Option<Box<str>>,
}

impl<'de> Fields<'de> for RefFields {
    type Out = RawRef;
    const NAMES: &'static [&'static str] = &["id", "quote", "locator"];
    fn field<D: Deserializer<'de>>(&mut self, cx: &mut Cx, i: usize, d: D) -> Result<(), D::Error> {
        match i {
            0 => self.id = pass::read(cx, d, Id)?,
            1 => self.quote = pass::read(cx, d, OPTIONAL_TEXT)?.map(String::into_boxed_str),
            _ => self.locator = pass::read(cx, d, OPTIONAL_TEXT)?.map(String::into_boxed_str),
        }
        Ok(())
    }
    fn finish(self, cx: &mut Cx, present: u32) -> Option<RawRef> {
        require(cx, Self::NAMES, present, &[0]);
        Some((self.id?, self.quote, self.locator, true))
    }
}

struct AssessmentWant<'i> {
    index: &'i Index,
}

impl<'de> Want<'de> for AssessmentWant<'_> {
    type Out = Assessment;
    fn expected(&self) -> Cow<'static, str> {
        "an object".into()
    }
    fn map<A: MapAccess<'de>>(self, cx: &mut Cx, map: A) -> Result<Option<Assessment>, A::Error> {
        let fields = AssessmentFields {
            index: self.index,
            rating: None,
            note: None,
            by: None,
            sources: Vec::new(),
        };
        object(cx, map, fields)
    }
}

struct AssessmentFields<'i> {
    index: &'i Index,
    rating: Option<Rating>,
    note: Option<String>,
    by: Option<String>,
    sources: Vec<String>,
}

impl<'de> Fields<'de> for AssessmentFields<'_> {
    type Out = Assessment;
    const NAMES: &'static [&'static str] = &["rating", "note", "by", "sources"];
    fn field<D: Deserializer<'de>>(&mut self, cx: &mut Cx, i: usize, d: D) -> Result<(), D::Error> {
        match i {
            0 => {
                self.rating = pass::read(cx, d, Word::of("a rating"))?;
            }
            1 => self.note = pass::read(cx, d, OPTIONAL_TEXT)?,
            2 => self.by = pass::read(cx, d, OPTIONAL_LINE)?,
            _ => {
                let ids = pass::read(cx, d, List(Id))?.unwrap_or_default();
                self.sources = ids.into_iter().map(String::from).collect();
            }
        }
        Ok(())
    }
    fn finish(self, cx: &mut Cx, present: u32) -> Option<Assessment> {
        require(cx, Self::NAMES, present, &[0]);
        let mut indices = Vec::with_capacity(self.sources.len());
        let at = cx.here();
        for (i, id) in self.sources.iter().enumerate() {
            match self.index.get(id.as_str()) {
                Some(&index) => indices.push(index),
                None => unknown_source(cx, self.index, id, &format!("{at}/sources/{i}")),
            }
        }
        Some(Assessment {
            rating: self.rating?,
            note: self.note,
            by: self.by,
            sources: self.sources,
            indices,
        })
    }
}
