"""Aggregates with DISTINCT (issue 7): count(DISTINCT a, b), sum/avg/stddev/collect_set
of distinct values, from the DataFrame API and SQL text, grouped and global, with NULLs
(a row with any NULL key is not counted by count(DISTINCT a, b)), NaN and -0.0; next to
FILTER."""

from harness import case
from pyspark.sql import functions as F

NAN, INF = float("nan"), float("inf")


def _df(spark):
    rows = [(1, 1, 2, 1.5), (1, 1, None, 2.5), (1, 2, 2, 1.5), (1, None, 3, None), (2, 1, 2, 1.5),
            (2, 1, 2, 1.5), (2, None, None, NAN), (2, 3, 4, NAN), (3, None, None, None)]
    return spark.createDataFrame(rows, "g int, a int, b int, x double")


@case
def count_distinct_several_columns(spark):
    return _df(spark).agg(F.count_distinct("a", "b"), F.countDistinct("a"), F.count_distinct("x"))


@case
def count_distinct_several_grouped(spark):
    return _df(spark).groupBy("g").agg(F.count_distinct("a", "b"), F.count_distinct("b", "a")).orderBy("g")


@case
def count_distinct_sql(spark):
    return _df(spark).selectExpr("count(DISTINCT a, b)", "count(DISTINCT x)", "count(DISTINCT a) AS n")


@case
def sum_avg_distinct(spark):
    return _df(spark).groupBy("g").agg(F.sum_distinct("a"), F.sumDistinct("x"), F.expr("avg(DISTINCT a)"),
                                       F.expr("avg(DISTINCT x)")).orderBy("g")


@case
def sum_avg_distinct_sql(spark):
    return _df(spark).selectExpr("sum(DISTINCT a)", "avg(DISTINCT b)", "sum(DISTINCT x)")


@case
def distinct_signed_zero_and_nan(spark):
    df = spark.createDataFrame([(0.0,), (-0.0,), (NAN,), (NAN,), (INF,), (1.0,), (1.0,)], "x double")
    return df.selectExpr("count(DISTINCT x)", "sum(DISTINCT x)")


@case
def distinct_other_aggregates_sql(spark):
    return _df(spark).selectExpr("max(DISTINCT a)", "min(DISTINCT b)", "stddev(DISTINCT b)", "var_pop(DISTINCT a)",
                                 "collect_set(DISTINCT a)")


@case
def distinct_empty_input(spark):
    df = spark.createDataFrame([], "a int, b string")
    return df.agg(F.count_distinct("a", "b"), F.sum_distinct("a"), F.expr("avg(DISTINCT a)"))


@case
def distinct_sum_overflow(spark):
    df = spark.createDataFrame([(9223372036854775807,), (9223372036854775807,), (1,)], "x long")
    return df.selectExpr("sum(DISTINCT x)")


@case(conf={"spark.sql.ansi.enabled": "false"})
def distinct_sum_overflow_ansi_off(spark):
    df = spark.createDataFrame([(9223372036854775807,), (9223372036854775807,), (1,)], "x long")
    return df.selectExpr("sum(DISTINCT x)")


@case
def distinct_with_filter_sql(spark):
    return _df(spark).groupBy("g").agg(F.expr("count(DISTINCT a) FILTER (WHERE b > 2)"),
                                       F.expr("sum(DISTINCT b) FILTER (WHERE a = 1)")).orderBy("g")
