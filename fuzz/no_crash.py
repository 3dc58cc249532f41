#!/usr/bin/env python3
"""The fuzzer's programs on PyRust alone (no PySpark, no Java): every expression
program one by one and every pipeline, in this process. Counts the crashes (a Rust
panic reaching Python, an INTERNAL_ERROR, any exception without an error class)
and prints each crashing program. Much faster than the differential run, so it
covers many more programs for the "no crash, ever" goal.

Usage: .venv/bin/python fuzz/no_crash.py [--seed N] [--programs N] [--show N]"""

import argparse
import collections
import datetime
import decimal
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "compat-tests"))
sys.path.insert(0, HERE)

import build  # noqa: E402
import programs  # noqa: E402
from run import classify  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--programs", type=int, default=2500)
    parser.add_argument("--show", type=int, default=20, help="crashing programs printed")
    args = parser.parse_args()
    import pyrust

    pyrust.activate()
    from harness import Case, run_case
    from pyspark.sql import SparkSession, Window
    from pyspark.sql import functions as F

    spark = SparkSession.builder.getOrCreate()
    counts, crashes = collections.Counter(), []
    start = time.time()
    for _, group in programs.campaign(args.seed, args.programs):
        singles = [group] if group["kind"] == "pipeline" else [dict(group, exprs=[e]) for e in group["exprs"]]
        for p in singles:
            scope = {"F": F, "Window": Window, "datetime": datetime, "D": decimal.Decimal}
            exec(build.source(p), scope)
            ordered = p["kind"] == "expr"
            try:
                result = run_case(Case("fuzz", "fuzz", scope["run"], p["conf"], ordered, ordered), spark)
            except BaseException as e:  # a panic (pyo3's PanicException is a BaseException)
                if isinstance(e, KeyboardInterrupt):
                    raise
                result = {"crash": f"{type(e).__name__}: {e}"}
            counts["run"] += 1
            if counts["run"] % 500 == 0:
                # A long run says how far it got (stderr: the summary stays on stdout).
                print(f"{counts['run']} programs, {counts['crashed']} crashed, {time.time() - start:.0f} s", file=sys.stderr, flush=True)
            error = result.get("error") or {}
            if classify({}, result, ordered) == "crash":
                counts["crashed"] += 1
                crashes.append((p, result))
            elif error and error.get("condition") is None:
                counts[f"error without class: {error.get('class')}"] += 1
            elif error:
                counts["errors"] += 1
    counts["seconds"] = round(time.time() - start, 1)
    print(dict(counts))
    for p, r in crashes[: args.show]:
        print(f"\n--- conf {build.conf_source(p)}\n{build.source(p)}=> {(r.get('crash') or r['error']['message'])[:400]}")
    sys.exit(1 if crashes else 0)


if __name__ == "__main__":
    main()
