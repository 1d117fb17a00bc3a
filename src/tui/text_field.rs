//! A one-line text field: typing, deleting and moving the cursor by grapheme, so a combining mark
//! or an emoji is never split. Every input of the screen (the search line, the export dialog's
//! path, the filter panel's dates and find) uses it, and takes the one [`Edit`] type.

use crate::text;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

/// The text and where the cursor stands in it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextField {
    text: String,
    /// A byte offset into `text`, always on a grapheme boundary.
    cursor: usize,
    /// The whole text is a proposal, selected: the first character typed replaces it, as in a
    /// dialog's prefilled field elsewhere; a move keeps it.
    selected: bool,
}

/// A change to a text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Insert a character at the cursor.
    Insert(char),
    /// Delete the grapheme before the cursor.
    Backspace,
    /// Delete the grapheme under the cursor.
    Delete,
    /// One grapheme left.
    Left,
    /// One grapheme right.
    Right,
    /// To the start.
    Home,
    /// To the end.
    End,
    /// Empty the field.
    Erase,
    /// To the start of the word before the cursor (Alt-B, Ctrl-←).
    WordLeft,
    /// To the end of the word after the cursor (Alt-F, Ctrl-→).
    WordRight,
    /// Delete back to the start of the word before the cursor, as a shell's Ctrl-W does.
    DeleteWordBack,
    /// Delete from the cursor to the end (Ctrl-K).
    DeleteToEnd,
}

impl TextField {
    /// A field holding `text`, the cursor at its end.
    pub fn new(text: impl Into<String>) -> TextField {
        let text = text.into();
        TextField {
            cursor: text.len(),
            text,
            selected: false,
        }
    }

    /// A field proposing `text`, selected whole: typing replaces it, Backspace or Delete clears
    /// it, and a move (←, →, Home, End) keeps it to edit. An empty proposal is not selected.
    pub fn proposed(text: impl Into<String>) -> TextField {
        let mut field = TextField::new(text);
        field.selected = !field.text.is_empty();
        field
    }

