//! Parsed JSON records as rows of a schema, as Spark's `JacksonParser` converts them:
//! a value of the wrong kind fails, a failing struct field is NULL and makes its
//! record a bad one (its other fields kept: Spark's partial results), a failing array
//! element or map value fails the whole array or map.

use super::parser::Value;
use crate::compat::json_write::write_string;
use crate::compat::timezone::Zone;
use crate::io::csv::datetime::Formats;
use crate::compat::java_decimal::java_big_decimal;
use crate::ir::{DataType, StructField};
use crate::lowering::types::to_polars;
use polars::prelude::{AnyValue, DataType as PlType, Field, Series, TimeUnit};

pub type Row = Vec<AnyValue<'static>>;

/// What converting text to dates and timestamps needs: the session time zone and the
/// `dateFormat`/`timestampFormat`/`timestampNTZFormat` patterns with
/// `enableDateTimeParsingFallback`, read as the CSV reader reads them (`JacksonParser`
/// has the same converters) but for dates without `preferDate`: without a pattern
/// Spark's lenient `stringToDate`.
#[derive(Clone)]
pub struct Conversion {
    pub zone: Zone,
    formats: Formats,
    /// A STRING field takes a non-string value's text as Jackson regenerates it
    /// (`copyCurrentStructure`: numbers as Java prints them) rather than as written:
    /// `from_json`'s parser has no raw content to copy (Spark's exact string parsing
    /// needs the record's bytes, which only the file reader hands it).
    regenerated: bool,
}

impl Conversion {
    pub fn new(zone: Zone, date: Option<&str>, timestamp: Option<&str>, timestamp_ntz: Option<&str>, fallback: Option<bool>) -> crate::error::Result<Conversion> {
        let formats = Formats::new(date, timestamp, timestamp_ntz, fallback, false);
        // A pattern Spark cannot build fails each value, except a week-based one (Spark's
        // upgrade error): raised when the read starts.
        for compiled in [&formats.date, &formats.timestamp].into_iter().flatten() {
            if let Err(e) = compiled {
                if e.kind == crate::error::ErrorKind::Upgrade {
                    return Err(e.clone().into());
                }
            }
        }
        Ok(Conversion { zone, formats, regenerated: false })
    }

    /// The conversion `from_json` makes (see `regenerated`).
    pub fn regenerating(mut self) -> Conversion {
        self.regenerated = true;
        self
    }

    fn date(&self, s: &str) -> Option<i32> {
        self.formats.date(s).ok().flatten()
    }

    fn timestamp(&self, s: &str) -> Option<i64> {
        self.formats.timestamp(s, &self.zone).ok().flatten()
    }

    fn timestamp_ntz(&self, s: &str) -> Option<i64> {
        self.formats.timestamp_ntz(s)
    }
}

/// The rows of one record: one for an object, one per element for an array of
/// objects. `Err(rows)` is a bad record with its partial rows (every element's, when
/// one of an array's fails), or none (not an object, or an array with an element that
/// is not).
pub fn record_row(v: &Value, fields: &[StructField], corrupt_at: Option<usize>, zone: &Conversion) -> Result<Vec<Row>, Vec<Row>> {
    let objects: Vec<&[(String, Value)]> = match v {
        Value::Object(entries) => vec![entries.as_slice()],
        Value::Array(items) => {
            let objects: Option<Vec<_>> = items.iter().map(|x| if let Value::Object(e) = x { Some(e.as_slice()) } else { None }).collect();
            objects.ok_or_else(Vec::new)?
        }
        _ => return Err(vec![]),
    };
    let mut bad = false;
    let rows = objects.into_iter().map(|entries| struct_values(entries, fields, corrupt_at, zone, &mut bad)).collect();
    if bad { Err(rows) } else { Ok(rows) }
}

