"""Tables in a database of their own, at a fresh temporary LOCATION, so a case's
managed tables never meet another case's (or the working directory's
spark-warehouse) and its observations hold no absolute path."""

import contextlib
import os
import tempfile

from cases._write_helpers import listing


@contextlib.contextmanager
def database(spark, name):
    """A database `name` at a new temporary directory; dropped (CASCADE) afterwards.
    Yields the directory its managed tables go under."""
    spark.catalog.setCurrentDatabase("default")
    spark.sql(f"DROP DATABASE IF EXISTS {name} CASCADE")
    root = tempfile.mkdtemp(prefix="pyrust-tables-")
    location = os.path.join(root, name)
    spark.sql(f"CREATE DATABASE {name} LOCATION '{location}'")
    try:
        yield location
    finally:
        spark.catalog.setCurrentDatabase("default")
        spark.sql(f"DROP DATABASE IF EXISTS {name} CASCADE")


def files(location, table):
    """The files of a table's directory (uuids normalised), or None when it is gone."""
    path = os.path.join(location, table)
    return listing(path) if os.path.exists(path) else None


def rows(df):
    """A table's rows, sorted (file order is not part of Spark's answer)."""
    from cases._write_helpers import read_back

    return read_back(df)


def local(spark, df):
    """The DataFrame's rows and schema, computed now: a case's database (and its
    files) is dropped before the harness collects what the case returns."""
    return spark.createDataFrame(df.collect(), df.schema)


# DESCRIBE rows whose values are a time or a temporary path
VOLATILE_DESCRIBE_ROWS = ["Created Time", "Location"]


def described(spark, text):
    """The rows of a DESCRIBE statement without the ones that hold a time or a path."""
    from pyspark.sql import functions as F

    return local(spark, spark.sql(text).filter(~F.col("col_name").isin(VOLATILE_DESCRIBE_ROWS)))
