use parallax::compare::Comparison;
use parallax::query::{MatcherKind, Searcher};
use std::time::Instant;
#[test]
fn look() {
    let d = parallax::synth::dispute(100_000).unwrap();
    let _cmp = Comparison::new(&d, 0, 1);
    let mut s = Searcher::new(&d, MatcherKind::Nucleo);
    let cands: Vec<usize> = (0..s.index().len()).collect();
    for round in 0..3 {
        s.forget();
        for end in 1..=9 {
            let t = Instant::now();
            let (_p, hits) = s.search(&"ceasefire"[..end], &cands);
            let run = t.elapsed();
            if round == 2 { eprintln!("{end}: search {:?} hits {}", run, hits.len()); }
        }
    }
    eprintln!("nproc {:?}", std::thread::available_parallelism());
}
