"""sequence(start, stop[, step]): integers of every width (the wider type of start,
stop and step), both directions, default steps, NULLs, wrong-signed and zero steps
(Spark's boundary errors, literal and column forms), the element limit; dates and
timestamps by calendar, day-time and year-month intervals (month ends, sub-day
steps over dates), mixed date/timestamp bounds, the type errors, SQL forms."""

import datetime

from harness import case
from pyspark.sql import functions as F

LEGACY = {"spark.sql.ansi.enabled": "false"}


def _ints(spark):
    return spark.createDataFrame(
        [(1, 1, 5, 2), (2, 5, 1, -2), (3, None, 1, 1), (4, 3, 3, 0), (5, 1, 2, None), (6, -3, 3, 3), (7, 2147483646, 2147483647, 1)],
        "id int, a int, b int, c int",
    )


def _dates(spark):
    return spark.createDataFrame(
        [
            (1, datetime.date(2024, 1, 31), datetime.date(2024, 6, 1), datetime.datetime(2024, 1, 31, 10, 0), datetime.datetime(2024, 5, 1)),
            (2, datetime.date(2024, 1, 5), datetime.date(2024, 1, 1), datetime.datetime(2024, 1, 2), datetime.datetime(2024, 1, 1)),
            (3, None, datetime.date(2024, 1, 1), None, datetime.datetime(2024, 1, 1)),
            (4, datetime.date(1969, 12, 30), datetime.date(1970, 1, 2), datetime.datetime(1969, 12, 31, 23), datetime.datetime(1970, 1, 1, 1)),
        ],
        "id int, d1 date, d2 date, t1 timestamp, t2 timestamp",
    )


@case
def sequence_ints(spark):
    return _ints(spark).select("id", F.sequence("a", "b"), F.sequence("a", "b", "c")).orderBy("id")


@case
def sequence_literals(spark):
    return spark.range(1).select(F.sequence(F.lit(1), F.lit(5)), F.sequence(F.lit(5), F.lit(1)), F.sequence(F.lit(1), F.lit(1), F.lit(0)), F.sequence("id", F.lit(3)))


@case
def sequence_widths(spark):
    return spark.range(1).selectExpr(
        "sequence(CAST(1 AS TINYINT), CAST(3 AS TINYINT))",
        "sequence(CAST(1 AS SMALLINT), 3)",
        "sequence(1, 3L)",
        "sequence(1, 3, 1L)",
        "sequence(-9223372036854775807L, -9223372036854775806L)",
    )


@case
def sequence_nulls(spark):
    return spark.range(1).selectExpr("sequence(NULL, 3)", "sequence(1, NULL)", "sequence(1, 3, NULL)", "sequence(CAST(NULL AS BIGINT), 3)", "sequence(DATE'2024-01-01', NULL)")


@case
def sequence_wrong_sign_literal(spark):
    return spark.range(1).select(F.sequence(F.lit(1), F.lit(5), F.lit(-1)))


@case
def sequence_zero_step_literal(spark):
    return spark.range(1).selectExpr("sequence(1, 2, 0)")


@case
def sequence_wrong_sign_column(spark):
    return spark.createDataFrame([(1, 5, -2)], "a int, b int, c int").select(F.sequence("a", "b", "c"))


@case
def sequence_wrong_sign_unreachable(spark):
    df = spark.createDataFrame([(1, 5, -2), (1, 5, 2)], "a int, b int, c int")
    return df.select(F.when(F.col("c") > 0, F.sequence("a", "b", "c")).alias("s")).orderBy(F.col("s").asc_nulls_first())


@case
def sequence_doubles_refused(spark):
    return spark.range(1).selectExpr("sequence(1.0, 3.0)")


@case
def sequence_strings_refused(spark):
    return spark.range(1).select(F.sequence(F.lit("1"), F.lit("3")))


@case
def sequence_double_step_refused(spark):
    return spark.range(1).selectExpr("sequence(1, 3, 1.5)")


@case
def sequence_interval_step_for_ints_refused(spark):
    return spark.range(1).selectExpr("sequence(1, 5, INTERVAL 1 DAY)")


@case
def sequence_date_int_step_refused(spark):
    return spark.range(1).selectExpr("sequence(DATE'2024-01-01', DATE'2024-01-05', 1)")


