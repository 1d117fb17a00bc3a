//! The screen's tuning of its allocator (`alloc/`): mimalloc hands a freed page back to the OS
//! at once, so the screen's idle workers do not sit on what their last job freed.

#[test]
fn purge_at_free_makes_mimalloc_hand_pages_back_at_once() {
    // A delay the user set is theirs to keep.
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
        return;
    }
    // mimalloc's own default: 10 ms.
    assert_eq!(parallax_alloc::purge_delay(), 10);
    parallax_alloc::purge_at_free();
    assert_eq!(parallax_alloc::purge_delay(), 0);
}
