"""``pyspark.sql.udf``: Python user-defined functions, run in-process.

A UDF is a Rust expression holding a handle to a *runner* built here: Polars hands the
runner a batch of argument columns as an Arrow stream, the runner calls the user's
function (row by row for ``@udf``, on pandas Series for ``@pandas_udf``) and returns one
Arrow column of the declared type, converted with PySpark's rules."""

import atexit
import datetime
import decimal
import functools
import math
from typing import Any, Callable, List, Optional, Union

from pyrust import _native
from pyrust.errors import (
    ArithmeticException, CapturedException, IllegalArgumentException, PySparkTypeError, PySparkValueError, PythonException,
    not_implemented,
)
from pyrust.sql.types import (
    ArrayType, BinaryType, BooleanType, ByteType, DataType, DateType, DayTimeIntervalType, DecimalType,
    DoubleType, FloatType, IntegerType, LongType, MapType, NullType, Row, ShortType, StringType,
    StructType, TimestampNTZType, TimestampType, _parse_datatype_string,
)

__all__ = ["UserDefinedFunction", "UDFRegistration"]

# At exit no engine thread may call Python any more (a query an interrupted action left
# running would take the GIL during finalisation and abort the process).
atexit.register(_native.stop_python_calls)

class QueryCancelled(BaseException):
    """Raised in a runner between batches once the query's action was interrupted
    (Ctrl-C): the user's function is not called again. A BaseException, so neither the
    runners' nor the user's ``except Exception`` takes it; nobody sees it, as the action
    has already raised KeyboardInterrupt."""


def check_cancelled() -> None:
    """Stops the runner calling this (on its engine thread) if its query was cancelled."""
    if _native.query_cancelled():
        raise QueryCancelled()


# PySpark's PythonEvalType codes.
SQL_BATCHED_UDF = 100
SQL_ARROW_BATCHED_UDF = 101
SQL_SCALAR_PANDAS_UDF = 200
SQL_GROUPED_MAP_PANDAS_UDF = 201
SQL_GROUPED_AGG_PANDAS_UDF = 202
SQL_MAP_PANDAS_ITER_UDF = 205
SQL_SCALAR_PANDAS_ITER_UDF = 204

_WORKER_HEADER = "\n  An exception was thrown from the Python worker. Please see the stack trace below.\n"


# The modules whose frames call the user's function: left out of its traceback.
_RUNNER_MODULES = frozenset({__name__, "pyrust.sql.pandas_ops"})


def _python_exception(e: BaseException) -> PythonException:
    """PySpark's ``PythonException`` for an error raised by the user's function: the
    traceback without the runner's own frames."""
    tb = e.__traceback__
    while tb is not None and tb.tb_frame.f_globals.get("__name__") in _RUNNER_MODULES:
        tb = tb.tb_next
    import traceback  # only when a UDF fails; costly to import at start-up

    text = "".join(traceback.format_exception(type(e), e, tb))
    return PythonException(message=_WORKER_HEADER + text)


# ---------------------------------------------------------------- Arrow types

def _arrow_type(dt: DataType) -> Any:
    """The Arrow type PyRust's engine reads a Spark type from (PySpark's ``to_arrow_type``)."""
    import pyarrow as pa

    if isinstance(dt, NullType):
        return pa.null()
    if isinstance(dt, BooleanType):
        return pa.bool_()
    if isinstance(dt, ByteType):
        return pa.int8()
    if isinstance(dt, ShortType):
        return pa.int16()
    if isinstance(dt, IntegerType):
        return pa.int32()
    if isinstance(dt, LongType):
        return pa.int64()
    if isinstance(dt, FloatType):
        return pa.float32()
    if isinstance(dt, DoubleType):
        return pa.float64()
    if isinstance(dt, DecimalType):
        return pa.decimal128(dt.precision, dt.scale)
    if isinstance(dt, StringType):
        return pa.string()
    if isinstance(dt, BinaryType):
        return pa.binary()
    if isinstance(dt, DateType):
        return pa.date32()
    if isinstance(dt, TimestampNTZType):
        return pa.timestamp("us")
    if isinstance(dt, TimestampType):
        return pa.timestamp("us", tz="UTC")
    if isinstance(dt, DayTimeIntervalType):
        return pa.duration("us")
    if isinstance(dt, ArrayType):
        return pa.list_(pa.field("element", _arrow_type(dt.elementType), dt.containsNull))
    if isinstance(dt, MapType):
        return pa.map_(_arrow_type(dt.keyType), pa.field("value", _arrow_type(dt.valueType), dt.valueContainsNull))
    if isinstance(dt, StructType):
        return pa.struct([pa.field(f.name, _arrow_type(f.dataType), f.nullable) for f in dt.fields])
    raise not_implemented(f"Python UDFs returning {dt.simpleString()}")


