//! The binding type every modal's table is made of, how keys are named in help, footer and
//! README, and the keys that act in every modal (Ctrl-C, Ctrl-Z). Each modal owns its table;
//! handling, its footer and its part of `?` help all read that one table.

use super::action::Action;
use super::strings::help;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl, Alt; Shift only for keys that are not characters.
    pub mods: KeyModifiers,
}

/// A key without modifiers.
pub const fn k(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

/// A character key (Shift is part of the character: `G`, `?`).
pub const fn c(ch: char) -> Key {
    k(KeyCode::Char(ch))
}

/// A character with Ctrl.
pub const fn ctrl(ch: char) -> Key {
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
    /// The help's description.
    pub help: &'static str,
    /// The footer's short label, for the bindings that matter most (in the order the footer
    /// keeps them when the screen is narrow: help and quit stay longest).
    pub footer: Option<&'static str>,
}

/// A binding with a footer label.
pub const fn shown(
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    footer: &'static str,
) -> Binding {
    Binding {
        keys,
        action,
        help,
        footer: Some(footer),
    }
}

/// A binding listed only in help.
pub const fn listed(keys: &'static [Key], action: Action, help: &'static str) -> Binding {
    Binding {
        keys,
        action,
        help,
        footer: None,
    }
}

/// The keys that act in every modal, even one that types (a search line, a dialog's path).
pub const GLOBAL: &[Binding] = &[
    listed(&[ctrl('c')], Action::Quit, help::QUIT),
    listed(&[ctrl('z')], Action::Suspend, help::SUSPEND),
];

/// The key as the tables spell it: Shift is part of a character (`G`, `?`) and of Shift-Tab.
pub fn normalise(event: KeyEvent) -> Key {
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

/// The binding of a key in a table, if any.
pub fn find(table: &'static [Binding], key: Key) -> Option<&'static Binding> {
    table.iter().find(|b| b.keys.contains(&key))
}

/// The first key bound to an action in a table, as help shows it (for messages that name a key).
pub fn key_for(table: &[Binding], action: Action) -> String {
    table
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

/// A table of bindings in Markdown, as README's key tables show them.
pub fn markdown_table_of(bindings: &[Binding]) -> String {
    let mut out = String::from("| keys | what they do |\n| --- | --- |\n");
    for b in bindings {
        let keys: Vec<String> = b.keys.iter().map(|&k| format!("`{}`", label(k))).collect();
        out.push_str(&format!("| {} | {} |\n", keys.join(" "), b.help));
    }
    out
}

/// The first key bound twice in a table (with the global keys), if any; each modal tests its own.
pub fn no_key_twice(table: &[Binding]) -> Option<Key> {
    let keys: Vec<Key> = table
        .iter()
        .chain(GLOBAL)
        .flat_map(|b| b.keys.iter().copied())
        .collect();
    keys.iter()
        .enumerate()
        .find(|(i, key)| keys.get(i + 1..).is_some_and(|rest| rest.contains(key)))
        .map(|(_, &key)| key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifted_characters_and_control_keys_are_spelled_as_the_tables_spell_them() {
        let ev = |code, mods| KeyEvent::new(code, mods);
        assert_eq!(
            normalise(ev(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            c('G')
        );
        assert_eq!(
            normalise(ev(KeyCode::Char('C'), KeyModifiers::CONTROL)),
            ctrl('c')
        );
        assert_eq!(
            normalise(ev(KeyCode::BackTab, KeyModifiers::SHIFT)),
            k(KeyCode::BackTab)
        );
        assert_eq!(label(ctrl('z')), "Ctrl-Z");
    }
}
