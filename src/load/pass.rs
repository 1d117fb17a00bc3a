//! The one typed pass: serde reads a file straight into format types, checking each rule as it
//! goes and recording every problem at its JSON pointer, so one parse reports everything.
//!
//! Each position in a file is read by a [`Want`]: what it accepts (a string, an object, an
//! array) and what it makes of it. Anything else at that position is a wrong-type error, and
//! its content is skipped (still noticing repeated keys). Objects are read field by field by a
//! [`Fields`] reader; arrays item by item. Strings are borrowed from the file where they hold no
//! escapes. No pointer is rendered, and no line looked up, unless there is something to report.

use super::diagnostic::{Code, Diagnostic, Severity};
use crate::format::{self, CompactString, Date, DateError, ThinVec};
use crate::text;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;
use strum::VariantNames;

/// One step of the pointer to the value being read.
enum Tok {
    /// A field the format names.
    Field(&'static str),
    /// Any other key (an unknown field, or one inside a skipped value).
    Key(String),
    /// An array element.
    Index(usize),
}

/// The reading of one file: its name, where the pass is, and the problems found so far.
pub(super) struct Cx<'f> {
    /// The file, as the user named it.
    pub file: &'f str,
    /// Problems found so far.
    pub diagnostics: Vec<Diagnostic>,
    path: Vec<Tok>,
    /// Code points flagged in texts read since the last [`Cx::take_flagged`].
    flagged: Vec<char>,
    /// A syntax error met in a part of the file read after the rest (a side's `topics` before
    /// its `sources`): the address its text starts at in the file, and the error, placed in
    /// that part. The file is then refused as for any syntax error.
    pub deferred: Option<(usize, serde_json::Error)>,
    /// The unknown keys of the object being finished, for a required field missing from it
    /// to name the one that is likely it misnamed (`q` for `question`).
    unknown_here: Vec<String>,
}

impl<'f> Cx<'f> {
    pub fn new(file: &'f str) -> Self {
        Cx {
            file,
            diagnostics: Vec::new(),
            path: Vec::new(),
            flagged: Vec::new(),
            deferred: None,
            unknown_here: Vec::new(),
        }
    }

    /// The pointer of the value being read, as RFC 6901 text. Keys past the quote limit are
    /// shortened like any quoted value when `shorten` is set.
    fn render(&self, shorten: bool) -> String {
        let mut out = String::new();
        for t in &self.path {
            match t {
                Tok::Field(k) => push_key(&mut out, k),
                Tok::Key(k) if shorten && k.chars().nth(text::QUOTE_LIMIT).is_some() => {
                    push_key(&mut out, &text::quote(k));
                }
                Tok::Key(k) => push_key(&mut out, k),
                Tok::Index(i) => {
                    out.push('/');
                    out.push_str(&i.to_string());
                }
            }
        }
        out
    }

    /// The pointer of the value being read.
    pub fn here(&self) -> String {
        self.render(true)
    }

    /// Records a problem at a pointer.
    pub fn report(
        &mut self,
        severity: Severity,
        code: Code,
        pointer: &str,
        message: String,
        expected: &str,
    ) {
        self.diagnostics
            .push(Diagnostic::at(severity, code, self.file, pointer, message).expected(expected));
    }

    /// Records an error at the value being read.
    pub fn error(&mut self, code: Code, message: String, expected: &str) {
        let at = self.here();
        self.report(Severity::Error, code, &at, message, expected);
    }

    /// Records an error at the value being read whose message says what to do already, so it
    /// has no `expected` of its own to repeat it.
    pub fn error_saying_what_to_do(&mut self, code: Code, message: String) {
        let at = self.here();
        self.diagnostics.push(Diagnostic::at(
            Severity::Error,
            code,
            self.file,
            &at,
            message,
        ));
    }

    /// Records a warning at the value being read.
    pub fn warn(&mut self, code: Code, message: String, expected: &str) {
        let at = self.here();
        self.report(Severity::Warning, code, &at, message, expected);
    }

