//! Export: every format carries every claim, keeps the two sides paired, and stays inert on
//! hostile text; files are written atomically and never clobbered without --force.

mod common;

use assert_cmd::Command;
use parallax::compare::Comparison;
use parallax::export::{self, Export, ExportError, Format, model};
use parallax::format::Dispute;
use parallax::load::{self, Code};
use predicates::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/export")
        .join(name)
}

fn load(name: &str) -> (Dispute, Comparison) {
    let loaded = load::load_paths(&[fixture(name)]);
    assert_eq!(loaded.report.errors(), 0, "{:?}", loaded.report.diagnostics);
    let dispute = loaded.dispute.expect("the fixture loads");
    let cmp = Comparison::new(&dispute, 0, 1);
    (dispute, cmp)
}

fn render(name: &str, format: Format) -> (Dispute, String) {
    let (dispute, cmp) = load(name);
    let bytes = export::render(format, &dispute, &cmp, None, &[]).expect("renders");
    (dispute, String::from_utf8(bytes).expect("UTF-8"))
}

fn parallax() -> Command {
    Command::cargo_bin("parallax").expect("the binary is built")
}

/// `parallax export DIR -f FORMAT` on standard output, which it must succeed in writing.
fn exported(dir: &Path, format: &str) -> String {
    let out = parallax()
        .args(["export", "-f", format, "-o", "-"])
        .arg(dir)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Every claim text of the two compared sides.
fn claim_texts(d: &Dispute) -> Vec<String> {
    d.claims()
        .filter(|(at, _)| at.side() < 2)
        .map(|(_, c)| c.text.clone())
        .collect()
}

// ---------- Markdown ----------

/// The text a Markdown reader sees, `<br>` read as a newline, and every event for inspection.
fn markdown_events(md: &str) -> (String, Vec<Event<'_>>) {
    let events: Vec<Event> = Parser::new_ext(md, Options::ENABLE_TABLES).collect();
    let mut seen = String::new();
    for e in &events {
        match e {
            Event::Text(t) => seen.push_str(t),
            Event::InlineHtml(h) if h.as_ref() == "<br>" => seen.push('\n'),
            Event::End(TagEnd::TableCell | TagEnd::Paragraph | TagEnd::Heading(_)) => {
                seen.push('\u{1}')
            }
            _ => {}
        }
    }
    (seen, events)
}

#[test]
fn markdown_has_a_two_column_table_per_row_holding_every_claim() {
    use parallax::compare::RowKind;
    for name in ["normal", "hostile"] {
        let (dispute, md) = render(name, Format::Markdown);
        let (seen, events) = markdown_events(&md);
        let mut tables = 0;
        let mut cells = 0;
        for e in &events {
            match e {
                Event::Start(Tag::Table(columns)) => {
                    tables += 1;
                    assert_eq!(columns.len(), 2, "{name}: every table has two columns");
                }
                Event::Start(Tag::TableHead | Tag::TableRow) => cells = 0,
                Event::Start(Tag::TableCell) => cells += 1,
                Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                    assert_eq!(cells, 2, "{name}: every table line has two cells")
                }
                _ => {}
            }
        }
        // One table a row, but one for each run of claims without a counterpart.
        let (_, cmp) = load(name);
        let rows: usize = cmp
            .topics
            .iter()
            .map(|t| {
                let kinds: Vec<RowKind> = t.rows.iter().map(|r| r.kind).collect();
                let runs_continued = kinds
                    .windows(2)
                    .filter(|w| w == &[RowKind::Single, RowKind::Single])
                    .count();
                kinds.len() - runs_continued
            })
            .sum();
        assert_eq!(tables, rows, "{name}: one table per comparison row or run");
        for text in claim_texts(&dispute) {
            assert!(seen.contains(&text), "{name}: claim text missing: {text:?}");
        }
    }
}

#[test]
fn markdown_of_hostile_text_makes_no_html_image_or_foreign_link() {
    let (dispute, md) = render("hostile", Format::Markdown);
    let (seen, events) = markdown_events(&md);
    for e in &events {
        match e {
            Event::Html(h) => panic!("raw HTML block: {h:?}"),
            Event::InlineHtml(h) => assert!(
                matches!(h.as_ref(), "<br>" | "<!-- -->"),
                "only <br> and the empty comment before @ are HTML, not {h:?}"
            ),
            Event::Start(Tag::Image { .. }) => panic!("an image was made"),
            Event::Start(Tag::Link { dest_url, .. }) => {
                assert!(
                    dest_url.starts_with("https://example.org/"),
                    "only the source's own http(s) url is linked, not {dest_url:?}"
                );
            }
            Event::Start(Tag::List(_) | Tag::BlockQuote(_) | Tag::CodeBlock(_)) => {
                panic!("text opened a block: {e:?}")
            }
            Event::Code(c) => panic!("text opened a code span: {c:?}"),
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough) => {}
            _ => {}
        }
    }
    // The titles come through whole: the pipe did not split a cell, `#` made no extra heading.
    assert!(seen.contains("# Heading | pipe <img src=x onerror=alert(1)>"));
    assert!(seen.contains(&dispute.title));
    let a2 = "=1+2\nsecond line | with pipe\n- and a list marker";
    assert!(seen.contains(a2), "newlines became <br> inside one cell");
    assert!(
        !md.lines().any(|l| l.starts_with("- ")),
        "no line starts a list"
    );
}

/// GitHub's own renderer, cmark-gfm, through Python's `cmarkgfm` when it is installed
/// (`pip install cmarkgfm`): raw HTML allowed, every GFM extension on. `None` when absent.
fn github_html(md: &str) -> Option<String> {
    use std::io::Write as _;
    let script = "import sys, cmarkgfm\n\
        from cmarkgfm.cmark import Options as O\n\
        sys.stdout.write(cmarkgfm.github_flavored_markdown_to_html(sys.stdin.read(), options=O.CMARK_OPT_UNSAFE))";
    let mut child = std::process::Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(md.as_bytes()).ok()?;
    let out = child.wait_with_output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn github_renders_hostile_markdown_with_no_link_or_html_of_its_own() {
    let (_, md) = render("hostile", Format::Markdown);
    let Some(html) = github_html(&md) else {
        eprintln!("skipped: python3 with cmarkgfm is not installed (pip install cmarkgfm)");
        return;
    };
    let allowed = [
        "h1", "h2", "h3", "p", "br", "em", "strong", "table", "thead", "tbody", "tr", "th", "td",
        "a",
    ];
    let mut links = 0;
    for (i, _) in html.match_indices('<') {
        let rest = &html[i + 1..];
        if rest.starts_with("!-- -->") {
            continue;
        }
        let name: String = rest
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(
            allowed.contains(&name.as_str()),
            "GitHub would render <{name}> from dispute text: {}",
            &html[i..html.len().min(i + 80)]
        );
        if name == "a" && !rest.starts_with('/') {
            links += 1;
            assert!(
                rest.starts_with("a href=\"https://example.org/"),
                "only the source's own url is a link: {}",
                &html[i..html.len().min(i + 80)]
            );
        }
    }
    assert!(links > 0, "the cited http(s) source is still a link");
    let shown = html.replace("<!-- -->", "");
    for address in [
        "press@evil.example",
        "www.evil.example",
        "https://evil.example/x",
    ] {
        assert!(shown.contains(address), "{address} is shown as text");
    }
}

// ---------- CSV ----------

fn csv_records(name: &str) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let (_, text) = render(name, Format::Csv);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("a header").clone();
    let records = reader
        .records()
        .collect::<Result<Vec<_>, _>>()
        .expect("valid CSV");
    (headers, records)
}

