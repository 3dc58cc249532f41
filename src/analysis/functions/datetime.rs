//! Date and time functions. Strings and timestamps given where a date is expected
//! are read as dates (in the session time zone), as Spark's date-part rules do.
//! Java datetime patterns (`date_format`, `to_timestamp(s, fmt)`...) are compiled
//! when the plan is lowered (`compat::datetime_pattern`).

use super::signature::{Arity::*, Display, Expected, Inputs, Null, Ret, Site};
use super::{def, unexpected_input_type, FunctionDef};
use crate::analysis::typing::{cast_may_give_null, data_type};
use crate::analysis::Conf;
use crate::error::{Error, Result};
use crate::ir::function::{DatetimeFn::*, Func};
use crate::ir::{CastKind, DataType, Expr, Value};

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
    def(dt(DateAdd), "date_add", Exact(2), Inputs::Custom(date_add_inputs), Ret::Fixed(DATE))
        .aliases(&["dateadd"])
        .display(Display::Named("date_add")),
    def(dt(DateSub), "date_sub", Exact(2), Inputs::Custom(date_sub_inputs), Ret::Fixed(DATE)),
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
    def(dt(TimestampAdd), "timestampadd", Exact(3), Inputs::Custom(timestamp_add_inputs), Ret::Arg(2)),
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
    def(dt(TryMakeTimestamp), "try_make_timestamp", Range(6, 7), Inputs::Implicit(MAKE_TIMESTAMP), Ret::Fixed(TIMESTAMP))
        .null(Null::Always)
        .display(Display::Custom(without_time_zone)),
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

/// Seconds of a floating type can be NaN or too large: NULL (Spark's
/// `SecondsToTimestamp.nullable`; a decimal too large fails instead).
fn seconds_nullable(args: &[Expr], arg_nulls: &[bool], _: &Conf) -> bool {
    arg_nulls[0] || matches!(data_type(&args[0]), DataType::Float | DataType::Double)
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
/// `timestampadd(unit, quantity, timestamp)`: the unit is a keyword to Spark, not a
/// parameter, so its messages count the quantity first.
fn timestamp_add_inputs(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let rest = args.split_off(1);
    let mut unit = Inputs::Implicit(&[STR]).coerce(args, site)?;
    unit.extend(Inputs::Implicit(&[Expected::Type(LONG), Expected::AnyTimestamp]).coerce(rest, site)?);
    Ok(unit)
}

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
    // Intervals: the fields they hold.
    let source_type = data_type(&source);
    if source_type.is_ansi_interval() || source_type == DataType::CalendarInterval {
        if interval_field(field, &source_type).is_none() {
            return Err(crate::error::Error::analysis(
                "INVALID_EXTRACT_FIELD",
                format!("Cannot extract `{text}` from \"{}\".", (site.text)(&source)),
            ));
        }
        args.push(source);
        return Ok(args);
    }
    let expected: &[Expected] = if matches!(field, "HOUR" | "MINUTE" | "SECOND") { ANY_TIMESTAMP } else { DATE_LIKE };
    // Spark rewrites the call to the field's own function (`year(i)`), which its
    // type errors name.
    let function = match field {
        "YEAR" => Some("year"),
        "QUARTER" => Some("quarter"),
        "MONTH" => Some("month"),
        "DAY" => Some("day"),
        "HOUR" => Some("hour"),
        "MINUTE" => Some("minute"),
        _ => None,
    };
    let shown = match function {
        Some(f) => format!("{f}({})", (site.text)(&source)),
        None => site.shown.clone(),
    };
    let site = &Site { conf: site.conf, shown, text: site.text };
    let mut source = Inputs::Implicit(expected).coerce(vec![source], site)?;
    args.push(source.remove(0));
    Ok(args)
}

