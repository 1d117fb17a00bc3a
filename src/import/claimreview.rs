//! schema.org ClaimReview, both ways. `parallax import claimreview` reads JSON-LD (one review, a
//! list, an `@graph`) and the JSON of the Google Fact Check Tools API (`claims[]` with
//! `claimReview[]`) into claims table records; `parallax export --format claimreview` writes one
//! ClaimReview per assessed claim. The rating words map by [`rating_of`]'s table (documented in
//! the README); the review's own wording is kept in the assessment's note, unless it is the
//! rating's own name. What the export writes (claim and source ids, notes, sources with their
//! outlets and titles, the party behind a speaker), the import reads back.

use super::record::{Col, Record};
use super::{Builder, Problem, claim_id};
use crate::create::make_id;
use crate::format::verdicts::rating_of;
use crate::format::{Dispute, Rating, is_id};
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};

/// The rating of a number on a scale, read as fact-checkers' 1 (false) to 5 (true) is: below a
/// quarter refuted, from three quarters corroborated, between them disputed (2 is "mostly
/// false", 3 "half true"). A number is a verdict, so never `unverified`; the export writes none
/// for it.
fn rating_of_number(value: f64, worst: f64, best: f64) -> Option<Rating> {
    // A value off its own scale (9 of 1 to 5) says nothing that can be read.
    if !(best - worst).is_normal() || value < worst.min(best) || value > worst.max(best) {
        return None;
    }
    let at = (value - worst) / (best - worst);
    Some(if at < 0.25 {
        Rating::Refuted
    } else if at >= 0.75 {
        Rating::Corroborated
    } else {
        Rating::Disputed
    })
}

/// Why a number on a scale reads as no verdict ([`rating_of_number`] gave none): a scale of one
/// point (`-1` to `-1`) is no scale, else the value is off it (`9` of `1` to `5`).
fn unread(worst: f64, best: f64) -> &'static str {
    if (best - worst).is_normal() {
        "lies off its own scale (`worstRating` to `bestRating`)"
    } else {
        "is on a scale of one point, which says neither true nor false (`worstRating` and `bestRating` are the same)"
    }
}

/// Whether two verdicts are at opposite ends (refuted and corroborated): a word and a number
/// merely a step apart (`Mostly False` with 2 of 1 to 6) are scales drawn differently.
fn opposite(a: Rating, b: Rating) -> bool {
    matches!(
        (a, b),
        (Rating::Refuted, Rating::Corroborated) | (Rating::Corroborated, Rating::Refuted)
    )
}

/// A string field, or the `name` of an object field, or the first of a list that is one of
/// these (a `null` or an empty text before it is passed over).
fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => text(o.get("name")),
        Value::Array(a) => a.iter().find_map(|v| text(Some(v))),
        _ => None,
    }
}

/// A review's `keywords`: a text of comma-separated keywords, or a list of texts or
/// `DefinedTerm`s (their `name`), each trimmed; empty ones are dropped.
fn keywords(v: Option<&Value>) -> Vec<String> {
    let one = |v: &Value| -> Vec<String> {
        match v {
            Value::String(s) => s
                .split(',')
                .map(str::trim)
                .filter(|k| !k.is_empty())
                .map(str::to_owned)
                .collect(),
            other => text(Some(other)).into_iter().collect(),
        }
    };
    match v {
        Some(Value::Array(all)) => all.iter().flat_map(one).collect(),
        Some(v) => one(v),
        None => Vec::new(),
    }
}

/// The date part of an ISO date or date-time (`2025-05-10T00:00:00Z` gives `2025-05-10`).
fn day(v: Option<&Value>) -> Option<String> {
    Some(super::day_of(text(v)?.trim()).to_owned())
}

/// A date property's day (a date-time is read as its day), or none when it holds no date: then
/// a problem at `at` names the property `key`, once, where it is (not at each record it would
/// reach: a claim's `claimDate` reaches every review of it).
fn dated(
    v: Option<&Value>,
    key: &str,
    at: &str,
    problem: &mut impl FnMut(&str, String),
) -> Option<String> {
    let given = text(v)?;
    match super::read_date(&given, &format!("`{key}`")) {
        Ok(_) => day(v),
        Err(why) => {
            problem(at, why);
            None
        }
    }
}

/// A work a review names: where the claim appeared (`appearance`, `firstAppearance`) or what
/// the review cites (`citation`). Each becomes a source.
#[derive(Debug, Default)]
struct Work {
    /// Its `identifier`: the source's id, as the export writes it.
    id: Option<String>,
    url: Option<String>,
    /// Its `headline` (or `name`): the source's title.
    title: Option<String>,
    /// Its `publisher`'s name: the source's outlet.
    outlet: Option<String>,
    /// Its `author`'s name (the first, of a list): the source's author.
    author: Option<String>,
    date: Option<String>,
}

/// The works of `appearance` / `firstAppearance` / `citation`: a url, a CreativeWork, or a list
/// of them.
fn works(v: Option<&Value>, out: &mut Vec<Work>) {
    match v {
        Some(Value::String(s)) if !s.trim().is_empty() => out.push(Work {
            url: Some(s.trim().to_owned()),
            ..Work::default()
        }),
        Some(Value::Object(o)) => out.push(Work {
            id: text(o.get("identifier")),
            url: text(o.get("url")),
            title: text(o.get("headline")).or_else(|| text(o.get("name"))),
            outlet: text(o.get("publisher")),
            author: text(o.get("author")),
            // One that is no date is said where it is ([`dated`]), and left out.
            date: day(o.get("datePublished")).filter(|d| d.parse::<crate::format::Date>().is_ok()),
        }),
        Some(Value::Array(a)) => a.iter().for_each(|x| works(Some(x), out)),
        _ => {}
    }
}

/// A work as a source of the record: its id, url, title, outlet, author and date.
fn work_cells(r: &mut Record, w: &Work) {
    r.set(Col::SourceAuthor, w.author.as_deref().unwrap_or(""));
    r.set(Col::SourceId, w.id.as_deref().unwrap_or(""));
    r.set(Col::SourceUrl, w.url.as_deref().unwrap_or(""));
    r.set(Col::SourceTitle, w.title.as_deref().unwrap_or(""));
    r.set(Col::SourceOutlet, w.outlet.as_deref().unwrap_or(""));
    r.set(Col::SourceDate, w.date.as_deref().unwrap_or(""));
}