/// An object's values for `fields` (matched by exact name, the last of duplicate keys
/// winning); a field that fails is NULL and sets `bad`.
fn struct_values(entries: &[(String, Value)], fields: &[StructField], skip: Option<usize>, zone: &Conversion, bad: &mut bool) -> Row {
    let mut row = vec![AnyValue::Null; fields.len()];
    for (key, x) in entries {
        let Some(i) = fields.iter().position(|f| &f.name == key) else { continue };
        if Some(i) == skip {
            continue;
        }
        row[i] = match convert(x, &fields[i].data_type, zone, bad) {
            Some(v) => v,
            None => {
                *bad = true;
                AnyValue::Null
            }
        };
    }
    row
}

fn pl_fields(fields: &[StructField]) -> Vec<Field> {
    fields.iter().map(|f| Field::new(f.name.as_str().into(), to_polars(&f.data_type))).collect()
}

/// Spark's names for NaN and the infinities in a string, for FLOAT and DOUBLE fields.
fn special_float(s: &str) -> Option<f64> {
    match s {
        "NaN" => Some(f64::NAN),
        "+INF" | "+Infinity" | "Infinity" => Some(f64::INFINITY),
        "-INF" | "-Infinity" => Some(f64::NEG_INFINITY),
        _ => None,
    }
}

/// A JSON value as a value of type `t`; None when it does not convert.
pub fn convert(v: &Value, t: &DataType, zone: &Conversion, bad: &mut bool) -> Option<AnyValue<'static>> {
    use DataType as D;
    Some(match (v, t) {
        (Value::Null, _) => AnyValue::Null,
        (Value::Bool(b), D::Boolean) => AnyValue::Boolean(*b),
        // Jackson's getByteValue takes -128..=255 and wraps the upper half.
        (Value::Int(s), D::Byte) => AnyValue::Int8(s.parse::<i64>().ok().filter(|i| (-128..=255).contains(i))? as u8 as i8),
        (Value::Int(s), D::Short) => AnyValue::Int16(s.parse().ok()?),
        (Value::Int(s), D::Integer) => AnyValue::Int32(s.parse().ok()?),
        (Value::Int(s), D::Long) => AnyValue::Int64(s.parse().ok()?),
        (Value::Int(s) | Value::Float(s), D::Double) => AnyValue::Float64(s.parse().ok()?),
        (Value::Int(s) | Value::Float(s), D::Float) => AnyValue::Float32(s.parse().ok()?),
        (Value::NonNumeric(x, _), D::Double) => AnyValue::Float64(*x),
        (Value::NonNumeric(x, _), D::Float) => AnyValue::Float32(*x as f32),
        (Value::Str(s), D::Double) => AnyValue::Float64(special_float(s)?),
        (Value::Str(s), D::Float) => AnyValue::Float32(special_float(s)? as f32),
        (Value::Int(s) | Value::Float(s), D::Decimal(p, sc)) => AnyValue::Decimal(java_big_decimal(s)?.rescaled(*p, *sc)?, *p as usize, *sc as usize),
        (Value::Str(s), D::Decimal(p, sc)) if !s.is_empty() => {
            AnyValue::Decimal(java_big_decimal(&s.replace(',', ""))?.rescaled(*p, *sc)?, *p as usize, *sc as usize)
        }
        (Value::Str(s), D::String) => AnyValue::StringOwned(s.as_str().into()),
        (other, D::String) if zone.regenerated => AnyValue::StringOwned(regenerated_text(other).as_str().into()),
        (other, D::String) => AnyValue::StringOwned(jackson_text(other).as_str().into()),
        (Value::Str(s), D::Date) => AnyValue::Date(zone.date(s)?),
        (Value::Str(s), D::Timestamp) => AnyValue::Datetime(zone.timestamp(s)?, TimeUnit::Microseconds, None),
        (Value::Int(s), D::Timestamp) => AnyValue::Datetime(s.parse::<i64>().ok()?.checked_mul(1_000_000)?, TimeUnit::Microseconds, None),
        (Value::Str(s), D::TimestampNtz) => AnyValue::Datetime(zone.timestamp_ntz(s)?, TimeUnit::Microseconds, None),
        (Value::Array(items), D::Array(e, _)) => {
            let values = items.iter().map(|x| convert(x, e, zone, bad)).collect::<Option<Vec<_>>>()?;
            AnyValue::List(Series::from_any_values_and_dtype("".into(), &values, &to_polars(e), true).ok()?)
        }
        (Value::Object(entries), D::Map(k, vt, _)) if **k == D::String => {
            let fields = vec![Field::new("key".into(), PlType::String), Field::new("value".into(), to_polars(vt))];
            let mut values = Vec::with_capacity(entries.len());
            for (key, x) in entries {
                let v = convert(x, vt, zone, bad)?;
                values.push(AnyValue::StructOwned(Box::new((vec![AnyValue::StringOwned(key.as_str().into()), v], fields.clone()))));
            }
            AnyValue::List(Series::from_any_values_and_dtype("".into(), &values, &PlType::Struct(fields), true).ok()?)
        }
        (Value::Object(entries), D::Struct(fields)) => AnyValue::StructOwned(Box::new((struct_values(entries, fields, None, zone, bad), pl_fields(fields)))),
        _ => return None,
    })
}

