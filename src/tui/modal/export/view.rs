//! The export dialog, drawn over the screen: what to export, the format, the file, then what
//! happened ("overwrite? y / n", or why the last try failed). Its keys show in the footer.

use crate::export::Format;
use crate::text;
use crate::tui::app::App;
use crate::tui::state::Modal;
use crate::tui::state::export::{Dialog, Field, Scope, Stage, format_name};
use crate::tui::strings::export as words;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Columns of the field labels (`▸ Format  `).
const LABEL: usize = 10;
/// What goes between a label and its value (`◂ ` on a focused field of choices).
const INDENT: &str = "  ";
/// Lines of the dialog's text besides what it says of the export (the fields, a blank line,
/// where a relative path goes).
const FIXED: usize = 5;
/// Lines for what the dialog says of the export: two at least, so the fields stay put, and
/// more when a long filter or search needs them.
const STATUS: (usize, usize) = (2, 6);

/// The dialog's width on the screen's main area.
fn width_on(main: Rect) -> u16 {
    76.min(main.width.saturating_sub(4))
}

/// Lines of `text` wrapped to `width`, at most `most` of them (see [`text::wrap_at_most`]).
fn wrapped(text: &str, width: usize, most: usize, style: Style) -> Vec<Line<'static>> {
    text::wrap_at_most(text, width, most)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

fn label(theme: Theme, name: &str, focused: bool) -> Span<'static> {
    let marker = if focused { "▸ " } else { "  " };
    let s = text::ellipsis(&format!("{marker}{name}"), LABEL);
    if focused {
        Span::styled(s, theme.title())
    } else {
        Span::raw(s)
    }
}

/// One field of choices: the chosen one marked `●` and in reverse video, `◂ ▸` around them while
/// focused.
fn choices(
    theme: Theme,
    label: Span<'static>,
    items: Vec<(String, bool)>,
    focused: bool,
) -> Line<'static> {
    let mut spans = vec![label];
    spans.push(Span::raw(if focused { "◂ " } else { INDENT }));
    for (i, (name, chosen)) in items.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(" "));
        }
        let mark = if chosen { '●' } else { '○' };
        let s = format!("{mark} {name} ");
        spans.push(if chosen {
            Span::styled(s, theme.selected())
        } else {
            Span::raw(s)
        });
    }
    if focused {
        spans.push(Span::raw(" ▸"));
    }
    Line::from(spans)
}

/// One thing the dialog says under its fields: its text, style, and the most lines it may wrap
/// onto.
type Block = (String, Style, usize);

/// What the dialog says under its fields, in blocks, the least needed first (a short screen
/// drops whole blocks from the front): why the last try failed or the question before
/// replacing a file; else what the export holds (the comparison as shown, or the filters in
/// force), the search in force and the suggested rows. Each wraps rather than being cut.
fn status(app: &App, d: &Dialog) -> Vec<Block> {
    let theme = app.theme;
    let (_, most) = STATUS;
    let key = |action| {
        app.keymap
            .key_for(crate::tui::modal::screen::BINDINGS, false, action)
    };
    // What the export holds beyond the comparison as shown: the filters, the search in force
    // and the matcher's guesses, which go out as shown, marked (said with the key that hides
    // them).
    let mut held: Vec<Block> = Vec::new();
    if !app.active_filters.is_empty() {
        // The labels are cleaned when made (`Filter::describe`).
        let s = words::filters_in_force(&app.active_filters);
        held.push((s, theme.warning(), most));
    }
    if let Some(q) = app.query.search_text() {
        let s = words::search_in_force(
            &text::clean(q).text,
            app.query.narrow,
            &key(crate::tui::action::Action::Narrow),
        );
        held.push((s, theme.warning(), 2));
    }
    if suggested_rows(app, d.scope) {
        let s = words::suggested_in_force(&key(crate::tui::action::Action::ToggleSuggestions));
        held.push((s, theme.warning(), 3));
    }
    match (&d.note, d.stage) {
        // Asked with what would be written still said, so the file is replaced knowingly.
        (Some(note), Stage::Confirm) => {
            held.push((note.clone(), theme.warning(), 1));
            held.push((words::OVERWRITE.to_owned(), theme.title(), 1));
            held
        }
        (Some(note), _) => vec![(note.clone(), theme.warning(), most)],
        (None, _) => {
            if app.active_filters.is_empty() {
                held.insert(0, (words::AS_SHOWN.to_owned(), theme.dim(), most));
            }
            held
        }
    }
}

