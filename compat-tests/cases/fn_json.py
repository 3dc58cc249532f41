"""JSON functions of the catalogue (issue 7): get_json_object (Spark's JSONPath subset:
`.name`, `['name']`, `[n]`), json_array_length, json_object_keys. Jackson's reading:
the first value of the text (trailing text ignored), keys in order with duplicates,
raw control characters in strings accepted, invalid JSON NULL; values written back as
Jackson writes them (compact, Java's double text, upper-case \\u escapes, surrogate
escapes outside the BMP). Signature matrices apply each to every input type."""

from harness import case
from pyspark.sql import functions as F

from ._fn_aggregate_data import TYPED_COLUMNS, _condition, typed


def _docs(spark):
    rows = [
        ('{"a":1.50,"b":[1e2, 2, "x\\n", {"c": null, "d": true}],"e":"s\\"q","a":7}',),
        ('[1, 2, [3]] trailing',),
        ('{"a":1',),
        ('',),
        (None,),
        ('{"b": 1.0E10, "c":-0.0, "u":"\\u00e9😀\\u0001", "k": 123456789012}',),
        ('{"a":NaN}',),
        ('{"a":["\\t\\b\\f\\r\\u001f\\u007f/\\\\", null, 1e-7, 0.1, 1E+2, 5e300, 2.5e-320], "n": null, "z": {}, "y": []}',),
        ('null',),
        ('[null, [], "s"]',),
        ('  "str"  ',),
        ('{"a":{"b":{"c":"deep"}}}',),
        ('{"a":1,}',),
        ('[1,2,]',),
        ('{"a":"x\ty"}',),
        ('{"😀":"emoji key","":"empty key"}',),
        ('   ',),
        ('{}',),
        ('[]',),
    ]
    return spark.createDataFrame(rows, "s string")


def _each(spark, make):
    """`make(column)` over every input type: the schema and rows, or the error. (The
    NULL-typed column is left out: Spark names a call over it with NULL, a known
    naming difference — see fn_aggregate::bit_and_of_null_column.)"""
    df = typed(spark)
    out = []
    for c in [c for c in TYPED_COLUMNS if c != "n"]:
        try:
            r = df.select(make(c))
            schema = [[f.name, f.dataType.simpleString(), f.nullable] for f in r.schema.fields]
            out.append([c, schema, [tuple(row) for row in r.collect()]])
        except Exception as e:
            out.append([c, type(e).__name__, _condition(e)])
    return out


# --- get_json_object -----------------------------------------------------------------------------


@case
def get_json_object_values(spark):
    df = _docs(spark)
    return df.select(F.get_json_object("s", "$.a").alias("a"), F.get_json_object("s", "$.b").alias("b"),
                     F.get_json_object("s", "$.e").alias("e"), F.get_json_object("s", "$.u").alias("u"),
                     F.get_json_object(df.s, "$.k").alias("k"))


@case
def get_json_object_root(spark):
    return _docs(spark).select(F.get_json_object("s", "$"))


@case
def get_json_object_nested_paths(spark):
    df = _docs(spark)
    return df.select(F.get_json_object("s", "$.a.b.c"), F.get_json_object("s", "$['a']['b']"),
                     F.get_json_object("s", "$.b[1]"), F.get_json_object("s", "$['b'][3].d"),
                     F.get_json_object("s", "$.b[3]['c']"), F.get_json_object("s", "$.a[0]"))


@case
def get_json_object_indexes(spark):
    df = _docs(spark)
    return df.select(F.get_json_object("s", "$[0]"), F.get_json_object("s", "$[1]"), F.get_json_object("s", "$[2]"),
                     F.get_json_object("s", "$[3]"), F.get_json_object("s", "$.a[9]"))


@case
def get_json_object_null_and_empty_values(spark):
    df = _docs(spark)
    return df.select(F.get_json_object("s", "$.n"), F.get_json_object("s", "$.z"), F.get_json_object("s", "$.y"),
                     F.get_json_object("s", "$.😀"), F.get_json_object("s", "$['']"))


