"""JSON functions."""

from typing import Any, Mapping, Optional, Union

from pyrust.errors import PySparkTypeError, PySparkValueError
from pyrust.sql.column import Column
from pyrust.sql.functions._common import ColumnOrName, call, col_expr, invoke, lit_expr
from pyrust.sql.functions._csv import _options

__all__ = ["get_json_object", "json_array_length", "json_object_keys", "schema_of_json", "to_json", "from_json", "json_tuple"]


def get_json_object(col: ColumnOrName, path: str) -> Column:
    return call("get_json_object", col_expr(col), lit_expr(path))


def json_array_length(col: ColumnOrName) -> Column:
    return invoke("json_array_length", col)


def json_object_keys(col: ColumnOrName) -> Column:
    return invoke("json_object_keys", col)


def schema_of_json(json: Union[Column, str], options: Optional[Mapping[str, str]] = None) -> Column:
    if not isinstance(json, (str, Column)):
        raise PySparkTypeError(
            errorClass="NOT_COLUMN_OR_STR",
            messageParameters={"arg_name": "json", "arg_type": type(json).__name__},
        )
    return call("schema_of_json", lit_expr(json), *_options(options))


def to_json(col: ColumnOrName, options: Optional[Mapping[str, str]] = None) -> Column:
    return call("to_json", col_expr(col), *_options(options))


def from_json(col: ColumnOrName, schema: Union[Any, Column, str], options: Optional[Mapping[str, str]] = None) -> Column:
    from pyrust.sql.types import DataType

    if isinstance(schema, DataType):
        schema = schema.json()
    elif isinstance(schema, Column):
        pass
    return call("from_json", col_expr(col), lit_expr(schema), *_options(options))


def json_tuple(col: ColumnOrName, *fields: str) -> Column:
    if len(fields) == 0:
        raise PySparkValueError(errorClass="CANNOT_BE_EMPTY", messageParameters={"item": "field"})
    return call("json_tuple", col_expr(col), *[lit_expr(f) for f in fields])
