"""A realistic CI suite of small-DataFrame tests, in plain PySpark (the job patterns of
PyRust's issues: selection, filters, aggregation, joins, windows, strings, dates, nulls,
SQL, unions, casts, testing helpers)."""

import datetime
from decimal import Decimal

import pytest
from pyspark.errors import AnalysisException
from pyspark.sql import Row, Window
from pyspark.sql import functions as F
from pyspark.testing import assertDataFrameEqual

# Columns are built inside the tests (lambdas in parametrize): classic PySpark needs a
# running SparkContext to build one, PyRust does not.
PEOPLE = [("ann", 34, "paris", 3200.0), ("bob", 45, "lyon", 2800.5), ("cid", 23, "paris", None),
          ("dee", 51, "nice", 4100.0), ("eve", 29, "lyon", 3900.25), ("fay", None, "paris", 1500.0)]


@pytest.fixture
def people(spark):
    return spark.createDataFrame(PEOPLE, "name string, age int, city string, salary double")


@pytest.mark.parametrize("threshold,expected", [(20, 5), (30, 3), (40, 2), (50, 1), (60, 0)])
def test_filter_by_age(people, threshold, expected):
    assert people.filter(F.col("age") > threshold).count() == expected


@pytest.mark.parametrize("city,n", [("paris", 3), ("lyon", 2), ("nice", 1), ("rome", 0)])
def test_count_by_city(people, city, n):
    got = {r.city: r["count"] for r in people.groupBy("city").count().collect()}
    assert got.get(city, 0) == n


@pytest.mark.parametrize("agg,expected", [
    (lambda: F.sum("salary"), 15500.75), (lambda: F.max("age"), 51), (lambda: F.min("age"), 23), (lambda: F.count("salary"), 5),
    (lambda: F.countDistinct("city"), 3), (lambda: F.round(F.avg("age"), 1), 36.4),
])
def test_aggregates(people, agg, expected):
    assert people.agg(agg().alias("v")).first().v == expected


def test_group_by_several_aggregates(people):
    got = people.groupBy("city").agg(F.count("*").alias("n"), F.round(F.avg("salary"), 2).alias("avg"))
    assertDataFrameEqual(got, [Row(city="lyon", n=2, avg=3350.38), Row(city="nice", n=1, avg=4100.0),
                               Row(city="paris", n=3, avg=2350.0)])


@pytest.mark.parametrize("how,n", [("inner", 2), ("left", 3), ("right", 3), ("full", 4), ("left_anti", 1),
                                   ("left_semi", 2)])
def test_joins(spark, how, n):
    a = spark.createDataFrame([(1, "x"), (2, "y"), (3, "z")], ["id", "a"])
    b = spark.createDataFrame([(1, "p"), (2, "q"), (4, "r")], ["id", "b"])
    assert a.join(b, "id", how).count() == n


def test_join_on_expression_and_select(spark):
    orders = spark.createDataFrame([(1, 10, 5.0), (2, 11, 7.5), (3, 10, 1.25)], ["oid", "cid", "amount"])
    customers = spark.createDataFrame([(10, "ann"), (11, "bob")], ["cid", "name"])
    got = (orders.join(customers, orders.cid == customers.cid).groupBy("name")
           .agg(F.sum("amount").alias("total")).orderBy("name"))
    assert [tuple(r) for r in got.collect()] == [("ann", 6.25), ("bob", 7.5)]


@pytest.mark.parametrize("fn", [lambda: F.row_number(), lambda: F.rank(), lambda: F.dense_rank()])
def test_window_ranks(people, fn):
    w = Window.partitionBy("city").orderBy(F.desc("name"))
    got = people.withColumn("r", fn().over(w)).orderBy("city", "r")
    assert [(r.name, r.r) for r in got.collect()] == [("eve", 1), ("bob", 2), ("dee", 1), ("fay", 1), ("cid", 2),
                                                      ("ann", 3)]


@pytest.mark.parametrize("offset", [1, 2])
def test_window_lag(spark, offset):
    df = spark.createDataFrame([(d, float(d * 10)) for d in range(1, 6)], ["day", "v"])
    got = df.withColumn("prev", F.lag("v", offset).over(Window.orderBy("day"))).orderBy("day")
    assert [r.prev for r in got.collect()] == [None] * offset + [float(d * 10) for d in range(1, 6 - offset)]


def test_running_total(spark):
    df = spark.createDataFrame([(d, d) for d in range(1, 6)], ["day", "v"])
    w = Window.orderBy("day").rowsBetween(Window.unboundedPreceding, Window.currentRow)
    assert [r.t for r in df.select(F.sum("v").over(w).alias("t")).collect()] == [1, 3, 6, 10, 15]


@pytest.mark.parametrize("fn,expected", [
    (lambda: F.upper("name"), "ANN"), (lambda: F.initcap(F.lit("hello world")), "Hello World"), (lambda: F.length("city"), 5),
    (lambda: F.concat_ws("-", "name", "city"), "ann-paris"), (lambda: F.substring("city", 1, 3), "par"),
    (lambda: F.regexp_replace("city", "a", "A"), "pAris"), (lambda: F.lpad("name", 5, "*"), "**ann"), (lambda: F.trim(F.lit("  x ")), "x"),
])
def test_string_functions(people, fn, expected):
    assert people.filter("name = 'ann'").select(fn().alias("v")).first().v == expected


