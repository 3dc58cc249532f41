//! Intervals (part of the date and time family): `make_dt_interval`,
//! `make_ym_interval`, `make_interval`, and datetime arithmetic with them.
//! Day-time intervals are Polars Durations (microseconds), year-month intervals Int32
//! months, calendar intervals a struct of months, days and microseconds.

use super::CallLowering;
use crate::compat::calendar::{MICROS_PER_DAY, MICROS_PER_SECOND};
use crate::compat::datetime_fns::{as_i64, rows, RowError};
use crate::compat::interval::{add_to_date, add_to_timestamp, Shift};
use crate::compat::timezone::{self, Zone};
use crate::error::{ErrorKind, Result};
use crate::ir::function::DatetimeFn;
use crate::ir::DataType;
use crate::lowering::types::to_polars;
use polars::prelude::{self as pl, lit, AnyValue, DataType as PlType};

const DURATION: PlType = PlType::Duration(pl::TimeUnit::Microseconds);
const MICROS_PER_HOUR: i64 = 3600 * MICROS_PER_SECOND;
const MICROS_PER_MINUTE: i64 = 60 * MICROS_PER_SECOND;

pub fn lower(f: DatetimeFn, c: &CallLowering) -> Result<pl::Expr> {
    use DatetimeFn::*;
    Ok(match f {
        MakeDtInterval => rows::<pl::Int64Type>(c.args.clone(), c.reachable.clone(), true, DURATION, |v| {
            let n = |i: usize| v.get(i).and_then(as_i64).unwrap_or(0);
            let secs = v.get(3).map(seconds_micros).unwrap_or(0);
            n(0).checked_mul(MICROS_PER_DAY)
                .and_then(|d| d.checked_add(n(1).checked_mul(MICROS_PER_HOUR)?))
                .and_then(|d| d.checked_add(n(2).checked_mul(MICROS_PER_MINUTE)?))
                .and_then(|d| d.checked_add(secs))
                .map(Some)
                .ok_or_else(interval_overflow)
        }),
        MakeYmInterval => rows::<pl::Int32Type>(c.args.clone(), c.reachable.clone(), true, PlType::Int32, |v| {
            let n = |i: usize| v.get(i).and_then(as_i64).unwrap_or(0) as i32;
            n(0).checked_mul(12).and_then(|m| m.checked_add(n(1))).map(Some).ok_or_else(interval_overflow)
        }),
        MakeInterval | TryMakeInterval => make_interval(c, f == TryMakeInterval),
        AddInterval | SubtractInterval => shift(c, if f == AddInterval { 1 } else { -1 })?,
        SubtractTimestamps => {
            // The wall-clock difference in the session zone (java.time's MICROS.between of
            // the local date-times).
            let (a, b) = match c.arg_type(0) {
                DataType::TimestampNtz => (c.arg(0), c.arg(1)),
                _ => (
                    timezone::utc_to_wall_clock(c.arg(0), &c.conf.session_time_zone),
                    timezone::utc_to_wall_clock(c.arg(1), &c.conf.session_time_zone),
                ),
            };
            (a.cast(PlType::Int64) - b.cast(PlType::Int64)).cast(DURATION)
        }
        SubtractDates => ((c.arg(0).cast(PlType::Int64) - c.arg(1).cast(PlType::Int64)) * lit(MICROS_PER_DAY)).cast(DURATION),
        MultiplyInterval | DivideInterval => scale(c, f == DivideInterval, true)?,
        _ => return Err(c.unsupported("this interval function")),
    })
}

/// `INTERVAL_ARITHMETIC_OVERFLOW`: an interval outside its range.
fn interval_overflow() -> RowError {
    RowError::spark(
        ErrorKind::Arithmetic,
        "INTERVAL_ARITHMETIC_OVERFLOW.WITHOUT_SUGGESTION",
        "Integer overflow while operating with intervals. Try devising appropriate values for the interval parameters. SQLSTATE: 22015",
    )
}

/// Seconds given as DECIMAL(18, 6), in microseconds.
fn seconds_micros(v: &AnyValue) -> i64 {
    match v {
        AnyValue::Decimal(u, _, s) => {
            let s = *s as u32;
            (if s <= 6 { *u * 10i128.pow(6 - s) } else { *u / 10i128.pow(s - 6) }) as i64
        }
        other => as_i64(other).unwrap_or(0) * MICROS_PER_SECOND,
    }
}

