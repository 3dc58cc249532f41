"""Frames and helpers shared by the aggregate function cases (fn_aggregate*.py)."""

import datetime
import decimal

from pyspark.sql import functions as F

#: One column per Spark type, for signature matrices.
TYPED_SCHEMA = ("i int, l bigint, t tinyint, sm smallint, f float, d double, m decimal(10,2), s string, b boolean, "
                "dt date, ts timestamp, bin binary, a array<int>, st struct<x:int,y:string>, mp map<string,int>")
TYPED_COLUMNS = ["i", "l", "t", "sm", "f", "d", "m", "s", "b", "dt", "ts", "bin", "a", "st", "mp", "n"]


def typed(spark):
    rows = [
        (3, 30, 3, 3, 3.5, 3.25, decimal.Decimal("3.75"), "3.5", True, datetime.date(2024, 3, 1),
         datetime.datetime(2024, 3, 1, 12, 0, 0), b"cd", [3, 4], (3, "z"), {"k": 3}),
        (None,) * 15,
        (1, 10, 1, 1, 1.5, 1.25, decimal.Decimal("1.25"), "1.5", False, datetime.date(2024, 1, 2),
         datetime.datetime(2024, 1, 2, 3, 4, 5), b"ab", [1, 2], (1, "x"), {"k": 1}),
        (2, 20, 2, 2, 2.5, -0.5, decimal.Decimal("-2.50"), "2", True, datetime.date(2023, 12, 31),
         datetime.datetime(1999, 12, 31, 23, 59, 59), b"", [], (2, None), {}),
    ]
    return spark.createDataFrame(rows, TYPED_SCHEMA).withColumn("n", F.lit(None))


def _condition(e):
    for getter in ("getCondition", "getErrorClass"):
        if hasattr(e, getter):
            try:
                return getattr(e, getter)()
            except Exception:
                return None
    return None


def matrix(spark, make, columns=TYPED_COLUMNS, grouped=False):
    """`make(column)` aggregated over a column of every type: per type, the result's
    schema and rows, or the error. Spark's implicit casts and type errors, in one case."""
    df = typed(spark)
    out = []
    for c in columns:
        try:
            if grouped:
                r = df.groupBy((F.col("i") > 1).alias("k")).agg(make(c)).orderBy("k")
            else:
                r = df.agg(make(c))
            schema = [[f.name, f.dataType.simpleString(), f.nullable] for f in r.schema.fields]
            out.append([c, schema, [tuple(row) for row in r.collect()]])
        except Exception as e:
            out.append([c, type(e).__name__, _condition(e)])
    return out


def pairs(spark):
    """(g, y, x) with NULLs on either side, for two-argument statistics."""
    rows = [(1, 1.0, 2.0), (1, 2.0, 2.0), (1, 2.0, 3.0), (1, 2.0, 4.0), (1, None, 5.0), (1, 7.0, None),
            (2, 1.0, 1.0), (2, 2.0, 2.0), (2, 3.0, 3.0), (3, 5.0, 1.0), (4, None, None),
            (5, 1.0, 7.0), (5, 1.0, 8.0), (5, 1.0, 9.5)]
    return spark.createDataFrame(rows, "g int, y double, x double")
