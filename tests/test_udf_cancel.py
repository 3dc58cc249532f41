"""Ctrl-C during an action stops the query's Python UDFs (issue 11): the interrupted
query runs on in the background (Polars has no cancellation hook), but its cancel flag
is checked before every call into Python and by the runners before each batch, group
or UDTF row, so the user's function is not called again after the batch under way.
Each case runs in a child process, as the Ctrl-C test of test_reliability does."""

import json
import os
import subprocess
import sys

import pytest

_CHILD = r"""
import _thread, json, os, signal, threading, time
# Python's own Ctrl-C handler, as an interpreter started from a terminal has: a parent
# that ignores SIGINT (a shell's background job, some CI runners) passes SIG_IGN on, and
# then `interrupt_main` does nothing.
signal.signal(signal.SIGINT, signal.default_int_handler)
import pandas as pd
from pyrust.sql import SparkSession, functions as F
from pyrust.sql.functions import pandas_udf, udf, udtf

calls = [0]
# Small batches: a batch of the slow functions below takes ~20 ms.
spark = SparkSession.builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", "20").getOrCreate()
kind = os.environ["CANCEL_KIND"]
rows = spark.range(20_000)

if kind == "udf":
    @udf("long")
    def slow(x):
        calls[0] += 1
        time.sleep(0.001)  # sleeps without the GIL
        return x
    df = rows.select(slow("id").alias("id"))
elif kind == "pandas_udf":
    @pandas_udf("long")
    def slow(s: pd.Series) -> pd.Series:
        calls[0] += 1
        time.sleep(0.02)
        return s
    df = rows.select(slow("id").alias("id"))
elif kind == "map_in_pandas":
    def slow(frames):
        for pdf in frames:
            calls[0] += 1
            time.sleep(0.02)
            yield pdf
    df = rows.mapInPandas(slow, "id long")
elif kind == "apply_in_pandas":
    def slow(pdf):
        calls[0] += 1
        time.sleep(0.02)
        return pdf
    df = rows.groupBy((F.col("id") % 1000).alias("g")).applyInPandas(slow, "id long")
else:
    @udtf(returnType="id long")
    class Slow:
        def eval(self, x):
            calls[0] += 1
            time.sleep(0.001)
            yield (x,)
    rows.createOrReplaceTempView("cancel_rows")
    spark.udtf.register("slow_udtf", Slow)
    df = spark.sql("SELECT s.id FROM cancel_rows, LATERAL slow_udtf(cancel_rows.id) s")

def ctrl_c_once_running():
    # A Ctrl-C as the terminal sends it, once the function has run (however long the
    # plan takes to reach it on a loaded machine).
    deadline = time.monotonic() + 60
    while calls[0] == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.1)
    _thread.interrupt_main()

threading.Thread(target=ctrl_c_once_running, daemon=True).start()
interrupted = False
try:
    df.agg(F.sum("id")).collect()
except KeyboardInterrupt:
    interrupted = True
start = time.monotonic()
after = spark.range(10).agg(F.sum("id")).collect()[0][0]
after_seconds = time.monotonic() - start
time.sleep(1.0)  # the batch under way when Ctrl-C came ends
then = calls[0]
time.sleep(1.0)
print(json.dumps({"interrupted": interrupted, "after": after, "after_seconds": after_seconds,
                  "calls_then": then, "calls_later": calls[0]}), flush=True)
"""


@pytest.mark.parametrize("kind", ["udf", "pandas_udf", "map_in_pandas", "apply_in_pandas", "udtf"])
def test_an_interrupted_query_stops_calling_its_python_function(kind):
    run = subprocess.run([sys.executable, "-c", _CHILD], env={**os.environ, "CANCEL_KIND": kind},
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["interrupted"], result
    # The session answers at once while the interrupted query's thread winds down (the
    # query it interrupted had ~20 s of calls left).
    assert result["after"] == 45
    assert result["after_seconds"] < 5.0
    # The function ran, then stopped at a batch boundary: no call after the one under way.
    assert result["calls_then"] > 0
    assert result["calls_later"] == result["calls_then"], result
