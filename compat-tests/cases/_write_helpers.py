"""What a user observes of a write: the files (uuid normalised, hidden checksum files
left out), the text of CSV/JSON/text files (sorted lines), and the data read back."""

import json
import os
import re
import tempfile

from harness import encode

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def fresh_path() -> str:
    return os.path.join(tempfile.mkdtemp(prefix="pyrust-write-"), "out")


def listing(path: str):
    out = []
    for root, dirs, files in os.walk(path):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in files:
            if not f.startswith("."):
                out.append(UUID.sub("<uuid>", os.path.relpath(os.path.join(root, f), path)))
    return sorted(out)


def lines(path: str):
    out = []
    for root, dirs, files in os.walk(path):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in files:
            if f.startswith((".", "_")) or f.endswith(".parquet"):
                continue
            with open(os.path.join(root, f), "rb") as fh:
                out.extend(fh.read().decode("utf-8").split("\n"))
    return sorted(out)


def read_back(df):
    rows = sorted((encode(r) for r in df.collect()), key=lambda r: json.dumps(r, sort_keys=True))
    return {"schema": df.schema.simpleString(), "rows": rows}


def observe(spark, path: str, fmt: str, text: bool = True, read: bool = True, **read_options):
    out = {"files": listing(path)}
    if text:
        out["lines"] = lines(path)
    if read:
        out["read"] = read_back(spark.read.format(fmt).options(**read_options).load(path))
    return out
