"""Math functions of two or more numbers: pow/power (Java's special cases), atan2
(-0.0 read as 0.0), hypot, pmod/mod (ANSI and legacy division by zero), greatest
and least (NULLs skipped, NaN the greatest value, common type), and their names."""

import decimal

from harness import case
from pyspark.sql import functions as F

LEGACY = {"spark.sql.ansi.enabled": "false"}
NAN = float("nan")
INF = float("inf")
D = decimal.Decimal


def _pairs(spark):
    rows = [(0, 2.0, 10.0), (1, 1.0, NAN), (2, -1.0, INF), (3, -1.0, -INF), (4, NAN, 0.0), (5, 0.0, -1.0), (6, -0.0, -1.0),
            (7, -8.0, 1.0 / 3), (8, 10.0, 400.0), (9, 0.5, -INF), (10, INF, 0.5), (11, -INF, 3.0), (12, 3.0, None),
            (13, None, 2.0), (14, -0.0, -0.0), (15, 1e200, 1e200), (16, -2.0, 0.5)]
    return spark.createDataFrame(rows, "id int, a double, b double")


@case
def pow_pairs(spark):
    return _pairs(spark).select("id", F.pow("a", "b"), F.power("b", "a")).orderBy("id")


@case
def pow_numbers_and_columns(spark):
    df = spark.createDataFrame([(2, 3.0)], "i int, d double")
    return df.select(F.pow("i", 2), F.pow(2, "i"), F.pow(F.col("d"), 0.5), F.pow(1.5, F.col("i")), F.power("i", "d"))


@case
def pow_sql_names(spark):
    return spark.range(1, 3).selectExpr("pow(id, 2)", "power(id, 2)", "pow(2, id)", "id ^ 2")


@case
def pow_integer_overflow_is_double(spark):
    return spark.createDataFrame([(2, 10), (2, 64), (10, 400), (-2, 63)], "a bigint, b int").select(F.pow("a", "b"))


@case
def pow_last_bit_is_strict_math(spark):
    # Spark's Pow is StrictMath.pow (fdlibm), which differs from the platform's pow in
    # the last bit on these (fuzz campaign seed 202614, group 337): 2 ^ 1.5 is
    # 2.82842712474619, not 2.8284271247461903. Columns and literals alike.
    df = spark.createDataFrame([(0.5, 1.25), (0.5, 1.5), (100.0, 1.25), (2.0, 1.5), (12.125, 1.5)], "a double, b double")
    return df.select("a", "b", F.pow("a", "b"), F.pow(F.lit(0.5), F.lit("1.25").cast("decimal(10,2)")))


@case
def pow_of_boolean_is_refused(spark):
    return spark.createDataFrame([(True,)], "b boolean").select(F.pow("b", 2))


@case
def atan2_pairs(spark):
    return _pairs(spark).select("id", F.atan2("a", "b"), F.atan2("b", "a")).orderBy("id")


@case
def atan2_signed_zeros(spark):
    df = spark.createDataFrame([(0.0, -1.0), (-0.0, -1.0), (-0.0, -0.0), (0.0, 0.0), (-0.0, 0.0), (-1.0, -0.0)],
                               "y double, x double")
    return df.select("y", "x", F.atan2("y", "x"))


@case
def atan2_numbers(spark):
    return spark.range(1).select(F.atan2(1, "id"), F.atan2(F.lit(1.5), 2.0), F.atan2("id", 1))


@case
def hypot_pairs(spark):
    return _pairs(spark).select("id", F.hypot("a", "b")).orderBy("id")


@case
def hypot_sql(spark):
    return spark.range(1, 4).selectExpr("hypot(id, 4)", "hypot(3, 4)", "atan2(id, 2)")


def _ints(spark):
    rows = [(0, 7, 3), (1, -7, 3), (2, 7, -3), (3, -7, -3), (4, 0, 5), (5, 5, 0), (6, None, 3), (7, 3, None),
            (8, -2147483648, -1), (9, -2147483648, 2147483647)]
    return spark.createDataFrame(rows, "id int, a int, b int")


