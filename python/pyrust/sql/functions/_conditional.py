"""Conditional functions."""

from typing import Any

from pyrust import _native
from pyrust.errors import PySparkTypeError
from pyrust.sql.column import Column, _to_expr
from pyrust.sql.functions._common import ColumnOrName, invoke

__all__ = ["when", "coalesce"]


def when(condition: Column, value: Any) -> Column:
    if not isinstance(condition, Column):
        raise PySparkTypeError(message="condition should be a Column", errorClass="NOT_COLUMN",
                               messageParameters={"arg_name": "condition", "arg_type": type(condition).__name__})
    return Column(_native.case_when(condition._expr, _to_expr(value)))


def coalesce(*cols: ColumnOrName) -> Column:
    return invoke("coalesce", *cols)
