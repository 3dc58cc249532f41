//! `groupBy(...).pivot(column, values).agg(...)`, planned as Spark's `ResolvePivot`.
//!
//! Each pivot value gives one output column per aggregate, named by the value's text
//! (`null` for NULL), followed by `_<aggregate>` when there are several aggregates.
//! Values are cast to the pivot column's type when the pivot is made; without values,
//! the column's distinct values are collected then, by running a query.
//!
//! Spark has two plans, and their results differ, so both are kept:
//! - when every aggregate's result is numeric or boolean (`PivotFirst`'s types), it
//!   aggregates by the grouping columns and the pivot column, then picks each value's
//!   row per group: a combination without rows is NULL, even for `count`, and a NaN
//!   value never matches (PivotFirst looks values up with Scala's `==`);
//! - otherwise each aggregate reads only the rows of its value (`CASE WHEN pivot <=>
//!   value THEN x END`), so `count` of no rows is 0 and NaN matches NaN.

use super::super::builder::{self, project_list};
use super::super::coercion::coerce;
use super::super::functions::{is_aggregate_call, lookup};
use super::super::naming::{auto_name, sql_text};
use super::super::resolve::{Resolver, Scope};
use super::super::typing::{cast_refusal, data_type};
use super::super::{new_plan_id, Conf};
use super::QueryRunner;
use crate::error::{Error, ErrorKind, Result};
use crate::ir::function::{AggregateFn, Func};
use crate::ir::{BinaryOp, CastKind, DataType, Expr, Plan, Value};
use std::sync::Arc;

/// A pivot value, cast to the pivot column's type, and the text its columns are named by.
#[derive(Debug, Clone, PartialEq)]
pub struct PivotValue {
    pub value: Value,
    pub name: String,
}

/// The distinct values of the pivot column, sorted (NULL first), as Spark collects
/// them; more than `max_values` (`spark.sql.pivotMaxValues`) is an error.
pub fn distinct_values(input: &Arc<Plan>, column: &Expr, max_values: usize, conf: &Conf, runner: &dyn QueryRunner) -> Result<Vec<Value>> {
    let projected = builder::project(input.clone(), vec![column.clone()], conf, new_plan_id())?;
    let attr = projected.output[0].clone();
    let distinct = builder::deduplicate(Arc::new(projected), None, conf, new_plan_id())?;
    let limited = builder::limit(Arc::new(distinct), max_values.saturating_add(1), new_plan_id());
    let sorted = builder::sort(Arc::new(limited), vec![Expr::Attr(attr)], conf, new_plan_id())?;
    let rows = runner.collect(&sorted)?;
    if rows.len() > max_values {
        let shown = sql_text(column);
        return Err(Error::analysis(
            "_LEGACY_ERROR_TEMP_1324",
            format!(
                "The pivot column {shown} has more than {max_values} distinct values, this could indicate an error. If this was intended, set spark.sql.pivotMaxValues to at least the number of distinct values of the pivot column."
            ),
        )
        .with_param("pivotColumn", shown)
        .with_param("maxValues", max_values.to_string()));
    }
    Ok(rows.into_iter().filter_map(|row| row.into_iter().next()).collect())
}

/// The values cast to the pivot column's type (ANSI or legacy, as any cast), with
/// the text of each value as given, cast to STRING, to name its columns by.
pub fn cast_values(input: &Arc<Plan>, column: &Expr, values: Vec<Value>, conf: &Conf, runner: &dyn QueryRunner) -> Result<Vec<PivotValue>> {
    let pivot_type = data_type(&Resolver::new(input, conf).resolve(column.clone())?);
    for v in &values {
        let t = v.data_type();
        // Spark's check is `Cast.canCast`, the permissive (legacy) one.
        if cast_refusal(&t, &pivot_type, false).is_some() {
            let text = v.name_text();
            return Err(Error::analysis(
                "PIVOT_VALUE_DATA_TYPE_MISMATCH",
                format!("Invalid pivot value '{text}': value data type {} does not match pivot column data type {}.", t.simple_string(), pivot_type.simple_string()),
            )
            .with_param("value", text)
            .with_param("valueType", t.simple_string())
            .with_param("pivotType", pivot_type.simple_string()));
        }
    }
    if values.is_empty() {
        return Ok(vec![]);
    }
    let mut exprs = vec![];
    for (i, v) in values.iter().enumerate() {
        let literal = Expr::Literal(v.clone());
        exprs.push(coerce(literal.clone(), &pivot_type).alias(&format!("value{i}")));
        exprs.push(Expr::Cast { expr: Box::new(literal), to: DataType::String, kind: CastKind::Cast }.alias(&format!("name{i}")));
    }
    let evaluate = |exprs: Vec<Expr>, conf: &Conf| -> Result<Vec<Value>> {
        let one_row = Arc::new(builder::range(0, 1, 1)?);
        let plan = builder::project(one_row, exprs, conf, new_plan_id())?;
        runner.collect(&plan)?.into_iter().next().ok_or_else(|| Error::internal("no row evaluating pivot values"))
    };
    // Spark evaluates the `Cast` without checking it, so a cast ANSI refuses (DATE to
    // INT) runs as the legacy one (NULL) even in ANSI mode.
    let refused: Vec<bool> = values.iter().map(|v| cast_refusal(&v.data_type(), &pivot_type, conf.ansi).is_some()).collect();
    let only = |keep: bool| -> Vec<Expr> {
        exprs
            .iter()
            .enumerate()
            .map(|(j, e)| if refused[j / 2] == keep { e.clone() } else { Expr::Literal(Value::Null).alias(&format!("skipped{j}")) })
            .collect()
    };
    let mut row = evaluate(only(false), conf)?;
    if refused.iter().any(|r| *r) {
        let lenient = evaluate(only(true), &Conf { ansi: false, ..conf.clone() })?;
        for (j, v) in lenient.into_iter().enumerate() {
            if refused[j / 2] {
                row[j] = v;
            }
        }
    }
    Ok(row
        .chunks(2)
        .map(|pair| {
            let name = match &pair[1] {
                Value::String(s) => s.clone(),
                _ => "null".to_string(),
            };
            PivotValue { value: pair[0].clone(), name }
        })
        .collect())
}

