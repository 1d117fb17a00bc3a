//! Finding the line and column of a JSON pointer in a file's text, for diagnostics.
//!
//! The fast loader parses with serde_json, which keeps no positions. Only when a file has
//! problems is it parsed a second time, by jsonc-parser, whose syntax tree keeps byte ranges.

use foldhash::{HashMap, HashMapExt, HashSet};
use jsonc_parser::ast::Value;
use jsonc_parser::{CollectOptions, ParseOptions, parse_to_ast};
use std::borrow::Cow;

/// The places of pointers in one file's text.
pub(super) struct Locator<'a> {
    text: &'a str,
    root: Option<Value<'a>>,
    line_starts: Vec<usize>,
    /// The characters before each block of [`BLOCK`] bytes: a column in a long line (minified
    /// JSON) is counted from the nearest block, not from the line's start, so many problems on
    /// one line are placed in linear time.
    chars_before: Vec<usize>,
}

/// See [`Locator::chars_before`].
const BLOCK: usize = 4096;

/// The characters of UTF-8 `bytes`: those not continuing one.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
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
        let chars_before = std::iter::once(0)
            .chain(text.as_bytes().chunks(BLOCK).scan(0, |before, block| {
                *before += chars_in(block);
                Some(*before)
            }))
            .collect();
        Locator {
            text,
            root,
            line_starts,
            chars_before,
        }
    }

    /// The characters of the text before byte `offset`.
    fn chars_to(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        let block = offset / BLOCK;
        let before = self.chars_before.get(block).copied().unwrap_or(0);
        let rest = self.text.as_bytes().get(block * BLOCK..offset);
        before + rest.map_or(0, chars_in)
    }

    fn line_at(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset)
    }

    /// The 1-based line and column (in characters, as an editor counts them) of a byte offset:
    /// in a file of one line (minified JSON), the line alone finds nothing.
    pub fn place(&self, offset: usize) -> (usize, usize) {
        let line = self.line_at(offset);
        let start = line
            .checked_sub(1)
            .and_then(|i| self.line_starts.get(i))
            .copied()
            .unwrap_or(0);
        let column = self.chars_to(offset).saturating_sub(self.chars_to(start)) + 1;
        (line, column)
    }

    /// The lines of many pointers, in one walk that visits only the values on the way to them
    /// and each object's members once (so many problems in one large object stay linear).
    pub fn lines<'p>(&self, pointers: impl IntoIterator<Item = &'p str>) -> Lines {
        let mut wanted: HashMap<&'p str, HashSet<&'p str>> = HashMap::new();
        for pointer in pointers {
            let slashes: Vec<usize> = pointer.match_indices('/').map(|(i, _)| i).collect();
            let ends = slashes.iter().skip(1).copied().chain([pointer.len()]);
            for (&start, end) in slashes.iter().zip(ends) {
                if let (Some(parent), Some(token)) =
                    (pointer.get(..start), pointer.get(start + 1..end))
                {
                    wanted.entry(parent).or_default().insert(token);
                }
            }
        }
        let mut found = Lines::default();
        if let Some(root) = &self.root {
            found.at.insert(String::new(), vec![value_start(root)]);
            self.walk(root, String::new(), &wanted, &mut found);
        }
        found
    }

    fn walk(
        &self,
        node: &Value,
        at: String,
        wanted: &HashMap<&str, HashSet<&str>>,
        found: &mut Lines,
    ) {
        let Some(tokens) = wanted.get(at.as_str()) else {
            return;
        };
        let mut next = Vec::new();
        match node {
            Value::Object(obj) => {
                for prop in &obj.properties {
                    let name = prop.name.as_str();
                    let token = escape(name);
                    if tokens.contains(token.as_ref()) {
                        let child = format!("{at}/{token}");
                        let places = found.at.entry(child.clone()).or_default();
                        places.push(prop.range.start);
                        if places.len() == 1 {
                            next.push((&prop.value, child));
                        }
                    }
                }
            }
            Value::Array(arr) => {
                for token in tokens {
                    if let Some(v) = token
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| arr.elements.get(i))
                    {
                        let child = format!("{at}/{token}");
                        found.at.insert(child.clone(), vec![value_start(v)]);
                        next.push((v, child));
                    }
                }
            }
            _ => {}
        }
        for (v, child) in next {
            self.walk(v, child, wanted, found);
        }
    }
}

/// The column, counted in characters from 1, of the place serde_json reports at `line` (from
/// one) and `byte_column` (bytes from the line's start, 0 at its very start): a message points
/// where an editor's cursor would.
pub fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(row) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column.max(1);
    };
    // serde_json's column is of the byte it stopped at: the characters before that byte, and
    // one for the character it begins or sits in (a curly quote is three bytes: counting up to
    // its last one put the column one before it).
    let end = crate::text::floor_boundary(row, byte_column.saturating_sub(1));
    row.get(..end)
        .map_or(byte_column, |s| s.chars().count() + 1)
        .max(1)
}

/// The 1-based line where the value at a JSON `pointer` starts in `text` (for example
/// `/topics/2/claims/0`, to open an editor at a claim), or `None` when the text does not parse
/// or holds no such value.
pub fn line_of(text: &str, pointer: &str) -> Option<usize> {
    place_of(text, pointer).map(|(line, _)| line)
}

