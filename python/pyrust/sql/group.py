"""``pyspark.sql.GroupedData``: the result of ``groupBy``."""

import re
from typing import Any, Dict, List, Union

from pyrust.errors import PySparkTypeError
from pyrust.sql import functions as F
from pyrust.sql.column import Column
from pyrust.sql.types import NumericType

__all__ = ["GroupedData"]

def _dict_aggregate(column: str, function: str) -> Column:
    """One entry of `agg({column: function})` as Spark's `strToExpr` builds it: a few
    names of its own (`avg`/`average`/`mean`, `stddev`/`std`, `count`/`size`), any other
    name looked up in the SQL function registry, as SQL text would call it."""
    name = function.lower()
    if name in ("avg", "average", "mean"):
        return F.avg(F.lit(1) if column == "*" else column)
    if name in ("stddev", "std"):
        return F.stddev(F.lit(1) if column == "*" else column)
    if name in ("count", "size"):
        return F.count(F.lit(1) if column == "*" else column)
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", function):
        from pyrust.errors import AnalysisException

        raise AnalysisException(message=f"Cannot resolve routine `{function}`.", errorClass="UNRESOLVED_ROUTINE",
                                messageParameters={"routineName": f"`{function}`"})
    argument = "*" if column == "*" else "`" + column.replace("`", "``") + "`"
    return F.expr(f"{function}({argument})")


def _java_string_hash(s: str) -> int:
    """Java's String.hashCode over UTF-16 code units, as an unsigned 32-bit value."""
    units = s.encode("utf-16-be")
    h = 0
    for i in range(0, len(units), 2):
        h = (31 * h + ((units[i] << 8) | units[i + 1])) & 0xFFFFFFFF
    return h


def _java_hashmap_order(keys: List[str]) -> List[str]:
    """The iteration order of a java.util.HashMap filled with `keys` in order.
    PySpark hands `agg(dict)` to the JVM as a HashMap, so Spark's output columns
    come in that order, not in the dict's."""
    capacity = 16
    while len(keys) > capacity * 3 // 4:
        capacity *= 2
    def bucket(k: str) -> int:
        h = _java_string_hash(k)
        return (h ^ (h >> 16)) & (capacity - 1)
    return sorted(keys, key=lambda k: bucket(k))  # stable: same bucket keeps insertion order


class GroupedData:
    def __init__(self, df: Any, keys: List[Column]):
        self._df = df
        self._keys = keys

    def agg(self, *exprs: Union[Column, Dict[str, str]]) -> Any:
        # PySpark asserts here, so the error is an AssertionError.
        assert exprs, "exprs should not be empty"
        if len(exprs) == 1 and isinstance(exprs[0], dict):
            cols = []
            spec = exprs[0]
            for name in _java_hashmap_order(list(spec)):
                cols.append(_dict_aggregate(name, spec[name]))
            return self._df._aggregate(self._keys, cols)
        for e in exprs:
            if not isinstance(e, Column):
                raise PySparkTypeError(message="all exprs should be Column", errorClass="NOT_COLUMN",
                                       messageParameters={"arg_name": "exprs", "arg_type": type(e).__name__})
        return self._df._aggregate(self._keys, list(exprs))

    def count(self) -> Any:
        return self._df._aggregate(self._keys, [F.count(F.lit(1)).alias("count")])

    def _numeric(self, fn: Any, cols: tuple) -> Any:
        if not cols:
            cols = tuple(f.name for f in self._df.schema.fields if isinstance(f.dataType, NumericType))
        else:
            numeric = {f.name for f in self._df.schema.fields if isinstance(f.dataType, NumericType)}
            for c in cols:
                if c not in numeric:
                    from pyrust.errors import AnalysisException

                    raise AnalysisException(message=f"\"{c}\" is not a numeric column. Aggregation function can only be applied on a numeric column.",
                                            errorClass=None)
        return self._df._aggregate(self._keys, [fn(c) for c in cols])

    def sum(self, *cols: str) -> Any:
        return self._numeric(F.sum, cols)

    def avg(self, *cols: str) -> Any:
        return self._numeric(F.avg, cols)

    mean = avg

    def min(self, *cols: str) -> Any:
        return self._numeric(F.min, cols)

    def max(self, *cols: str) -> Any:
        return self._numeric(F.max, cols)

    def pivot(self, *args: Any) -> Any:
        from pyrust.errors import not_implemented

        raise not_implemented("GroupedData.pivot")

    def applyInPandas(self, *args: Any) -> Any:
        from pyrust.errors import not_implemented

        raise not_implemented("GroupedData.applyInPandas")
