"""Aggregates over windows: every aggregate PyRust has over whole partitions,
running frames and sliding frames, over integers, bigints, doubles (NaN, infinities),
decimals, strings, dates and timestamps; sums that overflow (ANSI on and off);
windows over aggregations, nested windows, several specs in one select, and the
common idioms (running totals, moving averages, share of total, difference from the
mean)."""

import datetime

from harness import case
from pyspark.sql import Window as W
from pyspark.sql import functions as F

from cases._windows_data import D, INF, LEGACY, NAN, events, scores, series

W_SERIES = W.partitionBy("k").orderBy("t")
UP, UF, CR = W.unboundedPreceding, W.unboundedFollowing, W.currentRow


def _all_aggs(df, w, col):
    return [F.count(col).over(w).alias("cnt"), F.sum(col).over(w).alias("sum"), F.avg(col).over(w).alias("avg"),
            F.min(col).over(w).alias("min"), F.max(col).over(w).alias("max"), F.first(col).over(w).alias("first"),
            F.last(col).over(w).alias("last"), F.mean(col).over(w).alias("mean")]


def _typed(spark):
    ts = datetime.datetime
    return spark.createDataFrame(
        [(1, "a", 1, 2, 1.5, D("1.10"), "x", datetime.date(2024, 1, 1), ts(2024, 1, 1, 8), True),
         (2, "a", 2, None, NAN, D("-2.25"), "😀", None, ts(2024, 1, 1, 7), False),
         (3, "a", 3, 9223372036854775000, INF, None, "", datetime.date(2023, 5, 1), None, None),
         (4, "a", 4, -4, -0.0, D("0.00"), None, datetime.date(2025, 1, 1), ts(2024, 2, 1), True),
         (5, "b", 1, 5, None, D("99999.99"), "b", datetime.date(2024, 3, 1), ts(2023, 1, 1), False),
         (6, "b", 2, None, -INF, D("-99999.99"), "a", None, None, None),
         (7, "c", 1, None, None, None, None, None, None, None)],
        "id int, g string, o int, l bigint, f double, m decimal(7,2), s string, d date, t timestamp, b boolean")


def _register(name, w, cols):
    def run(spark):
        df = _typed(spark)
        out = [df.id]
        for c in cols:
            if c in ("s", "d", "t", "b"):
                aggs = [F.count(c).over(w).alias(f"cnt_{c}"), F.min(c).over(w).alias(f"min_{c}"),
                        F.max(c).over(w).alias(f"max_{c}"), F.first(c, True).over(w).alias(f"first_{c}"),
                        F.last(c).over(w).alias(f"last_{c}")]
            else:
                aggs = [F.count(c).over(w).alias(f"cnt_{c}"), F.sum(c).over(w).alias(f"sum_{c}"),
                        F.avg(c).over(w).alias(f"avg_{c}"), F.min(c).over(w).alias(f"min_{c}"),
                        F.max(c).over(w).alias(f"max_{c}"), F.last(c, True).over(w).alias(f"last_{c}")]
            out.extend(aggs)
        return df.select(*out).orderBy("id")

    run.__name__ = name
    case(run)


_WHOLE = W.partitionBy("g")
_RUNNING = W.partitionBy("g").orderBy("o")
_SLIDING = W.partitionBy("g").orderBy("o").rowsBetween(-1, 1)
_SUFFIX = W.partitionBy("g").orderBy("o").rowsBetween(CR, UF)
for _frame_name, _w in [("whole", _WHOLE), ("running", _RUNNING), ("sliding", _SLIDING), ("suffix", _SUFFIX)]:
    _register(f"aggregates_{_frame_name}_of_doubles", _w, ["f"])
    _register(f"aggregates_{_frame_name}_of_decimals", _w, ["m"])
    _register(f"aggregates_{_frame_name}_of_strings_dates_timestamps", _w, ["s", "d", "t"])
    _register(f"aggregates_{_frame_name}_of_integers", _w, ["o"])


@case
def aggregates_of_booleans(spark):
    w = W.partitionBy("g").orderBy("o")
    df = _typed(spark)
    return df.select("id", F.min("b").over(w), F.max("b").over(w.rowsBetween(-1, 0)), F.count("b").over(w),
                     F.first("b").over(W.partitionBy("g"))).orderBy("id")


