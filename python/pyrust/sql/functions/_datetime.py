"""Date and timestamp functions.

Arguments are handled as PySpark 4.0.1 handles them: a pattern, unit or zone given as
a Python ``str`` where PySpark passes it to the JVM function is a literal (and a Column
there fails as not iterable, as in PySpark); a ``ColumnOrName`` argument given as a
``str`` is a column name."""

import decimal
from typing import Any, Optional, Union

from pyrust.errors import PySparkTypeError
from pyrust.sql.column import Column
from pyrust.sql._args import bool_arg, str_arg
from pyrust.sql.functions._common import ColumnOrName, call, col_expr, int_or_col, invoke, lit_expr

__all__ = [
    "year", "quarter", "month", "dayofmonth", "day", "dayofweek", "dayofyear", "to_date", "date_add", "date_sub",
    "datediff", "date_format", "from_unixtime", "unix_timestamp", "to_unix_timestamp", "to_timestamp",
    "to_timestamp_ltz", "to_timestamp_ntz", "try_to_timestamp", "current_date", "current_timestamp", "now",
    "localtimestamp", "curdate", "current_timezone", "hour", "minute", "second", "weekofyear", "weekday", "dayname",
    "monthname", "last_day", "next_day", "add_months", "months_between", "trunc", "date_trunc", "date_diff", "dateadd",
    "timestamp_add", "timestamp_diff", "date_part", "datepart", "extract", "make_date", "make_timestamp",
    "make_timestamp_ltz", "make_timestamp_ntz", "try_make_timestamp", "try_make_timestamp_ltz",
    "try_make_timestamp_ntz", "from_utc_timestamp", "to_utc_timestamp", "convert_timezone", "timestamp_seconds",
    "timestamp_millis", "timestamp_micros", "unix_seconds", "unix_millis", "unix_micros", "unix_date",
    "date_from_unix_date", "make_dt_interval", "make_ym_interval", "make_interval", "try_make_interval", "window",
    "window_time", "session_window",
]


def _unit(unit: Any, function: str) -> None:
    """PySpark passes the unit as lit(unit): None is the NULL literal, which Spark reads
    as the unit 'NULL'."""
    if unit is None:
        from pyrust.errors import IllegalArgumentException

        raise IllegalArgumentException(errorClass="INVALID_PARAMETER_VALUE.DATETIME_UNIT", messageParameters={
            "functionName": f"`{function}`", "invalidValue": "'NULL'", "parameter": "`unit`"})


def _text(value: Any) -> Any:
    """A Python value PySpark hands to the JVM as it is: a literal. A Column is not
    iterable there."""
    if isinstance(value, Column):
        iter(value)  # PySpark's NOT_ITERABLE
    return lit_expr(value)


# Parts of dates and times.

def year(col: ColumnOrName) -> Column:
    return invoke("year", col)


def quarter(col: ColumnOrName) -> Column:
    return invoke("quarter", col)


def month(col: ColumnOrName) -> Column:
    return invoke("month", col)


def dayofmonth(col: ColumnOrName) -> Column:
    return invoke("dayofmonth", col)


def day(col: ColumnOrName) -> Column:
    return invoke("day", col)


def dayofweek(col: ColumnOrName) -> Column:
    return invoke("dayofweek", col)


def dayofyear(col: ColumnOrName) -> Column:
    return invoke("dayofyear", col)


def hour(col: ColumnOrName) -> Column:
    return invoke("hour", col)


def minute(col: ColumnOrName) -> Column:
    return invoke("minute", col)


def second(col: ColumnOrName) -> Column:
    return invoke("second", col)


def weekofyear(col: ColumnOrName) -> Column:
    return invoke("weekofyear", col)


def weekday(col: ColumnOrName) -> Column:
    return invoke("weekday", col)


def dayname(col: ColumnOrName) -> Column:
    return invoke("dayname", col)


def monthname(col: ColumnOrName) -> Column:
    return invoke("monthname", col)


def last_day(date: ColumnOrName) -> Column:
    return invoke("last_day", date)


def date_part(field: Column, source: ColumnOrName) -> Column:
    return invoke("date_part", field, source)


def datepart(field: Column, source: ColumnOrName) -> Column:
    return invoke("datepart", field, source)


