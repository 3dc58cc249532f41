"""Date and timestamp functions."""

from typing import Optional, Union

from pyrust.errors import not_implemented
from pyrust.sql.column import Column
from pyrust.sql.functions._common import ColumnOrName, call, col_expr, int_or_col, invoke

__all__ = ["year", "quarter", "month", "dayofmonth", "day", "dayofweek", "dayofyear", "to_date", "date_add",
           "date_sub", "datediff"]


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
    if format is not None:
        raise not_implemented("to_date with a format (Java datetime patterns)")
    return invoke("to_date", col)


def date_add(start: ColumnOrName, days: Union[ColumnOrName, int]) -> Column:
    return call("date_add", col_expr(start), int_or_col(days))


def date_sub(start: ColumnOrName, days: Union[ColumnOrName, int]) -> Column:
    return call("date_sub", col_expr(start), int_or_col(days))


def datediff(end: ColumnOrName, start: ColumnOrName) -> Column:
    return invoke("datediff", end, start)
