"""`*` beside a generator in a select list: the input's columns, then the generated ones
(PyRust once listed the generated columns twice)."""

from harness import case
from pyspark.sql import functions as F


def _df(spark):
    return spark.createDataFrame([(1, [1, 2]), (2, [])], "id int, a array<int>")


@case
def star_then_explode(spark):
    return _df(spark).select("*", F.explode("a"))


@case
def col_star_then_aliased_explode(spark):
    return _df(spark).select(F.col("*"), F.explode("a").alias("x"))


@case
def explode_then_star(spark):
    return _df(spark).select(F.explode_outer("a"), "*")


@case
def star_with_posexplode_sql(spark):
    return _df(spark).selectExpr("*", "posexplode(a)")
