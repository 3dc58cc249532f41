"""``pyspark.sql.udtf``: Python user-defined table functions.

A call (``f(lit(1), lit(3))``) evaluates its arguments, runs the handler class --
``eval`` once with them, then ``terminate`` and ``cleanup`` when defined -- and gives a
DataFrame of the rows produced, converted to the declared schema as PySpark's pickled
path converts UDF results. The call runs when it is made (PySpark runs it at the
action), as ``mapInPandas`` and the grouped pandas APIs do here."""

import inspect
import dataclasses
from dataclasses import dataclass, field
from typing import Any, Callable, List, Optional, Sequence, Tuple, Type, Union

from pyrust.errors import PySparkAttributeError, PySparkException, PySparkRuntimeError, PySparkTypeError, PythonException
from pyrust.sql.types import StructType, _parse_datatype_string

__all__ = ["AnalyzeArgument", "AnalyzeResult", "PartitioningColumn", "OrderingColumn", "SelectedColumn",
           "SkipRestOfInputTableException", "UserDefinedTableFunction", "UDTFRegistration"]

SQL_TABLE_UDF = 300
SQL_ARROW_TABLE_UDF = 301

_WORKER_HEADER = "\n  An exception was thrown from the Python worker. Please see the stack trace below.\n"


@dataclass(frozen=True)
class AnalyzeArgument:
    """An argument of a UDTF's static ``analyze`` method: its type and, for a constant
    argument, its value."""

    dataType: Any
    value: Optional[Any]
    isTable: bool
    isConstantExpression: bool


@dataclass(frozen=True)
class PartitioningColumn:
    """An expression over the TABLE argument's columns its rows are partitioned by."""

    name: str


@dataclass(frozen=True)
class OrderingColumn:
    """An expression over the TABLE argument's columns each partition is ordered by."""

    name: str
    ascending: bool = True
    overrideNullsFirst: Optional[bool] = None


@dataclass(frozen=True)
class SelectedColumn:
    """An expression over the TABLE argument's columns the UDTF receives instead of the
    table's own columns."""

    name: str
    alias: str = ""


# Not frozen: users subclass it to hand more state to ``__init__``.
@dataclass
class AnalyzeResult:
    """What a UDTF's static ``analyze`` method returns: the output schema and how the
    TABLE argument's rows reach ``eval``."""

    schema: Any
    withSinglePartition: bool = False
    partitionBy: Sequence[PartitioningColumn] = field(default_factory=tuple)
    orderBy: Sequence[OrderingColumn] = field(default_factory=tuple)
    select: Sequence[SelectedColumn] = field(default_factory=tuple)


class SkipRestOfInputTableException(Exception):
    """Raised by ``eval`` to skip the rest of the current partition of the TABLE
    argument: ``terminate`` runs next."""


def _validate_udtf_handler(cls: Any, returnType: Optional[Union[StructType, str]]) -> None:
    if not isinstance(cls, type):
        raise PySparkTypeError(
            message=f"The UDTF is invalid. The function handler must be a class, but got '{type(cls).__name__}'. Please provide a class as the function handler.",
            errorClass="INVALID_UDTF_HANDLER_TYPE", messageParameters={"type": type(cls).__name__},
        )
    name = cls.__name__
    if not hasattr(cls, "eval"):
        raise PySparkAttributeError(
            message=f"The UDTF '{name}' is invalid. It does not implement the required 'eval' method. Please implement the 'eval' method in '{name}' and try again.",
            errorClass="INVALID_UDTF_NO_EVAL", messageParameters={"name": name},
        )
    has_analyze = hasattr(cls, "analyze")
    static_analyze = has_analyze and isinstance(inspect.getattr_static(cls, "analyze"), staticmethod)
    if returnType is None and not static_analyze:
        raise PySparkAttributeError(
            message=f"The UDTF '{name}' is invalid. It does not specify its return type or implement the required 'analyze' static method. Please specify the return type or implement the 'analyze' static method in '{name}' and try again.",
            errorClass="INVALID_UDTF_RETURN_TYPE", messageParameters={"name": name},
        )
    if returnType is not None and has_analyze:
        raise PySparkAttributeError(
            message=f"The UDTF '{name}' is invalid. It has both its return type and an 'analyze' attribute. Please make it have one of either the return type or the 'analyze' static method in '{name}' and try again.",
            errorClass="INVALID_UDTF_BOTH_RETURN_TYPE_AND_ANALYZE", messageParameters={"name": name},
        )


