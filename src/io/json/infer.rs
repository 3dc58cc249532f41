//! Spark's JSON schema inference (`JsonInferSchema`) over parsed records: integers
//! BIGINT (DECIMAL beyond 64 bits), other numbers DOUBLE (or DECIMAL with
//! `prefersDecimal`), fields sorted by name, types widened by `compatibleType`,
//! records that are not objects giving the corrupt-record column, NULL-only fields
//! STRING (or dropped with `dropFieldIfAllNull`) and empty structs dropped.

use super::parser::Value;
use super::reading::{Mode, Reading};
use crate::error::{Error, ErrorKind, Result};
use crate::compat::java_decimal::java_big_decimal;
use crate::ir::{DataType, StructField};

const MAX_PRECISION: i64 = 38;

/// Java's `String.compareTo`: by UTF-16 code units.
fn java_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// The type of one parsed record (or a value inside it).
pub fn infer(v: &Value, r: &Reading) -> Result<DataType> {
    Ok(match v {
        Value::Null => DataType::Null,
        _ if r.primitives_as_string && !matches!(v, Value::Array(_) | Value::Object(_)) => DataType::String,
        Value::Bool(_) => DataType::Boolean,
        Value::Int(text) if text.parse::<i64>().is_ok() => DataType::Long,
        Value::Int(text) => number_decimal(text)?.unwrap_or(DataType::Double),
        Value::Float(text) if r.prefers_decimal => number_decimal(text)?.unwrap_or(DataType::Double),
        Value::Float(_) | Value::NonNumeric(..) => DataType::Double,
        Value::Str(text) if r.prefers_decimal => string_decimal(text).unwrap_or(DataType::String),
        Value::Str(_) => DataType::String,
        Value::Array(items) => {
            let mut e = DataType::Null;
            for x in items {
                e = compatible(e, infer(x, r)?);
            }
            DataType::Array(Box::new(e), true)
        }
        Value::Object(fields) => {
            let mut fs = fields.iter().map(|(k, x)| Ok(StructField::new(k.clone(), infer(x, r)?, true))).collect::<Result<Vec<_>>>()?;
            fs.sort_by(|a, b| java_order(&a.name, &b.name));
            DataType::Struct(fs)
        }
    })
}

/// A JSON number's `DecimalType(max(precision, scale), scale)` as Jackson's
/// `getDecimalValue` gives it; None (DOUBLE) beyond 38 digits.
fn number_decimal(text: &str) -> Result<Option<DataType>> {
    let Some(d) = java_big_decimal(text) else { return Ok(None) };
    let precision = (d.precision() as i64).max(d.scale);
    if precision > MAX_PRECISION {
        return Ok(None);
    }
    if d.scale < 0 {
        return Err(Error::new(
            ErrorKind::Analysis,
            "NEGATIVE_SCALE_DISALLOWED",
            format!("Negative scale is not allowed: '{}'. Set the config \"spark.sql.legacy.allowNegativeScaleOfDecimal\" to \"true\" to allow it. SQLSTATE: 0A000", d.scale),
        )
        .with_param("scale", d.scale.to_string())
        .with_param("sqlConf", "\"spark.sql.legacy.allowNegativeScaleOfDecimal\""));
    }
    Ok(Some(DataType::Decimal(precision as u8, d.scale as u8)))
}

/// A string `prefersDecimal` reads as a decimal: `new BigDecimal` of the text without
/// grouping commas (locale en-US), when `DecimalType(precision, scale)` is valid.
fn string_decimal(text: &str) -> Option<DataType> {
    let d = java_big_decimal(&text.replace(',', ""))?;
    let (p, s) = (d.precision() as i64, d.scale);
    (s >= 0 && s <= p && p <= MAX_PRECISION).then_some(DataType::Decimal(p as u8, s as u8))
}

/// `JsonInferSchema.compatibleType`: the type two values both fit, STRING when no other does.
pub fn compatible(a: DataType, b: DataType) -> DataType {
    use DataType as D;
    match (a, b) {
        (a, b) if a == b => a,
        (D::Null, x) | (x, D::Null) => x,
        (D::Long, D::Double) | (D::Double, D::Long) | (D::Double, D::Decimal(..)) | (D::Decimal(..), D::Double) => D::Double,
        (D::Decimal(p1, s1), D::Decimal(p2, s2)) => wider_decimal(p1, s1, p2, s2),
        (D::Decimal(p, s), D::Long) | (D::Long, D::Decimal(p, s)) => wider_decimal(p, s, 20, 0),
        (D::Array(x, n1), D::Array(y, n2)) => D::Array(Box::new(compatible(*x, *y)), n1 || n2),
        (D::Struct(x), D::Struct(y)) => D::Struct(merge_fields(x, y)),
        _ => D::String,
    }
}

fn wider_decimal(p1: u8, s1: u8, p2: u8, s2: u8) -> DataType {
    let scale = s1.max(s2);
    let range = (p1 - s1).max(p2 - s2);
    if range as i64 + scale as i64 > MAX_PRECISION { DataType::Double } else { DataType::Decimal(range + scale, scale) }
}

