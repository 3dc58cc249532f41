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
    def(dt(DateAdd), "date_add", Exact(2), Inputs::Custom(date_and_days), Ret::Fixed(DATE))
        .aliases(&["dateadd"])
        .display(Display::Named("date_add")),
    def(dt(DateSub), "date_sub", Exact(2), Inputs::Custom(date_and_days), Ret::Fixed(DATE)),
    def(dt(DateDiff), "datediff", Exact(2), Inputs::Implicit(DATE_LIKE), Ret::Fixed(INT)).aliases(&["date_diff"]),
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
    def(dt(Hour), "hour", Exact(1), Inputs::Implicit(ANY_TIMESTAMP), Ret::Fixed(INT)),
    def(dt(Minute), "minute", Exact(1), Inputs::Implicit(ANY_TIMESTAMP), Ret::Fixed(INT)),
    def(dt(Second), "second", Exact(1), Inputs::Implicit(ANY_TIMESTAMP), Ret::Fixed(INT)),
    def(dt(WeekOfYear), "weekofyear", Exact(1), Inputs::Implicit(DATE_LIKE), Ret::Fixed(INT)),
    def(dt(Weekday), "weekday", Exact(1), Inputs::Implicit(DATE_LIKE), Ret::Fixed(INT)),
    def(dt(DayName), "dayname", Exact(1), Inputs::Implicit(DATE_LIKE), Ret::Fixed(STRING)),
    def(dt(MonthName), "monthname", Exact(1), Inputs::Implicit(DATE_LIKE), Ret::Fixed(STRING)),
    def(dt(LastDay), "last_day", Exact(1), Inputs::Implicit(DATE_LIKE), Ret::Fixed(DATE)),
    def(dt(NextDay), "next_day", Exact(2), Inputs::Implicit(&[Expected::DateLike, STR]), Ret::Fixed(DATE)).null(Null::Always),
    def(dt(AddMonths), "add_months", Exact(2), Inputs::Implicit(&[Expected::DateLike, Expected::Type(INT)]), Ret::Fixed(DATE)),
    def(dt(MonthsBetween), "months_between", Range(2, 3), Inputs::Custom(months_between_inputs), Ret::Fixed(DOUBLE))
        .display(Display::Custom(with_round_off)),
    def(dt(Trunc), "trunc", Exact(2), Inputs::Implicit(&[Expected::DateLike, STR]), Ret::Fixed(DATE)).null(Null::Always),
    def(dt(DateTrunc), "date_trunc", Exact(2), Inputs::Implicit(&[STR, TS]), Ret::Fixed(TIMESTAMP)).null(Null::Always),
    def(dt(TimestampAdd), "timestampadd", Exact(3), Inputs::Implicit(&[STR, Expected::Type(LONG), Expected::AnyTimestamp]), Ret::Arg(2)),
    def(dt(TimestampDiff), "timestampdiff", Exact(3), Inputs::Custom(timestamp_diff_inputs), Ret::Fixed(LONG)),
    def(dt(DatePart), "date_part", Exact(2), Inputs::Custom(date_part_inputs), Ret::Custom(date_part_type))
        .aliases(&["datepart", "extract"])
        .display(Display::Custom(date_part_display)),
    def(dt(MakeDate), "make_date", Exact(3), Inputs::Implicit(&[Expected::Type(INT)]), Ret::Fixed(DATE)).null(Null::Custom(fails_or_null)),
    def(dt(MakeTimestamp), "make_timestamp", Range(6, 7), Inputs::Implicit(MAKE_TIMESTAMP), Ret::Fixed(TIMESTAMP))
        .null(Null::Custom(fails_or_null)),
    def(dt(MakeTimestampLtz), "make_timestamp_ltz", Range(6, 7), Inputs::Implicit(MAKE_TIMESTAMP), Ret::Fixed(TIMESTAMP))
        .null(Null::Custom(fails_or_null)),
    def(dt(MakeTimestampNtz), "make_timestamp_ntz", Exact(6), Inputs::Implicit(MAKE_TIMESTAMP), Ret::Fixed(TIMESTAMP_NTZ))
        .null(Null::Custom(fails_or_null)),
    def(dt(TryMakeTimestamp), "try_make_timestamp", Range(6, 7), Inputs::Implicit(MAKE_TIMESTAMP), Ret::Fixed(TIMESTAMP)).null(Null::Always),
    def(dt(TryMakeTimestampLtz), "try_make_timestamp_ltz", Range(6, 7), Inputs::Implicit(MAKE_TIMESTAMP), Ret::Fixed(TIMESTAMP))
        .null(Null::Always),
    def(dt(TryMakeTimestampNtz), "try_make_timestamp_ntz", Exact(6), Inputs::Implicit(MAKE_TIMESTAMP), Ret::Fixed(TIMESTAMP_NTZ))
        .null(Null::Always),
    def(dt(FromUtcTimestamp), "from_utc_timestamp", Exact(2), Inputs::Implicit(&[TS, STR]), Ret::Fixed(TIMESTAMP)),
    def(dt(ToUtcTimestamp), "to_utc_timestamp", Exact(2), Inputs::Implicit(&[TS, STR]), Ret::Fixed(TIMESTAMP)),
    def(dt(ConvertTimezone), "convert_timezone", Range(2, 3), Inputs::Custom(convert_timezone_inputs), Ret::Fixed(TIMESTAMP_NTZ))
        .display(Display::Custom(with_session_zone)),
    def(dt(TimestampSeconds), "timestamp_seconds", Exact(1), Inputs::Custom(numeric_seconds), Ret::Fixed(TIMESTAMP))
        .null(Null::Custom(seconds_nullable)),
    def(dt(TimestampMillis), "timestamp_millis", Exact(1), Inputs::Custom(integral_only), Ret::Fixed(TIMESTAMP)),
    def(dt(TimestampMicros), "timestamp_micros", Exact(1), Inputs::Custom(integral_only), Ret::Fixed(TIMESTAMP)),
    def(dt(UnixSeconds), "unix_seconds", Exact(1), Inputs::Custom(timestamp_only), Ret::Fixed(LONG)),
    def(dt(UnixMillis), "unix_millis", Exact(1), Inputs::Custom(timestamp_only), Ret::Fixed(LONG)),
    def(dt(UnixMicros), "unix_micros", Exact(1), Inputs::Custom(timestamp_only), Ret::Fixed(LONG)),
    def(dt(UnixDate), "unix_date", Exact(1), Inputs::Custom(date_only), Ret::Fixed(INT)),
    def(dt(DateFromUnixDate), "date_from_unix_date", Exact(1), Inputs::Implicit(&[Expected::Type(INT)]), Ret::Fixed(DATE)),
];

