"""Python UDFs: what reaches the function for each Spark type, and how a returned
value becomes the declared type on PySpark's default (pickled) path: values of another
Python type become NULL or are converted as the JVM does, ints wrap, decimals round."""

import datetime
import decimal

from harness import case
from pyspark.sql import Row
from pyspark.sql import functions as F
from pyspark.sql.functions import udf


def _describe(x):
    return f"{type(x).__name__}:{x!r}"


describe = udf(_describe)


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
def small_integer_arguments(spark):
    df = spark.createDataFrame([(1, 2)], "a tinyint, b smallint")
    return df.select(describe("a"), describe("b"))


@case
def timestamp_ntz_argument(spark):
    df = spark.createDataFrame([(datetime.datetime(2021, 5, 6, 7, 8, 9),)], "t timestamp_ntz")
    return df.select(describe("t"))


@case
def special_doubles_as_arguments(spark):
    df = spark.createDataFrame([(float("nan"),), (float("inf"),), (-0.0,), (1e300,)], "d double")
    return df.select(describe("d"))


_RETURNED = [1, 2 ** 40, -2 ** 31 - 1, 2 ** 70, 1.5, float("nan"), -0.0, 1e20, "7", "", True, b"ab",
             decimal.Decimal("1.25"), [1, 2], {"a": 1}, None]


def _pick(i):
    return _RETURNED[i]


def _returned(spark, type_name):
    f = udf(_pick, type_name)
    rows = spark.range(len(_RETURNED)).select(F.col("id").cast("int").alias("i"))
    return rows.select("i", f("i").alias("r"))


@case
def returned_as_string(spark):
    # bytes (index 11) become the JVM's `[B@address` text: not reproducible.
    return _returned(spark, "string").filter("i != 11")


@case
def returned_as_int(spark):
    return _returned(spark, "int")


@case
def returned_as_bigint(spark):
    return _returned(spark, "bigint")


@case
def returned_as_tinyint(spark):
    return _returned(spark, "tinyint")


@case
def returned_as_smallint(spark):
    return _returned(spark, "smallint")


@case
def returned_as_double(spark):
    return _returned(spark, "double")


@case
def returned_as_float(spark):
    return _returned(spark, "float")


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
def returned_as_array_of_int(spark):
    return _returned(spark, "array<int>")


@case
def returned_as_map(spark):
    return _returned(spark, "map<string,int>")


def _dates(i):
    return [datetime.date(2020, 1, 2), datetime.datetime(2020, 1, 2, 23, 30), None][i]


def _timestamps(i):
    return [datetime.datetime(2020, 1, 2, 3, 4, 5, 123456), None,
            datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))][i]


@case
def returned_dates(spark):
    f = udf(_dates, "date")
    return spark.range(3).select(f(F.col("id").cast("int")).alias("d"))


@case
def returned_timestamps(spark):
    f = udf(_timestamps, "timestamp")
    return spark.range(3).select(f(F.col("id").cast("int")).alias("t"))


@case
def returned_int_for_date_is_an_error(spark):
    f = udf(lambda x: 5, "date")
    return spark.range(1).select(f("id"))


@case
def returned_string_for_timestamp_is_an_error(spark):
    f = udf(lambda x: "2020-01-01", "timestamp")
    return spark.range(1).select(f("id"))


def _structs(i):
    return [Row(a=1, b="x"), {"a": 2}, (3, "z"), [4, "w"], None][i]


@case
def returned_structs(spark):
    f = udf(_structs, "struct<a:int,b:string>")
    return spark.range(5).select(f(F.col("id").cast("int")).alias("s"))


@case
def returned_scalar_for_struct_is_an_error(spark):
    f = udf(lambda x: 1, "struct<a:int>")
    return spark.range(1).select(f("id"))


@case
def returned_tuple_too_long_for_struct_is_an_error(spark):
    f = udf(lambda x: (1, 2, 3), "struct<a:int,b:int>")
    return spark.range(1).select(f("id"))


def _nested(i):
    return [[[1, 2], [3]], [[], None], None][i]


@case
def returned_nested_arrays(spark):
    f = udf(_nested, "array<array<int>>")
    return spark.range(3).select(f(F.col("id").cast("int")).alias("a"))


def _mixed_list(i):
    return [["a", 1, None], [1.5, 2]][i]


@case
def returned_array_elements_converted(spark):
    f = udf(_mixed_list, "array<int>")
    g = udf(_mixed_list, "array<string>")
    return spark.range(2).select(f(F.col("id").cast("int")).alias("ints"), g(F.col("id").cast("int")).alias("strs"))


@case
def returned_map_keys_converted(spark):
    f = udf(lambda x: {1: 2, 3: None}, "map<string,int>")
    return spark.range(1).select(f("id").alias("m"))


@case
def returned_decimal_rounded(spark):
    f = udf(lambda x: decimal.Decimal("1.255"), "decimal(10,2)")
    g = udf(lambda x: decimal.Decimal("NaN"), "decimal(10,2)")
    return spark.range(1).select(f("id"), g("id"))


@case
def returned_decimal_too_large_is_an_error(spark):
    f = udf(lambda x: decimal.Decimal("123456789012"), "decimal(10,2)")
    return spark.range(1).select(f("id"))


@case
def returned_float_overflow(spark):
    f = udf(lambda x: 1e300, "float")
    return spark.range(1).select(f("id"))


@case
def returned_unicode_and_empty_strings(spark):
    f = udf(lambda s: None if s is None else s + "😀", "string")
    df = spark.createDataFrame([("",), ("日本",), (None,)], "s string")
    return df.select(f("s"))


@case
def identity_round_trip_of_every_type(spark):
    df = _all_types(spark)
    cols = []
    for field in df.schema.fields:
        cols.append(udf(lambda x: x, field.dataType)(field.name).alias(field.name))
    return df.select(cols)


@case
def return_type_as_ddl_struct(spark):
    f = udf(lambda x: {"n": x, "s": str(x)}, "n bigint, s string")
    return spark.range(2).select(f("id").alias("r"))
