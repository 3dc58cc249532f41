//! Spark's CAST on Polars: ANSI casts fail on malformed input and overflow,
//! legacy and `try_cast` give NULL; strings are trimmed; floats print as Java does.

use super::checks::{fail_where, quoted};
use super::decimal_cast;
use super::errors::cast_overflow_message;
use crate::ir::text::{java_double, java_float, timestamp_text};
use super::timezone::{utc_to_wall_clock, wall_clock_to_utc};
use crate::error::ErrorKind;
use crate::ir::{DataType, StructField};
use crate::lowering::types::to_polars;
use polars::prelude::{self as pl, lit, when, AnyValue, Column, DataType as PlType, IntoColumn, IntoSeries, NamedFrom, PolarsResult};

/// 2^63: the first double above the bigint range (exactly representable).
const TWO_POW_63: f64 = 9_223_372_036_854_775_808.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CastMode {
    Ansi,
    Legacy,
    Try,
}

/// Spark's CAST. `tz` is the session time zone: timestamps print, and strings
/// parse to timestamps, in it.
pub fn cast(input: pl::Expr, from: &DataType, to: &DataType, mode: CastMode, reachable: Option<pl::Expr>, tz: &str) -> pl::Expr {
    if from == to {
        return input;
    }
    let target = to_polars(to);
    let micros = PlType::Datetime(pl::TimeUnit::Microseconds, None);
    match (from, to) {
        (DataType::Null, _) => input.cast(target),
        // A TIMESTAMP as a number is seconds since the epoch.
        (DataType::Timestamp, t) if t.is_integral() => {
            // Out of range is NULL in legacy mode (no wrapping), an error under ANSI.
            let seconds = input.clone().cast(PlType::Int64).floor_div(lit(1_000_000i64));
            let result = seconds.clone().cast(target);
            if mode != CastMode::Ansi {
                return result;
            }
            // Spark shows the timestamp as a literal in the session time zone.
            let bad = seconds.is_not_null().and(result.clone().is_null());
            let zone = super::timezone::parse(tz).unwrap_or_else(|_| super::timezone::Zone::utc());
            let to_sql = to.sql();
            fail_where(result, bad, reachable, input.cast(PlType::Int64), ErrorKind::Arithmetic, "CAST_OVERFLOW", move |v| {
                let shown = match v {
                    AnyValue::Int64(us) => format!("TIMESTAMP '{}'", timestamp_text(zone.utc_to_local(*us))),
                    other => quoted(other),
                };
                cast_overflow_message(&shown, "TIMESTAMP", &to_sql)
            })
        }
        (DataType::Timestamp, t) if t.is_fractional() => {
            // Spark: micros / 1e6 as Java divides (not times the reciprocal).
            let seconds = crate::compat::arith::ieee_divide(input.cast(PlType::Int64).cast(PlType::Float64), lit(1e6));
            cast(seconds, &DataType::Double, to, mode, reachable, tz)
        }
        (DataType::Timestamp, DataType::Boolean) => input.cast(PlType::Int64).neq(lit(0i64)),
        (DataType::Boolean, DataType::Timestamp) => input.cast(PlType::Int64).cast(micros),
        (f, DataType::Timestamp) if f.is_integral() => {
            // Seconds to microseconds, saturating like Spark.
            let s = input.cast(PlType::Int64);
            let limit = i64::MAX / 1_000_000;
            when(s.clone().gt(lit(limit)))
                .then(lit(i64::MAX))
                .when(s.clone().lt(lit(-limit)))
                .then(lit(i64::MIN))
                .otherwise(s * lit(1_000_000i64))
                .cast(micros)
        }
        (f, DataType::Timestamp) if f.is_fractional() => {
            let us = input.clone().cast(PlType::Float64) * lit(1e6);
            let saturated = saturate_to_i64(us.clone()).cast(micros);
            if mode == CastMode::Ansi {
                let bad = us.clone().gt_eq(lit(TWO_POW_63)).or(us.clone().lt(lit(-TWO_POW_63)));
                // Spark fails converting the microseconds (a DOUBLE) to a BIGINT.
                fail_where(saturated, bad, reachable, us, ErrorKind::Arithmetic, "CAST_OVERFLOW", move |v| {
                    cast_overflow_message(&quoted(v), "DOUBLE", "BIGINT")
                })
            } else {
                saturated
            }
        }
        // Dates and TIMESTAMP_NTZ are wall-clock values in the session time zone.
        (DataType::Timestamp, DataType::Date | DataType::TimestampNtz) => utc_to_wall_clock(input, tz).cast(target),
        (DataType::Date, DataType::Timestamp | DataType::TimestampNtz) => {
            // A date past ±292,000 years has no microsecond count: Spark's
            // `daysToMicros` fails in `Math.multiplyExact`, in both ANSI modes.
            let micros_of = input.clone().cast(micros.clone());
            let result = if *to == DataType::Timestamp { wall_clock_to_utc(micros_of.clone(), tz) } else { micros_of.clone() };
            let bad = input.clone().is_not_null().and(micros_of.is_null());
            fail_where(result, bad, reachable, input, ErrorKind::Arithmetic, "", |_| "long overflow".to_string())
        }
        (DataType::TimestampNtz, DataType::Timestamp) => wall_clock_to_utc(input.cast(micros), tz),
        // Legacy mode only: a date has no numeric or boolean value.
        (DataType::Date, _) if to.is_numeric() || *to == DataType::Boolean => lit(pl::NULL).cast(target),
        (DataType::Binary, DataType::String) => super::binary::to_string(input),
        // Containers cast element by element, field by field, with Spark's rules for each.
        (DataType::Array(from_e, _), DataType::Array(to_e, _)) => {
            // The element checks cannot see the row mask: under ANSI, rows that are never
            // read (a `coalesce` argument after a non-NULL one) are cast as NULL arrays.
            let (input, mode) = match (&reachable, mode) {
                // Under the mask of no row the values without the checks: a failing
                // element as NULL (its row fails where it is reached).
                (Some(mask), CastMode::Ansi) if super::checks::is_never(mask) => (input, CastMode::Try),
                (Some(mask), CastMode::Ansi) => (when(mask.clone()).then(input).otherwise(lit(pl::NULL)), mode),
                _ => (input, mode),
            };
            input.list().eval(cast(pl::element(), from_e, to_e, mode, None, tz))
        }
        // A map is a list of key-value structs: cast as one, so struct keys and values
        // cast member by member by position (Polars' own cast matches them by name).
        (DataType::Map(fk, fv, fnull), DataType::Map(tk, tv, tnull)) => {
            let entry = |k: &DataType, v: &DataType, n: bool| {
                let fields = vec![StructField::new("key", k.clone(), false), StructField::new("value", v.clone(), n)];
                DataType::Array(Box::new(DataType::Struct(fields)), false)
            };
            cast(input, &entry(fk, fv, *fnull), &entry(tk, tv, *tnull), mode, reachable, tz)
        }
        (DataType::Struct(from_f), DataType::Struct(to_f)) if from_f.len() == to_f.len() => {
            let names = crate::lowering::types::engine_field_names(to_f);
            let fields: Vec<pl::Expr> = from_f
                .iter()
                .zip(to_f)
                .zip(names)
                .enumerate()
                .map(|(i, ((f, g), name))| {
                    let field = input.clone().struct_().field_by_index(i as i64);
                    cast(field, &f.data_type, &g.data_type, mode, reachable.clone(), tz).alias(name)
                })
                .collect();
            when(input.is_null()).then(lit(pl::NULL).cast(target)).otherwise(pl::as_struct(fields))
        }
        (_, DataType::String) => to_string(input, from, tz, mode != CastMode::Legacy),
        (DataType::String, DataType::Boolean) => string_to_boolean(input, mode, reachable),
        (DataType::String, DataType::Decimal(p, s)) => decimal_cast::from_strings(input, *p, *s, mode == CastMode::Ansi, reachable),
        (DataType::String, t) if t.is_numeric() || t.is_datetime() => {
            let trimmed = input.clone().str().strip_chars(lit(pl::NULL));
            let parsed = match t {
                // Spark's own readers of date and timestamp text (`compat::datetime_text`).
                DataType::Date | DataType::Timestamp | DataType::TimestampNtz => {
                    let zone = super::timezone::parse(tz).unwrap_or_else(|_| super::timezone::Zone::utc());
                    super::datetime_text::cast_strings(input.clone(), t, zone)
                }
                t if t.is_integral() && mode == CastMode::Legacy => {
                    // Legacy casts accept a fractional part ("-3.9" is -3), nothing else.
                    let fractional = trimmed.clone().str().contains(lit(r"^[+-]?[0-9]+\.[0-9]*$"), true);
                    let integer_part = trimmed.clone().str().extract(lit(r"^([+-]?[0-9]+)"), 1);
                    when(fractional).then(integer_part.cast(target.clone())).otherwise(trimmed.cast(target.clone()))
                }
                _ => trimmed.cast(target),
            };
            checked(parsed, input, from, to, mode, reachable, "CAST_INVALID_INPUT")
        }
        (DataType::Boolean, DataType::Decimal(..)) => input.cast(PlType::Int32).cast(target),
        (f, DataType::Decimal(p, s)) if f.is_numeric() => {
            // HALF_UP to the target scale; a value too wide for the precision is NULL,
            // or an error under ANSI. Casts that cannot overflow stay Polars' own.
            let (p, s) = (*p, *s);
            let converted = match f {
                DataType::Decimal(p0, s0) if p - s >= p0 - s0 && s >= *s0 => input.clone().cast(target),
                DataType::Decimal(..) => decimal_cast::rescale(input.clone(), p, s),
                t if t.is_integral() && p - s >= integral_digits(t) => input.clone().cast(target),
                t if t.is_integral() => decimal_cast::from_integers(input.clone(), p, s),
                _ => decimal_cast::from_doubles(input.clone(), p, s),
            };
            if cannot_overflow(from, to) {
                return converted;
            }
            // NaN and ±Infinity have no decimal value: NULL, under ANSI too.
            let counted = if f.is_floating() { when(input.clone().is_finite()).then(input).otherwise(lit(pl::NULL)) } else { input };
            checked(converted, counted, from, to, mode, reachable, "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION")
        }
        (DataType::Decimal(..), t) if t.is_integral() => {
            // Legacy casts keep the low bits of the integral part, as Java's BigDecimal does.
            let wrap = mode == CastMode::Legacy;
            let result = decimal_cast::to_integers(input.clone(), target, wrap);
            if wrap { result } else { checked(result, input, from, to, mode, reachable, "CAST_OVERFLOW") }
        }
        (f, t) if f.is_numeric() && t.is_integral() && mode != CastMode::Legacy && !widens(f, t) => {
            let result = if f.is_floating() && *t == DataType::Long {
                // Spark compares `floor(x) <= Long.MaxValue` in doubles, where the bound is
                // 2^63: that one value passes and saturates.
                when(input.clone().cast(PlType::Float64).eq(lit(TWO_POW_63))).then(lit(i64::MAX)).otherwise(input.clone().cast(target))
            } else {
                input.clone().cast(target)
            };
            checked(result, input, from, to, mode, reachable, "CAST_OVERFLOW")
        }
        (f, t) if f.is_floating() && t.is_integral() => {
            // Java's (int)/(long) of a double: NaN is 0 and out-of-range saturates;
            // narrower types then wrap from int.
            let x = input.cast(PlType::Float64).fill_nan(lit(0.0));
            let saturated = if *t == DataType::Long {
                saturate_to_i64(x)
            } else {
                x.clip(lit(i32::MIN as f64), lit(i32::MAX as f64)).cast(PlType::Int32)
            };
            wrap_integer(saturated, to)
        }
        (f, t) if f.is_integral() && t.is_integral() && !widens(f, t) => wrap_integer(input, to),
        (DataType::Decimal(..), DataType::Double) => super::decimal::to_double(input),
        _ => input.cast(target),
    }
}

