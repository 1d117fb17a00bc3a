//! Drawing the help: a key table, generated from the bindings of what is beneath, then the notes;
//! its first and last lines say when there is more above or below.

use crate::text;
use crate::tui::app::App;
use crate::tui::layout::{Regions, centered, inset};
use crate::tui::state::help::Help;
use crate::tui::strings;
use crate::tui::widgets::popup;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const KEY_COLUMN: usize = 20;
/// The narrowest a column of descriptions gets before the help keeps to one column of keys.
const TEXT_COLUMN: usize = 34;
/// The columns between the two columns of keys.
const GUTTER: usize = 2;

/// The help's width at a size: at most 84 columns, or 116 where two columns of keys fit.
fn width(main: Rect) -> u16 {
    let room = main.width.saturating_sub(2);
    if usize::from(room) >= 2 * (KEY_COLUMN + TEXT_COLUMN) + GUTTER + 2 {
        116.min(room)
    } else {
        84.min(room)
    }
}

/// The help's text at the screen's size: a heading, each key with what it does (wrapped, never
/// cut; in two columns, read down the first then the second, when the help is wide enough), then
/// the notes.
pub fn lines(app: &App, h: &Help) -> Vec<Line<'static>> {
    let theme = app.theme;
    let inner = usize::from(width(app.regions().main).saturating_sub(2)).max(KEY_COLUMN + 8);
    let two = inner >= 2 * (KEY_COLUMN + TEXT_COLUMN) + GUTTER;
    let column = if two { (inner - GUTTER) / 2 } else { inner };
    // As wide as the longest keys need, and no wider: the descriptions get the rest. One width
    // for both tables (the keys that work and those that do not yet), so what the keys do
    // starts at one column down the help.
    let key_column = h
        .keys
        .iter()
        .chain(&h.later)
        .map(|k| text::width(&k.keys) + 2)
        .max()
        .unwrap_or(KEY_COLUMN)
        .min(KEY_COLUMN);
    let table = |lines: &[crate::tui::state::help::KeyLine]| -> Vec<Line<'static>> {
        let mut keys: Vec<Vec<Span<'static>>> = Vec::new();
        for k in lines {
            // Keys as wide as their column (`Ctrl-W Alt-Backspace`) would touch what they do:
            // they have a line of their own, and what they do starts below.
            let alone = text::width(&k.keys) >= key_column;
            if alone {
                keys.push(vec![Span::styled(
                    text::ellipsis(&k.keys, column),
                    theme.title(),
                )]);
            }
            // One column kept blank after the text, so it never touches the border.
            for (i, part) in text::wrap(k.help, (column - key_column).saturating_sub(1))
                .into_iter()
                .enumerate()
            {
                let label = if i == 0 && !alone {
                    k.keys.as_str()
                } else {
                    ""
                };
                keys.push(vec![
                    Span::styled(text::ellipsis(label, key_column), theme.title()),
                    Span::raw(text::fit(&part, column - key_column)),
                ]);
            }
        }
        if !two {
            return keys.into_iter().map(Line::from).collect();
        }
        // Split between whole entries: a key's wrapped lines stay in one column.
        let mut split = keys.len().div_ceil(2);
        while split < keys.len()
            && keys
                .get(split)
                .and_then(|l| l.first())
                .is_some_and(|s| s.content.trim().is_empty())
        {
            split += 1;
        }
        let (first, second) = keys.split_at(split);
        first
            .iter()
            .enumerate()
            .map(|(i, left)| {
                let mut spans = left.clone();
                if let Some(right) = second.get(i) {
                    spans.push(Span::raw(" ".repeat(GUTTER)));
                    spans.extend(right.iter().cloned());
                }
                Line::from(spans)
            })
            .collect()
    };
    let mut out = vec![Line::styled(strings::help_heading(h.title), theme.title())];
    out.extend(table(&h.keys));
    if !h.later.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled(strings::HELP_LATER, theme.title()));
        out.extend(table(&h.later));
    }
    for note in strings::help_notes(app.mouse, &h.close_keys) {
        out.extend(
            text::wrap(&note, inner)
                .into_iter()
                .map(|s| Line::styled(s, theme.dim())),
        );
    }
    out
}

/// Where the help of `count` lines sits: centred over everything between header and footer.
fn area(count: usize, main: Rect) -> Rect {
    let height = u16::try_from(count + 2).unwrap_or(u16::MAX);
    centered(main, width(main), height)
}

/// Lines of text the help of `count` lines shows at once.
fn page_of(count: usize, main: Rect) -> usize {
    usize::from(inset(area(count, main)).height).max(1)
}

/// Lines of text the help shows at once.
pub fn page(app: &App, h: &Help) -> usize {
    page_of(lines(app, h).len(), app.regions().main)
}

/// The furthest the help scrolls.
pub fn max_scroll(app: &App, h: &Help) -> usize {
    let count = lines(app, h).len();
    count.saturating_sub(page_of(count, app.regions().main))
}

/// Draws the help, scrolled; the last line says when more is below.
pub fn draw(frame: &mut Frame, app: &App, h: &Help, regions: &Regions) {
    let all = lines(app, h);
    let area = area(all.len(), regions.main);
    let inner = popup(frame, app.theme, area, strings::HELP_TITLE, false);
    let height = usize::from(inner.height);
    let more = all.len().saturating_sub(h.scroll + height);
    let mut shown: Vec<Line> = all.into_iter().skip(h.scroll).take(height).collect();
    if more > 0
        && let Some(last) = shown.last_mut()
    {
        *last = Line::styled(
            strings::help_more(more + 1, &h.scroll_keys),
            app.theme.warning(),
        );
    }
    if h.scroll > 0
        && shown.len() > 1
        && let Some(first) = shown.first_mut()
    {
        *first = Line::styled(
            strings::help_above(h.scroll + 1, &h.back_keys),
            app.theme.warning(),
        );
    }
    frame.render_widget(Paragraph::new(shown), inner);
}
