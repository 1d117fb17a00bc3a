//! The one query pipeline: filters then search over a comparison, used alike by the TUI, `show`,
//! `search` and `export`. Its result is a [`Comparison`] of the same type as the unfiltered one
//! (so every view draws it unchanged) plus the ranked hits and where they sit in it.
//!
//! For typing, a [`Session`] keeps the filtered comparison while the filter stays the same and
//! the last query's hits, so each keystroke costs a search of what is left, not of everything.

mod field;
pub mod filter;
pub mod highlight;
pub mod hints;
mod hit;
mod index;
pub mod matcher;
pub mod oneshot;
pub mod pattern;
pub mod prefilter;
mod rank;
pub mod search;
mod tie;
pub mod words;

pub use filter::{AnsweredBy, CommonGround, Filter, FilterError};
pub use index::Index;
pub use matcher::{Matcher, MatcherKind, Needle};
pub use rank::Score;
pub use search::{Counts, Field, Focused, Highlighter, Hit, HitText, Located, Pattern, Searcher};

use crate::compare::{Comparison, Row};
use crate::format::{ClaimAt, Dispute};
use std::sync::{Arc, Weak};

/// What the analyst asks of a comparison.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Which claims and rows to keep.
    pub filter: Filter,
    /// Search terms (see [`pattern`] for the syntax); `None` or blank searches nothing.
    pub search: Option<String>,
    /// With a search, keep only the rows that hold a hit (else hits are only marked).
    pub narrow: bool,
}

impl Query {
    /// The search terms, when they hold at least one term. A blank query, or one of bare
    /// operators (`!`, `'`, `^`), searches nothing: every part of the program asks here.
    pub fn search_text(&self) -> Option<&str> {
        self.search
            .as_deref()
            .filter(|q| !pattern::parse(q).is_empty())
    }
}

/// How an export names a search that kept only the rows with a hit (the screen's narrowing,
/// and `export --query`): the query, that rows without a hit were left out, and how many of
/// the claims it found it reached only through a typo (`iran` finds "Iraq"), as `search` says.
pub fn narrowed_label(query: &str, typo_only: usize) -> String {
    let typos = match typo_only {
        0 => String::new(),
        1 => "; 1 claim only through a typo".to_owned(),
        n => format!("; {n} claims only through a typo"),
    };
    format!(
        "search: {} (only the rows with a hit{typos})",
        crate::text::clean(query).text
    )
}

/// How many of the whole comparison's claims a selection keeps (`4 of 245 claims`), so a
/// reader of `show` or an export knows how much the filters and search left out.
pub fn claims_kept(all: &crate::compare::Counts, kept: &crate::compare::Counts) -> String {
    format!(
        "{} of {} claims",
        kept.left_claims + kept.right_claims,
        all.left_claims + all.right_claims
    )
}

/// The labels of a selection headed by [`claims_kept`]; no labels (the whole comparison) stay
/// none.
pub fn counted_labels(
    all: &crate::compare::Counts,
    kept: &crate::compare::Counts,
    labels: &[String],
) -> Vec<String> {
    if labels.is_empty() {
        return Vec::new();
    }
    std::iter::once(claims_kept(all, kept))
        .chain(labels.iter().cloned())
        .collect()
}

/// Where a hit sits in the filtered comparison: enough for a view to jump to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HitAt {
    /// Index into the filtered comparison's topics.
    pub topic: usize,
    /// Index into that topic's rows.
    pub row: usize,
    /// The claim.
    pub claim: ClaimAt,
}