/// The lines a block needs at `width`, within its most.
fn need((s, _, most): &Block, width: usize) -> usize {
    text::wrap(s, width).len().clamp(1, *most)
}

/// The lines the blocks need at `width`.
fn needs(blocks: &[Block], width: usize) -> usize {
    blocks.iter().map(|b| need(b, width)).sum()
}

/// The status's blocks in `room` lines (and [`STATUS`]'s most): whole blocks from the front give
/// way first; then the last blocks take the lines they need, the first the rest, each at least
/// one, cut with `…`. Padded to [`STATUS`]'s least where there is room, so the fields stay put.
fn fitted(mut blocks: Vec<Block>, width: usize, room: usize) -> Vec<Line<'static>> {
    let room = room.min(STATUS.1);
    // Each block before the last keeps a line at least; the last, whole, matters most.
    while blocks.len() > 1 && blocks.len() - 1 + blocks.last().map_or(0, |b| need(b, width)) > room
    {
        blocks.remove(0);
    }
    let mut left = room;
    let mut sizes = vec![0; blocks.len()];
    for (i, block) in blocks.iter().enumerate().rev() {
        // One line kept for each block before this one.
        let n = need(block, width).min(left.saturating_sub(i).max(1));
        if let Some(size) = sizes.get_mut(i) {
            *size = n;
        }
        left = left.saturating_sub(n);
    }
    let mut out: Vec<Line<'static>> = blocks
        .iter()
        .zip(sizes)
        .flat_map(|((s, style, most), n)| {
            if *most == 1 {
                vec![Line::styled(text::ellipsis(s, width), *style)]
            } else {
                wrapped(s, width, n, *style)
            }
        })
        .take(room)
        .collect();
    while out.len() < STATUS.0.min(room) {
        out.push(Line::raw(""));
    }
    out
}

/// True when what the dialog would export holds a suggested row (`≈`).
fn suggested_rows(app: &App, scope: Scope) -> bool {
    let suggested = |t: &crate::compare::TopicRows| {
        t.rows
            .iter()
            .any(|r| r.kind == crate::compare::RowKind::Suggested)
    };
    match scope {
        Scope::Topic => app.current_topic().is_some_and(suggested),
        Scope::All => app.shown().topics.iter().any(suggested),
    }
}

