//! Python UDF calls as Polars expressions: a function over the whole argument columns
//! (the runner batches them as Spark does) that calls the Python runtime behind
//! `exec::udf`, with the declared type as its output type.

use super::types::to_polars;
use crate::analysis::typing::data_type;
use crate::error::Result;
use crate::exec::udf::function;
use crate::ir::udf::PythonUdf;
use crate::ir::DataType;
use polars::prelude::{self as pl, Column, IntoColumn, PolarsResult};

/// `f(args)` row by row (batched by the runtime).
pub fn call(udf: &PythonUdf, args: Vec<pl::Expr>, session_zone: &str) -> Result<pl::Expr> {
    map(udf, args, session_zone, false)
}

/// A grouped-aggregate pandas UDF: one value per group.
pub fn aggregate(udf: &PythonUdf, args: Vec<pl::Expr>, session_zone: &str) -> Result<pl::Expr> {
    map(udf, args, session_zone, true)
}

fn map(udf: &PythonUdf, args: Vec<pl::Expr>, session_zone: &str, aggregate: bool) -> Result<pl::Expr> {
    let f = function(&udf.def.function)?;
    let arg_types: Vec<DataType> = udf.args.iter().map(data_type).collect();
    let out_type = to_polars(&udf.def.return_type);
    let zone = session_zone.to_string();
    // Without arguments the function still runs once per row: a constant stands in.
    let without_args = args.is_empty();
    let mut inputs = args.into_iter();
    let first = inputs.next().unwrap_or_else(|| pl::lit(true));
    let rest: Vec<pl::Expr> = inputs.collect();
    let out_field_type = out_type.clone();
    let run = move |cols: &mut [Column]| -> PolarsResult<Column> {
        let name = cols[0].name().clone();
        let args: &[Column] = if without_args { &[] } else { cols };
        let result = if aggregate { f.aggregate(args, &arg_types, &zone) } else { f.call(args, &arg_types, &zone) };
        let out = result.map_err(|e| crate::compat::errors::runtime_error(e.kind, e.error_class.as_deref().unwrap_or(""), &e.message))?;
        Ok(out.take_materialized_series().with_name(name).into_column())
    };
    let output = move |_: &pl::Schema, fields: &[pl::Field]| Ok(pl::Field::new(fields[0].name().clone(), out_field_type.clone()));
    // A group's call gives one value; `first` makes it the group's value, not a list.
    // A scalar call takes its whole input column at once (not Polars' morsels), which the
    // runner cuts into `maxRecordsPerBatch` batches as Spark cuts a partition: batch
    // boundaries, NULLs seen in a batch (the Arrow path's int-to-float) and an iterator
    // UDF's single pass over its batches are then Spark's.
    Ok(if aggregate {
        first.apply_many(run, &rest, output).first()
    } else if without_args {
        first.map_many(run, &rest, output)
    } else {
        first.apply_many(run, &rest, output)
    })
}
