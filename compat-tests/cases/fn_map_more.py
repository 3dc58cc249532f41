"""map_from_arrays/map_from_entries/map_concat/str_to_map/transform_keys: NULL and
empty inputs, NULL and duplicate keys (`spark.sql.mapKeyDedupPolicy` EXCEPTION and
LAST_WIN), widening, names, types, error classes, SQL text forms."""

from harness import case
from pyspark.sql import functions as F

LAST_WIN = {"spark.sql.mapKeyDedupPolicy": "LAST_WIN"}


def _arrays(spark):
    return spark.createDataFrame(
        [(1, [1, 2], ["a", None]), (2, [], []), (3, None, ["x"]), (4, [7], None), (5, [-1, 0, 9], ["😀", "", "z"])],
        "id int, k array<int>, v array<string>",
    )


def _maps(spark):
    return spark.createDataFrame(
        [(1, {"a": 1, "b": None}, {"c": 3}), (2, {}, {}), (3, None, {"d": 4}), (4, {"😀": -5}, {"e": 0})],
        "id int, m1 map<string,int>, m2 map<string,int>",
    )


def _texts(spark):
    return spark.createDataFrame(
        [(1, "a:1,b:2"), (2, ""), (3, None), (4, "k"), (5, "x:1:2,,y:"), (6, "😀:🎉,é:ü")], "id int, s string"
    )


# map_from_arrays


@case
def from_arrays_basic(spark):
    return _arrays(spark).select("id", F.map_from_arrays("k", "v")).orderBy("id")


@case
def from_arrays_sql(spark):
    return _arrays(spark).selectExpr("id", "map_from_arrays(k, v) AS m", "map_from_arrays(array(1, 2), array('p', 'q'))").orderBy("id")


@case
def from_arrays_length_mismatch(spark):
    return spark.range(1).select(F.map_from_arrays(F.array(F.lit(1)), F.array(F.lit("a"), F.lit("b"))))


@case
def from_arrays_null_key(spark):
    return spark.range(1).select(F.map_from_arrays(F.array(F.lit(1), F.lit(None)), F.array(F.lit("a"), F.lit("b"))))


@case
def from_arrays_duplicate_key(spark):
    return spark.range(1).select(F.map_from_arrays(F.array(F.lit(1), F.lit(1)), F.array(F.lit("a"), F.lit("b"))))


@case(conf=LAST_WIN)
def from_arrays_duplicate_last_win(spark):
    return spark.range(1).select(F.map_from_arrays(F.array(F.lit(1), F.lit(2), F.lit(1)), F.array(F.lit("a"), F.lit("b"), F.lit("c"))))


@case
def from_arrays_not_array(spark):
    return _arrays(spark).select(F.map_from_arrays("id", "v"))


@case
def from_arrays_second_not_array(spark):
    return _arrays(spark).select(F.map_from_arrays("k", "id"))


# map_from_entries


@case
def from_entries_basic(spark):
    df = spark.createDataFrame(
        [(1, [(1, "a"), (2, None)]), (2, []), (3, None), (4, [(5, "x"), None])], "id int, e array<struct<k:int,v:string>>"
    )
    return df.select("id", F.map_from_entries("e")).orderBy("id")


@case
def from_entries_sql(spark):
    return spark.range(1).selectExpr("map_from_entries(array(struct(1, 'a'), struct(2, 'b')))", "map_from_entries(array(named_struct('x', 'k', 'y', CAST(1.5 AS DOUBLE))))")


@case
def from_entries_null_entry(spark):
    return spark.range(1).selectExpr("map_from_entries(array(struct(1, 'a'), null))")


@case
def from_entries_null_key(spark):
    return spark.range(1).selectExpr("map_from_entries(array(struct(cast(null as int), 'a')))")


@case
def from_entries_duplicate_key(spark):
    return spark.range(1).selectExpr("map_from_entries(array(struct('a', 1), struct('a', 2)))")


@case
def from_entries_not_pairs(spark):
    return spark.range(1).selectExpr("map_from_entries(array(1, 2))")


@case
def from_entries_three_fields(spark):
    return spark.range(1).selectExpr("map_from_entries(array(struct(1, 2, 3)))")


# map_concat


@case
def concat_basic(spark):
    return _maps(spark).select("id", F.map_concat("m1", "m2")).orderBy("id")


@case
def concat_list_argument(spark):
    # map_entries: the entries in Spark's order (a collected map is a dict in the JVM's hash order).
    return _maps(spark).select("id", F.map_entries(F.map_concat(["m2", "m1"])).alias("c")).orderBy("id")


