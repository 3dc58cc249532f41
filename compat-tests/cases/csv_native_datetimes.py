"""CSV reads whose DATE columns hold only plain `yyyy-MM-dd` values: Polars parses
them natively (the file's profile or inference saw every value), so the edges of that
path must give Spark's values: calendar edges, NULL values, header repeats, pushed
filters; and columns where one value is not plain (Spark's lenient parser reads the
column) or is corrupt, in each parse mode. TIMESTAMP / TIMESTAMP_NTZ columns of plain
`yyyy-MM-dd[T ]HH:mm:ss[.ffffff]` values stay with Spark's parser (Polars' is slower
for them, `src/io/csv/plain.rs`); their edges are here too: fraction lengths, both
separators in one column, session zones with DST gaps and overlaps. Booleans are
always read by Polars."""

from harness import case
from cases._json_helpers import failure
from pyspark.sql import functions as F
from cases._csv_helpers import csv_file


DATES = "2024-01-05\n0001-01-01\n9999-12-31\n1582-10-10\n1582-10-04\n2024-02-29\n1969-12-31\n\n1970-01-01\n"
TIMESTAMPS = (
    "2024-01-05 10:00:00,2024-01-05 10:00:00\n"
    "2024-01-05T10:00:00.5,2024-01-05T10:00:00.5\n"
    "1969-12-31 23:59:59.999999,1969-12-31 23:59:59.999999\n"
    "0100-01-01T00:00:00.000001,0100-01-01T00:00:00.000001\n"
    "9999-12-31 23:59:59.12,9999-12-31 23:59:59.12\n"
    "1582-10-10T12:34:56.123,1582-10-10T12:34:56.123\n"
    ",\n"
    "2024-02-29 01:02:03.0405,2024-02-29 01:02:03.0405\n"
)
# Wall-clock times around Los Angeles' 2024 DST changes: a gap (02:30 on March 10 does
# not exist) and an overlap (01:30 on November 3 happens twice).
DST = "2024-03-10 01:59:59\n2024-03-10 02:30:00\n2024-03-10T03:00:00\n2024-11-03 01:30:00\n2024-11-03T00:59:59.5\n2024-11-03 02:00:00\n"


def _as_text(df):
    # The values as Spark renders them in the session zone too.
    return df.select(*df.columns, *[F.col(c).cast("string").alias(f"{c}_text") for c in df.columns])


@case
def plain_dates_given_schema(spark):
    return _as_text(spark.read.schema("d date").csv(csv_file(DATES)))


@case
def plain_dates_inferred(spark):
    df = spark.read.csv(csv_file("d,n\n" + "".join(f"{d},{i}\n" for i, d in enumerate(DATES.split("\n")) if d)), header=True, inferSchema=True)
    return _as_text(df)


@case
def plain_dates_filtered(spark):
    return spark.read.schema("d date").csv(csv_file(DATES)).where("d > DATE'1970-01-01'")


@case
def plain_dates_with_null_value_and_header_repeats(spark):
    text = "d,n\n2024-01-05,1\nNA,2\nd,n\n,4\n2024-01-06,NA\n"
    return spark.read.schema("d date, n int").option("header", True).option("nullValue", "NA").csv(csv_file(text))


@case
def one_date_not_plain(spark):
    # Each value makes its column go through Spark's lenient parser (or NULL).
    text = (
        "2024-01-05,2024-01-05,2024-01-05,2024-01-05,2024-01-05,2024-01-05,2024-01-05\n"
        "2024-1-5, 2024-01-06,2024-01-06 10:00:00,2024-01-06GMT,20240106,2023-02-29,+2024-01-06\n"
    )
    return _as_text(spark.read.schema("a date, b date, c date, d date, e date, f date, g date").csv(csv_file(text)))


@case
def plain_timestamps_given_schema(spark):
    return _as_text(spark.read.schema("t timestamp, n timestamp_ntz").csv(csv_file(TIMESTAMPS)))


@case
def plain_timestamps_inferred(spark):
    df = spark.read.csv(csv_file("t\n" + "".join(line.split(",")[0] + "\n" for line in TIMESTAMPS.strip().split("\n"))), header=True, inferSchema=True)
    return _as_text(df)


