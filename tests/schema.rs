//! narratives/schema.json: every bundled file passes it, and files with known defects fail it, so
//! editors that use the schema catch mistakes as analysts type.

use serde_json::Value;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &std::path::Path) -> Value {
    let text = std::fs::read_to_string(path).expect("readable");
    serde_json::from_str(&text).expect("valid JSON")
}

fn validator() -> jsonschema::Validator {
    let schema = read(&root().join("narratives/schema.json"));
    assert!(
        schema["$schema"]
            .as_str()
            .is_some_and(|s| s.contains("2020-12")),
        "the schema declares draft 2020-12"
    );
    jsonschema::validator_for(&schema).expect("the schema compiles")
}

#[test]
fn every_bundled_file_passes_the_schema() {
    let v = validator();
    let folder = root().join("narratives/india-pakistan-2025");
    let mut files = 0;
    for entry in std::fs::read_dir(&folder).expect("folder") {
        let path = entry.expect("entry").path();
        let doc = read(&path);
        let errors: Vec<String> = v.iter_errors(&doc).map(|e| e.to_string()).take(5).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        files += 1;
    }
    assert_eq!(files, 4, "the manifest and three sides");
}

#[test]
fn the_loaders_good_fixtures_pass_the_schema() {
    let v = validator();
    for name in [
        "load/good.json",
        "load/red.json",
        "compare/dispute.json",
        "compare/a.json",
        "reliability/north.json",
        "reliability/south.json",
        "relations/dispute.json",
        "relations/east.json",
        "relations/west.json",
    ] {
        let doc = read(&root().join("tests/fixtures").join(name));
        assert!(v.is_valid(&doc), "{name} should pass");
    }
}

#[test]
fn files_with_defects_fail_the_schema() {
    let v = validator();
    let folder = root().join("tests/fixtures/schema-bad");
    let mut checked = 0;
    for entry in std::fs::read_dir(&folder).expect("folder") {
        let path = entry.expect("entry").path();
        assert!(
            !v.is_valid(&read(&path)),
            "{} should fail the schema",
            path.display()
        );
        checked += 1;
    }
    assert!(checked >= 10, "one fixture per defect ({checked})");
    // The loader's error fixtures that a schema can express fail it too.
    for name in [
        "wrong-format",
        "missing-field",
        "wrong-type",
        "bad-id",
        "bad-url",
        "empty-text",
        "bad-value",
        "bad-reliability",
    ] {
        let doc = read(&root().join(format!("tests/fixtures/load/{name}.json")));
        assert!(!v.is_valid(&doc), "load/{name}.json should fail the schema");
    }
}

/// The schema and the loader agree where they once did not: a null optional field is read as
/// absent by both (the schema refused it, `validate` said ok), and a url holding a space is
/// refused by both (the schema passed it, `validate` said bad-url).
#[test]
fn the_schema_and_the_loader_agree_on_nulls_and_urls() {
    let v = validator();
    let side = |speaker: Value, url: &str| {
        serde_json::json!({
            "format": "parallax/1", "dispute": "demo",
            "party": {"id": "red", "name": "Red", "summary": null},
            "sources": [{"id": "s1", "outlet": "Daily", "url": url, "date": null}],
            "topics": [{"id": "t1", "title": "View", "claims": [
                {"id": "r9", "text": "Red says.", "sources": ["s1"], "speaker": speaker,
                 "tags": null, "assessment": null}
            ]}]
        })
    };
    let loads = |doc: &Value| {
        let good = std::fs::read(root().join("tests/fixtures/load/good.json")).expect("fixture");
        let text = doc.to_string();
        let mut loader = parallax::load::Loader::new();
        loader.side("good.json", &good);
        loader.side("red.json", text.as_bytes());
        loader.finish().report.errors() == 0
    };
    let nulls = side(Value::Null, "https://example.org/a");
    assert!(
        v.is_valid(&nulls),
        "{:?}",
        v.iter_errors(&nulls)
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
    );
    assert!(loads(&nulls));
    for url in [
        "https://example.org/a b",
        "https://example.org/\u{7}",
        "https://",
    ] {
        let spaced = side(serde_json::json!("Red's envoy"), url);
        assert!(!v.is_valid(&spaced), "{url:?} should fail the schema");
        assert!(!loads(&spaced), "{url:?} should fail the load");
    }
    // A required field is never null.
    let mut no_text = side(Value::Null, "https://example.org/a");
    no_text["topics"][0]["claims"][0]["text"] = Value::Null;
    assert!(!v.is_valid(&no_text));
    assert!(!loads(&no_text));
    // An assessment needs its rating: absent or null, both refuse it (the schema passed it).
    for assessment in [
        serde_json::json!({"note": "Checked."}),
        serde_json::json!({"rating": null}),
    ] {
        let mut unrated = side(Value::Null, "https://example.org/a");
        unrated["topics"][0]["claims"][0]["assessment"] = assessment.clone();
        assert!(!v.is_valid(&unrated), "{assessment} should fail the schema");
        assert!(!loads(&unrated), "{assessment} should fail the load");
    }
}

/// A manifest's side outside its folder (`../x.json`, `/x.json`) fails the schema as it fails
/// `validate` (outside-folder); one in a folder of it passes both.
#[test]
fn the_schema_refuses_a_side_outside_the_folder() {
    let v = validator();
    let manifest = |side: &str| {
        let mut doc = read(&root().join("tests/fixtures/relations/dispute.json"));
        doc["sides"] = serde_json::json!([side, "west.json"]);
        doc
    };
    for outside in ["../east.json", "/tmp/east.json", "a/../../east.json", ".."] {
        assert!(!v.is_valid(&manifest(outside)), "{outside} should fail");
        assert!(!parallax::load::inside_folder(outside), "{outside}");
    }
    for inside in ["east.json", "./east.json", "sides/east.json", "east..json"] {
        assert!(v.is_valid(&manifest(inside)), "{inside} should pass");
        assert!(parallax::load::inside_folder(inside), "{inside}");
    }
}
