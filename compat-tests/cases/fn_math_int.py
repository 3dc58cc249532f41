"""Math functions over integers and exact arithmetic: abs/negative/positive at the
type bounds (ANSI overflow, legacy wrap-around), factorial, bin, conv (bases,
invalid digits, unsigned overflow), width_bucket, and try_add/try_subtract/
try_multiply/try_divide/try_mod (NULL instead of overflow or division by zero)."""

import decimal

from harness import case
from pyspark.sql import functions as F

LEGACY = {"spark.sql.ansi.enabled": "false"}
NAN = float("nan")
INF = float("inf")
D = decimal.Decimal

_BOUNDS = {"tinyint": (-128, 127), "smallint": (-32768, 32767), "int": (-2**31, 2**31 - 1), "bigint": (-2**63, 2**63 - 1)}


def _register(fn, name, conf=None, **kw):
    fn.__name__ = fn.__qualname__ = name
    case(fn, conf=conf, **kw)


def _bounds(spark, t):
    lo, hi = _BOUNDS[t]
    return spark.createDataFrame([(0, hi), (1, lo), (2, 0), (3, -5), (4, None)], f"id int, v {t}")


for _t, (_lo, _hi) in _BOUNDS.items():
    def _abs_min(t):
        return lambda spark: spark.createDataFrame([(_BOUNDS[t][0],)], f"v {t}").select(F.abs("v"))

    def _neg_min(t):
        return lambda spark: spark.createDataFrame([(_BOUNDS[t][0],)], f"v {t}").select(F.negative("v"))

    def _legacy(t):
        return lambda spark: _bounds(spark, t).select("id", F.abs("v"), F.negative("v"), F.positive("v")).orderBy("id")

    def _ansi_ok(t):
        return lambda spark: _bounds(spark, t).filter("id != 1").select("id", F.abs("v"), F.negative("v"),
                                                                       F.negate("v")).orderBy("id")
    _register(_abs_min(_t), f"abs_{_t}_min_overflow_ansi")
    _register(_neg_min(_t), f"negative_{_t}_min_overflow_ansi")
    _register(_legacy(_t), f"abs_negative_{_t}_bounds_legacy", conf=LEGACY)
    _register(_ansi_ok(_t), f"abs_negative_{_t}_ansi")


@case
def abs_negative_floats_and_decimals(spark):
    df = spark.createDataFrame([(0, -0.0, -0.0, D("-1.50")), (1, NAN, NAN, D("0.00")), (2, -INF, -INF, None),
                                (3, 2.5, 2.5, D("99.99"))], "id int, d double, f float, m decimal(4,2)")
    return df.select("id", F.abs("d"), F.negative("d"), F.abs("f"), F.negative("f"), F.abs("m"), F.negative("m"),
                     F.positive("m")).orderBy("id")


@case
def negative_positive_of_strings(spark):
    return spark.createDataFrame([("1.5",), ("-2",)], "s string").select(F.negative("s"), F.positive("s"), F.abs("s"))


@case
def negative_of_boolean_is_refused(spark):
    return spark.createDataFrame([(True,)], "b boolean").select(F.negative("b"))


@case
def positive_sql_and_nullability(spark):
    return spark.range(2).selectExpr("positive(id)", "negative(id)", "abs(id)", "+id")


# factorial / bin ---------------------------------------------------------------------------

@case
def factorial_range(spark):
    df = spark.createDataFrame([(i,) for i in [-1, 0, 1, 5, 12, 13, 20, 21, None]], "n int")
    return df.select("n", F.factorial("n"))


@case
def factorial_of_other_types(spark):
    df = spark.createDataFrame([(5, 5.9, "6", 3)], "l bigint, d double, s string, t tinyint")
    return df.select(F.factorial("l"), F.factorial("d"), F.factorial("s"), F.factorial("t"))


@case
def factorial_non_null_is_nullable(spark):
    return spark.range(3).selectExpr("factorial(id)", "factorial(3)")


@case
def bin_values(spark):
    df = spark.createDataFrame([(i,) for i in [0, 1, 13, -1, -13, 2**63 - 1, -2**63, None]], "l bigint")
    return df.select("l", F.bin("l"))


@case
def bin_of_other_types(spark):
    df = spark.createDataFrame([(13.7, "13", 5, D("-2.5"))], "d double, s string, i int, m decimal(3,1)")
    return df.select(F.bin("d"), F.bin("s"), F.bin("i"), F.bin("m"))