/// The type of a field of an interval (`ExtractIntervalPart`), or None when the
/// interval does not hold it.
pub fn interval_field(field: &str, t: &DataType) -> Option<DataType> {
    let in_range = |i: u8, s: u8, e: u8| s <= i && i <= e;
    let part = match field {
        "YEAR" | "DAY" => DataType::Integer,
        "MONTH" | "HOUR" | "MINUTE" => DataType::Byte,
        "SECOND" => DataType::Decimal(8, 6),
        _ => return None,
    };
    let held = match t {
        DataType::DayTimeInterval(s, e) => match field {
            "DAY" => in_range(0, *s, *e),
            "HOUR" => in_range(1, *s, *e),
            "MINUTE" => in_range(2, *s, *e),
            "SECOND" => in_range(3, *s, *e),
            _ => false,
        },
        DataType::YearMonthInterval(s, e) => match field {
            "YEAR" => in_range(0, *s, *e),
            "MONTH" => in_range(1, *s, *e),
            _ => false,
        },
        DataType::CalendarInterval => true,
        _ => false,
    };
    held.then_some(part)
}

fn date_part_type(args: &[Expr], _: &Site) -> Result<DataType> {
    let field = field_literal(&args[0]).and_then(extract_field);
    if let (Some(f), Some(source)) = (field, args.get(1)) {
        if let Some(t) = interval_field(f, &data_type(source)) {
            return Ok(t);
        }
    }
    Ok(match field {
        Some("SECOND") => DataType::Decimal(8, 6),
        _ => DataType::Integer,
    })
}

/// `date_add(start, days)`: the start read as a date; the day count must already be
/// a TINYINT, SMALLINT or INT (a BIGINT is refused, not narrowed).
fn date_add_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    date_and_days(args, site, "date_add")
}

fn date_sub_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    date_and_days(args, site, "date_sub")
}

/// A date and a day count (INT, SMALLINT or TINYINT). With ANSI on a string count is
/// cast to INT (`AnsiTypeCoercion`'s implicit cast to the type collection's first
/// member); with it off a constant string is read as an INT while analysing (legacy
/// `StringLiteralCoercion`) and a string column is refused.
fn date_and_days(mut args: Vec<Expr>, site: &Site, function: &str) -> Result<Vec<Expr>> {
    let mut days = args.pop().expect("arity checked");
    let mut args = Inputs::Implicit(DATE_LIKE).coerce(args, site)?;
    if data_type(&days) == DataType::String && site.conf.ansi {
        days = Expr::Cast { expr: Box::new(days), to: DataType::Integer, kind: CastKind::Cast };
    } else if let Some(constant) = string_constant(&days, site)? {
        // `Cast(r, IntegerType, ansiEnabled = true).eval().asInstanceOf[Int]`: a NULL
        // unboxes to 0.
        let count = match constant {
            Value::String(text) => parse_int_text(&text).ok_or_else(|| {
                Error::analysis("SECOND_FUNCTION_ARGUMENT_NOT_INTEGER", format!("The second argument of {function} function needs to be an integer."))
                    .with_param("functionName", function)
            })?,
            _ => 0,
        };
        days = Expr::Literal(Value::Integer(count));
    }
    let days_type = data_type(&days);
    if !matches!(days_type, DataType::Byte | DataType::Short | DataType::Integer | DataType::Null) {
        return Err(unexpected_input_type(site, 1, "(\"INT\" or \"SMALLINT\" or \"TINYINT\")", &days));
    }
    args.push(days);
    Ok(args)
}

/// The value of a foldable STRING expression, computed now as Spark's analysis does:
/// a literal as it is, anything else by the engine (`Conf::constants`; without one, as
/// in unit tests, only literals).
fn string_constant(e: &Expr, site: &Site) -> Result<Option<Value>> {
    if data_type(e) != DataType::String || !crate::analysis::null_propagation::is_foldable(e) {
        return Ok(None);
    }
    match (crate::analysis::windows::fold_value(e), site.conf.constants) {
        (Some(v), _) => Ok(Some(v)),
        (None, Some(evaluate)) => evaluate(e, site.conf).map(Some),
        (None, None) => Ok(None),
    }
}

