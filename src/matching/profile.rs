//! Profiles: each compared claim and each point question turned into what the scorer compares —
//! a weighted term vector, dates, outlets, links, and how well the claim fits each question of
//! its topic.

use super::features::{
    self, Class, Term, Tokenizer, Vector, Vocabulary, claim_texts, day_number, dot, normalise,
    with_spread,
};
use crate::compare::{Comparison, RowKind, TopicRows};
use crate::format::{ClaimAt, Dispute};
use foldhash::{HashMap, HashMapExt, HashSet};
use rayon::prelude::*;
use std::borrow::Cow;

/// How much more a name, number or tag says than a common word of the same rarity.
const BOOST: [(Class, f32); 4] = [
    (Class::Common, 1.0),
    (Class::Name, 1.7),
    (Class::Number, 1.7),
    (Class::Tag, 1.3),
];

/// How much the titles of cited sources and the quotes taken from them count, beside the text.
const SOURCE_WEIGHT: f32 = 0.25;

/// BM25's term-frequency saturation.
const K1: f32 = 1.2;

/// How sharply a claim is assigned to the question it fits best (lower: sharper).
const QUESTION_TEMPERATURE: f32 = 0.08;

/// The similarity a claim needs to a question before it is more likely to answer it than none.
pub const NO_QUESTION: f32 = 0.1;

/// The questions a claim's fit keeps: more than a topic of the bundled dispute has, so only a
/// topic of very many points loses the smallest shares (each too small to tell anything).
pub const FIT_KEPT: usize = 16;

