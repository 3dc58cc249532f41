"""The pandas and Arrow function APIs: ``DataFrame.mapInPandas``/``mapInArrow`` and
``GroupedData.applyInPandas``/``applyInArrow``.

They run when called (not when an action runs, as in PySpark): the input is taken as
Arrow batches (``spark.sql.execution.arrow.maxRecordsPerBatch`` rows each, default
10,000), handed to the function, and its output becomes a new in-memory DataFrame of the
declared schema. Errors raised by the function surface as PySpark's ``PythonException``."""

import inspect
from typing import Any, Callable, Iterator, List

from pyrust.errors import CapturedException, PySparkRuntimeError, PySparkTypeError
from pyrust.sql.types import StructType, _parse_datatype_string
from pyrust.sql.udf import _arrow_type, _python_exception


def _schema(schema: Any) -> StructType:
    struct = _parse_datatype_string(schema) if isinstance(schema, str) else schema
    if not isinstance(struct, StructType):
        raise PySparkTypeError(
            message=f"Argument `schema` should be a StructType or str, got {type(schema).__name__}.",
            errorClass="NOT_STRUCT_OR_STR",
            messageParameters={"arg_name": "schema", "arg_type": type(schema).__name__},
        )
    return struct


def _arrow_schema(struct: StructType) -> Any:
    import pyarrow as pa

    return pa.schema([pa.field(f.name, _arrow_type(f.dataType), f.nullable) for f in struct.fields])


def _batch_size(df: Any) -> int:
    value = df.sparkSession.conf.get("spark.sql.execution.arrow.maxRecordsPerBatch", "10000")
    size = int(value)
    return size if size > 0 else 1 << 62


def _from_pandas(pdf: Any, struct: StructType) -> Any:
    """A function's pandas output as Arrow of the declared schema: columns by name when
    the names are strings, else by position (PySpark's rule)."""
    import pandas as pd
    import pyarrow as pa

    if not isinstance(pdf, pd.DataFrame):
        raise PySparkTypeError(
            message=f"Return type of the user-defined function should be pandas.DataFrame, but is {type(pdf).__name__}.",
            errorClass="UDF_RETURN_TYPE",
            messageParameters={"expected": "pandas.DataFrame", "actual": type(pdf).__name__},
        )
    names = struct.names
    by_name = all(isinstance(c, str) for c in pdf.columns) and len(pdf.columns) > 0
    if by_name:
        missing = [n for n in names if n not in pdf.columns]
        if missing:
            raise PySparkRuntimeError(
                message=f"Column names of the returned pandas.DataFrame do not match specified schema. Missing: {', '.join(missing)}.",
                errorClass="RESULT_COLUMNS_MISMATCH_FOR_PANDAS_UDF",
                messageParameters={"missing": ", ".join(missing), "extra": ""},
            )
        columns = [pdf[n] for n in names]
    else:
        if len(pdf.columns) != len(names) and not (len(pdf.columns) == 0 and len(pdf) == 0):
            raise PySparkRuntimeError(
                message=f"Number of columns of the returned pandas.DataFrame doesn't match specified schema. Expected: {len(names)} Actual: {len(pdf.columns)}",
                errorClass="RESULT_LENGTH_MISMATCH_FOR_PANDAS_UDF",
                messageParameters={"expected": str(len(names)), "actual": str(len(pdf.columns))},
            )
        columns = [pdf.iloc[:, i] for i in range(len(pdf.columns))]
    schema = _arrow_schema(struct)
    if not columns:
        return schema.empty_table()
    arrays = [pa.Array.from_pandas(c, type=schema.field(i).type) for i, c in enumerate(columns)]
    return pa.Table.from_arrays(arrays, schema=schema)


def _result(df: Any, tables: List[Any], struct: StructType) -> Any:
    import pyarrow as pa

    schema = _arrow_schema(struct)
    table = pa.concat_tables([t.cast(schema) for t in tables]) if tables else schema.empty_table()
    return df.sparkSession.createDataFrame(table, struct)


def _call(fn: Callable[[], Any]) -> Any:
    try:
        return fn()
    except CapturedException:
        raise
    except Exception as e:
        raise _python_exception(e) from None


def map_in_pandas(df: Any, func: Callable, schema: Any, arrow: bool) -> Any:
    struct = _schema(schema)
    table = df.toArrow()
    batches = table.to_batches(max_chunksize=_batch_size(df))

    def inputs() -> Iterator[Any]:
        for b in batches:
            yield b if arrow else b.to_pandas()

    def run() -> List[Any]:
        import pyarrow as pa

        out = []
        for r in func(inputs()):
            if arrow:
                if not isinstance(r, pa.RecordBatch):
                    raise PySparkTypeError(
                        message=f"Return type of the user-defined function should be iterator of pyarrow.RecordBatch, but is iterator of {type(r).__name__}.",
                        errorClass="UDF_RETURN_TYPE",
                        messageParameters={"expected": "iterator of pyarrow.RecordBatch", "actual": f"iterator of {type(r).__name__}"},
                    )
                out.append(pa.Table.from_batches([r]).select(struct.names) if r.num_columns else _arrow_schema(struct).empty_table())
            else:
                out.append(_from_pandas(r, struct))
        return out

    return _result(df, _call(run), struct)


