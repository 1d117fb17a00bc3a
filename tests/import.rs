//! Imports: a spreadsheet's CSV and fact-checkers' ClaimReview become a valid dispute, every
//! unusable record is reported with where it was, and claims-csv survives export and import.

use assert_cmd::Command;
use parallax::format::Dispute;
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn parallax() -> Command {
    Command::cargo_bin("parallax").unwrap()
}

/// A claims table of two sides, one claim each, written in `dir`.
fn two_sides(dir: &Path) -> PathBuf {
    let csv = dir.join("ab.csv");
    std::fs::write(&csv, "side,topic,text\na,t,x1\nb,t,y1\n").unwrap();
    csv
}

/// `parallax import csv CSV -o OUT`, run.
fn import_csv(csv: impl AsRef<Path>, out: impl AsRef<Path>) -> assert_cmd::assert::Assert {
    parallax()
        .args(["import", "csv"])
        .arg(csv.as_ref())
        .arg("-o")
        .arg(out.as_ref())
        .assert()
}

/// Imports one CSV table into a folder `out` beside it: the temporary folder, and what the
/// import said on stderr.
fn import_said(table: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("table.csv");
    std::fs::write(&csv, table).unwrap();
    let out = import_csv(&csv, dir.path().join("out"))
        .get_output()
        .clone();
    (dir, String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Imports ClaimReview documents (each written to a file of its own) into a folder `out`
/// beside them: the temporary folder, and what the import said on stderr.
fn review_said(documents: &[&str]) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut command = parallax();
    command.args(["import", "claimreview"]);
    for (i, document) in documents.iter().enumerate() {
        let file = dir.path().join(format!("review-{i}.json"));
        std::fs::write(&file, document).unwrap();
        command.arg(file);
    }
    let out = command
        .arg("-o")
        .arg(dir.path().join("out"))
        .output()
        .unwrap();
    (dir, String::from_utf8_lossy(&out.stderr).into_owned())
}

/// A second side's review (Beta's, rated true), for the ClaimReview imports that test something
/// of one review: an import needs two sides.
const BETA_REVIEW: &str = r#"{"@context": "https://schema.org", "@type": "ClaimReview",
    "claimReviewed": "Nothing was shut.",
    "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "Beta"}},
    "reviewRating": {"@type": "Rating", "alternateName": "True"},
    "url": "https://example.org/check/2"}"#;

/// A ClaimReview (`Claim {n}.`, rated False) of a claim by the person `claimant`.
fn claimant_review(n: u32, claimant: &str) -> String {
    format!(
        r#"{{"@type": "ClaimReview", "url": "https://f.example/{n}", "claimReviewed": "Claim {n}.",
        "reviewRating": {{"alternateName": "False"}},
        "itemReviewed": {{"@type": "Claim", "author": {{"@type": "Person", "name": "{claimant}"}}}}}}"#
    )
}

fn load(dir: &Path) -> Dispute {
    let loaded = parallax::load::load_paths(&[dir.to_path_buf()]);
    assert_eq!(loaded.report.errors(), 0, "{:?}", loaded.report.diagnostics);
    loaded.dispute.unwrap()
}

