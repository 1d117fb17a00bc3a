//! What the user asks for, and what the event loop does after an update. Keys reach `update`
//! only as an [`Action`], through the active modal's bindings table (`keymap`); mouse and resize
//! events become actions too, so every change of state goes through `update`.

use super::text_field::Edit;

/// Something the user asks for. A modal gives each action its own meaning (`Down` moves to the
/// next topic in the topic list, the next claim in a row in full, the next field in a dialog).
/// Its name (`page-down`, `open-editor`) is how the config file's `[keys]` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Action {
    /// Move up one: the previous topic, row, claim, hit, choice or line.
    Up,
    /// Move down one: the next topic, row, claim, hit, choice or line.
    Down,
    /// Up by one screen.
    PageUp,
    /// Down by one screen.
    PageDown,
    /// To the first topic, row or entry.
    First,
    /// To the last topic, row or entry.
    Last,
    /// The next row, whatever its height (`]`).
    NextRow,
    /// The previous row, whatever its height (`[`).
    PrevRow,
    /// The next topic, from anywhere in the comparison (`}`).
    NextTopic,
    /// The previous topic (`{`).
    PrevTopic,
    /// Move the focus to the topic list.
    FocusTopics,
    /// Move the focus to the comparison.
    FocusComparison,
    /// The other region, the next field or the next section.
    NextPane,
    /// Back to the other region, the previous field or the previous section.
    PrevPane,
    /// Open or confirm what is selected: a topic's rows, a row in full, a choice, a hit.
    Open,
    /// Go back: close a modal, leave a line, return to the topic list.
    Back,
    /// Follow a relation of the selected claim or row, of any kind (`r`).
    FollowRebuttal,
    /// Return to where the last link was followed from (`b`).
    JumpBack,
    /// Go to this claim, following a link chosen among several.
    FollowTo(crate::format::ClaimAt),
    /// Swap the left and right sides.
    SwapSides,
    /// Open the party picker (disputes of more than two sides).
    PickParties,
    /// Show or hide the help.
    Help,
    /// Leave the program.
    Quit,
    /// Suspend to the shell; `fg` brings the screen back.
    Suspend,
    /// Draw the whole screen again (`Ctrl-L`), as after something else wrote on the terminal.
    Redraw,
    /// Open the export dialog.
    Export,
    /// Open the filter panel.
    Filters,
    /// Clear every filter.
    ClearFilters,
    /// Open the search line.
    Search,
    /// Go to the next hit of the search.
    NextHit,
    /// Go to the previous hit of the search.
    PrevHit,
    /// Keep only the rows with a hit, or all rows again.
    Narrow,
    /// Select or unselect the highlighted choice (filter panel).
    Toggle,
    /// Clear the focused section (filter panel).
    Clear,
    /// Select every choice a find matched, or unselect them all (filter panel).
    SelectFound,
    /// Copy the selected claim's text with its attribution (OSC 52).
    Copy,
    /// Copy the selected claim's id.
    CopyId,
    /// Open the selected claim's first source in the browser.
    OpenSource,
    /// Show or hide suggested rows.
    ToggleSuggestions,
    /// Go to the next suggested row, in this topic or the next one that has one (`M`).
    NextSuggested,
    /// Accept the selected suggested row: ask for its question, then write the common point.
    Accept,
    /// Dismiss the selected suggested row, for good.
    Dismiss,
    /// Take back the last dismissal or accept made on this screen (undo `x` or `a`). The
    /// config file's old name for it, `undismiss`, still names it.
    Undo,
    /// Open the as-of bar: the date the screen is seen as of (`t`).
    AsOf,
    /// Open the timeline of the selected topic (`T`).
    Timeline,
    /// Move the date in force by this many days (negative: earlier).
    StepDate(i32),
    /// Open the selected claim's file in the analyst's editor at its line (`E`).
    OpenEditor,
    /// Open the problems panel again, on why the files on disk do not load (`!`).
    ShowProblems,
    /// A text-editing key, in whatever input the modal has.
    Edit(Edit),
    /// A key with no meaning where it was pressed: the footer says so in one line.
    Unbound(char),
    /// A key other than a character (F1, Insert) with no meaning where it was pressed:
    /// the footer says so too.
    UnboundKey(
        ratatui::crossterm::event::KeyCode,
        ratatui::crossterm::event::KeyModifiers,
    ),
    /// Text pasted where nothing takes text: the footer says where a paste goes (a paste is
    /// never read as keys, so pasted text cannot quit or dismiss).
    PasteNowhere,
    /// The terminal changed size.
    Resize {
        /// Columns.
        width: u16,
        /// Lines.
        height: u16,
    },
    /// The mouse wheel turned over a point of the screen (positive: down).
    Scroll {
        /// Column of the pointer.
        column: u16,
        /// Line of the pointer.
        row: u16,
        /// Lines to scroll.
        lines: i16,
    },
    /// A click at a point of the screen.
    Click {
        /// Column of the pointer.
        column: u16,
        /// Line of the pointer.
        row: u16,
    },
}

/// What the event loop should do after an update. `update` stays pure: anything that writes a
/// file, talks to the terminal or starts a program is asked for here, and the loop does it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Draw and wait for the next event.
    Continue,
    /// Restore the terminal and leave.
    Quit,
    /// Suspend to the shell, then redraw.
    Suspend,
    /// Draw the whole screen again.
    Redraw,
    /// Write the export the dialog asked for, then redraw.
    Export,
    /// Put this text on the clipboard (OSC 52); the footer already says so.
    Copy(String),
    /// Open this http(s) address with the platform's opener.
    OpenUrl(String),
    /// Give these two claims (ids) a common point with this question, write it back, reload.
    Link {
        /// The left claim's id.
        left: String,
        /// The right claim's id.
        right: String,
        /// The new point's question.
        question: String,
        /// The relation chosen in the dialog, written in the same checked write: the claim that
        /// relates (id), how, and the claim it relates to (id).
        relation: Option<(String, crate::format::RelationKind, String)>,
    },
    /// Open this file at this place in the analyst's editor (the terminal handed over
    /// meanwhile), then reload the dispute.
    Editor {
        /// The file.
        file: std::path::PathBuf,
        /// Where in it the editor starts.
        at: EditorAt,
    },
    /// Remember this suggestion as dismissed (left and right claim ids), then look again.
    Dismiss {
        /// The left claim's id.
        left: String,
        /// The right claim's id.
        right: String,
    },
    /// Take back the last dismissal or accept made on this screen, then look again.
    Undo,
}

/// Where the editor opens a file: a line already known, or a value the event loop finds in the
/// file as it is then (update reads no file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditorAt {
    /// This 1-based line, or the top when not known.
    Line(Option<usize>),
    /// The line this JSON pointer's value starts on (`/topics/0/claims/1`).
    Pointer(String),
}

impl Action {
    /// The action's name, as the config file's `[keys]` writes it.
    pub fn name(self) -> &'static str {
        self.into()
    }
}
