"""Regular expression functions (Java regex syntax): regexp_replace with `$1`
references, regexp_extract, regexp_extract_all, regexp_count, regexp_substr,
regexp_instr, rlike/regexp/regexp_like; Java's ASCII classes and line
terminators, column patterns, invalid patterns and group indexes."""

from harness import case
from pyspark.sql import functions as F

LEGACY = {"spark.sql.ansi.enabled": "false"}

_ROWS = [
    (1, "100-200", "(\\d+)-(\\d+)"),
    (2, "foo bar baz", "(\\w+) (\\w+)"),
    (3, "", "x*"),
    (4, None, "a"),
    (5, "a1b22c333", "[0-9]+"),
    (6, "日本123語", "\\d+"),
    (7, "x\ry\nz", "x.y"),
    (8, "😀a😀b", "😀"),
]


def _df(spark):
    return spark.createDataFrame(_ROWS, "id int, s string, p string")


# regexp_replace


@case
def regexp_replace_literal_patterns(spark):
    return _df(spark).select("id", F.regexp_replace("s", "\\d+", "#"), F.regexp_replace("s", "[a-z]", ""),
                             F.regexp_replace("s", "(\\d+)-(\\d+)", "$2-$1"), F.regexp_replace("s", "o", "0"))


@case
def regexp_replace_group_references(spark):
    df = spark.createDataFrame([("John Smith",), ("a-b",), ("",)], "s string")
    return df.select("s", F.regexp_replace("s", "(\\w+) (\\w+)", "$2, $1"), F.regexp_replace("s", "(?<first>\\w+)", "<${first}>"),
                     F.regexp_replace("s", "\\w", "\\$"), F.regexp_replace("s", "(a)", "$0$1"), F.regexp_replace("s", "b", "[$0]"))


@case
def regexp_replace_invalid_group_reference(spark):
    df = spark.createDataFrame([("abc",)], "s string")
    return df.select(F.regexp_replace("s", "(b)", "$2"))


@case
def regexp_replace_column_pattern_and_replacement(spark):
    df = spark.createDataFrame([("abc", "b", "X"), ("abc", "[ac]", "_"), ("abc", None, "x"), ("abc", "c", None),
                                ("a.c", ".", "!")], "s string, p string, r string")
    return df.select(F.regexp_replace("s", F.col("p"), F.col("r")), F.regexp_replace("s", "p", "r"))


@case
def regexp_replace_empty_pattern_and_string(spark):
    df = spark.createDataFrame([("abc",), ("",), ("日本",)], "s string")
    return df.select("s", F.regexp_replace("s", "", "-"), F.regexp_replace("s", "x*", "-"), F.regexp_replace("s", "^", ">"))


@case
def regexp_replace_position_sql(spark):
    return _df(spark).selectExpr("id", "regexp_replace(s, '[0-9]', '#', 3)", "regexp_replace(s, 'a', 'A', 1)",
                                 "regexp_replace(s, '.', '_', 100)")


@case
def regexp_replace_position_zero(spark):
    return _df(spark).selectExpr("regexp_replace(s, 'a', 'A', 0)")


@case
def regexp_replace_java_classes(spark):
    df = spark.createDataFrame([("a\u0663b1",), ("é_x",), ("a\u00a0b c",), ("a\rb\nc",)], "s string")
    return df.select(F.regexp_replace("s", "\\d", "D"), F.regexp_replace("s", "\\w", "W"), F.regexp_replace("s", "\\s", "S"),
                     F.regexp_replace("s", ".", "."), F.regexp_replace("s", "\\p{Alpha}", "A"), F.regexp_replace("s", "(?s).", "+"))


@case
def regexp_replace_of_numbers(spark):
    df = spark.createDataFrame([(12345, 1.5)], "i int, d double")
    return df.select(F.regexp_replace("i", "3", "x"), F.regexp_replace("d", "\\.", ","))


# regexp_extract / regexp_extract_all


