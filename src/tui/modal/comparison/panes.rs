//! The comparison: two panes, the left party's claims and the right party's, row by row. Each row
//! has its question as a heading across both panes; its two sides are padded to the same height so
//! matching claims stay level, and both panes scroll together. Only the rows on screen are laid out.

use crate::compare::RowKind;
use crate::layout::{Line as LaidLine, LineKind};
use crate::plain;
use crate::ratings;
use crate::text;
use crate::tui::app::{App, Focus, layout_row};
use crate::tui::layout::{PACKED_SEPARATOR, Regions, SEPARATOR, SEPARATOR_WIDTH, pane_widths};
use crate::tui::modal::search::view as search;
use crate::tui::strings;
use crate::tui::theme::{Pane, Theme};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Draws the comparison of the selected topic.
pub fn draw(frame: &mut Frame, app: &App, regions: &Regions) {
    let theme = app.theme;
    let focused = app.focus == Focus::Comparison;
    // With no topic left (the filters or the search keep none), the pane is named for what
    // it is, not left with an empty title (`┌  ───`).
    let title = app
        .current_topic()
        .map_or(strings::COMPARISON_TITLE, |t| t.title.as_str());
    let title_width = usize::from(regions.comparison.width.saturating_sub(4));
    let block = Block::bordered()
        .title(format!(
            " {} ",
            text::ellipsis(title, title_width).trim_end()
        ))
        .border_style(theme.border(focused));
    frame.render_widget(block, regions.comparison);
    let Some(topic) = app.current_topic() else {
        if app.cmp.topics.is_empty() {
            let files: Vec<String> = app
                .suggest
                .files
                .iter()
                .flat_map(|f| &f.sides)
                .filter_map(|p| p.file_name())
                .map(|n| text::clean(&n.to_string_lossy()).text)
                .collect();
            frame.render_widget(
                Paragraph::new(Line::raw(strings::nothing_yet(&files))).wrap(Wrap { trim: true }),
                regions.body,
            );
        } else if app.outcome.is_some() {
            frame.render_widget(
                Paragraph::new(Line::styled(no_match(app), theme.warning()))
                    .wrap(Wrap { trim: true }),
                regions.body,
            );
        }
        return;
    };
    let widths = pane_widths(usize::from(regions.body.width));
    let framing = |side: usize, title: &Option<String>, w: usize| {
        text::ellipsis(&strings::framing(app.party(side), title.as_deref()), w)
    };
    let head = Line::from(vec![
        Span::styled(
            framing(app.cmp.left, &topic.left_title, widths.0),
            theme.party(Pane::Left),
        ),
        Span::styled(SEPARATOR, theme.dim()),
        Span::styled(
            framing(app.cmp.right, &topic.right_title, widths.1),
            theme.party(Pane::Right),
        ),
    ]);
    let rule = match app.topic_ratings.get(app.topic) {
        Some(Some(tallies)) => ratings_rule(app, tallies, widths),
        _ => Line::styled(
            format!("{}─┼─{}", "─".repeat(widths.0), "─".repeat(widths.1)),
            theme.dim(),
        ),
    };
    frame.render_widget(
        Paragraph::new(vec![head, rule]),
        Rect::new(
            regions.framing.x,
            regions.framing.y,
            regions.framing.width,
            2,
        ),
    );
    if topic.rows.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(strings::EMPTY_TOPIC, theme.dim())),
            regions.body,
        );
        return;
    }
    let height = usize::from(regions.body.height);
    let mut lines: Vec<Line> = Vec::with_capacity(height);
    let mut skip = app.top.line;
    for (i, row) in topic.rows.iter().enumerate().skip(app.top.row) {
        if lines.len() >= height {
            break;
        }
        let selected = i == app.row;
        let mut block = row_lines(app, row, i, selected, widths);
        if skip > 0 && skip + 1 < block.len() {
            // The row's heading stays pinned above its claims while they scroll under it.
            block.drain(1..=skip);
            skip = 0;
        }
        let take = height - lines.len();
        lines.extend(block.into_iter().skip(skip).take(take));
        skip = 0;
    }
    frame.render_widget(Paragraph::new(lines), regions.body);
}

