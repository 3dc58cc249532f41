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


_REPORT = (
    "import sys; import pyspark.sql as s; from pyspark.sql import functions as F; "
    "print(s.SparkSession.__module__, F.col('x').__class__.__module__)"
)


def _run(env_value):
    """A fresh interpreter of this environment, with PYRUST_ACTIVATE set or not: the
    `.pth` hook the package installs reads it at start-up."""
    import os
    import subprocess

    env = {k: v for k, v in os.environ.items() if k != "PYRUST_ACTIVATE"}
    if env_value is not None:
        env["PYRUST_ACTIVATE"] = env_value
    return subprocess.run([sys.executable, "-c", _REPORT], env=env, capture_output=True, text=True, timeout=120)


def test_activation_by_environment_variable_through_the_installed_hook():
    import os
    import site

    hooks = [os.path.join(d, "pyrust_activate.pth") for d in site.getsitepackages()]
    assert any(os.path.exists(h) for h in hooks), f"pyrust_activate.pth is not installed in {site.getsitepackages()}"
    for value in ("1", "true", "YES"):
        done = _run(value)
        assert done.returncode == 0, done.stderr
        assert done.stdout.split() == ["pyrust.sql.session", "pyrust.sql.column"]


def test_no_activation_without_the_environment_variable():
    done = _run(None)
    # Without it `pyspark` is whatever the environment has (here: nothing), never PyRust.
    assert "pyrust.sql.session" not in done.stdout
    done = _run("0")
    assert "pyrust.sql.session" not in done.stdout