/// The 1-based line and column (in characters) where the value at a JSON `pointer` starts in
/// `text`, or `None` when the text does not parse or holds no such value.
pub fn place_of(text: &str, pointer: &str) -> Option<(usize, usize)> {
    // A byte-order mark (Notepad saves one) is no part of the JSON, and no column an editor counts.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let locator = Locator::new(text);
    let at = *locator.lines([pointer]).all(pointer).first()?;
    Some(locator.place(at))
}

/// The places found for pointers, as byte offsets ([`Locator::place`] gives their lines).
#[derive(Default)]
pub(super) struct Lines {
    /// Each pointer found, with the offset of every member that has its key (more than one
    /// when the key is repeated), first to last.
    at: HashMap<String, Vec<usize>>,
}

impl Lines {
    /// The offset where the value at `pointer` starts, or where its deepest existing parent
    /// starts when the value itself is missing.
    pub fn line(&self, pointer: &str) -> Option<usize> {
        let mut p = pointer;
        loop {
            if let Some(first) = self.at.get(p).and_then(|l| l.first()) {
                return Some(*first);
            }
            p = p.get(..p.rfind('/')?)?;
        }
    }

    /// The offsets of every member with the key `pointer` ends in, first to last.
    pub fn all(&self, pointer: &str) -> &[usize] {
        self.at.get(pointer).map_or(&[], Vec::as_slice)
    }
}

/// A key as a pointer token (RFC 6901).
fn escape(key: &str) -> Cow<'_, str> {
    if key.contains(['~', '/']) {
        Cow::Owned(key.replace('~', "~0").replace('/', "~1"))
    } else {
        Cow::Borrowed(key)
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
    fn columns_count_characters_not_bytes() {
        let text = "{\n  \"name\": \"Ünïcødé\"  \"x\": 1}\n";
        let e = serde_json::from_str::<serde_json::Value>(text).expect_err("not JSON");
        // serde_json counts the bytes of the four two-byte letters.
        assert_eq!((e.line(), e.column()), (2, 26));
        assert_eq!(char_column(text, e.line(), e.column()), 22);
        assert_eq!(&text.lines().nth(1).unwrap().chars().nth(21), &Some('"'));
        assert_eq!(char_column(text, 3, 0), 1);
        assert_eq!(char_column(text, 9, 5), 5);
        // The bad character itself of more than one byte: a curly quote where a value goes,
        // an em dash after one.
        for (text, at) in [
            ("{\"id\": “a”}", 8),
            ("{\"id\": 5 — 6}", 10),
            ("[\"é\" x]", 6),
        ] {
            let e = serde_json::from_str::<serde_json::Value>(text).expect_err("not JSON");
            let column = char_column(text, e.line(), e.column());
            assert_eq!(column, at, "{text}: serde said {}", e.column());
        }
    }

    #[test]
    fn finds_lines_of_nested_values_and_missing_ones() {
        let text = "{\n  \"a\": [\n    1,\n    {\"b\": 2}\n  ],\n  \"a\": 3\n}\n";
        let pointers = ["", "/a", "/a/1/b", "/a/1/missing", "/x/y"];
        let locator = Locator::new(text);
        let l = locator.lines(pointers);
        let line = |p: &str| l.line(p).map(|at| locator.place(at).0);
        assert_eq!(line(""), Some(1));
        assert_eq!(line("/a"), Some(2));
        assert_eq!(line("/a/1/b"), Some(4));
        assert_eq!(line("/a/1/missing"), Some(4));
        assert_eq!(line("/x/y"), Some(1));
        let all: Vec<usize> = l.all("/a").iter().map(|&at| locator.place(at).0).collect();
        assert_eq!(all, [2, 6]);
    }

    #[test]
    fn a_place_in_a_file_of_one_line_has_its_column() {
        // Minified: everything on line 1, so only the column finds the value.
        let text = r#"{"sources":[{"id":"s","date":"2025-02-30"}],"ü":{"b":1}}"#;
        let locator = Locator::new(text);
        let l = locator.lines(["/sources/0/date", "/ü/b"]);
        let place = |p: &str| l.line(p).map(|at| locator.place(at));
        assert_eq!(place("/sources/0/date"), Some((1, 23)));
        assert_eq!(&text[22..28], "\"date\"");
        // Counted in characters: `ü` is two bytes, one column.
        assert_eq!(place("/ü/b"), Some((1, 50)));
    }

    /// Columns counted from the nearest block agree with counting from the line's start, in
    /// lines that cross blocks and hold letters of two and three bytes.
    #[test]
    fn columns_in_long_lines_count_characters_across_blocks() {
        let line = "é€a".repeat(3 * BLOCK / 5);
        let text = format!("{{\n{line}\n{line}}}");
        let locator = Locator::new(&text);
        for (offset, _) in text.char_indices().step_by(97) {
            let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let expected = text[start..offset].chars().count() + 1;
            assert_eq!(locator.place(offset).1, expected, "at byte {offset}");
        }
    }
}
