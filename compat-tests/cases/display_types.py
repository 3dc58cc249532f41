"""Issue 16, type by type: how schemas, types, rows, DataFrames and Columns
print -- printSchema / treeString (with level), simpleString, dtypes, and the
repr/str of DataType, StructField, StructType, Row, DataFrame and Column."""

import datetime
import decimal

from harness import case
from pyspark.sql import functions as F
from pyspark.sql.types import (
    ArrayType, BinaryType, BooleanType, ByteType, CharType, DateType, DecimalType, DoubleType, FloatType,
    IntegerType, LongType, MapType, NullType, Row, ShortType, StringType, StructField, StructType,
    TimestampNTZType, TimestampType, VarcharType,
)

D = decimal.Decimal
UTC = {"spark.sql.session.timeZone": "UTC"}

ALL_DDL = ("n void, bo boolean, t tinyint, s smallint, i int, l bigint, f float, d double, "
           "d10 decimal(10,0), d38 decimal(38,18), d52 decimal(5,2), st string, bi binary, "
           "da date, ts timestamp, tn timestamp_ntz, a array<int>, aa array<array<string>>, "
           "m map<string,int>, sr struct<x:int,y:struct<z:decimal(5,2)>>")
ALL_ROW = (None, True, 1, 2, 3, 4, 1.5, 2.25, D("10"), D("1.5"), D("-3.14"), "hello", bytearray(b"abc"),
           datetime.date(2024, 1, 2), datetime.datetime(2024, 1, 2, 3, 4, 5, 123456), datetime.datetime(2024, 1, 2, 3, 4, 5),
           [1, None, 3], [["a", "b"], None, []], {"k": 1}, (1, (D("2.50"),)))


def _all(spark):
    return spark.createDataFrame([ALL_ROW, tuple([None] * len(ALL_ROW))], ALL_DDL)


DEC_DDL = ("a decimal(10,0), b decimal(38,18), c decimal(5,2), d decimal, e decimal(1,0), "
           "f decimal(38,0), g decimal(18,9), h decimal(38,38)")


def _decimals(spark):
    return spark.createDataFrame([(D(1), D("1.5"), D("1.25"), D(7), D(1), D(2), D("0.5"), D("0.1"))], DEC_DDL)


NESTED_DEC_DDL = ("a array<decimal(10,2)>, m map<string,decimal(38,18)>, s struct<d:decimal(5,2),e:decimal(10,0)>, "
                  "as array<struct<d:decimal(7,3)>>, md map<decimal(4,1),array<decimal(12,6)>>")


def _nested_decimals(spark):
    return spark.createDataFrame([([D("1.5")], {"k": D("2")}, (D("1.25"), D(3)), [(D("0.5"),)], {D("1.5"): [D("2.25")]})],
                                 NESTED_DEC_DDL)


DEEP_DDL = ("id int, s struct<a:int,b:struct<c:string,d:struct<e:double,f:array<struct<g:decimal(6,2)>>>>>, "
            "m map<string,struct<x:array<int>,y:map<int,string>>>, aa array<array<array<bigint>>>")


def _deep(spark):
    return spark.createDataFrame(
        [(1, (1, ("c", (1.5, [(D("1.25"),)]))), {"k": ([1], {1: "v"})}, [[[1, 2]], [[3]]])], DEEP_DDL)


def _not_null_schema():
    return StructType([
        StructField("id", LongType(), False),
        StructField("arr", ArrayType(IntegerType(), False), False),
        StructField("arr_n", ArrayType(StringType(), True), True),
        StructField("m", MapType(StringType(), DecimalType(10, 2), False), True),
        StructField("s", StructType([StructField("x", DecimalType(38, 18), False),
                                     StructField("y", ArrayType(ArrayType(DateType(), False), True), True)]), False),
    ])


def _not_null(spark):
    return spark.createDataFrame([(1, [1, 2], ["a", None], {"k": D("1.50")}, (D("1"), [[datetime.date(2024, 1, 1)]]))],
                                 _not_null_schema())


