//! A counting allocator the memory examples share: the heap's live bytes, its peak, and the
//! number of allocations, with `phase` to print what one step of work rises to and keeps.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// The system allocator, counting.
pub struct Counting;

/// Bytes allocated and not yet freed.
pub static LIVE: AtomicUsize = AtomicUsize::new(0);
/// The most `LIVE` reached since it was last reset.
pub static PEAK: AtomicUsize = AtomicUsize::new(0);
/// Allocations and reallocations made.
pub static COUNT: AtomicUsize = AtomicUsize::new(0);

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

/// Bytes in MiB.
pub fn mib(n: usize) -> f64 {
    n as f64 / 1048576.0
}

/// Runs `f`, printing the heap's rise above where it started at its peak, what stays, the heap's
/// total afterwards, and the time it took (wall clock, so only a rough guide).
pub fn phase<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let start = LIVE.load(Relaxed);
    PEAK.store(start, Relaxed);
    let clock = std::time::Instant::now();
    let out = f();
    let took = clock.elapsed();
    println!(
        "{name}: peak +{:.1} MiB, keeps +{:.1} MiB (total live {:.1} MiB), {:.0} ms",
        mib(PEAK.load(Relaxed) - start),
        mib(LIVE.load(Relaxed).saturating_sub(start)),
        mib(LIVE.load(Relaxed)),
        took.as_secs_f64() * 1000.0,
    );
    out
}
