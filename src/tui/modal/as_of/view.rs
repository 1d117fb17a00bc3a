//! Drawing the as-of bar: at the foot of the screen, so the comparison above shows what the
//! date in force leaves of it.

use super::state::AsOfBar;
use crate::text;
use crate::tui::app::App;
use crate::tui::strings::as_of as words;
use crate::tui::widgets::popup;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Where the bar sits: the last four lines of the main area.
pub fn area(main: Rect) -> Rect {
    let h = 4.min(main.height);
    Rect::new(main.x, main.bottom().saturating_sub(h), main.width, h)
}

/// Draws the bar into `area`.
pub fn draw(frame: &mut Frame, app: &App, bar: &AsOfBar, area: Rect) {
    let theme = app.theme;
    let inner = popup(frame, theme, area, words::TITLE, true);
    let width = usize::from(inner.width);
    let (date, cursor) = bar.field.spans(
        width.saturating_sub(words::LABEL.len() + 1),
        theme.heading(),
    );
    // An empty field is every date (as Delete, or Backspace on the date proposed, leaves it).
    let date = if bar.field.text().is_empty() {
        vec![Span::styled(words::EVERY_DATE, theme.dim())]
    } else {
        date
    };
    let second = match (&bar.note, bar.span) {
        (Some(note), _) => Line::styled(text::ellipsis(note, width), theme.warning()),
        (None, Some((first, last))) => Line::styled(
            text::ellipsis(&words::span(&first.to_string(), &last.to_string()), width),
            theme.dim(),
        ),
        (None, None) => Line::styled(text::ellipsis(words::NO_DATES, width), theme.dim()),
    };
    let mut first = vec![Span::raw(words::LABEL)];
    first.extend(date);
    let lines = vec![Line::from(first), second];
    frame.render_widget(Paragraph::new(lines), inner);
    let x = inner.x + u16::try_from(words::LABEL.len() + cursor).unwrap_or(0);
    if x < inner.x + inner.width && inner.height > 0 {
        frame.set_cursor_position(Position::new(x, inner.y));
    }
}
