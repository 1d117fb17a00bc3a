//! Drawing the problems panel over the lower part of the screen: what happened, then each
//! problem wrapped to the width.

use super::state::Problems;
use crate::tui::app::App;
use crate::tui::strings;
use crate::tui::widgets::popup;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

/// Draws the panel at the bottom of `main`, as tall as its text wrapped but no taller than half
/// of it (at least 6 lines), so the last good dispute shows above it.
pub fn draw(frame: &mut Frame, app: &App, p: &Problems, main: Rect) {
    let intro = strings::problems_intro(p.problems.len());
    let items: Vec<String> = p.problems.iter().map(|x| format!("• {}", x.text)).collect();
    let width = usize::from(main.width.saturating_sub(4)).max(1);
    let wrapped: usize = std::iter::once(&intro)
        .chain(&items)
        .map(|t| textwrap::wrap(t, width).len())
        .sum::<usize>()
        + 1;
    let mut lines = vec![Line::styled(intro, app.theme.warning()), Line::raw("")];
    lines.extend(items.into_iter().map(Line::raw));
    let most = (main.height / 2).max(6).min(main.height);
    let height = u16::try_from(wrapped + 2).unwrap_or(u16::MAX).min(most);
    let area = Rect::new(main.x, main.bottom() - height, main.width, height);
    let inner = popup(frame, app.theme, area, strings::PROBLEMS_TITLE, true);
    let scroll = u16::try_from(p.scroll).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        inner,
    );
}
