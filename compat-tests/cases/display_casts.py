"""Issue 16, type by type: every type cast to string (ANSI on and off), values
turned into text implicitly, and `toPandas()` dtypes and values of every type."""

import datetime
import decimal

from harness import case
from pyspark.sql import functions as F
from pyspark.sql.types import ArrayType, IntegerType, MapType, StringType, StructField, StructType

D = decimal.Decimal
DT = datetime.datetime
UTC = {"spark.sql.session.timeZone": "UTC"}
LA = {"spark.sql.session.timeZone": "America/Los_Angeles"}
LEGACY = {"spark.sql.ansi.enabled": "false"}
ARROW = {"spark.sql.execution.arrow.pyspark.enabled": "true"}

TIMESTAMPS = [DT(2024, 1, 2, 3, 4, 5, 123456), DT(2024, 7, 1, 12, 0, 0, 100000), DT(1969, 12, 31, 23, 59, 59),
              DT(1900, 1, 1, 0, 0, 0), DT(2262, 4, 12, 0, 0, 1), DT(9999, 12, 31, 23, 59, 59, 999999), DT(2024, 1, 2), None]

# name -> (DDL type, values); each is cast to string with ANSI on and off.
SOURCES = {
    "void": ("void", [None, None]),
    "boolean": ("boolean", [True, False, None]),
    "tinyint": ("tinyint", [-128, 127, 0, None]),
    "smallint": ("smallint", [-32768, 32767, 0, None]),
    "int": ("int", [-2147483648, 2147483647, 0, None]),
    "bigint": ("bigint", [-9223372036854775808, 9223372036854775807, 0, None]),
    "float": ("float", [1.5, -0.0, 0.0, 1e-5, 1e-3, 1e7, 0.1, 1.1, 3.4028235e38, 123456.789, 16777217.0, None]),
    "float_subnormal": ("float", [1e-45, 1.17549435e-38]),
    "float_special": ("float", [float("nan"), float("inf"), float("-inf")]),
    "double": ("double", [1.5, -0.0, 0.0, 1e-5, 1e-3, 1e7, 1234567.0, 12345678.9, 0.1, 0.1 + 0.2, 1e20, 1e21,
                          1.7976931348623157e308, -2.5e-10, 100.0, None]),
    "double_subnormal": ("double", [5e-324, 2.2250738585072014e-308]),
    "double_special": ("double", [float("nan"), float("inf"), float("-inf")]),
    "decimal_10_0": ("decimal(10,0)", [D(0), D(1), D(-1), D(9999999999), None]),
    "decimal_38_18": ("decimal(38,18)", [D("1.5"), D("0"), D("-1.000000000000000001"),
                                         D("12345678901234567890.123456789012345678"), None]),
    "decimal_5_2": ("decimal(5,2)", [D("1.5"), D("-3.14"), D("999.99"), D("0.01"), D("0"), D("10"), None]),
    "decimal_trailing_zeros": ("decimal(12,6)", [D("1.10"), D("100"), D("0.000001"), D("-0.5")]),
    "decimal_38_38": ("decimal(38,38)", [D("0.1"), D("-0.99999999999999999999999999999999999999")]),
    "decimal_exponent_input": ("decimal(38,18)", [D("-0.000000000000000001"), D("1E+3"), D("0E-18")]),
    "decimal_38_0": ("decimal(38,0)", [D("99999999999999999999999999999999999999"), D(0)]),
    "string": ("string", ["a", "", "日本", " x ", None]),
    "binary": ("binary", [bytearray(b"abc"), bytearray(b""), bytearray("日本".encode()), None]),
    "binary_invalid_utf8": ("binary", [bytearray(b"\x00\xffab"), bytearray(b"\xff"), bytearray(b"\xc3"), bytearray(b"a\xe6\x97")]),
    "date": ("date", [datetime.date(2024, 1, 2), datetime.date(1969, 12, 31), datetime.date(1, 1, 1), datetime.date(9999, 12, 31),
                      datetime.date(1582, 10, 4), None]),
    "array_int": ("array<int>", [[1, 2], [], [None], [1, None, 3], None]),
    "array_bigint": ("array<bigint>", [[1, -2]]),
    "array_nested": ("array<array<int>>", [[[1, 2], [3]], [[], None], [None]]),
    "array_string": ("array<string>", [["a", None, ""], ["x y", "NULL"]]),
    "array_decimal": ("array<decimal(5,2)>", [[D("1.5"), None, D("-0.01")]]),
    "array_double": ("array<double>", [[1.5, float("nan"), -0.0, float("inf"), 1e7, 1e-5, None]]),
    "array_float": ("array<float>", [[1.5, 0.1, 1e10, float("-inf")]]),
    "array_boolean": ("array<boolean>", [[True, False, None]]),
    "array_binary": ("array<binary>", [[bytearray(b"ab"), None, bytearray(b"\x00\xff")]]),
    "array_date": ("array<date>", [[datetime.date(2024, 1, 2), None]]),
    "array_struct": ("array<struct<x:int,y:string>>", [[(1, "a"), None, (None, None)]]),
    "map": ("map<string,int>", [{"a": 1}, {"b": None}, {}, None]),
    "map_int_keys": ("map<int,array<string>>", [{1: ["x", None]}, {2: None}]),
    "map_nested": ("map<string,map<string,int>>", [{"a": {"b": 1}}, {"c": {}}]),
    "map_struct_values": ("map<string,struct<x:int,y:decimal(5,2)>>", [{"a": (1, D("1.5"))}, {"b": None}]),
    "map_decimal_values": ("map<date,decimal(10,2)>", [{datetime.date(2024, 1, 2): D("1.5")}]),
    "struct": ("struct<a:int,b:string>", [(1, "x"), (None, None), None]),
    "struct_with_null_fields": ("struct<a:int,b:int>", [(1, None), (None, None)]),
    "struct_with_void": ("struct<a:int,n:void>", [(1, None)]),
    "struct_nested": ("struct<a:struct<b:int,c:array<int>>,d:map<string,int>>", [((1, [1, None]), {"k": 2}), ((None, None), None)]),
    "struct_atomics": ("struct<b:boolean,f:float,d:double,dec:decimal(5,2),bin:binary,dt:date,n:void>",
                       [(True, 1.5, -0.0, D("1.50"), bytearray(b"ab"), datetime.date(2024, 1, 2), None)]),
}

