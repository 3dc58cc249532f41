"""RANGE frames with year-month INTERVAL offsets: each row's bound is its key plus the
months as Spark's add_months computes them (the day clamped to the month's end, so
March 31 less a month is February 29), over dates, timestamps (months on the session
zone's calendar) and TIMESTAMP_NTZ; ascending and descending keys, PRECEDING and
FOLLOWING bounds, YEAR intervals, unbounded sides, NULL keys (their frame is the NULL
rows), ties, and every aggregate form (sums, averages, min/max, count, first/last)."""

import datetime

from harness import case

D = datetime.date
T = datetime.datetime


def _days(spark):
    rows = [
        (1, "a", D(2023, 12, 31), 1.0, 1),
        (2, "a", D(2024, 1, 30), 2.0, 2),
        (3, "a", D(2024, 1, 31), 4.0, 3),
        (4, "a", D(2024, 2, 29), 8.0, 4),
        (5, "a", D(2024, 2, 29), None, 5),
        (6, "a", D(2024, 3, 29), 16.0, 6),
        (7, "a", D(2024, 3, 31), 32.0, 7),
        (8, "a", D(2025, 2, 28), 64.0, 8),
        (9, "a", None, 128.0, 9),
        (10, "a", None, 256.0, None),
        (11, "b", D(2024, 5, 31), 512.0, 11),
        (12, "b", D(2024, 6, 30), 1024.0, 12),
        (13, None, D(2024, 1, 1), 2048.0, 13),
    ]
    df = spark.createDataFrame(rows, "id int, k string, d date, x double, n int")
    df.createOrReplaceTempView("wrm_days")
    return df


def _dq(spark, select):
    _days(spark)
    return spark.sql(f"SELECT id, {select} FROM wrm_days ORDER BY id")


def _stamps(spark):
    rows = [
        (1, "a", T(2024, 1, 31, 23, 0), 1.0),
        (2, "a", T(2024, 2, 29, 22, 59, 59), 2.0),
        (3, "a", T(2024, 2, 29, 23, 0), 4.0),
        (4, "a", T(2024, 3, 10, 2, 30), 8.0),
        (5, "a", T(2024, 3, 31, 1, 0), 16.0),
        (6, "a", T(2024, 4, 10, 2, 30), 32.0),
        (7, "a", None, 64.0),
        (8, "b", T(2024, 10, 31, 12, 0), 128.0),
        (9, "b", T(2024, 11, 3, 1, 30), 256.0),
        (10, "b", T(2024, 12, 3, 1, 30), 512.0),
    ]
    df = spark.createDataFrame(rows, "id int, k string, ts timestamp, x double")
    df = df.withColumn("ntz", df.ts.cast("timestamp_ntz"))
    df.createOrReplaceTempView("wrm_stamps")
    return df


def _tq(spark, select):
    _stamps(spark)
    return spark.sql(f"SELECT id, {select} FROM wrm_stamps ORDER BY id")


def _over(bounds, key="d", order="", partition="PARTITION BY k"):
    return f"OVER ({partition} ORDER BY {key} {order} RANGE BETWEEN {bounds})"


@case
def month_preceding_sum_clamps_month_ends(spark):
    o = _over("INTERVAL '1' MONTH PRECEDING AND CURRENT ROW")
    return _dq(spark, f"sum(x) {o} AS s")


@case
def month_preceding_every_aggregate(spark):
    o = _over("INTERVAL '1' MONTH PRECEDING AND CURRENT ROW")
    return _dq(spark, f"avg(x) {o} AS a, min(n) {o} AS lo, max(n) {o} AS hi, count(x) {o} AS c, count(*) {o} AS rows, "
                      f"first(n) {o} AS f, last(x) {o} AS l, sum(n) {o} AS sn")


@case
def month_following(spark):
    o = _over("CURRENT ROW AND INTERVAL '1' MONTH FOLLOWING")
    return _dq(spark, f"sum(x) {o} AS s, count(*) {o} AS c, max(n) {o} AS hi")


@case
def months_on_both_sides(spark):
    o = _over("INTERVAL '2' MONTH PRECEDING AND INTERVAL '1' MONTH FOLLOWING")
    return _dq(spark, f"sum(x) {o} AS s, min(n) {o} AS lo")


@case
def months_both_preceding(spark):
    o = _over("INTERVAL '3' MONTH PRECEDING AND INTERVAL '1' MONTH PRECEDING")
    return _dq(spark, f"sum(x) {o} AS s, count(*) {o} AS c")


@case
def months_both_following(spark):
    o = _over("INTERVAL '1' MONTH FOLLOWING AND INTERVAL '13' MONTH FOLLOWING")
    return _dq(spark, f"sum(x) {o} AS s, first(n) {o} AS f")


@case
def month_descending(spark):
    o = _over("INTERVAL '1' MONTH PRECEDING AND CURRENT ROW", order="DESC")
    return _dq(spark, f"sum(x) {o} AS s, count(*) {o} AS c")


@case
def month_descending_nulls_last_following(spark):
    o = _over("CURRENT ROW AND INTERVAL '1' MONTH FOLLOWING", order="DESC NULLS LAST")
    return _dq(spark, f"sum(x) {o} AS s, min(n) {o} AS lo")


@case
def month_nulls_last(spark):
    o = _over("INTERVAL '1' MONTH PRECEDING AND CURRENT ROW", order="ASC NULLS LAST")
    return _dq(spark, f"sum(x) {o} AS s, avg(n) {o} AS a")


