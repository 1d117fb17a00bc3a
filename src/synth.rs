//! Synthetic disputes of any size, for benchmarks: `parallax generate` writes one to a folder,
//! and the benches build them in memory. The output is deterministic for a given size.

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
pub fn load(files: &[(String, String)]) -> crate::load::Loaded {
    let mut loader = crate::load::Loader::new();
    let mut sides = Vec::new();
    for (name, text) in files {
        if name == "dispute.json" {
            loader.manifest(name, text.as_bytes());
        } else {
            sides.push((name.as_str(), text.as_bytes()));
        }
    }
    loader.sides(&sides);
    loader.finish()
}

/// Loads a synthetic dispute of about `claims` claims through the real loader, in memory, as the
/// benches use it. `None` would mean the generator broke the format.
pub fn dispute(claims: usize) -> Option<crate::format::Dispute> {
    let files = generate(claims);
    let loaded = load(&files);
    (loaded.report.errors() == 0)
        .then_some(loaded.dispute)
        .flatten()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_synthetic_dispute_loads_clean_with_the_claims_asked_for() {
        let d = super::dispute(1_001).expect("loads");
        assert_eq!(d.claim_count(0) + d.claim_count(1), 1_001);
    }
}
