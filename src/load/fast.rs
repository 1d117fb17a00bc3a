//! The fast path for side files: a typed serde parse and a yes-or-no check of every rule.
//!
//! Most files are clean, and for them building a `serde_json::Value` first and walking it costs
//! several times the parse itself. So a side file is first parsed straight into typed structs and
//! checked with the same predicates the walker uses. Anything unusual (an unknown field, a wrong
//! type, a bad id, text that needs cleaning, an unsourced claim) makes this path give up, and the
//! walker (`side.rs`) reads the file again to report every problem with its place. The two paths
//! build identical sides for clean files; a unit test below holds them to that.

use crate::format::{
    self, Assessment, Claim, Date, Party, Rating, Relation, RelationKind, Reliability,
    ReliabilityRating, Side, Source, SourceKind, SourceRef, Topic,
};
use crate::text;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use std::collections::{HashMap, HashSet};
use std::fmt;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSide {
    /// The JSON Schema editors check the file against; not used here.
    #[serde(rename = "$schema")]
    _schema: Option<String>,
    format: String,
    dispute: String,
    party: RawParty,
    #[serde(default)]
    sources: Vec<RawSource>,
    topics: Vec<RawTopic>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawParty {
    id: String,
    name: String,
    summary: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: String,
    outlet: String,
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
    author: Option<String>,
    kind: Option<SourceKind>,
    affiliation: Option<String>,
    reliability: Option<RawReliability>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReliability {
    rating: ReliabilityRating,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopic {
    id: String,
    title: String,
    claims: Vec<RawClaim>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClaim {
    id: String,
    point: Option<String>,
    text: String,
    date: Option<String>,
    speaker: Option<String>,
    #[serde(default)]
    sources: Vec<RawRef>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    rebuts: Vec<String>,
    #[serde(default)]
    relations: Vec<RawRelation>,
    assessment: Option<RawAssessment>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRelation {
    kind: RelationKind,
    to: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAssessment {
    rating: Rating,
    note: Option<String>,
    by: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
}

/// A source reference: a bare id or `{"id", "quote", "locator"}`.
struct RawRef {
    id: String,
    quote: Option<String>,
    locator: Option<String>,
}

impl<'de> Deserialize<'de> for RawRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct RefVisitor;
        impl<'de> Visitor<'de> for RefVisitor {
            type Value = RawRef;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a source id or an object with an id")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawRef, E> {
                Ok(RawRef {
                    id: v.to_owned(),
                    quote: None,
                    locator: None,
                })
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<RawRef, E> {
                Ok(RawRef {
                    id: v,
                    quote: None,
                    locator: None,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawRef, A::Error> {
                let (mut id, mut quote, mut locator) = (None, None, None);
                let mut seen = [false; 3];
                while let Some(key) = map.next_key::<String>()? {
                    let slot = ["id", "quote", "locator"].iter().position(|k| *k == key);
                    if let Some(s) = slot.and_then(|i| seen.get_mut(i)) {
                        if *s {
                            return Err(de::Error::duplicate_field("a repeated key"));
                        }
                        *s = true;
                    }
                    match key.as_str() {
                        "id" => id = Some(map.next_value::<String>()?),
                        "quote" => quote = map.next_value::<Option<String>>()?,
                        "locator" => locator = map.next_value::<Option<String>>()?,
                        other => {
                            return Err(de::Error::unknown_field(
                                other,
                                &["id", "quote", "locator"],
                            ));
                        }
                    }
                }
                let id = id.ok_or_else(|| de::Error::missing_field("id"))?;
                Ok(RawRef { id, quote, locator })
            }
        }
        d.deserialize_any(RefVisitor)
    }
}

/// Reads a clean side file, or `None` when anything needs the walker's full report.
pub(super) fn read(text: &str, file: &str) -> Option<Side> {
    let raw: RawSide = serde_json::from_str(text).ok()?;
    convert(raw, file)
}

fn id(s: String) -> Option<String> {
    format::is_id(&s).then_some(s)
}

/// Text that needs no cleaning; `required` texts must also say something.
fn plain(s: String, required: bool) -> Option<String> {
    let ok = text::clean_owned(s);
    if !ok.flagged.is_empty() || (required && ok.text.trim().is_empty()) {
        return None;
    }
    Some(ok.text)
}

fn opt_plain(s: Option<String>) -> Option<Option<String>> {
    match s {
        Some(s) => plain(s, false).map(Some),
        None => Some(None),
    }
}

fn opt_date(s: Option<String>) -> Option<Option<Date>> {
    match s {
        Some(s) => s.parse().ok().map(Some),
        None => Some(None),
    }
}

fn ids(v: Vec<String>) -> Option<Vec<String>> {
    v.into_iter().map(id).collect()
}

fn convert(raw: RawSide, file: &str) -> Option<Side> {
    if raw.format != format::FORMAT {
        return None;
    }
    let party = Party {
        id: id(raw.party.id)?,
        name: plain(raw.party.name, true)?,
        summary: opt_plain(raw.party.summary)?,
    };
    let mut sources = Vec::with_capacity(raw.sources.len());
    for s in raw.sources {
        let url = match s.url {
            // A url holding hidden characters takes the slow path, which warns.
            Some(u) if crate::load::is_web_url(&u) && !u.chars().any(text::is_hidden) => Some(u),
            Some(_) => return None,
            None => None,
        };
        sources.push(Source {
            id: id(s.id)?,
            outlet: plain(s.outlet, true)?,
            title: opt_plain(s.title)?,
            date: opt_date(s.date)?,
            url,
            author: opt_plain(s.author)?,
            kind: s.kind,
            affiliation: s.affiliation.map(id).map_or(Some(None), |a| a.map(Some))?,
            reliability: match s.reliability {
                Some(r) => Some(Reliability {
                    rating: r.rating,
                    note: opt_plain(r.note)?,
                }),
                None => None,
            },
        });
    }
    let index: HashMap<&str, usize> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    if index.len() != sources.len() {
        return None;
    }
    let mut topic_ids: HashSet<String> = HashSet::new();
    let mut topics = Vec::with_capacity(raw.topics.len());
    for t in raw.topics {
        let tid = id(t.id)?;
        if !topic_ids.insert(tid.clone()) {
            return None;
        }
        let mut claims = Vec::with_capacity(t.claims.len());
        for c in t.claims {
            if c.sources.is_empty() {
                return None;
            }
            let mut refs = Vec::with_capacity(c.sources.len());
            for r in c.sources {
                let index = *index.get(r.id.as_str())?;
                refs.push(SourceRef {
                    id: id(r.id)?,
                    quote: opt_plain(r.quote)?,
                    locator: opt_plain(r.locator)?,
                    index,
                });
            }
            let assessment = match c.assessment {
                Some(a) => {
                    let sources = ids(a.sources)?;
                    let indices = sources
                        .iter()
                        .map(|s| index.get(s.as_str()).copied())
                        .collect::<Option<Vec<usize>>>()?;
                    Some(Assessment {
                        rating: a.rating,
                        note: opt_plain(a.note)?,
                        by: opt_plain(a.by)?,
                        sources,
                        indices,
                    })
                }
                None => None,
            };
            claims.push(Claim {
                id: id(c.id)?,
                point: c.point.map(id).map_or(Some(None), |p| p.map(Some))?,
                text: plain(c.text, true)?,
                date: opt_date(c.date)?,
                speaker: opt_plain(c.speaker)?,
                sources: refs,
                tags: ids(c.tags)?,
                rebuts: ids(c.rebuts)?,
                relations: c
                    .relations
                    .into_iter()
                    .map(|r| id(r.to).map(|to| Relation { kind: r.kind, to }))
                    .collect::<Option<_>>()?,
                assessment,
                flagged: Vec::new(),
            });
        }
        topics.push(Topic {
            id: tid,
            title: plain(t.title, true)?,
            claims,
        });
    }
    let mut claim_ids: HashSet<&str> = HashSet::new();
    for c in topics.iter().flat_map(|t| &t.claims) {
        if !claim_ids.insert(&c.id) {
            return None;
        }
    }
    drop(claim_ids);
    Some(Side {
        format: format::FORMAT.to_owned(),
        dispute: id(raw.dispute)?,
        party,
        sources,
        topics,
        file: file.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::walk::Walker;

    fn slow(text: &str) -> Option<Side> {
        let mut w = Walker::new("f.json");
        let value = serde_json::from_str(text).ok()?;
        let side = crate::load::side::read(&mut w, value);
        side.filter(|_| w.diagnostics.is_empty())
    }

    #[test]
    fn fast_and_walker_paths_agree_on_clean_files() {
        for text in [
            include_str!("../../narratives/india-pakistan-2025/india.json"),
            include_str!("../../narratives/india-pakistan-2025/pakistan.json"),
            include_str!("../../narratives/india-pakistan-2025/third-parties.json"),
            include_str!("../../tests/fixtures/reliability/north.json"),
            include_str!("../../tests/fixtures/reliability/south.json"),
            include_str!("../../tests/fixtures/relations/east.json"),
            include_str!("../../tests/fixtures/relations/west.json"),
        ] {
            let fast = read(text, "f.json");
            assert!(fast.is_some(), "a clean file takes the fast path");
            assert_eq!(fast, slow(text));
        }
    }

    #[test]
    fn anything_unusual_falls_back_to_the_walker() {
        let good = include_str!("../../tests/fixtures/load/red.json");
        assert!(read(good, "f").is_some());
        for (from, to) in [
            ("\"Red says one.\"", "\"Red \\u202e says\""),
            ("\"Red says one.\"", "\"  \""),
            ("\"point\": \"p1\"", "\"point\": \"P1\""),
            ("\"point\": \"p1\"", "\"mood\": \"p1\""),
            ("\"2025-05-01\"", "\"2025-02-30\""),
            ("\"https://example.org/a\"", "\"javascript:x\""),
            ("\"s1\"\n", "\"s2\"\n"),
            (
                "\"point\": \"p1\"",
                "\"relations\": [{\"kind\": \"likes\", \"to\": \"b1\"}]",
            ),
            (
                "\"point\": \"p1\"",
                "\"relations\": [{\"kind\": \"agrees\", \"to\": \"B1\"}]",
            ),
        ] {
            let bad = good.replacen(from, to, 1);
            assert_ne!(bad, good, "{from}");
            assert!(read(&bad, "f").is_none(), "{to} must fall back");
        }
    }
}
