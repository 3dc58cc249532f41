"""The pandas and Arrow function APIs: ``DataFrame.mapInPandas``/``mapInArrow`` and
``GroupedData.applyInPandas``/``applyInArrow``.

Each builds a plan node (``PlanNode::PythonTable``) whose *runner* is called when an
action runs, as in PySpark: it gets the input's rows as Arrow, hands them to the function
(in batches of ``spark.sql.execution.arrow.maxRecordsPerBatch`` rows, default 10,000, or
one group at a time) and gives back an Arrow table of the declared schema. Errors raised
by the function surface at the action as PySpark's ``PythonException``.

Groups are found once for the whole input (Arrow's hash grouping, keys in order of first
appearance), the rows sorted by group with one ``take``, and each group handed over as a
zero-copy slice of that table."""

import inspect
from typing import Any, Callable, Dict, Iterator, List

from pyrust.errors import CapturedException, PySparkRuntimeError, PySparkTypeError
from pyrust.sql import _pandas_fast
from pyrust.sql.types import StructType, _parse_datatype_string
from pyrust.sql.udf import _arrow_type, _python_exception, check_cancelled


def _schema(schema: Any) -> StructType:
    from pyrust.sql.types import DataType

    # PySpark checks the schema as pandas_udf's returnType.
    if schema is None:
        raise PySparkTypeError(errorClass="CANNOT_BE_NONE", messageParameters={"arg_name": "returnType"})
    if not isinstance(schema, (str, DataType)):
        raise PySparkTypeError(errorClass="NOT_DATATYPE_OR_STR", messageParameters={
            "arg_name": "returnType", "arg_type": type(schema).__name__})
    struct = _parse_datatype_string(schema) if isinstance(schema, str) else schema
    if not isinstance(struct, StructType):
        raise PySparkTypeError(
            message=f"Argument `schema` should be a StructType or str, got {type(schema).__name__}.",
            errorClass="NOT_STRUCT_OR_STR",
            messageParameters={"arg_name": "schema", "arg_type": type(schema).__name__},
        )
    return struct


# Arrow schemas (immutable) by the JSON of their Spark schema: the runners convert each
# batch's or group's result to one, and building it costs as much as a small batch's
# conversion.
_ARROW_SCHEMAS: Dict[str, Any] = {}


def _arrow_schema(struct: StructType) -> Any:
    import pyarrow as pa

    key = struct.json()
    schema = _ARROW_SCHEMAS.get(key)
    if schema is None:
        if len(_ARROW_SCHEMAS) > 256:
            _ARROW_SCHEMAS.clear()
        schema = _ARROW_SCHEMAS[key] = pa.schema([pa.field(f.name, _arrow_type(f.dataType), f.nullable) for f in struct.fields])
    return schema


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
    arrays = [_column_to_arrow(c, schema.field(i).type) for i, c in enumerate(columns)]
    return pa.Table.from_arrays(arrays, schema=schema)


def _column_to_arrow(column: Any, arrow_type: Any) -> Any:
    """``pa.Array.from_pandas`` of a returned column. A numpy-backed column already of
    the declared type's dtype goes through ``pa.array`` of its values (NaN as NULL, as
    ``from_pandas`` reads it), without pandas' conversion machinery: a tenth the cost."""
    import numpy as np
    import pyarrow as pa

    dtype = column.dtype
    if isinstance(dtype, np.dtype) and dtype.kind in "iuf" and (pa.types.is_integer(arrow_type) or pa.types.is_floating(arrow_type)) \
            and dtype == np.dtype(arrow_type.to_pandas_dtype()):
        return pa.array(_pandas_fast.values(column), type=arrow_type, from_pandas=True)
    return pa.Array.from_pandas(column, type=arrow_type)


def _to_pandas(data: Any) -> Any:
    """A record batch or table as the pandas DataFrame ``to_pandas`` gives. When every
    column is numeric without NULLs and the names are distinct, the frame is built from
    the columns' numpy arrays (copied, writable, as ``to_pandas`` gives them), which
    ``to_pandas`` reaches through its block manager at several times the cost."""
    import numpy as np
    import pyarrow as pa

    names = data.schema.names
    if data.num_columns == 0 or len(set(names)) != len(names) or any(
            c.null_count or not (pa.types.is_integer(c.type) or pa.types.is_floating(c.type)) for c in data.columns):
        return data.to_pandas()
    arrays = [np.array(c.to_numpy(), copy=True) for c in data.columns]
    return _pandas_fast.frame(names, arrays)


def _result(tables: List[Any], struct: StructType) -> Any:
    import pyarrow as pa

    schema = _arrow_schema(struct)
    if not tables:
        return schema.empty_table()
    # One cast of the whole result where the pieces already share a schema (pandas
    # results are converted to `schema` itself), not one per batch or group.
    first = tables[0].schema
    if all(t.schema == first for t in tables):
        table = pa.concat_tables(tables)
        return table if first == schema else table.cast(schema)
    return pa.concat_tables([t.cast(schema) for t in tables])


