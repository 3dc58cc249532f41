"""Regressions of the ninth fuzzing session (docs/reliability.md): the last unexplained
mismatches of campaign seed 202614 (groups 687 and 909) and what the seed 202615
campaign found."""

from harness import case
from pyspark.sql import functions as F

_ANSI_OFF = {"spark.sql.ansi.enabled": "false"}


def _frame(spark):
    return spark.createDataFrame([(0, 100, "x"), (None, 7, "😀"), (0, -5, None)], "c2 bigint, c5 int, s string")


@case
def make_date_beyond_an_int_of_days_overflows(spark):
    # Group 909: a year java.time accepts whose epoch day is no INT: Spark's
    # localDateToDays (Math.toIntExact) overflows in both ANSI modes.
    return spark.range(1).select(F.make_date(F.lit(-559580957), F.lit(1), F.lit(10)))


@case(conf=_ANSI_OFF)
def make_date_beyond_an_int_of_days_overflows_with_ansi_off(spark):
    # Group 909 as found: the year is hash(true); only the row whose month is valid fails.
    return _frame(spark).select(
        F.make_date(F.hash(F.lit(True)), -(F.greatest("c2", F.lit(-1)) % F.col("c5")), F.lit(10)))


@case(conf=_ANSI_OFF)
def make_date_of_an_invalid_month_is_null_with_ansi_off(spark):
    # The month check comes first: a huge year with month 0 is NULL, not an overflow.
    return _frame(spark).select(F.make_date(F.hash(F.lit(True)), F.lit(0), F.lit(10)),
                                F.make_date(F.lit(1000000000), F.lit(1), F.lit(1)))


@case
def make_date_at_the_edges_of_an_int_of_days(spark):
    # Python's datetime holds no such year: compared as days since the epoch.
    return spark.range(1).select(F.unix_date(F.make_date(F.lit(5881580), F.lit(7), F.lit(11))),
                                 F.unix_date(F.make_date(F.lit(-5877641), F.lit(6), F.lit(23))))


@case
def make_date_just_past_an_int_of_days(spark):
    return spark.range(1).select(F.unix_date(F.make_date(F.lit(5881580), F.lit(7), F.lit(12))))


@case
def or_true_drops_a_failing_side(spark):
    # Group 687: `x OR <constant true>` is true (BooleanSimplification), so the failing
    # cast inside x is never evaluated.
    df = _frame(spark)
    bad = F.coalesce(F.lit("😀").cast("timestamp"), F.col("c2").cast("timestamp"))
    return df.select((bad.eqNullSafe(F.lit(None).cast("timestamp")))
                     | (F.lit("1970-01-01").cast("date").eqNullSafe(F.lit("1970-01-01").cast("date"))))


@case
def false_and_drops_a_failing_side(spark):
    df = _frame(spark)
    bad = F.coalesce(F.col("s").cast("int"), F.lit(1)) > 0
    return df.select(bad & (F.lit(1) == F.lit(2)), (F.lit(1) > F.lit(2)) & bad)


@case
def or_true_drops_a_failing_side_in_a_filter(spark):
    df = _frame(spark)
    return df.filter((F.col("s").cast("int") > 0) | (F.lit("a") == F.lit("a")))


@case
def or_of_a_false_constant_keeps_the_failing_side(spark):
    df = _frame(spark)
    return df.select((F.col("s").cast("int") > 0) | (F.lit(1) == F.lit(2)))


_DECIMAL_TEXTS = ["1e2", "1.5E1", " 12.345 ", "12.35", "-0.05", "0.05", "-1.25", "1.25", "-0.15", "\t12\n", "12\u0000",
                  "-.5e1", "00012.50", "-0", "9999.94", "1e-3", "1e-1000000", "\u0663", "\uff11\uff12",
                  "NaN", "Infinity", "0x10", "1_000", "12d", "1.2.3", "-", "", ".", "e5", "1e", "\u300012", "\u00a012"]


