"""call_function: registry functions called by name, with column names and
Columns, quoted and qualified names, aggregates, unknown names."""

from harness import case
from pyspark.sql import functions as F


def _df(spark):
    return spark.createDataFrame([(1, "ab", 2.5), (2, None, -1.0), (3, "😀x", None)], "id int, s string, d double")


@case
def call_upper(spark):
    return _df(spark).select("id", F.call_function("upper", "s"), F.call_function("abs", F.col("d"))).orderBy("id")


@case
def call_several_arguments(spark):
    return _df(spark).select("id", F.call_function("concat_ws", F.lit("-"), "s", F.col("id").cast("string"))).orderBy("id")


@case
def call_case_and_quotes(spark):
    return _df(spark).select("id", F.call_function("UPPER", "s"), F.call_function("`lower`", "s").alias("l")).orderBy("id")


@case
def call_qualified(spark):
    return _df(spark).select("id", F.call_function("system.builtin.length", "s")).orderBy("id")


@case
def call_aggregate(spark):
    return _df(spark).select(F.call_function("sum", "id"), F.call_function("max", "d"))


@case
def call_no_arguments(spark):
    return spark.range(1).select(F.call_function("pi"))


@case
def call_unknown(spark):
    return _df(spark).select(F.call_function("no_such_function", "s"))


@case
def call_wrong_arity(spark):
    return _df(spark).select(F.call_function("upper", "s", "s"))
