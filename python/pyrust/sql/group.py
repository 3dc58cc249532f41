"""``pyspark.sql.GroupedData``: the result of ``groupBy``, ``rollup``, ``cube``,
``groupingSets`` and ``pivot``. A thin shell over the native grouping
(``src/analysis/grouping``), which plans every aggregation form."""

import warnings
from typing import Any, Dict, List, Optional, Union

from pyrust import _native
from pyrust.errors import PySparkTypeError, SparkRuntimeException, UnsupportedOperationException, not_implemented
from pyrust.sql._resolve import resolving_names
from pyrust.sql._values import _java_text
from pyrust.sql.column import Column, _to_col_expr, _to_expr

__all__ = ["GroupedData", "PandasCogroupedOps"]


def __getattr__(name: str) -> Any:
    # `PandasCogroupedOps` lives with the other pandas APIs, loaded on first use (it
    # imports `inspect`, which start-up avoids).
    if name == "PandasCogroupedOps":
        from pyrust.sql.pandas_ops import PandasCogroupedOps

        return PandasCogroupedOps
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _not_iterable() -> PySparkTypeError:
    # What PySpark's py4j conversion of a Column raises.
    return PySparkTypeError(message="Column is not iterable.", errorClass="NOT_ITERABLE",
                            messageParameters={"objectName": "Column"})


def _column_names(cols: tuple) -> List[str]:
    for c in cols:
        if isinstance(c, Column):
            raise _not_iterable()
        if not isinstance(c, str):
            raise PySparkTypeError(message=f"Argument `cols` should be a str, got {type(c).__name__}.",
                                   errorClass="NOT_STR", messageParameters={"arg_name": "cols", "arg_type": type(c).__name__})
    return list(cols)


def _fields_text(fields: List[Any], more: str) -> str:
    """Two fields and a count of the rest, as Spark's `toString`s print them."""
    text = ", ".join(fields[:2])
    if len(fields) > 2:
        text += more.format(len(fields) - 2)
    return f"[{text}]"


