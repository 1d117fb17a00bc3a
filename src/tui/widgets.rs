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
    frame.render_widget(Clear, area);
    let mut block = Block::bordered()
        .title(format!(" {title} "))
        .border_style(theme.border(true));
    if let Some(at) = at {
        block = block.title(at);
    }
    if padded {
        block = block.padding(Padding::horizontal(1));
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}
