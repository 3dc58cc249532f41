"""The Spark schema in Parquet footers (`org.apache.spark.sql.parquet.row.metadata`,
beside `org.apache.spark.version`), as Spark's ParquetWriteSupport writes it: column
metadata (top-level and nested) and nullability travel with the file, and a reader
takes them back (Spark's ParquetFileFormat.readSchemaFromFooter; the columns come back
nullable). Files under fixtures/parquet_writers were written by PyRust and by PySpark
(`make_files.py` there), so each side reads the other's."""

import json
import os

import pyarrow.parquet as pq
from harness import case
from pyspark.sql import functions as F
from pyspark.sql import types as T

from cases._write_helpers import fresh_path

WRITERS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "parquet_writers")


def _df(spark):
    inner = T.StructType([T.StructField("a", T.IntegerType(), True, {"ia": 1}), T.StructField("b", T.StringType(), True)])
    schema = T.StructType(
        [
            T.StructField("s", inner, False, {"top": "s"}),
            T.StructField("x", T.IntegerType(), False, {"xm": True, "l": [1, 2]}),
            T.StructField("arr", T.ArrayType(inner), True),
            T.StructField("ts", T.TimestampNTZType(), True),
            T.StructField("t", T.ByteType(), True, {"comment": "tiny"}),
        ]
    )
    import datetime

    return spark.createDataFrame([((1, "u"), 5, [(2, "v")], datetime.datetime(2020, 1, 2, 3, 4, 5), 7)], schema)


def _footer(path):
    files = sorted(f for f in os.listdir(path) if f.endswith(".parquet"))
    kv = pq.read_metadata(os.path.join(path, files[0])).metadata or {}
    return {k.decode(): (json.loads(v) if k.endswith(b"row.metadata") else v.decode()) for k, v in kv.items() if k.startswith(b"org.apache.spark")}


@case
def footer_carries_the_spark_schema(spark):
    p = fresh_path()
    _df(spark).write.parquet(p)
    return json.dumps(_footer(p), sort_keys=True)


@case
def footer_of_a_partitioned_write(spark):
    p = fresh_path()
    _df(spark).withColumn("k", F.lit("a")).write.partitionBy("k").parquet(os.path.join(p))
    return json.dumps(_footer(os.path.join(p, "k=a")), sort_keys=True)


@case
def footer_of_an_empty_write(spark):
    p = fresh_path()
    _df(spark).limit(0).select("x", F.col("s").alias("renamed", metadata={"r": 1})).write.parquet(p)
    return json.dumps(_footer(p), sort_keys=True)


@case
def read_back_keeps_metadata(spark):
    p = fresh_path()
    _df(spark).write.parquet(p)
    back = spark.read.parquet(p)
    return [back.schema.json(), back.collect()]


@case
def read_back_of_expressions_and_aliases(spark):
    p = fresh_path()
    df = _df(spark)
    df.select((F.col("x") + 1).alias("y"), F.col("x").alias("z", metadata={"z": 0}), "s.a").write.parquet(p)
    return spark.read.parquet(p).schema.json()


@case
def read_a_file_pyrust_wrote(spark):
    df = spark.read.parquet(os.path.join(WRITERS, "pyrust"))
    return [df.schema.json(), df.collect()]


@case
def read_a_file_pyspark_wrote(spark):
    df = spark.read.parquet(os.path.join(WRITERS, "pyspark"))
    return [df.schema.json(), df.collect()]


@case
def read_with_a_given_schema_ignores_the_footer(spark):
    df = spark.read.schema("x int, t tinyint").parquet(os.path.join(WRITERS, "pyspark"))
    return [df.schema.json(), df.collect()]
