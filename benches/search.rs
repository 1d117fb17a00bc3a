//! Search benchmarks: both matchers over 10,000 and 100,000 synthetic claims on a query that
//! matches much and one that matches little, a search made once without an index against
//! building the index first, and the cost of one keystroke in a view (search,
//! filter, narrowing and re-rendering the visible topic) while a query is typed.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use parallax::compare::Comparison;
use parallax::format::Dispute;
use parallax::query::{MatcherKind, Pattern, Query, Searcher, Session, oneshot};
use std::hint::black_box;
/// The synthetic dispute, loaded through the real loader.
fn dispute(claims: usize) -> parallax::format::Dispute {
    synth::dispute(claims).unwrap_or_else(|| panic!("the synthetic dispute loads"))
}

fn full_scan(c: &mut Criterion) {
    let mut group = c.benchmark_group("search");
    group.sample_size(10);
    for n in [10_000, 100_000] {
        let d = dispute(n);
        for m in MatcherKind::ALL {
            let searcher = Searcher::new(&d, m);
            for q in ["ceasefire", "zqx"] {
                let id = BenchmarkId::new(format!("{}/{q}", m.as_str()), n);
                group.bench_with_input(id, &q, |b, q| {
                    b.iter(|| black_box(searcher.search_all(q, |_| true).1.len()))
                });
            }
        }
    }
    group.finish();
}

/// A cold `parallax search` searches once: without an index (`query::oneshot`), against
/// building the index first and searching it (the same hits, in the same order).
fn once(c: &mut Criterion) {
    let mut group = c.benchmark_group("search-once");
    group.sample_size(10);
    let m = MatcherKind::Nucleo;
    for n in [10_000, 100_000] {
        let d = dispute(n);
        for q in ["ceasefire", "zqx"] {
            let id = BenchmarkId::new(format!("no-index/{q}"), n);
            group.bench_with_input(id, &q, |b, q| {
                b.iter(|| black_box(oneshot::rank(&Pattern::new(q, m), &d, |_, _| true).len()))
            });
            let id = BenchmarkId::new(format!("index-then-search/{q}"), n);
            group.bench_with_input(id, &q, |b, q| {
                b.iter(|| black_box(Searcher::new(&d, m).search_all(q, |_| true).1.len()))
            });
        }
    }
    group.finish();
}

/// One keystroke as a view sees it: run the pipeline, then lay out the topic of the first hit.
fn keystroke(session: &mut Session, d: &Dispute, cmp: &Comparison, q: &Query) -> usize {
    let out = session.run(d, cmp, q);
    let topic = out.order.first().map_or(0, |h| h.topic);
    let mut text = String::new();
    if let Some(t) = out.comparison.topics.get(topic) {
        parallax::plain::topic(&mut text, d, &out.comparison, t, 120);
    }
    text.len()
}

fn typing(c: &mut Criterion) {
    let mut group = c.benchmark_group("keystroke");
    group.sample_size(10);
    let d = dispute(100_000);
    let cmp = Comparison::new(&d, 0, 1);
    let typed = "ceasefire";
    for m in MatcherKind::ALL {
        let mut session = Session::new(&d, m);
        let query = |s: &str| Query {
            search: Some(s.to_owned()),
            narrow: true,
            ..Query::default()
        };
        // The heaviest keystroke: the first letter scans everything.
        group.bench_function(format!("{}/first-letter/100000", m.as_str()), |b| {
            b.iter(|| {
                session.forget();
                black_box(keystroke(&mut session, &d, &cmp, &query("c")))
            })
        });
        // A later keystroke: the query grew, so only the previous hits are searched.
        keystroke(&mut session, &d, &cmp, &query(typed));
        group.bench_function(format!("{}/narrowed/100000", m.as_str()), |b| {
            b.iter(|| black_box(keystroke(&mut session, &d, &cmp, &query(typed))))
        });
        // The whole word typed letter by letter, from nothing: divide by 9 for a mean.
        group.bench_function(format!("{}/typing-9-letters/100000", m.as_str()), |b| {
            b.iter(|| {
                session.forget();
                (1..=typed.len())
                    .map(|end| keystroke(&mut session, &d, &cmp, &query(&typed[..end])))
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, full_scan, once, typing);
criterion_main!(benches);
