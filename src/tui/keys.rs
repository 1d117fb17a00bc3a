//! The one table of key bindings. Key handling, the help overlay, the footer and README.md
//! all read it, so they can never disagree.

use super::app::App;
use super::export::Input;
use super::filters::Input as FilterInput;
use super::search::Input as Line;
use super::strings::{footer, help};
use super::update::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl, Alt; Shift only for keys that are not characters.
    pub mods: KeyModifiers,
}

const fn k(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn c(ch: char) -> Key {
    k(KeyCode::Char(ch))
}

const fn ctrl(ch: char) -> Key {
    Key {
        code: KeyCode::Char(ch),
        mods: KeyModifiers::CONTROL,
    }
}

/// One binding: the keys, what they do, and how help and footer describe it.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The keys that trigger the action.
    pub keys: &'static [Key],
    /// The action.
    pub action: Action,
    /// The help overlay's description.
    pub help: &'static str,
    /// The footer's short label, for the few bindings that matter most.
    pub footer: Option<&'static str>,
}

/// Every binding, in the order the help overlay lists them.
pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: &[k(KeyCode::Up), c('k')],
        action: Action::Up,
        help: help::UP,
        footer: None,
    },
    Binding {
        keys: &[k(KeyCode::Down), c('j')],
        action: Action::Down,
        help: help::DOWN,
        footer: None,
    },
    Binding {
        keys: &[k(KeyCode::PageUp)],
        action: Action::PageUp,
        help: help::PAGE_UP,
        footer: None,
    },
    Binding {
        keys: &[k(KeyCode::PageDown)],
        action: Action::PageDown,
        help: help::PAGE_DOWN,
        footer: None,
    },
    Binding {
        keys: &[k(KeyCode::Home), c('g')],
        action: Action::First,
        help: help::FIRST,
        footer: None,
    },
    Binding {
        keys: &[k(KeyCode::End), c('G')],
        action: Action::Last,
        help: help::LAST,
        footer: None,
    },
    Binding {
        keys: &[k(KeyCode::Left), c('h')],
        action: Action::FocusTopics,
        help: help::FOCUS_TOPICS,
        footer: None,
    },
    Binding {
        keys: &[k(KeyCode::Right), c('l')],
        action: Action::FocusComparison,
        help: help::FOCUS_COMPARISON,
        footer: None,
    },
    Binding {
        keys: &[k(KeyCode::Tab)],
        action: Action::NextPane,
        help: help::NEXT_PANE,
        footer: Some(footer::NEXT_PANE),
    },
    Binding {
        keys: &[k(KeyCode::BackTab)],
        action: Action::PrevPane,
        help: help::PREV_PANE,
        footer: None,
    },
    Binding {
        keys: &[k(KeyCode::Enter)],
        action: Action::Open,
        help: help::OPEN,
        footer: Some(footer::OPEN),
    },
    Binding {
        keys: &[k(KeyCode::Esc)],
        action: Action::Back,
        help: help::BACK,
        footer: Some(footer::BACK),
    },
    Binding {
        keys: &[c('/')],
        action: Action::Search,
        help: help::SEARCH,
        footer: Some(footer::SEARCH),
    },
    Binding {
        keys: &[c('n')],
        action: Action::NextHit,
        help: help::NEXT_HIT,
        footer: None,
    },
    Binding {
        keys: &[c('N')],
        action: Action::PrevHit,
        help: help::PREV_HIT,
        footer: None,
    },
    Binding {
        keys: &[c('&')],
        action: Action::Narrow,
        help: help::NARROW,
        footer: None,
    },
    Binding {
        keys: &[c('r')],
        action: Action::FollowRebuttal,
        help: help::FOLLOW,
        footer: None,
    },
    Binding {
        keys: &[c('b'), k(KeyCode::Backspace)],
        action: Action::JumpBack,
        help: help::JUMP_BACK,
        footer: None,
    },
    Binding {
        keys: &[c('s')],
        action: Action::SwapSides,
        help: help::SWAP,
        footer: Some(footer::SWAP),
    },
    Binding {
        keys: &[c('p')],
        action: Action::PickParties,
        help: help::PICK,
        footer: Some(footer::PICK),
    },
    Binding {
        keys: &[c('?')],
        action: Action::Help,
        help: help::HELP,
        footer: Some(footer::HELP),
    },
    Binding {
        keys: &[c('q'), ctrl('c')],
        action: Action::Quit,
        help: help::QUIT,
        footer: Some(footer::QUIT),
    },
    Binding {
        keys: &[c('e')],
        action: Action::Export,
        help: help::EXPORT,
        footer: Some(footer::EXPORT),
    },
    Binding {
        keys: &[c('f')],
        action: Action::Filters,
        help: help::FILTERS,
        footer: Some(footer::FILTERS),
    },
    Binding {
        keys: &[c('F')],
        action: Action::ClearFilters,
        help: help::CLEAR_FILTERS,
        footer: None,
    },
    Binding {
        keys: &[ctrl('z')],
        action: Action::Suspend,
        help: help::SUSPEND,
        footer: None,
    },
];