class GroupedData:
    """A set of methods for aggregations on a :class:`DataFrame`."""

    def __init__(self, jgd: "_native.GroupedData", df: Any, keys: Optional[List[Column]] = None):
        self._jgd = jgd
        self._df = df
        self._keys = list(keys or [])
        self.session = df.sparkSession

    def __repr__(self) -> str:
        keys = _fields_text([c._expr.name() for c in self._keys], " ... {} more field(s)")
        fields = [f"{f.name}: {f.dataType.simpleString()}" for f in self._df.schema.fields]
        value = _fields_text(fields, " ... {} more fields")
        if len(fields) == 3:
            value = value.replace(" ... 1 more fields", " ... 1 more field")
        return f"GroupedData[grouping expressions: {keys}, value: {value}, type: {self._jgd.kind}]"

    def _column_sql_type(self, name: str) -> str:
        """A column's type as Spark quotes it in messages (`"STRING"`)."""
        try:
            return f'"{self._df.select(name).schema.fields[0].dataType.simpleString().upper()}"'
        except Exception:
            return '"UNKNOWN"'

    def _wrap(self, native: Any) -> Any:
        return self._df._wrap(native)

    def agg(self, *exprs: Union[Column, Dict[str, str]]) -> Any:
        # PySpark asserts here, so misuse is an AssertionError.
        if not exprs:  # PySpark asserts; explicit so pytest's assertion rewriting keeps the message
            raise AssertionError("exprs should not be empty")
        if len(exprs) == 1 and isinstance(exprs[0], dict):
            with resolving_names(self._df):
                return self._wrap(self._jgd.agg_dict(list(exprs[0].items())))
        if not all(isinstance(c, Column) for c in exprs):
            raise AssertionError("all exprs should be Column")
        return self._wrap(self._jgd.agg([c._expr for c in exprs]))

    def count(self) -> Any:
        return self._wrap(self._jgd.count())

    def _numeric(self, function: str, cols: tuple) -> Any:
        names = _column_names(cols)
        with resolving_names(self._df):
            return self._wrap(self._jgd.numeric(function, names))

    def mean(self, *cols: str) -> Any:
        return self._numeric("avg", cols)

    def avg(self, *cols: str) -> Any:
        return self._numeric("avg", cols)

    def max(self, *cols: str) -> Any:
        return self._numeric("max", cols)

    def min(self, *cols: str) -> Any:
        return self._numeric("min", cols)

    def sum(self, *cols: str) -> Any:
        return self._numeric("sum", cols)

    def pivot(self, pivot_col: str, values: Optional[List[Any]] = None) -> "GroupedData":
        if isinstance(pivot_col, Column):
            raise _not_iterable()
        column = _to_col_expr(pivot_col)
        literals = None
        if values is not None:
            if not isinstance(values, (list, tuple)):
                # PySpark hands them to the JVM, which takes a list only (py4j's own error).
                raise PySparkTypeError(errorClass="NOT_LIST", messageParameters={"arg_name": "values", "arg_type": type(values).__name__})
            literals = []
            for v in values:
                if isinstance(v, Column):
                    raise _not_iterable()
                if isinstance(v, (list, tuple, dict, set)):
                    raise SparkRuntimeException(
                        errorClass="UNSUPPORTED_FEATURE.PIVOT_TYPE",
                        messageParameters={"value": _java_text(v), "type": self._column_sql_type(pivot_col)})
                literals.append(_to_expr(v))
        kind = self._jgd.kind
        if kind == "Pivot":
            raise UnsupportedOperationException(
                message="The PIVOT clause may be used at most once per SUBQUERY operation.",
                errorClass="REPEATED_CLAUSE", messageParameters={"clause": "PIVOT", "operation": "SUBQUERY"})
        if kind != "GroupBy":
            raise UnsupportedOperationException(
                message="The feature is not supported: PIVOT clause following a GROUP BY clause. Consider pushing the GROUP BY into a subquery.",
                errorClass="UNSUPPORTED_FEATURE.PIVOT_AFTER_GROUP_BY", messageParameters={})
        with resolving_names(self._df):
            return GroupedData(self._jgd.pivot(column, literals), self._df, self._keys)

    # Grouped Python functions run Python UDFs, which PyRust does not have yet.
    def apply(self, udf: Any) -> Any:
        """A GROUPED_MAP pandas UDF over each group: PySpark's older form of
        ``applyInPandas(udf.func, udf.returnType)``."""
        from pyrust.sql.udf import SQL_GROUPED_MAP_PANDAS_UDF

        # Columns are special: hasattr is always true on them.
        if isinstance(udf, Column) or not hasattr(udf, "func") or getattr(udf, "evalType", None) != SQL_GROUPED_MAP_PANDAS_UDF:
            raise PySparkTypeError(errorClass="INVALID_UDF_EVAL_TYPE", messageParameters={"eval_type": "SQL_GROUPED_MAP_PANDAS_UDF"})
        warnings.warn(
            "It is preferred to use 'applyInPandas' over this API. This API will be deprecated in the future releases. "
            "See SPARK-28264 for more details.",
            UserWarning,
        )
        return self.applyInPandas(udf.func, schema=udf.returnType)

    def applyInPandas(self, func: Any, schema: Any) -> Any:
        """Maps each group of the current :class:`DataFrame` using a pandas udf and returns the
        result as a `DataFrame` (run at the action: see ``pandas_ops``)."""
        from pyrust.sql.pandas_ops import apply_in_pandas

        return apply_in_pandas(self, func, schema, arrow=False)

    def applyInArrow(self, func: Any, schema: Any) -> Any:
        """Maps each group of the current :class:`DataFrame` using an Arrow udf and returns the
        result as a `DataFrame` (run at the action: see ``pandas_ops``)."""
        from pyrust.sql.pandas_ops import apply_in_pandas

        return apply_in_pandas(self, func, schema, arrow=True)

    def applyInPandasWithState(self, func: Any, outputStructType: Any, stateStructType: Any, outputMode: str,
                               timeoutConf: str) -> Any:
        raise not_implemented("GroupedData.applyInPandasWithState")

    def cogroup(self, other: "GroupedData") -> Any:
        """Cogroups this group with another group so that we can run cogrouped operations."""
        from pyrust.sql.pandas_ops import PandasCogroupedOps

        return PandasCogroupedOps(self, other)

    def transformWithStateInPandas(self, statefulProcessor: Any, outputStructType: Any, outputMode: str, timeMode: str,
                                   initialState: Optional["GroupedData"] = None, eventTimeColumnName: str = "") -> Any:
        raise not_implemented("GroupedData.transformWithStateInPandas")
