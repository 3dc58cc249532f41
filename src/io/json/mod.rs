//! JSON: Spark's reader (`reading`: records, schema inference in `infer`, rows in
//! `convert`, over the Jackson-like `parser` the reader's options switch) and Spark's
//! `JacksonGenerator` text for writing (`compat::json_write`).

mod convert;
mod fast;
pub mod function;
mod infer;
pub mod parser;
mod profile;
pub mod reading;

use super::options::{flag, get, spec, Direction, Kind, Spec, Support};
use crate::compat::json_write::write_value;
use crate::error::Result;
use crate::ir::{DataType, StructField};
use polars::prelude::{self as pl, AnyValue};
use std::collections::BTreeMap;

/// Spark's JSON options (`JSONOptions`), and what PyRust does with each.
pub const OPTIONS: &[Spec] = &[
    spec("samplingRatio", Kind::Double, "1.0", Direction::Read, Support::Yes),
    spec("encoding", Kind::Text, "UTF-8", Direction::Both, Support::Values(&["utf-8", "utf8"])).aliases(&["charset"]),
    spec("mode", Kind::Text, "PERMISSIVE", Direction::Read, Support::Yes),
    spec("multiLine", Kind::Bool, "false", Direction::Read, Support::Yes),
    spec("primitivesAsString", Kind::Bool, "false", Direction::Read, Support::Yes),
    spec("prefersDecimal", Kind::Bool, "false", Direction::Read, Support::Yes),
    spec("allowComments", Kind::Bool, "false", Direction::Read, Support::Yes),
    spec("allowUnquotedFieldNames", Kind::Bool, "false", Direction::Read, Support::Yes),
    spec("allowSingleQuotes", Kind::Bool, "true", Direction::Read, Support::Yes),
    spec("allowNumericLeadingZeros", Kind::Bool, "false", Direction::Read, Support::Yes),
    // What PySpark's `json(allowNumericLeadingZero=...)` sets: Spark reads no such option.
    spec("allowNumericLeadingZero", Kind::Text, "", Direction::Read, Support::Yes),
    spec("allowNonNumericNumbers", Kind::Bool, "true", Direction::Read, Support::Yes),
    spec("allowBackslashEscapingAnyCharacter", Kind::Bool, "false", Direction::Read, Support::Yes),
    spec("allowUnquotedControlChars", Kind::Bool, "false", Direction::Read, Support::Yes),
    spec("columnNameOfCorruptRecord", Kind::Text, "_corrupt_record", Direction::Read, Support::Yes),
    spec("dropFieldIfAllNull", Kind::Bool, "false", Direction::Read, Support::Yes),
    spec("dateFormat", Kind::Text, "yyyy-MM-dd", Direction::Read, Support::Yes),
    spec("timestampFormat", Kind::Text, "yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX]", Direction::Read, Support::Yes),
    spec("timestampNTZFormat", Kind::Text, "yyyy-MM-dd'T'HH:mm:ss[.SSS]", Direction::Read, Support::Yes),
    spec("enableDateTimeParsingFallback", Kind::Bool, "", Direction::Read, Support::Yes),
    spec("dateFormat", Kind::Text, "yyyy-MM-dd", Direction::Write, Support::Yes),
    spec("timestampFormat", Kind::Text, "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Direction::Write, Support::Yes),
    spec("timestampNTZFormat", Kind::Text, "yyyy-MM-dd'T'HH:mm:ss[.SSS]", Direction::Write, Support::Yes),
    spec("locale", Kind::Text, "en-US", Direction::Both, Support::Values(&["en-us"])),
    spec("lineSep", Kind::Text, "\\n, \\r or \\r\\n (read)", Direction::Read, Support::Yes),
    spec("lineSep", Kind::Text, "\\n (write)", Direction::Write, Support::Yes),
    spec("ignoreNullFields", Kind::Bool, "true", Direction::Write, Support::Yes),
    spec("compression", Kind::Text, "none", Direction::Write, Support::Yes),
    // Spark's JSON source reads no `codec` option (CSV's alias): accepted and ignored as there.
    spec("codec", Kind::Text, "", Direction::Write, Support::Yes),
];

/// The JSON Lines of the rows of `df` (columns named as `fields`), as Spark's
/// `JacksonGenerator` writes them: fields in schema order, NULL fields left out unless
/// `ignoreNullFields` is false.
pub fn rows_text(df: pl::DataFrame, fields: &[StructField], options: &BTreeMap<String, String>, session_time_zone: &str) -> Result<String> {
    let zone = crate::compat::timezone::parse(session_time_zone)?;
    let (df, formatted) = with_datetime_formats(df, fields, options, &zone)?;
    let fields: &[StructField] = formatted.as_deref().unwrap_or(fields);
    let keep_nulls = !flag(OPTIONS, options, "ignoreNullFields", true);
    let line_sep = get(OPTIONS, options, "lineSep").unwrap_or("\n");
    let keys: Vec<String> = fields
        .iter()
        .map(|f| {
            let mut k = String::new();
            write_value(&AnyValue::String(&f.name), &DataType::String, &zone, &mut k);
            k
        })
        .collect();
    let columns: Vec<&pl::Series> = df.columns().iter().map(|c| c.as_materialized_series()).collect();
    let mut out = String::new();
    for i in 0..df.height() {
        out.push('{');
        let mut first = true;
        for ((f, key), s) in fields.iter().zip(&keys).zip(&columns) {
            let v = s.get(i)?;
            if v.is_null() && !keep_nulls {
                continue;
            }
            if !first {
                out.push(',');
            }
            first = false;
            out.push_str(key);
            out.push(':');
            if keep_nulls { write_keeping_nulls(&v, &f.data_type, &zone, &mut out) } else { write_value(&v, &f.data_type, &zone, &mut out) }
        }
        out.push('}');
        out.push_str(line_sep);
    }
    Ok(out)
}

/// The DATE, TIMESTAMP and TIMESTAMP_NTZ columns as the text of the writer's
/// `dateFormat` / `timestampFormat` / `timestampNTZFormat` or their defaults (the CSV
/// writer's formatting: java.time prints the default's optional `[.SSS]`), and the
/// fields with those columns as STRING. Dates and timestamps inside nested columns
/// would need a given pattern too: refused rather than written with the defaults.
fn with_datetime_formats(
    df: pl::DataFrame,
    fields: &[StructField],
    options: &BTreeMap<String, String>,
    zone: &crate::compat::timezone::Zone,
) -> Result<(pl::DataFrame, Option<Vec<StructField>>)> {
    let given = |name: &str| get(OPTIONS, options, name).is_some();
    let patterned = |t: &DataType| match t {
        DataType::Date => given("dateFormat"),
        DataType::Timestamp => given("timestampFormat"),
        DataType::TimestampNtz => given("timestampNTZFormat"),
        _ => false,
    };
    if let Some(f) = fields.iter().find(|f| !f.data_type.is_atomic() && f.data_type.holds(&patterned)) {
        return Err(crate::error::Error::unsupported(format!("the json writer's datetime formats for dates or timestamps inside the nested column `{}`", f.name)));
    }
    let formatted = |t: &DataType| t.is_datetime();
    if !fields.iter().any(|f| formatted(&f.data_type)) {
        return Ok((df, None));
    }
    let mut exprs = Vec::with_capacity(fields.len());
    let mut out = Vec::with_capacity(fields.len());
    for f in fields {
        let c = pl::col(f.name.as_str());
        match super::csv::write::datetime_text(c.clone(), &f.data_type, OPTIONS, options, zone)?.filter(|_| formatted(&f.data_type)) {
            Some(e) => {
                exprs.push(e.alias(f.name.as_str()));
                out.push(StructField::new(f.name.clone(), DataType::String, f.nullable));
            }
            None => {
                exprs.push(c);
                out.push(f.clone());
            }
        }
    }
    let df = pl::IntoLazy::lazy(df).select(exprs).collect_with_engine(pl::Engine::InMemory)?.unwrap_single();
    Ok((df, Some(out)))
}

/// One value as the JSON writer writes it: NULL struct fields left out, or written as
/// `null` with `keep_nulls` (`ignoreNullFields` false).
pub fn write_json_value(v: &AnyValue, t: &DataType, zone: &crate::compat::timezone::Zone, keep_nulls: bool, out: &mut String) {
    if keep_nulls { write_keeping_nulls(v, t, zone, out) } else { write_value(v, t, zone, out) }
}

/// A value with the NULL fields of its structs written as `null` (`ignoreNullFields`
/// false); the rest is `compat::json_write`'s.
fn write_keeping_nulls(v: &AnyValue, t: &DataType, zone: &crate::compat::timezone::Zone, out: &mut String) {
    match (v, t) {
        (AnyValue::Struct(..) | AnyValue::StructOwned(..), DataType::Struct(fields)) => {
            out.push('{');
            for (i, (f, x)) in fields.iter().zip(crate::compat::show::struct_values(v).iter()).enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(&AnyValue::String(&f.name), &DataType::String, zone, out);
                out.push(':');
                write_keeping_nulls(x, &f.data_type, zone, out);
            }
            out.push('}');
        }
        (AnyValue::List(items), DataType::Array(e, _)) => {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_keeping_nulls(&x, e, zone, out);
            }
            out.push(']');
        }
        _ => write_value(v, t, zone, out),
    }
}