@case
def regexp_extract_groups(spark):
    return _df(spark).select("id", F.regexp_extract("s", "(\\d+)-(\\d+)", 1), F.regexp_extract("s", "(\\d+)-(\\d+)", 2),
                             F.regexp_extract("s", "(\\d+)", 0), F.regexp_extract("s", "[a-z]+", 0))


@case
def regexp_extract_optional_group(spark):
    df = spark.createDataFrame([("ab",), ("b",), ("",)], "s string")
    return df.select("s", F.regexp_extract("s", "(a)?b", 1), F.regexp_extract("s", "(x)|b", 1))


@case
def regexp_extract_group_out_of_range(spark):
    return _df(spark).select(F.regexp_extract("s", "(\\d+)", 2))


@case
def regexp_extract_negative_group(spark):
    return _df(spark).select(F.regexp_extract("s", "(\\d+)", -1))


@case
def regexp_extract_column_pattern(spark):
    return _df(spark).selectExpr("id", "regexp_extract(s, p, 0)", "regexp_extract(s, p)", "regexp_extract(s, '(a)(b)?', 2)")


@case
def regexp_extract_all_values(spark):
    return _df(spark).select("id", F.regexp_extract_all("s", F.lit("(\\d+)")), F.regexp_extract_all("s", F.lit("[a-z]"), 0),
                             F.regexp_extract_all("s", F.lit("(\\d)(\\d)?"), 2))


@case
def regexp_extract_all_empty_matches(spark):
    df = spark.createDataFrame([("abc",), ("",)], "s string")
    return df.select("s", F.regexp_extract_all("s", F.lit("x*"), 0), F.regexp_extract_all("s", F.lit(""), 0))


@case
def regexp_extract_all_group_out_of_range(spark):
    return _df(spark).select(F.regexp_extract_all("s", F.lit("(\\d+)"), 3))


@case
def regexp_extract_all_sql(spark):
    return _df(spark).selectExpr("id", "regexp_extract_all(s, '(\\\\d+)')", "regexp_extract_all(s, p, 0)")


# regexp_count / regexp_substr / regexp_instr


@case
def regexp_count_values(spark):
    return _df(spark).select("id", F.regexp_count("s", F.lit("\\d")), F.regexp_count("s", "p"),
                             F.regexp_count("s", F.lit("a|b")))


@case
def regexp_substr_values(spark):
    return _df(spark).select("id", F.regexp_substr("s", F.lit("\\d+")), F.regexp_substr("s", F.lit("z+")), F.regexp_substr("s", "p"),
                             F.regexp_substr("s", F.lit("")))


@case
def regexp_instr_values(spark):
    return _df(spark).select("id", F.regexp_instr("s", F.lit("\\d+")), F.regexp_instr("s", F.lit("z")),
                             F.regexp_instr("s", F.lit("(\\d)(\\d)"), F.lit(2)), F.regexp_instr("s", "p"))


@case
def regexp_instr_sql(spark):
    return _df(spark).selectExpr("id", "regexp_instr(s, '[0-9]')", "regexp_instr(s, '([a-z])([0-9])', 2)", "regexp_instr(s, '')")


@case
def regexp_count_substr_instr_sql_names(spark):
    return _df(spark).selectExpr("regexp_count(s, 'a')", "regexp_substr(s, 'a')", "regexp_instr(s, 'a', 0)")


# rlike / regexp / regexp_like


@case
def rlike_literal_patterns(spark):
    return _df(spark).select("id", F.col("s").rlike("\\d+"), F.col("s").rlike("^[a-z ]+$"), F.rlike("s", F.lit("😀.😀")),
                             F.regexp("s", F.lit("(?i)FOO")), F.regexp_like("s", F.lit("y$")))


@case
def rlike_column_pattern(spark):
    return _df(spark).select("id", F.rlike("s", "p"), F.regexp_like("s", F.col("p")), F.regexp("s", "p"))


