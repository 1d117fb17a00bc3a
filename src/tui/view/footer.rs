//! The footer: the keys that matter most of those that work now (from the active modal's own
//! bindings table, so it never lists a key that does nothing), a one-off message, and where the
//! selection is.

use crate::text;
use crate::tui::action::Action;
use crate::tui::app::{App, Focus};
use crate::tui::keymap;
use crate::tui::modal::component;
use crate::tui::modal::search::view as search;
use crate::tui::strings;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The footer's keys at a width: each working key with a footer label, in its table's order;
/// when they do not all fit, the last ones go first, but help, quit, the way back (`Esc`), the
/// way on (`Enter`: open, keep, done) and, on a suggested row, accept and dismiss stay as long as
/// anything can; of those, the way on goes first, then the way back, then accept and dismiss,
/// and help and quit last. When some do not fit, the last entry is `…` with no key: `?` lists
/// them all (left out itself rather than accept, dismiss, help or quit, and never shown when no
/// key opens the help). Each key comes with
/// how long it stays ([`ESSENTIAL`] and up: accept, dismiss, help, quit).
pub fn keys(app: &App, room: usize) -> Vec<(String, &'static str, u8)> {
    let types = component::active(app).types();
    let mut shown: Vec<(String, &str, usize, u8)> =
        component::working_where(app, |b| b.footer.is_some())
            .into_iter()
            .filter_map(|b| {
                let label = b.footer?;
                // An action with no key in force (`help = []`) is not offered; quit with none
                // is still Ctrl-C, which always quits.
                let key = match app.keymap.keys(b, types).first() {
                    Some(&k) => keymap::label(k),
                    None if b.action == Action::Quit => keymap::label(keymap::ctrl('c')),
                    None => return None,
                };
                let w = text::width(&key) + text::width(label) + 4;
                // How long a key stays when room runs out: 0 goes first; help and quit last.
                let kept = match b.action {
                    Action::Quit => ESSENTIAL + 2,
                    Action::Help => ESSENTIAL + 1,
                    Action::Accept | Action::Dismiss => ESSENTIAL,
                    Action::Back => 2,
                    Action::Open => 1,
                    _ => 0,
                };
                Some((key, label, w, kept))
            })
            .collect();
    let all = shown.len();
    // The sign that keys were left out, once they are; it gives way before accept, dismiss,
    // help and quit (help, which lists the rest, is then in sight). With no key for help
    // (`help = []`) nothing lists the rest, and no sign says it does.
    let mut sign = shown.iter().any(|s| s.3 == ESSENTIAL + 1);
    let sign_width = text::width(strings::footer::MORE) + 2;
    loop {
        let keys = shown.iter().map(|s| s.2).sum::<usize>();
        let signed = sign && shown.len() < all;
        if keys + if signed { sign_width } else { 0 } <= room {
            break;
        }
        // The last of those that go first.
        let Some(least) = shown.iter().map(|s| s.3).min() else {
            break;
        };
        if signed && least >= ESSENTIAL && keys <= room {
            sign = false;
            continue;
        }
        let Some(i) = shown.iter().rposition(|s| s.3 == least) else {
            break;
        };
        shown.remove(i);
    }
    let dropped = sign && shown.len() < all;
    let mut keys: Vec<(String, &str, u8)> =
        shown.into_iter().map(|(k, l, _, s)| (k, l, s)).collect();
    if dropped {
        keys.push((String::new(), strings::footer::MORE, 0));
    }
    keys
}

/// How long accept and dismiss stay in the footer; help and quit stay longer. The `…` sign and
/// the row's place give way before any key this long.
const ESSENTIAL: u8 = 3;

/// Where the selection is: the row, and the hit of a search in force.
fn position(app: &App) -> String {
    let row = match (app.detail(), app.focus) {
        (None, Focus::Comparison) if !app.rows().is_empty() => {
            strings::position(app.row, app.rows().len())
        }
        _ => String::new(),
    };
    match search::position(app) {
        Some(hit) if row.is_empty() => hit,
        Some(hit) => format!("{hit} · {row}"),
        None => row,
    }
}

/// Draws the footer line in `footer`, and a message too long for it over the bottom of `main`.
/// Where the selection is, and whether the message fits beside it, are found once for both.
pub fn draw(frame: &mut Frame, app: &App, main: Rect, footer: Rect) {
    let at = position(app);
    let long = message_is_long(app, &at, usize::from(footer.width));
    draw_line(frame, app, footer, at, long);
    if long && let Some(msg) = &app.message {
        draw_long_message(frame, app, msg, main);
    }
}