/// The largest shares of a dense fit, at most [`FIT_KEPT`], as (question index, share) by index.
fn sparse(dense: &[f32]) -> Vec<(usize, f32)> {
    let mut kept: Vec<(usize, f32)> = dense
        .iter()
        .copied()
        .enumerate()
        .filter(|&(_, f)| f > 0.0)
        .collect();
    if kept.len() > FIT_KEPT {
        kept.select_nth_unstable_by(FIT_KEPT - 1, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        kept.truncate(FIT_KEPT);
    }
    kept.sort_by_key(|&(i, _)| i);
    kept
}

/// One compared claim as the scorer sees it.
#[derive(Debug, Clone)]
pub struct Profile<'a> {
    /// Where the claim is.
    pub at: ClaimAt,
    /// True for a claim of the left side.
    pub left: bool,
    /// Its topic's index in the comparison.
    pub topic: usize,
    /// Its row's index in that topic.
    pub row: usize,
    /// The index of its point among the topic's questions, when it has one.
    pub point: Option<usize>,
    /// Weighted terms, unit length.
    pub vector: Vector,
    /// The words as written, by term (for reasons), sorted by term: slices of the dispute's
    /// text, so no word is copied.
    pub surfaces: Vec<(Term, &'a str)>,
    /// The terms of the claim's own text, sorted (the rest come from its assessment note and
    /// the titles and quotes of its sources): a reason names apart what is not in both texts.
    pub own_terms: Vec<Term>,
    /// The first and last day its date covers, and whether the date is a single day.
    pub days: Option<(i64, i64, bool)>,
    /// The outlets it cites, sorted, each with how much citing it says ([`weigh_outlets`]).
    pub outlets: Vec<(&'a str, f32)>,
    /// How well it fits the questions of its topic, as (question index, share) by index: the
    /// [`FIT_KEPT`] it fits best, the shares summing to at most 1. A topic of thousands of
    /// points would otherwise give every claim thousands of shares.
    pub fit: Vec<(usize, f32)>,
    /// The claim ids it links to: `rebuts` and typed relations.
    pub rebuts: Vec<&'a str>,
    /// The profiles it rebuts or is rebutted by, sorted.
    pub links: Vec<usize>,
}

/// Weighs each claim's outlets as a word is weighed, by how few of the compared claims cite
/// it: `ln(N / cited) / ln(N)`, 1 for an outlet only one claim cites, 0 for one every claim
/// cites. Two claims citing "a speech" (3% of LIAR's claims do) say little of each other; two
/// citing an outlet a handful of claims cite say more.
fn weigh_outlets(claims: &mut [Profile]) {
    let mut cited: HashMap<&str, usize> = HashMap::new();
    for c in claims.iter() {
        for &(o, _) in &c.outlets {
            *cited.entry(o).or_default() += 1;
        }
    }
    let n = claims.len() as f32;
    let scale = n.ln();
    for c in claims.iter_mut() {
        for (o, w) in &mut c.outlets {
            let by = cited.get(o).copied().unwrap_or(1).max(1) as f32;
            *w = if scale > 0.0 {
                ((n / by).ln() / scale).clamp(0.0, 1.0)
            } else {
                1.0
            };
        }
    }
}

/// One point of a topic: its id, question and what it is about.
#[derive(Debug, Clone)]
pub struct Question {
    /// The point id.
    pub point: String,
    /// The manifest's question, when there is one.
    pub text: Option<String>,
    /// False for the placeholder question a point is made with ("What is at issue here?"): it
    /// asks nothing yet, so no claim is taken to answer it, and no pair is joined to it.
    pub asks: bool,
    /// The question's words and the claims already on the point, unit length.
    pub vector: Vector,
    /// Of `vector`, the terms at most half the topic's claims hold: the ones that tell which of
    /// its questions a claim answers (the topic's own word tells nothing).
    pub telling: Vector,
    /// How well a claim must fit `telling` to be taken to answer the question: half as well
    /// as the claims already on the point do, the weakest of them (0 for a point nobody is on
    /// yet). A point made from one pair is mostly that pair's words: a claim sharing one of
    /// them ("health" on a point about a women's health program) does not answer it.
    pub bar: f32,
}

/// Every compared claim's profile and every topic's questions.
#[derive(Debug)]
pub struct Profiles<'a> {
    /// The dispute's vocabulary and weights.
    pub vocab: Vocabulary,
    /// The left side's claims, then the right side's, in comparison order.
    pub claims: Vec<Profile<'a>>,
    /// The questions of each comparison topic.
    pub questions: Vec<Vec<Question>>,
    /// Each claim's profile index.
    pub index: HashMap<ClaimAt, usize>,
    /// The claim ids of each profile, for links.
    pub ids: Vec<&'a str>,
}

/// A word as cut from a text, before it is interned.
struct Raw<'a> {
    /// Lower case (borrowed when the text already is).
    lower: Cow<'a, str>,
    /// As written.
    piece: &'a str,
    class: Class,
    /// Whether it begins with a small letter.
    lower_case: bool,
    weight: f32,
}

/// Cuts a text into words with their field weight.
fn raw_words<'a>(text: &'a str, weight: f32, out: &mut Vec<Raw<'a>>) {
    for (piece, starts) in features::pieces(text) {
        let lower = if piece.chars().any(char::is_uppercase) {
            Cow::Owned(piece.chars().flat_map(char::to_lowercase).collect())
        } else {
            Cow::Borrowed(piece)
        };
        out.push(Raw {
            lower,
            piece,
            class: features::class_of(piece, starts),
            lower_case: !piece.chars().next().is_some_and(char::is_uppercase),
            weight,
        });
    }
}

/// A claim's words as cut (in parallel, before interning), and what else it says.
struct Cut<'a> {
    at: ClaimAt,
    left: bool,
    topic: usize,
    row: usize,
    id: &'a str,
    words: Vec<Raw<'a>>,
    /// How many of `words` are the claim's own text (they come first).
    own: usize,
    tags: &'a [crate::format::CompactString],
    days: Option<(i64, i64, bool)>,
    point: Option<&'a str>,
    outlets: Vec<&'a str>,
    rebuts: Vec<&'a str>,
}