def extract(field: Column, source: ColumnOrName) -> Column:
    return invoke("extract", field, source)


# Calendar arithmetic.

def date_add(start: ColumnOrName, days: Union[ColumnOrName, int]) -> Column:
    return call("date_add", col_expr(start), int_or_col(days))


def dateadd(start: ColumnOrName, days: Union[ColumnOrName, int]) -> Column:
    return call("dateadd", col_expr(start), int_or_col(days))


def date_sub(start: ColumnOrName, days: Union[ColumnOrName, int]) -> Column:
    return call("date_sub", col_expr(start), int_or_col(days))


def datediff(end: ColumnOrName, start: ColumnOrName) -> Column:
    return invoke("datediff", end, start)


def date_diff(end: ColumnOrName, start: ColumnOrName) -> Column:
    return invoke("date_diff", end, start)


def add_months(start: ColumnOrName, months: Union[ColumnOrName, int]) -> Column:
    return call("add_months", col_expr(start), int_or_col(months))


def months_between(date1: ColumnOrName, date2: ColumnOrName, roundOff: bool = True) -> Column:
    bool_arg(roundOff, "roundOff")
    return call("months_between", col_expr(date1), col_expr(date2), _text(roundOff))


def next_day(date: ColumnOrName, dayOfWeek: str) -> Column:
    str_arg(dayOfWeek, "dayOfWeek", none=False)
    return call("next_day", col_expr(date), _text(dayOfWeek))


def trunc(date: ColumnOrName, format: str) -> Column:
    str_arg(format, "format")
    return call("trunc", col_expr(date), _text(format))


def date_trunc(format: str, timestamp: ColumnOrName) -> Column:
    str_arg(format, "format")
    return call("date_trunc", _text(format), col_expr(timestamp))


def timestamp_add(unit: str, quantity: ColumnOrName, ts: ColumnOrName) -> Column:
    _unit(unit, "timestamp_add")
    return call("timestampadd", _text(unit), col_expr(quantity), col_expr(ts))


def timestamp_diff(unit: str, start: ColumnOrName, end: ColumnOrName) -> Column:
    _unit(unit, "timestamp_diff")
    str_arg(unit, "unit")
    return call("timestampdiff", _text(unit), col_expr(start), col_expr(end))


# Java datetime patterns: printing and parsing.

def date_format(date: ColumnOrName, format: str) -> Column:
    str_arg(format, "format")
    return call("date_format", col_expr(date), _text(format))


def from_unixtime(timestamp: ColumnOrName, format: str = "yyyy-MM-dd HH:mm:ss") -> Column:
    return call("from_unixtime", col_expr(timestamp), _text(format))


def unix_timestamp(timestamp: Optional[ColumnOrName] = None, format: str = "yyyy-MM-dd HH:mm:ss") -> Column:
    if timestamp is None:
        return call("unix_timestamp")
    return call("unix_timestamp", col_expr(timestamp), _text(format))


def to_unix_timestamp(timestamp: ColumnOrName, format: Optional[ColumnOrName] = None) -> Column:
    if format is None:
        return invoke("to_unix_timestamp", timestamp)
    return invoke("to_unix_timestamp", timestamp, format)


def to_date(col: ColumnOrName, format: Optional[str] = None) -> Column:
    if format is None:
        return invoke("to_date", col)
    str_arg(format, "format")
    return call("to_date", col_expr(col), _text(format))


def to_timestamp(col: ColumnOrName, format: Optional[str] = None) -> Column:
    if format is None:
        return invoke("to_timestamp", col)
    str_arg(format, "format")
    return call("to_timestamp", col_expr(col), _text(format))


def to_timestamp_ltz(timestamp: ColumnOrName, format: Optional[ColumnOrName] = None) -> Column:
    if format is None:
        return invoke("to_timestamp_ltz", timestamp)
    return invoke("to_timestamp_ltz", timestamp, format)


def to_timestamp_ntz(timestamp: ColumnOrName, format: Optional[ColumnOrName] = None) -> Column:
    if format is None:
        return invoke("to_timestamp_ntz", timestamp)
    return invoke("to_timestamp_ntz", timestamp, format)


