"""spark.read.csv's datetime options (issue 10): dateFormat, timestampFormat and
timestampNTZFormat (Java patterns) with a given schema and with inferSchema, values a
pattern rejects in each parse mode, enableDateTimeParsingFallback, preferDate, and
patterns Spark cannot build."""

from harness import case

from cases._csv_helpers import csv_file
from cases._json_helpers import failure

DATES = "05/01/2024,2024-01-05\n31/12/1999,x\n30/02/2024,2024-02-30\n,\n2024-01-05,5/1/2024\n"
STAMPS = "2024/01/05 10:11:12,2024-01-05T10:11:12\n2024/13/05 10:11:12,2024-01-05 10:11:12\n,\n2024/01/05 10:11:12+01:00,x\n"


def _dates(spark, mode="PERMISSIVE", **options):
    reader = spark.read.schema("a date, b date").option("dateFormat", "dd/MM/yyyy").option("mode", mode)
    return reader.options(**options).csv(csv_file(DATES))


def _stamps(spark, mode="PERMISSIVE", **options):
    reader = spark.read.schema("a timestamp, b timestamp").option("timestampFormat", "yyyy/MM/dd HH:mm:ss").option("mode", mode)
    return reader.options(**options).csv(csv_file(STAMPS))


def _inferred(spark, text, **options):
    return spark.read.option("inferSchema", True).options(**options).csv(csv_file(text))


# --- dateFormat with a given schema ---------------------------------------------------


@case
def date_format_permissive(spark):
    return _dates(spark)


@case
def date_format_dropmalformed(spark):
    return _dates(spark, "DROPMALFORMED")


@case
def date_format_failfast(spark):
    return failure(lambda: _dates(spark, "FAILFAST").collect())


@case
def date_format_failfast_all_good(spark):
    text = "05/01/2024\n29/02/2024\n"
    return spark.read.schema("a date").option("dateFormat", "dd/MM/yyyy").option("mode", "FAILFAST").csv(csv_file(text))


@case
def date_format_with_fallback(spark):
    return _dates(spark, enableDateTimeParsingFallback="true")


@case
def date_format_corrupt_record_column(spark):
    text = "05/01/2024,1\n2024-01-05,2\n,3\n"
    schema = "a date, n int, _corrupt_record string"
    return spark.read.schema(schema).option("dateFormat", "dd/MM/yyyy").csv(csv_file(text))


@case
def date_format_month_names(spark):
    text = "05 Jan 2024\n05 jan 2024\n5 Jan 2024\n31 Dec 1999\n"
    return spark.read.schema("a date").option("dateFormat", "dd MMM yyyy").csv(csv_file(text))


@case
def date_format_literal_text_and_nulls(spark):
    text = "day 05 of 01/2024,x\nday 5 of 1/2024,y\nNA,z\n"
    return spark.read.schema("a date, s string").option("dateFormat", "'day' dd 'of' MM/yyyy").option("nullValue", "NA").csv(csv_file(text))


@case
def date_format_with_header(spark):
    text = "d,n\n2024.01.05,1\n2024.1.5,2\n"
    return spark.read.schema("d date, n int").option("header", True).option("dateFormat", "yyyy.MM.dd").csv(csv_file(text))


@case
def date_format_same_as_default_no_fallback(spark):
    text = "2024-01-05\n2024-1-5\n2024-01-05 10:00:00\n"
    return spark.read.schema("a date").option("dateFormat", "yyyy-MM-dd").csv(csv_file(text))


@case
def date_format_leaves_strings_alone(spark):
    return spark.read.schema("a string, b string").option("dateFormat", "dd/MM/yyyy").csv(csv_file(DATES))


@case
def date_without_format_fallback_off(spark):
    text = "2024-01-05\n2024-1-5\n2024-01-05GMT\n"
    return spark.read.schema("a date").option("enableDateTimeParsingFallback", "false").csv(csv_file(text))


@case
def date_prefer_date_false_lenient(spark):
    text = "2024-01-05\n2024-1-5\n2024-01-05GMT\n 2024-01-05 \n2024-01-05T10:00\nx\n"
    return spark.read.schema("a date").option("preferDate", "false").csv(csv_file(text))