/// Java's (long) of a double: saturates at the ends (2^63 itself is out of range).
fn saturate_to_i64(x: pl::Expr) -> pl::Expr {
    when(x.clone().gt_eq(lit(TWO_POW_63)))
        .then(lit(i64::MAX))
        .when(x.clone().lt(lit(-TWO_POW_63)))
        .then(lit(i64::MIN))
        .otherwise(x.cast(PlType::Int64))
}

/// Java's narrowing of an integer: keep the low bits (two's complement).
fn wrap_integer(input: pl::Expr, to: &DataType) -> pl::Expr {
    let bits = match to {
        DataType::Byte => 8,
        DataType::Short => 16,
        DataType::Integer => 32,
        _ => return input.cast(to_polars(to)),
    };
    let modulus = 1i64 << bits;
    let half = 1i64 << (bits - 1);
    // Polars' `%` is a floor modulo, so the result is already in [0, 2^bits).
    let low = input.cast(PlType::Int64) % lit(modulus);
    when(low.clone().gt_eq(lit(half))).then(low.clone() - lit(modulus)).otherwise(low).cast(to_polars(to))
}

/// The digits every value of an integral type fits in.
fn integral_digits(t: &DataType) -> u8 {
    match t {
        DataType::Byte => 3,
        DataType::Short => 5,
        DataType::Integer => 10,
        _ => 19,
    }
}

