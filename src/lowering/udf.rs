//! Python UDF calls as Polars expressions: a function over the whole argument columns
//! (the runner batches them as Spark does) that calls the Python runtime behind
//! `exec::udf`, with the declared type as its output type.

use super::types::to_polars;
use crate::analysis::typing::data_type;
use crate::error::Result;
use super::plan::PlanLowering;
use crate::exec::udf::{current_cancel_flag, function, table_function, CancelFlag};
use crate::ir::udf::{PythonUdf, UdfHandle};
use crate::ir::{Attribute, DataType, Plan, StructField};
use polars::prelude::{self as pl, Column, IntoColumn, IntoLazy, PolarsResult};
use std::sync::Arc;

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
    let cancel = current_cancel_flag();
    let run = move |cols: &mut [Column]| -> PolarsResult<Column> {
        let name = cols[0].name().clone();
        let args: &[Column] = if without_args { &[] } else { cols };
        let result = if cancel.is_cancelled() {
            Err(CancelFlag::error())
        } else if aggregate {
            f.aggregate(args, &arg_types, &zone, &cancel)
        } else {
            f.call(args, &arg_types, &zone, &cancel)
        };
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

/// A Python table function over its inputs' rows (`PlanNode::PythonTable`): an opaque
/// Polars map, so nothing runs before the plan is collected and nothing is pushed
/// through it. The first input is the map's own; the others are collected when it
/// runs (a cogroup's second side), none at all gives an empty frame (a UDTF's call).
pub(super) fn table(lowering: &PlanLowering<'_>, plan: &Plan, inputs: &[Arc<Plan>], handle: &UdfHandle) -> Result<pl::LazyFrame> {
    let f = table_function(handle)?;
    let zone = lowering.conf.session_time_zone.clone();
    let mut frames = inputs
        .iter()
        .map(|p| {
            let cols: Vec<pl::Expr> = p.output.iter().map(|a| pl::col(a.engine_name().as_str())).collect();
            let lf = lowering.lower(p)?;
            Ok(if cols.is_empty() { lf } else { lf.select(cols) })
        })
        .collect::<Result<Vec<_>>>()?
        .into_iter();
    let first = frames.next().unwrap_or_else(|| pl::DataFrame::empty().lazy());
    let others: Vec<pl::LazyFrame> = frames.collect();
    let input_fields: Vec<Vec<StructField>> = inputs.iter().map(|p| fields(&p.output)).collect();
    let output = fields(&plan.output);
    let names: Vec<pl::PlSmallStr> = plan.output.iter().map(|a| a.engine_name().into()).collect();
    let schema: pl::SchemaRef =
        Arc::new(plan.output.iter().map(|a| pl::Field::new(a.engine_name().into(), to_polars(&a.data_type))).collect());
    let cancel = current_cancel_flag();
    let run = move |df: pl::DataFrame| -> PolarsResult<pl::DataFrame> {
        if cancel.is_cancelled() {
            let e = CancelFlag::error();
            return Err(crate::compat::errors::runtime_error(e.kind, "", &e.message));
        }
        let mut all = vec![df];
        for other in &others {
            all.push(other.clone().collect()?);
        }
        let out = f
            .apply(all, &input_fields, &output, &zone, &cancel)
            .map_err(|e| crate::compat::errors::runtime_error(e.kind, e.error_class.as_deref().unwrap_or(""), &e.message))?;
        let columns = out.columns().iter().zip(&names).map(|(c, n)| c.clone().with_name(n.clone())).collect::<Vec<_>>();
        let height = columns.first().map_or(0, Column::len);
        pl::DataFrame::new(height, columns)
    };
    let out_schema = move |_: &pl::Schema| Ok(schema.clone());
    Ok(first.map(run, pl::OptFlags::empty(), Some(Arc::new(out_schema)), Some("python table function")))
}

fn fields(attrs: &[Attribute]) -> Vec<StructField> {
    attrs.iter().map(|a| StructField::new(a.name.clone(), a.data_type.clone(), a.nullable)).collect()
}
