"""String functions, part 2: padding, repeat, reverse (strings and arrays), concat
of arrays, initcap, searching (instr, locate, position, find_in_set), left/right,
split/split_part/substring_index, translate/replace/overlay, ascii/chr/space,
bit_length/octet_length, elt, levenshtein and soundex."""

import datetime
import decimal

from harness import case
from pyspark.sql import functions as F

LEGACY = {"spark.sql.ansi.enabled": "false"}

_WORDS = [
    (1, "hello", 8, "ab"),
    (2, "", 3, "x"),
    (3, None, 2, "-"),
    (4, "日本語", 5, "😀"),
    (5, "toolongvalue", 4, "*"),
    (6, "a😀b", 0, ""),
    (7, "e\u0301x", -2, "ab"),
    (8, "abc", None, None),
]


def _words(spark):
    return spark.createDataFrame(_WORDS, "id int, s string, n int, p string")


def _matrix(spark):
    """One row per Spark type, for the implicit casts of a function's arguments."""
    return spark.createDataFrame(
        [(7, 9000000000, 2.5, decimal.Decimal("12.30"), "txt", True, datetime.date(2024, 3, 1),
          datetime.datetime(2024, 3, 1, 12, 30, 0), bytearray(b"\x01AB"))],
        "i int, l bigint, d double, dec decimal(10,2), s string, b boolean, dt date, ts timestamp, bin binary")


# lpad / rpad


@case
def lpad_rpad_literals(spark):
    return _words(spark).select("id", F.lpad("s", 8, "ab"), F.rpad("s", 8, "ab"), F.lpad("s", 2, "#"), F.rpad("s", 0, "#"))


@case
def lpad_rpad_column_arguments(spark):
    return _words(spark).select("id", F.lpad("s", F.col("n"), F.col("p")), F.rpad("s", F.col("n"), F.col("p")))


@case
def lpad_rpad_negative_and_empty_pad(spark):
    return _words(spark).select("id", F.lpad("s", -1, "x"), F.rpad("s", 6, ""), F.lpad("s", 6, ""))


@case
def lpad_rpad_unicode_pad(spark):
    return _words(spark).select("id", F.lpad("s", 7, "😀é"), F.rpad("s", 7, "日本"))


@case
def lpad_rpad_binary(spark):
    df = spark.createDataFrame([(bytearray(b"ab"), bytearray(b"\x00\x01")), (bytearray(b""), bytearray(b"z")),
                                (None, bytearray(b"z")), (bytearray(b"abcdef"), bytearray(b""))], "b binary, p binary")
    return df.select(F.lpad("b", 5, F.col("p")), F.rpad("b", 5, F.col("p")), F.lpad("b", 3, F.col("p")))


@case
def lpad_binary_with_string_pad(spark):
    df = spark.createDataFrame([(bytearray(b"ab"),)], "b binary")
    return df.select(F.lpad("b", 5, "x"), F.rpad("b", 4, "yz"))


@case
def lpad_sql_default_pad(spark):
    return _words(spark).selectExpr("id", "lpad(s, 6)", "rpad(s, 6)", "lpad(s, 6, '.')")


@case
def lpad_signature_matrix(spark):
    return _matrix(spark).select(F.lpad("i", 4, "0"), F.rpad("l", 12, "0"), F.lpad("d", 5, "0"), F.lpad("dec", 7, "0"),
                                 F.rpad("b", 6, "!"), F.lpad("dt", 12, "*"), F.lpad("ts", 20, "*"))


@case
def lpad_length_from_string_and_bigint(spark):
    return _words(spark).select("id", F.lpad("s", F.lit("6"), F.lit("0")), F.rpad("s", F.lit(6).cast("bigint"), F.lit("0")))


@case
def lpad_length_not_a_number(spark):
    return _words(spark).select(F.lpad("s", F.lit("six"), F.lit("0")))


@case(conf=LEGACY)
def lpad_length_not_a_number_legacy(spark):
    return _words(spark).select(F.lpad("s", F.lit("six"), F.lit("0")))


@case
def lpad_of_array_fails(spark):
    df = spark.createDataFrame([([1],)], "a array<int>")
    return df.select(F.lpad("a", 3, "x"))


# repeat


@case
def repeat_counts(spark):
    return _words(spark).select("id", F.repeat("s", 2), F.repeat("s", 0), F.repeat("s", -1), F.repeat("s", F.col("n")))


