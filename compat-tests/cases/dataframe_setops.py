"""intersect, intersectAll, subtract and exceptAll (and SQL INTERSECT/EXCEPT/MINUS):
whole-row set operations by position where NULLs are equal, NaN equals NaN and -0.0
equals 0.0; the ALL forms keep multiplicities; column types widen as for union; the
names come from the left side."""

import datetime

from harness import case
from pyspark.sql import functions as F

LEFT = [(1, "a"), (1, "a"), (1, "a"), (2, "b"), (None, "c"), (None, None), (3, None), (4, "d")]
RIGHT = [(1, "a"), (1, "a"), (None, "c"), (None, None), (3, None), (3, None), (5, "e")]


def _left(spark):
    return spark.createDataFrame(LEFT, "id int, s string")


def _right(spark):
    return spark.createDataFrame(RIGHT, "k int, t string")


def _ordered(df):
    return df.orderBy(*[F.col(f"`{c}`") for c in df.columns])


@case
def intersect_distinct_with_nulls(spark):
    return _ordered(_left(spark).intersect(_right(spark)))


@case
def intersect_all_multiplicities(spark):
    return _ordered(_left(spark).intersectAll(_right(spark)))


@case
def subtract_distinct(spark):
    return _ordered(_left(spark).subtract(_right(spark)))


@case
def except_all_multiplicities(spark):
    return _ordered(_left(spark).exceptAll(_right(spark)))


@case
def except_all_reversed(spark):
    return _ordered(_right(spark).exceptAll(_left(spark)))


@case
def intersect_all_reversed(spark):
    return _ordered(_right(spark).intersectAll(_left(spark)))


@case
def subtract_self_is_empty(spark):
    df = _left(spark)
    return df.subtract(df)


@case
def intersect_self_is_distinct(spark):
    df = _left(spark)
    return _ordered(df.intersect(df))


@case
def except_all_self_is_empty(spark):
    df = _left(spark)
    return df.exceptAll(df)


def _doubles(spark, rows):
    return spark.createDataFrame([(v,) for v in rows], "x double")


@case
def intersect_nan_and_negative_zero(spark):
    left = _doubles(spark, [float("nan"), -0.0, 1.5, None, float("inf")])
    right = _doubles(spark, [float("nan"), 0.0, None, float("-inf")])
    return _ordered(left.intersect(right))


@case
def subtract_nan_and_negative_zero(spark):
    left = _doubles(spark, [float("nan"), -0.0, 1.5, None, float("inf"), float("-inf")])
    right = _doubles(spark, [float("nan"), 0.0, None, float("-inf")])
    return _ordered(left.subtract(right))


@case
def intersect_all_nan_copies(spark):
    left = _doubles(spark, [float("nan"), float("nan"), float("nan"), -0.0, 0.0])
    right = _doubles(spark, [float("nan"), float("nan"), 0.0])
    return _ordered(left.intersectAll(right))


@case
def except_all_negative_zero_copies(spark):
    left = _doubles(spark, [-0.0, -0.0, 0.0, float("nan"), float("nan")])
    right = _doubles(spark, [0.0, float("nan")])
    return _ordered(left.exceptAll(right))


@case
def subtract_keeps_negative_zero_when_unmatched(spark):
    left = _doubles(spark, [-0.0, 2.0])
    right = _doubles(spark, [2.0])
    return left.subtract(right)


@case
def intersect_widens_int_and_double(spark):
    left = spark.createDataFrame([(1, "x"), (2, "y")], "a int, b string")
    right = spark.createDataFrame([(1.0, "x"), (2.5, "y")], "c double, d string")
    return _ordered(left.intersect(right))


@case
def except_widens_int_and_bigint(spark):
    left = spark.createDataFrame([(1,), (2,), (3,)], "a int")
    right = spark.createDataFrame([(2,), (4,)], "b bigint")
    return _ordered(left.subtract(right))


@case
def intersect_nullability_from_both(spark):
    left = spark.createDataFrame([(1, 2)], "a int not null, b int")
    right = spark.createDataFrame([(1, 2)], "a int, b int not null")
    return left.intersect(right)


@case
def except_nullability_from_left(spark):
    left = spark.createDataFrame([(1, 2)], "a int not null, b int")
    right = spark.createDataFrame([(3, 4)], "a int, b int not null")
    return left.exceptAll(right)


@case
def intersect_empty_right(spark):
    return _left(spark).intersect(spark.createDataFrame([], "k int, t string"))


@case
def except_empty_right_is_distinct(spark):
    return _ordered(_left(spark).subtract(spark.createDataFrame([], "k int, t string")))


@case
def except_all_empty_right_keeps_all(spark):
    return _ordered(_left(spark).exceptAll(spark.createDataFrame([], "k int, t string")))


