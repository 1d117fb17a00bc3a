//! One hit of a search and its field's text: below the search and the ranking, which both
//! make and read hits.

use super::field::Field;
use super::index::Index;
use crate::format::ClaimAt;
use std::ops::Deref;
use std::sync::Arc;

/// One hit of a search, as every view lists it. Its field's text is a [`HitText`], or, from a
/// one-shot search, the dispute's own string (`&str`: no copy per hit).
#[derive(Debug, Clone)]
pub struct Hit<T = HitText> {
    /// The claim.
    pub claim: ClaimAt,
    /// The rank packed into one number; higher ranks first (`rank::key`, read by [`super::Score`]).
    pub score: u32,
    /// The field shown for the hit: where its best term matched.
    pub field: Field,
    /// That field's text (cleaned at load), for snippets.
    pub text: T,
    /// How many claims the hit stands for: 1 for a match in the claim's own fields; for a
    /// topic-level hit (its topic's titles, its point's question), every claim found only
    /// through that field, `claim` being the first of them.
    pub claims: usize,
    /// Typos the hit needed, over all its terms: more than 0 means it matched only through a
    /// typo (or, in a short field, through letters in order).
    pub typos: u8,
    /// How far through its side's claims the claim stands (`tie::tie`): hits of
    /// equal score are listed by it, so that the sides' hits interleave.
    pub tie: u32,
}

impl<T: Deref<Target = str>, U: Deref<Target = str>> PartialEq<Hit<U>> for Hit<T> {
    fn eq(&self, other: &Hit<U>) -> bool {
        self.claim == other.claim
            && self.score == other.score
            && self.field == other.field
            && *self.text == *other.text
            && self.claims == other.claims
            && self.typos == other.typos
            && self.tie == other.tie
    }
}

impl<T> Hit<T> {
    /// True for a hit through a topic's title or framing or a point's question, which stands
    /// for every claim of its topic or point found that way.
    pub fn is_topic_level(&self) -> bool {
        self.field.is_topic_level()
    }
}

/// A hit's field text: read from the index that found it (no copy per hit: a search of
/// 100,000 claims would copy megabytes of text), or a copy.
#[derive(Clone)]
pub struct HitText(TextOf);

#[derive(Clone)]
enum TextOf {
    Copy(Arc<str>),
    Index(Arc<Index>, u32),
}

impl std::ops::Deref for HitText {
    type Target = str;

    fn deref(&self) -> &str {
        match &self.0 {
            TextOf::Copy(s) => s,
            TextOf::Index(index, id) => index.string(*id),
        }
    }
}

impl AsRef<str> for HitText {
    fn as_ref(&self) -> &str {
        self
    }
}

impl PartialEq for HitText {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl std::fmt::Debug for HitText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

/// A hit's text read from the index that found it.
pub(super) fn indexed(index: &Arc<Index>, id: u32) -> HitText {
    HitText(TextOf::Index(Arc::clone(index), id))
}

impl From<Arc<str>> for HitText {
    fn from(s: Arc<str>) -> Self {
        HitText(TextOf::Copy(s))
    }
}

/// A hit's field text from a one-shot search: the dispute's own string and, when the search
/// found it on the way, the byte where the match a snippet shows starts (what
/// [`super::Highlighter::focus`] would find again, word by word, for each line printed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Located<'d> {
    pub text: &'d str,
    pub at: Option<u32>,
}

impl<'d> Located<'d> {
    /// A text with no place known.
    pub fn text(text: &'d str) -> Self {
        Located { text, at: None }
    }
}

impl std::ops::Deref for Located<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        self.text
    }
}

/// A hit's text that may know where its snippet's match starts ([`Located`]); the others say
/// nothing, and the match is looked for.
pub trait Focused {
    /// The byte where the best match starts, when known.
    fn focused(&self) -> Option<usize> {
        None
    }
}

impl Focused for &str {}

impl Focused for HitText {}

impl Focused for Located<'_> {
    fn focused(&self) -> Option<usize> {
        self.at.and_then(|at| usize::try_from(at).ok())
    }
}
