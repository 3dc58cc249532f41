"""Grouped-aggregate pandas UDFs (Series -> scalar) over windows: the whole
partition, growing and sliding ROWS and RANGE frames, empty frames, beside built-in
aggregates over the same window, and in SQL through `spark.udf.register`."""

import pandas as pd

from harness import case
from pyspark.sql import Window
from pyspark.sql import functions as F
from pyspark.sql.functions import pandas_udf
from pyspark.sql.types import DoubleType, LongType, StringType


@pandas_udf(DoubleType())
def mean_udf(s: pd.Series) -> float:
    return float(s.mean())


@pandas_udf(LongType())
def count_udf(s: pd.Series) -> int:
    return int(len(s))


@pandas_udf(DoubleType())
def weighted_sum(a: pd.Series, b: pd.Series) -> float:
    return float((a * b).sum())


@pandas_udf(StringType())
def joined(s: pd.Series) -> str:
    return ",".join(str(x) for x in s)


@pandas_udf(LongType())
def fails(s: pd.Series) -> int:
    raise ValueError("window boom")


def _data(spark):
    return spark.createDataFrame(
        [(1, "a", 1.0), (2, "a", 2.0), (3, "a", None), (4, "b", 8.0), (5, "b", 5.0), (6, "c", 3.0)],
        "id long, g string, x double",
    )


@case
def whole_partition(spark):
    w = Window.partitionBy("g")
    return _data(spark).select("id", "g", mean_udf("x").over(w), count_udf("id").over(w).alias("n")).orderBy("id")


@case
def whole_frame_without_partition(spark):
    w = Window.partitionBy()
    return _data(spark).select("id", mean_udf("id").over(w).alias("m")).orderBy("id")


@case
def explicit_unbounded_frame_with_order(spark):
    w = Window.partitionBy("g").orderBy("id").rowsBetween(Window.unboundedPreceding, Window.unboundedFollowing)
    return _data(spark).select("id", joined("id").over(w).alias("all")).orderBy("id")


@case
def growing_frame_from_order_by(spark):
    w = Window.partitionBy("g").orderBy("id")
    return _data(spark).select("id", joined("id").over(w).alias("upto"), mean_udf("x").over(w).alias("m")).orderBy("id")


@case
def sliding_rows_frame(spark):
    w = Window.partitionBy("g").orderBy("id").rowsBetween(-1, 1)
    return _data(spark).select("id", joined("id").over(w).alias("near"), count_udf("x").over(w).alias("n")).orderBy("id")


@case
def shrinking_frame_to_the_end(spark):
    w = Window.partitionBy("g").orderBy("id").rowsBetween(Window.currentRow, Window.unboundedFollowing)
    return _data(spark).select("id", joined("id").over(w).alias("rest")).orderBy("id")


@case
def range_frame_over_values(spark):
    w = Window.orderBy("id").rangeBetween(-2, 0)
    return _data(spark).select("id", joined("id").over(w).alias("r"), weighted_sum("id", "x").over(w).alias("ws")).orderBy("id")


@case
def empty_frames(spark):
    w = Window.partitionBy("g").orderBy("id").rowsBetween(1, 2)
    return _data(spark).select("id", count_udf("id").over(w).alias("n"), joined("id").over(w).alias("next")).orderBy("id")


@case
def beside_builtin_aggregates(spark):
    w = Window.partitionBy("g")
    return _data(spark).select("id", mean_udf("x").over(w).alias("udf"), F.avg("x").over(w).alias("builtin")).orderBy("id")


@case
def column_name_of_a_windowed_udf(spark):
    w = Window.partitionBy("g").orderBy("id")
    return _data(spark).select("id", mean_udf("x").over(w), count_udf("id").over(Window.partitionBy("g"))).orderBy("id")


@case
def over_in_with_column_and_filter_after(spark):
    w = Window.partitionBy("g")
    return _data(spark).withColumn("m", mean_udf("id").over(w)).filter("id > m").orderBy("id")


@case
def registered_for_sql_over_a_window(spark):
    spark.udf.register("mean_udf_sql", mean_udf)
    _data(spark).createOrReplaceTempView("udf_window_t")
    return spark.sql("SELECT id, mean_udf_sql(x) OVER (PARTITION BY g) AS m FROM udf_window_t ORDER BY id")


@case
def exception_over_a_window(spark):
    try:
        _data(spark).select(fails("id").over(Window.partitionBy("g"))).collect()
    except Exception as e:
        return [type(e).__name__, "ValueError: window boom" in str(e)]


@case
def scalar_pandas_udf_over_a_window_is_an_error(spark):
    @pandas_udf("long")
    def plus(s: pd.Series) -> pd.Series:
        return s + 1

    return _data(spark).select(plus("id").over(Window.partitionBy("g")))
