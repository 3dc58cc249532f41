"""spark.read.csv's parsing options (issue 10): enforceSchema=false (each file's header
checked against the schema), maxColumns and maxCharsPerColumn (a record beyond them
fails the read in every mode), unescapedQuoteHandling (univocity's five ways with a
quote inside a value) and charToEscapeQuoteEscaping."""

import os
import tempfile

from harness import case

from cases._csv_helpers import csv_file
from cases._json_helpers import failure

HEADER = "a,b\n1,2\n"


def _checked(spark, schema, text=HEADER, **options):
    reader = spark.read.option("header", True).option("enforceSchema", False).options(**options)
    if schema is not None:
        reader = reader.schema(schema)
    return reader.csv(csv_file(text))


# --- enforceSchema -----------------------------------------------------------------------------


@case
def enforce_schema_false_header_matches(spark):
    return _checked(spark, "a int, b int")


@case
def enforce_schema_false_header_matches_ignoring_case(spark):
    return _checked(spark, "A int, b int")


@case(conf={"spark.sql.caseSensitive": "true"})
def enforce_schema_false_case_sensitive(spark):
    return failure(lambda: _checked(spark, "A int, b int").collect())


@case
def enforce_schema_false_wrong_name(spark):
    return failure(lambda: _checked(spark, "a int, c int").collect())


@case
def enforce_schema_false_wrong_name_schema_still_given(spark):
    return _checked(spark, "a int, c int").schema.simpleString()


@case
def enforce_schema_false_fewer_fields(spark):
    return failure(lambda: _checked(spark, "a int").collect())


@case
def enforce_schema_false_more_fields(spark):
    return failure(lambda: _checked(spark, "a int, b int, c int").collect())


@case
def enforce_schema_true_ignores_names(spark):
    return spark.read.option("header", True).schema("x int, y int").csv(csv_file(HEADER))


@case
def enforce_schema_false_without_header(spark):
    return spark.read.option("enforceSchema", False).schema("x int, y int").csv(csv_file(HEADER))


@case
def enforce_schema_false_inferred_names(spark):
    return _checked(spark, None, inferSchema=True)


@case
def enforce_schema_false_inferred_duplicate_names(spark):
    return failure(lambda: _checked(spark, None, "a,a\n1,2\n").collect())


@case
def enforce_schema_false_inferred_empty_name(spark):
    return failure(lambda: _checked(spark, None, "a,\n1,2\n").collect())


@case
def enforce_schema_false_null_value_name(spark):
    return failure(lambda: _checked(spark, None, "a,NA\n1,2\n", nullValue="NA").collect())


@case
def enforce_schema_false_corrupt_record_column(spark):
    return _checked(spark, "a int, _corrupt_record string, b int", "a,b\n1,2\nx,3\n")


@case
def enforce_schema_false_quoted_names(spark):
    return _checked(spark, "a int, `b c` int", 'a,"b c"\n1,2\n')


@case
def enforce_schema_false_spaces_in_names(spark):
    return failure(lambda: _checked(spark, "a int, b int", 'a, "b"\n1,2\n').collect())


@case
def enforce_schema_false_multiline(spark):
    return failure(lambda: _checked(spark, "a int, c int", multiLine=True).collect())


@case
def enforce_schema_false_multiline_matches(spark):
    return _checked(spark, "a int, b string", 'a,b\n1,"x\ny"\n', multiLine=True)


@case
def enforce_schema_false_second_file_differs(spark):
    d = tempfile.mkdtemp(prefix="pyrust-csv-")
    for name, text in {"1.csv": HEADER, "2.csv": "a,c\n3,4\n"}.items():
        with open(os.path.join(d, name), "w") as f:
            f.write(text)
    reader = spark.read.option("header", True).option("enforceSchema", False).schema("a int, b int")
    return failure(lambda: reader.csv(d).collect())


@case
def enforce_schema_false_every_file_matches(spark):
    d = tempfile.mkdtemp(prefix="pyrust-csv-")
    for name, text in {"1.csv": HEADER, "2.csv": "A,B\n3,4\n"}.items():
        with open(os.path.join(d, name), "w") as f:
            f.write(text)
    return spark.read.option("header", True).option("enforceSchema", False).schema("a int, b int").csv(d).orderBy("a")


@case
def enforce_schema_false_dropmalformed_still_checks(spark):
    return failure(lambda: _checked(spark, "a int, c int", mode="DROPMALFORMED").collect())


