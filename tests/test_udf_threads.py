"""Python UDFs inside multi-threaded plans: Polars' worker threads take the GIL only
for the call, and every action runs with the GIL released, so joins, group-bys and
several UDF columns at once finish on both engines (a deadlock would hang here)."""

import threading

import pandas as pd
import pytest

from pyrust.errors import PySparkNotImplementedError, PythonException
from pyrust.sql import SparkSession, functions as F
from pyrust.sql.functions import pandas_udf, udf
from pyrust.sql.types import LongType

N = 200_000


@pytest.fixture(scope="module", params=["streaming", "in-memory"])
def spark(request):
    session = SparkSession.builder.getOrCreate()
    session.conf.set("pyrust.engine", request.param)
    yield session
    session.conf.unset("pyrust.engine")


@udf(LongType())
def double_it(x):
    return None if x is None else x * 2


@udf(LongType())
def bucket(x):
    return x % 7


@pandas_udf(LongType())
def plus_one(s: pd.Series) -> pd.Series:
    return s + 1


def test_several_udf_columns_over_many_batches(spark):
    df = spark.range(N).select(double_it("id").alias("a"), plus_one("id").alias("b"), bucket("id").alias("c"))
    row = df.agg(F.sum("a"), F.sum("b"), F.max("c")).collect()[0]
    assert tuple(row) == (N * (N - 1), N * (N - 1) // 2 + N, 6)


def test_udf_in_join_and_group_by(spark):
    left = spark.range(N).withColumn("k", bucket("id"))
    right = spark.range(7).select(F.col("id").alias("k"), double_it("id").alias("v"))
    joined = left.join(right, "k").groupBy(bucket("v")).agg(F.count("*").alias("n"))
    assert sum(r.n for r in joined.collect()) == N


def test_udf_in_join_condition(spark):
    left = spark.range(1000)
    right = spark.range(2000).select(F.col("id").alias("r"))
    assert left.join(right, double_it(left.id) == right.r).count() == 1000


def test_actions_from_several_python_threads(spark):
    results, errors = [], []

    def work():
        try:
            results.append(spark.range(50_000).select(F.sum(double_it("id"))).collect()[0][0])
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors
    assert results == [50_000 * 49_999] * 4


def test_exception_reaches_the_caller_as_python_exception(spark):
    fails = udf(lambda x: 1 // 0, LongType())
    with pytest.raises(PythonException) as e:
        spark.range(10).select(fails("id")).collect()
    assert "ZeroDivisionError" in str(e.value)
    assert "Traceback (most recent call last)" in str(e.value)


def test_java_functions_are_refused(spark):
    with pytest.raises(PySparkNotImplementedError):
        spark.udf.registerJavaFunction("f", "org.example.F")
