//! Minimal edits to a JSON text: add or set one property of an object, add one element to an array,
//! remove one, or move one element to another array, touching nothing else. Positions come from jsonc-parser's syntax tree (byte ranges); the new
//! text copies the indentation of its neighbours, so the file keeps its own style.

use jsonc_parser::ast::{Array, Object, Value};
use jsonc_parser::{CollectOptions, ParseOptions, parse_to_ast};

/// One step of a path into a JSON value.
#[derive(Debug, Clone, Copy)]
pub enum Step<'a> {
    /// A property of an object.
    Key(&'a str),
    /// An element of an array.
    Index(usize),
}

/// Why an edit could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JsonEditError {
    /// The text does not parse.
    #[error("the file is not valid JSON")]
    Syntax,
    /// The path leads nowhere, or to the wrong kind of value.
    #[error("the file has no {0}")]
    Missing(String),
}

/// A UTF-8 byte order mark, which the loader skips (Windows Notepad writes one).
const BOM: &str = "\u{feff}";

/// Edits the text after a byte order mark, and keeps the mark: an edit changes nothing else.
fn keeping_bom(
    text: &str,
    edit: impl FnOnce(&str) -> Result<String, JsonEditError>,
) -> Result<String, JsonEditError> {
    match text.strip_prefix(BOM) {
        Some(rest) => edit(rest).map(|t| format!("{BOM}{t}")),
        None => edit(text),
    }
}

fn parse(text: &str) -> Result<Value<'_>, JsonEditError> {
    parse_to_ast(text, &CollectOptions::default(), &ParseOptions::default())
        .ok()
        .and_then(|r| r.value)
        .ok_or(JsonEditError::Syntax)
}

fn describe(path: &[Step]) -> String {
    let mut s = String::new();
    for step in path {
        match step {
            Step::Key(k) => {
                s.push('/');
                s.push_str(k);
            }
            Step::Index(i) => {
                s.push('/');
                s.push_str(&i.to_string());
            }
        }
    }
    if s.is_empty() { "/".to_owned() } else { s }
}

fn walk<'v, 'a>(root: &'v Value<'a>, path: &[Step]) -> Result<&'v Value<'a>, JsonEditError> {
    let mut node = root;
    for step in path {
        node = match (node, step) {
            (Value::Object(o), Step::Key(k)) => o.get(k).map(|p| &p.value),
            (Value::Array(a), Step::Index(i)) => a.elements.get(*i),
            _ => None,
        }
        .ok_or_else(|| JsonEditError::Missing(describe(path)))?;
    }
    Ok(node)
}

fn range(v: &Value) -> (usize, usize) {
    let r = match v {
        Value::StringLit(x) => x.range,
        Value::NumberLit(x) => x.range,
        Value::BooleanLit(x) => x.range,
        Value::Object(x) => x.range,
        Value::Array(x) => x.range,
        Value::NullKeyword(x) => x.range,
    };
    (r.start, r.end)
}

/// The whitespace from the start of the line holding `at` up to `at`.
fn indent_at(text: &str, at: usize) -> &str {
    let start = text
        .get(..at)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let line = text.get(start..at).unwrap_or("");
    let n = line.len() - line.trim_start().len();
    line.get(..n).unwrap_or("")
}

/// The file's indentation unit: the indent of the root object's first property, else 2 spaces.
fn unit(text: &str, root: &Value) -> String {
    if let Value::Object(o) = root
        && let Some(p) = o.properties.first()
    {
        let i = indent_at(text, p.range.start);
        if !i.is_empty()
            && text
                .get(o.range.start..p.range.start)
                .is_some_and(|s| s.contains('\n'))
        {
            return i.to_owned();
        }
    }
    "  ".to_owned()
}

/// A value on one line, as `serde_json` writes it (the keys of a typed value in its fields'
/// order, as the format shows them).
fn compact(value: &(impl serde::Serialize + ?Sized)) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// How the file spaces a value on one line: `{"id": "a", "q": "b"}` or minified
/// `{"id":"a","q":"b"}`, read from a neighbour's text so a new value looks like it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Spacing {
    /// A space after each `:`.
    colon: bool,
    /// A space after each `,`.
    comma: bool,
}

