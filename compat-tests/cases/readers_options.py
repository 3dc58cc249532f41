"""Reader options recorded against PySpark: CSV nanValue / positiveInf / negativeInf
(schema inference and conversion, given schemas, defaults no longer special once
replaced)."""

from harness import case
from cases._csv_helpers import csv_file


SPECIALS = "id,v\n1,1.5\n2,nan\n3,+INF\n4,-INF\n5,NaN\n6,Inf\n7,-Inf\n8,\n9,Infinity\n"
CUSTOM = {"nanValue": "nan", "positiveInf": "+INF", "negativeInf": "-INF"}


@case
def csv_special_values_default(spark):
    return spark.read.csv(csv_file(SPECIALS), header=True, inferSchema=True).orderBy("id")


@case
def csv_special_values_custom_inferred(spark):
    return spark.read.options(**CUSTOM).csv(csv_file(SPECIALS), header=True, inferSchema=True).orderBy("id")


@case
def csv_special_values_custom_double_schema(spark):
    return spark.read.options(**CUSTOM).csv(csv_file(SPECIALS), header=True, schema="id int, v double").orderBy("id")


@case
def csv_special_values_custom_float_schema(spark):
    return spark.read.options(**CUSTOM).csv(csv_file(SPECIALS), header=True, schema="id int, v float").orderBy("id")


@case
def csv_special_values_custom_string_schema(spark):
    return spark.read.options(**CUSTOM).csv(csv_file(SPECIALS), header=True, schema="id int, v string").orderBy("id")


@case
def csv_nan_value_only(spark):
    return spark.read.option("nanValue", "-").csv(csv_file("a,b\n1,-\n2,2.5\n3,NaN\n"), header=True, inferSchema=True).orderBy("a")


@case
def csv_nan_value_in_an_integer_column(spark):
    return spark.read.option("nanValue", "missing").csv(csv_file("a\n1\nmissing\n3\n"), header=True, inferSchema=True)


@case
def csv_positive_inf_only_plain_numbers(spark):
    return spark.read.option("positiveInf", "oo").csv(csv_file("a\n1.0\noo\n2\n"), header=True, inferSchema=True)


@case
def csv_negative_inf_same_as_null_value(spark):
    return spark.read.option("negativeInf", "NA").option("nullValue", "NA").csv(csv_file("a\n1.0\nNA\n"), header=True, inferSchema=True)


@case
def csv_special_values_in_a_date_column(spark):
    return spark.read.option("nanValue", "2024-01-01").csv(csv_file("a\n2024-01-01\n2024-01-02\n"), header=True, inferSchema=True)


@case
def csv_special_values_in_sql_text(spark):
    df = spark.read.options(**CUSTOM).csv(csv_file(SPECIALS), header=True, schema="id int, v double")
    df.createOrReplaceTempView("specials")
    return spark.sql("SELECT id, v, isnan(v) AS n, v = CAST('inf' AS DOUBLE) AS pinf FROM specials ORDER BY id")
