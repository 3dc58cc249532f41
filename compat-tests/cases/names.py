"""Column names: case-insensitivity, duplicates, Spark's generated names."""

from harness import case
from pyspark.sql import functions as F

from ._data import depts, people


@case
def group_by_case_insensitive(spark):
    return people(spark).groupBy("CITY").agg(F.max("Age")).orderBy("city")


@case
def order_by_case_insensitive(spark):
    return people(spark).orderBy(F.col("ID").desc()).select("Name")


@case
def join_using_case_insensitive(spark):
    return people(spark).join(depts(spark), "CITY").select("id", "region").orderBy("id")


@case
def rename_case_insensitive(spark):
    return people(spark).withColumnRenamed("NAME", "n").columns


@case
def drop_case_insensitive(spark):
    return people(spark).drop("AGE").columns


@case
def filter_string_case_insensitive(spark):
    return people(spark).filter("AGE > 30").select("id")


@case
def duplicate_after_join_then_drop(spark):
    p, d = people(spark), depts(spark)
    return p.join(d, p.city == d.city).drop(d.city).orderBy("id")


@case
def duplicate_after_join_select_by_frame(spark):
    p, d = people(spark), depts(spark)
    return p.join(d, p.city == d.city).select(p.city, d["city"]).orderBy(p.id)


@case
def duplicate_names_in_select_show(spark):
    df = people(spark)
    return df.select(df.id, (df.id * 2).alias("id")).orderBy(df.id)


@case
def ambiguous_after_rename(spark):
    df = people(spark).withColumnRenamed("age", "id")
    return df.select("id")


@case
def computed_names(spark):
    df = people(spark)
    return df.select(F.col("age") + F.col("id"), F.col("age") > 30, F.col("name").isNull(),
                     F.coalesce("city", F.lit("?")), F.col("salary").cast("int"), F.lower("name")).columns


@case
def star_then_more(spark):
    return people(spark).select("*", F.lit(1).alias("one")).columns


@case
def qualified_star(spark):
    p = people(spark).alias("p")
    d = depts(spark).alias("d")
    return p.join(d, F.col("p.city") == F.col("d.city")).select("d.*").orderBy("region")


@case
def backticked_name_with_dot(spark):
    df = spark.createDataFrame([(1,)], "`a.b` int")
    return df.select("`a.b`")


@case
def name_with_space(spark):
    df = spark.createDataFrame([(1,)], ["my col"])
    return df.select(F.col("my col") + 1)


@case
def alias_then_qualified_filter(spark):
    return people(spark).alias("t").filter(F.col("t.age") > 30).select("t.name")
