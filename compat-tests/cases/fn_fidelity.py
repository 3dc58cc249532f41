"""Fidelity fixes across the catalogue: struct types that differ only in their fields'
nullability meet in unions, CASE, coalesce, arrays and comparisons (Spark widens
them, the field nullable when either is); isnan's implicit casts (numbers and
strings read as DOUBLE, booleans and datetimes refused); structs with a field name
twice (arrays_zip(a, a), struct(a, a)); DECIMAL, DATE and TIMESTAMP elements in
lambda functions; array_position/array_remove's tightest common type."""

import datetime
from decimal import Decimal

from harness import case
from pyspark.sql import functions as F

LEGACY = {"spark.sql.ansi.enabled": "false"}


def _one(spark):
    return spark.range(2)


# -- structs: nullability of fields ------------------------------------------------


@case
def struct_of_literals(spark):
    return _one(spark).select(
        F.struct(F.lit(1)), F.struct(F.lit(1), F.lit(None), F.lit("x")), F.struct(F.lit(1).alias("a"), F.lit(2.5).alias("b"))
    )


@case
def struct_of_columns(spark):
    df = spark.createDataFrame([(1, "a", None)], "i int not null, s string, d double")
    return df.select(F.struct("i", "s", "d"), F.struct(F.col("i") + 1, F.col("s").isNull()), F.struct(F.when(F.col("i") > 5, 1)))


@case
def struct_nested(spark):
    return _one(spark).select(F.struct(F.struct(F.lit(1)).alias("z"), F.array(F.lit(1)), F.create_map(F.lit("k"), F.lit(None))))


@case
def struct_union_field_nullability(spark):
    a = _one(spark).select(F.struct(F.lit(1)).alias("s"))
    b = _one(spark).select(F.struct(F.lit(None).cast("int")).alias("s"))
    return a.union(b).orderBy(F.col("s.col1").asc_nulls_first())


@case
def struct_union_widens_fields(spark):
    a = _one(spark).select(F.struct(F.lit(1).alias("x"), F.lit("a").alias("y")).alias("s"))
    b = _one(spark).select(F.struct(F.lit(2.5).alias("x"), F.lit(None).cast("string").alias("y")).alias("s"))
    return a.union(b).orderBy("s.x")


@case
def struct_union_names_ignore_case(spark):
    a = _one(spark).select(F.struct(F.lit(1).alias("A")).alias("s"))
    b = _one(spark).select(F.struct(F.lit(None).cast("int").alias("a")).alias("s"))
    return a.union(b).orderBy(F.col("s.A").asc_nulls_first())


@case
def struct_union_other_names(spark):
    a = _one(spark).select(F.struct(F.lit(1).alias("x")).alias("s"))
    b = _one(spark).select(F.struct(F.lit(1).alias("y")).alias("s"))
    return a.union(b)


@case
def struct_union_other_arity(spark):
    a = _one(spark).select(F.struct(F.lit(1)).alias("s"))
    b = _one(spark).select(F.struct(F.lit(1), F.lit(2)).alias("s"))
    return a.union(b)


@case
def struct_case_when_field_nullability(spark):
    return _one(spark).select(
        F.when(F.col("id") > 0, F.struct(F.lit(1))).otherwise(F.struct(F.lit(None).cast("int"))).alias("w")
    ).orderBy("w")


@case
def struct_coalesce_field_nullability(spark):
    return _one(spark).select(
        F.coalesce(F.struct(F.lit(None).cast("int")), F.struct(F.lit(2))).alias("c"),
    )


@case
def struct_array_field_nullability(spark):
    return _one(spark).select(F.array(F.struct(F.lit(1)), F.struct(F.lit(None).cast("int"))).alias("a"))


@case
def struct_equality_field_nullability(spark):
    return _one(spark).select(
        (F.struct(F.lit(1)) == F.struct(F.lit(None).cast("int"))).alias("eq"),
        F.struct(F.lit(1)).eqNullSafe(F.struct(F.lit(1).cast("bigint"))).alias("safe"),
    )


@case
def map_union_value_nullability(spark):
    a = _one(spark).select(F.create_map(F.lit("k"), F.lit(1)).alias("m"))
    b = _one(spark).select(F.create_map(F.lit("k"), F.lit(None).cast("int")).alias("m"))
    return a.union(b).orderBy(F.col("m")["k"].asc_nulls_first())


@case
def map_coalesce_widens(spark):
    return _one(spark).select(F.coalesce(F.create_map(F.lit("k"), F.lit(1)), F.create_map(F.lit("k"), F.lit(2.5))).alias("m"))


