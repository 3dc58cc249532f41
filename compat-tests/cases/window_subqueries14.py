"""Window functions over a `groupBy().agg(...)` (or a global aggregation) that read a
DataFrame subquery (`scalar()`, `exists()`, correlated ones through `outer()`) in their
argument, ORDER BY or PARTITION BY: Spark computes what the window reads per group in
the aggregation (ExtractWindowExpressions), so the subquery is a value per group there,
and per input row only inside an aggregate call of the argument. Nulls, ties, empty
subqueries and inputs, ANSI on and off, and Spark's errors."""

from harness import case
from pyspark.sql import functions as F
from pyspark.sql.window import Window

from ._subquery_data import empty as _e, max_x as _max_x, other as _o, x_above_3 as _x_above_3


def _t(spark):
    return spark.createDataFrame([(1, 10), (1, 5), (2, 20), (3, 30), (None, 7), (None, 1), (4, None)], "k int, v int")


def _matches_k(spark):
    """Whether o has a row whose x is the outer row's k."""
    return _o(spark).where(F.col("x") == F.col("t.k").outer()).exists()


# In the window's argument


@case
def rank_ordered_by_an_aggregate_plus_a_scalar(spark):
    w = Window.orderBy(F.sum("v") + _max_x(spark))
    return _t(spark).groupBy("k").agg(F.sum("v").alias("s"), F.rank().over(w).alias("r")).orderBy("k")


@case
def running_sum_of_an_aggregate_times_a_scalar(spark):
    return _t(spark).groupBy("k").agg(F.sum(F.sum("v") * _max_x(spark)).over(Window.orderBy("k")).alias("w")).orderBy("k")


@case
def running_sum_of_a_scalar_inside_the_aggregate(spark):
    # Inside the argument's own aggregate call: a value per input row.
    return _t(spark).groupBy("k").agg(F.sum(F.sum(F.col("v") * _max_x(spark))).over(Window.orderBy("k")).alias("w")).orderBy("k")


@case
def window_function_reading_an_ungrouped_column_and_a_scalar(spark):
    return _t(spark).groupBy("k").agg(F.sum(F.col("v") * _max_x(spark)).over(Window.orderBy("k")).alias("w"))


@case
def lag_of_a_scalar_plus_the_key(spark):
    return _t(spark).groupBy("k").agg(F.lag(_max_x(spark) + F.col("k")).over(Window.orderBy("k")).alias("l")).orderBy("k")


@case
def max_of_a_case_on_exists(spark):
    w = Window.orderBy("k")
    return _t(spark).groupBy("k").agg(F.max(F.when(_x_above_3(spark), F.sum("v")).otherwise(0)).over(w).alias("m")).orderBy("k")


@case
def rows_frame_over_an_aggregate_minus_a_scalar(spark):
    w = Window.orderBy("k").rowsBetween(-1, 0)
    return _t(spark).groupBy("k").agg(F.sum(F.sum("v") - _max_x(spark)).over(w).alias("r")).orderBy("k")


# In PARTITION BY and ORDER BY


@case
def partitioned_by_exists(spark):
    return _t(spark).groupBy("k").agg(F.count("*").over(Window.partitionBy(_x_above_3(spark))).alias("n")).orderBy("k")


@case
def partitioned_by_the_key_against_a_scalar(spark):
    w = Window.partitionBy(F.col("k") > _max_x(spark) - 3)
    return _t(spark).groupBy("k").agg(F.sum(F.sum("v")).over(w).alias("s")).orderBy("k")


@case
def row_number_ordered_by_exists_then_the_key(spark):
    w = Window.orderBy(_x_above_3(spark), "k")
    return _t(spark).groupBy("k").agg(F.row_number().over(w).alias("n")).orderBy("k")


@case
def ntile_ordered_by_an_aggregate_times_a_scalar(spark):
    w = Window.orderBy(F.max("v") * _max_x(spark))
    return _t(spark).groupBy("k").agg(F.ntile(2).over(w).alias("t")).orderBy("k")


