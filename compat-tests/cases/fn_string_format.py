"""Formatting: format_number, format_string/printf (Java's Formatter), to_char /
to_varchar and to_number / try_to_number (Spark's number format strings), mask."""

import datetime
import decimal

from harness import case
from pyspark.sql import functions as F

LEGACY = {"spark.sql.ansi.enabled": "false"}
D = decimal.Decimal


def _nums(spark):
    return spark.createDataFrame(
        [(1, 12332.123456, D("12332.1235"), 1234567, -5),
         (2, 0.5, D("0.5000"), 0, 0),
         (3, -1.005, D("-1.0050"), -987654321, 3),
         (4, None, None, None, None),
         (5, 1.5e20, D("99999999.9999"), 2147483647, 12),
         (6, 2.675, D("2.6750"), -1, 1)],
        "id int, d double, dec decimal(12,4), i int, n int")


# format_number


@case
def format_number_places(spark):
    return _nums(spark).select("id", F.format_number("d", 2), F.format_number("dec", 2), F.format_number("i", 0),
                               F.format_number("d", 0), F.format_number("i", 3))


@case
def format_number_half_even(spark):
    df = spark.createDataFrame([(0.125,), (0.135,), (2.5,), (3.5,), (-2.5,), (1.005,), (0.0,), (-0.0,)], "x double")
    return df.select("x", F.format_number("x", 2), F.format_number("x", 0))


@case
def format_number_special_values(spark):
    df = spark.createDataFrame([(float("nan"),), (float("inf"),), (float("-inf"),), (1e-10,), (123456789012345678.0,)], "x double")
    return df.select(F.format_number("x", 2), F.format_number("x", 0))


@case
def format_number_negative_places(spark):
    return _nums(spark).select("id", F.format_number("d", -1))


@case
def format_number_column_places_sql(spark):
    return _nums(spark).selectExpr("id", "format_number(i, n)", "format_number(dec, 1)", "format_number(d, '#,##0.0')",
                                   "format_number(i, '0000')")


@case
def format_number_types(spark):
    df = spark.createDataFrame([(1, 2, 3, 4.5, "7")], "a tinyint, b smallint, c bigint, f float, s string")
    return df.select(F.format_number("a", 1), F.format_number("b", 1), F.format_number("c", 1), F.format_number("f", 1))


@case
def format_number_of_string_fails(spark):
    df = spark.createDataFrame([("7",)], "s string")
    return df.select(F.format_number("s", 1))


# format_string / printf


@case
def format_string_basics(spark):
    return _nums(spark).select("id", F.format_string("%d items", "i"), F.format_string("%s|%s", "d", "dec"),
                               F.format_string("%5d|%-5d|%05d", "n", "n", "n"), F.format_string("%x %X %o", "i", "i", "i"))


@case
def format_string_floats(spark):
    return _nums(spark).select("id", F.format_string("%.2f", "d"), F.format_string("%10.3f|%-10.1f|", "d", "d"),
                               F.format_string("%e", "d"), F.format_string("%.3E", "d"), F.format_string("%,.2f", "d"), F.format_string("%f", "d"))


@case
def format_string_float_rounding(spark):
    df = spark.createDataFrame([(0.125,), (2.675,), (0.05,), (1e-5,), (123456789.0,), (-0.0,), (float("nan"),), (float("inf"),),
                                (1e300,), (9.5,)], "d double")
    return df.select("d", F.format_string("%.2f", "d"), F.format_string("%.1f", "d"), F.format_string("%.0f", "d"),
                     F.format_string("%.3e", "d"), F.format_string("%08.2f", "d"), F.format_string("%.10g", "d"))


@case
def format_string_float_type(spark):
    df = spark.createDataFrame([(0.1, 1.5), (3.4028235e38, -2.5)], "f float, d double")
    return df.select(F.format_string("%s", "f"), F.format_string("%.3f", "f"), F.format_string("%s|%s", "d", F.col("d").cast("float")))