def _worker_error(condition: str, text: str) -> PythonException:
    """A PySpark error raised in the Python worker, as it reaches the user."""
    return PythonException(message=f"{_WORKER_HEADER}pyspark.errors.exceptions.base.PySparkRuntimeError: [{condition}] {text}\n")


def _analysis_error(condition: str, text: str, parameters: dict) -> Exception:
    from pyrust.errors import AnalysisException

    return AnalysisException(message=text, errorClass=condition, messageParameters=parameters)


def _ordering(o: OrderingColumn) -> Any:
    from pyrust.sql.functions import expr

    c = expr(o.name)
    if o.overrideNullsFirst is None:
        return c.asc() if o.ascending else c.desc()
    if o.overrideNullsFirst:
        return c.asc_nulls_first() if o.ascending else c.desc_nulls_first()
    return c.asc_nulls_last() if o.ascending else c.desc_nulls_last()


_PARTITION_KEY = "__pyrust_udtf_partition_{}"


def _partition_frame(table: Any, result: Optional[AnalyzeResult]) -> Tuple[Any, int]:
    """The TABLE argument's rows (its columns, or ``analyze``'s ``select``) followed by
    their partition keys, ordered by partition and as asked, and the number of data
    columns. Without PARTITION BY the table is one partition (as Spark's single input
    partition on small data)."""
    from pyrust.sql.functions import col, expr

    df = table._df
    partition_by, order_by, selected = table._partition_by, table._order_by, None
    if result is not None:
        if result.withSinglePartition or result.partitionBy:
            partition_by = [expr(p.name) for p in result.partitionBy]
        if result.orderBy:
            order_by = [_ordering(o) for o in result.orderBy]
        if result.select:
            selected = [expr(c.name).alias(c.alias) if c.alias else expr(c.name) for c in result.select]
    keys = [_PARTITION_KEY.format(i) for i in range(len(partition_by))]
    data = df.select("*", *[c.alias(k) for c, k in zip(partition_by, keys)])
    if keys or order_by:
        data = data.orderBy(*[col(k) for k in keys], *order_by)
    data = data.select(*(selected or [col(c) for c in df.columns]), *[col(k) for k in keys])
    return data, len(data.columns) - len(keys)


def _partition_rows(stream: Any, width: int, zone: str) -> List[List[Any]]:
    """The rows of `_partition_frame` (an Arrow stream) as ``Row``s of the data columns,
    in partitions (runs of equal keys), with the Python values a pickled UDF's arguments
    have."""
    import pyarrow as pa

    from pyrust.sql.types import _create_row
    from pyrust.sql.udf import _columns, _zone

    table = pa.RecordBatchReader._import_from_c_capsule(stream).read_all()
    fields = table.column_names[:width]
    batch = table.combine_chunks().to_batches()
    columns = _columns(batch[0], _zone(zone)) if batch else [[] for _ in table.column_names]
    partitions: List[List[Any]] = []
    previous: Any = None
    for values in zip(*columns) if columns else ():
        key = tuple(values[width:])
        if not partitions or key != previous:
            partitions.append([])
            previous = key
        partitions[-1].append(_create_row(fields, list(values[:width])))
    # An empty table still makes one task: `terminate` runs once.
    return partitions or [[]]


def _generator_error(e: BaseException) -> PythonException:
    """PySpark's ``PythonException`` for an error raised while ``eval``'s generator
    runs: the traceback from the user's frames on."""
    import traceback

    tb = e.__traceback__
    while tb is not None and tb.tb_frame.f_globals.get("__name__") == __name__:
        tb = tb.tb_next
    return PythonException(message=_WORKER_HEADER + "".join(traceback.format_exception(type(e), e, tb)))


def _zone_name(spark: Any) -> str:
    return spark.conf.get("spark.sql.session.timeZone", "UTC")


