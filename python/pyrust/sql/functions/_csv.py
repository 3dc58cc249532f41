"""CSV functions."""

from typing import Mapping, Optional, Union

from pyrust.errors import PySparkTypeError
from pyrust.sql.column import Column
from pyrust.sql.functions._common import ColumnOrName, call, col_expr, lit_expr

__all__ = ["from_csv", "to_csv", "schema_of_csv"]


def _options(options: Optional[Mapping[str, str]]) -> list:
    """PySpark's options as the `map(...)` the registry reads (values as strings)."""
    if not options:
        return []
    pairs = []
    for k, v in options.items():
        pairs += [lit_expr(str(k)), lit_expr(str(v) if not isinstance(v, bool) else str(v).lower())]
    return [call("map", *pairs)._expr]


def from_csv(col: ColumnOrName, schema: Union[Column, str], options: Optional[Mapping[str, str]] = None) -> Column:
    if not isinstance(schema, (str, Column)):
        raise PySparkTypeError(
            errorClass="NOT_COLUMN_OR_STR",
            messageParameters={"arg_name": "schema", "arg_type": type(schema).__name__},
        )
    return call("from_csv", col_expr(col), lit_expr(schema), *_options(options))


def to_csv(col: ColumnOrName, options: Optional[Mapping[str, str]] = None) -> Column:
    return call("to_csv", col_expr(col), *_options(options))


def schema_of_csv(csv: Union[Column, str], options: Optional[Mapping[str, str]] = None) -> Column:
    if not isinstance(csv, (str, Column)):
        raise PySparkTypeError(
            errorClass="NOT_COLUMN_OR_STR",
            messageParameters={"arg_name": "csv", "arg_type": type(csv).__name__},
        )
    return call("schema_of_csv", lit_expr(csv), *_options(options))
