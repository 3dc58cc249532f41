"""Window functions in the list of a DataFrame `rollup`, `cube` or `groupingSets`
aggregation: they run over the aggregation's rows (a rolled-up key is NULL there), read
its aggregates, keys and `grouping()`/`grouping_id()`, and are named as Spark names
them. Ties are broken so every row is determined; empty inputs, ANSI on and off, and
Spark's error for a column not grouped."""

from harness import case
from pyspark.sql import functions as F
from pyspark.sql.window import Window


def _t(spark):
    return spark.createDataFrame(
        [(1, 10, "a"), (1, 5, "b"), (2, 20, "a"), (3, 30, "b"), (None, 7, "a"), (None, 1, "b"), (4, None, "a")], "k int, v int, g string"
    )


@case
def rollup_rank_named_by_spark(spark):
    d = _t(spark).rollup("k").agg(F.rank().over(Window.orderBy(F.sum("v"))))
    return d.orderBy(d.columns[0], d.columns[1])


@case
def rollup_rank_by_an_aggregate(spark):
    return _t(spark).rollup("k").agg(F.sum("v").alias("s"), F.rank().over(Window.orderBy(F.sum("v"))).alias("r")).orderBy("r")


@case
def rollup_lag_of_the_key(spark):
    return _t(spark).rollup("k").agg(F.sum("v").alias("s"), F.lag("k").over(Window.orderBy("k", F.sum("v"))).alias("l")).orderBy("s")


@case
def rollup_partitioned_by_grouping(spark):
    w = Window.partitionBy(F.grouping("k"))
    return _t(spark).rollup("k").agg(F.sum("v").alias("s"), F.sum(F.sum("v")).over(w).alias("t")).orderBy("k", "s")


@case
def rollup_partitioned_by_a_rolled_up_key(spark):
    # The NULL key group and the grand total share a partition.
    return _t(spark).rollup("k").agg(F.sum("v").alias("s"), F.sum(F.sum("v")).over(Window.partitionBy("k")).alias("t")).orderBy("k", "s")


@case
def cube_row_number_per_key(spark):
    w = Window.partitionBy("g").orderBy(F.col("k").desc_nulls_last(), F.count("*"))
    return _t(spark).cube("k", "g").agg(F.row_number().over(w).alias("n"), F.count("*").alias("c")).orderBy("g", "n")


@case
def cube_two_windows_of_two_specs(spark):
    t = _t(spark)
    return t.cube("g").agg(
        F.max("v").alias("m"),
        F.percent_rank().over(Window.orderBy(F.max("v"), F.col("g").asc_nulls_first())).alias("p"),
        F.count("*").over(Window.partitionBy(F.grouping("g"))).alias("n"),
    ).orderBy("g")


@case
def rollup_ntile_in_an_expression(spark):
    w = Window.orderBy(F.max("v"), F.col("g").asc_nulls_first())
    return _t(spark).rollup("g").agg((F.ntile(2).over(w) + 1).alias("t")).orderBy("g")


@case
def grouping_sets_dense_rank_of_grouping_id(spark):
    t = _t(spark)
    return t.groupingSets([["k"], ["g"], []], "k", "g").agg(F.dense_rank().over(Window.orderBy(F.grouping_id())).alias("d"), F.sum("v").alias("s")).orderBy("d", "s")


@case
def rollup_window_beside_an_aggregate_expression(spark):
    return _t(spark).rollup("g").agg(F.sum("v") + 1, F.first(F.sum("v")).over(Window.orderBy("g")).alias("f")).orderBy("g")


@case
def rollup_running_count_in_a_rows_frame(spark):
    w = Window.orderBy("k", F.count("*")).rowsBetween(Window.unboundedPreceding, 0)
    return _t(spark).rollup("k").agg(F.sum(F.count("*")).over(w).alias("c")).orderBy("c")


@case
def rollup_then_filter_on_the_window(spark):
    return _t(spark).rollup("k").agg(F.rank().over(Window.orderBy(F.sum("v"))).alias("r")).where("r > 2").orderBy("r")


@case
def rollup_of_no_rows(spark):
    t = _t(spark).where(F.col("v") > 1000)
    return t.rollup("k").agg(F.rank().over(Window.orderBy(F.sum("v"))).alias("r"), F.count("*").alias("c"))


@case
def rollup_window_reading_an_ungrouped_column(spark):
    return _t(spark).rollup("k").agg(F.sum("v").over(Window.orderBy("k")).alias("t"))


@case
def rollup_division_by_a_zero_count(spark):
    w = Window.orderBy("k", F.sum("v"))
    return _t(spark).rollup("k").agg(F.max(F.sum("v") / F.count("k")).over(w).alias("m")).orderBy("k", "m")


@case(conf={"spark.sql.ansi.enabled": "false"})
def rollup_division_by_a_zero_count_ansi_off(spark):
    w = Window.orderBy("k", F.sum("v"))
    return _t(spark).rollup("k").agg(F.max(F.sum("v") / F.count("k")).over(w).alias("m")).orderBy("k", "m")


@case
def rollup_integer_division_by_a_zero_count(spark):
    w = Window.orderBy("k", F.sum("v"))
    return _t(spark).rollup("k").agg(F.max(F.sum("v") % F.count("k")).over(w).alias("m")).orderBy("k", "m")


@case(conf={"spark.sql.ansi.enabled": "false"})
def rollup_integer_division_by_a_zero_count_ansi_off(spark):
    w = Window.orderBy("k", F.sum("v"))
    return _t(spark).rollup("k").agg(F.max(F.sum("v") % F.count("k")).over(w).alias("m")).orderBy("k", "m")