/// The pipeline's result.
pub struct Results {
    /// What the filter (and, when narrowing, the search) kept, in the comparison's order.
    /// Shared: while the filter stays the same, runs hand out the same comparison.
    pub comparison: Arc<Comparison>,
    /// The hits in reading order (topic, row, left side then right), for next and previous;
    /// shared with the ranking worker, which puts the ranked hits in their places with it.
    pub order: Arc<Vec<HitAt>>,
    /// The prepared search, for highlighting any text a view draws; `None` without a search.
    pub pattern: Option<Pattern>,
    /// How many claims the search found: through their own fields, only through a typo, only
    /// through their topic or point (all zero without a search).
    pub counts: Counts,
    index: Arc<Index>,
    /// The hits' index entries, ascending.
    entries: Vec<usize>,
    matcher: MatcherKind,
}

impl std::fmt::Debug for Results {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Results")
            .field("topics", &self.comparison.topics.len())
            .field("hits", &self.order.len())
            .field("query", &self.pattern.as_ref().map(|p| p.query.as_str()))
            .finish()
    }
}

/// The scoring of a run's hits, detached from the [`Results`] so it can run on another thread:
/// scoring costs more than finding (150 ms for 80,000 hits), too much for a keystroke.
#[derive(Clone)]
pub struct Ranking {
    index: Arc<Index>,
    query: String,
    matcher: MatcherKind,
    entries: Vec<usize>,
    /// The outcome's hits in reading order, to place the ranked hits with.
    order: Arc<Vec<HitAt>>,
}

impl std::fmt::Debug for Ranking {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ranking")
            .field("query", &self.query)
            .field("hits", &self.entries.len())
            .finish()
    }
}

impl Ranking {
    /// The number of hits to score.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there is nothing to score.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The query scored.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// The hits' index entries, ascending.
    pub fn entries(&self) -> &[usize] {
        &self.entries
    }

    /// The outcome's hits in reading order, that [`Ranking::place`] places with: the same
    /// allocation as the outcome's [`Results::order`] while it is that outcome's.
    pub fn order(&self) -> &Arc<Vec<HitAt>> {
        &self.order
    }

    /// As [`Results::place`], on the ranking's thread: placing 500,000 hits takes tens of
    /// milliseconds, which the screen's thread should not spend.
    pub fn place(&self, scored: Vec<(usize, Hit)>) -> Vec<(Hit, HitAt)> {
        place(&self.index, &self.order, scored)
    }

    /// As [`Results::place_few`], on the ranking's thread.
    pub fn place_few(&self, scored: Vec<(usize, Hit)>) -> Vec<(Hit, HitAt)> {
        place_few(&self.order, scored)
    }

    /// Scores the hits, best first, each with its index entry (for [`Results::place`]).
    pub fn run(&self) -> Vec<(usize, Hit)> {
        Pattern::new(&self.query, self.matcher).rank(&self.index, &self.entries)
    }

    /// Scores the hits a part at a time, so that the best hits found so far can be shown while
    /// the rest are scored (the way fzf streams its matches), and a ranking nobody wants any
    /// more can stop halfway. The first [`Steps::step`] scores about `size` hits and each next
    /// one twice as many as the one before: the first answer comes soon, and a long ranking
    /// is not slowed by many small parts.
    pub fn steps(&self, size: usize) -> Steps<'_> {
        Steps {
            ranking: self,
            pattern: Pattern::new(&self.query, self.matcher),
            size: size.max(1),
            done: 0,
            // At most one hit per claim: sized once (at a million claims, tens of megabytes).
            own: Runs {
                hits: Vec::with_capacity(self.entries.len()),
                starts: Vec::new(),
            },
            topics: Runs::default(),
        }
    }
}

/// A ranking done in parts (see [`Ranking::steps`]). Each part ends at the end of a side's
/// topic, so a topic-level hit, which folds all of a topic's claims, is scored within one part;
/// each part's hits are already in rank order, so [`Steps::finish`] merges the parts into
/// exactly the list [`Ranking::run`] gives.
pub struct Steps<'r> {
    ranking: &'r Ranking,
    pattern: Pattern,
    size: usize,
    done: usize,
    /// The claims' own hits and the topic-level hits scored so far, each part's hits best
    /// first in a run of its own (one list each, sized once: no join at the end).
    own: Runs,
    topics: Runs,
}

