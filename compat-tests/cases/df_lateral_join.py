"""DataFrame.lateralJoin(other, on, how) with `col(...).outer()` references: correlated
filters, projections and aggregations of the left row's columns, inner/left/cross joins,
join conditions, Spark's scoping (an unqualified outer column resolves through the inner
side first) and the errors of misuse (unsupported join types, unresolvable names)."""

from harness import case
from pyspark.sql import functions as F


def _t1(spark):
    return spark.createDataFrame([(1, 2), (2, 3), (None, 4)], "c1 int, c2 int")


def _t2(spark):
    return spark.createDataFrame([(1, 10), (2, 20), (1, 30), (None, 40)], "c1 int, c2 int")


def _correlated(spark):
    return _t2(spark).alias("b").where(F.col("b.c1") == F.col("a.c1").outer())


@case(ordered=False)
def lateral_correlated_filter(spark):
    return _t1(spark).alias("a").lateralJoin(_correlated(spark))


@case(ordered=False)
def lateral_correlated_filter_left(spark):
    return _t1(spark).alias("a").lateralJoin(_correlated(spark), how="left")


@case(ordered=False)
def lateral_correlated_filter_left_outer_spelling(spark):
    return _t1(spark).alias("a").lateralJoin(_correlated(spark).select("c2"), how="left_outer")


@case(ordered=False)
def lateral_correlated_filter_cross(spark):
    return _t1(spark).alias("a").lateralJoin(_correlated(spark).select(F.col("c2").alias("v")), how="cross")


@case
def lateral_projection_of_outer_columns(spark):
    return _t1(spark).lateralJoin(spark.range(1).select(F.col("c1").outer() + F.col("c2").outer())).orderBy("c2")


@case
def lateral_projection_named(spark):
    inner = spark.range(1).select((F.col("c1").outer() * 10).alias("ten"), F.col("c2").outer(), F.lit("x").alias("k"))
    return _t1(spark).lateralJoin(inner).orderBy("k", "ten")


@case
def lateral_range_filter_inner(spark):
    return _t1(spark).lateralJoin(spark.range(3).where(F.col("id") < F.col("c1").outer())).orderBy("c2", "id")


@case
def lateral_range_filter_left(spark):
    return _t1(spark).lateralJoin(spark.range(3).where(F.col("id") < F.col("c1").outer()), how="left").orderBy("c2", "id")


@case(ordered=False)
def lateral_with_column_and_filter_after(spark):
    inner = _correlated(spark).withColumn("z", F.col("b.c2") + F.col("a.c2").outer()).where(F.col("z") > 15)
    return _t1(spark).alias("a").lateralJoin(inner)


@case(ordered=False)
def lateral_with_columns_outer(spark):
    inner = _correlated(spark).withColumns({"p": F.col("a.c2").outer() * F.col("b.c2"), "q": F.lit(1)})
    return _t1(spark).alias("a").lateralJoin(inner, how="left")


@case(ordered=False)
def lateral_order_by_inside(spark):
    return _t1(spark).alias("a").lateralJoin(_correlated(spark).orderBy("c2"))


@case
def lateral_correlated_count(spark):
    return _t1(spark).alias("a").lateralJoin(_correlated(spark).select(F.count("*"))).orderBy("c2")


@case
def lateral_correlated_sum_left(spark):
    inner = _correlated(spark).select(F.sum("c2").alias("s"), F.max("b.c2").alias("m"))
    return _t1(spark).alias("a").lateralJoin(inner, how="left").orderBy("c2")


@case
def lateral_correlated_count_and_sum(spark):
    inner = _correlated(spark).select(F.count("b.c2").alias("n"), (F.sum("b.c2") + 1).alias("s1"))
    return _t1(spark).alias("a").lateralJoin(inner).orderBy("c2")


@case
def lateral_aggregate_then_outer_filter(spark):
    inner = _t2(spark).groupBy().agg(F.sum("c2").alias("s")).where(F.col("s") > F.col("c2").outer() * 25)
    return _t1(spark).lateralJoin(inner).orderBy("c2")


@case(ordered=False)
def lateral_uncorrelated_is_a_cross_join(spark):
    return _t1(spark).lateralJoin(_t2(spark))


@case(ordered=False)
def lateral_uncorrelated_with_condition(spark):
    return _t1(spark).alias("a").lateralJoin(_t2(spark).alias("b"), F.col("a.c1") == F.col("b.c1"), "left")


@case(ordered=False)
def lateral_condition_on_inner_output(spark):
    inner = _correlated(spark).select(F.col("c2").alias("d"))
    return _t1(spark).alias("a").lateralJoin(inner, on=F.col("d") > 15, how="left")


@case(ordered=False)
def lateral_condition_inner(spark):
    inner = _correlated(spark).select(F.col("c2").alias("d"))
    return _t1(spark).alias("a").lateralJoin(inner, F.col("d") > F.col("a.c2") * 10)


@case(ordered=False)
def lateral_outer_name_resolves_inner_first(spark):
    # Spark's scoping: `c1` exists inside, so `col("c1").outer()` reads the inner c1.
    return _t1(spark).lateralJoin(_t2(spark).where(F.col("c1").outer() == F.col("c1")).select("c2"))


@case(ordered=False)
def lateral_inner_first_in_aggregate(spark):
    return _t1(spark).lateralJoin(_t2(spark).select(F.sum(F.col("c2") + F.col("c1").outer()).alias("s")))


@case
def lateral_empty_left(spark):
    return _t1(spark).where("c1 > 100").alias("a").lateralJoin(_correlated(spark))


@case
def lateral_empty_left_aggregate(spark):
    return _t1(spark).where("c1 > 100").alias("a").lateralJoin(_correlated(spark).select(F.count("*")))


@case
def lateral_schema_nullability(spark):
    df = _t1(spark).lateralJoin(spark.range(2).select(F.col("id"), (F.col("c2").outer() + F.col("id")).alias("s")))
    return [df.schema.simpleString(), [f.nullable for f in df.schema.fields], df.orderBy("c2", "id").collect()]


@case
def lateral_strings_and_outer_function(spark):
    left = spark.createDataFrame([("ab", 1), ("", 2), (None, 3), ("😀x", 4)], "s string, n int")
    inner = spark.range(1).select(F.upper(F.col("s").outer()).alias("u"), F.length(F.col("s").outer()).alias("l"))
    return left.lateralJoin(inner).orderBy("n")


@case
def lateral_outer_repr(spark):
    return [repr(F.col("c1").outer()), repr(F.col("a.c1").outer())]


@case
def lateral_unsupported_how_right(spark):
    return _t1(spark).alias("a").lateralJoin(_correlated(spark), how="right")


@case
def lateral_unsupported_how_full(spark):
    return _t1(spark).alias("a").lateralJoin(_correlated(spark), how="full")


@case
def lateral_unsupported_how_semi(spark):
    return _t1(spark).alias("a").lateralJoin(_correlated(spark), how="semi")


@case
def lateral_unsupported_how_bogus(spark):
    return _t1(spark).alias("a").lateralJoin(_t2(spark), how="bogus")


@case
def lateral_unresolved_outer_column(spark):
    return _t1(spark).lateralJoin(spark.range(1).select(F.col("nope").outer()))


@case
def lateral_ambiguous_condition(spark):
    return _t1(spark).lateralJoin(_t2(spark), F.col("c1") > 1)


@case
def lateral_outer_outside_lateral_join_distinct(spark):
    # Spark analyses the DataFrame here, alone: the outer column cannot be resolved.
    return _t2(spark).where(F.col("c1") == F.col("zz").outer()).distinct()