@case
def repeat_sql_and_types(spark):
    return _matrix(spark).selectExpr("repeat(i, 3)", "repeat(d, 2)", "repeat(b, 2)", "repeat(s, '2')", "repeat('ab', NULL)")


@case
def repeat_binary_reads_text(spark):
    df = spark.createDataFrame([(bytearray(b"ab"),)], "b binary")
    return df.select(F.repeat("b", 3))


@case
def repeat_count_not_a_number(spark):
    return _words(spark).select(F.repeat("s", F.lit("x")))


# reverse: strings and arrays


@case
def reverse_strings(spark):
    return _words(spark).select("id", "s", F.reverse("s"))


@case
def reverse_emoji_and_combining_marks(spark):
    df = spark.createDataFrame([("👍🏽ok",), ("e\u0301a",), ("𝔘𝔫",), ("a\u200db",)], "s string")
    return df.select(F.reverse("s"), F.length(F.reverse("s")))


@case
def reverse_arrays(spark):
    df = spark.createDataFrame([([1, 2, 3], ["a", None, "c"]), ([], []), (None, ["x"]), ([None, 5], None)],
                               "a array<int>, b array<string>")
    return df.select(F.reverse("a"), F.reverse("b"))


@case
def reverse_nested_arrays(spark):
    df = spark.createDataFrame([([[1, 2], [3]],), ([[], None],)], "a array<array<int>>")
    return df.select(F.reverse("a"))


@case
def reverse_of_numbers_and_binary(spark):
    return _matrix(spark).select(F.reverse("i"), F.reverse("d"), F.reverse("b"), F.reverse("dt"), F.reverse("bin"))


@case
def reverse_sql(spark):
    df = spark.createDataFrame([("abc", [1, 2, 3]), (None, None)], "s string, a array<int>")
    return df.selectExpr("reverse(s)", "reverse(a)", "reverse(reverse(a))")


@case
def reverse_of_map_fails(spark):
    df = spark.createDataFrame([({"a": 1},)], "m map<string,int>")
    return df.select(F.reverse("m"))


# concat of arrays


@case
def concat_arrays(spark):
    df = spark.createDataFrame([([1, 2], [3], [None]), ([], [], []), (None, [1], [2]), ([7], None, [])],
                               "a array<int>, b array<int>, c array<int>")
    return df.select(F.concat("a", "b"), F.concat("a", "b", "c"), F.concat("a"))


@case
def concat_arrays_widen_element_type(spark):
    df = spark.createDataFrame([([1, 2], [3000000000], [1.5])], "a array<int>, b array<bigint>, c array<double>")
    return df.select(F.concat("a", "b"), F.concat("a", "c"), F.concat("b", "c"))


@case
def concat_arrays_of_strings(spark):
    df = spark.createDataFrame([(["a", None], ["b"]), (["😀"], [])], "a array<string>, b array<string>")
    return df.select(F.concat("a", "b"), F.concat("b", "a"))


@case
def concat_array_and_string_fails(spark):
    df = spark.createDataFrame([([1], "x")], "a array<int>, s string")
    return df.select(F.concat("a", "s"))



@case
def concat_no_arguments(spark):
    return _words(spark).select("id", F.concat())


@case
def concat_signature_matrix(spark):
    return _matrix(spark).select(F.concat("i", "l"), F.concat("d", "dec"), F.concat("s", "b"), F.concat("dt", "ts"),
                                 F.concat("bin", "bin"), F.concat("bin", "s"))


@case
def concat_sql_arrays(spark):
    df = spark.createDataFrame([([1, 2], [3], ["a"]), ([], None, [])], "a array<int>, b array<int>, s array<string>")
    return df.selectExpr("concat(a, b)", "concat(b, a, a)", "concat(s, s)")


# initcap


@case
def initcap_words(spark):
    df = spark.createDataFrame([("hello world",), ("HELLO WORLD",), ("  two  spaces",), ("tab\tsep",), ("o'neil mc-donald",),
                                ("ßtraße",), ("élan vital",), ("123abc def",), ("",), (None,), ("ǆemal",), ("😀smile now",)],
                               "s string")
    return df.select("s", F.initcap("s"))


@case
def initcap_of_numbers(spark):
    return _matrix(spark).select(F.initcap("d"), F.initcap("b"), F.initcap("bin"))


