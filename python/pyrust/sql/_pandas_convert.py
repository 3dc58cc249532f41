"""Arrow <-> pandas the way PySpark's Python worker converts for Arrow-optimised UDFs
(``@udf(useArrow=True)``): an argument column goes through ``to_pandas`` and then
Spark's corrections (integers with a NULL stay floats, booleans with a NULL become
objects, timestamps become naive wall-clock times of the session zone, arrays lists,
maps dicts, structs Rows); results go back through ``pyarrow.Array.from_pandas`` with
an Arrow cast when the values are not of the declared type."""

import datetime
from typing import Any, Callable, List, Optional

from pyrust.errors import PySparkRuntimeError, PySparkTypeError, PySparkValueError
from pyrust.sql.types import (
    ArrayType, BooleanType, ByteType, DataType, DayTimeIntervalType, DoubleType, FloatType, IntegerType, LongType,
    MapType, Row, ShortType, StructType, TimestampNTZType, TimestampType,
)

_INTEGRAL = (ByteType, ShortType, IntegerType, LongType)


def _corrected_dtype(dt: DataType) -> Any:
    """The pandas dtype Spark forces on a column of type `dt`, or None."""
    import numpy as np

    return {
        ByteType: np.int8, ShortType: np.int16, IntegerType: np.int32, LongType: np.int64,
        FloatType: np.float32, DoubleType: np.float64, BooleanType: bool,
        TimestampType: np.dtype("datetime64[ns]"), TimestampNTZType: np.dtype("datetime64[ns]"),
        DayTimeIntervalType: np.dtype("timedelta64[ns]"),
    }.get(type(dt))


def _value_to_python(dt: DataType, zone: str) -> Optional[Callable[[Any], Any]]:
    """How one value inside a nested column (as ``to_pandas`` gives it) reaches the
    function: arrays as lists, maps as dicts, structs as Rows; None when unchanged."""
    import pandas as pd

    if isinstance(dt, ArrayType):
        elem = _value_to_python(dt.elementType, zone)
        if elem is None:
            return list
        return lambda v: [None if x is None else elem(x) for x in v]
    if isinstance(dt, MapType):
        key, value = _value_to_python(dt.keyType, zone), _value_to_python(dt.valueType, zone)
        k = key or (lambda x: x)
        w = value or (lambda x: x)
        return lambda v: {(None if a is None else k(a)): (None if b is None else w(b)) for a, b in (v if isinstance(v, list) else v.items())}
    if isinstance(dt, StructType):
        names = dt.names
        convs = [_value_to_python(f.dataType, zone) for f in dt.fields]

        def to_row(v: Any) -> Any:
            values = [v.get(n) for n in names] if isinstance(v, dict) else list(v)
            row = Row(*[x if c is None or x is None else c(x) for c, x in zip(convs, values)])
            row.__fields__ = list(names)
            return row
        return to_row
    if isinstance(dt, TimestampType):
        def timestamp(v: Any) -> Any:
            ts = pd.Timestamp(v)
            if ts.tzinfo is None:
                ts = ts.tz_localize(datetime.timezone.utc)
            return ts.tz_convert(zone).tz_localize(None)
        return timestamp
    if isinstance(dt, TimestampNTZType):
        return pd.Timestamp
    return None


def to_pandas(column: Any, dt: DataType, zone: str) -> Any:
    """An Arrow argument column as the pandas Series PySpark's worker gives the UDF."""
    s = column.to_pandas(date_as_object=True, coerce_temporal_nanoseconds=True)
    dtype = _corrected_dtype(dt)
    if dtype is not None:
        import numpy as np
        import pandas as pd

        if isinstance(dt, _INTEGRAL):
            return s.astype(np.float64) if s.isnull().any() else s.astype(dtype)
        if isinstance(dt, BooleanType):
            return s.astype(object) if s.isnull().any() else s.astype(dtype)
        if isinstance(dt, TimestampType):
            if not isinstance(s.dtype, pd.DatetimeTZDtype):
                s = s.astype(dtype)
            if isinstance(s.dtype, pd.DatetimeTZDtype):
                return s.dt.tz_convert(zone).dt.tz_localize(None)
            return s
        return s.astype(dtype)
    conv = _value_to_python(dt, zone)
    if conv is None:
        return s
    return s.apply(lambda x: None if x is None else conv(x))


def _value_from_python(dt: DataType, zone: str) -> Optional[Callable[[Any], Any]]:
    """A returned nested value in the shape ``pyarrow`` takes for `dt`."""
    import pandas as pd

    if isinstance(dt, ArrayType):
        elem = _value_from_python(dt.elementType, zone)
        if elem is None:
            return list
        return lambda v: [None if x is None else elem(x) for x in v]
    if isinstance(dt, MapType):
        key, value = _value_from_python(dt.keyType, zone), _value_from_python(dt.valueType, zone)
        k = key or (lambda x: x)
        w = value or (lambda x: x)
        return lambda v: [(None if a is None else k(a), None if b is None else w(b)) for a, b in v.items()]
    if isinstance(dt, StructType):
        names = dt.names
        convs = [_value_from_python(f.dataType, zone) for f in dt.fields]

        def struct(v: Any) -> Any:
            values = [v.get(n) for n in names] if isinstance(v, dict) else v
            return {n: (x if c is None or x is None else c(x)) for n, c, x in zip(names, convs, values)}
        return struct
    if isinstance(dt, TimestampType):
        def timestamp(v: Any) -> Any:
            if isinstance(v, datetime.datetime) and v.tzinfo is not None:
                return pd.Timestamp(v).to_pydatetime()
            return pd.Timestamp(v).tz_localize(zone).to_pydatetime()
        return timestamp
    return None


