"""union, unionAll, unionByName."""

from harness import case
from pyspark.sql import functions as F


@case
def union_by_position(spark):
    a = spark.createDataFrame([(1, "a")], "x int, y string")
    b = spark.createDataFrame([("b", 2)], "y string, x int")
    return a.union(b.select("x", "y")).orderBy("x")


@case
def union_all_keeps_duplicates(spark):
    a = spark.createDataFrame([(1,), (1,)], "x int")
    return a.unionAll(a)


@case
def union_widens_types(spark):
    a = spark.createDataFrame([(1,)], "x int")
    b = spark.createDataFrame([(2.5,)], "x double")
    return a.union(b)


@case
def union_names_from_first(spark):
    a = spark.createDataFrame([(1,)], "left_name int")
    b = spark.createDataFrame([(2,)], "right_name int")
    return a.union(b)


@case
def union_column_count_mismatch(spark):
    a = spark.createDataFrame([(1, 2)], "x int, y int")
    b = spark.createDataFrame([(1,)], "x int")
    return a.union(b)


@case
def union_incompatible_types(spark):
    a = spark.createDataFrame([(1,)], "x int")
    b = spark.createDataFrame([([1],)], "x array<int>")
    return a.union(b)


@case
def union_by_name_reorders(spark):
    a = spark.createDataFrame([(1, "a")], "x int, y string")
    b = spark.createDataFrame([("b", 2)], "y string, x int")
    return a.unionByName(b)


@case
def union_by_name_missing_fails(spark):
    a = spark.createDataFrame([(1, "a")], "x int, y string")
    b = spark.createDataFrame([(2,)], "x int")
    return a.unionByName(b)


@case
def union_by_name_allow_missing(spark):
    a = spark.createDataFrame([(1, "a")], "x int, y string")
    b = spark.createDataFrame([(2, 3.5)], "x int, z double")
    return a.unionByName(b, allowMissingColumns=True)


@case
def union_by_name_case_insensitive(spark):
    a = spark.createDataFrame([(1,)], "x int")
    b = spark.createDataFrame([(2,)], "X int")
    return a.unionByName(b)


@case
def union_then_filter(spark):
    a = spark.createDataFrame([(1,), (5,)], "x int")
    return a.union(a).filter(F.col("x") > 2)
