"""Random compositions of the date, time and interval functions (fixed seeds) over
random frames of dates, timestamps, TIMESTAMP_NTZ, day-time intervals, integers and
strings — NULLs, the first and last representable days, leap days, daylight saving
transitions, date strings in many shapes, garbage and unicode text. Most cases run with
ANSI off (a bad input is NULL there); some in a zone with daylight saving time; a few
with ANSI on over inputs that cannot fail."""

import datetime
import random

from harness import case
from pyspark.sql import functions as F

SEED = 7_0007
LEGACY = {"spark.sql.ansi.enabled": "false"}
LA_LEGACY = {"spark.sql.ansi.enabled": "false", "spark.sql.session.timeZone": "America/Los_Angeles"}
UTC = {"spark.sql.session.timeZone": "UTC"}
D = datetime.date
DT = datetime.datetime
TD = datetime.timedelta

DATES = [D(2024, 1, 2), D(2024, 2, 29), D(2023, 12, 31), D(1970, 1, 1), D(1969, 12, 31), D(2000, 3, 1), D(1582, 10, 15), D(9999, 12, 31),
         D(1, 1, 2), D(2024, 3, 10), D(2024, 11, 3), D(2021, 1, 3)]
TIMESTAMPS = [DT(2024, 1, 2, 3, 4, 5, 123456), DT(2024, 2, 29, 23, 59, 59, 999999), DT(1969, 12, 31, 23, 59, 59), DT(1970, 1, 1),
              DT(2024, 3, 10, 10, 30), DT(2024, 11, 3, 8, 30), DT(2000, 1, 1, 12), DT(2100, 7, 1, 12), DT(1900, 6, 15, 6, 7, 8),
              DT(2024, 12, 31, 23, 0), DT(9999, 12, 30, 0, 0)]
STRINGS = ["2024-01-02", "2024-1-2", "2024-01-02 03:04:05", "2024-01-02T03:04:05.123Z", "02/01/2024", "20240102", "2024-02-30", "",
           " 2024-01-02 ", "garbage", "日本 2024", "😀", "2024-01-02 03:04:05 America/Los_Angeles", "1999-12-31 23:59:59.999999",
           "2024", "2024-05", "Jan 2 2024", "2024-01-02T03:04:05", "+2024-01-02"]  # no time-only text: Spark gives it today's date
INTS = [0, 1, -1, 7, 31, -400, 12, 100, -13]
INTERVALS = [TD(days=1), TD(hours=-5, minutes=30), TD(0), TD(days=400, seconds=1, microseconds=1), TD(microseconds=-1), TD(days=-31)]
PATTERNS = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "dd/MM/yyyy", "yyyyMMdd", "MMM d yyyy", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "HH:mm:ss",
            "yyyy", "EEE, d MMM yyyy", "D", "QQQ yy", "hh:mm a"]
PARSE_PATTERNS = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "dd/MM/yyyy", "yyyyMMdd", "MMM d yyyy", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
                  "HH:mm:ss", "yyyy", "yyyy-M-d"]