def from_pandas(series: Any, arrow_type: Any, dt: DataType, zone: str, safe: bool, udtf: bool = False) -> Any:
    """A pandas Series of results as an Arrow array of `arrow_type` (PySpark's
    ``_create_array`` with ``arrow_cast``). With `udtf`, as the Arrow UDTF serializer
    does it: any Arrow failure falls back to a cast, and a failed cast is
    ``UDTF_ARROW_TYPE_CAST_ERROR``."""
    import pandas as pd
    import pyarrow as pa
    from pandas.api.types import is_datetime64_dtype

    if isinstance(series.dtype, pd.CategoricalDtype):
        series = series.astype(series.dtypes.categories.dtype)
    if isinstance(dt, TimestampType):
        if is_datetime64_dtype(series.dtype):
            series = series.dt.tz_localize(zone, ambiguous=False).dt.tz_convert("UTC")
        elif isinstance(series.dtype, pd.DatetimeTZDtype):
            series = series.dt.tz_convert("UTC")
    else:
        conv = _value_from_python(dt, zone)
        if conv is not None:
            series = series.apply(lambda x: None if x is None else conv(x))
    mask = None if hasattr(series.array, "__arrow_array__") else series.isnull()
    if udtf:
        try:
            try:
                return pa.Array.from_pandas(series, mask=mask, type=arrow_type, safe=safe)
            except pa.lib.ArrowException:
                return pa.Array.from_pandas(series, mask=mask).cast(target_type=arrow_type, safe=safe)
        except pa.lib.ArrowException:
            raise PySparkRuntimeError(
                errorClass="UDTF_ARROW_TYPE_CAST_ERROR",
                messageParameters={"col_name": str(series.name), "col_type": str(series.dtype), "arrow_type": str(arrow_type)},
            ) from None
    try:
        try:
            return pa.Array.from_pandas(series, mask=mask, type=arrow_type, safe=safe)
        except pa.lib.ArrowInvalid:
            return pa.Array.from_pandas(series, mask=mask).cast(target_type=arrow_type, safe=safe)
    except TypeError as e:
        raise PySparkTypeError(
            f"Exception thrown when converting pandas.Series ({series.dtype}) with name '{series.name}' to Arrow Array ({arrow_type})."
        ) from e
    except ValueError as e:
        text = f"Exception thrown when converting pandas.Series ({series.dtype}) with name '{series.name}' to Arrow Array ({arrow_type})."
        if safe:
            text += (" It can be caused by overflows or other unsafe conversions warned by Arrow. Arrow safe type check "
                     "can be disabled by using SQL config `spark.sql.execution.pandas.convertToArrowArraySafely`.")
        raise PySparkValueError(text) from e


def spark_type(t: Any) -> DataType:
    """The Spark type of an argument column from its Arrow type, as far as the
    conversions above need it (other types convert as they are)."""
    import pyarrow as pa

    from pyrust.sql.types import NullType

    simple = {pa.int8(): ByteType(), pa.int16(): ShortType(), pa.int32(): IntegerType(), pa.int64(): LongType(),
              pa.float32(): FloatType(), pa.float64(): DoubleType(), pa.bool_(): BooleanType()}
    if t in simple:
        return simple[t]
    if pa.types.is_timestamp(t):
        return TimestampNTZType() if t.tz is None else TimestampType()
    if pa.types.is_duration(t):
        return DayTimeIntervalType()
    if pa.types.is_map(t):
        return MapType(spark_type(t.key_type), spark_type(t.item_type))
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return ArrayType(spark_type(t.value_type))
    if pa.types.is_struct(t):
        from pyrust.sql.types import StructField

        return StructType([StructField(t.field(i).name, spark_type(t.field(i).type)) for i in range(t.num_fields)])
    return NullType()


def batch_size() -> int:
    """``spark.sql.execution.arrow.maxRecordsPerBatch`` of the active session (0 or
    less: one batch)."""
    from pyrust.sql.session import SparkSession

    session = SparkSession.getActiveSession()
    value = session.conf.get("spark.sql.execution.arrow.maxRecordsPerBatch", "10000") if session is not None else "10000"
    size = int(value)
    return size if size > 0 else 1 << 62


def exact_batches(batches: Any, size: int) -> Any:
    """The rows of a stream of record batches (the engine's chunks, of any lengths) in
    batches of exactly `size` rows, the last one shorter, as Spark cuts a partition:
    zero-copy slices, a copy only of the rows of a batch that spans two chunks. No
    batch at all for no rows."""
    import pyarrow as pa

    pending: List[Any] = []
    missing = size
    for batch in batches:
        n, start = batch.num_rows, 0
        if pending and n:
            take = min(missing, n)
            pending.append(batch.slice(0, take))
            missing -= take
            start = take
            if missing == 0:
                yield pa.concat_batches(pending) if len(pending) > 1 else pending[0]
                pending, missing = [], size
        while n - start >= size:
            yield batch.slice(start, size)
            start += size
        if start < n:
            pending, missing = [batch.slice(start)], size - (n - start)
    if pending:
        yield pa.concat_batches(pending) if len(pending) > 1 else pending[0]


def safe_check() -> bool:
    """``spark.sql.execution.pandas.convertToArrowArraySafely`` (off by default: Arrow
    casts results unchecked)."""
    from pyrust.sql.session import SparkSession

    session = SparkSession.getActiveSession()
    value = session.conf.get("spark.sql.execution.pandas.convertToArrowArraySafely", "false") if session is not None else "false"
    return str(value).lower() == "true"
