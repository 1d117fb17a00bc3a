//! Where the search's memory goes: loads a dispute as the screen does, under a counting
//! allocator, then builds the search index and types a query, printing each step's heap peak and
//! what it keeps. `cargo run --release --example search_memory -- DIR [QUERY]`

mod common;

use common::{Counting, LIVE, mib, phase};
use std::sync::Arc;
use std::sync::atomic::Ordering::Relaxed;

#[global_allocator]
static GLOBAL: Counting = Counting;

fn main() {
    let mut args = std::env::args_os().skip(1);
    let paths: Vec<std::path::PathBuf> = args.next().into_iter().map(Into::into).collect();
    let typed = args
        .next()
        .and_then(|q| q.into_string().ok())
        .unwrap_or_else(|| "cease".to_owned());
    let gathered = parallax::load::gather(&paths, parallax::load::DEFAULT_MAX_FILE);
    let input: usize = gathered
        .bytes()
        .map_or(0, |b| b.iter().map(|b| b.len()).sum());
    let loaded = phase("load", || gathered.into_loaded());
    println!("input {:.1} MiB", mib(input));
    let Some(dispute) = loaded.dispute else {
        return;
    };
    let dispute = Arc::new(dispute);
    let cmp = phase("compare", || {
        Arc::new(parallax::compare::Comparison::new(&dispute, 0, 1))
    });
    // The screen's index reads the dispute's strings; an index of its own copies them.
    let owned = phase("index (owning its strings)", || {
        parallax::query::Index::new(&dispute)
    });
    drop(owned);
    let index = phase("index (the screen's)", || {
        parallax::query::Index::shared(Arc::clone(&dispute))
    });
    for (name, bytes) in index.memory() {
        println!("  {name}: {:.1} MiB", mib(bytes));
    }
    drop(index);
    let mut session = phase("session", || {
        parallax::query::Session::shared(Arc::clone(&dispute), Default::default())
    });
    session.typing(true);
    let mut query = parallax::query::Query {
        filter: Default::default(),
        search: None,
        narrow: false,
    };
    let mut kept = Vec::new();
    for end in 1..=typed.len() {
        query.search = typed.get(..end).map(str::to_owned);
        let results = phase(
            &format!("search {:?}", query.search.as_deref().unwrap_or("")),
            || session.run_shared(&dispute, &cmp, &query),
        );
        println!("  hits {}", results.order.len());
        kept.push(results);
        if kept.len() > 2 {
            kept.remove(0);
        }
    }
    // Ranked as the screen's ranking worker does: in parts, then placed.
    if let Some(ranking) = kept.last().and_then(|last| last.ranking()) {
        let ranked = phase("rank", || {
            let mut steps = ranking.steps(32_768);
            while steps.step() {}
            ranking.place(steps.finish())
        });
        println!("  ranked {}", ranked.len());
    }
    println!(
        "overall: live {:.1} MiB ({:.2}x input)",
        mib(LIVE.load(Relaxed)),
        LIVE.load(Relaxed) as f64 / input as f64
    );
}
