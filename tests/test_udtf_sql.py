"""The SQL text rewrite that runs Python UDTFs (pyrust.sql.udtf): a registered UDTF's
calls after FROM/JOIN, TABLE arguments with their clauses (LATERAL joins are planned
by the SQL front end); text that only looks like one is left alone. Semantics against PySpark are in the recorded
cases (compat-tests/cases/udtf_*.py)."""

import pytest

from pyrust.sql import SparkSession, functions as F
from pyrust.sql.functions import udtf
from pyrust.sql.udtf import _call_arguments, _expand_table_functions


@pytest.fixture(scope="module")
def spark():
    session = SparkSession.builder.getOrCreate()
    session.createDataFrame([(1, "a"), (2, "b")], "a int, b string").createOrReplaceTempView("udtf_sql_t")
    return session


@udtf(returnType="x int")
class Count:
    def eval(self, n):
        for i in range(n or 0):
            yield i,


def test_call_arguments_split_at_top_level_commas():
    text = "f(1, g(2, 3), 'a,b', TABLE(t) PARTITION BY (k, v))"
    assert _call_arguments(text, 1) == (["1", "g(2, 3)", "'a,b'", "TABLE(t) PARTITION BY (k, v)"], len(text))
    assert _call_arguments("f()", 1) == ([], 3)
    assert _call_arguments("f(1, (2", 1) is None


def test_unregistered_functions_and_lateral_view_are_left_alone(spark):
    udtfs = {"count_rows": Count}
    for query in ["SELECT * FROM range(3)", "SELECT * FROM udtf_sql_t, LATERAL VIEW explode(array(1)) e AS c",
                  "SELECT * FROM udtf_sql_t JOIN LATERAL other(a)", "SELECT 'FROM count_rows(1)'"]:
        assert _expand_table_functions(spark, query, udtfs) == query


def test_calls_become_views(spark):
    rewritten = _expand_table_functions(spark, "SELECT * FROM count_rows(3) WHERE x > 0", {"count_rows": Count})
    assert "count_rows" not in rewritten and rewritten.endswith(" WHERE x > 0")
    # A LATERAL call is the SQL front end's (planned over whatever is on its left): the text stays.
    lateral = "SELECT * FROM udtf_sql_t AS s, LATERAL count_rows(s.a) AS c ORDER BY c.x"
    assert _expand_table_functions(spark, lateral, {"count_rows": Count}) == lateral


def test_lateral_and_table_arguments_run(spark):
    spark.udtf.register("count_rows", Count)
    rows = spark.sql("SELECT a, x FROM udtf_sql_t s CROSS JOIN LATERAL count_rows(s.a) ORDER BY a, x").collect()
    assert [tuple(r) for r in rows] == [(1, 0), (2, 0), (2, 1)]

    @udtf(returnType="n int")
    class Rows:
        def __init__(self):
            self.n = 0

        def eval(self, row):
            self.n += 1

        def terminate(self):
            yield self.n,

    spark.udtf.register("rows_of", Rows)
    out = spark.sql("SELECT * FROM rows_of(TABLE(udtf_sql_t) PARTITION BY a ORDER BY (b DESC NULLS LAST))").collect()
    assert sorted(r.n for r in out) == [1, 1]
    assert Rows(spark.table("udtf_sql_t").asTable().withSinglePartition()).collect()[0].n == 2
    assert F is not None
