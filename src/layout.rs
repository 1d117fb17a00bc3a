//! Laying out a claim as lines of a given width: the one layout `show`, the TUI and export share,
//! so a row's height is the same wherever it is drawn.

use crate::compare::{Assessed, Comparison, Row, Standing};
use crate::format::{Claim, ClaimAt, Date, Dispute, Rating, RelationKind};
use crate::text;
use foldhash::{HashMap, HashSet};
use std::ops::ControlFlow;

/// What a line of a claim's card shows; the TUI styles each kind differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// The claim's own words.
    Text,
    /// Who said it and when.
    Speaker,
    /// Short source tags: outlet and date.
    Sources,
    /// An assessment: rating and note (drawn in its rating's colour, as the detail view does).
    Assessment(crate::format::Rating),
    /// A relation to another claim (`↳ concedes …`).
    Link,
    /// Where the claim or its assessment stands as of the date in force: superseded, undated,
    /// assessed later.
    Standing,
    /// The empty line between two claims.
    Gap,
    /// "no counterpart" (or the claims the filters hide) on a side with none shown.
    Silent,
}

/// One laid-out line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// What the line shows.
    pub kind: LineKind,
    /// The text, at most the layout's width in columns.
    pub text: String,
    /// The claim the line belongs to, if any.
    pub claim: Option<ClaimAt>,
}

/// The words shown on a side that has no claim in a row.
pub const NO_COUNTERPART: &str = "no counterpart";

/// The words shown on a side with no claim shown in a row: "no counterpart", or, when the
/// filters hide `hidden` of its claims there, how many (the side did answer the row).
pub fn silent(hidden: u32) -> std::borrow::Cow<'static, str> {
    match hidden {
        0 => NO_COUNTERPART.into(),
        1 => "1 claim hidden by the filters".into(),
        n => format!("{n} claims hidden by the filters").into(),
    }
}

/// The words under a side's claims shown in a row when the filters hide `hidden` more of its
/// claims there, so the claims shown are not read as the side's whole answer; `None` when none
/// are hidden.
pub fn also_hidden(hidden: u32) -> Option<String> {
    match hidden {
        0 => None,
        1 => Some("and 1 more claim hidden by the filters".to_owned()),
        n => Some(format!("and {n} more claims hidden by the filters")),
    }
}

/// The one-line summary of who said a claim and when, if the file gives either.
pub fn speaker_line(claim: &Claim) -> Option<String> {
    who_when(claim.speaker.as_deref(), claim.date)
}

/// "— speaker, date" from whichever of the two is known: the one wording every output uses.
pub fn who_when(speaker: Option<&str>, date: Option<Date>) -> Option<String> {
    match (speaker, date) {
        (Some(s), Some(d)) => Some(format!("— {s}, {d}")),
        (Some(s), None) => Some(format!("— {s}")),
        (None, Some(d)) => Some(format!("— {d}")),
        (None, None) => None,
    }
}

/// "⚑ rating (by whom): note": an assessment as the comparison and the full row show it, with
/// who made it when the file says.
pub fn assessment_line(rating: Rating, by: Option<&str>, note: Option<&str>) -> String {
    let mut s = format!("⚑ {}", rating.as_str());
    if let Some(by) = by {
        s.push_str(" (by ");
        s.push_str(by);
        s.push(')');
    }
    if let Some(note) = note {
        s.push_str(": ");
        s.push_str(note);
    }
    s
}

/// The mark of a cited source published after the date in force (it stays listed, so nothing
/// is hidden, but it was not there to read then).
pub const PUBLISHED_LATER: &str = "⌛ published later";

/// A source's short tag as a claim cites it (`Outlet date · low`), marked
/// `· ⌛ published later` when it was published after the date in force.
pub fn cited_tag(tag: &str, later: bool) -> String {
    if later {
        format!("{tag} · {PUBLISHED_LATER}")
    } else {
        tag.to_owned()
    }
}

