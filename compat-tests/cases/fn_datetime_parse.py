"""Reading dates and timestamps: `to_timestamp`, `to_date`, `to_timestamp_ntz`,
`to_timestamp_ltz` and `try_to_timestamp`, with a Java pattern (java.time's strict
parse: fixed widths, adjacent fields, fractions, text in any case, offsets and zones in
the text, optional sections, Spark's defaults for missing fields) and without one (Spark's
cast rules for date and timestamp strings); ANSI errors against NULL with ANSI off; the
session time zone, also across daylight saving gaps and overlaps; `current_*`; zones
whose daylight saving time continues past 2037."""

import datetime

from harness import case
from pyspark.sql import functions as F

LEGACY = {"spark.sql.ansi.enabled": "false"}
UTC = {"spark.sql.session.timeZone": "UTC"}
LA = {"spark.sql.session.timeZone": "America/Los_Angeles"}
LA_LEGACY = dict(LA, **LEGACY)
DT = datetime.datetime

# pattern -> texts: valid ones and ones java.time refuses.
PARSES = {
    "iso_date": ("yyyy-MM-dd", ["2024-01-02", "2024-1-2", "2024-02-30", "2023-02-29", "2024-02-29", " 2024-01-02", "2024-01-02 ",
                                "24-01-02", "+12024-01-02", "-0001-01-01", "0000-01-01", "2024-13-01", "2024-00-10", "", "2024/01/02"]),
    "short_fields": ("yyyy-M-d", ["2024-1-2", "2024-01-02", "2024-001-002", "2024-1-32"]),
    "adjacent": ("yyyyMMdd", ["20240102", "2024012", "202401023", "120240102"]),
    "adjacent_time": ("yyyyMMddHHmmss", ["20240102030405", "2024010203040"]),
    "date_time": ("yyyy-MM-dd HH:mm:ss", ["2024-01-02 03:04:05", "2024-01-02 24:00:00", "2024-01-02 23:60:00",
                                          "2024-01-02 3:04:05", "2024-01-02T03:04:05"]),
    "millis": ("yyyy-MM-dd HH:mm:ss.SSS", ["2024-01-02 03:04:05.1", "2024-01-02 03:04:05.123", "2024-01-02 03:04:05.1234",
                                           "2024-01-02 03:04:05", "2024-01-02 03:04:05."]),
    "micros": ("yyyy-MM-dd HH:mm:ss.SSSSSS", ["2024-01-02 03:04:05.123456", "2024-01-02 03:04:05.1234567"]),
    "iso_offset": ("yyyy-MM-dd'T'HH:mm:ssXXX", ["2024-01-02T03:04:05+01:00", "2024-01-02T03:04:05Z", "2024-01-02T03:04:05-0800",
                                               "2024-01-02t03:04:05z"]),
    "offset_z": ("yyyy-MM-dd HH:mm:ss Z", ["2024-01-02 03:04:05 +0100", "2024-01-02 03:04:05 +01:00", "2024-01-02 03:04:05 +0000"]),
    "offset_x": ("yyyy-MM-dd HH:mm:ss X", ["2024-01-02 03:04:05 +01", "2024-01-02 03:04:05 +0130", "2024-01-02 03:04:05 Z"]),
    "am_pm": ("dd/MM/yyyy hh:mm a", ["02/01/2024 03:04 PM", "02/01/2024 12:04 am", "02/01/2024 13:04 PM", "02/01/2024 00:04 AM"]),
    "month_names": ("dd MMM yyyy", ["02 Jan 2024", "02 jan 2024", "02 JAN 2024", "02 January 2024", "2 Jan 2024"]),
    "full_month": ("MMMM d, yyyy", ["January 2, 2024", "june 30, 2024", "Jun 30, 2024"]),
    "two_digit_year": ("yy-MM-dd", ["24-01-02", "99-12-31", "00-01-01", "2024-01-02"]),
    "year_only": ("yyyy", ["2024", "999", "10000"]),
    "no_year": ("MM-dd", ["01-02", "02-29", "13-01"]),
    "time_only": ("HH:mm", ["03:04", "25:00"]),
    "clock_hour": ("hh", ["12", "00", "13"]),
    "day_of_year": ("yyyy-DDD", ["2024-060", "2023-366", "2024-366"]),
    "zone_id": ("yyyy-MM-dd HH:mm:ss VV", ["2024-07-02 03:04:05 America/Los_Angeles", "2024-07-02 03:04:05 UTC",
                                           "2024-07-02 03:04:05 +05:30", "2024-07-02 03:04:05 Europe/Paris"]),
    "zone_name": ("yyyy-MM-dd HH:mm:ss z", ["2024-07-02 03:04:05 PST", "2024-07-02 03:04:05 UTC", "2024-07-02 03:04:05 America/New_York",
                                            "2024-07-02 03:04:05 EST", "2024-01-02 03:04:05 CET"]),
    "localized_offset": ("yyyy-MM-dd HH:mm:ss O", ["2024-01-02 03:04:05 GMT+8", "2024-01-02 03:04:05 GMT", "2024-01-02 03:04:05 GMT+05:30"]),
    "optional": ("yyyy[-MM[-dd]]", ["2024", "2024-05", "2024-05-06", "2024-05-"]),
    "era": ("G yyyy-MM-dd", ["AD 2024-01-02", "BC 0001-01-01"]),
    "pm_alone": ("yyyy-MM-dd a", ["2024-01-02 PM", "2024-01-02 AM"]),
    "quoted": ("'T'HH", ["T05", "t05"]),
    "day_only": ("dd", ["02", "31"]),
}


