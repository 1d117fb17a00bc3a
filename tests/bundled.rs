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
