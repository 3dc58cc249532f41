"""arrays_zip: field names as Spark derives them from the arguments, padding of
the shorter arrays, NULL arrays, nested and empty arrays, errors, SQL text."""

from harness import case
from pyspark.sql import functions as F


def _arrays(spark):
    return spark.createDataFrame(
        [(1, [1, 2, 3], ["a", "b"], [1.5]), (2, [], [], []), (3, None, ["x"], [0.0]), (4, [7], None, None), (5, [-1], ["😀"], [float("nan")])],
        "id int, a array<int>, b array<string>, c array<double>",
    )


@case
def zip_two(spark):
    return _arrays(spark).select("id", F.arrays_zip("a", "b")).orderBy("id")


@case
def zip_three_padded(spark):
    return _arrays(spark).select("id", F.arrays_zip("a", "b", "c").alias("z")).orderBy("id")


@case
def zip_one(spark):
    return _arrays(spark).select("id", F.arrays_zip("b")).orderBy("id")


@case
def zip_field_names_from_expressions(spark):
    df = _arrays(spark)
    return df.select("id", F.arrays_zip(F.col("a").alias("x"), F.array_compact("b"), F.col("c"))).orderBy("id")


@case
def zip_field_names_from_struct_fields(spark):
    df = spark.createDataFrame([(1, ([1, 2], ["p"]))], "id int, st struct<xs:array<int>,ys:array<string>>")
    return df.select(F.arrays_zip(F.col("st.xs"), F.col("st")["ys"]))


@case
def zip_nested_arrays(spark):
    df = spark.createDataFrame([(1, [[1], [2, 3]], [{"k": 1}])], "id int, n array<array<int>>, m array<map<string,int>>")
    return df.select(F.arrays_zip("n", "m"))


@case
def zip_sql(spark):
    return _arrays(spark).selectExpr("id", "arrays_zip(a, b)", "arrays_zip(array(1, 2), array('x')) AS lit", "arrays_zip(a, c)[0]").orderBy("id")


@case
def zip_field_access(spark):
    return _arrays(spark).select("id", F.arrays_zip("a", "b")[0]["b"], F.arrays_zip("a", "b").getItem(1).getField("a")).orderBy("id")


@case
def zip_not_an_array(spark):
    return _arrays(spark).select(F.arrays_zip("a", "id"))


# array_insert

LEGACY_INSERT = {"spark.sql.legacy.negativeIndexInArrayInsert": "true"}


def _ints(spark):
    return spark.createDataFrame([(1, [1, 2, 3]), (2, []), (3, None), (4, [None, 5])], "id int, a array<int>")


@case
def insert_positive_positions(spark):
    return _ints(spark).select("id", F.array_insert("a", 1, F.lit(9)), F.array_insert("a", 3, F.lit(9)).alias("p3"), F.array_insert("a", 6, F.lit(9)).alias("p6")).orderBy("id")


@case
def insert_negative_positions(spark):
    return _ints(spark).select("id", F.array_insert("a", -1, F.lit(9)), F.array_insert("a", -3, F.lit(9)).alias("m3"), F.array_insert("a", -6, F.lit(9)).alias("m6")).orderBy("id")


@case(conf=LEGACY_INSERT)
def insert_negative_positions_legacy(spark):
    return _ints(spark).select("id", F.array_insert("a", -1, F.lit(9)), F.array_insert("a", -3, F.lit(9)).alias("m3"), F.array_insert("a", -6, F.lit(9)).alias("m6")).orderBy("id")


@case
def insert_nulls(spark):
    return _ints(spark).selectExpr("id", "array_insert(a, CAST(NULL AS INT), 9)", "array_insert(a, 2, NULL)", "array_insert(a, -1, CAST(NULL AS INT))").orderBy("id")


@case
def insert_position_column(spark):
    df = spark.createDataFrame([(1, [1, 2], 2), (2, [3], -2), (3, [4], None), (4, [5], 5)], "id int, a array<int>, p int")
    return df.select("id", F.array_insert("a", "p", F.lit(0)), F.array_insert("a", F.col("p"), F.col("p")).alias("own")).orderBy("id")


@case
def insert_strings_sql(spark):
    return spark.range(1).selectExpr("array_insert(array('a', 'b'), 2, '😀')", "array_insert(array('a'), -1, NULL)", "array_insert(array(CAST(1.5 AS DOUBLE)), 1, 2)")


@case
def insert_index_zero(spark):
    return _ints(spark).select(F.array_insert("a", 0, F.lit(9)))


@case
def insert_decimal_into_ints(spark):
    return _ints(spark).selectExpr("array_insert(a, 1, 1.5)")


@case
def insert_string_into_ints(spark):
    return _ints(spark).selectExpr("array_insert(a, 1, 'x')")


@case
def insert_bigint_position(spark):
    return _ints(spark).selectExpr("array_insert(a, 1L, 1)")


@case
def insert_not_an_array(spark):
    return _ints(spark).select(F.array_insert("id", 1, F.lit(1)))