/// A url as a valid one: the characters a url may not hold as they are (a space, `"`, `<`, `>`,
/// `\`, `^`, `` ` ``, `{`, `|`, `}`), which a side file's url may, percent-encoded. Validators
/// of structured data reject the url otherwise; a browser reads both the same.
fn valid_url(u: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| c.is_ascii_control() || " \"<>\\^`{|}".contains(c);
    if !u.contains(bad) {
        return std::borrow::Cow::Borrowed(u);
    }
    let mut out = String::with_capacity(u.len() + 8);
    for c in u.chars() {
        if bad(c) {
            crate::text::push_percent_encoded(&mut out, c);
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A source as a CreativeWork (an appearance of a claim, a citation of a review): its id, url,
/// title, outlet, author (a `Person`) and date, each only when it has one.
fn work(s: &crate::format::Source) -> Value {
    let mut w = json!({"@type": "CreativeWork", "identifier": s.id});
    if let Some(u) = &s.url {
        w["url"] = json!(valid_url(u));
    }
    if let Some(t) = &s.title {
        w["headline"] = json!(t);
    }
    w["publisher"] = json!({"@type": "Organization", "name": s.outlet});
    if let Some(a) = &s.author {
        w["author"] = json!({"@type": "Person", "name": a});
    }
    if let Some(d) = s.date {
        w["datePublished"] = json!(d.to_string());
    }
    w
}

/// The nodes a page's node holds, with their places: an `ItemList`'s `itemListElement` (each
/// a review, or a `ListItem` whose `item` is one; a list or one) and a page's `mainEntity` (one
/// or a list), looked into a few levels deep. Reviews are read; anything else held there is
/// said as a node skipped, as one at the top is.
fn held_nodes<'v>(at: &str, node: &'v Value, depth: usize, out: &mut Vec<(String, &'v Value)>) {
    let at = if at == "the review" { "" } else { at };
    let dot = if at.is_empty() { "" } else { "." };
    let mut look = |at: String, n: &'v Value| {
        let before = out.len();
        if !is_type(n, "ClaimReview") && depth < 4 {
            held_nodes(&at, n, depth + 1, out);
        }
        // A node that held nothing is itself what stands there.
        if out.len() == before {
            out.push((at, n));
        }
    };
    let many = |v: &'v Value| -> Vec<(Option<usize>, &'v Value)> {
        match v {
            Value::Array(a) => a.iter().enumerate().map(|(k, e)| (Some(k), e)).collect(),
            Value::Object(_) => vec![(None, v)],
            _ => Vec::new(),
        }
    };
    let place = |key: &str, k: Option<usize>| match k {
        Some(k) => format!("{at}{dot}{key}[{k}]"),
        None => format!("{at}{dot}{key}"),
    };
    for (k, e) in node.get("itemListElement").map(many).unwrap_or_default() {
        match e.get("item") {
            Some(item) => look(format!("{}.item", place("itemListElement", k)), item),
            None => look(place("itemListElement", k), e),
        }
    }
    for (k, e) in node.get("mainEntity").map(many).unwrap_or_default() {
        look(place("mainEntity", k), e);
    }
}

/// True when a JSON-LD node has this `@type` (a string or a list of them), written as the term
/// (`ClaimReview`), a full IRI (`https://schema.org/ClaimReview`) or a compact one
/// (`schema:ClaimReview`).
fn is_type(node: &Value, name: &str) -> bool {
    let names = |t: &str| {
        t.strip_suffix(name)
            .is_some_and(|p| p.is_empty() || p.ends_with(['/', ':', '#']))
    };
    match node.get("@type") {
        Some(Value::String(t)) => names(t),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).any(names),
        _ => false,
    }
}

/// The keys of a rating's word, in the order they are read: `alternateName` (schema.org's),
/// `textualRating` (the Fact Check API's), `name`.
const RATING_WORDS: [&str; 3] = ["alternateName", "textualRating", "name"];

/// What a JSON value is, as a problem names a value of the wrong type: `a number`.
fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Where `--side CLAIMANT=ID[:NAME]` puts a claimant's claims.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideOf {
    /// The claimant's name, any case.
    pub claimant: String,
    /// The side's id.
    pub id: String,
    /// The side's party name, when given; else the id names it.
    pub name: Option<String>,
}

/// Options of the import: claimant to side, and the topic.
pub struct Options<'a> {
    /// Claimant names (any case) and the side each goes to.
    pub sides: &'a [SideOf],
    /// The topic id every claim goes in.
    pub topic: &'a str,
}

/// One review of one claim, as read from either shape.
struct Review {
    /// The review's `identifier`: the claim's id, as the export writes it.
    identifier: Option<String>,
    claim: String,
    /// Who made the claim, as a side: the claim's author, or the party it is a member of.
    claimant: Option<String>,
    /// The claimant's `identifier`: the side's id, as the export writes it.
    side_id: Option<String>,
    /// Who said it, when that is not the claimant itself (the export writes the party alone,
    /// with its id, for a claim without a speaker).
    speaker: Option<String>,
    claim_date: Option<String>,
    appearances: Vec<Work>,
    /// What the review cites (`citation`): the assessment's sources.
    citations: Vec<Work>,
    url: Option<String>,
    title: Option<String>,
    /// Who made the review (`author`, else the publisher): the assessment's `by`.
    by: Option<String>,
    /// The review's `publisher`: the outlet of the source its url becomes.
    outlet: Option<String>,
    date: Option<String>,
    /// `reviewBody`: the assessment's note.
    body: Option<String>,
    /// `keywords`: the claim's tags, each an id made from its words.
    keywords: Vec<String>,
    /// The textual rating and any numbers, as the reviewer gave them.
    textual: Option<String>,
    number: Option<(f64, f64, f64)>,
    /// A `ratingValue` that is no number (`3/5`) beside a rating word, which is read: kept in
    /// the note, and said.
    odd_value: Option<String>,
}

/// Reports each key given twice in one object of a file's JSON (`reviewRating.alternateName`),
/// as a problem at its place: JSON readers keep the last of the two, and which one the writer
/// meant cannot be known.
pub fn repeated_keys(bytes: &[u8], file: &str, builder: &mut Builder) {
    let mut found = Vec::new();
    let mut reader = serde_json::Deserializer::from_slice(bytes);
    // A file that is not JSON is reported by the reading that follows.
    if serde::de::DeserializeSeed::deserialize(Keys::at(String::new(), &mut found), &mut reader)
        .is_err()
    {
        return;
    }
    for (at, key) in found {
        let at = if at.is_empty() {
            "the top".to_owned()
        } else {
            at
        };
        builder.problems.push(super::Problem {
            file: file.to_owned(),
            at,
            reason: format!(
                "the key `{}` is given twice in one object; the second is used",
                crate::text::quote(&key)
            ),
        });
    }
}

