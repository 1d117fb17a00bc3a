//! The search's state. [`Search`] is the search in force, shared by the whole UI (it stays after
//! the line closes: its hits are marked, `n` and `N` step through them); [`SearchLine`] is the
//! modal of the open line.
//!
//! Finding hits is cheap enough for every keystroke; scoring them is not (about 150 ms for 80,000
//! hits). A few hits are ranked at once; for more, [`Search::refresh`] leaves a job the event loop
//! hands to its ranking worker, and the result comes back as an event ([`Search::receive`]).
//! Hundreds of thousands of hits are ranked a part at a time, and the best of those scored so
//! far come back as they are ready, as fzf streams its matches.

use crate::query::{Hit, HitAt, Ranking, Results};
use crate::tui::text_field::TextField;
use std::sync::Arc;

/// Up to this many hits are ranked on the keystroke itself (a few milliseconds).
pub const RANK_AT_ONCE: usize = 1_000;

/// The hits as the results list orders them.
#[derive(Debug, Clone, Default)]
pub enum Ranked {
    /// No search, or not ranked yet: the list follows reading order.
    #[default]
    Pending,
    /// Part of many hits ranked: the best of those scored so far, best first; `done` of `of`
    /// hits are scored.
    Partial {
        /// The best so far.
        best: Vec<(Hit, HitAt)>,
        /// How many hits are scored.
        done: usize,
        /// Of how many.
        of: usize,
    },
    /// Best first, with the field each matched best.
    Ready(Vec<(Hit, HitAt)>),
}

impl Ranked {
    /// The ranked entries the list shows; `None` while it follows reading order.
    pub fn list(&self) -> Option<&[(Hit, HitAt)]> {
        match self {
            Ranked::Pending => None,
            Ranked::Partial { best, .. } => Some(best),
            Ranked::Ready(list) => Some(list),
        }
    }
}

/// What a scoring was of (the query and the hits' index entries) and its result, placed.
pub type Scored = (String, Vec<usize>, Vec<(Hit, HitAt)>);
/// A ranking asked of the worker, numbered so a late answer to an old search is dropped.
pub type Job = (u64, Ranking);
/// The worker's answer to a [`Job`]: its number, the hits in reading order it placed the
/// ranked hits with (the outcome's own, unless the outcome changed since), and part of the
/// ranking while the hits are scored, then the whole.
pub type Done = (u64, Arc<Vec<HitAt>>, Scoring);

/// A ranking as it comes back from the worker, placed there (placing 500,000 hits takes the
/// screen's thread tens of milliseconds).
#[derive(Debug)]
pub enum Scoring {
    /// The best hits of those scored so far, best first; how many are scored, of how many.
    Part(Vec<(Hit, HitAt)>, usize, usize),
    /// Every hit scored.
    Whole(Scored),
}

/// The search in force.
#[derive(Debug, Default)]
pub struct Search {
    /// What is typed.
    pub field: TextField,
    /// The chosen entry of the results list.
    pub cursor: usize,
    /// The first entry the list shows.
    pub list_top: usize,
    /// The hit last jumped or stepped to, an index into the outcome's hits in reading order.
    pub current: Option<usize>,
    /// The results list's order.
    pub ranked: Ranked,
    /// While true (inside a burst of keys), typing does not re-run the query; the loop settles
    /// it after the burst.
    pub fold: bool,
    /// Typing changed the text since the query last ran.
    pub dirty: bool,
    generation: u64,
    /// What the list's ranking is of (the query and the hits' index entries), so that when only
    /// the places changed (narrowing toggled) the list is placed again, not scored again.
    scored: Option<(String, Vec<usize>)>,
    job: Option<Job>,
    waiting: bool,
}

/// The open search line. What it edits and lists is the search in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SearchLine;

impl Search {
    /// The search text as typed.
    pub fn text(&self) -> &str {
        self.field.text()
    }

    /// True while a ranking is asked for and not back (the loop then wakes up to show it).
    pub fn ranking(&self) -> bool {
        self.waiting
    }

