"""Regressions of the tenth fuzzing session (docs/reliability.md): what campaign seed
202616 found — Spark 4's wider decimal type, `NULL / decimal`, a NULL-literal condition,
the element types `array_union` and its kin accept, and what Spark's optimizer folds
before a row runs (IS [NOT] NULL of what cannot be NULL, a truncation to an unknown
unit, constants that fold to NULL)."""

from harness import case
from pyspark.sql import functions as F

_ANSI_OFF = {"spark.sql.ansi.enabled": "false"}


def _frame(spark):
    return spark.createDataFrame([(1, 0, "a"), (None, 5, "x y"), (-9223372036854775808, 0, None)],
                                 "c1 bigint, c3 bigint, s string")


def _wide(p, s):
    return F.lit("1.5").cast(f"decimal({p},{s})")


# Spark 4.0 (SPARK-45905): past 38 digits the wider decimal keeps the integral digits.

@case
def wider_decimal_of_coalesce_keeps_integral_digits(spark):
    return _frame(spark).select(F.coalesce(_wide(32, 15), _wide(36, 24)), F.greatest(_wide(32, 15), _wide(36, 24)))


@case(conf=_ANSI_OFF)
def wider_decimal_of_case_when_keeps_integral_digits(spark):
    df = _frame(spark)
    return df.select(F.when(F.col("c3") > 0, _wide(38, 6)).otherwise(_wide(38, 18)),
                     F.array(_wide(32, 15), _wide(36, 24)))


@case
def wider_decimal_of_a_union(spark):
    df = _frame(spark)
    return df.select(_wide(32, 15).alias("a")).union(df.select(_wide(36, 24).alias("a")))


@case(conf=_ANSI_OFF)
def wider_decimal_under_a_remainder(spark):
    # Group 187: the coalesce is DECIMAL(38,21), so the remainder is DECIMAL(31,21).
    dec = lambda v: F.lit(v).cast("decimal(10,2)")  # noqa: E731
    left = F.coalesce((dec("-0.5") * dec("-0.5")) / F.lit(-2147483648), F.negative(dec("1.25")) / (dec("99.99") * dec("1.25")))
    return _frame(spark).select(left % F.length("s"))


@case(conf=_ANSI_OFF)
def wider_decimal_of_a_case_with_a_null_condition(spark):
    # Group 580: the ELSE value is cast to the CASE's type, DECIMAL(38,6).
    return _frame(spark).select(F.expr(
        "CASE WHEN CAST(NULL AS BOOLEAN) THEN ((CAST('99.99' AS DECIMAL(10,2)) + c3) / "
        "(abs(CAST('-0.5' AS DECIMAL(10,2))) / CAST('99.99' AS DECIMAL(10,2)))) ELSE CAST(-2 AS DECIMAL(38,18)) END"))


# Spark's `Division` coercion: NULL / decimal is a DOUBLE.

@case(conf=_ANSI_OFF)
def null_divided_by_a_decimal_is_a_double(spark):
    dec = F.lit("99.99").cast("decimal(10,2)")
    return _frame(spark).select(F.lit(None) / F.round(dec, 0), F.lit(None) / dec, dec / F.lit(None),
                                F.lit(None) * dec, F.lit(None) + dec)


# A NULL literal where a BOOLEAN must be: refused by CASE WHEN, filters and joins;
# `if(NULL, ...)` reads it as a NULL boolean.

@case
def case_when_refuses_a_null_literal_condition(spark):
    return _frame(spark).select(F.when(F.lit(None), 1).otherwise(2))


@case(conf=_ANSI_OFF)
def case_when_refuses_a_null_literal_fourth_condition(spark):
    c = F.col("c3")
    return _frame(spark).select(F.when(c > 0, 1).when(c > 1, 2).when(c > 2, 3).when(F.lit(None), 4))


@case
def case_when_refuses_an_integer_condition(spark):
    return _frame(spark).select(F.when(F.lit(1), 2))


@case
def case_when_refuses_a_string_condition(spark):
    return _frame(spark).select(F.when(F.col("s"), 2))


@case
def case_when_in_sql_refuses_a_null_condition(spark):
    return _frame(spark).select(F.expr("CASE WHEN NULL THEN 1 ELSE 2 END"))


@case
def case_when_checks_value_types_before_conditions(spark):
    return _frame(spark).select(F.when(F.lit(None), 1).otherwise(F.lit("a").cast("binary")))


@case
def case_when_of_a_null_boolean_condition(spark):
    return _frame(spark).select(F.when(F.lit(None).cast("boolean"), 1).otherwise(2))


