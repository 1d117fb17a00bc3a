//! The screen's plain data, below everything that changes or draws it: what [`App`] holds
//! beyond the dispute and the selection. [`Modal`] names what can be open over the comparison
//! screen, and each modal's own state is a file here (`search.rs` for `modal/search/`), as are
//! the files on disk ([`live`]). Nothing here imports `App`, an update or a view, so `App` can
//! hold all of it while the modals' updates and views read and change `App`.
//!
//! [`App`]: crate::tui::app::App

pub mod accept;
pub mod as_of;
pub mod detail;
pub mod export;
pub mod filters;
pub mod find_topic;
pub mod help;
pub mod links;
pub mod live;
pub mod picker;
pub mod reload;
pub mod search;
pub mod timeline;

/// What is open over the comparison screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Modal {
    /// The keys and what they do, for the modal beneath.
    Help(help::Help),
    /// The party picker.
    Picker(picker::Picker),
    /// A row in full.
    Detail(detail::RowInFull),
    /// The search line and its results list.
    Search(search::SearchLine),
    /// The filter panel.
    Filters(Box<filters::Panel>),
    /// The export dialog.
    Export(Box<export::Dialog>),
    /// The choice among a claim's (or a row's) rebuttal links.
    Links(links::Links),
    /// Accepting a suggested row: its question.
    Accept(accept::Accept),
    /// The date the screen is seen as of.
    AsOf(as_of::AsOfBar),
    /// The timeline of a topic.
    Timeline(Box<timeline::Chart>),
    /// The problems that stopped a reload, over the last good dispute.
    Reload(reload::Problems),
    /// The topic finder over the topic list (`/` there).
    FindTopic(find_topic::FindTopic),
}
