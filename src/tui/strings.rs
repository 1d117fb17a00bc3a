//! Every word the terminal UI shows, in one place, so wording stays consistent and reviewable.

/// Title of the topic list.
pub const TOPICS: &str = "Topics";
/// Title of the help overlay.
pub const HELP_TITLE: &str = "Keys";
/// Title of the detail view.
pub const DETAIL_TITLE: &str = "Row in full";
/// The comparison screen's name, heading its keys in help.
pub const COMPARISON_TITLE: &str = "Comparison";
/// Title of the party picker, first step.
pub const PICK_LEFT: &str = "Choose the left side";
/// Title of the party picker, second step.
pub const PICK_RIGHT: &str = "Choose the right side";
/// What the header calls the filters in force.
pub const FILTERS: &str = "filters";
/// Shown beside the party picker's entries already in place.
pub const NOW_LEFT: &str = "(currently left)";
/// Shown beside the party picker's entries already in place.
pub const NOW_RIGHT: &str = "(currently right)";
/// In the picker's second step, beside the side that was left (its place is being chosen
/// anew: "currently" read as if it still were).
pub const WAS_LEFT: &str = "(was left)";
/// See [`WAS_LEFT`].
pub const WAS_RIGHT: &str = "(was right)";
/// The mark on a topic only one of the two sides addresses.
pub const ONE_SIDED_MARK: &str = "* one side";
/// The same mark where the list is narrow.
pub const ONE_SIDED_SHORT: &str = "*";
/// Shown in an empty topic.
pub const EMPTY_TOPIC: &str = "Neither side makes a claim on this topic.";
/// Shown when a dispute has no topics at all.
pub const NO_TOPICS: &str = "This dispute has no topics.";

/// `T` with no topic on screen, and why there is none.
pub fn no_topic_to_chart(why: &str) -> String {
    format!("No topic to chart. {why}")
}
/// The comparison pane of a dispute with no topic at all (as `parallax new` writes one): what to
/// do next. `files`: the side files' names, when the dispute came from files.
pub fn nothing_yet(files: &[String]) -> String {
    let into = match files {
        [] => "the side files".to_owned(),
        _ => format!("the side files ({})", files.join(", ")),
    };
    format!(
        "Nothing to compare yet. Add topics and claims to {into}, as \"Writing a new dispute\" in \
         the README shows; the screen reads them again as they are saved. Or make a dispute of a \
         spreadsheet: parallax import csv FILE -o FOLDER."
    )
}
/// Heading of the sources in the detail view.
pub const SOURCES: &str = "Sources";
/// A claim that cites nothing.
pub const UNSOURCED: &str = "unsourced: cites no source";
/// Hint beside a relation (any kind) in the detail view: the keys in force that follow it and
/// come back (`r: go to the claim it relates to · b: back`); none when nothing follows it.
pub fn follow_hint(follow: &str, back: &str) -> Option<String> {
    match (follow, back) {
        ("", _) => None,
        (f, "") => Some(format!("{f}: go to the claim it relates to")),
        (f, b) => Some(format!("{f}: go to the claim it relates to · {b}: back")),
    }
}
/// `r` on a row whose one link points to a claim of the same row; `open`, the key in force that
/// shows the row in full.
pub fn link_in_this_row(label: &str, open: &str) -> String {
    if open.is_empty() {
        format!("{label}, the claim it relates to, is in this row.")
    } else {
        format!("{label}, the claim it relates to, is in this row; {open} shows the row in full.")
    }
}

/// The message when no claim of the selected row relates to another (in any way).
pub const ROW_REBUTS_NOTHING: &str =
    "No claim in this row relates to another (contradicts, reframes, concedes, agrees).";
/// Title of the choice of links to follow.
pub const LINKS_TITLE: &str = "Follow which link?";
/// The message when there is no place to go back to: `back` returns after `follow` followed a
/// link (the keys in force).
pub fn nothing_back_here(back: &str, follow: &str) -> String {
    match (back, follow) {
        ("", _) => NOTHING_BACK.to_owned(),
        (b, "") => format!("Nothing to go back to: {b} returns after a link was followed."),
        (b, f) => format!("Nothing to go back to: {b} returns after {f} followed a link."),
    }
}
/// The message when the picker is asked for with only two sides; `swap`, the key in force that
/// swaps them.
pub fn only_two_sides(swap: &str) -> String {
    if swap.is_empty() {
        "This dispute has only two sides.".to_owned()
    } else {
        format!("This dispute has only two sides: press {swap} to swap them.")
    }
}
/// The message when the picker's two choices are the same party.
pub const SAME_SIDE: &str = "Choose a side other than the left one.";
/// The message when there is nothing to go back to.
pub const NOTHING_BACK: &str = "Nothing to go back to.";

/// What the footer says when a move meets an edge of the list or the topic.
pub mod edge {
    /// Up in the topic list on its first topic, or to the previous topic from the first.
    pub const FIRST_TOPIC: &str = "Already at the first topic.";
    /// Down in the topic list on its last topic, or to the next topic from the last.
    pub const LAST_TOPIC: &str = "Already at the last topic.";
    /// Up in the comparison at its top.
    pub const TOP: &str = "Already at the top of this topic.";
    /// Up in the row in full on its first claim, scrolled to the top.
    pub const ROW_TOP: &str = "Already at the top of this row.";
    /// Down in the row in full on its last claim, scrolled to the end.
    pub const ROW_END: &str = "Already at the end of this row.";
    /// Up in the help at its top.
    pub const HELP_TOP: &str = "Already at the top of the help.";
    /// Down in the help at its end.
    pub const HELP_END: &str = "Already at the end of the help.";

    /// Down in the comparison at its end; `key` goes to the next topic, when there is one.
    pub fn end(more: bool, key: &str) -> String {
        if more && !key.is_empty() {
            format!("Already at the end of this topic; {key} goes to the next.")
        } else if more {
            "Already at the end of this topic.".to_owned()
        } else {
            "Already at the end of the last topic.".to_owned()
        }
    }
}
/// The message when the selected claim relates to no other claim.
pub const REBUTS_NOTHING: &str = "This claim relates to no other claim.";
/// The message when asked for the detail of an empty topic.
pub const NO_ROW: &str = "No row to open here.";
/// Title of the dialog that accepts a suggested row.
pub const ACCEPT_TITLE: &str = "Accept the suggestion";
/// The dialog's explanation.
pub const ACCEPT_WHAT: &str =
    "Both claims get a new point with this question; the manifest gets the question.";
/// [`ACCEPT_WHAT`] where the dispute has no manifest: accepting creates one.
pub const ACCEPT_WHAT_NEW_MANIFEST: &str = "Both claims get a new point with this question; \
     dispute.json is created beside the side files to hold it.";
/// Added when the new row will be common ground, which marks it as the sides agreeing.
pub const ACCEPT_COMMON: &str = " The row will show as ≡ common ground: the sides agree in it \
     (each claim rated corroborated, or one agrees with the other).";
/// Added when the topic has no point row yet: its unmatched claims stop being packed.
pub const ACCEPT_UNPACKS: &str =
    " The topic's first point: its unmatched claims then stand one to a row.";
/// What accepting writes when the placeholder question is kept and a point of the topic asks
/// it already.
pub const ACCEPT_PLACEHOLDER_AGAIN: &str = "A point here asks this placeholder already: type the \
     question these two answer (Enter makes a second one).";
/// What accepting writes when a point of the topic already asks the question typed.
pub fn accept_joins(point: &str) -> String {
    format!("Both join point `{point}`, which asks this; edit it for a new point.")
}
/// The message when `a` or `x` is pressed away from a suggested row.
pub fn not_suggested(key: &str) -> String {
    if key.is_empty() {
        "Select a suggested row (≈) first.".to_owned()
    } else {
        format!("Select a suggested row (≈) first; {key} shows or hides them.")
    }
}
/// Said when `m` shows or hides the suggested rows (`key`: the key that does it).
pub fn suggestions_toggled(on: bool, key: &str) -> String {
    match (on, key) {
        (true, "") => "Suggested rows shown (≈), as they are found.".to_owned(),
        (true, key) => format!("Suggested rows shown (≈), as they are found; {key} hides them."),
        (false, "") => "Suggested rows hidden.".to_owned(),
        (false, key) => format!("Suggested rows hidden; {key} shows them again."),
    }
}
/// Said when `M` finds no suggested row to go to: they are hidden (`key` shows them), still
/// being found, or there are none.
pub fn no_suggested_row(on: bool, pending: bool, key: &str) -> String {
    match (on, pending) {
        (false, _) if key.is_empty() => "Suggested rows are hidden.".to_owned(),
        (false, _) => format!("Suggested rows are hidden; {key} shows them."),
        (true, true) => "Finding suggestions…; try again in a moment.".to_owned(),
        (true, false) => "No suggested rows; `parallax match` lists more candidates, point rows to join among them.".to_owned(),
    }
}
/// Said when `M` is pressed on the only suggested row.
pub const ONLY_SUGGESTED: &str = "This is the only suggested row.";
/// Said when `M` went round from the last suggested row to the first.
pub const SUGGESTED_WRAPPED: &str = "Back to the first suggested row.";
/// Said when the suggestions `m` showed have come: how many rows (`key` hides them), or that
/// there are none, and where more are listed.
pub fn suggestions_found(rows: usize, key: &str) -> String {
    let hides = match (key.is_empty(), rows) {
        (true, _) => String::new(),
        (false, 1) => format!("; {key} hides it"),
        (false, _) => format!("; {key} hides them"),
    };
    match rows {
        0 => "No suggested rows found; `parallax match` lists more candidates, point rows to join among them.".to_owned(),
        1 => format!("1 suggested row shown (≈){hides}."),
        n => format!("{n} suggested rows shown (≈){hides}."),
    }
}
/// Said on opening a dispute whose suggestions start hidden (most of its claims are linked);
/// nothing when no key shows them. It takes the footer's place on the first screen, so it
/// names the keys the footer would have kept longest: help and quit (`help`, `quit`).
pub fn suggest_hint(key: &str, help: &str, quit: &str) -> Option<String> {
    let more = match (help, quit) {
        ("", "") => String::new(),
        (help, "") => format!("; {help} help"),
        ("", quit) => format!("; {quit} quit"),
        (help, quit) => format!("; {help} help, {quit} quit"),
    };
    (!key.is_empty())
        .then(|| format!("{key} shows suggested matches for claims nobody linked{more}."))
}
/// The footer's mark while suggestions are looked for (seconds at 100,000 claims).
pub const SUGGESTING: &str = "finding suggestions…";
/// The accept dialog's line of the relation chosen.
pub fn accept_relation(relation: Option<&str>) -> String {
    match relation {
        Some(r) => format!("Relation  ↳ {r}"),
        None => "Relation  none (↑ ↓ choose one)".to_owned(),
    }
}
/// The message when Enter is pressed in the accept dialog while suggestions are looked for again
/// (the sides swapped, the files changed, a filter): the pair may no longer be one.
/// `Tab` in the accept dialog where the topic's points ask nothing else.
pub const ACCEPT_NO_QUESTIONS: &str =
    "No point of this topic asks a question yet: type the question these two answer.";
