"""Reliability (issue 13): threads, session isolation, Ctrl-C during an action, long
sessions and hostile partition values. The differential fuzzer (`make fuzz`,
docs/reliability.md) needs PySpark and is not part of this suite."""

import gc
import os
import subprocess
import sys
import threading
import time

import pytest

from pyrust.errors import AnalysisException
from pyrust.sql import SparkSession, functions as F
from pyrust.sql.functions import udf
from pyrust.sql.types import LongType


@pytest.fixture(scope="module")
def spark():
    return SparkSession.builder.getOrCreate()


@udf(LongType())
def _times_three(x):
    return None if x is None else x * 3


def _queries(spark, base):
    return [
        sorted(base.groupBy("k").agg(F.sum("v").alias("s"), F.max("x").alias("m")).collect()),
        base.filter(F.col("v") % 5 == 1).orderBy(F.desc("v")).limit(4).collect(),
        sorted(base.join(base.select("k", F.col("v").alias("w")).filter("w < 20"), "k", "left_anti").select("v").collect()),
        base.select(_times_three("v").alias("t")).agg(F.sum("t")).collect(),
        spark.sql("SELECT k, count(*) AS n, sum(v) AS s FROM reliability_base GROUP BY k ORDER BY k").collect(),
        base.select(F.sum(F.when(F.col("x") > 10, F.col("v")).otherwise(0)).alias("w")).collect(),
    ]


def test_threads_give_the_serial_answers(spark):
    """N threads x M queries (with a Python UDF, a join and SQL text) on one session:
    the answers of running them one by one, no deadlock."""
    base = spark.createDataFrame([(i % 5, i, float(i) / 7) for i in range(500)], "k int, v long, x double")
    base.createOrReplaceTempView("reliability_base")
    try:
        expected = _queries(spark, base)
        results, errors = [], []

        def worker():
            try:
                for _ in range(4):
                    results.append(_queries(spark, base))
            except Exception as e:  # pragma: no cover - reported below
                errors.append(e)

        threads = [threading.Thread(target=worker) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=180)
        assert not any(t.is_alive() for t in threads), "a thread is stuck (deadlock?)"
        assert not errors, errors
        assert len(results) == 24
        assert all(r == expected for r in results)
    finally:
        spark.catalog.dropTempView("reliability_base")


def test_new_session_conf_and_views_are_isolated(spark):
    other = spark.newSession()
    other.conf.set("spark.sql.ansi.enabled", "false")
    other.conf.set("spark.sql.session.timeZone", "Asia/Kolkata")
    try:
        assert spark.conf.get("spark.sql.ansi.enabled") == "true"
        assert spark.conf.get("spark.sql.session.timeZone") != "Asia/Kolkata"
        # The setting changes answers in its own session only.
        assert other.sql("SELECT CAST('x' AS INT) AS v").collect()[0].v is None
        with pytest.raises(Exception) as e:
            spark.sql("SELECT CAST('x' AS INT) AS v").collect()
        assert "CAST_INVALID_INPUT" in str(e.value)
        # Temporary views belong to their session.
        other.range(3).createOrReplaceTempView("only_in_other")
        assert other.table("only_in_other").count() == 3
        with pytest.raises(AnalysisException):
            spark.table("only_in_other").count()
    finally:
        other.catalog.dropTempView("only_in_other")
        other.conf.unset("spark.sql.ansi.enabled")
        other.conf.unset("spark.sql.session.timeZone")


