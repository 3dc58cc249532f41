"""PyRust's pytest plugin (the ``pytest11`` entry point ``pyrust``), loaded by pytest
when PyRust is installed. See docs/testing.md.

- ``spark``: a session-scoped SparkSession fixture. A suite that defines its own
  ``spark`` fixture (in a conftest) overrides it, as pytest always lets a conftest do.
- Configuration (``pytest.ini``, ``[tool.pytest.ini_options]``, ``setup.cfg``):
  ``pyrust_conf`` (``key=value`` lines given to the builder), ``pyrust_app_name``,
  ``pyrust_activate = true`` (or ``--pyrust-activate``): ``import pyspark`` is PyRust
  from before collection on; ``--pyrust-engine=pyspark`` (or ``pyrust_engine``): run
  the same suite on real PySpark instead (nothing is activated then).
- Isolation: after each test that used the plugin's ``spark``, the temporary views
  the test created are dropped, the runtime conf is put back as it was before the test
  (keys set are restored, keys added are unset), and cached tables are uncached. Data
  the test wrote to disk, global temp views and other sessions it made are its own.
- pytest-xdist: each worker is its own process with its own session (``-n 2``).
"""

import os
from typing import Any, Dict, List, Optional, Tuple

import pytest

_ENGINES = ("pyrust", "pyspark")


class _State:
    engine: str = "pyrust"
    session: Any = None
    baseline: Optional[Tuple[Dict[str, str], List[str]]] = None


_STATE = _State()


def pytest_addoption(parser: Any) -> None:
    group = parser.getgroup("pyrust", "PyRust (the PySpark API without a JVM)")
    group.addoption("--pyrust-activate", action="store_true", default=None,
                    help="make `import pyspark` resolve to PyRust before tests are collected")
    group.addoption("--pyrust-engine", choices=_ENGINES, default=None,
                    help="the engine of the `spark` fixture: pyrust (default) or pyspark (real PySpark)")
    parser.addini("pyrust_activate", type="bool", default=False,
                  help="make `import pyspark` resolve to PyRust before tests are collected")
    parser.addini("pyrust_engine", default="pyrust", help="pyrust (default) or pyspark")
    parser.addini("pyrust_conf", type="linelist", default=[],
                  help="key=value lines: Spark configuration given to the `spark` fixture's builder")
    parser.addini("pyrust_app_name", default="pytest", help="the `spark` fixture's application name")


def _option(config: Any, name: str) -> Any:
    # Before pytest_configure the command line is only parsed into known_args_namespace.
    known = getattr(config, "known_args_namespace", None)
    value = getattr(known, name, None) if known is not None else None
    return value if value is not None else config.getoption(name, None)


def _engine(config: Any) -> str:
    engine = _option(config, "pyrust_engine") or config.getini("pyrust_engine") or "pyrust"
    if engine not in _ENGINES:
        raise pytest.UsageError(f"pyrust_engine must be one of {', '.join(_ENGINES)}, not {engine!r}")
    return engine


def _skip_assertion_rewriting_of_pyrust(config: Any) -> None:
    """pytest rewrites the asserts of every module of a distribution that provides a
    plugin, so all of PyRust (its `pyspark` included) would be parsed, rewritten and
    compiled again on each run where bytecode is not written (PYTHONDONTWRITEBYTECODE,
    a read-only site-packages), ~60 modules. Its asserts are its own, not the suite's:
    only this plugin module stays marked. Private pytest state, hence the guards."""
    hook = getattr(config.pluginmanager, "rewrite_hook", None)
    marked = getattr(hook, "_must_rewrite", None)
    if isinstance(marked, set) and "pyrust" in marked:
        marked.discard("pyrust")
        marked.add(__name__)
        cache = getattr(hook, "_marked_for_rewrite_cache", None)
        if isinstance(cache, dict):
            cache.clear()


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config: Any, parser: Any, args: Any) -> None:
    # Before conftests and test modules are imported: they may `import pyspark`.
    _skip_assertion_rewriting_of_pyrust(early_config)
    _STATE.engine = _engine(early_config)
    _conf_lines(early_config)  # a malformed line is a usage error before anything runs
    import pyrust

    if _STATE.engine == "pyspark":
        pyrust.deactivate()  # also undoes PYRUST_ACTIVATE=1: this run is on real PySpark
    elif _option(early_config, "pyrust_activate") or early_config.getini("pyrust_activate"):
        pyrust.activate()


