"""Larger inputs than the recorded cases hold, kept small enough for CI: the JSON
reader over many records with malformed ones among them, compressed CSV written and
read back across the codec's buffer boundaries, and a failed compressed write that
leaves nothing behind. Streaming a ≥ 2 GB CSV into partitioned Parquet with bounded
memory is measured by the io bench suite (`make bench SUITES=io`), not here."""

import gzip
import os
import zlib

import pytest

from pyrust.sql import SparkSession, functions as F


@pytest.fixture(scope="module")
def spark():
    return SparkSession.builder.getOrCreate()


def test_json_lines_with_malformed_records(spark, tmp_path):
    n = 30_000
    path = tmp_path / "a.json"
    with open(path, "w") as f:
        for i in range(n):
            f.write('{"id": %d, "s": "v%d", "x": %d.5}\n' % (i, i % 7, i) if i % 1000 else "broken line\n")
    df = spark.read.json(str(path))
    assert df.schema.simpleString() == "struct<_corrupt_record:string,id:bigint,s:string,x:double>"
    good = df.where("_corrupt_record is null").agg(F.count("*"), F.sum("id")).collect()[0]
    expected = sum(range(n)) - sum(range(0, n, 1000))
    assert (good[0], good[1]) == (n - n // 1000, expected)
    assert spark.read.json(str(path), mode="DROPMALFORMED").count() == n - n // 1000


@pytest.mark.parametrize("codec,ext,decompress", [("gzip", ".csv.gz", gzip.decompress), ("deflate", ".csv.deflate", zlib.decompress)])
def test_compressed_csv_round_trip(spark, tmp_path, codec, ext, decompress):
    out = str(tmp_path / "o")
    n = 100_000
    spark.range(n).selectExpr("id", "cast(id % 13 as string) as k").write.option("compression", codec).option("header", True).csv(out)
    parts = [f for f in os.listdir(out) if f.startswith("part-")]
    assert parts and all(f.endswith(ext) for f in parts)
    lines = sum(decompress(open(os.path.join(out, f), "rb").read()).count(b"\n") for f in parts)
    assert lines == n + len(parts)  # one header per file
    back = spark.read.csv(out, header=True, inferSchema=True).agg(F.count("*"), F.sum("id")).collect()[0]
    assert (back[0], back[1]) == (n, n * (n - 1) // 2)


def test_failed_compressed_write_leaves_nothing(spark, tmp_path):
    out = tmp_path / "o"
    failing = spark.range(5).select(F.when(F.col("id") < 4, F.lit("1")).otherwise(F.lit("x")).cast("int").alias("a"))
    with pytest.raises(Exception):
        failing.write.option("compression", "gzip").csv(str(out))
    assert not out.exists()
    assert [p for p in os.listdir(tmp_path) if p != "o"] == []


def test_fuzzed_json_never_crashes(spark, tmp_path):
    import random

    rng = random.Random(7)
    seeds = ['{"a": 1, "b": [1, 2.5, {"c": "x\\u00e9"}], "d": null}', "[{\"a\": 1}, {\"a\": \"y\"}]", "{'q': NaN, r: 007}",
             '{"deep": ' + "[" * 1100 + "]" * 1100 + "}", '{"big": 123456789012345678901234567890123456789012}']
    lines = []
    for _ in range(400):
        s = rng.choice(seeds)
        cut = rng.randrange(len(s) + 1)
        mutated = s[:cut] + rng.choice(["", "\"", "}", "\\", "\x00", "\t", "😀", "\ud800"[:0]]) + s[cut:]
        lines.append(mutated)
    data = "\n".join(lines).encode("utf-8", "surrogatepass") + b"\n\xff\xfe{\"a\": 1}\n"
    path = tmp_path / "f.json"
    path.write_bytes(data)
    for options in ({}, {"mode": "DROPMALFORMED"}, {"allowComments": "true", "allowUnquotedFieldNames": "true"},
                    {"multiLine": "true"}, {"primitivesAsString": "true", "prefersDecimal": "false"}):
        df = spark.read.options(**options).json(str(path))
        if df.columns != ["_corrupt_record"]:
            df.collect()