# Cast in a session time zone: timestamps and things that hold them.
ZONED_SOURCES = {
    "timestamp": ("timestamp", TIMESTAMPS),
    "timestamp_ntz": ("timestamp_ntz", TIMESTAMPS),
    "array_timestamp": ("array<timestamp>", [[DT(2024, 1, 2, 3, 4, 5, 120000), None]]),
    "struct_timestamps": ("struct<t:timestamp,n:timestamp_ntz>", [(DT(2024, 1, 2, 3, 4, 5), DT(2024, 1, 2, 3, 4, 5))]),
    "map_timestamp_values": ("map<string,timestamp>", [{"t": DT(1969, 12, 31, 23, 59, 59, 999999)}]),
    # Los Angeles before 1883 (local mean time) and DST after 2037.
    "timestamp_zone_history": ("timestamp", [DT(1800, 1, 1), DT(1883, 11, 18, 12), DT(2037, 7, 1, 12), DT(2038, 7, 1, 12),
                                             DT(2100, 7, 1, 12)]),
}


def _make_cast(source, ddl_type, values, conf, suffix):
    def run(spark):
        df = spark.createDataFrame([(v,) for v in values], f"x {ddl_type}")
        return df.select(F.col("x").cast("string").alias("s"))

    run.__name__ = f"cast_{source}_to_string_{suffix}"
    return case(run, conf=conf)


# ANSI mode does not change text casts in Spark; these could take another path here.
LEGACY_TOO = {"float", "float_special", "double", "double_special", "decimal_38_18", "decimal_trailing_zeros", "binary",
              "binary_invalid_utf8", "date", "array_double", "array_binary", "map", "struct_nested", "struct_atomics"}

for _source, (_ddl, _values) in SOURCES.items():
    _make_cast(_source, _ddl, _values, None, "ansi")
    if _source in LEGACY_TOO:
        _make_cast(_source, _ddl, _values, LEGACY, "legacy")

for _source, (_ddl, _values) in ZONED_SOURCES.items():
    _make_cast(_source, _ddl, _values, UTC, "utc")
    _make_cast(_source, _ddl, _values, LA, "los_angeles")
    _make_cast(_source, _ddl, _values, dict(LA, **LEGACY), "los_angeles_legacy")


SMALL_DECIMALS = ["0", "0.000000000000000001", "0.0000001", "-0.000001", "1.5", "0.001", "-0.00000012"]