# instr / locate / position


@case
def instr_values(spark):
    df = spark.createDataFrame([("hello", "l"), ("hello", "lo"), ("hello", "z"), ("hello", ""), ("", ""), (None, "a"),
                                ("a😀b😀", "b"), ("日本語", "語")], "s string, sub string")
    return df.select("s", "sub", F.instr("s", "l"), F.instr("s", F.col("sub")))


@case
def instr_sql(spark):
    return _matrix(spark).selectExpr("instr(s, 'x')", "instr(i, 7)", "instr(d, '.')", "instr(NULL, 'a')")


@case
def locate_with_positions(spark):
    df = spark.createDataFrame([("banana",), ("",), (None,), ("😀a😀a",)], "s string")
    return df.select("s", F.locate("a", "s"), F.locate("a", "s", 3), F.locate("a", "s", 0), F.locate("a", "s", -1),
                     F.locate("", "s"), F.locate("", "s", 3), F.locate("a", "s", 100))


@case
def locate_sql(spark):
    return _words(spark).selectExpr("id", "locate('b', s)", "locate('b', s, 2)", "locate(NULL, s)", "locate('a', s, NULL)")


@case
def position_function(spark):
    df = spark.createDataFrame([("bar", "foobarbar", 5), ("bar", "foobarbar", None), ("", "abc", 2), (None, "abc", 1),
                                ("c", "abc", -1)], "sub string, s string, start int")
    return df.select(F.position("sub", "s"), F.position("sub", "s", "start"), F.position(F.lit("b"), "s", F.lit(1)))


@case
def position_sql_in_syntax(spark):
    return _words(spark).selectExpr("id", "position('b' IN s)", "position('l', s)", "position('l', s, 4)")


# left / right


@case
def left_right(spark):
    return _words(spark).select("id", F.left("s", F.lit(2)), F.right("s", F.lit(2)), F.left("s", F.col("n")),
                                F.right("s", F.col("n")))


@case
def left_right_zero_negative_and_overlong(spark):
    return _words(spark).select("id", F.left("s", F.lit(0)), F.right("s", F.lit(-1)), F.left("s", F.lit(100)),
                                F.right("s", F.lit(100)))


@case
def left_right_sql_and_types(spark):
    return _matrix(spark).selectExpr("left(i, 1)", "right(d, 2)", "left(s, '2')", "right(b, 3)", "left(bin, 2)", "right(bin, 2)")


# split


@case
def split_regex_and_limits(spark):
    df = spark.createDataFrame([("a,b,,c,,",), ("",), (None,), (",a",), ("abc",)], "s string")
    return df.select("s", F.split("s", ","), F.split("s", ",", 2), F.split("s", ",", 0), F.split("s", ",", -5),
                     F.split("s", ",", 1))


@case
def split_regex_patterns(spark):
    df = spark.createDataFrame([("one  two\tthree",), ("a1b22c333",), ("x.y.z",), ("a|b|c",)], "s string")
    return df.select("s", F.split("s", "\\s+"), F.split("s", "[0-9]+"), F.split("s", "\\."), F.split("s", "\\|"),
                     F.split("s", "."))


@case
def split_empty_pattern(spark):
    df = spark.createDataFrame([("abc",), ("😀é",), ("",)], "s string")
    return df.select("s", F.split("s", ""), F.split("s", "", 2))


@case
def split_column_pattern_and_limit(spark):
    df = spark.createDataFrame([("a-b-c", "-", 2), ("a1b2c", "[0-9]", -1), ("a b", None, 1), ("x,y", ",", None)],
                               "s string, p string, n int")
    return df.select(F.split("s", F.col("p")), F.split("s", F.col("p"), F.col("n")))


@case
def split_sql(spark):
    return _words(spark).selectExpr("id", "split(s, 'l')", "split(s, '', 2)", "split('a,b', ',', 1)")


@case
def split_of_numbers(spark):
    return _matrix(spark).select(F.split("d", "\\."), F.split("i", ""), F.split("dt", "-"))




# split_part


@case
def split_part_values(spark):
    df = spark.createDataFrame([("11.12.13", ".", 3), ("11.12.13", ".", -1), ("11.12.13", ".", 4), ("11.12.13", ".", -4),
                                ("11.12.13", "", 1), ("11.12.13", "", -1), ("11.12.13", "", 2), ("", ".", 1),
                                (None, ".", 1), ("a||b||c", "||", 2), ("a.b", None, 1), ("a😀b😀c", "😀", 2)],
                               "s string, d string, n int")
    return df.select("s", "d", "n", F.split_part("s", "d", "n"))


