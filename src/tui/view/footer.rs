//! The footer: the few keys that matter most (from the bindings table, or the export dialog's), a one-off message, and
//! where the selection is.

use crate::text;
use crate::tui::app::{App, Focus};
use crate::tui::keys;
use crate::tui::strings;
use crate::tui::update::Action;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the footer line.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let theme = app.theme;
    let width = usize::from(area.width);
    let position = match (app.detail, app.focus) {
        (None, Focus::Comparison) if !app.rows().is_empty() => {
            strings::position(app.row, app.rows().len())
        }
        _ => String::new(),
    };
    let position = match super::search::position(app) {
        Some(hit) if position.is_empty() => hit,
        Some(hit) => format!("{hit} · {position}"),
        None => position,
    };
    let room = width.saturating_sub(text::width(&position) + 1);
    let mut spans = Vec::new();
    let mut used = 0;
    if let Some(msg) = &app.message {
        let s = text::fit(msg, room);
        used = text::width(&s);
        spans.push(Span::styled(s, theme.warning()));
    } else {
        let table = keys::active(app);
        // Every key with a footer label, in the table's order; when they do not all fit, the
        // last ones go first, but help and quit stay as long as anything can.
        let mut shown: Vec<(String, &str, usize, bool)> = table
            .iter()
            .filter_map(|b| {
                let label = b.footer?;
                let key = b.keys.first().map(|&k| keys::label(k)).unwrap_or_default();
                let w = text::width(&key) + text::width(label) + 4;
                let kept = matches!(b.action, Action::Help | Action::Quit);
                Some((key, label, w, kept))
            })
            .collect();
        while shown.iter().map(|s| s.2).sum::<usize>() > room {
            let last = shown
                .iter()
                .rposition(|s| !s.3)
                .or(shown.len().checked_sub(1));
            let Some(i) = last else { break };
            shown.remove(i);
        }
        for (key, label, w, _) in shown {
            used += w;
            spans.push(Span::styled(format!(" {key} "), theme.key()));
            spans.push(Span::raw(format!(" {label} ")));
        }
    }
    let pad = width.saturating_sub(used + text::width(&position));
    spans.push(Span::raw(" ".repeat(pad)));
    spans.push(Span::styled(position, theme.dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
