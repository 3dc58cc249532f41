"""The foundation's string functions made Spark-exact: substring of BINARY stays
BINARY, trim/ltrim/rtrim/btrim with trim strings, like/ilike with an escape
character and column patterns, startswith/endswith/contains of binaries."""

from harness import case
from pyspark.sql import functions as F

LEGACY = {"spark.sql.ansi.enabled": "false"}

_BIN_ROWS = [
    (1, bytearray(b"abcde"), bytearray(b"ab"), "abcde"),
    (2, bytearray(b""), bytearray(b""), ""),
    (3, bytearray(b"\x00\xff\x10"), bytearray(b"\xff"), "\u00ff"),
    (4, None, bytearray(b"z"), None),
    (5, bytearray(b"\xe2\x82\xac!"), None, "\u20ac!"),
]


def _bin(spark):
    return spark.createDataFrame(_BIN_ROWS, "id int, a binary, b binary, s string")


_TEXT_ROWS = [
    (1, "  hello  ", "xxhixx", "x"),
    (2, "", "", ""),
    (3, None, "abcba", None),
    (4, "\t tab \t", "abcba", "ab"),
    (5, "ß😀ß", "😀a😀", "😀"),
    (6, "   ", "yxyxzy", "xy"),
]


def _text(spark):
    return spark.createDataFrame(_TEXT_ROWS, "id int, s string, t string, c string")


# substring / substr of BINARY


@case
def binary_substring_positions(spark):
    return _bin(spark).select("id", F.substring("a", 2, 2), F.substring("b", 1, 1), F.substring("a", -1, 1),
                              F.substring("a", 0, 5), F.substring("a", -10, 3), F.substring("a", 3, -1))


@case
def binary_substr_method(spark):
    return _bin(spark).select("id", F.col("a").substr(2, 3), F.col("a").substr(F.lit(1), F.lit(2)))


@case
def binary_substr_function_two_args(spark):
    return _bin(spark).select("id", F.substr("a", F.lit(2)), F.substr(F.col("a"), F.lit(-2), F.lit(1)))


@case
def binary_substring_sql(spark):
    return _bin(spark).selectExpr("id", "substring(a, 2)", "substr(a, -2, 5)", "substring(a FROM 2 FOR 1)")


@case
def binary_substring_column_positions(spark):
    return _bin(spark).select("id", F.substring("a", F.col("id"), F.col("id") - 3))


@case
def string_substring_column_positions(spark):
    return _bin(spark).select("id", F.substring("s", F.col("id") - 3, F.col("id")))


@case
def substring_of_numbers_reads_text(spark):
    df = spark.createDataFrame([(12345, 1.5, True)], "i int, d double, b boolean")
    return df.select(F.substring("i", 2, 3), F.substring("d", 1, 2), F.substring("b", 1, 3))


@case
def substring_position_not_integer(spark):
    return _bin(spark).select(F.substring("s", F.lit("x"), F.lit(1)))


@case
def substring_of_array_fails(spark):
    df = spark.createDataFrame([([1, 2, 3],)], "a array<int>")
    return df.select(F.substring("a", 1, 2))


# trim family with trim strings


@case
def trim_with_literal_trim_string(spark):
    return _text(spark).select("id", F.trim("t", F.lit("x")), F.ltrim("t", F.lit("xa")), F.rtrim("t", F.lit("ax")))


@case
def trim_with_column_trim_string(spark):
    return _text(spark).select("id", F.trim("t", "c"), F.ltrim("t", "c"), F.rtrim("t", "c"))


@case
def trim_with_empty_and_null_trim_string(spark):
    return _text(spark).select("id", F.trim("t", F.lit("")), F.ltrim("s", F.lit(None).cast("string")))


@case
def trim_only_strips_spaces_by_default(spark):
    return _text(spark).select("id", F.trim("s"), F.ltrim("s"), F.rtrim("s"), F.btrim("s"))


@case
def btrim_with_trim_string(spark):
    return _text(spark).select("id", F.btrim("t", F.lit("ab")), F.btrim("t", "c"), F.btrim("s", F.lit(" ")))


@case
def trim_unicode_trim_characters(spark):
    return _text(spark).select("id", F.trim("s", F.lit("ß")), F.trim("t", F.lit("😀")))


@case
def trim_sql_forms(spark):
    return _text(spark).selectExpr("id", "trim(BOTH 'x' FROM t)", "trim(LEADING 'xa' FROM t)", "trim(TRAILING 'ab' FROM t)",
                                   "trim(t)", "ltrim(t)", "rtrim('ab', t)")



@case
def trim_sql_two_argument_forms(spark):
    return _text(spark).selectExpr("id", "btrim(t, 'ab')", "ltrim('x', t)", "rtrim('ab', t)")


@case
def trim_of_numbers_and_binary(spark):
    df = spark.createDataFrame([(123, bytearray(b"  ab "), 1.0)], "i int, b binary, d double")
    return df.select(F.trim("i", F.lit("1")), F.trim("b"), F.ltrim("d", F.lit("1")))


@case
def trim_with_int_trim_string(spark):
    return _text(spark).select(F.trim("t", F.lit(1)))


@case
def trim_of_array_fails(spark):
    df = spark.createDataFrame([(["a"],)], "a array<string>")
    return df.select(F.trim("a"))


@case
def trim_repr(spark):
    return [repr(F.trim("s", F.lit("x"))), repr(F.btrim("s")), repr(F.ltrim(F.col("s"), F.col("c")))]


# like / ilike with an escape character, column patterns


