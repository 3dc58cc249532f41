//! `from_json` and `schema_of_json` with their options map: one text read as the reader
//! reads a record (`Reading`: parser features, parse mode, corrupt-record column;
//! `Conversion`: date and timestamp patterns), so an option means the same in
//! `from_json(s, schema, map(...))` as in `spark.read.options(...).json(...)`.

use super::convert::{convert, record_row, Conversion};
use super::infer::{canonical, infer};
use super::parser::{parse_first, NotJson, Value};
use super::reading::{Mode, Reading};
use super::OPTIONS;
use crate::compat::timezone::Zone;
use crate::error::{Error, ErrorKind, Result};
use crate::io::options::{check_function, get, Direction};
use crate::ir::{DataType, StructField};
use crate::lowering::types::to_polars;
use polars::prelude::{AnyValue, Field};
use std::collections::BTreeMap;

/// Spark's `spark.sql.columnNameOfCorruptRecord` default.
const CORRUPT_DEFAULT: &str = "_corrupt_record";

/// How `from_json` reads its texts into values of one type.
#[derive(Clone)]
pub struct FromJson {
    reading: Reading,
    conversion: Conversion,
    t: DataType,
    /// The STRING field of a struct schema that takes a malformed record's text.
    corrupt_at: Option<usize>,
}

/// A malformed record under FAILFAST: Spark's error.
#[derive(Debug, Clone)]
pub struct Malformed(pub String);

impl Malformed {
    pub fn error(&self) -> Error {
        Error::new(
            ErrorKind::Runtime,
            "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION",
            format!(
                "Malformed records are detected in record parsing: {}.\nParse Mode: FAILFAST. To process malformed records as null result, try setting the option 'mode' as 'PERMISSIVE'. SQLSTATE: 22023",
                self.0
            ),
        )
        .with_param("badRecord", self.0.clone())
        .with_param("failFastMode", "FAILFAST")
    }
}

impl FromJson {
    /// The reading of `options` into `t` (a struct, array or map); an option PyRust does
    /// not honour, or a parse mode `from_json` has not (Spark's PARSE_MODE_UNSUPPORTED),
    /// is an error.
    pub fn new(options: &BTreeMap<String, String>, t: &DataType, zone: Zone) -> Result<FromJson> {
        check_function("from_json", OPTIONS, Direction::Read, options)?;
        let reading = Reading::of(options, CORRUPT_DEFAULT)?;
        if let Some(mode) = get(OPTIONS, options, "mode").filter(|_| reading.mode == Mode::DropMalformed) {
            return Err(Error::analysis(
                "PARSE_MODE_UNSUPPORTED",
                format!("The function `from_json` doesn't support the {} mode. Acceptable modes are PERMISSIVE and FAILFAST.", mode.to_ascii_uppercase()),
            )
            .with_param("funcName", "`from_json`")
            .with_param("mode", mode.to_ascii_uppercase()));
        }
        let g = |name: &str| get(OPTIONS, options, name);
        let fallback = g("enableDateTimeParsingFallback").map(|v| v.eq_ignore_ascii_case("true"));
        let conversion = Conversion::new(zone, g("dateFormat"), g("timestampFormat"), g("timestampNTZFormat"), fallback)?.regenerating();
        let corrupt_at = match t {
            DataType::Struct(fields) => fields.iter().position(|f| f.name == reading.corrupt_column && f.data_type == DataType::String),
            _ => None,
        };
        Ok(FromJson { reading, conversion, t: t.clone(), corrupt_at })
    }

    /// The value of one text: NULL for a blank one; a malformed one (not JSON, not of
    /// the schema's kind, a value that does not convert) gives the partial struct with
    /// its text in the corrupt-record field, or NULL for an array or map, or (FAILFAST)
    /// an error.
    pub fn read(&self, text: &str) -> std::result::Result<AnyValue<'static>, Malformed> {
        let v = match parse_first(text, &self.reading.features) {
            Ok(None) => return Ok(AnyValue::Null),
            Ok(Some(v)) => Some(v),
            Err(NotJson) => None,
        };
        let (value, partial) = match (&self.t, v) {
            // An array of objects is no struct here (`allowArrayAsStructs` is off).
            (DataType::Struct(fields), Some(v @ Value::Object(_))) => match record_row(&v, fields, self.corrupt_at, &self.conversion) {
                Ok(mut rows) => (Some(row_struct(rows.remove(0), fields)), None),
                Err(mut partial) => (None, partial.pop()),
            },
            (DataType::Struct(_), _) | (_, None) => (None, None),
            (t, Some(v)) => {
                let mut bad = false;
                match convert(&v, t, &self.conversion, &mut bad) {
                    Some(x) if !bad => (Some(x), None),
                    _ => (None, None),
                }
            }
        };
        if let Some(v) = value {
            return Ok(v);
        }
        if self.reading.mode == Mode::FailFast {
            return Err(Malformed(row_text(partial.as_deref(), self.corrupt_at, text, &self.t)));
        }
        Ok(match &self.t {
            DataType::Struct(fields) => {
                let mut row = partial.unwrap_or_else(|| vec![AnyValue::Null; fields.len()]);
                if let Some(i) = self.corrupt_at {
                    row[i] = AnyValue::StringOwned(text.into());
                }
                row_struct(row, fields)
            }
            _ => AnyValue::Null,
        })
    }
}

