//! Drawing the as-of bar: at the foot of the screen, so the comparison above shows what the
//! date in force leaves of it.

use crate::text;
use crate::tui::app::App;
use crate::tui::state::Modal;
use crate::tui::state::as_of::AsOfBar;
use crate::tui::strings::as_of as words;
use crate::tui::widgets::popup;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the bar at the foot of `main`: its last four lines, or five or six while a note needs
/// more (why a date typed is not one yet, which a single line cut at 80 columns). The note is
/// wrapped once, for the bar's height and its lines alike.
pub fn draw(frame: &mut Frame, app: &App, bar: &AsOfBar, main: Rect) {
    let theme = app.theme;
    // The bar's inside: its border and padding off `main`'s width.
    let width = usize::from(main.width.saturating_sub(4)).max(1);
    // Up to three lines: a date before `since` says why and where to clear it, whole at 80
    // columns (two cut the key it names).
    let note = bar.note.as_deref().map(|n| text::wrap_at_most(n, width, 3));
    let h = u16::try_from(3 + note.as_ref().map_or(1, Vec::len))
        .unwrap_or(4)
        .min(main.height);
    let area = Rect::new(main.x, main.bottom().saturating_sub(h), main.width, h);
    let inner = popup(frame, theme, area, words::TITLE, true);
    let width = usize::from(inner.width);
    let (date, cursor) = bar.field.spans(
        width.saturating_sub(words::LABEL.len() + 1),
        theme.heading(),
    );
    // An empty field is every date (as Delete leaves it).
    let date = if bar.field.text().is_empty() {
        vec![Span::styled(words::EVERY_DATE, theme.dim())]
    } else {
        date
    };
    let below: Vec<Line> = match (note, bar.span) {
        (Some(note), _) => note
            .into_iter()
            .map(|l| Line::styled(l, theme.warning()))
            .collect(),
        (None, Some((first, last))) => vec![Line::styled(
            text::ellipsis(&words::span(&first.to_string(), &last.to_string()), width),
            theme.dim(),
        )],
        (None, None) => vec![Line::styled(
            text::ellipsis(words::NO_DATES, width),
            theme.dim(),
        )],
    };
    let mut first = vec![Span::raw(words::LABEL)];
    first.extend(date);
    let mut lines = vec![Line::from(first)];
    lines.extend(below);
    frame.render_widget(Paragraph::new(lines), inner);
    let x = inner.x + u16::try_from(words::LABEL.len() + cursor).unwrap_or(0);
    if x < inner.x + inner.width && inner.height > 0 {
        super::super::place_cursor(
            frame,
            app,
            |m| matches!(m, Modal::AsOf(_)),
            Position::new(x, inner.y),
        );
    }
}
