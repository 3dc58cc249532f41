"""Errors around Python UDFs: exceptions raised inside the function (PySpark's
PythonException), misuse of `udf` and `spark.udf.register`."""

from harness import case
from pyspark.sql import functions as F
from pyspark.sql.types import BooleanType, DoubleType, IntegerType, LongType, StringType
from pyspark.sql.functions import udf


@udf(IntegerType())
def divide_by_zero(x):
    return x // 0


@udf
def raise_value_error(x):
    raise ValueError(f"bad value {x}")


@udf(IntegerType())
def fails_on_three(x):
    if x == 3:
        raise KeyError("three")
    return x


@case
def exception_in_udf(spark):
    return spark.range(3).select(divide_by_zero("id"))


@case
def value_error_in_udf(spark):
    return spark.range(2).select(raise_value_error("id"))


@case
def exception_on_one_row(spark):
    return spark.range(5).select(fails_on_three("id"))


@case
def exception_not_reached_on_empty_input(spark):
    return spark.range(5).filter("id > 10").select(divide_by_zero("id"))


@case
def exception_in_filter(spark):
    return spark.range(5).filter(fails_on_three("id") > 0)


@case
def exception_message_has_traceback(spark):
    try:
        spark.range(1).select(raise_value_error("id")).collect()
    except Exception as e:
        text = str(e)
        return [type(e).__name__, "ValueError: bad value 0" in text, "Traceback (most recent call last)" in text]
    return None


@case
def not_callable(spark):
    return udf(5, "int")


@case
def bad_return_type(spark):
    return udf(lambda x: x, 5)


@case
def unknown_column_argument(spark):
    return spark.range(1).select(divide_by_zero("nope"))


@case
def wrong_argument_type(spark):
    return spark.range(1).select(divide_by_zero(5))


@case
def register_undefined_call_in_sql(spark):
    return spark.range(1).selectExpr("no_such_udf(id)")
