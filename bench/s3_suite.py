"""The `s3` suite: TPC-H `lineitem` Parquet read through a local S3 endpoint (moto's
server on 127.0.0.1, started here), beside the same read from the local file and
beside native Polars reading the same s3:// URL. Two reads: TPC-H Q6 (four columns,
a selective filter: projection and predicate pushdown) and a full scan of one column.

    python bench/s3_suite.py --data bench/data/sf1 --runs 3   # prints JSON
"""

import argparse
import json
import os
import sys
import time
from datetime import date

KEY, SECRET, BUCKET = "bench-key", "bench-secret", "tpch"


def start_endpoint():
    from moto.moto_server.threaded_moto_server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    return server, f"http://{host}:{port}"


def upload(endpoint, path):
    import boto3

    s3 = boto3.client("s3", endpoint_url=endpoint, aws_access_key_id=KEY, aws_secret_access_key=SECRET, region_name="us-east-1")
    s3.create_bucket(Bucket=BUCKET)
    s3.upload_file(path, BUCKET, "lineitem/lineitem.parquet")


def pyrust_cases(endpoint, local):
    from pyrust.sql import SparkSession, functions as F

    spark = (SparkSession.builder.config("spark.hadoop.fs.s3a.endpoint", endpoint)
             .config("spark.hadoop.fs.s3a.access.key", KEY).config("spark.hadoop.fs.s3a.secret.key", SECRET)
             .config("spark.hadoop.fs.s3a.path.style.access", "true").getOrCreate())

    def q6(path):
        df = spark.read.parquet(path)
        return lambda: df.filter((F.col("l_shipdate") >= F.lit(date(1994, 1, 1))) & (F.col("l_shipdate") < F.lit(date(1995, 1, 1)))
                                 & F.col("l_discount").between(0.05, 0.07) & (F.col("l_quantity") < 24)) \
            .agg(F.sum(F.col("l_extendedprice") * F.col("l_discount"))).collect()[0][0]

    def scan(path):
        df = spark.read.parquet(path)
        return lambda: df.agg(F.sum("l_quantity")).collect()[0][0]

    remote = f"s3a://{BUCKET}/lineitem"
    return {"pyrust_local": {"q6": q6(local), "scan": scan(local)}, "pyrust_s3": {"q6": q6(remote), "scan": scan(remote)}}


def polars_cases(endpoint):
    import polars as pl

    options = {"aws_endpoint_url": endpoint, "aws_access_key_id": KEY, "aws_secret_access_key": SECRET,
               "aws_region": "us-east-1", "aws_allow_http": "true"}
    url = f"s3://{BUCKET}/lineitem/lineitem.parquet"

    def q6():
        lf = pl.scan_parquet(url, storage_options=options)
        return lf.filter((pl.col("l_shipdate") >= date(1994, 1, 1)) & (pl.col("l_shipdate") < date(1995, 1, 1))
                         & pl.col("l_discount").is_between(0.05, 0.07) & (pl.col("l_quantity") < 24)) \
            .select((pl.col("l_extendedprice") * pl.col("l_discount")).sum()).collect().item()

    def scan():
        return pl.scan_parquet(url, storage_options=options).select(pl.col("l_quantity").sum()).collect().item()

    return {"polars_s3": {"q6": q6, "scan": scan}}


def section(result, ms):
    """The report's table (bench/report.py)."""
    names = {"pyrust_local": "PyRust, local file", "pyrust_s3": "PyRust, s3a:// (moto)", "polars_s3": "Polars, s3:// (moto)"}
    lines = [f"### TPC-H SF{result.get('scale', 1):g} `lineitem` through a local S3 endpoint (moto)", "",
             "| | " + " | ".join(names[e] for e in names if e in result) + " |", "|---|" + "---|" * sum(e in result for e in names)]
    for query in ("q6", "scan"):
        lines.append(f"| {query} | " + " | ".join(ms(result[e].get(query, {}).get("median")) for e in names if e in result) + " |")
    return lines + [""]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True)
    p.add_argument("--runs", type=int, default=3)
    a = p.parse_args()
    local = os.path.join(a.data, "lineitem.parquet")
    server, endpoint = start_endpoint()
    try:
        upload(endpoint, local)
        cases = {**pyrust_cases(endpoint, local), **polars_cases(endpoint)}
        out = {"bytes": os.path.getsize(local)}
        for engine, queries in cases.items():
            out[engine] = {}
            for name, fn in queries.items():
                answer = fn()  # warm-up
                times = []
                for _ in range(a.runs):
                    t = time.perf_counter()
                    fn()
                    times.append(time.perf_counter() - t)
                out[engine][name] = {"times": times, "median": sorted(times)[len(times) // 2], "answer": float(answer)}
    finally:
        server.stop()
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
