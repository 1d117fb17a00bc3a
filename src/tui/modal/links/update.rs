//! Following rebuttal links (`r`): the links of a claim (in a row in full) or of the selected
//! row (on the comparison screen) that lead to a claim on screen. One is followed at once;
//! several open this chooser, whose choice goes back to where `r` was pressed.

use crate::compare::Row;
use crate::format::ClaimAt;
use crate::layout;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Binding, c, k, listed, shown};
use crate::tui::layout::{Regions, centered};
use crate::tui::modal::component::{Component, Step};
use crate::tui::state::Modal;
use crate::tui::state::links::{Choice, Links};
use crate::tui::strings::{self, footer, help};
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;

/// The chooser's keys.
pub const BINDINGS: &[Binding] = &[
    listed(&[k(KeyCode::Up), c('k')], Action::Up, help::LINK_UP),
    listed(&[k(KeyCode::Down), c('j')], Action::Down, help::LINK_DOWN),
    shown(
        &[k(KeyCode::Enter)],
        Action::Open,
        help::LINK_FOLLOW,
        footer::FOLLOW,
    ),
    // The key that opens the chooser follows too: the one the config file gives.
    listed(&[c('r')], Action::FollowRebuttal, help::LINK_FOLLOW),
    shown(
        &[k(KeyCode::Esc)],
        Action::Back,
        help::CANCEL,
        footer::CANCEL,
    ),
    shown(&[c('?')], Action::Help, help::HELP, footer::HELP),
    shown(&[c('q')], Action::Quit, help::QUIT, footer::QUIT),
];

/// The links of some claims of a row (`place` is the row's topic and index) that lead to a
/// claim on screen, and the reason the first of the others cannot be followed (with how many
/// more cannot, so none is thought followable).
pub fn of(
    app: &App,
    row: &Row,
    place: (usize, usize),
    claims: &[ClaimAt],
) -> (Vec<Choice>, Option<String>) {
    let mut choices = Vec::new();
    let mut why = None;
    // The targets that cannot be followed, each once (two claims of a row may rebut one).
    let mut missed = std::collections::BTreeSet::new();
    for &from in claims {
        let Some(claim) = app.dispute.claim(from) else {
            continue;
        };
        let label = layout::label(row, from).unwrap_or_default();
        for (kind, target) in claim.links() {
            let reads =
                layout::relation_place(&app.dispute, app.shown(), Some(place), kind, target);
            let Some(to) = app.dispute.find_claim(target) else {
                why.get_or_insert_with(|| strings::not_loaded(target));
                missed.insert(target);
                continue;
            };
            if app.locate(to).is_none() {
                missed.insert(target);
                let compared = to.side() == app.cmp.left || to.side() == app.cmp.right;
                why.get_or_insert_with(|| {
                    if compared {
                        hidden(app, to, target)
                    } else {
                        let pick = app.keymap.key_for(
                            crate::tui::modal::screen::BINDINGS,
                            false,
                            Action::PickParties,
                        );
                        strings::not_compared(target, &pick)
                    }
                });
                continue;
            }
            choices.push(Choice {
                label: format!("{label} {reads}"),
                target: to,
            });
        }
    }
    let why = why.map(|w| strings::and_more_unfollowable(w, missed.len().saturating_sub(1)));
    (choices, why)
}

/// Why a claim of a compared side is not on screen, and the key in force that shows it: a date
/// in force it was said after, else a narrowed search, else the filters.
fn hidden(app: &App, to: ClaimAt, target: &str) -> String {
    let key = |action| {
        app.keymap
            .key_for(crate::tui::modal::screen::BINDINGS, false, action)
    };
    let date = app.dispute.claim(to).and_then(|c| c.date);
    match &app.shown().as_of {
        Some(as_of) if !crate::query::filter::said_by(date, as_of.date) => {
            strings::hidden_by_date(target, &as_of.date.to_string(), &key(Action::AsOf))
        }
        _ if app.query.narrow && app.query.search_text().is_some() => {
            strings::hidden_by_search(target, &key(Action::Narrow))
        }
        _ => strings::hidden_by_filters(target, &key(Action::Filters)),
    }
}

/// Whether a link of the claim `at` leads to a claim of the compared sides: the footer offers
/// `r` and the row in full its hint only then (`r` on a link elsewhere only says why not).
pub fn leads_to_compared(app: &App, at: ClaimAt) -> bool {
    let cmp = app.shown();
    app.dispute.claim(at).is_some_and(|claim| {
        claim.links().any(|(_, target)| {
            app.dispute
                .find_claim(target)
                .is_some_and(|to| to.side() == cmp.left || to.side() == cmp.right)
        })
    })
}

/// What `r` does with the links found.
#[derive(Debug)]
pub enum Follow {
    /// One link: go to its claim now.
    Go(ClaimAt),
    /// None (the footer says why) or several (the chooser opens).
    Step(Step),
}

/// Follows one link at once, offers a choice among several, or says why there is none.
pub fn follow(app: &mut App, mut choices: Vec<Choice>, why: Option<String>, none: &str) -> Follow {
    match choices.len() {
        0 => {
            app.message = Some(why.unwrap_or_else(|| none.to_owned()));
            Follow::Step(Step::Stay)
        }
        1 => match choices.pop() {
            Some(c) => Follow::Go(c.target),
            None => Follow::Step(Step::Stay),
        },
        _ => Follow::Step(Step::Open(Modal::Links(Links { choices, cursor: 0 }))),
    }
}

/// Where the chooser sits.
pub fn area(links: &Links, main: Rect) -> Rect {
    let height = u16::try_from(links.choices.len() + 2).unwrap_or(u16::MAX);
    centered(main, 72.min(main.width.saturating_sub(4)), height)
}

impl Component for Links {
    fn title(&self) -> &'static str {
        strings::LINKS_TITLE
    }

    fn bindings(&self) -> &'static [Binding] {
        BINDINGS
    }

    fn works(&self, _app: &App, action: Action) -> bool {
        match action {
            Action::Up => self.cursor > 0,
            Action::Down => self.cursor + 1 < self.choices.len(),
            _ => true,
        }
    }

    fn update(&mut self, app: &mut App, action: Action) -> Step {
        let last = self.choices.len().saturating_sub(1);
        match action {
            Action::Back => return Step::Close,
            Action::Help => return crate::tui::modal::help::update::open(app, self),
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(last),
            Action::Open | Action::FollowRebuttal => {
                if let Some(c) = self.choices.get(self.cursor) {
                    return Step::CloseWith(Action::FollowTo(c.target));
                }
            }
            _ => {}
        }
        Step::Stay
    }

    fn draw(&self, frame: &mut Frame, app: &App, regions: &Regions) {
        super::view::draw(frame, app, self, area(self, regions.main));
    }
}
