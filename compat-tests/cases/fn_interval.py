"""Spark's interval types: `interval day to second` (and its narrower ranges),
`interval year to month` and the legacy calendar interval — their schema, `show()`
text, casts to string, `collect()` (a `timedelta`; year-month and calendar intervals
cannot come to Python), `createDataFrame` from `timedelta`s; `make_dt_interval`,
`make_ym_interval`, `make_interval`, `try_make_interval`; SQL interval literals; and
arithmetic: timestamp − timestamp, date − date, dates and timestamps ± intervals
(calendar days in the session zone, across daylight saving time), intervals ± and
compared with intervals, times and divided by numbers, and fields extracted from them.

Spark names `timestamp + interval` without parentheses (`t + iv`) and `date + days` as
`date_add(...)`: PyRust names them like other arithmetic (docs/semantics.md), so those
columns are aliased here."""

import datetime
import decimal

from harness import case
from pyspark.sql import functions as F

LEGACY = {"spark.sql.ansi.enabled": "false"}
UTC = {"spark.sql.session.timeZone": "UTC"}
LA = {"spark.sql.session.timeZone": "America/Los_Angeles"}
TD = datetime.timedelta
DT = datetime.datetime
D = datetime.date
L = F.lit

DELTAS = [TD(days=1, hours=2, minutes=3, seconds=4, microseconds=5), TD(seconds=-1), TD(0), TD(days=-3, microseconds=1),
          TD(days=106751991), TD(hours=25, milliseconds=500), TD(microseconds=123456), None]


def _deltas(spark, ddl="interval day to second"):
    return spark.createDataFrame([(i, d) for i, d in enumerate(DELTAS)], f"id int, x {ddl}")


@case
def day_time_interval_show_and_collect(spark):
    return _deltas(spark)


@case
def day_time_interval_types(spark):
    return _deltas(spark).schema.simpleString()


RANGES = ["interval day", "interval day to hour", "interval day to minute", "interval hour", "interval hour to minute",
          "interval hour to second", "interval minute", "interval minute to second", "interval second"]


def _range_case(ddl):
    def run(spark):
        return _deltas(spark, ddl).select("id", "x", F.col("x").cast("string").alias("s"))

    run.__name__ = "interval_" + ddl.replace("interval ", "").replace(" ", "_")
    return case(run)


for _ddl in RANGES:
    _range_case(_ddl)


@case
def interval_inferred_from_timedelta(spark):
    df = spark.createDataFrame([(TD(days=2),), (TD(hours=-1),)], ["d"])
    return df


@case
def interval_literal_from_timedelta(spark):
    return spark.range(1).select(L(TD(hours=1)), L(TD(days=-1, seconds=1)).alias("neg"))


@case
def interval_print_schema(spark):
    _deltas(spark).select("x", F.make_ym_interval(L(1), L(2)).alias("ym"), F.make_interval(L(1)).alias("c")).printSchema()


@case
def interval_max_and_min(spark):
    return spark.range(1).select(F.make_dt_interval(L(106751991), L(4), L(0), L(decimal.Decimal("54.775807"))).cast("string").alias("max"),
                                 (-F.make_dt_interval(L(106751991), L(4), L(0), L(decimal.Decimal("54.775807")))).cast("string").alias("min"))


@case
def make_dt_interval_values(spark):
    df = spark.createDataFrame([(1, 2, 3, decimal.Decimal("4.5")), (-1, -2, 0, decimal.Decimal("0")), (0, 25, 61, decimal.Decimal("61.000001")),
                                (None, 1, 1, decimal.Decimal("1"))], "d int, h int, m int, s decimal(10,6)")
    return df.select(F.make_dt_interval("d", "h", "m", "s"), F.make_dt_interval("d"), F.make_dt_interval(), F.make_dt_interval(hours="h"))


@case
def make_dt_interval_types(spark):
    df = spark.createDataFrame([(1, 2**40, 1.5, "3")], "i int, l bigint, d double, s string")
    return df.select(F.make_dt_interval("d"), F.make_dt_interval(F.col("i"), F.col("i"), F.col("i"), F.col("d")),
                     F.make_dt_interval(F.col("s")))


@case
def make_dt_interval_bigint_overflow(spark):
    return spark.createDataFrame([(2**40,)], "l bigint").select(F.make_dt_interval("l"))


@case
def make_dt_interval_overflow(spark):
    return spark.range(1).select(F.make_dt_interval(L(106751992)))


@case(conf=LEGACY)
def make_dt_interval_overflow_legacy(spark):
    return spark.range(1).select(F.make_dt_interval(L(106751992)))


@case
def make_dt_interval_of_boolean_is_refused(spark):
    return spark.range(1).select(F.make_dt_interval(L(True)))


@case
def make_ym_interval_shows_but_cannot_collect(spark):
    df = spark.range(1).select(F.make_ym_interval(L(1), L(2)).alias("a"), F.make_ym_interval(L(-1), L(5)).alias("b"),
                               F.make_ym_interval().alias("c"), F.make_ym_interval(L(None)).alias("d"))
    df.show()
    return df.schema.simpleString()