@case
def struct_sql_field_nullability(spark):
    return _one(spark).selectExpr(
        "coalesce(struct(1 AS a), struct(CAST(NULL AS INT) AS a)) AS c",
        "CASE WHEN id > 0 THEN named_struct('k', 'x') ELSE named_struct('k', CAST(NULL AS STRING)) END AS w",
        "array(struct(1), struct(CAST(NULL AS INT))) AS a",
    ).orderBy("w")


# -- isnan: (DOUBLE or FLOAT) --------------------------------------------------------


def _typed(spark):
    return spark.createDataFrame(
        [(1, 10, 1.5, 2.5, Decimal("1.50"), "NaN", "1.5", True, datetime.date(2024, 1, 1), datetime.datetime(2024, 1, 1), b"\x01", [1.0])],
        "i int, l bigint, d double, f float, dec decimal(5,2), s string, s2 string, b boolean, dt date, ts timestamp, bin binary, arr array<double>",
    )


@case
def isnan_numbers_and_strings(spark):
    return _typed(spark).select(
        F.isnan("i"), F.isnan("l"), F.isnan("d"), F.isnan("f"), F.isnan("dec"), F.isnan("s"), F.isnan("s2"), F.isnan(F.lit(None))
    )


@case
def isnan_nan_values(spark):
    df = spark.createDataFrame([(float("nan"), float("nan")), (float("inf"), -0.0), (None, None)], "d double, f float")
    return df.select("d", F.isnan("d"), F.isnan("f"), F.col("d").isNaN(), F.isnan(F.col("d") * 0)).orderBy(F.col("d").asc_nulls_last())


@case
def isnan_boolean(spark):
    return _typed(spark).select(F.isnan("b"))


@case
def isnan_date(spark):
    return _typed(spark).select(F.isnan("dt"))


@case
def isnan_timestamp(spark):
    return _typed(spark).select(F.isnan("ts"))


@case
def isnan_binary(spark):
    return _typed(spark).select(F.isnan("bin"))


@case
def isnan_array(spark):
    return _typed(spark).select(F.isnan("arr"))


@case
def isnan_boolean_legacy(spark):
    return _typed(spark).select(F.col("b").isNaN())


@case(conf=LEGACY)
def isnan_boolean_legacy_mode(spark):
    return _typed(spark).select(F.isnan("b"))


@case
def isnan_malformed_string_ansi(spark):
    return spark.createDataFrame([("x",)], "s string").select(F.isnan("s"))


@case(conf=LEGACY)
def isnan_malformed_string_legacy(spark):
    return spark.createDataFrame([("x",), ("NaN",), (None,)], "s string").select("s", F.isnan("s")).orderBy("s")


@case
def isnan_sql(spark):
    return _typed(spark).selectExpr("isnan(d)", "isnan('NaN')", "isnan(i)", "isnan(dec)", "isnan(CAST('NaN' AS DOUBLE))")


@case
def isnan_sql_boolean(spark):
    return _typed(spark).selectExpr("isnan(true)")


# -- a field name twice ----------------------------------------------------------


def _arrays(spark):
    return spark.createDataFrame([([1, 2], ["x"]), (None, ["y"]), ([], [])], "a array<int>, s array<string>")


@case
def arrays_zip_same_column(spark):
    return _arrays(spark).select(F.arrays_zip("a", "a"), F.arrays_zip("a", "s", "a"))


@case
def arrays_zip_same_column_sql(spark):
    return _arrays(spark).selectExpr("arrays_zip(a, a)", "size(arrays_zip(s, s))")


@case
def struct_same_name_twice(spark):
    return _arrays(spark).select(F.struct("a", "a"), F.struct(F.lit(1).alias("x"), F.lit("b").alias("x")))


@case
def struct_same_name_twice_show(spark):
    return _arrays(spark).select(F.struct("s", "s").alias("t"), F.to_json(F.struct("s", "s")).alias("j"), F.struct("a", "a").cast("string"))


@case
def struct_same_name_twice_cast(spark):
    return _one(spark).select(F.struct(F.lit(1).alias("x"), F.lit(2).alias("x")).cast("struct<x:string,x:bigint>").alias("c"))


@case
def struct_same_name_twice_field(spark):
    return _arrays(spark).select(F.struct("a", "a").alias("t")).select("t.a")


@case
def struct_same_name_other_case_field(spark):
    return _one(spark).select(F.struct(F.lit(1).alias("x"), F.lit(2).alias("X")).alias("t")).select("t.x")


# -- DECIMAL, DATE and TIMESTAMP elements in lambdas --------------------------------


