"""An aggregation over a global aggregation (one row): a count of rows must count that
row. Polars dropped the inner aggregation when nothing above read its columns, so
`count(*)` counted the rows below it (found by the ninth session's subquery work)."""

from harness import case
from pyspark.sql import functions as F


def _frame(spark):
    return spark.createDataFrame([(1,), (2,), (None,)], "c2 int")


@case
def count_star_over_a_global_aggregate(spark):
    return _frame(spark).agg(F.max("c2")).select(F.count("*"))


@case
def count_star_over_a_global_aggregate_of_no_rows(spark):
    return _frame(spark).limit(0).agg(F.max("c2")).select(F.count("*"), F.sum(F.lit(1)))


@case
def group_by_nothing_count_over_a_global_aggregate(spark):
    return _frame(spark).agg(F.max("c2").alias("m"), F.count("c2").alias("n")).groupBy().count()


@case
def count_over_a_filtered_global_aggregate(spark):
    return _frame(spark).agg(F.max("c2").alias("m")).filter(F.col("m") > 5).select(F.count(F.lit(1)))


@case
def count_over_a_projected_global_aggregate(spark):
    return _frame(spark).agg(F.max("c2").alias("m")).select((F.col("m") + 1).alias("k")).select(F.count("*"), F.max("k"))
