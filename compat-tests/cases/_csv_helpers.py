"""Helpers of the CSV reader cases: input files holding exactly the given text."""

import os
import tempfile


def csv_file(text: str, name: str = "data.csv") -> str:
    """A file in a fresh temp directory holding exactly `text` (no newline translation,
    so `\\r\\n` and `lineSep` cases see the bytes they wrote)."""
    path = os.path.join(tempfile.mkdtemp(prefix="pyrust-csv-"), name)
    with open(path, "w", newline="", encoding="utf-8") as f:
        f.write(text)
    return path
