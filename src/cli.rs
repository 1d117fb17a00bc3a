//! The command line, as clap parses it. Raw flags only: `crate::commands` turns them into checked
//! values (a loaded dispute, a pair of sides) before anything runs.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// parallax: compare two parties' competing narratives side by side.
#[derive(Debug, Parser)]
#[command(
    name = "parallax",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do; with none, open the comparison in the terminal UI.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options of the terminal UI.
    #[command(flatten)]
    pub open: OpenArgs,
}

/// Where the dispute comes from.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// A dispute folder, its dispute.json, or two or more side files. With none, the dispute
    /// bundled in the program (India and Pakistan, 2025).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// Which two sides are compared.
#[derive(Debug, Clone, Default, Args)]
pub struct PairArgs {
    /// The party shown on the left (a party id; default: the first side).
    #[arg(long, value_name = "ID")]
    pub left: Option<String>,
    /// The party shown on the right (a party id; default: the next side).
    #[arg(long, value_name = "ID")]
    pub right: Option<String>,
}

/// Options of the terminal UI.
#[derive(Debug, Clone, Args)]
pub struct OpenArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub pair: PairArgs,
    /// Do not capture the mouse, so the terminal's own text selection works.
    #[arg(long)]
    pub no_mouse: bool,
}

/// The headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check files against the format and report every error and warning.
    Validate {
        #[command(flatten)]
        input: InputArgs,
        /// Treat warnings as failures (exit 1).
        #[arg(long)]
        strict: bool,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List the topics with claims per side and rows answered by both sides or one.
    Topics {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        pair: PairArgs,
    },
    /// Print the comparison as plain text, two columns side by side.
    Show {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        pair: PairArgs,
        /// Total width in columns (default: the terminal's, or 100 when piped).
        #[arg(long, value_name = "N")]
        width: Option<usize>,
    },
    /// Export the comparison to Markdown, CSV, JSON or a self-contained HTML page.
    Export(ExportArgs),
    /// Write a synthetic dispute of N claims, for benchmarks.
    #[command(hide = true)]
    Generate {
        /// Claims in all, spread over the sides.
        #[arg(long, default_value_t = 100_000)]
        claims: usize,
        /// The folder to write (created if missing).
        #[arg(long)]
        out: PathBuf,
    },
}

/// Options of `parallax export`.
#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub pair: PairArgs,
    // The query pipeline's filter flags are flattened here when it lands:
    // #[command(flatten)] pub filter: FilterArgs,
    /// The format (default: from the output file's extension).
    #[arg(long, short = 'f', value_enum, value_name = "FORMAT")]
    pub format: Option<crate::export::Format>,
    /// The file to write; `-` or none for standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Export only this topic (a topic id).
    #[arg(long, value_name = "ID")]
    pub topic: Option<String>,
}
