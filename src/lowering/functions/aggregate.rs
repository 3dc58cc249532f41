//! Aggregates with Spark's results: `sum` over no rows is NULL (Polars: 0), a BIGINT
//! sum that overflows fails under ANSI, `avg` of decimals is the exact sum divided
//! by the count. Native Polars aggregations where their semantics are Spark's; the
//! statistics, `collect_set`'s hash order, `product` and `listagg` are reductions of
//! our own (`compat::moments`, `compat::hash_set_order`) so the digits and the order
//! are Spark's. Every form is an expression over the inputs that Polars evaluates in
//! a group-by, a select and `over()`.

use super::CallLowering;
use crate::compat::checks::fail_where;
use crate::compat::errors::{divide_by_zero_message, runtime_error};
use crate::compat::floats::normalize_key;
use crate::compat::moments::{CoMoment, CoMoments, Moment, Moments, Regression, Stat};
use crate::error::{ErrorKind, Result};
use crate::ir::function::AggregateFn;
use crate::ir::DataType;
use polars::prelude::{self as pl, lit, when, Column, DataType as PlType, IntoColumn, NamedFrom, PolarsResult};

pub fn lower(f: AggregateFn, c: &CallLowering) -> Result<pl::Expr> {
    use AggregateFn::*;
    Ok(match f {
        Count => count(c),
        Sum | TrySum | Avg | TryAvg if c.arg_type(0).is_ansi_interval() => interval_sum(c, matches!(f, Avg | TryAvg), matches!(f, TrySum | TryAvg)),
        Sum => sum(c, false),
        TrySum => sum(c, true),
        Avg | TryAvg => average(input(c, 0), &c.arg_type(0), &c.call.data_type),
        // DISTINCT changes nothing for min and max (and Polars' max after unique_stable
        // gives -f64::MAX for a lone -Inf in a select).
        Min => data(c, 0).min(),
        Max => maximum(data(c, 0), &c.arg_type(0)),
        First | Last => {
            let ignore_nulls = c.bool_literal(1).unwrap_or(false);
            let x = if ignore_nulls { data(c, 0).drop_nulls() } else { data(c, 0) };
            if f == First { x.first() } else { x.last() }
        }
        ApproxCountDistinct => approx_count_distinct(c),
        MinBy | MaxBy => value_at_extreme(c, f == MaxBy),
        CollectList => input(c, 0).drop_nulls().implode(true),
        CollectSet => collect_set(c),
        CountIf => input(c, 0).fill_null(lit(false)).cast(PlType::Int64).sum(),
        // Spark rewrites bool_and to min and bool_or to max: NULL over no values.
        BoolAnd => input(c, 0).min(),
        BoolOr => input(c, 0).max(),
        BitAnd | BitOr | BitXor => {
            let x = input(c, 0);
            let bits = match f {
                BitAnd => x.clone().bitwise_and(),
                BitOr => x.clone().bitwise_or(),
                _ => x.clone().bitwise_xor(),
            };
            null_without_values(x, bits, &c.call.data_type)
        }
        Product => product(input(c, 0).cast(PlType::Float64)),
        ListAgg => list_agg(c),
        StddevSamp => moment(c, Moment::StddevSamp),
        StddevPop => moment(c, Moment::StddevPop),
        VarSamp => moment(c, Moment::VarSamp),
        VarPop => moment(c, Moment::VarPop),
        Skewness => moment(c, Moment::Skewness),
        Kurtosis => moment(c, Moment::Kurtosis),
        // Spark's buffers name the arguments in their own order: corr(a, b) and
        // covar(a, b) keep (a, b); regr_r2(y, x) and regr_sxy(y, x) keep (y, x).
        Corr => co_moment(c, CoMoment::Corr, data(c, 0), data(c, 1)),
        CovarPop => co_moment(c, CoMoment::CovarPop, data(c, 0), data(c, 1)),
        CovarSamp => co_moment(c, CoMoment::CovarSamp, data(c, 0), data(c, 1)),
        RegrR2 => co_moment(c, CoMoment::RegrR2, data(c, 0), data(c, 1)),
        RegrSxy => co_moment(c, CoMoment::RegrSxy, data(c, 0), data(c, 1)),
        // regr_sxx(y, x) is the sum of squared deviations of x over the pairs, regr_syy of y.
        RegrSxx => pair_moment(c, data(c, 1), data(c, 0)),
        RegrSyy => pair_moment(c, data(c, 0), data(c, 1)),
        RegrSlope => regression(c, Regression::Slope),
        RegrIntercept => regression(c, Regression::Intercept),
        RegrAvgX => average(over_pairs(data(c, 1), data(c, 0)), &c.arg_type(1), &c.call.data_type),
        RegrAvgY => average(over_pairs(data(c, 0), data(c, 1)), &c.arg_type(0), &c.call.data_type),
        RegrCount => data(c, 0).is_not_null().and(data(c, 1).is_not_null()).cast(PlType::Int64).sum(),
        Percentile => percentile(c, percentages_of(c), Some(data(c, 2))),
        Median => percentile(c, vec![0.5], None),
        PercentileApprox => approx_percentile(c),
        Mode => mode(c),
        HistogramNumeric => histogram(c),
    })
}

