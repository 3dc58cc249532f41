"""The name of a top-level cast of a named expression (Spark's `Column.named` and
`ResolveAliases`: `Cast(ne: NamedExpression)` is aliased with `ne.name`), an alias
included: `col("a").alias("n").cast("string")` is named `n`."""

from harness import case
from pyspark.sql import functions as F


def _df(spark):
    return spark.createDataFrame([(1, "x"), (None, None)], "a int, s string")


@case
def cast_of_an_alias_keeps_its_name(spark):
    return _df(spark).select(F.col("a").alias("n").cast("string"), F.col("s").alias("t").cast("binary"))


@case
def cast_of_a_cast_of_an_alias(spark):
    return _df(spark).select(F.col("a").alias("n").cast("long").cast("string"))


@case
def cast_of_an_alias_of_an_expression(spark):
    return _df(spark).select((F.col("a") + 1).alias("plus").cast("string"))


@case
def cast_of_an_alias_inside_an_expression(spark):
    return _df(spark).select(F.upper(F.col("a").alias("n").cast("string")))


@case
def sql_cast_of_a_column(spark):
    _df(spark).createOrReplaceTempView("ncoa_t")
    return spark.sql("SELECT CAST(a AS STRING), CAST(a + 1 AS STRING), CAST(CAST(a AS LONG) AS STRING) FROM ncoa_t")


@case
def with_column_cast_of_an_alias(spark):
    return _df(spark).withColumn("w", F.col("a").alias("n").cast("double"))


@case
def select_expr_cast_of_a_cast(spark):
    # An expr()/selectExpr string becomes a Column: the DataFrame API's rule (`a`),
    # unlike the same text in spark.sql.
    return _df(spark).selectExpr("CAST(CAST(a AS BIGINT) AS STRING)", "CAST(a AS STRING)", "CAST(a + 1 AS STRING)")


@case
def expr_cast_of_a_cast(spark):
    return _df(spark).select(F.expr("CAST(CAST(a AS BIGINT) AS STRING)"), F.expr("CAST(a AS LONG)").cast("string"))