/// The short source tags of a claim: `[Outlet date]` for each source, `[Outlet date · low]`
/// for one with a reliability rating, `[Outlet date · ⌛ published later]` for one published
/// after the comparison's date in force.
pub fn source_tags(
    dispute: &Dispute,
    comparison: &Comparison,
    at: ClaimAt,
    claim: &Claim,
) -> Vec<String> {
    let Some(side) = dispute.sides.get(at.side()) else {
        return Vec::new();
    };
    claim
        .sources
        .iter()
        .filter_map(|r| side.sources.get(r.index))
        .map(|s| {
            let later = comparison.published_later(s.date);
            format!("[{}]", cited_tag(&s.tag(), later))
        })
        .collect()
}

/// What a link to an id no claim on screen has is called: with a manifest every side is loaded
/// and the id is nobody's; side files named one by one may leave the one holding it out.
fn unresolved(dispute: &Dispute) -> &'static str {
    if dispute.has_manifest {
        "(not found)"
    } else {
        "(not loaded)"
    }
}

/// How a relation is described: its kind, the claim id and, when the target is not beside this
/// claim in the comparison, whose claim it is and where (`↳ concedes India: in-jets`), or that
/// a filter, search or date hides it (`(not in this selection)`: an export is a file read
/// later, where the screen and `show` say `(not shown now)`): `targets` holds the
/// comparison's targets ([`Targets::new`]).
pub fn relation_line(
    dispute: &Dispute,
    from: ClaimAt,
    kind: RelationKind,
    target: &str,
    (comparison, targets): (&Comparison, &Targets),
) -> String {
    let verb = kind.verb();
    match dispute.find_claim(target) {
        None => format!("↳ {verb} {target} {}", unresolved(dispute)),
        Some(to) => {
            let party = dispute
                .sides
                .get(to.side())
                .map_or("?", |s| s.party.name.as_str());
            let compared = to.side() == comparison.left || to.side() == comparison.right;
            let topic_id = |at: ClaimAt| {
                dispute
                    .sides
                    .get(at.side())
                    .and_then(|s| s.topics.get(at.topic()))
                    .map(|t| t.id.as_str())
            };
            if !compared {
                format!("↳ {verb} {party}: {target} (side not compared)")
            } else if !targets.holds(to) {
                format!("↳ {verb} {party}: {target} (not in this selection)")
            } else if topic_id(to) != topic_id(from) {
                format!(
                    "↳ {verb} {party}: {target} (topic {})",
                    topic_id(to).unwrap_or("?")
                )
            } else {
                format!("↳ {verb} {party}: {target}")
            }
        }
    }
}

/// A claim's label in its row, as the reader sees it: `L1`, `L2` … on the left side, `R1` … on
/// the right, in the row's order.
pub fn label(row: &Row, at: ClaimAt) -> Option<String> {
    if let Some(i) = row.left.iter().position(|&c| c == at) {
        return Some(label_at(true, i));
    }
    row.right
        .iter()
        .position(|&c| c == at)
        .map(|i| label_at(false, i))
}

/// The label of the claim at `i` (0-based) on one side of a row: `L1`, `R2`.
fn label_at(left: bool, i: usize) -> String {
    format!("{}{}", if left { 'L' } else { 'R' }, i + 1)
}

/// Where a claim sits in a comparison: its topic and row, as indexes.
pub fn locate(dispute: &Dispute, comparison: &Comparison, at: ClaimAt) -> Option<(usize, usize)> {
    let topic_id = &dispute.sides.get(at.side())?.topics.get(at.topic())?.id;
    let t = comparison.topics.iter().position(|t| &t.id == topic_id)?;
    let r = comparison
        .topics
        .get(t)?
        .rows
        .iter()
        .position(|r| r.claims().any(|c| c == at))?;
    Some((t, r))
}

/// Claims placed in a comparison (topic, row, label), found in one walk, so that laying out
/// many claims finds each relation's target by one look-up rather than a scan of the comparison
/// (quadratic in a long rebuttal chain, whose claims all share one row).
#[derive(Debug, Default)]
pub struct Targets {
    at: HashMap<ClaimAt, (usize, usize, bool, usize)>,
    /// True when every target of the comparison is held, so a claim not held is not shown.
    complete: bool,
}

