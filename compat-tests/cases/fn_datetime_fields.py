"""Parts of dates and times, calendar arithmetic and conversions: hour/minute/second,
weekofyear, weekday, dayname, monthname, last_day, next_day, add_months,
months_between, trunc, date_trunc, date_diff/dateadd, timestamp_add/timestamp_diff,
date_part/datepart/extract (every field name Spark accepts), make_date and
make_timestamp (and their _ltz/_ntz/try_ forms), from/to_utc_timestamp,
convert_timezone, and seconds/milliseconds/microseconds/days since the epoch — over
every input type Spark accepts or refuses, NULLs, edge dates, ANSI on and off, and in a
zone with daylight saving time."""

import datetime
import decimal

from harness import case
from pyspark.sql import functions as F

LEGACY = {"spark.sql.ansi.enabled": "false"}
UTC = {"spark.sql.session.timeZone": "UTC"}
LA = {"spark.sql.session.timeZone": "America/Los_Angeles"}
DT = datetime.datetime
D = datetime.date
L = F.lit


def _matrix(spark):
    return spark.createDataFrame(
        [(1, 2**40, 1.5, decimal.Decimal("1.25"), "2024-01-02 03:04:05", True, D(2024, 1, 2), DT(2024, 1, 2, 3, 4, 5, 123456),
          DT(2024, 1, 2, 3, 4, 5), bytearray(b"ab"), [1])],
        "i int, l bigint, d double, dec decimal(5,2), s string, b boolean, dt date, ts timestamp, ntz timestamp_ntz, bin binary, arr array<int>")


ACCEPTED = {"s", "dt", "ts", "ntz"}
REFUSED = ["i", "d", "b", "bin", "arr"]


def _times(spark):
    return spark.createDataFrame([(i, t) for i, t in enumerate([
        DT(2024, 1, 2, 3, 4, 5, 123456), DT(2024, 12, 31, 23, 59, 59, 999999), DT(1969, 12, 31, 23, 59, 59), DT(2000, 2, 29, 12),
        DT(2021, 1, 3, 0, 0), DT(2020, 12, 31), DT(1, 1, 1), DT(9999, 12, 31, 23, 59, 59), DT(2024, 3, 10, 10, 30), None])],
        "id int, t timestamp")


def _dates(spark):
    return spark.createDataFrame([(i, d) for i, d in enumerate([
        D(2024, 1, 2), D(2024, 2, 29), D(2023, 2, 28), D(2024, 12, 31), D(2021, 1, 3), D(2020, 12, 31), D(1, 1, 1),
        D(9999, 12, 31), D(1969, 12, 31), D(2024, 1, 31), None])], "id int, d date")


def _one_arg(name, fn):
    def matrix(spark):
        return _matrix(spark).select(*[fn(c) for c in ["s", "dt", "ts", "ntz"]], fn(L(None)))

    def refused(spark):
        return _matrix(spark).select(fn("i"))

    matrix.__name__ = f"{name}_signature_matrix"
    refused.__name__ = f"{name}_of_a_number_is_refused"
    case(matrix)
    case(refused)


for _name, _fn in {"hour": F.hour, "minute": F.minute, "second": F.second, "weekofyear": F.weekofyear, "weekday": F.weekday,
                   "dayname": F.dayname, "monthname": F.monthname, "last_day": F.last_day}.items():
    _one_arg(_name, _fn)


@case
def time_parts_of_timestamps(spark):
    return _times(spark).select("id", F.hour("t"), F.minute("t"), F.second("t"))


@case(conf=LA)
def time_parts_los_angeles(spark):
    return _times(spark).select("id", F.hour("t"), F.minute("t"), F.dayofmonth("t"), F.to_date("t"))


@case(conf={"spark.sql.session.timeZone": "Asia/Kolkata"})
def time_parts_half_hour_zone(spark):
    return _times(spark).select("id", F.hour("t"), F.minute("t"))


@case
def time_parts_of_strings(spark):
    df = spark.createDataFrame([("2024-01-02 03:04:05",), ("2024-01-02",), ("03:04",), (None,)], "s string")
    return df.select(F.hour("s"), F.minute("s"), F.second("s"))


