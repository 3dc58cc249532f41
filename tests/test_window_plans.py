"""Which Polars plan a window lowers to: the compat cases prove the answers, these the
fast forms (`lowering/window/fast.rs`) are the ones taken, so a change that sends a
common window back to the general lowering (a global sort and helper columns) or adds
work per row is seen."""

import contextlib
import datetime
import io
import re

import pytest

from pyrust.sql import SparkSession, Window, functions as F


@pytest.fixture(scope="module")
def spark():
    return SparkSession.builder.getOrCreate()


@pytest.fixture(scope="module")
def events(spark):
    day = datetime.date(2024, 1, 1)
    rows = [(i % 3, i, day + datetime.timedelta(days=i % 9), float(i), i % 5) for i in range(30)]
    return spark.createDataFrame(rows, "key long, ts long, day date, amount double, n int")


def polars_plan(df):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        df.explain(True)
    return buf.getvalue().split("== Polars Plan (optimized) ==", 1)[1]


def general(plan):
    return "__pyrust_w_pos" in plan


def test_lag_without_default_is_one_shift(events):
    plan = polars_plan(events.select(F.lag("amount").over(Window.partitionBy("key").orderBy("ts"))))
    assert "shift" in plan and "int_range" not in plan and not general(plan)


def test_running_float_sum_is_one_cumulative_sum(events):
    w = Window.partitionBy("key").orderBy("ts").rowsBetween(Window.unboundedPreceding, Window.currentRow)
    plan = polars_plan(events.select(F.sum("amount").over(w)))
    assert plan.count("cum_sum") == 1 and not general(plan)


@pytest.mark.parametrize("over, function", [
    ("PARTITION BY key ORDER BY day RANGE BETWEEN 6 PRECEDING AND CURRENT ROW", "avg(amount)"),
    ("PARTITION BY key ORDER BY day DESC RANGE BETWEEN 6 PRECEDING AND CURRENT ROW", "sum(amount)"),
    ("PARTITION BY key ORDER BY day RANGE BETWEEN CURRENT ROW AND 2 FOLLOWING", "count(*)"),
    ("PARTITION BY key ORDER BY n RANGE BETWEEN 2 PRECEDING AND CURRENT ROW", "sum(n)"),
    ("PARTITION BY key ORDER BY n DESC RANGE BETWEEN CURRENT ROW AND 1 FOLLOWING", "max(ts)"),
    ("ORDER BY n RANGE BETWEEN 1 PRECEDING AND CURRENT ROW", "sum(CAST(n AS decimal(5, 1)))"),
])
def test_range_frames_one_side_of_the_row_roll_by_the_key(events, over, function):
    plan = polars_plan(events.selectExpr(f"{function} OVER ({over})"))
    assert re.search(r"rolling_\w+_by", plan) and not general(plan)


@pytest.mark.parametrize("over", [
    "PARTITION BY key ORDER BY ts RANGE BETWEEN 2 PRECEDING AND CURRENT ROW",  # BIGINT key
    "PARTITION BY key ORDER BY n RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING",  # both sides
    "PARTITION BY key ORDER BY day RANGE BETWEEN INTERVAL '1' MONTH PRECEDING AND CURRENT ROW",
])
def test_other_range_frames_take_the_general_lowering(events, over):
    assert general(polars_plan(events.selectExpr(f"sum(amount) OVER ({over})")))