@case
def cast_decimal_small_values_to_string_ansi(spark):
    df = spark.createDataFrame([(s,) for s in SMALL_DECIMALS], "s string")
    return df.select(F.col("s").cast("decimal(38,18)").cast("string").alias("s"))


@case(conf=LEGACY)
def cast_decimal_small_values_to_string_legacy(spark):
    # Without ANSI, Spark writes decimals as Java's BigDecimal.toString: 0E-18, 1E-18, 1.00000000000E-7.
    df = spark.createDataFrame([(s,) for s in SMALL_DECIMALS], "s string")
    return df.select(F.col("s").cast("decimal(38,18)").cast("string").alias("s"))


@case(conf=LEGACY)
def cast_decimal_small_values_in_array_to_string_legacy(spark):
    df = spark.createDataFrame([(["0", "0.0000001", "1.5"],)], "a array<string>")
    return df.select(F.col("a").cast("array<decimal(38,18)>").cast("string").alias("a"))


@case(conf=LEGACY)
def cast_decimal_small_values_in_struct_to_string_legacy(spark):
    df = spark.createDataFrame([(("0", "0.000000000000000001"),)], "s struct<x:string,y:string>")
    return df.select(F.col("s").cast("struct<x:decimal(20,10),y:decimal(38,18)>").cast("string").alias("s"))


@case(conf=LEGACY)
def cast_decimal_scale_zero_and_small_to_string_legacy(spark):
    df = spark.createDataFrame([("0", "0.00"), ("100", "0.01")], "a string, b string")
    return df.select(F.col("a").cast("decimal(10,0)").cast("string").alias("a"), F.col("b").cast("decimal(5,2)").cast("string").alias("b"),
                     F.col("b").cast("decimal(10,8)").cast("string").alias("c"))


# ---------------------------------------------------------------- the example and variants

@case
def cast_binary_invalid_utf8_collect(spark):
    df = spark.createDataFrame([(decimal.Decimal("1.5"), bytearray(b"\x00\xffab"))], "d decimal(10,3), b binary")
    return df.select(F.col("b").cast("string")).collect()


@case
def cast_binary_invalid_utf8_filter(spark):
    df = spark.createDataFrame([(bytearray(b"\x00\xffab"),), (bytearray(b"ok"),)], "b binary")
    return df.filter(F.col("b").cast("string") == "ok")


@case
def cast_binary_invalid_utf8_length(spark):
    df = spark.createDataFrame([(bytearray(b"\x00\xffab"),)], "b binary")
    return df.select(F.length(F.col("b").cast("string")), F.upper(F.col("b").cast("string")))


@case
def cast_to_string_datatype_object(spark):
    df = spark.createDataFrame([(1, D("1.50"), [1, None])], "i int, d decimal(5,2), a array<int>")
    return df.select(*[F.col(c).cast(StringType()) for c in df.columns])


@case
def cast_to_string_keeps_names(spark):
    df = spark.createDataFrame([(1, 1.5)], "i int, d double")
    return df.select(F.col("i").cast("string"), F.col("d").astype("string"), (F.col("i") + 1).cast("string"))


@case
def cast_array_contains_null_false_to_string(spark):
    schema = StructType([StructField("a", ArrayType(IntegerType(), False), False),
                         StructField("m", MapType(StringType(), IntegerType(), False), False)])
    df = spark.createDataFrame([([1, 2], {"k": 3})], schema)
    return df.select(F.col("a").cast("string"), F.col("m").cast("string"))


@case
def cast_float_vs_double_to_string(spark):
    df = spark.createDataFrame([(v, v) for v in [0.1, 1.1, 1e7, 1e-5, 3.14159, 100.0, 16777217.0]], "f float, d double")
    return df.select(F.col("f").cast("string").alias("fs"), F.col("d").cast("string").alias("ds"))


@case
def cast_float_to_double_then_string(spark):
    df = spark.createDataFrame([(0.1,), (1.1,)], "f float")
    return df.select(F.col("f").cast("double").cast("string"))


@case
def cast_decimal_arithmetic_to_string(spark):
    df = spark.createDataFrame([(D("1.10"), D("3"))], "a decimal(5,2), b decimal(10,0)")
    return df.select((F.col("a") * F.col("b")).cast("string"), (F.col("a") / F.col("b")).cast("string"),
                     (F.col("a") + F.col("b")).cast("string"))


