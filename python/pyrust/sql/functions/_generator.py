"""Generator functions: several rows per input row, at the top of a select list."""

from pyrust.sql.column import Column
from pyrust.sql.functions._common import ColumnOrName, invoke

__all__ = ["explode", "explode_outer", "posexplode", "posexplode_outer", "inline", "inline_outer", "stack"]


def explode(col: ColumnOrName) -> Column:
    return invoke("explode", col)


def explode_outer(col: ColumnOrName) -> Column:
    return invoke("explode_outer", col)


def posexplode(col: ColumnOrName) -> Column:
    return invoke("posexplode", col)


def posexplode_outer(col: ColumnOrName) -> Column:
    return invoke("posexplode_outer", col)


def inline(col: ColumnOrName) -> Column:
    return invoke("inline", col)


def inline_outer(col: ColumnOrName) -> Column:
    return invoke("inline_outer", col)


def stack(*cols: ColumnOrName) -> Column:
    return invoke("stack", *cols)
