"""Runs the benchmark suites side by side and writes bench/results/results.json.

    python bench/run.py [--scale 1] [--engines pyrust,polars,pyspark,duckdb] [--suites tpch,latency,conversion,ooc,functions,windows,ci,udf,io,s3,tpcds]
                        [--runs 3] [--queries 1-22] [--ooc-scale 10] [--ooc-memory-gb 4] [--function-rows 10000000]
                        [--windows-rows 10000000] [--windows-partitions 100000] [--io-rows 1000000]

Every engine runs in its own process (bench/worker.py), so its peak RSS is its own;
medians are taken here. TPC-H answers are checked against native Polars: a query
whose rows differ is marked wrong, and its time is not used in ratios.
"""

import argparse
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
RESULTS = os.path.join(HERE, "results")
CGROUP_ROOT = "/sys/fs/cgroup/memory"


def ensure_data(scale, tables=None):
    """TPC-H parquet files from tpchgen-cli, made once per scale factor."""
    out = os.path.join(HERE, "data", f"sf{scale:g}")
    wanted = tables or ["region", "nation", "supplier", "customer", "part", "partsupp", "orders", "lineitem"]
    missing = [t for t in wanted if not os.path.exists(os.path.join(out, f"{t}.parquet"))]
    if missing:
        print(f"generating TPC-H SF{scale:g} ({', '.join(missing)}) into {out}", file=sys.stderr, flush=True)
        subprocess.run(["tpchgen-cli", "-s", f"{scale:g}", "-f", "parquet", "-o", out, "--tables", ",".join(missing)], check=True)
    return out


class MemoryCap:
    """A cgroup memory limit for one child process (cgroup v1 or v2); None where the
    host gives us no cgroup to write."""

    def __init__(self, limit_bytes):
        v2 = os.path.exists("/sys/fs/cgroup/cgroup.controllers")
        root = "/sys/fs/cgroup" if v2 else CGROUP_ROOT
        self.path = os.path.join(root, f"pyrust-bench-{os.getpid()}")
        self.files = ("memory.max", "memory.swap.max", "memory.peak") if v2 else (
            "memory.limit_in_bytes", "memory.memsw.limit_in_bytes", "memory.max_usage_in_bytes")
        os.mkdir(self.path)
        self._write(self.files[0], limit_bytes)
        try:  # no swap either, where the kernel accounts it
            self._write(self.files[1], 0 if v2 else limit_bytes)
        except OSError:
            pass

    def _write(self, name, value):
        with open(os.path.join(self.path, name), "w") as f:
            f.write(str(value))

    @classmethod
    def create(cls, limit_bytes):
        try:
            return cls(limit_bytes)
        except OSError as e:
            print(f"no memory cap available ({e}); running uncapped", file=sys.stderr)
            return None

    def add(self, pid):
        self._write("cgroup.procs", pid)

    def peak_bytes(self):
        try:
            with open(os.path.join(self.path, self.files[2])) as f:
                return int(f.read())
        except OSError:
            return None

    def close(self):
        try:
            os.rmdir(self.path)
        except OSError:
            pass


# Python Polars 1.43.2 runs the same engine as the Rust crate PyRust builds on (polars
# 0.55: "DSL matches Python Polars 1.43.2"), so PyRust / polars-1.43 is PyRust's own
# overhead; "polars" is the newest Python Polars, engine improvements included.
SAME_ENGINE_POLARS = os.path.join(os.path.dirname(os.path.dirname(sys.executable)), "polars-1.43.2")


def _tree_anon_bytes(pid):
    """RssAnon of a process and its descendants (the JVM under PySpark), in bytes:
    the memory a run holds itself, without file pages it maps (Polars' CSV reader
    maps the file, and those pages count in RSS while they stay cached)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                total += next((int(line.split()[1]) * 1024 for line in f if line.startswith("RssAnon:")), 0)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    return total


class AnonPeak:
    """Samples a worker's anonymous RSS every 0.2 s while it runs."""

    def __init__(self, pid):
        import threading
        self.peak, self._stop = 0, threading.Event()
        self._thread = threading.Thread(target=self._run, args=(pid,), daemon=True)
        self._thread.start()

    def _run(self, pid):
        while not self._stop.wait(0.2):
            self.peak = max(self.peak, _tree_anon_bytes(pid))

    def stop(self):
        self._stop.set()
        self._thread.join()
        return self.peak


