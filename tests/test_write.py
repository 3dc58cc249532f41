"""What the write goldens cannot show: a failed write leaves the target as it was
(no partial output, no staging directory), and overwriting the path a DataFrame reads
from is refused before anything is deleted."""

import os
import threading

import pytest

from pyrust.errors import AnalysisException
from pyrust.sql import SparkSession, functions as F


@pytest.fixture(scope="module")
def spark():
    return SparkSession.builder.getOrCreate()


def _failing(spark):
    # An ANSI cast error raised while the rows are computed, i.e. during the write.
    return spark.range(5).select(F.when(F.col("id") < 4, F.lit("1")).otherwise(F.lit("x")).cast("int").alias("a"))


def _snapshot(root):
    return sorted((os.path.relpath(os.path.join(d, f), root), open(os.path.join(d, f), "rb").read())
                  for d, _, files in os.walk(root) for f in files)


@pytest.mark.parametrize("mode", ["errorifexists", "overwrite", "append"])
def test_failed_write_leaves_the_target_untouched(spark, tmp_path, mode):
    target = tmp_path / "out"
    if mode != "errorifexists":
        spark.range(3).write.parquet(str(target))
    before = _snapshot(tmp_path)
    with pytest.raises(Exception) as e:
        _failing(spark).write.mode(mode).parquet(str(target))
    assert "CAST_INVALID_INPUT" in str(e.value)
    assert _snapshot(tmp_path) == before  # no partial files, no staging directory left


def test_overwriting_the_input_is_refused_and_the_input_kept(spark, tmp_path):
    target = str(tmp_path / "data")
    spark.range(3).write.parquet(target)
    df = spark.read.parquet(target).filter("id > 0")
    with pytest.raises(AnalysisException) as e:
        df.write.mode("overwrite").parquet(target)
    assert e.value.getCondition() == "UNSUPPORTED_OVERWRITE.PATH"
    assert sorted(r.id for r in spark.read.parquet(target).collect()) == [0, 1, 2]


def test_concurrent_writes_to_different_paths(spark, tmp_path):
    errors = []

    def write(i):
        try:
            spark.range(i * 10, i * 10 + 5).write.json(str(tmp_path / f"out{i}"))
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for i in range(4):
        assert sorted(r.id for r in spark.read.json(str(tmp_path / f"out{i}")).collect()) == list(range(i * 10, i * 10 + 5))
    assert sorted(os.listdir(tmp_path)) == [f"out{i}" for i in range(4)]


def test_options_are_checked_from_one_table(spark, tmp_path):
    with pytest.raises(Exception, match="NOT_IMPLEMENTED|not implemented"):
        spark.range(1).write.option("nosuch", "1").parquet(str(tmp_path / "a"))
    with pytest.raises(Exception, match="bzip2"):
        spark.range(1).write.csv(str(tmp_path / "b"), compression="bzip2")
    with pytest.raises(Exception, match="CODEC_NOT_AVAILABLE"):
        spark.range(1).write.csv(str(tmp_path / "c"), compression="nosuch")
    for name in "abc":
        assert not os.path.exists(tmp_path / name)