/// Every claim with every field the claims table carries, its sources resolved (ids aside).
fn claims(d: &Dispute) -> Vec<String> {
    let mut out = Vec::new();
    for side in &d.sides {
        for topic in &side.topics {
            // The neutral title in effect (an import names every topic in the manifest).
            let neutral = d
                .manifest_topic(&topic.id)
                .map_or(topic.title.clone(), |t| t.title.clone());
            for c in &topic.claims {
                let resolve = |i: usize| {
                    side.sources.get(i).map(|s| {
                        let mut s = s.clone();
                        s.id.clear();
                        format!("{s:?}")
                    })
                };
                let cites: Vec<_> = c
                    .sources
                    .iter()
                    .map(|r| (resolve(r.index), r.quote(), r.locator()))
                    .collect();
                let assessed: Vec<_> = c
                    .assessment
                    .iter()
                    .flat_map(|a| a.indices.iter().map(|&i| resolve(i)))
                    .collect();
                let question = c.point.as_ref().and_then(|p| {
                    d.manifest_topic(&topic.id)?
                        .points
                        .iter()
                        .find(|q| q.id == *p)?
                        .question
                        .clone()
                });
                let mut c = c.clone();
                c.sources.clear();
                // Hidden characters travel as the visible markers they were shown as.
                c.flagged.clear();
                if let Some(a) = &mut c.assessment {
                    a.sources.clear();
                    a.indices.clear();
                }
                out.push(format!(
                    "{} {:?} | {} {:?} {:?} | {question:?} | {c:?} | {cites:?} | {assessed:?}",
                    side.party.id, side.party.name, topic.id, topic.title, neutral
                ));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_spreadsheet_csv_imports_with_every_problem_reported() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("river");
    parallax()
        .args(["import", "csv"])
        .arg(fixture("import/spreadsheet.csv"))
        .arg("-o")
        .arg(&out)
        .args(["--title", "The river"])
        .assert()
        .success()
        .stderr(predicate::str::contains("line 1: the column `Colour`"))
        // Lines as an editor numbers them: the file has CRLF ends and a cell on two lines.
        .stderr(predicate::str::contains("line 6: the date `2024-13`"))
        .stderr(predicate::str::contains(
            "line 7: no text and no id; skipped",
        ))
        .stderr(predicate::str::contains("line 8: the rating `spicy`"))
        .stderr(predicate::str::contains("imported 4 claim(s) of 2 sides"));
    let d = load(&out);
    assert_eq!(d.title, "The river");
    let alpha = &d.sides[0];
    assert_eq!(alpha.party.id, "alpha");
    // The BOM did not stick to the first column, the quoted newline stayed in its cell.
    let beta = &d.sides[1].topics[0].claims[0];
    assert_eq!(
        beta.text,
        "The gates were opened as usual;\nAlpha's own canal failed."
    );
    assert_eq!(
        beta.assessment.as_ref().unwrap().rating.as_str(),
        "disputed"
    );
    // A row repeating a claim adds its source; rows citing one url share one source.
    let gates = &alpha.topics[0].claims[0];
    assert_eq!(gates.sources.len(), 2, "River Daily and the wire");
    let urls: Vec<_> = alpha
        .sources
        .iter()
        .filter_map(|s| s.url.as_deref())
        .collect();
    assert_eq!(
        urls,
        ["https://example.org/gates", "https://example.org/wire"]
    );
    assert_eq!(gates.tags, ["gates", "water"]);
    // A point given as a question gets an id and keeps its question.
    let topic = d.manifest_topic("sharing-the-river").unwrap();
    assert_eq!(topic.title, "Sharing the river");
    assert_eq!(topic.points[0].id, "who-cut-the-flow-first");
    assert_eq!(
        topic.points[0].question.as_deref(),
        Some("Who cut the flow first?")
    );

    // Ids made from the text are the same on every import.
    let again = dir.path().join("again");
    parallax()
        .args(["import", "csv"])
        .arg(fixture("import/spreadsheet.csv"))
        .arg("-o")
        .arg(&again)
        .args(["--id", "river"])
        .assert()
        .success();
    let ids = |d: &Dispute| -> Vec<String> { d.claims().map(|(_, c)| c.id.to_string()).collect() };
    assert_eq!(ids(&d), ids(&load(&again)));

    // It never writes over a dispute.
    import_csv(fixture("import/spreadsheet.csv"), &out)
        .code(1)
        .stderr(predicate::str::contains("already exists"));
    // A file of a side's name that is no side file (an analyst's `{}`): refused before the
    // rows' problems are listed, which read as if the import had gone ahead.
    let notes = dir.path().join("notes");
    std::fs::create_dir(&notes).unwrap();
    std::fs::write(notes.join("alpha.json"), "{}").unwrap();
    import_csv(fixture("import/spreadsheet.csv"), &notes)
        .code(1)
        .stderr(predicate::str::contains("alpha.json already exists"))
        .stderr(predicate::str::contains("line 6: the date").not());
    assert_eq!(
        std::fs::read_to_string(notes.join("alpha.json")).unwrap(),
        "{}"
    );
}

/// The whole dispute as the files give it: the dispute's id, title, summary and period, the
/// manifest's topics with their summaries and points, and every side as its file holds it
/// (party, sources with their ids, cited or not, topics, claims with every field).
fn whole(d: &Dispute) -> Value {
    serde_json::json!({
        "id": d.id,
        "title": d.title,
        "summary": d.summary,
        "period": d.period,
        "topics": d.manifest_topics,
        "sides": d.sides,
    })
}

/// The comparison `export --format json` writes, without the hidden characters each claim
/// held (they travel as the visible markers they were shown as, and are not flagged again).
fn exported_json(path: Option<&Path>) -> Value {
    let mut cmd = parallax();
    cmd.arg("export");
    if let Some(p) = path {
        cmd.arg(p);
    }
    let out = cmd.args(["-f", "json"]).output().unwrap();
    assert!(out.status.success());
    let mut json: Value = serde_json::from_slice(&out.stdout).unwrap();
    fn unflag(v: &mut Value) {
        match v {
            Value::Object(map) => {
                map.remove("flagged");
                map.values_mut().for_each(unflag);
            }
            Value::Array(items) => items.iter_mut().for_each(unflag),
            _ => {}
        }
    }
    unflag(&mut json);
    json
}

/// Saved on Windows: CRLF line ends, and a cell on two lines. Lines are counted as an editor
/// counts them, and the cell's text has a plain line break.
#[test]
fn a_crlf_csv_reports_the_right_lines_and_keeps_no_cr() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("windows.csv");
    std::fs::write(
        &csv,
        "side,topic,text,date\r\na,w,\"Nothing was shut\r\nat all\",2024-01-01\r\nb,w,two,2024-13-01\r\nb,w,three,2024-14-01\r\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    import_csv(&csv, &out)
        .success()
        .stderr(predicate::str::contains("line 4: the date `2024-13-01`"))
        .stderr(predicate::str::contains("line 5: the date `2024-14-01`"));
    let d = load(&out);
    assert!(
        d.claims()
            .any(|(_, c)| c.text == "Nothing was shut\nat all")
    );
    for file in std::fs::read_dir(&out).unwrap() {
        let path = file.unwrap().path();
        if !path.is_file() {
            continue;
        }
        let written = std::fs::read_to_string(path).unwrap();
        assert!(!written.contains("\\r"), "{written}");
    }
    parallax()
        .arg("validate")
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains("untrusted-text").not());
}

/// Saved by an old Mac (Excel's "CSV (Macintosh)"): lines end with CR alone. Every problem
/// was said to be at line 1; lines and columns are counted as an editor counts them, and a
/// cell on two lines has a plain line break.
#[test]
fn a_csv_with_cr_line_ends_reports_the_right_lines() {
    let (dir, said) =
        import_said("side,topic,text,date\ra,t,\"two\rlines\",\rb,t,y,bad\rb,t,a 5\" pipe,\r");
    assert!(
        said.contains("table.csv: line 4: the date `bad` is not a date"),
        "{said}"
    );
    assert!(
        said.contains("table.csv: line 5, column 8: a `\"` in a cell"),
        "{said}"
    );
    let d = load(&dir.path().join("out"));
    assert!(d.claims().any(|(_, c)| c.text == "two\nlines"));
    // In a file of LF line ends, a lone CR in a cell is a character of its text, kept (and
    // flagged on load as it always was), not made a line break.
    let (dir, _) = import_said("side,topic,text\na,t,\"x\ry\"\nb,t,z\n");
    let d = load(&dir.path().join("out"));
    assert!(
        d.claims()
            .any(|(_, c)| c.text != "x\ny" && c.text.starts_with('x')),
        "{:?}",
        d.claims().map(|(_, c)| c.text.clone()).collect::<Vec<_>>()
    );
    // A quote that goes on after closing its cell, and a byte that is not UTF-8.
    for (table, at) in [
        (
            &b"side,topic,text\ra,t,\"x \"y\rb,t,y\r"[..],
            "line 2, column 8",
        ),
        (
            &b"side,topic,text\ra,t,x\rb,t,\x85y\r"[..],
            "line 3, column 5",
        ),
    ] {
        let said = refused("mac.csv", table);
        assert!(said.contains(&format!("mac.csv: {at}: ")), "{said}");
    }
}

/// Every claim's and assessment's `sources` in a folder's side files, as written, by party and
/// claim id.
fn citations(folder: &Path) -> std::collections::BTreeMap<(String, String), (Value, Value)> {
    let mut out = std::collections::BTreeMap::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let Some(topics) = v["topics"].as_array() else {
            continue;
        };
        let party = v["party"]["id"].as_str().unwrap_or_default().to_owned();
        for claim in topics
            .iter()
            .flat_map(|t| t["claims"].as_array().into_iter().flatten())
        {
            let id = claim["id"].as_str().unwrap_or_default().to_owned();
            let sources = claim["sources"].clone();
            let assessed = claim["assessment"]["sources"].clone();
            out.insert((party.clone(), id), (sources, assessed));
        }
    }
    out
}

#[test]
fn claims_csv_survives_export_and_import_with_nothing_lost() {
    let dir = tempfile::tempdir().unwrap();
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("narratives/india-pakistan-2025");
    let mut cases: Vec<(String, PathBuf)> = [
        "compare",
        "export/normal",
        "export/hostile",
        "relations",
        "query",
        "reliability",
        "tui/sample",
    ]
    .iter()
    .map(|n| (n.replace('/', "-"), fixture(n)))
    .collect();
    cases.push(("bundled".to_owned(), bundled));
    for (name, path) in cases {
        let csv = dir.path().join(format!("{name}.csv"));
        let mut export = parallax();
        export.arg("export");
        // The bundled dispute is what `parallax` opens with no path.
        if name != "bundled" {
            export.arg(&path);
        }
        export
            .args(["-f", "claims-csv", "-o"])
            .arg(&csv)
            .assert()
            .success();
        let back = dir.path().join(&name);
        import_csv(&csv, &back)
            .success()
            .stderr(predicate::str::contains("0 problem(s)"));
        let (before, after) = (load(&path), load(&back));
        assert_eq!(claims(&before), claims(&after), "{name}");
        // A dispute without a manifest comes back without one, so no topic of its sides is
        // warned about as missing from a manifest it never had.
        assert_eq!(
            back.join("dispute.json").exists(),
            path.join("dispute.json").exists(),
            "{name}"
        );
        let warnings = |p: &Path| {
            parallax::load::load_paths(&[p.to_path_buf()])
                .report
                .warnings()
        };
        assert!(
            warnings(&back) <= warnings(&path),
            "{name}: a warning the dispute did not have"
        );
        assert_eq!(whole(&before), whole(&after), "{name}: the whole dispute");
        // Citations are written as they were: an id alone stays a string, not `{"id": …}`,
        // so the files come back diffable against their originals.
        assert_eq!(citations(&path), citations(&back), "{name}: citations");
        let shown = (name != "bundled").then_some(path.as_path());
        assert_eq!(
            exported_json(shown),
            exported_json(Some(&back)),
            "{name}: the comparison exported"
        );
        // And the table written again is the same table.
        let again = parallax()
            .arg("export")
            .arg(&back)
            .args(["-f", "claims-csv"])
            .output()
            .unwrap()
            .stdout;
        assert_eq!(
            String::from_utf8(again).unwrap(),
            std::fs::read_to_string(&csv).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn a_claims_table_from_an_older_export_or_a_spreadsheet_still_imports() {
    // Without the `record` column every row is a claim, as before; a `record` kind parallax does
    // not know is reported and skipped.
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("t.csv");
    std::fs::write(
        &csv,
        "record,side,topic,text,source_id,source_outlet\n\
         ,a,t,First claim,,Wire\n\
         claim,b,t,Second claim,wire-1,Wire\n\
         source,b,,,wire-2,Other wire\n\
         sauce,b,t,Third claim,,\n",
    )
    .unwrap();
    let out = dir.path().join("d");
    import_csv(&csv, &out)
        .success()
        .stderr(predicate::str::contains(
            "line 5: the record kind `sauce` is not claim",
        ));
    let d = load(&out);
    let ids: Vec<Vec<&str>> = d
        .sides
        .iter()
        .map(|s| s.sources.iter().map(|x| x.id.as_str()).collect())
        .collect();
    assert_eq!(
        ids,
        [vec!["wire"], vec!["wire-1", "wire-2"]],
        "ids kept or made"
    );
    assert_eq!(d.sides[1].topics[0].claims.len(), 1);
}

#[test]
fn claimreview_imports_a_review_a_graph_and_the_fact_check_api() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("checks");
    parallax()
        .args(["import", "claimreview"])
        .arg(fixture("import/review.json"))
        .arg(fixture("import/graph.json"))
        .arg("-o")
        .arg(&out)
        .args([
            "--side",
            "Alpha water minister=alpha:Republic of Alpha",
            "--side",
            "Beta Government=beta",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "@graph[0]: a WebPage, not a ClaimReview",
        ))
        .stderr(predicate::str::contains(
            "@graph[3]: a ClaimReview without `claimReviewed`",
        ))
        .stderr(predicate::str::contains("“Spicy take” is not in the table"))
        // Both mappings named a claimant of one file or the other.
        .stderr(predicate::str::contains("no review's claimant").not());
    let d = load(&out);
    let ids: Vec<&str> = d.sides.iter().map(|s| s.party.id.as_str()).collect();
    assert_eq!(ids, ["alpha", "beta"]);
    // A name after the colon names the party; without one the id does, in words (as
    // `--topic foreign-policy` is titled "Foreign policy"), not as a bare id.
    let names: Vec<&str> = d.sides.iter().map(|s| s.party.name.as_str()).collect();
    assert_eq!(names, ["Republic of Alpha", "Beta"]);
    // A misspelt claimant is said, and a side id that is not one is named as such.
    parallax()
        .args(["import", "claimreview"])
        .arg(fixture("import/review.json"))
        .arg(fixture("import/graph.json"))
        .arg("-o")
        .arg(dir.path().join("again"))
        .args(["--side", "Alpha water minster=alpha"])
        .assert()
        .stderr(predicate::str::contains(
            "--side Alpha water minster=alpha: no review's claimant is called that",
        ))
        .stderr(predicate::str::contains("alpha water minister"));
    parallax()
        .args(["import", "claimreview"])
        .arg(fixture("import/review.json"))
        .arg("-o")
        .arg(dir.path().join("third"))
        .args(["--side", "Alice=Bad_ID"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`Bad_ID` is not a side id"));
    parallax()
        .args(["import", "claimreview"])
        .arg(fixture("import/review.json"))
        .arg("-o")
        .arg(dir.path().join("fourth"))
        .args(["--side", "Alice=alice:"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "the party's name after `:` is empty",
        ));
    let gates = &d.sides[0].topics[0].claims[0];
    assert_eq!(gates.speaker.as_deref(), Some("Alpha water minister"));
    let a = gates.assessment.as_ref().unwrap();
    assert_eq!(a.rating.as_str(), "disputed", "Mostly False");
    assert_eq!(a.by.as_deref(), Some("Fact Desk"));
    assert!(
        a.note.as_deref().unwrap().contains("“Mostly False”"),
        "the wording is kept"
    );
    let review = &d.sides[0].sources[a.indices[0]];
    assert_eq!(
        review.url.as_deref(),
        Some("https://factdesk.example/checks/gates")
    );
    assert_eq!(
        gates.sources.len(),
        1,
        "where the claim appeared is its source"
    );
    let canal = &d.sides[1].topics[0].claims[0];
    assert_eq!(
        canal.assessment.as_ref().unwrap().rating.as_str(),
        "corroborated",
        "5 of 5"
    );

    let api = dir.path().join("api");
    parallax()
        .args(["import", "claimreview"])
        .arg(fixture("import/google.json"))
        .arg("-o")
        .arg(&api)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "claims[2]: a claim without `text`",
        ))
        .stderr(predicate::str::contains(
            "claims[0].claimReview[1]: another verdict",
        ));
    let d = load(&api);
    let names: Vec<&str> = d.sides.iter().map(|s| s.party.name.as_str()).collect();
    assert_eq!(
        names,
        ["Alpha water minister", "Beta Government"],
        "each claimant a side"
    );
    let a = d.sides[0].topics[0].claims[0].assessment.as_ref().unwrap();
    assert_eq!(a.indices.len(), 2, "both reviews' urls back the assessment");
}

#[test]
fn claimreview_export_has_googles_required_fields_for_every_assessed_claim() {
    let out = parallax()
        .args(["export", "-f", "claimreview"])
        .arg(fixture("export/normal"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["@context"], "https://schema.org");
    let reviews = doc["@graph"].as_array().unwrap();
    let d = load(&fixture("export/normal"));
    let assessed = d.claims().filter(|(_, c)| c.assessment.is_some()).count();
    assert!(assessed > 0);
    assert_eq!(reviews.len(), assessed, "one review per assessed claim");
    for r in reviews {
        assert_eq!(r["@type"], "ClaimReview");
        // Google's required properties: claimReviewed, reviewRating (with alternateName), url.
        assert!(r["claimReviewed"].as_str().is_some_and(|s| !s.is_empty()));
        assert!(r["reviewRating"]["alternateName"].as_str().is_some());
        assert!(
            r["url"].as_str().is_some_and(|u| u.starts_with("http")),
            "{r}"
        );
        assert_eq!(r["itemReviewed"]["@type"], "Claim");
    }
    // And what it writes, it reads back.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reviews.json");
    std::fs::write(&file, &out.stdout).unwrap();
    parallax()
        .args(["import", "claimreview"])
        .arg(&file)
        .arg("-o")
        .arg(dir.path().join("back"))
        .assert()
        .success();
}

#[test]
fn claims_formats_refuse_filters() {
    parallax()
        .args(["export", "-f", "claims-csv", "--party", "north"])
        .arg(fixture("export/normal"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("every claim of every side"));
}

#[test]
fn a_review_whose_assessment_cites_no_web_page_gets_the_published_page_or_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let side = |party: &str, claim: &str| {
        format!(
            r#"{{"format": "parallax/1", "dispute": "d", "party": {{"id": "{party}", "name": "{party}"}},
  "sources": [{{"id": "paper", "outlet": "Paper", "date": "2024-01-02"}}],
  "topics": [{{"id": "t", "title": "T", "claims": [{{"id": "{claim}", "text": "Something was said.",
    "sources": ["paper"], "assessment": {{"rating": "disputed", "by": "Desk", "sources": ["paper"]}}}}]}}]}}"#
        )
    };
    std::fs::write(dir.path().join("a.json"), side("a", "a-1")).unwrap();
    std::fs::write(dir.path().join("b.json"), side("b", "b-1")).unwrap();
    let out = parallax()
        .args(["export", "-f", "claimreview"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("2 review(s) have no url")
            && err.contains("a-1, b-1")
            && err.contains("--review-url"),
        "{err}"
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(doc["@graph"][0].get("url").is_none());
    let out = parallax()
        .args([
            "export",
            "-f",
            "claimreview",
            "--review-url",
            "https://desk.example/checks",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("no url"));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let urls: Vec<&str> = doc["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["url"].as_str())
        .collect();
    assert_eq!(
        urls,
        [
            "https://desk.example/checks#a-1",
            "https://desk.example/checks#b-1"
        ]
    );
    parallax()
        .args([
            "export",
            "-f",
            "claimreview",
            "--review-url",
            "javascript:alert(1)",
        ])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("http:// or https://"));
}

/// Excel's "CSV (Comma delimited)" is Windows-1252: the file is refused before any row is read,
/// with the place of the first byte that is not UTF-8 and what to save instead.
#[test]
fn a_csv_that_is_not_utf8_is_refused_with_where_and_what_to_do() {
    let said = refused(
        "latin1.csv",
        b"side,topic,text\nalpha,water,caf\xe9 one\nbeta,water,world\nalpha,water,plain\n",
    );
    assert!(
        said.contains("latin1.csv: line 2, column 16: the byte 0xE9 is not UTF-8 text"),
        "{said}"
    );
    assert!(said.contains("save the file as \"CSV UTF-8\""), "{said}");
    assert!(!said.contains("skipped"), "{said}");
}

/// Excel's "Unicode Text" is UTF-16, with a byte-order mark: named as such, not as empty.
#[test]
fn a_utf16_csv_is_named_as_utf16() {
    for (name, bom, big_endian) in [
        ("le.csv", [0xff, 0xfe], false),
        ("be.csv", [0xfe, 0xff], true),
    ] {
        let mut bytes = bom.to_vec();
        for unit in "side,topic,text\nalpha,water,one\nbeta,water,two\n".encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend(pair);
        }
        let said = refused(name, bytes);
        assert!(
            said.contains(&format!("{name}: the file is UTF-16 text")),
            "{said}"
        );
        assert!(said.contains("save the file as \"CSV UTF-8\""), "{said}");
        assert!(!said.contains("empty"), "{said}");
    }
}

/// JSON given to `import csv` is named as JSON, whatever its strings hold: one ending in a comma
/// (`"one, two,"`) was read as a quoted cell and refused for a made-up quote (a side file said
/// `line 16690, column 6: this " closes the quoted cell`).
#[test]
fn json_given_to_import_csv_is_named_as_json_whatever_its_strings_hold() {
    for (name, text) in [
        ("min.json", "{\"text\": \"one, two,\",\n \"x\": 1}"),
        ("list.json", "\n  [1, \"a, b,\"]\n"),
        (
            "side.json",
            "{\"format\": \"parallax/1\", \"party\": {\"id\": \"a\", \"name\": \"A, B,\"}}",
        ),
        // Broken, or with comments: still no table.
        ("broken.json", "{ broken json, side, topic"),
        ("cut.json", "[1,2"),
        ("single.json", "{'a': 'b, c'}"),
    ] {
        let said = refused(name, text);
        assert!(
            said.contains(&format!("{name}: this is JSON, not a table of claims")),
            "{said}"
        );
        assert!(!said.contains("quoted cell"), "{said}");
    }
}

/// A workbook or a compressed file given to an import is named as what it is, with what to do:
/// it was blamed on Windows-1252 (`the byte 0x85 is not UTF-8 text`).
#[test]
fn a_workbook_or_a_compressed_file_is_named_as_such() {
    for (name, head, what, todo) in [
        (
            "book.xlsx",
            &b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x85"[..],
            "this is a zip archive (an Excel workbook, .xlsx",
            "save the sheet as \"CSV UTF-8\"",
        ),
        (
            "claims.csv.gz",
            &b"\x1f\x8b\x08\x00\x00\x00"[..],
            "this is a gzip-compressed file (.gz), not CSV text",
            "gunzip",
        ),
        (
            "old.xls",
            &b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x85"[..],
            "this is an Excel 97-2003 workbook (.xls)",
            "save the sheet as \"CSV UTF-8\"",
        ),
    ] {
        let said = refused(name, head);
        assert!(said.contains(&format!("{name}: {what}")), "{said}");
        assert!(said.contains(todo), "{said}");
        assert!(!said.contains("Windows-1252"), "{said}");
        // An old workbook is no zip: nothing to unzip.
        if name.ends_with(".xls") {
            assert!(!said.contains("unzip"), "{said}");
        }
    }
    // What `import claimreview` says of a file of this name and these first bytes (exit 1).
    let claimreview_says = |name: &str, bytes: &[u8]| -> String {
        let (dir, file) = csv_file(name, bytes);
        let out = parallax()
            .args(["import", "claimreview"])
            .arg(&file)
            .arg("-o")
            .arg(dir.path().join("out"))
            .assert()
            .code(1);
        String::from_utf8_lossy(&out.get_output().stderr).into_owned()
    };
    // A workbook given to import claimreview is pointed to import csv first.
    let said = claimreview_says("claims.xlsx", b"PK\x03\x04\x14\x00\x85");
    assert!(
        said.contains("a workbook of claims imports with `parallax import csv`"),
        "{said}"
    );
    // ClaimReview too.
    let said = claimreview_says("reviews.json.gz", b"\x1f\x8b\x08\x00\x85");
    assert!(
        said.contains("this is a gzip-compressed file (.gz), not JSON text"),
        "{said}"
    );
}

/// Tab-separated text (Excel's "Text (Tab delimited)", or a copy from a sheet) is read like a
/// comma's: the header decides, and a cell may hold commas and semicolons.
#[test]
fn a_tab_separated_file_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("sheet.tsv");
    std::fs::write(
        &csv,
        "side\ttopic\ttext\tdate\nalpha\twater\tThey shut it, twice; we did not\t2024-02\nbeta\twater\tWe never did\t2024-03\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    import_csv(&csv, &out)
        .success()
        .stderr(predicate::str::contains("imported 2 claim(s) of 2 sides"))
        .stderr(predicate::str::contains("0 problem(s)"));
    let d = load(&out);
    let texts: Vec<&str> = d.claims().map(|(_, c)| c.text.as_str()).collect();
    assert_eq!(texts, ["They shut it, twice; we did not", "We never did"]);
}

/// Excel's `sep=;` first line names the delimiter: it is no header, the table after it is read
/// with that delimiter (commas in cells stay text), and lines keep their numbers in problems.
/// (It was taken for the header: "the header has no `side` column".)
#[test]
fn an_excel_sep_line_names_the_delimiter() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("sheet.csv");
    std::fs::write(
        &csv,
        "sep=;\r\nside;topic;text;mood\r\nalpha;water;It rose 1,5 times, they say;\r\nbeta;water;It did not;calm\r\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    import_csv(&csv, &out)
        .success()
        .stderr(predicate::str::contains("imported 2 claim(s) of 2 sides"))
        .stderr(predicate::str::contains(
            "line 2: the column `mood` is not one parallax knows",
        ));
    let d = load(&out);
    let texts: Vec<&str> = d.claims().map(|(_, c)| c.text.as_str()).collect();
    assert_eq!(texts, ["It rose 1,5 times, they say", "It did not"]);
    // A header without a needed column is at line 2.
    std::fs::write(&csv, "sep=,\nside,topik,text\nalpha,water,x\n").unwrap();
    import_csv(&csv, dir.path().join("again"))
        .failure()
        .stderr(predicate::str::contains(
            "sheet.csv: line 2: the header has no `topic` column",
        ));
}

/// A header with columns misspelt names every missing column at once, and the column each
/// cell parallax does not read was likely meant as (it said one missing column a run, and no
/// more); a table that imports says the near column of an unknown one too.
#[test]
fn a_misspelt_header_names_every_missing_column_and_the_one_meant() {
    let (dir, said) = import_said("Sides,Topics,Txt,Source,Nots,Speakr,Mood\nA,W,x,s,n,p,m\n");
    assert!(
        said.contains(
            "table.csv: line 1: the header has no `side`, `topic` or `text` column (`Sides`: did \
             you mean `side`?; `Topics`: did you mean `topic`?; `Txt`: did you mean `text`?; \
             `Nots`: did you mean `note`?; `Speakr`: did you mean `speaker`?; `Mood` is no \
             column parallax knows); name the columns in the header row"
        ),
        "{said}"
    );
    assert!(!dir.path().join("out").exists());
    let (_dir, said) = import_said("side,topic,Txt\na,t,x\n");
    assert!(
        said.contains("line 1: the header has no `text` column (`Txt`: did you mean `text`?);"),
        "{said}"
    );
    let (_dir, said) = import_said("side,topic,text,Speakr,Ruling\na,t,x,p,false\nb,t,y,q,true\n");
    for (cell, col) in [("Speakr", "speaker"), ("Ruling", "rating")] {
        assert!(
            said.contains(&format!(
                "line 1: the column `{cell}` is not one parallax knows; ignored (did you mean `{col}`?)"
            )),
            "{said}"
        );
    }
    // The words fact-checkers' sheets use for a column are read as it (they were ignored, the
    // verdicts and notes lost).
    let (dir, said) = import_said(
        "Party,Topic,Statement,Claim Date,Speaker Name,Verdict,Notes\n\
         a,t,x,2025-05-01,Ann,false,Checked twice.\nb,t,y,2025-05-02,Bo,true,\n",
    );
    assert!(!said.contains("not one parallax knows"), "{said}");
    let d = load(&dir.path().join("out"));
    let (_, x) = d.claims().find(|(_, c)| c.text == "x").expect("claim x");
    assert_eq!(x.date.map(|d| d.to_string()).as_deref(), Some("2025-05-01"));
    assert_eq!(x.speaker.as_deref(), Some("Ann"));
    let a = x.assessment.as_deref().expect("the verdict is read");
    assert_eq!(a.rating.as_str(), "refuted");
    assert!(
        a.note
            .as_deref()
            .is_some_and(|n| n.contains("Checked twice.")),
        "{a:?}"
    );
}

/// Blank lines before the header are counted: the header's problems are said at its own line
/// (they were said at line 1). A title row above the table, a row soon below naming every
/// column needed, is said to be in the way.
#[test]
fn a_header_after_blank_lines_or_a_title_row_is_said_at_its_line() {
    let (_dir, said) = import_said("\n\nside,topic,txt\na,t,x\n");
    assert!(
        said.contains("table.csv: line 3: the header has no `text` column"),
        "{said}"
    );
    let (dir, said) = import_said("\r\n\r\nside;topic;text;mood\r\na;t;x;m\r\nb;t;y;\r\n");
    assert!(
        said.contains("table.csv: line 3: the column `mood` is not one parallax knows"),
        "{said}"
    );
    assert_eq!(load(&dir.path().join("out")).claims().count(), 2, "{said}");
    let (dir, said) = import_said("My fact-check sheet,,\n,,\nside,topic,text\na,t,x\nb,t,y\n");
    assert!(
        said.contains(
            "table.csv: line 1: the header has no `side`, `topic` or `text` column, but line 3 \
             names them all: the header seems to be line 3; delete the lines above it"
        ),
        "{said}"
    );
    assert!(!dir.path().join("out").exists());
}

/// A row that repeats the header (two exports joined with `cat`, the second header written
/// otherwise) is skipped and said with its line: it made a party "side" (side.json).
#[test]
fn a_header_row_repeated_is_skipped_and_said() {
    let (dir, said) = import_said("side,topic,text\na,t,x\nSide, Topic ,TEXT\nb,t,y\n");
    assert!(
        said.contains("table.csv: line 3: the header row again"),
        "{said}"
    );
    let d = load(&dir.path().join("out"));
    let ids: Vec<&str> = d.sides.iter().map(|s| s.party.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    assert!(!dir.path().join("out/side.json").exists());
}

/// A file of a header row alone, imported with others that hold claims, is named (it was
/// passed over without a word), first, as the files were given.
#[test]
fn a_file_of_a_header_alone_is_named_among_the_problems() {
    let dir = tempfile::tempdir().unwrap();
    let header = dir.path().join("header.csv");
    std::fs::write(&header, "side,topic,text\r\n").unwrap();
    let claims = dir.path().join("claims.csv");
    std::fs::write(&claims, "side,topic,text,date\na,t,x,1/2/2025\nb,t,y,\n").unwrap();
    let out = parallax()
        .args(["import", "csv"])
        .arg(&header)
        .arg(&claims)
        .arg("-o")
        .arg(dir.path().join("out"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8_lossy(&out.stderr);
    let named = said
        .find("header.csv: the file holds no claim (a header row alone, or blank rows)")
        .unwrap_or_else(|| panic!("{said}"));
    let dated = said
        .find("claims.csv: line 2: the date")
        .unwrap_or_else(|| panic!("{said}"));
    assert!(named < dated, "{said}");
    assert!(said.contains("2 problem(s) listed above"), "{said}");
}

/// A file that gave records but no claim (a claims-csv split: the dispute, side and topic rows
/// in one file, the claims in another), or one given twice, is not said to hold nothing.
#[test]
fn a_file_of_records_without_claims_is_not_said_to_hold_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let meta = dir.path().join("meta.csv");
    std::fs::write(
        &meta,
        "record,title,side,topic,text\ndispute,The river,,,\n",
    )
    .unwrap();
    let claims = dir.path().join("claims.csv");
    std::fs::write(&claims, "side,topic,text\na,t,x\nb,t,y\n").unwrap();
    for (first, second, out) in [(&meta, &claims, "out1"), (&claims, &claims, "out2")] {
        let said = parallax()
            .args(["import", "csv", "--strict"])
            .arg(first)
            .arg(second)
            .arg("-o")
            .arg(dir.path().join(out))
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&said.stderr);
        assert!(!text.contains("holds no claim"), "{text}");
    }
}

/// Two tables joined whose columns were ordered otherwise: the second header is said and
/// the rows after it are read by it (read by the first, a row made a party of its `side`
/// cell's word).
#[test]
fn a_header_in_another_order_reads_the_rows_after_it() {
    let (dir, said) = import_said(
        "side,topic,text,id\na,t,one,a1\nb,t,two,b1\ntext,id,side,topic\nthree,a3,a,t\nfour,b4,b,t\n",
    );
    assert!(
        said.contains(
            "table.csv: line 4: a header row with its columns in another order than the header of line 1"
        ),
        "{said}"
    );
    let d = load(&dir.path().join("out"));
    let ids: Vec<&str> = d.sides.iter().map(|s| s.party.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    let at = d.find_claim("a3").expect("read by the second header");
    assert_eq!(d.claim(at).map(|c| c.text.as_str()), Some("three"));
    assert!(d.find_claim("b4").is_some(), "{said}");
}

/// Each party's sheet numbers its claims 1, 2…: the second side's ids are made fresh, and a
/// `rebuts` cell of the first side that named the second side's `2` is pointed at its fresh
/// id (it named the first side's own claim 2, a rebuttal of itself), and said at its row,
/// before the rows after it.
#[test]
fn a_rebuttal_of_a_renumbered_claim_answers_the_other_side() {
    let (dir, said) = import_said(
        "side,topic,id,text,rebuts\n\
         A,T,1,Alpha says the sky is green,2\n\
         A,T,2,Alpha says the grass is blue,\n\
         B,T,1,Beta says the sky is blue,1\n\
         B,T,2,Beta says the grass is green,\n",
    );
    let d = load(&dir.path().join("out"));
    let claim = |id: &str| d.find_claim(id).and_then(|at| d.claim(at)).expect(id);
    let beta_two = d
        .claims()
        .find(|(_, c)| c.text == "Beta says the grass is green")
        .map(|(_, c)| c.id.to_string())
        .expect("beta's second claim");
    assert_ne!(beta_two, "2");
    assert_eq!(claim("1").rebuts.as_slice(), [beta_two.as_str()]);
    // Beta's own `1` was renumbered; its cell `1` names alpha's claim 1, as it meant.
    let beta_one = d
        .claims()
        .find(|(_, c)| c.text == "Beta says the sky is blue")
        .map(|(_, c)| c.rebuts.to_vec())
        .expect("beta's first claim");
    assert_eq!(beta_one, ["1"]);
    let said_at = |line: &str| said.find(line).unwrap_or_else(|| panic!("{line}: {said}"));
    assert!(
        said.contains(&format!(
            "table.csv: line 2: the rebuts cell names `2`, this side's own claim; it is taken to name b's claim `2`, now `{beta_two}`"
        )),
        "{said}"
    );
    assert!(said_at("line 2:") < said_at("line 4:"), "{said}");
}

/// A claim id given again in another file: the problem names the file of the first, so its
/// line can be found.
#[test]
fn a_claim_repeated_in_another_file_names_the_first_file() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("claims.csv");
    let more = dir.path().join("more.csv");
    std::fs::write(
        &first,
        "side,topic,id,text\nalpha,water,a1,One\nbeta,water,b1,Two\n",
    )
    .unwrap();
    std::fs::write(
        &more,
        "side,topic,id,text\nbeta,water,b2,Three\nalpha,water,a1,Another one\nalpha,water,a3,Four\nalpha,water,a3,Another four\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    parallax()
        .args(["import", "csv"])
        .arg(&first)
        .arg(&more)
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stderr(
            predicate::str::is_match(
                r"more\.csv: line 3: claim `a1` was given at line 2 of \S*claims\.csv with another text",
            )
            .unwrap(),
        )
        // Within one file, the line alone.
        .stderr(predicate::str::contains(
            "more.csv: line 5: claim `a3` was given at line 4 with another text",
        ));
}

/// A side's own title defaults to the neutral title, also when only a `topic` record gives it
/// (before or after the claims) and the claim rows leave `topic_title` empty; a side's `topic`
/// record after the claims still gives that side its own title.
#[test]
fn a_sides_topic_title_defaults_to_the_neutral_title_of_a_topic_record() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("rec.csv");
    std::fs::write(
        &csv,
        "record,side,topic,topic_title,side_topic_title,text\n\
         topic,,water,Sharing the river,,\n\
         ,alpha,water,,,Beta cut it\n\
         ,beta,water,,,Alpha cut it\n\
         ,alpha,land,,,The border moved\n\
         ,beta,land,,,It did not\n\
         topic,,land,Where the border runs,,\n\
         topic,beta,land,,Our land,\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    import_csv(&csv, &out)
        .success()
        .stderr(predicate::str::contains("0 problem(s)"));
    let d = load(&out);
    let titles = |side: usize| -> Vec<&str> {
        d.sides[side]
            .topics
            .iter()
            .map(|t| t.title.as_str())
            .collect()
    };
    assert_eq!(titles(0), ["Sharing the river", "Where the border runs"]);
    assert_eq!(titles(1), ["Sharing the river", "Our land"]);
}

/// A rating that is neither one of parallax's nor a fact-checker's word is quoted as written and
/// read as `import claimreview` reads it: the assessment is `unverified`, the word kept at the
/// start of its note, its note and `by` kept too (they were all left out). The same word again,
/// on the claim's next source row, is no other verdict; another word is.
#[test]
fn an_unknown_rating_is_quoted_as_written_and_kept_as_unverified() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("rated.csv");
    std::fs::write(
        &csv,
        "side,topic,text,rating,note,by,source_outlet\n\
         alpha,water,One,Spicy,Seen on video,Fact Desk,\n\
         beta,water,Two,Mostly,,Wire desk,\n\
         beta,water,Two,mostly,,Wire desk,Wire\n\
         beta,water,Two,Nope,,Wire desk,Paper\n\
         beta,water,Three,Nope,,,\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let said = import_csv(&csv, &out).success().get_output().stderr.clone();
    let said = String::from_utf8_lossy(&said);
    assert!(said.contains(
        "line 2: the rating `Spicy` is not one of unverified, corroborated, disputed, refuted, retracted (nor a fact-checker's word such as `false` or `mostly true`); the assessment is `unverified`, the word kept at the start of its note: write one of those words to say what it means",
    ), "{said}");
    assert!(
        said.contains("line 3: the rating `Mostly` is not one of"),
        "{said}"
    );
    assert!(!said.contains("line 4:"), "{said}");
    assert!(said.contains("line 5: another verdict on claim"), "{said}");
    assert!(
        said.contains("line 6: the rating `Nope` is not one of"),
        "{said}"
    );
    let d = load(&out);
    let verdicts: Vec<(&str, &str, &str)> = d
        .claims()
        .map(|(_, c)| {
            let a = c.assessment.as_ref().unwrap();
            (
                a.rating.as_str(),
                a.note.as_deref().unwrap_or_default(),
                a.by.as_deref().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        verdicts,
        [
            ("unverified", "Rated “Spicy”. Seen on video", "Fact Desk"),
            ("unverified", "Rated “Mostly”.", "Wire desk"),
            ("unverified", "Rated “Nope”.", ""),
        ]
    );
}

/// A source's kind, reliability or role that parallax does not know is quoted as written.
#[test]
fn an_unknown_source_word_is_quoted_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("sources.csv");
    std::fs::write(
        &csv,
        "side,topic,text,source_outlet,source_kind,source_reliability,source_role\n\
         alpha,water,One,Wire,Newspaper,Solid,Backing\n\
         beta,water,Two,,,,\n",
    )
    .unwrap();
    import_csv(&csv, dir.path().join("out"))
        .success()
        .stderr(predicate::str::contains(
            "the source kind `Newspaper` is not one of",
        ))
        .stderr(predicate::str::contains(
            "the source reliability `Solid` is not one of",
        ))
        .stderr(predicate::str::contains(
            "the source role `Backing` is neither",
        ));
}

/// A cell made into an id is said to be when something is lost: an id column's cell that was
/// not an id (a tag, a rebutted claim), a name that loses letters, two names made into one id.
/// A plain name (`Alpha` for the side `alpha`) becomes its id without a word, and so does a
/// cell that only its case kept from being one (`B_1` is `b_1`, not `b-1`).
#[test]
fn a_cell_rewritten_as_an_id_is_reported_when_something_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("ids.csv");
    let long = |c: char| format!("Ministry {}", c.to_string().repeat(130));
    std::fs::write(
        &csv,
        format!(
            "side,topic,text,tags,rebuts\n\
             Alpha,water,One,État,\n\
             Alpha,water,Two,UN,B_1 #b2\n\
             {},water,Three,,\n\
             {},water,Four,,\n",
            long('a'),
            long('b')
        ),
    )
    .unwrap();
    let out = import_csv(&csv, dir.path().join("out"))
        .get_output()
        .clone();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("the tag `État` is written as the id `etat`"),
        "{said}"
    );
    assert!(
        said.contains("the rebutted claim `#b2` is written as the id `b2` (it is not an id)"),
        "{said}"
    );
    assert!(!said.contains("`B_1`") && !said.contains("`UN`"), "{said}");
    let d = load(&dir.path().join("out"));
    let (_, two) = d.claims().find(|(_, c)| c.text == "Two").unwrap();
    let rebuts: Vec<&str> = two.rebuts.iter().map(|r| r.as_str()).collect();
    assert_eq!(rebuts, ["b_1", "b2"]);
    assert_eq!(two.tags.first().map(|t| t.as_str()), Some("un"));
    assert!(
        said.contains("as `Ministry aaa"),
        "two parties made one: {said}"
    );
    assert!(
        !said.contains("the side `Alpha`"),
        "a plain name is not reported: {said}"
    );
}

/// What a ClaimReview carries of each assessed claim: its side, id, text, date, speaker, rating,
/// note and `by`, and its own and its assessment's sources (id, outlet, title, url, date).
fn reviewed(d: &Dispute) -> Vec<String> {
    let mut out = Vec::new();
    for (at, c) in d.claims() {
        let (Some(side), Some(a)) = (d.sides.get(at.side()), &c.assessment) else {
            continue;
        };
        let source = |i: usize| {
            side.sources.get(i).map(|s| {
                format!(
                    "{} {:?} {:?} {:?} {:?} {:?}",
                    s.id, s.outlet, s.title, s.url, s.author, s.date
                )
            })
        };
        let cited: Vec<_> = c.sources.iter().map(|r| source(r.index)).collect();
        let assessed: Vec<_> = a.indices.iter().map(|&i| source(i)).collect();
        // An assessment without `by` is written with its source's outlet as the review's author.
        let by = a.by.clone().or_else(|| {
            a.indices
                .first()
                .and_then(|&i| side.sources.get(i))
                .map(|s| s.outlet.clone())
        });
        out.push(format!(
            "{} {} {:?} {:?} {:?} {:?} {} {:?} {by:?} | {cited:?} | {assessed:?}",
            side.party.id,
            c.id,
            c.text,
            c.date,
            c.speaker,
            c.tags,
            a.rating.as_str(),
            a.note
        ));
    }
    out.sort();
    out
}

/// A ClaimReview export imported again keeps every assessed claim's side, id, note and `by`,
/// and its sources with their ids, outlets and titles; the page where a claim appeared, written
/// as the review's url when the assessment cites none, does not become a fact-check.
#[test]
fn claimreview_survives_export_and_import() {
    let dir = tempfile::tempdir().unwrap();
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("narratives/india-pakistan-2025");
    let mut cases: Vec<(String, PathBuf)> = ["export/normal", "reliability", "relations"]
        .iter()
        .map(|n| (n.replace('/', "-"), fixture(n)))
        .collect();
    cases.push(("bundled".to_owned(), bundled));
    for (name, path) in cases {
        let file = dir.path().join(format!("{name}.json"));
        parallax()
            .arg("export")
            .arg(&path)
            .args(["-f", "claimreview", "-o"])
            .arg(&file)
            .assert()
            .success();
        let back = dir.path().join(&name);
        let run = parallax()
            .args(["import", "claimreview"])
            .arg(&file)
            .arg("-o")
            .arg(&back)
            .output()
            .unwrap();
        assert!(run.status.success());
        // Nothing is reported but a review the export could give no url (an assessment that
        // cites no web page), which it said too.
        let err = String::from_utf8_lossy(&run.stderr);
        for line in err.lines() {
            assert!(
                line.contains("a review without `url`") || line.contains("imported"),
                "{name}: {line}"
            );
        }
        let (before, after) = (load(&path), load(&back));
        assert_eq!(reviewed(&before), reviewed(&after), "{name}");
        let fact_checks = |d: &Dispute| -> usize {
            d.sides
                .iter()
                .flat_map(|s| &s.sources)
                .filter(|s| s.kind.is_some_and(|k| k.as_str() == "fact-check"))
                .count()
        };
        assert!(
            fact_checks(&after) <= fact_checks(&before),
            "{name}: no fact-check made up"
        );
    }
}

/// The export's rating reads back the same from its number alone (a reader that drops
/// `alternateName`) and from its word given as the Fact Check API's `textualRating`: the
/// number 2 read as refuted and 3 as disputed, and `Refuted` was not in the table.
#[test]
fn claimreview_ratings_read_back_from_the_number_or_the_word_alone() {
    let dir = tempfile::tempdir().unwrap();
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("narratives/india-pakistan-2025");
    let file = dir.path().join("cr.json");
    parallax()
        .arg("export")
        .arg(&bundled)
        .args(["-f", "claimreview", "-o"])
        .arg(&file)
        .assert()
        .success();
    let exported: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let ratings = |d: &Dispute| -> Vec<(String, String)> {
        d.claims()
            .filter_map(|(_, c)| {
                Some((
                    c.id.to_string(),
                    c.assessment.as_ref()?.rating.as_str().to_owned(),
                ))
            })
            .collect()
    };
    let before = ratings(&load(&bundled));
    assert!(
        ["refuted", "disputed", "unverified", "corroborated"]
            .iter()
            .all(|r| before.iter().any(|(_, b)| b == r)),
        "the bundled dispute has every rating the test reads back: {before:?}"
    );
    for (name, keep_word) in [("number", false), ("word", true)] {
        let mut doc = exported.clone();
        for review in doc["@graph"].as_array_mut().unwrap() {
            let rating = review["reviewRating"].as_object_mut().unwrap();
            let word = rating.remove("alternateName").unwrap();
            if keep_word {
                rating.remove("ratingValue");
                rating.insert("textualRating".to_owned(), word);
            }
        }
        let stripped = dir.path().join(format!("{name}.json"));
        std::fs::write(&stripped, doc.to_string()).unwrap();
        let back = dir.path().join(format!("{name}-back"));
        let run = parallax()
            .args(["import", "claimreview"])
            .arg(&stripped)
            .arg("-o")
            .arg(&back)
            .output()
            .unwrap();
        assert!(run.status.success(), "{name}");
        assert_eq!(ratings(&load(&back)), before, "{name}");
        let said = String::from_utf8_lossy(&run.stderr);
        // Only an unverified claim, which the number leaves out, says it has no rating.
        let unrated = if keep_word {
            0
        } else {
            before.iter().filter(|(_, r)| r == "unverified").count()
        };
        assert!(
            said.contains(&format!("; {unrated} problem(s)")),
            "{name}: {said}"
        );
        assert!(!said.contains("not in the table"), "{name}: {said}");
    }
}

/// A fact-checker's review keeps its `identifier` as the claim's id when it is one no other
/// claim has (else says what the claim gets), its `reviewBody` after its own wording, and where
/// the claim appeared with its publisher and headline.
#[test]
fn claimreview_keeps_the_identifier_the_body_and_the_appearances_publisher() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reviews.json");
    let review = |id: &str, claim: &str, who: &str| {
        format!(
            r#"{{"@type": "ClaimReview", "identifier": "{id}", "url": "https://desk.example/{id}",
              "author": {{"@type": "Person", "name": "Jo Reviewer"}},
              "publisher": {{"@type": "Organization", "name": "Fact Desk"}},
              "claimReviewed": "{claim}", "reviewBody": "The gauges say otherwise.",
              "itemReviewed": {{"@type": "Claim", "author": {{"@type": "Person", "name": "{who}"}},
                "appearance": [{{"@type": "CreativeWork", "url": "https://alpha.example/statement",
                  "headline": "Statement on the river", "publisher": {{"name": "Alpha Ministry of Water"}}}}]}},
              "reviewRating": {{"@type": "Rating", "alternateName": "Mostly False"}}}}"#
        )
    };
    std::fs::write(
        &file,
        format!(
            "[{}, {}, {}]",
            review("a-gates", "Beta closed the gates.", "Alpha"),
            review("a-gates", "Beta opened the gates.", "Beta"),
            review("Not An Id", "The canal failed.", "Beta")
        ),
    )
    .unwrap();
    let out = dir.path().join("out");
    parallax()
        .args(["import", "claimreview"])
        .arg(&file)
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "[1]: the identifier `a-gates` is the id of another claim (at [0]); this claim gets `beta-opened-the-gates",
        ))
        .stderr(predicate::str::contains(
            "[2]: the identifier `Not An Id` is not a claim id; the claim gets `the-canal-failed",
        ));
    let d = load(&out);
    let gates = d.claims().find(|(_, c)| c.id == "a-gates").unwrap().1;
    let a = gates.assessment.as_ref().unwrap();
    assert_eq!(a.by.as_deref(), Some("Jo Reviewer"));
    assert_eq!(
        a.note.as_deref(),
        Some("Rated “Mostly False” by Jo Reviewer. The gauges say otherwise.")
    );
    let alpha = &d.sides[0];
    let source = |i: usize| &alpha.sources[i];
    let appeared = source(gates.sources[0].index);
    assert_eq!(appeared.outlet, "Alpha Ministry of Water");
    assert_eq!(appeared.title.as_deref(), Some("Statement on the river"));
    let check = source(a.indices[0]);
    assert_eq!(check.outlet, "Fact Desk", "the review's publisher");
    assert_eq!(check.url.as_deref(), Some("https://desk.example/a-gates"));
}

