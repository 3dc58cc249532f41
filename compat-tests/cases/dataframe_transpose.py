"""DataFrame.transpose: the index column's non-NULL values, sorted, become columns named
by their text; the other columns become rows (`key`, non-nullable) of values cast to
their tightest common type; Spark's errors for a bad index, types without a common
type and more index values than spark.sql.transposeMaxValues."""

import datetime
import decimal

from harness import case
from pyspark.sql import functions as F


def _df(spark):
    return spark.createDataFrame([("x", 1, 2.0), ("y", None, 3.5), (None, 5, 6.0), ("a", 7, None)], "k string, i int, d double")


@case
def transpose_default_index_first_column(spark):
    return _df(spark).transpose()


@case
def transpose_index_by_name(spark):
    return _df(spark).transpose("k")


@case
def transpose_index_by_column(spark):
    return _df(spark).select("i", "k").transpose(F.col("i"))


@case
def transpose_numeric_index_sorted_by_value(spark):
    df = spark.createDataFrame([(10, 1, 2), (9, 3, 4), (-1, 5, 6), (100, 7, 8)], "i int, a int, b bigint")
    return df.transpose()


@case
def transpose_duplicate_index_values(spark):
    df = spark.createDataFrame([(2, 1, 2), (1, 3, 4), (1, 5, 6)], "i int, a int, b bigint")
    return df.transpose()


@case
def transpose_double_index_names(spark):
    df = spark.createDataFrame([(1.5, 1, 2), (-0.0, 3, 4), (1e20, 5, 6), (float("nan"), 7, 8)], "d double, a int, b bigint")
    return df.transpose()


@case
def transpose_date_index_and_decimal_values(spark):
    df = spark.createDataFrame(
        [(datetime.date(2024, 1, 2), decimal.Decimal("1.50"), 3), (datetime.date(2023, 12, 31), None, 4)], "dt date, m decimal(12,2), n int"
    )
    return df.transpose()


@case
def transpose_boolean_index_and_strings(spark):
    df = spark.createDataFrame([(True, "a", "b"), (False, "c", None)], "b boolean, s string, t string")
    return df.transpose()


@case
def transpose_int_and_float_make_double(spark):
    df = spark.createDataFrame([("r", 1, 2.5)], "k string, a int, f float")
    return df.transpose()


@case(conf={"spark.sql.ansi.enabled": "false"})
def transpose_int_and_float_legacy(spark):
    # (A DATE with a TIMESTAMP fails inside Spark 4.0.1 itself: INTERNAL_ERROR, not recorded.)
    df = spark.createDataFrame([("r", 1, 2.5)], "k string, a int, f float")
    return df.transpose()


@case
def transpose_byte_short_long(spark):
    df = spark.createDataFrame([("r", 1, 2, 3)], "k string, a tinyint, b smallint, c bigint")
    return df.transpose()


@case
def transpose_array_values(spark):
    df = spark.createDataFrame([(1, [1, None]), (2, [])], "b int, a array<int>")
    return df.transpose()


@case
def transpose_non_nullable_values_become_nullable(spark):
    return spark.range(3).withColumn("v", F.col("id") * 2).transpose()


@case
def transpose_only_index_column(spark):
    return _df(spark).select("k").transpose()


@case
def transpose_empty_frame(spark):
    return _df(spark).limit(0).transpose()


@case
def transpose_all_index_null(spark):
    return _df(spark).filter("k is null").transpose()


@case
def transpose_unicode_and_empty_index_text(spark):
    df = spark.createDataFrame([("é😀", 1), ("", 2), ("b", 3)], "k string, v int")
    return df.transpose()


@case
def transpose_show(spark):
    _df(spark).transpose().show()
    return _df(spark).transpose().columns


@case
def transpose_no_common_type(spark):
    return _df(spark).transpose(F.col("i"))


@case
def transpose_int_string_no_common_type(spark):
    return spark.createDataFrame([(1, "a", 2)], "i int, s string, j int").transpose()


@case
def transpose_bigint_decimal_no_common_type(spark):
    return spark.createDataFrame([("r", 1, decimal.Decimal("1.5"))], "k string, a bigint, m decimal(5,2)").transpose()


@case
def transpose_array_index(spark):
    return spark.createDataFrame([([1], 1)], "a array<int>, b int").transpose()


@case
def transpose_struct_index(spark):
    return spark.createDataFrame([((1, "x"), 1)], "s struct<a:int,b:string>, b int").transpose()


@case
def transpose_expression_index(spark):
    return _df(spark).transpose(F.col("i") + 1)


@case
def transpose_nested_field_index(spark):
    return spark.createDataFrame([((1, "x"), 1)], "s struct<a:int,b:string>, b int").transpose(F.col("s.a"))


@case
def transpose_unknown_index(spark):
    return _df(spark).select("d", "i", "k").transpose("nope")


@case(conf={"spark.sql.transposeMaxValues": "2"})
def transpose_exceeds_max_values(spark):
    return _df(spark).transpose()


@case(conf={"spark.sql.transposeMaxValues": "3"})
def transpose_at_max_values(spark):
    return _df(spark).transpose()


@case
def transpose_then_select(spark):
    return _df(spark).transpose().select("key", "x").filter(F.col("x") > 1)
