"""Writes stream (Parquet through Polars' sink, CSV/JSON/text a batch at a time): what
the goldens cannot show. A write of file input larger than one streaming morsel,
partitioned and cut by maxRecordsPerFile, reads back whole; a row error in the middle of
a large streamed write leaves nothing; NULL and '' keys share one file, -0.0 and 0.0 do
not."""

import os
import time

import pytest

from pyrust.sql import SparkSession, functions as F


@pytest.fixture(scope="module")
def spark():
    return SparkSession.builder.getOrCreate()


def _files(root):
    return sorted(os.path.relpath(os.path.join(d, f), root) for d, _, fs in os.walk(root) for f in fs)


def test_large_file_input_partitioned_and_cut(spark, tmp_path):
    src, out = str(tmp_path / "src"), str(tmp_path / "out")
    spark.range(500_000).selectExpr("id", "id % 3 AS k", "CAST(id AS STRING) AS s").write.parquet(src)
    spark.read.parquet(src).write.partitionBy("k").option("maxRecordsPerFile", 100_000).parquet(out)
    files = _files(out)
    assert files[0] == "_SUCCESS"
    by_dir = {}
    for f in files[1:]:
        d, name = f.split("/")
        assert name.startswith("part-00000-") and name.endswith(".snappy.parquet")
        by_dir.setdefault(d, []).append(name[-len("c000.snappy.parquet"):])
    assert sorted(by_dir) == ["k=0", "k=1", "k=2"]
    for names in by_dir.values():  # 166,667 rows a directory: two files, counted per directory
        assert sorted(names) == ["c000.snappy.parquet", "c001.snappy.parquet"]
    back = spark.read.parquet(out)
    row = back.agg(F.count("*"), F.sum("id"), F.countDistinct("s")).collect()[0]
    assert tuple(row) == (500_000, sum(range(500_000)), 500_000)
    assert back.where("k = 1 AND id % 3 != 1").count() == 0


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_large_text_writes_stream_partitioned_and_cut(spark, tmp_path, fmt):
    src, out = str(tmp_path / "src"), str(tmp_path / "out")
    spark.range(500_000).selectExpr("id", "id % 3 AS k", "CAST(id AS STRING) AS s").write.parquet(src)
    header = {"header": True} if fmt == "csv" else {}
    spark.read.parquet(src).write.partitionBy("k").option("maxRecordsPerFile", 100_000).options(**header).format(fmt).save(out)
    files = _files(out)
    assert files[0] == "_SUCCESS"
    by_dir = {}
    for f in files[1:]:
        d, name = f.split("/")
        assert name.startswith("part-00000-") and name.endswith(f".{fmt}")
        by_dir.setdefault(d, []).append(name[-len(f"c000.{fmt}"):])
        with open(os.path.join(out, f)) as fh:
            lines = fh.read().splitlines()
        if fmt == "csv":  # every file starts with the header
            assert lines[0] == "id,s"
        assert len(lines) - (fmt == "csv") <= 100_000
    assert sorted(by_dir) == ["k=0", "k=1", "k=2"]
    for names in by_dir.values():  # 166,667 rows a directory: two files, counted per directory
        assert sorted(names) == [f"c000.{fmt}", f"c001.{fmt}"]
    reader = spark.read.schema("id bigint, s string, k int").options(**header).format(fmt)
    back = reader.load(out)
    row = back.agg(F.count("*"), F.sum("id"), F.countDistinct("s")).collect()[0]
    assert tuple(row) == (500_000, sum(range(500_000)), 500_000)
    assert back.where("k = 1 AND id % 3 != 1").count() == 0
    ordered = [r.id for r in reader.load(out + "/k=0").collect()]
    assert ordered == sorted(ordered)  # rows keep their order across batches and files


@pytest.mark.parametrize("fmt", ["csv", "json", "text"])
def test_row_error_in_a_large_streamed_text_write_leaves_nothing(spark, tmp_path, fmt):
    src, out = str(tmp_path / "src"), str(tmp_path / "out")
    spark.range(300_000).write.parquet(src)
    df = spark.read.parquet(src).selectExpr("CAST(CAST(CASE WHEN id = 250000 THEN 'x' ELSE '1' END AS INT) AS STRING) AS v", "id % 2 AS k")
    with pytest.raises(Exception) as e:
        df.write.partitionBy("k").format(fmt).save(out)
    assert "CAST_INVALID_INPUT" in str(e.value)
    assert os.listdir(tmp_path) == ["src"]  # no target, no staging directory


def test_row_error_in_a_large_streamed_write_leaves_nothing(spark, tmp_path):
    src, out = str(tmp_path / "src"), str(tmp_path / "out")
    spark.range(300_000).write.parquet(src)
    df = spark.read.parquet(src).selectExpr("id", "CAST(CASE WHEN id = 250000 THEN 'x' ELSE '1' END AS INT) AS v", "id % 2 AS k")
    with pytest.raises(Exception) as e:
        df.write.partitionBy("k").parquet(out)
    assert "CAST_INVALID_INPUT" in str(e.value)
    assert os.listdir(tmp_path) == ["src"]  # no target, no staging directory


def test_keys_grouped_as_spark_groups_directories(spark, tmp_path):
    out = str(tmp_path / "out")
    df = spark.createDataFrame([(1, "", 0.0), (2, None, -0.0), (3, "", 0.0), (4, None, -0.0)], "id int, s string, f double")
    df.write.partitionBy("s", "f").parquet(out)
    dirs = sorted(os.path.dirname(f) for f in _files(out) if f != "_SUCCESS")
    assert dirs == ["s=__HIVE_DEFAULT_PARTITION__/f=-0.0", "s=__HIVE_DEFAULT_PARTITION__/f=0.0"]
    back = spark.read.parquet(out).orderBy("id").collect()
    assert [(r.id, r.s, str(r.f)) for r in back] == [(1, None, "0.0"), (2, None, "-0.0"), (3, None, "0.0"), (4, None, "-0.0")]


def test_decompressed_copies_go_at_exit(tmp_path):
    """A gzipped CSV is read through a copy in the process' scratch directory
    ($TMPDIR/pyrust-scratch-<pid>, io::scratch): the interpreter removes it at exit, and
    a later process removes those of killed ones."""
    import gzip
    import subprocess
    import sys

    data = tmp_path / "a.csv.gz"
    with gzip.open(data, "wt") as f:
        f.write("x,y\n1,2\n3,4\n")
    env = dict(os.environ, TMPDIR=str(tmp_path / "tmp"))
    root = env["TMPDIR"]
    os.makedirs(root)
    code = ("import os, sys; from pyrust.sql import SparkSession; s = SparkSession.builder.getOrCreate(); "
            f"print(s.read.csv({str(data)!r}, header=True).count()); "
            f"print(os.listdir({root!r}) == ['pyrust-scratch-' + str(os.getpid())]); sys.stdout.flush(); {{}}")
    out = subprocess.run([sys.executable, "-c", code.format("")], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["2", "True"]
    assert os.listdir(root) == []
    # A killed process leaves its copies; the next one to need a scratch directory
    # removes them (once the dead process' lock file is a few seconds old).
    killed = subprocess.run([sys.executable, "-c", code.format("os._exit(0)")], env=env, capture_output=True, text=True)
    assert killed.stdout.split() == ["2", "True"] and len(os.listdir(root)) == 1
    left = os.path.join(root, os.listdir(root)[0], ".lock")
    old = time.time() - 60
    os.utime(left, (old, old))
    subprocess.run([sys.executable, "-c", code.format("")], env=env, capture_output=True, text=True, check=True)
    assert os.listdir(root) == []