/// Spark's string to INT (`UTF8String.toInt` without a fraction): whitespace and ISO
/// controls trimmed, an optional sign, decimal digits that fit.
fn parse_int_text(text: &str) -> Option<i32> {
    let t = text.trim_matches(|c: char| c.is_whitespace() || c.is_control());
    let digits = t.strip_prefix(['+', '-']).unwrap_or(t);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse::<i32>().ok()
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

/// `try_make_timestamp(y, m, d, h, mi, s, tz)` is named without its time zone (Spark's
/// `TryMakeTimestamp` shows six parameters; `make_timestamp` and the `_ltz` forms all seven).
fn without_time_zone(name: &str, args: &[String], _: bool) -> String {
    format!("{name}({})", args[..args.len().min(6)].join(", "))
}

/// `make_dt_interval(2)` is named `make_dt_interval(2, 0, 0, 0.000000)`: Spark's
/// constructors fill the omitted days, hours, minutes and seconds.
fn dt_interval_display(name: &str, args: &[String], _: bool) -> String {
    let defaults = ["0", "0", "0", "0.000000"];
    let shown: Vec<&str> = args.iter().map(String::as_str).chain(defaults[args.len().min(4)..].iter().copied()).collect();
    format!("{name}({})", shown.join(", "))
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


// Intervals and datetime arithmetic.

const DECIMAL_SECONDS: &DataType = &DataType::Decimal(18, 6);

pub static INTERVAL_FUNCTIONS: &[FunctionDef] = &[
    def(dt(MakeDtInterval), "make_dt_interval", Range(0, 4), Inputs::Implicit(MAKE_DT_INTERVAL), Ret::Fixed(&DataType::DayTimeInterval(0, 3)))
        .display(Display::Custom(dt_interval_display)),
    def(dt(MakeYmInterval), "make_ym_interval", Range(0, 2), Inputs::Implicit(&[Expected::Type(INT)]), Ret::Fixed(&DataType::YearMonthInterval(0, 1))),
    def(dt(MakeInterval), "make_interval", Range(0, 7), Inputs::Implicit(MAKE_INTERVAL), Ret::Fixed(&DataType::CalendarInterval))
        .null(Null::Custom(fails_or_null)),
    def(dt(TryMakeInterval), "try_make_interval", Range(0, 7), Inputs::Implicit(MAKE_INTERVAL), Ret::Fixed(&DataType::CalendarInterval))
        .null(Null::Always),
    def(dt(AddInterval), "datetime_add_interval", Exact(2), Inputs::Any, Ret::Custom(shifted_type)).display(Display::Infix(" + ")),
    def(dt(SubtractInterval), "datetime_subtract_interval", Exact(2), Inputs::Any, Ret::Custom(shifted_type)).display(Display::Infix(" - ")),
    def(dt(SubtractTimestamps), "subtract_timestamps", Exact(2), Inputs::Any, Ret::Fixed(&DataType::DayTimeInterval(0, 3)))
        .display(Display::Custom(parenthesized_minus)),
    def(dt(SubtractDates), "subtract_dates", Exact(2), Inputs::Any, Ret::Fixed(&DataType::DayTimeInterval(0, 0)))
        .display(Display::Custom(parenthesized_minus)),
    def(dt(MultiplyInterval), "multiply_interval", Exact(2), Inputs::Any, Ret::Custom(scaled_interval_type))
        .display(Display::Custom(parenthesized_times)),
    def(dt(DivideInterval), "divide_interval", Exact(2), Inputs::Any, Ret::Custom(scaled_interval_type))
        .display(Display::Custom(parenthesized_divide)),
];

const MAKE_DT_INTERVAL: &[Expected] = &[Expected::Type(INT), Expected::Type(INT), Expected::Type(INT), Expected::Type(DECIMAL_SECONDS)];
const MAKE_INTERVAL: &[Expected] = &[
    Expected::Type(INT),
    Expected::Type(INT),
    Expected::Type(INT),
    Expected::Type(INT),
    Expected::Type(INT),
    Expected::Type(INT),
    Expected::Type(DECIMAL_SECONDS),
];

fn parenthesized_minus(_: &str, args: &[String], _: bool) -> String {
    format!("({} - {})", args[0], args[1])
}

fn parenthesized_times(_: &str, args: &[String], _: bool) -> String {
    format!("({} * {})", args[0], args[1])
}

fn parenthesized_divide(_: &str, args: &[String], _: bool) -> String {
    format!("({} / {})", args[0], args[1])
}

/// `datetime ± interval`: a date stays a date with a year-month interval, a whole
/// number of days or (legacy) a calendar interval; it becomes a timestamp with any
/// other day-time interval. Timestamps keep their type.
fn shifted_type(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(match (data_type(&args[0]), data_type(&args[1])) {
        (DataType::Date, DataType::DayTimeInterval(0, 0) | DataType::YearMonthInterval(..) | DataType::CalendarInterval) => DataType::Date,
        (DataType::Date, _) => DataType::Timestamp,
        (t, _) => t,
    })
}

/// Intervals times or divided by a number: the widest interval of their kind.
fn scaled_interval_type(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(match data_type(&args[0]) {
        DataType::YearMonthInterval(..) => DataType::YearMonthInterval(0, 1),
        DataType::CalendarInterval => DataType::CalendarInterval,
        _ => DataType::DayTimeInterval(0, 3),
    })
}

fn is_timestamp(t: &DataType) -> bool {
    matches!(t, DataType::Timestamp | DataType::TimestampNtz)
}

/// The interval both of two intervals of one kind fit in (`day` and `hour to second`
/// make `day to second`), or None.
fn wider_interval(a: &DataType, b: &DataType) -> Option<DataType> {
    match (a, b) {
        (DataType::DayTimeInterval(s1, e1), DataType::DayTimeInterval(s2, e2)) => Some(DataType::DayTimeInterval(*s1.min(s2), *e1.max(e2))),
        (DataType::YearMonthInterval(s1, e1), DataType::YearMonthInterval(s2, e2)) => Some(DataType::YearMonthInterval(*s1.min(s2), *e1.max(e2))),
        (i, DataType::Null) | (DataType::Null, i) if i.is_ansi_interval() => Some(i.clone()),
        _ => None,
    }
}

/// Spark's datetime and interval arithmetic (`BinaryArithmeticWithDatetimeResolver`):
/// `date + 1`, `date - date`, `timestamp - timestamp`, datetimes ± intervals,
/// intervals ± intervals, intervals times and divided by numbers, and comparisons of
/// intervals of one kind. None when the operands are for plain arithmetic.
/// `try_add`/`try_subtract` of a date or timestamp (and a number or an interval): Spark's
/// `TryEval` of the `+`/`-` it stands for, so always nullable. `None` for anything else
/// (numbers go through the function itself).
pub fn try_datetime_arithmetic(name: &str, args: &[Expr], conf: &Conf, text: fn(&Expr) -> String) -> Result<Option<Expr>> {
    let op = match name.to_ascii_lowercase().as_str() {
        "try_add" => crate::ir::BinaryOp::Add,
        "try_subtract" => crate::ir::BinaryOp::Subtract,
        _ => return Ok(None),
    };
    let [l, r] = args else { return Ok(None) };
    if !data_type(l).is_datetime() && !data_type(r).is_datetime() {
        return Ok(None);
    }
    Ok(datetime_arithmetic(op, l, r, conf, text)?.map(|e| match e {
        Expr::Call(mut c) => {
            c.nullable = true;
            Expr::Call(c)
        }
        other => other,
    }))
}

pub fn datetime_arithmetic(op: crate::ir::BinaryOp, l: &Expr, r: &Expr, conf: &Conf, text: fn(&Expr) -> String) -> Result<Option<Expr>> {
    use crate::analysis::coercion::coerce;
    use crate::ir::BinaryOp::*;
    use DataType as T;
    let (lt, rt) = (data_type(l), data_type(r));
    let involved = |t: &DataType| t.is_datetime() || *t == T::CalendarInterval || t.is_ansi_interval();
    if !involved(&lt) && !involved(&rt) {
        return Ok(None);
    }
    let call = |f, args: Vec<Expr>| super::call(dt(f), args, conf, text).map(Some);
    let interval = |t: &DataType| t.is_ansi_interval() || *t == T::CalendarInterval;
    let (l, r) = (l.clone(), r.clone());
    // Intervals of one kind combine (and compare) at their wider type.
    if let Some(wide) = wider_interval(&lt, &rt) {
        if matches!(op, Add | Subtract) || op.is_comparison() {
            return Ok(Some(Expr::binary(op, coerce(l, &wide), coerce(r, &wide))));
        }
    }
    match op {
        Add => match (&lt, &rt) {
            (T::Date | T::Timestamp | T::TimestampNtz, i) if interval(i) => call(AddInterval, vec![l, r]),
            (i, T::Date | T::Timestamp | T::TimestampNtz) if interval(i) => call(AddInterval, vec![r, l]),
            (T::Date, n) if n.is_integral() || *n == T::Null => call(DateAdd, vec![l, r]),
            (n, T::Date) if n.is_integral() => call(DateAdd, vec![r, l]),
            _ => Ok(None),
        },
        Subtract => match (&lt, &rt) {
            (T::Date | T::Timestamp | T::TimestampNtz, i) if interval(i) => call(SubtractInterval, vec![l, r]),
            (a, b) if is_timestamp(a) || is_timestamp(b) => {
                // Both as TIMESTAMP, unless both are TIMESTAMP_NTZ.
                let target = if *a == T::TimestampNtz && *b == T::TimestampNtz { T::TimestampNtz } else { T::Timestamp };
                let (l, r) = (coerce_datetime(l, a, &target, conf)?, coerce_datetime(r, b, &target, conf)?);
                call(SubtractTimestamps, vec![l, r])
            }
            (T::Date | T::String | T::Null, T::Date) => call(SubtractDates, vec![coerce(l, &T::Date), r]),
            (T::Date, n) if n.is_integral() || *n == T::Null => call(DateSub, vec![l, r]),
            _ => Ok(None),
        },
        Multiply => match (&lt, &rt) {
            (i, n) if i.is_ansi_interval() && (n.is_numeric() || *n == T::Null) => call(MultiplyInterval, vec![l, r]),
            (n, i) if i.is_ansi_interval() && (n.is_numeric() || *n == T::Null) => call(MultiplyInterval, vec![r, l]),
            _ => Ok(None),
        },
        Divide => match (&lt, &rt) {
            (i, n) if i.is_ansi_interval() && (n.is_numeric() || *n == T::Null) => call(DivideInterval, vec![l, r]),
            _ => Ok(None),
        },
        _ => Ok(None),
    }
}

/// A date, string or NULL operand of `timestamp - x` read as a timestamp.
fn coerce_datetime(e: Expr, from: &DataType, to: &DataType, _: &Conf) -> Result<Expr> {
    if from == to {
        return Ok(e);
    }
    Ok(crate::analysis::coercion::coerce(e, to))
}

// Time windows.

pub static WINDOW_FUNCTIONS: &[FunctionDef] = &[
    def(dt(Window), "window", Range(2, 4), Inputs::Custom(window_inputs), Ret::Custom(window_type))
        .null(Null::Custom(window_nullable))
        .display(Display::Custom(window_name)),
    def(dt(WindowTime), "window_time", Exact(1), Inputs::Custom(window_time_inputs), Ret::Fixed(TIMESTAMP)).null(Null::Always),
    def(dt(SessionWindow), "session_window", Exact(2), Inputs::Custom(session_window_inputs), Ret::Custom(window_type))
        .null(Null::Never)
        .display(Display::Custom(session_window_name)),
    def(dt(SessionWindowMerge), "session_window_merge", AtLeast(2), Inputs::Any, Ret::Custom(window_type))
        .null(Null::Never)
        .display(Display::Custom(session_window_name)),
];

fn session_window_name(_: &str, _: &[String], _: bool) -> String {
    "session_window".into()
}

/// `session_window(time, gap)`: a gap string becomes microseconds; a gap column is a
/// string of a duration or a day-time interval, read per row.
fn session_window_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let mut args = args.into_iter();
    let time = Inputs::Implicit(ANY_TIMESTAMP).coerce(vec![args.next().expect("arity checked")], site)?.remove(0);
    let gap = args.next().expect("arity checked");
    let gap = match field_literal(&gap) {
        Some(text) => Expr::Literal(Value::Long(window_duration(text)?)),
        None => match data_type(&gap) {
            DataType::String | DataType::DayTimeInterval(..) => gap,
            _ => return Err(unexpected_input_type(site, 1, "(\"STRING\" or \"INTERVAL DAY TO SECOND\")", &gap)),
        },
    };
    Ok(vec![time, gap])
}

/// A group-by with `session_window` among its keys: the keys with the session window
/// replaced by a column computed first (sessions merged within the other keys), and
/// that column's definition. None without a session window.
pub fn session_keys(keys: &[crate::ir::NamedExpr]) -> Option<(Vec<crate::ir::NamedExpr>, crate::ir::NamedExpr)> {
    let at = keys.iter().position(|k| matches!(&k.expr, Expr::Call(c) if c.func == dt(SessionWindow)))?;
    let Expr::Call(call) = &keys[at].expr else { return None };
    let mut args = call.args.clone();
    args.extend(keys.iter().enumerate().filter(|(i, _)| *i != at).map(|(_, k)| k.expr.clone()));
    let merged = Expr::Call(Box::new(crate::ir::Call { func: dt(SessionWindowMerge), name: "session_window".into(), args, ..(**call).clone() }));
    let attr = crate::ir::Attribute { id: crate::analysis::new_attr_id(), ..keys[at].attr.clone() };
    let definition = crate::ir::NamedExpr { expr: merged, attr: attr.clone() };
    let mut rewritten = keys.to_vec();
    rewritten[at] = crate::ir::NamedExpr { expr: Expr::Attr(attr), attr: keys[at].attr.clone() };
    Some((rewritten, definition))
}

/// A tumbling window is never NULL (rows without a time are dropped); a sliding one,
/// built as Spark's Expand, is nullable.
fn window_nullable(args: &[Expr], _: &[bool], _: &Conf) -> bool {
    matches!((args.get(1), args.get(2)), (Some(Expr::Literal(Value::Long(w))), Some(Expr::Literal(Value::Long(s)))) if s < w)
}

fn window_name(_: &str, _: &[String], _: bool) -> String {
    "window".into()
}

/// A window duration (`'10 minutes'`, `'1 day 2 hours'`, `INTERVAL '1' HOUR`), in
/// microseconds: Spark's `IntervalUtils.stringToInterval`, where a month is too long.
pub fn window_duration(text: &str) -> std::result::Result<i64, crate::error::Error> {
    let cannot = || {
        crate::error::Error::analysis(
            "CANNOT_PARSE_INTERVAL",
            format!("Unable to parse '{text}'. Please ensure that the value provided is in a valid format for defining an interval. You can reference the documentation for the correct format. If the issue persists, please double check that the input value is not null or empty and try again."),
        )
    };
    let mut words: Vec<String> = text.split_whitespace().map(|w| w.to_lowercase()).collect();
    if words.first().map(String::as_str) == Some("interval") {
        words.remove(0);
    }
    // `INTERVAL '1' HOUR`: the quoted number.
    let words: Vec<String> = words.into_iter().map(|w| w.trim_matches('\'').to_string()).collect();
    if words.is_empty() || !words.len().is_multiple_of(2) {
        return Err(cannot());
    }
    let mut micros: i64 = 0;
    for pair in words.chunks(2) {
        let value: f64 = pair[0].parse().map_err(|_| cannot())?;
        let unit: i64 = match pair[1].trim_end_matches('s') {
            "microsecond" => 1,
            "millisecond" => 1000,
            "second" => 1_000_000,
            "minute" => 60_000_000,
            "hour" => 3_600_000_000,
            "day" => 86_400_000_000,
            "week" => 7 * 86_400_000_000,
            "month" | "year" => {
                return Err(crate::error::Error::new(
                    crate::error::ErrorKind::IllegalArgument,
                    "_LEGACY_ERROR_TEMP_3231",
                    format!("Intervals greater than a month is not supported ({text})."),
                ))
            }
            _ => return Err(cannot()),
        };
        micros = micros.checked_add((value * unit as f64) as i64).ok_or_else(cannot)?;
    }
    Ok(micros)
}

/// What `window` takes as its time, in Spark's words (it also takes a window struct).
const WINDOW_TIME: Expected = Expected::Named(
    &Expected::AnyTimestamp,
    "(\"(TIMESTAMP OR TIMESTAMP WITHOUT TIME ZONE)\" or \"STRUCT<start: TIMESTAMP, end: TIMESTAMP>\" or \"STRUCT<start: TIMESTAMP_NTZ, end: TIMESTAMP_NTZ>\")",
);

/// `window(time, '10 minutes'[, slide[, start]])`: the durations become microseconds
/// (as Spark's TimeWindow holds them). Sliding windows give several rows per input
/// row, which PyRust does not build.
fn window_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let mut args = args.into_iter();
    let time = args.next().expect("arity checked");
    let durations: Vec<i64> = args
        .map(|a| match field_literal(&a) {
            Some(text) => window_duration(text),
            None => Err(crate::error::Error::unsupported("window() with a duration that is not a string")),
        })
        .collect::<Result<_>>()?;
    let window = durations[0];
    let slide = durations.get(1).copied().unwrap_or(window);
    let start = durations.get(2).copied().unwrap_or(0);
    let shown = format!("window({}, {window}, {slide}, {start})", (site.text)(&time));
    let time_site = Site { conf: site.conf, shown: shown.clone(), text: site.text };
    let time = Inputs::Implicit(&[WINDOW_TIME]).coerce(vec![time], &time_site)?.remove(0);
    let violation = |class: &str, message: String| {
        Err(crate::error::Error::analysis(class, format!("Cannot resolve \"{shown}\" due to data type mismatch: {message}")))
    };
    // Given as parameters: the names hold parentheses, which reading the text back
    // through the template would split wrongly.
    let constraint = |left: &str, left_value: i64, op: &str, right: &str, right_value: i64| {
        let message = format!("The {left}({left_value}L) must be {op} the {right}({right_value}L).");
        violation("DATATYPE_MISMATCH.PARAMETER_CONSTRAINT_VIOLATION", message).map_err(|e: crate::error::Error| {
            e.with_param("sqlExpr", format!("\"{shown}\""))
                .with_param("leftExprName", left)
                .with_param("leftExprValue", format!("{left_value}L"))
                .with_param("constraint", op)
                .with_param("rightExprName", right)
                .with_param("rightExprValue", format!("{right_value}L"))
        })
    };
    if window <= 0 {
        return violation("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", format!("The `window_duration` must be between (0, {}] (current value = {window}L).", i64::MAX));
    }
    if slide <= 0 {
        return violation("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", format!("The `slide_duration` must be between (0, {}] (current value = {slide}L).", i64::MAX));
    }
    if slide > window {
        return constraint("`slide_duration`", slide, "<=", "`window_duration`", window);
    }
    if start.abs() >= slide {
        return constraint("`abs(start_time)`", start.abs(), "<", "`slide_duration`", slide);
    }
    // The fifth argument picks one of the overlapping windows of a sliding window
    // (`sliding_windows`); 0 is the latest, the only one of a tumbling window.
    Ok(vec![time, Expr::Literal(Value::Long(window)), Expr::Literal(Value::Long(slide)), Expr::Literal(Value::Long(start)), Expr::Literal(Value::Long(0))])
}

