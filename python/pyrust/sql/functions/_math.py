"""Mathematical functions."""

from typing import Optional, Union

from pyrust.sql.column import Column
from pyrust.sql.functions._common import ColumnOrName, call, col_expr, invoke, lit_expr

__all__ = ["abs", "round", "bround", "sqrt"]


def abs(col: ColumnOrName) -> Column:
    return invoke("abs", col)


def round(col: ColumnOrName, scale: Optional[Union[Column, int]] = None) -> Column:
    return call("round", col_expr(col), lit_expr(0 if scale is None else scale))


def bround(col: ColumnOrName, scale: Optional[Union[Column, int]] = None) -> Column:
    return call("bround", col_expr(col), lit_expr(0 if scale is None else scale))


def sqrt(col: ColumnOrName) -> Column:
    return invoke("sqrt", col)
