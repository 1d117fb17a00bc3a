//! Importing claims from other tools into a new dispute: spreadsheets (`csv`) and fact-checks
//! (`claimreview`). Each importer turns what it reads into [`Record`]s of the claims table; one
//! [`Builder`] turns records into sides, topics, claims and sources (ids made where missing,
//! sources merged by url), and records every problem with where it was. Nothing is dropped
//! silently: a record that cannot be used, or a value that is left out, is a [`Problem`].

pub mod claimreview;
pub mod csv;
pub mod record;
mod sources;
mod whole;

/// The day of a date-time: the format's, so an import reads a date as `validate` suggests it.
pub(crate) use crate::format::day_of;
pub use record::{Col, Kind, Record};

use crate::create::{Draft, make_id};
use crate::format::{
    Assessment, Claim, CompactString, Date, FORMAT, ID_MAX, ManifestTopic, Party, Period, Point,
    Rating, Relation, RelationKind, Side, SourceRefs, ThinVec, Topic, is_id,
};
use std::collections::{HashMap, HashSet};

/// A date as an import reads one (a date-time is its day), or the problem to note: `what` (`the
/// date`, `` `claimDate` ``) holds `cell`, which is not a date, and is left out.
fn read_date(cell: &str, what: &str) -> Result<Date, String> {
    day_of(cell.trim()).parse::<Date>().map_err(|e| {
        // The shape's own message already says how a date is written.
        let how = if e.says_how_written() {
            ""
        } else {
            " (write YYYY, YYYY-MM or YYYY-MM-DD)"
        };
        format!(
            "{what} `{}` is not a date ({e}); left out{how}",
            crate::text::quote(cell)
        )
    })
}

/// Something in the input that could not be used as it was.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The file, as given.
    pub file: String,
    /// Where in it: `line 4`, `claims[2]`.
    pub at: String,
    /// What was wrong and what was done about it.
    pub reason: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // One line, inert, as a diagnostic is: a value quoted from the file (a date holding a
        // line break) could otherwise print a report line of its own.
        let (file, reason) = (
            crate::text::inline(&self.file),
            crate::text::inline(&self.reason),
        );
        // A problem of the whole file has no place in it to name.
        if self.at.is_empty() {
            return write!(f, "{file}: {reason}");
        }
        write!(f, "{file}: {}: {reason}", crate::text::inline(&self.at))
    }
}

/// A file that is no text, known by the bytes it opens with: an import given one says what it
/// is, not that a byte of it is not UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Packed {
    /// `PK\x03\x04`: an Excel workbook (`.xlsx`), an OpenDocument sheet, a `.zip`.
    Zip,
    /// `\x1f\x8b`: a `.gz` file.
    Gzip,
    /// `D0 CF 11 E0 A1 B1 1A E1`: an Excel 97-2003 workbook (`.xls`).
    OldExcel,
}

impl Packed {
    /// What the bytes are, when they open as such a file does.
    pub fn of(bytes: &[u8]) -> Option<Packed> {
        match bytes {
            [b'P', b'K', 3, 4, ..] => Some(Packed::Zip),
            [0x1f, 0x8b, ..] => Some(Packed::Gzip),
            [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ..] => Some(Packed::OldExcel),
            _ => None,
        }
    }

    /// The file as a refusal names it.
    pub fn what(self) -> &'static str {
        match self {
            Packed::Zip => {
                "a zip archive (an Excel workbook, .xlsx, or an OpenDocument sheet, .ods, is one)"
            }
            Packed::Gzip => "a gzip-compressed file (.gz)",
            Packed::OldExcel => "an Excel 97-2003 workbook (.xls)",
        }
    }
}

/// One side being built, with what makes merging cheap.
#[derive(Debug)]
struct SideDraft {
    side: Side,
    topics: HashMap<String, usize>,
    /// Source ids by url (or by outlet, title and date when there is no url).
    sources: HashMap<String, String>,
    /// The ids of the side's sources, with each one's place in `side.sources`.
    source_ids: HashMap<String, usize>,
    /// For an id made from an outlet and date, the next number to try after it (`reuters-2`):
    /// a thousand sources of one outlet take a thousand tries, not half a million.
    stems: HashMap<String, usize>,
    /// The side's topics no record gave a title (`side_topic_title` or `topic_title`): they
    /// take the neutral title in effect when the dispute is built, which a `topic` record may
    /// give after them.
    untitled: HashSet<String>,
    /// True once a record gave the party's name (`side_name`): until then it is the `side`
    /// cell, and the first name given takes its place.
    named: bool,
}

/// Where a claim is, and the record that made it.
#[derive(Debug, Clone)]
struct ClaimPlace {
    side: usize,
    topic: usize,
    claim: usize,
    /// The file of the record that made it, as given.
    file: String,
    at: String,
}

impl ClaimPlace {
    /// Where the record that made the claim is, as said in a problem of a record in `file`:
    /// `line 2`, or `line 2 of claims.csv` when that is another file.
    fn shown_from(&self, file: &str) -> String {
        if self.file == file {
            self.at.clone()
        } else {
            format!("{} of {}", self.at, self.file)
        }
    }
}

/// What a cell may give as a name rather than an id (`India` for the side `india`): an id is
/// made from it without a word, unless that loses letters or cuts it.
const NAMED: [&str; 3] = ["the side", "the topic", "the point"];

/// Builds a dispute from records.
#[derive(Debug, Default)]
pub struct Builder {
    sides: Vec<SideDraft>,
    side_ids: HashMap<String, usize>,
    topics: Vec<ManifestTopic>,
    topic_ids: HashMap<String, usize>,
    claims: HashMap<String, ClaimPlace>,
    /// Points a `point` record declared: kept in the manifest even without a question (then
    /// with the neutral one).
    /// Each to the file and place of its first record.
    declared_points: HashMap<(String, String), (String, String)>,
    /// Topics a `topic` record without a side declared: with a `dispute` record (a whole
    /// dispute written by claims-csv), the manifest holds only those, and a topic only claims
    /// name stays in the side files, as in the dispute written; with neither topic nor side
    /// records, it holds every one.
    declared_topics: HashSet<String>,
    /// What a `dispute` record gave.
    dispute: DisputeRecord,
    /// The problems met so far.
    pub problems: Vec<Problem>,
    /// The records read so far ([`Builder::records_read`]).
    records: usize,
    /// Whether the records come from ClaimReview, whose problems name its properties
    /// (`claimReviewed`), not the CSV cells they are read into.
    pub reviews: bool,
    /// Claim ids given to a claim of one side while another side's claim had them: (the side,
    /// the id given) to the id the claim got instead, which the side's later rows with that id
    /// (its further sources) go on to name.
    renamed: HashMap<(String, String), String>,
    /// Every claimant named by a review read so far, so that a `--side` mapping that named
    /// none of them can be reported.
    pub claimants: HashSet<String>,
    /// Each id made from a cell that was not one, by what it names (`the side`) and the id: the
    /// first cell it was made from. A cell is said to be rewritten once, and two cells made
    /// into one id (one side now) are said to be.
    made: HashMap<(String, String), String>,
    /// The cells said to have been made into an id another cell had, by what they name, the id
    /// and the cell (lower case): each is said once.
    merged: HashSet<(String, String, String)>,
    /// The topics a record gave a neutral title (`topic_title`, or a `topic` record): until
    /// then a topic is titled by its `topic` cell, and the first title given takes its place.
    titled: HashSet<String>,
    /// The sides a `side` record named: a second one that changes them is reported.
    declared_sides: HashSet<usize>,
    /// Each manifest topic's points by id: (the topic's place in `topics`, the point's id) to
    /// the point's place in its `points`, so a record finds its point without a scan.
    point_ids: HashMap<(usize, String), usize>,
    /// Records with no text whose claim no record had given yet: (the record, the claim's id,
    /// its side's id, its file and place), placed by [`Builder::place_pending`] at the end.
    pending: Vec<(Record, String, String, String, String)>,
    /// Claim ids made from an id cell that was not one (a url), by (side, the cell in lower
    /// case), and the other way: see [`Builder::made_claim_id`].
    cell_ids: HashMap<(String, String), String>,
    id_cells: HashMap<String, (String, String)>,
    /// The id given to a claim whose text another claim of its side had, by (side, the id its
    /// text made, its speaker): see [`Builder::by_another_speaker`].
    by_speaker: HashMap<(String, String, String), String>,
    /// The id given to a claim whose id cell names a claim of its side with another text, by
    /// (side, the id given, the text folded): see [`Builder::by_another_text`].
    by_text: HashMap<(String, String, String), String>,
}