@case
def rank_with_ties_through_a_scalar(spark):
    t = spark.createDataFrame([("a", 1), ("a", 4), ("b", 5), ("c", 2), ("c", 2), ("d", 9)], "g string, v int")
    w = Window.orderBy(F.sum("v") * _max_x(spark))
    return t.groupBy("g").agg(F.rank().over(w).alias("r"), F.dense_rank().over(w).alias("d")).orderBy("g")


# Nulls and empty inputs


@case
def scalar_of_no_rows_is_null_in_the_window(spark):
    s = _e(spark).select(F.max("x")).scalar()
    return _t(spark).groupBy("k").agg(F.sum(F.sum("v") + s).over(Window.orderBy("k")).alias("n")).orderBy("k")


@case
def scalar_of_a_null_value_in_order_by(spark):
    s = _o(spark).where(F.col("x") > 3).select(F.min(F.when(F.col("y") < 0, F.col("y")))).scalar()
    w = Window.orderBy(F.col("k") + s, F.col("k").desc())
    return _t(spark).groupBy("k").agg(F.row_number().over(w).alias("n")).orderBy("k")


@case
def exists_of_no_rows_in_a_count(spark):
    return _t(spark).groupBy("k").agg(F.count(F.when(_e(spark).exists(), 1)).over(Window.orderBy("k")).alias("n")).orderBy("k")


@case
def aggregation_of_no_rows(spark):
    t = _t(spark).where(F.col("v") > 1000)
    return t.groupBy("k").agg(F.sum(F.sum("v") + _max_x(spark)).over(Window.orderBy("k")).alias("n"))


# Global aggregations


@case
def global_aggregation_ranked_by_a_scalar(spark):
    return _t(spark).agg(F.sum("v").alias("s"), F.rank().over(Window.orderBy(F.sum("v") + _max_x(spark))).alias("r"))


@case
def global_aggregation_of_no_rows(spark):
    t = _t(spark).where(F.col("v") > 1000)
    return t.agg(F.sum(F.count("*") + _max_x(spark)).over(Window.partitionBy()).alias("r"))


@case
def select_of_a_window_over_an_aggregate_and_a_scalar(spark):
    return _t(spark).select(F.sum(F.sum("v") + _max_x(spark)).over(Window.partitionBy()).alias("r"))


@case
def window_beside_subqueries_it_does_not_read(spark):
    w = Window.orderBy("k")
    t = _t(spark)
    return t.groupBy("k").agg(F.sum(F.sum("v") + _max_x(spark)).over(w).alias("r"), (_max_x(spark) + 1).alias("m"), _x_above_3(spark).alias("e")).orderBy("k")


# Correlated subqueries


@case
def correlated_exists_in_the_argument(spark):
    t = _t(spark).alias("t")
    return t.groupBy("k").agg(F.count(F.when(_matches_k(spark), 1)).over(Window.orderBy("k")).alias("n")).orderBy("k")


@case
def correlated_exists_in_partition_by(spark):
    t = _t(spark).alias("t")
    return t.groupBy("k").agg(F.sum(F.sum("v")).over(Window.partitionBy(_matches_k(spark))).alias("s")).orderBy("k")


@case
def correlated_not_exists_in_order_by(spark):
    t = _t(spark).alias("t")
    w = Window.orderBy(~_matches_k(spark), F.col("k").desc())
    return t.groupBy("k").agg(F.sum("v").alias("s"), F.row_number().over(w).alias("n")).orderBy("k")


@case
def correlated_exists_on_an_ungrouped_column(spark):
    t = _t(spark).alias("t")
    inner = _o(spark).where(F.col("x") == F.col("t.v").outer()).exists()
    return t.groupBy("k").agg(F.count("*").over(Window.partitionBy(inner)).alias("n"))


@case
def correlated_scalar_outside_aggregate_calls(spark):
    t = _t(spark).alias("t")
    inner = _o(spark).where(F.col("x") == F.col("t.k").outer()).select(F.max("y")).scalar()
    return t.groupBy("k").agg(F.sum(F.sum("v") + inner).over(Window.orderBy("k")).alias("n"))


