//! `from_csv`, `to_csv` and `schema_of_csv`: one CSV line per value, read and written
//! as Spark's UnivocityParser/UnivocityGenerator do. Reading and inference call the CSV
//! reader's own tokenizer, value parsers and type inference (`io::csv`), so a
//! value reads the same in `from_csv` as in `spark.read.csv`.

use super::CallLowering;
use crate::compat::calendar::MICROS_PER_DAY;
use crate::compat::csv_write::{write_line, Writing};
use crate::compat::datetime_parse::parse;
use crate::compat::datetime_pattern::{compile, Pattern};
use crate::error::{Error, ErrorKind, Result};
use crate::ir::function::{Func, MapFn};
use crate::ir::{DataType, Expr, StructField, Value};
use crate::compat::timezone::Zone;
use crate::io::csv::datetime::{csv_date, csv_timestamp, csv_timestamp_ntz};
use crate::io::csv::infer::{infer_field, Inference, Inferred};
use crate::io::csv::tokenizer::{tokenize, Dialect};
use crate::compat::java_decimal::java_big_decimal;
use crate::io::csv::values::{csv_double, csv_float, java_boolean, java_int, java_long, Specials};
use crate::lowering::types::to_polars;
use polars::prelude::{self as pl, Column, DataType as PlType, IntoColumn, IntoSeries, PolarsResult};

/// The options of a call, from its literal `map(...)` argument.
pub fn literal_options(e: Option<&Expr>) -> Option<Vec<(String, String)>> {
    let Some(e) = e else { return Some(vec![]) };
    let Expr::Call(c) = e.unalias() else { return None };
    if c.func != Func::Map(MapFn::CreateMap) {
        return None;
    }
    let texts: Option<Vec<String>> = c
        .args
        .iter()
        .map(|a| match a.unalias() {
            Expr::Literal(Value::String(s)) => Some(s.clone()),
            _ => None,
        })
        .collect();
    let texts = texts?;
    Some(texts.chunks(2).filter(|kv| kv.len() == 2).map(|kv| (kv[0].clone(), kv[1].clone())).collect())
}

fn option<'a>(options: &'a [(String, String)], key: &str) -> Option<&'a str> {
    options.iter().rev().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, v)| v.as_str())
}

/// The options PyRust reads, when reading and when writing; any other is refused
/// rather than ignored.
const READ_OPTIONS: &[&str] =
    &["sep", "delimiter", "quote", "escape", "nullValue", "mode", "columnNameOfCorruptRecord", "dateFormat", "timestampFormat", "timestampNTZFormat", "nanValue", "positiveInf", "negativeInf"];
const WRITE_OPTIONS: &[&str] = &["sep", "delimiter", "quote", "escape", "nullValue", "quoteAll", "dateFormat", "timestampFormat", "timestampNTZFormat"];
const INFER_OPTIONS: &[&str] = &["sep", "delimiter", "quote", "escape", "nullValue"];

fn options_of(c: &CallLowering, at: usize, known: &[&str]) -> Result<Vec<(String, String)>> {
    let options = literal_options(c.call.args.get(at)).ok_or_else(|| c.unsupported("options that are not a literal map"))?;
    match options.iter().find(|(k, _)| !known.iter().any(|known| k.eq_ignore_ascii_case(known))) {
        Some((k, _)) => Err(c.unsupported(&format!("the option {k}"))),
        None => Ok(options),
    }
}

/// The date and timestamp patterns of the options. A field read with a pattern is
/// parsed by it alone, as Spark does when the pattern is given (no fallback).
#[derive(Clone)]
struct Formats {
    date: Option<Pattern>,
    timestamp: Option<Pattern>,
    timestamp_ntz: Option<Pattern>,
    zone: crate::compat::timezone::Zone,
    /// `nanValue`, `positiveInf` and `negativeInf`, for FLOAT and DOUBLE fields.
    specials: Specials,
}

