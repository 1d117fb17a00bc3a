//! Pieces every modal draws with: the popup frame, so every popup looks the same.

use super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Padding};

/// A list's position for its border: `38/137`, the selected entry and how many there are.
pub fn position(selected: usize, total: usize) -> Line<'static> {
    let shown = if total == 0 { 0 } else { selected + 1 };
    Line::from(format!(" {shown}/{total} ")).right_aligned()
}

/// Clears `area` and draws a popup's border and title over it (with a column of padding on each
/// side when `padded`); returns the inside.
pub fn popup(frame: &mut Frame, theme: Theme, area: Rect, title: &str, padded: bool) -> Rect {
    popup_at(frame, theme, area, title, padded, None)
}

/// [`popup`] with a list's position on its top border, right-aligned.
pub fn popup_at(
    frame: &mut Frame,
    theme: Theme,
    area: Rect,
    title: &str,
    padded: bool,
    at: Option<Line<'static>>,
) -> Rect {
    framed(frame, theme, area, title, padded, at, None)
}

/// A padded [`popup`] with a note on its bottom border (what is out of sight), when there is one.
pub fn popup_noted(
    frame: &mut Frame,
    theme: Theme,
    area: Rect,
    title: &str,
    note: Option<Line<'static>>,
) -> Rect {
    framed(frame, theme, area, title, true, None, note)
}

/// A border's title beside the note on the same border (a list's position), in a box `width`
/// columns wide: it gives way to the note, cut with `…` (ratatui cut it mid-word: `Find topi
/// 63/137`, `Topi 10000/10000`), and runs up to the note, whose own space sets them apart.
pub fn fitted_title(title: &str, width: u16, note: Option<&Line<'_>>) -> String {
    let room = usize::from(width.saturating_sub(2))
        .saturating_sub(note.map_or(0, Line::width))
        .saturating_sub(1);
    if crate::text::width(title) <= room {
        format!(" {title} ")
    } else {
        format!(" {}", crate::text::ellipsis(title, room).trim_end())
    }
}

/// Every popup's frame: cleared, bordered, titled, with the notes given on its borders.
fn framed(
    frame: &mut Frame,
    theme: Theme,
    area: Rect,
    title: &str,
    padded: bool,
    top: Option<Line<'static>>,
    bottom: Option<Line<'static>>,
) -> Rect {
    frame.render_widget(Clear, area);
    let mut block = Block::bordered()
        .title(fitted_title(title, area.width, top.as_ref()))
        .border_style(theme.border(true));
    if let Some(at) = top {
        block = block.title(at);
    }
    if let Some(note) = bottom {
        block = block.title_bottom(note);
    }
    if padded {
        block = block.padding(Padding::horizontal(1));
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}