/// A text's distinct terms, sorted, each with its field weights added up in the order written
/// and its first spelling (empty for a question).
type Tally<'a> = Vec<(Term, f32, &'a str)>;

/// Adds up interned words into a tally.
fn tally<'a>(mut words: Vec<(Term, f32, &'a str)>) -> Tally<'a> {
    // Stable, so each term's weights add up in the order they were written.
    words.sort_by_key(|w| w.0);
    let mut out: Tally = Vec::with_capacity(words.len());
    for (t, w, s) in words {
        match out.last_mut() {
            Some(last) if last.0 == t => last.1 += w,
            _ => out.push((t, w, s)),
        }
    }
    out
}

/// Interns cut words: each is looked up once and stemmed only the first time it is seen.
fn intern<'a>(
    tokenizer: &Tokenizer,
    vocab: &mut Vocabulary,
    words: &[Raw<'a>],
    out: &mut Vec<(Term, f32, &'a str)>,
) {
    for w in words {
        if let Some(term) = vocab.lowered(tokenizer, &w.lower, w.class, w.lower_case) {
            out.push((term, w.weight, w.piece));
        }
    }
}

/// A claim interned: what [`Cut`] holds, its words tallied.
struct Interned<'a> {
    at: ClaimAt,
    left: bool,
    topic: usize,
    row: usize,
    id: &'a str,
    tally: Tally<'a>,
    own_terms: Vec<Term>,
    days: Option<(i64, i64, bool)>,
    point: Option<&'a str>,
    outlets: Vec<&'a str>,
    rebuts: Vec<&'a str>,
}

/// Claims cut in parallel at a time, then interned: the words as cut (the bulkiest step) live
/// for one batch only.
const BATCH: usize = 4096;

/// A point id and its question, if it has one.
type PointQuestion = (String, Option<String>);

/// A topic's questions: the manifest's points, then points only the sides name; with each
/// question's place by point id (the first point of an id), so a claim finds its point by one
/// look-up.
fn topic_points<'t>(
    dispute: &'t Dispute,
    topic: &'t TopicRows,
) -> (Vec<PointQuestion>, HashMap<&'t str, usize>) {
    let manifest = dispute
        .manifest_topic(&topic.id)
        .map_or(&[][..], |m| m.points.as_slice());
    let mut points = Vec::with_capacity(manifest.len());
    let mut index: HashMap<&'t str, usize> = HashMap::with_capacity(manifest.len());
    for p in manifest {
        index.entry(p.id.as_str()).or_insert(points.len());
        points.push((p.id.clone(), p.question.clone()));
    }
    for row in &topic.rows {
        if let (RowKind::Point, Some(p)) = (row.kind, &row.point)
            && !index.contains_key(p.as_str())
        {
            index.insert(p.as_str(), points.len());
            points.push((p.to_string(), row.question.as_deref().map(str::to_owned)));
        }
    }
    (points, index)
}

/// Interns a topic's questions: each question's words, and its point id's words at half weight.
fn intern_questions(
    tokenizer: &Tokenizer,
    vocab: &mut Vocabulary,
    points: Vec<PointQuestion>,
) -> (Vec<Question>, Vec<Tally<'static>>) {
    let mut tallies = Vec::with_capacity(points.len());
    for (id, text) in &points {
        let mut raw = Vec::new();
        if let Some(q) = text {
            raw_words(q, 1.0, &mut raw);
        }
        let spaced = id.replace(['-', '_'], " ");
        raw_words(&spaced, 0.5, &mut raw);
        let mut words = Vec::with_capacity(raw.len());
        intern(tokenizer, vocab, &raw, &mut words);
        // A question has no spelling to show: its words are not a claim's.
        tallies.push(tally(
            words.into_iter().map(|(t, w, _)| (t, w, "")).collect(),
        ));
    }
    let questions = points
        .into_iter()
        .map(|(point, text)| Question {
            asks: !text.as_deref().is_some_and(super::is_placeholder),
            point,
            text,
            vector: Vec::new(),
            telling: Vec::new(),
            bar: 0.0,
        })
        .collect();
    (questions, tallies)
}

