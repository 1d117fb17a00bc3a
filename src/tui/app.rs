//! The shared state of the terminal UI: the dispute, the comparison on screen, the query session,
//! the theme, what is selected and where the comparison is scrolled, and the open modals (a short
//! stack: the top one takes the keys). It knows nothing of a real terminal; `update` changes it
//! and the views draw it. Row heights are computed lazily, for the rows scrolling touches, and cached per topic and
//! pane width, so nothing here costs more with 100,000 claims than with 100.

use super::layout::{self as regions, Regions, TOPIC_LINES, pane_widths};
use super::session::Shared;
use super::state::Modal;
use super::state::detail::{Detail, Held};
use super::state::search::Search;
use super::theme::Theme;
use crate::compare::{Comparison, Counts, Row, RowKind, TopicRows};
use crate::format::{ClaimAt, Dispute};
use crate::layout::{self, Line};
use crate::query::{self, Query};
use ratatui::layout::Rect;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

/// Which region the keys move in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The topic list on the left.
    Topics,
    /// The two panes of the comparison.
    Comparison,
}

/// Where the comparison is scrolled to: the first row on screen and how many of its lines are
/// above the top edge. Scrolling by rows, not by absolute lines, needs no heights above the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Scroll {
    /// The row at the top of the panes.
    pub row: usize,
    /// Its lines scrolled off above.
    pub line: usize,
}

/// The whole state of the terminal UI.
#[derive(Debug)]
pub struct App {
    /// The dispute, as loaded and cleaned; shared (not copied) with the matcher's worker.
    pub dispute: Arc<Dispute>,
    /// The two sides compared, in full. The screen shows [`App::shown`]: this, or what the
    /// query left of it. Shared with the query worker.
    pub cmp: Arc<Comparison>,
    /// What the analyst asks of the comparison: filters, search, narrowing.
    pub query: Query,
    /// The query pipeline with its memory (the filtered comparison, the last search's hits),
    /// indexed on first use or ahead of it by the loop's worker.
    pub session: Shared,
    /// True while the loop's worker indexes the dispute for search (the footer says so).
    pub indexing: bool,
    /// The number of the latest query asked or run; an answer to an older one is dropped.
    pub query_generation: u64,
    /// A search for the loop to hand to its query worker, left by the search line.
    pub query_job: Option<super::session::Job>,
    /// The query changed in a burst of keys and has not run yet: the loop hands it to its
    /// query worker after the burst (see [`App::requery_later`]).
    pub query_stale: bool,
    /// The number of the query out with the worker, if one is.
    awaiting: Option<u64>,
    /// The last run of [`App::query`]; `None` while nothing is asked.
    pub outcome: Option<query::Results>,
    /// The search in force: its text, the hit stepped to (`n`, `N`), the ranking of its hits.
    pub search: Search,
    /// Counts over the whole comparison, for the header.
    pub counts: Counts,
    /// Counts per topic, for the topic list.
    pub topic_counts: Vec<Counts>,
    /// Per topic: each side's claims by rating, for a point-less topic with an assessed claim
    /// (the rule under the framings); counted with the rest, not per frame.
    pub topic_ratings: Vec<Option<[crate::ratings::Tally; 2]>>,
    /// Filters in force, shown in the header when there are any.
    pub active_filters: Vec<String>,
    /// The filter panel's counts as last tallied, kept for the comparison they counted.
    pub tallied: Option<super::state::filters::Tallied>,
    /// The filter panel's choices for the loop's worker to list and count (left by the panel
    /// opened in a burst of keys with none counted for the screen's comparison).
    pub tally_job: Option<super::state::filters::TallyJob>,
    /// True while the loop's worker lists and counts the filter panel's choices.
    pub tallying: bool,
    /// The palette.
    pub theme: Theme,
    /// The terminal's size in columns and lines.
    pub size: (u16, u16),
    /// Its size before the last resize: what the row in full maps its place from.
    pub last_size: (u16, u16),
    /// The last size the screen could be drawn at, while the terminal is too small for it: the
    /// place is kept as it was there, and found again from it when the terminal grows.
    pub drawable_size: Option<(u16, u16)>,
    /// The place read inside the selected row (its row, top line, height and the widths then)
    /// before a resize to a size where the whole row fitted: a resize back finds it again.
    /// Any other action forgets it.
    pub resize_anchor: Option<(usize, usize, usize, (usize, usize))>,
    /// Where the keys act on the comparison screen.
    pub focus: Focus,
    /// The selected topic.
    pub topic: usize,
    /// The first topic shown in the list.
    pub topic_top: usize,
    /// The selected row of the selected topic.
    pub row: usize,
    /// Where the comparison's two panes are scrolled (always together).
    pub top: Scroll,
    /// The open modals, bottom first; the last takes the keys. Empty: the comparison screen.
    pub modals: Vec<Modal>,
    /// Where `r` followed links from on the comparison screen, most recent last (`b` returns).
    pub back: Vec<Place>,
    /// The topic and claim selected before a query hid that topic (or left nothing on the
    /// screen): where the selection goes back to once one shows them again (`F` after a
    /// filter that hid it), unless the analyst chose a topic meanwhile.
    pub lost_place: Option<(Option<String>, Option<ClaimAt>)>,
    /// The claim a followed link, a search hit or an accept last went to: while it is in the
    /// selected row it is the row's selected claim (what `y`, `Y`, `o` and `E` act on), drawn
    /// in reverse video.
    pub chosen: Option<ClaimAt>,
    /// The claim the selection followed when the comparison was last replaced: while that
    /// claim waits in a row of many (unmatched claims packed side by side, until suggestions
    /// come back), the next replacement looks for it, not for that row's first claim.
    anchor: Option<ClaimAt>,
    /// A one-off message for the footer, cleared by the next key.
    pub message: Option<String>,
    /// The folder a relative export path is in: the current folder (tests point it elsewhere).
    pub export_folder: PathBuf,
    /// Suggested rows: shown or not, the pairs found, the files to write an accepted one to.
    pub suggest: super::suggest::Suggest,
    /// The files on disk the dispute was opened from, for `E` and live reload.
    pub live: super::state::live::Live,
    /// The keys the config file gives actions, in place of the tables' own.
    pub keymap: super::keymap::Keymap,
    /// Whether the screen takes the mouse (not with `--no-mouse`), as help says.
    pub mouse: bool,
    /// The export dialog's last choices, which it opens with again.
    pub last_export: Option<super::state::export::Remembered>,
    heights: HashMap<(usize, usize), Vec<u32>>,
}