# --- timestampFormat with a given schema ----------------------------------------------


@case
def timestamp_format_permissive(spark):
    return _stamps(spark)


@case
def timestamp_format_dropmalformed(spark):
    return _stamps(spark, "DROPMALFORMED")


@case
def timestamp_format_failfast(spark):
    return failure(lambda: _stamps(spark, "FAILFAST").collect())


@case
def timestamp_format_with_fallback(spark):
    return _stamps(spark, enableDateTimeParsingFallback="true")


@case
def timestamp_format_fallback_drops_gmt_only(spark):
    text = "2024-01-05 10:00 GMT+1\n2024-01-05GMT\n05/01/2024\n"
    reader = spark.read.schema("a timestamp").option("timestampFormat", "dd/MM/yyyy").option("enableDateTimeParsingFallback", "true")
    return reader.csv(csv_file(text))


@case
def timestamp_format_zone_offsets(spark):
    text = "2024-01-05 10:00:00 +02:00,x\n2024-01-05 10:00:00 Z,y\n2024-01-05 10:00:00,z\n"
    return spark.read.schema("a timestamp, b string").option("timestampFormat", "yyyy-MM-dd HH:mm:ss XXX").csv(csv_file(text))


@case(conf={"spark.sql.session.timeZone": "America/Los_Angeles"})
def timestamp_format_in_session_zone(spark):
    text = "2024-07-01 12:00\n2024-01-01 12:00\n"
    df = spark.read.schema("a timestamp").option("timestampFormat", "yyyy-MM-dd HH:mm").csv(csv_file(text))
    return df.selectExpr("cast(a as string) AS a", "unix_timestamp(a) AS u")


@case
def timestamp_format_fractions(spark):
    text = "2024-01-05 10:00:00.123456\n2024-01-05 10:00:00.123\n2024-01-05 10:00:00\n"
    return spark.read.schema("a timestamp").option("timestampFormat", "yyyy-MM-dd HH:mm:ss[.SSSSSS]").csv(csv_file(text))


@case
def timestamp_format_am_pm(spark):
    text = "01/05/2024 02:30 PM\n01/05/2024 02:30 am\n13/05/2024 02:30 PM\n01/05/2024 14:30 PM\n"
    return spark.read.schema("a timestamp").option("timestampFormat", "MM/dd/yyyy hh:mm a").csv(csv_file(text))


@case
def timestamp_format_date_only_pattern(spark):
    text = "05.01.2024\n5.1.2024\n"
    return spark.read.schema("a timestamp").option("timestampFormat", "dd.MM.yyyy").csv(csv_file(text))


@case
def timestamp_without_format_fallback_off(spark):
    text = "2024-01-05 10:00\n2024-01-05GMT\n2024-01-05T10:00:00Z\n"
    return spark.read.schema("a timestamp").option("enableDateTimeParsingFallback", "false").csv(csv_file(text))


@case
def timestamp_format_corrupt_record_column(spark):
    text = "2024/01/05 10:11:12,1\n2024-01-05 10:11:12,2\n"
    schema = "t timestamp, n int, _corrupt_record string"
    return spark.read.schema(schema).option("timestampFormat", "yyyy/MM/dd HH:mm:ss").csv(csv_file(text))


# --- timestampNTZFormat -----------------------------------------------------------------


@case
def timestamp_ntz_format(spark):
    return spark.read.schema("a timestamp_ntz, b timestamp_ntz").option("timestampNTZFormat", "yyyy/MM/dd HH:mm:ss").csv(csv_file(STAMPS))


@case
def timestamp_ntz_format_rejects_zones(spark):
    text = "2024/01/05 10:11:12+01:00\n2024/01/05 10:11:12Z\n"
    return spark.read.schema("a timestamp_ntz").option("timestampNTZFormat", "yyyy/MM/dd HH:mm:ssXXX").csv(csv_file(text))


@case
def timestamp_ntz_format_dropmalformed(spark):
    text = "05/01/2024 10:00\n2024-01-05 10:00\n,\n"
    reader = spark.read.schema("a timestamp_ntz").option("timestampNTZFormat", "dd/MM/yyyy HH:mm").option("mode", "DROPMALFORMED")
    return reader.csv(csv_file(text))


