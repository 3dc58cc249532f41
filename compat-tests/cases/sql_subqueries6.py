"""Correlated subqueries Spark 4 reads that need no aggregate: a scalar subquery that
matches one inner row per outer row at most (more is SCALAR_SUBQUERY_TOO_MANY_ROWS when
the query runs), in the select list and in WHERE; and [NOT] IN with a correlated
condition in the select list (NULL-aware, as Spark's existence join)."""

from harness import case


def _t(spark):
    spark.createDataFrame([(1, 10), (2, 20), (3, None), (None, 5)], "k int, v int").createOrReplaceTempView("s6_a")
    spark.createDataFrame([(1, 100), (2, 200), (2, 201), (4, 400), (None, 7)], "k int, y int").createOrReplaceTempView("s6_b")


def _sql(spark, text):
    _t(spark)
    return spark.sql(text)


@case
def correlated_scalar_value_without_aggregate(spark):
    return _sql(spark, "SELECT k, (SELECT y FROM s6_b WHERE s6_b.k = s6_a.k AND y < 201) s FROM s6_a ORDER BY k")


@case
def correlated_scalar_expression_without_aggregate(spark):
    return _sql(spark, "SELECT k, (SELECT y * 2 + s6_a.k FROM s6_b WHERE s6_b.k = s6_a.k AND y <> 200) AS s FROM s6_a ORDER BY k")


@case
def correlated_scalar_without_aggregate_in_where(spark):
    return _sql(spark, "SELECT k, v FROM s6_a WHERE v * 10 <= (SELECT y FROM s6_b b WHERE b.k = s6_a.k AND b.y < 201) ORDER BY k")


@case
def correlated_scalar_without_aggregate_too_many_rows(spark):
    return _sql(spark, "SELECT k, (SELECT y FROM s6_b WHERE s6_b.k = s6_a.k) s FROM s6_a ORDER BY k")


@case
def correlated_not_in_select_list(spark):
    return _sql(spark, "SELECT k, k NOT IN (SELECT b.k FROM s6_b b WHERE b.y > s6_a.v) s FROM s6_a ORDER BY k")


@case
def correlated_in_select_list(spark):
    return _sql(spark, "SELECT k, k IN (SELECT b.k FROM s6_b b WHERE b.y > s6_a.v) s FROM s6_a ORDER BY k")


@case
def correlated_not_in_on_an_equality_select_list(spark):
    return _sql(spark, "SELECT k, v NOT IN (SELECT y FROM s6_b b WHERE b.k = s6_a.k) s FROM s6_a ORDER BY k")


@case
def correlated_scalar_range_without_aggregate(spark):
    # A non-equality correlation and no aggregate: Spark 4 reads it when one inner row
    # matches each outer row at most.
    return _sql(spark, "SELECT k, (SELECT y FROM s6_b WHERE s6_b.k > s6_a.k AND y > 300) s FROM s6_a ORDER BY k")


@case
def correlated_scalar_range_without_aggregate_too_many_rows(spark):
    return _sql(spark, "SELECT k, (SELECT y FROM s6_b WHERE s6_b.k > s6_a.k) s FROM s6_a ORDER BY k")


@case
def correlated_scalar_outer_column_in_select_list_on_a_range(spark):
    return _sql(spark, "SELECT k, (SELECT y + s6_a.v FROM s6_b WHERE s6_b.k > s6_a.k AND y > 300) s FROM s6_a ORDER BY k")


@case
def correlated_scalar_on_an_expression_of_outer_columns(spark):
    return _sql(spark, "SELECT k, (SELECT y FROM s6_b WHERE y = s6_a.v * 10) s FROM s6_a ORDER BY k")


@case
def correlated_scalar_outer_column_beside_an_aggregate_is_an_error(spark):
    return _sql(spark, "SELECT k, (SELECT max(y) + s6_a.v FROM s6_b WHERE s6_b.k = s6_a.k) s FROM s6_a ORDER BY k")


@case
def uncorrelated_where_outer_column_beside_an_aggregate_is_an_error(spark):
    return _sql(spark, "SELECT k, (SELECT count(*) + s6_a.v FROM s6_b) s FROM s6_a ORDER BY k")


@case
def outer_column_only_in_select_list(spark):
    # No correlated WHERE: the outer column alone correlates the subquery.
    return _sql(spark, "SELECT k, (SELECT y + s6_a.k FROM s6_b WHERE y = 400) s FROM s6_a ORDER BY k")


@case
def correlated_not_in_where_range_and_null_value(spark):
    return _sql(spark, "SELECT k, v NOT IN (SELECT y FROM s6_b b WHERE b.k >= s6_a.k) s FROM s6_a ORDER BY k")
