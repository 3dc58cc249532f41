"""filter / where with Columns and SQL strings."""

from harness import case
from pyspark.sql import functions as F

from ._data import people


@case
def filter_column(spark):
    return people(spark).filter(F.col("age") > 30)


@case
def filter_string(spark):
    return people(spark).filter("age > 25")


@case
def where_alias(spark):
    return people(spark).where(F.col("city") == "LA")


@case
def filter_drops_nulls(spark):
    return people(spark).filter(F.col("age") < 100)


@case
def filter_compound(spark):
    return people(spark).filter((F.col("age") > 25) & (F.col("city").isNotNull()) | (F.col("id") == 4))


@case
def filter_not(spark):
    return people(spark).filter(~(F.col("city") == "NYC"))


@case
def filter_string_in_list(spark):
    return people(spark).filter("city IN ('LA', 'SF')")


@case
def filter_string_between(spark):
    return people(spark).filter("age BETWEEN 28 AND 34")


@case
def filter_string_like(spark):
    return people(spark).filter("name LIKE '%o%'")


@case
def filter_non_boolean_fails(spark):
    return people(spark).filter(F.col("age") + 1)


@case
def filter_unknown_column_fails(spark):
    return people(spark).filter("agee > 1")


@case
def filter_then_select(spark):
    return people(spark).filter(F.col("salary") > 4000).select("name")


@case
def filter_by_getitem(spark):
    df = people(spark)
    return df[df.age > 30]


@case
def filter_isin(spark):
    return people(spark).filter(F.col("id").isin(1, 3, 5))


@case
def filter_empty_result(spark):
    return people(spark).filter(F.col("id") > 100)


# A predicate that reads no column, under an aggregate that needs none: every column of
# the input is pruned (PyRust counted 0 rows here once).
@case
def filter_without_columns_then_count(spark):
    return spark.range(5).filter(F.rand(1) < 2).agg(F.count(F.lit(1)).alias("n"))


@case
def filter_on_row_id_then_count(spark):
    return spark.range(7).filter(F.monotonically_increasing_id() < 100).groupBy().count()


@case
def filter_without_columns_then_count_sql(spark):
    spark.range(4).createOrReplaceTempView("filter_no_cols")
    return spark.sql("SELECT count(*) AS n FROM filter_no_cols WHERE rand(1) < 2")
