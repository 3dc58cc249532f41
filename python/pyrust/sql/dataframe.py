"""``pyspark.sql.DataFrame``: a lazily built, eagerly analysed plan."""

import re
import sys
import warnings
from typing import Any, Dict, List, Optional, Tuple, Union

from pyrust import _native
from pyrust.errors import AnalysisException, PySparkAttributeError, PySparkIndexError, PySparkTypeError, PySparkValueError, not_implemented
from pyrust.sql._args import bool_arg, column_or_str_arg, int_arg, table_name_arg
from pyrust.sql._stat import DataFrameStatFunctions
from pyrust.sql.column import Column, _call_site, _to_col_expr, _to_expr
from pyrust.sql.types import (
    ArrayType, BinaryType, DayTimeIntervalType, DecimalType, MapType, Row, StringType, StructType, TimestampNTZType, TimestampType,
    _create_row, _parse_datatype_json_string,
)

__all__ = ["DataFrame"]


def _nested_python(value: Any, dt: Any, tz: str) -> Any:
    """A value of an Arrow result (maps as lists of pairs) as PySpark's `toPandas` gives
    it: dicts, Rows, lists, and timestamps as pandas Timestamps on the session clock."""
    if value is None:
        return None
    if isinstance(dt, MapType):
        return {_nested_python(k, dt.keyType, tz): _nested_python(v, dt.valueType, tz) for k, v in value}
    if isinstance(dt, StructType):
        return _create_row(dt.names, [_nested_python(value[f.name], f.dataType, tz) for f in dt.fields])
    if isinstance(dt, ArrayType):
        return [_nested_python(v, dt.elementType, tz) for v in value]
    if isinstance(dt, DecimalType):
        # As PySpark's rows carry them: Java's engineering notation (`Decimal('-1.00E-10')`).
        return type(value)(value.to_eng_string())
    if isinstance(dt, TimestampType):
        import pandas as pd

        return pd.Timestamp(value).tz_convert(tz).tz_localize(None)
    if isinstance(dt, TimestampNTZType):
        import pandas as pd

        return pd.Timestamp(value)
    return value


def _positive_partitions(n: int) -> None:
    """Spark's `require(numPartitions > 0)` of repartition and coalesce."""
    if n <= 0:
        from pyrust.errors import IllegalArgumentException

        raise IllegalArgumentException(message=f"requirement failed: Number of partitions ({n}) must be positive.")


# persist()'s default: PySpark's is StorageLevel.MEMORY_AND_DISK_DESER, and an explicit
# None is its TypeError.
_DEFAULT_LEVEL = object()


def _view_name(name: Any) -> Any:
    """Spark's check of a temporary view's name: the empty name is not one."""
    if name == "":
        raise AnalysisException(message="Invalid view name: .", errorClass="_LEGACY_ERROR_TEMP_1321",
                                messageParameters={"viewName": ""})
    return name


def _non_negative(what: str, num: Any) -> int:
    num = int_arg(num, "num")
    if num < 0:
        from pyrust.errors import AnalysisException

        raise AnalysisException(
            message=f"The {what} like expression \"{num}\" is invalid. The {what} expression must be equal to or greater than 0, but got {num}.",
            errorClass="INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE",
            messageParameters={"name": what, "expr": f'"{num}"', "v": str(num)},
        )
    return num


# PySpark DataFrame methods PyRust does not have yet: calling one names it.
_NOT_YET: set = set()

# A delay's parts as Spark's `IntervalUtils.stringToInterval` reads them: a signed
# number and a unit, in pairs.
_INTERVAL_UNITS = {
    "year": 12 * 31 * 86_400_000_000, "month": 31 * 86_400_000_000, "week": 7 * 86_400_000_000,
    "day": 86_400_000_000, "hour": 3_600_000_000, "minute": 60_000_000, "second": 1_000_000,
    "millisecond": 1_000, "microsecond": 1,
}


def _interval_micros(text: str) -> Optional[float]:
    """A `withWatermark` delay's length in microseconds (a month as 31 days, as Spark's
    `IntervalUtils.getDuration` counts it), None when Spark could not parse it."""
    words = text.lower().split()
    if words[:1] == ["interval"]:
        words = words[1:]
    if not words or len(words) % 2:
        return None
    total = 0.0
    for number, unit in zip(words[::2], words[1::2]):
        unit = unit[:-1] if unit.endswith("s") else unit
        if unit not in _INTERVAL_UNITS or not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", number):
            return None
        if "." in number and unit != "second":
            return None
        total += float(number) * _INTERVAL_UNITS[unit]
    return total


def _flatten(cols: Tuple[Any, ...]) -> List[Any]:
    if len(cols) == 1 and isinstance(cols[0], (list, tuple)):
        return list(cols[0])
    return list(cols)


class _NoValueType:
    """The default of `replace`'s `value`, told apart from an explicit None."""

    def __repr__(self) -> str:
        return "<no value>"


_NoValue = _NoValueType()



def _sql_id(name: str) -> str:
    """Spark's `toSQLId` of a column name: its parts (`parseAttributeName`: dots outside
    back-quotes split it) each back-quoted, joined with dots (`t`.`nope`)."""
    parts, part, quoted, i = [], "", False, 0
    while i < len(name):
        ch = name[i]
        if ch == "`":
            if quoted and name[i + 1:i + 2] == "`":
                part += "`"
                i += 1
            else:
                quoted = not quoted
        elif ch == "." and not quoted:
            parts.append(part)
            part = ""
        else:
            part += ch
        i += 1
    parts.append(part)
    return ".".join("`" + p.replace("`", "``") + "`" for p in parts)

class DataFrameNaFunctions:
    """``df.na``: the missing-value helpers."""

    def __init__(self, df: "DataFrame"):
        self._df = df

    def drop(self, how: str = "any", thresh: Optional[int] = None, subset: Any = None) -> "DataFrame":
        return self._df.dropna(how, thresh, subset)

    def fill(self, value: Any, subset: Any = None) -> "DataFrame":
        return self._df.fillna(value, subset)

    def replace(self, to_replace: Any, value: Any = _NoValue, subset: Any = None) -> "DataFrame":
        return self._df.replace(to_replace, value, subset)