impl Spacing {
    /// The spacing of `neighbour`, the text of a value beside where the new one goes. A space
    /// is read after a key's `":` and after a `,` that ends a value; with no `,` in it, the
    /// commas follow the colons.
    fn of(neighbour: &str) -> Spacing {
        let colon = !neighbour.contains("\":") || neighbour.contains("\": ");
        // A `,` after the end of a value (a quote, bracket, digit, or true/false/null's last
        // letter), and whether a space follows it.
        let bytes = neighbour.as_bytes();
        let mut commas = bytes.windows(3).filter(|w| {
            w[1] == b','
                && (matches!(w[0], b'"' | b']' | b'}' | b'e' | b'l') || w[0].is_ascii_digit())
        });
        let comma = match commas.next() {
            Some(w) => w[2] == b' ',
            None => colon,
        };
        Spacing { colon, comma }
    }

    /// What goes between two values: `, ` or `,`.
    fn comma(self) -> &'static str {
        if self.comma { ", " } else { "," }
    }

    /// What goes between a key and its value: `: ` or `:`.
    fn colon(self) -> &'static str {
        if self.colon { ": " } else { ":" }
    }
}

/// A value on one line, spaced as `spacing` says.
fn one_line(value: &(impl serde::Serialize + ?Sized), spacing: Spacing) -> String {
    let mut buf = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, Spaced(spacing));
    if serde::Serialize::serialize(value, &mut ser).is_err() {
        return compact(value);
    }
    String::from_utf8(buf).unwrap_or_else(|_| compact(value))
}

/// `serde_json`'s compact output, with the spaces of a [`Spacing`].
struct Spaced(Spacing);

impl serde_json::ser::Formatter for Spaced {
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if first {
            Ok(())
        } else {
            writer.write_all(self.0.comma().as_bytes())
        }
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.begin_array_value(writer, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
    ) -> std::io::Result<()> {
        writer.write_all(self.0.colon().as_bytes())
    }
}

/// Renders a value pretty-printed with `unit`, every line after the first indented by `base`.
fn render(value: &(impl serde::Serialize + ?Sized), unit: &str, base: &str) -> String {
    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(unit.as_bytes());
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    if serde::Serialize::serialize(value, &mut ser).is_err() {
        return compact(value);
    }
    let pretty = String::from_utf8(buf).unwrap_or_else(|_| compact(value));
    pretty.replace('\n', &format!("\n{base}"))
}

/// The offset just after the comma that follows `end`, if a comma follows (after whitespace).
fn comma_after(text: &str, end: usize) -> Option<usize> {
    let rest = text.get(end..)?;
    let skipped = rest.len() - rest.trim_start().len();
    rest.get(skipped..)?
        .starts_with(',')
        .then_some(end + skipped + 1)
}

/// Sets `"key": value` in the object at `path`: where the key is there already (as `null`,
/// which the format reads as absent) its value is replaced; else the property is added right
/// after the property `after` (or after the last one when `after` is absent), in the object's
/// own layout. A second `key` is never written.
pub fn set_property(
    text: &str,
    path: &[Step],
    after: &str,
    key: &str,
    value: &(impl serde::Serialize + ?Sized),
) -> Result<String, JsonEditError> {
    keeping_bom(text, |text| {
        let root = parse(text)?;
        let Value::Object(obj) = walk(&root, path)? else {
            return Err(JsonEditError::Missing(describe(path)));
        };
        let Some(prop) = obj.get(key) else {
            return insert_property_in(text, path, after, key, value);
        };
        let (start, end) = range(&prop.value);
        let multiline = text
            .get(obj.range.start..prop.range.start)
            .is_some_and(|s| s.contains('\n'));
        let rendered = if multiline {
            render(value, &unit(text, &root), indent_at(text, prop.range.start))
        } else {
            one_line(
                value,
                Spacing::of(text.get(obj.range.start..obj.range.end).unwrap_or("")),
            )
        };
        Ok(replace(text, start, end, &rendered))
    })
}