const fn dialog(
    keys: &'static [Key],
    input: Input,
    help: &'static str,
    footer: Option<&'static str>,
) -> Binding {
    Binding {
        keys,
        action: Action::ExportDialog(input),
        help,
        footer,
    }
}

/// The bindings inside the export dialog, which the dialog's hint line and README list. Any other
/// character (without Ctrl or Alt) types into the path; Ctrl-C and Ctrl-Z act as everywhere.
pub const EXPORT_BINDINGS: &[Binding] = &[
    dialog(
        &[k(KeyCode::Tab), k(KeyCode::Down)],
        Input::NextField,
        help::EXPORT_NEXT_FIELD,
        Some(footer::EXPORT_FIELD),
    ),
    dialog(
        &[k(KeyCode::BackTab), k(KeyCode::Up)],
        Input::PrevField,
        help::EXPORT_PREV_FIELD,
        None,
    ),
    dialog(&[k(KeyCode::Left)], Input::Left, help::EXPORT_LEFT, None),
    dialog(&[k(KeyCode::Right)], Input::Right, help::EXPORT_RIGHT, None),
    dialog(&[k(KeyCode::Home)], Input::Home, help::EXPORT_HOME, None),
    dialog(&[k(KeyCode::End)], Input::End, help::EXPORT_END, None),
    dialog(
        &[k(KeyCode::Backspace)],
        Input::Backspace,
        help::EXPORT_BACKSPACE,
        None,
    ),
    dialog(
        &[k(KeyCode::Delete)],
        Input::Delete,
        help::EXPORT_DELETE,
        None,
    ),
    dialog(
        &[k(KeyCode::Enter)],
        Input::Submit,
        help::EXPORT_SUBMIT,
        Some(footer::EXPORT_SUBMIT),
    ),
    dialog(
        &[k(KeyCode::Esc)],
        Input::Cancel,
        help::EXPORT_CANCEL,
        Some(footer::EXPORT_CANCEL),
    ),
];

const fn panel(
    keys: &'static [Key],
    input: FilterInput,
    help: &'static str,
    footer: Option<&'static str>,
) -> Binding {
    Binding {
        keys,
        action: Action::FilterPanel(input),
        help,
        footer,
    }
}

/// The bindings inside the filter panel, which the footer and README list. Any other character
/// (without Ctrl or Alt) types: into a date, or to find a choice; Ctrl-C and Ctrl-Z act as
/// everywhere.
pub const FILTER_BINDINGS: &[Binding] = &[
    panel(
        &[k(KeyCode::Tab)],
        FilterInput::NextSection,
        help::FILTER_NEXT_SECTION,
        Some(footer::FILTER_SECTION),
    ),
    panel(
        &[k(KeyCode::BackTab)],
        FilterInput::PrevSection,
        help::FILTER_PREV_SECTION,
        None,
    ),
    panel(&[k(KeyCode::Up)], FilterInput::Up, help::FILTER_UP, None),
    panel(
        &[k(KeyCode::Down)],
        FilterInput::Down,
        help::FILTER_DOWN,
        None,
    ),
    panel(
        &[k(KeyCode::PageUp)],
        FilterInput::PageUp,
        help::FILTER_PAGE_UP,
        None,
    ),
    panel(
        &[k(KeyCode::PageDown)],
        FilterInput::PageDown,
        help::FILTER_PAGE_DOWN,
        None,
    ),
    panel(
        &[k(KeyCode::Left)],
        FilterInput::Left,
        help::FILTER_LEFT,
        None,
    ),
    panel(
        &[k(KeyCode::Right)],
        FilterInput::Right,
        help::FILTER_RIGHT,
        None,
    ),
    panel(
        &[k(KeyCode::Home)],
        FilterInput::Home,
        help::FILTER_HOME,
        None,
    ),
    panel(&[k(KeyCode::End)], FilterInput::End, help::FILTER_END, None),
    panel(
        &[c(' ')],
        FilterInput::Toggle,
        help::FILTER_TOGGLE,
        Some(footer::FILTER_TOGGLE),
    ),
    panel(
        &[k(KeyCode::Backspace)],
        FilterInput::Backspace,
        help::FILTER_BACKSPACE,
        None,
    ),
    panel(
        &[k(KeyCode::Delete)],
        FilterInput::Clear,
        help::FILTER_CLEAR,
        Some(footer::FILTER_CLEAR),
    ),
    panel(
        &[k(KeyCode::Enter)],
        FilterInput::Submit,
        help::FILTER_SUBMIT,
        Some(footer::FILTER_SUBMIT),
    ),
    panel(
        &[k(KeyCode::Esc)],
        FilterInput::Close,
        help::FILTER_CLOSE,
        Some(footer::FILTER_CLOSE),
    ),
];

