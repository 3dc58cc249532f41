"""Arrow-optimised Python UDFs (`@udf(useArrow=True)`, or the session's
`spark.sql.execution.pythonUDF.arrow.enabled`): arguments reach the function through
pandas (an int column with a NULL in its batch arrives as floats, arrays as lists) and
results go back through `pyarrow.Array.from_pandas` with an Arrow cast, so conversions
differ from the pickled path (`udf_types.py` runs the same inputs there). Also
`spark.sql.execution.arrow.maxRecordsPerBatch`, which sets the batches pandas UDFs see."""

import datetime
import decimal
from typing import Iterator

import pandas as pd

from harness import case
from pyspark.sql import Row
from pyspark.sql import functions as F
from pyspark.sql.functions import pandas_udf, udf
from pyspark.sql.types import LongType


def _describe(x):
    return f"{type(x).__name__}:{x!r}"


describe = udf(_describe, useArrow=True)


def _all_types(spark):
    return spark.createDataFrame(
        [(1, 9000000000, 2.5, 1.5, "s😀", b"\x00b", decimal.Decimal("1.50"), datetime.date(2020, 1, 2),
          datetime.datetime(2020, 1, 2, 3, 4, 5, 600), [1, None], {"k": 1}, Row(a=1, b="x"), True, [[1], []]),
         (None, None, None, None, None, None, None, None, None, None, None, None, None, None)],
        "i int, l bigint, d double, f float, s string, b binary, dec decimal(5,2), dt date, ts timestamp, "
        "arr array<int>, m map<string,int>, st struct<a:int,b:string>, bo boolean, nested array<array<int>>",
    )


@case
def arguments_by_type(spark):
    df = _all_types(spark)
    return df.select([describe(c).alias(c) for c in df.columns])


@case
def arguments_by_type_without_nulls(spark):
    # Without a NULL in the batch an int column stays int and a boolean column bool.
    df = _all_types(spark).limit(1)
    return df.select([describe(c).alias(c) for c in df.columns])


@case
def small_integer_arguments(spark):
    df = spark.createDataFrame([(1, 2, None)], "a tinyint, b smallint, c tinyint")
    return df.select(describe("a"), describe("b"), describe("c"))


@case
def timestamp_arguments_in_session_zone(spark):
    df = spark.createDataFrame([(datetime.datetime(2021, 5, 6, 7, 8, 9), datetime.datetime(2021, 5, 6, 7, 8, 9))],
                               "t timestamp_ntz, z timestamp")
    return df.select(describe("t"), describe("z"))


@case(conf={"spark.sql.session.timeZone": "America/Los_Angeles"})
def timestamp_argument_in_another_zone(spark):
    df = spark.createDataFrame([(datetime.datetime(2021, 5, 6, 7, 8, 9),)], "z timestamp")
    return df.select(describe("z"))


@case
def special_doubles_as_arguments(spark):
    df = spark.createDataFrame([(float("nan"),), (float("inf"),), (-0.0,), (1e300,), (None,)], "d double")
    return df.select(describe("d"))


@case
def two_arguments_and_a_lambda(spark):
    add = udf(lambda a, b: None if a is None or b is None else a + b, "bigint", useArrow=True)
    df = spark.createDataFrame([(1, 2), (None, 3), (4, 5)], "a bigint, b bigint")
    return df.select("a", "b", add("a", "b"))


@case
def names_eval_type_and_return_type(spark):
    return [describe.evalType, str(describe.returnType), describe.__name__]


# ------------------------------------------------------------------ returned values

_RETURNED = [1, 2 ** 70, 1.5, float("nan"), "7", "", True, b"ab", decimal.Decimal("1.25"), [1, 2], {"a": 1}, None]


def _pick(i):
    return _RETURNED[i]


def _outcome(df):
    try:
        return ["ok", [list(r) for r in df.collect()]]
    except Exception as e:
        return ["error", type(e).__name__]


def _returned(spark, type_name):
    """Each value alone (in a batch of its own), so one failing conversion does not hide
    the others: the rows or the error's class."""
    f = udf(_pick, type_name, useArrow=True)
    out = []
    for i in range(len(_RETURNED)):
        out.append([repr(_RETURNED[i]), _outcome(spark.range(1).select(f(F.lit(i)).alias("r")))])
    return out


@case
def returned_as_string(spark):
    return _returned(spark, "string")


@case
def returned_as_int(spark):
    return _returned(spark, "int")


@case
def returned_as_double(spark):
    return _returned(spark, "double")


@case
def returned_as_boolean(spark):
    return _returned(spark, "boolean")


@case
def returned_as_binary(spark):
    return _returned(spark, "binary")


@case
def returned_as_decimal(spark):
    return _returned(spark, "decimal(10,2)")


@case
def returned_dates(spark):
    f = udf(_dates, "date", useArrow=True)
    return spark.range(3).select(f(F.col("id").cast("int")).alias("d"))


@case
def returned_timestamps(spark):
    f = udf(_timestamps, "timestamp", useArrow=True)
    return spark.range(3).select(f(F.col("id").cast("int")).alias("t"))


