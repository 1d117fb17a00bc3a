//! Drawing the topic finder over the topic list: the typed words, then the topics they leave,
//! one title a line, the chosen one marked; the border shows the position (`3/12`).

use crate::text;
use crate::tui::app::App;
use crate::tui::layout::inset;
use crate::tui::state::Modal;
use crate::tui::state::find_topic::FindTopic;
use crate::tui::strings::find_topic as words;
use crate::tui::widgets::{popup_at, position};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// Lines above the list: the typed words and a rule.
const TOP: u16 = 2;

/// Topics the finder lists at once.
pub fn page(app: &App) -> usize {
    usize::from(inset(app.regions().topics).height.saturating_sub(TOP)).max(1)
}

/// Draws the finder into `area` (the topic list's place).
pub fn draw(frame: &mut Frame, app: &App, f: &FindTopic, area: Rect) {
    let theme = app.theme;
    let at = position(f.cursor, f.found.len());
    let inner = popup_at(frame, theme, area, words::TITLE, false, Some(at));
    let width = usize::from(inner.width);
    let label = words::PROMPT;
    let (typed, cursor) = f.field.shown(width.saturating_sub(text::width(label) + 1));
    let mut lines = vec![
        Line::from(vec![
            Span::styled(label, theme.key()),
            Span::styled(typed, theme.heading()),
        ]),
        Line::styled("─".repeat(width), theme.dim()),
    ];
    let topics = &app.shown().topics;
    let list = Rect::new(
        inner.x,
        inner.y + TOP,
        inner.width,
        inner.height.saturating_sub(TOP),
    );
    if f.found.is_empty() {
        frame.render_widget(Paragraph::new(lines), inner);
        frame.render_widget(
            Paragraph::new(Line::styled(
                words::nothing_found(f.field.text()),
                theme.warning(),
            ))
            .wrap(Wrap { trim: true }),
            list,
        );
    } else {
        for (i, &t) in f.found.iter().enumerate().skip(f.top).take(page(app)) {
            let title = topics.get(t).map_or("", |t| t.title.as_str());
            let chosen = i == f.cursor;
            let marker = if chosen { "▶ " } else { "  " };
            let s = text::ellipsis(&format!("{marker}{title}"), width);
            lines.push(if chosen {
                Line::styled(s, theme.selected())
            } else {
                Line::raw(s)
            });
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }
    let x = inner.x + u16::try_from(text::width(label) + cursor).unwrap_or(0);
    if x < inner.x + inner.width && inner.height > 0 {
        super::super::place_cursor(
            frame,
            app,
            |m| matches!(m, Modal::FindTopic(_)),
            Position::new(x, inner.y),
        );
    }
}