    /// Returns and forgets the code points flagged since the last call.
    pub fn take_flagged(&mut self) -> Vec<char> {
        std::mem::take(&mut self.flagged)
    }

    /// Reads `f` one step further down: `tok` is pushed on the pointer for its duration.
    fn within<T>(&mut self, tok: Tok, f: impl FnOnce(&mut Self) -> T) -> T {
        self.path.push(tok);
        let out = f(self);
        self.path.pop();
        out
    }

    /// Reads `f` at the field `name` of the object being read.
    pub fn field<T>(&mut self, name: &'static str, f: impl FnOnce(&mut Self) -> T) -> T {
        self.within(Tok::Field(name), f)
    }

    /// A key seen twice in one object: the repeat is an error, and its value is skipped.
    fn repeated(&mut self, key: &str) {
        let mut at = self.render(false);
        push_key(&mut at, key);
        self.report(
            Severity::Error,
            Code::DuplicateKey,
            &at,
            format!("key `{}` appears twice in one object", text::quote(key)),
            "each key once per object (remove or merge the repeat)",
        );
    }

    fn wrong_type(&mut self, got: &str, expected: &str) {
        self.error(Code::WrongType, format!("is {got}"), expected);
    }

    /// Reports a required field that is absent (or null) from the object being read.
    pub fn missing(&mut self, name: &str) {
        // One field of the object unknown, and one it needs missing: likely the same, misnamed.
        let misnamed = match self.unknown_here.as_slice() {
            [one] => format!(
                " (the object has `{}`, which is no field of it: is that `{name}` misnamed?)",
                text::quote(one)
            ),
            _ => String::new(),
        };
        self.error(
            Code::MissingField,
            format!("missing required field `{name}`{misnamed}"),
            &format!("the `{name}` field"),
        );
    }

    /// Cleans a text (see [`crate::text`]), warning about anything it had to replace. A text
    /// that needs no cleaning is returned as it came: borrowed from the file, it is copied
    /// only once, into whatever keeps it.
    pub fn text<'s>(&mut self, s: Cow<'s, str>, non_empty: bool) -> Option<Cow<'s, str>> {
        if non_empty && text::shows_nothing(&s) {
            let said = if s.trim().is_empty() {
                "is empty".to_owned()
            } else {
                // Each kind once, the first few.
                let mut points: Vec<String> = Vec::new();
                for p in s
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .map(text::code_point)
                {
                    if points.len() < 4 && !points.contains(&p) {
                        points.push(p);
                    }
                }
                format!(
                    "is empty but for characters that show nothing ({})",
                    points.join(", ")
                )
            };
            self.error(Code::EmptyText, said, "some text");
            return None;
        }
        let Some(cleaned) = text::clean_if_needed(&s) else {
            return Some(s);
        };
        // Only laid out (a tab, a CR before a newline, a line separator): nothing to warn about.
        if cleaned.flagged.is_empty() {
            return Some(Cow::Owned(cleaned.text));
        }
        let points: Vec<String> = cleaned
            .flagged
            .iter()
            .map(|&c| text::code_point(c))
            .collect();
        let message = format!(
            "text holds control, bidirectional or invisible characters ({}); they are shown as visible markers",
            points.join(", ")
        );
        self.warn(Code::UntrustedText, message, "plain text");
        for c in cleaned.flagged {
            if !self.flagged.contains(&c) {
                self.flagged.push(c);
            }
        }
        Some(Cow::Owned(cleaned.text))
    }

    /// Checks an id. Ids are short, so most are kept inline, without an allocation.
    pub fn id(&mut self, s: Cow<'_, str>) -> Option<CompactString> {
        if format::is_id(&s) {
            return Some(CompactString::from(s));
        }
        // The id it likely means (`Water`: `water`), as `parallax new` suggests one.
        // Not for one too long: cut, it would be no likelier than another.
        let example = match s.chars().count() <= format::ID_MAX {
            true => format::make_id(&s, format::ID_MAX),
            false => String::new(),
        };
        let like = match example.is_empty() {
            true => String::new(),
            false => format!(" (like `{example}`)"),
        };
        self.error(
            Code::BadId,
            format!("\"{}\" is not an id{like}", text::quote(&s)),
            format::ID_RULE,
        );
        None
    }
}

