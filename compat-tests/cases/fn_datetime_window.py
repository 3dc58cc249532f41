"""Time windows for group-by: `window(time, duration[, slide[, start]])` (tumbling
windows: the `window` struct of `start`/`end`, aligned on the epoch in UTC, rows
without a time dropped), the duration strings Spark reads and refuses, and
`window_time`; `session_window` (an event's own window in a projection, sessions merged
within the other grouping keys in a group-by, fixed and per-row gaps); sliding windows
(several rows per input row, Spark's Expand)."""

import datetime

from harness import case
from pyspark.sql import functions as F

LA = {"spark.sql.session.timeZone": "America/Los_Angeles"}
DT = datetime.datetime


def _events(spark):
    return spark.createDataFrame([(DT(2024, 1, 2, 3, 4, 5), 1), (DT(2024, 1, 2, 3, 14, 5), 2), (DT(2024, 1, 2, 3, 16, 5), 3), (None, 4),
                                  (DT(1969, 12, 31, 23, 55), 5)], "t timestamp, v int")


@case
def window_in_select_drops_rows_without_time(spark):
    return _events(spark).select(F.window("t", "10 minutes"), "v")


@case
def window_group_by(spark):
    return _events(spark).groupBy(F.window("t", "10 minutes")).agg(F.sum("v")).orderBy("window")


@case
def window_group_by_with_start_time(spark):
    return _events(spark).groupBy(F.window("t", "10 minutes", startTime="3 minutes")).agg(F.sum("v").alias("s")).orderBy("window")


@case
def window_group_by_slide_equal_to_duration(spark):
    return _events(spark).groupBy(F.window("t", "1 hour", "1 hour", "15 minutes")).count().orderBy("window")


@case
def window_aliased_and_fields(spark):
    df = _events(spark).groupBy(F.window("t", "10 minutes").alias("w")).agg(F.max("v").alias("m"))
    return df.select("w.start", "w.end", "m", F.window_time("w")).orderBy("start")


@case
def window_time_of_windows(spark):
    return _events(spark).select(F.window("t", "10 minutes").alias("w")).select(F.window_time("w"), F.window_time(F.col("w")))


@case(conf=LA)
def window_of_days_is_utc_aligned(spark):
    return _events(spark).groupBy(F.window("t", "1 day")).count().orderBy("window")


@case
def window_of_ntz_and_dates(spark):
    df = spark.createDataFrame([(DT(2024, 1, 2, 3, 4, 5), datetime.date(2024, 1, 2))], "n timestamp_ntz, d date")
    return df.select(F.window("n", "1 hour").alias("a"), F.window("d", "1 day").alias("b"))


DURATIONS = ["1 day", "2 hours", "30 seconds", "1 week", "interval 10 minutes", "10 minute", "500 milliseconds", "1 hour 30 minutes",
             "INTERVAL '1' HOUR", "1 day 2 hours", "250 microseconds"]


@case
def window_durations(spark):
    df = _events(spark)
    return df.select(*[F.window("t", d).alias(d) for d in DURATIONS])


BAD_DURATIONS = {"month": "1 month", "zero": "0 seconds", "negative": "-1 minutes", "abbreviation": "10 mins", "garbage": "x"}


def _bad_duration(name, text):
    def run(spark):
        return _events(spark).select(F.window("t", text))

    run.__name__ = f"window_refuses_{name}"
    return case(run)


for _name, _text in BAD_DURATIONS.items():
    _bad_duration(_name, _text)


@case
def window_slide_longer_than_duration(spark):
    return _events(spark).select(F.window("t", "10 minutes", "20 minutes"))


@case
def window_start_not_shorter_than_slide(spark):
    return _events(spark).select(F.window("t", "10 minutes", "10 minutes", "10 minutes"))


@case
def window_negative_start(spark):
    return _events(spark).select(F.window("t", "10 minutes", "10 minutes", "-3 minutes"))


@case
def window_of_a_number_is_refused(spark):
    return _events(spark).select(F.window("v", "1 day"))


@case
def two_windows_are_refused(spark):
    return _events(spark).select(F.window("t", "10 minutes"), F.window("t", "20 minutes"))


@case
def window_time_of_a_timestamp_is_refused(spark):
    return _events(spark).select(F.window_time("t"))


@case
def window_duration_must_be_a_string(spark):
    return _events(spark).select(F.window("t", 10))


@case
def window_in_sql(spark):
    return _events(spark).selectExpr("window(t, '5 minutes')", "v").where("v > 1")


def _sessions(spark):
    return spark.createDataFrame([(DT(2024, 1, 2, 3, 0, 0), "a", 1), (DT(2024, 1, 2, 3, 4, 0), "a", 2), (DT(2024, 1, 2, 3, 9, 0), "a", 3),
                                  (DT(2024, 1, 2, 3, 20, 0), "a", 4), (DT(2024, 1, 2, 3, 2, 0), "b", 5), (None, "a", 6),
                                  (DT(2024, 1, 2, 3, 25, 0), "a", 7), (DT(2024, 1, 2, 3, 1, 0), None, 8)], "t timestamp, k string, v int")


@case
def session_window_group_by_with_keys(spark):
    return _sessions(spark).groupBy(F.session_window("t", "5 minutes"), "k").agg(F.sum("v")).orderBy("k", "session_window")


