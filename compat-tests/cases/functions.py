"""The foundation's functions: strings, math, null handling."""

from harness import case
from pyspark.sql import functions as F

from ._data import numbers, people, strings


@case
def upper_lower(spark):
    return strings(spark).select(F.upper("s"), F.lower(F.col("t")))


@case
def length_of_strings(spark):
    return strings(spark).select(F.length("s"), F.length("t"))


@case
def trim_family(spark):
    return strings(spark).select(F.trim("s"), F.ltrim("s"), F.rtrim("s"))


@case
def concat_with_null(spark):
    return strings(spark).select(F.concat("s", F.lit("-"), "t"))


@case
def concat_ws_skips_nulls(spark):
    return strings(spark).select(F.concat_ws("|", "s", "t"))


@case
def concat_numbers(spark):
    return numbers(spark).select(F.concat(F.col("k"), F.lit(":"), F.col("d")))


@case
def substring_positive(spark):
    return people(spark).select(F.substring("name", 1, 3), F.substring("name", 2, 100))


@case
def substring_zero_and_negative(spark):
    return people(spark).select(F.substring("name", 0, 2), F.substring("name", -3, 2), F.substring("name", -10, 3))


@case
def substring_negative_length(spark):
    return people(spark).select(F.substring("name", 2, -1))


@case
def coalesce_values(spark):
    return people(spark).select(F.coalesce("age", F.lit(0)), F.coalesce("city", "name"))


@case
def coalesce_mixed_numeric(spark):
    return numbers(spark).select(F.coalesce("v", "d"))


@case
def isnan_values(spark):
    df = spark.createDataFrame([(float("nan"),), (1.0,), (None,)], "x double")
    return df.select(F.isnan("x"), F.col("x"))


@case
def nan_display(spark):
    return spark.createDataFrame([(float("nan"),), (float("inf"),), (float("-inf"),), (-0.0,)], "x double")


@case
def abs_values(spark):
    return numbers(spark).select(F.abs("v"), F.abs("d"))


@case
def round_half_up(spark):
    df = spark.createDataFrame([(2.5,), (3.5,), (-2.5,), (2.675,), (1.005,)], "x double")
    return df.select(F.round("x"), F.round("x", 2))


@case
def bround_half_even(spark):
    df = spark.createDataFrame([(2.5,), (3.5,), (-2.5,), (0.125,)], "x double")
    return df.select(F.bround("x"), F.bround("x", 2))


@case
def round_integers(spark):
    df = spark.createDataFrame([(1250,), (-1250,), (1249,)], "x int")
    return df.select(F.round("x", -2), F.round("x"))


@case
def sqrt_values(spark):
    return numbers(spark).select(F.sqrt("k"))


@case
def float_formatting(spark):
    df = spark.createDataFrame([(0.1,), (100.0,), (1e7,), (1.5e-5,), (123456789.123,), (0.001,)], "x double")
    return df


@case
def float_type_formatting(spark):
    df = spark.createDataFrame([(0.1,), (3.0,)], "x double")
    return df.select(F.col("x").cast("float"))


@case
def decimal_display(spark):
    df = spark.createDataFrame([("1.50",), ("-0.05",)], "s string")
    return df.select(F.col("s").cast("decimal(10,2)"))


@case
def expr_function(spark):
    return people(spark).select(F.expr("age * 2"), F.expr("length(name) AS len"))


@case
def expr_in_filter(spark):
    return people(spark).filter(F.expr("city = 'NYC' AND age IS NOT NULL"))


@case
def unknown_function_fails(spark):
    return people(spark).selectExpr("nosuchfn(age)")


@case
def wrong_arg_count_fails(spark):
    return people(spark).selectExpr("upper(name, age)")


@case
def aggregate_in_select_is_global(spark):
    return people(spark).select(F.sum("age"), F.max("name"))


@case
def col_and_column(spark):
    return people(spark).select(F.col("id"), F.column("name"))
