"""Misc functions: monotonically_increasing_id and spark_partition_id on one
partition, typeof of every type, assert_true/raise_error (USER_RAISED_EXCEPTION),
the session's catalog, database, user and Spark version, input_file_name, uuid."""

import datetime
import decimal

from harness import case
from pyspark.sql import functions as F

D = decimal.Decimal


@case
def monotonically_increasing_id_one_partition(spark):
    df = spark.createDataFrame([("a",), ("b",), ("c",)], "s string")
    return df.select("s", F.monotonically_increasing_id(), F.spark_partition_id())


@case
def monotonically_increasing_id_after_filter(spark):
    return spark.range(10).filter("id % 2 = 1").select("id", F.monotonically_increasing_id().alias("mid"))


@case
def row_ids_sql(spark):
    return spark.range(3).selectExpr("monotonically_increasing_id()", "spark_partition_id()")


@case
def typeof_every_type(spark):
    df = spark.createDataFrame(
        [(1, 2, 3, 4, 1.5, 2.5, D("1.25"), "s", b"b", True, datetime.date(2024, 1, 1), datetime.datetime(2024, 1, 1),
          [1], {"k": 1}, (1, "x"))],
        "t tinyint, sm smallint, i int, l bigint, f float, d double, m decimal(5,2), s string, b binary, bo boolean, "
        "dt date, ts timestamp, a array<int>, mp map<string,int>, st struct<x:int,y:string>")
    return df.select(*[F.typeof(c) for c in df.columns])


@case
def typeof_expressions_and_null(spark):
    return spark.range(1).select(F.typeof(F.lit(None)), F.typeof(F.col("id") / 2), F.typeof(F.lit("x")),
                                 F.typeof(F.col("id").cast("decimal(10,3)")))


@case
def typeof_sql(spark):
    return spark.range(1).selectExpr("typeof(1)", "typeof(1L)", "typeof(1.5)", "typeof('a')", "typeof(null)",
                                     "typeof(cast(1 as tinyint))", "typeof(id)")


@case
def assert_true_passes(spark):
    return spark.range(3).select(F.assert_true(F.col("id") < 5).alias("ok"), F.assert_true(F.lit(True), "msg").alias("ok2"))


@case
def assert_true_fails(spark):
    return spark.range(3).select(F.assert_true(F.col("id") < 1).alias("r"))


@case
def assert_true_fails_with_message(spark):
    return spark.range(3).select(F.assert_true(F.col("id") < 1, "boom").alias("r"))


@case
def assert_true_message_name(spark):
    return spark.range(1).select(F.assert_true(F.lit(True), "fine"))


@case
def assert_true_null_condition_fails(spark):
    return spark.range(1).select(F.assert_true(F.lit(None)).alias("r"))


@case
def assert_true_non_boolean_is_refused(spark):
    return spark.range(1).select(F.assert_true(F.col("id")).alias("r"))


@case
def assert_true_message_type_python_error(spark):
    return spark.range(1).select(F.assert_true(F.col("id") < 1, 5))


@case
def assert_true_in_unreached_branch(spark):
    return spark.range(3).select(F.when(F.col("id") > 5, F.assert_true(F.lit(False))).alias("r"))


@case
def raise_error_fails(spark):
    return spark.range(1).select(F.raise_error("custom failure").alias("r"))


@case
def raise_error_from_column(spark):
    return spark.createDataFrame([("bad row",)], "s string").select(F.raise_error(F.col("s")).alias("r"))


@case
def raise_error_only_when_reached(spark):
    df = spark.range(4)
    return df.select("id", F.when(F.col("id") > 10, F.raise_error("never")).otherwise(F.col("id")).alias("r"))


@case
def raise_error_sql(spark):
    return spark.range(1).selectExpr("raise_error('sql failure') AS r")


@case
def raise_error_message_type_python_error(spark):
    return spark.range(1).select(F.raise_error(5))


@case
def raise_error_schema(spark):
    return spark.range(1).select(F.raise_error("x")).schema.simpleString()


@case
def session_values(spark):
    return spark.range(2).select(F.current_catalog(), F.current_database(), F.current_schema(), F.version())


@case
def session_values_sql(spark):
    return spark.range(1).selectExpr("current_catalog()", "current_database()", "current_schema()", "version()")


@case
def current_user_names(spark):
    df = spark.range(1).select(F.current_user(), F.user(), F.session_user())
    row = df.collect()[0]
    return [df.columns, [f.nullable for f in df.schema.fields], row[0] == row[1] == row[2], len(row[0]) > 0]


@case
def input_file_name_of_memory_data(spark):
    return spark.range(2).select(F.input_file_name())


@case
def uuid_format_and_uniqueness(spark):
    import re

    df = spark.range(30).selectExpr("uuid() AS u")
    rows = [r.u for r in df.collect()]
    pattern = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
    return [len(set(rows)), all(pattern.match(u) for u in rows), df.schema.simpleString()]


@case
def uuid_name(spark):
    return spark.range(1).selectExpr("uuid()").columns


@case
def bitmap_positions_and_buckets(spark):
    df = spark.createDataFrame([(1,), (0,), (-1,), (32768,), (32769,), (-32768,), (-32769,), (65536,), (None,),
                                (9223372036854775807,), (-9223372036854775808,)], "v bigint")
    return df.select("v", F.bitmap_bit_position("v"), F.bitmap_bucket_number("v"))


@case
def bitmap_count_bytes(spark):
    df = spark.createDataFrame([(b"\x01\xff",), (b"",), (None,), (b"\x80" * 4096,)], "b binary")
    return df.select(F.bitmap_count("b"))


@case
def bitmap_sql_and_casts(spark):
    return spark.range(2).selectExpr("bitmap_bit_position(id)", "bitmap_bucket_number(id)", "bitmap_count(cast('a' as binary))",
                                     "bitmap_bit_position(2.0)", "bitmap_bucket_number('7')")


@case
def bitmap_count_of_string_is_refused(spark):
    return spark.range(1).selectExpr("bitmap_count('a')")


@case
def bitmap_bit_position_of_boolean_is_refused(spark):
    return spark.range(1).selectExpr("bitmap_bit_position(true)")
