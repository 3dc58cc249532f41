//! A Generate node in Polars: the generator's input as a list column, exploded
//! (Polars' explode repeats the other columns), its fields unnested into the
//! generated columns. Spark's `explode` drops rows whose array or map is NULL or empty;
//! `explode_outer` keeps them with NULLs — Polars' explode options say which.

use super::expr::ExprLowering;
use crate::error::{Error, Result};
use crate::ir::function::GeneratorFn;
use crate::ir::{Attribute, DataType, Expr, Func};
use polars::prelude::{self as pl, lit, DataType as PlType, ExplodeOptions, IntoColumn, LazyFrame, NamedFrom};

const VALUES: &str = "__pyrust_generate_values";
const POSITIONS: &str = "__pyrust_generate_positions";

pub fn lower_generate(lw: &ExprLowering, lf: LazyFrame, generator: &Expr, outer: bool, generated: &[Attribute]) -> Result<LazyFrame> {
    let Expr::Call(call) = generator else { return Err(Error::internal("a Generate node without a generator call")) };
    let Func::Generator(f) = call.func else { return Err(Error::internal("a Generate node with a non-generator")) };
    let args = call.args.iter().map(|a| lw.lower(a)).collect::<Result<Vec<_>>>()?;
    if f == GeneratorFn::JsonTuple {
        return Ok(json_tuple(lf, args, generated));
    }
    let input_type = call.args.first().map(crate::analysis::typing::data_type).unwrap_or(DataType::Null);
    // One list per input row, whose elements become the generated rows.
    let values = match f {
        GeneratorFn::Stack => stack_rows(&args, generated)?,
        _ => args[0].clone(),
    };
    let with_position = matches!(f, GeneratorFn::PosExplode | GeneratorFn::PosExplodeOuter);
    let mut lists = vec![values.clone().alias(VALUES)];
    if with_position {
        let len = values.list().len().cast(PlType::Int64);
        lists.push(pl::int_ranges(lit(0i64), len, lit(1i64), PlType::Int32).alias(POSITIONS));
    }
    let options = ExplodeOptions { empty_as_null: outer, keep_nulls: outer };
    let exploded_columns: Vec<&str> = if with_position { vec![VALUES, POSITIONS] } else { vec![VALUES] };
    let lf = lf.with_columns(lists).explode(pl::cols(exploded_columns.clone()), options);
    // The generated columns, from the exploded values.
    let value = pl::col(VALUES);
    let mut outputs: Vec<pl::Expr> = vec![];
    let mut attrs = generated.iter();
    if with_position {
        let pos = attrs.next().ok_or_else(|| Error::internal("posexplode without a position column"))?;
        outputs.push(pl::col(POSITIONS).alias(pos.engine_name().as_str()));
    }
    let element_is_struct =
        matches!(f, GeneratorFn::Stack | GeneratorFn::Inline | GeneratorFn::InlineOuter) || matches!(input_type, DataType::Map(..));
    let rest: Vec<&Attribute> = attrs.collect();
    if element_is_struct {
        for (i, a) in rest.iter().enumerate() {
            outputs.push(value.clone().struct_().field_by_index(i as i64).alias(a.engine_name().as_str()));
        }
    } else if let Some(a) = rest.first() {
        outputs.push(value.alias(a.engine_name().as_str()));
    }
    Ok(lf.with_columns(outputs).drop(pl::cols(exploded_columns)))
}

/// `stack(n, v1, ..., vk)`: per input row, a list of n structs of ceil(k / n) fields.
fn stack_rows(args: &[pl::Expr], generated: &[Attribute]) -> Result<pl::Expr> {
    let width = generated.len();
    let values = &args[1..];
    let rows = values.len().div_ceil(width.max(1));
    let structs: Vec<pl::Expr> = (0..rows)
        .map(|r| {
            let fields: Vec<pl::Expr> = (0..width)
                .map(|c| {
                    let missing = || lit(pl::NULL).cast(super::types::to_polars(&generated[c].data_type));
                    let v = values.get(r * width + c).cloned().unwrap_or_else(missing);
                    v.alias(format!("col{c}").as_str())
                })
                .collect();
            pl::as_struct(fields)
        })
        .collect();
    Ok(pl::concat_list(structs)?)
}

/// `json_tuple(json, f1, ...)`: exactly one row per input row, so no explode: the
/// fields of each row's object (`compat::json::tuple_fields`) as a struct, unnested.
fn json_tuple(lf: LazyFrame, args: Vec<pl::Expr>, generated: &[Attribute]) -> LazyFrame {
    let width = generated.len();
    let mut args = args.into_iter();
    let Some(first) = args.next() else { return lf };
    let rest: Vec<pl::Expr> = args.collect();
    let field_names: Vec<pl::PlSmallStr> = (0..width).map(|i| format!("c{i}").into()).collect();
    let out_type = PlType::Struct(field_names.iter().map(|n| pl::Field::new(n.clone(), PlType::String)).collect());
    let tuple = first.map_many(
        move |cols: &mut [pl::Column]| -> pl::PolarsResult<pl::Column> {
            let texts: Vec<pl::StringChunked> =
                cols.iter().map(|c| Ok(c.as_materialized_series().rechunk().cast(&PlType::String)?.str()?.clone())).collect::<pl::PolarsResult<_>>()?;
            let n = crate::compat::checks::broadcast_len(texts.iter().map(|t| t.len()));
            let mut columns: Vec<Vec<Option<String>>> = vec![Vec::with_capacity(n); width];
            for row in 0..n {
                let values = match string_at(&texts[0], row) {
                    Some(text) => {
                        let names: Vec<Option<&str>> = texts[1..].iter().map(|t| string_at(t, row)).collect();
                        crate::compat::json::tuple_fields(text, &names)
                    }
                    None => vec![None; width],
                };
                for (column, v) in columns.iter_mut().zip(values) {
                    column.push(v);
                }
            }
            let fields: Vec<pl::Series> = columns
                .into_iter()
                .zip(&field_names)
                .map(|(values, name)| pl::Series::new(name.clone(), values))
                .collect();
            Ok(pl::IntoSeries::into_series(pl::StructChunked::from_series(cols[0].name().clone(), n, fields.iter())?).into_column())
        },
        &rest,
        move |_, fields| Ok(pl::Field::new(fields[0].name().clone(), out_type.clone())),
    );
    let outputs: Vec<pl::Expr> = generated
        .iter()
        .enumerate()
        .map(|(i, a)| pl::col(VALUES).struct_().field_by_index(i as i64).alias(a.engine_name().as_str()))
        .collect();
    lf.with_column(tuple.alias(VALUES)).with_columns(outputs).drop(pl::cols([VALUES]))
}

/// A value of a column, a literal (length 1) broadcast to every row.
fn string_at(t: &pl::StringChunked, row: usize) -> Option<&str> {
    if t.len() == 1 {
        t.get(0)
    } else {
        t.get(row)
    }
}
