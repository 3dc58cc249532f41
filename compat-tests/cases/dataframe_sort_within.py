"""sortWithinPartitions on one partition (the recorder runs local[1]; PyRust has one
partition): the rows come out sorted as by orderBy."""

from harness import case
from pyspark.sql import functions as F


def _df(spark):
    return spark.createDataFrame(
        [(3, "c", 1.5), (1, None, float("nan")), (2, "b", None), (None, "a", -0.0), (1, "z", 2.0)], "i int, s string, d double"
    ).coalesce(1)


@case
def sort_within_one_column(spark):
    return _df(spark).sortWithinPartitions("i", "s")


@case
def sort_within_descending(spark):
    return _df(spark).sortWithinPartitions(F.col("d").desc(), "i")


@case
def sort_within_ascending_list(spark):
    return _df(spark).sortWithinPartitions(["i", "s"], ascending=[False, True])


@case
def sort_within_ascending_false(spark):
    return _df(spark).sortWithinPartitions("s", ascending=False)


@case
def sort_within_unknown_column(spark):
    return _df(spark).sortWithinPartitions("nope")


@case
def sort_within_nulls_last(spark):
    return _df(spark).sortWithinPartitions(F.col("i").asc_nulls_last(), "s")