def _arrow_arguments(df: Any, first: int) -> List[List[Any]]:
    """The columns of `df` from `first` on, as an Arrow UDTF's ``eval`` sees them:
    through pandas (a NULL integer is NaN, a timestamp a ``pandas.Timestamp``), one
    list of values per column."""
    from pyrust.sql._pandas_convert import to_pandas

    table = df.toArrow()
    zone = _zone_name(df.sparkSession)
    return [list(to_pandas(table.column(i), f.dataType, zone)) for i, f in enumerate(df.schema.fields) if i >= first]


def _arrow_rows(rows: List[Any], schema: StructType, zone: str, method_name: str) -> List[Any]:
    """The rows one ``eval`` (or ``terminate``) call of an Arrow UDTF gave, through
    PySpark's Arrow path: a pandas DataFrame of them, its column count checked, each
    column cast to its field's Arrow type (a failed cast is UDTF_ARROW_TYPE_CAST_ERROR),
    and back as tuples of the values Spark keeps."""
    import pandas as pd
    import pyarrow as pa

    from pyrust.errors import PySparkRuntimeError
    from pyrust.sql._pandas_convert import from_pandas, safe_check
    from pyrust.sql.udf import _arrow_type

    frame = pd.DataFrame(rows)
    if len(frame) == 0 and len(frame.columns) == 0:
        return []
    if len(frame.columns) != len(schema.fields):
        raise _worker_error(
            "UDTF_RETURN_SCHEMA_MISMATCH",
            f"The number of columns in the result does not match the specified schema. Expected column count: {len(schema.fields)}, Actual column count: {len(frame.columns)}. Please make sure the values returned by the '{method_name}' method have the same number of columns as specified in the output schema.",
        )
    safe = safe_check()
    arrays = []
    for i, f in enumerate(schema.fields):
        series = frame[frame.columns[i]].rename(f.name)
        try:
            arrays.append(from_pandas(series, _arrow_type(f.dataType), f.dataType, zone, safe, udtf=True))
        except PySparkRuntimeError as e:
            raise _worker_error(e.getCondition() or "", e._message) from None
    table = pa.Table.from_arrays(arrays, names=[f"_{i}" for i in range(len(arrays))])
    return [tuple(r.values()) for r in table.to_pylist(maps_as_pydicts="lossy")]