@case(conf={"spark.sql.session.timeZone": "America/Los_Angeles"})
def plain_timestamps_across_dst_changes(spark):
    df = spark.read.schema("t timestamp").csv(csv_file(DST))
    return df.select("t", F.col("t").cast("string").alias("text"), F.unix_micros("t").alias("epoch"))


@case(conf={"spark.sql.session.timeZone": "America/Los_Angeles"})
def plain_timestamps_inferred_across_dst_changes(spark):
    df = spark.read.csv(csv_file("t\n" + DST), header=True, inferSchema=True)
    return df.select("t", F.col("t").cast("string").alias("text"), F.unix_micros("t").alias("epoch"))


@case(conf={"spark.sql.session.timeZone": "Asia/Kolkata"})
def plain_timestamps_in_an_offset_zone(spark):
    df = spark.read.schema("t timestamp, n timestamp_ntz").csv(csv_file(TIMESTAMPS))
    return df.select(F.col("t").cast("string"), F.unix_micros("t").alias("epoch"), F.col("n").cast("string"))


@case(conf={"spark.sql.session.timeZone": "America/Los_Angeles"})
def one_timestamp_not_plain(spark):
    # A zone, a missing second, seven fraction digits, a date alone, a 24th hour, a
    # lower-case t: each column goes through Spark's lenient parser (or NULL).
    text = (
        "2024-01-05 10:00:00,2024-01-05 10:00:00,2024-01-05 10:00:00,2024-01-05 10:00:00,2024-01-05 10:00:00,2024-01-05 10:00:00\n"
        "2024-01-05T10:00:00Z,2024-01-05 10:00,2024-01-05 10:00:00.1234567,2024-01-05,2024-01-05 24:00:00,2024-01-05t10:00:00\n"
    )
    df = spark.read.schema("a timestamp, b timestamp, c timestamp, d timestamp, e timestamp, f timestamp").csv(csv_file(text))
    return df.select(*[F.col(c).cast("string") for c in df.columns])


@case
def one_timestamp_ntz_not_plain(spark):
    text = "2024-01-05 10:00:00,2024-01-05 10:00:00\n2024-01-05T10:00:00+01:00,2024-01-05\n"
    return spark.read.schema("a timestamp_ntz, b timestamp_ntz").csv(csv_file(text))


CORRUPT = "1,2024-01-05,2024-01-05 10:00:00\n2,2024-13-05,2024-01-05 10:00:00\n3,2024-01-06,2024-01-05 25:00:00\n4,2024-01-07,2024-01-07 10:00:00\n"
CORRUPT_SCHEMA = "i int, d date, t timestamp"


@case
def corrupt_datetimes_permissive(spark):
    return spark.read.schema(CORRUPT_SCHEMA).csv(csv_file(CORRUPT))


@case
def corrupt_datetimes_permissive_with_corrupt_record_column(spark):
    return spark.read.schema(CORRUPT_SCHEMA + ", _corrupt_record string").csv(csv_file(CORRUPT))


@case
def corrupt_datetimes_dropmalformed(spark):
    return spark.read.schema(CORRUPT_SCHEMA).option("mode", "DROPMALFORMED").csv(csv_file(CORRUPT))


@case
def corrupt_datetimes_failfast(spark):
    path = csv_file(CORRUPT)
    return spark.createDataFrame([(failure(lambda: spark.read.schema(CORRUPT_SCHEMA).option("mode", "FAILFAST").csv(path).collect()),)], "condition string")


@case
def plain_datetimes_failfast(spark):
    return spark.read.schema(CORRUPT_SCHEMA).option("mode", "FAILFAST").csv(csv_file("1,2024-01-05,2024-01-05 10:00:00\n2,2024-01-06,2024-01-06T11:00:00.25\n"))


@case
def quoted_plain_datetimes(spark):
    text = '"2024-01-05","2024-01-05 10:00:00"\n2024-01-06,"2024-01-06T10:00:00"\n'
    return spark.read.schema("d date, t timestamp").csv(csv_file(text))


@case
def booleans_read_natively(spark):
    text = "true\nFALSE\ntRuE\n true\nfalse \n1\nyes\n\n"
    return spark.read.schema("b boolean").csv(csv_file(text))