# ------------------------------------------------ arguments: Arrow -> Python values

def _zone(name: str) -> Any:
    from zoneinfo import ZoneInfo

    return datetime.timezone.utc if name in ("UTC", "Z", "GMT") else ZoneInfo(name)


def _from_arrow(t: Any, zone: Any) -> Optional[Callable[[Any], Any]]:
    """How a value of Arrow type `t` (from ``to_pylist``) reaches the function as
    PySpark's pickled path gives it; None when it arrives as it is."""
    import pyarrow as pa

    if pa.types.is_binary(t) or pa.types.is_large_binary(t):
        return lambda v: None if v is None else bytearray(v)
    if pa.types.is_timestamp(t):
        if t.tz is None:
            return None
        return lambda v: None if v is None else v.astimezone(zone).replace(tzinfo=None)
    if pa.types.is_map(t):
        kf, vf = _from_arrow(t.key_type, zone), _from_arrow(t.item_type, zone)
        k, w = kf or (lambda x: x), vf or (lambda x: x)
        return lambda v: None if v is None else {k(a): w(b) for a, b in v}
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        ef = _from_arrow(t.value_type, zone)
        if ef is None:
            return None
        return lambda v: None if v is None else [ef(x) for x in v]
    if pa.types.is_struct(t):
        names = [t.field(i).name for i in range(t.num_fields)]
        convs = [_from_arrow(t.field(i).type, zone) or (lambda x: x) for i in range(t.num_fields)]

        def to_row(v: Any) -> Any:
            if v is None:
                return None
            return Row(**{n: c(v[n]) for n, c in zip(names, convs)})

        return to_row
    return None


def _plain_values(column: Any) -> List[Any]:
    """``to_pylist`` of a column; through numpy (several times faster) for numbers and
    booleans without NULLs, which give the same Python values."""
    import pyarrow as pa

    t = column.type
    if column.null_count == 0 and (pa.types.is_integer(t) or pa.types.is_floating(t) or pa.types.is_boolean(t)):
        return column.to_numpy(zero_copy_only=False).tolist()
    return column.to_pylist()


def _columns(batch: Any, zone: Any) -> List[List[Any]]:
    out = []
    for column in batch.columns:
        values = _plain_values(column)
        conv = _from_arrow(column.type, zone)
        out.append(values if conv is None else [conv(v) for v in values])
    return out


# ------------------------------------------- results: Python values -> Spark values