fn insert_property_in(
    text: &str,
    path: &[Step],
    after: &str,
    key: &str,
    value: &(impl serde::Serialize + ?Sized),
) -> Result<String, JsonEditError> {
    let root = parse(text)?;
    let unit = unit(text, &root);
    let Value::Object(obj) = walk(&root, path)? else {
        return Err(JsonEditError::Missing(describe(path)));
    };
    let key_json = serde_json::Value::from(key).to_string();
    let Some(prop) = obj.get(after).or(obj.properties.last()) else {
        return Ok(insert_into_empty_object(text, obj, &unit, &key_json, value));
    };
    let multiline = text
        .get(obj.range.start..prop.range.start)
        .is_some_and(|s| s.contains('\n'));
    let indent = if multiline {
        indent_at(text, prop.range.start).to_owned()
    } else {
        String::new()
    };
    // On one line, spaced as the object is (`"point":"p2"` in a minified file).
    let spacing = Spacing::of(text.get(obj.range.start..obj.range.end).unwrap_or(""));
    let rendered = if multiline {
        render(value, &unit, &indent)
    } else {
        one_line(value, spacing)
    };
    let (comma, colon) = (spacing.comma(), spacing.colon());
    let (at, insertion) = match (comma_after(text, prop.range.end), multiline) {
        (Some(at), true) => (at, format!("\n{indent}{key_json}: {rendered},")),
        (Some(at), false) => (
            at,
            format!(
                "{}{key_json}{colon}{rendered},",
                comma.trim_start_matches(',')
            ),
        ),
        (None, true) => (prop.range.end, format!(",\n{indent}{key_json}: {rendered}")),
        (None, false) => (
            prop.range.end,
            format!("{comma}{key_json}{colon}{rendered}"),
        ),
    };
    Ok(splice(text, at, &insertion))
}

fn insert_into_empty_object(
    text: &str,
    obj: &Object,
    unit: &str,
    key_json: &str,
    value: &(impl serde::Serialize + ?Sized),
) -> String {
    let outer = indent_at(text, obj.range.start).to_owned();
    let inner = format!("{outer}{unit}");
    let body = format!(
        "{{\n{inner}{key_json}: {}\n{outer}}}",
        render(value, unit, &inner)
    );
    replace(text, obj.range.start, obj.range.end, &body)
}

/// Appends `value` to the array at `path`, in the array's own layout.
pub fn append_element(
    text: &str,
    path: &[Step],
    value: &(impl serde::Serialize + ?Sized),
) -> Result<String, JsonEditError> {
    keeping_bom(text, |text| append_element_in(text, path, value))
}

fn append_element_in(
    text: &str,
    path: &[Step],
    value: &(impl serde::Serialize + ?Sized),
) -> Result<String, JsonEditError> {
    let root = parse(text)?;
    let unit = unit(text, &root);
    let Value::Array(arr) = walk(&root, path)? else {
        return Err(JsonEditError::Missing(describe(path)));
    };
    Ok(append_to(text, arr, &unit, value))
}

fn append_to(
    text: &str,
    arr: &Array,
    unit: &str,
    value: &(impl serde::Serialize + ?Sized),
) -> String {
    // A neighbour written on one line (`{"id": "p1", "question": "…"}`) gets one like it.
    let last = arr
        .elements
        .last()
        .map(range)
        .and_then(|(start, end)| text.get(start..end));
    // With no element yet, the text around the array says how the file is spaced.
    let around = || {
        let start = crate::text::floor_boundary(text, arr.range.start.saturating_sub(2048));
        let end = crate::text::floor_boundary(text, arr.range.end.saturating_add(2048));
        text.get(start..end).unwrap_or("")
    };
    let spacing = Spacing::of(last.unwrap_or_else(around));
    let inline = one_line(value, spacing);
    let on_one_line = last.is_some_and(|l| !l.contains('\n'));
    append_rendered(
        text,
        arr,
        unit,
        &|indent| match on_one_line {
            true => inline.clone(),
            false => render(value, unit, indent),
        },
        &inline,
        spacing.comma(),
    )
}

