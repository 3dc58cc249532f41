"""CSV `multiLine` with a one-character `lineSep` (issue 10): records end at the
separator outside quotes only (`\\n`, `\\r\\n` are text, in quotes or not), quoted
values hold the separator, empty records and comments are skipped, and a malformed
record's corrupt-record text keeps its separator, as univocity's multi-line parser
gives it. A two-character separator with `multiLine` stays refused by name."""

from harness import case

from cases._csv_helpers import csv_file


def _read(text, **options):
    from pyspark.sql import SparkSession

    spark = SparkSession.getActiveSession()
    return spark.read.options(multiLine="true", lineSep=";", **options).csv(csv_file(text))


@case
def quoted_separator_and_newline(spark):
    return _read('a,b;1,"x;y";2,"p\nq";3,z')


@case
def header(spark):
    return _read('a,b;1,"x;y";2,"p\nq";3,z', header="true")


@case
def header_and_inference(spark):
    return _read('a,b;1,"x;y";2,3.5', header="true", inferSchema="true")


@case
def newline_outside_quotes_is_text(spark):
    return _read("a,b;1\n2,c;3,d")


@case
def crlf_outside_quotes_is_text(spark):
    return _read("a,b;1\r\n2,c;3,d;")


@case
def empty_records_skipped(spark):
    return _read("a,b;;1,2;;;3,4;")


@case
def comments_skipped(spark):
    return _read("a,b;#x,y;1,2", comment="#")


@case
def corrupt_record_keeps_the_separator(spark):
    return spark.read.options(multiLine="true", lineSep=";").schema("a int, b int, _corrupt_record string").csv(
        csv_file('1,2;x,3;"p\nq",4;4,5;9,8,7'))


@case
def unterminated_quote_runs_to_the_end(spark):
    return _read('a,b;1,"open;2,z')


@case
def dropmalformed(spark):
    return spark.read.options(multiLine="true", lineSep=";", mode="DROPMALFORMED").schema("a int, b int").csv(
        csv_file("1,2;x,3;4,5"))


@case
def other_separator_character(spark):
    return spark.read.options(multiLine="true", lineSep="|").csv(csv_file('a,b|"1|2",3|4,"5\n6"|'))