@case
def time_parts_of_malformed_string_ansi(spark):
    return spark.createDataFrame([("garbage",)], "s string").select(F.hour("s"))


@case(conf=LEGACY)
def time_parts_of_malformed_string_legacy(spark):
    return spark.createDataFrame([("garbage",), ("2024-01-02 10:11:12",)], "s string").select(F.hour("s"), F.second("s"))


@case
def week_and_day_names(spark):
    return _dates(spark).select("id", F.weekofyear("d"), F.weekday("d"), F.dayname("d"), F.monthname("d"), F.last_day("d"),
                                F.dayofweek("d"))


@case
def next_day_names(spark):
    return _dates(spark).select("id", *[F.next_day("d", n) for n in ["Mon", "tuesday", "WE", "thu", "FRIDAY", "sa", "Sun"]])


@case
def next_day_unknown_name_ansi(spark):
    return _dates(spark).select(F.next_day("d", "xx"))


@case(conf=LEGACY)
def next_day_unknown_name_legacy(spark):
    return _dates(spark).select(F.next_day("d", "xx"), F.next_day("d", "Monday"))


@case
def next_day_unknown_name_on_null_dates(spark):
    return spark.createDataFrame([(None,)], "d date").select(F.next_day("d", "xx"))


@case
def next_day_name_column(spark):
    df = spark.createDataFrame([(D(2024, 1, 2), "Fri"), (D(2024, 1, 2), None), (D(2024, 1, 2), "tu")], "d date, n string")
    return df.select(F.expr("next_day(d, n)"))


@case
def add_months_clamps_days(spark):
    return _dates(spark).select("id", F.add_months("d", 1), F.add_months("d", -1), F.add_months("d", 12), F.add_months("d", -24),
                                F.add_months("d", 0))


@case
def add_months_column_and_types(spark):
    df = spark.createDataFrame([(D(2024, 1, 31), 1, 2.7, "3", None)], "d date, i int, x double, s string, n int")
    return df.select(F.add_months("d", "i"), F.add_months("d", F.col("x")), F.add_months("d", F.col("s")), F.add_months("d", "n"),
                     F.add_months("d", 1), F.add_months(F.lit("2024-05-31"), 1), F.add_months(F.lit(DT(2024, 5, 31, 23)), 1))


@case
def add_months_bigint_overflow_ansi(spark):
    return spark.createDataFrame([(D(2024, 1, 1), 2**40)], "d date, l bigint").select(F.add_months("d", F.col("l")))


@case
def months_between_values(spark):
    df = spark.createDataFrame([
        (DT(1997, 2, 28, 10, 30), D(1996, 10, 30)), (DT(2024, 1, 31), D(2024, 2, 29)), (DT(2024, 3, 31), D(2024, 2, 29)),
        (DT(2024, 3, 15, 12), D(2024, 1, 1)), (DT(2024, 1, 1), D(2024, 3, 15)), (DT(2024, 1, 1), None)], "a timestamp, b date")
    return df.select(F.months_between("a", "b"), F.months_between("a", "b", False), F.months_between("b", "a"))


@case(conf=LA)
def months_between_los_angeles(spark):
    df = spark.createDataFrame([(DT(2024, 3, 10, 12), DT(2024, 2, 1, 12)), (DT(2024, 11, 3, 23), DT(2024, 10, 3))], "a timestamp, b timestamp")
    return df.select(F.months_between("a", "b"), F.months_between("a", "b", False))


@case
def months_between_of_strings_and_refused(spark):
    return spark.range(1).select(F.months_between(F.lit("2024-03-01"), F.lit("2024-01-15")))


@case
def months_between_of_a_number_is_refused(spark):
    return _matrix(spark).select(F.months_between("i", "dt"))


@case
def trunc_units(spark):
    return _dates(spark).select("id", *[F.trunc("d", u) for u in ["year", "YYYY", "yy", "quarter", "month", "MM", "mon", "week"]])


@case
def trunc_units_without_meaning_are_null(spark):
    return _dates(spark).select(*[F.trunc("d", u) for u in ["day", "dd", "hour", "x", ""]])


