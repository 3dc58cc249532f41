"""Regressions found by the differential fuzzer (`make fuzz`, docs/reliability.md),
each reduced by its shrinker."""

from harness import case
from pyspark.sql import functions as F


def _arrays(spark):
    return spark.createDataFrame([([3, 1, None],), ([],), (None,)], "a array<int>")


@case
def cast_to_array_is_left_out_of_the_name(spark):
    # Spark's Cast.sql writes a cast to ARRAY/MAP/STRUCT as its child's text.
    return _arrays(spark).select(F.sort_array(F.col("a")).cast("array<bigint>"), F.col("a").cast("array<string>"))


@case
def cast_of_null_to_array_is_named_null(spark):
    return _arrays(spark).select(F.lit(None).cast("array<int>"), F.lit(None).cast("map<string,int>"))


@case
def nested_array_casts_in_sql_text(spark):
    return _arrays(spark).select(F.expr("sort_array(CAST(CAST(a AS ARRAY<BIGINT>) AS ARRAY<STRING>))"))


@case
def cast_to_array_inside_case_when(spark):
    return _arrays(spark).select(F.when(F.col("a").isNull(), F.col("a").cast("array<bigint>")).otherwise(F.col("a").cast("array<bigint>")))


@case
def cast_to_struct_is_left_out_of_the_name(spark):
    df = spark.createDataFrame([((1, "x"),)], "s struct<a:int,b:string>")
    return df.select(F.struct(F.col("s.a"), F.col("s.b")).cast("struct<a:bigint,b:string>"))


@case
def cast_to_scalar_keeps_its_name(spark):
    return _arrays(spark).select(F.size(F.col("a")).cast("string"), F.expr("CAST(size(a) AS BIGINT)"))
