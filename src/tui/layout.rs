//! Where each region of the screen sits at a given size: the one place the screen is divided.
//! `update` (page sizes, mouse hits) and the views both use it, so neither depends on the other.

use ratatui::layout::Rect;

/// The smallest terminal the screen is laid out for; below it the screen says so.
pub const MIN_WIDTH: u16 = 50;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 12;
/// Lines a topic takes in the topic list: its title, then its counts.
pub const TOPIC_LINES: usize = 2;
/// The columns between the two panes: ` │ `.
pub const SEPARATOR_WIDTH: usize = 3;
/// The separator itself.
pub const SEPARATOR: &str = " │ ";
/// The separator in a row of unmatched claims packed side by side: they do not answer each other.
pub const PACKED_SEPARATOR: &str = " ┊ ";

/// Where each region sits on a screen of a given size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Regions {
    /// Below the minimum size: nothing but the message is drawn.
    pub too_small: bool,
    /// The header lines.
    pub header: Rect,
    /// Everything between the header and the footer: the topic list and the comparison, or a
    /// modal that covers them (a row in full).
    pub main: Rect,
    /// The topic list with its border.
    pub topics: Rect,
    /// The topic list's entries.
    pub topics_inner: Rect,
    /// The comparison with its border.
    pub comparison: Rect,
    /// The line of the sides' own framings, above the panes.
    pub framing: Rect,
    /// The two panes' rows.
    pub body: Rect,
    /// The footer line.
    pub footer: Rect,
}

/// A rectangle less its border.
pub fn inset(r: Rect) -> Rect {
    Rect::new(
        r.x.saturating_add(1),
        r.y.saturating_add(1),
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

/// A rectangle of at most `width`×`height` centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    // A margin of one column (or line) would show the frame below as a second border beside
    // the popup's own (`┌┌`): a popup that nearly fills the area fills it.
    let fill = |want: u16, room: u16| {
        if room.saturating_sub(want) <= 2 {
            room
        } else {
            want
        }
    };
    let width = fill(width, area.width);
    let height = fill(height, area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// The widths of the two panes in a comparison `width` columns wide, with the separator between.
pub fn pane_widths(width: usize) -> (usize, usize) {
    let inner = width.saturating_sub(SEPARATOR_WIDTH).max(2);
    (inner / 2, inner - inner / 2)
}

/// Divides a screen of `area` whose header has `header_lines` lines.
pub fn regions(area: Rect, header_lines: u16) -> Regions {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Regions {
            too_small: true,
            ..Regions::default()
        };
    }
    let header_h = header_lines.min(area.height - 4);
    let header = Rect::new(area.x, area.y, area.width, header_h);
    let footer = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    let main = Rect::new(
        area.x,
        area.y + header_h,
        area.width,
        area.height - header_h - 1,
    );
    // A quarter of the width: titles whole on a wide screen (at 200 columns a 34-column list
    // cut "Diplomatic outreach after the f…" beside a 160-column comparison).
    let topics_w = (area.width / 4).clamp(18, 48);
    let topics = Rect::new(main.x, main.y, topics_w, main.height);
    let comparison = Rect::new(
        main.x + topics_w,
        main.y,
        main.width - topics_w,
        main.height,
    );
    let inner = inset(comparison);
    let framing = Rect::new(inner.x, inner.y, inner.width, 1);
    let body = Rect::new(
        inner.x,
        inner.y + 2,
        inner.width,
        inner.height.saturating_sub(2),
    );
    Regions {
        too_small: false,
        header,
        main,
        topics,
        topics_inner: inset(topics),
        comparison,
        framing,
        body,
        footer,
    }
}

/// Of lines given as (index, characters), the one whose start is nearest `read` characters in:
/// the line holding that character, or the next when it starts closer. How a resize finds the
/// text that was at the top again as the lines wrap anew, without creeping a line each time.
pub fn nearest_start(read: usize, lines: impl Iterator<Item = (usize, usize)>) -> Option<usize> {
    let mut seen = 0;
    let mut lines = lines
        .map(|(j, n)| {
            let start = seen;
            seen += n;
            (j, start, seen)
        })
        .skip_while(|&(_, _, end)| end <= read);
    let (j, start, end) = lines.next()?;
    match lines.next() {
        Some((next, _, _)) if read - start > end - read => Some(next),
        _ => Some(j),
    }
}