@case
def cast_literals_to_string(spark):
    return spark.range(1).select(F.lit(D("1.50")).cast("string"), F.lit(1.0).cast("string"), F.lit(2 ** 40).cast("string"),
                                 F.lit(True).cast("string"), F.lit(None).cast("string"), F.lit(bytearray(b"ab")).cast("string"),
                                 F.lit(datetime.date(2024, 1, 2)).cast("string"), F.lit(float("nan")).cast("string"))


@case
def cast_string_round_trip_decimal(spark):
    df = spark.createDataFrame([(D("1.50"),)], "d decimal(5,2)")
    return df.select(F.col("d").cast("string").cast("decimal(5,2)"), F.col("d").cast("string").cast("double"))


# ---------------------------------------------------------------- values turned into text implicitly

@case
def concat_with_numbers(spark):
    df = spark.createDataFrame([(1, 2 ** 40, 1.5, 0.1, D("1.50"), True)], "i int, l bigint, d double, f float, dec decimal(5,2), b boolean")
    return df.select(*[F.concat(F.lit("v="), F.col(c)).alias(c) for c in df.columns])


@case(conf=UTC)
def concat_with_dates_and_timestamps(spark):
    df = spark.createDataFrame([(datetime.date(2024, 1, 2), DT(2024, 1, 2, 3, 4, 5, 500000))], "d date, t timestamp")
    return df.select(F.concat(F.lit("d="), F.col("d")).alias("d"), F.concat(F.lit("t="), F.col("t")).alias("t"))


@case
def concat_ws_with_numbers(spark):
    df = spark.createDataFrame([(1, 1.5, D("2.50"), None)], "i int, d double, dec decimal(5,2), s string")
    return df.select(F.concat_ws("|", "i", "d", "dec", "s").alias("j"))


@case
def string_functions_on_numbers(spark):
    df = spark.createDataFrame([(D("1.50"), 1e7, -0.0)], "dec decimal(5,2), d double, z double")
    return df.select(F.length("dec"), F.length("d"), F.upper("z"), F.substring("d", 1, 3))


# ---------------------------------------------------------------- toPandas


def _pandas(df):
    pdf = df.toPandas()
    return [[c, str(t)] for c, t in pdf.dtypes.items()] + [[c, [repr(v) for v in pdf[c].tolist()]] for c in pdf.columns]


def _one(spark, ddl, values):
    return spark.createDataFrame([(v,) for v in values], ddl)


@case
def to_pandas_void(spark):
    return _pandas(_one(spark, "n void", [None, None]))


@case
def to_pandas_boolean(spark):
    return _pandas(spark.createDataFrame([(True, True), (False, None)], "a boolean, b boolean"))


@case
def to_pandas_integers(spark):
    return _pandas(spark.createDataFrame([(1, 2, 3, 4), (-128, -32768, -2147483648, -9223372036854775808)],
                                         "t tinyint, s smallint, i int, l bigint"))


@case
def to_pandas_integers_with_nulls(spark):
    return _pandas(spark.createDataFrame([(1, 2, 3, 4), (None, None, None, None)], "t tinyint, s smallint, i int, l bigint"))


@case
def to_pandas_float(spark):
    return _pandas(_one(spark, "f float", [1.5, 0.1, -0.0, float("nan"), float("inf"), None]))


@case
def to_pandas_double(spark):
    return _pandas(_one(spark, "d double", [1.5, 0.1, -0.0, float("nan"), float("-inf"), 1e-5, None]))


@case
def to_pandas_decimals(spark):
    return _pandas(spark.createDataFrame([(D("1"), D("1.5"), D("1.25")), (None, D("-1.000000000000000001"), None)],
                                         "a decimal(10,0), b decimal(38,18), c decimal(5,2)"))


@case
def to_pandas_string(spark):
    return _pandas(_one(spark, "s string", ["a", "", "日本", None]))


@case
def to_pandas_binary(spark):
    return _pandas(_one(spark, "b binary", [bytearray(b"abc"), bytearray(b"\x00\xff"), bytearray(b""), None]))


@case
def to_pandas_date(spark):
    return _pandas(_one(spark, "d date", [datetime.date(2024, 1, 2), datetime.date(1969, 12, 31), None]))


@case
def to_pandas_date_out_of_ns_range(spark):
    return _pandas(_one(spark, "d date", [datetime.date(1, 1, 1), datetime.date(9999, 12, 31)]))


@case(conf=UTC)
def to_pandas_timestamp_utc(spark):
    return _pandas(_one(spark, "t timestamp", [DT(2024, 1, 2, 3, 4, 5, 123456), DT(1969, 12, 31, 23, 59, 59), None]))