/// The constant percentages of `percentile`/`percentile_approx` (checked by analysis).
fn percentages_of(c: &CallLowering) -> Vec<f64> {
    match c.ir(1).unalias() {
        crate::ir::Expr::Literal(v) => crate::analysis::functions::percentages(v).unwrap_or_default(),
        _ => vec![],
    }
}

/// Whether the percentage argument is an array (the result is then an array too).
fn percentage_array(c: &CallLowering) -> bool {
    matches!(c.arg_type(1), DataType::Array(..))
}

/// A value as the double Spark's percentile functions read it (decimals as
/// `BigDecimal.doubleValue`, dates as days, timestamps as microseconds).
fn as_double(x: pl::Expr, t: &DataType) -> pl::Expr {
    match t {
        DataType::Decimal(..) => crate::compat::decimal::to_double(x),
        DataType::Date => x.to_physical().cast(PlType::Float64),
        DataType::Timestamp | DataType::TimestampNtz | DataType::DayTimeInterval(..) => x.to_physical().cast(PlType::Float64),
        _ => x.cast(PlType::Float64),
    }
}

/// Spark's exact `percentile` (and `median`): weighted by the frequency column when given.
fn percentile(c: &CallLowering, percentages: Vec<f64>, frequency: Option<pl::Expr>) -> pl::Expr {
    let doubles = percentile_doubles(c, percentages, frequency);
    // An interval's percentile: the microseconds (months) truncated, as Spark's
    // `toLong` (`toInt`).
    let (whole, physical) = match c.arg_type(0) {
        DataType::DayTimeInterval(..) => (PlType::Int64, PlType::Duration(pl::TimeUnit::Microseconds)),
        DataType::YearMonthInterval(..) => (PlType::Int32, PlType::Int32),
        _ => return doubles,
    };
    match c.call.data_type {
        DataType::Array(..) => doubles.cast(PlType::List(Box::new(whole))).cast(PlType::List(Box::new(physical))),
        _ => doubles.cast(whole).cast(physical),
    }
}