@case
def trunc_of_timestamps_and_strings(spark):
    return _matrix(spark).select(F.trunc("ts", "month"), F.trunc("s", "year"), F.trunc("ntz", "week"))


@case
def date_trunc_units(spark):
    return _times(spark).select("id", *[F.date_trunc(u, "t") for u in ["year", "quarter", "month", "week", "day", "hour", "minute",
                                                                        "second", "millisecond", "microsecond"]])


@case
def date_trunc_unit_spellings(spark):
    return _times(spark).select(*[F.date_trunc(u, "t") for u in ["YYYY", "yy", "MM", "mon", "DD", "HOUR", "x"]])


@case(conf=LA)
def date_trunc_los_angeles(spark):
    return _times(spark).select("id", *[F.date_trunc(u, "t") for u in ["year", "month", "week", "day", "hour", "minute"]])


@case(conf={"spark.sql.session.timeZone": "Asia/Kathmandu"})
def date_trunc_quarter_hour_zone(spark):
    return _times(spark).select("id", F.date_trunc("hour", "t"), F.date_trunc("day", "t"))


@case
def date_trunc_of_dates_strings_and_ntz(spark):
    return _matrix(spark).select(F.date_trunc("hour", "dt"), F.date_trunc("minute", "s"), F.date_trunc("day", "ntz"))


@case
def date_diff_and_dateadd(spark):
    df = _matrix(spark)
    return df.select(F.date_diff("s", "dt"), F.date_diff("ts", F.lit("2023-01-01")), F.dateadd("dt", 10), F.dateadd("ts", F.col("i")),
                     F.datediff("ntz", "dt"))


@case
def date_diff_of_a_number_is_refused(spark):
    return _matrix(spark).select(F.date_diff("i", "dt"))


UNITS = ["YEAR", "quarter", "MONTH", "WEEK", "DAY", "dayofyear", "HOUR", "MINUTE", "SECOND", "MILLISECOND", "MICROSECOND"]


@case
def timestamp_add_units(spark):
    df = spark.createDataFrame([(DT(2024, 1, 31, 3, 4, 5, 123456), 1), (DT(2024, 2, 29, 23, 59, 59), -13), (None, 1), (DT(2024, 1, 1), None)],
                               "t timestamp, q int")
    return df.select(*[F.timestamp_add(u, F.col("q"), F.col("t")) for u in UNITS])


@case(conf=LA)
def timestamp_add_across_daylight_saving(spark):
    df = spark.createDataFrame([(DT(2024, 3, 9, 18, 30),), (DT(2024, 11, 2, 17, 30),)], "t timestamp")
    return df.select("t", F.timestamp_add("DAY", F.lit(1), F.col("t")), F.timestamp_add("HOUR", F.lit(24), F.col("t")),
                     F.timestamp_add("MONTH", F.lit(1), F.col("t")))


@case
def timestamp_add_types(spark):
    df = _matrix(spark)
    return df.select(F.timestamp_add("DAY", F.col("d"), F.col("ts")), F.timestamp_add("DAY", F.col("dec"), F.col("ts")),
                     F.timestamp_add("DAY", F.col("i"), F.col("dt")), F.timestamp_add("DAY", F.col("i"), F.col("s")),
                     F.timestamp_add("DAY", F.col("i"), F.col("ntz")))


@case
def timestamp_add_overflow(spark):
    return _matrix(spark).select(F.timestamp_add("DAY", F.col("l"), F.col("ts")))


@case
def timestamp_add_unknown_unit(spark):
    return _matrix(spark).select(F.timestamp_add("FORTNIGHT", F.col("i"), F.col("ts")))


@case
def timestamp_add_of_a_number_is_refused(spark):
    return _matrix(spark).select(F.timestamp_add("DAY", F.col("i"), F.col("i")))


@case
def timestamp_diff_units(spark):
    df = spark.createDataFrame([
        (DT(2024, 1, 31, 12), DT(2024, 2, 29, 11)), (DT(2024, 1, 31, 12), DT(2024, 2, 29, 13)), (DT(2024, 3, 1), DT(2023, 2, 28, 1)),
        (DT(2020, 2, 29), DT(2024, 2, 28, 23, 59, 59, 999999)), (DT(2024, 1, 1), DT(2024, 1, 1, 0, 0, 0, 1)), (None, DT(2024, 1, 1))],
        "a timestamp, b timestamp")
    return df.select(*[F.timestamp_diff(u, F.col("a"), F.col("b")) for u in UNITS if u != "dayofyear"])


