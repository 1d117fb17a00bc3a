//! Tuning of mimalloc, parallax's allocator: the workspace's only unsafe code (one option of
//! mimalloc, set and read through its C API), kept in a crate of its own so that `parallax`
//! itself goes on forbidding unsafe code.
//!
//! mimalloc hands a freed page back to the OS only once it has been free for its purge delay
//! (10 ms), and it checks that age only when the thread that owns the page next allocates or
//! frees. The screen's workers (the search index, each search, the ranking, the filter counts)
//! go idle as soon as their job is done, so what they freed stayed resident: after a search of
//! 100,000 claims the screen held 18 MiB of free pages (see BENCHMARKS.md). With a delay of 0,
//! the free that empties a page hands it back.

#![deny(unsafe_op_in_unsafe_fn)]

use libmimalloc_sys::{mi_option_eager_commit_delay, mi_option_t, mi_option_use_numa_nodes};

/// `mi_option_purge_delay` of mimalloc's v2 `mimalloc.h` (the `v2` feature, as parallax builds
/// it), which libmimalloc-sys names no constant for: the option between `eager_commit_delay`
/// and `use_numa_nodes`.
const PURGE_DELAY: mi_option_t = mi_option_eager_commit_delay + 1;

// The header's order, checked against the constants the bindings do name: a mimalloc whose
// options were renumbered fails to build here rather than setting another option.
const _: () = assert!(mi_option_use_numa_nodes == PURGE_DELAY + 1);

/// Makes mimalloc hand a page back to the OS at the free that empties it. For a long-lived
/// process whose threads idle between jobs (the screen); a one-shot command is faster with
/// the default, reusing what it freed. A delay the user set (`MIMALLOC_PURGE_DELAY`) is kept.
pub fn purge_at_free() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
        return;
    }
    // SAFETY: `mi_option_set` stores a number in mimalloc's table of options, which it reads
    // at each purge; it takes any option and value, from any thread, at any time.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) }
}

/// While it lives, mimalloc hands a page back to the OS at the free that empties it, as
/// [`purge_at_free`] has it; dropped, the delay is what it was before. For a part of a one-shot
/// command that frees what other threads allocated (they hand it back only at their next
/// allocation), without making the rest of the command fault in fresh pages for what it frees
/// and allocates again.
pub struct PurgeAtFree {
    before: std::ffi::c_long,
}

impl PurgeAtFree {
    /// Hands pages back at once from now on, until the value is dropped.
    pub fn begin() -> Self {
        let before = purge_delay();
        purge_at_free();
        PurgeAtFree { before }
    }
}

impl Drop for PurgeAtFree {
    fn drop(&mut self) {
        // SAFETY: as in `purge_at_free`.
        unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, self.before) }
    }
}

/// mimalloc's purge delay now, in milliseconds.
pub fn purge_delay() -> std::ffi::c_long {
    // SAFETY: `mi_option_get` reads a number from mimalloc's table of options, initialising
    // it from the environment on the first read; it is callable from any thread at any time.
    unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) }
}
