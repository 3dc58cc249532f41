"""Bitwise functions: bitwise_not (~), the &, |, ^ Column methods and SQL
operators, bit_count, bit_get/getbit (a position outside the type is an error),
shiftleft/shiftright/shiftrightunsigned with Java's shift-count masking."""

from harness import case
from pyspark.sql import functions as F

_BOUNDS = {"tinyint": (-128, 127), "smallint": (-32768, 32767), "int": (-2**31, 2**31 - 1), "bigint": (-2**63, 2**63 - 1)}


def _register(fn, name, conf=None, **kw):
    fn.__name__ = fn.__qualname__ = name
    case(fn, conf=conf, **kw)


def _ints(spark, t):
    lo, hi = _BOUNDS[t]
    return spark.createDataFrame([(0, hi, 3), (1, lo, -1), (2, 0, 5), (3, -5, 12), (4, 6, None), (5, None, 1)],
                                 f"id int, a {t}, b {t}")


def _ops(t):
    return lambda spark: _ints(spark, t).select("id", F.bitwise_not("a"), F.col("a").bitwiseAND(F.col("b")),
                                                F.col("a").bitwiseOR(F.col("b")), F.col("a").bitwiseXOR(F.col("b")),
                                                F.bit_count("a")).orderBy("id")


def _shifts(t):
    return lambda spark: _ints(spark, t).select("id", F.shiftleft("a", 1), F.shiftright("a", 1),
                                                F.shiftrightunsigned("a", 1), F.shiftleft("a", 33), F.shiftright("a", 65),
                                                F.shiftrightunsigned("a", -1)).orderBy("id")


for _t in _BOUNDS:
    _register(_ops(_t), f"bitwise_ops_{_t}")
    _register(_shifts(_t), f"shifts_{_t}")


@case
def bitwise_mixed_widths(spark):
    df = spark.createDataFrame([(5, 3, 255)], "i int, l bigint, t tinyint")
    return df.select(F.col("i").bitwiseAND(F.col("l")), F.col("t").bitwiseOR(F.col("i")), F.col("i").bitwiseXOR(7),
                     F.col("t").bitwiseAND(F.lit(1)))


@case
def bitwise_sql_operators(spark):
    return spark.range(6).selectExpr("id & 3", "id | 8", "id ^ 5", "~id", "bit_count(id)", "shiftleft(id, 2)")


@case
def bitwise_not_deprecated_name(spark):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = spark.createDataFrame([(5,)], "i int")
        return df.select(F.bitwiseNOT("i"), F.shiftLeft("i", 1), F.shiftRight("i", 1), F.shiftRightUnsigned("i", 1))


@case
def bitwise_of_double_is_refused(spark):
    return spark.createDataFrame([(1.5,)], "d double").select(F.bitwise_not("d"))


@case
def bitwise_and_of_string_is_refused(spark):
    return spark.createDataFrame([("1", 2)], "s string, i int").select(F.col("s").bitwiseAND(F.col("i")))


@case
def bit_count_booleans_and_negatives(spark):
    df = spark.createDataFrame([(True, -1, -1), (False, 0, -128), (None, None, None)], "b boolean, l bigint, t tinyint")
    return df.select(F.bit_count("b"), F.bit_count("l"), F.bit_count("t"))


@case
def bit_count_of_string_is_refused(spark):
    return spark.createDataFrame([("a",)], "s string").select(F.bit_count("s"))


@case
def bit_get_positions(spark):
    df = spark.createDataFrame([(11, 0), (11, 1), (11, 2), (11, 3), (-1, 63), (None, 1), (5, None)], "l bigint, p int")
    return df.select("l", "p", F.bit_get("l", "p"), F.getbit("l", F.lit(0)))


@case
def bit_get_of_smaller_types(spark):
    df = spark.createDataFrame([(-1, -1, 7)], "t tinyint, s smallint, i int")
    return df.select(F.bit_get("t", F.lit(7)), F.bit_get("s", F.lit(15)), F.getbit("i", F.lit(31)))


@case
def bit_get_position_out_of_range(spark):
    return spark.createDataFrame([(5,)], "i int").select(F.bit_get("i", F.lit(32)))


@case
def bit_get_negative_position(spark):
    return spark.createDataFrame([(5,)], "t tinyint").select(F.bit_get("t", F.lit(-1)))


@case
def bit_get_sql(spark):
    return spark.range(4).selectExpr("bit_get(id, 1)", "getbit(id, 0)")


@case
def shift_of_tinyint_is_int(spark):
    df = spark.createDataFrame([(-128, 100)], "t tinyint, s smallint")
    return df.select(F.shiftleft("t", 4), F.shiftrightunsigned("t", 4), F.shiftleft("s", 10))


@case
def shift_sql_and_column_count(spark):
    df = spark.createDataFrame([(1, 3), (-16, 2)], "a bigint, n int")
    return df.selectExpr("shiftleft(a, n)", "shiftright(a, n)", "shiftrightunsigned(a, n)", "shiftleft(a, 60)")


@case
def shift_of_double_is_refused(spark):
    return spark.createDataFrame([(1.0,)], "d double").select(F.shiftleft("d", 1))