@case
def if_reads_a_null_condition_as_false(spark):
    return _frame(spark).select(F.expr("if(NULL, 1, 2)"))


@case
def nested_when_with_a_null_condition(spark):
    # Groups 283, 525, 786: the NULL condition sits deep inside.
    return _frame(spark).select(F.month(F.when(F.lit(None), F.lit("2024-02-29").cast("date"))
                                        .otherwise(F.lit("2024-02-29").cast("date"))))


@case
def filter_refuses_a_null_literal(spark):
    return _frame(spark).filter(F.lit(None))


@case
def filter_refuses_a_null_string_condition(spark):
    return _frame(spark).filter("NULL")


@case
def filter_after_group_by_refuses_a_null_literal(spark):
    return _frame(spark).groupBy("c3").count().filter(F.lit(None))


@case
def join_refuses_a_null_literal_condition(spark):
    df = _frame(spark)
    return df.join(df.alias("e"), F.lit(None))


@case
def join_refuses_an_integer_condition(spark):
    df = _frame(spark)
    return df.join(df.alias("e"), F.lit(1))


# `array_union`, `array_intersect`, `array_except`, `arrays_overlap`: the tightest
# common element type, or Spark's BINARY_ARRAY_DIFF_TYPES.

@case
def array_union_of_a_decimal_and_a_bigint_it_cannot_hold(spark):
    # Group 60, with no element coerced.
    return _frame(spark).select(F.array_union(F.array(F.lit("1.25").cast("decimal(10,2)")),
                                              F.array(F.lit(1), F.lit(2)).cast("array<bigint>")))


@case
def array_union_of_a_decimal_holding_the_bigint(spark):
    return _frame(spark).select(F.array_union(F.array(F.lit(1).cast("decimal(22,2)")), F.array(F.col("c1"))))


@case(conf=_ANSI_OFF)
def array_union_of_an_int_and_a_float_is_float(spark):
    return _frame(spark).select(F.array_union(F.array(F.lit(1)), F.array(F.lit(1.5).cast("float"))),
                                F.array_union(F.array(F.lit(1).cast("decimal(12,2)")), F.array(F.lit(1))))


@case
def array_union_of_an_int_and_a_float_is_float_with_ansi(spark):
    return _frame(spark).select(F.array_union(F.array(F.lit(1)), F.array(F.lit(1.5).cast("float"))))


@case
def array_intersect_of_two_decimal_types(spark):
    return _frame(spark).select(F.array_intersect(F.array(F.lit(1).cast("decimal(10,2)")),
                                                  F.array(F.lit(1).cast("decimal(12,4)"))))


@case
def array_except_of_a_decimal_and_a_double(spark):
    return _frame(spark).select(F.array_except(F.array(F.lit(1).cast("decimal(12,2)")), F.array(F.lit(1.0))))


@case
def arrays_overlap_of_a_decimal_and_a_bigint(spark):
    return _frame(spark).select(F.arrays_overlap(F.array(F.lit(1).cast("decimal(10,2)")), F.array(F.col("c1"))))


@case
def array_union_of_a_date_and_a_timestamp(spark):
    return _frame(spark).select(F.array_union(F.array(F.lit("2024-01-01").cast("date")),
                                              F.array(F.lit("2020-01-01 10:00:00").cast("timestamp"))))


# What Spark's optimizer folds before any row runs.

@case
def is_not_null_of_what_cannot_be_null_is_true(spark):
    # Group 410: the overflowing timestamp_seconds is never computed.
    return _frame(spark).select(F.timestamp_seconds(F.lit(2 ** 62)).isNotNull(),
                                F.timestamp_seconds(F.lit(2 ** 62)).isNull())


@case(conf=_ANSI_OFF)
def is_not_null_of_a_non_nullable_column_expression_is_true(spark):
    return spark.range(2).select(F.timestamp_seconds(F.col("id") + 2 ** 62).isNotNull(),
                                 F.xxhash64(F.array(F.lit(1), F.lit(2))).isNull())


@case
def trunc_to_an_unknown_unit_never_computes_the_date(spark):
    # Group 302: TruncDate checks the unit first.
    return _frame(spark).select(F.trunc(F.lit("x y").cast("date"), "day"),
                                F.trunc(F.col("s").cast("date"), "day"))


@case
def date_trunc_to_an_unknown_unit_never_computes_the_timestamp(spark):
    return _frame(spark).select(F.date_trunc("bogus", F.col("s").cast("timestamp")))


