//! Where in a claim a search term matched: a leaf the index, the ranking and the search all
//! read, so none of them imports another for it.

use serde::{Deserialize, Serialize};

/// Where in a claim a search term matched.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::FromRepr,
)]
#[repr(u8)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Field {
    /// The claim's text.
    Text,
    /// Who made the claim.
    Speaker,
    /// One of its tags.
    Tag,
    /// The outlet of a source it cites.
    Outlet,
    /// The title of a source it cites.
    SourceTitle,
    /// The note of its assessment: why it was rated so (a fact-checker's reasons).
    Note,
    /// The topic's neutral title.
    Topic,
    /// The side's own title for the topic.
    Framing,
    /// The question of the claim's point.
    Question,
    /// The claim's id, matched only whole (`liar-1685`): ids are slugs of their topic's words
    /// (`in-pahalgam-attack-…`), so a word or letters in order there would find every claim of
    /// a topic. The index keeps ids apart from the fields it matches term by term.
    Id,
}

impl Field {
    /// True for the fields a claim shares with its whole topic or point: the topic's titles and
    /// the point's question. A match there is one hit, not one per claim.
    pub fn is_topic_level(self) -> bool {
        matches!(self, Field::Topic | Field::Framing | Field::Question)
    }

    /// True for prose, matched by words: letters scattered across a paragraph mean nothing.
    /// Speakers, tags and outlets are short, so letters in order (fzf's way) help there.
    pub fn is_prose(self) -> bool {
        !matches!(self, Field::Speaker | Field::Tag | Field::Outlet)
    }

    /// The field's name in output.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}
