"""Python UDFs (`udf`, `spark.udf.register`): where a UDF may appear, the names Spark
gives its columns, nullability, and calls from SQL text. Functions are defined at module
level so PySpark and PyRust run the same code."""

from harness import case
from pyspark.sql import functions as F
from pyspark.sql.types import BooleanType, DoubleType, IntegerType, LongType, StringType
from pyspark.sql.functions import udf


@udf
def as_text(x):
    return None if x is None else f"<{x}>"


@udf(returnType=IntegerType())
def plus_one(x):
    return None if x is None else x + 1


@udf(LongType())
def times(a, b):
    if a is None or b is None:
        return None
    return a * b


@udf(returnType=BooleanType())
def is_even(x):
    return x is not None and x % 2 == 0


@udf(StringType())
def first_letter(s):
    return s[:1] if s else None


def _plain_length(s):
    return None if s is None else len(s)


length_udf = udf(_plain_length, IntegerType())
lambda_udf = udf(lambda x: x * 10 if x is not None else None, LongType())
nondet = udf(lambda x: x, IntegerType()).asNondeterministic()


@udf(IntegerType())
def constant_seven():
    return 7


def _people(spark):
    return spark.createDataFrame(
        [(1, "alice", 10), (2, "bob", None), (3, None, 30), (4, "dave", 40), (5, "", 50)],
        "id int, name string, score int",
    )


@case
def select_default_string_type(spark):
    return _people(spark).select("id", as_text("id"), as_text(F.col("name")))


@case
def select_declared_int(spark):
    return _people(spark).select(plus_one("score"), plus_one(F.col("id")).alias("next"))


@case
def two_arguments_ddl_type(spark):
    return _people(spark).select(times("id", "score"))


@case
def plain_function_and_lambda_names(spark):
    return _people(spark).select(length_udf("name"), lambda_udf("id"))


@case
def with_column(spark):
    return _people(spark).withColumn("len", length_udf("name")).withColumn("even", is_even("id"))


@case
def filter_by_udf(spark):
    return _people(spark).filter(is_even("id")).select("id", "name")


@case
def where_udf_compared(spark):
    return _people(spark).where(plus_one("score") > 20).select("id")


@case
def udf_inside_other_expressions(spark):
    df = _people(spark)
    return df.select((plus_one("id") * 2).alias("x"), F.upper(first_letter("name")), F.coalesce(plus_one("score"), F.lit(-1)))


@case
def udf_over_expressions(spark):
    df = _people(spark)
    return df.select(plus_one(F.col("id") + 10), as_text(F.concat(F.col("name"), F.lit("!"))))


@case
def udf_of_literal(spark):
    return _people(spark).select("id", plus_one(F.lit(41)), as_text(F.lit("k")))


@case
def udf_without_arguments(spark):
    return _people(spark).select("id", constant_seven())


@case
def nondeterministic_udf(spark):
    return _people(spark).select(nondet("id"))


@case(ordered=False)
def group_by_udf_key(spark):
    return _people(spark).groupBy(is_even("id")).agg(F.count("*").alias("n"), F.sum("score").alias("s"))


@case
def aggregate_of_udf(spark):
    return _people(spark).agg(F.sum(plus_one("score")), F.max(length_udf("name")))


@case
def order_by_udf(spark):
    return _people(spark).orderBy(length_udf("name").desc_nulls_last(), "id").select("id", "name")


@case
def join_on_udf(spark):
    left = _people(spark)
    right = spark.createDataFrame([(2, "two"), (3, "three"), (5, "five")], "k int, label string")
    return left.join(right, plus_one(left.id) == right.k).select("id", "label").orderBy("id")


@case
def several_udf_columns(spark):
    df = _people(spark)
    return df.select(as_text("id"), plus_one("id"), times("id", "id"), is_even("id"), length_udf("name"), first_letter("name"))


@case
def udf_of_udf(spark):
    return _people(spark).select(as_text(plus_one(plus_one("id"))))


@case
def empty_input(spark):
    return _people(spark).filter("id > 100").select(plus_one("id"), as_text("name"))


@case
def schema_is_nullable(spark):
    df = spark.range(3).select(plus_one(F.col("id").cast("int")).alias("p"), as_text("id").alias("t"))
    return [(f.name, f.dataType.simpleString(), f.nullable) for f in df.schema.fields]


@case
def column_names(spark):
    df = _people(spark)
    return df.select(as_text("id"), plus_one(F.col("score") + 1), times("id", F.lit(3)), constant_seven()).columns


@case
def udf_attributes(spark):
    return [as_text.__name__, str(as_text.returnType), as_text.evalType, as_text.deterministic,
            plus_one.__name__, str(plus_one.returnType), str(times.returnType), lambda_udf.__name__,
            nondet.deterministic, length_udf.__name__]


# spark.udf.register


def _triple(x):
    return None if x is None else x * 3


@case
def register_and_select_expr(spark):
    spark.udf.register("triple_it", _triple, "int")
    return _people(spark).selectExpr("id", "triple_it(id)", "triple_it(score) AS t")


@case
def register_default_string_type(spark):
    spark.udf.register("triple_text", _triple)
    return _people(spark).selectExpr("triple_text(id)")


@case
def register_existing_udf(spark):
    registered = spark.udf.register("plus_one_sql", plus_one)
    return _people(spark).select(F.expr("plus_one_sql(id)"), registered("id"))


@case
def register_in_filter_expression(spark):
    spark.udf.register("even_sql", is_even)
    return _people(spark).filter("even_sql(id)").select("id")


@case
def register_used_in_spark_sql(spark):
    spark.udf.register("triple_sql", _triple, IntegerType())
    _people(spark).createOrReplaceTempView("udf_people")
    return spark.sql("SELECT id, triple_sql(score) FROM udf_people WHERE triple_sql(id) > 6 ORDER BY id")


@case
def register_name_is_case_insensitive(spark):
    spark.udf.register("MixedCaseUdf", _triple, "int")
    # Aliased: Spark names the column by the registered name's case (docs/semantics.md).
    return _people(spark).selectExpr("mixedcaseudf(id) AS a", "MIXEDCASEUDF(id) AS b")


@case
def register_return_type_with_udf_is_an_error(spark):
    spark.udf.register("bad_udf", plus_one, "int")
    return spark.range(1)


@case
def register_replaces_builtin_name(spark):
    spark.udf.register("reverse_like", lambda s: None if s is None else s[::-1])
    return _people(spark).selectExpr("reverse_like(name)")
