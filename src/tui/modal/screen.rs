//! What every modal knows of the comparison screen beneath it: its keys (handling, its footer,
//! its help and README's key table read this one table; a modal names them in what it says),
//! its name as a component, and what it says when the query leaves nothing. The screen's own
//! folder (`comparison/`) opens the modals, so what they need of it is here, below them.

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Binding, c, k, listed, shown};
use crate::tui::strings::{self, footer, help as words};
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
    listed(&[c('!')], Action::ShowProblems, words::SHOW_PROBLEMS),
];

/// The comparison screen, beneath every modal.
#[derive(Debug, Clone, Copy, Default)]
pub struct Comparison;

/// The comparison screen, which is there beneath every modal.
pub static SCREEN: Comparison = Comparison;

/// What a key that needs a topic says when none is shown: why (the query left none, and how
/// to undo it, or the dispute has none), rather than an edge it is not at.
pub fn nothing_shown(app: &App) -> Option<String> {
    if !app.shown().topics.is_empty() {
        return None;
    }
    Some(match &app.outcome {
        Some(_) if !app.cmp.topics.is_empty() => no_match(app),
        _ => strings::NO_TOPICS.to_owned(),
    })
}

/// What the topic list and the comparison say when the query leaves nothing.
pub fn no_match(app: &App) -> String {
    // The as-of bar and the timeline step the date: their keys bring claims back, not `F`.
    if app.query.filter.as_of.is_some()
        && matches!(
            app.modal(),
            Some(crate::tui::state::Modal::AsOf(_) | crate::tui::state::Modal::Timeline(_))
        )
    {
        return strings::as_of::NO_MATCH.to_owned();
    }
    let filter = &app.query.filter;
    let clear = || app.keymap.key_for(BINDINGS, false, Action::ClearFilters);
    if filter.hides_party(app.party_id(app.cmp.left))
        && filter.hides_party(app.party_id(app.cmp.right))
    {
        // The parties kept, by name where the dispute has them, as the pair is named.
        let kept: Vec<&str> = filter
            .parties
            .iter()
            .map(|id| {
                app.dispute
                    .sides
                    .iter()
                    .find(|s| s.party.id == *id)
                    .map_or(id.as_str(), |s| s.party.name.as_str())
            })
            .collect();
        return strings::filters::no_party_compared(
            &kept.join(", "),
            app.party(app.cmp.left),
            app.party(app.cmp.right),
            &clear(),
        );
    }
    if app.query.filter.is_empty() {
        strings::filters::no_search_match(
            &app.keymap.key_for(BINDINGS, false, Action::Narrow),
            &app.keymap.key_for(BINDINGS, false, Action::Search),
        )
    } else {
        strings::filters::no_match(&clear())
    }
}
