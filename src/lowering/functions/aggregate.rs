//! Aggregates with Spark's results: `sum` over no rows is NULL (Polars: 0), a BIGINT
//! sum that overflows fails under ANSI, `avg` of decimals is the exact sum divided
//! by the count, `stddev` uses Spark's streaming moment update.

use super::CallLowering;
use crate::compat::checks::fail_where;
use crate::compat::floats::normalize_key;
use crate::error::{ErrorKind, Result};
use crate::ir::function::AggregateFn;
use crate::ir::DataType;
use polars::prelude::{self as pl, lit, when, Column, DataType as PlType, IntoColumn, NamedFrom, PolarsResult};

pub fn lower(f: AggregateFn, c: &CallLowering) -> Result<pl::Expr> {
    let distinct = c.call.distinct;
    // DISTINCT sees -0.0 and 0.0 as one value, shown as 0.0 (Spark normalises them).
    let distinct_input = || normalize_key(c.arg(0), &c.arg_type(0)).unique_stable();
    Ok(match f {
        AggregateFn::Count => count(c),
        AggregateFn::Sum => {
            let t = c.arg_type(0);
            let input = if distinct { distinct_input() } else { c.arg(0) };
            let widened = match &t {
                t if t.is_integral() => input.cast(PlType::Int64),
                DataType::Float | DataType::String | DataType::Null => input.cast(PlType::Float64),
                _ => input,
            };
            // Decimals of more than 28 digits can overflow DECIMAL(38): summed exactly.
            let wide_decimal = matches!(t, DataType::Decimal(p, _) if p > 28);
            let sum = match t {
                DataType::Decimal(_, s) if wide_decimal => crate::compat::decimal::checked_sum(widened.clone(), s),
                _ => widened.clone().sum(),
            };
            // Spark's sum over no (non-null) rows is NULL, Polars' is 0.
            let total = when(widened.clone().count().eq(lit(0)))
                .then(lit(pl::NULL).cast(super::super::types::to_polars(&c.call.data_type)))
                .otherwise(sum);
            if c.conf.ansi && wide_decimal {
                let bad = widened.count().gt(lit(0)).and(total.clone().is_null());
                fail_where(total, bad, None, lit(0i64), ErrorKind::Arithmetic, "ARITHMETIC_OVERFLOW", |_| {
                    "Overflow in sum of decimals. Use 'try_sum' to tolerate overflow and return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error. SQLSTATE: 22003".to_string()
                })
            } else if c.conf.ansi && t.is_integral() {
                // Polars wraps a bigint sum; an exact 38-digit sum tells when Spark would fail.
                let exact_type = PlType::Decimal(38, 0);
                let exact = widened.cast(exact_type.clone()).sum();
                let bad = exact.clone().gt(lit(i64::MAX).cast(exact_type.clone())).or(exact.lt(lit(i64::MIN).cast(exact_type)));
                fail_where(total, bad, None, lit(0i64), ErrorKind::Arithmetic, "ARITHMETIC_OVERFLOW", |_| {
                    crate::compat::errors::overflow_message("long")
                })
            } else {
                total
            }
        }
        AggregateFn::Avg => {
            let input = if distinct { distinct_input() } else { c.arg(0) };
            match c.arg_type(0) {
                // Spark divides the exact sum by the count, HALF_UP at scale + 4; a float
                // mean would lose digits past the 15th.
                DataType::Decimal(p, s) => crate::compat::decimal::binary(
                    crate::ir::BinaryOp::Divide,
                    input.clone().sum(),
                    input.count().cast(PlType::Decimal(20, 0)),
                    (p + 4).min(38),
                    (s + 4).min(38),
                ),
                _ => input.cast(PlType::Float64).mean(),
            }
        }
        AggregateFn::StddevSamp => c.arg(0).cast(PlType::Float64).agg_with_fmt_str(
            |col: Column| -> PolarsResult<Column> {
                let values = col.as_materialized_series().f64()?.clone();
                let sd = crate::compat::math::stddev_samp(values.iter().flatten());
                Ok(pl::Series::new(col.name().clone(), [sd]).into_column())
            },
            |_, f| Ok(pl::Field::new(f.name().clone(), PlType::Float64)),
            "stddev_samp",
        ),
        AggregateFn::Min => c.arg(0).min(),
        AggregateFn::Max => crate::compat::floats::spark_max(c.arg(0), &c.arg_type(0)),
        AggregateFn::First | AggregateFn::Last => {
            let ignore_nulls = c.bool_literal(1).unwrap_or(false);
            let x = if ignore_nulls { c.arg(0).drop_nulls() } else { c.arg(0) };
            if f == AggregateFn::First { x.first() } else { x.last() }
        }
    })
}

/// `count(x, ...)`: rows where every argument is set; `count(DISTINCT ...)`: distinct such tuples.
fn count(c: &CallLowering) -> pl::Expr {
    let args = &c.args;
    let all_literals = c.call.args.iter().all(|x| matches!(x, crate::ir::Expr::Literal(v) if !v.is_null()));
    if c.call.distinct {
        if args.len() == 1 {
            // n_unique counts NULL as a value; subtracting it (rather than dropping
            // nulls first) keeps both parts streaming reductions in a group-by.
            let has_null = c.arg(0).null_count().gt(lit(0)).cast(PlType::Int64);
            c.arg(0).n_unique().cast(PlType::Int64) - has_null
        } else {
            let any_null = args.iter().map(|x| x.clone().is_null()).reduce(|x, y| x.or(y)).expect("arity checked");
            pl::as_struct(args.clone()).filter(any_null.not()).n_unique().cast(PlType::Int64)
        }
    } else if all_literals {
        pl::len().cast(PlType::Int64)
    } else if args.len() == 1 {
        c.arg(0).count().cast(PlType::Int64)
    } else {
        let all_set = args.iter().map(|x| x.clone().is_not_null()).reduce(|x, y| x.and(y)).expect("arity checked");
        all_set.cast(PlType::Int64).sum()
    }
}
