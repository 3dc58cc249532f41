"""Issue 16, type by type: `show()` of every type (NULLs inside nested values,
binary, decimals, timestamps with and without a session time zone) and of every
show mode (truncate=False, vertical=True, show(n, truncate=k))."""

import datetime
import decimal

from harness import case
from pyspark.sql import functions as F
from pyspark.sql.types import ArrayType, DecimalType, IntegerType, MapType, StringType, StructField, StructType

D = decimal.Decimal
DT = datetime.datetime
UTC = {"spark.sql.session.timeZone": "UTC"}
LA = {"spark.sql.session.timeZone": "America/Los_Angeles"}

ALL_DDL = ("n void, bo boolean, t tinyint, s smallint, i int, l bigint, f float, d double, "
           "d10 decimal(10,0), d38 decimal(38,18), d52 decimal(5,2), st string, bi binary, "
           "da date, ts timestamp, tn timestamp_ntz, a array<int>, aa array<array<string>>, "
           "m map<string,int>, sr struct<x:int,y:struct<z:decimal(5,2)>>")
ALL_ROW = (None, True, 1, 2, 3, 4, 1.5, 2.25, D("10"), D("1.5"), D("-3.14"), "hello", bytearray(b"abc"),
           datetime.date(2024, 1, 2), DT(2024, 1, 2, 3, 4, 5, 123456), DT(2024, 1, 2, 3, 4, 5),
           [1, None, 3], [["a", "b"], None, []], {"k": 1}, (1, (D("2.50"),)))


def _all(spark):
    return spark.createDataFrame([ALL_ROW, tuple([None] * len(ALL_ROW))], ALL_DDL)


def _one(spark, ddl, values):
    return spark.createDataFrame([(v,) for v in values], ddl)


TIMESTAMPS = [DT(2024, 1, 2, 3, 4, 5, 123456), DT(2024, 7, 1, 12, 0, 0, 100000), DT(1969, 12, 31, 23, 59, 59),
              DT(1900, 1, 1, 0, 0, 0), DT(2262, 4, 12, 0, 0, 1), DT(9999, 12, 31, 23, 59, 59, 999999), DT(2024, 3, 10, 2, 30), None]

LONG = "abcdefghijklmnopqrstuvwxyz"


def _strings(spark):
    return _one(spark, "s string", ["hello", "", " padded ", LONG, "tab\there", "new\nline", None, "NULL"])


def _nested(spark):
    return spark.createDataFrame(
        [([1, None, 3], {"a": 1, "b": None}, (1, None, [D("1.50"), None])),
         ([], {}, (None, "x", [])),
         (None, None, None),
         ([None], {"long_key_" + LONG: 123456789}, (2, LONG, None))],
        "a array<int>, m map<string,int>, s struct<x:int,y:string,z:array<decimal(5,2)>>")


# ---------------------------------------------------------------- atomic types, default show

@case
def show_void(spark):
    return _one(spark, "n void", [None, None])


@case
def show_boolean(spark):
    return _one(spark, "b boolean", [True, False, None])


@case
def show_tinyint(spark):
    return _one(spark, "x tinyint", [-128, 127, 0, None])


@case
def show_smallint(spark):
    return _one(spark, "x smallint", [-32768, 32767, 0, None])


@case
def show_int(spark):
    return _one(spark, "x int", [-2147483648, 2147483647, 0, None])


@case
def show_bigint(spark):
    return _one(spark, "x bigint", [-9223372036854775808, 9223372036854775807, 0, None])


@case
def show_float(spark):
    return _one(spark, "f float", [1.5, -0.0, 0.0, 1e-5, 1e7, 0.1, 1.1, 3.4028235e38, 123456.789, 16777217.0, None])


@case
def show_float_subnormal(spark):
    return _one(spark, "f float", [1e-45, 1.17549435e-38])


@case
def show_float_special(spark):
    return _one(spark, "f float", [float("nan"), float("inf"), float("-inf")])


@case
def show_double(spark):
    return _one(spark, "d double", [1.5, -0.0, 0.0, 1e-5, 1e-3, 1e7, 1234567.0, 12345678.9, 0.1 + 0.2, 1e20, 1.7976931348623157e308,
                                    -2.5e-10, None])