const DOUBLE: &DataType = &DataType::Double;
const BOOLEAN: &DataType = &DataType::Boolean;
const ANY_TIMESTAMP: &[Expected] = &[Expected::AnyTimestamp];
const SECONDS: &DataType = &DataType::Decimal(16, 6);
const MAKE_TIMESTAMP: &[Expected] = &[
    Expected::Type(INT),
    Expected::Type(INT),
    Expected::Type(INT),
    Expected::Type(INT),
    Expected::Type(INT),
    Expected::Type(SECONDS),
    STR,
];

/// Functions that fail on bad input under ANSI and give NULL without it.
fn fails_or_null(_: &[Expr], arg_nulls: &[bool], conf: &Conf) -> bool {
    !conf.ansi || arg_nulls.iter().any(|n| *n)
}

/// `months_between(a, b)` is `months_between(a, b, true)`.
fn with_round_off(name: &str, args: &[String], _: bool) -> String {
    match args.len() {
        2 => format!("{name}({}, {}, true)", args[0], args[1]),
        _ => format!("{name}({})", args.join(", ")),
    }
}

fn months_between_inputs(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    if args.len() == 2 {
        args.push(Expr::Literal(Value::Boolean(true)));
    }
    Inputs::Implicit(&[TS, TS, Expected::Type(BOOLEAN)]).coerce(args, site)
}

/// `timestampdiff(unit, start, end)`: both times TIMESTAMP unless both are TIMESTAMP_NTZ.
fn timestamp_diff_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let mut args = Inputs::Implicit(&[STR, Expected::AnyTimestamp]).coerce(args, site)?;
    if data_type(&args[1]) != data_type(&args[2]) {
        let end = args.pop().expect("arity checked");
        let start = args.pop().expect("arity checked");
        args.push(crate::analysis::coercion::coerce(start, TIMESTAMP));
        args.push(crate::analysis::coercion::coerce(end, TIMESTAMP));
    }
    Ok(args)
}

/// `convert_timezone(target, ts)` converts from the session zone.
fn with_session_zone(name: &str, args: &[String], _: bool) -> String {
    match args.len() {
        2 => format!("{name}(current_timezone(), {}, {})", args[0], args[1]),
        _ => format!("{name}({})", args.join(", ")),
    }
}

