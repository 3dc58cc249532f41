"""Math functions of one number (Spark's UnaryMathExpression family): values
including NaN, +-Infinity, -0.0, domain edges and NULL; the implicit cast of every
input type (numbers and strings read as DOUBLE, others refused); names and the
always-nullable result; the SQL form through selectExpr."""

import decimal

from harness import case
from pyspark.sql import functions as F

LEGACY = {"spark.sql.ansi.enabled": "false"}
NAN = float("nan")
INF = float("inf")
D = decimal.Decimal

# Values inside and at the edges of every function's domain.
_VALUES = [NAN, INF, -INF, 0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, 3.0, 10.0, 100.0, 1e-300, 1e300, -1e300, 0.1,
           3.141592653589793, 1.5707963267948966, 710.0, -745.0, 1e-10, None]


def _doubles(spark):
    return spark.createDataFrame(list(enumerate(_VALUES)), "id int, v double")


def _typed(spark):
    return spark.createDataFrame(
        [(1, 1, 2, D("1.25"), "0.5", 1.5, True), (2, -3, 9000000000, D("-2.50"), " 4 ", -0.25, False),
         (3, None, None, None, None, None, None)],
        "id int, i int, l bigint, m decimal(5,2), s string, f float, b boolean")


_UNARY = ["sqrt", "cbrt", "exp", "expm1", "ln", "log10", "log2", "log1p", "sin", "cos", "tan", "asin", "acos", "atan",
          "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "cot", "csc", "sec", "degrees", "radians", "rint",
          "signum", "sign"]


def _register(fn, name, conf=None, **kw):
    fn.__name__ = fn.__qualname__ = name
    case(fn, conf=conf, **kw)


def _values_case(name):
    return lambda spark: _doubles(spark).select("id", "v", getattr(F, name)("v")).orderBy("id")


def _types_case(name):
    def run(spark):
        f = getattr(F, name)
        return _typed(spark).select("id", f("i"), f("l"), f("m"), f("s"), f("f")).orderBy("id")
    return run


def _boolean_case(name):
    return lambda spark: _typed(spark).select(getattr(F, name)("b"))


def _sql_case(name):
    return lambda spark: _doubles(spark).filter("id < 12").selectExpr("id", f"{name}(v)", f"{name}(id)").orderBy("id")


for _n in _UNARY:
    _register(_values_case(_n), f"{_n}_values")
    _register(_types_case(_n), f"{_n}_input_types")
    _register(_boolean_case(_n), f"{_n}_of_boolean_is_refused")
    _register(_sql_case(_n), f"{_n}_sql")


@case
def unary_of_date_is_refused(spark):
    import datetime

    return spark.createDataFrame([(datetime.date(2024, 1, 1),)], "d date").select(F.sin("d"))


@case
def unary_of_non_null_input_is_nullable(spark):
    df = spark.range(2)
    return df.select(*[getattr(F, n)("id").alias(n) for n in _UNARY])


@case
def unary_of_null_literal(spark):
    df = spark.range(1)
    return df.select(F.sqrt(F.lit(None)), F.ln(F.lit(None)), F.sin(F.lit(None)))


@case
def unary_of_literals(spark):
    df = spark.range(1)
    return df.select(F.sqrt(F.lit(2)), F.exp(F.lit(1)), F.ln(F.lit(0)), F.log10(F.lit(1000)), F.log2(F.lit(8)),
                     F.log1p(F.lit(-1)), F.cbrt(F.lit(-27.0)), F.degrees(F.lit(3.141592653589793)))


@case
def unary_wrong_arity_sql(spark):
    return spark.range(1).selectExpr("sqrt(id, id)")


@case
def log_one_and_two_arguments(spark):
    df = _doubles(spark)
    return df.select("id", F.log("v"), F.log(2.0, "v"), F.log(10.0, F.col("v")), F.log(0.5, "v")).orderBy("id")


