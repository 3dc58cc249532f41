"""What every family module uses: calls into the Rust function registry and the
argument conversions PySpark's own forwards make."""

from typing import Any, Union

from pyrust import _native
from pyrust.sql.column import Column, _to_col_expr, _to_expr

ColumnOrName = Union[Column, str]


def invoke(name: str, *cols: Any, distinct: bool = False) -> Column:
    """A registry call whose arguments are columns or column names."""
    return Column(_native.call(name, [_to_col_expr(c) for c in cols], distinct))


def call(name: str, *args: Any) -> Column:
    """A registry call with already converted argument expressions."""
    return Column(_native.call(name, list(args)))


def col_expr(c: Any) -> Any:
    """A column or a column name, as an expression."""
    return _to_col_expr(c)


def lit_expr(v: Any) -> Any:
    """A column, or a Python value as a literal."""
    return _to_expr(v)


def col_or_lit(v: Any) -> Any:
    """A Column as it is, anything else (a str too) as a literal: PySpark's
    `_enum_to_value`/`lit` handling of non-column arguments such as patterns."""
    return _to_expr(v)


def int_or_col(v: Any) -> Any:
    """PySpark passes a Python int as a literal and anything else as a column."""
    return _to_expr(v) if isinstance(v, int) and not isinstance(v, bool) else _to_col_expr(v)
