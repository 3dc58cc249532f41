"""The pyspark.sql.types API itself: reprs, names, JSON and DDL round trips."""

from harness import case
from pyspark.sql.types import (
    ArrayType, BinaryType, BooleanType, ByteType, CalendarIntervalType, CharType, DataType, DateType,
    DayTimeIntervalType, DecimalType, DoubleType, FloatType, IntegerType, LongType, MapType, NullType, Row,
    ShortType, StringType, StructField, StructType, TimestampNTZType, TimestampType, VarcharType,
    YearMonthIntervalType,
)

ATOMIC = [NullType(), StringType(), BinaryType(), BooleanType(), DateType(), TimestampType(), TimestampNTZType(),
          DecimalType(), DecimalType(12, 3), DoubleType(), FloatType(), ByteType(), ShortType(), IntegerType(), LongType(),
          CharType(4), VarcharType(9), DayTimeIntervalType(), DayTimeIntervalType(1, 3), YearMonthIntervalType(),
          YearMonthIntervalType(1, 1), CalendarIntervalType()]


@case
def atomic_reprs(spark):
    return [repr(t) for t in ATOMIC]


@case
def atomic_simple_strings(spark):
    return [t.simpleString() for t in ATOMIC]


@case
def atomic_json(spark):
    return [t.json() for t in ATOMIC]


@case
def type_names(spark):
    return [t.typeName() for t in ATOMIC if not isinstance(t, (CharType, VarcharType))]


@case
def nested_types(spark):
    s = StructType([StructField("a", ArrayType(MapType(StringType(), LongType(), False)), True),
                    StructField("b", StructType([StructField("c", DecimalType(5, 2), False)]))])
    return [repr(s), s.simpleString(), s.json(), s.fieldNames(), repr(s["a"]), repr(s[1]), len(s)]


@case
def json_round_trip(spark):
    import json

    s = StructType.fromDDL("a int, b array<string>, c map<string, double>, d struct<x: date>")
    return [StructType.fromJson(json.loads(s.json())) == s, repr(s)]


@case
def from_ddl_variants(spark):
    return [repr(StructType.fromDDL("a INT, b STRING NOT NULL")), repr(StructType.fromDDL("x bigint")),
            repr(StructType.fromDDL("struct<a:int,b:string>"))]


@case
def struct_add(spark):
    s = StructType().add("a", IntegerType()).add("b", "string", False).add(StructField("c", DoubleType()))
    return [repr(s), s.names]


@case
def equality_and_hash(spark):
    return [IntegerType() == IntegerType(), DecimalType(5, 2) == DecimalType(5, 2), DecimalType(5, 2) == DecimalType(5, 3),
            ArrayType(IntegerType()) == ArrayType(IntegerType(), False), hash(LongType()) == hash(LongType())]


@case
def row_api(spark):
    r = Row(a=1, b="x")
    person = Row("name", "age")
    p = person("Al", 3)
    return [repr(r), r.asDict(), repr(p), p.name, "name" in p, r == (1, "x"), repr(Row(1, 2)),
            Row(x=Row(y=1)).asDict(recursive=True)]


@case
def row_missing_field(spark):
    return Row(a=1).b


@case
def struct_field_bad_type(spark):
    return StructField("a", "int")


@case
def datatype_base_repr(spark):
    return [repr(DataType()), DataType.typeName()]
