//! Drawing the problems panel over the lower part of the screen: what happened, then each
//! problem wrapped to the width.

use crate::tui::app::App;
use crate::tui::state::reload::Problems;
use crate::tui::strings;
use crate::tui::widgets::popup_noted;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// The panel's text wrapped to its inside at `main`'s width (the first line the intro), and
/// the panel's height: as tall as the text but no taller than half of `main` (at least 6
/// lines), so the last good dispute shows above it.
fn laid_out(app: &App, p: &Problems, main: Rect) -> (Vec<Line<'static>>, u16) {
    let width = usize::from(main.width.saturating_sub(4)).max(1);
    let intro = strings::problems_intro(p.problems.len());
    let mut lines: Vec<Line> = textwrap::wrap(&intro, width)
        .into_iter()
        .map(|l| Line::styled(l.into_owned(), app.theme.warning()))
        .collect();
    lines.push(Line::raw(""));
    for x in &p.problems {
        let item = format!("• {}", x.text);
        let wrap = textwrap::Options::new(width).subsequent_indent("  ");
        lines.extend(
            textwrap::wrap(&item, wrap)
                .into_iter()
                .map(|l| Line::raw(l.into_owned())),
        );
    }
    let most = (main.height / 2).max(6).min(main.height);
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX).min(most);
    (lines, height)
}

/// The furthest the panel scrolls: its last line at the bottom.
pub fn max_scroll(app: &App, p: &Problems) -> usize {
    let main = app.regions().main;
    let (lines, height) = laid_out(app, p, main);
    lines
        .len()
        .saturating_sub(usize::from(height.saturating_sub(2)))
}

/// Draws the panel at the bottom of `main`; lines out of sight are counted on its bottom
/// border, as in the row in full, so nothing is cut without a sign.
pub fn draw(frame: &mut Frame, app: &App, p: &Problems, main: Rect) {
    let (lines, height) = laid_out(app, p, main);
    let area = Rect::new(main.x, main.bottom() - height, main.width, height);
    let room = usize::from(height.saturating_sub(2));
    let scroll = p.scroll.min(lines.len().saturating_sub(room));
    let below = lines.len().saturating_sub(scroll + room);
    let note = strings::hidden_lines(scroll, below)
        .map(|n| Line::styled(n, app.theme.warning()).right_aligned());
    let inner = popup_noted(frame, app.theme, area, strings::PROBLEMS_TITLE, note);
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(room).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