@case
def rlike_sql_forms(spark):
    return _df(spark).selectExpr("id", "s RLIKE '[0-9]'", "s REGEXP 'a'", "regexp_like(s, 'b')", "rlike(s, p)", "NOT s RLIKE 'o'")


@case
def rlike_java_line_terminators(spark):
    df = spark.createDataFrame([("a\rb",), ("a\nb",), ("a\u2028b",), ("ab",), ("a\u0085b",)], "s string")
    return df.select(F.col("s").rlike("a.b"), F.col("s").rlike("(?s)a.b"), F.col("s").rlike("b$"), F.col("s").rlike("^ab$"))


@case
def rlike_multiline_anchors(spark):
    df = spark.createDataFrame([("a\rb",), ("a\nb",), ("a\r\nb",), ("ab",)], "s string")
    return df.select(F.col("s").rlike("(?m)^b"), F.col("s").rlike("(?m)a$"), F.regexp_count("s", F.lit("(?m)^")))


@case
def rlike_posix_and_unicode_classes(spark):
    df = spark.createDataFrame([("abc",), ("ABC",), ("é",), ("123",), ("!?",), ("\u0663",)], "s string")
    return df.select("s", F.col("s").rlike("^\\p{Lower}+$"), F.col("s").rlike("^\\p{Upper}+$"), F.col("s").rlike("^\\p{Punct}+$"),
                     F.col("s").rlike("^\\p{L}+$"), F.col("s").rlike("^\\d+$"), F.col("s").rlike("^\\p{IsDigit}+$"),
                     F.col("s").rlike("^\\p{javaLowerCase}+$"))


@case
def rlike_quoting_and_escapes(spark):
    df = spark.createDataFrame([("a.b",), ("axb",), ("tab\there",), ("x{y}",), ("<p>",)], "s string")
    return df.select("s", F.col("s").rlike("\\Qa.b\\E"), F.col("s").rlike("\\t"), F.col("s").rlike("\\{y\\}"),
                     F.col("s").rlike("\\<p\\>"), F.col("s").rlike("[.]"))


@case
def rlike_of_numbers(spark):
    df = spark.createDataFrame([(123, 1.5)], "i int, d double")
    return df.select(F.col("i").rlike("^1"), F.col("d").rlike("\\.5$"))


# invalid patterns


@case
def regexp_replace_invalid_pattern(spark):
    return _df(spark).select(F.regexp_replace("s", "(ab", "x"))


@case
def regexp_extract_invalid_pattern(spark):
    return _df(spark).select(F.regexp_extract("s", "[a-", 0))




@case
def regexp_count_invalid_pattern(spark):
    return _df(spark).select(F.regexp_count("s", F.lit("*a")))


@case
def regexp_functions_type_errors(spark):
    df = spark.createDataFrame([([1],)], "a array<int>")
    return df.select(F.regexp_replace("a", "1", "2"))


@case
def regexp_extract_repr(spark):
    return [repr(F.regexp_extract("s", "(a)", 1)), repr(F.regexp_replace("s", "a", "b")), repr(F.regexp_extract_all("s", F.lit("a"))),
            repr(F.regexp_count("s", F.lit("a"))), repr(F.regexp_instr("s", F.lit("a"), F.lit(1))), repr(F.col("s").rlike("a")),
            repr(F.regexp_like("s", F.lit("a")))]


@case
def regexp_count_empty_pattern(spark):
    df = spark.createDataFrame([("abc",), ("",), ("日本語",), (None,)], "s string")
    return df.select("s", F.regexp_count("s", F.lit("")), F.regexp_count("s", F.lit("x*")), F.regexp_count("s", F.lit("^")))


@case
def regexp_positions_count_utf16_units(spark):
    df = spark.createDataFrame([("😀a",), ("a😀b",), ("𝔘𝔫x",)], "s string")
    return df.select("s", F.regexp_instr("s", F.lit("[a-z]")), F.regexp_instr("s", F.lit("b|x")), F.regexp_substr("s", F.lit("[a-z]+")),
                     F.regexp_extract("s", "(.)$", 1))
