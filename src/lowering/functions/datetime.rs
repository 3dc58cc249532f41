//! Date and time functions. Date arguments arrive as DATE (analysis casts strings and
//! timestamps): Polars' Date is days since the epoch, as Spark's is. TIMESTAMPs are
//! UTC microseconds; the session zone applies where Spark applies it. Java datetime
//! patterns run on `compat::datetime_kernels`.

use super::CallLowering;
use crate::compat::calendar::{self, MICROS_PER_SECOND};
use crate::compat::cast::{cast, CastMode};
use crate::compat::datetime_kernels::{format_timestamps, parse_strings, OnFailure, ParseTarget, PatternArg};
use crate::compat::datetime_fns::{
    as_i64, as_str, day_of_week_from_string, invalid_timezone, is_datetime_unit, make_date, make_local_timestamp,
    months_between, rows, timestamp_add, timestamp_diff, unscaled_decimal, RowError,
};
use crate::compat::datetime_pattern::compile;
use crate::compat::kernels;
use crate::compat::timezone::{self, Zone};
use crate::error::Result;
use crate::ir::function::DatetimeFn;
use crate::ir::DataType;
use polars::prelude::{self as pl, lit, when, DataType as PlType};
use std::cell::Cell;
use std::sync::Arc;

thread_local! {
    /// When the query being lowered started (UTC microseconds): `current_timestamp()`
    /// and its kin give this one value everywhere in a query, as Spark's do.
    static QUERY_START: Cell<Option<i64>> = const { Cell::new(None) };
}

fn now_micros() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_micros() as i64)
        .unwrap_or(0)
}

/// Marks the start of a query's lowering: fixes its `current_timestamp()`.
pub fn start_query() {
    QUERY_START.with(|q| q.set(Some(now_micros())));
}

/// A field of DATE values computed from their days since the epoch (proleptic
/// Gregorian, as `LocalDate.ofEpochDay`), so dates beyond chrono's calendar (±262,142
/// years: a legacy `date_add` that wraps its INT of days) have one too; Polars' own
/// `dt` fields are NULL there.
fn date_field(f: DatetimeFn, x: pl::Expr) -> pl::Expr {
    kernels::unary::<pl::Int32Type, pl::Int32Type>(x.cast(PlType::Int32), move |days| {
        let (year, month, day) = crate::ir::text::civil_from_days(days as i64);
        Some(match f {
            DatetimeFn::Year => year as i32,
            DatetimeFn::Quarter => (month as i32 - 1) / 3 + 1,
            DatetimeFn::Month => month as i32,
            DatetimeFn::DayOfMonth => day as i32,
            // 1970-01-01 was a Thursday; Spark counts from Sunday = 1.
            _ => (days as i64 + 4).rem_euclid(7) as i32 + 1,
        })
    })
}

fn query_start() -> i64 {
    QUERY_START.with(|q| q.get()).unwrap_or_else(now_micros)
}

const MICROS: PlType = PlType::Datetime(pl::TimeUnit::Microseconds, None);

