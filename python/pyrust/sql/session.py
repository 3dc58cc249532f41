"""``pyspark.sql.SparkSession``: the entry point. One process-wide session, as in
PySpark; it starts in milliseconds because there is no JVM behind it."""

import atexit
import threading
from typing import Any, Dict, List, Optional, Union

from pyrust import _native

from pyrust.sql import _conf_checks
from pyrust.errors import PySparkTypeError, PySparkValueError, not_implemented
from pyrust.sql._values import normalise_rows
from pyrust.sql.dataframe import DataFrame
from pyrust.sql.readwriter import DataFrameReader
from pyrust.sql.types import (
    DataType, Row, StructField, StructType, _has_nulltype, _infer_schema, _merge_type, _parse_datatype_string,
)

__all__ = ["SparkSession"]

# The process' scratch files (local copies of object-store files, writes before their
# upload, decompressed copies of compressed CSV files) go when the interpreter exits; a
# killed process' are removed by the next one (io::scratch).
atexit.register(_native.remove_scratch_files)

_DEFAULTS = {
    "spark.sql.ansi.enabled": "true",
    "spark.sql.caseSensitive": "false",
    "spark.sql.session.timeZone": "UTC",
    "spark.app.name": "pyrust",
    "spark.master": "local[*]",
}

# Defaults of registered SQL settings `conf.get` answers but `getAll` does not list, as
# Spark lists only the settings that were set.
_GET_DEFAULTS = {
    "spark.sql.pyspark.plotting.max_rows": "1000",
}


def _builder_text(value: Any) -> Any:
    """PySpark's to_str for builder settings: booleans lower-case, None kept."""
    if isinstance(value, bool):
        return str(value).lower()
    return None if value is None else str(value)


# How many frames the call site of a DataFrame API error lists (Column._call_site).
_CALL_SITE_DEPTH = "spark.sql.stackTracesInDataFrameContext"


def _set_call_site_depth(value: str) -> None:
    from pyrust.sql import column

    if value.strip().isdigit() and int(value) > 0:
        column._call_site_depth = int(value)


class RuntimeConfig:
    """``spark.conf``."""

    def __init__(self, native: "_native.Session"):
        self._native = native

    def set(self, key: str, value: Any) -> None:
        _conf_checks.check_str(key, "key")  # PySpark hands a non-string to the JVM, which refuses it
        if value is not None and not isinstance(value, (str, int, float)):  # py4j has no set(String, <list>)
            raise PySparkTypeError(errorClass="NOT_STR", messageParameters={"arg_name": "value", "arg_type": type(value).__name__})
        if isinstance(value, bool):
            value = "true" if value else "false"
        _conf_checks.check_set(key, value)
        self._set_text(key, value)

    def _set_text(self, key: str, value: Any) -> None:
        if key == "spark.sql.session.timeZone":
            _native.check_time_zone(str(value))  # Spark rejects an unknown zone here
        self._native.set_conf(key, str(value))
        if key == _CALL_SITE_DEPTH:
            _set_call_site_depth(str(value))

    def get(self, key: str, default: Any = "__no_default__") -> Optional[str]:
        _conf_checks.check_str(key, "key")
        if default != "__no_default__" and default is not None:
            _conf_checks.check_str(default, "default")
            _conf_checks.check_default(key, default)
        value = self._native.get_conf(key)
        if value is not None:
            return value
        if default != "__no_default__":
            return default
        if key in _DEFAULTS:
            return _DEFAULTS[key]
        if key in _GET_DEFAULTS:
            return _GET_DEFAULTS[key]
        from pyrust.errors import SparkNoSuchElementException

        raise SparkNoSuchElementException(message=f"[SQL_CONF_NOT_FOUND] The SQL config \"{key}\" cannot be found. Please verify that the config exists.",
                                          errorClass="SQL_CONF_NOT_FOUND", messageParameters={"sqlConf": f'"{key}"'})

    def unset(self, key: str) -> None:
        _conf_checks.check_str(key, "key")
        self._native.unset_conf(key)
        if key == _CALL_SITE_DEPTH:
            _set_call_site_depth("1")

    @property
    def getAll(self) -> Dict[str, str]:
        """All properties set in this conf (a property, as in PySpark 4.0)."""
        out = dict(_DEFAULTS)
        out.update(dict(self._native.all_conf()))
        return out

    def isModifiable(self, key: str) -> bool:
        # Spark's SQLConf.isModifiable: a SQL setting it knows that is not static.
        if key is not None:  # None is the JVM's null: not modifiable
            _conf_checks.check_str(key, "key")
        return _conf_checks.is_modifiable(key)