@case
def split_part_zero_index(spark):
    df = spark.createDataFrame([("a.b", ".", 0)], "s string, d string, n int")
    return df.select(F.split_part("s", "d", "n"))


@case(conf=LEGACY)
def split_part_zero_index_legacy(spark):
    df = spark.createDataFrame([("a.b", ".", 0)], "s string, d string, n int")
    return df.select(F.split_part("s", "d", "n"))


@case
def split_part_sql(spark):
    return _words(spark).selectExpr("id", "split_part(s, 'l', 1)", "split_part('a,b,c', ',', 2)", "split_part(s, 'l', -2)")


# substring_index


@case
def substring_index_counts(spark):
    df = spark.createDataFrame([("www.apache.org",), ("",), (None,), ("no-dots",), ("a..b",), ("😀.😀.x",)], "s string")
    return df.select("s", F.substring_index("s", ".", 2), F.substring_index("s", ".", -2), F.substring_index("s", ".", 0),
                     F.substring_index("s", ".", 10), F.substring_index("s", ".", -10), F.substring_index("s", "..", 1),
                     F.substring_index("s", "", 1))


@case
def substring_index_sql(spark):
    return _words(spark).selectExpr("id", "substring_index(s, 'l', 1)", "substring_index(s, 'l', -1)",
                                    "substring_index(s, NULL, 1)", "substring_index(s, 'l', NULL)")


# translate / replace / overlay


@case
def translate_characters(spark):
    df = spark.createDataFrame([("translate",), ("",), (None,), ("aaa",), ("😀a😀",)], "s string")
    return df.select("s", F.translate("s", "rnlt", "123"), F.translate("s", "a", "bc"), F.translate("s", "aa", "xy"),
                     F.translate("s", "😀", "!"), F.translate("s", "", "x"), F.translate("s", "at", ""))


@case
def translate_sql_and_nulls(spark):
    return _words(spark).selectExpr("id", "translate(s, 'lo', 'LO')", "translate(s, NULL, 'x')", "translate(s, 'a', NULL)")


@case
def replace_values(spark):
    df = spark.createDataFrame([("ABCabc", "abc", "DEF"), ("ABCabc", "", "x"), ("aaa", "aa", "b"), (None, "a", "b"),
                                ("abc", None, "x"), ("abc", "b", None), ("😀😀", "😀", "é")], "s string, f string, r string")
    return df.select("s", F.replace("s", "f", "r"), F.replace("s", "f"), F.replace("s", F.lit("a"), F.lit("")))


@case
def replace_sql(spark):
    return _words(spark).selectExpr("id", "replace(s, 'l', 'L')", "replace(s, 'l')", "replace(s, '', 'x')")


@case
def overlay_positions(spark):
    df = spark.createDataFrame([("SPARK_SQL", "CORE"), ("SPARK_SQL", ""), ("", "abc"), (None, "x"), ("ab", None),
                                ("日本語テキスト", "😀")], "s string, r string")
    return df.select("s", "r", F.overlay("s", "r", 7), F.overlay("s", "r", 7, 0), F.overlay("s", "r", 7, 2),
                     F.overlay("s", "r", 1, -1), F.overlay("s", "r", 100), F.overlay("s", "r", -2, 3), F.overlay("s", "r", 0))


@case
def overlay_column_positions(spark):
    df = spark.createDataFrame([("abcdef", "XY", 2, 3), ("abcdef", "XY", None, 1), ("abcdef", "XY", 3, None)],
                               "s string, r string, p int, n int")
    return df.select(F.overlay("s", "r", "p", "n"), F.overlay("s", "r", F.col("p")))


@case
def overlay_binary(spark):
    df = spark.createDataFrame([(bytearray(b"abcdef"), bytearray(b"\x00\x01"))], "s binary, r binary")
    return df.select(F.overlay("s", "r", 2), F.overlay("s", "r", 2, 0), F.overlay("s", "r", 5, 4))


@case
def overlay_sql_placing(spark):
    return _words(spark).selectExpr("id", "overlay(s PLACING 'XY' FROM 2)", "overlay(s PLACING 'XY' FROM 2 FOR 1)",
                                    "overlay(s, 'Z', 1, 2)")