# Run in a fresh interpreter: Ctrl-C is delivered to the main thread of a process, and
# what earlier tests in the same (xdist) worker did to that process must not decide the
# result. The child exits normally while the interrupted query's thread still runs its
# UDF (Polars has no cancellation hook): at exit PyRust stops that thread's call into
# Python and refuses new ones (`stop_python_calls`), so finalisation does not abort.
_CTRL_C_CHILD = r"""
import _thread, json, os, signal, sys, threading, time
# Python's own Ctrl-C handler, as an interpreter started from a terminal has (a parent
# that ignores SIGINT passes SIG_IGN on, and then `interrupt_main` does nothing).
signal.signal(signal.SIGINT, signal.default_int_handler)
from pyrust.sql import SparkSession, functions as F
from pyrust.sql.functions import udf
from pyrust.sql.types import LongType

@udf(LongType())
def slow_identity(x):
    time.sleep(0.002)  # sleeps without the GIL: an interrupted query costs no CPU in the background
    return x

spark = SparkSession.builder.getOrCreate()
action = os.environ["CTRL_C_ACTION"]
if action == "collect":
    # Pure Polars work: seconds even in a release build, ~10 s in the dev build.
    df = spark.range(30_000_000).select(F.sum(F.sqrt(F.col("id") * 3 + 1)).alias("s"))
else:
    # A Python UDF that sleeps: 4 s of waiting, whatever the machine.
    df = spark.range(2_000).filter(slow_identity("id") >= 0)
timer = threading.Timer(0.5, _thread.interrupt_main)  # a Ctrl-C as the terminal sends it
start = time.monotonic()
timer.start()
elapsed = None
try:
    getattr(df, action)()
except KeyboardInterrupt:
    elapsed = time.monotonic() - start
finally:
    timer.cancel()


def query_threads():
    names = []
    for task in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{task}/comm") as f:
                names.append(f.read().strip())
        except OSError:
            pass  # ended meanwhile
    return names.count("pyrust-query")


# The interrupted query itself stops too (its thread ends), not only the wait for it.
stopped = None
while elapsed is not None and time.monotonic() - start < 10:
    if query_threads() == 0:
        stopped = time.monotonic() - start
        break
    time.sleep(0.02)
# The session answers at once afterwards.
after = spark.range(10).agg(F.sum("id")).collect()[0][0]
print(json.dumps({"elapsed": elapsed, "stopped": stopped, "after": after}), flush=True)
sys.exit(0)
"""


@pytest.mark.parametrize("action", ["collect", "count"])
@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="counts the query threads in /proc")
def test_ctrl_c_stops_a_long_action_within_a_second(action):
    import json

    run = subprocess.run([sys.executable, "-c", _CTRL_C_CHILD], env={**os.environ, "CTRL_C_ACTION": action},
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.strip().splitlines()[-1])
    elapsed = result["elapsed"]
    assert elapsed is not None, f"{action} finished before Ctrl-C came: make the query longer"
    assert elapsed < 1.5, f"KeyboardInterrupt came {elapsed - 0.5:.2f} s after Ctrl-C (goal: under 1 s)"
    if action == "collect":
        # Polars' own work stops at its next check of the abort flag. (A Python UDF's
        # batch under way runs to its end: tests/test_udf_cancel.py.) Measured 0.6-0.9 s
        # after the Ctrl-C in the dev build on a loaded machine, 1.7 s (from the start) once
        # beside two builds; the bound (the query alone runs ~10 s there) leaves room for
        # a machine busier still, without letting a query that runs on pass.
        assert result["stopped"] is not None and result["stopped"] < 5.0, f"the query ran on after Ctrl-C: {result}"
    assert result["after"] == 45


_MEMORY_CHILD = r"""
import json, os, sys, time
from pyrust.sql import SparkSession, functions as F
spark = SparkSession.builder.getOrCreate()
start = time.monotonic()
error = None
try:
    # Twenty million groups: a hash table that grows for seconds, far past the limit.
    spark.range(20_000_000).groupBy("id").count().agg(F.max("count")).collect()
except Exception as e:
    error = getattr(e, "getCondition", lambda: None)() or type(e).__name__
elapsed = time.monotonic() - start
after = spark.range(10).agg(F.sum("id")).collect()[0][0]
print(json.dumps({"error": error, "elapsed": elapsed, "after": after}), flush=True)
"""