@case
def stddev_over_windows(spark):
    return series(spark).select("id", F.stddev("f").over(W.partitionBy("k")).alias("whole"),
                                F.stddev("f").over(W_SERIES).alias("running"),
                                F.stddev_samp("n").over(W_SERIES.rowsBetween(-2, 0)).alias("sliding")).orderBy("id")


@case
def count_forms(spark):
    w = W_SERIES.rowsBetween(-2, 1)
    return series(spark).select("id", F.count("*").over(w), F.count(F.lit(1)).over(w), F.count("n").over(w),
                                F.count(F.col("n") + F.col("f")).over(W_SERIES)).orderBy("id")


@case
def running_total(spark):
    w = W.partitionBy("user").orderBy("day", "id").rowsBetween(UP, CR)
    return events(spark).withColumn("total", F.sum("amount").over(w)).orderBy("id")


@case
def running_total_with_peers(spark):
    w = W.partitionBy("user").orderBy("day")
    return events(spark).withColumn("total", F.sum("amount").over(w)).withColumn("n", F.count("*").over(w)).orderBy("id")


@case
def moving_average_of_three_rows(spark):
    w = W_SERIES.rowsBetween(-2, 0)
    return series(spark).select("id", F.avg("n").over(w).alias("ma3"), F.avg("f").over(w).alias("maf")).orderBy("id")


@case
def share_of_total(spark):
    w = W.partitionBy("user")
    return events(spark).select("id", (F.col("amount") / F.sum("amount").over(w)).alias("share"),
                                (F.col("amount") * 100 / F.max("amount").over(w)).alias("pct_of_max")).orderBy("id")


@case
def difference_from_the_mean(spark):
    w = W.partitionBy("k")
    return series(spark).select("id", (F.col("f") - F.avg("f").over(w)).alias("diff"),
                                (F.col("n") - F.min("n").over(w)).alias("above_min")).orderBy("id")


@case
def bigint_running_sum_overflows_ansi(spark):
    df = spark.createDataFrame([(1, 9223372036854775807), (2, 1), (3, -5)], "id int, x bigint")
    return df.select("id", F.sum("x").over(W.orderBy("id"))).orderBy("id")


@case(conf=LEGACY)
def bigint_running_sum_wraps_legacy(spark):
    df = spark.createDataFrame([(1, 9223372036854775807), (2, 1), (3, -5)], "id int, x bigint")
    return df.select("id", F.sum("x").over(W.orderBy("id"))).orderBy("id")


@case
def bigint_sliding_sum_overflows_ansi(spark):
    df = spark.createDataFrame([(1, 9223372036854775807), (2, 1), (3, -5)], "id int, x bigint")
    return df.select("id", F.sum("x").over(W.orderBy("id").rowsBetween(0, 1))).orderBy("id")


@case(conf=LEGACY)
def bigint_sliding_sum_wraps_legacy(spark):
    df = spark.createDataFrame([(1, 9223372036854775807), (2, 1), (3, -5)], "id int, x bigint")
    return df.select("id", F.sum("x").over(W.orderBy("id").rowsBetween(0, 1))).orderBy("id")


@case
def int_sums_widen_to_bigint(spark):
    df = spark.createDataFrame([(1, 2147483647), (2, 2147483647), (3, 1)], "id int, x int")
    return df.select("id", F.sum("x").over(W.orderBy("id")), F.sum("x").over(W.partitionBy())).orderBy("id")


@case
def decimal_sums_and_averages(spark):
    df = spark.createDataFrame([(1, D("1.50")), (2, D("2.25")), (3, D("3.10")), (4, None), (5, D("0.01"))],
                               "id int, m decimal(5,2)")
    w = W.orderBy("id")
    return df.select("id", F.sum("m").over(w).alias("run"), F.avg("m").over(w).alias("avg_run"),
                     F.avg("m").over(w.rowsBetween(-1, 0)).alias("avg2"),
                     F.sum("m").over(w.rowsBetween(CR, UF)).alias("rest")).orderBy("id")


