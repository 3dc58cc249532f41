"""Ranking window functions: row_number, rank, dense_rank, percent_rank, cume_dist,
ntile; ties, NULL partition and order keys, every sort direction and NULL order,
expressions as keys, one-row and empty partitions, the dedupe and top-N idioms."""

import datetime

from harness import case
from pyspark.sql import Window as W
from pyspark.sql import functions as F

from cases._windows_data import NAN, events, scores


def _ranks(df, w, *extra):
    return df.select("id", "g", "o", F.row_number().over(W.partitionBy("g").orderBy(w, "id")).alias("rn"),
                     F.rank().over(W.partitionBy("g").orderBy(w)).alias("rk"),
                     F.dense_rank().over(W.partitionBy("g").orderBy(w)).alias("dr"),
                     F.percent_rank().over(W.partitionBy("g").orderBy(w)).alias("pr"),
                     F.cume_dist().over(W.partitionBy("g").orderBy(w)).alias("cd"), *extra).orderBy("id")


@case
def ranks_ascending_with_ties_and_nulls(spark):
    return _ranks(scores(spark), F.col("o"))


@case
def ranks_descending_nulls_last(spark):
    return _ranks(scores(spark), F.col("o").desc())


@case
def ranks_descending_nulls_first(spark):
    return _ranks(scores(spark), F.col("o").desc_nulls_first())


@case
def ranks_ascending_nulls_last(spark):
    return _ranks(scores(spark), F.col("o").asc_nulls_last())


@case
def ranks_without_partition(spark):
    w = W.orderBy("o")
    return scores(spark).select("id", F.rank().over(w), F.dense_rank().over(w), F.percent_rank().over(w),
                                F.cume_dist().over(w), F.row_number().over(W.orderBy("o", "id"))).orderBy("id")


@case
def ranks_by_two_keys(spark):
    w = W.partitionBy("g").orderBy("o", F.col("v").desc())
    return scores(spark).select("id", F.rank().over(w).alias("r"), F.dense_rank().over(w).alias("d")).orderBy("id")


@case
def ranks_by_expression(spark):
    w = W.partitionBy(F.col("x") % 2).orderBy(F.col("v") * -1)
    return scores(spark).select("id", F.rank().over(w).alias("r"), F.cume_dist().over(w).alias("c")).orderBy("id")


@case
def ranks_partitioned_by_two_columns(spark):
    w = W.partitionBy("g", F.col("o").isNull()).orderBy("x")
    return scores(spark).select("id", F.rank().over(w).alias("r"), F.percent_rank().over(w).alias("p")).orderBy("id")


@case
def ranks_partition_by_list(spark):
    w = W.partitionBy(["g"]).orderBy(["o"])
    return scores(spark).select("id", F.dense_rank().over(w).alias("r")).orderBy("id")


@case
def ntile_buckets(spark):
    w = W.partitionBy("g").orderBy("o", "id")
    return scores(spark).select("id", *[F.ntile(n).over(w).alias(f"n{n}") for n in (1, 2, 3, 4, 10)]).orderBy("id")


@case
def ntile_without_partition(spark):
    w = W.orderBy("id")
    return scores(spark).select("id", F.ntile(3).over(w), F.ntile(4).over(w), F.ntile(11).over(w)).orderBy("id")


@case
def ranks_over_strings(spark):
    w = W.partitionBy("g").orderBy("s")
    return scores(spark).select("id", F.rank().over(w).alias("r"), F.dense_rank().over(w).alias("d")).orderBy("id")


@case
def ranks_over_dates(spark):
    w = W.partitionBy("user").orderBy(F.desc("day"))
    return events(spark).select("id", F.rank().over(w).alias("r"), F.dense_rank().over(w).alias("d"),
                                F.cume_dist().over(w).alias("c")).orderBy("id")


@case
def ranks_over_booleans(spark):
    w = W.partitionBy("g").orderBy(F.col("v") > 5)
    return scores(spark).select("id", F.rank().over(w).alias("r"), F.dense_rank().over(w).alias("d")).orderBy("id")


@case
def ranks_over_doubles_with_nan_and_zeros(spark):
    df = spark.createDataFrame([(1, 1.0), (2, NAN), (3, -0.0), (4, 0.0), (5, None), (6, float("inf")), (7, NAN),
                                (8, float("-inf"))], "id int, v double")
    w = W.orderBy("v")
    return df.select("id", "v", F.rank().over(w).alias("r"), F.dense_rank().over(w).alias("d"),
                     F.percent_rank().over(W.orderBy(F.desc("v"))).alias("p")).orderBy("id")


