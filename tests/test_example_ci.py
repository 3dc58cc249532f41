"""examples/ci-testing's own suite (a small job in plain PySpark with its pytest tests,
through PyRust's plugin) passes on PyRust. `make test-example-pyspark` runs the same
suite on real PySpark."""

import os
import subprocess
import sys

EXAMPLE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "examples", "ci-testing")


def test_example_suite_passes_on_pyrust():
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=EXAMPLE,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "11 passed" in run.stdout


def test_example_suite_passes_with_xdist():
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "2"], cwd=EXAMPLE,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "11 passed" in run.stdout


def test_example_type_checks_against_pyrust(tmp_path):
    """mypy accepts the example job and its tests with PyRust's annotations (the package
    ships `py.typed`): the sources are type-checked with `pyspark` read as `pyrust`,
    which is what activation makes them at run time. `--check-untyped-defs` so the
    un-annotated test functions are checked too."""
    import re
    import shutil

    src = tmp_path / "ci-testing"
    shutil.copytree(EXAMPLE, src, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
    for path in src.rglob("*.py"):
        path.write_text(re.sub(r"\bpyspark\b", "pyrust", path.read_text()))
    python_dir = os.path.join(os.path.dirname(EXAMPLE), "..", "python")
    env = dict(os.environ, MYPYPATH=os.path.abspath(python_dir))
    run = subprocess.run([sys.executable, "-m", "mypy", "--check-untyped-defs", "--no-error-summary", "--cache-dir",
                          str(tmp_path / ".mypy_cache"), "sales_job", "tests"],
                         cwd=src, env=env, capture_output=True, text=True, timeout=600)
    assert "No module named mypy" not in run.stderr, "mypy is a test dependency (Makefile PY_TEST_LIBS)"
    assert run.returncode == 0, run.stdout + run.stderr