def _decimals(spark):
    return spark.createDataFrame(
        [
            (1, [Decimal("1.50"), None, Decimal("-2.25")], [1, 2], [Decimal("12345678901234567890.5")]),
            (2, None, None, None),
            (3, [], [], []),
            (4, [Decimal("999.99"), Decimal("-999.99")], [7], [Decimal("-0.1"), None]),
        ],
        "id int, d array<decimal(5,2)>, a array<int>, big array<decimal(38,1)>",
    )


@case
def lambda_decimal_transform(spark):
    return _decimals(spark).select("id", F.transform("d", lambda x: x + 1), F.transform("d", lambda x, i: x * i).alias("t")).orderBy("id")


@case
def lambda_decimal_filter_exists_forall(spark):
    return _decimals(spark).select(
        "id", F.filter("d", lambda x: x > 0), F.exists("d", lambda x: x > 1), F.forall("d", lambda x: x.isNotNull())
    ).orderBy("id")


@case
def lambda_decimal_aggregate(spark):
    return _decimals(spark).select(
        "id",
        F.aggregate("d", F.lit(0).cast("decimal(10,2)"), lambda acc, x: (acc + F.coalesce(x, F.lit(0))).cast("decimal(10,2)")).alias("sum"),
        F.aggregate("big", F.lit(Decimal("0.0")).cast("decimal(38,1)"), lambda acc, x: (acc + x).cast("decimal(38,1)"), lambda acc: acc * 2).alias("big2"),
    ).orderBy("id")


@case
def lambda_decimal_aggregate_type_mismatch(spark):
    return _decimals(spark).select(F.aggregate("d", F.lit(0).cast("decimal(10,2)"), lambda acc, x: acc + x))


@case
def lambda_decimal_zip_with(spark):
    return _decimals(spark).select("id", F.zip_with("d", "a", lambda x, y: x + y), F.zip_with("d", "big", lambda x, y: x - y).alias("z")).orderBy("id")


@case
def lambda_decimal_sql(spark):
    return _decimals(spark).selectExpr(
        "id", "transform(d, x -> x * 10)", "filter(big, x -> x < 0)", "aggregate(d, CAST(0 AS DECIMAL(10,2)), (acc, x) -> CAST(acc + coalesce(x, 0) AS DECIMAL(10,2)), acc -> acc * 2) AS total"
    ).orderBy("id")


@case
def lambda_decimal_maps(spark):
    df = spark.createDataFrame([({"a": Decimal("1.5"), "b": None},), (None,)], "m map<string,decimal(4,1)>")
    return df.select(
        F.col("m")["a"],
        F.map_filter("m", lambda k, v: v > 1),
        F.transform_values("m", lambda k, v: v * 2),
        F.transform_keys("m", lambda k, v: F.upper(k)),
    )


@case
def lambda_dates_and_timestamps(spark):
    df = spark.createDataFrame(
        [([datetime.date(2024, 1, 31), None], [datetime.datetime(2024, 2, 29, 23, 59, 59)]), (None, [])],
        "d array<date>, t array<timestamp>",
    )
    return df.select(
        F.transform("d", lambda x: F.date_add(x, 1)),
        F.filter("d", lambda x: x > F.lit("2024-01-01").cast("date")),
        F.transform("t", lambda x: F.hour(x)),
        F.exists("t", lambda x: x.isNull()),
        F.transform("t", lambda x: x.cast("date")).alias("td"),
    )


@case
def decimal_arrays_other_kernels(spark):
    return _decimals(spark).select(
        "id",
        F.array_insert("d", 1, F.lit(Decimal("9.99")).cast("decimal(5,2)")),
        F.arrays_zip("d", "big"),
        F.flatten(F.array("d", "d")).alias("flat"),
    ).orderBy("id")


# -- array_position / array_remove: Spark's tightest common type -------------------


@case
def array_position_decimal_other_precision(spark):
    return _decimals(spark).select(F.array_position("d", F.lit(Decimal("1.5"))))


@case
def array_position_decimal_int(spark):
    return _decimals(spark).select(F.array_position("d", 1))


@case
def array_remove_int_array_decimal(spark):
    return _decimals(spark).select(F.array_remove("a", F.lit(Decimal("1.5"))))


@case
def array_remove_decimal_double(spark):
    return _decimals(spark).select(F.array_remove("d", 1.5))


@case
def array_position_remove_same_decimal(spark):
    v = F.lit(Decimal("1.50")).cast("decimal(5,2)")
    return _decimals(spark).select("id", F.array_position("d", v), F.array_remove("d", v), F.array_contains("d", F.lit(Decimal("1.5")))).orderBy("id")


@case
def array_remove_wide_decimal_int(spark):
    return _decimals(spark).select("id", F.array_remove("big", 7), F.array_position("big", F.lit(7).cast("bigint"))).orderBy("id")
