"""Java datetime patterns: `date_format` over a table of patterns (every letter Spark
accepts, widths, quotes, optional sections, offsets and zone names) in UTC and in zones
with daylight saving time and half-hour offsets; the pattern errors Spark raises
(week-based letters, letters it disables, patterns java.time refuses, with or without
SimpleDateFormat's blessing); `from_unixtime` and `unix_timestamp`."""

import datetime

from harness import case
from pyspark.sql import functions as F

LEGACY = {"spark.sql.ansi.enabled": "false"}
# Set explicitly where the zone shows: after a case that sets a zone, the recorder's
# session falls back to the JVM's own zone (`Etc/UTC`, which `VV` prints).
UTC = {"spark.sql.session.timeZone": "UTC"}
LA = {"spark.sql.session.timeZone": "America/Los_Angeles"}
KOLKATA = {"spark.sql.session.timeZone": "Asia/Kolkata"}
SYDNEY = {"spark.sql.session.timeZone": "Australia/Sydney"}
DT = datetime.datetime

TIMESTAMPS = [DT(2024, 1, 2, 3, 4, 5, 123456), DT(1969, 12, 31, 23, 59, 59, 999999), DT(2024, 7, 1, 12, 0, 0),
              DT(1, 1, 1, 0, 0, 0), DT(9999, 12, 31, 23, 59, 59, 999999), DT(2000, 2, 29, 13, 30, 0, 5000),
              DT(1582, 10, 10, 0, 0), DT(2024, 12, 31, 0, 0, 0, 1), None]

# At least 40 patterns (issue 7's done-when), grouped by what they exercise.
PATTERNS = {
    "common": ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "MM/dd/yyyy", "dd.MM.yy", "yyyyMMdd", "HH:mm:ss.SSS", "hh:mm a",
               "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"],
    "text": ["EEEE, MMMM d, yyyy", "E MMM dd HH:mm:ss z yyyy", "EEE", "MMM", "MMMM", "LLL LLLL", "G", "GGGG yyyy", "a"],
    "numbers": ["D", "DD", "DDD", "d dd", "M MM", "L LL", "H HH", "k kk", "K KK", "h hh", "m mm", "s ss", "F", "g"],
    "years": ["y", "yy", "yyy", "yyyy", "yyyyy", "yyyyyy", "uuuu", "G y", "G yy"],
    "quarters": ["Q", "QQ", "QQQ", "QQQQ", "q", "qq", "qqq", "qqqq"],
    "fractions": ["S", "SS", "SSS", "SSSS", "SSSSS", "SSSSSS", "SSSSSSS", "SSSSSSSS", "SSSSSSSSS"],
    "offsets": ["X", "XX", "XXX", "XXXX", "XXXXX", "x", "xx", "xxx", "xxxx", "xxxxx", "Z", "ZZ", "ZZZ", "ZZZZ", "ZZZZZ",
                "O", "OOOO"],
    "zones": ["z", "zz", "zzz", "zzzz", "v", "vvvv", "VV"],
    "literals": ["'literal' yyyy", "yyyy ''''", "yyyy 'o''clock'", "hh 'o''clock' a", "'T'HH", "yyyy/MM/dd - HH.mm",
                 "[yyyy][-MM]", "yyyy[ HH:mm[:ss]]", "'['yyyy']'", "yyyy-MM-dd HH:mm:ss.SSSSSS"],
}


def _timestamps(spark):
    return spark.createDataFrame([(i, t) for i, t in enumerate(TIMESTAMPS)], "id int, t timestamp")


def _pattern_case(group, patterns, conf, suffix):
    def run(spark):
        return _timestamps(spark).select("id", *[F.date_format("t", p) for p in patterns])

    run.__name__ = f"date_format_{group}_{suffix}"
    return case(run, conf=conf)


for _group, _patterns in PATTERNS.items():
    _pattern_case(_group, _patterns, UTC, "utc")
for _group in ["common", "text", "numbers", "offsets", "zones", "literals"]:
    _pattern_case(_group, PATTERNS[_group], LA, "los_angeles")
for _group in ["offsets", "zones"]:
    _pattern_case(_group, PATTERNS[_group], KOLKATA, "kolkata")
    _pattern_case(_group, PATTERNS[_group], SYDNEY, "sydney")


@case
def date_format_of_dates_strings_and_ntz(spark):
    df = spark.createDataFrame([(datetime.date(2024, 3, 5), "2024-03-05 10:11:12", DT(2024, 3, 5, 10, 11, 12)), (None, None, None)],
                               "d date, s string, n timestamp_ntz")
    return df.select(F.date_format("d", "yyyy-MM-dd HH:mm EEE"), F.date_format("s", "dd/MM/yyyy HH:mm"),
                     F.date_format("n", "yyyy-MM-dd HH:mm:ss"))


