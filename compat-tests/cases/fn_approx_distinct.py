"""approx_count_distinct as Spark's HyperLogLog++ estimates it (XXH64 of each value,
seed 42; linear counting while small, then the bias-corrected estimate): ranges of
10 to 100000 distinct values at several relative standard deviations, every value
type (floats with -0.0 and NaN, decimals of both widths, strings with emoji, binary,
dates, timestamps, arrays, structs), groups, NULLs, empty input, the rsd's errors
and the SQL form."""

import datetime
from decimal import Decimal

from harness import case
from pyspark.sql import functions as F


@case
def small_strings(spark):
    df = spark.createDataFrame([("a",), ("b",), ("c",), ("a",), (None,)], "s string")
    return df.agg(F.approx_count_distinct("s"))


@case
def ranges_default_rsd(spark):
    return spark.range(100000).agg(
        F.approx_count_distinct(F.when(F.col("id") < 10, F.col("id"))).alias("n10"),
        F.approx_count_distinct(F.when(F.col("id") < 100, F.col("id"))).alias("n100"),
        F.approx_count_distinct(F.when(F.col("id") < 1000, F.col("id"))).alias("n1000"),
        F.approx_count_distinct("id").alias("n100000"),
    )


@case
def ranges_other_rsd(spark):
    return spark.range(100000).agg(
        F.approx_count_distinct(F.when(F.col("id") < 1000, F.col("id")), 0.01).alias("n1000_01"),
        F.approx_count_distinct("id", 0.01).alias("n100000_01"),
        F.approx_count_distinct(F.when(F.col("id") < 100, F.col("id")), 0.3).alias("n100_3"),
        F.approx_count_distinct("id", 0.3).alias("n100000_3"),
        F.approx_count_distinct("id", 0.39).alias("p4"),
    )


@case
def strings_and_doubles_of_a_range(spark):
    df = spark.range(20000).select(F.concat(F.lit("k"), F.col("id").cast("string")).alias("s"), (F.col("id") * 0.5).alias("d"), (F.col("id") % 3000).alias("m"))
    return df.agg(F.approx_count_distinct("s"), F.approx_count_distinct("d"), F.approx_count_distinct("m"), F.approx_count_distinct(F.col("m").cast("int")).alias("mi"))


@case
def every_type(spark):
    df = spark.createDataFrame(
        [
            (1, 1.5, 1.5, Decimal("1.50"), Decimal("12345678901234567890.5"), "😀", b"\x00", True, datetime.date(2024, 1, 1), datetime.datetime(2024, 1, 1, 1), [1, 2], (1, "a")),
            (2, -0.0, -0.0, Decimal("-1.50"), Decimal("-1.5"), "", b"", False, datetime.date(1969, 12, 31), datetime.datetime(1969, 12, 31, 23), [2, 1], (1, None)),
            (3, 0.0, 0.0, Decimal("0.00"), Decimal("0.0"), "é", b"\xff\xfe", None, None, None, [], None),
            (4, float("nan"), float("nan"), None, None, None, None, True, datetime.date(2024, 1, 1), datetime.datetime(2024, 1, 1, 1), None, (2, "b")),
            (5, float("inf"), float("-inf"), Decimal("999.99"), Decimal("99999999999999999999999999999999999.9"), "a", b"a", False, datetime.date(1, 1, 1), datetime.datetime(9999, 12, 31), [None], (1, "a")),
        ],
        "i int, d double, f float, dec decimal(5,2), big decimal(38,1), s string, b binary, bo boolean, dt date, ts timestamp, a array<int>, st struct<x:int,y:string>",
    )
    return df.agg(*[F.approx_count_distinct(c) for c in df.columns])


@case
def nan_and_negative_zero(spark):
    df = spark.createDataFrame([(float("nan"),), (float("nan"),), (0.0,), (-0.0,), (None,)], "d double")
    return df.agg(F.approx_count_distinct("d"), F.approx_count_distinct(F.col("d").cast("float")).alias("f"))


@case
def grouped(spark):
    return spark.range(30000).groupBy((F.col("id") % 7).alias("g")).agg(F.approx_count_distinct("id").alias("n"), F.approx_count_distinct(F.col("id") % 100).alias("m")).orderBy("g")


@case
def nulls_and_empty(spark):
    df = spark.createDataFrame([(None,), (None,)], "x int")
    empty = spark.createDataFrame([], "x int")
    return df.agg(F.approx_count_distinct("x").alias("nulls")).crossJoin(empty.agg(F.approx_count_distinct("x").alias("empty")))


@case
def rsd_too_large(spark):
    return spark.range(10).agg(F.approx_count_distinct("id", 0.5))


@case
def sql_form(spark):
    spark.range(5000).createOrReplaceTempView("acd_ids")
    return spark.sql("SELECT approx_count_distinct(id), approx_count_distinct(id, 0.1), approx_count_distinct(id % 10) FROM acd_ids")


@case
def select_expr_with_filter(spark):
    return spark.range(5000).selectExpr("approx_count_distinct(id) FILTER (WHERE id % 2 = 0) AS even", "approx_count_distinct(id, 0.02D) AS r")