pub const ACCEPT_WAIT: &str = "Still looking for suggested matches for the comparison as it is now; Enter once they are shown.";
/// Why the accept dialog closed by itself: a claim of its pair is no longer in the files.
pub const ACCEPT_GONE: &str =
    "The accept dialog closed: a claim of its pair is no longer in the files; nothing was written.";
/// Why the accept dialog closed by itself: the files changed and the pair is no longer suggested
/// (linked or dismissed meanwhile, or no longer a best match).
pub const ACCEPT_NOT_SUGGESTED: &str = "The accept dialog closed: after the files changed, its pair is no longer suggested; nothing was written.";
/// The footer when the accept dialog closed by itself (`why`), with the question typed in it,
/// so it can be typed again.
pub fn accept_closed(why: &str, typed: Option<&str>) -> String {
    match typed {
        Some(q) => format!("{why} The question was: “{}”.", crate::text::one_line(q)),
        None => why.to_owned(),
    }
}
/// The message when an empty question is submitted.
pub const EMPTY_QUESTION: &str = "Write the question both claims answer.";
/// The accept dialog's refusal of a question holding a control or hidden character.
pub fn hidden_in_question(c: char) -> String {
    format!(
        "The question holds {} (a control or hidden character, shown as a marker): write it without it.",
        crate::text::code_point(c)
    )
}
/// The footer when the screen opened the bundled dispute (no path) in a folder holding a
/// dispute of its own, shown by `file`.
pub fn bundled_not_here(file: &str) -> String {
    format!(
        "No path was given, so this is the bundled dispute, not the one in this folder ({}): quit and run `parallax .` to open that one.",
        crate::text::quote(file)
    )
}
/// The message after accepting, with the key that takes it back.
pub fn accepted(point: &str, files: &str, undo: &str) -> String {
    if undo.is_empty() {
        format!("Linked on point `{point}`; wrote {files}.")
    } else {
        format!("Linked on point `{point}`; wrote {files} ({undo} undoes).")
    }
}

/// Two messages said one after the other in the footer, the first closed with a full stop
/// where it has none, so they do not run together.
pub fn then(said: &str, more: &str) -> String {
    if said.ends_with(['.', '!', '?', '…', ':']) {
        format!("{said} {more}")
    } else {
        format!("{said}. {more}")
    }
}
/// The message after `u` took an accept back: the files written back, and the manifest the
/// accept made, deleted again.
pub fn unlinked(written: &str, deleted: Option<&str>) -> String {
    let deleted = deleted
        .map(|d| format!(", and {d}, which it made, is deleted"))
        .unwrap_or_default();
    format!(
        "Accept undone: {written} hold again what they held before it{deleted}; the pair is suggested again."
    )
}
/// The message when `u` finds a file an accept wrote changed since: the accept stays the next
/// to take back, and `files` are all it wrote.
pub fn not_unlinked(file: &str, point: &str, files: &str, undo: &str) -> String {
    format!(
        "Nothing was taken back: {file} changed on disk since the accept, and is not written over. Put it back as it was and press {undo} again, or take point `{point}` out of {files} in your editor."
    )
}
/// The message after dismissing.
pub fn dismissed(kept: bool, undo: &str) -> String {
    let said = if kept {
        "Dismissed; kept in .parallax-dismissed.json beside the dispute"
    } else {
        "Dismissed until you quit: the bundled dispute keeps no files"
    };
    if undo.is_empty() {
        format!("{said}.")
    } else {
        format!("{said} ({undo} undoes).")
    }
}
/// The message when `u` finds no dismissal or accept made on this screen to take back; `kept` when the
/// dispute has a dismissals file (the bundled dispute keeps them only until it closes).
pub fn nothing_to_undismiss(kept: bool) -> String {
    if kept {
        "Nothing dismissed or accepted here to take back (an older dismissal: delete its entry in .parallax-dismissed.json; an older accept: take its point out by hand, or with git).".to_owned()
    } else {
        "Nothing dismissed or accepted here to take back.".to_owned()
    }
}
/// The message when the suggested pair a row in full showed is no longer suggested once the
/// files changed (the matcher pairs its claims otherwise, or not at all): the row in full
/// follows `id`.
pub fn pair_no_longer_suggested(id: &str) -> String {
    format!(
        "The pair shown is no longer suggested since the files changed; the row in full shows {} where it stands now.",
        crate::text::clean(id).text
    )
}
/// The message when `a`, `x` or `u` would write while the files at `paths` do not load.
pub fn write_while_broken(paths: &[std::path::PathBuf]) -> String {
    format!(
        "Nothing was written: the files on disk do not load (the header's ⚠), and the screen shows their last good state. Fix them (`{}` lists the problems), then try again.",
        crate::load::validate_command(paths)
    )
}
/// The message when `u` finds its dismissal gone from the file already (deleted there).
pub const UNDISMISSED_ALREADY: &str =
    "Nothing to take back: the dismissal is no longer in .parallax-dismissed.json.";
/// The message when `u` took a dismissal back: out of the dismissals file (`kept`), which goes
/// when it held nothing else (`deleted`), or out of the session's.
pub fn undismissed(kept: bool, deleted: bool) -> String {
    if deleted {
        "Dismissal undone: .parallax-dismissed.json held only it and is deleted; the pair can be suggested again."
            .to_owned()
    } else if kept {
        "Dismissal undone: taken out of .parallax-dismissed.json; the pair can be suggested again."
            .to_owned()
    } else {
        "Dismissal undone: the pair can be suggested again.".to_owned()
    }
}
/// The message when the write-back failed.
pub fn write_failed(why: &str) -> String {
    format!("Nothing was written: {why}")
}

/// The message after a refused write made the screen read the changed files again.
/// As [`reloaded_after`], with the accept dialog given back as typed.
pub fn reloaded_kept(file: &str) -> String {
    format!(
        "Nothing was written: {file} changed on disk since it was read. Reloaded the files as they are now; your question is kept: check the row, then Enter."
    )
}

pub fn reloaded_after(file: &str) -> String {
    format!(
        "Nothing was written: {file} changed on disk since it was read. Reloaded the files as they are now; check the row and accept again."
    )
}

/// The legend's words for the left side.
pub const LEFT: &str = "left";
/// The legend's words for the right side.
pub const RIGHT: &str = "right";

/// The problems panel's title.
pub const PROBLEMS_TITLE: &str = "The files do not load";
/// The header's mark once the problems panel is closed and the files still do not load.
pub const STALE: &str = "⚠ files on disk do not load: last good state";

/// The header's mark while the files on disk do not load, with the key that shows why.
pub fn stale(key: &str) -> String {
    if key.is_empty() {
        STALE.to_owned()
    } else {
        format!("{STALE} ({key} shows why)")
    }
}

/// What the show-problems key says when the files on disk load (or there are none).
pub const NO_PROBLEMS: &str = "No problems to show: the dispute on screen loads as it is on disk (the problems panel opens by itself when a change to its files does not load).";

/// The problems panel's first line.
pub fn problems_intro(n: usize) -> String {
    format!(
        "{n} error(s). The screen keeps the last good state; it reloads when the files are fixed and saved."
    )
}

/// `E` on a path that is no file now (deleted or moved since, or a folder).
pub fn no_file_to_edit(file: &std::path::Path) -> String {
    let shown = crate::text::inline(&crate::export::shown_path(file));
    if file.is_dir() {
        format!("{shown} is a folder, not a file to edit; open one of its side files.")
    } else {
        format!(
            "{shown} is not there (deleted or moved since it was read), so there is nothing to edit; put it back (git checkout, undo the move) and the screen reloads."
        )
    }
}

/// Opening the editor failed.
pub fn editor_failed(editor: &str, why: &str) -> String {
    format!(
        "Could not run the editor `{}`: {}. Set $VISUAL or $EDITOR to your editor.",
        crate::text::clean(editor).text,
        crate::text::clean(why).text
    )
}

/// The signal that ended a process, named as `kill -l` names the common ones (`SIGINT`).
fn signal_of(status: &std::process::ExitStatus) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        let n = status.signal()?;
        let name = match n {
            1 => "SIGHUP",
            2 => "SIGINT",
            3 => "SIGQUIT",
            6 => "SIGABRT",
            9 => "SIGKILL",
            11 => "SIGSEGV",
            13 => "SIGPIPE",
            15 => "SIGTERM",
            _ => return Some(format!("signal {n}")),
        };
        Some(format!("signal {n} ({name})"))
    }
    #[cfg(not(unix))]
    {
        let _ = status;
        None
    }
}

/// The editor ran but did not end well (`EDITOR=false`, `:cq` in vim); the files are read
/// again all the same, since it may have written them.
pub fn editor_ended(editor: &str, status: &std::process::ExitStatus) -> String {
    let how = match status.code() {
        Some(code) => format!("with exit status {code}"),
        None => signal_of(status).map_or_else(|| "on a signal".to_owned(), |s| format!("on {s}")),
    };
    format!(
        "The editor `{}` ended {how}.",
        crate::text::clean(editor).text
    )
}

