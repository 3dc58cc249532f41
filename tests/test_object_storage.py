"""Object storage (s3a://) against a real S3 endpoint: moto's server, started here on
127.0.0.1 (no network, nothing mocked inside PyRust).

PySpark cannot be recorded against S3 without the hadoop-aws jars, so every behaviour is
checked against the same operation on a local path, whose behaviour the compat goldens
record: the same rows, schema and errors through s3a:// as through a local directory."""

import contextlib
import io
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
import uuid
from datetime import date, datetime
from decimal import Decimal

import pytest

# Skipped as a whole without the S3 server the fixtures start.
pytest.importorskip("boto3")
pytest.importorskip("moto.moto_server.threaded_moto_server")

from pyrust.errors import AnalysisException  # noqa: E402
from pyrust.sql import SparkSession, functions as F, types as T  # noqa: E402

from s3_server import KEY, SECRET, SETTINGS  # noqa: E402  (endpoint, s3, bucket: tests/conftest.py)


@pytest.fixture(scope="module")
def spark(endpoint):
    session = SparkSession.builder.getOrCreate()
    for k, v in SETTINGS.items():
        session.conf.set(k, v)
    session.conf.set("spark.hadoop.fs.s3a.endpoint", endpoint)
    yield session
    for k in [*SETTINGS, "spark.hadoop.fs.s3a.endpoint"]:
        session.conf.unset(k)


def keys(s3, bucket, prefix=""):
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
    return sorted(o["Key"] for p in pages for o in p.get("Contents", []))


def rows(df):
    # as text: NaN equals itself there
    return sorted(repr(tuple(r)) for r in df.collect())


def same(spark, fmt, remote, local, **options):
    a = spark.read.format(fmt).options(**options).load(remote)
    b = spark.read.format(fmt).options(**options).load(local)
    assert a.schema == b.schema
    assert rows(a) == rows(b)
    return a


SCHEMA = T.StructType([
    T.StructField("b", T.BooleanType()), T.StructField("y", T.ByteType()), T.StructField("s", T.ShortType()),
    T.StructField("i", T.IntegerType()), T.StructField("l", T.LongType()), T.StructField("f", T.FloatType()),
    T.StructField("d", T.DoubleType()), T.StructField("dec", T.DecimalType(20, 4)), T.StructField("str", T.StringType()),
    T.StructField("bin", T.BinaryType()), T.StructField("dt", T.DateType()), T.StructField("ts", T.TimestampType()),
    T.StructField("ntz", T.TimestampNTZType()), T.StructField("arr", T.ArrayType(T.LongType())),
    T.StructField("st", T.StructType([T.StructField("x", T.IntegerType()), T.StructField("y", T.StringType())])),
])

DATA = [
    (True, 1, 2, 3, 2**62, 1.5, -0.0, Decimal("1234567890123456.1234"), "héllo 😀", b"\x00\xff", date(2024, 2, 29),
     datetime(2024, 1, 2, 3, 4, 5, 123456), datetime(1999, 12, 31, 23, 59, 59), [1, None, 3], (1, "a")),
    (None, None, None, None, None, None, None, None, None, None, None, None, None, None, None),
    (False, -128, -32768, -2**31, -2**63, float("inf"), float("nan"), Decimal("-0.0001"), "", b"", date(1, 1, 1),
     datetime(1970, 1, 1), datetime(9999, 12, 31, 23, 59, 59), [], (None, None)),
]


def test_every_type_round_trips_through_parquet_and_json(spark, bucket, tmp_path):
    df = spark.createDataFrame(DATA, SCHEMA)
    for fmt in ["parquet", "json"]:
        remote, local = f"s3a://{bucket}/{fmt}", str(tmp_path / fmt)
        df.write.format(fmt).save(remote)
        df.write.format(fmt).save(local)
        back = same(spark, fmt, remote, local)
        if fmt == "parquet":
            assert [f.dataType for f in back.schema] == [f.dataType for f in df.schema]