@case
def overlay_wrong_position_type(spark):
    return _words(spark).select(F.overlay("s", F.lit("x"), 1.5))


@case
def overlay_mixed_binary_and_string(spark):
    df = spark.createDataFrame([(bytearray(b"abc"), "x")], "b binary, s string")
    return df.select(F.overlay("b", "s", 1))


# ascii / chr / char / space


@case
def ascii_values(spark):
    df = spark.createDataFrame([("A",), ("abc",), ("",), (None,), ("é",), ("😀x",), ("\u0000",), ("日本",)], "s string")
    return df.select("s", F.ascii("s"))


@case
def ascii_signature_matrix(spark):
    return _matrix(spark).select(F.ascii("i"), F.ascii("d"), F.ascii("b"), F.ascii("dt"), F.ascii("bin"))


@case
def char_of_codes(spark):
    df = spark.createDataFrame([(65,), (97,), (0,), (-1,), (256,), (321,), (255,), (None,), (9223372036854775807,)],
                               "n bigint")
    return df.select("n", F.char("n"), F.length(F.char("n")))


@case
def char_of_other_types(spark):
    return _matrix(spark).select(F.char("i"), F.char("d"), F.char("s"))


@case
def char_of_other_types_legacy_string(spark):
    df = spark.createDataFrame([("66",)], "s string")
    return df.select(F.char("s"))


@case
def chr_and_space_sql(spark):
    return _words(spark).selectExpr("id", "chr(id + 64)", "char(id + 96)", "space(id - 3)", "concat('[', space(2), ']')",
                                    "space(NULL)")


# bit_length / octet_length


@case
def bit_and_octet_length(spark):
    df = spark.createDataFrame([("abc", bytearray(b"abc")), ("", bytearray(b"")), ("é😀", bytearray(b"\xff")), (None, None)],
                               "s string, b binary")
    return df.select(F.bit_length("s"), F.octet_length("s"), F.bit_length("b"), F.octet_length("b"))


@case
def bit_and_octet_length_of_numbers(spark):
    return _matrix(spark).select(F.bit_length("i"), F.octet_length("d"), F.octet_length("dt"), F.bit_length("b"))


# find_in_set / elt


@case
def find_in_set_values(spark):
    df = spark.createDataFrame([("ab", "abc,b,ab,c,def"), ("c", "abc,b,ab,c,def"), ("x", "abc,b"), ("", "a,,b"), ("", ""),
                                ("a,b", "a,b"), (None, "a"), ("a", None), ("😀", "x,😀")], "s string, l string")
    return df.select("s", "l", F.find_in_set("s", "l"))


@case
def find_in_set_sql(spark):
    return _words(spark).selectExpr("id", "find_in_set(s, 'hello,abc')", "find_in_set(id, '1,2,3')")


@case
def elt_values(spark):
    df = spark.createDataFrame([(1,), (2,), (3,), (None,)], "n int")
    return df.select("n", F.elt("n", F.lit("scala"), F.lit("java"), F.lit(None).cast("string")))


@case
def elt_out_of_range(spark):
    df = spark.createDataFrame([(4,)], "n int")
    return df.select(F.elt("n", F.lit("a"), F.lit("b")))


@case(conf=LEGACY)
def elt_out_of_range_legacy(spark):
    df = spark.createDataFrame([(4,), (0,), (-1,), (2,)], "n int")
    return df.select("n", F.elt("n", F.lit("a"), F.lit("b")))


@case
def elt_zero_index(spark):
    df = spark.createDataFrame([(0,)], "n int")
    return df.select(F.elt("n", F.lit("a"), F.lit("b")))


@case
def elt_types(spark):
    return _matrix(spark).selectExpr("elt(1, i, d)", "elt(2, bin, bin)", "elt(1, s, 3)", "elt('2', 'a', 'b')")


@case
def elt_needs_two_arguments(spark):
    return _words(spark).selectExpr("elt(1)")


# levenshtein / soundex


@case
def levenshtein_values(spark):
    df = spark.createDataFrame([("kitten", "sitting"), ("", "abc"), ("abc", ""), ("same", "same"), (None, "a"),
                                ("😀ab", "ab😀"), ("flaw", "lawn"), ("Straße", "strasse")], "l string, r string")
    return df.select("l", "r", F.levenshtein("l", "r"), F.levenshtein("l", "r", 2), F.levenshtein("l", "r", 0))


