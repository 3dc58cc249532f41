"""Misc functions."""

from typing import Optional, Union

from pyrust.errors import PySparkTypeError
from pyrust.sql.column import Column
from pyrust.sql.functions._common import ColumnOrName, call, col_expr, invoke, lit_expr

__all__ = [
    "monotonically_increasing_id", "spark_partition_id", "typeof", "assert_true", "raise_error",
    "current_catalog", "current_database", "current_schema", "current_user", "user", "session_user",
    "version", "input_file_name", "aes_encrypt", "aes_decrypt", "try_aes_decrypt",
    "bitmap_bit_position", "bitmap_bucket_number", "bitmap_count",
]


def monotonically_increasing_id() -> Column:
    return call("monotonically_increasing_id")


def spark_partition_id() -> Column:
    return call("spark_partition_id")


def typeof(col: ColumnOrName) -> Column:
    return invoke("typeof", col)


def _message(errMsg: Union[Column, str]) -> object:
    if not isinstance(errMsg, (str, Column)):
        raise PySparkTypeError(
            message=f"Argument `errMsg` should be a Column or str, got {type(errMsg).__name__}.",
            errorClass="NOT_COLUMN_OR_STR",
            messageParameters={"arg_name": "errMsg", "arg_type": type(errMsg).__name__},
        )
    return lit_expr(errMsg)


def assert_true(col: ColumnOrName, errMsg: Optional[Union[Column, str]] = None) -> Column:
    if errMsg is None:
        return invoke("assert_true", col)
    return call("assert_true", col_expr(col), _message(errMsg))


def raise_error(errMsg: Union[Column, str]) -> Column:
    return call("raise_error", _message(errMsg))


def current_catalog() -> Column:
    return call("current_catalog")


def current_database() -> Column:
    return call("current_database")


def current_schema() -> Column:
    return call("current_schema")


def current_user() -> Column:
    return call("current_user")


def user() -> Column:
    return call("user")


def session_user() -> Column:
    return call("session_user")


def version() -> Column:
    return call("version")


def input_file_name() -> Column:
    return call("input_file_name")


def _or_default(c: Optional[ColumnOrName], default: str) -> object:
    """PySpark fills an omitted AES argument with a literal; a str given is a column name."""
    return lit_expr(default) if c is None else col_expr(c)


def aes_encrypt(input: ColumnOrName, key: ColumnOrName, mode: Optional[ColumnOrName] = None,
                padding: Optional[ColumnOrName] = None, iv: Optional[ColumnOrName] = None,
                aad: Optional[ColumnOrName] = None) -> Column:
    return call("aes_encrypt", col_expr(input), col_expr(key), _or_default(mode, "GCM"),
                _or_default(padding, "DEFAULT"), _or_default(iv, ""), _or_default(aad, ""))


def aes_decrypt(input: ColumnOrName, key: ColumnOrName, mode: Optional[ColumnOrName] = None,
                padding: Optional[ColumnOrName] = None, aad: Optional[ColumnOrName] = None) -> Column:
    return call("aes_decrypt", col_expr(input), col_expr(key), _or_default(mode, "GCM"),
                _or_default(padding, "DEFAULT"), _or_default(aad, ""))


def try_aes_decrypt(input: ColumnOrName, key: ColumnOrName, mode: Optional[ColumnOrName] = None,
                    padding: Optional[ColumnOrName] = None, aad: Optional[ColumnOrName] = None) -> Column:
    return call("try_aes_decrypt", col_expr(input), col_expr(key), _or_default(mode, "GCM"),
                _or_default(padding, "DEFAULT"), _or_default(aad, ""))


def bitmap_bit_position(col: ColumnOrName) -> Column:
    return invoke("bitmap_bit_position", col)


def bitmap_bucket_number(col: ColumnOrName) -> Column:
    return invoke("bitmap_bucket_number", col)


def bitmap_count(col: ColumnOrName) -> Column:
    return invoke("bitmap_count", col)
