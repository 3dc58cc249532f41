"""Aggregate functions."""

import warnings
from typing import Any, Optional, Sequence, Tuple, Union

from pyrust import _native
from pyrust.sql.column import Column
from pyrust.sql.functions._common import ColumnOrName, call, col_expr, invoke, lit_expr

__all__ = ["count", "countDistinct", "count_distinct", "sum", "sum_distinct", "sumDistinct", "avg", "mean",
           "min", "max", "first", "last", "stddev", "stddev_samp", "std",
           "approx_count_distinct", "approxCountDistinct", "min_by", "max_by", "first_value", "last_value",
           "any_value", "collect_list", "array_agg", "collect_set", "count_if", "bool_and", "every", "bool_or",
           "some", "bit_and", "bit_or", "bit_xor", "product", "listagg", "listagg_distinct", "string_agg",
           "string_agg_distinct", "try_sum", "try_avg", "stddev_pop", "variance", "var_samp", "var_pop",
           "skewness", "kurtosis", "corr", "covar_samp", "covar_pop", "regr_avgx", "regr_avgy", "regr_count",
           "regr_intercept", "regr_r2", "regr_slope", "regr_sxx", "regr_sxy", "regr_syy", "percentile",
           "percentile_approx", "approx_percentile", "median", "mode", "histogram_numeric"]


def count(col: ColumnOrName) -> Column:
    return invoke("count", col)


def count_distinct(col: ColumnOrName, *cols: ColumnOrName) -> Column:
    return invoke("count", col, *cols, distinct=True)


countDistinct = count_distinct


def sum(col: ColumnOrName) -> Column:
    return invoke("sum", col)


def sum_distinct(col: ColumnOrName) -> Column:
    return invoke("sum", col, distinct=True)


sumDistinct = sum_distinct


def avg(col: ColumnOrName) -> Column:
    return invoke("avg", col)


def mean(col: ColumnOrName) -> Column:
    return invoke("avg", col)


def min(col: ColumnOrName) -> Column:
    return invoke("min", col)


def max(col: ColumnOrName) -> Column:
    return invoke("max", col)


def first(col: ColumnOrName, ignorenulls: bool = False) -> Column:
    return call("first", col_expr(col), lit_expr(ignorenulls))


def last(col: ColumnOrName, ignorenulls: bool = False) -> Column:
    return call("last", col_expr(col), lit_expr(ignorenulls))


def stddev(col: ColumnOrName) -> Column:
    return invoke("stddev", col)


def stddev_samp(col: ColumnOrName) -> Column:
    return invoke("stddev_samp", col)


def std(col: ColumnOrName) -> Column:
    return invoke("std", col)


def _ignore_nulls(ignoreNulls: Any) -> Any:
    """PySpark's `ignoreNulls`: a bool becomes a literal, a Column stays one."""
    # PySpark: lit(ignoreNulls) for a bool, anything else through _to_java_column.
    return lit_expr(ignoreNulls) if isinstance(ignoreNulls, bool) else col_expr(ignoreNulls)


def approx_count_distinct(col: ColumnOrName, rsd: Optional[float] = None) -> Column:
    if rsd is None:
        return invoke("approx_count_distinct", col)
    return call("approx_count_distinct", col_expr(col), lit_expr(float(rsd) if isinstance(rsd, int) else rsd))


def approxCountDistinct(col: ColumnOrName, rsd: Optional[float] = None) -> Column:
    warnings.warn("Deprecated in 2.1, use approx_count_distinct instead.", FutureWarning)
    return approx_count_distinct(col, rsd)


def min_by(col: ColumnOrName, ord: ColumnOrName) -> Column:
    return invoke("min_by", col, ord)


def max_by(col: ColumnOrName, ord: ColumnOrName) -> Column:
    return invoke("max_by", col, ord)


def first_value(col: ColumnOrName, ignoreNulls: Optional[Union[bool, Column]] = None) -> Column:
    if ignoreNulls is None:
        return invoke("first_value", col)
    return call("first_value", col_expr(col), _ignore_nulls(ignoreNulls))


def last_value(col: ColumnOrName, ignoreNulls: Optional[Union[bool, Column]] = None) -> Column:
    if ignoreNulls is None:
        return invoke("last_value", col)
    return call("last_value", col_expr(col), _ignore_nulls(ignoreNulls))


def any_value(col: ColumnOrName, ignoreNulls: Optional[Union[bool, Column]] = None) -> Column:
    if ignoreNulls is None:
        return invoke("any_value", col)
    return call("any_value", col_expr(col), _ignore_nulls(ignoreNulls))


def collect_list(col: ColumnOrName) -> Column:
    return invoke("collect_list", col)


def array_agg(col: ColumnOrName) -> Column:
    return invoke("array_agg", col)


def collect_set(col: ColumnOrName) -> Column:
    return invoke("collect_set", col)


def count_if(col: ColumnOrName) -> Column:
    return invoke("count_if", col)


def bool_and(col: ColumnOrName) -> Column:
    return invoke("bool_and", col)


def every(col: ColumnOrName) -> Column:
    return invoke("every", col)


def bool_or(col: ColumnOrName) -> Column:
    return invoke("bool_or", col)


def some(col: ColumnOrName) -> Column:
    return invoke("some", col)