def test_csv_and_text_round_trip(spark, bucket, tmp_path):
    flat = spark.createDataFrame(DATA, SCHEMA).drop("bin", "arr", "st")
    remote, local = f"s3a://{bucket}/csv", str(tmp_path / "csv")
    flat.write.option("header", True).csv(remote)
    flat.write.option("header", True).csv(local)
    same(spark, "csv", remote, local, header="true", inferSchema="true")
    lines = spark.createDataFrame([("a",), ("",), (None,), ("😀 ünïcode",)], "value string")
    lines.write.text(f"s3a://{bucket}/text")
    lines.write.text(str(tmp_path / "text"))
    same(spark, "text", f"s3a://{bucket}/text", str(tmp_path / "text"))


def test_partitioned_datasets_globs_and_listing(spark, bucket, tmp_path, s3):
    df = spark.range(40).select(F.col("id"), (F.col("id") % 4).alias("k"), F.when(F.col("id") % 5 == 0, None).otherwise(F.col("id").cast("string")).alias("v"))
    remote, local = f"s3a://{bucket}/part", str(tmp_path / "part")
    df.write.partitionBy("k", "v").parquet(remote)
    df.write.partitionBy("k", "v").parquet(local)
    listed = keys(s3, bucket, "part/")
    assert "part/_SUCCESS" in listed and any(k.startswith("part/k=0/v=__HIVE_DEFAULT_PARTITION__/") for k in listed)
    assert not [k for k in keys(s3, bucket) if "staging" in k]
    same(spark, "parquet", remote, local)
    same(spark, "parquet", f"s3a://{bucket}/part/k=1", f"{local}/k=1")
    same(spark, "parquet", f"s3a://{bucket}/part/k=*/v=1*", f"{local}/k=*/v=1*")
    # the other schemes name the same objects
    assert rows(spark.read.parquet(f"s3://{bucket}/part")) == rows(spark.read.parquet(f"s3n://{bucket}/part"))


def test_partition_values_spark_escapes_round_trip(spark, bucket, tmp_path, s3):
    # Spark escapes these in directory names (k=c%3Ad, k=x%2Fy): the escapes must reach
    # the object keys as they are, and come back as the values.
    values = ["a b", "x/y", "c:d", "100%", "é😀", "", None, "=", "#?"]
    df = spark.createDataFrame([(i, v, datetime(2024, 1, 2, 3, 4, 5)) for i, v in enumerate(values)], "i int, k string, ts timestamp")
    remote, local = f"s3a://{bucket}/esc", str(tmp_path / "esc")
    for fmt in ["parquet", "csv"]:
        df.write.partitionBy("k", "ts").format(fmt).save(f"{remote}/{fmt}")
        df.write.partitionBy("k", "ts").format(fmt).save(f"{local}/{fmt}")
        assert sorted(os.listdir(f"{local}/{fmt}")) == sorted({k.split("/")[2] for k in keys(s3, bucket, f"esc/{fmt}/")})
        same(spark, fmt, f"{remote}/{fmt}", f"{local}/{fmt}")


@pytest.mark.parametrize("fmt", ["parquet", "json"])
def test_discovery_options_as_on_a_local_path(spark, bucket, tmp_path, fmt):
    df = spark.range(12).select("id", (F.col("id") % 2).alias("k"), (F.col("id") % 3).alias("j"))
    remote, local = f"s3a://{bucket}/disc", str(tmp_path / "disc")
    for root in [remote, local]:
        df.write.partitionBy("k", "j").format(fmt).save(root)
    # a partition directory read with and without its table's basePath
    same(spark, fmt, f"{remote}/k=1", f"{local}/k=1")
    a = spark.read.format(fmt).option("basePath", remote).load(f"{remote}/k=1/j=*")
    b = spark.read.format(fmt).option("basePath", local).load(f"{local}/k=1/j=*")
    assert a.schema == b.schema and rows(a) == rows(b)
    same(spark, fmt, remote, local, recursiveFileLookup="true")
    same(spark, fmt, remote, local, pathGlobFilter=f"*.{fmt}")
    # the table's files, named as Spark names them
    names = spark.read.format(fmt).load(remote).inputFiles()
    assert len(names) == 6 and all(n.startswith(f"s3a://{bucket}/disc/k=") and n.endswith(f".{fmt}") for n in names), names
    with pytest.raises(Exception) as e:
        spark.read.format(fmt).option("basePath", f"{remote}/k=1").load(f"{remote}/k=0")
    assert "basePath" in str(e.value)