fn row_struct(row: Vec<AnyValue<'static>>, fields: &[StructField]) -> AnyValue<'static> {
    let pl_fields: Vec<Field> = fields.iter().map(|f| Field::new(f.name.as_str().into(), to_polars(&f.data_type))).collect();
    AnyValue::StructOwned(Box::new((row, pl_fields)))
}

/// The bad record as Spark's FAILFAST error shows it: the result row's `toString`
/// (`[null,2]`: the partial values, the text in the corrupt-record field).
fn row_text(partial: Option<&[AnyValue<'static>]>, corrupt_at: Option<usize>, text: &str, t: &DataType) -> String {
    let width = match t {
        DataType::Struct(fields) => fields.len(),
        _ => 1,
    };
    let values: Vec<String> = (0..width)
        .map(|i| {
            if Some(i) == corrupt_at {
                return text.to_string();
            }
            match partial.and_then(|p| p.get(i)) {
                None | Some(AnyValue::Null) => "null".to_string(),
                Some(AnyValue::StringOwned(s)) => s.to_string(),
                Some(v) => v.to_string(),
            }
        })
        .collect();
    format!("[{}]", values.join(","))
}

/// `schema_of_json(text, options)`: the type Spark's inference gives the one text
/// (`SchemaOfJson`: a struct, an array of structs or another type, canonicalised), as
/// SQL type text.
pub fn schema_of(text: &str, options: &BTreeMap<String, String>) -> Result<String> {
    check_function("schema_of_json", OPTIONS, Direction::Read, options)?;
    let r = Reading::of(options, CORRUPT_DEFAULT)?;
    let v = match parse_first(text, &r.features) {
        Ok(Some(v)) => v,
        Ok(None) => return Ok("STRING".into()),
        Err(NotJson) => return Err(Error::unsupported("schema_of_json of text that is not JSON under its options")),
    };
    let t = infer(&v, &r)?;
    let shown = match t {
        DataType::Struct(_) => canonical(t, &r).unwrap_or(DataType::Struct(vec![])),
        DataType::Array(e, n) if matches!(*e, DataType::Struct(_)) => DataType::Array(Box::new(canonical(*e, &r).unwrap_or(DataType::Struct(vec![]))), n),
        other => canonical(other, &r).unwrap_or(DataType::String),
    };
    Ok(shown.sql())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn options_change_the_reading() {
        let t = DataType::Struct(vec![StructField::new("a", DataType::Integer, true)]);
        let plain = FromJson::new(&opts(&[]), &t, Zone::utc()).unwrap();
        let zeros = FromJson::new(&opts(&[("allowNumericLeadingZeros", "true")]), &t, Zone::utc()).unwrap();
        let null_a = row_struct(vec![AnyValue::Null], &[StructField::new("a", DataType::Integer, true)]);
        assert_eq!(plain.read("{\"a\": 01}").unwrap(), null_a);
        assert_eq!(zeros.read("{\"a\": 01}").unwrap(), row_struct(vec![AnyValue::Int32(1)], &[StructField::new("a", DataType::Integer, true)]));
        assert_eq!(plain.read("  ").unwrap(), AnyValue::Null);
        let failfast = FromJson::new(&opts(&[("mode", "failfast")]), &t, Zone::utc()).unwrap();
        assert_eq!(failfast.read("{\"a\": \"x\"}").unwrap_err().0, "[null]");
        assert!(FromJson::new(&opts(&[("mode", "DROPMALFORMED")]), &t, Zone::utc()).is_err());
        assert!(FromJson::new(&opts(&[("nosuch", "1")]), &t, Zone::utc()).is_err());
    }

    #[test]
    fn schemas() {
        assert_eq!(schema_of("[{\"col\":01}]", &opts(&[("allowNumericLeadingZeros", "true")])).unwrap(), "ARRAY<STRUCT<col: BIGINT>>");
        assert_eq!(schema_of("{\"a\": 1.5}", &opts(&[("prefersDecimal", "true")])).unwrap(), "STRUCT<a: DECIMAL(2,1)>");
    }
}
