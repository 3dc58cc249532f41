"""Offset window functions: lag and lead (offsets, defaults of every kind, negative
and zero offsets, past the partition), nth_value (over frames, ignoring NULLs),
first/last with ignorenulls over windows, and the SQL forms with IGNORE NULLS."""

import datetime

from harness import case
from pyspark.sql import Window as W
from pyspark.sql import functions as F

from cases._windows_data import D, LEGACY, events, scores, series

W_SERIES = W.partitionBy("k").orderBy("t")


@case
def lag_and_lead_defaults(spark):
    return series(spark).select("id", "n", F.lag("n").over(W_SERIES), F.lead("n").over(W_SERIES)).orderBy("id")


@case
def lag_and_lead_with_offset_and_default(spark):
    return series(spark).select("id", F.lag("n", 2, -1).over(W_SERIES), F.lead("f", 3, 0.5).over(W_SERIES),
                                F.lag("k", 1, "none").over(W_SERIES)).orderBy("id")


@case
def negative_offsets(spark):
    return series(spark).select("id", F.lag("n", -1).over(W_SERIES).alias("lag_m1"),
                                F.lead("n", -2).over(W_SERIES).alias("lead_m2")).orderBy("id")


@case
def zero_offset(spark):
    return series(spark).select("id", F.lag("n", 0).over(W_SERIES), F.lead("n", 0, 99).over(W_SERIES)).orderBy("id")


@case
def offsets_past_the_partition(spark):
    return series(spark).select("id", F.lag("n", 20, 0).over(W_SERIES), F.lead("n", 100).over(W_SERIES)).orderBy("id")


@case
def lag_without_partition(spark):
    w = W.orderBy("id")
    return series(spark).select("id", F.lag("n").over(w), F.lead("k", 2).over(w)).orderBy("id")


@case
def lag_of_an_expression(spark):
    return series(spark).select("id", (F.col("n") - F.lag("n").over(W_SERIES)).alias("delta"),
                                F.lag(F.col("f") * 2, 1, 0.0).over(W_SERIES).alias("prev2")).orderBy("id")


@case
def lag_default_cast_to_the_column_type(spark):
    return series(spark).select("id", F.lag("n", 1, 2.9).over(W_SERIES), F.lag("f", 1, 7).over(W_SERIES)).orderBy("id")


@case
def lag_default_string_for_int_ansi(spark):
    return series(spark).select("id", F.lag("n", 1, "x").over(W_SERIES)).orderBy("id")


@case(conf=LEGACY)
def lag_default_string_for_int_legacy(spark):
    return series(spark).select("id", F.lag("n", 1, "x").over(W_SERIES)).orderBy("id")


@case
def lag_default_numeric_string_for_int(spark):
    return series(spark).select("id", F.lag("n", 1, "42").over(W_SERIES)).orderBy("id")


@case
def lag_default_of_another_type_fails(spark):
    return series(spark).select(F.lag("n", 1, datetime.date(2020, 1, 1)).over(W_SERIES))


@case
def lag_default_column_is_not_iterable(spark):
    return series(spark).select(F.lag("n", 1, F.col("t")).over(W_SERIES))


@case
def lag_offset_column_is_not_iterable(spark):
    return series(spark).select(F.lead("n", F.col("t")).over(W_SERIES))


@case
def lag_of_every_type(spark):
    w = W.partitionBy("g").orderBy("id")
    df = scores(spark).select("id", "g", "s", "d", "v", F.col("x").cast("decimal(10,2)").alias("m"),
                              (F.col("x") > 3).alias("b"), F.col("x").cast("bigint").alias("l"))
    return df.select("id", *[F.lag(c).over(w).alias(f"lag_{c}") for c in ["s", "d", "v", "m", "b", "l"]]).orderBy("id")


@case
def lag_keeps_non_null_when_input_and_default_are(spark):
    df = spark.range(5).select(F.col("id").cast("int").alias("id"), (F.col("id") % 2).alias("p"))
    w = W.partitionBy("p").orderBy("id")
    return df.select("id", F.lag("id", 1, 0).over(w), F.lead("id", 1, -1).over(w), F.lag("id").over(w)).orderBy("id")


@case
def lag_with_its_own_frame(spark):
    return series(spark).select("id", F.lag("n").over(W_SERIES.rowsBetween(-1, -1)),
                                F.lead("n", 2).over(W_SERIES.rowsBetween(2, 2))).orderBy("id")


@case
def lag_and_lead_descending(spark):
    w = W.partitionBy("k").orderBy(F.desc("t"))
    return series(spark).select("id", F.lag("n").over(w), F.lead("n").over(w)).orderBy("id")


@case
def sessions_from_gaps(spark):
    w = W.partitionBy("user").orderBy("day", "id")
    gap = F.datediff("day", F.lag("day").over(w))
    flagged = events(spark).withColumn("new", F.when(gap.isNull() | (gap > 3), 1).otherwise(0))
    return flagged.withColumn("session", F.sum("new").over(w)).orderBy("id")


