//! JSON text read and written as Spark's Jackson does for `get_json_object` (its paths:
//! `compat::json_path`),
//! `json_array_length`, `json_object_keys` and `json_tuple` (`from_json` and
//! `schema_of_json` read with the JSON reader's parser, `io::json`). Parsing is serde_json's; this module
//! adds what Jackson does differently: the first JSON value of the text is read and
//! whatever follows it is ignored, objects keep their keys in order (duplicates
//! too), raw control characters inside strings are accepted (Spark enables
//! ALLOW_UNESCAPED_CONTROL_CHARS), and values are written back as Jackson's
//! generator writes them (compact, doubles as Java prints them, `\uXXXX` escapes in
//! upper case, characters outside the BMP as surrogate escapes).

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

/// A parsed JSON value with its object keys in document order.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Int(v as i128))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Int(v as i128))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(x) = seq.next_element::<Json>()? {
            items.push(x);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut fields = Vec::new();
        while let Some((k, v)) = map.next_entry::<String, Json>()? {
            fields.push((k, v));
        }
        Ok(Json::Object(fields))
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}

/// The keys of an object, in order, without reading the values into memory.
struct KeysVisitor;

impl<'de> Visitor<'de> for KeysVisitor {
    type Value = Vec<String>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<String>, A::Error> {
        let mut keys = Vec::new();
        while let Some((k, _)) = map.next_entry::<String, IgnoredAny>()? {
            keys.push(k);
        }
        Ok(keys)
    }
}

/// Raw control characters inside JSON strings escaped (Jackson accepts them, serde_json not).
fn escape_raw_controls(text: &str) -> Cow<'_, str> {
    if !text.bytes().any(|b| b < 0x20) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let (mut in_string, mut escaped) = (false, false);
    for ch in text.chars() {
        if in_string {
            if escaped {
                escaped = false;
            } else if ch == '\\' {
                escaped = true;
            } else if ch == '"' {
                in_string = false;
            } else if (ch as u32) < 0x20 {
                out.push_str(&format!("\\u{:04x}", ch as u32));
                continue;
            }
        } else if ch == '"' {
            in_string = true;
        }
        out.push(ch);
    }
    Cow::Owned(out)
}

/// Reads the first JSON value of `text` with `read`; None for invalid JSON or no value.
fn read_first<T>(text: &str, read: impl FnOnce(&mut serde_json::Deserializer<serde_json::de::StrRead>) -> serde_json::Result<T>) -> Option<T> {
    let text = escape_raw_controls(text);
    let mut de = serde_json::Deserializer::from_str(&text);
    read(&mut de).ok()
}

/// The first JSON value of `text`, None when it is not JSON.
pub fn parse_value(text: &str) -> Option<Json> {
    read_first(text, |de| Json::deserialize(de))
}

/// `json_array_length`: the number of elements of a top-level array.
pub fn array_length(text: &str) -> Option<i32> {
    read_first(text, |de| Vec::<IgnoredAny>::deserialize(de)).map(|v| v.len() as i32)
}

/// `json_object_keys`: the keys of a top-level object, in order.
pub fn object_keys(text: &str) -> Option<Vec<String>> {
    read_first(text, |de| de.deserialize_map(KeysVisitor))
}

/// `json_tuple`: the value of each requested field of a top-level object, a string
/// as its raw text and anything else as JSON, as Spark's `JsonTuple` copies it. A
/// field named twice takes the later non-null value; a JSON null leaves the field
/// NULL; every field is NULL when the text is not an object (or not JSON).
pub fn tuple_fields(text: &str, fields: &[Option<&str>]) -> Vec<Option<String>> {
    let mut row = vec![None; fields.len()];
    let Some(Json::Object(members)) = parse_value(text) else { return row };
    for (key, value) in &members {
        if matches!(value, Json::Null) {
            continue;
        }
        let wanted: Vec<usize> = (0..fields.len()).filter(|i| fields[*i] == Some(key.as_str())).collect();
        if wanted.is_empty() {
            continue;
        }
        let text = match value {
            Json::Str(s) => s.clone(),
            other => {
                let mut out = String::new();
                write_jackson(other, &mut out);
                out
            }
        };
        for i in wanted {
            row[i] = Some(text.clone());
        }
    }
    row
}

/// A value as Jackson's generator writes it.
pub fn write_jackson(v: &Json, out: &mut String) {
    match v {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Int(i) => out.push_str(&i.to_string()),
        Json::Float(f) => out.push_str(&crate::ir::text::java_double(*f)),
        Json::Str(s) => write_string(s, out),
        Json::Array(items) => {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_jackson(x, out);
            }
            out.push(']');
        }
        Json::Object(fields) => {
            out.push('{');
            for (i, (k, x)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(k, out);
                out.push(':');
                write_jackson(x, out);
            }
            out.push('}');
        }
    }
}

/// A quoted string with Jackson's escapes, characters above U+FFFF as surrogate pairs.
fn write_string(s: &str, out: &mut String) {
    super::json_write::write_string_escaping(s, out, true);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_written_as_jackson_does() {
        use crate::compat::json_path::{get_object, parse_path};
        let steps = parse_path("$.a").unwrap();
        // (serde_json reads the integer -0 as -0.0, Jackson as 0: a known difference.)
        assert_eq!(get_object(r#"{"a":[1.50,1e2,-0,"x\u0001😀"],"a":2}"#, &steps).as_deref(), Some(r#"[1.5,100.0,-0.0,"x\u0001\uD83D\uDE00"]"#));
        assert_eq!(get_object(r#"{"a":"raw	tab"} trailing"#, &steps).as_deref(), Some("raw\ttab"));
        assert_eq!(get_object(r#"{"a":null}"#, &steps), None);
        assert_eq!(get_object(r#"{"a":1,}"#, &steps), None);
    }

    #[test]
    fn tuple_fields_as_json_tuple_copies_them() {
        let f = |t: &str| tuple_fields(t, &[Some("a"), Some("b"), None, Some("a")]);
        assert_eq!(f(r#"{"a":1.50,"b":"x","a":null}"#), vec![Some("1.5".into()), Some("x".into()), None, Some("1.5".into())]);
        assert_eq!(f(r#"{"b":{"z":1e10}} junk"#), vec![None, Some(r#"{"z":1.0E10}"#.into()), None, None]);
        assert_eq!(f("[1]"), vec![None; 4]);
        assert_eq!(f(r#"{"a":1,"#), vec![None; 4]);
    }

    #[test]
    fn lengths_and_keys() {
        assert_eq!(array_length("[1, [2, 3], {\"a\": 1e999}] x"), Some(3));
        assert_eq!(array_length("{}"), None);
        assert_eq!(array_length(""), None);
        assert_eq!(object_keys(r#"{"b":1,"a":[],"b":2}"#), Some(vec!["b".into(), "a".into(), "b".into()]));
        assert_eq!(object_keys("[1]"), None);
    }
}
