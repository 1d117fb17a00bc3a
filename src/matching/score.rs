//! Scoring one pair of claims: each signal on its own in [0, 1], their weighted sum, and the
//! reasons an analyst can check.

use super::Reason;
use super::features::{Class, Term, dot};
use super::profile::{Profile, Profiles, Question};
use std::borrow::Cow;

/// The signals between a left and a right claim, each in [0, 1].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Signals {
    /// The cosine of their weighted terms.
    pub text: f32,
    /// How likely both answer the same question of their topic (0 across topics).
    pub question: f32,
    /// How close their dates are (0 when either is undated).
    pub date: f32,
    /// Whether they cite a common outlet.
    pub outlet: f32,
    /// Whether a rebuttal already links them, directly or through a claim of the row.
    pub rebut: f32,
    /// True when they sit in different topics.
    pub cross_topic: bool,
}

/// How much each signal counts; the defaults are what `examples/match_eval.rs` measures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// Weight of [`Signals::text`].
    pub text: f32,
    /// Weight of [`Signals::question`].
    pub question: f32,
    /// Weight of [`Signals::date`].
    pub date: f32,
    /// Weight of [`Signals::outlet`].
    pub outlet: f32,
    /// Weight of [`Signals::rebut`].
    pub rebut: f32,
    /// What a cross-topic score is multiplied by: the manifest's topics are a strong prior.
    pub cross_topic: f32,
    /// How much a claim that is clearly another claim's best partner counts less (0: not at all).
    pub one_to_one: f32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            text: 0.5,
            question: 0.25,
            date: 0.04,
            outlet: 0.05,
            rebut: 0.08,
            cross_topic: 0.6,
            one_to_one: 0.15,
        }
    }
}

impl Weights {
    /// The combined score of some signals, in [0, 1].
    pub fn combine(&self, s: &Signals) -> f32 {
        let total = self.text + self.question + self.date + self.outlet + self.rebut;
        if total <= 0.0 {
            return 0.0;
        }
        let sum = self.text * s.text
            + self.question * s.question
            + self.date * s.date
            + self.outlet * s.outlet
            + self.rebut * s.rebut;
        let score = sum / total;
        let score = if s.cross_topic {
            score * self.cross_topic
        } else {
            score
        };
        score.clamp(0.0, 1.0)
    }
}

/// The signals between profiles `a` (left) and `b` (right).
pub fn signals(p: &Profiles, a: usize, b: usize) -> Signals {
    let (Some(x), Some(y)) = (p.claims.get(a), p.claims.get(b)) else {
        return Signals::default();
    };
    signals_given(p, a, b, dot(&x.vector, &y.vector))
}

/// The signals between profiles `a` and `b` whose vectors' dot product, `text`, is known.
pub fn signals_given(p: &Profiles, a: usize, b: usize, text: f32) -> Signals {
    let (Some(x), Some(y)) = (p.claims.get(a), p.claims.get(b)) else {
        return Signals::default();
    };
    let cross_topic = x.topic != y.topic;
    let question = if cross_topic {
        0.0
    } else {
        // The placeholder asks nothing: a claim on its point is no sign the other answers it.
        let qs = p.questions.get(x.topic).map_or(&[][..], Vec::as_slice);
        shared_fit(&x.fit, &y.fit, |k| qs.get(k).is_none_or(|q| q.asks))
    };
    Signals {
        text: text.clamp(0.0, 1.0),
        question: question.clamp(0.0, 1.0),
        date: date_signal(x, y),
        outlet: shared_outlets(x, y).fold(0.0, |best, (_, w)| best.max(w)),
        rebut: f32::from(u8::from(rebut_link(p, a, b).is_some())),
        cross_topic,
    }
}

