"""Writer options of issue 10: CSV escapeQuotes=false and charToEscapeQuoteEscaping, and
JSON dateFormat / timestampFormat / timestampNTZFormat (the CSV writer's formatting)."""

import datetime

from harness import case
from pyspark.sql import functions as F

from cases._json_helpers import failure
from cases._write_helpers import fresh_path, observe, read_back

QUOTED = ['a"b', '"q"', "x,y", 'x,"y"', "a\\b", 'a\\"b', "", None, " s ", "nl\nx", '"', "\\", "'s'", "#c"]


def _strings(spark):
    return spark.createDataFrame([(i, v) for i, v in enumerate(QUOTED)], "id int, s string")


def _csv(spark, **options):
    p = fresh_path()
    _strings(spark).write.options(**options).csv(p)
    return observe(spark, p, "csv", read=False)


# --- CSV escapeQuotes ---------------------------------------------------------------------------


@case
def csv_escape_quotes_false(spark):
    return _csv(spark, escapeQuotes="false")


@case
def csv_escape_quotes_true(spark):
    return _csv(spark, escapeQuotes="true")


@case
def csv_escape_quotes_false_quote_all(spark):
    return _csv(spark, escapeQuotes="false", quoteAll="true")


@case
def csv_escape_quotes_false_rfc_escape(spark):
    return _csv(spark, escapeQuotes="false", escape='"')


@case
def csv_escape_quotes_false_other_quote(spark):
    return _csv(spark, escapeQuotes="false", quote="'")


@case
def csv_escape_quotes_false_header(spark):
    p = fresh_path()
    spark.createDataFrame([(1, 'v"w')], ['a"b', "c"]).write.csv(p, header=True, escapeQuotes=False)
    return observe(spark, p, "csv", read=False)


@case
def csv_escape_quotes_false_read_back(spark):
    p = fresh_path()
    _strings(spark).write.csv(p, escapeQuotes=False)
    return read_back(spark.read.schema("id int, s string").csv(p))


# --- CSV charToEscapeQuoteEscaping on write --------------------------------------------------------


@case
def csv_char_to_escape_quote_escaping(spark):
    return _csv(spark, charToEscapeQuoteEscaping="#")


@case
def csv_char_to_escape_quote_escaping_without_escape_quotes(spark):
    return _csv(spark, charToEscapeQuoteEscaping="#", escapeQuotes="false")


@case
def csv_char_to_escape_quote_escaping_quote_all(spark):
    return _csv(spark, charToEscapeQuoteEscaping="#", quoteAll="true")


@case
def csv_char_to_escape_quote_escaping_two_characters(spark):
    return failure(lambda: _csv(spark, charToEscapeQuoteEscaping="ab"))


# --- JSON datetime formats -----------------------------------------------------------------------------


def _datetimes(spark):
    df = spark.createDataFrame(
        [(1, datetime.date(2024, 1, 5), datetime.datetime(2024, 1, 5, 10, 11, 12, 123456)),
         (2, datetime.date(1, 1, 1), datetime.datetime(1970, 1, 1, 0, 0, 0)),
         (3, None, None)],
        "id int, d date, t timestamp")
    return df.withColumn("n", F.col("t").cast("timestamp_ntz"))


def _json(spark, df=None, **options):
    p = fresh_path()
    (df if df is not None else _datetimes(spark)).write.options(**options).json(p)
    return observe(spark, p, "json", read=False)


@case
def json_datetimes_default(spark):
    return _json(spark)


@case
def json_date_format(spark):
    return _json(spark, dateFormat="dd/MM/yyyy")


@case
def json_timestamp_format(spark):
    return _json(spark, timestampFormat="yyyy/MM/dd HH:mm")


@case
def json_timestamp_ntz_format(spark):
    return _json(spark, timestampNTZFormat="yyyy/MM/dd HH:mm:ss.SSS")


@case
def json_all_datetime_formats(spark):
    return _json(spark, dateFormat="MMM d, yyyy", timestampFormat="EEE yyyy-MM-dd HH:mm:ss.SSSSSS XXX", timestampNTZFormat="yyyy-MM-dd'T'HH:mm")


@case(conf={"spark.sql.session.timeZone": "America/Los_Angeles"})
def json_timestamp_format_in_session_zone(spark):
    return _json(spark, timestampFormat="yyyy-MM-dd HH:mm:ss XXX")


@case
def json_datetime_formats_keep_nulls(spark):
    return _json(spark, dateFormat="dd/MM/yyyy", timestampFormat="yyyy/MM/dd", ignoreNullFields="false")


@case
def json_date_format_read_back(spark):
    p = fresh_path()
    _datetimes(spark).write.json(p, dateFormat="dd/MM/yyyy", timestampFormat="dd/MM/yyyy HH:mm:ss")
    reader = spark.read.schema("id int, d date, t timestamp, n timestamp_ntz")
    return read_back(reader.json(p, dateFormat="dd/MM/yyyy", timestampFormat="dd/MM/yyyy HH:mm:ss"))


@case
def json_invalid_date_format(spark):
    return failure(lambda: _json(spark, dateFormat="yyyy-MM-dd qqqqq"))


@case
def json_week_based_timestamp_format(spark):
    return failure(lambda: _json(spark, timestampFormat="YYYY"))
