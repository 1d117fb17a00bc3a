//! Where a load's memory goes: loads the paths given (as `parallax validate` does) under a
//! counting allocator and prints the heap's peak, what the dispute keeps, and how many
//! allocations the load made. `cargo run --release --example load_memory -- DIR`

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static COUNT: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(live, Relaxed);
        COUNT.fetch_add(1, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new: usize) -> *mut u8 {
        let live = LIVE.fetch_add(new, Relaxed) + new;
        PEAK.fetch_max(live, Relaxed);
        LIVE.fetch_sub(layout.size(), Relaxed);
        COUNT.fetch_add(1, Relaxed);
        unsafe { System.realloc(ptr, layout, new) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn mib(n: usize) -> f64 {
    n as f64 / 1048576.0
}

/// Runs `f`, printing the heap's rise above where it started at its peak, and what stays.
fn phase<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let start = LIVE.load(Relaxed);
    PEAK.store(start, Relaxed);
    let out = f();
    println!(
        "{name}: peak +{:.1} MiB, keeps +{:.1} MiB",
        mib(PEAK.load(Relaxed) - start),
        mib(LIVE.load(Relaxed).saturating_sub(start))
    );
    out
}

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