def _java_text(v: Any) -> str:
    """What the JVM's ``toString`` gives a value pickled from Python."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return _native.java_double_text(v)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join("null" if x is None else _java_text(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{'null' if k is None else _java_text(k)}={'null' if x is None else _java_text(x)}" for k, x in v.items()) + "}"
    return str(v)


def _wrap(v: int, bits: int) -> Optional[int]:
    """Java's narrowing of a long: the low bits, two's complement; NULL beyond a long."""
    if not -(1 << 63) <= v < (1 << 63):
        return None
    v &= (1 << bits) - 1
    return v - (1 << bits) if v >= (1 << (bits - 1)) else v


def _to_spark(dt: DataType, zone: Any) -> Callable[[Any], Any]:
    """PySpark's conversion of a returned value to the declared type on the pickled
    path (``EvaluatePython.makeFromJava``): what does not match is NULL."""
    if isinstance(dt, StringType):
        return lambda v: v if v is None or isinstance(v, str) else _java_text(v)
    if isinstance(dt, (ByteType, ShortType, IntegerType, LongType)):
        bits = {ByteType: 8, ShortType: 16, IntegerType: 32, LongType: 64}[type(dt)]
        low, high = -(1 << (bits - 1)), 1 << (bits - 1)

        def integer(v: Any) -> Any:
            if type(v) is not int:
                return None
            return v if low <= v < high else _wrap(v, bits)
        return integer
    if isinstance(dt, (FloatType, DoubleType)):
        return lambda v: v if type(v) is float else None
    if isinstance(dt, BooleanType):
        return lambda v: v if type(v) is bool else None
    if isinstance(dt, BinaryType):
        def binary(v: Any) -> Any:
            if isinstance(v, (bytes, bytearray)):
                return bytes(v)
            return v.encode("utf-8") if isinstance(v, str) else None
        return binary
    if isinstance(dt, DecimalType):
        limit = decimal.Decimal(10) ** (dt.precision - dt.scale)
        quantum = decimal.Decimal(1).scaleb(-dt.scale)

        def dec(v: Any) -> Any:
            if not isinstance(v, decimal.Decimal) or not v.is_finite():
                return None
            q = v.quantize(quantum, rounding=decimal.ROUND_HALF_UP, context=decimal.Context(prec=80))
            if abs(q) >= limit:
                raise ArithmeticException(
                    errorClass="NUMERIC_VALUE_OUT_OF_RANGE.WITHOUT_SUGGESTION",
                    messageParameters={"roundedValue": str(q), "originalValue": str(v),
                                       "precision": str(dt.precision), "scale": str(dt.scale)},
                )
            return q
        return dec
    if isinstance(dt, DateType):
        def date(v: Any) -> Any:
            if v is None:
                return None
            v.toordinal  # PySpark's AttributeError for anything else
            return v.date() if isinstance(v, datetime.datetime) else v
        return date
    if isinstance(dt, (TimestampType, TimestampNTZType)):
        ntz = isinstance(dt, TimestampNTZType)

        def timestamp(v: Any) -> Any:
            if v is None:
                return None
            v.tzinfo  # PySpark's AttributeError for anything else
            if ntz:
                return v.replace(tzinfo=None) if v.tzinfo is None else v.astimezone(datetime.timezone.utc).replace(tzinfo=None)
            return v.replace(tzinfo=zone) if v.tzinfo is None else v
        return timestamp
    if isinstance(dt, ArrayType):
        elem = _to_spark(dt.elementType, zone)

        def array(v: Any) -> Any:
            if isinstance(v, (list, tuple)):
                return [None if x is None else elem(x) for x in v]
            if isinstance(v, (bytes, bytearray)):
                return [None if x is None else elem(x) for x in v]
            return None
        return array
    if isinstance(dt, MapType):
        key, value = _to_spark(dt.keyType, zone), _to_spark(dt.valueType, zone)
        return lambda v: [(key(k), None if x is None else value(x)) for k, x in v.items()] if isinstance(v, dict) else None
    if isinstance(dt, StructType):
        names = dt.names
        convs = [_to_spark(f.dataType, zone) for f in dt.fields]

        def struct(v: Any) -> Any:
            if v is None:
                return None
            if isinstance(v, dict):
                values = [v.get(n) for n in names]
            elif isinstance(v, Row) and hasattr(v, "__fields__"):
                d = dict(zip(v.__fields__, v))
                values = [d.get(n) for n in names]
            elif isinstance(v, (list, tuple)):
                values = list(v)
                if len(values) != len(names):
                    raise IllegalArgumentException(
                        message=f"Input row doesn't have expected number of values required by the schema. {len(names)} fields are required while {len(values)} values are provided.",
                        errorClass="STRUCT_ARRAY_LENGTH_MISMATCH",
                        messageParameters={"expected": str(len(names)), "actual": str(len(values))},
                    )
            else:
                raise PySparkValueError(
                    message=f"Unexpected tuple {v!r} with StructType.",
                    errorClass="UNEXPECTED_TUPLE_WITH_STRUCT",
                    messageParameters={"tuple": repr(v)},
                )
            return {n: (None if x is None else c(x)) for n, c, x in zip(names, convs, values)}
        return struct
    if isinstance(dt, NullType):
        return lambda v: None
    return lambda v: v


# Results already of the one Python type a Spark type takes as it is go to Arrow
# without a conversion per value.
_EXACT = {LongType: int, IntegerType: int, ShortType: int, ByteType: int, DoubleType: float, FloatType: float,
          StringType: str, BooleanType: bool}


def _fast_array(results: List[Any], dt: DataType) -> Any:
    """The results as an Arrow array when every one is None or exactly the Python type
    the declared type takes (ints in range): no per-value conversion. None otherwise."""
    import pyarrow as pa

    exact = _EXACT.get(type(dt))
    if exact is None or not set(map(type, results)) <= {exact, type(None)}:
        return None
    try:
        return pa.array(results, type=_arrow_type(dt))
    except (OverflowError, pa.ArrowInvalid):
        return None


def _table(values: Any, dt: DataType) -> Any:
    import pyarrow as pa

    return pa.table({"udf": values if isinstance(values, (pa.Array, pa.ChunkedArray)) else pa.array(values, type=_arrow_type(dt))})


# ----------------------------------------------------------------- the runners

def _batches(reader: Any) -> Any:
    """The record batches of a stream cut to ``spark.sql.execution.arrow.maxRecordsPerBatch``
    rows, as PySpark's worker receives them."""
    from pyrust.sql import _pandas_convert as pc

    for piece in pc.exact_batches(reader, pc.batch_size()):
        check_cancelled()
        yield piece


