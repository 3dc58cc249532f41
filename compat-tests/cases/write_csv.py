"""df.write.csv: the bytes Spark writes (quoting, escapes, white space, value formats,
options) and the files' layout, read back by each side's own reader."""

import datetime
import decimal

from harness import case
from pyspark.sql import functions as F

from cases._write_helpers import fresh_path, observe


def _strings(spark):
    vals = ["a b", " lead", "trail ", 'q"uote', "x,y", "nl\nx", "", None, "a\\b", 'a\\"b', "\\", '"', "#c", " ", "\t x \t",
            "a;b", "é😀", "'s'"]
    return spark.createDataFrame([(i, v) for i, v in enumerate(vals)], "id int, s string")


@case
def csv_default_strings(spark):
    p = fresh_path()
    _strings(spark).write.csv(p)
    return observe(spark, p, "csv", read=False)


@case
def csv_header_sep_quote_escape_null(spark):
    p = fresh_path()
    _strings(spark).write.csv(p, header=True, sep=";", quote="'", escape="|", nullValue="NULL")
    return observe(spark, p, "csv", read=False)


@case
def csv_whitespace_kept_and_empty_value(spark):
    p = fresh_path()
    _strings(spark).write.option("ignoreLeadingWhiteSpace", False).option("ignoreTrailingWhiteSpace", "false") \
        .option("emptyValue", "E").csv(p)
    return observe(spark, p, "csv", read=False)


@case
def csv_quote_all(spark):
    p = fresh_path()
    _strings(spark).write.csv(p, quoteAll=True)
    return observe(spark, p, "csv", read=False)


@case
def csv_rfc_escape_and_crlf(spark):
    p = fresh_path()
    _strings(spark).write.csv(p, escape='"', lineSep="\r\n")
    return observe(spark, p, "csv", read=False)


@case
def csv_multi_char_separator(spark):
    p = fresh_path()
    _strings(spark).write.csv(p, sep="::", quote="'")
    return observe(spark, p, "csv", read=False)


@case
def csv_plain_values_read_back(spark):
    p = fresh_path()
    spark.createDataFrame([(1, "a", True), (2, None, False), (3, "c d", None)], "id int, s string, b boolean").write.csv(p, header=True)
    return observe(spark, p, "csv", header=True, inferSchema=True)


@case
def csv_numbers(spark):
    p = fresh_path()
    df = spark.createDataFrame(
        [(2147483647, -9223372036854775808, 1.5, float("nan"), decimal.Decimal("0.00000010"), 1.25),
         (-2147483648, 9223372036854775807, float("inf"), -0.0, decimal.Decimal("12345678.12345678"), 3.0e-5),
         (0, 0, float("-inf"), 1e20, decimal.Decimal("0"), 1e7)],
        "i int, l bigint, d double, e double, m decimal(16,8), f float")
    df.write.csv(p)
    return observe(spark, p, "csv", read=False)


def _datetimes(spark):
    df = spark.createDataFrame(
        [(datetime.date(2024, 1, 2), datetime.datetime(2024, 1, 2, 3, 4, 5, 123456), decimal.Decimal("1.50"), True, 7),
         (datetime.date(1, 1, 1), datetime.datetime(1970, 1, 1, 0, 0, 0), decimal.Decimal("-0.05"), False, -1),
         (None, None, None, None, None)],
        "d date, t timestamp, m decimal(5,2), b boolean, l bigint")
    return df.withColumn("ntz", F.col("t").cast("timestamp_ntz"))


@case
def csv_datetimes_default(spark):
    p = fresh_path()
    _datetimes(spark).write.csv(p)
    return observe(spark, p, "csv", read=False)


@case
def csv_datetime_formats(spark):
    p = fresh_path()
    _datetimes(spark).write.csv(p, dateFormat="dd/MM/yyyy", timestampFormat="yyyy-MM-dd HH:mm")
    return observe(spark, p, "csv", read=False)


@case(conf={"spark.sql.session.timeZone": "America/Los_Angeles"})
def csv_timestamps_in_session_zone(spark):
    p = fresh_path()
    _datetimes(spark).write.csv(p)
    return observe(spark, p, "csv", read=False)


def _keyed(spark):
    return spark.createDataFrame([(1, "a", None), (2, "a/b=c:d", 1), (3, "", 2), (4, None, 2), (5, "é %#", 3), (6, "a", 1)],
                                 "id int, k string, g int")


@case
def csv_partitioned(spark):
    p = fresh_path()
    _keyed(spark).write.partitionBy("k").csv(p)
    return observe(spark, p, "csv", read=False)


@case
def csv_partitioned_two_columns_with_header(spark):
    p = fresh_path()
    _keyed(spark).write.partitionBy("g", "k").csv(p, header=True)
    return observe(spark, p, "csv", read=False)


@case
def csv_empty_with_header(spark):
    p = fresh_path()
    _keyed(spark).limit(0).write.csv(p, header=True)
    return observe(spark, p, "csv", read=False)


@case
def csv_format_save(spark):
    p = fresh_path()
    _keyed(spark).write.format("csv").option("header", "true").save(p)
    return observe(spark, p, "csv", header=True)


@case
def csv_array_column_refused(spark):
    spark.range(1).select(F.array(F.lit(1)).alias("a")).write.csv(fresh_path())


@case
def csv_struct_column_refused(spark):
    spark.range(1).select(F.struct(F.lit(1).alias("x")).alias("a")).write.csv(fresh_path())
