"""The three queries of examples/quickstart.py, so `make demo` shows checked output."""

import os

from harness import case
from pyspark.sql import functions as F

USERS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "data", "users.csv")


def _users(spark):
    return spark.read.csv(USERS, header=True, inferSchema=True)


@case
def quickstart_simple_query(spark):
    return _users(spark).filter("age > 25").select("name", "city")


@case
def quickstart_aggregation(spark):
    return _users(spark).groupBy("city").agg(F.avg("age"), F.sum("salary")).orderBy("city")


@case
def quickstart_chaining(spark):
    df = _users(spark)
    return (
        df.filter(F.col("joined") < F.lit("2021-01-01").cast("date"))
        .withColumn("band", F.when(F.col("salary") >= 80000, "high").when(F.col("salary") >= 60000, "mid").otherwise("low"))
        .groupBy("band")
        .agg(F.count("*").alias("people"), F.round(F.avg("age"), 1).alias("avg_age"))
        .orderBy(F.desc("people"), "band")
    )


@case
def quickstart_print_schema(spark):
    _users(spark).printSchema()
