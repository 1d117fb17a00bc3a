//! The modals: what can be open over the comparison screen, one folder each (its state, its
//! update, its view and its bindings together). [`Modal`] names them; `App` keeps a short stack
//! of them and the top one takes the keys. [`component`] is the small interface they share.
//!
//! Adding a modal: a folder with `state.rs` (plain data, no `App`), `update.rs` (its bindings
//! table and `impl Component`), `view.rs` (its drawing); a variant here; an arm in
//! [`component::of`] and [`component::of_mut`]; and an action or key that opens it.

pub mod accept;
pub mod as_of;
pub mod comparison;
pub mod component;
pub mod detail;
pub mod export;
pub mod filters;
pub mod find_topic;
pub mod help;
pub mod links;
pub mod picker;
pub mod reload;
pub mod search;
pub mod take;
pub mod timeline;

/// What is open over the comparison screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Modal {
    /// The keys and what they do, for the modal beneath.
    Help(help::state::Help),
    /// The party picker.
    Picker(picker::state::Picker),
    /// A row in full.
    Detail(detail::state::RowInFull),
    /// The search line and its results list.
    Search(search::state::SearchLine),
    /// The filter panel.
    Filters(Box<filters::state::Panel>),
    /// The export dialog.
    Export(Box<export::state::Dialog>),
    /// The choice among a claim's (or a row's) rebuttal links.
    Links(links::state::Links),
    /// Accepting a suggested row: its question.
    Accept(accept::state::Accept),
    /// The date the screen is seen as of.
    AsOf(as_of::state::AsOfBar),
    /// The timeline of a topic.
    Timeline(Box<timeline::state::Chart>),
    /// The problems that stopped a reload, over the last good dispute.
    Reload(reload::state::Problems),
    /// The topic finder over the topic list (`/` there).
    FindTopic(find_topic::state::FindTopic),
}