@case
def month_unbounded_preceding(spark):
    o = _over("UNBOUNDED PRECEDING AND INTERVAL '1' MONTH PRECEDING")
    return _dq(spark, f"sum(x) {o} AS s, count(*) {o} AS c")


@case
def month_unbounded_following(spark):
    o = _over("INTERVAL '1' MONTH FOLLOWING AND UNBOUNDED FOLLOWING", order="DESC")
    return _dq(spark, f"sum(x) {o} AS s, max(n) {o} AS hi")


@case
def year_interval(spark):
    o = _over("INTERVAL '1' YEAR PRECEDING AND CURRENT ROW")
    return _dq(spark, f"sum(x) {o} AS s, count(*) {o} AS c")


@case
def year_to_month_interval(spark):
    o = _over("INTERVAL '1-1' YEAR TO MONTH PRECEDING AND CURRENT ROW")
    return _dq(spark, f"sum(x) {o} AS s")


@case
def zero_months_is_the_peers(spark):
    o = _over("INTERVAL '0' MONTH PRECEDING AND CURRENT ROW")
    return _dq(spark, f"sum(x) {o} AS s, count(*) {o} AS c")


@case
def month_without_partition(spark):
    o = _over("INTERVAL '1' MONTH PRECEDING AND CURRENT ROW", partition="")
    return _dq(spark, f"sum(x) {o} AS s")


@case
def month_in_the_dataframe_api(spark):
    from pyspark.sql import functions as F

    df = _days(spark)
    o = "OVER (PARTITION BY k ORDER BY d RANGE BETWEEN INTERVAL '1' MONTH PRECEDING AND CURRENT ROW)"
    return df.select("id", F.expr(f"sum(x) {o}").alias("s"), (F.col("x") - F.expr(f"avg(x) {o}")).alias("dev")).orderBy("id")


@case
def month_over_a_timestamp(spark):
    o = _over("INTERVAL '1' MONTH PRECEDING AND CURRENT ROW", key="ts")
    return _tq(spark, f"sum(x) {o} AS s, count(*) {o} AS c")


@case
def month_over_a_timestamp_descending_following(spark):
    o = _over("INTERVAL '1' MONTH PRECEDING AND INTERVAL '1' MONTH FOLLOWING", key="ts", order="DESC")
    return _tq(spark, f"sum(x) {o} AS s")


@case
def month_over_a_timestamp_ntz(spark):
    o = _over("INTERVAL '1' MONTH PRECEDING AND CURRENT ROW", key="ntz")
    return _tq(spark, f"sum(x) {o} AS s, min(x) {o} AS lo")


@case(conf={"spark.sql.session.timeZone": "America/New_York"})
def month_over_a_timestamp_in_a_dst_zone(spark):
    o = _over("INTERVAL '1' MONTH PRECEDING AND CURRENT ROW", key="ts")
    f = _over("CURRENT ROW AND INTERVAL '1' MONTH FOLLOWING", key="ts")
    return _tq(spark, f"sum(x) {o} AS s, sum(x) {f} AS sf")


@case(conf={"spark.sql.session.timeZone": "America/New_York"})
def month_over_a_timestamp_ntz_ignores_the_zone(spark):
    o = _over("INTERVAL '1' MONTH PRECEDING AND CURRENT ROW", key="ntz")
    return _tq(spark, f"sum(x) {o} AS s")


@case(conf={"spark.sql.ansi.enabled": "false"})
def month_preceding_legacy(spark):
    o = _over("INTERVAL '1' MONTH PRECEDING AND CURRENT ROW")
    return _dq(spark, f"sum(x) {o} AS s, sum(n) {o} AS sn")


@case
def month_offset_over_an_integer_key_is_cast_to_the_key_type(spark):
    o = _over("INTERVAL '1' MONTH PRECEDING AND CURRENT ROW", key="n")
    return _dq(spark, f"sum(x) {o} AS s")


@case
def year_offset_over_an_integer_key(spark):
    o = _over("INTERVAL '1' YEAR PRECEDING AND CURRENT ROW", key="n")
    return _dq(spark, f"sum(x) {o} AS s")


@case
def year_to_month_offset_over_an_integer_key(spark):
    o = _over("INTERVAL '0-2' YEAR TO MONTH PRECEDING AND CURRENT ROW", key="n")
    return _dq(spark, f"sum(x) {o} AS s")


@case
def day_offset_over_an_integer_key(spark):
    o = _over("CURRENT ROW AND INTERVAL '2' DAY FOLLOWING", key="n")
    return _dq(spark, f"sum(x) {o} AS s")


@case
def hour_offset_over_a_bigint_key(spark):
    o = _over("INTERVAL '49' HOUR PRECEDING AND CURRENT ROW", key="CAST(n AS bigint)")
    return _dq(spark, f"sum(x) {o} AS s")


@case
def day_to_hour_offset_over_an_integer_key(spark):
    o = _over("INTERVAL '1 12' DAY TO HOUR PRECEDING AND CURRENT ROW", key="n")
    return _dq(spark, f"sum(x) {o} AS s")


@case
def month_offset_over_a_decimal_key(spark):
    o = _over("INTERVAL '2' MONTH PRECEDING AND CURRENT ROW", key="CAST(n AS decimal(5, 1))")
    return _dq(spark, f"sum(x) {o} AS s")


@case
def month_offset_over_a_double_key(spark):
    o = _over("INTERVAL '2' MONTH PRECEDING AND CURRENT ROW", key="CAST(n AS double)")
    return _dq(spark, f"sum(x) {o} AS s")
