"""Normal functions: columns, literals and SQL expressions."""

from typing import Any

from pyrust import _native
from pyrust.errors import PySparkTypeError
from pyrust.sql.column import Column, _to_expr

__all__ = ["col", "column", "lit", "expr", "broadcast"]


def col(col: str) -> Column:
    if not isinstance(col, str):
        raise PySparkTypeError(message=f"Argument `col` should be a str, got {type(col).__name__}.", errorClass="NOT_STR",
                               messageParameters={"arg_name": "col", "arg_type": type(col).__name__})
    return Column(_native.col(col))


column = col


def lit(col: Any) -> Column:
    if isinstance(col, Column):
        return col
    if isinstance(col, (list, tuple)):
        from pyrust.errors import not_implemented

        raise not_implemented("lit of a list (array literals)")
    return Column(_to_expr(col))


def expr(str: str) -> Column:
    return Column(_native.parse_expr(str), repr_text=str)


def broadcast(df: Any) -> Any:
    """A join hint; one machine has nothing to broadcast, so the DataFrame is returned."""
    return df