fn percentile_doubles(c: &CallLowering, percentages: Vec<f64>, frequency: Option<pl::Expr>) -> pl::Expr {
    let as_array = c.call.func == crate::ir::Func::Aggregate(AggregateFn::Percentile) && percentage_array(c);
    // `percentile_cont/percentile_disc(p) WITHIN GROUP (ORDER BY x DESC)`: a fourth argument.
    let reverse = c.call.args.len() > 3 && c.bool_literal(3) == Some(true);
    let discrete = c.call.name == "percentile_disc";
    let value = as_double(input(c, 0), &c.arg_type(0)).alias("v");
    let frequency = frequency.unwrap_or_else(|| pl::repeat(lit(1i64), pl::len())).cast(PlType::Int64).alias("w");
    let out_type = if as_array { PlType::List(Box::new(PlType::Float64)) } else { PlType::Float64 };
    pl::as_struct(vec![value, frequency]).agg_with_fmt_str(
        move |col: Column| -> PolarsResult<Column> {
            let fields = col.as_materialized_series().struct_()?.fields_as_series();
            let (v, w) = (fields[0].f64()?, fields[1].i64()?);
            let mut weighted = vec![];
            for (x, n) in v.iter().zip(w.iter()) {
                if let (Some(x), Some(n)) = (x, n) {
                    if n < 0 {
                        return Err(runtime_error(
                            ErrorKind::IllegalArgument,
                            "NEGATIVE_VALUES_IN_FREQUENCY_EXPRESSION",
                            // Spark names the frequency by its bound reference at run time.
                            &format!("Found the negative value in \"boundreference()\": {n}L, but expected a positive integral value. SQLSTATE: 22003"),
                        ));
                    }
                    if n > 0 {
                        weighted.push((x, n));
                    }
                }
            }
            let result = crate::compat::percentile::ordered(&weighted, &percentages, reverse, discrete);
            let name = col.name().clone();
            Ok(if as_array {
                let list = match result {
                    Some(r) => pl::IntoSeries::into_series(pl::Series::new("".into(), r).implode()?).with_name(name),
                    None => pl::Series::new_null(name, 1).cast(&PlType::List(Box::new(PlType::Float64)))?,
                };
                list.into_column()
            } else {
                pl::Series::new(name, [result.map(|r| r[0])]).into_column()
            })
        },
        move |_, f| Ok(pl::Field::new(f.name().clone(), out_type.clone())),
        "percentile",
    )
}

/// The rows of `values` whose doubles are `picked` (first row of each), in that order;
/// -0.0 and 0.0 are different values here, as in Spark's sorted samples.
fn rows_of(values: &pl::Series, doubles: &pl::Float64Chunked, picked: &[f64]) -> PolarsResult<pl::Series> {
    let index: Vec<pl::IdxSize> = picked
        .iter()
        .map(|p| {
            doubles
                .iter()
                .position(|d| d.is_some_and(|d| d.to_bits() == p.to_bits() || (d.is_nan() && p.is_nan())))
                .unwrap_or(0) as pl::IdxSize
        })
        .collect();
    values.take(&pl::IdxCa::from_vec("idx".into(), index))
}

/// `percentile_approx`: Spark's GK summary over the values as doubles; the answers
/// are values seen, returned in the input's own type.
fn approx_percentile(c: &CallLowering) -> pl::Expr {
    let percentages = percentages_of(c);
    let as_array = percentage_array(c);
    let accuracy = c.int_literal(2).unwrap_or(10000);
    let t = c.arg_type(0);
    let element = super::super::types::to_polars(&t);
    let out_type = if as_array { PlType::List(Box::new(element.clone())) } else { element.clone() };
    let x = input(c, 0);
    pl::as_struct(vec![x.clone().alias("value"), as_double(x, &t).alias("double")]).agg_with_fmt_str(
        move |col: Column| -> PolarsResult<Column> {
            let fields = col.as_materialized_series().struct_()?.fields_as_series();
            let doubles = fields[1].f64()?;
            let mut digest = crate::compat::percentile::Digest::new(accuracy);
            for d in doubles.iter().flatten() {
                digest.add(d);
            }
            let digest = digest.finish();
            let picked: Option<Vec<f64>> = percentages.iter().map(|p| digest.query(*p)).collect();
            let name = col.name().clone();
            let out = match picked {
                None if as_array => pl::Series::new_null(name, 1).cast(&PlType::List(Box::new(fields[0].dtype().clone())))?,
                None => pl::Series::new_null(name, 1).cast(fields[0].dtype())?,
                Some(picked) => {
                    let rows = rows_of(&fields[0], doubles, &picked)?;
                    if as_array { pl::IntoSeries::into_series(rows.implode()?).with_name(name) } else { rows.with_name(name) }
                }
            };
            Ok(out.into_column())
        },
        move |_, f| Ok(pl::Field::new(f.name().clone(), out_type.clone())),
        "percentile_approx",
    )
}

