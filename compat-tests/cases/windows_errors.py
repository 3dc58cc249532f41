"""Misuse of windows and Spark's error classes for it, in the order Spark checks:
ranking and offset functions without ORDER BY or with a frame of their own, RANGE
frames with offsets over several keys or keys of the wrong type, frames whose bounds
are of the wrong type or compare the wrong way, DISTINCT in a window aggregate,
windows in filters, in aggregates and nested, functions that are no window functions,
bad arguments of ntile/lag/nth_value, and the PySpark-side argument errors of
Window and Column.over."""

from harness import case
from pyspark.sql import Window as W
from pyspark.sql import functions as F

from cases._windows_data import events, scores

UP, UF, CR = W.unboundedPreceding, W.unboundedFollowing, W.currentRow


def _one(spark, e):
    return scores(spark).select("id", e.alias("w")).orderBy("id")


@case
def row_number_without_order(spark):
    return _one(spark, F.row_number().over(W.partitionBy("g")))


@case
def rank_without_order(spark):
    return _one(spark, F.rank().over(W.partitionBy("g")))


@case
def dense_rank_over_empty_spec(spark):
    return _one(spark, F.dense_rank().over(W.partitionBy()))


@case
def ntile_without_order(spark):
    return _one(spark, F.ntile(2).over(W.partitionBy("g")))


@case
def cume_dist_without_order(spark):
    return _one(spark, F.cume_dist().over(W.partitionBy("g")))


@case
def lag_without_order(spark):
    return _one(spark, F.lag("x").over(W.partitionBy("g")))


@case
def lead_without_order(spark):
    return _one(spark, F.lead("x", 2).over(W.partitionBy("g")))


@case
def row_number_with_rows_frame(spark):
    return _one(spark, F.row_number().over(W.partitionBy("g").orderBy("o").rowsBetween(-1, 1)))


@case
def rank_with_range_frame(spark):
    return _one(spark, F.rank().over(W.partitionBy("g").orderBy("o").rangeBetween(UP, UF)))


@case
def percent_rank_with_rows_frame(spark):
    return _one(spark, F.percent_rank().over(W.orderBy("o").rowsBetween(UP, CR)))


@case
def lag_with_a_rows_frame(spark):
    return _one(spark, F.lag("x").over(W.orderBy("id").rowsBetween(-2, 2)))


@case
def range_offsets_over_two_keys(spark):
    return _one(spark, F.sum("x").over(W.orderBy("o", "id").rangeBetween(-1, 1)))


@case
def range_offsets_over_a_string_key(spark):
    return _one(spark, F.sum("x").over(W.orderBy("s").rangeBetween(-1, 1)))


@case
def range_offsets_over_a_boolean_key(spark):
    df = spark.createDataFrame([(1, True, 1), (2, False, 2)], "id int, b boolean, x int")
    return df.select("id", F.sum("x").over(W.orderBy("b").rangeBetween(-1, 0)).alias("w"))


@case
def range_offsets_without_order(spark):
    return _one(spark, F.sum("x").over(W.partitionBy("g").rangeBetween(-1, 1)))


@case
def range_unbounded_without_order_is_allowed(spark):
    return _one(spark, F.sum("x").over(W.partitionBy("g").rangeBetween(UP, UF)))


@case
def rows_frame_without_order_is_allowed(spark):
    return _one(spark, F.count("*").over(W.partitionBy("g").rowsBetween(UP, CR)))


@case
def sql_frame_bounds_in_the_wrong_order(spark):
    return scores(spark).selectExpr("id", "sum(x) OVER (ORDER BY o ROWS BETWEEN CURRENT ROW AND 1 PRECEDING) AS w")


@case
def sql_frame_starting_unbounded_following(spark):
    return scores(spark).selectExpr("id", "sum(x) OVER (ORDER BY o ROWS BETWEEN UNBOUNDED FOLLOWING AND CURRENT ROW) AS w")



@case
def sql_rows_bound_of_a_double(spark):
    return scores(spark).selectExpr("id", "sum(x) OVER (ORDER BY o ROWS BETWEEN 1.5 PRECEDING AND CURRENT ROW) AS w")


@case
def sql_rows_bound_of_a_column(spark):
    return scores(spark).selectExpr("id", "sum(x) OVER (ORDER BY o ROWS BETWEEN x PRECEDING AND CURRENT ROW) AS w")


