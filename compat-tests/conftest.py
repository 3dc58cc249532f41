import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pyrust  # noqa: E402

# The cases import `pyspark`; under test that is PyRust.
pyrust.activate()


def pytest_configure(config):
    # The cases write their input files with `tempfile.mkdtemp` and leave them (the
    # recorder runs the same code on PySpark); under test they all go below one directory
    # per pytest process, removed when it ends, so runs do not fill /tmp.
    import tempfile

    config._pyrust_case_tmp = tempfile.mkdtemp(prefix="pyrust-compat-run-")
    tempfile.tempdir = config._pyrust_case_tmp


def pytest_unconfigure(config):
    import shutil
    import tempfile

    root = getattr(config, "_pyrust_case_tmp", None)
    if root is not None:
        tempfile.tempdir = None
        shutil.rmtree(root, ignore_errors=True)
