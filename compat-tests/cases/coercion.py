"""Implicit casts of function arguments, as Spark's analyzer inserts them."""

from harness import case
from pyspark.sql import functions as F


def _mixed(spark):
    return spark.createDataFrame([(12, 3.5, True, "7", None)], "i int, d double, b boolean, s string, n string")


@case
def string_functions_on_numbers(spark):
    df = _mixed(spark)
    return df.select(F.upper("i"), F.lower("d"), F.length("i"), F.trim("d"), F.substring("i", 1, 1))


@case
def string_predicates_on_numbers(spark):
    df = _mixed(spark)
    return df.select(F.col("i").like("1%"), F.col("i").startswith("1"), F.col("d").contains("."))


@case
def length_of_boolean(spark):
    return _mixed(spark).select(F.length("b"))


@case
def abs_of_string(spark):
    return _mixed(spark).select(F.abs("s"))


@case
def sqrt_of_string(spark):
    return _mixed(spark).select(F.sqrt("s"))


@case
def round_of_string(spark):
    return _mixed(spark).select(F.round("s"))


@case
def isnan_of_int(spark):
    return _mixed(spark).select(F.isnan("i"))


@case
def coalesce_int_and_string(spark):
    return _mixed(spark).select(F.coalesce("i", "s"))


@case
def coalesce_null_column(spark):
    return _mixed(spark).select(F.coalesce("n", F.lit("fallback")))


@case
def sum_of_boolean(spark):
    return _mixed(spark).agg(F.sum("b"))


@case
def avg_of_string(spark):
    return _mixed(spark).agg(F.avg("s"))


@case
def min_max_of_boolean(spark):
    return _mixed(spark).agg(F.min("b"), F.max("b"))


@case
def compare_int_with_double(spark):
    return _mixed(spark).select(F.col("i") > F.col("d"), F.col("i") == 12.0)


@case
def compare_boolean_with_int(spark):
    return _mixed(spark).select(F.col("b") == 1)


@case
def compare_string_with_double(spark):
    return _mixed(spark).select(F.col("s") < F.col("d"))


@case
def add_boolean_fails(spark):
    return _mixed(spark).select(F.col("b") + 1)


@case
def negate_string(spark):
    return _mixed(spark).select(-F.col("s"))


@case
def when_mixed_branch_types(spark):
    return _mixed(spark).select(F.when(F.col("b"), F.col("i")).otherwise(F.col("s")))


@case
def isin_mixed_types(spark):
    return _mixed(spark).select(F.col("i").isin("12", 13), F.col("s").isin(7, 8))


@case
def concat_ws_with_numbers(spark):
    return _mixed(spark).select(F.concat_ws("-", "i", "d", "b"))


@case
def cast_boolean_to_string(spark):
    return _mixed(spark).select(F.col("b").cast("string"), F.col("d").cast("decimal(4,1)"))


@case
def cast_numbers_between_types(spark):
    return _mixed(spark).select(F.col("i").cast("tinyint"), F.col("d").cast("float"), F.col("i").cast("double"), F.col("d").cast("long"))


@case
def filter_on_string_column_fails(spark):
    return _mixed(spark).filter(F.col("s"))


@case
def and_with_non_boolean_fails(spark):
    return _mixed(spark).select(F.col("b") & F.col("i"))