class DataFrame:
    """A distributed collection of rows, here computed on one machine by Polars."""

    def __init__(self, native: "_native.DataFrame", session: Any):
        self._df = native
        self._session = session
        self._schema: Optional[StructType] = None
        self.is_cached = False

    @property
    def sparkSession(self) -> Any:
        """The SparkSession that created this DataFrame (a property, as in PySpark)."""
        return self._session

    @property
    def sql_ctx(self) -> Any:
        """PySpark's deprecated `SQLContext` over this DataFrame's session."""
        import warnings

        from pyrust.sql.session import SQLContext

        warnings.warn("DataFrame.sql_ctx is an internal property, and will be removed in future releases. Use DataFrame.sparkSession instead.")
        return SQLContext._get_or_create(self._session.sparkContext)

    @property
    def rdd(self) -> Any:
        """The rows as an RDD of `Row`s: PyRust's one-partition RDD (`pyrust.rdd`), computed
        at its first action."""
        from pyrust.rdd import RDD

        return RDD(self.collect)

    @property
    def executionInfo(self) -> Any:
        """Only Spark Connect has it; PySpark classic raises this."""
        raise PySparkValueError(errorClass="CLASSIC_OPERATION_NOT_SUPPORTED_ON_DF", messageParameters={"member": "queryExecution"})

    def pandas_api(self, index_col: Optional[Union[str, List[str]]] = None) -> Any:
        """pandas-on-Spark (`pyspark.pandas`) is not part of PyRust."""
        raise not_implemented("DataFrame.pandas_api")

    def mergeInto(self, table: str, condition: Column) -> Any:
        from pyrust.sql.merge import MergeIntoWriter

        # PySpark: the table name goes to the JVM's parser, the condition through _to_java_column.
        table_name_arg(table, "table")
        column_or_str_arg(condition, "col")
        return MergeIntoWriter(self, table, condition)

    def _wrap(self, native: "_native.DataFrame") -> "DataFrame":
        return DataFrame(native, self.sparkSession)

    # --- schema -------------------------------------------------------------------
    @property
    def schema(self) -> StructType:
        if self._schema is None:
            self._schema = _parse_datatype_json_string(self._df.schema_json())  # type: ignore[assignment]
        return self._schema  # type: ignore[return-value]

    @property
    def columns(self) -> List[str]:
        return self._df.columns()

    @property
    def dtypes(self) -> List[Tuple[str, str]]:
        return [(f.name, f.dataType.simpleString()) for f in self.schema.fields]

    def printSchema(self, level: Optional[int] = None) -> None:
        if level is not None:
            int_arg(level, "level")
        print(self.schema.treeString(level))

    def __repr__(self) -> str:
        return "DataFrame[%s]" % ", ".join("%s: %s" % c for c in self.dtypes)

    # --- columns --------------------------------------------------------------------
    def __getitem__(self, item: Any) -> Any:
        if isinstance(item, str):
            return self._resolved(item)
        if isinstance(item, Column):
            return self.filter(item)
        if isinstance(item, (list, tuple)):
            return self.select(*item)
        if isinstance(item, int):
            cols = self.columns
            if item < 0 or item >= len(cols):
                raise PySparkIndexError(message=f"Column index must be non-negative and less than {len(cols)}, got {item}",
                                        errorClass="INDEX_OUT_OF_RANGE",
                                        messageParameters={"arg_name": "item", "message": f"index {item}"})
            return Column(_native.col(cols[item], self._df.plan_id))
        raise PySparkTypeError(message=f"Unexpected item type: {type(item).__name__}", errorClass="NOT_COLUMN_OR_FLOAT_OR_INT_OR_LIST_OR_STR",
                               messageParameters={"arg_name": "item", "arg_type": type(item).__name__})

    def colRegex(self, colName: str) -> Column:
        if not isinstance(colName, str):
            raise PySparkTypeError(errorClass="NOT_STR", messageParameters={"arg_name": "colName", "arg_type": type(colName).__name__})
        # Spark's ParserUtils.escapedIdentifier / qualifiedEscapedIdentifier; any other
        # name is the column itself, resolved now.
        quoted = re.fullmatch(r"`(.+)`", colName, re.S)
        if quoted:
            return Column(_native.col_regex(quoted.group(1)))
        qualified = re.fullmatch(r"(.+)\.`(.+)`", colName, re.S)
        if qualified:
            return Column(_native.col_regex(qualified.group(2), qualified.group(1)))
        return self._resolved(colName)

    def _resolved(self, name: str) -> Column:
        """`df[name]`: Spark's `Dataset.col` resolves the name at once (a column of this
        DataFrame, a field of one, `*`), and its error has no query context."""
        column = Column(_native.col(name, self._df.plan_id))
        if name in self.columns:
            return column
        try:
            self.select(column)
        except AnalysisException as e:
            if e.getCondition() != "UNRESOLVED_COLUMN.WITH_SUGGESTION":
                raise
            # Dataset.resolve's error: every column, in order, as toSQLId quotes it.
            proposal = ", ".join(".".join(f"`{p}`" for p in c.split(".")) for c in self.columns)
            raise AnalysisException(errorClass="UNRESOLVED_COLUMN.WITH_SUGGESTION",
                                    messageParameters={"objectName": _sql_id(name), "proposal": proposal}) from None
        return column

    def metadataColumn(self, colName: str) -> Column:
        """A hidden metadata column of the DataFrame's source: `_metadata` of a file read
        (file_path, file_name, file_size, file_block_start, file_block_length,
        file_modification_time; row_index for Parquet)."""
        if not isinstance(colName, str):
            raise PySparkTypeError(errorClass="NOT_STR", messageParameters={"arg_name": "colName", "arg_type": type(colName).__name__})
        return Column(self._df.metadata_column(colName))

    def __getattr__(self, name: str) -> Column:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in _NOT_YET and name not in self.columns:
            raise not_implemented(f"DataFrame.{name}")
        if name not in self.columns:
            raise PySparkAttributeError(message=f"'DataFrame' object has no attribute '{name}'.",
                                        errorClass="ATTRIBUTE_NOT_SUPPORTED", messageParameters={"attr_name": name})
        return Column(_native.col(name, self._df.plan_id))

    def __dir__(self) -> List[str]:
        return sorted(set(super().__dir__()) | {c for c in self.columns if c.isidentifier()})

    # --- transformations -------------------------------------------------------------
    def select(self, *cols: Any) -> "DataFrame":
        exprs = [_to_col_expr(c) for c in _flatten(cols)]
        return self._lateral_step("select", exprs) or self._wrap(self._df.select(exprs))

    def _lateral_step(self, kind: str, exprs: List[Any], names: Tuple[str, ...] = ()) -> Optional["DataFrame"]:
        """A DataFrame reading outer columns (`col(...).outer()`) is analysed by the
        `lateralJoin` that uses it (as Spark defers its analysis): this step is kept."""
        if not isinstance(self, _LateralDataFrame) and not any(e.has_outer() for e in exprs):
            return None
        base, ops = (self._base, self._ops) if isinstance(self, _LateralDataFrame) else (self, [])
        return _LateralDataFrame(base, ops + [(kind, list(exprs), list(names))])

    def lateralJoin(self, other: "DataFrame", on: Optional[Column] = None, how: Optional[str] = None) -> "DataFrame":
        base, ops = (other._base, other._ops) if isinstance(other, _LateralDataFrame) else (other, [])
        return self._wrap(self._df.lateral_join(base._df, ops, on._expr if on is not None else None, how))

    def scalar(self) -> Column:
        """This DataFrame's one value as a Column (Spark's scalar subquery): NULL without a
        row, an error with more than one; may read the DataFrame using it through
        `col(...).outer()`."""
        return Column(self._subquery("scalar"))

    def exists(self) -> Column:
        """Whether this DataFrame has a row, as a Column (Spark's EXISTS subquery); may read
        the DataFrame using it through `col(...).outer()`."""
        return Column(self._subquery("exists"))

    def _subquery(self, kind: str) -> Any:
        base, ops = (self._base, self._ops) if isinstance(self, _LateralDataFrame) else (self, [])
        return base._df.subquery(kind, ops)

    def selectExpr(self, *expr: Union[str, List[str]]) -> "DataFrame":
        texts = _flatten(expr)
        zone = self.sparkSession.conf.get("spark.sql.session.timeZone")
        return self._wrap(self._df.select([_native.parse_expr(t, zone) for t in texts]))

    def filter(self, condition: Union[Column, str]) -> "DataFrame":
        if isinstance(condition, str):
            expr = _native.parse_expr(condition, self.sparkSession.conf.get("spark.sql.session.timeZone"))
        elif isinstance(condition, Column):
            expr = condition._expr
        else:
            raise PySparkTypeError(message="condition should be a Column or str", errorClass="NOT_COLUMN_OR_STR",
                                   messageParameters={"arg_name": "condition", "arg_type": type(condition).__name__})
        return self._lateral_step("filter", [expr]) or self._wrap(self._df.filter(expr))

    where = filter

    def withColumn(self, colName: str, col: Column) -> "DataFrame":
        if not isinstance(col, Column):
            raise PySparkTypeError(message="col should be a Column", errorClass="NOT_COLUMN",
                                   messageParameters={"arg_name": "col", "arg_type": type(col).__name__})
        return self._lateral_step("with_columns", [col._expr], (colName,)) or self._wrap(self._df.with_columns([colName], [col._expr]))

    def withMetadata(self, columnName: str, metadata: Dict[str, Any]) -> "DataFrame":
        if not isinstance(metadata, dict):
            raise PySparkTypeError(errorClass="NOT_DICT", messageParameters={"arg_name": "metadata", "arg_type": type(metadata).__name__})
        return self.withColumn(columnName, Column(_native.col(columnName)).alias(columnName, metadata=metadata))

    def withColumns(self, *colsMap: Dict[str, Column]) -> "DataFrame":
        if len(colsMap) != 1 or not isinstance(colsMap[0], dict):
            raise PySparkTypeError(message="colsMap should be a dict", errorClass="NOT_DICT",
                                   messageParameters={"arg_name": "colsMap", "arg_type": type(colsMap[0]).__name__ if colsMap else "None"})
        items = list(colsMap[0].items())
        for _, c in items:
            if not isinstance(c, Column):
                raise PySparkTypeError(message="col should be a Column", errorClass="NOT_COLUMN",
                                       messageParameters={"arg_name": "col", "arg_type": type(c).__name__})
        names, exprs = tuple(k for k, _ in items), [c._expr for _, c in items]
        return self._lateral_step("with_columns", exprs, names) or self._wrap(self._df.with_columns(list(names), exprs))

    def withColumnRenamed(self, existing: str, new: str) -> "DataFrame":
        if existing is None:
            return self  # Spark finds no column named null: nothing to rename
        return self._wrap(self._df.rename([(existing, new)]))

    def withColumnsRenamed(self, colsMap: Dict[str, str]) -> "DataFrame":
        if not isinstance(colsMap, dict):
            raise PySparkTypeError(message="colsMap should be a dict", errorClass="NOT_DICT",
                                   messageParameters={"arg_name": "colsMap", "arg_type": type(colsMap).__name__})
        return self._wrap(self._df.rename(list(colsMap.items())))

    def drop(self, *cols: Union[str, Column]) -> "DataFrame":
        names = [c for c in cols if isinstance(c, str)]
        exprs = [c._expr for c in cols if isinstance(c, Column)]
        for c in cols:
            if not isinstance(c, (str, Column)):
                raise PySparkTypeError(message="cols should be str or Column", errorClass="NOT_COLUMN_OR_STR",
                                       messageParameters={"arg_name": "col", "arg_type": type(c).__name__})
        return self._wrap(self._df.drop(names, exprs))

    def asTable(self) -> Any:
        """Converts the DataFrame into a :class:`table_arg.TableArg` object, which can
        be passed as a TABLE argument to a UDTF."""
        from pyrust.sql.table_arg import TableArg

        return TableArg(self)

    def alias(self, alias: str) -> "DataFrame":
        if not isinstance(alias, str):  # PySpark asserts
            raise AssertionError("alias should be a string")
        return self._wrap(self._df.alias(alias))

    def sameSemantics(self, other: "DataFrame") -> bool:
        """Whether both plans compute the same result: the same operators, expressions,
        types and literals over the same sources (in-memory data by identity); plan ids,
        column and alias names and attribute ids do not count."""
        if not isinstance(other, DataFrame):
            raise PySparkTypeError(errorClass="NOT_DATAFRAME", messageParameters={"arg_name": "other", "arg_type": type(other).__name__})
        return self._df.same_semantics(other._df)

    def semanticHash(self) -> int:
        """A hash of what `sameSemantics` compares (not Spark's number)."""
        return self._df.semantic_hash()

    def inputFiles(self) -> List[str]:
        return list(self._df.input_files())

    def to(self, schema: StructType) -> "DataFrame":
        assert schema is not None
        return self._wrap(self._df.to_schema(schema.json()))

    def toDF(self, *cols: str) -> "DataFrame":
        for c in cols:
            if not isinstance(c, str):
                raise PySparkTypeError(errorClass="NOT_LIST_OF_STR", messageParameters={"arg_name": "cols", "arg_type": type(c).__name__})
        return self._wrap(self._df.to_df(list(cols)))

    def distinct(self) -> "DataFrame":
        return self._wrap(self._df.drop_duplicates(None))

    def dropDuplicates(self, subset: Optional[List[str]] = None) -> "DataFrame":
        if subset is not None and not isinstance(subset, (list, tuple)):
            raise PySparkTypeError(message="subset should be a list or tuple", errorClass="NOT_LIST_OR_TUPLE",
                                   messageParameters={"arg_name": "subset", "arg_type": type(subset).__name__})
        return self._wrap(self._df.drop_duplicates(list(subset) if subset is not None else None))

    drop_duplicates = dropDuplicates

    # --- streaming members of a batch DataFrame ------------------------------------------
    @property
    def isStreaming(self) -> bool:
        return False

    def withWatermark(self, eventTime: str, delayThreshold: str) -> "DataFrame":
        """A batch DataFrame is left as it is (Spark drops the watermark from batch plans
        before it checks the column); the delay is still parsed and must not be negative."""
        from pyrust.errors import IllegalArgumentException

        for name, value in (("eventTime", eventTime), ("delayThreshold", delayThreshold)):
            if not isinstance(value, str):
                raise PySparkTypeError(errorClass="NOT_STR",
                                       messageParameters={"arg_name": name, "arg_type": type(value).__name__})
        micros = _interval_micros(delayThreshold)
        if micros is None:
            raise AnalysisException(errorClass="CANNOT_PARSE_INTERVAL", messageParameters={"intervalString": f"'{delayThreshold}'"})
        if micros < 0:
            raise IllegalArgumentException(message=f"requirement failed: delay threshold ({delayThreshold}) should not be negative.")
        return self._wrap(self._df)

    def dropDuplicatesWithinWatermark(self, subset: Optional[List[str]] = None) -> "DataFrame":
        if subset is not None and not isinstance(subset, (list, tuple)):
            raise PySparkTypeError(message="subset should be a list or tuple", errorClass="NOT_LIST_OR_TUPLE",
                                   messageParameters={"arg_name": "subset", "arg_type": type(subset).__name__})
        raise AnalysisException(message="dropDuplicatesWithinWatermark is not supported with batch DataFrames/DataSets",
                                errorClass="_LEGACY_ERROR_TEMP_3102",
                                messageParameters={"msg": "dropDuplicatesWithinWatermark is not supported with batch DataFrames/DataSets"})

    drop_duplicates_within_watermark = dropDuplicatesWithinWatermark

    @property
    def writeStream(self) -> Any:
        raise AnalysisException(errorClass="WRITE_STREAM_NOT_ALLOWED", messageParameters={})

    def orderBy(self, *cols: Any, **kwargs: Any) -> "DataFrame":
        keys = [c._expr for c in self._sort_columns(cols, kwargs)]
        return self._lateral_step("sort", keys) or self._wrap(self._df.sort(keys))

    def _sort_columns(self, cols: Any, kwargs: Dict[str, Any]) -> List[Column]:
        """PySpark's reading of sort keys: names, Columns, and 1-based ordinals (negative
        ones descending); `ascending` a bool, an int or a list of them."""
        if not cols:
            raise PySparkValueError(errorClass="CANNOT_BE_EMPTY", messageParameters={"item": "cols"})
        if len(cols) == 1 and isinstance(cols[0], list):
            cols = cols[0]
        keys: List[Column] = []
        for c in cols:
            if isinstance(c, int) and not isinstance(c, bool):
                if c == 0:
                    raise PySparkIndexError(errorClass="ZERO_INDEX", messageParameters={})
                keys.append(self[c - 1] if c > 0 else self[-c - 1].desc())
            elif isinstance(c, Column):
                keys.append(c)
            elif isinstance(c, str):
                # PySpark's sort keys are `F.col(name)`, called here (the user's line).
                keys.append(Column(_native.col(c, None, _call_site())))
            else:
                raise PySparkTypeError(errorClass="NOT_COLUMN_OR_INT_OR_STR",
                                       messageParameters={"arg_name": "col", "arg_type": type(c).__name__})
        ascending = kwargs.get("ascending", True)
        if isinstance(ascending, (bool, int)):
            if not ascending:
                keys = [k.desc() for k in keys]
        elif isinstance(ascending, list):
            keys = [k if a else k.desc() for a, k in zip(ascending, keys)]
        else:
            raise PySparkTypeError(errorClass="NOT_COLUMN_OR_INT_OR_STR",
                                   messageParameters={"arg_name": "ascending", "arg_type": type(ascending).__name__})
        return keys

    sort = orderBy

    def sortWithinPartitions(self, *cols: Any, **kwargs: Any) -> "DataFrame":
        # One partition here, so sorting within it sorts the whole DataFrame (as Spark
        # does on one partition).
        return self.orderBy(*cols, **kwargs)

    def limit(self, num: int) -> "DataFrame":
        return self._wrap(self._df.limit(_non_negative("limit", num)))

    def offset(self, num: int) -> "DataFrame":
        return self._wrap(self._df.offset(_non_negative("offset", num)))

    def dropna(self, how: str = "any", thresh: Optional[int] = None, subset: Any = None) -> "DataFrame":
        from pyrust.sql import functions as F
        from pyrust.sql.types import DoubleType, FloatType

        # PySpark raises VALUE_NOT_ANY_OR_ALL with a parameter its template does not
        # name: building the message fails its own assert, and that AssertionError is
        # what the user sees (raised explicitly: pytest's assert rewriting cannot add to it).
        if how is not None and how not in ("any", "all"):
            params = {"arg_name": "how", "arg_type": how}
            raise AssertionError(f"Undefined error message parameter for error class: VALUE_NOT_ANY_OR_ALL. Parameters: {params}")
        if subset is not None and not isinstance(subset, (str, list, tuple)):
            raise PySparkTypeError(errorClass="NOT_LIST_OR_STR_OR_TUPLE",
                                   messageParameters={"arg_name": "subset", "arg_type": type(subset).__name__})
        if isinstance(thresh, str):
            # py4j hands a string thresh to Spark's na.drop(how, cols).
            from pyrust.errors import IllegalArgumentException

            if thresh not in ("any", "all"):
                raise IllegalArgumentException(message=f"how ({thresh}) must be 'any' or 'all'")
            how, thresh = thresh, None
        names = self.columns if subset is None else ([subset] if isinstance(subset, str) else list(subset))
        if subset is not None:
            self._resolve_names(names)
        if thresh is None:
            thresh = len(names) if how == "any" else 1
        floating = {f.name for f in self.schema.fields if isinstance(f.dataType, (DoubleType, FloatType))}
        present = None
        for n in names:
            # NaN in a floating column is missing too, as in Spark's na.drop.
            is_set = F.col(n).isNotNull() & ~F.isnan(n) if n in floating else F.col(n).isNotNull()
            one = F.when(is_set, F.lit(1)).otherwise(F.lit(0))
            present = one if present is None else present + one
        if present is None:
            return self
        return self.filter(present >= F.lit(thresh))

    def _resolve_names(self, names: List[Any]) -> None:
        """Spark's na functions resolve each column name they are given (Dataset.resolve)."""
        from pyrust.sql import functions as F
        from pyrust.sql._resolve import resolving_names

        if names:
            with resolving_names(self):
                self.select(*[F.col(n) for n in names]).schema

    def fillna(self, value: Any, subset: Any = None) -> "DataFrame":
        from pyrust.sql import functions as F
        from pyrust.sql.types import BooleanType, NumericType, StringType

        if not isinstance(value, (bool, int, float, str, dict)):
            raise PySparkTypeError(message=f"value should be a bool, float, int, str or dict, got {type(value).__name__}",
                                   errorClass="NOT_BOOL_OR_DICT_OR_FLOAT_OR_INT_OR_STR",
                                   messageParameters={"arg_name": "value", "arg_type": type(value).__name__})
        if not isinstance(value, dict) and subset is not None and not isinstance(subset, (str, list, tuple)):
            raise PySparkTypeError(errorClass="NOT_LIST_OR_TUPLE",
                                   messageParameters={"arg_name": "subset", "arg_type": type(subset).__name__})
        if isinstance(value, dict):
            replacements = dict(value)
            for v in replacements.values():
                if isinstance(v, list):
                    # py4j hands a list to Spark's fill(Map) as a java.util.ArrayList.
                    from pyrust.errors import IllegalArgumentException
                    from pyrust.sql._values import _java_text

                    shown = "[" + ", ".join(_java_text(x) for x in v) + "]"
                    raise IllegalArgumentException(message=f"Unsupported value type java.util.ArrayList ({shown}).")
            self._resolve_names(list(replacements))
        else:
            names = self.columns if subset is None else ([subset] if isinstance(subset, str) else list(subset))
            if subset is not None:
                self._resolve_names(names)
            # A value fills only the columns of its kind, as Spark's na.fill does.
            def fits(dt: Any) -> bool:
                if isinstance(value, bool):
                    return isinstance(dt, BooleanType)
                if isinstance(value, (int, float)):
                    return isinstance(dt, NumericType)
                return isinstance(dt, StringType)
            types = {f.name: f.dataType for f in self.schema.fields}
            replacements = {n: value for n in names if n in types and fits(types[n])}
        from pyrust.sql.types import DoubleType, FloatType

        cols = []
        for f in self.schema.fields:
            if f.name in replacements:
                fill = replacements[f.name]
                # A single number fills as a double cast to the column's type (a dict's
                # values keep their own type); NaN in floating columns counts as missing.
                scalar_number = not isinstance(value, dict) and isinstance(fill, (int, float)) and not isinstance(fill, bool)
                fill_lit = F.lit(float(fill)) if scalar_number else F.lit(fill)
                current = F.col(f.name)
                if isinstance(f.dataType, (DoubleType, FloatType)):
                    current = F.when(~F.isnan(current), current)
                cols.append(F.coalesce(current, fill_lit.cast(f.dataType)).alias(f.name))
            else:
                cols.append(F.col(f.name))
        return self.select(*cols)

    def replace(self, to_replace: Any, value: Any = _NoValue, subset: Optional[List[str]] = None) -> "DataFrame":
        # PySpark's argument checks, in its order, then Spark's NAFunctions.replace.
        if value is _NoValue:
            if isinstance(to_replace, dict):
                value = None
            else:
                raise PySparkTypeError(message="Argument `value` is required when `to_replace` is dict.", errorClass="ARGUMENT_REQUIRED",
                                       messageParameters={"arg_name": "value", "condition": "`to_replace` is dict"})
        valid_types = (bool, float, int, str, list, tuple)
        if not isinstance(to_replace, valid_types + (dict,)):
            raise PySparkTypeError(message=f"Argument `to_replace` should be a bool, dict, float, int, list, str or tuple, got {type(to_replace).__name__}.",
                                   errorClass="NOT_BOOL_OR_DICT_OR_FLOAT_OR_INT_OR_LIST_OR_STR_OR_TUPLE",
                                   messageParameters={"arg_name": "to_replace", "arg_type": type(to_replace).__name__})
        if not isinstance(value, valid_types) and value is not None and not isinstance(to_replace, dict):
            raise PySparkTypeError(message=f"Argument `value` should be a bool, float, int, list, None, str or tuple, got {type(value).__name__}.",
                                   errorClass="NOT_BOOL_OR_FLOAT_OR_INT_OR_LIST_OR_NONE_OR_STR_OR_TUPLE",
                                   messageParameters={"arg_name": "value", "arg_type": type(value).__name__})
        if isinstance(to_replace, (list, tuple)) and isinstance(value, (list, tuple)) and len(to_replace) != len(value):
            raise PySparkValueError(message=f"to_replace and value should be of the same length, got {len(to_replace)} and {len(value)}.",
                                    errorClass="LENGTH_SHOULD_BE_THE_SAME",
                                    messageParameters={"arg1": "to_replace", "arg2": "value", "arg1_length": str(len(to_replace)), "arg2_length": str(len(value))})
        if not (subset is None or isinstance(subset, (list, tuple, str))):
            raise PySparkTypeError(message=f"Argument `subset` should be a list, str or tuple, got {type(subset).__name__}.",
                                   errorClass="NOT_LIST_OR_STR_OR_TUPLE", messageParameters={"arg_name": "subset", "arg_type": type(subset).__name__})
        if isinstance(to_replace, (float, int, str)):
            to_replace = [to_replace]
        if isinstance(to_replace, dict):
            rep_dict = dict(to_replace)
            if value is not None:
                warnings.warn("to_replace is a dict and value is not None. value will be ignored.")
        else:
            if isinstance(value, (float, int, str)) or value is None:
                value = [value for _ in range(len(to_replace))]
            rep_dict = dict(zip(to_replace, value))
        if isinstance(subset, str):
            subset = [subset]

        def all_of(types: Any, xs: Any) -> bool:
            return all(isinstance(x, types) for x in xs)

        if not any(all_of(t, rep_dict.keys()) and all_of(t, [x for x in rep_dict.values() if x is not None])
                   for t in (bool, str, (float, int))):
            raise PySparkValueError(message="Mixed type replacements are not supported.", errorClass="MIXED_TYPE_REPLACEMENT",
                                    messageParameters={})
        return self._replace(rep_dict, subset)

    def _replace(self, rep_dict: Dict[Any, Any], subset: Optional[List[str]]) -> "DataFrame":
        """Spark's NAFunctions.replace: the first key's kind picks the columns (numbers:
        every numeric column; booleans; strings); in each, `CASE col WHEN key THEN
        CAST(value AS col's type) ... ELSE col END`, numeric keys compared as doubles."""
        from pyrust.sql import functions as F
        from pyrust.sql.types import BooleanType, NumericType, StringType

        if not rep_dict:
            return self
        targets = self.columns if subset is None else list(subset)
        if subset is not None:
            from pyrust.sql._resolve import resolving_names

            with resolving_names(self):  # an unknown column fails as Spark's resolve
                self.select(*[F.col(name) for name in targets])
        first = next(iter(rep_dict))
        kind = BooleanType if isinstance(first, bool) else StringType if isinstance(first, str) else NumericType
        if not targets:
            return self
        cols = []
        for f in self.schema.fields:
            current = F.col("`" + f.name.replace("`", "``") + "`")
            if not any(f.name == t or f.name.lower() == t.lower() for t in targets) or not isinstance(f.dataType, kind):
                cols.append(current)
                continue
            expr = None
            for key, target in rep_dict.items():
                key_lit = F.lit(float(key)) if kind is NumericType else F.lit(key)
                new = F.lit(float(target) if kind is NumericType and target is not None else target).cast(f.dataType)
                expr = F.when(current == key_lit, new) if expr is None else expr.when(current == key_lit, new)
            cols.append(expr.otherwise(current).alias(f.name))
        return self.select(*cols)

    def describe(self, *cols: Any) -> "DataFrame":
        """Spark's describe: `summary("count", "mean", "stddev", "min", "max")` of the columns."""
        names = _flatten(cols)
        selected = self.select(*names) if names else self
        return self._wrap(selected._df.describe())

    def summary(self, *statistics: str) -> "DataFrame":
        """Spark's `StatFunctions.summary`, planned in Rust (`analysis::summary`)."""
        if len(statistics) == 1 and isinstance(statistics[0], list):
            statistics = tuple(statistics[0])
        return self._wrap(self._df.summary(list(statistics)))

    @property
    def stat(self) -> "DataFrameStatFunctions":
        return DataFrameStatFunctions(self)

    @property
    def plot(self) -> Any:
        """The plotting accessor (`df.plot.line(...)`, `df.plot(kind=...)`), plotly's figures."""
        from pyrust.sql.plot import PySparkPlotAccessor

        return PySparkPlotAccessor(self)

    def corr(self, col1: str, col2: str, method: Optional[str] = None) -> float:
        from pyrust.sql import _stat

        return _stat.corr(self, col1, col2, method)

    def cov(self, col1: str, col2: str) -> float:
        from pyrust.sql import _stat

        return _stat.cov(self, col1, col2)

    def crosstab(self, col1: str, col2: str) -> "DataFrame":
        from pyrust.sql import _stat

        return _stat.crosstab(self, col1, col2)

    def freqItems(self, cols: Any, support: Optional[float] = None) -> "DataFrame":
        from pyrust.sql import _stat

        return _stat.freq_items(self, cols, support)

    def approxQuantile(self, col: Any, probabilities: Any, relativeError: float) -> Any:
        from pyrust.sql import _stat

        return _stat.approx_quantile(self, col, probabilities, relativeError)

    def sample(self, withReplacement: Any = None, fraction: Any = None, seed: Optional[int] = None) -> "DataFrame":
        from pyrust.sql import _stat

        return _stat.sample(self, withReplacement, fraction, seed)

    def randomSplit(self, weights: List[float], seed: Optional[int] = None) -> List["DataFrame"]:
        from pyrust.sql import _stat

        return _stat.random_split(self, weights, seed)

    def sampleBy(self, col: Any, fractions: Dict[Any, float], seed: Optional[int] = None) -> "DataFrame":
        from pyrust.sql import _stat

        return _stat.sample_by(self, col, fractions, seed)

    def _grouping_columns(self, cols: Tuple[Any, ...], ordinals: bool) -> List[Column]:
        """PySpark's `_jcols`/`_jcols_ordinal`: names, Columns, and (1-based) ordinals."""
        if len(cols) == 1 and isinstance(cols[0], list):
            cols = tuple(cols[0])
        out = []
        for c in cols:
            if ordinals and isinstance(c, int) and not isinstance(c, bool):
                if c < 1:
                    raise PySparkIndexError(message=f"Index must be positive, got '{c}'.", errorClass="INDEX_NOT_POSITIVE",
                                            messageParameters={"index": str(c)})
                c = Column(_native.col(self.columns[c - 1], self._df.plan_id))
            out.append(c if isinstance(c, Column) else Column(_to_col_expr(c)))
        return out

    def _group(self, kind: str, keys: List[Column], sets: Optional[List[List[Column]]] = None) -> Any:
        from pyrust.sql.group import GroupedData

        native_sets = None if sets is None else [[c._expr for c in s] for s in sets]
        return GroupedData(self._df.group(kind, [k._expr for k in keys], native_sets), self, keys)

    def groupBy(self, *cols: Any) -> Any:
        return self._group("groupby", self._grouping_columns(cols, True))

    groupby = groupBy

    def rollup(self, *cols: Any) -> Any:
        return self._group("rollup", self._grouping_columns(cols, True))

    def cube(self, *cols: Any) -> Any:
        return self._group("cube", self._grouping_columns(cols, True))

    def groupingSets(self, groupingSets: Any, *cols: Any) -> Any:
        sets = [self._grouping_columns(tuple(inner), False) for inner in groupingSets]
        return self._group("groupingsets", self._grouping_columns(cols, False), sets)

    def agg(self, *exprs: Any) -> "DataFrame":
        return self.groupBy().agg(*exprs)

    def _aggregate(self, keys: List[Column], aggs: List[Column]) -> "DataFrame":
        return self._wrap(self._df.aggregate([k._expr for k in keys], [a._expr for a in aggs]))

    @property
    def _jdf(self) -> "_native.DataFrame":
        # PySpark's name for the engine's DataFrame: a method given something that is
        # not a DataFrame fails reading it, with PySpark's AttributeError.
        return self._df

    def join(self, other: "DataFrame", on: Any = None, how: Optional[str] = None) -> "DataFrame":
        # PySpark asserts these (AssertionError), before it reads `other`.
        if on is not None and not isinstance(on, (str, Column, list, tuple)):
            raise AssertionError("on should be Column or list of Column")
        if how is not None and not isinstance(how, str):
            raise AssertionError("how should be a string")
        other_df = other._jdf
        how = "inner" if how is None else how  # "" goes to the JVM: UNSUPPORTED_JOIN_TYPE
        if on is None:
            return self._wrap(self._df.join(other_df, "cross" if how == "inner" else how, None, None))
        if isinstance(on, str):
            return self._wrap(self._df.join(other_df, how, [on], None))
        if isinstance(on, Column):
            return self._wrap(self._df.join(other_df, how, None, on._expr))
        if isinstance(on, (list, tuple)):
            if all(isinstance(o, str) for o in on):
                return self._wrap(self._df.join(other_df, how, list(on), None))
            if all(isinstance(o, Column) for o in on):
                cond = on[0]
                for o in on[1:]:
                    cond = cond & o
                return self._wrap(self._df.join(other_df, how, None, cond._expr))
        raise PySparkTypeError(message="on should be a str, Column or a list of them", errorClass="NOT_COLUMN_OR_LIST_OR_STR",
                               messageParameters={"arg_name": "on", "arg_type": type(on).__name__})

    def crossJoin(self, other: "DataFrame") -> "DataFrame":
        return self._wrap(self._df.join(other._jdf, "cross", None, None))

    def union(self, other: "DataFrame") -> "DataFrame":
        return self._wrap(self._df.union(other._jdf))

    unionAll = union

    def observe(self, observation: Any, *exprs: Column) -> "DataFrame":
        from pyrust.sql.observation import Observation

        if len(exprs) == 0:
            raise PySparkValueError(errorClass="CANNOT_BE_EMPTY", messageParameters={"item": "exprs"})
        if not all(isinstance(c, Column) for c in exprs):
            raise PySparkTypeError(errorClass="NOT_LIST_OF_COLUMN", messageParameters={"arg_name": "exprs"})
        if isinstance(observation, Observation):
            return observation._on(self, *exprs)
        if isinstance(observation, str):
            # A named observation: Spark gives its metrics to listeners only.
            return self._wrap(self._df.observe(None, [c._expr for c in exprs]))
        raise PySparkTypeError(errorClass="NOT_LIST_OF_COLUMN",
                               messageParameters={"arg_name": "observation", "arg_type": type(observation).__name__})

    def toJSON(self, use_unicode: bool = True) -> Any:
        """Each row as a JSON object (Spark's JSON writer: NULL fields left out), in an RDD."""
        from pyrust.rdd import RDD
        from pyrust.sql import functions as F

        columns = [F.col("`" + name.replace("`", "``") + "`") for name in self.columns]
        as_json = self.select(F.to_json(F.struct(*columns)).alias("value"))
        return RDD(lambda: [r[0] for r in as_json.collect()])

    def transpose(self, indexColumn: Optional[Any] = None) -> "DataFrame":
        if indexColumn is None:
            return self._wrap(self._df.transpose(None))
        return self._wrap(self._df.transpose(_to_col_expr(indexColumn)))

    def unpivot(self, ids: Any, values: Any, variableColumnName: str, valueColumnName: str) -> "DataFrame":
        if ids is None:
            raise AssertionError("ids must not be None")

        def exprs(cols: Any) -> List[Any]:
            return [_to_col_expr(c) for c in (list(cols) if isinstance(cols, (list, tuple)) else [cols])]

        vals = None if values is None else exprs(values)
        return self._wrap(self._df.unpivot(exprs(ids), vals, variableColumnName, valueColumnName))

    def melt(self, ids: Any, values: Any, variableColumnName: str, valueColumnName: str) -> "DataFrame":
        return self.unpivot(ids, values, variableColumnName, valueColumnName)

    def intersect(self, other: "DataFrame") -> "DataFrame":
        return self._wrap(self._df.set_op(other._jdf, "intersect", False))

    def intersectAll(self, other: "DataFrame") -> "DataFrame":
        return self._wrap(self._df.set_op(other._jdf, "intersect", True))

    def subtract(self, other: "DataFrame") -> "DataFrame":
        return self._wrap(self._df.set_op(other._jdf, "except", False))

    def exceptAll(self, other: "DataFrame") -> "DataFrame":
        return self._wrap(self._df.set_op(other._jdf, "except", True))

    def unionByName(self, other: "DataFrame", allowMissingColumns: bool = False) -> "DataFrame":
        return self._wrap(self._df.union_by_name(other._jdf, allowMissingColumns))

    def transform(self, func: Any, *args: Any, **kwargs: Any) -> "DataFrame":
        result = func(self, *args, **kwargs)
        if not isinstance(result, DataFrame):
            raise PySparkTypeError(message=f"Func returned an instance of type [{type(result).__name__}], should have been DataFrame.")
        return result

    def cache(self) -> "DataFrame":
        """Keeps the rows from their first use on (in memory, whatever the level);
        like PySpark, marks this DataFrame itself and returns it."""
        from pyrust.storagelevel import StorageLevel

        return self.persist(StorageLevel.MEMORY_AND_DISK_DESER)

    def persist(self, storageLevel: Any = _DEFAULT_LEVEL) -> "DataFrame":
        from pyrust.storagelevel import StorageLevel

        if storageLevel is _DEFAULT_LEVEL:
            storageLevel = StorageLevel.MEMORY_AND_DISK_DESER
        if not isinstance(storageLevel, StorageLevel):
            raise TypeError("storageLevel must be of type pyspark.StorageLevel")  # PySpark's own check
        self.is_cached = True
        if not self._df.is_cache_live():
            self._df = self._df.cache()
            self._storage_level = storageLevel
        return self

    def unpersist(self, blocking: bool = False) -> "DataFrame":
        bool_arg(blocking, "blocking")
        self.is_cached = False
        self._df.unpersist()
        return self

    @property
    def storageLevel(self) -> Any:
        from pyrust.storagelevel import StorageLevel

        level = getattr(self, "_storage_level", None)
        if level is None or not self._df.is_cache_live():
            return StorageLevel(False, False, False, False, 1)
        return StorageLevel(level.useDisk, level.useMemory, level.useOffHeap, level.deserialized, level.replication)

    def localCheckpoint(self, eager: bool = True, storageLevel: Any = None) -> "DataFrame":
        """A new DataFrame over the rows computed now (eager) or at first use."""
        from pyrust.storagelevel import StorageLevel

        bool_arg(eager, "eager")
        if storageLevel is not None and not isinstance(storageLevel, StorageLevel):
            raise TypeError("storageLevel must be of type pyspark.StorageLevel")
        checkpointed = self._wrap(self._df.cache())
        if eager:
            checkpointed.count()
        return checkpointed

    def checkpoint(self, eager: bool = True) -> "DataFrame":
        """As `localCheckpoint`: the rows are kept in memory, not in a checkpoint directory."""
        return self.localCheckpoint(eager)

    def hint(self, name: str, *parameters: Any) -> "DataFrame":
        """Hints have no effect here; their arguments are checked as PySpark checks them."""
        if len(parameters) == 1 and isinstance(parameters[0], list):
            parameters = parameters[0]
        if not isinstance(name, str):
            raise PySparkTypeError(errorClass="NOT_STR", messageParameters={"arg_name": "name", "arg_type": type(name).__name__})
        allowed = "str, float, int, Column, list[str], list[float], list[int]"
        for p in parameters:
            items = p if isinstance(p, list) else [p]
            if not isinstance(p, (str, float, int, Column, list)) or (
                    isinstance(p, list) and not all(isinstance(e, (str, float, int)) for e in items)):
                bad = p if not isinstance(p, list) else next(e for e in items if not isinstance(e, (str, float, int)))
                raise PySparkTypeError(errorClass="DISALLOWED_TYPE_FOR_CONTAINER", messageParameters={
                    "arg_name": "parameters", "arg_type": type(parameters).__name__, "allowed_types": allowed,
                    "item_type": type(bad).__name__})
        return self

    def repartition(self, numPartitions: Any = None, *cols: Any) -> "DataFrame":
        """Partitioning has no meaning on one machine; the data is unchanged (the
        arguments are checked as PySpark and Spark check them)."""
        if isinstance(numPartitions, int):
            _positive_partitions(int_arg(numPartitions, "numPartitions"))
        elif not isinstance(numPartitions, (str, Column)):
            raise PySparkTypeError(errorClass="NOT_COLUMN_OR_STR", messageParameters={
                "arg_name": "numPartitions", "arg_type": type(numPartitions).__name__})
        for c in cols:  # PySpark's _jcols: each through _to_java_column
            column_or_str_arg(c, "col")
        return self

    def repartitionByRange(self, numPartitions: Any, *cols: Any) -> "DataFrame":
        """Range partitioning has no meaning on one partition: the arguments are checked
        as Spark checks them (the columns resolve, as sort keys) and the data is unchanged."""
        from pyrust.errors import IllegalArgumentException

        if isinstance(numPartitions, int) and not isinstance(numPartitions, bool):
            if len(cols) == 0:
                raise PySparkValueError(message="At least one partition-by expression must be specified.",
                                        errorClass="CANNOT_BE_EMPTY", messageParameters={"item": "partition-by expression"})
            if numPartitions <= 0:
                raise IllegalArgumentException(message=f"requirement failed: Number of partitions ({numPartitions}) must be positive.")
        elif isinstance(numPartitions, (str, Column)):
            cols = (numPartitions,) + cols
        else:
            raise PySparkTypeError(message=f"Argument `numPartitions` should be a Column, int or str, got {type(numPartitions).__name__}.",
                                   errorClass="NOT_COLUMN_OR_INT_OR_STR",
                                   messageParameters={"arg_name": "numPartitions", "arg_type": type(numPartitions).__name__})
        for c in cols:  # PySpark's _jcols: each through _to_java_column
            column_or_str_arg(c, "col")
        self.orderBy(*cols)  # resolves the keys: unknown columns fail here, as in Spark
        return self

    def isLocal(self) -> bool:
        """False, as PySpark answers for DataFrames over its RDDs and queries (PyRust runs
        everything in-process; no plan is a Spark LocalRelation)."""
        return False

    def foreach(self, f: Any) -> None:
        """Calls `f` with each Row (in this process; PySpark calls it on executors)."""
        for row in self.collect():
            f(row)

    def foreachPartition(self, f: Any) -> None:
        """Calls `f` once with an iterator over all Rows: there is one partition."""
        f(iter(self.collect()))

    def coalesce(self, numPartitions: int) -> "DataFrame":
        _positive_partitions(int_arg(numPartitions, "numPartitions"))
        return self

    # --- actions ----------------------------------------------------------------------
    def collect(self) -> List[Row]:
        return self._df.collect(Row)

    def toLocalIterator(self, prefetchPartitions: bool = False) -> Any:
        bool_arg(prefetchPartitions, "prefetchPartitions")
        return iter(self.collect())

    def take(self, num: int) -> List[Row]:
        return self.limit(num).collect()

    def head(self, n: Optional[int] = None) -> Any:
        if n is None:
            rows = self.head(1)
            return rows[0] if rows else None
        return self.take(n)

    def first(self) -> Optional[Row]:
        return self.head()

    def tail(self, num: int) -> List[Row]:
        int_arg(num, "num")
        rows = self.collect()
        return rows[-num:] if num > 0 else []

    def count(self) -> int:
        return self._df.count()

    def isEmpty(self) -> bool:
        return len(self.take(1)) == 0

    def show(self, n: int = 20, truncate: Union[bool, int] = True, vertical: bool = False) -> None:
        if not isinstance(n, int) or isinstance(n, bool):
            raise PySparkTypeError(message="Parameter 'n' must be an int", errorClass="NOT_INT",
                                   messageParameters={"arg_name": "n", "arg_type": type(n).__name__})
        if not isinstance(vertical, bool):
            raise PySparkTypeError(message="Parameter 'vertical' must be a bool", errorClass="NOT_BOOL",
                                   messageParameters={"arg_name": "vertical", "arg_type": type(vertical).__name__})
        int_arg(n, "n")
        if isinstance(truncate, bool):
            width = 20 if truncate else 0
        elif isinstance(truncate, int):
            width = int_arg(truncate, "truncate")
        elif isinstance(truncate, str) and truncate.strip().lstrip("+-").isdigit():
            width = int_arg(int(truncate), "truncate")  # PySpark's int(truncate)
        else:
            raise PySparkTypeError(message="Parameter 'truncate' must be a bool or int", errorClass="NOT_BOOL",
                                   messageParameters={"arg_name": "truncate", "arg_type": type(truncate).__name__})
        print(self._df.show_string(max(n, 0), max(width, 0), vertical))
        sys.stdout.flush()

    def explain(self, extended: Any = None, mode: Optional[str] = None) -> None:
        # PySpark's argument cases, in its order.
        if extended is not None and mode is not None:
            raise PySparkValueError(errorClass="CANNOT_SET_TOGETHER", messageParameters={"arg_list": "extended and mode"})
        if extended is not None and not isinstance(extended, (bool, str)):
            raise PySparkTypeError(errorClass="NOT_BOOL_OR_STR", messageParameters={
                "arg_name": "extended", "arg_type": type(extended).__name__})
        if mode is not None and not isinstance(mode, str):
            raise PySparkTypeError(errorClass="NOT_STR", messageParameters={"arg_name": "mode", "arg_type": type(mode).__name__})
        if isinstance(extended, bool):
            mode = "extended" if extended else "simple"
        elif isinstance(extended, str):
            mode = extended
        mode = mode if mode is not None else "simple"
        if mode.lower() not in ("simple", "extended", "codegen", "cost", "formatted"):
            from pyrust.errors import IllegalArgumentException

            raise IllegalArgumentException(message=f"Unknown explain mode: {mode}. Accepted explain modes are "
                                                   "'simple', 'extended', 'codegen', 'cost', 'formatted'.")
        print(self._df.explain_string(mode.lower() in ("extended", "formatted")))

    def mapInPandas(self, func: Any, schema: Any, barrier: bool = False, profile: Any = None) -> "DataFrame":
        """Maps an iterator of batches in the current :class:`DataFrame` using a Python native
        function that takes and outputs pandas DataFrames (run at the action: see ``pandas_ops``)."""
        from pyrust.sql.pandas_ops import map_in_pandas

        return map_in_pandas(self, func, schema, arrow=False, barrier=barrier)

    def mapInArrow(self, func: Any, schema: Any, barrier: bool = False, profile: Any = None) -> "DataFrame":
        """Maps an iterator of batches in the current :class:`DataFrame` using a Python native
        function that takes and outputs PyArrow RecordBatches (run at the action: see ``pandas_ops``)."""
        from pyrust.sql.pandas_ops import map_in_pandas

        return map_in_pandas(self, func, schema, arrow=True, barrier=barrier)

    def toArrow(self) -> Any:
        """The result in the Arrow types PySpark gives (chosen by the engine, see
        `lowering::types::arrow`)."""
        import pyarrow as pa

        return pa.RecordBatchReader._import_from_c_capsule(self._df.to_arrow_capsule()).read_all()

    def toPandas(self) -> Any:
        import pandas as pd

        table = self.toArrow()
        tz = self.sparkSession.conf.get("spark.sql.session.timeZone")
        # PySpark converts through Arrow only when asked; by default it builds rows.
        arrow_path = str(self.sparkSession.conf.get("spark.sql.execution.arrow.pyspark.enabled", "false")).lower() == "true"
        pdf = table.to_pandas()
        for i, field in enumerate(self.schema.fields):
            dt = field.dataType
            if isinstance(dt, (TimestampType, TimestampNTZType)):
                # PySpark hands timestamps to pandas in nanoseconds, on the session clock
                # (out of range: pandas' OutOfBoundsDatetime, as in PySpark).
                column = pdf.iloc[:, i]
                if isinstance(dt, TimestampType):
                    column = column.dt.tz_convert(tz).dt.tz_localize(None)
                pdf.isetitem(i, column.astype("datetime64[ns]"))
            elif isinstance(dt, DayTimeIntervalType):
                # Day-time intervals reach pandas as nanosecond timedeltas, as in PySpark.
                pdf.isetitem(i, pdf.iloc[:, i].astype("timedelta64[ns]"))
            elif isinstance(dt, StringType) and table.num_rows == 0:
                # PySpark starts an empty result from `pd.DataFrame(columns=...)`: object.
                pdf.isetitem(i, pdf.iloc[:, i].astype(object))
            elif arrow_path and isinstance(dt, MapType):
                # PySpark's Arrow path: arrays stay numpy arrays, structs dicts, maps dicts.
                values = [None if v is None else dict(v) for v in pdf.iloc[:, i]]
                pdf.isetitem(i, pd.Series(values, dtype=object, index=pdf.index))
            elif not arrow_path and isinstance(dt, (ArrayType, MapType, StructType, DecimalType)):
                # The row path: nested values come out as PySpark builds rows, lists, dicts and Rows.
                values = [_nested_python(v, dt, tz) for v in table.column(i).to_pylist()]
                pdf.isetitem(i, pd.Series(values, dtype=object, index=pdf.index))
            elif not arrow_path and isinstance(dt, BinaryType):
                values = [None if v is None else bytearray(v) for v in pdf.iloc[:, i]]
                pdf.isetitem(i, pd.Series(values, dtype=object, index=pdf.index))
        return pdf

    def toPolars(self) -> Any:
        """PyRust extension (not in PySpark): the result as a Python polars DataFrame."""
        import polars as pl

        return pl.from_arrow(self.toArrow())

    @property
    def write(self) -> "DataFrameWriter":
        from pyrust.sql.readwriter import DataFrameWriter

        return DataFrameWriter(self)

    def writeTo(self, table: str) -> Any:
        from pyrust.sql.readwriter import DataFrameWriterV2

        table_name_arg(table, "table")
        return DataFrameWriterV2(self, table)

    # --- not yet supported -----------------------------------------------------------

    @property
    def na(self) -> "DataFrameNaFunctions":
        return DataFrameNaFunctions(self)

    def createOrReplaceTempView(self, name: str) -> None:
        self._df.create_temp_view(_view_name(name), True, False)

    def createTempView(self, name: str) -> None:
        self._df.create_temp_view(_view_name(name), False, False)

    def createOrReplaceGlobalTempView(self, name: str) -> None:
        self._df.create_temp_view(_view_name(name), True, True)

    def createGlobalTempView(self, name: str) -> None:
        self._df.create_temp_view(_view_name(name), False, True)

    def registerTempTable(self, name: str) -> None:
        import warnings

        warnings.warn("Deprecated in 2.0, use createOrReplaceTempView instead.", FutureWarning)
        self._df.create_temp_view(_view_name(name), True, False)


class _LateralDataFrame(DataFrame):
    """The other side of a lateral join: a DataFrame and the steps applied to it since one
    read an outer column. `lateralJoin` analyses it in its left side's scope; any other
    use analyses it alone, as Spark does (an outer column then resolves only inside)."""

    def __init__(self, base: DataFrame, ops: List[Tuple[str, List[Any], List[str]]]):
        self._base = base
        self._ops = ops
        self._session = base.sparkSession
        self._schema = None
        self.is_cached = False

    @property  # type: ignore[override]
    def _df(self) -> "_native.DataFrame":
        df = self._base._df
        for kind, exprs, names in self._ops:
            if kind == "filter":
                df = df.filter(exprs[0])
            elif kind == "select":
                df = df.select(exprs)
            elif kind == "with_columns":
                df = df.with_columns(names, exprs)
            else:
                df = df.sort(exprs)
        return df