impl Targets {
    /// Every claim that a claim of the comparison relates to, placed: what `show` lays out
    /// every row of the comparison with.
    pub fn new(dispute: &Dispute, comparison: &Comparison) -> Targets {
        let mut wanted: HashSet<ClaimAt> = HashSet::default();
        for row in comparison.topics.iter().flat_map(|t| &t.rows) {
            for at in row.claims() {
                let links = dispute.claim(at).into_iter().flat_map(Claim::links);
                wanted.extend(links.filter_map(|(_, to)| dispute.find_claim(to)));
            }
        }
        let mut at = HashMap::default();
        for (t, topic) in comparison.topics.iter().enumerate() {
            for (r, row) in topic.rows.iter().enumerate() {
                for (left, side) in [(true, &row.left), (false, &row.right)] {
                    for (i, c) in side.iter().enumerate() {
                        if wanted.contains(c) {
                            at.entry(*c).or_insert((t, r, left, i));
                        }
                    }
                }
            }
        }
        Targets { at, complete: true }
    }

    /// The claims of one row, placed at `place`: a row's relations among its own claims are
    /// found by look-up, others by a scan of the comparison.
    pub fn of_row(row: &Row, place: (usize, usize)) -> Targets {
        let mut at = HashMap::default();
        for (left, side) in [(true, &row.left), (false, &row.right)] {
            for (i, c) in side.iter().enumerate() {
                at.entry(*c).or_insert((place.0, place.1, left, i));
            }
        }
        Targets {
            at,
            complete: false,
        }
    }

    /// Whether `to` is in the comparison, for a target of [`Targets::new`]'s.
    pub fn holds(&self, to: ClaimAt) -> bool {
        self.at.contains_key(&to)
    }

    /// The topic, row and label of `to`: held, else (when not every target is held) found by
    /// a scan.
    fn find(
        &self,
        dispute: &Dispute,
        comparison: &Comparison,
        to: ClaimAt,
    ) -> Option<(usize, usize, String)> {
        if let Some(&(t, r, left, i)) = self.at.get(&to) {
            return Some((t, r, label_at(left, i)));
        }
        if self.complete {
            return None;
        }
        scan(dispute, comparison, to)
    }
}

/// The topic, row and label of `to`, found by scanning the comparison.
fn scan(dispute: &Dispute, comparison: &Comparison, to: ClaimAt) -> Option<(usize, usize, String)> {
    let (t, r) = locate(dispute, comparison, to)?;
    let label = comparison
        .topics
        .get(t)
        .and_then(|topic| topic.rows.get(r))
        .and_then(|row| label(row, to))
        .unwrap_or_default();
    Some((t, r, label))
}

/// A relation as the reader of a comparison finds its target: by party and label in the same
/// row (`↳ contradicts India L2`), with the row number in another row of the topic, and with the
/// topic's title in another topic. `from` is the topic and row the linking claim is in.
pub fn relation_place(
    dispute: &Dispute,
    comparison: &Comparison,
    from: Option<(usize, usize)>,
    kind: RelationKind,
    target: &str,
) -> String {
    relation_scanned(dispute, comparison, from, kind, target).0
}

/// [`relation_found`], the target looked up in the comparison itself.
fn relation_scanned(
    dispute: &Dispute,
    comparison: &Comparison,
    from: Option<(usize, usize)>,
    kind: RelationKind,
    target: &str,
) -> (String, bool) {
    relation_found(dispute, comparison, from, kind, target, |to| {
        scan(dispute, comparison, to)
    })
}

/// [`relation_place`] followed by the target's id (` · in-claim-4`), as the row in full shows a
/// relation: the id is not said twice when the place names the target by its id already (a
/// target not shown, not compared, or not loaded).
pub fn relation_with_id(
    dispute: &Dispute,
    comparison: &Comparison,
    from: Option<(usize, usize)>,
    kind: RelationKind,
    target: &str,
) -> String {
    let (place, by_id) = relation_scanned(dispute, comparison, from, kind, target);
    if by_id {
        place
    } else {
        format!("{place} · {target}")
    }
}

