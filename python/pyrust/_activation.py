"""The import hook behind ``pyrust.activate()``: every ``pyspark`` module a program
imports resolves to PyRust's module of the same place (``pyspark.sql.functions`` is
``pyrust.sql.functions``; Spark Connect and classic paths map to the same module). A
module PyRust lacks raises ``ModuleNotFoundError`` naming it; the real PySpark is never
loaded by accident while active."""

import importlib
import importlib.machinery
import importlib.util
import sys
from types import ModuleType
from typing import Dict, Optional

# pyspark modules whose PyRust home is elsewhere than the same path.
_MOVED: Dict[str, str] = {
    "pyspark.errors.exceptions": "pyrust.errors",
    "pyspark.errors.exceptions.base": "pyrust.errors",
    "pyspark.errors.exceptions.captured": "pyrust.errors",
    "pyspark.errors.exceptions.connect": "pyrust.errors",
    "pyspark.errors.error_classes": "pyrust.errors",
    "pyspark.sql.functions.builtin": "pyrust.sql.functions",
    "pyspark.sql.conf": "pyrust.sql.session",
    "pyspark.sql.context": "pyrust.sql.session",
}


def pyrust_name(fullname: str) -> str:
    """The PyRust module standing in for a pyspark module name."""
    if fullname in _MOVED:
        return _MOVED[fullname]
    # Spark Connect and classic modules are the one implementation here.
    parts = [p for p in fullname.split(".") if p not in ("connect", "classic")]
    return "pyrust" + ".".join(parts)[len("pyspark"):]


class PySparkFinder:
    """Answers ``import pyspark...`` with PyRust's modules: a meta path finder and its
    loader. Not derived from ``importlib.abc``'s classes, whose import pulls in
    ``importlib.resources``, ``pathlib``, ``tempfile`` and the compression modules
    (a third of the start-up time): the import system only calls these methods."""

    def find_spec(self, fullname: str, path: object = None, target: Optional[ModuleType] = None):
        if fullname != "pyspark" and not fullname.startswith("pyspark."):
            return None
        name = pyrust_name(fullname)
        try:
            found = importlib.util.find_spec(name)
        except ModuleNotFoundError:
            found = None
        if found is None:
            raise ModuleNotFoundError(
                f"No module named '{fullname}': PyRust does not provide this part of PySpark "
                f"(it would be '{name}').",
                name=fullname,
            )
        spec = importlib.machinery.ModuleSpec(fullname, self, is_package=found.submodule_search_locations is not None)
        spec.pyrust_name = name  # type: ignore[attr-defined]
        return spec

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> None:
        return None  # a placeholder; exec_module swaps in PyRust's module

    def exec_module(self, module: ModuleType) -> None:
        # The same module object under both names, so classes keep their identity. The
        # import system returns whatever sys.modules holds after this, and the PyRust
        # module keeps its own __spec__.
        sys.modules[module.__spec__.name] = importlib.import_module(module.__spec__.pyrust_name)  # type: ignore[union-attr]


_FINDER = PySparkFinder()


def install() -> None:
    if _FINDER in sys.meta_path:
        return
    # Modules of the real PySpark imported before activation would shadow ours.
    for name in [n for n in sys.modules if n == "pyspark" or n.startswith("pyspark.")]:
        module = sys.modules[name]
        if not getattr(module, "__name__", "").startswith("pyrust"):
            _shadowed[name] = module
        del sys.modules[name]
    sys.meta_path.insert(0, _FINDER)


def uninstall() -> None:
    if _FINDER in sys.meta_path:
        sys.meta_path.remove(_FINDER)
    for name in [n for n in sys.modules if n == "pyspark" or n.startswith("pyspark.")]:
        del sys.modules[name]
    sys.modules.update(_shadowed)
    _shadowed.clear()


def active() -> bool:
    return _FINDER in sys.meta_path


_shadowed: Dict[str, ModuleType] = {}
