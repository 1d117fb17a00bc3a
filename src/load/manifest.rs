//! Reading the manifest, `dispute.json`: neutral titles, the sides' order, topics and questions.

use super::diagnostic::Code;
use super::pass::{
    self, Cx, DateWant, Fields, FormatWant, Id, Items, OPTIONAL_LINE, OPTIONAL_TEXT, REQUIRED_LINE,
    REQUIRED_TEXT, SchemaWant, Want, object, require,
};
use super::side::first_use;
use crate::format::{CompactString, DisputeInfo, FORMAT, Manifest, ManifestTopic, Period, Point};
use foldhash::{HashMap, HashMapExt};
use serde::de::{Deserializer, MapAccess, SeqAccess};
use std::borrow::Cow;

/// Reads a whole manifest. `Err` is a syntax error; the manifest is complete only when `cx`
/// recorded no error.
pub(super) fn read(cx: &mut Cx, text: &str) -> Result<Option<Manifest>, serde_json::Error> {
    pass::parse(cx, text, Object(ManifestFields::default()))
}

/// The manifest's `sides` alone, read by the same rules as [`read`] (entries outside the folder
/// left out), whatever else the manifest holds: which files a folder's load reads. `None` when
/// the text is not JSON or has no usable `sides`; the load reports why.
pub(super) fn sides(text: &str) -> Option<Vec<String>> {
    let mut scratch = Cx::new("");
    pass::parse(&mut scratch, text, Object(SidesOnly(None)))
        .ok()
        .flatten()
        .flatten()
}

/// Reads only `sides`; every other field is skipped.
struct SidesOnly(Option<Vec<String>>);

impl<'de> Fields<'de> for SidesOnly {
    type Out = Option<Vec<String>>;
    const NAMES: &'static [&'static str] = &["sides"];
    const GLANCE: bool = true;
    fn field<D: Deserializer<'de>>(&mut self, cx: &mut Cx, _: usize, d: D) -> Result<(), D::Error> {
        self.0 = pass::read(cx, d, SidesWant)?;
        Ok(())
    }
    fn finish(self, _: &mut Cx, _: u32) -> Option<Self::Out> {
        Some(self.0)
    }
}

/// An object read by `F`.
struct Object<F>(F);

impl<'de, F: Fields<'de>> Want<'de> for Object<F> {
    type Out = F::Out;
    fn expected(&self) -> Cow<'static, str> {
        "an object".into()
    }
    fn map<A: MapAccess<'de>>(self, cx: &mut Cx, map: A) -> Result<Option<F::Out>, A::Error> {
        object(cx, map, self.0)
    }
}

#[derive(Default)]
struct ManifestFields {
    dispute: Option<DisputeInfo>,
    sides: Option<Vec<String>>,
    topics: Vec<ManifestTopic>,
}

impl<'de> Fields<'de> for ManifestFields {
    type Out = Manifest;
    const NAMES: &'static [&'static str] = &["format", "dispute", "sides", "topics", "$schema"];
    fn field<D: Deserializer<'de>>(&mut self, cx: &mut Cx, i: usize, d: D) -> Result<(), D::Error> {
        match i {
            0 => {
                pass::read(cx, d, FormatWant)?;
            }
            1 => self.dispute = pass::read(cx, d, Object(DisputeFields::default()))?,
            2 => self.sides = pass::read(cx, d, SidesWant)?,
            3 => self.topics = pass::read(cx, d, TopicsWant)?.unwrap_or_default(),
            _ => {
                pass::read(cx, d, SchemaWant)?;
            }
        }
        Ok(())
    }
    fn finish(self, cx: &mut Cx, present: u32) -> Option<Manifest> {
        require(cx, Self::NAMES, present, &[0, 1]);
        Some(Manifest {
            format: FORMAT.to_owned(),
            dispute: self.dispute?,
            sides: self.sides,
            topics: self.topics,
        })
    }
}

#[derive(Default)]
struct DisputeFields {
    id: Option<String>,
    title: Option<String>,
    summary: Option<String>,
    period: Option<Period>,
}

impl<'de> Fields<'de> for DisputeFields {
    type Out = DisputeInfo;
    const NAMES: &'static [&'static str] = &["id", "title", "summary", "period"];
    fn field<D: Deserializer<'de>>(&mut self, cx: &mut Cx, i: usize, d: D) -> Result<(), D::Error> {
        match i {
            0 => self.id = pass::read(cx, d, Id)?.map(String::from),
            1 => self.title = pass::read(cx, d, OPTIONAL_LINE)?,
            2 => self.summary = pass::read(cx, d, OPTIONAL_TEXT)?,
            _ => self.period = pass::read(cx, d, Object(PeriodFields::default()))?,
        }
        Ok(())
    }
    fn finish(self, cx: &mut Cx, present: u32) -> Option<DisputeInfo> {
        require(cx, Self::NAMES, present, &[0]);
        Some(DisputeInfo {
            id: self.id?,
            title: self.title,
            summary: self.summary,
            period: self.period,
        })
    }
}

