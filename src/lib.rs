//! parallax: compare two parties' competing narratives side by side.
//!
//! The library is the pure core: the format's types ([`format`]), loading with diagnostics
//! ([`load`]), the comparison ([`compare`]), untrusted-text cleaning ([`text`]). The terminal UI
//! and the command line sit on top of it in the binary.
#![forbid(unsafe_code)]

pub mod cleanup;
pub mod cli;
pub mod commands;
pub mod compare;
pub mod config;
pub mod create;
pub mod edit;
pub mod export;
pub mod format;
pub mod import;
pub mod layout;
pub mod load;
pub mod matching;
pub mod plain;
pub mod query;
pub mod ratings;
pub mod text;
pub mod timeline;
pub mod tui;
