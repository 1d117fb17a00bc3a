//! `T`: the timeline of the selected topic (or of every topic): each side's claims per day or
//! week as bars above and below one axis, the assessments on the axis, the date in force as the
//! highlighted bar. Moving along it sets the as-of date. It draws the counts of
//! [`crate::timeline`], the ones `parallax timeline` prints.

pub mod update;
pub mod view;
