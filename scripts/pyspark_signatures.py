#!/usr/bin/env python3
"""Writes compat-tests/cases/_pyspark_signatures.json: the parameters of PySpark 4.0.1's
public methods and functions, with their annotations and defaults, for the generated
hostile-argument table (compat-tests/cases/hostile_arguments_generated.py).

Which names are public comes from python/pyrust/_pyspark_api.json (recorded by
scripts/record_pyspark_api.py, the list docs/supported-api.md is generated from): the
members of the classes below that are methods (not properties, not streaming, not
Connect-only) and every function in ``pyspark.sql.functions.__all__``. This script adds
what that file does not hold: each parameter's annotation as PySpark writes it.

Run with the recording venv (PySpark 4.0.1, no JVM needed):

    .venv-record/bin/python scripts/pyspark_signatures.py
"""

import inspect
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import record_pyspark_api as api  # noqa: E402  (asserts PySpark 4.0.1; its CLASSES table)

import pyspark.sql.functions as F  # noqa: E402

OUT = HERE.parent / "compat-tests" / "cases" / "_pyspark_signatures.json"
CLASSES = ["DataFrame", "Column", "GroupedData", "DataFrameNaFunctions", "DataFrameStatFunctions",
           "Window", "WindowSpec", "DataFrameReader", "DataFrameWriter", "DataFrameWriterV2",
           "SparkSession", "SparkSession.Builder", "RuntimeConfig", "Catalog"]
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def params(obj):
    out = []
    for p in inspect.signature(obj).parameters.values():
        if p.name in ("self", "cls"):
            continue
        item = {"name": p.name, "kind": p.kind.name}
        if p.annotation is not inspect.Parameter.empty:
            ann = p.annotation if isinstance(p.annotation, str) else inspect.formatannotation(p.annotation)
            item["annotation"] = ann.replace("pyspark.sql.column.", "").replace("pyspark.sql.dataframe.", "").replace("typing.", "")
        if p.default is not inspect.Parameter.empty:
            item["default"] = _ADDRESS.sub("", repr(p.default))
        out.append(item)
    return out


def main() -> None:
    recorded = json.loads((HERE.parent / "python" / "pyrust" / "_pyspark_api.json").read_text())
    table = {}
    for label in CLASSES:
        public, _impl = api.CLASSES[label]
        members = recorded["classes"][label]["members"]
        for name, meta in sorted(members.items()):
            if meta["kind"] not in ("method", "classmethod", "staticmethod") or meta.get("streaming") or meta.get("classic_raises"):
                continue
            table[f"{label}.{name}"] = {"owner": label, "name": name, "params": params(getattr(public, name))}
    for name in sorted(n for n, meta in recorded["functions"].items() if meta.get("in_all") and meta["kind"] == "function"):
        table[f"functions.{name}"] = {"owner": "functions", "name": name, "params": params(getattr(F, name)),
                                      "family": recorded["functions"][name].get("family")}
    text = json.dumps({"generator": "scripts/pyspark_signatures.py", "pyspark_version": "4.0.1", "members": table},
                      indent=1, sort_keys=True) + "\n"
    assert " at 0x" not in text
    OUT.write_text(text)
    print(f"wrote {OUT.relative_to(HERE.parent)}: {len(table)} methods and functions, "
          f"{sum(len(m['params']) for m in table.values())} parameters")


if __name__ == "__main__":
    main()
