//! Reading the manifest, `dispute.json`: neutral titles, the sides' order, topics and questions.

use super::diagnostic::Code;
use super::walk::{Walker, child};
use crate::format::{DisputeInfo, Manifest, ManifestTopic, Period, Point};
use serde_json::Value;
use std::collections::HashMap;

/// Reads a whole manifest. The result is complete only when the walker recorded no error.
pub(super) fn read(w: &mut Walker, root: Value) -> Option<Manifest> {
    let mut obj = w.object(root, "")?;
    w.format(&mut obj);
    let dispute = w
        .required(&mut obj, "dispute", "")
        .and_then(|v| dispute(w, v));
    let sides = w.field(&mut obj, "sides").and_then(|v| {
        let items = w.array(v, "/sides")?;
        Some(
            items
                .into_iter()
                .enumerate()
                .filter_map(|(i, item)| w.text(item, &format!("/sides/{i}"), true))
                .collect::<Vec<_>>(),
        )
    });
    let topics = match w.field(&mut obj, "topics") {
        Some(v) => topics(w, v),
        None => Vec::new(),
    };
    w.unknown_fields(obj, "");
    Some(Manifest {
        format: crate::format::FORMAT.to_owned(),
        dispute: dispute?,
        sides,
        topics,
    })
}

fn dispute(w: &mut Walker, v: Value) -> Option<DisputeInfo> {
    let p = "/dispute";
    let mut obj = w.object(v, p)?;
    let id = w.req_id(&mut obj, "id", p);
    let title = w.opt_text(&mut obj, "title", p);
    let summary = w.opt_text(&mut obj, "summary", p);
    let period = w.field(&mut obj, "period").and_then(|v| {
        let pp = "/dispute/period";
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

fn topics(w: &mut Walker, v: Value) -> Vec<ManifestTopic> {
    let Some(items) = w.array(v, "/topics") else {
        return Vec::new();
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let p = format!("/topics/{i}");
        let Some(mut obj) = w.object(item, &p) else {
            continue;
        };
        let id = w.req_id(&mut obj, "id", &p);
        let title = w.req_text(&mut obj, "title", &p);
        let summary = w.opt_text(&mut obj, "summary", &p);
        let points = match w.field(&mut obj, "points") {
            Some(v) => points(w, v, &child(&p, "points")),
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
                "a topic id unique within the manifest",
            );
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

fn points(w: &mut Walker, v: Value, p: &str) -> Vec<Point> {
    let Some(items) = w.array(v, p) else {
        return Vec::new();
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let ip = format!("{p}/{i}");
        let Some(mut obj) = w.object(item, &ip) else {
            continue;
        };
        let id = w.req_id(&mut obj, "id", &ip);
        let question = w.req_text(&mut obj, "question", &ip);
        w.unknown_fields(obj, &ip);
        let Some(id) = id else { continue };
        if let Some(first) = seen.insert(id.clone(), i) {
            w.error(
                Code::DuplicateId,
                &format!("{ip}/id"),
                format!("point id `{id}` is already used by {p}/{first}"),
                "a point id unique within its topic",
            );
            continue;
        }
        out.push(Point { id, question });
    }
    out
}