/// Writes `text` to `name` in a new folder; the folder and the file.
fn csv_file(name: &str, text: impl AsRef<[u8]>) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join(name);
    std::fs::write(&csv, text).unwrap();
    (dir, csv)
}

/// Imports `text`, written to `name` in a new folder, expecting a refusal: exit 1, and no
/// dispute written. What the import said on stderr.
fn refused(name: &str, text: impl AsRef<[u8]>) -> String {
    let (dir, csv) = csv_file(name, text);
    let out = dir.path().join("out");
    let said = import_csv(&csv, &out).code(1).get_output().stderr.clone();
    assert!(!out.exists(), "nothing is written");
    String::from_utf8_lossy(&said).into_owned()
}

/// Two different names made into one id are said, whichever came first, an id as written or a
/// name (`alpha-team` then `Alpha Team` merged two parties without a word; `Cafe` then `Café`
/// was said only as an accent spelled); one name in two cases is one name.
#[test]
fn two_names_made_one_id_are_said_whichever_came_first() {
    for (table, first, then) in [
        (
            "side,topic,text\nalpha-team,t,a\nAlpha Team,t,b\nbeta,t,c\n",
            "alpha-team",
            "Alpha Team",
        ),
        (
            "side,topic,text\nAlpha Team,t,a\nalpha-team,t,b\nbeta,t,c\n",
            "Alpha Team",
            "alpha-team",
        ),
        (
            "side,topic,text\nCafe,t,a\nCafé,t,b\nbeta,t,c\n",
            "Cafe",
            "Café",
        ),
        ("side,topic,text\na,Cafe,x\nb,Café,y\n", "Cafe", "Café"),
    ] {
        let (_dir, said) = import_said(table);
        // An id written as it is after a name made into it is said so, not as "written as"
        // itself.
        let merged = if then == "alpha-team" {
            format!("`{then}` is the id `{first}` was made into: they are one now")
        } else {
            format!(
                "`{then}` is written as the id `{then_id}`, as `{first}` was: they are one now",
                then_id = if then == "Alpha Team" {
                    "alpha-team"
                } else {
                    "cafe"
                }
            )
        };
        assert!(
            said.contains("line 3: the ") && said.contains(&merged),
            "{merged}: {said}"
        );
    }
    // Said once, however many rows write it again.
    let (_dir, said) =
        import_said("side,topic,text\nAlpha Team,t,a\nalpha-team,t,b\nalpha-team,t,c\nbeta,t,d\n");
    assert_eq!(said.matches("they are one now").count(), 1, "{said}");
    // One name in two cases, and the name given to an id (its `side_name`, its `question`, a
    // `point` record's question) written later: one thing, not two.
    for table in [
        "side,topic,text\nBeta,t,a\nBETA,t,b\nalpha,t,c\n",
        "side,side_name,topic,text\nalpha-team,Alpha Team,t,a\nAlpha Team,,t,b\nbeta,,t,c\n",
        "side,topic,point,question,text\na,t,who-closed,Who closed?,x\nb,t,Who closed?,,y\n",
        "record,side,topic,point,question,text\npoint,,t,who-closed,Who closed?,\n,a,t,Who closed?,,x\n,b,t,who-closed,,y\n",
    ] {
        let (_dir, said) = import_said(table);
        assert!(said.contains("0 problem(s)"), "{table}: {said}");
    }
}

/// A quoted cell never closed would swallow every row after it: the file is refused with the
/// line and column where the cell opens, and nothing is written.
#[test]
fn a_quoted_cell_never_closed_refuses_the_file_with_where_it_opens() {
    let said = refused(
        "q2.csv",
        "side,topic,text\nunion,wages,first\ncompany,wages,second\nunion,safety,\"third row never closed\ncompany,safety,fourth row\nunion,talks,fifth row\n",
    );
    assert!(
        said.contains(
            "q2.csv: line 4, column 14: this `\"` opens a quoted cell that is never closed"
        ),
        "{said}"
    );
    assert!(said.contains("nothing was imported"), "{said}");
    assert!(!said.contains("imported 3 claim(s)"), "{said}");
    // Tab-separated with CRLF line ends: the same, the column counted in characters.
    let said = refused(
        "sheet.tsv",
        "side\ttopic\ttext\r\nunion\twages\tfirst\r\ncompany\twäges\t\"open\r\nunion\tt\tlast\r\n",
    );
    assert!(
        said.contains(
            "sheet.tsv: line 3, column 15: this `\"` opens a quoted cell that is never closed"
        ),
        "{said}"
    );
}

/// A quote inside a quoted cell must be doubled: one that closes the cell while the cell goes
/// on is refused with its place and the cell's, and the doubled form keeps every quote.
#[test]
fn a_quote_inside_a_quoted_cell_must_be_doubled() {
    let said = refused(
        "q.csv",
        "side,topic,text\nunion,wages,first\ncompany,wages,\"He said \"no\" twice\n",
    );
    assert!(
        said.contains(
            "q.csv: line 3, column 24: this `\"` closes the quoted cell that opens at line 3, column 15, but the cell goes on after it (`n`)"
        ),
        "{said}"
    );
    assert!(
        said.contains("write a quote inside a quoted cell as two"),
        "{said}"
    );
    let (dir, csv) = csv_file(
        "q.csv",
        "side,topic,text\nunion,wages,first\ncompany,wages,\"He said \"\"no\"\" twice\" \n",
    );
    let out = dir.path().join("out");
    import_csv(&csv, &out)
        .success()
        .stderr(predicate::str::contains("0 problem(s)"));
    assert!(
        load(&out)
            .claims()
            .any(|(_, c)| c.text == "He said \"no\" twice")
    );
}

/// A quote in a cell that does not begin with one is text (`5" pipe`), kept as written and
/// reported with its place; a space before a cell's opening quote is named as the likely slip.
#[test]
fn a_quote_in_a_cell_not_quoted_is_kept_and_reported() {
    let (dir, csv) = csv_file(
        "inch.csv",
        "side,topic,text\nunion,pipes,A 5\" pipe\ncompany,pipes, \"No, a 4 inch one\"\n",
    );
    let out = dir.path().join("out");
    import_csv(&csv, &out)
        .success()
        .stderr(predicate::str::contains(
            "inch.csv: line 2, column 16: a `\"` in a cell that does not begin with one is kept as text",
        ))
        .stderr(predicate::str::contains(
            "inch.csv: line 3, column 16: the cell begins with a space before its `\"`",
        ))
        .stderr(predicate::str::contains("line 3: 4 cells where the header names 3"));
    let d = load(&out);
    let texts: Vec<&str> = d.claims().map(|(_, c)| c.text.as_str()).collect();
    assert_eq!(texts, ["A 5\" pipe", "\"No"]);
}

/// A value in a column the row's kind does not read is reported with its line and column, not
/// dropped unseen: a claim's `title`, a dispute's `rating`, a cell moved into the wrong column
/// by a short row.
#[test]
fn a_value_in_a_column_the_row_does_not_read_is_reported() {
    let (dir, csv) = csv_file(
        "stray.csv",
        "record,side,topic,text,title,rating,summary\n\
         dispute,,,,My title,refuted,\n\
         ,a,t,hello,,,\n\
         ,b,t,world,Not a claim field,,\n\
         topic,b,t,,,,Only the manifest's topic has a summary\n",
    );
    import_csv(&csv, dir.path().join("out"))
        .success()
        .stderr(predicate::str::contains(
            "stray.csv: line 2: the column `rating` does not apply to a dispute row; its value `refuted` is left out",
        ))
        .stderr(predicate::str::contains(
            "stray.csv: line 4: the column `title` does not apply to a claim row; its value `Not a claim field` is left out",
        ))
        .stderr(predicate::str::contains(
            "stray.csv: line 5: the column `summary` does not apply to a topic row",
        ))
        .stderr(predicate::str::contains("line 3:").not())
        .stderr(predicate::str::contains("3 problem(s)"));
    let (dir, csv) = csv_file(
        "shifted.csv",
        "record,side,topic,text,source_role,title\ndispute,,,,\"My strike\"\n,a,t,hello\n,b,t,world\n",
    );
    import_csv(&csv, dir.path().join("out"))
        .success()
        .stderr(predicate::str::contains(
            "shifted.csv: line 2: the column `source_role` does not apply to a dispute row; its value `My strike` is left out",
        ));
}

/// A row shorter than the header is fine while only optional cells are missing (as CSV written
/// by hand often is), and reported when it lacks a cell the row needs.
#[test]
fn a_short_row_is_reported_when_it_lacks_a_cell_it_needs() {
    let (dir, csv) = csv_file(
        "short.csv",
        "side,topic,text,date\nalpha,water,one\nbeta,water,two,2024\nbeta,water\n",
    );
    import_csv(&csv, dir.path().join("out"))
        .success()
        .stderr(predicate::str::contains(
            "short.csv: line 4: 2 cells where the header names 4: no cell for `text`",
        ))
        .stderr(predicate::str::contains("line 2:").not())
        .stderr(predicate::str::contains("imported 2 claim(s) of 2 sides"));
}

/// A side all of whose rows are skipped is not written, and does not count towards the two
/// sides a dispute needs.
#[test]
fn a_side_whose_rows_are_all_skipped_is_not_written() {
    let said = refused(
        "ragged.csv",
        "side,topic,text,extra\nunion,wages,hi,1,2,3\ncompany,wages\n",
    );
    assert!(
        said.contains("line 3: no text and no id; skipped"),
        "{said}"
    );
    assert!(
        said.contains("the input holds claims of 1 side(s); a dispute needs two or more"),
        "{said}"
    );
    let (dir, csv) = csv_file(
        "three.csv",
        "side,topic,text\nunion,wages,hi\ncompany,wages,no\nlawyers,,skipped\nlawyers,wages\n",
    );
    let out = dir.path().join("out");
    import_csv(&csv, &out)
        .success()
        .stderr(predicate::str::contains("imported 2 claim(s) of 2 sides"));
    assert!(!out.join("lawyers.json").exists());
    let d = load(&out);
    let sides: Vec<&str> = d.sides.iter().map(|s| s.party.id.as_str()).collect();
    assert_eq!(sides, ["union", "company"]);
}

/// The `rating` column reads the fact-checkers' words `import claimreview` maps, in any case
/// and punctuation, so the same word means the same in both imports.
#[test]
fn a_fact_checkers_rating_word_is_read_as_claimreview_reads_it() {
    let (dir, csv) = csv_file(
        "rated.csv",
        "side,topic,id,text,rating,source_outlet\n\
         alpha,water,a1,One,false,Wire\n\
         alpha,water,a1,One,FALSE,Other wire\n\
         beta,water,b1,Two,Mostly True,\n\
         beta,water,b2,Three,Pants on Fire!,\n\
         beta,water,b3,Four,disputed,\n",
    );
    let out = dir.path().join("out");
    import_csv(&csv, &out)
        .success()
        .stderr(predicate::str::contains("0 problem(s)"));
    let d = load(&out);
    let ratings: Vec<(&str, &str)> = d
        .claims()
        .map(|(_, c)| {
            let rating = c.assessment.as_ref().map_or("none", |a| a.rating.as_str());
            (c.id.as_str(), rating)
        })
        .collect();
    assert_eq!(
        ratings,
        [
            ("a1", "refuted"),
            ("b1", "corroborated"),
            ("b2", "refuted"),
            ("b3", "disputed")
        ]
    );
}

/// A relation left out says what is wrong with it: its form, its kind or its claim id.
#[test]
fn a_bad_relation_says_which_part_is_wrong() {
    let (_dir, said) = import_said(
        "side,topic,text,relations\n\
         alpha,water,One,reframes:B-1 denies:b-1 b-1\n\
         beta,water,Two,\n",
    );
    assert!(
        said.contains("the relation `reframes:B-1` points at `B-1`, which is not a claim id"),
        "{said}"
    );
    assert!(
        said.contains("the relation `denies:b-1` has a kind other than"),
        "{said}"
    );
    assert!(
        said.contains("the relation `b-1` is not KIND:CLAIM-ID"),
        "{said}"
    );
}