def _batched_runner(func: Callable, dt: DataType) -> Callable:
    """``@udf``: the function once per row, PySpark's conversions both ways."""
    import pyarrow as pa

    def run(stream: Any, zone_name: str, aggregate: bool) -> Any:
        zone = _zone(zone_name)
        convert = _to_spark(dt, zone)
        arrays: List[Any] = []
        for batch in _batches(pa.RecordBatchReader._import_from_c_capsule(stream)):
            columns = _columns(batch, zone)
            try:
                if len(columns) == 1:
                    results = list(map(func, columns[0]))
                elif columns:
                    results = list(map(func, *columns))
                else:
                    results = [func() for _ in range(batch.num_rows)]
                fast = _fast_array(results, dt)
                if fast is None:
                    fast = pa.array([None if r is None else convert(r) for r in results], type=_arrow_type(dt))
                arrays.append(fast)
            except CapturedException:
                raise
            except Exception as e:
                raise _python_exception(e) from None
        return _table(pa.chunked_array(arrays, type=_arrow_type(dt)), dt)

    return run


def _arrow_batched_runner(func: Callable, dt: DataType) -> Callable:
    """``@udf(useArrow=True)``: the function once per row over pandas-converted
    arguments, results back through pandas and an Arrow cast (PySpark's
    ``wrap_arrow_batch_udf``; conversions in ``_pandas_convert``)."""
    import pyarrow as pa

    from pyrust.sql import _pandas_convert as pc

    arrow_type = _arrow_type(dt)
    # PySpark's `result_func`: str()/bytes() of a string's/binary's results; others as
    # they are (then no second call per row).
    if isinstance(dt, StringType):
        result_func: Callable[[Any], Any] = lambda r: str(r) if r is not None else r  # noqa: E731
        call = lambda *row: result_func(func(*row))  # noqa: E731
    elif isinstance(dt, BinaryType):
        result_func = lambda r: bytes(r) if r is not None else r  # noqa: E731
        call = lambda *row: result_func(func(*row))  # noqa: E731
    else:
        call = func

    def run(stream: Any, zone_name: str, aggregate: bool) -> Any:
        import pandas as pd

        safe = pc.safe_check()
        arrays: List[Any] = []
        types = None
        for batch in _batches(pa.RecordBatchReader._import_from_c_capsule(stream)):
            if types is None:
                types = [pc.spark_type(c.type) for c in batch.columns]
            try:
                values = [_arrow_path_values(c, t, zone_name) for c, t in zip(batch.columns, types)]
                if len(values) == 1:
                    results = list(map(call, values[0]))
                elif values:
                    results = list(map(call, *values))
                else:
                    results = [call() for _ in range(batch.num_rows)]
                fast = _exact_results(results, dt, arrow_type)
                arrays.append(fast if fast is not None else pc.from_pandas(pd.Series(results), arrow_type, dt, zone_name, safe))
            except CapturedException:
                raise
            except Exception as e:
                raise _python_exception(e) from None
        return _table(pa.chunked_array(arrays, type=arrow_type), dt)

    return run


