//! The filter panel, drawn over the screen: the sections with what each has chosen on the left,
//! the focused section's choices (or date fields) on the right, then how many claims remain and
//! why a typed date is not applied. Its keys show in the footer.

use crate::text;
use crate::tui::app::App;
use crate::tui::state::Modal;
use crate::tui::state::filters::{Choice, Panel, Section, Value, is_selected, summary};
use crate::tui::strings::filters as words;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Columns of a section's name (`▸ Common ground  `).
const NAME: usize = 17;
/// Columns of the left column: the name and the summary of what is chosen.
const LEFT: usize = 38;
/// Columns a section's summary keeps at least (`all rows`, a short choice).
const MIN_SUMMARY: usize = 10;
/// Between the two columns.
const RULE: &str = " │ ";
/// Lines below the two columns: a blank, the claims remaining, a note.
const BELOW: u16 = 3;
/// Columns of a date field's label and its mark (`▸ since  `).
const DATE_LABEL: usize = 9;

/// Where the panel sits on the screen's main area.
pub fn area(main: Rect) -> Rect {
    let rows = u16::try_from(Section::ALL.len()).unwrap_or(12);
    crate::tui::layout::centered(
        main,
        104.min(main.width.saturating_sub(2)),
        (rows + BELOW + 6).min(main.height),
    )
}

/// The first of `n` entries to show in `height` lines so that `cursor` is visible.
fn window(cursor: usize, height: usize) -> usize {
    if height == 0 {
        0
    } else {
        cursor.saturating_sub(height - 1)
    }
}

/// The sections' lines; `summaries` are what each section has chosen, in [`Section::ALL`]'s
/// order (found once a frame, as the column's width needs them too).
fn sections(
    app: &App,
    p: &Panel,
    summaries: &[String],
    width: usize,
    height: usize,
) -> Vec<Line<'static>> {
    let theme = app.theme;
    let focus = Section::ALL
        .iter()
        .position(|&s| s == p.section)
        .unwrap_or(0);
    Section::ALL
        .iter()
        .enumerate()
        .skip(window(focus, height))
        .take(height)
        .map(|(i, &s)| {
            let focused = s == p.section;
            let marker = if focused { "▸ " } else { "  " };
            let name = text::ellipsis(&format!("{marker}{}", s.name()), NAME);
            let what = summaries.get(i).cloned().unwrap_or_default();
            let radio = matches!(s, Section::Rows | Section::Common);
            let chosen = what != words::ANY && !(radio && what == words::ALL_ROWS);
            let what = text::ellipsis(&what, width.saturating_sub(NAME));
            Line::from(vec![
                if focused {
                    Span::styled(name, theme.title())
                } else {
                    Span::raw(name)
                },
                if chosen {
                    Span::styled(what, theme.warning())
                } else {
                    Span::styled(what, theme.dim())
                },
            ])
        })
        .collect()
}

/// The date fields: label, text, and the hint; with where the cursor goes.
fn dates(theme: Theme, p: &Panel, width: usize) -> (Vec<Line<'static>>, Option<(usize, usize)>) {
    let mut cursor = None;
    let mut lines = Vec::new();
    for (i, (label, field)) in [(words::SINCE, &p.since), (words::UNTIL, &p.until)]
        .into_iter()
        .enumerate()
    {
        let focused = p.cursor == i;
        let cols = width.saturating_sub(DATE_LABEL + 1);
        // A proposed date shows selected only in the field being edited.
        let (mut shown, col) = if focused {
            field.spans(cols, theme.selected())
        } else {
            let (shown, col) = field.shown(cols);
            (vec![Span::styled(shown, theme.selected())], col)
        };
        // The column the cursor may take after the text.
        shown.push(Span::styled(" ", theme.selected()));
        if focused {
            cursor = Some((DATE_LABEL + col, i));
        }
        // The field being edited is marked as the section's other lists mark their choice, so it
        // shows without colour too.
        let mark = if focused { "▸ " } else { "  " };
        let label = text::ellipsis(&format!("{mark}{label}"), DATE_LABEL);
        let mut spans = vec![if focused {
            Span::styled(label, theme.title())
        } else {
            Span::raw(label)
        }];
        spans.extend(shown);
        lines.push(Line::from(spans));
    }
    lines.push(Line::raw(""));
    for l in text::wrap(words::DATE_HINT, width) {
        lines.push(Line::styled(l, theme.dim()));
    }
    let (span, style) = match p.dated {
        _ if p.listing => (words::LISTING.to_owned(), theme.dim()),
        Some((first, last)) => (
            words::dated(&first.to_string(), &last.to_string()),
            theme.dim(),
        ),
        None => (words::UNDATED.to_owned(), theme.warning()),
    };
    lines.push(Line::raw(""));
    for l in text::wrap(&span, width) {
        lines.push(Line::styled(l, style));
    }
    (lines, cursor)
}