/// Appends a key to a pointer, `~` and `/` escaped.
fn push_key(out: &mut String, key: &str) {
    out.push('/');
    if key.contains(['~', '/']) {
        out.push_str(&key.replace('~', "~0").replace('/', "~1"));
    } else {
        out.push_str(key);
    }
}

/// What one position of a file accepts, and what it makes of it. Every kind of value the
/// position does not take is a wrong-type error naming [`Want::expected`].
pub(super) trait Want<'de>: Sized {
    type Out;
    /// What the position holds, as messages say it.
    fn expected(&self) -> Cow<'static, str>;
    /// A string at this position.
    fn string(self, cx: &mut Cx, s: Cow<'de, str>) -> Option<Self::Out> {
        let _ = s;
        cx.wrong_type("a string", &self.expected());
        None
    }
    /// An object at this position.
    fn map<A: MapAccess<'de>>(self, cx: &mut Cx, map: A) -> Result<Option<Self::Out>, A::Error> {
        cx.wrong_type("an object", &self.expected());
        skip_map(cx, map)?;
        Ok(None)
    }
    /// An array at this position.
    fn seq<A: SeqAccess<'de>>(self, cx: &mut Cx, seq: A) -> Result<Option<Self::Out>, A::Error> {
        cx.wrong_type("an array", &self.expected());
        skip_seq(cx, seq)?;
        Ok(None)
    }
}

/// Reads one value with `want`.
pub(super) fn read<'de, D: Deserializer<'de>, W: Want<'de>>(
    cx: &mut Cx,
    d: D,
    want: W,
) -> Result<Option<W::Out>, D::Error> {
    d.deserialize_any(Any { cx, want })
}

struct Any<'c, 'f, W> {
    cx: &'c mut Cx<'f>,
    want: W,
}

impl<'de, W: Want<'de>> Any<'_, '_, W> {
    fn scalar<E>(self, got: &str) -> Result<Option<W::Out>, E> {
        self.cx.wrong_type(got, &self.want.expected());
        Ok(None)
    }
}

impl<'de, W: Want<'de>> Visitor<'de> for Any<'_, '_, W> {
    type Value = Option<W::Out>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.want.expected())
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        self.scalar("a boolean")
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        self.scalar("a number")
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        self.scalar("a number")
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        self.scalar("a number")
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        self.scalar("null")
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        self.scalar("null")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(self.want.string(self.cx, Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(self.want.string(self.cx, Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(self.want.string(self.cx, Cow::Owned(v)))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.want.map(self.cx, map)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.want.seq(self.cx, seq)
    }
}

/// A key, borrowed from the file when it holds no escapes.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

/// Skips a value of any kind, reporting keys repeated anywhere inside it.
struct Skip<'c, 'f> {
    cx: &'c mut Cx<'f>,
}

impl<'de> DeserializeSeed<'de> for Skip<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Skip<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        skip_map(self.cx, map)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        skip_seq(self.cx, seq)
    }
}

fn skip_map<'de, A: MapAccess<'de>>(cx: &mut Cx, mut map: A) -> Result<(), A::Error> {
    // A set, so an object of many keys is checked for repeats in one look-up per key.
    let mut keys: foldhash::HashSet<String> = foldhash::HashSet::default();
    while let Some(key) = map.next_key_seed(Key)? {
        if keys.contains(key.as_ref()) {
            cx.repeated(&key);
        } else {
            keys.insert(key.clone().into_owned());
        }
        cx.within(Tok::Key(key.into_owned()), |cx| {
            map.next_value_seed(Skip { cx })
        })?;
    }
    Ok(())
}

fn skip_seq<'de, A: SeqAccess<'de>>(cx: &mut Cx, mut seq: A) -> Result<(), A::Error> {
    let mut i = 0;
    while cx
        .within(Tok::Index(i), |cx| seq.next_element_seed(Skip { cx }))?
        .is_some()
    {
        i += 1;
    }
    Ok(())
}

