"""struct/named_struct and array(): field names (columns, aliases, struct fields,
`colN`), nullability, nesting, element type widening, show() text, SQL forms and
errors."""

import datetime

from harness import case
from pyspark.sql import functions as F

LEGACY = {"spark.sql.ansi.enabled": "false"}


def _df(spark):
    return spark.createDataFrame(
        [(1, 10, 2.5, "a", True, datetime.date(2024, 1, 2)), (2, None, None, None, None, None), (3, -7, float("nan"), "😀", False, datetime.date(1, 1, 1))],
        "id int, i int, d double, s string, b boolean, dt date",
    )


@case
def struct_of_columns(spark):
    return _df(spark).select("id", F.struct("i", "s"), F.struct(F.col("d"), F.col("b").alias("flag"))).orderBy("id")


@case
def struct_of_expressions(spark):
    return _df(spark).select("id", F.struct(F.col("i") + 1, F.lit("x"), "dt").alias("st")).orderBy("id")


@case
def struct_list_argument(spark):
    return _df(spark).select("id", F.struct(["i", "s"]).alias("st")).orderBy("id")


@case
def struct_field_access(spark):
    return _df(spark).select("id", F.struct("i", "s").alias("st")).select("id", "st.i", F.col("st.s")).orderBy("id")


@case
def struct_nested(spark):
    return _df(spark).select("id", F.struct(F.struct("i").alias("inner"), "s").alias("st")).orderBy("id")


@case
def named_struct_basic(spark):
    return _df(spark).select("id", F.named_struct(F.lit("x"), "i", F.lit("y"), F.col("s"))).orderBy("id")


@case
def named_struct_sql(spark):
    return _df(spark).selectExpr("id", "named_struct('a', i, 'b', d + 1) AS ns", "struct(i, s)").orderBy("id")


@case
def named_struct_odd_arguments(spark):
    return _df(spark).select(F.named_struct(F.lit("x"), "i", F.lit("y")))


@case
def named_struct_name_not_literal(spark):
    return _df(spark).select(F.named_struct("s", "i"))


@case
def array_of_ints(spark):
    return _df(spark).select("id", F.array("i", "id"), F.array(F.lit(1), F.lit(2))).orderBy("id")


@case
def array_widening(spark):
    return _df(spark).select("id", F.array("i", "d"), F.array(F.lit(1), F.lit(2.5)).alias("lits")).orderBy("id")


@case
def array_list_argument(spark):
    return _df(spark).select("id", F.array(["s", "s"]).alias("a")).orderBy("id")


@case
def array_of_strings_and_dates(spark):
    return _df(spark).select("id", F.array("s", F.lit("z")), F.array("dt", "dt").alias("dates")).orderBy("id")


@case
def array_of_arrays(spark):
    return _df(spark).select("id", F.array(F.array("i"), F.array("id", "i")).alias("nested")).orderBy("id")


@case
def array_int_and_string(spark):
    return _df(spark).select("id", F.array("i", "s").alias("a")).orderBy("id")


@case(conf=LEGACY)
def array_int_and_string_legacy(spark):
    return _df(spark).select("id", F.array("i", "s").alias("a")).orderBy("id")


@case
def array_int_and_boolean(spark):
    return _df(spark).select(F.array("i", "b"))


@case
def array_sql(spark):
    return _df(spark).selectExpr("id", "array(i, 1)", "array(s)", "size(array(i, i, i))").orderBy("id")


@case
def array_then_functions(spark):
    return _df(spark).select(
        "id", F.sort_array(F.array("i", "id", F.lit(5))).alias("s"), F.array_contains(F.array("i", "id"), 1).alias("c"),
        F.transform(F.array("i", "id"), lambda x: x * 2).alias("t"),
    ).orderBy("id")


@case
def array_of_structs(spark):
    return _df(spark).select("id", F.array(F.struct("i", "s"), F.struct("id", "s")).alias("a")).orderBy("id")
