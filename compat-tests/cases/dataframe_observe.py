"""DataFrame.observe with an Observation: metrics (aggregates of the observed frame)
computed by the first action over it and read with Observation.get; named (string)
observations; Spark's analysis errors for metrics and PySpark's argument errors.
Actions that stop early (first, head, a limit above the observation) are recorded in
reliability_fixes5: Spark's metrics then count only the rows that flowed
(docs/semantics.md)."""

from harness import case
from pyspark.sql import Observation
from pyspark.sql import functions as F


def _df(spark):
    return spark.createDataFrame([(1, "a", 1.5), (None, "b", None), (3, None, -2.0), (3, "a", 0.0)], "x int, s string, d double")


@case
def observe_after_collect(spark):
    o = Observation("m")
    df = _df(spark).observe(o, F.count(F.lit(1)).alias("rows"), F.max("x").alias("mx"), F.sum("x"))
    rows = df.collect()
    return [rows, sorted(o.get.items())]


@case
def observe_schema_and_rows_unchanged(spark):
    return _df(spark).observe(Observation("unchanged"), F.count("*").alias("c"))


@case
def observe_after_count(spark):
    o = Observation()
    n = _df(spark).observe(o, F.avg("d").alias("a"), F.min("s").alias("m")).count()
    return [n, sorted(o.get.items())]


@case
def observe_below_filter_and_select(spark):
    o = Observation("below")
    df = _df(spark).observe(o, F.count("*").alias("c"), F.min("s").alias("m")).filter("x > 2").select("s")
    rows = df.collect()
    return [rows, sorted(o.get.items())]


@case
def observe_above_filter(spark):
    o = Observation("above")
    df = _df(spark).filter("x > 1").observe(o, F.count("*").alias("c"), F.sum("x").alias("t"))
    df.show()
    return sorted(o.get.items())


@case
def observe_first_action_only(spark):
    o = Observation("first")
    base = spark.range(10)
    df = base.observe(o, F.count("*").alias("c"))
    df.collect()
    first = sorted(o.get.items())
    df.filter("id > 100").collect()
    return [first, sorted(o.get.items())]


@case
def observe_empty_frame(spark):
    o = Observation("empty")
    _df(spark).limit(0).observe(o, F.count("*").alias("c"), F.max("x").alias("m"), F.avg("x").alias("a")).collect()
    return sorted(o.get.items())


@case
def observe_expression_over_aggregates(spark):
    o = Observation("expr")
    _df(spark).observe(o, (F.max("x") + 1).alias("p"), (F.sum("d") * 2).alias("q"), F.lit(42).alias("k")).toPandas()
    return sorted(o.get.items())


@case
def observe_then_aggregate(spark):
    o = Observation("agg")
    out = _df(spark).observe(o, F.count("*").alias("c")).groupBy("s").count().orderBy("s")
    rows = out.collect()
    return [rows, sorted(o.get.items())]


@case
def observe_named_string(spark):
    return _df(spark).observe("named_metrics", F.count("*").alias("c"))


@case
def observe_non_aggregate_column(spark):
    return _df(spark).observe(Observation("bad"), F.col("x"))


@case
def observe_column_outside_aggregate(spark):
    return _df(spark).observe(Observation("bad2"), (F.col("x") + F.max("x")).alias("v"))


@case
def observe_nested_aggregates(spark):
    return _df(spark).observe(Observation("nested"), F.sum(F.max("x")).alias("r"))


@case
def observe_distinct_aggregate(spark):
    return _df(spark).observe(Observation("distinct"), F.countDistinct("s").alias("d"))


@case
def observe_no_metrics(spark):
    return _df(spark).observe(Observation("none"))


@case
def observe_metric_not_column(spark):
    return _df(spark).observe(Observation("notcol"), "x")


@case
def observe_reused_observation(spark):
    o = Observation("dup")
    _df(spark).observe(o, F.count("*").alias("c"))
    return _df(spark).observe(o, F.count("*").alias("c"))


@case
def observation_name_not_str(spark):
    return Observation(3)


@case
def observation_empty_name(spark):
    return Observation("")


@case
def observation_get_without_observe(spark):
    return Observation("never").get


