"""ANSI mode (the 4.0 default) against legacy mode, case by case."""

from harness import case
from pyspark.sql import functions as F

LEGACY = {"spark.sql.ansi.enabled": "false"}


def _strings(spark):
    return spark.createDataFrame([("7",), ("-3",), ("abc",), (None,), ("2.9",)], "s string")


@case
def ansi_cast_string_to_long(spark):
    return _strings(spark).select(F.col("s").cast("long"))


@case(conf=LEGACY)
def legacy_cast_string_to_long(spark):
    return _strings(spark).select(F.col("s").cast("long"))


@case
def ansi_cast_string_to_double(spark):
    return _strings(spark).select(F.col("s").cast("double"))


@case(conf=LEGACY)
def legacy_cast_string_to_double(spark):
    return _strings(spark).select(F.col("s").cast("double"))


@case
def ansi_cast_valid_strings(spark):
    return _strings(spark).filter(F.col("s") != "abc").select(F.col("s").cast("double"))


@case
def ansi_cast_string_to_date_invalid(spark):
    return spark.createDataFrame([("2024-13-45",)], "s string").select(F.col("s").cast("date"))


@case(conf=LEGACY)
def legacy_cast_string_to_date_invalid(spark):
    return spark.createDataFrame([("2024-13-45",), ("2024-01-05",)], "s string").select(F.col("s").cast("date"))


@case
def ansi_cast_string_to_boolean_invalid(spark):
    return spark.createDataFrame([("maybe",)], "s string").select(F.col("s").cast("boolean"))


@case(conf=LEGACY)
def legacy_cast_string_to_boolean_invalid(spark):
    return spark.createDataFrame([("maybe",), ("true",)], "s string").select(F.col("s").cast("boolean"))


@case
def ansi_try_cast_keeps_null(spark):
    return _strings(spark).select(F.col("s").try_cast("int"))


@case(conf=LEGACY)
def legacy_try_cast(spark):
    return _strings(spark).select(F.col("s").try_cast("int"))


@case
def ansi_divide_by_zero_double(spark):
    return spark.createDataFrame([(1.5, 0.0)], "a double, b double").select(F.col("a") / F.col("b"))


@case(conf=LEGACY)
def legacy_divide_by_zero_double(spark):
    return spark.createDataFrame([(1.5, 0.0), (3.0, 2.0)], "a double, b double").select(F.col("a") / F.col("b"))


@case
def ansi_null_divided_by_zero(spark):
    return spark.createDataFrame([(None, 0)], "a int, b int").select(F.col("a") / F.col("b"))


@case
def ansi_integral_divide(spark):
    return spark.createDataFrame([(7, 2), (-7, 2), (7, -2)], "a int, b int").selectExpr("a div b")


@case
def ansi_integral_divide_by_zero(spark):
    return spark.createDataFrame([(7, 0)], "a int, b int").selectExpr("a div b")


@case(conf=LEGACY)
def legacy_integral_divide_by_zero(spark):
    return spark.createDataFrame([(7, 0)], "a int, b int").selectExpr("a div b")


@case
def ansi_subtract_overflow(spark):
    return spark.createDataFrame([(-2147483648,)], "a int").select(F.col("a") - 1)


@case(conf=LEGACY)
def legacy_subtract_overflow(spark):
    return spark.createDataFrame([(-2147483648,)], "a int").select(F.col("a") - 1)


@case
def ansi_multiply_overflow(spark):
    return spark.createDataFrame([(65536,)], "a int").select(F.col("a") * F.col("a"))


@case(conf=LEGACY)
def legacy_multiply_overflow(spark):
    return spark.createDataFrame([(65536,)], "a int").select(F.col("a") * F.col("a"))


@case
def ansi_long_add_overflow(spark):
    return spark.createDataFrame([(9223372036854775807,)], "a long").select(F.col("a") + 1)


@case(conf=LEGACY)
def legacy_long_add_overflow(spark):
    return spark.createDataFrame([(9223372036854775807,)], "a long").select(F.col("a") + 1)


@case
def ansi_no_overflow_near_limit(spark):
    return spark.createDataFrame([(2147483646,)], "a int").select(F.col("a") + 1)


@case
def ansi_overflow_in_untaken_branch(spark):
    df = spark.createDataFrame([(2147483647,), (1,)], "a int")
    return df.select(F.when(F.col("a") < 10, F.col("a") + 1).otherwise(F.lit(0)).alias("x"))


@case
def ansi_cast_error_in_untaken_branch(spark):
    df = _strings(spark)
    return df.select(F.when(F.col("s").rlike("^-?[0-9]+$"), F.col("s").cast("int")).alias("n"))


@case
def ansi_string_plus_int(spark):
    return spark.createDataFrame([("5",)], "s string").select(F.col("s") + 1)


@case(conf=LEGACY)
def legacy_string_plus_int(spark):
    return spark.createDataFrame([("5",)], "s string").select(F.col("s") + 1)


@case
def ansi_string_equals_int(spark):
    return spark.createDataFrame([("5",), ("6",)], "s string").filter(F.col("s") == 5)


@case(conf=LEGACY)
def legacy_string_equals_int(spark):
    return spark.createDataFrame([("5",), ("6",)], "s string").filter(F.col("s") == 5)


@case
def ansi_modulo_negative(spark):
    return spark.createDataFrame([(-7.5, 2.0)], "a double, b double").select(F.col("a") % F.col("b"))


@case
def ansi_double_to_int_out_of_range(spark):
    return spark.createDataFrame([(1e20,)], "d double").select(F.col("d").cast("int"))


@case(conf=LEGACY)
def legacy_double_to_int_nan(spark):
    return spark.createDataFrame([(float("nan"),)], "d double").select(F.col("d").cast("int"))


@case
def ansi_sum_types(spark):
    df = spark.createDataFrame([(1, 2.5, 3)], "i int, d double, b tinyint")
    return df.agg(F.sum("i"), F.sum("d"), F.sum("b"), F.avg("b"))


@case(conf=LEGACY)
def legacy_avg_types(spark):
    df = spark.createDataFrame([(1, 2.5)], "i int, d double")
    return df.agg(F.avg("i"), F.sum("d"))


@case
def ansi_sum_long_overflow(spark):
    df = spark.createDataFrame([(9223372036854775807,), (1,)], "v long")
    return df.agg(F.sum("v"))


@case(conf=LEGACY)
def legacy_sum_long_overflow(spark):
    df = spark.createDataFrame([(9223372036854775807,), (1,)], "v long")
    return df.agg(F.sum("v"))


@case
def ansi_sum_long_no_overflow(spark):
    df = spark.createDataFrame([(9223372036854775807,), (-1,)], "v long")
    return df.groupBy(F.lit(1).alias("g")).agg(F.sum("v"))