def pytest_report_header(config: Any) -> str:
    import pyrust
    from pyrust import _activation

    if _STATE.engine == "pyspark":
        return "pyrust: engine pyspark (real PySpark; PyRust not activated)"
    return f"pyrust: engine pyrust {pyrust.__version__}, import pyspark -> " + (
        "PyRust" if _activation.active() else "unchanged (not activated)")


def _conf_lines(config: Any) -> Dict[str, str]:
    conf = {}
    for line in config.getini("pyrust_conf"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if "=" not in line:
            raise pytest.UsageError(f"pyrust_conf: expected key=value, got {line!r}")
        key, value = line.split("=", 1)
        conf[key.strip()] = value.strip()
    return conf


def _build_session(config: Any) -> Any:
    conf = _conf_lines(config)
    if _STATE.engine == "pyspark":
        from pyspark.sql import SparkSession

        builder = SparkSession.builder.master(conf.pop("spark.master", "local[1]"))
        # Quick small-data defaults for a test JVM, unless pyrust_conf says otherwise.
        builder = builder.config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "1")
    else:
        from pyrust.sql import SparkSession

        builder = SparkSession.builder
    builder = builder.appName(config.getini("pyrust_app_name") or "pytest")
    for key, value in conf.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    if _STATE.engine == "pyspark":
        session.sparkContext.setLogLevel("ERROR")
    return session


def _conf_snapshot(spark: Any) -> Dict[str, str]:
    values = spark.conf.getAll
    return dict(values() if callable(values) else values)


def _temp_views(spark: Any) -> List[str]:
    native = getattr(spark, "_native", None)
    if _STATE.engine == "pyrust" and native is not None:
        # The session's temporary views straight from the engine: listTables would also
        # list the catalog's tables (a directory listing) and build a Table for each,
        # twice per test.
        return [name for name, database, _ in native.list_views() if database is None]
    return [t.name for t in spark.catalog.listTables() if t.isTemporary and not t.namespace]


def _snapshot(spark: Any) -> Tuple[Dict[str, str], List[str]]:
    return _conf_snapshot(spark), _temp_views(spark)


def _restore(spark: Any, snapshot: Tuple[Dict[str, str], List[str]]) -> None:
    conf, views = snapshot
    for name in _temp_views(spark):
        if name not in views:
            spark.catalog.dropTempView(name)
    now = _conf_snapshot(spark)
    for key, value in now.items():
        if key not in conf:
            try:
                spark.conf.unset(key)
            except Exception:  # a static key PySpark will not unset
                pass
        elif conf[key] != value:
            _set_back(spark, key, conf[key])
    for key, value in conf.items():
        if key not in now:
            _set_back(spark, key, value)
    spark.catalog.clearCache()


def _set_back(spark: Any, key: str, value: str) -> None:
    # isModifiable is false for any key that is not one of Spark's SQL settings (an
    # application's own `spark.myapp.x`), which set takes all the same.
    try:
        spark.conf.set(key, value)
    except Exception:  # a static key
        pass


@pytest.fixture(scope="session")
def spark(pytestconfig: Any) -> Any:
    """A SparkSession for the whole run (per xdist worker): PyRust's, or real PySpark's
    with ``--pyrust-engine=pyspark``. Configured by ``pyrust_conf``/``pyrust_app_name``."""
    session = _build_session(pytestconfig)
    _STATE.session = session
    _STATE.baseline = _snapshot(session)
    yield session
    _STATE.session = None
    _STATE.baseline = None
    if _STATE.engine == "pyspark":
        session.stop()


@pytest.fixture(autouse=True)
def _pyrust_isolation(request: Any) -> Any:
    """Puts the plugin's session back as it was before each test (see the module doc)."""
    uses_spark = "spark" in request.fixturenames
    before = _snapshot(_STATE.session) if uses_spark and _STATE.session is not None else None
    yield
    if _STATE.session is None or not uses_spark:
        return
    snapshot = before if before is not None else _STATE.baseline
    if snapshot is not None:
        _restore(_STATE.session, snapshot)