@case
def string_to_decimal_rounds_half_up(spark):
    # Group 204's neighbourhood: Java's BigDecimal of the trimmed text, HALF_UP to the
    # scale (Polars' parse rounds half to even: -0.05 was 0.0), NULL where malformed.
    df = spark.createDataFrame([(t,) for t in _DECIMAL_TEXTS], "s string")
    return df.select("s", F.col("s").try_cast("decimal(5,1)").alias("d"),
                     F.col("s").try_cast("decimal(38,0)").alias("d0"))


@case(conf=_ANSI_OFF)
def string_to_decimal_with_ansi_off(spark):
    df = spark.createDataFrame([(t,) for t in _DECIMAL_TEXTS + ["2147483647", "9999.95", "1" + "0" * 50, "1e1000000"]], "s string")
    return df.select("s", F.col("s").cast("decimal(5,1)").alias("d"))


@case
def string_to_decimal_too_wide_is_out_of_range(spark):
    # Group 204: a number too wide for the precision is NUMERIC_VALUE_OUT_OF_RANGE,
    # not CAST_INVALID_INPUT.
    df = spark.createDataFrame([(2147483647,)], "c1 int")
    return df.select(-F.col("c1").cast("string").cast("decimal(5,1)"))


@case
def string_to_decimal_rounding_past_the_precision(spark):
    return spark.range(1).select(F.lit("-9999.95").cast("decimal(5,1)"))


@case
def string_to_decimal_in_exponent_form_out_of_range(spark):
    return spark.range(1).select(F.lit("1e10").cast("decimal(5,1)"))


@case
def string_to_decimal_beyond_38_digits(spark):
    return spark.range(1).select(F.lit("1" + "0" * 50).cast("decimal(5,1)"))


@case
def string_to_decimal_malformed(spark):
    return spark.range(1).select(F.lit("\u300012").cast("decimal(5,1)"))


@case
def string_to_wide_decimal_half_up(spark):
    return spark.range(1).select(F.lit("123456789012345678901234567890.125").cast("decimal(38,2)"),
                                 F.lit("-123456789012345678901234567890.5").cast("decimal(38,0)"))


def _dates(spark):
    import datetime
    return spark.createDataFrame([(datetime.date(2024, 1, 1), "3", "x"), (datetime.date(2024, 2, 29), None, " 4 ")],
                                 "d date, s string, bad string")


@case
def date_add_of_a_string_column_is_cast_to_int(spark):
    # Group 126: with ANSI on a string day count is implicitly cast to INT.
    df = _dates(spark)
    return df.select(F.date_add("d", F.col("s")), F.date_sub("d", F.col("s")))


@case
def date_add_of_a_malformed_string_column(spark):
    return _dates(spark).select(F.date_add("d", F.col("bad")))


@case(conf=_ANSI_OFF)
def date_add_of_a_string_column_with_ansi_off_is_refused(spark):
    return _dates(spark).select(F.date_add("d", F.col("s")))


@case(conf=_ANSI_OFF)
def date_add_of_a_string_literal_is_read_while_analysing(spark):
    # Legacy StringLiteralCoercion: a constant string becomes an INT literal.
    df = _dates(spark)
    return df.select(F.date_add("d", F.lit("2")), F.date_sub("d", F.lit("-3")), F.expr("date_add(d, '10')"))


@case
def date_add_of_a_string_literal_with_ansi_on(spark):
    df = _dates(spark)
    return df.select(F.date_add("d", F.lit("2")), F.date_sub("d", F.lit(" -3 ")), F.expr("date_add(d, '10')"))


@case
def date_add_of_a_bad_string_literal(spark):
    # ANSI: the implicit cast fails when the query runs.
    return _dates(spark).select(F.expr("date_sub(d, '2.5')"))


@case(conf=_ANSI_OFF)
def date_add_of_a_bad_string_literal_with_ansi_off(spark):
    # Legacy: refused while analysing.
    return _dates(spark).select(F.expr("date_sub(d, '2.5')"))