@case
def ranks_over_timestamps(spark):
    ts = datetime.datetime
    df = spark.createDataFrame([(1, ts(2024, 1, 1, 10)), (2, ts(2024, 1, 1, 9)), (3, None), (4, ts(2024, 1, 1, 10))],
                               "id int, t timestamp")
    w = W.orderBy(F.desc_nulls_first("t"))
    return df.select("id", F.rank().over(w).alias("r"), F.row_number().over(W.orderBy("t", "id")).alias("n")).orderBy("id")


@case
def one_row_partitions(spark):
    w = W.partitionBy("id").orderBy("o")
    return scores(spark).select("id", F.row_number().over(w), F.rank().over(w), F.percent_rank().over(w),
                                F.cume_dist().over(w), F.ntile(5).over(w)).orderBy("id")


@case
def ranks_over_empty_input(spark):
    w = W.partitionBy("g").orderBy("o")
    return scores(spark).filter("id > 100").select("id", F.rank().over(w), F.row_number().over(w))


@case
def ranks_after_a_filter_empties_a_partition(spark):
    w = W.partitionBy("g").orderBy("o", "id")
    return scores(spark).filter(F.col("g") != "b").select("id", "g", F.row_number().over(w).alias("rn"),
                                                        F.cume_dist().over(w).alias("cd")).orderBy("id")


@case
def dedupe_latest_record_per_key(spark):
    w = W.partitionBy("user").orderBy(F.col("day").desc(), F.col("id").desc())
    return (events(spark).withColumn("rn", F.row_number().over(w)).filter(F.col("rn") == 1).drop("rn")
            .orderBy("id"))


@case
def dedupe_with_where_string(spark):
    w = W.partitionBy("g").orderBy(F.desc_nulls_last("v"), "id")
    return scores(spark).withColumn("rn", F.row_number().over(w)).where("rn = 1").select("g", "id", "v").orderBy("id")


@case
def top_two_per_group_with_ties(spark):
    w = W.partitionBy("user").orderBy(F.desc("amount"))
    return events(spark).withColumn("r", F.rank().over(w)).filter("r <= 2").orderBy("id")


@case
def explicit_rows_frame_allowed(spark):
    w = W.partitionBy("g").orderBy("o", "id").rowsBetween(W.unboundedPreceding, W.currentRow)
    return scores(spark).select("id", F.row_number().over(w), F.rank().over(w), F.ntile(2).over(w)).orderBy("id")


@case
def cume_dist_with_explicit_range_frame(spark):
    w = W.partitionBy("g").orderBy("o").rangeBetween(W.unboundedPreceding, W.currentRow)
    return scores(spark).select("id", F.cume_dist().over(w)).orderBy("id")


@case
def ranks_in_arithmetic(spark):
    w = W.partitionBy("g").orderBy("o", "id")
    return scores(spark).select("id", (F.row_number().over(w) - 1).alias("zero_based"),
                                (F.rank().over(w) * 10 + F.dense_rank().over(w)).alias("mix"),
                                F.when(F.row_number().over(w) == 1, "first").otherwise("rest").alias("tag")).orderBy("id")


@case
def with_column_replaces_a_column(spark):
    w = W.partitionBy("g").orderBy("o", "id")
    return scores(spark).withColumn("x", F.row_number().over(w)).withColumn("o", F.rank().over(W.orderBy("v"))).orderBy("id")


@case
def ranks_with_many_ties(spark):
    df = spark.range(20).select((F.col("id") % 3).alias("p"), (F.col("id") % 4).alias("o"), "id")
    w = W.partitionBy("p").orderBy("o")
    return df.select("id", F.rank().over(w), F.dense_rank().over(w), F.cume_dist().over(w),
                     F.percent_rank().over(w)).orderBy("id")


@case
def ranks_by_literal_order(spark):
    w = W.partitionBy("g").orderBy(F.lit(1))
    return scores(spark).select("id", F.rank().over(w).alias("r"), F.cume_dist().over(w).alias("c")).orderBy("id")


@case
def ranks_over_aggregated_rows(spark):
    agg = scores(spark).groupBy("g").agg(F.sum("v").alias("total"))
    return agg.withColumn("r", F.rank().over(W.orderBy(F.desc("total")))).orderBy("g")


@case
def rank_inside_group_by_agg(spark):
    return scores(spark).groupBy("g").agg(F.sum("x"), F.rank().over(W.orderBy(F.sum("x")))).orderBy("g")