/// Under a view that covers the main area (a row in full), the lines of a long message, wrapped
/// once for the view's height and for drawing, at the bottom of `main`: the view stands above
/// them with its bottom border, and the count of lines it hides there, in sight (the message
/// was drawn over them); none with no long message.
pub fn message_rows(app: &App, main: Rect, footer: Rect) -> Vec<String> {
    let at = position(app);
    match &app.message {
        Some(msg) if message_is_long(app, &at, usize::from(footer.width)) => {
            let mut lines =
                text::wrap_at_most(msg, usize::from(main.width).saturating_sub(2), most(main));
            // The view keeps its border and a line inside it.
            lines.truncate(usize::from(main.height.saturating_sub(3)));
            lines
        }
        _ => Vec::new(),
    }
}

/// Below a view that covers the main area and stands above it: the message's `lines`
/// ([`message_rows`]) in the rows left free, its rule the view's bottom border; the footer line
/// gives the keys.
pub fn draw_message_below(
    frame: &mut Frame,
    app: &App,
    regions: crate::tui::layout::Regions,
    lines: Vec<String>,
) {
    draw_line(frame, app, regions.footer, position(app), true);
    let main = regions.main;
    let rows = u16::try_from(lines.len()).unwrap_or(main.height);
    let area = Rect::new(main.x, main.bottom().saturating_sub(rows), main.width, rows);
    let text: Vec<Line> = lines
        .into_iter()
        .map(|l| Line::styled(l, app.theme.warning()))
        .collect();
    let block = ratatui::widgets::Block::new().padding(ratatui::widgets::Padding::horizontal(1));
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(Paragraph::new(text).block(block), area);
}

/// As many lines as a long message may take over `main`: as many as leave the panes' heads
/// in view, so the message is whole (a reload's error with its advice took six lines at 80
/// columns, and was cut at four).
fn most(main: Rect) -> usize {
    usize::from(main.height)
        .saturating_sub(4)
        .max(LONG_MESSAGE_LINES)
}