/// Walks a JSON value, noting each object's repeated keys: (the object's place, the key).
struct Keys<'a> {
    at: String,
    found: &'a mut Vec<(String, String)>,
}

impl<'a> Keys<'a> {
    fn at(at: String, found: &'a mut Vec<(String, String)>) -> Self {
        Keys { at, found }
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for Keys<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Keys<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("JSON")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Keys { at, found } = self;
        let mut i = 0usize;
        while seq
            .next_element_seed(Keys::at(format!("{at}[{i}]"), &mut *found))?
            .is_some()
        {
            i += 1;
        }
        Ok(())
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Keys { at, found } = self;
        let mut seen = foldhash::HashSet::default();
        while let Some(key) = map.next_key::<String>()? {
            let inner = if at.is_empty() {
                key.clone()
            } else {
                format!("{at}.{key}")
            };
            if !seen.insert(key.clone()) {
                found.push((at.clone(), key));
            }
            map.next_value_seed(Keys::at(inner, &mut *found))?;
        }
        Ok(())
    }
}

/// `value` with each reference in it (an object holding only an `@id`) replaced by the node
/// of that id, down to a few levels; the ids followed are added to `referred`.
fn follow_ids<'v>(
    value: &'v Value,
    by_id: &HashMap<&'v str, &'v Value>,
    referred: &mut HashSet<&'v str>,
    depth: usize,
) -> std::borrow::Cow<'v, Value> {
    use std::borrow::Cow;
    const DEEPEST: usize = 4;
    if depth > DEEPEST {
        return Cow::Borrowed(value);
    }
    match value {
        Value::Object(o) if o.len() == 1 => {
            let Some((id, node)) = o
                .get("@id")
                .and_then(Value::as_str)
                .and_then(|id| Some((id, *by_id.get(id)?)))
            else {
                return Cow::Borrowed(value);
            };
            referred.insert(id);
            follow_ids(node, by_id, referred, depth + 1)
        }
        Value::Object(o) => {
            let mut changed = None;
            for (k, v) in o {
                let followed = follow_ids(v, by_id, referred, depth + 1);
                // Another value than `v` (a node in its place, or `v` with one in it).
                if !std::ptr::eq(followed.as_ref(), v) {
                    changed
                        .get_or_insert_with(|| o.clone())
                        .insert(k.clone(), followed.into_owned());
                }
            }
            changed.map_or(Cow::Borrowed(value), |o| Cow::Owned(Value::Object(o)))
        }
        Value::Array(a) => {
            let mut changed = None;
            for (i, v) in a.iter().enumerate() {
                let followed = follow_ids(v, by_id, referred, depth + 1);
                if !std::ptr::eq(followed.as_ref(), v)
                    && let Some(slot) = changed.get_or_insert_with(|| a.clone()).get_mut(i)
                {
                    *slot = followed.into_owned();
                }
            }
            changed.map_or(Cow::Borrowed(value), |a| Cow::Owned(Value::Array(a)))
        }
        _ => Cow::Borrowed(value),
    }
}

/// The JSON-LD blocks of an HTML page (`<script type="application/ld+json">`, where
/// fact-checking sites embed their ClaimReview; not those inside a `<!-- -->` comment), each
/// with the line it starts on; `None` when the file is no HTML page (it does not open with `<`).
pub fn json_ld_blocks(bytes: &[u8]) -> Option<Vec<(usize, &[u8])>> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    if bytes.get(start) != Some(&b'<') {
        return None;
    }
    let lower = bytes.to_ascii_lowercase();
    let mut blocks = Vec::new();
    let mut at = 0;
    while let Some(open) = memchr::memmem::find(lower.get(at..)?, b"<script").map(|i| at + i) {
        // A block commented out (`<!-- <script …> -->`) is no block of the page.
        if let Some(comment) = memchr::memmem::find(lower.get(at..open)?, b"<!--").map(|i| at + i) {
            at = memchr::memmem::find(lower.get(comment + 4..)?, b"-->")
                .map_or(lower.len(), |i| comment + 4 + i + 3);
            continue;
        }
        let Some(tag_end) = memchr::memchr(b'>', lower.get(open..)?).map(|i| open + i + 1) else {
            break;
        };
        let close = memchr::memmem::find(lower.get(tag_end..)?, b"</script")
            .map_or(lower.len(), |i| tag_end + i);
        let tag = lower.get(open..tag_end).unwrap_or_default();
        if memchr::memmem::find(tag, b"application/ld+json").is_some() {
            let line = 1 + bytes
                .get(..tag_end)
                .unwrap_or_default()
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            blocks.push((line, bytes.get(tag_end..close).unwrap_or_default()));
        }
        at = close;
    }
    Some(blocks)
}