def run_worker(engine, suite, args, cap=None, anon=None):
    """Runs one worker; returns (its JSON, peak RSS in bytes, wall seconds). With
    `anon` (a dict), its "peak" is set to the sampled peak anonymous RSS."""
    cmd = [sys.executable, os.path.join(HERE, "worker.py"), "--engine", engine, "--suite", suite, *args]
    print(f"== {engine} {suite}", file=sys.stderr, flush=True)
    env = dict(os.environ)
    if engine == "polars-1.43":
        env["PYTHONPATH"] = SAME_ENGINE_POLARS
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env)
    if cap is not None:
        cap.add(proc.pid)
    sampler = AnonPeak(proc.pid) if anon is not None else None
    stdout_chunks = []
    # wait4 gives this child's own peak RSS (ru_maxrss, KiB on Linux), JVM included.
    while True:
        chunk = proc.stdout.read()
        if chunk:
            stdout_chunks.append(chunk)
        else:
            break
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if sampler is not None:
        anon["peak"] = sampler.stop()
    wall = time.perf_counter() - start
    stdout = "".join(stdout_chunks).strip().splitlines()
    if proc.returncode != 0 or not stdout:
        return {"error": f"worker exited with {proc.returncode}"}, usage.ru_maxrss * 1024, wall
    return json.loads(stdout[-1]), usage.ru_maxrss * 1024, wall


def median(xs):
    return statistics.median(xs) if xs else None


def close(a, b):
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6)
    return a == b


def same_answer(rows, reference):
    return len(rows) == len(reference) and all(
        len(r) == len(e) and all(close(x, y) for x, y in zip(r, e)) for r, e in zip(rows, reference))


def tpch_suite(engines, scale, runs, queries):
    data = ensure_data(scale)
    raw = {}
    # PyRust also runs the SQL texts of the queries (bench/tpch/sql_queries.py).
    for engine in engines + (["pyrust-sql"] if "pyrust" in engines else []):
        out, rss, wall = run_worker(engine, "tpch", ["--data", data, "--runs", str(runs), "--queries", queries])
        raw[engine] = {"out": out, "peak_rss": rss, "wall": wall}
    reference = raw.get("polars", {}).get("out", {}).get("queries", {})
    spark_answers = raw.get("pyspark", {}).get("out", {}).get("queries", {})
    result = {"scale": scale, "runs": runs, "engines": {}}
    for engine, r in raw.items():
        per_query = {}
        for q, got in r["out"].get("queries", {}).items():
            entry = {"median": median(got.get("times", [])), "times": got.get("times"), "error": got.get("error")}
            if "answer" in got and q in reference and "answer" in reference[q]:
                entry["correct"] = same_answer(got["answer"], reference[q]["answer"])
                entry["rows"] = len(got["answer"])
            if engine.startswith("pyrust") and "answer" in got and "answer" in spark_answers.get(q, {}):
                # Both compute with Spark's decimal rules: the values must agree exactly (the
                # SQL texts name some columns differently, so only their values are compared).
                same_columns = engine == "pyrust-sql" or got["columns"] == spark_answers[q]["columns"]
                entry["identical_to_pyspark"] = got["answer"] == spark_answers[q]["answer"] and same_columns
            per_query[q] = entry
        result["engines"][engine] = {"queries": per_query, "peak_rss": r["peak_rss"], "wall": r["wall"],
                                     "error": r["out"].get("error")}
    return result


def ensure_window_data(rows, partitions):
    """The window suite's input, made once per size: `rows` events over `partitions`
    keys (key, ts unique, day over a year, amount), as one Parquet file."""
    out = os.path.join(HERE, "data", f"windows_{rows}_{partitions}")
    path = os.path.join(out, "events.parquet")
    if not os.path.exists(path):
        import datetime
        import numpy as np
        import pyarrow as pa
        import pyarrow.parquet as pq
        print(f"generating {rows} window events over {partitions} keys into {out}", file=sys.stderr, flush=True)
        rng = np.random.default_rng(8)
        start = np.datetime64(datetime.date(2024, 1, 1), "D")
        table = pa.table({
            "key": rng.integers(0, partitions, rows, dtype=np.int64),
            "ts": rng.permutation(rows).astype(np.int64),
            "day": pa.array(start + rng.integers(0, 365, rows).astype("timedelta64[D]"), pa.date32()),
            # Cents: sums are exact enough to compare engines.
            "amount": np.round(rng.random(rows) * 1000, 2),
        })
        os.makedirs(out, exist_ok=True)
        pq.write_table(table, path)
    return out


