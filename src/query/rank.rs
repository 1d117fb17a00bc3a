//! The one ranking order every view shows, whatever found the matches: how the terms' matches
//! in a claim's fields become one [`Hit`] and its score, and how topic-level matches fold into
//! one hit per topic. The indexed search (`super::search`, the TUI and a cached search) and
//! the one-shot search (`super::oneshot`, a cold `parallax search`) both feed it, so they rank
//! the same query in the same order.

use super::field::Field;
use super::hit::Hit;
use crate::format::ClaimAt;
use rayon::prelude::*;
use std::collections::HashMap;
use std::hash::Hash;

/// The best match of one term in one claim: typos, field, and the field's string (`S`: an
/// index's string id, or the text itself).
pub(super) type Best<S> = (u8, Field, S);

/// Keeps the better of two matches: fewer typos, then the field (text first); the first seen
/// on a tie.
pub(super) fn pick<S>(a: Option<Best<S>>, b: Best<S>) -> Option<Best<S>> {
    match a {
        Some(x) if (x.0, x.1) <= (b.0, b.1) => Some(x),
        _ => Some(b),
    }
}

/// The best own and topic-level matches of one term among a claim's fields, given in the
/// claim's field order with their typos (`None`: no match).
pub(super) fn best_of<S>(
    fields: impl IntoIterator<Item = (Field, S, Option<u8>)>,
) -> (Option<Best<S>>, Option<Best<S>>) {
    let (mut own, mut topic) = (None, None);
    for (f, s, t) in fields {
        let Some(t) = t else { continue };
        if f.is_topic_level() {
            topic = pick(topic, (t, f, s));
        } else {
            own = pick(own, (t, f, s));
        }
    }
    (own, topic)
}

/// One claim that matched every term so far, as ranking sees it.
pub(super) struct Alive<S> {
    /// The claim's entry (its rank in the dispute's order: side, topic, claim).
    pub entry: usize,
    exact: u8,
    typos: u8,
    own: Option<Best<S>>,
    topic: Option<Best<S>>,
    /// The first and last of the words where each positive term first matches in the claim's
    /// text (kept as a span, not a list per claim: there may be 100,000 claims alive).
    span: Option<(usize, usize)>,
    /// The positive terms that matched elsewhere than the claim's text.
    elsewhere: usize,
    /// The positive terms that matched in the claim's text.
    in_text: usize,
}

impl<S: Copy> Alive<S> {
    /// A claim before any term.
    pub fn new(entry: usize) -> Self {
        Alive {
            entry,
            exact: 0,
            typos: 0,
            own: None,
            topic: None,
            span: None,
            elsewhere: 0,
            in_text: 0,
        }
    }

    /// Adds one positive term's best matches in the claim and where it starts in the claim's
    /// text (when it matches there); false when it matched nowhere, and the claim is out.
    pub fn add(&mut self, own: Option<Best<S>>, topic: Option<Best<S>>, at: Option<usize>) -> bool {
        // A term the claim's own fields hold is ranked as they hold it: its topic's title
        // ("Strikes") gives no claim of the topic an exact match its text ("strike") lacks.
        let best = match (own, topic) {
            (Some(o), _) => o.0,
            (None, Some(t)) => t.0,
            (None, None) => return false,
        };
        // `best` is a match's cost (`words::typos_of`): 0 only for whole words as typed.
        self.exact += u8::from(best == 0);
        self.typos = self.typos.saturating_add(super::words::typos_of(best));
        if let Some(o) = own {
            self.own = pick(self.own, o);
        }
        if let Some(t) = topic {
            self.topic = pick(self.topic, t);
        }
        match (at, self.span) {
            (Some(at), Some((a, b))) => self.span = Some((a.min(at), b.max(at))),
            (Some(at), None) => self.span = Some((at, at)),
            (None, _) => self.elsewhere += 1,
        }
        self.in_text += usize::from(at.is_some());
        true
    }

    /// Sets the span of words the terms cover in the claim's text to the narrowest one that
    /// holds a place of each (see [`narrowest`]): a term's first place is not always the one
    /// beside the others ("a tax … the Bush tax cuts").
    pub fn narrow(&mut self, places: &[Vec<usize>]) {
        if let Some(span) = narrowest(places) {
            self.span = Some(span);
        }
    }

    /// How far apart the terms sit: the span of words they cover in the claim's text, plus 64
    /// for each term found elsewhere.
    fn proximity(&self) -> usize {
        // One term sits apart from no other: the field decides next (a speaker's "Barack
        // Obama" ranked below a prefix "Obamas" in a claim's text, as one found elsewhere).
        if self.in_text + self.elsewhere < 2 {
            return 0;
        }
        // Terms found in one word (`health care` both in "healthcare") sit just further apart
        // than words side by side: the text that writes them as typed ranks first.
        let least = self.in_text.saturating_sub(1);
        let span = self.span.map_or(0, |(a, b)| b - a);
        let span = if span < least { least + 1 } else { span };
        span + 64 * self.elsewhere
    }
}

