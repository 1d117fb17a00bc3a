//! A backend that keeps rows of uncertain width clean.
//!
//! ratatui draws only the cells that changed, and moves the cursor only where a changed cell
//! does not follow the one before. That trusts the terminal to give each grapheme the width
//! ratatui gives it, and terminals disagree on some: a Devanagari letter with its vowel sign, an
//! emoji with a skin tone, a flag, a sequence joined by ZWJ. Where one disagrees, the cells after
//! it land a column off, and what a later frame leaves unchanged stays on screen: parts of
//! letters, half flags, stray skin tones.
//!
//! [`Steady`] wraps the real backend and remembers what it drew. A row that holds such a
//! grapheme, or held one, is drawn whole whenever it changes: cleared to its end first, with the
//! cursor placed again after every such grapheme. Other rows are drawn as ratatui asks.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Cell, CellDiffOption};
use ratatui::layout::{Position, Size};
use unicode_width::UnicodeWidthStr;

/// True for a grapheme that terminals may draw at another width than ratatui gives it: one of
/// several code points (a letter with a combining sign, a flag, an emoji with a skin tone or a
/// joiner), or an emoji.
pub fn unsure(symbol: &str) -> bool {
    if symbol.is_ascii() {
        return false;
    }
    let mut chars = symbol.chars();
    chars.next().is_some_and(|c| u32::from(c) >= 0x1F000) || chars.next().is_some()
}

/// The backend `B`, drawing rows that hold an [`unsure`] grapheme whole.
pub struct Steady<B> {
    inner: B,
    width: usize,
    /// What the screen shows, as drawn: row after row, `width` cells each.
    cells: Vec<Cell>,
    /// The rows that hold an [`unsure`] grapheme.
    unsure: Vec<bool>,
}

impl<B: Backend> Steady<B> {
    /// Wraps `inner`, whose screen is blank.
    pub fn new(inner: B) -> Result<Self, B::Error> {
        let mut steady = Steady {
            inner,
            width: 0,
            cells: Vec::new(),
            unsure: Vec::new(),
        };
        steady.forget()?;
        Ok(steady)
    }

    /// A blank screen of the terminal's size: after a clear.
    fn forget(&mut self) -> Result<(), B::Error> {
        let Size { width, height } = self.inner.size()?;
        self.width = usize::from(width);
        self.cells = vec![Cell::default(); self.width * usize::from(height)];
        self.unsure = vec![false; usize::from(height)];
        Ok(())
    }

    fn row(&self, y: usize) -> &[Cell] {
        self.cells
            .get(y * self.width..(y + 1) * self.width)
            .unwrap_or_default()
    }

    /// Clears row `y` and draws every cell of it, placing the cursor again after each
    /// [`unsure`] grapheme.
    fn repaint(&mut self, y: usize) -> Result<(), B::Error> {
        let Ok(row_y) = u16::try_from(y) else {
            return Ok(());
        };
        self.inner.set_cursor_position(Position::new(0, row_y))?;
        self.inner.clear_region(ClearType::UntilNewLine)?;
        let Self { inner, cells, .. } = self;
        let row = cells
            .get(y * self.width..(y + 1) * self.width)
            .unwrap_or_default();
        let mut run: Vec<(u16, u16, &Cell)> = Vec::new();
        let mut x = 0;
        while let Some(cell) = row.get(x) {
            let at = u16::try_from(x).unwrap_or(u16::MAX);
            // A wide grapheme covers the cells after it, as ratatui's own diff skips them.
            x += cell.symbol().width().max(1);
            if cell.diff_option == CellDiffOption::Skip {
                continue;
            }
            run.push((at, row_y, cell));
            if unsure(cell.symbol()) {
                inner.draw(run.drain(..))?;
            }
        }
        inner.draw(run.into_iter())
    }
}

