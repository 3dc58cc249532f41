"""Window functions: valid only in ``Column.over``."""

from typing import Any, Optional

from pyrust.errors import PySparkTypeError
from pyrust.sql.column import Column
from pyrust.sql.functions._common import ColumnOrName, call, col_expr, lit_expr

__all__ = ["row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "nth_value"]


def _plain(value: Any) -> Any:
    # PySpark hands these arguments to the JVM as plain values; py4j cannot take a
    # Column there and fails iterating it.
    if isinstance(value, Column):
        raise PySparkTypeError(message="Column is not iterable.", errorClass="NOT_ITERABLE",
                               messageParameters={"objectName": "Column"})
    return lit_expr(value)


def row_number() -> Column:
    return call("row_number")


def rank() -> Column:
    return call("rank")


def dense_rank() -> Column:
    return call("dense_rank")


def percent_rank() -> Column:
    return call("percent_rank")


def cume_dist() -> Column:
    return call("cume_dist")


def ntile(n: int) -> Column:
    return call("ntile", lit_expr(int(n)))


def lag(col: ColumnOrName, offset: int = 1, default: Optional[Any] = None) -> Column:
    return call("lag", col_expr(col), _plain(offset), _plain(default), lit_expr(False))


def lead(col: ColumnOrName, offset: int = 1, default: Optional[Any] = None) -> Column:
    return call("lead", col_expr(col), _plain(offset), _plain(default), lit_expr(False))


def nth_value(col: ColumnOrName, offset: int, ignoreNulls: Optional[bool] = False) -> Column:
    return call("nth_value", col_expr(col), _plain(offset), _plain(ignoreNulls))
