"""Managed and external tables of the session catalog beyond what the recorded cases
show: the warehouse layout (default and other databases), writes to a table that fail
midway leaving it as it was, and tables in an object store (s3a:// warehouse and
database locations) against moto's S3 server on 127.0.0.1."""

import os
import uuid

import pytest

from pyrust.errors import AnalysisException
from pyrust.sql import SparkSession
from s3_server import SETTINGS


@pytest.fixture
def spark():
    return SparkSession.builder.getOrCreate()


@pytest.fixture
def warehouse(spark, tmp_path, monkeypatch):
    """A fresh warehouse directory (and working directory) for the test."""
    monkeypatch.chdir(tmp_path)
    # A static setting (spark.conf.set refuses it, as Spark): set on the running session
    # through the unchecked path so each test gets its own warehouse.
    spark.conf._set_text("spark.sql.warehouse.dir", str(tmp_path / "wh"))
    yield tmp_path / "wh"
    spark.conf.unset("spark.sql.warehouse.dir")


def visible(path):
    out = []
    for root, dirs, files in os.walk(path):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        out += [os.path.relpath(os.path.join(root, f), path) for f in files if not f.startswith(".")]
    return sorted(out)


def test_default_database_tables_live_under_the_warehouse(spark, warehouse):
    name = f"t_{uuid.uuid4().hex[:8]}"
    spark.range(3).write.saveAsTable(name)
    try:
        assert (warehouse / name / "_SUCCESS").exists()
        assert sorted(r.id for r in spark.table(name).collect()) == [0, 1, 2]
    finally:
        spark.sql(f"DROP TABLE {name}")
    assert not (warehouse / name).exists()


def test_other_databases_live_in_db_directories(spark, warehouse):
    db = f"d_{uuid.uuid4().hex[:8]}"
    spark.sql(f"CREATE DATABASE {db}")
    try:
        spark.range(2).write.saveAsTable(f"{db}.t")
        assert (warehouse / f"{db}.db" / "t" / "_SUCCESS").exists()
    finally:
        spark.sql(f"DROP DATABASE {db} CASCADE")


