"""TIMESTAMP in the session time zone (spark.sql.session.timeZone)."""

import datetime
import os
import tempfile

from harness import case
from pyspark.sql import functions as F

LA = {"spark.sql.session.timeZone": "America/Los_Angeles"}
KOLKATA = {"spark.sql.session.timeZone": "Asia/Kolkata"}


def _ts(spark):
    return spark.createDataFrame([(1, datetime.datetime(2024, 1, 2, 3, 4, 5)), (2, datetime.datetime(2024, 7, 1, 12, 0, 0, 250000))],
                                 "id int, ts timestamp")


@case(conf=LA)
def show_timestamps_in_session_zone(spark):
    return _ts(spark)


@case(conf=KOLKATA)
def show_timestamps_half_hour_zone(spark):
    return _ts(spark)


@case(conf=LA)
def collect_timestamps_ignores_session_zone(spark):
    return _ts(spark).collect()


@case(conf=LA)
def cast_timestamp_to_string_in_zone(spark):
    return _ts(spark).select(F.col("ts").cast("string"))


@case(conf=LA)
def cast_timestamp_to_date_in_zone(spark):
    return _ts(spark).select(F.col("ts").cast("date"))


@case(conf=LA)
def cast_string_to_timestamp_in_zone(spark):
    df = spark.createDataFrame([("2024-03-01 10:00:00",)], "s string")
    return df.select(F.col("s").cast("timestamp").alias("t")).select("t", F.col("t").cast("long"))


@case(conf=KOLKATA)
def cast_date_to_timestamp_in_zone(spark):
    df = spark.createDataFrame([(datetime.date(2024, 1, 1),)], "d date")
    return df.select(F.col("d").cast("timestamp").alias("t")).select("t", F.col("t").cast("long"))


@case(conf=LA)
def csv_timestamps_in_zone(spark):
    d = tempfile.mkdtemp(prefix="pyrust-compat-")
    path = os.path.join(d, "t.csv")
    with open(path, "w") as f:
        f.write("id,ts\n1,2024-01-02 03:04:05\n")
    df = spark.read.csv(path, header=True, inferSchema=True)
    return df.select("ts", F.col("ts").cast("long"))


@case
def timestamp_to_long_utc(spark):
    return _ts(spark).select(F.col("ts").cast("long"), F.col("ts").cast("double"))


@case(conf={"spark.sql.session.timeZone": "Not/AZone"})
def invalid_session_zone(spark):
    _ts(spark).show()
