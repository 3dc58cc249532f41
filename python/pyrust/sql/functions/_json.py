"""JSON functions."""

from pyrust.sql.column import Column
from pyrust.sql.functions._common import ColumnOrName, call, col_expr, invoke, lit_expr

__all__ = ["get_json_object", "json_array_length", "json_object_keys"]


def get_json_object(col: ColumnOrName, path: str) -> Column:
    return call("get_json_object", col_expr(col), lit_expr(path))


def json_array_length(col: ColumnOrName) -> Column:
    return invoke("json_array_length", col)


def json_object_keys(col: ColumnOrName) -> Column:
    return invoke("json_object_keys", col)