def apply_in_pandas(grouped: Any, func: Callable, schema: Any, arrow: bool) -> Any:
    """Each group (rows with equal keys, NULLs together) to the function, with its key
    when the function takes two arguments."""
    import pyarrow as pa

    # PySpark builds a pandas_udf of func first: getfullargspec refuses what is not a function.
    inspect.getfullargspec(func)
    struct = _schema(schema)
    df = grouped._df
    keys = grouped._keys
    key_names = [f"__pyrust_key{i}" for i in range(len(keys))]
    keyed = df.select(*[k.alias(n) for k, n in zip(keys, key_names)], *[df[c] for c in df.columns])
    table = keyed.toArrow()
    data = table.select(list(range(len(keys), table.num_columns)))
    key_values = list(zip(*[table.column(i).to_pylist() for i in range(len(keys))])) if keys else [()] * table.num_rows
    groups: dict = {}
    for i, k in enumerate(key_values):
        groups.setdefault(k, []).append(i)
    takes_key = len(inspect.signature(func).parameters) == 2

    def run() -> List[Any]:
        out = []
        for key, rows in groups.items():
            part = data.take(pa.array(rows, type=pa.int64()))
            arg = part if arrow else part.to_pandas()
            r = func(key, arg) if takes_key else func(arg)
            if arrow:
                out.append(r.select(struct.names) if isinstance(r, pa.Table) and r.num_columns else _arrow_schema(struct).empty_table())
            else:
                out.append(_from_pandas(r, struct))
        return out

    return _result(df, _call(run), struct)


def _keyed_groups(grouped: Any) -> Any:
    """A grouping's data (without the key columns) as Arrow, and its rows by key (NULL
    keys together), keys in order of first appearance."""
    keys = grouped._keys
    df = grouped._df
    key_names = [f"__pyrust_key{i}" for i in range(len(keys))]
    keyed = df.select(*[k.alias(n) for k, n in zip(keys, key_names)], *[df[c] for c in df.columns])
    table = keyed.toArrow()
    data = table.select(list(range(len(keys), table.num_columns)))
    key_values = list(zip(*[table.column(i).to_pylist() for i in range(len(keys))])) if keys else [()] * table.num_rows
    groups: dict = {}
    for i, k in enumerate(key_values):
        groups.setdefault(k, []).append(i)
    return data, groups


class PandasCogroupedOps:
    """A logical grouping of two :class:`GroupedData`, created by
    :func:`GroupedData.cogroup`. Runs when called, as the grouped APIs above."""

    def __init__(self, gd1: Any, gd2: Any):
        self._gd1 = gd1
        self._gd2 = gd2

    def applyInPandas(self, func: Callable, schema: Any) -> Any:
        """Applies a function to each cogroup using pandas and returns the result as a
        `DataFrame`."""
        return self._apply(func, schema, arrow=False)

    def applyInArrow(self, func: Callable, schema: Any) -> Any:
        """Applies a function to each cogroup using Arrow and returns the result as a
        `DataFrame`."""
        return self._apply(func, schema, arrow=True)

    def _apply(self, func: Callable, schema: Any, arrow: bool) -> Any:
        """Every key of either side with its rows from both (an empty frame of the
        side's columns where it has none); the key, from the side that has rows, when
        the function takes three arguments."""
        import pyarrow as pa

        struct = _schema(schema)
        left, left_groups = _keyed_groups(self._gd1)
        right, right_groups = _keyed_groups(self._gd2)
        keys = list(left_groups) + [k for k in right_groups if k not in left_groups]
        takes_key = len(inspect.signature(func).parameters) == 3

        def side(data: Any, rows: List[int]) -> Any:
            part = data.take(pa.array(rows, type=pa.int64()))
            return part if arrow else part.to_pandas()

        def run() -> List[Any]:
            out = []
            for key in keys:
                lhs = side(left, left_groups.get(key, []))
                rhs = side(right, right_groups.get(key, []))
                r = func(key, lhs, rhs) if takes_key else func(lhs, rhs)
                if arrow:
                    if not isinstance(r, pa.Table):
                        raise PySparkTypeError(
                            message=f"Return type of the user-defined function should be pyarrow.Table, but is {type(r).__name__}.",
                            errorClass="UDF_RETURN_TYPE",
                            messageParameters={"expected": "pyarrow.Table", "actual": type(r).__name__},
                        )
                    out.append(r.select(struct.names) if r.num_columns else _arrow_schema(struct).empty_table())
                else:
                    out.append(_from_pandas(r, struct))
            return out

        return _result(self._gd1._df, _call(run), struct)
