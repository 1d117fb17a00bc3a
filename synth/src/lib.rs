//! Synthetic disputes of any size, for parallax's benchmarks and tests (not shipped in the
//! program): the `generate` binary writes one to a folder, and the benches and tests build them
//! in memory. The output is deterministic for a given size. [`stress`] builds the shapes that
//! once made a step quadratic (many topics, points, unknown fields, sides, a long rebuttal chain).

use serde_json::{Value, json};

const WORDS: &[&str] = &[
    "ceasefire",
    "border",
    "strike",
    "drone",
    "minister",
    "statement",
    "army",
    "airbase",
    "treaty",
    "water",
    "delegation",
    "talks",
    "evidence",
    "attack",
    "civilian",
    "report",
    "denied",
    "claimed",
    "confirmed",
    "radar",
    "missile",
    "jets",
    "mediation",
    "sanctions",
    "investigation",
    "ambassador",
    "council",
    "security",
    "terror",
    "camp",
    "village",
    "river",
    "Kashmir",
    "Lahore",
    "Delhi",
    "Islamabad",
    "spokesman",
    "briefing",
    "satellite",
    "images",
    "damage",
    "casualties",
    "retaliation",
    "restraint",
    "dialogue",
    "pressure",
    "sovereignty",
    "narrative",
    "misinformation",
    "verified",
    "unverified",
    "officials",
    "sources",
    "said",
];

/// A tiny deterministic generator (xorshift), so sizes reproduce exactly.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(WORDS[rng.below(WORDS.len())]);
    }
    s.push('.');
    s
}