/// Lays out one row's two sides at the panes' widths, padded to equal height; `place` is the
/// row's topic and index in `cmp`.
pub fn layout_row(
    dispute: &Dispute,
    cmp: &Comparison,
    row: &Row,
    place: (usize, usize),
    widths: (usize, usize),
) -> (Vec<Line>, Vec<Line>) {
    layout::row_lines(
        dispute,
        cmp,
        row,
        place,
        widths,
        None,
        Some(layout::SCREEN_TEXT_LINES),
    )
}

impl App {
    /// Opens a dispute comparing side `left` with side `right`.
    pub fn new(dispute: Dispute, left: usize, right: usize, theme: Theme) -> App {
        let dispute = Arc::new(dispute);
        let cmp = Comparison::new(&dispute, left, right);
        let mut suggest = super::suggest::Suggest::new(&cmp);
        suggest.ask(&dispute, &cmp);
        let cmp = Arc::new(cmp.packed());
        let mut app = App {
            dispute,
            counts: Counts::default(),
            topic_counts: Vec::new(),
            topic_ratings: Vec::new(),
            cmp,
            query: Query::default(),
            session: Shared::default(),
            indexing: false,
            query_generation: 0,
            query_job: None,
            query_stale: false,
            awaiting: None,
            outcome: None,
            search: Search::default(),
            active_filters: Vec::new(),
            tallied: None,
            tally_job: None,
            tallying: false,
            theme,
            size: (80, 24),
            last_size: (80, 24),
            drawable_size: None,
            resize_anchor: None,
            focus: Focus::Topics,
            topic: 0,
            topic_top: 0,
            row: 0,
            top: Scroll::default(),
            modals: Vec::new(),
            back: Vec::new(),
            lost_place: None,
            chosen: None,
            anchor: None,
            message: None,
            export_folder: PathBuf::from("."),
            heights: HashMap::new(),
            last_export: None,
            suggest,
            live: super::state::live::Live::default(),
            keymap: super::keymap::Keymap::default(),
            mouse: true,
        };
        app.count();
        app
    }

    /// The comparison on screen: what the query left of the full comparison, or all of it.
    pub fn shown(&self) -> &Comparison {
        self.outcome.as_ref().map_or(&self.cmp, |o| &o.comparison)
    }

    /// Runs [`App::query`] over the full comparison and keeps its outcome. When that changes
    /// the comparison on screen, the counts follow and the selection stays on its topic and on
    /// the row holding its claim where they are still shown.
    pub fn requery(&mut self) {
        self.query_stale = false;
        self.query_generation += 1;
        self.query_job = None;
        self.awaiting = None;
        let idle = self.query.filter.is_empty() && self.query.search_text().is_none();
        let outcome = if idle {
            None
        } else {
            Some(self.session.with(&self.dispute, |s| {
                s.run_shared(&self.dispute, &self.cmp, &self.query)
            }))
        };
        self.show_outcome(outcome, None);
    }

    /// As [`App::requery`], but in the loop's burst of keys (`search.fold`) the query is left
    /// for the loop's query worker, so the key that changed it (a date stepped) is drawn at
    /// once and the comparison follows: at a million claims a date takes half a second.
    pub fn requery_later(&mut self) {
        if self.search.fold {
            self.query_stale = true;
        } else {
            self.requery();
        }
    }

    /// Runs now a query left for the worker or out with it, so that an action reading the
    /// comparison reads the one the query makes (the answer, when it comes, is dropped).
    pub fn settle_query(&mut self) {
        if self.query_stale || self.query_pending() {
            self.requery();
        }
    }

    /// Asks the loop's query worker to run [`App::query`] (a search being typed, or a date
    /// stepped), so the key that changed it is drawn at once; [`App::query_ready`] takes the
    /// answer. `typing`: the search line's text is being typed (see `Session::typing`).
    pub fn ask_query(&mut self, typing: bool) {
        self.query_stale = false;
        self.query_generation += 1;
        self.awaiting = Some(self.query_generation);
        self.query_job = Some(super::session::Job {
            generation: self.query_generation,
            session: self.session.clone(),
            dispute: Arc::clone(&self.dispute),
            cmp: Arc::clone(&self.cmp),
            query: self.query.clone(),
            typing,
        });
    }

    /// True when a query is about to run or in force: the search line, the filter panel or the
    /// topic finder (which hands over to the search) is open, or filters or a search are set.
    pub fn wants_index(&self) -> bool {
        self.modals.iter().any(|m| {
            matches!(
                m,
                Modal::Search(_) | Modal::Filters(_) | Modal::FindTopic(_)
            )
        }) || !self.query.filter.is_empty()
            || self.query.search.is_some()
    }

    /// True while the latest query is out with the worker (the loop waits for its answer).
    pub fn query_pending(&self) -> bool {
        self.awaiting.is_some()
    }

    /// The query worker's answer: shown when it answers the latest query (true), else dropped.
    pub fn query_ready(&mut self, answer: super::session::Answer) -> bool {
        let (generation, results, counted) = answer;
        if self.awaiting != Some(generation) {
            return false;
        }
        self.awaiting = None;
        self.show_outcome(Some(results), Some(counted));
        true
    }

