"""SparkSession basics: createDataFrame in its many forms, range, conf."""

import datetime
import decimal

from harness import case
from pyspark.sql import Row
from pyspark.sql.types import (ArrayType, BooleanType, DateType, DecimalType, DoubleType, IntegerType, LongType,
                               MapType, StringType, StructField, StructType, TimestampType)


@case
def create_from_tuples_inferred(spark):
    return spark.createDataFrame([(1, "a", 1.5, True), (2, "b", None, False)])


@case
def create_with_column_names(spark):
    return spark.createDataFrame([(1, "a"), (2, "b")], ["id", "name"])


@case
def create_with_ddl_schema(spark):
    return spark.createDataFrame([(1, "a"), (2, None)], "id int, name string")


@case
def create_with_struct_type(spark):
    schema = StructType([StructField("id", LongType(), False), StructField("score", DoubleType(), True)])
    return spark.createDataFrame([(1, 2.5), (2, None)], schema)


@case
def create_from_dicts(spark):
    return spark.createDataFrame([{"b": "x", "a": 1}, {"a": 2, "b": "y"}])


@case
def create_from_rows(spark):
    return spark.createDataFrame([Row(name="Alice", age=3), Row(name="Bob", age=None)])


@case
def create_from_lists(spark):
    return spark.createDataFrame([[1, "a"], [2, "b"]], ["x", "y"])


@case
def create_infers_long_for_ints(spark):
    return spark.createDataFrame([(1,), (2**40,)], ["n"])


@case
def create_with_nulls_merged(spark):
    return spark.createDataFrame([(None, "a"), (1, None)], ["x", "y"])


@case
def create_all_null_column_fails(spark):
    return spark.createDataFrame([(None,), (None,)], ["x"])


@case
def create_empty_with_schema(spark):
    return spark.createDataFrame([], "a int, b string")


@case
def create_empty_without_schema_fails(spark):
    return spark.createDataFrame([])


@case
def create_dates_and_decimals(spark):
    return spark.createDataFrame(
        [(datetime.date(2024, 1, 31), decimal.Decimal("12.50")), (None, decimal.Decimal("-0.25"))],
        StructType([StructField("d", DateType()), StructField("m", DecimalType(10, 2))]))


@case
def create_inferred_date_decimal(spark):
    return spark.createDataFrame([(datetime.date(2020, 2, 29), decimal.Decimal("1.5"))], ["d", "m"])


@case
def create_timestamps(spark):
    return spark.createDataFrame([(datetime.datetime(2024, 5, 6, 7, 8, 9, 123000),), (None,)], ["ts"])


@case
def create_arrays_and_maps(spark):
    return spark.createDataFrame([([1, 2, None], {"a": 1}), ([], {})], ["arr", "m"])


@case
def create_nested_struct(spark):
    return spark.createDataFrame([(1, Row(x=1, y="a")), (2, None)], ["id", "s"])


@case
def create_array_schema(spark):
    schema = StructType([StructField("tags", ArrayType(StringType()), True)])
    return spark.createDataFrame([(["a", "b"],), (None,)], schema)


@case
def create_map_schema(spark):
    schema = StructType([StructField("m", MapType(StringType(), IntegerType()), True)])
    return spark.createDataFrame([({"k": 1},)], schema)


@case
def create_bool_and_binary(spark):
    return spark.createDataFrame([(True, bytearray(b"ab")), (None, None)], "b boolean, bin binary")


@case
def create_type_mismatch_fails(spark):
    return spark.createDataFrame([("x",)], "a int")


@case
def create_not_nullable_violation(spark):
    schema = StructType([StructField("a", IntegerType(), False)])
    return spark.createDataFrame([(None,)], schema)


@case
def create_single_type_schema(spark):
    return spark.createDataFrame([1, 2, 3], "int")


@case
def create_from_pandas(spark):
    import pandas as pd

    return spark.createDataFrame(pd.DataFrame({"a": [1, 2, 3], "b": ["x", "y", None], "c": [1.5, None, 3.0]}))


@case
def create_from_pandas_with_schema(spark):
    import pandas as pd

    return spark.createDataFrame(pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}), "a int, b string")


@case
def create_from_pandas_bool(spark):
    import pandas as pd

    return spark.createDataFrame(pd.DataFrame({"flag": [True, False], "n": [1.0, 2.0]}))


ARROW = {"spark.sql.execution.arrow.pyspark.enabled": "true"}


@case(conf=ARROW)
def create_from_pandas_with_arrow(spark):
    import pandas as pd

    return spark.createDataFrame(pd.DataFrame({"a": [1, 2, 3], "b": ["x", "y", None], "c": [1.5, float("nan"), None],
                                               "d": [True, False, True]}))


@case(conf=ARROW)
def create_from_pandas_with_arrow_and_schema(spark):
    import pandas as pd

    return spark.createDataFrame(pd.DataFrame({"a": [1, 2], "b": ["x", None]}), "a long, b string")


@case
def range_one_arg(spark):
    return spark.range(5)


@case
def range_start_end_step(spark):
    return spark.range(2, 11, 3)


@case
def range_negative_step(spark):
    return spark.range(5, 0, -2)


@case
def range_empty(spark):
    return spark.range(3, 3)


@case
def conf_get_default_ansi(spark):
    return spark.conf.get("spark.sql.ansi.enabled")


@case
def conf_set_and_get(spark):
    spark.conf.set("spark.pyrust.test.key", "v1")
    value = spark.conf.get("spark.pyrust.test.key")
    spark.conf.unset("spark.pyrust.test.key")
    return value


@case
def conf_get_with_default(spark):
    return spark.conf.get("spark.pyrust.unknown.key", "fallback")


@case
def version_is_4(spark):
    return spark.version.split(".")[0]


@case
def create_from_arrow_table(spark):
    import pyarrow as pa

    table = pa.table({"id": pa.array([1, 2], pa.int32()), "name": ["a", None], "score": [0.5, 1.5]})
    return spark.createDataFrame(table)


@case
def create_from_arrow_table_with_schema(spark):
    import pyarrow as pa

    return spark.createDataFrame(pa.table({"a": [1, 2], "b": ["x", "y"]}), "a long, b string")


@case
def create_rows_with_schema(spark):
    return spark.createDataFrame([Row(a=1, b="x"), Row(a=2, b=None)], "a int, b string")


@case
def create_namedtuples(spark):
    from collections import namedtuple

    Point = namedtuple("Point", ["x", "y"])
    return spark.createDataFrame([Point(1, 2.0), Point(3, None)])


@case
def stop_and_get_again(spark):
    from pyspark.sql import SparkSession

    return SparkSession.builder.getOrCreate().range(2).count()
