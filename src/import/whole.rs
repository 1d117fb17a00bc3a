//! The records of the claims table that are not claims: the dispute, a side, a topic, a point
//! and a source. `export --format claims-csv` writes them so that what no claim carries (the
//! summaries, the period, the order of sides, topics and points, a point without a question,
//! sources no claim cites, every source's id) comes back on import.

use super::record::{Col, Kind, Record};
use super::{Builder, quote};
use crate::format::{Date, Period, is_id};

impl Builder {
    /// The dispute's id a `dispute` record gave, if any.
    pub fn dispute_id(&self) -> Option<&str> {
        self.dispute.id.as_deref()
    }

    /// The dispute's title a `dispute` record gave, if any.
    pub fn dispute_title(&self) -> Option<&str> {
        self.dispute.title.as_deref()
    }

    /// Adds a record of another kind than a claim.
    pub(super) fn add_other(&mut self, kind: Kind, r: &Record, file: &str, at: &str) {
        match kind {
            Kind::Dispute => self.dispute_record(r, file, at),
            Kind::Side => {
                self.side_of(kind, r, file, at);
            }
            Kind::Topic => self.topic_record(r, file, at),
            Kind::Point => self.point_record(r, file, at),
            Kind::Source => {
                if let Some(side) = self.side_of(kind, r, file, at) {
                    if r.has_source() {
                        self.side_source(r, side, file, at);
                    } else {
                        self.problem(file, at, "a source record with no source; skipped".into());
                    }
                }
            }
            Kind::Claim | Kind::Unknown => {}
        }
    }

    /// The side a record of `kind` names (made when new, with its name and summary); `None`,
    /// with a problem, when it names none.
    fn side_of(&mut self, kind: Kind, r: &Record, file: &str, at: &str) -> Option<usize> {
        let what = kind.name();
        let Some(cell) = r.get(Col::Side).map(str::trim) else {
            self.problem(file, at, format!("a {what} record with no side; skipped"));
            return None;
        };
        let id = self.id_of(cell, "the side", file, at)?;
        let side = self.side(&id, r.get(Col::SideName), cell);
        if kind == Kind::Side {
            let again = !self.declared_sides.insert(side);
            let draft = &mut self.sides[side];
            let party = &draft.side.party;
            let name = r.get(Col::SideName).map(str::trim);
            let summary = r.get(Col::Summary).map(str::trim);
            // A second side record replaces what the first gave: said when it changes it.
            let changed: Vec<String> = [
                ("name", Some(party.name.as_str()), name),
                ("summary", party.summary.as_deref(), summary),
            ]
            .into_iter()
            .filter(|(_, was, now)| again && was.is_some() && now.is_some() && was != now)
            .map(|(what, was, _)| format!("its {what} `{}`", quote(was.unwrap_or_default())))
            .collect();
            if let Some(name) = name {
                name.clone_into(&mut draft.side.party.name);
                draft.named = true;
            }
            draft.side.party.summary = summary.map(str::to_owned);
            if !changed.is_empty() {
                self.problem(
                    file,
                    at,
                    format!(
                        "a second side record for `{}` replaces {}",
                        quote(&id),
                        changed.join(" and ")
                    ),
                );
            }
        }
        Some(side)
    }

