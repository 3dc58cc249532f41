"""docs/supported-api.md is generated from the code and must be current."""

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_supported_api_doc_is_current():
    generated = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "supported_api.py")],
                               check=True, capture_output=True, text=True).stdout
    with open(os.path.join(ROOT, "docs", "supported-api.md")) as f:
        assert f.read() == generated, "docs/supported-api.md is stale: run `make docs`"