@case
def concat_one_and_none(spark):
    return _maps(spark).select("id", F.map_concat("m1"), F.map_concat()).orderBy("id")


@case
def concat_widens_values(spark):
    return _maps(spark).selectExpr("id", "map_entries(map_concat(m2, map('z', 2L)))", "map_concat(map(1, CAST(1.5 AS DOUBLE)), map(2L, 3))").orderBy("id")


@case
def concat_null_map(spark):
    return _maps(spark).selectExpr("id", "map_entries(map_concat(m2, m1))").orderBy("id")


@case
def concat_duplicate_key(spark):
    return _maps(spark).select(F.map_concat("m2", "m2"))


@case(conf=LAST_WIN)
def concat_duplicate_last_win(spark):
    return spark.range(1).selectExpr("map_concat(map('a', 1, 'b', 2), map('a', 3, 'c', 4))", "map('x', 1, 'y', 2, 'x', 3)")


@case
def concat_different_types(spark):
    return _maps(spark).selectExpr("map_concat(m1, map(1, 'a'))")


@case
def concat_not_a_map(spark):
    return _maps(spark).select(F.map_concat("m1", "id"))


# str_to_map


@case
def str_to_map_defaults(spark):
    return _texts(spark).select("id", F.str_to_map("s")).orderBy("id")


@case
def str_to_map_delimiters(spark):
    df = spark.createDataFrame([(1, "a=1;b=2", ";", "="), (2, "p-q", ",", "-"), (3, "x", None, "=")], "id int, s string, p string, kv string")
    return df.select("id", F.str_to_map("s", "p", "kv"), F.str_to_map("s", F.lit(";"), F.lit("=")).alias("lit")).orderBy("id")


@case
def str_to_map_regex_delimiters(spark):
    return spark.range(1).selectExpr("str_to_map('a.1|b.2', '[|]', '[.]')", "str_to_map('a1b2c', '[0-9]', 'x')", "map_entries(str_to_map('k = v ;  m = n', '\\\\s*;\\\\s*', '\\\\s*=\\\\s*'))")


@case
def str_to_map_sql(spark):
    return _texts(spark).selectExpr("id", "str_to_map(s)", "str_to_map(s, ',')", "str_to_map(s, ',', ':') AS m").orderBy("id")


@case
def str_to_map_duplicate_key(spark):
    return spark.range(1).selectExpr("str_to_map('a:1,a:2')")


@case(conf=LAST_WIN)
def str_to_map_duplicate_last_win(spark):
    return spark.range(1).selectExpr("str_to_map('a:1,b:2,a:3')", "str_to_map(',,')")


@case
def str_to_map_casts(spark):
    return spark.range(1).selectExpr("str_to_map(123)", "str_to_map(true)")


@case
def str_to_map_wrong_type(spark):
    return spark.range(1).selectExpr("str_to_map(array('a'))")


@case
def str_to_map_wrong_arity(spark):
    return spark.range(1).selectExpr("str_to_map('a', ',', ':', ';')")


# transform_keys


@case
def transform_keys_basic(spark):
    return _maps(spark).select("id", F.transform_keys("m1", lambda k, v: F.upper(k))).orderBy("id")


@case
def transform_keys_new_type(spark):
    return _maps(spark).select("id", F.transform_keys("m2", lambda k, v: F.length(k) + v).alias("t")).orderBy("id")


@case
def transform_keys_sql(spark):
    return _maps(spark).selectExpr("id", "transform_keys(m2, (k, v) -> concat(k, '_', v))").orderBy("id")


@case
def transform_keys_null_key(spark):
    return _maps(spark).select(F.transform_keys("m2", lambda k, v: F.lit(None).cast("string")))


@case
def transform_keys_duplicate_key(spark):
    return spark.range(1).selectExpr("transform_keys(map('a', 1, 'b', 2), (k, v) -> 'x')")


@case(conf=LAST_WIN)
def transform_keys_duplicate_last_win(spark):
    return spark.range(1).selectExpr("transform_keys(map('a', 1, 'b', 2, 'c', 3), (k, v) -> CASE WHEN k = 'c' THEN 'a' ELSE k END)")


@case
def transform_keys_not_a_map(spark):
    return _maps(spark).select(F.transform_keys("id", lambda k, v: k))


@case
def transform_keys_null_map_rows(spark):
    return _maps(spark).where("m1 IS NULL").select("id", F.transform_keys("m1", lambda k, v: F.concat(k, k)))
