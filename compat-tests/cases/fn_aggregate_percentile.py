"""percentile (exact, interpolated, with arrays of percentages and frequencies),
percentile_approx/approx_percentile (Spark's Greenwald-Khanna summary), median, mode
(hash order when not deterministic), histogram_numeric."""

import datetime
import decimal

from harness import case
from pyspark.sql import functions as F

from ._fn_aggregate_data import TYPED_COLUMNS, matrix

NAN, INF = float("nan"), float("inf")


def _nums(spark):
    rows = [(1, 0.0), (1, 10.0), (1, None), (1, 2.5), (2, 7.0), (3, None), (4, 1.0), (4, 1.0), (4, 3.0), (4, 2.0),
            (5, -1.5), (5, NAN), (5, 4.0), (5, INF)]
    return spark.createDataFrame(rows, "g int, x double")


def _many(spark):
    return spark.range(3000).select((F.col("id") % 3).alias("g"), ((F.col("id") * 7919) % 1009).alias("x"),
                                    ((F.col("id") * 104729) % 997 / 7.0).alias("d"))


# --- percentile ---------------------------------------------------------------------------------

@case
def percentile_matrix(spark):
    return matrix(spark, lambda c: F.percentile(c, 0.5))


@case
def percentile_values(spark):
    return (_nums(spark).groupBy("g")
            .agg(F.percentile("x", 0.5), F.percentile("x", 0.3), F.percentile("x", [0.0, 0.25, 0.75, 1.0]),
                 F.percentile("x", (0.1,)))
            .orderBy("g"))


@case
def percentile_integers_and_decimals(spark):
    df = spark.createDataFrame([(i, decimal.Decimal(i) / 8, i % 3) for i in range(1, 12)], "i int, m decimal(6,3), f int")
    return df.agg(F.percentile("i", 0.3), F.percentile("m", [0.1, 0.9]), F.percentile("i", 0.5, F.col("f")),
                  F.percentile("m", 0.5, 3), F.median("i"), F.median("m"))


@case
def percentile_frequency_column(spark):
    df = spark.createDataFrame([(1, 2), (2, 0), (3, None), (4, 5), (None, 3)], "x int, w bigint")
    return df.agg(F.percentile("x", 0.5, F.col("w")), F.percentile("x", [0.2, 0.8], "w"))


@case
def percentile_negative_frequency(spark):
    df = spark.createDataFrame([(1, 2), (2, -1)], "x int, w int")
    return df.agg(F.percentile("x", 0.5, F.col("w")))


@case
def percentile_out_of_range(spark):
    return _nums(spark).agg(F.percentile("x", 1.5))


@case
def percentile_not_constant(spark):
    return _nums(spark).agg(F.percentile("x", F.col("x")))


@case
def percentile_null_percentage(spark):
    return _nums(spark).selectExpr("percentile(x, NULL)")


@case
def percentile_many(spark):
    return (_many(spark).groupBy("g")
            .agg(F.percentile("x", [0.01, 0.33, 0.5, 0.999]), F.percentile("d", 0.77), F.median("d"))
            .orderBy("g"))


@case
def percentile_empty(spark):
    df = spark.createDataFrame([], "x double")
    return df.agg(F.percentile("x", 0.5), F.percentile("x", [0.5]), F.median("x"))


@case
def percentile_sql(spark):
    return _nums(spark).selectExpr("percentile(x, 0.5)", "percentile(x, 1)", "percentile(x, 0.5, 2)", "median(x)",
                                   "percentile(x, 0.5, CAST(g AS TINYINT))")


@case
def median_matrix(spark):
    return matrix(spark, lambda c: F.median(c), columns=["i", "l", "f", "d", "m", "s", "b", "dt", "ts", "n"])


@case
def median_values(spark):
    return _nums(spark).groupBy("g").agg(F.median("x")).orderBy("g")


# --- percentile_approx ---------------------------------------------------------------------------

@case
def percentile_approx_matrix(spark):
    return matrix(spark, lambda c: F.percentile_approx(c, 0.5))


@case
def percentile_approx_values(spark):
    return (_nums(spark).groupBy("g")
            .agg(F.percentile_approx("x", 0.5), F.approx_percentile("x", [0.0, 0.1, 0.5, 0.9, 1.0], 100),
                 F.percentile_approx("x", 0.25, 2))
            .orderBy("g"))


@case
def percentile_approx_types(spark):
    df = spark.createDataFrame([(i, i * 1000000007, decimal.Decimal(i) / 8, datetime.date(2024, 1, 1 + i),
                                 datetime.datetime(2024, 1, 1, i, 30), float(i) / 3) for i in range(1, 12)],
                               "i int, l bigint, m decimal(6,3), dt date, ts timestamp, f float")
    return df.agg(F.percentile_approx("i", 0.5), F.percentile_approx("l", [0.1, 0.9]), F.percentile_approx("m", 0.4),
                  F.percentile_approx("dt", 0.5), F.percentile_approx("ts", [0.3, 0.7]), F.percentile_approx("f", 0.5),
                  F.percentile_approx(F.col("i").cast("tinyint"), 0.5), F.percentile_approx(F.col("i").cast("smallint"), 0.5))


@case
def percentile_approx_many_exact(spark):
    return (_many(spark).groupBy("g")
            .agg(F.percentile_approx("x", [0.01, 0.25, 0.5, 0.75, 0.999]), F.percentile_approx("d", 0.77))
            .orderBy("g"))