/// The outlets both claims cite, each with its weight ([`super::profile`]'s `weigh_outlets`).
fn shared_outlets<'p, 'a>(
    x: &'p Profile<'a>,
    y: &'p Profile<'a>,
) -> impl Iterator<Item = (&'a str, f32)> + 'p {
    x.outlets.iter().copied().filter(|(o, _)| {
        y.outlets
            .binary_search_by_key(o, |&(other, _)| other)
            .is_ok()
    })
}

/// How much an outlet must weigh to be named as a reason: cited by at most about √N of the N
/// compared claims (on LIAR, 99 of 9,837; "a speech", cited by 310, is not named).
const NAMED_OUTLET: f32 = 0.5;

/// Days between two claims' dates (0 when their ranges overlap), when both are dated.
fn gap(x: &Profile, y: &Profile) -> Option<(i64, bool)> {
    let ((xf, xl, xd), (yf, yl, yd)) = (x.days?, y.days?);
    Some((0.max(xf.max(yf) - xl.min(yl)), xd && yd))
}

/// Close dates count: a week apart is about half of the same day; dates of a month or a year
/// count less, since they overlap easily.
fn date_signal(x: &Profile, y: &Profile) -> f32 {
    match gap(x, y) {
        Some((days, true)) => (-(days as f32) / 10.0).exp(),
        Some((days, false)) => 0.4 * (-(days as f32) / 30.0).exp(),
        None => 0.0,
    }
}

/// The rebuttal that links `a` and `b`: one rebuts the other (`Ok`), or one rebuts a claim in
/// the other's point row (`Err`, with that claim's profile).
fn rebut_link(p: &Profiles, a: usize, b: usize) -> Option<Result<usize, usize>> {
    let (x, y) = (p.claims.get(a)?, p.claims.get(b)?);
    if x.links.binary_search(&b).is_ok() {
        return Some(Ok(b));
    }
    // A claim of b's point row (on either side) that a rebuts, or that rebuts a.
    if y.point.is_some() {
        for &i in &x.links {
            let c = p.claims.get(i)?;
            if c.topic == y.topic && c.row == y.row {
                return Some(Err(i));
            }
        }
    }
    None
}

/// How likely two claims of one topic answer the same question: the sum over the questions of
/// the product of their fits (each fit sorted by question index).
/// Only the questions that `asks` are counted.
fn shared_fit(x: &[(usize, f32)], y: &[(usize, f32)], asks: impl Fn(usize) -> bool) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while let (Some(&(a, f)), Some(&(b, g))) = (x.get(i), y.get(j)) {
        match a.cmp(&b) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if asks(a) {
                    sum += f * g;
                }
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// The question of their topic that both claims most likely answer, when each fits it at
/// least as well as all the others together (the pair's question reason).
pub fn shared_question<'p>(p: &'p Profiles, a: usize, b: usize) -> Option<&'p Question> {
    let (x, y) = (p.claims.get(a)?, p.claims.get(b)?);
    if x.topic != y.topic {
        return None;
    }
    let best = |fit: &[(usize, f32)]| fit.iter().copied().max_by(|l, r| l.1.total_cmp(&r.1));
    let ((k, f), (l, g)) = (best(&x.fit)?, best(&y.fit)?);
    if k == l && f >= 0.5 && g >= 0.5 {
        // The placeholder a point is made with asks nothing yet: pairs are not joined to it.
        // Each claim must fit the question through its telling terms alone: through a word of
        // little weight (a verdict in the notes) the topic's own word let a claim in (on LIAR,
        // 103 suggestions said both answer the question of one pair just linked).
        let answers = |c: &Profile, q: &Question| {
            dot(&c.vector, &q.telling) >= super::profile::NO_QUESTION.max(q.bar)
        };
        p.questions
            .get(x.topic)?
            .get(k)
            .filter(|q| q.asks)
            .filter(|q| answers(x, q) && answers(y, q))
    } else {
        None
    }
}

/// At most this many terms of each kind are named in a reason.
const NAMED: usize = 4;

/// A name, number or word is named in a reason only when at most this share of the claims hold
/// it: one that most claims carry (a fact-checker's name in every note) says nothing about a
/// pair, though it weighs a little in the score.
const RARE_SHARE: f32 = 0.1;