/// `approx_count_distinct`: Spark's HyperLogLog++ over the values' XXH64 hashes.
fn approx_count_distinct(c: &CallLowering) -> pl::Expr {
    let rsd = c.double_literal(1).unwrap_or(0.05);
    data(c, 0).agg_with_fmt_str(
        move |col: Column| -> PolarsResult<Column> {
            let hashes = crate::compat::hash::row_hash::<crate::compat::hash::XxHash64>(std::slice::from_ref(&col), PlType::Int64)?;
            let present = col.as_materialized_series().is_not_null();
            let mut hll = crate::compat::hll::HyperLogLogPlusPlus::new(rsd);
            for (hash, present) in hashes.as_materialized_series().i64()?.iter().zip(present.iter()) {
                if let (Some(h), Some(true)) = (hash, present) {
                    hll.add(h);
                }
            }
            Ok(pl::Series::new(col.name().clone(), [hll.estimate()]).into_column())
        },
        |_, f| Ok(pl::Field::new(f.name().clone(), PlType::Int64)),
        "approx_count_distinct",
    )
}

/// `mode`: the most frequent value, ties broken as Spark's hash map breaks them.
fn mode(c: &CallLowering) -> pl::Expr {
    let t = c.arg_type(0);
    let deterministic = c.bool_literal(1).unwrap_or(false);
    let largest = c.call.args.len() > 2 && c.bool_literal(2) == Some(true);
    let element = super::super::types::to_polars(&t);
    input(c, 0).agg_with_fmt_str(
        move |col: Column| -> PolarsResult<Column> {
            let s = col.as_materialized_series();
            let out = match crate::compat::mode::mode(s, &t, deterministic, largest)? {
                Some(row) => s.slice(row as i64, 1),
                None => pl::Series::new_null(s.name().clone(), 1).cast(s.dtype())?,
            };
            Ok(out.into_column())
        },
        move |_, f| Ok(pl::Field::new(f.name().clone(), element.clone())),
        "mode",
    )
}

/// `histogram_numeric`: Spark's streaming histogram; bin centres in the input's type.
fn histogram(c: &CallLowering) -> pl::Expr {
    let bins = c.int_literal(1).unwrap_or(2).max(2) as usize;
    let t = c.arg_type(0);
    let out_type = super::super::types::to_polars(&c.call.data_type);
    let result_type = out_type.clone();
    let element = super::super::types::to_polars(&t);
    let x = input(c, 0);
    as_double(x, &t).agg_with_fmt_str(
        move |col: Column| -> PolarsResult<Column> {
            let doubles = col.as_materialized_series().f64()?.clone();
            let mut h = crate::compat::histogram::Histogram::new(bins);
            for d in doubles.iter().flatten() {
                h.add(d);
            }
            let name = col.name().clone();
            let Some(coords) = h.bins() else {
                return Ok(pl::Series::new_null(name, 1).cast(&result_type)?.into_column());
            };
            let xs = pl::Series::new("x".into(), coords.iter().map(|b| b.0).collect::<Vec<f64>>());
            let xs = centres_as(&xs, &t, &element)?;
            let ys = pl::Series::new("y".into(), coords.iter().map(|b| b.1).collect::<Vec<f64>>());
            let bins = pl::IntoSeries::into_series(pl::StructChunked::from_series("".into(), xs.len(), [xs, ys].iter())?);
            Ok(pl::IntoSeries::into_series(bins.implode()?).with_name(name).into_column())
        },
        move |_, f| Ok(pl::Field::new(f.name().clone(), out_type.clone())),
        "histogram_numeric",
    )
}

/// Bin centres (doubles) as Spark converts them to the input's type: integers and
/// dates truncated, decimals rounded HALF_UP to the scale.
fn centres_as(xs: &pl::Series, t: &DataType, element: &PlType) -> PolarsResult<pl::Series> {
    Ok(match t {
        DataType::Date => xs.cast(&PlType::Int32)?.cast(element)?,
        DataType::Timestamp | DataType::TimestampNtz => xs.cast(&PlType::Int64)?.cast(element)?,
        DataType::Decimal(p, s) => {
            let scale = *s as i32;
            let unscaled: pl::Int128Chunked = xs
                .f64()?
                .iter()
                .map(|x| x.map(|x| crate::compat::math::round_double(x, scale, crate::compat::math::Rounding::HalfUp)).and_then(|r| format!("{r:.*}", scale as usize).replace('.', "").parse::<i128>().ok()))
                .collect();
            pl::IntoSeries::into_series(unscaled.into_decimal_unchecked(*p as usize, *s as usize))
        }
        _ => xs.cast(element)?,
    }
    .with_name("x".into()))
}

