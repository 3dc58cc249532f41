"""The `io` suite: reading and writing files — CSV, JSON Lines and Parquet — on PyRust,
native Polars and PySpark over the same generated table (`--io-rows`, 1M by default):
each read is reduced to one aggregate so every row is parsed; each write reads the
Parquet copy and writes the format (CSV to Parquet partitioned by a column, as the
issue's pipeline does). Answers of the reads are compared between engines; a
worker's peak RSS (JVM included) is reported by bench/run.py.
"""

import os
import shutil
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = "id bigint, key string, amount double, day date, note string"


def ensure_data(rows):
    """source.csv (with a header), source.json (JSON Lines) and source.parquet of
    `rows` rows, made once per size with Polars."""
    out = os.path.join(HERE, "data", f"io_{rows}")
    files = {fmt: os.path.join(out, f"source.{fmt}") for fmt in ("csv", "json", "parquet")}
    if all(os.path.exists(p) for p in files.values()):
        return out
    import polars as pl

    os.makedirs(out, exist_ok=True)
    i = pl.int_range(0, rows)
    df = pl.select(
        id=i,
        key=pl.format("k{}", i % 16),
        amount=(i * 37 % 100_003).cast(pl.Float64) / 100,
        day=(pl.date(2024, 1, 1) + pl.duration(days=i % 365)).cast(pl.Date),
        note=pl.format("row {} of the io suite", i),
    )
    df.write_csv(files["csv"])
    df.write_ndjson(files["json"])
    df.write_parquet(files["parquet"])
    return out


def _spark_cases(spark, F, data, scratch):
    def read(fmt, **options):
        reader = spark.read.format(fmt).options(**options)
        if fmt != "parquet":
            reader = reader.schema(SCHEMA)
        return reader.load(os.path.join(data, f"source.{fmt}"))

    def total(df):
        row = df.agg(F.count("*").alias("n"), F.sum("amount").alias("s")).collect()[0]
        return [int(row[0]), round(float(row[1]), 2)]

    def write(fmt, **kwargs):
        target = os.path.join(scratch, f"out_{fmt}")
        df = read("parquet")
        writer = df.write.mode("overwrite").format(fmt)
        if "partitionBy" in kwargs:
            writer = writer.partitionBy(kwargs["partitionBy"])
        writer.save(target)
        return None

    def csv_to_parquet():
        read("csv", header="true").write.mode("overwrite").partitionBy("key").parquet(os.path.join(scratch, "csv_to_parquet"))

    return {
        "read_csv": lambda: total(read("csv", header="true")),
        "read_csv_infer": lambda: total(spark.read.csv(os.path.join(data, "source.csv"), header=True, inferSchema=True)),
        "read_json": lambda: total(read("json")),
        "read_parquet": lambda: total(read("parquet")),
        "write_csv": lambda: write("csv"),
        "write_json": lambda: write("json"),
        "write_parquet": lambda: write("parquet"),
        "csv_to_parquet_partitioned": csv_to_parquet,
    }


def _polars_cases(data, scratch):
    import polars as pl

    schema = {"id": pl.Int64, "key": pl.String, "amount": pl.Float64, "day": pl.Date, "note": pl.String}

    def total(lf):
        n, s = lf.select(pl.len(), pl.col("amount").sum()).collect().row(0)
        return [int(n), round(float(s), 2)]

    def path(fmt):
        return os.path.join(data, f"source.{fmt}")

    def write(fmt):
        df = pl.read_parquet(path("parquet"))
        target = os.path.join(scratch, f"out_{fmt}")
        shutil.rmtree(target, ignore_errors=True)
        os.makedirs(target)
        getattr(df, {"csv": "write_csv", "json": "write_ndjson", "parquet": "write_parquet"}[fmt])(os.path.join(target, f"part-0.{fmt}"))

    def csv_to_parquet():
        target = os.path.join(scratch, "csv_to_parquet")
        shutil.rmtree(target, ignore_errors=True)
        pl.scan_csv(path("csv"), schema=schema).collect().write_parquet(target, partition_by="key")

    return {
        "read_csv": lambda: total(pl.scan_csv(path("csv"), schema=schema)),
        "read_csv_infer": lambda: total(pl.scan_csv(path("csv"), try_parse_dates=True)),
        "read_json": lambda: total(pl.scan_ndjson(path("json"), schema=schema)),
        "read_parquet": lambda: total(pl.scan_parquet(path("parquet"))),
        "write_csv": lambda: write("csv"),
        "write_json": lambda: write("json"),
        "write_parquet": lambda: write("parquet"),
        "csv_to_parquet_partitioned": csv_to_parquet,
    }