def _parse_case(name, pattern, texts, conf, suffix):
    def run(spark):
        df = spark.createDataFrame([(i, t) for i, t in enumerate(texts)], "id int, s string")
        return df.select("id", "s", F.to_timestamp("s", pattern), F.to_date("s", pattern), F.unix_timestamp("s", pattern),
                         F.to_timestamp_ntz("s", F.lit(pattern)), F.try_to_timestamp("s", F.lit(pattern)))

    run.__name__ = f"parse_{name}_{suffix}"
    return case(run, conf=conf)


for _name, (_pattern, _texts) in PARSES.items():
    _parse_case(_name, _pattern, _texts, LEGACY, "legacy")
for _name in ["iso_date", "date_time", "iso_offset", "zone_id", "zone_name", "am_pm"]:
    _pattern, _texts = PARSES[_name]
    _parse_case(_name, _pattern, _texts, LA_LEGACY, "los_angeles_legacy")


def _ansi_case(name, pattern, text, function):
    def run(spark):
        return spark.createDataFrame([(text,)], "s string").select(function("s", pattern))

    run.__name__ = f"parse_fails_ansi_{name}"
    return case(run)


# Under ANSI a text that does not parse fails the query: CANNOT_PARSE_TIMESTAMP.
for _name, _pattern, _text, _fn in [
    ("to_timestamp_short_field", "yyyy-MM-dd", "2024-1-2", F.to_timestamp),
    ("to_timestamp_invalid_date", "yyyy-MM-dd", "2024-02-30", F.to_timestamp),
    ("to_timestamp_trailing_text", "yyyy-MM-dd", "2024-01-02 x", F.to_timestamp),
    ("to_date_missing_time", "yyyy-MM-dd HH:mm", "2024-01-02", F.to_date),
    ("unix_timestamp_bad_month", "dd MMM yyyy", "02 Foo 2024", F.unix_timestamp),
    ("to_timestamp_hour_25", "HH:mm", "25:00", F.to_timestamp),
]:
    _ansi_case(_name, _pattern, _text, _fn)


@case
def parse_ansi_ok_without_bad_rows(spark):
    df = spark.createDataFrame([("2024-01-02",), (None,)], "s string")
    return df.select(F.to_timestamp("s", "yyyy-MM-dd"), F.to_date("s", "yyyy-MM-dd"), F.unix_timestamp("s", "yyyy-MM-dd"))


@case
def parse_ansi_ntz_fails(spark):
    return spark.createDataFrame([("2024-1-2",)], "s string").select(F.to_timestamp_ntz("s", F.lit("yyyy-MM-dd")))


@case
def try_to_timestamp_never_fails(spark):
    df = spark.createDataFrame([("2024-01-02",), ("2024-1-2",), ("garbage",), (None,)], "s string")
    return df.select(F.try_to_timestamp("s", F.lit("yyyy-MM-dd")), F.try_to_timestamp("s"))