def _arrow_path_values(column: Any, dt: DataType, zone_name: str) -> List[Any]:
    """An argument column's values as the Arrow path's loop over its pandas Series
    gives them. Numbers and booleans without NULLs skip pandas: ``to_pandas``, Spark's
    dtype correction and ``tolist`` give the very Python values ``ndarray.tolist``
    gives (with a NULL, integers would become floats and booleans objects)."""
    from pyrust.sql import _pandas_convert as pc

    if column.null_count == 0 and isinstance(dt, _NUMERIC_OR_BOOL):
        return column.to_numpy(zero_copy_only=False).tolist()
    return _python_values(pc.to_pandas(column, dt, zone_name))


_NUMERIC_OR_BOOL = (ByteType, ShortType, IntegerType, LongType, FloatType, DoubleType, BooleanType)


def _python_values(series: Any) -> List[Any]:
    """The values a loop over a pandas Series gives (pandas' ``__iter__``: numpy-backed
    columns through ``ndarray.item``, others as their array gives them), built at once."""
    import numpy as np

    # Numbers, booleans and objects: `tolist` gives what `item` gives. Datetimes and
    # timedeltas iterate as pandas Timestamps/Timedeltas (tolist would give integers).
    if isinstance(series.dtype, np.dtype) and series.dtype.kind in "biufcO":
        return series.to_numpy().tolist()
    return list(series)


# Results the Arrow path's `pd.Series` + `pa.Array.from_pandas` would take unchanged:
# the declared type, the Python type each value must have, whether None may occur (not
# for integers: a None makes pandas' column float64, which rounds beyond 2**53).
_EXACT_ARROW = {LongType: (int, False), IntegerType: (int, False), ShortType: (int, False), ByteType: (int, False),
                DoubleType: (float, True), StringType: (str, True), BooleanType: (bool, True)}


def _exact_results(results: List[Any], dt: DataType, arrow_type: Any) -> Any:
    """Arrow-UDF results as an Arrow array without the pandas round trip, when that
    round trip would give the same array; None otherwise."""
    import pyarrow as pa

    exact = _EXACT_ARROW.get(type(dt))
    if exact is None:
        return None
    kind, nulls = exact
    if kind is int:
        # Arrow's own inference, instead of a type check per value: it gives int64
        # without NULLs only for integers (Python's or numpy's; a bool beside them is
        # refused, a float makes it double), which pandas also keeps as int64.
        try:
            inferred = pa.array(results)
            if inferred.type != pa.int64() or inferred.null_count:
                return None
            return inferred if arrow_type == inferred.type else inferred.cast(arrow_type)
        except (OverflowError, pa.ArrowInvalid, pa.ArrowTypeError):
            return None
    if not set(map(type, results)) <= ({kind, type(None)} if nulls else {kind}):
        return None
    try:
        # `from_pandas`: NaN is NULL, as pandas' conversion makes it.
        return pa.array(results, type=arrow_type, from_pandas=True)
    except (OverflowError, pa.ArrowInvalid):
        return None


def _numpy_dtype(arrow_type: Any) -> Any:
    """The numpy dtype of a fixed-width numeric Arrow type (None for others: booleans,
    temporal, decimal, strings and nested types keep pandas' own conversions)."""
    import numpy as np
    import pyarrow as pa

    if pa.types.is_integer(arrow_type) or pa.types.is_floating(arrow_type):
        return np.dtype(arrow_type.to_pandas_dtype())
    return None


