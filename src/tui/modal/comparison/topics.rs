//! The topic list: neutral titles, claims per side, and a mark on topics only one side addresses.
//! Only the topics in the list's window are drawn.

use super::panes::no_match;
use crate::text;
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
    let at = crate::tui::widgets::position(app.topic, app.shown().topics.len());
    let block = Block::bordered()
        .title(crate::tui::widgets::fitted_title(
            strings::TOPICS,
            regions.topics.width,
            Some(&at),
        ))
        .title(at)
        .border_style(theme.border(focused));
    frame.render_widget(block, regions.topics);
    let inner = regions.topics_inner;
    let width = usize::from(inner.width);
    if app.shown().topics.is_empty() {
        // A search or filter cannot be why a dispute with no topic at all shows none.
        let text = match &app.outcome {
            Some(_) if !app.cmp.topics.is_empty() => Line::styled(no_match(app), theme.warning()),
            _ => Line::raw(strings::NO_TOPICS),
        };
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
        return;
    }
    let shown = usize::from(inner.height) / TOPIC_LINES;
    // While the timeline is open, each topic's claims over time show beside its counts.
    let sparks = app.modals.iter().rev().find_map(|m| match m {
        crate::tui::state::Modal::Timeline(c) => Some(&c.sparks),
        _ => None,
    });
    let window = || {
        app.shown()
            .topics
            .iter()
            .enumerate()
            .skip(app.topic_top)
            .take(shown)
    };
    // Each topic's counts (and marks), before any sparkline: in full when they fit the list,
    // else shortened (`1.2k ⟷ 1.2k ≡1.2k`) rather than cut off at its edge; a mark that still
    // does not fit gives way to `…`.
    let heads: Vec<Vec<Span>> = window()
        .map(|(i, topic)| {
            let counts = app.topic_counts.get(i).copied().unwrap_or_default();
            let line = |short: bool| {
                let n = |n: usize| if short { short_count(n) } else { n.to_string() };
                let (indent, arrow) = if short { ("", "⟷") } else { ("  ", " ⟷ ") };
                let mut spans = vec![
                    Span::raw(indent),
                    Span::styled(n(counts.left_claims), theme.party(Pane::Left)),
                    Span::styled(arrow, theme.dim()),
                    Span::styled(n(counts.right_claims), theme.party(Pane::Right)),
                ];
                if counts.common > 0 {
                    spans.push(Span::raw(" "));
                    spans.push(Span::styled(
                        format!("{}{}", strings::COMMON_MARK, n(counts.common)),
                        theme.common(),
                    ));
                }
                // Where the suggested rows are, as `M` goes to them (counted once with the
                // rest).
                if counts.suggested > 0 {
                    spans.push(Span::raw(" "));
                    spans.push(Span::styled(
                        format!("{}{}", strings::SUGGESTED_MARK, n(counts.suggested)),
                        theme.suggested(),
                    ));
                }
                spans
            };
            let mut spans = line(false);
            if spans_width(&spans) > width {
                spans = line(true);
                let mut cut = false;
                while spans_width(&spans) + usize::from(cut) * 2 > width && spans.len() > 4 {
                    spans.truncate(spans.len() - 2);
                    cut = true;
                }
                if cut {
                    spans.push(Span::styled(" …", theme.dim()));
                }
            }
            if topic.one_sided() {
                let used = spans_width(&spans);
                // Beside a sparkline the short mark leaves the chart its room.
                let mark = if sparks.is_none()
                    && used + 2 + text::width(strings::ONE_SIDED_MARK) <= width
                {
                    strings::ONE_SIDED_MARK
                } else {
                    strings::ONE_SIDED_SHORT
                };
                spans.push(Span::raw(" "));
                spans.push(Span::styled(mark, theme.warning()));
            }
            spans
        })
        .collect();
    // Sparklines share one axis, so they all end at the list's right edge with as many cells
    // each; when the list is narrower than the axis, neighbouring days are added together
    // rather than the latest ones cut.
    let widest = heads.iter().map(|h| spans_width(h)).max().unwrap_or(0);
    let cells = sparks
        .and_then(|s| s.values().next())
        .map_or(0, Vec::len)
        .min(width.saturating_sub(widest + 1));
    let mut lines = Vec::with_capacity(shown * TOPIC_LINES);
    for ((i, topic), mut spans) in window().zip(heads) {
        let selected = i == app.topic;
        let marker = if selected { "▶ " } else { "  " };
        let title = text::ellipsis(&format!("{marker}{}", topic.title), width);
        lines.push(if selected {
            Line::styled(title, theme.selected())
        } else {
            Line::raw(title)
        });
        let line = sparks.and_then(|s| s.get(&topic.id));
        if let (Some(counts), true) = (line, cells >= MIN_SPARK) {
            let folded = fold(counts, cells);
            let pad = width.saturating_sub(spans_width(&spans) + folded.len());
            spans.push(Span::raw(" ".repeat(pad)));
            spans.push(Span::styled(spark(&folded), theme.dim()));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A count in at most four chars, for a topic list too narrow for it in full: `950`, `1.2k`,
/// `12k`, `120k`, `1.2M`; rounded down, so a count never reads as more than it is.
pub fn short_count(n: usize) -> String {
    match n {
        0..1_000 => n.to_string(),
        1_000..10_000 => format!("{}.{}k", n / 1_000, n % 1_000 / 100),
        10_000..1_000_000 => format!("{}k", n / 1_000),
        1_000_000..10_000_000 => format!("{}.{}M", n / 1_000_000, n % 1_000_000 / 100_000),
        _ => format!("{}M", n / 1_000_000),
    }
}

/// The fewest cells a sparkline is drawn in; below it the list shows none.
const MIN_SPARK: usize = 4;

/// The width of some spans, in cells.
fn spans_width(spans: &[Span]) -> usize {
    spans.iter().map(|s| text::width(&s.content)).sum()
}

/// `counts` added together into at most `cells` cells, so a narrower sparkline still covers the
/// whole axis: each cell sums as many neighbours as every other (12 into 9 cells gives 6 of 2),
/// since cells of one period beside cells of two drew a steady rise as a peak and a dip; a last
/// cell with fewer is scaled up to their share.
fn fold(counts: &[usize], cells: usize) -> Vec<usize> {
    let n = counts.len();
    if cells == 0 || cells >= n {
        return counts.to_vec();
    }
    let each = n.div_ceil(cells);
    counts
        .chunks(each)
        .map(|c| c.iter().sum::<usize>() * each / c.len().max(1))
        .collect()
}

/// A sparkline of counts, one cell each: eight heights of block, a space for none.
fn spark(counts: &[usize]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let peak = counts.iter().copied().max().unwrap_or(0).max(1);
    counts
        .iter()
        .map(|&n| match n {
            0 => ' ',
            n => BARS[((n * 8).div_ceil(peak)).clamp(1, 8) - 1],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::fold;

    /// A steady rise stays one at any width: every cell sums as many periods (12 into 9 cells
    /// drew `▁▁▃▃▃▆▄▄█`, a peak and a dip the data does not have).
    #[test]
    fn a_steady_rise_folds_into_a_steady_rise() {
        let counts: Vec<usize> = (1..=12).collect();
        for cells in 4..12 {
            let folded = fold(&counts, cells);
            assert!(folded.len() <= cells, "{cells}: {folded:?}");
            assert!(
                folded.windows(2).all(|w| w[0] < w[1]),
                "{cells}: {folded:?}"
            );
        }
    }

    #[test]
    fn folding_keeps_every_count_and_the_order() {
        let counts = [1, 0, 2, 0, 0, 3, 0, 0, 0, 4, 0, 5];
        let folded = fold(&counts, 5);
        assert_eq!(folded, [3, 3, 0, 9], "four cells of three days each");
        assert_eq!(folded.iter().sum::<usize>(), counts.iter().sum::<usize>());
        assert_eq!(
            folded.last(),
            Some(&9),
            "the latest days stay at the right end"
        );
        assert_eq!(fold(&counts, 12), counts.to_vec());
    }
}