/// A row repeating a claim (the same text) with other cells that differ, and names that differ
/// from the ones given before, are reported: they are not used (only the row's source is).
#[test]
fn a_repeat_row_and_a_second_name_that_differ_are_reported() {
    let (dir, said) = import_said(
        "side,side_name,topic,point,question,id,text,speaker,date,source_outlet\n\
         alpha,Alpha,water,shut,Was it shut?,a-1,The gates shut.,Minister,2025-03-01,Wire\n\
         alpha,Alpha,water,,,a-1,The gates shut.,Mayor,2025-03-02,Courier\n\
         alpha,Alpha Republic,water,shut,Who shut it?,a-2,The gates stayed open.,,,Wire\n\
         beta,Beta,water,,,b-1,Nothing shut.,,,Post\n",
    );
    assert!(
        said.contains(
            "line 3: claim `a-1` was given at line 2; this record's speaker, date differ"
        ),
        "{said}"
    );
    assert!(
        said.contains("the side_name `Alpha Republic` is not used: `Alpha` was given before"),
        "{said}"
    );
    assert!(
        said.contains("the question `Who shut it?` is not used: `Was it shut?` was given before"),
        "{said}"
    );
    // The source of the repeat is added all the same.
    let d = load(&dir.path().join("out"));
    let (_, a1) = d.claims().find(|(_, c)| c.id == "a-1").unwrap();
    assert_eq!(a1.sources.len(), 2);
    assert_eq!(a1.speaker.as_deref(), Some("Minister"));
}

/// A value quoted in a report is on its line, inert: a date holding a line break printed a
/// line of its own, which a file could make read `parallax: imported … 0 problem(s)`; the
/// line counting more such dates is as inert.
#[test]
fn a_quoted_value_cannot_print_a_report_line_of_its_own() {
    let forged = "2024\nparallax: imported 9 claim(s) of 2 sides into out; 0 problem(s)\u{1b}[2J";
    let mut table = String::from("side,topic,text,date\n");
    for i in 0..8 {
        table.push_str(&format!("alpha,water,One {i},\"{forged}{i}\"\n"));
    }
    table.push_str("beta,water,Two,2024\n");
    let (_dir, said) = import_said(&table);
    let reports = said
        .lines()
        .filter(|l| l.starts_with("parallax: imported"))
        .count();
    assert_eq!(reports, 1, "{said}");
    assert_eq!(said.matches("0 problem(s)").count(), 3, "{said}");
    assert!(!said.contains('\u{1b}'), "{said}");
}

/// A review without a rating says so plainly (it said "the rating no rating is not in the
/// table" and wrote the note "Rated no rating.").
#[test]
fn a_review_without_a_rating_says_so() {
    let (_dir, said) = review_said(&[
        r#"{"@context": "https://schema.org", "@type": "ClaimReview",
            "claimReviewed": "The gates were shut.",
            "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "Alpha"}},
            "author": {"@type": "Organization", "name": "Checker"},
            "url": "https://example.org/check/1"}"#,
    ]);
    assert!(said.contains("the review gives no rating"), "{said}");
    assert!(!said.contains("no rating is not in the table"), "{said}");
}

/// A quote or locator given with a source for an assessment is reported as left out: an
/// assessment cites its sources by id alone.
#[test]
fn a_quote_for_an_assessment_source_is_reported() {
    let (_dir, said) = import_said(
        "side,topic,id,text,rating,source_outlet,source_role,source_quote,source_locator\n\
         alpha,water,a-1,The gates shut.,disputed,Check,assessment,they never shut,para 4\n\
         beta,water,b-1,Nothing shut.,,Post,,,\n",
    );
    assert!(
        said.contains(
            "the source_quote and source_locator of a source for an assessment are left out"
        ),
        "{said}"
    );
}

/// A row naming a source given before, with source cells that differ from it, is reported (the
/// cells are not read again); a fact-checker's rating word is kept in the note.
#[test]
fn a_source_given_again_differently_is_reported_and_a_rating_word_kept() {
    let (dir, said) = import_said(
        "side,topic,text,rating,note,source_outlet,source_title,source_url,source_date\n\
         alpha,water,The gates shut.,Mostly True,Two witnesses.,Wire,Gates shut,https://example.org/a,2025-03-01\n\
         alpha,water,The gates stayed shut.,,,Courier,Another title,https://example.org/a,2025-03-02\n\
         beta,water,Nothing shut.,,,Post,,,\n",
    );
    assert!(
        said.contains("line 3: the source `wire-2025-03-01` was given before (found by its url); the source_outlet, source_title, source_date given here differ from it and are not used"),
        "{said}"
    );
    let d = load(&dir.path().join("out"));
    let (_, c) = d
        .claims()
        .find(|(_, c)| c.text == "The gates shut.")
        .unwrap();
    let a = c.assessment.as_ref().expect("an assessment");
    assert_eq!(a.rating, parallax::format::Rating::Corroborated);
    assert_eq!(
        a.note.as_deref(),
        Some("Rated “Mostly True”. Two witnesses.")
    );
}

/// A type written as a compact IRI (`schema:ClaimReview`, as some sites' JSON-LD has it) or
/// a full one in a list is the same type: the review is read, not skipped.
#[test]
fn a_review_typed_schema_colon_claimreview_is_read() {
    let (dir, said) = review_said(&[
        r#"{"@context": {"schema": "https://schema.org/"}, "@type": "schema:ClaimReview",
            "claimReviewed": "The gates were shut.",
            "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "Alpha"}},
            "reviewRating": {"@type": "Rating", "alternateName": "False"},
            "url": "https://example.org/check/1"}"#,
        r#"{"@context": "https://schema.org", "@type": ["Thing", "https://schema.org/ClaimReview"],
            "claimReviewed": "Nothing was shut.",
            "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "Beta"}},
            "reviewRating": {"@type": "Rating", "alternateName": "True"},
            "url": "https://example.org/check/2"}"#,
    ]);
    assert!(!said.contains("skipped"), "{said}");
    let d = load(&dir.path().join("out"));
    let texts: Vec<&str> = d.claims().map(|(_, c)| c.text.as_str()).collect();
    assert!(texts.contains(&"The gates were shut."), "{texts:?} {said}");
    assert!(texts.contains(&"Nothing was shut."), "{texts:?} {said}");
}

/// A review's list where one value is read (two claimants) says the rest are left out, and its
/// rating's explanation goes into the note.
#[test]
fn a_review_with_two_claimants_says_so_and_keeps_its_rating_explanation() {
    let (dir, said) = review_said(&[
        r#"[{"@context": "https://schema.org", "@type": "ClaimReview",
            "claimReviewed": "The gates were shut.",
            "itemReviewed": {"@type": "Claim", "author": [
                {"@type": "Organization", "name": "Alpha"},
                {"@type": "Organization", "name": "Gamma"}]},
            "reviewRating": {"@type": "Rating", "alternateName": "False",
                "ratingExplanation": "The gauge shows the flow went on."},
            "url": "https://example.org/check/1"}]"#,
        BETA_REVIEW,
    ]);
    let out_dir = dir.path().join("out");
    assert!(
        said.contains("`itemReviewed.author` lists 2 values; the first, `Alpha`, is read"),
        "{said}"
    );
    let d = load(&out_dir);
    let (_, c) = d
        .claims()
        .find(|(_, c)| c.text == "The gates were shut.")
        .unwrap();
    let note = c
        .assessment
        .as_ref()
        .and_then(|a| a.note.as_deref())
        .unwrap_or_default();
    assert!(note.contains("The gauge shows the flow went on."), "{note}");
}

/// A side named only by its `side` cell so far takes the first `side_name` a later row gives,
/// without a word; a second, different name is reported.
#[test]
fn the_first_side_name_given_names_the_side() {
    let (dir, said) = import_said(
        "side,side_name,topic,text\n\
         alpha,,water,The gates shut.\n\
         alpha,Alpha Republic,water,The gates stayed shut.\n\
         alpha,Alpha,water,They shut at dawn.\n\
         beta,,water,Nothing shut.\n",
    );
    let d = load(&dir.path().join("out"));
    let alpha = d.sides.iter().find(|s| s.party.id == "alpha").unwrap();
    assert_eq!(alpha.party.name, "Alpha Republic");
    assert!(!said.contains("`Alpha Republic` is not used"), "{said}");
    assert!(
        said.contains("the side_name `Alpha` is not used: `Alpha Republic` was given before"),
        "{said}"
    );
}

/// A topic titled so far only by its `topic` cell takes the first `topic_title` a later row
/// gives (the manifest kept the cell, `water`, as the neutral title).
#[test]
fn the_first_topic_title_given_titles_the_topic() {
    let (dir, said) = import_said(
        "side,topic,topic_title,text\n\
         alpha,water,,The gates shut.\n\
         beta,water,Who shut the gates,Nothing shut.\n\
         beta,water,Another title,It stayed open.\n",
    );
    let d = load(&dir.path().join("out"));
    let titles: Vec<&str> = d.manifest_topics.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles, ["Who shut the gates"]);
    assert!(
        said.contains(
            "the topic_title `Another title` is not used: `Who shut the gates` was given before"
        ),
        "{said}"
    );
}

/// A claim's further rows (one a source) fill in what the claim's rows before left empty,
/// wherever they are in the table: the side's name, the topic's titles, the point's question,
/// the speaker, the date, and a first verdict. They were dropped without a word, and a first
/// verdict was said to be "another verdict" and lost. A value that differs from one given is
/// reported with its line.
#[test]
fn a_claims_further_rows_fill_in_what_its_rows_before_left_empty() {
    // The reviewer's table: the row with the names comes before the row with the text.
    let (dir, said) = import_said(
        "side,side_name,topic,topic_title,side_topic_title,id,text,source_url\n\
         a,Alpha Republic,w,Water rights,Our stolen water,a-1,,https://a.org/2\n\
         a,,w,,,a-1,Beta closed the gates.,https://b.org/1\n\
         b,,w,,,b-1,Gates were open.,https://b.org/1\n",
    );
    assert!(said.contains("0 problem(s)"), "{said}");
    let d = load(&dir.path().join("out"));
    assert_eq!(d.sides[0].party.name, "Alpha Republic");
    assert_eq!(d.sides[0].topics[0].title, "Our stolen water");
    assert_eq!(d.manifest_topics[0].title, "Water rights");

    let (dir, said) = import_said(
        "side,topic,point,question,id,text,speaker,date,rating,note,source_url\n\
         a,w,gates,,a-1,Text.,,,,,https://a.org/1\n\
         a,w,,Who shut the gates?,a-1,,Minister,2024-03-01,false,Shut.,https://a.org/2\n\
         a,w,gates,Why?,a-1,,Mayor,,,,https://a.org/3\n\
         b,w,,,b-1,Y,,,,,https://b.org/1\n",
    );
    assert!(!said.contains("another verdict"), "{said}");
    assert!(
        said.contains("line 4: claim `a-1` was given at line 2; this record's speaker differs"),
        "{said}"
    );
    assert!(
        said.contains(
            "line 4: the question `Why?` is not used: `Who shut the gates?` was given before"
        ),
        "{said}"
    );
    let d = load(&dir.path().join("out"));
    let (_, a1) = d.claims().find(|(_, c)| c.id == "a-1").unwrap();
    let a = a1
        .assessment
        .as_ref()
        .expect("the verdict of the second row");
    assert_eq!(
        (a.rating.as_str(), a.note.as_deref()),
        ("refuted", Some("Rated “false”. Shut."))
    );
    assert_eq!(a1.speaker.as_deref(), Some("Minister"));
    assert_eq!(
        a1.date.map(|d| d.to_string()).as_deref(),
        Some("2024-03-01")
    );
    assert_eq!(a1.sources.len(), 3);
    let question = d.manifest_topics[0].points[0].question.as_deref();
    assert_eq!(question, Some("Who shut the gates?"));
    // A row of another topic or point is likelier another claim's: it fills in nothing, and
    // all it gives besides its source is said not to be used.
    let (dir, said) = import_said(
        "side,topic,id,text,point,question,speaker,source_url\n\
         alpha,water,a-1,The dam raised the river,p1,Q1?,,https://a.example/1\n\
         alpha,land,a-1,,p2,Q2?,Bob,https://a.example/2\n\
         alpha,water,a-2,Second claim,,,,https://a.example/3\n\
         alpha,land,a-2,,p3,Q3?,,https://a.example/4\n\
         beta,water,b-1,Other,,,,https://b.example/1\n",
    );
    assert!(
        said.contains("line 3: claim `a-1` was given at line 2; this record's topic, point differ from it and are not used (only its source is added; its question, speaker are not used either: a row of another topic or point is likelier another claim's, so give it an `id` of its own if it is one)"),
        "{said}"
    );
    // The claim has no point: the row's is not said to differ, only not to be used.
    assert!(
        said.contains("line 5: claim `a-2` was given at line 4; this record's topic differs from it and is not used (only its source is added; its point, question are not used either"),
        "{said}"
    );
    assert!(!said.contains("`Q1?` was given before"), "{said}");
    let d = load(&dir.path().join("out"));
    let claims = &d.sides[0].topics[0].claims;
    assert_eq!(claims[0].speaker, None, "{said}");
    assert_eq!(claims[1].point, None, "{said}");
    assert_eq!(claims.iter().map(|c| c.sources.len()).sum::<usize>(), 4);
    // Its verdict neither: the claim's own topic's later row gives the first verdict.
    let (dir, said) = import_said(
        "side,topic,point,id,text,rating,note,by,source_url\n\
         a,t1,p1,c1,Claim one text,,,,https://x.example/1\n\
         b,t1,p1,d1,Other text,,,,https://y.example/1\n\
         a,t2,p2,c1,,refuted,wrong,checker,https://x.example/2\n\
         a,t1,,c1,,disputed,hmm,ck,https://x.example/3\n",
    );
    assert!(
        said.contains("line 4: claim `c1` was given at line 2; this record's topic, point differ from it and are not used (only its source is added; its rating, note, by are not used either"),
        "{said}"
    );
    assert!(!said.contains("another verdict"), "{said}");
    let d = load(&dir.path().join("out"));
    let rating = d.sides[0].topics[0].claims[0]
        .assessment
        .as_ref()
        .map(|a| a.rating.as_str());
    assert_eq!(rating, Some("disputed"), "{said}");
}

/// A rating's `textualRating` (the Fact Check API's word, which some pages use) is read when
/// `alternateName` is missing, and two words that disagree are reported.
#[test]
fn a_review_reads_textual_rating_and_says_when_two_words_disagree() {
    let (dir, said) = review_said(&[
        r#"[{"@context": "https://schema.org", "@type": "ClaimReview",
            "claimReviewed": "The gates were shut.",
            "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "Alpha"}},
            "reviewRating": {"@type": "Rating", "alternateName": "False", "textualRating": "True"},
            "url": "https://example.org/check/1"},
           {"@context": "https://schema.org", "@type": "ClaimReview",
            "claimReviewed": "Nothing was shut.",
            "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "Beta"}},
            "reviewRating": {"@type": "Rating", "textualRating": "Mostly False"},
            "url": "https://example.org/check/2"}]"#,
    ]);
    let out_dir = dir.path().join("out");
    assert!(
        said.contains("the rating says `False`, and also `True`; `False` is read"),
        "{said}"
    );
    let d = load(&out_dir);
    let rating = |text: &str| {
        d.claims()
            .find(|(_, c)| c.text == text)
            .and_then(|(_, c)| c.assessment.as_ref().map(|a| a.rating))
    };
    assert_eq!(
        rating("The gates were shut."),
        Some(parallax::format::Rating::Refuted)
    );
    assert_eq!(
        rating("Nothing was shut."),
        Some(parallax::format::Rating::Disputed)
    );
}

/// A value under a column without a name is reported (a stray comma in the header is not).
#[test]
fn a_value_under_a_nameless_column_is_reported() {
    let (_dir, said) = import_said(
        "side,topic,text,\n\
         alpha,water,The gates shut.,\n\
         beta,water,Nothing shut.,kept somewhere\n",
    );
    assert!(
        said.contains(
            "line 3: column 4 has no name in the header, so `kept somewhere` is not read"
        ),
        "{said}"
    );
    assert!(!said.contains("line 2: column 4"), "{said}");
}

/// A rating value off its own scale is not read as a verdict, and an answer of the Fact Check
/// API with more pages says only this one was read.
#[test]
fn an_off_scale_rating_and_a_paged_answer_are_reported() {
    let (_dir, said) = review_said(&[
        r#"{"claims": [
            {"text": "The gates were shut.", "claimant": "Alpha",
             "claimReview": [{"publisher": {"name": "Check"}, "url": "https://example.org/1",
                              "textualRating": "True"}]},
            {"text": "Nothing was shut.", "claimant": "Beta",
             "claimReview": [{"publisher": {"name": "Check"}, "url": "https://example.org/2",
                              "textualRating": "False"}]}],
           "nextPageToken": "CAo"}"#,
        r#"{"@context": "https://schema.org", "@type": "ClaimReview",
            "claimReviewed": "The sluice was open.",
            "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "Alpha"}},
            "reviewRating": {"@type": "Rating", "ratingValue": 9, "worstRating": 1, "bestRating": 5},
            "url": "https://example.org/check/3"}"#,
    ]);
    // A problem of the whole file names the file alone, no made-up place in it.
    assert!(
        said.contains("review-0.json: the answer has more pages (`nextPageToken`)"),
        "{said}"
    );
    assert!(
        said.contains("the rating 9 on a scale of 1 to 5 lies off its own scale"),
        "{said}"
    );
    // A value on a scale of one point is on it; the scale says nothing (it said "off").
    let (_dir, said) = review_said(&[
        r#"{"@type": "ClaimReview", "claimReviewed": "The sluice was shut.",
            "itemReviewed": {"author": {"name": "Alpha"}},
            "reviewRating": {"ratingValue": "-1", "worstRating": "-1", "bestRating": "-1"},
            "url": "https://example.org/check/4"}"#,
        BETA_REVIEW,
    ]);
    assert!(
        said.contains("the rating -1 on a scale of -1 to -1 is on a scale of one point, which says neither true nor false"),
        "{said}"
    );
    assert!(!said.contains("lies off"), "{said}");
}

/// A rating word and a number beside it that say opposite verdicts, or a number off its own
/// scale beside a word, are reported (the word is read): `True` with 1 of 1 to 5 came in as
/// corroborated without a word. A word a step from its number (`Mostly False`, 2 of 1 to 6)
/// is not a contradiction.
#[test]
fn a_rating_word_and_number_that_disagree_are_reported() {
    let review = |claim: &str, party: &str, rating: &str| {
        format!(
            r#"{{"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": "{claim}",
                "itemReviewed": {{"@type": "Claim", "author": {{"@type": "Organization", "name": "{party}"}}}},
                "reviewRating": {rating}, "url": "https://example.org/{party}"}}"#
        )
    };
    let (dir, said) = review_said(&[
        &review(
            "The gates were shut.",
            "Alpha",
            r#"{"alternateName": "True", "ratingValue": 1}"#,
        ),
        &review(
            "Nothing was shut.",
            "Beta",
            r#"{"alternateName": "Pants on Fire", "ratingValue": 9, "worstRating": 1, "bestRating": 5}"#,
        ),
        &review(
            "The sluice was open.",
            "Gamma",
            r#"{"alternateName": "Mostly False", "ratingValue": 2, "worstRating": 1, "bestRating": 6}"#,
        ),
    ]);
    assert!(
        said.contains(
            "review-0.json: the review: the rating word “True” reads as `corroborated`, but its \
             `ratingValue` 1 on a scale of 1 to 5 reads as `refuted`; the word is read"
        ),
        "{said}"
    );
    assert!(
        said.contains(
            "review-1.json: the review: the rating 9 on a scale of 1 to 5 lies off its own scale \
             (`worstRating` to `bestRating`); the word “Pants on Fire” is read"
        ),
        "{said}"
    );
    assert!(!said.contains("review-2.json"), "{said}");
    let dispute = load(&dir.path().join("out"));
    let rating = |text: &str| {
        dispute
            .sides
            .iter()
            .flat_map(|s| s.topics.iter().flat_map(|t| t.claims.iter()))
            .find(|c| c.text == text)
            .and_then(|c| c.assessment.as_ref())
            .map(|a| a.rating)
    };
    assert_eq!(
        rating("The gates were shut."),
        Some(parallax::format::Rating::Corroborated)
    );
    assert_eq!(
        rating("Nothing was shut."),
        Some(parallax::format::Rating::Refuted)
    );

    // Beside a word that reads as no verdict, an unread number is kept in the note with the
    // word; a value that is no number beside a word that reads is said and kept (both were
    // dropped without a word).
    let (dir, said) = review_said(&[
        &review(
            "The gates were shut.",
            "Alpha",
            r#"{"alternateName": "Spicy", "ratingValue": 9, "worstRating": 1, "bestRating": 5}"#,
        ),
        &review(
            "Nothing was shut.",
            "Beta",
            r#"{"alternateName": "False", "ratingValue": "3/5"}"#,
        ),
    ]);
    assert!(
        said.contains(
            "review-1.json: the review: the `ratingValue` “3/5” is no number; the word “False” is read"
        ),
        "{said}"
    );
    let dispute = load(&dir.path().join("out"));
    let note = |text: &str| assessment_note(&dispute, text);
    assert_eq!(
        note("The gates were shut.").as_deref(),
        Some("Rated “Spicy” (9 on a scale of 1 to 5).")
    );
    assert_eq!(
        note("Nothing was shut.").as_deref(),
        Some("Rated “False” (3/5).")
    );

    // A value that repeats the word is no second value; one beside the rating's own name is
    // kept too (the note then had only the body).
    let (dir, said) = review_said(&[
        &review(
            "The gates were shut.",
            "Alpha",
            r#"{"textualRating": "False", "ratingValue": "False"}"#,
        ),
        &review(
            "Nothing was shut.",
            "Beta",
            r#"{"textualRating": "Disputed", "ratingValue": "3/5"}"#,
        ),
    ]);
    assert!(!said.contains("review-0.json"), "{said}");
    let dispute = load(&dir.path().join("out"));
    let note = |text: &str| assessment_note(&dispute, text);
    assert_eq!(
        note("Nothing was shut.").as_deref(),
        Some("Rated “Disputed” (3/5).")
    );
}

/// The note of the assessment on the claim whose text is `text`.
fn assessment_note(dispute: &Dispute, text: &str) -> Option<String> {
    dispute
        .claims()
        .find(|(_, c)| c.text == text)
        .and_then(|(_, c)| c.assessment.as_ref()?.note.clone())
}

