"""spark.read.csv options beyond the defaults (issue 10): the parse modes (PERMISSIVE,
DROPMALFORMED, FAILFAST) and the corrupt-record column, ignoreLeadingWhiteSpace /
ignoreTrailingWhiteSpace and emptyValue on read, over files written by each case."""

from harness import case

from cases._json_helpers import failure
from cases._csv_helpers import csv_file

MALFORMED = '1,a\nx,b\n3\n4,d,e\n,""\n 5 , " q " \n'
TYPED = "1,2024-01-02,1.5,true,10.25\nx,2024-01-02,1.5,true,1\n2,2024-13-45,2.5,false,2\n3,2024-03-04,abc,true,3\n4,2024-03-04,4.5,maybe,4\n5,2024-03-04,5.5,true,123456.789\n"
TYPED_SCHEMA = "i int, d date, x double, b boolean, m decimal(5,2)"
SPACES = ' a , b ,c\n 1 ,  x y  ,"  q  "\n\t2\t, " z " ,\n  ,   ,  \n'


def _bracketed(df):
    """Every column between brackets, so kept or dropped blanks show."""
    return df.selectExpr(*[f"concat('[', `{c}`, ']') AS `{c}`" for c in df.columns])


# --- parse modes -------------------------------------------------------------------


@case
def permissive_malformed_rows(spark):
    return spark.read.option("mode", "PERMISSIVE").schema("i int, s string").csv(csv_file(MALFORMED))


@case
def dropmalformed_rows(spark):
    return spark.read.option("mode", "DROPMALFORMED").schema("i int, s string").csv(csv_file(MALFORMED))


@case
def dropmalformed_mode_is_case_insensitive(spark):
    return spark.read.option("mode", "dropMalformed").schema("i int, s string").csv(csv_file(MALFORMED))


@case
def dropmalformed_all_strings_keeps_only_right_arity(spark):
    return spark.read.option("mode", "DROPMALFORMED").schema("a string, b string").csv(csv_file(MALFORMED))


@case
def dropmalformed_typed_values(spark):
    return spark.read.option("mode", "DROPMALFORMED").schema(TYPED_SCHEMA).csv(csv_file(TYPED))


@case
def permissive_typed_values(spark):
    return spark.read.schema(TYPED_SCHEMA).csv(csv_file(TYPED))


@case
def dropmalformed_with_header(spark):
    text = "id,name\n1,a\nbad,b\n2,c,extra\n3,d\n"
    return spark.read.option("mode", "DROPMALFORMED").option("header", True).schema("id int, name string").csv(csv_file(text))


@case
def dropmalformed_extreme_integers(spark):
    text = "2147483647,9223372036854775807\n2147483648,1\n-2147483648,-9223372036854775808\n1,9223372036854775808\n"
    return spark.read.option("mode", "DROPMALFORMED").schema("i int, l long").csv(csv_file(text))


@case
def dropmalformed_byte_and_short_ranges(spark):
    text = "127,32767\n128,1\n-128,-32768\n1,32768\n"
    return spark.read.option("mode", "DROPMALFORMED").schema("b tinyint, s smallint").csv(csv_file(text))


@case
def dropmalformed_nan_and_infinity(spark):
    text = "NaN,Inf\n-Inf,1.0\nnan,2\ninf,3\n"
    return spark.read.option("mode", "DROPMALFORMED").schema("x double, y float").csv(csv_file(text))


@case
def dropmalformed_unicode_strings(spark):
    text = "1,😀\n2,a😀b,c\n3,\U0001d400\n"
    return spark.read.option("mode", "DROPMALFORMED").schema("i int, s string").csv(csv_file(text))


@case
def dropmalformed_inferred_schema(spark):
    return spark.read.options(mode="DROPMALFORMED", inferSchema=True).csv(csv_file("1,a\n2,b,c\n3\n4,d\n"))


@case
def failfast_inferred_schema(spark):
    path = csv_file("1,a\n2,b,c\n")
    return spark.createDataFrame(
        [(failure(lambda: spark.read.options(mode="FAILFAST", inferSchema=True).csv(path).collect()),)], "condition string"
    )


@case
def dropmalformed_with_comment_and_blank_lines(spark):
    text = "#c,1,2\n1,a\n\n  \nx,b\n2,c\n"
    return spark.read.options(mode="DROPMALFORMED", comment="#").schema("i int, s string").csv(csv_file(text))


@case
def failfast_malformed_value(spark):
    path = csv_file(MALFORMED)
    return spark.createDataFrame(
        [(failure(lambda: spark.read.option("mode", "FAILFAST").schema("i int, s string").csv(path).collect()),)], "condition string"
    )