@case
def enforce_schema_false_filter(spark):
    return _checked(spark, "a int, b int", "a,b\n1,2\n3,4\n").where("a > 1")


# --- maxColumns / maxCharsPerColumn ---------------------------------------------------------------


def _limited(spark, text, schema="a string, b string", **options):
    return spark.read.schema(schema).options(**options).csv(csv_file(text))


@case
def max_columns_row_beyond_fails(spark):
    return failure(lambda: _limited(spark, "1,2\n1,2,3\n", maxColumns=2).collect())


@case
def max_columns_dropmalformed_still_fails(spark):
    return failure(lambda: _limited(spark, "1,2\n1,2,3\n", maxColumns=2, mode="DROPMALFORMED").collect())


@case
def max_columns_failfast_fails(spark):
    return failure(lambda: _limited(spark, "1,2\n1,2,3\n", maxColumns=2, mode="FAILFAST").collect())


@case
def max_columns_rows_within(spark):
    return _limited(spark, "1,2,3\n4\n5,6\n", "a int, b int, c int", maxColumns=3)


@case
def max_columns_inferred_schema_later_row_beyond(spark):
    return failure(lambda: spark.read.option("maxColumns", 2).csv(csv_file("1,2\n1,2,3\n")).collect())


@case
def max_columns_corrupt_record_column_still_fails(spark):
    schema = "a string, b string, _corrupt_record string"
    return failure(lambda: _limited(spark, "1,2\n1,2,3\n", schema, maxColumns=2).collect())


@case
def max_chars_value_beyond_fails(spark):
    return failure(lambda: _limited(spark, "abc,d\nabcd,e\n", maxCharsPerColumn=3).collect())


@case
def max_chars_dropmalformed_still_fails(spark):
    return failure(lambda: _limited(spark, "abc,d\nabcd,e\n", maxCharsPerColumn=3, mode="DROPMALFORMED").collect())


@case
def max_chars_values_within(spark):
    text = 'abc,d\n"xyz",\n\u00e9\u00e9\u00e9,"q"\n,\n'
    return _limited(spark, text, maxCharsPerColumn=3)


@case
def max_chars_counts_utf16_units(spark):
    return failure(lambda: _limited(spark, "\U0001F600\U0001F600,x\n", maxCharsPerColumn=3).collect())


@case
def max_chars_quoted_value_beyond(spark):
    return failure(lambda: _limited(spark, '"abc",d\n"ab""c",e\n', maxCharsPerColumn=3).collect())


@case
def max_chars_multiline(spark):
    return failure(lambda: _limited(spark, 'abc,d\nabcd,e\n', maxCharsPerColumn=3, multiLine=True).collect())


@case
def max_chars_zero_allows_only_empty_values(spark):
    return failure(lambda: _limited(spark, ",\na,b\n", maxCharsPerColumn=0).collect())


@case
def max_chars_zero_empty_values(spark):
    return _limited(spark, ',\n"",\n', maxCharsPerColumn=0)


@case
def max_chars_unlimited(spark):
    return _limited(spark, "abcdefgh,d\n", maxCharsPerColumn=-1)


@case
def max_chars_typed_columns(spark):
    return _limited(spark, "12,2024-01-05\n123,x\n", "n int, d date", maxCharsPerColumn=10)


# --- unescapedQuoteHandling ----------------------------------------------------------------------------

QUOTES = 'x,y,z\na"b,1\n"a"b,2\n"a"b"c,3\n"x,y"z,4\n"p"q,r",5\n"a" b,6\n"ok",7\n"a""b",8\n"a\\"b",9\n"x"y,"z"w\n'


def _quotes(spark, mode, text=QUOTES, **options):
    return spark.read.option("unescapedQuoteHandling", mode).options(**options).csv(csv_file(text))


@case
def unescaped_quotes_stop_at_delimiter(spark):
    return _quotes(spark, "STOP_AT_DELIMITER")


@case
def unescaped_quotes_back_to_delimiter(spark):
    return _quotes(spark, "BACK_TO_DELIMITER")


@case
def unescaped_quotes_stop_at_closing_quote(spark):
    return _quotes(spark, "STOP_AT_CLOSING_QUOTE")


@case
def unescaped_quotes_skip_value(spark):
    return _quotes(spark, "SKIP_VALUE")


