"""Compressed text files: df.write with `compression` (gzip, deflate; CSV's `codec`
alias; Spark's error for an unknown codec) — the files' names, their decompressed
lines and the data read back — and spark.read of .gz/.deflate files by extension."""

import gzip
import os
import zlib

from harness import case

from cases._json_helpers import json_dir
from cases._write_helpers import fresh_path, listing, read_back


def _plain(path: str) -> bytes:
    with open(path, "rb") as f:
        data = f.read()
    if path.endswith(".gz"):
        return gzip.decompress(data)
    if path.endswith(".deflate"):
        return zlib.decompress(data)
    return data


def _observe(spark, path: str, fmt: str):
    lines = []
    for root, dirs, files in os.walk(path):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in files:
            if not f.startswith((".", "_")):
                lines.extend(_plain(os.path.join(root, f)).decode("utf-8").split("\n"))
    return {"files": listing(path), "lines": sorted(lines), "read": read_back(spark.read.format(fmt).load(path))}


def _df(spark):
    return spark.createDataFrame([(1, "a", "x"), (2, "b,c", "y"), (3, None, "x")], "id int, s string, k string")


@case
def csv_gzip(spark):
    p = fresh_path()
    _df(spark).coalesce(1).write.option("compression", "gzip").csv(p)
    return _observe(spark, p, "csv")


@case
def csv_deflate(spark):
    p = fresh_path()
    _df(spark).coalesce(1).write.csv(p, compression="deflate")
    return _observe(spark, p, "csv")


@case
def csv_codec_alias(spark):
    p = fresh_path()
    _df(spark).coalesce(1).write.option("codec", "GZIP").csv(p)
    return _observe(spark, p, "csv")


@case
def csv_none_and_uncompressed(spark):
    p, q = fresh_path(), fresh_path()
    _df(spark).coalesce(1).write.option("compression", "none").csv(p)
    _df(spark).coalesce(1).write.option("compression", "uncompressed").csv(q)
    return {"none": _observe(spark, p, "csv"), "uncompressed": _observe(spark, q, "csv")}


@case
def csv_gzip_header_partitioned(spark):
    p = fresh_path()
    _df(spark).coalesce(1).write.partitionBy("k").option("header", True).option("compression", "gzip").csv(p)
    out = _observe(spark, p, "csv")
    out["read"] = read_back(spark.read.csv(p, header=True, inferSchema=True))
    return out


@case
def csv_unknown_codec(spark):
    _df(spark).write.option("compression", "nosuch").csv(fresh_path())


@case
def csv_zstd_codec(spark):
    _df(spark).write.option("compression", "zstd").csv(fresh_path())


@case
def json_gzip(spark):
    p = fresh_path()
    _df(spark).coalesce(1).write.json(p, compression="gzip")
    return _observe(spark, p, "json")


@case
def json_deflate(spark):
    p = fresh_path()
    _df(spark).coalesce(1).write.format("json").option("compression", "deflate").save(p)
    return _observe(spark, p, "json")


@case
def json_codec_option_is_not_read(spark):
    p = fresh_path()
    _df(spark).coalesce(1).write.format("json").option("codec", "gzip").save(p)
    return _observe(spark, p, "json")


@case
def json_unknown_codec(spark):
    _df(spark).write.json(fresh_path(), compression="brotli")


@case
def text_gzip(spark):
    p = fresh_path()
    _df(spark).select("s").coalesce(1).write.text(p, compression="gzip")
    return _observe(spark, p, "text")


@case
def text_deflate_line_sep(spark):
    p = fresh_path()
    _df(spark).select("k").coalesce(1).write.text(p, compression="deflate", lineSep="|")
    out = _observe(spark, p, "text")
    out["read"] = read_back(spark.read.text(p, lineSep="|"))
    return out


def _compressed_tree():
    d = json_dir({})
    with gzip.open(os.path.join(d, "a.csv.gz"), "wt") as f:
        f.write("x,y\n1,2\n")
    with open(os.path.join(d, "b.csv.deflate"), "wb") as f:
        f.write(zlib.compress(b"x,y\n3,4\n"))
    with open(os.path.join(d, "c.csv"), "w") as f:
        f.write("x,y\n5,6\n")
    return d


@case(ordered=False)
def read_csv_compressed_by_extension(spark):
    return spark.read.csv(_compressed_tree(), header=True, inferSchema=True)


@case
def read_gz_named_file(spark):
    d = json_dir({})
    with gzip.open(os.path.join(d, "a.gz"), "wt") as f:
        f.write("x,y\n1,2\n")
    return spark.read.csv(os.path.join(d, "a.gz"), header=True)


@case
def read_json_gzip(spark):
    d = json_dir({})
    with gzip.open(os.path.join(d, "a.json.gz"), "wt") as f:
        f.write('{"a": 1}\n{"a": 2, "b": "x"}\nbad\n')
    return spark.read.json(d).orderBy("a")


@case
def read_json_multiline_gzip(spark):
    d = json_dir({})
    with gzip.open(os.path.join(d, "a.json.gz"), "wt") as f:
        f.write('[{"a": 1},\n {"a": 2}]')
    return spark.read.json(d, multiLine=True).orderBy("a")


@case
def read_text_gzip_and_deflate(spark):
    d = json_dir({})
    with gzip.open(os.path.join(d, "a.txt.gz"), "wt") as f:
        f.write("one\ntwo\n")
    with open(os.path.join(d, "b.deflate"), "wb") as f:
        f.write(zlib.compress(b"three\r\nfour"))
    return spark.read.text(d).orderBy("value")


@case
def read_text_wholetext_gzip(spark):
    d = json_dir({})
    with gzip.open(os.path.join(d, "a.txt.gz"), "wt") as f:
        f.write("one\ntwo\n")
    return spark.read.text(d, wholetext=True)


@case
def read_text_line_sep(spark):
    d = json_dir({"a.txt": "a|b||c|"})
    return spark.read.text(d, lineSep="|")


@case(ordered=False)
def read_csv_gzip_partitioned(spark):
    d = json_dir({})
    for k, body in (("1", "x\n1\n"), ("2", "x\n2\n")):
        os.makedirs(os.path.join(d, f"k={k}"))
        with gzip.open(os.path.join(d, f"k={k}", "part.csv.gz"), "wt") as f:
            f.write(body)
    return spark.read.csv(d, header=True, inferSchema=True)
