//! `parallax show` and `parallax topics`: the comparison and its table as plain text.

use super::{Failure, open, pair};
use crate::cli::{InputArgs, PairArgs};
use crate::compare::Comparison;
use crate::plain;
use std::io::Write;

/// Width used when the output is not a terminal and no `--width` is given.
pub const PIPE_WIDTH: usize = 100;

/// Prints the side-by-side comparison.
pub fn show(
    input: &InputArgs,
    pair_args: &PairArgs,
    width: Option<usize>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    if let Some(w) = width
        && w < plain::MIN_WIDTH {
            return Err(Failure::Usage(format!(
                "--width {w} is too narrow; give at least {}",
                plain::MIN_WIDTH
            )));
        }
    let dispute = open(input, err)?;
    let (left, right) = pair(&dispute, pair_args)?;
    let cmp = Comparison::new(&dispute, left, right);
    let width = width.unwrap_or_else(terminal_width);
    out.write_all(plain::show(&dispute, &cmp, width, |_| true).as_bytes())?;
    Ok(())
}

/// Prints the topics table.
pub fn topics(
    input: &InputArgs,
    pair_args: &PairArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let dispute = open(input, err)?;
    let (left, right) = pair(&dispute, pair_args)?;
    let cmp = Comparison::new(&dispute, left, right);
    out.write_all(plain::topics_table(&dispute, &cmp).as_bytes())?;
    Ok(())
}

/// The terminal's width when stdout is one, else [`PIPE_WIDTH`].
fn terminal_width() -> usize {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        ratatui::crossterm::terminal::size()
            .map(|(w, _)| usize::from(w).max(plain::MIN_WIDTH))
            .unwrap_or(PIPE_WIDTH)
    } else {
        PIPE_WIDTH
    }
}
