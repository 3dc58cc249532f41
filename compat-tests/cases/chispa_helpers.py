"""chispa (a third-party PySpark test helper) unchanged on PyRust: assert_df_equality
with its options, assert_column_equality, assert_approx_column_equality and
assert_approx_df_equality, passing and failing as on PySpark (with its message)."""

from harness import case
from pyspark.sql import functions as F

try:  # chispa is a test dependency; without it these cases report ImportError
    import chispa
except ImportError:  # pragma: no cover
    chispa = None


def outcome(fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except Exception as e:
        return {"class": type(e).__name__, "message": str(e)}
    return "passed"


def people(spark, rows=None):
    return spark.createDataFrame(rows or [("jose", 1), ("li", 2), ("luisa", 3)], ["name", "age"])


@case
def df_equal(spark):
    return outcome(chispa.assert_df_equality, people(spark), people(spark))


@case
def df_rows_differ(spark):
    return outcome(chispa.assert_df_equality, people(spark), people(spark, [("jose", 1), ("li", 5), ("luisa", 3)]))


@case
def df_schema_differs(spark):
    other = spark.createDataFrame([("jose", "1"), ("li", "2"), ("luisa", "3")], ["name", "age"])
    return outcome(chispa.assert_df_equality, people(spark), other)


@case
def df_ignore_row_order(spark):
    shuffled = people(spark, [("luisa", 3), ("jose", 1), ("li", 2)])
    return [outcome(chispa.assert_df_equality, people(spark), shuffled),
            outcome(chispa.assert_df_equality, people(spark), shuffled, ignore_row_order=True)]


@case
def df_ignore_column_order(spark):
    swapped = people(spark).select("age", "name")
    return [outcome(chispa.assert_df_equality, people(spark), swapped),
            outcome(chispa.assert_df_equality, people(spark), swapped, ignore_column_order=True)]


@case
def df_ignore_nullable(spark):
    a = spark.createDataFrame([(1,), (2,)], "x int not null")
    b = spark.createDataFrame([(1,), (2,)], "x int")
    return [outcome(chispa.assert_df_equality, a, b), outcome(chispa.assert_df_equality, a, b, ignore_nullable=True)]


@case
def df_ignore_columns(spark):
    other = people(spark).withColumn("age", F.col("age") + 1)
    return [outcome(chispa.assert_df_equality, people(spark), other),
            outcome(chispa.assert_df_equality, people(spark), other, ignore_columns=["age"])]


@case
def df_transforms(spark):
    upper = people(spark).withColumn("name", F.upper("name"))
    return outcome(chispa.assert_df_equality, people(spark), upper,
                   transforms=[lambda df: df.withColumn("name", F.lower("name"))])


@case
def df_nan_equality(spark):
    a = spark.createDataFrame([(float("nan"),), (1.0,)], "x double")
    b = spark.createDataFrame([(float("nan"),), (1.0,)], "x double")
    return [outcome(chispa.assert_df_equality, a, b), outcome(chispa.assert_df_equality, a, b, allow_nan_equality=True)]


@case
def df_complex_columns_row_order(spark):
    schema = "id int, xs array<int>, s struct<a: int>"
    a = spark.createDataFrame([(1, [1, 2], (1,)), (2, [3], (2,))], schema)
    b = spark.createDataFrame([(2, [3], (2,)), (1, [1, 2], (1,))], schema)
    return outcome(chispa.assert_df_equality, a, b, ignore_row_order=True)


@case
def df_different_row_counts(spark):
    return outcome(chispa.assert_df_equality, people(spark), people(spark, [("jose", 1)]))


@case
def approx_df(spark):
    a = spark.createDataFrame([("a", 1.1), ("b", 2.2), ("c", None)], ["k", "v"])
    b = spark.createDataFrame([("a", 1.05), ("b", 2.13), ("c", None)], ["k", "v"])
    return [outcome(chispa.assert_approx_df_equality, a, b, 0.1),
            outcome(chispa.assert_approx_df_equality, a, b, 0.01)]


@case
def approx_df_options(spark):
    a = spark.createDataFrame([("b", 2.2), ("a", 1.1)], ["k", "v"])
    b = spark.createDataFrame([(1.15, "a"), (2.25, "b")], ["v", "k"])
    return outcome(chispa.assert_approx_df_equality, a, b, 0.1, ignore_row_order=True, ignore_column_order=True)


@case
def column_equality(spark):
    df = spark.createDataFrame([("jose", "jose"), ("li", "li"), ("luisa", "laura"), (None, None)], ["a", "b"])
    return [outcome(chispa.assert_column_equality, df.filter(F.col("a") != "luisa"), "a", "b"),
            outcome(chispa.assert_column_equality, df, "a", "b")]


@case
def column_equality_after_transform(spark):
    df = spark.createDataFrame([("  jo ", "jo"), ("li", "li")], ["raw", "expected"]).withColumn("clean", F.trim("raw"))
    return outcome(chispa.assert_column_equality, df, "clean", "expected")


@case
def approx_column_equality(spark):
    df = spark.createDataFrame([(1.1, 1.1), (2.2, 2.15), (None, None), (3.0, None)], ["a", "b"])
    return [outcome(chispa.assert_approx_column_equality, df.filter(F.col("a") < 3), "a", "b", 0.1),
            outcome(chispa.assert_approx_column_equality, df, "a", "b", 0.1)]
