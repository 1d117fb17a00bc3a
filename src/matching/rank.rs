//! Ranking: for each left claim that no right claim answers yet, the best right claims and point
//! rows, within its topic and across topics; and the mutual best pairs the screen shows.

use super::features::with_spread;
use super::profile::Profiles;
use super::score::{Weights, reasons, shared_question, signals, signals_given};
use super::{Reason, Suggestion};
use crate::compare::{Comparison, Row, RowKind};
use foldhash::HashMapExt;
use rayon::prelude::*;
use std::collections::HashSet;

/// A fast hash map, for indices.
type HashMap<K, V> = foldhash::HashMap<K, V>;

/// What to suggest.
#[derive(Debug, Clone)]
pub struct Options {
    /// At most this many suggestions for each left claim.
    pub limit: usize,
    /// Only suggestions scoring at least this.
    pub min_score: f32,
    /// Suggest right claims of other topics too.
    pub across_topics: bool,
    /// How the signals combine.
    pub weights: Weights,
    /// Pairs the analyst dismissed, as (left id, right id) in either order.
    pub dismissed_pairs: HashSet<(String, String)>,
    /// Point rows a claim was kept out of, as (claim id, topic id, point id).
    pub dismissed_rows: HashSet<(String, String, String)>,
}

impl Options {
    /// True when `score` reaches the minimum as it is written out (see [`shown_score`]): a
    /// score listed as 0.423 passes `--min-score 0.423`, however it was rounded to show it.
    pub fn reaches(&self, score: f32) -> bool {
        // Compared as the option was read (f32): 0.495 written and 0.495 typed are one number.
        shown_score(score) as f32 >= self.min_score
    }
}

/// A score as `match --json` writes it: rounded to three decimals.
pub fn shown_score(score: f32) -> f64 {
    (f64::from(score) * 1000.0).round() / 1000.0
}

impl Default for Options {
    fn default() -> Self {
        Options {
            limit: 3,
            min_score: 0.0,
            across_topics: true,
            weights: Weights::default(),
            dismissed_pairs: HashSet::new(),
            dismissed_rows: HashSet::new(),
        }
    }
}

/// The analyst's dismissals, looked up without copying ids.
struct Dismissals<'o> {
    pairs: HashSet<(&'o str, &'o str)>,
    rows: HashSet<(&'o str, &'o str, &'o str)>,
}

impl<'o> Dismissals<'o> {
    fn new(opts: &'o Options) -> Self {
        Dismissals {
            pairs: opts
                .dismissed_pairs
                .iter()
                .flat_map(|(l, r)| [(l.as_str(), r.as_str()), (r.as_str(), l.as_str())])
                .collect(),
            rows: opts
                .dismissed_rows
                .iter()
                .map(|(c, t, p)| (c.as_str(), t.as_str(), p.as_str()))
                .collect(),
        }
    }

    /// Whether the pair of these two claim ids was dismissed (in either order).
    fn pair(&self, a: &str, b: &str) -> bool {
        !self.pairs.is_empty() && self.pairs.contains(&(a, b))
    }

    /// Whether the claim was kept out of the topic's point row.
    fn row(&self, claim: &str, topic: &str, point: &str) -> bool {
        !self.rows.is_empty() && self.rows.contains(&(claim, topic, point))
    }
}

/// The pairs that the dismissals of `opts` leave standing: what the screen keeps on show after a
/// dismissal while the matcher looks again (by the matcher's own rule for dismissals).
pub fn standing(
    pairs: &[Suggestion],
    dispute: &crate::format::Dispute,
    opts: &Options,
) -> Vec<Suggestion> {
    let dismissed = Dismissals::new(opts);
    pairs
        .iter()
        .filter(|s| {
            let (_, _, left) = dispute.ids(s.left);
            let (_, topic, right) = dispute.ids(s.right);
            !dismissed.pair(left, right)
                && !s
                    .point
                    .as_deref()
                    .is_some_and(|point| dismissed.row(left, topic, point))
        })
        .cloned()
        .collect()
}

/// Cross-topic candidates of one left claim that are scored in full.
const CROSS_CANDIDATES: usize = 24;

