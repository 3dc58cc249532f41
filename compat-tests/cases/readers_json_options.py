"""spark.read.json with Spark's options: the parse modes with the corrupt-record
column, multiLine, primitivesAsString, prefersDecimal, dropFieldIfAllNull, the
parser's leniencies (comments, unquoted names, single quotes, leading zeros,
NaN/Infinity, backslash escapes, control characters), lineSep and samplingRatio."""

from harness import case

from cases._json_helpers import failure, json_dir, json_file

MIXED = '{"a":1}\nbroken\n{"a":"x","b":2.5}\n\n[{"a":3},{"a":4}]\n5\n'
TYPED = '{"a":1}\nbroken\n{"a":"x","b":2.5}\n{"a":3,"b":"y"}\n'


# Parse modes and the corrupt-record column.

@case
def not_json_text_permissive(spark):
    return spark.read.json(json_file("hello world\nnot json\n"))


@case
def not_json_text_schema(spark):
    return spark.createDataFrame([(spark.read.json(json_file("hello\n")).schema.simpleString(),)], "s string")


@case
def mixed_records_permissive(spark):
    return spark.read.json(json_file(MIXED))


@case
def mixed_records_dropmalformed(spark):
    return spark.read.option("mode", "DROPMALFORMED").json(json_file(MIXED))


@case
def mixed_records_failfast_inference(spark):
    path = json_file(MIXED)
    return spark.createDataFrame([(failure(lambda: spark.read.option("mode", "FAILFAST").json(path)),)], "condition string")


@case
def mixed_records_failfast_given_schema(spark):
    path = json_file(MIXED)
    return spark.createDataFrame([(failure(lambda: spark.read.schema("a long").option("mode", "FAILFAST").json(path).collect()),)], "condition string")


@case
def failfast_clean_file(spark):
    return spark.read.option("mode", "FAILFAST").json(json_file('{"a":1}\n{"a":2}\n')).orderBy("a")


@case
def unknown_mode_is_permissive(spark):
    return spark.read.option("mode", "nosuch").json(json_file(MIXED))


@case
def mode_lower_case(spark):
    return spark.read.json(json_file(MIXED), mode="dropmalformed")


@case
def corrupt_column_renamed(spark):
    return spark.read.option("columnNameOfCorruptRecord", "bad").json(json_file(MIXED))


@case
def corrupt_column_keyword(spark):
    return spark.read.json(json_file(MIXED), columnNameOfCorruptRecord="zz_bad")


@case
def given_schema_partial_results(spark):
    return spark.read.schema("a int, b double, _corrupt_record string").json(json_file(TYPED))


@case
def given_schema_without_corrupt_column(spark):
    return spark.read.schema("a int, b double").json(json_file(TYPED))


@case
def given_schema_dropmalformed(spark):
    return spark.read.schema("a int, b double").option("mode", "DROPMALFORMED").json(json_file(TYPED))


@case
def corrupt_column_must_be_string(spark):
    return spark.read.schema("a int, _corrupt_record int").json(json_file(TYPED))


@case
def select_only_corrupt_column(spark):
    return spark.read.schema("_corrupt_record string").json(json_file(TYPED))


@case
def select_data_columns_beside_corrupt(spark):
    return spark.read.json(json_file(MIXED)).select("b").where("b is not null")


@case
def primitive_records_only(spark):
    return spark.read.json(json_file('1\n"x"\n'))


@case
def blank_lines_only(spark):
    df = spark.read.json(json_file("\n\n   \n"))
    return spark.createDataFrame([(df.schema.simpleString(), len(df.columns))], "s string, n int")


@case
def trailing_text_after_first_value(spark):
    return spark.read.json(json_file('{"a":1} x\n{"a":2}{"a":3}\n{"a":4} \n{"a":5},\n')).orderBy("a")


@case
def duplicate_keys_in_a_record(spark):
    return spark.read.json(json_file('{"a":1,"a":2}\n'))


@case
def empty_field_names_dropped(spark):
    return spark.read.json(json_file('{"":1,"a":2}\n'))


@case
def null_records_skipped(spark):
    return spark.read.json(json_file('{"a":1}\nnull\n{"a":2}\n')).orderBy("a")


@case
def array_record_with_non_object(spark):
    return spark.read.json(json_file('[{"a":1},2]\n{"a":3}\n'))