/// Help texts of the bindings, in the order of the table in `keys.rs`.
pub mod help {
    pub const UP: &str = "previous topic, row or claim";
    pub const DOWN: &str = "next topic, row or claim";
    pub const PAGE_UP: &str = "one screen up";
    pub const PAGE_DOWN: &str = "one screen down";
    pub const FIRST: &str = "first topic or row";
    pub const LAST: &str = "last topic or row";
    pub const FOCUS_TOPICS: &str = "to the topic list";
    pub const FOCUS_COMPARISON: &str = "to the comparison";
    pub const NEXT_PANE: &str = "switch between topic list and comparison";
    pub const PREV_PANE: &str = "switch back";
    pub const OPEN: &str = "open: a topic's rows, a row in full, a choice";
    pub const BACK: &str = "go back or close; first clears a search left in force";
    pub const FOLLOW: &str = "go to the claim the selected claim relates to (a choice if several)";
    pub const JUMP_BACK: &str = "back to where you followed a link from";
    pub const FOLLOW_ROW: &str = "follow a relation of the row (a choice if several)";
    pub const NEXT_ROW: &str = "next row, however tall the row on screen";
    pub const PREV_ROW: &str = "previous row";
    pub const NEXT_TOPIC: &str = "next topic";
    pub const PREV_TOPIC: &str = "previous topic";
    pub const LINK_UP: &str = "previous link";
    pub const LINK_DOWN: &str = "next link";
    pub const LINK_FOLLOW: &str = "follow the highlighted link";
    pub const COPY: &str = "copy the selected claim's text with its attribution";
    pub const COPY_ID: &str = "copy the selected claim's id";
    pub const OPEN_SOURCE: &str = "open the selected claim's first source in the browser";
    pub const EDIT_CLAIM: &str = "edit the selected claim's file at its line in $VISUAL or $EDITOR";
    pub const EDIT_PROBLEM: &str = "edit the file of the first problem at its line";
    pub const SHOW_PROBLEMS: &str =
        "the problems panel again, while the files on disk do not load (the header's ⚠)";
    pub const CLOSE_PROBLEMS: &str = "close; the last good state stays on screen";
    pub const DETAIL_UP: &str = "previous claim; at the first, scroll up";
    pub const DETAIL_DOWN: &str = "next claim; at the last, scroll down";
    pub const DETAIL_FIRST: &str = "first claim";
    pub const DETAIL_LAST: &str = "last claim";
    pub const DETAIL_ACCEPT: &str = "close the row in full and accept this suggested row";
    pub const DETAIL_DISMISS: &str = "close the row in full and dismiss this suggested row";
    pub const DETAIL_SEARCH: &str = "close the row in full and search claims";
    pub const DETAIL_PICK: &str = "close the row in full and choose the two parties compared";
    pub const CLOSE: &str = "close";
    pub const CANCEL: &str = "cancel";
    pub const HELP_UP: &str = "scroll up a line";
    pub const HELP_DOWN: &str = "scroll down a line";
    pub const HELP_FIRST: &str = "to the top";
    pub const HELP_LAST: &str = "to the end";
    pub const PICK_UP: &str = "previous side";
    pub const PICK_DOWN: &str = "next side";
    pub const PICK_FIRST: &str = "first side";
    pub const PICK_LAST: &str = "last side";
    pub const PICK_CHOOSE: &str = "choose the highlighted side";
    pub const PICK_BACK: &str = "back to choosing the left side; on the left, cancel";
    pub const SWAP: &str = "swap the left and right sides";
    pub const PICK: &str = "choose the two parties compared";
    pub const HELP: &str = "this help";
    pub const QUIT: &str = "quit";
    pub const SUSPEND: &str = "suspend to the shell (fg to return)";
    pub const REDRAW: &str = "draw the whole screen again";
    pub const EDIT_HOME: &str = "cursor to the start";
    pub const EDIT_END: &str = "cursor to the end";
    pub const EDIT_WORD_LEFT: &str = "a word left";
    pub const EDIT_WORD_RIGHT: &str = "a word right";
    pub const EDIT_DELETE_WORD: &str = "delete the word before the cursor";
    pub const EDIT_DELETE_TO_END: &str = "delete to the end";
    pub const EDIT_DELETE: &str = "delete under the cursor";
    pub const EXPORT: &str = "export to a file: this topic or all, as shown";
    pub const SEARCH: &str =
        "find a topic (topic list) or search claims, speakers, tags, sources… (comparison)";
    pub const NEXT_HIT: &str = "next hit of the search (wraps round)";
    pub const PREV_HIT: &str = "previous hit of the search (wraps round)";
    pub const NARROW: &str = "only the rows with a hit, or all rows again";
    pub const SEARCH_UP: &str = "previous hit in the list";
    pub const SEARCH_DOWN: &str = "next hit in the list";
    pub const SEARCH_PAGE_UP: &str = "a page of hits up";
    pub const SEARCH_PAGE_DOWN: &str = "a page of hits down";
    pub const SEARCH_SUBMIT: &str = "go to the chosen hit in its row";
    pub const SEARCH_LEAVE: &str = "leave the line, keeping the search (Esc again clears it)";
    pub const SEARCH_NARROW: &str = "only the rows with a hit, or all rows again";
    pub const SEARCH_ERASE: &str = "empty the line";
    pub const SEARCH_LEFT: &str = "cursor left";
    pub const SEARCH_RIGHT: &str = "cursor right";
    pub const SEARCH_HOME: &str = "start of the line";
    pub const SEARCH_END: &str = "end of the line";
    pub const SEARCH_BACKSPACE: &str = "delete before the cursor (other keys type)";
    pub const SEARCH_DELETE: &str = "delete under the cursor";
    pub const EXPORT_NEXT_FIELD: &str = "next field";
    pub const EXPORT_PREV_FIELD: &str = "previous field";
    pub const EXPORT_LEFT: &str = "previous choice; in the file: cursor left";
    pub const EXPORT_RIGHT: &str = "next choice; in the file: cursor right";
    pub const EXPORT_HOME: &str = "start of the file's path";
    pub const EXPORT_END: &str = "end of the file's path";
    pub const EXPORT_ERASE: &str = "empty the file's path";
    pub const EXPORT_BACKSPACE: &str = "delete before the cursor (other keys type)";
    pub const EXPORT_DELETE: &str = "delete under the cursor";
    pub const EXPORT_SUBMIT: &str = "export; if the file exists, y replaces it and n keeps it";
    pub const EXPORT_CANCEL: &str = "cancel";
    pub const EXPORT_OVERWRITE: &str = "replace the existing file with this export";
    pub const EXPORT_KEEP: &str = "keep the file as it is, back to the dialog";
    pub const FILTERS: &str = "filters: party, topic, source, tag, assessment, dates…";
    pub const CLEAR_FILTERS: &str = "clear every filter";
    pub const AS_OF: &str = "as of a date: only what had been said by then";
    pub const TIMELINE: &str = "timeline of the topic; moving along it sets the date";
    pub const TOGGLE_SUGGESTIONS: &str = "show or hide suggested rows (≈)";
    pub const NEXT_SUGGESTED: &str = "next suggested row, in any topic";
    pub const ACCEPT: &str = "accept the suggested row: give both claims a common point";
    pub const DISMISS: &str = "dismiss the suggested row for good";
    pub const UNDISMISS: &str = "take back the last dismissal or accept made here";
    pub const ACCEPT_SUBMIT: &str = "write the point with this question";
    pub const ACCEPT_CANCEL: &str = "cancel";
    pub const ACCEPT_BACKSPACE: &str = "delete before the cursor (other keys type)";
    pub const ACCEPT_DELETE: &str = "delete under the cursor";
    pub const ACCEPT_LEFT: &str = "cursor left";
    pub const ACCEPT_RIGHT: &str = "cursor right";
    pub const ACCEPT_HOME: &str = "start of the question";
    pub const ACCEPT_END: &str = "end of the question";
    pub const ACCEPT_ERASE: &str = "empty the question, to write another";
    pub const ACCEPT_RELATION_NEXT: &str = "next relation to write with the point (none, or one claim contradicts, reframes, concedes or agrees with the other)";
    pub const ACCEPT_RELATION_PREV: &str = "previous relation";
    pub const ACCEPT_QUESTION_NEXT: &str =
        "next question of this topic's points (Enter then joins that point)";
    pub const ACCEPT_QUESTION_PREV: &str = "previous question of this topic's points";
    pub const FILTER_NEXT_SECTION: &str = "next section";
    pub const FILTER_PREV_SECTION: &str = "previous section";
    pub const FILTER_UP: &str = "previous choice or date field";
    pub const FILTER_DOWN: &str = "next choice or date field";
    pub const FILTER_PAGE_UP: &str = "ten choices up";
    pub const FILTER_PAGE_DOWN: &str = "ten choices down";
    pub const FILTER_LEFT: &str = "previous section; in a date: cursor left";
    pub const FILTER_RIGHT: &str = "next section; in a date: cursor right";
    pub const FILTER_HOME: &str = "first choice; in a date: its start";
    pub const FILTER_END: &str = "last choice; in a date: its end";
    pub const FILTER_TOGGLE: &str = "select or unselect the choice (applies at once)";
    pub const FILTER_BACKSPACE: &str =
        "delete a typed character (other keys type: a date, or to find a choice)";
    pub const FILTER_CLEAR: &str = "clear this section";
    pub const FILTER_SUBMIT: &str = "done (once the dates typed are valid)";
    pub const FILTER_CLOSE: &str = "close; the filters applied stay";
    pub const FILTER_FIND: &str = "find a choice by typing (any other letter starts it too)";
    pub const FILTER_SELECT_FOUND: &str =
        "select every choice listed, or found (again: unselect them all; applies at once)";
    pub const FILTER_FIND_UP: &str = "previous choice found";
    pub const FILTER_FIND_DOWN: &str = "next choice found";
    pub const FILTER_FIND_DONE: &str = "stop typing; the choices found stay listed";
    pub const FILTER_FIND_BACKSPACE: &str = "delete a typed character (other keys type)";
    pub const FILTER_FIND_CANCEL: &str = "stop finding: every choice again";
}