/// A ClaimReview's hidden characters are named where the review holds them (`claimReviewed`),
/// not as the CSV cells they are read into (`the text cell`), which a JSON-LD file has none of.
#[test]
fn a_reviews_hidden_characters_are_named_by_its_properties() {
    let (_dir, said) = review_said(&[
        r#"{"@context": "https://schema.org", "@type": "ClaimReview",
            "claimReviewed": "The moon is \u001b[31mcheese",
            "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Bob \u202eevil"}},
            "reviewRating": {"alternateName": "False"}, "url": "https://example.org/1"}"#,
        BETA_REVIEW,
    ]);
    assert!(
        said.contains("the review: `claimReviewed` holds U+001B, a control or hidden character"),
        "{said}"
    );
    assert!(
        said.contains("the review: the claimant's name (`itemReviewed.author`) holds U+202E"),
        "{said}"
    );
    // The speaker is read from the same property: said once, not again as the speaker's.
    assert!(!said.contains("the speaker's name"), "{said}");
    assert!(!said.contains(" cell "), "{said}");
}

/// In a table claims-csv did not write, a `'` before what a spreadsheet reads as a formula is
/// still taken off (an export's columns may have been trimmed), but said: `'-ism' is a suffix`
/// lost its quote without a word. `''` keeps one, as the problem advises, and says nothing.
#[test]
fn a_guarding_quote_taken_off_a_hand_made_table_is_said() {
    let (dir, said) = import_said(
        "side,topic,text\n\
         alpha,water,'-ism' is a suffix\n\
         beta,water,''=kept\n",
    );
    assert!(
        said.contains(
            "table.csv: line 2: the text cell begins with ' before -: the ' is taken off, as \
             claims-csv marks a cell a spreadsheet would read as a formula; write '' to keep one"
        ),
        "{said}"
    );
    assert!(!said.contains("line 3"), "{said}");
    let dispute = load(&dir.path().join("out"));
    let texts: Vec<&str> = dispute
        .sides
        .iter()
        .flat_map(|s| s.topics.iter().flat_map(|t| t.claims.iter()))
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(texts, ["-ism' is a suffix", "'=kept"]);
}

/// A second `side`, `topic` or `point` record that changes what one before gave is reported.
#[test]
fn a_second_record_that_changes_a_name_is_reported() {
    let (_dir, said) = import_said(
        "record,side,side_name,summary,topic,topic_title,point,question,text\n\
         side,alpha,Alpha,First summary,,,,,\n\
         side,alpha,Alpha Two,First summary,,,,,\n\
         topic,,,,water,The water,,,\n\
         topic,,,,water,The river,,,\n\
         point,,,,water,,shut,Was it shut?,\n\
         point,,,,water,,shut,Who shut it?,\n\
         claim,alpha,,,water,,shut,,The gates shut.\n\
         claim,beta,,,water,,shut,,Nothing shut.\n",
    );
    assert!(
        said.contains("a second side record for `alpha` replaces its name `Alpha`"),
        "{said}"
    );
    assert!(
        said.contains("the topic record for `water` replaces its title `The water`, given before, with `The river`"),
        "{said}"
    );
    assert!(
        said.contains("the question `Who shut it?` is not used: `Was it shut?` was given before"),
        "{said}"
    );
}

/// A name in another script or with accents still makes an id, spelled in ASCII, and the
/// report says how it was written; the sides keep their names.
#[test]
fn names_outside_ascii_are_spelled_in_ascii_ids() {
    let (dir, said) = import_said(
        "side,topic,text\n\
         日本,Côte d'Ivoire,One\n\
         Straße,Côte d'Ivoire,Two\n",
    );
    let d = load(&dir.path().join("out"));
    let ids: Vec<&str> = d.sides.iter().map(|s| s.party.id.as_str()).collect();
    assert_eq!(ids, ["ri-ben", "strasse"], "{said}");
    let names: Vec<&str> = d.sides.iter().map(|s| s.party.name.as_str()).collect();
    assert_eq!(names, ["日本", "Straße"]);
    assert_eq!(d.sides[0].topics[0].id, "cote-d-ivoire");
    assert!(
        said.contains("the side `日本` is written as the id `ri-ben`"),
        "{said}"
    );
}

/// A second `dispute` row fills what the first left empty and does not replace what it gave
/// (it is reported); a period that ends before it starts is reported, and the written dispute
/// warns of it too.
#[test]
fn a_second_dispute_row_and_a_reversed_period_are_reported() {
    let (dir, said) = import_said(
        "record,id,title,summary,period_from,period_to,side,topic,text\n\
         dispute,river,River,,2025-06-30,2025-04-01,,,\n\
         dispute,river-two,River,In brief,,2025-07-01,,,\n\
         claim,,,,,,alpha,water,One\n\
         claim,,,,,,beta,water,Two\n",
    );
    assert!(
        said.contains(
            "line 2: the period ends on 2025-04-01, before it starts on 2025-06-30; kept as given"
        ),
        "{said}"
    );
    assert!(
        said.contains(
            "line 3: a second dispute record gives another id, period_to: the first record's are kept"
        ),
        "{said}"
    );
    let d = load(&dir.path().join("out"));
    assert_eq!(d.id, "river");
    assert_eq!(
        d.summary.as_deref(),
        Some("In brief"),
        "filled from the second row"
    );
    let period = d.period.unwrap();
    assert_eq!(
        (
            period.from.unwrap().to_string(),
            period.to.unwrap().to_string()
        ),
        ("2025-06-30".to_owned(), "2025-04-01".to_owned())
    );
    let out = parallax()
        .args(["validate"])
        .arg(dir.path().join("out"))
        .assert()
        .success()
        .get_output()
        .clone();
    let printed = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
    assert!(printed.contains("warning[reversed-period]"), "{printed}");
}

/// A review's `keywords` become the claim's tags, each itself when it is an id already and
/// else an id made from its words, whether they
/// come as one comma-separated text or as a list (of texts or `DefinedTerm`s); a keyword with
/// no letter or digit is reported and left out.
#[test]
fn claimreview_keywords_become_tags() {
    let (dir, said) = review_said(&[
        r#"[{"@context": "https://schema.org", "@type": "ClaimReview",
            "claimReviewed": "The gates were shut.",
            "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "Alpha"}},
            "reviewRating": {"@type": "Rating", "alternateName": "False"},
            "keywords": "Foreign policy, Water, , ???, united_states, u.s., covid-19",
            "url": "https://example.org/check/1"},
           {"@context": "https://schema.org", "@type": "ClaimReview",
            "claimReviewed": "Nothing was shut.",
            "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "Beta"}},
            "reviewRating": {"@type": "Rating", "alternateName": "True"},
            "keywords": ["Water", {"@type": "DefinedTerm", "name": "Dams"}],
            "url": "https://example.org/check/2"}]"#,
    ]);
    let d = load(&dir.path().join("out"));
    let tags = |text: &str| -> Vec<String> {
        let (_, c) = d.claims().find(|(_, c)| c.text == text).unwrap();
        c.tags.iter().map(|t| t.to_string()).collect()
    };
    // A keyword that is an id already (as the export writes tags) is kept as it is.
    assert_eq!(
        tags("The gates were shut."),
        [
            "foreign-policy",
            "water",
            "united_states",
            "u.s.",
            "covid-19"
        ]
    );
    assert_eq!(tags("Nothing was shut."), ["water", "dams"]);
    assert!(
        said.contains("the keyword `???` holds no letter or digit to make a tag of; left out"),
        "{said}"
    );
}

/// A cited work's author comes back as its source's author; a work with two authors is read as
/// its first, and the rest is reported with the work's place, as a claim's second author is.
#[test]
fn a_works_authors_come_back_and_a_second_is_reported() {
    let (dir, said) = review_said(&[
        r#"[{"@context": "https://schema.org", "@type": "ClaimReview",
            "claimReviewed": "The gates were shut.",
            "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "Alpha"},
                "appearance": [{"@type": "CreativeWork", "url": "https://example.org/a",
                    "publisher": "Daily", "author": {"@type": "Person", "name": "A. Writer"}}]},
            "reviewRating": {"@type": "Rating", "alternateName": "False"},
            "citation": [{"@type": "CreativeWork", "url": "https://example.org/gauge",
                "publisher": "Gauges", "author": [{"@type": "Person", "name": "B. One"},
                                                  {"@type": "Person", "name": "C. Two"}]}],
            "url": "https://example.org/check/1"}]"#,
        BETA_REVIEW,
    ]);
    let d = load(&dir.path().join("out"));
    let mut authors: Vec<&str> = d
        .sides
        .iter()
        .flat_map(|side| &side.sources)
        .filter_map(|s| s.author.as_deref())
        .collect();
    authors.sort_unstable();
    assert_eq!(authors, ["A. Writer", "B. One"], "{said}");
    assert!(
        said.contains(
            "`citation[0].author` lists 2 values; the first, `B. One`, is read and the rest left out"
        ),
        "{said}"
    );
}

/// A claim's `id` cell that only its case kept from being an id is lower-cased without a word,
/// as every id cell is; one that is no id is rewritten and reported.
#[test]
fn a_claim_id_in_capitals_is_lower_cased_without_a_word() {
    let (dir, said) = import_said(
        "side,topic,id,text\n\
         alpha,water,UN-1,The gates shut.\n\
         beta,water,#b2,Nothing shut.\n",
    );
    let d = load(&dir.path().join("out"));
    let mut ids: Vec<&str> = d.claims().map(|(_, c)| c.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["b2", "un-1"], "{said}");
    assert!(!said.contains("UN-1"), "{said}");
    assert!(said.contains("`#b2` is not an id; `b2` is used"), "{said}");
}

#[test]
fn sources_of_one_outlet_are_numbered_past_an_id_given_for_one_of_them() {
    // Three sources of one outlet, without addresses or dates: ids made from the outlet,
    // numbered, and a number a row gave itself is skipped, not taken twice.
    let table = "side,topic,id,text,source_id,source_outlet,source_title\n\
                 alpha,t,a1,One.,,Wire,First\n\
                 alpha,t,a2,Two.,,Wire,Second\n\
                 alpha,t,a3,Three.,wire-3,Wire,Third\n\
                 alpha,t,a4,Four.,,Wire,Fourth\n\
                 beta,t,b1,Other.,,Post,Only\n";
    let (dir, said) = import_said(table);
    assert!(said.contains("0 problem(s)"), "{said}");
    let d = load(&dir.path().join("out"));
    let ids: Vec<&str> = d.sides[0].sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["wire", "wire-2", "wire-3", "wire-4"]);
    let cited: Vec<&str> = d.sides[0].topics[0]
        .claims
        .iter()
        .map(|c| c.sources[0].id.as_str())
        .collect();
    assert_eq!(cited, ["wire", "wire-2", "wire-3", "wire-4"]);
}

#[test]
fn a_dispute_without_a_manifest_imported_beside_other_files_gets_one_naming_its_sides() {
    // Left out, the manifest would let a load read `notes.json` as a side: it is written.
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("claims.csv");
    parallax()
        .arg("export")
        .arg(fixture("reliability"))
        .args(["-f", "claims-csv", "-o"])
        .arg(&csv)
        .assert()
        .success();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("notes.json"), "{\"mine\": true}\n").unwrap();
    import_csv(&csv, &out).success();
    assert!(out.join("dispute.json").exists());
    let d = load(&out);
    assert_eq!(d.sides.len(), 2, "notes.json is not read as a side");
}

#[test]
fn a_comparison_csv_given_to_import_is_named_with_the_export_that_imports() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("comparison.csv");
    parallax()
        .args(["export", "-f", "csv", "-o"])
        .arg(&csv)
        .assert()
        .success();
    import_csv(&csv, dir.path().join("out"))
        .code(1)
        .stderr(predicate::str::contains("export -f claims-csv"))
        .stderr(predicate::str::contains("not a table of claims"));
    assert!(!dir.path().join("out").exists(), "nothing is written");
}

#[test]
fn a_control_character_in_a_cell_is_kept_and_said() {
    let (dir, said) = import_said(
        "side,topic,text,source_outlet\nAl\u{1b}[31mpha,t1,Hello \u{1b}[2Jworld,X\nBeta,t1,Other,Y\n",
    );
    assert!(
        said.contains("line 2: the side cell holds U+001B"),
        "{said}"
    );
    assert!(
        said.contains("line 2: the text cell holds U+001B"),
        "{said}"
    );
    assert!(
        !said.contains('\u{1b}'),
        "nothing raw reaches the terminal: {said:?}"
    );
    let d = load(&dir.path().join("out"));
    assert!(claims(&d).iter().any(|t| t.contains("world")));
}

#[test]
fn a_key_given_twice_in_a_review_is_reported_at_its_place() {
    let (_dir, said) = review_said(&[
        r#"{"@context": "https://schema.org", "@type": "ClaimReview",
            "claimReviewed": "first text", "claimReviewed": "second text",
            "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "Alpha"}},
            "reviewRating": {"@type": "Rating", "alternateName": "False", "alternateName": "True"},
            "url": "https://example.org/check/1"}"#,
        BETA_REVIEW,
    ]);
    assert!(
        said.contains("review-0.json: the top: the key `claimReviewed` is given twice"),
        "{said}"
    );
    assert!(
        said.contains("review-0.json: reviewRating: the key `alternateName` is given twice"),
        "{said}"
    );
    assert!(!said.contains("review-1.json: "), "{said}");
}

#[test]
fn a_missing_file_is_named_in_words_not_an_os_error() {
    let dir = tempfile::tempdir().unwrap();
    for kind in ["csv", "claimreview"] {
        let out = parallax()
            .args(["import", kind])
            .arg(dir.path().join("nosuch"))
            .arg("-o")
            .arg(dir.path().join("out"))
            .assert()
            .code(1)
            .get_output()
            .clone();
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(
            said.contains("no such file or folder; expected a readable file (check the path)"),
            "{said}"
        );
        assert!(!said.contains("os error"), "{said}");
    }
}

/// One flaw common to thousands of records is said in a few lines: each reason in full three
/// times, then counted. A folder that already holds a dispute is refused before anything is
/// read or reported.
#[test]
fn a_problem_many_records_share_is_counted_and_a_taken_folder_refused_first() {
    let review = |i: usize| {
        let who = if i.is_multiple_of(2) { "Alpha" } else { "Beta" };
        format!(
            r#"{{"@type": "ClaimReview", "claimReviewed": "Claim number {i}.",
            "itemReviewed": {{"@type": "Claim", "author": {{"@type": "Organization", "name": "{who}"}}}},
            "reviewRating": {{"@type": "Rating", "alternateName": "False"}}}}"#
        )
    };
    let graph = format!(
        r#"{{"@context": "https://schema.org", "@graph": [{}]}}"#,
        (0..6).map(review).collect::<Vec<_>>().join(",")
    );
    let (dir, said) = review_said(&[&graph]);
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.ends_with("a review without `url`; the assessment has no source"))
            .count(),
        4,
        "{said}"
    );
    assert!(
        said.contains(
            "review-0.json: 3 more like this (@graph[3], @graph[4], @graph[5]): a review without `url`; the assessment has no source"
        ),
        "{said}"
    );
    assert!(said.contains("imported 6 claim(s)"), "{said}");
    // Again into the same folder: refused at once, with no record reported.
    let err = review_fails(&dir.path().join("review-0.json"), &dir.path().join("out"));
    assert!(err.contains("dispute.json already exists"), "{err}");
    assert!(!err.contains("a review without"), "{err}");
}

/// Too few sides says what makes a side in the format given, and only options that exist;
/// parallax's own JSON given as ClaimReview is named, with the export that imports.
#[test]
fn too_few_sides_says_what_makes_a_side_and_parallax_json_is_named() {
    let (_dir, said) = import_said("side,topic,text\nalpha,gates,One claim.\n");
    assert!(said.contains("check the `side` column"), "{said}");
    assert!(!said.contains("--side"), "import csv has no --side: {said}");
    let (_dir, said) = review_said(&[BETA_REVIEW]);
    assert!(said.contains("--side CLAIMANT=ID"), "{said}");
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("export.json");
    parallax()
        .args(["export", "-f", "json", "-o"])
        .arg(&export)
        .assert()
        .success();
    let err = review_fails(&export, &dir.path().join("out"));
    assert!(
        err.contains("`parallax-export/1` is a parallax JSON export, not ClaimReview: export with `-f claimreview`"),
        "{err}"
    );
    assert!(err.contains("no claim in the input could be used"), "{err}");
    assert_eq!(
        err.lines().count(),
        2,
        "one line per document, not per topic: {err}"
    );
}

/// Runs `import claimreview FILE -o OUT`, which must fail with exit 1; what it said on stderr.
fn review_fails(file: &Path, out: &Path) -> String {
    let run = parallax()
        .args(["import", "claimreview"])
        .arg(file)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    String::from_utf8_lossy(&run.stderr).into_owned()
}

/// A review file that starts with a UTF-8 byte order mark (Windows Notepad writes one) is read,
/// as the loader and `import csv` read one: it was refused as not JSON at 1:1.
#[test]
fn a_review_file_with_a_byte_order_mark_is_read() {
    let alpha = r#"{"@context": "https://schema.org", "@type": "ClaimReview",
        "claimReviewed": "The gates were shut.",
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "Alpha"}},
        "reviewRating": {"@type": "Rating", "alternateName": "False"},
        "url": "https://example.org/check/1"}"#;
    let (dir, said) = review_said(&[&format!("\u{feff}{alpha}"), BETA_REVIEW]);
    assert!(!said.contains("not JSON"), "{said}");
    let d = load(&dir.path().join("out"));
    assert!(
        d.claims().any(|(_, c)| c.text == "The gates were shut."),
        "{said}"
    );
}