@case
def log_base_edges(spark):
    df = spark.createDataFrame([(1, 8.0, 2.0), (2, 8.0, 1.0), (3, 8.0, 0.0), (4, 8.0, -2.0), (5, 0.0, 2.0), (6, 1.0, 1.0),
                                (7, NAN, 2.0), (8, 8.0, NAN), (9, None, 2.0), (10, 8.0, None), (11, INF, 2.0)],
                               "id int, x double, b double")
    return df.selectExpr("id", "log(b, x)", "log(x)", "ln(x)").orderBy("id")


@case
def log_sql_names(spark):
    return spark.range(1, 3).selectExpr("log(id)", "log(2, id)", "ln(id)", "log10(id)", "log2(id)", "log1p(id)")


@case
def log_of_strings_and_decimals(spark):
    return _typed(spark).select("id", F.log("s"), F.log(2.0, "m"), F.log2("l")).orderBy("id")


@case
def sign_and_signum_names(spark):
    return spark.createDataFrame([(-2,), (0,), (5,)], "i int").select(F.sign("i"), F.signum("i"), F.expr("sign(i)"),
                                                                       F.expr("signum(i)"))


@case
def trig_special_angles(spark):
    df = spark.createDataFrame([(0.0,), (0.7853981633974483,), (1.0471975511965979,), (2.356194490192345,), (-1.0,)],
                               "v double")
    return df.select(F.sin("v"), F.cos("v"), F.tan("v"), F.cot("v"), F.sec("v"), F.csc("v"))


@case
def inverse_trig_domain(spark):
    df = spark.createDataFrame([(-1.0,), (1.0,), (1.0000001,), (-1.5,), (0.5,)], "v double")
    return df.select("v", F.asin("v"), F.acos("v"), F.atanh("v"), F.acosh("v"))


@case
def hyperbolic_overflow(spark):
    df = spark.createDataFrame([(709.0,), (710.0,), (-710.0,), (20.0,), (1e154,), (1e155,), (-1e155,)], "v double")
    return df.select("v", F.sinh("v"), F.cosh("v"), F.tanh("v"), F.asinh("v"), F.acosh("v"))


@case
def exp_underflow_and_overflow(spark):
    df = spark.createDataFrame([(709.78,), (709.79,), (-700.0,), (-745.14,), (1e-20,)], "v double")
    return df.select("v", F.exp("v"), F.expm1("v"), F.log1p("v"))


@case
def rint_half_even(spark):
    df = spark.createDataFrame([(0.5,), (1.5,), (2.5,), (-0.5,), (-1.5,), (-0.4,), (4503599627370497.0,), (1e20,)],
                               "v double")
    return df.select("v", F.rint("v"))


@case
def degrees_radians_round_trip(spark):
    df = spark.createDataFrame([(180.0,), (90.0,), (-45.0,), (1e308,), (360.0,)], "v double")
    return df.select("v", F.radians("v"), F.degrees(F.radians("v")), F.degrees("v"))


@case
def cbrt_exact_cubes(spark):
    df = spark.createDataFrame([(27.0,), (-8.0,), (1e-300,), (64.0,), (2.0,), (1e300,)], "v double")
    return df.select("v", F.cbrt("v"))


@case(conf=LEGACY)
def unary_of_strings_legacy(spark):
    df = spark.createDataFrame([("1",), ("abc",), ("",), (" 2.5 ",), ("NaN",), ("-Infinity",)], "s string")
    return df.select("s", F.sqrt("s"), F.exp("s"), F.ln("s"))


@case
def unary_of_bad_string_ansi(spark):
    return spark.createDataFrame([("abc",)], "s string").select(F.sqrt("s"))


@case
def to_degrees_deprecated_names(spark):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return spark.createDataFrame([(1.0,)], "v double").select(F.toDegrees("v"), F.toRadians("v"))


@case
def e_and_pi(spark):
    return spark.range(2).select(F.e(), F.pi(), (F.pi() * 2).alias("tau"))


@case
def e_and_pi_sql(spark):
    return spark.range(1).selectExpr("e()", "pi()", "pi() / 2")


@case
def e_with_argument_sql(spark):
    return spark.range(1).selectExpr("pi(1)")