/// Short footer labels.
pub mod footer {
    pub const OPEN: &str = "open";
    pub const FOLLOW: &str = "follow link";
    pub const NEXT_ROW: &str = "next row";
    pub const COPY: &str = "copy";
    pub const EDIT: &str = "edit";
    pub const JUMP_BACK: &str = "back";
    pub const CLOSE: &str = "close";
    pub const CANCEL: &str = "cancel";
    pub const SCROLL: &str = "scroll";
    pub const CHOOSE: &str = "choose";
    pub const BACK: &str = "back";
    pub const NEXT_PANE: &str = "pane";
    pub const SWAP: &str = "swap";
    pub const PICK: &str = "parties";
    pub const HELP: &str = "help";
    pub const QUIT: &str = "quit";
    pub const EXPORT: &str = "export";
    pub const EXPORT_FIELD: &str = "next field";
    pub const SEARCH: &str = "find";
    pub const SEARCH_CHOOSE: &str = "choose";
    pub const SEARCH_SUBMIT: &str = "go to hit";
    pub const SEARCH_LEAVE: &str = "leave";
    pub const SEARCH_NARROW: &str = "narrow";
    pub const EXPORT_SUBMIT: &str = "export";
    pub const EXPORT_CANCEL: &str = "cancel";
    pub const EXPORT_OVERWRITE: &str = "overwrite";
    pub const EXPORT_KEEP: &str = "keep it";
    pub const FILTERS: &str = "filters";
    /// The footer's last entry when keys were left out for room (`?` lists them all).
    pub const MORE: &str = "…";
    pub const ACCEPT: &str = "accept";
    pub const DISMISS: &str = "dismiss";
    pub const ACCEPT_SUBMIT: &str = "write";
    pub const ACCEPT_CANCEL: &str = "cancel";
    pub const ACCEPT_RELATION: &str = "relation";
    pub const ACCEPT_QUESTION: &str = "question";
    pub const FILTER_SECTION: &str = "section";
    pub const FILTER_TOGGLE: &str = "select";
    pub const FILTER_CLEAR: &str = "clear section";
    pub const FILTER_SUBMIT: &str = "done";
    pub const FILTER_CLOSE: &str = "close";
    pub const FILTER_FIND: &str = "find";
    pub const FILTER_SELECT_FOUND: &str = "select all found";
    pub const FILTER_SELECT_ALL: &str = "select all";
    pub const FILTER_FIND_DONE: &str = "done typing";
    pub const FILTER_FIND_CANCEL: &str = "all choices";
}

/// The export dialog's words.
pub mod export {
    /// The dialog's title.
    pub const TITLE: &str = "Export";
    /// The label of the scope field.
    pub const SCOPE: &str = "What";
    /// The label of the format field.
    pub const FORMAT: &str = "Format";
    /// The label of the path field.
    pub const FILE: &str = "File";
    /// The choice of every topic.
    pub const ALL_TOPICS: &str = "all topics";
    /// The choice of the selected topic.
    pub const THIS_TOPIC: &str = "this topic";
    /// Format names.
    pub const MARKDOWN: &str = "Markdown";
    /// Markdown's name where the four do not fit (a narrow dialog).
    pub const MARKDOWN_SHORT: &str = "MD";
    /// See [`MARKDOWN`].
    pub const CSV: &str = "CSV";
    /// See [`MARKDOWN`].
    pub const JSON: &str = "JSON";
    /// See [`MARKDOWN`].
    pub const HTML: &str = "HTML";
    /// What the export holds.
    pub const AS_SHOWN: &str =
        "The comparison as shown: the two parties, search and filters applied.";
    /// Where a relative path goes.
    pub const WHERE: &str = "A relative path is in the current folder; ~/ is your home folder.";

    /// Where a relative path goes when the config file names the export folder.
    pub fn where_in(folder: &str) -> String {
        format!(
            "A relative path is in {}; ~/ is your home folder.",
            crate::text::clean(folder).text
        )
    }
    /// The question before replacing a file.
    pub const OVERWRITE: &str = "Overwrite it? y / n";
    /// After `n` at "overwrite?".
    pub const KEPT: &str =
        "The file was kept as it was; type another name, or Enter to be asked again.";
    /// Enter with an empty path.
    pub const NO_FILE: &str = "Type a file name first.";
    /// Enter with `-`, which names standard output on the command line only.
    pub const DASH: &str = "`-` is standard output on the command line (parallax export -o -); here, type a file name.";
    /// A file name holding a control or hidden character (pasted in).
    pub fn hidden_in_name(c: char) -> String {
        format!(
            "The file name holds {} (a control or hidden character, shown as a marker): write it without it.",
            crate::text::code_point(c)
        )
    }

    /// After the formats, when the typed name's extension chose the format.
    pub const NAMED: &str = "as the name says";

    /// The footer after an export: the path early, so a narrow footer still shows it.
    pub fn exported(path: &str, format: &str, what: &str) -> String {
        format!("Exported {format} to {path} ({what})")
    }

    /// "this topic" in the footer.
    pub fn topic(title: &str) -> String {
        format!("topic “{title}”")
    }

    /// "all topics" in the footer.
    pub fn all_topics(n: usize) -> String {
        match n {
            0 => "no topic: none is shown".to_owned(),
            1 => "the one topic".to_owned(),
            _ => format!("all {n} topics"),
        }
    }

    /// "all topics" in the dialog.
    pub fn all_topics_choice(n: usize) -> String {
        format!("{ALL_TOPICS} ({n})")
    }

    /// "this topic" in the dialog.
    pub fn this_topic_choice(title: &str) -> String {
        format!("{THIS_TOPIC}: {title}")
    }

    /// The filters in force (their header labels), in place of [`AS_SHOWN`].
    pub fn filters_in_force(labels: &[String]) -> String {
        format!("As shown, with the filters: {}.", labels.join(" · "))
    }

    /// Suggested rows among what is exported: they go out as shown, marked as the matcher's.
    pub fn suggested_in_force(key: &str) -> String {
        let said = "Suggested rows (≈) go out too, as the matcher's guesses (row kind `suggested`)";
        if key.is_empty() {
            format!("{said}.")
        } else {
            format!("{said}; {key} hides them.")
        }
    }

    /// The search in force, named so the analyst knows what the export holds: its hits only
    /// when narrowed, else every row with the hits marked nowhere.
    /// `narrow`: the key in force that narrows.
    pub fn search_in_force(query: &str, narrowed: bool, narrow: &str) -> String {
        let query = crate::text::inline(query);
        if narrowed {
            format!("Search “{query}” in force, narrowed: only the rows with a hit are exported.")
        } else if narrow.is_empty() {
            format!("Search “{query}” in force, not narrowed: every row is exported.")
        } else {
            // The key before the rest, so a narrow dialog cuts the end, not the way to narrow.
            format!(
                "Search “{query}” in force, not narrowed ({narrow} narrows): every row is exported."
            )
        }
    }

    /// The file exists.
    pub fn exists(path: &str) -> String {
        format!("{path} already exists.")
    }

    /// The footer while "overwrite?" waits for y or n: the question and its keys first, so a
    /// long path is what a narrow footer cuts.
    pub fn ask_overwrite(path: &str) -> String {
        format!("Overwrite? y / n · {path} already exists")
    }

    /// The footer when an export failed.
    pub fn failed(reason: &str) -> String {
        format!("Not exported: {reason}")
    }
}

/// The as-of bar's words (`t`).
/// The topic finder's words.
pub mod find_topic {
    /// The finder's title.
    pub const TITLE: &str = "Find topic";
    /// Before the typed words.
    pub const PROMPT: &str = "/ ";
    pub const DOWN: &str = "next topic left";
    pub const UP: &str = "previous topic left";
    pub const PAGE_DOWN: &str = "a screen of topics down";
    pub const PAGE_UP: &str = "a screen of topics up";
    pub const KEEP: &str = "keep this topic and close";
    pub const CANCEL: &str = "back to the topic selected before, and close";
    pub const SEARCH_CLAIMS: &str = "search the claims for these words instead";
    pub const ERASE: &str = "erase the typed words";
    pub const BACKSPACE: &str = "delete the character before the cursor (other keys type)";
    pub const DELETE: &str = "delete the character under the cursor";
    pub const LEFT: &str = "cursor left";
    pub const RIGHT: &str = "cursor right";
    pub const HOME: &str = "cursor to the start";
    pub const END: &str = "cursor to the end";
    pub const FOOTER_MOVE: &str = "next";
    pub const FOOTER_KEEP: &str = "keep";
    pub const FOOTER_CANCEL: &str = "cancel";
    pub const FOOTER_SEARCH_CLAIMS: &str = "search claims";

    /// When no topic title holds the typed words.
    pub fn nothing_found(typed: &str) -> String {
        format!(
            "No topic title holds “{}”; Tab searches the claims.",
            crate::text::clean(typed).text
        )
    }
}

pub mod as_of {
    /// The bar's title.
    pub const TITLE: &str = "As of";
    /// The label before the date.
    pub const LABEL: &str = "Date ";
    /// Shown in place of a date when none is in force.
    pub const EVERY_DATE: &str = "every date (type one: YYYY-MM-DD, YYYY-MM or YYYY)";
    /// When no claim of the comparison is dated.
    pub const NO_DATES: &str = "No claim here has a date to step through; type one.";
    /// The screen emptied while the date is being stepped (`F` does not work there).
    pub const NO_MATCH: &str = "No claim matches as of this date: a later date, or Delete for every date, shows claims again.";
    /// A step back from the first day a claim was made.
    pub fn at_first(first: &str) -> String {
        format!("Nothing is earlier: {first} is the first claim's day.")
    }
    /// A step on from the last day a claim was made.
    pub fn at_last(last: &str) -> String {
        format!("Nothing is later: {last} is the last claim's day.")
    }
    /// A character that cannot be part of a date.
    pub const ONLY_DIGITS: &str = "A date is digits and dashes: YYYY-MM-DD, YYYY-MM or YYYY.";
    pub const DAY_BACK: &str = "a day earlier";
    pub const DAY_ON: &str = "a day later";
    pub const WEEK_BACK: &str = "a week earlier";
    pub const WEEK_ON: &str = "a week later";
    pub const FIRST: &str = "the first day a claim was made";
    pub const LAST: &str = "the last day a claim was made";
    pub const CLEAR: &str = "no date: show what was said at any time";
    pub const BACKSPACE: &str =
        "delete the date's last character, to type it anew (digits and - type the date)";
    pub const KEEP: &str = "keep this date and close";
    pub const CANCEL: &str = "back to the date in force and the topic selected before, and close";
    pub const FOOTER_DAY_BACK: &str = "day-";
    pub const FOOTER_DAY_ON: &str = "day+";
    pub const FOOTER_WEEK_BACK: &str = "week-";
    pub const FOOTER_WEEK_ON: &str = "week+";
    pub const FOOTER_CLEAR: &str = "all dates";
    pub const FOOTER_KEEP: &str = "keep";
    pub const FOOTER_CANCEL: &str = "cancel";

