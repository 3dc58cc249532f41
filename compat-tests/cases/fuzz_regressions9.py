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