def _char_schema():
    return StructType([StructField("c", CharType(3)), StructField("v", VarcharType(10), False),
                       StructField("s", StructType([StructField("cc", CharType(1))])),
                       StructField("a", ArrayType(VarcharType(5)))])


# ---------------------------------------------------------------- printSchema

@case
def print_schema_all_types(spark):
    _all(spark).printSchema()


@case
def print_schema_decimals(spark):
    _decimals(spark).printSchema()


@case
def print_schema_nested_decimals(spark):
    _nested_decimals(spark).printSchema()


@case
def print_schema_deep_nesting(spark):
    _deep(spark).printSchema()


@case
def print_schema_level_1(spark):
    _deep(spark).printSchema(1)


@case
def print_schema_level_2(spark):
    _deep(spark).printSchema(2)


@case
def print_schema_level_3(spark):
    _deep(spark).printSchema(level=3)


@case
def print_schema_level_0(spark):
    _deep(spark).printSchema(0)


@case
def print_schema_level_negative(spark):
    _deep(spark).printSchema(-1)


@case
def print_schema_level_large(spark):
    _deep(spark).printSchema(100)


@case
def print_schema_nested_decimals_level_1(spark):
    _nested_decimals(spark).printSchema(1)


@case
def print_schema_not_nullable(spark):
    _not_null(spark).printSchema()


@case
def print_schema_void_binary_times(spark):
    spark.createDataFrame([(None, bytearray(b"a"), datetime.date(2024, 1, 1), datetime.datetime(2024, 1, 1),
                            datetime.datetime(2024, 1, 1))], "v void, b binary, d date, t timestamp, n timestamp_ntz").printSchema()


@case
def print_schema_special_names(spark):
    spark.createDataFrame([(1, 2, 3, (4,))], "`a.b` int, `with space` int, `x-y` int, `s.t` struct<`c d`:int>").printSchema()


@case
def print_schema_of_expressions(spark):
    df = spark.createDataFrame([(D("1.25"), 3, 1.5, "x")], "d decimal(5,2), i int, f double, s string")
    df.select((F.col("d") + 1).alias("dp1"), (F.col("d") * F.col("d")).alias("dd"), F.col("d").cast("decimal(20,4)").alias("c"),
              F.lit(D("1.50")).alias("lit_dec"), (F.col("i") / 2).alias("div"), F.lit(None).alias("nul"),
              F.lit(1).alias("one"), F.col("s").isNull().alias("isn"), F.col("f").alias("f")).printSchema()


@case
def print_schema_literals(spark):
    spark.range(1).select(F.lit(1).alias("i"), F.lit(2 ** 40).alias("l"), F.lit(1.5).alias("d"), F.lit("s").alias("s"),
                          F.lit(True).alias("b"), F.lit(None).alias("n"), F.lit(D("1.50")).alias("dec"),
                          F.lit(D("12345678901234567890.5")).alias("bigdec"), F.lit(bytearray(b"ab")).alias("bin"),
                          F.lit(datetime.date(2024, 1, 2)).alias("dt"),
                          F.lit(datetime.datetime(2024, 1, 2, 3, 4, 5)).alias("ts")).printSchema()


@case
def print_schema_empty_dataframe(spark):
    spark.createDataFrame([], "a int, b decimal(12,4)").printSchema()


@case
def print_schema_range(spark):
    spark.range(3).printSchema()


@case
def print_schema_aggregates(spark):
    df = spark.createDataFrame([("a", D("1.25"), 1, 1.5)], "k string, d decimal(5,2), i int, f float")
    df.groupBy("k").agg(F.sum("d").alias("sd"), F.avg("d").alias("ad"), F.sum("i").alias("si"), F.avg("i").alias("ai"),
                        F.count("d").alias("c"), F.max("f").alias("mf"), F.min("d").alias("md")).printSchema()


# ---------------------------------------------------------------- treeString

@case
def tree_string_all_types(spark):
    return _all(spark).schema.treeString()