def try_to_timestamp(col: ColumnOrName, format: Optional[ColumnOrName] = None) -> Column:
    if format is None:
        return invoke("try_to_timestamp", col)
    return invoke("try_to_timestamp", col, format)


# The query's start time and the session's zone.

def current_date() -> Column:
    return call("current_date")


def curdate() -> Column:
    return call("curdate")


def current_timestamp() -> Column:
    return call("current_timestamp")


def now() -> Column:
    return call("now")


def localtimestamp() -> Column:
    return call("localtimestamp")


def current_timezone() -> Column:
    return call("current_timezone")


# Building dates and timestamps from fields.

def make_date(year: ColumnOrName, month: ColumnOrName, day: ColumnOrName) -> Column:
    return invoke("make_date", year, month, day)


def _make(name: str, parts: tuple, timezone: Optional[ColumnOrName]) -> Column:
    if timezone is None:
        return invoke(name, *parts)
    return invoke(name, *parts, timezone)


def make_timestamp(years: ColumnOrName, months: ColumnOrName, days: ColumnOrName, hours: ColumnOrName,
                   mins: ColumnOrName, secs: ColumnOrName, timezone: Optional[ColumnOrName] = None) -> Column:
    return _make("make_timestamp", (years, months, days, hours, mins, secs), timezone)


def make_timestamp_ltz(years: ColumnOrName, months: ColumnOrName, days: ColumnOrName, hours: ColumnOrName,
                       mins: ColumnOrName, secs: ColumnOrName, timezone: Optional[ColumnOrName] = None) -> Column:
    return _make("make_timestamp_ltz", (years, months, days, hours, mins, secs), timezone)


def make_timestamp_ntz(years: ColumnOrName, months: ColumnOrName, days: ColumnOrName, hours: ColumnOrName,
                       mins: ColumnOrName, secs: ColumnOrName) -> Column:
    return invoke("make_timestamp_ntz", years, months, days, hours, mins, secs)


def try_make_timestamp(years: ColumnOrName, months: ColumnOrName, days: ColumnOrName, hours: ColumnOrName,
                       mins: ColumnOrName, secs: ColumnOrName, timezone: Optional[ColumnOrName] = None) -> Column:
    return _make("try_make_timestamp", (years, months, days, hours, mins, secs), timezone)


def try_make_timestamp_ltz(years: ColumnOrName, months: ColumnOrName, days: ColumnOrName, hours: ColumnOrName,
                           mins: ColumnOrName, secs: ColumnOrName, timezone: Optional[ColumnOrName] = None) -> Column:
    return _make("try_make_timestamp_ltz", (years, months, days, hours, mins, secs), timezone)


def try_make_timestamp_ntz(years: ColumnOrName, months: ColumnOrName, days: ColumnOrName, hours: ColumnOrName,
                           mins: ColumnOrName, secs: ColumnOrName) -> Column:
    return invoke("try_make_timestamp_ntz", years, months, days, hours, mins, secs)


# Time zones.

def from_utc_timestamp(timestamp: ColumnOrName, tz: Union[Column, str]) -> Column:
    return call("from_utc_timestamp", col_expr(timestamp), lit_expr(tz))


def to_utc_timestamp(timestamp: ColumnOrName, tz: Union[Column, str]) -> Column:
    return call("to_utc_timestamp", col_expr(timestamp), lit_expr(tz))


def convert_timezone(sourceTz: Optional[Column], targetTz: Column, sourceTs: ColumnOrName) -> Column:
    if sourceTz is None:
        return invoke("convert_timezone", targetTz, sourceTs)
    return invoke("convert_timezone", sourceTz, targetTz, sourceTs)


# Seconds, milliseconds, microseconds and days since the epoch.

def timestamp_seconds(col: ColumnOrName) -> Column:
    return invoke("timestamp_seconds", col)


def timestamp_millis(col: ColumnOrName) -> Column:
    return invoke("timestamp_millis", col)


def timestamp_micros(col: ColumnOrName) -> Column:
    return invoke("timestamp_micros", col)


def unix_seconds(col: ColumnOrName) -> Column:
    return invoke("unix_seconds", col)


def unix_millis(col: ColumnOrName) -> Column:
    return invoke("unix_millis", col)


