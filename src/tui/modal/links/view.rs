//! Drawing the link chooser: one line per link, the highlighted one marked.

use crate::text;
use crate::tui::app::App;
use crate::tui::state::links::Links;
use crate::tui::strings;
use crate::tui::widgets::{popup_at, position};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// Draws the chooser into `area`.
pub fn draw(frame: &mut Frame, app: &App, links: &Links, area: Rect) {
    let at = position(links.cursor, links.choices.len());
    let inner = popup_at(
        frame,
        app.theme,
        area,
        strings::LINKS_TITLE,
        false,
        Some(at),
    );
    let width = usize::from(inner.width);
    let lines: Vec<Line> = links
        .choices
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let marker = if i == links.cursor { "▶ " } else { "  " };
            let s = text::ellipsis(&format!("{marker}{}", c.label), width);
            if i == links.cursor {
                Line::styled(s, app.theme.selected())
            } else {
                Line::raw(s)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
