//! Where a load's memory goes: loads the paths given (as `parallax validate` does) under a
//! counting allocator and prints the heap's peak, what the dispute keeps, and how many
//! allocations the load made. `cargo run --release --example load_memory -- DIR`

mod common;

use common::{COUNT, Counting, LIVE, PEAK, mib, phase};
use std::sync::atomic::Ordering::Relaxed;

#[global_allocator]
static GLOBAL: Counting = Counting;

fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args_os().skip(1).map(Into::into).collect();
    let gathered = parallax::load::gather(&paths, parallax::load::DEFAULT_MAX_FILE);
    let input: usize = gathered
        .bytes()
        .map_or(0, |b| b.iter().map(|b| b.len()).sum());
    let count = COUNT.load(Relaxed);
    // As the commands load (each side file dropped once checked), or as the screen does.
    let loaded = if std::env::var_os("KEEP_FILES").is_some() {
        gathered.load()
    } else {
        gathered.into_loaded()
    };
    let claims = loaded.dispute.as_ref().map_or(0, |d| d.claims().count());
    println!(
        "input {:.1} MiB, {claims} claims, {} diagnostics",
        mib(input),
        loaded.report.diagnostics.len()
    );
    println!(
        "load: peak heap {:.1} MiB ({:.2}x input), dispute keeps {:.1} MiB ({:.2}x), {} allocations ({:.1} per claim)",
        mib(PEAK.load(Relaxed)),
        PEAK.load(Relaxed) as f64 / input as f64,
        mib(LIVE.load(Relaxed)),
        LIVE.load(Relaxed) as f64 / input as f64,
        COUNT.load(Relaxed) - count,
        (COUNT.load(Relaxed) - count) as f64 / claims.max(1) as f64,
    );
    println!(
        "sizes: Claim {} SourceRef {} Row {}",
        std::mem::size_of::<parallax::format::Claim>(),
        std::mem::size_of::<parallax::format::SourceRef>(),
        std::mem::size_of::<parallax::compare::Row>(),
    );
    let Some(dispute) = loaded.dispute else {
        return;
    };
    let cmp = phase("compare", || {
        parallax::compare::Comparison::new(&dispute, 0, 1)
    });
    let query = parallax::query::Query {
        filter: Default::default(),
        search: None,
        narrow: true,
    };
    let results = phase("query (no filter)", || {
        parallax::query::apply(&dispute, &cmp, &query, Default::default())
    });
    phase("show", || {
        parallax::plain::write_show(&mut std::io::sink(), &dispute, &results.comparison, 100)
    })
    .ok();
    for format in parallax::export::Format::ALL {
        phase(&format!("export {}", format.extension()), || {
            parallax::export::render_to(format, &dispute, &cmp, None, &[], &mut std::io::sink())
        })
        .ok();
    }
}
