//! The tuning of the allocator (`alloc/`): mimalloc hands a freed page back to the OS at once,
//! for the whole life of the screen (its idle workers would sit on what their last job freed),
//! and for a part of a one-shot command (`search`'s ranking, under which the files' bytes,
//! freed on other threads, stayed resident).

/// One test: mimalloc's options are the process's, and tests run on threads at once.
#[test]
fn pages_are_handed_back_at_once_for_a_part_of_a_command_or_from_then_on() {
    // A delay the user set is theirs to keep.
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
        return;
    }
    // mimalloc's own default: 10 ms.
    assert_eq!(parallax_alloc::purge_delay(), 10);
    let eager = parallax_alloc::PurgeAtFree::begin();
    assert_eq!(parallax_alloc::purge_delay(), 0);
    drop(eager);
    assert_eq!(
        parallax_alloc::purge_delay(),
        10,
        "the delay before is back"
    );
    parallax_alloc::purge_at_free();
    assert_eq!(parallax_alloc::purge_delay(), 0);
}
