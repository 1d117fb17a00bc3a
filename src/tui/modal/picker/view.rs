//! The party picker: choose the left side, then the right, among all the dispute's sides.

use crate::text;
use crate::tui::app::App;
use crate::tui::state::picker::{Choosing as Step, Picker};
use crate::tui::strings;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// Draws the picker into `area`.
pub fn draw(frame: &mut Frame, app: &App, p: Picker, area: Rect) {
    let theme = app.theme;
    let title = match p.step {
        Step::Left => strings::PICK_LEFT,
        Step::Right => strings::PICK_RIGHT,
    };
    let offered: Vec<usize> = (0..app.dispute.sides.len())
        .filter(|&i| p.offers(i))
        .collect();
    let at = crate::tui::widgets::position(
        offered.iter().position(|&i| i == p.cursor).unwrap_or(0),
        offered.len(),
    );
    let inner = crate::tui::widgets::popup_at(frame, app.theme, area, title, false, Some(at));
    let width = usize::from(inner.width);
    let lines: Vec<Line> = app
        .dispute
        .sides
        .iter()
        .enumerate()
        .filter(|&(i, _)| p.offers(i))
        .map(|(i, side)| {
            let first = p.step == Step::Left;
            let now = match (i == app.cmp.left, i == app.cmp.right) {
                (true, _) if first => strings::NOW_LEFT,
                (true, _) => strings::WAS_LEFT,
                (_, true) if first => strings::NOW_RIGHT,
                (_, true) => strings::WAS_RIGHT,
                _ => "",
            };
            let marker = if i == p.cursor { "▶ " } else { "  " };
            let s = text::ellipsis(&format!("{marker}{} {now}", side.party.name), width);
            if i == p.cursor {
                Line::styled(s, theme.selected())
            } else {
                Line::raw(s)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