@case
def tree_string_decimals(spark):
    return _decimals(spark).schema.treeString()


@case
def tree_string_nested_decimals(spark):
    return _nested_decimals(spark).schema.treeString()


@case
def tree_string_levels(spark):
    s = _deep(spark).schema
    return [s.treeString(1), s.treeString(2), s.treeString(3), s.treeString(4)]


@case
def tree_string_level_zero_and_negative(spark):
    s = _deep(spark).schema
    return [s.treeString(0), s.treeString(-1)]


@case
def tree_string_not_nullable(spark):
    return _not_null_schema().treeString()


@case
def tree_string_python_built_types(spark):
    s = StructType([StructField("a", DecimalType(38, 18)), StructField("b", DecimalType(10, 0), False),
                    StructField("c", DecimalType()), StructField("d", ArrayType(DecimalType(7, 2), False)),
                    StructField("e", MapType(IntegerType(), StructType([StructField("f", DecimalType(3, 1))]), True)),
                    StructField("n", NullType()), StructField("t", ByteType()), StructField("sh", ShortType()),
                    StructField("fl", FloatType()), StructField("tz", TimestampNTZType())])
    return s.treeString()


@case
def tree_string_char_varchar(spark):
    return _char_schema().treeString()


@case
def tree_string_empty_struct(spark):
    return [StructType().treeString(), StructType([StructField("s", StructType())]).treeString()]


# ---------------------------------------------------------------- simpleString and dtypes

@case
def simple_string_all_types(spark):
    return _all(spark).schema.simpleString()


@case
def simple_string_decimals(spark):
    return [_decimals(spark).schema.simpleString(), _nested_decimals(spark).schema.simpleString()]


@case
def simple_string_deep(spark):
    return _deep(spark).schema.simpleString()


@case
def simple_string_not_nullable(spark):
    return _not_null_schema().simpleString()


@case
def simple_string_char_varchar(spark):
    s = _char_schema()
    return [s.simpleString(), [f.dataType.simpleString() for f in s.fields]]


@case
def simple_string_field_types(spark):
    return [f.dataType.simpleString() for f in _all(spark).schema.fields]


@case
def dtypes_all_types(spark):
    return _all(spark).dtypes


@case
def dtypes_decimals(spark):
    return _decimals(spark).dtypes + _nested_decimals(spark).dtypes


@case
def dtypes_deep(spark):
    return _deep(spark).dtypes


@case
def dtypes_not_nullable(spark):
    return _not_null(spark).dtypes


@case
def columns_and_field_names(spark):
    df = _all(spark)
    return [df.columns, df.schema.fieldNames(), df.schema.names]


# ---------------------------------------------------------------- DataType / StructField / StructType reprs

@case
def repr_schema_all_types(spark):
    return repr(_all(spark).schema)


@case
def repr_schema_decimals(spark):
    return [repr(_decimals(spark).schema), repr(_nested_decimals(spark).schema)]


@case
def repr_schema_deep(spark):
    return repr(_deep(spark).schema)


@case
def repr_schema_not_nullable(spark):
    return repr(_not_null(spark).schema)


@case
def repr_field_types(spark):
    return [repr(f.dataType) for f in _all(spark).schema.fields]


@case
def repr_struct_fields(spark):
    return [repr(f) for f in _all(spark).schema.fields]


@case
def str_struct_fields(spark):
    return [str(f) for f in _all(spark).schema.fields]


@case
def str_data_types(spark):
    return [str(f.dataType) for f in _all(spark).schema.fields]


@case
def str_schema(spark):
    return str(_nested_decimals(spark).schema)


@case
def repr_decimal_types(spark):
    return [repr(DecimalType()), repr(DecimalType(10, 0)), repr(DecimalType(38, 18)), repr(DecimalType(5, 2)),
            repr(DecimalType(1, 0)), repr(DecimalType(38, 38)), str(DecimalType(7, 3)), DecimalType(7, 3).simpleString(),
            DecimalType(7, 3).typeName(), DecimalType(7, 3).jsonValue()]


