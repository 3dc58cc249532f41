//! The Polars form of every function in the registry (`analysis::functions`).

use super::expr::ExprLowering;
use super::types::to_polars;
use crate::analysis::typing::data_type;
use crate::compat::checks::fail_where;
use crate::compat::math::{round_double, round_integer, Rounding};
use crate::error::{Error, ErrorKind, Result};
use crate::ir::{DataType, Expr, Value};
use polars::prelude::{self as pl, lit, when, ChunkApply, Column, DataType as PlType, IntoColumn, IntoSeries, NamedFrom, PolarsResult};

fn int_arg(e: &Expr) -> Option<i64> {
    match e.unalias() {
        Expr::Literal(Value::Integer(i)) => Some(*i as i64),
        Expr::Literal(Value::Long(i)) => Some(*i),
        Expr::Cast { expr, .. } => int_arg(expr),
        _ => None,
    }
}

fn bool_arg(e: &Expr) -> Option<bool> {
    match e.unalias() {
        Expr::Literal(Value::Boolean(b)) => Some(*b),
        _ => None,
    }
}

/// True for names `lower_function` knows; checked against the registry in tests.
pub fn has_lowering(name: &str) -> bool {
    LOWERED.contains(&name)
}

const LOWERED: &[&str] = &[
    "count", "sum", "avg", "stddev", "min", "max", "first", "last", "abs", "round", "bround", "sqrt", "isnan", "upper", "lower",
    "length", "trim", "ltrim", "rtrim", "concat", "concat_ws", "substring", "substr", "like", "rlike", "startswith",
    "endswith", "contains", "coalesce", "get_field", "get_item", "year", "quarter", "month", "dayofmonth", "dayofweek",
    "dayofyear", "to_date", "date_add", "date_sub", "datediff",
];