def test_pushdown_reaches_the_remote_scan(spark, bucket):
    spark.range(100).select("id", (F.col("id") * 2).alias("x"), F.lit("pad").alias("y")).write.parquet(f"s3a://{bucket}/p")
    df = spark.read.parquet(f"s3a://{bucket}/p").filter("id > 90").select("x")
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        df.explain(True)
    polars_plan = buf.getvalue().split("== Polars Plan (optimized) ==")[1]
    # Polars' cloud reader scans the object, with only the columns used and the filter.
    assert f"s3://{bucket}/p/part-" in polars_plan, polars_plan
    assert "PROJECT 2/3 COLUMNS" in polars_plan, polars_plan
    assert "SELECTION" in polars_plan, polars_plan
    assert sorted(r.x for r in df.collect()) == [182 + 2 * i for i in range(9)]


@pytest.mark.parametrize("mode", ["errorifexists", "append", "overwrite", "ignore"])
def test_every_save_mode_as_on_a_local_path(spark, bucket, tmp_path, mode):
    remote, local = f"s3a://{bucket}/m", str(tmp_path / "m")
    results = []
    for target in [remote, local]:
        spark.range(3).write.json(target)
        try:
            spark.range(10, 12).write.mode(mode).json(target)
            results.append(("ok", rows(spark.read.json(target))))
        except AnalysisException as e:
            results.append((e.getCondition(), rows(spark.read.json(target))))
    assert results[0] == results[1]
    if mode == "errorifexists":
        assert results[0][0] == "PATH_ALREADY_EXISTS"


@pytest.mark.parametrize("overwrite_mode", ["static", "dynamic"])
def test_partition_overwrite_modes_as_on_a_local_path(spark, bucket, tmp_path, overwrite_mode):
    """Dynamic partition overwrite replaces only the written partitions (rewriting k=1
    must not take k=12 with it: prefixes are whole path segments)."""
    remote, local = f"s3a://{bucket}/po-{overwrite_mode}", str(tmp_path / "po")
    results = []
    for target in [remote, local]:
        spark.range(4).selectExpr("id", "CASE WHEN id % 2 = 0 THEN 1 ELSE 12 END AS k").write.partitionBy("k").parquet(target)
        spark.range(10, 12).selectExpr("id", "CASE WHEN id = 10 THEN 1 ELSE 2 END AS k").write.mode("overwrite") \
            .option("partitionOverwriteMode", overwrite_mode).partitionBy("k").parquet(target)
        results.append(rows(spark.read.parquet(target)))
    assert results[0] == results[1]
    expected = [(10, 1), (11, 2)] if overwrite_mode == "static" else [(1, 12), (3, 12), (10, 1), (11, 2)]
    assert sorted((r.id, r.k) for r in spark.read.parquet(remote).collect()) == expected


def test_overwrite_of_the_input_is_refused(spark, bucket):
    target = f"s3a://{bucket}/in"
    spark.range(3).write.parquet(target)
    with pytest.raises(AnalysisException) as e:
        spark.read.parquet(target).write.mode("overwrite").parquet(target)
    assert e.value.getCondition() == "UNSUPPORTED_OVERWRITE.PATH"
    assert sorted(r.id for r in spark.read.parquet(target).collect()) == [0, 1, 2]


def test_concurrent_appends_all_land(spark, bucket):
    target = f"s3a://{bucket}/c"
    errors = []

    def write(i):
        try:
            spark.range(i * 10, i * 10 + 5).write.mode("append").parquet(target)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(r.id for r in spark.read.parquet(target).collect()) == [i * 10 + j for i in range(4) for j in range(5)]


def test_missing_bucket_and_key_are_path_not_found(spark, bucket, tmp_path):
    for path in [f"s3a://{bucket}/nothing", f"s3a://no-such-bucket-{uuid.uuid4().hex[:8]}/x"]:
        for fmt in ["parquet", "csv", "json", "text"]:
            with pytest.raises(AnalysisException) as e:
                spark.read.format(fmt).load(path)
            assert e.value.getCondition() == "PATH_NOT_FOUND", (fmt, path)
            assert path in str(e.value)
    with pytest.raises(AnalysisException) as e:
        spark.read.parquet(str(tmp_path / "nothing"))
    assert e.value.getCondition() == "PATH_NOT_FOUND"