pub fn lower(f: DatetimeFn, c: &CallLowering) -> Result<pl::Expr> {
    use DatetimeFn::*;
    Ok(match f {
        Year | Quarter | Month | DayOfMonth | DayOfWeek if c.arg_type(0) == DataType::Date => date_field(f, c.arg(0)),
        Year => c.arg(0).dt().year(),
        Quarter => c.arg(0).dt().quarter().cast(PlType::Int32),
        Month => c.arg(0).dt().month().cast(PlType::Int32),
        DayOfMonth => c.arg(0).dt().day().cast(PlType::Int32),
        // Spark counts from Sunday = 1, Polars from Monday = 1.
        DayOfWeek => (c.arg(0).dt().weekday().cast(PlType::Int32) % lit(7i32)) + lit(1i32),
        DayOfYear => c.arg(0).dt().ordinal_day().cast(PlType::Int32),
        DateAdd | DateSub => {
            let days = c.arg(1).cast(PlType::Int32);
            let days = if f == DateAdd { days } else { lit(0i32) - days };
            (c.arg(0).cast(PlType::Int32) + days).cast(PlType::Date)
        }
        DateDiff => c.arg(0).cast(PlType::Int32) - c.arg(1).cast(PlType::Int32),
        DateFormat => format_timestamps(c.arg(0), pattern(c, 1, false)?, zone(c)?),
        FromUnixTime => {
            // Seconds to microseconds the JVM way (a long product that wraps).
            let micros = c.arg(0).cast(PlType::Int64) * lit(MICROS_PER_SECOND);
            format_timestamps(micros, pattern(c, 1, false)?, zone(c)?)
        }
        UnixTimestamp | ToUnixTimestamp => match c.arg_type(0) {
            DataType::String => parse_strings(c.arg(0), pattern(c, 1, true)?, zone(c)?, ParseTarget::UnixSeconds, on_failure(c)),
            DataType::Null => lit(pl::NULL).cast(PlType::Int64),
            t => {
                // Spark divides the microseconds as a Java long (toward zero): an instant
                // less than a second before 1970 is second 0, not -1.
                let micros = to_timestamp(c, &t)?.cast(PlType::Int64);
                let floor = micros.clone().floor_div(lit(MICROS_PER_SECOND));
                let inexact = (floor.clone() * lit(MICROS_PER_SECOND)).neq(micros.clone());
                when(micros.lt(lit(0)).and(inexact)).then(floor.clone() + lit(1)).otherwise(floor)
            }
        },
        ToTimestamp | ToTimestampLtz | TryToTimestamp => {
            let mode = if f == TryToTimestamp { CastMode::Try } else { cast_mode(c) };
            match (c.args.len(), c.arg_type(0)) {
                (2, DataType::String) => {
                    let failure = if f == TryToTimestamp { OnFailure::Null } else { on_failure(c) };
                    parse_strings(c.arg(0), pattern(c, 1, true)?, zone(c)?, ParseTarget::Timestamp, failure)
                }
                (2, t) if t.is_numeric() => return Err(c.unsupported("a number and a format")),
                (_, t) => cast(c.arg(0), &t, &DataType::Timestamp, mode, c.reachable.clone(), &c.conf.session_time_zone),
            }
        }
        ToTimestampNtz => match (c.args.len(), c.arg_type(0)) {
            (2, DataType::String) => parse_strings(c.arg(0), pattern(c, 1, true)?, zone(c)?, ParseTarget::TimestampNtz, on_failure(c)),
            (_, t) => cast(c.arg(0), &t, &DataType::TimestampNtz, cast_mode(c), c.reachable.clone(), &c.conf.session_time_zone),
        },
        ToDate => match (c.args.len(), c.arg_type(0)) {
            (2, DataType::String) => parse_strings(c.arg(0), pattern(c, 1, true)?, zone(c)?, ParseTarget::Date, on_failure(c)),
            (_, t) => cast(c.arg(0), &t, &DataType::Date, cast_mode(c), c.reachable.clone(), &c.conf.session_time_zone),
        },
        CurrentTimestamp | Now => lit(query_start()).cast(MICROS),
        LocalTimestamp => lit(zone(c)?.utc_to_local(query_start())).cast(MICROS),
        CurrentDate => {
            let local = zone(c)?.utc_to_local(query_start());
            lit(local.div_euclid(crate::compat::calendar::MICROS_PER_DAY) as i32).cast(PlType::Date)
        }
        CurrentTimezone => lit(c.conf.session_time_zone.clone()),
        Hour | Minute | Second | WeekOfYear | Weekday | DayName | MonthName | LastDay => field(f, c.arg(0), &c.arg_type(0), c)?,
        NextDay => next_day(c)?,
        AddMonths => crate::compat::datetime_fns::add_months_column(c.arg(0), c.arg(1)),
        MonthsBetween => {
            let zone = zone(c)?;
            rows::<pl::Float64Type>(c.args.clone(), None, false, PlType::Float64, move |v| {
                let round_off = matches!(v[2], pl::AnyValue::Boolean(true));
                Ok(Some(months_between(as_i64(&v[0]).unwrap_or(0), as_i64(&v[1]).unwrap_or(0), round_off, &zone)))
            })
        }
        Trunc => {
            let unit = c.str_literal(1).ok_or_else(|| c.unsupported("a unit that is not a literal"))?;
            match date_truncation(unit) {
                Some(every) => on_epoch_days(c.arg(0), move |d| truncated_date(d, every)),
                None => lit(pl::NULL).cast(PlType::Date),
            }
        }
        DateTrunc => date_trunc(c)?,
        TimestampAdd => timestamp_add_lowering(c)?,
        TimestampDiff => {
            let unit = unit_literal(c, "TIMESTAMPDIFF")?;
            let zone = if c.arg_type(1) == DataType::TimestampNtz { Zone::utc() } else { zone(c)? };
            rows::<pl::Int64Type>(vec![c.arg(1), c.arg(2)], None, false, PlType::Int64, move |v| {
                Ok(timestamp_diff(&unit, as_i64(&v[0]).unwrap_or(0), as_i64(&v[1]).unwrap_or(0), &zone))
            })
        }
        DatePart => {
            let name = c.str_literal(0).and_then(crate::analysis::functions::extract_field).ok_or_else(|| c.unsupported("this field"))?;
            date_part(name, c)?
        }
        MakeDate => rows::<pl::Int64Type>(c.args.clone(), c.reachable.clone(), c.conf.ansi, PlType::Date, |v| {
            make_date(as_i64(&v[0]).unwrap_or(0), as_i64(&v[1]).unwrap_or(0), as_i64(&v[2]).unwrap_or(0)).map(Some)
        }),
        MakeTimestamp | MakeTimestampLtz | MakeTimestampNtz | TryMakeTimestamp | TryMakeTimestampLtz | TryMakeTimestampNtz => make_timestamp(f, c)?,
        FromUtcTimestamp | ToUtcTimestamp => {
            let from_utc = f == FromUtcTimestamp;
            rows::<pl::Int64Type>(c.args.clone(), c.reachable.clone(), true, MICROS, move |v| {
                let name = as_str(&v[1]).unwrap_or("");
                let zone = Zone::of(name).ok_or_else(|| invalid_timezone(name))?;
                let us = as_i64(&v[0]).unwrap_or(0);
                Ok(Some(if from_utc { zone.utc_to_local(us) } else { zone.local_to_utc(us) }))
            })
        }
        ConvertTimezone => rows::<pl::Int64Type>(c.args.clone(), c.reachable.clone(), true, MICROS, |v| {
            let (from, to) = (as_str(&v[0]).unwrap_or(""), as_str(&v[1]).unwrap_or(""));
            let from = Zone::of(from).ok_or_else(|| invalid_timezone(from))?;
            let to = Zone::of(to).ok_or_else(|| invalid_timezone(to))?;
            Ok(Some(to.utc_to_local(from.local_to_utc(as_i64(&v[2]).unwrap_or(0)))))
        }),
        TimestampSeconds => timestamp_seconds(c)?,
        TimestampMillis | TimestampMicros => {
            let factor = if f == TimestampMillis { 1000 } else { 1 };
            rows::<pl::Int64Type>(vec![c.arg(0)], c.reachable.clone(), true, MICROS, move |v| {
                as_i64(&v[0]).unwrap_or(0).checked_mul(factor).map(Some).ok_or_else(long_overflow)
            })
        }
        UnixSeconds => c.arg(0).cast(PlType::Int64).floor_div(lit(MICROS_PER_SECOND)),
        UnixMillis => c.arg(0).cast(PlType::Int64).floor_div(lit(1000i64)),
        UnixMicros => c.arg(0).cast(PlType::Int64),
        UnixDate => c.arg(0).cast(PlType::Int32),
        DateFromUnixDate => c.arg(0).cast(PlType::Int32).cast(PlType::Date),
        MakeDtInterval | MakeYmInterval | MakeInterval | TryMakeInterval | AddInterval | SubtractInterval | SubtractTimestamps
        | SubtractDates | MultiplyInterval | DivideInterval => super::interval::lower(f, c)?,
        Window => {
            // UTC-aligned windows: the latest starts at t - (t - start) floor-mod slide.
            let (window, slide, offset) = (c.int_literal(1).unwrap_or(1), c.int_literal(2).unwrap_or(1), c.int_literal(3).unwrap_or(0));
            let index = c.int_literal(4).unwrap_or(0);
            let t = c.arg(0).cast(PlType::Int64);
            // The `index`-th overlapping window back from the latest.
            let start = t.clone() - (t - lit(offset)) % lit(slide) - lit(index * slide);
            let end = start.clone() + lit(window);
            pl::as_struct(vec![start.cast(MICROS).alias("start"), end.cast(MICROS).alias("end")])
        }
        WindowTime => (c.arg(0).struct_().field_by_name("end").cast(PlType::Int64) - lit(1i64)).cast(MICROS),
        SessionWindow => {
            let t = c.arg(0).cast(PlType::Int64);
            let end = t.clone() + crate::compat::sessions::gap_micros(c.arg(1), &c.arg_type(1));
            pl::as_struct(vec![t.cast(MICROS).alias("start"), end.cast(MICROS).alias("end")])
        }
        SessionWindowMerge => crate::compat::sessions::merge(c.args.clone(), &c.arg_type(1)),
    })
}