@case
def failfast_too_many_fields(spark):
    path = csv_file("a,b\nc,d,e\n")
    return spark.createDataFrame(
        [(failure(lambda: spark.read.option("mode", "FAILFAST").schema("x string, y string").csv(path).collect()),)], "condition string"
    )


@case
def failfast_too_few_fields(spark):
    path = csv_file("a,b\nc\n")
    return spark.createDataFrame(
        [(failure(lambda: spark.read.option("mode", "FAILFAST").schema("x string, y string").csv(path).collect()),)], "condition string"
    )


@case
def failfast_clean_file(spark):
    return spark.read.option("mode", "FAILFAST").schema("i int, s string").csv(csv_file('1,a\n2,""\n,c\n'))


@case
def failfast_read_is_lazy(spark):
    df = spark.read.option("mode", "FAILFAST").schema("i int, s string").csv(csv_file(MALFORMED))
    return spark.createDataFrame([(df.columns[0], len(df.columns))], "first string, n int")


@case
def unknown_mode_is_permissive(spark):
    return spark.read.option("mode", "nosuch").schema("i int, s string").csv(csv_file(MALFORMED))


# --- the corrupt-record column -----------------------------------------------------


@case
def corrupt_column_default_name(spark):
    return spark.read.schema("i int, s string, _corrupt_record string").csv(csv_file(MALFORMED))


@case
def corrupt_column_renamed(spark):
    return spark.read.schema("i int, s string, bad string").option("columnNameOfCorruptRecord", "bad").csv(csv_file(MALFORMED))


@case
def corrupt_column_in_the_middle(spark):
    return spark.read.schema("s string, _corrupt_record string, i int").csv(csv_file(MALFORMED))


@case
def corrupt_column_typed_values(spark):
    return spark.read.schema(TYPED_SCHEMA + ", _corrupt_record string").csv(csv_file(TYPED))


@case
def corrupt_column_with_dropmalformed(spark):
    return spark.read.option("mode", "DROPMALFORMED").schema("i int, s string, _corrupt_record string").csv(csv_file(MALFORMED))


@case
def corrupt_column_filtered(spark):
    # All columns kept: Spark parses only the columns a query needs (see docs/semantics.md).
    df = spark.read.schema("i int, s string, _corrupt_record string").csv(csv_file(MALFORMED))
    return df.where("_corrupt_record IS NOT NULL")


@case
def corrupt_column_renamed_keeps_default_name_as_data(spark):
    return spark.read.schema("i int, _corrupt_record string").option("columnNameOfCorruptRecord", "bad").csv(csv_file(MALFORMED))


@case
def corrupt_column_must_be_string(spark):
    return spark.read.schema("i int, _corrupt_record int").csv(csv_file(MALFORMED))


@case
def corrupt_column_alone(spark):
    return spark.read.schema("_corrupt_record string").csv(csv_file(MALFORMED))


@case
def corrupt_column_with_header(spark):
    text = "id,name\n1,a\nbad,b\n2\n"
    return spark.read.option("header", True).schema("id int, name string, _corrupt_record string").csv(csv_file(text))


# --- ignoreLeadingWhiteSpace / ignoreTrailingWhiteSpace ------------------------------


@case
def ignore_leading_white_space(spark):
    return _bracketed(spark.read.option("ignoreLeadingWhiteSpace", True).csv(csv_file(SPACES)))


@case
def ignore_trailing_white_space(spark):
    # Not SPACES: a field of blanks alone with only this option fails inside univocity.
    return _bracketed(spark.read.option("ignoreTrailingWhiteSpace", True).csv(csv_file(SPACES.rsplit("\n", 2)[0] + "\n")))


@case
def ignore_both_white_spaces(spark):
    return _bracketed(spark.read.option("ignoreLeadingWhiteSpace", True).option("ignoreTrailingWhiteSpace", True).csv(csv_file(SPACES)))


@case
def ignore_white_space_header_names(spark):
    df = spark.read.options(header=True, ignoreLeadingWhiteSpace=True, ignoreTrailingWhiteSpace=True).csv(csv_file(SPACES))
    return _bracketed(df)


@case
def ignore_white_space_infers_numbers(spark):
    text = " 1 , 2.5 ,  true \n\t3\t,4 ,false\n"
    return spark.read.options(inferSchema=True, ignoreLeadingWhiteSpace=True, ignoreTrailingWhiteSpace=True).csv(csv_file(text))


@case
def white_space_kept_numbers_are_strings(spark):
    text = " 1 , 2.5 ,  true \n\t3\t,4 ,false\n"
    return spark.read.options(inferSchema=True).csv(csv_file(text))


@case
def ignore_white_space_given_int_schema(spark):
    return spark.read.schema("i int, s string").option("ignoreLeadingWhiteSpace", "true").option("ignoreTrailingWhiteSpace", "true").csv(csv_file(MALFORMED))