class SparkContext:
    """The parts of `spark.sparkContext` that mean something without a cluster.
    Everything else raises an error naming it."""

    def __init__(self, session: "SparkSession"):
        self._session = session

    @property
    def version(self) -> str:
        return self._session.version

    @property
    def appName(self) -> str:
        return self._session.conf.get("spark.app.name")

    @property
    def master(self) -> str:
        return self._session.conf.get("spark.master")

    @property
    def defaultParallelism(self) -> int:
        import os

        return os.cpu_count() or 1

    def setLogLevel(self, logLevel: str) -> None:
        """PyRust logs nothing to tune; accepted for scripts that call it."""

    def stop(self) -> None:
        self._session.stop()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        raise not_implemented(f"SparkContext.{name}")


class SQLContext:
    """PySpark's deprecated entry point (`pyspark.sql.context.SQLContext`, what
    `DataFrame.sql_ctx` returns): each method forwards to its SparkSession."""

    _instantiated: Optional["SQLContext"] = None

    def __init__(self, sparkContext: "SparkContext", sparkSession: Optional["SparkSession"] = None):
        import warnings

        if sparkSession is None:
            warnings.warn("Deprecated in 3.0.0. Use SparkSession.builder.getOrCreate() instead.", FutureWarning)
            sparkSession = SparkSession.builder.getOrCreate()
        self._sc = sparkContext
        self.sparkSession = sparkSession

    @classmethod
    def getOrCreate(cls, sc: "SparkContext") -> "SQLContext":
        import warnings

        warnings.warn("Deprecated in 3.0.0. Use SparkSession.builder.getOrCreate() instead.", FutureWarning)
        return cls._get_or_create(sc)

    @classmethod
    def _get_or_create(cls, sc: "SparkContext") -> "SQLContext":
        if SQLContext._instantiated is None or SQLContext._instantiated.sparkSession is not sc._session:
            SQLContext._instantiated = cls(sc, sc._session)
        return SQLContext._instantiated

    def newSession(self) -> "SQLContext":
        return self.__class__(self._sc, self.sparkSession.newSession())

    def setConf(self, key: str, value: Union[bool, int, str]) -> None:
        self.sparkSession.conf.set(key, value)

    def getConf(self, key: str, defaultValue: Any = None) -> Optional[str]:
        return self.sparkSession.conf.get(key) if defaultValue is None else self.sparkSession.conf.get(key, defaultValue)

    @property
    def udf(self) -> Any:
        return self.sparkSession.udf

    @property
    def udtf(self) -> Any:
        return self.sparkSession.udtf

    @property
    def read(self) -> DataFrameReader:
        return self.sparkSession.read

    def range(self, start: int, end: Optional[int] = None, step: int = 1, numPartitions: Optional[int] = None) -> DataFrame:
        return self.sparkSession.range(start, end, step, numPartitions)

    def createDataFrame(self, data: Any, schema: Any = None, samplingRatio: Optional[float] = None, verifySchema: bool = True) -> DataFrame:
        return self.sparkSession.createDataFrame(data, schema, samplingRatio, verifySchema)

    def registerDataFrameAsTable(self, df: DataFrame, tableName: str) -> None:
        df.createOrReplaceTempView(tableName)

    def dropTempTable(self, tableName: str) -> None:
        self.sparkSession.catalog.dropTempView(tableName)

    def sql(self, sqlQuery: str) -> DataFrame:
        return self.sparkSession.sql(sqlQuery)

    def table(self, tableName: str) -> DataFrame:
        return self.sparkSession.table(tableName)

    def tableNames(self, dbName: Optional[str] = None) -> List[str]:
        return [t.name for t in self.sparkSession.catalog.listTables(dbName)]

    def cacheTable(self, tableName: str) -> None:
        self.sparkSession.catalog.cacheTable(tableName)

    def uncacheTable(self, tableName: str) -> None:
        self.sparkSession.catalog.uncacheTable(tableName)

    def clearCache(self) -> None:
        self.sparkSession.catalog.clearCache()


