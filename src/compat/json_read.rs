//! `from_json`: JSON text read into a value of a given type as Spark's `JacksonParser`
//! converts it in PERMISSIVE mode with partial results (Spark's defaults): text that is
//! not JSON gives a struct of NULLs; a field whose value does not convert is NULL and
//! the other fields keep theirs; a key given twice keeps its last value; a STRING field
//! takes any JSON value's text.

use super::json::{parse_value, write_jackson, Json};
use crate::ir::{DataType, StructField};
use polars::prelude::{AnyValue, DataType as PlType, Field, PolarsResult, Series};

/// The value of one JSON text for a top-level struct, array or map type.
pub fn read_top(text: &str, t: &DataType) -> PolarsResult<AnyValue<'static>> {
    if text.trim().is_empty() {
        return Ok(AnyValue::Null);
    }
    let Some(v) = parse_value(text) else {
        return Ok(match t {
            DataType::Struct(fields) => nulls(fields),
            _ => AnyValue::Null,
        });
    };
    Ok(match (t, &v) {
        (DataType::Struct(fields), Json::Object(_)) => convert(&v, t)?.unwrap_or_else(|| nulls(fields)),
        (DataType::Struct(fields), _) => nulls(fields),
        _ => convert(&v, t)?.unwrap_or(AnyValue::Null),
    })
}

fn pl_fields(fields: &[StructField]) -> Vec<Field> {
    fields.iter().map(|f| Field::new(f.name.as_str().into(), crate::lowering::types::to_polars(&f.data_type))).collect()
}

/// A struct whose fields are all NULL.
fn nulls(fields: &[StructField]) -> AnyValue<'static> {
    AnyValue::StructOwned(Box::new((vec![AnyValue::Null; fields.len()], pl_fields(fields))))
}

/// A JSON value as a value of type `t`; None when it does not convert. A failure
/// inside an array or map fails the whole array or map; a struct field that fails is
/// NULL and the struct keeps its other fields (Spark's partial results).
fn convert(v: &Json, t: &DataType) -> PolarsResult<Option<AnyValue<'static>>> {
    use DataType as D;
    Ok(match (v, t) {
        (Json::Null, _) => Some(AnyValue::Null),
        (Json::Str(s), D::String) => Some(AnyValue::StringOwned(s.as_str().into())),
        (other, D::String) => {
            let mut text = String::new();
            write_jackson(other, &mut text);
            Some(AnyValue::StringOwned(text.as_str().into()))
        }
        (Json::Bool(b), D::Boolean) => Some(AnyValue::Boolean(*b)),
        // Jackson's getByteValue takes -128..=255 and wraps the upper half.
        (Json::Int(i), D::Byte) => (-128..=255).contains(i).then(|| AnyValue::Int8(*i as u8 as i8)),
        (Json::Int(i), D::Short) => i16::try_from(*i).ok().map(AnyValue::Int16),
        (Json::Int(i), D::Integer) => i32::try_from(*i).ok().map(AnyValue::Int32),
        (Json::Int(i), D::Long) => i64::try_from(*i).ok().map(AnyValue::Int64),
        (Json::Int(i), D::Double) => Some(AnyValue::Float64(*i as f64)),
        (Json::Float(f), D::Double) => Some(AnyValue::Float64(*f)),
        (Json::Int(i), D::Float) => Some(AnyValue::Float32(*i as f32)),
        (Json::Float(f), D::Float) => Some(AnyValue::Float32(*f as f32)),
        (Json::Str(s), D::Double | D::Float) => {
            let x = match s.as_str() {
                "NaN" => f64::NAN,
                "Infinity" | "+Infinity" | "+INF" | "INF" => f64::INFINITY,
                "-Infinity" | "-INF" => f64::NEG_INFINITY,
                _ => return Ok(None),
            };
            Some(if *t == D::Float { AnyValue::Float32(x as f32) } else { AnyValue::Float64(x) })
        }
        (Json::Array(items), D::Array(e, _)) => {
            let mut values = Vec::with_capacity(items.len());
            for x in items {
                match convert(x, e)? {
                    Some(v) => values.push(v),
                    None => return Ok(None),
                }
            }
            let dtype = crate::lowering::types::to_polars(e);
            Some(AnyValue::List(Series::from_any_values_and_dtype("".into(), &values, &dtype, false)?))
        }
        (Json::Object(entries), D::Map(k, vt, _)) if **k == D::String => {
            let fields = vec![Field::new("key".into(), PlType::String), Field::new("value".into(), crate::lowering::types::to_polars(vt))];
            let mut values = Vec::with_capacity(entries.len());
            for (key, x) in entries {
                let Some(v) = convert(x, vt)? else { return Ok(None) };
                values.push(AnyValue::StructOwned(Box::new((vec![AnyValue::StringOwned(key.as_str().into()), v], fields.clone()))));
            }
            Some(AnyValue::List(Series::from_any_values_and_dtype("".into(), &values, &PlType::Struct(fields), false)?))
        }
        (Json::Object(entries), D::Struct(fields)) => {
            let mut values = vec![AnyValue::Null; fields.len()];
            for (key, x) in entries {
                if let Some(i) = fields.iter().position(|f| &f.name == key) {
                    values[i] = convert(x, &fields[i].data_type)?.unwrap_or(AnyValue::Null);
                }
            }
            Some(AnyValue::StructOwned(Box::new((values, pl_fields(fields)))))
        }
        _ => None,
    })
}