def test_bad_credentials_name_the_setting(spark, bucket):
    import moto.settings

    spark.range(1).write.parquet(f"s3a://{bucket}/ok")
    before = moto.settings.INITIAL_NO_AUTH_ACTION_COUNT
    moto.settings.INITIAL_NO_AUTH_ACTION_COUNT = 0  # moto checks keys from now on
    spark.conf.set(f"spark.hadoop.fs.s3a.bucket.{bucket}.access.key", "not-a-key")
    try:
        with pytest.raises(Exception) as e:
            spark.read.parquet(f"s3a://{bucket}/ok")
        assert "fs.s3a.access.key" in str(e.value) and "denied" in str(e.value)
    finally:
        moto.settings.INITIAL_NO_AUTH_ACTION_COUNT = before
        spark.conf.unset(f"spark.hadoop.fs.s3a.bucket.{bucket}.access.key")


def test_a_bad_endpoint_fails_fast(spark):
    spark.conf.set("spark.hadoop.fs.s3a.bucket.unreachable.endpoint", "http://127.0.0.1:9")
    spark.conf.set("spark.hadoop.fs.s3a.bucket.unreachable.attempts.maximum", "2")
    try:
        start = time.monotonic()
        with pytest.raises(Exception) as e:
            spark.read.parquet("s3a://unreachable/x")
        assert time.monotonic() - start < 30
        assert "s3a://unreachable/x" in str(e.value)
    finally:
        spark.conf.unset("spark.hadoop.fs.s3a.bucket.unreachable.endpoint")
        spark.conf.unset("spark.hadoop.fs.s3a.bucket.unreachable.attempts.maximum")


WRITER = textwrap.dedent("""
    import sys
    from pyrust.sql import SparkSession, functions as F
    endpoint, target = sys.argv[1], sys.argv[2]
    builder = SparkSession.builder
    for k, v in {settings!r}.items():
        builder = builder.config(k, v)
    spark = builder.config("spark.hadoop.fs.s3a.endpoint", endpoint).getOrCreate()
    df = spark.range(3000).select("id", (F.col("id") % 600).alias("k"))
    print("writing", flush=True)
    df.write.partitionBy("k").parquet(target)
""").format(settings=SETTINGS)


def test_a_write_killed_midway_leaves_no_partial_dataset(endpoint, spark, bucket, s3):
    target = f"s3a://{bucket}/killed"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, endpoint, target], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if any("pyrust-staging" in k for k in keys(s3, bucket)):
                break
            time.sleep(0.02)
        assert proc.poll() is None, proc.stderr.read().decode()
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
    # The upload was under way: staged objects beside the target, nothing under it.
    assert keys(s3, bucket, "killed/") == []
    with pytest.raises(AnalysisException) as e:
        spark.read.parquet(target)
    assert e.value.getCondition() == "PATH_NOT_FOUND"
    # and a new write to the target works (errorifexists: nothing is there)
    spark.range(2).write.parquet(target)
    assert sorted(r.id for r in spark.read.parquet(target).collect()) == [0, 1]


def test_file_scheme_is_a_local_path(spark, tmp_path):
    spark.range(3).write.parquet(f"file://{tmp_path}/f")
    assert sorted(r.id for r in spark.read.parquet(f"file:{tmp_path}/f").collect()) == [0, 1, 2]


def test_without_a_region_setting(spark, bucket):
    # A custom endpoint without fs.s3a.endpoint.region signs for us-east-1.
    spark.conf.unset("spark.hadoop.fs.s3a.endpoint.region")
    try:
        spark.range(2).write.csv(f"s3a://{bucket}/noregion")
        assert sorted(r[0] for r in spark.read.csv(f"s3a://{bucket}/noregion").collect()) == ["0", "1"]
    finally:
        spark.conf.set("spark.hadoop.fs.s3a.endpoint.region", "us-east-1")