@case
def percentile_approx_many_low_accuracy(spark):
    return (_many(spark).groupBy("g")
            .agg(F.percentile_approx("x", [0.01, 0.25, 0.5, 0.75, 0.999], 10),
                 F.percentile_approx("d", [0.1, 0.77], 100), F.percentile_approx("x", 0.5, 1))
            .orderBy("g"))


@case
def percentile_approx_large(spark):
    df = spark.range(120000).select(((F.col("id") * 2654435761) % 100003).alias("x"))
    return df.agg(F.percentile_approx("x", [0.001, 0.1, 0.5, 0.9, 0.999]), F.percentile_approx("x", [0.3, 0.6], 50))


@case
def percentile_approx_bad_accuracy(spark):
    return _nums(spark).agg(F.percentile_approx("x", 0.5, 0))


@case
def percentile_approx_bad_percentage(spark):
    return _nums(spark).agg(F.percentile_approx("x", [0.5, -0.1]))


@case
def percentile_approx_empty(spark):
    df = spark.createDataFrame([], "x double, i int")
    return df.agg(F.percentile_approx("x", 0.5), F.approx_percentile("i", [0.5, 0.9]))


@case
def percentile_approx_sql(spark):
    return _nums(spark).selectExpr("percentile_approx(x, 0.5)", "approx_percentile(x, 0.9, 50)",
                                   "percentile_approx(g, 0.5)", "percentile_approx(x, 0.25, 2L)")


# --- mode ----------------------------------------------------------------------------------------

# Spark counts binaries by their JVM identity hash: their mode among ties is not
# repeatable, so the matrix leaves them out (PyRust hashes their bytes).
@case
def mode_matrix(spark):
    return matrix(spark, lambda c: F.mode(c), columns=[c for c in TYPED_COLUMNS if c != "bin"])


@case
def mode_values(spark):
    df = spark.createDataFrame([(1, 3), (1, 5), (1, 5), (1, None), (2, 9), (2, 8), (2, 7), (3, None), (4, -1), (4, -1),
                                (4, 2), (4, 2)], "g int, x int")
    return df.groupBy("g").agg(F.mode("x"), F.mode("x", True)).orderBy("g")


@case
def mode_ties_hash_order(spark):
    df = spark.createDataFrame([(i * 37 % 101,) for i in range(60)], "x int")
    return df.agg(F.mode("x"), F.mode(F.col("x").cast("string")), F.mode(F.col("x").cast("double") / 4),
                  F.mode(F.col("x").cast("bigint") * 10000000000), F.mode("x", True))


@case
def mode_ties_many_keys(spark):
    df = spark.createDataFrame([(i % 90,) for i in range(180)], "x int")
    return df.agg(F.mode("x"), F.mode(F.col("x").cast("string")), F.mode("x", True))


@case
def mode_doubles(spark):
    df = spark.createDataFrame([(NAN,), (NAN,), (0.0,), (-0.0,), (1.5,), (1.5,)], "d double")
    return df.agg(F.mode("d"), F.mode("d", True))


@case
def mode_strings(spark):
    df = spark.createDataFrame([("b",), ("a",), ("😀",), ("a",), ("b",), ("",), (None,), (None,)], "s string")
    return df.agg(F.mode("s"), F.mode("s", True))


@case
def mode_empty(spark):
    df = spark.createDataFrame([], "x int")
    return df.agg(F.mode("x"), F.mode("x", True))


@case
def mode_sql(spark):
    df = spark.createDataFrame([(1,), (2,), (2,), (3,), (3,)], "x int")
    return df.selectExpr("mode(x)", "mode(x, true)", "mode(x, false)")


@case
def mode_deterministic_not_boolean(spark):
    df = spark.createDataFrame([(1,)], "x int")
    return df.selectExpr("mode(x, 1)")


@case
def mode_repr(spark):
    return [repr(F.mode("x")), repr(F.mode("x", True)), repr(F.median("x")), repr(F.percentile("x", [0.1, 0.2], 3)),
            repr(F.percentile_approx("x", 0.5)), repr(F.approx_percentile("x", [0.5], 10))]


# --- histogram_numeric ---------------------------------------------------------------------------

@case
def histogram_numeric_values(spark):
    df = spark.createDataFrame([(i, float(i * i % 17)) for i in range(30)], "i int, d double")
    return df.agg(F.histogram_numeric("i", F.lit(5)), F.histogram_numeric("d", F.lit(3)))


@case
def histogram_numeric_few_values(spark):
    df = spark.createDataFrame([(1,), (2,), (2,), (None,)], "x int")
    return df.agg(F.histogram_numeric("x", F.lit(10)))


@case
def histogram_numeric_types(spark):
    df = spark.createDataFrame([(i, decimal.Decimal(i) / 4, datetime.date(2024, 1, 1 + i)) for i in range(10)],
                               "i bigint, m decimal(5,2), dt date")
    return df.agg(F.histogram_numeric("m", F.lit(3)), F.histogram_numeric("dt", F.lit(2)),
                  F.histogram_numeric(F.col("i").cast("float"), F.lit(4)))


@case
def histogram_numeric_empty(spark):
    df = spark.createDataFrame([], "x double")
    return df.agg(F.histogram_numeric("x", F.lit(3)))


@case
def histogram_numeric_bad_bins(spark):
    df = spark.createDataFrame([(1.0,)], "x double")
    return df.agg(F.histogram_numeric("x", F.lit(1)))


@case
def histogram_numeric_sql(spark):
    df = spark.createDataFrame([(i,) for i in range(12)], "x int")
    return df.selectExpr("histogram_numeric(x, 4)")