/// Two name-sorted field lists merged; fields of one name made compatible.
fn merge_fields(x: Vec<StructField>, y: Vec<StructField>) -> Vec<StructField> {
    let mut out = Vec::with_capacity(x.len() + y.len());
    let (mut x, mut y) = (x.into_iter().peekable(), y.into_iter().peekable());
    loop {
        let next = match (x.peek(), y.peek()) {
            (Some(a), Some(b)) => match java_order(&a.name, &b.name) {
                std::cmp::Ordering::Less => x.next(),
                std::cmp::Ordering::Greater => y.next(),
                std::cmp::Ordering::Equal => match (x.next(), y.next()) {
                    (Some(a), Some(b)) => Some(StructField::new(a.name, compatible(a.data_type, b.data_type), true)),
                    (a, b) => a.or(b),
                },
            },
            (Some(_), None) => x.next(),
            (None, Some(_)) => y.next(),
            (None, None) => break,
        };
        out.extend(next);
    }
    out
}

/// `compatibleRootType`: records merged at the top level, where a top-level array
/// stands for its elements and a value that is not an object makes the records
/// corrupt ones.
pub fn compatible_root(a: DataType, b: DataType, r: &Reading) -> Result<DataType> {
    use DataType as D;
    Ok(match (a, b) {
        (D::Array(e, _), t) => compatible_root(*e, t, r)?,
        (t, D::Array(e, _)) => compatible_root(t, *e, r)?,
        (s @ D::Struct(_), D::Null) | (D::Null, s @ D::Struct(_)) => s,
        (D::Struct(fields), o) | (o, D::Struct(fields)) if !matches!(o, D::Struct(_)) => with_corrupt_field(fields, &o, r)?,
        (a, b) => compatible(a, b),
    })
}

fn with_corrupt_field(mut fields: Vec<StructField>, other: &DataType, r: &Reading) -> Result<DataType> {
    match r.mode {
        Mode::Permissive => {
            if !fields.iter().any(|f| f.name == r.corrupt_column) {
                fields.push(StructField::new(r.corrupt_column.clone(), DataType::String, true));
                fields.sort_by(|a, b| java_order(&a.name, &b.name));
            }
            Ok(DataType::Struct(fields))
        }
        Mode::DropMalformed => Ok(DataType::Struct(fields)),
        Mode::FailFast => Err(Error::new(
            ErrorKind::Runtime,
            "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION",
            format!(
                "Malformed records are detected in record parsing: {}.\nParse Mode: FAILFAST. To process malformed records as null result, try setting the option 'mode' as 'PERMISSIVE'. SQLSTATE: 22023",
                other.simple_string()
            ),
        )
        .with_param("badRecord", other.simple_string())
        .with_param("failFastMode", "FAILFAST")),
    }
}

/// The type a record that does not parse contributes (None: dropped).
pub fn corrupt_record_type(r: &Reading) -> Result<Option<DataType>> {
    match r.mode {
        Mode::Permissive => Ok(Some(DataType::Struct(vec![StructField::new(r.corrupt_column.clone(), DataType::String, true)]))),
        Mode::DropMalformed => Ok(None),
        Mode::FailFast => Err(Error::new(
            ErrorKind::Runtime,
            "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION",
            format!(
                "Malformed records are detected in record parsing: {}.\nParse Mode: FAILFAST. To process malformed records as null result, try setting the option 'mode' as 'PERMISSIVE'. SQLSTATE: 22023",
                r.corrupt_column
            ),
        )
        .with_param("badRecord", r.corrupt_column.clone())
        .with_param("failFastMode", "FAILFAST")),
    }
}

/// `canonicalizeType`: NULL becomes STRING (or vanishes with `dropFieldIfAllNull`);
/// fields without a name and empty structs vanish.
pub fn canonical(t: DataType, r: &Reading) -> Option<DataType> {
    match t {
        DataType::Null => (!r.drop_field_if_all_null).then_some(DataType::String),
        DataType::Array(e, n) => canonical(*e, r).map(|e| DataType::Array(Box::new(e), n)),
        DataType::Struct(fields) => {
            let fields: Vec<StructField> = fields
                .into_iter()
                .filter(|f| !f.name.is_empty())
                .filter_map(|f| canonical(f.data_type, r).map(|t| StructField::new(f.name, t, true)))
                .collect();
            (!fields.is_empty()).then_some(DataType::Struct(fields))
        }
        other => Some(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::json::parser::{parse_first, Features};

    fn t(text: &str, r: &Reading) -> DataType {
        infer(&parse_first(text, &Features::default()).unwrap().unwrap(), r).unwrap()
    }

    #[test]
    fn numbers_and_widening() {
        let r = Reading::default();
        assert_eq!(t("12345678901234567890", &r), DataType::Decimal(20, 0));
        assert_eq!(compatible(t("[1, 2.5]", &r), DataType::Null), DataType::Array(Box::new(DataType::Double), true));
        let pd = Reading { prefers_decimal: true, ..Reading::default() };
        assert_eq!(t("[1, 2.0]", &pd), DataType::Array(Box::new(DataType::Decimal(21, 1)), true));
        assert_eq!(t("0.000", &pd), DataType::Decimal(3, 3));
        assert_eq!(t("\"1e3\"", &pd), DataType::String);
        assert!(infer(&Value::Float("1E+2".into()), &pd).is_err());
        assert_eq!(compatible(DataType::Boolean, DataType::Long), DataType::String);
    }

    #[test]
    fn roots() {
        let r = Reading::default();
        let s = |fields: &[&str]| DataType::Struct(fields.iter().map(|f| StructField::new(f.to_string(), DataType::Long, true)).collect());
        let merged = compatible_root(s(&["a"]), DataType::Long, &r).unwrap();
        let DataType::Struct(fields) = merged else { panic!() };
        assert_eq!(fields.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), vec!["_corrupt_record", "a"]);
        assert_eq!(canonical(DataType::Struct(vec![StructField::new("e", DataType::Struct(vec![]), true)]), &r), None);
    }
}
