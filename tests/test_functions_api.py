"""`pyspark.sql.functions` is a list of thin forwards to the Rust registry, shaped
exactly like PySpark 4.0.1's (recorded in python/pyrust/_pyspark_api.json by
scripts/record_pyspark_api.py)."""

import inspect
import json
import os

import pytest

import pyrust.sql.functions as F
from pyrust import _native

API = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "python", "pyrust", "_pyspark_api.json")
with open(API) as f:
    PYSPARK = json.load(f)["functions"]


def test_every_name_is_a_pyspark_name():
    invented = sorted(n for n in F.IMPLEMENTED if n not in PYSPARK)
    assert not invented, f"names PySpark's functions module does not have: {invented}"


def test_every_pyspark_name_imports():
    missing = [n for n, info in PYSPARK.items() if info.get("in_all") and info["kind"] == "function" and not hasattr(F, n)]
    assert not missing
    assert set(F.__all__) >= F.IMPLEMENTED


def _params(fn):
    out = []
    for p in inspect.signature(fn).parameters.values():
        item = [p.name, p.kind.name]
        if p.default is not inspect.Parameter.empty:
            item.append(repr(p.default))
        out.append(item)
    return out


@pytest.mark.parametrize("name", sorted(F.IMPLEMENTED))
def test_signature_is_pysparks(name):
    # Same parameter names, kinds and defaults: calls written for PySpark bind the same way.
    assert _params(getattr(F, name)) == PYSPARK[name]["params"]


def test_registry_functions_with_a_pyspark_name_are_exposed():
    # A Rust function whose name PySpark's module has must be reachable from Python
    # (internal entries such as get_item are reached through Column methods).
    for name, aliases, _kind in _native.registered_functions():
        for n in [name, *aliases]:
            if PYSPARK.get(n, {}).get("in_all"):
                assert n in F.IMPLEMENTED, f"registry function {n} has no forward in pyspark.sql.functions"
