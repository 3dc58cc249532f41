"""RANGE frames one side of the current row over an integer or date key (the
`rolling_*_by` fast path of `lowering/window/fast.rs`): INT/SMALLINT/TINYINT keys,
descending keys, CURRENT ROW AND k FOLLOWING, `count` (of a column and of rows), sums
of integers (BIGINT) and of small DECIMALs (DECIMAL(p + 10, s)), averages of
integers, min/max of BIGINTs; with ties (peers share a frame), NULL keys (their frame
is the NULL rows) first and last, NULL values, partitions of one row, no PARTITION BY,
bounds that pass the key type's range (an error under ANSI), and the forms that stay
on the general path beside them (BIGINT keys, both sides bounded)."""

import datetime
from decimal import Decimal

from harness import case
from pyspark.sql import Window
from pyspark.sql import functions as F

D = datetime.date


def _rows(spark):
    rows = [
        (1, "a", 1, D(2024, 1, 1), 10, 1.5, Decimal("1.25"), 10000000000),
        (2, "a", 2, D(2024, 1, 2), -3, 2.0, Decimal("-0.50"), -1),
        (3, "a", 2, D(2024, 1, 2), 7, None, None, 5),
        (4, "a", 5, D(2024, 1, 5), None, 4.25, Decimal("99.99"), None),
        (5, "a", 6, D(2024, 1, 6), 2, float("nan"), Decimal("0.01"), 9223372036854775807),
        (6, "a", 9, D(2024, 1, 9), 4, 8.0, Decimal("3.00"), -9223372036854775808),
        (7, "a", None, None, 100, 100.0, Decimal("10.00"), 3),
        (8, "a", None, None, 50, 50.0, Decimal("20.00"), 4),
        (9, "b", -2147483648, D(2023, 12, 30), 9, 1.0, Decimal("5.55"), 7),
        (10, "b", 2147483647, D(2024, 1, 1), 2147483647, 2.0, Decimal("-5.55"), 8),
        (11, "c", 0, D(2000, 2, 29), 0, -0.0, Decimal("0.00"), 0),
        (12, None, 3, D(2024, 1, 1), 4, 3.0, Decimal("1.00"), 1),
        (13, None, 4, D(2024, 1, 3), None, None, None, None),
    ]
    schema = "id int, k string, o int, day date, n int, v double, m decimal(5,2), b bigint"
    df = spark.createDataFrame(rows, schema)
    df = df.withColumn("s", df.o.cast("smallint")).withColumn("t", (df.o % 100).cast("tinyint")).withColumn("l", df.o.cast("bigint"))
    df.createOrReplaceTempView("wr3")
    return df


def _q(spark, select, where=""):
    _rows(spark)
    return spark.sql(f"SELECT id, {select} FROM wr3 {where} ORDER BY id")


def _w(bounds, key="o", order="", partition="PARTITION BY k"):
    return f"OVER ({partition} ORDER BY {key} {order} RANGE BETWEEN {bounds})"


def _aggs(o):
    return (f"sum(n) {o} AS sn, avg(n) {o} AS an, min(n) {o} AS lo, max(n) {o} AS hi, count(n) {o} AS cn, "
            f"count(*) {o} AS c, sum(v) {o} AS sv, sum(m) {o} AS sm, min(b) {o} AS lb, max(b) {o} AS hb")


@case
def int_key_preceding(spark):
    return _q(spark, _aggs(_w("1 PRECEDING AND CURRENT ROW")), "WHERE k <> 'b' OR k IS NULL")


@case
def int_key_preceding_nulls_last(spark):
    return _q(spark, _aggs(_w("3 PRECEDING AND CURRENT ROW", order="ASC NULLS LAST")), "WHERE k <> 'b' OR k IS NULL")


@case
def int_key_descending_preceding(spark):
    return _q(spark, _aggs(_w("1 PRECEDING AND CURRENT ROW", order="DESC")), "WHERE k <> 'b' OR k IS NULL")


@case
def int_key_descending_nulls_first(spark):
    return _q(spark, _aggs(_w("4 PRECEDING AND CURRENT ROW", order="DESC NULLS FIRST")), "WHERE k <> 'b' OR k IS NULL")


@case
def int_key_following(spark):
    return _q(spark, _aggs(_w("CURRENT ROW AND 3 FOLLOWING")), "WHERE k <> 'b' OR k IS NULL")


@case
def int_key_descending_following(spark):
    return _q(spark, _aggs(_w("CURRENT ROW AND 1 FOLLOWING", order="DESC")), "WHERE k <> 'b' OR k IS NULL")


@case
def smallint_and_tinyint_keys(spark):
    o1, o2 = _w("2 PRECEDING AND CURRENT ROW", key="s"), _w("CURRENT ROW AND 2 FOLLOWING", key="t", order="DESC")
    return _q(spark, f"sum(n) {o1} AS s1, count(*) {o1} AS c1, sum(n) {o2} AS s2, max(n) {o2} AS m2", "WHERE k <> 'b' OR k IS NULL")