def _call(fn: Callable[[], Any]) -> Any:
    try:
        return fn()
    except CapturedException:
        raise
    except Exception as e:
        raise _python_exception(e) from None


def _read(stream: Any) -> Any:
    import pyarrow as pa

    return pa.RecordBatchReader._import_from_c_capsule(stream).read_all()


def _lazy(df: Any, run: Callable[[List[Any], str], Any], struct: StructType, inputs: List[Any]) -> Any:
    """A DataFrame of `struct` whose rows `run(streams, zone)` computes from `inputs`'
    rows when an action runs."""
    from pyrust.sql.dataframe import DataFrame

    session = df.sparkSession
    native = session._native.python_table(run, struct.json(), [d._df for d in inputs])
    return DataFrame(native, session)


def map_in_pandas(df: Any, func: Callable, schema: Any, arrow: bool, barrier: Any = False) -> Any:
    struct = _schema(schema)
    if not callable(func):  # PySpark's pandas_udf: "unsupported callable"
        raise PySparkTypeError(errorClass="NOT_CALLABLE", messageParameters={"arg_name": "func", "arg_type": type(func).__name__})
    if not isinstance(barrier, bool):  # handed to the JVM's mapInPandas(..., boolean, ...)
        raise PySparkTypeError(errorClass="NOT_BOOL", messageParameters={"arg_name": "barrier", "arg_type": type(barrier).__name__})

    def run(streams: List[Any], zone: str) -> Any:
        import pyarrow as pa

        from pyrust.sql._pandas_convert import batch_size, exact_batches

        batches = list(exact_batches(pa.RecordBatchReader._import_from_c_capsule(streams[0]), batch_size()))

        def inputs() -> Iterator[Any]:
            for b in batches:
                check_cancelled()
                yield b if arrow else _to_pandas(b)

        def call() -> List[Any]:
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

        return _result(_call(call), struct)

    return _lazy(df, run, struct, [df])


def _keyed(grouped: Any) -> Any:
    """The grouping's input with its key values first (``__pyrust_key<i>``)."""
    keys = grouped._keys
    df = grouped._df
    return df.select(*[k.alias(f"__pyrust_key{i}") for i, k in enumerate(keys)], *[df[c] for c in df.columns])


def _normal_key(column: Any) -> Any:
    """A key column as Spark groups it: -0.0 is 0.0."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if pa.types.is_floating(column.type):
        return pc.if_else(pc.equal(column, pa.scalar(0, column.type)), pa.scalar(0, column.type), column)
    return column


def _groups(table: Any, nkeys: int) -> Any:
    """The data columns of a keyed table sorted by group, and each group's key (a
    tuple of Python values), first row and length, groups in order of first appearance
    (NULL keys together, NaN keys together)."""
    import pyarrow as pa

    data, order, groups = _group_order(table, nkeys)
    return (data if order is None else data.take(pa.array(order))), groups


def _group_order(table: Any, nkeys: int) -> Any:
    """`_groups` before the rows are moved: the data columns as they are, the row
    numbers in group order (None: the rows are in order already) and the groups, each
    a run of that order. Each key column is dictionary-encoded (codes in order of first
    appearance), several keys' codes combined and encoded again; one stable argsort of
    the codes orders the rows."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    data = table.select(list(range(nkeys, table.num_columns)))
    n = table.num_rows
    if n == 0:
        return data, None, []
    if nkeys == 0:
        return data, None, [((), 0, n)]
    keys = [_normal_key(table.column(i)) for i in range(nkeys)]
    try:
        codes = None
        for key in keys:
            encoded = pc.dictionary_encode(key, null_encoding="encode").combine_chunks()
            ids = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
            if codes is None:
                codes = ids
            else:
                combined = pa.array(codes * len(encoded.dictionary) + ids)
                codes = pc.dictionary_encode(combined).indices.to_numpy(zero_copy_only=False).astype(np.int64)
    except (pa.ArrowNotImplementedError, pa.ArrowInvalid, pa.ArrowTypeError):
        return _groups_by_value(data, keys)
    # Arrow's sort of small integers is a counting sort, and stable.
    order = pc.sort_indices(pa.array(codes)).to_numpy()
    lengths = np.bincount(codes)
    offsets = np.cumsum(lengths) - lengths
    firsts = pa.array(order[offsets])
    key_values = list(zip(*[k.take(firsts).to_pylist() for k in keys]))
    groups = [(key, int(o), int(length)) for key, o, length in zip(key_values, offsets, lengths)]
    return data, order, groups