@case
def like_with_escape_char(spark):
    df = spark.createDataFrame([("a%b",), ("axb",), ("a_b",), ("a!b",), (None,)], "s string")
    return df.select("s", F.like("s", F.lit("a!%b"), F.lit("!")), F.like("s", F.lit("a!_b"), F.lit("!")),
                     F.like("s", F.lit("a!!b"), F.lit("!")), F.like("s", F.lit("a%"), F.lit("!")))


@case
def ilike_case_insensitive(spark):
    df = spark.createDataFrame([("ABC",), ("abc",), ("Straße",), ("STRASSE",), ("",), (None,)], "s string")
    return df.select("s", F.ilike("s", F.lit("a%")), F.ilike("s", F.lit("%SS%")), F.ilike("s", F.lit("straSSe")),
                     F.ilike("s", F.lit("_b_")))


@case
def ilike_with_escape_char(spark):
    df = spark.createDataFrame([("A%B",), ("AxB",), (None,)], "s string")
    return df.select("s", F.ilike("s", F.lit("a/%b"), F.lit("/")), F.col("s").ilike("a%"))


@case
def like_column_pattern(spark):
    df = spark.createDataFrame([("abc", "a%"), ("abc", "_b_"), ("abc", "b%"), (None, "a"), ("a.c", "a.c"), ("aXc", "a.c"),
                                ("a\nb", "a%b"), ("x", None)], "s string, p string")
    return df.select("s", "p", F.like("s", "p"), F.ilike("s", "p"), F.like("s", F.lower("p")))


@case
def like_method_with_column_argument_fails(spark):
    df = spark.createDataFrame([("abc", "a%")], "s string, p string")
    return df.select(F.col("s").like(F.col("p")))


@case
def like_escape_sequences_default_backslash(spark):
    df = spark.createDataFrame([("a%",), ("a\\",), ("ab",), ("%",), ("_",), ("\\\\",)], "s string")
    return df.select("s", F.col("s").like("a\\%"), F.col("s").like("\\_"), F.col("s").like("%\\\\"))


@case
def like_invalid_escape_sequence(spark):
    df = spark.createDataFrame([("ab",)], "s string")
    return df.select(F.col("s").like("a\\b"))


@case
def like_pattern_ending_with_escape(spark):
    df = spark.createDataFrame([("a\\",)], "s string")
    return df.select(F.col("s").like("a\\"))


@case
def like_escape_char_not_one_character(spark):
    df = spark.createDataFrame([("ab",)], "s string")
    return df.select(F.like("s", F.lit("a%"), F.lit("!!")))


@case
def like_sql_escape_clause(spark):
    df = spark.createDataFrame([("a%b",), ("axb",), (None,)], "s string")
    return df.selectExpr("s", "s LIKE 'a#%b' ESCAPE '#'", "s ILIKE 'A%'", "s NOT LIKE 'a%'", "s NOT ILIKE 'A%B'")


@case
def like_of_numbers(spark):
    df = spark.createDataFrame([(123, 1.5)], "i int, d double")
    return df.select(F.col("i").like("1%"), F.col("d").like("%.5"), F.ilike("i", F.lit("%3")))


@case
def like_regex_metacharacters_are_literal(spark):
    df = spark.createDataFrame([("a.c",), ("abc",), ("a+c",), ("(x)",), ("[y]",), ("$^",), ("a|b",)], "s string")
    return df.select("s", F.col("s").like("a.c"), F.col("s").like("a+%"), F.col("s").like("(%)"), F.col("s").like("[%]"),
                     F.col("s").like("$^"), F.col("s").like("a|b"))


@case
def like_repr_and_names(spark):
    return [repr(F.like("s", F.lit("a%"), F.lit("!"))), repr(F.ilike("s", F.lit("a%"))), repr(F.col("s").ilike("x"))]


# startswith / endswith / contains: strings and binaries


@case
def startswith_endswith_contains_binary(spark):
    return _bin(spark).select("id", F.startswith("a", "b"), F.endswith("a", "b"), F.contains("a", "b"))


@case
def startswith_binary_literal(spark):
    return _bin(spark).select("id", F.startswith("a", F.lit(bytearray(b"ab"))), F.contains("a", F.lit(bytearray(b""))),
                              F.endswith("a", F.lit(bytearray(b"!"))))


@case
def startswith_binary_and_string_mixed(spark):
    return _bin(spark).select(F.startswith("a", "s"))


@case
def startswith_binary_and_string_mixed_reads_text(spark):
    df = spark.createDataFrame([(bytearray(b"\xffA"), "\ufffdA"), (bytearray(b"\xc3\xbf"), "\u00ff")], "a binary, s string")
    return df.select(F.startswith("a", "s"), F.endswith("s", "a"), F.contains("a", "s"))


@case
def startswith_string_column_arguments(spark):
    df = spark.createDataFrame([("Spark SQL", "Spark"), ("Spark", "Spark SQL"), ("", ""), (None, "a"), ("abc", None),
                                ("😀x", "😀")], "a string, b string")
    return df.select("a", "b", F.startswith("a", "b"), F.endswith("a", "b"), F.contains("a", "b"))


@case
def startswith_numbers(spark):
    df = spark.createDataFrame([(123, 12)], "a int, b int")
    return df.select(F.startswith("a", "b"), F.contains("a", F.lit(2)), F.col("a").endswith("3"))


@case
def contains_sql(spark):
    df = spark.createDataFrame([("abc",), (None,)], "s string")
    return df.selectExpr("s", "contains(s, 'b')", "startswith(s, 'a')", "endswith(s, '')")