@case(conf=LA)
def date_format_of_dates_and_ntz_los_angeles(spark):
    df = spark.createDataFrame([(datetime.date(2024, 3, 10), DT(2024, 3, 10, 2, 30))], "d date, n timestamp_ntz")
    return df.select(F.date_format("d", "yyyy-MM-dd HH:mm XXX"), F.date_format("n", "yyyy-MM-dd HH:mm XXX z"))


@case
def date_format_of_malformed_string_ansi(spark):
    return spark.createDataFrame([("2024-01-02",), ("garbage",)], "s string").select(F.date_format("s", "yyyy"))


@case(conf=LEGACY)
def date_format_of_malformed_string_legacy(spark):
    return spark.createDataFrame([("2024-01-02",), ("garbage",), (None,)], "s string").select(F.date_format("s", "yyyy"))


@case
def date_format_of_a_number_is_refused(spark):
    return spark.createDataFrame([(1,)], "i int").select(F.date_format("i", "yyyy"))


@case
def date_format_of_a_boolean_is_refused(spark):
    return spark.createDataFrame([(True,)], "b boolean").select(F.date_format("b", "yyyy"))


@case
def date_format_pattern_column(spark):
    df = spark.createDataFrame([(DT(2024, 1, 2, 3, 4, 5), "yyyy"), (DT(2024, 1, 2, 3, 4, 5), "HH:mm"), (DT(2024, 1, 2), None),
                                (None, "yyyy")], "t timestamp, p string")
    return df.select(F.expr("date_format(t, p)"))


@case
def date_format_bad_pattern_column(spark):
    df = spark.createDataFrame([(DT(2024, 1, 2), "yyyy"), (DT(2024, 1, 2), "e")], "t timestamp, p string")
    return df.select(F.expr("date_format(t, p)"))


@case
def date_format_in_sql_expressions(spark):
    return _timestamps(spark).selectExpr("date_format(t, 'yyyy-MM-dd')", "date_format(t, \"HH 'h' mm\") AS hm",
                                         "date_format(date'2024-05-06', 'EEEE')")


@case
def date_format_of_null_pattern(spark):
    return _timestamps(spark).select(F.date_format("t", F.lit(None).cast("string")))


@case
def date_format_nullability(spark):
    return spark.range(1).select(F.date_format(F.lit(DT(2024, 1, 2)), "yyyy"), F.date_format(F.current_timestamp(), "'x'"))


# Patterns Spark refuses, each with its error class.
BAD_PATTERNS = {
    "week_based_e": "e", "week_based_c": "c", "week_based_year": "YYYY", "week_of_year": "ww", "week_of_month": "W",
    "day_number_u": "u", "illegal_n": "n", "illegal_N": "N", "illegal_A": "A", "illegal_B": "B", "illegal_p": "p",
    "narrow_month": "MMMMM", "narrow_era": "GGGGG", "narrow_day": "EEEEE", "narrow_quarter": "QQQQQ",
    "year_of_seven": "yyyyyyy", "too_many_d": "ddd", "too_many_H": "HHH", "too_many_a": "aa", "too_many_F": "FF",
    "zone_id_one_letter": "V", "zone_id_three": "VVV", "localized_offset_two": "OO", "offset_six": "XXXXXX",
    "zone_name_five": "zzzzz", "generic_zone_two": "vv", "unknown_letter": "b", "unknown_letter_t": "t",
    "unterminated_quote": "yyyy-MM-dd'T", "close_without_open": "yyyy]", "reserved_hash": "#", "reserved_brace": "{",
    "quoted_letters_are_fine_but_outer_e": "'yyyy' e",
}


def _bad_pattern_case(name, pattern):
    def run(spark):
        return spark.createDataFrame([(DT(2024, 1, 2),)], "t timestamp").select(F.date_format("t", pattern))

    run.__name__ = f"date_format_refuses_{name}"
    return case(run)


for _name, _pattern in BAD_PATTERNS.items():
    _bad_pattern_case(_name, _pattern)


@case
def date_format_refused_on_empty_frame(spark):
    return spark.createDataFrame([], "t timestamp").select(F.date_format("t", "n"))


@case
def date_format_refused_on_parse_side_only(spark):
    # E, F, Q and q print, but cannot parse.
    return spark.createDataFrame([(DT(2024, 1, 2),)], "t timestamp").select(F.date_format("t", "E F Q q"))


# from_unixtime: seconds since the epoch printed in the session zone.
def _seconds(spark):
    return spark.createDataFrame([(0,), (1704164645,), (-1,), (2**40,), (253402300799,), (-62135596800,), (None,)], "s bigint")


@case
def from_unixtime_default_pattern(spark):
    return _seconds(spark).select("s", F.from_unixtime("s"))