/// Moves the element at `from` (a path ending in an array index) to the end of the array at
/// `to`, its text kept as written and re-indented to its new depth: only the lines it leaves
/// and the lines it takes change. `to` is read after the element has left (a later element of
/// the same array has moved up one place).
pub fn move_element(text: &str, from: &[Step], to: &[Step]) -> Result<String, JsonEditError> {
    keeping_bom(text, |text| move_element_in(text, from, to))
}

/// Removes the element at `at` (a path ending in an array index) with the separator that tied
/// it to its neighbour: only the lines it leaves change.
pub fn remove_element(text: &str, at: &[Step]) -> Result<String, JsonEditError> {
    keeping_bom(text, |text| cut_element(text, at).map(|cut| cut.left))
}

/// The text with one element cut out, the element's own text, and its line's indentation.
struct Cut {
    left: String,
    raw: String,
    was: String,
}

fn cut_element(text: &str, from: &[Step]) -> Result<Cut, JsonEditError> {
    let Some((Step::Index(i), parent)) = from.split_last() else {
        return Err(JsonEditError::Missing(describe(from)));
    };
    let root = parse(text)?;
    let Value::Array(arr) = walk(&root, parent)? else {
        return Err(JsonEditError::Missing(describe(from)));
    };
    let element = arr
        .elements
        .get(*i)
        .ok_or_else(|| JsonEditError::Missing(describe(from)))?;
    let (start, end) = range(element);
    let raw = text.get(start..end).unwrap_or("").to_owned();
    let was = indent_at(text, start).to_owned();
    // The element goes with the separator that tied it to its neighbour.
    let (cut_from, cut_to, replacement) = match (
        arr.elements.get(*i + 1),
        i.checked_sub(1).and_then(|k| arr.elements.get(k)),
    ) {
        (Some(next), _) => (start, range(next).0, ""),
        (None, Some(prev)) => (range(prev).1, end, ""),
        (None, None) => (arr.range.start, arr.range.end, "[]"),
    };
    let mut left = String::with_capacity(text.len());
    left.push_str(text.get(..cut_from).unwrap_or(""));
    left.push_str(replacement);
    left.push_str(text.get(cut_to..).unwrap_or(""));
    Ok(Cut { left, raw, was })
}