@case
def get_json_object_invalid_paths(spark):
    df = _docs(spark)
    return df.select(*[F.get_json_object("s", p) for p in ["a", "$..a", "$.a[-1]", "$ .a", "$.", "$[ 0 ]", "", "$[x]",
                                                           "$['a'", "$[0"]])


@case
def get_json_object_matrix(spark):
    return _each(spark, lambda c: F.get_json_object(c, "$"))


@case
def get_json_object_sql(spark):
    return _docs(spark).selectExpr("get_json_object(s, '$.a')", "get_json_object(s, '$.b[0]') AS b0",
                                   "get_json_object('{\"x\": {\"y\": [10, 20]}}', '$.x.y[1]')")


@case
def get_json_object_null_path(spark):
    return _docs(spark).select(F.get_json_object("s", None))


@case
def get_json_object_repr(spark):
    return [repr(F.get_json_object("s", "$.a")), repr(F.json_array_length("s")), repr(F.json_object_keys("s"))]


# --- json_array_length -----------------------------------------------------------------------------


@case
def json_array_length_values(spark):
    return _docs(spark).select("s", F.json_array_length("s"))


@case
def json_array_length_more(spark):
    df = spark.createDataFrame([("[1, [2, 3], {\"a\": 1e999}] x",), ("[[]]",), ("[1 2]",),
                                ("[" * 50 + "]" * 50,), ("[{}, {}, null]",)], "s string")
    return df.select(F.json_array_length("s"))


@case
def json_array_length_matrix(spark):
    return _each(spark, F.json_array_length)


@case
def json_array_length_sql(spark):
    return _docs(spark).selectExpr("json_array_length(s)", "json_array_length('[1,2,3,4]')", "json_array_length(NULL)")


# --- json_object_keys --------------------------------------------------------------------------------


@case
def json_object_keys_values(spark):
    return _docs(spark).select("s", F.json_object_keys("s"))


@case
def json_object_keys_more(spark):
    df = spark.createDataFrame([('{"b":1,"a":[],"b":2}',), ('{"x": {"y": 1}} {"z": 2}',), ('{"a": 1e999}',),
                                ('{"a\\u0000b": 1, "\\ud83d\\ude00": 2}',), ('{"a" 1}',)], "s string")
    return df.select(F.json_object_keys("s"))


@case
def json_object_keys_matrix(spark):
    return _each(spark, F.json_object_keys)


@case
def json_object_keys_sql(spark):
    return _docs(spark).selectExpr("json_object_keys(s)", "json_object_keys('{\"f1\":\"abc\",\"f2\":{\"f3\":\"a\"}}')")


@case
def json_functions_arity(spark):
    df = _docs(spark)
    out = []
    for e in ["json_array_length()", "json_array_length(s, s)", "json_object_keys()", "get_json_object(s)"]:
        try:
            df.selectExpr(e).collect()
            out.append([e, None])
        except Exception as ex:
            out.append([e, type(ex).__name__, _condition(ex)])
    return out


# Spark's JSON functions enable Jackson's ALLOW_SINGLE_QUOTES; serde_json does not
# (a known difference, semantics.md).
@case
def json_single_quotes(spark):
    df = spark.createDataFrame([("{'a': 1}",), ("[\"a\", 'b']",)], "s string")
    return df.select(F.get_json_object("s", "$.a"), F.json_array_length("s"), F.json_object_keys("s"))


# --- schema_of_json ----------------------------------------------------------------------------------