fn col(headers: &csv::StringRecord, name: &str) -> usize {
    headers
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

#[test]
fn csv_has_the_documented_columns_and_one_record_per_pairing() {
    let (headers, records) = csv_records("normal");
    assert_eq!(headers.iter().collect::<Vec<_>>(), export::CSV_COLUMNS);
    let (dispute, cmp) = load("normal");
    let expected: usize = cmp
        .topics
        .iter()
        .map(|t| {
            if t.rows.is_empty() {
                1
            } else {
                t.rows.iter().map(|r| r.left.len().max(r.right.len())).sum()
            }
        })
        .sum();
    assert_eq!(records.len(), expected);
    // Two left claims and one right claim on "who-brokered": paired by position.
    let point = col(&headers, "point");
    let brokered: Vec<_> = records
        .iter()
        .filter(|r| &r[point] == "who-brokered")
        .collect();
    assert_eq!(brokered.len(), 2);
    let (lid, rid, pair) = (
        col(&headers, "left_claim_id"),
        col(&headers, "right_claim_id"),
        col(&headers, "pair"),
    );
    assert_eq!(&brokered[0][lid], "n-truce-bilateral");
    assert_eq!(&brokered[0][rid], "s-truce-mediated");
    assert_eq!(&brokered[1][lid], "n-truce-no-mediator");
    assert_eq!(
        &brokered[1][rid], "",
        "blank where the right side has no second claim"
    );
    assert_eq!((&brokered[0][pair], &brokered[1][pair]), ("1", "2"));
    // Sources carry their url; the empty topic still has its record.
    let sources = col(&headers, "left_sources");
    assert!(
        records
            .iter()
            .any(|r| r[sources].contains("World Wire 2025-05-10 <https://news.example.org/truce>"))
    );
    let topic = col(&headers, "topic_id");
    let trade: Vec<_> = records.iter().filter(|r| &r[topic] == "trade").collect();
    assert_eq!(trade.len(), 1);
    assert_eq!(&trade[0][lid], "");
    // Every claim is somewhere.
    let (lc, rc) = (col(&headers, "left_claim"), col(&headers, "right_claim"));
    for text in claim_texts(&dispute) {
        assert!(records.iter().any(|r| r[lc] == text || r[rc] == text));
    }
}

#[test]
fn csv_neutralises_every_formula_cell() {
    let (headers, records) = csv_records("hostile");
    for r in &records {
        for cell in r.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a formula cell got through: {cell:?}"
            );
        }
    }
    let lc = col(&headers, "left_claim");
    let cells: Vec<&str> = records.iter().map(|r| &r[lc]).collect();
    assert!(cells.contains(&"'=1+2\nsecond line | with pipe\n- and a list marker"));
    assert!(cells.iter().any(|c| c.starts_with("'+44 hidden")));
    let speaker = col(&headers, "left_speaker");
    assert!(records.iter().any(|r| &r[speaker] == "'@SUM(1+1)"));
    let note = col(&headers, "left_assessment_note");
    assert!(records.iter().any(|r| &r[note] == "'=cmd|' /C calc'!A0"));
}

// ---------- JSON ----------

fn schema() -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("narratives/export-schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("the schema exists"))
        .expect("the schema is JSON")
}

#[test]
fn json_round_trips_and_matches_its_schema() {
    let validator = jsonschema::validator_for(&schema()).expect("a valid draft 2020-12 schema");
    for name in ["normal", "hostile"] {
        let (dispute, cmp) = load(name);
        let bytes = export::render(Format::Json, &dispute, &cmp, None, &[]).expect("renders");
        let back: Export = serde_json::from_slice(&bytes).expect("parses back");
        assert_eq!(back, model::build(&dispute, &cmp), "{name}: round trip");
        assert_eq!(back.format, "parallax-export/1");
        let value: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
}

#[test]
fn the_schema_rejects_what_an_export_never_holds() {
    let validator = jsonschema::validator_for(&schema()).expect("schema");
    let (_, json) = render("normal", Format::Json);
    let good: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let mut wrong_format = good.clone();
    wrong_format["format"] = "parallax-export/2".into();
    assert!(!validator.is_valid(&wrong_format));
    let mut bad_url = good.clone();
    bad_url["topics"][0]["rows"][0]["left"][0]["assessment"]["sources"][0]["url"] =
        "javascript:alert(1)".into();
    assert!(!validator.is_valid(&bad_url));
    let mut extra = good;
    extra["topics"][0]["rows"][0]["surprise"] = true.into();
    assert!(!validator.is_valid(&extra));
}

// ---------- HTML ----------

/// Every tag of the page: (name, [(attribute, value)]), read with a strict little scanner. As all
/// text is escaped, every `<` outside the style element starts a tag the exporter wrote.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').expect("every tag closes");
        let inside = &rest[..end];
        rest = &rest[end + 1..];
        if inside == "!DOCTYPE html" {
            continue;
        }
        let (name, mut attrs) = inside.split_once(' ').unwrap_or((inside, ""));
        let mut list = Vec::new();
        while !attrs.trim().is_empty() {
            attrs = attrs.trim_start();
            let eq = attrs.find('=').expect("attributes have values");
            let key = attrs[..eq].to_owned();
            assert!(
                attrs[eq + 1..].starts_with('"'),
                "attribute values are quoted"
            );
            let value_end = attrs[eq + 2..].find('"').expect("quote closes");
            list.push((key, attrs[eq + 2..eq + 2 + value_end].to_owned()));
            attrs = &attrs[eq + 2 + value_end + 1..];
        }
        if name == "style" {
            let close = rest.find("</style>").expect("style closes");
            rest = &rest[close..];
        }
        out.push((name.to_owned(), list));
    }
    out
}

#[test]
fn html_of_hostile_text_is_inert() {
    let (dispute, html) = render("hostile", Format::Html);
    const TAGS: &[&str] = &[
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "header",
        "h1",
        "h2",
        "p",
        "ul",
        "li",
        "main",
        "section",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "span",
        "bdi",
        "div",
        "a",
        "br",
        // The timeline's inline SVG.
        "figure",
        "figcaption",
        "svg",
        "rect",
        "line",
        "path",
        "text",
    ];
    const ATTRS: &[&str] = &[
        "lang",
        "charset",
        "http-equiv",
        "content",
        "name",
        "class",
        "id",
        "href",
        "rel",
        "colspan",
        "scope",
        "aria-label",
        "viewBox",
        "role",
        "x",
        "y",
        "width",
        "height",
        "x1",
        "y1",
        "x2",
        "y2",
        "d",
        "text-anchor",
        "dir",
    ];
    for (name, attrs) in tags(&html) {
        let bare = name.trim_start_matches('/');
        assert!(TAGS.contains(&bare), "unexpected tag <{name}>");
        for (key, value) in &attrs {
            assert!(ATTRS.contains(&key.as_str()), "unexpected attribute {key}");
            if key == "href" {
                assert!(value.starts_with("https://") || value.starts_with("http://"));
            }
        }
        if name == "a" {
            assert!(attrs.contains(&("rel".to_owned(), "noopener noreferrer".to_owned())));
        }
    }
    assert_eq!(html.matches("<style>").count(), 1);
    for needle in ["<script", "<iframe", "<img", "url(", "@import"] {
        assert!(!html.contains(needle), "found {needle}");
    }
    // And the analyst still reads every word, unescaped by the browser.
    for text in claim_texts(&dispute) {
        let mut escaped = String::new();
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                escaped.push_str("<br>");
            }
            escaped.push_str(&html_escape::encode_safe(line));
        }
        assert!(html.contains(&escaped), "claim text missing: {text:?}");
    }
}

