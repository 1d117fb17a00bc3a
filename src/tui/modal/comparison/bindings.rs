//! The comparison screen's keys: handling, its footer, its help and README's key table read
//! this one table.

use crate::tui::action::Action;
use crate::tui::keymap::{Binding, c, k, listed, shown};
use crate::tui::strings::{footer, help as words};
use ratatui::crossterm::event::KeyCode;

/// The comparison screen's keys, in the order help lists them.
pub const BINDINGS: &[Binding] = &[
    listed(&[k(KeyCode::Up), c('k')], Action::Up, words::UP),
    listed(&[k(KeyCode::Down), c('j')], Action::Down, words::DOWN),
    listed(&[k(KeyCode::PageUp)], Action::PageUp, words::PAGE_UP),
    listed(&[k(KeyCode::PageDown)], Action::PageDown, words::PAGE_DOWN),
    listed(&[k(KeyCode::Home), c('g')], Action::First, words::FIRST),
    listed(&[k(KeyCode::End), c('G')], Action::Last, words::LAST),
    listed(
        &[k(KeyCode::Left), c('h')],
        Action::FocusTopics,
        words::FOCUS_TOPICS,
    ),
    listed(
        &[k(KeyCode::Right), c('l')],
        Action::FocusComparison,
        words::FOCUS_COMPARISON,
    ),
    shown(
        &[k(KeyCode::Tab)],
        Action::NextPane,
        words::NEXT_PANE,
        footer::NEXT_PANE,
    ),
    listed(&[k(KeyCode::BackTab)], Action::PrevPane, words::PREV_PANE),
    shown(
        &[k(KeyCode::Enter)],
        Action::Open,
        words::OPEN,
        footer::OPEN,
    ),
    shown(&[k(KeyCode::Esc)], Action::Back, words::BACK, footer::BACK),
    shown(&[c('/')], Action::Search, words::SEARCH, footer::SEARCH),
    listed(&[c('n')], Action::NextHit, words::NEXT_HIT),
    listed(&[c('N')], Action::PrevHit, words::PREV_HIT),
    listed(&[c('&')], Action::Narrow, words::NARROW),
    shown(
        &[c('r')],
        Action::FollowRebuttal,
        words::FOLLOW_ROW,
        footer::FOLLOW,
    ),
    listed(
        &[c('b'), k(KeyCode::Backspace)],
        Action::JumpBack,
        words::JUMP_BACK,
    ),
    shown(
        &[c(']'), c('J')],
        Action::NextRow,
        words::NEXT_ROW,
        footer::NEXT_ROW,
    ),
    listed(&[c('['), c('K')], Action::PrevRow, words::PREV_ROW),
    listed(&[c('}')], Action::NextTopic, words::NEXT_TOPIC),
    listed(&[c('{')], Action::PrevTopic, words::PREV_TOPIC),
    shown(&[c('y')], Action::Copy, words::COPY, footer::COPY),
    listed(&[c('Y')], Action::CopyId, words::COPY_ID),
    listed(&[c('o')], Action::OpenSource, words::OPEN_SOURCE),
    shown(&[c('s')], Action::SwapSides, words::SWAP, footer::SWAP),
    shown(&[c('p')], Action::PickParties, words::PICK, footer::PICK),
    shown(&[c('?')], Action::Help, words::HELP, footer::HELP),
    shown(&[c('q')], Action::Quit, words::QUIT, footer::QUIT),
    shown(&[c('e')], Action::Export, words::EXPORT, footer::EXPORT),
    shown(&[c('f')], Action::Filters, words::FILTERS, footer::FILTERS),
    listed(&[c('F')], Action::ClearFilters, words::CLEAR_FILTERS),
    listed(&[c('t')], Action::AsOf, words::AS_OF),
    listed(&[c('T')], Action::Timeline, words::TIMELINE),
    listed(
        &[c('m')],
        Action::ToggleSuggestions,
        words::TOGGLE_SUGGESTIONS,
    ),
    listed(&[c('M')], Action::NextSuggested, words::NEXT_SUGGESTED),
    shown(&[c('a')], Action::Accept, words::ACCEPT, footer::ACCEPT),
    shown(&[c('x')], Action::Dismiss, words::DISMISS, footer::DISMISS),
    listed(&[c('u')], Action::Undo, words::UNDISMISS),
    listed(&[c('E')], Action::OpenEditor, words::EDIT_CLAIM),
];
