"""What PyRust supports of PySpark 4.0.1's API, read from the code itself against the
recorded API (``_pyspark_api.json``): the one source of both docs/supported-api.md
(scripts/supported_api.py) and ``pyrust check`` (pyrust._cli).

A function is supported when ``pyspark.sql.functions`` implements it (not a stub); a
class member when PyRust's class defines it and its body does not start by raising
``not_implemented(...)``."""

import functools
import importlib
import inspect
import json
import os
import textwrap
from typing import Any, Dict, Optional

# PySpark class -> where PyRust defines it (module, attribute path).
CLASSES = {
    "SparkSession": ("pyrust.sql.session", "SparkSession"),
    "SparkSession.Builder": ("pyrust.sql.session", "SparkSession.Builder"),
    "RuntimeConfig": ("pyrust.sql.session", "RuntimeConfig"),
    "DataFrame": ("pyrust.sql.dataframe", "DataFrame"),
    "Column": ("pyrust.sql.column", "Column"),
    "GroupedData": ("pyrust.sql.group", "GroupedData"),
    "PandasGroupedOpsMixin": ("pyrust.sql.group", "GroupedData"),
    "PandasCogroupedOps": ("pyrust.sql.group", "PandasCogroupedOps"),
    "Window": ("pyrust.sql.window", "Window"),
    "WindowSpec": ("pyrust.sql.window", "WindowSpec"),
    "DataFrameNaFunctions": ("pyrust.sql.dataframe", "DataFrameNaFunctions"),
    "DataFrameStatFunctions": ("pyrust.sql.dataframe", "DataFrameStatFunctions"),
    "DataFrameReader": ("pyrust.sql.readwriter", "DataFrameReader"),
    "DataFrameWriter": ("pyrust.sql.readwriter", "DataFrameWriter"),
    "DataFrameWriterV2": ("pyrust.sql.readwriter", "DataFrameWriterV2"),
    "MergeIntoWriter": ("pyrust.sql.merge", "MergeIntoWriter"),
    "Catalog": ("pyrust.sql.catalog", "Catalog"),
    "Row": ("pyrust.sql.types", "Row"),
    "StructType": ("pyrust.sql.types", "StructType"),
    "StructField": ("pyrust.sql.types", "StructField"),
    "DataType": ("pyrust.sql.types", "DataType"),
    "UDFRegistration": ("pyrust.sql.udf", "UDFRegistration"),
    "UDTFRegistration": ("pyrust.sql.udtf", "UDTFRegistration"),
    "UserDefinedFunction": ("pyrust.sql.udf", "UserDefinedFunction"),
    "Observation": ("pyrust.sql.observation", "Observation"),
    "TableValuedFunction": ("pyrust.sql.tvf", "TableValuedFunction"),
}


@functools.lru_cache(maxsize=None)
def api() -> Dict[str, Any]:
    """PySpark 4.0.1's public API as recorded by scripts/record_pyspark_api.py."""
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "_pyspark_api.json")) as f:
        return json.load(f)


def pyrust_class(module: str, path: str) -> Optional[type]:
    try:
        obj: Any = importlib.import_module(module)
    except ImportError:
        return None
    for part in path.split("."):
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    return obj


def raises_first(fn: Any) -> bool:
    """Whether a function's body starts by raising not_implemented(...)."""
    fn = getattr(fn, "fget", fn)
    fn = getattr(fn, "__func__", fn)
    try:
        source = textwrap.dedent(inspect.getsource(fn))
    except (OSError, TypeError):
        return False
    body = source.split(":\n", 1)[-1] if "def " in source else source
    lines = [ln.strip() for ln in body.splitlines() if ln.strip() and not ln.strip().startswith("#")]
    while lines and (lines[0].startswith(('"""', "'''", "from ", "import "))):
        if lines[0].startswith(('"""', "'''")) and not (len(lines[0]) > 3 and lines[0].endswith(lines[0][:3])):
            # a docstring over several lines
            end = next((i for i, ln in enumerate(lines[1:], 1) if ln.endswith(lines[0][:3])), 0)
            lines = lines[end + 1:]
        else:
            lines = lines[1:]
    return bool(lines) and lines[0].startswith("raise not_implemented(")


def member_supported(cls: Optional[type], name: str) -> bool:
    if cls is None:
        return False
    for klass in cls.__mro__:
        if name in vars(klass):
            raw = vars(klass)[name]
            target = raw.fget if isinstance(raw, property) else raw
            return not raises_first(target)
    return False


@functools.lru_cache(maxsize=None)
def class_member_status(class_name: str) -> Dict[str, bool]:
    """Every member of a PySpark class (streaming ones left out) -> supported?"""
    info = api()["classes"].get(class_name)
    if info is None or class_name not in CLASSES:
        return {}
    cls = pyrust_class(*CLASSES[class_name])
    return {m: member_supported(cls, m) for m, meta in info["members"].items() if not meta.get("streaming")}


@functools.lru_cache(maxsize=None)
def function_status() -> Dict[str, bool]:
    """Every public function of pyspark.sql.functions -> supported?"""
    import pyrust.sql.functions as F

    return {n: n in F.IMPLEMENTED for n, info in api()["functions"].items()
            if info.get("in_all") and info["kind"] == "function"}


def jvm_only(name: str) -> bool:
    return bool(api()["functions"].get(name, {}).get("jvm_only"))


def missing_member(class_name: str, name: str) -> Exception:
    """What getting `name` from a PyRust class that lacks it raises: PySpark's member
    not implemented yet (NOT_IMPLEMENTED, naming it), anything else an AttributeError."""
    info = api()["classes"].get(class_name, {})
    if not name.startswith("_") and name in info.get("members", {}):
        from pyrust.errors import not_implemented

        return not_implemented(f"{class_name}.{name}")
    return AttributeError(f"'{class_name.split('.')[-1]}' object has no attribute '{name}'")