/// `make_interval(years, months, weeks, days, hours, mins, secs)`: months, days and
/// microseconds; overflow fails under ANSI (NULL otherwise, and always for `try_`).
fn make_interval(c: &CallLowering, try_: bool) -> pl::Expr {
    let fail = c.conf.ansi && !try_;
    let part = |which: usize| {
        rows::<pl::Int64Type>(c.args.clone(), c.reachable.clone(), fail, PlType::Int64, move |v| {
            let n = |i: usize| v.get(i).and_then(as_i64).unwrap_or(0);
            let overflow = || {
                RowError::spark(ErrorKind::Arithmetic, "ARITHMETIC_OVERFLOW", "integer overflow. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error. SQLSTATE: 22003")
            };
            let as_int = |x: i64| i32::try_from(x).ok().map(i64::from);
            let months = as_int(n(0)).and_then(|y| (y * 12).checked_add(n(1))).and_then(as_int);
            let days = as_int(n(2)).and_then(|w| (w * 7).checked_add(n(3))).and_then(as_int);
            let micros = n(4)
                .checked_mul(MICROS_PER_HOUR)
                .and_then(|h| h.checked_add(n(5).checked_mul(MICROS_PER_MINUTE)?))
                .and_then(|m| m.checked_add(v.get(6).map(seconds_micros).unwrap_or(0)));
            match (months, days, micros) {
                (Some(m), Some(d), Some(us)) => Ok(Some([m, d, us][which])),
                _ => Err(overflow()),
            }
        })
    };
    let any_null = c.args.iter().fold(lit(false), |acc, a| acc.or(a.clone().is_null()));
    let value = pl::as_struct(vec![
        part(0).cast(PlType::Int32).alias("months"),
        part(1).cast(PlType::Int32).alias("days"),
        part(2).alias("microseconds"),
    ]);
    let null = lit(pl::NULL).cast(to_polars(&DataType::CalendarInterval));
    // A NULL argument (or a NULL part) makes the whole interval NULL.
    pl::when(any_null.or(value.clone().struct_().field_by_name("microseconds").is_null())).then(null).otherwise(value)
}

/// An interval value of a row, as months, days and microseconds.
fn interval_parts(v: &AnyValue, t: &DataType) -> Shift {
    match (t, v) {
        (DataType::YearMonthInterval(..), x) => Shift { months: as_i64(x).unwrap_or(0), days: 0, micros: 0 },
        (DataType::DayTimeInterval(..), x) => Shift { months: 0, days: 0, micros: as_i64(x).unwrap_or(0) },
        (DataType::CalendarInterval, AnyValue::Struct(..) | AnyValue::StructOwned(..)) => {
            let parts = crate::compat::show::struct_values(v);
            let n = |i: usize| parts.get(i).and_then(as_i64).unwrap_or(0);
            Shift { months: n(0), days: n(1), micros: n(2) }
        }
        _ => Shift { months: 0, days: 0, micros: 0 },
    }
}

/// `datetime ± interval` (Spark's TimeAdd, DateAddYMInterval, TimestampAddYMInterval,
/// DateAddInterval and their subtractions).
fn shift(c: &CallLowering, sign: i64) -> Result<pl::Expr> {
    let (dt, it) = (c.arg_type(0), c.arg_type(1));
    let zone = match dt {
        DataType::TimestampNtz => Zone::utc(),
        _ => timezone::parse(&c.conf.session_time_zone)?,
    };
    let out = to_polars(&c.call.data_type);
    let to_timestamp = c.call.data_type == DataType::Timestamp && dt == DataType::Date;
    let ansi = c.conf.ansi;
    let day_interval = matches!(it, DataType::DayTimeInterval(0, 0));
    Ok(rows::<pl::Int64Type>(c.args.clone(), c.reachable.clone(), true, out, move |v| {
        let shift = interval_parts(&v[1], &it).times(sign).ok_or_else(long_overflow)?;
        let value = as_i64(&v[0]).unwrap_or(0);
        let result = match dt {
            DataType::Date if to_timestamp => {
                // A date with hours, minutes or seconds is a timestamp at its local midnight.
                let start = zone.local_to_utc(value * MICROS_PER_DAY);
                add_to_timestamp(start, shift, &zone)
            }
            DataType::Date if day_interval => value.checked_add(shift.micros / MICROS_PER_DAY),
            DataType::Date => {
                if ansi && shift.micros != 0 {
                    return Err(RowError::spark(
                        ErrorKind::IllegalArgument,
                        "INVALID_INTERVAL_WITH_MICROSECONDS_ADDITION",
                        "Cannot add hours, minutes or seconds, milliseconds, microseconds to a date. If necessary set spark.sql.ansi.enabled to false to bypass this error.",
                    ));
                }
                add_to_date(value, shift)
            }
            _ => add_to_timestamp(value, shift, &zone),
        };
        result.map(Some).ok_or_else(long_overflow)
    }))
}

fn long_overflow() -> RowError {
    RowError::spark(ErrorKind::Arithmetic, "", "long overflow")
}

