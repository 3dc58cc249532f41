"""Python values on their way into the engine: literal typing and the normalised
forms the native layer reads (dates as days, timestamps as microseconds,
decimals as text)."""

import datetime
import decimal
from typing import Any, List

from pyrust.errors import PySparkTypeError
from pyrust.sql.types import (
    ArrayType, BinaryType, BooleanType, DataType, DateType, DayTimeIntervalType, DecimalType, DoubleType, IntegerType,
    LongType, MapType, NullType, Row, StringType, StructType, TimestampNTZType, TimestampType,
)

_EPOCH = datetime.datetime(1970, 1, 1)
_EPOCH_ORDINAL = 719163


def literal_type(value: Any) -> DataType:
    """The Spark type of a Python literal, as ``F.lit`` types it."""
    if value is None:
        return NullType()
    if isinstance(value, bool):
        return BooleanType()
    if isinstance(value, int):
        return IntegerType() if -(2**31) <= value < 2**31 else LongType()
    if isinstance(value, float):
        return DoubleType()
    if isinstance(value, str):
        return StringType()
    if isinstance(value, decimal.Decimal):
        sign, digits, exp = value.as_tuple()
        scale = max(0, -int(exp))
        precision = max(len(digits), scale, 1)
        return DecimalType(min(precision, 38), scale)
    if isinstance(value, datetime.datetime):
        return TimestampType()
    if isinstance(value, datetime.date):
        return DateType()
    if isinstance(value, datetime.timedelta):
        return DayTimeIntervalType()
    if isinstance(value, (bytes, bytearray)):
        return BinaryType()
    if isinstance(value, (list, dict, set)):
        # What PySpark hands the JVM's lit() for a Python list, dict or set (where a
        # function takes a literal, not F.lit, which makes arrays of lists).
        from pyrust.errors import SparkRuntimeException

        java = {list: "java.util.ArrayList", dict: "java.util.HashMap", set: "java.util.HashSet"}[type(value)]
        raise SparkRuntimeException(errorClass="UNSUPPORTED_FEATURE.LITERAL_TYPE",
                                    messageParameters={"value": _java_text(value), "type": f"class {java}"})
    raise PySparkTypeError(
        message=f"Unsupported literal type {type(value).__name__}.",
        errorClass="UNSUPPORTED_LITERAL",
        messageParameters={"literal": repr(value)},
    )


def _java_text(v: Any) -> str:
    """A Python value as the JVM prints what py4j made of it (`[x, 1]`, `{a=1}`)."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (list, tuple, set)):
        return "[" + ", ".join(_java_text(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{_java_text(k)}={_java_text(x)}" for k, x in v.items()) + "}"
    return "null" if v is None else str(v)


def days(d: datetime.date) -> int:
    return d.toordinal() - _EPOCH_ORDINAL


def micros(ts: datetime.datetime) -> int:
    if ts.tzinfo is not None:
        ts = ts.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    return (ts - _EPOCH) // datetime.timedelta(microseconds=1)


def interval_micros(delta: datetime.timedelta) -> int:
    return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds


def java_text(value: Any) -> str:
    """How the JVM prints a Python scalar that lands in a string column."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        from pyrust import _native

        return _native.java_double_text(value)
    return str(value)


def normalise(value: Any, dt: DataType) -> Any:
    """One value in the form the native layer reads for type ``dt``. A string
    column accepts any value, printed as the JVM prints it."""
    if value is None:
        return None
    if isinstance(dt, StringType) and not isinstance(value, str):
        return java_text(value)
    if isinstance(dt, (TimestampType, TimestampNTZType)):
        return micros(value) if isinstance(value, datetime.datetime) else value
    if isinstance(dt, DateType):
        if isinstance(value, datetime.datetime):
            return days(value.date())
        if isinstance(value, datetime.date):
            return days(value)
        return value
    if isinstance(dt, DayTimeIntervalType):
        return interval_micros(value) if isinstance(value, datetime.timedelta) else value
    if isinstance(dt, DecimalType):
        # Only Decimal is accepted; the native layer reads it as text.
        return str(value) if isinstance(value, decimal.Decimal) else value
    if isinstance(dt, ArrayType):
        if isinstance(value, (list, tuple)):
            return [normalise(v, dt.elementType) for v in value]
        return value
    if isinstance(dt, MapType):
        if isinstance(value, dict):
            return {normalise(k, dt.keyType): normalise(v, dt.valueType) for k, v in value.items()}
        return value
    if isinstance(dt, StructType):
        return normalise_row(value, dt)
    return value


def normalise_row(row: Any, schema: StructType) -> Any:
    """A row as a tuple in schema order."""
    fields = schema.fields
    norm = normalise

    if isinstance(row, dict):
        return tuple(norm(row.get(f.name), f.dataType) for f in fields)
    if isinstance(row, Row) and hasattr(row, "__fields__"):
        by_name = dict(zip(row.__fields__, tuple(row)))
        if all(f.name in by_name for f in fields):
            return tuple(norm(by_name[f.name], f.dataType) for f in fields)
    if isinstance(row, (tuple, list)):
        if len(row) != len(fields):
            return tuple(row)
        return tuple(norm(v, f.dataType) for v, f in zip(row, fields))
    if hasattr(row, "__dict__"):
        return tuple(norm(getattr(row, f.name, None), f.dataType) for f in fields)
    return (norm(row, fields[0].dataType),) if len(fields) == 1 else row


def _passes_through(dt: DataType) -> bool:
    """Types whose Python values the native layer reads as they are."""
    return isinstance(dt, (BooleanType, IntegerType, LongType, DoubleType, StringType, BinaryType, NullType))


def normalise_rows(rows: List[Any], schema: StructType) -> List[tuple]:
    width = len(schema.fields)
    if all(_passes_through(f.dataType) for f in schema.fields):
        # The common case: tuples of plain values need no per-value work
        # (the native layer checks their types).
        text = [i for i, f in enumerate(schema.fields) if isinstance(f.dataType, StringType)]

        def plain(r: Any) -> bool:
            # A string column holding a non-string needs the JVM's text of it.
            return type(r) is tuple and len(r) == width and all(r[i] is None or type(r[i]) is str for i in text)

        return [r if plain(r) else normalise_row(r, schema) for r in rows]
    return [normalise_row(r, schema) for r in rows]
