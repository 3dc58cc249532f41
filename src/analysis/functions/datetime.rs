//! Date and time functions. Strings and timestamps given where a date is expected
//! are read as dates (in the session time zone), as Spark's date-part rules do.
//! Java datetime patterns (`date_format`, `to_timestamp(s, fmt)`...) are compiled
//! when the plan is lowered (`compat::datetime_pattern`).

use super::signature::{Arity::*, Display, Expected, Inputs, Null, Ret, Site};
use super::{def, unexpected_input_type, FunctionDef};
use crate::analysis::typing::{cast_may_give_null, data_type};
use crate::analysis::Conf;
use crate::error::Result;
use crate::ir::function::{DatetimeFn::*, Func};
use crate::ir::{DataType, Expr, Value};

const INT: &DataType = &DataType::Integer;
const LONG: &DataType = &DataType::Long;
const DATE: &DataType = &DataType::Date;
const STRING: &DataType = &DataType::String;
const TIMESTAMP: &DataType = &DataType::Timestamp;
const TIMESTAMP_NTZ: &DataType = &DataType::TimestampNtz;

const fn dt(f: crate::ir::function::DatetimeFn) -> Func {
    Func::Datetime(f)
}

const DATE_LIKE: &[Expected] = &[Expected::DateLike];
const STR: Expected = Expected::Type(STRING);
const TS: Expected = Expected::Type(TIMESTAMP);
/// What `to_date`, `to_timestamp_ntz` and `unix_timestamp` read (Spark's
/// `TypeCollection(StringType, DateType, TimestampType, TimestampNTZType)`).
const DATETIME_TEXT: Expected =
    Expected::OneOf(&[STR, Expected::Type(DATE), Expected::Type(TIMESTAMP), Expected::Type(TIMESTAMP_NTZ)]);
/// `to_timestamp` also reads numbers (seconds since the epoch).
const DATETIME_TEXT_OR_NUMBER: Expected =
    Expected::OneOf(&[STR, Expected::Type(DATE), Expected::Type(TIMESTAMP), Expected::Type(TIMESTAMP_NTZ), Expected::Numeric]);

/// The pattern Spark uses when `from_unixtime`/`unix_timestamp` get none.
pub const DEFAULT_PATTERN: &str = "yyyy-MM-dd HH:mm:ss";

pub static FUNCTIONS: &[FunctionDef] = &[
    def(dt(Year), "year", Exact(1), Inputs::Implicit(DATE_LIKE), Ret::Fixed(INT)),
    def(dt(Quarter), "quarter", Exact(1), Inputs::Implicit(DATE_LIKE), Ret::Fixed(INT)),
    def(dt(Month), "month", Exact(1), Inputs::Implicit(DATE_LIKE), Ret::Fixed(INT)),
    def(dt(DayOfMonth), "dayofmonth", Exact(1), Inputs::Implicit(DATE_LIKE), Ret::Fixed(INT)).aliases(&["day"]),
    def(dt(DayOfWeek), "dayofweek", Exact(1), Inputs::Implicit(DATE_LIKE), Ret::Fixed(INT)),
    def(dt(DayOfYear), "dayofyear", Exact(1), Inputs::Implicit(DATE_LIKE), Ret::Fixed(INT)),
    def(dt(ToDate), "to_date", Range(1, 2), Inputs::Implicit(&[DATETIME_TEXT, STR]), Ret::Fixed(DATE)).null(Null::Custom(date_nullable)),
    def(dt(DateAdd), "date_add", Exact(2), Inputs::Custom(date_and_days), Ret::Fixed(DATE)),
    def(dt(DateSub), "date_sub", Exact(2), Inputs::Custom(date_and_days), Ret::Fixed(DATE)),
    def(dt(DateDiff), "datediff", Exact(2), Inputs::Implicit(DATE_LIKE), Ret::Fixed(INT)),
    def(dt(DateFormat), "date_format", Exact(2), Inputs::Implicit(&[TS, STR]), Ret::Fixed(STRING)),
    def(dt(FromUnixTime), "from_unixtime", Range(1, 2), Inputs::Custom(from_unixtime_inputs), Ret::Fixed(STRING))
        .null(Null::Always)
        .display(Display::Custom(with_default_pattern)),
    def(dt(UnixTimestamp), "unix_timestamp", Range(0, 2), Inputs::Custom(unix_time_inputs), Ret::Fixed(LONG))
        .null(Null::Custom(timestamp_nullable))
        .display(Display::Custom(with_default_pattern)),
    def(dt(ToUnixTimestamp), "to_unix_timestamp", Range(1, 2), Inputs::Custom(unix_time_inputs), Ret::Fixed(LONG))
        .null(Null::Custom(timestamp_nullable))
        .display(Display::Custom(with_default_pattern)),
    def(dt(ToTimestamp), "to_timestamp", Range(1, 2), Inputs::Custom(to_timestamp_inputs), Ret::Fixed(TIMESTAMP))
        .null(Null::Custom(timestamp_nullable)),
    def(dt(ToTimestampLtz), "to_timestamp_ltz", Range(1, 2), Inputs::Custom(to_timestamp_inputs), Ret::Fixed(TIMESTAMP))
        .null(Null::Custom(timestamp_nullable)),
    def(dt(ToTimestampNtz), "to_timestamp_ntz", Range(1, 2), Inputs::Implicit(&[DATETIME_TEXT, STR]), Ret::Fixed(TIMESTAMP_NTZ))
        .null(Null::Custom(timestamp_ntz_nullable)),
    def(dt(TryToTimestamp), "try_to_timestamp", Range(1, 2), Inputs::Custom(to_timestamp_inputs), Ret::Fixed(TIMESTAMP))
        .null(Null::Always),
    def(dt(CurrentDate), "current_date", Exact(0), Inputs::Any, Ret::Fixed(DATE))
        .aliases(&["curdate"])
        .null(Null::Never)
        .display(Display::Named("current_date")),
    def(dt(CurrentTimestamp), "current_timestamp", Exact(0), Inputs::Any, Ret::Fixed(TIMESTAMP)).null(Null::Never),
    def(dt(Now), "now", Exact(0), Inputs::Any, Ret::Fixed(TIMESTAMP)).null(Null::Never),
    def(dt(LocalTimestamp), "localtimestamp", Exact(0), Inputs::Any, Ret::Fixed(TIMESTAMP_NTZ)).null(Null::Never),
    def(dt(CurrentTimezone), "current_timezone", Exact(0), Inputs::Any, Ret::Fixed(STRING)).null(Null::Never),
];