/// Reads an object field by field.
pub(super) trait Fields<'de>: Sized {
    type Out;
    /// The fields the format names, in the order a missing one is reported.
    const NAMES: &'static [&'static str];
    /// Reads the value of field `NAMES[i]`, which is not null.
    fn field<D: Deserializer<'de>>(&mut self, cx: &mut Cx, i: usize, d: D) -> Result<(), D::Error>;
    /// Finishes the object; bit `i` of `present` is set when field `i` had a value.
    fn finish(self, cx: &mut Cx, present: u32) -> Option<Self::Out>;
    /// True for a look at a few fields whose report nobody reads (which files a manifest
    /// lists): the other fields are skipped unchecked, as the load proper checks them.
    const GLANCE: bool = false;
    /// Fields of the format that belong in another object, with where they go: said in place
    /// of a guess when one is written here (`claims` in the manifest's topic).
    const ELSEWHERE: &'static [(&'static str, &'static str)] = &[];
}

/// Reads an object with `fields`: repeated keys are errors (the first is kept), unknown keys
/// warnings, and null counts as absent.
pub(super) fn object<'de, A: MapAccess<'de>, F: Fields<'de>>(
    cx: &mut Cx,
    mut map: A,
    mut fields: F,
) -> Result<Option<F::Out>, A::Error> {
    let (mut seen, mut present) = (0u32, 0u32);
    // In order for the warnings, and as a set so that many unknown keys stay linear.
    let mut unknown: Vec<String> = Vec::new();
    let mut unknown_seen: foldhash::HashSet<String> = foldhash::HashSet::default();
    while let Some(key) = map.next_key_seed(Key)? {
        let known = name_index(F::NAMES, &key);
        match known.zip(known.and_then(|i| F::NAMES.get(i))) {
            Some((i, &name)) if seen & (1 << i) == 0 => {
                seen |= 1 << i;
                let had = cx.field(name, |cx| {
                    map.next_value_seed(FieldSeed {
                        cx,
                        fields: &mut fields,
                        i,
                    })
                })?;
                if had {
                    present |= 1 << i;
                }
            }
            Some((_, &name)) => {
                cx.repeated(name);
                cx.field(name, |cx| map.next_value_seed(Skip { cx }))?;
            }
            None if F::GLANCE => {
                map.next_value::<serde::de::IgnoredAny>()?;
            }
            None => {
                if unknown_seen.contains(key.as_ref()) {
                    cx.repeated(&key);
                } else {
                    unknown_seen.insert(key.clone().into_owned());
                    unknown.push(key.clone().into_owned());
                }
                cx.within(Tok::Key(key.into_owned()), |cx| {
                    map.next_value_seed(Skip { cx })
                })?;
            }
        }
    }
    if !unknown.is_empty() {
        let known = F::NAMES
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let expected =
            format!("one of this object's fields: {known} (a newer program may know this one)");
        for key in &unknown {
            let shown = text::quote(key);
            let elsewhere = F::ELSEWHERE.iter().find(|(k, _)| *k == key);
            let message = match (elsewhere, text::nearest_name(F::NAMES, key)) {
                (Some((_, place)), _) => {
                    format!("field `{shown}` is ignored here: {place}")
                }
                (None, Some(name)) => {
                    format!("unknown field `{shown}` is ignored (did you mean `{name}`?)")
                }
                (None, None) => format!("unknown field `{shown}` is ignored"),
            };
            cx.within(Tok::Key(key.clone()), |cx| {
                cx.warn(Code::UnknownField, message, &expected)
            });
        }
    }
    // A key said to belong in another object is not taken for a misnamed field.
    unknown.retain(|k| !F::ELSEWHERE.iter().any(|(e, _)| e == k));
    // The object's unknown keys, while it is finished (an object read inside its finish, as a
    // side's topics read after its sources, keeps its own and gives these back).
    let outer = std::mem::replace(&mut cx.unknown_here, unknown);
    let out = fields.finish(cx, present);
    cx.unknown_here = outer;
    Ok(out)
}

