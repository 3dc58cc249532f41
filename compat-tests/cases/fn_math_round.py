"""Rounding: round/bround (HALF_UP/HALF_EVEN on the decimal value, never -0.0,
always nullable), ceil/ceiling/floor to BIGINT or DECIMAL and with a scale (result
DECIMAL(p, s) as Spark's RoundBase), and their names."""

import decimal

from harness import case
from pyspark.sql import functions as F

LEGACY = {"spark.sql.ansi.enabled": "false"}
NAN = float("nan")
INF = float("inf")
D = decimal.Decimal


def _register(fn, name, conf=None, **kw):
    fn.__name__ = fn.__qualname__ = name
    case(fn, conf=conf, **kw)


_DOUBLES = [0.0, -0.0, -0.4, -0.5, 0.5, 1.5, 2.5, -2.5, 2.675, -0.04, 1234.5678, -1234.5678, 9.99, 1e16, -1e-20, NAN, INF,
            -INF, 9.2e18, -9.3e18, None]


def _doubles(spark):
    return spark.createDataFrame(list(enumerate(_DOUBLES)), "id int, v double")


def _decimals(spark):
    rows = [(0, D("1.25")), (1, D("-1.25")), (2, D("0.05")), (3, D("-0.05")), (4, D("999.99")), (5, D("-999.99")),
            (6, D("0.00")), (7, None)]
    return spark.createDataFrame(rows, "id int, m decimal(5,2)")


def _ints(spark):
    rows = [(0, 1234, 9223372036854775807, 127), (1, -1250, -9223372036854775808, -128), (2, 15, 55, 5), (3, None, None, None)]
    return spark.createDataFrame(rows, "id int, i int, l bigint, t tinyint")


@case
def round_bround_neg_zero_edges(spark):
    df = spark.createDataFrame([(0.0, -0.0)], "z double, n double")
    n = F.col("n")
    return df.select(F.round(n, 1), F.bround(n), F.round(F.lit(-0.4)), F.round(F.lit(-0.04), 1), F.bround(F.lit(-1.0), -1),
                     F.round(F.lit(-0.0)), F.bround(F.lit(-0.5)), F.round(F.lit(-0.004), 2))


@case
def round_literal_nullability(spark):
    return spark.range(1).select(F.round(F.lit(-0.5)), F.bround(F.lit(2.5)), F.sqrt(F.lit(-1.0)), F.round(F.lit(7), -1),
                                 F.abs(F.lit(-0.0)))


@case
def round_non_null_column_is_nullable(spark):
    df = spark.range(3).select(F.col("id"), F.col("id").cast("double").alias("d"))
    return df.select(F.round("id"), F.round("d", 1), F.bround("d"), F.sqrt("d"))


for _scale in (0, 1, 2, -1, -2):
    def _round_doubles(scale):
        return lambda spark: _doubles(spark).select("id", "v", F.round("v", scale), F.bround("v", scale)).orderBy("id")
    _register(_round_doubles(_scale), f"round_doubles_scale_{_scale}".replace("-", "neg"))


@case
def round_floats(spark):
    df = spark.createDataFrame([(0, 2.5), (1, -0.5), (2, 1.25), (3, -0.0), (4, NAN)], "id int, f float")
    return df.select("id", F.round("f"), F.round("f", 1), F.bround("f", 1)).orderBy("id")


@case
def round_decimals_scales(spark):
    return _decimals(spark).select("id", F.round("m"), F.round("m", 1), F.bround("m", 1), F.round("m", -1),
                                   F.round("m", 3)).orderBy("id")


@case
def round_integers_negative_scale(spark):
    return _ints(spark).select("id", F.round("i", -1), F.bround("i", -2), F.round("t", -1), F.round("i", 2)).orderBy("id")


@case
def round_sql_forms(spark):
    return _doubles(spark).filter("id < 8").selectExpr("id", "round(v)", "round(v, 1)", "bround(v, 0)").orderBy("id")