@case
def except_all_empty_left(spark):
    return spark.createDataFrame([], "k int, t string").exceptAll(_left(spark))


@case
def intersect_arrays_and_dates(spark):
    import datetime
    left = spark.createDataFrame(
        [([1, 2], datetime.date(2024, 1, 1)), ([1, None], None), ([], datetime.date(2024, 1, 2))], "a array<int>, d date"
    )
    right = spark.createDataFrame([([1, 2], datetime.date(2024, 1, 1)), ([1, None], None)], "a array<int>, d date")
    return _ordered(left.intersect(right).select(F.to_json("a").alias("a"), "d"))


@case
def intersect_column_count_mismatch(spark):
    return _left(spark).intersect(spark.createDataFrame([(1,)], "k int"))


@case
def except_all_column_count_mismatch(spark):
    return _left(spark).exceptAll(spark.createDataFrame([(1, "a", 2)], "k int, t string, u int"))


@case
def subtract_incompatible_types(spark):
    left = spark.createDataFrame([(1, [1])], "a int, b array<int>")
    right = spark.createDataFrame([(1, "x")], "a int, b string")
    return left.subtract(right)


@case
def intersect_all_incompatible_types(spark):
    left = spark.createDataFrame([(1,)], "a int")
    right = spark.createDataFrame([([1],)], "a array<int>")
    return left.intersectAll(right)


@case(conf={"spark.sql.ansi.enabled": "false"})
def intersect_string_and_int_ansi_off(spark):
    left = spark.createDataFrame([(1,), (2,)], "a int")
    right = spark.createDataFrame([("1",), ("x",)], "b string")
    return _ordered(left.intersect(right))


@case
def intersect_string_and_int_ansi_on(spark):
    left = spark.createDataFrame([(1,), (2,)], "a int")
    right = spark.createDataFrame([("1",), ("2",)], "b string")
    return _ordered(left.intersect(right))


@case
def sql_intersect_except_minus(spark):
    _left(spark).createOrReplaceTempView("setops_l")
    _right(spark).createOrReplaceTempView("setops_r")
    return _ordered(
        spark.sql(
            "SELECT 'i' AS op, * FROM (SELECT * FROM setops_l INTERSECT SELECT * FROM setops_r) "
            "UNION ALL SELECT 'ia', * FROM (SELECT * FROM setops_l INTERSECT ALL SELECT * FROM setops_r) "
            "UNION ALL SELECT 'e', * FROM (SELECT * FROM setops_l EXCEPT SELECT * FROM setops_r) "
            "UNION ALL SELECT 'ea', * FROM (SELECT * FROM setops_l EXCEPT ALL SELECT * FROM setops_r) "
            "UNION ALL SELECT 'm', * FROM (SELECT * FROM setops_l MINUS SELECT * FROM setops_r)"
        )
    )


@case
def sql_intersect_distinct_keyword(spark):
    return _ordered(spark.sql("SELECT * FROM VALUES (1), (1), (2) AS t(a) INTERSECT DISTINCT SELECT * FROM VALUES (1), (3) AS u(b)"))


@case
def set_ops_chained_with_union(spark):
    l, r = _left(spark), _right(spark)
    return _ordered(l.exceptAll(r).union(l.intersectAll(r)))


@case
def set_op_show(spark):
    _left(spark).intersectAll(_right(spark)).orderBy("id", "s").show()


@case(conf={"spark.sql.ansi.enabled": "false"})
def except_string_and_date_ansi_off(spark):
    import datetime
    left = spark.createDataFrame([(datetime.date(2024, 1, 1),), (datetime.date(2024, 1, 2),)], "d date")
    right = spark.createDataFrame([("2024-01-01",)], "s string")
    return _ordered(left.subtract(right))


@case(conf={"spark.sql.ansi.enabled": "false"})
def intersect_string_and_boolean_ansi_off(spark):
    left = spark.createDataFrame([(True,)], "b boolean")
    right = spark.createDataFrame([("true",)], "s string")
    return left.intersect(right)


@case
def intersect_string_and_boolean_ansi_on(spark):
    left = spark.createDataFrame([(True,), (False,)], "b boolean")
    right = spark.createDataFrame([("true",)], "s string")
    return left.intersect(right)


@case(conf={"spark.sql.ansi.enabled": "false"})
def union_string_with_numbers_and_dates_legacy(spark):
    # Without ANSI, Spark's set operations promote a string meeting a number or a date to STRING.
    a = spark.createDataFrame([("x", "y")], "v string, d string")
    b = spark.createDataFrame([(1, datetime.date(2024, 1, 2))], "v int, d date")
    return a.union(b).unionByName(b)


@case
def union_string_with_numbers_ansi(spark):
    a = spark.createDataFrame([("7",)], "v string")
    b = spark.createDataFrame([(1,)], "v int")
    return a.union(b)
