//! Scaling: each stress shape (many topics, points, unknown fields, sides, a long rebuttal
//! chain, claims) at 10k, 20k, 40k and 80k, through each step a command takes, in process:
//! loading and validating, then from the loaded dispute `show`, `export` in each comparison
//! format, a search that every claim matches (ranked without an index as `search`
//! does, and through the index the screen builds), `match` (on the shapes whose topics stay
//! small: it scores every pair of claims within a topic of up to a million pairs, by design;
//! a larger topic is matched by the distinctive terms its claims share), and a claims-csv round
//! trip (`export -f claims-csv`, then `import csv` of the table and its check). Every step is
//! O(n log n) or better, so doubling the size should at most about double the time: the bench
//! prints each curve, the ratio per doubling, and the growth per doubling that a least-squares
//! line through the four sizes fits (one noisy size moves it little), and exits with status 1
//! when a fitted growth passes 2.2. A step that takes under 2 ms at 80k is printed, not judged.
//!
//! `cargo bench --bench scaling` (in process; the files are built in memory first and not timed).
//! Each figure is the least of three runs, so that a burst of load on a shared machine does not
//! read as growth.

use parallax::compare::Comparison;
use parallax::export::Format;
use parallax::format::Dispute;
use parallax::matching::{Options, Profiles, suggest};
use parallax::query::{MatcherKind, Pattern, Searcher};
use std::hint::black_box;
use std::time::{Duration, Instant};
use synth::Shape;

/// The same allocator as the binary, so the bench measures what users run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SIZES: [usize; 4] = [10_000, 20_000, 40_000, 80_000];
/// The most a doubling may multiply the time by.
const LIMIT: f64 = 2.2;
/// Runs per figure; the least is kept.
const RUNS: usize = 3;