/// A claim record's cells that are read into ids and dates: see [`Builder::claim_cells`].
struct Cells {
    date: Option<Date>,
    tags: ThinVec<CompactString>,
    rebuts: ThinVec<CompactString>,
    relations: ThinVec<Relation>,
}

/// The dispute as a `dispute` record gives it.
#[derive(Debug, Default)]
struct DisputeRecord {
    seen: bool,
    id: Option<String>,
    title: Option<String>,
    summary: Option<String>,
    period: Option<Period>,
}

/// A stable 64-bit FNV-1a hash: ids made from text must not change between versions or
/// machines, which the standard library's hashers do not promise.
fn stable_hash(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The id a claim without one gets: its first words and a hash of its side and text, so the
/// same claim gets the same id on every import, and two different claims never share one.
pub fn claim_id(side: &str, text: &str) -> String {
    let words = make_id(text, 40);
    let hash = stable_hash(&[side, text]) & 0xff_ffff;
    if words.is_empty() {
        format!("{side}-{hash:06x}")
    } else {
        format!("{words}-{hash:06x}")
    }
}

/// The rating a `rating` cell names: parallax's own word, or a fact-checker's word as
/// `import claimreview` maps it (`false` is refuted, `mostly true` corroborated), in any case.
fn rating_word(word: &str) -> Option<Rating> {
    Rating::parse(&word.trim().to_lowercase()).or_else(|| crate::format::verdicts::rating_of(word))
}

/// The id a cell gives, by the one rule every id cell of an import is read with: `Ok` with the
/// cell itself when it is an id, or in lower case when only its case kept it from being one
/// (`UN`, `B_1`: said without a word); else `Err` with an id made from its letters and digits
/// (empty when it has none), which the caller reports.
fn as_id(cell: &str) -> Result<String, String> {
    if is_id(cell) {
        return Ok(cell.to_owned());
    }
    let lower = cell.to_lowercase();
    if is_id(&lower) {
        return Ok(lower);
    }
    Err(make_id(cell, 128))
}

/// The id an id cell gives, made from it when it is not one (without a word: for comparing).
fn cell_id(cell: &str) -> String {
    as_id(cell.trim()).unwrap_or_else(|made| made)
}

/// Splits a list cell (tags, rebuts) on commas, semicolons and spaces.
fn list(cell: Option<&str>) -> Vec<&str> {
    cell.map(|c| {
        c.split([',', ';', ' ', '\n'])
            .filter(|s| !s.is_empty())
            .collect()
    })
    .unwrap_or_default()
}

impl Builder {
    /// An id for a claim of `side` with `text` that no claim has yet: [`claim_id`]'s, or with
    /// `-2`, `-3`… after it when that is taken.
    fn fresh_claim_id(&self, side: &str, text: &str) -> String {
        let made = claim_id(side, text);
        if self.claims.contains_key(&made) {
            self.numbered_claim_id(&made)
        } else {
            made
        }
    }

    /// `base` with `-2`, `-3`… after it (cut to stay an id), the first that no claim has and
    /// no id cell was made into.
    fn numbered_claim_id(&self, base: &str) -> String {
        (2_usize..)
            .map(|n| {
                let suffix = format!("-{n}");
                let head = base
                    .get(..ID_MAX.saturating_sub(suffix.len()).min(base.len()))
                    .unwrap_or(base)
                    .trim_end_matches('-');
                format!("{head}{suffix}")
            })
            .find(|id| !self.claims.contains_key(id) && !self.id_cells.contains_key(id))
            .unwrap_or_else(|| base.to_owned())
    }

    /// The id a claim's id cell that is not one (a url) is written as: `made`, made from it,
    /// unless a claim of this side made from another cell has that (two urls alike in their
    /// first 128 characters, cut alike), then one of [`Builder::numbered_claim_id`]'s; the
    /// cell's later rows name the same. Said either way. A row without text (`with_text`
    /// false) adds to a claim and makes none: it names the claim `made` names, as written.
    fn made_claim_id(
        &mut self,
        cell: &str,
        made: String,
        with_text: bool,
        side: &str,
        file: &str,
        at: &str,
    ) -> String {
        let key = (side.to_owned(), cell.to_lowercase());
        if let Some(id) = self.cell_ids.get(&key).cloned() {
            self.problem(
                file,
                at,
                format!("`{}` is not an id; `{}` is used", quote(cell), quote(&id)),
            );
            return id;
        }
        let here = self.side_ids.get(side).copied();
        // Another side's claim with the id is another matter, said where ids clash across sides.
        let taken = with_text
            && match self.id_cells.get(&made) {
                Some((s, c)) => s == side && *c != key.1,
                None => self.claims.get(&made).is_some_and(|p| Some(p.side) == here),
            };
        let id = if taken {
            self.numbered_claim_id(&made)
        } else {
            made.clone()
        };
        self.id_cells
            .entry(id.clone())
            .or_insert_with(|| key.clone());
        self.cell_ids.insert(key, id.clone());
        let reason = if taken {
            let by = self
                .claims
                .get(&made)
                .map(|p| format!(" ({})", p.shown_from(file)))
                .unwrap_or_default();
            format!(
                "`{}` is not an id, and `{}`, the id made from it, is another claim's{by}, \
                 made from another cell: this claim gets `{}` (ending `-{}`), and so do later \
                 rows that give this cell",
                quote(cell),
                quote(&made),
                quote(&id),
                id.rsplit('-').next().unwrap_or_default()
            )
        } else {
            format!("`{}` is not an id; `{}` is used", quote(cell), quote(&id))
        };
        self.problem(file, at, reason);
        id
    }

    /// Where the claim `id` was given (as [`ClaimPlace::shown_from`] says it), when it is a
    /// claim other than this side's with this text: a record giving this id would not be that
    /// claim's.
    pub fn other_claim(&self, id: &str, side: &str, text: &str, file: &str) -> Option<String> {
        let place = self.claims.get(id)?;
        let same_side = self.side_ids.get(side) == Some(&place.side);
        let same_text = self
            .sides
            .get(place.side)
            .and_then(|s| s.side.topics.get(place.topic))
            .and_then(|t| t.claims.get(place.claim))
            .is_some_and(|c| c.text == text.trim());
        (!(same_side && same_text)).then(|| place.shown_from(file))
    }

    /// The columns of a record repeating a claim (the same text) whose cells differ from what
    /// the claim has: they are not used, and are to be said so. A cell where the claim has
    /// nothing differs from nothing: it fills the claim in ([`Builder::fill_in`]).
    fn differing(&self, r: &Record, place: &ClaimPlace) -> Vec<&'static str> {
        let topic = self
            .sides
            .get(place.side)
            .and_then(|s| s.side.topics.get(place.topic));
        let (Some(topic), Some(claim)) = (topic, self.claim_at(place)) else {
            return Vec::new();
        };
        let ids = |cell: &str| {
            list(Some(cell))
                .into_iter()
                .map(cell_id)
                .collect::<Vec<_>>()
        };
        let strs = |v: &[CompactString]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let mut out = Vec::new();
        let mut check = |col: Col, differs: bool| {
            if differs {
                out.push(col.name());
            }
        };
        if let Some(t) = r.get(Col::Topic) {
            check(Col::Topic, cell_id(t) != topic.id);
        }
        if let (Some(p), Some(had)) = (r.get(Col::Point), claim.point.as_deref()) {
            check(Col::Point, cell_id(p) != had);
        }
        if let (Some(s), Some(had)) = (r.get(Col::Speaker), claim.speaker.as_deref()) {
            check(Col::Speaker, s.trim() != had);
        }
        if let (Some(d), Some(had)) = (r.get(Col::Date), claim.date) {
            check(
                Col::Date,
                day_of(d.trim()).parse::<Date>().ok() != Some(had),
            );
        }
        let given = |col: Col, had: &[CompactString]| r.get(col).filter(|_| !had.is_empty());
        if let Some(t) = given(Col::Tags, &claim.tags) {
            check(Col::Tags, ids(t) != strs(&claim.tags));
        }
        if let Some(t) = given(Col::Rebuts, &claim.rebuts) {
            check(Col::Rebuts, ids(t) != strs(&claim.rebuts));
        }
        if let Some(cell) = r
            .get(Col::Relations)
            .filter(|_| !claim.relations.is_empty())
        {
            let given: Vec<String> = list(Some(cell))
                .into_iter()
                .map(str::to_lowercase)
                .collect();
            let had: Vec<String> = claim
                .relations
                .iter()
                .map(|rel| format!("{}:{}", rel.kind.as_str(), rel.to))
                .collect();
            check(Col::Relations, given != had);
        }
        out
    }

    /// Reports a claim record's names that differ from the ones in use (the first given
    /// stays): its side's name, its topic's neutral or own title, its point's question.
    fn name_conflicts(
        &mut self,
        r: &Record,
        side: usize,
        topic: usize,
        (topic_id, point): (&str, Option<&str>),
        file: &str,
        at: &str,
    ) {
        let mut found = Vec::new();
        let given = |col| r.get(col).map(str::trim).filter(|s| !s.is_empty());
        if let Some(s) = self.sides.get(side) {
            if let Some(name) = given(Col::SideName)
                && name != s.side.party.name
            {
                found.push((Col::SideName, name, s.side.party.name.clone()));
            }
            if let Some(own) = given(Col::SideTopicTitle)
                && let Some(t) = s.side.topics.get(topic)
                && own != t.title
            {
                found.push((Col::SideTopicTitle, own, t.title.clone()));
            }
        }
        let own = self
            .sides
            .get(side)
            .and_then(|s| s.side.topics.get(topic))
            .map(|t| t.title.as_str());
        let manifest = self
            .topic_ids
            .get(topic_id)
            .and_then(|&i| self.topics.get(i));
        if let Some(t) = manifest {
            // A row's `topic_title` is its side's title too when it has no `side_topic_title`:
            // then, the same as the side's, it is used.
            if let Some(title) = given(Col::TopicTitle)
                && title != t.title
                && Some(title) != own
            {
                found.push((Col::TopicTitle, title, t.title.clone()));
            }
            if let Some(q) = given(Col::Question)
                && let Some(p) = point.and_then(|p| self.manifest_point(topic_id, p))
                && let Some(asked) = p.question.as_deref()
                && q != asked
            {
                found.push((Col::Question, q, asked.to_owned()));
            }
        }
        for (col, cell, kept) in found {
            let what = if self.reviews {
                col.review_property()
            } else {
                format!("the {}", col.name())
            };
            let message = format!(
                "{what} `{}` is not used: `{}` was given before",
                quote(cell),
                quote(&kept)
            );
            self.problem(file, at, message);
        }
    }

    fn problem(&mut self, file: &str, at: &str, reason: String) {
        self.problems.push(Problem {
            file: file.to_owned(),
            at: at.to_owned(),
            reason,
        });
    }

    /// An id from a cell that should be one: as it is, or made from it (with a problem noted).
    fn id_of(&mut self, cell: &str, what: &str, file: &str, at: &str) -> Option<String> {
        self.id_in(cell, what, None, file, at)
    }

    /// [`Builder::id_of`] for a point of `topic`.
    fn point_id_of(&mut self, cell: &str, topic: &str, file: &str, at: &str) -> Option<String> {
        self.id_in(cell, "the point", Some(topic), file, at)
    }

    /// The name given to what `what` names by `id` (a side's name, a topic's neutral title, a
    /// point's question, of `topic`): that name written later is the same thing, not a second.
    fn declared(&self, what: &str, id: &str, topic: Option<&str>) -> Option<&str> {
        match what {
            "the side" => {
                let &i = self.side_ids.get(id)?;
                Some(self.sides.get(i)?.side.party.name.as_str())
            }
            "the topic" => {
                let &i = self.topic_ids.get(id)?;
                Some(self.topics.get(i)?.title.as_str())
            }
            "the point" => self.manifest_point(topic?, id)?.question.as_deref(),
            _ => None,
        }
    }

    fn id_in(
        &mut self,
        cell: &str,
        what: &str,
        topic: Option<&str>,
        file: &str,
        at: &str,
    ) -> Option<String> {
        // An id as written (in any case) is noted too: a name written later as the same id
        // (`Alpha Team` after `alpha-team`, `Café` after `Cafe`) merges the two, and is said.
        let (made, written) = match as_id(cell) {
            Ok(id) => (id, true),
            Err(made) => (made, false),
        };
        if made.is_empty() {
            self.problem(
                file,
                at,
                format!(
                    "{what} `{}` holds no letter or digit to make an id from (ids are \
                     lowercase a-z, 0-9 and -); write an id for it",
                    quote(cell)
                ),
            );
            return None;
        }
        let key = (what.to_owned(), made.clone());
        // A name (of a side, topic or point) becomes an id as documented; what is said is an
        // id column's cell that was not one, and a name that lost letters or was cut.
        let named = NAMED.contains(&what);
        // Asked only of a name seen for the first time: a repeated cell is settled by `made`.
        let lossy = || {
            cell.chars()
                .any(|c| c.is_alphanumeric() && !c.is_ascii_alphanumeric())
                || make_id(cell, usize::MAX) != made
        };
        match self.made.get(&key) {
            // The same cell, or the same in another case (`Beta`, `BETA`): one name; or the
            // name given to this id (`Alpha Team` after `alpha-team` with that `side_name`).
            Some(first)
                if first == cell
                    || first.to_lowercase() == cell.to_lowercase()
                    || self.declared(what, &made, topic) == Some(cell) => {}
            None if written || (named && !lossy()) => {
                self.made.insert(key, cell.to_owned());
            }
            Some(first) => {
                let first = quote(first);
                let said = (what.to_owned(), made.clone(), cell.to_lowercase());
                if self.merged.insert(said) {
                    let how = if written {
                        format!("is the id `{first}` was made into")
                    } else {
                        format!("is written as the id `{}`, as `{first}` was", quote(&made))
                    };
                    self.problem(
                        file,
                        at,
                        format!(
                            "{what} `{}` {how}: they are one now (give them ids of their \
                             own to keep them apart)",
                            quote(cell),
                        ),
                    );
                }
            }
            None => {
                let why = if named {
                    "an id made from a name keeps a-z, 0-9 and -, other letters spelled in \
                     ASCII, up to 128 characters"
                } else {
                    "it is not an id"
                };
                self.problem(
                    file,
                    at,
                    format!(
                        "{what} `{}` is written as the id `{}` ({why})",
                        quote(cell),
                        quote(&made)
                    ),
                );
                self.made.insert(key, cell.to_owned());
            }
        }
        Some(made)
    }

    /// The name of the side `id` so far, when a record has made it.
    pub fn side_name(&self, id: &str) -> Option<&str> {
        self.sides
            .iter()
            .find(|s| s.side.party.id == id)
            .map(|s| s.side.party.name.as_str())
    }

    /// Adds one record; `at` says where it is (`line 4`).
    pub fn add(&mut self, r: &Record, file: &str, at: &str) {
        // A row of empty cells (`,,`, as a spreadsheet writes a row it emptied) is a blank
        // line: nothing in it is lost, so nothing is said (and `--strict` does not stop).
        if r.is_empty() {
            return;
        }
        self.records += 1;
        // Kept as given (the files hold what the source held), but said: every reader of the
        // files shows such a character as a marker, and `validate` warns of it.
        for col in Col::ALL {
            // A review's speaker and claimant both read `itemReviewed.author`: said once.
            if self.reviews && col == Col::Speaker && r.get(col) == r.get(Col::SideName) {
                continue;
            }
            // Cleaned only when it needs it: most cells are copied nowhere.
            // Each one is named, as the loader's warning names them: the first alone hid an
            // escape sequence behind a bidirectional mark.
            let Some(cleaned) = r.get(col).and_then(crate::text::clean_if_needed) else {
                continue;
            };
            let points: Vec<String> = cleaned
                .flagged
                .iter()
                .map(|&c| crate::text::code_point(c))
                .collect();
            let what = match points.len() {
                0 => continue,
                1 => "a control or hidden character; kept, and shown as a visible marker",
                _ => "control or hidden characters; kept, and shown as visible markers",
            };
            let place = if self.reviews {
                col.review_property()
            } else {
                format!("the {} cell", col.name())
            };
            self.problem(
                file,
                at,
                format!("{place} holds {}, {what}", points.join(", ")),
            );
        }
        match r.kind() {
            Kind::Claim => {}
            Kind::Unknown => {
                let word = quote(r.get(Col::Record).unwrap_or_default());
                self.problem(file, at, format!("the record kind `{word}` is not claim, dispute, side, topic, point or source; skipped"));
                return;
            }
            kind => {
                self.add_other(kind, r, file, at);
                return;
            }
        }
        let Some(side_cell) = r.get(Col::Side) else {
            self.problem(file, at, "no side; skipped".to_owned());
            return;
        };
        let Some(side_id) = self.id_of(side_cell.trim(), "the side", file, at) else {
            return;
        };
        // The side is made only once the claim is kept: a side whose every row is skipped
        // is not written (and does not count towards the two sides a dispute needs).
        let known_side = self.side_ids.get(&side_id).copied();
        let text = r.get(Col::Text).map(str::trim);
        let id = match (r.get(Col::Id).map(str::trim), text) {
            // By the one rule for id cells: a case-only change is made without a word.
            (Some(id), _) => match as_id(id) {
                Ok(id) => id,
                Err(made) if made.is_empty() => {
                    self.problem(
                        file,
                        at,
                        format!("the id `{}` holds no letter or digit; skipped", quote(id)),
                    );
                    return;
                }
                Err(made) => {
                    let with_text = text.is_some_and(|t| !t.is_empty());
                    self.made_claim_id(id, made, with_text, &side_id, file, at)
                }
            },
            (None, Some(text)) => claim_id(&side_id, text),
            (None, None) => {
                self.problem(file, at, "no text and no id; skipped".to_owned());
                return;
            }
        };
        // An id this side's claim was moved off (below) goes on naming that claim.
        let id = self
            .renamed
            .get(&(side_id.clone(), id.clone()))
            .cloned()
            .unwrap_or(id);
        // An id another side's claim has: this claim gets one of its own, as a review's
        // identifier does, rather than being dropped.
        let id = match self.claims.get(&id) {
            Some(place) if Some(place.side) != known_side => {
                let shown = place.shown_from(file);
                let given = quote(&id);
                let Some(text) = text.filter(|t| !t.is_empty()) else {
                    self.problem(
                        file,
                        at,
                        format!(
                            "the claim id `{given}` is already a claim of another side ({shown}), and this row has no text to make a claim of; skipped"
                        ),
                    );
                    return;
                };
                let fresh = self.fresh_claim_id(&side_id, text);
                self.problem(
                    file,
                    at,
                    format!(
                        "the claim id `{given}` is already a claim of another side ({shown}); this claim gets `{}`, and so do this side's later rows that give `{given}`",
                        quote(&fresh)
                    ),
                );
                self.renamed.insert((side_id.clone(), id), fresh.clone());
                fresh
            }
            _ => id,
        };
        let id = self.by_another_speaker(r, id, &side_id, file, at);
        let id = self.by_another_text(id, &side_id, text, file, at);
        if let Some(place) = self.claims.get(&id).cloned() {
            self.more_of_claim(r, &id, &place, text, file, at);
            return;
        }
        let Some(text) = text else {
            // A further row of a claim given later (a spreadsheet sorted by another column
            // puts the claim's source rows first): placed once every record is read.
            self.pending
                .push((r.clone(), id, side_id, file.to_owned(), at.to_owned()));
            return;
        };
        let Some(topic_cell) = r.get(Col::Topic).map(str::trim) else {
            self.problem(file, at, "no topic; skipped".to_owned());
            return;
        };
        let Some(topic_id) = self.id_of(topic_cell, "the topic", file, at) else {
            return;
        };
        let side = self.side(&side_id, r.get(Col::SideName), side_cell.trim());
        let topic = self.claim_topic(r, side, &topic_id, topic_cell);
        let point = self.point_cell(r, &topic_id, file, at);
        self.name_conflicts(r, side, topic, (&topic_id, point.as_deref()), file, at);
        let cells = self.claim_cells(r, file, at);
        let assessment = self.assessment(r, file, at);
        let claims = &mut self.sides[side].side.topics[topic].claims;
        claims.push(Claim {
            id: id.as_str().into(),
            point: point.map(Into::into),
            text: text.to_owned(),
            date: cells.date,
            speaker: r.get(Col::Speaker).map(|s| s.trim().into()),
            sources: SourceRefs::new(),
            tags: cells.tags,
            rebuts: cells.rebuts,
            relations: cells.relations,
            assessment: assessment.map(Box::new),
            flagged: ThinVec::new(),
        });
        let place = ClaimPlace {
            side,
            topic,
            claim: claims.len() - 1,
            file: file.to_owned(),
            at: at.to_owned(),
        };
        self.claims.insert(id, place.clone());
        self.source(r, &place, file, at);
    }

    /// The side's topic `id` that a claim record names by its `topic` cell `cell`, titled by
    /// the record's `topic_title` and `side_topic_title` where no record titled it before.
    fn claim_topic(&mut self, r: &Record, side: usize, id: &str, cell: &str) -> usize {
        let neutral = r.get(Col::TopicTitle).unwrap_or(cell).trim().to_owned();
        let framing = r.get(Col::SideTopicTitle).or(r.get(Col::TopicTitle));
        let titled = r.get(Col::TopicTitle).is_some();
        self.topic(side, id, (&neutral, titled), framing.map(str::trim))
    }

    /// A claim record's point, of the manifest topic `topic` (made there with the record's
    /// `question`, or the point's cell when that is a question, not an id).
    fn point_cell(&mut self, r: &Record, topic: &str, file: &str, at: &str) -> Option<String> {
        let cell = r.get(Col::Point).map(str::trim)?;
        let point = self.point_id_of(cell, topic, file, at)?;
        let question = r
            .get(Col::Question)
            .map(str::trim)
            .or((!is_id(cell)).then_some(cell));
        self.point(topic, &point, question);
        Some(point)
    }

    /// A claim record's date, tags, rebuts and relations, each read as the claims table says
    /// (an id made from a cell that is not one, a bad date or relation left out and said).
    fn claim_cells(&mut self, r: &Record, file: &str, at: &str) -> Cells {
        let date = r
            .get(Col::Date)
            .and_then(|d| self.date(d, "date", file, at));
        let tags = list(r.get(Col::Tags))
            .into_iter()
            .filter_map(|t| self.id_of(t, "the tag", file, at).map(Into::into))
            .collect();
        let rebuts = list(r.get(Col::Rebuts))
            .into_iter()
            .filter_map(|t| {
                self.id_of(t, "the rebutted claim", file, at)
                    .map(Into::into)
            })
            .collect();
        let relations = list(r.get(Col::Relations))
            .into_iter()
            .filter_map(|cell| {
                let split = cell.split_once(':');
                let kind = split.and_then(|(kind, _)| RelationKind::parse(&kind.to_lowercase()));
                let why = match (split, kind) {
                    (None, _) => "is not KIND:CLAIM-ID".to_owned(),
                    (Some(_), None) => {
                        "has a kind other than contradicts, reframes, concedes or agrees".to_owned()
                    }
                    (Some((_, to)), Some(_)) if !is_id(to) => format!(
                        "points at `{}`, which is not a claim id (lowercase a-z, 0-9 and -)",
                        quote(to)
                    ),
                    (Some((_, to)), Some(kind)) => {
                        return Some(Relation {
                            kind,
                            to: to.into(),
                        });
                    }
                };
                self.problem(
                    file,
                    at,
                    format!("the relation `{}` {why}; left out", quote(cell)),
                );
                None
            })
            .collect();
        Cells {
            date,
            tags,
            rebuts,
            relations,
        }
    }

    /// The claim at `place`.
    fn claim_at(&self, place: &ClaimPlace) -> Option<&Claim> {
        self.sides
            .get(place.side)?
            .side
            .topics
            .get(place.topic)?
            .claims
            .get(place.claim)
    }

    /// The claim at `place`, to change.
    fn claim_at_mut(&mut self, place: &ClaimPlace) -> Option<&mut Claim> {
        self.sides
            .get_mut(place.side)?
            .side
            .topics
            .get_mut(place.topic)?
            .claims
            .get_mut(place.claim)
    }

    /// The side `id`, made when new, named `name` (else `fallback`, the `side` cell): a side
    /// named only by its cell so far takes the first name a record gives.
    fn side(&mut self, id: &str, name: Option<&str>, fallback: &str) -> usize {
        if let Some(&i) = self.side_ids.get(id) {
            if let Some(s) = self.sides.get_mut(i)
                && let Some(name) = name.map(str::trim).filter(|n| !n.is_empty())
                && !s.named
            {
                name.clone_into(&mut s.side.party.name);
                s.named = true;
            }
            return i;
        }
        let named = name.is_some_and(|n| !n.trim().is_empty());
        let name = name.unwrap_or(fallback);
        self.sides.push(SideDraft {
            side: Side {
                format: FORMAT.to_owned(),
                dispute: String::new(),
                party: Party {
                    id: id.to_owned(),
                    name: name.trim().to_owned(),
                    summary: None,
                },
                sources: Vec::new(),
                topics: Vec::new(),
                file: format!("{id}.json"),
            },
            topics: HashMap::new(),
            sources: HashMap::new(),
            source_ids: HashMap::new(),
            stems: HashMap::new(),
            untitled: HashSet::new(),
            named,
        });
        self.side_ids.insert(id.to_owned(), self.sides.len() - 1);
        self.sides.len() - 1
    }

    /// The manifest's topic `id`, made with the neutral title when new.
    /// The manifest's topic `id`, made when new with the neutral title `neutral`; `titled`
    /// says a record gave that title (else it is the `topic` cell), and a topic titled only by
    /// its cell so far takes the first title given.
    fn manifest_topic(&mut self, id: &str, neutral: &str, titled: bool) -> usize {
        if let Some(&t) = self.topic_ids.get(id) {
            if titled
                && !self.titled.contains(id)
                && let Some(topic) = self.topics.get_mut(t)
            {
                neutral.clone_into(&mut topic.title);
                self.titled.insert(id.to_owned());
            }
            return t;
        }
        if titled {
            self.titled.insert(id.to_owned());
        }
        self.topics.push(ManifestTopic {
            id: id.to_owned(),
            title: neutral.to_owned(),
            summary: None,
            points: Vec::new(),
        });
        self.topic_ids.insert(id.to_owned(), self.topics.len() - 1);
        self.topics.len() - 1
    }

    /// A side's topic `id` (and the manifest's), made when new. `framing` is the side's own
    /// title when a record gives one; without, the topic takes the neutral title in effect at
    /// the end, and the first record that gives one sets it.
    fn topic(
        &mut self,
        side: usize,
        id: &str,
        (neutral, titled): (&str, bool),
        framing: Option<&str>,
    ) -> usize {
        self.manifest_topic(id, neutral, titled);
        let s = &mut self.sides[side];
        if let Some(&t) = s.topics.get(id) {
            if let Some(title) = framing.filter(|_| s.untitled.remove(id))
                && let Some(topic) = s.side.topics.get_mut(t)
            {
                title.clone_into(&mut topic.title);
            }
            return t;
        }
        if framing.is_none() {
            s.untitled.insert(id.to_owned());
        }
        s.side.topics.push(Topic {
            id: id.to_owned(),
            title: framing.unwrap_or(neutral).to_owned(),
            claims: Vec::new(),
        });
        s.topics.insert(id.to_owned(), s.side.topics.len() - 1);
        s.side.topics.len() - 1
    }

    fn point(&mut self, topic: &str, id: &str, question: Option<&str>) {
        let Some(&at) = self.topic_ids.get(topic) else {
            return;
        };
        let Some(t) = self.topics.get_mut(at) else {
            return;
        };
        match self.point_ids.get(&(at, id.to_owned())) {
            Some(&i) => {
                if let Some(p) = t.points.get_mut(i)
                    && p.question.is_none()
                {
                    p.question = question.map(str::to_owned);
                }
            }
            None => {
                self.point_ids.insert((at, id.to_owned()), t.points.len());
                t.points.push(Point {
                    id: id.to_owned(),
                    question: question.map(str::to_owned),
                });
            }
        }
    }

    /// The manifest topic `topic`'s point `id`, when there is one.
    fn manifest_point(&self, topic: &str, id: &str) -> Option<&Point> {
        let &at = self.topic_ids.get(topic)?;
        let &i = self.point_ids.get(&(at, id.to_owned()))?;
        self.topics.get(at)?.points.get(i)
    }

    fn date(&mut self, cell: &str, what: &str, file: &str, at: &str) -> Option<Date> {
        match read_date(cell, &format!("the {what}")) {
            Ok(d) => Some(d),
            Err(why) => {
                self.problem(file, at, why);
                None
            }
        }
    }

    fn assessment(&mut self, r: &Record, file: &str, at: &str) -> Option<Assessment> {
        let note = r.get(Col::Note).map(|n| n.trim().to_owned());
        let by = r.get(Col::By).map(|b| b.trim().to_owned());
        let rating = match r.get(Col::Rating).map(str::trim) {
            Some(word) => match rating_word(word) {
                Some(rating) => rating,
                None => {
                    // As `import claimreview` reads a word not in its table: the verdict, its
                    // note and `by` are kept, the word at the start of the note.
                    let all: Vec<&str> = Rating::ALL.iter().map(|r| r.as_str()).collect();
                    self.problem(file, at, format!("the rating `{}` is not one of {} (nor a fact-checker's word such as `false` or `mostly true`); the assessment is `unverified`, the word kept at the start of its note: write one of those words to say what it means", quote(word), all.join(", ")));
                    Rating::Unverified
                }
            },
            None if note.is_some() || by.is_some() => {
                self.problem(
                    file,
                    at,
                    "a note or `by` without a rating; kept as an `unverified` assessment"
                        .to_owned(),
                );
                Rating::Unverified
            }
            None => return None,
        };
        let note = rated_note(r.get(Col::Rating), note);
        Some(Assessment {
            rating,
            note,
            by,
            sources: Vec::new(),
            indices: Vec::new(),
        })
    }

    /// The id of a record without an id cell whose text a claim of its side has, said by another
    /// speaker: another statement (PolitiFact checks one sentence from two people), so a claim
    /// of its own, and said; that speaker's later rows go on to name it. Else `id` as it is.
    fn by_another_speaker(
        &mut self,
        r: &Record,
        id: String,
        side_id: &str,
        file: &str,
        at: &str,
    ) -> String {
        let (None, Some(text), Some(speaker)) = (
            r.get(Col::Id),
            r.get(Col::Text).map(str::trim),
            r.get(Col::Speaker).map(str::trim).filter(|s| !s.is_empty()),
        ) else {
            return id;
        };
        // Only a text a claim has already can be another speaker's (every entry of
        // `by_speaker` is for such an id): most rows stop here, before any key is made.
        if !self.claims.contains_key(&id) {
            return id;
        }
        // One speaker however written: case and spaces (a line break in a cell) aside.
        let same = |s: &str| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        let key = (side_id.to_owned(), id.clone(), same(speaker));
        if let Some(given) = self.by_speaker.get(&key) {
            return given.clone();
        }
        let side = self.side_ids.get(side_id).copied();
        let Some(place) = self.claims.get(&id).filter(|p| Some(p.side) == side) else {
            return id;
        };
        let first = self
            .sides
            .get(place.side)
            .and_then(|s| s.side.topics.get(place.topic))
            .and_then(|t| t.claims.get(place.claim))
            .and_then(|c| c.speaker.as_deref());
        if first.is_none_or(|s| same(s) == same(speaker)) {
            return id;
        }
        let shown = place.shown_from(file);
        let fresh = self.fresh_claim_id(side_id, text);
        self.problem(
            file,
            at,
            format!(
                "claim `{}` ({shown}) has this text, said by another speaker: this is a claim of its own, `{}` (an `id` column names claims as you choose)",
                quote(&id),
                quote(&fresh)
            ),
        );
        self.by_speaker.insert(key, fresh.clone());
        fresh
    }

    /// The id of a record whose id cell names a claim of its side with another text (not only
    /// in case or spaces): another claim, given one of its own as a claim of another side with
    /// that id is (its text's, [`claim_id`]), and said, rather than dropped; the side's later
    /// rows with that id and text go on to name it. Else `id` as it is.
    fn by_another_text(
        &mut self,
        id: String,
        side_id: &str,
        text: Option<&str>,
        file: &str,
        at: &str,
    ) -> String {
        let Some(text) = text.filter(|t| !t.is_empty()) else {
            return id;
        };
        let side = self.side_ids.get(side_id).copied();
        let Some(place) = self.claims.get(&id).filter(|p| Some(p.side) == side) else {
            return id;
        };
        let fold = |s: &str| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        let folded = fold(text);
        if self.claim_at(place).is_none_or(|c| fold(&c.text) == folded) {
            return id;
        }
        let key = (side_id.to_owned(), id.clone(), folded);
        if let Some(given) = self.by_text.get(&key) {
            return given.clone();
        }
        let shown = place.shown_from(file);
        // The id the text makes, unless another claim has it (one with this very text is this
        // claim: its rows add to it).
        let made = claim_id(side_id, text);
        let fresh = match self.claims.get(&made) {
            Some(p)
                if Some(p.side) == side
                    && self.claim_at(p).is_some_and(|c| fold(&c.text) == key.2) =>
            {
                made
            }
            _ => self.fresh_claim_id(side_id, text),
        };
        self.problem(
            file,
            at,
            format!(
                "claim `{}` was given at {shown} with another text: this is a claim of its own, `{}`, and so are this side's later rows that give `{}` with this text (give each claim an id of its own)",
                quote(&id),
                quote(&fresh),
                quote(&id)
            ),
        );
        self.by_text.insert(key, fresh.clone());
        fresh
    }

    /// A further record of a claim given already (at `place`): its source is added, what the
    /// claim's rows before left empty it fills in, and a text, a verdict or other cells that
    /// differ are reported.
    fn more_of_claim(
        &mut self,
        r: &Record,
        id: &str,
        place: &ClaimPlace,
        text: Option<&str>,
        file: &str,
        at: &str,
    ) {
        let Some(claim) = self.claim_at(place) else {
            return;
        };
        let same = text.is_none_or(|t| claim.text == t);
        let verdict = [Col::Rating, Col::Note, Col::By]
            .into_iter()
            .any(|c| r.get(c).is_some());
        let differ = if same {
            self.differing(r, place)
        } else {
            Vec::new()
        };
        // A row of another topic or point is likelier another claim's: nothing of it is filled
        // in (its verdict neither), and what it gives besides its source is said not to be used.
        let elsewhere = differ
            .iter()
            .any(|&c| c == Col::Topic.name() || c == Col::Point.name());
        if !elsewhere && same && verdict && claim.assessment.is_none() {
            // The claim's first verdict, on a further row of it (its fact-check's source).
            let assessment = self.assessment(r, file, at).map(Box::new);
            if let Some(claim) = self.claim_at_mut(place) {
                claim.assessment = assessment;
            }
        } else if !elsewhere && self.other_verdict(r, place) {
            // `disputed by Snopes: Rated “Mixture”.`: the rating, who gave it, then the
            // note (they were joined by colons: `disputed: Rated “Mixture”.: Snopes`).
            let by = r.get(Col::By).map(|b| format!(" by {}", b.trim()));
            let note = r.get(Col::Note).map(|n| format!(": {}", n.trim()));
            let wording = format!(
                "{}{}{}",
                r.get(Col::Rating).map_or("a verdict", str::trim),
                by.unwrap_or_default(),
                note.unwrap_or_default()
            );
            self.problem(
                file,
                at,
                format!(
                    "another verdict on claim `{}` (given at {}) is not used: {}",
                    quote(id),
                    place.shown_from(file),
                    quote(&wording)
                ),
            );
        }
        if !same {
            self.problem(
                file,
                at,
                format!(
                    "claim `{}` was given at {}; this record's text differs, so its other fields are ignored{}",
                    quote(id),
                    place.shown_from(file),
                    if r.has_source() { " and only its source is added" } else { " and it adds nothing" }
                ),
            );
        } else {
            // What a row of another topic or point gives besides: not used either, but named
            // apart from what differs (it said the same speaker and rating differed).
            let mut unused = Vec::new();
            if elsewhere {
                for col in [
                    Col::SideName,
                    Col::TopicTitle,
                    Col::SideTopicTitle,
                    Col::Point,
                    Col::Question,
                    Col::Speaker,
                    Col::Date,
                    Col::Tags,
                    Col::Rebuts,
                    Col::Relations,
                    Col::Rating,
                    Col::Note,
                    Col::By,
                ] {
                    if r.get(col).is_some_and(|c| !c.trim().is_empty())
                        && !differ.contains(&col.name())
                    {
                        unused.push(col.name());
                    }
                }
            }
            if !differ.is_empty() {
                let added = match (elsewhere, unused.is_empty()) {
                    (false, _) => {
                        "its source is added, and what the claim's rows before left empty"
                            .to_owned()
                    }
                    (true, true) => "only its source is added".to_owned(),
                    (true, false) => format!(
                        "only its source is added; its {} {} not used either: a row of another topic or point is likelier another claim's, so give it an `id` of its own if it is one",
                        unused.join(", "),
                        is_are(unused.len())
                    ),
                };
                self.problem(
                    file,
                    at,
                    format!(
                        "claim `{}` was given at {}; this record's {} ({added})",
                        quote(id),
                        place.shown_from(file),
                        differ_not_used(&differ, ""),
                    ),
                );
            }
            if !elsewhere {
                self.fill_in(r, place, file, at);
            }
        }
        self.source(r, place, file, at);
    }

    /// Whether a further record of the claim at `place` gives a verdict other than the claim's:
    /// another rating, note or `by` (the same given again, in any case, is none).
    fn other_verdict(&self, r: &Record, place: &ClaimPlace) -> bool {
        let kept = self.claim_at(place).and_then(|c| c.assessment.as_deref());
        r.get(Col::Rating).is_some_and(|w| {
            // A word not in the table is read as `unverified`, as on the claim's first row.
            let rating = rating_word(w).unwrap_or(Rating::Unverified);
            // A fact-checker's own word (`TRUE`, `mostly-true`) is kept in the note, so the same
            // rating in another word (`TRUE` after `mostly-true`) is another verdict: the same
            // only when the kept note opens with this word. The rating's own name
            // (`corroborated`) on either row is no fact-checker's word to compare.
            let rated = rated_note(Some(w), None);
            kept.is_none_or(|a| {
                let note = a.note.as_deref().unwrap_or_default();
                let kept_word = note
                    .trim_start()
                    .strip_prefix("Rated ")
                    .is_some_and(|r| r.starts_with(['“', '"']));
                a.rating != rating
                    || rated
                        .is_some_and(|rated| kept_word && !plain(note).starts_with(&plain(&rated)))
            })
        }) || r.get(Col::Note).is_some_and(|n| {
            // Compared as the note would be kept, a fact-checker's word before it, in any
            // case: the same verdict given again on a claim's next source row (`False`
            // after `false`) is no other verdict.
            let note = rated_note(r.get(Col::Rating), Some(n.trim().to_owned()));
            let kept = kept.and_then(|a| a.note.as_deref());
            kept.zip(note.as_deref())
                .is_none_or(|(a, b)| plain(a) != plain(b))
        }) || r.get(Col::By).is_some_and(|b| {
            // Another fact-checker's verdict, even worded the same, is another verdict.
            kept.and_then(|a| a.by.as_deref())
                .is_none_or(|by| by.to_lowercase() != b.trim().to_lowercase())
        })
    }

    /// What a further record of the claim at `place` gives where the claim's rows before left
    /// it empty: its side's name, its topic's titles, its point and the point's question, its
    /// speaker, date, tags, rebuts and relations. Names that differ from those given are
    /// reported (the first given stays), as on a claim's first row.
    fn fill_in(&mut self, r: &Record, place: &ClaimPlace, file: &str, at: &str) {
        let Some(side_id) = self.sides.get(place.side).map(|s| s.side.party.id.clone()) else {
            return;
        };
        let Some(topic_id) = self
            .sides
            .get(place.side)
            .and_then(|s| s.side.topics.get(place.topic))
            .map(|t| t.id.clone())
        else {
            return;
        };
        let Some(claim) = self.claim_at(place) else {
            return;
        };
        let had = claim.point.as_deref().map(str::to_owned);
        // Only the cells the claim has nothing for are read, so each is said once.
        let mut empty = Record::default();
        for (col, none) in [
            (Col::Date, claim.date.is_none()),
            (Col::Tags, claim.tags.is_empty()),
            (Col::Rebuts, claim.rebuts.is_empty()),
            (Col::Relations, claim.relations.is_empty()),
        ] {
            if let Some(cell) = r.get(col).filter(|_| none) {
                empty.set(col, cell);
            }
        }
        let speaker = r
            .get(Col::Speaker)
            .filter(|_| claim.speaker.is_none())
            .map(|s| s.trim().into());
        self.side(&side_id, r.get(Col::SideName), &side_id);
        // A row naming another topic is reported as differing; its titles are not this topic's.
        let point = if r.get(Col::Topic).is_none_or(|t| cell_id(t) == topic_id) {
            self.claim_topic(r, place.side, &topic_id, &topic_id);
            match (&had, r.get(Col::Point)) {
                // A question without a point asks the claim's.
                (Some(p), None) => {
                    self.point(&topic_id, p, r.get(Col::Question).map(str::trim));
                    None
                }
                (Some(p), Some(cell)) if cell_id(cell) != *p => None,
                _ => self.point_cell(r, &topic_id, file, at),
            }
        } else {
            None
        };
        let shown = point.as_deref().or(had.as_deref());
        self.name_conflicts(r, place.side, place.topic, (&topic_id, shown), file, at);
        let cells = self.claim_cells(&empty, file, at);
        let Some(claim) = self.claim_at_mut(place) else {
            return;
        };
        if had.is_none() && point.is_some() {
            claim.point = point.map(Into::into);
        }
        if speaker.is_some() {
            claim.speaker = speaker;
        }
        if cells.date.is_some() {
            claim.date = cells.date;
        }
        if !cells.tags.is_empty() {
            claim.tags = cells.tags;
        }
        if !cells.rebuts.is_empty() {
            claim.rebuts = cells.rebuts;
        }
        if !cells.relations.is_empty() {
            claim.relations = cells.relations;
        }
    }

    /// The records without a text read before their claim's: each goes to its claim when a
    /// record of its side gave one, and is reported as skipped when none did.
    fn place_pending(&mut self) {
        for (r, id, side_id, file, at) in std::mem::take(&mut self.pending) {
            let side = self.side_ids.get(&side_id).copied();
            match self.claims.get(&id).cloned() {
                Some(place) if Some(place.side) == side => {
                    self.more_of_claim(&r, &id, &place, None, &file, &at);
                }
                _ => self.problem(
                    &file,
                    &at,
                    format!(
                        "claim `{}` has no text, and no record of its side gives it one; skipped",
                        quote(&id)
                    ),
                ),
            }
        }
    }

    /// How many records (rows, reviews) were read so far, blank rows not counted: a file that
    /// adds none and no problem held nothing, and is said to.
    pub fn records_read(&self) -> usize {
        self.records
    }

    /// Points each `rebuts` and relation cell at another party's claim, as the format has
    /// them, where sides number their claims alike (`1`, `2` in each party's sheet): the later
    /// side's claim `2` was given a fresh id (see `renamed`), so a cell `2` of the first side
    /// named its own claim, or none. It is made to name the other side's, and that is said at
    /// the row; with two other sides moved off the id, the cell is left as given.
    fn answer_other_sides(&mut self) {
        let mut moved: HashMap<&str, Vec<(usize, &str)>> = HashMap::default();
        for ((side_id, given), fresh) in &self.renamed {
            if let Some(&s) = self.side_ids.get(side_id) {
                moved
                    .entry(given.as_str())
                    .or_default()
                    .push((s, fresh.as_str()));
            }
        }
        if moved.is_empty() {
            return;
        }
        let party = |s: usize| self.sides.get(s).map(|d| d.side.party.id.clone());
        let mut changes = Vec::new();
        for place in self.claims.values() {
            let Some(claim) = self.claim_at(place) else {
                continue;
            };
            let targets = claim
                .rebuts
                .iter()
                .map(|t| ("rebuts", t))
                .chain(claim.relations.iter().map(|r| (r.kind.as_str(), &r.to)));
            for (i, (cell, to)) in targets.enumerate() {
                let owner = self.claims.get(to.as_str()).map(|p| p.side);
                if owner.is_some_and(|s| s != place.side) {
                    continue;
                }
                let others: Vec<&(usize, &str)> = moved
                    .get(to.as_str())
                    .into_iter()
                    .flatten()
                    .filter(|(s, _)| *s != place.side)
                    .collect();
                let &[&(other, fresh)] = others.as_slice() else {
                    continue;
                };
                let which = if owner.is_some() {
                    "this side's own claim"
                } else {
                    "no claim kept under that id"
                };
                let reason = format!(
                    "the {cell} cell names `{}`, {which}; it is taken to name {}'s claim `{}`, now `{}`, as a claim answers another party's",
                    quote(to),
                    quote(&party(other).unwrap_or_default()),
                    quote(to),
                    quote(fresh)
                );
                changes.push((place.clone(), i, fresh.to_owned(), reason));
            }
        }
        // Said in the order of the files' lines by the report, which orders every problem.
        for (place, i, fresh, reason) in changes {
            let Some(claim) = self.claim_at_mut(&place) else {
                continue;
            };
            let rebuts = claim.rebuts.len();
            if let Some(to) = claim.rebuts.get_mut(i) {
                *to = fresh.as_str().into();
            } else if let Some(r) = claim.relations.get_mut(i - rebuts) {
                r.to = fresh.as_str().into();
            }
            self.problems.push(Problem {
                file: place.file,
                at: place.at,
                reason,
            });
        }
    }

    /// The dispute built: a manifest with this id and title, its topics and points, and the
    /// sides in first-appearance order.
    pub fn finish(mut self, id: &str, title: &str) -> (Draft, Vec<Problem>) {
        self.place_pending();
        self.answer_other_sides();
        // A side's topic no record titled takes the neutral title, as the manifest has it.
        let neutral: HashMap<&str, &str> = self
            .topics
            .iter()
            .map(|t| (t.id.as_str(), t.title.as_str()))
            .collect();
        for s in &mut self.sides {
            for t in &mut s.side.topics {
                if s.untitled.contains(&t.id)
                    && let Some(title) = neutral.get(t.id.as_str())
                {
                    (*title).clone_into(&mut t.title);
                }
            }
        }
        let mut draft = Draft::new(id, title);
        // An import of a dispute that had no manifest writes none.
        draft.manifest_optional = true;
        draft.manifest.dispute.summary = self.dispute.summary;
        draft.manifest.dispute.period = self.dispute.period;
        draft.manifest.topics = self.topics;
        // Only for a whole dispute (its `side` or `topic` records too, as claims-csv writes
        // one): a `dispute` record alone (a title given in the table) does not leave every
        // topic out of the manifest, each then warned about.
        let whole = !self.declared_topics.is_empty() || !self.declared_sides.is_empty();
        if self.dispute.seen && whole {
            let declared = &self.declared_topics;
            draft.manifest.topics.retain(|t| declared.contains(&t.id));
        }
        // The manifest names a point only with its question, or when a `point` record declared
        // it; any other stays in the sides. A declared point no record asked a question of
        // gets the neutral one to edit later (a manifest's point needs one), and that is said.
        for t in &mut draft.manifest.topics {
            let declared = &self.declared_points;
            t.points.retain(|p| {
                p.question.is_some() || declared.contains_key(&(t.id.clone(), p.id.clone()))
            });
            for p in t.points.iter_mut().filter(|p| p.question.is_none()) {
                let question = crate::matching::DEFAULT_QUESTION;
                p.question = Some(question.to_owned());
                if let Some((file, at)) = declared.get(&(t.id.clone(), p.id.clone())) {
                    self.problems.push(Problem {
                        file: file.clone(),
                        at: at.clone(),
                        reason: format!(
                            "point `{}` of topic `{}` has no question; it is asked “{question}” \
                             in the manifest, to edit there",
                            quote(&p.id),
                            quote(&t.id)
                        ),
                    });
                }
            }
        }
        draft.sides = self
            .sides
            .into_iter()
            .map(|mut s| {
                s.side.dispute = id.to_owned();
                s.side
            })
            .collect();
        (draft, self.problems)
    }
}