/// Hits in runs, each run best first: a part's hits appended to what came before.
#[derive(Default)]
struct Runs {
    hits: Vec<(usize, Hit)>,
    /// Where each run starts.
    starts: Vec<usize>,
}

impl Runs {
    /// Starts a run; the hits pushed next belong to it.
    fn start(&mut self) {
        self.starts.push(self.hits.len());
    }

    /// The best `top` hits of every run, best first.
    fn best(&self, top: usize) -> Vec<(usize, Hit)> {
        let ends = self.starts.iter().skip(1).copied().chain([self.hits.len()]);
        let mut all: Vec<(usize, Hit)> = self
            .starts
            .iter()
            .zip(ends)
            .filter_map(|(&a, b)| self.hits.get(a..b.min(a.saturating_add(top))))
            .flatten()
            .cloned()
            .collect();
        all.sort_unstable_by_key(rank_order);
        all.truncate(top);
        all
    }
}

impl std::fmt::Debug for Steps<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Steps")
            .field("done", &self.done)
            .field("of", &self.ranking.len())
            .finish()
    }
}

/// The order of ranked hits ([`rank::order`]).
fn rank_order((entry, hit): &(usize, Hit)) -> (std::cmp::Reverse<u32>, u32, usize) {
    rank::order(hit.score, hit.tie, *entry)
}

impl Steps<'_> {
    /// Scores the next part; false when every hit was scored already.
    pub fn step(&mut self) -> bool {
        let entries = &self.ranking.entries;
        let index = &self.ranking.index;
        if self.done >= entries.len() {
            return false;
        }
        let group = |e: usize| index.claim(e).map(|at| (at.side(), at.topic()));
        let mut end = self.done.saturating_add(self.size).min(entries.len());
        if let Some(last) = end.checked_sub(1).and_then(|i| entries.get(i)) {
            let last = group(*last);
            while entries.get(end).is_some_and(|&e| group(e) == last) {
                end += 1;
            }
        }
        let part = entries.get(self.done..end).unwrap_or_default();
        // Each hit moved straight to its list: no copy of the part's hits in between.
        self.own.start();
        self.topics.start();
        for hit in self.pattern.rank(index, part) {
            let runs = if hit.1.is_topic_level() {
                &mut self.topics
            } else {
                &mut self.own
            };
            runs.hits.push(hit);
        }
        self.done = end;
        self.size = self.size.saturating_mul(2);
        true
    }

    /// How many of the hits are scored.
    pub fn done(&self) -> usize {
        self.done
    }

    /// How many hits there are to score.
    pub fn of(&self) -> usize {
        self.ranking.len()
    }

    /// The best `top` hits of those scored so far, best first.
    pub fn best(&self, top: usize) -> Vec<(usize, Hit)> {
        let mut best = self.own.best(top);
        if best.len() < top {
            let more = self.topics.best(top - best.len());
            best.extend(more);
        }
        best
    }

    /// Scores what is left and returns every hit, best first: the same list as
    /// [`Ranking::run`].
    pub fn finish(mut self) -> Vec<(usize, Hit)> {
        while self.step() {}
        // The order is total (entries differ), so an unstable sort, which needs no second
        // buffer, gives the one order.
        let mut all = self.own.hits;
        all.sort_unstable_by_key(rank_order);
        let mut topics = self.topics.hits;
        topics.sort_unstable_by_key(rank_order);
        all.append(&mut topics);
        all
    }
}

impl Results {
    /// Another comparison of the same dispute (the filters' at every date, which the screen's
    /// timeline charts) kept to the rows that hold a hit of this search, as narrowing kept this
    /// one; `cmp` as it is without a search. Hits are looked for again: a claim this search
    /// never saw (later than the as-of date) may be one.
    pub fn narrow_alike(&self, cmp: Comparison) -> Comparison {
        let Some(pattern) = &self.pattern else {
            return cmp;
        };
        let (entries, _) = pattern.matches(&self.index, &candidates(&self.index, &cmp));
        let is_hit = hit_table(&self.index, &entries);
        narrow(&cmp, &|at: &ClaimAt| hit_in(&self.index, &is_hit, at))
    }