/// A step after loading: its name, and the work on the loaded dispute (a number, so the
/// optimiser keeps the work).
type Step = (&'static str, fn(&Dispute) -> usize);

/// `show`: compare the first two sides and write the comparison out, as `parallax show` does.
fn show(d: &Dispute) -> usize {
    let cmp = Comparison::new(d, 0, 1);
    let mut out = std::io::sink();
    parallax::plain::write_show(&mut out, d, &cmp, 100).map_or(0, |()| 1)
}

/// `export` in one format, written to nowhere.
fn export(d: &Dispute, format: Format) -> usize {
    let cmp = Comparison::new(d, 0, 1);
    let mut out = std::io::sink();
    parallax::export::render_to(format, d, &cmp, None, &[], &mut out).map_or(0, |()| 1)
}

/// A search every synthetic claim matches, ranked without an index as `search` does
/// (`query::oneshot`).
fn search(d: &Dispute) -> usize {
    let pattern = Pattern::new("something", MatcherKind::default());
    parallax::query::oneshot::rank(&pattern, d, |_, _| true).len()
}

/// The same search through the whole index, built first: what the screen does.
fn index_search(d: &Dispute) -> usize {
    let searcher = Searcher::new(d, MatcherKind::default());
    searcher.search_all("something", |_| true).1.len()
}

/// `match`: profile the two compared sides and rank the suggestions.
fn matches(d: &Dispute) -> usize {
    let cmp = Comparison::new(d, 0, 1);
    let profiles = Profiles::new(d, &cmp);
    suggest(&cmp, &profiles, &Options::default()).len()
}

/// `export -f claims-csv`, then `import csv` of the table written, checked as the import
/// checks before it writes the folder.
fn round_trip(d: &Dispute) -> usize {
    let mut table = Vec::new();
    if parallax::import::csv::write(d, &mut table).is_err() {
        return 0;
    }
    let mut builder = parallax::import::Builder::default();
    if parallax::import::csv::read(&table, "claims.csv", &mut builder).is_err() {
        return 0;
    }
    let (draft, problems) = builder.finish("d", "d");
    draft.check().diagnostics.len() + problems.len()
}

const STEPS: [Step; 9] = [
    ("show", show),
    ("export md", |d| export(d, Format::Markdown)),
    ("export csv", |d| export(d, Format::Csv)),
    ("export json", |d| export(d, Format::Json)),
    ("export html", |d| export(d, Format::Html)),
    ("search", search),
    ("index search", index_search),
    ("match", matches),
    ("claims csv", round_trip),
];

/// Whether a step runs on a shape: `match` only where topics stay small.
fn applies(step: &str, shape: Shape) -> bool {
    step != "match" || matches!(shape, Shape::Topics | Shape::Sides | Shape::Claims)
}

/// The least time of [`RUNS`] runs of `f`.
fn time(mut f: impl FnMut() -> usize) -> Duration {
    (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Below this, a step's time at the largest size is too short to judge growth by: a burst of
/// load on the machine moves it more than doubling the input does.
const QUICK: Duration = Duration::from_millis(2);

/// The growth per doubling a curve's times fit: the slope of a least-squares line through
/// log(time) against log(size), as a factor (1 linear, 2 for n log n about 2.1, 4 quadratic).
/// One noisy point moves a fit over four sizes far less than it moves one ratio.
fn fitted(times: &[Duration]) -> f64 {
    let points: Vec<(f64, f64)> = SIZES
        .iter()
        .zip(times)
        .map(|(&n, t)| ((n as f64).log2(), t.as_secs_f64().max(1e-9).log2()))
        .collect();
    let count = points.len() as f64;
    let (mx, my) = points
        .iter()
        .fold((0.0, 0.0), |(a, b), (x, y)| (a + x / count, b + y / count));
    let (num, den) = points.iter().fold((0.0, 0.0), |(n, d), (x, y)| {
        (n + (x - mx) * (y - my), d + (x - mx) * (x - mx))
    });
    2f64.powf(if den > 0.0 { num / den } else { 0.0 })
}

/// Prints one curve (its times, the ratio per doubling, and the growth per doubling its times
/// fit) and returns that growth, or 0 when the step is too quick to judge.
fn curve(shape: Shape, step: &str, times: &[Duration]) -> f64 {
    let ratios: Vec<f64> = times
        .windows(2)
        .map(|w| w[1].as_secs_f64() / w[0].as_secs_f64().max(1e-9))
        .collect();
    let cells: Vec<String> = times
        .iter()
        .map(|t| format!("{:>8.1}ms", t.as_secs_f64() * 1e3))
        .collect();
    let shown: Vec<String> = ratios.iter().map(|r| format!("{r:.2}×")).collect();
    let judged = times.len() == SIZES.len() && times.last().is_some_and(|t| *t >= QUICK);
    let growth = fitted(times);
    let verdict = if judged {
        format!("{growth:.2}×")
    } else {
        "(too quick to judge)".to_owned()
    };
    println!(
        "{:<14} {:<12} {}   {}   {verdict}",
        shape.name(),
        step,
        cells.join(" "),
        shown.join(" ")
    );
    if judged { growth } else { 0.0 }
}

fn main() {
    let mut worst: f64 = 0.0;
    println!(
        "shape          step                10k        20k        40k        80k   ratios per doubling   fitted"
    );
    for shape in Shape::ALL {
        let mut load = Vec::new();
        let mut steps: Vec<Vec<Duration>> = vec![Vec::new(); STEPS.len()];
        for n in SIZES {
            let files = synth::stress(shape, n);
            load.push(time(|| {
                let loaded = synth::load(&files);
                loaded.report.diagnostics.len() + usize::from(loaded.dispute.is_some())
            }));
            let Some(d) = synth::load(&files).dispute else {
                continue;
            };
            for ((name, step), times) in STEPS.iter().zip(&mut steps) {
                if applies(name, shape) {
                    times.push(time(|| step(&d)));
                }
            }
        }
        worst = worst.max(curve(shape, "load", &load));
        for ((name, _), times) in STEPS.iter().zip(&steps) {
            if !times.is_empty() {
                worst = worst.max(curve(shape, name, times));
            }
        }
    }
    println!("worst fitted growth per doubling: {worst:.2}× (limit {LIMIT}×)");
    if worst > LIMIT {
        std::process::exit(1);
    }
}
