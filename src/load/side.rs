//! Reading a side file: a party's sources and claims, topic by topic.

use super::diagnostic::Code;
use super::walk::{Object, Ptr, Walker};
use crate::format::{
    Assessment, Claim, Party, Rating, Relation, RelationKind, Reliability, ReliabilityRating, Side,
    Source, SourceKind, SourceRef, Topic,
};
use serde_json::Value;
use std::collections::HashMap;

/// Reads a whole side file. The result is complete only when the walker recorded no error.
pub(super) fn read(w: &mut Walker, root: Value) -> Option<Side> {
    let at = Ptr::ROOT;
    let mut obj = w.object(root, at)?;
    w.format(&mut obj);
    let dispute = w.req_id(&mut obj, "dispute", at);
    let party = w
        .required(&mut obj, "party", at)
        .and_then(|v| party(w, v, at.key("party")));
    let sources = match w.field(&mut obj, "sources") {
        Some(v) => sources(w, v, at.key("sources")),
        None => Vec::new(),
    };
    let index: HashMap<&str, usize> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let topics = w
        .required(&mut obj, "topics", at)
        .map(|v| topics(w, v, at.key("topics"), &index))
        .unwrap_or_default();
    w.schema_reference(&mut obj, at);
    w.unknown_fields(obj, at);
    duplicate_claims(w, &topics);
    Some(Side {
        format: crate::format::FORMAT.to_owned(),
        dispute: dispute?,
        party: party?,
        sources,
        topics,
        file: w.file.to_owned(),
    })
}

fn party(w: &mut Walker, v: Value, at: Ptr) -> Option<Party> {
    let mut obj = w.object(v, at)?;
    let id = w.req_id(&mut obj, "id", at);
    let name = w.req_text(&mut obj, "name", at);
    let summary = w.opt_text(&mut obj, "summary", at);
    w.unknown_fields(obj, at);
    Some(Party {
        id: id?,
        name: name?,
        summary,
    })
}

fn sources(w: &mut Walker, v: Value, at: Ptr) -> Vec<Source> {
    let Some(items) = w.array(v, at) else {
        return Vec::new();
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let p = at.index(i);
        let Some(source) = w.object(item, p).and_then(|obj| source(w, obj, p)) else {
            continue;
        };
        if !w.first_use(
            &mut seen,
            &source.id,
            (i, p),
            at,
            "an id unique within the file",
        ) {
            continue;
        }
        out.push(source);
    }
    out
}

fn source(w: &mut Walker, mut obj: Object, at: Ptr) -> Option<Source> {
    let id = w.req_id(&mut obj, "id", at);
    let outlet = w.req_text(&mut obj, "outlet", at);
    let title = w.opt_text(&mut obj, "title", at);
    let date = w.opt_date(&mut obj, "date", at);
    let url = w
        .field(&mut obj, "url")
        .and_then(|v| url(w, v, at.key("url")));
    let author = w.opt_text(&mut obj, "author", at);
    let kind = w.field(&mut obj, "kind").and_then(|v| {
        w.word(
            v,
            at.key("kind"),
            "a source kind",
            SourceKind::parse,
            "official, news, opinion, fact-check, social, academic, other",
        )
    });
    let affiliation = w
        .field(&mut obj, "affiliation")
        .and_then(|v| w.id(v, at.key("affiliation")));
    let reliability = w
        .field(&mut obj, "reliability")
        .and_then(|v| reliability(w, v, at.key("reliability")));
    w.unknown_fields(obj, at);
    Some(Source {
        id: id?,
        outlet: outlet?,
        title,
        date,
        url,
        author,
        kind,
        affiliation,
        reliability,
    })
}

/// Reads a source's `reliability`: a rating and an optional note.
fn reliability(w: &mut Walker, v: Value, at: Ptr) -> Option<Reliability> {
    let mut obj = w.object(v, at)?;
    let rating = w.required(&mut obj, "rating", at).and_then(|v| {
        w.word(
            v,
            at.key("rating"),
            "a reliability rating",
            ReliabilityRating::parse,
            "high, mixed, low, partisan, unknown",
        )
    });
    let note = w.opt_text(&mut obj, "note", at);
    w.unknown_fields(obj, at);
    Some(Reliability {
        rating: rating?,
        note,
    })
}