fn move_element_in(text: &str, from: &[Step], to: &[Step]) -> Result<String, JsonEditError> {
    let Cut { left, raw, was } = cut_element(text, from)?;
    let root = parse(&left)?;
    let unit = unit(&left, &root);
    let Value::Array(target) = walk(&root, to)? else {
        return Err(JsonEditError::Missing(describe(to)));
    };
    let reindent = |indent: &str| {
        raw.split('\n')
            .enumerate()
            .map(|(k, line)| {
                if k == 0 {
                    line.to_owned()
                } else {
                    format!(
                        "{indent}{}",
                        line.strip_prefix(was.as_str()).unwrap_or(line)
                    )
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let spacing = Spacing::of(&raw);
    Ok(append_rendered(
        &left,
        target,
        &unit,
        &reindent,
        &raw,
        spacing.comma(),
    ))
}

/// Appends an element to an array: `multiline(indent)` is its text laid out at `indent`, for an
/// array of one element a line; `inline` its text on one line, after `comma` (`, ` or `,`).
fn append_rendered(
    text: &str,
    arr: &Array,
    unit: &str,
    multiline_text: &dyn Fn(&str) -> String,
    inline: &str,
    comma: &str,
) -> String {
    let Some(last) = arr.elements.last() else {
        // In a file all on one line (minified), `[]` takes the element on that line too.
        if !text.trim_end().contains('\n') {
            return replace(text, arr.range.start, arr.range.end, &format!("[{inline}]"));
        }
        // `[]`: open it up one level deeper than the line it sits on.
        let outer = indent_at(text, arr.range.start).to_owned();
        let inner = format!("{outer}{unit}");
        let body = format!("[\n{inner}{}\n{outer}]", multiline_text(&inner));
        return replace(text, arr.range.start, arr.range.end, &body);
    };
    let (first_start, _) = arr.elements.first().map_or((0, 0), range);
    let (last_start, last_end) = range(last);
    let multiline = text
        .get(arr.range.start..first_start)
        .is_some_and(|s| s.contains('\n'));
    let insertion = if multiline {
        let indent = indent_at(text, last_start).to_owned();
        format!(",\n{indent}{}", multiline_text(&indent))
    } else {
        format!("{comma}{inline}")
    };
    splice(text, last_end, &insertion)
}

fn splice(text: &str, at: usize, insertion: &str) -> String {
    replace(text, at, at, insertion)
}

/// `text` with `start..end` replaced by `insertion`, whose line breaks take the file's own
/// form: a file written with CRLF gets CRLF in what is added, so no line of it changes ending.
fn replace(text: &str, start: usize, end: usize, insertion: &str) -> String {
    let crlf = text.contains("\r\n");
    let mut out = String::with_capacity(text.len() + insertion.len() * 2);
    out.push_str(text.get(..start).unwrap_or(text));
    if crlf {
        let mut lines = insertion.split('\n').peekable();
        while let Some(line) = lines.next() {
            out.push_str(line);
            if lines.peek().is_some() {
                out.push_str(if line.ends_with('\r') { "\n" } else { "\r\n" });
            }
        }
    } else {
        out.push_str(insertion);
    }
    out.push_str(text.get(end..).unwrap_or(""));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An element removed takes its separator with it; every other line stays as written.
    #[test]
    fn a_removed_element_leaves_the_rest_as_written() {
        let text = "{\n  \"d\": [\n    {\"a\": 1},\n    {\"b\": 2},\n    {\"c\": 3}\n  ]\n}\n";
        let at = |i| [Step::Key("d"), Step::Index(i)];
        assert_eq!(
            remove_element(text, &at(1)).unwrap(),
            "{\n  \"d\": [\n    {\"a\": 1},\n    {\"c\": 3}\n  ]\n}\n"
        );
        assert_eq!(
            remove_element(text, &at(2)).unwrap(),
            "{\n  \"d\": [\n    {\"a\": 1},\n    {\"b\": 2}\n  ]\n}\n"
        );
        let one = "{\"d\": [{\"a\": 1}], \"e\": 0}";
        assert_eq!(
            remove_element(one, &at(0)).unwrap(),
            "{\"d\": [], \"e\": 0}"
        );
        assert!(remove_element(text, &at(3)).is_err());
    }

    /// A file written with CRLF keeps CRLF on every line, those added included.
    #[test]
    fn a_crlf_file_gets_crlf_in_what_is_added() {
        let text = "{\r\n  \"claims\": [\r\n    {\r\n      \"id\": \"a\",\r\n      \"text\": \"t\"\r\n    }\r\n  ],\r\n  \"more\": []\r\n}\r\n";
        let path = [Step::Key("claims"), Step::Index(0)];
        let added = set_property(text, &path, "id", "point", "p").unwrap();
        assert_eq!(
            added.matches("\r\n").count(),
            added.matches('\n').count(),
            "{added:?}"
        );
        assert!(added.contains("\"id\": \"a\",\r\n      \"point\": \"p\",\r\n"));
        let moved = move_element(&added, &path, &[Step::Key("more")]).unwrap();
        assert_eq!(
            moved.matches("\r\n").count(),
            moved.matches('\n').count(),
            "{moved:?}"
        );
        let parsed: serde_json::Value = serde_json::from_str(&moved).unwrap();
        assert_eq!(parsed["more"][0]["point"], "p");
    }
    use serde_json::json;

    #[test]
    fn a_property_goes_after_the_id_in_the_objects_layout() {
        let text = "{\n  \"claims\": [\n    {\n      \"id\": \"a\",\n      \"text\": \"x\"\n    }\n  ]\n}\n";
        let out = set_property(
            text,
            &[Step::Key("claims"), Step::Index(0)],
            "id",
            "point",
            &json!("p"),
        )
        .unwrap();
        assert_eq!(
            out,
            "{\n  \"claims\": [\n    {\n      \"id\": \"a\",\n      \"point\": \"p\",\n      \"text\": \"x\"\n    }\n  ]\n}\n"
        );
        let one_line = "{\"claims\": [{\"id\": \"a\"}]}";
        let out = set_property(
            one_line,
            &[Step::Key("claims"), Step::Index(0)],
            "id",
            "point",
            &json!("p"),
        )
        .unwrap();
        assert_eq!(out, "{\"claims\": [{\"id\": \"a\", \"point\": \"p\"}]}");
    }

    #[test]
    fn a_moved_element_keeps_its_text_and_leaves_no_gap() {
        let text = "{\n  \"a\": [\n    {\"id\": 1},\n    {\n      \"id\": 2\n    }\n  ],\n  \"b\": [\n    {\"id\": 3}\n  ]\n}\n";
        let out = move_element(text, &[Step::Key("a"), Step::Index(1)], &[Step::Key("b")]).unwrap();
        assert_eq!(
            out,
            "{\n  \"a\": [\n    {\"id\": 1}\n  ],\n  \"b\": [\n    {\"id\": 3},\n    {\n      \"id\": 2\n    }\n  ]\n}\n"
        );
        let out = move_element(&out, &[Step::Key("a"), Step::Index(0)], &[Step::Key("b")]).unwrap();
        assert!(out.contains("\"a\": [],"), "{out}");
        let parsed: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(parsed["b"], json!([{"id": 3}, {"id": 2}, {"id": 1}]));
    }

    /// A minified file stays minified, and a one-line object keeps its spaces: an edit reads
    /// like the text around it (`"point": "p2"` went into minified JSON with spaces, and a
    /// point appended beside `{"id": "a", "question": "…"}` came without).
    #[test]
    fn a_value_on_one_line_is_spaced_as_its_neighbours() {
        let minified = "{\"points\":[{\"id\":\"a\",\"question\":\"A?\"}],\"c\":{\"id\":\"x\",\"text\":\"t\"},\"e\":[]}\n";
        let point = json!({"id": "b", "question": "B?"});
        let out = append_element(minified, &[Step::Key("points")], &point).unwrap();
        assert!(
            out.contains("\"A?\"},{\"id\":\"b\",\"question\":\"B?\"}]"),
            "{out}"
        );
        let out = set_property(&out, &[Step::Key("c")], "id", "point", "p2").unwrap();
        assert!(
            out.contains("{\"id\":\"x\",\"point\":\"p2\",\"text\":\"t\"}"),
            "{out}"
        );
        let out = append_element(&out, &[Step::Key("e")], &json!({"k": 1})).unwrap();
        assert!(out.contains("\"e\":[{\"k\":1}]}"), "{out}");
        assert!(!out.trim_end().contains('\n'), "still one line: {out}");
        let spaced = "{\n  \"points\": [{\"id\": \"a\", \"question\": \"A?\"}],\n  \"c\": {\"id\": \"x\", \"text\": \"t\"}\n}\n";
        let out = append_element(spaced, &[Step::Key("points")], &point).unwrap();
        assert!(
            out.contains("\"A?\"}, {\"id\": \"b\", \"question\": \"B?\"}]"),
            "{out}"
        );
        let out = set_property(&out, &[Step::Key("c")], "id", "point", "p2").unwrap();
        assert!(
            out.contains("{\"id\": \"x\", \"point\": \"p2\", \"text\": \"t\"}"),
            "{out}"
        );
    }

    #[test]
    fn an_element_copies_its_siblings_indentation() {
        let text = "{\n    \"points\": [\n        {\"id\": \"a\"}\n    ]\n}";
        let out = append_element(text, &[Step::Key("points")], &json!({"id": "b"})).unwrap();
        assert_eq!(
            out,
            "{\n    \"points\": [\n        {\"id\": \"a\"},\n        {\"id\": \"b\"}\n    ]\n}"
        );
        // A sibling written over lines gets one written over lines.
        let text = "{\n  \"points\": [\n    {\n      \"id\": \"a\"\n    }\n  ]\n}";
        let out = append_element(text, &[Step::Key("points")], &json!({"id": "b"})).unwrap();
        assert!(
            out.ends_with("},\n    {\n      \"id\": \"b\"\n    }\n  ]\n}"),
            "{out}"
        );
        let empty = "{\n  \"points\": []\n}";
        let out = append_element(empty, &[Step::Key("points")], &json!("x")).unwrap();
        assert_eq!(out, "{\n  \"points\": [\n    \"x\"\n  ]\n}");
    }
}
