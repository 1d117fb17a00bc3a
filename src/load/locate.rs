//! Finding the line of a JSON pointer in a file's text, for diagnostics.
//!
//! The fast loader parses with serde_json, which keeps no positions. Only when a file has
//! problems is it parsed a second time, by jsonc-parser, whose syntax tree keeps byte ranges.

use jsonc_parser::ast::Value;
use jsonc_parser::{CollectOptions, ParseOptions, parse_to_ast};

/// The lines of pointers in one file's text.
pub(super) struct Locator<'a> {
    root: Option<Value<'a>>,
    line_starts: Vec<usize>,
}

impl<'a> Locator<'a> {
    /// Parses the text once; a text that does not parse locates nothing.
    pub fn new(text: &'a str) -> Self {
        let root = parse_to_ast(text, &CollectOptions::default(), &ParseOptions::default())
            .ok()
            .and_then(|r| r.value);
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Locator { root, line_starts }
    }

    /// The 1-based line where the value at `pointer` starts, or where its deepest existing
    /// parent starts when the value itself is missing.
    pub fn line(&self, pointer: &str) -> Option<usize> {
        let mut node = self.root.as_ref()?;
        let mut offset = value_start(node);
        for token in pointer.split('/').skip(1) {
            let token = token.replace("~1", "/").replace("~0", "~");
            let next = match node {
                Value::Object(obj) => obj.properties.iter().find_map(|prop| {
                    (prop.name.as_str() == token).then_some((&prop.value, prop.range.start))
                }),
                Value::Array(arr) => token
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| arr.elements.get(i))
                    .map(|v| (v, value_start(v))),
                _ => None,
            };
            match next {
                Some((v, start)) => {
                    node = v;
                    offset = start;
                }
                None => break,
            }
        }
        Some(self.line_starts.partition_point(|&s| s <= offset))
    }
}

fn value_start(v: &Value) -> usize {
    match v {
        Value::StringLit(x) => x.range.start,
        Value::NumberLit(x) => x.range.start,
        Value::BooleanLit(x) => x.range.start,
        Value::Object(x) => x.range.start,
        Value::Array(x) => x.range.start,
        Value::NullKeyword(x) => x.range.start,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_lines_of_nested_values_and_missing_ones() {
        let text = "{\n  \"a\": [\n    1,\n    {\"b\": 2}\n  ]\n}\n";
        let l = Locator::new(text);
        assert_eq!(l.line(""), Some(1));
        assert_eq!(l.line("/a"), Some(2));
        assert_eq!(l.line("/a/1/b"), Some(4));
        assert_eq!(l.line("/a/1/missing"), Some(4));
    }
}
