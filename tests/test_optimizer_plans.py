"""Which plans the optimizer and lowering give (the compat cases in sql_plans6.py prove
the answers; these that the work saved is saved): a filter on a window's partition key
runs below the window, and a CTE referenced twice is lowered once onto a Polars cache."""

import contextlib
import io

import pytest

from pyrust.sql import SparkSession, Window, functions as F


@pytest.fixture(scope="module")
def spark():
    s = SparkSession.builder.getOrCreate()
    s.createDataFrame([(i, i % 3, i * 10) for i in range(12)], "id long, g long, v long").createOrReplaceTempView("op_t")
    return s


def sections(df) -> dict:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        df.explain(True)
    parts, title = {}, None
    for line in buf.getvalue().splitlines(keepends=True):
        if line.startswith("== ") and line.rstrip().endswith(" =="):
            title = line.strip()[3:-3]
            parts[title] = ""
        elif title:
            parts[title] += line
    return parts


def lines(plan: str) -> list:
    return [line.strip(" +-:") for line in plan.splitlines() if line.strip()]


def test_explain_extended_has_the_analysed_and_the_optimised_plan(spark):
    df = spark.table("op_t").select("id", F.sum("v").over(Window.partitionBy("g")).alias("s")).filter("id = 1")
    parts = sections(df)
    assert set(parts) == {"Analyzed Logical Plan", "Optimized Logical Plan", "Polars Plan (optimized)"}
    assert parts["Analyzed Logical Plan"].startswith("id: bigint, s: bigint\n")


def test_a_filter_on_the_partition_key_runs_below_the_window(spark):
    w = Window.partitionBy("g").orderBy("id")
    df = spark.table("op_t").withColumn("s", F.sum("v").over(w)).filter((F.col("g") == 1) & (F.col("s") > 10))
    analysed = lines(sections(df)["Analyzed Logical Plan"])
    optimised = lines(sections(df)["Optimized Logical Plan"])
    window = next(i for i, line in enumerate(optimised) if line.startswith("Window"))
    # `g = 1` is below the window, `s > 10` (as the window it names) above it; the
    # analysed plan keeps both above.
    assert any(line.startswith("Filter (g = 1)") for line in optimised[window:]), optimised
    assert any(line.startswith("Filter (sum(v) OVER") and line.endswith("> 10)") for line in optimised[:window]), optimised
    assert not any(line.startswith("Filter") for line in analysed[next(i for i, line in enumerate(analysed) if line.startswith("Window")):])
    assert sorted((r.id, r.s) for r in df.collect()) == [(4, 50), (7, 120), (10, 220)]


def test_a_filter_on_another_column_stays_above_the_window(spark):
    w = Window.partitionBy("g").orderBy("id")
    df = spark.table("op_t").withColumn("s", F.sum("v").over(w)).filter(F.col("id") > 8)
    optimised = lines(sections(df)["Optimized Logical Plan"])
    window = next(i for i, line in enumerate(optimised) if line.startswith("Window"))
    assert not any(line.startswith("Filter") for line in optimised[window:]), optimised


def test_a_cte_joined_to_itself_is_lowered_once(spark):
    df = spark.sql("WITH s AS (SELECT g, sum(v) t FROM op_t GROUP BY g) SELECT a.g, a.t, b.t FROM s a JOIN s b ON a.g = b.g")
    polars = sections(df)["Polars Plan (optimized)"]
    assert "CACHE" in polars and polars.count("AGGREGATE") == 1, polars
    assert sorted(tuple(r) for r in df.collect()) == [(0, 180, 180), (1, 220, 220), (2, 260, 260)]


def test_references_filtered_differently_are_not_shared(spark):
    df = spark.sql("WITH s AS (SELECT g, id % 2 p, sum(v) t FROM op_t GROUP BY g, id % 2) "
                   "SELECT a.g, a.t, b.t FROM s a JOIN s b ON a.g = b.g WHERE a.p = 0 AND b.p = 1")
    polars = sections(df)["Polars Plan (optimized)"]
    assert polars.count("AGGREGATE") == 2, polars
    assert sorted(tuple(r) for r in df.collect()) == [(0, 60, 120), (1, 140, 80), (2, 100, 160)]