    /// True while the whole text is a selected proposal (see [`TextField::proposed`]).
    pub fn is_selected(&self) -> bool {
        self.selected
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor, as a byte offset into the text.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn prev_boundary(&self) -> usize {
        self.text
            .get(..self.cursor)
            .and_then(|s| s.grapheme_indices(true).next_back())
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        self.text
            .get(self.cursor..)
            .and_then(|s| s.graphemes(true).next())
            .map_or(self.cursor, |g| self.cursor + g.len())
    }

    /// Applies an edit; returns whether the text changed. A control character (pasted: keys give
    /// none) goes in as it is and shows as a marker; what writes the text refuses it.
    pub fn apply(&mut self, edit: Edit) -> bool {
        if std::mem::take(&mut self.selected) {
            match edit {
                Edit::Insert(_) => {
                    *self = TextField::default();
                }
                Edit::Backspace | Edit::Delete | Edit::DeleteWordBack | Edit::DeleteToEnd => {
                    return self.apply(Edit::Erase);
                }
                // Left and Home leave the cursor at the start of what was selected.
                Edit::Left | Edit::WordLeft => {
                    self.cursor = 0;
                    return false;
                }
                _ => {}
            }
        }
        match edit {
            Edit::Insert(c) => {
                self.text.insert(self.cursor, c);
                self.cursor += c.len_utf8();
                // A combining mark joins the grapheme before it; keep the cursor on a boundary.
                self.cursor = self.next_boundary_at_or_after(self.cursor);
                true
            }
            Edit::Backspace => {
                let start = self.prev_boundary();
                let changed = start < self.cursor;
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
                changed
            }
            Edit::Delete => {
                let end = self.next_boundary();
                let changed = end > self.cursor;
                self.text.replace_range(self.cursor..end, "");
                changed
            }
            Edit::Left => {
                self.cursor = self.prev_boundary();
                false
            }
            Edit::Right => {
                self.cursor = self.next_boundary();
                false
            }
            Edit::Home => {
                self.cursor = 0;
                false
            }
            Edit::End => {
                self.cursor = self.text.len();
                false
            }
            Edit::Erase => {
                let changed = !self.text.is_empty();
                *self = TextField::default();
                changed
            }
            Edit::WordLeft => {
                self.cursor = self.word_start();
                false
            }
            Edit::WordRight => {
                self.cursor = self.word_end();
                false
            }
            Edit::DeleteWordBack => {
                let start = self.word_start();
                let changed = start < self.cursor;
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
                changed
            }
            Edit::DeleteToEnd => {
                let changed = self.cursor < self.text.len();
                self.text.truncate(self.cursor);
                changed
            }
        }
    }

    /// Where the word before the cursor starts: back over spaces, then over what is not a
    /// space (a word is what spaces separate, as a shell's Ctrl-W sees it).
    fn word_start(&self) -> usize {
        let before = self.text.get(..self.cursor).unwrap_or("");
        let trimmed = before.trim_end();
        let start = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        self.boundary_at_or_before(start)
    }

    /// Where the word after the cursor ends: over spaces, then over what is not a space.
    fn word_end(&self) -> usize {
        let after = self.text.get(self.cursor..).unwrap_or("");
        let skipped = after.len() - after.trim_start().len();
        let end = after
            .get(skipped..)
            .and_then(|rest| rest.find(char::is_whitespace).map(|i| skipped + i))
            .unwrap_or(after.len());
        self.next_boundary_at_or_after(self.cursor + end)
    }

    /// The grapheme boundary at `at`, or the one before it.
    fn boundary_at_or_before(&self, at: usize) -> usize {
        let len = self.text.len();
        let mut cursor = GraphemeCursor::new(at.min(len), len, true);
        match cursor.is_boundary(&self.text, 0) {
            Ok(true) => at.min(len),
            _ => cursor
                .prev_boundary(&self.text, 0)
                .ok()
                .flatten()
                .unwrap_or(0),
        }
    }

    /// True when an edit would change the text or move the cursor: an input's `works` lists an
    /// editing key only then (no `←` at the start, no Backspace in an empty field).
    pub fn moves(&self, edit: Edit) -> bool {
        // Typing changes the text (a selected proposal is replaced by it): known without a
        // copy of the field, which a long paste would make once per character.
        if let Edit::Insert(_) = edit {
            return true;
        }
        let mut after = self.clone();
        after.apply(edit);
        after != *self
    }

    /// As [`TextField::shown`], as spans in `style`: a selected proposal shows reversed, so
    /// the user sees that typing replaces it; in a field drawn reversed already (the filter
    /// panel's dates), it shows underlined instead.
    pub fn spans(&self, cols: usize, style: Style) -> (Vec<Span<'static>>, usize) {
        let (shown, column) = self.shown(cols);
        if !self.selected {
            return (vec![Span::styled(shown, style)], column);
        }
        let marked = if style.add_modifier.contains(Modifier::REVERSED) {
            style.add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
        } else {
            style.add_modifier(Modifier::REVERSED)
        };
        let used = column.min(text::width(&shown));
        let head = text::fit(&shown, used);
        let pad = " ".repeat(text::width(&shown).saturating_sub(used));
        (
            vec![Span::styled(head, marked), Span::styled(pad, style)],
            column,
        )
    }

    fn next_boundary_at_or_after(&self, at: usize) -> usize {
        // Looked up from `at`, not walked from the start: a paste inserts its characters one
        // by one, and a walk each time made a long paste take seconds.
        let len = self.text.len();
        let mut cursor = GraphemeCursor::new(at.min(len), len, true);
        match cursor.is_boundary(&self.text, 0) {
            Ok(true) => at.min(len),
            _ => cursor
                .next_boundary(&self.text, 0)
                .ok()
                .flatten()
                .unwrap_or(len),
        }
    }

    /// What to show in `cols` columns: the text cleaned for the terminal (typed text could hold a
    /// bidi or invisible character) and the cursor's column. A text too long to fit is cut on the
    /// left, after `…`, so the cursor stays in view.
    pub fn shown(&self, cols: usize) -> (String, usize) {
        let before = text::clean(self.text.get(..self.cursor).unwrap_or("")).text;
        let after = text::clean(self.text.get(self.cursor..).unwrap_or("")).text;
        let cols = cols.max(2);
        let mut head = before;
        let mut skipped = false;
        while text::width(&head) + usize::from(skipped) >= cols {
            let Some(g) = head.graphemes(true).next() else {
                break;
            };
            head = head.split_at(g.len()).1.to_owned();
            skipped = true;
        }
        let head = if skipped { format!("…{head}") } else { head };
        let column = text::width(&head);
        (text::fit(&format!("{head}{after}"), cols), column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_move_by_grapheme() {
        let mut f = TextField::new("ae\u{301}b");
        f.apply(Edit::Left);
        f.apply(Edit::Left);
        f.apply(Edit::Backspace);
        assert_eq!(f.text(), "e\u{301}b");
        f.apply(Edit::Delete);
        assert_eq!(f.text(), "b");
        f.apply(Edit::End);
        f.apply(Edit::Insert('x'));
        f.apply(Edit::Home);
        f.apply(Edit::Insert('/'));
        assert_eq!(f.text(), "/bx");
        // A pasted control character is kept, shown as a marker, for what writes to refuse.
        assert!(f.apply(Edit::Insert('\u{1b}')));
        assert_eq!(f.shown(10).0.trim_end(), "/␛bx");
    }

    #[test]
    fn a_combining_mark_typed_in_the_middle_joins_its_letter() {
        let mut f = TextField::new("ab");
        f.apply(Edit::Left);
        f.apply(Edit::Insert('e'));
        f.apply(Edit::Insert('\u{301}'));
        assert_eq!((f.text(), f.cursor()), ("ae\u{301}b", 4));
        // A flag is two regional indicators: the cursor never stands between them.
        f.apply(Edit::Insert('\u{1F1EE}'));
        f.apply(Edit::Insert('\u{1F1F3}'));
        f.apply(Edit::Left);
        assert_eq!(f.cursor(), 4, "one step back over the whole flag");
        assert!(f.moves(Edit::Insert('x')));
    }

    #[test]
    fn a_proposal_is_replaced_by_typing_and_kept_by_a_move() {
        let mut typed = TextField::proposed("What happened?");
        assert!(typed.is_selected());
        typed.apply(Edit::Insert('W'));
        typed.apply(Edit::Insert('h'));
        assert_eq!((typed.text(), typed.is_selected()), ("Wh", false));
        let mut kept = TextField::proposed("What happened?");
        kept.apply(Edit::End);
        kept.apply(Edit::Backspace);
        assert_eq!(kept.text(), "What happened");
        let mut started = TextField::proposed("2025-05-10");
        started.apply(Edit::Left);
        started.apply(Edit::Insert('~'));
        assert_eq!(started.text(), "~2025-05-10");
        let mut cleared = TextField::proposed("x.md");
        assert!(cleared.apply(Edit::Backspace));
        assert_eq!(cleared.text(), "");
        assert!(!TextField::proposed("").is_selected());
    }

    #[test]
    fn words_are_moved_over_and_deleted_as_a_shell_does() {
        let mut f = TextField::new("death  panels obama");
        f.apply(Edit::DeleteWordBack);
        assert_eq!((f.text(), f.cursor()), ("death  panels ", 14));
        f.apply(Edit::DeleteWordBack);
        assert_eq!(f.text(), "death  ");
        f.apply(Edit::Insert('x'));
        f.apply(Edit::WordLeft);
        assert_eq!(f.cursor(), 7);
        f.apply(Edit::WordLeft);
        assert_eq!(f.cursor(), 0);
        f.apply(Edit::WordRight);
        assert_eq!(f.cursor(), 5);
        f.apply(Edit::DeleteToEnd);
        assert_eq!(f.text(), "death");
        assert!(!f.moves(Edit::DeleteToEnd), "nothing after the cursor");
        // A word of accented letters goes whole, its combining marks with it.
        let mut g = TextField::new("cafe\u{301} noir");
        g.apply(Edit::WordLeft);
        g.apply(Edit::Left);
        g.apply(Edit::DeleteWordBack);
        assert_eq!(g.text(), " noir");
    }

    #[test]
    fn a_long_text_shows_its_end_with_the_cursor() {
        let f = TextField::new("a".repeat(30) + "end");
        let (line, col) = f.shown(10);
        assert!(
            line.starts_with('…') && line.trim_end().ends_with("end"),
            "{line}"
        );
        assert!(col < 10);
    }
}