@case
def distinct_aggregate_over_a_window(spark):
    return _one(spark, F.count_distinct("x").over(W.partitionBy("g")))


@case
def sql_distinct_aggregate_over_a_window(spark):
    return scores(spark).selectExpr("id", "sum(DISTINCT x) OVER (PARTITION BY g) AS w")


@case
def window_in_filter(spark):
    return scores(spark).filter(F.row_number().over(W.partitionBy("g").orderBy("o")) == 1)


@case
def window_in_where_string(spark):
    return scores(spark).where("row_number() OVER (PARTITION BY g ORDER BY o) = 1")


@case
def window_inside_an_aggregate(spark):
    return scores(spark).groupBy("g").agg(F.sum(F.rank().over(W.orderBy("o"))))


@case
def window_inside_a_global_aggregate(spark):
    return scores(spark).select(F.max(F.lag("x").over(W.orderBy("id"))))



@case
def scalar_function_over_a_window(spark):
    return _one(spark, F.upper("s").over(W.partitionBy("g")))


@case
def column_over_a_window(spark):
    return _one(spark, F.col("x").over(W.partitionBy("g")))


@case
def window_over_a_window(spark):
    return _one(spark, F.sum("x").over(W.partitionBy("g")).over(W.orderBy("id")))


@case
def sql_function_not_a_window_function(spark):
    return scores(spark).selectExpr("id", "abs(x) OVER (PARTITION BY g) AS w")


@case
def sql_unknown_window_function(spark):
    return scores(spark).selectExpr("id", "no_such_fn(x) OVER (PARTITION BY g) AS w")


@case
def ntile_of_zero(spark):
    return _one(spark, F.ntile(0).over(W.orderBy("id")))


@case
def ntile_of_a_negative(spark):
    return _one(spark, F.ntile(-3).over(W.orderBy("id")))


@case
def sql_ntile_of_a_column(spark):
    return scores(spark).selectExpr("id", "ntile(x) OVER (ORDER BY id) AS w")


@case
def nth_value_of_zero(spark):
    return _one(spark, F.nth_value("x", 0).over(W.orderBy("id")))


@case
def sql_lag_offset_of_a_column(spark):
    return scores(spark).selectExpr("id", "lag(x, x) OVER (ORDER BY id) AS w")


@case
def sql_lag_offset_of_a_string(spark):
    return scores(spark).selectExpr("id", "lag(x, 'a') OVER (ORDER BY id) AS w")


@case
def unknown_partition_column(spark):
    return _one(spark, F.sum("x").over(W.partitionBy("nope")))


@case
def unknown_order_column(spark):
    return _one(spark, F.sum("x").over(W.orderBy("nope")))


@case
def sum_of_strings_over_a_window_ansi(spark):
    return _one(spark, F.sum("s").over(W.partitionBy("g")))


@case
def avg_of_dates_over_a_window(spark):
    return _one(spark, F.avg("d").over(W.partitionBy("g")))


@case
def over_a_non_window_spec(spark):
    return _one(spark, F.sum("x").over("g"))



@case
def events_window_of_aggregate_not_grouped(spark):
    return events(spark).groupBy("user").agg(F.sum("amount"), F.sum("id").over(W.partitionBy("user")))


@case
def range_offsets_over_a_date_key_in_the_api(spark):
    return _one(spark, F.sum("x").over(W.partitionBy("g").orderBy("d").rangeBetween(-6, 0)))


@case
def range_offsets_over_a_timestamp_key_in_the_api(spark):
    return _one(spark, F.sum("x").over(W.orderBy(F.col("d").cast("timestamp")).rangeBetween(-1, 1)))


@case
def window_in_order_by(spark):
    return scores(spark).orderBy(F.row_number().over(W.orderBy(F.desc("x"))), "id")


@case
def window_in_sort_descending(spark):
    return scores(spark).sort(F.sum("x").over(W.partitionBy("g")).desc(), "id")


@case
def window_in_group_by_agg_of_grouping_keys_is_allowed(spark):
    return scores(spark).groupBy("g").agg(F.count("*").alias("n"), F.rank().over(W.orderBy(F.count("*"), "g")).alias("r")).orderBy("g")