class UserDefinedTableFunction:
    """User-defined table function in Python"""

    def __init__(self, func: Type, returnType: Optional[Union[StructType, str]], name: Optional[str] = None,
                 evalType: int = SQL_TABLE_UDF, deterministic: bool = False):
        _validate_udtf_handler(func, returnType)
        self.func = func
        self._returnType = returnType
        self._name = name or func.__name__
        self.evalType = evalType
        self.deterministic = deterministic

    @property
    def returnType(self) -> Optional[StructType]:
        rt = self._returnType
        if rt is None:
            return None
        parsed = _parse_datatype_string(rt) if isinstance(rt, str) else rt
        if not isinstance(parsed, StructType):
            raise PySparkTypeError(
                message=f"Mismatch in return type for the UDTF '{self._name}'. Expected a 'StructType', but got '{parsed}'. Please ensure the return type is a correctly formatted StructType.",
                errorClass="UDTF_RETURN_TYPE_MISMATCH", messageParameters={"name": self._name, "return_type": str(parsed)},
            )
        return parsed

    def _analyze(self, args: List[Any], types: List[Any], tables: List[bool], names: List[str]) -> Tuple[StructType, Optional[AnalyzeResult]]:
        """The declared return type, or what the static ``analyze`` gives for the
        arguments, the last ones named by `names` (with the result itself, which may steer
        the TABLE argument)."""
        declared = self.returnType
        if declared is not None:
            return declared, None
        arguments = [AnalyzeArgument(dataType=t, value=None if is_table else v, isTable=is_table,
                                     isConstantExpression=not is_table)
                     for v, t, is_table in zip(args, types, tables)]
        positional = len(arguments) - len(names)
        result = self.func.analyze(*arguments[:positional], **dict(zip(names, arguments[positional:])))
        schema = result.schema
        return (_parse_datatype_string(schema) if isinstance(schema, str) else schema), result

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from pyrust.sql.column import Column, _to_col_expr
        from pyrust.sql.session import SparkSession
        from pyrust.sql.table_arg import TableArg

        spark = SparkSession.getActiveSession() or SparkSession.builder.getOrCreate()
        names = list(kwargs)
        given = list(args) + [kwargs[k] for k in names]
        is_table = [isinstance(a, TableArg) for a in given]
        if sum(is_table) > 1:
            raise _analysis_error("TABLE_VALUED_FUNCTION_TOO_MANY_TABLE_ARGUMENTS",
                                  f"There are too many table arguments for table-valued function. It allows one table argument, but got: {sum(is_table)}. If you want to allow it, please set \"spark.sql.allowMultipleTableArguments.enabled\" to \"true\"",
                                  {"num": str(sum(is_table))})
        cols = [Column(_to_col_expr(a)) for a, t in zip(given, is_table) if not t]
        scalars: List[Any] = []
        scalar_types: List[Any] = []
        if cols:
            evaluated = spark.range(1).select(*cols)
            if self.evalType == SQL_ARROW_TABLE_UDF:
                scalars = [values[0] for values in _arrow_arguments(evaluated, 0)]
            else:
                scalars = list(evaluated.collect()[0])
            scalar_types = [f.dataType for f in evaluated.schema.fields]
        values, types, it = [], [], iter(zip(scalars, scalar_types))
        for a, t in zip(given, is_table):
            if t:
                values.append(a)
                types.append(a._df.schema)
            else:
                v, dt = next(it)
                values.append(v)
                types.append(dt)
        schema, result = self._analyze(values, types, is_table, names)
        make_handler = self._handler_factory(result)
        table = next((a for a in given if isinstance(a, TableArg)), None)
        from pyrust.sql.dataframe import DataFrame

        if table is None:
            # No input rows: the handler runs at the action (a plan node over no input).
            call = (values[: len(args)], dict(zip(names, values[len(args):])))

            def run(streams: List[Any], zone: str) -> Any:
                rows = [row for _, row in self._run(make_handler, [call], schema, zone)]
                return self._table(rows, schema, spark)

            return DataFrame(spark._native.python_table(run, schema.json(), []), spark)
        # The TABLE argument's rows, partitioned and ordered, reach the handler at the action.
        position = is_table.index(True)
        data, width = _partition_frame(table, result)

        def run_over_table(streams: List[Any], zone: str) -> Any:
            rows: List[Any] = []
            for partition in _partition_rows(streams[0], width, zone):
                partition_calls = []
                for row in partition:
                    call_values = values[:position] + [row] + values[position + 1:]
                    partition_calls.append((call_values[: len(args)], dict(zip(names, call_values[len(args):]))))
                rows.extend(row for _, row in self._run(make_handler, partition_calls, schema, zone))
            return self._table(rows, schema, spark)

        return DataFrame(spark._native.python_table(run_over_table, schema.json(), [data._df]), spark)

    def _lateral(self, left: Any, arguments: List[Any]) -> Any:
        """``left, LATERAL f(args)``: each row of `left` with the rows `f` gives for it
        (arguments are expressions over `left`), one handler over the whole input as
        Spark's single task on small data."""
        spark = left.sparkSession
        width = len(left.columns)
        keys = [f"__pyrust_udtf_arg_{i}" for i in range(len(arguments))]
        data = left.select("*", *[a.alias(k) for a, k in zip(arguments, keys)])
        argument_types = [f.dataType for f in data.schema.fields[width:]]
        if self.returnType is not None:
            schema, result = self.returnType, None
        else:
            result = self.func.analyze(*[AnalyzeArgument(dataType=t, value=None, isTable=False, isConstantExpression=False)
                                         for t in argument_types])
            schema = _parse_datatype_string(result.schema) if isinstance(result.schema, str) else result.schema
        out_schema = StructType(list(left.schema.fields) + list(schema.fields))
        data_fields = data.schema.fields
        make_handler = self._handler_factory(result)

        def run(streams: List[Any], zone: str) -> Any:
            import pyarrow as pa

            from pyrust.sql._pandas_convert import to_pandas
            from pyrust.sql.udf import _columns, _zone

            table = pa.RecordBatchReader._import_from_c_capsule(streams[0]).read_all().combine_chunks()
            n = table.num_rows
            if self.evalType == SQL_ARROW_TABLE_UDF and n:
                columns = [list(to_pandas(table.column(i), data_fields[i].dataType, zone)) for i in range(width, table.num_columns)]
            else:
                batches = table.select(list(range(width, table.num_columns))).to_batches()
                columns = _columns(batches[0], _zone(zone)) if batches and keys else []
            arguments_of = [list(v) for v in zip(*columns)] if columns else [[] for _ in range(n)]
            pairs = self._run(make_handler, [(a, {}) for a in arguments_of], schema, zone) if n else []
            produced = self._table([row for _, row in pairs], schema, spark)
            joined = table.select(list(range(width))).take(pa.array([i for i, _ in pairs], type=pa.int64()))
            return pa.Table.from_arrays(joined.columns + produced.columns, names=[f.name for f in out_schema.fields])

        from pyrust.sql.dataframe import DataFrame

        return DataFrame(spark._native.python_table(run, out_schema.json(), [data._df]), spark)

    def _handler_factory(self, result: Optional[AnalyzeResult]) -> Callable[[], Any]:
        """How a handler is made: with a copy of the ``analyze`` result when its
        ``__init__`` takes one (PySpark's worker does the same)."""
        init_args = inspect.getfullargspec(self.func).args
        if result is not None and len(init_args) == 2:
            return lambda: self.func(dataclasses.replace(result))
        return self.func

    def _check_signature(self, handler: Any, positional: List[Any], named: dict) -> None:
        """PySpark's worker binds the call's arguments to ``eval`` before it runs."""
        try:
            inspect.signature(handler.eval).bind(*positional, **named)
        except TypeError as e:
            condition = "UDTF_EVAL_METHOD_ARGUMENTS_DO_NOT_MATCH_SIGNATURE"
            text = PySparkRuntimeError(errorClass=condition, messageParameters={"name": self._name, "reason": str(e)})._message
            raise _worker_error(condition, text) from None

    def _run(self, make_handler: Callable[[], Any], calls: List[Tuple[List[Any], dict]], schema: StructType,
             zone: str) -> List[Tuple[int, Any]]:
        """One partition: a handler, ``eval`` for each call, then ``terminate`` and
        ``cleanup``. Each row comes with the index of the call that gave it; rows of
        ``terminate`` go with the last call (a LATERAL join pairs them with the last
        input row, as Spark's joined row does)."""
        try:
            handler = make_handler()
        except Exception as e:
            raise _worker_error("UDTF_EXEC_ERROR", f"User defined table function encountered an error in the '__init__' method: {e}") from None
        if calls:
            self._check_signature(handler, *calls[0])
        from pyrust.sql.udf import check_cancelled

        size = len(schema.fields)
        arrow = self.evalType == SQL_ARROW_TABLE_UDF
        rows: List[Tuple[int, Any]] = []
        current = 0

        def collect(method_name: str, produce: Any) -> None:
            produced: List[Any] = []
            try:
                gather(method_name, produce, produced)
            finally:
                # Rows given before SkipRestOfInputTableException still count.
                if arrow:
                    produced = _arrow_rows(produced, schema, zone, method_name)
                rows.extend((current, row) for row in produced)

        def gather(method_name: str, produce: Any, produced: List[Any]) -> None:
            try:
                res = produce()
            except SkipRestOfInputTableException:
                raise
            except Exception as e:
                raise _worker_error("UDTF_EXEC_ERROR", f"User defined table function encountered an error in the '{method_name}' method: {e}") from None
            if res is None:
                return
            try:
                iterator = iter(res)
            except TypeError:
                raise _worker_error(
                    "UDTF_RETURN_NOT_ITERABLE",
                    f"The return value of the '{method_name}' method of the UDTF is invalid. It should be an iterable (e.g., generator or list), but got '{type(res).__name__}'. Please make sure that the UDTF returns one of these types.",
                ) from None
            while True:
                try:
                    row = next(iterator)
                except StopIteration:
                    break
                except SkipRestOfInputTableException:
                    raise
                except Exception as e:
                    # Raised while the generator runs, past PySpark's wrapper: the plain traceback.
                    raise _generator_error(e) from None
                if arrow:
                    produced.append(row)
                    continue
                if hasattr(row, "__len__") and len(row) != size:
                    raise _worker_error(
                        "UDTF_RETURN_SCHEMA_MISMATCH",
                        f"The number of columns in the result does not match the specified schema. Expected column count: {size}, Actual column count: {len(row)}. Please make sure the values returned by the '{method_name}' method have the same number of columns as specified in the output schema.",
                    )
                if not (isinstance(row, (list, dict, tuple)) or hasattr(row, "__dict__")):
                    raise _worker_error(
                        "UDTF_INVALID_OUTPUT_ROW_TYPE",
                        f"The type of an individual output row in the '{method_name}' method of the UDTF is invalid. Each row should be a tuple, list, or dict, but got '{type(row).__name__}'. Please make sure that the output rows are of the correct type.",
                    )
                produced.append(row)

        try:
            for current, (positional, named) in enumerate(calls):
                check_cancelled()
                try:
                    collect("eval", lambda: handler.eval(*positional, **named))
                except SkipRestOfInputTableException:
                    break
            if hasattr(handler, "terminate"):
                collect("terminate", handler.terminate)
        finally:
            if hasattr(handler, "cleanup"):
                handler.cleanup()
        return rows

    @staticmethod
    def _table(rows: List[Any], schema: StructType, spark: Any) -> Any:
        """The rows as Arrow of the schema, each value converted as a pickled UDF's result."""
        import pyarrow as pa

        from pyrust.sql.udf import _arrow_type, _to_spark, _zone

        convert = _to_spark(schema, _zone(spark.conf.get("spark.sql.session.timeZone", "UTC")))
        try:
            values = [convert(tuple(r) if isinstance(r, list) else r) for r in rows]
        except PySparkException:
            raise
        except Exception as e:
            # PySpark's worker fails converting the row (toInternal): the plain traceback.
            raise _generator_error(e) from None
        arrow = pa.schema([pa.field(f.name, _arrow_type(f.dataType), True) for f in schema.fields])
        columns = [pa.array([v[f.name] for v in values], type=arrow.field(i).type) for i, f in enumerate(schema.fields)]
        return pa.Table.from_arrays(columns, schema=arrow)

    def asDeterministic(self) -> "UserDefinedTableFunction":
        """Updates UserDefinedTableFunction to deterministic."""
        self.deterministic = True
        return self


