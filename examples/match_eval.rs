//! The matching engine's quality, measured: strip every `point`, `rebuts` and relation from a dispute's
//! claims (keeping the manifest's questions), ask the engine for suggestions, and count how often
//! they restore the pairs the authors made. A plain TF-IDF cosine runs beside it as the baseline.
//!
//! ```sh
//! cargo run --release --example match_eval                 # the bundled dispute
//! cargo run --release --example match_eval -- path/to/dispute
//! ```
//!
//! Figures: precision at 1 (the top suggestion shares a point with the claim in the original),
//! within the claim's topic and across all topics; recall at 3 within the topic (a true partner
//! is among the top three). Counted over left claims that have a partner, for the first two sides
//! and for every ordered pair of sides pooled. `MATCH_WEIGHTS="text=0.5,question=0.3"` overrides
//! weights, for exploring.

use parallax::compare::Comparison;
use parallax::format::Dispute;
use parallax::format::{ClaimAt, DisputeInfo, FORMAT, Manifest};
use parallax::matching::{Options, Profiles, Weights, suggest};
use std::collections::HashMap;
use std::path::PathBuf;

/// Hits and trials of the three figures.
#[derive(Default, Clone, Copy)]
struct Tally {
    claims: usize,
    p1_within: usize,
    p1_across: usize,
    r3_within: usize,
}

impl Tally {
    fn add(&mut self, o: Tally) {
        self.claims += o.claims;
        self.p1_within += o.p1_within;
        self.p1_across += o.p1_across;
        self.r3_within += o.r3_within;
    }
    fn row(&self, name: &str) -> String {
        let f = |n: usize| n as f64 / self.claims.max(1) as f64;
        format!(
            "| {name} | {} | {:.2} | {:.2} | {:.2} |",
            self.claims,
            f(self.p1_within),
            f(self.p1_across),
            f(self.r3_within)
        )
    }
}

fn main() {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let loaded = if paths.is_empty() {
        parallax::load::load_bundled()
    } else {
        parallax::load::load_paths(&paths)
    };
    let Some(original) = loaded.dispute else {
        eprintln!("match_eval: the dispute did not load; run `parallax validate` on it");
        std::process::exit(1);
    };
    let weights = weights_from_env();
    // The truth: each claim's (topic, point), by position (stripping keeps positions).
    let truth: HashMap<ClaimAt, (String, String)> = original
        .claims()
        .filter_map(|(at, c)| {
            let topic = original.ids(at).1.to_owned();
            c.point.as_deref().map(|p| (at, (topic, p.to_owned())))
        })
        .collect();
    let stripped = strip(&original);
    let sides = stripped.sides.len();
    let mut engine_all = Tally::default();
    let mut base_all = Tally::default();
    let mut first = None;
    for l in 0..sides {
        for r in 0..sides {
            if l == r {
                continue;
            }
            let e = engine(&stripped, l, r, &truth, weights);
            let b = baseline(&stripped, l, r, &truth);
            if first.is_none() {
                first = Some((l, r, e, b));
            }
            engine_all.add(e);
            base_all.add(b);
        }
    }
    println!("| pair | claims | P@1 within topic | P@1 across topics | R@3 within topic |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    if let Some((l, r, e, b)) = first {
        let pair = format!(
            "{} → {}",
            stripped.sides[l].party.id, stripped.sides[r].party.id
        );
        println!("{}", b.row(&format!("baseline TF-IDF cosine, {pair}")));
        println!("{}", e.row(&format!("parallax, {pair}")));
    }
    println!(
        "{}",
        base_all.row("baseline TF-IDF cosine, every ordered pair")
    );
    println!("{}", engine_all.row("parallax, every ordered pair"));
}

/// Weights from `MATCH_WEIGHTS`, else the engine's defaults.
fn weights_from_env() -> Weights {
    let mut w = Weights::default();
    if let Ok(spec) = std::env::var("MATCH_WEIGHTS") {
        for part in spec.split(',') {
            let Some((k, v)) = part.split_once('=') else {
                continue;
            };
            let Ok(v) = v.trim().parse::<f32>() else {
                continue;
            };
            match k.trim() {
                "text" => w.text = v,
                "question" => w.question = v,
                "date" => w.date = v,
                "outlet" => w.outlet = v,
                "rebut" => w.rebut = v,
                "cross_topic" => w.cross_topic = v,
                "one_to_one" => w.one_to_one = v,
                other => eprintln!("match_eval: unknown weight {other}"),
            }
        }
    }
    w
}

/// The dispute without any claim's `point` or `rebuts`; the manifest stays.
fn strip(d: &Dispute) -> Dispute {
    let mut sides = d.sides.clone();
    for side in &mut sides {
        for topic in &mut side.topics {
            for claim in &mut topic.claims {
                claim.point = None;
                claim.rebuts.clear();
                claim.relations.clear();
            }
        }
    }
    let manifest = d.has_manifest.then(|| Manifest {
        format: FORMAT.to_owned(),
        dispute: DisputeInfo {
            id: d.id.clone(),
            title: Some(d.title.clone()),
            summary: d.summary.clone(),
            period: d.period.clone(),
        },
        sides: None,
        topics: d.manifest_topics.clone(),
    });
    Dispute::new(manifest, sides)
}

