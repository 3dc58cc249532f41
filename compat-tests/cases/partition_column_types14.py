"""Partition columns must be of an atomic type (Spark's `PartitioningUtils.canPartitionOn`):
a NULL literal's VOID is refused as arrays, maps and structs are (parquet_map_tables14),
on every write path."""

from harness import case
from pyspark.sql import functions as F

from cases._tables_helpers import database


def _with_void(spark):
    return spark.range(2).withColumn("n", F.lit(None))


@case
def path_write_partition_by_a_void_column(spark):
    from cases._write_helpers import fresh_path

    _with_void(spark).write.partitionBy("n").parquet(fresh_path())


@case
def csv_write_partition_by_a_void_column(spark):
    from cases._write_helpers import fresh_path

    _with_void(spark).write.partitionBy("n").csv(fresh_path())


@case
def save_as_table_partition_by_a_void_column(spark):
    with database(spark, "pct_v"):
        _with_void(spark).write.partitionBy("n").saveAsTable("pct_v.t")


@case
def ctas_partitioned_by_a_void_column(spark):
    with database(spark, "pct_c"):
        spark.sql("CREATE TABLE pct_c.t USING parquet PARTITIONED BY (n) AS SELECT 1 AS id, NULL AS n")


@case
def partition_by_a_typed_null_column_is_fine(spark):
    from cases._write_helpers import fresh_path

    path = fresh_path()
    spark.range(2).withColumn("n", F.lit(None).cast("string")).write.partitionBy("n").parquet(path)
    return spark.read.parquet(path).orderBy("id")
