"""DataFrame.to(schema): reorder by name, up-cast by store assignment, NULL for
missing nullable columns, nested struct reordering, Spark's errors."""

from harness import case
from pyspark.sql import functions as F
from pyspark.sql.types import (
    ArrayType, BooleanType, DateType, DecimalType, DoubleType, IntegerType, LongType, MapType, ShortType, StringType,
    StructField, StructType, TimestampType, ByteType,
)


def _df(spark):
    return spark.createDataFrame(
        [(1, "x", (1, 2), [1, None], {"k": 1}), (None, None, None, None, None), (-2147483648, "é🎉", (None, -1), [], {})],
        "a int, B string, s struct<p:int, q:int>, arr array<int>, m map<string,int>",
    )


def _schema(*fields):
    return StructType(list(fields))


@case
def to_reorders_and_renames_by_schema(spark):
    return _df(spark).to(_schema(StructField("b", StringType()), StructField("A", LongType())))


@case
def to_upcasts_int_to_string_and_decimal(spark):
    return _df(spark).to(_schema(StructField("a", StringType()), StructField("s", StructType([StructField("p", DecimalType(12, 2))]))))


@case
def to_narrowing_numeric_store_assign(spark):
    return _df(spark).to(_schema(StructField("a", ShortType())))


@case(conf={"spark.sql.ansi.enabled": "false"})
def to_narrowing_numeric_legacy(spark):
    return _df(spark).to(_schema(StructField("a", ByteType())))


@case
def to_narrowing_numeric_overflow_ansi(spark):
    return _df(spark).to(_schema(StructField("a", ByteType())))


@case
def to_missing_nullable_column_is_null(spark):
    return _df(spark).to(_schema(StructField("zz", StringType()), StructField("a", IntegerType())))


@case
def to_missing_non_nullable_column(spark):
    return _df(spark).to(_schema(StructField("zz", StringType(), False)))


@case
def to_nullable_to_non_nullable(spark):
    return _df(spark).to(_schema(StructField("a", IntegerType(), False)))


@case
def to_non_nullable_input_kept(spark):
    return spark.range(3).to(_schema(StructField("id", LongType(), False), StructField("x", DoubleType())))


@case
def to_nested_struct_reordered(spark):
    return _df(spark).to(_schema(StructField("s", StructType([StructField("q", LongType()), StructField("P", IntegerType())]))))


@case
def to_nested_struct_missing_nullable_field(spark):
    return _df(spark).to(_schema(StructField("s", StructType([StructField("zz", LongType()), StructField("p", IntegerType())]))))


@case
def to_nested_struct_missing_non_nullable_field(spark):
    return _df(spark).to(_schema(StructField("s", StructType([StructField("zz", LongType(), False)]))))


@case
def to_array_element_upcast(spark):
    return _df(spark).to(_schema(StructField("arr", ArrayType(LongType()))))


@case
def to_array_contains_null_violation(spark):
    return _df(spark).to(_schema(StructField("arr", ArrayType(LongType(), False))))


@case
def to_map_value_upcast(spark):
    return _df(spark).to(_schema(StructField("m", MapType(StringType(), DoubleType()))))


@case
def to_map_value_contains_null_violation(spark):
    return _df(spark).to(_schema(StructField("m", MapType(StringType(), DoubleType(), False))))


@case
def to_string_to_date_refused(spark):
    return _df(spark).to(_schema(StructField("B", DateType())))


@case
def to_int_to_boolean_refused(spark):
    return _df(spark).to(_schema(StructField("a", BooleanType())))


@case
def to_struct_to_string_refused(spark):
    return _df(spark).to(_schema(StructField("s", StringType())))


@case
def to_same_column_twice(spark):
    return _df(spark).to(_schema(StructField("a", DoubleType()), StructField("a", LongType())))


@case
def to_empty_schema(spark):
    return _df(spark).to(StructType([]))


@case
def to_ambiguous_column(spark):
    return _df(spark).select("a", F.col("a").alias("A")).to(_schema(StructField("a", LongType())))


@case(conf={"spark.sql.caseSensitive": "true"})
def to_case_sensitive(spark):
    return _df(spark).select("a", F.col("a").alias("A")).to(_schema(StructField("A", LongType()), StructField("b", StringType())))


@case
def to_date_to_timestamp(spark):
    df = spark.createDataFrame([(1,)], "x int").select(F.lit("2024-02-29").cast("date").alias("d"))
    return df.to(_schema(StructField("d", TimestampType()), StructField("D2", StringType())))


@case
def to_empty_frame(spark):
    return _df(spark).limit(0).to(_schema(StructField("arr", ArrayType(LongType())), StructField("a", StringType())))


@case
def to_then_filter_and_select(spark):
    return _df(spark).to(_schema(StructField("A", LongType()), StructField("B", StringType()))).filter(F.col("A") > 0).select("B")