    /// Shows a query's outcome (with its counts when they are known already): when that changes
    /// the comparison on screen, the counts follow and the selection stays on its topic and on
    /// the row holding its claim where they are still shown.
    fn show_outcome(
        &mut self,
        outcome: Option<query::Results>,
        counted: Option<super::session::Counted>,
    ) {
        let before = self.outcome.as_ref().map(|o| Arc::as_ptr(&o.comparison));
        let here = self.current_topic().map(|t| {
            (
                Some(t.id.clone()),
                self.current_row().and_then(|r| r.claims().next()),
            )
        });
        // The comparison shown until now and where in it the selection was: a topic the query
        // hides gives way to the nearest one still shown, the next in this order.
        let old = self
            .outcome
            .as_ref()
            .map_or_else(|| Arc::clone(&self.cmp), |o| Arc::clone(&o.comparison));
        let old_topic = self.topic;
        let held = self.take_rows_in_full();
        // Where `b` would go back to, by topic and claim: found again in the new comparison.
        let back = self.back_kept(&Some);
        self.outcome = outcome;
        self.active_filters = self.query.filter.describe();
        let after = self.outcome.as_ref().map(|o| Arc::as_ptr(&o.comparison));
        if before != after {
            match counted {
                Some(counted) => self.take_counts(counted),
                None => self.count(),
            }
            self.heights.clear();
            self.back = self.back_found(back);
            let topics = &self.shown().topics;
            let shown_at = |id: &Option<String>| {
                id.as_ref()
                    .and_then(|id| topics.iter().position(|t| &t.id == id))
            };
            // Where a query hid the analyst's place, once shown again (`F` after a filter that
            // hid the topic); else where the selection is.
            let lost = self
                .lost_place
                .clone()
                .and_then(|lost| Some((shown_at(&lost.0)?, lost.1)));
            let back = lost.is_some();
            let (found, claim) = match lost {
                Some((t, claim)) => (Some(t), claim),
                None => {
                    let (id, claim) = here.clone().unwrap_or((None, None));
                    (shown_at(&id), claim)
                }
            };
            let topic = found.unwrap_or_else(|| nearest_shown(&old.topics, old_topic, topics));
            let n = topics.len();
            if back {
                self.lost_place = None;
            } else if found.is_none() && self.lost_place.is_none() {
                self.lost_place = here;
            }
            let topics = &self.shown().topics;
            let row = claim
                .filter(|_| found.is_some())
                .and_then(|c| {
                    topics
                        .get(topic)?
                        .rows
                        .iter()
                        .position(|r| r.claims().any(|x| x == c))
                })
                .unwrap_or(0);
            let moved = topic != self.topic || row != self.row;
            self.topic = topic;
            self.row = row;
            if moved {
                self.top = Scroll::default();
            }
            self.topic_top = self.topic_top.min(n.saturating_sub(self.topics_visible()));
            self.clamp_top();
            self.ensure_topic_visible();
            self.ensure_row_visible();
        }
        self.put_back_rows_in_full(held);
        self.search.refresh(self.outcome.as_ref());
    }

    /// Takes the rows in full off the stack while the comparison on screen changes, with what
    /// finds each again (see [`App::put_back_rows_in_full`]).
    fn take_rows_in_full(&mut self) -> Held {
        let mut held = Held::default();
        if !self.modals.iter().any(|m| matches!(m, Modal::Detail(_))) {
            return held;
        }
        let modals = std::mem::take(&mut self.modals);
        for (index, m) in modals.into_iter().enumerate() {
            match m {
                Modal::Detail(r) => held.hold(index, r, &self.dispute, self.shown()),
                m => self.modals.push(m),
            }
        }
        held
    }

    /// Puts back the rows in full taken by [`App::take_rows_in_full`], each on its row in the
    /// comparison now on screen (found by its point or its claims), with the comparison beneath
    /// on the same row; a row that is gone closes.
    fn put_back_rows_in_full(&mut self, held: Held) {
        let found = held.found(&self.dispute, self.shown());
        // Said once the matcher has answered (the pair may come back); until then it waits.
        if let Some(lost) = found.gone {
            if self.suggest.pending {
                self.suggest.lost = Some(lost);
            } else {
                self.message = Some(super::strings::pair_no_longer_suggested(&lost.selected));
            }
        }
        let found = found.rows;
        let top = found.last().map(|(_, r)| r.at);
        for (index, r) in found {
            let at = index.min(self.modals.len());
            self.modals.insert(at, Modal::Detail(r));
        }
        if let Some(d) = top {
            if self.topic != d.topic {
                self.select_topic(d.topic);
            }
            self.row = d.row;
            self.ensure_row_visible();
        }
    }

    /// The modal on top, which takes the keys; `None` on the comparison screen.
    pub fn modal(&self) -> Option<&Modal> {
        self.modals.last()
    }

    /// The row in full on top of the stack, if one is open.
    pub fn detail(&self) -> Option<Detail> {
        self.modals.iter().rev().find_map(|m| match m {
            Modal::Detail(d) => Some(d.at),
            _ => None,
        })
    }

    /// True while the search line is open (on top).
    pub fn searching(&self) -> bool {
        matches!(self.modal(), Some(Modal::Search(_)))
    }

    /// Lines of the header: title, parties, counts, then the filters and the search in force.
    pub fn header_lines(&self) -> u16 {
        3 + u16::from(!self.active_filters.is_empty())
            + u16::from(self.query.search_text().is_some())
    }

    fn count(&mut self) {
        let counted = super::session::counts_of(&self.dispute, self.shown());
        self.take_counts(counted);
    }

    fn take_counts(&mut self, counted: super::session::Counted) {
        self.counts = counted.all;
        self.topic_counts = counted.topics;
        self.topic_ratings = counted.ratings;
    }

    /// Compares another pair of sides, keeping the selected topic and, where it can, the row
    /// holding the selected row's first claim.
    pub fn set_pair(&mut self, left: usize, right: usize) {
        let cmp = Comparison::new(&self.dispute, left, right);
        // A swap keeps the pairs found, mirrored, while the matcher confirms them: the rows and
        // counts do not drop to "left only" for the moment it takes (a quarter second at 10k).
        let swapped = (left, right) == (self.cmp.right, self.cmp.left);
        let mirrored = (swapped && self.suggest.on)
            .then(|| crate::matching::mirrored(&self.suggest.pairs, &cmp));
        self.suggest.ask(&self.dispute, &cmp);
        let shown = self.meanwhile(cmp, mirrored);
        self.set_comparison(shown);
    }