def _pmod_frame(spark):
    from decimal import Decimal as D
    return spark.createDataFrame([(D("-99999999.99"),), (D("0.01"),), (D("-0.01"),)], "c0 decimal(10,2)")


@case
def decimal_pmod_too_wide_for_its_type_overflows(spark):
    # Group 261: pmod(DECIMAL(10,2), DECIMAL(21,2)) is DECIMAL(10,2); (r + n) % n of a
    # negative r can need more digits: ANSI's NUMERIC_VALUE_OUT_OF_RANGE, not NULL.
    df = _pmod_frame(spark)
    return df.select(F.pmod(F.col("c0"), F.col("c0") + F.lit(1704047400)))


@case(conf=_ANSI_OFF)
def decimal_pmod_too_wide_for_its_type_is_null_with_ansi_off(spark):
    df = _pmod_frame(spark)
    return df.select(F.pmod(F.col("c0"), F.col("c0") + F.lit(1704047400)))


@case
def decimal_pmod_too_wide_only_on_rows_not_taken(spark):
    df = _pmod_frame(spark)
    return df.select(F.when(F.col("c0") > 0, F.pmod(F.col("c0"), F.col("c0") + F.lit(1704047400))))


def _constant_cast_frame(spark, rows):
    return spark.createDataFrame(rows, "c2 bigint")


@case
def failing_constant_cast_fails_before_any_row(spark):
    # Group 178: ConstantFolding fails on CAST('1970-01-01' AS DOUBLE) while optimising,
    # before the divisor's overflowing cast runs on any row.
    df = _constant_cast_frame(spark, [(200,), (None,)])
    return df.select(F.lit("1970-01-01").cast("date").cast("string").cast("double") / F.col("c2").cast("tinyint"))


@case
def failing_constant_cast_fails_on_an_empty_frame(spark):
    df = _constant_cast_frame(spark, [])
    return df.select(F.col("c2") + F.lit("x").cast("double"))


@case
def failing_constant_cast_as_a_dividend_on_an_empty_frame(spark):
    df = _constant_cast_frame(spark, [])
    return df.select(F.lit("x").cast("double") / F.col("c2"))


@case
def failing_constant_cast_in_a_branch_on_an_empty_frame(spark):
    # A conditional branch keeps it: no row reaches it, no error.
    df = _constant_cast_frame(spark, [])
    return df.select(F.when(F.col("c2") > 0, F.lit("x").cast("int")), F.coalesce(F.col("c2"), F.lit("x").cast("int")))


@case
def failing_constant_cast_in_a_branch_no_row_takes(spark):
    df = _constant_cast_frame(spark, [(1,), (2,)])
    return df.select(F.coalesce(F.col("c2"), F.lit("x").cast("int")))


@case(conf=_ANSI_OFF)
def dates_past_chronos_years_as_text(spark):
    # Group 692 (the campaign's one crash): a date an INT of days holds but chrono does
    # not (year beyond ±262,142) cast to STRING was Polars' "out-of-range date".
    days = [-2147483648, -719893, -719528, -1, 0, 2932896, 2932897, 100000000, 2147483647]
    df = spark.createDataFrame([(d,) for d in days], "n int")
    d = F.date_add(F.lit("1970-01-01").cast("date"), F.col("n"))
    return df.select("n", d.cast("string").alias("text"), F.unix_date(d).alias("back"))


@case(conf=_ANSI_OFF)
def date_add_to_the_first_int_day_as_text(spark):
    return spark.range(2).select(F.date_add(F.lit("2024-02-29").cast("date"), F.lit(-2147483648)).cast("string"))


def _longs(spark):
    return spark.createDataFrame([(-9223372036854775808, 1.0), (9223372036854775807, float("nan")), (42, 0.0)], "c0 bigint, c4 double")


