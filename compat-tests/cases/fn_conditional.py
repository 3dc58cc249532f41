"""Null handling and conditional functions: ifnull/nvl, nvl2, nullif, nullifzero,
zeroifnull, nanvl, equal_null, isnotnull: values with NULLs, common types,
nullability, names and SQL forms."""

import datetime
import decimal

from harness import case
from pyspark.sql import functions as F

NAN = float("nan")
INF = float("inf")
D = decimal.Decimal


def _df(spark):
    rows = [(0, 1, None, 2.5, "a"), (1, None, 5, None, None), (2, None, None, NAN, ""), (3, 0, 0, -0.0, "b"),
            (4, 7, 7, 0.0, "7")]
    return spark.createDataFrame(rows, "id int, i int, l bigint, d double, s string")


@case
def ifnull_nvl_values(spark):
    return _df(spark).select("id", F.ifnull("i", "l"), F.nvl("l", "i"), F.ifnull("d", "i"), F.nvl("s", F.lit("z"))) \
        .orderBy("id")


@case
def ifnull_nullability(spark):
    df = spark.range(2)
    return df.select(F.ifnull("id", F.lit(None)), F.nvl(F.lit(None), F.lit(None)), F.nvl(F.lit(None), "id"))


@case
def ifnull_incompatible_types(spark):
    return spark.createDataFrame([(1, True)], "i int, b boolean").select(F.ifnull("i", "b"))


@case
def ifnull_sql(spark):
    return _df(spark).selectExpr("id", "ifnull(i, 9)", "nvl(s, 'x')", "nvl(d, 1)").orderBy("id")


@case
def nvl2_values(spark):
    return _df(spark).select("id", F.nvl2("i", "l", "d"), F.nvl2("s", F.lit("set"), F.lit("unset")),
                             F.nvl2("d", "i", "l")).orderBy("id")


@case
def nvl2_nullability(spark):
    df = spark.range(2)
    return df.select(F.nvl2("id", F.lit(1), F.lit(2)), F.nvl2(F.lit(None), "id", F.lit(None)))


@case
def nvl2_sql(spark):
    return _df(spark).selectExpr("nvl2(i, 'y', 'n')", "nvl2(s, i, l)")


@case
def nvl2_incompatible_types(spark):
    return spark.createDataFrame([(1, True, datetime.date(2024, 1, 1))], "i int, b boolean, d date") \
        .select(F.nvl2("i", "b", "d"))


@case
def nullif_values(spark):
    return _df(spark).select("id", F.nullif("i", "l"), F.nullif("l", "i"), F.nullif("d", F.lit(0.0)),
                             F.nullif("s", F.lit(""))).orderBy("id")


@case
def nullif_keeps_first_type(spark):
    df = spark.createDataFrame([(1, 1), (2, 3)], "t tinyint, l bigint")
    return df.select(F.nullif("t", "l"), F.nullif("l", "t"), F.nullif("t", F.lit(1.0)))


@case
def nullif_nan_and_zeros(spark):
    df = spark.createDataFrame([(NAN, NAN), (-0.0, 0.0), (INF, INF), (1.0, None)], "a double, b double")
    return df.select(F.nullif("a", "b"), F.equal_null("a", "b"))


@case
def nullif_sql(spark):
    return spark.range(3).selectExpr("nullif(id, 1)", "nullif('a', 'a')", "nullif(null, 1)")


@case
def nullifzero_zeroifnull(spark):
    return _df(spark).select("id", F.nullifzero("i"), F.nullifzero("d"), F.zeroifnull("i"), F.zeroifnull("d"),
                             F.zeroifnull("l")).orderBy("id")


@case
def zeroifnull_types(spark):
    df = spark.createDataFrame([(None, None, None, None)], "t tinyint, m decimal(5,2), f float, n void")
    return df.select(F.zeroifnull("t"), F.zeroifnull("m"), F.zeroifnull("f"), F.zeroifnull("n"), F.nullifzero("m"),
                     F.nullifzero("t"))


@case
def zeroifnull_of_string_is_refused(spark):
    return spark.createDataFrame([("a",)], "s string").select(F.zeroifnull("s"))


@case
def nullifzero_sql(spark):
    return spark.range(3).selectExpr("nullifzero(id)", "zeroifnull(null)", "zeroifnull(id)")


@case
def nanvl_values(spark):
    df = spark.createDataFrame([(NAN, 1.0), (2.0, 3.0), (NAN, None), (None, 4.0), (NAN, NAN), (-0.0, 1.0)],
                               "a double, b double")
    return df.select("a", "b", F.nanvl("a", "b"))


@case
def nanvl_floats_and_ints(spark):
    df = spark.createDataFrame([(float("nan"), float("nan"), 5, D("1.5"))], "f float, g float, i int, m decimal(2,1)")
    return df.select(F.nanvl("f", "g"), F.nanvl("f", "i"), F.nanvl("i", "f"), F.nanvl("f", "m"))


@case
def nanvl_of_string_is_refused(spark):
    return spark.createDataFrame([("a", 1.0)], "s string, d double").select(F.nanvl("s", "d"))


@case
def nanvl_of_boolean_is_refused(spark):
    return spark.createDataFrame([(True, 1.0)], "b boolean, d double").select(F.nanvl("b", "d"))


@case
def nanvl_sql(spark):
    return spark.range(2).selectExpr("nanvl(cast('NaN' as double), 1.0)", "nanvl(id, 2)")


@case
def equal_null_values(spark):
    return _df(spark).select("id", F.equal_null("i", "l"), F.equal_null("s", F.lit(None)), F.equal_null("d", "d")) \
        .orderBy("id")


@case
def equal_null_mixed_types(spark):
    df = spark.createDataFrame([(1, "1", datetime.date(2024, 1, 1)), (None, None, None)], "i int, s string, d date")
    return df.select(F.equal_null("i", "s"), F.equal_null("d", F.lit("2024-01-01")), F.equal_null("i", F.lit(1.0)))


@case
def equal_null_incompatible(spark):
    return spark.createDataFrame([(1, True)], "i int, b boolean").select(F.equal_null("i", "b"))


@case
def equal_null_sql(spark):
    return _df(spark).selectExpr("equal_null(i, l)", "equal_null(null, null)")


@case
def isnotnull_values(spark):
    return _df(spark).select("id", F.isnotnull("i"), F.isnotnull("d"), F.isnotnull(F.lit(None)), F.isnull("s")) \
        .orderBy("id")


@case
def isnotnull_sql_and_filter(spark):
    return _df(spark).filter(F.isnotnull("i")).selectExpr("id", "isnotnull(l)", "isnull(l)").orderBy("id")


@case
def conditional_wrong_arity(spark):
    return spark.range(1).selectExpr("nvl(id)")