@case
def bin_of_bad_string_ansi(spark):
    return spark.createDataFrame([("x",)], "s string").select(F.bin("s"))


# conv ------------------------------------------------------------------------------------

@case
def conv_bases(spark):
    df = spark.createDataFrame([("100",), ("-10",), ("ff",), ("FF",), ("zz",), ("12z",), ("",), (" 17 ",), ("-",),
                                ("0",), (None,), ("7fffffffffffffff",), ("ffffffffffffffff",)], "s string")
    return df.select("s", F.conv("s", 16, 10), F.conv("s", 16, -10), F.conv("s", 36, 2), F.conv("s", 10, 16))


@case
def conv_negative_to_base(spark):
    df = spark.createDataFrame([("-10",), ("-1",), ("10",), ("-9223372036854775808",)], "s string")
    return df.select("s", F.conv("s", 10, -16), F.conv("s", 10, 16), F.conv("s", 10, -10), F.conv("s", 10, 2))


@case
def conv_invalid_bases(spark):
    df = spark.createDataFrame([("10",)], "s string")
    return df.select(F.conv("s", 1, 10), F.conv("s", 10, 37), F.conv("s", 37, 10), F.conv("s", 10, -1), F.conv("s", 36, -36))


@case(conf=LEGACY)
def conv_overflow_legacy(spark):
    df = spark.createDataFrame([("18446744073709551615",), ("18446744073709551616",), ("99999999999999999999",)], "s string")
    return df.select("s", F.conv("s", 10, 16), F.conv("s", 10, 10))


@case
def conv_overflow_ansi(spark):
    return spark.createDataFrame([("99999999999999999999",)], "s string").select(F.conv("s", 10, 16))


@case
def conv_of_numbers(spark):
    df = spark.createDataFrame([(255, 10.5)], "i int, d double")
    return df.select(F.conv("i", 10, 16), F.conv("d", 10, 2))


@case
def conv_sql_and_columns(spark):
    df = spark.createDataFrame([("255", 10, 2), ("11", 2, 10)], "s string, f int, t int")
    return df.selectExpr("conv(s, f, t)", "conv(s, 10, 36)", "conv('z', 36, 10)")


@case
def conv_unicode(spark):
    return spark.createDataFrame([("１２",), ("1😀2",), ("é",)], "s string").select(F.conv("s", 10, 10))


# width_bucket ----------------------------------------------------------------------------

@case
def width_bucket_values(spark):
    df = spark.createDataFrame([(5.3, 0.2, 10.6, 5), (-2.1, 1.3, 3.4, 3), (8.1, 0.0, 5.7, 4), (-0.9, 5.2, 0.5, 2),
                                (0.2, 0.2, 10.6, 5), (10.6, 0.2, 10.6, 5), (5.2, 5.2, 0.5, 2), (0.5, 5.2, 0.5, 2),
                                (NAN, 0.0, 1.0, 2), (1.0, NAN, 2.0, 2), (1.0, 0.0, INF, 2), (1.0, 1.0, 1.0, 2),
                                (1.0, 0.0, 2.0, 0), (1.0, 0.0, 2.0, -1), (INF, 0.0, 2.0, 3), (None, 0.0, 1.0, 1),
                                (1.0, 0.0, 2.0, 9223372036854775807)], "v double, lo double, hi double, n bigint")
    return df.select("v", "lo", "hi", "n", F.width_bucket("v", "lo", "hi", "n"))


@case
def width_bucket_int_bucket_count(spark):
    df = spark.createDataFrame([(5, 0, 10)], "v int, lo int, hi int")
    return df.select(F.width_bucket("v", "lo", "hi", 3), F.width_bucket("v", "lo", "hi", F.lit(2)))


@case
def width_bucket_sql(spark):
    return spark.range(5).selectExpr("width_bucket(id, 0, 4, 2)", "width_bucket(id * 1.5, 0, 6, 3)")


@case
def width_bucket_of_string_bucket_count(spark):
    return spark.range(1).selectExpr("width_bucket(id, 0, 4, 'a')")


# try_* arithmetic ------------------------------------------------------------------------

def _try_ints(spark, t):
    lo, hi = _BOUNDS[t]
    rows = [(0, hi, 1), (1, lo, -1), (2, lo, 1), (3, 7, 0), (4, -7, 2), (5, None, 1), (6, hi, 3), (7, lo, 3)]
    return spark.createDataFrame(rows, f"id int, a {t}, b {t}")


