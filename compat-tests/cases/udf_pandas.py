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


# mapInPandas / mapInArrow / applyInPandas / applyInArrow


def _keep_even(batches):
    for pdf in batches:
        yield pdf[pdf.id % 2 == 0]


def _renamed_columns(batches):
    for pdf in batches:
        yield pd.DataFrame({"total": pdf.id * 2, "label": pdf.g})


def _arrow_batches(batches):
    import pyarrow.compute as pc

    for b in batches:
        yield b.filter(pc.greater(b.column("id"), 2))


def _normalise(pdf):
    return pdf.assign(x=pdf.x - pdf.x.mean())


def _with_key(key, pdf):
    return pd.DataFrame({"g": [key[0]], "n": [len(pdf)]})


def _arrow_group(table):
    return table.slice(0, 1)


def _map_fails(batches):
    for pdf in batches:
        raise RuntimeError("map boom")
        yield pdf


@case
def map_in_pandas_filters_rows(spark):
    return _nums(spark).mapInPandas(_keep_even, _nums(spark).schema)


@case
def map_in_pandas_ddl_schema_by_name(spark):
    return _nums(spark).mapInPandas(_renamed_columns, "label string, total long")


@case
def map_in_pandas_of_empty_input(spark):
    return _nums(spark).filter("id > 10").mapInPandas(_keep_even, "id long, g string, x double")


@case
def map_in_pandas_error(spark):
    return _nums(spark).mapInPandas(_map_fails, "id long").collect()


@case
def map_in_arrow(spark):
    return _nums(spark).mapInArrow(_arrow_batches, "id long, g string, x double")


@case(ordered=False)
def apply_in_pandas_per_group(spark):
    return _nums(spark).groupBy("g").applyInPandas(_normalise, "id long, g string, x double")


@case(ordered=False)
def apply_in_pandas_with_key(spark):
    return _nums(spark).groupBy("g").applyInPandas(_with_key, "g string, n long")


@case(ordered=False)
def apply_in_arrow_per_group(spark):
    return _nums(spark).groupBy("g").applyInArrow(_arrow_group, "id long, g string, x double").select("g")
