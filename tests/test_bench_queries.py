"""The benchmark's 22 TPC-H queries stay runnable: CI has no TPC-H data and times
nothing, so each query runs here on a few hand-made rows per table (`make bench`
checks the real answers against Polars and PySpark)."""

import datetime
import os
import sys
from decimal import Decimal as D

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "bench"))

from tpch.spark_queries import QUERIES  # noqa: E402

from pyrust.sql import SparkSession, functions as F  # noqa: E402

DAY = datetime.date(1995, 3, 10)

SCHEMAS = {
    "region": ("r_regionkey long, r_name string, r_comment string", [(2, "ASIA", "c"), (3, "EUROPE", "c"), (1, "AMERICA", "c")]),
    "nation": ("n_nationkey long, n_name string, n_regionkey long, n_comment string",
               [(7, "GERMANY", 3, "c"), (6, "FRANCE", 3, "c"), (2, "BRAZIL", 1, "c"), (8, "INDIA", 2, "c"), (20, "SAUDI ARABIA", 2, "c"),
                (3, "CANADA", 1, "c")]),
    "supplier": ("s_suppkey long, s_name string, s_address string, s_nationkey long, s_phone string, s_acctbal decimal(15,2), s_comment string",
                 [(1, "Supplier#1", "a", 7, "17-1", D("10.00"), "fine"), (2, "Supplier#2", "b", 20, "30-1", D("5.00"), "Customer Complaints")]),
    "customer": ("c_custkey long, c_name string, c_address string, c_nationkey long, c_phone string, c_acctbal decimal(15,2), "
                 "c_mktsegment string, c_comment string",
                 [(1, "Customer#1", "x", 6, "13-555", D("100.00"), "BUILDING", "c"), (2, "Customer#2", "y", 8, "31-555", D("900.00"), "BUILDING", "c")]),
    "part": ("p_partkey long, p_name string, p_mfgr string, p_brand string, p_type string, p_size int, p_container string, "
             "p_retailprice decimal(15,2), p_comment string",
             [(1, "forest green", "M#1", "Brand#23", "ECONOMY ANODIZED STEEL", 15, "MED BOX", D("1.00"), "c"),
              (2, "green lime", "M#2", "Brand#12", "PROMO BRUSHED BRASS", 3, "SM CASE", D("2.00"), "c")]),
    "partsupp": ("ps_partkey long, ps_suppkey long, ps_availqty int, ps_supplycost decimal(15,2), ps_comment string",
                 [(1, 1, 500, D("3.00"), "c"), (2, 2, 10, D("4.00"), "c"), (1, 2, 900, D("2.50"), "c")]),
    "orders": ("o_orderkey long, o_custkey long, o_orderstatus string, o_totalprice decimal(15,2), o_orderdate date, "
               "o_orderpriority string, o_clerk string, o_shippriority int, o_comment string",
               [(1, 1, "F", D("500.00"), DAY, "1-URGENT", "k", 0, "c"), (2, 2, "F", D("700.00"), datetime.date(1994, 2, 1), "3-MEDIUM", "k", 0, "c")]),
    "lineitem": ("l_orderkey long, l_partkey long, l_suppkey long, l_linenumber int, l_quantity decimal(15,2), "
                 "l_extendedprice decimal(15,2), l_discount decimal(15,2), l_tax decimal(15,2), l_returnflag string, "
                 "l_linestatus string, l_shipdate date, l_commitdate date, l_receiptdate date, l_shipinstruct string, "
                 "l_shipmode string, l_comment string",
                 [(1, 1, 1, 1, D("5.00"), D("100.00"), D("0.06"), D("0.02"), "R", "F", datetime.date(1995, 3, 20),
                   datetime.date(1995, 3, 25), datetime.date(1995, 3, 30), "DELIVER IN PERSON", "AIR", "c"),
                  (1, 2, 2, 2, D("12.00"), D("50.00"), D("0.05"), D("0.00"), "N", "O", datetime.date(1994, 6, 1),
                   datetime.date(1994, 5, 1), datetime.date(1994, 7, 1), "DELIVER IN PERSON", "MAIL", "c"),
                  (2, 1, 2, 1, D("30.00"), D("300.00"), D("0.10"), D("0.05"), "R", "F", datetime.date(1994, 3, 1),
                   datetime.date(1994, 2, 1), datetime.date(1994, 3, 5), "NONE", "SHIP", "c")]),
}


@pytest.fixture(scope="module")
def tables():
    spark = SparkSession.builder.getOrCreate()
    return {name: spark.createDataFrame(rows, ddl) for name, (ddl, rows) in SCHEMAS.items()}


@pytest.mark.parametrize("number", sorted(QUERIES))
def test_tpch_query_runs(tables, number):
    df = QUERIES[number](tables, F)
    rows = df.collect()
    assert all(len(r) == len(df.columns) for r in rows)


def test_tpch_answers_on_hand_made_rows(tables):
    # Q1 groups the three lines by flag and status; Q6 keeps the one 1994 line with a
    # discount between 0.05 and 0.07 and quantity under 24.
    assert [(r.l_returnflag, r.l_linestatus, r.count_order) for r in QUERIES[1](tables, F).collect()] == [
        ("N", "O", 1), ("R", "F", 2)]
    assert QUERIES[6](tables, F).collect()[0].revenue == D("2.5000")