/// True for an absolute http or https url with something after the scheme; every other
/// scheme (`javascript:`, `data:`, `file:`) is rejected at load and never becomes a link.
pub fn is_web_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        s.get(8..)
    } else if lower.starts_with("http://") {
        s.get(7..)
    } else {
        None
    };
    rest.is_some_and(|r| !r.is_empty() && !r.chars().any(|c| c.is_whitespace() || c.is_control()))
}

fn url(w: &mut Walker, v: Value, at: Ptr) -> Option<String> {
    let s = w.string(v, at, "a url (a string)")?;
    if is_web_url(&s) {
        let escaped = crate::text::escape_url(&s);
        if !escaped.flagged.is_empty() {
            let points: Vec<String> = escaped
                .flagged
                .iter()
                .map(|&c| crate::text::code_point(c))
                .collect();
            w.warn(
                Code::UntrustedText,
                at,
                format!(
                    "url holds bidirectional or invisible characters ({}); they are percent-encoded: {}",
                    points.join(", "),
                    escaped.text
                ),
                "a url of visible characters",
            );
        }
        Some(escaped.text)
    } else {
        let shown = crate::text::quote(&s);
        w.error(
            Code::BadUrl,
            at,
            format!("\"{shown}\" is not an http or https url"),
            "an address starting with http:// or https://",
        );
        None
    }
}

fn topics(w: &mut Walker, v: Value, at: Ptr, sources: &HashMap<&str, usize>) -> Vec<Topic> {
    let Some(items) = w.array(v, at) else {
        return Vec::new();
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let p = at.index(i);
        let Some(mut obj) = w.object(item, p) else {
            continue;
        };
        let id = w.req_id(&mut obj, "id", p);
        let title = w.req_text(&mut obj, "title", p);
        let claims = match w.required(&mut obj, "claims", p) {
            Some(v) => claims(w, v, p.key("claims"), sources),
            None => Vec::new(),
        };
        w.unknown_fields(obj, p);
        let (Some(id), Some(title)) = (id, title) else {
            continue;
        };
        let expected = "an id unique within the file (put all of a topic's claims under one entry)";
        if !w.first_use(&mut seen, &id, (i, p), at, expected) {
            continue;
        }
        out.push(Topic { id, title, claims });
    }
    out
}

/// Reports claim ids used twice in the file; done after the walk, borrowing the ids.
fn duplicate_claims(w: &mut Walker, topics: &[Topic]) {
    use std::collections::hash_map::Entry;
    let mut seen: HashMap<&str, (usize, usize)> = HashMap::new();
    for (t, topic) in topics.iter().enumerate() {
        for (c, claim) in topic.claims.iter().enumerate() {
            match seen.entry(&claim.id) {
                Entry::Vacant(slot) => {
                    slot.insert((t, c));
                }
                Entry::Occupied(first) => {
                    let (ft, fc) = *first.get();
                    let root = Ptr::ROOT;
                    let all = root.key("topics");
                    let topic_at = all.index(t);
                    let claims_at = topic_at.key("claims");
                    let claim_at = claims_at.index(c);
                    w.error(
                        Code::DuplicateId,
                        claim_at.key("id"),
                        format!(
                            "claim id `{}` is already used by /topics/{ft}/claims/{fc}",
                            claim.id
                        ),
                        "a claim id unique across every side",
                    );
                }
            }
        }
    }
}

fn claims(w: &mut Walker, v: Value, at: Ptr, sources: &HashMap<&str, usize>) -> Vec<Claim> {
    let Some(items) = w.array(v, at) else {
        return Vec::new();
    };
    items
        .into_iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let p = at.index(i);
            w.object(item, p).and_then(|obj| claim(w, obj, p, sources))
        })
        .collect()
}