@case
def format_string_strings_and_flags(spark):
    df = spark.createDataFrame([("abc", True, 65), ("", False, 10), (None, None, None)], "s string, b boolean, c int")
    return df.select(F.format_string("[%s][%10s][%-6s]|", "s", "s", "s"), F.format_string("%S %b %B", "s", "b", "s"),
                     F.format_string("%.2s", "s"), F.format_string("%c", "c"), F.format_string("100%% %s", "s"))


@case
def format_string_positional_arguments(spark):
    df = spark.createDataFrame([("a", "b", 1)], "x string, y string, n int")
    return df.select(F.format_string("%2$s %1$s %2$s", "x", "y"), F.format_string("%s %<s %s", "x", "y"),
                     F.format_string("%1$d-%1$05d", "n"), F.format_string("no args"))


@case
def format_string_sign_flags(spark):
    df = spark.createDataFrame([(5, -5.5), (-12, 3.25), (0, 0.0)], "i int, d double")
    return df.select(F.format_string("%+d|% d|%(d|%,d", "i", "i", "i", "i"), F.format_string("%+.1f|% .1f|%(.1f", "d", "d", "d"),
                     F.format_string("%#x|%#o", "i", "i"))


@case
def format_string_general_and_null(spark):
    df = spark.createDataFrame([(1234567.0,), (0.0001234,), (None,)], "d double")
    return df.select(F.format_string("%g", "d"), F.format_string("%.3g", "d"), F.format_string("%10.2e", "d"), F.format_string("%s", "d"))


@case
def format_string_dates_and_decimals(spark):
    df = spark.createDataFrame([(datetime.date(2024, 3, 1), D("1.50"), 9223372036854775807)], "dt date, dec decimal(5,2), l bigint")
    return df.select(F.format_string("%s", "dt"), F.format_string("%s|%S|%d", "dec", "dec", "l"), F.format_string("%x", "l"),
                     F.format_string("%10s|", "dt"))




@case
def printf_function_and_sql(spark):
    df = spark.createDataFrame([("x", 3)], "s string, n int")
    return df.select(F.printf(F.lit("%s=%d"), "s", "n")).union(df.selectExpr("printf('%s-%d', s, n)")).union(
        df.selectExpr("format_string('%s', s)"))


@case
def format_string_names(spark):
    df = spark.createDataFrame([("x", 3)], "s string, n int")
    return df.select(F.format_string("%s:%d", "s", "n"), F.printf(F.lit("%s"), "s"), F.format_string("%s", F.col("n") + 1))


# to_char / to_varchar


@case
def to_char_number_formats(spark):
    df = spark.createDataFrame([(D("454"),), (D("78.12"),), (D("-12454.8"),), (D("0"),), (None,)], "x decimal(10,2)")
    return df.select("x", F.to_char("x", F.lit("999")), F.to_char("x", F.lit("000.00")), F.to_char("x", F.lit("99,999.9")),
                     F.to_char("x", F.lit("S99999.99")), F.to_char("x", F.lit("99999.99MI")), F.to_char("x", F.lit("99999.99PR")))


@case
def to_char_currency_and_overflow(spark):
    df = spark.createDataFrame([(D("78.12"),), (D("123456.78"),), (D("-5"),)], "x decimal(10,2)")
    return df.select("x", F.to_char("x", F.lit("$99.99")), F.to_char("x", F.lit("$999,999.00")), F.to_varchar("x", F.lit("9G999D99")))


@case
def to_char_of_integers_and_doubles(spark):
    df = spark.createDataFrame([(42, 3.14159)], "i int, d double")
    return df.select(F.to_char("i", F.lit("0000")), F.to_char("i", F.lit("999.9")), F.to_char("d", F.lit("9.99")))


@case
def to_char_invalid_format(spark):
    df = spark.createDataFrame([(D("1.5"),)], "x decimal(3,1)")
    return df.select(F.to_char("x", F.lit("abc")))


@case
def to_char_of_binary(spark):
    df = spark.createDataFrame([(datetime.date(2024, 3, 1), bytearray(b"Spark"))], "dt date, b binary")
    return df.select(F.to_char("b", F.lit("base64")), F.to_char("b", F.lit("hex")), F.to_char("b", F.lit("utf-8")),
                     F.to_varchar("b", F.lit("HEX")), F.to_varchar("b", F.lit("utf-8")), F.to_char("b", F.lit("Base64")))