/// Numeric casts that never fail nor give NULL for a value: Spark's up-casts among
/// numbers, and a decimal to a DOUBLE. They need no ANSI check, and the operands
/// around them no mask.
pub fn cannot_overflow(from: &DataType, to: &DataType) -> bool {
    crate::analysis::typing::numeric_up_cast(from, to) || matches!((from, to), (DataType::Decimal(..), DataType::Double))
}

/// Integral casts that cannot overflow.
fn widens(from: &DataType, to: &DataType) -> bool {
    let rank = |t: &DataType| match t {
        DataType::Byte => Some(1),
        DataType::Short => Some(2),
        DataType::Integer => Some(3),
        DataType::Long => Some(4),
        _ => None,
    };
    matches!((rank(from), rank(to)), (Some(a), Some(b)) if a <= b)
}

/// Fails (ANSI) where a non-null input cast to NULL; legacy and try keep the NULL.
fn checked(
    result: pl::Expr,
    input: pl::Expr,
    from: &DataType,
    to: &DataType,
    mode: CastMode,
    reachable: Option<pl::Expr>,
    class: &'static str,
) -> pl::Expr {
    if mode != CastMode::Ansi {
        return result;
    }
    let bad = input.clone().is_not_null().and(result.clone().is_null());
    let (from_sql, to_sql) = (from.sql(), to.sql());
    // Spark's decimal overflow (`changePrecision`) shows the value, not the cast.
    let to_decimal = if class == "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION" { to.clone() } else { DataType::Null };
    // Spark raises malformed input as the JVM exception of the target type.
    let kind = match (class, to) {
        ("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", _) => ErrorKind::Arithmetic,
        ("CAST_INVALID_INPUT", DataType::Date | DataType::Timestamp | DataType::TimestampNtz) => ErrorKind::DateTime,
        ("CAST_INVALID_INPUT", DataType::Boolean) => ErrorKind::Runtime,
        ("CAST_INVALID_INPUT", _) => ErrorKind::NumberFormat,
        _ => ErrorKind::Arithmetic,
    };
    fail_where(result, bad, reachable, input, kind, class, move |v| {
        if let DataType::Decimal(p, s) = &to_decimal {
            super::errors::decimal_value_overflow_message(&super::checks::plain_number(v), *p, *s)
        } else if class == "CAST_INVALID_INPUT" {
            super::errors::malformed_cast_message(&quoted(v), &from_sql, &to_sql)
        } else {
            cast_overflow_message(&quoted(v), &from_sql, &to_sql)
        }
    })
}

