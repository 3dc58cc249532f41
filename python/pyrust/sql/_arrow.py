"""Arrow types as PySpark's `toArrow()` gives them: plain (not large) strings,
binaries and lists, MAP as an Arrow map, TIMESTAMP with the session time zone."""

from typing import Any

import pyarrow as pa

from pyrust.sql.types import (
    ArrayType, BinaryType, BooleanType, ByteType, DataType, DateType, DecimalType, DoubleType, FloatType,
    IntegerType, LongType, MapType, NullType, ShortType, StringType, StructType, TimestampNTZType, TimestampType,
)

_ATOMIC = {
    BooleanType: pa.bool_(), ByteType: pa.int8(), ShortType: pa.int16(), IntegerType: pa.int32(),
    LongType: pa.int64(), FloatType: pa.float32(), DoubleType: pa.float64(), StringType: pa.string(),
    BinaryType: pa.binary(), DateType: pa.date32(), NullType: pa.null(), TimestampNTZType: pa.timestamp("us"),
}


def spark_arrow_type(dt: DataType, tz: str) -> pa.DataType:
    if isinstance(dt, TimestampType):
        return pa.timestamp("us", tz=tz)
    if isinstance(dt, DecimalType):
        return pa.decimal128(dt.precision, dt.scale)
    if isinstance(dt, ArrayType):
        return pa.list_(pa.field("element", spark_arrow_type(dt.elementType, tz), dt.containsNull))
    if isinstance(dt, MapType):
        return pa.map_(spark_arrow_type(dt.keyType, tz), pa.field("value", spark_arrow_type(dt.valueType, tz), dt.valueContainsNull))
    if isinstance(dt, StructType):
        return pa.struct([pa.field(f.name, spark_arrow_type(f.dataType, tz), f.nullable) for f in dt.fields])
    return _ATOMIC[type(dt)]


def _array(arr: Any, dt: DataType, tz: str) -> Any:
    """One engine Arrow array in PySpark's Arrow type."""
    target = spark_arrow_type(dt, tz)
    mask = arr.is_null() if arr.null_count else None
    if isinstance(dt, MapType):
        entries = arr.values
        offsets = arr.offsets.cast(pa.int32())
        keys = _array(entries.field("key"), dt.keyType, tz)
        items = _array(entries.field("value"), dt.valueType, tz)
        return pa.MapArray.from_arrays(offsets, keys, items, type=target, mask=mask)
    if isinstance(dt, ArrayType):
        offsets = arr.offsets.cast(pa.int32())
        values = _array(arr.values, dt.elementType, tz)
        return pa.ListArray.from_arrays(offsets, values, type=target, mask=mask)
    if isinstance(dt, StructType):
        children = [_array(arr.field(i), f.dataType, tz) for i, f in enumerate(dt.fields)]
        return pa.StructArray.from_arrays(children, fields=list(target), mask=mask)
    return arr.cast(target)


def spark_arrow_column(column: Any, dt: DataType, tz: str) -> Any:
    return pa.chunked_array([_array(chunk, dt, tz) for chunk in column.chunks], type=spark_arrow_type(dt, tz))
