//! The bundled India–Pakistan dispute: strict validity, the promised coverage, and sources that
//! come only from the research file.

use parallax::compare::{Answered, Comparison};
use parallax::format::Dispute;
use parallax::load::load_bundled;
use std::path::PathBuf;

fn bundled() -> Dispute {
    let loaded = load_bundled();
    assert!(
        loaded.report.is_clean(),
        "the bundled dispute must pass strict validation: {:#?}",
        loaded.report.diagnostics
    );
    loaded.dispute.expect("the bundled dispute loads")
}

#[test]
fn bundled_dispute_passes_strict_validation_from_the_folder_too() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("narratives/india-pakistan-2025");
    let loaded = parallax::load::load_paths(&[folder]);
    assert!(loaded.report.is_clean(), "{:#?}", loaded.report.diagnostics);
    let d = bundled();
    let parties: Vec<&str> = d.sides.iter().map(|s| s.party.id.as_str()).collect();
    assert_eq!(parties, ["india", "pakistan", "third-parties"]);
}

#[test]
fn bundled_dispute_has_the_promised_coverage() {
    let d = bundled();
    let india = d.side_index("india").expect("india");
    let pakistan = d.side_index("pakistan").expect("pakistan");
    assert!(d.manifest_topics.len() >= 10, "at least 10 topics");
    assert!(d.claim_count(india) >= 50);
    assert!(d.claim_count(pakistan) >= 50);
    let cmp = Comparison::new(&d, india, pakistan);
    let both = cmp
        .topics
        .iter()
        .flat_map(|t| &t.rows)
        .filter(|r| r.answered() == Answered::Both && r.point.is_some())
        .count();
    assert!(
        both >= 30,
        "at least 30 points both sides answer, found {both}"
    );
    for (_, claim) in d.claims() {
        assert!(
            !claim.sources.is_empty(),
            "claim {} has no source",
            claim.id
        );
    }
}

#[test]
fn every_argument_of_the_seed_article_is_a_sourced_pakistan_claim() {
    let d = bundled();
    let pakistan = &d.sides[d.side_index("pakistan").expect("pakistan")];
    let article = pakistan
        .sources
        .iter()
        .position(|s| s.outlet == "The Think Tank Journal")
        .expect("the seed article is a Pakistan-side source");
    let source = &pakistan.sources[article];
    assert_eq!(source.kind, Some(parallax::format::SourceKind::Opinion));
    assert_eq!(source.author.as_deref(), Some("Wasim Qadri"));
    let citing = pakistan
        .topics
        .iter()
        .flat_map(|t| &t.claims)
        .filter(|c| c.sources.iter().any(|r| r.index == article))
        .count();
    assert!(
        citing >= 18,
        "the article's arguments appear as claims ({citing})"
    );
}

/// The research file's text.
fn research() -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/research/ip2025-facts.md");
    std::fs::read_to_string(path).ok()
}

/// True when `url` appears in the text as a whole url: not as the start of a longer one.
fn contains_url(text: &str, url: &str) -> bool {
    text.match_indices(url).any(|(i, _)| {
        let next = text[i + url.len()..].chars().next();
        let after_ok =
            next.is_none_or(|c| c.is_whitespace() || matches!(c, ')' | ',' | ';' | '`' | '.'));
        let before_ok = text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || c == '(');
        after_ok && before_ok
    })
}

