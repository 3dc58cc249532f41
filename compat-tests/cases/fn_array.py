"""Array functions: size/cardinality/array_size (size of NULL by ANSI), searches
(array_contains/array_position/array_remove: NULL elements, NaN equality, implicit
casts, NULL values), array_min/array_max (NaN, NULLs, strings), array_distinct,
sort_array (NULL and NaN order), array_compact, array_join, element_at /
try_element_at / get (negative, zero and out-of-range indexes, ANSI on and off),
names, result types and the errors of misuse."""

from harness import case
from pyspark.sql import functions as F

LEGACY = {"spark.sql.ansi.enabled": "false"}
NAN = float("nan")


def _ints(spark):
    return spark.createDataFrame(
        [(1, [1, 2, None, 2]), (2, None), (3, []), (4, [-2147483648, 2147483647, 0]), (5, [None])], "id int, a array<int>"
    )


def _doubles(spark):
    return spark.createDataFrame(
        [(1, [3.0, NAN, NAN, -0.0, 0.0]), (2, [None, 1.5, float("-inf")]), (3, None), (4, [])], "id int, d array<double>"
    )


def _strs(spark):
    return spark.createDataFrame(
        [(1, ["b", "a", None, "", "😀", "é", "B"]), (2, None), (3, []), (4, [None, None])], "id int, s array<string>"
    )


@case
def sizes_ansi(spark):
    return _ints(spark).select("id", F.size("a"), F.cardinality("a"), F.array_size("a")).orderBy("id")


@case(conf=LEGACY)
def sizes_legacy(spark):
    return _ints(spark).select("id", F.size("a"), F.cardinality("a"), F.array_size("a")).orderBy("id")


@case
def size_sql(spark):
    return _strs(spark).selectExpr("id", "size(s)", "cardinality(s) AS c", "array_size(s)").orderBy("id")


@case
def size_of_string_error(spark):
    return _ints(spark).select(F.size(F.col("id")))


@case
def contains_ints(spark):
    return _ints(spark).select("id", F.array_contains("a", 2), F.array_contains("a", 7), F.array_contains("a", F.col("id"))).orderBy("id")


@case
def contains_widening(spark):
    return _ints(spark).select("id", F.array_contains("a", 2.0), F.array_contains("a", 2.5)).orderBy("id")


@case
def contains_nan(spark):
    return _doubles(spark).select("id", F.array_contains("d", NAN), F.array_contains("d", 0.0), F.array_contains("d", -0.0).alias("neg")).orderBy("id")


@case
def contains_strings(spark):
    return _strs(spark).select("id", F.array_contains("s", "a"), F.array_contains("s", ""), F.array_contains("s", "😀").alias("e")).orderBy("id")


@case
def contains_null_value_error(spark):
    return _ints(spark).select(F.array_contains("a", None))


@case
def contains_type_error(spark):
    return _ints(spark).select(F.array_contains("a", "x"))


@case
def contains_not_array(spark):
    return _ints(spark).select(F.array_contains("id", 1))


@case
def position_and_remove(spark):
    return _ints(spark).select("id", F.array_position("a", 2), F.array_remove("a", 2), F.array_position("a", 9).alias("p9")).orderBy("id")


@case
def position_remove_nan_strings(spark):
    d = _doubles(spark).select("id", F.array_position("d", NAN).alias("p"), F.array_remove("d", NAN).alias("r"))
    return d.orderBy("id")


@case
def remove_strings(spark):
    return _strs(spark).select("id", F.array_remove("s", ""), F.array_position("s", "B")).orderBy("id")


@case
def min_max_ints(spark):
    return _ints(spark).select("id", F.array_min("a"), F.array_max("a")).orderBy("id")


@case
def min_max_doubles(spark):
    return _doubles(spark).select("id", F.array_min("d"), F.array_max("d")).orderBy("id")


@case
def min_max_strings(spark):
    return _strs(spark).select("id", F.array_min("s"), F.array_max("s")).orderBy("id")


@case
def distinct_values(spark):
    return _ints(spark).select("id", F.array_distinct("a")).orderBy("id")


@case
def distinct_doubles(spark):
    # -0.0 and 0.0 are distinct in Spark and one value in PyRust (docs/semantics.md).
    df = spark.createDataFrame([(1, [3.0, NAN, NAN, 0.0, 3.0]), (2, [None, 1.5, float("-inf"), None]), (3, None), (4, [])],
                               "id int, d array<double>")
    return df.select("id", F.array_distinct("d").alias("d")).orderBy("id")


@case
def distinct_strings(spark):
    return _strs(spark).select("id", F.array_distinct("s")).orderBy("id")


@case
def sort_arrays(spark):
    return _ints(spark).select("id", F.sort_array("a"), F.sort_array("a", asc=False)).orderBy("id")


@case
def sort_doubles_strings(spark):
    d = _doubles(spark).select("id", F.sort_array("d").alias("asc"), F.sort_array("d", False).alias("desc"))
    return d.orderBy("id")


@case
def sort_strings(spark):
    return _strs(spark).select("id", F.sort_array("s"), F.sort_array("s", False)).orderBy("id")


@case
def sort_sql(spark):
    return _ints(spark).selectExpr("id", "sort_array(a)", "sort_array(a, false)").orderBy("id")


@case
def compact(spark):
    return _strs(spark).select("id", F.array_compact("s"), F.array_compact(F.col("s")).alias("c")).orderBy("id")


@case
def join_strings(spark):
    return _strs(spark).select("id", F.array_join("s", ","), F.array_join("s", "", "NULL"), F.array_join("s", " | ", "")).orderBy("id")


@case
def join_not_strings(spark):
    return _ints(spark).select(F.array_join("a", ","))


