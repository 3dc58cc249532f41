"""spark.read.csv on its default path (issue 17): Spark's type inference and its
boundaries, value parsing, null and empty values, header names, row shapes and the
PERMISSIVE defaults, over fixture files (checked in under fixtures/csv, or written
from the literal text below)."""

import os
import tempfile

from harness import case
from pyspark.sql import functions as F
from pyspark.sql.types import IntegerType, StringType, StructField, StructType
from cases._csv_helpers import csv_file

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "csv")


def _fixture(name: str) -> str:
    return os.path.join(FIXTURES, name)


def _infer(spark, text: str, **options):
    return spark.read.csv(csv_file(text), header=True, inferSchema=True, **options)


# --- the rows of the table -------------------------------------------------


@case
def table_doubles_nan_and_infinity(spark):
    return spark.read.csv(_fixture("doubles_nan_infinity.csv"), header=True, inferSchema=True)


@case
def table_numbers_with_surrounding_spaces(spark):
    return spark.read.csv(_fixture("numbers_with_spaces.csv"), header=True, inferSchema=True)


@case
def table_empty_quoted_string_is_null(spark):
    return spark.read.csv(_fixture("empty_quoted.csv"), header=True, inferSchema=True)


@case
def table_empty_quoted_string_is_null_without_inference(spark):
    return spark.read.csv(_fixture("empty_quoted.csv"), header=True)


@case
def table_duplicate_header_names(spark):
    return spark.read.csv(_fixture("duplicate_header.csv"), header=True, inferSchema=True)


@case
def table_headerless_extra_field_dropped(spark):
    return spark.read.csv(_fixture("headerless_extra_field.csv"))


@case
def table_headerless_extra_field_dropped_inferred(spark):
    return spark.read.csv(_fixture("headerless_extra_field.csv"), inferSchema=True)


@case
def table_user_schema_unparsable_value_is_null(spark):
    return spark.read.csv(_fixture("malformed_int.csv"), header=True, schema="a int, b int")


@case
def mixed_file_inferred(spark):
    return spark.read.csv(_fixture("mixed_people.csv"), header=True, inferSchema=True)


@case
def mixed_file_as_strings(spark):
    return spark.read.csv(_fixture("mixed_people.csv"), header=True)


@case
def mixed_file_queried(spark):
    df = spark.read.csv(_fixture("mixed_people.csv"), header=True, inferSchema=True)
    return df.filter(F.col("id") > 1).select("name", (F.col("score") * 2).alias("s2"), "joined").orderBy("name")


# --- integers, decimals and doubles at their boundaries ------------------------------


@case
def int_bigint_decimal_boundaries(spark):
    return _infer(
        spark,
        "i_max,i_min,l_above,l_below,l_max,dec19,dec38,dbl39,neg_dec\n"
        "2147483647,-2147483648,2147483648,-2147483649,9223372036854775807,9223372036854775808,"
        "99999999999999999999999999999999999999,123456789012345678901234567890123456789,-12345678901234567890\n",
    )


@case
def integer_spellings(spark):
    return _infer(spark, "plus,zeros,neg_zero\n+5,007,-0\n6,08,0\n")


@case
def ints_widen_within_a_column(spark):
    return _infer(
        spark,
        "int_then_long,long_then_int,int_then_decimal,decimal_then_int,int_long_double,whole_decimal_then_long\n"
        "1,3000000000,1,12345678901234567890,1,5.\n"
        "3000000000,1,12345678901234567890,1,2147483648,3000000000\n"
        "2,2,3,4,1.5,7\n",
    )


@case
def whole_numbers_with_a_point_or_exponent_are_decimals(spark):
    return _infer(spark, "point,exp_zero_scale,exp_negative_scale,exp_fraction,fraction\n5.,1.5e1,1e3,10e-1,0.5\n6.,1.0e1,1E+2,1.0e2,7\n")


@case
def decimal_38_then_wider(spark):
    return _infer(spark, "a,b\n99999999999999999999999999999999999999,1e3\n1.0e1,99999999999999999999999999999999999999\n")


