"""``pyspark.sql.functions``: thin forwards to the function registry in Rust, one
module per family of PySpark's reference (``_string``, ``_math``, ``_aggregate``...).

Every name of PySpark 4.0.1's ``pyspark.sql.functions`` imports, also with ``import *``:
one PyRust lacks is a stub that raises ``PySparkNotImplementedError`` naming itself
when called, so a job module that imports it still loads."""

import functools
import json
import os
from typing import Any, Callable, Dict

from pyrust.errors import not_implemented
from pyrust.sql.functions import (
    _aggregate,
    _array,
    _bitwise,
    _collection,
    _conditional,
    _csv,
    _datetime,
    _generator,
    _grouping,
    _hash,
    _json,
    _map,
    _math,
    _misc,
    _normal,
    _partitioning,
    _predicate,
    _sort,
    _string,
    _struct,
    _udf,
    _url,
    _variant,
    _window,
    _xml,
)
from pyrust.sql.functions._aggregate import *  # noqa: F401,F403
from pyrust.sql.functions._array import *  # noqa: F401,F403
from pyrust.sql.functions._bitwise import *  # noqa: F401,F403
from pyrust.sql.functions._collection import *  # noqa: F401,F403
from pyrust.sql.functions._conditional import *  # noqa: F401,F403
from pyrust.sql.functions._csv import *  # noqa: F401,F403
from pyrust.sql.functions._datetime import *  # noqa: F401,F403
from pyrust.sql.functions._generator import *  # noqa: F401,F403
from pyrust.sql.functions._grouping import *  # noqa: F401,F403
from pyrust.sql.functions._hash import *  # noqa: F401,F403
from pyrust.sql.functions._json import *  # noqa: F401,F403
from pyrust.sql.functions._map import *  # noqa: F401,F403
from pyrust.sql.functions._math import *  # noqa: F401,F403
from pyrust.sql.functions._misc import *  # noqa: F401,F403
from pyrust.sql.functions._normal import *  # noqa: F401,F403
from pyrust.sql.functions._partitioning import *  # noqa: F401,F403
from pyrust.sql.functions._predicate import *  # noqa: F401,F403
from pyrust.sql.functions._sort import *  # noqa: F401,F403
from pyrust.sql.functions._string import *  # noqa: F401,F403
from pyrust.sql.functions._struct import *  # noqa: F401,F403
from pyrust.sql.functions._udf import *  # noqa: F401,F403
from pyrust.sql.functions._udf import PandasUDFType  # noqa: F401  (a class: not in the families' __all__)
from pyrust.sql.functions._url import *  # noqa: F401,F403
from pyrust.sql.functions._variant import *  # noqa: F401,F403
from pyrust.sql.functions._window import *  # noqa: F401,F403
from pyrust.sql.functions._xml import *  # noqa: F401,F403

_FAMILIES = (_aggregate, _array, _bitwise, _collection, _conditional, _csv, _datetime, _generator, _grouping, _hash, _json, _map, _math, _misc, _normal, _partitioning, _predicate, _sort, _string, _struct, _udf, _url, _variant, _window, _xml)

#: The names PyRust implements.
IMPLEMENTED = frozenset(n for m in _FAMILIES for n in m.__all__)


@functools.lru_cache(maxsize=None)
def _pyspark_names() -> frozenset:
    """The names of PySpark's ``pyspark.sql.functions.__all__``, from the recorded API.
    Read on first use, not at import: the file is half a megabyte of JSON."""
    path = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "_pyspark_api.json")
    with open(path) as f:
        functions: Dict[str, Any] = json.load(f)["functions"]
    return frozenset(n for n, info in functions.items() if info.get("in_all") and info.get("kind") == "function")


def _not_yet(name: str) -> Callable[..., Any]:
    def stub(*args: Any, **kwargs: Any) -> Any:
        raise not_implemented(f"pyspark.sql.functions.{name}")

    stub.__name__ = stub.__qualname__ = name
    stub.__doc__ = f"Not implemented in PyRust yet: calling it raises PySparkNotImplementedError."
    stub._pyrust_not_implemented = True  # type: ignore[attr-defined]
    return stub


def __getattr__(name: str) -> Any:
    # Every PySpark function name imports (`from pyspark.sql.functions import split`);
    # one PyRust lacks is a stub made here on first access, raising when called.
    if name == "__all__":
        value = sorted(_pyspark_names() | IMPLEMENTED)
    elif name.startswith("_"):
        # No PySpark function name starts so; tools probe modules for such names
        # (pytest's fixture and `__test__` checks) and must not load the API file.
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    elif name in _pyspark_names() and name not in IMPLEMENTED:
        value = _not_yet(name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list:
    return sorted(set(globals()) | _pyspark_names())