/// A link made to a claim by the claim `source`, as the row in full shows it beside the
/// claim's own: where the linking claim is, by party and label (`↲ contradicted by India L1,
/// row 2 of “India's strikes of 7 May” · in-claim-4`), so an answer from another topic is
/// not missed. `None` for a link from a claim of the same row, which says it there.
pub fn incoming_with_id(
    dispute: &Dispute,
    comparison: &Comparison,
    from: Option<(usize, usize)>,
    kind: RelationKind,
    source: &str,
) -> Option<String> {
    let at = dispute.find_claim(source);
    if from.is_some() && at.and_then(|at| locate(dispute, comparison, at)) == from {
        return None;
    }
    let (place, by_id) = placed(
        dispute,
        comparison,
        from,
        ("↲", kind.passive()),
        source,
        |to| scan(dispute, comparison, to),
    );
    Some(if by_id {
        place
    } else {
        format!("{place} · {source}")
    })
}

/// [`relation_place`], with the target's topic, row and label found by `find`; true when the
/// target is named by its id (it has no row on screen).
fn relation_found(
    dispute: &Dispute,
    comparison: &Comparison,
    from: Option<(usize, usize)>,
    kind: RelationKind,
    target: &str,
    find: impl FnOnce(ClaimAt) -> Option<(usize, usize, String)>,
) -> (String, bool) {
    placed(dispute, comparison, from, ("↳", kind.verb()), target, find)
}

/// [`relation_found`] with its arrow and verb given: `↳ contradicts` of a link the claim
/// makes, `↲ contradicted by` of one made to it.
fn placed(
    dispute: &Dispute,
    comparison: &Comparison,
    from: Option<(usize, usize)>,
    (arrow, verb): (&str, &str),
    target: &str,
    find: impl FnOnce(ClaimAt) -> Option<(usize, usize, String)>,
) -> (String, bool) {
    let Some(to) = dispute.find_claim(target) else {
        return (
            format!("{arrow} {verb} {target} {}", unresolved(dispute)),
            true,
        );
    };
    let party = dispute
        .sides
        .get(to.side())
        .map_or("?", |s| s.party.name.as_str());
    // A target with no row on screen is named by its id, as the exports name it.
    if to.side() != comparison.left && to.side() != comparison.right {
        return (
            format!("{arrow} {verb} {party}: {target} (side not compared)"),
            true,
        );
    }
    let Some((t, r, label)) = find(to) else {
        return (
            format!("{arrow} {verb} {party}: {target} (not shown now)"),
            true,
        );
    };
    let Some(topic) = comparison.topics.get(t) else {
        return (format!("{arrow} {verb} a claim of {party}"), false);
    };
    let place = match from {
        Some((ft, fr)) if ft == t && fr == r => format!("{arrow} {verb} {party} {label}"),
        Some((ft, _)) if ft == t => format!("{arrow} {verb} {party} {label}, row {}", r + 1),
        _ => format!(
            "{arrow} {verb} {party} {label}, row {} of “{}”",
            r + 1,
            topic.title
        ),
    };
    (place, false)
}

/// The line that says where a claim stands as of the date in force, when it is not simply
/// the side's current position.
pub fn standing_line(standing: Standing) -> Option<String> {
    match standing {
        Standing::Current => None,
        Standing::Superseded(by) => Some(format!("⌛ superseded (latest {by})")),
        Standing::Undated => Some(UNDATED.to_owned()),
    }
}

/// The line that says where a claim's assessment stands as of the date in force, when that is
/// not simply shown: made later (so not shown), or undated (shown, but when it was made is not
/// known).
pub fn assessed_line(assessed: Assessed) -> Option<String> {
    match assessed {
        Assessed::Not | Assessed::Made(_) => None,
        Assessed::Later(on) => Some(assessed_later(on)),
        Assessed::Undated(_) => Some(ASSESSMENT_UNDATED.to_owned()),
    }
}