@case
def show_double_subnormal(spark):
    return _one(spark, "d double", [5e-324, 2.2250738585072014e-308])


@case
def show_double_special(spark):
    return _one(spark, "d double", [float("nan"), float("inf"), float("-inf"), None])


@case
def show_decimal_10_0(spark):
    return _one(spark, "d decimal(10,0)", [D(0), D(1), D(-1), D(9999999999), D(-9999999999), None])


@case
def show_decimal_38_18(spark):
    return _one(spark, "d decimal(38,18)", [D("1.5"), D("0"), D("-1.000000000000000001"), D("12345678901234567890.123456789012345678"),
                                            D("-99999999999999999999.999999999999999999"), None])


@case
def show_decimal_from_exponent_notation(spark):
    # str() of these Decimals is '-1E-18', '1E+3', '0E-18': still plain Decimals.
    return spark.createDataFrame([(D("-0.000000000000000001"), D("1E+3"), D("0E-18"))], "a decimal(38,18), b decimal(10,0), c decimal(38,18)")


@case
def show_decimal_5_2(spark):
    return _one(spark, "d decimal(5,2)", [D("1.5"), D("-3.14"), D("999.99"), D("0.01"), D("0"), D("10"), None])


@case
def show_decimal_trailing_zeros(spark):
    return spark.createDataFrame([(D("1.10"), D("100"), D("0.0"))], "a decimal(8,4), b decimal(12,6), c decimal(3,1)")


@case(conf={"spark.sql.ansi.enabled": "false"})
def show_decimal_small_values_legacy(spark):
    df = spark.createDataFrame([(s,) for s in ["0", "0.000000000000000001", "0.0000001", "1.5"]], "s string")
    return df.select(F.col("s").cast("decimal(38,18)").alias("d"), F.col("s").cast("decimal(10,0)").alias("z"))


@case
def show_decimal_default_and_extremes(spark):
    return spark.createDataFrame([(D(5), D("0.5"), D(1))], "a decimal, b decimal(38,38), c decimal(38,0)")


@case
def show_string(spark):
    return _strings(spark)


@case
def show_string_unicode(spark):
    return _one(spark, "s string", ["ünïcödé", "日本語", "日本語日本語日本語日本語日本語", "😀", "mixed日本abc", "é"])


@case
def show_binary(spark):
    return _one(spark, "b binary", [bytearray(b"abc"), bytearray(b"\x00\xff"), bytearray(b""), bytearray(b"\x00\xffab"),
                                    bytearray(range(10)), None])


@case
def show_date(spark):
    return _one(spark, "d date", [datetime.date(2024, 1, 2), datetime.date(1969, 12, 31), datetime.date(1970, 1, 1),
                                  datetime.date(1, 1, 1), datetime.date(9999, 12, 31), datetime.date(1582, 10, 15), None])


@case(conf=UTC)
def show_timestamp_utc(spark):
    return _one(spark, "t timestamp", TIMESTAMPS)


@case(conf=LA)
def show_timestamp_los_angeles(spark):
    return _one(spark, "t timestamp", TIMESTAMPS)


@case(conf=UTC)
def show_timestamp_ntz(spark):
    return _one(spark, "t timestamp_ntz", TIMESTAMPS)


@case(conf=LA)
def show_timestamp_ntz_los_angeles(spark):
    return _one(spark, "t timestamp_ntz", TIMESTAMPS)


@case(conf=LA)
def show_timestamp_aware_input_los_angeles(spark):
    return _one(spark, "t timestamp", [DT(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc),
                                       DT(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone(datetime.timedelta(hours=5, minutes=30)))])


@case(conf=LA)
def show_date_and_timestamps_together_los_angeles(spark):
    return spark.createDataFrame([(datetime.date(2024, 1, 2), DT(2024, 1, 2), DT(2024, 1, 2))], "d date, t timestamp, n timestamp_ntz")


@case(conf=LA)
def show_timestamp_los_angeles_zone_history(spark):
    # Local mean time before 1883; daylight saving time after 2037.
    return _one(spark, "t timestamp", [DT(1800, 1, 1), DT(1883, 11, 18, 12), DT(2037, 7, 1, 12), DT(2038, 7, 1, 12),
                                       DT(2100, 7, 1, 12), DT(2100, 1, 1, 12)])


