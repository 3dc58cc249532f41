"""Higher-order functions with lambdas: transform (with and without the index),
filter, exists, forall (three-valued), aggregate/reduce (with and without finish),
zip_with (padding), lambdas reading outer columns and enclosing lambdas' variables,
nested higher-order calls, the generated names (`lambdafunction(...)`), SQL lambdas
through selectExpr, and the errors of misuse."""

from harness import case
from pyspark.sql import functions as F

LEGACY = {"spark.sql.ansi.enabled": "false"}


def _ints(spark):
    return spark.createDataFrame(
        [(1, [1, 2, 3], 10), (2, [None, 5], 1), (3, [], 2), (4, None, 3), (5, [-2147483648, 2147483647], None)],
        "id int, a array<int>, b int",
    )


def _strs(spark):
    return spark.createDataFrame(
        [(1, ["a", "", None, "😀x"]), (2, []), (3, None), (4, ["Spark", "é"])], "id int, s array<string>"
    )


def _doubles(spark):
    return spark.createDataFrame(
        [(1, [1.5, float("nan"), None, -0.0]), (2, [float("inf"), float("-inf")]), (3, None)], "id int, d array<double>"
    )


@case
def transform_plus_one(spark):
    return _ints(spark).where("id < 5").select("id", F.transform("a", lambda x: x + 1)).orderBy("id")


@case
def transform_with_index(spark):
    return _ints(spark).select("id", F.transform("a", lambda x, i: x * 10 + i)).orderBy("id")


@case
def transform_outer_column(spark):
    return _ints(spark).select("id", F.transform("a", lambda x: x + F.col("b")).alias("t")).orderBy("id")


@case
def transform_to_string(spark):
    return _ints(spark).select("id", F.transform("a", lambda x: F.concat(x.cast("string"), F.lit("!"))).alias("t")).orderBy("id")


@case
def transform_strings(spark):
    return _strs(spark).select("id", F.transform("s", lambda x: F.upper(x)), F.transform("s", lambda x: F.length(x)).alias("n")).orderBy("id")


@case
def transform_doubles(spark):
    return _doubles(spark).select("id", F.transform("d", lambda x: x * 2).alias("t")).orderBy("id")


@case
def transform_overflow_ansi(spark):
    return _ints(spark).where("id = 5").select(F.transform("a", lambda x: x + 1))


@case(conf=LEGACY)
def transform_overflow_legacy(spark):
    return _ints(spark).where("id = 5").select(F.transform("a", lambda x: x + 1))


@case
def transform_nested(spark):
    return _ints(spark).where("id < 5").select(
        "id", F.transform("a", lambda x: F.transform("a", lambda y: y - x)).alias("t")
    ).orderBy("id")


@case
def transform_constant_body(spark):
    return _ints(spark).select("id", F.transform("a", lambda x: F.lit(7)).alias("t")).orderBy("id")


@case
def filter_basic(spark):
    return _ints(spark).select("id", F.filter("a", lambda x: x > 1)).orderBy("id")


@case
def filter_with_index(spark):
    return _ints(spark).select("id", F.filter("a", lambda x, i: i % 2 == 0).alias("f")).orderBy("id")


@case
def filter_nulls_and_nan(spark):
    return _doubles(spark).select("id", F.filter("d", lambda x: x.isNull() | F.isnan(x)).alias("f")).orderBy("id")


@case
def filter_strings(spark):
    return _strs(spark).select("id", F.filter("s", lambda x: x != "").alias("f")).orderBy("id")


@case
def exists_forall(spark):
    return _ints(spark).select(
        "id", F.exists("a", lambda x: x > 2), F.forall("a", lambda x: x > 0), F.exists("a", lambda x: x.isNull()).alias("e")
    ).orderBy("id")


@case
def exists_three_valued(spark):
    df = spark.createDataFrame([(1, [1, None]), (2, [None]), (3, [5, None]), (4, [])], "id int, a array<int>")
    return df.select("id", F.exists("a", lambda x: x > 3).alias("e"), F.forall("a", lambda x: x > 3).alias("f")).orderBy("id")


