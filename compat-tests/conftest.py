import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pyrust  # noqa: E402

# The cases import `pyspark`; under test that is PyRust.
pyrust.activate()