@case
def parse_skipped_where_a_condition_excludes_the_row(spark):
    df = spark.createDataFrame([("2024-01-02",), ("bad",)], "s string")
    return df.select(F.when(F.col("s") != "bad", F.to_timestamp("s", "yyyy-MM-dd")).alias("t"))


@case
def parse_pattern_column(spark):
    df = spark.createDataFrame([("2024-01-02", "yyyy-MM-dd"), ("02/01/2024", "dd/MM/yyyy"), ("2024", None)], "s string, p string")
    return df.select(F.to_timestamp_ntz("s", "p"), F.try_to_timestamp("s", "p"), F.to_unix_timestamp("s", "p"))


@case(conf=LA)
def parse_across_daylight_saving_los_angeles(spark):
    df = spark.createDataFrame([("2024-03-10 01:59:59",), ("2024-03-10 02:30:00",), ("2024-03-10 03:00:00",),
                                ("2024-11-03 00:59:59",), ("2024-11-03 01:30:00",), ("2024-11-03 02:00:00",),
                                ("2100-07-01 12:00:00",)], "s string")
    return df.select("s", F.to_timestamp("s", "yyyy-MM-dd HH:mm:ss").alias("t")).select(
        "s", "t", F.col("t").cast("long"), F.unix_timestamp("s", "yyyy-MM-dd HH:mm:ss"))


# Patterns that cannot parse: E, F, Q, q print but do not parse; week-based letters.
BAD_PARSE_PATTERNS = {"day_name": "EEE yyyy", "quarter": "yyyy Q", "stand_alone_quarter": "q", "aligned_week_day": "F",
                      "week_based_year": "YYYY", "hash": "#", "offset_six": "XXXXXX"}


def _bad_parse_case(name, pattern):
    def run(spark):
        return spark.createDataFrame([("2024",)], "s string").select(F.to_timestamp("s", pattern))

    run.__name__ = f"parse_refuses_{name}"
    return case(run)


for _name, _pattern in BAD_PARSE_PATTERNS.items():
    _bad_parse_case(_name, _pattern)


@case
def try_to_timestamp_bad_pattern_still_fails(spark):
    return spark.createDataFrame([("2024",)], "s string").select(F.try_to_timestamp("s", F.lit("EEE")))


# Without a pattern: Spark's cast rules.
CAST_TEXTS = ["2024-01-02", "2024-1-2", "2024-01-02 03:04:05", "2024-01-02T03:04:05", "2024-01-02 03:04:05.123456789",
              "2024-01-02 03:04:05.1", " 2024-01-02 ", "2024", "2024-05", "2024-01-02 03:04", "2024-01-02 03",
              "2024-01-02T03:04:05Z", "2024-01-02T03:04:05+01:00", "2024-01-02 03:04:05 UTC", "2024-01-02 03:04:05America/Los_Angeles",
              "2024-01-02 03:04:05 +0100", "2024-01-02 03:04:05-08", "2024-01-02 garbage", "2024-01-02garbage", "+2024-01-02",
              "2024-01-02 24:00:00", "2024-02-30", "2024-01-02 3:4:5", "2024-01-02T", "\t2024-01-02\n", "2024-01-02 03:04:05.",
              "2024-01-02 03:04:05,123", "20240102", "", "2024-01-02 03:04:05 GMT+8", "2024-01-02 03:04:05.123+05:30", "999-01-02",
              "2024-01-2T1:2:3", "2024-01-02 03:04:05 Not/AZone", None]


@case(conf=LEGACY)
def to_timestamp_without_pattern_legacy(spark):
    df = spark.createDataFrame([(i, t) for i, t in enumerate(CAST_TEXTS)], "id int, s string")
    return df.select("id", "s", F.to_timestamp("s"), F.to_date("s"), F.to_timestamp_ntz("s"), F.to_timestamp_ltz("s"))


@case(conf=LA_LEGACY)
def to_timestamp_without_pattern_los_angeles(spark):
    df = spark.createDataFrame([(i, t) for i, t in enumerate(CAST_TEXTS)], "id int, s string")
    return df.select("id", F.to_timestamp("s").cast("string"), F.to_date("s"), F.to_timestamp_ntz("s"))


@case
def to_timestamp_without_pattern_ansi_fails(spark):
    return spark.createDataFrame([("2024-01-02garbage",)], "s string").select(F.to_timestamp("s"))


