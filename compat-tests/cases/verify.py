"""createDataFrame's checks of Python values against an explicit schema."""

import datetime
import decimal

from harness import case
from pyspark.sql import Row


@case
def int_into_double(spark):
    return spark.createDataFrame([(1,)], "d double")


@case
def float_into_int(spark):
    return spark.createDataFrame([(1.5,)], "i int")


@case
def bool_into_int(spark):
    return spark.createDataFrame([(True,)], "i int")


@case
def string_into_date(spark):
    return spark.createDataFrame([("2024-01-01",)], "d date")


@case
def datetime_into_date(spark):
    return spark.createDataFrame([(datetime.datetime(2024, 1, 1, 5, 6),)], "d date")


@case
def date_into_timestamp(spark):
    return spark.createDataFrame([(datetime.date(2024, 1, 1),)], "t timestamp")


@case
def int_into_decimal(spark):
    return spark.createDataFrame([(3,)], "m decimal(5,2)")


@case
def float_into_decimal(spark):
    return spark.createDataFrame([(1.25,)], "m decimal(5,2)")


@case
def decimal_into_double(spark):
    return spark.createDataFrame([(decimal.Decimal("1.5"),)], "d double")


@case
def dict_into_struct(spark):
    return spark.createDataFrame([({"a": 1, "b": "x"},)], "s struct<a:int,b:string>")


@case
def row_into_struct(spark):
    return spark.createDataFrame([(Row(a=1, b="x"),)], "s struct<a:int,b:string>")


@case
def tuple_into_array(spark):
    return spark.createDataFrame([((1, 2),)], "arr array<int>")


@case
def too_few_values(spark):
    return spark.createDataFrame([(1,)], "a int, b int")


@case
def too_many_values(spark):
    return spark.createDataFrame([(1, 2, 3)], "a int, b int")


@case
def int_into_string(spark):
    return spark.createDataFrame([(1,)], "s string")


@case
def long_overflow_into_int(spark):
    return spark.createDataFrame([(2**31,)], "i int")


@case
def bytes_into_binary(spark):
    return spark.createDataFrame([(b"\x00\x01",)], "b binary")


@case
def int_into_float(spark):
    return spark.createDataFrame([(2,)], "f float")


@case
def verify_schema_false(spark):
    return spark.createDataFrame([(1,)], "d double", verifySchema=False)
