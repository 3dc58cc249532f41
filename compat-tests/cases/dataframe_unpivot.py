"""unpivot/melt: one row per input row and value column, in input order; the values
widened to their common type; the name column never NULL; Spark's errors for no value
columns and values without a common type."""

import datetime

from harness import case
from pyspark.sql import functions as F


def _wide(spark):
    return spark.createDataFrame(
        [(1, 11, 1.1, "a"), (2, 12, None, "b"), (3, None, float("nan"), None), (None, 14, -0.0, "d")],
        "id int, int int, double double, s string",
    )


@case
def unpivot_ids_and_values(spark):
    return _wide(spark).unpivot("id", ["int", "double"], "var", "val")


@case
def unpivot_values_none_takes_the_rest(spark):
    return _wide(spark).drop("s").unpivot(["id"], None, "var", "val")


@case
def melt_alias(spark):
    return _wide(spark).melt("id", ["int", "double"], "variable", "value")


@case
def unpivot_single_value_string(spark):
    return _wide(spark).unpivot("id", "int", "var", "val")


@case
def unpivot_tuple_ids(spark):
    return _wide(spark).unpivot(("id", "s"), ("int",), "var", "val")


@case
def unpivot_column_objects(spark):
    df = _wide(spark)
    return df.unpivot([df.id], [F.col("int"), F.col("double")], "var", "val")


@case
def unpivot_value_expression_names(spark):
    return _wide(spark).unpivot("id", [(F.col("int") + 1).alias("next"), F.col("double")], "var", "val")


@case
def unpivot_no_ids(spark):
    return _wide(spark).select("int", "double").unpivot([], ["int", "double"], "var", "val")


@case
def unpivot_non_nullable_values(spark):
    df = spark.createDataFrame([(1, 2, 3)], "id int not null, a int not null, b int not null")
    return df.unpivot("id", ["a", "b"], "k", "v")


@case
def unpivot_int_and_bigint_widen(spark):
    df = spark.createDataFrame([(1, 2, 3)], "id int, a int, b bigint")
    return df.unpivot("id", ["a", "b"], "k", "v")


@case
def unpivot_decimals_widen(spark):
    import decimal
    df = spark.createDataFrame([(1, decimal.Decimal("1.5"), decimal.Decimal("123.25"))], "id int, a decimal(3,1), b decimal(6,2)")
    return df.unpivot("id", ["a", "b"], "k", "v")


@case
def unpivot_dates_and_timestamps(spark):
    df = spark.createDataFrame(
        [(1, datetime.date(2024, 1, 2), datetime.datetime(2024, 1, 2, 3, 4, 5))], "id int, d date, t timestamp"
    )
    return df.unpivot("id", ["d", "t"], "k", "v")


@case
def unpivot_strings(spark):
    df = spark.createDataFrame([(1, "x", ""), (2, None, "😀")], "id int, a string, b string")
    return df.unpivot("id", ["a", "b"], "k", "v")


@case
def unpivot_empty_frame(spark):
    return spark.createDataFrame([], "id int, a int, b int").unpivot("id", ["a", "b"], "k", "v")


@case
def unpivot_requires_value_columns(spark):
    return _wide(spark).unpivot("id", [], "var", "val")


@case
def unpivot_all_columns_are_ids(spark):
    return _wide(spark).unpivot(["id", "int", "double", "s"], None, "var", "val")


@case
def unpivot_type_mismatch(spark):
    df = spark.createDataFrame([(1, "a", [1])], "id int, s string, a array<int>")
    return df.unpivot("id", ["s", "a"], "var", "val")


@case
def unpivot_string_and_int_ansi_on(spark):
    df = spark.createDataFrame([(1, "5", 2)], "id int, s string, a int")
    return df.unpivot("id", ["s", "a"], "var", "val")


@case(conf={"spark.sql.ansi.enabled": "false"})
def unpivot_string_and_int_ansi_off(spark):
    df = spark.createDataFrame([(1, "5", 2)], "id int, s string, a int")
    return df.unpivot("id", ["s", "a"], "var", "val")


@case
def unpivot_boolean_and_int(spark):
    df = spark.createDataFrame([(1, True, 2)], "id int, b boolean, a int")
    return df.unpivot("id", ["b", "a"], "var", "val")


@case
def unpivot_unknown_column(spark):
    return _wide(spark).unpivot("id", ["nope"], "var", "val")


@case
def unpivot_then_group(spark):
    return _wide(spark).unpivot("id", ["int", "double"], "var", "val").groupBy("var").agg(F.count("val").alias("n")).orderBy("var")


@case
def unpivot_show(spark):
    _wide(spark).unpivot("id", ["int", "double"], "var", "val").show()


@case
def unpivot_same_column_twice(spark):
    return _wide(spark).unpivot("id", ["int", "int"], "var", "val")


@case
def unpivot_string_and_date(spark):
    df = spark.createDataFrame([(1, "2024-01-01", datetime.date(2024, 1, 2))], "id int, s string, d date")
    return df.unpivot("id", ["s", "d"], "var", "val")


@case
def unpivot_null_column_takes_other_type(spark):
    return _wide(spark).select("id", "int", F.lit(None).alias("n")).unpivot("id", ["int", "n"], "var", "val")
