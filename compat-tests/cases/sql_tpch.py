"""The 22 TPC-H queries in Spark SQL (bench/tpch/sql_queries.py, as Spark's own tpch
query files spell them) over a small seeded TPC-H database with a few NULL keys
(`_tpch_data`). Comma joins with their predicates in WHERE run as equi-joins
(`optimize::join_predicates`); the answers are PySpark's."""

import os
import sys

from harness import case
from pyspark.sql import functions as F

from cases import _tpch_data

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bench"))

from tpch.sql_queries import QUERIES, run  # noqa: E402

_TABLES = {}


def _query(spark, number):
    key = id(spark)
    if key not in _TABLES:
        _TABLES[key] = _tpch_data.tables(spark)
    return run(spark, _TABLES[key], number)


def _register(number):
    def fn(spark):
        return _query(spark, number)

    fn.__name__ = f"q{number:02d}"
    fn.__qualname__ = fn.__name__
    fn.__module__ = __name__
    case(fn)


for _n in sorted(QUERIES):
    _register(_n)


@case(conf={"spark.sql.ansi.enabled": "false"})
def q01_ansi_off(spark):
    return _query(spark, 1)


@case(conf={"spark.sql.ansi.enabled": "false"})
def q14_ansi_off(spark):
    return _query(spark, 14)


@case
def q03_count(spark):
    _query(spark, 3)
    return spark.sql(QUERIES[5]).count()


@case
def comma_join_with_null_keys_drops_them(spark):
    _query(spark, 1)
    return spark.sql(
        "SELECT l_orderkey, l_linenumber, p_partkey FROM lineitem, part WHERE l_partkey = p_partkey AND l_orderkey > 159 "
        "ORDER BY l_orderkey, l_linenumber")


@case
def comma_join_null_safe_equality_keeps_null_pairs(spark):
    _query(spark, 1)
    return spark.sql(
        "SELECT o_orderkey, c_custkey FROM orders, (SELECT CAST(NULL AS BIGINT) AS c_custkey) c "
        "WHERE o_custkey <=> c_custkey")


@case
def tpch_sql_and_dataframe_q6_agree(spark):
    from tpch.spark_queries import QUERIES as DF_QUERIES

    _query(spark, 6)
    return DF_QUERIES[6](_TABLES[id(spark)], F).union(spark.sql(QUERIES[6]))