@case
def round_of_string(spark):
    return spark.createDataFrame([("2.5",), ("-0.45",)], "s string").select(F.round("s"), F.round("s", 1))


@case
def round_of_boolean_is_refused(spark):
    return spark.createDataFrame([(True,)], "b boolean").select(F.round("b"))


# ceil / floor ------------------------------------------------------------------------------

@case
def ceil_floor_doubles(spark):
    return _doubles(spark).select("id", "v", F.ceil("v"), F.floor("v"), F.ceiling("v")).orderBy("id")


@case
def ceil_floor_decimals(spark):
    return _decimals(spark).select("id", F.ceil("m"), F.floor("m"), F.ceiling("m")).orderBy("id")


@case
def ceil_floor_integers(spark):
    return _ints(spark).select("id", F.ceil("i"), F.floor("l"), F.ceil("t")).orderBy("id")


@case
def ceil_floor_strings(spark):
    return spark.createDataFrame([("1.5",), ("-1.5",)], "s string").select(F.ceil("s"), F.floor("s"))


@case
def ceil_floor_decimal_scale_zero(spark):
    df = spark.createDataFrame([(D("12"),), (D("-7"),)], "m decimal(4,0)")
    return df.select(F.ceil("m"), F.floor("m"))


for _scale in (0, 1, 2, -1, -3):
    def _ceil_scale(scale):
        return lambda spark: _doubles(spark).filter("id < 13 OR id = 14 OR id = 20") \
            .select("id", F.ceil("v", scale), F.floor("v", scale)).orderBy("id")
    _register(_ceil_scale(_scale), f"ceil_floor_doubles_scale_{_scale}".replace("-", "neg"))


@case
def ceil_scale_double_past_decimal_ansi(spark):
    return spark.createDataFrame([(1e16,)], "v double").select(F.ceil("v", 1))


@case
def ceil_scale_double_nan_ansi(spark):
    return spark.createDataFrame([(float("nan"),)], "v double").select(F.floor("v", 1))


@case(conf=LEGACY)
def ceil_scale_double_specials_legacy(spark):
    return _doubles(spark).select("id", "v", F.ceil("v", 1), F.floor("v", -2)).orderBy("id")


@case
def ceil_floor_float_with_scale(spark):
    df = spark.createDataFrame([(0.1,), (-2.55,), (1e6,), (None,)], "f float")
    return df.select("f", F.ceil("f", 2), F.floor("f", 1), F.ceil("f", -2))


@case
def ceil_floor_decimals_with_scale(spark):
    return _decimals(spark).select("id", F.ceil("m", 1), F.floor("m", 1), F.ceil("m", -1), F.floor("m", -2),
                                   F.ceiling("m", 5)).orderBy("id")


@case
def ceil_floor_integers_with_scale(spark):
    return _ints(spark).select("id", F.ceil("i", -1), F.floor("i", -2), F.ceil("l", -1), F.floor("t", 1)).orderBy("id")


@case
def ceil_scale_as_column_literal(spark):
    return _decimals(spark).select(F.ceil("m", F.lit(1)), F.floor("m", F.lit(0)))


@case
def ceil_scale_not_constant_is_refused(spark):
    return _ints(spark).select(F.ceil("i", F.col("id")))


@case
def ceil_floor_of_boolean_is_refused(spark):
    return spark.createDataFrame([(True,)], "b boolean").select(F.floor("b"))


@case
def ceil_floor_sql_names(spark):
    return _decimals(spark).filter("id < 4").selectExpr("ceil(m)", "ceiling(m)", "floor(m)", "ceil(m, 1)", "floor(m, -1)",
                                                         "ceiling(m, 0)")


@case
def ceil_floor_non_null_is_nullable(spark):
    return spark.range(2).select(F.ceil("id"), F.floor(F.col("id").cast("double")), F.ceil("id", 1))
