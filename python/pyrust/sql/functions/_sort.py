"""Sort functions: sort keys for `orderBy`."""

from pyrust.sql.column import Column, _to_col_expr
from pyrust.sql.functions._common import ColumnOrName

__all__ = ["asc", "desc", "asc_nulls_first", "asc_nulls_last", "desc_nulls_first", "desc_nulls_last"]


def asc(col: ColumnOrName) -> Column:
    return Column(_to_col_expr(col)).asc()


def desc(col: ColumnOrName) -> Column:
    return Column(_to_col_expr(col)).desc()


def asc_nulls_first(col: ColumnOrName) -> Column:
    return Column(_to_col_expr(col)).asc_nulls_first()


def asc_nulls_last(col: ColumnOrName) -> Column:
    return Column(_to_col_expr(col)).asc_nulls_last()


def desc_nulls_first(col: ColumnOrName) -> Column:
    return Column(_to_col_expr(col)).desc_nulls_first()


def desc_nulls_last(col: ColumnOrName) -> Column:
    return Column(_to_col_expr(col)).desc_nulls_last()
