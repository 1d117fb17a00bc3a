//! Reading a side file: a party's sources and claims, topic by topic.

use super::diagnostic::Code;
use super::walk::{Object, Walker, child};
use crate::format::{Assessment, Claim, Party, Rating, Side, Source, SourceKind, SourceRef, Topic};
use serde_json::Value;
use std::collections::HashMap;

/// Reads a whole side file. The result is complete only when the walker recorded no error.
pub(super) fn read(w: &mut Walker, root: Value) -> Option<Side> {
    let mut obj = w.object(root, "")?;
    w.format(&mut obj);
    let dispute = w.req_id(&mut obj, "dispute", "");
    let party = w.required(&mut obj, "party", "").and_then(|v| party(w, v));
    let sources = match w.field(&mut obj, "sources") {
        Some(v) => sources(w, v),
        None => Vec::new(),
    };
    let index: HashMap<&str, usize> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let topics = w
        .required(&mut obj, "topics", "")
        .map(|v| topics(w, v, &index))
        .unwrap_or_default();
    w.unknown_fields(obj, "");
    Some(Side {
        format: crate::format::FORMAT.to_owned(),
        dispute: dispute?,
        party: party?,
        sources,
        topics,
        file: w.file.to_owned(),
    })
}

fn party(w: &mut Walker, v: Value) -> Option<Party> {
    let p = "/party";
    let mut obj = w.object(v, p)?;
    let id = w.req_id(&mut obj, "id", p);
    let name = w.req_text(&mut obj, "name", p);
    let summary = w.opt_text(&mut obj, "summary", p);
    w.unknown_fields(obj, p);
    Some(Party {
        id: id?,
        name: name?,
        summary,
    })
}

fn sources(w: &mut Walker, v: Value) -> Vec<Source> {
    let Some(items) = w.array(v, "/sources") else {
        return Vec::new();
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let p = format!("/sources/{i}");
        let Some(source) = w.object(item, &p).and_then(|obj| source(w, obj, &p)) else {
            continue;
        };
        if let Some(first) = seen.insert(source.id.clone(), i) {
            w.error(
                Code::DuplicateId,
                &format!("{p}/id"),
                format!(
                    "source id `{}` is already used by /sources/{first}",
                    source.id
                ),
                "an id unique within the file",
            );
            continue;
        }
        out.push(source);
    }
    out
}

