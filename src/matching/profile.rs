//! Profiles: each compared claim and each point question turned into what the scorer compares —
//! a weighted term vector, dates, outlets, links, and how well the claim fits each question of
//! its topic.

use super::features::{
    self, Class, Term, Tokenizer, Vector, Vocabulary, claim_texts, day_number, dot, normalise,
};
use crate::compare::{Comparison, RowKind};
use crate::format::{ClaimAt, Dispute};
use std::collections::HashMap;

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
const NO_QUESTION: f32 = 0.1;

/// One compared claim as the scorer sees it.
#[derive(Debug, Clone)]
pub struct Profile {
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
    /// The words as written, by term (for reasons), sorted by term.
    pub surfaces: Vec<(Term, String)>,
    /// The first and last day its date covers, and whether the date is a single day.
    pub days: Option<(i64, i64, bool)>,
    /// The outlets it cites.
    pub outlets: Vec<String>,
    /// How well it fits each question of its topic; sums to 1 when the topic has questions.
    pub fit: Vec<f32>,
    /// The claim ids it links to: `rebuts` and typed relations.
    pub rebuts: Vec<String>,
    /// The profiles it rebuts or is rebutted by, sorted.
    pub links: Vec<usize>,
}

/// One point of a topic: its id, question and what it is about.
#[derive(Debug, Clone)]
pub struct Question {
    /// The point id.
    pub point: String,
    /// The manifest's question, when there is one.
    pub text: Option<String>,
    /// The question's words and the claims already on the point, unit length.
    pub vector: Vector,
}

/// Every compared claim's profile and every topic's questions.
#[derive(Debug)]
pub struct Profiles {
    /// The dispute's vocabulary and weights.
    pub vocab: Vocabulary,
    /// The left side's claims, then the right side's, in comparison order.
    pub claims: Vec<Profile>,
    /// The questions of each comparison topic.
    pub questions: Vec<Vec<Question>>,
    /// Each claim's profile index.
    pub index: HashMap<ClaimAt, usize>,
    /// The claim ids of each profile, for links.
    pub ids: Vec<String>,
}

/// A text's words with their field weight.
struct Bag {
    words: Vec<(Term, f32)>,
    surfaces: Vec<(Term, String)>,
}