#[derive(Default)]
struct PeriodFields {
    from: Option<crate::format::Date>,
    to: Option<crate::format::Date>,
}

impl<'de> Fields<'de> for PeriodFields {
    type Out = Period;
    const NAMES: &'static [&'static str] = &["from", "to"];
    fn field<D: Deserializer<'de>>(&mut self, cx: &mut Cx, i: usize, d: D) -> Result<(), D::Error> {
        match i {
            0 => self.from = pass::read(cx, d, DateWant)?,
            _ => self.to = pass::read(cx, d, DateWant)?,
        }
        Ok(())
    }
    fn finish(self, cx: &mut Cx, _: u32) -> Option<Period> {
        if let Some((from, to)) = crate::format::Date::reversed(self.from, self.to) {
            cx.warn(
                Code::ReversedPeriod,
                format!("the period ends on {to}, before it starts on {from}"),
                "`from` on or before `to` (were the two swapped?)",
            );
        }
        Some(Period {
            from: self.from,
            to: self.to,
        })
    }
}

/// The manifest's `sides`: file names inside the dispute folder.
struct SidesWant;

impl<'de> Want<'de> for SidesWant {
    type Out = Vec<String>;
    fn expected(&self) -> Cow<'static, str> {
        "an array".into()
    }
    fn seq<A: SeqAccess<'de>>(self, cx: &mut Cx, seq: A) -> Result<Option<Vec<String>>, A::Error> {
        let mut list = SideList::default();
        pass::items(cx, seq, &mut list)?;
        Ok(Some(list.0))
    }
}

/// A `sides` entry as a path to compare: two entries name one file when their keys are equal
/// (`./b.json` is `b.json`).
fn path_key(p: &str) -> std::path::PathBuf {
    std::path::Path::new(p)
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}

/// True when two `sides` entries name one file.
fn same_path(a: &str, b: &str) -> bool {
    path_key(a) == path_key(b)
}

/// The side files listed, where in `sides` each was, and each one's first place by its path
/// (a look-up, not a scan of the list per entry: a manifest may list 100,000 sides).
#[derive(Default)]
struct SideList(
    Vec<String>,
    Vec<usize>,
    foldhash::HashMap<std::path::PathBuf, usize>,
);

impl<'de> Items<'de> for SideList {
    fn item<D: Deserializer<'de>>(&mut self, cx: &mut Cx, i: usize, d: D) -> Result<(), D::Error> {
        let Some(entry) = pass::read(cx, d, REQUIRED_TEXT)? else {
            return Ok(());
        };
        if !super::inside_folder(&entry) {
            // Said below.
        } else if same_path(&entry, super::MANIFEST) {
            cx.error(
                Code::BadValue,
                format!(
                    "lists the manifest itself (\"{}\") as a side file; it is not read as one, so remove it",
                    crate::text::quote(&entry)
                ),
                "the side files only",
            );
            return Ok(());
        } else if let Some(&first) = self.2.get(&path_key(&entry)) {
            // As every file named twice: read once, and a warning (it was a `duplicate-id`
            // error that said the file was read once all the same).
            cx.warn(
                Code::RepeatedFile,
                format!(
                    "side file \"{}\" is listed twice (first at /sides/{first}); it is read once",
                    crate::text::quote(&entry)
                ),
                "each side file once: remove the second",
            );
            return Ok(());
        }
        if super::inside_folder(&entry) {
            self.2.insert(path_key(&entry), i);
            self.0.push(entry);
            self.1.push(i);
        } else {
            cx.error(
                Code::OutsideFolder,
                format!(
                    "side file \"{}\" is outside the dispute folder; it is not read",
                    crate::text::quote(&entry)
                ),
                "a file in the folder, named relative to it (no `..`, no leading `/`)",
            );
        }
        Ok(())
    }
}

struct TopicsWant;

impl<'de> Want<'de> for TopicsWant {
    type Out = Vec<ManifestTopic>;
    fn expected(&self) -> Cow<'static, str> {
        "an array".into()
    }
    fn seq<A: SeqAccess<'de>>(
        self,
        cx: &mut Cx,
        seq: A,
    ) -> Result<Option<Vec<ManifestTopic>>, A::Error> {
        let mut list = TopicList::default();
        pass::items(cx, seq, &mut list)?;
        Ok(Some(list.out))
    }
}

