"""Date functions: parts of a date, to_date, date_add/date_sub, datediff; strings and
timestamps read as dates, in ANSI mode and out of it."""

import datetime

from harness import case
from pyspark.sql import functions as F

LEGACY = {"spark.sql.ansi.enabled": "false"}
LA = {"spark.sql.session.timeZone": "America/Los_Angeles"}


def _dates(spark):
    return spark.createDataFrame(
        [
            (1, datetime.date(2024, 2, 29), "2024-12-31", datetime.datetime(2024, 1, 1, 3, 0, 0)),
            (2, datetime.date(1969, 12, 31), "1995-03-15", datetime.datetime(2023, 6, 30, 23, 59, 59)),
            (3, datetime.date(2000, 1, 2), " 2001-07-04 ", None),
            (4, None, None, datetime.datetime(1999, 12, 31, 12, 0, 0)),
        ],
        "id int, d date, s string, ts timestamp",
    )


@case
def date_parts(spark):
    return _dates(spark).select("id", F.year("d"), F.quarter("d"), F.month("d"), F.dayofmonth("d"), F.day("d"))


@case
def day_of_week_and_year(spark):
    return _dates(spark).select("id", F.dayofweek("d"), F.dayofyear("d"))


@case
def date_parts_of_strings(spark):
    return _dates(spark).select("id", F.year("s"), F.month("s"), F.dayofmonth("s"))


@case
def date_parts_of_timestamps(spark):
    return _dates(spark).select("id", F.year("ts"), F.month("ts"), F.dayofmonth("ts"))


@case(conf=LA)
def date_parts_of_timestamps_in_session_zone(spark):
    return _dates(spark).select("id", F.dayofmonth("ts"), F.to_date("ts"))


@case
def to_date_of_strings_and_timestamps(spark):
    return _dates(spark).select("id", F.to_date("s"), F.to_date("ts"), F.to_date("d"))


@case
def to_date_malformed_ansi(spark):
    return spark.createDataFrame([("2024-01-01",), ("not a date",)], "s string").select(F.to_date("s"))


@case(conf=LEGACY)
def to_date_malformed_legacy(spark):
    return spark.createDataFrame([("2024-01-01",), ("not a date",), ("2024-13-01",)], "s string").select(F.to_date("s"))


@case
def year_of_malformed_string_ansi(spark):
    return spark.createDataFrame([("2024-01-01",), ("soon",)], "s string").select(F.year("s"))


@case(conf=LEGACY)
def year_of_malformed_string_legacy(spark):
    return spark.createDataFrame([("2024-01-01",), ("soon",)], "s string").select(F.year("s"))


@case
def date_add_and_sub(spark):
    return _dates(spark).select("id", F.date_add("d", 1), F.date_sub("d", 1), F.date_add("d", -365), F.date_sub("s", 30))


@case
def date_add_column_days(spark):
    return _dates(spark).select("id", F.date_add("d", F.col("id")), F.date_sub(F.col("d"), F.col("id")))


@case
def date_add_of_timestamp(spark):
    return _dates(spark).select("id", F.date_add("ts", 1))


@case
def date_add_null_days(spark):
    return _dates(spark).select("id", F.date_add("d", F.lit(None).cast("int")))


@case
def date_add_long_days_is_refused(spark):
    return _dates(spark).select(F.date_add("d", F.col("id").cast("long")))


@case
def datediff_both_ways(spark):
    return _dates(spark).select("id", F.datediff("s", "d"), F.datediff("d", "s"), F.datediff(F.col("ts"), F.col("d")))


@case
def year_of_number_is_refused(spark):
    return _dates(spark).select(F.year("id"))


@case
def filter_by_date_literal_and_year(spark):
    return (
        _dates(spark)
        .filter((F.col("d") >= datetime.date(1990, 1, 1)) & (F.year("d") < 2024))
        .select("id", "d", F.date_sub(F.lit(datetime.date(1998, 12, 1)), 90).alias("cutoff"))
    )


@case
def group_by_year(spark):
    return _dates(spark).groupBy(F.year("d").alias("y")).agg(F.count("*").alias("n")).orderBy("y")


@case
def date_functions_in_sql_expressions(spark):
    return _dates(spark).selectExpr("id", "year(d)", "date_add(d, 7)", "datediff(d, '2000-01-01')", "dayofweek(s)")
