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


# INTERNAL_ERRORs of the no-crash run (seed 6): each now gives Spark's answer.


@case
def slice_of_a_null_array(spark):
    df = spark.createDataFrame([(1,), (2,)], "c int")
    return df.select(
        F.slice(F.lit(None).cast("array<int>"), -1, 0),
        F.expr("slice(array_union(CAST(NULL AS ARRAY<INT>), array(1, 2)), -1, 2)"),
        F.expr("slice(CAST(NULL AS ARRAY<INT>), -2, 0)"),
    )


@case
def slice_with_null_start_or_length(spark):
    df = spark.createDataFrame([([1, 2, 3], None, 2), ([1, 2, 3], 1, None), (None, 1, 1)], "a array<int>, s int, n int")
    return df.select(F.slice("a", F.col("s"), F.col("n")).alias("r"), F.expr("slice(a, 1, CAST(NULL AS INT))"))


@case(conf={"spark.sql.ansi.enabled": "false"})
def negated_untyped_null_in_sql_text(spark):
    df = spark.createDataFrame([(1,), (None,)], "c1 int")
    return df.select(F.expr("(c1 * 2) * (- NULL)"), F.expr("make_date(((c1 * 2) * (- NULL)), -1, 1)"))


@case
def negated_untyped_null_is_a_double(spark):
    df = spark.createDataFrame([(1,)], "c1 int")
    return df.select(F.expr("- NULL"), -F.lit(None), F.expr("c1 + (- NULL)"))


@case(conf={"spark.sql.session.timeZone": "Asia/Kolkata"})
def trunc_of_a_date_beyond_chrono(spark):
    # date_add(DATE'1970-01-01', 2147483647) is in year 5881580: Spark computes on.
    # (Truncating below the first representable date fails under ANSI: not covered.)
    df = spark.createDataFrame([(2147483647,), (-2147483000,), (0,), (None,)], "c int")
    d = F.date_add(F.lit("1970-01-01").cast("date"), F.col("c"))
    # (Read as day counts: PyRust's year()/dayofmonth() still stop at chrono's range.)
    return df.select(*[F.datediff(F.trunc(d, unit), d).alias(unit) for unit in ["month", "year", "week", "quarter"]])


@case(conf={"spark.sql.ansi.enabled": "false"})
def last_day_of_a_date_beyond_chrono(spark):
    df = spark.createDataFrame([(2147483647,), (100,), (-2147483600,)], "c5 int")
    return df.select(F.expr("CAST((dayofweek(last_day(date_add(CAST('1970-01-01' AS DATE), c5))) / -1.5D) AS INT)"))


@case
def greatest_and_least_of_structs(spark):
    df = spark.createDataFrame(
        [((1, "b"), (1, "a")), ((None, "z"), (0, "a")), (None, (2, "x")), ((3, None), (3, "")), (None, None)],
        "s struct<k:int,v:string>, t struct<k:int,v:string>",
    )
    return df.select(F.greatest("s", "t"), F.least("s", "t"), F.greatest(F.struct(F.lit(1)), F.struct(F.lit(2))))


@case
def greatest_of_nested_structs_with_doubles(spark):
    df = spark.createDataFrame(
        [((1.0, (2, "x")), (1.0, (2, "y"))), ((float("nan"), (0, "a")), (1.0, (9, "z"))), ((-0.0, (1, "a")), (0.0, (1, "a")))],
        "s struct<d:double,n:struct<i:int,t:string>>, t struct<d:double,n:struct<i:int,t:string>>",
    )
    return df.select(F.greatest("s", "t").alias("g"), F.least("s", "t").alias("l"))


@case
def two_failing_columns_report_the_first(spark):
    # Both columns fail on every row: Spark names the first column's error.
    df = spark.createDataFrame([("x", 0), ("y", 0)], "s string, z int")
    return df.select(F.col("s").cast("int"), F.lit(1) / F.col("z"), F.col("s").cast("int") + 1)


@case
def two_failing_columns_other_order(spark):
    df = spark.createDataFrame([("x", 0), ("y", 0)], "s string, z int")
    return df.select(F.expr("1 div z"), F.col("s").cast("int"))


@case
def empty_array_literal(spark):
    # array() with no argument was an INTERNAL_ERROR (found while testing array_sort).
    return spark.range(2).select(F.array(), F.expr("size(array())"), F.array().cast("array<string>").alias("s"), F.expr("array_sort(array())"))


@case
def sql_unary_minus_is_named_as_spark(spark):
    # SQL's `-x` is `(- x)`; only a number written after the sign is a negative literal.
    df = spark.createDataFrame([(3, 2.5), (None, -0.0)], "c int, d double")
    return df.selectExpr("- -1", "-c", "-(1)", "- d", "negative(c)", "- INTERVAL '1' DAY", "-'5'").select("*", -F.col("c"), F.negative("d"))
