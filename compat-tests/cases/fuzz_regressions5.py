"""Regressions of the fifth fuzzing session (docs/reliability.md, seed 202614, 2,926
programs): Java's remainder of doubles, INT arithmetic over literals wrapping with ANSI
off, `round`/`bround` of integers past their type wrapping, CASE WHEN / `element_at` /
`unhex` nullability, an untyped NULL taken as ARRAY<VOID> by array functions, legacy
`coalesce`/CASE widening a STRING beside numbers and dates to STRING, and
`timestamp_seconds` overflowing only where `coalesce` runs it."""

import datetime

from harness import case
from pyspark.sql import functions as F

ANSI_OFF = {"spark.sql.ansi.enabled": "false"}


def _doubles(spark):
    # Decimal-like doubles (not exact in binary), zeros of both signs, NaN, infinities.
    rows = [(-0.1, 0.5), (0.01, 0.5), (-0.49, 0.5), (0.5, 0.01), (-1.5, 3.0), (-2147483648.0, 1.0), (0.0, -0.0),
            (float("nan"), 2.0), (float("inf"), 2.0), (5.5, float("inf")), (-7.25, -2.0), (None, 1.0)]
    return spark.createDataFrame(rows, "x double, y double")


@case(conf=ANSI_OFF)
def double_remainder_is_javas(spark):
    # Java's `%` on doubles is fmod: exact, with the dividend's sign (-0.1 % 0.5 is -0.1,
    # 0.5 % 0.01 is 0.00999..., -2147483648.0 % 1.0 is -0.0); a zero divisor gives NULL.
    df = _doubles(spark)
    return df.select("x", "y", F.col("x") % F.col("y"), F.col("y") % F.col("x"), F.col("x") % F.lit(0.5),
                     F.lit(-1.5) % F.col("y"), F.col("x").cast("float") % F.col("y").cast("float"))


@case
def double_remainder_under_ansi(spark):
    df = _doubles(spark).filter("y != 0")
    return df.select("x", "y", F.col("x") % F.col("y"), F.lit(0.5) % F.col("y"), F.expr("x % 0.5D"))


@case(conf=ANSI_OFF)
def fuzz_decimal_column_remainder_of_a_double(spark):
    # The fuzzer's programs (seed 202614, groups 136 and 211): DECIMAL(10,2) % 0.5 is a
    # DOUBLE remainder.
    df = spark.createDataFrame([("-0.49",), ("-0.25",), (None,), ("-0.10",), ("0.01",), ("0.00",), ("-0.01",)], "s string")
    df = df.select(F.col("s").cast("decimal(10,2)").alias("c2"))
    return df.select(F.col("c2") % F.lit(0.5), F.lit(0.5) % F.col("c2"))


@case(conf=ANSI_OFF)
def int_arithmetic_over_literals_wraps_without_ansi(spark):
    # An INT computed from literals wraps as Java's int does (Polars would compute it wide).
    df = spark.createDataFrame([(1,), (2,)], "i int")
    return df.select(F.lit(7) * F.bround(F.lit(-2147483648), 0), -F.lit(-2147483648), F.lit(2147483647) + F.lit(1),
                     F.col("i") * F.lit(2147483647), F.lit(2147483647) * F.lit(3) - F.col("i"))


@case(conf=ANSI_OFF)
def round_of_integers_past_their_type_wraps_without_ansi(spark):
    df = spark.createDataFrame([(1,)], "i int")
    return df.selectExpr("round(-2147483648, -1)", "bround(-2147483648, -1)", "round(CAST(-9223372036854775808 AS BIGINT), -1)",
                         "round(CAST(-128 AS TINYINT), -1)", "round(CAST(-32768 AS SMALLINT), -1)", "round(2147483647, -10)",
                         "round(CAST(9223372036854775807 AS BIGINT), -19)", "round(CAST(127 AS TINYINT), -3)",
                         "atan2(round(-2147483648, -1), 0.5D)", "timestamp_seconds(round(-2147483648, -1))")