/// The files of a synthetic dispute with about `claims` claims over two sides, as
/// (file name, JSON text): `dispute.json`, `left.json`, `right.json`.
pub fn generate(claims: usize) -> Vec<(String, String)> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let per_topic = 100;
    let points_per_topic = 20;
    let topics = claims.div_ceil(per_topic).max(1);
    let sources_per_side = (claims / 20).max(1);
    let manifest_topics: Vec<Value> = (0..topics)
        .map(|t| {
            json!({
                "id": format!("topic-{t}"),
                "title": format!("Topic {t}: {}", sentence(&mut rng, 3)),
                "points": (0..points_per_topic).map(|p| json!({
                    "id": format!("p{p}"),
                    "question": format!("Question {p} of topic {t}?"),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let manifest = json!({
        "format": "parallax/1",
        "dispute": {"id": "synthetic", "title": format!("Synthetic dispute of {claims} claims")},
        "sides": ["left.json", "right.json"],
        "topics": manifest_topics,
    });
    let mut files = vec![("dispute.json".to_owned(), manifest.to_string())];
    for (s, party) in ["left", "right"].iter().enumerate() {
        let other = if s == 0 { "right" } else { "left" };
        let sources: Vec<Value> = (0..sources_per_side)
            .map(|i| {
                json!({
                    "id": format!("src-{i}"),
                    "outlet": format!("Outlet {}", i % 97),
                    "title": sentence(&mut rng, 6),
                    "date": format!("2025-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
                    "url": format!("https://example.org/{party}/{i}"),
                    "kind": "news",
                    "affiliation": "independent",
                })
            })
            .collect();
        let mut remaining = claims / 2 + if s == 0 { claims % 2 } else { 0 };
        let mut topic_list = Vec::new();
        for t in 0..topics {
            let n = remaining.min(per_topic / 2);
            remaining -= n;
            let claims: Vec<Value> = (0..n)
                .map(|c| {
                    let words = 12 + rng.below(20);
                    let text = sentence(&mut rng, words);
                    let mut claim = json!({
                        "id": format!("{party}-{t}-{c}"),
                        "text": text,
                        "date": format!("2025-05-{:02}", 1 + rng.below(28)),
                        "speaker": format!("Speaker {}", rng.below(50)),
                        "sources": [format!("src-{}", rng.below(sources_per_side))],
                        "tags": [WORDS[rng.below(8)].to_lowercase()],
                    });
                    if c % 2 == 0 {
                        claim["point"] = json!(format!("p{}", rng.below(points_per_topic)));
                    } else if c % 3 == 0 {
                        claim["rebuts"] = json!([format!("{other}-{t}-{}", c - 1)]);
                    }
                    claim
                })
                .collect();
            topic_list.push(json!({
                "id": format!("topic-{t}"),
                "title": format!("{party} view of topic {t}"),
                "claims": claims,
            }));
        }
        let side = json!({
            "format": "parallax/1",
            "dispute": "synthetic",
            "party": {"id": party, "name": format!("{} side", party)},
            "sources": sources,
            "topics": topic_list,
        });
        files.push((format!("{party}.json"), side.to_string()));
    }
    files
}

/// Loads generated files the way `parallax` loads a folder: the manifest, then the sides.
pub fn load(files: &[(String, String)]) -> parallax::load::Loaded {
    let mut loader = parallax::load::Loader::new();
    let files: Vec<(&str, &[u8], bool)> = files
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_bytes(), name == "dispute.json"))
        .collect();
    loader.files(&files);
    loader.finish()
}

/// Loads a synthetic dispute of about `claims` claims through the real loader, in memory, as the
/// benches use it. `None` would mean the generator broke the format.
pub fn dispute(claims: usize) -> Option<parallax::format::Dispute> {
    let files = generate(claims);
    let loaded = load(&files);
    (loaded.report.errors() == 0)
        .then_some(loaded.dispute)
        .flatten()
}

/// Writes files (as [`generate`] returns them) into a folder, creating it.
pub fn write(dir: &std::path::Path, files: &[(String, String)]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (name, text) in files {
        std::fs::write(dir.join(name), text)?;
    }
    Ok(())
}

/// A stress shape: `n` of one thing that a step of loading or comparing walks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `n` topics in the manifest, each addressed by one of the two sides.
    Topics,
    /// `n` points in one manifest topic, and as many claims, half naming points it lacks.
    Points,
    /// A side file with `n` fields this version does not know.
    UnknownFields,
    /// `n` side files of one claim each.
    Sides,
    /// A chain of `n` claims, alternating sides, each rebutting the one before; the last
    /// answers a point, so rule 3 pulls the whole chain into its row.
    Chain,
    /// The ordinary synthetic dispute of `n` claims ([`generate`]).
    Claims,
    /// A side of `n` claims on one line (minified), each with errors: its text is empty and
    /// its id is used twice. The one shape that does not load: it times `n` problems located
    /// and reported, which once took a second look at the whole line for each.
    Errors,
}

impl Shape {
    /// Every shape, in the order the scaling bench runs them.
    pub const ALL: [Shape; 7] = [
        Shape::Topics,
        Shape::Points,
        Shape::UnknownFields,
        Shape::Sides,
        Shape::Chain,
        Shape::Claims,
        Shape::Errors,
    ];

    /// The names `generate --shape` takes, in [`Shape::ALL`]'s order.
    pub const NAMES: [&'static str; 7] = [
        "topics",
        "points",
        "unknown-fields",
        "sides",
        "chain",
        "claims",
        "errors",
    ];

    /// The shape with this name.
    pub fn from_name(name: &str) -> Option<Shape> {
        Self::NAMES
            .iter()
            .position(|n| *n == name)
            .and_then(|i| Self::ALL.get(i).copied())
    }

    /// The shape's name.
    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .position(|s| *s == self)
            .and_then(|i| Self::NAMES.get(i).copied())
            .unwrap_or("?")
    }
}

fn side(party: &str, topics: Vec<Value>) -> Value {
    json!({
        "format": "parallax/1",
        "dispute": "synthetic",
        "party": {"id": party, "name": format!("{party} side")},
        "sources": [{"id": "s1", "outlet": "Daily"}],
        "topics": topics,
    })
}

fn claim(id: String) -> Value {
    json!({"id": id, "text": format!("Claim {id} says something."), "sources": ["s1"]})
}

fn manifest(topics: Vec<Value>, sides: &[String]) -> (String, String) {
    let m = json!({
        "format": "parallax/1",
        "dispute": {"id": "synthetic"},
        "sides": sides,
        "topics": topics,
    });
    ("dispute.json".to_owned(), m.to_string())
}

/// The files of a stress shape of size `n`.
pub fn stress(shape: Shape, n: usize) -> Vec<(String, String)> {
    let two = ["left.json".to_owned(), "right.json".to_owned()];
    let file = |name: &str, v: Value| (name.to_owned(), v.to_string());
    match shape {
        Shape::Topics => {
            let listed = (0..n)
                .map(|i| json!({"id": format!("t{i}"), "title": format!("Topic {i}")}))
                .collect();
            let topics = |from: usize, party: &str| -> Vec<Value> {
                (from..n)
                    .step_by(2)
                    .map(|i| {
                        json!({"id": format!("t{i}"), "title": "Framing",
                               "claims": [claim(format!("{party}{i}"))]})
                    })
                    .collect()
            };
            vec![
                manifest(listed, &two),
                file("left.json", side("left", topics(0, "l"))),
                file("right.json", side("right", topics(1, "r"))),
            ]
        }
        Shape::Points => {
            let points: Vec<Value> = (0..n)
                .map(|i| json!({"id": format!("p{i}"), "question": format!("Question {i}?")}))
                .collect();
            let listed = vec![json!({"id": "t", "title": "Topic", "points": points})];
            let claims = |from: usize, party: &str| -> Vec<Value> {
                (from..n)
                    .step_by(2)
                    .map(|i| {
                        let mut c = claim(format!("{party}{i}"));
                        // Every fourth claim names a point the manifest lacks.
                        c["point"] = if i % 4 < 2 {
                            json!(format!("p{i}"))
                        } else {
                            json!(format!("extra{i}"))
                        };
                        c
                    })
                    .collect()
            };
            let topic = |from, party| {
                vec![json!({"id": "t", "title": "Framing", "claims": claims(from, party)})]
            };
            vec![
                manifest(listed, &two),
                file("left.json", side("left", topic(0, "l"))),
                file("right.json", side("right", topic(1, "r"))),
            ]
        }
        Shape::UnknownFields => {
            let topic = |id: &str| {
                vec![json!({"id": "t", "title": "Framing", "claims": [claim(id.to_owned())]})]
            };
            let mut left = side("left", topic("l1"));
            if let Some(obj) = left.as_object_mut() {
                for i in 0..n {
                    obj.insert(format!("extra-{i}"), json!(i));
                }
            }
            vec![
                file("left.json", left),
                file("right.json", side("right", topic("r1"))),
            ]
        }
        Shape::Sides => {
            let names: Vec<String> = (0..n).map(|i| format!("side-{i}.json")).collect();
            let mut files = vec![manifest(vec![json!({"id": "t", "title": "Topic"})], &names)];
            for (i, name) in names.iter().enumerate() {
                let topics = vec![
                    json!({"id": "t", "title": "Framing", "claims": [claim(format!("c{i}"))]}),
                ];
                files.push(file(name, side(&format!("party-{i}"), topics)));
            }
            files
        }
        Shape::Chain => {
            let (mut left, mut right) = (Vec::new(), Vec::new());
            for i in 0..n {
                let mut c = claim(format!("c{i}"));
                if i > 0 {
                    c["rebuts"] = json!([format!("c{}", i - 1)]);
                }
                if i + 1 == n {
                    c["point"] = json!("p");
                }
                if i % 2 == 0 {
                    left.push(c)
                } else {
                    right.push(c)
                }
            }
            let topic =
                |claims: Vec<Value>| vec![json!({"id": "t", "title": "Framing", "claims": claims})];
            vec![
                file("left.json", side("left", topic(left))),
                file("right.json", side("right", topic(right))),
            ]
        }
        Shape::Claims => generate(n),
        Shape::Errors => {
            let claims: Vec<Value> = (0..n)
                .map(|i| json!({"id": format!("c{}", i / 2), "text": "", "sources": ["s1"]}))
                .collect();
            let topic = vec![json!({"id": "t", "title": "Framing", "claims": claims})];
            let other =
                vec![json!({"id": "t", "title": "Framing", "claims": [claim("r1".into())]})];
            vec![
                file("left.json", side("left", topic)),
                file("right.json", side("right", other)),
            ]
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_synthetic_dispute_loads_clean_with_the_claims_asked_for() {
        let d = super::dispute(1_001).expect("loads");
        assert_eq!(d.claim_count(0) + d.claim_count(1), 1_001);
    }

    #[test]
    fn every_stress_shape_loads_without_errors_but_errors() {
        for shape in super::Shape::ALL {
            let loaded = super::load(&super::stress(shape, 40));
            if shape == super::Shape::Errors {
                // Each claim's empty text, and each second claim's id.
                let problems = loaded.report.errors();
                assert!(problems >= 60, "{problems}: {:?}", loaded.report);
                continue;
            }
            assert_eq!(loaded.report.errors(), 0, "{shape:?}: {:?}", loaded.report);
            assert!(loaded.dispute.is_some(), "{shape:?}");
        }
    }
}
