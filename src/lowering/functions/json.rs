//! JSON and CSV text: parsing, writing and schemas. The JSON readers are kernels over
//! the strings (`compat::json`, serde_json underneath): Polars' JSON functions read
//! JSON differently from Jackson (key order, duplicates, trailing text, numbers).

use super::CallLowering;
use crate::compat::json;
use crate::error::Result;
use crate::ir::function::JsonFn;
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
        JsonFn::ToJson => {
            let t = c.arg_type(0);
            let tz = crate::compat::timezone::parse(&c.conf.session_time_zone)?;
            c.arg(0).map(
                move |col: Column| -> PolarsResult<Column> {
                    let s = col.as_materialized_series();
                    let out: pl::StringChunked = s
                        .iter()
                        .map(|v| {
                            (!matches!(v, pl::AnyValue::Null)).then(|| {
                                let mut text = String::new();
                                crate::compat::json_write::write_value(&v, &t, &tz, &mut text);
                                text
                            })
                        })
                        .collect();
                    Ok(out.with_name(s.name().clone()).into_series().into_column())
                },
                |_, field| Ok(pl::Field::new(field.name().clone(), PlType::String)),
            )
        }
        JsonFn::FromJson => {
            let t = c.call.data_type.clone();
            if has_datetime(&t) {
                return Err(c.unsupported("from_json into DATE or TIMESTAMP fields"));
            }
            let out_type = crate::lowering::types::to_polars(&t);
            let dtype = out_type.clone();
            c.arg(0).cast(PlType::String).map(
                move |col: Column| -> PolarsResult<Column> {
                    let s = col.as_materialized_series();
                    let values: Vec<pl::AnyValue> = s
                        .str()?
                        .iter()
                        .map(|x| match x {
                            Some(text) => crate::compat::json_read::read_top(text, &t),
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
            let schema = json::schema_of(text).ok_or_else(|| c.unsupported("schema_of_json of text serde_json cannot read"))?;
            pl::lit(schema)
        }
        JsonFn::GetJsonObject => {
            if c.call.args[1].is_null_literal() {
                return Ok(pl::lit(pl::NULL).cast(PlType::String));
            }
            let path = c.str_literal(1).ok_or_else(|| c.unsupported("a JSON path that is not a literal"))?;
            let Some(steps) = json::parse_path(path) else {
                return Ok(pl::lit(pl::NULL).cast(PlType::String));
            };
            if steps.contains(&json::Step::Wildcard) {
                return Err(c.unsupported("JSONPath wildcards ([*], .*)"));
            }
            map_strings(c.arg(0), PlType::String, move |s| {
                let out: pl::StringChunked = s.iter().map(|t| t.and_then(|t| json::get_object(t, &steps))).collect();
                out.into_series()
            })
        }
    })
}

/// Whether a type holds dates or timestamps anywhere (their JSON parsing is not ported).
fn has_datetime(t: &crate::ir::DataType) -> bool {
    use crate::ir::DataType as D;
    match t {
        D::Date | D::Timestamp | D::TimestampNtz => true,
        D::Array(e, _) => has_datetime(e),
        D::Map(k, v, _) => has_datetime(k) || has_datetime(v),
        D::Struct(fields) => fields.iter().any(|f| has_datetime(&f.data_type)),
        _ => false,
    }
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
