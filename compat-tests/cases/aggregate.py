"""groupBy / agg: Spark's names, types and empty-input results."""

from harness import case
from pyspark.sql import functions as F

from ._data import numbers, people


@case
def group_count(spark):
    return people(spark).groupBy("city").count().orderBy("city")


@case
def group_agg_functions(spark):
    return (people(spark).groupBy("city")
            .agg(F.sum("age"), F.avg("salary"), F.min("name"), F.max("age"), F.count("age"), F.count("*"))
            .orderBy("city"))


@case
def group_agg_dict(spark):
    return people(spark).groupBy("city").agg({"age": "max", "salary": "sum"}).orderBy("city")


@case
def group_agg_alias(spark):
    return people(spark).groupBy("city").agg(F.sum("salary").alias("total")).orderBy("city")


@case
def group_multiple_keys(spark):
    return people(spark).groupBy("city", "age").count().orderBy("city", "age")


@case
def group_by_expression(spark):
    return people(spark).groupBy((F.col("age") / 10).cast("int").alias("decade")).count().orderBy("decade")


@case
def grouped_shortcuts(spark):
    g = people(spark).groupBy("city")
    return g.sum("age").join(g.avg("age"), "city").join(g.mean("salary"), "city").orderBy("city")


@case
def grouped_min_max(spark):
    g = people(spark).groupBy("city")
    return g.min("age", "salary").join(g.max("age"), "city").orderBy("city")


@case
def grouped_sum_all_numeric(spark):
    return people(spark).groupBy("city").sum().orderBy("city")


@case
def global_agg(spark):
    return people(spark).agg(F.sum("age"), F.avg("age"), F.count("city"), F.countDistinct("city"))


@case
def global_agg_dict_count_star(spark):
    return people(spark).agg({"*": "count"})


@case
def sum_of_empty_is_null(spark):
    return people(spark).filter(F.col("id") > 100).agg(F.sum("age"), F.count("age"), F.avg("age"), F.max("age"))


@case
def sum_all_nulls_is_null(spark):
    df = spark.createDataFrame([(1, None), (1, None)], "g int, v int")
    return df.groupBy("g").agg(F.sum("v"), F.count("v"), F.avg("v"))


@case
def sum_int_is_bigint(spark):
    df = spark.createDataFrame([(2147483647,), (2147483647,)], "v int")
    return df.agg(F.sum("v"))


@case
def avg_of_ints_is_double(spark):
    return numbers(spark).agg(F.avg("k"), F.mean("v"))


@case
def count_distinct_multi(spark):
    return people(spark).agg(F.countDistinct("city", "age"), F.count_distinct("age"))


@case
def first_last(spark):
    df = spark.createDataFrame([(1, None), (1, 5), (1, 7)], "g int, v int")
    return df.groupBy("g").agg(F.first("v"), F.last("v"), F.first("v", True))


@case
def group_by_null_key(spark):
    return people(spark).groupBy("city").agg(F.count("*").alias("n")).orderBy(F.col("city").asc_nulls_last())


@case
def agg_non_aggregated_column_fails(spark):
    return people(spark).groupBy("city").agg(F.col("age"))


@case
def agg_expression_of_aggregates(spark):
    return people(spark).groupBy("city").agg((F.sum("salary") / F.count("*")).alias("mean_pay")).orderBy("city")


@case
def agg_sum_expression(spark):
    return people(spark).groupBy("city").agg(F.sum(F.col("age") + 1)).orderBy("city")


@case
def groupby_lowercase_alias(spark):
    return people(spark).groupby("city").count().orderBy("city")


@case(ordered=False)
def group_unordered(spark):
    return people(spark).groupBy("age").agg(F.count("*"))


@case
def agg_empty_fails(spark):
    return people(spark).groupBy("city").agg()


@case
def sum_of_string_column(spark):
    df = spark.createDataFrame([("1",), ("2",)], "s string")
    return df.agg(F.sum("s"))


@case
def stddev_functions(spark):
    return people(spark).groupBy("city").agg(F.stddev("salary"), F.stddev_samp("age"), F.std("id")).orderBy("city")


@case
def describe_all(spark):
    return people(spark).describe()


@case
def describe_some_columns(spark):
    return people(spark).describe("age", "name")


@case
def describe_empty(spark):
    return people(spark).filter(F.col("id") > 99).describe("age")
