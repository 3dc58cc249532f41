"""Aggregate functions."""

from pyrust.sql.column import Column
from pyrust.sql.functions._common import ColumnOrName, call, col_expr, invoke, lit_expr

__all__ = ["count", "countDistinct", "count_distinct", "sum", "sum_distinct", "sumDistinct", "avg", "mean",
           "min", "max", "first", "last", "stddev", "stddev_samp", "std"]


def count(col: ColumnOrName) -> Column:
    return invoke("count", col)


def count_distinct(col: ColumnOrName, *cols: ColumnOrName) -> Column:
    return invoke("count", col, *cols, distinct=True)


countDistinct = count_distinct


def sum(col: ColumnOrName) -> Column:
    return invoke("sum", col)


def sum_distinct(col: ColumnOrName) -> Column:
    return invoke("sum", col, distinct=True)


sumDistinct = sum_distinct


def avg(col: ColumnOrName) -> Column:
    return invoke("avg", col)


def mean(col: ColumnOrName) -> Column:
    return invoke("avg", col)


def min(col: ColumnOrName) -> Column:
    return invoke("min", col)


def max(col: ColumnOrName) -> Column:
    return invoke("max", col)


def first(col: ColumnOrName, ignorenulls: bool = False) -> Column:
    return call("first", col_expr(col), lit_expr(ignorenulls))


def last(col: ColumnOrName, ignorenulls: bool = False) -> Column:
    return call("last", col_expr(col), lit_expr(ignorenulls))


def stddev(col: ColumnOrName) -> Column:
    return invoke("stddev", col)


def stddev_samp(col: ColumnOrName) -> Column:
    return invoke("stddev_samp", col)


def std(col: ColumnOrName) -> Column:
    return invoke("std", col)
