"""DataFrame.to(schema) with structs inside arrays and maps (Spark's
`Project.reconcileColumnType`: `ArrayTransform` over the elements, `MapFromArrays` of the
transformed keys and values), each struct reordered, filled and up-cast by name."""

from harness import case
from pyspark.sql.types import (
    ArrayType, DoubleType, IntegerType, LongType, MapType, StringType, StructField, StructType,
)


def _df(spark):
    return spark.createDataFrame(
        [
            ([(1, "a"), (2, None)], {"k": (3, "c")}, [[(4, "d")]]),
            ([None, (5, "e")], {"n": None}, [[], None]),
            ([], {}, []),
            (None, None, None),
        ],
        "arr array<struct<p:int, q:string>>, m map<string, struct<p:int, q:string>>, nested array<array<struct<p:int, q:string>>>",
    )


def _item(*fields):
    return StructType(list(fields))


@case
def to_array_of_structs_reordered_and_upcast(spark):
    item = _item(StructField("q", StringType()), StructField("p", LongType()))
    return _df(spark).to(StructType([StructField("arr", ArrayType(item))]))


@case
def to_array_of_structs_with_a_missing_nullable_field(spark):
    item = _item(StructField("p", DoubleType()), StructField("extra", StringType()))
    return _df(spark).to(StructType([StructField("arr", ArrayType(item))]))


@case
def to_array_of_structs_missing_non_nullable_field(spark):
    item = _item(StructField("p", IntegerType()), StructField("extra", StringType(), False))
    return _df(spark).to(StructType([StructField("arr", ArrayType(item))]))


@case
def to_array_of_structs_field_type_refused(spark):
    item = _item(StructField("q", IntegerType()))
    return _df(spark).to(StructType([StructField("arr", ArrayType(item))]))


@case
def to_array_of_structs_non_nullable_field_from_nullable(spark):
    item = _item(StructField("p", IntegerType(), False))
    return _df(spark).to(StructType([StructField("arr", ArrayType(item))]))


@case
def to_map_of_structs(spark):
    value = _item(StructField("q", StringType()), StructField("p", LongType()))
    return _df(spark).to(StructType([StructField("m", MapType(StringType(), value))]))


@case
def to_nested_arrays_of_structs(spark):
    item = _item(StructField("q", StringType()))
    return _df(spark).to(StructType([StructField("nested", ArrayType(ArrayType(item)))]))


@case
def to_array_of_structs_then_schema_and_show(spark):
    item = _item(StructField("q", StringType()), StructField("p", LongType()), StructField("r", DoubleType()))
    return _df(spark).to(StructType([StructField("arr", ArrayType(item)), StructField("m", MapType(StringType(), item))]))