/// The narrowest span of words that holds a place of every list (each a term's places in a
/// text, in order): the first and last word. `None` when a list is empty or there are none.
pub(super) fn narrowest(places: &[Vec<usize>]) -> Option<(usize, usize)> {
    if places.is_empty() || places.iter().any(Vec::is_empty) {
        return None;
    }
    // One cursor per list; the lowest moves on, the span of the cursors' places is measured
    // at each step (the usual sweep for the smallest window holding one of each).
    let mut at = vec![0usize; places.len()];
    let mut best: Option<(usize, usize)> = None;
    loop {
        let heads = places
            .iter()
            .zip(&at)
            .filter_map(|(l, &i)| l.get(i).copied());
        let (lo, hi) = heads.fold((usize::MAX, 0), |(lo, hi), p| (lo.min(p), hi.max(p)));
        if best.is_none_or(|(a, b)| hi - lo < b - a) {
            best = Some((lo, hi));
        }
        let lowest = places
            .iter()
            .zip(&at)
            .position(|(l, &i)| l.get(i) == Some(&lo))?;
        let next = at.get(lowest).copied()? + 1;
        if next >= places.get(lowest)?.len() {
            return best;
        }
        if let Some(cursor) = at.get_mut(lowest) {
            *cursor = next;
        }
    }
}

/// A hit's rank, packed into one number (higher ranks first): from the highest byte, 255 less
/// the typos, 255 less how far apart the terms sit, the terms matched whole, 255 less the field.
fn key(exact: u8, typos: u8, proximity: usize, field: Field) -> u32 {
    let prox = u32::try_from(proximity.min(255)).unwrap_or(255);
    (u32::from(255 - typos) << 24)
        | ((255 - prox) << 16)
        | (u32::from(exact) << 8)
        | (255 - field as u32)
}

/// What a hit's score says, as `search --score` prints it (`typos=0 apart=2 exact=2`): the
/// typos its terms needed, how many words apart they sit in the claim's text (64 more for each
/// term found in another field), and how many matched a whole word as typed. Hits rank by
/// these in this order, then by the field shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    pub typos: u8,
    pub apart: u8,
    pub exact: u8,
}

impl Score {
    /// The parts of a packed score ([`key`]).
    pub fn of(score: u32) -> Score {
        let [typos, apart, exact, _] = score.to_be_bytes();
        Score {
            typos: 255 - typos,
            apart: 255 - apart,
            exact,
        }
    }
}

impl std::fmt::Display for Score {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "typos={} apart={} exact={}",
            self.typos, self.apart, self.exact
        )
    }
}

/// The order of hits: the higher score first, then [`super::tie::tie`], then the dispute's order.
pub(super) fn order(score: u32, tie: u32, entry: usize) -> (std::cmp::Reverse<u32>, u32, usize) {
    (std::cmp::Reverse(score), tie, entry)
}

/// How the claims become hits: where each sits, a string's text, and the string of a claim's
/// own text (shown for a query of negated terms only).
pub(super) struct Places<C, T, O, F> {
    /// The claim of an entry.
    pub claim: C,
    /// An entry's [`super::tie::tie`].
    pub tie: F,
    /// The text of a string.
    pub text: T,
    /// The string of an entry's claim text.
    pub own_text: O,
}

/// The claims that matched every term, as hits best first: first the claims whose own fields
/// (text, speaker, tags, sources) hold a term, ranked as Meilisearch ranks: the fewest typos,
/// then how close together the terms sit in the claim's text, then how many terms match
/// exactly, then the field (text first), then the dispute's order. Then the topic-level hits: claims matched only
/// through their topic's titles or their point's question fold into one hit per side, topic,
/// field and text, so a topic's framing counts once, not once per claim. `positive` says
/// whether the query has a positive term.
pub(super) fn hits<S, C, T, X, O, F>(
    alive: impl IntoIterator<Item = Alive<S>>,
    positive: bool,
    places: &Places<C, T, O, F>,
) -> Vec<(usize, Hit<X>)>
where
    S: Copy + Eq + Hash + Send + Sync,
    C: Fn(usize) -> Option<ClaimAt> + Sync,
    T: Fn(S) -> X + Sync,
    X: Send,
    O: Fn(usize) -> Option<S>,
    F: Fn(usize) -> u32,
{
    let alive = alive.into_iter();
    let mut rows = Rows::with_capacity(alive.size_hint().0);
    for a in alive {
        rows.add(a, positive, places);
    }
    rows.hits(places)
}

/// A side's topic, a field and its string: what a topic-level hit stands for.
type Group<S> = (usize, usize, Field, S);