impl<B: Backend> Backend for Steady<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut changed: Vec<(u16, u16, &'a Cell)> = Vec::new();
        let mut touched = vec![false; self.unsure.len()];
        for (x, y, cell) in content {
            let (xu, yu) = (usize::from(x), usize::from(y));
            if xu < self.width
                && let Some(slot) = self.cells.get_mut(yu * self.width + xu)
            {
                slot.clone_from(cell);
                // The cells a wide grapheme covers are blank in ratatui's buffer, and a later
                // frame that keeps them blank does not draw them again: so they are here too.
                let covered = (xu + 1..xu + cell.symbol().width()).take_while(|&c| c < self.width);
                for c in covered {
                    if let Some(slot) = self.cells.get_mut(yu * self.width + c) {
                        *slot = Cell::default();
                    }
                }
                if let Some(t) = touched.get_mut(yu) {
                    *t = true;
                }
            }
            changed.push((x, y, cell));
        }
        // A touched row is drawn whole when it holds an unsure grapheme now or held one before.
        let mut whole = vec![false; touched.len()];
        for (y, _) in touched.iter().enumerate().filter(|(_, t)| **t) {
            let now = self.row(y).iter().any(|c| unsure(c.symbol()));
            if let (Some(w), Some(before)) = (whole.get_mut(y), self.unsure.get_mut(y)) {
                *w = now || *before;
                *before = now;
            }
        }
        // Top to bottom, as ratatui draws: the plain cells of the rows above a row drawn whole
        // go first, in one call, then that row (a frame half drawn, as a slow terminal may show
        // it, is never drawn out of order).
        let is_whole = |y: u16| whole.get(usize::from(y)).copied().unwrap_or(false);
        let mut plain: Vec<(u16, u16, &'a Cell)> = Vec::new();
        let mut cells = changed.into_iter().peekable();
        for (y, _) in whole.iter().enumerate().filter(|(_, w)| **w) {
            let row = u16::try_from(y).unwrap_or(u16::MAX);
            while let Some(cell) = cells.next_if(|c| c.1 <= row) {
                if !is_whole(cell.1) {
                    plain.push(cell);
                }
            }
            if !plain.is_empty() {
                self.inner.draw(plain.drain(..))?;
            }
            self.repaint(y)?;
        }
        plain.extend(cells.filter(|c| !is_whole(c.1)));
        if !plain.is_empty() {
            self.inner.draw(plain.into_iter())?;
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()?;
        self.forget()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)?;
        if clear_type == ClearType::All {
            self.forget()?;
        }
        Ok(())
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::text::Line;

    /// A terminal that records what it is asked to do: each cell drawn, each line cleared.
    struct Recorder {
        screen: TestBackend,
        log: Vec<String>,
    }

    impl Backend for Recorder {
        type Error = <TestBackend as Backend>::Error;

        fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
        where
            I: Iterator<Item = (u16, u16, &'a Cell)>,
        {
            let cells: Vec<_> = content.collect();
            // A call to draw starts with a cursor move (ratatui's crossterm backend).
            self.log.push("draw".to_owned());
            for (x, y, c) in &cells {
                self.log.push(format!("{x},{y}:{}", c.symbol()));
            }
            self.screen.draw(cells.into_iter())
        }
        fn hide_cursor(&mut self) -> Result<(), Self::Error> {
            Ok(())
        }
        fn show_cursor(&mut self) -> Result<(), Self::Error> {
            Ok(())
        }
        fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
            self.screen.get_cursor_position()
        }
        fn set_cursor_position<P: Into<Position>>(&mut self, p: P) -> Result<(), Self::Error> {
            self.screen.set_cursor_position(p)
        }
        fn clear(&mut self) -> Result<(), Self::Error> {
            self.screen.clear()
        }
        fn clear_region(&mut self, t: ClearType) -> Result<(), Self::Error> {
            let y = self.screen.get_cursor_position()?.y;
            self.log.push(format!("clear {t} at row {y}"));
            self.screen.clear_region(t)
        }
        fn size(&self) -> Result<Size, Self::Error> {
            self.screen.size()
        }
        fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
            self.screen.window_size()
        }
        fn flush(&mut self) -> Result<(), Self::Error> {
            Ok(())
        }
    }

    fn terminal() -> Terminal<Steady<Recorder>> {
        let recorder = Recorder {
            screen: TestBackend::new(12, 2),
            log: Vec::new(),
        };
        Terminal::new(Steady::new(recorder).expect("a size")).expect("a terminal")
    }

    fn frame(t: &mut Terminal<Steady<Recorder>>, rows: [&str; 2]) -> Vec<String> {
        t.draw(|f| {
            for (y, text) in (0u16..).zip(rows) {
                let area = ratatui::layout::Rect::new(0, y, 12, 1);
                f.render_widget(Line::from(text), area);
            }
        })
        .expect("drawn");
        std::mem::take(&mut t.backend_mut().inner.log)
    }

    #[test]
    fn a_row_that_held_a_grapheme_of_uncertain_width_is_redrawn_whole() {
        let mut t = terminal();
        frame(&mut t, ["की 🇮🇳 ab", "plain"]);
        // Scrolled: the Hindi row now holds other text. Its old cells are cleared, not left to
        // a terminal that may have drawn the flag a column off.
        let log = frame(&mut t, ["plain text", "plain"]);
        assert_eq!(
            log.first().map(String::as_str),
            Some("clear UntilNewLine at row 0")
        );
        assert!(log.contains(&"8,0:x".to_owned()), "{log:?}");
        // The plain row changed nothing, so nothing of it is drawn.
        assert!(!log.iter().any(|l| l.ends_with(",1:p")), "{log:?}");
        // Once the row holds none, it is drawn as ratatui asks: only what changed.
        let log = frame(&mut t, ["plain test", "plain"]);
        assert_eq!(log, ["draw", "8,0:s"]);
    }

    #[test]
    fn what_a_wide_grapheme_covered_is_not_drawn_again_when_it_goes() {
        let mut t = terminal();
        frame(&mut t, ["abcdefgh", ""]);
        frame(&mut t, ["👍 cdefgh", ""]);
        let log = frame(&mut t, ["  cdefgh", ""]);
        assert!(!log.contains(&"1,0:b".to_owned()), "{log:?}");
        assert_eq!(
            t.backend()
                .inner
                .screen
                .buffer()
                .content()
                .get(1)
                .map(Cell::symbol),
            Some(" ")
        );
    }

    #[test]
    fn rows_are_drawn_top_to_bottom() {
        let mut t = terminal();
        frame(&mut t, ["👍", "a"]);
        let log = frame(&mut t, ["👍 x", "b"]);
        // The row drawn whole above first, then the plain row below (it was the other way
        // round: a screen read half drawn missed the rows above).
        assert_eq!(
            log.first().map(String::as_str),
            Some("clear UntilNewLine at row 0")
        );
        assert_eq!(log.last().map(String::as_str), Some("0,1:b"), "{log:?}");
    }

    #[test]
    fn after_each_uncertain_grapheme_the_cursor_is_placed_again() {
        let mut t = terminal();
        let log = frame(&mut t, ["ab", ""]);
        assert!(
            !log.iter().any(|l| l.starts_with("clear")),
            "plain rows: {log:?}"
        );
        let log = frame(&mut t, ["की ab", ""]);
        // The row is cleared, then drawn in two calls: the cell after the Hindi grapheme is
        // placed again, wherever the terminal left the cursor.
        assert_eq!(
            log.get(..5),
            Some(
                &[
                    "clear UntilNewLine at row 0",
                    "draw",
                    "0,0:की",
                    "draw",
                    "2,0: "
                ]
                .map(String::from)[..]
            )
        );
        assert!(unsure("की") && unsure("🇮🇳") && unsure("👍") && !unsure("a") && !unsure("語"));
    }
}