    /// The comparison of the two sides without suggested rows.
    pub fn base_comparison(&self) -> Comparison {
        Comparison::new(&self.dispute, self.cmp.left, self.cmp.right)
    }

    /// Shows or hides suggested rows; shown, they are looked for off the event loop.
    pub fn toggle_suggestions(&mut self) {
        self.suggest.on = !self.suggest.on;
        let base = self.base_comparison();
        self.suggest.ask(&self.dispute, &base);
        self.set_comparison(base);
    }

    /// Selects the next suggested row after the selected one (else the one before it; else
    /// the next row, or the one before at the end), as a list being sorted through does after
    /// a dismissal: the selection then follows that row's claim through the new suggestions,
    /// not the dismissed claims to their unmatched rows.
    pub fn step_past_row(&mut self) {
        let rows = self.rows();
        let suggested = |i: &usize| rows.get(*i).is_some_and(|r| r.kind == RowKind::Suggested);
        let next = (self.row + 1..rows.len()).find(suggested);
        let before = || (0..self.row).rev().find(suggested);
        self.row = match next.or_else(before) {
            Some(row) => row,
            None if self.row + 1 < rows.len() => self.row + 1,
            None => self.row.saturating_sub(1),
        };
        self.anchor = None;
    }

    /// Looks for suggestions again (the dismissals changed), when they are shown. The rows
    /// found before stay meanwhile, but for the pairs dismissed now: the screen does not drop
    /// to "left only" for the seconds a large dispute's matching takes.
    pub fn suggest_again(&mut self) {
        if !self.suggest.on {
            return;
        }
        let base = self.base_comparison();
        let mut opts = crate::matching::Options::default();
        self.suggest.dismissed.apply(&mut opts);
        let standing = crate::matching::standing(&self.suggest.pairs, &self.dispute, &opts);
        self.suggest.ask(&self.dispute, &base);
        let shown = self.meanwhile(base, Some(standing));
        self.set_comparison(shown);
    }

    /// What to show while the matcher looks again: `base` with `pairs` (the suggestions found
    /// before, still standing) as suggested rows, kept as the screen's pairs; or `base` alone.
    fn meanwhile(
        &mut self,
        base: Comparison,
        pairs: Option<Vec<crate::matching::Suggestion>>,
    ) -> Comparison {
        match pairs.filter(|p| !p.is_empty()) {
            Some(pairs) => {
                let shown = crate::matching::with_suggested(&base, &pairs);
                self.suggest.pairs = pairs;
                shown
            }
            None => base,
        }
    }

    /// The worker's answer: the suggested pairs of request `generation`, merged into the
    /// comparison as suggested rows (an answer to an older request is dropped).
    pub fn suggestions_ready(&mut self, generation: u64, pairs: Vec<crate::matching::Suggestion>) {
        if generation != self.suggest.generation || !self.suggest.on {
            return;
        }
        self.suggest.pending = false;
        let merged = crate::matching::with_suggested(&self.base_comparison(), &pairs);
        self.suggest.pairs = pairs;
        let resume = self.suggest.resume.take().filter(|(_, _, waiting)| {
            *waiting == self.current_row().and_then(|r| r.claims().next())
        });
        let restore =
            self.suggest.restore.take().filter(|(_, waiting)| {
                *waiting == self.current_row().and_then(|r| r.claims().next())
            });
        // A view at the top of its topic (as the screen opens) stays there as the suggestions
        // come: following its first claim would open the topic at its last rows. Not when a
        // suggested pair is selected there: it is followed, or `a` would accept another pair.
        let at_top = self.row == 0
            && self.top == Scroll::default()
            && self
                .current_row()
                .is_none_or(|r| r.kind != RowKind::Suggested);
        self.set_comparison(merged);
        // A suggested pair shown in full that went at the reload and has not come back.
        if let Some(lost) = self.suggest.lost.take()
            && let Some(d) = self.detail()
            && !lost.stands(d, &self.dispute, self.shown())
        {
            self.message = Some(super::strings::pair_no_longer_suggested(&lost.selected));
        }
        if at_top && self.row != 0 {
            self.row = 0;
            self.top = Scroll::default();
            self.anchor = None;
        }
        // After a dismissal: the first suggested row from the dismissed row's place on, else
        // the row the selection followed; in view from its heading either way.
        if let Some((topic, from, _)) = resume {
            if self.current_topic().is_some_and(|t| t.id == topic) {
                let rows = self.rows();
                let suggested =
                    |i: &usize| rows.get(*i).is_some_and(|r| r.kind == RowKind::Suggested);
                if let Some(row) = (from..rows.len()).find(suggested) {
                    self.row = row;
                    self.anchor = None;
                }
            }
            self.ensure_row_visible();
        }
        // After `u`: the pair brought back, where it now stands.
        if let Some(at) = restore.and_then(|(left, _)| self.dispute.find_claim(&left)) {
            let found = self
                .shown()
                .topics
                .iter()
                .enumerate()
                .find_map(|(t, topic)| {
                    let row = topic.rows.iter().position(|r| {
                        r.kind == RowKind::Suggested && r.claims().any(|c| c == at)
                    })?;
                    Some((t, row))
                });
            if let Some((t, row)) = found {
                if t != self.topic {
                    self.select_topic(t);
                }
                self.row = row;
                self.anchor = None;
                self.ensure_row_visible();
            }
        }
        self.close_stale_accept();
        // `m` said they were being found: now how many were (the header counts them too).
        if let Some((said, key)) = self.suggest.announced.take()
            && self.message.as_deref() == Some(said.as_str())
        {
            let found = self.suggested_places().len();
            self.message = Some(super::strings::suggestions_found(found, &key));
        }
    }