@case(conf=LA)
def timestamp_diff_across_daylight_saving(spark):
    df = spark.createDataFrame([(DT(2024, 3, 9, 12), DT(2024, 3, 11, 12))], "a timestamp, b timestamp")
    return df.select(F.timestamp_diff("HOUR", F.col("a"), F.col("b")), F.timestamp_diff("DAY", F.col("a"), F.col("b")))


@case
def timestamp_diff_types(spark):
    df = _matrix(spark)
    return df.select(F.timestamp_diff("DAY", F.col("dt"), F.col("ts")), F.timestamp_diff("HOUR", F.col("s"), F.col("ts")),
                     F.timestamp_diff("MINUTE", F.col("ntz"), F.col("ts")), F.timestamp_diff("SECOND", F.col("ntz"), F.col("ntz")))


@case
def timestamp_diff_unknown_unit(spark):
    return _matrix(spark).select(F.timestamp_diff("x", F.col("dt"), F.col("ts")))


@case
def timestampadd_and_diff_in_sql(spark):
    return _matrix(spark).selectExpr("timestampadd(HOUR, 2, ts)", "timestampdiff(MONTH, dt, ts)", "timestampadd(MONTH, -1, dt)")


FIELDS = ["YEAR", "y", "years", "yr", "yrs", "YEAROFWEEK", "QUARTER", "qtr", "MONTH", "mon", "mons", "months", "WEEK", "w", "weeks",
          "DAY", "d", "days", "DAYOFWEEK", "dow", "DAYOFWEEK_ISO", "dow_iso", "DOY", "HOUR", "h", "hours", "hr", "hrs", "MINUTE", "m",
          "min", "mins", "minutes", "SECOND", "s", "sec", "seconds", "secs"]


@case
def date_part_every_field(spark):
    return _times(spark).select("id", *[F.date_part(L(f), F.col("t")) for f in FIELDS])


@case
def date_part_of_dates(spark):
    return _dates(spark).select("id", *[F.date_part(L(f), F.col("d")) for f in ["YEAR", "YEAROFWEEK", "WEEK", "DOW", "DOY", "DAYOFWEEK_ISO"]])


@case
def extract_and_datepart_names(spark):
    df = _matrix(spark)
    return df.select(F.extract(L("YEAR"), "dt"), F.extract(L("second"), "ts"), F.datepart(L("MONTH"), "s"), F.datepart(L("hour"), "ntz"),
                     F.date_part(L("doy"), "ntz"))


@case(conf=LA)
def extract_hour_los_angeles(spark):
    return _times(spark).select(F.extract(L("HOUR"), "t"), F.extract(L("SECOND"), "t"), F.extract(L("DAY"), "t"))


@case
def extract_in_sql(spark):
    return _matrix(spark).selectExpr("extract(YEAR FROM ts)", "extract(DOY FROM dt)", "date_part('week', dt)", "datepart('h', ts)")


@case
def extract_unknown_field(spark):
    return _matrix(spark).select(F.date_part(L("epoch"), "ts"))


@case
def extract_field_not_a_literal(spark):
    return _matrix(spark).select(F.date_part(F.col("s"), "ts"))


@case
def extract_from_a_number_is_refused(spark):
    return _matrix(spark).select(F.extract(L("YEAR"), "i"))


@case
def make_date_values(spark):
    df = spark.createDataFrame([(2024, 2, 29), (1, 1, 1), (9999, 12, 31), (2024, 1, None)], "y int, m int, d int")
    return df.select(F.make_date("y", "m", "d"))


@case
def make_date_invalid_ansi(spark):
    return spark.range(1).select(F.make_date(L(2023), L(2), L(29)))


@case
def make_date_invalid_month_ansi(spark):
    return spark.range(1).select(F.make_date(L(2023), L(13), L(1)))


