"""``pyspark.testing``: assertDataFrameEqual and assertSchemaEqual, pass or fail,
with the exception class, error class, message text (the diff) and ``e.data``."""

import datetime
import decimal

from harness import case
from pyspark.sql import Row
from pyspark.sql.types import (ArrayType, DoubleType, IntegerType, LongType, MapType, StringType, StructField,
                               StructType)
from pyspark.testing import assertDataFrameEqual, assertSchemaEqual


def outcome(fn, *args, **kwargs):
    """What the assertion did: 'passed' (with its return value) or the error it raised."""
    try:
        returned = fn(*args, **kwargs)
    except Exception as e:
        condition = e.getCondition() if hasattr(e, "getCondition") else None
        params = e.getMessageParameters() if hasattr(e, "getMessageParameters") else None
        return {
            "class": type(e).__name__,
            "condition": condition,
            "message": str(e),
            "param_names": sorted(params or {}),
            "data": repr(getattr(e, "data", None)),
            "is_assertion_error": isinstance(e, AssertionError),
        }
    return {"passed": repr(returned)}


def amounts(spark, rows, schema="id string, amount double"):
    return spark.createDataFrame(rows, schema)


@case
def df_equal_identical(spark):
    return outcome(assertDataFrameEqual, amounts(spark, [("1", 1000.0), ("2", 3000.0)]),
                   amounts(spark, [("1", 1000.0), ("2", 3000.0)]))


@case
def df_different_rows(spark):
    return outcome(assertDataFrameEqual, amounts(spark, [("1", 1000.0), ("2", 3000.0), ("3", 2000.0)]),
                   amounts(spark, [("1", 1001.0), ("2", 3000.0), ("3", 2003.0)]))


@case
def df_rtol_passes(spark):
    return outcome(assertDataFrameEqual, amounts(spark, [("1", 0.1), ("2", 3.23)]),
                   amounts(spark, [("1", 0.109), ("2", 3.23)]), rtol=1e-1)


@case
def df_default_tolerance_fails(spark):
    return outcome(assertDataFrameEqual, amounts(spark, [("1", 0.1)]), amounts(spark, [("1", 0.1001)]))


@case
def df_within_default_tolerance(spark):
    return outcome(assertDataFrameEqual, amounts(spark, [("1", 1.0)]), amounts(spark, [("1", 1.000001)]))


@case
def df_atol(spark):
    return outcome(assertDataFrameEqual, amounts(spark, [("1", 0.0)]), amounts(spark, [("1", 0.01)]), atol=0.1)


@case
def df_vs_list_of_rows_passes(spark):
    df = spark.createDataFrame([(1, 1000), (2, 3000)], ["id", "amount"])
    return outcome(assertDataFrameEqual, df, [Row(1, 1000), Row(2, 3000)])


@case
def df_vs_list_of_rows_fails(spark):
    df = spark.createDataFrame([(1, 1000), (2, 3000)], ["id", "amount"])
    return outcome(assertDataFrameEqual, df, [Row(id=1, amount=1000), Row(id=2, amount=3001)])


@case
def list_vs_df(spark):
    df = spark.createDataFrame([(1, "a")], ["id", "v"])
    return outcome(assertDataFrameEqual, [Row(id=1, v="b")], df)


@case
def lists_both_sides(spark):
    return outcome(assertDataFrameEqual, [Row(a=1), Row(a=2)], [Row(a=2), Row(a=1)])


@case
def row_order_checked_fails(spark):
    df1 = spark.createDataFrame([(1, "a"), (2, "b")], ["id", "v"])
    df2 = spark.createDataFrame([(2, "b"), (1, "a")], ["id", "v"])
    return outcome(assertDataFrameEqual, df1, df2, checkRowOrder=True)


@case
def row_order_ignored_by_default(spark):
    df1 = spark.createDataFrame([(1, "a"), (2, "b")], ["id", "v"])
    df2 = spark.createDataFrame([(2, "b"), (1, "a")], ["id", "v"])
    return outcome(assertDataFrameEqual, df1, df2)