/// Java's `Math.multiplyExact` failure: an ArithmeticException without an error class.
fn long_overflow() -> RowError {
    RowError::spark(crate::error::ErrorKind::Arithmetic, "", "long overflow")
}

/// A TIMESTAMP (UTC) or TIMESTAMP_NTZ argument as wall-clock time in the session zone.
fn wall_clock(e: pl::Expr, t: &DataType, c: &CallLowering) -> pl::Expr {
    match t {
        DataType::Timestamp => timezone::utc_to_wall_clock(e, &c.conf.session_time_zone),
        _ => e,
    }
}

/// Parts of a date (DATE argument) or time (TIMESTAMP or TIMESTAMP_NTZ argument).
fn field(f: DatetimeFn, e: pl::Expr, t: &DataType, c: &CallLowering) -> Result<pl::Expr> {
    use DatetimeFn::*;
    Ok(match f {
        Hour => wall_clock(e, t, c).dt().hour().cast(PlType::Int32),
        Minute => wall_clock(e, t, c).dt().minute().cast(PlType::Int32),
        Second => wall_clock(e, t, c).dt().second().cast(PlType::Int32),
        WeekOfYear => e.dt().week().cast(PlType::Int32),
        Weekday => e.dt().weekday().cast(PlType::Int32) - lit(1i32),
        DayName => e.dt().strftime("%a"),
        MonthName => e.dt().strftime("%b"),
        LastDay => on_epoch_days(e, |d| {
            let (y, m, _) = calendar::civil_from_days(d);
            Some(calendar::days_from_civil(y, m, calendar::month_length(y, m)))
        }),
        _ => return Err(c.unsupported("this field")),
    })
}