@case
def correlated_scalar_inside_the_aggregate(spark):
    t = _t(spark).alias("t")
    inner = _o(spark).where(F.col("x") == F.col("t.k").outer()).select(F.max("y")).scalar()
    return t.groupBy("k").agg(F.sum(F.sum(F.col("v") + inner)).over(Window.orderBy("k")).alias("n")).orderBy("k")


# Errors


@case
def scalar_of_more_than_one_row(spark):
    s = _o(spark).select("x").scalar()
    return _t(spark).groupBy("k").agg(F.sum(F.sum("v") + s).over(Window.orderBy("k")).alias("n"))


@case
def scalar_of_two_columns(spark):
    s = _o(spark).select("x", "y").scalar()
    return _t(spark).groupBy("k").agg(F.sum(F.sum("v") + s).over(Window.orderBy("k")).alias("n"))


def _big(spark):
    return spark.createDataFrame([(9223372036854775800,)], "b bigint").select(F.max("b")).scalar()


@case
def overflow_through_a_scalar(spark):
    return _t(spark).groupBy("k").agg(F.sum(F.sum("v") + _big(spark)).over(Window.orderBy("k")).alias("n")).orderBy("k")


@case(conf={"spark.sql.ansi.enabled": "false"})
def overflow_through_a_scalar_ansi_off(spark):
    return _t(spark).groupBy("k").agg(F.sum(F.sum("v") + _big(spark)).over(Window.orderBy("k")).alias("n")).orderBy("k")


def _zero(spark):
    return _o(spark).select(F.min("x") - 1).scalar()


@case
def division_by_a_zero_scalar(spark):
    return _t(spark).groupBy("k").agg(F.max(F.sum("v") % _zero(spark)).over(Window.orderBy("k")).alias("n")).orderBy("k")


@case(conf={"spark.sql.ansi.enabled": "false"})
def division_by_a_zero_scalar_ansi_off(spark):
    return _t(spark).groupBy("k").agg(F.max(F.sum("v") % _zero(spark)).over(Window.orderBy("k")).alias("n")).orderBy("k")


@case(conf={"spark.sql.ansi.enabled": "false"})
def string_scalar_cast_in_order_by_ansi_off(spark):
    s = _o(spark).select(F.max(F.concat(F.lit("x"), F.col("x")))).scalar()
    w = Window.orderBy(s.cast("int"), "k")
    return _t(spark).groupBy("k").agg(F.rank().over(w).alias("r")).orderBy("k")


@case
def string_scalar_cast_in_order_by(spark):
    s = _o(spark).select(F.max(F.concat(F.lit("x"), F.col("x")))).scalar()
    w = Window.orderBy(s.cast("int"), "k")
    return _t(spark).groupBy("k").agg(F.rank().over(w).alias("r")).orderBy("k")


# A correlated subquery read per group reads the grouping keys only (also beside the
# window functions)


@case
def correlated_exists_on_an_ungrouped_column_in_a_global_window(spark):
    t = _t(spark).alias("t")
    inner = _o(spark).where(F.col("x") == F.col("t.v").outer()).exists()
    return t.agg(F.count("*").over(Window.partitionBy(inner)).alias("n"))


@case
def correlated_exists_on_an_ungrouped_column_beside_an_aggregate(spark):
    t = _t(spark).alias("t")
    inner = _o(spark).where(F.col("x") == F.col("v").outer()).exists()
    return t.groupBy("k").agg(F.sum("v"), inner.alias("e"))


@case
def correlated_exists_on_a_column_grouped_through_an_expression(spark):
    t = _t(spark).alias("t")
    inner = _o(spark).where(F.col("x") == F.col("k").outer()).exists()
    return t.groupBy((F.col("k") + 1).alias("k1")).agg(inner.alias("e"))


@case
def correlated_exists_in_order_by_over_two_keys(spark):
    t = _t(spark).alias("t")
    inner = _o(spark).where((F.col("x") == F.col("t.k").outer()) & (F.col("y") > F.col("t.v").outer() * 10)).exists()
    return t.groupBy("k", "v").agg(F.rank().over(Window.partitionBy("k").orderBy(inner, "v")).alias("r")).orderBy("k", "v")
