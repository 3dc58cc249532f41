"""summary(*statistics) and describe(*cols): Spark's StatFunctions.summary (one map per
column, percentiles by percentile_approx, strings try-cast to double for mean/stddev)."""

from harness import case
from pyspark.sql import functions as F


def _df(spark):
    return spark.createDataFrame(
        [(1, 2.0, "a", "1.5"), (2, None, "b", "x"), (3, 7.0, None, "2"), (None, 1.0, "a", None), (4, float("nan"), "", "-3e2")],
        "i int, d double, s string, n string",
    )


@case
def summary_default(spark):
    return _df(spark).summary()


@case
def summary_custom(spark):
    return _df(spark).summary("min", "max", "count")


@case
def summary_percentiles(spark):
    return _df(spark).summary("10%", "50%", "99.9%", "0%", "100%")


@case
def summary_distinct_counts(spark):
    return _df(spark).summary("count_distinct", "approx_count_distinct").drop("n")


@case
def summary_statistic_case_kept(spark):
    return _df(spark).summary("MIN", "Mean", "COUNT")


@case
def summary_unknown_statistic(spark):
    return _df(spark).summary("count", "foo")


@case
def summary_bad_percentile(spark):
    return _df(spark).summary("x%")


@case
def summary_percentile_out_of_range(spark):
    return _df(spark).summary("150%")


@case
def summary_no_usable_columns(spark):
    return spark.createDataFrame([(True, [1])], "b boolean, a array<int>").summary()


@case
def summary_skips_other_types(spark):
    return spark.createDataFrame([(True, 1, "2024-01-01")], "b boolean, x int, t string").withColumn("dt", F.to_date("t")).summary()


@case
def summary_empty_frame(spark):
    return _df(spark).limit(0).summary()


@case
def summary_decimal_and_long(spark):
    return spark.createDataFrame([(1, 10), (2, 20), (3, None)], "a decimal(10,3), b long").summary()


@case
def summary_many_rows(spark):
    return spark.range(20000).select((F.col("id") % 997).alias("v"), (F.col("id") / 3).alias("w")).summary()


@case
def describe_all(spark):
    return _df(spark).describe()


@case
def describe_some_columns(spark):
    return _df(spark).describe("i", "n")


@case
def describe_list(spark):
    return _df(spark).describe(["s", "d"])


@case
def describe_numeric_strings(spark):
    return spark.createDataFrame([("1",), ("2",), ("4",)], "v string").describe()


@case
def describe_unknown_column(spark):
    return _df(spark).describe("nope")