/// The note an assessment keeps for a `rating` cell and a note: a fact-checker's own word
/// (`Mostly True`) is kept before the note, as a ClaimReview's is, since the rating it is read
/// as says less; parallax's own word is not.
fn rated_note(rating: Option<&str>, note: Option<String>) -> Option<String> {
    let word = rating.map(str::trim).unwrap_or_default();
    if word.is_empty() || Rating::parse(&word.to_lowercase()).is_some() {
        return note;
    }
    let rated = format!("Rated “{word}”.");
    Some(match note {
        // A note that already opens with the word (a table written from an import) keeps it once.
        Some(n) if plain(&n).starts_with(&plain(&rated)) => n,
        Some(n) if !n.is_empty() => format!("{rated} {n}"),
        _ => rated,
    })
}

/// A note as two are compared: without case, the kind of quotes, `!` or `?`, with hyphens and
/// underscores for spaces and spaces counted as one (`Rated "mostly-true".` and `Rated “Mostly
/// True!”.` say the same).
fn plain(s: &str) -> String {
    let spaced: String = s
        .chars()
        .filter(|c| !matches!(c, '"' | '“' | '”' | '!' | '?'))
        .map(|c| if matches!(c, '-' | '_') { ' ' } else { c })
        .flat_map(char::to_lowercase)
        .collect();
    // Spaces count as one (`Mostly  True`).
    spaced
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// "is" or "are", as `n` things take it.
fn is_are(n: usize) -> &'static str {
    if n == 1 { "is" } else { "are" }
}

/// Fields a record gives otherwise than one before it, as a problem says so: `note differs from
/// it and is not used`, `note, title differ from it and are not used`; `given here` after the
/// names when `here` is given.
fn differ_not_used(fields: &[&str], here: &str) -> String {
    let verb = if fields.len() == 1 {
        "differs"
    } else {
        "differ"
    };
    format!(
        "{}{here} {verb} from it and {} not used",
        fields.join(", "),
        is_are(fields.len())
    )
}

/// A value quoted in a problem, as the loader quotes one: cleaned like any untrusted text, and
/// cut with `…` and its length when longer than 80 characters, so a problem never grows with
/// its input.
fn quote(s: &str) -> String {
    crate::text::quote(s)
}
