//! The keys in force: the config file's `[keys]` checked against every bindings table it can
//! change (those of the modals that do not type), so a name that is no action, a key that is no
//! key, or a key that would do two things in one place is an error naming its line.

use super::keymap::{self, GLOBAL, Key, Keymap};
use super::modal::{
    accept, as_of, detail, export, filters, find_topic, help, links, picker, reload, screen,
    search, timeline,
};
use super::strings;
use crate::config::{ConfigError, KeySetting, invalid_lines};
use std::path::Path;

/// The tables `[keys]` changes, with the name help gives them: every modal that does not type.
pub fn remappable() -> [(&'static str, &'static [keymap::Binding]); 6] {
    [
        (strings::COMPARISON_TITLE, screen::BINDINGS),
        (strings::DETAIL_TITLE, detail::update::BINDINGS),
        (strings::HELP_TITLE, help::update::BINDINGS),
        ("Party picker", picker::update::BINDINGS),
        (strings::LINKS_TITLE, links::update::BINDINGS),
        (strings::PROBLEMS_TITLE, reload::update::BINDINGS),
    ]
}

/// Every table of keys, each with the place it acts in as the README heads it: the manual
/// page lists them all from here, as help and the README list each from its own table.
pub fn every_table() -> [(&'static str, &'static [keymap::Binding]); 17] {
    [
        ("On the comparison screen", screen::BINDINGS),
        (
            "Everywhere, even while typing in a line or a dialog",
            GLOBAL,
        ),
        (
            "In every line you type in (unless the line gives the key another meaning)",
            keymap::EDITING,
        ),
        ("In a row in full", detail::update::BINDINGS),
        ("Choosing among several links", links::update::BINDINGS),
        ("In the party picker", picker::update::BINDINGS),
        ("In the help", help::update::BINDINGS),
        ("Finding a topic", find_topic::update::BINDINGS),
        ("In the search line", search::update::BINDINGS),
        ("When the files do not load", reload::update::BINDINGS),
        ("In the export dialog", export::update::BINDINGS),
        (
            "When the export would replace a file",
            export::update::CONFIRM,
        ),
        ("In the filter panel", filters::update::BINDINGS),
        (
            "While a find is typed in the filter panel",
            filters::update::FINDING,
        ),
        ("In the accept dialog", accept::update::BINDINGS),
        ("In the as-of bar", as_of::update::BINDINGS),
        ("In the timeline", timeline::update::BINDINGS),
    ]
}

