//! Where a claim stands in its side: how hits of equal score are ordered. Apart from the ranking,
//! so the index (which keeps it for each entry) and the ranking (which sorts by it) both read it
//! without importing each other.

/// Where the claim at `at` of a side of `len` claims stands in it, as a fraction of the side
/// (0 its first, near `u32::MAX` its last). Hits of equal score are listed by it, then by the
/// dispute's order: one side's hits do not all come before the other's (on LIAR, 100 Democratic
/// claims came before the first Republican one for `obama`), and each side's stay in its order.
pub fn tie(at: usize, len: usize) -> u32 {
    let share = (at as u128) << 32;
    u32::try_from(share / (len.max(1) as u128)).unwrap_or(u32::MAX)
}