/// The mark of an assessment made after the date in force: `⌛ assessed later (2025-05-31)`.
pub fn assessed_later(on: Date) -> String {
    format!("⌛ assessed later ({on})")
}

/// The mark of a claim shown as of a date though it has none: when it was said is not known.
pub const UNDATED: &str = "⌛ undated";

/// The mark of an assessment shown as of a date though when it was made is not known (it cites
/// no dated source).
pub const ASSESSMENT_UNDATED: &str = "⌛ assessment undated";

/// The most lines of a claim's text the screen lays out, in the comparison and in the row in
/// full: a claim of millions of lines (a whole report pasted into one claim) would otherwise be
/// wrapped whole for every frame. `show` and the exports give every line.
pub const SCREEN_TEXT_LINES: usize = 1000;

/// The note under a claim's text cut at [`SCREEN_TEXT_LINES`] (`rest`: the text not shown): how
/// much more there is, and where to read it whole.
pub fn cut_note(rest: &str) -> String {
    // Counted exactly when that is quick; a very long rest in megabytes.
    let more = if rest.len() <= 1 << 20 {
        format!("{} more characters", rest.chars().count())
    } else {
        format!("{:.1} MB more", rest.len() as f64 / 1e6)
    };
    format!("… cut here: {more}; `parallax show` prints the claim whole")
}

fn push_wrapped(out: &mut dyn Sink, kind: LineKind, s: &str, width: usize, at: ClaimAt) {
    text::wrap_each(s, width, |line| out.line(kind, line, Some(at)));
}

/// Where laid-out lines go: a list (the screen keeps a row's lines), or a writer that puts them
/// out as they come (`show`), so a claim of millions of lines is never held whole.
pub trait Sink {
    /// Takes the next line.
    fn line(&mut self, kind: LineKind, text: &str, claim: Option<ClaimAt>);
}

impl Sink for Vec<Line> {
    fn line(&mut self, kind: LineKind, text: &str, claim: Option<ClaimAt>) {
        self.push(Line {
            kind,
            text: text.to_owned(),
            claim,
        });
    }
}

/// Where a claim is laid out: its row's topic and index in the comparison, and where relation
/// targets sit.
#[derive(Debug, Clone, Copy)]
struct InRow<'a> {
    place: (usize, usize),
    targets: &'a Targets,
    /// The most lines of a claim's text laid out (the screen's [`SCREEN_TEXT_LINES`]).
    most: Option<usize>,
}

/// Lays out one claim with its label in its row, added to `out`: label and text, speaker and
/// date, its standing as of a date in force, source tags (a later one marked), assessment (or
/// that it was made later), relations.
fn claim_lines(
    out: &mut dyn Sink,
    dispute: &Dispute,
    comparison: &Comparison,
    at: ClaimAt,
    width: usize,
    within: InRow,
    label: &str,
) {
    let Some(claim) = dispute.claim(at) else {
        return;
    };
    let mut given = 0;
    let cut = text::wrap_lines(&format!("{label} "), &claim.text, width, |line| {
        if within.most.is_some_and(|most| given >= most) {
            return ControlFlow::Break(());
        }
        given += 1;
        out.line(LineKind::Text, line, Some(at));
        ControlFlow::Continue(())
    });
    if let Some(from) = cut {
        let rest = claim.text.get(from..).unwrap_or_default();
        push_wrapped(out, LineKind::Standing, &cut_note(rest), width, at);
    }
    if let Some(s) = speaker_line(claim) {
        push_wrapped(out, LineKind::Speaker, &s, width, at);
    }
    if let Some(s) = standing_line(comparison.standing(at, claim)) {
        push_wrapped(out, LineKind::Standing, &s, width, at);
    }
    let tags = source_tags(dispute, comparison, at, claim);
    if tags.is_empty() {
        push_wrapped(out, LineKind::Sources, "[unsourced]", width, at);
    } else {
        push_wrapped(out, LineKind::Sources, &tags.join(" "), width, at);
    }
    let assessed = comparison.assessed(dispute, at, claim);
    if let Some(a) = assessed.shown() {
        let s = assessment_line(a.rating, a.by.as_deref(), a.note.as_deref());
        push_wrapped(out, LineKind::Assessment(a.rating), &s, width, at);
    }
    if let Some(s) = assessed_line(assessed) {
        push_wrapped(out, LineKind::Standing, &s, width, at);
    }
    for (kind, target) in claim.links() {
        let s = relation_found(
            dispute,
            comparison,
            Some(within.place),
            kind,
            target,
            |to| within.targets.find(dispute, comparison, to),
        )
        .0;
        push_wrapped(out, LineKind::Link, &s, width, at);
    }
}