#[test]
fn hostile_text_is_inert_in_every_format() {
    for format in Format::ALL {
        let (_, out) = render("hostile", format);
        match format {
            Format::Html => assert!(!out.contains("<script")),
            Format::Markdown => {
                // Every `<` is escaped, except the `<br>` the exporter writes itself.
                for (i, _) in out.match_indices('<') {
                    assert!(
                        out[..i].ends_with('\\')
                            || out[i..].starts_with("<br>")
                            || out[i..].starts_with("<!-- -->@")
                    );
                }
                assert!(!out.contains("](javascript"));
            }
            // Data formats carry the text as data: it must be there, quoted by the format.
            Format::Json => assert!(out.contains(r#"\" onmouseover=\"alert(1)"#)),
            Format::Csv => assert!(out.contains(r#""" onmouseover=""alert(1)"#)),
        }
    }
}

#[test]
fn javascript_urls_are_refused_at_load() {
    let loaded = load::load_paths(&[fixture("javascript-url")]);
    assert!(loaded.dispute.is_none());
    assert!(
        loaded
            .report
            .diagnostics
            .iter()
            .any(|d| d.code == Code::BadUrl)
    );
    parallax()
        .args(["export", "--format", "html"])
        .arg(fixture("javascript-url"))
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("bad-url"));
}

#[test]
fn html_renders_in_headless_chromium() {
    let (_, html) = render("normal", Format::Html);
    let Some((_, _, pixels)) = common::chromium_pixels(&html, 1200, 900) else {
        return;
    };
    assert!(
        pixels.iter().any(|p| Some(p) != pixels.first()),
        "the page rendered as one colour"
    );
}

/// Names and titles with line breaks and words too long for the page, as Chromium shows them:
/// the tab's title shows no `<br>` (a name or title is one line), nor do the chart's tooltips
/// glue the words either side of a break, and no heading, legend or caption runs off the page.
#[test]
fn html_keeps_line_breaks_out_of_titles_and_long_words_on_the_page() {
    let long = "x".repeat(400);
    let dir = common::one_claim_sides(
        ("t", &long),
        &[("a", "Party\na"), ("b", &"B".repeat(300))],
        "A claim.",
        serde_json::json!({"date": "2025-05-01"}),
    );
    let manifest = serde_json::json!({"format": "parallax/1",
        "dispute": {"id": "d", "title": "Dispute\ntitle"}, "sides": ["a.json", "b.json"],
        "topics": [{"id": "t", "title": long}]});
    std::fs::write(dir.path().join("dispute.json"), manifest.to_string()).expect("written");
    let html = exported(dir.path(), "html");
    let Some(said) = common::chromium_eval(
        &html,
        800,
        "[document.title, document.documentElement.scrollWidth <= innerWidth, \
         document.querySelector('svg rect title').textContent].join('|')",
    ) else {
        return;
    };
    let parts: Vec<&str> = said.split('|').collect();
    assert_eq!(parts.len(), 3, "{said}");
    assert!(
        parts[0].starts_with("Dispute title — Party a and B"),
        "{said}"
    );
    assert_eq!(parts[1], "true", "the page scrolls sideways: {said}");
    assert!(parts[2].contains("Party a 1"), "{said}");
}

/// On a phone's width the charts keep their dates readable: a chart narrower than it draws
/// scrolls sideways within itself (the page does not), rather than shrinking its text to dots.
#[test]
fn html_charts_stay_readable_on_a_narrow_screen() {
    let out = parallax()
        .args(["export", "-f", "html"])
        .output()
        .expect("runs");
    let html = String::from_utf8(out.stdout).expect("UTF-8");
    // Headless Chromium's window is 500 pixels wide at least: the page is narrowed instead.
    let Some(said) = common::chromium_eval(
        &html,
        800,
        "(document.documentElement.style.width = '360px', \
         [document.querySelector('figure.timeline svg text').getBoundingClientRect().height, \
          document.body.scrollWidth <= 360].join('|'))",
    ) else {
        return;
    };
    let (height, page_fits) = said.split_once('|').expect("two answers");
    let height: f64 = height.parse().expect("a number");
    assert!(height >= 9.0, "the chart's dates are {height} pixels tall");
    assert_eq!(page_fits, "true", "the page scrolls sideways");
}

// ---------- CLI and files ----------

#[test]
fn export_writes_stdout_by_default_and_a_file_with_o() {
    let dir = tempfile::tempdir().expect("dir");
    let out = parallax()
        .arg("export")
        .arg(fixture("normal"))
        .args(["--format", "md"])
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8");
    assert!(stdout.starts_with("# The river dispute of 2025"));
    let target = dir.path().join("river.html");
    parallax()
        .arg("export")
        .arg(fixture("normal"))
        .arg("-o")
        .arg(&target)
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("wrote"));
    let html = std::fs::read_to_string(&target).expect("written");
    assert!(
        html.starts_with("<!DOCTYPE html>"),
        "format from the extension"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path()).expect("ls").collect();
    assert_eq!(names.len(), 1, "no temporary file is left behind");
}

#[test]
fn export_refuses_an_existing_file_without_force_and_replaces_it_with() {
    let dir = tempfile::tempdir().expect("dir");
    let target = dir.path().join("out.csv");
    std::fs::write(&target, "precious").expect("seed");
    parallax()
        .arg("export")
        .arg(fixture("normal"))
        .arg("-o")
        .arg(&target)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("already exists").and(predicate::str::contains("--force")),
        );
    assert_eq!(std::fs::read_to_string(&target).expect("read"), "precious");
    parallax()
        .arg("export")
        .arg(fixture("normal"))
        .arg("-o")
        .arg(&target)
        .arg("--force")
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&target)
            .expect("read")
            .starts_with("topic_id,")
    );
}

#[test]
fn a_failed_export_never_damages_an_existing_file() {
    let dir = tempfile::tempdir().expect("dir");
    let target = dir.path().join("out.md");
    std::fs::write(&target, "precious").expect("seed");
    // An unknown topic (usage error) and an input with errors, both with --force.
    parallax()
        .arg("export")
        .arg(fixture("normal"))
        .args(["--topic", "nope", "--force", "-o"])
        .arg(&target)
        .assert()
        .code(2);
    parallax()
        .arg("export")
        .arg(fixture("javascript-url"))
        .args(["--force", "-o"])
        .arg(&target)
        .assert()
        .code(1);
    assert_eq!(std::fs::read_to_string(&target).expect("read"), "precious");
    let names: Vec<_> = std::fs::read_dir(dir.path()).expect("ls").collect();
    assert_eq!(names.len(), 1, "no temporary file is left behind");
}

