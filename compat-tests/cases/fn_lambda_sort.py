"""array_sort (default order and lambda comparators: stability, descending, NULL
handling, strings, doubles with NaN, structs, SQL text, errors), map_zip_with (the
union of the keys, missing values as NULL, NULL maps, SQL text, errors) and shuffle
with a seed (Spark's permutation of its first partition; the seed is left out of the
name). shuffle without a seed is random in both engines: not recorded."""

from harness import case
from pyspark.sql import functions as F

LEGACY = {"spark.sql.ansi.enabled": "false"}


def _ints(spark):
    return spark.createDataFrame(
        [(1, [3, 1, None, 2]), (2, []), (3, None), (4, [5, 5, -2147483648, 2147483647]), (5, [None, None])], "id int, a array<int>"
    )


def _strs(spark):
    return spark.createDataFrame(
        [(1, ["bb", "a", "ccc", "", "dd", "e"]), (2, ["😀", "é", "Z", "a"]), (3, None)], "id int, s array<string>"
    )


def _maps(spark):
    return spark.createDataFrame(
        [(1, {"a": 1, "b": 2}, {"b": 20, "c": 30}), (2, {}, {"x": 1}), (3, None, {"y": 2}), (4, {"k": None}, {})],
        "id int, m1 map<string,int>, m2 map<string,int>",
    )


# array_sort


@case
def array_sort_default_order(spark):
    # Ascending with NULLs last (sort_array puts them first).
    return _ints(spark).select("id", F.array_sort("a"), F.sort_array("a")).orderBy("id")


@case
def array_sort_default_strings_and_doubles(spark):
    df = spark.createDataFrame([(["b", None, "A", "a", "😀", ""], [2.5, float("nan"), None, -0.0, float("-inf"), 1.0])], "s array<string>, d array<double>")
    return df.select(F.array_sort("s").alias("s"), F.array_sort("d").alias("d"))


@case
def array_sort_descending_comparator(spark):
    df = _ints(spark).where("id != 4")
    return df.select("id", F.array_sort("a", lambda x, y: F.when(x.isNull(), 1).when(y.isNull(), -1).otherwise(y - x))).orderBy("id")


@case
def array_sort_is_stable(spark):
    # Compared by length only: strings of one length keep their order.
    return _strs(spark).select("id", F.array_sort("s", lambda x, y: F.length(x) - F.length(y)).alias("r")).orderBy("id")


@case
def array_sort_comparator_reads_outer_column(spark):
    df = spark.createDataFrame([(1, [1, 2, 3, 4, 5], 1), (2, [1, 2, 3, 4, 5], -1)], "id int, a array<int>, dir int")
    return df.select("id", F.array_sort("a", lambda x, y: (x - y) * F.col("dir")).alias("r")).orderBy("id")


@case
def array_sort_of_structs_by_field(spark):
    df = spark.createDataFrame([([(2, "x"), (1, "y"), (2, "a"), (1, "b")],)], "a array<struct<k:int,v:string>>")
    return df.select(F.array_sort("a", lambda l, r: l["k"] - r["k"]).alias("by_k"), F.array_sort("a").alias("default"))


@case
def array_sort_long_array(spark):
    # 40 elements: above the 32 of TimSort's insertion sort.
    df = spark.createDataFrame([([(i * 37) % 40 for i in range(40)],)], "a array<int>")
    return df.select(F.array_sort("a", lambda x, y: F.when(x % 5 < y % 5, -1).when(x % 5 > y % 5, 1).otherwise(0)).alias("r"))


@case
def array_sort_sql_text(spark):
    return _ints(spark).selectExpr(
        "id", "array_sort(a)", "array_sort(a, (x, y) -> CASE WHEN x IS NULL THEN 1 WHEN y IS NULL THEN -1 WHEN x < y THEN 1 WHEN x > y THEN -1 ELSE 0 END) AS d"
    ).orderBy("id")


@case
def array_sort_null_and_empty(spark):
    return spark.range(1).select(
        F.array_sort(F.lit(None).cast("array<int>")).alias("n"), F.array_sort(F.array().cast("array<string>")).alias("e"),
        F.array_sort(F.array(F.lit(2), F.lit(1)), lambda x, y: y - x).alias("lit"),
    )


@case
def array_sort_comparator_must_return_int(spark):
    return _ints(spark).select(F.array_sort("a", lambda x, y: F.lit(1.5)))


@case
def array_sort_comparator_bigint_is_an_error(spark):
    return _ints(spark).select(F.array_sort("a", lambda x, y: (x - y).cast("bigint")))


@case
def array_sort_of_maps_is_an_error(spark):
    return spark.range(1).select(F.array_sort(F.array(F.create_map(F.lit(1), F.lit(2)))))


@case
def array_sort_of_a_non_array(spark):
    return _ints(spark).select(F.array_sort("id"))


@case(conf=LEGACY)
def array_sort_ansi_off(spark):
    return _ints(spark).select("id", F.array_sort("a", lambda x, y: F.coalesce(y, F.lit(0)) - F.coalesce(x, F.lit(0))).alias("r")).orderBy("id")


# map_zip_with


@case
def map_zip_with_sum(spark):
    return _maps(spark).select("id", F.map_zip_with("m1", "m2", lambda k, v1, v2: F.coalesce(v1, F.lit(0)) + F.coalesce(v2, F.lit(0)))).orderBy("id")


@case
def map_zip_with_missing_values_are_null(spark):
    return _maps(spark).select(
        "id", F.map_zip_with("m1", "m2", lambda k, v1, v2: F.concat_ws("|", k, v1.cast("string"), v2.cast("string"))).alias("r")
    ).orderBy("id")


@case
def map_zip_with_struct_result(spark):
    return _maps(spark).select("id", F.map_zip_with("m1", "m2", lambda k, v1, v2: F.struct(v1.alias("l"), v2.alias("r"))).alias("r")).orderBy("id")


@case
def map_zip_with_int_keys_and_outer_column(spark):
    df = spark.createDataFrame([(1, {1: 1.5, 2: 2.5}, {2: 10.0, 3: float("nan")}, 100)], "id int, a map<int,double>, b map<int,double>, n int")
    return df.select(F.map_zip_with("a", "b", lambda k, v1, v2: v1 * k + F.coalesce(v2, F.col("n"))).alias("r"))


@case
def map_zip_with_sql_text(spark):
    return _maps(spark).selectExpr("id", "map_zip_with(m1, m2, (k, v1, v2) -> v1 IS NULL OR v2 IS NULL)").orderBy("id")


@case
def map_zip_with_of_a_non_map(spark):
    return _maps(spark).select(F.map_zip_with("id", "m2", lambda k, v1, v2: v1))


# shuffle


@case
def shuffle_with_seed(spark):
    # One generator for the partition, drawn row after row (NULL arrays draw nothing).
    return _ints(spark).select("id", F.shuffle("a", 123), F.shuffle("a", F.lit(7)).alias("s7"))


@case
def shuffle_literal_array_per_row(spark):
    return spark.range(4).select("id", F.shuffle(F.array(F.lit(1), F.lit(20), F.lit(3), F.lit(5)), 123))


@case
def shuffle_strings_sql_text(spark):
    return _strs(spark).selectExpr("id", "shuffle(s, 42)", "shuffle(s, 0) AS z")


@case
def shuffle_seed_must_be_a_literal(spark):
    return _ints(spark).select(F.shuffle("a", F.col("id")))


@case
def shuffle_of_a_non_array(spark):
    return _ints(spark).select(F.shuffle("id", 1))
