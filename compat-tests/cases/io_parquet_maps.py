"""Parquet writes of DataFrames holding MAP columns (issue 10): the files Spark lays out
and a read back giving the maps again (PyRust writes these part files with pyarrow,
Polars having no Parquet MAP)."""

from harness import case
from cases._write_helpers import fresh_path, observe


def _maps(spark):
    return spark.createDataFrame(
        [
            ({"a": 1, "b": None}, [{"x": 1.5}], {"s": {1: "one"}}, "p"),
            ({}, [], {"t": {}}, "p"),
            (None, None, None, "q"),
            ({"é🎉": -2147483648}, [None, {"y": -0.0}], {"u": None}, None),
        ],
        "m map<string,int>, am array<map<string,double>>, s struct<inner: map<int,string>>, k string",
    )


@case
def parquet_write_map_columns(spark):
    p = fresh_path()
    _maps(spark).write.parquet(p)
    return observe(spark, p, "parquet", text=False)


@case
def parquet_write_map_columns_partitioned(spark):
    p = fresh_path()
    _maps(spark).write.partitionBy("k").parquet(p)
    return observe(spark, p, "parquet", text=False)


@case
def parquet_write_map_columns_codecs(spark):
    out = {}
    for codec in ("none", "gzip", "zstd", "snappy"):
        p = fresh_path()
        _maps(spark).write.parquet(p, compression=codec)
        out[codec] = observe(spark, p, "parquet", text=False)
    return out


@case
def parquet_write_map_columns_modes(spark):
    p = fresh_path()
    _maps(spark).write.parquet(p)
    _maps(spark).write.mode("append").parquet(p)
    first = observe(spark, p, "parquet", text=False)
    _maps(spark).limit(1).write.mode("overwrite").format("parquet").save(p)
    return {"appended": first, "overwritten": observe(spark, p, "parquet", text=False)}