@case
def repr_nested_types(spark):
    return [repr(ArrayType(DecimalType(38, 18), False)), repr(ArrayType(ArrayType(IntegerType(), False))),
            repr(MapType(StringType(), DecimalType(10, 0))), repr(MapType(DateType(), ArrayType(TimestampType()), False)),
            repr(StructType([StructField("d", DecimalType(5, 2), False), StructField("b", BinaryType())])),
            repr(ArrayType(StructType([StructField("x", DoubleType())]))),
            repr(MapType(StringType(), StructType([StructField("y", ArrayType(DecimalType(4, 1)))])))]


@case
def simple_string_nested_types(spark):
    return [ArrayType(DecimalType(38, 18), False).simpleString(), ArrayType(ArrayType(IntegerType(), False)).simpleString(),
            MapType(StringType(), DecimalType(10, 0)).simpleString(),
            MapType(DateType(), ArrayType(TimestampType()), False).simpleString(),
            StructType([StructField("d", DecimalType(5, 2), False), StructField("b", BinaryType())]).simpleString(),
            StructType([StructField("x", TimestampNTZType()), StructField("c", CharType(2))]).simpleString()]


@case
def repr_struct_field_variants(spark):
    return [repr(StructField("a", DecimalType(38, 18), False)), repr(StructField("b", ArrayType(BooleanType()))),
            repr(StructField("with space", StringType())), repr(StructField("q'uote", LongType())),
            str(StructField("m", MapType(StringType(), FloatType()))), repr(StructField("c", CharType(3))),
            repr(StructField("v", VarcharType(4), False))]


@case
def repr_char_varchar_schema(spark):
    s = _char_schema()
    return [repr(s), str(s), [repr(f.dataType) for f in s.fields]]


@case
def json_nested_decimal_schema(spark):
    return _nested_decimals(spark).schema.json()


@case
def type_names_complex(spark):
    return [ArrayType(IntegerType()).typeName(), MapType(StringType(), IntegerType()).typeName(), StructType().typeName(),
            DecimalType(5, 2).typeName(), TimestampNTZType().typeName(), NullType().typeName(), CharType(3).simpleString()]


@case
def schema_of_cast_expressions(spark):
    df = spark.createDataFrame([(1,)], "i int")
    return [repr(f.dataType) for f in df.select(
        F.col("i").cast("tinyint"), F.col("i").cast("smallint"), F.col("i").cast("bigint"), F.col("i").cast("float"),
        F.col("i").cast("double"), F.col("i").cast("decimal(10,0)"), F.col("i").cast("decimal(38,18)"),
        F.col("i").cast("decimal"), F.col("i").cast("string"), F.col("i").cast("boolean"),
        F.col("i").cast(DecimalType(7, 3)), F.col("i").cast("string").cast("timestamp"),
    ).schema.fields]


# ---------------------------------------------------------------- Row reprs

@case
def repr_row_basic(spark):
    return [repr(Row(a=1, b="x")), repr(Row(a=None)), repr(Row(1, "two", None)), str(Row(a=1, b=None))]


@case
def repr_row_floats(spark):
    return [repr(Row(a=1.0, b=-0.0, c=float("nan"), d=float("inf"), e=float("-inf"))), repr(Row(a=1e-5, b=1e7, c=1e20, d=0.1))]


@case
def repr_row_decimals(spark):
    return [repr(Row(a=D("1.50"), b=D("0E-18"), c=D("-1E+3"), d=D("12345678901234567890.123456789012345678")))]


@case
def repr_row_dates_and_bytes(spark):
    return [repr(Row(d=datetime.date(2024, 1, 2), t=datetime.datetime(2024, 1, 2, 3, 4, 5, 6),
                     b=bytearray(b"\x00\xffab"), y=b"xy"))]


