"""Date and timestamp functions."""

from typing import Optional, Union

from pyrust.sql.column import Column
from pyrust.sql.functions._common import ColumnOrName, call, col_expr, int_or_col, invoke, lit_expr

__all__ = ["year", "quarter", "month", "dayofmonth", "day", "dayofweek", "dayofyear", "to_date", "date_add",
           "date_sub", "datediff", "date_format", "from_unixtime", "unix_timestamp", "to_unix_timestamp", "to_timestamp",
           "to_timestamp_ltz", "to_timestamp_ntz", "try_to_timestamp", "current_date", "current_timestamp", "now",
           "localtimestamp", "curdate", "current_timezone"]


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


def to_date(col: ColumnOrName, format: Optional[str] = None) -> Column:
    if format is None:
        return invoke("to_date", col)
    return call("to_date", col_expr(col), _text(format))


def date_add(start: ColumnOrName, days: Union[ColumnOrName, int]) -> Column:
    return call("date_add", col_expr(start), int_or_col(days))


def date_sub(start: ColumnOrName, days: Union[ColumnOrName, int]) -> Column:
    return call("date_sub", col_expr(start), int_or_col(days))


def datediff(end: ColumnOrName, start: ColumnOrName) -> Column:
    return invoke("datediff", end, start)


# Java datetime patterns: a format given as a Python str is a literal (PySpark passes
# it to the JVM function as a string, and a Column there fails as not iterable); the
# ColumnOrName formats are columns.

def _text(value: str) -> Column:
    if isinstance(value, Column):
        iter(value)  # PySpark's NOT_ITERABLE
    return lit_expr(value)


def date_format(date: ColumnOrName, format: str) -> Column:
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


def to_timestamp(col: ColumnOrName, format: Optional[str] = None) -> Column:
    if format is None:
        return invoke("to_timestamp", col)
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
