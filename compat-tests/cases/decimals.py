"""Decimal arithmetic: Spark's result precision/scale and HALF_UP rounding."""

import decimal

from harness import case
from pyspark.sql import functions as F

D = decimal.Decimal


def _money(spark):
    return spark.createDataFrame([(D("2.50"), D("0.7"), 3), (D("-1.25"), D("3.0"), -2), (None, D("1.1"), 1)],
                                 "a decimal(5,2), b decimal(3,1), n int")


@case
def decimal_add_subtract(spark):
    df = _money(spark)
    return df.select(F.col("a") + F.col("b"), F.col("a") - F.col("b"), F.col("a") + 1, F.col("a") - F.col("n"))


@case
def decimal_multiply(spark):
    df = _money(spark)
    return df.select(F.col("a") * F.col("b"), F.col("a") * 2, F.col("a") * F.col("n"))


@case
def decimal_divide(spark):
    df = _money(spark)
    return df.select(F.col("a") / F.col("b"), F.col("a") / 3, F.col("b") / F.col("n"))


@case
def decimal_modulo(spark):
    df = _money(spark)
    return df.select(F.col("a") % F.col("b"), F.col("a") % 2)


@case
def decimal_divide_by_zero_ansi(spark):
    return _money(spark).select(F.col("a") / F.lit(0))


@case(conf={"spark.sql.ansi.enabled": "false"})
def decimal_divide_by_zero_legacy(spark):
    return _money(spark).select(F.col("a") / F.lit(0))


@case
def decimal_with_double(spark):
    return _money(spark).select(F.col("a") * 1.5, F.col("a") + F.lit(0.25))


@case
def decimal_aggregates(spark):
    df = _money(spark)
    return df.agg(F.sum("a"), F.avg("a"), F.min("b"), F.max("b"), F.sum(F.col("a") * F.col("b")))


@case
def decimal_compare(spark):
    df = _money(spark)
    return df.select(F.col("a") > F.col("b"), F.col("a") == 2.5, F.col("b") < 1)


@case
def decimal_literals_in_expr(spark):
    return _money(spark).selectExpr("a * 1.5", "b + 0.25", "a / 0.5")


@case
def decimal_round(spark):
    return _money(spark).select(F.round("a", 1), F.round(F.col("a") * F.col("b"), 2))


@case
def decimal_high_precision_multiply(spark):
    df = spark.createDataFrame([(D("12345678901234567890.123456"), D("98765.4321"))], "x decimal(38,6), y decimal(20,4)")
    return df.select(F.col("x") * F.col("y"), F.col("x") / F.col("y"))


@case
def tpch_style_discount(spark):
    df = spark.createDataFrame([(D("901.00"), D("0.04"), D("0.02")), (D("1234.56"), D("0.10"), D("0.00"))],
                               "price decimal(15,2), discount decimal(15,2), tax decimal(15,2)")
    return df.select((F.col("price") * (1 - F.col("discount")) * (1 + F.col("tax"))).alias("charge"),
                     (F.col("price") * (1 - F.col("discount"))).alias("disc_price"))


@case
def decimal_bround_half_even(spark):
    df = spark.createDataFrame([(D("2.50"),), (D("3.50"),), (D("-2.50"),), (D("1.25"),), (D("1.35"),)], "m decimal(5,2)")
    return df.select(F.bround("m"), F.bround("m", 1), F.round("m", 1), F.round("m", -1), F.bround("m", -1))


@case
def decimal_top_k_and_group_keys(spark):
    df = spark.createDataFrame([(D("901.00"), "a"), (D("1234.56"), "b"), (D("901.00"), "c"), (D("-5.25"), "a")],
                               "price decimal(15,2), k string")
    by_price = df.groupBy("price").agg(F.count("*").alias("n"))
    totals = df.groupBy("k").agg(F.sum(F.col("price") * 2).alias("total")).orderBy(F.col("total").desc()).limit(2)
    return by_price.orderBy(F.col("price").desc()).limit(2).union(totals.select("total", F.lit(0).cast("long")))


def _boundary_decimals(spark):
    values = ["0.04", "0.05", "0.06", "0.07", "0.08", "-0.05", "0.00", "24.00", "23.99", "999.99", "-999.99", None]
    return spark.createDataFrame([(D(v) if v is not None else None,) for v in values], "d decimal(5,2)")


@case
def decimal_compared_with_double_literals(spark):
    c = F.col("d")
    return _boundary_decimals(spark).select(
        "d", (c >= 0.05).alias("ge"), (c > 0.05).alias("gt"), (c < 0.07).alias("lt"), (c <= 0.07).alias("le"),
        (c == 0.06).alias("eq"), (c != 0.06).alias("ne"), c.between(0.05, 0.07).alias("btw"),
        (0.3 > c).alias("mirrored"), (c == 0.1 + 0.2).alias("inexact"), (c > 1e9).alias("above_range"),
        (c >= -1e9).alias("below_range"), (c < 23.995).alias("between_steps"), (c > -0.0).alias("neg_zero"))


@case
def decimal_filtered_by_double_literals(spark):
    c = F.col("d")
    return _boundary_decimals(spark).filter((c > 0.049999) & (c <= 24.0) | (c == -999.99)).orderBy("d")


@case
def decimal_compared_with_nan_and_infinity(spark):
    c = F.col("d")
    return _boundary_decimals(spark).select("d", (c < float("nan")).alias("lt_nan"), (c == float("nan")).alias("eq_nan"),
                                            (c < float("inf")).alias("lt_inf"), (c > float("-inf")).alias("gt_neg_inf"))


@case
def decimal_avg_is_exact_past_double_digits(spark):
    df = spark.createDataFrame([(D("1234567890123.45"), "a"), (D("1234567890123.46"), "a"), (D("1234567890123.46"), "a"),
                                (D("9999999999999.99"), "b"), (None, "b"), (None, "c")], "m decimal(15,2), k string")
    return df.groupBy("k").agg(F.avg("m"), F.sum("m")).orderBy("k")
