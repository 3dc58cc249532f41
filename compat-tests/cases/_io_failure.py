"""Helpers of the I/O cases whose errors PySpark surfaces as a bare Py4JJavaError (a
SparkException the JVM does not convert: CANNOT_MERGE_SCHEMAS, FAILED_READ_FILE.*):
the condition, its message and SQLSTATE as the text of the error gives them, the
fixture directory written `<dir>`."""

import os
import re
import tempfile
from typing import Any, Callable, Dict

import pyarrow.parquet as pq

_CONDITION = re.compile(r"\[([A-Z_]+(?:\.[A-Z_]+)*)\] (.*?) SQLSTATE: (\w+)", re.S)


def failure(action: Callable[[], Any], where: str = "") -> Any:
    """[condition, message, SQLSTATE] of the first condition in the text of the error
    `action` raises (its directory `where` written `<dir>`), or its rows if none."""
    try:
        value = action()
        return ["no error", [list(r) for r in value.collect()] if hasattr(value, "collect") else value]
    except Exception as e:  # noqa: BLE001 - the error is the answer
        text = str(e)
        m = _CONDITION.search(text)
        if not m:
            return [type(e).__name__, text.splitlines()[0] if text else ""]
        message = m.group(2)
        if where:
            message = message.replace(os.path.realpath(where), "<dir>").replace(where, "<dir>")
        return [m.group(1), message, m.group(3)]


def tree(files: Dict[str, Any]) -> str:
    """A fresh directory holding `files`: pyarrow tables written as Parquet, bytes or
    text written as they are."""
    d = tempfile.mkdtemp(prefix="pyrust-io-")
    for name, content in files.items():
        path = os.path.join(d, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if isinstance(content, (bytes, str)):
            with open(path, "wb") as f:
                f.write(content if isinstance(content, bytes) else content.encode())
        else:
            pq.write_table(content, path)
    return d
