"""PyRust: the PySpark DataFrame API on Polars, in-process, with no JVM.

Use it with ``from pyrust.sql import SparkSession``, or call ``pyrust.activate()``
so that ``import pyspark`` resolves to PyRust and existing code runs unchanged.
"""

import importlib
import sys
from typing import Dict, Optional

__version__ = "4.0.1"  # the PySpark API version PyRust follows

# pyspark module name -> the PyRust module that stands in for it
_ALIASES = {
    "pyspark": "pyrust",
    "pyspark.sql": "pyrust.sql",
    "pyspark.sql.functions": "pyrust.sql.functions",
    "pyspark.sql.types": "pyrust.sql.types",
    "pyspark.sql.window": "pyrust.sql.window",
    "pyspark.sql.column": "pyrust.sql.column",
    "pyspark.sql.dataframe": "pyrust.sql.dataframe",
    "pyspark.sql.session": "pyrust.sql.session",
    "pyspark.sql.group": "pyrust.sql.group",
    "pyspark.sql.readwriter": "pyrust.sql.readwriter",
    "pyspark.sql.utils": "pyrust.sql.utils",
    "pyspark.errors": "pyrust.errors",
}

_saved: Optional[Dict[str, object]] = None


def activate() -> None:
    """Make ``import pyspark`` (and its ``sql``/``errors`` modules) resolve to PyRust."""
    global _saved
    if _saved is None:
        _saved = {name: sys.modules.get(name) for name in _ALIASES}
    for name, target in _ALIASES.items():
        sys.modules[name] = importlib.import_module(target)


def deactivate() -> None:
    """Undo ``activate()``: ``pyspark`` imports go back to what they were before."""
    global _saved
    if _saved is None:
        return
    for name, previous in _saved.items():
        if previous is None:
            sys.modules.pop(name, None)
        else:
            sys.modules[name] = previous  # type: ignore[assignment]
    _saved = None


def __getattr__(name: str):
    if name == "sql":
        return importlib.import_module("pyrust.sql")
    if name == "errors":
        return importlib.import_module("pyrust.errors")
    raise AttributeError(name)