/// The pivot aggregation: the grouping columns, then a column per value and aggregate.
pub fn plan(input: Arc<Plan>, keys: Vec<Expr>, column: &Expr, values: &[PivotValue], aggs: Vec<Expr>, conf: &Conf, plan_id: u64) -> Result<Plan> {
    if aggs.iter().any(|a| a.any(&|e| matches!(e, Expr::Star { .. }))) {
        return Err(Error::analysis("INVALID_USAGE_OF_STAR_OR_REGEX", "Invalid usage of '*' in Pivot.")
            .with_param("elem", "'*'")
            .with_param("prettyName", "Pivot"));
    }
    check_grouping_functions(&aggs)?;
    check_windows(&aggs)?;
    let resolved = project_list(&input, aggs.clone(), conf, Scope { aggregates: true, ..Scope::default() })?;
    for r in &resolved {
        check_aggregate(&r.expr)?;
    }
    let suffixes: Vec<String> = aggs.iter().map(auto_name).collect();
    let name = |v: &PivotValue, j: usize| if aggs.len() == 1 { v.name.clone() } else { format!("{}_{}", v.name, suffixes[j]) };
    if resolved.iter().all(|r| pivot_first_type(&r.attr.data_type)) {
        // Aggregate by the grouping columns and the pivot column, then pick each
        // value's row of every group.
        let pivot_key = match column.without_origin() {
            Expr::Unresolved { .. } => column.clone(),
            other => other.clone().alias("__pivot_col"),
        };
        check_distinct_values(values)?;
        let n = keys.len();
        let mut first_keys = keys;
        first_keys.push(pivot_key);
        let first = Arc::new(builder::aggregate(input, first_keys, aggs.clone(), conf, new_plan_id())?);
        let key_refs: Vec<Expr> = first.output[..n].iter().cloned().map(Expr::Attr).collect();
        let pivot = Expr::Attr(first.output[n].clone());
        let mut picks = vec![];
        for v in values {
            for (j, agg) in first.output[n + 1..].iter().enumerate() {
                let matches = if is_nan(&v.value) {
                    Expr::Literal(Value::Boolean(false))
                } else {
                    Expr::binary(BinaryOp::EqNullSafe, pivot.clone(), Expr::Literal(v.value.clone()))
                };
                let pick = Expr::case_when(vec![(matches, Expr::Attr(agg.clone()))], None);
                picks.push(Expr::func("max", vec![pick]).alias(&name(v, j)));
            }
        }
        builder::aggregate(first, key_refs, picks, conf, plan_id)
    } else {
        let mut columns = vec![];
        for v in values {
            for (j, agg) in aggs.iter().enumerate() {
                columns.push(rows_of_value(agg, column, &v.value).alias(&name(v, j)));
            }
        }
        builder::aggregate(input, keys, columns, conf, plan_id)
    }
}

/// PivotFirst's result types: a pivot whose aggregates all give one of them is
/// planned in two aggregation steps.
fn pivot_first_type(t: &DataType) -> bool {
    use DataType::*;
    matches!(t, Double | Integer | Long | Float | Boolean | Short | Byte | Decimal(..))
}

fn is_nan(v: &Value) -> bool {
    match v {
        Value::Double(x) => x.is_nan(),
        Value::Float(x) => x.is_nan(),
        _ => false,
    }
}