/// Reads one file's JSON into `builder`; every node or claim it cannot use is a problem with
/// its place (`@graph[2]`, `claims[0].claimReview[1]`).
pub fn read(value: &Value, file: &str, options: &Options, builder: &mut Builder) {
    let mut reviews: Vec<(String, Review)> = Vec::new();
    let mut problems: Vec<Problem> = Vec::new();
    let mut problem = |at: &str, reason: String| {
        problems.push(Problem {
            file: file.to_owned(),
            at: at.to_owned(),
            reason,
        })
    };
    // parallax's own JSON (an export, a side file, a manifest) given here by mistake: named,
    // with the way to what was meant, rather than read as nodes without a type.
    if let Some(format) = text(value.get("format")).filter(|f| f.starts_with("parallax")) {
        let what = if format.starts_with("parallax-export") {
            "a parallax JSON export, not ClaimReview: export with `-f claimreview` to import \
             its assessed claims, or with `-f claims-csv` for `parallax import csv`"
        } else {
            "a parallax dispute file, not ClaimReview: open or validate its folder as it is"
        };
        problem("", format!("`{}` is {what}", crate::text::quote(&format)));
        builder.problems.append(&mut problems);
        return;
    }
    if let Some(claims) = value.get("claims").and_then(Value::as_array) {
        // The Fact Check API answers a page at a time.
        if text(value.get("nextPageToken")).is_some() {
            problem(
                "",
                "the answer has more pages (`nextPageToken`); only this page is read: fetch the \
                 others with `pageToken` and import them too"
                    .to_owned(),
            );
        }
        for (i, c) in claims.iter().enumerate() {
            let at = format!("claims[{i}]");
            let Some(claim) = text(c.get("text")) else {
                problem(&at, "a claim without `text`; skipped".to_owned());
                continue;
            };
            let list = c.get("claimReview").and_then(Value::as_array);
            if list.is_none_or(|l| l.is_empty()) {
                problem(&at, "a claim without `claimReview`; skipped".to_owned());
                continue;
            }
            let claim_date = dated(c.get("claimDate"), "claimDate", &at, &mut problem);
            for (j, r) in list.into_iter().flatten().enumerate() {
                let at = format!("{at}.claimReview[{j}]");
                let date = dated(r.get("reviewDate"), "reviewDate", &at, &mut problem);
                reviews.push((
                    at,
                    Review {
                        identifier: None,
                        claim: claim.clone(),
                        claimant: text(c.get("claimant")),
                        side_id: None,
                        speaker: text(c.get("claimant")),
                        claim_date: claim_date.clone(),
                        appearances: Vec::new(),
                        citations: Vec::new(),
                        url: text(r.get("url")),
                        title: text(r.get("title")),
                        by: text(r.get("publisher"))
                            .or_else(|| text(r.get("publisher").and_then(|p| p.get("site")))),
                        outlet: None,
                        date,
                        body: None,
                        keywords: Vec::new(),
                        textual: text(r.get("textualRating")),
                        number: None,
                        odd_value: None,
                    },
                ));
            }
        }
    } else {
        // Each node with its place: a list's items, an `@graph`'s, or the one review; a list
        // of documents with an `@graph` each (several pages' blocks gathered) is read through.
        fn graph<'v>(g: &'v [Value], at: &str) -> Vec<(String, &'v Value)> {
            g.iter()
                .enumerate()
                .map(|(j, n)| (format!("{at}@graph[{j}]"), n))
                .collect()
        }
        let top: Vec<(String, &Value)> = match value {
            Value::Array(a) => a
                .iter()
                .enumerate()
                .flat_map(|(i, v)| match v.get("@graph").and_then(Value::as_array) {
                    Some(g) => graph(g, &format!("[{i}].")),
                    None => vec![(format!("[{i}]"), v)],
                })
                .collect(),
            Value::Object(o) => match o.get("@graph").and_then(Value::as_array) {
                Some(g) => graph(g, ""),
                None => vec![("the review".to_owned(), value)],
            },
            _ => Vec::new(),
        };
        // A page's node that holds its reviews (an `ItemList`'s items, a `WebPage`'s
        // `mainEntity`) stands for them; one holding none is said as it is, skipped. A review
        // held there and given at the top too (by its `@id`) is read once.
        let top_ids: HashSet<&str> = top
            .iter()
            .filter_map(|(_, n)| n.get("@id")?.as_str())
            .collect();
        let mut nodes: Vec<(String, &Value)> = Vec::new();
        for (at, n) in top {
            let mut held = Vec::new();
            if !is_type(n, "ClaimReview") {
                held_nodes(&at, n, 0, &mut held);
                let holds = held.len();
                held.retain(|(_, r)| {
                    r.get("@id")
                        .and_then(Value::as_str)
                        .is_none_or(|id| !top_ids.contains(id))
                });
                // Every node it holds stands at the top too (a page's `mainEntity` naming
                // reviews of the graph by `@id`): read there, and the page is said no more.
                if holds > 0 && held.is_empty() {
                    continue;
                }
            }
            if held.is_empty() {
                let at = if at == "the review" && !is_type(n, "ClaimReview") {
                    "the document".to_owned()
                } else {
                    at
                };
                nodes.push((at, n));
            } else {
                nodes.append(&mut held);
            }
        }
        if nodes.is_empty() {
            let why = if value.is_array() || value.get("@graph").is_some() {
                "an empty list of reviews; nothing to import"
            } else {
                "neither a ClaimReview, a list, an @graph nor `claims[]`; nothing to import"
            };
            problem("", why.to_owned());
        }
        // The nodes by their `@id`: a review may name its author, or its claim's, by reference
        // (`{"@id": "https://site.org/#organization"}`, as WordPress writes its graph).
        let by_id: HashMap<&str, &Value> = nodes
            .iter()
            .filter_map(|(_, n)| Some((n.get("@id")?.as_str()?, *n)))
            .collect();
        let mut referred: HashSet<&str> = HashSet::new();
        let resolved: Vec<(String, std::borrow::Cow<'_, Value>)> = nodes
            .iter()
            .map(|(at, n)| {
                let node = if is_type(n, "ClaimReview") {
                    follow_ids(n, &by_id, &mut referred, 0)
                } else {
                    std::borrow::Cow::Borrowed(*n)
                };
                (at.clone(), node)
            })
            .collect();
        for (at, node) in &resolved {
            let (at, node): (&str, &Value) = (at, node);
            // A node a review refers to (its author) was read with it.
            let id = node.get("@id").and_then(Value::as_str);
            if id.is_some_and(|id| referred.contains(id)) && !is_type(node, "ClaimReview") {
                continue;
            }
            if !is_type(node, "ClaimReview") {
                let kind = match node {
                    Value::Array(_) => "list (a list inside the list of reviews)".to_owned(),
                    _ => text(node.get("@type")).unwrap_or_else(|| "node without @type".to_owned()),
                };
                let kind = crate::text::quote(&kind);
                let a = if kind.starts_with(['A', 'E', 'I', 'O', 'U', 'a', 'e', 'i', 'o', 'u']) {
                    "an"
                } else {
                    "a"
                };
                problem(at, format!("{a} {kind}, not a ClaimReview; skipped"));
                continue;
            }
            let item = node.get("itemReviewed");
            let reviewed = node.get("claimReviewed");
            let Some(claim) = text(reviewed).or_else(|| text(item.and_then(|i| i.get("text"))))
            else {
                // What was there is said: an empty text is not a missing one.
                let why = match reviewed {
                    None | Some(Value::Null) => "without `claimReviewed`".to_owned(),
                    Some(Value::String(_)) => "whose `claimReviewed` is empty".to_owned(),
                    Some(other) => {
                        format!("whose `claimReviewed` holds no text ({})", kind_of(other))
                    }
                };
                problem(at, format!("a ClaimReview {why}; skipped"));
                continue;
            };
            // A number is no claim's text, though it is read as one: the writer most likely
            // put a value in the wrong field.
            if let Some(Value::Number(n)) = reviewed {
                problem(
                    at,
                    format!("`claimReviewed` is a number, not text; it is read as the text `{n}`"),
                );
            }
            let claim_date = dated(
                item.and_then(|i| i.get("datePublished")),
                "itemReviewed.datePublished",
                at,
                &mut problem,
            );
            let date = dated(node.get("datePublished"), "datePublished", at, &mut problem);
            let rating = node.get("reviewRating");
            let num = |k: &str| {
                rating
                    .and_then(|r| r.get(k))
                    .and_then(|v| v.as_f64().or_else(|| v.as_str()?.trim().parse().ok()))
                    // `NaN` and `inf` parse, but place nothing on a scale.
                    .filter(|v: &f64| v.is_finite())
            };
            let mut appearances = Vec::new();
            works(item.and_then(|i| i.get("appearance")), &mut appearances);
            works(
                item.and_then(|i| i.get("firstAppearance")),
                &mut appearances,
            );
            let mut citations = Vec::new();
            works(node.get("citation"), &mut citations);
            // The rating's words: `alternateName` (schema.org's), else `textualRating` (the Fact
            // Check API's name for it, which some pages use), else `name`. Two that disagree
            // are said: the first is read. Each value of a list counts (`["True", "False"]`
            // disagrees with itself).
            let word = |k: &str| -> Vec<String> {
                match rating.and_then(|r| r.get(k)) {
                    Some(Value::Array(all)) => all.iter().filter_map(|v| text(Some(v))).collect(),
                    one => text(one).into_iter().collect(),
                }
            };
            let words: Vec<String> = RATING_WORDS.into_iter().flat_map(word).collect();
            // Said so, a list of the rating's words is not said again as a list.
            let mut words_said = false;
            if let [first, rest @ ..] = &words[..] {
                // Every word that reads as another verdict is named, not only the second.
                let others: Vec<String> = rest
                    .iter()
                    .filter(|w| rating_of(w).is_some() && rating_of(w) != rating_of(first))
                    .map(|w| format!("`{}`", crate::text::quote(w)))
                    .collect();
                if !others.is_empty() {
                    words_said = true;
                    problem(
                        at,
                        format!(
                            "the rating says `{}`, and also {}; `{}` is read",
                            crate::text::quote(first),
                            others.join(", "),
                            crate::text::quote(first)
                        ),
                    );
                }
            }
            // A list where one value is read: the first is taken, and the rest said to be left.
            // So too for a cited work's author (`citation[1].author`).
            let mut lists = vec![
                ("claimReviewed".to_owned(), node.get("claimReviewed")),
                (
                    "itemReviewed.author".to_owned(),
                    item.and_then(|i| i.get("author")),
                ),
                ("author".to_owned(), node.get("author")),
            ];
            lists.extend(
                RATING_WORDS.map(|k| (format!("reviewRating.{k}"), rating.and_then(|r| r.get(k)))),
            );
            for (key, works) in [
                (
                    "itemReviewed.appearance",
                    item.and_then(|i| i.get("appearance")),
                ),
                (
                    "itemReviewed.firstAppearance",
                    item.and_then(|i| i.get("firstAppearance")),
                ),
                ("citation", node.get("citation")),
            ] {
                let each: Vec<(String, &Value)> = match works {
                    Some(Value::Array(all)) => all
                        .iter()
                        .enumerate()
                        .map(|(i, w)| (format!("{key}[{i}]"), w))
                        .collect(),
                    Some(w) => vec![(key.to_owned(), w)],
                    None => Vec::new(),
                };
                for (key, w) in each {
                    lists.push((format!("{key}.author"), w.get("author")));
                    dated(
                        w.get("datePublished"),
                        &format!("{key}.datePublished"),
                        at,
                        &mut problem,
                    );
                }
            }
            for (key, value) in lists {
                if words_said && key.starts_with("reviewRating.") {
                    continue;
                }
                if let Some(Value::Array(all)) = value
                    && all.len() > 1
                {
                    // The value read, as `text` reads a list: the first, unless a `null` or an
                    // empty text came before it.
                    let read = text(value).unwrap_or_default();
                    let which = if text(all.first()).as_deref() == Some(read.as_str()) {
                        "the first, "
                    } else {
                        "the first with a value, "
                    };
                    problem(
                        at,
                        format!(
                            "`{key}` lists {} values; {which}`{}`, is read and the rest left out",
                            all.len(),
                            crate::text::quote(&read)
                        ),
                    );
                }
            }
            // The claim's author; the party it speaks for, when it names one (`memberOf`).
            let author = item.and_then(|i| i.get("author"));
            let member = author.and_then(|a| a.get("memberOf"));
            let party = member.or(author);
            let side_id = text(party.and_then(|p| p.get("identifier")));
            reviews.push((
                at.to_owned(),
                Review {
                    identifier: text(node.get("identifier")),
                    claim,
                    claimant: text(party),
                    // The party alone, as the export writes it for a claim without a
                    // speaker, is no speaker.
                    speaker: (member.is_some() || !side_id.as_deref().is_some_and(is_id))
                        .then(|| text(author))
                        .flatten(),
                    side_id,
                    claim_date,
                    appearances,
                    citations,
                    url: text(node.get("url")),
                    title: text(node.get("headline")).or_else(|| text(node.get("name"))),
                    by: text(node.get("author")).or_else(|| text(node.get("publisher"))),
                    outlet: text(node.get("publisher")),
                    date,
                    // Why the rating: the review's body, then its rating's explanation.
                    body: [
                        text(node.get("reviewBody")),
                        text(rating.and_then(|r| r.get("ratingExplanation"))),
                    ]
                    .into_iter()
                    .flatten()
                    .reduce(|a, b| format!("{a} {b}")),
                    keywords: keywords(node.get("keywords")),
                    // A `ratingValue` that is no number (`3/5`, `two`) is its wording.
                    textual: words.first().cloned().or_else(|| {
                        let value = rating.and_then(|r| r.get("ratingValue"));
                        num("ratingValue").is_none().then(|| text(value)).flatten()
                    }),
                    // Not when it repeats the word (`False` as both, as some checkers write).
                    odd_value: (!words.is_empty() && num("ratingValue").is_none())
                        .then(|| text(rating.and_then(|r| r.get("ratingValue"))))
                        .flatten()
                        .filter(|v| {
                            words
                                .first()
                                .is_none_or(|w| !w.trim().eq_ignore_ascii_case(v.trim()))
                        }),
                    number: num("ratingValue").map(|v| {
                        (
                            v,
                            num("worstRating").unwrap_or(1.0),
                            num("bestRating").unwrap_or(5.0),
                        )
                    }),
                },
            ));
        }
    }
    builder.problems.extend(problems);
    for (at, review) in reviews {
        add(review, &at, file, options, builder);
    }
}

