//! Scaling: each stress shape (many topics, points, unknown fields, sides, a long rebuttal
//! chain, claims) at 10k, 20k, 40k and 80k, loaded, validated, compared and rendered as `show`
//! renders it, in process. Every step is O(n log n) or better, so doubling the size should at
//! most about double the time: the bench prints each shape's curve and the ratio per doubling,
//! and exits with status 1 when a ratio passes 2.2.
//!
//! `cargo bench --bench scaling` (in-process; the files are built in memory first and not timed).

use parallax::compare::Comparison;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The same allocator as the binary, so the bench measures what users run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SIZES: [usize; 4] = [10_000, 20_000, 40_000, 80_000];
/// The most a doubling may multiply the time by.
const LIMIT: f64 = 2.2;

/// Load, validate, compare the first two sides and render the comparison, as `show` does.
fn run(files: &[(String, String)]) -> usize {
    let loaded = synth::load(files);
    let Some(dispute) = &loaded.dispute else {
        return loaded.report.diagnostics.len();
    };
    let cmp = Comparison::new(dispute, 0, 1);
    let shown = parallax::plain::show(dispute, &cmp, 100);
    black_box(shown.len()) + loaded.report.diagnostics.len()
}

/// The median of five timed runs.
fn time(files: &[(String, String)]) -> Duration {
    let mut times: Vec<Duration> = (0..5)
        .map(|_| {
            let start = Instant::now();
            black_box(run(files));
            start.elapsed()
        })
        .collect();
    times.sort();
    times[2]
}

fn main() {
    let mut worst: f64 = 0.0;
    println!("shape            10k        20k        40k        80k   ratios per doubling");
    for shape in synth::Shape::ALL {
        let times: Vec<Duration> = SIZES
            .iter()
            .map(|&n| time(&synth::stress(shape, n)))
            .collect();
        let ratios: Vec<f64> = times
            .windows(2)
            .map(|w| w[1].as_secs_f64() / w[0].as_secs_f64().max(1e-9))
            .collect();
        worst = ratios.iter().copied().fold(worst, f64::max);
        let cells: Vec<String> = times
            .iter()
            .map(|t| format!("{:>8.1}ms", t.as_secs_f64() * 1e3))
            .collect();
        let shown: Vec<String> = ratios.iter().map(|r| format!("{r:.2}×")).collect();
        println!(
            "{:<14} {}   {}",
            shape.name(),
            cells.join(" "),
            shown.join(" ")
        );
    }
    println!("worst ratio per doubling: {worst:.2}× (limit {LIMIT}×)");
    if worst > LIMIT {
        std::process::exit(1);
    }
}
