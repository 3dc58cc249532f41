"""Map functions."""

from typing import Any, Optional

from pyrust.sql.column import Column
from pyrust.sql.functions._common import ColumnOrName, call, col_expr, invoke, lit_expr

__all__ = ["create_map", "map_keys", "map_values", "map_entries", "map_contains_key", "map_from_arrays", "map_from_entries",
           "map_concat", "str_to_map"]


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


def map_from_arrays(col1: ColumnOrName, col2: ColumnOrName) -> Column:
    return invoke("map_from_arrays", col1, col2)


def map_from_entries(col: ColumnOrName) -> Column:
    return invoke("map_from_entries", col)


def map_concat(*cols: Any) -> Column:
    if len(cols) == 1 and isinstance(cols[0], (list, set)):
        cols = tuple(cols[0])
    return invoke("map_concat", *cols)


def str_to_map(text: ColumnOrName, pairDelim: Optional[ColumnOrName] = None, keyValueDelim: Optional[ColumnOrName] = None) -> Column:
    # As PySpark: the delimiters are column names unless given as Columns.
    pair = Column(lit_expr(",")) if pairDelim is None else pairDelim
    key_value = Column(lit_expr(":")) if keyValueDelim is None else keyValueDelim
    return invoke("str_to_map", text, pair, key_value)