/// `date_part(field, source)`: the function the field names.
fn date_part(field_name: &str, c: &CallLowering) -> Result<pl::Expr> {
    use DatetimeFn::*;
    let (e, t) = (c.arg(1), c.arg_type(1));
    if t.is_ansi_interval() || t == DataType::CalendarInterval {
        return Ok(super::interval::field(field_name, e, &t));
    }
    Ok(match field_name {
        "YEAR" => e.dt().year(),
        "YEAROFWEEK" => e.dt().iso_year(),
        "QUARTER" => e.dt().quarter().cast(PlType::Int32),
        "MONTH" => e.dt().month().cast(PlType::Int32),
        "WEEK" => field(WeekOfYear, e, &t, c)?,
        "DAY" => e.dt().day().cast(PlType::Int32),
        "DAYOFWEEK" => (e.dt().weekday().cast(PlType::Int32) % lit(7i32)) + lit(1i32),
        "DAYOFWEEK_ISO" => e.dt().weekday().cast(PlType::Int32),
        "DOY" => e.dt().ordinal_day().cast(PlType::Int32),
        "HOUR" => field(Hour, e, &t, c)?,
        "MINUTE" => field(Minute, e, &t, c)?,
        // Seconds with their fraction: DECIMAL(8, 6).
        _ => {
            let micros = wall_clock(e, &t, c).cast(PlType::Int64);
            let of_minute = micros.clone() - micros.floor_div(lit(60 * MICROS_PER_SECOND)) * lit(60 * MICROS_PER_SECOND);
            unscaled_decimal(of_minute, 8, 6)
        }
    })
}