#[derive(Default)]
struct TopicList {
    seen: HashMap<CompactString, usize>,
    out: Vec<ManifestTopic>,
}

impl<'de> Items<'de> for TopicList {
    fn item<D: Deserializer<'de>>(&mut self, cx: &mut Cx, i: usize, d: D) -> Result<(), D::Error> {
        let expected = "a topic id unique within the manifest";
        if let Some(topic) = pass::read(cx, d, Object(TopicFields::default()))?
            && first_use(cx, &mut self.seen, &topic.id, i, "/topics", expected)
        {
            self.out.push(topic);
        }
        Ok(())
    }
}

#[derive(Default)]
struct TopicFields {
    id: Option<String>,
    title: Option<String>,
    summary: Option<String>,
    points: Vec<Point>,
}

impl<'de> Fields<'de> for TopicFields {
    type Out = ManifestTopic;
    const NAMES: &'static [&'static str] = &["id", "title", "summary", "points"];
    const ELSEWHERE: &'static [(&'static str, &'static str)] = &[(
        "claims",
        "a party's claims go in its side file, under a topic of the same id (the manifest holds each topic's neutral title and questions)",
    )];
    fn field<D: Deserializer<'de>>(&mut self, cx: &mut Cx, i: usize, d: D) -> Result<(), D::Error> {
        match i {
            0 => self.id = pass::read(cx, d, Id)?.map(String::from),
            1 => self.title = pass::read(cx, d, REQUIRED_LINE)?,
            2 => self.summary = pass::read(cx, d, OPTIONAL_TEXT)?,
            _ => {
                let at = cx.here();
                self.points = pass::read(cx, d, PointsWant { at })?.unwrap_or_default();
            }
        }
        Ok(())
    }
    fn finish(self, cx: &mut Cx, present: u32) -> Option<ManifestTopic> {
        require(cx, Self::NAMES, present, &[0, 1]);
        Some(ManifestTopic {
            id: self.id?,
            title: self.title?,
            summary: self.summary,
            points: self.points,
        })
    }
}

/// A topic's `points`; `at` is the list's pointer, which messages about a repeat name.
struct PointsWant {
    at: String,
}

impl<'de> Want<'de> for PointsWant {
    type Out = Vec<Point>;
    fn expected(&self) -> Cow<'static, str> {
        "an array".into()
    }
    fn seq<A: SeqAccess<'de>>(self, cx: &mut Cx, seq: A) -> Result<Option<Vec<Point>>, A::Error> {
        let mut list = PointList {
            at: self.at,
            seen: HashMap::new(),
            out: Vec::new(),
        };
        pass::items(cx, seq, &mut list)?;
        Ok(Some(list.out))
    }
}

struct PointList {
    at: String,
    seen: HashMap<CompactString, usize>,
    out: Vec<Point>,
}

impl<'de> Items<'de> for PointList {
    fn item<D: Deserializer<'de>>(&mut self, cx: &mut Cx, i: usize, d: D) -> Result<(), D::Error> {
        let expected = "a point id unique within its topic";
        if let Some(point) = pass::read(cx, d, Object(PointFields::default()))?
            && first_use(cx, &mut self.seen, &point.id, i, &self.at, expected)
        {
            self.out.push(point);
        }
        Ok(())
    }
}

#[derive(Default)]
struct PointFields {
    id: Option<String>,
    question: Option<String>,
}

impl<'de> Fields<'de> for PointFields {
    type Out = Point;
    const NAMES: &'static [&'static str] = &["id", "question"];
    fn field<D: Deserializer<'de>>(&mut self, cx: &mut Cx, i: usize, d: D) -> Result<(), D::Error> {
        match i {
            0 => self.id = pass::read(cx, d, Id)?.map(String::from),
            _ => self.question = pass::read(cx, d, REQUIRED_LINE)?,
        }
        Ok(())
    }
    fn finish(self, cx: &mut Cx, present: u32) -> Option<Point> {
        require(cx, Self::NAMES, present, &[0, 1]);
        if self.question.as_deref() == Some(crate::format::PLACEHOLDER_QUESTION) {
            cx.field("question", |cx| {
                cx.warn(
                    Code::PlaceholderQuestion,
                    format!(
                        "point `{}` still asks the placeholder “{}”, written when a pair was linked without a question",
                        crate::text::quote(self.id.as_deref().unwrap_or("")),
                        crate::format::PLACEHOLDER_QUESTION
                    ),
                    "the question its claims answer, in neutral words",
                )
            });
        }
        Some(Point {
            id: self.id?,
            question: self.question,
        })
    }
}