@case
def double_spellings(spark):
    return _infer(
        spark,
        "exp,dot_first,suffix_d,suffix_f,hex,overflow,underflow,min_normal,max\n"
        "1e3,.5,1d,1.5F,0x1p3,1e400,1e-400,2.2250738585072014E-308,1.7976931348623157E308\n"
        "-2E-2,-.25,2D,2f,0x1.8p1,-1e400,-1e-400,-2.2250738585072014E-308,-1.7976931348623157E308\n",
    )


@case
def nan_and_infinity_spellings(spark):
    return _infer(
        spark,
        "nan,inf,neg_inf,infinity,neg_infinity,plus_infinity,nan_spaces,signed_nan\n"
        "NaN,Inf,-Inf,Infinity,-Infinity,+Infinity, NaN ,-NaN\n"
        "1,2,3,4,5,6,7,+NaN\n",
    )


@case
def nan_and_infinity_lookalikes_are_strings(spark):
    return _infer(spark, "lower_nan,lower_inf,upper_inf,plus_inf,space_inf,lower_infinity\nnan,inf,INF,+Inf, Inf,infinity\n")


@case
def number_lookalikes_are_strings(spark):
    return _infer(spark, "underscore,hex_int,comma,two_points,trailing_e,letters\n1_000,0x10,\"1,000\",1.2.3,1e,12abc\n")


@case
def spaces_around_numbers(spark):
    return _infer(spark, "lead,trail,both,tab,int_then_spaced\n 5,5 , 5 ,\t5,1\n6,6,6,6, 2\n")


@case
def numbers_sum_after_inference(spark):
    df = _infer(spark, "k,i,l,d\na,1,3000000000,1.5\nb,2,-1,2.25\na,3,4,NaN\n")
    return df.groupBy("k").agg(F.sum("i"), F.sum("l"), F.sum("d")).orderBy("k")


# --- booleans ----------------------------------------------------------------------


@case
def booleans_in_any_case(spark):
    return _infer(spark, "lower,upper,title,mixed,false_mixed\ntrue,TRUE,True,tRuE,fAlSe\nfalse,FALSE,False,FaLsE,TRUE\n")


@case
def boolean_lookalikes_are_strings(spark):
    return _infer(spark, "spaced,t,yes,one,bool_then_int,int_then_bool\n true,t,yes,1,true,1\nfalse,f,no,0,1,true\n")


# --- dates and timestamps ----------------------------------------------------------


@case
def dates_in_the_default_format(spark):
    return _infer(spark, "d,leap,first\n2024-01-05,2024-02-29,0001-01-01\n2023-12-31,2000-02-29,9999-12-31\n")


@case
def date_lookalikes(spark):
    return _infer(
        spark,
        "single_digits,bad_day,not_leap,slashes,compact,year_month,spaced\n"
        "2024-1-5,2024-02-30,2023-02-29,2024/01/05,20240105,2024-01, 2024-01-05\n",
    )


@case
def timestamps_in_spark_formats(spark):
    return _infer(
        spark,
        "space,t_sep,minutes,hours_only,fraction,nanos,short_fields,trailing_dot\n"
        "2024-01-05 10:00:00,2024-01-05T10:00:00,2024-01-05 10:00,2024-01-05 10,2024-01-05 10:00:00.123456,"
        "2024-01-05 10:00:00.123456789,2024-1-5 1:2:3.4,2024-01-05 10:00:00.\n"
        "2023-12-31 23:59:59,2023-12-31T23:59:59,2023-12-31 23:59,2023-12-31 23,2023-12-31 23:59:59.5,"
        "2023-12-31 23:59:59.000001,2023-2-3 4:5:6,2023-12-31 23:59:59.\n",
    )


@case
def timestamps_with_zones(spark):
    return _infer(
        spark,
        "zulu,offset,compact_offset,short_offset,utc_name,gmt_plus,region,short_id,fixed_short_id,spaced_offset\n"
        "2024-01-05T10:00:00Z,2024-01-05T10:00:00+01:00,2024-01-05T10:00:00-0130,2024-01-05T10:00:00.5+01,"
        "2024-01-05 10:00:00 UTC,2024-01-05 10:00:00 GMT+1,2024-01-05 10:00:00 America/New_York,"
        "2024-01-05 10:00:00 PST,2024-01-05 10:00:00 EST,2024-01-05 10:00:00 +1:00\n",
    )


