//! The sources of an import: each merged within its side by id, else by url (or outlet, title
//! and date), else added with the id given or one made from its outlet and date; and cited
//! from the claim or from its assessment.

use super::record::{Col, Record};
use super::{Builder, ClaimPlace, quote};
use crate::create::make_id;
use crate::format::{Date, Reliability, ReliabilityRating, Source, SourceKind, SourceRef, is_id};
use strum::VariantNames;

impl Builder {
    /// Adds the record's source (if it has one) to its side, merged by url, and cites it from
    /// the claim or its assessment.
    pub(super) fn source(&mut self, r: &Record, place: &ClaimPlace, file: &str, at: &str) {
        if !r.has_source() {
            return;
        }
        let Some(id) = self.side_source(r, place.side, file, at) else {
            return;
        };
        let role = r.get(Col::SourceRole).map(str::trim);
        let is_assessment = role.is_some_and(|r| r.eq_ignore_ascii_case("assessment"));
        // An assessment's sources are ids alone (FORMAT.md): a quote or locator has no place.
        let cited: Vec<&str> = [Col::SourceQuote, Col::SourceLocator]
            .into_iter()
            .filter(|&c| r.get(c).is_some())
            .map(|c| c.name())
            .collect();
        if is_assessment && !cited.is_empty() {
            self.problem(
                file,
                at,
                format!(
                    "the {} of a source for an assessment {} left out: an assessment cites its sources by id alone",
                    cited.join(" and "),
                    super::is_are(cited.len())
                ),
            );
        }
        let claim = &mut self.sides[place.side].side.topics[place.topic].claims[place.claim];
        match role.map(str::to_lowercase).as_deref() {
            Some("assessment") => match &mut claim.assessment {
                Some(a) => {
                    if !a.sources.contains(&id) {
                        a.sources.push(id);
                    }
                }
                None => {
                    let claim_id = claim.id.clone();
                    self.problem(file, at, format!("a source for the assessment of claim `{claim_id}`, which has none; left out"));
                }
            },
            None | Some("claim") => {
                let cite = SourceRef::new(
                    id.into(),
                    r.get(Col::SourceQuote).map(|q| q.trim().into()),
                    r.get(Col::SourceLocator).map(|l| l.trim().into()),
                    0,
                );
                if !claim.sources.contains(&cite) {
                    claim.sources.push(cite);
                }
            }
            Some(_) => {
                let other = quote(role.unwrap_or_default());
                self.problem(
                    file,
                    at,
                    format!(
                        "the source role `{other}` is neither `claim` nor `assessment`; the claim does not cite this source (its quote and locator are left out with it)"
                    ),
                );
            }
        }
    }

