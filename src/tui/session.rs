//! The screen's query session (the search index and the pipeline's memory), shared by the state
//! and the loop's workers. Indexing a million claims takes seconds and a third of the dispute's
//! memory, so the screen neither waits for it nor holds it until it is about to be used: the loop
//! builds it on a worker once the search or the filters open ([`build`]), and a query that needs
//! it first waits for it (or, without a loop, builds it).
//! A search typed in the search line runs on a worker too ([`search`]), so the line echoes each
//! key at once and the hits follow.

use crate::compare::{Comparison, Counts, RowKind};
use crate::format::Dispute;
use crate::query::{self, MatcherKind, Query, Results};
use crate::ratings::{self, Tally};
use std::sync::{Arc, Mutex, PoisonError};

/// The session, made on first use; clones share it.
#[derive(Clone, Default)]
pub struct Shared(Arc<Mutex<Slot>>);

/// The session once made, and whether the query is being typed (given to it when it is made).
#[derive(Default)]
struct Slot {
    session: Option<query::Session>,
    typing: bool,
}

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shared")
            .field("ready", &self.ready())
            .finish()
    }
}

impl Shared {
    /// Runs `f` on the session, indexing `dispute` first if nothing has yet; waits while a worker
    /// holds it.
    pub fn with<R>(&self, dispute: &Arc<Dispute>, f: impl FnOnce(&mut query::Session) -> R) -> R {
        let mut slot = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let typing = slot.typing;
        f(slot.session.get_or_insert_with(|| {
            let mut s = query::Session::shared(Arc::clone(dispute), MatcherKind::default());
            s.typing(typing);
            s
        }))
    }

    /// Tells the session whether the query is being typed (see `query::Session::typing`),
    /// without making it.
    pub fn typing(&self, on: bool) {
        let mut slot = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        slot.typing = on;
        if let Some(s) = &mut slot.session {
            s.typing(on);
        }
    }

    /// True when the index is built and nobody holds the session now.
    pub fn ready(&self) -> bool {
        self.0.try_lock().is_ok_and(|s| s.session.is_some())
    }

    /// True when nothing has made the session yet (and nobody is making it now).
    pub fn unbuilt(&self) -> bool {
        self.0.try_lock().is_ok_and(|s| s.session.is_none())
    }
}

/// Work for the indexing worker: the session to fill and the dispute to index.
pub type Build = (Shared, Arc<Dispute>);

/// Builds the session's index, unless it is there already (on the indexing worker's thread).
pub fn build((shared, dispute): Build) {
    shared.with(&dispute, |_| ());
}

/// A search asked of the query worker, numbered so that an answer to an older query is dropped.
#[derive(Debug, Clone)]
pub struct Job {
    /// The number of the request in `App`; only the latest is shown.
    pub generation: u64,
    /// The session to run it in.
    pub session: Shared,
    /// The dispute the comparison is of.
    pub dispute: Arc<Dispute>,
    /// The full comparison the query runs on.
    pub cmp: Arc<Comparison>,
    /// The query, search text included.
    pub query: Query,
    /// The search line's text is being typed (see `query::Session::typing`).
    pub typing: bool,
}

/// The query worker's answer: the request's number, its results and their counts, counted on
/// the worker so the loop only swaps them in.
pub type Answer = (u64, Results, Counted);

/// Runs a query job (a search being typed, or a date stepped), on the query worker's thread.
pub fn search(job: Job) -> Answer {
    job.session.typing(job.typing);
    let results = job.session.with(&job.dispute, |s| {
        s.run_shared(&job.dispute, &job.cmp, &job.query)
    });
    let counted = counts_of(&job.dispute, &results.comparison);
    (job.generation, results, counted)
}

/// What the screen counts of a comparison: over all of it, per topic for the topic list, and per
/// point-less topic with an assessed claim its claims by rating on each side (the rule under the
/// framings).
#[derive(Debug, Clone, Default)]
pub struct Counted {
    /// Over the whole comparison, for the header.
    pub all: Counts,
    /// Per topic.
    pub topics: Vec<Counts>,
    /// Per topic: left and right claims by rating, when the topic has no point and some claim
    /// of it is assessed.
    pub ratings: Vec<Option<[Tally; 2]>>,
}

/// Counts a comparison of `dispute`.
pub fn counts_of(dispute: &Dispute, cmp: &Comparison) -> Counted {
    let topics = cmp
        .topics
        .iter()
        .map(|t| {
            let mut c = Counts::default();
            c.add_rows(&t.rows);
            c
        })
        .collect();
    let ratings = cmp
        .topics
        .iter()
        .map(|t| {
            if t.rows.iter().any(|r| r.kind == RowKind::Point) {
                return None;
            }
            let left = ratings::tally(dispute, cmp, t.rows.iter().flat_map(|r| &r.left).copied());
            let right = ratings::tally(dispute, cmp, t.rows.iter().flat_map(|r| &r.right).copied());
            (left.assessed() + right.assessed() > 0).then_some([left, right])
        })
        .collect();
    Counted {
        all: cmp.counts(),
        topics,
        ratings,
    }
}
