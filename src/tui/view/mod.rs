//! Drawing: a pure function of the state, one file per region of the screen. Each region draws
//! only what is visible. `regions` is the one place the screen is divided, used by drawing and by
//! `update` (for mouse hits and page sizes) alike.

pub mod comparison;
pub mod detail;
pub mod export;
pub mod filters;
pub mod footer;
pub mod header;
pub mod help;
pub mod picker;
pub mod search;
pub mod topics;

use super::app::{App, MIN_HEIGHT, MIN_WIDTH, Overlay};
use super::strings;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};

/// The columns between the two panes: ` │ `.
pub const SEPARATOR_WIDTH: usize = 3;
/// The separator itself.
pub const SEPARATOR: &str = " │ ";

/// Where each region sits on a screen of a given size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Regions {
    /// Below the minimum size: nothing but the message is drawn.
    pub too_small: bool,
    /// The header lines.
    pub header: Rect,
    /// The topic list with its border.
    pub topics: Rect,
    /// The topic list's entries.
    pub topics_inner: Rect,
    /// The comparison with its border.
    pub comparison: Rect,
    /// The line of the sides' own framings, above the panes.
    pub framing: Rect,
    /// The two panes' rows.
    pub body: Rect,
    /// The detail view with its border.
    pub detail: Rect,
    /// The detail view's text.
    pub detail_inner: Rect,
    /// The help overlay with its border.
    pub help: Rect,
    /// The help overlay's text.
    pub help_inner: Rect,
    /// The party picker with its border.
    pub picker: Rect,
    /// The footer line.
    pub footer: Rect,
}

fn inset(r: Rect) -> Rect {
    Rect::new(
        r.x.saturating_add(1),
        r.y.saturating_add(1),
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

/// Clears `area` and draws a popup's border and title over it (with a column of padding on each
/// side when `padded`); returns the inside. Every popup (search, filters, export, picker) looks
/// the same this way.
fn popup(frame: &mut Frame, app: &App, area: Rect, title: &str, padded: bool) -> Rect {
    use ratatui::widgets::{Block, Clear, Padding};
    frame.render_widget(Clear, area);
    let mut block = Block::bordered()
        .title(format!(" {title} "))
        .border_style(app.theme.border(true));
    if padded {
        block = block.padding(Padding::horizontal(1));
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// Divides a screen of `area` for the state `app`.
pub fn regions(area: Rect, app: &App) -> Regions {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Regions {
            too_small: true,
            ..Regions::default()
        };
    }
    let header_h =
        3 + u16::from(!app.active_filters.is_empty()) + u16::from(search::in_header(app));
    let header = Rect::new(area.x, area.y, area.width, header_h);
    let footer = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    let main = Rect::new(
        area.x,
        area.y + header_h,
        area.width,
        area.height - header_h - 1,
    );
    let topics_w = (area.width / 4).clamp(18, 36);
    let topics = Rect::new(main.x, main.y, topics_w, main.height);
    let comparison = Rect::new(
        main.x + topics_w,
        main.y,
        main.width - topics_w,
        main.height,
    );
    let inner = inset(comparison);
    let framing = Rect::new(inner.x, inner.y, inner.width, 1);
    let body = Rect::new(
        inner.x,
        inner.y + 2,
        inner.width,
        inner.height.saturating_sub(2),
    );
    let help_h = u16::try_from(help::height() + 2).unwrap_or(u16::MAX);
    let help = centered(main, 84.min(main.width.saturating_sub(2)), help_h);
    let picker_h = u16::try_from(app.dispute.sides.len() + 2).unwrap_or(u16::MAX);
    let picker = centered(main, 48.min(main.width.saturating_sub(4)), picker_h);
    Regions {
        too_small: false,
        header,
        topics,
        topics_inner: inset(topics),
        comparison,
        framing,
        body,
        detail: main,
        detail_inner: inset(main),
        help,
        help_inner: inset(help),
        picker,
        footer,
    }
}

/// What the topic list and the comparison say when the query leaves nothing.
pub fn no_match(app: &App) -> String {
    if app.query.filter.is_empty() {
        strings::filters::NO_SEARCH_MATCH.to_owned()
    } else {
        strings::filters::no_match(&super::keys::key_for(super::update::Action::ClearFilters))
    }
}

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let regions = regions(area, app);
    if regions.too_small {
        let msg = strings::too_small(area.width, area.height, MIN_WIDTH, MIN_HEIGHT);
        frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
        return;
    }
    header::draw(frame, app, regions.header);
    match app.detail {
        Some(d) => detail::draw(frame, app, d, &regions),
        None => {
            topics::draw(frame, app, &regions);
            // The search panel covers the comparison: no need to lay it out beneath.
            if !app.search.editing {
                comparison::draw(frame, app, &regions);
            }
        }
    }
    if app.search.editing && app.detail.is_none() {
        search::draw(frame, app, &regions);
    }
    match app.overlay {
        Overlay::None => {}
        Overlay::Help { scroll } => help::draw(frame, app, scroll, &regions),
        Overlay::Picker(p) => picker::draw(frame, app, p, regions.picker),
    }
    if let Some(p) = &app.filters {
        filters::draw(frame, app, p, regions.detail);
    }
    if let Some(d) = &app.export {
        export::draw(frame, app, d, regions.detail);
    }
    footer::draw(frame, app, regions.footer);
}
