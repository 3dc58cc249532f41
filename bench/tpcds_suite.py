"""The `tpcds` suite: the 99 TPC-DS queries (103 texts, as Spark's own query files spell
them: compat-tests/tpcds/queries) in Spark SQL over temp views of tpcgen-cli's Parquet
files, on PyRust and on PySpark, and on native DuckDB over views of the same files;
PyRust's and DuckDB's answers are checked against PySpark's.

    python bench/run.py --suites tpcds --tpcds-scale 1 --engines pyrust,pyspark,duckdb

The data is made once per scale factor under bench/data/tpcds-sf<scale>/.

DuckDB runs Spark's query texts as they are, with the fewest changes its dialect needs
(`DUCKDB_TEXT_FIXES`) and Spark's default NULL order (`NULLS FIRST` ascending, `NULLS
LAST` descending; DuckDB's own puts NULLs last). Its arithmetic is its own (decimal
division and averages keep other scales, integer `/` is a double as in Spark), so its
answers are compared with PySpark's as numbers with a relative tolerance of 1e-6, not
as text: `same_as_pyspark` is True when the rows match in order, "unordered" when they
match only as a multiset (ties of an ORDER BY broken otherwise), False when they differ.
"""

import datetime
import decimal
import math
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


# Spark SQL that DuckDB's parser reads otherwise, per query: (Spark's text, DuckDB's).
DUCKDB_TEXT_FIXES = {
    # `at` is a reserved word in DuckDB (AT TIME ZONE): the subquery alias is quoted.
    "q90": [(") at,", ') "at",')],
}


def duckdb_text(name, text):
    for spark_text, duckdb_text in DUCKDB_TEXT_FIXES.get(name, []):
        assert spark_text in text, f"{name}: {spark_text!r} is not in the query"
        text = text.replace(spark_text, duckdb_text)
    return text


def values(rows):
    """Rows as JSON values that compare across engines: numbers as floats, dates as text."""
    def value(v):
        if isinstance(v, (decimal.Decimal, float)):
            return float(v)
        if isinstance(v, (datetime.date, datetime.datetime)):
            return v.isoformat()
        return v
    return [[value(v) for v in r] for r in rows]


def run_duckdb(data, timed, runs):
    import duckdb

    con = duckdb.connect()
    con.execute("SET default_null_order = 'nulls_first_on_asc_last_on_desc'")  # Spark's
    for table in TABLES:
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{os.path.join(data, table + '.parquet')}')")
    out = {}
    for name in query_names():
        with open(os.path.join(QUERY_DIR, f"{name}.sql")) as f:
            text = duckdb_text(name, f.read())
        times = []
        try:
            for i in range(runs + 1):
                seconds, rows = timed(lambda: con.execute(text).fetchall())
                if i > 0:
                    times.append(seconds)
            out[name] = {"times": times, "rows": len(rows), "values": values(rows)}
        except Exception as e:  # a failing query is reported, not fatal
            out[name] = {"error": f"{type(e).__name__}: {str(e)[:300]}"}
        print(f"  duckdb {name}: {out[name].get('error') or '%.3f s' % min(times)}", file=sys.stderr, flush=True)
    return out


def run(engine, spark_session, timed, data, runs):
    """Every query `runs` times after one warm-up: times, row counts and answers."""
    if engine == "duckdb":
        return run_duckdb(data, timed, runs)
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
            out[name] = {"times": times, "rows": len(rows), "answer": [[str(v) for v in r] for r in rows], "values": values(rows)}
        except Exception as e:  # a failing query is reported, not fatal
            out[name] = {"error": f"{type(e).__name__}: {str(e)[:300]}"}
        print(f"  {engine} {name}: {out[name].get('error') or '%.3f s' % min(times)}", file=sys.stderr, flush=True)
    return out


def _close(a, b):
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool) and not isinstance(b, bool):
        return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9) or (math.isnan(a) and math.isnan(b))
    return a == b


def _rows_close(rows, reference):
    return len(rows) == len(reference) and all(
        len(r) == len(e) and all(_close(x, y) for x, y in zip(r, e)) for r, e in zip(rows, reference))


def _sort_key(row):
    # Numbers rounded to 6 significant digits, so values within the tolerance sort alike.
    return [(0, "") if v is None else (1, f"{v:.6g}") if isinstance(v, (int, float)) else (2, str(v)) for v in row]


def same_values(rows, reference):
    """True when the rows are the reference's in order (numbers within 1e-6), "unordered"
    when they are as a multiset only, False otherwise."""
    if _rows_close(rows, reference):
        return True
    return "unordered" if _rows_close(sorted(rows, key=_sort_key), sorted(reference, key=_sort_key)) else False


def summarise(raw, median):
    """Medians per engine and query; PyRust's answers checked against PySpark's as text
    (both compute with Spark's types), DuckDB's as numbers (`same_values`)."""
    reference = raw.get("pyspark", {})
    result = {}
    for engine, queries in raw.items():
        result[engine] = {}
        for name, r in queries.items():
            entry = {"median": median(r.get("times", [])), "rows": r.get("rows"), "error": r.get("error")}
            expected = reference.get(name, {})
            if engine != "pyspark" and "answer" in r and "answer" in expected:
                entry["same_as_pyspark"] = r["answer"] == expected["answer"]
            elif engine != "pyspark" and "values" in r and "values" in expected:
                entry["same_as_pyspark"] = same_values(r["values"], expected["values"])
            result[engine][name] = entry
    return result
