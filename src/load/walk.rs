//! The walker: reads one parsed JSON file into format types, collecting every problem on the way.
//!
//! Each reader takes a value out of its parent (so strings move, never copy), checks its type and
//! rule, and on failure records a diagnostic at the value's JSON pointer and carries on, so a
//! single pass reports every problem in the file.

use super::diagnostic::{Code, Diagnostic, Severity};
use crate::format::{self, Date, DateError};
use crate::text;
use serde_json::{Map, Value};

/// A JSON object being read; fields are removed as they are read, leaving the unknown ones.
pub(super) type Object = Map<String, Value>;

/// Reads one file; holds its name and the problems found so far.
pub(super) struct Walker<'a> {
    /// The file, as the user named it.
    pub file: &'a str,
    /// Problems found so far, in order.
    pub diagnostics: Vec<Diagnostic>,
    /// Code points flagged in the texts read since the last [`Walker::take_flagged`].
    flagged: Vec<char>,
    /// The claim being read, named in untrusted-text warnings.
    pub claim: Option<String>,
}

/// A JSON pointer under construction: a chain of tokens on the stack, rendered to a string only
/// when a problem is reported, so a clean file costs no pointer allocations.
#[derive(Clone, Copy)]
pub(super) struct Ptr<'a> {
    parent: Option<&'a Ptr<'a>>,
    token: Token<'a>,
}

#[derive(Clone, Copy)]
enum Token<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl<'a> Ptr<'a> {
    /// The whole document.
    pub const ROOT: Ptr<'static> = Ptr {
        parent: None,
        token: Token::Root,
    };

    /// The member `key` of this object.
    pub fn key<'b>(&'b self, key: &'b str) -> Ptr<'b> {
        Ptr {
            parent: Some(self),
            token: Token::Key(key),
        }
    }

    /// The element `i` of this array.
    pub fn index<'b>(&'b self, i: usize) -> Ptr<'b> {
        Ptr {
            parent: Some(self),
            token: Token::Index(i),
        }
    }

    /// The pointer as RFC 6901 text, `~` and `/` escaped.
    pub fn render(&self) -> String {
        let mut tokens = Vec::new();
        let mut at = Some(self);
        while let Some(p) = at {
            tokens.push(p.token);
            at = p.parent;
        }
        let mut out = String::new();
        for t in tokens.iter().rev() {
            match t {
                Token::Root => {}
                Token::Key(k) => {
                    // A key past the quote limit is shortened like any quoted value.
                    let k = if k.chars().nth(text::QUOTE_LIMIT).is_some() {
                        text::quote(k)
                    } else {
                        (*k).to_owned()
                    };
                    out.push('/');
                    out.push_str(&k.replace('~', "~0").replace('/', "~1"));
                }
                Token::Index(i) => {
                    out.push('/');
                    out.push_str(&i.to_string());
                }
            }
        }
        out
    }
}