class UDTFRegistration:
    """Wrapper for user-defined table function registration. This instance can be accessed by
    :attr:`spark.udtf` or :attr:`sqlContext.udtf`."""

    def __init__(self, sparkSession: Any):
        self.sparkSession = sparkSession

    def register(self, name: str, f: "UserDefinedTableFunction") -> "UserDefinedTableFunction":
        """Register a Python user-defined table function as a SQL table function."""
        if not isinstance(f, UserDefinedTableFunction):
            raise PySparkTypeError(
                message=f"Cannot register the UDTF '{name}': expected a 'UserDefinedTableFunction'. Please make sure the UDTF is correctly defined as a class, and then either wrap it in the `udtf()` function or annotate it with `@udtf(...)`.",
                errorClass="CANNOT_REGISTER_UDTF", messageParameters={"name": name},
            )
        registered = UserDefinedTableFunction(f.func, returnType=f._returnType, name=name, evalType=f.evalType,
                                              deterministic=f.deterministic)
        udtfs = self.sparkSession.__dict__.setdefault("_udtfs", {})
        if not udtfs:
            self.sparkSession._native.set_table_function_resolver(_lateral_resolver(self.sparkSession))
        udtfs[name.lower()] = registered
        return registered


def _lateral_resolver(spark: Any) -> Callable[[str, Any, List[Any]], Any]:
    """What ``spark.sql`` calls for a registered UDTF `f` in FROM: with `left` (``left,
    LATERAL f(args)`` or ``JOIN LATERAL``), `left`'s rows joined with the rows `f` gives
    for each (``UserDefinedTableFunction._lateral``); without (``FROM t, f(args)``), the
    call's own rows. None when `f` is none. The session is held weakly: it holds this
    function."""
    import weakref

    session = weakref.ref(spark)

    def resolve(name: str, left: Any, args: List[Any]) -> Any:
        from pyrust.errors import AnalysisException
        from pyrust.sql.column import Column
        from pyrust.sql.dataframe import DataFrame

        owner = session()
        f = owner.__dict__.get("_udtfs", {}).get(name.lower()) if owner is not None else None
        if f is None:
            return None
        columns = [Column(a) for a in args]
        try:
            if left is None:
                # Without LATERAL an argument reads no column of the FROM before it.
                owner.range(1).select().select(*columns)
                return f(*columns)._df
            return f._lateral(DataFrame(left, owner), columns)._df
        except AnalysisException as e:
            raise _without_suggestion(e) from None

    return resolve


