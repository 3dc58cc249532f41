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