/// `next_day(date, 'Mon')`: an unknown day name fails under ANSI, NULL without.
fn next_day(c: &CallLowering) -> Result<pl::Expr> {
    let Some(name) = c.str_literal(1) else {
        let fail = c.conf.ansi;
        return Ok(rows::<pl::Int64Type>(c.args.clone(), c.reachable.clone(), fail, PlType::Date, |v| {
            let name = as_str(&v[1]).unwrap_or("");
            let dow = day_of_week_from_string(name).ok_or_else(|| illegal_day_of_week(name))?;
            Ok(Some(crate::compat::datetime_fns::next_day(as_i64(&v[0]).unwrap_or(0), dow)))
        }));
    };
    let days = c.arg(0).cast(PlType::Int32);
    match day_of_week_from_string(name) {
        Some(dow) => {
            let weekday = c.arg(0).dt().weekday().cast(PlType::Int32);
            // Polars' `%` is a floor modulo: the days to the next such weekday, 1 to 7.
            let shift = ((lit(dow as i32) - weekday - lit(1i32)) % lit(7i32)) + lit(1i32);
            Ok((days + shift).cast(PlType::Date))
        }
        None => {
            let name = name.to_string();
            let null = lit(pl::NULL).cast(PlType::Date);
            if !c.conf.ansi {
                return Ok(null);
            }
            Ok(crate::compat::checks::fail_where(
                null,
                c.arg(0).is_not_null(),
                c.reachable.clone(),
                lit(0),
                crate::error::ErrorKind::IllegalArgument,
                "ILLEGAL_DAY_OF_WEEK",
                move |_| illegal_day_of_week_message(&name),
            ))
        }
    }
}

fn illegal_day_of_week_message(name: &str) -> String {
    format!("Illegal input for day of week: {name}. SQLSTATE: 22009")
}

fn illegal_day_of_week(name: &str) -> RowError {
    RowError::spark(crate::error::ErrorKind::IllegalArgument, "ILLEGAL_DAY_OF_WEEK", illegal_day_of_week_message(name))
}

/// `trunc`'s units (dates only): Polars' truncation windows, None for the rest.
/// A date function over days since 1970-01-01. Polars' own (`month_end`, `truncate`)
/// fail beyond chrono's ±262,143 years; Spark's dates reach ±5,881,580 (and a result
/// past the INT range wraps, as Spark's `toEpochDay().toInt`).
fn on_epoch_days(date: pl::Expr, f: impl Fn(i64) -> Option<i64> + Send + Sync + 'static) -> pl::Expr {
    kernels::unary::<pl::Int32Type, pl::Int32Type>(date.cast(PlType::Int32), move |d| f(d as i64).map(|v| v as i32))
        .cast(PlType::Date)
}

/// `trunc(date, unit)` with the unit as `date_truncation` names it.
fn truncated_date(days: i64, every: &str) -> Option<i64> {
    let (y, m, _) = calendar::civil_from_days(days);
    Some(match every {
        "1y" => calendar::days_from_civil(y, 1, 1),
        "1q" => calendar::days_from_civil(y, (m - 1) / 3 * 3 + 1, 1),
        "1mo" => calendar::days_from_civil(y, m, 1),
        "1w" => days - (calendar::iso_weekday(days) as i64 - 1),
        _ => return None,
    })
}

fn date_truncation(unit: &str) -> Option<&'static str> {
    Some(match unit.to_uppercase().as_str() {
        "YEAR" | "YYYY" | "YY" => "1y",
        "QUARTER" => "1q",
        "MONTH" | "MM" | "MON" => "1mo",
        "WEEK" => "1w",
        _ => return None,
    })
}

/// `trunc(date, unit)` / `date_trunc(unit, ts)` with a literal unit Spark does not know
/// (or NULL): NULL for every row, decided before the date is computed (`TruncDate` and
/// `TruncTimestamp` check the unit first), so the date never runs nor fails.
pub fn unknown_truncation_unit(c: &crate::ir::Call) -> bool {
    use crate::ir::{Expr, Value};
    let (unit, times) = match c.func {
        crate::ir::Func::Datetime(DatetimeFn::Trunc) => (c.args.get(1), false),
        crate::ir::Func::Datetime(DatetimeFn::DateTrunc) => (c.args.first(), true),
        _ => return false,
    };
    match unit.map(Expr::unalias) {
        Some(Expr::Literal(Value::Null)) => true,
        Some(Expr::Literal(Value::String(u))) => {
            let u = u.to_uppercase();
            let time_unit = matches!(u.as_str(), "MICROSECOND" | "MILLISECOND" | "SECOND" | "MINUTE" | "HOUR" | "DAY" | "DD");
            date_truncation(&u).is_none() && !(times && time_unit)
        }
        _ => false,
    }
}

