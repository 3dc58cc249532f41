"""spark.read.json's datetime options, read by the CSV reader's converters (issue 10):
timestampNTZFormat rejects text naming a zone, patterns Spark cannot build, and
enableDateTimeParsingFallback."""

from harness import case

from cases._json_helpers import failure, json_file

DATES = '{"a":"05/01/2024","b":"05/01/2024 10:00"}\n{"a":"2024-01-05","b":"2024-01-05 10:00"}\n{"a":"2024-1-5GMT","b":"2024-01-05GMT"}\n{"a":null,"b":""}\n'


def _read(spark, text=DATES, schema="a date, b timestamp", **options):
    return spark.read.schema(schema).options(**options).json(json_file(text))


@case
def json_date_and_timestamp_formats(spark):
    return _read(spark, dateFormat="dd/MM/yyyy", timestampFormat="dd/MM/yyyy HH:mm")


@case
def json_formats_with_fallback(spark):
    return _read(spark, dateFormat="dd/MM/yyyy", timestampFormat="dd/MM/yyyy HH:mm", enableDateTimeParsingFallback="true")


@case
def json_no_formats_fallback_off(spark):
    return _read(spark, enableDateTimeParsingFallback="false")


@case
def json_no_formats_lenient_dates(spark):
    text = '{"a":"2024-1-5"}\n{"a":" 2024-01-05 "}\n{"a":"2024-01-05T10:00"}\n{"a":"2024-01-05GMT"}\n{"a":"x"}\n'
    return _read(spark, text, "a date")


@case
def json_timestamp_ntz_format_rejects_zones(spark):
    text = '{"a":"2024/01/05 10:11:12+01:00"}\n{"a":"2024/01/05 10:11:12Z"}\n{"a":"2024/01/05 10:11:12"}\n'
    return _read(spark, text, "a timestamp_ntz", timestampNTZFormat="yyyy/MM/dd HH:mm:ss[XXX]")


@case
def json_invalid_date_format_reads_null(spark):
    return _read(spark, '{"a":"2024-01-05","n":1}\n', "a date, n int", dateFormat="yyyy-MM-dd qqqqq")


@case
def json_invalid_timestamp_format_reads_null(spark):
    return _read(spark, '{"b":"2024-01-05","n":1}\n', "b timestamp, n int", timestampFormat="yyyy-MM-dd A")


@case
def json_week_based_date_format(spark):
    return failure(lambda: _read(spark, '{"a":"2024-01-05"}\n', "a date", dateFormat="YYYY-MM-dd").collect())
