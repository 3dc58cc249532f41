"""A long-lived engine process for the fuzzer: `worker.py pyspark|pyrust`.

Reads one JSON request per line on stdin ({"jobs": [{"source", "conf", "ordered",
"show"}]}), runs each job with the compat harness's own `run_case` (so outputs are
captured and encoded exactly as for the goldens) and answers one JSON line on the
protocol pipe. A Rust panic that reaches Python (pyo3's PanicException is a
BaseException, which run_case does not catch) is answered as {"crash": text}; a
process that dies is counted as a crash by the driver."""

import atexit
import collections
import datetime
import decimal
import json
import logging
import os
import shutil
import sys
import tempfile
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "compat-tests"))


def session(engine):
    if engine == "pyrust":
        import pyrust

        pyrust.activate()
        from pyspark.sql import SparkSession

        return SparkSession.builder.appName("fuzz").getOrCreate()
    import pyspark
    from pyspark.sql import SparkSession

    assert pyspark.__version__ == "4.0.1", pyspark.__version__
    # The JVM's scratch (blockmgr-*, spark-*) in a directory of its own, removed at exit:
    # a long campaign otherwise leaves them in /tmp.
    local_dir = tempfile.mkdtemp(prefix="pyrust-fuzz-spark-")
    atexit.register(shutil.rmtree, local_dir, True)
    spark = (SparkSession.builder.master("local[1]")
             .config("spark.local.dir", local_dir)
             .config("spark.sql.session.timeZone", "UTC")
             .config("spark.ui.enabled", "false")
             .config("spark.sql.shuffle.partitions", "1")
             .config("spark.ui.showConsoleProgress", "false")
             .getOrCreate())
    spark.sparkContext.setLogLevel("OFF")
    # PySpark logs every failing query (with its JVM stack) through Python logging.
    logging.disable(logging.CRITICAL)
    spark.createDataFrame = FrameMemo(spark.createDataFrame)
    return spark


class FrameMemo:
    """PySpark's createDataFrame (PySpark's side only), remembering its last frames.
    PySpark turns local rows into a pickled RDD that every Spark job unpickles in a
    Python worker process (measured under load: a fresh frame's collect ~2 s, a cached
    one's ~1.2 s); the fuzzer runs many jobs over one group's frame (a batched
    select, its show(), the halves of a failing batch, the probe). The
    frame of equal rows and schema is made once and its rows RDD cached, so later jobs
    read it from the JVM's block manager: the DataFrame's plan (a LogicalRDD) and
    hence every answer are unchanged, only where the RDD's rows come from. Within one
    job a frame is never handed out twice (a program that builds two equal frames gets
    two, as without the memo: a join of a frame with itself is another plan)."""

    SIZE = 8

    def __init__(self, create):
        self.create = create
        self.frames = collections.OrderedDict()
        self.handed_out = set()

    def new_job(self):
        self.handed_out.clear()

    def __call__(self, data, schema=None, *args, **kwargs):
        if args or kwargs or not isinstance(schema, str) or not isinstance(data, list):
            return self.create(data, schema, *args, **kwargs)
        key = (schema, repr(data))
        if key in self.handed_out:
            return self.create(data, schema)
        self.handed_out.add(key)
        if key in self.frames:
            self.frames.move_to_end(key)
            return self.frames[key]
        df = self.create(data, schema)
        df._jdf.queryExecution().logical().rdd().cache()
        self.frames[key] = df
        while len(self.frames) > self.SIZE:
            _, old = self.frames.popitem(last=False)
            old._jdf.queryExecution().logical().rdd().unpersist(False)
        return df


def main():
    engine = sys.argv[1]
    # The protocol gets its own copy of stdout; anything else printed goes to stderr.
    proto = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    spark = session(engine)
    from harness import Case, run_case
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    proto.write(json.dumps({"ready": engine}) + "\n")
    for line in sys.stdin:
        request = json.loads(line)
        started = time.perf_counter()
        results = []
        for job in request["jobs"]:
            if isinstance(spark.createDataFrame, FrameMemo):
                spark.createDataFrame.new_job()
            scope = {"F": F, "Window": Window, "datetime": datetime, "D": decimal.Decimal}
            try:
                exec(job["source"], scope)
                c = Case("fuzz", "fuzz", scope["run"], job.get("conf", {}), job.get("ordered", True), job.get("show", True))
                sys.stdout = sys.stderr
                results.append(analyze(c, spark) if job.get("analyze") else run_case(c, spark))
            except BaseException as e:  # a panic, or the program text itself failing
                if isinstance(e, KeyboardInterrupt):
                    raise
                results.append({"crash": f"{type(e).__name__}: {e}"[:2000], "trace": traceback.format_exc()[-2000:]})
                for k in job.get("conf", {}):
                    try:
                        spark.conf.unset(k)
                    except BaseException:
                        pass
        if engine == "pyspark" and not _jvm_alive(spark):
            # The JVM died (a SIGSEGV in a JIT-compiled method was seen once): every
            # later query would fail. Exit so that the driver restarts this worker.
            print("the JVM died during: " + json.dumps(request)[:20000], file=sys.stderr, flush=True)
            sys.exit(3)
        # The time this engine spent on the request: the driver's per-engine figures.
        proto.write(json.dumps({"results": results, "seconds": round(time.perf_counter() - started, 3)}) + "\n")


def analyze(c, spark):
    """Whether the program's DataFrame can be built and analysed ({"analyzed": True}),
    else its error as run_case describes it: no Spark job runs. The driver's probe
    (run.py, Campaign.probed); what is compared is always a run_case result."""
    from harness import describe_error

    try:
        for k, v in c.conf.items():
            spark.conf.set(k, v)
        c.fn(spark).schema
        return {"analyzed": True}
    except Exception as e:
        return {"error": describe_error(e)}
    finally:
        for k in c.conf:
            spark.conf.unset(k)


def _jvm_alive(spark):
    try:
        spark.sparkContext._jvm.java.lang.System.currentTimeMillis()
        return True
    except Exception:
        return False


if __name__ == "__main__":
    main()