@case
def nth_value_running(spark):
    return series(spark).select("id", F.nth_value("n", 1).over(W_SERIES), F.nth_value("n", 2).over(W_SERIES),
                                F.nth_value("n", 3).over(W_SERIES)).orderBy("id")


@case
def nth_value_ignoring_nulls(spark):
    return series(spark).select("id", F.nth_value("n", 2, True).over(W_SERIES).alias("n2"),
                                F.nth_value("f", 1, True).over(W_SERIES).alias("f1")).orderBy("id")


@case
def nth_value_over_whole_partition(spark):
    w = W_SERIES.rowsBetween(W.unboundedPreceding, W.unboundedFollowing)
    return series(spark).select("id", F.nth_value("n", 3).over(w), F.nth_value("n", 3, True).over(w),
                                F.nth_value("n", 50).over(w)).orderBy("id")


@case
def nth_value_over_sliding_frames(spark):
    return series(spark).select("id", F.nth_value("n", 2).over(W_SERIES.rowsBetween(-1, 1)).alias("a"),
                                F.nth_value("n", 2, True).over(W_SERIES.rowsBetween(-3, 0)).alias("b"),
                                F.nth_value("n", 1).over(W_SERIES.rowsBetween(1, 3)).alias("c")).orderBy("id")


@case
def nth_value_over_range_with_ties(spark):
    w = W.partitionBy("g").orderBy("o")
    return scores(spark).select("id", F.nth_value("x", 2).over(w).alias("n2"),
                                F.nth_value("x", 2, True).over(w.rangeBetween(W.currentRow, W.unboundedFollowing)).alias("n2f")).orderBy("id")


@case
def first_and_last_running(spark):
    return series(spark).select("id", F.first("n").over(W_SERIES), F.last("n").over(W_SERIES),
                                F.first("n", True).over(W_SERIES).alias("fi"),
                                F.last("n", True).over(W_SERIES).alias("li")).orderBy("id")


@case
def first_and_last_over_whole_partition(spark):
    w = W.partitionBy("k")
    w2 = W_SERIES.rowsBetween(W.unboundedPreceding, W.unboundedFollowing)
    return series(spark).select("id", F.first("t").over(w).alias("f"), F.last("n", True).over(w2).alias("l"),
                                F.first("n", True).over(w2).alias("fi")).orderBy("id")


@case
def first_and_last_over_sliding_frames(spark):
    w = W_SERIES.rowsBetween(-2, 1)
    return series(spark).select("id", F.first("n").over(w), F.last("n").over(w),
                                F.first("n", True).over(w).alias("fi"), F.last("n", True).over(w).alias("li"),
                                F.last("n", True).over(W_SERIES.rowsBetween(-3, -1)).alias("prev_non_null")).orderBy("id")


@case
def forward_fill_idiom(spark):
    w = W_SERIES.rowsBetween(W.unboundedPreceding, W.currentRow)
    return series(spark).select("id", "n", F.last("n", ignorenulls=True).over(w).alias("filled")).orderBy("id")


@case
def backward_fill_idiom(spark):
    w = W_SERIES.rowsBetween(W.currentRow, W.unboundedFollowing)
    return series(spark).select("id", "n", F.first("n", ignorenulls=True).over(w).alias("filled")).orderBy("id")


@case
def lag_ignore_nulls_in_sql(spark):
    return series(spark).selectExpr("id", "lag(n) IGNORE NULLS OVER (PARTITION BY k ORDER BY t) AS a",
                                    "lead(n, 2) IGNORE NULLS OVER (PARTITION BY k ORDER BY t) AS b",
                                    "lag(n, 1, -1) IGNORE NULLS OVER (PARTITION BY k ORDER BY t) AS c").orderBy("id")


@case
def nth_value_ignore_nulls_in_sql(spark):
    return series(spark).selectExpr("id", "nth_value(n, 2) IGNORE NULLS OVER (PARTITION BY k ORDER BY t)",
                                    "first(n) IGNORE NULLS OVER (PARTITION BY k ORDER BY t)").orderBy("id")


@case
def lag_in_sql(spark):
    return series(spark).selectExpr("id", "lag(n) OVER (PARTITION BY k ORDER BY t)",
                                    "lead(f, 2, 0.0) OVER (PARTITION BY k ORDER BY t DESC)",
                                    "lag(n, -1) OVER (ORDER BY id)").orderBy("id")


@case
def lag_default_from_a_column_in_sql(spark):
    return series(spark).selectExpr("id", "lag(n, 1, t) OVER (PARTITION BY k ORDER BY t) AS a",
                                    "lead(k, 1, k) OVER (ORDER BY id) AS b").orderBy("id")


@case
def lag_over_decimals_and_dates(spark):
    df = spark.createDataFrame([(1, D("1.50"), datetime.date(2024, 1, 1)), (2, None, datetime.date(2024, 2, 29)),
                                (3, D("-2.25"), None)], "id int, m decimal(5,2), d date")
    w = W.orderBy("id")
    return df.select("id", F.lag("m", 1, D("0.01")).over(w), F.lead("d", 1, datetime.date(1999, 1, 1)).over(w),
                     (F.col("m") - F.lag("m").over(w)).alias("dm")).orderBy("id")