def _without_suggestion(e: Any) -> Any:
    """Spark resolves a table function's arguments apart from the FROM's other columns:
    an unknown one is ``UNRESOLVED_COLUMN.WITHOUT_SUGGESTION``, candidates unlisted."""
    from pyrust.errors import AnalysisException

    if e.getCondition() != "UNRESOLVED_COLUMN.WITH_SUGGESTION":
        return e
    name = e.getMessageParameters()["objectName"]
    if name.count("`") == 2 and name.startswith("`") and name.endswith("`"):
        # SQL names each part: `t`.`a`, not `t.a`.
        name = ".".join(f"`{part}`" for part in name[1:-1].split("."))
    return AnalysisException(errorClass="UNRESOLVED_COLUMN.WITHOUT_SUGGESTION", messageParameters={"objectName": name})


def _create_py_udtf(cls: Type, returnType: Optional[Union[StructType, str]], name: Optional[str] = None,
                    deterministic: bool = False, useArrow: Optional[bool] = None) -> UserDefinedTableFunction:
    from pyrust.sql.session import SparkSession

    if useArrow is None:
        session = SparkSession.getActiveSession()
        value = session.conf.get("spark.sql.execution.pythonUDTF.arrow.enabled", "false") if session is not None else "false"
        useArrow = str(value).lower() == "true"
    return UserDefinedTableFunction(cls, returnType=returnType, name=name,
                                    evalType=SQL_ARROW_TABLE_UDF if useArrow else SQL_TABLE_UDF, deterministic=deterministic)


