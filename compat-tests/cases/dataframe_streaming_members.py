"""The streaming members of a batch DataFrame, as PySpark 4.0.1 answers them:
`isStreaming` is False, `withWatermark` checks its column and delay and changes
nothing, `dropDuplicatesWithinWatermark` drops duplicates as `dropDuplicates` does,
`writeStream` is refused; names PySpark's DataFrame does not have (`pivot`,
`explode`) are its ATTRIBUTE_NOT_SUPPORTED."""

import datetime

from harness import case
from pyspark.sql import functions as F


def _events(spark):
    t = datetime.datetime(2024, 1, 1, 10, 0)
    return spark.createDataFrame([(1, t), (1, t), (2, t + datetime.timedelta(minutes=5)), (2, None)], "k int, ts timestamp")


@case
def is_streaming_is_false(spark):
    return [_events(spark).isStreaming, spark.range(3).filter("id > 0").isStreaming]


@case
def with_watermark_changes_nothing_in_a_batch(spark):
    return _events(spark).withWatermark("ts", "10 minutes").groupBy("k").agg(F.count("*").alias("n")).orderBy("k")


@case
def with_watermark_keeps_the_schema(spark):
    return _events(spark).withWatermark("ts", "1 hour").select("k", "ts")


@case
def with_watermark_on_an_unknown_column(spark):
    return _events(spark).withWatermark("nope", "10 minutes")


@case
def with_watermark_on_a_column_that_is_not_a_timestamp(spark):
    return _events(spark).withWatermark("k", "10 minutes")


@case
def with_watermark_with_a_malformed_delay(spark):
    return _events(spark).withWatermark("ts", "ten minutes")


@case
def with_watermark_with_a_negative_delay(spark):
    return _events(spark).withWatermark("ts", "-1 minute")


@case
def with_watermark_argument_types(spark):
    return _events(spark).withWatermark(1, "10 minutes")


@case
def drop_duplicates_within_watermark_in_a_batch(spark):
    return _events(spark).dropDuplicatesWithinWatermark(["k"]).select("k").orderBy("k")


@case
def drop_duplicates_within_watermark_all_columns(spark):
    return _events(spark).dropDuplicatesWithinWatermark().orderBy("k", "ts")


@case
def write_stream_of_a_batch_frame(spark):
    return _events(spark).writeStream


@case
def pivot_is_not_a_dataframe_member(spark):
    return _events(spark).pivot


@case
def explode_is_not_a_dataframe_member(spark):
    return _events(spark).explode
