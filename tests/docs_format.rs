//! docs/format.md, the analysts' reference: its annotated examples, comments taken out, are
//! files that pass the schema and load without an error, so the reference cannot drift.

use serde_json::Value;
use std::path::Path;

/// Drops `//` comments outside strings (the reference's notes), keeping everything else.
fn strip_comments(jsonc: &str) -> String {
    let mut out = String::new();
    for line in jsonc.lines() {
        let (mut in_string, mut escaped) = (false, false);
        let mut cut = line.len();
        let bytes = line.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            match b {
                _ if escaped => escaped = false,
                b'\\' if in_string => escaped = true,
                b'"' => in_string = !in_string,
                b'/' if !in_string && bytes.get(i + 1) == Some(&b'/') => {
                    cut = i;
                    break;
                }
                _ => {}
            }
        }
        out.push_str(&line[..cut]);
        out.push('\n');
    }
    out
}

#[test]
fn the_annotated_examples_are_valid_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("docs/format.md")).unwrap();
    let blocks: Vec<Value> = doc
        .split("```jsonc\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap())
        .map(|b| serde_json::from_str(&strip_comments(b)).expect("an example is JSON"))
        .collect();
    assert_eq!(blocks.len(), 2, "a side file and a manifest");
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("narratives/schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for b in &blocks {
        let errors: Vec<String> = validator.iter_errors(b).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
    let beta = serde_json::json!({
        "format": "parallax/1", "dispute": "river-2024", "party": {"id": "beta", "name": "Beta"},
        "sources": [{"id": "s", "outlet": "Beta Times"}],
        "topics": [{"id": "water", "title": "Alpha's false alarm", "claims": [
            {"id": "beta-routine-release", "text": "The release was routine.", "sources": ["s"]},
            {"id": "beta-maintenance", "text": "The gates were under maintenance.", "sources": ["s"]}
        ]}]
    });
    let files = [
        ("dispute.json", blocks[1].to_string()),
        ("alpha.json", blocks[0].to_string()),
        ("beta.json", beta.to_string()),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in &files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let loaded = parallax::load::load_paths(&[dir.path().to_path_buf()]);
    let problems: Vec<String> = loaded
        .report
        .diagnostics
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert!(problems.is_empty(), "{problems:?}");
}