def _series(column: Any) -> Any:
    """An argument column as the pandas Series PySpark gives the UDF (`to_pandas`). A
    numeric column without NULLs is wrapped without a copy: the Series pandas would build,
    built directly (`to_pandas` goes through a block manager for each call)."""
    import pyarrow as pa

    from pyrust.sql import _pandas_fast

    if column.null_count == 0 and (pa.types.is_integer(column.type) or pa.types.is_floating(column.type)):
        return _pandas_fast.series(column.to_numpy(zero_copy_only=True))
    return column.to_pandas()


def _pandas_runner(func: Callable, dt: DataType, eval_type: int) -> Callable:
    """``@pandas_udf``: Series in, Series (or a scalar for grouped aggregates) out."""
    import pandas as pd
    import pyarrow as pa

    from pyrust.sql._pandas_fast import values as numpy_values

    # Looked up once: a call per batch is the hot path (10,000 rows a batch by default).
    arrow_type = _arrow_type(dt)
    is_struct = isinstance(dt, StructType)
    from_pandas = pa.Array.from_pandas
    # A result already of the declared type's numpy dtype goes to Arrow without pandas'
    # Series machinery (what `from_pandas` does for it, NaN as NULL, at a tenth the cost).
    exact_dtype = _numpy_dtype(arrow_type)

    def series(batch: Any) -> List[Any]:
        return [_series(c) for c in batch.columns]

    def to_arrow(result: Any, length: Optional[int]) -> Any:
        if type(result) is pd.Series:
            if length is not None and len(result) != length:
                raise PySparkRuntimeError_(length, len(result))
            if exact_dtype is not None and result.dtype == exact_dtype:
                return pa.array(numpy_values(result), type=arrow_type, from_pandas=True)
            return from_pandas(result, type=arrow_type)
        if is_struct and isinstance(result, pd.DataFrame):
            arrays = [pa.Array.from_pandas(result[f.name], type=_arrow_type(f.dataType)) for f in dt.fields]
            return pa.StructArray.from_arrays(arrays, fields=list(_arrow_type(dt)))
        if not isinstance(result, pd.Series):
            raise PySparkTypeError(
                message=f"Return type of the user-defined function should be pandas.Series, but is {type(result).__name__}.",
                errorClass="UDF_RETURN_TYPE",
                messageParameters={"expected": "pandas.Series", "actual": type(result).__name__},
            )
        if length is not None and len(result) != length:
            raise PySparkRuntimeError_(length, len(result))
        return from_pandas(result, type=arrow_type)

    def run(stream: Any, zone_name: str, aggregate: bool) -> Any:
        reader = pa.RecordBatchReader._import_from_c_capsule(stream)
        if aggregate:
            # One group (or window frame), possibly empty: its columns keep their types.
            table = reader.read_all()
        else:
            batches = list(_batches(reader))

        def checked(batch: Any) -> Any:
            check_cancelled()
            return batch
        try:
            if aggregate:
                value = func(*[c.to_pandas() for c in table.columns])
                convert = _to_spark(dt, _zone(zone_name))
                return _table([None if value is None else convert(_plain(value))], dt)
            if eval_type == SQL_SCALAR_PANDAS_ITER_UDF:
                single = len(batches[0].columns) == 1 if batches else True
                inputs = (series(checked(b))[0] if single else tuple(series(checked(b))) for b in batches)
                outs = [to_arrow(r, None) for r in func(inputs)]
                total = sum(len(o) for o in outs)
                expected = sum(b.num_rows for b in batches)
                if total != expected:
                    raise PySparkRuntimeError_(expected, total)
                return _table(pa.chunked_array(outs, type=_arrow_type(dt)), dt)
            outs = [to_arrow(func(*series(checked(b))), b.num_rows) for b in batches]
            return _table(pa.chunked_array(outs, type=_arrow_type(dt)), dt)
        except CapturedException:
            raise
        except Exception as e:
            raise _python_exception(e) from None

    return run


