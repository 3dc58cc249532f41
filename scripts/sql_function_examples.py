#!/usr/bin/env python3
"""Writes compat-tests/cases/sql_functions_generated.py: every function of PyRust's
registry that Spark SQL also has, called through `spark.sql` with the examples of
Spark's own documentation (`DESCRIBE FUNCTION EXTENDED`'s "> SELECT ...;" lines).

Run with PySpark 4.0.1 and PyRust's extension both importable, e.g.
    .venv-record/bin/python scripts/sql_function_examples.py .venv/bin/python
(the argument is a Python that imports pyrust, to read the registry)."""

import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "compat-tests", "cases", "sql_functions_generated.py")

# Functions whose examples differ run to run (random, clocks, ids) or by machine.
NONDETERMINISTIC = {
    "rand", "randn", "random", "uuid", "shuffle", "current_date", "current_timestamp", "now", "localtimestamp", "curdate",
    "monotonically_increasing_id", "spark_partition_id", "input_file_name", "version", "current_user", "user", "session_user",
    "uniform", "randstr", "aes_encrypt", "current_timezone", "input_file_block_length", "input_file_block_start",
    "try_aes_decrypt", "aes_decrypt",
}


def registry_names(python):
    code = "import json, pyrust._native as n; print(json.dumps([x for f, a, k in n.registered_functions() for x in [f] + a]))"
    return set(json.loads(subprocess.check_output([python, "-c", code])))


def examples(names):
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.master("local[1]").getOrCreate()
    listed = {r[0] for r in spark.sql("SHOW FUNCTIONS").collect()}
    out = []
    for name in sorted(names & listed - NONDETERMINISTIC):
        text = "\n".join(r[0] for r in spark.sql(f"DESCRIBE FUNCTION EXTENDED `{name}`").collect())
        current = None
        found = []
        for line in text.split("\n"):
            s = line.strip()
            if s.startswith("> "):
                current = s[2:]
            elif current is not None:
                current += " " + s
            if current is not None and current.endswith(";"):
                found.append(current[:-1])
                current = None
        for i, sql in enumerate(found):
            # (`unix_timestamp()` without an argument is the current time.)
            if not re.search(r"\b(rand|randn|uuid|now|current_date|current_timestamp|shuffle)\s*\(|\bunix_timestamp\(\)", sql):
                out.append((f"{re.sub(r'[^0-9a-zA-Z_]', '_', name)}_{i}", name, sql))
    return out


if __name__ == "__main__":
    rows = examples(registry_names(sys.argv[1]))
    print(len(rows), "examples")
    json.dump(rows, open("/tmp/sql_function_examples.json", "w"))