    /// Where the suggested rows shown are, as (topic, row), in reading order: what the header
    /// counts and `M` steps through.
    pub fn suggested_places(&self) -> Vec<(usize, usize)> {
        self.shown()
            .topics
            .iter()
            .enumerate()
            .flat_map(|(t, topic)| {
                topic
                    .rows
                    .iter()
                    .enumerate()
                    .filter(|(_, r)| r.kind == RowKind::Suggested)
                    .map(move |(r, _)| (t, r))
            })
            .collect()
    }

    /// Closes an accept dialog left open while the files changed, once its pair can no longer
    /// be written (see [`Accept::stale`](super::state::accept::Accept::stale)); the
    /// footer says why.
    fn close_stale_accept(&mut self) {
        let why = self.modals.iter().find_map(|m| match m {
            Modal::Accept(a) => a
                .stale(&self.dispute, &self.suggest.pairs, self.suggest.pending)
                .map(|why| (why, a.typed().map(str::to_owned))),
            _ => None,
        });
        if let Some((why, typed)) = why {
            self.modals.retain(|m| !matches!(m, Modal::Accept(_)));
            self.message = Some(super::strings::accept_closed(why, typed.as_deref()));
        }
    }

    /// Replaces the dispute (after a write-back, or the files changed on disk), keeping the
    /// pair, the topic and the row of the selected claim where they still are; suggestions are
    /// looked for again. An accept dialog whose claims are gone closes (the footer says so);
    /// one whose claims remain waits for the suggestions (see [`App::suggestions_ready`]).
    pub fn reload(&mut self, dispute: Dispute) {
        let (left, right) = (self.cmp.left, self.cmp.right);
        // Found again by ids, which outlive the dispute, once the new one is on screen.
        let held = self.take_rows_in_full();
        self.session = Shared::default();
        let old = std::mem::replace(&mut self.dispute, Arc::new(dispute));
        let cmp = Comparison::new(&self.dispute, left, right);
        // The pairs found before, where they still stand, while the matcher confirms them.
        let carried = self
            .suggest
            .on
            .then(|| crate::matching::carried(&self.suggest.pairs, &old, &self.dispute, &cmp));
        self.suggest.ask(&self.dispute, &cmp);
        let shown = self.meanwhile(cmp, carried);
        // A claim's place in its file moves when one is added or removed above it: the selected
        // claim and the places `b` returns to are found again by id.
        let new = Arc::clone(&self.dispute);
        let moved = move |at: ClaimAt| old.claim(at).and_then(|c| new.find_claim(&c.id));
        self.replace_comparison(shown, &moved);
        self.put_back_rows_in_full(held);
        self.close_stale_accept();
    }

    /// Shows another comparison of the same two sides, keeping the selected topic and, where it
    /// can, the row holding the selected row's first claim; counts follow at once. Unmatched
    /// claims of point-less topics are packed side by side (see [`Comparison::packed`]).
    pub fn set_comparison(&mut self, cmp: Comparison) {
        let held = self.take_rows_in_full();
        self.replace_comparison(cmp, &Some);
        self.put_back_rows_in_full(held);
    }

    /// Where `b` would go back to, by topic id and claim: found again in another comparison
    /// with [`App::back_found`]; `moved` gives a claim's place in the dispute it will be shown
    /// from.
    fn back_kept(
        &self,
        moved: &dyn Fn(ClaimAt) -> Option<ClaimAt>,
    ) -> Vec<(Option<String>, Option<ClaimAt>, Focus)> {
        self.back
            .iter()
            .map(|p| {
                let topic = self.shown().topics.get(p.topic);
                let claim = topic
                    .and_then(|t| t.rows.get(p.row))
                    .and_then(|r| r.claims().next())
                    .and_then(moved);
                (topic.map(|t| t.id.clone()), claim, p.focus)
            })
            .collect()
    }

    /// The places of [`App::back_kept`] in the comparison now shown; those gone are dropped.
    fn back_found(&self, kept: Vec<(Option<String>, Option<ClaimAt>, Focus)>) -> Vec<Place> {
        kept.into_iter()
            .filter_map(|(topic, claim, focus)| {
                let topics = &self.shown().topics;
                let t = topics.iter().position(|t| Some(&t.id) == topic.as_ref())?;
                let row = topics
                    .get(t)?
                    .rows
                    .iter()
                    .position(|r| r.claims().any(|c| Some(c) == claim))?;
                Some(Place {
                    topic: t,
                    row,
                    top: Scroll { row, line: 0 },
                    focus,
                })
            })
            .collect()
    }

