"""Collection functions: of strings, binaries and arrays alike."""

from pyrust.sql.column import Column
from pyrust.sql.functions._common import ColumnOrName, invoke

__all__ = ["concat", "reverse"]


def concat(*cols: ColumnOrName) -> Column:
    return invoke("concat", *cols)


def reverse(col: ColumnOrName) -> Column:
    return invoke("reverse", col)