@case
def repr_row_nested(spark):
    return [repr(Row(a=Row(b=Row(c=1, d=None)), e=[Row(f=1.5)], g={"k": Row(h=D("1.0"))})),
            str(Row(x=[1, None], y={"a": None}))]


@case
def repr_row_class(spark):
    P = Row("name", "age")
    return [repr(P), repr(P("Al", 3)), repr(P("Al", None))]


@case
def repr_collected_all_types(spark):
    return [repr(r) for r in _all(spark).collect()]


@case
def repr_collected_decimals(spark):
    return [repr(r) for r in _decimals(spark).collect()] + [repr(r) for r in _nested_decimals(spark).collect()]


@case
def repr_collected_deep(spark):
    return [repr(r) for r in _deep(spark).collect()]


@case
def repr_collected_floats(spark):
    df = spark.createDataFrame([(-0.0, -0.0), (float("nan"), float("nan")), (float("inf"), float("-inf")), (1e-5, 1e7),
                                (0.1, 0.1), (3.4028235e38, 1.7976931348623157e308)], "f float, d double")
    return [repr(r) for r in df.collect()]


@case
def repr_collected_binary(spark):
    df = spark.createDataFrame([(bytearray(b"\x00\xffab"),), (bytearray(b""),), (None,)], "b binary")
    return [repr(r) for r in df.collect()]


@case
def str_collected_row(spark):
    return str(_all(spark).collect()[0])


@case
def row_as_dict_all_types(spark):
    return repr(_all(spark).collect()[0].asDict(recursive=True))


# ---------------------------------------------------------------- DataFrame reprs

@case
def repr_dataframe_all_types(spark):
    return repr(_all(spark))


@case
def repr_dataframe_decimals(spark):
    return [repr(_decimals(spark)), repr(_nested_decimals(spark))]


@case
def repr_dataframe_deep(spark):
    return repr(_deep(spark))


@case
def repr_dataframe_not_nullable(spark):
    return str(_not_null(spark))


@case
def repr_dataframe_expressions(spark):
    df = spark.createDataFrame([(D("1.25"), 3)], "d decimal(5,2), i int")
    return repr(df.select(F.col("d") + 1, F.col("i") * F.col("d"), F.col("i").cast("string"), F.lit(None), F.lit(D("1.50")),
                          F.col("i") > 1, (F.col("i") / 2).alias("half")))


@case
def repr_dataframe_special_names(spark):
    return repr(spark.createDataFrame([(1, 2)], "`a.b` int, `with space` int"))


@case
def repr_dataframe_empty_columns(spark):
    return [repr(spark.range(2)), repr(spark.range(2).select())]


# ---------------------------------------------------------------- Column reprs: literals

@case
def column_repr_lit_ints(spark):
    return [repr(F.lit(0)), repr(F.lit(1)), repr(F.lit(-7)), repr(F.lit(2147483647)), repr(F.lit(2147483648)),
            repr(F.lit(-2147483649)), repr(F.lit(2 ** 40)), repr(F.lit(-9223372036854775808))]


@case
def column_repr_lit_floats(spark):
    return [repr(F.lit(1.5)), repr(F.lit(0.0)), repr(F.lit(-0.0)), repr(F.lit(0.1)), repr(F.lit(1e-5)), repr(F.lit(1e7)),
            repr(F.lit(1e20)), repr(F.lit(123456789.125)), repr(F.lit(1.0))]


@case
def column_repr_lit_special_floats(spark):
    return [repr(F.lit(float("nan"))), repr(F.lit(float("inf"))), repr(F.lit(float("-inf")))]


@case
def column_repr_lit_decimals(spark):
    return [repr(F.lit(D("1.50"))), repr(F.lit(D("1"))), repr(F.lit(D("-0.001"))), repr(F.lit(D("100"))),
            repr(F.lit(D("12345678901234567890.123456789"))), repr(F.lit(D("0.000")))]


@case
def column_repr_lit_decimal_exponent(spark):
    return [repr(F.lit(D("1E+3"))), repr(F.lit(D("1E-3")))]


