//! `parallax completions` and `parallax man`: the shell completion scripts and the manual page,
//! generated from the command line's own definition so they never drift from it.

use super::Failure;
use crate::cli::Cli;
use clap::CommandFactory;
use std::io::Write;

/// Writes the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> Result<(), Failure> {
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "parallax", out);
    Ok(())
}

/// Writes the manual page, section 1: the synopsis, the options, and every command.
pub fn man(out: &mut dyn Write) -> Result<(), Failure> {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(())
}
