"""Lateral column aliases in aggregations (Spark's ResolveLateralColumnAliasReference for
Aggregate): a select item reading an alias an earlier item gives, where the list holds
aggregates, in SQL and in `groupBy().agg` / `select` / `selectExpr`; and the forms
Spark refuses."""

from harness import case
from pyspark.sql import functions as F
from pyspark.sql.window import Window


def _df(spark):
    return spark.createDataFrame([(1, "a", 2.5), (2, "a", None), (None, "b", -1.0), (4, "b", 3.0)], "x int, s string, d double")


def _view(spark):
    _df(spark).createOrReplaceTempView("lca_agg")


@case
def sql_global_aggregate_read_by_a_later_item(spark):
    _view(spark)
    return spark.sql("SELECT sum(x) AS t, t + 1 FROM lca_agg")


@case(ordered=False)
def sql_grouped_reads_aggregates_and_keys(spark):
    _view(spark)
    return spark.sql("SELECT s, sum(x) AS t, t + 1 AS u, upper(s) AS us, concat(us, t) FROM lca_agg GROUP BY s")


@case(ordered=False)
def sql_chained_aliases_over_count(spark):
    _view(spark)
    return spark.sql("SELECT count(*) AS c, c + 1 AS c1, c1 * c AS c2 FROM lca_agg GROUP BY s")


@case
def sql_two_aggregates_read_together(spark):
    _view(spark)
    return spark.sql("SELECT avg(d) AS a, max(x) AS m, a + m, m - a AS diff, upper(max(s)) AS ms, ms || '!' FROM lca_agg")


@case(ordered=False)
def sql_alias_read_beside_another_aggregate(spark):
    _view(spark)
    return spark.sql("SELECT sum(x) AS t, t + sum(d) FROM lca_agg GROUP BY s")


@case(ordered=False)
def sql_alias_of_a_grouping_expression(spark):
    _view(spark)
    return spark.sql("SELECT x + 1 AS y, y * 2 AS z, count(*) AS n FROM lca_agg GROUP BY x + 1")


@case(ordered=False)
def sql_group_by_an_alias_read_laterally(spark):
    _view(spark)
    return spark.sql("SELECT s AS k, upper(k) AS u, count(*) AS c, c + 1 FROM lca_agg GROUP BY k")


@case
def sql_having_reads_a_lateral_alias_item(spark):
    _view(spark)
    return spark.sql("SELECT sum(x) AS t, t + 1 AS u FROM lca_agg GROUP BY s HAVING u > 4")


@case
def sql_order_by_lateral_alias_items(spark):
    _view(spark)
    return spark.sql("SELECT s, sum(x) AS t, t + 1 AS u FROM lca_agg GROUP BY s ORDER BY t + u DESC")


@case
def sql_window_beside_a_lateral_alias(spark):
    _view(spark)
    return spark.sql("SELECT sum(x) AS t, t + 1 AS u, rank() OVER (ORDER BY sum(x)) AS r FROM lca_agg GROUP BY s ORDER BY r")


@case(ordered=False)
def sql_rollup_reads_a_lateral_alias(spark):
    _view(spark)
    return spark.sql("SELECT s, sum(x) AS t, t * 2 AS t2 FROM lca_agg GROUP BY ROLLUP(s)")


@case
def sql_struct_alias_fields_read_laterally(spark):
    _view(spark)
    return spark.sql("SELECT named_struct('a', sum(x), 'b', max(s)) AS st, st.a + 1, upper(st.b) AS ub FROM lca_agg")


@case(ordered=False)
def sql_bare_read_of_an_aggregate_alias(spark):
    _view(spark)
    return spark.sql("SELECT sum(x) AS t, t FROM lca_agg GROUP BY s")


@case
def sql_distinct_over_lateral_alias_items(spark):
    _view(spark)
    return spark.sql("SELECT DISTINCT count(*) AS c, c + 1 FROM lca_agg GROUP BY s")


@case
def sql_lateral_alias_in_aggregate_function(spark):
    _view(spark)
    return spark.sql("SELECT sum(x) AS t, sum(t) FROM lca_agg")


@case
def sql_lateral_alias_in_aggregate_filter(spark):
    _view(spark)
    return spark.sql("SELECT count(*) AS c, max(x) FILTER (WHERE x > c) FROM lca_agg")