/// A review file that is empty, UTF-16 or Windows-1252 says so and what to do, as `import csv`
/// does (each was a bare `not JSON: expected value` at 1:1).
#[test]
fn a_review_file_of_no_json_text_says_why() {
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("[{}]".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let cases: [(&[u8], &str); 3] = [
        (
            b"  \n",
            "review.json: the file is empty, so nothing was imported",
        ),
        (&utf16, "review.json: the file is UTF-16 text"),
        (
            b"[{\"claimReviewed\": \"caf\xe9\"}]",
            "review.json:1:24: the byte 0xE9 is not UTF-8 text",
        ),
    ];
    for (bytes, says) in cases {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("review.json");
        std::fs::write(&file, bytes).unwrap();
        let run = parallax()
            .current_dir(dir.path())
            .args(["import", "claimreview", "review.json", "-o", "out"])
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{said}");
        assert!(said.contains(says), "{said}");
        assert!(!said.contains("not JSON"), "{said}");
    }
}

/// A review's rating word given as a list (`["True", "False"]`) reads its first and says the
/// rest are left out, and that they disagree; a `claimReviewed` that is a number is read as
/// text and said to be one; an empty `claimReviewed` is said to be empty, not missing. Each was
/// silent, or said the field was missing.
#[test]
fn a_review_says_a_rating_list_a_number_for_text_and_an_empty_claim() {
    let (dir, said) = review_said(&[
        r#"[{"@type": "ClaimReview", "claimReviewed": 12,
            "itemReviewed": {"author": {"name": "Alpha"}},
            "reviewRating": {"alternateName": ["True", "False", "Pants on Fire"]},
            "url": "https://example.org/check/1"},
           {"@type": "ClaimReview", "claimReviewed": "",
            "itemReviewed": {"author": {"name": "Alpha"}},
            "reviewRating": {"alternateName": "True"},
            "url": "https://example.org/check/3"}]"#,
        BETA_REVIEW,
    ]);
    // The words that disagree are said once, not again as a list of three values.
    assert!(!said.contains("lists 3 values"), "{said}");
    for words in [
        "[0]: the rating says `True`, and also `False`, `Pants on Fire`; `True` is read",
        "[0]: `claimReviewed` is a number, not text; it is read as the text `12`",
        "[1]: a ClaimReview whose `claimReviewed` is empty; skipped",
    ] {
        assert!(said.contains(words), "{words}\n{said}");
    }
    let d = load(&dir.path().join("out"));
    assert!(d.claims().any(|(_, c)| c.text == "12"), "{said}");

    // A list whose first value is null: the value read is named, not an empty one.
    let (_dir, said) = review_said(&[
        r#"{"@type": "ClaimReview", "claimReviewed": "The gates shut.",
            "itemReviewed": {"author": {"name": "Alpha"}},
            "reviewRating": {"alternateName": [null, "False"]},
            "url": "https://example.org/check/1"}"#,
        BETA_REVIEW,
    ]);
    assert!(
        said.contains("lists 2 values; the first with a value, `False`, is read"),
        "{said}"
    );
    // An empty list or graph is said to be empty, not to be something else.
    // A list inside the graph is said to be one, not "a node without @type".
    let (_dir, said) = review_said(&[r#"{"@graph": [[]]}"#, BETA_REVIEW]);
    assert!(
        said.contains("a list (a list inside the list of reviews), not a ClaimReview; skipped"),
        "{said}"
    );
    for empty in ["[]", r#"{"@context": "https://schema.org", "@graph": []}"#] {
        let (_dir, said) = review_said(&[empty, BETA_REVIEW]);
        assert!(
            said.contains("an empty list of reviews; nothing to import"),
            "{empty}: {said}"
        );
    }
}

/// A claim whose id another side's claim has gets an id of its own, said with its line, as a
/// review's identifier does; the side's later rows with that id add their sources to it. The
/// claim was dropped, and the import succeeded without it.
#[test]
fn a_claim_id_another_side_has_gets_a_fresh_id_and_no_claim_is_lost() {
    let (dir, said) = import_said(
        "side,topic,id,text,source_url\n\
         alpha,water,a-1,The gates shut.,https://a.example/1\n\
         beta,water,a-1,Nothing shut.,https://b.example/1\n\
         beta,water,a-1,,https://b.example/2\n\
         alpha,water,a-1,,https://a.example/2\n",
    );
    let d = load(&dir.path().join("out"));
    let beta = d.sides.iter().find(|s| s.party.id == "beta").unwrap();
    let nothing = beta
        .topics
        .iter()
        .flat_map(|t| &t.claims)
        .find(|c| c.text == "Nothing shut.")
        .unwrap_or_else(|| panic!("the claim is kept\n{said}"));
    assert_ne!(nothing.id.as_str(), "a-1");
    assert_eq!(nothing.sources.len(), 2, "the later row's source too");
    assert!(
        said.contains(&format!(
            "line 3: the claim id `a-1` is already a claim of another side (line 2); this claim gets `{}`",
            nothing.id
        )),
        "{said}"
    );
    let alpha = d.sides.iter().find(|s| s.party.id == "alpha").unwrap();
    let gates = &alpha.topics[0].claims[0];
    assert_eq!((gates.id.as_str(), gates.sources.len()), ("a-1", 2));
}

/// An id given twice in one side with another text is two claims: the second gets the id its
/// text makes, said with its line, and the side's later rows with that id and text add to it
/// (it was dropped, "its other fields are ignored and it adds nothing", and the import succeeded
/// without it). The same id with the same text is still one claim with more sources.
#[test]
fn a_claim_id_repeated_in_one_side_with_another_text_is_kept_as_a_claim() {
    let (dir, said) = import_said(
        "sep=;\nside;topic;text;id;source_url\n\
         A;W;x;c1;https://a.example/1\n\
         B;W;y;b1;\n\
         A;W;z;c1;https://a.example/2\n\
         A;W;x;c1;https://a.example/3\n\
         A;W;z;c1;https://a.example/4\n",
    );
    let d = load(&dir.path().join("out"));
    let a = d.sides.iter().find(|s| s.party.id == "a").unwrap();
    let claims: Vec<(&str, &str, usize)> = a.topics[0]
        .claims
        .iter()
        .map(|c| (c.id.as_str(), c.text.as_str(), c.sources.len()))
        .collect();
    let [("c1", "x", 2), (z, "z", 2)] = claims[..] else {
        panic!("{claims:?}\n{said}");
    };
    assert!(
        said.contains(&format!(
            "line 5: claim `c1` was given at line 3 with another text: this is a claim of its own, `{z}`"
        )),
        "{said}"
    );
    assert!(
        !said.contains("line 7"),
        "the later row is said once: {said}"
    );
}

/// Two id cells that are not ids (urls) made into one id, as two urls alike in their first 128
/// characters are, are two claims: the second gets the id with `-2` after it (an id still),
/// said with its line, and its later rows follow it. The second claim was dropped, said to
/// repeat the first with another text.
#[test]
fn two_urls_cut_to_one_id_are_two_claims() {
    let stem = format!(
        "https://www.politifact.com/factchecks/2024/{}",
        "x".repeat(120)
    );
    let (dir, said) = import_said(&format!(
        "side,topic,id,text,source_url\n\
         a,t,{stem}/one,First.,https://a.example/1\n\
         a,t,{stem}/two,Second.,https://a.example/2\n\
         a,t,{stem}/two,,https://a.example/3\n\
         b,t,b-1,Y.,https://b.example/1\n"
    ));
    let d = load(&dir.path().join("out"));
    let ids: Vec<(&str, &str, usize)> = d.sides[0].topics[0]
        .claims
        .iter()
        .map(|c| (c.id.as_str(), c.text.as_str(), c.sources.len()))
        .collect();
    let [(first, "First.", 1), (second, "Second.", 2)] = ids[..] else {
        panic!("{ids:?}\n{said}");
    };
    assert_eq!(second, format!("{first}-2"), "{said}");
    assert!(
        said.contains(&format!(
            "line 3: `{}` is not an id, and `{first}`, the id made from it, is another claim's \
             (line 2), made from another cell: this claim gets `{second}` (ending `-2`)",
            parallax::text::quote(&format!("{stem}/two"))
        )),
        "{said}"
    );
    assert!(!said.contains("text differs"), "{said}");
    // A row without text makes no claim: an id written another way (`Claim 1`, a url with a
    // slash more) adds its source and verdict to the claim that id names.
    let (dir, said) = import_said(
        "side,topic,id,text,rating,source_url\n\
         a,t,claim-1,The dam raised the river,,https://a.example/1\n\
         a,t,Claim 1,,false,https://a.example/2\n\
         a,t,https://fc.example/c/123,Second,,https://a.example/3\n\
         a,t,https://fc.example/c/123/,,true,https://a.example/4\n\
         b,t,b-1,Y.,,https://b.example/1\n",
    );
    let d = load(&dir.path().join("out"));
    let kept: Vec<(&str, usize, bool)> = d.sides[0].topics[0]
        .claims
        .iter()
        .map(|c| (c.id.as_str(), c.sources.len(), c.assessment.is_some()))
        .collect();
    assert_eq!(
        kept,
        [("claim-1", 2, true), ("https-fc-example-c-123", 2, true)],
        "{said}"
    );
}

/// A fact-checker's verdict repeated as it was on a claim's next source row is the same verdict,
/// not reported (it was said to be another verdict, not used, as its note is kept after the
/// word: `Rated “false”. Wrong`); one that differs still is.
#[test]
fn a_verdict_repeated_on_a_claims_next_source_row_is_not_another_verdict() {
    let (dir, said) = import_said(
        "side,topic,id,text,rating,note,by,source_url\n\
         alpha,water,a1,The gates shut.,false,Wrong,FD,https://x.example/1\n\
         alpha,water,a1,The gates shut.,False,Wrong,FD,https://x.example/2\n\
         alpha,water,a1,The gates shut.,false,Right,FD,https://x.example/3\n\
         alpha,water,a1,The gates shut.,false,Wrong,Other Desk,https://x.example/4\n\
         alpha,water,a2,The flow fell.,Mostly True,Rated “Mostly True”. Right.,FD,\n\
         alpha,water,a3,The flow rose.,mostly true,\"Rated \"\"Mostly True\"\". Up.\",FD,\n\
         alpha,water,a3,The flow rose.,Mostly True,Up.,fd,https://x.example/5\n\
         beta,water,b1,Nothing shut.,,,,\n",
    );
    assert!(
        !said.contains("line 3"),
        "the same word in another case: {said}"
    );
    assert!(
        said.contains("line 4: another verdict on claim `a1` (given at line 2) is not used"),
        "{said}"
    );
    assert!(
        said.contains(
            "line 5: another verdict on claim `a1` (given at line 2) is not used: false by Other Desk: Wrong"
        ),
        "another fact-checker's verdict is reported: {said}"
    );
    let d = load(&dir.path().join("out"));
    let (_, c) = d.claims().find(|(_, c)| c.id == "a1").unwrap();
    assert_eq!(c.sources.len(), 4);
    let (_, c) = d.claims().find(|(_, c)| c.id == "a2").unwrap();
    assert_eq!(
        c.assessment.as_ref().and_then(|a| a.note.as_deref()),
        Some("Rated “Mostly True”. Right."),
        "the word once"
    );
    // In another case or with straight quotes, still once; and a repeat of it with the same
    // fact-checker, by another case, is no other verdict.
    let (_, c) = d.claims().find(|(_, c)| c.id == "a3").unwrap();
    assert_eq!(
        c.assessment.as_ref().and_then(|a| a.note.as_deref()),
        Some("Rated \"Mostly True\". Up."),
        "the word once"
    );
    assert!(!said.contains("claim `a3`"), "{said}");
    // The same rating in another fact-checker's word (`TRUE` after `mostly-true`: both
    // corroborated) is another verdict; it was dropped unsaid, the note keeping only the first.
    let (_, said) = import_said(
        "side,topic,text,rating,source_url\n\
         A,t,Crime is low,mostly-true,https://p.example/1\n\
         A,t,Crime is low,TRUE,https://s.example/2\n\
         A,t,Crime is low,Mostly True,https://w.example/3\n\
         A,t,Crime is low,MOSTLY  TRUE!,https://w.example/4\n\
         A,t,Crime fell,corroborated,https://w.example/5\n\
         A,t,Crime fell,True,https://w.example/6\n\
         B,t,Crime is high,,\n",
    );
    // The word again with other spacing or a `!`, and a word after the rating's own name
    // (no fact-checker's word to compare), are the same verdict.
    for line in ["line 5", "line 7"] {
        assert!(!said.contains(line), "{line}: {said}");
    }
    assert!(
        said.contains("line 3: another verdict on claim") && said.contains("TRUE"),
        "{said}"
    );
    assert!(!said.contains("line 4"), "the first word again: {said}");
}

/// A cell holding several hidden characters names each of them, as the loader's warning does:
/// only the first was named, so an escape sequence behind a bidirectional mark went unsaid.
#[test]
fn a_cell_with_several_hidden_characters_names_them_all() {
    let (_dir, said) = import_said(
        "side,topic,text\n\
         alpha,water,\"evil \u{202e} txt \u{1b}[2J\"\n\
         beta,water,Nothing shut.\n",
    );
    assert!(
        said.contains(
            "line 2: the text cell holds U+202E, U+001B, control or hidden characters; kept, and shown as visible markers"
        ),
        "{said}"
    );
}

/// A table of a header row alone is refused naming the file (it said only that the input
/// holds no claim), and nothing is written.
#[test]
fn a_header_alone_is_refused_naming_the_file() {
    let (dir, said) = import_said("side,topic,text\n");
    let table = dir.path().join("table.csv");
    assert!(
        said.contains(&format!(
            "{}: the file holds no claim; each row under the header is a claim",
            table.display()
        )),
        "{said}"
    );
    assert!(!dir.path().join("out").exists());
}

/// A value longer than 80 characters is quoted cut, with `…` and its length, as the loader
/// quotes one: a 300-character id was quoted whole, twice, in one line.
#[test]
fn a_long_value_is_quoted_cut_with_its_length() {
    let long = "i".repeat(300);
    let (_dir, said) = import_said(&format!(
        "side,topic,id,text\n\
         alpha,water,{long},The gates shut.\n\
         beta,water,b1,Nothing shut.\n"
    ));
    let cut = format!("{}…", "i".repeat(80));
    assert!(
        said.contains(&format!(
            "line 2: `{cut} (300 characters)` is not an id; `{cut} (128 characters)` is used\n"
        )),
        "{said}"
    );
}

/// A date whose meaning is plain but whose writing is off (`2024-3-5`, `2025/05/03`) is said
/// with how to write it, and a spreadsheet's day number (`45780`) as one, with what to do in
/// the sheet; a date that could be either day first or month first is not guessed.
#[test]
fn a_date_written_otherwise_is_said_with_how_to_write_it() {
    let (_dir, said) = import_said(
        "side,topic,text,date,source_outlet,source_date\n\
         a,t,x,2024-3-5,Daily,2025/05/03\n\
         b,t,y,45780,Other,\n\
         b,t,z,05/03/2025,Other,\n",
    );
    for expected in [
        "line 2: the date `2024-3-5` is not a date (is not written as YYYY, YYYY-MM or \
         YYYY-MM-DD: write `2024-03-05`); left out",
        "line 2: the source date `2025/05/03` is not a date (is not written as YYYY, YYYY-MM or \
         YYYY-MM-DD: write `2025-05-03`)",
        "line 3: the date `45780` is not a date (is a spreadsheet's day number: format the \
         column as text (YYYY-MM-DD) before saving); left out",
        "line 4: the date `05/03/2025` is not a date (is not written as YYYY, YYYY-MM or \
         YYYY-MM-DD); left out",
    ] {
        assert!(said.contains(expected), "{expected}\n{said}");
    }
}

/// A ClaimReview date that is no date is said once, at its node, by its property: a claim's
/// `claimDate` was said at each of its reviews, and every date as "the date" or "the source
/// date", which left four properties to guess from.
#[test]
fn a_review_date_that_is_no_date_is_said_once_by_its_property() {
    let api = r#"{"claims": [{"text": "A", "claimant": "Bob", "claimDate": "2024-13-01",
        "claimReview": [
          {"publisher": {"name": "FC"}, "url": "https://fc.org/1", "textualRating": "False",
           "reviewDate": "2024-1-5"},
          {"publisher": {"name": "FC2"}, "url": "https://fc2.org/1", "textualRating": "False"}]},
        {"text": "B", "claimant": "Al", "claimReview": [{"publisher": {"name": "FC"},
          "url": "https://fc.org/2", "textualRating": "False"}]}]}"#;
    let graph = r#"{"@context": "https://schema.org", "@type": "ClaimReview",
        "claimReviewed": "X said Y", "datePublished": "2024-02-30",
        "itemReviewed": {"@type": "Claim", "datePublished": "yesterday",
          "author": {"@type": "Person", "name": "Bob"},
          "appearance": [{"url": "https://a.org/1", "datePublished": "2024-1-5"},
                         {"url": "https://a.org/2", "datePublished": "2024-01-06T10:00:00Z"}]},
        "citation": {"url": "https://c.org/1", "datePublished": "13/01/2024"},
        "url": "https://fc.org/r1", "author": {"@type": "Organization", "name": "FC"},
        "reviewRating": {"@type": "Rating", "alternateName": "False"}}"#;
    let (dir, said) = review_said(&[api, graph, BETA_REVIEW]);
    let lines: Vec<&str> = said.lines().filter(|l| l.contains("not a date")).collect();
    let at = |file: usize, place: &str| {
        format!(
            "{}: {place}: ",
            dir.path().join(format!("review-{file}.json")).display()
        )
    };
    let expected = [
        format!(
            "{}`claimDate` `2024-13-01` is not a date",
            at(0, "claims[0]")
        ),
        format!(
            "{}`reviewDate` `2024-1-5` is not a date",
            at(0, "claims[0].claimReview[0]")
        ),
        format!(
            "{}`itemReviewed.datePublished` `yesterday`",
            at(1, "the review")
        ),
        format!("{}`datePublished` `2024-02-30`", at(1, "the review")),
        format!(
            "{}`itemReviewed.appearance[0].datePublished` `2024-1-5`",
            at(1, "the review")
        ),
        format!(
            "{}`citation.datePublished` `13/01/2024`",
            at(1, "the review")
        ),
    ];
    assert_eq!(lines.len(), expected.len(), "{said}");
    for (line, expected) in lines.iter().zip(&expected) {
        assert!(line.contains(expected.as_str()), "{line}\n{expected}");
    }
    // The dates that are dates are kept: the second appearance's day.
    let d = load(&dir.path().join("out"));
    let sources: Vec<String> = d
        .sides
        .iter()
        .flat_map(|s| s.sources.iter())
        .filter_map(|s| s.date.map(|d| d.to_string()))
        .collect();
    assert_eq!(sources, ["2024-01-06"], "{sources:?}");
}

/// A date in words (`May 4, 2025`) is said with the date to write, as `validate` says it: the
/// same suggestion, from one place.
#[test]
fn a_date_in_words_is_said_with_the_date_to_write() {
    let (_dir, said) = import_said(
        "side,topic,text,date\n\
         a,t,x,\"May 4, 2025\"\n\
         b,t,y,4 Sept 2025\n",
    );
    for expected in [
        "line 2: the date `May 4, 2025` is not a date (is not written as YYYY, YYYY-MM or \
         YYYY-MM-DD: write `2025-05-04`); left out",
        "line 3: the date `4 Sept 2025` is not a date (is not written as YYYY, YYYY-MM or \
         YYYY-MM-DD: write `2025-09-04`); left out",
    ] {
        assert!(said.contains(expected), "{expected}\n{said}");
    }
}

/// A spreadsheet re-saved with its own dates: a date-time is read as its day, a source date
/// that is no date is said on each row that gives it (it was said once, then each later row of
/// the same source was said to "differ" from the date left out), and problems that differ only
/// in the value they quote are counted as one kind.
#[test]
fn spreadsheet_dates_are_read_or_said_once_each_and_counted_by_kind() {
    let (dir, said) = import_said(
        "side,topic,text,date,source_id,source_outlet,source_date\n\
         A,W,one,2025-04-22 14:30,s1,Daily,4/22/2025\n\
         A,W,two,2025-04-23T00:00:00Z,s1,Daily,4/22/2025\n\
         A,W,three,1/3/2025,s1,Daily,\n\
         A,W,four,1/4/2025,s1,Daily,\n\
         A,W,five,1/5/2025,s1,Daily,\n\
         A,W,six,1/6/2025,s1,Daily,\n\
         A,W,six and a half,1/7/2025,s1,Daily,\n\
         B,W,seven,2025-05-01,s2,Other,2025-05-01 09:00:00\n\
         B,W,eight,,s2,Other,2025-05-02\n",
    );
    assert!(
        said.contains("line 2: the source date `4/22/2025` is not a date")
            && said.contains("line 3: the source date `4/22/2025` is not a date"),
        "{said}"
    );
    assert!(
        !said.contains("line 3: the source `s1` was given before"),
        "the same date is not a difference: {said}"
    );
    // The real difference is still said.
    assert!(
        said.contains("line 10: the source `s2` was given before (found by its id); the source_date given here differs"),
        "{said}"
    );
    // Five claim dates written M/D/YYYY: three said in full, the rest counted, in one line.
    assert!(
        said.contains("table.csv: 2 more like this (lines 7-8): the date `…` is not a date"),
        "{said}"
    );
    // A bad source date is said once on its row, though the source was found again by url.
    assert_eq!(said.matches("line 2: the source date").count(), 1, "{said}");
    let d = load(&dir.path().join("out"));
    let dates: Vec<String> = d
        .sides
        .iter()
        .flat_map(|s| s.topics.iter().flat_map(|t| &t.claims))
        .filter_map(|c| c.date.map(|d| d.to_string()))
        .collect();
    assert_eq!(dates, ["2025-04-22", "2025-04-23", "2025-05-01"]);
    let source_dates: Vec<String> = d
        .sides
        .iter()
        .flat_map(|s| &s.sources)
        .filter_map(|s| s.date.map(|d| d.to_string()))
        .collect();
    assert_eq!(source_dates, ["2025-05-01"]);
}

/// An import makes a folder: `-o -` (standard output to `export`) is a usage error that says
/// so, not a folder named `-`; a file where the folder goes is named as a file, by `import`
/// and by `new` alike (a raw "Not a directory" came from the system).
#[test]
fn an_import_or_new_into_standard_output_or_a_file_is_refused_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("t.csv");
    std::fs::write(&csv, "side,topic,text\na,t,one\nb,t,two\n").unwrap();
    let out = parallax()
        .current_dir(dir.path())
        .args(["import", "csv", "t.csv", "-o", "-", "--id", "x"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("not standard output"), "{said}");
    assert!(!dir.path().join("-").exists(), "no folder named `-`");
    std::fs::write(dir.path().join("afile"), "notes").unwrap();
    for args in [
        &["import", "csv", "t.csv", "-o", "afile"][..],
        &["import", "csv", "t.csv", "-o", "afile/sub"][..],
        &[
            "new", "afile", "--title", "T", "--side", "a:A", "--side", "b:B",
        ][..],
    ] {
        let out = parallax()
            .current_dir(dir.path())
            .args(args)
            .assert()
            .code(1)
            .get_output()
            .clone();
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(
            said.contains("afile is a file, not a folder"),
            "{args:?}: {said}"
        );
        assert!(!said.contains("os error"), "{said}");
        assert_eq!(
            std::fs::read_to_string(dir.path().join("afile")).unwrap(),
            "notes"
        );
    }
}

/// `--strict`: a problem in any record writes nothing and exits 1, for a pipeline that must not
/// lose data quietly; without problems, it imports as usual.
#[test]
fn strict_writes_nothing_when_any_record_has_a_problem() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("t.csv");
    std::fs::write(&csv, "side,topic,text,date\na,t,one,4/22/2025\nb,t,two,\n").unwrap();
    let out = parallax()
        .args(["import", "csv", "--strict", "-o"])
        .arg(dir.path().join("out"))
        .arg(&csv)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("line 2: the date `4/22/2025` is not a date"),
        "{said}"
    );
    assert!(said.contains("nothing was written (--strict)"), "{said}");
    assert!(!dir.path().join("out").exists());
    // A row of empty cells, as a spreadsheet writes a row it emptied, is a blank line: no
    // problem, so `--strict` does not stop (it refused the whole table).
    std::fs::write(
        &csv,
        "side,topic,text,date\na,t,one,2025-04-22\n,,,\r\nb,t,two,\n,,\n,,,,\n",
    )
    .unwrap();
    parallax()
        .args(["import", "csv", "--strict", "-o"])
        .arg(dir.path().join("out"))
        .arg(&csv)
        .assert()
        .success();
    assert!(dir.path().join("out/dispute.json").exists());
}

/// A source found again by its url reports its row's bad date once (it was said twice: once as
/// read, once as compared); a single problem beyond the three said in full is said whole, not
/// counted as "1 more like this", and in its place, before the problems of later lines (it
/// was said after every other).
#[test]
fn a_merged_sources_bad_date_is_said_once_and_one_more_problem_in_full() {
    let (_dir, said) = import_said(
        "side,topic,text,source_outlet,source_url,source_date,date\n\
         alpha,w,One,Daily,https://e.org/1,4/22/2025,1/1/2025\n\
         alpha,w,Two,Daily,https://e.org/1,5/1/2025,1/2/2025\n\
         alpha,w,Three,Daily,https://e.org/1,,1/3/2025\n\
         beta,w,Four,Other,https://e.org/2,,1/4/2025\n",
    );
    assert_eq!(
        said.matches("line 3: the source date `5/1/2025` is not a date")
            .count(),
        1,
        "{said}"
    );
    assert!(
        said.contains("line 5: the date `1/4/2025` is not a date"),
        "{said}"
    );
    assert!(!said.contains("more like this"), "{said}");
    // A fourth date like the three after the first (which is told the date to write), then a
    // problem of the next line: the fourth is said in its place.
    let (_dir, said) = import_said(
        "side,topic,text,source_outlet,source_url,source_date,date\n\
         alpha,w,One,Daily,https://e.org/1,,1/1/2025\n\
         alpha,w,Two,Daily,https://e.org/1,,1/2/2025\n\
         alpha,w,Three,Daily,https://e.org/1,,1/3/2025\n\
         beta,w,Four,Other,https://e.org/2,,1/4/2025\n\
         beta,w,Five,Other,https://e.org/2,,1/5/2025\n\
         beta,w,Six,Other,https://e.org/3,7/7/2025,\n",
    );
    let at = |s: &str| said.find(s).unwrap_or_else(|| panic!("{s}: {said}"));
    assert!(
        at("line 6: the date `1/5/2025`") < at("line 7: the source date `7/7/2025`"),
        "{said}"
    );
    assert!(!said.contains("more like this"), "{said}");
}