    /// [`App::set_comparison`], leaving the rows in full to the caller; `moved` gives a claim's
    /// place in the new comparison's dispute (the same place, unless the dispute was reloaded).
    fn replace_comparison(&mut self, cmp: Comparison, moved: &dyn Fn(ClaimAt) -> Option<ClaimAt>) {
        // Nothing on the screen (the filters left no topic): the place before it emptied.
        let (topic_id, claim) = match self.current_topic() {
            Some(t) => (
                Some(t.id.clone()),
                self.current_row().and_then(|r| {
                    let anchor = self.anchor.filter(|a| r.claims().any(|x| x == *a));
                    anchor.or_else(|| r.claims().next())
                }),
            ),
            None => self.lost_place.clone().unwrap_or((None, None)),
        };
        let claim = claim.and_then(moved);
        if let Some(lost) = self.lost_place.as_mut() {
            lost.1 = lost.1.and_then(moved);
        }
        self.anchor = claim;
        // A topic gone (deleted, or renamed with its claims gone too) gives way to the nearest one still shown.
        let old = self
            .outcome
            .as_ref()
            .map_or_else(|| Arc::clone(&self.cmp), |o| Arc::clone(&o.comparison));
        let (old_topic, old_row) = (self.topic, self.row);
        let back = self.back_kept(moved);
        // Scrolled down into the selected row (a tall row, shown at a claim of it): kept there.
        let line = (self.top.row == self.row && self.top.line > 0).then_some(self.top.line);
        self.cmp = Arc::new(cmp.packed());
        self.outcome = None;
        self.requery();
        // A query in force was counted as its outcome was shown; the plain comparison is not.
        if self.outcome.is_none() {
            self.count();
        }
        self.heights.clear();
        self.back = self.back_found(back);
        // A topic renamed in its files is found again by the selected claim, which moved with it.
        let same_topic = topic_id
            .as_ref()
            .and_then(|id| self.shown().topics.iter().position(|t| &t.id == id))
            .or_else(|| claim.and_then(|c| self.locate(c)).map(|(t, _, _)| t));
        self.topic = same_topic
            .unwrap_or_else(|| nearest_shown(&old.topics, old_topic, &self.shown().topics));
        // The selected claim gone (deleted in its file) leaves the selection where it stood in
        // its topic, not at the topic's top.
        let stood = same_topic.map_or(0, |_| old_row.min(self.rows().len().saturating_sub(1)));
        self.row = claim
            .and_then(|c| self.rows().iter().position(|r| r.claims().any(|x| x == c)))
            .unwrap_or(stood);
        self.top = Scroll::default();
        self.ensure_topic_visible();
        self.ensure_row_visible();
        let same = claim.is_some_and(|c| {
            self.current_row()
                .is_some_and(|r| r.claims().any(|x| x == c))
        });
        if let Some(line) = line.filter(|_| same) {
            self.top = Scroll {
                row: self.row,
                line,
            };
            self.scroll_by(0);
        }
    }

    /// The selected topic.
    pub fn current_topic(&self) -> Option<&TopicRows> {
        self.shown().topics.get(self.topic)
    }

    /// The selected topic's rows.
    pub fn rows(&self) -> &[Row] {
        self.current_topic().map_or(&[][..], |t| &t.rows[..])
    }

    /// The selected row.
    pub fn current_row(&self) -> Option<&Row> {
        self.rows().get(self.row)
    }

    /// A party's name by side index.
    pub fn party(&self, side: usize) -> &str {
        self.dispute
            .sides
            .get(side)
            .map_or("?", |s| s.party.name.as_str())
    }

    /// A side's party id (shorter than many names), or "" when there is no such side.
    pub fn party_id(&self, side: usize) -> &str {
        self.dispute
            .sides
            .get(side)
            .map_or("", |s| s.party.id.as_str())
    }

    /// The screen's regions at the current size.
    pub fn regions(&self) -> Regions {
        regions::regions(
            Rect::new(0, 0, self.size.0, self.size.1),
            self.header_lines(),
        )
    }

    /// Lines of the comparison's panes on screen.
    pub fn viewport(&self) -> usize {
        usize::from(self.regions().body.height).max(1)
    }

    /// Topics the list shows at once.
    pub fn topics_visible(&self) -> usize {
        (usize::from(self.regions().topics_inner.height) / TOPIC_LINES).max(1)
    }

    /// The pane widths at the current size.
    pub fn widths(&self) -> (usize, usize) {
        pane_widths(usize::from(self.regions().body.width))
    }

    /// The height of a row of the selected topic in lines: its heading, its leveled claims and a
    /// blank line. Cached per topic and width.
    pub fn row_height(&mut self, row: usize) -> usize {
        let widths = self.widths();
        let key = (self.topic, widths.0 + widths.1);
        let n = self.rows().len();
        let cached = self
            .heights
            .entry(key)
            .or_insert_with(|| vec![0; n])
            .get(row)
            .copied()
            .unwrap_or(0);
        if cached > 0 {
            return cached as usize;
        }
        let Some(r) = self.rows().get(row) else {
            return 1;
        };
        let (left, _) = layout_row(&self.dispute, self.shown(), r, (self.topic, row), widths);
        let h = left.len() + 2;
        if let Some(slot) = self.heights.get_mut(&key).and_then(|v| v.get_mut(row)) {
            *slot = u32::try_from(h).unwrap_or(u32::MAX);
        }
        h
    }

    /// A row's height as [`App::row_height`] gives it, without filling the cache (for `works`,
    /// which only reads the state).
    pub fn row_height_now(&self, row: usize) -> usize {
        let widths = self.widths();
        let cached = self
            .heights
            .get(&(self.topic, widths.0 + widths.1))
            .and_then(|v| v.get(row))
            .copied()
            .unwrap_or(0);
        if cached > 0 {
            return cached as usize;
        }
        self.rows().get(row).map_or(1, |r| {
            layout_row(&self.dispute, self.shown(), r, (self.topic, row), widths)
                .0
                .len()
                + 2
        })
    }

    /// True when the selection is on the first row with the panes at their top: nothing above.
    pub fn at_first_line(&self) -> bool {
        self.row == 0 && self.top == Scroll::default()
    }

    /// True when the selection is on the last row with its end on screen: nothing below.
    pub fn at_last_line(&self) -> bool {
        let n = self.rows().len();
        if self.row + 1 < n {
            return false;
        }
        let room = self.viewport() + self.top.line;
        let mut lines = 0;
        for r in self.top.row..n {
            lines += self.row_height_now(r);
            if lines > room {
                return false;
            }
        }
        true
    }