impl Formats {
    fn of(options: &[(String, String)], session_time_zone: &str) -> Result<Formats> {
        let compiled = |key: &str| option(options, key).map(|p| compile(p, true)).transpose();
        Ok(Formats {
            date: compiled("dateFormat")?,
            timestamp: compiled("timestampFormat")?,
            timestamp_ntz: compiled("timestampNTZFormat")?,
            zone: crate::compat::timezone::parse(session_time_zone)?,
            specials: Specials {
                nan: option(options, "nanValue").unwrap_or("NaN").to_string(),
                positive_inf: option(options, "positiveInf").unwrap_or("Inf").to_string(),
                negative_inf: option(options, "negativeInf").unwrap_or("-Inf").to_string(),
            },
        })
    }
}

/// The separator, quote and escape of the options (Spark's defaults `,`, `"`, `\`).
fn dialect(options: &[(String, String)]) -> Dialect {
    let sep = match option(options, "sep").or(option(options, "delimiter")).unwrap_or(",") {
        "\\t" => b'\t',
        s => *s.as_bytes().first().unwrap_or(&b','),
    };
    let quote = match option(options, "quote") {
        Some(q) => q.as_bytes().first().copied(),
        None => Some(b'"'),
    };
    let escape = option(options, "escape").and_then(|e| e.as_bytes().first().copied()).unwrap_or(b'\\');
    Dialect::new(sep, quote, escape)
}

/// `from_csv(text, schema[, options])`: a struct per line, PERMISSIVE (a field that
/// does not parse is NULL, the others kept, the line in the corrupt-record column when
/// one is named) or FAILFAST (Spark's MALFORMED_RECORD_IN_PARSING).
pub fn from_csv(c: &CallLowering) -> Result<pl::Expr> {
    let options = options_of(c, 2, READ_OPTIONS)?;
    let formats = Formats::of(&options, &c.conf.session_time_zone)?;
    let fail_fast = match option(&options, "mode").map(str::to_ascii_uppercase).as_deref() {
        None | Some("PERMISSIVE") => false,
        Some("FAILFAST") => true,
        Some(other) => {
            return Err(Error::analysis(
                "PARSE_MODE_UNSUPPORTED",
                format!("The function `from_csv` doesn't support the {other} mode. Acceptable modes are PERMISSIVE and FAILFAST."),
            ))
        }
    };
    let DataType::Struct(fields) = c.call.data_type.clone() else { return Err(Error::internal("from_csv without a struct schema")) };
    let corrupt_name = option(&options, "columnNameOfCorruptRecord").unwrap_or("_corrupt_record").to_string();
    let corrupt = fields.iter().position(|f| f.name == corrupt_name && f.data_type == DataType::String);
    if let Some(f) = fields.iter().find(|f| !readable(&f.data_type)) {
        return Err(c.unsupported(&format!("a {} field", f.data_type.sql())));
    }
    let d = dialect(&options);
    let null_value = option(&options, "nullValue").unwrap_or("").to_string();
    let zone = formats.zone.clone();
    let out_type = to_polars(&c.call.data_type);
    let dtype = out_type.clone();
    let parsed = c.arg(0).cast(PlType::String).map(
        move |col: Column| -> PolarsResult<Column> {
            let s = col.as_materialized_series();
            let texts = s.str()?;
            let parse_count = fields.len() - usize::from(corrupt.is_some());
            // Each field's tokens, and which lines are malformed.
            let mut tokens: Vec<Vec<Option<String>>> = vec![Vec::with_capacity(texts.len()); fields.len()];
            let mut lines: Vec<Option<&str>> = Vec::with_capacity(texts.len());
            let mut bad: Vec<bool> = Vec::with_capacity(texts.len());
            for text in texts.iter() {
                lines.push(text);
                let row: Vec<Option<String>> = match text {
                    // An empty line reads as NULL fields and is not malformed (as in Spark).
                    Some(t) if !t.is_empty() => tokenize(t, &d).into_iter().map(|v| v.filter(|v| *v != null_value)).collect(),
                    _ => vec![],
                };
                bad.push(text.is_some_and(|t| !t.is_empty()) && row.len() != parse_count);
                let mut row = row.into_iter();
                for (i, column) in tokens.iter_mut().enumerate() {
                    if Some(i) == corrupt {
                        column.push(None);
                    } else {
                        column.push(row.next().flatten());
                    }
                }
            }
            let mut columns = Vec::with_capacity(fields.len());
            for (i, f) in fields.iter().enumerate() {
                if Some(i) == corrupt {
                    continue;
                }
                let (column, failed) = typed(&f.name, &f.data_type, &tokens[i], &zone, &formats);
                for (b, fail) in bad.iter_mut().zip(failed) {
                    *b |= fail;
                }
                columns.push((i, column));
            }
            if fail_fast {
                if let Some(row) = bad.iter().position(|b| *b) {
                    return Err(crate::compat::errors::runtime_error(
                        ErrorKind::Runtime,
                        "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION",
                        &format!("Malformed records are detected in record parsing: {}.", lines[row].unwrap_or_default()),
                    ));
                }
            }
            if let Some(at) = corrupt {
                let records: pl::StringChunked = lines.iter().zip(&bad).map(|(l, b)| if *b { *l } else { None }).collect();
                columns.push((at, records.with_name(fields[at].name.as_str().into()).into_series()));
                columns.sort_by_key(|(i, _)| *i);
            }
            let series: Vec<pl::Series> = columns.into_iter().map(|(_, s)| s).collect();
            let out = pl::StructChunked::from_series(s.name().clone(), s.len(), series.iter())?.into_series();
            Ok(out.cast(&dtype)?.into_column())
        },
        move |_, field| Ok(pl::Field::new(field.name().clone(), out_type.clone())),
    );
    let null = pl::lit(pl::NULL).cast(to_polars(&c.call.data_type));
    Ok(pl::when(c.arg(0).is_null()).then(null).otherwise(parsed))
}