/// Names a JSON value's type the way messages say it.
fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl<'a> Walker<'a> {
    pub fn new(file: &'a str) -> Self {
        Walker {
            file,
            diagnostics: Vec::new(),
            flagged: Vec::new(),
            claim: None,
        }
    }

    /// True when an error has been recorded.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Records an error at a pointer, with what was expected.
    pub fn error(&mut self, code: Code, at: Ptr, message: String, expected: &str) {
        self.diagnostics.push(
            Diagnostic::at(Severity::Error, code, self.file, &at.render(), message)
                .expected(expected),
        );
    }

    /// Records a warning at a pointer.
    pub fn warn(&mut self, code: Code, at: Ptr, message: String, expected: &str) {
        self.diagnostics.push(
            Diagnostic::at(Severity::Warning, code, self.file, &at.render(), message)
                .expected(expected),
        );
    }

    /// Returns and forgets the code points flagged since the last call.
    pub fn take_flagged(&mut self) -> Vec<char> {
        std::mem::take(&mut self.flagged)
    }

    fn wrong_type(&mut self, at: Ptr, v: &Value, expected: &str) {
        let message = format!("is {}", type_name(v));
        self.error(Code::WrongType, at, message, expected);
    }

    /// Takes a field out of an object; JSON `null` counts as absent.
    pub fn field(&mut self, obj: &mut Object, key: &str) -> Option<Value> {
        obj.remove(key).filter(|v| !v.is_null())
    }

    /// Takes a required field, reporting it at the object's pointer when absent.
    pub fn required(&mut self, obj: &mut Object, key: &str, at: Ptr) -> Option<Value> {
        let v = self.field(obj, key);
        if v.is_none() {
            self.error(
                Code::MissingField,
                at,
                format!("missing required field `{key}`"),
                &format!("a `{key}` field (see docs/format.md)"),
            );
        }
        v
    }

    /// Reads an object.
    pub fn object(&mut self, v: Value, at: Ptr) -> Option<Object> {
        match v {
            Value::Object(m) => Some(m),
            other => {
                self.wrong_type(at, &other, "an object");
                None
            }
        }
    }

    /// Reads an array.
    pub fn array(&mut self, v: Value, at: Ptr) -> Option<Vec<Value>> {
        match v {
            Value::Array(a) => Some(a),
            other => {
                self.wrong_type(at, &other, "an array");
                None
            }
        }
    }

    /// Reads a string as it is (for ids, urls and words).
    pub fn string(&mut self, v: Value, at: Ptr, expected: &str) -> Option<String> {
        match v {
            Value::String(s) => Some(s),
            other => {
                self.wrong_type(at, &other, expected);
                None
            }
        }
    }

    /// Reads a text: cleans it (see [`crate::text`]) and warns about anything it had to replace.
    pub fn text(&mut self, v: Value, at: Ptr, non_empty: bool) -> Option<String> {
        let raw = self.string(v, at, "a string")?;
        if non_empty && raw.trim().is_empty() {
            self.error(Code::EmptyText, at, "is empty".into(), "some text");
            return None;
        }
        let cleaned = text::clean_owned(raw);
        if !cleaned.flagged.is_empty() {
            let points: Vec<String> = cleaned
                .flagged
                .iter()
                .map(|&c| text::code_point(c))
                .collect();
            let whose = match &self.claim {
                Some(id) => format!("claim `{id}`: "),
                None => String::new(),
            };
            let message = format!(
                "{whose}text holds control, bidirectional or invisible characters ({}); they are shown as visible markers",
                points.join(", ")
            );
            self.warn(Code::UntrustedText, at, message, "plain text");
            for c in cleaned.flagged {
                if !self.flagged.contains(&c) {
                    self.flagged.push(c);
                }
            }
        }
        Some(cleaned.text)
    }

    /// Reads an id.
    pub fn id(&mut self, v: Value, at: Ptr) -> Option<String> {
        let s = self.string(v, at, "an id (a string)")?;
        if format::is_id(&s) {
            Some(s)
        } else {
            let shown = text::quote(&s);
            self.error(
                Code::BadId,
                at,
                format!("\"{shown}\" is not an id"),
                "1 to 128 characters of a-z, 0-9, '-', '_', '.', starting with a letter or digit",
            );
            None
        }
    }

    /// Reads a date.
    pub fn date(&mut self, v: Value, at: Ptr) -> Option<Date> {
        let s = self.string(v, at, "a date (a string)")?;
        match s.parse::<Date>() {
            Ok(d) => Some(d),
            Err(e) => {
                let shown = text::quote(&s);
                let expected = match e {
                    DateError::Shape => "a date written YYYY, YYYY-MM or YYYY-MM-DD",
                    DateError::NotReal => "a real calendar date",
                };
                self.error(Code::BadDate, at, format!("\"{shown}\" {e}"), expected);
                None
            }
        }
    }

    /// Reads an array of ids.
    pub fn ids(&mut self, v: Value, at: Ptr) -> Vec<String> {
        let Some(items) = self.array(v, at) else {
            return Vec::new();
        };
        items
            .into_iter()
            .enumerate()
            .filter_map(|(i, item)| self.id(item, at.index(i)))
            .collect()
    }

    /// Reads an optional text field.
    pub fn opt_text(&mut self, obj: &mut Object, key: &str, at: Ptr) -> Option<String> {
        let v = self.field(obj, key)?;
        self.text(v, at.key(key), false)
    }

    /// Reads an optional date field.
    pub fn opt_date(&mut self, obj: &mut Object, key: &str, at: Ptr) -> Option<Date> {
        let v = self.field(obj, key)?;
        self.date(v, at.key(key))
    }

    /// Reads a required id field.
    pub fn req_id(&mut self, obj: &mut Object, key: &str, at: Ptr) -> Option<String> {
        let v = self.required(obj, key, at)?;
        self.id(v, at.key(key))
    }

    /// Reads a required, non-empty text field.
    pub fn req_text(&mut self, obj: &mut Object, key: &str, at: Ptr) -> Option<String> {
        let v = self.required(obj, key, at)?;
        self.text(v, at.key(key), true)
    }

    /// Checks the `format` field.
    pub fn format(&mut self, obj: &mut Object) {
        let root = Ptr::ROOT;
        let at = root.key("format");
        if let Some(v) = self.required(obj, "format", root)
            && let Some(s) = self.string(v, at, "the string \"parallax/1\"")
            && s != format::FORMAT
        {
            let shown = text::quote(&s);
            self.error(
                Code::WrongFormat,
                at,
                format!("format \"{shown}\" is not one this program reads"),
                "\"parallax/1\"",
            );
        }
    }

    /// Reads one of a fixed set of words (a source kind, a rating).
    pub fn word<T>(
        &mut self,
        v: Value,
        at: Ptr,
        what: &str,
        parse: fn(&str) -> Option<T>,
        allowed: &str,
    ) -> Option<T> {
        let s = self.string(v, at, &format!("{what} (a string)"))?;
        let parsed = parse(&s);
        if parsed.is_none() {
            let shown = text::quote(&s);
            self.error(
                Code::BadValue,
                at,
                format!("\"{shown}\" is not {what}"),
                &format!("one of {allowed}"),
            );
        }
        parsed
    }

    /// Records the first use of an id in a list; reports a later use as a duplicate of the
    /// first (`list` points at the list, e.g. `/topics`). Returns true for a first use.
    pub fn first_use(
        &mut self,
        seen: &mut std::collections::HashMap<String, usize>,
        id: &str,
        (i, at): (usize, Ptr),
        list: Ptr,
        expected: &str,
    ) -> bool {
        match seen.get(id) {
            None => {
                seen.insert(id.to_owned(), i);
                true
            }
            Some(first) => {
                self.error(
                    Code::DuplicateId,
                    at.key("id"),
                    format!("id `{id}` is already used by {}/{first}", list.render()),
                    expected,
                );
                false
            }
        }
    }

    /// Records an error at a pointer given as text (for checks made after the walk).
    pub fn error_at(&mut self, code: Code, pointer: &str, message: String, expected: &str) {
        self.diagnostics.push(
            Diagnostic::at(Severity::Error, code, self.file, pointer, message).expected(expected),
        );
    }

    /// Warns about every field left in an object after the known ones were taken.
    /// Takes a file's `$schema` (the JSON Schema editors check it against), which the program
    /// does not use: a string, or a wrong-type error.
    pub fn schema_reference(&mut self, obj: &mut Object, at: Ptr) {
        if let Some(v) = self.field(obj, "$schema") {
            self.string(
                v,
                at.key("$schema"),
                "the address of a JSON Schema (a string)",
            );
        }
    }

    pub fn unknown_fields(&mut self, obj: Object, at: Ptr) {
        for key in obj.keys() {
            let shown = text::quote(key);
            self.warn(
                Code::UnknownField,
                at.key(key),
                format!("unknown field `{shown}` is ignored"),
                "only the fields docs/format.md lists (a newer program may know this one)",
            );
        }
    }
}
