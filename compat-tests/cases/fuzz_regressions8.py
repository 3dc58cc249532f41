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