@case(conf=LEGACY)
def pmod_integers_legacy(spark):
    return _ints(spark).select("id", F.pmod("a", "b"), F.expr("a % b"), F.expr("mod(a, b)")).orderBy("id")


@case
def pmod_integers_ansi(spark):
    return _ints(spark).filter("id != 5").select("id", F.pmod("a", "b"), F.expr("mod(a, b)")).orderBy("id")


@case
def pmod_by_zero_ansi(spark):
    return _ints(spark).select(F.pmod("a", "b"))


@case
def mod_by_zero_ansi(spark):
    return _ints(spark).selectExpr("mod(a, b)")


@case
def pmod_doubles(spark):
    df = spark.createDataFrame([(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (-0.0, 3.0), (NAN, 1.0), (INF, 2.0), (5.0, INF),
                                (-5.0, INF), (1.0, NAN)], "a double, b double")
    return df.select("a", "b", F.pmod("a", "b"), F.expr("mod(a, b)"))


@case(conf=LEGACY)
def pmod_doubles_by_zero_legacy(spark):
    df = spark.createDataFrame([(7.5, 0.0), (-7.5, -0.0)], "a double, b double")
    return df.select(F.pmod("a", "b"), F.expr("mod(a, b)"))


@case
def pmod_doubles_by_zero_ansi(spark):
    return spark.createDataFrame([(7.5, 0.0)], "a double, b double").select(F.pmod("a", "b"))


def _nested_decimals(spark):
    return spark.createDataFrame([(D("1.50"), D("-0.70")), (D("-7.25"), D("2.00")), (None, D("3.00")), (D("0.01"), None),
                                  (D("-99999999.99"), D("0.03"))], "c decimal(10,2), d decimal(10,2)")


@case
def pmod_decimals_nested_ansi(spark):
    # Decimal pmod and % nested in each other's operands, ANSI on: the plan grew by the
    # product of each level's operand copies (a minute for four levels; fuzz campaign
    # seed 202614, groups 295 and 360). Negative remainders take pmod's second step.
    df = _nested_decimals(spark)
    return df.select(F.pmod(F.negative(F.col("c") % F.col("d")) * F.greatest(F.pmod("c", F.lit(D("99.99"))), F.least("c", "d")), "d"),
                     F.expr("round(pmod(c % least(d, CAST(NULL AS DECIMAL(10,2))), (CAST('-0.5' AS DECIMAL(10,2)) % (round(c, -1) - d))), 0)"),
                     F.expr("pmod(pmod(c, d), pmod(d, c))"))


@case
def pmod_decimals_nested_divide_by_zero_ansi(spark):
    # Group 295's expression: the innermost % divides by a zero on a row it reaches.
    df = spark.createDataFrame([(D("1.50"),), (D("0.00"),)], "c decimal(10,2)")
    return df.select(F.expr("round(pmod((CAST('-0.5' AS DECIMAL(10,2)) % least(CAST('99.99' AS DECIMAL(10,2)), CAST(NULL AS DECIMAL(10,2)))), "
                            "(round(CAST('-0.5' AS DECIMAL(10,2)), -1) % (CAST('-0.5' AS DECIMAL(10,2)) % c))), 0)"))


@case
def decimal_overflow_nested_in_pmod_ansi(spark):
    # The overflow message names the exact product of the failing row's operands.
    df = _nested_decimals(spark)
    return df.select(F.pmod(F.col("c").cast("decimal(20,2)") * F.col("c").cast("decimal(20,2)") * F.col("c").cast("decimal(20,2)"), F.lit(D("7"))))


@case(conf=LEGACY)
def pmod_decimals_nested_legacy(spark):
    df = _nested_decimals(spark)
    return df.select(F.pmod(F.pmod("c", "d") * F.col("c"), F.col("d") - F.col("d")), F.pmod(F.negative(F.col("c") % F.col("d")), "d"))


@case
def pmod_decimals(spark):
    df = spark.createDataFrame([(D("7.50"), D("2.0")), (D("-7.50"), D("2.0")), (D("-0.01"), D("3.0"))],
                               "a decimal(5,2), b decimal(3,1)")
    return df.select(F.pmod("a", "b"), F.expr("mod(a, b)"), F.pmod("a", F.lit(4)))


@case
def pmod_mixed_types_and_numbers(spark):
    df = spark.createDataFrame([(-7, 3, 2.5)], "i int, l bigint, d double")
    return df.select(F.pmod("i", "l"), F.pmod("i", 4), F.pmod(-7.5, "l"), F.pmod("d", "i"))


@case
def pmod_bigint_bounds(spark):
    df = spark.createDataFrame([(-9223372036854775808, 3), (9223372036854775807, -2), (-9223372036854775807, 9223372036854775807)],
                               "a bigint, b bigint")
    return df.select(F.pmod("a", "b"))


@case
def pmod_of_strings(spark):
    return spark.createDataFrame([("-7", "3")], "a string, b string").select(F.pmod("a", "b"))


@case
def pmod_of_boolean_is_refused(spark):
    return spark.createDataFrame([(True, 1)], "a boolean, b int").select(F.pmod("a", "b"))


# greatest / least --------------------------------------------------------------------------

def _three(spark):
    rows = [(0, 1.0, 2.0, 3.0), (1, NAN, 1.0, None), (2, None, None, None), (3, -0.0, 0.0, None), (4, 0.0, -0.0, -1.0),
            (5, -INF, None, INF), (6, NAN, NAN, 1.0), (7, None, -5.0, None)]
    return spark.createDataFrame(rows, "id int, a double, b double, c double")


@case
def greatest_least_doubles(spark):
    return _three(spark).select("id", F.greatest("a", "b", "c"), F.least("a", "b", "c"), F.greatest("a", "b")) \
        .orderBy("id")


@case
def greatest_least_mixed_numbers(spark):
    df = spark.createDataFrame([(1, 5, 2.5, D("3.25")), (-1, None, -2.5, None)], "i int, l bigint, d double, m decimal(4,2)")
    return df.select(F.greatest("i", "l"), F.least("i", "m"), F.greatest("i", "l", "d"), F.least("l", "m"))


@case
def greatest_least_strings_and_dates(spark):
    import datetime

    df = spark.createDataFrame([("b", "a", datetime.date(2024, 1, 1), datetime.date(2023, 5, 5)), ("", None, None, None),
                                ("😀", "z", datetime.date(1, 1, 1), datetime.date(9999, 12, 31))],
                               "s string, t string, d date, e date")
    return df.select(F.greatest("s", "t"), F.least("s", "t"), F.greatest("d", "e"), F.least("d", "e"))


@case
def greatest_string_and_int(spark):
    return spark.createDataFrame([("5", 10)], "s string, i int").select(F.greatest("s", "i"), F.least("s", "i"))


@case
def greatest_non_null_arguments(spark):
    return spark.range(3).select(F.greatest("id", F.lit(1)), F.least(F.col("id"), F.lit(None)))


@case
def greatest_one_column_python_error(spark):
    return spark.range(1).select(F.greatest("id"))


@case
def least_one_column_sql_error(spark):
    return spark.range(1).selectExpr("least(id)")


@case
def greatest_incompatible_types(spark):
    return spark.createDataFrame([(1, True)], "i int, b boolean").select(F.greatest("i", "b"))


@case
def greatest_least_sql(spark):
    return spark.range(4).selectExpr("greatest(id, 2, 1)", "least(id, 2, null)", "greatest(null, null)")


@case
def greatest_booleans(spark):
    return spark.createDataFrame([(True, False), (False, None)], "a boolean, b boolean").select(F.greatest("a", "b"),
                                                                                              F.least("a", "b"))