/// The names of the actions `[keys]` can give keys, in the order the tables list them.
pub fn action_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Vec::new();
    for (_, table) in remappable() {
        for b in table {
            let name = b.action.name();
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

/// The keymap the settings of the file at `path` make, checked.
/// `undo`'s name before it took back accepts too: a config file written then still works.
const OLD_UNDO: &str = "undismiss";

pub fn keymap(settings: &[KeySetting], path: &Path) -> Result<Keymap, ConfigError> {
    let (map, problems) = checked(settings);
    if problems.is_empty() {
        Ok(map)
    } else {
        Err(invalid_lines(path, &problems))
    }
}

/// The mistakes of these `[keys]` settings, at their lines (what [`keymap`] refuses): for a
/// config file whose other sections fail, so one run names them all.
pub fn problems(settings: &[KeySetting]) -> Vec<(usize, String)> {
    checked(settings).1
}

/// The keymap the settings make, and their mistakes at their lines.
fn checked(settings: &[KeySetting]) -> (Keymap, Vec<(usize, String)>) {
    let names = action_names();
    let mut overrides = Vec::new();
    let mut lines = Vec::new();
    // Every mistake of the file, said at once (one run per mistake was a chore).
    let mut problems: Vec<(usize, String)> = Vec::new();
    for s in settings {
        let Some(action) = remappable()
            .iter()
            .flat_map(|(_, t)| t.iter())
            .map(|b| b.action)
            .find(|a| {
                a.name() == s.action || (s.action == OLD_UNDO && *a == super::action::Action::Undo)
            })
        else {
            // A typo, or `_` for `-` (`open_editor`): the name meant, before the whole list.
            let list = match crate::text::nearest_name(&names, &s.action.replace('_', "-")) {
                Some(meant) => format!("; did you mean `{meant}`? The actions are"),
                None => "; the actions are".to_owned(),
            };
            problems.push((
                s.line,
                format!("`{}` is not an action{list} {}", s.action, names.join(", ")),
            ));
            continue;
        };
        // `undo` and its old name both given: the second would be dropped without a word.
        if let Some((_, first)) = lines.iter().find(|(a, _)| *a == action) {
            problems.push((
                s.line,
                format!(
                    "`{OLD_UNDO}` is the old name of `undo`, whose keys line {first} gives \
                     already; keep one of the two"
                ),
            ));
            continue;
        }
        let mut keys: Vec<Key> = Vec::new();
        let mut unread = false;
        for written in &s.keys {
            match keymap::parse_key(written) {
                Ok(key) if !keys.contains(&key) => keys.push(key),
                Ok(_) => {}
                Err(e) => {
                    problems.push((s.line, format!("the keys of `{}`: {e}", s.action)));
                    unread = true;
                }
            }
        }
        if !unread {
            overrides.push((action, keys));
            lines.push((action, s.line));
        }
    }
    let map = Keymap::new(overrides);
    // The timeline follows the file for the actions it shares (`first`, `timeline`), so a key
    // given one of them must not clash with one of its own (`timeline = "Delete"`) either.
    let timeline = (strings::timeline::TITLE, timeline::update::BINDINGS);
    for (title, table) in remappable().into_iter().chain([timeline]) {
        let mut seen: Vec<(Key, &keymap::Binding)> = Vec::new();
        for b in table.iter().chain(GLOBAL) {
            let types = false;
            let keys = if GLOBAL.iter().any(|g| std::ptr::eq(g, b)) {
                b.keys
            } else {
                map.keys(b, types)
            };
            for &key in keys {
                if let Some((_, other)) = seen.iter().find(|(k, _)| *k == key) {
                    // The same thing twice (`quit = "Ctrl-C"`, which always quits): no clash.
                    if other.action == b.action {
                        continue;
                    }
                    let line = [b.action, other.action]
                        .iter()
                        .find_map(|a| lines.iter().find(|(x, _)| x == a).map(|(_, l)| *l))
                        .unwrap_or(1);
                    // One clash a line: the same key clashes in several views alike.
                    // A key the file cannot change (the timeline's `h`): only the other moves.
                    let fixed = |x: &keymap::Binding| {
                        GLOBAL.iter().any(|g| std::ptr::eq(g, x))
                            || !names.contains(&x.action.name())
                    };
                    let said = match (fixed(other), fixed(b)) {
                        (true, false) | (false, true) => {
                            let (own, given) = if fixed(other) {
                                (*other, b)
                            } else {
                                (b, *other)
                            };
                            // Ctrl-Z acts everywhere; the timeline's `→` only there.
                            let whose = if GLOBAL.iter().any(|g| g.action == own.action) {
                                "acts everywhere".to_owned()
                            } else {
                                format!("is the {}'s own key", title.to_lowercase())
                            };
                            format!(
                                "{} {whose}, for “{}”, and cannot be changed; give `{}` another key",
                                keymap::spelled(key),
                                own.help,
                                given.action.name()
                            )
                        }
                        _ => format!(
                            "{} would do two things in the {}: {} ({}) and {} ({}); give one of them another key",
                            keymap::spelled(key),
                            title.to_lowercase(),
                            other.action.name(),
                            other.help,
                            b.action.name(),
                            b.help
                        ),
                    };
                    if !problems.iter().any(|(l, _)| *l == line) {
                        problems.push((line, said));
                    }
                    continue;
                }
                seen.push((key, b));
            }
        }
    }
    (map, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;

    fn read(text: &str) -> Result<Keymap, String> {
        let path = Path::new("c.toml");
        let config = crate::config::parse(text, path).map_err(|e| e.to_string())?;
        keymap(&config.keys, path).map_err(|e| e.to_string())
    }

    #[test]
    fn a_key_that_already_does_the_same_is_no_clash() {
        // Ctrl-C always quits: giving it to quit again was "would do two things: quit and quit".
        let map = read("[keys]\nquit = [\"Ctrl-C\", \"Q\"]\n").unwrap();
        let table = screen::BINDINGS;
        assert_eq!(
            map.find(table, false, keymap::c('Q')).map(|b| b.action),
            Some(Action::Quit)
        );
    }

    #[test]
    fn a_key_given_in_the_file_replaces_the_default_where_nothing_types() {
        let map = read("[keys]\nquit = [\"Q\", \"Ctrl-Q\"]\nopen-editor = \"F4\"\n").unwrap();
        let table = screen::BINDINGS;
        let quit = table.iter().find(|b| b.action == Action::Quit).unwrap();
        assert_eq!(map.labels(quit, false), "Q Ctrl-Q");
        assert_eq!(map.key_for(table, false, Action::OpenEditor), "F4");
        assert!(
            map.find(table, false, keymap::c('q')).is_none(),
            "q no longer quits"
        );
        assert_eq!(
            map.find(table, false, keymap::ctrl('q')).map(|b| b.action),
            Some(Action::Quit)
        );
        // The help's own table follows too.
        let help = help::update::BINDINGS;
        assert_eq!(
            map.find(help, false, keymap::c('Q')).map(|b| b.action),
            Some(Action::Quit)
        );
        // Ctrl-C quits everywhere still, and says so.
        let global = keymap::GLOBAL
            .iter()
            .find(|b| b.action == Action::Quit)
            .unwrap();
        assert_eq!(map.labels(global, false), "Ctrl-C");
    }

    /// `u` was `undismiss` before it took back accepts too: a config file naming it so keeps
    /// its key.
    #[test]
    fn undo_is_also_named_by_its_old_name() {
        let table = screen::BINDINGS;
        for name in ["undo", "undismiss"] {
            let map = read(&format!("[keys]\n{name} = \"U\"\n")).unwrap();
            assert_eq!(map.key_for(table, false, Action::Undo), "U", "{name}");
        }
        // Both: the second is not dropped in silence (the first won, and `config` said ok).
        for (a, b) in [("undo", "undismiss"), ("undismiss", "undo")] {
            let e = read(&format!("[keys]\n{a} = \"U\"\n{b} = \"V\"\n")).unwrap_err();
            assert!(
                e.contains("line 3") && e.contains("whose keys line 2 gives already"),
                "{e}"
            );
        }
    }

    #[test]
    fn messages_name_the_keys_in_force() {
        let map = read("[keys]\nhelp = \"F1\"\ntoggle-suggestions = \"S\"\n").unwrap();
        let table = screen::BINDINGS;
        let help = map.key_for(table, false, Action::Help);
        assert_eq!(
            crate::tui::strings::unbound('m', "Comparison", &help),
            "m does nothing in “Comparison”; F1 lists the keys that work here."
        );
        let toggle = map.key_for(table, false, Action::ToggleSuggestions);
        assert!(
            crate::tui::strings::suggest_hint(&toggle, &help, "q")
                .is_some_and(|s| s.starts_with("S shows") && s.ends_with("; F1 help, q quit."))
        );
        assert!(crate::tui::strings::not_suggested(&toggle).contains("S shows or hides"));
        let map = read("[keys]\nsearch = \"F3\"\n").unwrap();
        let search = map.key_for(table, false, Action::Search);
        assert!(
            crate::tui::strings::paste_nowhere("Timeline", &search)
                .ends_with("F3 opens the search line.")
        );
        // The key that lists the keys is not said to be the way to list them.
        assert_eq!(
            crate::tui::strings::unbound_named("F1", "Timeline", "F1"),
            "F1 does nothing in “Timeline”."
        );
    }

    #[test]
    fn an_unknown_action_a_wrong_key_or_a_clash_names_its_line() {
        let e = read("[keys]\n\nsplode = \"x\"\n").unwrap_err();
        assert!(
            e.contains("line 3")
                && e.contains("`splode` is not an action")
                && e.contains("open-editor"),
            "{e}"
        );
        let e = read("[keys]\nquit = \"Ctrl-\"\n").unwrap_err();
        assert!(
            e.contains("line 2") && e.contains("`Ctrl-` is not a key"),
            "{e}"
        );
        let e = read("[keys]\nquit = 3\n").unwrap_err();
        assert!(
            e.contains("line 2") && e.contains("a key or a list of keys"),
            "{e}"
        );
        let e = read("[keys]\nhelp = \"?\"\nexport = \"x\"\n").unwrap_err();
        assert!(
            e.contains("line 3")
                && e.contains("`x` would do two things in the comparison")
                && e.contains("dismiss")
                && e.contains("export"),
            "{e}"
        );
        // A key that shows as nothing (the footer read `␣␣help`).
        for (written, code) in [("\\u202e", "U+202E"), ("\\u00a0", "U+00A0")] {
            let e = read(&format!("[keys]\nhelp = \"{written}\"\n")).unwrap_err();
            assert!(
                e.contains("line 2") && e.contains(code) && e.contains("shows as nothing"),
                "{e}"
            );
        }
        let e = read("[keys]\nexport = \"Ctrl-C\"\n").unwrap_err();
        assert!(e.contains("line 2") && e.contains("`Ctrl-C`"), "{e}");
        // Swapping two keys is no clash.
        assert!(read("[keys]\nexport = \"x\"\ndismiss = \"e\"\n").is_ok());
    }
}