@case
def observe_unknown_column(spark):
    return _df(spark).select("d", "s", "x").observe(Observation("unknown"), F.max("nope"))


# toJSON: each row as Spark's JSON writer writes it, in an RDD.
def _typed(spark):
    import datetime
    import decimal

    return spark.createDataFrame(
        [
            (1, "a", None, [1, None], {"k": 1.5}, datetime.datetime(2024, 1, 2, 3, 4, 5), datetime.date(2024, 1, 2), decimal.Decimal("1.20"), b"ab", float("nan"), ("x", None)),
            (None, "é😀\n\"q\"", "n", [], {}, None, None, None, None, float("-inf"), None),
        ],
        "i int, s string, n string, a array<int>, m map<string,double>, t timestamp, d date, dec decimal(5,2), b binary, f double, st struct<p:string,q:int>",
    )


@case
def to_json_collect(spark):
    return _typed(spark).toJSON().collect()


@case
def to_json_actions(spark):
    r = _typed(spark).toJSON()
    return [r.count(), r.take(1), r.first(), r.isEmpty(), r.getNumPartitions()]


@case
def to_json_map_and_filter(spark):
    r = _typed(spark).toJSON()
    return [r.map(len).collect(), r.filter(lambda s: '"n"' in s).collect()]


@case
def to_json_selected_range(spark):
    return spark.range(3).select("id", (F.col("id") * 2).alias("double")).toJSON().collect()


@case
def to_json_empty_first(spark):
    return _typed(spark).limit(0).toJSON().first()


@case
def to_json_duplicate_and_dotted_names(spark):
    return spark.createDataFrame([(1, 2, 3)], "`a.b` int, c int, d int").toJSON().collect()


# --- filters between the observation and a limit: Spark reads rows through the
# observation until the filters have passed the limit's rows ---


def _counted(spark, name, n=100):
    o = Observation(name)
    df = spark.range(n).observe(o, F.count(F.lit(1)).alias("c"), F.sum("id").alias("s"), F.max("id").alias("m"))
    return o, df


@case
def observe_filter_then_limit(spark):
    o, df = _counted(spark, "filter_limit")
    rows = df.filter(F.col("id") % 3 == 0).limit(5).collect()
    return [rows, sorted(o.get.items())]


@case
def observe_filter_then_first(spark):
    o, df = _counted(spark, "filter_first")
    row = df.filter(F.col("id") > 41).first()
    return [row, sorted(o.get.items())]


@case
def observe_filters_and_projections_then_take(spark):
    o, df = _counted(spark, "chain")
    out = df.withColumn("y", F.col("id") * 2).filter(F.col("y") > 10).select("id", (F.col("y") + 1).alias("z")).filter(F.col("id") % 2 == 1)
    return [out.take(3), sorted(o.get.items())]


@case
def observe_filter_fewer_rows_than_limit(spark):
    o, df = _counted(spark, "fewer")
    rows = df.filter(F.col("id") % 40 == 0).limit(5).collect()
    return [rows, sorted(o.get.items())]


@case
def observe_filter_nothing_passes(spark):
    o, df = _counted(spark, "none")
    return [df.filter(F.col("id") < 0).head(2), sorted(o.get.items())]


@case
def observe_filter_then_show(spark):
    o, df = _counted(spark, "show", 300)
    df.filter(F.col("id") % 7 == 0).show()
    return sorted(o.get.items())


@case
def observe_filter_below_and_above(spark):
    o = Observation("both")
    df = spark.range(50).filter("id > 10").observe(o, F.count(F.lit(1)).alias("c"), F.min("id").alias("lo"), F.max("id").alias("hi"))
    rows = df.filter(F.col("id") % 5 == 0).limit(2).collect()
    return [rows, sorted(o.get.items())]


@case
def observe_filter_over_nulls_then_head(spark):
    o = Observation("nulls")
    df = _df(spark).observe(o, F.count("*").alias("c"), F.sum("x").alias("t"))
    return [df.filter("x >= 3").head(1), sorted(o.get.items())]


@case
def observe_filter_limit_then_count(spark):
    o, df = _counted(spark, "count")
    return [df.filter(F.col("id") % 4 == 1).limit(6).count(), sorted(o.get.items())]
