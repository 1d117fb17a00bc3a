//! The header: the dispute's title (with the date in force, when the screen is seen as of one),
//! the two parties with their colours, the counts, and the filters in force.

use crate::text;
use crate::tui::app::App;
use crate::tui::state::Modal;
use crate::tui::strings;
use crate::tui::theme::Pane;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the header into `area`.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let theme = app.theme;
    let width = usize::from(area.width);
    let (left, right) = (app.party(app.cmp.left), app.party(app.cmp.right));
    let [l, sep, r] = strings::legend(left, right);
    // Too wide: each party gets at least half of what is left, cut with `…`.
    let room = width.saturating_sub(text::width(&sep));
    let (lw, rw) = (text::width(&l), text::width(&r));
    let (l, r) = if lw + rw <= room {
        (l, r)
    } else {
        let l_room = lw.min(room.saturating_sub(rw.min(room / 2)));
        let r_room = room.saturating_sub(l_room);
        (
            text::ellipsis(&l, l_room).trim_end().to_owned(),
            text::ellipsis(&r, r_room).trim_end().to_owned(),
        )
    };
    let mut lines = vec![
        title_line(app, width),
        Line::from(vec![
            Span::styled(l, theme.party(Pane::Left)),
            Span::raw(sep),
            Span::styled(r, theme.party(Pane::Right)),
        ]),
        Line::styled(
            text::ellipsis(&strings::counts(&app.counts, left, right, width), width),
            theme.dim(),
        ),
    ];
    if !app.active_filters.is_empty() {
        lines.push(Line::styled(
            text::ellipsis(&strings::filters(&app.active_filters, width), width),
            theme.warning(),
        ));
    }
    lines.extend(crate::tui::modal::search::view::header_line(app, width));
    frame.render_widget(Paragraph::new(lines), area);
}

/// The title, and at the right the date in force when there is one, and, once the problems
/// panel is closed, that the files on disk do not load (what is shown is their last good state).
fn title_line(app: &App, width: usize) -> Line<'static> {
    let theme = app.theme;
    let broken = app.live.broken && !app.modals.iter().any(|m| matches!(m, Modal::Reload(_)));
    let mut marks = Vec::new();
    if broken {
        marks.push((strings::STALE.to_owned(), theme.warning()));
    }
    if let Some(as_of) = &app.shown().as_of {
        marks.push((
            strings::as_of::header(&as_of.date.to_string()),
            theme.as_of(),
        ));
    }
    if marks.is_empty() {
        return Line::styled(text::ellipsis(&app.dispute.title, width), theme.title());
    }
    let used: usize = marks.iter().map(|(m, _)| text::width(m) + 1).sum();
    // Cut with `…`, so a shortened title reads as one, not as the whole title.
    let title = text::ellipsis(&app.dispute.title, width.saturating_sub(used));
    let mut spans = vec![Span::styled(title, theme.title())];
    for (mark, style) in marks {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(text::ellipsis(&mark, width), style));
    }
    Line::from(spans)
}