/// The left claims that have a true partner on the right: claim → its (topic, point).
fn scored_lefts<'a>(
    d: &Dispute,
    l: usize,
    r: usize,
    truth: &'a HashMap<ClaimAt, (String, String)>,
) -> Vec<(ClaimAt, &'a (String, String))> {
    let rights: std::collections::HashSet<&(String, String)> = truth
        .iter()
        .filter(|(at, _)| at.side() == r)
        .map(|(_, tp)| tp)
        .collect();
    let mut out: Vec<(ClaimAt, &(String, String))> = d
        .claims()
        .filter(|(at, _)| at.side() == l)
        .filter_map(|(at, _)| truth.get(&at).map(|tp| (at, tp)))
        .filter(|(_, tp)| rights.contains(tp))
        .collect();
    out.sort_by_key(|(at, _)| *at);
    out
}

fn engine(
    d: &Dispute,
    l: usize,
    r: usize,
    truth: &HashMap<ClaimAt, (String, String)>,
    weights: Weights,
) -> Tally {
    let cmp = Comparison::new(d, l, r);
    let profiles = Profiles::new(d, &cmp);
    let within = Options {
        limit: 3,
        across_topics: false,
        weights,
        ..Options::default()
    };
    let across = Options {
        limit: 1,
        across_topics: true,
        weights,
        ..Options::default()
    };
    let mut top3: HashMap<ClaimAt, Vec<ClaimAt>> = HashMap::new();
    for s in suggest(&cmp, &profiles, &within) {
        top3.entry(s.left).or_default().push(s.right);
    }
    let mut top1: HashMap<ClaimAt, ClaimAt> = HashMap::new();
    for s in suggest(&cmp, &profiles, &across) {
        top1.entry(s.left).or_insert(s.right);
    }
    tally(d, l, r, truth, |at| {
        (
            top3.get(&at).cloned().unwrap_or_default(),
            top1.get(&at).copied(),
        )
    })
}

/// Counts the figures given, for each scored left claim, its top three within its topic and its
/// top one across topics.
fn tally(
    d: &Dispute,
    l: usize,
    r: usize,
    truth: &HashMap<ClaimAt, (String, String)>,
    ranked: impl Fn(ClaimAt) -> (Vec<ClaimAt>, Option<ClaimAt>),
) -> Tally {
    let mut t = Tally::default();
    for (at, tp) in scored_lefts(d, l, r, truth) {
        let (top3, top1) = ranked(at);
        let hit = |b: &ClaimAt| truth.get(b) == Some(tp);
        t.claims += 1;
        t.p1_within += usize::from(top3.first().is_some_and(hit));
        t.r3_within += usize::from(top3.iter().take(3).any(hit));
        t.p1_across += usize::from(top1.as_ref().is_some_and(hit));
    }
    t
}

/// The baseline: lower-cased words, TF-IDF weights over the dispute's claims, cosine.
fn baseline(d: &Dispute, l: usize, r: usize, truth: &HashMap<ClaimAt, (String, String)>) -> Tally {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let claims: Vec<(ClaimAt, Vec<String>)> =
        d.claims().map(|(at, c)| (at, words(&c.text))).collect();
    let mut df: HashMap<&str, f64> = HashMap::new();
    for (_, ws) in &claims {
        let mut seen: Vec<&str> = ws.iter().map(String::as_str).collect();
        seen.sort_unstable();
        seen.dedup();
        for w in seen {
            *df.entry(w).or_default() += 1.0;
        }
    }
    let n = claims.len() as f64;
    let vectors: HashMap<ClaimAt, HashMap<&str, f64>> = claims
        .iter()
        .map(|(at, ws)| {
            let mut v: HashMap<&str, f64> = HashMap::new();
            for w in ws {
                *v.entry(w.as_str()).or_default() += 1.0;
            }
            for (w, x) in v.iter_mut() {
                *x *= (n / df.get(w).copied().unwrap_or(1.0)).ln();
            }
            let norm = v.values().map(|x| x * x).sum::<f64>().sqrt().max(1e-12);
            v.values_mut().for_each(|x| *x /= norm);
            (*at, v)
        })
        .collect();
    let cos = |a: &ClaimAt, b: &ClaimAt| -> f64 {
        let (Some(x), Some(y)) = (vectors.get(a), vectors.get(b)) else {
            return 0.0;
        };
        x.iter()
            .map(|(w, v)| v * y.get(w).copied().unwrap_or(0.0))
            .sum()
    };
    let topic_of = |at: &ClaimAt| d.ids(*at).1.to_owned();
    let rights: Vec<ClaimAt> = d
        .claims()
        .filter(|(at, _)| at.side() == r)
        .map(|(at, _)| at)
        .collect();
    tally(d, l, r, truth, |at| {
        let mut all: Vec<(f64, ClaimAt)> = rights.iter().map(|b| (cos(&at, b), *b)).collect();
        all.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        let top1 = all.first().map(|(_, b)| *b);
        let topic = topic_of(&at);
        let top3 = all
            .iter()
            .filter(|(_, b)| topic_of(b) == topic)
            .take(3)
            .map(|(_, b)| *b)
            .collect();
        (top3, top1)
    })
}