@case
def timestamp_ntz_format_beside_timestamp(spark):
    text = "05/01/2024 10:00,05/01/2024 10:00\n"
    reader = spark.read.schema("a timestamp_ntz, b timestamp").option("timestampNTZFormat", "dd/MM/yyyy HH:mm")
    return reader.csv(csv_file(text))


# --- inference ----------------------------------------------------------------------------


@case
def infer_with_date_format(spark):
    return _inferred(spark, "05/01/2024,2024-01-05,05/01/2024\n31/12/1999,2024-01-06,2024-01-05\n", dateFormat="dd/MM/yyyy")


@case
def infer_with_date_format_prefer_date_false(spark):
    return _inferred(spark, "05/01/2024,2024-01-05\n31/12/1999,2024-01-06\n", dateFormat="dd/MM/yyyy", preferDate="false")


@case
def infer_prefer_date_false(spark):
    return _inferred(spark, "2024-01-05,2024-01-05 10:00:00\n2024-01-06,2024-01-05\n", preferDate="false")


@case
def infer_with_timestamp_format(spark):
    text = "2024/01/05 10:11:12,2024-01-05 10:11:12,2024-01-05\n2024/01/06 10:11:12,2024-01-05T10:11:12,2024-01-06\n"
    return _inferred(spark, text, timestampFormat="yyyy/MM/dd HH:mm:ss")


@case
def infer_with_timestamp_format_mixed(spark):
    text = "05.01.2024 10:00,2024-01-05,1\n06.01.2024 11:00,05.01.2024 10:00,x\n"
    return _inferred(spark, text, timestampFormat="dd.MM.yyyy HH:mm")


@case
def infer_dates_then_timestamps_with_timestamp_format(spark):
    return _inferred(spark, "2024-01-05\n05.01.2024 10:00\n", timestampFormat="dd.MM.yyyy HH:mm")


@case
def infer_dates_then_timestamps_default_date_format(spark):
    return _inferred(spark, "2024-01-05\n2024-01-05 10:11:12\n", dateFormat="yyyy-MM-dd")


@case
def infer_dates_then_timestamps_lenient_date_format(spark):
    return _inferred(spark, "2024-1-5\n2024-01-05 10:00:00\n", dateFormat="yyyy-M-d")


@case
def infer_dates_then_timestamps_custom_date_format(spark):
    return _inferred(spark, "05/01/2024\n2024-01-05 10:00:00\n", dateFormat="dd/MM/yyyy")


@case
def infer_timestamps_then_dates_custom_date_format(spark):
    return _inferred(spark, "2024-01-05 10:00:00\n05/01/2024\n", dateFormat="dd/MM/yyyy")


@case
def infer_with_timestamp_ntz_format_is_not_ntz(spark):
    return _inferred(spark, "2024/01/05 10:11:12\n", timestampNTZFormat="yyyy/MM/dd HH:mm:ss")


@case
def infer_with_date_format_and_header_and_nulls(spark):
    text = "d,t,n\n05/01/2024,05/01/2024 10:00,1\n,,\nNA,NA,2\n06/01/2024,06/01/2024 11:30,3\n"
    return _inferred(spark, text, header="true", nullValue="NA", dateFormat="dd/MM/yyyy", timestampFormat="dd/MM/yyyy HH:mm")


@case
def infer_date_format_dropmalformed(spark):
    return _inferred(spark, "05/01/2024\n2024-01-05\n", mode="DROPMALFORMED", dateFormat="dd/MM/yyyy")


@case
def infer_files_merge_dates_and_timestamps(spark):
    import os
    import tempfile

    d = tempfile.mkdtemp(prefix="pyrust-csv-")
    for name, text in {"a.csv": "05/01/2024\n", "b.csv": "2024-01-05 10:00:00\n"}.items():
        with open(os.path.join(d, name), "w") as f:
            f.write(text)
    return spark.read.option("inferSchema", True).option("dateFormat", "dd/MM/yyyy").csv(d).orderBy("_c0")