@case
def element_at_in_range(spark):
    df = _ints(spark).where("id in (1, 4)")
    return df.select("id", F.element_at("a", 1), F.element_at("a", -1), F.element_at("a", 3), F.get("a", 0), F.get("a", 1)).orderBy("id")


@case
def element_at_out_of_range_ansi(spark):
    return _ints(spark).select(F.element_at("a", 5))


@case(conf=LEGACY)
def element_at_out_of_range_legacy(spark):
    return _ints(spark).select("id", F.element_at("a", 5), F.element_at("a", -5)).orderBy("id")


@case
def element_at_zero(spark):
    return _ints(spark).select(F.element_at("a", 0))


@case(conf=LEGACY)
def element_at_zero_legacy(spark):
    return _ints(spark).select(F.element_at("a", 0))


@case
def try_element_at_and_get(spark):
    df = _ints(spark).withColumn("i", F.col("id") - 2)
    return df.select("id", F.try_element_at("a", F.lit(9)), F.try_element_at("a", F.col("i")), F.get("a", 9), F.get("a", -1),
                     F.get("a", F.col("i"))).orderBy("id")


@case
def try_element_at_zero(spark):
    return _ints(spark).select(F.try_element_at("a", F.lit(0)))


@case
def element_at_sql(spark):
    return _strs(spark).selectExpr("id", "element_at(s, 2)", "try_element_at(s, -1)", "get(s, 1)").where("id <> 2 and id <> 3").orderBy("id")


@case
def element_at_bad_index_type(spark):
    return _ints(spark).select(F.element_at("a", "x"))


@case
def slice_positions(spark):
    return _ints(spark).select("id", F.slice("a", 2, 2), F.slice("a", -2, 5), F.slice("a", -9, 2), F.slice("a", 3, 0), F.slice("a", 9, 1)).orderBy("id")


@case
def slice_columns(spark):
    df = _ints(spark).withColumn("st", F.col("id") - 3)
    return df.where("st <> 0").select("id", F.slice("a", "st", F.lit(2)).alias("s")).orderBy("id")


@case
def slice_start_zero(spark):
    return _ints(spark).select(F.slice("a", 0, 1))


@case
def slice_negative_length(spark):
    return _ints(spark).select(F.slice("a", 1, -1))


@case
def slice_sql(spark):
    return _strs(spark).selectExpr("id", "slice(s, 2, 3)", "slice(s, -1, 1) AS last").orderBy("id")


@case
def append_prepend(spark):
    return _ints(spark).select("id", F.array_append("a", 5), F.array_prepend("a", 0), F.array_append("a", None)).orderBy("id")


@case
def append_widening(spark):
    return _ints(spark).select("id", F.array_append("a", 2.5), F.array_prepend("a", F.lit(7).cast("bigint")).alias("p")).orderBy("id")


@case
def append_strings(spark):
    return _strs(spark).select("id", F.array_append("s", "😀"), F.array_prepend("s", "")).orderBy("id")


@case
def append_type_error(spark):
    return _ints(spark).select(F.array_append("a", "x"))


@case
def flatten_arrays(spark):
    df = spark.createDataFrame(
        [(1, [[1, 2], [], [None, 3]]), (2, [[4], None]), (3, None), (4, []), (5, [[]])], "id int, n array<array<int>>"
    )
    return df.select("id", F.flatten("n")).orderBy("id")


@case
def flatten_sql_and_error(spark):
    return _ints(spark).selectExpr("id", "flatten(array(a, a)) AS f", "flatten(array(array(id), array(id + 1))) AS g").orderBy("id")


@case
def flatten_not_nested(spark):
    return _ints(spark).select(F.flatten("a"))


def _pairs(spark):
    return spark.createDataFrame(
        [(1, [1, 2, 2, None], [2, 3, None]), (2, [1], [2]), (3, None, [1]), (4, [], [1, None]), (5, [None], [None]), (6, [3, 1], [])],
        "id int, a array<int>, b array<int>",
    )


@case
def set_operations(spark):
    return _pairs(spark).select("id", F.array_union("a", "b"), F.array_intersect("a", "b"), F.array_except("a", "b")).orderBy("id")


@case
def set_operations_strings_and_doubles(spark):
    df = spark.createDataFrame([(1, ["a", "", "😀", "a"], ["😀", "b"], [1.5, NAN, None], [NAN, 2.0])],
                               "id int, s array<string>, t array<string>, d array<double>, e array<double>")
    return df.select(F.array_union("s", "t"), F.array_intersect("s", "t"), F.array_except("s", "t"),
                     F.array_union("d", "e"), F.array_intersect("d", "e"), F.array_except("d", "e"))


@case
def set_operations_widening(spark):
    return _pairs(spark).select("id", F.array_union("a", F.array(F.lit(1.5))).alias("u")).orderBy("id")


@case
def set_operation_type_error(spark):
    return _pairs(spark).select(F.array_union("a", F.array(F.lit("x"))))


@case
def overlap(spark):
    return _pairs(spark).select("id", F.arrays_overlap("a", "b")).orderBy("id")


@case
def overlap_sql(spark):
    return _pairs(spark).selectExpr("id", "arrays_overlap(a, array(1))", "array_union(a, b) AS u").orderBy("id")


@case
def repeat_values(spark):
    return _ints(spark).select("id", F.array_repeat(F.col("id"), 2), F.array_repeat(F.lit("x"), F.col("id") - 3).alias("r"),
                               F.array_repeat(F.lit(None).cast("string"), 2).alias("n")).orderBy("id")


@case
def repeat_sql(spark):
    return _ints(spark).selectExpr("id", "array_repeat(id, 3)", "array_repeat('ab', 0) AS e").orderBy("id")