#[test]
fn export_to_a_missing_folder_fails_clearly() {
    let dir = tempfile::tempdir().expect("dir");
    let target = dir.path().join("no-such-folder/out.json");
    parallax()
        .arg("export")
        .arg(fixture("normal"))
        .arg("-o")
        .arg(&target)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("no-such-folder")
                .and(predicate::str::contains("does not exist"))
                .and(predicate::str::contains("create it")),
        );
    assert!(!target.exists());
}

#[test]
fn write_file_reports_an_existing_file_so_the_tui_can_ask() {
    let dir = tempfile::tempdir().expect("dir");
    let target = dir.path().join("x.md");
    export::write_file(&target, b"first", false).expect("a new file");
    let again = export::write_file(&target, b"second", false);
    assert!(matches!(again, Err(ExportError::Exists { .. })));
    assert_eq!(std::fs::read(&target).expect("read"), b"first");
    export::write_file(&target, b"second", true).expect("forced");
    assert_eq!(std::fs::read(&target).expect("read"), b"second");
}

#[test]
fn one_topic_is_exported_with_topic_and_an_unknown_one_lists_the_choices() {
    let out = parallax()
        .arg("export")
        .arg(fixture("normal"))
        .args(["--format", "json", "--topic", "dam"])
        .assert()
        .success();
    let doc: Export = serde_json::from_slice(&out.get_output().stdout).expect("JSON");
    assert_eq!(doc.topics.len(), 1);
    assert_eq!(doc.topics[0].id, "dam");
    parallax()
        .arg("export")
        .arg(fixture("normal"))
        .args(["--format", "md", "--topic", "dams"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("choose one of: dam, "))
        .stderr(predicate::str::contains("truce").and(predicate::str::contains("trade")));
}

#[test]
fn export_takes_the_filters_and_query_of_show() {
    let claims_of = |args: &[&str]| -> Vec<String> {
        let out = parallax()
            .arg("export")
            .arg(fixture("normal"))
            .args(["--format", "csv"])
            .args(args)
            .assert()
            .success();
        let mut reader = csv::Reader::from_reader(&out.get_output().stdout[..]);
        let headers = reader.headers().expect("headers").clone();
        let ids: Vec<usize> = ["left_claim_id", "right_claim_id"]
            .iter()
            .map(|name| col(&headers, name))
            .collect();
        let mut found: Vec<String> = reader
            .records()
            .map(|r| r.expect("record"))
            .flat_map(|r| ids.iter().map(|&i| r[i].to_owned()).collect::<Vec<_>>())
            .filter(|id| !id.is_empty())
            .collect();
        found.sort();
        found
    };
    assert_eq!(
        claims_of(&["--rating", "disputed,unverified"]),
        ["n-truce-bilateral", "s-strike-civilians"]
    );
    assert_eq!(
        claims_of(&["--party", "south", "--topic", "truce"]),
        ["s-strike-civilians", "s-truce-mediated"]
    );
    // A search keeps the rows that hold a hit, with their other claims beside it.
    assert_eq!(
        claims_of(&["--query", "'mediated"]),
        [
            "n-truce-bilateral",
            "n-truce-no-mediator",
            "s-truce-mediated"
        ]
    );
    parallax()
        .arg("export")
        .arg(fixture("normal"))
        .args(["--format", "csv", "--since", "2025-13"])
        .assert()
        .code(2);
}

#[test]
fn a_filtered_export_says_what_it_was_narrowed_to() {
    let run = |args: &[&str]| -> String {
        let out = parallax()
            .arg("export")
            .arg(fixture("normal"))
            .args(args)
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone()).expect("utf-8")
    };
    let json = run(&["--format", "json", "--party", "south", "--query", "'truce"]);
    let doc: Export = serde_json::from_str(&json).expect("JSON");
    assert_eq!(
        doc.selection,
        [
            "2 of 8 claims",
            "party: south",
            "search: 'truce (only the rows with a hit)"
        ]
    );
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let validator = jsonschema::validator_for(&schema()).expect("schema");
    assert!(
        validator.is_valid(&value),
        "a selection matches the export schema"
    );
    let md = run(&["--format", "md", "--party", "south"]);
    assert!(
        md.contains("Selection (not the whole comparison): 2 of 8 claims · party\\: south"),
        "{md}"
    );
    let html = run(&["--format", "html", "--rating", "disputed"]);
    assert!(
        html.contains("Selection (not the whole comparison): 1 of 8 claims · rating: disputed")
    );
    let whole = run(&["--format", "json"]);
    let doc: Export = serde_json::from_str(&whole).expect("JSON");
    assert!(
        doc.selection.is_empty(),
        "the whole comparison names no selection"
    );
    assert!(!run(&["--format", "md"]).contains("Selection"));
}

