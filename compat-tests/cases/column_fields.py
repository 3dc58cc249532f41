"""Column methods of issue 8: isNaN (withField/dropFields/outer not done yet)."""

from harness import case
from pyspark.sql import functions as F


def _df(spark):
    return spark.createDataFrame(
        [(1.0, 1.5, 3), (float("nan"), float("-inf"), None), (None, float("inf"), -1), (-0.0, float("nan"), 0)],
        "d double, f float, i int",
    )


@case
def is_nan_double(spark):
    return _df(spark).select("d", F.col("d").isNaN())


@case
def is_nan_float_and_int(spark):
    d = _df(spark)
    return d.select(d.f.isNaN(), F.col("i").isNaN())


@case
def is_nan_repr(spark):
    return repr(F.col("d").isNaN())


@case
def is_nan_in_filter(spark):
    return _df(spark).filter(~F.col("f").isNaN())


@case
def is_nan_literal(spark):
    return _df(spark).select(F.lit(float("nan")).isNaN(), F.lit(None).cast("double").isNaN())


@case
def is_nan_with_alias(spark):
    return _df(spark).select(F.col("d").isNaN().alias("nan"))


@case
def is_nan_decimal(spark):
    return _df(spark).select(F.col("i").cast("decimal(5,2)").isNaN())


@case
def is_nan_when(spark):
    return _df(spark).select(F.when(F.col("d").isNaN(), "nan").otherwise("number").alias("kind"))


@case
def is_nan_empty(spark):
    return _df(spark).limit(0).select(F.col("d").isNaN())