/// The types a CSV field can be read as.
fn readable(t: &DataType) -> bool {
    use DataType as D;
    matches!(
        t,
        D::String | D::Byte | D::Short | D::Integer | D::Long | D::Float | D::Double | D::Boolean | D::Decimal(..) | D::Date | D::Timestamp | D::TimestampNtz | D::Binary
    )
}

/// A field's tokens read as its type by Spark's CSV value parsers, and whether each failed.
fn typed(name: &str, t: &DataType, tokens: &[Option<String>], zone: &Zone, formats: &Formats) -> (pl::Series, Vec<bool>) {
    fn each<T>(tokens: &[Option<String>], f: impl Fn(&str) -> Option<T>) -> (Vec<Option<T>>, Vec<bool>) {
        let values: Vec<Option<T>> = tokens.iter().map(|v| v.as_deref().and_then(&f)).collect();
        let failed = tokens.iter().zip(&values).map(|(t, v)| t.is_some() && v.is_none()).collect();
        (values, failed)
    }
    let name: pl::PlSmallStr = name.into();
    let (series, failed) = match t {
        DataType::Byte => {
            let (v, f) = each(tokens, |s| java_int(s).and_then(|x| i8::try_from(x).ok()));
            (v.into_iter().collect::<pl::Int8Chunked>().into_series(), f)
        }
        DataType::Short => {
            let (v, f) = each(tokens, |s| java_int(s).and_then(|x| i16::try_from(x).ok()));
            (v.into_iter().collect::<pl::Int16Chunked>().into_series(), f)
        }
        DataType::Integer => {
            let (v, f) = each(tokens, java_int);
            (v.into_iter().collect::<pl::Int32Chunked>().into_series(), f)
        }
        DataType::Long => {
            let (v, f) = each(tokens, java_long);
            (v.into_iter().collect::<pl::Int64Chunked>().into_series(), f)
        }
        DataType::Float => {
            let (v, f) = each(tokens, |s| csv_float(&formats.specials.canonical(s)));
            (v.into_iter().collect::<pl::Float32Chunked>().into_series(), f)
        }
        DataType::Double => {
            let (v, f) = each(tokens, |s| csv_double(&formats.specials.canonical(s)));
            (v.into_iter().collect::<pl::Float64Chunked>().into_series(), f)
        }
        DataType::Boolean => {
            let (v, f) = each(tokens, java_boolean);
            (v.into_iter().collect::<pl::BooleanChunked>().into_series(), f)
        }
        DataType::Decimal(p, s) => {
            let (p, s) = (*p, *s);
            let (v, f) = each(tokens, |x| java_big_decimal(&x.replace(',', "")).and_then(|d| d.rescaled(p, s)));
            (v.into_iter().collect::<pl::Int128Chunked>().into_decimal_unchecked(p as usize, s as usize).into_series(), f)
        }
        DataType::Date => {
            let (v, f) = match &formats.date {
                Some(p) => each(tokens, |x| parse(p, x).ok().and_then(|r| i32::try_from(r.local.div_euclid(MICROS_PER_DAY)).ok())),
                None => each(tokens, csv_date),
            };
            (v.into_iter().collect::<pl::Int32Chunked>().into_date().into_series(), f)
        }
        DataType::Timestamp | DataType::TimestampNtz => {
            let (v, f) = match (t, &formats.timestamp, &formats.timestamp_ntz) {
                // Text naming a zone is not a TIMESTAMP_NTZ (Spark's parseWithoutTimeZone).
                (DataType::TimestampNtz, _, Some(p)) => each(tokens, |x| parse(p, x).ok().filter(|r| r.offset.is_none() && r.zone.is_none()).map(|r| r.local)),
                (DataType::TimestampNtz, _, None) => each(tokens, csv_timestamp_ntz),
                (_, Some(p), _) => each(tokens, |x| parse(p, x).ok().map(|r| r.instant(&formats.zone))),
                _ => each(tokens, |x| csv_timestamp(x, zone)),
            };
            (v.into_iter().collect::<pl::Int64Chunked>().into_datetime(pl::TimeUnit::Microseconds, None).into_series(), f)
        }
        DataType::Binary => {
            let v: pl::BinaryChunked = tokens.iter().map(|x| x.as_deref().map(str::as_bytes)).collect();
            (v.into_series(), vec![false; tokens.len()])
        }
        _ => {
            let v: pl::StringChunked = tokens.iter().map(|x| x.as_deref()).collect();
            (v.into_series(), vec![false; tokens.len()])
        }
    };
    (series.with_name(name), failed)
}