/// The position of `key` in `names`. Most names differ in length or first letter, so most
/// are ruled out without comparing whole strings (this runs for every key of a file).
fn name_index(names: &[&str], key: &str) -> Option<usize> {
    let k = key.as_bytes();
    names
        .iter()
        .position(|n| n.len() == k.len() && n.as_bytes().first() == k.first() && n.as_bytes() == k)
}

/// Reports the fields of `required` (indices into `names`) that `present` lacks, in order.
pub(super) fn require(cx: &mut Cx, names: &[&str], present: u32, required: &[usize]) {
    for &i in required {
        if present & (1 << i) == 0
            && let Some(name) = names.get(i)
        {
            cx.missing(name);
        }
    }
}

struct FieldSeed<'c, 'f, 'x, F> {
    cx: &'c mut Cx<'f>,
    fields: &'x mut F,
    i: usize,
}

impl<'de, F: Fields<'de>> DeserializeSeed<'de> for FieldSeed<'_, '_, '_, F> {
    type Value = bool;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de, F: Fields<'de>> Visitor<'de> for FieldSeed<'_, '_, '_, F> {
    type Value = bool;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field's value")
    }
    fn visit_none<E>(self) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_unit<E>(self) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        self.fields.field(self.cx, self.i, d)?;
        Ok(true)
    }
}

/// Reads an array, item by item.
pub(super) trait Items<'de> {
    /// Reads item `i`.
    fn item<D: Deserializer<'de>>(&mut self, cx: &mut Cx, i: usize, d: D) -> Result<(), D::Error>;
}

/// Reads every item of an array with `items`.
pub(super) fn items<'de, A: SeqAccess<'de>, I: Items<'de>>(
    cx: &mut Cx,
    mut seq: A,
    items: &mut I,
) -> Result<(), A::Error> {
    let mut i = 0;
    while cx
        .within(Tok::Index(i), |cx| {
            seq.next_element_seed(ItemSeed { cx, items, i })
        })?
        .is_some()
    {
        i += 1;
    }
    Ok(())
}

struct ItemSeed<'c, 'f, 'x, I> {
    cx: &'c mut Cx<'f>,
    items: &'x mut I,
    i: usize,
}

impl<'de, I: Items<'de>> DeserializeSeed<'de> for ItemSeed<'_, '_, '_, I> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.items.item(self.cx, self.i, d)
    }
}

/// A list of values each read with a copy of `W`; the ones that read are kept.
#[derive(Clone, Copy)]
pub(super) struct List<W>(pub W);

impl<'de, W: Want<'de> + Copy> Want<'de> for List<W> {
    type Out = ThinVec<W::Out>;
    fn expected(&self) -> Cow<'static, str> {
        "an array".into()
    }
    fn seq<A: SeqAccess<'de>>(self, cx: &mut Cx, seq: A) -> Result<Option<Self::Out>, A::Error> {
        let mut c = Gather {
            want: self.0,
            out: ThinVec::with_capacity(seq.size_hint().unwrap_or(0)),
        };
        items(cx, seq, &mut c)?;
        c.out.shrink_to_fit();
        Ok(Some(c.out))
    }
}

/// Pushes `v`, making room for exactly one value on the first push: most of a claim's lists
/// hold one value, and `ThinVec` would make room for four and then shrink, two allocations
/// where one does. Later pushes grow by doubling, so a long list stays linear.
pub(super) fn push<T>(out: &mut ThinVec<T>, v: T) {
    if out.capacity() == 0 {
        out.reserve_exact(1);
    }
    out.push(v);
}

struct Gather<W, O> {
    want: W,
    out: ThinVec<O>,
}

impl<'de, W: Want<'de> + Copy> Items<'de> for Gather<W, W::Out> {
    fn item<D: Deserializer<'de>>(&mut self, cx: &mut Cx, _: usize, d: D) -> Result<(), D::Error> {
        if let Some(v) = read(cx, d, self.want)? {
            push(&mut self.out, v);
        }
        Ok(())
    }
}