def test_a_query_past_the_memory_limit_fails_with_spark_error():
    """The memory guard (exec::memory): past its limit a query stops with Spark's
    UNABLE_TO_ACQUIRE_MEMORY and the session goes on, where the OOM killer would end the
    process without a word. The limit is set low here (PYRUST_MEMORY_LIMIT)."""
    import json

    env = {**os.environ, "PYRUST_MEMORY_LIMIT": "400m"}
    run = subprocess.run([sys.executable, "-c", _MEMORY_CHILD], env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["error"] == "UNABLE_TO_ACQUIRE_MEMORY", result
    assert result["after"] == 45


def _memory_cgroup(limit_bytes):
    """A fresh memory cgroup capped at `limit_bytes` (v1 or v2), or None where this
    process may not make one (not root, no memory controller)."""
    v2 = os.path.exists("/sys/fs/cgroup/cgroup.controllers")
    root, limit_file = ("/sys/fs/cgroup", "memory.max") if v2 else ("/sys/fs/cgroup/memory", "memory.limit_in_bytes")
    path = os.path.join(root, f"pyrust-test-{os.getpid()}")
    try:
        os.mkdir(path)
        with open(os.path.join(path, limit_file), "w") as f:
            f.write(str(limit_bytes))
    except OSError:
        try:
            os.rmdir(path)
        except OSError:
            pass
        return None
    return path


def test_a_query_past_its_cgroup_limit_fails_with_spark_error():
    """The guard's limit is the process's own cgroup's (or an ancestor's), not the
    hierarchy root's: a child in a 500 MB cgroup stops the query with
    UNABLE_TO_ACQUIRE_MEMORY instead of being killed by the kernel (SIGKILL, no word),
    as TPC-H Q21 at SF1 was under a 512 MiB cap before (reliability.md)."""
    import json

    path = _memory_cgroup(500 * 2**20)
    if path is None:
        pytest.skip("no memory cgroup can be made here")
    try:
        env = {k: v for k, v in os.environ.items() if k != "PYRUST_MEMORY_LIMIT"}
        # The child joins the cgroup before it imports anything.
        code = f"open({os.path.join(path, 'cgroup.procs')!r}, 'w').write(str(__import__('os').getpid()))\n" + _MEMORY_CHILD
        run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, f"killed or failed (rc {run.returncode}): {run.stderr[-2000:]}"
        result = json.loads(run.stdout.strip().splitlines()[-1])
        assert result["error"] == "UNABLE_TO_ACQUIRE_MEMORY", result
        assert result["after"] == 45
    finally:
        for _ in range(50):  # the group can be removed once its last process has gone
            try:
                os.rmdir(path)
                break
            except OSError:
                time.sleep(0.1)


def _rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="reads RSS from /proc")
def test_long_session_memory_and_time_stay_flat(spark):
    """900 small queries, the pattern of a CI suite: RSS grows less than 50 MB after
    warm-up and the median query of the last batch is not much slower than of the first."""
    base = spark.createDataFrame([(i % 3, i) for i in range(20)], "k int, v long")

    def batch(n):
        times = []
        for i in range(n):
            start = time.perf_counter()
            df = base.filter(F.col("v") > i % 7).groupBy("k").agg(F.sum("v").alias("s")).orderBy("k")
            assert len(df.collect()) == 3
            times.append(time.perf_counter() - start)
        return sorted(times)[n // 2]

    batch(100)  # warm-up: caches, allocator pools
    gc.collect()
    rss_start = _rss_mb()
    first = batch(250)
    batch(300)
    last = batch(250)
    gc.collect()
    growth = _rss_mb() - rss_start
    assert growth < 50, f"RSS grew {growth:.1f} MB over 800 queries"
    # Loose: CI machines are shared; a leak-driven slowdown keeps growing past this.
    assert last < first * 3 + 0.005, f"median query time grew from {first * 1000:.2f} ms to {last * 1000:.2f} ms"


def test_cached_frames_are_freed_by_unpersist(spark):
    df = spark.range(200_000).select((F.col("id") * 2).alias("v")).cache()
    assert df.count() == 200_000
    df.unpersist()
    assert df.agg(F.sum("v")).collect()[0][0] == 200_000 * 199_999


HOSTILE = ["a/b", "..", "../../escape", "k=v", "100%", "%2F", "é😀", "", None, " lead", "a:b*?"]
# Spark's ExternalCatalogUtils.escapePathName: '/', '=', '%', ':', '*', '?' and friends as %XX;
# NULL and "" as __HIVE_DEFAULT_PARTITION__; '.', ' ' and non-ASCII kept.
ESCAPED = {"a/b": "p=a%2Fb", "..": "p=..", "../../escape": "p=..%2F..%2Fescape", "k=v": "p=k%3Dv", "100%": "p=100%25",
           "%2F": "p=%252F", "é😀": "p=é😀", " lead": "p= lead", "a:b*?": "p=a%3Ab%2A%3F"}


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_hostile_partition_values_stay_under_the_target(spark, tmp_path, fmt):
    target = tmp_path / "out"
    rows = [(i, v) for i, v in enumerate(HOSTILE)]
    spark.createDataFrame(rows, "id int, p string").write.partitionBy("p").format(fmt).save(str(target))
    # Nothing was written beside the target.
    assert sorted(os.listdir(tmp_path)) == ["out"]
    dirs = {d for d in os.listdir(target) if not d.startswith(("_", "."))}
    assert dirs == set(ESCAPED.values()) | {"p=__HIVE_DEFAULT_PARTITION__"}
    for root, _, files in os.walk(target):
        assert os.path.realpath(root).startswith(os.path.realpath(target))
    if fmt == "parquet":  # (reading a partitioned CSV directory back is not supported yet)
        back = sorted((r.id, r.p) for r in spark.read.parquet(str(target)).collect())
        assert back == sorted((i, None if v in ("", None) else v) for i, v in rows)


# --- the fuzzer's own machinery (fuzz/), without PySpark ----------------------------------------------

FUZZ = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "fuzz")