@case
def ignore_leading_white_space_false_is_default(spark):
    return _bracketed(spark.read.option("ignoreLeadingWhiteSpace", False).option("ignoreTrailingWhiteSpace", False).csv(csv_file(SPACES)))


# --- emptyValue ---------------------------------------------------------------------


EMPTIES = 'a,"",c\n"",,x\n"","",""\n'


@case
def empty_value_default_is_null(spark):
    return spark.read.csv(csv_file(EMPTIES))


@case
def empty_value_on_read(spark):
    return spark.read.option("emptyValue", "EMPTY").csv(csv_file(EMPTIES))


@case
def empty_value_with_null_value(spark):
    return spark.read.option("emptyValue", "EMPTY").option("nullValue", "x").csv(csv_file(EMPTIES))


@case
def empty_value_same_as_null_value(spark):
    return spark.read.option("emptyValue", "N").option("nullValue", "N").csv(csv_file(EMPTIES))


@case
def empty_value_explicit_empty(spark):
    return spark.read.option("emptyValue", "").csv(csv_file(EMPTIES))


@case
def empty_value_in_int_column(spark):
    return spark.read.schema("a int, b int").option("emptyValue", "0").csv(csv_file('1,""\n"",2\n,3\n'))


@case
def empty_value_inferred_type(spark):
    return spark.read.options(inferSchema=True, emptyValue="7").csv(csv_file('1,""\n"",2\n'))


@case
def empty_value_with_header(spark):
    return spark.read.options(header=True, emptyValue="E").csv(csv_file('a,b\n"",1\n2,""\n'))


@case
def empty_value_in_corrupt_read(spark):
    return spark.read.schema("a int, b string, _corrupt_record string").option("emptyValue", "E").csv(csv_file('"",""\n1,""\n'))


@case
def empty_value_unicode(spark):
    return spark.read.option("emptyValue", "😀").csv(csv_file('"",a\n'))


# --- multiLine ------------------------------------------------------------------------


MULTILINE = 'a,"x\ny",1\n\nb,"p\r\nq",2\r\nc,"z\rw",3\n  \n"u""v",4,\n'


@case
def multiline_quoted_newlines(spark):
    return spark.read.option("multiLine", True).csv(csv_file(MULTILINE))


@case
def multiline_off_cuts_lines(spark):
    return spark.read.option("multiLine", False).csv(csv_file(MULTILINE))


@case
def multiline_header_spanning_lines(spark):
    return spark.read.options(multiLine=True, header=True).csv(csv_file('h1,"h\n2"\n1,"a\nb"\n'))


@case
def multiline_inferred_schema(spark):
    text = 'i,s,d\n1,"two\nlines",2.5\n2,"three\nmore\nlines",3.5\n'
    return spark.read.options(multiLine=True, header=True, inferSchema=True).csv(csv_file(text))


@case
def multiline_corrupt_record(spark):
    return spark.read.option("multiLine", True).schema("a int, b string, _corrupt_record string").csv(csv_file('1,"a\nb"\nx,y\n3\n'))


@case
def multiline_dropmalformed(spark):
    return spark.read.options(multiLine=True, mode="DROPMALFORMED").schema("a int, b string").csv(csv_file('1,"a\nb"\nx,y\n3\n4,"c\nd",e\n5,"\n"\n'))


@case
def multiline_failfast(spark):
    path = csv_file('1,"a\nb"\nx,y\n')
    return spark.createDataFrame(
        [(failure(lambda: spark.read.options(multiLine=True, mode="FAILFAST").schema("a int, b string").csv(path).collect()),)],
        "condition string",
    )


@case
def multiline_unterminated_quote(spark):
    return spark.read.option("multiLine", True).csv(csv_file('a,"unterminated\nb,c\n'))


@case
def multiline_with_white_space_options(spark):
    text = ' a ,"b\n c " \n  x  ,y\n'
    return _bracketed(spark.read.options(multiLine=True, ignoreLeadingWhiteSpace=True, ignoreTrailingWhiteSpace=True).csv(csv_file(text)))


@case
def multiline_comments_and_empty_values(spark):
    text = '#skip,"me\n1,"",x\n#again\n2,"multi\nline",""\n'
    return spark.read.options(multiLine=True, comment="#", emptyValue="E").csv(csv_file(text))


@case
def multiline_unicode(spark):
    return spark.read.option("multiLine", True).csv(csv_file('😀,"a\n\U0001d400"\n'))


@case
def multiline_crlf_file(spark):
    return spark.read.option("multiLine", True).csv(csv_file('a,b\r\nc,"d\r\ne"\r\n\r\nf,g\r\n'))


@case
def multiline_cr_file(spark):
    return spark.read.option("multiLine", True).csv(csv_file('a,b\rc,"d\re"\r'))
