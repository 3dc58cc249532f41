"""The pandas and Arrow function APIs are lazy, as in Spark: `mapInPandas`,
`mapInArrow`, `applyInPandas`, `applyInArrow` and `cogroup().applyInPandas` build a
plan; the function runs at the action (an error inside it surfaces there, not at the
call), the schema is known without running it, and the plan after it stays a plan
(filters, projections, aggregations, joins and unions over its rows)."""

import pandas as pd

from harness import case
from pyspark.sql import functions as F


def _nums(spark):
    return spark.createDataFrame([(i, "ab"[i % 2], float(i) / 2) for i in range(8)], "id long, g string, x double")


def _map_fails(batches):
    for pdf in batches:
        raise ValueError("lazy map boom")
        yield pdf


def _arrow_fails(batches):
    for b in batches:
        raise ValueError("lazy arrow boom")
        yield b


def _group_fails(pdf):
    raise ValueError("lazy group boom")


def _arrow_group_fails(table):
    raise ValueError("lazy arrow group boom")


def _cogroup_fails(left, right):
    raise ValueError("lazy cogroup boom")


def _double(batches):
    for pdf in batches:
        yield pdf.assign(id=pdf.id * 2)


def _count(pdf):
    return pd.DataFrame({"g": [pdf.g.iloc[0]], "n": [len(pdf)], "total": [pdf.x.sum()]})


def _sizes(left, right):
    return pd.DataFrame({"nl": [len(left)], "nr": [len(right)]})


def _at_action(build):
    """What happens at the call and at the action: ["built", error class, message has the text]."""
    steps = []
    df = build()
    steps.append("built")
    steps.append(df.columns)
    try:
        df.collect()
        steps.append("no error")
    except Exception as e:
        steps.append(type(e).__name__)
        steps.append("boom" in str(e))
    return steps


@case
def map_in_pandas_error_surfaces_at_the_action(spark):
    return _at_action(lambda: _nums(spark).mapInPandas(_map_fails, "id long, tag string"))


@case
def map_in_arrow_error_surfaces_at_the_action(spark):
    return _at_action(lambda: _nums(spark).mapInArrow(_arrow_fails, "id long"))


@case
def apply_in_pandas_error_surfaces_at_the_action(spark):
    return _at_action(lambda: _nums(spark).groupBy("g").applyInPandas(_group_fails, "g string, n long"))


@case
def apply_in_arrow_error_surfaces_at_the_action(spark):
    return _at_action(lambda: _nums(spark).groupBy("g").applyInArrow(_arrow_group_fails, "g string"))


@case
def cogroup_error_surfaces_at_the_action(spark):
    left = _nums(spark)
    right = _nums(spark).filter("id > 3")
    return _at_action(lambda: left.groupBy("g").cogroup(right.groupBy("g")).applyInPandas(_cogroup_fails, "nl long"))


@case
def error_surfaces_under_a_later_plan(spark):
    return _at_action(lambda: _nums(spark).mapInPandas(_map_fails, "id long").filter("id > 1").groupBy().count())


@case
def schema_without_running_the_function(spark):
    df = _nums(spark).groupBy("g").applyInPandas(_group_fails, "g string, n long, total double")
    return [df.schema.simpleString(), df.columns, [f.nullable for f in df.schema.fields]]


@case
def plan_after_map_in_pandas(spark):
    df = _nums(spark).mapInPandas(_double, "id long, g string, x double")
    return df.filter(F.col("id") > 4).withColumn("y", F.col("x") * 10).select("id", "g", "y").orderBy("id")


@case
def aggregate_over_apply_in_pandas(spark):
    df = _nums(spark).groupBy("g").applyInPandas(_count, "g string, n long, total double")
    return df.agg(F.sum("n").alias("rows"), F.sum("total").alias("total"), F.count("*").alias("groups"))


@case
def join_with_the_output_of_apply_in_pandas(spark):
    counts = _nums(spark).groupBy("g").applyInPandas(_count, "g string, n long, total double")
    return _nums(spark).join(counts, "g").select("id", "g", "n").orderBy("id")


@case
def union_of_two_map_in_pandas(spark):
    df = _nums(spark).mapInPandas(_double, "id long, g string, x double")
    return df.union(df.filter("id < 6")).orderBy("id", "g")


@case(ordered=False)
def map_in_pandas_over_apply_in_pandas(spark):
    counts = _nums(spark).groupBy("g").applyInPandas(_count, "g string, n long, total double")
    return counts.mapInPandas(lambda it: (p.assign(n=p.n + 100) for p in it), "g string, n long")


@case
def cogroup_then_aggregate(spark):
    left = _nums(spark)
    right = _nums(spark).filter("id > 4")
    df = left.groupBy("g").cogroup(right.groupBy("g")).applyInPandas(_sizes, "nl long, nr long")
    return df.agg(F.sum("nl").alias("nl"), F.sum("nr").alias("nr"))


@case
def apply_in_pandas_over_a_filtered_join(spark):
    left = _nums(spark)
    right = spark.createDataFrame([("a", 10), ("b", 20)], "g string, w long")
    df = left.join(right, "g").filter("id % 3 != 0").groupBy("g").applyInPandas(_count, "g string, n long, total double")
    return df.orderBy("g")


@case(ordered=False)
def apply_in_pandas_null_and_nan_keys(spark):
    df = spark.createDataFrame(
        [(1, None), (2, None), (3, float("nan")), (4, float("nan")), (5, 0.0), (6, -0.0), (7, 1.5)], "id long, k double")
    return df.groupBy("k").applyInPandas(lambda p: pd.DataFrame({"n": [len(p)], "ids": [int(p.id.sum())]}), "n long, ids long")


@case
def explain_free_count_of_map_in_pandas(spark):
    df = _nums(spark).mapInPandas(_double, "id long, g string, x double")
    return [df.count(), df.filter("id >= 8").count()]


# UDTFs: the handler runs at the action too (a call, a TABLE argument, a lateral join).

from pyspark.sql.functions import udtf  # noqa: E402


@udtf(returnType="n int")
class _LazyCounter:
    def eval(self, limit: int):
        for i in range(limit):
            yield (i,)


@udtf(returnType="n int")
class _LazyFails:
    def eval(self, limit: int):
        raise ValueError("lazy udtf boom")


@udtf(returnType="id long, half long")
class _LazyRowFails:
    def eval(self, row):
        if row["id"] > 2:
            raise ValueError("lazy table boom")
        yield (row["id"], row["id"] // 2)


@case
def udtf_error_surfaces_at_the_action(spark):
    return _at_action(lambda: _LazyFails(F.lit(3)))


@case
def udtf_over_a_table_argument_error_surfaces_at_the_action(spark):
    return _at_action(lambda: _LazyRowFails(_nums(spark).select("id").asTable()))


@case
def udtf_lateral_error_surfaces_at_the_action(spark):
    spark.udtf.register("lazy_fails", _LazyFails)
    spark.createDataFrame([(1,), (2,)], "a int").createOrReplaceTempView("lazy_lateral_t")
    return _at_action(lambda: spark.sql("SELECT * FROM lazy_lateral_t, LATERAL lazy_fails(a)"))


@case
def plan_over_a_udtf_call(spark):
    df = _LazyCounter(F.lit(6))
    return df.filter("n % 2 = 0").withColumn("m", F.col("n") * 10).orderBy(F.col("n").desc())


@case
def udtf_over_a_table_argument_then_aggregate(spark):
    df = _LazyRowFails(_nums(spark).filter("id <= 2").select("id").asTable())
    return df.agg(F.sum("id").alias("s"), F.max("half").alias("h"), F.count("*").alias("n"))