    /// The span of dated claims, under the date.
    pub fn span(first: &str, last: &str) -> String {
        format!("Claims dated {first} to {last}; a month counts to its last day.")
    }

    /// The typed text is not a date (yet).
    /// `typed` (as cleaned for the screen) `why` it is not a date; `kept`, the date in force.
    pub fn not_a_date(typed: &str, why: &str, kept: Option<&str>) -> String {
        // What happens first: a narrow bar cuts the reason, not the consequence.
        let kept = kept.map_or_else(|| "none".to_owned(), str::to_owned);
        format!("Not a date yet, so the date in force stays ({kept}): “{typed}” {why}")
    }

    /// The header's mark of the date in force.
    pub fn header(date: &str) -> String {
        format!("as of {date}")
    }

    /// The header's mark of a date asked and not yet shown (`None`: every date).
    pub fn coming(date: Option<&str>) -> String {
        match date {
            Some(date) => format!("as of {date}…"),
            None => "every date…".to_owned(),
        }
    }

    /// A date before the `since` filter's, not put in force: nothing said by then could match.
    /// `kept`, the date in force; `filters`, the key that opens the filters.
    pub fn before_since(date: &str, since: &str, kept: Option<&str>, filters: &str) -> String {
        let kept = kept.map_or_else(|| "none".to_owned(), str::to_owned);
        format!(
            "Not applied, so the date in force stays ({kept}): {date} is before the filter since \
             {since}, so nothing could match; clear it in the filters ({filters})."
        )
    }
}

/// The timeline's words (`T`).
pub mod timeline {
    /// The timeline's title.
    pub const TITLE: &str = "Timeline";
    /// What the chart counts when `Tab` has left the topic.
    pub const EVERY_TOPIC: &str = "every topic";
    /// The legend's words for the left side's bars.
    pub const ABOVE: &str = "above";
    /// The legend's words for the right side's bars.
    pub const BELOW: &str = "below";
    /// The legend's words for the assessment marks.
    pub const MARKS: &str = "assessed";
    /// The legend's scale: the claims of the tallest bar, which stands the full height.
    pub fn tallest(peak: usize) -> String {
        format!("tallest bar {peak}")
    }
    /// When no claim is dated.
    pub const NO_DATES: &str = "No claim here has a date, so there is nothing to place in time.";
    /// `→` on the last bar.
    pub const NOTHING_LATER: &str =
        "Nothing is later: this is the last bar (Delete shows every date).";
    /// `→` with every date shown, no bar selected yet: the screen stands past the last bar;
    /// `first`, the key in force that goes to the first bar.
    pub fn every_date_shown(first: &str) -> String {
        let start = "Every date is shown, as after the last bar: ← steps back one bar at a time";
        if first.is_empty() {
            format!("{start}.")
        } else {
            format!("{start}, {first} goes to the first.")
        }
    }
    /// `←` on the first bar.
    pub const NOTHING_EARLIER: &str = "Nothing is earlier: this is the first bar.";
    /// `←` with a date in force before every bar (`date`), so no bar is selected.
    pub fn before_every_bar(date: &str) -> String {
        format!("Nothing is earlier: {date} is before the first bar; → goes to it.")
    }
    /// `Delete` with no date in force.
    pub const EVERY_DATE_ALREADY: &str = "Every date is shown already: no date is in force.";
    /// Before a bar is selected.
    pub const HOW: &str = "← → move along the bars; the date in force follows.";
    pub const BACK: &str = "the bar before: its last day becomes the date in force";
    pub const ON: &str = "the bar after: its last day becomes the date in force";
    pub const FIRST: &str = "the first bar";
    pub const LAST: &str = "the last bar";
    pub const SCOPE: &str = "every topic, or the selected one again";
    pub const TOPIC_UP: &str = "the topic above: its timeline, selected in the list";
    pub const TOPIC_DOWN: &str = "the topic below: its timeline, selected in the list";
    pub const CLEAR: &str = "no date: show what was said at any time";
    pub const KEEP: &str = "keep the date and close";
    pub const CANCEL: &str = "back to the date, topic and row of before, and close";
    pub const FOOTER_BACK: &str = "earlier";
    pub const FOOTER_ON: &str = "later";
    pub const FOOTER_SCOPE: &str = "topic/all";
    pub const FOOTER_CLEAR: &str = "all dates";
    pub const FOOTER_KEEP: &str = "keep";
    pub const FOOTER_CANCEL: &str = "cancel";

    /// What the selected bar holds.
    pub fn selected(
        when: &str,
        left: &str,
        l: usize,
        right: &str,
        r: usize,
        assessed: usize,
    ) -> String {
        let mut s = format!("{when}: {left} {l}, {right} {r}");
        if assessed > 0 {
            s.push_str(&format!(" · ⚑ {assessed} assessed"));
        }
        s
    }

    /// Under the chart, when every claim and assessment charted has a place on the axis.
    pub const EVERY_CLAIM_DATED: &str = "Every claim here is dated and on the axis.";

    /// The claims with no place on the axis, and the assessments (`assessed`, left and right)
    /// whose sources carry no date after each side's count, by the legend's mark (`India 0 ⚑15`),
    /// so the line fits 80 columns.
    pub fn undated(left: &str, l: usize, right: &str, r: usize, assessed: [usize; 2]) -> String {
        match assessed {
            [0, 0] => format!("Undated, not on the axis: {left} {l}, {right} {r}"),
            [al, ar] => format!("Undated, not on the axis: {left} {l} ⚑{al}, {right} {r} ⚑{ar}"),
        }
    }

    /// Claims (and assessments) dated over a century from the rest, kept off the axis (see
    /// [`crate::timeline::Timeline::far`]).
    pub fn far(left: &str, l: usize, right: &str, r: usize, assessed: [usize; 2]) -> String {
        // Short, so the counts and the question fit beside a chart at 80 columns; the README
        // says how far is far off (FAR_YEARS).
        let counts = match assessed {
            [0, 0] => format!("{left} {l}, {right} {r}"),
            [al, ar] => format!("{left} {l} ⚑{al}, {right} {r} ⚑{ar}"),
        };
        format!("Far off the axis (a mistyped year?): {counts}")
    }
}

/// The words of copying and opening a claim.
pub mod take {
    /// Nothing selected to copy or open.
    pub const NO_CLAIM: &str = "No claim is selected here.";
    /// `E` with files given, but not a workspace that can be edited.
    pub const NO_FILES: &str =
        "this claim's file is not known: open the dispute's folder to edit it";
    /// `o` on a claim without an address.
    pub const NO_URL: &str = "This claim cites no source with an address to open.";

    /// After `y`. Sent, not "copied": the terminal takes it (OSC 52) or drops it, and does not
    /// say which.
    pub fn copied(label: &str) -> String {
        format!("Sent {label}'s text with its attribution to the clipboard, through the terminal.")
    }

    /// After `Y` (see [`copied`]).
    pub fn copied_id(id: &str) -> String {
        format!("Sent the id {id} to the clipboard, through the terminal.")
    }

    /// After `o`.
    pub fn opening(url: &str) -> String {
        format!("Opening {url}")
    }

    /// `o` on an address that is not http(s).
    pub fn not_web(url: &str) -> String {
        format!("Not opened: {url} is not an http(s) address.")
    }
}

/// The search's words.
pub mod search {
    /// Narrowing turned on with nothing typed yet: it waits for a search, said so (it came
    /// on silently, and the next search was narrowed unawares).
    pub const NARROW_WAITS: &str =
        "Narrowing on: once you type, only the rows with a hit stay; the same key turns it off.";
    /// Narrowing turned off with nothing typed.
    pub const NARROW_OFF: &str = "Narrowing off: a search will mark its hits among every row.";
    /// The search panel's title.
    pub const TITLE: &str = "Search";
    /// The prompt before the typed text.
    pub const PROMPT: &str = "/ ";
    /// Shown in the list before anything is typed.
    pub const START: &str = "Type to search claims, speakers, tags, sources, topics and questions.";
    /// The syntax, in one line.
    pub const SYNTAX: &str = "Words match from their start, a typo forgiven (negot, goverment); spaces separate terms that must all match.";
    /// The marks, in one line.
    pub const MARKS: &str =
        "\"a phrase\"  'exact  ^start  end$  !not  ·  Capitals match case exactly.";
    /// After "no claim matches" with filters in force.
    pub const WITH_FILTERS: &str = "Only claims the filters keep are searched.";
    /// After "no claim matches" in a dispute of more sides than the two compared (`sides` in
    /// all): `key`, the key in force that picks the parties, pressed once `Esc` has left the
    /// line (in the line it would type).
    pub fn other_sides(left: &str, right: &str, sides: usize, key: &str) -> String {
        let pick = if key.is_empty() {
            String::new()
        } else {
            format!(" Press Esc, then {key}, to compare another (the search stays).")
        };
        format!("Only the claims of {left} and {right} are searched, of {sides} sides.{pick}")
    }
    /// The message for n, N or & without a search; `key`, the key in force that searches.
    pub fn no_search(key: &str) -> String {
        if key.is_empty() {
            "No search is in force.".to_owned()
        } else {
            format!("No search: press {key} to search.")
        }
    }
    /// Beside the count while the worker ranks.
    pub const RANKING: &str = "in reading order, ranking…";
    /// Beside the count once ranked.
    pub const RANKED: &str = "best first";
    /// After the list's place while a long ranking's parts come (`3/200 so far`).
    pub const SO_FAR: &str = "so far";

