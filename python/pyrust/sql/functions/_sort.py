"""Sort functions: sort keys for `orderBy`."""

from pyrust import _native
from pyrust.sql.column import Column, _to_col_expr
from pyrust.sql.functions._common import ColumnOrName

__all__ = ["asc", "desc", "asc_nulls_first", "asc_nulls_last", "desc_nulls_first", "desc_nulls_last"]


def _key(col: ColumnOrName, function: str) -> Column:
    """A name is handed to the JVM's function itself (`functions.desc("a")`), whose
    origin names it (`"desc" was called from` the JVM's frame)."""
    return Column(_native.name_col(col, function) if isinstance(col, str) else _to_col_expr(col))


def asc(col: ColumnOrName) -> Column:
    return _key(col, "asc").asc()


def desc(col: ColumnOrName) -> Column:
    return _key(col, "desc").desc()


def asc_nulls_first(col: ColumnOrName) -> Column:
    return _key(col, "asc_nulls_first").asc_nulls_first()


def asc_nulls_last(col: ColumnOrName) -> Column:
    return _key(col, "asc_nulls_last").asc_nulls_last()


def desc_nulls_first(col: ColumnOrName) -> Column:
    return _key(col, "desc_nulls_first").desc_nulls_first()


def desc_nulls_last(col: ColumnOrName) -> Column:
    return _key(col, "desc_nulls_last").desc_nulls_last()