/// A point-less topic's rule under the framings, when some claim of it is assessed: each side's
/// claims counted by rating
/// (`─ ⚑ 3 corroborated · 1 refuted ──┼─ …`), so a topic of unmatched claims still reads at a
/// glance. The counts are made with the topic list's (`App::topic_ratings`), not per frame.
fn ratings_rule(app: &App, tallies: &[ratings::Tally; 2], widths: (usize, usize)) -> Line<'static> {
    let theme = app.theme;
    let side = |left: bool, width: usize| -> Vec<Span<'static>> {
        let tally = &tallies[usize::from(!left)];
        // Room for the flag and a space after the counts: they never run into the border.
        let text = ratings::summary(tally, width.saturating_sub(3));
        if text.is_empty() {
            return vec![Span::styled("─".repeat(width), theme.dim())];
        }
        let text = format!("⚑ {text}");
        let used = text::width(&text);
        // The rule's lead-in and tail only where the counts leave room for them.
        let lead = if used + 3 <= width { "─ " } else { "" };
        let rest = width.saturating_sub(used + text::width(lead));
        vec![
            Span::styled(lead, theme.dim()),
            // Counts of several ratings: no one rating's colour.
            Span::styled(text, theme.title()),
            Span::styled(
                format!(
                    "{}{}",
                    " ".repeat(rest.min(1)),
                    "─".repeat(rest.saturating_sub(1))
                ),
                theme.dim(),
            ),
        ]
    };
    let mut spans = side(true, widths.0);
    spans.push(Span::styled("─┼─", theme.dim()));
    spans.extend(side(false, widths.1));
    Line::from(spans)
}

/// One row as screen lines: heading, the two sides level, a blank line.
fn row_lines(
    app: &App,
    row: &crate::compare::Row,
    index: usize,
    selected: bool,
    widths: (usize, usize),
) -> Vec<Line<'static>> {
    let theme = app.theme;
    let total = widths.0 + widths.1 + SEPARATOR_WIDTH;
    let (left, right) = layout_row(&app.dispute, app.shown(), row, (app.topic, index), widths);
    let mut out = Vec::with_capacity(left.len() + 2);
    let heading = plain::row_heading(row);
    let number = if row.common {
        format!("{}. {} ", index + 1, strings::COMMON_MARK)
    } else {
        format!("{}. ", index + 1)
    };
    // The packed rows' heading says what they are in full, or shorter, never cut.
    let heading = if row.kind == RowKind::Packed
        && text::width(&heading) + text::width(&number) + 2 > total
    {
        plain::PACKED_HEADING_SHORT.to_owned()
    } else {
        heading
    };
    out.push(if selected {
        Line::styled(
            text::ellipsis(&format!("▶ {number}{heading}"), total),
            theme.selected(),
        )
    } else if row.kind == RowKind::Suggested {
        Line::styled(
            text::ellipsis(&format!("▸ {number}{heading}"), total),
            theme.suggested(),
        )
    } else if row.common {
        Line::styled(
            text::ellipsis(&format!("▸ {number}{heading}"), total),
            theme.common(),
        )
    } else if row.kind == RowKind::Packed {
        Line::styled(
            text::ellipsis(&format!("▸ {number}{heading}"), total),
            theme.dim(),
        )
    } else {
        Line::styled(
            text::ellipsis(&format!("▸ {number}{heading}"), total),
            theme.heading(),
        )
    });
    // Packed claims do not answer each other: a broken line keeps them apart.
    let separator = if row.kind == RowKind::Packed {
        PACKED_SEPARATOR
    } else {
        SEPARATOR
    };
    // The claim a link or a hit went to, in the selected row: reverse video, as the current
    // hit of a search is drawn.
    let chosen = selected
        .then(|| crate::tui::modal::take::chosen_in_row(app))
        .flatten();
    for (l, r) in left.iter().zip(&right) {
        let side = |line: &LaidLine, width: usize| {
            let base =
                if line.claim.is_some() && line.claim == chosen && line.kind == LineKind::Text {
                    theme.line(line.kind).patch(theme.current_hit())
                } else {
                    theme.line(line.kind)
                };
            search::cell(app, theme, line, width, base).unwrap_or_else(|| {
                if base == theme.line(line.kind) {
                    vec![cell(theme, line, width)]
                } else {
                    vec![Span::styled(text::fit(&line.text, width), base)]
                }
            })
        };
        let mut spans = side(l, widths.0);
        spans.push(Span::styled(separator, theme.dim()));
        spans.extend(side(r, widths.1));
        out.push(Line::from(spans));
    }
    out.push(Line::raw(""));
    out
}

fn cell(theme: Theme, line: &LaidLine, width: usize) -> Span<'static> {
    let style = theme.line(line.kind);
    let s = text::fit(&line.text, width);
    if line.kind == LineKind::Gap {
        Span::raw(s)
    } else {
        Span::styled(s, style)
    }
}

/// What the panes and the topic list say when the query leaves nothing
/// ([`crate::tui::modal::screen::no_match`]); while the search line is open, where `&` and `/`
/// are typed, the line's own key to narrow, and changing the search.
pub(super) fn no_match(app: &App) -> String {
    let line_open = matches!(app.modal(), Some(crate::tui::state::Modal::Search(_)));
    if app.query.filter.is_empty() && line_open {
        let line = crate::tui::modal::search::update::BINDINGS;
        let narrow = app
            .keymap
            .key_for(line, true, crate::tui::action::Action::Narrow);
        return strings::filters::no_search_match_typing(&narrow);
    }
    crate::tui::modal::screen::no_match(app)
}