    /// Beside the count while many hits are ranked a part at a time: the list shows the best
    /// of those scored so far.
    pub fn ranking_part(done: usize, of: usize) -> String {
        let percent = done.saturating_mul(100) / of.max(1);
        format!("ranking, {percent}% scored: best so far")
    }
    /// While the hits of the text as typed are being found (the list shows the last ones).
    pub const SEARCHING: &str = "searching…";
    /// In the footer while the search index is built behind the first screen.
    pub const INDEXING: &str = "indexing for search…";
    /// The narrowing mark, in the header and the panel.
    pub const NARROWED: &str = "(narrowed)";

    /// The message when nothing matches, or, for a line of bare operators (`^`, `!`), that
    /// it holds nothing to search for (as `parallax search` says).
    pub fn no_hit(query: &str) -> String {
        // A pasted page is shown by its start and its length (see `text::quote`).
        let shown = crate::text::inline(&crate::text::quote(query));
        if crate::query::pattern::parse(query).is_empty() {
            format!("“{shown}” holds no term to search for")
        } else if crate::query::pattern::has_or_bar(query) {
            // fzf's OR, which this search has not: said, as `parallax search` says it.
            format!(
                "no claim matches “{shown}”: `|` (fzf's OR) is not supported; every term must match"
            )
        } else if query.contains('|') {
            // `taxes|jobs`: a bar inside a term is text, not fzf's OR.
            format!(
                "no claim matches “{shown}”: a `|` is searched as text (fzf's OR is not supported); every term must match"
            )
        } else {
            format!("no claim matches “{shown}”")
        }
    }

    /// How many claims a search found, for the panel and the header. The total comes first, as
    /// the footer's `hit 3/40` counts it; then, when some were found only through their topic's
    /// titles or their point's question, how many by their own fields:
    /// `40 claims: 28 by their own fields (3 only through a typo), 12 only through a topic`.
    /// When that is wider than `width`, the same counts in short:
    /// `40 claims: 28 own (3 typo), 12 via topic`.
    pub fn found(c: &crate::query::Counts, width: usize) -> String {
        let long = found_as(
            c,
            [
                " by their own fields",
                " only through a typo",
                " only through a topic",
            ],
        );
        if crate::text::width(&long) <= width {
            return long;
        }
        found_as(c, [" own", " typo", " via topic"])
    }

    /// [`found`] in the words given: after the claims by their own fields, after those only
    /// through a typo, after those only through a topic.
    fn found_as(c: &crate::query::Counts, [own, typo, topic]: [&str; 3]) -> String {
        let total = c.claims + c.topic_only;
        let mut s = if total == 1 {
            "1 claim".to_owned()
        } else {
            format!("{total} claims")
        };
        let typos = if c.typo_only > 0 {
            format!(" ({}{typo})", c.typo_only)
        } else {
            String::new()
        };
        if c.topic_only > 0 {
            s.push_str(&format!(
                ": {}{own}{typos}, {}{topic}",
                c.claims, c.topic_only
            ));
        } else {
            s.push_str(&typos);
        }
        s
    }

    /// A hit's place: the row's number as the comparison shows it, the claim's label in the
    /// row (`L2`, as the pane marks it), and the claim's speaker.
    pub fn row_and_speaker(row: usize, label: Option<&str>, speaker: Option<&str>) -> String {
        let place = match label {
            Some(label) => format!("row {} {label}", row + 1),
            None => format!("row {}", row + 1),
        };
        match speaker {
            Some(who) => format!("{place} · {who}"),
            None => place,
        }
    }

    /// A topic-level hit: its field and how many claims it stands for.
    pub fn topic_level(field: &str, claims: usize) -> String {
        let n = if claims == 1 {
            "1 claim".to_owned()
        } else {
            format!("{claims} claims")
        };
        format!("{field} · {n}")
    }

    /// The header's search line.
    pub fn header(
        query: &str,
        counts: &crate::query::Counts,
        narrowed: bool,
        width: usize,
    ) -> String {
        // Shown as the search line shows it: a pasted control or hidden character as a marker.
        let query = &crate::text::inline(query);
        let start = crate::text::width(&header_with(query, narrowed, ""));
        let line = header_with(query, narrowed, &found(counts, width.saturating_sub(start)));
        if crate::text::width(&line) <= width {
            return line;
        }
        cut_query(query, narrowed, &found(counts, 0), width)
    }

    /// [`header_with`] in `width` columns: a query too long for them is cut with `…`, never the
    /// narrowing mark or `rest` (the count).
    fn cut_query(query: &str, narrowed: bool, rest: &str, width: usize) -> String {
        let room = width.saturating_sub(crate::text::width(&header_with("", narrowed, rest)));
        let query = crate::text::ellipsis(query, room.max(1));
        header_with(query.trim_end(), narrowed, rest)
    }

    /// The header's search line: the query, the narrowing mark right after it (a narrow header
    /// cuts what follows, never the mark that says why the topic list is shorter), then `rest`.
    fn header_with(query: &str, narrowed: bool, rest: &str) -> String {
        let mark = if narrowed {
            format!(" {NARROWED}")
        } else {
            String::new()
        };
        format!("search: {query}{mark} · {rest}")
    }

    /// The header's search line while the text as typed is being searched.
    pub fn header_searching(query: &str, narrowed: bool, width: usize) -> String {
        let query = &crate::text::inline(query);
        let line = header_with(query, narrowed, SEARCHING);
        if crate::text::width(&line) <= width {
            return line;
        }
        cut_query(query, narrowed, SEARCHING, width)
    }

    /// The footer's place among the claims found (each claim once, as the header counts them).
    pub fn position(current: Option<usize>, hits: usize) -> String {
        match current {
            Some(i) => format!("hit {}/{hits}", i + 1),
            None => found_claims(hits),
        }
    }

    /// `12 claims found`, for the footer before stepping.
    fn found_claims(n: usize) -> String {
        if n == 1 {
            "1 claim found".to_owned()
        } else {
            format!("{n} claims found")
        }
    }

    /// A field other than the claim's text, before its snippet.
    pub fn field(name: &str) -> String {
        format!("{name}: ")
    }
}

/// The line the header shows for the two parties.
pub fn legend(left: &str, right: &str) -> [String; 3] {
    [
        format!("■ {left} ({LEFT})"),
        " ⟷ ".to_owned(),
        format!("■ {right} ({RIGHT})"),
    ]
}

/// The header's counts in `width` columns: in full; else with `left` and `right` for the
/// parties' names; else short, the common-ground count first, so a narrow screen keeps it.
pub fn counts(c: &crate::compare::Counts, left: &str, right: &str, width: usize) -> String {
    let topics = if c.topics == 1 { "topic" } else { "topics" };
    let suggested = if c.suggested > 0 {
        format!("{} suggested, ", c.suggested)
    } else {
        String::new()
    };
    let full = |left: &str, right: &str| {
        let mut s = format!(
            "{} {topics} · claims {} ⟷ {} · rows: {} both, {suggested}{} {left} only, {} {right} only",
            c.topics, c.left_claims, c.right_claims, c.both, c.left_only, c.right_only
        );
        if c.common > 0 {
            s.push_str(&format!(", {} {COMMON_MARK} common ground", c.common));
        }
        s
    };
    let named = full(left, right);
    if crate::text::width(&named) <= width {
        return named;
    }
    let plain = full(LEFT, RIGHT);
    if crate::text::width(&plain) <= width {
        return plain;
    }
    // `common`: how the common ground is counted, before the rest.
    let short = |common: String, suggested: &str, one_side: &str, with_topics: bool| {
        let common = if c.common > 0 { common } else { String::new() };
        let suggested = if c.suggested > 0 {
            format!(", {} {suggested}", c.suggested)
        } else {
            String::new()
        };
        let topics = if with_topics {
            format!("{} {topics} · ", c.topics)
        } else {
            String::new()
        };
        format!(
            "{common}{topics}claims {} ⟷ {} · rows {} both{suggested}, {} ⟷ {} {one_side}",
            c.left_claims, c.right_claims, c.both, c.left_only, c.right_only
        )
    };
    let shorter = short(
        format!("{} {COMMON_MARK} common · ", c.common),
        "suggested",
        "one side only",
        true,
    );
    if crate::text::width(&shorter) <= width {
        return shorter;
    }
    // Shorter still: common ground and suggested rows by their marks (`≡1`, as the topic list
    // counts it; `≈`, as suggested rows' headings show it).
    let marks = |with_topics| {
        short(
            format!("{COMMON_MARK}{} · ", c.common),
            SUGGESTED_MARK,
            "one-sided",
            with_topics,
        )
    };
    let shortest = marks(true);
    if crate::text::width(&shortest) <= width {
        return shortest;
    }
    // Then without the number of topics, which the topic list's title gives (`Topics 2/137`).
    let last = marks(false);
    if crate::text::width(&last) <= width {
        return last;
    }
    // Last, whole counts only: cut after the last `·` or `,` that leaves room for `…`, never
    // inside a number (`13 ⟷ 1…` read as a count of 1).
    let fits = |end: usize| crate::text::width(last.get(..end).unwrap_or_default()) + 2 <= width;
    let cut = last
        .rmatch_indices([',', '·'])
        .map(|(i, _)| i)
        .find(|&i| fits(i));
    match cut {
        Some(i) => format!("{} …", last.get(..i).unwrap_or_default().trim_end()),
        None => crate::text::ellipsis(&last, width),
    }
}

/// The header's counts in `width` columns while the party filter hides every claim of one
/// compared party (`hidden`): what is shown stands on one side, so rows are not said to be
/// answered by it alone (`47 Pakistan only` read as 47 rows India left unanswered).
pub fn counts_one_party(c: &crate::compare::Counts, hidden: &str, width: usize) -> String {
    let topics = if c.topics == 1 { "topic" } else { "topics" };
    let rows = c.both + c.left_only + c.right_only + c.suggested;
    let full = format!(
        "{} {topics} · claims {} ⟷ {} · rows {rows} ({hidden} hidden by the party filter)",
        c.topics, c.left_claims, c.right_claims
    );
    if crate::text::width(&full) <= width {
        return full;
    }
    let short = format!(
        "claims {} ⟷ {} · rows {rows} ({hidden} hidden)",
        c.left_claims, c.right_claims
    );
    if crate::text::width(&short) <= width {
        return short;
    }
    crate::text::ellipsis(&short, width)
}

