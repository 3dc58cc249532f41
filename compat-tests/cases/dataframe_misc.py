"""count() without computing columns, cache/persist/unpersist/storageLevel, and the
small DataFrame methods (isLocal, inputFiles, checkpoints, ...)."""

from harness import case
from pyspark.sql import functions as F
from pyspark.storagelevel import StorageLevel


def _df(spark):
    return spark.createDataFrame([(1, 0, "a"), (2, 1, None), (None, 2, "c"), (4, None, "")], "a int, b int, s string")


@case
def count_skips_a_failing_projection(spark):
    # Spark prunes the projection: the ANSI division by zero is never evaluated.
    return _df(spark).select((F.col("a") / F.col("b")).alias("x")).count()


@case
def count_failing_projection_collected(spark):
    return _df(spark).select((F.col("a") / F.col("b")).alias("x"))


@case
def count_after_filter(spark):
    return _df(spark).filter("a > 1").count()


@case
def count_after_generator(spark):
    return _df(spark).select(F.explode(F.array("a", "b"))).count()


@case
def count_after_outer_generator(spark):
    return _df(spark).select(F.explode_outer(F.split("s", ""))).count()


@case
def count_after_join(spark):
    d = _df(spark)
    return d.alias("l").join(d.alias("r"), F.col("l.b") <= F.col("r.b")).count()


@case
def count_no_columns(spark):
    return _df(spark).select().count()


@case
def count_empty(spark):
    return _df(spark).filter("false").count()


@case
def count_after_aggregate(spark):
    return _df(spark).groupBy("s").count().count()


@case
def count_after_distinct_and_limit(spark):
    return _df(spark).union(_df(spark)).distinct().limit(3).count()


@case
def cache_returns_itself(spark):
    d = _df(spark)
    c = d.cache()
    return [c is d, d.is_cached, repr(d.storageLevel), d.count()]


@case
def cache_rows(spark):
    d = _df(spark).withColumn("c", F.col("a") * 2)
    d.cache()
    d.count()
    return d.filter("c > 2")


@case
def persist_default_level(spark):
    d = _df(spark).persist()
    return [d.is_cached, repr(d.storageLevel), str(d.storageLevel)]


@case
def persist_disk_only(spark):
    d = _df(spark).persist(StorageLevel.DISK_ONLY)
    return [d.is_cached, repr(d.storageLevel)]


@case
def unpersist_resets(spark):
    d = _df(spark).cache()
    d.count()
    d.unpersist()
    return [d.is_cached, repr(d.storageLevel), d.count()]


@case
def storage_level_not_cached(spark):
    return [_df(spark).is_cached, repr(_df(spark).storageLevel)]


@case
def cache_twice_keeps_level(spark):
    d = _df(spark).persist(StorageLevel.MEMORY_ONLY)
    d.cache()
    return repr(d.storageLevel)


@case
def cached_frame_joined_with_itself(spark):
    d = _df(spark).cache()
    return d.alias("x").join(d.alias("y"), "a").orderBy("a")


@case
def local_checkpoint_rows(spark):
    return _df(spark).withColumn("c", F.col("a") + 1).localCheckpoint().orderBy("a")


@case
def local_checkpoint_lazy(spark):
    return _df(spark).localCheckpoint(eager=False).filter("a is not null").orderBy("a")


@case
def is_local(spark):
    return [_df(spark).isLocal(), spark.range(3).isLocal(), spark.sql("select 1").isLocal()]


@case(ordered=False)
def repartition_by_range_rows(spark):
    return _df(spark).repartitionByRange(3, "a")


@case
def repartition_by_range_columns_only(spark):
    return _df(spark).repartitionByRange("a", F.col("s").desc())


@case
def repartition_by_range_no_columns(spark):
    return _df(spark).repartitionByRange(3)


@case
def repartition_by_range_zero(spark):
    return _df(spark).repartitionByRange(0, "a")


@case
def repartition_by_range_float(spark):
    return _df(spark).repartitionByRange(1.5, "a")


@case
def repartition_by_range_unknown_column(spark):
    return _df(spark).repartitionByRange(2, "nope")


@case
def foreach_returns_none(spark):
    return _df(spark).foreach(lambda r: None)


@case
def foreach_partition_returns_none(spark):
    return _df(spark).foreachPartition(lambda rows: None)
