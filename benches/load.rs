//! Loading, validating and comparing a 100,000-claim synthetic dispute, against the baseline of a
//! bare serde_json parse of the same files into `serde_json::Value`, in the same run.
//! Target: the full load is no more than twice the baseline.

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::compare::Comparison;
use std::hint::black_box;

const CLAIMS: usize = 100_000;

/// The same allocator as the binary, so the bench measures what users run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn bench(c: &mut Criterion) {
    let files = synth::generate(CLAIMS);
    let mut group = c.benchmark_group("load_100k");
    group.sample_size(10);
    group.bench_function("baseline_serde_json_value", |b| {
        b.iter(|| {
            for (_, text) in &files {
                let v: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
                black_box(v);
            }
        })
    });
    group.bench_function("parallax_load_validate_compare", |b| {
        b.iter(|| {
            let loaded = synth::load(&files);
            if let Some(d) = &loaded.dispute {
                black_box(Comparison::new(d, 0, 1));
            }
            black_box(loaded.report.errors())
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