fn claim(
    w: &mut Walker,
    mut obj: Object,
    at: Ptr,
    sources: &HashMap<&str, usize>,
) -> Option<Claim> {
    let id = w.req_id(&mut obj, "id", at);
    w.claim = id.clone();
    w.take_flagged();
    let point = w
        .field(&mut obj, "point")
        .and_then(|v| w.id(v, at.key("point")));
    let text = w.req_text(&mut obj, "text", at);
    let date = w.opt_date(&mut obj, "date", at);
    let speaker = w.opt_text(&mut obj, "speaker", at);
    let refs = match w.field(&mut obj, "sources") {
        Some(v) => source_refs(w, v, at.key("sources"), sources),
        None => Vec::new(),
    };
    let tags = match w.field(&mut obj, "tags") {
        Some(v) => w.ids(v, at.key("tags")),
        None => Vec::new(),
    };
    let rebuts = match w.field(&mut obj, "rebuts") {
        Some(v) => w.ids(v, at.key("rebuts")),
        None => Vec::new(),
    };
    let relations = match w.field(&mut obj, "relations") {
        Some(v) => relations(w, v, at.key("relations")),
        None => Vec::new(),
    };
    let assessment = w
        .field(&mut obj, "assessment")
        .and_then(|v| assessment(w, v, at.key("assessment"), sources));
    w.unknown_fields(obj, at);
    let flagged = w.take_flagged();
    w.claim = None;
    let id = id?;
    if refs.is_empty() {
        w.warn(
            Code::Unsourced,
            at,
            format!("claim `{id}` cites no source"),
            "at least one source id in `sources`",
        );
    }
    Some(Claim {
        id,
        point,
        text: text?,
        date,
        speaker,
        sources: refs,
        tags,
        rebuts,
        relations,
        assessment,
        flagged,
    })
}

/// A claim's `relations`: each `{"kind", "to"}`, a relation kind and another claim's id.
fn relations(w: &mut Walker, v: Value, at: Ptr) -> Vec<Relation> {
    let Some(items) = w.array(v, at) else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let p = at.index(i);
        let Some(mut obj) = w.object(item, p) else {
            continue;
        };
        let kind = w.required(&mut obj, "kind", p).and_then(|v| {
            w.word(
                v,
                p.key("kind"),
                "a relation kind",
                RelationKind::parse,
                "contradicts, reframes, concedes, agrees",
            )
        });
        let to = w.req_id(&mut obj, "to", p);
        w.unknown_fields(obj, p);
        if let (Some(kind), Some(to)) = (kind, to) {
            out.push(Relation { kind, to });
        }
    }
    out
}

fn unknown_source(w: &mut Walker, id: &str, at: Ptr) {
    w.error(
        Code::UnknownSource,
        at,
        format!("source `{id}` is not declared in this file's `sources`"),
        "the id of a source listed in this file",
    );
}

fn source_refs(
    w: &mut Walker,
    v: Value,
    at: Ptr,
    sources: &HashMap<&str, usize>,
) -> Vec<SourceRef> {
    let Some(items) = w.array(v, at) else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let ip = at.index(i);
        let (id, quote, locator, in_object) = match item {
            Value::Object(mut obj) => {
                let id = w.req_id(&mut obj, "id", ip);
                let quote = w.opt_text(&mut obj, "quote", ip);
                let locator = w.opt_text(&mut obj, "locator", ip);
                w.unknown_fields(obj, ip);
                (id, quote, locator, true)
            }
            other => (w.id(other, ip), None, None, false),
        };
        let Some(id) = id else { continue };
        match sources.get(id.as_str()) {
            Some(&index) => out.push(SourceRef {
                id,
                quote,
                locator,
                index,
            }),
            None if in_object => unknown_source(w, &id, ip.key("id")),
            None => unknown_source(w, &id, ip),
        }
    }
    out
}

fn assessment(
    w: &mut Walker,
    v: Value,
    at: Ptr,
    sources: &HashMap<&str, usize>,
) -> Option<Assessment> {
    let mut obj = w.object(v, at)?;
    let rating = w.required(&mut obj, "rating", at).and_then(|v| {
        w.word(
            v,
            at.key("rating"),
            "a rating",
            Rating::parse,
            "unverified, corroborated, disputed, refuted, retracted",
        )
    });
    let note = w.opt_text(&mut obj, "note", at);
    let by = w.opt_text(&mut obj, "by", at);
    let sp = at.key("sources");
    let ids = match w.field(&mut obj, "sources") {
        Some(v) => w.ids(v, sp),
        None => Vec::new(),
    };
    let mut indices = Vec::with_capacity(ids.len());
    for (i, id) in ids.iter().enumerate() {
        match sources.get(id.as_str()) {
            Some(&index) => indices.push(index),
            None => unknown_source(w, id, sp.index(i)),
        }
    }
    w.unknown_fields(obj, at);
    Some(Assessment {
        rating: rating?,
        note,
        by,
        sources: ids,
        indices,
    })
}
