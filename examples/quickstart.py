"""PyRust quickstart: PySpark code, unchanged, running on Polars with no JVM.

Run with `make demo`.
"""

import os

import pyrust

pyrust.activate()  # `import pyspark` now resolves to PyRust

from pyspark.sql import SparkSession, functions as F  # noqa: E402

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "users.csv")

spark = SparkSession.builder.appName("quickstart").getOrCreate()
df = spark.read.csv(DATA, header=True, inferSchema=True)

print("1. A simple query: people older than 25")
df.filter("age > 25").select("name", "city").show()

print("2. An aggregation: average age and total salary per city")
df.groupBy("city").agg(F.avg("age"), F.sum("salary")).orderBy("city").show()

print("3. Method chaining: salary bands of people who joined before 2021")
(
    df.filter(F.col("joined") < F.lit("2021-01-01").cast("date"))
    .withColumn("band", F.when(F.col("salary") >= 80000, "high").when(F.col("salary") >= 60000, "mid").otherwise("low"))
    .groupBy("band")
    .agg(F.count("*").alias("people"), F.round(F.avg("age"), 1).alias("avg_age"))
    .orderBy(F.desc("people"), "band")
    .show()
)

df.printSchema()
spark.stop()
