"""ORC read and written (pyarrow.orc under PyRust's readers and writer commit): files
written by real PySpark 4.0.1 under fixtures/orc (`make_files.py` there) read back with
Spark's types, part files, partition directories, given schemas and options."""

import os

from harness import case
from pyspark.sql import functions as F

from cases._write_helpers import fresh_path, observe

ORC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "orc")


def _p(name):
    return os.path.normpath(os.path.join(ORC, name))


@case
def orc_every_type(spark):
    return spark.read.orc(_p("types"))


@case
def orc_every_type_in_another_zone(spark):
    spark.conf.set("spark.sql.session.timeZone", "America/Los_Angeles")
    try:
        df = spark.read.orc(_p("types")).select("ts", "ntz", F.col("ts").cast("string").alias("ts_s"), F.col("ntz").cast("string").alias("ntz_s"))
        return df.collect()
    finally:
        spark.conf.unset("spark.sql.session.timeZone")


@case
def orc_one_file_by_format_load(spark):
    return spark.read.format("orc").load(_p("types/part-00000.orc")).select("i", "s", "m", "st")


@case(ordered=False)
def orc_part_files(spark):
    return spark.read.orc(_p("parts"))


@case(ordered=False)
def orc_list_of_paths(spark):
    return spark.read.orc([_p("parts/part-00000.orc"), _p("parts/part-00001.orc")])


@case(ordered=False)
def orc_varargs_load_list(spark):
    return spark.read.format("orc").load([_p("parts/part-00001.orc"), _p("types/part-00000.orc")]).select("id", "v")


@case(ordered=False)
def orc_partition_directories(spark):
    return spark.read.orc(_p("partitioned"))


@case(ordered=False)
def orc_partition_filter(spark):
    return spark.read.orc(_p("partitioned")).where("k = 1 AND s = 'y z'")


@case(ordered=False)
def orc_given_schema(spark):
    return spark.read.schema("v string, id long, missing int").orc(_p("parts"))


@case(ordered=False)
def orc_given_schema_with_partition(spark):
    return spark.read.schema("id int, k string").orc(_p("partitioned"))


@case(ordered=False)
def orc_path_glob_filter(spark):
    return spark.read.orc(_p("parts"), pathGlobFilter="*00001.orc")


@case(ordered=False)
def orc_recursive_lookup(spark):
    return spark.read.option("recursiveFileLookup", "true").orc(_p("partitioned"))


@case
def orc_sql_over_a_read(spark):
    spark.read.orc(_p("types")).createOrReplaceTempView("orc_types")
    return spark.sql("SELECT i, dec * 2 AS d2, size(arr) AS n, m['k'] AS mk, st.y FROM orc_types ORDER BY i")


@case
def orc_missing_path(spark):
    return spark.read.orc(_p("no_such_dir"))


@case
def orc_no_path(spark):
    return spark.read.format("orc").load()


# Writes: the files (uuid normalised) and what the same engine reads back.

def _typed(spark):
    import datetime
    import decimal

    df = spark.createDataFrame(
        [(1, 2, 3, 4, 1.5, 2.5, decimal.Decimal("1.50"), "x", b"ab", True, datetime.date(2024, 1, 2),
          datetime.datetime(2024, 1, 2, 3, 4, 5, 123456), [1, None], {"a": 1}, (5, "s")),
         (None,) * 15,
         (-128, -32768, -2147483648, -9223372036854775808, float("nan"), float("-inf"), decimal.Decimal("-0.01"),
          "é😀", b"", False, datetime.date(1, 1, 1), datetime.datetime(1970, 1, 1), [], {}, (None, None))],
        "b tinyint, s smallint, i int, l bigint, f float, d double, m decimal(5,2), str string, bin binary, "
        "bo boolean, dt date, ts timestamp, arr array<int>, mp map<string,int>, st struct<x:int,y:string>")
    return df.withColumn("ntz", F.col("ts").cast("timestamp_ntz")).withColumn("nst", F.struct(F.col("ntz").alias("n"), F.col("ts").alias("t")))


@case
def orc_write_every_type(spark):
    p = fresh_path()
    _typed(spark).write.orc(p)
    return observe(spark, p, "orc", text=False)


@case
def orc_write_format_save(spark):
    p = fresh_path()
    spark.range(3).write.format("orc").save(p)
    return observe(spark, p, "orc", text=False)


@case
def orc_write_codecs(spark):
    out = {}
    for codec in ("none", "uncompressed", "snappy", "zlib", "lz4", "zstd", "ZLIB"):
        p = fresh_path()
        spark.range(2).write.orc(p, compression=codec)
        out[codec] = observe(spark, p, "orc", text=False)
    p = fresh_path()
    spark.range(2).write.option("orc.compress", "snappy").orc(p)
    out["orc.compress"] = observe(spark, p, "orc", text=False)
    return out


@case
def orc_write_codec_from_session(spark):
    spark.conf.set("spark.sql.orc.compression.codec", "snappy")
    try:
        p = fresh_path()
        spark.range(2).write.orc(p)
        return observe(spark, p, "orc", text=False)
    finally:
        spark.conf.unset("spark.sql.orc.compression.codec")


@case
def orc_write_unknown_codec(spark):
    spark.range(2).write.orc(fresh_path(), compression="xyz")


@case
def orc_write_partitioned(spark):
    p = fresh_path()
    df = spark.createDataFrame([(1, "a", 10), (2, "b c", 20), (3, None, 10), (4, "a", 20)], "id int, s string, k int")
    df.write.partitionBy("k", "s").orc(p)
    return observe(spark, p, "orc", text=False)


@case
def orc_write_partition_by_keyword(spark):
    p = fresh_path()
    spark.range(4).withColumn("k", F.col("id") % 2).write.orc(p, partitionBy="k", compression="snappy")
    return observe(spark, p, "orc", text=False)


@case
def orc_write_mode_errorifexists(spark):
    p = fresh_path()
    spark.range(2).write.orc(p)
    try:
        spark.range(3).write.orc(p)
    except Exception as e:  # the message names the (temporary) path
        return {"error": type(e).__name__, "condition": e.getCondition(), "files": observe(spark, p, "orc", text=False)}


@case
def orc_write_modes(spark):
    p = fresh_path()
    spark.range(2).write.orc(p)
    out = {"first": observe(spark, p, "orc", text=False)}
    spark.range(5, 7).write.mode("append").orc(p)
    out["append"] = observe(spark, p, "orc", text=False)
    spark.range(10, 11).write.orc(p, mode="ignore")
    out["ignore"] = observe(spark, p, "orc", text=False)
    spark.range(20, 21).write.mode("overwrite").orc(p)
    out["overwrite"] = observe(spark, p, "orc", text=False)
    return out


@case
def orc_write_max_records_per_file(spark):
    p = fresh_path()
    spark.range(5).coalesce(1).write.option("maxRecordsPerFile", 2).orc(p)
    return observe(spark, p, "orc", text=False)

