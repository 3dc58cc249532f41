"""The `tpcds` suite: the 99 TPC-DS queries (103 texts, as Spark's own query files spell
them: compat-tests/tpcds/queries) in Spark SQL over temp views of tpcgen-cli's Parquet
files, on PyRust and on PySpark; PyRust's answers are checked against PySpark's.

    python bench/run.py --suites tpcds --tpcds-scale 1 --engines pyrust,pyspark

The data is made once per scale factor under bench/data/tpcds-sf<scale>/.
"""

import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
QUERY_DIR = os.path.join(HERE, "..", "compat-tests", "tpcds", "queries")
sys.path.insert(0, os.path.join(HERE, "..", "compat-tests"))

from cases._tpcds_data import SPARK_NAMES, TABLES  # noqa: E402


def query_names():
    names = [f[:-4] for f in os.listdir(QUERY_DIR) if f.endswith(".sql")]
    return sorted(names, key=lambda n: (int(n[1:].rstrip("ab")), n))


def ensure_data(scale):
    """bench/data/tpcds-sf<scale>/<table>.parquet, with Spark's column names."""
    out = os.path.join(HERE, "data", f"tpcds-sf{scale:g}")
    if os.path.exists(os.path.join(out, "_complete")):
        return out
    import pyarrow as pa
    import pyarrow.parquet as pq

    raw = out + ".raw"
    generator = shutil.which("tpcgen-cli") or os.path.join(os.path.dirname(sys.executable), "tpcgen-cli")
    print(f"generating TPC-DS SF{scale:g} into {out}", file=sys.stderr, flush=True)
    subprocess.run([generator, "tpcds", "parquet", "-s", f"{scale:g}", "-o", raw, "--overwrite"], check=True)
    os.makedirs(out, exist_ok=True)
    for table in TABLES:
        data = pq.read_table(os.path.join(raw, f"{table}.parquet"))
        fields = [pa.field(f.name, pa.string() if pa.types.is_string_view(f.type) else f.type) for f in data.schema]
        data = data.cast(pa.schema(fields)).rename_columns([SPARK_NAMES.get(f.name, f.name) for f in fields])
        pq.write_table(data, os.path.join(out, f"{table}.parquet"))
    shutil.rmtree(raw, ignore_errors=True)
    open(os.path.join(out, "_complete"), "w").close()
    return out


def run(engine, spark_session, timed, data, runs):
    """Every query `runs` times after one warm-up: times, row counts and answers."""
    spark, _ = spark_session(engine)
    for table in TABLES:
        spark.read.parquet(os.path.join(data, f"{table}.parquet")).createOrReplaceTempView(table)
    out = {}
    for name in query_names():
        with open(os.path.join(QUERY_DIR, f"{name}.sql")) as f:
            text = f.read()
        times = []
        try:
            for i in range(runs + 1):
                seconds, rows = timed(lambda: spark.sql(text).collect())
                if i > 0:
                    times.append(seconds)
            out[name] = {"times": times, "rows": len(rows), "answer": [[str(v) for v in r] for r in rows]}
        except Exception as e:  # a failing query is reported, not fatal
            out[name] = {"error": f"{type(e).__name__}: {str(e)[:300]}"}
        print(f"  {engine} {name}: {out[name].get('error') or '%.3f s' % min(times)}", file=sys.stderr, flush=True)
    return out


def summarise(raw, median):
    """Medians per engine and query; PyRust's answers checked against PySpark's."""
    reference = raw.get("pyspark", {})
    result = {}
    for engine, queries in raw.items():
        result[engine] = {}
        for name, r in queries.items():
            entry = {"median": median(r.get("times", [])), "rows": r.get("rows"), "error": r.get("error")}
            if engine != "pyspark" and "answer" in r and "answer" in reference.get(name, {}):
                entry["same_as_pyspark"] = r["answer"] == reference[name]["answer"]
            result[engine][name] = entry
    return result