/// Cuts one claim (run in parallel).
fn cut<'a>(
    dispute: &'a Dispute,
    labels: &HashSet<&str>,
    (at, left, topic, row): (ClaimAt, bool, usize, usize),
) -> Option<Cut<'a>> {
    let claim = dispute.claim(at)?;
    let mut words = Vec::new();
    let mut own = None;
    for (text, weight) in claim_texts(claim, labels) {
        raw_words(text, weight, &mut words);
        // The claim's text comes first.
        own.get_or_insert(words.len());
    }
    let own = own.unwrap_or(0);
    for (text, weight) in features::cited_texts(dispute, at.side(), claim) {
        raw_words(text, weight * SOURCE_WEIGHT, &mut words);
    }
    Some(Cut {
        at,
        left,
        topic,
        row,
        id: claim.id.as_str(),
        words,
        own,
        tags: &claim.tags,
        days: claim.date.map(|d| {
            (
                day_number(d.first_day()),
                day_number(d.last_day()),
                d.day.is_some(),
            )
        }),
        point: claim.point.as_deref(),
        outlets: features::outlets(dispute, at.side(), claim),
        rebuts: claim.links().map(|(_, to)| to).collect(),
    })
}

impl<'a> Profiles<'a> {
    /// Profiles the two compared sides of `cmp`.
    pub fn new(dispute: &'a Dispute, cmp: &Comparison) -> Profiles<'a> {
        let tokenizer = Tokenizer::default();
        let mut vocab = Vocabulary::default();
        // Every compared claim, in comparison order, cut into words in parallel.
        let mut places = Vec::new();
        for (t, topic) in cmp.topics.iter().enumerate() {
            for (r, row) in topic.rows.iter().enumerate() {
                places.extend(row.left.iter().map(|a| (*a, true, t, r)));
                places.extend(row.right.iter().map(|a| (*a, false, t, r)));
            }
        }
        // Interned topic by topic, each topic's questions first, so term ids do not depend on
        // how the work was split.
        let mut questions: Vec<Vec<Question>> = Vec::with_capacity(cmp.topics.len());
        let mut question_tallies: Vec<Vec<Tally>> = Vec::with_capacity(cmp.topics.len());
        // Each topic's questions by point id, so a claim finds its point by one look-up.
        let mut point_index: Vec<HashMap<&str, usize>> = Vec::with_capacity(cmp.topics.len());
        let mut interned: Vec<Interned<'a>> = Vec::with_capacity(places.len());
        let mut words = Vec::new();
        let notes = places
            .iter()
            .filter_map(|&(at, ..)| features::note(dispute.claim(at)?));
        let labels = features::label_notes(notes, places.len());
        for batch in places.chunks(BATCH) {
            let cuts: Vec<Cut<'a>> = batch
                .par_iter()
                .filter_map(|&place| cut(dispute, &labels, place))
                .collect();
            for c in cuts {
                while questions.len() <= c.topic {
                    let Some(topic) = cmp.topics.get(questions.len()) else {
                        break;
                    };
                    let (points, index) = topic_points(dispute, topic);
                    let (qs, tallies) = intern_questions(&tokenizer, &mut vocab, points);
                    point_index.push(index);
                    questions.push(qs);
                    question_tallies.push(tallies);
                }
                words.clear();
                let (text, rest) = c.words.split_at(c.own.min(c.words.len()));
                intern(&tokenizer, &mut vocab, text, &mut words);
                let mut own_terms: Vec<Term> = words.iter().map(|w| w.0).collect();
                own_terms.sort_unstable();
                own_terms.dedup();
                intern(&tokenizer, &mut vocab, rest, &mut words);
                for tag in c.tags {
                    words.push((vocab.intern(Class::Tag, tag), 1.0, tag.as_str()));
                }
                let tally = tally(std::mem::take(&mut words));
                vocab.count(tally.iter().map(|w| w.0));
                interned.push(Interned {
                    at: c.at,
                    left: c.left,
                    topic: c.topic,
                    row: c.row,
                    id: c.id,
                    tally,
                    own_terms,
                    days: c.days,
                    point: c.point,
                    outlets: c.outlets,
                    rebuts: c.rebuts,
                });
            }
        }
        while let Some(topic) = cmp.topics.get(questions.len()) {
            let (points, index) = topic_points(dispute, topic);
            let (qs, tallies) = intern_questions(&tokenizer, &mut vocab, points);
            point_index.push(index);
            questions.push(qs);
            question_tallies.push(tallies);
        }
        // Weighed in parallel, now that every document is counted and every name known.
        vocab.settle();
        let vocab = vocab;
        let mut claims: Vec<(Profile<'a>, &'a str)> = interned
            .into_par_iter()
            .map(|c| {
                let point = c
                    .point
                    .and_then(|p| point_index.get(c.topic)?.get(p).copied());
                let profile = Profile {
                    at: c.at,
                    left: c.left,
                    topic: c.topic,
                    row: c.row,
                    point,
                    vector: weigh(&vocab, &c.tally),
                    surfaces: c.tally.iter().map(|&(t, _, s)| (t, s)).collect(),
                    own_terms: c.own_terms,
                    days: c.days,
                    outlets: c.outlets.into_iter().map(|o| (o, 1.0)).collect(),
                    fit: Vec::new(),
                    rebuts: c.rebuts,
                    links: Vec::new(),
                };
                (profile, c.id)
            })
            .collect();
        drop(point_index);
        // Left claims first, then right, each in comparison order.
        claims.sort_by_key(|(c, _)| !c.left);
        let (mut claims, ids): (Vec<Profile<'a>>, Vec<&'a str>) = claims.into_iter().unzip();
        // A question is its words plus the claims already on its point.
        let mut on_point: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
        for (i, c) in claims.iter().enumerate() {
            if let Some(k) = c.point {
                on_point.entry((c.topic, k)).or_default().push(i);
            }
        }
        for (t, qs) in questions.iter_mut().enumerate() {
            for (k, q) in qs.iter_mut().enumerate() {
                // The question's own words first, then each claim's, added up term by term in
                // that order.
                let mut all: Vector = question_tallies
                    .get(t)
                    .and_then(|ts| ts.get(k))
                    .map(|tally| weigh(&vocab, tally))
                    .unwrap_or_default();
                for &i in on_point.get(&(t, k)).map_or(&[][..], Vec::as_slice) {
                    all.extend_from_slice(&claims[i].vector);
                }
                all.sort_by_key(|(t, _)| *t);
                let mut vector: Vector = Vec::with_capacity(all.len());
                for (term, w) in all {
                    match vector.last_mut() {
                        Some(last) if last.0 == term => last.1 += w,
                        _ => vector.push((term, w)),
                    }
                }
                normalise(&mut vector);
                q.vector = vector;
            }
        }
        // Per topic, how many of its claims hold each term: a word most of a topic's claims
        // hold (the topic's own word, `abortion` in a topic on abortion) tells nothing about
        // which of its questions a claim answers.
        let mut topic_terms: Vec<(usize, HashMap<Term, usize>)> =
            vec![(0, HashMap::new()); questions.len()];
        for c in &claims {
            if let Some((n, df)) = topic_terms.get_mut(c.topic) {
                *n += 1;
                for &(t, _) in &c.vector {
                    *df.entry(t).or_default() += 1;
                }
            }
        }
        for (t, qs) in questions.iter_mut().enumerate() {
            let Some((n, df)) = topic_terms.get(t) else {
                continue;
            };
            for q in qs.iter_mut() {
                q.telling = q
                    .vector
                    .iter()
                    .copied()
                    .filter(|(term, _)| df.get(term).is_some_and(|&d| d * 2 <= *n))
                    .collect();
            }
        }
        for (&(t, k), members) in &on_point {
            if let Some(q) = questions.get_mut(t).and_then(|qs| qs.get_mut(k)) {
                let weakest = members
                    .iter()
                    .filter_map(|&i| claims.get(i))
                    .map(|c| dot(&c.vector, &q.telling))
                    .fold(f32::INFINITY, f32::min);
                q.bar = if weakest.is_finite() {
                    weakest / 2.0
                } else {
                    0.0
                };
            }
        }
        claims.par_iter_mut().for_each(|c| {
            let qs = &questions[c.topic];
            // A question is one the claim may answer only when they share a telling term: one
            // at most half the topic's claims hold.
            let telling = |q: &Question| {
                q.asks
                    && q.telling
                        .iter()
                        .any(|(t, _)| c.vector.binary_search_by_key(t, |(x, _)| *x).is_ok())
                    && (q.bar == 0.0 || dot(&c.vector, &q.telling) >= q.bar)
            };
            c.fit = match c.point {
                Some(k) => (k < qs.len()).then_some((k, 1.0)).into_iter().collect(),
                None => {
                    // The last slot is "none of these questions": it keeps a claim that fits
                    // no question from counting as answering the only one there is.
                    let mut fit = with_spread(&c.vector, |dots| {
                        softmax(
                            qs.iter()
                                .map(|q| if telling(q) { dots(&q.vector) } else { 0.0 })
                                .chain(std::iter::once(NO_QUESTION)),
                        )
                    });
                    fit.pop();
                    sparse(&fit)
                }
            };
        });
        let by_id: HashMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        let mut links: Vec<Vec<usize>> = vec![Vec::new(); claims.len()];
        for (i, c) in claims.iter().enumerate() {
            for target in &c.rebuts {
                if let Some(&j) = by_id.get(target) {
                    links[i].push(j);
                    links[j].push(i);
                }
            }
        }
        for (c, mut l) in claims.iter_mut().zip(links) {
            l.sort_unstable();
            l.dedup();
            c.links = l;
        }
        weigh_outlets(&mut claims);
        let index = claims.iter().enumerate().map(|(i, c)| (c.at, i)).collect();
        Profiles {
            vocab,
            claims,
            questions,
            index,
            ids,
        }
    }

    /// The number of left claims (they come first in [`Profiles::claims`]).
    pub fn left_len(&self) -> usize {
        self.claims.iter().take_while(|c| c.left).count()
    }
}

/// A tally's weighted vector: saturated term frequency × idf × the class's boost, unit length.
fn weigh(vocab: &Vocabulary, tally: &[(Term, f32, &str)]) -> Vector {
    let mut v: Vector = tally
        .iter()
        .map(|&(t, f, _)| {
            let class = vocab.weighed_class(t);
            let boost = BOOST
                .iter()
                .find(|(c, _)| *c == class)
                .map_or(1.0, |(_, b)| *b);
            (t, f * (K1 + 1.0) / (f + K1) * vocab.idf(t) * boost)
        })
        .filter(|(_, w)| *w > 0.0)
        .collect();
    normalise(&mut v);
    v
}

/// A softmax of similarities: how well a claim fits each question.
fn softmax(sims: impl Iterator<Item = f32>) -> Vec<f32> {
    let sims: Vec<f32> = sims.collect();
    let max = sims.iter().copied().fold(f32::MIN, f32::max);
    let exp: Vec<f32> = sims
        .iter()
        .map(|s| ((s - max) / QUESTION_TEMPERATURE).exp())
        .collect();
    let sum: f32 = exp.iter().sum();
    if sum > 0.0 {
        exp.iter().map(|e| e / sum).collect()
    } else {
        exp
    }
}