@case
def sequence_date_null_step_refused(spark):
    return spark.range(1).selectExpr("sequence(DATE'2024-01-01', DATE'2024-01-05', NULL)")


@case
def sequence_wrong_arity(spark):
    return spark.range(1).selectExpr("sequence(1)")


@case
def sequence_dates_default_step(spark):
    return _dates(spark).select("id", F.sequence("d1", "d2")).where("id > 1").orderBy("id")


@case
def sequence_dates_by_month(spark):
    return _dates(spark).where("id = 1").selectExpr(
        "sequence(d1, d2, INTERVAL 1 MONTH)", "sequence(d2, d1, INTERVAL -1 MONTH)", "sequence(d1, d2, INTERVAL '1-1' YEAR TO MONTH)"
    )


@case
def sequence_dates_by_days(spark):
    return _dates(spark).selectExpr(
        "id", "sequence(greatest(d1, d2), least(d1, d2), INTERVAL -3 DAY) AS back", "sequence(least(d1, d2), greatest(d1, d2), INTERVAL '1 12' DAY TO HOUR) AS s"
    ).where("id in (2, 4)").orderBy("id")


@case
def sequence_dates_calendar_interval(spark):
    return spark.range(1).selectExpr(
        "sequence(DATE'2024-01-01', DATE'2024-03-02', make_interval(0, 1, 0, 1)) AS a",
        "sequence(DATE'2024-01-10', DATE'2024-01-01', make_interval(0, 0, 0, -4)) AS b",
    )


@case
def sequence_dates_sub_day_step(spark):
    return _dates(spark).selectExpr("sequence(d1, d2, INTERVAL 12 HOUR)")


@case
def sequence_dates_sub_day_calendar_step(spark):
    return _dates(spark).selectExpr("sequence(d1, d2, make_interval(0, 0, 0, 0, 12)) AS s")


@case
def sequence_dates_wrong_sign_column(spark):
    return _dates(spark).where("id = 2").selectExpr("sequence(d1, d2, INTERVAL 1 DAY)")


@case
def sequence_dates_wrong_sign_months_column(spark):
    return _dates(spark).where("id = 2").selectExpr("sequence(d1, d2, INTERVAL 1 MONTH)")


@case
def sequence_timestamps(spark):
    return _dates(spark).selectExpr(
        "id", "sequence(least(t1, t2), greatest(t1, t2), INTERVAL 1 MONTH) AS m", "sequence(least(t1, t2), greatest(t1, t2), INTERVAL 6 HOUR) AS h", "sequence(t2, t1) AS d"
    ).where("id > 1").orderBy("id")


@case
def sequence_timestamps_by_month_end(spark):
    return _dates(spark).where("id = 1").selectExpr("sequence(t1, t2, INTERVAL 1 MONTH)", "sequence(t1, t2, make_interval(0, 1, 0, 1, 2)) AS c")


@case
def sequence_timestamps_fraction_step(spark):
    df = spark.createDataFrame([(datetime.datetime(2024, 1, 1), datetime.datetime(2024, 1, 1, 0, 0, 1))], "a timestamp, b timestamp")
    return df.selectExpr("sequence(a, b, INTERVAL 0.3 SECOND)", "sequence(b, a, INTERVAL -0.25 SECOND) AS m")


@case
def sequence_timestamps_wrong_sign_column(spark):
    return _dates(spark).where("id = 1").selectExpr("sequence(t1, t2, INTERVAL -1 HOUR)")


@case
def sequence_timestamp_ntz(spark):
    df = spark.createDataFrame([(datetime.datetime(2024, 1, 1), datetime.datetime(2024, 1, 1, 2))], "a timestamp_ntz, b timestamp_ntz")
    return df.selectExpr("sequence(a, b, INTERVAL 30 MINUTE)", "sequence(b, a) AS d")


@case
def sequence_date_and_timestamp(spark):
    return _dates(spark).where("id = 1").select(F.sequence("d1", F.col("t1"), F.expr("INTERVAL 12 HOUR")).alias("s"))


@case
def sequence_in_explode(spark):
    return _ints(spark).where("id < 3").select("id", F.explode(F.sequence("a", "b")).alias("x")).orderBy("id", "x")


@case(conf=LEGACY)
def sequence_ints_legacy(spark):
    return _ints(spark).select("id", F.sequence("a", "b", "c")).orderBy("id")
