"""`pyrust.activate()` makes every pyspark import resolve to PyRust through an import
hook; `deactivate()` undoes it."""

import importlib
import sys

import pytest

import pyrust
from pyrust import _activation


@pytest.fixture
def active():
    """Activated for the test, and left as it was found afterwards."""
    was_active = _activation.active()
    pyrust.activate()
    yield
    if not was_active:
        pyrust.deactivate()


def test_pyspark_modules_are_pyrust_modules(active):
    import pyspark
    from pyspark.errors import AnalysisException
    from pyspark.sql import SparkSession, functions, types, utils, window

    assert pyspark is pyrust
    assert SparkSession.__module__ == "pyrust.sql.session"
    assert functions.col.__module__.startswith("pyrust.sql.functions")
    assert types.Row.__module__ == "pyrust.sql.types"
    assert window.Window.__module__ == "pyrust.sql.window"
    assert utils.AnalysisException is AnalysisException
    assert importlib.import_module("pyspark.sql.column").Column.__module__ == "pyrust.sql.column"
    # Spark Connect, classic and the exception modules map to the same implementation.
    assert importlib.import_module("pyspark.sql.connect.functions") is functions
    assert importlib.import_module("pyspark.sql.classic.dataframe").DataFrame is importlib.import_module("pyrust.sql").DataFrame
    from pyspark.errors.exceptions.captured import AnalysisException as Captured

    assert Captured is AnalysisException
    from pyspark import SparkConf, StorageLevel

    assert SparkConf().setAppName("x").get("spark.app.name") == "x"
    assert str(StorageLevel.MEMORY_AND_DISK) == "Disk Memory Serialized 1x Replicated"


def test_modules_pyrust_lacks_fail_by_name(active):
    with pytest.raises(ModuleNotFoundError, match="pyspark.mllib"):
        importlib.import_module("pyspark.mllib")


def test_unimplemented_functions_import_and_name_themselves(active):
    from pyspark.errors import PySparkNotImplementedError
    from pyspark.sql.functions import xpath_string

    with pytest.raises(PySparkNotImplementedError, match="xpath_string"):
        xpath_string("a", "b")


def test_deactivate_restores_the_import_system():
    was_active = _activation.active()
    pyrust.activate()
    import pyspark.sql.functions  # noqa: F401

    pyrust.deactivate()
    assert _activation._FINDER not in sys.meta_path
    assert not any(n == "pyspark" or n.startswith("pyspark.") for n in sys.modules)
    pyrust.deactivate()  # twice is harmless
    if was_active:
        pyrust.activate()
