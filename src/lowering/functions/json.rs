//! JSON and CSV text: parsing, writing and schemas. The JSON functions are kernels over
//! the strings: `from_json` and `schema_of_json` read as the JSON reader does, with its
//! options (`io::json::function`); `get_json_object` and the other readers of paths
//! through `compat::json` (serde_json underneath). Polars' JSON functions read JSON
//! differently from Jackson (key order, duplicates, trailing text, numbers).

use super::CallLowering;
use crate::compat::{json, json_path};
use crate::error::Result;
use crate::ir::function::JsonFn;
use crate::ir::{DataType, StructField};
use std::collections::BTreeMap;
use polars::prelude::{self as pl, Column, DataType as PlType, IntoColumn, IntoSeries, ListStringChunkedBuilder, ListBuilderTrait, PolarsResult};

pub fn lower(f: JsonFn, c: &CallLowering) -> Result<pl::Expr> {
    Ok(match f {
        JsonFn::FromCsv => super::csv::from_csv(c)?,
        JsonFn::ToCsv => super::csv::to_csv(c)?,
        JsonFn::SchemaOfCsv => super::csv::schema_of_csv(c)?,
        JsonFn::JsonArrayLength => {
            map_strings(c.arg(0), PlType::Int32, |s| {
                let out: pl::Int32Chunked = s.iter().map(|t| t.and_then(json::array_length)).collect();
                out.into_series()
            })
        }
        JsonFn::JsonObjectKeys => {
            map_strings(c.arg(0), PlType::List(Box::new(PlType::String)), |s| {
                let mut b = ListStringChunkedBuilder::new(s.name().clone(), s.len(), s.len() * 2);
                for t in s.iter() {
                    match t.and_then(json::object_keys) {
                        Some(keys) => b.append_values_iter(keys.iter().map(|k| k.as_str())),
                        None => b.append_null(),
                    }
                }
                b.finish().into_series()
            })
        }
        JsonFn::ToJson => to_json(c)?,
        JsonFn::FromJson => {
            let options = options_map(c, 2)?;
            let t = c.call.data_type.clone();
            let reading = crate::io::json::function::FromJson::new(&options, &t, crate::compat::timezone::parse(&c.conf.session_time_zone)?)?;
            let out_type = crate::lowering::types::to_polars(&t);
            let dtype = out_type.clone();
            c.arg(0).cast(PlType::String).map(
                move |col: Column| -> PolarsResult<Column> {
                    let s = col.as_materialized_series();
                    let values: Vec<pl::AnyValue> = s
                        .str()?
                        .iter()
                        .map(|x| match x {
                            Some(text) => reading.read(text).map_err(|m| {
                                let e = m.error();
                                crate::compat::errors::runtime_error(e.kind, e.error_class.as_deref().unwrap_or_default(), &e.message)
                            }),
                            None => Ok(pl::AnyValue::Null),
                        })
                        .collect::<PolarsResult<_>>()?;
                    Ok(pl::Series::from_any_values_and_dtype(s.name().clone(), &values, &dtype, false)?.into_column())
                },
                move |_, field| Ok(pl::Field::new(field.name().clone(), out_type.clone())),
            )
        }
        JsonFn::SchemaOfJson => {
            let text = c.str_literal(0).ok_or_else(|| c.unsupported("a JSON text that is not a literal"))?;
            pl::lit(crate::io::json::function::schema_of(text, &options_map(c, 1)?)?)
        }
        JsonFn::GetJsonObject => {
            if c.call.args[1].is_null_literal() {
                return Ok(pl::lit(pl::NULL).cast(PlType::String));
            }
            let path = c.str_literal(1).ok_or_else(|| c.unsupported("a JSON path that is not a literal"))?;
            let Some(steps) = json_path::parse_path(path) else {
                return Ok(pl::lit(pl::NULL).cast(PlType::String));
            };
            map_strings(c.arg(0), PlType::String, move |s| {
                let out: pl::StringChunked = s.iter().map(|t| t.and_then(|t| json_path::get_object(t, &steps))).collect();
                out.into_series()
            })
        }
    })
}

/// A kernel over the string values of `x`, giving a column of type `out`.
fn map_strings(x: pl::Expr, out: PlType, f: impl Fn(&pl::StringChunked) -> pl::Series + Send + Sync + 'static) -> pl::Expr {
    let out_type = out.clone();
    x.cast(PlType::String).map(
        move |col: Column| -> PolarsResult<Column> {
            let s = col.as_materialized_series();
            Ok(f(s.str()?).with_name(s.name().clone()).cast(&out)?.into_column())
        },
        move |_, field| Ok(pl::Field::new(field.name().clone(), out_type.clone())),
    )
}