@case
def to_date_without_pattern_ansi_fails(spark):
    return spark.createDataFrame([("2024-02-30",)], "s string").select(F.to_date("s"))


@case
def to_timestamp_ntz_without_pattern_ansi_fails(spark):
    return spark.createDataFrame([("03:04:05",)], "s string").select(F.to_timestamp_ntz("s"))


@case
def try_to_timestamp_without_pattern(spark):
    df = spark.createDataFrame([("2024-01-02 03:04:05",), ("nope",), (None,)], "s string")
    return df.select(F.try_to_timestamp("s"))


@case
def to_timestamp_of_numbers(spark):
    df = spark.createDataFrame([(1, 1.5, 2**31, -1.25)], "i int, d double, l bigint, n double")
    return df.select(F.to_timestamp("i"), F.to_timestamp("d"), F.to_timestamp("l"), F.to_timestamp("n"), F.to_timestamp_ltz("i"),
                     F.try_to_timestamp("d"))


@case
def to_timestamp_of_decimal(spark):
    import decimal

    return spark.range(1).select(F.lit(decimal.Decimal("1.25")).alias("x")).select(F.to_timestamp("x"))


@case
def to_timestamp_of_dates_and_timestamps(spark):
    df = spark.createDataFrame([(datetime.date(2024, 1, 2), DT(2024, 1, 2, 3, 4, 5, 6), DT(2024, 1, 2, 3, 4, 5))],
                               "d date, t timestamp, n timestamp_ntz")
    return df.select(F.to_timestamp("d"), F.to_timestamp("t"), F.to_timestamp("n"), F.to_timestamp("d", "yyyy"),
                     F.to_date("t"), F.to_date("n"), F.to_date("t", "yyyy"), F.to_timestamp_ntz("t"), F.to_timestamp_ntz("d"),
                     F.unix_timestamp("t", "yyyy"))


@case(conf=LA)
def to_timestamp_of_dates_and_timestamps_los_angeles(spark):
    df = spark.createDataFrame([(datetime.date(2024, 1, 2), DT(2024, 1, 2, 3, 4, 5, 6), DT(2024, 1, 2, 3, 4, 5))],
                               "d date, t timestamp, n timestamp_ntz")
    return df.select(F.to_timestamp("d").cast("long"), F.to_timestamp("n").cast("long"), F.to_date("t"), F.to_timestamp_ntz("t"))


@case
def to_date_of_numbers_ansi_fails(spark):
    return spark.createDataFrame([(1,)], "i int").select(F.to_date("i"))


@case(conf=LEGACY)
def to_date_of_numbers_and_booleans_legacy(spark):
    return spark.createDataFrame([(1, True)], "i int, b boolean").select(F.to_date("i"), F.to_date("b"), F.to_timestamp("b"))


@case
def to_timestamp_of_boolean_ansi_fails(spark):
    return spark.createDataFrame([(True,)], "b boolean").select(F.to_timestamp("b"))


@case
def try_to_timestamp_of_boolean_and_binary(spark):
    return spark.createDataFrame([(True, bytearray(b"2024-01-02"))], "b boolean, x binary").select(
        F.try_to_timestamp("b"), F.try_to_timestamp("x"), F.try_to_timestamp("x", F.lit("yyyy-MM-dd")))


@case
def to_timestamp_of_array_is_refused(spark):
    return spark.createDataFrame([([1],)], "a array<int>").select(F.to_timestamp("a"))


@case
def to_date_of_array_is_refused(spark):
    return spark.createDataFrame([([1],)], "a array<int>").select(F.to_date("a", "yyyy"))


@case
def to_timestamp_of_null(spark):
    return spark.range(1).select(F.to_timestamp(F.lit(None)), F.to_date(F.lit(None), "yyyy"), F.to_timestamp_ntz(F.lit(None)),
                                 F.try_to_timestamp(F.lit(None)))


@case
def parse_nullability_ansi(spark):
    df = spark.range(1).select(F.lit("2024-01-02").alias("s"), F.lit(datetime.date(2024, 1, 2)).alias("d"))
    return df.select(F.to_timestamp("s"), F.to_timestamp("s", "yyyy-MM-dd"), F.to_date("s"), F.to_date("s", "yyyy-MM-dd"),
                     F.to_date("d"), F.to_timestamp("d"), F.to_timestamp_ntz("s"), F.try_to_timestamp("s"),
                     F.unix_timestamp("s", "yyyy-MM-dd"), F.unix_timestamp("d"))


