"""Spark's dynamic partition overwrite (`spark.sql.sources.partitionOverwriteMode` or the
writer's `partitionOverwriteMode` option): an overwrite of a partitioned write replaces
only the partitions it writes; the others stay. Static mode (the default) and
unpartitioned writes replace the whole target."""

from harness import case

from cases._write_helpers import fresh_path, observe

_DYNAMIC = {"spark.sql.sources.partitionOverwriteMode": "dynamic"}


def _first(spark, p, fmt="parquet"):
    spark.createDataFrame([(1, "a", 1), (2, "b", 1), (3, "c", 2)], "id int, s string, k int") \
        .write.partitionBy("k").format(fmt).save(p)


def _second(spark):
    return spark.createDataFrame([(10, "x", 2), (11, "y", 3)], "id int, s string, k int")


@case(conf=_DYNAMIC)
def dynamic_keeps_partitions_not_written(spark):
    p = fresh_path()
    _first(spark, p)
    _second(spark).write.mode("overwrite").partitionBy("k").parquet(p)
    return observe(spark, p, "parquet", text=False)


@case
def static_replaces_everything(spark):
    p = fresh_path()
    _first(spark, p)
    _second(spark).write.mode("overwrite").partitionBy("k").parquet(p)
    return observe(spark, p, "parquet", text=False)


@case
def option_dynamic_over_the_static_session(spark):
    p = fresh_path()
    _first(spark, p)
    _second(spark).write.mode("overwrite").option("partitionOverwriteMode", "dynamic").partitionBy("k").parquet(p)
    return observe(spark, p, "parquet", text=False)


@case(conf=_DYNAMIC)
def option_static_over_the_dynamic_session(spark):
    p = fresh_path()
    _first(spark, p)
    _second(spark).write.mode("overwrite").option("partitionOverwriteMode", "STATIC").partitionBy("k").parquet(p)
    return observe(spark, p, "parquet", text=False)


@case(conf=_DYNAMIC)
def dynamic_unpartitioned_replaces_everything(spark):
    p = fresh_path()
    _first(spark, p)
    _second(spark).write.mode("overwrite").parquet(p)
    return observe(spark, p, "parquet", text=False)


@case(conf=_DYNAMIC)
def dynamic_two_partition_columns(spark):
    p = fresh_path()
    df = spark.createDataFrame([(1, "a", 1), (2, "b", 1), (3, "a", 2)], "id int, s string, k int")
    df.write.partitionBy("k", "s").parquet(p)
    spark.createDataFrame([(9, "a", 1), (8, "c", 2)], "id int, s string, k int").write.mode("overwrite").partitionBy("k", "s").parquet(p)
    return observe(spark, p, "parquet", text=False)


@case(conf=_DYNAMIC)
def dynamic_null_key_partition(spark):
    p = fresh_path()
    spark.createDataFrame([(1, None), (2, 5)], "id int, k int").write.partitionBy("k").parquet(p)
    spark.createDataFrame([(3, None)], "id int, k int").write.mode("overwrite").partitionBy("k").parquet(p)
    return observe(spark, p, "parquet", text=False)


@case(conf=_DYNAMIC)
def dynamic_empty_input_changes_nothing(spark):
    p = fresh_path()
    _first(spark, p)
    _second(spark).where("id < 0").write.mode("overwrite").partitionBy("k").parquet(p)
    return observe(spark, p, "parquet", text=False)


@case(conf=_DYNAMIC)
def dynamic_csv(spark):
    p = fresh_path()
    _first(spark, p, "csv")
    _second(spark).write.mode("overwrite").partitionBy("k").csv(p)
    return observe(spark, p, "csv")


@case(conf=_DYNAMIC)
def dynamic_append_is_an_append(spark):
    p = fresh_path()
    _first(spark, p)
    _second(spark).write.mode("append").partitionBy("k").parquet(p)
    return observe(spark, p, "parquet", text=False)