#[test]
fn export_needs_a_format_it_can_tell() {
    parallax()
        .arg("export")
        .arg(fixture("normal"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--format"));
}

#[test]
fn a_file_name_that_says_another_format_is_warned_about() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let md = dir.path().join("report.md");
    parallax()
        .args(["export", "-f", "csv", "-o"])
        .arg(&md)
        .assert()
        .success()
        .stderr(predicate::str::contains("warning: writing csv into"))
        .stderr(predicate::str::contains("rename it to end in .csv"));
    // The format given still wins.
    let mut read = csv::Reader::from_path(&md).expect("a CSV file");
    let headers = read.headers().expect("a header").clone();
    assert!(headers.iter().any(|h| h == "common_ground"), "{headers:?}");
    // Formats that write the kind the name says are not warned about.
    let csv = dir.path().join("claims.csv");
    parallax()
        .args(["export", "-f", "claims-csv", "-o"])
        .arg(&csv)
        .assert()
        .success()
        .stderr(predicate::str::contains("warning").not());
}

#[test]
fn left_and_right_choose_the_sides() {
    let out = parallax()
        .arg("export")
        .arg(fixture("normal"))
        .args(["--format", "json", "--left", "south", "--right", "north"])
        .assert()
        .success();
    let doc: Export = serde_json::from_slice(&out.get_output().stdout).expect("JSON");
    assert_eq!(
        (doc.left.id.as_ref(), doc.right.id.as_ref()),
        ("south", "north")
    );
}

#[test]
fn default_file_names_follow_dispute_topic_and_format() {
    let (dispute, _) = load("normal");
    assert_eq!(
        export::default_file_name(&dispute, None, Format::Markdown),
        "river-dispute.md"
    );
    assert_eq!(
        export::default_file_name(&dispute, Some("truce"), Format::Html),
        "river-dispute-truce.html"
    );
    assert_eq!(
        export::default_file_name(&dispute, Some("../etc"), Format::Csv),
        "river-dispute--etc.csv"
    );
    // Ids of 128 characters each (allowed) still give a name the file system takes.
    let mut long = dispute.clone();
    long.id = "d".repeat(128);
    let name = export::default_file_name(&long, Some(&"t".repeat(128)), Format::Html);
    assert!(name.len() <= 200 && name.ends_with(".html"), "{name}");
    assert!(name.starts_with(&"d".repeat(100)), "{name}");
    let dir = tempfile::tempdir().expect("a temporary folder");
    export::write_file(&dir.path().join(&name), b"x", false).expect("the name is taken");
}

/// An export saved in a folder of side files (no manifest: every `*.json` is read) is not taken
/// for a side the next time the folder is opened; a side file of another format still is, and
/// is reported.
#[test]
fn an_export_saved_beside_the_side_files_is_not_read_as_a_side() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let from = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/match");
    for name in ["alpha.json", "beta.json"] {
        std::fs::copy(from.join(name), dir.path().join(name)).expect("copy");
    }
    for (format, file) in [("json", "comparison.json"), ("claimreview", "reviews.json")] {
        parallax()
            .args(["export", "-f", format, "-o"])
            .arg(dir.path().join(file))
            .arg(dir.path())
            .assert()
            .success();
    }
    // Text that is not JSON under a `.json` name there would be read as a side and stop the
    // folder loading: refused, whatever the format, and nothing is written.
    for format in ["md", "csv", "html", "claims-csv"] {
        parallax()
            .args(["export", "-f", format, "-o"])
            .arg(dir.path().join("notes.json"))
            .arg(dir.path())
            .assert()
            .code(1)
            .stderr(predicate::str::contains(
                "every .json file is read as a side, so the dispute would no longer load",
            ))
            // The refusal alone: no warning about the name first (it only added a message).
            .stderr(predicate::str::contains("whose name says").not());
        assert!(!dir.path().join("notes.json").exists(), "{format}");
    }
    // The names the manifest and the dismissals take are refused as the dispute's own files,
    // which is what they would become, not as sides.
    for name in ["dispute.json", ".parallax-dismissed.json"] {
        parallax()
            .args(["export", "-f", "md", "-o"])
            .arg(dir.path().join(name))
            .arg(dir.path())
            .assert()
            .code(1)
            .stderr(predicate::str::contains(
                "it is one of the dispute's own files",
            ))
            .stderr(predicate::str::contains("whose name says").not());
        assert!(!dir.path().join(name).exists(), "{name}");
    }
    // A name that says another format, where writing is allowed, is still warned about.
    parallax()
        .args(["export", "-f", "md", "-o"])
        .arg(dir.path().join("notes.csv"))
        .arg(dir.path())
        .assert()
        .success()
        .stderr(predicate::str::contains("whose name says csv"));
    std::fs::remove_file(dir.path().join("notes.csv")).expect("removed");
    parallax()
        .arg("validate")
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("2 sides (alpha, beta)"));
    // A file that claims to be something else is not passed over: it is an error to fix.
    std::fs::write(
        dir.path().join("gamma.json"),
        "{\"format\": \"parallax/9\", \"dispute\": \"river-2024\"}\n",
    )
    .unwrap();
    parallax()
        .arg("validate")
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("gamma.json"));
}

#[test]
fn markdown_and_html_mark_the_common_ground_as_show_does() {
    // `show` and the screen put a topic's agreeing rows first, under "Common ground (N)", then
    // "Where they differ"; the two formats made for sharing say so too, before the same rows.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/relations");
    let loaded = load::load_paths(&[path]);
    let dispute = loaded.dispute.expect("the fixture loads");
    let cmp = Comparison::new(&dispute, 0, 1);
    let first = cmp.topics.first().expect("a topic");
    assert!(
        first.rows.first().is_some_and(|r| r.common),
        "the fixture has common ground"
    );
    let question = |i: usize| {
        first
            .rows
            .get(i)
            .and_then(|r| r.question.clone())
            .expect("a question")
    };
    let (agreed, differ) = (question(0), question(1));
    let in_order = |text: &str, what: &str| {
        let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{what} lacks {s:?}"));
        let lanes = [
            at("Common ground (1)"),
            at(&agreed),
            at("Where they differ"),
            at(&differ),
        ];
        assert!(lanes.windows(2).all(|w| w[0] < w[1]), "{what}: {lanes:?}");
    };
    let md = String::from_utf8(
        export::render(Format::Markdown, &dispute, &cmp, None, &[]).expect("renders"),
    )
    .expect("UTF-8");
    // Markdown escapes punctuation: read it without the backslashes.
    in_order(&md.replace('\\', ""), "the Markdown");
    if let Some(html) = github_html(&md) {
        assert!(
            html.contains("<strong>Common ground (1)</strong>"),
            "{html}"
        );
    }
    let html = String::from_utf8(
        export::render(Format::Html, &dispute, &cmp, None, &[]).expect("renders"),
    )
    .expect("UTF-8");
    in_order(&html, "the HTML");
    assert!(
        html.contains("<th class=\"lane\" colspan=\"2\" scope=\"colgroup\">Common ground (1)</th>")
    );
}

#[test]
fn a_claimreview_export_without_assessed_claims_and_a_stray_review_url_are_said() {
    let load = |name: &str| {
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/load")
            .join(name)
    };
    parallax()
        .args(["export", "-f", "claimreview", "-o", "-"])
        .arg(load("good.json"))
        .arg(load("red.json"))
        .assert()
        .success()
        .stdout(predicate::str::contains("\"@graph\": []"))
        .stderr(predicate::str::contains("no claim has an assessment"));
    parallax()
        .args([
            "export",
            "-f",
            "md",
            "--review-url",
            "https://example.org/",
            "-o",
            "-",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "--review-url is for --format claimreview",
        ));
    // Each review's url is the page and `#` its claim's id: a page given with a fragment
    // would make `…#top#a-1`, which is no url.
    parallax()
        .args([
            "export",
            "-f",
            "claimreview",
            "--review-url",
            "https://example.org/reviews?page=2#top",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`#top`: each review's url is the page and `#` its claim's id; give the page without it",
        ));
    // An address of another scheme is told to be http(s) once, not twice over.
    let said = parallax()
        .args([
            "export",
            "-f",
            "claimreview",
            "--review-url",
            "ftp://x.org/p",
        ])
        .output()
        .unwrap();
    assert_eq!(said.status.code(), Some(2));
    let said = String::from_utf8_lossy(&said.stderr);
    assert_eq!(said.matches("http://").count(), 1, "{said}");
    assert!(said.contains("published on"), "{said}");
}