def unix_micros(col: ColumnOrName) -> Column:
    return invoke("unix_micros", col)


def unix_date(col: ColumnOrName) -> Column:
    return invoke("unix_date", col)


def date_from_unix_date(days: ColumnOrName) -> Column:
    return invoke("date_from_unix_date", days)


# Intervals: PySpark fills the missing parts with 0 (seconds as a DECIMAL 0).

def _part(value: Optional[ColumnOrName], seconds: bool = False) -> Any:
    if value is None:
        return lit_expr(decimal.Decimal(0) if seconds else 0)
    return col_expr(value)


def make_dt_interval(days: Optional[ColumnOrName] = None, hours: Optional[ColumnOrName] = None,
                     mins: Optional[ColumnOrName] = None, secs: Optional[ColumnOrName] = None) -> Column:
    return call("make_dt_interval", _part(days), _part(hours), _part(mins), _part(secs, True))


def make_ym_interval(years: Optional[ColumnOrName] = None, months: Optional[ColumnOrName] = None) -> Column:
    return call("make_ym_interval", _part(years), _part(months))


def make_interval(years: Optional[ColumnOrName] = None, months: Optional[ColumnOrName] = None,
                  weeks: Optional[ColumnOrName] = None, days: Optional[ColumnOrName] = None,
                  hours: Optional[ColumnOrName] = None, mins: Optional[ColumnOrName] = None,
                  secs: Optional[ColumnOrName] = None) -> Column:
    return call("make_interval", _part(years), _part(months), _part(weeks), _part(days), _part(hours), _part(mins),
                _part(secs, True))


def try_make_interval(years: Optional[ColumnOrName] = None, months: Optional[ColumnOrName] = None,
                      weeks: Optional[ColumnOrName] = None, days: Optional[ColumnOrName] = None,
                      hours: Optional[ColumnOrName] = None, mins: Optional[ColumnOrName] = None,
                      secs: Optional[ColumnOrName] = None) -> Column:
    return call("try_make_interval", _part(years), _part(months), _part(weeks), _part(days), _part(hours), _part(mins),
                _part(secs, True))


# Time windows for group-by (tumbling, sliding and session windows).

def window(timeColumn: ColumnOrName, windowDuration: str, slideDuration: Optional[str] = None,
           startTime: Optional[str] = None) -> Column:
    def check_string_field(field: Any, fieldName: str) -> None:
        if not field or type(field) is not str:
            raise PySparkTypeError(
                message=f"Argument `{fieldName}` should be a str, got {type(field).__name__}.",
                errorClass="NOT_STR",
                messageParameters={"arg_name": fieldName, "arg_type": type(field).__name__},
            )

    time_col = col_expr(timeColumn)
    check_string_field(windowDuration, "windowDuration")
    if slideDuration and startTime:
        check_string_field(slideDuration, "slideDuration")
        check_string_field(startTime, "startTime")
        return call("window", time_col, lit_expr(windowDuration), lit_expr(slideDuration), lit_expr(startTime))
    if slideDuration:
        check_string_field(slideDuration, "slideDuration")
        return call("window", time_col, lit_expr(windowDuration), lit_expr(slideDuration))
    if startTime:
        check_string_field(startTime, "startTime")
        return call("window", time_col, lit_expr(windowDuration), lit_expr(windowDuration), lit_expr(startTime))
    return call("window", time_col, lit_expr(windowDuration))


def window_time(windowColumn: ColumnOrName) -> Column:
    return call("window_time", col_expr(windowColumn))


def session_window(timeColumn: ColumnOrName, gapDuration: Union[Column, str]) -> Column:
    if gapDuration is None or not isinstance(gapDuration, (str, Column)):
        raise PySparkTypeError(
            message=f"Argument `gapDuration` should be a Column or str, got {type(gapDuration).__name__}.",
            errorClass="NOT_COLUMN_OR_STR",
            messageParameters={"arg_name": "gapDuration", "arg_type": type(gapDuration).__name__},
        )
    gap = lit_expr(gapDuration) if isinstance(gapDuration, str) else col_expr(gapDuration)
    return call("session_window", col_expr(timeColumn), gap)