/// At most this many postings are read for one claim's cross-topic candidates (see
/// `cross_topic`).
const CROSS_POSTINGS: usize = 4096;

/// The comparison's view of one profile's row: does it hold claims of the other side?
fn row_has_other(cmp: &Comparison, p: &Profiles, i: usize) -> bool {
    let Some(c) = p.claims.get(i) else {
        return false;
    };
    cmp.topics
        .get(c.topic)
        .and_then(|t| t.rows.get(c.row))
        .is_some_and(|row| {
            if c.left {
                !row.right.is_empty()
            } else {
                !row.left.is_empty()
            }
        })
}

/// The left claims that need a counterpart, and the right claims a suggestion may name: any
/// right claim on a point (its row can be joined) or in a row without a left claim.
fn sides(cmp: &Comparison, p: &Profiles) -> (Vec<usize>, Vec<usize>) {
    let nl = p.left_len();
    let lefts = (0..nl).filter(|&a| !row_has_other(cmp, p, a)).collect();
    let rights = (nl..p.claims.len())
        .filter(|&b| p.claims[b].point.is_some() || !row_has_other(cmp, p, b))
        .collect();
    (lefts, rights)
}

/// How many left claims need a counterpart (see [`sides`]): none, and there is nothing to
/// suggest whatever the scores.
pub fn without_counterpart(cmp: &Comparison, p: &Profiles) -> usize {
    (0..p.left_len())
        .filter(|&a| !row_has_other(cmp, p, a))
        .count()
}

/// Groups indices by their profile's topic.
fn by_topic(p: &Profiles, topics: usize, items: &[usize]) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); topics];
    for &i in items {
        if let Some(slot) = out.get_mut(p.claims[i].topic) {
            slot.push(i);
        }
    }
    out
}

/// Whose better fits count against a pair in [`topic_matrix`].
#[derive(Clone, Copy, PartialEq)]
enum OneToOne {
    /// The right claim's: a right claim that fits another left claim much better counts less
    /// for this one (suggestions for each left claim).
    Right,
    /// Both claims', half each: the same for either side on the left (the screen's mutual pairs).
    Both,
}

/// The scores of every (left, right) pair of one topic, with one-to-one consistency applied
/// (see [`OneToOne`]).
fn topic_matrix(
    p: &Profiles,
    lefts: &[usize],
    rights: &[usize],
    w: &Weights,
    one_to_one: OneToOne,
) -> Vec<Vec<f32>> {
    let raw: Vec<Vec<f32>> = lefts
        .iter()
        .map(|&a| {
            with_spread(&p.claims[a].vector, |dots| {
                rights
                    .iter()
                    .map(|&b| w.combine(&signals_given(p, a, b, dots(&p.claims[b].vector))))
                    .collect()
            })
        })
        .collect();
    let both = one_to_one == OneToOne::Both;
    if w.one_to_one <= 0.0 || (lefts.len() < 2 && !(both && rights.len() >= 2)) {
        return raw;
    }
    let best_left: Vec<f32> = (0..rights.len())
        .map(|j| raw.iter().map(|r| r[j]).fold(0.0, f32::max))
        .collect();
    raw.iter()
        .map(|r| {
            let best_right = r.iter().copied().fold(0.0, f32::max);
            r.iter()
                .zip(&best_left)
                .map(|(&s, &m)| {
                    let worse = if both {
                        ((m - s) + (best_right - s)) / 2.0
                    } else {
                        m - s
                    };
                    (s - w.one_to_one * worse).max(0.0)
                })
                .collect()
        })
        .collect()
}

/// Candidates from other topics for each left claim: right claims sharing a distinctive term
/// (one that few claims hold), scored in full.
fn cross_topic(
    p: &Profiles,
    lefts: &[usize],
    rights: &[usize],
    w: &Weights,
) -> Vec<Vec<(f32, usize)>> {
    sharing_terms(p, lefts, rights, w, false)
}

/// Pairs of one topic scored in full at most: a topic with more (a side file of one topic
/// holding thousands of claims) has its candidates found as [`cross_topic`] finds them, by the
/// distinctive terms they share, so it costs time in proportion to its claims, not their pairs.
const TOPIC_PAIRS: usize = 1 << 20;

