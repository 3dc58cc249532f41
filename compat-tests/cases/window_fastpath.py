"""Windows that take the fast lowering (one `over` per expression, no global sort):
row_number/rank/dense_rank, lag/lead, whole-partition aggregates and running ROWS
aggregates over one ORDER BY key; each with NULL partition keys, ties, NULL order
keys, every direction and NULL order, float keys with NaN and -0.0, no PARTITION BY,
and a node that mixes fast and general expressions."""

from harness import case
from pyspark.sql import Window as W
from pyspark.sql import functions as F

from cases._windows_data import LEGACY, doubles, scores, series


def _ranked(df, part, key):
    w = W.partitionBy(*part).orderBy(key)
    return df.select("id", F.rank().over(w).alias("rk"), F.dense_rank().over(w).alias("dr"))


@case
def rank_dense_rank_ascending_nulls_first(spark):
    return _ranked(scores(spark), ["g"], F.col("o")).orderBy("id")


@case
def rank_dense_rank_descending_nulls_last(spark):
    return _ranked(scores(spark), ["g"], F.col("o").desc()).orderBy("id")


@case
def rank_dense_rank_ascending_nulls_last(spark):
    return _ranked(scores(spark), ["g"], F.col("o").asc_nulls_last()).orderBy("id")


@case
def rank_dense_rank_descending_nulls_first(spark):
    return _ranked(scores(spark), ["g"], F.col("o").desc_nulls_first()).orderBy("id")


@case
def rank_over_doubles_with_nan_and_signed_zeros(spark):
    return _ranked(doubles(spark), ["k"], F.col("v")).orderBy("id")


@case
def rank_over_doubles_descending(spark):
    return _ranked(doubles(spark), ["k"], F.col("v").desc()).orderBy("id")


@case
def row_number_unique_key_null_partition(spark):
    return scores(spark).select("id", "g", F.row_number().over(W.partitionBy("g").orderBy(F.col("id").desc())).alias("rn")).orderBy("id")


@case
def row_number_dedupe_newest_per_partition(spark):
    df = scores(spark)
    return df.withColumn("rn", F.row_number().over(W.partitionBy("g").orderBy(F.col("id").desc()))).filter("rn = 1").drop("rn").orderBy("id")


@case
def row_number_without_partition(spark):
    return scores(spark).select("id", F.row_number().over(W.orderBy(F.col("id").desc())).alias("rn")).orderBy("id")


@case
def partition_by_doubles_nan_and_signed_zeros(spark):
    df = spark.createDataFrame(
        [(1, 0.0, 1), (2, -0.0, 2), (3, float("nan"), 3), (4, float("nan"), 4), (5, None, 5), (6, None, 6), (7, 0.0, 7), (8, 1.5, 8)],
        "id int, p double, x int")
    w = W.partitionBy("p").orderBy("id")
    return df.select("id", F.row_number().over(w).alias("rn"), F.sum("x").over(w.rowsBetween(W.unboundedPreceding, W.currentRow)).alias("run"),
                     F.max("x").over(W.partitionBy("p")).alias("mx")).orderBy("id")


@case
def lag_lead_defaults_and_offsets(spark):
    w = W.partitionBy("k").orderBy("t")
    return series(spark).select("id", F.lag("n").over(w).alias("lag1"), F.lag("n", 2, -1).over(w).alias("lag2"),
                                F.lead("f", 1, 0.5).over(w).alias("lead1"), F.lead("n", 3).over(w).alias("lead3"),
                                F.lag("n", -1).over(w).alias("lag_neg"), F.lead("n", 0).over(w).alias("lead0")).orderBy("id")


@case
def lag_with_a_column_default_descending(spark):
    w = W.partitionBy("k").orderBy(F.col("t").desc())
    return series(spark).select("id", F.lag("n", 1, F.col("t")).over(w).alias("lag_t"), F.lead(F.col("n") * 2).over(w).alias("lead2x")).orderBy("id")


@case
def lag_over_null_partition_and_null_order_keys(spark):
    w = W.partitionBy("g").orderBy(F.col("o").asc_nulls_last())
    return scores(spark).select("id", F.lag("s").over(w).alias("prev_s"), F.lead("d").over(w).alias("next_d")).orderBy("id")


