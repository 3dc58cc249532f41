"""The other side of the DataFrame-subquery cases (window_subqueries14,
grouping_sets_subqueries14): a small table `o`, an empty one, and the subqueries read
from them."""

from pyspark.sql import functions as F


def other(spark):
    return spark.createDataFrame([(1, 100), (3, 300), (4, 400)], "x int, y int")


def empty(spark):
    return spark.createDataFrame([], "x int, y int")


def max_x(spark):
    return other(spark).select(F.max("x")).scalar()


def x_above_3(spark):
    return other(spark).where(F.col("x") > 3).exists()