impl Profiles {
    /// Profiles the two compared sides of `cmp`.
    pub fn new(dispute: &Dispute, cmp: &Comparison) -> Profiles {
        let tokenizer = Tokenizer::default();
        let mut vocab = Vocabulary::default();
        let mut claims = Vec::new();
        let mut bags = Vec::new();
        let mut ids = Vec::new();
        let mut questions: Vec<Vec<Question>> = Vec::with_capacity(cmp.topics.len());
        let mut question_bags: Vec<Vec<Bag>> = Vec::with_capacity(cmp.topics.len());
        for (t, topic) in cmp.topics.iter().enumerate() {
            // The topic's questions: the manifest's points, then points only the sides name.
            let mut points: Vec<(String, Option<String>)> = dispute
                .manifest_topic(&topic.id)
                .map(|m| {
                    m.points
                        .iter()
                        .map(|p| (p.id.clone(), p.question.clone()))
                        .collect()
                })
                .unwrap_or_default();
            for row in &topic.rows {
                if let (RowKind::Point, Some(p)) = (row.kind, &row.point)
                    && !points.iter().any(|(id, _)| id == p)
                {
                    points.push((p.clone(), row.question.clone()));
                }
            }
            let mut qbags = Vec::with_capacity(points.len());
            for (id, text) in &points {
                let mut bag = Bag {
                    words: Vec::new(),
                    surfaces: Vec::new(),
                };
                if let Some(q) = text {
                    add_words(&tokenizer, &mut vocab, &mut bag, q, 1.0);
                }
                add_words(
                    &tokenizer,
                    &mut vocab,
                    &mut bag,
                    &id.replace(['-', '_'], " "),
                    0.5,
                );
                qbags.push(bag);
            }
            question_bags.push(qbags);
            questions.push(
                points
                    .into_iter()
                    .map(|(point, text)| Question {
                        point,
                        text,
                        vector: Vec::new(),
                    })
                    .collect(),
            );
            for (r, row) in topic.rows.iter().enumerate() {
                for (at, left) in row
                    .left
                    .iter()
                    .map(|a| (*a, true))
                    .chain(row.right.iter().map(|a| (*a, false)))
                {
                    let Some(claim) = dispute.claim(at) else {
                        continue;
                    };
                    let mut bag = Bag {
                        words: Vec::new(),
                        surfaces: Vec::new(),
                    };
                    for (text, weight) in claim_texts(claim) {
                        add_words(&tokenizer, &mut vocab, &mut bag, text, weight);
                    }
                    for (text, weight) in features::cited_texts(dispute, at.side, claim) {
                        add_words(
                            &tokenizer,
                            &mut vocab,
                            &mut bag,
                            text,
                            weight * SOURCE_WEIGHT,
                        );
                    }
                    for tag in &claim.tags {
                        let term = vocab.intern(Class::Tag, tag);
                        bag.words.push((term, 1.0));
                        bag.surfaces.push((term, tag.clone()));
                    }
                    let mut distinct: Vec<Term> = bag.words.iter().map(|(t, _)| *t).collect();
                    distinct.sort_unstable();
                    distinct.dedup();
                    vocab.count(&distinct);
                    let days = claim.date.map(|d| {
                        (
                            day_number(d.first_day()),
                            day_number(d.last_day()),
                            d.day.is_some(),
                        )
                    });
                    let point = claim
                        .point
                        .as_ref()
                        .and_then(|p| questions[t].iter().position(|q| &q.point == p));
                    claims.push(Profile {
                        at,
                        left,
                        topic: t,
                        row: r,
                        point,
                        vector: Vec::new(),
                        surfaces: Vec::new(),
                        days,
                        outlets: features::outlets(dispute, at.side, claim)
                            .into_iter()
                            .map(str::to_owned)
                            .collect(),
                        fit: Vec::new(),
                        rebuts: claim.links().map(|(_, to)| to.to_owned()).collect(),
                        links: Vec::new(),
                    });
                    ids.push(claim.id.clone());
                    bags.push(bag);
                }
            }
        }
        // Left claims first, then right, each in comparison order.
        let mut order: Vec<usize> = (0..claims.len()).collect();
        order.sort_by_key(|&i| !claims[i].left);
        let mut claims: Vec<Profile> = order.iter().map(|&i| claims[i].clone()).collect();
        let mut bags: Vec<Bag> = order
            .iter()
            .map(|&i| Bag {
                words: std::mem::take(&mut bags[i].words),
                surfaces: std::mem::take(&mut bags[i].surfaces),
            })
            .collect();
        let ids: Vec<String> = order.iter().map(|&i| ids[i].clone()).collect();
        for (profile, bag) in claims.iter_mut().zip(bags.iter_mut()) {
            profile.vector = weigh(&vocab, &bag.words);
            let mut surfaces = std::mem::take(&mut bag.surfaces);
            surfaces.sort_by_key(|(t, _)| *t);
            surfaces.dedup_by_key(|(t, _)| *t);
            profile.surfaces = surfaces;
        }
        // A question is its words plus the claims already on its point.
        let mut on_point: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
        for (i, c) in claims.iter().enumerate() {
            if let Some(k) = c.point {
                on_point.entry((c.topic, k)).or_default().push(i);
            }
        }
        for (t, qs) in questions.iter_mut().enumerate() {
            for (k, q) in qs.iter_mut().enumerate() {
                let mut v: HashMap<Term, f32> = HashMap::new();
                if let Some(bag) = question_bags.get(t).and_then(|b| b.get(k)) {
                    for (term, w) in weigh(&vocab, &bag.words) {
                        *v.entry(term).or_default() += w;
                    }
                }
                for &i in on_point.get(&(t, k)).map_or(&[][..], Vec::as_slice) {
                    for &(term, w) in &claims[i].vector {
                        *v.entry(term).or_default() += w;
                    }
                }
                let mut vector: Vector = v.into_iter().collect();
                vector.sort_unstable_by_key(|(t, _)| *t);
                normalise(&mut vector);
                q.vector = vector;
            }
        }
        for c in &mut claims {
            let qs = &questions[c.topic];
            c.fit = match c.point {
                Some(k) => (0..qs.len()).map(|i| f32::from(u8::from(i == k))).collect(),
                None => {
                    // The last slot is "none of these questions": it keeps a claim that fits
                    // no question from counting as answering the only one there is.
                    let mut fit = softmax(
                        qs.iter()
                            .map(|q| dot(&c.vector, &q.vector))
                            .chain(std::iter::once(NO_QUESTION)),
                    );
                    fit.pop();
                    fit
                }
            };
        }
        let by_id: HashMap<&str, usize> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id.as_str(), i))
            .collect();
        let mut links: Vec<Vec<usize>> = vec![Vec::new(); claims.len()];
        for (i, c) in claims.iter().enumerate() {
            for target in &c.rebuts {
                if let Some(&j) = by_id.get(target.as_str()) {
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

/// Adds a text's words to a bag; the first spelling of each term is kept for reasons.
fn add_words(
    tokenizer: &Tokenizer,
    vocab: &mut Vocabulary,
    bag: &mut Bag,
    text: &str,
    weight: f32,
) {
    let mut lower = String::new();
    for (piece, starts) in features::pieces(text) {
        let class = features::class_of(piece, starts);
        if let Some(term) = vocab.word(tokenizer, piece, class, &mut lower) {
            bag.words.push((term, weight));
            if !bag.surfaces.iter().any(|(t, _)| *t == term) {
                bag.surfaces.push((term, piece.to_owned()));
            }
        }
    }
}

/// A bag's weighted vector: saturated term frequency × idf × the class's boost, unit length.
fn weigh(vocab: &Vocabulary, words: &[(Term, f32)]) -> Vector {
    let mut tf: HashMap<Term, f32> = HashMap::new();
    for &(t, w) in words {
        *tf.entry(t).or_default() += w;
    }
    let mut v: Vector = tf
        .into_iter()
        .map(|(t, f)| {
            let class = vocab
                .class
                .get(t as usize)
                .copied()
                .unwrap_or(Class::Common);
            let boost = BOOST
                .iter()
                .find(|(c, _)| *c == class)
                .map_or(1.0, |(_, b)| *b);
            (t, f * (K1 + 1.0) / (f + K1) * vocab.idf(t) * boost)
        })
        .filter(|(_, w)| *w > 0.0)
        .collect();
    v.sort_unstable_by_key(|(t, _)| *t);
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