/// A text; `non_empty` texts must say something. A `one_line` text (a name, a title, a
/// question) is shown where one line is: its line breaks are read as spaces, so no view glues
/// or splits its words.
#[derive(Clone, Copy)]
pub(super) struct Text {
    pub non_empty: bool,
    pub one_line: bool,
}

/// The texts the side and manifest readers want: optional or required, prose or one line.
pub(super) const OPTIONAL_TEXT: Text = Text {
    non_empty: false,
    one_line: false,
};
pub(super) const REQUIRED_TEXT: Text = Text {
    non_empty: true,
    one_line: false,
};
pub(super) const OPTIONAL_LINE: Text = Text {
    non_empty: false,
    one_line: true,
};
pub(super) const REQUIRED_LINE: Text = Text {
    non_empty: true,
    one_line: true,
};

/// A text cleaned as [`Cx::text`] cleans it, its line breaks read as spaces when `one_line`.
fn laid_out(text: Cow<'_, str>, one_line: bool) -> Cow<'_, str> {
    if one_line && text.contains('\n') {
        Cow::Owned(text.replace('\n', " "))
    } else {
        text
    }
}

impl<'de> Want<'de> for Text {
    type Out = String;
    fn expected(&self) -> Cow<'static, str> {
        "a string".into()
    }
    fn string(self, cx: &mut Cx, s: Cow<'de, str>) -> Option<String> {
        cx.text(s, self.non_empty)
            .map(|t| laid_out(t, self.one_line).into_owned())
    }
}

/// A short text that repeats or is short (a speaker): as a one-line [`Text`], kept inline when
/// it fits.
#[derive(Clone, Copy)]
pub(super) struct ShortText;

impl<'de> Want<'de> for ShortText {
    type Out = CompactString;
    fn expected(&self) -> Cow<'static, str> {
        "a string".into()
    }
    fn string(self, cx: &mut Cx, s: Cow<'de, str>) -> Option<CompactString> {
        cx.text(s, false)
            .map(|t| CompactString::from(laid_out(t, true)))
    }
}

/// An id.
#[derive(Clone, Copy)]
pub(super) struct Id;

impl<'de> Want<'de> for Id {
    type Out = CompactString;
    fn expected(&self) -> Cow<'static, str> {
        "an id (a string)".into()
    }
    fn string(self, cx: &mut Cx, s: Cow<'de, str>) -> Option<CompactString> {
        cx.id(s)
    }
}

/// A date.
#[derive(Clone, Copy)]
pub(super) struct DateWant;

impl<'de> Want<'de> for DateWant {
    type Out = Date;
    fn expected(&self) -> Cow<'static, str> {
        "a date (a string)".into()
    }
    fn string(self, cx: &mut Cx, s: Cow<'de, str>) -> Option<Date> {
        match s.parse::<Date>() {
            Ok(d) => Some(d),
            Err(e) => {
                // What the message does not say already: the date meant is said in it (`write
                // 2025-05-03`), and a shape with none meant gets an example, not the rule again.
                let expected = match e {
                    DateError::Shape { meant: Some(_) } => None,
                    DateError::Shape { meant: None } => Some(
                        "a date such as `2025-05-03`: the year first, then the month and the \
                         day, two digits each",
                    ),
                    DateError::DayNumber => Some("a date written YYYY-MM-DD"),
                    DateError::NoYear => Some("the date with its year, the year first"),
                    DateError::NotReal { .. } => Some("a real calendar date"),
                };
                let message = format!("\"{}\" {e}", text::quote(&s));
                match expected {
                    Some(expected) => cx.error(Code::BadDate, message, expected),
                    None => cx.error_saying_what_to_do(Code::BadDate, message),
                }
                None
            }
        }
    }
}

/// One of a fixed set of words (a source kind, a rating), named `what` in messages; the words
/// allowed come from the type's own names.
pub(super) struct Word<T> {
    pub what: &'static str,
    pub words: PhantomData<T>,
}

