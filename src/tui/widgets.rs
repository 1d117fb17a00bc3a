//! Pieces every modal draws with: the popup frame, so every popup looks the same.

use super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear, Padding};

/// Clears `area` and draws a popup's border and title over it (with a column of padding on each
/// side when `padded`); returns the inside.
pub fn popup(frame: &mut Frame, theme: Theme, area: Rect, title: &str, padded: bool) -> Rect {
    frame.render_widget(Clear, area);
    let mut block = Block::bordered()
        .title(format!(" {title} "))
        .border_style(theme.border(true));
    if padded {
        block = block.padding(Padding::horizontal(1));
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}