/// Candidates for each left claim among `rights`, in its own topic (`same`) or in the others:
/// right claims sharing a distinctive term (one that few claims hold), scored in full.
fn sharing_terms(
    p: &Profiles,
    lefts: &[usize],
    rights: &[usize],
    w: &Weights,
    same: bool,
) -> Vec<Vec<(f32, usize)>> {
    let cap = ((p.vocab.docs as f32).sqrt() as u32).max(16);
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
    for &b in rights {
        for &(t, _) in &p.claims[b].vector {
            if p.vocab.df.get(t as usize).is_some_and(|&df| df <= cap) {
                postings.entry(t).or_default().push(b);
            }
        }
    }
    lefts
        .par_iter()
        .map(|&a| {
            let x = &p.claims[a];
            // The claim's distinctive terms, rarest first: the strongest evidence is read
            // first, and reading stops at CROSS_POSTINGS, so each claim costs a bounded
            // amount however large the dispute (the whole step stays linear in claims).
            let mut lists: Vec<(f32, &Vec<usize>)> = x
                .vector
                .iter()
                .filter_map(|&(t, wa)| Some((wa, postings.get(&t)?)))
                .collect();
            lists.sort_by_key(|(_, list)| list.len());
            let mut partial: HashMap<usize, f32> = HashMap::new();
            let mut read = 0;
            for (wa, list) in lists {
                if read > 0 && read + list.len() > CROSS_POSTINGS {
                    break;
                }
                read += list.len();
                for &b in list {
                    if (p.claims[b].topic == x.topic) == same {
                        *partial.entry(b).or_default() += wa;
                    }
                }
            }
            let mut partial: Vec<(f32, usize)> = partial.into_iter().map(|(b, s)| (s, b)).collect();
            partial.sort_by(|l, r| r.0.total_cmp(&l.0).then(l.1.cmp(&r.1)));
            partial.truncate(CROSS_CANDIDATES);
            partial
                .into_iter()
                .map(|(_, b)| (w.combine(&signals(p, a, b)), b))
                .collect()
        })
        .collect()
}

/// The ranked suggestions for every left claim that no right claim answers yet: best first
/// within each left claim, at most `opts.limit` each, left claims in comparison order.
pub fn suggest(cmp: &Comparison, p: &Profiles, opts: &Options) -> Vec<Suggestion> {
    let (lefts, rights) = sides(cmp, p);
    let topics = cmp.topics.len();
    let left_topics = by_topic(p, topics, &lefts);
    let right_topics = by_topic(p, topics, &rights);
    let w = &opts.weights;
    // Within each topic.
    let within: Vec<(usize, Vec<(f32, usize)>)> = left_topics
        .par_iter()
        .zip(right_topics.par_iter())
        .flat_map_iter(|(ls, rs)| {
            if ls.len().saturating_mul(rs.len()) > TOPIC_PAIRS {
                let found = sharing_terms(p, ls, rs, w, true);
                return ls.iter().copied().zip(found).collect::<Vec<_>>();
            }
            let m = topic_matrix(p, ls, rs, w, OneToOne::Right);
            ls.iter()
                .zip(m)
                .map(|(&a, row)| (a, row.into_iter().zip(rs.iter().copied()).collect()))
                .collect::<Vec<_>>()
        })
        .collect();
    // Each left claim's candidates, by its place in `lefts`.
    let slot: HashMap<usize, usize> = lefts.iter().enumerate().map(|(k, &a)| (a, k)).collect();
    let mut candidates: Vec<Vec<(f32, usize)>> = vec![Vec::new(); lefts.len()];
    for (a, list) in within {
        if let Some(&k) = slot.get(&a) {
            candidates[k] = list;
        }
    }
    if opts.across_topics {
        for (list, extra) in candidates
            .iter_mut()
            .zip(cross_topic(p, &lefts, &rights, w))
        {
            list.extend(extra);
        }
    }
    let dismissed = Dismissals::new(opts);
    lefts
        .par_iter()
        .zip(candidates.into_par_iter())
        .flat_map_iter(|(&a, list)| best_for(cmp, p, a, list, opts, &dismissed))
        .collect()
}

