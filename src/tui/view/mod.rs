//! Drawing: a pure function of the state. The header and footer are drawn here; the comparison
//! screen and each open modal draw themselves, bottom first, each only what is visible.

pub mod footer;
pub mod header;

use super::app::App;
use super::layout::{MIN_HEIGHT, MIN_WIDTH};
use super::modal::component::{self, Component};
use super::modal::screen::{BINDINGS as SCREEN_BINDINGS, SCREEN};
use super::strings;
use ratatui::Frame;
use ratatui::widgets::{Paragraph, Wrap};

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let regions = super::layout::regions(area, app.header_lines());
    if regions.too_small {
        // The quit key where it quits; in a line one types in, only Ctrl-C does.
        let typing = app.modals.last().is_some_and(|m| component::of(m).types());
        let quit = (!typing).then(|| {
            app.keymap
                .key_for(SCREEN_BINDINGS, false, super::action::Action::Quit)
        });
        let quit = quit.as_deref();
        let full = strings::too_small(area.width, area.height, MIN_WIDTH, MIN_HEIGHT, quit);
        // Said whole: shorter where the whole would be cut (at 20×5 it lost "quit").
        let fits =
            crate::text::wrap(&full, usize::from(area.width)).len() <= usize::from(area.height);
        let msg = if fits {
            full
        } else {
            strings::too_small_short(MIN_WIDTH, MIN_HEIGHT, quit)
        };
        frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
        return;
    }
    header::draw(frame, app, regions.header);
    // Only what the last modal covering the whole main area leaves visible is drawn.
    let from = app
        .modals
        .iter()
        .rposition(|m| component::of(m).covers())
        .unwrap_or(0);
    if app
        .modals
        .get(from)
        .is_none_or(|m| !component::of(m).covers())
    {
        SCREEN.draw(frame, app, &regions);
    }
    // Under a view that covers the main area, a long message takes rows of its own below it,
    // so the view's bottom border, and the lines it says are hidden there, stay in sight.
    let covered = app
        .modals
        .get(from)
        .is_some_and(|m| component::of(m).covers());
    let below = if covered {
        footer::message_rows(app, regions.main, regions.footer)
    } else {
        Vec::new()
    };
    let rows = u16::try_from(below.len()).unwrap_or(regions.main.height);
    let above = super::layout::Regions {
        main: ratatui::layout::Rect {
            height: regions.main.height.saturating_sub(rows),
            ..regions.main
        },
        ..regions
    };
    for m in app.modals.iter().skip(from) {
        component::of(m).draw(frame, app, &above);
    }
    if !below.is_empty() {
        footer::draw_message_below(frame, app, regions, below);
    } else {
        footer::draw(frame, app, regions.main, regions.footer);
    }
}