/// The footer line: the keys, or a message that fits; `at`, where the selection is, on the
/// right.
fn draw_line(frame: &mut Frame, app: &App, area: Rect, at: String, long: bool) {
    let theme = app.theme;
    let width = usize::from(area.width);
    // Work under way on the loop's workers, so a wait of seconds does not look like nothing.
    let busy = [
        (app.indexing, strings::search::INDEXING),
        (app.suggest.on && app.suggest.pending, strings::SUGGESTING),
    ];
    let marks: Vec<&str> = busy
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, mark)| *mark)
        .collect();
    let marks = marks.join(" · ");
    let mut position = match (marks.is_empty(), at.is_empty()) {
        (true, _) => at.clone(),
        (false, true) => marks.clone(),
        (false, false) => format!("{marks} · {at}"),
    };
    // A message answers the key just pressed: it goes whole before the work under way is
    // named, when both do not fit.
    // (A message too long for the line even so is drawn above it, and the marks stay.)
    if let Some(msg) = &app.message
        && text::width(msg) + 3 + text::width(&position) > width
        && !long
    {
        position.clone_from(&at);
    }
    let room = width.saturating_sub(text::width(&position) + 1);
    let showing_keys = app.message.is_none() || long;
    let mut shown = if showing_keys {
        keys(app, room)
    } else {
        Vec::new()
    };
    // The place on the right (not the work under way) gives way before accept, dismiss, help
    // and quit, after the way on and the way back: at 50 columns on LIAR's 136 rows,
    // `row 2/136` left no room for `x dismiss`.
    if showing_keys && !at.is_empty() && position.ends_with(at.as_str()) {
        let essential =
            |keys: &[(String, &str, u8)]| keys.iter().filter(|k| k.2 >= ESSENTIAL).count();
        let without = width.saturating_sub(match marks.is_empty() {
            true => 1,
            false => text::width(&marks) + 1,
        });
        let more = keys(app, without);
        if essential(&more) > essential(&shown) {
            position.clone_from(&marks);
            // The place went for these keys: not for the ones that give way before it.
            let all = more.len();
            shown = more;
            shown.retain(|k| k.2 >= ESSENTIAL || k.0.is_empty());
            if shown.len() < all && shown.last().is_none_or(|k| !k.0.is_empty()) {
                shown.push((String::new(), strings::footer::MORE, 0));
            }
        }
    }
    let mut spans = Vec::new();
    let mut used = 0;
    // A message too long for the line is drawn whole above it (`draw_long_message`), and the
    // line keeps its keys.
    if let Some(msg) = app.message.as_ref().filter(|_| !long) {
        // Two columns short of the position, so a long message never runs into it.
        let s = text::ellipsis(msg, room.saturating_sub(2));
        used = text::width(&s);
        spans.push(Span::styled(s, theme.warning()));
    } else {
        for (key, label, _) in shown {
            if key.is_empty() {
                // The sign that keys were left out for room.
                used += text::width(label) + 2;
                spans.push(Span::styled(format!(" {label} "), theme.dim()));
                continue;
            }
            used += text::width(&key) + text::width(label) + 4;
            spans.push(Span::styled(format!(" {key} "), theme.key()));
            spans.push(Span::raw(format!(" {label} ")));
        }
    }
    let pad = width.saturating_sub(used + text::width(&position));
    spans.push(Span::raw(" ".repeat(pad)));
    spans.push(Span::styled(position, theme.dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// True when the message does not fit the footer line beside the selection's place.
fn message_is_long(app: &App, at: &str, width: usize) -> bool {
    app.message
        .as_ref()
        .is_some_and(|m| text::width(m) + 3 + text::width(at) > width)
}

/// Lines a long message may always take above the footer, however short the screen.
const LONG_MESSAGE_LINES: usize = 4;

/// Draws a message too long for the footer line over the bottom of `main`, wrapped whole
/// under a rule, until the next key clears it: advice at its end ("copy its folder …") is not
/// cut off on a narrow terminal.
fn draw_long_message(frame: &mut Frame, app: &App, msg: &str, main: Rect) {
    let over = |main: Rect, most: usize| {
        let lines = text::wrap_at_most(msg, usize::from(main.width).saturating_sub(2), most);
        let height = u16::try_from(lines.len() + 1)
            .unwrap_or(u16::MAX)
            .min(main.height);
        let area = Rect::new(
            main.x,
            main.bottom().saturating_sub(height),
            main.width,
            height,
        );
        (lines, area)
    };
    let most = most(main);
    let (mut lines, mut area) = over(main, most);
    // The selected topic is not hidden under the message: over it, the message takes the
    // comparison's columns only (the topic list keeps its place, so a click lands where it
    // looks).
    let regions = app.regions();
    let selected = app.topic.checked_sub(app.topic_top).map(|i| {
        let top = usize::from(regions.topics_inner.y) + i * crate::tui::layout::TOPIC_LINES;
        top..top + crate::tui::layout::TOPIC_LINES
    });
    if selected.is_some_and(|rows| rows.end > usize::from(area.y)) && regions.comparison.width > 0 {
        let beside = Rect::new(
            regions.comparison.x,
            main.y,
            regions.comparison.width,
            main.height,
        );
        // Narrower, it may take more lines.
        (lines, area) = over(beside, most);
    }
    let block = ratatui::widgets::Block::new()
        .borders(ratatui::widgets::Borders::TOP)
        .border_style(app.theme.border(true))
        .padding(ratatui::widgets::Padding::horizontal(1));
    let text: Vec<Line> = lines
        .into_iter()
        .map(|l| Line::styled(l, app.theme.warning()))
        .collect();
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(Paragraph::new(text).block(block), area);
    // The rule closes what stands above it: a border coming down meets it in a corner or a
    // join, so the panes keep their bottom corners rather than running into a bare line.
    let Some(above) = area.y.checked_sub(1).filter(|&y| y >= main.y) else {
        return;
    };
    let buf = frame.buffer_mut();
    let down: Vec<bool> = (area.left()..area.right())
        .map(|x| {
            buf.cell((x, above))
                .is_some_and(|c| matches!(c.symbol(), "│" | "┃" | "║" | "┐" | "┌" | "┬" | "┼"))
        })
        .collect();
    let at = |i: usize| down.get(i).copied().unwrap_or(false);
    for (i, x) in (area.left()..area.right()).enumerate() {
        // Two borders side by side are two boxes' edges: each closes its own box.
        let join = match (at(i.wrapping_sub(1)), at(i), at(i + 1)) {
            (_, false, _) => continue,
            _ if i == 0 => "└",
            _ if x + 1 == area.right() => "┘",
            (_, true, true) => "┘",
            (true, true, false) => "└",
            _ => "┴",
        };
        if let Some(cell) = buf.cell_mut((x, area.y)) {
            cell.set_symbol(join);
        }
    }
}
