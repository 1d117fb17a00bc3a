//! The party picker (`p`, with more than two sides): choose the left side, then the right one
//! among the others.

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Binding, c, k, listed, shown};
use crate::tui::layout::{Regions, centered};
use crate::tui::modal::component::{Component, Step};
use crate::tui::state::Modal;
use crate::tui::state::picker::{Choosing, Picker};
use crate::tui::strings::{self, footer, help};
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;

/// The picker's keys.
pub const BINDINGS: &[Binding] = &[
    listed(&[k(KeyCode::Up), c('k')], Action::Up, help::PICK_UP),
    listed(&[k(KeyCode::Down), c('j')], Action::Down, help::PICK_DOWN),
    listed(&[k(KeyCode::Home), c('g')], Action::First, help::PICK_FIRST),
    listed(&[k(KeyCode::End), c('G')], Action::Last, help::PICK_LAST),
    shown(
        &[k(KeyCode::Enter)],
        Action::Open,
        help::PICK_CHOOSE,
        footer::CHOOSE,
    ),
    shown(
        &[k(KeyCode::Esc)],
        Action::Back,
        help::PICK_BACK,
        footer::BACK,
    ),
    shown(&[c('?')], Action::Help, help::HELP, footer::HELP),
    shown(&[c('q')], Action::Quit, help::QUIT, footer::QUIT),
];

/// Opens the picker on the left side, or says why there is nothing to pick.
pub fn open(app: &mut App) -> Step {
    if app.dispute.sides.len() <= 2 {
        let swap = app.keymap.key_for(
            crate::tui::modal::screen::BINDINGS,
            false,
            Action::SwapSides,
        );
        app.message = Some(strings::only_two_sides(&swap));
        return Step::Stay;
    }
    Step::Open(Modal::Picker(Picker {
        step: Choosing::Left,
        cursor: app.cmp.left,
        left: app.cmp.left,
    }))
}

/// Where the picker sits: as tall as the sides it offers, and as wide as their names and
/// marks need (48 columns at least), as far as the screen allows: two long names alike in
/// their first words (two ministries of one government) read apart.
pub fn area(app: &App, p: &Picker, main: Rect) -> Rect {
    let names: Vec<usize> = app
        .dispute
        .sides
        .iter()
        .enumerate()
        .filter(|&(i, _)| p.offers(i))
        .map(|(_, s)| crate::text::width(&s.party.name))
        .collect();
    let height = u16::try_from(names.len() + 2).unwrap_or(u16::MAX);
    // `▶ `, the name, a space and the longest mark, inside the border.
    let mark = crate::text::width(crate::tui::strings::NOW_RIGHT);
    let needed = names.iter().max().map_or(0, |n| 2 + n + 1 + mark + 2);
    let width = u16::try_from(needed).unwrap_or(u16::MAX).max(48);
    centered(main, width.min(main.width.saturating_sub(4)), height)
}

impl Component for Picker {
    fn title(&self) -> &'static str {
        match self.step {
            Choosing::Left => strings::PICK_LEFT,
            Choosing::Right => strings::PICK_RIGHT,
        }
    }

    fn bindings(&self) -> &'static [Binding] {
        BINDINGS
    }

    fn works(&self, app: &App, action: Action) -> bool {
        let n = app.dispute.sides.len();
        let above = (0..self.cursor).any(|i| self.offers(i));
        let below = (self.cursor + 1..n).any(|i| self.offers(i));
        match action {
            Action::Up | Action::First => above,
            Action::Down | Action::Last => below,
            _ => true,
        }
    }

    fn update(&mut self, app: &mut App, action: Action) -> Step {
        let n = app.dispute.sides.len();
        let p = self;
        match action {
            // Back one step: from the right side to the left, as chosen; from the left, out.
            Action::Back if p.step == Choosing::Right => {
                p.step = Choosing::Left;
                p.cursor = p.left;
            }
            Action::Back => return Step::Close,
            Action::Help => return crate::tui::modal::help::update::open(app, p),
            Action::Up => {
                p.cursor = (0..p.cursor)
                    .rev()
                    .find(|&i| p.offers(i))
                    .unwrap_or(p.cursor)
            }
            Action::Down => p.cursor = (p.cursor + 1..n).find(|&i| p.offers(i)).unwrap_or(p.cursor),
            Action::First => p.cursor = (0..n).find(|&i| p.offers(i)).unwrap_or(p.cursor),
            Action::Last => p.cursor = (0..n).rev().find(|&i| p.offers(i)).unwrap_or(p.cursor),
            Action::Open => match p.step {
                Choosing::Left => {
                    p.left = p.cursor;
                    p.step = Choosing::Right;
                    p.cursor = if app.cmp.right != p.left {
                        app.cmp.right
                    } else {
                        (0..n).find(|&i| i != p.left).unwrap_or(0)
                    };
                }
                Choosing::Right if p.cursor == p.left => {
                    app.message = Some(strings::SAME_SIDE.to_owned());
                }
                Choosing::Right => {
                    app.set_pair(p.left, p.cursor);
                    return Step::Close;
                }
            },
            _ => {}
        }
        Step::Stay
    }

    fn draw(&self, frame: &mut Frame, app: &App, regions: &Regions) {
        super::view::draw(frame, app, *self, area(app, self, regions.main));
    }
}