/// `date_add(start, days)`: the start read as a date; the day count must already be
/// a TINYINT, SMALLINT or INT (a BIGINT is refused, not narrowed).
fn date_and_days(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let days = args.pop().expect("arity checked");
    let mut args = Inputs::Implicit(DATE_LIKE).coerce(args, site)?;
    let days_type = data_type(&days);
    if !matches!(days_type, DataType::Byte | DataType::Short | DataType::Integer | DataType::Null) {
        return Err(unexpected_input_type(site, 1, "(\"INT\" or \"SMALLINT\" or \"TINYINT\")", &days));
    }
    args.push(days);
    Ok(args)
}

/// `from_unixtime(0)` is named `from_unixtime(0, yyyy-MM-dd HH:mm:ss)`: Spark adds the
/// default pattern when the call is built.
fn with_default_pattern(name: &str, args: &[String], _: bool) -> String {
    match args.len() {
        0 => format!("{name}(current_timestamp(), {DEFAULT_PATTERN})"),
        1 => format!("{name}({}, {DEFAULT_PATTERN})", args[0]),
        _ => format!("{name}({})", args.join(", ")),
    }
}

fn default_pattern() -> Expr {
    Expr::Literal(Value::String(DEFAULT_PATTERN.into()))
}

/// `from_unixtime(seconds, fmt)`: seconds as a BIGINT, the pattern a string.
fn from_unixtime_inputs(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    if args.len() == 1 {
        args.push(default_pattern());
    }
    Inputs::Implicit(&[Expected::Type(LONG), STR]).coerce(args, site)
}

/// `unix_timestamp(time, fmt)` (Spark's `ExpectsInputTypes`): no implicit casts — a
/// string, date or timestamp, and a string pattern; a NULL-typed argument becomes a
/// NULL literal (so the column is named `unix_timestamp(NULL, ...)`).
fn unix_time_inputs(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    if args.is_empty() {
        args.push(super::call(dt(CurrentTimestamp), vec![], site.conf, site.text)?);
    }
    if args.len() == 1 {
        args.push(default_pattern());
    }
    let expected = [DATETIME_TEXT, STR];
    args.into_iter()
        .enumerate()
        .map(|(i, a)| match data_type(&a) {
            DataType::Null => Ok(Expr::Literal(Value::Null)),
            t if expected[i].accepts(&t) => Ok(a),
            _ => Err(unexpected_input_type(site, i, &expected[i].sql(), &a)),
        })
        .collect()
}

/// `to_timestamp(x[, fmt])`: with a pattern the text is parsed; without one `x` is
/// cast (numbers are seconds since the epoch).
fn to_timestamp_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    Inputs::Implicit(&[DATETIME_TEXT_OR_NUMBER, STR]).coerce(args, site)
}

/// Nullability of a parse with a pattern: as its arguments under ANSI (a bad text
/// fails), always without ANSI; without a pattern, as the cast to `target` it is.
fn parse_or_cast_nullable(args: &[Expr], arg_nulls: &[bool], conf: &Conf, target: &DataType) -> bool {
    match args {
        [] => false,
        [only] => arg_nulls[0] || cast_may_give_null(&data_type(only), target),
        _ if conf.ansi => arg_nulls.iter().any(|n| *n),
        _ => true,
    }
}

fn date_nullable(args: &[Expr], arg_nulls: &[bool], conf: &Conf) -> bool {
    parse_or_cast_nullable(args, arg_nulls, conf, DATE)
}

fn timestamp_nullable(args: &[Expr], arg_nulls: &[bool], conf: &Conf) -> bool {
    parse_or_cast_nullable(args, arg_nulls, conf, TIMESTAMP)
}

fn timestamp_ntz_nullable(args: &[Expr], arg_nulls: &[bool], conf: &Conf) -> bool {
    parse_or_cast_nullable(args, arg_nulls, conf, TIMESTAMP_NTZ)
}

