//! Reading the manifest, `dispute.json`: neutral titles, the sides' order, topics and questions.

use super::diagnostic::Code;
use super::walk::{Ptr, Walker};
use crate::format::{DisputeInfo, Manifest, ManifestTopic, Period, Point};
use serde_json::Value;
use std::collections::HashMap;

/// Reads a whole manifest. The result is complete only when the walker recorded no error.
pub(super) fn read(w: &mut Walker, root: Value) -> Option<Manifest> {
    let at = Ptr::ROOT;
    let mut obj = w.object(root, at)?;
    w.format(&mut obj);
    let dispute = w
        .required(&mut obj, "dispute", at)
        .and_then(|v| dispute(w, v, at.key("dispute")));
    let sides = w.field(&mut obj, "sides").and_then(|v| {
        let sp = at.key("sides");
        let items = w.array(v, sp)?;
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            let Some(entry) = w.text(item, sp.index(i), true) else {
                continue;
            };
            if !super::inside_folder(&entry) {
                w.error(
                    Code::OutsideFolder,
                    sp.index(i),
                    format!(
                        "side file \"{}\" is outside the dispute folder; it is not read",
                        crate::text::quote(&entry)
                    ),
                    "a file in the folder, named relative to it (no `..`, no leading `/`)",
                );
                continue;
            }
            out.push(entry);
        }
        Some(out)
    });
    let topics = match w.field(&mut obj, "topics") {
        Some(v) => topics(w, v, at.key("topics")),
        None => Vec::new(),
    };
    w.schema_reference(&mut obj, at);
    w.unknown_fields(obj, at);
    Some(Manifest {
        format: crate::format::FORMAT.to_owned(),
        dispute: dispute?,
        sides,
        topics,
    })
}

fn dispute(w: &mut Walker, v: Value, p: Ptr) -> Option<DisputeInfo> {
    let mut obj = w.object(v, p)?;
    let id = w.req_id(&mut obj, "id", p);
    let title = w.opt_text(&mut obj, "title", p);
    let summary = w.opt_text(&mut obj, "summary", p);
    let period = w.field(&mut obj, "period").and_then(|v| {
        let pp = p.key("period");
        let mut obj = w.object(v, pp)?;
        let from = w.opt_date(&mut obj, "from", pp);
        let to = w.opt_date(&mut obj, "to", pp);
        w.unknown_fields(obj, pp);
        Some(Period { from, to })
    });
    w.unknown_fields(obj, p);
    Some(DisputeInfo {
        id: id?,
        title,
        summary,
        period,
    })
}

fn topics(w: &mut Walker, v: Value, at: Ptr) -> Vec<ManifestTopic> {
    let Some(items) = w.array(v, at) else {
        return Vec::new();
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let p = at.index(i);
        let Some(mut obj) = w.object(item, p) else {
            continue;
        };
        let id = w.req_id(&mut obj, "id", p);
        let title = w.req_text(&mut obj, "title", p);
        let summary = w.opt_text(&mut obj, "summary", p);
        let points = match w.field(&mut obj, "points") {
            Some(v) => points(w, v, p.key("points")),
            None => Vec::new(),
        };
        w.unknown_fields(obj, p);
        let (Some(id), Some(title)) = (id, title) else {
            continue;
        };
        if !w.first_use(
            &mut seen,
            &id,
            (i, p),
            at,
            "a topic id unique within the manifest",
        ) {
            continue;
        }
        out.push(ManifestTopic {
            id,
            title,
            summary,
            points,
        });
    }
    out
}

fn points(w: &mut Walker, v: Value, p: Ptr) -> Vec<Point> {
    let Some(items) = w.array(v, p) else {
        return Vec::new();
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let ip = p.index(i);
        let Some(mut obj) = w.object(item, ip) else {
            continue;
        };
        let id = w.req_id(&mut obj, "id", ip);
        let question = w.req_text(&mut obj, "question", ip);
        w.unknown_fields(obj, ip);
        let Some(id) = id else { continue };
        if !w.first_use(
            &mut seen,
            &id,
            (i, ip),
            p,
            "a point id unique within its topic",
        ) {
            continue;
        }
        out.push(Point { id, question });
    }
    out
}