def windows_suite(engines, runs, rows, partitions):
    data = ensure_window_data(rows, partitions)
    raw = {}
    for engine in engines:
        out, rss, wall = run_worker(engine, "windows", ["--data", data, "--runs", str(runs)])
        raw[engine] = {"out": out, "peak_rss": rss, "wall": wall}
    # Answers checked against PySpark's (Spark's semantics), else native Polars'.
    ref_engine = "pyspark" if "pyspark" in raw else "polars"
    reference = raw.get(ref_engine, {}).get("out", {}).get("queries", {})
    result = {"rows": rows, "partitions": partitions, "runs": runs, "reference": ref_engine, "engines": {}}
    for engine, r in raw.items():
        per_query = {}
        for q, got in r["out"].get("queries", {}).items():
            entry = {"median": median(got.get("times", [])), "times": got.get("times"), "error": got.get("error")}
            if "answer" in got and "answer" in reference.get(q, {}):
                entry["correct"] = same_answer(got["answer"], reference[q]["answer"])
            per_query[q] = entry
        result["engines"][engine] = {"queries": per_query, "peak_rss": r["peak_rss"], "wall": r["wall"],
                                     "error": r["out"].get("error")}
    return result


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def summarise_tpch(result):
    """Geometric means over the queries every listed engine answered correctly."""
    engines = result["engines"]
    ok = [q for q in engines.get("polars", {}).get("queries", {})
          if all(e["queries"].get(q, {}).get("median") and e["queries"][q].get("correct", True) for e in engines.values())]
    result["common_queries"] = sorted(ok, key=int)
    result["geomean"] = {name: geomean([e["queries"][q]["median"] for q in ok]) for name, e in engines.items()}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--scale", type=float, default=1)
    p.add_argument("--engines", default="pyrust,polars,polars-1.43,pyspark")
    p.add_argument("--suites", default="tpch,latency,conversion,ooc,functions,windows")
    p.add_argument("--tpcds-scale", type=float, default=1.0, help="TPC-DS scale factor of the tpcds suite")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--queries", default="1-22")
    p.add_argument("--latency-runs", type=int, default=200)
    p.add_argument("--ooc-scale", type=float, default=10)
    p.add_argument("--ooc-memory-gb", type=float, default=4)
    p.add_argument("--function-rows", type=int, default=10_000_000)
    p.add_argument("--windows-rows", type=int, default=10_000_000)
    p.add_argument("--udf-rows", type=int, default=10_000_000)
    p.add_argument("--io-rows", type=int, default=1_000_000)
    p.add_argument("--io-big-gb", type=float, default=2, help="size of the io suite's big CSV (0: skip it)")
    p.add_argument("--windows-partitions", type=int, default=100_000)
    p.add_argument("--output", default=os.path.join(RESULTS, "results.json"))
    a = p.parse_args()
    all_engines = a.engines.split(",")
    # DuckDB runs the SQL texts of the tpcds suite only.
    engines = [e for e in all_engines if e != "duckdb"]
    suites = a.suites.split(",")

    results = {}
    if os.path.exists(a.output):  # suites not re-run keep their last figures
        with open(a.output) as f:
            results = json.load(f)
    results["machine"] = {
        "cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
        "date": time.strftime("%Y-%m-%d"),
    }
    if "tpch" in suites:
        results["tpch"] = tpch_suite(engines, a.scale, a.runs, a.queries)
        summarise_tpch(results["tpch"])
    if "latency" in suites:
        results["latency"] = {}
        for engine in [e for e in engines if e in ("pyrust", "pyspark")]:
            runs = a.latency_runs if engine == "pyrust" else max(20, a.latency_runs // 10)
            out, rss, _ = run_worker(engine, "latency", ["--runs", str(runs)])
            results["latency"][engine] = {k: {"median": median(v), "runs": len(v)} for k, v in out.items() if k != "error"}
    if "conversion" in suites:
        results["conversion"] = {}
        for engine in ["pyarrow"] + [e for e in engines if e in ("pyrust", "pyspark")]:
            runs = a.runs if engine != "pyspark" else 1
            out, rss, _ = run_worker(engine, "conversion", ["--runs", str(runs)])
            results["conversion"][engine] = {k: {"median": median(v), "runs": len(v)} for k, v in out.items() if k != "error"}
            results["conversion"][engine]["peak_rss"] = rss
    if "windows" in suites:
        results["windows"] = windows_suite(engines, a.runs, a.windows_rows, a.windows_partitions)
    if "ooc" in suites and "pyrust" in engines:
        data = ensure_data(a.ooc_scale, ["lineitem"])
        limit = int(a.ooc_memory_gb * 2**30)
        cap = MemoryCap.create(limit)
        try:
            out, rss, wall = run_worker("pyrust", "ooc", ["--data", data, "--runs", str(a.runs)], cap)
            cgroup_peak = cap.peak_bytes() if cap else None
        finally:
            if cap:
                cap.close()
        results["ooc"] = {
            "scale": a.ooc_scale, "memory_cap": limit if cap else None, "peak_rss": rss, "cgroup_peak": cgroup_peak,
            "parquet_bytes": os.path.getsize(os.path.join(data, "lineitem.parquet")),
            "in_memory_bytes": in_memory_size(data), "times": out, "wall": wall,
        }
    if "functions" in suites:
        import functions_suite
        path = functions_suite.ensure_data(a.function_rows)
        raw = {}
        for engine in engines:
            out, _, _ = run_worker(engine, "functions", ["--data", path, "--runs", str(a.runs)])
            raw[engine] = {k: v for k, v in out.items() if k != "error"}
        results["functions"] = {"rows": a.function_rows, "runs": a.runs, "engines": functions_suite.summarise(raw, median)}
    if "tpcds" in suites:
        import tpcds_suite
        path = tpcds_suite.ensure_data(a.tpcds_scale)
        raw = {}
        for engine in [e for e in all_engines if e in ("pyrust", "pyspark", "duckdb")]:
            out, _, _ = run_worker(engine, "tpcds", ["--data", path, "--runs", str(a.runs)])
            raw[engine] = {k: v for k, v in out.items() if k != "error"}
        results["tpcds"] = {"scale": a.tpcds_scale, "runs": a.runs, "engines": tpcds_suite.summarise(raw, median)}
    if "udf" in suites:
        import udf_suite
        raw = {}
        for engine in ["pandas"] + [e for e in engines if e in ("pyrust", "pyspark")]:
            out, _, _ = run_worker(engine, "udf", ["--rows", str(a.udf_rows), "--runs", str(a.runs)])
            raw[engine] = {k: v for k, v in out.items() if k != "error"}
        results["udf"] = {"rows": a.udf_rows, "runs": a.runs, "engines": udf_suite.summarise(raw, median)}
    if "io" in suites:
        import io_suite
        path = io_suite.ensure_data(a.io_rows)
        raw, peaks = {}, {}
        for engine in [e for e in engines if e in ("pyrust", "polars", "pyspark")]:
            out, peak, _ = run_worker(engine, "io", ["--data", path, "--runs", str(a.runs)])
            raw[engine] = {k: v for k, v in out.items() if k != "error"}
            peaks[engine] = peak
        results["io"] = {"rows": a.io_rows, "runs": a.runs, "peak_rss_bytes": peaks, "engines": io_suite.summarise(raw, median)}
        if a.io_big_gb > 0:
            scratch = tempfile.mkdtemp(prefix="pyrust-io-big-")
            try:
                csv_path, rows = io_suite.make_big_csv(a.io_big_gb, scratch)
                big = {"csv_bytes": os.path.getsize(csv_path), "rows": rows, "engines": {}}
                # Polars 1.43.2 is the engine PyRust builds on: the fair "native Polars".
                for engine in [e for e in engines if e in ("pyrust", "polars-1.43", "polars", "pyspark")]:
                    anon = {}
                    out, peak, _ = run_worker(engine, "io_big", ["--data", csv_path], anon=anon)
                    big["engines"][engine] = {**out, "peak_rss": peak, "peak_anon_rss": anon.get("peak")}
                results["io"]["big"] = big
            finally:
                shutil.rmtree(scratch, ignore_errors=True)
    if "ci" in suites:
        results.setdefault("ci", {}).update(ci_suite(engines, a.runs))
    if "s3" in suites:
        # lineitem through a local S3 endpoint (moto), beside the local file and native Polars.
        data = ensure_data(a.scale, ["lineitem"])
        print("== s3", file=sys.stderr, flush=True)
        proc = subprocess.run([sys.executable, os.path.join(HERE, "s3_suite.py"), "--data", data, "--runs", str(a.runs)],
                              capture_output=True, text=True, check=True)
        results["s3"] = {"scale": a.scale, "runs": a.runs, **json.loads(proc.stdout)}
    os.makedirs(os.path.dirname(a.output), exist_ok=True)
    with open(a.output, "w") as f:
        json.dump(results, f, indent=1, sort_keys=True)
    print(f"wrote {a.output}", file=sys.stderr)


CI_SUITE = os.path.join(HERE, "ci_suite")
STARTUP = """
import sys, time
t = time.perf_counter()
if sys.argv[1] == "pyrust":
    import pyrust
    pyrust.activate()
from pyspark.sql import SparkSession
b = SparkSession.builder
if sys.argv[1] == "pyspark":
    b = b.master("local[1]").config("spark.ui.enabled", "false")
b.getOrCreate()
print(time.perf_counter() - t)
"""


def _plugin_args(engine):
    """pytest arguments for PyRust's plugin on an engine (loaded with -p where the
    interpreter has PyRust's sources but not its entry point)."""
    from importlib import metadata

    installed = any(ep.name == "pyrust" for ep in metadata.entry_points(group="pytest11"))
    args = [] if installed else ["-p", "pyrust.pytest_plugin"]
    return args + (["--pyrust-engine=pyspark"] if engine == "pyspark" else [])


def ci_suite(engines, runs):
    """bench/ci_suite (plain PySpark tests of small DataFrames) through PyRust's pytest
    plugin: start-up (import + getOrCreate, a fresh process), the median time of one test
    (setup + call + teardown), the suite's wall time, and the same with -n 2."""
    import glob
    import tempfile

    out = {}
    for engine in [e for e in engines if e in ("pyrust", "pyspark")]:
        print(f"== {engine} ci", file=sys.stderr, flush=True)
        startup = []
        for _ in range(max(runs, 3) if engine == "pyrust" else runs):
            proc = subprocess.run([sys.executable, "-c", STARTUP, engine], capture_output=True, text=True)
            if proc.returncode == 0:
                startup.append(float(proc.stdout.strip().splitlines()[-1]))
        result = {"startup": median(startup)}
        for label, extra in (("serial", []), ("n2", ["-n", "2"])):
            walls, per_test, counts, failed = [], [], [], 0
            for _ in range(runs):
                with tempfile.TemporaryDirectory() as tmp:
                    env = dict(os.environ, CI_BENCH_OUT=os.path.join(tmp, "times"))
                    start = time.perf_counter()
                    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                                           *_plugin_args(engine), *extra], cwd=CI_SUITE, env=env,
                                          capture_output=True, text=True)
                    walls.append(time.perf_counter() - start)
                    failed += proc.returncode != 0
                    times = {}
                    for path in glob.glob(os.path.join(tmp, "times.*")):
                        with open(path) as f:
                            times.update(json.load(f))
                    failed += sum(1 for k in times if k.endswith("::FAILED"))
                    per = [v for k, v in times.items() if not k.endswith("::FAILED")]
                    counts.append(len(per))
                    per_test += per
            result[label] = {"total": median(walls), "per_test_median": median(per_test), "tests": max(counts or [0]),
                             "failed_runs": failed}
        out[engine] = result
        print(f"   start-up {result['startup']:.3f}s, per test {result['serial']['per_test_median'] * 1000:.2f} ms, "
              f"suite {result['serial']['total']:.2f}s ({result['serial']['tests']} tests), "
              f"-n 2 {result['n2']['total']:.2f}s", file=sys.stderr, flush=True)
    return out


def in_memory_size(data):
    """Arrow size of the lineitem table: one row group read and scaled by the row count."""
    import pyarrow.parquet as pq
    f = pq.ParquetFile(os.path.join(data, "lineitem.parquet"))
    sample = f.read_row_group(0)
    return int(sample.nbytes / sample.num_rows * f.metadata.num_rows)


if __name__ == "__main__":
    if shutil.which("tpchgen-cli") is None:
        os.environ["PATH"] = os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"]
    main()
