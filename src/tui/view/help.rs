//! The help overlay: every binding, generated from the bindings table, then a few notes.

use super::Regions;
use crate::text;
use crate::tui::app::App;
use crate::tui::keys::{self, BINDINGS, Binding, SEARCH_BINDINGS};
use crate::tui::strings;
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const KEY_COLUMN: usize = 20;

/// Lines of the help's text.
pub fn height() -> usize {
    BINDINGS.len() + 2 + SEARCH_BINDINGS.len() + strings::HELP_NOTES.len()
}

/// The help's text, one line per binding, as the README's table lists them too.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let theme = app.theme;
    let row = |b: &Binding| {
        Line::from(vec![
            Span::styled(text::fit(&keys::labels(b), KEY_COLUMN), theme.title()),
            Span::raw(b.help),
        ])
    };
    let mut out: Vec<Line> = BINDINGS.iter().map(row).collect();
    out.push(Line::raw(""));
    out.push(Line::styled(strings::SEARCH_LINE_KEYS, theme.title()));
    out.extend(SEARCH_BINDINGS.iter().map(row));
    out.extend(
        strings::HELP_NOTES
            .iter()
            .map(|&s| Line::styled(s, theme.dim())),
    );
    out
}

/// Draws the help overlay, scrolled by `scroll` lines.
pub fn draw(frame: &mut Frame, app: &App, scroll: usize, regions: &Regions) {
    super::popup(frame, app, regions.help, strings::HELP_TITLE, false);
    let shown: Vec<Line> = lines(app)
        .into_iter()
        .skip(scroll)
        .take(usize::from(regions.help_inner.height))
        .collect();
    frame.render_widget(Paragraph::new(shown), regions.help_inner);
}
