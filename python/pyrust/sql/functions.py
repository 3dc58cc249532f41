"""``pyspark.sql.functions``: thin forwards to the function registry in Rust."""

from typing import Any, Union

from pyrust import _native
from pyrust.errors import PySparkTypeError
from pyrust.sql.column import Column, _to_col_expr, _to_expr

ColumnOrName = Union[Column, str]

__all__ = [
    "col", "column", "lit", "expr", "when", "coalesce", "isnull", "isnan", "count", "countDistinct",
    "count_distinct", "sum", "avg", "mean", "min", "max", "first", "last", "abs", "round", "bround",
    "sqrt", "upper", "lower", "length", "trim", "ltrim", "rtrim", "concat", "concat_ws", "substring",
    "asc", "desc", "asc_nulls_first", "asc_nulls_last", "desc_nulls_first", "desc_nulls_last",
    "broadcast", "sum_distinct", "sumDistinct", "stddev", "stddev_samp", "std",
    "year", "quarter", "month", "dayofmonth", "day", "dayofweek", "dayofyear", "to_date", "date_add", "date_sub",
    "datediff",
]


def _invoke(name: str, *cols: ColumnOrName, distinct: bool = False) -> Column:
    return Column(_native.call(name, [_to_col_expr(c) for c in cols], distinct))


def col(col: str) -> Column:
    if not isinstance(col, str):
        raise PySparkTypeError(message=f"Argument `col` should be a str, got {type(col).__name__}.", errorClass="NOT_STR",
                               messageParameters={"arg_name": "col", "arg_type": type(col).__name__})
    return Column(_native.col(col))


column = col


def lit(col: Any) -> Column:
    if isinstance(col, Column):
        return col
    if isinstance(col, (list, tuple)):
        from pyrust.errors import not_implemented

        raise not_implemented("lit of a list (array literals)")
    return Column(_to_expr(col))


def expr(str: str) -> Column:
    return Column(_native.parse_expr(str), repr_text=str)


def when(condition: Column, value: Any) -> Column:
    if not isinstance(condition, Column):
        raise PySparkTypeError(message="condition should be a Column", errorClass="NOT_COLUMN",
                               messageParameters={"arg_name": "condition", "arg_type": type(condition).__name__})
    return Column(_native.case_when(condition._expr, _to_expr(value)))


def coalesce(*cols: ColumnOrName) -> Column:
    return _invoke("coalesce", *cols)


def isnull(col: ColumnOrName) -> Column:
    return Column(_to_col_expr(col).is_null())


def isnan(col: ColumnOrName) -> Column:
    return _invoke("isnan", col)


def count(col: ColumnOrName) -> Column:
    return _invoke("count", col)


def countDistinct(col: ColumnOrName, *cols: ColumnOrName) -> Column:
    return _invoke("count", col, *cols, distinct=True)


count_distinct = countDistinct


def sum(col: ColumnOrName) -> Column:
    return _invoke("sum", col)


def sum_distinct(col: ColumnOrName) -> Column:
    return _invoke("sum", col, distinct=True)


sumDistinct = sum_distinct


def avg(col: ColumnOrName) -> Column:
    return _invoke("avg", col)


def mean(col: ColumnOrName) -> Column:
    return _invoke("avg", col)


def stddev(col: ColumnOrName) -> Column:
    return _invoke("stddev", col)


def stddev_samp(col: ColumnOrName) -> Column:
    return _invoke("stddev_samp", col)


def std(col: ColumnOrName) -> Column:
    return _invoke("std", col)


def min(col: ColumnOrName) -> Column:
    return _invoke("min", col)


def max(col: ColumnOrName) -> Column:
    return _invoke("max", col)


def first(col: ColumnOrName, ignorenulls: bool = False) -> Column:
    return Column(_native.call("first", [_to_col_expr(col), _to_expr(ignorenulls)]))


def last(col: ColumnOrName, ignorenulls: bool = False) -> Column:
    return Column(_native.call("last", [_to_col_expr(col), _to_expr(ignorenulls)]))


def abs(col: ColumnOrName) -> Column:
    return _invoke("abs", col)


