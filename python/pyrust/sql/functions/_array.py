"""Array functions."""

from typing import Any, Optional, Union

from pyrust.sql.column import Column
from pyrust.sql.functions._common import ColumnOrName, call, col_expr, int_or_col, invoke, lit_expr

__all__ = ["array_insert", "arrays_zip", "array_union", "array_intersect", "array_except", "arrays_overlap", "array_repeat", "flatten", "slice", "array_append", "array_prepend", "array", "array_size", "array_contains", "array_position", "array_remove", "array_min", "array_max",
           "array_distinct", "sort_array", "array_compact", "array_join", "get", "sequence"]


def array_size(col: ColumnOrName) -> Column:
    return invoke("array_size", col)


def array_contains(col: ColumnOrName, value: Any) -> Column:
    return call("array_contains", col_expr(col), lit_expr(value))


def array_position(col: ColumnOrName, value: Any) -> Column:
    return call("array_position", col_expr(col), lit_expr(value))


def array_remove(col: ColumnOrName, element: Any) -> Column:
    return call("array_remove", col_expr(col), lit_expr(element))


def array_min(col: ColumnOrName) -> Column:
    return invoke("array_min", col)


def array_max(col: ColumnOrName) -> Column:
    return invoke("array_max", col)


def array_distinct(col: ColumnOrName) -> Column:
    return invoke("array_distinct", col)


def sort_array(col: ColumnOrName, asc: bool = True) -> Column:
    return call("sort_array", col_expr(col), lit_expr(asc))


def array_compact(col: ColumnOrName) -> Column:
    return invoke("array_compact", col)


def array_join(col: ColumnOrName, delimiter: str, null_replacement: Optional[str] = None) -> Column:
    if null_replacement is None:
        return call("array_join", col_expr(col), lit_expr(delimiter))
    return call("array_join", col_expr(col), lit_expr(delimiter), lit_expr(null_replacement))


def get(col: ColumnOrName, index: Union[ColumnOrName, int]) -> Column:
    return call("get", col_expr(col), int_or_col(index))


def array(*cols: Any) -> Column:
    if len(cols) == 1 and isinstance(cols[0], (list, set)):
        cols = tuple(cols[0])
    return invoke("array", *cols)


def slice(x: ColumnOrName, start: Union[ColumnOrName, int], length: Union[ColumnOrName, int]) -> Column:
    return call("slice", col_expr(x), int_or_col(start), int_or_col(length))


def array_append(col: ColumnOrName, value: Any) -> Column:
    return call("array_append", col_expr(col), lit_expr(value))


def array_prepend(col: ColumnOrName, value: Any) -> Column:
    return call("array_prepend", col_expr(col), lit_expr(value))


def flatten(col: ColumnOrName) -> Column:
    return invoke("flatten", col)


def array_union(col1: ColumnOrName, col2: ColumnOrName) -> Column:
    return invoke("array_union", col1, col2)


def array_intersect(col1: ColumnOrName, col2: ColumnOrName) -> Column:
    return invoke("array_intersect", col1, col2)


def array_except(col1: ColumnOrName, col2: ColumnOrName) -> Column:
    return invoke("array_except", col1, col2)


def arrays_overlap(a1: ColumnOrName, a2: ColumnOrName) -> Column:
    return invoke("arrays_overlap", a1, a2)


def array_repeat(col: ColumnOrName, count: Union[ColumnOrName, int]) -> Column:
    return call("array_repeat", col_expr(col), int_or_col(count))


def arrays_zip(*cols: ColumnOrName) -> Column:
    return invoke("arrays_zip", *cols)


def array_insert(arr: ColumnOrName, pos: Union[ColumnOrName, int], value: Any) -> Column:
    # As PySpark: an int position is a literal, a str a column name; the value a literal.
    pos_expr = lit_expr(pos) if isinstance(pos, int) else col_expr(pos)
    return call("array_insert", col_expr(arr), pos_expr, lit_expr(value))


def sequence(start: ColumnOrName, stop: ColumnOrName, step: Optional[ColumnOrName] = None) -> Column:
    if step is None:
        return invoke("sequence", start, stop)
    return invoke("sequence", start, stop, step)