    /// Reports the source cells of a record naming a source given before (`by` says how it was
    /// found; `date_said`: its date was read, and a bad one reported, already) that differ from
    /// that source: they are not read again. What the source lacks (its title, url, date,
    /// author, kind, affiliation, reliability or its note, and an outlet its url's host stood
    /// for) a later mention fills in, as a claim's further rows do; not a url another source
    /// of the side has.
    fn source_differs(
        &mut self,
        r: &Record,
        side: usize,
        id: &str,
        (by, date_said): (&str, bool),
        file: &str,
        at: &str,
    ) {
        let Some(index) = self
            .sides
            .get(side)
            .and_then(|s| s.source_ids.get(id).copied())
        else {
            return;
        };
        let cell = |col: Col| r.get(col).map(str::trim).filter(|c| !c.is_empty());
        // The date as a date, not as written (`2025-04-22 00:00` is the day given before); a
        // cell that is no date is said as such (once), not as a difference.
        let date_cell = cell(Col::SourceDate);
        let date = date_cell.map(|c| super::day_of(c).parse::<Date>());
        let no_date = date_cell.filter(|_| matches!(date, Some(Err(_))));
        // Read as a new source's are; a cell that cannot be read (no kind, no url) is said
        // to differ, as it is not used.
        let kind = cell(Col::SourceKind).map(|k| kind_of(k).ok_or(()));
        let reliability = cell(Col::SourceReliability).map(|w| {
            ReliabilityRating::parse(&w.to_lowercase())
                .map(|rating| Reliability {
                    rating,
                    note: cell(Col::SourceReliabilityNote).map(str::to_owned),
                })
                .ok_or(())
        });
        let url = cell(Col::SourceUrl).map(|u| match crate::load::url_problem(u) {
            None => Ok(u),
            Some(_) => Err(()),
        });
        // A url another source of the side has already: filled in here, the side would hold
        // two sources of one url.
        let url_elsewhere = url.and_then(Result::ok).is_some_and(|u| {
            self.sides
                .get(side)
                .and_then(|s| s.sources.get(u))
                .is_some_and(|other| other != id)
        });
        let affiliation =
            cell(Col::SourceAffiliation).and_then(|a| self.id_of(a, "the affiliation", file, at));
        let note = cell(Col::SourceReliabilityNote);
        let Some(source) = self
            .sides
            .get_mut(side)
            .and_then(|s| s.side.sources.get_mut(index))
        else {
            return;
        };
        let mut differ: Vec<Col> = Vec::new();
        // An outlet the first mention did not give (the url's host stood for it) is filled in.
        let from_host = source
            .url
            .as_deref()
            .and_then(host)
            .is_some_and(|h| h == source.outlet);
        match cell(Col::SourceOutlet) {
            Some(o) if from_host && !o.eq_ignore_ascii_case(&source.outlet) => {
                source.outlet = o.to_owned();
            }
            Some(o) if !source.outlet.eq_ignore_ascii_case(o) => {
                differ.push(Col::SourceOutlet);
            }
            _ => {}
        }
        if fill(&mut source.title, cell(Col::SourceTitle)) {
            differ.push(Col::SourceTitle);
        }
        let had_url = source.url.is_some();
        if url.is_some_and(|u| u.is_err())
            || (!had_url && url_elsewhere)
            || fill(&mut source.url, url.and_then(Result::ok))
        {
            differ.push(Col::SourceUrl);
        }
        match (source.date, date) {
            (None, Some(Ok(d))) => source.date = Some(d),
            // A more precise date within the one given (`2025-01-05` after `2025-01`) says
            // more of it, filled in as what it lacked.
            (Some(had), Some(Ok(d))) if had != d && within(had, d) => source.date = Some(d),
            (Some(had), Some(Ok(d))) if had != d && !within(d, had) => {
                differ.push(Col::SourceDate);
            }
            _ => {}
        }
        if fill(&mut source.author, cell(Col::SourceAuthor)) {
            differ.push(Col::SourceAuthor);
        }
        match (source.kind, kind) {
            (None, Some(Ok(k))) => source.kind = Some(k),
            (Some(had), Some(Ok(k))) if had == k => {}
            (_, Some(_)) => differ.push(Col::SourceKind),
            _ => {}
        }
        if fill(&mut source.affiliation, affiliation.as_deref()) {
            differ.push(Col::SourceAffiliation);
        }
        match (&mut source.reliability, reliability) {
            (None, Some(Ok(given))) => source.reliability = Some(given),
            (Some(had), Some(Ok(given))) if had.rating == given.rating => {
                if fill(&mut had.note, given.note.as_deref()) {
                    differ.push(Col::SourceReliabilityNote);
                }
            }
            (_, Some(_)) => differ.push(Col::SourceReliability),
            // A note alone speaks of the rating given before, when there is one.
            (Some(had), None) => {
                if fill(&mut had.note, note) {
                    differ.push(Col::SourceReliabilityNote);
                }
            }
            (None, None) => {}
        }
        let lone_note = note.is_some() && source.reliability.is_none();
        // A url filled in finds the source again, as the first mention's would have.
        if let Some(u) = url
            .and_then(Result::ok)
            .filter(|_| !had_url && !url_elsewhere)
            && let Some(s) = self.sides.get_mut(side)
        {
            s.sources
                .entry(u.to_owned())
                .or_insert_with(|| id.to_owned());
        }
        if let Some(cell) = no_date.filter(|_| !date_said) {
            self.date(cell, "source date", file, at);
        }
        if lone_note {
            self.problem(file, at, LONE_NOTE.to_owned());
        }
        if !differ.is_empty() {
            // A review's properties by their own names (`datePublished`), a table's by its
            // columns.
            let (names, what): (Vec<String>, _) = if self.reviews {
                let names = differ
                    .iter()
                    .map(|c| format!("`{}`", c.review_key()))
                    .collect();
                (names, "its ")
            } else {
                let names = differ.iter().map(|c| c.name().to_owned()).collect();
                (names, "the ")
            };
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let here = if self.reviews { " here" } else { " given here" };
            self.problem(
                file,
                at,
                format!(
                    "the source `{}` was given before (found by {by}); {what}{}",
                    quote(id),
                    super::differ_not_used(&names, here),
                ),
            );
        }
    }