/// The focused section's choices, the text typed to find one above a list.
/// The list of the section in focus; `visible` are its choices the find leaves (found once a
/// frame, as the panel's title and the column's width need them too).
fn choices(
    app: &App,
    p: &Panel,
    visible: &[&Choice],
    width: usize,
    height: usize,
) -> Vec<Line<'static>> {
    let theme = app.theme;
    let mut lines = Vec::new();
    let mut room = height;
    if p.section.is_list() {
        let find = if p.find.text().is_empty() && !p.finding {
            Line::styled(
                // Said shorter rather than cut where the column is narrow.
                if text::width(words::FIND_HINT) <= width {
                    words::FIND_HINT.to_owned()
                } else {
                    text::ellipsis(words::FIND_HINT_SHORT, width)
                },
                theme.dim(),
            )
        } else {
            let (shown, _) = p.find.shown(width.saturating_sub(words::FIND.len() + 3));
            let caret = if p.finding { "▏" } else { "" };
            Line::styled(
                text::ellipsis(&format!("{}: {shown}{caret}", words::FIND), width),
                theme.title(),
            )
        };
        lines.push(find);
        room = room.saturating_sub(1);
    }
    if visible.is_empty() {
        let why = if p.listing {
            words::LISTING.to_owned()
        } else if p.choices(p.section).is_empty() {
            words::NOTHING_TO_CHOOSE.to_owned()
        } else {
            words::no_choice_found(p.find.text())
        };
        lines.push(Line::styled(text::ellipsis(&why, width), theme.dim()));
        return lines;
    }
    for (i, c) in visible
        .iter()
        .enumerate()
        .skip(window(p.cursor, room))
        .take(room)
    {
        let on = is_selected(&app.query.filter, &c.value);
        let mark = match (&c.value, on) {
            (Value::Answered(_) | Value::Common(_), true) => "(•)",
            (Value::Answered(_) | Value::Common(_), false) => "( )",
            (_, true) => "[x]",
            (_, false) => "[ ]",
        };
        let cursor = if i == p.cursor { "▶ " } else { "  " };
        let count = c.claims.map(|n| format!(" {n}")).unwrap_or_default();
        let label = text::ellipsis(
            &format!("{cursor}{mark} {}", c.label),
            width.saturating_sub(text::width(&count)),
        );
        // The count right-aligned, so the column of numbers reads down the list.
        let s = format!("{label}{count}");
        let empty = c.claims == Some(0);
        lines.push(if i == p.cursor {
            Line::styled(s, theme.selected())
        } else if on {
            Line::styled(s, theme.title())
        } else if empty {
            Line::styled(s, theme.dim())
        } else {
            Line::raw(s)
        });
    }
    lines
}