@case
def aggregate_sum(spark):
    return _ints(spark).where("id < 5").select("id", F.aggregate("a", F.lit(0), lambda acc, x: acc + x)).orderBy("id")


@case
def aggregate_with_finish(spark):
    return _ints(spark).where("id < 5").select(
        "id", F.aggregate("a", F.lit(0), lambda acc, x: acc + F.coalesce(x, F.lit(0)), lambda acc: acc * 10).alias("s")
    ).orderBy("id")


@case
def aggregate_bigint_start(spark):
    return _ints(spark).select("id", F.aggregate("a", F.lit(0).cast("bigint"), lambda acc, x: acc + x).alias("s")).orderBy("id")


@case
def aggregate_double_finish(spark):
    return _ints(spark).where("id < 5").select(
        "id", F.aggregate("a", F.lit(0.0), lambda acc, x: acc + x, lambda acc: acc / 4).alias("avg")
    ).orderBy("id")


@case
def reduce_strings(spark):
    return _strs(spark).select("id", F.reduce("s", F.lit(""), lambda acc, x: F.concat(acc, F.coalesce(x, F.lit("?")))).alias("r")).orderBy("id")


@case
def aggregate_outer_column(spark):
    return _ints(spark).where("id < 5").select("id", F.aggregate("a", F.col("b"), lambda acc, x: acc + F.coalesce(x, F.col("b"))).alias("s")).orderBy("id")


@case
def aggregate_type_mismatch(spark):
    return _ints(spark).select(F.aggregate("a", F.lit(0.5), lambda acc, x: acc + x))


@case
def zip_with_basic(spark):
    df = spark.createDataFrame(
        [(1, [1, 2, 3], ["a", "b"]), (2, [], ["x"]), (3, None, ["y"]), (4, [4], None), (5, [None], [None])],
        "id int, a array<int>, s array<string>",
    )
    return df.select("id", F.zip_with("a", "s", lambda x, y: F.concat_ws("-", x.cast("string"), y))).orderBy("id")


@case
def zip_with_sum(spark):
    return _ints(spark).where("id < 5").select("id", F.zip_with("a", F.transform("a", lambda x: x * 2), lambda x, y: x + y).alias("z")).orderBy("id")


@case
def sql_lambdas(spark):
    return _ints(spark).where("id < 5").selectExpr(
        "id", "transform(a, x -> x + 1)", "filter(a, (x, i) -> i > 0)", "aggregate(a, 0, (acc, x) -> acc + x)",
        "forall(a, x -> x IS NOT NULL)", "reduce(a, 0, (acc, x) -> acc + coalesce(x, 0), acc -> acc * 2)",
    ).orderBy("id")


@case
def sql_lambda_outer_and_nested(spark):
    return _ints(spark).where("id < 5").selectExpr(
        "id", "transform(a, x -> x + b) AS t", "transform(a, x -> transform(a, y -> x * y)) AS n", "zip_with(a, a, (l, r) -> l * r) AS z"
    ).orderBy("id")


@case
def sql_lambda_shadows_column(spark):
    return _ints(spark).where("id < 5").selectExpr("id", "transform(a, b -> b + 1) AS t").orderBy("id")


@case
def transform_not_array(spark):
    return _ints(spark).select(F.transform("b", lambda x: x + 1))


@case
def filter_not_boolean(spark):
    return _ints(spark).select(F.filter("a", lambda x: x + 1))


@case
def lambda_wrong_arity_sql(spark):
    return _ints(spark).selectExpr("transform(a, (x, y, z) -> x)")


@case
def exists_wrong_arity_sql(spark):
    return _ints(spark).selectExpr("forall(a, (x, i) -> x > i)")


@case
def lambda_too_many_python_params(spark):
    return _ints(spark).select(F.transform("a", lambda x, y, z, w: x))


@case
def lambda_returns_non_column(spark):
    return _ints(spark).select(F.transform("a", lambda x: 1))