@case
def timestamp_lookalikes_are_strings(spark):
    return _infer(
        spark,
        "t_minutes_zone,hour_25,minute_60,second_60,lower_region,lower_z,unknown_zone,offset_too_big,t_only\n"
        "2024-01-05T10:00Z,2024-01-05 25:00:00,2024-01-05 10:60:00,2024-01-05 10:00:60,"
        "2024-01-05 10:00:00 europe/paris,2024-01-05 10:00:00z,2024-01-05 10:00:00 XYZ,2024-01-05 10:00:00+18:01,2024-01-05T\n",
    )


@case
def dates_and_timestamps_mixed_in_a_column(spark):
    # Spark's inference is sequential: the order of values matters.
    return _infer(
        spark,
        "ts_then_date,date_then_ts,ts_then_year,year_then_ts,date_then_year,date_then_number\n"
        "2024-01-05 10:00:00,2024-01-05,2024-01-05 10:00:00,2024,2024-01-05,2024-01-05\n"
        "2024-01-06,2024-01-06 11:30:00,2025,2024-01-05 10:00:00,2025,1.5\n",
    )


@case(conf={"spark.sql.session.timeZone": "America/Los_Angeles"})
def timestamps_in_a_session_time_zone(spark):
    return _infer(
        spark,
        "wall_clock,zulu,offset,date\n"
        "2024-01-05 10:00:00,2024-01-05T10:00:00Z,2024-07-01T10:00:00+02:00,2024-01-05\n"
        "2024-07-01 10:00:00,2024-07-01T10:00:00Z,2024-01-05 10:00:00 UTC,2024-07-01\n"
        "2024-03-10 02:30:00,2024-03-10T10:30:00Z,2024-11-03 01:30:00 America/Los_Angeles,2024-03-10\n",
    )


@case(conf={"spark.sql.session.timeZone": "Asia/Kolkata"})
def timestamps_in_a_session_time_zone_as_strings_and_numbers(spark):
    df = _infer(spark, "t\n2024-01-05 10:00:00\n2024-01-05T10:00:00Z\n")
    return df.select("t", F.col("t").cast("string").alias("s"), F.col("t").cast("long").alias("epoch"))


@case(conf={"spark.sql.session.timeZone": "America/Los_Angeles"})
def timestamp_schema_in_a_session_time_zone(spark):
    path = csv_file("t,n\n2024-01-05 10:00:00,2024-01-05 10:00:00\n2024-01-05T10:00:00+01:00,2024-01-05T10:00:00+01:00\n2024-1-5,2024-1-5\n")
    return spark.read.csv(path, header=True, schema="t timestamp, n timestamp_ntz")


# --- nulls and empty values ----------------------------------------------------------


@case
def empty_fields_are_null_in_every_type(spark):
    return _infer(spark, 'i,d,b,dt,ts,s\n1,1.5,true,2024-01-05,2024-01-05 10:00:00,x\n,,,,,\n"","","","","",""\n3,,false,,,y\n')


@case
def all_null_column_is_string(spark):
    return _infer(spark, 'a,b\n1,\n2,""\n')


@case
def null_lookalikes_are_text(spark):
    return _infer(spark, "a,b,c\n1,NULL,null\n2,None,NA\n")


@case
def null_value_option_keeps_empty_quoted_strings(spark):
    return _infer(spark, 'i,s\n1,""\n"",x\nNA,NA\n,\n', nullValue="NA")


@case
def null_value_option_without_inference(spark):
    return spark.read.csv(csv_file('a,b\n1,""\n,\nNA,NA\n'), header=True, nullValue="NA")


# --- header names --------------------------------------------------------------------


@case
def duplicate_names_ignore_case(spark):
    return _infer(spark, "a,A,b,B,b\n1,2,3,4,5\n")


@case(conf={"spark.sql.caseSensitive": "true"})
def duplicate_names_case_sensitive(spark):
    return _infer(spark, "a,A,b,b\n1,2,3,4\n")