fn window_type(args: &[Expr], _: &Site) -> Result<DataType> {
    let t = data_type(&args[0]);
    Ok(DataType::Struct(vec![
        crate::ir::StructField::new("start", t.clone(), true),
        crate::ir::StructField::new("end", t, true),
    ]))
}

/// `window_time(w)`: a window struct.
fn window_time_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    match data_type(&args[0]) {
        DataType::Struct(fields) if fields.iter().any(|f| f.name == "end") => Ok(args),
        _ => Err(unexpected_input_type(site, 0, "\"STRUCT\"", &args[0])),
    }
}

fn window_call(e: &Expr) -> Option<&crate::ir::Call> {
    match e {
        Expr::Call(c) if matches!(c.func, Func::Datetime(Window | SessionWindow | SessionWindowMerge)) => Some(c),
        _ => None,
    }
}

/// The rows a projection or aggregation with `window(time, ...)` keeps: Spark drops
/// rows whose time is NULL. None without a window; more than one window is refused.
pub fn window_filter<'a>(exprs: impl Iterator<Item = &'a Expr>) -> Result<Option<Expr>> {
    let mut found: Vec<Expr> = vec![];
    for e in exprs {
        collect_windows(e, &mut found);
    }
    found.dedup();
    match found.len() {
        0 => Ok(None),
        1 => Ok(window_call(&found[0]).map(|c| Expr::IsNotNull(Box::new(c.args[0].clone())))),
        _ => Err(crate::error::Error::analysis(
            "_LEGACY_ERROR_TEMP_1039",
            "Multiple time/session window expressions would result in a cartesian product of rows, therefore they are currently not supported.",
        )),
    }
}