def nullable_pair(spark):
    s1 = StructType([StructField("amount", LongType(), True), StructField("id", StringType(), True)])
    s2 = StructType([StructField("amount", LongType(), True), StructField("id", StringType(), False)])
    data = [(1000, "1"), (5000, "2")]
    return spark.createDataFrame(data, s1), spark.createDataFrame(data, s2)


@case
def nullable_ignored_by_default(spark):
    return outcome(assertDataFrameEqual, *nullable_pair(spark))


@case
def nullable_checked_fails(spark):
    return outcome(assertDataFrameEqual, *nullable_pair(spark), ignoreNullable=False)


@case
def column_order_ignored(spark):
    df1 = spark.createDataFrame([(1000, "1"), (5000, "2")], ["amount", "id"])
    df2 = spark.createDataFrame([("1", 1000), ("2", 5000)], ["id", "amount"])
    return outcome(assertDataFrameEqual, df1, df2, ignoreColumnOrder=True)


@case
def column_order_checked_fails(spark):
    df1 = spark.createDataFrame([(1000, "1"), (5000, "2")], ["amount", "id"])
    df2 = spark.createDataFrame([("1", 1000), ("2", 5000)], ["id", "amount"])
    return outcome(assertDataFrameEqual, df1, df2)


@case
def column_name_ignored(spark):
    df1 = spark.createDataFrame([(1000, "1"), (5000, "2")], ["amount", "identity"])
    df2 = spark.createDataFrame([(1000, "1"), (5000, "2")], ["amount", "id"])
    return outcome(assertDataFrameEqual, df1, df2, ignoreColumnName=True)


@case
def column_name_checked_fails(spark):
    df1 = spark.createDataFrame([(1000, "1"), (5000, "2")], ["amount", "identity"])
    df2 = spark.createDataFrame([(1000, "1"), (5000, "2")], ["amount", "id"])
    return outcome(assertDataFrameEqual, df1, df2)


@case
def column_type_ignored(spark):
    df1 = spark.createDataFrame([(1000, "1"), (5000, "2")], ["amount", "id"])
    df2 = spark.createDataFrame([(1000.0, "1"), (5000.0, "2")], ["amount", "id"])
    return outcome(assertDataFrameEqual, df1, df2, ignoreColumnType=True)


@case
def column_type_ignored_values_differ(spark):
    df1 = spark.createDataFrame([(1000, "1"), (5000, "2")], ["amount", "id"])
    df2 = spark.createDataFrame([(1000.5, "1"), (5000.0, "2")], ["amount", "id"])
    return outcome(assertDataFrameEqual, df1, df2, ignoreColumnType=True)


@case
def column_type_checked_fails(spark):
    df1 = spark.createDataFrame([(1000, "1"), (5000, "2")], ["amount", "id"])
    df2 = spark.createDataFrame([(1000.0, "1"), (5000.0, "2")], ["amount", "id"])
    return outcome(assertDataFrameEqual, df1, df2)


@case
def max_errors_one(spark):
    df1 = spark.createDataFrame([(1, "A"), (2, "B"), (3, "C")])
    df2 = spark.createDataFrame([(1, "A"), (2, "X"), (3, "Y")])
    return outcome(assertDataFrameEqual, df1, df2, maxErrors=1)


@case
def show_only_diff(spark):
    df1 = spark.createDataFrame([(1, "A"), (2, "B"), (3, "C")])
    df2 = spark.createDataFrame([(1, "A"), (2, "X"), (3, "Y")])
    return outcome(assertDataFrameEqual, df1, df2, showOnlyDiff=True)


@case
def include_diff_rows(spark):
    return outcome(assertDataFrameEqual, amounts(spark, [("1", 1000.0), ("2", 3000.0), ("3", 2000.0)]),
                   amounts(spark, [("1", 1001.0), ("2", 3000.0), ("3", 2003.0)]), includeDiffRows=True)


@case
def actual_none(spark):
    return outcome(assertDataFrameEqual, None, spark.range(1))


@case
def expected_none(spark):
    return outcome(assertDataFrameEqual, spark.range(1), None)