@case
def empty_header_names(spark):
    return _infer(spark, 'a,,b,"",\n1,2,3,4,5\n')


@case
def header_names_as_written(spark):
    return _infer(spark, ' a ,"b,c",d e,_c0\n1,2,3,4\n')


@case
def header_names_that_collide_after_renaming(spark):
    return _infer(spark, "a,a0,a\n1,2,3\n")


@case
def header_name_equal_to_null_value(spark):
    return _infer(spark, "a,NA,b\n1,2,3\n", nullValue="NA")


@case
def headerless_names_come_from_the_first_line(spark):
    return spark.read.csv(csv_file("\n1,2,3\n4,5\n6,7,8,9\n"), inferSchema=True)


@case
def header_line_repeated_in_the_data(spark):
    # Spark leaves lines equal to the header out of inference, but reads them.
    return _infer(spark, "a,b\n1,x\na,b\n2,y\n")


# --- row shapes ----------------------------------------------------------------------


@case
def blank_lines_are_skipped(spark):
    return _infer(spark, "\n\na,b\n1,2\n\n3,4\n   \n\t\n5,6\n\n\n")


@case
def blank_lines_are_skipped_without_header(spark):
    return spark.read.csv(csv_file("\n1,2\n\n3,4\n\n"), inferSchema=True)


@case
def blank_lines_in_a_single_column_file(spark):
    return _infer(spark, "a\n1\n\n2\n\n")


@case
def lines_of_empty_fields_are_rows(spark):
    return _infer(spark, "a,b\n,\n1,2\n, \n")


@case
def crlf_line_endings(spark):
    return _infer(spark, "a,b\r\n1,x\r\n\r\n2,y\r\n")


@case
def lone_cr_line_endings(spark):
    return _infer(spark, "a,b\r1,x\r2,y\r")


@case
def short_rows_are_padded_with_nulls(spark):
    return _infer(spark, "a,b,c\n1\n2,3\n4,5,6\n")


@case
def long_rows_are_cut(spark):
    return _infer(spark, "a,b\n1,2,3\n4,5,6,7\n8,9\n")


@case
def header_shorter_than_rows(spark):
    return _infer(spark, "a\n1,2\n3,4\n")


@case
def header_longer_than_rows(spark):
    return _infer(spark, "a,b,c,d\n1,2\n3,4\n")


@case
def last_line_without_newline(spark):
    return _infer(spark, "a,b\n1,2\n3,4")


@case
def header_only_file(spark):
    return _infer(spark, "a,b\n")


@case
def empty_file(spark):
    return _infer(spark, "")


@case
def blank_only_file(spark):
    return _infer(spark, "\n  \n\n")


@case
def empty_file_with_a_schema(spark):
    return spark.read.csv(csv_file(""), header=True, schema="a int, b string")


@case
def count_skips_blank_lines(spark):
    rows = "".join(f"{i},{i * 0.5},k{i % 3}\n" + ("\n" if i % 97 == 0 else "") for i in range(1000))
    df = _infer(spark, "i,x,k\n" + rows + "\n\n")
    return df.groupBy("k").agg(F.count("*"), F.sum("i"), F.max("x")).orderBy("k")


@case
def count_of_a_headerless_file_with_blank_lines(spark):
    return spark.read.csv(csv_file("1\n\n2\n3\n\n")).count()


# --- quotes and escapes (Spark's defaults: quote ", escape \) -----------------------------


@case
def quoted_fields(spark):
    return _infer(spark, 'a,b,c\n"1","x,y","2024-01-05"\n"2"," z ",""\n')


@case
def quotes_spark_reads_its_own_way(spark):
    # Escape is \ by default: "" inside quotes is not an escaped quote for Spark.
    return spark.read.csv(
        csv_file('a,b\n"x""y",1\n"x\\"y",2\nx"y,3\n"x"y,4\n"x" ,5\n "x",6\n"a\\\\",7\n"""",8\n"a" "b",9\n'), header=True, inferSchema=True
    )


@case
def unterminated_quote(spark):
    return _infer(spark, 'a,b\n"open,1\n2,"y\n')


