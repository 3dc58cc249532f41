"""map_keys/map_values/map_entries/map_contains_key over maps with NULL values,
empty and NULL maps, key casts; names, types and errors."""

from harness import case
from pyspark.sql import functions as F


def _maps(spark):
    return spark.createDataFrame(
        [(1, {"a": 1, "b": None}), (2, {}), (3, None), (4, {"😀": -5})], "id int, m map<string,int>"
    )


def _int_keys(spark):
    return spark.createDataFrame([(1, {1: "x", 2: "y"}), (2, None), (3, {-1: None})], "id int, m map<int,string>")


@case
def keys_values(spark):
    return _maps(spark).select("id", F.map_keys("m"), F.map_values("m")).orderBy("id")


@case
def entries(spark):
    return _maps(spark).select("id", F.map_entries("m")).orderBy("id")


@case
def contains_key(spark):
    return _maps(spark).select("id", F.map_contains_key("m", "a"), F.map_contains_key("m", ""), F.map_contains_key("m", "z").alias("z")).orderBy("id")


@case
def int_keys(spark):
    return _int_keys(spark).select("id", F.map_keys("m"), F.map_values("m"), F.map_contains_key("m", 2), F.map_contains_key("m", 2.0).alias("d")).orderBy("id")


@case
def map_sql(spark):
    return _int_keys(spark).selectExpr("id", "map_keys(m)", "map_values(m) AS v", "map_contains_key(m, -1)", "size(m)").orderBy("id")


@case
def keys_not_a_map(spark):
    return _maps(spark).select(F.map_keys("id"))


@case
def map_element_at(spark):
    return _maps(spark).select("id", F.element_at("m", "a"), F.try_element_at("m", F.lit("b")), F.element_at("m", F.lit("zz")).alias("z")).orderBy("id")


@case
def map_filter_values(spark):
    return _maps(spark).select("id", F.map_filter("m", lambda k, v: v > 0)).orderBy("id")


@case
def map_filter_keys_and_nulls(spark):
    return _maps(spark).select("id", F.map_filter("m", lambda k, v: (k != "a") | v.isNull()).alias("f")).orderBy("id")


@case
def transform_values_basic(spark):
    return _maps(spark).select("id", F.transform_values("m", lambda k, v: v * 10)).orderBy("id")


@case
def transform_values_to_string(spark):
    return _int_keys(spark).select("id", F.transform_values("m", lambda k, v: F.concat(v, k.cast("string"))).alias("t")).orderBy("id")


@case
def map_lambdas_sql(spark):
    return _maps(spark).selectExpr("id", "map_filter(m, (k, v) -> v IS NOT NULL)", "transform_values(m, (k, v) -> k) AS t").orderBy("id")


@case
def map_filter_not_boolean(spark):
    return _maps(spark).select(F.map_filter("m", lambda k, v: v))


@case
def map_filter_wrong_lambda_arity(spark):
    return _maps(spark).selectExpr("map_filter(m, k -> true)")


@case
def create_map_basic(spark):
    df = spark.createDataFrame([(1, "a", 10), (2, "b", None), (3, "😀", -1)], "id int, k string, v int")
    return df.select("id", F.create_map("k", "v"), F.create_map(F.lit("x"), F.col("id"), "k", "v").alias("m2")).orderBy("id")


@case
def create_map_widening_and_sql(spark):
    df = spark.createDataFrame([(1, 2.5), (2, None)], "id int, d double")
    return df.selectExpr("id", "map(id, d)", "map(1, 'a', 2, 'b') AS lits", "map_keys(map(id, d, 10, 1)) AS k").orderBy("id")


@case
def create_map_then_functions(spark):
    df = spark.createDataFrame([(1, "a", 10), (2, "b", None)], "id int, k string, v int")
    m = F.create_map("k", "v")
    return df.select("id", F.map_keys(m).alias("k"), F.element_at(m, "a").alias("a"), F.map_contains_key(m, "b").alias("b")).orderBy("id")


@case
def create_map_null_key(spark):
    df = spark.createDataFrame([(1, None)], "id int, k string")
    return df.select(F.create_map("k", "id"))


@case
def create_map_duplicate_key(spark):
    df = spark.createDataFrame([(1, "a")], "id int, k string")
    return df.select(F.create_map("k", "id", F.lit("a"), F.lit(2)))


@case
def create_map_odd_arguments(spark):
    df = spark.createDataFrame([(1, "a")], "id int, k string")
    return df.select(F.create_map("k", "id", "k"))
