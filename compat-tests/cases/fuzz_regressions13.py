"""Regressions found by the fuzzer and fixed in the thirteenth session (issue 13).

Seed 202618 groups 830 and 477: with ANSI off, `date_add`/`date_sub` whose day count is
a computed STRING constant. Spark's legacy StringLiteralTypeCoercion evaluates any
foldable STRING day count while analysing (`Cast(r, IntegerType, ansiEnabled =
true).eval().asInstanceOf[Int]`): its value as the day count, a NULL as 0, anything
else SECOND_FUNCTION_ARGUMENT_NOT_INTEGER."""

import datetime

from harness import case
from pyspark.sql import functions as F

_ANSI_OFF = {"spark.sql.ansi.enabled": "false"}


def _dates(spark):
    return spark.createDataFrame([(datetime.date(2024, 1, 1),), (datetime.date(2024, 2, 29),), (None,)], "d date")


@case(conf=_ANSI_OFF)
def date_add_of_a_computed_string_constant(spark):
    # Aliased: Spark names the column after the folded INT (`date_add(d, 2)`), PyRust
    # after the argument as written (semantics.md).
    return _dates(spark).select(F.expr("date_add(d, array_max(CAST(array(1, 2) AS ARRAY<STRING>)))").alias("a"),
                                F.date_sub("d", F.concat(F.lit("1"), F.lit("0"))).alias("b"),
                                F.date_add("d", F.upper(F.lit(" 7 "))).alias("c"))


@case(conf=_ANSI_OFF)
def date_add_of_a_computed_string_that_is_not_a_number(spark):
    return _dates(spark).select(F.expr("date_add(d, from_unixtime(2))"))


@case(conf=_ANSI_OFF)
def date_sub_of_a_computed_fraction(spark):
    return _dates(spark).select(F.date_sub("d", F.lit(2.5).cast("string")))


@case(conf=_ANSI_OFF)
def date_add_of_a_null_string_constant(spark):
    return _dates(spark).select(F.date_add("d", F.lit(None).cast("string")).alias("a"),
                                F.expr("date_sub(d, CAST(NULL AS STRING))").alias("b"))


@case(conf=_ANSI_OFF)
def date_add_of_a_computed_constant_that_is_null(spark):
    return _dates(spark).select(F.expr("date_add(d, CAST(1 / 0 AS STRING))").alias("a"))


@case(conf=_ANSI_OFF)
def date_add_of_a_computed_constant_past_int(spark):
    return _dates(spark).select(F.expr("date_add(d, concat('2147483648', ''))"))


@case(conf=_ANSI_OFF)
def date_add_of_a_computed_constant_in_sql(spark):
    _dates(spark).createOrReplaceTempView("fr13_dates")
    return spark.sql("SELECT date_add(d, lpad('5', 3, '0')) AS a, date_sub(d, format_string('%d', 40)) AS b FROM fr13_dates")


@case
def date_add_of_a_computed_string_constant_with_ansi_on(spark):
    return _dates(spark).select(F.expr("date_add(d, array_max(CAST(array(1, 2) AS ARRAY<STRING>)))"),
                                F.date_sub("d", F.concat(F.lit("1"), F.lit("0"))))


@case(conf=_ANSI_OFF)
def fields_of_a_date_past_the_calendar(spark):
    # Seed 202619 group 76: legacy date_add wraps its INT of days (a date some 5.9
    # million years BC); year/month/day/quarter/dayofweek still have values.
    d = F.date_add(F.lit("2024-02-29").cast("date"), F.lit(2147483647))
    far = F.date_sub(F.lit("2024-02-29").cast("date"), F.lit(-2147483000))
    return spark.range(1).select(*[f(x).alias(f"{f.__name__}_{i}") for i, x in enumerate([d, far])
                                   for f in (F.year, F.quarter, F.month, F.dayofmonth, F.dayofweek)])


@case
def fields_of_dates_across_eras(spark):
    import datetime
    df = spark.createDataFrame([(datetime.date(1, 1, 1),), (datetime.date(1582, 10, 4),), (datetime.date(1969, 12, 31),),
                                (datetime.date(2000, 2, 29),), (datetime.date(9999, 12, 31),), (None,)], "d date")
    return df.select(F.year("d"), F.quarter("d"), F.month("d"), F.dayofmonth("d"), F.dayofweek("d"))


# Seed 202619 group 117: a call Spark evaluates as a BinaryExpression/TernaryExpression
# skips its later arguments where an earlier one is NULL, so their ANSI errors do not
# fire there (pmod: the dividend only where the divisor is not NULL).
def _holes(spark):
    return spark.createDataFrame([("ab", 2, "2024-01-01"), (None, 0, None), ("b", None, "x")], "s string, n int, d string")


@case
def startswith_skips_its_second_argument_where_the_first_is_null(spark):
    # Row 2: s is NULL and pmod(-1.5, n) divides by zero; Spark never evaluates it.
    return _holes(spark).select(F.startswith("s", F.pmod(F.lit(-1.5), "n").cast("string")).alias("a"),
                                F.expr("endswith(s, CAST(10 DIV n AS STRING))").alias("b"),
                                F.expr("contains(s, CAST(1 / n AS STRING))").alias("c"))


@case
def startswith_second_argument_still_fails_where_the_first_is_set(spark):
    return _holes(spark).where("n = 0").select(F.expr("startswith('a', CAST(1 / n AS STRING))"))


@case
def pmod_skips_its_dividend_where_the_divisor_is_null(spark):
    # Row 3: n is NULL, so CAST('x' AS INT) (the dividend) is never evaluated.
    return _holes(spark).where("n IS NULL").select(F.expr("pmod(CAST(d AS INT), n)").alias("p"))


@case
def pmod_dividend_still_fails_where_the_divisor_is_set(spark):
    return _holes(spark).where("n = 2").select(F.expr("pmod(CAST(s AS INT), n)"))


@case
def date_add_skips_the_day_count_where_the_date_is_null(spark):
    return _holes(spark).where("n IS NOT NULL").select(F.expr("date_add(CAST(d AS DATE), CAST(100 DIV n AS INT))").alias("a"),
                                F.expr("datediff(CAST(d AS DATE), date_add(CAST(d AS DATE), CAST(10 DIV n AS INT)))").alias("b"))


@case
def pow_and_array_contains_skip_later_arguments_after_a_null(spark):
    return _holes(spark).where("s IS NULL").select(F.expr("pow(CAST(s AS DOUBLE), 1 DIV n)").alias("p"),
                                                   F.expr("array_contains(CAST(NULL AS ARRAY<INT>), 1 DIV n)").alias("c"))
