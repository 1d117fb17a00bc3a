//! Export of the 100,000-claim synthetic dispute in each format; the target is at most 1 s each.

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::compare::Comparison;
use parallax::export::{self, Format};
use parallax::format::Dispute;
use parallax::load::Loader;
use std::hint::black_box;

/// Builds the synthetic dispute in memory, through the real loader.
fn synthetic(claims: usize) -> Dispute {
    let files = parallax::synth::generate(claims);
    let mut loader = Loader::new();
    let mut sides = Vec::new();
    for (name, text) in &files {
        if name == "dispute.json" {
            loader.manifest(name, text.as_bytes());
        } else {
            sides.push((name, text));
        }
    }
    for (name, text) in sides {
        loader.side(name, text.as_bytes());
    }
    let loaded = loader.finish();
    assert_eq!(loaded.report.errors(), 0, "the synthetic dispute loads");
    loaded.dispute.expect("a dispute")
}

fn bench(c: &mut Criterion) {
    let dispute = synthetic(100_000);
    let cmp = Comparison::new(&dispute, 0, 1);
    let mut group = c.benchmark_group("export_100k");
    group.sample_size(10);
    for format in Format::ALL {
        group.bench_function(format.extension(), |b| {
            b.iter(|| {
                let bytes = export::render(format, black_box(&dispute), black_box(&cmp), None)
                    .expect("renders");
                black_box(bytes.len())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