/// A hit before its text is made.
#[derive(Clone, Copy)]
struct Row<S> {
    /// The claim's entry (in 32 bits, as its place: a row per claim, 100,000 of them), and
    /// its place.
    entry: u32,
    at: ClaimAt,
    score: u32,
    field: Field,
    /// The field's string.
    string: S,
    /// How many claims the hit stands for.
    claims: u32,
    typos: u8,
    /// The claim's [`super::tie::tie`].
    tie: u32,
}

impl<S> Row<S> {
    /// The order of hits ([`order`]).
    fn order(&self) -> (std::cmp::Reverse<u32>, u32, usize) {
        order(self.score, self.tie, self.entry as usize)
    }
}

/// The hits of [`hits`] as light rows, before they are ranked: their texts are made last.
/// Filled claim by claim in the dispute's order; a search on every core fills one per run of
/// claims and [`Rows::concat`]s them in order, so no list of [`Alive`] claims is kept.
pub(super) struct Rows<S> {
    /// The claims matched through their own fields, a row each.
    own: Vec<Row<S>>,
    /// Each topic-level group's row: its first claim's, counting every claim of the group.
    groups: HashMap<Group<S>, Row<S>>,
}

impl<S: Copy + Eq + Hash + Send + Sync> Rows<S> {
    /// Rows for up to `n` claims (at most one row per claim: sized once, not doubled).
    pub fn with_capacity(n: usize) -> Self {
        Rows {
            own: Vec::with_capacity(n),
            groups: HashMap::new(),
        }
    }

    /// Adds a claim that matched every term, after every claim added before it in the
    /// dispute's order. `positive` says whether the query has a positive term.
    pub fn add<C, T, O, F>(&mut self, a: Alive<S>, positive: bool, places: &Places<C, T, O, F>)
    where
        C: Fn(usize) -> Option<ClaimAt>,
        O: Fn(usize) -> Option<S>,
        F: Fn(usize) -> u32,
    {
        let (Some(at), Ok(entry)) = ((places.claim)(a.entry), u32::try_from(a.entry)) else {
            return;
        };
        let row = |field, string, typos| Row {
            entry,
            at,
            score: key(a.exact, a.typos, a.proximity(), field),
            field,
            string,
            claims: 1,
            typos,
            tie: (places.tie)(a.entry),
        };
        match (a.own, a.topic) {
            (Some((_, field, string)), _) => self.own.push(row(field, string, a.typos)),
            (None, Some((_, field, string))) if positive => {
                self.groups
                    .entry((at.side(), at.topic(), field, string))
                    .and_modify(|g| g.claims = g.claims.saturating_add(1))
                    .or_insert_with(|| row(field, string, a.typos));
            }
            _ => {
                // Only negated terms: the claim is shown by its text.
                if let Some(text) = (places.own_text)(a.entry) {
                    self.own.push(row(Field::Text, text, 0));
                }
            }
        }
    }

    /// The rows of runs of claims, given in the dispute's order, as one: a topic-level group
    /// met in several runs keeps its first claim and counts them all.
    pub fn concat(parts: Vec<Rows<S>>) -> Self {
        let own = parts.iter().map(|p| p.own.len()).sum::<usize>();
        let groups = parts.iter().map(|p| p.groups.len()).sum::<usize>();
        // Room for the groups too: they join the list once ranked.
        let mut all = Rows::with_capacity(own + groups);
        for part in parts {
            all.own.extend(part.own);
            for (group, row) in part.groups {
                all.groups
                    .entry(group)
                    .and_modify(|g| g.claims = g.claims.saturating_add(row.claims))
                    .or_insert(row);
            }
        }
        all
    }

    /// The hits, best first: the claims matched through their own fields, then one hit per
    /// topic-level group.
    pub fn hits<C, T, X, O, F>(self, places: &Places<C, T, O, F>) -> Vec<(usize, Hit<X>)>
    where
        T: Fn(S) -> X + Sync,
        X: Send,
    {
        let Rows { mut own, groups } = self;
        own.par_sort_unstable_by_key(Row::order);
        let mut topics: Vec<Row<S>> = groups.into_values().collect();
        topics.sort_unstable_by_key(Row::order);
        own.extend(topics);
        let text_of = &places.text;
        let make = |r: Row<S>| {
            (
                r.entry as usize,
                Hit {
                    claim: r.at,
                    score: r.score,
                    field: r.field,
                    text: text_of(r.string),
                    claims: r.claims as usize,
                    typos: r.typos,
                    tie: r.tie,
                },
            )
        };
        // On a pool of one thread (the screen's ranking) a parallel collect would only gather
        // the hits twice: they are made into a list of their exact length. On more, each
        // thread makes its share, in memory it freed earlier (a cold search's parse), which
        // peaks lower.
        if rayon::current_num_threads() == 1 {
            return own.into_iter().map(make).collect();
        }
        own.into_par_iter().with_min_len(1024).map(make).collect()
    }
}