def _running(w):
    r = w.rowsBetween(W.unboundedPreceding, W.currentRow)
    return [F.sum("n").over(r).alias("sum_n"), F.sum("f").over(r).alias("sum_f"), F.avg("n").over(r).alias("avg_n"),
            F.min("f").over(r).alias("min_f"), F.max("n").over(r).alias("max_n"), F.count("n").over(r).alias("cnt_n"),
            F.count("*").over(r).alias("cnt")]


@case
def running_rows_aggregates(spark):
    return series(spark).select("id", *_running(W.partitionBy("k").orderBy("t"))).orderBy("id")


@case
def running_rows_aggregates_descending(spark):
    return series(spark).select("id", *_running(W.partitionBy("k").orderBy(F.col("t").desc()))).orderBy("id")


@case
def running_rows_without_partition(spark):
    return series(spark).select("id", *_running(W.orderBy("id"))).orderBy("id")


@case
def running_max_and_min_with_nan(spark):
    r = W.partitionBy("k").orderBy("id").rowsBetween(W.unboundedPreceding, W.currentRow)
    return doubles(spark).select("id", F.max("v").over(r).alias("mx"), F.min("v").over(r).alias("mn"), F.sum("v").over(r).alias("s")).orderBy("id")


def _big(spark):
    return spark.createDataFrame([(1, 1, 9223372036854775800), (1, 2, 5), (1, 3, -10), (2, 1, -9223372036854775800), (2, 2, -20)],
                                 "k int, t int, v bigint")


@case
def running_bigint_sum_overflows(spark):
    r = W.partitionBy("k").orderBy("t").rowsBetween(W.unboundedPreceding, W.currentRow)
    return _big(spark).select("k", "t", F.sum("v").over(r).alias("s")).orderBy("k", "t")


@case(conf=LEGACY)
def running_bigint_sum_wraps_without_ansi(spark):
    r = W.partitionBy("k").orderBy("t").rowsBetween(W.unboundedPreceding, W.currentRow)
    return _big(spark).select("k", "t", F.sum("v").over(r).alias("s")).orderBy("k", "t")


@case
def whole_partition_aggregates_with_and_without_order(spark):
    whole = W.partitionBy("g").orderBy("o").rowsBetween(W.unboundedPreceding, W.unboundedFollowing)
    return scores(spark).select("id", F.sum("v").over(whole).alias("s"), F.max("x").over(W.partitionBy("g")).alias("mx"),
                                F.avg("x").over(W.partitionBy("g")).alias("av")).orderBy("id")


@case
def fast_and_general_in_one_node(spark):
    w = W.partitionBy("g").orderBy("o")
    return scores(spark).select("id", F.rank().over(w).alias("rk"), F.percent_rank().over(w).alias("pr"), F.sum("x").over(w).alias("run"),
                                F.lag("x").over(w).alias("lag")).orderBy("id")


@case
def string_and_date_order_keys(spark):
    df = scores(spark)
    return df.select("id", F.dense_rank().over(W.partitionBy("g").orderBy(F.col("s").desc())).alias("by_s"),
                     F.dense_rank().over(W.partitionBy("g").orderBy("d")).alias("by_d")).orderBy("id")


@case
def sql_window_in_a_subquery_then_aggregated(spark):
    scores(spark).createOrReplaceTempView("fp_scores")
    return spark.sql("SELECT count(*) AS n, sum(w) AS total, max(w) AS top FROM "
                     "(SELECT x - lag(x) OVER (PARTITION BY g ORDER BY id) AS w FROM fp_scores)")


@case
def sql_aggregate_over_window_beside_columns(spark):
    scores(spark).createOrReplaceTempView("fp_scores")
    return spark.sql("SELECT id, g, sum(x) OVER (PARTITION BY g ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS run, "
                     "row_number() OVER (PARTITION BY g ORDER BY id DESC) AS rn FROM fp_scores ORDER BY id")


@case
def rows_come_out_in_window_order_without_partition(spark):
    # No ORDER BY after the window: Spark's rows come out sorted by the window's key.
    return scores(spark).select("id", F.row_number().over(W.orderBy(F.col("id").desc())).alias("rn"),
                                F.lag("x").over(W.orderBy(F.col("id").desc())).alias("lg"))


@case
def sql_aggregate_of_an_aggregate_over_a_window(spark):
    scores(spark).createOrReplaceTempView("fp_scores")
    return spark.sql("SELECT g, sum(x) AS s, rank() OVER (ORDER BY sum(x) DESC) AS rk FROM fp_scores GROUP BY g ORDER BY g")