/// Argument `i` as the rows the aggregate reads: a literal once per row, only the
/// rows its FILTER lets through.
fn data(c: &CallLowering, i: usize) -> pl::Expr {
    let x = if matches!(c.ir(i).unalias(), crate::ir::Expr::Literal(_)) { pl::repeat(c.arg(i), pl::len()) } else { c.arg(i) };
    match &c.filter {
        Some(mask) => x.filter(mask.clone()),
        None => x,
    }
}

/// `data`, with DISTINCT applied: one of each value (-0.0 counted as 0.0).
fn input(c: &CallLowering, i: usize) -> pl::Expr {
    if c.call.distinct {
        normalize_key(data(c, i), &c.arg_type(i)).unique_stable()
    } else {
        data(c, i)
    }
}

/// `value` where `other` is set too, NULL elsewhere (the `regr_*` functions read pairs).
fn over_pairs(value: pl::Expr, other: pl::Expr) -> pl::Expr {
    when(other.is_not_null()).then(value).otherwise(lit(pl::NULL))
}

/// `agg`, or NULL when `x` has no non-NULL value (Polars gives an identity element).
fn null_without_values(x: pl::Expr, agg: pl::Expr, t: &DataType) -> pl::Expr {
    when(x.count().eq(lit(0))).then(lit(pl::NULL).cast(super::super::types::to_polars(t))).otherwise(agg)
}

/// -0.0 as 0.0 (what adding to Spark's 0.0 start gives; Polars may fold `x + 0.0` to `x`).
fn positive_zero(x: pl::Expr) -> pl::Expr {
    when(x.clone().eq(lit(0.0))).then(lit(0.0)).otherwise(x)
}

/// Spark's max (NaN the greatest). Polars' `nan_max` of values that are all -Inf gives
/// -f64::MAX in a select; the plain max tells that case apart.
fn maximum(x: pl::Expr, t: &DataType) -> pl::Expr {
    let m = crate::compat::floats::spark_max(x.clone(), t);
    if !t.is_floating() {
        return m;
    }
    let all_neg_inf = x.clone().max().eq(lit(f64::NEG_INFINITY)).and(x.is_nan().any(true).not());
    when(all_neg_inf).then(lit(f64::NEG_INFINITY).cast(super::super::types::to_polars(t))).otherwise(m)
}

fn sum(c: &CallLowering, try_mode: bool) -> pl::Expr {
    let t = c.arg_type(0);
    let input = input(c, 0);
    let widened = match &t {
        t if t.is_integral() => input.cast(PlType::Int64),
        DataType::Float | DataType::String | DataType::Null => input.cast(PlType::Float64),
        _ => input,
    };
    // Decimals of more than 28 digits can overflow DECIMAL(38): summed exactly.
    let wide_decimal = matches!(t, DataType::Decimal(p, _) if p > 28);
    let sum = match t {
        DataType::Decimal(_, s) if wide_decimal => crate::compat::decimal::checked_sum(widened.clone(), s),
        // Spark's sum starts at 0.0, so it is never -0.0.
        DataType::Float | DataType::Double | DataType::String | DataType::Null => positive_zero(widened.clone().sum()),
        _ => widened.clone().sum(),
    };
    let total = null_without_values(widened.clone(), sum, &c.call.data_type);
    if wide_decimal && !try_mode && c.conf.ansi {
        let bad = widened.count().gt(lit(0)).and(total.clone().is_null());
        return fail_where(total, bad, None, lit(0i64), ErrorKind::Arithmetic, "ARITHMETIC_OVERFLOW", |_| {
            "Overflow in sum of decimals. Use 'try_sum' to tolerate overflow and return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error. SQLSTATE: 22003".to_string()
        });
    }
    if !t.is_integral() || !(try_mode || c.conf.ansi) {
        return total;
    }
    // Polars wraps a bigint sum; an exact 128-bit sum tells when Spark would overflow
    // (a plain widening: a cast to DECIMAL(38) checked every value's precision, ~10×).
    let exact_type = PlType::Int128;
    let exact = widened.cast(exact_type.clone()).sum();
    let bad = exact.clone().gt(lit(i64::MAX).cast(exact_type.clone())).or(exact.lt(lit(i64::MIN).cast(exact_type)));
    if try_mode {
        return when(bad).then(lit(pl::NULL).cast(PlType::Int64)).otherwise(total);
    }
    fail_where(total, bad, None, lit(0i64), ErrorKind::Arithmetic, "ARITHMETIC_OVERFLOW", |_| crate::compat::errors::overflow_message("long"))
}

