//! The export dialog, drawn over the screen: what to export, the format, the file, then a line
//! for what happened ("overwrite? y / n", or why the last try failed) and the dialog's keys,
//! generated from the bindings table.

use crate::export::Format;
use crate::text;
use crate::tui::app::App;
use crate::tui::export::{Dialog, Field, Scope, Stage, format_name};
use crate::tui::keys::{self, EXPORT_BINDINGS};
use crate::tui::strings::export as words;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// Columns of the field labels (`▸ Format  `).
const LABEL: usize = 10;
/// Lines of the dialog's text.
const LINES: u16 = 7;

/// Where the dialog sits on the screen's main area.
pub fn area(main: Rect) -> Rect {
    super::centered(main, 76.min(main.width.saturating_sub(4)), LINES + 2)
}

fn label(theme: Theme, name: &str, focused: bool) -> Span<'static> {
    let marker = if focused { "▸ " } else { "  " };
    let s = text::fit(&format!("{marker}{name}"), LABEL);
    if focused {
        Span::styled(s, theme.title())
    } else {
        Span::raw(s)
    }
}

/// One field of choices: the chosen one in reverse video, `◂ ▸` around them while focused.
fn choices(
    theme: Theme,
    label: Span<'static>,
    items: Vec<(String, bool)>,
    focused: bool,
) -> Line<'static> {
    let mut spans = vec![label];
    spans.push(Span::raw(if focused { "◂ " } else { "  " }));
    for (i, (name, chosen)) in items.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(" "));
        }
        let s = format!(" {name} ");
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

/// Draws the dialog over the screen's main area.
pub fn draw(frame: &mut Frame, app: &App, d: &Dialog, main: Rect) {
    let theme = app.theme;
    let area = area(main);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .title(format!(" {} ", words::TITLE))
        .border_style(theme.border(true));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let room = width.saturating_sub(LABEL + 4);
    let editing = d.stage != Stage::Confirm;
    let focused = |f: Field| editing && d.field == f;

    let all = words::all_topics_choice(app.cmp.topics.len());
    let mut scope_items = Vec::new();
    if let Some(t) = app.current_topic() {
        let cols = room.saturating_sub(text::width(&all) + 3).max(8);
        let this = words::this_topic_choice(&t.title);
        let this = if text::width(&this) > cols {
            let mut cut = text::fit(&this, cols.saturating_sub(1));
            cut.push('…');
            cut
        } else {
            this
        };
        scope_items.push((this, d.scope == Scope::Topic));
    }
    scope_items.push((all, d.scope == Scope::All));
    let formats = Format::ALL
        .iter()
        .map(|&f| (format_name(f).to_owned(), f == d.format))
        .collect();

    let (path, column) = d.path.shown(width.saturating_sub(LABEL + 1));
    let [status, status_more]: [Line; 2] = match (&d.note, d.stage) {
        (Some(note), Stage::Confirm) => [
            Line::styled(text::fit(note, width), theme.warning()),
            Line::styled(words::OVERWRITE, theme.title()),
        ],
        (Some(note), _) => {
            let mut wrapped = text::wrap(note, width).into_iter();
            let first = wrapped.next().unwrap_or_default();
            let second = wrapped.next().unwrap_or_default();
            [
                Line::styled(first, theme.warning()),
                Line::styled(second, theme.warning()),
            ]
        }
        (None, _) => [Line::styled(words::AS_SHOWN, theme.dim()), Line::raw("")],
    };
    let mut hint = Vec::new();
    for b in EXPORT_BINDINGS {
        let Some(name) = b.footer else { continue };
        let key = b.keys.first().map(|&k| keys::label(k)).unwrap_or_default();
        hint.push(Span::styled(format!(" {key} "), theme.key()));
        hint.push(Span::raw(format!(" {name}  ")));
    }
    let lines = vec![
        choices(
            theme,
            label(theme, words::SCOPE, focused(Field::Scope)),
            scope_items,
            focused(Field::Scope),
        ),
        choices(
            theme,
            label(theme, words::FORMAT, focused(Field::Format)),
            formats,
            focused(Field::Format),
        ),
        Line::from(vec![
            label(theme, words::FILE, focused(Field::File)),
            Span::raw(path),
        ]),
        status,
        status_more,
        Line::styled(words::WHERE, theme.dim()),
        Line::from(hint),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
    if focused(Field::File) {
        let x = inner.x + u16::try_from(LABEL + column).unwrap_or(inner.width);
        if x < inner.right() && inner.height > 2 {
            frame.set_cursor_position(Position::new(x, inner.y + 2));
        }
    }
}
