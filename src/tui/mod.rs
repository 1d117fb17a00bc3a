//! The terminal UI: a full-screen, keyboard-first comparison of two sides of a dispute.
//!
//! As in the Elm architecture: the shared state ([`app`]), [`update`] which applies an
//! [`Action`] to it, and the views. Everything that can open over the comparison screen is a
//! [`modal`], one folder each with its state, update, view and bindings. Only [`terminal`] (the
//! event loop, its threads) and [`effects`] touch the world outside the state.
//!
//! Modules depend one way: `terminal` → `update`/`view`/`keys` → `modal::*` → `app` → `state`
//! → `layout`, `keymap`, `text_field`, `theme`, `strings`. [`state`] holds the plain data `App`
//! holds (each modal's state, the files on disk), so `App` can hold the modals while their
//! updates and views change and draw `App`. `tests/structure.rs` checks there is no circle,
//! between modules or between folders.

pub mod action;
pub mod app;
pub mod bindings;
pub mod effects;
pub mod keymap;
pub mod keys;
pub mod layout;
pub mod live;
pub mod modal;
pub mod session;
pub mod state;
pub mod steady;
pub mod strings;
pub mod suggest;
pub mod terminal;
pub mod text_field;
pub mod theme;
pub mod update;
pub mod view;
pub mod widgets;
pub mod worker;

pub use action::{Action, Outcome};
pub use app::App;
pub use update::update;