/// Spark's `Average` of `input` (of type `t`): decimals divide the exact sum by the
/// count, HALF_UP at scale + 4; other numbers are a DOUBLE mean.
/// `sum`/`avg` of an ANSI interval, on its months or microseconds
/// (`compat::ansi_interval::total`): an overflow fails in both modes, or is NULL for
/// `try_sum`/`try_avg`.
fn interval_sum(c: &CallLowering, average: bool, try_mode: bool) -> pl::Expr {
    let t = c.arg_type(0);
    let out = super::super::types::to_polars(&c.call.data_type);
    let field_type = out.clone();
    input(c, 0).cast(PlType::Int64).agg_with_fmt_str(
        move |col: Column| -> PolarsResult<Column> {
            let values = col.as_materialized_series().i64()?.clone();
            let result = match crate::compat::ansi_interval::total(values.iter().flatten(), average, &t) {
                Ok(v) => v,
                Err(crate::compat::datetime_fns::RowError::Spark { kind, class, message }) if !try_mode => {
                    return Err(runtime_error(kind, class, &message))
                }
                Err(_) => None,
            };
            pl::Series::new(col.name().clone(), [result]).cast(&out).map(|s| s.into_column())
        },
        move |_, f| Ok(pl::Field::new(f.name().clone(), field_type.clone())),
        "interval_sum",
    )
}

fn average(input: pl::Expr, t: &DataType, out: &DataType) -> pl::Expr {
    match (t, out) {
        (DataType::Decimal(p, s), DataType::Decimal(rp, rs)) => {
            let sum = if *p > 28 { crate::compat::decimal::checked_sum(input.clone(), *s) } else { input.clone().sum() };
            crate::compat::decimal::binary(crate::ir::BinaryOp::Divide, sum, input.count().cast(PlType::Decimal(20, 0)), *rp, *rs)
        }
        // Spark's sum starts at 0.0, so an average is never -0.0 (0.0 + -0.0 is 0.0).
        _ => positive_zero(input.cast(PlType::Float64).mean()),
    }
}

/// `min_by`/`max_by`: the value on the row with the smallest/largest ordering. Rows with
/// a NULL ordering are skipped; on ties the last row wins (Spark replaces the kept value
/// unless the new ordering is strictly worse). A stable sort by the ordering puts it last.
fn value_at_extreme(c: &CallLowering, max: bool) -> pl::Expr {
    let ord = normalize_key(data(c, 1), &c.arg_type(1));
    let keep = ord.clone().is_not_null();
    let options = pl::SortMultipleOptions::default().with_order_descending(!max).with_maintain_order(true);
    data(c, 0).filter(keep.clone()).sort_by([ord.filter(keep)], options).last()
}

fn collect_set(c: &CallLowering) -> pl::Expr {
    let t = c.arg_type(0);
    let element = super::super::types::to_polars(&t);
    input(c, 0).agg_with_fmt_str(
        move |col: Column| -> PolarsResult<Column> {
            let s = col.as_materialized_series();
            let order = crate::compat::hash_set_order::collect_set_order(s, &t)?;
            let idx = pl::IdxCa::from_vec("idx".into(), order.into_iter().map(|i| i as pl::IdxSize).collect());
            let picked = s.take(&idx)?;
            Ok(pl::IntoSeries::into_series(picked.implode()?).with_name(s.name().clone()).into_column())
        },
        move |_, f| Ok(pl::Field::new(f.name().clone(), PlType::List(Box::new(element.clone())))),
        "collect_set",
    )
}

