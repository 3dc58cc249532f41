"""Hostile arguments that real PySpark hands to the JVM unchecked, so that its error is
py4j's own (`Py4JException: Method format([class java.lang.Integer]) does not exist`, a
NullPointerException): no golden can be recorded for them (the compat tables leave them
out), but PyRust must still refuse them with a PySpark error naming the argument, never
a pyo3 TypeError, an AttributeError from deep inside or a silent default."""

import os

import pytest

from pyrust.errors import PySparkException
from pyrust.sql import SparkSession
from pyrust.sql import functions as F
from pyrust.sql.window import Window

CSV = os.path.join(os.path.dirname(__file__), "..", "compat-tests", "fixtures", "csv", "mixed_people.csv")


@pytest.fixture(scope="module")
def spark():
    return SparkSession.builder.getOrCreate()


@pytest.fixture(scope="module")
def df(spark):
    return spark.createDataFrame([(1, "a", 2.5)], "id int, s string, x double")


CASES = {
    "groupBy.avg(None)": lambda spark, df, p: df.groupBy("id").avg(None),
    "groupBy.sum(int)": lambda spark, df, p: df.groupBy("id").sum(1),
    "pivot(None)": lambda spark, df, p: df.groupBy("id").pivot(None),
    "pivot(int)": lambda spark, df, p: df.groupBy("id").pivot(1),
    "pivot values as a string": lambda spark, df, p: df.groupBy("id").pivot("s", "a"),
    "rowsBetween(float)": lambda spark, df, p: Window.orderBy("id").rowsBetween(-1.5, 0.5),
    "rowsBetween(bool)": lambda spark, df, p: Window.orderBy("id").rowsBetween(True, False),
    "rangeBetween(float)": lambda spark, df, p: Window.orderBy("id").rangeBetween(-1.5, 0),
    "read.format(None)": lambda spark, df, p: spark.read.format(None),
    "read.format(int)": lambda spark, df, p: spark.read.format(1),
    "read.option(None, v)": lambda spark, df, p: spark.read.option(None, "x"),
    "read.load(int)": lambda spark, df, p: spark.read.format("csv").load(1),
    "read.parquet(int)": lambda spark, df, p: spark.read.parquet(1),
    "read.text(int)": lambda spark, df, p: spark.read.text(1),
    "read.csv([path, int])": lambda spark, df, p: spark.read.csv([CSV, 1]),
    "read.table(None)": lambda spark, df, p: spark.read.table(None),
    "write.mode(int)": lambda spark, df, p: df.write.mode(1),
    "write.format(None)": lambda spark, df, p: df.write.format(None),
    "write.format(int)": lambda spark, df, p: df.write.format(1),
    "write.option(None, v)": lambda spark, df, p: df.write.option(None, "x"),
    "write.partitionBy(int)": lambda spark, df, p: df.write.partitionBy(1).parquet(p),
    "write.partitionBy(None)": lambda spark, df, p: df.write.partitionBy(None).parquet(p),
    "write.save(int)": lambda spark, df, p: df.write.format("parquet").save(1),
    "catalog.tableExists(None)": lambda spark, df, p: spark.catalog.tableExists(None),
    "catalog.tableExists(int)": lambda spark, df, p: spark.catalog.tableExists(1),
    "catalog.databaseExists(None)": lambda spark, df, p: spark.catalog.databaseExists(None),
    "catalog.dropTempView(None)": lambda spark, df, p: spark.catalog.dropTempView(None),
    "catalog.setCurrentDatabase(None)": lambda spark, df, p: spark.catalog.setCurrentDatabase(None),
    "conf.set(None, v)": lambda spark, df, p: spark.conf.set(None, "x"),
    "conf.unset(None)": lambda spark, df, p: spark.conf.unset(None),
    "sql(int)": lambda spark, df, p: spark.sql(1),
    "sql(None)": lambda spark, df, p: spark.sql(None),
    "sql args with an int name": lambda spark, df, p: spark.sql("SELECT :a", args={1: 1}),
    "na.drop(subset with an int)": lambda spark, df, p: df.na.drop(subset=("id", 1)),
    "na.fill(dict with an int key)": lambda spark, df, p: df.na.fill({1: 1}),
    # Checked since the generated table (compat-tests/cases/hostile_arguments_generated.py).
    "limit(str)": lambda spark, df, p: df.limit("1"),
    "take(2**63)": lambda spark, df, p: df.take(2**63),
    "coalesce(None)": lambda spark, df, p: df.coalesce(None),
    "unpersist(int)": lambda spark, df, p: df.unpersist(1),
    "range(2**63)": lambda spark, df, p: spark.range(2**63),
    "rangeBetween(2**63, 0)": lambda spark, df, p: Window.orderBy("id").rangeBetween(2**63, 0),
    "like(int)": lambda spark, df, p: df.select(df.s.like(1)),
    "startswith(None)": lambda spark, df, p: df.select(df.s.startswith(None)),
    "date_format(c, int)": lambda spark, df, p: df.select(F.date_format("s", 1)),
    "shiftleft(c, str)": lambda spark, df, p: df.select(F.shiftleft("id", "1")),
    "broadcast(None)": lambda spark, df, p: F.broadcast(None),
    "writeTo(int)": lambda spark, df, p: df.writeTo(1),
    "conf.set(k, list)": lambda spark, df, p: spark.conf.set("spark.hostile.x", [1]),
    "catalog.getTable(None)": lambda spark, df, p: spark.catalog.getTable(None),
    "read.jdbc (not implemented)": lambda spark, df, p: spark.read.jdbc("jdbc:x", "t"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_refused_with_a_pyspark_error(name, spark, df, tmp_path):
    with pytest.raises(PySparkException) as caught:
        CASES[name](spark, df, str(tmp_path / "out"))
    assert caught.value.getCondition(), f"{name}: {caught.value!r} has no error condition"