@case(conf=UTC)
def show_timestamp_fraction_digits(spark):
    return _one(spark, "t timestamp", [DT(2024, 1, 2, 3, 4, 5, 1), DT(2024, 1, 2, 3, 4, 5, 10), DT(2024, 1, 2, 3, 4, 5, 120),
                                       DT(2024, 1, 2, 3, 4, 5, 500000), DT(2024, 1, 2, 3, 4, 5, 999000)])


# ---------------------------------------------------------------- nested types

@case
def show_array_int(spark):
    return _one(spark, "a array<int>", [[1, 2, 3], [], None, [None], [1, None], [-1, 2147483647]])


@case
def show_array_contains_null_false(spark):
    schema = StructType([StructField("a", ArrayType(IntegerType(), False), False)])
    return spark.createDataFrame([([1, 2],), ([],)], schema)


@case
def show_array_nested(spark):
    return _one(spark, "a array<array<int>>", [[[1, 2], [3]], [[], None], [None], [], None])


@case
def show_array_triple_nested(spark):
    return _one(spark, "a array<array<array<string>>>", [[[["a", None]], [[]]], [None, [None]]])


@case
def show_array_string(spark):
    return _one(spark, "a array<string>", [["a", None, ""], ["NULL", "x y"], [LONG]])


@case
def show_array_decimal(spark):
    return _one(spark, "a array<decimal(10,2)>", [[D("1.5"), None, D("-0.01")], [D("12345678.90")]])


@case
def show_array_double(spark):
    return _one(spark, "a array<double>", [[1.5, float("nan"), -0.0], [float("inf"), 1e7, 1e-5, None]])


@case
def show_array_float(spark):
    return _one(spark, "a array<float>", [[1.5, 0.1, 1e10], [float("-inf"), None]])


@case
def show_array_boolean(spark):
    return _one(spark, "a array<boolean>", [[True, False, None]])


@case
def show_array_binary(spark):
    return _one(spark, "a array<binary>", [[bytearray(b"ab"), None, bytearray(b"")], [bytearray(b"\x00\xff")]])


@case
def show_array_date(spark):
    return _one(spark, "a array<date>", [[datetime.date(2024, 1, 2), None, datetime.date(1969, 12, 31)]])


@case(conf=UTC)
def show_array_timestamp_utc(spark):
    return _one(spark, "a array<timestamp>", [[DT(2024, 1, 2, 3, 4, 5, 120000), None]])


@case(conf=LA)
def show_array_timestamp_los_angeles(spark):
    return _one(spark, "a array<timestamp>", [[DT(2024, 1, 2, 3, 4, 5, 120000), None]])


@case
def show_array_struct(spark):
    return _one(spark, "a array<struct<x:int,y:string>>", [[(1, "a"), None, (None, None)], []])


@case
def show_array_map(spark):
    return _one(spark, "a array<map<string,int>>", [[{"a": 1}, None, {}]])


@case
def show_map(spark):
    return _one(spark, "m map<string,int>", [{"a": 1}, {"b": None}, {}, None])


@case
def show_map_int_keys(spark):
    return _one(spark, "m map<int,string>", [{1: "x"}, {-2: None}])


@case
def show_map_of_arrays(spark):
    return _one(spark, "m map<string,array<int>>", [{"a": [1, None]}, {"b": []}, {"c": None}])


@case
def show_map_of_structs(spark):
    return _one(spark, "m map<string,struct<x:int,y:decimal(5,2)>>", [{"a": (1, D("1.5"))}, {"b": None}, {"c": (None, None)}])


@case
def show_map_nested(spark):
    return _one(spark, "m map<string,map<string,int>>", [{"a": {"b": 1}}, {"c": {}}, {"d": None}])


@case
def show_map_decimal_values(spark):
    return _one(spark, "m map<string,decimal(38,18)>", [{"a": D("1.5")}])


@case
def show_map_date_keys(spark):
    return _one(spark, "m map<date,boolean>", [{datetime.date(2024, 1, 2): True}])


