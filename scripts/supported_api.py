#!/usr/bin/env python3
"""Prints docs/supported-api.md: every public name of PySpark 4.0.1 (as recorded in
python/pyrust/_pyspark_api.json by scripts/record_pyspark_api.py) with PyRust's status,
read from the code itself. `make docs` writes it; tests/test_docs.py checks it is current.

A function is supported when `pyspark.sql.functions` implements it (not a stub); a class
member when PyRust's class defines it and its body does not start by raising
`not_implemented(...)`."""

import importlib
import inspect
import json
import os
import textwrap

import pyrust.sql.functions as F
from pyrust import _native

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
with open(os.path.join(ROOT, "python", "pyrust", "_pyspark_api.json")) as f:
    API = json.load(f)

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


def pyrust_class(module: str, path: str):
    try:
        obj = importlib.import_module(module)
    except ImportError:
        return None
    for part in path.split("."):
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    return obj


def raises_first(fn) -> bool:
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


def member_supported(cls, name: str) -> bool:
    if cls is None:
        return False
    for klass in cls.__mro__:
        if name in vars(klass):
            raw = vars(klass)[name]
            target = raw.fget if isinstance(raw, property) else raw
            return not raises_first(target)
    return False


def functions_section(out):
    funcs = {n: info for n, info in API["functions"].items() if info.get("in_all") and info["kind"] == "function"}
    jvm = sorted(n for n, info in funcs.items() if info.get("jvm_only"))
    supported = sorted(n for n in funcs if n in F.IMPLEMENTED)
    eligible = len(funcs) - len(jvm)
    out += ["## pyspark.sql.functions", "",
            f"{len(supported)} of the {eligible} functions that can run without a JVM "
            f"({100 * len(supported) // max(eligible, 1)}%); {len(jvm)} need one: {', '.join(f'`{n}`' for n in jvm)}.", ""]
    for family in API["meta"]["function_family_order"]:
        names = sorted(n for n, info in funcs.items() if info.get("family", "unlisted") == family and n not in jvm)
        if not names:
            continue
        done = [n for n in names if n in F.IMPLEMENTED]
        out += [f"### {family} ({len(done)}/{len(names)})", ""]
        out.append(", ".join(f"`{n}`" if n in F.IMPLEMENTED else f"~~{n}~~" for n in names))
        out.append("")


def classes_section(out):
    for name, (module, path) in CLASSES.items():
        info = API["classes"].get(name)
        if info is None:
            continue
        cls = pyrust_class(module, path)
        members = sorted(m for m, meta in info["members"].items() if not meta.get("streaming"))
        done = [m for m in members if member_supported(cls, m)]
        out += [f"### {name} ({len(done)}/{len(members)})", ""]
        out.append(", ".join(f"`{m}`" if m in done else f"~~{m}~~" for m in members) or "(none)")
        out.append("")


def main() -> None:
    out = ["# Supported API", "",
           "Generated by `scripts/supported_api.py` (`make docs`) from PySpark 4.0.1's recorded API "
           "(`python/pyrust/_pyspark_api.json`) and PyRust's code; do not edit by hand.",
           "`name` is supported; ~~name~~ is not yet (it exists, and calling it raises "
           "`PySparkNotImplementedError` naming it).", ""]
    functions_section(out)
    out += ["## Classes", ""]
    classes_section(out)
    out += ["## Function registry", "",
            "Reachable from `pyspark.sql.functions`, `expr()`, `selectExpr()` and SQL strings.", "",
            "| function | kind | aliases |", "|---|---|---|"]
    for name, aliases, kind in sorted(_native.registered_functions()):
        out.append(f"| `{name}` | {kind} | {', '.join(f'`{a}`' for a in aliases)} |")
    out.append("")
    print("\n".join(out))


if __name__ == "__main__":
    main()
