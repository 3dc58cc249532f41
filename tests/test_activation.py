"""`pyrust.activate()` makes pyspark imports resolve to PyRust; `deactivate()` undoes it."""

import importlib
import sys

import pyrust


def test_activate_and_deactivate():
    # The compat suite runs activated; leave the process as we found it.
    was_active = pyrust._saved is not None
    pyrust.deactivate()
    before = {name: sys.modules.get(name) for name in pyrust._ALIASES}
    pyrust.activate()
    try:
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
    finally:
        pyrust.deactivate()
    after = {name: sys.modules.get(name) for name in pyrust._ALIASES}
    assert after == before
    if was_active:
        pyrust.activate()


def test_deactivate_twice_is_harmless():
    was_active = pyrust._saved is not None
    pyrust.deactivate()
    pyrust.deactivate()
    if was_active:
        pyrust.activate()
