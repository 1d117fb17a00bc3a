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
    // Too wide: each party's name gets at least half of what is left, cut with `…`; the
    // marks and `(left)`, `(right)` stay whole (a cut inside `(left)` left the side unsaid).
    let [bare_l, sep, bare_r] = strings::legend("", "");
    let room =
        width.saturating_sub(text::width(&bare_l) + text::width(&sep) + text::width(&bare_r));
    let (lw, rw) = (text::width(left), text::width(right));
    let [l, _, r] = if lw + rw <= room {
        strings::legend(left, right)
    } else {
        let l_room = lw.min(room.saturating_sub(rw.min(room / 2)));
        let r_room = room.saturating_sub(l_room);
        strings::legend(
            text::ellipsis(left, l_room).trim_end(),
            text::ellipsis(right, r_room).trim_end(),
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
            text::ellipsis(&counts(app, left, right, width), width),
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

/// The counts line: with one compared party's claims all hidden by the party filter, the rows
/// are counted without saying which side answers them.
fn counts(app: &App, left: &str, right: &str, width: usize) -> String {
    let filter = &app.query.filter;
    let hidden = (
        filter.hides_party(app.party_id(app.cmp.left)),
        filter.hides_party(app.party_id(app.cmp.right)),
    );
    match hidden {
        (true, false) => strings::counts_one_party(&app.counts, left, width),
        (false, true) => strings::counts_one_party(&app.counts, right, width),
        _ => strings::counts(&app.counts, left, right, width),
    }
}

/// The title, and at the right the date in force when there is one, and, once the problems
/// panel is closed, that the files on disk do not load (what is shown is their last good state).
fn title_line(app: &App, width: usize) -> Line<'static> {
    let theme = app.theme;
    let broken =
        !app.live.broken.is_empty() && !app.modals.iter().any(|m| matches!(m, Modal::Reload(_)));
    let mut marks = Vec::new();
    if broken {
        let key = app.keymap.key_for(
            crate::tui::modal::screen::BINDINGS,
            false,
            crate::tui::action::Action::ShowProblems,
        );
        marks.push((strings::stale(&key), theme.warning()));
    }
    let shown = app.shown().as_of.as_ref().map(|a| a.date);
    if app.query_pending() && app.query.filter.as_of != shown {
        // A date stepped at a million claims takes the worker half a second: the date asked
        // shows at once, marked as on its way, over the counts of the date before.
        let date = app.query.filter.as_of.map(|d| d.to_string());
        marks.push((strings::as_of::coming(date.as_deref()), theme.dim()));
    } else if let Some(date) = shown {
        marks.push((strings::as_of::header(&date.to_string()), theme.as_of()));
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
