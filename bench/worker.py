"""One engine, one suite, in a process of its own (so peak RSS and start-up belong to it).

    python bench/worker.py --engine pyrust|pyspark|polars|pyarrow --suite tpch|latency|conversion|ooc|functions|windows ...

Prints one JSON object on its last stdout line: timings in seconds (every run, so the
caller takes medians) and, for TPC-H, each query's answer in a normalised form so the
caller can check engines against each other.
"""

import argparse
import datetime
import decimal
import gc
import json
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

TABLES = ["region", "nation", "supplier", "customer", "part", "partsupp", "orders", "lineitem"]


# ----------------------------------------------------------------------------- sessions

def spark_session(engine):
    """(SparkSession, functions module) of PyRust or of real PySpark."""
    if engine == "pyrust":
        from pyrust.sql import SparkSession, functions as F
        return SparkSession.builder.appName("bench").getOrCreate(), F
    from pyspark.sql import SparkSession, functions as F
    spark = (
        SparkSession.builder.master("local[*]").appName("bench")
        .config("spark.driver.memory", os.environ.get("BENCH_SPARK_MEMORY", "8g"))
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark, F


def timed(fn):
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


# ----------------------------------------------------------------------------- answers

def normalise(value):
    """A JSON-able form that compares across engines (decimals and floats as floats)."""
    if isinstance(value, (decimal.Decimal, float)):
        return float(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def answer_rows(rows):
    return [[normalise(v) for v in row] for row in rows]


# ----------------------------------------------------------------------------- TPC-H

def tpch(engine, data, runs, queries):
    paths = {name: os.path.join(data, f"{name}.parquet") for name in TABLES}
    out = {"queries": {}}
    if engine.startswith("polars"):  # "polars", or "polars-1.43" (run.py puts that version first on the path)
        import polars as pl
        import polars.selectors as cs
        from tpch.polars_queries import QUERIES
        # Polars' decimal arithmetic keeps too few digits for TPC-H's answers (Q3 revenue,
        # Q8 shares); idiomatic Polars code reads money as Float64, so the reference does.
        money = pl.Float64 if os.environ.get("BENCH_POLARS_MONEY", "float") == "float" else None
        tables = {n: pl.scan_parquet(p) for n, p in paths.items()}
        if money is not None:
            tables = {n: lf.with_columns(cs.decimal().cast(money)) for n, lf in tables.items()}

        def run(q):
            frame = QUERIES[q](tables).collect(engine="streaming")
            return frame.columns, frame.rows()
    elif engine.endswith("-sql"):  # "pyrust-sql": the same queries as Spark SQL text over temp views
        from tpch.sql_queries import QUERIES, register
        spark, _ = spark_session(engine[: -len("-sql")])
        register(spark, {n: spark.read.parquet(p) for n, p in paths.items()})

        def run(q):
            df = spark.sql(QUERIES[q])
            return df.columns, df.collect()
    else:
        from tpch.spark_queries import QUERIES
        spark, F = spark_session(engine)
        tables = {n: spark.read.parquet(p) for n, p in paths.items()}

        def run(q):
            df = QUERIES[q](tables, F)
            return df.columns, df.collect()

    for q in queries:
        times = []
        columns, rows = None, None
        for i in range(runs + 1):  # the first run warms caches and JITs; it is not counted
            try:
                seconds, (columns, rows) = timed(lambda: run(q))
            except Exception as e:  # a failing query is reported, not fatal
                out["queries"][str(q)] = {"error": f"{type(e).__name__}: {str(e)[:500]}"}
                break
            if i > 0:
                times.append(seconds)
        else:
            out["queries"][str(q)] = {"times": times, "columns": list(columns), "answer": answer_rows(rows)}
        print(f"  {engine} q{q}: {out['queries'][str(q)].get('error') or ('%.3f s' % statistics.median(times) if times else 'ok')}",
              file=sys.stderr, flush=True)
    return out


# ----------------------------------------------------------------------------- latency

def latency(engine, runs):
    spark, F = spark_session(engine)
    rows = [(i, f"name{i}", i * 1.5) for i in range(10)]

    def tiny():
        df = spark.createDataFrame(rows, ["id", "name", "score"])
        return (
            df.filter(F.col("id") > 2)
            .withColumn("double_score", F.col("score") * 2)
            .select("id", "name", "double_score")
            .collect()
        )

    base = spark.createDataFrame(rows, ["id", "name", "score"])

    def chain():
        df = base
        for i in range(50):
            df = df.withColumn(f"c{i}", F.col("id") + i)
        return df

    result = {}
    for name, fn in [("tiny_query", tiny), ("withcolumn_chain_50", chain)]:
        for _ in range(max(3, runs // 10)):
            fn()  # warm-up
        result[name] = [timed(fn)[0] for _ in range(runs)]
    return result


# ----------------------------------------------------------------------------- conversion

def conversion_table(rows):
    import pyarrow as pa
    import numpy as np
    rng = np.random.default_rng(7)
    ids = np.arange(rows, dtype=np.int64)
    return pa.table({
        "id": ids,
        "amount": rng.random(rows) * 1000,
        "qty": rng.integers(0, 100, rows, dtype=np.int32),
        "name": pa.array([f"customer-{i % 100000}" for i in range(rows)]),
        "flag": rng.random(rows) < 0.5,
    })


def conversion(engine, runs, collect_rows, bulk_rows):
    small, big = conversion_table(collect_rows), conversion_table(bulk_rows)
    result = {}

    def measure(name, fn):
        # Each run starts from a collected heap, so no run pays for the garbage of the
        # one before (PyRust's collect() pauses the collector while it builds rows).
        times = []
        for _ in range(runs):
            gc.collect()
            seconds, out = timed(fn)
            del out
            times.append(seconds)
        result[name] = times

    if engine == "pyarrow":
        measure("collect_1m", small.to_pylist)
        measure("topandas_10m", big.to_pandas)
        return result
    spark, F = spark_session(engine)
    # pandas in through Arrow, as PySpark users who care about speed set it (both engines).
    spark.conf.set("spark.sql.execution.arrow.pyspark.enabled", "true")
    pdf = big.to_pandas()
    small_df = spark.createDataFrame(small.to_pandas())
    big_df = spark.createDataFrame(pdf)
    if engine == "pyspark":  # keep the data in the JVM, as PyRust keeps it in Polars
        small_df, big_df = small_df.cache(), big_df.cache()
        small_df.count(), big_df.count()
    measure("collect_1m", small_df.collect)
    measure("topandas_10m", big_df.toPandas)
    if hasattr(big_df, "toArrow"):
        measure("toarrow_10m", big_df.toArrow)
    measure("createdataframe_pandas_10m", lambda: spark.createDataFrame(pdf))
    return result


# ----------------------------------------------------------------------------- windows

# The window suite's queries. Each ends in a small aggregate of the window's output, so
# the time is the window's (not moving its 10 M rows into Python) and the answers can
# be checked across engines.
WINDOW_QUERIES = ["dedupe_row_number", "running_sum_rows", "moving_avg_7_days_range", "lag_difference"]


def windows(engine, data, runs):
    path = os.path.join(data, "events.parquet")
    if engine.startswith("polars"):
        import polars as pl
        events = pl.scan_parquet(path)
        by_ts = {"order_by": "ts"}

        def summary(lf, c):
            return lf.select(pl.len().alias("rows"), pl.col(c).sum().alias("total"), pl.col(c).max().alias("top"))

        queries = {
            # The newest row per key.
            "dedupe_row_number": lambda: summary(
                events.filter(pl.col("ts").rank("ordinal", descending=True).over("key") == 1), "amount"),
            "running_sum_rows": lambda: summary(
                events.with_columns(pl.col("amount").cum_sum().over("key", **by_ts).alias("run")), "run"),
            # Spark's RANGE BETWEEN 6 PRECEDING AND CURRENT ROW over a date: days d-6..d.
            "moving_avg_7_days_range": lambda: summary(
                events.sort("key", "day").with_columns(
                    pl.col("amount").rolling_mean_by("day", window_size="7d").over("key").alias("avg7")), "avg7"),
            "lag_difference": lambda: summary(
                events.with_columns((pl.col("amount") - pl.col("amount").shift(1).over("key", **by_ts)).alias("diff")), "diff"),
        }

        def run(name):
            return queries[name]().collect().rows()
    else:
        spark, F = spark_session(engine)
        if engine == "pyrust":
            from pyrust.sql import Window
        else:
            from pyspark.sql import Window
        events = spark.read.parquet(path)
        newest = Window.partitionBy("key").orderBy(F.col("ts").desc())
        by_ts = Window.partitionBy("key").orderBy("ts")

        def summary(df, c):
            return df.agg(F.count("*").alias("rows"), F.sum(c).alias("total"), F.max(c).alias("top"))

        queries = {
            "dedupe_row_number": lambda: summary(
                events.withColumn("rn", F.row_number().over(newest)).filter("rn = 1"), "amount"),
            "running_sum_rows": lambda: summary(
                events.withColumn("run", F.sum("amount").over(by_ts.rowsBetween(Window.unboundedPreceding, Window.currentRow))), "run"),
            "moving_avg_7_days_range": lambda: summary(events.selectExpr(
                "avg(amount) OVER (PARTITION BY key ORDER BY day RANGE BETWEEN 6 PRECEDING AND CURRENT ROW) AS avg7"), "avg7"),
            "lag_difference": lambda: summary(
                events.withColumn("diff", F.col("amount") - F.lag("amount").over(by_ts)), "diff"),
        }

        def run(name):
            return [tuple(r) for r in queries[name]().collect()]

    out = {"queries": {}}
    for name in WINDOW_QUERIES:
        times = []
        rows = None
        for i in range(runs + 1):  # one warm-up run, not counted
            try:
                seconds, rows = timed(lambda: run(name))
            except Exception as e:  # a failing query is reported, not fatal
                out["queries"][name] = {"error": f"{type(e).__name__}: {str(e)[:500]}"}
                break
            if i > 0:
                times.append(seconds)
        else:
            out["queries"][name] = {"times": times, "answer": answer_rows(rows)}
        print(f"  {engine} {name}: {out['queries'][name].get('error') or ('%.3f s' % statistics.median(times) if times else 'ok')}",
              file=sys.stderr, flush=True)
    return out


# ----------------------------------------------------------------------------- out-of-core

def ooc(engine, data, runs):
    spark, F = spark_session(engine)
    lineitem = spark.read.parquet(os.path.join(data, "lineitem.parquet"))
    queries = {
        "q1_pricing_summary": lambda: lineitem.groupBy("l_returnflag", "l_linestatus").agg(
            F.sum("l_quantity"), F.sum("l_extendedprice"), F.avg("l_discount"), F.count("*")).collect(),
        "by_supplier": lambda: lineitem.groupBy("l_suppkey").agg(
            F.sum("l_extendedprice").alias("revenue"), F.max("l_shipdate")).orderBy(F.col("revenue").desc()).limit(10).collect(),
    }
    return {name: [timed(fn)[0] for _ in range(runs)] for name, fn in queries.items()}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--engine", required=True)
    p.add_argument("--suite", required=True)
    p.add_argument("--data")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--queries", default="1-22")
    p.add_argument("--collect-rows", type=int, default=1_000_000)
    p.add_argument("--bulk-rows", type=int, default=10_000_000)
    p.add_argument("--rows", type=int, default=1_000_000)
    a = p.parse_args()
    if a.suite == "tpch":
        lo, _, hi = a.queries.partition("-")
        queries = range(int(lo), int(hi or lo) + 1) if "-" in a.queries else [int(q) for q in a.queries.split(",")]
        out = tpch(a.engine, a.data, a.runs, queries)
    elif a.suite == "latency":
        out = latency(a.engine, a.runs)
    elif a.suite == "conversion":
        out = conversion(a.engine, a.runs, a.collect_rows, a.bulk_rows)
    elif a.suite == "windows":
        out = windows(a.engine, a.data, a.runs)
    elif a.suite == "ooc":
        out = ooc(a.engine, a.data, a.runs)
    elif a.suite == "functions":
        import functions_suite
        out = functions_suite.run(a.engine, spark_session, timed, a.data, a.runs)
    elif a.suite == "udf":
        import udf_suite
        out = udf_suite.run(a.engine, spark_session, timed, a.rows, a.runs)
    elif a.suite == "tpcds":
        import tpcds_suite
        out = tpcds_suite.run(a.engine, spark_session, timed, a.data, a.runs)
    elif a.suite == "io":
        import io_suite
        out = io_suite.run(a.engine, spark_session, timed, a.data, a.runs)
    elif a.suite == "io_big":
        import io_suite
        out = io_suite.run_big(a.engine, spark_session, timed, a.data)
    else:
        raise SystemExit(f"unknown suite {a.suite}")
    if a.engine == "pyspark":
        stop_jvm()
    print(json.dumps(out))


def stop_jvm():
    """Stops PySpark's JVM and waits for it, so this process's peak RSS (as its parent
    reads it) includes the JVM's."""
    try:
        from pyspark import SparkContext
        from pyspark.sql import SparkSession

        SparkSession.builder.getOrCreate().stop()
        gateway = SparkContext._gateway
        if gateway is not None and getattr(gateway, "proc", None) is not None:
            gateway.shutdown()
            gateway.proc.stdin.close()  # the JVM exits when its stdin closes
            gateway.proc.wait(timeout=60)
    except Exception as e:  # the figures are still valid, only the RSS may be short
        print(f"could not stop the JVM cleanly: {e}", file=sys.stderr)


if __name__ == "__main__":
    main()
