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