def _try_case(t):
    return lambda spark: _try_ints(spark, t).select("id", F.try_add("a", "b"), F.try_subtract("a", "b"),
                                                    F.try_multiply("a", "b"), F.try_divide("a", "b"),
                                                    F.try_mod("a", "b")).orderBy("id")


for _t in _BOUNDS:
    _register(_try_case(_t), f"try_arithmetic_{_t}")
    _register(lambda spark, t=_t: _try_case(t)(spark), f"try_arithmetic_{_t}_legacy", conf=LEGACY)


@case
def try_arithmetic_doubles(spark):
    df = spark.createDataFrame([(1.5, 0.0), (-1.0, -0.0), (NAN, 1.0), (INF, INF), (1e308, 10.0), (7.5, 2.0)],
                               "a double, b double")
    return df.select("a", "b", F.try_add("a", "b"), F.try_subtract("a", "b"), F.try_multiply("a", "b"),
                     F.try_divide("a", "b"), F.try_mod("a", "b"))


@case
def try_arithmetic_mixed_types(spark):
    df = spark.createDataFrame([(2147483647, 1, 2.5, D("1.25"))], "i int, l bigint, d double, m decimal(5,2)")
    return df.select(F.try_add("i", "l"), F.try_multiply("i", "d"), F.try_divide("i", "l"), F.try_subtract("m", "i"),
                     F.try_add("m", "m"), F.try_divide("m", "l"), F.try_mod("m", "i"))


@case
def try_arithmetic_decimals(spark):
    df = spark.createDataFrame([(D("99999999999999999999999999999999999999"), D("1")), (D("2"), D("0"))],
                               "a decimal(38,0), b decimal(38,0)")
    return df.select(F.try_add("a", "b"), F.try_multiply("a", "a"), F.try_divide("a", "b"), F.try_mod("a", "b"))


@case
def try_arithmetic_of_strings(spark):
    df = spark.createDataFrame([("5", "2")], "a string, b string")
    return df.select(F.try_add("a", "b"), F.try_divide("a", "b"), F.try_multiply("a", F.lit(3)))


@case
def try_arithmetic_sql(spark):
    return spark.range(3).selectExpr("try_add(id, 9223372036854775807)", "try_divide(10, id)", "try_mod(id, 0)",
                                     "try_subtract(-9223372036854775807, id)", "try_multiply(id, 4611686018427387904)")


@case
def try_add_of_boolean_is_refused(spark):
    return spark.createDataFrame([(True, 1)], "b boolean, i int").select(F.try_add("b", "i"))


@case
def try_divide_integer_literal_names(spark):
    return spark.range(1).select(F.try_divide(F.lit(1), F.lit(0)), F.try_add(F.lit(1), F.lit(2)))


_N38 = "9" * 38


@case
def abs_decimal_38_nines_ansi(spark):
    return spark.createDataFrame([(D("-" + _N38),)], "a decimal(38,0)").select(F.abs("a"))


@case
def negative_decimal_38_nines_ansi(spark):
    return spark.createDataFrame([(D(_N38),)], "a decimal(38,0)").select(F.negative("a"))


@case(conf=LEGACY)
def abs_negative_decimal_38_digits_legacy(spark):
    rows = [(0, D("-" + _N38)), (1, D(_N38)), (2, D("-123456789012345678901234567890123456")), (3, D("9" * 34)),
            (4, D("-12345678901234567890123456789012345678")), (5, None)]
    df = spark.createDataFrame(rows, "id int, a decimal(38,0)")
    return df.select("id", F.abs("a"), F.negative("a")).orderBy("id")


@case
def abs_negative_decimal_35_digits_round(spark):
    df = spark.createDataFrame([(D("-123456789012345678901234567890123456"),), (D("12345678901234567890123456789012345.5"),)],
                               "a decimal(38,1)")
    return df.select(F.abs("a"), F.negative("a"))


@case(conf=LEGACY)
def abs_negative_decimal_36_digits_legacy(spark):
    rows = [(0, D("-123456789012345678901234567890123456")), (1, D("9" * 34)), (2, D("-1234567890123456789012345678901234567")),
            (3, None)]
    df = spark.createDataFrame(rows, "id int, a decimal(38,0)")
    return df.select("id", F.abs("a"), F.negative("a")).orderBy("id")