    /// The terminal changed size: the layout follows, the selection stays on screen.
    pub fn resize(&mut self, width: u16, height: u16) {
        // Reading inside the selected row, scrolled past its start: the same part of it stays
        // in view, at the same fraction of its lines (they wrap anew at another width).
        // Too small to draw, the place was left as it was at the last size that drew: it is
        // found again from there.
        let now = self.size;
        self.size = self.drawable_size.unwrap_or(now);
        // The place read before the first of several resizes (no key between) is found again
        // from there each time: found anew from each size, rounding moved it up a line a trip.
        let anchored = self
            .resize_anchor
            .filter(|&(row, ..)| row == self.row && self.top.row == self.row)
            .map(|(_, line, height, widths)| (line, height, widths));
        let inside = anchored.or_else(|| {
            (self.top.line > 0 && self.top.row == self.row)
                .then(|| (self.top.line, self.row_height(self.row), self.widths()))
        });
        self.last_size = self.size;
        self.size = (width, height);
        if self.regions().too_small {
            // Nothing is drawn but how big the screen must be: the place waits.
            self.drawable_size = Some(self.last_size);
            return;
        }
        self.resize_anchor = None;
        self.drawable_size = None;
        self.forget_heights();
        // A taller list shows every topic it has room for: none left hidden above the window.
        let n = self.shown().topics.len();
        self.topic_top = self.topic_top.min(n.saturating_sub(self.topics_visible()));
        self.ensure_topic_visible();
        let after = self.row_height(self.row);
        match inside {
            Some((line, before, widths)) if after > self.viewport() => {
                self.top.line = self
                    .same_text(self.row, line, widths)
                    .unwrap_or(line * after / before.max(1));
                self.clamp_top();
                self.resize_anchor = Some((self.row, line, before, widths));
            }
            Some((line, before, widths)) => {
                self.resize_anchor = Some((self.row, line, before, widths));
                self.ensure_row_visible();
            }
            None => self.ensure_row_visible(),
        }
    }

    /// The line of `row` at today's widths that shows the text its line `line` showed at
    /// `before`: the same claim, the same number of characters into its text. `None` for a
    /// line of no claim's text (the heading, a source).
    fn same_text(&self, row: usize, line: usize, before: (usize, usize)) -> Option<usize> {
        let r = self.rows().get(row)?;
        let place = (self.topic, row);
        let (old_left, old_right) = layout_row(&self.dispute, self.shown(), r, place, before);
        let (new_left, new_right) =
            layout_row(&self.dispute, self.shown(), r, place, self.widths());
        // Line 0 is the row's heading.
        let i = line.checked_sub(1)?;
        let text_of =
            |l: &Line, claim: ClaimAt| l.claim == Some(claim) && l.kind == layout::LineKind::Text;
        // Characters of a line of text, with the space its break took.
        let chars = |l: &Line| l.text.chars().count() + 1;
        [(&old_left, &new_left), (&old_right, &new_right)]
            .into_iter()
            .find_map(|(old, new)| {
                let claim = old
                    .get(i)
                    .filter(|l| l.kind == layout::LineKind::Text)?
                    .claim?;
                let read: usize = old
                    .get(..i)?
                    .iter()
                    .filter(|l| text_of(l, claim))
                    .map(chars)
                    .sum();
                regions::nearest_start(
                    read,
                    new.iter()
                        .enumerate()
                        .filter(|(_, l)| text_of(l, claim))
                        .map(|(j, l)| (j, chars(l))),
                )
            })
            .map(|j| j + 1)
    }

    /// Forgets cached heights (the width changed).
    pub fn forget_heights(&mut self) {
        self.heights.clear();
        self.clamp_top();
    }

    /// The top that puts the end of `row` at the bottom of the panes.
    fn bottom_aligned(&mut self, row: usize) -> Scroll {
        let vp = self.viewport();
        let mut remaining = vp;
        let mut r = row + 1;
        while r > 0 {
            let h = self.row_height(r - 1);
            if h <= remaining {
                remaining -= h;
                r -= 1;
            } else {
                return Scroll {
                    row: r - 1,
                    line: h - remaining,
                };
            }
        }
        Scroll::default()
    }

    /// The furthest the panes can scroll: the last row's end at the bottom.
    pub fn max_top(&mut self) -> Scroll {
        match self.rows().len() {
            0 => Scroll::default(),
            n => self.bottom_aligned(n - 1),
        }
    }

    /// Keeps the panes' scroll inside the comparison: on an existing row, on one of its lines
    /// (heights change on resize and after a query), and no further than the last screenful.
    fn clamp_top(&mut self) {
        let n = self.rows().len();
        if n == 0 {
            self.top = Scroll::default();
            return;
        }
        let row = self.top.row.min(n - 1);
        let line = self.top.line.min(self.row_height(row).saturating_sub(1));
        self.top = Scroll { row, line };
        let max = self.max_top();
        if self.top > max {
            self.top = max;
        }
    }

    /// Scrolls both panes together by `delta` lines (negative: up).
    pub fn scroll_by(&mut self, delta: isize) {
        let n = self.rows().len();
        if n == 0 {
            self.top = Scroll::default();
            return;
        }
        if delta >= 0 {
            let mut line = self.top.line + delta.unsigned_abs();
            let mut row = self.top.row.min(n - 1);
            loop {
                let h = self.row_height(row);
                if line < h || row + 1 >= n {
                    line = line.min(h.saturating_sub(1));
                    break;
                }
                line -= h;
                row += 1;
            }
            self.top = Scroll { row, line };
            self.clamp_top();
        } else {
            let mut need = delta.unsigned_abs();
            let Scroll { mut row, mut line } = self.top;
            while need > 0 {
                if line >= need {
                    line -= need;
                    need = 0;
                } else if row == 0 {
                    line = 0;
                    need = 0;
                } else {
                    need -= line + 1;
                    row -= 1;
                    line = self.row_height(row).saturating_sub(1);
                }
            }
            self.top = Scroll { row, line };
        }
    }

    /// Where a row starts relative to the top of the panes, in lines (negative: above). Stops
    /// counting once past the bottom.
    pub fn row_start(&mut self, row: usize) -> isize {
        let vp = self.viewport() as isize;
        if row < self.top.row {
            return -1;
        }
        let mut at = -(self.top.line as isize);
        for r in self.top.row..row {
            at += self.row_height(r) as isize;
            if at > vp {
                break;
            }
        }
        at
    }