pub fn lower_function(
    lw: &ExprLowering,
    name: &str,
    args: &[Expr],
    distinct: bool,
    reachable: &Option<pl::Expr>,
) -> Result<pl::Expr> {
    let lowered = args.iter().map(|a| lw.lower_in(a, reachable)).collect::<Result<Vec<_>>>()?;
    let a = |i: usize| lowered[i].clone();
    Ok(match name {
        // aggregates
        "count" => {
            let all_literals = args.iter().all(|x| matches!(x, Expr::Literal(v) if !v.is_null()));
            if distinct {
                if args.len() == 1 {
                    // n_unique counts NULL as a value; subtracting it (rather than dropping
                    // nulls first) keeps both parts streaming reductions in a group-by.
                    let has_null = a(0).null_count().gt(lit(0)).cast(PlType::Int64);
                    a(0).n_unique().cast(PlType::Int64) - has_null
                } else {
                    let any_null = lowered.iter().map(|x| x.clone().is_null()).reduce(|x, y| x.or(y)).unwrap();
                    pl::as_struct(lowered.clone()).filter(any_null.not()).n_unique().cast(PlType::Int64)
                }
            } else if all_literals {
                pl::len().cast(PlType::Int64)
            } else if args.len() == 1 {
                a(0).count().cast(PlType::Int64)
            } else {
                let all_set = lowered.iter().map(|x| x.clone().is_not_null()).reduce(|x, y| x.and(y)).unwrap();
                all_set.cast(PlType::Int64).sum()
            }
        }
        "sum" => {
            let t = data_type(&args[0]);
            let input = if distinct { a(0).unique_stable() } else { a(0) };
            let widened = match &t {
                t if t.is_integral() => input.cast(PlType::Int64),
                DataType::Float | DataType::String | DataType::Null => input.cast(PlType::Float64),
                _ => input,
            };
            // Spark's sum over no (non-null) rows is NULL, Polars' is 0.
            let total = when(widened.clone().count().eq(lit(0)))
                .then(lit(pl::NULL).cast(to_sum_type(&t)))
                .otherwise(widened.clone().sum());
            if lw.conf.ansi && t.is_integral() {
                // Polars wraps a bigint sum; an exact 38-digit sum tells when Spark would fail.
                let exact_type = PlType::Decimal(38, 0);
                let exact = widened.cast(exact_type.clone()).sum();
                let bad = exact
                    .clone()
                    .gt(lit(i64::MAX).cast(exact_type.clone()))
                    .or(exact.lt(lit(i64::MIN).cast(exact_type)));
                fail_where(total, bad, None, lit(0i64), ErrorKind::Arithmetic, "ARITHMETIC_OVERFLOW", |_| {
                    crate::compat::errors::overflow_message("long")
                })
            } else {
                total
            }
        }
        "avg" => {
            let input = if distinct { a(0).unique_stable() } else { a(0) };
            match data_type(&args[0]) {
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
        "stddev" => a(0).cast(PlType::Float64).agg_with_fmt_str(
            |c: Column| -> PolarsResult<Column> {
                let values = c.as_materialized_series().f64()?.clone();
                let sd = crate::compat::math::stddev_samp(values.iter().flatten());
                Ok(pl::Series::new(c.name().clone(), [sd]).into_column())
            },
            |_, f| Ok(pl::Field::new(f.name().clone(), PlType::Float64)),
            "stddev_samp",
        ),
        "min" => a(0).min(),
        "max" => crate::compat::floats::spark_max(a(0), &data_type(&args[0])),
        "first" | "last" => {
            let ignore_nulls = args.get(1).and_then(bool_arg).unwrap_or(false);
            let x = if ignore_nulls { a(0).drop_nulls() } else { a(0) };
            if name == "first" { x.first() } else { x.last() }
        }
        // math
        "abs" => a(0).abs(),
        "sqrt" => a(0).cast(PlType::Float64).sqrt(),
        "isnan" => match data_type(&args[0]) {
            DataType::Float | DataType::Double => a(0).is_nan().fill_null(lit(false)),
            _ => a(0).is_null().and(lit(false)),
        },
        "round" | "bround" => {
            let scale = match args.get(1) {
                Some(s) => int_arg(s).ok_or_else(|| Error::unsupported(format!("{name} with a non-literal scale")))?,
                None => 0,
            } as i32;
            let mode = if name == "round" { Rounding::HalfUp } else { Rounding::HalfEven };
            match data_type(&Expr::Function { name: name.to_string(), args: args.to_vec(), distinct: false }) {
                DataType::Decimal(p, s) => crate::compat::decimal::round(a(0), scale, mode == Rounding::HalfEven, p, s),
                t => round_expr(a(0), &t, scale, mode),
            }
        }
        // strings
        "upper" => a(0).str().to_uppercase(),
        "lower" => a(0).str().to_lowercase(),
        "length" => match data_type(&args[0]) {
            DataType::Binary => a(0).binary().size_bytes().cast(PlType::Int32),
            _ => a(0).str().len_chars().cast(PlType::Int32),
        },
        "trim" => a(0).str().strip_chars(lit(" ")),
        "ltrim" => a(0).str().strip_chars_start(lit(" ")),
        "rtrim" => a(0).str().strip_chars_end(lit(" ")),
        "concat" if args.iter().all(|x| data_type(x) == DataType::Binary) && !args.is_empty() => {
            crate::compat::binary::concat(lowered.clone())
        }
        "concat" => {
            if lowered.is_empty() {
                lit("")
            } else {
                pl::concat_str(lowered.clone(), "", false)
            }
        }
        "concat_ws" => concat_ws(&lowered, &args[0])?,
        "substring" | "substr" => {
            let len = if args.len() > 2 { a(2) } else { lit(i32::MAX) };
            substring(a(0), a(1), len)
        }
        "like" => like(a(0), &args[1])?,
        "rlike" => {
            let pattern = match args[1].unalias() {
                Expr::Literal(Value::String(p)) => lit(crate::compat::regex::java_to_rust(p)?),
                _ => a(1),
            };
            a(0).str().contains(pattern, true)
        }
        "startswith" => a(0).str().starts_with(a(1)),
        "endswith" => a(0).str().ends_with(a(1)),
        "contains" => a(0).str().contains_literal(a(1)),
        "coalesce" => pl::coalesce(&lowered),
        // dates (arguments arrive as DATE: Polars' Date is days since the epoch, as Spark's)
        "year" => a(0).dt().year(),
        "quarter" => a(0).dt().quarter().cast(PlType::Int32),
        "month" => a(0).dt().month().cast(PlType::Int32),
        "dayofmonth" => a(0).dt().day().cast(PlType::Int32),
        // Spark counts from Sunday = 1, Polars from Monday = 1.
        "dayofweek" => (a(0).dt().weekday().cast(PlType::Int32) % lit(7i32)) + lit(1i32),
        "dayofyear" => a(0).dt().ordinal_day().cast(PlType::Int32),
        "to_date" => a(0),
        "date_add" | "date_sub" => {
            let days = a(1).cast(PlType::Int32);
            let days = if name == "date_add" { days } else { lit(0i32) - days };
            (a(0).cast(PlType::Int32) + days).cast(PlType::Date)
        }
        "datediff" => a(0).cast(PlType::Int32) - a(1).cast(PlType::Int32),
        "get_field" => match args[1].unalias() {
            Expr::Literal(Value::String(f)) => a(0).struct_().field_by_name(f),
            _ => return Err(Error::unsupported("getField with a non-literal name")),
        },
        "get_item" => match data_type(&args[0]) {
            // Spark's array[i] is 0-based; out of range it is NULL, or an error under ANSI.
            DataType::Array(elem, _) => {
                let index = a(1).cast(PlType::Int64);
                // Polars counts negative indexes from the end; Spark has no such element.
                let elem_type = to_polars(&elem);
                let value = when(index.clone().lt(lit(0i64)))
                    .then(lit(pl::NULL).cast(elem_type))
                    .otherwise(a(0).list().get(index.clone(), true));
                if !lw.conf.ansi {
                    value
                } else {
                    let len = a(0).list().len().cast(PlType::Int64);
                    let bad = a(0).is_not_null().and(index.clone().lt(lit(0i64)).or(index.clone().gt_eq(len.clone())));
                    fail_where(value, bad, reachable.clone(), index, ErrorKind::ArrayIndexOutOfBounds, "INVALID_ARRAY_INDEX", |v| {
                        format!("The index {} is out of bounds. Use the SQL function `get()` to tolerate accessing element at invalid index and return NULL instead. SQLSTATE: 22003", v)
                    })
                }
            }
            DataType::Map(_, value, _) => crate::compat::maps::lookup(a(0), a(1), to_polars(&value)),
            _ => return Err(Error::internal("getItem on a value that is neither an array nor a map")),
        },
        other => return Err(Error::unsupported(format!("function {other}"))),
    })
}

fn to_sum_type(t: &DataType) -> PlType {
    match t {
        t if t.is_integral() => PlType::Int64,
        DataType::Decimal(p, s) => PlType::Decimal(((*p as usize) + 10).min(38), *s as usize),
        _ => PlType::Float64,
    }
}

fn round_expr(x: pl::Expr, t: &DataType, scale: i32, mode: Rounding) -> pl::Expr {
    match t {
        DataType::Double | DataType::Float => {
            map_values::<pl::Float64Type>(x, move |v| round_double(v, scale, mode)).cast(to_polars(t))
        }
        t if t.is_integral() && scale < 0 => {
            map_values::<pl::Int64Type>(x, move |v| round_integer(v, scale, mode)).cast(to_polars(t))
        }
        _ => x,
    }
}

/// Applies a Rust function to every non-null value, after casting to `T`.
fn map_values<T>(x: pl::Expr, f: impl Fn(T::Native) -> T::Native + Send + Sync + 'static) -> pl::Expr
where
    T: pl::PolarsNumericType,
{
    let dtype = T::get_static_dtype();
    let out_type = dtype.clone();
    x.cast(dtype).map(
        move |c: Column| -> PolarsResult<Column> {
            let ca = c.as_materialized_series().unpack::<T>()?.clone();
            Ok(ca.apply_values(&f).into_series().into_column())
        },
        move |_, field| Ok(pl::Field::new(field.name().clone(), out_type.clone())),
    )
}

/// Spark's 1-based `substring(s, pos, len)`: pos 0 acts as 1, negative pos counts
/// from the end, and the window is clipped to the string.
fn substring(s: pl::Expr, pos: pl::Expr, len: pl::Expr) -> pl::Expr {
    let n = s.clone().str().len_chars().cast(PlType::Int64);
    let pos = pos.cast(PlType::Int64);
    let len = len.cast(PlType::Int64);
    let start = when(pos.clone().gt(lit(0i64)))
        .then(pos.clone() - lit(1i64))
        .when(pos.clone().lt(lit(0i64)))
        .then(n.clone() + pos)
        .otherwise(lit(0i64));
    let end = start.clone() + len;
    let start_c = when(start.clone().lt(lit(0i64))).then(lit(0i64)).otherwise(start);
    let end_c = when(end.clone().gt(n.clone())).then(n).otherwise(end);
    let width = when(end_c.clone().gt(start_c.clone())).then(end_c - start_c.clone()).otherwise(lit(0i64));
    s.str().slice(start_c, width)
}

fn concat_ws(lowered: &[pl::Expr], sep: &Expr) -> Result<pl::Expr> {
    let Expr::Literal(Value::String(sep)) = sep.unalias() else {
        return Err(Error::unsupported("concat_ws with a non-literal separator"));
    };
    if lowered.len() == 1 {
        return Ok(lit(""));
    }
    Ok(pl::concat_str(&lowered[1..], sep, true))
}

/// SQL LIKE with `_` and `%` wildcards and `\` as the escape character.
fn like(s: pl::Expr, pattern: &Expr) -> Result<pl::Expr> {
    let Expr::Literal(Value::String(p)) = pattern.unalias() else {
        return Err(Error::unsupported("like with a non-literal pattern"));
    };
    if let Some(fast) = like_without_regex(s.clone(), p) {
        return Ok(fast);
    }
    let mut re = String::from("(?s)^");
    let mut chars = p.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(n) => re.push_str(&regex_escape(n)),
                None => re.push_str("\\\\"),
            },
            '%' => re.push_str(".*"),
            '_' => re.push('.'),
            c => re.push_str(&regex_escape(c)),
        }
    }
    re.push('$');
    Ok(s.str().contains(lit(re), true))
}

