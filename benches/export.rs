//! Export of the 100,000-claim synthetic dispute in each format; the target is at most 1 s each.

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::compare::Comparison;
use parallax::export::{self, Format};
use std::hint::black_box;

/// The synthetic dispute, loaded through the real loader.
fn synthetic(claims: usize) -> parallax::format::Dispute {
    synth::dispute(claims).unwrap_or_else(|| panic!("the synthetic dispute loads"))
}

fn bench(c: &mut Criterion) {
    let dispute = synthetic(100_000);
    let cmp = Comparison::new(&dispute, 0, 1);
    let mut group = c.benchmark_group("export_100k");
    group.sample_size(10);
    for format in Format::ALL {
        group.bench_function(format.extension(), |b| {
            b.iter(|| {
                let bytes = export::render(format, black_box(&dispute), black_box(&cmp), None, &[])
                    .expect("renders");
                black_box(bytes.len())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