def _plain(v: Any) -> Any:
    """A numpy scalar as the Python value it stands for."""
    item = getattr(v, "item", None)
    return item() if callable(item) and not isinstance(v, (list, tuple, dict)) else v


def PySparkRuntimeError_(expected: int, actual: int) -> Exception:
    from pyrust.errors import PySparkRuntimeError

    return PySparkRuntimeError(
        message=f"Result vector from pandas_udf was not the required length: expected {expected}, got {actual}.",
        errorClass="SCHEMA_MISMATCH_FOR_PANDAS_UDF",
        messageParameters={"expected": str(expected), "actual": str(actual)},
    )


# ----------------------------------------------------------- UserDefinedFunction

class UserDefinedFunction:
    """User defined function in Python"""

    def __init__(
        self,
        func: Callable[..., Any],
        returnType: Union[DataType, str] = StringType(),
        name: Optional[str] = None,
        evalType: int = SQL_BATCHED_UDF,
        deterministic: bool = True,
    ):
        if not callable(func):
            raise PySparkTypeError(
                message=f"Argument `func` should be a callable, got {type(func).__name__}.",
                errorClass="NOT_CALLABLE",
                messageParameters={"arg_name": "func", "arg_type": type(func).__name__},
            )
        if not isinstance(returnType, (DataType, str)):
            raise PySparkTypeError(
                message=f"Argument `returnType` should be a DataType or str, got {type(returnType).__name__}.",
                errorClass="NOT_DATATYPE_OR_STR",
                messageParameters={"arg_name": "returnType", "arg_type": type(returnType).__name__},
            )
        if not isinstance(evalType, int):
            raise PySparkTypeError(
                message=f"Argument `evalType` should be an int, got {type(evalType).__name__}.",
                errorClass="NOT_INT",
                messageParameters={"arg_name": "evalType", "arg_type": type(evalType).__name__},
            )
        self.func = func
        self._returnType = returnType
        self._returnType_placeholder: Optional[DataType] = None
        self._name = name or (func.__name__ if hasattr(func, "__name__") else func.__class__.__name__)
        self.evalType = evalType
        self.deterministic = deterministic
        self._native_fn: Any = None

    @property
    def returnType(self) -> DataType:
        if self._returnType_placeholder is None:
            rt = self._returnType
            self._returnType_placeholder = rt if isinstance(rt, DataType) else _parse_datatype_string(rt)
        return self._returnType_placeholder

    def _native(self) -> Any:
        if self._native_fn is None:
            rt = self.returnType
            if self.evalType == SQL_BATCHED_UDF:
                runner = _batched_runner(self.func, rt)
            elif self.evalType == SQL_ARROW_BATCHED_UDF:
                runner = _arrow_batched_runner(self.func, rt)
            else:
                runner = _pandas_runner(self.func, rt, self.evalType)
            self._native_fn = _native.PythonFunction(self._name, runner, rt.json(), self.evalType, self.deterministic)
        return self._native_fn

    def __call__(self, *cols: Any, **kwargs: Any) -> Any:
        from pyrust.sql.column import Column, _to_col_expr

        if kwargs:
            raise not_implemented("named arguments of Python UDFs")
        if self.evalType == SQL_GROUPED_MAP_PANDAS_UDF:
            raise not_implemented("a GROUPED_MAP pandas UDF called as a column (GroupedData.apply takes it)")
        return Column(self._native().call([_to_col_expr(c) for c in cols]))

    def asNondeterministic(self) -> "UserDefinedFunction":
        self.deterministic = False
        self._native_fn = None
        return self

    def _wrapped(self) -> Callable[..., Any]:
        """A function that looks like the user's, as PySpark's ``udf`` returns."""
        assignments = tuple(a for a in functools.WRAPPER_ASSIGNMENTS if a != "__name__" and a != "__module__")

        @functools.wraps(self.func, assigned=assignments)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            return self(*args, **kwargs)

        wrapper.__name__ = self._name
        wrapper.__module__ = (
            self.func.__module__ if hasattr(self.func, "__module__") else self.func.__class__.__module__
        )
        wrapper.func = self.func  # type: ignore[attr-defined]
        wrapper.returnType = self.returnType  # type: ignore[attr-defined]
        wrapper.evalType = self.evalType  # type: ignore[attr-defined]
        wrapper.deterministic = self.deterministic  # type: ignore[attr-defined]
        wrapper._udf = self  # type: ignore[attr-defined]

        def as_nondeterministic() -> Callable[..., Any]:
            return self.asNondeterministic()._wrapped()

        wrapper.asNondeterministic = functools.wraps(self.asNondeterministic)(as_nondeterministic)  # type: ignore[attr-defined]
        return wrapper