    /// True when the claim is a hit of the search.
    pub fn is_hit(&self, claim: ClaimAt) -> bool {
        self.index
            .entry(claim)
            .is_some_and(|e| self.entries.binary_search(&e).is_ok())
    }

    /// The byte ranges to highlight in a text the view draws (empty without a search).
    pub fn highlight(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        self.pattern
            .as_ref()
            .map_or_else(Vec::new, |p| p.highlight(text))
    }

    /// As [`Results::highlight`], for a field of kind `field` (see [`Pattern::highlight_field`]).
    pub fn highlight_field(&self, field: Field, text: &str) -> Vec<std::ops::Range<usize>> {
        self.pattern
            .as_ref()
            .map_or_else(Vec::new, |p| p.highlight_field(field, text))
    }

    /// Where a snippet of a field is centred (see [`Pattern::focus`]); the start without a
    /// search.
    pub fn focus(&self, field: Field, text: &str) -> usize {
        self.pattern
            .as_ref()
            .and_then(|p| p.focus(field, text))
            .unwrap_or(0)
    }

    /// The hits scored and ranked (see [`Pattern::rank`]), each with its place. Scoring costs more than finding, so it is done only when asked for.
    pub fn ranked(&self) -> Vec<(Hit, HitAt)> {
        match self.ranking() {
            Some(r) => self.place(r.run()),
            None => Vec::new(),
        }
    }

    /// The hits' scoring, to run now or elsewhere; `None` without a search.
    pub fn ranking(&self) -> Option<Ranking> {
        let pattern = self.pattern.as_ref()?;
        Some(Ranking {
            index: Arc::clone(&self.index),
            query: pattern.query.clone(),
            matcher: self.matcher,
            entries: self.entries.clone(),
            order: Arc::clone(&self.order),
        })
    }

    /// Puts scored hits (from this outcome's [`Ranking::run`]) in their places, keeping the
    /// ranking's order (the same order `parallax search` prints).
    pub fn place(&self, scored: Vec<(usize, Hit)>) -> Vec<(Hit, HitAt)> {
        place(&self.index, &self.order, scored)
    }

    /// As [`Results::place`] for a few hits (the best so far while the rest are ranked).
    pub fn place_few(&self, scored: Vec<(usize, Hit)>) -> Vec<(Hit, HitAt)> {
        place_few(&self.order, scored)
    }

    /// Places hits placed before (in another outcome of the same hits, such as the same
    /// search narrowed or not) where they sit in this one, keeping their order.
    pub fn place_again(&self, placed: Vec<(Hit, HitAt)>) -> Vec<(Hit, HitAt)> {
        let mut scored = Vec::with_capacity(placed.len());
        scored.extend(
            placed
                .into_iter()
                .filter_map(|(h, _)| Some((self.index.entry(h.claim)?, h))),
        );
        self.place(scored)
    }

    /// The index in [`Results::order`] of the first hit at or after a row, wrapping round to
    /// the first hit; `None` without hits.
    pub fn hit_from(&self, topic: usize, row: usize) -> Option<usize> {
        if self.order.is_empty() {
            return None;
        }
        Some(
            self.order
                .iter()
                .position(|h| (h.topic, h.row) >= (topic, row))
                .unwrap_or(0),
        )
    }

    /// The next (or previous) hit in reading order after the hit at index `from` of
    /// [`Results::order`], wrapping round; from `None`, the first (or last).
    pub fn step(&self, from: Option<usize>, forward: bool) -> Option<usize> {
        let n = self.order.len();
        if n == 0 {
            return None;
        }
        Some(match (from, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        })
    }
}