@case(conf=LEGACY)
def make_date_invalid_legacy(spark):
    df = spark.createDataFrame([(2023, 2, 29), (2023, 13, 1), (2023, 4, 31), (2023, 4, 30)], "y int, m int, d int")
    return df.select(F.make_date("y", "m", "d"))


@case
def make_date_types(spark):
    df = _matrix(spark)
    return df.select(F.make_date(L(2024), F.col("i"), F.col("d")), F.make_date(F.col("dec"), L(1), L(1)), F.make_date(L("2024"), L(3), L(4)))


@case
def make_date_of_boolean_is_refused(spark):
    return _matrix(spark).select(F.make_date("b", "i", "i"))


@case
def make_timestamp_values(spark):
    df = spark.createDataFrame([(2024, 1, 2, 3, 4, decimal.Decimal("5.123456")), (2024, 1, 2, 3, 4, decimal.Decimal("60")),
                                (2024, 12, 31, 23, 59, decimal.Decimal("60")), (2024, 1, 2, 3, 4, None)],
                               "y int, mo int, d int, h int, mi int, s decimal(8,6)")
    return df.select(F.make_timestamp("y", "mo", "d", "h", "mi", "s"), F.make_timestamp_ltz("y", "mo", "d", "h", "mi", "s"),
                     F.make_timestamp_ntz("y", "mo", "d", "h", "mi", "s"), F.make_timestamp("y", "mo", "d", "h", "mi", "s", L("Asia/Tokyo")))


@case(conf=LA)
def make_timestamp_los_angeles(spark):
    df = spark.createDataFrame([(2024, 3, 10, 2, 30, 0), (2024, 11, 3, 1, 30, 0), (2024, 7, 1, 12, 0, 0)],
                               "y int, mo int, d int, h int, mi int, s int")
    return df.select(F.make_timestamp("y", "mo", "d", "h", "mi", "s").cast("long"), F.make_timestamp_ntz("y", "mo", "d", "h", "mi", "s"),
                     F.make_timestamp("y", "mo", "d", "h", "mi", "s", L("UTC")).cast("long"))


@case
def make_timestamp_fraction_of_second_ansi(spark):
    return spark.range(1).select(F.make_timestamp(L(2024), L(1), L(2), L(3), L(4), L(60.5)))


@case
def make_timestamp_bad_hour_ansi(spark):
    return spark.range(1).select(F.make_timestamp(L(2024), L(1), L(2), L(24), L(4), L(5)))


@case(conf=LEGACY)
def make_timestamp_invalid_legacy(spark):
    return spark.range(1).select(F.make_timestamp(L(2024), L(1), L(2), L(24), L(4), L(5)), F.make_timestamp(L(2024), L(2), L(30), L(1), L(4), L(5)),
                                 F.make_timestamp(L(2024), L(1), L(2), L(3), L(4), L(61)))


@case
def make_timestamp_bad_zone(spark):
    return spark.range(1).select(F.make_timestamp(L(2024), L(1), L(2), L(3), L(4), L(5), L("Bad/Zone")))


@case
def try_make_timestamp_invalid_is_null(spark):
    return spark.range(1).select(F.try_make_timestamp(L(2024), L(13), L(2), L(3), L(4), L(5)),
                                 F.try_make_timestamp_ntz(L(2024), L(1), L(2), L(3), L(4), L(61)),
                                 F.try_make_timestamp_ltz(L(2024), L(1), L(2), L(3), L(4), L(5), L("UTC")),
                                 F.try_make_timestamp(L(2024), L(1), L(2), L(3), L(4), L(5.25)))


@case
def try_make_timestamp_bad_zone_still_fails(spark):
    return spark.range(1).select(F.try_make_timestamp(L(2024), L(1), L(2), L(3), L(4), L(5), L("Bad/Zone")))


@case
def make_timestamp_nullability(spark):
    return spark.range(1).select(F.make_timestamp(L(2024), L(1), L(2), L(3), L(4), L(5)), F.make_timestamp(L(2024), L(1), L(2), L(3), L(4), L(5.5)),
                                 F.make_date(L(2024), L(1), L(2)))