def _fuzz_modules():
    import importlib
    import sys

    sys.path.insert(0, FUZZ)
    try:
        return importlib.import_module("programs"), importlib.import_module("build"), importlib.import_module("shrink")
    finally:
        sys.path.remove(FUZZ)


def test_fuzz_programs_are_seeded_and_shrink():
    programs, build, shrink = _fuzz_modules()
    first = [build.source(g) for _, g in programs.campaign(11, 200)]
    assert first == [build.source(g) for _, g in programs.campaign(11, 200)]
    for text in first:
        compile(text, "<program>", "exec")
    group = dict(next(g for _, g in programs.campaign(11, 200) if g["kind"] == "expr"))
    group["exprs"] = [["call", "abs", [["bin", "+", ["col", "c0"], ["lit", 1, None]]]]]
    small, _ = shrink.shrink(group, lambda p: '"+"' in repr(p["exprs"]).replace("'", '"'))
    assert small["exprs"] == [["bin", "+", ["lit", None, None], ["lit", 1, None]]] and small["data"]["rows"] == []


def test_random_programs_do_not_crash(spark):
    """80 of the fuzzer's programs (seed 5) on PyRust: errors are fine, an
    INTERNAL_ERROR or a panic is not (fuzz/no_crash.py runs thousands)."""
    import datetime
    import decimal

    import pyrust

    programs, build, _ = _fuzz_modules()
    pyrust.activate()
    import sys

    sys.path.insert(0, os.path.join(os.path.dirname(FUZZ), "compat-tests"))
    from harness import Case, run_case
    from pyspark.sql import Window

    crashes = []
    for _, group in programs.campaign(5, 80):
        singles = [group] if group["kind"] == "pipeline" else [dict(group, exprs=[e]) for e in group["exprs"]]
        for p in singles:
            scope = {"F": F, "Window": Window, "datetime": datetime, "D": decimal.Decimal}
            exec(build.source(p), scope)
            ordered = p["kind"] == "expr"
            result = run_case(Case("fuzz", "fuzz", scope["run"], p["conf"], ordered, ordered), spark)
            if (result.get("error") or {}).get("condition") == "INTERNAL_ERROR":
                crashes.append(build.source(p))
    assert not crashes, crashes[:3]


# Inputs that would make Polars abort the process (a failed allocation) raise a Spark
# error instead. Each runs in its own Python process, so an abort fails its test
# instead of killing pytest.

_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

_ABORT_PRELUDE = """
import pyrust
pyrust.activate()
from pyspark.sql import SparkSession, functions as F
spark = SparkSession.builder.getOrCreate()
try:
    {body}
    print("NO ERROR")
except Exception as e:
    print("ERROR", type(e).__name__, e.getCondition() if hasattr(e, "getCondition") else None)
"""

