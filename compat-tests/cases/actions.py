"""Actions: collect, take, head, first, count, show in every mode, toPandas, toArrow."""

from harness import case
from pyspark.sql import functions as F

from ._data import people


@case
def collect_rows(spark):
    return people(spark).collect()


@case
def row_access(spark):
    row = people(spark).orderBy("id").first()
    return [row.name, row["age"], row[0], row.asDict(), "name" in row, repr(row)]


@case
def take_rows(spark):
    return people(spark).orderBy("id").take(2)


@case
def head_default(spark):
    return people(spark).orderBy("id").head()


@case
def head_n(spark):
    return people(spark).orderBy("id").head(3)


@case
def head_empty_is_none(spark):
    return people(spark).filter(F.col("id") > 99).head()


@case
def first_row(spark):
    return people(spark).orderBy(F.desc("id")).first()


@case
def count_rows(spark):
    return people(spark).count()


@case
def count_after_filter(spark):
    return people(spark).filter(F.col("age") > 30).count()


@case
def is_empty(spark):
    df = people(spark)
    return [df.isEmpty(), df.filter(F.col("id") > 99).isEmpty()]


@case
def show_default(spark):
    people(spark).show()


@case
def show_n(spark):
    people(spark).show(2)


@case
def show_one_row(spark):
    people(spark).show(1)


@case
def show_truncate_false(spark):
    spark.createDataFrame([("a" * 30, 1)], "s string, n int").show(truncate=False)


@case
def show_truncate_default(spark):
    spark.createDataFrame([("a" * 30, 1)], "s string, n int").show()


@case
def show_truncate_int(spark):
    spark.createDataFrame([("abcdefghij", 1)], "s string, n int").show(truncate=5)


@case
def show_truncate_small(spark):
    spark.createDataFrame([("abcdefghij", 1)], "s string, n int").show(truncate=2)


@case
def show_vertical(spark):
    people(spark).show(2, vertical=True)


@case
def show_vertical_empty(spark):
    people(spark).filter(F.col("id") > 99).show(vertical=True)


@case
def show_empty(spark):
    people(spark).filter(F.col("id") > 99).show()


@case
def show_nested_values(spark):
    spark.createDataFrame([([1, None], {"a": 1}, (1, "x"), bytearray(b"\x01\xff"))],
                          "arr array<int>, m map<string,int>, s struct<a:int,b:string>, b binary").show()


@case
def show_wide_unicode(spark):
    spark.createDataFrame([("日本語",), ("abc",)], "s string").show()


@case
def show_newline_escaped(spark):
    spark.createDataFrame([("a\nb",)], "s string").show()


@case
def show_dates_timestamps(spark):
    import datetime

    spark.createDataFrame([(datetime.date(2024, 1, 2), datetime.datetime(2024, 1, 2, 3, 4, 5, 600000))], "d date, ts timestamp").show()


@case
def show_bad_n_type(spark):
    people(spark).show("5")


@case
def to_pandas_values(spark):
    pdf = people(spark).orderBy("id").toPandas()
    return [list(pdf.columns), [str(t) for t in pdf.dtypes], pdf["name"].tolist(), pdf["id"].tolist()]


@case
def to_pandas_nullable_int(spark):
    pdf = people(spark).orderBy("id").select("age").toPandas()
    return [str(pdf.dtypes["age"]), [None if v != v else v for v in pdf["age"].tolist()]]


@case
def to_arrow_schema(spark):
    t = people(spark).toArrow()
    return [t.num_rows, t.column_names]


@case
def cache_and_reuse(spark):
    df = people(spark).filter(F.col("age") > 25).cache()
    first = df.count()
    second = df.orderBy("id").collect()
    df.unpersist()
    return [first, second]


@case
def persist_returns_dataframe(spark):
    return people(spark).persist().orderBy("id").limit(1)


@case
def chained_transformations(spark):
    df = people(spark)
    return (df.filter(F.col("age").isNotNull())
            .withColumn("band", F.when(F.col("age") >= 30, "30+").otherwise("<30"))
            .groupBy("band").agg(F.count("*").alias("n"), F.round(F.avg("salary"), 1).alias("pay"))
            .orderBy("band"))


@case
def to_pandas_dtypes_all_types(spark):
    import datetime
    import decimal

    df = spark.createDataFrame(
        [(1, 2, "a", True, 1.5, datetime.date(2024, 1, 1), datetime.datetime(2024, 1, 1, 1, 2, 3), decimal.Decimal("1.5"), None),
         (3, 4, None, None, None, None, None, None, None)],
        "i int, l long, s string, b boolean, d double, dt date, ts timestamp, m decimal(5,2), n int")
    pdf = df.toPandas()
    return [[c, str(t)] for c, t in pdf.dtypes.items()] + [[repr(v) for v in pdf.iloc[0].tolist()]]


@case
def to_pandas_no_nulls_int_types(spark):
    pdf = spark.createDataFrame([(1, 2, 3)], "a tinyint, b smallint, c int").toPandas()
    return [str(t) for t in pdf.dtypes]


@case
def to_pandas_nested_types(spark):
    df = spark.createDataFrame([([1, 2], {"a": 1}, (1, "x"))], "arr array<int>, m map<string,int>, s struct<a:int,b:string>")
    pdf = df.toPandas()
    return [[c, str(t)] for c, t in pdf.dtypes.items()] + [[repr(v) for v in pdf.iloc[0].tolist()]]


@case
def create_from_pandas_datetimes(spark):
    import pandas as pd

    pdf = pd.DataFrame({"ts": pd.to_datetime(["2024-01-02 03:04:05", None]), "n": [1, 2]})
    return spark.createDataFrame(pdf)


@case
def to_arrow_types(spark):
    import datetime
    import decimal

    df = spark.createDataFrame(
        [(1, 2, "s", b"b", True, 1.5, datetime.date(2024, 1, 1), datetime.datetime(2024, 1, 1, 1), decimal.Decimal("1.5"), [1], {"k": 1}, (1, "x"))],
        "i int, l long, s string, bin binary, b boolean, d double, dt date, ts timestamp, m decimal(5,2), arr array<int>, mp map<string,int>, st struct<a:int,b:string>")
    t = df.toArrow()
    return [str(t.schema.field(i).type) for i in range(t.num_columns)] + [repr(t.to_pylist())]