def round(col: ColumnOrName, scale: int = 0) -> Column:
    return Column(_native.call("round", [_to_col_expr(col), _to_expr(scale)]))


def bround(col: ColumnOrName, scale: int = 0) -> Column:
    return Column(_native.call("bround", [_to_col_expr(col), _to_expr(scale)]))


def sqrt(col: ColumnOrName) -> Column:
    return _invoke("sqrt", col)


def upper(col: ColumnOrName) -> Column:
    return _invoke("upper", col)


def lower(col: ColumnOrName) -> Column:
    return _invoke("lower", col)


def length(col: ColumnOrName) -> Column:
    return _invoke("length", col)


def trim(col: ColumnOrName) -> Column:
    return _invoke("trim", col)


def ltrim(col: ColumnOrName) -> Column:
    return _invoke("ltrim", col)


def rtrim(col: ColumnOrName) -> Column:
    return _invoke("rtrim", col)


def concat(*cols: ColumnOrName) -> Column:
    return _invoke("concat", *cols)


def concat_ws(sep: str, *cols: ColumnOrName) -> Column:
    return Column(_native.call("concat_ws", [_to_expr(sep)] + [_to_col_expr(c) for c in cols]))


def substring(str: ColumnOrName, pos: Any, len: Any) -> Column:
    pos_e = _to_col_expr(pos) if isinstance(pos, Column) else _to_expr(pos)
    len_e = _to_col_expr(len) if isinstance(len, Column) else _to_expr(len)
    return Column(_native.call("substring", [_to_col_expr(str), pos_e, len_e]))


def year(col: ColumnOrName) -> Column:
    return _invoke("year", col)


def quarter(col: ColumnOrName) -> Column:
    return _invoke("quarter", col)


def month(col: ColumnOrName) -> Column:
    return _invoke("month", col)


def dayofmonth(col: ColumnOrName) -> Column:
    return _invoke("dayofmonth", col)


def day(col: ColumnOrName) -> Column:
    return _invoke("day", col)


def dayofweek(col: ColumnOrName) -> Column:
    return _invoke("dayofweek", col)


def dayofyear(col: ColumnOrName) -> Column:
    return _invoke("dayofyear", col)


def to_date(col: ColumnOrName, format: Any = None) -> Column:
    if format is not None:
        from pyrust.errors import not_implemented

        raise not_implemented("to_date with a format (Java datetime patterns)")
    return _invoke("to_date", col)


def _days(days: Any) -> Any:
    # PySpark passes a Python int as a literal and anything else as a column.
    return _to_expr(days) if isinstance(days, int) and not isinstance(days, bool) else _to_col_expr(days)


def date_add(start: ColumnOrName, days: Union[ColumnOrName, int]) -> Column:
    return Column(_native.call("date_add", [_to_col_expr(start), _days(days)]))


def date_sub(start: ColumnOrName, days: Union[ColumnOrName, int]) -> Column:
    return Column(_native.call("date_sub", [_to_col_expr(start), _days(days)]))


def datediff(end: ColumnOrName, start: ColumnOrName) -> Column:
    return _invoke("datediff", end, start)


def asc(col: ColumnOrName) -> Column:
    return Column(_to_col_expr(col)).asc()


def desc(col: ColumnOrName) -> Column:
    return Column(_to_col_expr(col)).desc()


def asc_nulls_first(col: ColumnOrName) -> Column:
    return Column(_to_col_expr(col)).asc_nulls_first()


def asc_nulls_last(col: ColumnOrName) -> Column:
    return Column(_to_col_expr(col)).asc_nulls_last()


def desc_nulls_first(col: ColumnOrName) -> Column:
    return Column(_to_col_expr(col)).desc_nulls_first()


def desc_nulls_last(col: ColumnOrName) -> Column:
    return Column(_to_col_expr(col)).desc_nulls_last()


def broadcast(df: Any) -> Any:
    """A join hint; one machine has nothing to broadcast, so the DataFrame is returned."""
    return df


def __getattr__(name: str) -> Any:
    from pyrust.errors import not_implemented

    if name.startswith("_"):
        raise AttributeError(name)
    raise not_implemented(f"pyspark.sql.functions.{name}")