/// The common LIKE shapes (`abc`, `abc%`, `%abc`, `%abc%`) as plain string tests,
/// which run several times faster than a regex; None for anything else.
fn like_without_regex(s: pl::Expr, p: &str) -> Option<pl::Expr> {
    if p.contains(['_', '\\']) {
        return None;
    }
    let starts = p.starts_with('%');
    let ends = p.ends_with('%') && p.len() > 1;
    let core = p.trim_start_matches('%').trim_end_matches('%');
    if core.contains('%') {
        return None;
    }
    let core = lit(core.to_string());
    Some(match (starts, ends || (starts && p.len() == 1)) {
        (false, false) => s.eq(core),
        (false, true) => s.str().starts_with(core),
        (true, false) => s.str().ends_with(core),
        (true, true) => s.str().contains_literal(core),
    })
}

fn regex_escape(c: char) -> String {
    if "\\.+*?()|[]{}^$#&-~".contains(c) {
        format!("\\{c}")
    } else {
        c.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_shapes_without_inner_wildcards_skip_the_regex() {
        let s = || pl::col("s");
        for p in ["abc", "abc%", "%abc", "%abc%", "%", "%%", "", "a%%"] {
            assert!(like_without_regex(s(), p).is_some(), "{p}");
        }
        for p in ["a_c", "a%b%c", "%a%b", "a\\%"] {
            assert!(like_without_regex(s(), p).is_none(), "{p}");
        }
    }

    #[test]
    fn every_registered_function_has_a_lowering() {
        for f in crate::analysis::functions::FUNCTIONS {
            assert!(has_lowering(f.name), "{} has no lowering", f.name);
        }
    }
}
