"""Checks of arguments that PySpark hands to the JVM unchecked.

There py4j fails (`Py4JError: Method limit([class java.lang.String]) does not exist`, a
NumberFormatException for an int beyond a long, a NullPointerException for None), an
error no PyRust class can match. PyRust raises PySpark's own error classes for the same
arguments instead (NOT_INT, NOT_STR, NOT_BOOL, VALUE_OUT_OF_BOUNDS), so such a call
fails as it does on PySpark and never succeeds on a silent default
(compat-tests/cases/hostile_arguments_generated.py, rule "unchecked")."""

from typing import Any

from pyrust.errors import PySparkTypeError, PySparkValueError

INT_MIN, INT_MAX = -(2**31), 2**31 - 1
LONG_MIN, LONG_MAX = -(2**63), 2**63 - 1


def _type_error(cls: str, name: str, value: Any) -> PySparkTypeError:
    from pyrust.sql.column import Column

    if isinstance(value, Column):
        iter(value)  # py4j iterates a Column it is handed: PySpark's NOT_ITERABLE comes first
    return PySparkTypeError(errorClass=cls, messageParameters={"arg_name": name, "arg_type": type(value).__name__})


def int_arg(value: Any, name: str, lo: int = INT_MIN, hi: int = INT_MAX) -> int:
    """An int the JVM takes as an Int (or a Long, with `lo`/`hi` the long's bounds)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise _type_error("NOT_INT", name, value)
    if not lo <= value <= hi:
        raise PySparkValueError(errorClass="VALUE_OUT_OF_BOUNDS", messageParameters={
            "arg_name": name, "lower_bound": str(lo), "upper_bound": str(hi), "actual": str(value)})
    return value


def long_arg(value: Any, name: str) -> int:
    return int_arg(value, name, LONG_MIN, LONG_MAX)


def str_arg(value: Any, name: str, none: bool = True) -> str:
    """A str the JVM takes as a String; None is its null, which most functions read as
    the NULL literal (`none=False` where the JVM dereferences it)."""
    if not isinstance(value, str) and not (none and value is None):
        raise _type_error("NOT_STR", name, value)
    return value


def bool_arg(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise _type_error("NOT_BOOL", name, value)
    return value


def column_or_str_arg(value: Any, name: str) -> Any:
    from pyrust.sql.column import Column

    if not isinstance(value, (Column, str)):
        raise _type_error("NOT_COLUMN_OR_STR", name, value)
    return value


def table_name_arg(value: Any, name: str) -> str:
    """A table name PySpark passes to the JVM's parser: a str, and not blank (Spark's
    PARSE_EMPTY_STATEMENT)."""
    from pyrust import _native

    str_arg(value, name, none=False)
    if not value.strip():
        _native.multipart_name(value)
    return value


def path_arg(value: Any) -> Any:
    """A path Hadoop's `new Path(...)` takes: null and "" are its IllegalArgumentException."""
    from pyrust.errors import IllegalArgumentException

    if value is None:
        raise IllegalArgumentException(message="Can not create a Path from a null string")
    if isinstance(value, str) and value == "":
        raise IllegalArgumentException(message="Can not create a Path from an empty string")
    return value