/// The mark of a suggested row, in its heading and the header's shortest count.
pub const SUGGESTED_MARK: &str = "≈";

/// The mark of a common-ground row (where the two sides agree), in its heading, the header's
/// count and the topic list.
pub const COMMON_MARK: &str = "≡";

/// The header's line of active filters.
pub fn filters(filters: &[String], width: usize) -> String {
    // ` · ` between filters, as `show` writes them: a comma is between one filter's values
    // (`tag: economy, voting-record · rating: refuted`).
    let whole = format!("{FILTERS}: {}", filters.join(" · "));
    if crate::text::width(&whole) <= width || filters.is_empty() {
        return whole;
    }
    // Too wide: each filter gets a fair share of the line, the short ones whole and the long
    // ones cut with `…`, so every filter in force shows (a long list of sources hid the date
    // that emptied the screen).
    let fixed = crate::text::width(&format!("{FILTERS}: ")) + 3 * (filters.len() - 1);
    let mut room = width.saturating_sub(fixed);
    let mut widths: Vec<(usize, usize)> = filters
        .iter()
        .enumerate()
        .map(|(i, f)| (crate::text::width(f), i))
        .collect();
    widths.sort_unstable();
    let mut share = vec![0; filters.len()];
    for (k, &(w, i)) in widths.iter().enumerate() {
        let fair = room / (widths.len() - k);
        let given = w.min(fair);
        if let Some(s) = share.get_mut(i) {
            *s = given;
        }
        room -= given;
    }
    let cut: Vec<String> = filters
        .iter()
        .zip(share)
        .map(|(f, w)| crate::text::ellipsis(f, w.max(1)).trim_end().to_owned())
        .collect();
    format!("{FILTERS}: {}", cut.join(" · "))
}

/// The screen shown when the terminal is below the minimum size, with the way out that works
/// whatever is open (Ctrl-C always quits; `q` would type in a search line).
pub fn too_small(
    width: u16,
    height: u16,
    min_width: u16,
    min_height: u16,
    quit: Option<&str>,
) -> String {
    let keys = quit.map_or_else(|| "Ctrl-C".to_owned(), |q| format!("{q} or Ctrl-C"));
    format!(
        "The terminal is {width}×{height}. parallax needs at least {min_width}×{min_height}: enlarge the window, or press {keys} to quit."
    )
}

/// [`too_small`] for a window too small to hold it (20×5): what is needed and how to quit.
pub fn too_small_short(min_width: u16, min_height: u16, quit: Option<&str>) -> String {
    let key = quit.unwrap_or("Ctrl-C");
    format!("Needs {min_width}×{min_height}: enlarge, or {key} to quit.")
}

/// A side's own framing of a topic, above its pane.
pub fn framing(party: &str, title: Option<&str>) -> String {
    match title {
        Some(t) => format!("{party}: “{t}”"),
        None => format!("{party}: does not address this topic"),
    }
}

/// The position shown in the footer.
pub fn position(row: usize, rows: usize) -> String {
    format!("row {}/{rows}", row + 1)
}

/// The message when a rebutted claim is not in the two sides compared; `pick`, the key in force
/// that chooses the parties.
pub fn not_compared(target: &str, pick: &str) -> String {
    // Said what the id is first: a message starting with a bare id read as garbled.
    if pick.is_empty() {
        format!("The linked claim `{target}` is on a side that is not compared.")
    } else {
        format!(
            "The linked claim `{target}` is on a side that is not compared; press {pick} to choose the parties."
        )
    }
}

/// The footer's first message when the files load with warnings.
pub fn opened_with_warnings(n: usize, paths: &[std::path::PathBuf]) -> String {
    format!(
        "The files have {n} warning(s): `{}` lists them.",
        crate::load::validate_command(paths)
    )
}

/// Said on opening side files named one by one beside a manifest, which such a read leaves
/// out (see `commands::open`).
pub fn manifest_not_read(folder: &std::path::Path) -> String {
    let shown = crate::export::shown_path(folder);
    format!(
        "{} is not read when side files are named one by one, so its titles and questions are \
         missing here: `parallax {}` opens the folder with it.",
        crate::export::shown_path(&folder.join(crate::load::MANIFEST)),
        crate::text::shell_path(&shown)
    )
}

/// The message when a linked claim is on a compared side but said after the date in force.
pub fn hidden_by_date(target: &str, date: &str, key: &str) -> String {
    let said = format!("{target} was said after {date}, the date in force");
    press(said, key, "to change the date")
}

/// `said`, then which key in force does what, when there is one (an action given `[]` in the
/// config file has none to name).
fn press(said: String, key: &str, what: &str) -> String {
    if key.is_empty() {
        format!("{said}.")
    } else {
        format!("{said}; press {key} {what}.")
    }
}

/// The message when a narrowed search leaves a linked claim out.
pub fn hidden_by_search(target: &str, key: &str) -> String {
    press(
        format!("{target} is hidden by the narrowed search"),
        key,
        "to show every row",
    )
}

/// Why a link cannot be followed, with how many `more` cannot either.
pub fn and_more_unfollowable(why: String, more: usize) -> String {
    match more {
        0 => why,
        1 => format!("{why} 1 other link cannot be followed either."),
        n => format!("{why} {n} other links cannot be followed either."),
    }
}

/// The message when the filters leave a linked claim out.
pub fn hidden_by_filters(target: &str, key: &str) -> String {
    press(
        format!("{target} is hidden by the filters"),
        key,
        "to change them",
    )
}

/// The footer while an accept, a dismissal or an undo writes the files.
pub const WRITING: &str = "Writing the files…";

/// Keys pressed while the files were written, and not acted on.
pub fn typed_while_writing(keys: usize) -> String {
    match keys {
        1 => "A key pressed while writing was ignored.".to_owned(),
        n => format!("{n} keys pressed while writing were ignored."),
    }
}

/// The message when a rebutted claim is not loaded at all.
pub fn not_loaded(target: &str) -> String {
    format!("{target} is not in the loaded files.")
}

/// The heading of one claim in the detail view.
pub fn claim_heading(party: &str, id: &str, label: &str) -> String {
    format!("{party} · {id} ({label})")
}

/// The line listing the code points a claim held that were replaced by markers.
pub fn flagged(points: &[String]) -> String {
    format!(
        "⚠ held hidden or control characters, shown as markers: {}",
        points.join(", ")
    )
}

/// Field labels of the detail view.
pub mod field {
    pub const SPEAKER: &str = "speaker";
    pub const DATE: &str = "date";
    pub const TAGS: &str = "tags";
    pub const ASSESSMENT: &str = "assessment";
    pub const ASSESSMENT_SOURCES: &str = "assessment sources";
    pub const REBUTS: &str = "rebuts";
    pub const TOPIC: &str = "topic";
    pub const TITLE: &str = "title";
    pub const AUTHOR: &str = "author";
    pub const KIND: &str = "kind";
    pub const AFFILIATION: &str = "affiliation";
    pub const RELIABILITY: &str = "reliability";
    pub const URL: &str = "url";
    pub const QUOTE: &str = "quote";
    pub const LOCATOR: &str = "locator";
}

/// The help's heading above the keys that do nothing where it was opened, yet.
pub const HELP_LATER: &str = "Keys that do nothing here yet:";

/// The help's heading above the keys of what is beneath it.
pub fn help_heading(title: &str) -> String {
    format!("Keys in {title}:")
}

/// The help's first line when it is scrolled down: the lines above it; `keys` are those that
/// scroll up, as in force (`↑, k or PgUp`).
pub fn help_above(lines: usize, keys: &[String]) -> String {
    match or_list(keys) {
        keys if keys.is_empty() => format!("↑ {lines} more lines"),
        keys => format!("↑ {lines} more lines: {keys} to scroll back"),
    }
}

