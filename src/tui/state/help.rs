//! The help's state: where it is scrolled and whose keys it lists.

/// The help over a modal (or the comparison screen): that one's keys, scrolled by some lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Help {
    /// Lines scrolled off above.
    pub scroll: usize,
    /// The name of what is beneath, heading its keys.
    pub title: &'static str,
    /// The keys of what is beneath that work there now.
    pub keys: Vec<KeyLine>,
    /// Its other keys, which do nothing there yet (`n` before a search, `↑` on the first row):
    /// listed after the others, so every key of the part can be found.
    pub later: Vec<KeyLine>,
    /// The keys in force that scroll the help down, for its last line (`↓, j or PgDn`).
    pub scroll_keys: Vec<String>,
    /// The keys in force that scroll it back up, for its first line (`↑, k or PgUp`).
    pub back_keys: Vec<String>,
    /// The keys in force that close it, for its last note (`Esc or ?`).
    pub close_keys: Vec<String>,
    /// Opened from a line that types, where `F1` opens it whatever the config file gives the
    /// help: `F1` closes it too.
    pub from_typing: bool,
}

/// One line of the help's key table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyLine {
    /// The keys, as help shows them.
    pub keys: String,
    /// What they do.
    pub help: &'static str,
}
