//! The terminal UI: a full-screen, keyboard-first comparison of two sides of a dispute.
//!
//! Three parts, as in the Elm architecture: the state ([`app`]), [`update`] which applies an
//! [`update::Action`] to it, and the views ([`view`]), one file per region, which draw it. Only
//! [`terminal`] touches a real terminal.

pub mod app;
pub mod export;
pub mod filters;
pub mod keys;
pub mod search;
pub mod strings;
pub mod terminal;
pub mod text_field;
pub mod theme;
pub mod update;
pub mod view;

pub use app::App;
pub use update::{Action, Outcome, update};

use crate::cli::OpenArgs;
use crate::commands::{self, Failure};
use std::io::Write;

/// Loads the dispute the arguments name (or the bundled one) and opens the UI on it. Load errors
/// are printed to `err` before the screen is taken, like every other command's.
pub fn open(args: &OpenArgs, err: &mut dyn Write) -> Result<(), Failure> {
    let dispute = commands::open(&args.input, err)?;
    let (left, right) = commands::pair(&dispute, &args.pair)?;
    err.flush()?;
    let mut app = App::new(dispute, left, right, theme::Theme::from_env());
    terminal::run(&mut app, !args.no_mouse)?;
    Ok(())
}