/// `interval * number` and `interval / number`: HALF_UP to whole microseconds (or
/// months); division by zero and overflow fail (are NULL for `try_`: `fail` false).
pub(super) fn scale(c: &CallLowering, divide: bool, fail: bool) -> Result<pl::Expr> {
    let (it, nt) = (c.arg_type(0), c.arg_type(1));
    let out = to_polars(&c.call.data_type);
    let months = matches!(it, DataType::YearMonthInterval(..));
    Ok(rows::<pl::Int64Type>(c.args.clone(), c.reachable.clone(), fail, out, move |v| {
        let x = as_i64(&v[0]).unwrap_or(0) as i128;
        let overflow = || if months { interval_overflow() } else { long_overflow() };
        let result: Option<i128> = match (&nt, &v[1]) {
            (_, AnyValue::Float32(_) | AnyValue::Float64(_)) => {
                let f = match v[1] {
                    AnyValue::Float32(f) => f as f64,
                    AnyValue::Float64(f) => f,
                    _ => 0.0,
                };
                if divide && f == 0.0 {
                    return Err(divided_by_zero());
                }
                let r = if divide { x as f64 / f } else { x as f64 * f };
                if !r.is_finite() {
                    return Err(overflow());
                }
                Some(half_up_f64(r))
            }
            (_, AnyValue::Decimal(u, _, s)) => {
                let scale = 10i128.pow(*s as u32);
                if divide {
                    if *u == 0 {
                        return Err(divided_by_zero());
                    }
                    Some(div_half_up(x * scale, *u))
                } else {
                    Some(div_half_up(x * *u, scale))
                }
            }
            (_, n) => {
                let n = as_i64(n).unwrap_or(0) as i128;
                if divide {
                    if n == 0 {
                        return Err(divided_by_zero());
                    }
                    Some(div_half_up(x, n))
                } else {
                    Some(x * n)
                }
            }
        };
        let limit = if months { i32::MAX as i128 } else { i64::MAX as i128 };
        match result {
            Some(r) if r.abs() <= limit => Ok(Some(r as i64)),
            _ => Err(overflow()),
        }
    }))
}

fn half_up_f64(r: f64) -> i128 {
    // Guava's roundToLong(HALF_UP): ties away from zero.
    r.round() as i128
}

fn div_half_up(a: i128, b: i128) -> i128 {
    let q = a / b;
    let rem = a % b;
    if rem.abs() * 2 >= b.abs() {
        q + if (a < 0) != (b < 0) { -1 } else { 1 }
    } else {
        q
    }
}

fn divided_by_zero() -> RowError {
    RowError::spark(
        ErrorKind::Arithmetic,
        "INTERVAL_DIVIDED_BY_ZERO",
        "Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead. SQLSTATE: 22012",
    )
}

/// A field of an interval (`extract(HOUR FROM interval)`): whole days, years, months,
/// hours and minutes truncate toward zero; seconds keep their fraction (DECIMAL(8, 6)).
pub fn field(name: &str, e: pl::Expr, t: &DataType) -> pl::Expr {
    let (months, days, micros) = match t {
        DataType::YearMonthInterval(..) => (Some(e.cast(PlType::Int64)), None, None),
        DataType::DayTimeInterval(..) => (None, None, Some(e.cast(PlType::Int64))),
        _ => (
            Some(e.clone().struct_().field_by_name("months").cast(PlType::Int64)),
            Some(e.clone().struct_().field_by_name("days").cast(PlType::Int64)),
            Some(e.struct_().field_by_name("microseconds")),
        ),
    };
    // Java's truncating `/` and `%` (Polars' are flooring).
    let trunc_div = |x: pl::Expr, d: i64| {
        let q = x.clone().floor_div(lit(d));
        pl::when(x.clone().lt(lit(0i64)).and((q.clone() * lit(d)).neq(x))).then(q.clone() + lit(1i64)).otherwise(q)
    };
    let rem = |x: pl::Expr, d: i64| x.clone() - trunc_div(x, d) * lit(d);
    let micros_of_day = |m: pl::Expr| if matches!(t, DataType::DayTimeInterval(..)) { rem(m, MICROS_PER_DAY) } else { m };
    match name {
        "YEAR" => trunc_div(months.unwrap_or(lit(0i64)), 12).cast(PlType::Int32),
        "MONTH" => rem(months.unwrap_or(lit(0i64)), 12).cast(PlType::Int8),
        "DAY" => match days {
            Some(d) => d.cast(PlType::Int32),
            None => trunc_div(micros.unwrap_or(lit(0i64)), MICROS_PER_DAY).cast(PlType::Int32),
        },
        "HOUR" => trunc_div(micros_of_day(micros.unwrap_or(lit(0i64))), MICROS_PER_HOUR).cast(PlType::Int8),
        "MINUTE" => trunc_div(rem(micros.unwrap_or(lit(0i64)), MICROS_PER_HOUR), MICROS_PER_MINUTE).cast(PlType::Int8),
        _ => crate::compat::datetime_fns::unscaled_decimal(rem(micros.unwrap_or(lit(0i64)), MICROS_PER_MINUTE), 8, 6),
    }
}