def test_split_and_explode(spark):
    df = spark.createDataFrame([("a,b,c",), ("d",)], ["s"])
    got = df.select(F.explode(F.split("s", ",")).alias("t"))
    assert sorted(r.t for r in got.collect()) == ["a", "b", "c", "d"]


@pytest.mark.parametrize("fn,expected", [
    (lambda: F.year("d"), 2024), (lambda: F.month("d"), 2), (lambda: F.dayofmonth("d"), 29), (lambda: F.date_add("d", 1), datetime.date(2024, 3, 1)),
    (lambda: F.datediff(F.lit("2024-03-10").cast("date"), "d"), 10), (lambda: F.dayofweek("d"), 5), (lambda: F.quarter("d"), 1),
])
def test_date_functions(spark, fn, expected):
    df = spark.createDataFrame([(datetime.date(2024, 2, 29),)], ["d"])
    assert df.select(fn().alias("v")).first().v == expected


def test_timestamps_to_dates(spark):
    df = spark.createDataFrame([(datetime.datetime(2024, 5, 17, 13, 45, 10),)], ["ts"])
    assert df.select(F.to_date("ts").alias("d")).first().d == datetime.date(2024, 5, 17)


@pytest.mark.parametrize("how,n", [("any", 4), ("all", 6)])
def test_dropna(people, how, n):
    assert people.na.drop(how=how).count() == n


def test_fillna_and_coalesce(people):
    got = people.fillna({"age": 0}).select(F.coalesce("salary", F.lit(0.0)).alias("s"), "age")
    assert sorted(r.age for r in got.collect())[0] == 0
    assert 0.0 in [r.s for r in got.collect()]


def test_when_otherwise(people):
    band = F.when(F.col("age") < 30, "young").when(F.col("age") < 50, "mid").otherwise("senior")
    got = {r.name: r.band for r in people.select("name", band.alias("band")).collect()}
    assert got == {"ann": "mid", "bob": "mid", "cid": "young", "dee": "senior", "eve": "young", "fay": "senior"}


@pytest.mark.parametrize("query,expected", [
    ("SELECT COUNT(*) AS n FROM people", 6),
    ("SELECT MAX(age) AS n FROM people WHERE city = 'paris'", 34),
    ("SELECT COUNT(DISTINCT city) AS n FROM people", 3),
    ("SELECT SUM(CASE WHEN salary > 3000 THEN 1 ELSE 0 END) AS n FROM people", 3),
])
def test_sql(spark, people, query, expected):
    people.createOrReplaceTempView("people")
    assert spark.sql(query).first().n == expected


def test_union_and_distinct(spark):
    a = spark.createDataFrame([(1,), (2,)], ["x"])
    b = spark.createDataFrame([(2,), (3,)], ["x"])
    assert a.union(b).count() == 4
    assert a.union(b).distinct().count() == 3


def test_union_by_name(spark):
    a = spark.createDataFrame([(1, "a")], ["x", "y"])
    b = spark.createDataFrame([("b", 2)], ["y", "x"])
    assert sorted(tuple(r) for r in a.unionByName(b).collect()) == [(1, "a"), (2, "b")]


@pytest.mark.parametrize("value,to,expected", [
    ("42", "int", 42), ("3.5", "double", 3.5), ("2024-01-02", "date", datetime.date(2024, 1, 2)),
    ("1.25", "decimal(10,2)", Decimal("1.25")), (1, "string", "1"), ("true", "boolean", True),
])
def test_casts(spark, value, to, expected):
    df = spark.createDataFrame([(value,)], ["v"])
    assert df.select(F.col("v").cast(to).alias("c")).first().c == expected


def test_unknown_column_raises(people):
    with pytest.raises(AnalysisException):
        people.select("no_such_column")


def test_schema_and_columns(people):
    assert people.columns == ["name", "age", "city", "salary"]
    assert [f.dataType.simpleString() for f in people.schema] == ["string", "int", "string", "double"]


def test_sort_and_limit(people):
    got = people.orderBy(F.desc_nulls_last("salary")).limit(2)
    assert [r.name for r in got.collect()] == ["dee", "eve"]


def test_with_columns_renamed(people):
    got = people.withColumnRenamed("name", "who").withColumn("age2", F.col("age") * 2)
    assert got.columns == ["who", "age", "city", "salary", "age2"]


@pytest.mark.parametrize("fn,expected", [
    (lambda: F.sum_distinct("age"), 182), (lambda: F.round(F.stddev("salary"), 2), 1036.83), (lambda: F.min("name"), "ann"),
    (lambda: F.md5(F.lit("a")), "0cc175b9c0f1b6a831c399e269772661"), (lambda: F.greatest(F.lit(1), F.lit(5), F.lit(3)), 5),
])
def test_more_aggregates_and_functions(people, fn, expected):
    assert people.orderBy("name").select(fn().alias("v")).first().v == expected


def test_assert_dataframe_equal_detects_difference(spark):
    a = spark.createDataFrame([(1, "x")], ["id", "v"])
    with pytest.raises(AssertionError):
        assertDataFrameEqual(a, [Row(id=1, v="y")])


def test_pivot_like_conditional_sums(people):
    got = people.agg(*[F.sum(F.when(F.col("city") == c, 1).otherwise(0)).alias(c) for c in ("paris", "lyon")]).first()
    assert (got.paris, got.lyon) == (3, 2)