#[test]
fn a_csv_sources_cell_splits_into_exactly_the_sources_cited() {
    // An outlet and a url written to break the list: a `; ` and a `>` in them.
    let dir = tempfile::tempdir().expect("temp dir");
    let side = |party: &str, id: &str| {
        serde_json::json!({"format": "parallax/1", "dispute": "d",
            "party": {"id": party, "name": party},
            "sources": [
                {"id": "s1", "outlet": "Out; Evil 2024 <https://evil.example>",
                 "url": "https://x.org/a>;%20Fake",
                 "reliability": {"rating": "low"}},
                {"id": "s2", "outlet": "Plain", "url": "https://x.org/b"}],
            "topics": [{"id": "t", "title": "T", "claims": [
                {"id": id, "text": "Said.", "sources": ["s1", "s2"]}]}]})
    };
    std::fs::write(dir.path().join("a.json"), side("a", "a-1").to_string()).unwrap();
    std::fs::write(dir.path().join("b.json"), side("b", "b-1").to_string()).unwrap();
    let out = parallax()
        .args(["export", "-f", "csv", "-o", "-"])
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .clone();
    let mut reader = csv::Reader::from_reader(&out.stdout[..]);
    let headers = reader.headers().expect("a header").clone();
    let row = reader.records().next().expect("a row").expect("valid");
    let cell = |name: &str| row.get(col(&headers, name)).unwrap_or_default().to_owned();
    let sources = cell("left_sources");
    let listed: Vec<&str> = sources.split("; ").collect();
    assert_eq!(listed.len(), 2, "{sources}");
    assert_eq!(cell("left_source_reliability").split("; ").count(), 2);
    assert!(
        listed[0].starts_with("Out%3B Evil 2024 %3Chttps://evil.example%3E"),
        "{sources}"
    );
    assert!(
        listed[0].ends_with("<https://x.org/a%3E%3B%20Fake>"),
        "{sources}"
    );
    assert_eq!(listed[1], "Plain <https://x.org/b>");
}

/// The ClaimReview export is meant to sit in a page's `<script type="application/ld+json">`: no
/// claim text may close that tag. `<`, `>` and `&` are `\u` escapes, and the text read back is
/// the text written.
#[test]
fn a_claimreview_export_cannot_close_the_script_tag_it_is_embedded_in() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let dir = common::copy_fixture("export/normal", tmp.path(), "normal");
    let payload = "</script><script>document.title='PWNED'</script><!-- & x";
    let file = dir.join("north.json");
    let text = std::fs::read_to_string(&file).expect("readable");
    let doc: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let first = doc["topics"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|t| t["claims"].as_array().into_iter().flatten())
        .find(|c| c.get("assessment").is_some())
        .and_then(|c| c["text"].as_str())
        .expect("an assessed claim")
        .to_owned();
    let quoted = serde_json::to_string(&first).expect("a JSON string");
    common::rewrite(
        &file,
        &quoted,
        &serde_json::to_string(&payload).expect("a JSON string"),
    );
    let out = parallax()
        .args(["export", "-f", "claimreview", "-o", "-"])
        .arg(&dir)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let written = String::from_utf8(out.stdout.clone()).expect("UTF-8");
    for c in ['<', '>', '&'] {
        assert!(!written.contains(c), "{c:?} is written raw: {written}");
    }
    let back: serde_json::Value = serde_json::from_slice(&out.stdout).expect("still JSON");
    let texts: Vec<&str> = back["@graph"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["claimReviewed"].as_str())
        .collect();
    assert!(texts.contains(&payload), "{texts:?}");
}

/// A Markdown link goes where its source's url goes, as GitHub's renderer reads it: `_` and
/// `*` in an address (`?utm_source=`) are kept, not percent-encoded into another address.
#[test]
fn markdown_links_keep_each_sources_url_as_written() {
    let dispute = load::load_bundled()
        .dispute
        .expect("the bundled dispute loads");
    let out = parallax()
        .args(["export", "-f", "md", "-o", "-"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let md = String::from_utf8(out.stdout).expect("UTF-8");
    let linked: std::collections::HashSet<String> = Parser::new_ext(&md, Options::all())
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.into_string()),
            _ => None,
        })
        .collect();
    // The two sides the export compares (the first two).
    let with_underscore: Vec<&str> = dispute
        .sides
        .iter()
        .take(2)
        .flat_map(|s| &s.sources)
        .filter_map(|s| s.url.as_deref())
        .filter(|u| u.contains('_'))
        .collect();
    assert!(
        !with_underscore.is_empty(),
        "the bundled dispute cites such urls"
    );
    for u in with_underscore {
        assert!(linked.contains(u), "{u} is not linked as written");
    }
}

/// A Markdown link goes to its source's url even when the url holds what reads as an entity:
/// `&#x40;` in an address became `@` and sent GitHub's link to another host, and `&amp;`
/// became `&`.
#[test]
fn markdown_links_do_not_decode_entities_in_a_url() {
    let url = "https://www.reuters.com&#x40;evil.example/world/?q=water&amp;page=2&b=1";
    let dir = common::one_claim_sides(
        ("t", "T"),
        &[("a", "A"), ("b", "B")],
        "A claim.",
        serde_json::json!({}),
    );
    for side in ["a.json", "b.json"] {
        common::rewrite(&dir.path().join(side), "https://example.org/", url);
    }
    let md = exported(dir.path(), "md");
    let linked: Vec<String> = Parser::new_ext(&md, Options::all())
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.into_string()),
            _ => None,
        })
        .collect();
    assert!(!linked.is_empty(), "{md}");
    assert!(linked.iter().all(|l| l == url), "{linked:?}");
    if let Some(html) = github_html(&md) {
        let escaped = url.replace('&', "&amp;");
        assert!(html.contains(&format!("href=\"{escaped}\"")), "{html}");
    }
}

/// A party name or speaker with spaces at its ends is still shown in emphasis, not between
/// literal asterisks (`**a **` is no emphasis to a Markdown reader).
#[test]
fn markdown_emphasis_holds_names_with_spaces_at_their_ends() {
    let dir = common::one_claim_sides(
        ("t", "T"),
        &[("a", "Alpha "), ("b", " Beta\t")],
        "A claim.",
        serde_json::json!({"speaker": "Someone "}),
    );
    let md = exported(dir.path(), "md");
    let (seen, events) = markdown_events(&md);
    assert!(!seen.contains('*'), "{seen:?}");
    let strong = events
        .iter()
        .filter(|e| matches!(e, Event::Start(Tag::Strong)))
        .count();
    let emphasis = events
        .iter()
        .filter(|e| matches!(e, Event::Start(Tag::Emphasis)))
        .count();
    assert!(strong >= 2 && emphasis >= 2, "{md}");
    if let Some(html) = github_html(&md) {
        assert!(html.contains("<strong>Alpha</strong>"), "{html}");
        assert!(html.contains("<em>— Someone</em>"), "{html}");
        assert!(!html.replace("<!-- -->", "").contains('*'), "{html}");
    }
}

/// A writer that keeps what it is given and the largest single piece.
#[derive(Default)]
struct Pieces {
    bytes: Vec<u8>,
    largest: usize,
}

