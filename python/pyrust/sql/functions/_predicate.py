"""Predicate functions."""

from typing import Optional

from pyrust.sql.column import Column, _to_col_expr
from pyrust.sql.functions._common import ColumnOrName, invoke

__all__ = ["isnull", "isnan", "rlike", "regexp", "regexp_like", "like", "ilike"]
__all__ += ["equal_null", "isnotnull"]


def isnull(col: ColumnOrName) -> Column:
    return Column(_to_col_expr(col).is_null())


def isnan(col: ColumnOrName) -> Column:
    return invoke("isnan", col)


def rlike(str: ColumnOrName, regexp: ColumnOrName) -> Column:
    return invoke("rlike", str, regexp)


def regexp(str: ColumnOrName, regexp: ColumnOrName) -> Column:
    return invoke("regexp", str, regexp)


def regexp_like(str: ColumnOrName, regexp: ColumnOrName) -> Column:
    return invoke("regexp_like", str, regexp)


def like(str: ColumnOrName, pattern: ColumnOrName, escapeChar: Optional[Column] = None) -> Column:
    if escapeChar is not None:
        return invoke("like", str, pattern, escapeChar)
    return invoke("like", str, pattern)


def equal_null(col1: ColumnOrName, col2: ColumnOrName) -> Column:
    return invoke("equal_null", col1, col2)


def isnotnull(col: ColumnOrName) -> Column:
    return invoke("isnotnull", col)


def ilike(str: ColumnOrName, pattern: ColumnOrName, escapeChar: Optional[Column] = None) -> Column:
    if escapeChar is not None:
        return invoke("ilike", str, pattern, escapeChar)
    return invoke("ilike", str, pattern)