/// A party whose id would name its side file `dispute.json` is said to be one: the import said
/// the files made would not load, the manifest listing "itself" as a side.
#[test]
fn a_party_named_dispute_is_said_plainly() {
    let (dir, said) = import_said("side,topic,text\ndispute,t,x1\nbeta,t,y1\n");
    assert!(
        said.contains("the party `dispute` would be written to dispute.json, the manifest's file; give it another id"),
        "{said}"
    );
    assert!(!dir.path().join("out").exists(), "nothing written");
}

/// A file given to the wrong import says which one reads it: a table to `import claimreview`
/// said only "not JSON: expected value", JSON to `import csv` "the header has no side column",
/// and a JSON syntax error gave no word of what to do.
#[test]
fn a_file_given_to_the_wrong_import_says_which_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let table = two_sides(dir.path());
    let json = dir.path().join("review.json");
    std::fs::write(&json, "{\"@type\": \"ClaimReview\",}").unwrap();
    let said = |kind: &str, file: &Path| {
        let out = parallax()
            .args(["import", kind])
            .arg(file)
            .arg("-o")
            .arg(dir.path().join("out"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let s = said("claimreview", &table);
    assert!(
        s.contains("for a table of claims (CSV), use `parallax import csv`"),
        "{s}"
    );
    // What the file begins with, not serde_json's `expected value`.
    assert!(
        s.contains("ab.csv: not JSON (it begins `side,topic,text`)"),
        "{s}"
    );
    assert!(!s.contains("expected"), "{s}");
    let s = said("claimreview", &json);
    assert!(
        s.contains("not JSON: trailing comma; mend the file where it says"),
        "{s}"
    );
    let s = said("csv", &json);
    assert!(
        s.contains("this is JSON, not a table of claims: ClaimReview"),
        "{s}"
    );
    assert!(s.contains("`parallax import claimreview`"), "{s}");
}

/// A folder made read-only is not written in, not even to make the new dispute's folder: as
/// root, `import` and `new` made one inside it (an export was refused).
#[test]
fn no_folder_is_made_inside_a_read_only_folder() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let csv = two_sides(dir.path());
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    import_csv(&csv, locked.join("new"))
        .code(1)
        .stderr(predicate::str::contains(
            "locked is read-only; make it writable",
        ));
    parallax()
        .arg("new")
        .arg(locked.join("n"))
        .args(["--title", "T", "--side", "a:A", "--side", "b:B"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("locked is read-only"));
    // Refused before the input is read: none of its problems is listed first, as if the
    // import had gone ahead.
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "side,topic,text,date\nA,t,one,4/22/2025\nB,t,two,\n").unwrap();
    for out in [locked.clone(), locked.join("new")] {
        let said = import_csv(&bad, &out).code(1).get_output().stderr.clone();
        let said = String::from_utf8_lossy(&said);
        assert!(said.contains("locked is read-only"), "{said}");
        assert!(!said.contains("is not a date"), "{said}");
    }
    let made: Vec<_> = std::fs::read_dir(&locked).unwrap().collect();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(made.is_empty(), "{made:?}");
}

/// `--title` holding an escape sequence is refused, as `new --title` refuses it: it was
/// written into the manifest as markers (`Hi␛there`).
#[test]
fn a_title_with_an_escape_sequence_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let csv = two_sides(dir.path());
    parallax()
        .args(["import", "csv"])
        .arg(&csv)
        .arg("-o")
        .arg(dir.path().join("out"))
        .args(["--title", "Hi\u{1b}[2Jthere"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--title holds the character U+001B",
        ));
    assert!(!dir.path().join("out").exists());
}

/// A folder whose path holds a control character (an escape sequence, a line break) and a blank
/// `--title` are usage errors for both imports, as they are for `new`, in the same words: the
/// imports wrote `o8␛` and a manifest titled "".
#[test]
fn imports_refuse_the_folder_and_title_new_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let csv = two_sides(dir.path());
    let review = dir.path().join("review.json");
    std::fs::write(&review, BETA_REVIEW).unwrap();
    let usage = |args: &[&std::ffi::OsStr]| {
        let out = parallax()
            .current_dir(dir.path())
            .args(args)
            .assert()
            .code(2);
        String::from_utf8_lossy(&out.get_output().stderr).into_owned()
    };
    let os = |s: &str| std::ffi::OsString::from(s);
    let new = |folder: &str, title: &str| {
        let args = [
            "new", folder, "--title", title, "--side", "a:A", "--side", "b:B",
        ];
        usage(&args.map(std::ffi::OsStr::new))
    };
    for folder in ["o8\u{1b}[2J", "nl\nname", "e\u{1b}/sub"] {
        let said_by_new = new(folder, "T");
        assert!(
            said_by_new.contains("the folder holds the character U+00"),
            "{said_by_new}"
        );
        for import in ["csv", "claimreview"] {
            let input = if import == "csv" { &csv } else { &review };
            let said = usage(&[
                &os("import"),
                &os(import),
                input.as_os_str(),
                &os("-o"),
                &os(folder),
            ]);
            assert_eq!(
                said,
                said_by_new.replacen("the folder", "-o", 1),
                "{import} -o {folder:?}"
            );
        }
    }
    for title in ["", " "] {
        let said_by_new = new("fine", title);
        assert!(
            said_by_new.contains("--title: give the dispute a title"),
            "{said_by_new}"
        );
        let said = usage(&[
            &os("import"),
            &os("csv"),
            csv.as_os_str(),
            &os("-o"),
            &os("fine"),
            &os("--title"),
            &os(title),
        ]);
        assert_eq!(said, said_by_new);
    }
    let made: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(made.len(), 2, "nothing made: {made:?}");
}

/// An input the import cannot read says what to do, as `validate` does: `-` is not standard
/// input (it said "no such file"), a file over the limit names `--max-file-size`; and a file
/// where the schema's folder goes (or a folder where its file goes) is named, with what to do
/// (the system's "File exists (os error 17)" was all that was said).
#[test]
fn an_import_that_cannot_read_or_write_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    two_sides(dir.path());
    let failed = |args: &[&str]| {
        let out = parallax()
            .current_dir(dir.path())
            .args(args)
            .assert()
            .code(1);
        String::from_utf8_lossy(&out.get_output().stderr).into_owned()
    };
    let said = failed(&["import", "csv", "-", "-o", "x"]);
    assert!(
        said.contains("cannot read -: `-` is no file: standard input is not read; expected"),
        "{said}"
    );
    let said = failed(&[
        "import",
        "csv",
        "ab.csv",
        "-o",
        "x",
        "--max-file-size",
        "10",
    ]);
    assert!(
        said.contains("over the limit of 10 bytes; expected a smaller file, or a higher limit with --max-file-size"),
        "{said}"
    );
    assert!(!dir.path().join("x").exists());
    std::fs::create_dir_all(dir.path().join("f")).unwrap();
    std::fs::write(dir.path().join("f/schema"), "notes").unwrap();
    std::fs::create_dir_all(dir.path().join("d/schema/parallax-1.schema.json")).unwrap();
    for (out, there) in [
        ("f", "f/schema is a file, not a folder"),
        (
            "d",
            "d/schema/parallax-1.schema.json is a folder, not a file",
        ),
    ] {
        let said = failed(&["import", "csv", "ab.csv", "-o", out]);
        assert!(
            said.contains(&format!(
                "{there}, where the dispute's copy of the schema goes \
                 (schema/parallax-1.schema.json); move it away, or choose a new folder"
            )),
            "{said}"
        );
        assert!(!said.contains("os error"), "{said}");
        assert!(!dir.path().join(out).join("a.json").exists());
    }
}

/// `import -o .` names the dispute after the folder it is run in, as `parallax new .` does (it
/// said it could make no id from the folder's name).
#[test]
fn import_into_this_folder_takes_its_name_as_the_id() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let here = dir.path().join("My Dispute");
    std::fs::create_dir(&here).expect("made");
    std::fs::write(
        dir.path().join("claims.csv"),
        "side,topic,text\na,t,One.\nb,t,Two.\n",
    )
    .expect("written");
    for out in [".", "./"] {
        for f in std::fs::read_dir(&here).expect("listed").flatten() {
            let p = f.path();
            let _ = std::fs::remove_file(&p).or_else(|_| std::fs::remove_dir_all(&p));
        }
        parallax()
            .current_dir(&here)
            .args(["import", "csv", "../claims.csv", "-o", out])
            .assert()
            .success();
        let manifest: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(here.join("dispute.json")).expect("written"),
        )
        .expect("JSON");
        assert_eq!(manifest["dispute"]["id"], "my-dispute", "-o {out}");
    }
}

/// A claims table sorted by its text column, as a spreadsheet sorts it, puts a claim's further
/// rows (its other sources, its assessment's) above the row with its text: each still goes to
/// its claim (every assessment source was lost, each said to be "a claim with no text"). A row
/// whose claim no record gives is said to be skipped.
#[test]
fn a_claims_table_sorted_by_text_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("claims.csv");
    parallax()
        .args(["export", "-f", "claims-csv", "-o"])
        .arg(&csv)
        .assert()
        .success();
    let mut reader = csv::Reader::from_path(&csv).unwrap();
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (record, text) = (col("record"), col("text"));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let is_claim = |r: &csv::StringRecord| matches!(r.get(record), Some("claim" | ""));
    let mut claim_rows: Vec<&csv::StringRecord> = rows.iter().filter(|r| is_claim(r)).collect();
    assert!(
        claim_rows.iter().any(|r| r.get(text) == Some("")),
        "the table has further rows of claims"
    );
    claim_rows.sort_by_key(|r| r.get(text).unwrap_or_default().to_owned());
    let sorted = dir.path().join("sorted.csv");
    let mut writer = csv::Writer::from_path(&sorted).unwrap();
    writer.write_record(&headers).unwrap();
    for r in rows.iter().filter(|r| !is_claim(r)).chain(claim_rows) {
        writer.write_record(r).unwrap();
    }
    writer.flush().unwrap();
    let back = dir.path().join("back");
    import_csv(&sorted, &back)
        .success()
        .stderr(predicate::str::contains("0 problem(s)"));
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("narratives/india-pakistan-2025");
    let (mut before, mut after) = (claims(&load(&bundled)), claims(&load(&back)));
    before.sort();
    after.sort();
    assert_eq!(before, after);
    let (_dir, said) = import_said(
        "side,topic,id,text,source_url\na,t,a1,One.,\nb,t,b1,Two.,\nb,t,b9,,https://example.org/\n",
    );
    assert!(
        said.contains(
            "line 4: claim `b9` has no text, and no record of its side gives it one; skipped"
        ),
        "{said}"
    );
}

/// A `point` record without a question is kept in the manifest with the neutral question and
/// said at its line: the manifest written would not load (an error about a `dispute.json` line
/// the analyst never wrote, and nothing imported).
#[test]
fn a_point_record_without_a_question_gets_the_neutral_one() {
    let (dir, said) = import_said(
        "record,side,topic,point,question,text\npoint,,t,p1,,\nclaim,a,t,p1,,One.\nclaim,b,t,p1,,Two.\n",
    );
    assert!(
        said.contains(
            "line 2: point `p1` of topic `t` has no question; it is asked “What is at issue here?”"
        ),
        "{said}"
    );
    let d = load(&dir.path().join("out"));
    let question = d
        .manifest_topic("t")
        .and_then(|t| t.points.iter().find(|p| p.id == "p1"))
        .and_then(|p| p.question.clone());
    assert_eq!(question.as_deref(), Some("What is at issue here?"));
}

/// A `dispute` row that only gives a title leaves every topic in the manifest, as `--title`
/// does: it left them all out, so `validate` warned of each one on every side (262 on LIAR).
#[test]
fn a_dispute_row_alone_keeps_every_topic_in_the_manifest() {
    let (dir, said) = import_said(
        "record,side,topic,text,title\ndispute,,,,My title\nclaim,a,t,One.,\nclaim,b,u,Two.,\n",
    );
    assert!(said.contains("0 problem(s)"), "{said}");
    let out = dir.path().join("out");
    let d = load(&out);
    assert_eq!(d.title, "My title");
    for t in ["t", "u"] {
        assert!(d.manifest_topic(t).is_some(), "{t}");
    }
    let report = parallax::load::load_paths(&[out]).report;
    assert!(
        !report
            .diagnostics
            .iter()
            .any(|d| d.code == parallax::load::Code::TopicNotInManifest),
        "{:?}",
        report.diagnostics
    );
}

/// `--topic` titles its topic in its words (`foreign-policy` as "Foreign policy"): every
/// topic was titled "Fact-checks", whatever id was given.
#[test]
fn a_claimreview_topic_is_titled_by_its_id() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reviews.json");
    std::fs::write(
        &file,
        format!(
            r#"[{{"@context": "https://schema.org", "@type": "ClaimReview",
                "claimReviewed": "The gates were shut.",
                "itemReviewed": {{"@type": "Claim", "author": {{"@type": "Organization", "name": "Alpha"}}}},
                "reviewRating": {{"@type": "Rating", "alternateName": "False"}},
                "url": "https://example.org/check/1"}}, {BETA_REVIEW}]"#
        ),
    )
    .unwrap();
    for (topic, title) in [
        (None, "Fact-checks"),
        (Some("foreign-policy"), "Foreign policy"),
    ] {
        let out = dir.path().join(topic.unwrap_or("default"));
        let mut command = parallax();
        command
            .args(["import", "claimreview"])
            .arg(&file)
            .arg("-o")
            .arg(&out);
        if let Some(t) = topic {
            command.args(["--topic", t]);
        }
        command.assert().success();
        let d = load(&out);
        let id = topic.unwrap_or("fact-checks");
        assert_eq!(
            d.manifest_topic(id).map(|t| t.title.as_str()),
            Some(title),
            "{topic:?}"
        );
    }
}

/// Without an `id` column, one sentence said by two speakers is two claims (PolitiFact checks
/// the same words from two people): it became one, the second speaker's verdict dropped. Each
/// speaker's later rows go to their own claim, and the split is said; one speaker written in
/// another case or with other spaces is the same speaker.
#[test]
fn one_text_by_two_speakers_is_two_claims() {
    let (dir, said) = import_said(
        "side,topic,text,speaker,source_url\n\
         a,t,Taxes went up.,Alice,https://e.org/1\n\
         a,t2,Taxes went up.,Bob,https://e.org/2\n\
         b,t,No.,Carol,\n\
         a,t2,Taxes went up.,Bob,https://e.org/3\n\
         a,t,Taxes went up.,ALICE,https://e.org/4\n\
         a,t,Taxes went up.,\"Alice \n\",https://e.org/5\n",
    );
    assert!(
        said.contains(
            "line 3: claim `taxes-went-up-f98854` (line 2) has this text, said by another speaker"
        ),
        "{said}"
    );
    let d = load(&dir.path().join("out"));
    let mut by: Vec<(String, usize)> = d
        .claims()
        .filter(|(_, c)| c.text == "Taxes went up.")
        .map(|(_, c)| {
            (
                c.speaker.as_deref().unwrap_or("").to_owned(),
                c.sources.len(),
            )
        })
        .collect();
    by.sort();
    // Alice however written (case, a line break) is one speaker.
    assert_eq!(by, [("Alice".to_owned(), 3), ("Bob".to_owned(), 2)]);
}

/// A `ratingValue` that is no number (`3/5`) is read as the rating's wording, named and kept in
/// the note: it was said to be "no rating" though the review gives one.
#[test]
fn a_rating_value_that_is_no_number_is_its_wording() {
    let (dir, said) = review_said(&[
        r#"[{"@context": "https://schema.org", "@type": "ClaimReview",
            "claimReviewed": "The gates were shut.",
            "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "Alpha"}},
            "reviewRating": {"@type": "Rating", "ratingValue": "3/5"},
            "url": "https://example.org/check/1"},
           {"@context": "https://schema.org", "@type": "ClaimReview",
            "claimReviewed": "The dam was full.",
            "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "Alpha"}},
            "reviewRating": {"@type": "Rating", "ratingValue": "NaN"},
            "url": "https://example.org/check/3"}]"#,
        BETA_REVIEW,
    ]);
    // `NaN` parses as a number but is none: no verdict is made of it.
    assert!(
        said.contains("the rating “NaN” is not in the table"),
        "{said}"
    );
    assert!(
        said.contains("the rating “3/5” is not in the table"),
        "{said}"
    );
    assert!(!said.contains("gives no rating"), "{said}");
    let d = load(&dir.path().join("out"));
    let (_, c) = d
        .claims()
        .find(|(_, c)| c.text == "The gates were shut.")
        .expect("imported");
    let note = c.assessment.as_ref().and_then(|a| a.note.as_deref());
    assert!(note.is_some_and(|n| n.contains("3/5")), "{note:?}");
}

/// A list of documents with an `@graph` each (several pages' JSON-LD blocks gathered into one
/// file) is read through, each review named by its place in both: it was read as nodes
/// without a type, and nothing was imported.
#[test]
fn a_list_of_graphs_is_read_through() {
    let alpha = r#"{"@context": "https://schema.org", "@type": "ClaimReview",
        "claimReviewed": "The gates were shut.",
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "Alpha"}},
        "reviewRating": {"@type": "Rating", "alternateName": "False"},
        "url": "https://example.org/check/1"}"#;
    let (dir, said) = review_said(&[&format!(
        r#"[{{"@context": "https://schema.org", "@graph": [{alpha}]}},
            {{"@context": "https://schema.org", "@graph": [{{"@type": "WebPage"}}, {BETA_REVIEW}]}}]"#
    )]);
    assert!(said.contains("imported 2 claim(s) of 2 sides"), "{said}");
    assert!(
        said.contains("[1].@graph[0]: a WebPage, not a ClaimReview; skipped"),
        "{said}"
    );
    assert_eq!(load(&dir.path().join("out")).claims().count(), 2);
}

/// A saved fact-check page is read by its JSON-LD blocks (`<script type="application/
/// ld+json">`, any case), every block one document; a page without one, or with a block that
/// is not JSON, says so with the page's line. It was told to use `import csv`.
#[test]
fn a_saved_page_is_read_by_its_json_ld_blocks() {
    let alpha = r#"{"@context": "https://schema.org", "@type": "ClaimReview",
        "claimReviewed": "The gates were shut.",
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "Alpha"}},
        "reviewRating": {"@type": "Rating", "alternateName": "False"},
        "url": "https://example.org/check/1"}"#;
    let page = format!(
        "<!DOCTYPE html>\n<html><head>\n<script type=\"application/ld+json\">\n\
         {{\"@context\": \"https://schema.org\", \"@graph\": [{alpha}]}}\n</script>\n\
         <SCRIPT Type=\"application/ld+json\">{BETA_REVIEW}</SCRIPT>\n\
         <script>var s = 1;</script></head><body>A check.</body></html>\n"
    );
    let (dir, said) = review_said(&[&page]);
    assert!(said.contains("imported 2 claim(s) of 2 sides"), "{said}");
    assert_eq!(load(&dir.path().join("out")).claims().count(), 2);
    let (_, said) = review_said(&["<html><body>No data.</body></html>"]);
    assert!(
        said.contains("an HTML page with no JSON-LD block"),
        "{said}"
    );
    let (_, said) =
        review_said(&["<html>\n<script type=\"application/ld+json\">\n{\"a\": 1,,}\n</script>"]);
    assert!(
        said.contains("review-0.json:3: the JSON-LD block is not JSON: key must be a string"),
        "{said}"
    );
    // A block commented out is no block of the page, however broken it is.
    let commented = page.replace(
        "<script>var s = 1;</script>",
        "<!-- <script type=\"application/ld+json\">{\"claimReviewed\": \"ghost\", </script> -->",
    );
    let (dir, said) = review_said(&[&commented]);
    assert!(said.contains("imported 2 claim(s) of 2 sides"), "{said}");
    assert_eq!(load(&dir.path().join("out")).claims().count(), 2);
}

/// A review's author, or its claim's, given by reference to another node of the graph
/// (`{"@id": …}`, as WordPress writes its graph) is that node: the fact-checker's name and the
/// claimant came back empty, and the referred nodes were reported as skipped.
#[test]
fn a_reference_by_id_is_the_node_it_names() {
    let (dir, said) = review_said(&[r##"{"@context": "https://schema.org", "@graph": [
        {"@type": "Organization", "@id": "https://site.org/#organization", "name": "Site Fact Check"},
        {"@type": "Person", "@id": "#person-b", "name": "Beta Speaker",
         "memberOf": {"@type": "Organization", "name": "Beta"}},
        {"@type": "ClaimReview", "claimReviewed": "The gates were shut.",
         "author": {"@id": "https://site.org/#organization"},
         "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "Alpha"}},
         "reviewRating": {"@type": "Rating", "alternateName": "False"},
         "url": "https://site.org/check/1"},
        {"@type": "ClaimReview", "claimReviewed": "Nothing was shut.",
         "author": {"@id": "https://site.org/#organization"},
         "itemReviewed": {"@type": "Claim", "author": {"@id": "#person-b"}},
         "reviewRating": {"@type": "Rating", "alternateName": "True"},
         "url": "https://site.org/check/2"}]}"##]);
    assert!(said.contains("0 problem(s)"), "{said}");
    let d = load(&dir.path().join("out"));
    let mut seen: Vec<(String, String, String)> = d
        .claims()
        .map(|(at, c)| {
            let party = d.sides[at.side()].party.id.to_string();
            let by = c
                .assessment
                .as_ref()
                .and_then(|a| a.by.clone())
                .unwrap_or_default();
            (party, c.speaker.as_deref().unwrap_or("").to_owned(), by)
        })
        .collect();
    seen.sort();
    assert_eq!(
        seen,
        [
            (
                "alpha".to_owned(),
                "Alpha".to_owned(),
                "Site Fact Check".to_owned()
            ),
            (
                "beta".to_owned(),
                "Beta Speaker".to_owned(),
                "Site Fact Check".to_owned()
            ),
        ]
    );
}