/// A value's JSON text as Jackson's generator copies it: compact, numbers as written.
fn jackson_text(v: &Value) -> String {
    let mut out = String::new();
    write(v, &mut out);
    out
}

/// A value's JSON text as Jackson's `copyCurrentStructure` writes it: integers by
/// value, other numbers as Java prints the double (NaN and the infinities quoted),
/// characters above U+FFFF as surrogate escapes.
fn regenerated_text(v: &Value) -> String {
    fn go(v: &Value, out: &mut String) {
        match v {
            Value::Int(s) => match s.parse::<i128>() {
                Ok(i) => out.push_str(&i.to_string()),
                Err(_) => out.push_str(s.trim_start_matches('+')),
            },
            Value::Float(s) => out.push_str(&crate::ir::text::java_double(s.parse::<f64>().unwrap_or(f64::NAN))),
            Value::NonNumeric(x, _) => crate::compat::json_write::write_string_escaping(&crate::ir::text::java_double(*x), out, true),
            Value::Str(s) => crate::compat::json_write::write_string_escaping(s, out, true),
            Value::Array(items) => {
                out.push('[');
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    go(x, out);
                }
                out.push(']');
            }
            Value::Object(entries) => {
                out.push('{');
                for (i, (k, x)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    crate::compat::json_write::write_string_escaping(k, out, true);
                    out.push(':');
                    go(x, out);
                }
                out.push('}');
            }
            other => write(other, out),
        }
    }
    let mut out = String::new();
    go(v, &mut out);
    out
}

fn write(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(s) | Value::Float(s) => out.push_str(s),
        Value::NonNumeric(_, token) => out.push_str(token),
        Value::Str(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(x, out);
            }
            out.push(']');
        }
        Value::Object(entries) => {
            out.push('{');
            for (i, (k, x)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(k, out);
                out.push(':');
                write(x, out);
            }
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::json::parser::{parse_first, Features};

    fn value(t: &str) -> Value {
        parse_first(t, &Features::default()).unwrap().unwrap()
    }

    #[test]
    fn partial_results_and_text() {
        let fields = vec![StructField::new("a", DataType::Integer, true), StructField::new("b", DataType::String, true)];
        let zone = Conversion::new(Zone::utc(), None, None, None, None).unwrap();
        let rows = record_row(&value(r#"{"a":1,"b":{"x":[1.50,"q"]}}"#), &fields, None, &zone).unwrap();
        assert_eq!(rows[0][1], AnyValue::StringOwned(r#"{"x":[1.50,"q"]}"#.into()));
        match record_row(&value(r#"{"a":"x","b":"y"}"#), &fields, None, &zone) {
            Err(rows) => assert_eq!(rows, vec![vec![AnyValue::Null, AnyValue::StringOwned("y".into())]]),
            other => panic!("{other:?}"),
        }
        assert_eq!(record_row(&value("5"), &fields, None, &zone), Err(vec![]));
        let mut bad = false;
        assert_eq!(convert(&value("200"), &DataType::Byte, &zone, &mut bad), Some(AnyValue::Int8(-56)));
        assert_eq!(convert(&value("70000"), &DataType::Short, &zone, &mut bad), None);
    }
}
