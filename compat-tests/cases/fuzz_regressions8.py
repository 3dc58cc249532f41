"""Regressions of the eighth fuzzing session (docs/reliability.md, seed 202614, groups
731, 762 and 908): expressions over an empty frame whose operands are literals. A
kernel counted its rows as its longest input, so literals beside an empty column made
one row: a row error Spark never raises (no row is evaluated), or an index into the
empty column (INTERNAL_ERROR). Every case runs with ANSI on (the default), where the
row checks are."""

import datetime

from harness import case
from pyspark.sql import functions as F


def _empty(spark):
    return spark.createDataFrame([], "c0 date, c1 int, c2 int, c3 decimal(10,2), c4 double, c5 array<int>")


@case
def make_date_out_of_range_under_coalesce_of_no_rows(spark):
    # Group 731: coalesce's second operand only runs where c0 is NULL: on no row here.
    return _empty(spark).select(
        F.date_trunc("hour", F.coalesce(F.col("c0"), F.make_date(F.lit(1), F.lit(2147483647), F.lit(0.5))).cast("timestamp")),
        F.coalesce(F.col("c0"), F.make_date(F.lit(2024), F.lit(2), F.lit(30))))


@case
def make_date_of_a_column_and_bad_literals_on_no_rows(spark):
    # Group 762: a month out of range beside a column operand.
    return _empty(spark).select(
        F.make_date(F.ceil((F.col("c2") % F.col("c1")) * F.when(F.lit(False), F.col("c2")).otherwise(F.lit(-2147483648))),
                    F.lit(2147483647), F.ceil(F.round(-F.lit("99.99").cast("decimal(10,2)"), 1))))


@case
def pmod_and_decimal_division_of_literals_on_no_rows(spark):
    # Group 908: literal dividends beside an empty divisor column.
    return _empty(spark).select(
        (-F.pmod(F.lit(0.5) % F.col("c4"), F.nanvl(F.col("c4"), F.col("c4")))).cast("decimal(38,18)"),
        F.lit(False) == ((F.col("c3") / (F.lit("99.99").cast("decimal(10,2)") % F.lit(-2147483648)))
                         >= (-F.col("c4") + F.lit(-2147483648))))


@case
def array_contains_of_a_literal_array_on_no_rows(spark):
    # Group 908: a literal array under coalesce, a literal needle.
    return _empty(spark).select(
        F.array_contains(F.coalesce(F.slice(F.col("c5"), 2, 2), F.array(F.lit(0), F.lit(2))),
                         F.dayofmonth(F.lit("2024-02-29").cast("date"))))


@case
def literal_kernels_on_no_rows(spark):
    # The same kernels (datetime, maps, hashes, arrays) with only literal operands.
    df = _empty(spark)
    return df.select(
        F.make_date(F.lit(2024), F.lit(2), F.lit(29)),
        F.add_months(F.lit(datetime.date(2024, 1, 31)), 1),
        F.hash(F.lit(1), F.lit("a")),
        F.xxhash64(F.lit("a")),
        F.map_from_arrays(F.array(F.lit("a")), F.array(F.lit(1))),
        F.array_repeat(F.lit("x"), 2),
        F.transform(F.array(F.lit(1), F.lit(2)), lambda x: x + 1),
        F.col("c1"))


@case(conf={"spark.sql.session.timeZone": "America/Los_Angeles"})
def date_trunc_keeps_the_side_of_a_dst_overlap(spark):
    # Group 774: 2024-11-03 09:00 UTC is the second 01:00 in Los Angeles (PST); truncated
    # to the hour it stays itself (ZonedDateTime.truncatedTo keeps its offset), where
    # PyRust resolved the local 01:00 to the first one (PDT, 08:00 UTC).
    # UTC instants: 08:30 (the first 01:30, PDT), 09:00, 09:45 and 10:15 (the second
    # 01:00, 01:45, 02:15, PST) on 2024-11-03; 10:30 on 2024-03-10 (03:30 PDT, after the gap).
    seconds = [1730622600, 1730624400, 1730627100, 1730628900, 1710066600, None]
    df = spark.createDataFrame([(s,) for s in seconds], "s bigint").select(F.timestamp_seconds("s").alias("ts"))
    return df.select(F.col("ts").cast("long").alias("t"),
                     *[F.date_trunc(u, "ts").cast("long").alias(u) for u in ("minute", "hour", "day", "week", "month")],
                     F.date_trunc("hour", F.date_trunc("hour", "ts")).cast("long").alias("twice"))