/// The pipeline with its memory, for a view that re-runs it on every keystroke. Build a new one
/// when the dispute is reloaded.
pub struct Session {
    searcher: Searcher,
    cached: Option<Filtered>,
    typing: bool,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("matcher", &self.searcher.matcher())
            .field("claims", &self.searcher.index().len())
            .finish()
    }
}

struct Filtered {
    filter: Filter,
    pair: (usize, usize),
    /// The shared comparison it was made from (see [`Session::run_shared`]), held weakly: once
    /// the view shows another comparison of the same pair (suggested rows found, dismissed or
    /// accepted), this one is made again from it.
    source: Option<Weak<Comparison>>,
    comparison: Arc<Comparison>,
    candidates: Vec<usize>,
    /// The last narrowed comparison and the hits it was built for, reused while they repeat.
    narrowed: Option<(Vec<usize>, Arc<Comparison>)>,
}

impl Session {
    /// Indexes the dispute for search with `matcher`.
    pub fn new(dispute: &Dispute, matcher: MatcherKind) -> Session {
        Session {
            searcher: Searcher::new(dispute, matcher),
            cached: None,
            typing: false,
        }
    }

    /// As [`Session::new`], with an index that reads the strings from the dispute instead of
    /// copying them: the screen's, which keeps its dispute anyway.
    pub fn shared(dispute: Arc<Dispute>, matcher: MatcherKind) -> Session {
        Session {
            searcher: Searcher::shared(dispute, matcher),
            cached: None,
            typing: false,
        }
    }

    /// While typing, a narrowed comparison is not rebuilt for every keystroke: the last one is
    /// kept while it still holds every hit and one is left (a query that grows only loses hits), so the view
    /// may show a few rows whose hits are gone until typing stops (call with `false` and run
    /// again). Rebuilding costs 10–15 ms at 100,000 claims; hits, order and marks stay exact.
    pub fn typing(&mut self, on: bool) {
        self.typing = on;
    }

    /// Forgets the last query (the filtered comparison stays), so the next run scans afresh.
    pub fn forget(&mut self) {
        self.searcher.forget();
        if let Some(c) = &mut self.cached {
            c.narrowed = None;
        }
    }

    /// The search session inside.
    pub fn searcher(&self) -> &Searcher {
        &self.searcher
    }

    /// Runs the query on `cmp` (a comparison of `dispute`). The filtered comparison is kept for
    /// the next run with the same filters and sides, so give one session one comparison;
    /// [`Session::run_shared`] tells the comparisons it is given apart.
    pub fn run(&mut self, dispute: &Dispute, cmp: &Comparison, query: &Query) -> Results {
        self.run_on(dispute, cmp, None, query)
    }

    /// As [`Session::run`] on a shared comparison, which a query without filters hands back
    /// as it is instead of a copy (a screen keeps its comparison: a copy would double it).
    pub fn run_shared(
        &mut self,
        dispute: &Dispute,
        cmp: &Arc<Comparison>,
        query: &Query,
    ) -> Results {
        self.run_on(dispute, cmp, Some(cmp), query)
    }