@case
def make_ym_interval_collect_fails(spark):
    return spark.range(1).select(F.make_ym_interval(L(1), L(2))).collect()


@case
def make_ym_interval_as_strings(spark):
    df = spark.createDataFrame([(1, 2), (-1, -2), (0, 14), (None, 1)], "y int, m int")
    return df.select(F.make_ym_interval("y", "m").cast("string"), F.make_ym_interval("y").cast("string"),
                     F.make_ym_interval(months="m").cast("string"))


@case
def make_ym_interval_overflow(spark):
    return spark.range(1).select(F.make_ym_interval(L(2**31 - 1), L(12)).cast("string"))


@case
def make_interval_as_strings(spark):
    df = spark.createDataFrame([(1, 2, 3, 4, 5, 6, decimal.Decimal("7.5")), (0, -13, 0, 0, 0, 0, decimal.Decimal("0")),
                                (0, 0, 0, 0, 0, 0, decimal.Decimal("-1.5")), (0, 0, 0, 0, 25, 0, decimal.Decimal("0")),
                                (None, 0, 0, 0, 0, 0, decimal.Decimal("0"))], "y int, mo int, w int, d int, h int, mi int, s decimal(10,6)")
    return df.select(F.make_interval("y", "mo", "w", "d", "h", "mi", "s").cast("string"), F.make_interval().cast("string"),
                     F.make_interval(days="d", hours="h").cast("string"))


@case
def make_interval_collect_fails(spark):
    return spark.range(1).select(F.make_interval(L(1))).collect()


@case
def make_interval_overflow_ansi(spark):
    return spark.range(1).select(F.make_interval(L(2**31 - 1), L(12)).cast("string"))


@case(conf=LEGACY)
def make_interval_overflow_legacy(spark):
    return spark.range(1).select(F.make_interval(L(2**31 - 1), L(12)).cast("string"))


@case
def try_make_interval_overflow_is_null(spark):
    return spark.range(1).select(F.try_make_interval(L(2**31 - 1), L(12)).cast("string"), F.try_make_interval(L(1)).cast("string"))


@case
def make_interval_functions_in_sql(spark):
    return spark.range(1).selectExpr("make_dt_interval(1, 2, 3, 4.5)", "cast(make_ym_interval(1, 2) as string)",
                                     "cast(make_interval(1, 2, 3, 4, 5, 6, 7.5) as string)")


SQL_LITERALS = ["INTERVAL '1' DAY", "INTERVAL 3 HOURS", "INTERVAL '1 02:03:04.5' DAY TO SECOND", "INTERVAL '-1 02' DAY TO HOUR",
                "INTERVAL '25:01' HOUR TO MINUTE", "INTERVAL '1.5' SECOND", "INTERVAL -2 MINUTES", "INTERVAL '10:20' MINUTE TO SECOND",
                "INTERVAL '1 02:03' DAY TO MINUTE", "INTERVAL '02:03:04' HOUR TO SECOND"]


@case
def interval_literals_in_sql(spark):
    return spark.range(1).selectExpr(*SQL_LITERALS)


@case
def year_month_literals_in_sql(spark):
    return spark.range(1).selectExpr("cast(INTERVAL '1-2' YEAR TO MONTH as string)", "cast(INTERVAL 3 YEARS as string)",
                                     "cast(INTERVAL '-14' MONTH as string)", "cast(INTERVAL '-1-11' YEAR TO MONTH as string)")


def _dated(spark):
    return spark.createDataFrame([(D(2024, 1, 31), DT(2024, 1, 31, 10, 30), DT(2024, 1, 2, 3, 4, 5), TD(days=1, hours=2), D(2024, 3, 1),
                                   TD(days=3))],
                                 "d date, t timestamp, n timestamp_ntz, iv interval day to second, d2 date, days interval day")


@case
def subtracting_timestamps_and_dates(spark):
    df = _dated(spark)
    return df.select(F.col("t") - F.col("t"), F.col("d") - F.col("d2"), F.col("t") - F.col("d"), F.col("n") - F.col("n"),
                     F.col("t") - F.col("n"), F.col("d2") - F.col("d"), F.date_add("d", 1) - F.col("d"))


@case
def timestamps_and_dates_plus_intervals(spark):
    df = _dated(spark)
    return df.select((F.col("t") + F.col("iv")).alias("t_plus"), (F.col("d") + F.col("iv")).alias("d_plus"),
                     (F.col("n") + F.col("iv")).alias("n_plus"), (F.col("t") - F.col("iv")).alias("t_minus"),
                     (F.col("iv") + F.col("t")).alias("iv_plus_t"), (F.col("d") + F.col("days")).alias("d_plus_days"),
                     (F.col("d") - F.col("days")).alias("d_minus_days"), (F.col("d") + 1).alias("d_plus_1"), (F.col("d") - 1).alias("d_minus_1"))


