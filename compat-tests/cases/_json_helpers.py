"""Helpers of the JSON reader cases: files written into a fresh temp directory, and
read failures reduced to their error condition (Spark raises them wrapped in a
Py4JJavaError whose text names the file's temp path)."""

import os
import re
import tempfile
from typing import Callable, Union


def json_file(text: Union[str, bytes], name: str = "data.json") -> str:
    d = tempfile.mkdtemp(prefix="pyrust-compat-")
    path = os.path.join(d, name)
    with open(path, "wb") as f:
        f.write(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def json_dir(files: dict) -> str:
    d = tempfile.mkdtemp(prefix="pyrust-compat-")
    for name, text in files.items():
        path = os.path.join(d, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
    return d


def failure(action: Callable) -> str:
    """The condition of the error `action` raises (the first `[CONDITION]` of its text)."""
    try:
        action()
    except Exception as e:  # noqa: BLE001 - the condition is the answer
        m = re.search(r"\[([A-Z_]+(?:\.[A-Z_]+)*)\]", str(e))
        return m.group(1) if m else type(e).__name__
    return "no error"