@case
def sql_lateral_alias_in_window_over_aggregate(spark):
    _view(spark)
    return spark.sql("SELECT s, sum(x) AS t, rank() OVER (PARTITION BY s ORDER BY t DESC) AS r FROM lca_agg GROUP BY s")


@case
def sql_lateral_alias_with_window_and_having(spark):
    _view(spark)
    return spark.sql("SELECT sum(x) AS t, t + 1 AS u, rank() OVER (ORDER BY sum(x)) AS r FROM lca_agg GROUP BY s HAVING u > 1")


@case
def sql_group_by_all_with_lateral_alias(spark):
    _view(spark)
    return spark.sql("SELECT sum(x) AS t, t + 1 AS u FROM lca_agg GROUP BY ALL")


@case
def sql_group_by_alias_reading_a_lateral_alias(spark):
    _view(spark)
    return spark.sql("SELECT s AS k, k || 'z' AS kz, count(*) FROM lca_agg GROUP BY kz")


@case
def sql_group_by_ordinal_reading_a_lateral_alias(spark):
    _view(spark)
    return spark.sql("SELECT s AS k, k || 'z' AS kz, count(*) FROM lca_agg GROUP BY 2")


@case
def sql_ambiguous_lateral_alias_in_aggregate(spark):
    _view(spark)
    return spark.sql("SELECT sum(x) AS y, count(*) AS y, y + 1 FROM lca_agg")


@case
def sql_non_grouped_column_beside_a_lateral_alias(spark):
    _view(spark)
    return spark.sql("SELECT sum(x) AS t, x + t FROM lca_agg GROUP BY s")


@case
def sql_input_column_wins_over_an_aggregate_alias(spark):
    _view(spark)
    return spark.sql("SELECT sum(x) AS x, x + 1 FROM lca_agg")


@case(ordered=False)
def dataframe_group_by_agg_reads_an_alias(spark):
    return _df(spark).groupBy("s").agg(F.sum("x").alias("t"), (F.col("t") + 1).alias("u"), F.col("t") * 2)


@case
def dataframe_select_global_aggregate_reads_an_alias(spark):
    return _df(spark).select(F.sum("x").alias("t"), F.col("t") + 1)


@case
def dataframe_agg_reads_an_alias(spark):
    return _df(spark).agg(F.max("d").alias("m"), F.col("m") * 2)


@case
def dataframe_select_expr_reads_an_aggregate_alias(spark):
    return _df(spark).selectExpr("sum(x) AS t", "t * 10")


@case(ordered=False)
def dataframe_group_by_alias_key_read_laterally(spark):
    return _df(spark).groupBy(F.col("s").alias("k")).agg(F.sum("x").alias("t"), F.concat("k", "t"))


@case(ordered=False)
def dataframe_when_over_an_aggregate_alias(spark):
    return _df(spark).groupBy("s").agg(F.count("*").alias("c"), F.when(F.col("c") > 1, "many").otherwise("one").alias("k"))


@case(ordered=False)
def dataframe_rollup_reads_an_alias(spark):
    return _df(spark).rollup("s").agg(F.sum("x").alias("t"), (F.col("t") * 2).alias("t2"))


@case(ordered=False)
def dataframe_filter_after_lateral_alias_aggregation(spark):
    return _df(spark).groupBy("s").agg(F.count("*").alias("c"), (F.col("c") + 1).alias("d")).filter("d > 2")


@case
def dataframe_lateral_alias_in_aggregate_function(spark):
    return _df(spark).groupBy("s").agg(F.sum("x").alias("t"), F.sum("t"))


@case
def dataframe_lateral_alias_in_window(spark):
    return _df(spark).groupBy("s").agg(F.sum("x").alias("t"), F.rank().over(Window.orderBy("t")))


@case
def dataframe_ambiguous_lateral_alias_in_agg(spark):
    return _df(spark).groupBy("s").agg(F.sum("x").alias("t"), F.sum("d").alias("t"), F.col("t") + 1)


@case
def dataframe_non_grouped_column_beside_a_lateral_alias(spark):
    return _df(spark).groupBy("s").agg(F.sum("x").alias("t"), (F.col("t") + F.col("x")).alias("u"))
