"""DataFrame subqueries (`scalar()`, `exists()`) beyond select, filter and withColumn:
in aggregations (inside and beside aggregate functions, grouping keys), in `orderBy`
and in join conditions; and the same positions in `spark.sql` (a scalar subquery in an
aggregate, in ORDER BY, in JOIN ... ON; IN and EXISTS in a join condition). Spark's
names, nullability, empty inputs and errors."""

from harness import case
from pyspark.sql import functions as F


def _t(spark):
    return spark.createDataFrame([(1, 10), (1, 20), (2, 5), (None, 7)], "k int, v int")


def _o(spark):
    return spark.createDataFrame([(1, 100), (2, 200), (3, None)], "k int, x int")


def _max_x(spark):
    return _o(spark).select(F.max("x")).scalar()


def _correlated_max(spark):
    """The largest x of o's rows whose k is the outer row's k."""
    return _o(spark).alias("b").where(F.col("b.k") == F.col("a.k").outer()).select(F.max("x"))


def _views(spark):
    _t(spark).createOrReplaceTempView("sqp_t")
    _o(spark).createOrReplaceTempView("sqp_o")


# Aggregations


@case
def agg_global_beside_an_aggregate(spark):
    return _t(spark).agg(F.sum("v") + _max_x(spark))


@case
def agg_grouped_beside_an_aggregate(spark):
    return _t(spark).groupBy("k").agg(F.sum("v") + _max_x(spark)).orderBy("k")


@case
def agg_grouped_inside_an_aggregate(spark):
    return _t(spark).groupBy("k").agg(F.sum(F.col("v") * _max_x(spark))).orderBy("k")


@case
def agg_grouped_alone(spark):
    return _t(spark).groupBy("k").agg(_max_x(spark)).orderBy("k")


@case
def agg_grouped_aliased_beside_others(spark):
    return _t(spark).groupBy("k").agg(F.max("v"), _max_x(spark).alias("m"), F.count("*")).orderBy("k")


@case
def agg_inside_and_beside(spark):
    m = _max_x(spark)
    return _t(spark).groupBy("k").agg((F.sum(F.col("v") + m) - m).alias("s")).orderBy("k")


@case
def agg_global_over_no_rows_keeps_its_row(spark):
    return _t(spark).where("v > 100").agg(F.count("*") + _max_x(spark), F.sum("v"))


@case
def agg_grouped_over_no_rows(spark):
    return _t(spark).where("v > 100").groupBy("k").agg(F.count("*") + _max_x(spark))


@case
def agg_empty_subquery_is_null(spark):
    return _t(spark).groupBy("k").agg(F.sum("v") + _o(spark).where("x > 1000").select(F.max("x")).scalar()).orderBy("k")


@case
def agg_exists_beside(spark):
    return _t(spark).groupBy("k").agg(F.count("*"), _o(spark).exists()).orderBy("k")


@case
def agg_exists_inside(spark):
    return _t(spark).groupBy("k").agg(F.sum(F.when(_o(spark).where("x > 150").exists(), F.col("v")))).orderBy("k")


@case
def agg_select_of_aggregates(spark):
    return _t(spark).select(F.sum("v") + _max_x(spark))


@case
def agg_grouping_key(spark):
    return _t(spark).groupBy((F.col("k") + _max_x(spark)).alias("g")).agg(F.sum("v")).orderBy("g")


@case
def agg_correlated_beside_is_refused(spark):
    return _t(spark).alias("a").groupBy("k").agg(_correlated_max(spark).scalar())


@case(ordered=False)
def agg_correlated_inside(spark):
    return _t(spark).alias("a").groupBy("k").agg(F.sum(_correlated_max(spark).scalar()))


@case(ordered=False)
def agg_correlated_exists_inside(spark):
    inner = _o(spark).alias("b").where(F.col("b.k") == F.col("a.k").outer())
    return _t(spark).alias("a").groupBy("k").agg(F.count(F.when(inner.exists(), 1)))


@case
def agg_too_many_columns(spark):
    return _t(spark).groupBy("k").agg(F.sum("v") + _o(spark).select("x", "k").scalar())


# orderBy


