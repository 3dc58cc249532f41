"""``pyspark.sql.udtf``: Python user-defined table functions.

A call (``f(lit(1), lit(3))``) evaluates its arguments, runs the handler class --
``eval`` once with them, then ``terminate`` and ``cleanup`` when defined -- and gives a
DataFrame of the rows produced, converted to the declared schema as PySpark's pickled
path converts UDF results. The call runs when it is made (PySpark runs it at the
action), as ``mapInPandas`` and the grouped pandas APIs do here."""

import inspect
from dataclasses import dataclass
from typing import Any, List, Optional, Type, Union

from pyrust.errors import PySparkAttributeError, PySparkRuntimeError, PySparkTypeError, PythonException
from pyrust.sql.types import StructType, _parse_datatype_string

__all__ = ["AnalyzeArgument", "AnalyzeResult", "UserDefinedTableFunction", "UDTFRegistration"]

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
class AnalyzeResult:
    """What a UDTF's static ``analyze`` method returns: the output schema."""

    schema: Any
    withSinglePartition: bool = False
    partitionBy: Any = ()
    orderBy: Any = ()
    select: Any = ()


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

    def _schema(self, args: List[Any], types: List[Any]) -> StructType:
        """The declared return type, or what the static ``analyze`` gives for the arguments."""
        declared = self.returnType
        if declared is not None:
            return declared
        result = self.func.analyze(*[AnalyzeArgument(dataType=t, value=v, isTable=False, isConstantExpression=True)
                                     for v, t in zip(args, types)])
        schema = result.schema
        return _parse_datatype_string(schema) if isinstance(schema, str) else schema

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from pyrust.sql.column import Column, _to_col_expr
        from pyrust.sql.session import SparkSession

        spark = SparkSession.getActiveSession() or SparkSession.builder.getOrCreate()
        names = list(kwargs)
        cols = [Column(_to_col_expr(a)) for a in list(args) + [kwargs[k] for k in names]]
        evaluated = spark.range(1).select(*cols)
        values = list(evaluated.collect()[0]) if cols else []
        types = [f.dataType for f in evaluated.schema.fields][: len(args)] if cols else []
        positional, named = values[: len(args)], dict(zip(names, values[len(args):]))
        schema = self._schema(positional, types)
        rows = self._run(positional, named, schema)
        return spark.createDataFrame(self._table(rows, schema, spark), schema)

    def _run(self, args: List[Any], kwargs: dict, schema: StructType) -> List[Any]:
        handler = self.func()
        size = len(schema.fields)
        rows: List[Any] = []

        def collect(method_name: str, produce: Any) -> None:
            try:
                res = produce()
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
                except Exception as e:
                    raise _worker_error("UDTF_EXEC_ERROR", f"User defined table function encountered an error in the '{method_name}' method: {e}") from None
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
                rows.append(row)

        try:
            collect("eval", lambda: handler.eval(*args, **kwargs))
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
        values = [convert(tuple(r) if isinstance(r, list) else r) for r in rows]
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
        self.sparkSession.__dict__.setdefault("_udtfs", {})[name.lower()] = registered
        return registered


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


def _expand_table_functions(spark: Any, query: str, udtfs: dict) -> str:
    """``FROM f(args)`` with `f` a registered UDTF: the call is run (its arguments are
    SQL expressions without columns) and its rows stand in as a temporary view. The SQL
    front end has no table-function hook for Python, so this is done on the text,
    before parsing: only a call right after FROM (or JOIN) is seen."""
    import re

    from pyrust.sql.functions import expr

    pattern = re.compile(r"\b(FROM|JOIN)\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(", re.IGNORECASE)
    out, pos = [], 0
    for m in pattern.finditer(query):
        f = udtfs.get(m.group(2).lower())
        if f is None or m.start() < pos:
            continue
        parsed = _call_arguments(query, m.end() - 1)
        if parsed is None:
            continue
        args, end = parsed
        view = f"__pyrust_udtf_{id(f)}_{len(out)}"
        f(*[expr(a) for a in args]).createOrReplaceTempView(view)
        out.append(query[pos:m.start(2)] + f"`{view}`")
        pos = end
    return "".join(out) + query[pos:]
