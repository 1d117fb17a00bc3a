//! The binding type every modal's table is made of, how keys are named in help, footer and
//! README, and the keys that act in every modal (Ctrl-C, Ctrl-Z). Each modal owns its table;
//! handling, its footer and its part of `?` help all read that one table.

use super::action::Action;
use super::strings::help;
use super::text_field::Edit;
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
    listed(&[ctrl('l')], Action::Redraw, help::REDRAW),
];

/// The shell's editing keys, in every line that types (the search line, a dialog's question or
/// path, the filters' dates and find, the as-of date): a key the line's own table gives another
/// meaning keeps it (the filters' Ctrl-A).
pub const EDITING: &[Binding] = &[
    listed(&[ctrl('a')], Action::Edit(Edit::Home), help::EDIT_HOME),
    listed(&[ctrl('e')], Action::Edit(Edit::End), help::EDIT_END),
    listed(
        &[alt('b'), with_ctrl(KeyCode::Left)],
        Action::Edit(Edit::WordLeft),
        help::EDIT_WORD_LEFT,
    ),
    listed(
        &[alt('f'), with_ctrl(KeyCode::Right)],
        Action::Edit(Edit::WordRight),
        help::EDIT_WORD_RIGHT,
    ),
    listed(
        &[ctrl('w'), with_alt(KeyCode::Backspace)],
        Action::Edit(Edit::DeleteWordBack),
        help::EDIT_DELETE_WORD,
    ),
    listed(
        &[ctrl('k')],
        Action::Edit(Edit::DeleteToEnd),
        help::EDIT_DELETE_TO_END,
    ),
    listed(&[ctrl('d')], Action::Edit(Edit::Delete), help::EDIT_DELETE),
];

/// A character with Alt.
pub const fn alt(ch: char) -> Key {
    Key {
        code: KeyCode::Char(ch),
        mods: KeyModifiers::ALT,
    }
}

/// A key that is not a character, with Ctrl.
pub const fn with_ctrl(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::CONTROL,
    }
}

/// A key that is not a character, with Alt.
pub const fn with_alt(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::ALT,
    }
}

/// The key as the tables spell it: Shift is part of a character (`G`, `?`) and of Shift-Tab.
pub fn normalise(event: KeyEvent) -> Key {
    let mut mods =
        event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
        mods.remove(KeyModifiers::SHIFT);
    }
    let code = match event.code {
        // Ctrl-H is the code Backspace sends on terminals set so (`stty erase ^H`, PuTTY):
        // it erases, as readline has it.
        KeyCode::Char('h' | 'H') if mods == KeyModifiers::CONTROL => {
            return Key {
                code: KeyCode::Backspace,
                mods: KeyModifiers::NONE,
            };
        }
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
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Insert => "Insert".to_owned(),
        other => format!("{other:?}"),
    };
    // The terminal sends Ctrl-\ Ctrl-] Ctrl-^ Ctrl-_ as the codes crossterm reads as Ctrl-4 to
    // Ctrl-7: named as they were most likely pressed.
    let name = match (key.mods.contains(KeyModifiers::CONTROL), key.code) {
        (true, KeyCode::Char('4')) => "Ctrl-\\".to_owned(),
        (true, KeyCode::Char('5')) => "Ctrl-]".to_owned(),
        (true, KeyCode::Char('6')) => "Ctrl-^".to_owned(),
        (true, KeyCode::Char('7')) => "Ctrl-_".to_owned(),
        // A letter as terminals print it (`Ctrl-X`); a name as written (`Ctrl-Space`).
        (true, KeyCode::Char(ch)) if ch != ' ' => format!("Ctrl-{}", name.to_uppercase()),
        (true, _) => format!("Ctrl-{name}"),
        (false, _) => name,
    };
    if key.mods.contains(KeyModifiers::ALT) {
        format!("Alt-{name}")
    } else {
        name
    }
}

/// A key as a message names it: as help shows it, and an arrow by its name too, as a config
/// file writes it (`→` (Right)).
pub fn spelled(key: Key) -> String {
    let name = match key.code {
        KeyCode::Up => "Up",
        KeyCode::Down => "Down",
        KeyCode::Left => "Left",
        KeyCode::Right => "Right",
        _ => return format!("`{}`", label(key)),
    };
    format!("`{}` ({name})", label(key))
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

/// The keys the config file gives some actions, in place of their defaults, in every modal that
/// does not type (in one that does, a character is typing, so its keys stay as they are). Built
/// and checked by `tui::bindings`; empty, every table's own keys are in force.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keymap {
    overrides: Vec<(Action, Vec<Key>)>,
}

impl Keymap {
    /// A keymap giving these actions these keys (unchecked: `tui::bindings` checks).
    pub fn new(overrides: Vec<(Action, Vec<Key>)>) -> Keymap {
        Keymap { overrides }
    }