    fn run_on(
        &mut self,
        dispute: &Dispute,
        cmp: &Comparison,
        shared: Option<&Arc<Comparison>>,
        query: &Query,
    ) -> Results {
        let pair = (cmp.left, cmp.right);
        let index = Arc::clone(self.searcher.index());
        let same_source = |c: &Filtered| match (&c.source, shared) {
            // The weak reference keeps the allocation, so its address is not reused.
            (Some(was), Some(now)) => std::ptr::eq(was.as_ptr(), Arc::as_ptr(now)),
            (None, None) => true,
            _ => false,
        };
        let fresh = self
            .cached
            .as_ref()
            .is_none_or(|c| c.filter != query.filter || c.pair != pair || !same_source(c));
        if fresh {
            self.cached = None;
        }
        let cached = self.cached.get_or_insert_with(|| {
            let comparison = match shared {
                Some(cmp) if query.filter.is_empty() => Arc::clone(cmp),
                _ => Arc::new(query.filter.apply(dispute, cmp)),
            };
            let candidates = candidates(&index, &comparison);
            Filtered {
                filter: query.filter.clone(),
                pair,
                source: shared.map(Arc::downgrade),
                comparison,
                candidates,
                narrowed: None,
            }
        });
        let Some(search) = query.search_text() else {
            return Results {
                comparison: Arc::clone(&cached.comparison),
                order: Arc::default(),
                pattern: None,
                counts: Counts::default(),
                index,
                entries: Vec::new(),
                matcher: self.searcher.matcher(),
            };
        };
        let (pattern, entries, counts) = self.searcher.search(search, &cached.candidates);
        let is_hit = hit_table(&index, &entries);
        let hit = |at: &ClaimAt| hit_in(&index, &is_hit, at);
        // Nothing to drop when every candidate is a hit (a first letter usually hits all).
        let comparison = if !query.narrow {
            Arc::clone(&cached.comparison)
        } else if entries.len() == cached.candidates.len() {
            cached.narrowed = Some((entries.clone(), Arc::clone(&cached.comparison)));
            Arc::clone(&cached.comparison)
        } else {
            match &cached.narrowed {
                Some((same, c)) if *same == entries => Arc::clone(c),
                // Not when the hits are gone: the rows of the last ones would stay under
                // "no claim matches" until the line is left.
                Some((holds, c))
                    if self.typing && !entries.is_empty() && is_subset(&entries, holds) =>
                {
                    Arc::clone(c)
                }
                _ => {
                    let c = Arc::new(narrow(&cached.comparison, &hit));
                    cached.narrowed = Some((entries.clone(), Arc::clone(&c)));
                    c
                }
            }
        };
        // Sized once (each hit is in the comparison at most once) and shared as it is: a
        // collected list grows by doubling, and a shared slice would be one more copy.
        let mut order = Vec::with_capacity(entries.len());
        order.extend(
            claims_of(&comparison)
                .filter(|(_, _, claim)| hit(claim))
                .map(|(topic, row, claim)| HitAt { topic, row, claim }),
        );
        let order = Arc::new(order);
        Results {
            comparison,
            order,
            pattern: Some(pattern),
            counts,
            index,
            entries,
            matcher: self.searcher.matcher(),
        }
    }
}

/// Runs a query once, without keeping a session. Without a search nothing is indexed: `show` and
/// `export` with filters alone never pay for the search index.
pub fn apply(dispute: &Dispute, cmp: &Comparison, query: &Query, matcher: MatcherKind) -> Results {
    if query.search_text().is_none() {
        return Results {
            comparison: Arc::new(query.filter.apply(dispute, cmp)),
            order: Arc::default(),
            pattern: None,
            counts: Counts::default(),
            index: Arc::new(Index::default()),
            entries: Vec::new(),
            matcher,
        };
    }
    Session::new(dispute, matcher).run(dispute, cmp, query)
}

/// Puts scored hits in their places in `order` (the hits in reading order), keeping the
/// ranking's order: each scored hit's place is looked up by its index entry.
fn place(index: &Index, order: &[HitAt], scored: Vec<(usize, Hit)>) -> Vec<(Hit, HitAt)> {
    // Each entry's place in `order`, plus one (0: not there): four bytes a claim of the
    // dispute, where a table of the hits sorted by entry took 48 a hit.
    let mut at = vec![0u32; index.len()];
    for (i, h) in order.iter().enumerate() {
        if let (Some(slot), Ok(i)) = (
            index.entry(h.claim).and_then(|e| at.get_mut(e)),
            u32::try_from(i + 1),
        ) {
            *slot = i;
        }
    }
    let find = |e: usize| {
        let i = at.get(e).copied().filter(|&i| i > 0)?;
        order.get(i as usize - 1).copied()
    };
    // Sized once: grown by doubling, the list would pass through three times its size.
    let mut placed = Vec::with_capacity(scored.len());
    placed.extend(scored.into_iter().filter_map(|(e, h)| Some((h, find(e)?))));
    placed
}

