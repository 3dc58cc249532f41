"""Hostile arguments to Window and WindowSpec (partitionBy, orderBy, rowsBetween,
rangeBetween) and to over(): wrong types, None, floats, huge and inverted bounds,
from a table (see hostile_arguments_dataframe.py)."""

import sys

from harness import case
from pyspark.sql import functions as F
from pyspark.sql.window import Window


def _df(spark):
    return spark.createDataFrame([(1, 1, 2.5), (1, 2, None), (2, 3, 1.0)], "k int, o int, x double")


# (case name, a windowed Column). Left out: arguments PySpark hands to the JVM
# unchecked, where its error is py4j's own (`Py4JException: Method rowsBetween([class
# java.lang.Double, ...]) does not exist`): rowsBetween/rangeBetween of floats or
# booleans, lag's offset beyond an int, nth_value's offset as a string.
TABLE = [
    ("partition_by_none", lambda: F.sum("x").over(Window.partitionBy(None))),
    ("partition_by_int", lambda: F.sum("x").over(Window.partitionBy(1))),
    ("partition_by_unknown_column", lambda: F.sum("x").over(Window.partitionBy("nope"))),
    ("partition_by_empty_list", lambda: F.sum("x").over(Window.partitionBy([]))),
    ("order_by_int", lambda: F.sum("x").over(Window.orderBy(1))),
    ("order_by_unknown_column", lambda: F.sum("x").over(Window.orderBy("nope"))),
    ("rows_between_none", lambda: F.sum("x").over(Window.orderBy("o").rowsBetween(None, 0))),
    ("rows_between_huge", lambda: F.sum("x").over(Window.orderBy("o").rowsBetween(-(10**20), 10**20))),
    ("rows_between_maxsize", lambda: F.sum("x").over(Window.orderBy("o").rowsBetween(-sys.maxsize - 1, sys.maxsize))),
    ("rows_between_beyond_int", lambda: F.sum("x").over(Window.orderBy("o").rowsBetween(-(2**31) - 5, 0))),
    ("rows_between_inverted", lambda: F.sum("x").over(Window.orderBy("o").rowsBetween(2, -2))),
    ("rows_between_unbounded_constants", lambda: F.sum("x").over(Window.orderBy("o").rowsBetween(Window.unboundedFollowing, Window.unboundedPreceding))),
    ("range_between_string", lambda: F.sum("x").over(Window.orderBy("o").rangeBetween("a", 0))),
    ("range_between_huge", lambda: F.sum("x").over(Window.orderBy("o").rangeBetween(-(10**20), 10**20))),
    ("range_between_inverted", lambda: F.sum("x").over(Window.orderBy("o").rangeBetween(1, -1))),
    ("range_between_without_order", lambda: F.sum("x").over(Window.partitionBy("k").rangeBetween(-1, 1))),
    ("range_between_two_order_keys", lambda: F.sum("x").over(Window.orderBy("o", "k").rangeBetween(-1, 1))),
    ("range_between_string_order_key", lambda: F.sum("o").over(Window.orderBy(F.lit("a")).rangeBetween(-1, 1))),
    ("spec_partition_by_int", lambda: F.sum("x").over(Window.orderBy("o").partitionBy(1))),
    ("spec_order_by_none", lambda: F.sum("x").over(Window.partitionBy("k").orderBy(None))),
    ("spec_rows_between_string", lambda: F.sum("x").over(Window.partitionBy("k").orderBy("o").rowsBetween(0, "1"))),
    ("over_window_class", lambda: F.sum("x").over(Window)),
    ("over_string", lambda: F.sum("x").over("w")),
    ("row_number_without_over", lambda: F.row_number()),
    ("row_number_with_rows_frame", lambda: F.row_number().over(Window.orderBy("o").rowsBetween(-1, 1))),
    ("lag_negative_offset", lambda: F.lag("x", -1).over(Window.orderBy("o"))),
    ("ntile_zero", lambda: F.ntile(0).over(Window.orderBy("o"))),
    ("ntile_negative", lambda: F.ntile(-2).over(Window.orderBy("o"))),
    ("nth_value_zero", lambda: F.nth_value("x", 0).over(Window.orderBy("o"))),
]


def _make(name, build):
    def run(spark):
        return _df(spark).select("k", "o", build().alias("w"))

    run.__name__ = name
    return run


for _name, _build in TABLE:
    case(_make(_name, _build), ordered=False)
