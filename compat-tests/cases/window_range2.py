"""RANGE BETWEEN k PRECEDING AND CURRENT ROW over a date key (the `rolling_*_by` fast
path of `lowering/window/fast.rs`) beside the forms that stay on the general path:
peers (equal days), NULL days (first and last), NaN/±Inf/NULL values, empty and
one-row partitions, no PARTITION BY, intervals as offsets, descending keys, integer
min/max, and the same frames through SQL text."""

import datetime

from harness import case
from pyspark.sql import Window
from pyspark.sql import functions as F

D = datetime.date


def _events(spark):
    rows = [
        (1, D(2024, 1, 1), 1.5, 10),
        (1, D(2024, 1, 2), 2.0, -3),
        (1, D(2024, 1, 2), None, 7),
        (1, D(2024, 1, 8), 4.25, None),
        (1, D(2024, 1, 9), float("nan"), 2),
        (1, None, 100.0, 1),
        (1, None, 50.0, 5),
        (2, D(2023, 12, 30), float("inf"), 9),
        (2, D(2024, 1, 1), 1.0, 2147483647),
        (2, D(2024, 1, 5), float("-inf"), -2147483648),
        (3, D(2000, 2, 29), -0.0, 0),
        (None, D(2024, 1, 1), 3.0, 4),
        (None, D(2024, 1, 3), None, None),
    ]
    return spark.createDataFrame(rows, "k int, day date, v double, n int")


def _over(preceding, nulls="NULLS FIRST", partition="PARTITION BY k"):
    return f"OVER ({partition} ORDER BY day ASC {nulls} RANGE BETWEEN {preceding} PRECEDING AND CURRENT ROW)"


def _sorted(df):
    return df.orderBy(F.col("k").asc_nulls_first(), F.col("day").asc_nulls_first(), "n")


@case
def range_date_avg_sum_six_days(spark):
    return _sorted(_events(spark).selectExpr("k", "day", "n", f"avg(v) {_over(6)} AS a", f"sum(v) {_over(6)} AS s"))


@case
def range_date_current_row_only(spark):
    return _sorted(_events(spark).selectExpr("k", "day", "n", f"avg(v) {_over(0)} AS a", f"max(n) {_over(0)} AS mx"))


@case
def range_date_min_max_int(spark):
    return _sorted(_events(spark).selectExpr("k", "day", "n", f"min(n) {_over(3)} AS lo", f"max(n) {_over(3)} AS hi"))


@case
def range_date_nulls_last(spark):
    o = _over(2, nulls="NULLS LAST")
    return _sorted(_events(spark).selectExpr("k", "day", "n", f"sum(v) {o} AS s", f"min(n) {o} AS lo"))


@case
def range_date_no_partition(spark):
    return _sorted(_events(spark).selectExpr("k", "day", "n", f"avg(v) {_over(1, partition='')} AS a"))


@case
def range_date_descending_general_path(spark):
    o = "OVER (PARTITION BY k ORDER BY day DESC RANGE BETWEEN 2 PRECEDING AND CURRENT ROW)"
    return _sorted(_events(spark).selectExpr("k", "day", "n", f"avg(v) {o} AS a"))


@case
def range_date_large_offset(spark):
    return _sorted(_events(spark).selectExpr("k", "day", "n", f"sum(v) {_over(100000)} AS s", f"max(n) {_over(100000)} AS mx"))


@case
def range_date_float_values(spark):
    df = _events(spark).withColumn("f", F.col("v").cast("float"))
    return _sorted(df.selectExpr("k", "day", "n", f"avg(f) {_over(6)} AS a", f"sum(f) {_over(6)} AS s"))


@case
def range_date_empty_input(spark):
    return _events(spark).where("k > 10").selectExpr("k", f"avg(v) {_over(6)} AS a")


@case
def range_date_interval_offset(spark):
    o = "OVER (PARTITION BY k ORDER BY day RANGE BETWEEN INTERVAL 2 DAYS PRECEDING AND CURRENT ROW)"
    return _sorted(_events(spark).selectExpr("k", "day", "n", f"avg(v) {o} AS a"))


@case
def range_date_dataframe_api_bigint_offset_error(spark):
    w = Window.partitionBy("k").orderBy("day").rangeBetween(-6, Window.currentRow)
    return _events(spark).select(F.avg("v").over(w))


@case(conf={"spark.sql.ansi.enabled": "false"})
def range_date_ansi_off(spark):
    return _sorted(_events(spark).selectExpr("k", "day", "n", f"avg(v) {_over(6)} AS a", f"min(n) {_over(6)} AS lo"))


@case
def range_date_sql_text(spark):
    _events(spark).createOrReplaceTempView("range2_events")
    return spark.sql(
        "SELECT k, day, n, avg(v) OVER (PARTITION BY k ORDER BY day RANGE BETWEEN 6 PRECEDING AND CURRENT ROW) AS a, "
        "max(n) OVER (PARTITION BY k ORDER BY day RANGE BETWEEN INTERVAL 2 DAYS PRECEDING AND CURRENT ROW) AS m "
        "FROM range2_events ORDER BY k NULLS FIRST, day NULLS FIRST, n"
    )


@case
def range_date_with_other_windows(spark):
    by_day = Window.partitionBy("k").orderBy("day", "n")
    df = _events(spark).selectExpr("k", "day", "n", f"avg(v) {_over(6)} AS a").withColumn("rn", F.row_number().over(by_day))
    return _sorted(df)


@case
def range_date_many_rows(spark):
    df = spark.range(0, 400).select(
        (F.col("id") % 7).alias("k"),
        F.date_add(F.lit(D(2024, 1, 1)), (F.col("id") * 37 % 60).cast("int")).alias("day"),
        ((F.col("id") * 13 % 101) / 4).alias("v"),
        F.col("id").alias("n"),
    )
    return df.selectExpr("k", "day", "n", f"avg(v) {_over(5)} AS a", f"sum(v) {_over(5)} AS s").orderBy("k", "day", "n")
