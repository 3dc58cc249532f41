"""chispa (a third-party PySpark test helper, a test dependency) runs unchanged on
PyRust. The scenarios are compat cases (compat-tests/cases/chispa_helpers.py:
assert_df_equality with ignore_row_order/ignore_column_order/ignore_nullable/
ignore_columns/transforms/allow_nan_equality, assert_approx_df_equality,
assert_column_equality, assert_approx_column_equality), each recorded passing or failing
on real PySpark 4.0.1 with chispa's message (`make record-testing`); this module runs
them here too, through the harness, so `pytest tests/test_chispa.py` checks chispa alone."""

import json
import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
COMPAT = os.path.join(os.path.dirname(HERE), "compat-tests")



@pytest.fixture(scope="module")
def harness():
    import pyrust

    pyrust.activate()  # chispa does `from pyspark.sql import ...`
    sys.path.insert(0, COMPAT)
    import harness as h

    h.load_cases()
    return h


with open(os.path.join(COMPAT, "goldens", "chispa_helpers.json")) as f:
    GOLDEN = json.load(f)["cases"]


def test_chispa_is_installed():
    import importlib.util

    assert importlib.util.find_spec("chispa") is not None, "chispa is a test dependency (Makefile, pyproject)"


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_chispa_scenario_as_on_pyspark(name, harness):
    from pyrust.sql import SparkSession

    spark = SparkSession.builder.getOrCreate()
    c = harness.CASES[f"chispa_helpers::{name}"]
    actual = harness.run_case(c, spark)
    problems = harness.compare(c, GOLDEN[name], actual)
    assert not problems, "\n".join(problems)


def test_the_scenarios_both_pass_and_fail():
    outcomes = json.dumps([v["value"] for v in GOLDEN.values()])
    for cls in ("DataFramesNotEqualError", "SchemasNotEqualError", "ColumnsNotEqualError"):
        assert cls in outcomes
    assert '"passed"' in outcomes