_ABORT_CASES = {
    "repeat": ("spark.range(1).select(F.repeat(F.lit('ab'), 2**31 - 1)).collect()", "UNABLE_TO_ACQUIRE_MEMORY"),
    "repeat_sql": ("spark.range(1).selectExpr(\"repeat('abc', 1500000000)\").collect()", "UNABLE_TO_ACQUIRE_MEMORY"),
    "space": ("spark.range(1).selectExpr('space(2000000000)').collect()", "UNABLE_TO_ACQUIRE_MEMORY"),
    "lpad": ("spark.range(1).select(F.lpad(F.lit('a'), 2**31 - 1, 'xy')).collect()", "UNABLE_TO_ACQUIRE_MEMORY"),
    "lpad_one_char": ("spark.range(1).select(F.lpad(F.lit('a'), 2**31 - 1, '0')).collect()", "UNABLE_TO_ACQUIRE_MEMORY"),
    "rpad": ("spark.range(1).select(F.rpad(F.lit('a'), 2**31 - 1, 'xy')).collect()", "UNABLE_TO_ACQUIRE_MEMORY"),
    "sequence": ("spark.range(1).select(F.sequence(F.lit(1), F.lit(10**9))).collect()", "UNABLE_TO_ACQUIRE_MEMORY"),
    "sequence_over_limit": ("spark.range(1).select(F.sequence(F.lit(0).cast('bigint'), F.lit(2**40))).collect()",
                            "COLLECTION_SIZE_LIMIT_EXCEEDED.PARAMETER"),
    "array_repeat": ("spark.range(1).select(F.array_repeat(F.lit(1), 10**9)).collect()", "UNABLE_TO_ACQUIRE_MEMORY"),
    "array_repeat_over_limit": ("spark.range(1).select(F.array_repeat(F.lit('abc'), 2**31 - 1)).collect()",
                                "COLLECTION_SIZE_LIMIT_EXCEEDED.PARAMETER"),
}


def _run_isolated(body):
    env = dict(os.environ, PYTHONPATH=os.path.join(_ROOT, "python"))
    # A cap on the address space: an allocation that gets through fails (and aborts)
    # at once instead of swapping the machine.
    code = "import resource; resource.setrlimit(resource.RLIMIT_AS, (6 << 30, 6 << 30))\n" + _ABORT_PRELUDE.format(body=body)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=240, env=env)


@pytest.mark.parametrize("name", sorted(_ABORT_CASES))
def test_raises_a_spark_error_instead_of_aborting(name):
    body, condition = _ABORT_CASES[name]
    p = _run_isolated(body)
    assert p.returncode == 0, f"the process died ({p.returncode}): {p.stderr[-2000:]}"
    assert p.stdout.split() [:1] == ["ERROR"], p.stdout
    assert p.stdout.strip().endswith(condition), p.stdout


# Expressions nested deeper than analysis::nesting::MAX_DEPTH (500) raise an error
# (Spark's analyzer overflows its stack on them: PySpark 4.0.1 fails `F.array` and
# `when` 500 deep and a `+` chain of 1,000 terms with java.lang.StackOverflowError)
# instead of overflowing the stack, which aborted the process.
_DEEP_CASES = {
    "array_2000": "c = F.lit(1)\n    for _ in range(2000): c = F.array(c)\n    spark.range(2).select(c).collect()",
    "when_2000": "c = F.lit(0)\n    for i in range(2000): c = F.when(F.col('id') == i, i).otherwise(c)\n"
                 "    spark.range(2).select(c).collect()",
    "plus_10000": "c = F.col('id')\n    for _ in range(10000): c = c + 1\n    spark.range(2).select(c).collect()",
    "filter_plus_10000": "c = F.col('id')\n    for _ in range(10000): c = c + 1\n    spark.range(2).filter(c > 0).count()",
    "struct_ddl_2000": "spark.createDataFrame([], 'a ' + 'struct<a:' * 2000 + 'int' + '>' * 2000).collect()",
}


@pytest.mark.parametrize("name", sorted(_DEEP_CASES))
def test_deep_expressions_raise_instead_of_aborting(name):
    p = _run_isolated(_DEEP_CASES[name])
    assert p.returncode == 0, f"the process died ({p.returncode}): {p.stderr[-2000:]}"
    assert p.stdout.split()[:1] == ["ERROR"], p.stdout
