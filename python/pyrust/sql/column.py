"""``pyspark.sql.Column``: an expression, recorded and checked only when a
DataFrame uses it."""

import json
import os
import sys
from typing import Any, Optional, Union

from pyrust import _native
from pyrust.errors import PySparkTypeError, PySparkValueError
from pyrust.sql.types import DataType, _parse_datatype_string

__all__ = ["Column"]


def _to_expr(value: Any) -> "_native.Expr":
    """A Column's expression, or a literal for a Python value."""
    if isinstance(value, Column):
        return value._expr
    from pyrust.sql._values import literal_type, normalise

    t = literal_type(value)
    return _native.lit(normalise(value, t), t.json())


def _not_none(value: Any, name: str = "other") -> Any:
    """PySpark hands None to a JVM method taking a Column: its NullPointerException."""
    if value is None:
        raise PySparkTypeError(errorClass="CANNOT_BE_NONE", messageParameters={"arg_name": name})
    return value


def _to_col_expr(value: Any) -> "_native.Expr":
    """A Column's expression, or a column reference for a name (PySpark's
    ``_to_java_column``: the JVM's ``col``, whose errors name it and the JVM's call
    site)."""
    if isinstance(value, Column):
        return value._expr
    if isinstance(value, str):
        return _native.name_col(value)
    raise PySparkTypeError(
        message=f"Argument `col` should be a Column or str, got {type(value).__name__}.",
        errorClass="NOT_COLUMN_OR_STR",
        messageParameters={"arg_name": "col", "arg_type": type(value).__name__},
    )


def _type_json(dataType: Union[DataType, str]) -> str:
    if isinstance(dataType, str):
        try:
            dataType = _parse_datatype_string(dataType)
        except Exception:
            # Spark's Column.cast parses one type (parseDataType): that parser's error.
            from pyrust import _native

            _native.ddl_type_json(dataType)
            raise
    if not isinstance(dataType, DataType):
        raise PySparkTypeError(
            message=f"Argument `dataType` should be a DataType or str, got {type(dataType).__name__}.",
            errorClass="NOT_DATATYPE_OR_STR",
            messageParameters={"arg_name": "dataType", "arg_type": type(dataType).__name__},
        )
    return dataType.json()


# PyRust's own code, which a call site skips (PySpark skips the pyspark package).
_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep


# `spark.sql.stackTracesInDataFrameContext`: how many frames a call site lists (set
# through `spark.conf`, for the process; PySpark reads the active session's).
_call_site_depth = 1


def _call_site() -> str:
    """Where user code called the Column method that calls this: PySpark's
    ``_capture_call_site`` (``path:line`` of the first frames outside the package, one
    a line), recorded on the expressions that can fail as they run (their errors'
    ``== DataFrame ==`` context). ``sys._getframe`` and a line number: cheap enough for
    every such Column built."""
    frame = sys._getframe(2)
    sites = []
    while frame is not None and len(sites) < _call_site_depth:
        code = frame.f_code
        if not code.co_filename.startswith(_PACKAGE):
            sites.append(f"{code.co_filename}:{frame.f_lineno}")
        frame = frame.f_back
    return "\n".join(sites)


def _binary(op: str, reverse: bool = False, name: Optional[str] = None):
    """The Column method `name` for `op`; an operation that can fail as it runs
    (arithmetic: overflow, division by zero) is given its name and call site as
    PySpark gives them (its error's ``== DataFrame ==`` context)."""

    def method(self: "Column", other: Any) -> "Column":
        other_expr = _to_expr(other)
        site = _call_site() if name is not None else None
        if reverse:
            return Column(other_expr.binary(op, self._expr, name, site))
        return Column(self._expr.binary(op, other_expr, name, site))

    if name is not None:
        method.__name__ = name
    return method