@case
def quoted_line_break_splits_the_record(spark):
    return _infer(spark, 'a,b\n"line1\nline2",1\n3,4\n')


@case
def byte_order_mark_is_dropped(spark):
    return _infer(spark, "\ufeffa,b\n1,2\n")


# --- a schema given by the user (PERMISSIVE) ----------------------------------------------


@case
def schema_unparsable_values_are_null(spark):
    path = csv_file(
        "i,l,d,b,dt,ts,dec\n"
        "1,2,1.5,true,2024-01-05,2024-01-05 10:00:00,1.25\n"
        "x, 2,abc,yes,2024-13-01,never,1.2.3\n"
        "1.0,9223372036854775808, 2.5 ,TRUE,2024-1-5,2024-1-5 1:2:3,\"1,000.5\"\n"
    )
    return spark.read.csv(path, header=True, schema="i int, l bigint, d double, b boolean, dt date, ts timestamp, dec decimal(10,2)")


@case
def schema_small_integers_and_floats(spark):
    path = csv_file("b,s,f\n127,32767,1.5\n128,32768,1e39\n-129,-32769,3.4028235e38\n 1,+1,Inf\n")
    return spark.read.csv(path, header=True, schema="b tinyint, s smallint, f float")


@case
def schema_decimals_round_half_up(spark):
    path = csv_file("d\n1.005\n-1.005\n999.994\n999.995\n1e2\n-0.004\n1.5e-1\nNaN\n 1\n")
    return spark.read.csv(path, header=True, schema="d decimal(5,2)")


@case
def schema_dates_read_leniently(spark):
    path = csv_file("d\n2024-1-5\n 2024-01-05 \n2024-01-05 10:00:00\n2024-01-05T10\n2024-01-05abc\n2024-01\n2024\n+2024-01-05\n20240105\n2024-01-05GMT\n")
    return spark.read.csv(path, header=True, schema="d date")


@case
def schema_timestamp_ntz_and_binary(spark):
    path = csv_file("t,b\n2024-01-05 10:00:00,abc\n2024-01-05 10:00:00+01:00,\n 2024-01-05,x y\n")
    return spark.read.csv(path, header=True, schema="t timestamp_ntz, b binary")


@case
def schema_longer_than_the_file(spark):
    return spark.read.csv(csv_file("a,b\n1,x\n,y\n"), header=True, schema="a int, b string, c int")


@case
def schema_shorter_than_the_file(spark):
    return spark.read.csv(csv_file("a,b,c\n1,x,3\n"), header=True, schema="a int, b string")


@case
def schema_names_replace_the_header(spark):
    return spark.read.csv(csv_file("h1,h2\n1,x\n"), header=True, schema="a int, b string")


@case
def schema_without_header_reads_the_first_line(spark):
    return spark.read.csv(csv_file("a,b\n1,2\n"), schema="a string, b int")


@case
def schema_fields_become_nullable(spark):
    schema = StructType([StructField("a", IntegerType(), False), StructField("b", StringType(), False)])
    return spark.read.csv(csv_file("a,b\n1,x\n,\n"), header=True, schema=schema)


@case
def schema_with_a_nested_type(spark):
    return spark.read.csv(csv_file("a,b\n1,2\n"), header=True, schema="a array<int>, b int")


@case
def schema_with_duplicate_names(spark):
    return spark.read.csv(csv_file("a,b\n1,2\n"), header=True, schema="a int, A int")


# --- the options already accepted keep working ---------------------------------------------


@case
def option_sep_and_quote(spark):
    return _infer(spark, "a;b;c\n1;'x;y';2024-01-05\n2;'';\n", sep=";", quote="'")


@case
def option_tab_separator(spark):
    return _infer(spark, "a\tb\n1\t2.5\n3\t\n", sep="\t")


@case
def option_comment(spark):
    return _infer(spark, "# leading comment\na,b\n1,2\n# a comment\n#another\n3,4\n", comment="#")


@case
def option_escape_as_quote(spark):
    return _infer(spark, 'a,b\n"x""y",1\n"",2\n"say ""hi""",3\n', escape='"')


