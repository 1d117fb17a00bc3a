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

/// Where the bar sits: the last four lines of the main area, or five while a note needs two
/// lines (why a date typed is not one yet, which a single line cut at 80 columns).
pub fn area(main: Rect, bar: &AsOfBar) -> Rect {
    let lines = bar.note.as_deref().map_or(1, |n| note_lines(n, main).len());
    let h = u16::try_from(3 + lines).unwrap_or(4).min(main.height);
    Rect::new(main.x, main.bottom().saturating_sub(h), main.width, h)
}

/// The note wrapped to the bar's inside at `main`'s width, in two lines at most.
fn note_lines(note: &str, main: Rect) -> Vec<String> {
    let width = usize::from(main.width.saturating_sub(4)).max(1);
    text::wrap_at_most(note, width, 2)
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
    let below: Vec<Line> = match (&bar.note, bar.span) {
        (Some(note), _) => text::wrap_at_most(note, width, 2)
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
        frame.set_cursor_position(Position::new(x, inner.y));
    }
}