def _groups_by_value(data: Any, keys: List[Any]) -> Any:
    """`_group_order` for key types Arrow cannot hash (arrays, maps): by Python value."""
    import numpy as np

    key_values = list(zip(*[k.to_pylist() for k in keys]))
    rows: dict = {}
    for i, k in enumerate(key_values):
        rows.setdefault(_hashable(k), (k, []))[1].append(i)
    out, order, offset = [], [], 0
    for key, members in rows.values():
        out.append((key, offset, len(members)))
        order.extend(members)
        offset += len(members)
    return data, np.array(order, dtype=np.int64), out


def _group_parts(data: Any, order: Any, groups: List[Any], arrow: bool) -> Any:
    """Each group's rows, in `groups`' order, as the function takes them: a pyarrow
    Table, or the pandas DataFrame ``to_pandas`` gives. Numeric columns without NULLs
    are gathered per group straight into the frame's own (writable) numpy arrays:
    one pass over the rows, and memory for one group at a time, where moving the whole
    table into group order and copying each group out again makes two."""
    import numpy as np
    import pyarrow as pa

    names = data.schema.names
    gather = order is not None and not arrow and data.num_columns > 0 and len(set(names)) == len(names) and all(
        c.null_count == 0 and (pa.types.is_integer(c.type) or pa.types.is_floating(c.type)) for c in data.columns)
    if gather:
        arrays = [c.to_numpy() for c in data.columns]
        for _, offset, length in groups:
            rows = order[offset:offset + length]
            yield _pandas_fast.frame(names, [np.take(a, rows) for a in arrays])
        return
    if order is not None:
        data = data.take(pa.array(order))
    for _, offset, length in groups:
        part = data.slice(offset, length)
        yield part if arrow else _to_pandas(part)


def _hashable(v: Any) -> Any:
    if isinstance(v, (list, tuple)):
        return tuple(_hashable(x) for x in v)
    if isinstance(v, dict):
        return tuple(sorted((repr(k), _hashable(x)) for k, x in v.items()))
    return v


def _group_result(r: Any, struct: StructType, arrow: bool) -> Any:
    import pyarrow as pa

    if arrow:
        if not isinstance(r, pa.Table):
            raise PySparkTypeError(
                message=f"Return type of the user-defined function should be pyarrow.Table, but is {type(r).__name__}.",
                errorClass="UDF_RETURN_TYPE",
                messageParameters={"expected": "pyarrow.Table", "actual": type(r).__name__},
            )
        return r.select(struct.names) if r.num_columns else _arrow_schema(struct).empty_table()
    return _from_pandas(r, struct)


def apply_in_pandas(grouped: Any, func: Callable, schema: Any, arrow: bool) -> Any:
    """Each group (rows with equal keys, NULLs together) to the function, with its key
    when the function takes two arguments."""
    # PySpark builds a pandas_udf of func first: getfullargspec refuses what is not a function.
    inspect.getfullargspec(func)
    struct = _schema(schema)
    nkeys = len(grouped._keys)
    takes_key = len(inspect.signature(func).parameters) == 2

    def run(streams: List[Any], zone: str) -> Any:
        data, order, groups = _group_order(_read(streams[0]), nkeys)

        def call() -> List[Any]:
            out = []
            for (key, _, _), arg in zip(groups, _group_parts(data, order, groups, arrow)):
                check_cancelled()
                out.append(_group_result(func(key, arg) if takes_key else func(arg), struct, arrow))
            return out

        return _result(_call(call), struct)

    return _lazy(grouped._df, run, struct, [_keyed(grouped)])


class PandasCogroupedOps:
    """A logical grouping of two :class:`GroupedData`, created by
    :func:`GroupedData.cogroup`. Runs at the action, as the grouped APIs above."""

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
        struct = _schema(schema)
        nl, nr = len(self._gd1._keys), len(self._gd2._keys)
        takes_key = len(inspect.signature(func).parameters) == 3

        def run(streams: List[Any], zone: str) -> Any:
            left, left_groups = _groups(_read(streams[0]), nl)
            right, right_groups = _groups(_read(streams[1]), nr)
            left_by_key = {_hashable(k): (k, o, n) for k, o, n in left_groups}
            right_by_key = {_hashable(k): (k, o, n) for k, o, n in right_groups}
            keys = list(left_by_key) + [k for k in right_by_key if k not in left_by_key]

            def side(data: Any, group: Any) -> Any:
                part = data.slice(group[1], group[2]) if group is not None else data.slice(0, 0)
                return part if arrow else _to_pandas(part)

            def call() -> List[Any]:
                out = []
                for k in keys:
                    check_cancelled()
                    lg, rg = left_by_key.get(k), right_by_key.get(k)
                    lhs, rhs = side(left, lg), side(right, rg)
                    key = (lg or rg)[0]
                    out.append(_group_result(func(key, lhs, rhs) if takes_key else func(lhs, rhs), struct, arrow))
                return out

            return _result(_call(call), struct)

        return _lazy(self._gd1._df, run, struct, [_keyed(self._gd1), _keyed(self._gd2)])