@case
def unescaped_quotes_skip_value_lower_case(spark):
    return _quotes(spark, "skip_value")


@case
def unescaped_quotes_skip_value_typed(spark):
    reader = spark.read.option("unescapedQuoteHandling", "SKIP_VALUE").schema("a string, b int")
    return reader.csv(csv_file('x,1\n"a"b,2\n"c",3\n'))


@case
def unescaped_quotes_raise_error_fails_the_read(spark):
    return failure(lambda: spark.read.option("unescapedQuoteHandling", "RAISE_ERROR").schema("a string, b int").csv(csv_file('x,1\n"a"b,2\n')).collect())


@case
def unescaped_quotes_raise_error_dropmalformed(spark):
    reader = spark.read.option("unescapedQuoteHandling", "RAISE_ERROR").option("mode", "DROPMALFORMED").schema("a string, b int")
    return failure(lambda: reader.csv(csv_file('x,1\n"a"b,2\n')).collect())


@case
def unescaped_quotes_raise_error_blank_then_text(spark):
    reader = spark.read.option("unescapedQuoteHandling", "RAISE_ERROR").schema("a string, b int")
    return failure(lambda: reader.csv(csv_file('x,1\n"a" b,2\n')).collect())


@case
def unescaped_quotes_raise_error_clean_file(spark):
    text = 'x,1\n"a,b",2\n"c\\"d",3\n"",4\n'
    return spark.read.option("unescapedQuoteHandling", "RAISE_ERROR").schema("a string, b int").csv(csv_file(text))


@case
def unescaped_quotes_unknown_mode(spark):
    return _quotes(spark, "nope")


@case
def unescaped_quotes_stop_at_closing_quote_multiline(spark):
    return _quotes(spark, "STOP_AT_CLOSING_QUOTE", '"a"b\nc",1\nd,2\n', multiLine=True)


@case
def unescaped_quotes_back_to_delimiter_with_header(spark):
    return _quotes(spark, "BACK_TO_DELIMITER", 'p,q\n"a,b"c,1\n', header=True)


# --- charToEscapeQuoteEscaping ----------------------------------------------------------------------------

ESCAPES = 'x,y\n"a\\\\"b",1\n"a#"b",2\n"a##"b",3\n"a\\"b",4\n"a#\\"b",5\n'


@case
def char_to_escape_quote_escaping_hash(spark):
    return spark.read.option("charToEscapeQuoteEscaping", "#").csv(csv_file(ESCAPES))


@case
def char_to_escape_quote_escaping_default(spark):
    return spark.read.csv(csv_file(ESCAPES))


@case
def char_to_escape_quote_escaping_empty(spark):
    return spark.read.option("charToEscapeQuoteEscaping", "").csv(csv_file(ESCAPES))


@case
def char_to_escape_quote_escaping_with_quote_escape(spark):
    text = 'x,y\n"a""b",1\n"a#""b",2\n'
    return spark.read.option("escape", '"').option("charToEscapeQuoteEscaping", "#").csv(csv_file(text))


@case
def char_to_escape_quote_escaping_two_characters(spark):
    return spark.read.option("charToEscapeQuoteEscaping", "ab").csv(csv_file(ESCAPES))


# --- escape characters beyond `\` and `"` ---------------------------------------------------------------


def _escaped(spark, esc, **options):
    text = '"a{e}"b",1\n"x{e}{e}y",2\n"p{e}q",3\na{e}"b,4\n"{e}",5\n'.format(e=esc)
    return spark.read.option("escape", esc).options(**options).csv(csv_file(text))


@case
def escape_pipe(spark):
    return _escaped(spark, "|")


@case
def escape_single_quote(spark):
    return _escaped(spark, "'")


@case
def escape_hash_with_char_to_escape_quote_escaping(spark):
    return _escaped(spark, "#", charToEscapeQuoteEscaping="~")


@case
def escape_pipe_typed_and_dropmalformed(spark):
    text = '"1|"",a\n2,"b|"c"\n"3",|"\n'
    return spark.read.option("escape", "|").option("mode", "DROPMALFORMED").schema("n int, s string").csv(csv_file(text))


@case
def escape_empty(spark):
    return spark.read.option("escape", "").csv(csv_file('"a\\"b",1\n"c""d",2\n'))


@case
def escape_two_characters(spark):
    return spark.read.option("escape", "ab").csv(csv_file("a,b\n"))
