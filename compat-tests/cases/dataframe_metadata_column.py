"""DataFrame.metadataColumn and the hidden `_metadata` column of file sources: the
struct Spark gives each row (file_path, file_name, file_size, file_block_start,
file_block_length, file_modification_time; row_index for Parquet), where it resolves
(select, filter, withColumn, through projections and an alias; `*` leaves it out) and
the errors where it does not. Paths are shown relative to the case's directory; files
the engine writes (Parquet) are compared by what does not depend on the writer."""

import datetime
import os
import tempfile

from harness import case
from pyspark.sql import functions as F

_FILES = [("a.csv", "1,x\n2,y\n"), ("b.csv", "3,zz\n")]


def _csv_dir(root):
    for name, text in _FILES:
        with open(os.path.join(root, name), "w") as f:
            f.write(text)
    return root


def _prefix(root):
    return "file:" + os.path.abspath(root).replace(" ", "%20")


def _recent(ts, path):
    """Whether a file_modification_time is the file's (to the millisecond, in local time)."""
    return abs(ts - datetime.datetime.fromtimestamp(os.stat(path).st_mtime)) < datetime.timedelta(milliseconds=1)


@case
def metadata_struct_of_csv_files(spark):
    with tempfile.TemporaryDirectory(prefix="meta data ") as root:
        df = spark.read.csv(_csv_dir(root))
        out = []
        for r in df.select("*", "_metadata").collect():
            m = r["_metadata"]
            out.append((r["_c0"], m.file_path[len(_prefix(root)):], m.file_name, m.file_size, m.file_block_start,
                        m.file_block_length, _recent(m.file_modification_time, os.path.join(root, m.file_name))))
        return sorted(out)


@case
def metadata_column_schema_by_format(spark):
    with tempfile.TemporaryDirectory() as root:
        os.makedirs(os.path.join(root, "c"))
        _csv_dir(os.path.join(root, "c"))
        spark.createDataFrame([(1,)], "n int").write.parquet(os.path.join(root, "p"))
        spark.createDataFrame([(1,)], "n int").write.json(os.path.join(root, "j"))
        frames = {"csv": spark.read.csv(os.path.join(root, "c")), "text": spark.read.text(os.path.join(root, "c")),
                  "json": spark.read.json(os.path.join(root, "j")), "parquet": spark.read.parquet(os.path.join(root, "p"))}
        return {k: [(f.name, f.dataType.simpleString(), f.nullable) for f in df.select(df.metadataColumn("_metadata")).schema.fields]
                for k, df in frames.items()}


@case
def metadata_fields_selected_by_name(spark):
    with tempfile.TemporaryDirectory() as root:
        df = spark.read.csv(_csv_dir(root))
        picked = df.select("_c1", "_metadata.file_name", F.col("_metadata.file_size"), F.col("_metadata").file_block_start)
        return spark.createDataFrame(picked.orderBy("_c1").collect(), picked.schema)


@case
def metadata_in_filter_and_with_column(spark):
    with tempfile.TemporaryDirectory() as root:
        df = spark.read.csv(_csv_dir(root))
        kept = df.where(F.col("_metadata.file_name") == "a.csv").withColumn("len", F.col("_metadata.file_block_length") - 1)
        return spark.createDataFrame(kept.orderBy("_c0").collect(), kept.schema)


@case
def metadata_column_through_a_projection(spark):
    with tempfile.TemporaryDirectory() as root:
        df = spark.read.csv(_csv_dir(root))
        picked = df.select("_c0").select("_c0", df.metadataColumn("_metadata").file_name.alias("f"))
        return spark.createDataFrame(picked.orderBy("_c0").collect(), picked.schema)


@case
def metadata_under_an_alias(spark):
    with tempfile.TemporaryDirectory() as root:
        picked = spark.read.csv(_csv_dir(root)).alias("t").select("t._c0", "t._metadata.file_name")
        return spark.createDataFrame(picked.orderBy("_c0").collect(), picked.schema)


@case
def metadata_is_not_among_the_columns(spark):
    with tempfile.TemporaryDirectory() as root:
        df = spark.read.csv(_csv_dir(root))
        return [df.columns, df.select("*").columns, df.select("*", "_metadata").columns, df.withColumn("x", F.lit(1)).columns]


@case
def metadata_of_json_with_partitions(spark):
    with tempfile.TemporaryDirectory() as root:
        for k, text in [("1", '{"v": 10}\n{"v": 11}\n'), ("2", '{"v": 20}\n')]:
            os.makedirs(os.path.join(root, f"k={k}"))
            with open(os.path.join(root, f"k={k}", "part.json"), "w") as f:
                f.write(text)
        df = spark.read.json(root)
        rows = df.select("k", "v", "_metadata.file_path", "_metadata.file_size", "_metadata.file_block_length").collect()
        return sorted((r.k, r.v, r.file_path[len(_prefix(root)):], r.file_size, r.file_block_length) for r in rows)


@case
def metadata_row_index_of_parquet_files(spark):
    with tempfile.TemporaryDirectory() as root:
        spark.createDataFrame([(1,), (2,), (3,)], "n int").coalesce(1).write.parquet(root, mode="append")
        spark.createDataFrame([(4,), (5,)], "n int").coalesce(1).write.parquet(root, mode="append")
        df = spark.read.parquet(root)
        rows = df.select("n", "_metadata.row_index", "_metadata.file_block_start", (F.col("_metadata.file_block_length") == F.col("_metadata.file_size")).alias("whole"),
                         F.col("_metadata.file_name").endswith(".parquet").alias("named")).collect()
        return sorted(tuple(r) for r in rows)


@case
def metadata_column_of_a_dataframe_without_one(spark):
    return spark.createDataFrame([(1,)], "n int").metadataColumn("_metadata")


@case
def metadata_column_other_name(spark):
    with tempfile.TemporaryDirectory() as root:
        spark.read.csv(_csv_dir(root)).metadataColumn("_c0")


@case
def metadata_column_not_a_string(spark):
    return spark.createDataFrame([(1,)], "n int").metadataColumn(1)


@case
def metadata_select_without_a_file_source(spark):
    return spark.createDataFrame([(1,)], "n int").select("_metadata")


@case
def metadata_select_after_an_aggregation(spark):
    with tempfile.TemporaryDirectory() as root:
        spark.read.csv(_csv_dir(root)).groupBy("_c0").count().select("_metadata")