/// The best suggestions for left profile `a` among scored candidates: one per point row, the
/// dismissed left out, best first.
fn best_for(
    cmp: &Comparison,
    p: &Profiles,
    a: usize,
    mut list: Vec<(f32, usize)>,
    opts: &Options,
    dismissed: &Dismissals,
) -> Vec<Suggestion> {
    let left_id = p.ids[a];
    // The point the left claim answers already, if any: a right claim on another point cannot
    // be joined to it (`link` refuses two claims on two points), so it is not suggested.
    let point_of = |i: usize| {
        row_of(cmp, p, i)
            .filter(|row| row.kind == RowKind::Point)
            .and_then(|row| Some((p.claims.get(i)?.topic, row.point.as_deref()?)))
    };
    let left_point = point_of(a);
    list.sort_by(|l, r| r.0.total_cmp(&l.0).then(l.1.cmp(&r.1)));
    let mut rows_taken: HashSet<(usize, usize)> = HashSet::new();
    let mut out = Vec::new();
    for (score, b) in list {
        if out.len() >= opts.limit || !opts.reaches(score) {
            break;
        }
        let y = &p.claims[b];
        let right_id = p.ids[b];
        if dismissed.pair(left_id, right_id) {
            continue;
        }
        if let (Some(l), Some(r)) = (left_point, point_of(b))
            && l != r
        {
            continue;
        }
        let topic = cmp.topics.get(y.topic);
        let point = topic
            .and_then(|t| t.rows.get(y.row))
            .filter(|row| row.kind == RowKind::Point)
            .and_then(|row| row.point.as_deref().map(str::to_owned));
        if let (Some(point), Some(topic)) = (&point, topic)
            && (!rows_taken.insert((y.topic, y.row)) || dismissed.row(left_id, &topic.id, point))
        {
            continue;
        }
        let x = &p.claims[a];
        let cross = x.topic != y.topic;
        let cross_id = cross.then(|| topic.map_or("?", |t| t.id.as_str()));
        let (reasons, question) = reasons_and_question(cmp, p, (a, b), cross_id, dismissed);
        out.push(Suggestion {
            left: x.at,
            right: y.at,
            point,
            topic: x.topic,
            cross_topic: cross,
            score,
            reasons,
            question,
        });
    }
    out
}

/// The row of the comparison that profile `i`'s claim sits in.
fn row_of<'c>(cmp: &'c Comparison, p: &Profiles, i: usize) -> Option<&'c Row> {
    let c = p.claims.get(i)?;
    cmp.topics.get(c.topic)?.rows.get(c.row)
}

/// A suggested row of the screen: left claim `a` and right claim `b` of one topic, both alone.
fn pair(
    cmp: &Comparison,
    p: &Profiles,
    (a, b): (usize, usize),
    score: f32,
    dismissed: &Dismissals,
) -> Suggestion {
    let (reasons, question) = reasons_and_question(cmp, p, (a, b), None, dismissed);
    Suggestion {
        left: p.claims[a].at,
        right: p.claims[b].at,
        point: None,
        topic: p.claims[a].topic,
        cross_topic: false,
        score,
        reasons,
        question,
    }
}

/// The reasons for pairing `a` and `b`, and the manifest question both answer, which accepting
/// the pair would join them on. A question whose point row the analyst kept the left claim out
/// of (`dismiss --row`) is neither: the pair was offered as joining that point all the same.
fn reasons_and_question(
    cmp: &Comparison,
    p: &Profiles,
    (a, b): (usize, usize),
    cross_id: Option<&str>,
    dismissed: &Dismissals,
) -> (Vec<Reason>, Option<String>) {
    let mut reasons = reasons(p, a, b, cross_id);
    let asked = shared_question(p, a, b).filter(|q| {
        let topic = p.claims.get(a).and_then(|x| cmp.topics.get(x.topic));
        !topic.is_some_and(|t| dismissed.row(p.ids[a], &t.id, &q.point))
    });
    if asked.is_none() {
        reasons.retain(|r| !matches!(r, Reason::Question(_)));
    }
    (reasons, asked.and_then(|q| q.text.clone()))
}

