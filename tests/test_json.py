"""What the JSON compat goldens cannot show: a file changed after its schema was
inferred is not read with what inference saw of it."""

import os

import pytest

from pyrust.sql import SparkSession


@pytest.fixture(scope="module")
def spark():
    return SparkSession.builder.getOrCreate()


def test_file_rewritten_after_inference_is_profiled_anew(spark, tmp_path):
    path = tmp_path / "s.json"
    path.write_text('{"s":"abc","n":1}\n{"s":"d","n":2}\n')
    df = spark.read.json(str(path))
    assert df.dtypes == [("n", "bigint"), ("s", "string")]
    assert [tuple(r) for r in df.collect()] == [(1, "abc"), (2, "d")]
    # A number in the string column is its JSON text, a fraction in the bigint one a bad
    # record: what inference saw of the old file must not let Polars read the new one.
    path.write_text('{"s":1.50,"n":3}\n{"s":"e","n":4.0}\n{"s":1e2}\n')
    os.utime(path, ns=(0, 0))
    assert [tuple(r) for r in df.collect()] == [(3, "1.50"), (None, "e"), (None, "1e2")]