    /// Scrolls so the selected row shows; a row taller than the panes shows from its heading.
    pub fn ensure_row_visible(&mut self) {
        let n = self.rows().len();
        if n == 0 {
            self.row = 0;
            self.top = Scroll::default();
            return;
        }
        self.row = self.row.min(n - 1);
        let vp = self.viewport() as isize;
        let start = self.row_start(self.row);
        let h = self.row_height(self.row) as isize;
        if start < 0 || (start == 0 && self.top.line > 0) {
            self.top = Scroll {
                row: self.row,
                line: 0,
            };
        } else if start + h > vp {
            self.top = if h >= vp {
                Scroll {
                    row: self.row,
                    line: 0,
                }
            } else {
                self.bottom_aligned(self.row)
            };
        }
        self.clamp_top();
    }

    /// The rows with at least one line on screen, first and last.
    pub fn visible_rows(&mut self) -> (usize, usize) {
        let n = self.rows().len();
        let vp = self.viewport();
        let first = self.top.row.min(n.saturating_sub(1));
        let mut last = first;
        let mut used = self.row_height(first).saturating_sub(self.top.line);
        while used < vp && last + 1 < n {
            last += 1;
            used += self.row_height(last);
        }
        (first, last)
    }

    /// The row drawn at a line of the panes, if any.
    pub fn row_at_line(&mut self, y: usize) -> Option<usize> {
        let n = self.rows().len();
        let mut at = 0usize;
        let mut row = self.top.row;
        let mut skip = self.top.line;
        while row < n {
            let h = self.row_height(row).saturating_sub(skip);
            skip = 0;
            if y < at + h {
                return Some(row);
            }
            at += h;
            row += 1;
        }
        None
    }

    /// Keeps the selected topic inside the list's window.
    pub fn ensure_topic_visible(&mut self) {
        let visible = self.topics_visible();
        if self.topic < self.topic_top {
            self.topic_top = self.topic;
        } else if self.topic >= self.topic_top + visible {
            self.topic_top = self.topic + 1 - visible;
        }
    }

    /// Selects a topic, showing its first row.
    pub fn select_topic(&mut self, topic: usize) {
        let n = self.shown().topics.len();
        if n == 0 {
            return;
        }
        self.topic = topic.min(n - 1);
        self.row = 0;
        self.top = Scroll::default();
        // The analyst's own choice: a place a query hid is no longer the one to go back to.
        self.lost_place = None;
        self.ensure_topic_visible();
    }

    /// Where a claim sits in the comparison: topic, row, and its index among the row's claims.
    pub fn locate(&self, at: ClaimAt) -> Option<(usize, usize, usize)> {
        let topic_id = &self
            .dispute
            .sides
            .get(at.side())?
            .topics
            .get(at.topic())?
            .id;
        let t = self.shown().topics.iter().position(|t| &t.id == topic_id)?;
        let rows = &self.shown().topics.get(t)?.rows;
        rows.iter().enumerate().find_map(|(r, row)| {
            row.claims()
                .position(|c| c == at)
                .map(|cursor| (t, r, cursor))
        })
    }

    /// Shows a claim of the comparison: its topic, its row selected and on screen with the claim
    /// in view (in a row taller than the screen, scrolled to it), the comparison focused.
    pub fn reveal(&mut self, topic: usize, row: usize, claim: ClaimAt) {
        if self.topic != topic {
            self.select_topic(topic);
        }
        self.row = row;
        self.focus = Focus::Comparison;
        self.chosen = Some(claim);
        self.ensure_row_visible();
        let widths = self.widths();
        let offset = self.current_row().and_then(|r| {
            let (left, right) = layout_row(&self.dispute, self.shown(), r, (topic, row), widths);
            left.iter()
                .zip(&right)
                .position(|(l, r)| l.claim == Some(claim) || r.claim == Some(claim))
        });
        if let Some(offset) = offset {
            let bottom = self.viewport().saturating_sub(1) as isize;
            if self.row_start(self.row) + 1 + offset as isize >= bottom {
                self.top = Scroll { row, line: offset };
                self.scroll_by(0);
            }
        }
    }

    /// Selects again the topic (by id) and row that were selected before a date moved the
    /// selection away (`Esc` in the as-of bar or the timeline), when the topic is shown.
    pub fn reselect(&mut self, (topic, row): &(Option<String>, usize)) {
        let at = topic
            .as_ref()
            .and_then(|id| self.shown().topics.iter().position(|t| &t.id == id));
        if let Some(t) = at
            && (t != self.topic || *row != self.row)
        {
            self.select_topic(t);
            self.row = (*row).min(self.rows().len().saturating_sub(1));
            self.ensure_row_visible();
        }
    }

    /// The selected topic's id and row, for [`App::reselect`].
    pub fn selection(&self) -> (Option<String>, usize) {
        (self.current_topic().map(|t| t.id.clone()), self.row)
    }

    /// Where the comparison stands now, to come back to.
    pub fn place(&self) -> Place {
        Place {
            topic: self.topic,
            row: self.row,
            top: self.top,
            focus: self.focus,
        }
    }

    /// Returns to a place kept by [`App::place`].
    pub fn restore(&mut self, p: Place) {
        if self.topic != p.topic {
            self.select_topic(p.topic);
        }
        self.row = p.row;
        self.top = p.top;
        self.focus = p.focus;
        self.clamp_top();
        self.ensure_row_visible();
    }
}

/// The topic of `now` nearest to the one that was selected (`old[at]`) when a query hid it:
/// the first after it in the old order that is still shown, else the last before it; 0 when
/// none is.
fn nearest_shown(old: &[TopicRows], at: usize, now: &[TopicRows]) -> usize {
    let index: foldhash::HashMap<&str, usize> = now
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let after = old.iter().skip(at);
    let before = old.iter().take(at).rev();
    after
        .chain(before)
        .find_map(|t| index.get(t.id.as_str()).copied())
        .unwrap_or(0)
}

/// A place in the comparison: the selection and the scroll.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The selected topic.
    pub topic: usize,
    /// The selected row.
    pub row: usize,
    /// The panes' scroll.
    pub top: Scroll,
    /// Where the keys acted.
    pub focus: Focus,
}