@case
def a_constant_folding_to_null_spares_a_failing_division(spark):
    # Group 267: bround(NULL, -1) folds to NULL, and so does the subtraction over it.
    return _frame(spark).select(F.expr("(CAST((c1 / c3) AS INT) - bround(NULL, -1))"))


@case
def coalesce_of_nulls_spares_an_overflowing_subtraction(spark):
    # Group 774: -coalesce(NULL, NULL) is NULL, so `c1 - xxhash64(...)` never runs.
    return _frame(spark).select(F.expr(
        "((c1 - xxhash64(CAST('1.25' AS DECIMAL(10,2)))) - (- coalesce(CAST(NULL AS DECIMAL(10,2)), CAST(NULL AS DECIMAL(10,2)))))"))


@case(conf=_ANSI_OFF)
def a_constant_division_by_zero_is_null_with_ansi_off(spark):
    return _frame(spark).select(F.col("c1") - (F.lit(1) / F.lit(0)), F.col("c1") + F.abs(F.lit(None).cast("int")))


# SimplifyCasts: an up-cast of an up-cast between numbers is one cast.

@case
def an_int_through_float_to_double_never_rounds_in_a_float(spark):
    # Group 768: nanvl(CAST(c AS FLOAT), <double>) casts the FLOAT to DOUBLE, and Spark
    # casts the INT to DOUBLE directly: 2147483647 + 2 is 2147483649, not 2^31 + 2.
    df = spark.createDataFrame([(2147483647, 9007199254740993)], "i int, l bigint")
    return df.select(F.log((F.lit(True).cast("float") * F.lit(2.0)) + F.nanvl(F.col("i").cast("float"), F.lit(0.0))),
                     F.col("i").cast("float").cast("double"), F.col("l").cast("float").cast("double"),
                     F.col("i").cast("float"), F.col("l").cast("double").cast("float"))


@case
def a_narrowing_cast_between_two_up_casts_stays(spark):
    df = spark.createDataFrame([(123456789, 1.5)], "i int, d double")
    return df.select(F.col("d").cast("float").cast("double"), F.col("i").cast("short").cast("int"),
                     F.col("i").cast("decimal(12,2)").cast("decimal(20,4)"), F.col("i").cast("decimal(5,0)").cast("bigint"))


@case
def coalesce_of_a_true_literal_decides_an_or(spark):
    # Group 754: coalesce(true, c) is true (NullPropagation), so `true OR x` never
    # computes x, whose constant cast would fail.
    df = _frame(spark)
    failing = F.lit("1").cast("timestamp").cast("string")
    return df.select(F.coalesce(F.lit(True), F.col("c1") > 0) | (F.lit("a") == failing),
                     F.coalesce(F.lit(None), F.lit(False), F.col("c1") > 0) & (F.lit("a") == failing))


@case
def element_at_of_a_constant_index_cast_is_not_nullable(spark):
    # Group 541: Spark computes the foldable index (1) and reads the first element's
    # nullability.
    return _frame(spark).select(F.timestamp_seconds(F.element_at(F.array(F.lit(1), F.lit(2)), F.lit(True).cast("tinyint"))),
                                F.element_at(F.array(F.lit(1), F.lit(None)), F.lit(1).cast("tinyint") + F.lit(1)))


@case
def array_union_error_shows_no_implicit_casts(spark):
    # Group 60 as found: the first array's elements are coerced to DECIMAL(12,2), which
    # Spark's message does not show (toSQLExpr leaves out casts the user did not write).
    return _frame(spark).select(F.array_union(F.array(F.lit(None).cast("int"), F.lit("1.25").cast("decimal(10,2)")),
                                              F.array(F.lit(1), F.lit(2)).cast("array<bigint>")))


@case(conf={"spark.sql.ansi.enabled": "false", "spark.sql.session.timeZone": "Europe/Berlin"})
def date_trunc_at_the_end_of_the_microsecond_range(spark):
    # Seed 202617 group 123: a crash (the wall clock of the largest instant overflowed),
    # and a wrong answer under it: 1.8e308 seconds is the largest instant (Java's toLong
    # of an infinite product saturates), not NULL.
    df = spark.createDataFrame([(9223372036854775807, 1.7976931348623157e+308), (42, 0.0)], "c2 bigint, c1 double")
    return df.select(F.unix_micros(F.date_trunc("minute", F.timestamp_seconds(F.col("c2") + F.col("c1")))),
                     F.unix_micros(F.date_trunc("hour", F.timestamp_micros(F.lit(-9223372036854775807) + F.lit(86400000000)))))
