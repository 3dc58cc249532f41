"""DataFrame.sameSemantics and semanticHash: what counts as the same plan (Spark's own
hash values are not reproduced, so semanticHash is checked by its equalities)."""

from harness import case
from pyspark.sql import functions as F


@case
def same_semantics_docs_example(spark):
    df1, df2 = spark.range(10), spark.range(10)
    return [
        df1.withColumn("col1", df1.id * 2).sameSemantics(df2.withColumn("col1", df2.id * 2)),
        df1.withColumn("col1", df1.id * 2).sameSemantics(df2.withColumn("col1", df2.id + 2)),
        df1.withColumn("col1", df1.id * 2).sameSemantics(df2.withColumn("col0", df2.id * 2)),
    ]


@case
def same_semantics_with_itself_and_filters(spark):
    df = spark.range(5)
    return [df.sameSemantics(df), df.filter("id > 1").sameSemantics(df), df.filter("id > 1").sameSemantics(df.filter(F.col("id") > 1))]


@case
def same_semantics_other_sources(spark):
    return [spark.range(5).sameSemantics(spark.range(6)), spark.range(5).sameSemantics(spark.range(0, 5, 1))]


@case
def same_semantics_column_order_and_types(spark):
    df = spark.range(3).withColumn("x", F.lit(1))
    return [
        df.select("id", "x").sameSemantics(df.select("x", "id")),
        df.select((F.col("id") * 2).alias("a")).sameSemantics(df.select((F.col("id") * 2).alias("b"))),
        df.select(F.col("id").cast("string")).sameSemantics(df.select(F.col("id").cast("int"))),
    ]


@case
def same_semantics_local_data(spark):
    df = spark.createDataFrame([(1, "a")], "x int, y string")
    return [df.sameSemantics(df.select("*")), df.select("x").sameSemantics(df.select("x"))]


@case
def semantic_hash_follows_same_semantics(spark):
    df1, df2 = spark.range(10), spark.range(10)
    a = df1.withColumn("c", df1.id * 2)
    b = df2.withColumn("d", df2.id * 2)
    c = df2.withColumn("d", df2.id * 3)
    return [isinstance(a.semanticHash(), int), a.semanticHash() == b.semanticHash(), a.semanticHash() == c.semanticHash()]


@case
def same_semantics_not_a_dataframe(spark):
    return spark.range(1).sameSemantics(1)
