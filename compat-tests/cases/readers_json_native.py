"""spark.read.json over files Polars' NDJSON reader reads for PyRust (flat columns of
numbers, strings and booleans in clean JSON Lines), beside the edges that must stay
with Spark's converter: a value of another kind in a typed column (read with a given
schema after the same file's inference), integers beyond a long, a number in a
string column, duplicate keys, comments, NaN, a key named as the corrupt-record
column — each read first with the schema inferred (which profiles the file) and then
again with a given one."""

from harness import case

from cases._json_helpers import json_file

FLAT = (
    '{"id":1,"name":"a","score":1.5,"ok":true,"note":null}\n'
    "\n"
    '{"id":-2,"name":"\\u00e9\\ud83d\\ude00\\t\\"q\\"","score":2,"ok":false}\r\n'
    "   \n"
    '{"name":"2024-01-01T00:00:00","score":-0.0,"extra":7}\n'
    '{"id":9223372036854775807,"score":1e300,"ok":null,"note":null}\n'
)


def infer_then(spark, text, schema, **options):
    """The file read with its schema inferred (collected), then with `schema`."""
    path = json_file(text)
    spark.read.options(**options).json(path).collect()
    return spark.read.options(**options).schema(schema).json(path)


@case
def flat_columns_inferred(spark):
    return spark.read.json(json_file(FLAT))


@case
def flat_columns_inferred_schema(spark):
    df = spark.read.json(json_file(FLAT))
    return spark.createDataFrame([(df.schema.simpleString(),)], "s string")


@case
def flat_columns_given_schema_after_inference(spark):
    return infer_then(spark, FLAT, "score double, id bigint, missing string, ok boolean, name string")


@case
def flat_columns_filtered_and_aggregated(spark):
    df = spark.read.json(json_file(FLAT))
    return df.where("score > 0").groupBy("ok").agg({"score": "sum", "id": "count"}).orderBy("ok")


@case
def int_column_of_longs_given_schema(spark):
    return infer_then(spark, '{"a":1}\n{"a":3000000000}\n', "a int")


@case
def fraction_in_a_bigint_column(spark):
    return infer_then(spark, '{"a":1}\n{"a":1.0}\n', "a bigint")


@case
def fraction_widens_the_inferred_column(spark):
    return spark.read.json(json_file('{"a":1}\n{"a":1.0}\n{"a":2}\n'))


@case
def string_in_a_bigint_column_permissive(spark):
    return infer_then(spark, '{"a":1}\n{"a":"x"}\n', "a bigint, _corrupt_record string")


@case
def string_in_a_double_column_dropmalformed(spark):
    return infer_then(spark, '{"a":1.5}\n{"a":"x"}\n{"a":"NaN"}\n', "a double", mode="DROPMALFORMED")


@case
def number_in_a_string_column(spark):
    return infer_then(spark, '{"s":"x"}\n{"s":1.50}\n{"s":1e2}\n{"s":true}\n', "s string")


@case
def integers_beyond_long(spark):
    return spark.read.json(json_file('{"a":1,"b":1.5}\n{"a":12345678901234567890,"b":98765432109876543210}\n'))


@case
def integers_beyond_long_given_double(spark):
    return infer_then(spark, '{"a":1}\n{"a":12345678901234567890}\n', "a double")


@case
def duplicate_keys_last_wins(spark):
    return spark.read.json(json_file('{"a":1,"b":"x"}\n{"a":2,"b":"y","a":3}\n'))


@case
def comments_allowed_in_a_clean_file(spark):
    return spark.read.option("allowComments", "true").json(json_file('{"a":1}\n{"a":2 /* two */}\n// last\n{"a":3}\n'))


@case
def non_numeric_numbers_in_a_double_column(spark):
    return spark.read.json(json_file('{"a":1.5}\n{"a":NaN}\n{"a":-Infinity}\n'))


@case
def single_quotes_in_a_clean_file(spark):
    return spark.read.json(json_file("{'a':1,'b':'x'}\n{\"a\":2,\"b\":\"y\"}\n"))


@case
def leading_zeros_allowed(spark):
    return spark.read.option("allowNumericLeadingZeros", "true").json(json_file('{"a":007}\n{"a":8}\n'))


@case
def primitives_as_string_flat(spark):
    return spark.read.option("primitivesAsString", "true").json(json_file('{"a":1,"b":1.50,"c":true,"d":"x"}\n'))


@case
def prefers_decimal_flat(spark):
    return spark.read.option("prefersDecimal", "true").json(json_file('{"a":1,"b":1.50}\n{"a":2,"b":0.25}\n'))


@case
def drop_field_if_all_null_flat(spark):
    return spark.read.option("dropFieldIfAllNull", "true").json(json_file('{"a":1,"n":null}\n{"a":2}\n'))


@case
def key_named_as_the_corrupt_column(spark):
    return infer_then(spark, '{"a":1,"_corrupt_record":"kept?"}\n{"a":2}\n', "a bigint, _corrupt_record string")


@case
def corrupt_column_of_a_clean_file(spark):
    return infer_then(spark, '{"a":1}\n{"a":2}\n', "a bigint, _corrupt_record string")


@case
def lone_surrogate_in_a_string(spark):
    return spark.read.json(json_file('{"s":"a\\udc00b"}\n{"s":"\\ud800"}\n'))


@case
def cr_line_endings_split_records(spark):
    return spark.read.json(json_file('{"a":1}\r{"a":2}\r\n{"a":3}'))


@case
def timestamps_not_inferred(spark):
    df = spark.read.json(json_file('{"t":"2024-01-01T00:00:00","d":"2024-01-01"}\n'))
    return spark.createDataFrame([(df.schema.simpleString(),)], "s string")


@case
def files_of_a_directory_profiled_apart(spark):
    from cases._json_helpers import json_dir

    d = json_dir({"p1.json": '{"a":1,"b":"x"}\n', "p2.json": '{"a":2.5,"b":"y"}\n{"a":3,"b":4}\n'})
    return spark.read.json(d).orderBy("a")