@case
def timestamps_plus_interval_literals(spark):
    df = _dated(spark)
    return df.select(F.expr("t + INTERVAL '1-2' YEAR TO MONTH").alias("a"), F.expr("d + INTERVAL 1 MONTH").alias("b"),
                     F.expr("d - INTERVAL '2' YEAR").alias("c"), F.expr("t + INTERVAL '1 02:03:04.5' DAY TO SECOND").alias("e"),
                     F.expr("t - INTERVAL 36 HOURS").alias("f"), F.expr("d + INTERVAL '25' HOUR").alias("g"),
                     F.expr("n + INTERVAL '1' MONTH").alias("h"), F.expr("t + make_interval(0, 1, 0, 1)").alias("i"),
                     F.expr("d + make_interval(0, 1, 1, 1)").alias("j"))


@case
def date_plus_calendar_interval_with_time_fails_ansi(spark):
    return _dated(spark).select(F.expr("d + make_interval(0, 0, 0, 0, 1)").alias("x"))


@case(conf=LEGACY)
def date_plus_calendar_interval_with_time_legacy(spark):
    return _dated(spark).select(F.expr("d + make_interval(0, 0, 0, 1, 25)").alias("x"))


@case(conf=LA)
def interval_arithmetic_across_daylight_saving(spark):
    df = spark.createDataFrame([(DT(2024, 3, 9, 12, 0), DT(2024, 3, 10, 12, 0), D(2024, 3, 9))], "a timestamp, b timestamp, d date")
    return df.select((F.col("b") - F.col("a")).alias("diff"), F.expr("a + INTERVAL '1' DAY").alias("plus1d"),
                     F.expr("a + INTERVAL '24' HOUR").alias("plus24h"), F.expr("a + INTERVAL '1 00:00:01' DAY TO SECOND").alias("p"),
                     F.expr("d + INTERVAL '1 01' DAY TO HOUR").alias("dd"), F.expr("a + make_interval(0, 0, 0, 1)").alias("cal"),
                     F.expr("a + INTERVAL '1' MONTH").alias("m"), F.expr("a - INTERVAL '1' DAY").alias("minus"))


@case
def intervals_with_intervals_and_numbers(spark):
    df = spark.createDataFrame([(TD(days=1, hours=2), TD(days=3))], "x interval day to second, y interval day")
    return df.select(F.col("x") * 1.5, F.col("x") * 3, F.col("x") / 4, F.col("y") / 7, F.col("x") + F.col("y"), F.col("y") - F.col("y"),
                     F.col("x") > F.col("y"), F.col("y") + F.col("y"), F.col("y") * 2, F.expr("x * 0.3333"), F.expr("2 * x").alias("twice"))


@case
def intervals_negated_and_compared(spark):
    df = _deltas(spark)
    return df.select("id", (-F.col("x")).alias("neg"), (F.col("x") < F.expr("INTERVAL '1' DAY")).alias("lt"),
                     (F.col("x") == F.col("x")).alias("eq")).orderBy("id")


@case
def interval_divided_by_zero(spark):
    return spark.createDataFrame([(TD(days=1),)], "x interval day to second").select((F.col("x") / 0).alias("q"))


@case
def extract_from_day_time_intervals(spark):
    df = spark.createDataFrame([(TD(days=-1, hours=-2, minutes=3, seconds=4, microseconds=5),), (TD(days=2, hours=3, minutes=4, seconds=5),)],
                               "x interval day to second")
    return df.select(*[F.expr(f"date_part('{f}', x)") for f in ["DAY", "HOUR", "MINUTE", "SECOND"]], F.extract(L("days"), "x"))


@case
def extract_from_year_month_and_calendar_intervals(spark):
    return spark.range(1).selectExpr("extract(YEAR FROM INTERVAL '1-5' YEAR TO MONTH)", "extract(MONTH FROM INTERVAL '-1-5' YEAR TO MONTH)",
                                     *[f"extract({f} FROM make_interval(1, 2, 3, 4, 5, 6, 7.5))" for f in ["YEAR", "MONTH", "DAY", "HOUR",
                                                                                                           "MINUTE", "SECOND"]])


@case
def extract_field_an_interval_lacks(spark):
    return spark.createDataFrame([(TD(days=1),)], "x interval day to second").selectExpr("date_part('YEAR', x)")


@case
def extract_out_of_range_field(spark):
    return spark.createDataFrame([(TD(days=1),)], "x interval hour to second").selectExpr("date_part('DAY', x)")


@case
def interval_in_arrays_and_structs(spark):
    df = spark.createDataFrame([([TD(days=1), None], (TD(hours=2), 1))], "a array<interval day to second>, s struct<x:interval hour,y:int>")
    return df


@case
def interval_group_and_sort_keys(spark):
    df = spark.createDataFrame([(TD(days=1),), (TD(hours=2),), (TD(days=1),), (None,)], "x interval day to second")
    return df.groupBy("x").count().orderBy("x")


@case
def interval_to_pandas(spark):
    df = spark.createDataFrame([(TD(days=1, seconds=2),), (None,)], "x interval day to second")
    return str(df.toPandas().dtypes.to_dict()) + " " + repr(df.toPandas()["x"].tolist())