impl std::io::Write for Pieces {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.largest = self.largest.max(buf.len());
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_claim_the_size_of_a_report_is_written_as_it_is_rendered() {
    // A whole report pasted into one claim: its table cell is handed on in pieces, not built
    // whole first (which held the text twice over, and more as the cell grew).
    let report: String = (0..200_000).map(|i| format!("line {i}\n")).collect();
    let (_dir, dispute) = common::dispute_of(&[
        ("a", serde_json::json!({"id": "a1", "text": report})),
        ("b", serde_json::json!({"id": "b1", "text": "short"})),
    ]);
    let cmp = Comparison::new(&dispute, 0, 1);
    for format in [Format::Markdown, Format::Html, Format::Csv, Format::Json] {
        let mut w = Pieces::default();
        export::render_to(format, &dispute, &cmp, None, &[], &mut w).expect("renders");
        let out = String::from_utf8_lossy(&w.bytes);
        assert!(
            out.contains("line 199999"),
            "{format:?}: the whole text is there"
        );
        assert!(
            w.largest <= report.len() / 2,
            "{format:?}: a piece of {} bytes for a text of {}",
            w.largest,
            report.len()
        );
    }
}

/// The ClaimReview document too hands a large claim on in pieces: it held a claim of 64 MB four
/// times over (1.9× the memory of the other formats) before writing it.
#[test]
fn a_claim_the_size_of_a_report_goes_into_claimreview_in_pieces() {
    let report: String = (0..200_000).map(|i| format!("line {i}\n")).collect();
    let (_dir, dispute) = common::dispute_of(&[
        (
            "a",
            serde_json::json!({"id": "a1", "text": report,
                "assessment": {"rating": "disputed", "note": report}}),
        ),
        ("b", serde_json::json!({"id": "b1", "text": "short"})),
    ]);
    let mut w = Pieces::default();
    parallax::import::claimreview::write(&dispute, None, &mut w).expect("written");
    let doc: serde_json::Value = serde_json::from_slice(&w.bytes).expect("JSON");
    assert_eq!(
        doc["@graph"][0]["claimReviewed"].as_str(),
        Some(&report[..])
    );
    assert!(
        w.largest <= report.len() / 2,
        "a piece of {} bytes for a text of {}",
        w.largest,
        report.len()
    );
}

/// `--bom` begins a CSV with the byte order mark Excel needs to read it as UTF-8 (it read
/// `·` as `Â·`), and changes nothing else; import reads such a file back; the other formats
/// refuse it, since a BOM breaks Markdown, HTML and JSON.
#[test]
fn bom_begins_a_csv_for_excel_and_only_a_csv() {
    for format in ["csv", "claims-csv"] {
        let plain = parallax().args(["export", "-f", format]).output().unwrap();
        let marked = parallax()
            .args(["export", "-f", format, "--bom"])
            .output()
            .unwrap();
        assert!(marked.status.success());
        assert_eq!(
            marked.stdout.get(..3),
            Some(&b"\xEF\xBB\xBF"[..]),
            "{format}"
        );
        assert_eq!(marked.stdout.get(3..), Some(&plain.stdout[..]), "{format}");
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("claims.csv");
    parallax()
        .args(["export", "-f", "claims-csv", "--bom", "-o"])
        .arg(&file)
        .assert()
        .success();
    parallax()
        .args(["import", "csv", "--strict", "-o"])
        .arg(dir.path().join("back"))
        .arg(&file)
        .assert()
        .success();
    for format in ["md", "html", "json", "claimreview"] {
        parallax()
            .args(["export", "-f", format, "--bom"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--bom is for the CSV formats"));
    }
}

/// A file where a folder of the path should be is named as one: the export said "the folder
/// notes does not exist; create it first", which cannot be done.
#[test]
fn a_file_in_the_way_of_the_folder_is_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes"), "mine").unwrap();
    for target in ["notes/out.md", "notes/deeper/out.md", "notes/"] {
        parallax()
            .current_dir(dir.path())
            .args(["export", "-f", "md", "-o", target])
            .assert()
            .code(1)
            .stderr(predicate::str::contains(
                "notes is a file, not a folder; choose another path",
            ));
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notes")).unwrap(),
        "mine"
    );
}

/// The HTML page's title names its selection, so a topic's or a filter's page is told apart
/// from the whole's in a browser's tabs and bookmarks (they all had the same title).
#[test]
fn the_html_title_names_the_selection() {
    let title = |args: &[&str]| {
        let out = parallax()
            .args(["export", "-f", "html"])
            .args(args)
            .assert()
            .success();
        let html = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        let start = html.find("<title>").expect("a title") + "<title>".len();
        let end = html[start..].find("</title>").expect("its end") + start;
        html[start..end].to_owned()
    };
    let whole = title(&[]);
    let topic = title(&["--topic", "ceasefire"]);
    let refuted = title(&["--rating", "refuted"]);
    assert!(topic.contains("topic: ceasefire"), "{topic}");
    assert!(refuted.contains("rating: refuted"), "{refuted}");
    assert!(
        !whole.contains("topic:") && !whole.contains("rating:"),
        "{whole}"
    );
    assert!(topic.starts_with("India and Pakistan, April to June 2025 — India and Pakistan"));
}

/// `-o /dev/stdout` writes to standard output, as `-o -` does: into a pipe it said "cannot write
/// /proc/self/fd/pipe:[…]: permission denied", and redirected to a file that exists, that the
/// file (one never named) already existed.
#[test]
fn dev_stdout_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let piped = parallax()
        .args(["export", "-f", "md", "-o", "/dev/stdout"])
        .assert()
        .success();
    let out = String::from_utf8_lossy(&piped.get_output().stdout).into_owned();
    assert!(out.starts_with("# India and Pakistan"), "{out}");
    let file = dir.path().join("out.md");
    std::fs::write(&file, "old").unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["export", "-f", "md", "-o", "/dev/stdout"])
        .stdout(std::fs::File::create(&file).unwrap())
        .status()
        .unwrap();
    assert!(status.success());
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .starts_with("# India and Pakistan")
    );
}