fn collect_windows(e: &Expr, out: &mut Vec<Expr>) {
    if window_call(e).is_some() {
        out.push(e.clone());
        return;
    }
    for child in e.children() {
        collect_windows(child, out);
    }
}

/// How many windows a sliding `window(...)` among `exprs` puts each row in
/// (`ceil(duration / slide)`, Spark's Expand), or None when every window tumbles.
pub fn sliding_windows<'a>(exprs: impl Iterator<Item = &'a Expr>) -> Option<i64> {
    let mut found = vec![];
    for e in exprs {
        collect_windows(e, &mut found);
    }
    found.iter().find_map(|w| {
        let c = window_call(w)?;
        let (Some(Expr::Literal(Value::Long(window))), Some(Expr::Literal(Value::Long(slide)))) = (c.args.get(1), c.args.get(2)) else {
            return None;
        };
        (c.func == dt(Window) && slide < window).then(|| (window + slide - 1) / slide)
    })
}

/// The expression with its `window(...)` taking the `index`-th overlapping window.
pub fn with_window_index(e: &Expr, index: i64) -> Expr {
    match e {
        Expr::Call(c) if c.func == dt(Window) => {
            let mut args = c.args.clone();
            if let Some(last) = args.get_mut(4) {
                *last = Expr::Literal(Value::Long(index));
            }
            Expr::Call(Box::new(crate::ir::Call { args, ..(**c).clone() }))
        }
        other => other.map_children(&mut |child| with_window_index(child, index)),
    }
}

/// The rows an overlapping window keeps: those whose time lies in it.
pub fn window_branch_condition<'a>(exprs: impl Iterator<Item = &'a Expr>, conf: &Conf, text: fn(&Expr) -> String) -> Result<Option<Expr>> {
    let mut found = vec![];
    for e in exprs {
        collect_windows(e, &mut found);
    }
    let Some(window) = found.into_iter().next() else { return Ok(None) };
    let Some(c) = window_call(&window) else { return Ok(None) };
    let time = c.args[0].clone();
    let field = |name: &str| {
        super::call(Func::Struct(crate::ir::function::StructFn::GetField), vec![window.clone(), Expr::Literal(Value::String(name.into()))], conf, text)
    };
    use crate::ir::BinaryOp::{And, Gt, LtEq};
    let inside = Expr::binary(And, Expr::binary(LtEq, field("start")?, time.clone()), Expr::binary(Gt, field("end")?, time));
    Ok(Some(inside))
}