class SparkSession:
    _lock = threading.RLock()
    # PySpark's two: the default session the builder returns (_instantiatedSession) and
    # the active one (the last session that created a DataFrame or was built).
    _active: Optional["SparkSession"] = None
    _activeSession: Optional["SparkSession"] = None

    class Builder:
        def __init__(self) -> None:
            self._options: Dict[str, str] = {}

        def config(self, key: Optional[str] = None, value: Any = None, conf: Any = None,
                   *, map: Optional[Dict[str, Any]] = None) -> "SparkSession.Builder":
            # PySpark's order: a SparkConf's settings, else a map, else one key.
            if conf is not None:
                for k, v in conf.getAll():
                    self._options[k] = v
            elif map is not None:
                for k, v in map.items():
                    self._options[k] = _builder_text(v)
            elif key is not None:
                self._options[key] = _builder_text(value)
            return self

        def appName(self, name: str) -> "SparkSession.Builder":
            return self.config("spark.app.name", name)

        def master(self, master: str) -> "SparkSession.Builder":
            return self.config("spark.master", master)

        def remote(self, url: str) -> "SparkSession.Builder":
            return self

        def enableHiveSupport(self) -> "SparkSession.Builder":
            return self

        def getOrCreate(self) -> "SparkSession":
            """The default session, created on first use; an existing one gets this
            builder's options applied (PySpark's applyModifiableSettings)."""
            with SparkSession._lock:
                if SparkSession._active is None:
                    session = SparkSession()
                    # The options a new session starts from (PySpark's SparkConf):
                    # newSession() inherits them, not later `spark.conf.set` calls.
                    SparkSession._context_options = dict(self._options)
                    SparkSession._active = session
                    created = True
                else:
                    created = False
                session = SparkSession._active
                if SparkSession._activeSession is None:
                    SparkSession._activeSession = session
                for k, v in self._options.items():
                    # A new session takes every setting; an existing one keeps its static
                    # ones (PySpark's applyModifiableSettings warns and goes on).
                    if v is None or (not created and _conf_checks.known_settings().get(k) is False):
                        continue
                    session.conf._set_text(k, v)
                return session

        def create(self) -> "SparkSession":
            return self.getOrCreate()

    class _BuilderDescriptor:
        def __get__(self, instance: Any, owner: Any) -> "SparkSession.Builder":
            return SparkSession.Builder()

    builder = _BuilderDescriptor()
    _context_options: Dict[str, str] = {}


    def __getattr__(self, name: str) -> Any:
        # A PySpark member PyRust lacks names itself (NOT_IMPLEMENTED), not an AttributeError.
        from pyrust._support import missing_member

        raise missing_member("SparkSession", name)

    def __init__(self) -> None:
        self._native = _native.Session()
        self._conf = RuntimeConfig(self._native)

    @property
    def conf(self) -> "RuntimeConfig":
        """``spark.conf``: the session's runtime configuration (a property, as in PySpark)."""
        return self._conf

    @classmethod
    def getActiveSession(cls) -> Optional["SparkSession"]:
        """The active session (the last one built or that created a DataFrame), or None."""
        return cls._activeSession

    @classmethod
    def active(cls) -> "SparkSession":
        """The active session, else the default one, else PySpark's NO_ACTIVE_OR_DEFAULT_SESSION."""
        session = cls._activeSession or cls._active
        if session is None:
            from pyrust.errors import PySparkRuntimeError

            raise PySparkRuntimeError(message="No active or default Spark session found. Please create a new Spark "
                                      "session before running the code.", errorClass="NO_ACTIVE_OR_DEFAULT_SESSION",
                                      messageParameters={})
        return session

    @property
    def version(self) -> str:
        return "4.0.1"

    @property
    def read(self) -> DataFrameReader:
        return DataFrameReader(self)

    def newSession(self) -> "SparkSession":
        """A session with its own temporary views and runtime conf (starting from the
        options the first session was built with); it does not become the active one."""
        session = SparkSession()
        for k, v in SparkSession._context_options.items():
            if v is not None:
                session.conf._set_text(k, v)  # as the first session took them (static ones too)
        return session

    def stop(self) -> None:
        """Stops the session; as in PySpark, the next getOrCreate starts a fresh one."""
        with SparkSession._lock:
            self._native.clear_cache()
            # Stopping any session stops PySpark's shared SparkContext: no default or
            # active session is left.
            SparkSession._active = None
            SparkSession._activeSession = None

    def __enter__(self) -> "SparkSession":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    def range(self, start: int, end: Optional[int] = None, step: int = 1, numPartitions: Optional[int] = None) -> DataFrame:
        from pyrust.sql._args import int_arg, long_arg

        # The JVM's range(Long, Long, Long, Int): past a long, py4j's NumberFormatException.
        for name, value in (("start", start), ("end", end), ("step", step)):
            if isinstance(value, int) and not isinstance(value, bool):  # py4j takes a bool as a long
                long_arg(value, name)
        if isinstance(numPartitions, int) and not isinstance(numPartitions, bool):
            int_arg(numPartitions, "numPartitions")
        if end is None:
            start, end = 0, start
        start, end, step = int(start), int(end), int(step)
        # Spark's Range checks its arguments (a partition count is only checked: the
        # engine decides its own parallelism).
        if numPartitions is not None:
            numPartitions = int(numPartitions)
        from pyrust.errors import IllegalArgumentException

        if step == 0:
            raise IllegalArgumentException(message=f"requirement failed: step ({step}) cannot be 0")
        if numPartitions is not None and numPartitions <= 0:
            raise IllegalArgumentException(message="Positive number of partitions required")
        return DataFrame(self._native.range(start, end, step), self)

    def createDataFrame(self, data: Any, schema: Any = None, samplingRatio: Optional[float] = None,
                        verifySchema: bool = True) -> DataFrame:
        SparkSession._activeSession = self  # as PySpark's createDataFrame does
        if isinstance(data, DataFrame):
            raise PySparkTypeError(message="data is already a DataFrame", errorClass="INVALID_TYPE",
                                   messageParameters={"arg_name": "data", "arg_type": "DataFrame"})
        struct, names = self._schema_argument(schema)
        if _is_arrow_source(data):
            return self._from_arrow(data, struct, names)
        if not isinstance(data, list):
            data = list(data)  # PySpark's own TypeError for what is not iterable
        inferred = struct is None
        if inferred:
            struct = _infer_rows_schema(data, names)
            if names is not None and len(names) > len(struct.fields):
                # PySpark renames the inferred fields one by one: struct.fields[i].name = name.
                raise IndexError("list index out of range")
            _check_row_lengths(data, len(struct.fields))
        elif names is None and not isinstance(struct, StructType):
            struct = StructType([StructField("value", struct, True)])
        if not isinstance(struct, StructType):
            struct = StructType([StructField("value", struct, True)])
        rows = normalise_rows(data, struct)
        try:
            native = self._native.create_dataframe(rows, struct.json(), bool(verifySchema))
        except PySparkValueError as e:
            if not inferred or e.getCondition() != "VALUE_OUT_OF_BOUNDS":
                raise
            # An inferred schema is not verified: the JVM makes an integer beyond a long NULL.
            rows = [_beyond_long_as_null(r) for r in rows]
            native = self._native.create_dataframe(rows, struct.json(), bool(verifySchema))
        return DataFrame(native, self)

    def _schema_argument(self, schema: Any) -> Any:
        if schema is None:
            return None, None
        if isinstance(schema, (list, tuple)):
            for name in schema:
                if not isinstance(name, str):
                    # PySpark re-encodes each name that is not a str: x.encode("utf-8").
                    raise AttributeError(f"'{type(name).__name__}' object has no attribute 'encode'")
            return None, list(schema)
        if isinstance(schema, str):
            return _parse_datatype_string(schema), None
        if isinstance(schema, DataType):
            return schema, None
        raise PySparkTypeError(message=f"schema should be StructType, str or list, got {type(schema).__name__}",
                               errorClass="NOT_LIST_OR_NONE_OR_STRUCT",
                               messageParameters={"arg_name": "schema", "arg_type": type(schema).__name__})

    def _from_arrow(self, data: Any, struct: Optional[DataType], names: Optional[List[str]]) -> DataFrame:
        import pyarrow as pa

        try:
            import pandas as pd
        except ImportError:  # pragma: no cover - pandas is a dependency
            pd = None
        if pd is not None and isinstance(data, pd.DataFrame):
            if self.conf.get("spark.sql.execution.arrow.pyspark.enabled", "false").lower() == "true":
                try:
                    return self._from_pandas_arrow(data, struct, names)
                except Exception:
                    # PySpark falls back to the row path unless told not to.
                    if self.conf.get("spark.sql.execution.arrow.pyspark.fallback.enabled", "true").lower() != "true":
                        raise
            return self._from_pandas_records(data, struct, names)
        schema_json = struct.json() if isinstance(struct, StructType) else None
        df = DataFrame(self._native.create_dataframe_from_arrow(data, schema_json), self)
        if names:
            df = df.toDF(*names)
        return df

    def _from_pandas_arrow(self, pdf: Any, struct: Optional[DataType], names: Optional[List[str]]) -> DataFrame:
        """pandas input with `spark.sql.execution.arrow.pyspark.enabled`, as PySpark's
        Arrow path takes it: column by column, no Python objects per row, and a
        missing value (NaN included) becomes NULL."""
        import pyarrow as pa

        def column(series: Any) -> Any:
            if hasattr(series.array, "__arrow_array__"):  # Arrow-backed already (pandas' str)
                return pa.array(series.array)
            return pa.Array.from_pandas(series, mask=series.isnull())

        arrays = [column(pdf[c]) for c in pdf.columns]
        table = pa.Table.from_arrays(arrays, names=[str(c) for c in pdf.columns])
        return self._from_arrow(table, struct, names)

    def _from_pandas_records(self, pdf: Any, struct: Optional[DataType], names: Optional[List[str]]) -> DataFrame:
        """pandas input the way PySpark takes it with Arrow off (its default): the
        rows of `to_records()` as Python values, so NaN stays NaN, not NULL."""
        columns = [str(c) for c in pdf.columns]
        fixed = pdf.copy()
        for c in fixed.columns:
            if str(fixed[c].dtype).startswith("datetime64"):
                fixed[c] = fixed[c].astype("datetime64[us]")
        records = fixed.set_axis([f"col_{i}" for i in range(len(columns))], axis="columns").to_records(index=False)
        rows = [tuple(r.tolist()) for r in records]
        if struct is not None:
            return self.createDataFrame(rows, struct)
        return self.createDataFrame(rows, names or columns)

    def sql(self, sqlQuery: str, args: Any = None, **kwargs: Any) -> DataFrame:
        # PySpark hands a non-string to the JVM (py4j's own error): a PySpark error instead.
        _conf_checks.check_str(sqlQuery, "sqlQuery")
        from pyrust.sql.column import _to_expr
        from pyrust.sql.functions import lit
        from pyrust.sql.sql_formatter import SQLStringFormatter

        formatter = SQLStringFormatter(self)
        if len(kwargs) > 0:
            sqlQuery = formatter.format(sqlQuery, **kwargs)
        udtfs = self.__dict__.get("_udtfs")
        if udtfs:
            from pyrust.sql.udtf import _expand_table_functions

            sqlQuery = _expand_table_functions(self, sqlQuery, udtfs)
        try:
            named, positional = None, None
            if isinstance(args, dict):
                for k in args:
                    _conf_checks.check_str(k, "args")  # parameter names (py4j's own error in PySpark)
                named = {k: _to_expr(lit(v)) for k, v in args.items()}
            elif args is None or isinstance(args, list):
                positional = [_to_expr(lit(v)) for v in (args or [])]
            else:
                raise PySparkTypeError(
                    errorClass="INVALID_TYPE",
                    messageParameters={"arg_name": "args", "arg_type": type(args).__name__},
                )
            return DataFrame(self._native.sql(sqlQuery, named, positional), self)
        finally:
            if len(kwargs) > 0:
                formatter.clear()

    def table(self, tableName: str) -> DataFrame:
        if not isinstance(tableName, str):
            raise PySparkTypeError(errorClass="NOT_STR", messageParameters={"arg_name": "tableName", "arg_type": type(tableName).__name__})
        return DataFrame(self._native.table(tableName), self)

    @property
    def catalog(self) -> Any:
        from pyrust.sql.catalog import Catalog

        return Catalog(self)

    @property
    def udf(self) -> Any:
        from pyrust.sql.udf import UDFRegistration

        return UDFRegistration(self)

    @property
    def udtf(self) -> Any:
        from pyrust.sql.udtf import UDTFRegistration

        return UDTFRegistration(self)

    @property
    def sparkContext(self) -> SparkContext:
        return SparkContext(self)


