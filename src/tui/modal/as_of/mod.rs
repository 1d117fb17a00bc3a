//! `t`: the date the screen is seen as of. A bar to type a date or step it by a day or a week;
//! the comparison beneath follows at once (the same as-of rules as `show --as-of`).

pub mod update;
pub mod view;