@case
def bigint_key_general_path(spark):
    o = _w("2 PRECEDING AND CURRENT ROW", key="l")
    return _q(spark, f"sum(n) {o} AS s, count(*) {o} AS c", "WHERE k <> 'b' OR k IS NULL")


@case
def int_key_bound_overflow_is_an_error(spark):
    return _q(spark, f"sum(n) {_w('1 PRECEDING AND CURRENT ROW')} AS s")


@case
def int_key_bound_overflow_following_is_an_error(spark):
    return _q(spark, f"count(*) {_w('CURRENT ROW AND 1 FOLLOWING')} AS c")


@case(conf={"spark.sql.ansi.enabled": "false"})
def int_key_bound_overflow_without_ansi(spark):
    o, f = _w("1 PRECEDING AND CURRENT ROW"), _w("CURRENT ROW AND 1 FOLLOWING")
    return _q(spark, f"sum(n) {o} AS s, count(*) {o} AS c, sum(n) {f} AS sf, count(*) {f} AS cf")


@case(conf={"spark.sql.ansi.enabled": "false"})
def int_key_aggregates_without_ansi(spark):
    return _q(spark, _aggs(_w("2 PRECEDING AND CURRENT ROW")), "WHERE k <> 'b' OR k IS NULL")


@case
def int_sum_reaches_past_int(spark):
    o = _w("CURRENT ROW AND 5 FOLLOWING", key="id", partition="")
    return _q(spark, f"sum(n) {o} AS s, avg(n) {o} AS a", "WHERE id IN (9, 10) OR k = 'c'")


@case
def date_key_descending(spark):
    o = _w("2 PRECEDING AND CURRENT ROW", key="day", order="DESC")
    return _q(spark, _aggs(o))


@case
def date_key_following(spark):
    o = _w("CURRENT ROW AND 3 FOLLOWING", key="day")
    return _q(spark, _aggs(o))


@case
def date_key_following_interval(spark):
    o = _w("CURRENT ROW AND INTERVAL '4' DAY FOLLOWING", key="day", order="DESC NULLS FIRST")
    return _q(spark, f"sum(n) {o} AS s, count(*) {o} AS c, avg(v) {o} AS a")


@case
def date_key_count_and_decimal_sum(spark):
    o = _w("6 PRECEDING AND CURRENT ROW", key="day")
    return _q(spark, f"count(m) {o} AS cm, sum(m) {o} AS sm, count(1) {o} AS c1")


@case
def no_partition_following(spark):
    o = _w("CURRENT ROW AND 2 FOLLOWING", partition="")
    return _q(spark, _aggs(o), "WHERE k <> 'b' OR k IS NULL")


@case
def no_partition_descending(spark):
    o = _w("3 PRECEDING AND CURRENT ROW", order="DESC", partition="")
    return _q(spark, f"sum(n) {o} AS s, count(*) {o} AS c", "WHERE k <> 'b' OR k IS NULL")


@case
def wide_decimal_sum_general_path(spark):
    o = _w("2 PRECEDING AND CURRENT ROW")
    return _q(spark, f"sum(CAST(m AS decimal(20, 2))) {o} AS s", "WHERE k <> 'b' OR k IS NULL")


@case
def both_sides_bounded_general_path(spark):
    o = _w("1 PRECEDING AND 1 FOLLOWING")
    return _q(spark, f"sum(n) {o} AS s, count(*) {o} AS c", "WHERE k <> 'b' OR k IS NULL")


@case
def dataframe_api_range_between(spark):
    df = _rows(spark).where("k <> 'b' OR k IS NULL")
    back = Window.partitionBy("k").orderBy(F.col("o").desc()).rangeBetween(-2, Window.currentRow)
    ahead = Window.partitionBy("k").orderBy("o").rangeBetween(Window.currentRow, 2)
    return df.select(
        "id",
        F.sum("n").over(back).alias("s"),
        F.count("*").over(back).alias("c"),
        F.avg("n").over(ahead).alias("a"),
        F.count("n").over(ahead).alias("cn"),
        F.min("b").over(ahead).alias("lb"),
    ).orderBy("id")


@case
def fast_and_general_in_one_node(spark):
    o = _w("2 PRECEDING AND CURRENT ROW")
    return _q(spark, f"sum(n) {o} AS s, first(n) {o} AS f, count(*) {o} AS c", "WHERE k <> 'b' OR k IS NULL")


@case
def many_rows(spark):
    df = spark.range(0, 500).select(
        (F.col("id") % 7).alias("k"),
        (F.col("id") * 37 % 90).cast("int").alias("o"),
        (F.col("id") * 13 % 101 - 50).cast("int").alias("n"),
        F.col("id"),
    )
    back = "OVER (PARTITION BY k ORDER BY o DESC RANGE BETWEEN 5 PRECEDING AND CURRENT ROW)"
    ahead = "OVER (PARTITION BY k ORDER BY o RANGE BETWEEN CURRENT ROW AND 4 FOLLOWING)"
    return df.selectExpr("id", f"sum(n) {back} AS s", f"count(*) {back} AS c", f"avg(n) {ahead} AS a", f"max(n) {ahead} AS m").orderBy("id")