@case
def round_of_an_integer_past_its_type_fails_under_ansi(spark):
    df = spark.createDataFrame([(1,)], "i int")
    return df.selectExpr("round(-2147483648, -1)")


def _nullable_column(spark):
    # No NULL index: Spark calls ANSI element_at(array(1, 2), n) not nullable, and over a
    # NULL n it then returns a wrong value (2) instead of NULL (docs/semantics.md).
    return spark.createDataFrame([(None, 2, [1, None]), (1, 1, [3])], "c1 bigint, n int, a array<int>")


@case
def case_when_true_decides_nullability(spark):
    # Spark's CaseWhen: a branch whose condition is the literal TRUE ends the search for
    # nullable values; IF(true, ...) is nullable when either value is.
    df = _nullable_column(spark)
    return df.select(F.when(F.lit(True), F.lit(0)).otherwise(F.col("c1")),
                     F.expr("CASE WHEN true THEN 0 ELSE c1 END"),
                     F.expr("CASE WHEN n > 0 THEN 0 WHEN true THEN 1 ELSE c1 END"),
                     F.expr("CASE WHEN false THEN c1 WHEN true THEN 1 ELSE c1 END"),
                     F.expr("CASE WHEN 1 = 1 THEN 0 ELSE c1 END"),
                     F.expr("IF(true, 0, c1)"),
                     F.expr("reverse(CASE WHEN true THEN 'x' ELSE CAST(NULL AS STRING) END)"))


@case
def element_at_nullability_under_ansi(spark):
    # ANSI element_at fails out of bounds, so Spark calls it as nullable as the array's
    # elements at a column or NULL index (a NULL index still gives NULL).
    df = _nullable_column(spark)
    return df.select(F.expr("element_at(array(1, 2), CAST(NULL AS INT))"), F.expr("element_at(array(1, 2), n)"),
                     F.expr("element_at(a, n)"), F.expr("element_at(array(1, 2), 1)"), F.expr("get(array(1, 2), n)"),
                     F.expr("try_element_at(array(1, 2), n)"))


@case(conf=ANSI_OFF)
def element_at_nullability_without_ansi(spark):
    df = _nullable_column(spark)
    return df.select(F.expr("element_at(array(1, 2), CAST(NULL AS INT))"), F.expr("element_at(array(1, 2), n)"),
                     F.expr("element_at(array(1, 2), 1)"))


@case
def unhex_is_always_nullable(spark):
    df = spark.createDataFrame([("41",), ("zz",)], "s string")
    return df.selectExpr("unhex(s)", "unhex('41')", "base64(CAST(unhex(negative(7)) AS BINARY))")


@case
def array_functions_take_an_untyped_null_as_array_of_void(spark):
    df = spark.createDataFrame([(1,)], "a int")
    return df.selectExpr("slice(NULL, 1, 2)", "slice(NULL, -2, 0)", "array_distinct(NULL)", "array_size(NULL)", "array_min(NULL)",
                         "array_max(NULL)", "array_compact(NULL)", "sort_array(NULL)", "shuffle(NULL)", "array_join(NULL, ',')",
                         "size(NULL)", "cardinality(NULL)", "array_contains(slice(NULL, 1, 3), 2024)")


@case(conf=ANSI_OFF)
def size_of_an_untyped_null_without_ansi(spark):
    df = spark.createDataFrame([(1,)], "a int")
    return df.selectExpr("slice(NULL, 1, 2)", "size(slice(NULL, 1, 2))", "size(NULL)")


@case
def fuzz_case_when_over_slice_of_null(spark):
    # The fuzzer's program (seed 202614, group 229): the condition is NULL, so the ELSE
    # branch's invalid cast fails.
    df = spark.createDataFrame([(1,), (2,)], "c1 int")
    return df.select(F.expr("CASE WHEN array_contains(slice(NULL, 1, 3), year(CAST('2024-02-29' AS DATE))) "
                            "THEN timestamp_seconds(CAST(false AS BIGINT)) ELSE CAST('1' AS TIMESTAMP) END"))