/// The options map argument `at` of a call (none: empty), keys as written.
fn options_map(c: &CallLowering, at: usize) -> Result<BTreeMap<String, String>> {
    let options = super::csv::literal_options(c.call.args.get(at)).ok_or_else(|| c.unsupported("options that are not a literal map"))?;
    Ok(options.into_iter().collect())
}

/// `to_json(value[, options])` as Spark's `JacksonGenerator` writes with the writer's
/// options: `dateFormat`/`timestampFormat`/`timestampNTZFormat` for the struct's own
/// DATE and TIMESTAMP fields, `ignoreNullFields`.
fn to_json(c: &CallLowering) -> Result<pl::Expr> {
    use crate::io::json::OPTIONS;
    let options = options_map(c, 1)?;
    crate::io::options::check_function("to_json", OPTIONS, crate::io::options::Direction::Write, &options)?;
    let keep_nulls = !crate::io::options::flag(OPTIONS, &options, "ignoreNullFields", true);
    let tz = crate::compat::timezone::parse(&c.conf.session_time_zone)?;
    let (input, t) = datetimes_as_text(c, OPTIONS, &options, &["dateFormat", "timestampFormat", "timestampNTZFormat"], &tz)?;
    let written = input.map(
        move |col: Column| -> PolarsResult<Column> {
            let s = col.as_materialized_series();
            let out: pl::StringChunked = s
                .iter()
                .map(|v| {
                    (!matches!(v, pl::AnyValue::Null)).then(|| {
                        let mut text = String::new();
                        crate::io::json::write_json_value(&v, &t, &tz, keep_nulls, &mut text);
                        text
                    })
                })
                .collect();
            Ok(out.with_name(s.name().clone()).into_series().into_column())
        },
        |_, field| Ok(pl::Field::new(field.name().clone(), PlType::String)),
    );
    Ok(pl::when(c.arg(0).is_null()).then(pl::lit(pl::NULL).cast(PlType::String)).otherwise(written))
}

/// Argument 0 with the DATE/TIMESTAMP fields of its struct as the text the writer's
/// patterns give (`io::csv::write::datetime_text`), and its type after that, when one
/// of `patterns` is among the options; otherwise the argument as it is. A pattern that
/// would apply to a date or timestamp nested deeper is refused, not ignored.
pub(super) fn datetimes_as_text(
    c: &CallLowering,
    table: &'static [crate::io::options::Spec],
    options: &BTreeMap<String, String>,
    patterns: &[&str],
    zone: &crate::compat::timezone::Zone,
) -> Result<(pl::Expr, DataType)> {
    let t = c.arg_type(0);
    let given = |name: &str| patterns.contains(&name) && crate::io::options::get(table, options, name).is_some();
    let patterned = |t: &DataType| match t {
        DataType::Date => given("dateFormat"),
        DataType::Timestamp => given("timestampFormat"),
        DataType::TimestampNtz => given("timestampNTZFormat"),
        _ => false,
    };
    let DataType::Struct(fields) = &t else {
        if t.holds(&patterned) {
            return Err(c.unsupported("a date or timestamp pattern for values inside an array or map"));
        }
        return Ok((c.arg(0), t));
    };
    if fields.iter().any(|f| !f.data_type.is_atomic() && f.data_type.holds(&patterned)) {
        return Err(c.unsupported("a date or timestamp pattern for values inside a nested field"));
    }
    if !fields.iter().any(|f| patterned(&f.data_type)) {
        return Ok((c.arg(0), t));
    }
    let mut exprs = Vec::with_capacity(fields.len());
    let mut out = Vec::with_capacity(fields.len());
    for (i, f) in fields.iter().enumerate() {
        let field = c.arg(0).struct_().field_by_index(i as i64);
        match crate::io::csv::write::datetime_text(field.clone(), &f.data_type, table, options, zone)? {
            Some(text) => {
                exprs.push(text.alias(f.name.as_str()));
                out.push(StructField::new(f.name.clone(), DataType::String, f.nullable));
            }
            None => {
                exprs.push(field.alias(f.name.as_str()));
                out.push(f.clone());
            }
        }
    }
    Ok((pl::as_struct(exprs), DataType::Struct(out)))
}
