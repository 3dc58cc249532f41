"""df.write modes (errorifexists, overwrite, append, ignore), text output, and the
errors of misuse: save modes, partition columns, bucketing, duplicate names."""

import os

from harness import case
from pyspark.sql import functions as F

from cases._write_helpers import fresh_path, listing, observe


def _first(spark):
    return spark.createDataFrame([(1, "a"), (2, "b")], "id int, s string")


def _second(spark):
    return spark.createDataFrame([(3, "c")], "id int, s string")


@case
def mode_default_refuses_existing_path(spark):
    p = fresh_path()
    _first(spark).write.parquet(p)
    _second(spark).write.parquet(p)


@case
def mode_error_through_save(spark):
    p = fresh_path()
    _first(spark).write.format("json").save(p)
    _second(spark).write.format("json").mode("error").save(p)


@case
def mode_errorifexists_on_new_path(spark):
    p = fresh_path()
    _first(spark).write.mode("errorifexists").json(p)
    return observe(spark, p, "json")


@case
def mode_overwrite(spark):
    p = fresh_path()
    _first(spark).write.parquet(p)
    _second(spark).write.mode("overwrite").parquet(p)
    return observe(spark, p, "parquet", text=False)


@case
def mode_overwrite_partitioned(spark):
    p = fresh_path()
    _first(spark).write.partitionBy("s").parquet(p)
    _second(spark).write.mode("overwrite").partitionBy("s").parquet(p)
    return observe(spark, p, "parquet", text=False)


@case
def mode_append(spark):
    p = fresh_path()
    _first(spark).write.csv(p)
    _second(spark).write.mode("append").csv(p)
    out = observe(spark, p, "csv", read=False)
    out["count"] = len(out["files"])
    return out


@case
def mode_append_partitioned(spark):
    p = fresh_path()
    _first(spark).write.partitionBy("s").parquet(p)
    _second(spark).write.mode("append").partitionBy("s").parquet(p)
    _first(spark).write.mode("append").partitionBy("s").parquet(p)
    return {"n": len(listing(p)), "read": observe(spark, p, "parquet", text=False)["read"]}


@case
def mode_append_to_new_path(spark):
    p = fresh_path()
    _first(spark).write.mode("append").json(p)
    return observe(spark, p, "json")


@case
def mode_ignore_keeps_existing(spark):
    p = fresh_path()
    _first(spark).write.json(p)
    _second(spark).write.mode("ignore").json(p)
    return observe(spark, p, "json")


@case
def mode_ignore_on_new_path(spark):
    p = fresh_path()
    _second(spark).write.mode("ignore").json(p)
    return observe(spark, p, "json")


@case
def mode_invalid(spark):
    _first(spark).write.mode("nosuch")


@case
def mode_none_keeps_default(spark):
    p = fresh_path()
    _first(spark).write.mode(None).json(p)
    return os.path.exists(os.path.join(p, "_SUCCESS"))


@case
def text_write_and_read(spark):
    p = fresh_path()
    spark.createDataFrame([("a b",), (" lead",), ('q"uote',), ("",), (None,), ("é😀",)], "s string").write.text(p)
    return observe(spark, p, "text")


@case
def text_write_line_separator(spark):
    p = fresh_path()
    spark.createDataFrame([("a",), ("b",)], "s string").write.text(p, lineSep=";")
    return observe(spark, p, "text", read=False)


@case
def text_read_line_breaks(spark):
    p = fresh_path()
    os.makedirs(p)
    with open(os.path.join(p, "a.txt"), "wb") as f:
        f.write(b"one\r\ntwo\rthree\n\nfour")
    return observe(spark, p, "text", read=True)


@case
def text_read_whole_text(spark):
    p = fresh_path()
    os.makedirs(p)
    with open(os.path.join(p, "a.txt"), "wb") as f:
        f.write(b"one\ntwo\n")
    return spark.read.text(p, wholetext=True)


@case
def text_write_partitioned(spark):
    p = fresh_path()
    spark.createDataFrame([("a", 1), ("b", 2)], "s string, k int").write.partitionBy("k").text(p)
    return observe(spark, p, "text", read=False)


@case
def text_non_string_refused(spark):
    spark.range(2).write.text(fresh_path())


@case
def text_two_columns_refused(spark):
    spark.createDataFrame([("a", "b")], "x string, y string").write.text(fresh_path())


@case
def partition_column_missing(spark):
    _first(spark).write.partitionBy("zz").parquet(fresh_path())


@case
def partition_all_columns(spark):
    _first(spark).select("s").write.partitionBy("s").parquet(fresh_path())


@case
def partition_column_case_insensitive(spark):
    p = fresh_path()
    _first(spark).write.partitionBy("S").parquet(p)
    return listing(p)


@case
def duplicate_columns_refused(spark):
    spark.createDataFrame([(1, 2)], "a int, A int").write.parquet(fresh_path())


@case
def bucket_by_refused(spark):
    _first(spark).write.bucketBy(2, "id").parquet(fresh_path())


@case
def sort_by_without_bucket_by(spark):
    _first(spark).write.sortBy("id").parquet(fresh_path())


@case
def bucket_by_and_sort_by_refused(spark):
    _first(spark).write.bucketBy(2, "id").sortBy("s").parquet(fresh_path())


@case
def bucket_by_not_int(spark):
    _first(spark).write.bucketBy("2", "id")


@case
def save_without_path(spark):
    _first(spark).write.format("json").save()


@case
def save_with_options_and_partition(spark):
    p = fresh_path()
    _first(spark).write.save(p, format="csv", mode="overwrite", partitionBy="s", header=True)
    return observe(spark, p, "csv", read=False)


@case
def write_after_query(spark):
    p = fresh_path()
    df = spark.range(6).withColumn("k", F.col("id") % 2).filter("id > 0")
    df.write.partitionBy("k").parquet(p)
    return observe(spark, p, "parquet", text=False)
