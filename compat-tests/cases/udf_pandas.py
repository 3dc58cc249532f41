"""pandas UDFs: Series to Series, Iterator[Series] to Iterator[Series], Series to a
scalar (grouped aggregate), with the eval type PySpark 4 infers from type hints."""

from typing import Iterator, Tuple

import pandas as pd

from harness import case
from pyspark.sql import functions as F
from pyspark.sql.types import BooleanType, DoubleType, IntegerType, LongType, StringType
from pyspark.sql.functions import pandas_udf


@pandas_udf(LongType())
def add_one(s: pd.Series) -> pd.Series:
    return s + 1


@pandas_udf(DoubleType())
def weighted(a: pd.Series, b: pd.Series) -> pd.Series:
    return a * 0.5 + b


@pandas_udf(StringType())
def shout(s: pd.Series) -> pd.Series:
    return s.str.upper() + "!"


@pandas_udf(LongType())
def add_one_iter(it: Iterator[pd.Series]) -> Iterator[pd.Series]:
    for s in it:
        yield s + 1


@pandas_udf(LongType())
def sum_iter(it: Iterator[Tuple[pd.Series, pd.Series]]) -> Iterator[pd.Series]:
    for a, b in it:
        yield a + b


@pandas_udf(DoubleType())
def mean_udf(s: pd.Series) -> float:
    return float(s.mean())


@pandas_udf(LongType())
def count_udf(s: pd.Series) -> int:
    return int(s.count())


@pandas_udf(LongType())
def wrong_length(s: pd.Series) -> pd.Series:
    return s.iloc[:1]


@pandas_udf(LongType())
def fails(s: pd.Series) -> pd.Series:
    raise ValueError("pandas boom")


def _nums(spark):
    return spark.createDataFrame([(1, "a", 1.0), (2, "b", 2.0), (3, "a", None), (4, "b", 8.0), (5, "a", 5.0)],
                                 "id long, g string, x double")


@case
def scalar_series(spark):
    return _nums(spark).select("id", add_one("id"), add_one(F.col("id") * 10).alias("big"))


@case
def scalar_two_series(spark):
    return _nums(spark).select(weighted("id", "x"))


@case
def scalar_strings(spark):
    return _nums(spark).select(shout("g"))


@case
def scalar_in_filter_and_with_column(spark):
    return _nums(spark).withColumn("y", add_one("id")).filter(add_one("id") > 3)


@case
def iterator_of_series(spark):
    return _nums(spark).select(add_one_iter("id"))


@case
def iterator_of_tuples(spark):
    return _nums(spark).select(sum_iter("id", "id"))


@case
def eval_types_from_hints(spark):
    return [add_one.evalType, add_one_iter.evalType, sum_iter.evalType, mean_udf.evalType, str(add_one.returnType)]


@case(ordered=False)
def grouped_aggregate(spark):
    return _nums(spark).groupBy("g").agg(mean_udf("x"), count_udf("id").alias("n"))


@case
def grouped_aggregate_without_keys(spark):
    return _nums(spark).agg(mean_udf("id"), count_udf("x"))


@case
def grouped_aggregate_outside_aggregation_is_an_error(spark):
    return _nums(spark).select(mean_udf("x"))


@case
def wrong_result_length_is_an_error(spark):
    return _nums(spark).select(wrong_length("id"))


@case
def exception_in_pandas_udf(spark):
    return _nums(spark).select(fails("id"))


@case
def empty_input(spark):
    return _nums(spark).filter("id > 10").select(add_one("id"))


@case
def register_pandas_udf_for_sql(spark):
    spark.udf.register("add_one_sql", add_one)
    return _nums(spark).selectExpr("add_one_sql(id)")