@case
def column_repr_lit_strings(spark):
    return [repr(F.lit("abc")), repr(F.lit("")), repr(F.lit("it's")), repr(F.lit('say "hi"')), repr(F.lit("back\\slash")),
            repr(F.lit("new\nline")), repr(F.lit("ünï")), repr(F.lit("a,b"))]


@case(conf=UTC)
def column_repr_lit_dates(spark):
    return [repr(F.lit(datetime.date(2024, 1, 2))), repr(F.lit(datetime.date(1969, 12, 31))), repr(F.lit(datetime.date(9999, 12, 31)))]


@case(conf=UTC)
def column_repr_lit_datetimes(spark):
    return [repr(F.lit(datetime.datetime(2024, 1, 2, 3, 4, 5))), repr(F.lit(datetime.datetime(2024, 1, 2, 3, 4, 5, 120000))),
            repr(F.lit(datetime.datetime(1969, 12, 31, 23, 59, 59)))]


@case
def column_repr_lit_bools_and_none(spark):
    return [repr(F.lit(True)), repr(F.lit(False)), repr(F.lit(None))]


@case
def column_repr_lit_of_column(spark):
    return [repr(F.lit(F.col("a"))), repr(F.col("a")), repr(F.col("a.b")), repr(F.col("`x y`")), repr(F.column("c"))]


# ---------------------------------------------------------------- Column reprs: expressions

@case
def column_repr_arithmetic(spark):
    a, b = F.col("a"), F.col("b")
    return [repr(a + 1), repr(a - b), repr(a * 2.5), repr(a / b), repr(a % 3), repr(-a), repr(1 + a), repr(1 - a), repr(2 / a),
            repr((a + b) * (a - b))]


@case
def column_repr_arithmetic_decimal_literal(spark):
    a = F.col("a")
    return [repr(a + F.lit(D("1.50"))), repr(a * D("0.10")), repr(a - 2 ** 40), repr(a + float("nan"))]


@case
def column_repr_comparisons(spark):
    a = F.col("a")
    return [repr(a == 1), repr(a != 1), repr(a < 1), repr(a <= 1.5), repr(a > "x"), repr(a >= D("2.0")), repr(a.eqNullSafe(None)),
            repr(a == None), repr(a.between(1, 5))]  # noqa: E711


@case
def column_repr_logic(spark):
    a, b = F.col("a"), F.col("b")
    return [repr((a > 1) & (b < 2)), repr((a > 1) | ~(b < 2)), repr(~a), repr(a.isNull()), repr(a.isNotNull()),
            repr(F.isnull(a)), repr(F.isnan(a))]


@case
def column_repr_casts(spark):
    a = F.col("a")
    return [repr(a.cast("int")), repr(a.cast("tinyint")), repr(a.cast("smallint")), repr(a.cast("bigint")),
            repr(a.cast("float")), repr(a.cast("double")), repr(a.cast("decimal(10,2)")), repr(a.cast("decimal")),
            repr(a.cast("string")), repr(a.cast("binary")), repr(a.cast("boolean")), repr(a.cast("date")),
            repr(a.cast("timestamp")), repr(a.cast("timestamp_ntz"))]


@case
def column_repr_casts_datatype_objects(spark):
    a = F.col("a")
    return [repr(a.cast(DecimalType(38, 18))), repr(a.cast(StringType())), repr(a.cast(LongType())),
            repr(a.astype("double")), repr(a.try_cast("int"))]


@case
def column_repr_casts_complex(spark):
    a = F.col("a")
    return [repr(a.cast("array<int>")), repr(a.cast("map<string,int>")), repr(a.cast("struct<x:int,y:string>")),
            repr(a.cast(ArrayType(DecimalType(5, 2))))]


@case
def column_repr_when_otherwise(spark):
    a = F.col("a")
    return [repr(F.when(a > 1, "big")), repr(F.when(a > 1, "big").otherwise("small")),
            repr(F.when(a > 1, 1).when(a < 0, -1).otherwise(0)), repr(F.when(a.isNull(), F.lit(None)).otherwise(a))]


