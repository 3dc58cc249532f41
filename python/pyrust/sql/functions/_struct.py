"""Struct functions."""

from typing import Any

from pyrust.sql.column import Column
from pyrust.sql.functions._common import invoke

__all__ = ["struct", "named_struct"]


def struct(*cols: Any) -> Column:
    if len(cols) == 1 and isinstance(cols[0], (list, set)):
        cols = tuple(cols[0])
    return invoke("struct", *cols)


def named_struct(*cols: Any) -> Column:
    return invoke("named_struct", *cols)