fn string_to_boolean(input: pl::Expr, mode: CastMode, reachable: Option<pl::Expr>) -> pl::Expr {
    let t = input.clone().str().strip_chars(lit(pl::NULL)).str().to_lowercase();
    let truthy = t.clone().is_in(lit(pl::Series::new("t".into(), ["t", "true", "y", "yes", "1"])).implode(false), false);
    let falsy = t.is_in(lit(pl::Series::new("f".into(), ["f", "false", "n", "no", "0"])).implode(false), false);
    let result = when(truthy).then(lit(true)).when(falsy).then(lit(false)).otherwise(lit(pl::NULL).cast(PlType::Boolean));
    checked(result, input, &DataType::String, &DataType::Boolean, mode, reachable, "CAST_INVALID_INPUT")
}

/// Values as Spark prints them when cast to STRING. `plain_decimals`: ANSI and
/// `try_cast` write decimals without exponent, legacy casts as `BigDecimal.toString`.
pub fn to_string(input: pl::Expr, from: &DataType, tz: &str, plain_decimals: bool) -> pl::Expr {
    let style = || super::cast_text::TextStyle { zone: super::timezone::parse(tz).unwrap_or_else(|_| super::timezone::Zone::utc()), plain_decimals };
    match from {
        DataType::Array(..) | DataType::Map(..) | DataType::Struct(_) => super::cast_text::to_text(input, from, style()),
        DataType::Decimal(..) if !plain_decimals => super::cast_text::to_text(input, from, style()),
        DataType::Timestamp => {
            let zone = super::timezone::parse(tz).unwrap_or_else(|_| super::timezone::Zone::utc());
            input.map(
                move |c: Column| -> PolarsResult<Column> {
                    let s = c.as_materialized_series();
                    let out: pl::StringChunked = s
                        .iter()
                        .map(|v| match v {
                            pl::AnyValue::Datetime(us, _, _) => Some(timestamp_text(super::timezone::utc_to_local(us, &zone))),
                            _ => None,
                        })
                        .collect();
                    Ok(out.with_name(s.name().clone()).into_series().into_column())
                },
                |_, field| Ok(pl::Field::new(field.name().clone(), PlType::String)),
            )
        }
        DataType::Double => format_each(input, |v| match v {
            pl::AnyValue::Float64(f) => Some(java_double(f)),
            _ => None,
        }),
        DataType::Float => format_each(input, |v| match v {
            pl::AnyValue::Float32(f) => Some(java_float(f)),
            _ => None,
        }),
        DataType::DayTimeInterval(..) | DataType::YearMonthInterval(..) | DataType::CalendarInterval => {
            let t = from.clone();
            input.map(
                move |c: Column| -> PolarsResult<Column> {
                    let s = c.as_materialized_series();
                    let out: pl::StringChunked = s.iter().map(|v| super::show::interval_text(&v, &t)).collect();
                    Ok(out.with_name(s.name().clone()).into_series().into_column())
                },
                |_, field| Ok(pl::Field::new(field.name().clone(), PlType::String)),
            )
        }
        // Spark's text of every INT day; Polars' cast fails past chrono's years.
        DataType::Date => format_each(input, |v| match v {
            pl::AnyValue::Date(d) => Some(crate::ir::text::date_text(d)),
            _ => None,
        }),
        DataType::TimestampNtz => format_each(input, |v| match v {
            pl::AnyValue::Datetime(us, _, _) => Some(timestamp_text(us)),
            _ => None,
        }),
        _ => input.cast(PlType::String),
    }
}