/// The reasons for pairing profiles `a` and `b`, strongest first.
pub fn reasons(p: &Profiles, a: usize, b: usize, cross_topic_id: Option<&str>) -> Vec<Reason> {
    let (Some(x), Some(y)) = (p.claims.get(a), p.claims.get(b)) else {
        return Vec::new();
    };
    let mut reasons = Vec::new();
    match rebut_link(p, a, b) {
        Some(Ok(i)) => reasons.extend(p.ids.get(i).map(|id| Reason::Rebuts((*id).to_owned()))),
        Some(Err(i)) => {
            reasons.extend(p.ids.get(i).map(|id| Reason::RebutsInRow((*id).to_owned())));
        }
        None => {}
    }
    // Shared terms, by how much each adds to the cosine.
    let rare_cap = ((p.vocab.docs as f32 * RARE_SHARE) as u32).max(3);
    let rare = |t: u32| p.vocab.df.get(t as usize).is_some_and(|&df| df <= rare_cap);
    let mut shared: Vec<(f32, Class, Cow<str>, Term)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < x.vector.len() && j < y.vector.len() {
        let (ta, wa) = x.vector[i];
        let (tb, wb) = y.vector[j];
        match ta.cmp(&tb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let class = p
                    .vocab
                    .class
                    .get(ta as usize)
                    .copied()
                    .unwrap_or(Class::Common);
                // Tags are the analyst's own words: named however common.
                if let Ok(k) = x.surfaces.binary_search_by_key(&ta, |(t, _)| *t)
                    && (class == Class::Tag || rare(ta))
                {
                    // Each claim's own form, when they differ (`jobs (job)`): a reason is
                    // read in both texts, and one form may be in only one of them.
                    let left = x.surfaces[k].1;
                    let right = y
                        .surfaces
                        .binary_search_by_key(&ta, |(t, _)| *t)
                        .ok()
                        .and_then(|k| y.surfaces.get(k))
                        .map_or(left, |(_, s)| *s);
                    let shown = if left.eq_ignore_ascii_case(right) {
                        Cow::Borrowed(left)
                    } else {
                        Cow::Owned(format!("{left} ({right})"))
                    };
                    // A name only when both texts write it as one: "Pat Toomey" and a
                    // "pat-down" share a word, not a name.
                    let capital = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
                    let class = if class == Class::Name && !(capital(left) && capital(right)) {
                        Class::Common
                    } else {
                        class
                    };
                    shared.push((wa * wb, class, shown, ta));
                }
                i += 1;
                j += 1;
            }
        }
    }
    shared.sort_by(|l, r| r.0.total_cmp(&l.0).then(l.2.cmp(&r.2)));
    // A reason is there to be checked by reading the two claims: a term not in both texts (a
    // note's, a source title's or a quote's word) is named apart, as such. Terms are compared,
    // not spellings: `ultrasound` in one text and `ultrasounds` in the other are one term.
    let in_texts = |class: Class, t: Term| {
        class == Class::Tag
            || (x.own_terms.binary_search(&t).is_ok() && y.own_terms.binary_search(&t).is_ok())
    };
    let pick = |class: Class, floor: f32| -> Vec<String> {
        shared
            .iter()
            .filter(|(w, c, _, t)| *c == class && *w >= floor && in_texts(*c, *t))
            .take(NAMED)
            .map(|(_, _, s, _)| s.to_string())
            .collect()
    };
    let beyond: Vec<String> = shared
        .iter()
        .filter(|(w, c, _, t)| !in_texts(*c, *t) && (*c != Class::Common || *w >= 0.005))
        .take(NAMED)
        .map(|(_, _, s, _)| s.to_string())
        .collect();
    let names = pick(Class::Name, 0.0);
    let numbers = pick(Class::Number, 0.0);
    let tags = pick(Class::Tag, 0.0);
    let words = pick(Class::Common, 0.005);
    let nothing = names.is_empty() && numbers.is_empty() && tags.is_empty() && words.is_empty();
    if !names.is_empty() {
        reasons.push(Reason::SharedNames(names));
    }
    if !numbers.is_empty() {
        reasons.push(Reason::SharedNumbers(numbers));
    }
    if !tags.is_empty() {
        reasons.push(Reason::SharedTags(tags));
    }
    if !words.is_empty() {
        reasons.push(Reason::SharedWords(words));
    }
    if nothing {
        reasons.push(Reason::NothingShared);
    }
    if !beyond.is_empty() {
        reasons.push(Reason::BeyondTexts(beyond));
    }
    if let Some(q) = shared_question(p, a, b) {
        reasons.push(Reason::Question(
            q.text.clone().unwrap_or_else(|| q.point.clone()),
        ));
    }
    let outlets: Vec<String> = shared_outlets(x, y)
        .filter(|&(_, w)| w >= NAMED_OUTLET)
        .take(NAMED)
        .map(|(o, _)| o.to_owned())
        .collect();
    if !outlets.is_empty() {
        reasons.push(Reason::SameOutlet(outlets));
    }
    if let Some((days, true)) = gap(x, y) {
        reasons.push(Reason::DaysApart(days));
    }
    if let Some(id) = cross_topic_id {
        reasons.push(Reason::OtherTopic(id.to_owned()));
    }
    reasons
}