/// Lays out both sides of a row at two widths, each claim numbered (`L1`, `R1`) and each
/// relation naming its target as the reader finds it, padded to the same height. `place` is the
/// row's topic and index in `comparison`; `targets`, where relation targets sit when they were
/// placed beforehand (see [`Targets::new`]), else the row's own claims are found by look-up and
/// others by a scan.
pub fn row_lines(
    dispute: &Dispute,
    comparison: &Comparison,
    row: &Row,
    place: (usize, usize),
    widths: (usize, usize),
    targets: Option<&Targets>,
    most: Option<usize>,
) -> (Vec<Line>, Vec<Line>) {
    // The row's own claims by look-up: a long rebuttal chain shares one row.
    let own;
    let targets = match targets {
        Some(t) => t,
        None => {
            own = Targets::of_row(row, place);
            &own
        }
    };
    let within = InRow {
        place,
        targets,
        most,
    };
    let (mut left, mut right) = (Vec::new(), Vec::new());
    side_lines(
        &mut left,
        dispute,
        comparison,
        (true, &row.left, row.hidden_on(true)),
        widths.0,
        within,
    );
    side_lines(
        &mut right,
        dispute,
        comparison,
        (false, &row.right, row.hidden_on(false)),
        widths.1,
        within,
    );
    level(&mut left, &mut right);
    (left, right)
}

/// One side of a row (`left`, or the right) as [`row_lines`] lays it out, given to `out` line by
/// line and not padded.
pub fn row_side(
    out: &mut dyn Sink,
    (dispute, comparison): (&Dispute, &Comparison),
    (row, place): (&Row, (usize, usize)),
    left: bool,
    width: usize,
    targets: &Targets,
) {
    let within = InRow {
        place,
        targets,
        most: None,
    };
    let claims = if left { &row.left } else { &row.right };
    let hidden = row.hidden_on(left);
    side_lines(
        out,
        dispute,
        comparison,
        (left, claims, hidden),
        width,
        within,
    );
}

/// Lays out one side of a row (`true` for the left, and its claims) into `out`: the claims with
/// a gap between them, and how many more the filters hide; or "no counterpart".
fn side_lines(
    out: &mut dyn Sink,
    dispute: &Dispute,
    comparison: &Comparison,
    (left, claims, hidden): (bool, &[ClaimAt], u32),
    width: usize,
    within: InRow,
) {
    if claims.is_empty() {
        // Wrapped as any text is: "12 claims hidden by the filters" is wider than a narrow
        // column.
        for line in crate::text::wrap(&silent(hidden), width) {
            out.line(LineKind::Silent, &line, None);
        }
        return;
    }
    for (i, &at) in claims.iter().enumerate() {
        if i > 0 {
            out.line(LineKind::Gap, "", None);
        }
        let label = label_at(left, i);
        claim_lines(out, dispute, comparison, at, width, within, &label);
    }
    if let Some(more) = also_hidden(hidden) {
        out.line(LineKind::Gap, "", None);
        for line in crate::text::wrap(&more, width) {
            out.line(LineKind::Silent, &line, None);
        }
    }
}

/// Pads the shorter of two sides with empty lines, so matching claims stay level.
pub fn level(left: &mut Vec<Line>, right: &mut Vec<Line>) {
    let height = left.len().max(right.len());
    for side in [left, right] {
        while side.len() < height {
            side.push(Line {
                kind: LineKind::Gap,
                text: String::new(),
                claim: None,
            });
        }
    }
}