/// Turns one review into records: the claim (with the review's `identifier` as its id when that
/// is one and no other claim has it) with the review as its assessment, what the review cites
/// as the assessment's sources, the review's url as a `fact-check` source of the assessment
/// (unless it is already one of those or where the claim appeared), and where the claim
/// appeared as the claim's sources.
fn add(review: Review, at: &str, file: &str, options: &Options, builder: &mut Builder) {
    let mut problems = Vec::new();
    let mut problem = |reason: String| {
        problems.push(Problem {
            file: file.to_owned(),
            at: at.to_owned(),
            reason,
        })
    };
    let claimant = review.claimant.clone();
    if let Some(c) = &claimant {
        builder.claimants.insert(c.to_lowercase());
    }
    let mapped = claimant.as_deref().and_then(|c| {
        options
            .sides
            .iter()
            .find(|s| s.claimant.eq_ignore_ascii_case(c))
    });
    let given = review.side_id.as_deref().filter(|id| {
        let ok = is_id(id);
        if !ok {
            problem(format!(
                "the claimant's identifier `{}` is not a side id; one is made from its name",
                crate::text::quote(id)
            ));
        }
        ok
    });
    let (side, side_name) = match (mapped, given, &claimant) {
        // Named on the command line, or as the side is named already (by a claimant's
        // identifier), or else by its id in words, which is no name given to be said to differ.
        (Some(s), _, _) => (
            s.id.clone(),
            s.name
                .clone()
                .or_else(|| builder.side_name(&s.id).map(str::to_owned))
                .unwrap_or_else(|| in_words(&s.id)),
        ),
        (None, Some(id), c) => (id.to_owned(), c.clone().unwrap_or_else(|| id.to_owned())),
        (None, None, Some(c)) if !make_id(c, 64).is_empty() => (make_id(c, 64), c.clone()),
        _ => {
            problem("no claimant; the claim goes to the side `unknown-claimant`".to_owned());
            ("unknown-claimant".to_owned(), "Unknown claimant".to_owned())
        }
    };
    // A name given on the command line for the side wins over one the data gives it.
    let side_name = options
        .sides
        .iter()
        .find(|s| s.id == side && s.name.is_some())
        .and_then(|s| s.name.clone())
        .unwrap_or(side_name);
    let (rating, wording) = match (&review.textual, review.number) {
        (Some(t), number) => {
            let by_word = rating_of(t);
            let by_number = number.map(|(v, w, b)| ((v, w, b), rating_of_number(v, w, b)));
            // The word is read; a number beside it that cannot be read, or that says the
            // opposite (`True` with 1 of 1 to 5), is said, so the verdict is checked.
            match (by_word, by_number) {
                (Some(_), Some(((v, w, b), None))) => problem(format!(
                    "the rating {v} on a scale of {w} to {b} {}; the word “{}” is read",
                    unread(w, b),
                    crate::text::quote(t)
                )),
                (Some(word), Some(((v, w, b), Some(number)))) if opposite(word, number) => {
                    problem(format!(
                        "the rating word “{}” reads as `{}`, but its `ratingValue` {v} on a scale of {w} to {b} reads as `{}`; the word is read (check which the fact-checker meant)",
                        crate::text::quote(t),
                        word.as_str(),
                        number.as_str()
                    ))
                }
                _ => {}
            }
            let rated = by_word.or_else(|| by_number.and_then(|(_, r)| r));
            // What the word does not say is kept beside it in the note: a number when the word
            // reads as no verdict, a value that is no number (`3/5`) always.
            let mut wording = format!("“{t}”");
            if let (None, Some(((v, w, b), _))) = (by_word, by_number) {
                wording.push_str(&format!(" ({v} on a scale of {w} to {b})"));
            }
            if let Some(odd) = &review.odd_value {
                problem(format!(
                    "the `ratingValue` “{}” is no number; the word “{}” is read and the value kept in the note",
                    crate::text::quote(odd),
                    crate::text::quote(t)
                ));
                wording.push_str(&format!(" ({odd})"));
            }
            (rated, wording)
        }
        (None, Some((v, w, b))) => (
            rating_of_number(v, w, b),
            format!("{v} on a scale of {w} to {b}"),
        ),
        (None, None) => (None, String::new()),
    };
    let rating = rating.unwrap_or_else(|| {
        if wording.is_empty() {
            problem("the review gives no rating (no `reviewRating` with a `textualRating`, `alternateName` or `ratingValue`); the assessment is `unverified`".to_owned());
        } else if let (None, Some((_, w, b))) = (&review.textual, review.number) {
            // A number alone that reads as nothing: off its own scale, or a scale of one point.
            problem(format!("the rating {wording} {}; the assessment is `unverified` and the wording is kept in its note", unread(w, b)));
        } else {
            problem(format!("the rating {} is not in the table; the assessment is `unverified` and the wording is kept in its note", crate::text::quote(&wording)));
        }
        Rating::Unverified
    });
    let by = review.by.clone();
    // The review's own wording is kept in the note, unless it is the rating's own name (as the
    // export writes it), which the rating keeps.
    // (Not when a value beside it is kept in the note with it.)
    let own_name = review.odd_value.is_none()
        && review
            .textual
            .as_deref()
            .is_some_and(|t| t.eq_ignore_ascii_case(rating.as_str()));
    let rated = match (&by, wording.is_empty()) {
        (_, true) => String::new(),
        (Some(p), false) => format!("Rated {wording} by {p}."),
        (None, false) => format!("Rated {wording}."),
    };
    let note = match (review.body.as_deref(), own_name) {
        (Some(body), true) => body.to_owned(),
        (Some(body), false) if !rated.is_empty() => format!("{rated} {body}"),
        (Some(body), false) => body.to_owned(),
        (None, true) => String::new(),
        (None, false) => rated,
    };
    let made = claim_id(&side, &review.claim);
    let id = match review.identifier.as_deref() {
        None => made,
        Some(given) if !is_id(given) => {
            problem(format!(
                "the identifier `{}` is not a claim id; the claim gets `{made}`",
                crate::text::quote(given)
            ));
            made
        }
        Some(given) => match builder.other_claim(given, &side, &review.claim, file) {
            None => given.to_owned(),
            Some(place) => {
                problem(format!(
                    "the identifier `{}` is the id of another claim (at {place}); this claim gets `{made}`",
                    crate::text::quote(given)
                ));
                made
            }
        },
    };
    builder.problems.extend(problems);
    let mut first = Record::default();
    first.set(Col::Side, &side);
    first.set(Col::SideName, &side_name);
    first.set(Col::Topic, options.topic);
    first.set(Col::TopicTitle, topic_title(options.topic));
    first.set(Col::Id, &id);
    first.set(Col::Text, &review.claim);
    first.set(Col::Speaker, review.speaker.as_deref().unwrap_or(""));
    first.set(Col::Date, review.claim_date.as_deref().unwrap_or(""));
    first.set(Col::Rating, rating.as_str());
    first.set(Col::Note, &note);
    first.set(Col::By, by.as_deref().unwrap_or(""));
    // Each keyword becomes a tag: itself when it is an id already (`united_states`, `u.s.`,
    // as parallax's own export writes tags), else an id made from its words (`Foreign policy`
    // is `foreign-policy`), as a name becomes one; a keyword with no letter or digit is said.
    let mut tags: Vec<String> = Vec::new();
    for k in &review.keywords {
        let tag = if crate::format::is_id(k) {
            k.clone()
        } else {
            make_id(k, 128)
        };
        if tag.is_empty() {
            builder.problems.push(Problem {
                file: file.to_owned(),
                at: at.to_owned(),
                reason: format!(
                    "the keyword `{}` holds no letter or digit to make a tag of; left out",
                    crate::text::quote(k)
                ),
            });
        } else if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    first.set(Col::Tags, tags.join(" "));
    // The review's url is its own page unless it names a work the review already gives: the
    // export writes the page where the claim appeared when the assessment cites none.
    let named = |u: &str| {
        review
            .citations
            .iter()
            .chain(&review.appearances)
            .any(|w| w.url.as_deref() == Some(u))
    };
    match &review.url {
        Some(url) if named(url) => {}
        Some(url) => {
            first.set(Col::SourceRole, "assessment");
            first.set(
                Col::SourceOutlet,
                review.outlet.as_deref().or(by.as_deref()).unwrap_or(""),
            );
            first.set(Col::SourceTitle, review.title.as_deref().unwrap_or(""));
            first.set(Col::SourceUrl, url);
            first.set(Col::SourceDate, review.date.as_deref().unwrap_or(""));
            first.set(Col::SourceKind, "fact-check");
        }
        None if review.citations.is_empty() => builder.problems.push(Problem {
            file: file.to_owned(),
            at: at.to_owned(),
            reason: "a review without `url`; the assessment has no source".to_owned(),
        }),
        None => {}
    }
    builder.add(&first, file, at);
    let more = |w: &Work, role: &str| {
        let mut r = Record::default();
        r.set(Col::Side, &side);
        r.set(Col::Id, &id);
        r.set(Col::SourceRole, role);
        work_cells(&mut r, w);
        r
    };
    for w in &review.citations {
        builder.add(&more(w, "assessment"), file, at);
    }
    for w in &review.appearances {
        builder.add(&more(w, "claim"), file, at);
    }
}

/// One ClaimReview (JSON-LD, in an `@graph`) per assessed claim of every side. The review's url
/// (the fact-check's page, which Google requires) is the first url among the assessment's
/// sources, else `page#claim-id` when the page the reviews are published on is given, else the
/// first among the claim's sources. The claim's sources are its `appearance`s and the
/// assessment's the review's `citation`s, each with its id, url, title, outlet and date, so
/// that `import claimreview` gets them back. Written review by review, so a large claim is never
/// held whole a second time; returns the ids of the claims whose review has no url.
pub fn write(
    dispute: &Dispute,
    page: Option<&str>,
    w: &mut dyn std::io::Write,
) -> std::io::Result<Vec<String>> {
    let mut without = Vec::new();
    w.write_all(b"{\n  \"@context\": \"https://schema.org\",\n  \"@graph\": [")?;
    let mut first = true;
    for (at, claim) in dispute.claims() {
        let (Some(side), Some(a)) = (dispute.sides.get(at.side()), &claim.assessment) else {
            continue;
        };
        let source = |i: &usize| side.sources.get(*i);
        let first_url =
            |mut sources: std::slice::Iter<'_, usize>| sources.find_map(|i| source(i)?.url.clone());
        let claim_indices: Vec<usize> = claim.sources.iter().map(|s| s.index).collect();
        let review_url = first_url(a.indices.iter())
            .or_else(|| page.map(|p| format!("{p}#{}", claim.id)))
            .or_else(|| first_url(claim_indices.iter()));
        let review_source = a.indices.iter().filter_map(source).next();
        let (value, name) = match a.rating {
            Rating::Refuted => (Some(1), "Refuted"),
            Rating::Disputed => (Some(2), "Disputed"),
            Rating::Unverified => (None, "Unverified"),
            Rating::Corroborated => (Some(5), "Corroborated"),
            Rating::Retracted => (None, "Retracted"),
        };
        let mut rating =
            json!({"@type": "Rating", "alternateName": name, "worstRating": 1, "bestRating": 5});
        if let Some(v) = value {
            rating["ratingValue"] = json!(v);
        }
        // The claimant: the party, with its id; or the speaker, a member of the party.
        let party =
            json!({"@type": "Organization", "name": side.party.name, "identifier": side.party.id});
        let author = match claim.speaker.as_deref() {
            Some(speaker) => json!({"@type": "Organization", "name": speaker, "memberOf": party}),
            None => party,
        };
        let mut item = json!({"@type": "Claim", "author": author});
        if let Some(d) = claim.date {
            item["datePublished"] = json!(d.to_string());
        }
        let appearances: Vec<Value> = claim
            .sources
            .iter()
            .filter_map(|s| source(&s.index))
            .map(work)
            .collect();
        if !appearances.is_empty() {
            item["appearance"] = json!(appearances);
        }
        let citations: Vec<Value> = a.indices.iter().filter_map(source).map(work).collect();
        if review_url.is_none() {
            without.push(claim.id.to_string());
        }
        let review = ReviewOut {
            kind: "ClaimReview",
            author: a
                .by
                .as_deref()
                .or(review_source.map(|s| s.outlet.as_str()))
                .map(|by| json!({"@type": "Organization", "name": by})),
            citation: citations,
            claim_reviewed: &claim.text,
            date_published: review_source.and_then(|s| s.date).map(|d| d.to_string()),
            identifier: &claim.id,
            item_reviewed: item,
            keywords: (!claim.tags.is_empty()).then(|| claim.tags.join(", ")),
            review_body: a.note.as_deref(),
            review_rating: rating,
            url: review_url.map(|u| valid_url(&u).into_owned()),
        };
        w.write_all(if first { b"\n    " } else { b",\n    " })?;
        first = false;
        // Laid out as the whole document pretty-printed would be, each review's lines indented
        // under `@graph`, and written as it is made: a large text is never copied.
        let mut out = ScriptSafe { inner: &mut *w };
        serde_json::to_writer_pretty(&mut out, &review).map_err(std::io::Error::other)?;
    }
    w.write_all(if first { b"]\n}\n" } else { b"\n  ]\n}\n" })?;
    Ok(without)
}

/// The neutral title of the topic the reviews go in: `Fact-checks` for the default, else the
/// id given to `--topic` in words (`foreign-policy` is `Foreign policy`), to edit later.
fn topic_title(topic: &str) -> String {
    if topic == "fact-checks" {
        return "Fact-checks".to_owned();
    }
    in_words(topic)
}

/// An id in words, to edit later: `foreign-policy` is `Foreign policy`, `india` is `India`.
fn in_words(id: &str) -> String {
    let words = id.replace(['-', '_'], " ");
    let mut chars = words.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

/// One review, its keys in the order `serde_json` writes an object's (sorted), so that the
/// document reads as it always has; the texts are borrowed from the dispute.
#[derive(serde::Serialize)]
struct ReviewOut<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Value>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    citation: Vec<Value>,
    #[serde(rename = "claimReviewed")]
    claim_reviewed: &'a str,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    identifier: &'a str,
    #[serde(rename = "itemReviewed")]
    item_reviewed: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    keywords: Option<String>,
    #[serde(rename = "reviewBody", skip_serializing_if = "Option::is_none")]
    review_body: Option<&'a str>,
    #[serde(rename = "reviewRating")]
    review_rating: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

/// A writer of JSON that can sit inside a page's `<script type="application/ld+json">`, where
/// the document is meant to go, indented a level further, as it passes: `<`, `>` and `&` (so no
/// text closes the tag, `</script>`, or opens a comment) are written as `\u` escapes, which
/// every JSON reader decodes to the same text. Outside strings JSON holds none of them, nor a
/// line break inside one, so each is replaced wherever it is. (The line separators JavaScript
/// would read as line ends never get here: the loader lays them out as newlines.)
struct ScriptSafe<'w> {
    inner: &'w mut dyn std::io::Write,
}

impl std::io::Write for ScriptSafe<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut from = 0;
        for (i, &b) in buf.iter().enumerate() {
            let with: &[u8] = match b {
                b'<' => b"\\u003c",
                b'>' => b"\\u003e",
                b'&' => b"\\u0026",
                b'\n' => b"\n    ",
                _ => continue,
            };
            self.inner.write_all(buf.get(from..i).unwrap_or_default())?;
            self.inner.write_all(with)?;
            from = i + 1;
        }
        self.inner.write_all(buf.get(from..).unwrap_or_default())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {

    /// A url with characters a url may not hold goes out percent-encoded, the rest as it is.
    #[test]
    fn a_url_goes_out_valid() {
        assert_eq!(
            valid_url("https://ex.org/a_b*c(d)|e<f>g\"h'i[j] k?q={x}"),
            "https://ex.org/a_b*c(d)%7Ce%3Cf%3Eg%22h'i[j]%20k?q=%7Bx%7D"
        );
        assert!(matches!(
            valid_url("https://ex.org/plain?a=1"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    /// A date-time is read as its day; what is not a date is kept whole, so its report quotes
    /// it whole (it was cut to ten characters and taken: `2025-05-03garbage` was a date).
    #[test]
    fn a_date_time_is_its_day_and_anything_else_stays_whole() {
        let day_of = |s: &str| day(Some(&Value::String(s.to_owned())));
        for (given, read) in [
            ("2025-05-03", "2025-05-03"),
            ("2025-05-03T10:00", "2025-05-03"),
            ("2025-05-03T10:00:59Z", "2025-05-03"),
            ("2025-05-03T23:59:60.5+05:30", "2025-05-03"),
            ("2025-05-03T10:00:00-0400", "2025-05-03"),
            ("2025-05-03garbage", "2025-05-03garbage"),
            ("2025-05-0399", "2025-05-0399"),
            ("2025-05-03T25:99:99", "2025-05-03T25:99:99"),
            ("May 4, 2025", "May 4, 2025"),
        ] {
            assert_eq!(day_of(given).as_deref(), Some(read), "{given}");
        }
    }
    use super::*;

    #[test]
    fn ratings_map_by_the_table_and_by_the_scale() {
        assert_eq!(rating_of("False"), Some(Rating::Refuted));
        assert_eq!(rating_of("Pants on Fire!"), Some(Rating::Refuted));
        assert_eq!(rating_of("Mostly False"), Some(Rating::Disputed));
        // PolitiFact's words as it writes them and as the LIAR data set does.
        assert_eq!(rating_of("Barely True"), Some(Rating::Disputed));
        assert_eq!(rating_of("barely-true"), Some(Rating::Disputed));
        assert_eq!(rating_of("pants-fire"), Some(Rating::Refuted));
        // Snopes', AFP's and Reuters', and The Washington Post's.
        assert_eq!(rating_of("Altered"), Some(Rating::Refuted));
        assert_eq!(rating_of("Misattributed"), Some(Rating::Refuted));
        assert_eq!(rating_of("Bottomless Pinocchio"), Some(Rating::Refuted));
        assert_eq!(rating_of("Miscaptioned"), Some(Rating::Disputed));
        assert_eq!(rating_of("Correct Attribution"), Some(Rating::Corroborated));
        assert_eq!(rating_of("half-true"), Some(Rating::Disputed));
        assert_eq!(rating_of("TRUE"), Some(Rating::Corroborated));
        assert_eq!(rating_of("Unproven"), Some(Rating::Unverified));
        assert_eq!(rating_of("Spicy"), None);
        assert_eq!(rating_of_number(1.0, 1.0, 5.0), Some(Rating::Refuted));
        assert_eq!(rating_of("Refuted"), Some(Rating::Refuted));
        assert_eq!(rating_of_number(2.0, 1.0, 5.0), Some(Rating::Disputed));
        assert_eq!(rating_of_number(3.0, 1.0, 5.0), Some(Rating::Disputed));
        assert_eq!(rating_of_number(4.0, 1.0, 5.0), Some(Rating::Corroborated));
        assert_eq!(rating_of_number(5.0, 1.0, 5.0), Some(Rating::Corroborated));
        assert_eq!(rating_of_number(1.0, 1.0, 1.0), None);
    }
}
