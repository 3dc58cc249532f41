"""Column operators, null semantics, casts and the repr of columns."""

from harness import case
from pyspark.sql import functions as F

from ._data import numbers, people, strings


@case
def arithmetic_int(spark):
    df = numbers(spark)
    return df.select(F.col("k") + F.col("v"), F.col("k") - 1, F.col("v") * 3, -F.col("v"))


@case
def arithmetic_mixed_types(spark):
    df = numbers(spark)
    return df.select(F.col("k") + F.col("d"), F.col("k") * 1.5, F.col("v") + 10000000000)


@case
def division_is_double(spark):
    df = numbers(spark)
    return df.select(F.col("k") / 2, F.col("v") / F.col("k"))


@case
def division_by_zero_ansi(spark):
    return numbers(spark).select(F.col("k") / 0)


@case(conf={"spark.sql.ansi.enabled": "false"})
def division_by_zero_legacy(spark):
    return numbers(spark).select(F.col("k") / 0, F.col("d") / F.lit(0.0))


@case
def division_by_zero_guarded_by_when(spark):
    df = numbers(spark)
    return df.select(F.when(F.col("v") != 0, F.col("k") / F.col("v")).otherwise(None).alias("q"))


@case
def modulo_sign(spark):
    df = spark.createDataFrame([(-7, 3), (7, -3), (-7, -3), (7, 3)], "a int, b int")
    return df.select(F.col("a") % F.col("b"))


@case
def modulo_by_zero_ansi(spark):
    return numbers(spark).select(F.col("k") % 0)


@case(conf={"spark.sql.ansi.enabled": "false"})
def modulo_by_zero_legacy(spark):
    return numbers(spark).select(F.col("k") % 0)


@case
def int_overflow_ansi(spark):
    df = spark.createDataFrame([(2147483647,)], "a int")
    return df.select(F.col("a") + 1)


@case(conf={"spark.sql.ansi.enabled": "false"})
def int_overflow_legacy_wraps(spark):
    df = spark.createDataFrame([(2147483647,)], "a int")
    return df.select(F.col("a") + 1)


@case
def long_overflow_ansi(spark):
    df = spark.createDataFrame([(9223372036854775807,)], "a long")
    return df.select(F.col("a") * 2)


@case
def comparisons(spark):
    df = numbers(spark)
    return df.select(F.col("v") > 0, F.col("v") >= 7, F.col("v") < 0, F.col("v") <= 7, F.col("v") == 10, F.col("v") != 10)


@case
def null_comparison_is_null(spark):
    df = numbers(spark)
    return df.select(F.col("v") == F.lit(None), F.col("v").eqNullSafe(None), F.col("v").eqNullSafe(F.col("v")))


@case
def boolean_logic_three_valued(spark):
    df = spark.createDataFrame([(True, None), (False, None), (None, None), (True, False)], "a boolean, b boolean")
    return df.select(F.col("a") & F.col("b"), F.col("a") | F.col("b"), ~F.col("a"))


@case
def is_null_not_null(spark):
    df = numbers(spark)
    return df.select(F.col("v").isNull(), F.col("v").isNotNull(), F.isnull("d"))


@case
def isin_values(spark):
    df = numbers(spark)
    return df.select(F.col("v").isin(10, 7), F.col("k").isin([1, 2]))


@case
def isin_with_null(spark):
    df = numbers(spark)
    return df.select(F.col("v").isin(10, None))


@case
def between_bounds(spark):
    return numbers(spark).select(F.col("v").between(-3, 7))


@case
def when_otherwise(spark):
    df = people(spark)
    return df.select(F.when(F.col("age") > 30, "old").when(F.col("age") > 25, "mid").otherwise("young").alias("band"))


@case
def when_without_otherwise(spark):
    return people(spark).select(F.when(F.col("age") > 30, 1))


@case
def when_numeric_widening(spark):
    return people(spark).select(F.when(F.col("age") > 30, 1).otherwise(2.5))


@case
def otherwise_twice_fails(spark):
    return F.when(F.col("a") > 1, 1).otherwise(2).otherwise(3)


@case
def cast_to_string(spark):
    df = numbers(spark)
    return df.select(F.col("k").cast("string"), F.col("d").cast("string"), F.col("v").cast("long"))


@case
def cast_double_to_int_truncates(spark):
    return numbers(spark).select(F.col("d").cast("int"))


@case
def cast_invalid_string_ansi(spark):
    df = spark.createDataFrame([("12",), ("x",)], "s string")
    return df.select(F.col("s").cast("int"))