class Column:
    """A column expression."""

    __slots__ = ("_expr", "_repr_text")

    def __init__(self, expr: "_native.Expr", repr_text: Optional[str] = None):
        self._expr = expr
        self._repr_text = repr_text

    # arithmetic
    __add__ = _binary("+", name="__add__")
    # PySpark keeps the column first for commutative operators: `1 + c` is `(c + 1)`.
    __radd__ = _binary("+", name="__radd__")
    __sub__ = _binary("-", name="__sub__")
    __rsub__ = _binary("-", reverse=True, name="__rsub__")
    __mul__ = _binary("*", name="__mul__")
    __rmul__ = _binary("*", name="__rmul__")
    __truediv__ = _binary("/", name="__truediv__")
    __rtruediv__ = _binary("/", reverse=True, name="__rtruediv__")
    __div__ = __truediv__
    __mod__ = _binary("%", name="__mod__")
    __rmod__ = _binary("%", reverse=True, name="__rmod__")

    def __neg__(self) -> "Column":
        return Column(self._expr.negate())

    # comparison
    __eq__ = _binary("=")  # type: ignore[assignment]
    __lt__ = _binary("<")
    __le__ = _binary("<=")
    __gt__ = _binary(">")
    __ge__ = _binary(">=")

    def __ne__(self, other: Any) -> "Column":  # type: ignore[override]
        return Column(self._expr.binary("=", _to_expr(other)).not_())

    def eqNullSafe(self, other: Any) -> "Column":
        return Column(self._expr.binary("<=>", _to_expr(other)))

    # logic
    __and__ = _binary("and")
    __rand__ = _binary("and")
    __or__ = _binary("or")
    __ror__ = _binary("or")

    # bitwise (Spark's `&`, `|`, `^` functions)
    def bitwiseAND(self, other: Any) -> "Column":
        return Column(_native.call("&", [self._expr, _to_expr(other)]))

    def bitwiseOR(self, other: Any) -> "Column":
        return Column(_native.call("|", [self._expr, _to_expr(other)]))

    def bitwiseXOR(self, other: Any) -> "Column":
        return Column(_native.call("^", [self._expr, _to_expr(other)]))

    def __invert__(self) -> "Column":
        return Column(self._expr.not_())

    def __bool__(self) -> bool:
        raise PySparkValueError(
            message="Cannot convert column into bool: please use '&' for 'and', '|' for 'or', '~' for 'not' when building DataFrame boolean expressions.",
            errorClass="CANNOT_CONVERT_COLUMN_INTO_BOOL",
            messageParameters={},
        )

    __nonzero__ = __bool__

    def __contains__(self, item: Any) -> None:
        raise PySparkValueError(
            message="Cannot apply 'in' operator against a column: please use 'contains' in a string column or 'array_contains' function for an array column.",
            errorClass="CANNOT_APPLY_IN_FOR_COLUMN",
            messageParameters={},
        )

    def __iter__(self) -> None:
        raise PySparkTypeError(message="Column is not iterable.", errorClass="NOT_ITERABLE", messageParameters={"objectName": "Column"})

    __hash__ = None  # type: ignore[assignment]

    def outer(self) -> "Column":
        return Column(self._expr.outer())

    # null tests and membership
    def isNull(self) -> "Column":
        return Column(self._expr.is_null())

    def isNotNull(self) -> "Column":
        return Column(self._expr.is_not_null())

    def isNaN(self) -> "Column":
        """Spark's IsNaN, as `isnan(col)`."""
        from pyrust.sql.functions import isnan

        return isnan(self)

    def isin(self, *cols: Any) -> "Column":
        if len(cols) == 1 and isinstance(cols[0], (list, set, tuple)):
            cols = tuple(cols[0])
        return Column(self._expr.isin([_to_expr(c) for c in cols]))

    def between(self, lowerBound: Any, upperBound: Any) -> "Column":
        return (self >= lowerBound) & (self <= upperBound)

    # strings
    def _call(self, name: str, *args: Any) -> "Column":
        return Column(_native.call(name, [self._expr] + [_to_expr(a) for a in args]))

    def _pattern_call(self, name: str, other: Any) -> "Column":
        # PySpark hands the pattern to the JVM as a Python string: a Column fails there.
        if isinstance(other, Column):
            iter(other)
        if other is not None and not isinstance(other, str):  # the JVM's like(String): py4j fails
            raise PySparkTypeError(errorClass="NOT_STR", messageParameters={"arg_name": "other", "arg_type": type(other).__name__})
        return self._call(name, other)

    def like(self, other: str) -> "Column":
        return self._pattern_call("like", other)

    def rlike(self, other: str) -> "Column":
        return self._pattern_call("rlike", other)

    def ilike(self, other: str) -> "Column":
        return self._pattern_call("ilike", other)

    def startswith(self, other: Any) -> "Column":
        return self._call("startswith", _not_none(other))

    def endswith(self, other: Any) -> "Column":
        return self._call("endswith", _not_none(other))

    def contains(self, other: Any) -> "Column":
        return self._call("contains", other)

    def substr(self, startPos: Any, length: Any) -> "Column":
        if type(startPos) is not type(length):
            raise PySparkTypeError(
                message="startPos and length must be the same type.",
                errorClass="NOT_SAME_TYPE",
                messageParameters={"arg_name1": "startPos", "arg_name2": "length",
                                   "arg_type1": type(startPos).__name__, "arg_type2": type(length).__name__},
            )
        return self._call("substr", startPos, length)

    # nested data
    def getItem(self, key: Any) -> "Column":
        # PySpark's getItem is `self[key]`: its errors name `__getitem__`.
        return Column(_native.get_item(self._expr, _to_expr(key), _call_site()))

    def getField(self, name: str) -> "Column":
        if not isinstance(name, str):
            # Spark extracts with any key here: an array's element for a number.
            return self.getItem(name)
        return Column(_native.get_field(self._expr, name))

    def withField(self, fieldName: str, col: "Column") -> "Column":
        if not isinstance(fieldName, str):
            raise PySparkTypeError(errorClass="NOT_STR",
                                   messageParameters={"arg_name": "fieldName", "arg_type": type(fieldName).__name__})
        if not isinstance(col, Column):
            raise PySparkTypeError(errorClass="NOT_COLUMN",
                                   messageParameters={"arg_name": "col", "arg_type": type(col).__name__})
        return Column(_native.with_field(self._expr, fieldName, col._expr))

    def dropFields(self, *fieldNames: str) -> "Column":
        if not fieldNames:
            # Scala's dropFields folds over fieldNames.tail.
            from pyrust.errors import UnsupportedOperationException

            raise UnsupportedOperationException("tail of empty list")
        expr = self._expr
        for name in fieldNames:
            if not isinstance(name, str):
                raise PySparkTypeError(errorClass="NOT_STR",
                                       messageParameters={"arg_name": "fieldNames", "arg_type": type(name).__name__})
            expr = _native.drop_field(expr, name)
        return Column(expr)

    def __getitem__(self, k: Any) -> "Column":
        if isinstance(k, slice):
            if k.step is not None:
                raise PySparkValueError(message="slice with step is not supported.", errorClass="SLICE_WITH_STEP", messageParameters={})
            return self.substr(k.start, k.stop)
        return Column(_native.get_item(self._expr, _to_expr(k), _call_site()))

    def __getattr__(self, item: str) -> "Column":
        if item.startswith("__"):
            raise AttributeError(item)
        return self.getField(item)

    # naming and types
    def alias(self, *alias: str, **kwargs: Any) -> "Column":
        metadata = kwargs.pop("metadata", None)
        assert not kwargs, "Unexpected kwargs where passed: %s" % kwargs
        if len(alias) == 1:
            # As PySpark: an empty dict is no metadata (the column keeps its own).
            return Column(self._expr.alias(alias[0], json.dumps(metadata) if metadata else None))
        if metadata is not None:
            raise PySparkValueError(errorClass="ONLY_ALLOWED_FOR_SINGLE_COLUMN", messageParameters={"arg_name": "metadata"})
        # Several names are for a generator's columns; analysis refuses them elsewhere.
        return Column(self._expr.multi_alias(list(alias)))

    name = alias

    def cast(self, dataType: Union[DataType, str]) -> "Column":
        return Column(self._expr.cast(_type_json(dataType), False, _call_site()))

    astype = cast

    def try_cast(self, dataType: Union[DataType, str]) -> "Column":
        return Column(self._expr.cast(_type_json(dataType), True))

    # conditionals
    def when(self, condition: "Column", value: Any) -> "Column":
        if not isinstance(condition, Column):
            raise PySparkTypeError(message="condition should be a Column", errorClass="NOT_COLUMN",
                                   messageParameters={"arg_name": "condition", "arg_type": type(condition).__name__})
        return Column(self._expr.when(condition._expr, _to_expr(value)))

    def otherwise(self, value: Any) -> "Column":
        return Column(self._expr.otherwise(_to_expr(value)))

    # ordering
    def asc(self) -> "Column":
        return Column(self._expr.sort(True, True))

    def asc_nulls_first(self) -> "Column":
        return Column(self._expr.sort(True, True))

    def asc_nulls_last(self) -> "Column":
        return Column(self._expr.sort(True, False))

    def desc(self) -> "Column":
        return Column(self._expr.sort(False, False))

    def desc_nulls_first(self) -> "Column":
        return Column(self._expr.sort(False, True))

    def desc_nulls_last(self) -> "Column":
        return Column(self._expr.sort(False, False))

    def over(self, window: Any) -> "Column":
        from pyrust.sql.window import WindowSpec

        if not isinstance(window, WindowSpec):
            raise PySparkTypeError(
                message=f"Argument `window` should be a WindowSpec, got {type(window).__name__}.",
                errorClass="NOT_WINDOWSPEC",
                messageParameters={"arg_name": "window", "arg_type": type(window).__name__},
            )
        kind, start, end = window._frame if window._frame is not None else (None, 0, 0)
        return Column(self._expr.over(window._partition, window._order, kind, start, end))

    def __repr__(self) -> str:
        text = self._repr_text if self._repr_text is not None else self._expr.repr()
        return "Column<'%s'>" % text