def test_default_warehouse_is_spark_warehouse_in_the_working_directory(spark, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = f"t_{uuid.uuid4().hex[:8]}"
    spark.range(1).write.saveAsTable(name)
    try:
        assert (tmp_path / "spark-warehouse" / name / "_SUCCESS").exists()
    finally:
        spark.sql(f"DROP TABLE {name}")


def test_a_failed_insert_leaves_the_table_unchanged(spark, warehouse):
    name = f"t_{uuid.uuid4().hex[:8]}"
    spark.createDataFrame([(1,)], "x int").write.saveAsTable(name)
    before = visible(warehouse / name)
    try:
        # the value overflows INT: Spark's store assignment fails while writing
        with pytest.raises(Exception):
            spark.createDataFrame([(2,), (3_000_000_000,)], "x bigint").write.insertInto(name)
        assert visible(warehouse / name) == before
        assert [r.x for r in spark.table(name).collect()] == [1]
        with pytest.raises(Exception):
            spark.createDataFrame([(3_000_000_000,)], "x bigint").write.insertInto(name, overwrite=True)
        assert [r.x for r in spark.table(name).collect()] == [1]
    finally:
        spark.sql(f"DROP TABLE {name}")


def test_a_managed_location_with_data_is_refused(spark, warehouse):
    name = f"t_{uuid.uuid4().hex[:8]}"
    spark.range(1).write.parquet(str(warehouse / name))
    with pytest.raises(AnalysisException) as e:
        spark.range(1).write.saveAsTable(name)
    assert e.value.getCondition() == "LOCATION_ALREADY_EXISTS"
    assert not spark.catalog.tableExists(name)


def test_overwrite_of_a_table_read_in_the_same_query_is_refused(spark, warehouse):
    name = f"t_{uuid.uuid4().hex[:8]}"
    spark.range(3).write.saveAsTable(name)
    try:
        with pytest.raises(AnalysisException):
            spark.table(name).where("id > 0").write.mode("overwrite").saveAsTable(name)
        assert sorted(r.id for r in spark.table(name).collect()) == [0, 1, 2]
    finally:
        spark.sql(f"DROP TABLE {name}")


def test_tables_are_per_session_catalog_state(spark, warehouse):
    name = f"t_{uuid.uuid4().hex[:8]}"
    spark.range(1).write.saveAsTable(name)
    try:
        assert spark.catalog.tableExists(name)
        assert name in [t.name for t in spark.catalog.listTables()]
    finally:
        spark.sql(f"DROP TABLE {name}")
    assert name not in [t.name for t in spark.catalog.listTables()]


# --- object storage ------------------------------------------------------------------

@pytest.fixture
def remote(endpoint, bucket):
    """A session pointed at moto's server (endpoint, bucket: tests/conftest.py)."""
    session = SparkSession.builder.getOrCreate()
    for k, v in SETTINGS.items():
        session.conf.set(k, v)
    session.conf.set("spark.hadoop.fs.s3a.endpoint", endpoint)
    yield session, bucket
    for k in [*SETTINGS, "spark.hadoop.fs.s3a.endpoint", "spark.sql.warehouse.dir"]:
        session.conf.unset(k)


def keys(s3, bucket, prefix=""):
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
    return sorted(o["Key"] for p in pages for o in p.get("Contents", []))


def test_managed_tables_in_an_s3a_warehouse(remote, s3):
    spark, bucket = remote
    spark.conf._set_text("spark.sql.warehouse.dir", f"s3a://{bucket}/wh")  # static: see `warehouse`
    name = f"t_{uuid.uuid4().hex[:8]}"
    spark.createDataFrame([(1, "a"), (2, "b")], "id int, s string").write.partitionBy("s").saveAsTable(name)
    try:
        written = keys(s3, bucket, f"wh/{name}/")
        assert f"wh/{name}/_SUCCESS" in written
        assert any(k.startswith(f"wh/{name}/s=a/part-") for k in written)
        spark.createDataFrame([(3, "c")], "id int, s string").write.insertInto(name)
        spark.sql(f"INSERT INTO {name} VALUES (4, 'a')")
        got = sorted(tuple(r) for r in spark.table(name).collect())
        assert got == [(1, "a"), (2, "b"), (3, "c"), (4, "a")]
        assert [c.name for c in spark.catalog.listColumns(name) if c.isPartition] == ["s"]
    finally:
        spark.sql(f"DROP TABLE {name}")
    assert keys(s3, bucket, f"wh/{name}/") == []


def test_database_location_in_s3a_and_truncate(remote, s3):
    spark, bucket = remote
    db = f"d_{uuid.uuid4().hex[:8]}"
    spark.sql(f"CREATE DATABASE {db} LOCATION 's3a://{bucket}/dbs/{db}'")
    try:
        spark.sql(f"CREATE TABLE {db}.t USING json AS SELECT id FROM range(3)")
        assert any(k.endswith(".json") for k in keys(s3, bucket, f"dbs/{db}/t/"))
        assert spark.table(f"{db}.t").count() == 3
        spark.sql(f"TRUNCATE TABLE {db}.t")
        assert spark.table(f"{db}.t").count() == 0
        spark.sql(f"INSERT OVERWRITE {db}.t SELECT 7")
        assert [r.id for r in spark.table(f"{db}.t").collect()] == [7]
    finally:
        spark.sql(f"DROP DATABASE {db} CASCADE")


def test_external_s3a_table_keeps_its_data_on_drop(remote, s3):
    spark, bucket = remote
    name = f"t_{uuid.uuid4().hex[:8]}"
    spark.sql(f"CREATE TABLE {name} (x INT, y STRING) USING csv LOCATION 's3a://{bucket}/ext'")
    spark.sql(f"INSERT INTO {name} VALUES (1, 'a')")
    assert [tuple(r) for r in spark.table(name).collect()] == [(1, "a")]
    assert spark.catalog.getTable(name).tableType == "EXTERNAL"
    spark.sql(f"DROP TABLE {name}")
    assert any(k.endswith(".csv") for k in keys(s3, bucket, "ext/"))