# --- patterns Spark cannot build -----------------------------------------------------------


@case
def invalid_date_format_reads_null(spark):
    return spark.read.schema("a date, b int").option("dateFormat", "yyyy-MM-dd qqqqq").csv(csv_file("2024-01-05,1\n,2\n"))


@case
def invalid_date_format_infers_timestamp(spark):
    return _inferred(spark, "2024-01-05\n", dateFormat="yyyy-MM-dd qqqqq")


@case
def invalid_timestamp_format_reads_null(spark):
    return spark.read.schema("a timestamp, b int").option("timestampFormat", "yyyy-MM-dd A").csv(csv_file("2024-01-05,1\n,2\n"))


@case
def invalid_timestamp_format_unused_column(spark):
    return spark.read.schema("a timestamp, b int").option("timestampFormat", "yyyy-MM-dd qqqqq").csv(csv_file("x,1\n")).select("b")


@case
def invalid_timestamp_ntz_format_reads_null(spark):
    return spark.read.schema("a timestamp_ntz").option("timestampNTZFormat", "yyyy-MM-dd qqqqq").csv(csv_file("2024-01-05\n"))


@case
def invalid_timestamp_format_inferring(spark):
    return _inferred(spark, "2024-01-05\n", timestampFormat="yyyy-MM-dd qqqqq")


@case
def invalid_timestamp_ntz_format_inferring(spark):
    return _inferred(spark, "2024-01-05\n", timestampNTZFormat="yyyy-MM-dd qqqqq")


@case
def week_based_date_format_upgrade_error(spark):
    return spark.read.schema("a date").option("dateFormat", "YYYY-MM-dd").csv(csv_file("2024-01-05\n"))


@case
def week_based_timestamp_format_upgrade_error(spark):
    return spark.read.schema("a timestamp").option("timestampFormat", "YYYY-MM-dd").csv(csv_file("2024-01-05\n"))


@case
def week_based_timestamp_format_null_values_only(spark):
    return spark.read.schema("a timestamp, b int").option("timestampFormat", "YYYY-MM-dd").csv(csv_file(",1\n"))


@case
def week_based_date_format_with_fallback(spark):
    reader = spark.read.schema("a date").option("dateFormat", "YYYY-MM-dd").option("enableDateTimeParsingFallback", "true")
    return reader.csv(csv_file("2024-01-05\n"))


@case
def week_based_timestamp_format_inferring(spark):
    return _inferred(spark, "2024-01-05\n", timestampFormat="YYYY-MM-dd")


# --- ANSI off changes nothing here -------------------------------------------------------------


@case(conf={"spark.sql.ansi.enabled": "false"})
def date_and_timestamp_formats_ansi_off(spark):
    text = "05/01/2024,05/01/2024 10:00\nx,y\n"
    reader = spark.read.schema("a date, b timestamp").option("dateFormat", "dd/MM/yyyy").option("timestampFormat", "dd/MM/yyyy HH:mm")
    return reader.csv(csv_file(text))


@case
def invalid_timestamp_format_without_inference(spark):
    return spark.read.option("timestampFormat", "yyyy-MM-dd qqqqq").csv(csv_file("2024-01-05\n"))


@case
def invalid_timestamp_format_empty_file(spark):
    return spark.read.option("timestampFormat", "yyyy-MM-dd qqqqq").csv(csv_file("\n\n"))


@case
def invalid_timestamp_ntz_format_without_inference(spark):
    return spark.read.option("timestampNTZFormat", "yyyy-MM-dd'").csv(csv_file("x\n"))


# --- from_csv shares the reader's converters ---------------------------------------------------


@case
def from_csv_timestamp_ntz_format_rejects_zones(spark):
    from pyspark.sql import functions as F

    df = spark.createDataFrame([("2024/01/05 10:11:12+01:00",), ("2024/01/05 10:11:12",)], "s string")
    parsed = F.from_csv("s", "a timestamp_ntz", {"timestampNTZFormat": "yyyy/MM/dd HH:mm:ss[XXX]"})
    return df.select(parsed.alias("r")).select("r.a")