@case
def column_repr_alias(spark):
    a = F.col("a")
    return [repr(a.alias("b")), repr((a + 1).alias("b")), repr(a.name("c")), repr(F.lit(1).alias("one")),
            repr(a.alias("with space")), repr(F.sum(a).alias("total"))]


@case
def column_repr_isin(spark):
    a = F.col("a")
    return [repr(a.isin(1, 2, 3)), repr(a.isin([1, 2])), repr(a.isin("x", "y")), repr(a.isin()), repr(a.isin(D("1.5"), 2.5))]


@case
def column_repr_string_methods(spark):
    a = F.col("a")
    return [repr(a.like("x%")), repr(a.rlike("^x")), repr(a.startswith("x")), repr(a.endswith("y")), repr(a.contains("z")),
            repr(a.substr(1, 2))]


@case
def column_repr_nested_access(spark):
    a = F.col("a")
    return [repr(a.getItem(0)), repr(a.getItem("k")), repr(a.getField("f")), repr(a["k"]), repr(a[0]), repr(a.f)]


@case
def column_repr_sort(spark):
    a = F.col("a")
    return [repr(a.asc()), repr(a.desc()), repr(a.asc_nulls_last()), repr(a.desc_nulls_first()), repr(F.asc("a")),
            repr(F.desc("b"))]


@case
def column_repr_aggregates(spark):
    return [repr(F.sum("a")), repr(F.avg("a")), repr(F.mean("a")), repr(F.min("a")), repr(F.max("a")), repr(F.count("a")),
            repr(F.count("*")), repr(F.countDistinct("a", "b")), repr(F.sum_distinct(F.col("a"))), repr(F.first("a")),
            repr(F.last("a")), repr(F.stddev("a"))]


@case
def column_repr_string_functions(spark):
    return [repr(F.upper("a")), repr(F.lower(F.col("a"))), repr(F.length("a")), repr(F.trim("a")), repr(F.ltrim("a")),
            repr(F.rtrim("a")), repr(F.concat("a", "b")), repr(F.concat_ws("-", "a", "b")), repr(F.substring("a", 1, 3))]


@case
def column_repr_math_functions(spark):
    return [repr(F.abs("a")), repr(F.round("a")), repr(F.round("a", 2)), repr(F.bround("a", 1)), repr(F.sqrt("a")),
            repr(F.coalesce("a", F.lit(0)))]


@case
def column_repr_date_functions(spark):
    return [repr(F.year("d")), repr(F.month("d")), repr(F.quarter("d")), repr(F.dayofmonth("d")), repr(F.dayofweek("d")),
            repr(F.dayofyear("d")), repr(F.to_date("s")), repr(F.date_add("d", 3)),
            repr(F.date_sub("d", 1)), repr(F.datediff("d", "e"))]


@case
def column_repr_to_date_with_format(spark):
    return repr(F.to_date("s", "yyyy-MM-dd"))


@case
def column_repr_nested_expressions(spark):
    a, b = F.col("a"), F.col("b")
    return [repr(F.upper(F.concat(a, F.lit("-"), b.cast("string")))),
            repr(F.when((a + 1) * 2 > F.abs(b), F.round(a / b, 2)).otherwise(F.lit(D("0.00")))),
            repr(F.sum(a * b).alias("s")), repr(F.coalesce(a.cast("decimal(10,2)"), F.lit(D("1.50")))),
            repr(~(a.isin(1, 2) | b.isNull()))]


@case
def column_repr_expr_strings(spark):
    return [repr(F.expr("a + 1")), repr(F.expr("CAST(a AS DECIMAL(10,2))")), repr(F.expr("count(*)"))]


@case
def column_repr_literal_operands(spark):
    a = F.col("a")
    return [repr(a + True), repr(a == "it's"), repr(a == datetime.date(2024, 1, 2)),
            repr(a + 2 ** 40), repr(a * 1e-5)]