@case
def from_and_to_utc_timestamp(spark):
    df = _times(spark)
    return df.select("id", F.from_utc_timestamp("t", "America/Los_Angeles"), F.to_utc_timestamp("t", "America/Los_Angeles"),
                     F.from_utc_timestamp("t", "+05:30"), F.to_utc_timestamp("t", "Asia/Tokyo"), F.from_utc_timestamp("t", "PST"),
                     F.from_utc_timestamp("t", "GMT+1"))


@case(conf=LA)
def from_utc_timestamp_in_a_zoned_session(spark):
    return _times(spark).select("id", F.from_utc_timestamp("t", "UTC"), F.to_utc_timestamp("t", "Europe/Paris"))


@case
def from_utc_timestamp_types(spark):
    return _matrix(spark).select(F.from_utc_timestamp("s", "PST"), F.from_utc_timestamp("dt", "+08:00"), F.from_utc_timestamp("ntz", "UTC"),
                                 F.to_utc_timestamp("s", F.lit(None).cast("string")))


@case
def from_utc_timestamp_zone_column(spark):
    df = spark.createDataFrame([(DT(2024, 1, 2), "Asia/Tokyo"), (DT(2024, 1, 2), None), (DT(2024, 7, 2), "America/New_York")],
                               "t timestamp, z string")
    return df.select(F.from_utc_timestamp("t", F.col("z")), F.to_utc_timestamp("t", F.col("z")))


@case
def from_utc_timestamp_bad_zone(spark):
    return _matrix(spark).select(F.from_utc_timestamp("ts", "Bad/Zone"))


@case(conf=LEGACY)
def from_utc_timestamp_bad_zone_legacy(spark):
    return _matrix(spark).select(F.to_utc_timestamp("ts", "Bad/Zone"))


@case
def from_utc_timestamp_of_a_number_is_refused(spark):
    return _matrix(spark).select(F.from_utc_timestamp("i", "UTC"))


@case
def convert_timezone_values(spark):
    df = _matrix(spark)
    return df.select(F.convert_timezone(L("Europe/Brussels"), L("America/Los_Angeles"), F.col("ntz")),
                     F.convert_timezone(None, L("America/Los_Angeles"), F.col("ntz")),
                     F.convert_timezone(None, L("Asia/Tokyo"), F.col("ts")), F.convert_timezone(L("+02:00"), L("UTC"), F.col("s")))


@case(conf=LA)
def convert_timezone_from_session_zone(spark):
    df = _matrix(spark)
    return df.select(F.convert_timezone(None, L("UTC"), F.col("ntz")), F.convert_timezone(None, L("UTC"), F.col("ts")))


@case
def convert_timezone_bad_zone(spark):
    return _matrix(spark).select(F.convert_timezone(None, L("Bad"), F.col("ntz")))


@case
def convert_timezone_in_sql(spark):
    return _matrix(spark).selectExpr("convert_timezone('Europe/Brussels', 'America/Los_Angeles', ntz)", "convert_timezone('UTC', ntz)")


@case
def epoch_conversions(spark):
    df = spark.createDataFrame([(0,), (1704164645,), (-1,), (None,)], "s bigint")
    return df.select(F.timestamp_seconds("s"), F.timestamp_millis("s"), F.timestamp_micros("s"),
                     F.unix_seconds(F.timestamp_seconds("s")), F.unix_millis(F.timestamp_millis("s")), F.unix_micros(F.timestamp_micros("s")))


@case
def epoch_conversions_of_fractions(spark):
    df = spark.createDataFrame([(1.5, decimal.Decimal("1.25")), (-1.5, decimal.Decimal("-0.001")), (float("nan"), None),
                                (float("inf"), None)], "d double, m decimal(10,3)")
    return df.select(F.timestamp_seconds("d"), F.timestamp_seconds("m"))


@case
def epoch_conversions_truncate_toward_the_past(spark):
    df = spark.createDataFrame([(DT(1969, 12, 31, 23, 59, 59, 500000),), (DT(1969, 12, 31, 23, 59, 59, 999500),), (DT(1, 1, 1),)], "t timestamp")
    return df.select(F.unix_seconds("t"), F.unix_millis("t"), F.unix_micros("t"))


@case
def timestamp_seconds_overflow(spark):
    return spark.range(1).select(F.timestamp_seconds(L(2**62)))


