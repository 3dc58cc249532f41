"""Conditional functions."""

from typing import Any

from pyrust import _native
from pyrust.errors import PySparkTypeError
from pyrust.sql.column import Column, _to_expr
from pyrust.sql.functions._common import ColumnOrName, invoke

__all__ = ["when", "coalesce", "ifnull", "nvl", "nvl2", "nullif", "nullifzero", "zeroifnull", "nanvl"]


def when(condition: Column, value: Any) -> Column:
    if not isinstance(condition, Column):
        raise PySparkTypeError(message="condition should be a Column", errorClass="NOT_COLUMN",
                               messageParameters={"arg_name": "condition", "arg_type": type(condition).__name__})
    return Column(_native.case_when(condition._expr, _to_expr(value)))


def coalesce(*cols: ColumnOrName) -> Column:
    return invoke("coalesce", *cols)


def ifnull(col1: ColumnOrName, col2: ColumnOrName) -> Column:
    return invoke("ifnull", col1, col2)


def nvl(col1: ColumnOrName, col2: ColumnOrName) -> Column:
    return invoke("nvl", col1, col2)


def nvl2(col1: ColumnOrName, col2: ColumnOrName, col3: ColumnOrName) -> Column:
    return invoke("nvl2", col1, col2, col3)


def nullif(col1: ColumnOrName, col2: ColumnOrName) -> Column:
    return invoke("nullif", col1, col2)


def nullifzero(col: ColumnOrName) -> Column:
    return invoke("nullifzero", col)


def zeroifnull(col: ColumnOrName) -> Column:
    return invoke("zeroifnull", col)


def nanvl(col1: ColumnOrName, col2: ColumnOrName) -> Column:
    return invoke("nanvl", col1, col2)
