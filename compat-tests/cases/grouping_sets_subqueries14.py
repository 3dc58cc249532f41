"""DataFrame subqueries (`scalar()`, `exists()`) in a `rollup`, `cube` or `groupingSets`
aggregation: in the grouping columns and inside aggregate calls a value per input row
(correlated too), outside aggregate calls one value for every group, also read by
window functions over the groups. Spark's names and nullability, empty subqueries and
inputs, ANSI on and off, and Spark's errors."""

from harness import case
from pyspark.sql import functions as F
from pyspark.sql.window import Window

from ._subquery_data import empty as _e, max_x as _max_x, other as _o, x_above_3 as _x_above_3


def _t(spark):
    return spark.createDataFrame(
        [(1, 10, "a"), (1, 5, "b"), (2, 20, "a"), (3, 30, "b"), (None, 7, "a"), (None, 1, "b"), (4, None, "a")], "k int, v int, g string"
    ).alias("t")


@case
def rollup_named_as_spark(spark):
    sc, ex = _max_x(spark), _x_above_3(spark)
    return _t(spark).rollup("g").agg(F.sum("v") + sc, ex, F.count(F.when(ex, 1)), F.max(F.col("v") * sc)).orderBy("g")


@case
def rollup_of_a_key_reading_a_scalar(spark):
    return _t(spark).rollup(F.col("k") + _max_x(spark)).agg(F.sum("v").alias("s")).orderBy("s")


@case
def cube_of_an_aliased_key_reading_a_scalar(spark):
    return _t(spark).cube((F.col("k") * _max_x(spark)).alias("ks"), "g").agg(F.count("*").alias("c")).orderBy("ks", "g", "c")


@case
def rollup_scalar_of_no_rows(spark):
    s = _e(spark).select(F.max("x")).scalar()
    return _t(spark).rollup("g").agg((F.sum("v") + s).alias("r")).orderBy("g")


@case
def rollup_exists_of_no_rows(spark):
    ex = _e(spark).exists()
    return _t(spark).rollup("g").agg(ex.alias("r"), F.sum(F.when(ex, 1).otherwise(2)).alias("q")).orderBy("g")


@case
def rollup_scalar_of_more_than_one_row(spark):
    return _t(spark).rollup("g").agg((F.sum("v") + _o(spark).select("x").scalar()).alias("r"))


@case
def rollup_scalar_of_two_columns(spark):
    return _t(spark).rollup("g").agg((F.sum("v") + _o(spark).select("x", "y").scalar()).alias("r"))


@case
def rollup_correlated_scalar_inside_an_aggregate(spark):
    inner = _o(spark).where(F.col("x") == F.col("t.k").outer()).select(F.max("y")).scalar()
    return _t(spark).rollup("k").agg(F.sum(inner).alias("r")).orderBy("k", "r")


@case
def rollup_windows_reading_exists_and_a_scalar(spark):
    t = _t(spark)
    return t.rollup("g").agg(
        F.count("*").over(Window.partitionBy(_x_above_3(spark))).alias("n"),
        F.rank().over(Window.orderBy(F.sum("v") * _max_x(spark))).alias("r"),
    ).orderBy("g")


@case
def cube_grouping_plus_a_scalar(spark):
    return _t(spark).cube("g").agg((F.grouping("g") + _max_x(spark)).alias("r")).orderBy("g")


@case
def rollup_of_no_rows(spark):
    return _t(spark).where("v > 1000").rollup("g").agg((F.sum("v") + _max_x(spark)).alias("r"))


def _big(spark):
    return spark.createDataFrame([(9223372036854775800,)], "b bigint").select(F.max("b")).scalar()


@case
def rollup_overflow_through_a_scalar(spark):
    return _t(spark).rollup("g").agg((F.sum("v") + _big(spark)).alias("r")).orderBy("g")


@case(conf={"spark.sql.ansi.enabled": "false"})
def rollup_overflow_through_a_scalar_ansi_off(spark):
    return _t(spark).rollup("g").agg((F.sum("v") + _big(spark)).alias("r")).orderBy("g")


@case
def grouping_sets_of_a_key_reading_a_scalar(spark):
    sc = _max_x(spark)
    key = F.col("k") + sc
    return _t(spark).groupingSets([[F.col("k") + sc], ["g"], []], key, "g").agg(F.sum("v").alias("s")).orderBy("s")
