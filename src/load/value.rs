//! Parsing a file to a JSON value while noticing keys that appear twice in one object.
//!
//! serde_json keeps one of two equal keys without a word, so a file could say one thing to
//! this program and another to the next reader. This parse keeps the first and records the
//! pointer of every later one, for the loader to report with both places.

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;

/// A parsed file and the pointers of its repeated keys (each pointing at the key's object
/// member, e.g. `/party/name`).
pub(super) struct Parsed {
    pub value: Value,
    pub duplicates: Vec<String>,
}

/// Parses JSON text, noting repeated keys.
pub(super) fn parse(text: &str) -> Result<Parsed, serde_json::Error> {
    let mut ctx = Ctx::default();
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Seed { ctx: &mut ctx }.deserialize(&mut de)?;
    de.end()?;
    Ok(Parsed {
        value,
        duplicates: ctx.duplicates,
    })
}

#[derive(Default)]
struct Ctx {
    /// The pointer of the value being parsed, token by token.
    path: Vec<Tok>,
    duplicates: Vec<String>,
}

/// One step of a pointer: an object's key or an array's index.
enum Tok {
    Key(String),
    Index(usize),
}

impl Ctx {
    fn pointer(&self, key: &str) -> String {
        let mut out = String::new();
        for token in &self.path {
            match token {
                Tok::Key(k) => push_key(&mut out, k),
                Tok::Index(i) => out.push_str(&format!("/{i}")),
            }
        }
        push_key(&mut out, key);
        out
    }
}

fn push_key(out: &mut String, key: &str) {
    out.push('/');
    out.push_str(&key.replace('~', "~0").replace('/', "~1"));
}

struct Seed<'c> {
    ctx: &'c mut Ctx,
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        loop {
            self.ctx.path.push(Tok::Index(out.len()));
            let item = seq.next_element_seed(Seed {
                ctx: &mut *self.ctx,
            });
            self.ctx.path.pop();
            match item? {
                Some(v) => out.push(v),
                None => break,
            }
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            self.ctx.path.push(Tok::Key(key));
            let value = map.next_value_seed(Seed {
                ctx: &mut *self.ctx,
            });
            let Some(Tok::Key(key)) = self.ctx.path.pop() else {
                return Err(de::Error::custom("unbalanced pointer"));
            };
            let value = value?;
            if out.contains_key(&key) {
                let pointer = self.ctx.pointer(&key);
                self.ctx.duplicates.push(pointer);
            } else {
                out.insert(key, value);
            }
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keys_are_noted_and_the_first_kept() {
        let p = parse(r#"{"a": 1, "b": [{"c": 1, "c": 2}], "a": 3}"#).expect("json");
        assert_eq!(p.duplicates, ["/b/0/c", "/a"]);
        assert_eq!(p.value["a"], 1);
        assert_eq!(p.value["b"][0]["c"], 1);
    }
}
