//! The keys of a row in full: handling, its footer, its help and README's key table read this
//! one table (apart from the update, so the view can name the keys in force).

use crate::tui::action::Action;
use crate::tui::keymap::{Binding, c, k, listed, shown};
use crate::tui::strings::{footer, help};
use ratatui::crossterm::event::KeyCode;

/// The keys of a row in full.
pub const BINDINGS: &[Binding] = &[
    listed(&[k(KeyCode::Up), c('k')], Action::Up, help::DETAIL_UP),
    listed(&[k(KeyCode::Down), c('j')], Action::Down, help::DETAIL_DOWN),
    listed(&[k(KeyCode::PageUp)], Action::PageUp, help::PAGE_UP),
    listed(&[k(KeyCode::PageDown)], Action::PageDown, help::PAGE_DOWN),
    listed(
        &[k(KeyCode::Home), c('g')],
        Action::First,
        help::DETAIL_FIRST,
    ),
    listed(&[k(KeyCode::End), c('G')], Action::Last, help::DETAIL_LAST),
    shown(
        &[c('r')],
        Action::FollowRebuttal,
        help::FOLLOW,
        footer::FOLLOW,
    ),
    shown(
        &[c('b'), k(KeyCode::Backspace)],
        Action::JumpBack,
        help::JUMP_BACK,
        footer::JUMP_BACK,
    ),
    shown(&[c('y')], Action::Copy, help::COPY, footer::COPY),
    listed(&[c('Y')], Action::CopyId, help::COPY_ID),
    listed(&[c('o')], Action::OpenSource, help::OPEN_SOURCE),
    listed(&[c('E')], Action::OpenEditor, help::EDIT_CLAIM),
    // A suggested row is judged by reading it in full: accepted or dismissed from here too.
    shown(
        &[c('a')],
        Action::Accept,
        help::DETAIL_ACCEPT,
        footer::ACCEPT,
    ),
    shown(
        &[c('x')],
        Action::Dismiss,
        help::DETAIL_DISMISS,
        footer::DISMISS,
    ),
    // Typed as in the comparison, a search does not run its letters as this view's keys (`r`
    // following a link, `q` quitting).
    listed(&[c('/')], Action::Search, help::DETAIL_SEARCH),
    // As `/`: a link to a side not compared says to pick the parties, so the key works here.
    listed(&[c('p')], Action::PickParties, help::DETAIL_PICK),
    shown(&[k(KeyCode::Esc)], Action::Back, help::CLOSE, footer::CLOSE),
    shown(&[c('?')], Action::Help, help::HELP, footer::HELP),
    shown(&[c('q')], Action::Quit, help::QUIT, footer::QUIT),
];