@case
def timestamp_millis_overflow(spark):
    return spark.range(1).select(F.timestamp_millis(L(2**62)))


@case
def timestamp_seconds_of_string_is_refused(spark):
    return _matrix(spark).select(F.timestamp_seconds("s"))


@case
def timestamp_millis_of_double_is_refused(spark):
    return _matrix(spark).select(F.timestamp_millis("d"))


@case
def unix_seconds_of_date_is_refused(spark):
    return _matrix(spark).select(F.unix_seconds("dt"))


@case
def unix_seconds_of_ntz_is_refused(spark):
    return _matrix(spark).select(F.unix_micros("ntz"))


@case
def unix_date_and_back(spark):
    return _dates(spark).select("id", F.unix_date("d"), F.date_from_unix_date(F.unix_date("d")))


@case
def unix_date_of_timestamp_is_refused(spark):
    return _matrix(spark).select(F.unix_date("ts"))


@case
def date_from_unix_date_types(spark):
    return _matrix(spark).select(F.date_from_unix_date("i"), F.date_from_unix_date("d"), F.date_from_unix_date("dec"),
                                 F.date_from_unix_date(L(None)), F.date_from_unix_date(L(-719162)))


@case
def date_from_unix_date_bigint_overflow(spark):
    return _matrix(spark).select(F.date_from_unix_date("l"))


@case
def epoch_functions_of_null(spark):
    return spark.range(1).select(F.timestamp_seconds(L(None)), F.timestamp_millis(L(None)), F.unix_seconds(L(None)), F.unix_date(L(None)))


@case
def field_functions_nullability(spark):
    df = spark.range(1).select(L(DT(2024, 1, 2, 3, 4, 5)).alias("t"), L(D(2024, 1, 31)).alias("d"), L(1).alias("n"))
    return df.select(F.hour("t"), F.weekday("d"), F.dayname("d"), F.last_day("d"), F.next_day("d", "Mon"), F.add_months("d", "n"),
                     F.months_between("t", "d"), F.trunc("d", "month"), F.date_trunc("hour", "t"), F.timestamp_add("DAY", F.col("n"), F.col("t")),
                     F.timestamp_diff("DAY", F.col("d"), F.col("t")), F.date_part(L("YEAR"), "t"), F.unix_seconds("t"), F.timestamp_seconds("n"),
                     F.from_utc_timestamp("t", "UTC"), F.unix_date("d"), F.date_from_unix_date("n"))


@case(conf=LEGACY)
def field_functions_nullability_legacy(spark):
    df = spark.range(1).select(L(DT(2024, 1, 2, 3, 4, 5)).alias("t"), L(D(2024, 1, 31)).alias("d"), L(1).alias("n"))
    return df.select(F.next_day("d", "Mon"), F.make_date("n", "n", "n"), F.timestamp_add("DAY", F.col("n"), F.col("t")),
                     F.make_timestamp("n", "n", "n", "n", "n", "n"))


@case
def field_functions_in_sql(spark):
    return _matrix(spark).selectExpr("hour(ts)", "weekofyear(dt)", "dayname(s)", "last_day(dt)", "next_day(dt, 'FR')", "add_months(dt, 2)",
                                     "months_between(ts, dt)", "trunc(dt, 'MM')", "date_trunc('HOUR', ts)", "make_date(2024, 5, 6)",
                                     "make_timestamp(2024, 5, 6, 7, 8, 9.5)", "from_utc_timestamp(ts, 'UTC')", "unix_seconds(ts)",
                                     "date_from_unix_date(1)", "dateadd(dt, 1)", "date_diff(dt, '2023-12-25')")


@case
def three_argument_dateadd_and_datediff_in_sql(spark):
    return _matrix(spark).selectExpr("dateadd(DAY, 1, ts)", "date_add(HOUR, 2, ts)", "datediff(DAY, dt, ts)", "date_diff(MONTH, dt, ts)",
                                     "timestampadd(day, 1, dt)")


@case
def timestampadd_quoted_unit_in_sql(spark):
    return _matrix(spark).selectExpr("timestampadd('DAY', 1, dt)")