/// `product`: the values multiplied in input order, as Spark's running product does.
fn product(x: pl::Expr) -> pl::Expr {
    x.agg_with_fmt_str(
        |col: Column| -> PolarsResult<Column> {
            let values = col.as_materialized_series().f64()?.clone();
            let product = values.iter().flatten().fold(None, |acc: Option<f64>, v| Some(acc.map_or(v, |a| a * v)));
            Ok(pl::Series::new(col.name().clone(), [product]).into_column())
        },
        |_, f| Ok(pl::Field::new(f.name().clone(), PlType::Float64)),
        "product",
    )
}

/// `listagg(value, delimiter)`: the non-NULL values joined by the delimiter (a NULL
/// delimiter joins with nothing), NULL when there are none; strings or binaries.
fn list_agg(c: &CallLowering) -> pl::Expr {
    let binary = c.arg_type(0) == DataType::Binary;
    // WITHIN GROUP (ORDER BY ...): arguments from the third, each key then its direction.
    let keys: Vec<(pl::Expr, bool, bool)> = (2..c.call.args.len())
        .step_by(2)
        .map(|i| {
            let direction = c.str_literal(i + 1).unwrap_or("ASC NULLS FIRST");
            (data(c, i), direction.starts_with("DESC"), direction.ends_with("LAST"))
        })
        .collect();
    let values = match keys.is_empty() {
        true => input(c, 0),
        false => {
            let options = pl::SortMultipleOptions::default()
                .with_order_descending_multi(keys.iter().map(|k| k.1))
                .with_nulls_last_multi(keys.iter().map(|k| k.2))
                .with_maintain_order(true);
            let sorted = data(c, 0).sort_by(keys.into_iter().map(|k| k.0).collect::<Vec<_>>(), options);
            // DISTINCT orders by the value itself (Spark requires it): one of each, in order.
            if c.call.distinct { normalize_key(sorted, &c.arg_type(0)).unique_stable() } else { sorted }
        }
    };
    let delimiter: Vec<u8> = match c.ir(1).unalias() {
        crate::ir::Expr::Literal(crate::ir::Value::String(s)) => s.as_bytes().to_vec(),
        crate::ir::Expr::Literal(crate::ir::Value::Binary(b)) => b.clone(),
        _ => vec![],
    };
    let out_type = if binary { PlType::Binary } else { PlType::String };
    values.agg_with_fmt_str(
        move |col: Column| -> PolarsResult<Column> {
            let s = col.as_materialized_series();
            let parts: Vec<&[u8]> = if binary {
                s.binary()?.iter().flatten().collect()
            } else {
                s.str()?.iter().flatten().map(|x| x.as_bytes()).collect()
            };
            let joined = (!parts.is_empty()).then(|| parts.join(&delimiter[..]));
            let out = if binary {
                pl::Series::new(s.name().clone(), [joined])
            } else {
                pl::Series::new(s.name().clone(), [joined.map(|b| String::from_utf8_lossy(&b).into_owned())])
            };
            Ok(out.into_column())
        },
        move |_, f| Ok(pl::Field::new(f.name().clone(), out_type.clone())),
        "listagg",
    )
}

/// A statistic's value as a column of one row; a division by zero fails under ANSI.
fn stat_column(name: pl::PlSmallStr, stat: Stat, ansi: bool) -> PolarsResult<Column> {
    let value = match stat {
        Ok(v) => v,
        Err(_) if ansi => return Err(runtime_error(ErrorKind::Arithmetic, "DIVIDE_BY_ZERO", &divide_by_zero_message())),
        Err(_) => None,
    };
    Ok(pl::Series::new(name, [value]).into_column())
}

fn moment(c: &CallLowering, stat: Moment) -> pl::Expr {
    let ansi = c.conf.ansi;
    input(c, 0).cast(PlType::Float64).agg_with_fmt_str(
        move |col: Column| -> PolarsResult<Column> {
            let values = col.as_materialized_series().f64()?.clone();
            let m = Moments::of(values.iter().flatten(), stat.order());
            stat_column(col.name().clone(), stat.evaluate(&m), ansi)
        },
        |_, f| Ok(pl::Field::new(f.name().clone(), PlType::Float64)),
        "moment",
    )
}