@case
def unicode_and_escapes(spark):
    return spark.read.json(json_file('{"k😀":"v\\ud83d\\ude00","é":"\\u00e9\\n"}\n'))


@case
def nested_types_inferred(spark):
    text = '{"s":{"y":1,"x":[1,2.5]},"m":[{"b":1},{"a":"z"}],"e":[],"o":{}}\n{"s":{"y":"w"},"m":null}\n'
    return spark.read.json(json_file(text))


@case
def widening_across_records(spark):
    text = '{"a":1,"b":true,"c":12345678901234567890}\n{"a":2.5,"b":1,"c":1}\n{"a":null,"b":null,"c":1.5}\n'
    return spark.read.json(json_file(text))


@case
def given_schema_numeric_conversions(spark):
    text = ('{"a":200,"b":70000,"c":1.5,"d":"7","e":"NaN","f":"Infinity","g":"1.234","h":"true"}\n'
            '{"a":-5,"b":7,"c":3,"d":9223372036854775807,"e":1,"f":-2.5e3,"g":123.456,"h":false}\n')
    return spark.read.schema("a byte, b short, c int, d long, e float, f double, g decimal(5,2), h boolean").json(json_file(text))


@case
def given_schema_dates_and_timestamps(spark):
    text = ('{"a":"2024-01-02","b":"2024-01-02T03:04:05"}\n{"a":"x","b":"2024-01-02 03:04:05.123+01:00"}\n'
            '{"a":19000,"b":1700000000}\n')
    return spark.read.schema("a date, b timestamp").json(json_file(text))


@case
def given_schema_nested_failures(spark):
    text = '{"s":{"x":1,"y":2},"a":[1,null]}\n{"s":[1],"a":[1,"x"]}\n{"s":{"x":"q"},"a":null}\n'
    return spark.read.schema("s struct<x:int>, a array<int>, _corrupt_record string").json(json_file(text))


@case
def given_schema_map(spark):
    return spark.read.schema("m map<string,int>").json(json_file('{"m":{"k":1}}\n{"m":{"k":"x"}}\n{"m":{}}\n'))


@case
def given_schema_string_takes_any_value(spark):
    text = '{"a":1.50,"b":1e2,"g":{"x":[1,{"y":"q\\"r"}]},"h":true}\n'
    return spark.read.schema("a string, b string, g string, h string").json(json_file(text))


# multiLine.

@case
def multiline_top_level_array(spark):
    return spark.read.option("multiLine", True).json(json_file('[{"a":1,"b":{"y":1,"x":"q"}},\n {"a":2.5}]'))


@case
def multiline_one_object(spark):
    return spark.read.option("multiLine", "true").json(json_file('{\n "a": 1,\n "b": [1,\n 2]\n}\n'))


@case
def multiline_string_with_escaped_newline(spark):
    return spark.read.json(json_file('{\n "a": "x\\ny"\n}'), multiLine=True)


@case
def multiline_off_for_pretty_json(spark):
    return spark.read.json(json_file('{\n "a": 1\n}\n'))


@case
def multiline_broken_file(spark):
    return spark.read.option("multiLine", True).json(json_file('{"a": 1\n'))


@case
def multiline_broken_and_good_files(spark):
    d = json_dir({"1.json": '{"a": 1\n', "2.json": '{"a": 2, "b": [1]}'})
    return spark.read.option("multiLine", True).json(d).orderBy("a")


@case
def multiline_dropmalformed(spark):
    d = json_dir({"1.json": '{"a": 1\n', "2.json": '{"a": 2}'})
    return spark.read.option("multiLine", True).option("mode", "DROPMALFORMED").json(d)


@case
def multiline_failfast(spark):
    path = json_file('{"a": 1\n')
    return spark.createDataFrame([(failure(lambda: spark.read.option("multiLine", True).option("mode", "FAILFAST").json(path)),)], "condition string")


@case
def multiline_given_schema_partial(spark):
    d = json_dir({"1.json": '[{"a": 1}, {"a": "x"}]', "2.json": '{"a": 2}'})
    return spark.read.schema("a int, _corrupt_record string").option("multiLine", True).json(d).orderBy("a")