    /// The ranking the loop is to hand to its worker, if one was asked for since.
    pub fn take_job(&mut self) -> Option<Job> {
        self.job.take()
    }

    /// After the query ran (`outcome`): the list starts again at the top, the current hit stays
    /// the same claim if it is still a hit, and the hits are ranked now or asked of the worker.
    pub fn refresh(&mut self, outcome: Option<&Results>) {
        let outcome = outcome.filter(|o| o.pattern.is_some());
        let current = self
            .current
            .and_then(|i| outcome?.order.get(i).map(|h| h.claim));
        self.generation += 1;
        self.cursor = 0;
        self.list_top = 0;
        self.waiting = false;
        self.job = None;
        let previous = std::mem::take(&mut self.ranked);
        let Some(outcome) = outcome else {
            self.current = None;
            return;
        };
        self.current = current.and_then(|c| outcome.order.iter().position(|h| h.claim == c));
        let Some(ranking) = outcome.ranking() else {
            return;
        };
        // Narrowing toggled: the same hits in other places, so the scores still hold. Else the
        // old list is dropped here, before the new one is made (at 100,000 hits, megabytes).
        if let Ranked::Ready(hits) = previous
            && let Some((query, entries)) = &self.scored
            && query == ranking.query()
            && entries == ranking.entries()
        {
            self.ranked = Ranked::Ready(outcome.place_again(hits));
            return;
        }
        if ranking.len() <= RANK_AT_ONCE {
            self.ranked = Ranked::Ready(outcome.place(ranking.run()));
            self.scored = Some((ranking.query().to_owned(), ranking.entries().to_vec()));
            return;
        }
        self.job = Some((self.generation, ranking));
        self.waiting = true;
    }

    /// Takes the worker's ranking if it is for the hits of `outcome` now; true when the list
    /// changed.
    /// The claim chosen in the list stays chosen when the new list holds it; else, while parts
    /// come, the place chosen stays (the best so far move under it, as in fzf), and the first
    /// ranked list starts at the top.
    pub fn receive(&mut self, done: Done, outcome: Option<&Results>) -> bool {
        let (generation, placed_in, scoring) = done;
        if generation != self.generation {
            return false;
        }
        let Some(outcome) = outcome.filter(|o| o.pattern.is_some()) else {
            return false;
        };
        // The claim chosen in the list as it was, to keep chosen in the list that comes: in
        // reading order only once the analyst has moved, since the top is the default there.
        let chosen = match self.ranked.list() {
            None if self.cursor == 0 => None,
            None => outcome.order.get(self.cursor).map(|h| h.claim),
            Some(list) => list.get(self.cursor).map(|(_, at)| at.claim),
        };
        let streaming = matches!(self.ranked, Ranked::Partial { .. });
        // Placed in the outcome on screen, or placed again if that changed meanwhile.
        let here = |placed: Vec<(Hit, HitAt)>| {
            if Arc::ptr_eq(&placed_in, &outcome.order) {
                placed
            } else {
                outcome.place_again(placed)
            }
        };
        match scoring {
            Scoring::Part(best, done, of) => {
                self.ranked = Ranked::Partial {
                    best: here(best),
                    done,
                    of,
                };
            }
            Scoring::Whole((query, entries, placed)) => {
                // The old list goes before the new one is set: at 100,000 hits, megabytes.
                self.ranked = Ranked::Pending;
                self.ranked = Ranked::Ready(here(placed));
                self.scored = Some((query, entries));
                self.waiting = false;
            }
        }
        let list = self.ranked.list().unwrap_or_default();
        let found = chosen.and_then(|c| list.iter().position(|(_, at)| at.claim == c));
        self.cursor = match found {
            Some(i) => i,
            // The best so far move under the place chosen, as in fzf.
            None if streaming => self.cursor.min(list.len().saturating_sub(1)),
            None => 0,
        };
        self.list_top = self.list_top.min(self.cursor);
        true
    }
}