UNITS = ["YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "HOUR", "MINUTE", "SECOND", "MILLISECOND", "MICROSECOND"]
FIELDS = ["YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "DOW", "DOW_ISO", "DOY", "HOUR", "MINUTE", "SECOND", "YEAROFWEEK"]
ZONES = ["UTC", "America/Los_Angeles", "Asia/Kolkata", "+02:00", "Europe/London"]


def _frame(spark, rng, rows=12):
    def pick(values):
        return None if rng.random() < 0.15 else rng.choice(values)

    data = [(i, pick(DATES), pick(TIMESTAMPS), pick(TIMESTAMPS), pick(STRINGS), pick(INTS), pick(INTERVALS)) for i in range(rows)]
    return spark.createDataFrame(data, "id int, d date, t timestamp, n timestamp_ntz, s string, i int, iv interval day to second")


# Expression builders: each returns a Column of the named kind.
def _date(rng, depth):
    options = [
        lambda: F.col("d"),
        lambda: F.to_date("s"),
        lambda: F.to_date("t"),
        lambda: F.date_add(_date(rng, depth + 1), rng.choice(INTS)),
        lambda: F.date_sub(_date(rng, depth + 1), F.col("i")),
        lambda: F.add_months(_date(rng, depth + 1), rng.choice(INTS)),
        lambda: F.last_day(_date(rng, depth + 1)),
        lambda: F.next_day(_date(rng, depth + 1), rng.choice(["Mon", "sunday", "FR"])),
        lambda: F.trunc(_date(rng, depth + 1), rng.choice(["year", "quarter", "month", "week", "day"])),
        lambda: F.to_date("s", rng.choice(PARSE_PATTERNS)),
        lambda: F.make_date(F.year("d"), F.lit(rng.randint(1, 12)), F.lit(rng.randint(1, 31))),
        lambda: F.date_from_unix_date(F.col("i")),
        lambda: F.to_date(_timestamp(rng, depth + 1)),
    ]
    return rng.choice(options[:3] if depth > 2 else options)()


def _timestamp(rng, depth):
    options = [
        lambda: F.col("t"),
        lambda: F.to_timestamp("s"),
        lambda: F.to_timestamp("s", rng.choice(PARSE_PATTERNS)),
        lambda: F.try_to_timestamp("s", F.lit(rng.choice(PARSE_PATTERNS))),
        lambda: F.date_trunc(rng.choice(["year", "month", "week", "day", "hour", "minute", "second"]), _timestamp(rng, depth + 1)),
        lambda: F.timestamp_add(rng.choice(UNITS), F.col("i"), _timestamp(rng, depth + 1)),
        lambda: F.from_utc_timestamp(_timestamp(rng, depth + 1), rng.choice(ZONES)),
        lambda: F.to_utc_timestamp(_timestamp(rng, depth + 1), rng.choice(ZONES)),
        lambda: F.timestamp_seconds(F.col("i") * 86400),
        lambda: F.timestamp_millis(F.unix_millis(_timestamp(rng, depth + 1))),
        lambda: F.make_timestamp(F.year("t"), F.month("t"), F.lit(rng.randint(1, 28)), F.hour("t"), F.lit(rng.randint(0, 59)),
                                 F.lit(rng.choice([0, 30, 59]))),
        lambda: F.to_timestamp(_date(rng, depth + 1)),
        lambda: _timestamp(rng, depth + 1) + F.col("iv"),
        lambda: _timestamp(rng, depth + 1) - F.col("iv"),
    ]
    return rng.choice(options[:2] if depth > 2 else options)()


def _integer(rng, depth):
    options = [
        lambda: F.year(_date(rng, depth + 1)),
        lambda: F.month(_date(rng, depth + 1)),
        lambda: F.dayofweek(_date(rng, depth + 1)),
        lambda: F.weekofyear(_date(rng, depth + 1)),
        lambda: F.weekday(_date(rng, depth + 1)),
        lambda: F.dayofyear(_date(rng, depth + 1)),
        lambda: F.hour(_timestamp(rng, depth + 1)),
        lambda: F.minute(F.col("n")),
        lambda: F.second(_timestamp(rng, depth + 1)),
        lambda: F.datediff(_date(rng, depth + 1), _date(rng, depth + 1)),
        lambda: F.unix_date(_date(rng, depth + 1)),
        lambda: F.unix_seconds(_timestamp(rng, depth + 1)),
        lambda: F.unix_timestamp("s", rng.choice(PARSE_PATTERNS)),
        lambda: F.timestamp_diff(rng.choice(UNITS), _timestamp(rng, depth + 1), _timestamp(rng, depth + 1)),
        lambda: F.date_part(F.lit(rng.choice(FIELDS)), _timestamp(rng, depth + 1)),
        lambda: F.extract(F.lit(rng.choice(["DAY", "HOUR", "MINUTE"])), F.col("iv")),
    ]
    return rng.choice(options)()


def _text(rng, depth):
    options = [
        lambda: F.date_format(_timestamp(rng, depth + 1), rng.choice(PATTERNS)),
        lambda: F.date_format(_date(rng, depth + 1), rng.choice(PATTERNS)),
        lambda: F.from_unixtime(F.unix_seconds(_timestamp(rng, depth + 1)), rng.choice(PATTERNS)),
        lambda: F.dayname(_date(rng, depth + 1)),
        lambda: F.monthname(_date(rng, depth + 1)),
        lambda: _timestamp(rng, depth + 1).cast("string"),
        lambda: (_timestamp(rng, depth + 1) - _timestamp(rng, depth + 1)).cast("string"),
        lambda: (F.col("iv") * rng.choice([2, -1, 1.5])).cast("string"),
        lambda: F.make_dt_interval(F.col("i"), F.lit(rng.randint(-3, 3))).cast("string"),
    ]
    return rng.choice(options)()


def _double(rng, depth):
    return F.months_between(_timestamp(rng, depth + 1), _date(rng, depth + 1), rng.random() < 0.5)


KINDS = [_date, _timestamp, _integer, _text, _double]


def _make(i, conf):
    def run(spark):
        rng = random.Random(SEED + i)
        df = _frame(spark, rng)
        exprs = [rng.choice(KINDS)(rng, 0).alias(f"c{k}") for k in range(5)]
        return df.select("id", *exprs).orderBy("id")

    run.__name__ = f"random_datetime_{i:02d}"
    return case(run, conf=conf)


for _i in range(60):
    _make(_i, LA_LEGACY if _i % 4 == 3 else LEGACY)


def _make_ansi(i):
    def run(spark):
        rng = random.Random(SEED + 1000 + i)
        df = _frame(spark, rng).where(F.col("d").isNotNull() & F.col("t").isNotNull())
        safe = [
            lambda: F.date_format("t", rng.choice(PATTERNS)),
            lambda: F.add_months("d", rng.choice(INTS)),
            lambda: F.datediff("d", F.to_date("t")),
            lambda: F.date_trunc(rng.choice(["month", "hour"]), "t"),
            lambda: F.weekofyear("d"),
            lambda: F.last_day("d"),
            lambda: F.timestamp_diff(rng.choice(UNITS), F.col("t"), F.col("n")),
            lambda: F.unix_micros("t"),
            lambda: F.date_part(F.lit(rng.choice(FIELDS)), F.col("n")),
        ]
        return df.select("id", *[rng.choice(safe)().alias(f"c{k}") for k in range(5)]).orderBy("id")

    run.__name__ = f"random_datetime_ansi_{i:02d}"
    return case(run, conf=UTC)


for _i in range(12):
    _make_ansi(_i)