@case
def multiline_trailing_second_object(spark):
    return spark.read.option("multiLine", True).json(json_file('{"a": 1}\n{"a": 2}\n'))


# primitivesAsString, prefersDecimal, dropFieldIfAllNull.

NUMS = '{"a":1.50,"b":1e2,"c":-0,"d":1E+2,"e":0.000,"f":123456789012345678901234567890.5,"g":{"x":[1,{"y":2}]},"h":true}\n'
PLAIN = '{"a": 1, "b": 1.50, "c": true, "d": null, "e": [1, 2.0], "f": {"g": 12345678901234567890}}\n{"a": 2, "d": null, "h": {}}\n'


@case
def primitives_as_string(spark):
    return spark.read.option("primitivesAsString", True).json(json_file(PLAIN)).orderBy("a")


@case
def primitives_as_string_keeps_number_text(spark):
    return spark.read.json(json_file(NUMS), primitivesAsString=True)


@case
def numbers_inferred(spark):
    return spark.read.json(json_file(NUMS))


@case
def prefers_decimal(spark):
    return spark.read.option("prefersDecimal", True).json(json_file(PLAIN)).orderBy("a")


@case
def prefers_decimal_negative_scale(spark):
    return spark.read.option("prefersDecimal", True).json(json_file('{"a": 1E+2}\n'))


@case
def prefers_decimal_strings(spark):
    return spark.read.json(json_file('{"a":"1.5","b":"x","c":"1e3","d":"1,234.5","e":"0.001"}\n'), prefersDecimal=True)


@case
def prefers_decimal_too_wide(spark):
    return spark.read.json(json_file('{"a":1.5}\n{"a":123456789012345678901234567890123456789.5}\n'), prefersDecimal="true")


@case
def drop_field_if_all_null(spark):
    return spark.read.option("dropFieldIfAllNull", True).json(json_file(PLAIN)).orderBy("a")


@case
def drop_field_if_all_null_nested(spark):
    text = '{"a":1,"s":{"x":null},"l":[null],"e":[]}\n{"a":2,"s":null,"l":[]}\n'
    return spark.read.json(json_file(text), dropFieldIfAllNull=True)


@case
def all_null_field_is_string(spark):
    return spark.read.json(json_file('{"a":1,"s":{"x":null},"l":[null],"e":[]}\n'))


# The parser's leniencies.

@case
def single_quotes_default(spark):
    return spark.read.json(json_file("{'a':'x', \"b\": 'it''s'}\n{'a':1}\n"))


@case
def single_quotes_off(spark):
    return spark.read.option("allowSingleQuotes", False).json(json_file("{'a':1}\n{\"a\":2}\n"))


@case
def comments_on(spark):
    return spark.read.option("allowComments", True).json(json_file('{"a":1 /* c */} // x\n# y\n{"a": /*z*/ 2}\n// only a comment\n'))


@case
def comments_off(spark):
    return spark.read.json(json_file('{"a":1 /* c */}\n{"a":2}\n'))


@case
def unquoted_field_names_on(spark):
    return spark.read.option("allowUnquotedFieldNames", True).json(json_file('{a:1, b_2$:2, 3c:4}\n{"a":2}\n'))


@case
def unquoted_field_names_off(spark):
    return spark.read.json(json_file('{a:1}\n{"a":2}\n'))


@case
def numeric_leading_zeros_on(spark):
    return spark.read.option("allowNumericLeadingZeros", True).json(json_file('{"a":007}\n{"a":0.5}\n{"a":-01.5}\n{"a":00}\n'))


@case
def numeric_leading_zeros_off(spark):
    return spark.read.json(json_file('{"a":007}\n{"a":0.5}\n'))


@case
def numeric_leading_zero_keyword_is_not_read(spark):
    return spark.read.json(json_file('{"a":007}\n{"a":5}\n'), allowNumericLeadingZero=True)


NON_NUMERIC = '{"a":NaN}\n{"a":Infinity}\n{"a":-Infinity}\n{"a":+INF}\n{"a":-INF}\n{"a":INF}\n{"a":+Infinity}\n{"a":1}\n{"a":nan}\n'


@case
def non_numeric_numbers_default(spark):
    return spark.read.json(json_file(NON_NUMERIC))


@case
def non_numeric_numbers_off(spark):
    return spark.read.option("allowNonNumericNumbers", False).json(json_file(NON_NUMERIC))