fn convert_timezone_inputs(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    if args.len() == 2 {
        args.insert(0, super::call(dt(CurrentTimezone), vec![], site.conf, site.text)?);
    }
    Inputs::Implicit(&[STR, STR, Expected::Type(TIMESTAMP_NTZ)]).coerce(args, site)
}

/// Spark's `ExpectsInputTypes`: no implicit casts; a NULL-typed argument becomes a
/// NULL literal (named `NULL`).
fn expects(args: Vec<Expr>, site: &Site, accepts: fn(&DataType) -> bool, required: &str) -> Result<Vec<Expr>> {
    args.into_iter()
        .enumerate()
        .map(|(i, a)| match data_type(&a) {
            DataType::Null => Ok(Expr::Literal(Value::Null)),
            t if accepts(&t) => Ok(a),
            _ => Err(unexpected_input_type(site, i, required, &a)),
        })
        .collect()
}

fn numeric_seconds(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    expects(args, site, DataType::is_numeric, "\"NUMERIC\"")
}

fn integral_only(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    expects(args, site, DataType::is_integral, "\"INTEGRAL\"")
}

fn timestamp_only(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    expects(args, site, |t| *t == DataType::Timestamp, "\"TIMESTAMP\"")
}

fn date_only(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    expects(args, site, |t| *t == DataType::Date, "\"DATE\"")
}

/// Seconds of a fractional type can be NaN or too large: NULL.
fn seconds_nullable(args: &[Expr], arg_nulls: &[bool], _: &Conf) -> bool {
    arg_nulls[0] || !data_type(&args[0]).is_integral()
}

/// The canonical field of `extract`/`date_part` (the names Spark accepts for it).
pub fn extract_field(name: &str) -> Option<&'static str> {
    Some(match name.to_uppercase().as_str() {
        "YEAR" | "Y" | "YEARS" | "YR" | "YRS" => "YEAR",
        "YEAROFWEEK" => "YEAROFWEEK",
        "QUARTER" | "QTR" => "QUARTER",
        "MONTH" | "MON" | "MONS" | "MONTHS" => "MONTH",
        "WEEK" | "W" | "WEEKS" => "WEEK",
        "DAY" | "D" | "DAYS" => "DAY",
        "DAYOFWEEK" | "DOW" => "DAYOFWEEK",
        "DAYOFWEEK_ISO" | "DOW_ISO" => "DAYOFWEEK_ISO",
        "DOY" => "DOY",
        "HOUR" | "H" | "HOURS" | "HR" | "HRS" => "HOUR",
        "MINUTE" | "M" | "MIN" | "MINS" | "MINUTES" => "MINUTE",
        "SECOND" | "S" | "SEC" | "SECONDS" | "SECS" => "SECOND",
        _ => return None,
    })
}

fn field_literal(e: &Expr) -> Option<&str> {
    match e.unalias() {
        Expr::Literal(Value::String(s)) => Some(s),
        _ => None,
    }
}

/// `date_part('YEAR', d)` is `date_part(YEAR, d)`; `datepart`/`extract` show `f FROM d`.
fn date_part_display(name: &str, args: &[String], _: bool) -> String {
    match (name, args) {
        ("date_part", _) | (_, [_]) | (_, []) => format!("{name}({})", args.join(", ")),
        (_, [field, source, ..]) => format!("{name}({field} FROM {source})"),
    }
}

/// The field must be a string literal Spark knows; the source is read as a date (date
/// fields) or a timestamp (time fields).
fn date_part_inputs(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let source = args.pop().expect("arity checked");
    let Some(text) = field_literal(&args[0]).map(str::to_string) else {
        let function = site.shown.split('(').next().unwrap_or("date_part").to_string();
        return Err(crate::error::Error::analysis(
            "NON_FOLDABLE_ARGUMENT",
            format!("The function `{function}` requires the parameter `field` to be a foldable expression of the type \"STRING\", but the actual argument is a non-foldable."),
        ));
    };
    let Some(field) = extract_field(&text) else {
        return Err(crate::error::Error::analysis(
            "INVALID_EXTRACT_FIELD",
            format!("Cannot extract `{text}` from \"{}\".", (site.text)(&source)),
        ));
    };
    let expected: &[Expected] = if matches!(field, "HOUR" | "MINUTE" | "SECOND") { ANY_TIMESTAMP } else { DATE_LIKE };
    let mut source = Inputs::Implicit(expected).coerce(vec![source], site)?;
    args.push(source.remove(0));
    Ok(args)
}

fn date_part_type(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(match field_literal(&args[0]).and_then(extract_field) {
        Some("SECOND") => DataType::Decimal(8, 6),
        _ => DataType::Integer,
    })
}

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

