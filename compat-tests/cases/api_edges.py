"""Smaller corners of the DataFrame and Column API."""

from harness import case
from pyspark.sql import functions as F

from ._data import depts, people


@case
def select_col_star(spark):
    return people(spark).select(F.col("*")).columns


@case
def select_frame_star(spark):
    df = people(spark)
    return df.select(df["*"]).columns


@case
def select_nothing(spark):
    return people(spark).select()


@case
def with_column_uses_previous_column(spark):
    return people(spark).withColumn("a", F.col("age") + 1).withColumn("b", F.col("a") * 2).select("a", "b").orderBy("a")


@case
def with_columns_renamed_to_existing(spark):
    return people(spark).withColumnRenamed("name", "city").columns


@case
def drop_all_columns(spark):
    return people(spark).drop(*people(spark).columns).count()


@case
def chained_filters(spark):
    return people(spark).filter(F.col("age") > 20).where("city IS NOT NULL").filter(~F.col("name").startswith("E"))


@case
def limit_then_order(spark):
    return people(spark).orderBy("id").limit(3).orderBy(F.desc("id"))


@case
def union_of_three(spark):
    df = people(spark).select("id")
    return df.union(df).union(df).groupBy("id").count().orderBy("id")


@case
def distinct_count(spark):
    return people(spark).select("city").distinct().count()


@case
def join_then_filter_on_both_sides(spark):
    p, d = people(spark), depts(spark)
    return p.join(d, "city").filter((p.age > 30) | (d.region == "West")).select("name").orderBy("name")


@case
def join_on_list_with_how(spark):
    p, d = people(spark), depts(spark)
    return p.join(d, on=["city"], how="left_outer").select("name", "region").orderBy("name")


@case
def alias_on_join_result(spark):
    p, d = people(spark), depts(spark)
    j = p.join(d, "city").alias("j")
    return j.select("j.name", "j.region").orderBy("name")


@case
def head_zero(spark):
    return people(spark).head(0)


@case
def take_more_than_rows(spark):
    return len(people(spark).take(100))


@case
def column_name_method(spark):
    return people(spark).select(F.col("age").name("years")).columns


@case
def column_alias_multiple_fails(spark):
    return people(spark).select(F.col("age").alias("a", "b"))


@case
def literal_column_arithmetic(spark):
    return people(spark).select((F.lit(1) + F.lit(2)).alias("three"), F.lit(10) / 4, F.lit(7) % 3).limit(1)


@case
def reverse_operators(spark):
    df = people(spark)
    return df.select(1 - df.age, 2 * df.age, 100 / df.age, 5 % df.id, df.id).orderBy(df.id).limit(2)


@case
def isin_empty_list(spark):
    return people(spark).filter(F.col("id").isin([])).count()


@case
def between_strings(spark):
    return people(spark).filter(F.col("name").between("B", "D")).select("name").orderBy("name")


@case
def when_chain_with_null_condition(spark):
    return people(spark).select("id", F.when(F.col("age") > 30, "old").when(F.col("age").isNull(), "unknown").alias("k")).orderBy("id")


@case
def order_by_position_names(spark):
    return people(spark).select("city", "name").orderBy("city", F.col("name").desc())


@case
def group_by_column_objects(spark):
    df = people(spark)
    return df.groupBy(df.city).agg(F.count(df.id).alias("n")).orderBy(df.city)


@case
def agg_on_frame_alias(spark):
    return people(spark).agg(F.max("salary").alias("top"), F.min("age").alias("youngest"))


@case
def sort_by_constant_then_key(spark):
    return people(spark).orderBy(F.lit(1), "id").select("id")