@case(conf=LA)
def to_pandas_timestamp_los_angeles(spark):
    return _pandas(_one(spark, "t timestamp", [DT(2024, 1, 2, 3, 4, 5, 123456), DT(2024, 7, 1, 12, 0), None]))


@case(conf=UTC)
def to_pandas_timestamp_ntz(spark):
    return _pandas(_one(spark, "t timestamp_ntz", [DT(2024, 1, 2, 3, 4, 5, 123456), None]))


@case(conf=LA)
def to_pandas_timestamp_ntz_los_angeles(spark):
    return _pandas(_one(spark, "t timestamp_ntz", [DT(2024, 1, 2, 3, 4, 5, 123456), None]))


@case(conf=UTC)
def to_pandas_timestamp_out_of_ns_range(spark):
    return _pandas(_one(spark, "t timestamp", [DT(9999, 12, 31, 23, 59, 59)]))


@case
def to_pandas_arrays(spark):
    return _pandas(spark.createDataFrame([([1, None], [[1], None], ["a", None]), ([], None, None)],
                                         "a array<int>, aa array<array<int>>, s array<string>"))


@case
def to_pandas_array_of_decimals_and_dates(spark):
    return _pandas(spark.createDataFrame([([D("1.5")], [datetime.date(2024, 1, 2)])], "a array<decimal(5,2)>, d array<date>"))


@case
def to_pandas_maps(spark):
    return _pandas(spark.createDataFrame([({"a": 1, "b": None}, {1: [1]}), ({}, None)], "m map<string,int>, n map<int,array<int>>"))


@case
def to_pandas_structs(spark):
    return _pandas(spark.createDataFrame([((1, "x"), (1, (D("1.5"),))), (None, (None, None))],
                                         "s struct<a:int,b:string>, n struct<a:int,b:struct<c:decimal(5,2)>>"))


@case(conf=UTC)
def to_pandas_all_types(spark):
    df = spark.createDataFrame(
        [(None, True, 1, 2, 3, 4, 1.5, 2.25, D("10"), D("1.5"), "hello", bytearray(b"abc"), datetime.date(2024, 1, 2),
          DT(2024, 1, 2, 3, 4, 5), DT(2024, 1, 2, 3, 4, 5), [1], {"k": 1}, (1, "x"))],
        "n void, bo boolean, t tinyint, s smallint, i int, l bigint, f float, d double, d10 decimal(10,0), "
        "d38 decimal(38,18), st string, bi binary, da date, ts timestamp, tn timestamp_ntz, a array<int>, "
        "m map<string,int>, sr struct<x:int,y:string>")
    return _pandas(df)


@case
def to_pandas_empty_all_types(spark):
    df = spark.createDataFrame([], "bo boolean, t tinyint, i int, l bigint, f float, d double, dec decimal(5,2), st string, "
                                   "bi binary, da date, ts timestamp, tn timestamp_ntz, a array<int>, m map<string,int>, "
                                   "sr struct<x:int>")
    return _pandas(df)


@case
def to_pandas_values_tolist(spark):
    df = spark.createDataFrame([(1, 1.5, "a", D("1.50")), (None, None, None, None)], "i int, d double, s string, dec decimal(5,2)")
    return repr(df.toPandas().values.tolist())


@case(conf=dict(UTC, **ARROW))
def to_pandas_arrow_atomics(spark):
    df = spark.createDataFrame(
        [(True, 1, 2, 3, 4, 1.5, 2.25, D("1.5"), "a", bytearray(b"ab"), datetime.date(2024, 1, 2), DT(2024, 1, 2, 3, 4, 5),
          DT(2024, 1, 2, 3, 4, 5)),
         (None, None, None, None, None, None, None, None, None, None, None, None, None)],
        "bo boolean, t tinyint, s smallint, i int, l bigint, f float, d double, dec decimal(5,2), st string, bi binary, "
        "da date, ts timestamp, tn timestamp_ntz")
    return _pandas(df)


@case(conf=dict(UTC, **ARROW))
def to_pandas_arrow_nested(spark):
    df = spark.createDataFrame([([1, None], {"a": 1}, (1, "x")), (None, None, None)],
                               "a array<int>, m map<string,int>, s struct<a:int,b:string>")
    return _pandas(df)


@case(conf=dict(LA, **ARROW))
def to_pandas_arrow_timestamp_los_angeles(spark):
    return _pandas(_one(spark, "t timestamp", [DT(2024, 1, 2, 3, 4, 5, 123456), None]))
