"""CSV reads with a given schema whose number columns hold only plain numbers: Polars
parses them natively (the file's profile saw every value), so the edges of that path
must give Spark's values: overflow to NULL, signs, leading zeros, exponents, NaN and
infinities, NULL values, ragged rows, header lines repeated as data, and files where
one value is not plain (read through Spark's parsers)."""

from harness import case
from cases._csv_helpers import csv_file


PLAIN = "1,9223372036854775807,1.5\n-0,-9223372036854775808,1e3\n007,9223372036854775808,.5\n2147483648,0,5.\n,,NaN\n3,4,Inf\n5,6,-Inf\n7\n"


@case
def plain_numbers_given_schema(spark):
    return spark.read.schema("i int, l long, d double").csv(csv_file(PLAIN))


@case
def plain_numbers_with_header_repeated(spark):
    text = "i,l,d\n1,2,3.5\ni,l,d\n4,5,6.5\n"
    return spark.read.schema("i int, l long, d double").option("header", True).csv(csv_file(text))


@case
def plain_numbers_with_null_value(spark):
    text = "1,NA,2.5\nNA,3,NA\n"
    return spark.read.schema("i int, l long, d double").option("nullValue", "NA").csv(csv_file(text))


@case
def one_value_not_plain(spark):
    text = "1,+2,3.5\n4,5,0x1p3\n6,7,1.5d\n"
    return spark.read.schema("i int, l long, d double").csv(csv_file(text))


@case
def quoted_numbers(spark):
    text = '1,"2",3.5\n4,5,"6.5"\n'
    return spark.read.schema("i int, l long, d double").csv(csv_file(text))


@case
def plain_numbers_filtered(spark):
    return spark.read.schema("i int, l long, d double").csv(csv_file(PLAIN)).where("l > 0 AND d > 1")