@case
def sort_by_an_expression_of_the_value(spark):
    return _t(spark).orderBy(F.col("v") * _max_x(spark))


@case
def sort_descending(spark):
    return _t(spark).orderBy((F.col("v") - _max_x(spark)).desc())


@case
def sort_by_the_value_then_a_column(spark):
    return _t(spark).orderBy(_max_x(spark), "v")


@case
def sort_by_exists(spark):
    return _t(spark).orderBy(_o(spark).exists(), "v")


@case
def sort_correlated(spark):
    return _t(spark).alias("a").orderBy(_correlated_max(spark).scalar(), "v")


@case
def sort_correlated_exists(spark):
    inner = _o(spark).alias("b").where(F.col("b.k") == F.col("a.k").outer())
    return _t(spark).alias("a").orderBy(inner.exists(), "v")


@case
def sort_over_no_rows(spark):
    return _t(spark).where("v > 100").orderBy(F.col("v") * _max_x(spark))


# Join conditions


def _join(spark, how):
    t, o = _t(spark), _o(spark)
    return t.join(o, (t.k == o.k) & (t.v * 10 > o.select(F.avg("x")).scalar()), how)


@case(ordered=False)
def join_inner(spark):
    return _join(spark, "inner")


@case(ordered=False)
def join_left(spark):
    return _join(spark, "left")


@case(ordered=False)
def join_right(spark):
    return _join(spark, "right")


@case(ordered=False)
def join_full(spark):
    return _join(spark, "full")


@case(ordered=False)
def join_semi(spark):
    return _join(spark, "semi")


@case(ordered=False)
def join_anti(spark):
    return _join(spark, "anti")


@case(ordered=False)
def join_exists_false(spark):
    t, o = _t(spark), _o(spark)
    return t.join(o, (t.k == o.k) & o.where("x > 1000").exists(), "left")


@case
def join_empty_scalar_matches_nothing(spark):
    t, o = _t(spark), _o(spark)
    return t.join(o, (t.k == o.k) & (t.v < o.where("x > 1000").select(F.max("x")).scalar()))


@case(ordered=False)
def join_condition_only_a_subquery(spark):
    t, o = _t(spark), _o(spark)
    return t.join(o, t.v < o.select(F.min("x")).scalar())


@case(ordered=False)
def join_correlated_to_the_left(spark):
    t, o = _t(spark).alias("a"), _o(spark)
    return t.join(o, (F.col("a.k") == o.k) & (F.col("a.v") < _correlated_max(spark).scalar()))


@case(ordered=False)
def join_correlated_exists(spark):
    t, o = _t(spark).alias("a"), _o(spark)
    inner = _o(spark).alias("b").where(F.col("b.k") == F.col("a.k").outer())
    return t.join(o, (F.col("a.k") == o.k) & inner.exists())


# The same positions in SQL


@case
def sql_scalar_beside_an_aggregate(spark):
    _views(spark)
    return spark.sql("SELECT k, sum(v) + (SELECT max(x) FROM sqp_o AS o) FROM sqp_t AS t GROUP BY k ORDER BY k")


@case
def sql_scalar_inside_an_aggregate(spark):
    _views(spark)
    return spark.sql("SELECT sum(v * (SELECT max(x) FROM sqp_o AS o)) AS s FROM sqp_t AS t")


@case
def sql_scalar_alone_in_an_aggregation(spark):
    _views(spark)
    return spark.sql("SELECT k, (SELECT max(x) FROM sqp_o AS o) AS m, count(*) FROM sqp_t AS t GROUP BY k ORDER BY k")


@case
def sql_scalar_over_no_rows(spark):
    _views(spark)
    return spark.sql("SELECT count(*) + (SELECT max(x) FROM sqp_o AS o) AS c FROM sqp_t AS t WHERE v > 100")


@case
def sql_exists_in_an_aggregation(spark):
    _views(spark)
    return spark.sql("SELECT k, EXISTS (SELECT 1 FROM sqp_o AS o WHERE x > 150) AS e, count(*) FROM sqp_t AS t GROUP BY k ORDER BY k")


