"""Empty DataFrames through every operation."""

from harness import case
from pyspark.sql import functions as F


def _empty(spark):
    return spark.createDataFrame([], "id int, name string, v double")


def _some(spark):
    return spark.createDataFrame([(1, "a", 1.0)], "id int, name string, v double")


@case
def empty_select(spark):
    return _empty(spark).select("name", (F.col("id") + 1).alias("next"))


@case
def empty_filter(spark):
    return _empty(spark).filter(F.col("id") > 0)


@case
def empty_group_by(spark):
    return _empty(spark).groupBy("name").agg(F.sum("v"), F.count("*"))


@case
def empty_global_agg(spark):
    return _empty(spark).agg(F.sum("v"), F.count("*"), F.min("name"), F.avg("id"), F.countDistinct("id"))


@case
def empty_count(spark):
    return _empty(spark).count()


@case
def empty_collect(spark):
    return _empty(spark).collect()


@case
def empty_first(spark):
    return _empty(spark).first()


@case
def empty_show(spark):
    _empty(spark).show()


@case
def empty_join(spark):
    return _some(spark).join(_empty(spark), "id")


@case
def empty_left_join(spark):
    return _some(spark).join(_empty(spark), "id", "left")


@case
def empty_union(spark):
    return _empty(spark).union(_some(spark))


@case
def empty_distinct_sort(spark):
    return _empty(spark).distinct().orderBy("id")


@case
def empty_to_pandas(spark):
    pdf = _empty(spark).toPandas()
    return [list(pdf.columns), len(pdf)]


@case
def empty_range_agg(spark):
    return spark.range(0).agg(F.sum("id"), F.max("id"))


@case
def empty_with_column(spark):
    return _empty(spark).withColumn("x", F.lit(1))


@case
def empty_limit_offset(spark):
    return _empty(spark).offset(2).limit(5)
