//! The topic list: neutral titles, claims per side, and a mark on topics only one side addresses.
//! Only the topics in the list's window are drawn.

use super::bindings::BINDINGS;
use crate::text;
use crate::tui::action::Action;
use crate::tui::app::{App, Focus};
use crate::tui::layout::{Regions, TOPIC_LINES};
use crate::tui::strings;
use crate::tui::theme::Pane;
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Draws the topic list.
pub fn draw(frame: &mut Frame, app: &App, regions: &Regions) {
    let theme = app.theme;
    let focused = app.focus == Focus::Topics;
    let block = Block::bordered()
        .title(format!(" {} ", strings::TOPICS))
        .title(crate::tui::widgets::position(
            app.topic,
            app.shown().topics.len(),
        ))
        .border_style(theme.border(focused));
    frame.render_widget(block, regions.topics);
    let inner = regions.topics_inner;
    let width = usize::from(inner.width);
    if app.shown().topics.is_empty() {
        let text = match &app.outcome {
            Some(_) => Line::styled(no_match(app), theme.warning()),
            None => Line::raw(strings::NO_TOPICS),
        };
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
        return;
    }
    let shown = usize::from(inner.height) / TOPIC_LINES;
    // While the timeline is open, each topic's claims over time show beside its counts.
    let sparks = app.modals.iter().rev().find_map(|m| match m {
        crate::tui::modal::Modal::Timeline(c) => Some(&c.sparks),
        _ => None,
    });
    let mut lines = Vec::with_capacity(shown * TOPIC_LINES);
    for (i, topic) in app
        .shown()
        .topics
        .iter()
        .enumerate()
        .skip(app.topic_top)
        .take(shown)
    {
        let selected = i == app.topic;
        let marker = if selected { "▶ " } else { "  " };
        let title = text::ellipsis(&format!("{marker}{}", topic.title), width);
        lines.push(if selected {
            Line::styled(title, theme.selected())
        } else {
            Line::raw(title)
        });
        let counts = app.topic_counts.get(i).copied().unwrap_or_default();
        let mut spans = vec![
            Span::raw("  "),
            Span::styled(counts.left_claims.to_string(), theme.party(Pane::Left)),
            Span::styled(" ⟷ ", theme.dim()),
            Span::styled(counts.right_claims.to_string(), theme.party(Pane::Right)),
        ];
        if counts.common > 0 {
            spans.push(Span::raw(" "));
            spans.push(Span::styled(
                format!("{}{}", strings::COMMON_MARK, counts.common),
                theme.common(),
            ));
        }
        if let Some(line) = sparks.and_then(|s| s.iter().find(|(id, _)| *id == topic.id)) {
            let used: usize = spans.iter().map(|s| text::width(&s.content)).sum();
            let room = width.saturating_sub(used + 1);
            if room >= 4 {
                spans.push(Span::raw(" "));
                spans.push(Span::styled(spark(&line.1, room), theme.dim()));
            }
        }
        if topic.one_sided() {
            let used: usize = spans.iter().map(|s| text::width(&s.content)).sum();
            let mark = if used + 2 + text::width(strings::ONE_SIDED_MARK) <= width {
                strings::ONE_SIDED_MARK
            } else {
                strings::ONE_SIDED_SHORT
            };
            spans.push(Span::raw(" "));
            spans.push(Span::styled(mark, theme.warning()));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// What the topic list and the comparison say when the query leaves nothing.
pub fn no_match(app: &App) -> String {
    if app.query.filter.is_empty() {
        strings::filters::NO_SEARCH_MATCH.to_owned()
    } else {
        strings::filters::no_match(&app.keymap.key_for(BINDINGS, false, Action::ClearFilters))
    }
}

/// A sparkline of counts in at most `width` cells: eight heights of block, a space for none.
fn spark(counts: &[usize], width: usize) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let peak = counts.iter().copied().max().unwrap_or(0).max(1);
    counts
        .iter()
        .take(width)
        .map(|&n| match n {
            0 => ' ',
            n => BARS[((n * 8).div_ceil(peak)).clamp(1, 8) - 1],
        })
        .collect()
}
