//! The problems panel: a reload whose files do not load shows what is wrong and where, over the
//! last good dispute, which stays on screen; `E` opens the first problem's file at its line.

pub mod update;
pub mod view;