def _strings_and_arrays(spark):
    return spark.createDataFrame([(1, "x", [1, 2], ["1", "b"], datetime.date(2024, 2, 29)), (None, None, None, None, None)],
                                 "i int, s string, ai array<int>, as_ array<string>, d date")


@case(conf=ANSI_OFF)
def legacy_coalesce_widens_strings_beside_numbers_and_dates_to_string(spark):
    df = _strings_and_arrays(spark)
    return df.selectExpr("coalesce(s, i)", "coalesce(i, s)", "coalesce(d, s)", "coalesce(ai, as_)", "coalesce(as_, ai)",
                         "CASE WHEN i > 0 THEN ai ELSE as_ END", "CASE WHEN i > 0 THEN s ELSE 1 END", "if(i > 0, s, i)",
                         "nvl2(i, s, i)", "nvl(s, i)", "ifnull(i, s)", "coalesce(i, 2.5D, s)", "coalesce(i, 1.5BD, s)",
                         "coalesce(map(1, 'a'), map('x', 2))", "coalesce(named_struct('a', i), named_struct('a', s))",
                         "coalesce(array(array(1)), array(array('a')))",
                         "CASE WHEN i > 0 THEN 1 WHEN i < 0 THEN d ELSE s END")


@case(conf=ANSI_OFF)
def legacy_coalesce_of_a_string_and_a_boolean_is_refused(spark):
    df = _strings_and_arrays(spark)
    return df.selectExpr("coalesce(s, true)")


@case(conf=ANSI_OFF)
def fuzz_array_union_over_a_legacy_coalesce_of_string_and_int_arrays(spark):
    # The fuzzer's program (seed 202614, group 34), shrunk: the coalesce is ARRAY<STRING>,
    # so array_union with an ARRAY<INT> is refused.
    df = spark.createDataFrame([(datetime.date(2024, 1, 1),)], "c1 date")
    return df.select(F.array_union(F.coalesce(F.array(F.lit(1), F.lit(2)).cast("array<string>"), F.array(F.lit(1), F.lit(2))),
                                   F.when(F.col("c1") <= F.col("c1"), F.array(F.lit(1), F.lit(2)))))


@case(conf=ANSI_OFF)
def fuzz_sort_array_of_a_legacy_coalesce(spark):
    # The fuzzer's program (seed 202614, group 152), shrunk.
    df = spark.createDataFrame([([2147483647, 1],), ([5, -1],), (None,)], "c2 array<int>")
    return df.select(F.expr("sort_array(coalesce(CAST(CAST(c2 AS ARRAY<STRING>) AS ARRAY<STRING>), c2))"))


def _seconds(spark):
    return spark.createDataFrame([(0, True), (9223372036854775807, True), (-9223372036854775808, False)], "c0 bigint, c1 boolean")


@case
def fuzz_timestamp_seconds_overflow_only_where_coalesce_runs_it(spark):
    # The fuzzer's programs (seed 202614, groups 151 and 181), shrunk: the first argument
    # is never NULL, so timestamp_seconds never runs on the overflowing rows.
    df = _seconds(spark)
    return df.select(F.coalesce(F.col("c1").isNotNull(), F.timestamp_seconds(F.col("c0")) == F.lit("2024-01-01").cast("timestamp")),
                     F.coalesce(F.lit("1970-01-01").cast("date").cast("timestamp"), F.timestamp_seconds(F.col("c0"))),
                     F.coalesce(F.col("c1").cast("long"), F.timestamp_millis(F.col("c0")).cast("long")))


@case
def ansi_coalesce_casts_array_elements_only_where_it_reads_them(spark):
    # ANSI widens ARRAY<STRING> beside ARRAY<INT> to ARRAY<BIGINT>; 'b' cannot be cast,
    # but no row reads that argument there.
    df = _strings_and_arrays(spark)
    return df.selectExpr("coalesce(ai, as_)", "CASE WHEN i > 0 THEN ai ELSE as_ END")