const fn line(
    keys: &'static [Key],
    input: Line,
    help: &'static str,
    footer: Option<&'static str>,
) -> Binding {
    Binding {
        keys,
        action: Action::SearchLine(input),
        help,
        footer,
    }
}

/// The bindings in the search line, which its footer, the help and README list. Any other
/// character (without Ctrl or Alt) types into the line; Ctrl-C and Ctrl-Z act as everywhere.
pub const SEARCH_BINDINGS: &[Binding] = &[
    line(&[k(KeyCode::Up)], Line::Up, help::SEARCH_UP, None),
    line(
        &[k(KeyCode::Down)],
        Line::Down,
        help::SEARCH_DOWN,
        Some(footer::SEARCH_CHOOSE),
    ),
    line(
        &[k(KeyCode::PageUp)],
        Line::PageUp,
        help::SEARCH_PAGE_UP,
        None,
    ),
    line(
        &[k(KeyCode::PageDown)],
        Line::PageDown,
        help::SEARCH_PAGE_DOWN,
        None,
    ),
    line(
        &[k(KeyCode::Enter)],
        Line::Submit,
        help::SEARCH_SUBMIT,
        Some(footer::SEARCH_SUBMIT),
    ),
    line(
        &[k(KeyCode::Esc)],
        Line::Leave,
        help::SEARCH_LEAVE,
        Some(footer::SEARCH_LEAVE),
    ),
    Binding {
        keys: &[ctrl('n')],
        action: Action::Narrow,
        help: help::SEARCH_NARROW,
        footer: Some(footer::SEARCH_NARROW),
    },
    line(&[ctrl('u')], Line::Erase, help::SEARCH_ERASE, None),
    line(&[k(KeyCode::Left)], Line::Left, help::SEARCH_LEFT, None),
    line(&[k(KeyCode::Right)], Line::Right, help::SEARCH_RIGHT, None),
    line(&[k(KeyCode::Home)], Line::Home, help::SEARCH_HOME, None),
    line(&[k(KeyCode::End)], Line::End, help::SEARCH_END, None),
    line(
        &[k(KeyCode::Backspace)],
        Line::Backspace,
        help::SEARCH_BACKSPACE,
        None,
    ),
    line(
        &[k(KeyCode::Delete)],
        Line::Delete,
        help::SEARCH_DELETE,
        None,
    ),
];

/// The key as the table spells it: Shift is part of a character (`G`, `?`) and of Shift-Tab.
fn normalise(event: KeyEvent) -> Key {
    let mut mods =
        event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
        mods.remove(KeyModifiers::SHIFT);
    }
    let code = match event.code {
        KeyCode::Char(ch) if mods.contains(KeyModifiers::CONTROL) => {
            KeyCode::Char(ch.to_ascii_lowercase())
        }
        code => code,
    };
    Key { code, mods }
}

/// The action a key press triggers, if any.
pub fn action_for(event: KeyEvent) -> Option<Action> {
    let key = normalise(event);
    BINDINGS
        .iter()
        .find(|b| b.keys.contains(&key))
        .map(|b| b.action)
}

/// The action a key press triggers where the keys act now: in an open dialog, panel or search
/// line its own bindings and typing, else (and for Ctrl-C and Ctrl-Z) the main table.
pub fn action_in(app: &App, event: KeyEvent) -> Option<Action> {
    let Some(typed) = typing(app) else {
        return action_for(event);
    };
    let key = normalise(event);
    if let Some(b) = active(app).iter().find(|b| b.keys.contains(&key)) {
        return Some(b.action);
    }
    match key.code {
        KeyCode::Char(ch)
            if !key
                .mods
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(typed(ch))
        }
        _ => action_for(event),
    }
}