/// A path ending in `/` where no folder is names the folder: the system's "Not a directory (os
/// error 20)" said nothing of why, and no file is made.
#[test]
fn a_folder_path_that_is_not_there_is_named() {
    let dir = tempfile::tempdir().unwrap();
    parallax()
        .current_dir(dir.path())
        .args(["export", "-f", "md", "-o", "notes/"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "a path ending in / names a folder, and there is no folder notes; give a file name",
        ));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// An export that keeps no topic says so where its topics would be, in Markdown and HTML: the
/// file was a bare heading (the "no claim matches" went to the terminal only), and a new
/// dispute's page an empty one.
#[test]
fn an_export_without_a_topic_says_why() {
    let export = |args: &[&str]| {
        let out = Command::cargo_bin("parallax")
            .unwrap()
            .arg("export")
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    for format in ["md", "html"] {
        let none = export(&["-f", format, "--query", "zzzqqq"]);
        assert!(none.contains("No claim matches this selection."), "{none}");
        let all = export(&["-f", format]);
        assert!(!all.contains("No claim matches"));
    }
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("new");
    Command::cargo_bin("parallax")
        .unwrap()
        .arg("new")
        .arg(&folder)
        .args(["--title", "T", "--side", "a:A", "--side", "b:B"])
        .assert()
        .success();
    let folder = folder.to_string_lossy();
    for format in ["md", "html"] {
        let empty = export(&[&folder, "-f", format]);
        assert!(empty.contains("The dispute has no topic yet."), "{empty}");
    }
}

/// `-o "~/x.md"` (quoted, so the shell left the `~`) is not advised to create a folder named
/// `~`, which a later `rm -r ~` would go wrong on: the message says how the shell reads `~`.
#[test]
fn a_quoted_tilde_is_not_a_folder_to_create() {
    let dir = tempfile::tempdir().unwrap();
    Command::cargo_bin("parallax")
        .unwrap()
        .current_dir(dir.path())
        .args(["export", "-f", "md", "-o", "~/report.md"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("the shell reads `~` as your home folder only unquoted")
                .and(predicate::str::contains("create it").not()),
        );
    assert!(!dir.path().join("~").exists());
}

/// A dispute of more than two sides exported as a comparison of two says which parties it
/// leaves out and how many claims they hold, in every format that carries a selection: a
/// reader took India and Pakistan for the whole bundled dispute, its third parties gone.
#[test]
fn an_export_of_two_of_three_parties_names_those_left_out() {
    let bundled = load::load_bundled().dispute.expect("the bundled dispute");
    let third = bundled
        .sides
        .iter()
        .position(|s| s.party.id == "third-parties")
        .expect("a third side");
    let said = format!(
        "parties: India and Pakistan of 3; not compared: Third parties, {} claims",
        bundled.claim_count(third)
    );
    let out = |format: &str| {
        String::from_utf8(
            parallax()
                .args(["export", "-f", format])
                .output()
                .expect("runs")
                .stdout,
        )
        .expect("UTF-8")
    };
    let json: serde_json::Value = serde_json::from_str(&out("json")).expect("JSON");
    assert_eq!(json["selection"], serde_json::json!([said]));
    let md = out("md");
    assert!(
        md.contains(&format!(
            "Selection (not the whole comparison): {}",
            said.replace(':', "\\:")
        )),
        "{md}"
    );
    assert!(out("html").contains(&said));
    // Two parties of two: nothing is left out, and nothing is said.
    let (dispute, cmp) = load("normal");
    let text = String::from_utf8(
        export::render(Format::Json, &dispute, &cmp, None, &[]).expect("renders"),
    )
    .expect("UTF-8");
    assert!(!text.contains("not compared"), "{text}");
}

/// A name written right to left beside a date or a comma is set apart (`<bdi>`), so a browser
/// does not reorder them: `— المتحدث, 2025-05-10` drew as `— 10-05-2025 ,المتحدث`. A claim
/// in Arabic is laid out right to left (`dir="auto"`).
#[test]
fn html_sets_names_from_the_files_apart_from_dates_around_them() {
    let dir = tempfile::tempdir().expect("a temp dir");
    for file in ["dispute.json", "north.json", "south.json"] {
        let text = std::fs::read_to_string(fixture("normal").join(file)).expect("fixture");
        let text = text
            .replace("Foreign Minister of Northland", "المتحدث")
            .replace("\"World Wire\"", "\"الجزيرة\"");
        std::fs::write(dir.path().join(file), text).expect("written");
    }
    let html = String::from_utf8(
        parallax()
            .args(["export", "-f", "html"])
            .arg(dir.path())
            .output()
            .expect("runs")
            .stdout,
    )
    .expect("UTF-8");
    assert!(
        html.contains("<p class=\"speaker\">— <bdi>المتحدث</bdi>, 2025-05-10</p>"),
        "{html}"
    );
    assert!(html.contains("<bdi>الجزيرة</bdi> 20"), "{html}");
    assert!(html.contains("<p class=\"text\" dir=\"auto\">"), "{html}");
}

/// The ids an HTML page links to within itself (`href="#…"`) and the ids it holds.
fn fragments(html: &str) -> (Vec<String>, Vec<String>) {
    let mut links = Vec::new();
    let mut ids = Vec::new();
    for (_, attrs) in tags(html) {
        for (key, value) in attrs {
            match key.as_str() {
                "href" if value.starts_with('#') => links.push(value[1..].to_owned()),
                "id" => ids.push(value),
                _ => {}
            }
        }
    }
    (links, ids)
}

/// A page of many topics opens with a list of them, each a link to its section with each side's
/// claims, as `parallax topics` counts them (137 topics of PolitiFact's statements were 1.6
/// million pixels to scroll with no way about); a relation is a link to the claim it names,
/// when the page holds it, and only then: a filtered page links to nothing it left out.
#[test]
fn html_lists_its_topics_and_links_relations_to_the_claims_on_the_page() {
    let html = |args: &[&str]| {
        let out = parallax()
            .args(["export", "-f", "html"])
            .args(args)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let whole = html(&[]);
    let topics: serde_json::Value = serde_json::from_slice(
        &parallax()
            .args(["topics", "--json"])
            .output()
            .expect("runs")
            .stdout,
    )
    .expect("JSON");
    let start = whole
        .find("<nav class=\"contents\"")
        .expect("a list of topics");
    let nav = &whole[start..start + whole[start..].find("</nav>").expect("its end")];
    let listed: Vec<(String, String)> = nav
        .split("<li><a href=\"#topic-")
        .skip(1)
        .map(|li| {
            let (id, rest) = li.split_once('"').expect("an id");
            let count = rest
                .split_once("</a> <span")
                .and_then(|(_, c)| c.split_once("\">"))
                .and_then(|(_, c)| c.split_once("</span>"))
                .map(|(c, _)| c.to_owned())
                .expect("a count");
            (id.to_owned(), count)
        })
        .collect();
    let expected: Vec<(String, String)> = topics["topics"]
        .as_array()
        .expect("topics")
        .iter()
        .map(|t| {
            (
                t["id"].as_str().expect("an id").to_owned(),
                format!("{} ⟷ {}", t["left_claims"], t["right_claims"]),
            )
        })
        .collect();
    assert_eq!(listed, expected);
    for args in [&[][..], &["--topic", "ceasefire"], &["--query", "drone"]] {
        let page = html(args);
        let (links, ids) = fragments(&page);
        let to_claims = links.iter().filter(|l| l.starts_with("claim-")).count();
        assert!(to_claims > 10, "{args:?}: {to_claims} links to claims");
        for link in &links {
            assert!(ids.contains(link), "{args:?}: #{link} is not on the page");
        }
    }
    // One topic: nothing to list. A relation to a claim of a party not compared stays text.
    assert!(!html(&["--topic", "ceasefire"]).contains("<nav"));
    assert!(whole.contains("<p class=\"relation relation-"));
    let unlinked = whole
        .split("<p class=\"relation relation-")
        .skip(1)
        .filter(|p| {
            !p.split_once("\">")
                .is_some_and(|(_, rest)| rest.starts_with("<a "))
        })
        .count();
    assert!(unlinked > 0, "every relation's claim is on the page");
}

/// A file named as an export into a folder names the claims formats (`…-claims.csv`,
/// `…-claimreview.json`) is written in that format with no `-f` (it was written as the
/// comparison's CSV, which `import csv` then refused); `-f csv` into such a name is warned about.
#[test]
fn a_claims_name_chooses_the_claims_format() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (name, format, first) in [
        ("river-claims.csv", "claims-csv", "record,side"),
        ("claims.csv", "claims-csv", "record,side"),
        ("river-claimreview.json", "claimreview", "{"),
        ("myclaims.csv", "csv", "topic_id,"),
    ] {
        let out = dir.path().join(name);
        parallax()
            .args(["export", "-o"])
            .arg(&out)
            .assert()
            .success()
            .stderr(predicate::str::contains(format!("bytes, {format})")));
        let written = std::fs::read_to_string(&out).expect("written");
        assert!(written.starts_with(first), "{name}: {written:.60}");
    }
    parallax()
        .args(["export", "-f", "csv", "-o"])
        .arg(dir.path().join("other-claims.csv"))
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "whose name says the claims format claims-csv; give -f claims-csv if that was a slip",
        ));
}
