"""pyspark.testing's behaviour is measured against PySpark by the compat cases
(compat-tests/cases/testing_utils.py, 54 recorded scenarios); here only what has no
PySpark counterpart: the module's place under activation and the refused
pandas-on-Spark helper."""

import importlib

import pytest

import pyrust
from pyrust import _activation


def test_pyspark_testing_resolves_to_pyrust():
    was_active = _activation.active()
    pyrust.activate()
    try:
        testing = importlib.import_module("pyspark.testing")
        utils = importlib.import_module("pyspark.testing.utils")
        assert testing.assertDataFrameEqual is utils.assertDataFrameEqual
        assert utils.__name__ == "pyrust.testing.utils"
        assert set(testing.__all__) == {"assertDataFrameEqual", "assertSchemaEqual"}
    finally:
        if not was_active:
            pyrust.deactivate()


def test_assert_pandas_on_spark_equal_is_refused_by_name():
    from pyrust.errors import PySparkNotImplementedError
    from pyrust.testing import assertPandasOnSparkEqual

    with pytest.raises(PySparkNotImplementedError, match="assertPandasOnSparkEqual"):
        assertPandasOnSparkEqual(None, None)


def test_signatures_are_pyspark_4_0_1s():
    import inspect

    from pyrust.testing import assertDataFrameEqual, assertSchemaEqual

    assert list(inspect.signature(assertDataFrameEqual).parameters) == [
        "actual", "expected", "checkRowOrder", "rtol", "atol", "ignoreNullable", "ignoreColumnOrder",
        "ignoreColumnName", "ignoreColumnType", "maxErrors", "showOnlyDiff", "includeDiffRows"]
    defaults = {k: v.default for k, v in inspect.signature(assertDataFrameEqual).parameters.items()}
    assert defaults["rtol"] == 1e-5 and defaults["atol"] == 1e-8 and defaults["ignoreNullable"] is True
    assert list(inspect.signature(assertSchemaEqual).parameters) == [
        "actual", "expected", "ignoreNullable", "ignoreColumnOrder", "ignoreColumnName"]