@case
def sql_correlated_scalar_beside_an_aggregate(spark):
    _views(spark)
    return spark.sql("SELECT k, (SELECT max(x) FROM sqp_o AS o WHERE o.k = t.k) AS m FROM sqp_t AS t GROUP BY k ORDER BY k")


@case
def sql_order_by_scalar(spark):
    _views(spark)
    return spark.sql("SELECT * FROM sqp_t AS t ORDER BY v * (SELECT max(x) FROM sqp_o AS o)")


@case
def sql_order_by_correlated_scalar(spark):
    _views(spark)
    return spark.sql("SELECT * FROM sqp_t AS t ORDER BY (SELECT max(x) FROM sqp_o AS o WHERE o.k = t.k), v")


@case
def sql_order_by_aggregate_and_scalar(spark):
    _views(spark)
    return spark.sql("SELECT k, sum(v) FROM sqp_t AS t GROUP BY k ORDER BY sum(v) - (SELECT max(x) FROM sqp_o AS o)")


@case(ordered=False)
def sql_join_on_scalar(spark):
    _views(spark)
    return spark.sql("SELECT * FROM sqp_t AS t JOIN sqp_o AS o ON t.k = o.k AND t.v * 10 > (SELECT avg(x) FROM sqp_o AS o)")


@case(ordered=False)
def sql_left_join_on_scalar(spark):
    _views(spark)
    return spark.sql("SELECT * FROM sqp_t AS t LEFT JOIN sqp_o AS o ON t.k = o.k AND t.v * 10 > (SELECT avg(x) FROM sqp_o AS o)")


@case(ordered=False)
def sql_join_on_in(spark):
    _views(spark)
    return spark.sql("SELECT * FROM sqp_t AS t JOIN sqp_o AS o ON t.k = o.k AND t.k IN (SELECT k FROM sqp_o AS o WHERE x > 150)")


@case(ordered=False)
def sql_left_join_on_not_in(spark):
    _views(spark)
    return spark.sql("SELECT * FROM sqp_t AS t LEFT JOIN sqp_o AS o ON t.k = o.k AND t.k NOT IN (SELECT k FROM sqp_o AS o WHERE x > 150)")


@case(ordered=False)
def sql_left_join_on_exists(spark):
    _views(spark)
    return spark.sql("SELECT * FROM sqp_t AS t LEFT JOIN sqp_o AS o ON t.k = o.k AND EXISTS (SELECT 1 FROM sqp_o o2 WHERE o2.x > 150)")


@case(ordered=False)
def sql_join_on_correlated_exists(spark):
    _views(spark)
    return spark.sql("SELECT * FROM sqp_t AS t JOIN sqp_o AS o ON t.k = o.k AND EXISTS (SELECT 1 FROM sqp_o o2 WHERE o2.k = t.k AND o2.x > 150)")


@case(ordered=False)
def sql_join_on_correlated_scalar(spark):
    _views(spark)
    return spark.sql("SELECT * FROM sqp_t AS t JOIN sqp_o AS o ON t.k = o.k AND t.v < (SELECT max(x) FROM sqp_o o2 WHERE o2.k = t.k)")


@case
def sql_having_reads_a_scalar(spark):
    _views(spark)
    return spark.sql("SELECT k, sum(v) FROM sqp_t AS t GROUP BY k HAVING sum(v) > (SELECT min(x) FROM sqp_o AS o) - 190 ORDER BY k")


@case
def sql_scalar_beside_an_aggregate_with_having(spark):
    _views(spark)
    return spark.sql("SELECT k, (SELECT max(x) FROM sqp_o AS o) + sum(v) AS s FROM sqp_t AS t GROUP BY k HAVING sum(v) > 6 ORDER BY k")


@case
def sql_order_by_scalar_and_count(spark):
    _views(spark)
    return spark.sql("SELECT k, count(*) FROM sqp_t AS t GROUP BY k ORDER BY (SELECT max(x) FROM sqp_o AS o) - count(*), k")


@case
def sql_correlated_scalar_inside_an_aggregate(spark):
    _views(spark)
    return spark.sql("SELECT k, sum((SELECT max(x) FROM sqp_o AS o WHERE o.k = t.k)) AS m FROM sqp_t AS t GROUP BY k ORDER BY k")
