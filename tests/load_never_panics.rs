//! The loader never panics: arbitrary and mutated bytes give either a dispute or diagnostics.

use parallax::load::Loader;
use proptest::prelude::*;

const GOOD: &str = include_str!("fixtures/load/good.json");
const RED: &str = include_str!("fixtures/compare/a.json");

/// Loads `bytes` as a second side beside a good one, and as a manifest, and checks the outcome.
fn load_is_total(bytes: &[u8]) {
    let mut loader = Loader::new();
    loader.side("good.json", GOOD.as_bytes());
    loader.side("fuzz.json", bytes);
    let loaded = loader.finish();
    match loaded.dispute {
        Some(d) => assert_eq!(d.sides.len(), 2),
        None => assert!(loaded.report.errors() > 0, "no dispute and no error"),
    }
    for d in &loaded.report.diagnostics {
        let shown = d.to_string();
        assert!(
            !shown.chars().any(|c| c.is_control()),
            "a diagnostic carries a control character"
        );
    }
    let mut loader = Loader::new();
    let _ = loader.manifest("dispute.json", bytes);
    let _ = loader.finish();
}

/// A byte-level edit: replace, insert or delete at a position.
#[derive(Debug, Clone)]
enum Edit {
    Replace(usize, u8),
    Insert(usize, u8),
    Delete(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Edit::Replace(i, b)),
        (
            any::<usize>(),
            prop::sample::select(b"{}[]\",:0-aZ\\\x1b\xff ".to_vec())
        )
            .prop_map(|(i, b)| Edit::Insert(i, b)),
        any::<usize>().prop_map(Edit::Delete),
    ]
}

fn apply(base: &str, edits: &[Edit]) -> Vec<u8> {
    let mut bytes = base.as_bytes().to_vec();
    for e in edits {
        let n = bytes.len().max(1);
        match *e {
            Edit::Replace(i, b) => {
                if let Some(slot) = bytes.get_mut(i % n) {
                    *slot = b;
                }
            }
            Edit::Insert(i, b) => bytes.insert(i % (bytes.len() + 1), b),
            Edit::Delete(i) => {
                if !bytes.is_empty() {
                    bytes.remove(i % n);
                }
            }
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        load_is_total(&bytes);
    }

    #[test]
    fn mutated_side_files_never_panic(edits in prop::collection::vec(edit(), 1..8), which in any::<bool>()) {
        let base = if which { GOOD } else { RED };
        load_is_total(&apply(base, &edits));
    }

    #[test]
    fn arbitrary_strings_in_text_fields_never_panic(s in any::<String>()) {
        let doc = GOOD.replace("Blue says one.", &s.replace('\\', "\\\\").replace('"', "\\\""));
        load_is_total(doc.as_bytes());
    }
}