@case
def both_none(spark):
    return outcome(assertDataFrameEqual, None, None)


@case
def actual_wrong_type(spark):
    return outcome(assertDataFrameEqual, 42, spark.range(1))


@case
def expected_wrong_type(spark):
    return outcome(assertDataFrameEqual, spark.range(1), "not a frame")


@case
def more_actual_rows(spark):
    return outcome(assertDataFrameEqual, spark.createDataFrame([(1,), (2,), (3,)], ["x"]),
                   spark.createDataFrame([(1,), (2,)], ["x"]))


@case
def fewer_actual_rows(spark):
    return outcome(assertDataFrameEqual, spark.createDataFrame([(1,)], ["x"]),
                   spark.createDataFrame([(1,), (2,)], ["x"]))


@case
def nulls_equal(spark):
    df1 = spark.createDataFrame([(1, None), (None, "b")], "a int, b string")
    df2 = spark.createDataFrame([(None, "b"), (1, None)], "a int, b string")
    return outcome(assertDataFrameEqual, df1, df2)


@case
def null_vs_value(spark):
    df1 = spark.createDataFrame([(1, None)], "a int, b string")
    df2 = spark.createDataFrame([(1, "x")], "a int, b string")
    return outcome(assertDataFrameEqual, df1, df2)


@case
def nested_arrays_and_structs_approx(spark):
    schema = "id int, xs array<double>, s struct<a: double, b: string>"
    df1 = spark.createDataFrame([(1, [1.0, 2.0], (0.5, "p"))], schema)
    df2 = spark.createDataFrame([(1, [1.0000001, 2.0], (0.5000001, "p"))], schema)
    return outcome(assertDataFrameEqual, df1, df2)


@case
def nested_array_differs(spark):
    schema = "id int, xs array<int>"
    df1 = spark.createDataFrame([(1, [1, 2])], schema)
    df2 = spark.createDataFrame([(1, [1, 2, 3])], schema)
    return outcome(assertDataFrameEqual, df1, df2)


@case
def map_values(spark):
    schema = "id int, m map<string, double>"
    df1 = spark.createDataFrame([(1, {"a": 1.0})], schema)
    df2 = spark.createDataFrame([(1, {"a": 1.5})], schema)
    return outcome(assertDataFrameEqual, df1, df2)


@case
def decimals_tolerance(spark):
    schema = "d decimal(10,4)"
    df1 = spark.createDataFrame([(decimal.Decimal("1.0000"),)], schema)
    df2 = spark.createDataFrame([(decimal.Decimal("1.0001"),)], schema)
    return [outcome(assertDataFrameEqual, df1, df2), outcome(assertDataFrameEqual, df1, df2, rtol=1e-3)]


@case
def nan_equals_nan(spark):
    df = spark.createDataFrame([(float("nan"),)], "x double")
    return outcome(assertDataFrameEqual, df, spark.createDataFrame([(float("nan"),)], "x double"))


@case
def dates_and_timestamps(spark):
    schema = "d date, t timestamp"
    df1 = spark.createDataFrame([(datetime.date(2024, 1, 1), datetime.datetime(2024, 1, 1, 12, 0))], schema)
    df2 = spark.createDataFrame([(datetime.date(2024, 1, 2), datetime.datetime(2024, 1, 1, 12, 0))], schema)
    return outcome(assertDataFrameEqual, df1, df2)


@case
def empty_frames(spark):
    return [outcome(assertDataFrameEqual, spark.range(0), spark.range(0)),
            outcome(assertDataFrameEqual, spark.range(0), spark.range(1))]


@case
def schema_equal(spark):
    s1 = StructType([StructField("names", ArrayType(DoubleType(), True), True)])
    s2 = StructType([StructField("names", ArrayType(DoubleType(), True), True)])
    return outcome(assertSchemaEqual, s1, s2)


@case
def schema_nullable_checked(spark):
    s1 = StructType([StructField("names", ArrayType(DoubleType(), True), True)])
    s3 = StructType([StructField("names", ArrayType(DoubleType(), True), False)])
    return [outcome(assertSchemaEqual, s1, s3), outcome(assertSchemaEqual, s1, s3, ignoreNullable=False)]