@case(conf=LA)
def show_map_timestamp_values_los_angeles(spark):
    return _one(spark, "m map<string,timestamp>", [{"t": DT(2024, 1, 2, 3, 4, 5)}])


@case
def show_map_binary_values(spark):
    return _one(spark, "m map<string,binary>", [{"b": bytearray(b"ab")}])


@case
def show_struct(spark):
    return _one(spark, "s struct<a:int,b:string>", [(1, "x"), (None, None), None, (2, "")])


@case
def show_struct_nested(spark):
    return _one(spark, "s struct<a:struct<b:int,c:array<int>>,d:map<string,int>>",
                [((1, [1, None]), {"k": 2}), ((None, None), None), (None, {}), None])


@case
def show_struct_of_every_atomic(spark):
    return _one(spark, "s struct<b:boolean,i:int,f:float,d:double,dec:decimal(5,2),s:string,bin:binary,dt:date,n:void>",
                [(True, 1, 1.5, -0.0, D("1.5"), "x", bytearray(b"ab"), datetime.date(2024, 1, 2), None),
                 (None, None, float("nan"), 1e7, None, None, None, None, None)])


@case(conf=LA)
def show_struct_timestamps_los_angeles(spark):
    return _one(spark, "s struct<t:timestamp,n:timestamp_ntz>", [(DT(2024, 1, 2, 3, 4, 5), DT(2024, 1, 2, 3, 4, 5))])


@case
def show_struct_quoted_field_names(spark):
    return _one(spark, "s struct<`a b`:int,`c.d`:string>", [(1, "x")])


# ---------------------------------------------------------------- every type at once, every mode

@case(conf=UTC)
def show_all_types(spark):
    return _all(spark)


@case(conf=UTC)
def show_all_types_truncate_false(spark):
    _all(spark).show(truncate=False)


@case(conf=UTC)
def show_all_types_vertical(spark):
    _all(spark).show(vertical=True)


@case(conf=UTC)
def show_all_types_vertical_truncate_false(spark):
    _all(spark).show(vertical=True, truncate=False)


@case(conf=UTC)
def show_all_types_truncate_5(spark):
    _all(spark).show(2, truncate=5)


@case(conf=UTC)
def show_all_types_n1(spark):
    _all(spark).show(1)


@case(conf=LA)
def show_all_types_los_angeles(spark):
    _all(spark).show(truncate=False)


# ---------------------------------------------------------------- modes per kind of value

@case
def show_strings_truncate_false(spark):
    _strings(spark).show(truncate=False)


@case
def show_strings_vertical(spark):
    _strings(spark).show(vertical=True)


@case
def show_strings_truncate_5(spark):
    _strings(spark).show(8, truncate=5)


@case
def show_strings_truncate_3(spark):
    _strings(spark).show(8, truncate=3)


@case
def show_strings_truncate_1(spark):
    _strings(spark).show(truncate=1)


@case
def show_strings_truncate_true(spark):
    _strings(spark).show(truncate=True)


@case
def show_strings_n2(spark):
    _strings(spark).show(2)


@case
def show_strings_n0(spark):
    _strings(spark).show(0)


@case
def show_strings_n_larger_than_rows(spark):
    _strings(spark).show(100)


@case
def show_strings_vertical_n2_truncate_4(spark):
    _strings(spark).show(2, truncate=4, vertical=True)


@case
def show_unicode_truncate_false(spark):
    _one(spark, "s string", ["日本語日本語日本語日本語日本語", "abc"]).show(truncate=False)


@case
def show_unicode_truncate_5(spark):
    _one(spark, "s string", ["日本語日本語日本語日本語日本語", "ünïcödé", "abc"]).show(truncate=5)


@case
def show_nested(spark):
    return _nested(spark)


@case
def show_nested_truncate_false(spark):
    _nested(spark).show(truncate=False)


@case
def show_nested_vertical(spark):
    _nested(spark).show(vertical=True)


@case
def show_nested_truncate_5(spark):
    _nested(spark).show(3, truncate=5)


@case
def show_binary_truncate_false(spark):
    _one(spark, "b binary", [bytearray(range(16)), bytearray(b"\x00\xffab")]).show(truncate=False)