@case
def schema_of_json_values(spark):
    texts = ['{"b":1,"a":[1,2.5],"c":null,"d":{"y":true,"x":"s"},"e":[],"f":{},"g":[null],"i":[1,"a"],'
             '"j":[{"p":1},{"q":2.0}],"a b":1,"b":"dup","😀":1,"1":2,"x`y":3,"_ok":4}',
             '[1,2]', '[{"a":1},{"b":"x"}]', '1', '"s"', 'null', '{}', '[]', '', '   ', 'true', '{"a": 1} junk',
             '{"x":[1,null,2.0]}', '{"a":-1, "b": 1.0E2, "c": 9223372036854775807, "d": 9223372036854775808}',
             '[[1],[2.5]]', '{"a":[{"x":1},2]}', '{"a":"2024-01-01", "b":"2024-01-01T00:00:00"}', '[{}]',
             '{"a":{"b":{}}}', '[[], [1]]', '{"B":1,"a":2,"A":3,"b":4}', '[true, 1]', '[1.5, "x", null]']
    return [[t, spark.range(1).select(F.schema_of_json(F.lit(t))).first()[0]] for t in texts]


@case
def schema_of_json_column_and_name(spark):
    return spark.range(1).select(F.schema_of_json('{"a":1}'), F.schema_of_json(F.lit('[1, 2.5]')))


@case
def schema_of_json_sql(spark):
    return spark.range(1).selectExpr("schema_of_json('[{\"col\":0}]')", "schema_of_json('{\"a\": [\"x\"]}') AS s")


@case
def schema_of_json_not_literal(spark):
    return _docs(spark).select(F.schema_of_json(F.col("s")))


@case
def schema_of_json_not_column_or_str(spark):
    return spark.range(1).select(F.schema_of_json(1))


# serde_json reads the integer -0 as the double -0.0 (a known difference, semantics.md).
@case
def json_negative_zero_integer(spark):
    df = spark.createDataFrame([('{"a": -0}',)], "s string")
    return df.select(F.get_json_object("s", "$.a"), F.schema_of_json(F.lit('{"a": -0}')))


# --- to_json -----------------------------------------------------------------------------------------


def _nested(spark):
    import datetime
    import decimal
    row = (1, 2**40, 1.5, float("nan"), float("inf"), 1e10, -0.0, decimal.Decimal("3.10"), "q\"\n😀é\u0001", True,
           datetime.date(2024, 3, 1), datetime.datetime(2024, 3, 1, 12, 0, 0, 123456), b"\x00\xffab", [1, None],
           {"k": None}, None, 3.25, [[1, 2], []], (5, None, [None, "x"]))
    schema = ("i int, l long, d double, n double, inf double, big double, nz double, m decimal(5,2), s string, b boolean, "
              "dt date, ts timestamp, bin binary, a array<int>, mp map<string,int>, x string, f float, aa array<array<int>>, "
              "st struct<p: int, q: string, r: array<string>>")
    return spark.createDataFrame([row, (None,) * 19], schema)


@case
def to_json_struct_of_every_type(spark):
    df = _nested(spark)
    return df.select(F.to_json(F.col("st")), F.to_json("a"), F.to_json("mp"), F.to_json("aa"))


@case
def to_json_matrix(spark):
    return _each(spark, F.to_json)


@case
def to_json_struct_of_every_type_values(spark):
    df = _nested(spark)
    fields = ", ".join(f.simpleString().replace(":", ": ", 1) for f in df.schema.fields)
    nested = spark.createDataFrame([(tuple(r),) for r in df.collect()], f"r struct<{fields}>")
    return nested.select(F.to_json("r"))


@case(conf={"spark.sql.session.timeZone": "America/Los_Angeles"})
def to_json_timestamps_in_session_zone(spark):
    import datetime
    df = spark.createDataFrame([((datetime.datetime(2024, 3, 1, 12, 0, 0), datetime.date(1, 1, 1)),),
                                ((datetime.datetime(1970, 1, 1, 0, 0, 0, 500), None),)],
                               "st struct<t: timestamp, d: date>")
    return df.select(F.to_json("st"))


@case
def to_json_sql(spark):
    df = _nested(spark)
    return df.selectExpr("to_json(st)", "to_json(a) AS j")


# --- from_json ---------------------------------------------------------------------------------------


