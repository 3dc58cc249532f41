//! Date and time functions. Date arguments arrive as DATE (analysis casts strings and
//! timestamps): Polars' Date is days since the epoch, as Spark's is. TIMESTAMPs are
//! UTC microseconds; the session zone applies where Spark applies it. Java datetime
//! patterns run on `compat::datetime_kernels`.

use super::CallLowering;
use crate::compat::calendar::MICROS_PER_SECOND;
use crate::compat::cast::{cast, CastMode};
use crate::compat::datetime_kernels::{format_timestamps, parse_strings, OnFailure, ParseTarget, PatternArg};
use crate::compat::datetime_pattern::compile;
use crate::compat::timezone::{self, Zone};
use crate::error::Result;
use crate::ir::function::DatetimeFn;
use crate::ir::DataType;
use polars::prelude::{self as pl, lit, DataType as PlType};
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

fn query_start() -> i64 {
    QUERY_START.with(|q| q.get()).unwrap_or_else(now_micros)
}

const MICROS: PlType = PlType::Datetime(pl::TimeUnit::Microseconds, None);

pub fn lower(f: DatetimeFn, c: &CallLowering) -> Result<pl::Expr> {
    use DatetimeFn::*;
    Ok(match f {
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
            t => to_timestamp(c, &t)?.cast(PlType::Int64).floor_div(lit(MICROS_PER_SECOND)),
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