@case
def show_binary_truncate_5(spark):
    _one(spark, "b binary", [bytearray(range(16)), bytearray(b"a")]).show(truncate=5)


@case
def show_binary_vertical(spark):
    _one(spark, "b binary", [bytearray(range(16)), None]).show(vertical=True)


@case
def show_decimals_truncate_5(spark):
    _one(spark, "d decimal(38,18)", [D("12345678901234567890.123456789012345678"), D("1.5")]).show(truncate=5)


@case
def show_decimals_vertical(spark):
    spark.createDataFrame([(D("1.5"), D("1"), D("-3.14"), None)], "a decimal(38,18), b decimal(10,0), c decimal(5,2), d decimal(5,2)").show(vertical=True)


@case(conf=UTC)
def show_timestamps_truncate_5(spark):
    _one(spark, "t timestamp", TIMESTAMPS[:3]).show(truncate=5)


@case(conf=LA)
def show_timestamps_vertical_los_angeles(spark):
    _one(spark, "t timestamp", TIMESTAMPS[:3]).show(vertical=True)


@case
def show_floats_vertical(spark):
    spark.createDataFrame([(1.5, -0.0, float("nan"), float("inf"), 1e-5, 1e7)], "a float, b double, c double, d float, e double, f float").show(vertical=True)


@case
def show_long_header(spark):
    return spark.createDataFrame([(1, "x")], "a_very_long_column_name_over_twenty int, `日本` string")


@case
def show_long_header_truncate_5(spark):
    spark.createDataFrame([(1, "xyz")], "a_very_long_column_name int, `日本語日本` string").show(truncate=5)


@case
def show_long_header_vertical(spark):
    spark.createDataFrame([(1, None)], "a_very_long_column_name int, b string").show(vertical=True)


@case
def show_empty_dataframe_all_types(spark):
    spark.createDataFrame([], ALL_DDL).show()


@case
def show_empty_dataframe_vertical(spark):
    spark.createDataFrame([], "a int, b string").show(vertical=True)


@case
def show_no_columns(spark):
    spark.range(2).select().show()


# ---------------------------------------------------------------- show of computed values

@case
def show_decimal_arithmetic(spark):
    df = _one(spark, "d decimal(5,2)", [D("1.25"), D("-3.10"), None])
    return df.select(F.col("d") + 1, F.col("d") * F.col("d"), F.col("d") / 3, F.col("d").cast("decimal(10,4)"),
                     F.col("d") + F.lit(D("0.001")))


@case
def show_literals_of_every_type(spark):
    return spark.range(1).select(F.lit(None), F.lit(True), F.lit(1), F.lit(2 ** 40), F.lit(1.5), F.lit(float("nan")),
                                 F.lit(D("1.50")), F.lit("it's"), F.lit(bytearray(b"ab")), F.lit(datetime.date(2024, 1, 2)))


@case(conf=LA)
def show_timestamp_literal_los_angeles(spark):
    return spark.range(1).select(F.lit(DT(2024, 1, 2, 3, 4, 5)))


@case
def show_cast_results(spark):
    df = spark.createDataFrame([(1, 1.5, "2024-01-02")], "i int, d double, s string")
    return df.select(F.col("i").cast("tinyint"), F.col("i").cast("decimal(10,2)"), F.col("d").cast("float"),
                     F.col("s").cast("date"), F.col("i").cast("boolean"), F.col("s").cast("binary"))


@case(conf={"spark.sql.ansi.enabled": "false"})
def show_nested_field_access(spark):
    df = _nested(spark)
    return df.select(F.col("a")[0], F.col("m")["a"], F.col("s.x"), F.col("s").getField("z"), F.col("s.z")[0])


@case(conf=UTC)
def show_timestamp_zone_fixed_when_dataframe_is_built(spark):
    # The string is read as a UTC time when the DataFrame is defined; showing it later in
    # another zone converts that instant, it does not re-read the string in the new zone.
    df = _one(spark, "s string", ["2024-01-02 03:04:05"]).select(F.col("s").cast("timestamp").alias("t"))
    spark.conf.set("spark.sql.session.timeZone", "America/Los_Angeles")
    df.show()