def _records(spark):
    rows = [('{"a": 1, "b": "x", "c": 1.5, "d": true}',), ('{"a": "no", "b": 2, "c": "NaN", "d": 1}',),
            ('{"a": 2147483648, "b": {"n": [1, 2]}, "c": 7, "d": null}',), ('{"a": 1',), ('',), (None,),
            ('[{"a": 1}]',), ('{"a": 3, "a": 4, "e": "ignored"}',), ('{"b": "😀\\u0001"}',), ('7',), ('{}',),
            ('{"a": 1.0, "c": "-Infinity", "b": null}',), ('{"c": "Infinity", "b": [1, "x", null]}',)]
    return spark.createDataFrame(rows, "s string")


@case
def from_json_ddl(spark):
    df = _records(spark)
    r = df.select(F.from_json("s", "a INT, b STRING, c DOUBLE, d BOOLEAN"))
    return r.select("*", F.col("`from_json(s)`.a"), F.col("`from_json(s)`.b"))


@case
def from_json_struct_type(spark):
    from pyspark.sql.types import (ArrayType, BooleanType, DoubleType, LongType, StringType, StructField,
                                   StructType)
    schema = StructType([StructField("a", LongType(), False), StructField("b", StringType()),
                         StructField("c", DoubleType()), StructField("n", ArrayType(LongType(), False)),
                         StructField("d", BooleanType())])
    return _records(spark).select(F.from_json(F.col("s"), schema).alias("r"))


@case
def from_json_nested(spark):
    # (Map keys in Java HashMap order: PySpark's collect() builds its dicts in that order.)
    df = spark.createDataFrame([('{"p": {"q": [1, 2, null], "m": {"j": null, "k": 1.5}}, "l": [[1], [], null]}',),
                                ('{"p": {"q": "notarray", "m": [1]}, "l": [[1, "x"]]}',), ('{"p": null}',)], "s string")
    return df.select(F.from_json("s", "p STRUCT<q: ARRAY<INT>, m: MAP<STRING, DOUBLE>>, l ARRAY<ARRAY<BIGINT>>"))


@case
def from_json_array_and_map_schemas(spark):
    df = spark.createDataFrame([('[1, 2, "x", null]',), ('{"a": 1}',), ('[]',), ('{"j": null, "k": [1]}',), ('oops',)],
                               "s string")
    return df.select(F.from_json("s", "array<int>").alias("a"), F.from_json("s", "map<string, array<int>>").alias("m"),
                     F.from_json("s", "array<string>").alias("t"))


@case
def from_json_string_fields_take_any_json(spark):
    df = spark.createDataFrame([('{"v": {"x": [1, 2.50, "s", null, true]}}',), ('{"v": 12}',), ('{"v": 1e2}',)], "s string")
    return df.select(F.from_json("s", "v STRING"))


@case
def from_json_integer_ranges(spark):
    df = spark.createDataFrame([('{"b": 127, "s": 32767, "i": 2147483647, "l": 9223372036854775807}',),
                                ('{"b": 128, "s": 32768, "i": 2147483648, "l": 9223372036854775808}',),
                                ('{"b": -129, "s": -32769, "i": -2147483649, "l": 1.5}',)], "s string")
    return df.select(F.from_json("s", "b TINYINT, s SMALLINT, i INT, l BIGINT"))


@case
def from_json_sql(spark):
    return _records(spark).selectExpr("from_json(s, 'a INT, b STRING')", "from_json(s, 'array<int>') AS arr")


@case
def from_json_json_schema_string(spark):
    return _records(spark).select(F.from_json("s", '{"type":"struct","fields":[{"name":"a","type":"long","nullable":true,"metadata":{}}]}'))


@case
def from_json_errors(spark):
    df = _records(spark)
    out = []
    for make in [lambda: F.from_json("s", "int"), lambda: F.from_json("s", "a INTT"), lambda: F.from_json(F.length("s"), "a INT"),
                 lambda: F.from_json("s", F.col("s"))]:
        try:
            df.select(make()).collect()
            out.append(None)
        except Exception as e:
            out.append([type(e).__name__, _condition(e)])
    return out


@case
def from_json_repr(spark):
    return [repr(F.from_json("s", "a INT")), repr(F.to_json("s")), repr(F.schema_of_json("[1]"))]