@case
def option_quote_off(spark):
    return _infer(spark, 'a,b\n"1",x\n"2","y,z"\n', quote="")


@case
def several_files_merge_their_types(spark):
    one = csv_file("a,b\n1,x\n2,y\n", "one.csv")
    two = csv_file("a,b\n3000000000,z\n\n", "two.csv")
    return spark.read.csv([one, two], header=True, inferSchema=True).orderBy("a")


@case
def a_directory_of_files(spark):
    d = tempfile.mkdtemp(prefix="pyrust-csv-dir-")
    for name, text in [("p1.csv", "a,b\n1,2.5\n"), ("p2.csv", "a,b\n3,4\n"), ("_SUCCESS", ""), (".hidden.csv", "a,b\nx,y\n")]:
        with open(os.path.join(d, name), "w") as f:
            f.write(text)
    return spark.read.csv(d, header=True, inferSchema=True).orderBy("a")


@case
def a_glob_of_files(spark):
    d = tempfile.mkdtemp(prefix="pyrust-csv-glob-")
    for name, text in [("p1.csv", "a,b\n1,x\n"), ("p2.csv", "a,b\n2,y\n"), ("other.txt", "a,b\nz,z\n")]:
        with open(os.path.join(d, name), "w") as f:
            f.write(text)
    return spark.read.csv(os.path.join(d, "*.csv"), header=True, inferSchema=True).orderBy("a")


@case
def type_decided_by_the_last_row(spark):
    return _infer(spark, "a,b\n" + "".join(f"{i},{i}\n" for i in range(5000)) + "x,1.5\n").groupBy("a").count().filter("a = 'x' or a = '4999'").orderBy("a")


@case
def header_line_repeated_in_numeric_columns(spark):
    return _infer(spark, "a,b\n1,2\na,b\n3,4\n")


@case
def old_dates_are_proleptic_gregorian(spark):
    return _infer(spark, "d,t\n1500-03-01,1582-10-10 12:00:00\n1582-10-10,1900-01-01 00:00:00\n")


@case
def quotes_and_blank_lines_together(spark):
    # A file Spark's tokenizer must read (Polars would split "x""y" differently).
    return _infer(spark, '\ufeffa,b,c\n"x""y",1,2024-01-05\n\n"z",,\n  \n"w\\"v",3,2024-1-5\n')


@case
def quotes_with_a_schema(spark):
    path = csv_file('a,b\n"1""",x\n"2",\n\n"3"4,"y""z"\n')
    return spark.read.csv(path, header=True, schema="a int, b string")


@case
def digits_outside_ascii(spark):
    # Java reads any Unicode decimal digit in integers and decimals (not in doubles).
    return _infer(spark, "fullwidth,arabic_indic,devanagari_long,fullwidth_fraction\n１２,-١٢,१२३४५६७८९०१२३,１.５\n３,٣,4,2.5\n")


@case
def digits_outside_ascii_with_a_schema(spark):
    path = csv_file("i,l,d\n１２,१२३४५६७८९०१२३,١٢.٥\n")
    return spark.read.csv(path, header=True, schema="i int, l bigint, d decimal(5,2)")


@case
def an_empty_directory(spark):
    return spark.read.csv(tempfile.mkdtemp(prefix="pyrust-csv-empty-"), header=True, inferSchema=True)


@case
def an_empty_directory_with_a_schema(spark):
    return spark.read.csv(tempfile.mkdtemp(prefix="pyrust-csv-empty-"), schema="a int, b string")


@case
def count_of_an_empty_file(spark):
    return spark.read.csv(csv_file(""), header=True).count()


@case
def a_glob_over_directories(spark):
    d = tempfile.mkdtemp(prefix="pyrust-csv-globdir-")
    for sub, text in [("day=1", "a,b\n1,x\n"), ("day=2", "a,b\n2,y\n"), ("_tmp", "a,b\n9,z\n")]:
        os.makedirs(os.path.join(d, sub))
        with open(os.path.join(d, sub, "part.csv"), "w") as f:
            f.write(text)
    return spark.read.csv(os.path.join(d, "day=*", "*.csv"), header=True, inferSchema=True).orderBy("a")