@case
def levenshtein_sql_threshold(spark):
    return _words(spark).selectExpr("id", "levenshtein(s, 'hallo')", "levenshtein(s, 'hallo', 1)",
                                    "levenshtein(s, 'hallo', -1)", "levenshtein(s, 'hallo', NULL)")


@case
def levenshtein_numbers(spark):
    return _matrix(spark).select(F.levenshtein("i", "d"), F.levenshtein("s", "b"))


@case
def soundex_values(spark):
    df = spark.createDataFrame([("Robert",), ("Rupert",), ("Rubin",), ("Ashcraft",), ("Tymczak",), ("Pfister",),
                                ("Honeyman",), ("",), (None,), ("123",), ("a",), ("Lloyd",), ("ßtraße",), ("É",),
                                ("  Tom",), ("jackson",), ("Gutierrez",), ("Lee",)], "s string")
    return df.select("s", F.soundex("s"))


@case
def soundex_of_numbers(spark):
    return _matrix(spark).select(F.soundex("i"), F.soundex("b"))


@case
def substring_and_pad_null_arguments(spark):
    return _words(spark).select("id", F.substring("s", F.lit(None).cast("int"), F.lit(2)), F.lpad("s", F.lit(None).cast("int"), "x"),
                                F.rpad("s", 3, F.lit(None).cast("string")), F.repeat("s", F.lit(None).cast("int")))


@case
def string_function_reprs(spark):
    return [repr(c) for c in [F.lpad("s", 3, "x"), F.rpad(F.col("s"), F.col("n"), F.col("p")), F.repeat("s", 2), F.split("s", ","),
                              F.split("s", ",", 2), F.locate("a", "s"), F.position("a", "s"), F.instr("s", "a"),
                              F.substring_index("s", ".", 2), F.translate("s", "ab", "c"), F.overlay("s", "r", 2),
                              F.levenshtein("a", "b", 2), F.elt("n", "a", "b"), F.replace("s", "a"), F.left("s", "n")]]


@case
def elt_binary_and_nulls(spark):
    df = spark.createDataFrame([(1, bytearray(b"a"), bytearray(b"b")), (2, None, bytearray(b"c")), (None, bytearray(b"d"), None)],
                               "n int, a binary, b binary")
    return df.select(F.elt("n", "a", "b"), F.elt(F.lit(2), "a", "b"))


# concat_ws with arrays and column separators


@case
def concat_ws_arrays(spark):
    df = spark.createDataFrame([(["a", None, "b"], "x", ["c"]), ([], "y", []), (None, None, ["d", "e"]), ([""], "", None)],
                               "a array<string>, s string, b array<string>")
    return df.select(F.concat_ws(",", "a"), F.concat_ws("-", "a", "s", "b"), F.concat_ws("", "b", "a"))


@case
def concat_ws_column_separator(spark):
    df = spark.createDataFrame([("|", "a", "b"), (None, "a", "b"), ("", "a", None), ("😀", None, None)], "sep string, x string, y string")
    return df.selectExpr("concat_ws(sep, x, y)", "concat_ws(sep)", "concat_ws(sep, x, 'z', y)")


@case
def concat_ws_types(spark):
    df = spark.createDataFrame([(1, 2.5, True, [1, 2])], "i int, d double, b boolean, a array<int>")
    return df.select(F.concat_ws("/", "i", "d", "b"))


@case
def concat_ws_array_of_int_fails(spark):
    df = spark.createDataFrame([([1, 2],)], "a array<int>")
    return df.select(F.concat_ws("/", "a"))


@case
def substring_literal_positions_fast_path(spark):
    df = spark.createDataFrame([("hello",), ("",), (None,), ("日本語テキスト",), ("😀a😀b",)], "s string")
    return df.select(F.substring("s", 1, 3), F.substring("s", 2, 0), F.substring("s", 0, 2), F.substring("s", 4, 100),
                     F.substring("s", 100, 2), F.substring("s", 1, 2147483647))


@case
def luhn_check_and_len_sql(spark):
    df = spark.createDataFrame([("79927398713",), ("79927398714",), ("",), (None,), ("8112189876",), ("12a4",), (" 1",)], "s string")
    return df.selectExpr("s", "luhn_check(s)", "len(s)", "luhn_check(12345674)")
