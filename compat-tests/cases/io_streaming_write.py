"""Parquet writes run through Polars' streaming sink: Spark's layout must come out of it
unchanged. Partition directories from key values of every type (NULL and '' sharing
__HIVE_DEFAULT_PARTITION__, -0.0 and NaN, escaped characters, timestamps in the session
time zone), several partition columns, maxRecordsPerFile with and without partitions,
empty inputs, inputs that are themselves files and larger than one streaming morsel."""

import datetime
import decimal

from harness import case

from cases._write_helpers import fresh_path, listing, observe, read_back


def _mixed(spark):
    return spark.createDataFrame(
        [(1, "a", 1.5), (2, "", -0.0), (3, None, 0.0), (4, "a/b=c", float("nan")), (5, "é 😀", None), (6, "", 1.5)],
        "id int, k string, f double")


@case
def string_keys_null_and_empty_share_a_directory(spark):
    p = fresh_path()
    _mixed(spark).write.partitionBy("k").parquet(p)
    return observe(spark, p, "parquet", text=False)


@case
def double_keys_negative_zero_nan_null(spark):
    p = fresh_path()
    _mixed(spark).write.partitionBy("f").parquet(p)
    return observe(spark, p, "parquet", text=False)


@case
def two_partition_columns(spark):
    p = fresh_path()
    _mixed(spark).write.partitionBy("k", "f").parquet(p)
    return observe(spark, p, "parquet", text=False)


@case
def partition_columns_in_another_order(spark):
    p = fresh_path()
    _mixed(spark).write.partitionBy("f", "k").parquet(p)
    return observe(spark, p, "parquet", text=False)


@case
def typed_keys(spark):
    p = fresh_path()
    df = spark.createDataFrame(
        [(1, True, datetime.date(2024, 1, 2), datetime.datetime(2024, 1, 2, 3, 4, 5), decimal.Decimal("1.50"), -9223372036854775808),
         (2, False, None, None, None, 9223372036854775807),
         (3, None, datetime.date(1, 1, 1), datetime.datetime(1970, 1, 1), decimal.Decimal("-0.01"), 0)],
        "id int, b boolean, d date, ts timestamp, dec decimal(5,2), l bigint")
    df.write.partitionBy("b", "d", "ts", "dec", "l").parquet(p)
    return observe(spark, p, "parquet", text=False)


@case
def timestamp_data_and_keys_in_another_time_zone(spark):
    spark.conf.set("spark.sql.session.timeZone", "America/Los_Angeles")
    try:
        p = fresh_path()
        df = spark.createDataFrame([(1, datetime.datetime(2024, 3, 10, 1, 30)), (2, datetime.datetime(2024, 7, 1))], "id int, ts timestamp")
        df.withColumn("k", df.ts).write.partitionBy("k").parquet(p)
        return observe(spark, p, "parquet", text=False)
    finally:
        spark.conf.set("spark.sql.session.timeZone", "UTC")


@case
def partitioned_with_max_records_per_file(spark):
    p = fresh_path()
    spark.range(10).selectExpr("id", "id % 3 AS k").write.partitionBy("k").option("maxRecordsPerFile", 2).parquet(p)
    return observe(spark, p, "parquet", text=False)


@case
def max_records_from_the_session_conf(spark):
    spark.conf.set("spark.sql.files.maxRecordsPerFile", "3")
    try:
        p = fresh_path()
        spark.range(7).write.parquet(p)
        return observe(spark, p, "parquet", text=False)
    finally:
        spark.conf.unset("spark.sql.files.maxRecordsPerFile")


@case
def empty_input_unpartitioned(spark):
    p = fresh_path()
    spark.range(0).selectExpr("id", "CAST(id AS STRING) AS s").write.parquet(p)
    return observe(spark, p, "parquet", text=False)


@case
def empty_input_with_max_records(spark):
    p = fresh_path()
    spark.range(0).write.option("maxRecordsPerFile", 2).parquet(p)
    return observe(spark, p, "parquet", text=False)


@case
def empty_input_partitioned(spark):
    p = fresh_path()
    spark.range(0).selectExpr("id", "id AS k").write.partitionBy("k").parquet(p)
    return {"files": listing(p)}


@case
def filtered_to_nothing_partitioned(spark):
    p = fresh_path()
    _mixed(spark).where("id > 100").write.partitionBy("k").parquet(p)
    return {"files": listing(p)}


@case
def file_input_rewritten_partitioned(spark):
    src = fresh_path()
    spark.range(300000).selectExpr("id", "id % 4 AS k", "CAST(id * 2 AS STRING) AS s").write.parquet(src)
    p = fresh_path()
    spark.read.parquet(src).write.partitionBy("k").parquet(p)
    back = spark.read.parquet(p)
    return {
        "files": listing(p),
        "schema": back.schema.simpleString(),
        "counts": read_back(back.groupBy("k").agg({"id": "count", "s": "max"})),
    }


@case
def aggregated_query_partitioned(spark):
    p = fresh_path()
    spark.range(1000).selectExpr("id % 5 AS k", "id").groupBy("k").agg({"id": "sum"}).write.partitionBy("k").parquet(p)
    return observe(spark, p, "parquet", text=False)


@case
def partition_column_names_as_given(spark):
    p = fresh_path()
    _mixed(spark).write.partitionBy("K").parquet(p)
    return observe(spark, p, "parquet", text=False)


@case
def nested_columns_stream(spark):
    p = fresh_path()
    df = spark.createDataFrame([(1, [1, None], ("x", 2.5), b"\x00\xff", "a"), (2, [], None, None, "b")],
                               "id int, arr array<int>, st struct<s:string,d:double>, bin binary, k string")
    df.write.partitionBy("k").parquet(p)
    return observe(spark, p, "parquet", text=False)


@case
def compression_codecs_in_file_names(spark):
    out = {}
    for codec in ["none", "gzip", "zstd", "lz4_raw", "snappy"]:
        p = fresh_path()
        spark.range(3).selectExpr("id", "id % 2 AS k").write.partitionBy("k").option("compression", codec).parquet(p)
        out[codec] = observe(spark, p, "parquet", text=False)
    return out


@case
def append_then_overwrite_partitioned(spark):
    p = fresh_path()
    _mixed(spark).write.partitionBy("k").parquet(p)
    _mixed(spark).where("id < 3").write.mode("append").partitionBy("k").parquet(p)
    appended = observe(spark, p, "parquet", text=False)
    spark.range(2).selectExpr("CAST(id AS INT) AS id", "'z' AS k", "1.0 AS f").write.mode("overwrite").partitionBy("k").parquet(p)
    return {"appended": appended, "overwritten": observe(spark, p, "parquet", text=False)}


@case
def ansi_error_while_streaming(spark):
    # (Spark leaves an empty target directory behind; PyRust leaves nothing: tests/test_write.py)
    p = fresh_path()
    spark.range(10).selectExpr("id", "CAST(CASE WHEN id = 7 THEN 'x' ELSE '1' END AS INT) AS v").write.parquet(p)
    return {"written": listing(p)}