    /// The keys of a binding in force, in a modal that types or not.
    pub fn keys<'a>(&'a self, binding: &'a Binding, types: bool) -> &'a [Key] {
        // Ctrl-C and Ctrl-Z stay whatever the config rebinds (`quit = "Q"` adds a key to quit,
        // it does not take Ctrl-C away, and help goes on listing it).
        if types
            || GLOBAL
                .iter()
                .any(|g| g.action == binding.action && g.keys == binding.keys)
        {
            return binding.keys;
        }
        self.overrides
            .iter()
            .find(|(a, _)| *a == binding.action)
            .map_or(binding.keys, |(_, keys)| keys.as_slice())
    }

    /// The binding of a key in a table, with the keys in force.
    pub fn find(
        &self,
        table: &'static [Binding],
        types: bool,
        key: Key,
    ) -> Option<&'static Binding> {
        table.iter().find(|b| self.keys(b, types).contains(&key))
    }

    /// All the keys of a binding in force, as help shows them: `↑ k`.
    pub fn labels(&self, binding: &Binding, types: bool) -> String {
        self.keys(binding, types)
            .iter()
            .map(|&key| label(key))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The first key in force for an action of a table, as help shows it (for messages that
    /// name a key).
    pub fn key_for(&self, table: &[Binding], types: bool, action: Action) -> String {
        table
            .iter()
            .find(|b| b.action == action)
            .and_then(|b| self.keys(b, types).first())
            .map(|&k| label(k))
            .unwrap_or_default()
    }
}

/// The named keys a config file can write, as it writes them (in any case).
const NAMED: &[(&str, KeyCode)] = &[
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pgup", KeyCode::PageUp),
    ("pageup", KeyCode::PageUp),
    ("pgdn", KeyCode::PageDown),
    ("pagedown", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("tab", KeyCode::Tab),
    ("shift-tab", KeyCode::BackTab),
    ("backtab", KeyCode::BackTab),
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("del", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("space", KeyCode::Char(' ')),
];

/// Reads a key as a config file writes it: a character (`x`, `E`, `?`), a name (`Up`, `PgDn`,
/// `Shift-Tab`, `F5`, `Space`), either after `Ctrl-` or `Alt-`. The error says what is allowed;
/// a key no terminal sends as itself (`Ctrl-I` arrives as Tab) and a modifier written twice
/// (`Ctrl-Ctrl-x`) are refused too, saying why, as they could never act.
pub fn parse_key(text: &str) -> Result<Key, String> {
    let mut rest = text;
    let mut mods = KeyModifiers::NONE;
    let shown = || crate::text::clean(text).text;
    loop {
        let lower = rest.to_ascii_lowercase();
        let (modifier, r) = if let Some(r) = lower.strip_prefix("ctrl-").and(rest.get(5..)) {
            (KeyModifiers::CONTROL, r)
        } else if let Some(r) = lower.strip_prefix("alt-").and(rest.get(4..)) {
            (KeyModifiers::ALT, r)
        } else {
            break;
        };
        if mods.contains(modifier) {
            let name = if modifier == KeyModifiers::CONTROL {
                "Ctrl-"
            } else {
                "Alt-"
            };
            return Err(format!(
                "`{}` has {name} twice, a typo: write it once",
                shown()
            ));
        }
        mods |= modifier;
        rest = r;
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        // A key the footer and the help would show as a blank (a bidi control, a no-break
        // space): refused, as no one could read which key it is.
        (Some(ch), None) if crate::text::is_hidden(ch) || (ch.is_whitespace() && ch != ' ') => {
            return Err(format!(
                "`{}` (U+{:04X}) is a character that shows as nothing, so the footer and the help \
                 could not name the key; give one that can be seen: a character, or a name such \
                 as F2 or Space",
                shown(),
                u32::from(ch)
            ));
        }
        (Some(ch), None) if !ch.is_control() => {
            KeyCode::Char(if mods.contains(KeyModifiers::CONTROL) {
                ch.to_ascii_lowercase()
            } else {
                ch
            })
        }
        _ => {
            let lower = rest.to_ascii_lowercase();
            let function = lower
                .strip_prefix('f')
                .and_then(|n| n.parse::<u8>().ok())
                .filter(|n| (1..=12).contains(n));
            match (NAMED.iter().find(|(n, _)| *n == lower), function) {
                (Some(&(_, code)), _) => code,
                (None, Some(n)) => KeyCode::F(n),
                // `Shift-F` is the capital the terminal sends: said so (`F`).
                (None, None)
                    if mods.is_empty()
                        && lower.len() == 7
                        && lower.starts_with("shift-")
                        && rest[6..].chars().all(|c| c.is_ascii_alphabetic()) =>
                {
                    let capital = rest[6..].to_ascii_uppercase();
                    return Err(format!(
                        "`{}` is not a key; Shift with a letter is written as the capital \
                         letter: `{capital}`",
                        crate::text::clean(text).text,
                    ));
                }
                (None, None) => {
                    return Err(format!(
                        "`{}` is not a key; write a character (x, E, ?), a name (Up, Down, Left, Right, PgUp, PgDn, Home, End, Tab, Shift-Tab, Enter, Esc, Backspace, Delete, Space, F1 to F12), or either after Ctrl- or Alt-",
                        crate::text::clean(text).text
                    ));
                }
            }
        }
    };
    let key = Key { code, mods };
    match arrives_as(key) {
        Some(why) => Err(format!(
            "`{}` can never arrive as itself: {why}; give another key",
            shown()
        )),
        None => Ok(key),
    }
}

/// Why a key never reaches the screen as itself, if it does not: a terminal (without a
/// keyboard protocol of its own, which the screen does not ask for) sends Ctrl only with a
/// letter or Space as a key of its own, and three of those are the codes of other keys; Alt
/// with `[` or `O` sends the start of another key's escape sequence.
fn arrives_as(key: Key) -> Option<&'static str> {
    let ctrl = key.mods.contains(KeyModifiers::CONTROL);
    let alt = key.mods.contains(KeyModifiers::ALT);
    match key.code {
        KeyCode::Char('i') if ctrl => Some("terminals send Ctrl-I as Tab"),
        KeyCode::Char('h') if ctrl && !alt => {
            Some("Ctrl-H is the code of Backspace on many terminals, and erases as Backspace does")
        }
        KeyCode::Char('m') if ctrl => Some("terminals send Ctrl-M as Enter"),
        KeyCode::Char('[') if ctrl => Some("terminals send Ctrl-[ as Esc"),
        KeyCode::Char(ch) if ctrl && !(ch.is_ascii_lowercase() || ch == ' ') => Some(
            "terminals send Ctrl with a character as a key of its own only with a letter (a to z) or Space (and with a named key, such as Ctrl-Up or Ctrl-F5)",
        ),
        KeyCode::Tab if ctrl => Some("terminals send Ctrl-Tab as Tab"),
        KeyCode::BackTab if ctrl => Some("terminals send Ctrl-Shift-Tab as Shift-Tab"),
        KeyCode::Enter if ctrl => Some("terminals send Ctrl-Enter as Enter"),
        KeyCode::Esc if ctrl => Some("terminals send Ctrl-Esc as Esc"),
        KeyCode::Esc if alt => Some("terminals send Alt-Esc as Esc"),
        // Alt sends Esc before the key; Esc [ (CSI) and Esc O (SS3) begin the sequences of other
        // keys, so the screen waits for the rest of one and takes the next key with it.
        KeyCode::Char('[') if alt => Some(
            "Alt-[ sends Esc [, which begins the sequences terminals send for other keys (arrows, F5 to F12), so it is read as the start of one and the key after it is lost",
        ),
        KeyCode::Char('O') if alt => Some(
            "Alt-O sends Esc O, which begins the sequences terminals send for the arrows, Home, End and F1 to F4, so it is read as the start of one and the key after it is lost",
        ),
        KeyCode::Backspace if ctrl => Some("terminals send Ctrl-Backspace as Backspace or Ctrl-H"),
        _ => None,
    }
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
        // Ctrl-\ arrives as the code crossterm calls Ctrl-4: it is named as it was pressed.
        assert_eq!(label(ctrl('4')), "Ctrl-\\");
        assert_eq!(label(ctrl('7')), "Ctrl-_");
    }

    #[test]
    fn keys_read_from_a_config_file_are_the_keys_help_names() {
        for written in [
            "x",
            "E",
            "?",
            "Up",
            "PgDn",
            "Shift-Tab",
            "F5",
            "Ctrl-Q",
            "Alt-x",
            "Space",
        ] {
            let key = parse_key(written).unwrap();
            let again = parse_key(&label(key).replace('↑', "Up")).unwrap();
            assert_eq!(key, again, "{written}");
        }
        // A named key after Ctrl is named as written, not shouted (`Ctrl-SPACE`, `Ctrl-PGDN`).
        for written in ["Ctrl-Space", "Ctrl-PgDn", "Ctrl-F5", "Alt-Space"] {
            assert_eq!(label(parse_key(written).unwrap()), written);
        }
        assert_eq!(parse_key("ctrl-Q").unwrap(), ctrl('q'));
        // Shift with a letter is told the capital to write.
        for shifted in ["Shift-F", "shift-f"] {
            let e = parse_key(shifted).unwrap_err();
            assert!(e.ends_with("written as the capital letter: `F`"), "{e}");
        }
        assert_eq!(parse_key("pageup").unwrap(), k(KeyCode::PageUp));
        assert_eq!(parse_key("-").unwrap(), c('-'));
        for wrong in ["", "Ctrl-", "xy", "F13", "Hyper-x", "\u{7}"] {
            let e = parse_key(wrong).unwrap_err();
            assert!(e.contains("is not a key") && e.contains("F1 to F12"), "{e}");
        }
    }
}