# ------------------------------------------------------------ SQL: FROM f(...)

def _call_arguments(text: str, start: int) -> Any:
    """The comma-separated arguments of the call whose '(' is at `start`, and the
    index after its ')': None when the parentheses do not close."""
    depth, quote, args, begin = 0, None, [], start + 1
    for i in range(start, len(text)):
        c = text[i]
        if quote:
            if c == quote:
                quote = None
        elif c in "'\"`":
            quote = c
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                last = text[begin:i].strip()
                if last or args:
                    args.append(last)
                return args, i + 1
        elif c == "," and depth == 1:
            args.append(text[begin:i].strip())
            begin = i + 1
    return None


def _sql_ordering(item: str) -> Any:
    import re

    from pyrust.sql.functions import expr

    m = re.match(r"(.*?)(?:\s+(ASC|DESC))?(?:\s+NULLS\s+(FIRST|LAST))?\s*$", item, re.IGNORECASE | re.DOTALL)
    assert m is not None
    ascending = (m.group(2) or "ASC").upper() == "ASC"
    nulls = m.group(3)
    if nulls is None:
        return expr(m.group(1)).asc() if ascending else expr(m.group(1)).desc()
    return _ordering(OrderingColumn(m.group(1), ascending, nulls.upper() == "FIRST"))


def _table_argument(spark: Any, text: str) -> Any:
    """A ``TABLE(t)`` / ``TABLE t`` / ``TABLE(SELECT ...)`` argument with its optional
    ``PARTITION BY``, ``WITH SINGLE PARTITION`` and ``ORDER BY``, as a TableArg; None
    when `text` is not one."""
    import re

    from pyrust.sql.functions import expr
    from pyrust.sql.table_arg import TableArg

    m = re.match(r"TABLE\b\s*", text, re.IGNORECASE)
    if m is None:
        return None
    pos = m.end()
    if text[pos:pos + 1] == "(":
        parsed = _call_arguments(text, pos)
        if parsed is None:
            return None
        inner, pos = ",".join(parsed[0]).strip(), parsed[1]
    else:
        name = re.match(r"[A-Za-z_`][A-Za-z0-9_.`]*", text[pos:])
        if name is None:
            return None
        raise _missing_parentheses(name.group(0), text[: pos + name.end()])
    if re.match(r"(SELECT|WITH|FROM|VALUES)\b", inner, re.IGNORECASE):
        arg = TableArg(spark.sql(inner))
    else:
        arg = TableArg(spark.table(inner))
    clause = re.compile(r"\s*(WITH\s+SINGLE\s+PARTITION|(?:PARTITION|DISTRIBUTE)\s+BY|(?:ORDER|SORT)\s+BY)\b\s*", re.IGNORECASE)
    rest = text[pos:]
    while rest.strip():
        c = clause.match(rest)
        if c is None:
            return None
        keyword = c.group(1).upper().split()[0]
        body_start = c.end()
        following = clause.search(rest, body_start)
        body_end = following.start() if following else len(rest)
        body = rest[body_start:body_end].strip()
        parsed = _call_arguments(body, 0) if body.startswith("(") else None
        items = parsed[0] if parsed is not None and parsed[1] == len(body) else [body]
        if keyword == "WITH":
            arg = arg.withSinglePartition()
        elif keyword in ("PARTITION", "DISTRIBUTE"):
            arg = arg.partitionBy(*[expr(i) for i in items])
        else:
            arg = arg.orderBy(*[_sql_ordering(i) for i in items])
        rest = rest[body_end:]
    return arg