/// Keys as a sentence names them: `↓, j or PgDn`.
fn or_list(keys: &[String]) -> String {
    match keys {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// A scrolled view's bottom border: how many lines it hides above and below.
pub fn hidden_lines(above: usize, below: usize) -> Option<String> {
    let lines = |n: usize| if n == 1 { "line" } else { "lines" };
    match (above, below) {
        (0, 0) => None,
        (0, b) => Some(format!(" ↓ {b} more {} ", lines(b))),
        (a, 0) => Some(format!(" ↑ {a} {} above ", lines(a))),
        (a, b) => Some(format!(" ↑ {a} above · ↓ {b} below ")),
    }
}

/// The help's last line when more is below; `keys` are those that scroll down, as in force
/// (`j, ↓ or PgDn`).
pub fn help_more(lines: usize, keys: &[String]) -> String {
    match or_list(keys) {
        keys if keys.is_empty() => format!("↓ {lines} more lines"),
        keys => format!("↓ {lines} more lines: {keys} to scroll"),
    }
}

/// A paste with no text field to take it; the place quoted, as a key that does nothing names
/// it.
pub fn paste_nowhere(place: &str, search: &str) -> String {
    if search.is_empty() {
        format!("Nothing takes text in “{place}”, so the paste was left out.")
    } else {
        format!(
            "Nothing takes text in “{place}”, so the paste was left out; {search} opens the search line."
        )
    }
}

pub fn unbound(key: char, place: &str, help: &str) -> String {
    let key = if key == ' ' {
        "Space".to_owned()
    } else {
        key.to_string()
    };
    unbound_named(&key, place, help)
}

/// A key, by name, with no meaning where it was pressed; `help` is the key that lists the keys
/// there, as in force (none where nothing lists them).
pub fn unbound_named(key: &str, place: &str, help: &str) -> String {
    // The place is quoted, as the help heads its keys, so a name of several words (the link
    // chooser's "Follow which link?") reads as a name mid-sentence, and every place alike.
    let place = format!("“{place}”");
    if help.is_empty() || help == key {
        format!("{key} does nothing in {place}.")
    } else {
        format!("{key} does nothing in {place}; {help} lists the keys that work here.")
    }
}

/// A click in a dialog that takes keys only; `help` is the key that lists its keys, as in force.
pub fn click_nothing(place: &str, help: &str) -> String {
    let place = format!("“{place}”");
    if help.is_empty() {
        format!("A click does nothing in {place}: it takes keys only.")
    } else {
        format!("A click does nothing in {place}: it takes keys only; {help} lists them.")
    }
}

/// The footer when the opener could not be started: the reason first, so a narrow screen
/// shows it, and the address is on the clipboard instead.
pub fn open_failed(why: &str) -> String {
    format!("No browser opened ({why}); the address is sent to the clipboard instead.")
}

/// The help overlay's notes below the key table: what the mouse does (`mouse`: whether the
/// screen takes it), the marks, and `close`, the keys in force that close it.
pub fn help_notes(mouse: bool, close: &[String]) -> Vec<String> {
    let pointer = if mouse {
        [
            "Mouse: the wheel scrolls the pane under it (the topic list, the comparison, a row in full, this help); a click selects a topic or a row. Other dialogs take keys only.",
            "Start with --no-mouse to keep the terminal's own text selection.",
        ]
    } else {
        [
            "Mouse: off (--no-mouse), so the terminal's own text selection and copying work.",
            "Without --no-mouse, the wheel scrolls the pane under it and a click selects.",
        ]
    };
    let mut notes: Vec<String> = [""]
        .into_iter()
        .chain(pointer)
        .chain([
            "* one side: only one of the two sides addresses the topic.",
            "⚑ an assessment (disputed, refuted, …); ↳ a relation (contradicts, concedes, …).",
            "↲ a claim of another row that relates to this one (in a row in full).",
            "≡ common ground, a row where the two sides agree; ≈ a suggested match nobody linked.",
            "⌛ as of a date: superseded, undated, or assessed later than the date.",
        ])
        .map(str::to_owned)
        .collect();
    if !close.is_empty() {
        notes.push(format!("{} closes this help.", or_list(close)));
    }
    notes
}

/// The filter panel's words.
pub mod filters {
    /// The panel's title.
    pub const TITLE: &str = "Filters";
    /// Section names.
    pub const PARTY: &str = "Party";
    /// See [`PARTY`].
    pub const TOPIC: &str = "Topic";
    /// See [`PARTY`].
    pub const OUTLET: &str = "Source";
    /// See [`PARTY`].
    pub const KIND: &str = "Kind";
    /// See [`PARTY`].
    pub const AFFILIATION: &str = "Affiliation";
    /// See [`PARTY`].
    pub const TAG: &str = "Tag";
    pub const SPEAKER: &str = "Speaker";
    /// See [`PARTY`].
    pub const RATING: &str = "Assessment";
    /// See [`PARTY`].
    pub const RELATION: &str = "Relation";
    /// See [`PARTY`].
    pub const DATES: &str = "Dates";
    /// See [`PARTY`].
    pub const ROWS: &str = "Rows";
    /// See [`PARTY`].
    pub const COMMON: &str = "Common ground";
    /// See [`PARTY`].
    pub const CLAIMS: &str = "Claims";
    /// A section with nothing chosen.
    pub const ANY: &str = "any";
    /// The rating choice for claims without an assessment.
    pub const NO_ASSESSMENT: &str = "no assessment";
    /// The date fields.
    pub const SINCE: &str = "since";
    /// See [`SINCE`].
    pub const UNTIL: &str = "until";
    /// How to type a date.
    pub const DATE_HINT: &str = "YYYY, YYYY-MM or YYYY-MM-DD; empty for no limit.";
    /// Under the date fields when no claim compared has a date.
    pub const UNDATED: &str = "No claim of these two sides has a date: a date range keeps none.";
    /// Under the date fields: the span of the claims' dates.
    pub fn dated(first: &str, last: &str) -> String {
        format!("Claims are dated {first} to {last}.")
    }
    /// The row choices.
    pub const ALL_ROWS: &str = "all rows";
    /// See [`ALL_ROWS`].
    pub const BOTH_SIDES: &str = "answered by both sides";
    /// See [`ALL_ROWS`].
    pub const ONE_SIDE: &str = "answered by one side only";
    /// The common-ground choices (after [`ALL_ROWS`]).
    pub const COMMON_ONLY: &str = "only common ground: rows where the sides agree";
    /// See [`COMMON_ONLY`].
    pub const COMMON_HIDDEN: &str = "hide common ground";
    /// The claim choices.
    pub const UNSOURCED: &str = "unsourced: cite no source";
    /// See [`UNSOURCED`].
    pub const UNTRUSTED: &str = "untrusted text: held hidden or control characters";
    /// See [`UNSOURCED`].
    pub const WEAK_SOURCES: &str = "only low or partisan sources: nothing better backs them";
    /// Above a list, before anything is typed.
    pub const FIND_HINT: &str = "/ or a letter finds a choice; the number: claims it keeps";
    /// [`FIND_HINT`] where it would be cut (the panel at 80 columns).
    pub const FIND_HINT_SHORT: &str = "typing finds · number: claims kept";
    /// Above a list, with what is typed.
    pub const FIND: &str = "find";
    /// A section with no choice in this dispute.
    pub const NOTHING_TO_CHOOSE: &str = "nothing to choose in this dispute";
    /// In place of a list (and of the dates' span) while a large comparison's choices are
    /// listed and counted behind the open panel.
    pub const LISTING: &str = "listing and counting the choices…";
    /// A search for a choice that finds none.
    /// What the list says when the find keeps no choice: the text quoted, so a space typed
    /// at its end (to tick a choice, say) is seen.
    pub fn no_choice_found(find: &str) -> String {
        format!("no choice holds “{}”", crate::text::clean(find).text)
    }
    /// The topic list and comparison when a narrowed search alone leaves nothing: the way back
    /// to every row, and to another search.
    pub fn no_search_match(narrow_key: &str, search_key: &str) -> String {
        match (narrow_key, search_key) {
            ("", "") => "No claim matches the search.".to_owned(),
            (narrow, "") => {
                format!("No claim matches the search. Press {narrow} to show every row again.")
            }
            ("", search) => format!("No claim matches the search. Press {search} to search again."),
            (narrow, search) => format!(
                "No claim matches the search. Press {narrow} to show every row again, or \
                 {search} to search again."
            ),
        }
    }
    /// [`no_search_match`] while the search line is open, where `&` and `/` type into it.
    pub fn no_search_match_typing(narrow_key: &str) -> String {
        match narrow_key {
            "" => "No claim matches the search: change it.".to_owned(),
            narrow => format!(
                "No claim matches the search. Press {narrow} to show every row again, or change \
                 the search."
            ),
        }
    }
    /// The footer after the clear key.
    pub const CLEARED: &str = "Filters cleared: every claim is shown.";
    /// The footer after the clear key while a narrowed search still keeps only its hits, with
    /// the key that shows every row again (none when unbound).
    pub fn cleared_narrowed(narrow_key: &str) -> String {
        match narrow_key {
            "" => "Filters cleared; the search still keeps only the rows with a hit.".to_owned(),
            key => format!(
                "Filters cleared; the search still keeps only the rows with a hit ({key} shows \
                 every row)."
            ),
        }
    }
    /// The footer after the clear key with no filter in force.
    pub const NOTHING_TO_CLEAR: &str = "No filter is in force.";

    /// A party in a list: its name and id.
    pub fn party(name: &str, id: &str) -> String {
        format!("{name} ({id})")
    }

    /// How many claims the filters (and search) leave.
    pub fn remaining(shown: usize, total: usize, topics: usize) -> String {
        let t = if topics == 1 { "topic" } else { "topics" };
        format!("{shown} of {total} claims remain, in {topics} {t}")
    }

    /// The count above (of the choices before) while the last choice is being applied.
    pub fn remaining_coming(remaining: &str) -> String {
        format!("{remaining} · counting…")
    }

    /// A letter typed in a section of fixed choices (rows, common ground), where nothing is
    /// found by typing.
    pub const NO_FINDING_HERE: &str =
        "Typing finds a choice in the lists only; here ↑ ↓ move and Space chooses.";
    /// Select-all in a section that takes one choice.
    pub const ONE_CHOICE: &str = "This section takes one choice: Space chooses it.";
    /// Select-all among the typed dates.
    pub const DATES_TYPED: &str = "The dates are typed here: YYYY, YYYY-MM or YYYY-MM-DD.";
    /// A typed date that is not one.
    pub fn bad_date(field: &str, text: &str, why: &crate::format::DateError) -> String {
        // A text not shaped as a date is told the shapes already (`is not written as YYYY…`).
        if why.says_how_written() {
            format!("{field}: “{text}” {why}; not applied.")
        } else {
            format!("{field}: “{text}” {why} (type YYYY, YYYY-MM or YYYY-MM-DD); not applied.")
        }
    }

    /// A range that ends before it starts: the date being typed (`kept_since`: the until) is
    /// the one not applied.
    pub fn since_after_until(since: &str, until: &str, kept_since: bool) -> String {
        let (dropped, date) = if kept_since {
            (UNTIL, until)
        } else {
            (SINCE, since)
        };
        format!(
            "since {since} comes after until {until}: nothing could match; {dropped} {date} not \
             applied."
        )
    }

    /// A `since` date after the date in force (`t`).
    pub fn since_after_as_of(since: &str, as_of: &str) -> String {
        format!(
            "since {since} comes after the date in force, {as_of}: nothing said by then could match; since not applied."
        )
    }

    /// The topic list and comparison when the party filter keeps neither compared party
    /// (kept after `p` chose another pair): `kept` the parties it keeps.
    pub fn no_party_compared(kept: &str, left: &str, right: &str, clear_key: &str) -> String {
        let said = format!(
            "No claim matches the filters: the party filter keeps {kept}, and this comparison is \
             {left} ⟷ {right}."
        );
        if clear_key.is_empty() {
            said
        } else {
            format!("{said} Press {clear_key} to clear the filters.")
        }
    }

    /// The topic list and comparison when nothing is left.
    pub fn no_match(clear_key: &str) -> String {
        if clear_key.is_empty() {
            "No claim matches the filters.".to_owned()
        } else {
            format!("No claim matches the filters. Press {clear_key} to clear them.")
        }
    }
}