/// `date_trunc(unit, ts)`: on the wall clock of the session zone (the instant is
/// found again with java.time's preference for the earlier offset).
fn date_trunc(c: &CallLowering) -> Result<pl::Expr> {
    let unit = c.str_literal(0).ok_or_else(|| c.unsupported("a unit that is not a literal"))?.to_uppercase();
    let every = match unit.as_str() {
        "MICROSECOND" => return Ok(c.arg(1)),
        "MILLISECOND" => "1ms",
        "SECOND" => "1s",
        "MINUTE" => "1m",
        "HOUR" => "1h",
        "DAY" | "DD" => "1d",
        other => match date_truncation(other) {
            Some(e) => e,
            None => return Ok(lit(pl::NULL).cast(MICROS)),
        },
    };
    let zone = zone(c)?;
    if zone.is_utc() || matches!(every, "1ms" | "1s") {
        return Ok(c.arg(1).dt().truncate(lit(every)));
    }
    let unit_seconds = match every {
        "1m" => Some(60),
        "1h" => Some(3600),
        "1d" => Some(86_400),
        _ => None,
    };
    if let Some(seconds) = unit_seconds {
        // ZonedDateTime.truncatedTo: a time in a DST overlap keeps its own offset.
        return Ok(timezone::truncate_in_zone(c.arg(1), zone, seconds * 1_000_000));
    }
    let wall = timezone::utc_to_wall_clock(c.arg(1), &c.conf.session_time_zone).dt().truncate(lit(every));
    Ok(timezone::wall_clock_to_utc(wall, &c.conf.session_time_zone))
}

/// The unit of `timestampadd`/`timestampdiff`, checked.
fn unit_literal(c: &CallLowering, function: &str) -> Result<String> {
    let unit = c.str_literal(0).ok_or_else(|| c.unsupported("a unit that is not a literal"))?;
    if !is_datetime_unit(unit) {
        return Err(crate::error::Error::new(
            crate::error::ErrorKind::IllegalArgument,
            "INVALID_PARAMETER_VALUE.DATETIME_UNIT",
            format!("The value of parameter(s) `unit` in `{function}` is invalid: expects one of the units without quotes YEAR, QUARTER, MONTH, WEEK, DAY, DAYOFYEAR, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND, but got the string literal '{unit}'. SQLSTATE: 22023"),
        ));
    }
    Ok(unit.to_string())
}

fn timestamp_add_lowering(c: &CallLowering) -> Result<pl::Expr> {
    let unit = unit_literal(c, "TIMESTAMPADD")?;
    let t = c.arg_type(2);
    let zone = if t == DataType::TimestampNtz { Zone::utc() } else { zone(c)? };
    let type_name = t.sql();
    Ok(rows::<pl::Int64Type>(vec![c.arg(1), c.arg(2)], c.reachable.clone(), true, MICROS, move |v| {
        let (q, us) = (as_i64(&v[0]).unwrap_or(0), as_i64(&v[1]).unwrap_or(0));
        match timestamp_add(&unit, q, us, &zone) {
            Ok(Some(r)) => Ok(Some(r)),
            _ => Err(RowError::spark(
                crate::error::ErrorKind::Arithmetic,
                "DATETIME_OVERFLOW",
                format!("Datetime operation overflow: add {q}L {unit} to {type_name} '{}'. SQLSTATE: 22008", crate::ir::text::timestamp_text(zone.utc_to_local(us))),
            )),
        }
    }))
}