    /// The id of the record's source among side `side`'s: the source its `source_id` names when
    /// there is one; else one with the same url (or outlet, title and date); else a new source,
    /// with the `source_id` given or an id made from its outlet and date.
    pub(super) fn side_source(
        &mut self,
        r: &Record,
        side: usize,
        file: &str,
        at: &str,
    ) -> Option<String> {
        let given = r.get(Col::SourceId).map(str::trim);
        if let Some(id) = given.filter(|g| self.sides[side].source_ids.contains_key(*g)) {
            self.source_differs(r, side, id, ("its id", false), file, at);
            return Some(id.to_owned());
        }
        let url = match r.get(Col::SourceUrl).map(str::trim) {
            Some(u) => match crate::load::url_problem(u) {
                None => Some(u.to_owned()),
                Some(problem) => {
                    let (message, _) = problem.describe(u);
                    self.problem(file, at, format!("the source url {message}; left out"));
                    None
                }
            },
            None => None,
        };
        let outlet = match (r.get(Col::SourceOutlet).map(str::trim), &url) {
            (Some(o), _) => o.to_owned(),
            (None, Some(u)) => host(u).unwrap_or_else(|| u.to_owned()),
            (None, None) => {
                self.problem(
                    file,
                    at,
                    "a source with neither outlet nor url; left out".to_owned(),
                );
                return None;
            }
        };
        let date = r
            .get(Col::SourceDate)
            .and_then(|d| self.date(d, "source date", file, at));
        let title = r.get(Col::SourceTitle).map(|t| t.trim().to_owned());
        let key = url.clone().unwrap_or_else(|| {
            format!(
                "{}\u{0}{}\u{0}{}",
                outlet.to_lowercase(),
                title.as_deref().unwrap_or(""),
                date.map(|d| d.to_string()).unwrap_or_default()
            )
        });
        let merged = given.is_none().then(|| self.sides[side].sources.get(&key));
        match merged.flatten().cloned() {
            Some(id) => {
                let by = if url.is_some() {
                    "its url"
                } else {
                    "its outlet, title and date"
                };
                // Its date was read (and a bad one said) above.
                self.source_differs(r, side, &id, (by, true), file, at);
                Some(id)
            }
            None => {
                let kind = r.get(Col::SourceKind).and_then(|k| {
                    let k = k.trim();
                    let parsed = kind_of(k);
                    if parsed.is_none() {
                        self.problem(
                            file,
                            at,
                            format!(
                                "the source kind `{}` is not one of {}; left out{}",
                                quote(k),
                                SourceKind::VARIANTS.join(", "),
                                meant(SourceKind::VARIANTS, k)
                            ),
                        );
                    }
                    parsed
                });
                let affiliation = r
                    .get(Col::SourceAffiliation)
                    .and_then(|a| self.id_of(a.trim(), "the affiliation", file, at));
                let reliability = r.get(Col::SourceReliability).and_then(|w| {
                    let w = w.trim();
                    let parsed = ReliabilityRating::parse(&w.to_lowercase());
                    if parsed.is_none() {
                        self.problem(
                            file,
                            at,
                            format!(
                                "the source reliability `{}` is not one of {}; left out{}",
                                quote(w),
                                ReliabilityRating::VARIANTS.join(", "),
                                meant(ReliabilityRating::VARIANTS, w)
                            ),
                        );
                    }
                    parsed.map(|rating| Reliability {
                        rating,
                        note: r
                            .get(Col::SourceReliabilityNote)
                            .map(|n| n.trim().to_owned()),
                    })
                });
                // A note explains a rating: with none, it has nowhere to go.
                if r.get(Col::SourceReliability).is_none()
                    && r.get(Col::SourceReliabilityNote).is_some()
                {
                    self.problem(file, at, LONE_NOTE.to_owned());
                }
                let wanted = given.filter(|g| {
                    let ok = is_id(g);
                    if !ok {
                        self.problem(
                            file,
                            at,
                            format!("the source id `{}` is not an id; one is made", quote(g)),
                        );
                    }
                    ok
                });
                let s = &mut self.sides[side];
                let id = match wanted {
                    Some(g) => g.to_owned(),
                    None => {
                        let mut stem = make_id(&outlet, 40);
                        if stem.is_empty() {
                            stem = "source".to_owned();
                        }
                        if let Some(d) = date {
                            stem = format!("{stem}-{d}");
                        }
                        let mut id = stem.clone();
                        let mut n = s.stems.get(&stem).copied().unwrap_or(2);
                        while s.source_ids.contains_key(&id) {
                            id = format!("{stem}-{n}");
                            n += 1;
                        }
                        s.stems.insert(stem, n);
                        id
                    }
                };
                s.side.sources.push(Source {
                    id: id.clone(),
                    outlet,
                    title,
                    date,
                    url,
                    author: r.get(Col::SourceAuthor).map(|a| a.trim().to_owned()),
                    kind,
                    affiliation,
                    reliability,
                });
                s.sources.entry(key).or_insert_with(|| id.clone());
                s.source_ids.insert(id.clone(), s.side.sources.len() - 1);
                Some(id)
            }
        }
    }
}