/// `grouping(k)` is no aggregate: Spark sees `k` outside any aggregate function.
fn check_grouping_functions(aggs: &[Expr]) -> Result<()> {
    let mut found = None;
    for a in aggs {
        a.walk(&mut |e| {
            if let Expr::Function { name, args, .. } = e {
                if found.is_none() && lookup(name).is_some_and(|d| d.func.is_grouping()) {
                    found = Some(args.first().map(sql_text).unwrap_or_default());
                }
            }
        });
    }
    match found {
        Some(sql) => Err(aggregate_required(sql)),
        None => Ok(()),
    }
}

/// A window function among a pivot's aggregates: Spark's `checkValidAggregateExpression`
/// meets a column outside any aggregate call in it (the function's arguments, then the
/// window's partition keys, then its order keys) and names it.
fn check_windows(aggs: &[Expr]) -> Result<()> {
    if !aggs.iter().any(|a| a.any(&|e| matches!(e, Expr::Window { .. }))) {
        return Ok(());
    }
    match aggs.iter().find_map(column_outside_aggregates) {
        Some(sql) => Err(aggregate_required(sql)),
        None => Ok(()),
    }
}

/// The first column an unresolved expression reads outside aggregate calls, in Spark's
/// order of children.
fn column_outside_aggregates(e: &Expr) -> Option<String> {
    match e {
        Expr::Unresolved { parts, .. } => parts.last().cloned(),
        Expr::Function { name, .. } if lookup(name).is_some_and(|d| d.func.is_aggregate()) => None,
        other => other.children().into_iter().find_map(column_outside_aggregates),
    }
}

/// PivotFirst indexes its output by the distinct values: a repeated value leaves an
/// index past the end, which fails in Spark as here (at analysis rather than when run).
fn check_distinct_values(values: &[PivotValue]) -> Result<()> {
    let mut distinct: Vec<&Value> = vec![];
    for v in values {
        if !distinct.contains(&&v.value) {
            distinct.push(&v.value);
        }
    }
    if distinct.len() == values.len() {
        return Ok(());
    }
    let n = distinct.len();
    Err(Error::new(
        ErrorKind::ArrayIndexOutOfBounds,
        "INVALID_ARRAY_INDEX",
        format!("The index {n} is out of bounds. The array has {n} elements. Use the SQL function `get()` to tolerate accessing element at invalid index and return NULL instead."),
    )
    .with_param("indexValue", n.to_string())
    .with_param("arraySize", n.to_string()))
}

/// Spark's error for a column a pivot reads outside any aggregate function.
fn aggregate_required(sql: String) -> Error {
    Error::analysis("_LEGACY_ERROR_TEMP_1006", format!("Aggregate expression required for pivot, but '{sql}' did not appear in any aggregate function."))
        .with_param("sql", sql)
}

/// Every column read outside an aggregate function is an error in a pivot.
fn check_aggregate(e: &Expr) -> Result<()> {
    if is_aggregate_call(e) {
        return Ok(());
    }
    if let Expr::Attr(a) = e {
        return Err(aggregate_required(a.name.clone()));
    }
    e.children().into_iter().try_for_each(check_aggregate)
}

/// `agg` with each aggregate function reading only the rows of `value`; `first` and
/// `last` then skip the NULLs that stand for other rows.
fn rows_of_value(agg: &Expr, column: &Expr, value: &Value) -> Expr {
    let only = |x: &Expr| Expr::case_when(vec![(Expr::binary(BinaryOp::EqNullSafe, column.clone(), Expr::Literal(value.clone())), x.clone())], None);
    agg.transform_down(&mut |node| {
        let Expr::Function { name, args, distinct } = node else { return None };
        let def = lookup(name).filter(|d| d.func.is_aggregate())?;
        let args = match def.func {
            Func::Aggregate(AggregateFn::First | AggregateFn::Last) => vec![only(&args[0]), Expr::Literal(Value::Boolean(true))],
            _ => args.iter().map(only).collect(),
        };
        Some(Expr::Function { name: name.clone(), args, distinct: *distinct })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(v: i32) -> PivotValue {
        PivotValue { value: Value::Integer(v), name: v.to_string() }
    }

    #[test]
    fn repeated_values_fail_as_pivot_first_does() {
        assert!(check_distinct_values(&[value(1), value(2)]).is_ok());
        let err = check_distinct_values(&[value(1), value(2), value(1)]).unwrap_err();
        assert_eq!(err.error_class.as_deref(), Some("INVALID_ARRAY_INDEX"));
    }

    #[test]
    fn nan_never_matches_in_pivot_first() {
        assert!(is_nan(&Value::Double(f64::NAN)));
        assert!(!is_nan(&Value::Double(1.0)));
    }
}