/// `make_timestamp(y, m, d, h, mi, s[, zone])` and its `_ltz`, `_ntz` and `try_` forms.
fn make_timestamp(f: DatetimeFn, c: &CallLowering) -> Result<pl::Expr> {
    use DatetimeFn::*;
    let try_ = matches!(f, TryMakeTimestamp | TryMakeTimestampLtz | TryMakeTimestampNtz);
    let ntz = matches!(f, MakeTimestampNtz | TryMakeTimestampNtz);
    let session = zone(c)?;
    // Bad fields fail under ANSI (NULL otherwise, and for try_); a bad zone always fails.
    let fail_on_fields = c.conf.ansi && !try_;
    Ok(rows::<pl::Int64Type>(c.args.clone(), c.reachable.clone(), true, MICROS, move |v| {
        let i = |k: usize| as_i64(&v[k]).unwrap_or(0);
        let seconds = match &v[5] {
            pl::AnyValue::Decimal(u, _, s) => (*u * 10i128.pow(6u32.saturating_sub(*s as u32))) as i64,
            other => as_i64(other).unwrap_or(0) * MICROS_PER_SECOND,
        };
        let local = match make_local_timestamp(i(0), i(1), i(2), i(3), i(4), seconds) {
            Ok(l) => l,
            Err(e) if fail_on_fields => return Err(e),
            Err(_) => return Ok(None),
        };
        if ntz {
            return Ok(Some(local));
        }
        let zone = match v.get(6) {
            Some(z) => {
                let name = as_str(z).unwrap_or("");
                Zone::of(name).ok_or_else(|| invalid_timezone(name))?
            }
            None => session.clone(),
        };
        Ok(Some(zone.local_to_utc(local)))
    }))
}

/// `timestamp_seconds`: whole seconds must fit (Java's multiplyExact), fractional ones
/// are NULL when NaN or infinite and saturate otherwise.
fn timestamp_seconds(c: &CallLowering) -> Result<pl::Expr> {
    Ok(match c.arg_type(0) {
        t if t.is_integral() => rows::<pl::Int64Type>(vec![c.arg(0)], c.reachable.clone(), true, MICROS, |v| {
            as_i64(&v[0]).unwrap_or(0).checked_mul(MICROS_PER_SECOND).map(Some).ok_or_else(long_overflow)
        }),
        DataType::Decimal(_, scale) => rows::<pl::Int64Type>(vec![c.arg(0)], c.reachable.clone(), true, MICROS, move |v| {
            let pl::AnyValue::Decimal(u, _, _) = v[0] else { return Ok(None) };
            let micros = if scale <= 6 { u.checked_mul(10i128.pow(6 - scale as u32)) } else { Some(u / 10i128.pow(scale as u32 - 6)) };
            micros.and_then(|m| i64::try_from(m).ok()).map(Some).ok_or_else(long_overflow)
        }),
        DataType::Null => lit(pl::NULL).cast(MICROS),
        _ => {
            // NaN and ±Infinity seconds are NULL; a finite number whose microseconds
            // overflow a double (1e308 s) saturates as Java's `toLong` does.
            let finite = c.arg(0).cast(PlType::Float64).is_finite();
            let us = c.arg(0).cast(PlType::Float64) * lit(1e6);
            let saturated = pl::when(us.clone().gt_eq(lit(9.223372036854776e18)))
                .then(lit(i64::MAX))
                .when(us.clone().lt_eq(lit(-9.223372036854776e18)))
                .then(lit(i64::MIN))
                .otherwise(us.cast(PlType::Int64));
            pl::when(finite).then(saturated).otherwise(lit(pl::NULL).cast(PlType::Int64)).cast(MICROS)
        }
    })
}

fn cast_mode(c: &CallLowering) -> CastMode {
    if c.conf.ansi { CastMode::Ansi } else { CastMode::Legacy }
}

/// ANSI mode fails on a text that does not parse (on the rows evaluated); legacy
/// mode gives NULL.
fn on_failure(c: &CallLowering) -> OnFailure {
    if c.conf.ansi { OnFailure::Fail(c.reachable.clone()) } else { OnFailure::Null }
}

fn zone(c: &CallLowering) -> Result<Zone> {
    timezone::parse(&c.conf.session_time_zone)
}

/// A DATE, TIMESTAMP or TIMESTAMP_NTZ argument as a TIMESTAMP (UTC microseconds).
fn to_timestamp(c: &CallLowering, t: &DataType) -> Result<pl::Expr> {
    Ok(cast(c.arg(0), t, &DataType::Timestamp, CastMode::Ansi, None, &c.conf.session_time_zone))
}

/// The pattern argument `i`: compiled now when it is a literal (its errors raised
/// before any row is read, as Spark's), per row otherwise.
fn pattern(c: &CallLowering, i: usize, parsing: bool) -> Result<PatternArg> {
    match c.str_literal(i) {
        Some(text) => Ok(PatternArg::Fixed(Arc::new(compile(text, parsing)?))),
        None => Ok(PatternArg::Column(c.arg(i))),
    }
}
