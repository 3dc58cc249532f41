"""SQL clauses PyRust cannot plan yet are refused by name, never run with a different
meaning (SORT BY sorts within partitions in Spark; ignoring it would return unsorted rows)."""

import pytest
from pyrust.errors import PySparkNotImplementedError
from pyrust.sql import SparkSession


@pytest.fixture(scope="module")
def spark():
    s = SparkSession.builder.getOrCreate()
    s.createDataFrame([(2,), (1,)], "a int").createOrReplaceTempView("sort_by_t")
    return s


@pytest.mark.parametrize("clause", ["SORT BY a", "CLUSTER BY a", "DISTRIBUTE BY a SORT BY a"])
def test_sort_by_forms_are_refused(spark, clause):
    with pytest.raises(PySparkNotImplementedError, match="SORT BY and CLUSTER BY"):
        spark.sql(f"SELECT a FROM sort_by_t {clause}").collect()


def test_distribute_by_alone_runs(spark):
    assert sorted(r.a for r in spark.sql("SELECT a FROM sort_by_t DISTRIBUTE BY a").collect()) == [1, 2]