/// [`topic_pairs`] for a topic too large to score every pair of ([`TOPIC_PAIRS`]): each left
/// claim's candidates are the right claims sharing a distinctive word with it, and a pair is
/// kept when each is the other's best among those candidates.
fn mutual_candidates(
    cmp: &Comparison,
    p: &Profiles,
    (ls, rs): (&[usize], &[usize]),
    opts: &Options,
    (dismissed, rows): (&(dyn Fn(usize, usize) -> bool + Sync), &Dismissals),
) -> Vec<Suggestion> {
    let found = sharing_terms(p, ls, rs, &opts.weights, true);
    let kept = |a: usize| move |&&(score, b): &&(f32, usize)| score > 0.0 && !dismissed(a, b);
    // Each right claim's best left claim among the candidate lists (the first on a tie).
    let mut best_left: HashMap<usize, (f32, usize)> = HashMap::new();
    for (&a, list) in ls.iter().zip(&found) {
        for &(score, b) in list.iter().filter(kept(a)) {
            let best = best_left.entry(b).or_insert((score, a));
            if score > best.0 {
                *best = (score, a);
            }
        }
    }
    let mut out = Vec::new();
    for (&a, list) in ls.iter().zip(&found) {
        // The best candidate, the first on a tie.
        let Some(&(score, b)) =
            list.iter()
                .filter(kept(a))
                .fold(None, |best: Option<&(f32, usize)>, c| match best {
                    Some(x) if x.0 >= c.0 => Some(x),
                    _ => Some(c),
                })
        else {
            continue;
        };
        if best_left.get(&b).map(|&(_, l)| l) == Some(a) && opts.reaches(score) {
            out.push(pair(cmp, p, (a, b), score, rows));
        }
    }
    out
}

/// The pairs the screen shows as suggested rows: within each topic, a left and a right claim
/// that each stand alone (no counterpart, no point) and are each other's best match, scoring at
/// least `opts.min_score`. Topic by topic, left claims in comparison order.
pub fn topic_pairs(cmp: &Comparison, p: &Profiles, opts: &Options) -> Vec<Suggestion> {
    let alone = |i: usize| row_of(cmp, p, i).is_some_and(|r| r.kind == RowKind::Single);
    let nl = p.left_len();
    let lefts: Vec<usize> = (0..nl).filter(|&a| alone(a)).collect();
    let rights: Vec<usize> = (nl..p.claims.len()).filter(|&b| alone(b)).collect();
    let topics = cmp.topics.len();
    let (lt, rt) = (by_topic(p, topics, &lefts), by_topic(p, topics, &rights));
    let dismissals = Dismissals::new(opts);
    let dismissed = |a: usize, b: usize| dismissals.pair(p.ids[a], p.ids[b]);
    let per_topic: Vec<Vec<Suggestion>> = lt
        .par_iter()
        .zip(rt.par_iter())
        .map(|(ls, rs)| {
            if ls.len().saturating_mul(rs.len()) > TOPIC_PAIRS {
                return mutual_candidates(cmp, p, (ls, rs), opts, (&dismissed, &dismissals));
            }
            let m = topic_matrix(p, ls, rs, &opts.weights, OneToOne::Both);
            let mut out = Vec::new();
            for (i, &a) in ls.iter().enumerate() {
                let best = |row: &[f32]| -> Option<usize> {
                    (0..rs.len())
                        .filter(|&j| !dismissed(a, rs[j]))
                        .max_by(|&x, &y| row[x].total_cmp(&row[y]).then(y.cmp(&x)))
                };
                let Some(j) = best(&m[i]) else { continue };
                let col_best = (0..ls.len())
                    .filter(|&k| !dismissed(ls[k], rs[j]))
                    .max_by(|&x, &y| m[x][j].total_cmp(&m[y][j]).then(y.cmp(&x)));
                let score = m[i][j];
                if col_best == Some(i) && opts.reaches(score) && score > 0.0 {
                    let b = rs[j];
                    out.push(pair(cmp, p, (a, b), score, &dismissals));
                }
            }
            out
        })
        .collect();
    per_topic.into_iter().flatten().collect()
}