/// A source given only by its url takes the url's host as its outlet: the site the link leads
/// to, lower-cased, without the `user@` before it (`https://www.reuters.com@evil.example/…` leads
/// to evil.example, and was labelled `www.reuters.com@evil.example`), its port or its query; in
/// both imports.
#[test]
fn a_source_with_only_a_url_takes_its_host_as_outlet() {
    let outlets = |d: &Dispute| -> Vec<String> {
        d.sides
            .iter()
            .flat_map(|s| s.sources.iter().map(|s| s.outlet.to_string()))
            .collect()
    };
    let (dir, said) = import_said(
        "side,topic,text,source_url\n\
         A,T,Reuters confirms it,https://www.reuters.com@evil.example/world/story\n\
         B,T,Other,https://Example.COM:8443?utm_source=x\n",
    );
    assert_eq!(
        outlets(&load(&dir.path().join("out"))),
        ["evil.example", "example.com"],
        "{said}"
    );
    let review = |claimant: &str, url: &str| {
        format!(
            r#"{{"@context": "https://schema.org", "@type": "ClaimReview", "url": "https://fc.example/{claimant}",
            "claimReviewed": "claim {claimant}", "author": {{"@type": "Organization", "name": "FC"}},
            "itemReviewed": {{"@type": "Claim", "author": {{"@type": "Person", "name": "{claimant}"}},
            "appearance": ["{url}"]}}, "reviewRating": {{"alternateName": "False"}}}}"#
        )
    };
    let (dir, said) = review_said(&[
        &review("A", "https://www.reuters.com@evil.example/x"),
        &review("B", "https://example.com?utm=1#top"),
    ]);
    let d = load(&dir.path().join("out"));
    let all = outlets(&d);
    assert!(all.contains(&"evil.example".to_owned()), "{all:?} {said}");
    assert!(all.contains(&"example.com".to_owned()), "{all:?} {said}");
    assert!(
        !all.iter().any(|o| o.contains(['@', '?', '#', ':'])),
        "{all:?}"
    );
}

/// PolitiFact's words as it writes them (`Barely True`, its old name for `Mostly False`, and
/// `Pants on Fire`) and as the LIAR data set does (`barely-true`, `pants-fire`) are verdicts,
/// with their note and `by`: a quarter of LIAR's claims lost theirs.
#[test]
fn politifacts_words_are_read_as_verdicts_with_their_note_and_by() {
    let (dir, said) = import_said(
        "side,topic,text,rating,note,by\n\
         Dem,Tax,Claim one,Barely True,Long explanation of the verdict,PolitiFact\n\
         Dem,Tax,Claim two,barely-true,,PolitiFact\n\
         Rep,Tax,Claim three,pants-fire,,PolitiFact\n\
         Rep,Tax,Claim four,Pants on Fire,,PolitiFact\n",
    );
    assert!(said.contains("0 problem(s)"), "{said}");
    let d = load(&dir.path().join("out"));
    let verdicts: Vec<(String, String, String)> = d
        .claims()
        .map(|(_, c)| {
            let a = c.assessment.as_ref().unwrap();
            (
                a.rating.as_str().to_owned(),
                a.note.clone().unwrap_or_default(),
                a.by.clone().unwrap_or_default(),
            )
        })
        .collect();
    let want = [
        (
            "disputed",
            "Rated “Barely True”. Long explanation of the verdict",
        ),
        ("disputed", "Rated “barely-true”."),
        ("refuted", "Rated “pants-fire”."),
        ("refuted", "Rated “Pants on Fire”."),
    ];
    for ((rating, note, by), (want_rating, want_note)) in verdicts.iter().zip(want) {
        assert_eq!(
            (rating.as_str(), note.as_str(), by.as_str()),
            (want_rating, want_note, "PolitiFact")
        );
    }
    assert_eq!(verdicts.len(), 4);
}

/// Two columns naming one: the column's own name (`text`) is read over another name for it
/// (`claim`), wherever it stands, else the first; the report names both as written (it said
/// "the column `text` repeats `text`" and read the `claim` column as the claims' texts).
#[test]
fn a_columns_own_name_wins_over_another_name_for_it() {
    let (dir, said) = import_said(
        "claim,text,side,topic\n\
         C1,The real claim text,a,T\n\
         C2,Another real text,b,T\n",
    );
    assert!(
        said.contains("line 1: the columns `claim` and `text` both name `text`; `text`, the column's own name, is used and `claim` ignored: delete one of them or give it another name"),
        "{said}"
    );
    let d = load(&dir.path().join("out"));
    let texts: Vec<&str> = d.claims().map(|(_, c)| c.text.as_str()).collect();
    assert_eq!(texts, ["The real claim text", "Another real text"]);
    let (dir, said) = import_said(
        "side,topic,Text,text\n\
         a,T,First,Second\n\
         b,T,One,Two\n",
    );
    assert!(
        said.contains("line 1: the columns `Text` and `text` both name `text`; `Text`, the first, is used and `text` ignored"),
        "{said}"
    );
    let d = load(&dir.path().join("out"));
    let texts: Vec<&str> = d.claims().map(|(_, c)| c.text.as_str()).collect();
    assert_eq!(texts, ["First", "One"]);
}

/// A repeat of a claim in another topic names only what differs from the claim (its topic),
/// and says apart that the rest of it, the same speaker and rating, is not used: it said "this
/// record's topic, speaker, rating differ from it".
#[test]
fn a_repeat_in_another_topic_names_only_what_differs() {
    let (_dir, said) = import_said(
        "side,topic,text,speaker,rating,source_outlet
         A,Economy,Same text,Ann,mostly-true,v1
         A,Income,Same text,Ann,mostly-true,v2
         B,X,y,,,
",
    );
    let line = said
        .lines()
        .find(|l| l.contains("line 3: claim `same-text-"))
        .unwrap_or_else(|| panic!("{said}"));
    assert!(
        line.contains("this record's topic differs from it and is not used (only its source is added; its speaker, rating are not used either"),
        "{said}"
    );
}

/// The import's own count of problems is about reading the table; what the files then say on
/// load (a rebuttal of a claim no row holds) is said too, counted by code, with the command
/// that lists it: "0 problem(s)" alone read as a clean bill.
#[test]
fn the_import_says_what_the_files_load_with() {
    let (_dir, said) = import_said(
        "side,topic,text,id,rebuts,source_outlet\n\
         a,t,Alpha says the dam was shut.,a1,b9,Courier\n\
         b,t,Beta says the dam was open.,b1,a1,Courier\n",
    );
    assert!(said.contains("0 problem(s)"), "{said}");
    assert!(
        said.contains(
            "the files load with 1 warning(s) (1 unresolved-rebuttal); `parallax validate"
        ),
        "{said}"
    );
    let (_dir, clean) = import_said(
        "side,topic,text,id,rebuts,source_outlet\n\
         a,t,Alpha says the dam was shut.,a1,b1,Courier\n\
         b,t,Beta says the dam was open.,b1,a1,Courier\n",
    );
    assert!(!clean.contains("load with"), "{clean}");
}

/// Two claimants put on one side by `--side`, the side named by one of them: the other takes
/// that name (its own default, the id in words, was said to conflict at every review, and
/// `--strict` refused the import); two different names for one side are refused at once.
#[test]
fn claimants_mapped_to_one_side_share_the_name_one_of_them_gives() {
    let review = claimant_review;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reviews.json");
    let doc = format!(
        "[{}, {}, {}]",
        review(1, "Jane Mayor"),
        review(2, "Bob Deputy"),
        review(3, "Council")
    );
    std::fs::write(&file, doc).unwrap();
    let import = |out: &str, sides: &[&str]| {
        let mut c = parallax();
        c.args(["import", "claimreview"]).arg(&file).arg("-o");
        c.arg(dir.path().join(out)).arg("--strict");
        for s in sides {
            c.args(["--side", s]);
        }
        c.assert()
    };
    // Either order: the name given by one names the side of both.
    for (out, sides) in [
        (
            "one",
            ["Jane Mayor=mayor:Mayor's office", "Bob Deputy=mayor"],
        ),
        (
            "two",
            ["Bob Deputy=mayor", "Jane Mayor=mayor:Mayor's office"],
        ),
    ] {
        import(out, &sides)
            .success()
            .stderr(predicate::str::contains("side_name").not());
        let d = load(&dir.path().join(out));
        let mayor = d.sides.iter().find(|s| s.party.id == "mayor").unwrap();
        assert_eq!(mayor.party.name, "Mayor's office");
        assert_eq!(mayor.topics[0].claims.len(), 2);
    }
    import(
        "three",
        &["Jane Mayor=mayor:Mayor's office", "Bob Deputy=mayor:Deputy"],
    )
    .code(2)
    .stderr(predicate::str::contains(
        "--side Bob Deputy=mayor:Deputy: the side `mayor` is named `Mayor's office` by --side Jane Mayor=mayor:Mayor's office",
    ));
    assert!(!dir.path().join("three").exists());
    // One claimant put on two sides is refused (the second was dropped unsaid); a name given
    // twice in another case is one name.
    import("six", &["Jane Mayor=mayor", "jane mayor=town"])
        .code(2)
        .stderr(predicate::str::contains(
            "--side jane mayor=town: the claimant is put on the side `mayor` by --side Jane Mayor=mayor already",
        ));
    import(
        "seven",
        &[
            "Jane Mayor=mayor:Mayor's office",
            "Bob Deputy=mayor:mayor's office",
        ],
    )
    .success();
    // A side a claimant's identifier names in the data, with its own name: the name given on
    // the command line wins; without one, the data's stands, and the id in words is no name
    // given to be said not used (both were reported).
    let named = dir.path().join("named.json");
    let with_id = r#"{"@type": "ClaimReview", "url": "https://f.example/0", "claimReviewed": "Claim 0.",
        "reviewRating": {"alternateName": "False"},
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "City of Tembla", "identifier": "mayor"}}}"#;
    std::fs::write(
        &named,
        format!(
            "[{with_id}, {}, {}]",
            review(1, "Jane Mayor"),
            review(3, "Council")
        ),
    )
    .unwrap();
    for (out, side, name) in [
        ("four", "Jane Mayor=mayor:Mayor's office", "Mayor's office"),
        ("five", "Jane Mayor=mayor", "City of Tembla"),
    ] {
        parallax()
            .args(["import", "claimreview"])
            .arg(&named)
            .arg("-o")
            .arg(dir.path().join(out))
            .args(["--strict", "--side", side])
            .assert()
            .success();
        let d = load(&dir.path().join(out));
        let mayor = d.sides.iter().find(|s| s.party.id == "mayor").unwrap();
        assert_eq!(mayor.party.name, name);
    }
}

/// A source found again by its url fills in what its first mention left empty (a title, a
/// date, a kind); it was said to differ and lost. A value that differs from one given is still
/// reported. A kind written as a sheet writes it (`Fact Check`) is read.
#[test]
fn a_source_found_again_fills_in_what_its_first_mention_left_empty() {
    let (dir, said) = import_said(
        "side,topic,text,source_url,source_date,source_title,source_kind\n\
         A,t,c1,https://n.example/x,,,\n\
         A,t,c2,https://n.example/x,2025-02-28,Headline,Fact Check\n\
         A,t,c3,https://n.example/x,2025-03-01,Headline,news\n\
         B,t,c4,https://m.example/y,,,fact_check\n",
    );
    assert!(!said.contains("line 3"), "{said}");
    assert!(
        said.contains("line 4: the source `n-example` was given before (found by its url); the source_date, source_kind given here differ from it and are not used"),
        "{said}"
    );
    assert!(!said.contains("source kind"), "{said}");
    let d = load(&dir.path().join("out"));
    let a = d.sides.iter().find(|s| s.party.id == "a").unwrap();
    assert_eq!(a.sources.len(), 1);
    let s = &a.sources[0];
    assert_eq!(s.title.as_deref(), Some("Headline"));
    assert_eq!(s.date.map(|d| d.to_string()).as_deref(), Some("2025-02-28"));
    assert_eq!(s.kind.map(|k| k.as_str()), Some("fact-check"));
    let b = d.sides.iter().find(|s| s.party.id == "b").unwrap();
    assert_eq!(b.sources[0].kind.map(|k| k.as_str()), Some("fact-check"));
    // A kind a typo from one names it, as `validate` does.
    let (_dir, said) = import_said(
        "side,topic,text,source_url,source_kind,source_reliability\n\
         A,t,c1,https://n.example/x,factcheck,hihg\n\
         B,t,c2,,,\n",
    );
    assert!(
        said.contains("the source kind `factcheck` is not one of official, news, opinion, fact-check, social, academic, other; left out (did you mean `fact-check`?)"),
        "{said}"
    );
    assert!(said.contains("left out (did you mean `high`?)"), "{said}");
}

/// A ClaimReview whose claim appeared at a page (`appearance`, a bare url) that is also its
/// `firstAppearance` with a date: one source, dated (the date was said to differ and lost).
#[test]
fn a_first_appearance_dates_the_appearance_at_its_url() {
    let review = r#"{"@type": "ClaimReview", "url": "https://f.example/1", "claimReviewed": "Crime fell.",
        "reviewRating": {"alternateName": "False"},
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Jane Mayor"},
            "appearance": ["https://news.example/x"],
            "firstAppearance": {"@type": "CreativeWork", "url": "https://news.example/x", "datePublished": "2025-02-28"}}}"#;
    let (dir, said) = review_said(&[review, BETA_REVIEW]);
    assert!(!said.contains("given before"), "{said}");
    let d = load(&dir.path().join("out"));
    let side = d.sides.iter().find(|s| s.party.id == "jane-mayor").unwrap();
    let news: Vec<_> = side
        .sources
        .iter()
        .filter(|s| s.url.as_deref() == Some("https://news.example/x"))
        .collect();
    assert_eq!(news.len(), 1);
    assert_eq!(
        news[0].date.map(|d| d.to_string()).as_deref(),
        Some("2025-02-28")
    );
}

/// Reviews a page holds in an `ItemList` (as `ListItem`s or bare) or as its `mainEntity` are
/// read, each problem named at its place; they were skipped whole as "a ItemList, not a
/// ClaimReview". A page's node holding none is still said, with "an" before a vowel.
#[test]
fn reviews_held_in_an_item_list_or_a_pages_main_entity_are_read() {
    let review = claimant_review;
    let list = format!(
        r#"{{"@context": "https://schema.org", "@type": "ItemList", "itemListElement": [
            {{"@type": "ListItem", "position": 1, "item": {}}},
            {{"@type": "ListItem", "position": 2, "item": {{"@type": "ClaimReview", "url": "https://f.example/9"}}}},
            {{"@type": "ListItem", "position": 3, "item": {{"@type": "Article", "url": "https://f.example/a"}}}},
            {}]}}"#,
        review(1, "Ann"),
        review(2, "Bob")
    );
    let page = format!(
        r#"{{"@type": "WebPage", "mainEntity": [{}, {}]}}"#,
        review(3, "Ann"),
        review(4, "Bob")
    );
    let (dir, said) = review_said(&[
        &list,
        &page,
        r#"{"@type": "ItemList", "itemListElement": []}"#,
    ]);
    assert!(
        said.contains(
            "review-0.json: itemListElement[1].item: a ClaimReview without `claimReviewed`"
        ),
        "{said}"
    );
    assert!(
        said.contains("review-2.json: the document: an ItemList, not a ClaimReview; skipped"),
        "{said}"
    );
    // What else the list holds is said where it stands, not dropped unsaid.
    assert!(
        said.contains(
            "review-0.json: itemListElement[2].item: an Article, not a ClaimReview; skipped"
        ),
        "{said}"
    );
    let d = load(&dir.path().join("out"));
    let mut texts: Vec<&str> = d
        .sides
        .iter()
        .flat_map(|s| &s.topics)
        .flat_map(|t| &t.claims)
        .map(|c| c.text.as_str())
        .collect();
    texts.sort_unstable();
    assert_eq!(texts, ["Claim 1.", "Claim 2.", "Claim 3.", "Claim 4."]);
}

/// A page in an `@graph` whose `mainEntity` names reviews of the graph by `@id` (as WordPress
/// writes a page) stands for them: nothing is said of it, and `--strict` passes (the page was
/// said to be "a WebPage, not a ClaimReview; skipped", and `--strict` wrote nothing).
#[test]
fn a_page_naming_its_reviews_by_id_is_not_said_to_be_skipped() {
    let with_id = |n: u32, who: &str| {
        claimant_review(n, who).replacen('{', &format!("{{\"@id\": \"#r{n}\", "), 1)
    };
    for entity in [
        r##"{"@id": "#r1"}"##,
        r##"[{"@id": "#r1"}, {"@id": "#r2"}]"##,
    ] {
        let graph = format!(
            r#"{{"@context": "https://schema.org", "@graph": [{{"@type": "WebPage", "mainEntity": {entity}}}, {}, {}]}}"#,
            with_id(1, "Ann"),
            with_id(2, "Bob")
        );
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("page.json");
        std::fs::write(&file, graph).unwrap();
        let out = parallax()
            .args(["import", "claimreview", "--strict"])
            .arg(&file)
            .arg("-o")
            .arg(dir.path().join("out"))
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{entity}: {said}");
        assert!(!said.contains("WebPage"), "{said}");
        assert_eq!(load(&dir.path().join("out")).claims().count(), 2);
    }
}

/// A file named twice (by two paths) is read once, and that is said; read twice, each of its
/// claims met itself. A folder whose name is an id once lower-cased (`Liar_2025`) names the
/// dispute so (`liar_2025`; the `_` became `-`).
#[test]
fn a_file_named_twice_is_read_once_and_a_folders_id_keeps_its_underscore() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("ab.csv");
    std::fs::write(&csv, "side,topic,text,tags\na,t,x1,first\nb,t,y1,\n").unwrap();
    let out = dir.path().join("Liar_2025");
    let said = parallax()
        .args(["import", "csv"])
        .arg(&csv)
        .arg(dir.path().join(".").join("ab.csv"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    let said = String::from_utf8_lossy(&said);
    assert!(
        said.contains("ab.csv is given more than once; it is read once"),
        "{said}"
    );
    assert!(said.contains("0 problem(s)"), "{said}");
    let d = load(&out);
    assert_eq!(d.id, "liar_2025");
    assert_eq!(d.claims().count(), 2);
    // A hard link to it is the same file too.
    let hard = dir.path().join("hard.csv");
    std::fs::hard_link(&csv, &hard).unwrap();
    let said = parallax()
        .args(["import", "csv"])
        .arg(&csv)
        .arg(&hard)
        .arg("-o")
        .arg(dir.path().join("again"))
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    let said = String::from_utf8_lossy(&said);
    assert!(said.contains("hard.csv is given more than once"), "{said}");
    assert!(said.contains("0 problem(s)"), "{said}");
}

/// What a source's first mention left empty that a later one gives is filled in too: its
/// affiliation, its reliability's note, and its outlet where the url's host stood for it (all
/// three were dropped unsaid, or said to differ). A url another source has already is not
/// given to a second (the side held two sources of one url); a note with no rating anywhere is
/// said to be left out.
#[test]
fn a_source_found_again_fills_in_its_affiliation_note_and_outlet() {
    let (dir, said) = import_said(
        "side,topic,text,source_id,source_url,source_outlet,source_affiliation,source_reliability,source_reliability_note\n\
         A,t,c1,,https://n.example/1,,,high,\n\
         A,t,c2,,https://n.example/1,Paper,gov,high,because\n\
         A,t,c3,,https://n.example/1,,opposition,,\n\
         A,t,c4,s1,,Mag,,,\n\
         A,t,c5,s1,https://n.example/1,,,,\n\
         A,t,c6,,https://n.example/2,,,,a note alone\n\
         B,t,other,,,,,,\n",
    );
    // A more precise date within the one given says more of it: filled in, not said to
    // differ; a less precise one says less, and nothing.
    let (month, said_dates) = import_said(
        "side,topic,text,source_url,source_date\n\
         A,t,c1,https://n.example/1,2025-01\n\
         A,t,c2,https://n.example/1,2025-01-05\n\
         A,t,c3,https://n.example/1,2025\n\
         A,t,c4,https://n.example/1,2025-02-01\n\
         B,t,other,,\n",
    );
    assert!(
        !said_dates.contains("line 3") && !said_dates.contains("line 4"),
        "{said_dates}"
    );
    assert!(said_dates.contains("line 5: the source"), "{said_dates}");
    let d = load(&month.path().join("out"));
    let a = d.sides.iter().find(|s| s.party.id == "a").unwrap();
    assert_eq!(
        a.sources[0].date.map(|d| d.to_string()).as_deref(),
        Some("2025-01-05")
    );
    assert!(!said.contains("line 3"), "{said}");
    for part in [
        "line 4: the source `n-example` was given before (found by its url); the source_affiliation given here differs",
        "line 6: the source `s1` was given before (found by its id); the source_url given here differs",
        "line 7: a source_reliability_note without a source_reliability is left out",
    ] {
        assert!(said.contains(part), "{said}");
    }
    let d = load(&dir.path().join("out"));
    let a = d.sides.iter().find(|s| s.party.id == "a").unwrap();
    let n = a.sources.iter().find(|s| s.id == "n-example").unwrap();
    assert_eq!(n.outlet, "Paper");
    assert_eq!(n.affiliation.as_deref(), Some("gov"));
    assert_eq!(
        n.reliability.as_ref().and_then(|r| r.note.as_deref()),
        Some("because")
    );
    let urls: Vec<_> = a.sources.iter().filter_map(|s| s.url.as_deref()).collect();
    assert_eq!(urls, ["https://n.example/1", "https://n.example/2"]);
}

/// A review's report names its properties as the review writes them (`datePublished`, the
/// claimant's name), not the claims table's columns (`source_date`, `side_name`), which a
/// ClaimReview file has none of.
#[test]
fn a_reviews_reports_name_its_properties_not_table_columns() {
    let review = |n: u32, name: &str, date: &str| {
        format!(
            r#"{{"@type": "ClaimReview", "url": "https://f.example/{n}", "claimReviewed": "Claim {n}.",
            "reviewRating": {{"alternateName": "False"}},
            "itemReviewed": {{"@type": "Claim", "author": {{"@type": "Organization", "name": "{name}", "identifier": "city"}},
                "appearance": {{"@type": "CreativeWork", "url": "https://news.example/x", "datePublished": "{date}"}}}}}}"#
        )
    };
    let (_dir, said) = review_said(&[
        &review(1, "City of Tembla", "2025-03-01"),
        &review(2, "Tembla Town", "2025-03-02"),
        BETA_REVIEW,
    ]);
    assert!(
        said.contains("its `datePublished` here differs from it and is not used"),
        "{said}"
    );
    assert!(
        said.contains("the claimant's name (`itemReviewed.author`) `Tembla Town` is not used"),
        "{said}"
    );
    assert!(
        !said.contains("source_date") && !said.contains("side_name"),
        "{said}"
    );
}