/// `to_csv(struct[, options])`: the struct's fields as one CSV line.
pub fn to_csv(c: &CallLowering) -> Result<pl::Expr> {
    let options = options_of(c, 1, WRITE_OPTIONS)?;
    let tz = crate::compat::timezone::parse(&c.conf.session_time_zone)?;
    // The writer's date and timestamp patterns make those fields text first.
    let by_name: std::collections::BTreeMap<String, String> = options.iter().cloned().collect();
    let (input, t) = super::json::datetimes_as_text(c, crate::io::csv::OPTIONS, &by_name, &["dateFormat", "timestampFormat", "timestampNTZFormat"], &tz)?;
    let DataType::Struct(fields) = t else { return Err(Error::internal("to_csv of a non-struct")) };
    if let Some(f) = fields.iter().find(|f| !writable(&f.data_type)) {
        return Err(c.unsupported(&format!("a {} field", f.data_type.sql())));
    }
    let sep = option(&options, "sep").or(option(&options, "delimiter")).map(|s| if s == "\\t" { "\t".to_string() } else { s.to_string() });
    let w = Writing {
        sep: sep.unwrap_or_else(|| ",".into()),
        quote: option(&options, "quote").and_then(|q| q.chars().next()).unwrap_or('"'),
        escape: option(&options, "escape").and_then(|q| q.chars().next()).unwrap_or('\\'),
        quote_all: option(&options, "quoteAll").is_some_and(|v| v.eq_ignore_ascii_case("true")),
        null_value: option(&options, "nullValue").unwrap_or("").to_string(),
    };
    let written = input.map(
        move |col: Column| -> PolarsResult<Column> {
            let s = col.as_materialized_series();
            let out: pl::StringChunked = s
                .iter()
                .map(|v| match v {
                    pl::AnyValue::Null => None,
                    v => {
                        let values: Vec<pl::AnyValue> = v._iter_struct_av().collect();
                        let texts: Vec<Option<String>> = values.iter().zip(&fields).map(|(x, f)| field_text(x, &f.data_type, &tz)).collect();
                        Some(write_line(&texts, &w))
                    }
                })
                .collect();
            Ok(out.with_name(s.name().clone()).into_series().into_column())
        },
        |_, field| Ok(pl::Field::new(field.name().clone(), PlType::String)),
    );
    Ok(pl::when(c.arg(0).is_null()).then(pl::lit(pl::NULL).cast(PlType::String)).otherwise(written))
}