@case(conf={"spark.sql.ansi.enabled": "false"})
def cast_invalid_string_legacy(spark):
    df = spark.createDataFrame([("12",), ("x",), (" 7 ",)], "s string")
    return df.select(F.col("s").cast("int"))


@case
def try_cast_invalid(spark):
    df = spark.createDataFrame([("12",), ("x",)], "s string")
    return df.select(F.col("s").try_cast("int"))


@case
def cast_string_trims(spark):
    df = spark.createDataFrame([(" 42 ",), ("3.5",)], "s string")
    return df.select(F.col("s").cast("double"))


@case
def cast_string_to_boolean(spark):
    df = spark.createDataFrame([("true",), ("F",), ("yes",), ("0",)], "s string")
    return df.select(F.col("s").cast("boolean"))


@case
def cast_string_to_date(spark):
    df = spark.createDataFrame([("2024-02-29",), (None,)], "s string")
    return df.select(F.col("s").cast("date"))


@case
def cast_with_datatype_object(spark):
    from pyspark.sql.types import LongType

    return numbers(spark).select(F.col("k").cast(LongType()).alias("k"))


@case
def cast_expression_name(spark):
    return numbers(spark).select((F.col("k") + 1).cast("long"))


@case
def astype_alias(spark):
    return numbers(spark).select(F.col("k").astype("double"))


@case
def cast_int_to_array_fails(spark):
    return numbers(spark).select(F.col("k").cast("array<int>"))


@case
def cast_overflow_ansi(spark):
    df = spark.createDataFrame([(3000000000,)], "a long")
    return df.select(F.col("a").cast("int"))


@case
def cast_boolean_to_int(spark):
    df = spark.createDataFrame([(True,), (False,), (None,)], "b boolean")
    return df.select(F.col("b").cast("int"))


@case
def string_predicates(spark):
    df = strings(spark)
    return df.select(F.col("t").startswith("a"), F.col("t").endswith("c"), F.col("t").contains("b"))


@case
def like_patterns(spark):
    df = strings(spark)
    return df.select(F.col("t").like("a%"), F.col("t").like("_bc"), F.col("t").like("a\\_c\\%"))


@case
def like_shapes_without_wildcards_inside(spark):
    df = spark.createDataFrame([("abc",), ("",), ("xabcx",), ("a.c",), (None,), ("ab%c",)], "t string")
    return df.select("t", F.col("t").like("%"), F.col("t").like(""), F.col("t").like("abc"), F.col("t").like("%bc"),
                     F.col("t").like("%b%"), F.col("t").like("a%%"), F.col("t").like("a%c"), F.col("t").like("%.%"))


@case
def rlike_patterns(spark):
    df = strings(spark)
    return df.select(F.col("t").rlike("^[a-c]+$"), F.col("s").rlike("o"))


@case
def substr_column_method(spark):
    return strings(spark).select(F.col("t").substr(2, 2))


@case
def repr_arithmetic(spark):
    return [repr(F.col("a") + 1), repr(F.col("a") - F.col("b")), repr(F.col("a") * 2), repr(F.col("a") / 2), repr(-F.col("a"))]


@case
def repr_logic(spark):
    return [repr((F.col("a") > 1) & (F.col("b") < 2)), repr(~(F.col("a") == 1)), repr(F.col("a") != 1), repr(F.col("a").isNull())]


@case
def repr_literals(spark):
    return [repr(F.lit(1)), repr(F.lit("x")), repr(F.lit(10000000000)), repr(F.lit(None)), repr(F.lit(2.5)), repr(F.lit(True))]


@case
def repr_functions(spark):
    return [repr(F.sum("a")), repr(F.count("*")), repr(F.countDistinct("a")), repr(F.first("a")), repr(F.upper("s")),
            repr(F.isnan("d")), repr(F.round("d", 2)), repr(F.concat_ws("-", "a", "b"))]


@case
def repr_misc(spark):
    return [repr(F.col("a").alias("x")), repr(F.col("a").cast("string")), repr(F.when(F.col("a") > 1, 1).otherwise(0)),
            repr(F.col("a").isin(1, 2)), repr(F.col("a").asc()), repr(F.col("a").desc()), repr(F.expr("a + 1")),
            repr(F.col("s").like("a%")), repr(F.col("a").between(1, 3))]


@case
def column_bool_fails(spark):
    return bool(F.col("a") > 1)


@case
def column_in_operator_fails(spark):
    return 1 in F.col("a")
