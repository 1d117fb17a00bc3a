//! `/` in the topic list: a line at the foot of the list that filters the topics as you type
//! (titles holding every word typed). Moving through what is left shows each topic at once;
//! Enter keeps the topic, Esc goes back to the one selected before, Tab searches the claims for
//! the same words instead.

pub mod update;
pub mod view;
