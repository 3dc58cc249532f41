"""orderBy/sort with Spark's null ordering, limit, offset, distinct, dropDuplicates."""

from harness import case
from pyspark.sql import functions as F

from ._data import people


@case
def order_by_name(spark):
    return people(spark).orderBy("age")


@case
def order_desc_nulls_last(spark):
    return people(spark).orderBy(F.col("age").desc())


@case
def order_explicit_null_placement(spark):
    df = people(spark)
    return df.orderBy(F.col("age").asc_nulls_last(), F.col("id").desc_nulls_first())


@case
def order_ascending_flag(spark):
    return people(spark).orderBy("city", "id", ascending=False)


@case
def order_ascending_list(spark):
    return people(spark).orderBy(["city", "age"], ascending=[True, False])


@case
def sort_alias(spark):
    return people(spark).sort(F.desc("salary"))


@case
def order_functions(spark):
    return people(spark).orderBy(F.asc("city"), F.desc_nulls_last("age"))


@case
def order_by_expression(spark):
    return people(spark).orderBy(F.col("salary") * -1)


@case
def order_unknown_column_fails(spark):
    return people(spark).orderBy("nope")


@case
def limit_rows(spark):
    return people(spark).orderBy("id").limit(2)


@case
def limit_zero(spark):
    return people(spark).limit(0)


@case
def offset_rows(spark):
    return people(spark).orderBy("id").offset(3)


@case
def distinct_rows(spark):
    df = spark.createDataFrame([(1, "a"), (1, "a"), (2, None), (2, None)], "x int, y string")
    return df.distinct().orderBy("x")


@case
def drop_duplicates_subset(spark):
    return people(spark).dropDuplicates(["city"]).select("city").orderBy("city")


@case
def drop_duplicates_all(spark):
    df = spark.createDataFrame([(1, "a"), (1, "a"), (1, "b")], "x int, y string")
    return df.dropDuplicates().orderBy("y")


@case
def drop_duplicates_snake(spark):
    df = spark.createDataFrame([(1, "a"), (1, "a")], "x int, y string")
    return df.drop_duplicates()


@case
def order_strings_with_nulls(spark):
    return people(spark).select("city").orderBy("city")


@case
def order_doubles_with_nan(spark):
    df = spark.createDataFrame([(1.0,), (float("nan"),), (None,), (-1.0,)], "x double")
    return df.orderBy("x")
