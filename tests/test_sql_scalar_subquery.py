"""A scalar subquery giving several rows fails as Spark's does when the query runs
(PySpark surfaces it as a Py4JJavaError wrapping SparkException, which a recorded case
cannot compare; PyRust raises SparkRuntimeException with the same condition)."""

import pytest
from pyrust.errors import SparkRuntimeException
from pyrust.sql import SparkSession


@pytest.fixture(scope="module")
def spark():
    return SparkSession.builder.getOrCreate()


def test_several_rows_fail(spark):
    spark.createDataFrame([(1,), (2,)], "a int").createOrReplaceTempView("two_rows")
    with pytest.raises(SparkRuntimeException) as e:
        spark.sql("SELECT a, (SELECT a FROM two_rows) AS s FROM two_rows").collect()
    assert e.value.getCondition() == "SCALAR_SUBQUERY_TOO_MANY_ROWS"
    assert "More than one row returned by a subquery used as an expression" in str(e.value)


def test_one_or_no_row_is_fine(spark):
    spark.createDataFrame([(1,), (2,)], "a int").createOrReplaceTempView("two_rows")
    rows = spark.sql("SELECT a, (SELECT max(a) FROM two_rows) AS s, (SELECT a FROM two_rows WHERE a > 5) AS n FROM two_rows ORDER BY a").collect()
    assert [tuple(r) for r in rows] == [(1, 2, None), (2, 2, None)]