#[test]
fn every_source_url_comes_from_the_research_file() {
    let Some(research) = research() else {
        eprintln!(
            "SKIPPED: ../shared/research/ip2025-facts.md is not present, so urls cannot be checked"
        );
        return;
    };
    let d = bundled();
    let mut checked = 0;
    for side in &d.sides {
        for source in &side.sources {
            if let Some(url) = &source.url {
                assert!(
                    contains_url(&research, url),
                    "{}: source {} has a url not in the research file: {url}",
                    side.file,
                    source.id
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "most sources have urls ({checked})");
}

/// A claim's content words: lower-cased words of four letters or more.
fn content_words(text: &str) -> std::collections::HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn no_two_claims_of_one_side_restate_each_other() {
    let d = bundled();
    let mut restated = Vec::new();
    for side in &d.sides {
        let claims: Vec<_> = side
            .topics
            .iter()
            .flat_map(|t| &t.claims)
            .map(|c| (c.id.as_str(), content_words(&c.text)))
            .collect();
        for (i, (a, wa)) in claims.iter().enumerate() {
            for (b, wb) in claims.iter().skip(i + 1) {
                let shorter = wa.len().min(wb.len());
                let shared = wa.intersection(wb).count();
                // More than 80% of the shorter claim's content words.
                if shorter > 0 && shared * 5 > shorter * 4 {
                    restated.push(format!("{a} ~ {b} ({shared} of {shorter})"));
                }
            }
        }
    }
    assert!(
        restated.is_empty(),
        "claims of one side that restate each other: {restated:#?}"
    );
}

#[test]
fn every_claim_outside_the_period_carries_the_same_tag_whatever_its_side() {
    let d = bundled();
    let period = d.period.as_ref().expect("the bundled dispute has a period");
    let (from, to) = (
        period.from.expect("a first date"),
        period.to.expect("a last date"),
    );
    let mut wrong = Vec::new();
    let mut outside = 0;
    for (at, claim) in d.claims() {
        let Some(date) = claim.date else { continue };
        let is_outside = date.last_day() < from.first_day() || date.first_day() > to.last_day();
        let tagged = claim.tags.iter().any(|t| t == "outside-window");
        outside += usize::from(is_outside);
        if is_outside != tagged {
            let party = &d.sides[at.side()].party.id;
            wrong.push(format!("{party}: {} ({date}, tagged: {tagged})", claim.id));
        }
    }
    assert!(
        wrong.is_empty(),
        "`outside-window` must mark exactly the claims dated outside {from} to {to}: {wrong:#?}"
    );
    assert!(
        outside >= 10,
        "the later claims are kept for context ({outside})"
    );
}

/// The research file's source flags (`[low]`, `[partisan]`, …) by the url they follow.
fn research_flags(research: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut rest = research;
    while let Some(i) = rest.find("`[") {
        let before = &rest[..i];
        let after = &rest[i + 1..];
        let end = after.find('`').unwrap_or(after.len());
        let flags: Vec<String> = after[..end]
            .split(['[', ']'])
            .filter(|f| !f.is_empty())
            .map(str::to_owned)
            .collect();
        let url = before
            .split_whitespace()
            .next_back()
            .map(|u| u.trim_end_matches(['.', ',', ';']))
            .filter(|u| u.starts_with("http"));
        if let Some(url) = url {
            out.push((url.to_owned(), flags));
        }
        rest = &after[end.min(after.len())..];
    }
    out
}

#[test]
fn every_source_the_research_flags_low_or_partisan_carries_that_reliability() {
    let Some(research) = research() else {
        eprintln!("SKIPPED: ../shared/research/ip2025-facts.md is not present");
        return;
    };
    let flags = research_flags(&research);
    let d = bundled();
    let mut checked = 0;
    for side in &d.sides {
        for source in &side.sources {
            let Some(url) = &source.url else { continue };
            let given = source.reliability.as_ref().map(|r| r.rating.as_str());
            let flagged: Vec<&str> = flags
                .iter()
                .filter(|(u, _)| u == url)
                .flat_map(|(_, f)| f.iter().map(String::as_str))
                .filter(|f| matches!(*f, "low" | "partisan"))
                .collect();
            let expected = if flagged.contains(&"partisan") {
                Some("partisan")
            } else if flagged.contains(&"low") {
                Some("low")
            } else {
                continue;
            };
            assert_eq!(
                given, expected,
                "{}: source {} ({url}) is flagged {flagged:?} in the research",
                side.file, source.id
            );
            checked += 1;
        }
    }
    assert!(checked >= 13, "every flagged source is cited ({checked})");
}

#[test]
fn every_assessment_says_who_made_it() {
    let d = bundled();
    for (_, claim) in d.claims() {
        if let Some(a) = &claim.assessment {
            assert!(a.by.is_some(), "{}: assessment without `by`", claim.id);
        }
    }
}