def _create_udf(f: Callable, returnType: Any, evalType: int, name: Optional[str] = None, deterministic: bool = True) -> Callable:
    return UserDefinedFunction(f, returnType=returnType, name=name, evalType=evalType, deterministic=deterministic)._wrapped()


class UDFRegistration:
    """Wrapper for user-defined function registration. This instance can be accessed by
    :attr:`spark.udf` or :attr:`sqlContext.udf`."""

    def __init__(self, sparkSession: Any):
        self.sparkSession = sparkSession

    def register(self, name: str, f: Any, returnType: Any = None) -> Any:
        """Register a Python function (including lambda function) or a user-defined function
        as a SQL function."""
        if hasattr(f, "asNondeterministic"):
            if returnType is not None:
                raise PySparkTypeError(
                    message="Invalid return type with user-defined function: returnType can not be specified when f is a user-defined function, but got "
                    f"{returnType}.",
                    errorClass="CANNOT_SPECIFY_RETURN_TYPE_FOR_UDF",
                    messageParameters={"arg_name": "f", "return_type": str(returnType)},
                )
            source = f._udf if hasattr(f, "_udf") else f
            if source.evalType not in (SQL_BATCHED_UDF, SQL_ARROW_BATCHED_UDF, SQL_SCALAR_PANDAS_UDF, SQL_SCALAR_PANDAS_ITER_UDF, SQL_GROUPED_AGG_PANDAS_UDF):
                raise PySparkTypeError(
                    message="Invalid f: f must be SQL_BATCHED_UDF, SQL_ARROW_BATCHED_UDF, SQL_SCALAR_PANDAS_UDF, SQL_SCALAR_ARROW_UDF, SQL_SCALAR_PANDAS_ITER_UDF, SQL_SCALAR_ARROW_ITER_UDF, SQL_GROUPED_AGG_PANDAS_UDF or SQL_GROUPED_AGG_ARROW_UDF.",
                    errorClass="INVALID_UDF_EVAL_TYPE",
                    messageParameters={"eval_type": "SQL_BATCHED_UDF, SQL_ARROW_BATCHED_UDF, SQL_SCALAR_PANDAS_UDF, SQL_SCALAR_PANDAS_ITER_UDF or SQL_GROUPED_AGG_PANDAS_UDF"},
                )
            udf = UserDefinedFunction(source.func, returnType=source.returnType, name=name, evalType=source.evalType, deterministic=source.deterministic)
        else:
            if returnType is None:
                returnType = StringType()
            udf = UserDefinedFunction(f, returnType=returnType, name=name, evalType=SQL_BATCHED_UDF)
        self.sparkSession._native.register_udf(name, udf._native())
        return udf._wrapped()

    def registerJavaFunction(self, name: str, javaClassName: str, returnType: Any = None) -> None:
        """Register a Java user-defined function as a SQL function."""
        raise not_implemented("spark.udf.registerJavaFunction (PyRust runs no JVM: Java UDFs cannot be loaded)")

    def registerJavaUDAF(self, name: str, javaClassName: str) -> None:
        """Register a Java user-defined aggregate function as a SQL function."""
        raise not_implemented("spark.udf.registerJavaUDAF (PyRust runs no JVM: Java UDAFs cannot be loaded)")