fn format_each(input: pl::Expr, f: fn(pl::AnyValue) -> Option<String>) -> pl::Expr {
    input.map(
        move |c: Column| -> PolarsResult<Column> {
            let s = c.as_materialized_series();
            let out: pl::StringChunked = s.iter().map(f).collect();
            Ok(out.with_name(s.name().clone()).into_series().into_column())
        },
        |_, field| Ok(pl::Field::new(field.name().clone(), PlType::String)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use polars::prelude::IntoLazy;

    #[test]
    fn map_values_cast_struct_members_by_position() {
        let short = DataType::Struct(vec![StructField::new("w", DataType::Short, true)]);
        let int = DataType::Struct(vec![StructField::new("v", DataType::Integer, true)]);
        let from = DataType::Map(Box::new(DataType::String), Box::new(short), true);
        let to = DataType::Map(Box::new(DataType::String), Box::new(int), true);
        let value = pl::StructChunked::from_series("value".into(), 1, [pl::Series::new("w".into(), [2i16])].iter()).map(|s| s.into_series());
        let entries = value.and_then(|v| pl::StructChunked::from_series("".into(), 1, [pl::Series::new("key".into(), ["k"]), v.with_name("value".into())].iter()));
        let map = entries.and_then(|e| e.into_series().implode()).map(|l| l.into_series().with_name("m".into()));
        let out = map
            .and_then(|m| pl::DataFrame::new(1, vec![m.into_column()]))
            .and_then(|df| df.lazy().select([cast(pl::col("m"), &from, &to, CastMode::Ansi, None, "UTC")]).collect());
        let text = out.and_then(|df| df.column("m").and_then(|c| c.get(0).map(|v| v.to_string())));
        // Polars' cast by name would give the member NULL.
        assert_eq!(text.ok().as_deref(), Some("[{\"k\",{2}}]"));
    }
}
