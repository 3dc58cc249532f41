"""A long-lived engine process for the fuzzer: `worker.py pyspark|pyrust`.

Reads one JSON request per line on stdin ({"jobs": [{"source", "conf", "ordered",
"show"}]}), runs each job with the compat harness's own `run_case` (so outputs are
captured and encoded exactly as for the goldens) and answers one JSON line on the
protocol pipe. A Rust panic that reaches Python (pyo3's PanicException is a
BaseException, which run_case does not catch) is answered as {"crash": text}; a
process that dies is counted as a crash by the driver."""

import atexit
import datetime
import decimal
import json
import logging
import os
import shutil
import sys
import tempfile
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
    return spark


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
        results = []
        for job in request["jobs"]:
            scope = {"F": F, "Window": Window, "datetime": datetime, "D": decimal.Decimal}
            try:
                exec(job["source"], scope)
                c = Case("fuzz", "fuzz", scope["run"], job.get("conf", {}), job.get("ordered", True), job.get("show", True))
                sys.stdout = sys.stderr
                results.append(run_case(c, spark))
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
        proto.write(json.dumps({"results": results}) + "\n")


def _jvm_alive(spark):
    try:
        spark.sparkContext._jvm.java.lang.System.currentTimeMillis()
        return True
    except Exception:
        return False


if __name__ == "__main__":
    main()