@case(conf=_ANSI_OFF)
def constant_cast_to_null_folds_its_comparison(spark):
    # Group 346: CAST('x y' AS TIMESTAMP) is NULL with ANSI off, so the comparison is
    # NULL and timestamp_seconds' overflow never runs.
    df = _longs(spark)
    return df.select(F.timestamp_seconds(F.col("c0")) >= F.lit("x y").cast("timestamp"))


@case
def array_contains_of_a_null_array_folds(spark):
    # Group 616: ArrayContains is null-intolerant; the multiplication never runs.
    df = _longs(spark)
    return df.select(F.array_contains(F.lit(None).cast("array<bigint>"), F.col("c0") * F.lit(2)))


@case
def string_predicates_of_a_null_fold(spark):
    # Group 633: make_date(0, NULL, 1) is NULL, so contains(x, it) is, whatever x does.
    df = spark.createDataFrame([("Zz",), ("2024-01-01",)], "c0 string")
    return df.select(F.expr("contains(CAST(CAST(c0 AS DATE) AS STRING), CAST(make_date(0, CAST(NULL AS INT), 1) AS STRING))"),
                     F.expr("startswith(CAST(CAST(c0 AS DATE) AS STRING), CAST(NULL AS STRING))"),
                     F.expr("endswith(CAST(CAST(c0 AS DATE) AS STRING), CAST(NULL AS STRING))"))


@case
def double_two_to_the_63_casts_to_the_largest_bigint(spark):
    # Group 650: Spark's ANSI bound check compares in doubles, where Long.MaxValue is 2^63.
    df = _longs(spark)
    return df.select(F.col("c0").cast("double").cast("bigint"), F.lit(9.223372036854775807e18).cast("bigint"),
                     F.lit(-9.223372036854775808e18).cast("bigint"))


@case
def double_past_two_to_the_63_overflows(spark):
    return spark.range(1).select(F.lit(9.223372036854778e18).cast("bigint"))


@case(conf=_ANSI_OFF)
def decimal_division_whose_scaled_dividend_outgrows_128_bits(spark):
    # Group 833: DECIMAL(10,2) / DECIMAL(31,2) is DECIMAL(38,28); the dividend scaled to
    # 29 digits needs more than 128 bits though the quotient fits (was NULL).
    from decimal import Decimal as D
    df = spark.createDataFrame([(D("99999999.99"), D("99999999.99"), -7), (D("99999999.99"), D("-0.01"), -9223372036854775808)],
                               "c0 decimal(10,2), c2 decimal(10,2), c4 bigint")
    q = F.abs(F.negative(F.col("c0")) / (F.col("c2") * F.col("c4")))
    return df.select(q, F.pmod(q, F.col("c2") * F.col("c4")))


@case
def decimal_division_whose_scaled_dividend_outgrows_128_bits_ansi(spark):
    from decimal import Decimal as D
    df = spark.createDataFrame([(D("-99999999.99"), D("-699999999.93"))], "a decimal(10,2), b decimal(31,2)")
    return df.select(F.col("a") / F.col("b"), F.col("b") / F.col("a"))


@case
def date_past_the_microsecond_range_as_timestamp_overflows(spark):
    # Group 879: daysToMicros fails in Math.multiplyExact ("long overflow"), ANSI or not.
    return spark.range(1).select(F.date_add(F.lit("2024-01-01").cast("date"), F.lit(-2000000000)).cast("timestamp"))


@case(conf=_ANSI_OFF)
def date_past_the_microsecond_range_as_timestamp_overflows_with_ansi_off(spark):
    return spark.range(1).select(F.date_add(F.lit("2024-01-01").cast("date"), F.lit(2000000000)).cast("timestamp_ntz"))


@case
def dates_within_the_microsecond_range_as_timestamps(spark):
    df = spark.createDataFrame([(100000000,), (-100000000,), (0,)], "n int")
    d = F.date_add(F.lit("1970-01-01").cast("date"), F.col("n"))
    return df.select(F.unix_micros(d.cast("timestamp")), F.unix_micros(d.cast("timestamp_ntz").cast("timestamp")))