/// As [`place`] for a few hits: one pass over `order` instead of a table of all of them.
fn place_few(order: &[HitAt], scored: Vec<(usize, Hit)>) -> Vec<(Hit, HitAt)> {
    let wanted: std::collections::HashMap<ClaimAt, usize, foldhash::fast::RandomState> = scored
        .iter()
        .enumerate()
        .map(|(i, (_, h))| (h.claim, i))
        .collect();
    let mut at: Vec<Option<HitAt>> = vec![None; scored.len()];
    let mut left = wanted.len();
    for h in order {
        if left == 0 {
            break;
        }
        if let Some(slot) = wanted.get(&h.claim).and_then(|&i| at.get_mut(i))
            && slot.is_none()
        {
            *slot = Some(*h);
            left -= 1;
        }
    }
    scored
        .into_iter()
        .zip(at)
        .filter_map(|((_, h), at)| Some((h, at?)))
        .collect()
}

/// Every claim of a comparison with its topic and row index, in reading order.
fn claims_of(cmp: &Comparison) -> impl Iterator<Item = (usize, usize, ClaimAt)> + '_ {
    cmp.topics.iter().enumerate().flat_map(|(t, topic)| {
        topic
            .rows
            .iter()
            .enumerate()
            .flat_map(move |(r, row)| row.left.iter().chain(&row.right).map(move |&at| (t, r, at)))
    })
}

/// The index entries of a comparison's claims, ascending: what a search of it looks through.
fn candidates(index: &Index, cmp: &Comparison) -> Vec<usize> {
    let mut candidates: Vec<usize> = claims_of(cmp)
        .filter_map(|(_, _, at)| index.entry(at))
        .collect();
    candidates.sort_unstable();
    candidates
}

/// Per index entry, whether it is one of `entries` (the hits): looked up per claim.
fn hit_table(index: &Index, entries: &[usize]) -> Vec<bool> {
    let mut is_hit = vec![false; index.len()];
    for &e in entries {
        if let Some(slot) = is_hit.get_mut(e) {
            *slot = true;
        }
    }
    is_hit
}

/// True when the claim at `at` is a hit, by the table [`hit_table`] made.
fn hit_in(index: &Index, is_hit: &[bool], at: &ClaimAt) -> bool {
    index.entry(*at).and_then(|e| is_hit.get(e).copied()) == Some(true)
}

/// True when every element of `small` is in `big` (both ascending).
fn is_subset(small: &[usize], big: &[usize]) -> bool {
    let mut big = big.iter();
    small.iter().all(|x| big.any(|y| y == x))
}

/// Keeps only the rows holding a hit, and the topics left with a row (topics in parallel).
fn narrow(cmp: &Comparison, hit: &(dyn Fn(&ClaimAt) -> bool + Sync)) -> Comparison {
    use rayon::prelude::*;
    let topics = cmp
        .topics
        .par_iter()
        .with_min_len(16)
        .filter_map(|t| {
            // A row that holds a hit stays whole, for its context; but a packed row's two
            // claims do not answer each other, so only its hits stay.
            let rows: Vec<Row> = crate::compare::kept(
                t.rows.iter().filter_map(|r| match r.kind {
                    crate::compare::RowKind::Packed => filter::keep_claims(r, hit),
                    _ => r.left.iter().chain(&r.right).any(hit).then(|| r.clone()),
                }),
                t.rows.len(),
            );
            (!rows.is_empty()).then(|| t.with_rows(rows))
        })
        .collect();
    cmp.with_topics(topics)
}