@case
def session_window_group_by_alone(spark):
    return _sessions(spark).groupBy(F.session_window("t", "5 minutes")).agg(F.sum("v"), F.count("*")).orderBy("session_window")


@case
def session_window_in_select(spark):
    return _sessions(spark).select(F.session_window("t", "5 minutes"), "v")


@case
def session_window_per_row_gap(spark):
    gap = F.when(F.col("k") == "a", "10 minutes").otherwise("1 minute")
    return _sessions(spark).groupBy("k", F.session_window("t", gap)).count().orderBy("k", "session_window")


@case
def session_window_key_first_and_fields(spark):
    df = _sessions(spark).groupBy("k", F.session_window("t", "3 minutes").alias("s")).agg(F.max("v").alias("m"))
    return df.select("k", "s.start", "s.end", "m").orderBy("k", "start")


@case
def session_window_gap_must_be_column_or_str(spark):
    return _sessions(spark).select(F.session_window("t", 5))


@case
def sliding_window_group_by(spark):
    return _events(spark).groupBy(F.window("t", "10 minutes", "5 minutes")).agg(F.sum("v"), F.count("*")).orderBy("window")


@case
def sliding_window_group_by_with_start_and_keys(spark):
    df = _events(spark).groupBy(F.window("t", "1 hour", "20 minutes", "5 minutes").alias("w"), (F.col("v") % 2).alias("odd")).count()
    return df.orderBy("w", "odd")


@case
def sliding_window_uneven_slide(spark):
    return _events(spark).groupBy(F.window("t", "10 minutes", "3 minutes", "1 minute")).agg(F.sum("v")).orderBy("window")


@case
def sliding_window_in_select(spark):
    return _events(spark).select(F.window("t", "10 minutes", "5 minutes"), "v").orderBy("v", "window")


@case
def sliding_window_time_and_fields(spark):
    df = _events(spark).groupBy(F.window("t", "15 minutes", "10 minutes").alias("w")).agg(F.min("v").alias("lo"), F.max("v").alias("hi"))
    return df.select("w.start", "w.end", F.window_time("w").alias("wt"), "lo", "hi").orderBy("start")


@case
def sliding_window_in_sql_group_by(spark):
    df = _events(spark).groupBy(F.expr("window(t, '10 minutes', '5 minutes')").alias("w")).agg(F.expr("count(*) AS n"), F.expr("sum(v) AS s"))
    return df.orderBy("w")


@case
def sliding_window_in_select_expr(spark):
    return _events(spark).selectExpr("window(t, '10 minutes', '4 minutes', '1 minute') AS w", "v").orderBy("v", "w")


@case
def sliding_window_of_ntz_and_dates(spark):
    df = spark.createDataFrame([(DT(2024, 1, 2, 3, 4, 5), datetime.date(2024, 1, 2))], "n timestamp_ntz, d date")
    return df.groupBy(F.window("n", "1 hour", "30 minutes")).count().orderBy("window")


@case(conf=LA)
def sliding_window_of_days_in_los_angeles(spark):
    return _events(spark).groupBy(F.window("t", "2 days", "1 day")).agg(F.sum("v")).orderBy("window")


@case
def sliding_window_many_overlaps(spark):
    df = _events(spark).groupBy(F.window("t", "1 hour", "1 minute")).agg(F.count("*").alias("n"))
    return df.groupBy("n").agg(F.count("*").alias("windows")).orderBy("n")


def _events_view(spark, name):
    _events(spark).createOrReplaceTempView(name)
    return name


@case
def sql_group_by_tumbling_window(spark):
    view = _events_view(spark, "window_events_tumbling")
    return spark.sql(f"SELECT window(t, '10 minutes') AS w, count(*) AS n, sum(v) AS s FROM {view} GROUP BY window(t, '10 minutes') ORDER BY w")


@case
def sql_group_by_sliding_window_ordinal(spark):
    view = _events_view(spark, "window_events_sliding")
    return spark.sql(f"SELECT window(t, '10 minutes', '5 minutes') AS w, count(*) AS n FROM {view} GROUP BY 1 ORDER BY w")


@case
def sql_sliding_window_in_select(spark):
    view = _events_view(spark, "window_events_select")
    return spark.sql(f"SELECT window(t, '10 minutes', '5 minutes'), v FROM {view} ORDER BY 2, 1")


@case
def sql_session_window_group_by(spark):
    view = _events_view(spark, "window_events_session")
    return spark.sql(f"SELECT session_window(t, '5 minutes') AS s, count(*) AS n FROM {view} GROUP BY session_window(t, '5 minutes') ORDER BY s")


@case
def sql_window_time_of_grouped_window(spark):
    view = _events_view(spark, "window_events_time")
    return spark.sql(f"SELECT window_time(w) AS wt, n FROM (SELECT window(t, '10 minutes') AS w, count(*) AS n FROM {view} GROUP BY 1) ORDER BY wt")


@case
def with_column_tumbling_window(spark):
    return _events(spark).withColumn("w", F.window("t", "10 minutes")).orderBy("v")


@case
def with_column_sliding_window(spark):
    return _events(spark).withColumn("w", F.window("t", "10 minutes", "5 minutes")).orderBy("v", "w")


@case
def with_column_session_window(spark):
    return _events(spark).withColumn("w", F.session_window("t", "5 minutes")).orderBy("v")