/// The rows of a two-column statistic as one struct column (DISTINCT: distinct pairs).
fn pairs_of(c: &CallLowering, x: pl::Expr, y: pl::Expr) -> pl::Expr {
    let pairs = pl::as_struct(vec![x.cast(PlType::Float64).alias("x"), y.cast(PlType::Float64).alias("y")]);
    if c.call.distinct { pairs.unique_stable() } else { pairs }
}

/// The (x, y) pairs with neither side NULL, in input order.
fn complete_pairs(col: &Column) -> PolarsResult<Vec<(f64, f64)>> {
    let fields = col.as_materialized_series().struct_()?.fields_as_series();
    let (x, y) = (fields[0].f64()?, fields[1].f64()?);
    Ok(x.iter().zip(y.iter()).filter_map(|(a, b)| Some((a?, b?))).collect())
}

fn pair_reduction(c: &CallLowering, x: pl::Expr, y: pl::Expr, f: impl Fn(&[(f64, f64)]) -> Stat + Send + Sync + 'static) -> pl::Expr {
    let ansi = c.conf.ansi;
    pairs_of(c, x, y).agg_with_fmt_str(
        move |col: Column| -> PolarsResult<Column> {
            let pairs = complete_pairs(&col)?;
            stat_column(col.name().clone(), f(&pairs), ansi)
        },
        |_, f| Ok(pl::Field::new(f.name().clone(), PlType::Float64)),
        "pair_statistic",
    )
}

fn co_moment(c: &CallLowering, stat: CoMoment, x: pl::Expr, y: pl::Expr) -> pl::Expr {
    pair_reduction(c, x, y, move |pairs| stat.evaluate(&CoMoments::of(pairs.iter().copied())))
}

/// The sum of squared deviations of `value` over the rows where `other` is set too.
fn pair_moment(c: &CallLowering, value: pl::Expr, other: pl::Expr) -> pl::Expr {
    pair_reduction(c, value, other, |pairs| Moment::SumOfSquares.evaluate(&Moments::of(pairs.iter().map(|p| p.0), 2)))
}

/// `regr_slope(y, x)`, `regr_intercept(y, x)`: over (x, y) pairs.
fn regression(c: &CallLowering, kind: Regression) -> pl::Expr {
    pair_reduction(c, data(c, 1), data(c, 0), move |pairs| kind.evaluate(pairs))
}

/// `count(x, ...)`: rows where every argument is set; `count(DISTINCT ...)`: distinct such tuples.
fn count(c: &CallLowering) -> pl::Expr {
    let filtered: Vec<pl::Expr>;
    let args = match &c.filter {
        // Filtered rows: literals become columns the FILTER cuts down.
        Some(_) => {
            filtered = (0..c.args.len()).map(|i| data(c, i)).collect();
            &filtered
        }
        None => &c.args,
    };
    let arg = |i: usize| args[i].clone();
    let all_literals = c.call.args.iter().all(|x| matches!(x, crate::ir::Expr::Literal(v) if !v.is_null()));
    if c.call.distinct {
        if args.len() == 1 {
            // n_unique counts NULL as a value; subtracting it (rather than dropping
            // nulls first) keeps both parts streaming reductions in a group-by.
            let has_null = arg(0).null_count().gt(lit(0)).cast(PlType::Int64);
            arg(0).n_unique().cast(PlType::Int64) - has_null
        } else {
            let any_null = args.iter().map(|x| x.clone().is_null()).reduce(|x, y| x.or(y)).expect("arity checked");
            pl::as_struct(args.clone()).filter(any_null.not()).n_unique().cast(PlType::Int64)
        }
    } else if all_literals && c.filter.is_none() {
        pl::len().cast(PlType::Int64)
    } else if args.len() == 1 {
        arg(0).count().cast(PlType::Int64)
    } else {
        let all_set = args.iter().map(|x| x.clone().is_not_null()).reduce(|x, y| x.and(y)).expect("arity checked");
        all_set.cast(PlType::Int64).sum()
    }
}