def _argument(spark: Any, text: str, query: str, offset: int) -> Any:
    from pyrust.errors import ParseException
    from pyrust.sql.functions import expr

    try:
        table = _table_argument(spark, text)
    except ParseException as e:
        # Spark's parser error ends with its query context: the argument in the query.
        fragment = e.__dict__.pop("_fragment")
        place = {"__sqlText": query, "__start": str(offset), "__stop": str(offset + len(fragment) - 1)}
        raise ParseException(errorClass=e.getCondition(), messageParameters={**(e.getMessageParameters() or {}), **place}) from None
    return table if table is not None else expr(text)


def _missing_parentheses(name: str, fragment: str) -> Exception:
    from pyrust.errors import ParseException

    condition = "INVALID_SQL_SYNTAX.INVALID_TABLE_FUNCTION_IDENTIFIER_ARGUMENT_MISSING_PARENTHESES"
    e = ParseException(errorClass=condition, messageParameters={"argumentName": f"`{name.strip('`')}`"})
    e._fragment = fragment
    return e


def _quoted(query: str) -> List[Tuple[int, int]]:
    """The spans of string literals and quoted identifiers in `query` (a call written
    inside one is text, not a call)."""
    spans, i = [], 0
    while i < len(query):
        quote = query[i]
        if quote in "'\"`":
            j = i + 1
            while j < len(query) and query[j] != quote:
                j += 2 if query[j] == "\\" and quote != "`" else 1
            spans.append((i, j))
            i = j + 1
        else:
            i += 1
    return spans


def _inside(spans: List[Tuple[int, int]], pos: int) -> bool:
    return any(start < pos <= end for start, end in spans)


def _expand_table_functions(spark: Any, query: str, udtfs: dict) -> str:
    """``FROM f(args)`` with `f` a registered UDTF: the call is planned (its arguments
    are SQL expressions without columns, or TABLE arguments, which the SQL parser does
    not read) and its rows stand in as a temporary view; only a call right after FROM
    (or JOIN) is seen. Lateral calls (``FROM t, LATERAL f(t.a)``) are the SQL front
    end's, through ``_lateral_resolver``."""
    import re

    from pyrust.sql.functions import expr

    pattern = re.compile(r"\b(FROM|JOIN)\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(", re.IGNORECASE)
    out, pos, spans = [], 0, _quoted(query)
    for m in pattern.finditer(query):
        f = udtfs.get(m.group(2).lower())
        if f is None or m.start() < pos or _inside(spans, m.start()):
            continue
        parsed = _call_arguments(query, m.end() - 1)
        if parsed is None:
            continue
        args, end = parsed
        view = f"__pyrust_udtf_{id(f)}_{len(out)}"
        positional, named = [], {}
        for a in args:
            # `name => value`: a named argument of eval (and analyze).
            arrow = re.match(r"([A-Za-z_][A-Za-z0-9_]*)\s*=>\s*(.*)$", a, re.DOTALL)
            if arrow is not None:
                named[arrow.group(1)] = _argument(spark, arrow.group(2), query, query.find(arrow.group(2), m.end()))
            else:
                positional.append(_argument(spark, a, query, query.find(a, m.end())))
        f(*positional, **named).createOrReplaceTempView(view)
        out.append(query[pos:m.start(2)] + f"`{view}`")
        pos = end
    return "".join(out) + query[pos:]
