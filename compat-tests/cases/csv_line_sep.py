"""CSV `lineSep` (issue 10): on read, lines end only at the separator (one or two
characters; `\\n` and `\\r` are text, quotes do not hold a separator), then each line is
parsed on its own; on write, records end with it, a value holding one of its characters
is quoted, and inside quotes `\\n` becomes a two-character separator. Spark's checks: not
empty, at most two UTF-16 units."""

from harness import case

from cases._write_helpers import fresh_path, observe
from cases._csv_helpers import csv_file


# --- read ----------------------------------------------------------------------------


@case
def read_semicolon_lines_newline_is_text(spark):
    return spark.read.csv(csv_file("a;b\n1,x;2,y"), lineSep=";")


@case
def read_newline_and_cr_inside_a_line(spark):
    return spark.read.csv(csv_file("a\nb,1;2,3;c\rd,4"), lineSep=";")


@case
def read_header_and_inference(spark):
    return spark.read.csv(csv_file("h1,h2;1,x;2,y;"), lineSep=";", header=True, inferSchema=True)


@case
def read_inference_mixed_column(spark):
    return spark.read.csv(csv_file("1,2.5;2,x;"), lineSep=";", inferSchema=True)


@case
def read_quotes_do_not_hold_the_separator(spark):
    return spark.read.csv(csv_file('"x;y",1;2,3'), lineSep=";")


@case
def read_quoted_newline(spark):
    return spark.read.csv(csv_file('"x\ny",1;2,3'), lineSep=";")


@case
def read_two_character_separator(spark):
    return spark.read.csv(csv_file("a,1||b,2||||c,3||"), lineSep="||")


@case
def read_crlf_separator_keeps_lone_newlines(spark):
    return spark.read.csv(csv_file("a,1\r\nb\n2,3\r\n"), lineSep="\r\n")


@case
def read_blank_lines_skipped(spark):
    return spark.read.csv(csv_file("a,1;;  ;b,2;"), lineSep=";")


@case
def read_comment_lines(spark):
    return spark.read.csv(csv_file("#c;a,1;b,2"), lineSep=";", comment="#")


@case
def read_separator_equal_to_delimiter(spark):
    return spark.read.csv(csv_file("a,1;b,2"), lineSep=",")


@case
def read_tab_separator(spark):
    return spark.read.csv(csv_file("a,1\tb,2"), lineSep="\t")


@case
def read_non_ascii_separators(spark):
    return spark.read.csv(csv_file("a,1éb,2"), lineSep="é").union(spark.read.csv(csv_file("c,3😀d,4"), lineSep="😀"))


@case
def read_byte_order_mark(spark):
    return spark.read.csv(csv_file("\ufeffa,1;b,2"), lineSep=";")


@case
def read_last_line_without_separator(spark):
    return spark.read.csv(csv_file("1,2;3,4;5"), lineSep=";")


@case
def read_corrupt_record_column(spark):
    return spark.read.schema("i int, s string, _corrupt_record string").csv(csv_file("1,a;x,b;3"), lineSep=";")


@case
def read_dropmalformed(spark):
    return spark.read.schema("i int, s string").csv(csv_file("1,a;x,b;3;4,d"), lineSep=";", mode="DROPMALFORMED")


@case
def read_given_schema_typed(spark):
    return spark.read.schema("i int, d date, x double").csv(csv_file("1,2024-01-02,1.5;2,bad,2.5;"), lineSep=";")


@case
def read_empty_separator_fails(spark):
    return spark.read.csv(csv_file("a,1"), lineSep="")


@case
def read_three_characters_fail(spark):
    return spark.read.csv(csv_file("a,1"), lineSep="abc")


@case
def read_empty_separator_with_schema_fails_when_read(spark):
    return spark.read.schema("a string").csv(csv_file("a,1"), lineSep="")


# --- write ---------------------------------------------------------------------------


def _values(spark):
    return spark.createDataFrame(
        [("a;b", "x\ny", 1), ("c|d", "p\r\nq", 2), (" s ", "#h", 3), ("z\rw", ";", 4), (None, "", 5)],
        "s string, t string, i int").coalesce(1)


@case
def write_one_character_separator(spark):
    p = fresh_path()
    _values(spark).write.csv(p, lineSep=";")
    return observe(spark, p, "csv", lineSep=";")


@case
def write_two_character_separator(spark):
    p = fresh_path()
    _values(spark).write.csv(p, lineSep="||")
    return observe(spark, p, "csv", lineSep="||")


@case
def write_crlf_with_header(spark):
    p = fresh_path()
    _values(spark).write.csv(p, lineSep="\r\n", header=True)
    return observe(spark, p, "csv", lineSep="\r\n", header=True)


@case
def write_tab_separators(spark):
    p = fresh_path()
    _values(spark).write.csv(p, lineSep="\t", sep="\t")
    return observe(spark, p, "csv", read=False)


@case
def write_quote_all_with_separator(spark):
    p = fresh_path()
    _values(spark).write.csv(p, lineSep="|", quoteAll=True)
    return observe(spark, p, "csv", read=False)


@case
def write_empty_separator_fails(spark):
    spark.range(1).write.csv(fresh_path(), lineSep="")


@case
def write_three_characters_fail(spark):
    spark.range(1).write.csv(fresh_path(), lineSep="abc")