@case
def non_numeric_as_string_field(spark):
    return spark.read.schema("a string, b double").json(json_file('{"a":NaN,"b":"-INF"}\n{"a":-Infinity,"b":"+Infinity"}\n'))


BACKSLASH = '{"a":"x\\qy"}\n{"a":"\\u00e9\\n"}\n{"a":"\\\'"}\n'


@case
def backslash_escaping_any_on(spark):
    return spark.read.option("allowBackslashEscapingAnyCharacter", True).json(json_file(BACKSLASH))


@case
def backslash_escaping_any_off(spark):
    return spark.read.json(json_file(BACKSLASH))


@case
def unquoted_control_chars_off(spark):
    return spark.read.json(json_file('{"a":"x\ty"}\n{"a":"z"}\n'))


@case
def unquoted_control_chars_on(spark):
    return spark.read.option("allowUnquotedControlChars", True).json(json_file('{"a":"x\ty"}\n{"a":"z"}\n'))


# Records: lineSep, line endings, samplingRatio.

@case
def line_sep_custom(spark):
    return spark.read.option("lineSep", "|").json(json_file('{"a": 1}|{"a": 2}|{"a":'))


@case
def line_sep_multi_character(spark):
    return spark.read.json(json_file('{"a": 1}||{"a": 2}||'), lineSep="||").orderBy("a")


@case
def line_sep_empty(spark):
    return spark.read.option("lineSep", "").json(json_file('{"a": 1}\n'))


@case
def crlf_and_cr_line_endings(spark):
    return spark.read.json(json_file('{"a": 1}\r\n{"a": 2}\r{"a": 3}\n')).orderBy("a")


@case
def sampling_ratio_half(spark):
    text = "".join('{"a": %d}\n' % i if i % 3 else '{"a": "s%d", "b%d": 1}\n' % (i, i) for i in range(40))
    return spark.createDataFrame([(spark.read.option("samplingRatio", 0.5).json(json_file(text)).schema.simpleString(),)], "s string")


@case
def sampling_ratio_one(spark):
    return spark.read.json(json_file('{"a": 1}\n{"b": 2}\n'), samplingRatio=1.0)


# Through format/load and with partition directories.

@case
def format_load_with_options(spark):
    path = json_file("{a: 1, 'b': 'x'} // c\n")
    return (spark.read.format("json").option("allowUnquotedFieldNames", "true").option("allowComments", "true")
            .load(path))


@case(ordered=False)
def partitioned_directory_with_corrupt_records(spark):
    d = json_dir({"k=1/a.json": '{"a": 1}\nbad\n', "k=2/b.json": '{"a": 2}\n'})
    return spark.read.json(d)


@case(ordered=False)
def partitioned_directory_multiline(spark):
    d = json_dir({"k=x/a.json": '[{"a": 1}, {"a": 2}]', "k=y/b.json": '{"a": 3}'})
    return spark.read.json(d, multiLine=True)


# dateFormat / timestampFormat for given DATE and TIMESTAMP fields.

@case
def date_and_timestamp_formats(spark):
    text = '{"a":"02/01/2024","b":"02/01/2024 03:04","c":"2024-01-02"}\n{"a":"2024-01-02","b":"x","c":"02/01/2024"}\n'
    return (spark.read.schema("a date, b timestamp, c string").option("dateFormat", "dd/MM/yyyy")
            .option("timestampFormat", "dd/MM/yyyy HH:mm").json(json_file(text)))


@case
def timestamp_format_keyword(spark):
    return spark.read.json(json_file('{"t":"2024.01.02 03:04:05"}\n'), schema="t timestamp", timestampFormat="yyyy.MM.dd HH:mm:ss")


@case(conf={"spark.sql.session.timeZone": "America/New_York"})
def timestamps_in_session_zone(spark):
    return spark.read.schema("t timestamp").json(json_file('{"t":"2024-07-01 12:00:00"}\n{"t":"2024-07-01T12:00:00Z"}\n'))


@case
def timestamp_ntz_field(spark):
    return spark.read.schema("t timestamp_ntz").json(json_file('{"t":"2024-07-01 12:00:00"}\n{"t":"2024-07-01T12:00:00Z"}\n'))