fn source(w: &mut Walker, mut obj: Object, p: &str) -> Option<Source> {
    let id = w.req_id(&mut obj, "id", p);
    let outlet = w.req_text(&mut obj, "outlet", p);
    let title = w.opt_text(&mut obj, "title", p);
    let date = w.opt_date(&mut obj, "date", p);
    let url = w
        .field(&mut obj, "url")
        .and_then(|v| url(w, v, &child(p, "url")));
    let author = w.opt_text(&mut obj, "author", p);
    let kind = w.field(&mut obj, "kind").and_then(|v| {
        let kp = child(p, "kind");
        let s = w.string(v, &kp, "a source kind (a string)")?;
        let kind = SourceKind::parse(&s);
        if kind.is_none() {
            let shown = crate::text::clean(&s).text;
            w.error(
                Code::BadValue,
                &kp,
                format!("\"{shown}\" is not a source kind"),
                "one of official, news, opinion, fact-check, social, academic, other",
            );
        }
        kind
    });
    let affiliation = w
        .field(&mut obj, "affiliation")
        .and_then(|v| w.id(v, &child(p, "affiliation")));
    w.unknown_fields(obj, p);
    Some(Source {
        id: id?,
        outlet: outlet?,
        title,
        date,
        url,
        author,
        kind,
        affiliation,
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

fn url(w: &mut Walker, v: Value, p: &str) -> Option<String> {
    let s = w.string(v, p, "a url (a string)")?;
    if is_web_url(&s) {
        Some(s)
    } else {
        let shown = crate::text::clean(&s).text;
        w.error(
            Code::BadUrl,
            p,
            format!("\"{shown}\" is not an http or https url"),
            "an address starting with http:// or https://",
        );
        None
    }
}

fn topics(w: &mut Walker, v: Value, sources: &HashMap<&str, usize>) -> Vec<Topic> {
    let Some(items) = w.array(v, "/topics") else {
        return Vec::new();
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut claim_ids: HashMap<String, String> = HashMap::new();
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let p = format!("/topics/{i}");
        let Some(mut obj) = w.object(item, &p) else {
            continue;
        };
        let id = w.req_id(&mut obj, "id", &p);
        let title = w.req_text(&mut obj, "title", &p);
        let claims = match w.required(&mut obj, "claims", &p) {
            Some(v) => claims(w, v, &p, sources, &mut claim_ids),
            None => Vec::new(),
        };
        w.unknown_fields(obj, &p);
        let (Some(id), Some(title)) = (id, title) else {
            continue;
        };
        if let Some(first) = seen.insert(id.clone(), i) {
            w.error(
                Code::DuplicateId,
                &format!("{p}/id"),
                format!("topic id `{id}` is already used by /topics/{first}"),
                "an id unique within the file (put all of a topic's claims under one entry)",
            );
            continue;
        }
        out.push(Topic { id, title, claims });
    }
    out
}

fn claims(
    w: &mut Walker,
    v: Value,
    topic: &str,
    sources: &HashMap<&str, usize>,
    seen: &mut HashMap<String, String>,
) -> Vec<Claim> {
    let cp = format!("{topic}/claims");
    let Some(items) = w.array(v, &cp) else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let p = format!("{cp}/{i}");
        let Some(claim) = w
            .object(item, &p)
            .and_then(|obj| claim(w, obj, &p, sources))
        else {
            continue;
        };
        if let Some(first) = seen.get(&claim.id) {
            w.error(
                Code::DuplicateId,
                &format!("{p}/id"),
                format!("claim id `{}` is already used by {first}", claim.id),
                "a claim id unique across every side",
            );
            continue;
        }
        seen.insert(claim.id.clone(), p);
        out.push(claim);
    }
    out
}

fn claim(
    w: &mut Walker,
    mut obj: Object,
    p: &str,
    sources: &HashMap<&str, usize>,
) -> Option<Claim> {
    let id = w.req_id(&mut obj, "id", p);
    w.claim = id.clone();
    w.take_flagged();
    let point = w
        .field(&mut obj, "point")
        .and_then(|v| w.id(v, &child(p, "point")));
    let text = w.req_text(&mut obj, "text", p);
    let date = w.opt_date(&mut obj, "date", p);
    let speaker = w.opt_text(&mut obj, "speaker", p);
    let refs = match w.field(&mut obj, "sources") {
        Some(v) => source_refs(w, v, &child(p, "sources"), sources),
        None => Vec::new(),
    };
    let tags = match w.field(&mut obj, "tags") {
        Some(v) => w.ids(v, &child(p, "tags")),
        None => Vec::new(),
    };
    let rebuts = match w.field(&mut obj, "rebuts") {
        Some(v) => w.ids(v, &child(p, "rebuts")),
        None => Vec::new(),
    };
    let assessment = w
        .field(&mut obj, "assessment")
        .and_then(|v| assessment(w, v, &child(p, "assessment"), sources));
    w.unknown_fields(obj, p);
    let flagged = w.take_flagged();
    w.claim = None;
    let id = id?;
    if refs.is_empty() {
        w.warn(
            Code::Unsourced,
            p,
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
        assessment,
        flagged,
    })
}

fn unknown_source(w: &mut Walker, id: &str, p: &str) {
    w.error(
        Code::UnknownSource,
        p,
        format!("source `{id}` is not declared in this file's `sources`"),
        "the id of a source listed in this file",
    );
}

fn source_refs(
    w: &mut Walker,
    v: Value,
    p: &str,
    sources: &HashMap<&str, usize>,
) -> Vec<SourceRef> {
    let Some(items) = w.array(v, p) else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let ip = child(p, &i.to_string());
        let (id, quote, locator, id_pointer) = match item {
            Value::Object(mut obj) => {
                let id = w.req_id(&mut obj, "id", &ip);
                let quote = w.opt_text(&mut obj, "quote", &ip);
                let locator = w.opt_text(&mut obj, "locator", &ip);
                w.unknown_fields(obj, &ip);
                (id, quote, locator, child(&ip, "id"))
            }
            other => (w.id(other, &ip), None, None, ip.clone()),
        };
        let Some(id) = id else { continue };
        match sources.get(id.as_str()) {
            Some(&index) => out.push(SourceRef {
                id,
                quote,
                locator,
                index,
            }),
            None => unknown_source(w, &id, &id_pointer),
        }
    }
    out
}

fn assessment(
    w: &mut Walker,
    v: Value,
    p: &str,
    sources: &HashMap<&str, usize>,
) -> Option<Assessment> {
    let mut obj = w.object(v, p)?;
    let rating = w.required(&mut obj, "rating", p).and_then(|v| {
        let rp = child(p, "rating");
        let s = w.string(v, &rp, "a rating (a string)")?;
        let rating = Rating::parse(&s);
        if rating.is_none() {
            let shown = crate::text::clean(&s).text;
            w.error(
                Code::BadValue,
                &rp,
                format!("\"{shown}\" is not a rating"),
                "one of unverified, corroborated, disputed, refuted, retracted",
            );
        }
        rating
    });
    let note = w.opt_text(&mut obj, "note", p);
    let ids = match w.field(&mut obj, "sources") {
        Some(v) => w.ids(v, &child(p, "sources")),
        None => Vec::new(),
    };
    for (i, id) in ids.iter().enumerate() {
        if !sources.contains_key(id.as_str()) {
            unknown_source(w, id, &format!("{p}/sources/{i}"));
        }
    }
    w.unknown_fields(obj, p);
    Some(Assessment {
        rating: rating?,
        note,
        sources: ids,
    })
}
