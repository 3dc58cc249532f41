"""df.write.json: Spark's JSON Lines text for every type (NULL fields left out unless
ignoreNullFields is false), the layout, and the data read back."""

import datetime
import decimal

from harness import case
from pyspark.sql import functions as F

from cases._write_helpers import fresh_path, observe


@case
def json_strings_and_doubles(spark):
    p = fresh_path()
    df = spark.createDataFrame([(1, "a b", 1.5, None), (2, " lead", float("nan"), "x,y"), (3, 'q"uote', 1e10, ""),
                                (4, "nl\nx\t\u0001", -0.0, "é😀</"), (5, None, float("-inf"), "\\")],
                               "id int, s string, d double, n string")
    df.write.json(p)
    return observe(spark, p, "json", read=False)


def _typed(spark):
    df = spark.createDataFrame(
        [(datetime.date(2024, 1, 2), datetime.datetime(2024, 1, 2, 3, 4, 5, 123456), decimal.Decimal("1.50"), True, 7),
         (None, None, None, None, None)],
        "d date, t timestamp, m decimal(5,2), b boolean, l bigint")
    return (df.withColumn("ntz", F.col("t").cast("timestamp_ntz"))
            .withColumn("bin", F.when(F.col("b"), F.lit(b"ab")))
            .withColumn("arr", F.array(F.lit(1.0), F.lit(None)))
            .withColumn("mp", F.create_map(F.lit("k"), F.lit(None).cast("int")))
            .withColumn("st", F.struct(F.lit(None).cast("string").alias("x"), F.lit(1).alias("y"))))


@case
def json_every_type(spark):
    p = fresh_path()
    _typed(spark).write.json(p)
    return observe(spark, p, "json", read=False)


@case(conf={"spark.sql.session.timeZone": "Asia/Kolkata"})
def json_timestamps_in_session_zone(spark):
    p = fresh_path()
    _typed(spark).write.json(p)
    return observe(spark, p, "json", read=False)


@case
def json_null_fields_kept(spark):
    p = fresh_path()
    _typed(spark).write.json(p, ignoreNullFields=False)
    return observe(spark, p, "json", read=False)


@case
def json_read_back(spark):
    p = fresh_path()
    spark.createDataFrame([(1, "a", 2.5), (2, None, None)], "id bigint, s string, d double").write.json(p)
    return observe(spark, p, "json")


@case
def json_partitioned(spark):
    p = fresh_path()
    spark.createDataFrame([(1, "a", None), (2, "a/b", 1), (3, None, 2)], "id int, k string, g int").write.partitionBy("g", "k").json(p)
    return observe(spark, p, "json", read=False)


@case
def json_empty(spark):
    p = fresh_path()
    spark.range(0).write.json(p)
    return observe(spark, p, "json", read=False)


@case
def json_line_separator(spark):
    p = fresh_path()
    spark.range(3).write.json(p, lineSep="|")
    return observe(spark, p, "json", read=False)
