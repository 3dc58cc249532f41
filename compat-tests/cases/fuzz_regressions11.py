"""Regressions of the eleventh fuzzing session (docs/reliability.md): what campaign seed
202617 found — a column nothing reads never runs (Spark's ColumnPruning), and every
constant Spark's ConstantFolding computes fails the query when it fails, also where a
NULL it computes would have made its operator NULL (ConstantFolding runs before the
NULLs it computes propagate), but not where a NULL literal propagates first."""

import datetime

from harness import case
from pyspark.sql import functions as F

_ANSI_OFF = {"spark.sql.ansi.enabled": "false"}


def _frame(spark):
    return spark.createDataFrame(
        [(1, "a", datetime.date(2024, 1, 15)), (None, "😀", None), (0, "true", datetime.date(2000, 2, 29))],
        "n int, s string, d date")


def _bad_index():
    return F.element_at(F.array(F.lit(1), F.lit(2)), F.lit(7))


# ColumnPruning: what no later step reads is never computed.

@case
def a_failing_constant_in_a_column_nothing_reads(spark):
    # Group 417: the SQL projection's second column is dropped by the select after it.
    _frame(spark).createOrReplaceTempView("fz11")
    return spark.sql("SELECT array(1, 2) AS s0, date_trunc('day', CAST('x' AS TIMESTAMP)) AS s1 FROM fz11").select("s0")


@case
def a_failing_aggregate_nothing_reads(spark):
    # Group 571: bool_and of a string casts each value to BOOLEAN ('😀' fails), but no
    # step reads the aggregate.
    grouped = _frame(spark).groupBy("n", "s").agg(F.avg("n").alias("a"), F.bool_and("s").alias("b"))
    return grouped.filter(F.col("s").contains("a")).select("n", "a")


@case
def a_failing_column_dropped_below_a_filter(spark):
    df = _frame(spark).select("n", (F.lit(1) / F.lit(0)).alias("z"), F.abs(F.col("n") - F.lit(-2147483648)).alias("y"))
    return df.filter(F.col("n") >= 0).select("n")


@case
def a_failing_column_read_by_the_filter_still_fails(spark):
    df = _frame(spark).select("n", (F.col("n") / F.lit(0)).alias("z"))
    return df.filter(F.col("z").isNull()).select("n")


@case
def a_failing_column_dropped_under_a_limit_and_a_sort(spark):
    df = _frame(spark).select("n", "s", F.col("s").cast("int").alias("i"))
    return df.orderBy("n").limit(2).select("n")


# ConstantFolding: every constant computed while planning, before its NULLs propagate.

@case
def a_divisor_that_fails_beside_a_dividend_computed_null(spark):
    # Group 527: the dividend is NULL (a truncation to 'day' is NULL), but `%` computes
    # its divisor first, and the constant fails while planning.
    dividend = F.datediff(F.trunc(F.lit("2020-01-01").cast("date"), "day"), F.lit("2020-01-01").cast("date"))
    return _frame(spark).select(dividend % _bad_index())


@case
def a_failing_constant_fails_over_no_rows(spark):
    return _frame(spark).filter(F.lit(False)).select(F.col("n") + F.abs(F.lit(-2147483648)))


@case
def a_failing_constant_beside_a_computed_null_fails(spark):
    # The `+` is NULL for its computed-NULL operand, but ConstantFolding computes the
    # other constant first.
    computed_null = F.datediff(F.trunc(F.lit("2020-01-01").cast("date"), "day"), F.col("d"))
    return _frame(spark).select(F.col("n") + computed_null + F.abs(F.lit(-2147483648)))


@case
def a_failing_constant_under_a_null_literal_does_not_run(spark):
    # Group 521 (seed 202614): NullPropagation turns make_date into NULL through
    # initcap(NULL) before ConstantFolding could compute FLOOR('😀').
    month = (-F.initcap(F.lit(None).cast("string")).cast("int"))
    return _frame(spark).select(F.make_date(F.col("n") + F.lit(1), month, (F.col("n") / F.floor(F.lit("😀"))).cast("int")))


@case
def a_failing_constant_in_a_conditional_branch_waits_for_its_rows(spark):
    return _frame(spark).select(
        F.when(F.col("n") > 100, F.abs(F.lit(-2147483648))).alias("w"),
        F.coalesce(F.col("n"), F.abs(F.lit(-2147483648))).alias("c"))


@case
def a_deciding_constant_left_of_or_skips_the_constant_right(spark):
    # Group 754 (seed 202616): coalesce(true, s) is true once NullPropagation has
    # dropped s, so the OR is one constant and its right side never computed.
    right = F.lit("1").cast("timestamp").cast("string") == F.lit("x")
    return _frame(spark).select(F.coalesce(F.lit(True), F.col("s").cast("boolean")) | right)


@case(conf=_ANSI_OFF)
def a_failing_constant_with_ansi_off(spark):
    return _frame(spark).select(F.col("n") + F.element_at(F.array(F.lit(1), F.lit(2)), F.lit(7)), F.lit(1) / F.lit(0))


@case
def a_failing_constant_beside_a_constant_computed_null_fails(spark):
    computed_null = F.datediff(F.trunc(F.lit("2020-01-01").cast("date"), "day"), F.lit("2020-01-01").cast("date"))
    return _frame(spark).select(F.col("n") + computed_null + F.abs(F.lit(-2147483648)))