@case
def pmod_of_int_wraps_as_spark_computes_it(spark):
    # Group 792: pmod(-1, -2147483648) is (r + n) % n in INT arithmetic: it wraps to
    # 2147483647 in Spark, where a wider sum gave -1. BIGINT wraps at 64 bits; TINYINT
    # and SMALLINT are widened to int and never wrap.
    df = spark.createDataFrame([(-1, -2147483648, -1, -9223372036854775808, -1, -128),
                                (-7, 3, -7, 3, -7, 3), (5, -3, 5, -3, 5, -3)],
                               "a int, n int, la bigint, ln bigint, ba tinyint, bn tinyint")
    return df.select(F.pmod("a", "n"), F.pmod("la", "ln"), F.pmod("ba", "bn"),
                     F.timestamp_seconds(F.pmod(F.lit(-1), F.col("n")) + F.instr(F.lit("😀"), "a")))


def _strings(spark):
    return spark.createDataFrame([("a b", 7, 1.5), ("2024-01-31", -2147483648, None), (None, 1, 2.0)],
                                 "c1 string, c2 int, c4 double")


@case
def datetime_functions_of_a_null_operand_fold_before_their_others_run(spark):
    # Groups 781, 846, 861, 883, 919: Spark's NullPropagation replaces a null-intolerant
    # datetime function (date_add, add_months, make_date, the field extractors...) with a
    # NULL operand by NULL, so its other operands (a failing cast, an overflowing
    # product) never run.
    df = _strings(spark)
    null_int = F.lit(None).cast("int")
    return df.select(
        F.add_months(F.date_add(F.col("c1").cast("date"), null_int), -13).alias("add_months_of_date_add"),
        F.date_add(F.lit(None).cast("date"), (F.lit(7) * F.col("c2")) % F.lit(-1.5).cast("int")).alias("date_add_of_null"),
        F.make_date(F.col("c1").cast("smallint"), F.col("c2") + F.col("c2"), F.hour(F.lit(None))).alias("make_date_hour_null"),
        F.make_date(null_int, -F.lit(-2147483648), F.col("c2")).alias("make_date_null_year"),
        F.date_add(F.make_date(F.lit(2), F.lit(7), F.lit(0)), F.abs(null_int)).alias("date_add_abs_null"),
        F.datediff(F.col("c1").cast("date"), F.lit(None).cast("date")).alias("datediff_null"),
        F.year(F.when(F.lit(False), F.col("c1").cast("date"))).alias("year_of_no_branch"))


@case
def a_failing_constant_in_a_branch_no_row_takes(spark):
    # Group 661: Spark's ConstantFolding does not fail on a constant inside CASE WHEN or
    # coalesce (the branch may never run); only a row reaching it does. PyRust folded
    # `7 + 2147483647` while planning and raised ARITHMETIC_OVERFLOW.
    df = spark.createDataFrame([("a",), ("b",)], "c1 string")
    branch = F.when(F.contains(F.col("c1"), F.col("c1")), F.length(F.lit(""))).otherwise(F.lit(7) + F.lit(2147483647))
    return df.select(F.array_contains(F.array(F.lit(1), F.lit(2)), branch), branch.alias("b"),
                     F.coalesce(F.col("c1"), (F.lit(1) / F.lit(0)).cast("string")).alias("c"),
                     F.when(F.col("c1") == "zz", F.lit(127).cast("tinyint") + F.lit(1).cast("tinyint")).alias("t"))


@case
def a_failing_constant_in_a_branch_a_row_takes(spark):
    df = spark.createDataFrame([("a",), ("b",)], "c1 string")
    return df.select(F.when(F.col("c1") == "a", F.lit(0)).otherwise(F.lit(7) + F.lit(2147483647)))