@case
def schema_of_frames_differs(spark):
    df1 = spark.createDataFrame(data=[(1, 1000), (2, 3000)], schema=["id", "number"])
    df2 = spark.createDataFrame(data=[("1", 1000), ("2", 5000)], schema=["id", "amount"])
    return outcome(assertSchemaEqual, df1.schema, df2.schema)


@case
def schema_column_order(spark):
    s1 = StructType([StructField("a", IntegerType(), True), StructField("b", DoubleType(), True)])
    s2 = StructType([StructField("b", DoubleType(), True), StructField("a", IntegerType(), True)])
    return [outcome(assertSchemaEqual, s1, s2, ignoreColumnOrder=True), outcome(assertSchemaEqual, s1, s2)]


@case
def schema_column_name(spark):
    s1 = StructType([StructField("a", IntegerType(), True), StructField("c", DoubleType(), True)])
    s2 = StructType([StructField("b", IntegerType(), True), StructField("d", DoubleType(), True)])
    return [outcome(assertSchemaEqual, s1, s2, ignoreColumnName=True), outcome(assertSchemaEqual, s1, s2)]


@case
def schema_nested_struct_and_map(spark):
    s1 = StructType([StructField("s", StructType([StructField("x", LongType(), False)]), True),
                     StructField("m", MapType(StringType(), LongType(), True), True)])
    s2 = StructType([StructField("s", StructType([StructField("x", LongType(), True)]), True),
                     StructField("m", MapType(StringType(), LongType(), False), True)])
    s3 = StructType([StructField("s", StructType([StructField("y", LongType(), True)]), True),
                     StructField("m", MapType(StringType(), LongType(), False), True)])
    return [outcome(assertSchemaEqual, s1, s2), outcome(assertSchemaEqual, s1, s2, ignoreNullable=False),
            outcome(assertSchemaEqual, s1, s3)]


@case
def schema_length_differs(spark):
    s1 = StructType([StructField("a", IntegerType(), True)])
    s2 = StructType([StructField("a", IntegerType(), True), StructField("b", IntegerType(), True)])
    return outcome(assertSchemaEqual, s1, s2)


@case
def schema_not_struct(spark):
    s = StructType([StructField("a", IntegerType(), True)])
    return [outcome(assertSchemaEqual, IntegerType(), s), outcome(assertSchemaEqual, s, "a int")]


@case
def pandas_frames_equal(spark):
    import pandas as pd

    return outcome(assertDataFrameEqual, pd.DataFrame({"a": [1, 2], "b": [0.5, 1.5]}),
                   pd.DataFrame({"a": [1, 2], "b": [0.5000001, 1.5]}))


@case
def pandas_frames_differ(spark):
    import pandas as pd

    return outcome(assertDataFrameEqual, pd.DataFrame({"a": [1, 2], "b": [0.5, 1.5]}),
                   pd.DataFrame({"a": [1, 2], "b": [0.5, 2.5]}))


@case
def pandas_frames_shape_differs(spark):
    import pandas as pd

    return outcome(assertDataFrameEqual, pd.DataFrame({"a": [1, 2]}), pd.DataFrame({"a": [1, 2, 3]}))


@case
def pandas_row_order(spark):
    import pandas as pd

    return outcome(assertDataFrameEqual, pd.DataFrame({"a": [1, 2]}), pd.DataFrame({"a": [2, 1]}))


@case
def pandas_vs_list(spark):
    import pandas as pd

    return outcome(assertDataFrameEqual, pd.DataFrame({"a": [1]}), [Row(a=1)])


@case
def frame_after_query(spark):
    df = spark.createDataFrame([("a", 1), ("a", 2), ("b", 5)], ["k", "v"])
    got = df.groupBy("k").sum("v")
    return [outcome(assertDataFrameEqual, got, [Row(k="a", **{"sum(v)": 3}), Row(k="b", **{"sum(v)": 5})]),
            outcome(assertDataFrameEqual, got, spark.createDataFrame([("a", 3), ("b", 6)], ["k", "sum(v)"]))]