impl<T> Word<T> {
    /// Reads a `T`, called `what` in messages.
    pub const fn of(what: &'static str) -> Self {
        Word {
            what,
            words: PhantomData,
        }
    }
}

/// What a word that is none of a type's names may have meant, said beside it: the nearest of
/// the names (a typo); a rating also knows fact-checkers' words (`false`).
pub(super) trait Meant: VariantNames {
    /// The words said after the value (` (did you mean `news`?)`), or nothing.
    fn meant(word: &str) -> String {
        nearest::<Self>(word).unwrap_or_default()
    }
}

/// ` (did you mean `news`?)` for the name of `T` a typo or two from `word`.
fn nearest<T: VariantNames + ?Sized>(word: &str) -> Option<String> {
    text::nearest_name(T::VARIANTS, word).map(|w| format!(" (did you mean `{w}`?)"))
}

impl Meant for format::SourceKind {}
impl Meant for format::ReliabilityRating {}
impl Meant for format::RelationKind {}
impl Meant for format::Rating {
    fn meant(word: &str) -> String {
        nearest::<Self>(word)
            .or_else(|| {
                let r = format::verdicts::rating_of(word)?;
                Some(format!(
                    " (a fact-checker's \"{}\" is `{}` in this format)",
                    text::quote(word),
                    r.as_str()
                ))
            })
            .unwrap_or_default()
    }
}

impl<'de, T: FromStr + Meant> Want<'de> for Word<T> {
    type Out = T;
    fn expected(&self) -> Cow<'static, str> {
        format!("{} (a string)", self.what).into()
    }
    fn string(self, cx: &mut Cx, s: Cow<'de, str>) -> Option<T> {
        let parsed = s.parse().ok();
        if parsed.is_none() {
            let meant = T::meant(&s);
            cx.error(
                Code::BadValue,
                format!("\"{}\" is not {}{meant}", text::quote(&s), self.what),
                &format!("one of {}", T::VARIANTS.join(", ")),
            );
        }
        parsed
    }
}

/// The `format` field: the string `parallax/1`.
pub(super) struct FormatWant;

/// How a file that is an export (`parallax-export/1`) is said to be one: the one thing said of
/// it, since its fields are an export's, not a side's.
pub(super) const AN_EXPORT: &str = "this is an export";

impl<'de> Want<'de> for FormatWant {
    type Out = ();
    fn expected(&self) -> Cow<'static, str> {
        "the string \"parallax/1\"".into()
    }
    fn string(self, cx: &mut Cx, s: Cow<'de, str>) -> Option<()> {
        if s == format::EXPORT_FORMAT {
            // The screen saves its JSON exports beside the side files: one named by hand is
            // no side file, and the fix is to name the files it came from.
            cx.error(
                Code::WrongFormat,
                format!(
                    "{AN_EXPORT} (format \"{}\"), not a side file",
                    format::EXPORT_FORMAT
                ),
                "a side file (\"parallax/1\"): name the dispute the export was made from",
            );
        } else if s != format::FORMAT {
            cx.error(
                Code::WrongFormat,
                format!(
                    "format \"{}\" is not one this program reads",
                    text::quote(&s)
                ),
                "\"parallax/1\"",
            );
        }
        Some(())
    }
}

/// A file's `$schema`: the address of the JSON Schema editors check it against, not used here.
pub(super) struct SchemaWant;

impl<'de> Want<'de> for SchemaWant {
    type Out = ();
    fn expected(&self) -> Cow<'static, str> {
        "the address of a JSON Schema (a string)".into()
    }
    fn string(self, _: &mut Cx, _: Cow<'de, str>) -> Option<()> {
        Some(())
    }
}

/// Parses one file's text with `want` at its root. `Err` is a syntax error, and then nothing
/// else in the file is reported.
pub(super) fn parse<'de, W: Want<'de>>(
    cx: &mut Cx,
    text: &'de str,
    want: W,
) -> Result<Option<W::Out>, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let out = read(cx, &mut de, want)?;
    de.end()?;
    Ok(out)
}