def _is_arrow_source(data: Any) -> bool:
    module = type(data).__module__
    return module.startswith("pandas") or module.startswith("pyarrow")


def _check_row_lengths(data: List[Any], width: int) -> None:
    """Rows of an inferred schema are not verified in Python: the JVM refuses a row
    with fewer or more values than the schema has fields."""
    for row in data:
        if isinstance(row, (tuple, list)) and len(row) != width:
            from pyrust.errors import IllegalArgumentException

            raise IllegalArgumentException(errorClass="STRUCT_ARRAY_LENGTH_MISMATCH",
                                           messageParameters={"expected": str(width), "actual": str(len(row))})


_LONG_MIN, _LONG_MAX = -(2**63), 2**63 - 1


def _beyond_long_as_null(row: Any) -> Any:
    if not isinstance(row, tuple):
        return row
    return tuple(None if isinstance(v, int) and not isinstance(v, bool) and not _LONG_MIN <= v <= _LONG_MAX else v for v in row)


def _infer_rows_schema(data: List[Any], names: Optional[List[str]]) -> StructType:
    if not data:
        raise PySparkValueError(message="can not infer schema from empty dataset", errorClass="CANNOT_INFER_EMPTY_SCHEMA",
                                messageParameters={})
    schema = None
    for row in data:
        inferred = _infer_schema(row, names)
        schema = inferred if schema is None else _merge_type(schema, inferred)
    assert isinstance(schema, StructType)
    if _has_nulltype(schema):
        raise PySparkValueError(message="Some of types cannot be determined after inferring",
                                errorClass="CANNOT_DETERMINE_TYPE", messageParameters={})
    if names:
        fields = [StructField(n if i < len(names) else f.name, f.dataType, f.nullable) for i, (n, f) in
                  enumerate(zip(names + [None] * len(schema.fields), schema.fields))]
        schema = StructType(fields)
    return schema