@case
def to_char_sql(spark):
    return _nums(spark).selectExpr("id", "to_char(dec, '99,999,999.9999')", "to_varchar(i, '9999999999')", "to_char(n, 'S999')")


# to_number / try_to_number


@case
def to_number_formats(spark):
    df = spark.createDataFrame([("454",), ("78.12",), ("-12,454.8",), ("$78.12",), ("12454.8-",), ("<12454.8>",), (None,)], "s string")
    return df.select("s", F.try_to_number("s", F.lit("999")), F.try_to_number("s", F.lit("99.99")),
                     F.try_to_number("s", F.lit("S99,999.9")), F.try_to_number("s", F.lit("$99.99")),
                     F.try_to_number("s", F.lit("99999.9MI")), F.try_to_number("s", F.lit("99999.9PR")))


@case
def to_number_valid(spark):
    df = spark.createDataFrame([("454",), ("0454",), ("-7",), ("1,234",)], "s string")
    return df.select("s", F.to_number("s", F.lit("S9,999")), F.to_number("s", F.lit("0999")))


@case
def to_number_invalid_input(spark):
    df = spark.createDataFrame([("abc",)], "s string")
    return df.select(F.to_number("s", F.lit("999")))


@case(conf=LEGACY)
def to_number_invalid_input_legacy(spark):
    df = spark.createDataFrame([("abc",)], "s string")
    return df.select(F.to_number("s", F.lit("999")))


@case
def to_number_invalid_format(spark):
    df = spark.createDataFrame([("12",)], "s string")
    return df.select(F.to_number("s", F.lit("9X9")))


@case
def to_number_sql_types(spark):
    df = spark.createDataFrame([("12.5",)], "s string")
    return df.selectExpr("to_number(s, '99.9')", "to_number(s, '999.999')", "try_to_number(s, '9')", "to_number('1,000', '9,999')")


# mask


@case
def mask_defaults(spark):
    df = spark.createDataFrame([("AbCD123-@$#",), ("abcd-EFGH-8765-4321",), ("",), (None,), ("Ünïcode ß 😀 ٣",)], "s string")
    return df.select("s", F.mask("s"))


@case
def mask_custom_characters(spark):
    df = spark.createDataFrame([("AbCD123-@$#",), ("a1",)], "s string")
    return df.select(F.mask("s", F.lit("Y")), F.mask("s", F.lit("Y"), F.lit("y")), F.mask("s", F.lit("Y"), F.lit("y"), F.lit("d")),
                     F.mask("s", F.lit("Y"), F.lit("y"), F.lit("d"), F.lit("*")), F.mask("s", F.lit(None), F.lit(None), F.lit(None)))


@case
def mask_sql(spark):
    df = spark.createDataFrame([("AbCD123-@$#",)], "s string")
    return df.selectExpr("mask(s)", "mask(s, 'Q')", "mask(s, 'Q', 'q', '#', '.')", "mask(s, NULL, 'q')")


@case
def mask_invalid_replacement(spark):
    df = spark.createDataFrame([("ab",)], "s string")
    return df.select(F.mask("s", F.lit("XY")))


# collation / collate


@case
def collation_of_strings(spark):
    df = spark.createDataFrame([("abc",), (None,)], "s string")
    return df.select(F.collation("s"), F.collate("s", "UTF8_BINARY"), F.collate("s", "utf8_binary"),
                     F.collation(F.collate("s", "UTF8_BINARY")))


@case
def collation_sql(spark):
    df = spark.createDataFrame([("abc",)], "s string")
    return df.selectExpr("collation(s)", "collate(s, 'UTF8_BINARY')", "s COLLATE UTF8_BINARY", "upper(s COLLATE UTF8_BINARY)")


@case
def collation_of_int_fails(spark):
    df = spark.createDataFrame([(1,)], "i int")
    return df.select(F.collation("i"))


@case
def collate_of_int_fails(spark):
    df = spark.createDataFrame([(1,)], "i int")
    return df.select(F.collate("i", "UTF8_BINARY"))