@case(conf=LEGACY)
def parse_nullability_legacy(spark):
    df = spark.range(1).select(F.lit("2024-01-02").alias("s"), F.lit(datetime.date(2024, 1, 2)).alias("d"))
    return df.select(F.to_timestamp("s", "yyyy-MM-dd"), F.to_date("s", "yyyy-MM-dd"), F.to_date("d"),
                     F.unix_timestamp("s", "yyyy-MM-dd"), F.unix_timestamp("d"))


@case
def parse_functions_in_sql(spark):
    df = spark.createDataFrame([("2024-01-02 03:04:05",)], "s string")
    return df.selectExpr("to_timestamp(s)", "to_timestamp(s, 'yyyy-MM-dd HH:mm:ss')", "to_date(s, 'yyyy-MM-dd HH:mm:ss')",
                         "to_timestamp_ntz(s)", "try_to_timestamp('x')", "to_date('2024-05-06')", "DATE '2024-05-06'",
                         "TIMESTAMP_NTZ '2024-05-06 07:08:09'")


@case
def invalid_date_literal_in_sql(spark):
    return spark.range(1).selectExpr("DATE '2024-13-01'")


# The moment the query starts, the session's zone.
@case
def current_functions_types_and_names(spark):
    return spark.range(1).select(F.current_date(), F.current_timestamp(), F.now(), F.localtimestamp(), F.curdate(),
                                 F.current_timezone()).schema.simpleString()


@case
def current_functions_agree_within_a_query(spark):
    df = spark.range(3).select(F.current_timestamp().alias("a"), F.now().alias("b"), F.current_date().alias("d"),
                               F.expr("current_timestamp()").alias("c"))
    return df.select((F.col("a") == F.col("b")).alias("same"), (F.col("a") == F.col("c")).alias("same_sql"),
                     (F.to_date("a") == F.col("d")).alias("today"), (F.col("a") > F.lit(DT(2024, 1, 1))).alias("recent"))


@case(conf=UTC)
def current_timezone_utc(spark):
    return spark.range(1).select(F.current_timezone())


@case(conf=LA)
def current_timezone_and_local_time_los_angeles(spark):
    df = spark.range(1).select(F.current_timezone().alias("z"), F.localtimestamp().alias("l"), F.current_timestamp().alias("t"))
    return df.select("z", (F.col("l") == F.col("t").cast("timestamp_ntz")).alias("local_is_wall_clock"))


@case
def current_functions_in_sql(spark):
    return spark.range(1).selectExpr("current_date() = current_date", "current_timestamp() = now()",
                                     "curdate() = current_date()").select(F.col("*"))


# Daylight saving time keeps going after 2037 (java.time extrapolates the zone's rules).
FAR = [DT(2037, 7, 1, 12), DT(2038, 1, 19, 3, 14, 8), DT(2038, 7, 1, 12), DT(2100, 7, 1, 12), DT(2100, 1, 1, 12),
       DT(2500, 3, 14, 10, 30), DT(9999, 7, 1, 12)]


@case(conf=LA)
def far_future_daylight_saving_los_angeles(spark):
    df = spark.createDataFrame([(t,) for t in FAR], "t timestamp")
    return df.select("t", F.col("t").cast("string"), F.date_format("t", "yyyy-MM-dd HH:mm z XXX"), F.hour("t"),
                     F.to_date("t"))


@case(conf={"spark.sql.session.timeZone": "Australia/Sydney"})
def far_future_daylight_saving_sydney(spark):
    df = spark.createDataFrame([(t,) for t in FAR], "t timestamp")
    return df.select("t", F.col("t").cast("string"), F.date_format("t", "HH:mm zzzz"))


@case(conf={"spark.sql.session.timeZone": "Europe/London"})
def far_future_strings_to_timestamps_london(spark):
    df = spark.createDataFrame([("2100-07-01 12:00:00",), ("2100-03-28 01:30:00",), ("2100-10-31 01:30:00",)], "s string")
    return df.select("s", F.col("s").cast("timestamp").cast("long"), F.to_timestamp("s", "yyyy-MM-dd HH:mm:ss").cast("long"))
