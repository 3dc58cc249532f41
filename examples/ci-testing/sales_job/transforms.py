"""The job's transformations: each takes and returns DataFrames."""

from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F
from pyspark.sql.types import DoubleType, LongType, StringType, StructField, StructType

ORDERS_SCHEMA = StructType([
    StructField("order_id", LongType(), False),
    StructField("customer", StringType(), True),
    StructField("region", StringType(), True),
    StructField("amount", DoubleType(), True),
    StructField("day", StringType(), True),
])


def load_orders(spark: SparkSession, rows) -> DataFrame:
    return spark.createDataFrame(rows, ORDERS_SCHEMA)


def clean_orders(orders: DataFrame) -> DataFrame:
    """Trimmed, upper-case regions; no negative or missing amounts; a real date."""
    return (orders
            .withColumn("region", F.upper(F.trim("region")))
            .filter(F.col("amount").isNotNull() & (F.col("amount") >= 0))
            .withColumn("day", F.to_date("day")))


def revenue_by_region(orders: DataFrame) -> DataFrame:
    return (orders.groupBy("region")
            .agg(F.round(F.sum("amount"), 2).alias("revenue"), F.count("*").alias("orders"))
            .orderBy(F.desc("revenue"), "region"))


def top_customer_per_region(orders: DataFrame) -> DataFrame:
    totals = orders.groupBy("region", "customer").agg(F.sum("amount").alias("spent"))
    w = Window.partitionBy("region").orderBy(F.desc("spent"), "customer")
    return (totals.withColumn("rank", F.row_number().over(w))
            .filter("rank = 1").drop("rank").orderBy("region"))


def label_orders(orders: DataFrame) -> DataFrame:
    size = (F.when(F.col("amount") >= 100, "large").when(F.col("amount") >= 20, "medium").otherwise("small"))
    return orders.withColumn("size", size)


def daily_running_total(orders: DataFrame) -> DataFrame:
    daily = orders.groupBy("day").agg(F.sum("amount").alias("total"))
    w = Window.orderBy("day").rowsBetween(Window.unboundedPreceding, Window.currentRow)
    return daily.withColumn("running", F.sum("total").over(w)).orderBy("day")


def enrich_with_customers(orders: DataFrame, customers: DataFrame) -> DataFrame:
    return orders.join(customers, on="customer", how="left").fillna({"segment": "unknown"})


def region_report_sql(spark: SparkSession, orders: DataFrame) -> DataFrame:
    orders.createOrReplaceTempView("orders")
    return spark.sql("""
        SELECT region, COUNT(DISTINCT customer) AS customers, MAX(amount) AS biggest
        FROM orders GROUP BY region ORDER BY region
    """)