@case
def from_unixtime_with_pattern(spark):
    return _seconds(spark).select(F.from_unixtime("s", "yyyy-MM-dd'T'HH:mm:ssXXX"), F.from_unixtime("s", "EEE, d MMM yyyy"))


@case(conf=LA)
def from_unixtime_los_angeles(spark):
    return _seconds(spark).select(F.from_unixtime("s"), F.from_unixtime("s", "z Z"))


@case
def from_unixtime_of_numbers(spark):
    df = spark.createDataFrame([(1, 1.9, "100", 2)], "i int, d double, s string, b tinyint")
    return df.select(F.from_unixtime("i"), F.from_unixtime("d"), F.from_unixtime("s"), F.from_unixtime("b"))


@case
def from_unixtime_of_malformed_string_ansi(spark):
    return spark.createDataFrame([("x",)], "s string").select(F.from_unixtime("s"))


@case(conf=LEGACY)
def from_unixtime_of_malformed_string_legacy(spark):
    return spark.createDataFrame([("x",), ("5",)], "s string").select(F.from_unixtime("s"))


@case
def from_unixtime_of_date_is_refused(spark):
    return spark.createDataFrame([(datetime.date(2024, 1, 1),)], "d date").select(F.from_unixtime("d"))


@case
def from_unixtime_in_sql(spark):
    return spark.range(1).selectExpr("from_unixtime(0)", "from_unixtime(86400, 'dd MMM')", "from_unixtime(NULL)")


@case
def from_unixtime_bad_pattern(spark):
    return _seconds(spark).select(F.from_unixtime("s", "yyyy-ww"))


# unix_timestamp / to_unix_timestamp.
@case
def unix_timestamp_of_strings(spark):
    df = spark.createDataFrame([("2024-01-02 03:04:05",), ("1970-01-01 00:00:00",), (None,)], "s string")
    return df.select(F.unix_timestamp("s"), F.unix_timestamp("s", "yyyy-MM-dd HH:mm:ss"), F.to_unix_timestamp("s"))


@case
def unix_timestamp_with_pattern(spark):
    df = spark.createDataFrame([("02/01/2024",), ("31/12/1969",)], "s string")
    return df.select(F.unix_timestamp("s", "dd/MM/yyyy"), F.to_unix_timestamp("s", F.lit("dd/MM/yyyy")))


@case(conf=LA)
def unix_timestamp_los_angeles(spark):
    df = spark.createDataFrame([("2024-01-02 03:04:05",), ("2024-07-02 03:04:05",), ("2024-03-10 02:30:00",), ("2024-11-03 01:30:00",)],
                               "s string")
    return df.select("s", F.unix_timestamp("s"))


@case
def unix_timestamp_of_dates_and_timestamps(spark):
    df = spark.createDataFrame([(datetime.date(2024, 1, 2), DT(2024, 1, 2, 3, 4, 5, 999999), DT(2024, 1, 2, 3, 4, 5))],
                               "d date, t timestamp, n timestamp_ntz")
    return df.select(F.unix_timestamp("d"), F.unix_timestamp("t"), F.unix_timestamp("n"), F.to_unix_timestamp("d"))


@case
def unix_timestamp_of_malformed_ansi(spark):
    return spark.createDataFrame([("2024-01-02",)], "s string").select(F.unix_timestamp("s"))


@case(conf=LEGACY)
def unix_timestamp_of_malformed_legacy(spark):
    return spark.createDataFrame([("2024-01-02",), ("garbage",), ("2024-01-02 03:04:05",)], "s string").select(F.unix_timestamp("s"))


@case
def unix_timestamp_of_a_number_is_refused(spark):
    return spark.createDataFrame([(1,)], "i int").select(F.unix_timestamp("i"))


@case
def unix_timestamp_of_null(spark):
    return spark.range(1).select(F.unix_timestamp(F.lit(None)), F.to_unix_timestamp(F.lit(None)))


@case
def unix_timestamp_now_is_a_recent_bigint(spark):
    df = spark.range(2).select(F.unix_timestamp().alias("u"), F.expr("unix_timestamp()").alias("v"))
    return df.select((F.col("u") > 1700000000).alias("recent"), (F.col("u") == F.col("v")).alias("same"))


@case
def unix_timestamp_now_schema(spark):
    return spark.range(1).select(F.unix_timestamp(), F.expr("unix_timestamp()")).schema.simpleString()


@case
def unix_timestamp_in_sql(spark):
    return spark.range(1).selectExpr("unix_timestamp('2024-01-02 03:04:05')", "to_unix_timestamp('02.01.2024', 'dd.MM.yyyy')",
                                     "unix_timestamp(date'2024-01-02')")


@case
def unix_timestamp_bad_pattern(spark):
    return spark.createDataFrame([("2024",)], "s string").select(F.unix_timestamp("s", "YYYY"))
