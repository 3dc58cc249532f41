"""Column metadata on nested fields (a struct's fields, the struct fields of array
elements and map values): part of the type, so kept wherever the type is, and read from
a struct field into the column that extracts it (`s.a`, `s.*`, `inline`), as Spark's
`Alias` and `CreateNamedStruct` take it; a cast to a given type drops it. Metadata is
compared as `schema.json()` (sorted keys)."""

from harness import case
from pyspark.sql import functions as F
from pyspark.sql import types as T

_INNER = T.StructType([T.StructField("a", T.IntegerType(), True, {"ia": 1}), T.StructField("b", T.StringType(), True, {})])


def _df(spark):
    schema = T.StructType(
        [
            T.StructField("s", _INNER, True, {"top": "s"}),
            T.StructField("arr", T.ArrayType(_INNER), True),
            T.StructField("m", T.MapType(T.StringType(), _INNER), True),
            T.StructField("x", T.IntegerType(), True, {"xm": True}),
        ]
    )
    return spark.createDataFrame([((1, "u"), [(2, "v")], {"k": (3, "w")}, 5), (None, None, None, None)], schema)


def _json(df):
    return df.schema.json()


@case
def nested_schema_json(spark):
    return _json(_df(spark))


@case
def nested_schema_equality_and_rows(spark):
    df = _df(spark)
    return [df.schema == _df(spark).schema, df.schema["s"].dataType == _INNER, df.collect()]


@case
def select_struct_keeps_nested(spark):
    df = _df(spark)
    return [_json(df.select("s")), _json(df.select("arr", "m")), _json(df.select(F.col("s").alias("t")))]


@case
def alias_metadata_over_a_struct(spark):
    return _json(_df(spark).select(F.col("s").alias("t", metadata={"new": 1})))


@case
def field_access_takes_the_field_metadata(spark):
    df = _df(spark)
    return [
        _json(df.select("s.a")),
        _json(df.select(F.col("s").getField("a"))),
        _json(df.select(F.col("s")["b"])),
        _json(df.select(F.col("s.a").alias("q"))),
        _json(df.selectExpr("s.a", "s.a AS r", "s.a + 1")),
    ]


@case
def struct_star(spark):
    return _df(spark).select("s.*", "x")


@case
def struct_star_schema(spark):
    df = _df(spark)
    return [_json(df.select("s.*")), _json(df.selectExpr("s.*"))]


@case
def struct_star_of_a_nested_struct(spark):
    df = spark.createDataFrame([(((1, "p"),),)], "o struct<i: struct<a: int, b: string>>")
    return df.select("o.i.*")


@case
def struct_star_in_sql(spark):
    _df(spark).createOrReplaceTempView("nested_md_view")
    return spark.sql("SELECT s.*, x FROM nested_md_view")


@case
def array_element_keeps_nested(spark):
    df = _df(spark)
    return [_json(df.select(F.col("arr")[0])), _json(df.select(F.col("m")["k"])), _json(df.select(F.explode("arr")))]


@case
def inline_takes_field_metadata(spark):
    return _json(_df(spark).select(F.inline("arr")))


@case
def struct_fields_take_column_metadata(spark):
    df = _df(spark)
    return [
        _json(df.select(F.struct("x", "s"))),
        _json(df.select(F.struct(F.col("x").alias("y", metadata={"q": 1})).alias("st"))),
        _json(df.select(F.struct(F.col("x") + 1, F.col("s.a")))),
        _json(df.select(F.named_struct(F.lit("n"), F.col("x")))),
        _json(df.select(F.array("s"))),
    ]


@case
def with_field_and_drop_fields(spark):
    df = _df(spark)
    return [
        _json(df.select(F.col("s").withField("c", F.lit(1)))),
        _json(df.select(F.col("s").withField("a", F.lit(1)))),
        _json(df.select(F.col("s").withField("a", F.col("x")))),
        _json(df.select(F.col("s").dropFields("b"))),
        _json(df.withColumn("s", F.col("s").withField("c", F.col("x")))),
    ]


@case
def cast_to_a_struct_type_drops_nested(spark):
    return _json(_df(spark).select(F.col("s").cast("struct<a:bigint,b:string>")))


@case
def kept_through_conditionals_and_set_operations(spark):
    df = _df(spark)
    return [
        _json(df.select(F.when(F.col("x") > 0, F.col("s")).alias("w"))),
        _json(df.select(F.coalesce("s", "s"))),
        _json(df.union(df)),
        _json(df.filter("x > 0").orderBy("x").limit(1)),
    ]


@case
def with_metadata_on_a_struct_keeps_nested(spark):
    return _json(_df(spark).withMetadata("s", {"z": 2}))


@case
def sql_keeps_nested(spark):
    _df(spark).createOrReplaceTempView("nested_md_view2")
    return _json(spark.sql("SELECT s, s.a, arr FROM nested_md_view2"))


@case
def recreated_from_collected_rows(spark):
    df = _df(spark)
    return _json(spark.createDataFrame(df.collect(), df.schema))


@case
def print_schema_shows_no_metadata(spark):
    _df(spark).printSchema()
    return repr(_df(spark).schema)
