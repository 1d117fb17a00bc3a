//! The timeline's state: the counts (made once, when it opens or changes topic), which topic
//! they are of, the bar the date in force sits in, and the date in force when it opened.

use crate::format::Date;
use crate::timeline::Timeline;

/// The open timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    /// The counts, of the comparison as filtered but at every date.
    pub counts: Timeline,
    /// The topic counted (its id), or `None` for every topic.
    pub topic: Option<String>,
    /// The topic's title, or the words for every topic.
    pub title: String,
    /// The bar of the date in force; `None` while no date is in force.
    pub cursor: Option<usize>,
    /// The date in force when the timeline opened (Esc goes back to it).
    pub before: Option<Date>,
    /// The topic (its id) and row selected when the timeline opened (Esc selects them again,
    /// where a date moved the selection away).
    pub selected: (Option<String>, usize),
    /// The topic (its id) and row charted now: the one it opened on, or one `↑` or `↓` chose.
    /// Selected again wherever a date moved the selection away while the timeline is open.
    pub showing: (Option<String>, usize),
    /// Each topic's sparkline, by id, for the topic list beside the chart (looked up per drawn
    /// topic, so a map).
    pub sparks: foldhash::HashMap<String, Vec<usize>>,
}
