"""``pyspark.sql.GroupedData``: the result of ``groupBy``."""

from typing import Any, Dict, List, Union

from pyrust.errors import PySparkTypeError, PySparkValueError
from pyrust.sql import functions as F
from pyrust.sql.column import Column
from pyrust.sql.types import NumericType

__all__ = ["GroupedData"]

_DICT_FUNCTIONS = {"sum": F.sum, "avg": F.avg, "mean": F.avg, "min": F.min, "max": F.max, "count": F.count,
                   "first": F.first, "last": F.last}


class GroupedData:
    def __init__(self, df: Any, keys: List[Column]):
        self._df = df
        self._keys = keys

    def agg(self, *exprs: Union[Column, Dict[str, str]]) -> Any:
        if not exprs:
            raise PySparkValueError(message="exprs should not be empty", errorClass="CANNOT_BE_EMPTY",
                                    messageParameters={"item": "exprs"})
        if len(exprs) == 1 and isinstance(exprs[0], dict):
            cols = []
            for name, fn in exprs[0].items():
                make = _DICT_FUNCTIONS.get(fn.lower())
                if make is None:
                    from pyrust.errors import not_implemented

                    raise not_implemented(f"aggregate function '{fn}' in agg(dict)")
                cols.append(make(F.lit(1)) if name == "*" else make(name))
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
