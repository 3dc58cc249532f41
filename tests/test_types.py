"""The pyspark.sql.types API: reprs, text forms, JSON and DDL."""

import json

import pytest

from pyrust.sql.types import (
    ArrayType, DecimalType, IntegerType, LongType, MapType, Row, StringType, StructField, StructType,
)


def test_reprs_and_simple_strings():
    s = StructType([StructField("id", LongType(), False), StructField("tags", ArrayType(StringType()))])
    assert repr(s) == "StructType([StructField('id', LongType(), False), StructField('tags', ArrayType(StringType(), True), True)])"
    assert s.simpleString() == "struct<id:bigint,tags:array<string>>"
    assert MapType(StringType(), IntegerType()).simpleString() == "map<string,int>"
    assert repr(DecimalType(10, 2)) == "DecimalType(10,2)"


def test_json_round_trip():
    s = StructType([StructField("m", MapType(StringType(), DecimalType(5, 1), False))])
    assert StructType.fromJson(json.loads(s.json())) == s


def test_from_ddl():
    s = StructType.fromDDL("a int, b array<string> not null")
    assert s.fieldNames() == ["a", "b"]
    assert s["b"].nullable is False
    assert s["b"].dataType == ArrayType(StringType())


def test_add_and_access():
    s = StructType().add("x", "int").add(StructField("y", StringType()))
    assert s.names == ["x", "y"]
    assert s[0].dataType == IntegerType()
    assert len(s) == 2


def test_struct_field_checks_types():
    with pytest.raises(AssertionError):
        StructField("a", "int")  # type: ignore[arg-type]


def test_row_semantics():
    r = Row(name="Alice", age=3)
    assert r == ("Alice", 3)
    assert r.name == "Alice" and r["age"] == 3 and r[0] == "Alice"
    assert r.asDict() == {"name": "Alice", "age": 3}
    assert repr(r) == "Row(name='Alice', age=3)"
    assert "name" in r
    Person = Row("name", "age")
    assert Person("Bob", 5).asDict() == {"name": "Bob", "age": 5}
    assert repr(Row(1, "x")) == "<Row(1, 'x')>"