    /// The dispute's id, title, summary and period. A second `dispute` record fills what the
    /// first left empty; a cell that differs from the first's is reported and not used.
    fn dispute_record(&mut self, r: &Record, file: &str, at: &str) {
        let again = std::mem::replace(&mut self.dispute.seen, true);
        let id = r.get(Col::Id).map(str::trim).and_then(|id| {
            if is_id(id) {
                return Some(id.to_owned());
            }
            self.problem(
                file,
                at,
                format!("the dispute id `{}` is not an id; left out", quote(id)),
            );
            None
        });
        let title = r.get(Col::Title).map(|t| t.trim().to_owned());
        let summary = r.get(Col::Summary).map(|s| s.trim().to_owned());
        let from = r
            .get(Col::PeriodFrom)
            .and_then(|d| self.date(d, "period's start", file, at));
        let to = r
            .get(Col::PeriodTo)
            .and_then(|d| self.date(d, "period's end", file, at));
        if let Some((from, to)) = Date::reversed(from, to) {
            self.problem(
                file,
                at,
                format!(
                    "the period ends on {to}, before it starts on {from}; kept as given \
                     (were the two swapped?)"
                ),
            );
        }
        let d = &mut self.dispute;
        let (old_from, old_to) = d.period.as_ref().map_or((None, None), |p| (p.from, p.to));
        // Each cell the first record left empty is taken; one it gave differently is named.
        let mut differ = Vec::new();
        let mut keep = |name: &'static str, first: &mut Option<String>, now: Option<String>| match (
            first.as_ref(),
            now,
        ) {
            (None, now) => *first = now,
            (Some(a), Some(b)) if *a != b => differ.push(name),
            _ => {}
        };
        keep("id", &mut d.id, id);
        keep("title", &mut d.title, title);
        keep("summary", &mut d.summary, summary);
        let mut date =
            |name: &'static str, first: Option<Date>, now: Option<Date>| match (first, now) {
                (Some(a), Some(b)) if a != b => {
                    differ.push(name);
                    Some(a)
                }
                (first, now) => first.or(now),
            };
        let (from, to) = (
            date("period_from", old_from, from),
            date("period_to", old_to, to),
        );
        d.period = (from.is_some() || to.is_some()).then_some(Period { from, to });
        if again && !differ.is_empty() {
            self.problem(
                file,
                at,
                format!(
                    "a second dispute record gives another {}: the first record's {} kept",
                    differ.join(", "),
                    super::is_are(differ.len())
                ),
            );
        }
    }

    /// A topic: without a side, the manifest's (neutral title, summary, place); with one, that
    /// side's (its own title, its place among the side's topics).
    fn topic_record(&mut self, r: &Record, file: &str, at: &str) {
        let Some(cell) = r.get(Col::Topic).map(str::trim) else {
            self.problem(file, at, "a topic record with no topic; skipped".to_owned());
            return;
        };
        let Some(id) = self.id_of(cell, "the topic", file, at) else {
            return;
        };
        let neutral = r.get(Col::TopicTitle).unwrap_or(cell).trim().to_owned();
        if r.get(Col::Side).is_some() {
            let Some(side) = self.side_of(Kind::Topic, r, file, at) else {
                return;
            };
            let framing = r.get(Col::SideTopicTitle).or(r.get(Col::TopicTitle));
            let titled = r.get(Col::TopicTitle).is_some();
            self.topic(side, &id, (&neutral, titled), framing.map(str::trim));
            return;
        }
        let summary = r.get(Col::Summary).map(|s| s.trim().to_owned());
        // A title a record gave before (this record replaces it) is said to be replaced.
        let again = self.titled.contains(&id);
        self.declared_topics.insert(id.clone());
        let t = self.manifest_topic(&id, &neutral, true);
        let mut replaced = None;
        if let Some(t) = self.topics.get_mut(t) {
            if again && t.title != neutral {
                replaced = Some(std::mem::take(&mut t.title));
            }
            neutral.clone_into(&mut t.title);
            t.summary = summary;
        }
        if let Some(was) = replaced {
            self.problem(
                file,
                at,
                format!(
                    "the topic record for `{}` replaces its title `{}`, given before, with `{}`",
                    quote(&id),
                    quote(&was),
                    quote(&neutral)
                ),
            );
        }
    }

    fn point_record(&mut self, r: &Record, file: &str, at: &str) {
        let (Some(topic), Some(point)) = (
            r.get(Col::Topic).map(str::trim),
            r.get(Col::Point).map(str::trim),
        ) else {
            self.problem(
                file,
                at,
                "a point record needs a topic and a point; skipped".to_owned(),
            );
            return;
        };
        let Some(topic) = self.id_of(topic, "the topic", file, at) else {
            return;
        };
        let Some(point) = self.point_id_of(point, &topic, file, at) else {
            return;
        };
        self.manifest_topic(&topic, &topic, false);
        self.declared_topics.insert(topic.clone());
        let question = r.get(Col::Question).map(str::trim);
        // The first question given stays: a second point record asking another is said.
        let asked = self
            .manifest_point(&topic, &point)
            .and_then(|p| p.question.clone());
        if let (Some(asked), Some(q)) = (&asked, question)
            && asked != q
        {
            self.problem(
                file,
                at,
                format!(
                    "the question `{}` is not used: `{}` was given before",
                    quote(q),
                    quote(asked)
                ),
            );
        }
        self.point(&topic, &point, question);
        self.declared_points
            .entry((topic, point))
            .or_insert_with(|| (file.to_owned(), at.to_owned()));
    }
}