@case
def returned_datetime_for_date(spark):
    f = udf(lambda i: datetime.datetime(2020, 1, 2, 23, 30), "date", useArrow=True)
    return _outcome(spark.range(1).select(f("id")))


@case
def returned_int_for_date(spark):
    f = udf(lambda x: 5, "date", useArrow=True)
    return _outcome(spark.range(1).select(f("id")))


def _structs(i):
    return [Row(a=1, b="x"), {"a": 2, "b": "y"}, (3, "z"), None][i]


@case
def returned_structs(spark):
    f = udf(_structs, "struct<a:int,b:string>", useArrow=True)
    return spark.range(4).select(f(F.col("id").cast("int")).alias("s"))


def _nested(i):
    return [[[1, 2], [3]], [[], None], None][i]


@case
def returned_nested_arrays(spark):
    f = udf(_nested, "array<array<int>>", useArrow=True)
    return spark.range(3).select(f(F.col("id").cast("int")).alias("a"))


@case
def returned_decimal_rounding(spark):
    f = udf(lambda x: decimal.Decimal("1.255"), "decimal(10,2)", useArrow=True)
    return _outcome(spark.range(1).select(f("id")))


@case
def returned_float_overflow(spark):
    f = udf(lambda x: 1e300, "float", useArrow=True)
    return _outcome(spark.range(1).select(f("id")))


@case
def returned_unicode_and_empty_strings(spark):
    f = udf(lambda s: None if s is None else s + "😀", "string", useArrow=True)
    df = spark.createDataFrame([("",), ("日本",), (None,)], "s string")
    return df.select(f("s"))


@case
def returned_mixed_ints_and_none(spark):
    f = udf(lambda x: None if x % 2 else x, "int", useArrow=True)
    return spark.range(5).select(f("id"))


@case
def identity_round_trip_of_every_type(spark):
    df = _all_types(spark)
    cols = []
    for field in df.schema.fields:
        cols.append(udf(lambda x: x, field.dataType, useArrow=True)(field.name).alias(field.name))
    return df.select(cols)


@case
def return_type_as_ddl_struct(spark):
    f = udf(lambda x: {"n": x, "s": str(x)}, "n bigint, s string", useArrow=True)
    return spark.range(2).select(f("id").alias("r"))


@case
def exception_inside_arrow_udf(spark):
    f = udf(lambda x: 1 // 0, "int", useArrow=True)
    try:
        spark.range(2).select(f("id")).collect()
    except Exception as e:
        return [type(e).__name__, "ZeroDivisionError: integer division or modulo by zero" in str(e)]


@case
def arrow_enabled_by_session_conf(spark):
    spark.conf.set("spark.sql.execution.pythonUDF.arrow.enabled", "true")
    try:
        f = udf(_describe)
    finally:
        spark.conf.unset("spark.sql.execution.pythonUDF.arrow.enabled")
    df = spark.createDataFrame([(1,), (None,)], "i int")
    return [f.evalType, [list(r) for r in df.select(f("i")).collect()]]


@case
def arrow_and_pickled_paths_differ(spark):
    pickled = udf(_describe)
    df = spark.createDataFrame([(1, [1, 2]), (None, None)], "i int, a array<int>")
    return df.select(pickled("i"), describe("i"), pickled("a"), describe("a"))


@case
def arrow_udf_in_filter_group_by_and_sql(spark):
    spark.udf.register("describe_arrow", describe)
    df = spark.createDataFrame([(1,), (2,), (1,)], "i int")
    return df.filter(describe("i") == "int:1").groupBy(describe("i")).count().selectExpr("describe_arrow(count)")


# ------------------------------------------------------ maxRecordsPerBatch


@pandas_udf(LongType())
def batch_length(s: pd.Series) -> pd.Series:
    return pd.Series([len(s)] * len(s))


@pandas_udf(LongType())
def batch_length_iter(it: Iterator[pd.Series]) -> Iterator[pd.Series]:
    for s in it:
        yield pd.Series([len(s)] * len(s))


@case(conf={"spark.sql.execution.arrow.maxRecordsPerBatch": "3"})
def pandas_udf_batches_follow_max_records(spark):
    return spark.range(10).select("id", batch_length("id"))


@case(conf={"spark.sql.execution.arrow.maxRecordsPerBatch": "4"})
def pandas_iter_udf_batches_follow_max_records(spark):
    return spark.range(10).select("id", batch_length_iter("id"))


@case
def pandas_udf_default_batch_is_ten_thousand(spark):
    return spark.range(12345).select(batch_length("id").alias("n")).groupBy("n").count().orderBy("n")


@case(conf={"spark.sql.execution.arrow.maxRecordsPerBatch": "2"})
def plain_and_arrow_udfs_with_small_batches(spark):
    plain = udf(lambda x: x * 2, "bigint")
    arrow = udf(lambda x: x * 3, "bigint", useArrow=True)
    return spark.range(7).select("id", plain("id"), arrow("id"))


@case(conf={"spark.sql.execution.arrow.maxRecordsPerBatch": "0"})
def max_records_zero_means_one_batch(spark):
    return spark.range(5).select(batch_length("id"))
