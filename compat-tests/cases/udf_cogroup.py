"""`df.groupBy(...).cogroup(other.groupBy(...)).applyInPandas(...)` (and
`applyInArrow`): every key of either side with its rows from both, an empty frame
for a side without the key, the key itself when the function takes three arguments."""

import pandas as pd
import pyarrow as pa

from harness import case


def _left(spark):
    return spark.createDataFrame([(1, 20000101, 1.0), (1, 20000102, 2.0), (2, 20000101, 3.0), (2, 20000102, 4.0),
                                  (4, 20000103, 9.0)], "id long, time long, v1 double")


def _right(spark):
    return spark.createDataFrame([(1, 20000101, "x"), (2, 20000101, "y"), (3, 20000104, "z")], "id long, time long, v2 string")


def _merge(left, right):
    return pd.merge_asof(left.sort_values("time"), right.sort_values("time"), on="time", by="id")


def _sizes(key, left, right):
    return pd.DataFrame({"id": [key[0]], "nl": [len(left)], "nr": [len(right)]})


def _sizes_without_key(left, right):
    ids = left["id"] if len(left) else right["id"]
    return pd.DataFrame({"id": [ids.iloc[0]], "nl": [len(left)], "nr": [len(right)]})


def _columns(left, right):
    return pd.DataFrame({"left": [",".join(left.columns)], "right": [",".join(right.columns)],
                         "empty_dtypes": [",".join(str(t) for t in (left if len(left) == 0 else right).dtypes)]})


def _positional(left, right):
    return pd.DataFrame([[len(left) + len(right), "n"]])


def _arrow_sizes(left, right):
    return pa.table({"nl": [left.num_rows], "nr": [right.num_rows]})


def _fails(left, right):
    raise KeyError("cogroup boom")


def _wrong_type(left, right):
    return [1, 2]


@case(ordered=False)
def merge_asof_per_key(spark):
    return _left(spark).groupby("id").cogroup(_right(spark).groupby("id")).applyInPandas(
        _merge, "time long, id long, v1 double, v2 string")


@case(ordered=False)
def key_and_sizes_with_missing_sides(spark):
    return _left(spark).groupBy("id").cogroup(_right(spark).groupBy("id")).applyInPandas(_sizes, "id long, nl long, nr long")


@case(ordered=False)
def two_argument_function(spark):
    return _left(spark).groupBy("id").cogroup(_right(spark).groupBy("id")).applyInPandas(
        _sizes_without_key, "id long, nl long, nr long")


@case(ordered=False)
def columns_of_each_side(spark):
    return _left(spark).groupBy("id").cogroup(_right(spark).groupBy("id")).applyInPandas(
        _columns, "left string, right string, empty_dtypes string").filter("empty_dtypes != ''")


@case(ordered=False)
def result_columns_by_position(spark):
    return _left(spark).groupBy("id").cogroup(_right(spark).groupBy("id")).applyInPandas(_positional, "n long, s string")


@case(ordered=False)
def grouped_by_expression_and_ddl_schema(spark):
    from pyspark.sql import functions as F

    return _left(spark).groupBy(F.col("id") % 2).cogroup(_right(spark).groupBy(F.col("id") % 2)).applyInPandas(
        _sizes_without_key, "id long, nl long, nr long")


@case(ordered=False)
def apply_in_arrow(spark):
    return _left(spark).groupBy("id").cogroup(_right(spark).groupBy("id")).applyInArrow(_arrow_sizes, "nl long, nr long")


@case
def empty_sides(spark):
    left = _left(spark).filter("id > 100")
    return left.groupBy("id").cogroup(_right(spark).filter("id > 100").groupBy("id")).applyInPandas(
        _sizes, "id long, nl long, nr long")


@case
def exception_in_cogroup_function(spark):
    try:
        _left(spark).groupBy("id").cogroup(_right(spark).groupBy("id")).applyInPandas(_fails, "id long").collect()
    except Exception as e:
        return [type(e).__name__, "KeyError: 'cogroup boom'" in str(e)]


@case
def wrong_return_type_is_an_error(spark):
    try:
        _left(spark).groupBy("id").cogroup(_right(spark).groupBy("id")).applyInPandas(_wrong_type, "id long").collect()
    except Exception as e:
        return [type(e).__name__, "UDF_RETURN_TYPE" in str(e) or "pandas.DataFrame" in str(e)]
