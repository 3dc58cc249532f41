"""PyRust: the PySpark DataFrame API on Polars, in-process, with no JVM.

Use it with ``from pyrust.sql import SparkSession``, or call ``pyrust.activate()``
so that ``import pyspark`` resolves to PyRust and existing code runs unchanged.
"""

import importlib

__version__ = "4.0.1"  # the PySpark API version PyRust follows


def activate() -> None:
    """Make every ``import pyspark...`` resolve to PyRust (an import hook)."""
    from pyrust import _activation

    _activation.install()


def deactivate() -> None:
    """Undo ``activate()``: ``pyspark`` imports go back to the real package, if any."""
    from pyrust import _activation

    _activation.uninstall()


_TOP_LEVEL = {"SparkConf": "pyrust.conf", "SparkContext": "pyrust.context", "StorageLevel": "pyrust.storagelevel"}


def __getattr__(name: str):
    # `from pyspark import SparkConf, StorageLevel` and the subpackages, loaded on first use.
    if name in _TOP_LEVEL:
        return getattr(importlib.import_module(_TOP_LEVEL[name]), name)
    if name in ("sql", "errors", "testing", "conf", "context", "storagelevel"):
        return importlib.import_module(f"pyrust.{name}")
    raise AttributeError(f"module 'pyspark' has no attribute '{name}'")