/// The table of the keys that act now: the open dialog's, panel's or search line's, else the
/// main one. Key handling and the footer both read it.
pub fn active(app: &App) -> &'static [Binding] {
    if app.filters.is_some() {
        FILTER_BINDINGS
    } else if app.export.is_some() {
        EXPORT_BINDINGS
    } else if app.search.editing {
        SEARCH_BINDINGS
    } else {
        BINDINGS
    }
}

/// Where other characters go now: typed into the open dialog, panel or search line (`None` on
/// the main screen, where only bound keys act).
fn typing(app: &App) -> Option<fn(char) -> Action> {
    if app.filters.is_some() {
        Some(|ch| Action::FilterPanel(FilterInput::Type(ch)))
    } else if app.export.is_some() {
        Some(|ch| Action::ExportDialog(Input::Type(ch)))
    } else if app.search.editing {
        Some(|ch| Action::SearchLine(Line::Type(ch)))
    } else {
        None
    }
}

/// The first key bound to an action in the main table, as help shows it (for messages that
/// name a key).
pub fn key_for(action: Action) -> String {
    BINDINGS
        .iter()
        .find(|b| b.action == action)
        .and_then(|b| b.keys.first())
        .map(|&k| label(k))
        .unwrap_or_default()
}

/// A key's name as help and footer show it.
pub fn label(key: Key) -> String {
    let name = match key.code {
        KeyCode::Up => "↑".to_owned(),
        KeyCode::Down => "↓".to_owned(),
        KeyCode::Left => "←".to_owned(),
        KeyCode::Right => "→".to_owned(),
        KeyCode::PageUp => "PgUp".to_owned(),
        KeyCode::PageDown => "PgDn".to_owned(),
        KeyCode::Home => "Home".to_owned(),
        KeyCode::End => "End".to_owned(),
        KeyCode::Tab => "Tab".to_owned(),
        KeyCode::BackTab => "Shift-Tab".to_owned(),
        KeyCode::Enter => "Enter".to_owned(),
        KeyCode::Esc => "Esc".to_owned(),
        KeyCode::Backspace => "Backspace".to_owned(),
        KeyCode::Delete => "Delete".to_owned(),
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Char(ch) => ch.to_string(),
        other => format!("{other:?}"),
    };
    if key.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{}", name.to_uppercase())
    } else {
        name
    }
}

/// All the keys of a binding, as help shows them: `↑ k`.
pub fn labels(binding: &Binding) -> String {
    binding
        .keys
        .iter()
        .map(|&key| label(key))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The bindings as a Markdown table, as README's key table shows them.
pub fn markdown_table() -> String {
    markdown_table_of(BINDINGS)
}

/// Some bindings (the main ones, or the export dialog's) as a Markdown table.
pub fn markdown_table_of(bindings: &[Binding]) -> String {
    let mut out = String::from("| keys | what they do |\n| --- | --- |\n");
    for b in bindings {
        let keys: Vec<String> = b.keys.iter().map(|&k| format!("`{}`", label(k))).collect();
        out.push_str(&format!("| {} | {} |\n", keys.join(" "), b.help));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice() {
        let keys: Vec<Key> = BINDINGS
            .iter()
            .flat_map(|b| b.keys.iter().copied())
            .collect();
        for (i, key) in keys.iter().enumerate() {
            assert!(!keys[i + 1..].contains(key), "{key:?} is bound twice");
        }
        for table in [EXPORT_BINDINGS, SEARCH_BINDINGS, FILTER_BINDINGS] {
            let keys: Vec<Key> = table.iter().flat_map(|b| b.keys.iter().copied()).collect();
            for (i, key) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(key), "{key:?} is bound twice");
            }
        }
    }

    #[test]
    fn shifted_characters_and_control_keys_match() {
        let ev = |code, mods| KeyEvent::new(code, mods);
        assert_eq!(
            action_for(ev(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Last)
        );
        assert_eq!(
            action_for(ev(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(
            action_for(ev(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::PrevPane)
        );
        assert_eq!(action_for(ev(KeyCode::Char('x'), KeyModifiers::NONE)), None);
    }
}
