"""Regressions of the fourth fuzzing session (docs/reliability.md, seed 202614):
`unix_timestamp` of an instant just before 1970 (Spark divides the microseconds
toward zero), and `coalesce`, which runs an argument only on the rows where every
argument before it is NULL (an ANSI error in a later argument is raised only there)."""

from harness import case
from pyspark.sql import functions as F

ANSI_OFF = {"spark.sql.ansi.enabled": "false"}


def _instants(spark):
    # Microseconds since 1970: just before and after it, a second and a half before,
    # whole seconds, NULL.
    df = spark.createDataFrame([(-1,), (1,), (-1_500_000,), (-2_000_000,), (-999_999,), (0,), (None,)], "us bigint")
    return df.withColumn("ts", F.timestamp_micros("us"))


@case
def unix_timestamp_before_1970_rounds_toward_zero(spark):
    df = _instants(spark)
    return df.select("us", F.unix_timestamp("ts"), F.expr("to_unix_timestamp(ts)"), F.unix_timestamp(F.col("ts").cast("date")))


@case(conf=ANSI_OFF)
def fuzz_decimal_divided_by_unix_timestamp_of_an_instant_before_1970(spark):
    # The fuzzer's program (seed 202614, group 28), shrunk: the instant is second 0, so
    # the division is by zero: NULL with ANSI off.
    df = _instants(spark)
    return df.select("us", (F.lit(False).cast("float").cast("decimal(5,1)") / F.unix_timestamp(F.col("ts")))
                     % F.lit("-0.5").cast("decimal(10,2)"))


def _dates_and_text(spark):
    return spark.createDataFrame([("2024-01-01", "x"), ("2024-02-29", "2024-03-01"), (None, "2024-05-05")], "d string, s string")


@case
def coalesce_does_not_run_arguments_after_a_non_null_one(spark):
    # ANSI: CAST('x' AS DATE) fails, but only where every earlier argument is NULL.
    df = _dates_and_text(spark)
    return df.select(F.coalesce(F.col("d").cast("date"), F.col("s").cast("date")),
                     F.coalesce(F.lit("2024-01-01").cast("date"), F.col("s").cast("date"), F.lit("bad").cast("date")),
                     F.ifnull(F.col("s"), F.col("s").cast("int").cast("string")))


@case
def coalesce_raises_where_the_failing_argument_runs(spark):
    df = _dates_and_text(spark)
    return df.select(F.coalesce(F.col("d").cast("date"), F.col("s").cast("date")),
                     F.coalesce(F.when(F.col("s") == "x", F.lit(None)).cast("date"), F.col("s").cast("date")))


@case
def fuzz_nested_coalesce_of_constants_under_ansi(spark):
    # The fuzzer's program (seed 202614, group 18), shrunk: the first argument is a
    # non-NULL constant, so CAST('1' AS DATE) never runs.
    df = spark.createDataFrame([(1,), (2,)], "c0 int")
    return df.select(F.coalesce(F.coalesce(F.lit("2024-02-29").cast("date").cast("timestamp"),
                                           F.lit("2024-11-03 01:30:00").cast("timestamp")),
                                F.lit("1").cast("date").cast("timestamp")))


@case
def coalesce_in_sql_text_with_an_overflow_after_a_non_null_argument(spark):
    df = spark.createDataFrame([(1, 2147483647), (None, 2147483647), (None, None)], "a int, b int")
    return df.filter("a IS NOT NULL OR b IS NULL").selectExpr("coalesce(a, b + 1)", "nvl(a, b * 2)")