@case
def windows_over_an_aggregation(spark):
    agg = events(spark).groupBy("user").agg(F.sum("amount").alias("total"), F.count("*").alias("n"))
    w = W.orderBy(F.desc("total"))
    return agg.select("user", "total", F.rank().over(w).alias("r"),
                      F.sum("total").over(W.orderBy("user").rowsBetween(UP, CR)).alias("cum")).orderBy("user")


@case
def window_of_aggregates_in_group_by(spark):
    return (events(spark).groupBy("user")
            .agg(F.sum("amount"), F.sum(F.sum("amount")).over(W.orderBy("user")),
                 F.max("user").over(W.partitionBy("user")), F.count("*"))
            .orderBy("user"))


@case
def window_of_aggregates_in_global_select(spark):
    return events(spark).select(F.sum("amount"), F.count("*").over(W.partitionBy()))


@case
def window_inside_window_arguments(spark):
    w = W.orderBy("id")
    return series(spark).select("id", F.sum(F.row_number().over(W.partitionBy("k").orderBy("t"))).over(w).alias("s")).orderBy("id")


@case
def window_in_another_windows_partition(spark):
    inner = F.ntile(2).over(W.orderBy("id"))
    return series(spark).select("id", F.count("*").over(W.partitionBy(inner)).alias("c"),
                                F.sum("n").over(W.partitionBy(inner).orderBy("id")).alias("s")).orderBy("id")


@case
def several_specs_in_one_select(spark):
    return scores(spark).select("id", F.sum("x").over(W.partitionBy("g")).alias("a"),
                                F.sum("x").over(W.orderBy("id")).alias("b"),
                                F.max("v").over(W.partitionBy("g").orderBy("o")).alias("c"),
                                F.count("*").over(W.partitionBy("o")).alias("d"),
                                F.rank().over(W.partitionBy("g").orderBy(F.desc("v"))).alias("e")).orderBy("id")


@case
def one_spec_reused(spark):
    w = W.partitionBy("g").orderBy("o", "id")
    return scores(spark).select("id", F.sum("x").over(w), F.avg("v").over(w), F.row_number().over(w),
                                F.lag("s").over(w), F.sum("x").over(w).alias("again")).orderBy("id")


@case
def aggregates_over_empty_input(spark):
    w = W.partitionBy("g").orderBy("o")
    return scores(spark).filter("id < 0").select("id", F.sum("x").over(w), F.count("*").over(w),
                                                 F.avg("v").over(w.rowsBetween(-1, 1)))


@case
def with_columns_of_windows(spark):
    w = W.partitionBy("k").orderBy("t")
    return series(spark).withColumns({"run": F.sum("n").over(w), "prev": F.lag("n").over(w),
                                      "n": F.coalesce(F.col("n"), F.last("n", True).over(w))}).orderBy("id")


@case
def window_then_group_by(spark):
    w = W.partitionBy("k").orderBy("t")
    return (series(spark).withColumn("run", F.sum("n").over(w)).groupBy("k")
            .agg(F.max("run").alias("m"), F.count("*").alias("c")).orderBy("k"))


@case
def window_results_filtered_and_sorted(spark):
    w = W.partitionBy("k").orderBy("t")
    return (series(spark).withColumn("run", F.sum("n").over(w)).filter(F.col("run") > 10)
            .orderBy(F.desc("run"), "id"))


@case
def partition_key_null_is_its_own_partition(spark):
    df = spark.createDataFrame([(1, None, 1), (2, None, 2), (3, "a", 3), (4, None, 4), (5, "a", 5)],
                               "id int, p string, x int")
    w = W.partitionBy("p")
    return df.select("id", F.sum("x").over(w), F.count("*").over(w), F.max("id").over(w.orderBy("id"))).orderBy("id")


@case
def partition_keys_of_doubles_with_nan_and_zeros(spark):
    df = spark.createDataFrame([(1, NAN, 1), (2, NAN, 2), (3, -0.0, 3), (4, 0.0, 4), (5, None, 5)],
                               "id int, p double, x int")
    return df.select("id", F.sum("x").over(W.partitionBy("p")).alias("s")).orderBy("id")


@case
def sql_windows_over_aggregates(spark):
    return events(spark).selectExpr("id", "amount - avg(amount) OVER (PARTITION BY user) AS d",
                                    "sum(amount) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS s").orderBy("id")
