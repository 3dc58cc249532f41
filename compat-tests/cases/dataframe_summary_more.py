"""summary()/describe() beyond dataframe_summary: all-NULL columns (of each kind), a
date column beside numbers (skipped by Spark), percentiles of decimals, of strings
(cast to double) and of bigints, every statistic at once, one-row and empty frames
with percentiles, columns named like statistics, and describe over no columns."""

import datetime
import decimal

from harness import case
from pyspark.sql import functions as F

D = decimal.Decimal


@case
def summary_all_null_columns(spark):
    df = spark.createDataFrame([(None, None, None, None), (None, None, None, None)], "i int, d double, s string, m decimal(5,2)")
    return df.summary()


@case
def describe_all_null_columns(spark):
    df = spark.createDataFrame([(1, None, None), (2, None, None)], "k int, d double, s string")
    return df.describe()


@case
def summary_all_null_percentiles(spark):
    df = spark.createDataFrame([(None, None), (None, None)], "i int, s string")
    return df.summary("count", "25%", "50%", "max")


@case
def describe_dates_and_numbers(spark):
    df = spark.createDataFrame([(datetime.date(2024, 1, 1), 1.5, "x"), (datetime.date(2023, 6, 30), None, "y"), (None, -2.0, None)],
                               "d date, v double, s string")
    return df.describe()


@case
def summary_decimal_percentiles(spark):
    df = spark.createDataFrame([(D("1.25"),), (D("-3.50"),), (D("10.00"),), (None,), (D("0.01"),)], "m decimal(6,2)")
    return df.summary("count", "mean", "stddev", "min", "25%", "50%", "75%", "max")


@case
def summary_string_percentiles(spark):
    df = spark.createDataFrame([("10",), ("2",), ("abc",), ("-1.5e1",), (None,), ("7",)], "s string")
    return df.summary("count", "mean", "min", "25%", "50%", "75%", "max")


@case
def summary_bigint_percentiles(spark):
    df = spark.range(1, 1001).select((F.col("id") * 1000003).alias("b"), (F.col("id") % 7).cast("short").alias("h"))
    return df.summary("1%", "33.3%", "50%", "90%")


@case
def summary_every_statistic(spark):
    df = spark.createDataFrame([(1, 2.5, "a"), (2, None, "b"), (2, -1.0, "b"), (None, 4.0, None)], "i int, d double, s string")
    return df.summary("count", "mean", "stddev", "min", "max", "count_distinct", "approx_count_distinct", "5%", "95%")


@case
def summary_one_row(spark):
    return spark.createDataFrame([(5, "q", 1.0)], "i int, s string, d double").summary()


@case
def summary_empty_with_percentiles(spark):
    return spark.createDataFrame([], "i int, s string").summary("count", "min", "50%")


@case
def summary_columns_named_like_statistics(spark):
    df = spark.createDataFrame([(1, 2, 3)], "summary int, count int, `50%` int")
    return df.summary("count", "50%")


@case
def describe_no_columns_selected(spark):
    return spark.createDataFrame([(True,)], "b boolean").describe()


@case
def describe_floats_and_bytes(spark):
    df = spark.createDataFrame([(1.5, 1), (float("inf"), -2), (float("nan"), 3)], "f float, y tinyint")
    return df.describe()


@case
def summary_statistics_as_one_list(spark):
    df = spark.createDataFrame([(1, "a"), (3, "b")], "i int, s string")
    return df.summary(["count", "max", "50%"])


@case
def summary_percentiles_read_as_java_doubles(spark):
    # Spark reads "p%" as Double.parseDouble(p): spaces around it, exponents, a
    # trailing dot; the statistic keeps the text as written.
    df = spark.createDataFrame([(1,), (2,), (3,), (4,)], "i int")
    return df.summary(" 50 %", "1e1%", "25.%")


@case
def summary_nan_percentile(spark):
    return spark.createDataFrame([(1,)], "i int").summary("NaN%")


@case
def summary_dotted_column_name(spark):
    return spark.createDataFrame([(1, 2.0)], "i int, d double").toDF("a.b", "c").summary("count", "max")