/// The types `to_csv` writes (nested types are PyRust's gap, not Spark's).
fn writable(t: &DataType) -> bool {
    use DataType as D;
    matches!(t, D::String | D::Byte | D::Short | D::Integer | D::Long | D::Float | D::Double | D::Boolean | D::Decimal(..) | D::Date | D::Timestamp | D::TimestampNtz | D::Null)
}

/// A value as Spark's CSV generator prints it: Java's text for numbers, the default
/// date and timestamp formats.
fn field_text(v: &pl::AnyValue, t: &DataType, tz: &crate::compat::timezone::Zone) -> Option<String> {
    use crate::ir::text::{date_text, decimal_text, java_double, java_float};
    use pl::AnyValue as A;
    Some(match (v, t) {
        (A::Null, _) => return None,
        (A::Date(d), _) => date_text(*d),
        (A::Datetime(us, _, _) | A::DatetimeOwned(us, _, _), DataType::TimestampNtz) => crate::compat::json_write::timestamp_ntz(*us),
        (A::Datetime(us, _, _) | A::DatetimeOwned(us, _, _), _) => crate::compat::json_write::timestamp_with_zone(*us, tz),
        (A::Float64(x), _) => java_double(*x),
        (A::Float32(x), _) => java_float(*x),
        (A::Decimal(unscaled, _, scale), _) => decimal_text(*unscaled, *scale as u8),
        (A::Boolean(b), _) => b.to_string(),
        (A::String(s), _) => s.to_string(),
        (A::StringOwned(s), _) => s.to_string(),
        (other, _) => other.to_string(),
    })
}

/// `schema_of_csv(text[, options])`: Spark's CSV inference over the one line, the
/// columns named `_c0`, `_c1`... as a DDL string.
pub fn schema_of_csv(c: &CallLowering) -> Result<pl::Expr> {
    let options = options_of(c, 1, INFER_OPTIONS)?;
    let text = c.str_literal(0).ok_or_else(|| c.unsupported("a CSV text that is not a literal"))?;
    let null_value = option(&options, "nullValue").unwrap_or("");
    let tokens = tokenize(text, &dialect(&options));
    let fields: Vec<StructField> = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let inferred = match t.as_deref() {
                Some(v) if !v.is_empty() && v != null_value => infer_field(Inferred::Null, v, &Inference::default()),
                _ => Inferred::Null,
            };
            StructField::new(format!("_c{i}"), inferred.to_spark(), true)
        })
        .collect();
    Ok(pl::lit(DataType::Struct(fields).sql()))
}