/// The host of an http(s) url, in lower case: what comes after the scheme's `//` and any
/// `user@` (up to its last `@`), before a `:port`, `/`, `?`, `#` or `\` (which browsers read as
/// `/`), an IPv6 address with its brackets; `None` when it is empty. A source with only a url
/// takes it as its outlet, so `https://www.reuters.com@evil.example/x` is `evil.example`, the
/// site it leads to, never the trusted name before the `@`.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("//").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#', '\\']).next().unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host_port.strip_prefix('[') {
        Some(v6) => v6.split_once(']').map_or(host_port, |(addr, _)| {
            host_port.get(..addr.len() + 2).unwrap_or(host_port)
        }),
        None => host_port.split(':').next().unwrap_or_default(),
    };
    (!host.is_empty()).then(|| host.to_lowercase())
}

/// A reliability note given where no rating is: it explains one, so it has nowhere to go.
const LONE_NOTE: &str = "a source_reliability_note without a source_reliability is left out: the note explains the rating";

/// True when `inner` is a date within `outer`, given more precisely (`2025-01-05` in `2025-01`).
fn within(outer: Date, inner: Date) -> bool {
    inner != outer && inner.first_day() >= outer.first_day() && inner.last_day() <= outer.last_day()
}

/// Fills `had` with `given` when it has nothing; true when both have text and they differ
/// (in more than case).
fn fill(had: &mut Option<String>, given: Option<&str>) -> bool {
    match (had.as_deref(), given) {
        (None, Some(g)) => {
            *had = Some(g.to_owned());
            false
        }
        (Some(h), Some(g)) => !h.eq_ignore_ascii_case(g),
        _ => false,
    }
}

/// ` (did you mean `fact-check`?)` for the word of `words` a typo or two from `cell` (as
/// written, or in lower case with `-` between its words), as `validate` says it; else nothing.
fn meant(words: &[&str], cell: &str) -> String {
    crate::text::nearest_name(words, &dashed(cell))
        .map(|w| format!(" (did you mean `{w}`?)"))
        .unwrap_or_default()
}

/// A source kind as a sheet writes it: any case, with a space or `_` for the `-`
/// (`Fact Check`, `fact_check` are `fact-check`).
fn kind_of(cell: &str) -> Option<SourceKind> {
    SourceKind::parse(&dashed(cell))
}

/// A word as the format writes its names: lower case, its parts apart by one `-` (`Fact
/// Check`, `fact_check` and ` FACT-CHECK ` are `fact-check`).
fn dashed(cell: &str) -> String {
    cell.to_lowercase()
        .split([' ', '_', '-'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::host;

    #[test]
    fn a_urls_host_leaves_out_the_user_the_port_the_query_and_the_fragment() {
        let cases = [
            (
                "https://www.reuters.com@evil.example/world/story",
                Some("evil.example"),
            ),
            ("https://user:pass@a.example:8080/x", Some("a.example")),
            ("https://example.com?utm_source=x", Some("example.com")),
            ("https://example.com#top", Some("example.com")),
            ("http://Example.COM:443", Some("example.com")),
            ("https://a.example\\@b.example/", Some("a.example")),
            ("https://[2001:db8::1]:8080/x", Some("[2001:db8::1]")),
            ("https://[2001:db8::1", Some("[2001:db8::1")),
            ("https://reuters.com/a@b", Some("reuters.com")),
            ("https://@/x", None),
            ("https://?q", None),
        ];
        for (url, want) in cases {
            assert_eq!(host(url).as_deref(), want, "{url}");
        }
    }
}
