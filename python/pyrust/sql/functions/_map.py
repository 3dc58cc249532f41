"""Map functions."""

from typing import Any

from pyrust.sql.column import Column
from pyrust.sql.functions._common import ColumnOrName, call, col_expr, invoke, lit_expr

__all__ = ["create_map", "map_keys", "map_values", "map_entries", "map_contains_key"]


def map_keys(col: ColumnOrName) -> Column:
    return invoke("map_keys", col)


def map_values(col: ColumnOrName) -> Column:
    return invoke("map_values", col)


def map_entries(col: ColumnOrName) -> Column:
    return invoke("map_entries", col)


def map_contains_key(col: ColumnOrName, value: Any) -> Column:
    return call("map_contains_key", col_expr(col), lit_expr(value))


def create_map(*cols: Any) -> Column:
    if len(cols) == 1 and isinstance(cols[0], (list, set)):
        cols = tuple(cols[0])
    return invoke("map", *cols)
