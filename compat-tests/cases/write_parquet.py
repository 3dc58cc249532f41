"""df.write.parquet: Spark's file names (codec in the name), partition directories, and
every Spark type read back."""

import datetime
import decimal

from harness import case
from pyspark.sql import functions as F

from cases._write_helpers import fresh_path, observe


def _typed(spark):
    df = spark.createDataFrame(
        [(1, 2, 3, 4, 1.5, 2.5, decimal.Decimal("1.50"), decimal.Decimal("12345678901234567890.123"), "x", b"ab", True,
          datetime.date(2024, 1, 2), datetime.datetime(2024, 1, 2, 3, 4, 5, 123456)),
         (None,) * 13,
         (-128, -32768, -2147483648, -9223372036854775808, float("nan"), float("-inf"), decimal.Decimal("-0.01"),
          decimal.Decimal("0"), "é😀", b"", False, datetime.date(1, 1, 1), datetime.datetime(1970, 1, 1))],
        "b tinyint, s smallint, i int, l bigint, f float, d double, m decimal(5,2), w decimal(38,3), str string, "
        "bin binary, bo boolean, dt date, ts timestamp")
    return df.withColumn("ntz", F.col("ts").cast("timestamp_ntz"))


@case
def parquet_every_type_read_back(spark):
    p = fresh_path()
    _typed(spark).write.parquet(p)
    return observe(spark, p, "parquet", text=False)


@case
def parquet_nested_read_back(spark):
    p = fresh_path()
    df = spark.range(3).select(
        "id", F.array(F.col("id"), F.lit(None)).alias("a"),
        F.struct(F.col("id").alias("x"), F.lit("s").alias("y")).alias("st"),
        F.when(F.col("id") > 0, F.array(F.struct(F.col("id").alias("z")))).alias("as"))
    df.write.parquet(p)
    return observe(spark, p, "parquet", text=False)


@case
def parquet_compression_codecs(spark):
    out = {}
    for codec in ["none", "uncompressed", "snappy", "gzip", "zstd", "lz4_raw"]:
        p = fresh_path()
        spark.range(2).write.parquet(p, compression=codec)
        out[codec] = observe(spark, p, "parquet", text=False)
    return out


@case
def parquet_partitioned_read_back(spark):
    p = fresh_path()
    spark.createDataFrame([(1, "a", None), (2, "a/b=c:d", 1), (3, "", 2), (4, None, 2), (5, "é %#", 3)],
                          "id int, k string, g int").write.partitionBy("k").parquet(p)
    return observe(spark, p, "parquet", text=False)


@case
def parquet_partitioned_by_numbers(spark):
    p = fresh_path()
    spark.createDataFrame([(1, 1.5, float("nan"), 10), (2, -0.0, 1e20, None), (3, 1.5, float("nan"), -3)],
                          "a int, d double, e double, n bigint").write.partitionBy("d", "e", "n").parquet(p)
    return observe(spark, p, "parquet", text=False, read=False)


@case
def parquet_partitioned_by_datetimes(spark):
    p = fresh_path()
    df = spark.createDataFrame([(1, datetime.datetime(2024, 1, 2, 3, 4, 5, 123456), datetime.date(2024, 1, 2),
                                 decimal.Decimal("1.50"), True)], "a int, t timestamp, d date, m decimal(5,2), b boolean")
    df.write.partitionBy("t", "d", "m", "b").parquet(p)
    return observe(spark, p, "parquet", text=False, read=False)


@case
def parquet_partition_by_list(spark):
    p = fresh_path()
    spark.createDataFrame([(1, "x", 1), (2, "y", 1)], "id int, k string, g int").write.parquet(p, partitionBy=["g", "k"])
    return observe(spark, p, "parquet", text=False)


@case
def parquet_empty(spark):
    p = fresh_path()
    spark.range(3).filter("id > 5").write.parquet(p)
    return observe(spark, p, "parquet", text=False)


@case
def parquet_query_result(spark):
    p = fresh_path()
    df = spark.range(10).select((F.col("id") % 3).alias("k"), (F.col("id") * 1.5).alias("v"))
    df.groupBy("k").agg(F.sum("v").alias("s")).write.parquet(p)
    return observe(spark, p, "parquet", text=False)