/// Draws the panel over the screen's main area.
pub fn draw(frame: &mut Frame, app: &App, p: &Panel, main: Rect) {
    let theme = app.theme;
    let visible = p.visible();
    let summaries: Vec<String> = Section::ALL
        .iter()
        .map(|&s| summary(p, &app.query.filter, s))
        .collect();
    let inner = crate::tui::widgets::popup_at(
        frame,
        app.theme,
        area(main),
        words::TITLE,
        true,
        // No position among choices still being listed.
        (!p.listing).then(|| crate::tui::widgets::position(p.cursor, visible.len())),
    );
    let width = usize::from(inner.width);
    let top = inner.height.saturating_sub(BELOW);
    let height = usize::from(top);
    // The left column as wide as its summaries need (up to LEFT, and half the panel): the
    // choices' labels on the right ("untrusted text: held hidden characters") get the rest.
    let widest = summaries.iter().map(|s| text::width(s)).max().unwrap_or(0);
    // The choices' widest line (`▶ [x] label 123`) is kept whole first, where it fits.
    let choices_need = visible
        .iter()
        .map(|c| 6 + text::width(&c.label) + c.claims.map_or(0, |n| n.to_string().len() + 1))
        .max()
        .unwrap_or(0);
    let left_w = (NAME + widest + 1)
        .min(width.saturating_sub(choices_need + text::width(RULE)))
        .clamp(NAME + MIN_SUMMARY, LEFT.max(NAME + MIN_SUMMARY))
        .min(width / 2);
    let right_w = width.saturating_sub(left_w + text::width(RULE));
    let right_x = inner.x + u16::try_from(left_w + text::width(RULE)).unwrap_or(0);

    frame.render_widget(
        Paragraph::new(sections(app, p, &summaries, left_w, height)),
        Rect::new(inner.x, inner.y, u16::try_from(left_w).unwrap_or(0), top),
    );
    let rule: Vec<Line> = (0..height)
        .map(|_| Line::styled(RULE, theme.dim()))
        .collect();
    frame.render_widget(
        Paragraph::new(rule),
        Rect::new(
            inner.x + u16::try_from(left_w).unwrap_or(0),
            inner.y,
            u16::try_from(text::width(RULE)).unwrap_or(3),
            top,
        ),
    );
    let right = Rect::new(right_x, inner.y, u16::try_from(right_w).unwrap_or(0), top);
    if p.section == Section::Dates {
        let (lines, cursor) = dates(theme, p, right_w);
        frame.render_widget(Paragraph::new(lines), right);
        if let Some((x, y)) = cursor {
            let x = right.x + u16::try_from(x).unwrap_or(right.width);
            let y = right.y + u16::try_from(y).unwrap_or(0);
            if x < right.right() && y < right.bottom() {
                super::super::place_cursor(
                    frame,
                    app,
                    |m| matches!(m, Modal::Filters(_)),
                    Position::new(x, y),
                );
            }
        }
    } else {
        frame.render_widget(
            Paragraph::new(choices(app, p, &visible, right_w, height)),
            right,
        );
    }

    let shown = app.counts.left_claims + app.counts.right_claims;
    let remaining = words::remaining(shown, p.total, app.counts.topics);
    // A choice out with the loop's worker: the count is of the choices before.
    let remaining = if app.query_pending() {
        words::remaining_coming(&remaining)
    } else {
        remaining
    };
    let remaining = if shown == 0 {
        Line::styled(text::ellipsis(&remaining, width), theme.warning())
    } else {
        Line::styled(text::ellipsis(&remaining, width), theme.title())
    };
    // A note too long for its line (a date refused, with what to type) takes the blank line
    // above the count too, rather than being cut before what to do.
    let note = p
        .note
        .as_deref()
        .map(|n| text::wrap_at_most(n, width, 2))
        .unwrap_or_default();
    let lines = match note.as_slice() {
        [] => vec![Line::raw(""), remaining, Line::raw("")],
        [one] => vec![
            Line::raw(""),
            remaining,
            Line::styled(one.clone(), theme.warning()),
        ],
        [first, second, ..] => vec![
            remaining,
            Line::styled(first.clone(), theme.warning()),
            Line::styled(second.clone(), theme.warning()),
        ],
    };
    frame.render_widget(
        Paragraph::new(lines),
        Rect::new(inner.x, inner.y + top, inner.width, inner.height - top),
    );
}