/// Draws the dialog over the screen's main area.
pub fn draw(frame: &mut Frame, app: &App, d: &Dialog, main: Rect) {
    let theme = app.theme;
    let outer = width_on(main);
    // The popup's border and padding take two columns each side.
    let width = usize::from(outer.saturating_sub(4));
    let status = status(app, d);
    let status_lines = needs(&status, width).clamp(STATUS.0, STATUS.1);
    // Where a relative path goes: wrapped in two lines at most on a narrow screen, not cut.
    let place = if app.export_folder == std::path::Path::new(".") {
        words::WHERE.to_owned()
    } else {
        words::where_in(&app.export_folder.display().to_string())
    };
    let place = text::wrap_at_most(&place, width, 2);
    let height = u16::try_from(FIXED - 1 + place.len() + status_lines).unwrap_or(u16::MAX);
    let area = crate::tui::layout::centered(main, outer, height.saturating_add(2));
    // A column cleared each side, so the screen's text never shows between the dialog and the
    // panes' borders.
    let margin = Rect {
        x: area.x.saturating_sub(1),
        width: area.width.saturating_add(2),
        ..area
    }
    .intersection(main);
    frame.render_widget(ratatui::widgets::Clear, margin);
    let inner = crate::tui::widgets::popup(frame, app.theme, area, words::TITLE, true);
    let width = usize::from(inner.width);
    let editing = d.stage != Stage::Confirm;
    let focused = |f: Field| editing && d.field == f;

    let all = words::all_topics_choice(app.shown().topics.len());
    let topic = app.current_topic();
    // The scope's line with this topic's title cut to `cols`: `ellipsis` ends a cut title in
    // its one `…` (and pads, which the choice does not want).
    let scope_line = |cols: usize| {
        let mut items = Vec::new();
        if let Some(t) = topic {
            let this = words::this_topic_choice(&t.title);
            let this = if text::width(&this) > cols {
                text::ellipsis(&this, cols).trim_end().to_owned()
            } else {
                this
            };
            items.push((this, d.scope == Scope::Topic));
        }
        items.push((all.clone(), d.scope == Scope::All));
        choices(
            theme,
            label(theme, words::SCOPE, focused(Field::Scope)),
            items,
            focused(Field::Scope),
        )
    };
    // The line holds the label, `◂ `, `● ` the title and a space, a space, `○ ` the other
    // choice and a space, then ` ▸`; the title gives up what still runs over, so the `▸` that
    // says there is more to choose stays on a narrow screen.
    let cols = width
        .saturating_sub(LABEL + 2 + 3 + 1 + text::width(&all) + 3 + 2)
        .max(8);
    let mut scope = scope_line(cols);
    let over = scope.width().saturating_sub(width);
    if over > 0 {
        scope = scope_line(cols.saturating_sub(over).max(2));
    }
    let mut formats: Vec<(String, bool)> = Format::ALL
        .iter()
        .map(|&f| (format_name(f).to_owned(), f == d.format))
        .collect();
    let format_line = |formats: Vec<(String, bool)>| {
        let mut line = choices(
            theme,
            label(theme, words::FORMAT, focused(Field::Format)),
            formats,
            focused(Field::Format),
        );
        if d.named {
            line.spans
                .push(Span::styled(format!("  {}", words::NAMED), theme.dim()));
        }
        line
    };
    let mut format = format_line(formats.clone());
    if format.width() > width
        && let Some(md) = formats.iter_mut().find(|(n, _)| n == words::MARKDOWN)
    {
        // Every choice stays readable rather than the last being cut.
        md.0 = words::MARKDOWN_SHORT.to_owned();
        format = format_line(formats);
    }

    // A proposed name shows selected only while the field has the focus.
    let cols = width.saturating_sub(LABEL + INDENT.len() + 1);
    let (path, column) = if focused(Field::File) {
        d.path.spans(cols, Style::default())
    } else {
        let (shown, column) = d.path.shown(cols);
        (vec![Span::raw(shown)], column)
    };
    let mut lines = vec![
        scope,
        format,
        Line::from(
            [
                label(theme, words::FILE, focused(Field::File)),
                Span::raw(INDENT),
            ]
            .into_iter()
            .chain(path)
            .collect::<Vec<_>>(),
        ),
    ];
    // On a short screen the fields stay, and what gives way first is the blank line, then
    // where the file goes, then the status's first lines: its last say the search and the
    // matcher's guesses, which the analyst must not export unawares (at 50×12 they were cut).
    let room = usize::from(inner.height).saturating_sub(lines.len());
    let mut place: Vec<Line> = place
        .into_iter()
        .map(|l| Line::styled(l, theme.dim()))
        .collect();
    let blank = status_lines + place.len() < room;
    if status_lines + place.len() > room {
        place.clear();
    }
    let status = fitted(status, usize::from(inner.width), room);
    if blank {
        lines.push(Line::raw(""));
    }
    lines.extend(status);
    lines.extend(place);
    frame.render_widget(Paragraph::new(lines), inner);
    if focused(Field::File) {
        let x = inner.x + u16::try_from(LABEL + INDENT.len() + column).unwrap_or(inner.width);
        if x < inner.right() && inner.height > 2 {
            super::super::place_cursor(
                frame,
                app,
                |m| matches!(m, Modal::Export(_)),
                Position::new(x, inner.y + 2),
            );
        }
    }
}