def run(engine, spark_session, timed, data, runs):
    """{case: {"times": [...], "answer": value} or {"error": text}}, one warm-up run each."""
    scratch = tempfile.mkdtemp(prefix=f"pyrust-io-bench-{engine}-")
    try:
        if engine == "polars":
            cases = _polars_cases(data, scratch)
        else:
            spark, F = spark_session(engine)
            cases = _spark_cases(spark, F, data, scratch)
        out = {}
        for name, fn in cases.items():
            try:
                times, answer = [], None
                for i in range(runs + 1):
                    seconds, answer = timed(fn)
                    if i > 0:
                        times.append(seconds)
                out[name] = {"times": times, "answer": answer}
            except Exception as e:  # one failing case is reported, not fatal
                out[name] = {"error": f"{type(e).__name__}: {str(e)[:300]}"}
        return out
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


# The big pipeline: a CSV of at least --io-big-gb GB (made in $TMPDIR, deleted after)
# read and written as Parquet partitioned by `key`, one process per engine so each
# peak RSS is that pipeline's alone (target: below a quarter of the file, and within
# 1.3x of native Polars' streaming sink doing the same).

def make_big_csv(gigabytes, directory):
    """A CSV with a header of the suite's columns, at least `gigabytes` GB, written
    in slices of 2M rows so making it needs little memory. Returns (path, rows)."""
    import polars as pl

    path = os.path.join(directory, "big.csv")
    target, rows, step = int(gigabytes * 1e9), 0, 2_000_000
    with open(path, "wb") as f:
        while f.tell() < target:
            i = pl.int_range(rows, rows + step)
            df = pl.select(
                id=i,
                key=pl.format("k{}", i % 16),
                amount=(i * 37 % 100_003).cast(pl.Float64) / 100,
                day=(pl.date(2024, 1, 1) + pl.duration(days=i % 365)).cast(pl.Date),
                note=pl.format("row {} of the io suite", i),
            )
            df.write_csv(f, include_header=rows == 0)
            rows += step
    return path, rows


def run_big(engine, spark_session, timed, csv_path):
    """One run of CSV -> Parquet partitioned by key: {"seconds", "files"}."""
    target = os.path.join(os.path.dirname(csv_path), f"out-{engine}")
    try:
        if engine.startswith("polars"):
            import polars as pl

            schema = {"id": pl.Int64, "key": pl.String, "amount": pl.Float64, "day": pl.Date, "note": pl.String}

            def pipeline():
                pl.scan_csv(csv_path, schema=schema).sink_parquet(pl.PartitionBy(target, key="key"), compression="snappy", mkdir=True)
        else:
            spark, _ = spark_session(engine)

            def pipeline():
                spark.read.schema(SCHEMA).option("header", "true").csv(csv_path).write.mode("overwrite").partitionBy("key").parquet(target)

        seconds, _ = timed(pipeline)
        files = sum(len([f for f in fs if f.endswith(".parquet")]) for _, _, fs in os.walk(target))
        return {"seconds": seconds, "files": files}
    except Exception as e:
        return {"error": f"{type(e).__name__}: {str(e)[:300]}"}
    finally:
        shutil.rmtree(target, ignore_errors=True)


def summarise(raw, median):
    result = {}
    reference = raw.get("polars", {})
    for engine, cases in raw.items():
        result[engine] = {}
        for name, r in cases.items():
            m = median(r.get("times", [])) if r.get("times") else None
            expected = reference.get(name, {}).get("answer")
            result[engine][name] = {
                "median": m,
                "answer": r.get("answer"),
                "error": r.get("error"),
                "same_answer_as_polars": None if expected is None else r.get("answer") == expected,
            }
    return result


if __name__ == "__main__":
    # Quick look without bench/run.py: python bench/io_suite.py pyrust|polars|pyspark ROWS
    import sys

    from worker import spark_session, timed  # the timer and sessions bench/run.py gives the suites

    engine, rows = sys.argv[1], int(sys.argv[2])
    for name, r in run(engine, spark_session, timed, ensure_data(rows), 1).items():
        print(engine, name, r)