def bit_and(col: ColumnOrName) -> Column:
    return invoke("bit_and", col)


def bit_or(col: ColumnOrName) -> Column:
    return invoke("bit_or", col)


def bit_xor(col: ColumnOrName) -> Column:
    return invoke("bit_xor", col)


def product(col: ColumnOrName) -> Column:
    return invoke("product", col)


def _listagg(name: str, col: ColumnOrName, delimiter: Any, distinct: bool) -> Column:
    if delimiter is None:
        return invoke(name, col, distinct=distinct)
    return Column(_native.call(name, [col_expr(col), lit_expr(delimiter)], distinct))


def listagg(col: ColumnOrName, delimiter: Optional[Union[Column, str, bytes]] = None) -> Column:
    return _listagg("listagg", col, delimiter, False)


def listagg_distinct(col: ColumnOrName, delimiter: Optional[Union[Column, str, bytes]] = None) -> Column:
    return _listagg("listagg", col, delimiter, True)


def string_agg(col: ColumnOrName, delimiter: Optional[Union[Column, str, bytes]] = None) -> Column:
    return _listagg("string_agg", col, delimiter, False)


def string_agg_distinct(col: ColumnOrName, delimiter: Optional[Union[Column, str, bytes]] = None) -> Column:
    return _listagg("string_agg", col, delimiter, True)


def try_sum(col: ColumnOrName) -> Column:
    return invoke("try_sum", col)


def try_avg(col: ColumnOrName) -> Column:
    return invoke("try_avg", col)


def stddev_pop(col: ColumnOrName) -> Column:
    return invoke("stddev_pop", col)


def variance(col: ColumnOrName) -> Column:
    return invoke("variance", col)


def var_samp(col: ColumnOrName) -> Column:
    return invoke("var_samp", col)


def var_pop(col: ColumnOrName) -> Column:
    return invoke("var_pop", col)


def skewness(col: ColumnOrName) -> Column:
    return invoke("skewness", col)


def kurtosis(col: ColumnOrName) -> Column:
    return invoke("kurtosis", col)


def corr(col1: ColumnOrName, col2: ColumnOrName) -> Column:
    return invoke("corr", col1, col2)


def covar_samp(col1: ColumnOrName, col2: ColumnOrName) -> Column:
    return invoke("covar_samp", col1, col2)


def covar_pop(col1: ColumnOrName, col2: ColumnOrName) -> Column:
    return invoke("covar_pop", col1, col2)


def regr_avgx(y: ColumnOrName, x: ColumnOrName) -> Column:
    return invoke("regr_avgx", y, x)


def regr_avgy(y: ColumnOrName, x: ColumnOrName) -> Column:
    return invoke("regr_avgy", y, x)


def regr_count(y: ColumnOrName, x: ColumnOrName) -> Column:
    return invoke("regr_count", y, x)


def regr_intercept(y: ColumnOrName, x: ColumnOrName) -> Column:
    return invoke("regr_intercept", y, x)


def regr_r2(y: ColumnOrName, x: ColumnOrName) -> Column:
    return invoke("regr_r2", y, x)


def regr_slope(y: ColumnOrName, x: ColumnOrName) -> Column:
    return invoke("regr_slope", y, x)


def regr_sxx(y: ColumnOrName, x: ColumnOrName) -> Column:
    return invoke("regr_sxx", y, x)


def regr_sxy(y: ColumnOrName, x: ColumnOrName) -> Column:
    return invoke("regr_sxy", y, x)


def regr_syy(y: ColumnOrName, x: ColumnOrName) -> Column:
    return invoke("regr_syy", y, x)


def _percentages(percentage: Any) -> Any:
    """PySpark's `percentage`: a list or tuple is a constant array, anything else a literal."""
    if isinstance(percentage, (list, tuple)):
        from pyrust.sql._values import literal_type
        from pyrust.sql.types import ArrayType

        element = literal_type(percentage[0]) if percentage else literal_type(0.0)
        return _native.lit(list(percentage), ArrayType(element, False).json())
    return lit_expr(percentage)


def percentile(col: ColumnOrName, percentage: Union[Column, float, Sequence[float], Tuple[float]],
               frequency: Union[Column, int] = 1) -> Column:
    return call("percentile", col_expr(col), _percentages(percentage), lit_expr(frequency))


def percentile_approx(col: ColumnOrName, percentage: Union[Column, float, Sequence[float], Tuple[float]],
                      accuracy: Union[Column, int] = 10000) -> Column:
    return call("percentile_approx", col_expr(col), _percentages(percentage), lit_expr(accuracy))


def approx_percentile(col: ColumnOrName, percentage: Union[Column, float, Sequence[float], Tuple[float]],
                      accuracy: Union[Column, int] = 10000) -> Column:
    return call("approx_percentile", col_expr(col), _percentages(percentage), lit_expr(accuracy))


def median(col: ColumnOrName) -> Column:
    return invoke("median", col)


def mode(col: ColumnOrName, deterministic: bool = False) -> Column:
    return call("mode", col_expr(col), lit_expr(deterministic))


def histogram_numeric(col: ColumnOrName, nBins: Column) -> Column:
    return invoke("histogram_numeric", col, nBins)
